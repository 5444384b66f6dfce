//! Resolves names to indices: node ids in `next` and routes, flag names and
//! promise ids. Unknown node names are reported here (E010, E011), with the
//! closest existing id as a suggestion.

use super::model::*;
use crate::diagnostic::{Code, MAX_SUGGEST_CHARS, Reporter, closest_within};
use crate::lang::{Bilingual, msg};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub(super) fn resolve(scenario: &mut Scenario, reporter: &mut Reporter) {
    let mut index: HashMap<String, NodeIdx> = HashMap::with_capacity(scenario.nodes.len());
    for (i, node) in scenario.nodes.iter().enumerate() {
        if let Some(&first) = index.get(&node.id.value) {
            let first_line = reporter
                .line_col(scenario.nodes[first as usize].id.span.start)
                .line;
            reporter.report(
                Code::E006,
                node.id.span,
                msg!(
                    "two nodes are called `{id}`",
                    "hay dos nodos que se llaman `{id}`",
                    id = node.id.value,
                ),
                msg!(
                    "node ids must be unique: rename this one or the one at line {first_line}",
                    "los ids de los nodos no se pueden repetir: cambia este o el de la línea {first_line}"
                ),
            );
        } else {
            index.insert(node.id.value.clone(), i as NodeIdx);
        }
    }

    // Candidates for "did you mean": short enough to compare, ordered by
    // length (then name, so the suggestion never depends on hash order).
    let mut suggestible: Vec<(usize, &str)> = index
        .keys()
        .filter(|id| !id.is_empty() && id.len() <= MAX_SUGGEST_CHARS * 4)
        .map(|id| (id.chars().count(), id.as_str()))
        .filter(|&(len, _)| len <= MAX_SUGGEST_CHARS)
        .collect();
    suggestible.sort_unstable();
    let mut names = Names {
        index: &index,
        suggestible,
        suggested: RefCell::new(HashMap::new()),
        budget: Cell::new(SUGGEST_BUDGET_PER_FILE),
        flags: HashMap::new(),
        flag_list: Vec::new(),
        promises: HashMap::new(),
        promise_list: Vec::new(),
    };

    // With too many nodes (E023) none were read: every name would be unknown.
    let nodes_refused = reporter.reported(Code::E023);
    if !nodes_refused && (!scenario.start.id.value.is_empty() || scenario.start.id.span.end > 0) {
        match index.get(&scenario.start.id.value) {
            Some(&node) => scenario.start.node = node,
            None => {
                let hint = names.suggest(&scenario.start.id.value);
                reporter.report(
                    Code::E010,
                    scenario.start.id.span,
                    msg!(
                        "the scenario starts at `{start}`, but no node has that id",
                        "el escenario empieza en `{start}`, pero ningún nodo tiene ese id",
                        start = scenario.start.id.value,
                    ),
                    hint,
                );
            }
        }
    }

    for node in &mut scenario.nodes {
        names.actions(&mut node.promises);
        names.flags(&mut node.flags);
        let (choices, time_limit) = match &mut node.body {
            NodeBody::Scene {
                choices,
                time_limit,
                ..
            } => (choices, time_limit),
            NodeBody::Ending { claims, notes, .. } => {
                for claim in claims {
                    names.condition(&mut claim.condition);
                }
                for note in notes {
                    names.condition(&mut note.when);
                }
                continue;
            }
        };
        for choice in choices
            .iter_mut()
            .chain(time_limit.as_mut().map(|t| &mut t.reply))
        {
            names.actions(&mut choice.promises);
            names.flags(&mut choice.flags);
            if let Some(condition) = &mut choice.when {
                names.condition(condition);
            }
            match &mut choice.next {
                Next::Go(target) => names.target(target, reporter),
                Next::Route {
                    branches,
                    otherwise,
                    ..
                } => {
                    for branch in branches {
                        names.condition(&mut branch.when);
                        names.target(&mut branch.go, reporter);
                    }
                    names.target(otherwise, reporter);
                }
                Next::Random { options, .. } => {
                    for option in options {
                        names.target(&mut option.go, reporter);
                    }
                }
            }
        }
    }

    let mut promises: Vec<PromiseInfo> = names
        .promise_list
        .into_iter()
        .map(|id| PromiseInfo {
            id,
            confirmable: false,
        })
        .collect();
    for action in scenario.all_promise_actions() {
        if let PromiseAction::Confirm(p) = action
            && let Some(info) = promises.get_mut(p.promise as usize)
        {
            info.confirmable = true;
        }
    }
    scenario.flags = names.flag_list;
    scenario.promises = promises;
    scenario.node_index = index;
}

/// The work all the "did you mean" suggestions of one file may do (see
/// [`closest_within`]): tens of milliseconds, whatever the file holds.
const SUGGEST_BUDGET_PER_FILE: usize = 20_000_000;

struct Names<'i> {
    index: &'i HashMap<String, NodeIdx>,
    /// Node ids worth comparing, by character count.
    suggestible: Vec<(usize, &'i str)>,
    /// Suggestions already made, by wrong name: a misspelling repeated in
    /// a thousand places is looked up once.
    suggested: RefCell<HashMap<String, Option<&'i str>>>,
    /// What is left of [`SUGGEST_BUDGET_PER_FILE`].
    budget: Cell<usize>,
    flags: HashMap<String, FlagIdx>,
    flag_list: Vec<String>,
    promises: HashMap<String, PromiseIdx>,
    promise_list: Vec<String>,
}

impl<'i> Names<'i> {
    /// The node id closest to `wrong`, within the file's budget. An empty
    /// id (already an error of its own) is never the one meant.
    fn closest(&self, wrong: &str) -> Option<&'i str> {
        if let Some(&known) = self.suggested.borrow().get(wrong) {
            return known;
        }
        let near = if wrong.len() > MAX_SUGGEST_CHARS * 4 {
            None
        } else {
            // Only ids whose length is within the largest distance allowed.
            let len = wrong.chars().count();
            let reach = (MAX_SUGGEST_CHARS / 3).max(2);
            let from = self.suggestible.partition_point(|&(l, _)| l + reach < len);
            let to = self.suggestible.partition_point(|&(l, _)| l <= len + reach);
            let mut budget = self.budget.get();
            let near = closest_within(
                wrong,
                self.suggestible[from..to.max(from)]
                    .iter()
                    .map(|&(_, id)| id),
                &mut budget,
            );
            self.budget.set(budget);
            near
        };
        // Long wrong names are not remembered: they would be copied whole.
        if wrong.len() <= MAX_SUGGEST_CHARS * 4 {
            self.suggested.borrow_mut().insert(wrong.to_string(), near);
        }
        near
    }

    fn suggest(&self, wrong: &str) -> Bilingual {
        let near = self.closest(wrong);
        match near {
            Some(near) => msg!(
                "did you mean \"{near}\"? Otherwise add a node with this id",
                "¿querías decir \"{near}\"? Si no, añade un nodo con este id"
            ),
            None => msg!(
                "check the spelling, or add a node with this id to `nodes`",
                "revisa cómo está escrito, o añade a `nodes` un nodo con este id"
            ),
        }
    }

    fn target(&self, target: &mut Target, reporter: &mut Reporter) {
        if target.id.span.end == 0 && target.id.value.is_empty() {
            // A value that failed to decode, already reported.
            return;
        }
        match self.index.get(&target.id.value) {
            Some(&node) => target.node = node,
            None => reporter.report(
                Code::E011,
                target.id.span,
                msg!(
                    "no node is called `{id}`",
                    "ningún nodo se llama `{id}`",
                    id = target.id.value,
                ),
                self.suggest(&target.id.value),
            ),
        }
    }

    fn flag(&mut self, flag: &mut FlagRef) {
        let next = self.flag_list.len() as FlagIdx;
        flag.flag = *self
            .flags
            .entry(flag.name.value.clone())
            .or_insert_with(|| {
                self.flag_list.push(flag.name.value.clone());
                next
            });
    }

    fn flags(&mut self, flags: &mut [FlagRef]) {
        for flag in flags {
            self.flag(flag);
        }
    }

    fn promise(&mut self, promise: &mut PromiseRef) {
        let next = self.promise_list.len() as PromiseIdx;
        promise.promise = *self
            .promises
            .entry(promise.id.value.clone())
            .or_insert_with(|| {
                self.promise_list.push(promise.id.value.clone());
                next
            });
    }

    fn actions(&mut self, actions: &mut [PromiseAction]) {
        for action in actions {
            match action {
                PromiseAction::Make { promise, .. }
                | PromiseAction::Keep(promise)
                | PromiseAction::Break(promise)
                | PromiseAction::Confirm(promise)
                | PromiseAction::Retract(promise) => self.promise(promise),
            }
        }
    }

    fn condition(&mut self, condition: &mut Condition) {
        condition.visit_refs_mut(&mut |r| match r {
            RefMut::Flag(flag) => self.flag(flag),
            RefMut::Promise(promise) => self.promise(promise),
        });
    }
}
