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

use crate::engine::{Event, Mode, PlayState, ReplyRef, Rng, Session};
use crate::scenario::model::*;
use crate::scoring;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// How much work the analysis does.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Random playthroughs.
    pub runs: usize,
    /// Seed of the first random playthrough.
    pub seed: u64,
    /// States the exhaustive walk may visit before it gives up.
    pub max_states: usize,
    /// Decisions after which one playthrough or path is cut (loops).
    pub max_steps: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: 10_000,
            seed: 1,
            max_states: 200_000,
            max_steps: 60,
        }
    }
}

/// One step of a path: node id and reply id (`"timeout"` for a timeout).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    /// Node id.
    pub node: String,
    /// Choice id or `"timeout"`.
    pub reply: String,
}

/// A complete path and its result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathResult {
    /// The decisions.
    pub steps: Vec<PathStep>,
    /// Empathy, promise, care scores (0–100).
    pub scores: [f64; 3],
    /// Geometric mean of the scores.
    pub balance: f64,
    /// The ending reached.
    pub ending: String,
    /// Its outcome.
    pub outcome: Outcome,
}

/// The lowest and highest score a dimension can reach, with paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// Lowest score.
    pub min: f64,
    /// Highest score.
    pub max: f64,
    /// A path reaching the lowest score.
    pub min_path: Vec<PathStep>,
    /// A path reaching the highest score.
    pub max_path: Vec<PathStep>,
}

/// How often random play reached an ending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndingHits {
    /// Node id.
    pub node: String,
    /// Outcome.
    pub outcome: Outcome,
    /// Random playthroughs that ended here.
    pub hits: usize,
    /// Reached by some path of the exhaustive walk.
    pub reachable: bool,
}

/// How often random play visited a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeHits {
    /// Node id.
    pub node: String,
    /// Visits.
    pub hits: usize,
}

/// How often random play took a reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceHits {
    /// Node id.
    pub node: String,
    /// Choice id or `"timeout"`.
    pub reply: String,
    /// Times taken.
    pub hits: usize,
}

/// How often random play took one way of a conditional or random route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteHits {
    /// Node id.
    pub node: String,
    /// Choice id or `"timeout"`.
    pub reply: String,
    /// The node the route led to.
    pub to: String,
    /// Times taken.
    pub hits: usize,
}

/// The "tell" check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tell {
    /// Pearson correlation, within each node, between a reply's length
    /// and its quality (share of the points at stake it earns).
    pub length_correlation: f64,
    /// For each position in file order (0-based), the share of decisions
    /// whose single best reply sits there.
    pub best_position_share: Vec<f64>,
    /// Decisions with a single best reply.
    pub decisions_with_best: usize,
    /// True when the length correlation reaches ±0.3.
    pub length_tell: bool,
    /// True when one position holds the best reply in over half the
    /// decisions (with at least four decisions).
    pub position_tell: bool,
}

/// Everything the analyser found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Scenario id.
    pub scenario: String,
    /// Language.
    pub language: String,
    /// Nodes that are not endings.
    pub decision_nodes: usize,
    /// Ending nodes.
    pub endings: usize,
    /// True when the walk explored every state the conversation can reach
    /// (within the budget): then ranges and coverage are exact.
    pub exhaustive: bool,
    /// Number of distinct complete paths (0 when the scenario can loop).
    pub paths: usize,
    /// Fewest and most decisions on a complete path.
    pub path_length: (usize, usize),
    /// Achievable range per dimension, in [`Dimension::ALL`] order.
    pub ranges: [Range; 3],
    /// Best path by balance.
    pub best: Option<PathResult>,
    /// Worst path by balance.
    pub worst: Option<PathResult>,
    /// Random playthroughs run.
    pub runs: usize,
    /// Random playthroughs cut at the step limit (loops).
    pub unfinished_runs: usize,
    /// Mean score per dimension of random play.
    pub random_mean: [f64; 3],
    /// Hits per ending.
    pub ending_hits: Vec<EndingHits>,
    /// Hits per node, in file order.
    pub node_hits: Vec<NodeHits>,
    /// Hits per reply.
    pub choice_hits: Vec<ChoiceHits>,
    /// Hits per way of each conditional or random route (routes only:
    /// a plain `next` always goes to the same node).
    #[serde(default)]
    pub route_hits: Vec<RouteHits>,
    /// Replies no path takes (exhaustive walk, or random play when the walk
    /// was cut short).
    pub never_taken: Vec<PathStep>,
    /// The tell check.
    pub tell: Tell,
}

impl Analysis {
    /// Endings no random playthrough reached.
    pub fn endings_missed(&self) -> impl Iterator<Item = &EndingHits> {
        self.ending_hits.iter().filter(|e| e.hits == 0)
    }
}

/// Analyses a playable scenario.
pub fn analyze(
    scenario: Arc<Scenario>,
    options: &Options,
) -> Result<Analysis, crate::engine::EngineError> {
    let mut session = Session::new(Arc::clone(&scenario), options.seed, Mode::Practice)?;
    let walk = walk_all(&scenario, &mut session, options);
    let random = random_play(&scenario, &mut session, options);

    let mut reached = vec![false; scenario.nodes.len()];
    let mut taken: Vec<Vec<bool>> = scenario
        .nodes
        .iter()
        .map(|n| vec![false; n.choices().len() + usize::from(n.time_limit().is_some())])
        .collect();
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
    })
}

// ---- random play -------------------------------------------------------------

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

struct RandomPlay {
    node_hits: Vec<usize>,
    choice_hits: Vec<Vec<usize>>,
    /// (node, reply slot, target) of routed replies, sorted.
    route_hits: std::collections::BTreeMap<(NodeIdx, usize, NodeIdx), usize>,
    unfinished: usize,
    mean: [f64; 3],
}

fn random_play(scenario: &Scenario, session: &mut Session, options: &Options) -> RandomPlay {
    let mut node_hits = vec![0usize; scenario.nodes.len()];
    let mut choice_hits: Vec<Vec<usize>> = scenario
        .nodes
        .iter()
        .map(|n| vec![0; n.choices().len() + usize::from(n.time_limit().is_some())])
        .collect();
    let mut route_hits = std::collections::BTreeMap::new();
    let mut unfinished = 0;
    let mut sums = [0.0; 3];
    let mut finished = 0usize;
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
            finished += 1;
            let scores = session.scorecard().scores();
            for d in 0..3 {
                sums[d] += scores[d];
            }
        }
    }
    let mean = sums.map(|s| {
        if finished > 0 {
            s / finished as f64
        } else {
            0.0
        }
    });
    RandomPlay {
        node_hits,
        choice_hits,
        route_hits,
        unfinished,
        mean,
    }
}

// ---- every path: the state graph ----------------------------------------------
//
// Paths multiply (a 15-node scenario can have millions) but the states a
// conversation can be in do not: the future of a conversation depends only
// on its node, mood (when some condition reads it), flags and promise
// ledger. So the analyser explores that state graph once, then answers
// every question on it: reachability exactly, and the extreme score of each
// dimension by Dinkelbach's method — the best ratio E/A is the λ at which
// the best additive path value Σ(E − λA) is 0, and that additive problem is
// a plain dynamic programme over the graph.

/// One transition of the state graph: a reply (or timeout) and, for random
/// routes, one of its options.
#[derive(Debug, Clone)]
struct Edge {
    to: usize,
    node: NodeIdx,
    /// Choice index, or `choices.len()` for the timeout.
    slot: usize,
    points: [scoring::Points; 3],
}

struct StateGraph {
    initial: Vec<usize>,
    terminal: Vec<bool>,
    node_of: Vec<NodeIdx>,
    edges: Vec<Vec<Edge>>,
    /// Every state was explored (the budget was not hit).
    complete: bool,
    /// States in an order where every edge goes forward, if there are no loops.
    topo: Option<Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct StateKey {
    node: NodeIdx,
    mood: i32,
    flags: Vec<u64>,
    ledger: Vec<(u8, bool)>,
    ended: bool,
}

fn has_mood_conditions(scenario: &Scenario) -> bool {
    fn reads_mood(condition: &Condition) -> bool {
        match condition {
            Condition::MoodAtLeast(_) | Condition::MoodBelow(_) => true,
            Condition::All(parts) | Condition::Any(parts) => parts.iter().any(reads_mood),
            Condition::Not(inner) => reads_mood(inner),
            _ => false,
        }
    }
    scenario.all_replies().any(|(_, choice)| {
        choice.when.as_ref().is_some_and(reads_mood)
            || matches!(&choice.next, Next::Route { branches, .. } if branches.iter().any(|b| reads_mood(&b.when)))
    })
}

fn key_of(state: &PlayState, mood_matters: bool) -> StateKey {
    StateKey {
        node: state.node,
        mood: if mood_matters { state.mood } else { 0 },
        flags: state.flags.clone(),
        ledger: state
            .ledger
            .iter()
            .map(|e| (e.status as u8, e.confirmed))
            .collect(),
        ended: state.outcome.is_some(),
    }
}

fn explore(scenario: &Scenario, session: &mut Session, options: &Options) -> StateGraph {
    let mood_matters = has_mood_conditions(scenario);
    let moods: Vec<i32> = match scenario.customer.mood {
        MoodSpec::Fixed(m) => vec![m],
        MoodSpec::Between(low, high) if mood_matters => (low..=high).collect(),
        MoodSpec::Between(low, _) => vec![low],
    };
    let mut states: Vec<PlayState> = Vec::new();
    let mut index: HashMap<StateKey, usize> = HashMap::new();
    let mut intern = |state: PlayState, states: &mut Vec<PlayState>| -> usize {
        let key = key_of(&state, mood_matters);
        *index.entry(key).or_insert_with(|| {
            states.push(state);
            states.len() - 1
        })
    };
    let mut initial = Vec::new();
    for mood in moods {
        session.reset_with_mood(options.seed, mood);
        let id = intern(session.play_state(), &mut states);
        if !initial.contains(&id) {
            initial.push(id);
        }
    }
    let mut edges: Vec<Vec<Edge>> = Vec::new();
    let mut complete = true;
    let mut next = 0;
    while next < states.len() {
        if states.len() > options.max_states {
            complete = false;
            break;
        }
        let id = next;
        next += 1;
        let state = states[id].clone();
        let mut out = Vec::new();
        if state.outcome.is_none() {
            session.set_play_state(&state);
            let node = &scenario.nodes[state.node as usize];
            let offered: Vec<ChoiceIdx> = session.offered().to_vec();
            let mut moves: Vec<(Option<usize>, usize)> = offered
                .iter()
                .enumerate()
                .map(|(position, &c)| (Some(position), c as usize))
                .collect();
            if node.time_limit().is_some() {
                moves.push((None, node.choices().len()));
            }
            for (position, slot) in moves {
                let reply = match position {
                    Some(_) => node.choices().get(slot),
                    None => node.time_limit().map(|t| &t.reply),
                };
                let random_options: Vec<usize> = match reply.map(|r| &r.next) {
                    Some(Next::Random { options, .. }) => options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| o.weight > 0)
                        .map(|(i, _)| i)
                        .collect(),
                    _ => vec![0],
                };
                for option in random_options {
                    session.set_play_state(&state);
                    // The display order is reshuffled on every jump: find
                    // the reply by its index, not by where it was shown.
                    let position = match position {
                        Some(_) => session.offered().iter().position(|&c| c as usize == slot),
                        None => None,
                    };
                    if session.choose_forcing(position, option).is_err() {
                        continue;
                    }
                    let mut points = [scoring::Points::default(); 3];
                    for event in session.events() {
                        if let Event::Scored {
                            dimension,
                            points: p,
                            ..
                        } = event
                        {
                            points[dimension.index()].add(*p);
                        }
                    }
                    let to = intern(session.play_state(), &mut states);
                    out.push(Edge {
                        to,
                        node: state.node,
                        slot,
                        points,
                    });
                }
            }
        }
        edges.push(out);
    }
    edges.resize_with(states.len(), Vec::new);
    let terminal = states.iter().map(|s| s.outcome.is_some()).collect();
    let node_of = states.iter().map(|s| s.node).collect();
    let topo = if complete {
        topological_order(&edges)
    } else {
        None
    };
    StateGraph {
        initial,
        terminal,
        node_of,
        edges,
        complete,
        topo,
    }
}

/// States ordered so that every edge goes forward, or `None` on a loop.
fn topological_order(edges: &[Vec<Edge>]) -> Option<Vec<usize>> {
    let mut incoming = vec![0usize; edges.len()];
    for out in edges {
        for edge in out {
            incoming[edge.to] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..edges.len()).filter(|&s| incoming[s] == 0).collect();
    let mut order = Vec::with_capacity(edges.len());
    while let Some(s) = ready.pop() {
        order.push(s);
        for edge in &edges[s] {
            incoming[edge.to] -= 1;
            if incoming[edge.to] == 0 {
                ready.push(edge.to);
            }
        }
    }
    (order.len() == edges.len()).then_some(order)
}

/// The best path (as edge references) under an additive weight, maximising
/// or minimising `primary` and, among equals, maximising `secondary`.
fn best_path(
    graph: &StateGraph,
    weight: &dyn Fn(&Edge) -> (f64, f64),
    maximize: bool,
    max_steps: usize,
) -> Option<Vec<(usize, usize)>> {
    const EPS: f64 = 1e-9;
    let better = |a: (f64, f64), b: (f64, f64)| -> bool {
        let (pa, pb) = if maximize { (a.0, b.0) } else { (-a.0, -b.0) };
        pa > pb + EPS || ((pa - pb).abs() <= EPS && a.1 > b.1 + EPS)
    };
    let count = graph.edges.len();
    // Acyclic: one value per state. With loops: one per (state, steps left).
    let levels = if graph.topo.is_some() { 1 } else { max_steps };
    let mut value: Vec<Option<(f64, f64)>> = vec![None; count];
    let mut choice: Vec<Vec<u32>> = vec![vec![u32::MAX; count]; levels];
    match &graph.topo {
        Some(order) => {
            for &s in order.iter().rev() {
                if graph.terminal[s] {
                    value[s] = Some((0.0, 0.0));
                    continue;
                }
                for (i, edge) in graph.edges[s].iter().enumerate() {
                    if let Some(rest) = value[edge.to] {
                        let w = weight(edge);
                        let total = (w.0 + rest.0, w.1 + rest.1);
                        if value[s].is_none_or(|v| better(total, v)) {
                            value[s] = Some(total);
                            choice[0][s] = i as u32;
                        }
                    }
                }
            }
        }
        None => {
            let mut previous: Vec<Option<(f64, f64)>> = (0..count)
                .map(|s| graph.terminal[s].then_some((0.0, 0.0)))
                .collect();
            for level_choice in choice.iter_mut().take(levels) {
                let mut current = previous.clone();
                for s in 0..count {
                    if graph.terminal[s] {
                        continue;
                    }
                    current[s] = None;
                    for (i, edge) in graph.edges[s].iter().enumerate() {
                        if let Some(rest) = previous[edge.to] {
                            let w = weight(edge);
                            let total = (w.0 + rest.0, w.1 + rest.1);
                            if current[s].is_none_or(|v| better(total, v)) {
                                current[s] = Some(total);
                                level_choice[s] = i as u32;
                            }
                        }
                    }
                }
                previous = current;
            }
            value = previous;
        }
    }
    let start = graph
        .initial
        .iter()
        .copied()
        .filter(|&s| value[s].is_some())
        .reduce(|a, b| match (value[a], value[b]) {
            (Some(va), Some(vb)) if better(vb, va) => b,
            _ => a,
        })?;
    let mut path = Vec::new();
    let mut s = start;
    let mut level = levels;
    while !graph.terminal[s] {
        let i = if graph.topo.is_some() {
            choice[0][s]
        } else {
            level = level.checked_sub(1)?;
            choice[level][s]
        };
        let edge = graph.edges[s].get(i as usize)?;
        path.push((s, i as usize));
        s = edge.to;
    }
    Some(path)
}

fn totals(graph: &StateGraph, path: &[(usize, usize)]) -> [scoring::Points; 3] {
    let mut sum = [scoring::Points::default(); 3];
    for &(s, i) in path {
        for (total, points) in sum.iter_mut().zip(graph.edges[s][i].points) {
            total.add(points);
        }
    }
    sum
}

/// The extreme score of dimension `d` and a path reaching it (Dinkelbach).
fn extreme(
    graph: &StateGraph,
    d: usize,
    maximize: bool,
    max_steps: usize,
) -> Option<(f64, Vec<(usize, usize)>)> {
    let mut lambda = if maximize { 0.0 } else { 1.0 };
    for _ in 0..60 {
        let weight = |e: &Edge| {
            let p = e.points[d];
            (p.earned - lambda * p.available, p.available)
        };
        let path = best_path(graph, &weight, maximize, max_steps)?;
        let sum = totals(graph, &path)[d];
        if sum.available <= 0.0 {
            // Nothing at stake on this path: it scores 100 by definition.
            return Some((100.0, path));
        }
        let ratio = sum.earned / sum.available;
        let converged = if maximize {
            ratio <= lambda + 1e-12
        } else {
            ratio >= lambda - 1e-12
        };
        if converged {
            return Some((100.0 * ratio, path));
        }
        lambda = ratio;
    }
    None
}

struct Walk {
    exhaustive: bool,
    paths: usize,
    path_length: (usize, usize),
    ranges: [Range; 3],
    best: Option<PathResult>,
    worst: Option<PathResult>,
    reached: Vec<bool>,
    taken: Vec<Vec<bool>>,
}

fn path_result(
    scenario: &Scenario,
    graph: &StateGraph,
    path: &[(usize, usize)],
) -> Option<PathResult> {
    let sum = totals(graph, path);
    let scores: [f64; 3] = std::array::from_fn(|d| sum[d].percent());
    let last = path.last().map(|&(s, i)| graph.edges[s][i].to)?;
    let end = scenario.node(graph.node_of[last])?;
    Some(PathResult {
        steps: path_steps(scenario, graph, path),
        scores,
        balance: scoring::balance(scores),
        ending: end.id.value.clone(),
        outcome: end.outcome().unwrap_or(Outcome::Neutral),
    })
}

fn path_steps(scenario: &Scenario, graph: &StateGraph, path: &[(usize, usize)]) -> Vec<PathStep> {
    path.iter()
        .map(|&(s, i)| {
            let edge = &graph.edges[s][i];
            let node = &scenario.nodes[edge.node as usize];
            PathStep {
                node: node.id.value.clone(),
                reply: node
                    .choices()
                    .get(edge.slot)
                    .map(|c| c.id.value.clone())
                    .unwrap_or_else(|| "timeout".to_string()),
            }
        })
        .collect()
}

/// Number of complete paths and their shortest and longest length
/// (acyclic graphs only).
fn count_paths(graph: &StateGraph) -> Option<(f64, usize, usize)> {
    let order = graph.topo.as_ref()?;
    let n = graph.edges.len();
    let mut count = vec![0.0f64; n];
    let mut shortest = vec![usize::MAX; n];
    let mut longest = vec![0usize; n];
    for &s in order.iter().rev() {
        if graph.terminal[s] {
            count[s] = 1.0;
            shortest[s] = 0;
            continue;
        }
        for edge in &graph.edges[s] {
            if count[edge.to] > 0.0 {
                count[s] += count[edge.to];
                shortest[s] = shortest[s].min(shortest[edge.to] + 1);
                longest[s] = longest[s].max(longest[edge.to] + 1);
            }
        }
    }
    let reachable: Vec<usize> = graph
        .initial
        .iter()
        .copied()
        .filter(|&s| count[s] > 0.0)
        .collect();
    Some((
        reachable.iter().map(|&s| count[s]).sum(),
        reachable.iter().map(|&s| shortest[s]).min().unwrap_or(0),
        reachable.iter().map(|&s| longest[s]).max().unwrap_or(0),
    ))
}

fn walk_all(scenario: &Scenario, session: &mut Session, options: &Options) -> Walk {
    let graph = explore(scenario, session, options);
    let mut reached = vec![false; scenario.nodes.len()];
    let mut taken: Vec<Vec<bool>> = scenario
        .nodes
        .iter()
        .map(|n| vec![false; n.choices().len() + usize::from(n.time_limit().is_some())])
        .collect();
    for &node in &graph.node_of {
        reached[node as usize] = true;
    }
    for out in &graph.edges {
        for edge in out {
            if let Some(slot) = taken[edge.node as usize].get_mut(edge.slot) {
                *slot = true;
            }
        }
    }

    let mut candidates: Vec<Vec<(usize, usize)>> = Vec::new();
    let ranges = std::array::from_fn(|d| {
        let high = extreme(&graph, d, true, options.max_steps);
        let low = extreme(&graph, d, false, options.max_steps);
        let range = Range {
            min: low.as_ref().map_or(0.0, |l| l.0),
            max: high.as_ref().map_or(0.0, |h| h.0),
            min_path: low
                .as_ref()
                .map(|l| path_steps(scenario, &graph, &l.1))
                .unwrap_or_default(),
            max_path: high
                .as_ref()
                .map(|h| path_steps(scenario, &graph, &h.1))
                .unwrap_or_default(),
        };
        candidates.extend(low.map(|l| l.1));
        candidates.extend(high.map(|h| h.1));
        range
    });
    // Candidates for the best and worst balance: the extreme path of each
    // dimension, and the paths best and worst on all three at once.
    for (lambda, maximize) in [(0.9, true), (0.5, true), (0.1, false), (0.5, false)] {
        let weight = |e: &Edge| {
            let value: f64 = e
                .points
                .iter()
                .map(|p| p.earned - lambda * p.available)
                .sum();
            (value, 0.0)
        };
        candidates.extend(best_path(&graph, &weight, maximize, options.max_steps));
    }
    let results: Vec<PathResult> = candidates
        .iter()
        .filter_map(|p| path_result(scenario, &graph, p))
        .collect();
    let best = results
        .iter()
        .max_by(|a, b| a.balance.total_cmp(&b.balance))
        .cloned();
    let worst = results
        .iter()
        .min_by(|a, b| a.balance.total_cmp(&b.balance))
        .cloned();
    let (paths, shortest, longest) = count_paths(&graph).unwrap_or((0.0, 0, options.max_steps));
    Walk {
        exhaustive: graph.complete,
        paths: if paths >= usize::MAX as f64 {
            usize::MAX
        } else {
            paths as usize
        },
        path_length: (shortest, longest),
        ranges,
        best,
        worst,
        reached,
        taken,
    }
}

// ---- tell check -----------------------------------------------------------------

/// The quality (0–1) of each choice of a node against all its choices.
pub fn choice_qualities(node: &Node) -> Vec<Option<f64>> {
    let choices = node.choices();
    choices
        .iter()
        .map(|c| {
            let points = scoring::reply_points(choices.iter().map(|c| &c.effects), &c.effects);
            scoring::reply_quality(&points)
        })
        .collect()
}

fn tell(scenario: &Scenario) -> Tell {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let mut positions: Vec<usize> = Vec::new();
    for node in &scenario.nodes {
        let choices = node.choices();
        if choices.len() < 2 {
            continue;
        }
        let qualities = choice_qualities(node);
        let pairs: Vec<(f64, f64)> = choices
            .iter()
            .zip(&qualities)
            .filter_map(|(c, q)| q.map(|q| (c.text.chars().count() as f64, q)))
            .collect();
        if pairs.len() < 2 {
            continue;
        }
        let mean_x = pairs.iter().map(|p| p.0).sum::<f64>() / pairs.len() as f64;
        let mean_y = pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len() as f64;
        for (x, y) in &pairs {
            xs.push(x - mean_x);
            ys.push(y - mean_y);
        }
        let best = qualities.iter().flatten().cloned().fold(f64::MIN, f64::max);
        let at_best: Vec<usize> = qualities
            .iter()
            .enumerate()
            .filter(|(_, q)| q.is_some_and(|q| (q - best).abs() < 1e-9))
            .map(|(i, _)| i)
            .collect();
        if at_best.len() == 1 {
            positions.push(at_best[0]);
        }
    }
    let sxx: f64 = xs.iter().map(|x| x * x).sum();
    let syy: f64 = ys.iter().map(|y| y * y).sum();
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| x * y).sum();
    let length_correlation = if sxx > 0.0 && syy > 0.0 {
        sxy / (sxx.sqrt() * syy.sqrt())
    } else {
        0.0
    };
    let width = positions.iter().copied().max().map_or(0, |m| m + 1);
    let mut counts = vec![0usize; width];
    for &p in &positions {
        counts[p] += 1;
    }
    let total = positions.len();
    let best_position_share: Vec<f64> = counts
        .iter()
        .map(|&c| {
            if total > 0 {
                c as f64 / total as f64
            } else {
                0.0
            }
        })
        .collect();
    Tell {
        length_correlation,
        position_tell: total >= 4 && best_position_share.iter().any(|&s| s > 0.5),
        length_tell: length_correlation.abs() >= 0.3,
        best_position_share,
        decisions_with_best: total,
    }
}
