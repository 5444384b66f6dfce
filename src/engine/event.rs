//! What a session reports as it goes: the events the GUI animates, the
//! debrief explains and the records keep.

use crate::scenario::model::{ChoiceIdx, Dimension, FlagIdx, Limit, NodeIdx, Outcome, PromiseIdx};
use crate::scoring::Points;
use serde::{Deserialize, Serialize};

/// Which reply of a node was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReplyRef {
    /// A choice, by its index in the node's `choices`.
    Choice(ChoiceIdx),
    /// The time limit ran out.
    Timeout,
}

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

/// Why points were scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// A reply, compared with the best and worst reply on offer.
    Reply {
        /// The node.
        node: NodeIdx,
        /// The reply.
        reply: ReplyRef,
    },
    /// A promise that ignored one of the four limits.
    Unrealistic {
        /// The promise.
        promise: PromiseIdx,
        /// The limit ignored.
        limit: Limit,
    },
    /// A promise kept.
    Kept {
        /// The promise.
        promise: PromiseIdx,
    },
    /// A promise broken (or still open at the end).
    Broken {
        /// The promise.
        promise: PromiseIdx,
        /// True when it counts as broken because the conversation ended first.
        at_end: bool,
    },
    /// Checked with the customer that it was what they needed.
    Confirmed {
        /// The promise.
        promise: PromiseIdx,
    },
    /// Never checked with the customer, though the scenario allowed it.
    NotConfirmed {
        /// The promise.
        promise: PromiseIdx,
    },
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
    /// Points on one dimension.
    Scored {
        /// The dimension.
        dimension: Dimension,
        /// Earned out of available.
        points: Points,
        /// Why.
        cause: Cause,
    },
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
