//! The scoring model: three dimensions, each "points earned out of points
//! that were at stake", and a balance figure.
//!
//! The rules, which `scenarios/README.md` explains to trainers with worked
//! examples:
//!
//! * **A reply** is compared with the best and the worst reply on offer at
//!   that moment, per dimension. At stake: `best − worst`; earned:
//!   `chosen − worst`. A decision where every reply scores the same on a
//!   dimension puts nothing at stake there. Because each decision is
//!   normalised this way, a short path is not rewarded for being short and
//!   a long one not for being long.
//! * **A timeout** earns `timeout − worst`, never below 0 nor above the stake.
//! * **Beyond furious**: a reply that would take the mood below 0 puts
//!   [`BEYOND_FURIOUS_POINTS_PER_10`] of empathy at stake, never earned, for
//!   every 10 points it would go below, so abuse still costs once the
//!   customer is already furious.
//! * **Promises** (promise-keeping only): every promise made puts
//!   [`KEEP_POINTS`] at stake, earned when it is kept; a promise still open
//!   at the end counts as broken; honestly taking it back earns
//!   [`RETRACT_POINTS`]. When the scenario lets the trainee confirm it,
//!   [`CONFIRM_POINTS`] more are at stake, earned by confirming it while it
//!   is open or kept. A promise that ignores one of the four limits puts
//!   [`UNREALISTIC_POINTS`] at stake that can never be earned, and earns
//!   nothing for being kept or confirmed, even when luck makes it come true.
//! * **Score** of a dimension: `100 × earned / at stake`; with nothing at
//!   stake the dimension is *not assessed* (`None`), never 100.
//! * **Balance**: the geometric mean of the assessed scores, where a
//!   dimension with fewer than [`FULL_EVIDENCE_POINTS`] at stake counts in
//!   proportion to its evidence (its score is blended with 100 by the
//!   missing share), so one missed confirmation weighs as one decision, not
//!   as a failed dimension. A dimension with full evidence at 0 makes the
//!   balance 0.

use crate::scenario::model::{Dimension, Effects, Limit, NodeIdx, Outcome, PromiseIdx, ReplyRef};
use serde::{Deserialize, Serialize};

/// Points at stake for keeping a promise.
pub const KEEP_POINTS: f64 = 3.0;
/// Points at stake for confirming a promise with the customer.
pub const CONFIRM_POINTS: f64 = 2.0;
/// Points lost by a promise that ignores one of the four limits.
pub const UNREALISTIC_POINTS: f64 = 3.0;
/// Points earned, of [`KEEP_POINTS`], by honestly taking a promise back.
pub const RETRACT_POINTS: f64 = 1.5;
/// Empathy at stake for every 10 points a reply would take the mood below 0.
pub const BEYOND_FURIOUS_POINTS_PER_10: f64 = 1.0;
/// Points at stake from which a dimension counts fully in the balance.
pub const FULL_EVIDENCE_POINTS: f64 = 12.0;

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

    /// `100 × earned / available`, or `None` when nothing was at stake:
    /// the dimension was not assessed.
    pub fn percent(self) -> Option<f64> {
        (self.available > 0.0).then(|| (100.0 * self.earned / self.available).clamp(0.0, 100.0))
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

/// The balance of three dimensions' points: the geometric mean of the
/// assessed scores, each blended with 100 by the share of
/// [`FULL_EVIDENCE_POINTS`] it lacks. `None` when nothing was assessed.
///
/// Worked example: empathy 100 and care 100 on plenty of points, and
/// promise-keeping 60 on 5 points (a promise kept but not confirmed).
/// Evidence 5 of 12, so promise-keeping counts as
/// `5/12 × 60 + 7/12 × 100 = 83.3`, and the balance is
/// `∛(100 × 83.3 × 100) = 94`.
pub fn balance(points: [Points; 3]) -> Option<f64> {
    let effective: Vec<f64> = points
        .iter()
        .filter_map(|p| {
            let score = p.percent()?;
            let evidence = (p.available / FULL_EVIDENCE_POINTS).min(1.0);
            Some(evidence * score + (1.0 - evidence) * 100.0)
        })
        .collect();
    if effective.is_empty() {
        return None;
    }
    let product: f64 = effective.iter().map(|s| s.clamp(0.0, 100.0)).product();
    // The exact roots, so a perfect attempt is exactly 100.
    Some(match effective.len() {
        1 => product,
        2 => product.sqrt(),
        _ => product.cbrt(),
    })
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
    /// Honestly taken back before it was due.
    Retracted {
        /// The promise.
        promise: PromiseIdx,
    },
    /// An unrealistic promise that came true anyway: luck, not conduct.
    KeptByLuck {
        /// The promise.
        promise: PromiseIdx,
    },
    /// A reply that would take an already furious customer below 0.
    BeyondFurious {
        /// The node.
        node: NodeIdx,
        /// The reply.
        reply: ReplyRef,
        /// Mood points below 0 it would have reached.
        excess: u8,
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

    /// Honestly taken back: [`RETRACT_POINTS`] of [`KEEP_POINTS`].
    pub fn retracted(promise: PromiseIdx) -> ScoreLine {
        Self::promise(RETRACT_POINTS, KEEP_POINTS, Cause::Retracted { promise })
    }

    /// An unrealistic promise that came true: [`KEEP_POINTS`] at stake, none
    /// earned, so luck never pays.
    pub fn kept_by_luck(promise: PromiseIdx) -> ScoreLine {
        Self::promise(0.0, KEEP_POINTS, Cause::KeptByLuck { promise })
    }

    /// A reply that would take the mood `excess` points below 0:
    /// [`BEYOND_FURIOUS_POINTS_PER_10`] empathy at stake per 10, none earned.
    pub fn beyond_furious(node: NodeIdx, reply: ReplyRef, excess: u8) -> ScoreLine {
        ScoreLine {
            dimension: Dimension::Empathy,
            points: Points {
                earned: 0.0,
                available: BEYOND_FURIOUS_POINTS_PER_10 * f64::from(excess) / 10.0,
            },
            cause: Cause::BeyondFurious {
                node,
                reply,
                excess,
            },
        }
    }
}

/// One dimension's result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Dimension,
    /// Earned and at stake.
    pub points: Points,
    /// 0–100, or `None` when nothing was at stake (not assessed).
    pub score: Option<f64>,
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
    /// The balance of the assessed scores (see [`balance`]); `None` when
    /// nothing was assessed.
    pub balance: Option<f64>,
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
        Scorecard {
            dimensions,
            balance: balance(totals),
            outcome,
            lines,
        }
    }

    /// The score of one dimension, 0–100; `None` when not assessed.
    pub fn score(&self, dimension: Dimension) -> Option<f64> {
        self.dimensions[dimension.index()].score
    }

    /// The three scores in [`Dimension::ALL`] order.
    pub fn scores(&self) -> [Option<f64>; 3] {
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
    fn nothing_at_stake_is_not_assessed() {
        assert_eq!(Points::default().percent(), None);
        let card = Scorecard::from_lines([], None);
        assert_eq!(card.scores(), [None; 3]);
        assert_eq!(card.balance, None);
    }

    fn pts(earned: f64, available: f64) -> Points {
        Points { earned, available }
    }

    #[test]
    fn balance_punishes_imbalance_on_full_evidence() {
        let full = FULL_EVIDENCE_POINTS;
        let even = balance([pts(0.6 * full, full); 3]).expect("assessed");
        let lopsided = balance([pts(full, full), pts(full, full), pts(0.0, full)]);
        assert!((even - 60.0).abs() < 1e-9);
        assert_eq!(lopsided, Some(0.0));
        let skewed = balance([
            pts(0.9 * full, full),
            pts(0.9 * full, full),
            pts(0.3 * full, full),
        ]);
        assert!(skewed.expect("assessed") < 70.0, "below the plain average");
    }

    #[test]
    fn balance_is_taken_over_assessed_dimensions_only() {
        // Promise-keeping not assessed: the balance of the other two.
        let b = balance([pts(8.0, 16.0), Points::default(), pts(8.0, 16.0)]);
        assert!((b.expect("assessed") - 50.0).abs() < 1e-9);
    }

    #[test]
    fn one_missed_confirmation_weighs_less_than_a_policy_shield() {
        // The README's worked example: a promise kept (3 of 3) but not
        // confirmed (0 of 2) is 60 on 5 points of evidence.
        let missed_confirmation =
            balance([pts(20.0, 20.0), pts(3.0, 5.0), pts(20.0, 20.0)]).expect("assessed");
        assert_eq!(missed_confirmation.round(), 94.0);
        // Opening with "policy" then recovering: care 13 of 20, all else full.
        let shield = balance([pts(20.0, 20.0), pts(5.0, 5.0), pts(13.0, 20.0)]).expect("assessed");
        assert_eq!(shield.round(), 87.0);
        assert!(missed_confirmation > shield);
    }
}
