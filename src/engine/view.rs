//! What a session shows and remembers: the mode, the mood level, the
//! promise ledger, the steps taken and the lines of the conversation.

use super::event::ActionAt;
use crate::scenario::model::*;
use crate::scoring::Points;
use serde::{Deserialize, Serialize};

/// Practice shows feedback after each reply and allows undo; assessment
/// holds both until the debrief.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// Feedback after each reply, undo allowed.
    #[default]
    Practice,
    /// No feedback and no undo until the end.
    Assessment,
    /// A trainer plays for a group on a projector: the room votes at each
    /// decision, sees every reply's feedback after the vote, and no undo.
    Classroom,
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
    /// Honestly taken back before it was due.
    Retracted,
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
#[derive(Debug, Clone, PartialEq)]
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
    /// Points earned and at stake so far, per dimension (score conditions
    /// read them).
    pub totals: [Points; 3],
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
