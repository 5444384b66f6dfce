//! A play session: the state machine the GUI, the CLI and the tests drive.
//!
//! Events out, choices in: the session says what to show (speaker, text,
//! mood, replies in display order, time limit), takes a reply or a timeout,
//! and appends [`Event`]s. Everything random comes from one seed, so the
//! same scenario, seed and replies always give the same session.

use super::error::EngineError;
use super::event::{self, ActionAt, Event};
use super::rng::Rng;
use super::view::*;
use crate::scenario::model::*;
use crate::scenario::placeholder::{self, Fill};
use crate::scoring::{self, Points, ScoreLine, Scorecard};
use std::sync::Arc;

/// A session in progress (or finished).
#[derive(Debug, Clone)]
pub struct Session {
    pub(super) scenario: Arc<Scenario>,
    pub(super) seed: u64,
    pub(super) mode: Mode,
    pub(super) trainee: String,
    pub(super) start: Option<StartState>,
    pub(super) rng: Rng,
    pub(super) name_variant: usize,
    pub(super) node: NodeIdx,
    pub(super) mood: i32,
    pub(super) flags: Vec<u64>,
    pub(super) ledger: Vec<PromiseEntry>,
    pub(super) order: Vec<ChoiceIdx>,
    pub(super) events: Vec<Event>,
    pub(super) steps: Vec<Step>,
    pub(super) outcome: Option<Outcome>,
    /// Analysis only: the option a random route must take on the next reply.
    pub(super) forced_option: Option<usize>,
    /// Analysis only: the starting mood to use instead of a seeded one.
    pub(super) forced_start_mood: Option<i32>,
    /// Points scored before `events` begins (after a jump to a saved play
    /// state), so score conditions see the whole conversation.
    pub(super) base_totals: [Points; 3],
}

impl Session {
    /// A new session at the scenario's start. Refuses scenarios with errors.
    pub fn new(scenario: Arc<Scenario>, seed: u64, mode: Mode) -> Result<Session, EngineError> {
        if !scenario.checked {
            return Err(EngineError::NotPlayable);
        }
        let mut session = Session {
            flags: vec![0; scenario.flags.len().div_ceil(64)],
            ledger: vec![PromiseEntry::default(); scenario.promises.len()],
            scenario,
            seed,
            mode,
            trainee: String::new(),
            start: None,
            rng: Rng::new(seed),
            name_variant: 0,
            node: 0,
            mood: 50,
            order: Vec::with_capacity(9),
            events: Vec::with_capacity(64),
            steps: Vec::with_capacity(16),
            outcome: None,
            forced_option: None,
            forced_start_mood: None,
            base_totals: [Points::default(); 3],
        };
        session.reset(seed);
        Ok(session)
    }

    /// A new session that starts at `start.node` with the given mood, flags
    /// and open promises (no start-of-scenario events).
    pub fn starting_at(
        scenario: Arc<Scenario>,
        seed: u64,
        mode: Mode,
        start: StartState,
    ) -> Result<Session, EngineError> {
        let node = scenario
            .node_by_id(&start.node)
            .ok_or_else(|| EngineError::UnknownNode(start.node.clone()))?;
        if scenario.nodes[node as usize].is_ending() {
            return Err(EngineError::StartAtEnding(start.node.clone()));
        }
        let mut session = Session::new(scenario, seed, mode)?;
        session.start = Some(start);
        session.reset(seed);
        Ok(session)
    }

    /// Sets the trainee's name (for the `{trainee}` placeholder).
    pub fn with_trainee(mut self, trainee: impl Into<String>) -> Session {
        self.trainee = trainee.into();
        self
    }

    /// Starts over with `seed`, reusing allocations (used by random play).
    pub fn reset(&mut self, seed: u64) {
        let scenario = Arc::clone(&self.scenario);
        self.seed = seed;
        self.rng = Rng::new(seed);
        self.flags.iter_mut().for_each(|w| *w = 0);
        self.ledger
            .iter_mut()
            .for_each(|p| *p = PromiseEntry::default());
        self.events.clear();
        self.steps.clear();
        self.outcome = None;
        self.base_totals = [Points::default(); 3];
        let names = scenario.customer.names.len().max(1) as u32;
        self.name_variant = self.rng.below(names) as usize;
        self.mood = match scenario.customer.mood {
            MoodSpec::Fixed(m) => m,
            MoodSpec::Between(low, high) => low + self.rng.below((high - low + 1) as u32) as i32,
        };
        if let Some(mood) = self.forced_start_mood {
            self.mood = mood.clamp(0, 100);
        }
        match self.start.clone() {
            None => self.enter(scenario.start.node),
            Some(start) => {
                self.mood = start.mood.clamp(0, 100);
                for flag in &start.flags {
                    if let Some(i) = scenario.flags.iter().position(|f| f == flag) {
                        self.set_flag(i as FlagIdx);
                    }
                }
                for id in &start.open_promises {
                    if let Some(entry) = scenario
                        .promises
                        .iter()
                        .position(|p| &p.id == id)
                        .and_then(|i| self.ledger.get_mut(i))
                    {
                        entry.status = PromiseStatus::Open;
                    }
                }
                let node = scenario
                    .node_by_id(&start.node)
                    .unwrap_or(scenario.start.node);
                self.node = node;
                self.events.push(Event::Entered { node });
                self.offer_choices();
            }
        }
    }

    // ---- what to show ------------------------------------------------------

    /// The scenario being played.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Practice or assessment.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The trainee's name.
    pub fn trainee(&self) -> &str {
        &self.trainee
    }

    /// The start state, when the session started mid-scenario.
    pub fn start_state(&self) -> Option<&StartState> {
        self.start.as_ref()
    }

    /// The current node's index.
    pub fn node_index(&self) -> NodeIdx {
        self.node
    }

    /// The current node.
    pub fn node(&self) -> &Node {
        &self.scenario.nodes[self.node as usize]
    }

    /// The customer's name for this session.
    pub fn customer_name(&self) -> &str {
        self.scenario
            .customer
            .names
            .get(self.name_variant)
            .map(String::as_str)
            .unwrap_or("")
    }

    fn fill(&self, text: &str) -> String {
        placeholder::fill(
            text,
            Fill {
                customer: self.customer_name(),
                gender: self.scenario.customer.gender,
                spanish: self.scenario.language.value == "es",
                trainee: &self.trainee,
            },
        )
    }

    /// Fills the placeholders of any scenario text for this session.
    pub fn resolve_text(&self, text: &str) -> String {
        self.fill(text)
    }

    /// Who speaks at the current node.
    pub fn speaker(&self) -> Speaker {
        self.node().speaker
    }

    /// The current node's text, placeholders filled.
    pub fn text(&self) -> String {
        self.fill(&self.node().text)
    }

    /// The current node's mood cue, placeholders filled.
    pub fn mood_cue(&self) -> Option<String> {
        self.node().mood_cue.as_ref().map(|t| self.fill(t))
    }

    /// The customer's mood, 0–100.
    pub fn mood(&self) -> i32 {
        self.mood
    }

    /// The mood in five steps.
    pub fn mood_level(&self) -> MoodLevel {
        MoodLevel::of(self.mood)
    }

    /// Replies on offer, in display order (empty at an ending).
    pub fn choices(&self) -> Vec<ChoiceView> {
        let choices = self.node().choices();
        self.order
            .iter()
            .enumerate()
            .filter_map(|(i, &c)| {
                choices.get(c as usize).map(|choice| ChoiceView {
                    number: i + 1,
                    choice: c,
                    id: choice.id.value.clone(),
                    text: self.fill(&choice.text),
                })
            })
            .collect()
    }

    /// The indices of the replies on offer, in display order.
    pub fn offered(&self) -> &[ChoiceIdx] {
        &self.order
    }

    /// Seconds the trainee has at the current node, if timed.
    pub fn time_limit(&self) -> Option<u32> {
        if self.outcome.is_some() {
            return None;
        }
        self.node().time_limit().map(|t| t.seconds)
    }

    /// True once an ending is reached.
    pub fn is_finished(&self) -> bool {
        self.outcome.is_some()
    }

    /// The outcome, once an ending is reached.
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }

    /// Every event so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Every decision so far.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The events of the last decision.
    pub fn last_events(&self) -> &[Event] {
        match self.steps.last() {
            Some(step) => &self.events[step.events.0 as usize..step.events.1 as usize],
            None => &self.events,
        }
    }

    /// The promise ledger, indexed like [`Scenario::promises`].
    pub fn ledger(&self) -> &[PromiseEntry] {
        &self.ledger
    }

    /// True when the flag is set.
    pub fn flag(&self, flag: FlagIdx) -> bool {
        self.flags
            .get(flag as usize / 64)
            .is_some_and(|w| w & (1 << (flag % 64)) != 0)
    }

    /// Names of the flags set.
    pub fn flags_set(&self) -> Vec<&str> {
        self.scenario
            .flags
            .iter()
            .enumerate()
            .filter(|(i, _)| self.flag(*i as FlagIdx))
            .map(|(_, name)| name.as_str())
            .collect()
    }

    /// Scores so far (final once finished).
    pub fn scorecard(&self) -> Scorecard {
        event::scorecard(&self.events)
    }

    /// The mood after each decision, starting with the mood at the start.
    pub fn mood_history(&self) -> Vec<i32> {
        let first = self
            .steps
            .first()
            .map(|s| s.mood_before)
            .unwrap_or(self.mood);
        std::iter::once(first)
            .chain(self.steps.iter().map(|s| s.mood_after))
            .collect()
    }

    /// The conversation so far, as lines to display.
    pub fn transcript(&self) -> Vec<TranscriptLine> {
        let mut lines = Vec::new();
        for event in &self.events {
            match *event {
                Event::Entered { node } => {
                    let Some(node) = self.scenario.node(node) else {
                        continue;
                    };
                    let speaker = match node.speaker {
                        Speaker::Customer => LineSpeaker::Customer,
                        Speaker::Colleague => LineSpeaker::Colleague,
                        Speaker::Manager => LineSpeaker::Manager,
                        Speaker::Narrator => LineSpeaker::Narrator,
                    };
                    let name = match node.speaker {
                        Speaker::Customer => Some(self.customer_name().to_string()),
                        _ => node.speaker_name.clone(),
                    };
                    lines.push(TranscriptLine {
                        speaker,
                        name,
                        text: self.fill(&node.text),
                        mood_cue: node.mood_cue.as_ref().map(|t| self.fill(t)),
                        timed_out: false,
                    });
                }
                Event::Replied { node, reply } => {
                    let Some(choice) = self.scenario.node(node).and_then(|n| reply_of(n, reply))
                    else {
                        continue;
                    };
                    lines.push(TranscriptLine {
                        speaker: LineSpeaker::Trainee,
                        name: (!self.trainee.is_empty()).then(|| self.trainee.clone()),
                        text: self.fill(&choice.text),
                        mood_cue: None,
                        timed_out: reply == ReplyRef::Timeout,
                    });
                }
                _ => {}
            }
        }
        lines
    }

    // ---- taking replies ----------------------------------------------------

    /// Takes the reply at 0-based display `position`.
    pub fn choose(&mut self, position: usize) -> Result<(), EngineError> {
        self.choose_timed(position, None)
    }

    /// Takes the reply at `position`, recording how long the trainee took.
    pub fn choose_timed(
        &mut self,
        position: usize,
        elapsed_ms: Option<u32>,
    ) -> Result<(), EngineError> {
        if self.outcome.is_some() {
            return Err(EngineError::Finished);
        }
        let choice = *self
            .order
            .get(position)
            .ok_or(EngineError::NoSuchChoice(position + 1))?;
        self.apply(ReplyRef::Choice(choice), position as u8 + 1, elapsed_ms);
        Ok(())
    }

    /// Takes the reply with choice id `id`, if it is on offer.
    pub fn choose_id(&mut self, id: &str) -> Result<(), EngineError> {
        let choices = self.node().choices();
        let position = self
            .order
            .iter()
            .position(|&c| choices.get(c as usize).is_some_and(|ch| ch.id.value == id))
            .ok_or(EngineError::NoSuchChoice(0))?;
        self.choose(position)
    }

    /// The time limit ran out.
    pub fn time_out(&mut self) -> Result<(), EngineError> {
        self.time_out_after(None)
    }

    /// The time limit ran out after `elapsed_ms`.
    pub fn time_out_after(&mut self, elapsed_ms: Option<u32>) -> Result<(), EngineError> {
        if self.outcome.is_some() {
            return Err(EngineError::Finished);
        }
        if self.node().time_limit().is_none() {
            return Err(EngineError::NoTimeLimit);
        }
        self.apply(ReplyRef::Timeout, 0, elapsed_ms);
        Ok(())
    }

    /// For analysis: restarts with a fixed starting mood, so every mood of a
    /// `Between` range can be explored.
    pub fn reset_with_mood(&mut self, seed: u64, mood: i32) {
        self.forced_start_mood = Some(mood);
        self.reset(seed);
        self.forced_start_mood = None;
    }

    /// For analysis: takes the reply at `position` (or the timeout when
    /// `position` is `None`), sending a random route to its option `option`
    /// instead of drawing one.
    pub fn choose_forcing(
        &mut self,
        position: Option<usize>,
        option: usize,
    ) -> Result<(), EngineError> {
        self.forced_option = Some(option);
        let result = match position {
            Some(position) => self.choose(position),
            None => self.time_out(),
        };
        self.forced_option = None;
        result
    }

    /// For analysis: the part of the state that decides the future of the
    /// conversation (node, mood, flags, promises, outcome).
    pub fn play_state(&self) -> PlayState {
        PlayState {
            node: self.node,
            mood: self.mood,
            flags: self.flags.clone(),
            ledger: self.ledger.clone(),
            outcome: self.outcome,
            totals: self.totals(),
        }
    }

    /// For analysis: jumps to `state`, forgetting the history (events and
    /// steps are cleared, so the events of the next reply are the only ones).
    pub fn set_play_state(&mut self, state: &PlayState) {
        self.node = state.node;
        self.mood = state.mood;
        self.flags.clone_from(&state.flags);
        self.ledger.clone_from(&state.ledger);
        self.outcome = state.outcome;
        self.base_totals = state.totals;
        self.events.clear();
        self.steps.clear();
        if self.outcome.is_none() {
            self.offer_choices();
        } else {
            self.order.clear();
        }
    }

    /// Takes back the last reply (practice mode only).
    pub fn undo(&mut self) -> Result<(), EngineError> {
        if self.mode != Mode::Practice {
            return Err(EngineError::UndoInAssessment);
        }
        if self.steps.is_empty() {
            return Err(EngineError::NothingToUndo);
        }
        let mut saved = self.save();
        saved.inputs.pop();
        let restored = Session::replay(Arc::clone(&self.scenario), &saved)
            .map_err(|_| EngineError::NothingToUndo)?;
        *self = restored;
        Ok(())
    }

    fn apply(&mut self, reply: ReplyRef, position: u8, elapsed_ms: Option<u32>) {
        let scenario = Arc::clone(&self.scenario);
        let node_idx = self.node;
        let node = &scenario.nodes[node_idx as usize];
        let Some(choice) = reply_of(node, reply) else {
            return;
        };
        let events_start = self.events.len() as u32;
        let mood_before = self.mood;
        let choices = node.choices();
        let mut offered_mask = 0u16;
        for &c in &self.order {
            offered_mask |= 1u16.checked_shl(u32::from(c)).unwrap_or(0);
        }
        let points = scoring::reply_points(
            self.order.iter().map(|&c| &choices[c as usize].effects),
            &choice.effects,
        );
        self.events.push(Event::Replied {
            node: node_idx,
            reply,
        });
        self.events
            .extend(scoring::reply_lines(node_idx, reply, points).map(Event::Scored));
        let below_zero = self.mood + choice.mood;
        if choice.mood < 0 && below_zero < 0 {
            let excess = u8::try_from(-below_zero).unwrap_or(u8::MAX);
            self.events.push(Event::Scored(ScoreLine::beyond_furious(
                node_idx, reply, excess,
            )));
        }
        self.change_mood(choice.mood);
        for (index, action) in choice.promises.iter().enumerate() {
            let at = ActionAt {
                node: node_idx,
                reply: Some(reply),
                index: index as u16,
            };
            self.promise_action(action, at);
        }
        for flag in &choice.flags {
            self.set_flag(flag.flag);
        }
        let next = self.route(&choice.next);
        self.enter(next);
        self.steps.push(Step {
            node: node_idx,
            reply,
            offered: offered_mask,
            position,
            mood_before,
            mood_after: self.mood,
            points,
            events: (events_start, self.events.len() as u32),
            elapsed_ms,
        });
    }

    fn change_mood(&mut self, delta: i32) {
        if delta == 0 {
            return;
        }
        let from = self.mood;
        self.mood = (self.mood + delta).clamp(0, 100);
        if self.mood != from {
            self.events.push(Event::MoodChanged {
                from,
                to: self.mood,
            });
        }
    }

    fn set_flag(&mut self, flag: FlagIdx) {
        if self.flag(flag) {
            return;
        }
        if let Some(word) = self.flags.get_mut(flag as usize / 64) {
            *word |= 1 << (flag % 64);
            self.events.push(Event::FlagSet { flag });
        }
    }

    /// True when `condition` holds now.
    pub fn holds(&self, condition: &Condition) -> bool {
        let status = |p: &PromiseRef| {
            self.ledger
                .get(p.promise as usize)
                .map(|e| (e.status, e.confirmed))
        };
        let score = |d: Dimension| self.totals()[d.index()].percent();
        match condition {
            Condition::MoodAtLeast(n) => self.mood >= *n,
            Condition::MoodBelow(n) => self.mood < *n,
            Condition::Flag(f) => self.flag(f.flag),
            Condition::NotFlag(f) => !self.flag(f.flag),
            Condition::PromiseOpen(p) => status(p).is_some_and(|(s, _)| s == PromiseStatus::Open),
            Condition::PromiseKept(p) => status(p).is_some_and(|(s, _)| s == PromiseStatus::Kept),
            Condition::PromiseMade(p) => {
                status(p).is_some_and(|(s, _)| s != PromiseStatus::NotMade)
            }
            Condition::PromiseBroken(p) => {
                status(p).is_some_and(|(s, _)| s == PromiseStatus::Broken)
            }
            Condition::PromiseConfirmed(p) => status(p).is_some_and(|(_, confirmed)| confirmed),
            Condition::PromiseRetracted(p) => {
                status(p).is_some_and(|(s, _)| s == PromiseStatus::Retracted)
            }
            Condition::ScoreAtLeast(d, n) => score(*d).is_some_and(|s| s >= f64::from(*n)),
            Condition::ScoreBelow(d, n) => score(*d).is_some_and(|s| s < f64::from(*n)),
            Condition::All(parts) => parts.iter().all(|c| self.holds(c)),
            Condition::Any(parts) => parts.iter().any(|c| self.holds(c)),
            Condition::Not(inner) => !self.holds(inner),
        }
    }

    /// The points earned and at stake so far, per dimension.
    pub fn totals(&self) -> [Points; 3] {
        let mut totals = self.base_totals;
        for line in self.events.iter().filter_map(Event::score_line) {
            totals[line.dimension.index()].add(line.points);
        }
        totals
    }

    /// At an ending, the indices of its claims that do not hold on this
    /// path; empty elsewhere.
    pub fn violated_claims(&self) -> Vec<usize> {
        match &self.node().body {
            NodeBody::Ending { claims, .. } if self.is_finished() => claims
                .iter()
                .enumerate()
                .filter(|(_, claim)| !self.holds(&claim.condition))
                .map(|(i, _)| i)
                .collect(),
            _ => Vec::new(),
        }
    }

    fn route(&mut self, next: &Next) -> NodeIdx {
        match next {
            Next::Go(target) => target.node,
            Next::Route {
                branches,
                otherwise,
                ..
            } => branches
                .iter()
                .find(|b| self.holds(&b.when))
                .map_or(otherwise.node, |b| b.go.node),
            Next::Random { options, .. } => {
                if let Some(forced) = self.forced_option
                    && let Some(option) = options.get(forced)
                {
                    return option.go.node;
                }
                let total: u32 = options.iter().map(|o| o.weight).sum();
                if total == 0 {
                    return options.first().map_or(self.node, |o| o.go.node);
                }
                let mut pick = self.rng.below(total);
                for option in options {
                    if pick < option.weight {
                        return option.go.node;
                    }
                    pick -= option.weight;
                }
                options.last().map_or(self.node, |o| o.go.node)
            }
        }
    }

    fn enter(&mut self, node_idx: NodeIdx) {
        let scenario = Arc::clone(&self.scenario);
        let Some(node) = scenario.node(node_idx) else {
            return;
        };
        self.node = node_idx;
        self.events.push(Event::Entered { node: node_idx });
        self.change_mood(node.mood);
        for (index, action) in node.promises.iter().enumerate() {
            let at = ActionAt {
                node: node_idx,
                reply: None,
                index: index as u16,
            };
            self.promise_action(action, at);
        }
        for flag in &node.flags {
            self.set_flag(flag.flag);
        }
        match &node.body {
            NodeBody::Ending { outcome, .. } => self.finish(node_idx, *outcome),
            NodeBody::Scene { .. } => self.offer_choices(),
        }
    }

    fn offer_choices(&mut self) {
        let scenario = Arc::clone(&self.scenario);
        let node = &scenario.nodes[self.node as usize];
        self.order.clear();
        let NodeBody::Scene {
            choices,
            fixed_order,
            ..
        } = &node.body
        else {
            return;
        };
        for (i, choice) in choices.iter().enumerate() {
            if choice.when.as_ref().is_none_or(|c| self.holds(c)) {
                self.order.push(i as ChoiceIdx);
            }
        }
        if scenario.shuffle_choices && !fixed_order {
            self.rng.shuffle(&mut self.order);
        }
    }

    fn finish(&mut self, node: NodeIdx, outcome: Outcome) {
        self.order.clear();
        self.close_ledger();
        self.outcome = Some(outcome);
        self.events.push(Event::Ended { node, outcome });
    }
}

/// The choice (or timeout reply) `reply` of `node`.
pub fn reply_of(node: &Node, reply: ReplyRef) -> Option<&Choice> {
    match reply {
        ReplyRef::Choice(c) => node.choices().get(c as usize),
        ReplyRef::Timeout => node.time_limit().map(|t| &t.reply),
    }
}
