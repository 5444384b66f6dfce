//! Automated playthroughs that prove a scenario is fair, in the spirit of
//! ChoiceScript's Quicktest and Randomtest.
//!
//! Two complementary passes:
//! * **every path**: a depth-first walk through every reply (and every
//!   option of every random route, and both ends of a starting-mood range),
//!   within a budget. It gives the achievable range of each dimension with
//!   the best and worst path, path lengths, and the replies no path takes.
//! * **random play**: N seeded playthroughs picking replies (and timeouts)
//!   uniformly, giving hit counts per node, reply and ending, like a group
//!   of trainees who click at random.
//!
//! Plus a "tell" check: a scenario where the best reply is always the
//! longest, or always in the same place, teaches guessing, not service.

pub mod audit;
pub mod fairness;
mod paths;
mod random;
pub mod results;
mod tells;

pub use random::random_playthrough;
pub use results::*;
pub use tells::choice_qualities;

use crate::engine::{Mode, Session};
use crate::scenario::model::*;
use paths::walk_all;
use random::random_play;
use std::sync::Arc;
use tells::tell;

/// Analyses a playable scenario.
pub fn analyze(
    scenario: Arc<Scenario>,
    options: &Options,
) -> Result<Analysis, crate::engine::EngineError> {
    let mut session = Session::new(Arc::clone(&scenario), options.seed, Mode::Practice)?;
    // A path without loops visits each node at most once: never cut it.
    let options = &Options {
        max_steps: options.max_steps.max(scenario.nodes.len() + 1),
        ..*options
    };
    let mut walk = walk_all(&scenario, &mut session, options);
    let random = random_play(&scenario, &mut session, options);
    if !walk.exhaustive {
        // Cut short: widen the ranges with what random play reached (real
        // paths both) and keep them marked as estimates; add any claim a
        // random run broke, a real counterexample.
        for (range, sample) in walk.ranges.iter_mut().zip(random.extremes) {
            if let Some((low, high)) = sample {
                range.min = Some(range.min.map_or(low, |m| m.min(low)));
                range.max = Some(range.max.map_or(high, |m| m.max(high)));
            }
        }
        for violation in &random.claim_violations {
            let known = walk
                .claims
                .violations
                .iter()
                .any(|v| v.ending == violation.ending && v.index == violation.index);
            if !known {
                walk.claims.violations.push(violation.clone());
            }
        }
        walk.claims.violated = walk.claims.violations.len();
    }
    let strategies = audit::audit(&scenario, options);
    let warnings = audit::warnings(
        &scenario,
        &strategies,
        walk.best.as_ref().map(|b| (b.ending.as_str(), b.outcome)),
        walk.claims.proven,
    );

    let mut reached = vec![false; scenario.nodes.len()];
    let mut taken = results::reply_slots(&scenario);
    let (walk_reached, walk_taken) = (&walk.reached, &walk.taken);
    let use_walk = walk.exhaustive;
    for (i, node_taken) in taken.iter_mut().enumerate() {
        reached[i] = walk_reached[i] || random.node_hits[i] > 0;
        for (c, slot) in node_taken.iter_mut().enumerate() {
            *slot = if use_walk {
                walk_taken[i][c]
            } else {
                walk_taken[i][c] || random.choice_hits[i][c] > 0
            };
        }
    }

    let reply_id = |node: &Node, c: usize| -> String {
        node.choices()
            .get(c)
            .map(|ch| ch.id.value.clone())
            .unwrap_or_else(|| "timeout".to_string())
    };
    let mut never_taken = Vec::new();
    let mut choice_hits = Vec::new();
    for (i, node) in scenario.nodes.iter().enumerate() {
        for (c, &was_taken) in taken[i].iter().enumerate() {
            if !was_taken {
                never_taken.push(PathStep {
                    node: node.id.value.clone(),
                    reply: reply_id(node, c),
                });
            }
            choice_hits.push(ChoiceHits {
                node: node.id.value.clone(),
                reply: reply_id(node, c),
                hits: random.choice_hits[i][c],
            });
        }
    }

    let ending_hits = scenario
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            node.outcome().map(|outcome| EndingHits {
                node: node.id.value.clone(),
                outcome,
                hits: random.node_hits[i],
                reachable: reached[i],
                proven_unreachable: walk.exhaustive && !reached[i],
            })
        })
        .collect();
    let node_hits = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| NodeHits {
            node: node.id.value.clone(),
            hits: random.node_hits[i],
        })
        .collect();

    Ok(Analysis {
        scenario: scenario.id.value.clone(),
        language: scenario.language.value.clone(),
        decision_nodes: scenario.decision_count(),
        endings: scenario.nodes.iter().filter(|n| n.is_ending()).count(),
        exhaustive: walk.exhaustive,
        states: walk.states,
        max_steps: options.max_steps,
        paths: walk.paths,
        path_length: walk.path_length,
        ranges: walk.ranges,
        best: walk.best,
        worst: walk.worst,
        runs: options.runs,
        unfinished_runs: random.unfinished,
        random_mean: random.mean,
        ending_hits,
        node_hits,
        choice_hits,
        route_hits: random
            .route_hits
            .into_iter()
            .map(|((node, slot, to), hits)| {
                let node_ref = &scenario.nodes[node as usize];
                RouteHits {
                    node: node_ref.id.value.clone(),
                    reply: reply_id(node_ref, slot),
                    to: scenario.nodes[to as usize].id.value.clone(),
                    hits,
                }
            })
            .collect(),
        never_taken,
        tell: tell(&scenario),
        claims: walk.claims,
        warnings,
        strategies,
    })
}
