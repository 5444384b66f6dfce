//! The strategy audit: fixed ways of playing, each followed on every
//! random branch and starting mood, to show that no strategy that fails
//! the customer reaches "customer kept".
//!
//! A strategy decides from what is on offer at each moment, never by
//! looking ahead; ties go to the reply written first. Timeouts are never
//! taken on purpose. Where the branches are too many for the budget, the
//! strategy is played on random draws instead and the result is marked as
//! an estimate.

use super::results::{AuditWarning, Options, StrategyResult};
use crate::engine::{Mode, Rng, Session};
use crate::scenario::model::*;
use crate::scoring;
use std::sync::Arc;

/// A fixed way of choosing replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// The reply that earns the largest share of the points at stake.
    Best,
    /// The reply that pleases the customer most right now.
    GreedyMood,
    /// The reply with the highest empathy.
    GreedyEmpathy,
    /// A reply that makes a promise whenever there is one, an unrealistic
    /// one first; otherwise the best reply.
    AlwaysPromise,
    /// The best reply that does not confirm a promise.
    NeverConfirm,
    /// The reply with the least care (hiding behind policy).
    LeastCare,
    /// Any reply, uniformly at random.
    Random,
}

impl Strategy {
    /// Every strategy, in report order.
    pub const ALL: [Strategy; 7] = [
        Strategy::Best,
        Strategy::GreedyMood,
        Strategy::GreedyEmpathy,
        Strategy::AlwaysPromise,
        Strategy::NeverConfirm,
        Strategy::LeastCare,
        Strategy::Random,
    ];

    /// The name used in reports and `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Best => "best_path",
            Strategy::GreedyMood => "greedy_mood",
            Strategy::GreedyEmpathy => "greedy_empathy",
            Strategy::AlwaysPromise => "always_promise",
            Strategy::NeverConfirm => "never_confirm",
            Strategy::LeastCare => "least_care",
            Strategy::Random => "random",
        }
    }

    /// A strategy that fails the customer: it must not keep them.
    pub fn fails_the_customer(self) -> bool {
        matches!(
            self,
            Strategy::AlwaysPromise | Strategy::NeverConfirm | Strategy::LeastCare
        )
    }
}

/// The largest share of runs a failing strategy may keep the customer in.
pub const FAILING_KEPT_LIMIT: f64 = 0.10;

/// Most complete conversations one strategy is followed to before it is
/// sampled instead.
const MAX_LEAVES: usize = 50_000;

fn makes_unrealistic(choice: &Choice) -> bool {
    choice
        .promises
        .iter()
        .any(|a| matches!(a, PromiseAction::Make { limit: Some(_), .. }))
}

fn makes_promise(choice: &Choice) -> bool {
    choice
        .promises
        .iter()
        .any(|a| matches!(a, PromiseAction::Make { .. }))
}

fn confirms(choice: &Choice) -> bool {
    choice
        .promises
        .iter()
        .any(|a| matches!(a, PromiseAction::Confirm(_)))
}

/// The position (in display order) of the reply `strategy` takes now.
fn pick(strategy: Strategy, session: &Session, rng: &mut Rng) -> Option<usize> {
    let node = session.node();
    let choices = node.choices();
    let offered = session.offered();
    if offered.is_empty() {
        return None;
    }
    let effects: Vec<&Effects> = offered
        .iter()
        .map(|&c| &choices[c as usize].effects)
        .collect();
    let quality = |c: &Choice| {
        scoring::reply_quality(&scoring::reply_points(effects.iter().copied(), &c.effects))
            .unwrap_or(0.0)
    };
    // The candidates in file order, so ties go to the reply written first.
    let mut order: Vec<(usize, &Choice)> = offered
        .iter()
        .enumerate()
        .map(|(position, &c)| (position, &choices[c as usize]))
        .collect();
    order.sort_by_key(|(position, _)| offered[*position]);
    let best_by = |items: &[(usize, &Choice)], score: &dyn Fn(&Choice) -> f64| {
        items
            .iter()
            .fold(None::<(usize, f64)>, |best, &(position, c)| {
                let value = score(c);
                match best {
                    Some((_, top)) if top >= value => best,
                    _ => Some((position, value)),
                }
            })
            .map(|(position, _)| position)
    };
    let best_quality = |items: &[(usize, &Choice)]| {
        best_by(items, &|c: &Choice| {
            quality(c) * 1000.0 + f64::from(c.mood) / 1000.0
        })
    };
    match strategy {
        Strategy::Best => best_quality(&order),
        Strategy::GreedyMood => best_by(&order, &|c: &Choice| f64::from(c.mood)),
        Strategy::GreedyEmpathy => best_by(&order, &|c: &Choice| {
            f64::from(c.effects.empathy) * 1000.0 + f64::from(c.mood) / 1000.0
        }),
        Strategy::AlwaysPromise => {
            let promising: Vec<(usize, &Choice)> = order
                .iter()
                .copied()
                .filter(|(_, c)| makes_promise(c))
                .collect();
            if promising.is_empty() {
                best_quality(&order)
            } else {
                best_by(&promising, &|c: &Choice| {
                    f64::from(u8::from(makes_unrealistic(c))) * 1000.0 + f64::from(c.mood) / 1000.0
                })
            }
        }
        Strategy::NeverConfirm => {
            let silent: Vec<(usize, &Choice)> = order
                .iter()
                .copied()
                .filter(|(_, c)| !confirms(c))
                .collect();
            best_quality(if silent.is_empty() { &order } else { &silent })
        }
        Strategy::LeastCare => best_by(&order, &|c: &Choice| {
            -f64::from(c.effects.care) * 1000.0 - quality(c)
        }),
        Strategy::Random => Some(rng.below(offered.len() as u32) as usize),
    }
}

/// What the runs of one strategy add up to.
#[derive(Default)]
struct Tally {
    kept: f64,
    neutral: f64,
    lost: f64,
    unfinished: f64,
    kept_via_unrealistic: f64,
    balance: Option<(f64, f64)>,
    leaves: usize,
}

impl Tally {
    fn finish(&mut self, session: &Session, weight: f64, unrealistic: bool) {
        self.leaves += 1;
        match session.outcome() {
            Some(Outcome::Kept) => {
                self.kept += weight;
                if unrealistic {
                    self.kept_via_unrealistic += weight;
                }
            }
            Some(Outcome::Neutral) => self.neutral += weight,
            Some(Outcome::Lost) => self.lost += weight,
            None => self.unfinished += weight,
        }
        if session.is_finished()
            && let Some(b) = session.scorecard().balance
        {
            self.balance = Some(match self.balance {
                Some((low, high)) => (low.min(b), high.max(b)),
                None => (b, b),
            });
        }
    }
}

/// Follows `strategy` from `session` on every random branch, adding each
/// complete conversation to `tally` with its probability. False when the
/// budget ran out.
fn follow(
    strategy: Strategy,
    mut session: Session,
    weight: f64,
    unrealistic: bool,
    steps_left: usize,
    tally: &mut Tally,
    rng: &mut Rng,
) -> bool {
    if tally.leaves >= MAX_LEAVES {
        return false;
    }
    if session.is_finished() || steps_left == 0 {
        tally.finish(&session, weight, unrealistic);
        return true;
    }
    let Some(position) = pick(strategy, &session, rng) else {
        tally.finish(&session, weight, unrealistic);
        return true;
    };
    let choice_index = session.offered()[position] as usize;
    let choice = session.node().choices()[choice_index].clone();
    let unrealistic = unrealistic || makes_unrealistic(&choice);
    if let Next::Random { options, .. } = &choice.next {
        let total: u32 = options.iter().map(|o| o.weight).sum();
        for (option, o) in options.iter().enumerate().filter(|(_, o)| o.weight > 0) {
            let mut branch = session.clone();
            if branch.choose_forcing(Some(position), option).is_err() {
                continue;
            }
            let share = f64::from(o.weight) / f64::from(total.max(1));
            if !follow(
                strategy,
                branch,
                weight * share,
                unrealistic,
                steps_left - 1,
                tally,
                rng,
            ) {
                return false;
            }
        }
        return true;
    }
    if session.choose_forcing(Some(position), 0).is_err() {
        tally.finish(&session, weight, unrealistic);
        return true;
    }
    follow(
        strategy,
        session,
        weight,
        unrealistic,
        steps_left - 1,
        tally,
        rng,
    )
}

/// The starting moods worth trying, each equally likely.
fn start_moods(scenario: &Scenario) -> Vec<i32> {
    match scenario.customer.mood {
        MoodSpec::Fixed(m) => vec![m],
        MoodSpec::Between(low, high) => (low..=high).collect(),
    }
}

/// Plays one strategy and sums up its outcomes.
pub fn audit_strategy(
    scenario: &Arc<Scenario>,
    strategy: Strategy,
    options: &Options,
) -> Option<StrategyResult> {
    let mut rng = Rng::new(options.seed ^ 0x5eed_a0d1);
    let base = Session::new(Arc::clone(scenario), options.seed, Mode::Practice).ok()?;
    let mut tally = Tally::default();
    let mut exhaustive = strategy != Strategy::Random;
    if exhaustive {
        let moods = start_moods(scenario);
        let share = 1.0 / moods.len() as f64;
        for mood in moods {
            let mut session = base.clone();
            session.reset_with_mood(options.seed, mood);
            if !follow(
                strategy,
                session,
                share,
                false,
                options.max_steps,
                &mut tally,
                &mut rng,
            ) {
                exhaustive = false;
                break;
            }
        }
    }
    if !exhaustive {
        // Too many branches (or random play): equal-weight seeded runs.
        tally = Tally::default();
        let runs = options.runs.max(1);
        let weight = 1.0 / runs as f64;
        let mut session = base;
        for run in 0..runs {
            session.reset(options.seed.wrapping_add(run as u64));
            let mut unrealistic = false;
            for _ in 0..options.max_steps {
                if session.is_finished() {
                    break;
                }
                let Some(position) = pick(strategy, &session, &mut rng) else {
                    break;
                };
                let index = session.offered()[position] as usize;
                unrealistic |= makes_unrealistic(&session.node().choices()[index]);
                if session.choose(position).is_err() {
                    break;
                }
            }
            tally.finish(&session, weight, unrealistic);
        }
    }
    Some(StrategyResult {
        name: strategy.name().to_string(),
        kept: tally.kept,
        neutral: tally.neutral,
        lost: tally.lost,
        unfinished: tally.unfinished,
        kept_via_unrealistic: tally.kept_via_unrealistic,
        balance_min: tally.balance.map(|b| b.0),
        balance_max: tally.balance.map(|b| b.1),
        exhaustive,
    })
}

/// Every strategy of [`Strategy::ALL`].
pub fn audit(scenario: &Arc<Scenario>, options: &Options) -> Vec<StrategyResult> {
    Strategy::ALL
        .iter()
        .filter_map(|&s| audit_strategy(scenario, s, options))
        .collect()
}

/// An unrealistic promise that is the top-mood or top-empathy reply at its
/// node: the lesson would reward the very temptation it warns against.
pub fn tempting_unrealistic_promises(scenario: &Scenario) -> Vec<AuditWarning> {
    let mut warnings = Vec::new();
    for node in &scenario.nodes {
        let choices = node.choices();
        for (i, choice) in choices.iter().enumerate() {
            if !makes_unrealistic(choice) {
                continue;
            }
            let others = || choices.iter().enumerate().filter(move |(j, _)| *j != i);
            if others().next().is_none() {
                continue;
            }
            let top_mood = others().all(|(_, c)| choice.mood >= c.mood);
            let top_empathy = others().all(|(_, c)| choice.effects.empathy >= c.effects.empathy);
            if top_mood || top_empathy {
                warnings.push(AuditWarning::UnrealisticPromiseTops {
                    node: node.id.value.clone(),
                    reply: choice.id.value.clone(),
                    top_mood,
                    top_empathy,
                });
            }
        }
    }
    warnings
}

/// The warnings a fair scenario has none of.
pub fn warnings(
    scenario: &Scenario,
    strategies: &[StrategyResult],
    best_outcome: Option<(&str, Outcome)>,
    claims_proven: bool,
) -> Vec<AuditWarning> {
    let mut warnings = Vec::new();
    for result in strategies {
        let failing = Strategy::ALL
            .iter()
            .any(|s| s.name() == result.name && s.fails_the_customer());
        // Promising everything fails the customer through the promises
        // beyond the four limits; where every promise on offer is
        // realistic, always promising is simply good service.
        let kept = if result.name == Strategy::AlwaysPromise.name() {
            result.kept_via_unrealistic
        } else {
            result.kept
        };
        if failing && kept > FAILING_KEPT_LIMIT {
            warnings.push(AuditWarning::FailingStrategyKept {
                strategy: result.name.clone(),
                kept,
                estimate: !result.exhaustive,
            });
        }
        if result.name == Strategy::GreedyMood.name() && result.kept_via_unrealistic > 0.0 {
            warnings.push(AuditWarning::GreedyMoodKeptByUnrealistic {
                share: result.kept_via_unrealistic,
                estimate: !result.exhaustive,
            });
        }
    }
    if let Some((ending, outcome)) = best_outcome
        && outcome != Outcome::Kept
    {
        warnings.push(AuditWarning::BestPathNotKept {
            ending: ending.to_string(),
            outcome,
        });
    }
    warnings.extend(tempting_unrealistic_promises(scenario));
    let has_claims = scenario
        .nodes
        .iter()
        .any(|n| matches!(&n.body, NodeBody::Ending { claims, .. } if !claims.is_empty()));
    if has_claims && !claims_proven {
        warnings.push(AuditWarning::ClaimsNotProven);
    }
    warnings
}
