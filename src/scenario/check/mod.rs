//! Checks on a decoded scenario that need the whole picture: the shape of
//! the graph, promises and flags used consistently. Name resolution and
//! per-value checks happen while decoding; language parity between two
//! files is in [`parity`].

pub mod parity;

use crate::diagnostic::{Code, Reporter};

use crate::lang::{Phrase, msg};
use crate::scenario::model::*;
use std::collections::HashSet;

/// Every node index a node can lead to, with duplicates removed.
pub fn successors(node: &Node) -> Vec<NodeIdx> {
    let mut out: Vec<NodeIdx> = node
        .choices()
        .iter()
        .chain(node.time_limit().map(|t| &t.reply))
        .flat_map(|c| c.next.targets())
        .map(|t| t.node)
        .filter(|&n| n != UNRESOLVED)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Nodes reachable from `start`, following every possible edge.
pub fn reachable_from(scenario: &Scenario, start: NodeIdx) -> Vec<bool> {
    let mut seen = vec![false; scenario.nodes.len()];
    let mut stack = Vec::new();
    if (start as usize) < seen.len() {
        seen[start as usize] = true;
        stack.push(start);
    }
    while let Some(n) = stack.pop() {
        for next in successors(&scenario.nodes[n as usize]) {
            if let Some(slot) = seen.get_mut(next as usize)
                && !*slot
            {
                *slot = true;
                stack.push(next);
            }
        }
    }
    seen
}

/// Nodes from which some ending can be reached.
pub fn can_reach_ending(scenario: &Scenario) -> Vec<bool> {
    let count = scenario.nodes.len();
    let mut predecessors: Vec<Vec<NodeIdx>> = vec![Vec::new(); count];
    for (i, node) in scenario.nodes.iter().enumerate() {
        for next in successors(node) {
            if let Some(list) = predecessors.get_mut(next as usize) {
                list.push(i as NodeIdx);
            }
        }
    }
    let mut good = vec![false; count];
    let mut stack: Vec<NodeIdx> = Vec::new();
    for (i, node) in scenario.nodes.iter().enumerate() {
        if node.is_ending() {
            good[i] = true;
            stack.push(i as NodeIdx);
        }
    }
    while let Some(n) = stack.pop() {
        for &p in &predecessors[n as usize] {
            if !good[p as usize] {
                good[p as usize] = true;
                stack.push(p);
            }
        }
    }
    good
}

/// Runs the whole-scenario checks.
pub fn check(scenario: &Scenario, reporter: &mut Reporter) {
    check_choices(scenario, reporter);
    check_graph(scenario, reporter);
    check_promises_and_flags(scenario, reporter);
}

fn check_choices(scenario: &Scenario, reporter: &mut Reporter) {
    for node in &scenario.nodes {
        let NodeBody::Scene {
            choices,
            choices_span,
            ..
        } = &node.body
        else {
            continue;
        };
        if choices.is_empty() {
            reporter.report(
                Code::E013,
                *choices_span,
                msg!(
                    "node `{id}` offers no replies and is not an ending",
                    "el nodo `{id}` no ofrece ninguna respuesta y no es un final",
                    id = node.id.value,
                ),
                msg!(
                    "add `choices: [...]`, or write it as `Ending(outcome: ..., text: ..., debrief: ...)`",
                    "añade `choices: [...]`, o escríbelo como `Ending(outcome: ..., text: ..., debrief: ...)`"
                ),
            );
        }
        // A set, not a list: a crafted node may offer thousands of choices
        // (each an error of its own), and a list made this quadratic.
        let mut seen: HashSet<&str> = HashSet::with_capacity(choices.len());
        for choice in choices {
            if !seen.insert(choice.id.value.as_str()) {
                reporter.report(
                    Code::E012,
                    choice.id.span,
                    msg!(
                        "node `{node}` has two choices with the id `{choice}`",
                        "el nodo `{node}` tiene dos respuestas con el id `{choice}`",
                        node = node.id.value,
                        choice = choice.id.value,
                    ),
                    msg!(
                        "give each choice of a node its own id: records and reports use it",
                        "da a cada respuesta de un nodo su propio id: los registros y los informes lo usan"
                    ),
                );
            }
        }
    }
}

fn check_graph(scenario: &Scenario, reporter: &mut Reporter) {
    let start = scenario.start.node;
    if scenario.nodes.is_empty() || start == UNRESOLVED {
        return;
    }
    let reachable = reachable_from(scenario, start);
    let good = can_reach_ending(scenario);
    if !good[start as usize] {
        reporter.report(
            Code::E014,
            scenario.start.id.span,
            msg!(
                "no ending can be reached from the start: every conversation would go on forever",
                "desde el inicio no se llega a ningún final: todas las conversaciones seguirían para siempre"
            ),
            msg!(
                "add an `Ending(...)` node and lead at least one reply to it",
                "añade un nodo `Ending(...)` y haz que al menos una respuesta lleve a él"
            ),
        );
    } else {
        for (i, node) in scenario.nodes.iter().enumerate() {
            // A node without replies already has its own error (E013).
            let stuck_by_design = !node.is_ending() && node.choices().is_empty();
            if reachable[i] && !good[i] && !stuck_by_design {
                reporter.report(
                    Code::E015,
                    node.id.span,
                    msg!(
                        "no ending can be reached from `{id}`: a trainee who gets here is stuck in a loop",
                        "desde `{id}` no se llega a ningún final: quien llegue aquí se queda atrapado en un bucle",
                        id = node.id.value,
                    ),
                    msg!(
                        "give one of its replies (or of the nodes it leads to) a way to an ending",
                        "haz que alguna de sus respuestas (o de los nodos a los que lleva) conduzca a un final"
                    ),
                );
            }
        }
    }
    for (i, node) in scenario.nodes.iter().enumerate() {
        // A second node with an existing id already has its own error (E006).
        let duplicate = scenario.node_by_id(&node.id.value) != Some(i as NodeIdx);
        if !reachable[i] && !duplicate {
            reporter.report(
                Code::W001,
                node.id.span,
                msg!(
                    "node `{id}` can never be reached from the start",
                    "al nodo `{id}` no se llega nunca desde el inicio",
                    id = node.id.value,
                ),
                msg!(
                    "lead a reply to it with `next`, or remove it",
                    "haz que alguna respuesta lleve a él con `next`, o quítalo"
                ),
            );
        }
    }
}

fn condition_refs<'c>(
    condition: &'c Condition,
    flags: &mut Vec<&'c FlagRef>,
    promises: &mut Vec<&'c PromiseRef>,
) {
    let (f, p) = condition.refs();
    flags.extend(f);
    promises.extend(p);
}

fn check_promises_and_flags(scenario: &Scenario, reporter: &mut Reporter) {
    let mut made: HashSet<PromiseIdx> = HashSet::new();
    let mut resolved: HashSet<PromiseIdx> = HashSet::new();
    let mut set_flags: HashSet<FlagIdx> = HashSet::new();
    for node in &scenario.nodes {
        set_flags.extend(node.flags.iter().map(|f| f.flag));
        for choice in node
            .choices()
            .iter()
            .chain(node.time_limit().map(|t| &t.reply))
        {
            set_flags.extend(choice.flags.iter().map(|f| f.flag));
        }
    }
    for action in scenario.all_promise_actions() {
        match action {
            PromiseAction::Make { promise, .. } => {
                made.insert(promise.promise);
            }
            PromiseAction::Keep(p) | PromiseAction::Break(p) => {
                resolved.insert(p.promise);
            }
            PromiseAction::Confirm(_) => {}
            PromiseAction::Retract(p) => {
                resolved.insert(p.promise);
            }
        }
    }

    let mut tested_flags: Vec<&FlagRef> = Vec::new();
    let mut tested_promises: Vec<&PromiseRef> = Vec::new();
    for node in &scenario.nodes {
        for choice in node
            .choices()
            .iter()
            .chain(node.time_limit().map(|t| &t.reply))
        {
            if let Some(when) = &choice.when {
                condition_refs(when, &mut tested_flags, &mut tested_promises);
            }
            if let Next::Route { branches, .. } = &choice.next {
                for branch in branches {
                    condition_refs(&branch.when, &mut tested_flags, &mut tested_promises);
                }
            }
        }
        if let NodeBody::Ending { claims, notes, .. } = &node.body {
            let claims = claims.iter().map(|c| &c.condition);
            for condition in claims.chain(notes.iter().map(|n| &n.when)) {
                condition_refs(condition, &mut tested_flags, &mut tested_promises);
            }
        }
    }

    let never_made = |p: &PromiseRef, verb: Phrase, reporter: &mut Reporter| {
        reporter.report(
            Code::E016,
            p.id.span,
            msg!(
                "{verb} promise `{id}`, but no reply or node makes it",
                "{verb} la promesa `{id}`, pero ninguna respuesta ni ningún nodo la hace",
                id = p.id.value,
                verb => verb,
            ),
            msg!(
                "make it first with Make(id: \"...\", text: \"...\"), or fix the id",
                "hazla antes con Make(id: \"...\", text: \"...\"), o corrige el id"
            ),
        );
    };
    for action in scenario.all_promise_actions() {
        match action {
            PromiseAction::Keep(p) if !made.contains(&p.promise) => {
                never_made(p, Phrase::new("keeps", "se cumple"), reporter)
            }
            PromiseAction::Break(p) if !made.contains(&p.promise) => {
                never_made(p, Phrase::new("breaks", "se incumple"), reporter)
            }
            PromiseAction::Confirm(p) if !made.contains(&p.promise) => {
                never_made(p, Phrase::new("confirms", "se confirma"), reporter)
            }
            PromiseAction::Retract(p) if !made.contains(&p.promise) => {
                never_made(p, Phrase::new("takes back", "se retira"), reporter)
            }
            _ => {}
        }
    }
    for p in &tested_promises {
        if !made.contains(&p.promise) {
            never_made(
                p,
                Phrase::new("a condition tests", "una condición comprueba"),
                reporter,
            );
        }
    }
    for f in &tested_flags {
        if !set_flags.contains(&f.flag) {
            reporter.report(
                Code::W002,
                f.name.span,
                msg!(
                    "flag `{flag}` is tested but no reply or node sets it",
                    "se comprueba la marca `{flag}`, pero ninguna respuesta ni ningún nodo la pone",
                    flag = f.name.value,
                ),
                msg!(
                    "set it with `flags: [\"...\"]` on a reply, or fix the name",
                    "ponla con `flags: [\"...\"]` en una respuesta, o corrige el nombre"
                ),
            );
        }
    }
    let mut warned: HashSet<PromiseIdx> = HashSet::new();
    for action in scenario.all_promise_actions() {
        if let PromiseAction::Make { promise, .. } = action
            && !resolved.contains(&promise.promise)
            && warned.insert(promise.promise)
        {
            reporter.report(
                Code::W003,
                promise.id.span,
                msg!(
                    "promise `{id}` is never kept or broken, so it will always count as broken at the end",
                    "la promesa `{id}` nunca se cumple ni se incumple, así que al final siempre contará como incumplida",
                    id = promise.id.value,
                ),
                msg!(
                    "add Keep(\"...\") on the reply or node where it is kept, or Break(\"...\") where it is not",
                    "añade Keep(\"...\") en la respuesta o el nodo donde se cumple, o Break(\"...\") donde no"
                ),
            );
        }
    }
}
