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

use crate::engine::{Event, Mode, ReplyRef, Rng, Session};
use crate::scenario::model::*;
use crate::scoring::{self, Scorecard};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How much work the analysis does.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Random playthroughs.
    pub runs: usize,
    /// Seed of the first random playthrough.
    pub seed: u64,
    /// Complete paths the exhaustive walk may visit before it gives up.
    pub max_paths: usize,
    /// Decisions after which one playthrough or path is cut (loops).
    pub max_steps: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: 10_000,
            seed: 1,
            max_paths: 200_000,
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
    /// True when the walk visited every path within the budget.
    pub exhaustive: bool,
    /// Complete paths walked.
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
        for c in 0..taken[i].len() {
            if !taken[i][c] {
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

// ---- every path ----------------------------------------------------------------

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

struct Walker<'s> {
    scenario: &'s Scenario,
    options: &'s Options,
    paths: usize,
    cut: bool,
    min_len: usize,
    max_len: usize,
    low: [Option<(f64, Vec<PathStep>)>; 3],
    high: [Option<(f64, Vec<PathStep>)>; 3],
    best: Option<PathResult>,
    worst: Option<PathResult>,
    reached: Vec<bool>,
    taken: Vec<Vec<bool>>,
}

fn walk_all(scenario: &Scenario, session: &mut Session, options: &Options) -> Walk {
    let mut walker = Walker {
        scenario,
        options,
        paths: 0,
        cut: false,
        min_len: usize::MAX,
        max_len: 0,
        low: Default::default(),
        high: Default::default(),
        best: None,
        worst: None,
        reached: vec![false; scenario.nodes.len()],
        taken: scenario
            .nodes
            .iter()
            .map(|n| vec![false; n.choices().len() + usize::from(n.time_limit().is_some())])
            .collect(),
    };
    let moods: Vec<i32> = match scenario.customer.mood {
        MoodSpec::Fixed(m) => vec![m],
        MoodSpec::Between(low, high) if low == high => vec![low],
        MoodSpec::Between(low, high) => vec![low, high],
    };
    for mood in moods {
        session.reset_with_mood(options.seed, mood);
        walker.visit(session.clone());
    }
    let ranges = std::array::from_fn(|d| {
        let (min, min_path) = walker.low[d].clone().unwrap_or((0.0, Vec::new()));
        let (max, max_path) = walker.high[d].clone().unwrap_or((0.0, Vec::new()));
        Range {
            min,
            max,
            min_path,
            max_path,
        }
    });
    Walk {
        exhaustive: !walker.cut,
        paths: walker.paths,
        path_length: if walker.paths == 0 {
            (0, 0)
        } else {
            (walker.min_len, walker.max_len)
        },
        ranges,
        best: walker.best,
        worst: walker.worst,
        reached: walker.reached,
        taken: walker.taken,
    }
}

fn path_of(session: &Session) -> Vec<PathStep> {
    session
        .save()
        .inputs
        .into_iter()
        .map(|input| PathStep {
            node: input.node,
            reply: input.reply,
        })
        .collect()
}

impl Walker<'_> {
    fn visit(&mut self, session: Session) {
        if self.paths >= self.options.max_paths {
            self.cut = true;
            return;
        }
        let here = session.node_index() as usize;
        self.reached[here] = true;
        if session.is_finished() {
            self.complete(&session);
            return;
        }
        if session.steps().len() >= self.options.max_steps {
            self.cut = true;
            return;
        }
        let node = &self.scenario.nodes[here];
        let offered: Vec<ChoiceIdx> = session.offered().to_vec();
        let mut moves: Vec<(Option<usize>, usize)> = Vec::new();
        for (position, &c) in offered.iter().enumerate() {
            moves.push((Some(position), c as usize));
        }
        if node.time_limit().is_some() {
            moves.push((None, node.choices().len()));
        }
        for (position, slot) in moves {
            self.taken[here][slot] = true;
            let reply = match position {
                Some(_) => node.choices().get(slot),
                None => node.time_limit().map(|t| &t.reply),
            };
            let random_options = match reply.map(|r| &r.next) {
                Some(Next::Random { options, .. }) => options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.weight > 0)
                    .map(|(i, _)| i)
                    .collect(),
                _ => vec![0],
            };
            for option in random_options {
                let mut next = session.clone();
                if next.choose_forcing(position, option).is_ok() {
                    self.visit(next);
                }
            }
        }
    }

    fn complete(&mut self, session: &Session) {
        self.paths += 1;
        let length = session.steps().len();
        self.min_len = self.min_len.min(length);
        self.max_len = self.max_len.max(length);
        let card: Scorecard = session.scorecard();
        let scores = card.scores();
        let mut path: Option<Vec<PathStep>> = None;
        for d in 0..3 {
            if self.low[d].as_ref().is_none_or(|(s, _)| scores[d] < *s) {
                let p = path.get_or_insert_with(|| path_of(session)).clone();
                self.low[d] = Some((scores[d], p));
            }
            if self.high[d].as_ref().is_none_or(|(s, _)| scores[d] > *s) {
                let p = path.get_or_insert_with(|| path_of(session)).clone();
                self.high[d] = Some((scores[d], p));
            }
        }
        let better = self.best.as_ref().is_none_or(|b| card.balance > b.balance);
        let worse = self.worst.as_ref().is_none_or(|w| card.balance < w.balance);
        if better || worse {
            let result = PathResult {
                steps: path.unwrap_or_else(|| path_of(session)),
                scores,
                balance: card.balance,
                ending: session.node().id.value.clone(),
                outcome: card.outcome.unwrap_or(Outcome::Neutral),
            };
            if better {
                self.best = Some(result.clone());
            }
            if worse {
                self.worst = Some(result);
            }
        }
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
