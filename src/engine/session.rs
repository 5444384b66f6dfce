//! A play session: the state machine the GUI, the CLI and the tests drive.
//!
//! Events out, choices in: the session says what to show (speaker, text,
//! mood, replies in display order, time limit), takes a reply or a timeout,
//! and appends [`Event`]s. Everything random comes from one seed, so the
//! same scenario, seed and replies always give the same session.

use super::event::{ActionAt, Cause, Event, ReplyRef};
use super::rng::Rng;
use crate::i18n::{Lang, fill};
use crate::scenario::model::*;
use crate::scenario::placeholder::{self, Fill};
use crate::scoring::{self, CONFIRM_POINTS, KEEP_POINTS, Points, Scorecard, UNREALISTIC_POINTS};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Practice shows feedback after each reply and allows undo; assessment
/// holds both until the debrief.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// Feedback after each reply, undo allowed.
    #[default]
    Practice,
    /// No feedback and no undo until the end.
    Assessment,
}

/// The customer's mood in five steps, for the portrait and for labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MoodLevel {
    /// 0–19.
    Furious,
    /// 20–39.
    Upset,
    /// 40–59.
    Neutral,
    /// 60–79.
    Pleased,
    /// 80–100.
    Delighted,
}

impl MoodLevel {
    /// The level of a mood value (0–100).
    pub fn of(mood: i32) -> MoodLevel {
        match mood {
            i32::MIN..=19 => MoodLevel::Furious,
            20..=39 => MoodLevel::Upset,
            40..=59 => MoodLevel::Neutral,
            60..=79 => MoodLevel::Pleased,
            _ => MoodLevel::Delighted,
        }
    }
}

/// What can go wrong when driving a session.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// The scenario has errors and cannot be played.
    #[error("the scenario has errors; run `momento check` to see them")]
    NotPlayable,
    /// The conversation has already ended.
    #[error("the conversation has already ended")]
    Finished,
    /// No reply at that position.
    #[error("there is no reply number {0}")]
    NoSuchChoice(usize),
    /// The current node has no time limit.
    #[error("this moment has no time limit")]
    NoTimeLimit,
    /// Undo is only for practice mode.
    #[error("undo is only available in practice mode")]
    UndoInAssessment,
    /// Nothing to undo.
    #[error("there is nothing to undo")]
    NothingToUndo,
    /// A node named in a start state does not exist.
    #[error("no node is called `{0}`")]
    UnknownNode(String),
    /// A start node that is an ending.
    #[error("cannot start at `{0}`: it is an ending")]
    StartAtEnding(String),
}

/// State to start a session at some node other than the scenario's start
/// (the workbench's "play from here").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartState {
    /// The node to start at.
    pub node: String,
    /// The customer's mood there (0–100).
    pub mood: i32,
    /// Flags already set.
    pub flags: Vec<String>,
    /// Promises already made and still open.
    pub open_promises: Vec<String>,
}

/// Where a promise stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromiseStatus {
    /// Not made on this path.
    #[default]
    NotMade,
    /// Made, neither kept nor broken yet.
    Open,
    /// Kept.
    Kept,
    /// Broken (explicitly, or still open at the end).
    Broken,
}

/// One promise in the ledger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseEntry {
    /// Where it stands.
    pub status: PromiseStatus,
    /// Confirmed with the customer.
    pub confirmed: bool,
    /// The limit it ignores, if unrealistic.
    pub limit: Option<Limit>,
    /// Where it was made.
    pub made_at: Option<ActionAt>,
}

/// One decision of the trainee.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The node decided at.
    pub node: NodeIdx,
    /// The reply taken.
    pub reply: ReplyRef,
    /// Which choices were on offer (bit `i` = choice `i`).
    pub offered: u16,
    /// 1-based position the reply had on screen (0 for a timeout).
    pub position: u8,
    /// Mood before the reply.
    pub mood_before: i32,
    /// Mood after the reply (and after entering the next node).
    pub mood_after: i32,
    /// Points of this reply, per dimension.
    pub points: [Points; 3],
    /// Range of [`Session::events`] this step produced.
    pub events: (u32, u32),
    /// Milliseconds the trainee took, when the caller measured it.
    pub elapsed_ms: Option<u32>,
}

/// The state that decides where a conversation can go from here, for the
/// analyser's state graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlayState {
    /// Current node.
    pub node: NodeIdx,
    /// Mood.
    pub mood: i32,
    /// Flags (bit set).
    pub flags: Vec<u64>,
    /// Promise ledger.
    pub ledger: Vec<PromiseEntry>,
    /// Outcome once ended.
    pub outcome: Option<Outcome>,
}

/// A reply as shown to the trainee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceView {
    /// 1-based number (the key that picks it).
    pub number: usize,
    /// Index in the node's `choices`.
    pub choice: ChoiceIdx,
    /// Stable id.
    pub id: String,
    /// The reply, placeholders filled.
    pub text: String,
}

/// Who says a line of the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineSpeaker {
    /// The customer.
    Customer,
    /// A colleague.
    Colleague,
    /// The manager.
    Manager,
    /// Narration.
    Narrator,
    /// The trainee.
    Trainee,
}

/// One line of the conversation so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptLine {
    /// Who.
    pub speaker: LineSpeaker,
    /// Their name, when known (customer name, colleague name).
    pub name: Option<String>,
    /// What was said, placeholders filled.
    pub text: String,
    /// The customer's visible reaction, if the node describes one.
    pub mood_cue: Option<String>,
    /// True for a timeout "reply".
    pub timed_out: bool,
}

/// A reply in a saved session, by ids so it survives a re-read scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedInput {
    /// The node id.
    pub node: String,
    /// The choice id, or `"timeout"`.
    pub reply: String,
    /// Milliseconds taken, if measured.
    #[serde(default)]
    pub elapsed_ms: Option<u32>,
}

/// A whole session as a plain value: enough to restore it exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSession {
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario version.
    pub scenario_version: u32,
    /// Hash of the scenario file.
    pub content_hash: String,
    /// The seed.
    pub seed: u64,
    /// Practice or assessment.
    pub mode: Mode,
    /// The trainee's name.
    #[serde(default)]
    pub trainee: String,
    /// Set when the session started somewhere other than the start node.
    #[serde(default)]
    pub start: Option<StartState>,
    /// Every reply, in order.
    pub inputs: Vec<SavedInput>,
}

/// Why a saved session cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// Different scenario.
    #[error("this attempt is of scenario `{saved}`, not `{loaded}`")]
    WrongScenario {
        /// In the save.
        saved: String,
        /// Offered.
        loaded: String,
    },
    /// The scenario file changed since the attempt.
    #[error(
        "the scenario changed since this attempt (version {saved_version} then, {loaded_version} now); the replay may differ"
    )]
    ScenarioChanged {
        /// Version in the save.
        saved_version: u32,
        /// Version loaded now.
        loaded_version: u32,
    },
    /// A reply in the save no longer fits the scenario.
    #[error("step {step}: {divergence}")]
    Diverged {
        /// 1-based step.
        step: usize,
        /// What did not match.
        divergence: Divergence,
    },
    /// The engine refused.
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// How a saved reply no longer fits the scenario.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Divergence {
    /// The save goes on after an ending.
    #[error("the conversation had already ended")]
    AlreadyEnded,
    /// The save was at another node.
    #[error("expected node `{expected}`, the scenario is at `{found}`")]
    WrongNode {
        /// The node in the save.
        expected: String,
        /// The node the scenario is at.
        found: String,
    },
    /// The saved reply is not offered there any more.
    #[error("reply `{reply}` is not on offer at `{node}`")]
    ReplyNotOffered {
        /// The saved reply.
        reply: String,
        /// Its node.
        node: String,
    },
}

impl EngineError {
    /// What went wrong, in `lang` (the `Display` form is English, for logs).
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            EngineError::NotPlayable => t.cli_not_playable.to_string(),
            EngineError::Finished => t.err_finished.to_string(),
            EngineError::NoSuchChoice(number) => {
                fill(t.err_no_such_choice, &[("number", &number.to_string())])
            }
            EngineError::NoTimeLimit => t.err_no_time_limit.to_string(),
            EngineError::UndoInAssessment => t.err_undo_in_assessment.to_string(),
            EngineError::NothingToUndo => t.err_nothing_to_undo.to_string(),
            EngineError::UnknownNode(node) => fill(t.err_unknown_node, &[("node", node)]),
            EngineError::StartAtEnding(node) => fill(t.err_start_at_ending, &[("node", node)]),
        }
    }
}

impl RestoreError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            RestoreError::WrongScenario { saved, loaded } => fill(
                t.err_wrong_scenario,
                &[("saved", saved), ("loaded", loaded)],
            ),
            RestoreError::ScenarioChanged {
                saved_version,
                loaded_version,
            } => fill(
                t.history_scenario_changed,
                &[
                    ("then", &saved_version.to_string()),
                    ("now", &loaded_version.to_string()),
                ],
            ),
            RestoreError::Diverged { step, divergence } => {
                let reason = match divergence {
                    Divergence::AlreadyEnded => t.err_diverged_ended.to_string(),
                    Divergence::WrongNode { expected, found } => fill(
                        t.err_diverged_node,
                        &[("expected", expected), ("found", found)],
                    ),
                    Divergence::ReplyNotOffered { reply, node } => {
                        fill(t.err_diverged_reply, &[("reply", reply), ("node", node)])
                    }
                };
                fill(
                    t.err_diverged,
                    &[("step", &step.to_string()), ("reason", &reason)],
                )
            }
            RestoreError::Engine(error) => error.message(lang),
        }
    }
}

/// A session in progress (or finished).
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    seed: u64,
    mode: Mode,
    trainee: String,
    start: Option<StartState>,
    rng: Rng,
    name_variant: usize,
    node: NodeIdx,
    mood: i32,
    flags: Vec<u64>,
    ledger: Vec<PromiseEntry>,
    order: Vec<ChoiceIdx>,
    events: Vec<Event>,
    steps: Vec<Step>,
    outcome: Option<Outcome>,
    /// Analysis only: the option a random route must take on the next reply.
    forced_option: Option<usize>,
    /// Analysis only: the starting mood to use instead of a seeded one.
    forced_start_mood: Option<i32>,
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
        Scorecard::from_events(&self.events)
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
        for dimension in Dimension::ALL {
            let p = points[dimension.index()];
            if p.available > 0.0 {
                self.events.push(Event::Scored {
                    dimension,
                    points: p,
                    cause: Cause::Reply {
                        node: node_idx,
                        reply,
                    },
                });
            }
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

    fn promise_action(&mut self, action: &PromiseAction, at: ActionAt) {
        let promise = action.promise().promise;
        let Some(entry) = self.ledger.get_mut(promise as usize) else {
            return;
        };
        match action {
            PromiseAction::Make { limit, .. } => {
                if entry.status != PromiseStatus::NotMade {
                    return;
                }
                entry.status = PromiseStatus::Open;
                entry.limit = *limit;
                entry.made_at = Some(at);
                self.events.push(Event::PromiseMade {
                    promise,
                    limit: *limit,
                    at,
                });
                if let Some(limit) = *limit {
                    self.events.push(Event::Scored {
                        dimension: Dimension::Promise,
                        points: Points {
                            earned: 0.0,
                            available: UNREALISTIC_POINTS,
                        },
                        cause: Cause::Unrealistic { promise, limit },
                    });
                }
            }
            PromiseAction::Keep(_) => {
                if entry.status != PromiseStatus::Open {
                    return;
                }
                entry.status = PromiseStatus::Kept;
                self.events.push(Event::PromiseKept { promise });
                self.events.push(Event::Scored {
                    dimension: Dimension::Promise,
                    points: Points {
                        earned: KEEP_POINTS,
                        available: KEEP_POINTS,
                    },
                    cause: Cause::Kept { promise },
                });
            }
            PromiseAction::Break(_) => {
                if entry.status != PromiseStatus::Open {
                    return;
                }
                entry.status = PromiseStatus::Broken;
                self.events.extend(broken_events(promise, false));
            }
            PromiseAction::Confirm(_) => {
                if entry.status == PromiseStatus::NotMade || entry.confirmed {
                    return;
                }
                entry.confirmed = true;
                self.events.push(Event::PromiseConfirmed { promise });
                self.events.push(Event::Scored {
                    dimension: Dimension::Promise,
                    points: Points {
                        earned: CONFIRM_POINTS,
                        available: CONFIRM_POINTS,
                    },
                    cause: Cause::Confirmed { promise },
                });
            }
        }
    }

    fn holds(&self, condition: &Condition) -> bool {
        match condition {
            Condition::MoodAtLeast(n) => self.mood >= *n,
            Condition::MoodBelow(n) => self.mood < *n,
            Condition::Flag(f) => self.flag(f.flag),
            Condition::NotFlag(f) => !self.flag(f.flag),
            Condition::PromiseOpen(p) => self
                .ledger
                .get(p.promise as usize)
                .is_some_and(|e| e.status == PromiseStatus::Open),
            Condition::PromiseKept(p) => self
                .ledger
                .get(p.promise as usize)
                .is_some_and(|e| e.status == PromiseStatus::Kept),
            Condition::All(parts) => parts.iter().all(|c| self.holds(c)),
            Condition::Any(parts) => parts.iter().any(|c| self.holds(c)),
            Condition::Not(inner) => !self.holds(inner),
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
        for promise in 0..self.ledger.len() {
            let entry = &mut self.ledger[promise];
            let promise = promise as PromiseIdx;
            if entry.status == PromiseStatus::Open {
                entry.status = PromiseStatus::Broken;
                self.events.extend(broken_events(promise, true));
            }
        }
        for (promise, entry) in self.ledger.iter().enumerate() {
            let confirmable = self
                .scenario
                .promises
                .get(promise)
                .is_some_and(|p| p.confirmable);
            if entry.made_at.is_some() && confirmable && !entry.confirmed {
                self.events.push(Event::Scored {
                    dimension: Dimension::Promise,
                    points: Points {
                        earned: 0.0,
                        available: CONFIRM_POINTS,
                    },
                    cause: Cause::NotConfirmed {
                        promise: promise as PromiseIdx,
                    },
                });
            }
        }
        self.outcome = Some(outcome);
        self.events.push(Event::Ended { node, outcome });
    }

    // ---- saving ------------------------------------------------------------

    /// The session as a plain value.
    pub fn save(&self) -> SavedSession {
        SavedSession {
            scenario_id: self.scenario.id.value.clone(),
            scenario_version: self.scenario.version,
            content_hash: self.scenario.source.content_hash.clone(),
            seed: self.seed,
            mode: self.mode,
            trainee: self.trainee.clone(),
            start: self.start.clone(),
            inputs: self
                .steps
                .iter()
                .map(|step| {
                    let node = &self.scenario.nodes[step.node as usize];
                    SavedInput {
                        node: node.id.value.clone(),
                        reply: match step.reply {
                            ReplyRef::Choice(c) => node.choices()[c as usize].id.value.clone(),
                            ReplyRef::Timeout => "timeout".to_string(),
                        },
                        elapsed_ms: step.elapsed_ms,
                    }
                })
                .collect(),
        }
    }

    /// Restores a saved session, refusing if the scenario changed since.
    pub fn restore(scenario: Arc<Scenario>, saved: &SavedSession) -> Result<Session, RestoreError> {
        if saved.scenario_id != scenario.id.value {
            return Err(RestoreError::WrongScenario {
                saved: saved.scenario_id.clone(),
                loaded: scenario.id.value.clone(),
            });
        }
        if saved.content_hash != scenario.source.content_hash {
            return Err(RestoreError::ScenarioChanged {
                saved_version: saved.scenario_version,
                loaded_version: scenario.version,
            });
        }
        Session::replay(scenario, saved)
    }

    /// Replays a saved session on `scenario` without checking the hash
    /// (for replaying an old attempt on a changed scenario, after warning).
    pub fn replay(scenario: Arc<Scenario>, saved: &SavedSession) -> Result<Session, RestoreError> {
        let mut session = match &saved.start {
            Some(start) => Session::starting_at(scenario, saved.seed, saved.mode, start.clone())?,
            None => Session::new(scenario, saved.seed, saved.mode)?,
        };
        session.trainee = saved.trainee.clone();
        for (i, input) in saved.inputs.iter().enumerate() {
            let step = i + 1;
            if session.is_finished() {
                return Err(RestoreError::Diverged {
                    step,
                    divergence: Divergence::AlreadyEnded,
                });
            }
            if session.node().id.value != input.node {
                return Err(RestoreError::Diverged {
                    step,
                    divergence: Divergence::WrongNode {
                        expected: input.node.clone(),
                        found: session.node().id.value.clone(),
                    },
                });
            }
            if input.reply == "timeout" && session.node().time_limit().is_some() {
                session.time_out_after(input.elapsed_ms)?;
                continue;
            }
            let choices = session.node().choices();
            let position = session
                .order
                .iter()
                .position(|&c| choices[c as usize].id.value == input.reply)
                .ok_or_else(|| RestoreError::Diverged {
                    step,
                    divergence: Divergence::ReplyNotOffered {
                        reply: input.reply.clone(),
                        node: input.node.clone(),
                    },
                })?;
            session.choose_timed(position, input.elapsed_ms)?;
        }
        Ok(session)
    }
}

/// The choice (or timeout reply) `reply` of `node`.
pub fn reply_of(node: &Node, reply: ReplyRef) -> Option<&Choice> {
    match reply {
        ReplyRef::Choice(c) => node.choices().get(c as usize),
        ReplyRef::Timeout => node.time_limit().map(|t| &t.reply),
    }
}

/// What breaking a promise emits: the event, and its zero out of
/// [`KEEP_POINTS`] on promise-keeping (during play or, if still open, at
/// the end).
fn broken_events(promise: PromiseIdx, at_end: bool) -> [Event; 2] {
    [
        Event::PromiseBroken { promise, at_end },
        Event::Scored {
            dimension: Dimension::Promise,
            points: Points {
                earned: 0.0,
                available: KEEP_POINTS,
            },
            cause: Cause::Broken { promise, at_end },
        },
    ]
}
