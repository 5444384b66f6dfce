//! What a session reports as it goes: the events the GUI animates, the
//! debrief explains and the records keep.

use crate::scenario::model::{FlagIdx, Limit, NodeIdx, Outcome, PromiseIdx, ReplyRef};
use crate::scoring::{ScoreLine, Scorecard};
use serde::{Deserialize, Serialize};

/// Where a promise action was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionAt {
    /// The node.
    pub node: NodeIdx,
    /// The reply, or `None` for an action on entering the node.
    pub reply: Option<ReplyRef>,
    /// Index in that `promises` list.
    pub index: u16,
}

/// Something that happened in a session.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The conversation reached a node.
    Entered {
        /// The node.
        node: NodeIdx,
    },
    /// The trainee replied (or let the time run out).
    Replied {
        /// The node replied at.
        node: NodeIdx,
        /// The reply.
        reply: ReplyRef,
    },
    /// The customer's mood changed.
    MoodChanged {
        /// Before.
        from: i32,
        /// After.
        to: i32,
    },
    /// Points on one dimension, and why.
    Scored(ScoreLine),
    /// A promise was made.
    PromiseMade {
        /// The promise.
        promise: PromiseIdx,
        /// The limit it ignores, if unrealistic.
        limit: Option<Limit>,
        /// Where the `Make` is written.
        at: ActionAt,
    },
    /// A promise was kept.
    PromiseKept {
        /// The promise.
        promise: PromiseIdx,
    },
    /// A promise was broken.
    PromiseBroken {
        /// The promise.
        promise: PromiseIdx,
        /// True when it was still open at the end.
        at_end: bool,
    },
    /// The trainee confirmed with the customer.
    PromiseConfirmed {
        /// The promise.
        promise: PromiseIdx,
    },
    /// The trainee honestly took a promise back.
    PromiseRetracted {
        /// The promise.
        promise: PromiseIdx,
    },
    /// A flag was set.
    FlagSet {
        /// The flag.
        flag: FlagIdx,
    },
    /// An ending was reached.
    Ended {
        /// The ending node.
        node: NodeIdx,
        /// Its outcome.
        outcome: Outcome,
    },
}

impl Event {
    /// The score line of a `Scored` event.
    pub fn score_line(&self) -> Option<&ScoreLine> {
        match self {
            Event::Scored(line) => Some(line),
            _ => None,
        }
    }
}

/// Adds up the `Scored` events of a session, with its outcome once it ended.
pub fn scorecard(events: &[Event]) -> Scorecard {
    let outcome = events.iter().rev().find_map(|event| match event {
        Event::Ended { outcome, .. } => Some(*outcome),
        _ => None,
    });
    Scorecard::from_lines(
        events.iter().filter_map(Event::score_line).copied(),
        outcome,
    )
}
