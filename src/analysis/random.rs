//! Random play: seeded playthroughs that pick replies (and timeouts)
//! uniformly, like a group of trainees who click at random.

use super::results::Options;
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
    }
}
