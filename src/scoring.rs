//! The scoring model: three dimensions, each "points earned out of points
//! that were at stake", and a balance figure.
//!
//! The rules, which `scenarios/README.md` explains to trainers:
//!
//! * **A reply** is compared with the best and the worst reply on offer at
//!   that moment, per dimension. At stake: `best − worst`; earned:
//!   `chosen − worst`. A decision where every reply scores the same on a
//!   dimension puts nothing at stake there. Because each decision is
//!   normalised this way, a short path is not rewarded for being short and
//!   a long one not for being long.
//! * **A timeout** earns `timeout − worst`, never below 0 nor above the stake.
//! * **Promises** (promise-keeping only): every promise made puts
//!   [`KEEP_POINTS`] at stake, earned when it is kept; a promise still open
//!   at the end counts as broken. When the scenario lets the trainee confirm
//!   it with the customer, [`CONFIRM_POINTS`] more are at stake, earned by
//!   confirming. A promise that ignores one of the four limits puts
//!   [`UNREALISTIC_POINTS`] at stake that can never be earned.
//! * **Score** of a dimension: `100 × earned / at stake` (100 when nothing
//!   was at stake). **Balance**: the geometric mean of the three scores, so
//!   a weak dimension pulls it down more than an average would.

use crate::scenario::model::{Dimension, Effects, Limit, NodeIdx, Outcome, PromiseIdx, ReplyRef};
use serde::{Deserialize, Serialize};

/// Points at stake for keeping a promise.
pub const KEEP_POINTS: f64 = 3.0;
/// Points at stake for confirming a promise with the customer.
pub const CONFIRM_POINTS: f64 = 2.0;
/// Points lost by a promise that ignores one of the four limits.
pub const UNREALISTIC_POINTS: f64 = 3.0;

/// Points earned out of points at stake.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Points {
    /// Earned.
    pub earned: f64,
    /// At stake.
    pub available: f64,
}

impl Points {
    /// Adds another set of points.
    pub fn add(&mut self, other: Points) {
        self.earned += other.earned;
        self.available += other.available;
    }

    /// `100 × earned / available`, or 100 when nothing was at stake.
    pub fn percent(self) -> f64 {
        if self.available <= 0.0 {
            100.0
        } else {
            (100.0 * self.earned / self.available).clamp(0.0, 100.0)
        }
    }

    /// Points missed.
    pub fn lost(self) -> f64 {
        self.available - self.earned
    }
}

/// The points a reply earns on each dimension, compared with the replies
/// on offer (`offered`, which includes the chosen one unless it is a
/// timeout).
pub fn reply_points<'e>(
    offered: impl IntoIterator<Item = &'e Effects>,
    chosen: &Effects,
) -> [Points; 3] {
    let mut low = [i32::MAX; 3];
    let mut high = [i32::MIN; 3];
    for effects in offered {
        for (d, value) in effects.as_array().into_iter().enumerate() {
            low[d] = low[d].min(value);
            high[d] = high[d].max(value);
        }
    }
    let chosen = chosen.as_array();
    std::array::from_fn(|d| {
        if low[d] > high[d] {
            return Points::default();
        }
        let available = f64::from(high[d] - low[d]);
        let earned = f64::from(chosen[d] - low[d]).clamp(0.0, available);
        Points { earned, available }
    })
}

/// The share (0–1) of the points at stake across all three dimensions that
/// a reply earns: how "good" a reply is overall, used to find the better
/// reply for the debrief and by the analyser.
pub fn reply_quality(points: &[Points; 3]) -> Option<f64> {
    let available: f64 = points.iter().map(|p| p.available).sum();
    (available > 0.0).then(|| points.iter().map(|p| p.earned).sum::<f64>() / available)
}

/// The geometric mean of three scores (0–100).
pub fn balance(scores: [f64; 3]) -> f64 {
    let product: f64 = scores.iter().map(|s| s.clamp(0.0, 100.0)).product();
    product.cbrt()
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

/// The lines a reply scores: one for each dimension where something was at
/// stake among the replies on offer.
pub fn reply_lines(
    node: NodeIdx,
    reply: ReplyRef,
    points: [Points; 3],
) -> impl Iterator<Item = ScoreLine> {
    Dimension::ALL.into_iter().filter_map(move |dimension| {
        let points = points[dimension.index()];
        (points.available > 0.0).then_some(ScoreLine {
            dimension,
            points,
            cause: Cause::Reply { node, reply },
        })
    })
}

impl ScoreLine {
    fn promise(earned: f64, available: f64, cause: Cause) -> ScoreLine {
        ScoreLine {
            dimension: Dimension::Promise,
            points: Points { earned, available },
            cause,
        }
    }

    /// A promise that ignores one of the four limits: [`UNREALISTIC_POINTS`]
    /// at stake that can never be earned.
    pub fn unrealistic(promise: PromiseIdx, limit: Limit) -> ScoreLine {
        Self::promise(
            0.0,
            UNREALISTIC_POINTS,
            Cause::Unrealistic { promise, limit },
        )
    }

    /// A promise kept: [`KEEP_POINTS`] earned.
    pub fn kept(promise: PromiseIdx) -> ScoreLine {
        Self::promise(KEEP_POINTS, KEEP_POINTS, Cause::Kept { promise })
    }

    /// A promise broken, during play or because it was still open at the
    /// end: [`KEEP_POINTS`] at stake, none earned.
    pub fn broken(promise: PromiseIdx, at_end: bool) -> ScoreLine {
        Self::promise(0.0, KEEP_POINTS, Cause::Broken { promise, at_end })
    }

    /// Checked with the customer: [`CONFIRM_POINTS`] earned.
    pub fn confirmed(promise: PromiseIdx) -> ScoreLine {
        Self::promise(CONFIRM_POINTS, CONFIRM_POINTS, Cause::Confirmed { promise })
    }

    /// Never checked with the customer although the scenario allowed it:
    /// [`CONFIRM_POINTS`] at stake, none earned.
    pub fn not_confirmed(promise: PromiseIdx) -> ScoreLine {
        Self::promise(0.0, CONFIRM_POINTS, Cause::NotConfirmed { promise })
    }
}

/// One dimension's result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Dimension,
    /// Earned and at stake.
    pub points: Points,
    /// 0–100.
    pub score: f64,
}

/// One line of the explanation: points on one dimension and why.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreLine {
    /// The dimension.
    pub dimension: Dimension,
    /// Earned and at stake.
    pub points: Points,
    /// Why.
    pub cause: Cause,
}

/// The full result of a session, every point traceable to a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Empathy, promise-keeping, care — in [`Dimension::ALL`] order.
    pub dimensions: [DimensionScore; 3],
    /// Geometric mean of the three scores.
    pub balance: f64,
    /// How the moment of truth ended, once it has.
    pub outcome: Option<Outcome>,
    /// Every scoring event, in order.
    pub lines: Vec<ScoreLine>,
}

impl Scorecard {
    /// Adds up score lines; `outcome` is how the conversation ended, if it has.
    pub fn from_lines(
        lines: impl IntoIterator<Item = ScoreLine>,
        outcome: Option<Outcome>,
    ) -> Scorecard {
        let mut totals = [Points::default(); 3];
        let lines: Vec<ScoreLine> = lines.into_iter().collect();
        for line in &lines {
            totals[line.dimension.index()].add(line.points);
        }
        let dimensions = std::array::from_fn(|d| DimensionScore {
            dimension: Dimension::ALL[d],
            points: totals[d],
            score: totals[d].percent(),
        });
        let scores: [f64; 3] = std::array::from_fn(|d| totals[d].percent());
        Scorecard {
            dimensions,
            balance: balance(scores),
            outcome,
            lines,
        }
    }

    /// The score of one dimension, 0–100.
    pub fn score(&self, dimension: Dimension) -> f64 {
        self.dimensions[dimension.index()].score
    }

    /// The three scores in [`Dimension::ALL`] order.
    pub fn scores(&self) -> [f64; 3] {
        std::array::from_fn(|d| self.dimensions[d].score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fx(empathy: i32, promise: i32, care: i32) -> Effects {
        Effects {
            empathy,
            promise,
            care,
        }
    }

    #[test]
    fn reply_is_measured_against_best_and_worst_on_offer() {
        let offered = [fx(3, 0, -2), fx(-1, 0, 2), fx(0, 0, 0)];
        let points = reply_points(&offered, &offered[2]);
        assert_eq!(
            points[0],
            Points {
                earned: 1.0,
                available: 4.0
            }
        );
        assert_eq!(
            points[1],
            Points {
                earned: 0.0,
                available: 0.0
            }
        );
        assert_eq!(
            points[2],
            Points {
                earned: 2.0,
                available: 4.0
            }
        );
    }

    #[test]
    fn timeout_below_worst_earns_nothing() {
        let offered = [fx(1, 1, 1), fx(3, 3, 3)];
        let points = reply_points(&offered, &fx(-5, 9, 2));
        assert_eq!(points[0].earned, 0.0);
        assert_eq!(points[1].earned, 2.0, "never more than the stake");
        assert_eq!(points[2].earned, 1.0);
    }

    #[test]
    fn nothing_at_stake_scores_full() {
        assert_eq!(Points::default().percent(), 100.0);
    }

    #[test]
    fn balance_punishes_imbalance() {
        let even = balance([60.0, 60.0, 60.0]);
        let lopsided = balance([100.0, 100.0, 0.0]);
        assert!((even - 60.0).abs() < 1e-9);
        assert_eq!(lopsided, 0.0);
        assert!(balance([90.0, 90.0, 30.0]) < (90.0 + 90.0 + 30.0) / 3.0);
    }
}
