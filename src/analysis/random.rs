//! Random play: seeded playthroughs that pick replies (and timeouts)
//! uniformly, like a group of trainees who click at random.

use super::results::{ClaimViolation, Options};
use crate::engine::{Event, ReplyRef, Rng, Session};
use crate::scenario::model::*;

/// Plays one random playthrough from the session's current state: a uniform
/// pick among the replies on offer (and the timeout, on timed nodes) until
/// an ending or `max_steps`. Returns false when cut at the limit.
pub fn random_playthrough(session: &mut Session, rng: &mut Rng, max_steps: usize) -> bool {
    for _ in 0..max_steps {
        if session.is_finished() {
            return true;
        }
        let offered = session.offered().len();
        let timed = session.node().time_limit().is_some();
        let options = offered + usize::from(timed);
        if options == 0 {
            return false;
        }
        let pick = rng.below(options as u32) as usize;
        let result = if pick < offered {
            session.choose(pick)
        } else {
            session.time_out()
        };
        if result.is_err() {
            return false;
        }
    }
    session.is_finished()
}

pub(super) struct RandomPlay {
    pub(super) node_hits: Vec<usize>,
    pub(super) choice_hits: Vec<Vec<usize>>,
    /// (node, reply slot, target) of routed replies, sorted.
    pub(super) route_hits: std::collections::BTreeMap<(NodeIdx, usize, NodeIdx), usize>,
    pub(super) unfinished: usize,
    pub(super) mean: [Option<f64>; 3],
    /// Lowest and highest score per dimension over the finished runs.
    pub(super) extremes: [Option<(f64, f64)>; 3],
    /// Claims a run broke, with that run's replies: real counterexamples.
    pub(super) claim_violations: Vec<ClaimViolation>,
}

/// The replies a session took, by id, for a counterexample.
fn replies_taken(session: &Session) -> Vec<String> {
    let scenario = session.scenario();
    session
        .steps()
        .iter()
        .map(|step| {
            let node = &scenario.nodes[step.node as usize];
            crate::engine::reply_of(node, step.reply)
                .filter(|_| step.reply != ReplyRef::Timeout)
                .map_or_else(|| "timeout".to_string(), |c| c.id.value.clone())
        })
        .collect()
}

pub(super) fn random_play(
    scenario: &Scenario,
    session: &mut Session,
    options: &Options,
) -> RandomPlay {
    let mut node_hits = vec![0usize; scenario.nodes.len()];
    let mut choice_hits: Vec<Vec<usize>> = scenario
        .nodes
        .iter()
        .map(|n| vec![0; n.choices().len() + usize::from(n.time_limit().is_some())])
        .collect();
    let mut route_hits = std::collections::BTreeMap::new();
    let mut unfinished = 0;
    let mut sums = [0.0; 3];
    let mut counts = [0usize; 3];
    let mut extremes: [Option<(f64, f64)>; 3] = [None; 3];
    let mut claim_violations: Vec<ClaimViolation> = Vec::new();
    let mut picker = Rng::new(options.seed ^ 0x5eed_5eed);
    for run in 0..options.runs {
        let seed = options.seed.wrapping_add(run as u64);
        session.reset(seed);
        if !random_playthrough(session, &mut picker, options.max_steps) {
            unfinished += 1;
        }
        // A routed reply waiting for the node it led to.
        let mut routed: Option<(NodeIdx, usize)> = None;
        for event in session.events() {
            match *event {
                Event::Entered { node } => {
                    node_hits[node as usize] += 1;
                    if let Some((from, slot)) = routed.take() {
                        *route_hits.entry((from, slot, node)).or_insert(0) += 1;
                    }
                }
                Event::Replied { node, reply } => {
                    let node_ref = &scenario.nodes[node as usize];
                    let slot = match reply {
                        ReplyRef::Choice(c) => c as usize,
                        ReplyRef::Timeout => node_ref.choices().len(),
                    };
                    if let Some(hits) = choice_hits[node as usize].get_mut(slot) {
                        *hits += 1;
                    }
                    let next = crate::engine::reply_of(node_ref, reply).map(|c| &c.next);
                    if !matches!(next, Some(Next::Go(_)) | None) {
                        routed = Some((node, slot));
                    }
                }
                _ => {}
            }
        }
        if session.is_finished() {
            let scores = session.scorecard().scores();
            for d in 0..3 {
                if let Some(score) = scores[d] {
                    sums[d] += score;
                    counts[d] += 1;
                    extremes[d] = Some(match extremes[d] {
                        Some((low, high)) => (low.min(score), high.max(score)),
                        None => (score, score),
                    });
                }
            }
            let ending = &session.node().id.value;
            for index in session.violated_claims() {
                let known = claim_violations
                    .iter()
                    .any(|v| &v.ending == ending && v.index == index);
                let claim = match &session.node().body {
                    NodeBody::Ending { claims, .. } => claims.get(index),
                    NodeBody::Scene { .. } => None,
                };
                if let (false, Some(claim)) = (known, claim) {
                    claim_violations.push(ClaimViolation {
                        ending: ending.clone(),
                        index,
                        claim: claim.condition.to_string(),
                        path: replies_taken(session),
                        start_mood: session.mood_history().first().copied().unwrap_or_default(),
                    });
                }
            }
        }
    }
    let mean: [Option<f64>; 3] =
        std::array::from_fn(|d| (counts[d] > 0).then(|| sums[d] / counts[d] as f64));
    RandomPlay {
        node_hits,
        choice_hits,
        route_hits,
        unfinished,
        mean,
        extremes,
        claim_violations,
    }
}
