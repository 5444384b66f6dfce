//! Every path: the state graph of the conversation, explored within a
//! budget, with the best and worst path of each dimension.

use super::results::{
    ClaimReport, ClaimViolation, Options, PathResult, PathStep, Range, reply_slots,
};
use crate::engine::{Event, PlayState, Session};
use crate::scenario::model::*;
use crate::scoring;
use std::collections::HashMap;

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

pub(super) struct StateGraph {
    initial: Vec<usize>,
    /// How each state was first reached: the state before, the node, the
    /// reply slot and the random option; `None` for a starting state.
    parent: Vec<Option<(usize, NodeIdx, usize, usize)>>,
    /// The starting mood of each state's conversation.
    start_mood: Vec<i32>,
    /// Ending states with the indices of the ending's claims that do not
    /// hold there.
    violations: Vec<(usize, Vec<usize>)>,
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
    /// Earned and at stake per dimension in millipoints, when some
    /// condition reads a score.
    totals: Option<[(i64, i64); 3]>,
}

fn has_mood_conditions(scenario: &Scenario) -> bool {
    scenario.all_replies().any(|(_, choice)| {
        choice.when.as_ref().is_some_and(Condition::reads_mood)
            || matches!(&choice.next, Next::Route { branches, .. } if branches.iter().any(|b| b.when.reads_mood()))
    })
}

fn has_score_conditions(scenario: &Scenario) -> bool {
    scenario.all_replies().any(|(_, choice)| {
        choice.when.as_ref().is_some_and(Condition::reads_score)
            || matches!(&choice.next, Next::Route { branches, .. } if branches.iter().any(|b| b.when.reads_score()))
    }) || scenario.nodes.iter().any(|node| match &node.body {
        NodeBody::Ending { claims, notes, .. } => {
            claims.iter().any(|c| c.condition.reads_score()) || notes.iter().any(|n| n.when.reads_score())
        }
        NodeBody::Scene { .. } => false,
    })
}

fn key_of(state: &PlayState, mood_matters: bool, score_matters: bool) -> StateKey {
    let milli = |x: f64| (x * 1000.0).round() as i64;
    StateKey {
        totals: score_matters.then(|| state.totals.map(|p| (milli(p.earned), milli(p.available)))),
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

pub(super) fn explore(scenario: &Scenario, session: &mut Session, options: &Options) -> StateGraph {
    let mood_matters = has_mood_conditions(scenario);
    let score_matters = has_score_conditions(scenario);
    let moods: Vec<i32> = match scenario.customer.mood {
        MoodSpec::Fixed(m) => vec![m],
        MoodSpec::Between(low, high) if mood_matters => (low..=high).collect(),
        MoodSpec::Between(low, _) => vec![low],
    };
    let mut states: Vec<PlayState> = Vec::new();
    let mut index: HashMap<StateKey, usize> = HashMap::new();
    let mut parent: Vec<Option<(usize, NodeIdx, usize, usize)>> = Vec::new();
    let mut start_mood: Vec<i32> = Vec::new();
    let mut violations: Vec<(usize, Vec<usize>)> = Vec::new();
    // Interns a state; true when it is new.
    let mut intern = |state: PlayState, states: &mut Vec<PlayState>| -> (usize, bool) {
        let key = key_of(&state, mood_matters, score_matters);
        let before = states.len();
        let id = *index.entry(key).or_insert_with(|| {
            states.push(state);
            states.len() - 1
        });
        (id, id == before)
    };
    let mut initial = Vec::new();
    for mood in moods {
        session.reset_with_mood(options.seed, mood);
        let (id, new) = intern(session.play_state(), &mut states);
        if new {
            parent.push(None);
            start_mood.push(mood);
        }
        if !initial.contains(&id) {
            initial.push(id);
        }
    }
    let mut edges: Vec<Vec<Edge>> = Vec::new();
    let mut complete = true;
    let mut next = 0;
    // Each state holds its flags and ledger twice (the state and its key)
    // and a few edges: bound their number by the memory budget too.
    let per_state = std::mem::size_of::<PlayState>()
        + std::mem::size_of::<StateKey>()
        + 4 * std::mem::size_of::<Edge>()
        + 2 * (scenario.flags.len().div_ceil(64) * 8)
        + scenario.promises.len() * (std::mem::size_of::<crate::engine::PromiseEntry>() + 2)
        + 64;
    let max_states = options
        .max_states
        .min(options.max_memory_bytes / per_state.max(1))
        .max(1);
    while next < states.len() {
        if states.len() > max_states {
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
                    for line in session.events().iter().filter_map(Event::score_line) {
                        points[line.dimension.index()].add(line.points);
                    }
                    let (to, new) = intern(session.play_state(), &mut states);
                    if new {
                        parent.push(Some((id, state.node, slot, option)));
                        start_mood.push(start_mood[id]);
                        let violated = session.violated_claims();
                        if !violated.is_empty() {
                            violations.push((to, violated));
                        }
                    }
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
        parent,
        start_mood,
        violations,
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
            // Nothing at stake on this path: not assessed, so no extreme.
            return None;
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

pub struct Walk {
    pub(super) exhaustive: bool,
    pub(super) states: usize,
    pub(super) paths: Option<f64>,
    pub(super) path_length: Option<(usize, usize)>,
    pub(super) ranges: [Range; 3],
    pub(super) best: Option<PathResult>,
    pub(super) worst: Option<PathResult>,
    pub(super) reached: Vec<bool>,
    pub(super) taken: Vec<Vec<bool>>,
    pub(super) claims: ClaimReport,
}

fn path_result(
    scenario: &Scenario,
    graph: &StateGraph,
    path: &[(usize, usize)],
) -> Option<PathResult> {
    let sum = totals(graph, path);
    let scores: [Option<f64>; 3] = std::array::from_fn(|d| sum[d].percent());
    let last = path.last().map(|&(s, i)| graph.edges[s][i].to)?;
    let end = scenario.node(graph.node_of[last])?;
    Some(PathResult {
        steps: path_steps(scenario, graph, path),
        scores,
        balance: scoring::balance(sum),
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

pub(super) fn walk_all(scenario: &Scenario, session: &mut Session, options: &Options) -> Walk {
    let graph = explore(scenario, session, options);
    let mut reached = vec![false; scenario.nodes.len()];
    let mut taken = reply_slots(scenario);
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

    // On a graph cut short the extremes prove nothing, and the dynamic
    // programmes over a huge partial graph are what would blow the time
    // budget: leave the ranges to random play (marked as estimates).
    let mut candidates: Vec<Vec<(usize, usize)>> = Vec::new();
    let ranges = std::array::from_fn(|d| {
        if !graph.complete {
            return Range {
                estimate: true,
                min: None,
                max: None,
                min_path: Vec::new(),
                max_path: Vec::new(),
            };
        }
        let high = extreme(&graph, d, true, options.max_steps);
        let low = extreme(&graph, d, false, options.max_steps);
        let range = Range {
            estimate: false,
            min: low.as_ref().map(|l| l.0),
            max: high.as_ref().map(|h| h.0),
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
    let lambdas: &[(f64, bool)] = if graph.complete {
        &[(0.9, true), (0.5, true), (0.1, false), (0.5, false)]
    } else {
        &[]
    };
    for &(lambda, maximize) in lambdas {
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
        .max_by(|a, b| {
            a.balance
                .unwrap_or(-1.0)
                .total_cmp(&b.balance.unwrap_or(-1.0))
        })
        .cloned();
    let worst = results
        .iter()
        .min_by(|a, b| {
            a.balance
                .unwrap_or(101.0)
                .total_cmp(&b.balance.unwrap_or(101.0))
        })
        .cloned();
    // Path counts are only known for a complete graph without loops.
    let counted = count_paths(&graph).filter(|_| graph.complete);
    Walk {
        exhaustive: graph.complete,
        states: graph.node_of.len(),
        paths: counted.map(|(paths, _, _)| paths),
        path_length: counted.map(|(_, shortest, longest)| (shortest, longest)),
        ranges,
        best,
        worst,
        reached,
        taken,
        claims: claims_report(scenario, &graph),
    }
}

/// The replies (and random outcomes) that first reached `state`.
fn path_to(scenario: &Scenario, graph: &StateGraph, mut state: usize) -> Vec<String> {
    let mut steps = Vec::new();
    while let Some(Some((before, node, slot, option))) = graph.parent.get(state) {
        let node_ref = &scenario.nodes[*node as usize];
        let reply = node_ref.choices().get(*slot);
        let mut step = reply.map_or_else(|| "timeout".to_string(), |c| c.id.value.clone());
        let next = reply
            .map(|c| &c.next)
            .or_else(|| node_ref.time_limit().map(|t| &t.reply.next));
        if let Some(Next::Random { options, .. }) = next
            && let Some(chosen) = options.get(*option)
        {
            step.push_str(&format!(" → {}", chosen.go.id.value));
        }
        steps.push(step);
        state = *before;
    }
    steps.reverse();
    steps
}

/// Checks every ending's claims on the explored graph.
pub(super) fn claims_report(scenario: &Scenario, graph: &StateGraph) -> ClaimReport {
    let mut reached = vec![false; scenario.nodes.len()];
    for &node in &graph.node_of {
        reached[node as usize] = true;
    }
    let checked = scenario
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| reached[*i])
        .map(|(_, node)| match &node.body {
            NodeBody::Ending { claims, .. } => claims.len(),
            NodeBody::Scene { .. } => 0,
        })
        .sum();
    let mut violations: Vec<ClaimViolation> = Vec::new();
    for (state, broken) in &graph.violations {
        let node = &scenario.nodes[graph.node_of[*state] as usize];
        let NodeBody::Ending { claims, .. } = &node.body else {
            continue;
        };
        for &index in broken {
            let known = violations
                .iter()
                .any(|v| v.ending == node.id.value && v.index == index);
            if known {
                continue;
            }
            let Some(claim) = claims.get(index) else {
                continue;
            };
            violations.push(ClaimViolation {
                ending: node.id.value.clone(),
                index,
                claim: claim.condition.to_string(),
                path: path_to(scenario, graph, *state),
                start_mood: graph.start_mood.get(*state).copied().unwrap_or_default(),
            });
        }
    }
    ClaimReport {
        checked,
        violated: violations.len(),
        proven: graph.complete,
        violations,
    }
}
