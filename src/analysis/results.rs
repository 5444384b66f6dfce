//! What an analysis finds, as plain data for the CLI, the workbench and
//! `--json`, and the options that bound the work.

use crate::scenario::model::{Outcome, Scenario};
use serde::{Deserialize, Serialize};

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
    /// Empathy, promise, care scores (0–100); `None` when not assessed on
    /// this path.
    pub scores: [Option<f64>; 3],
    /// The balance of the assessed scores.
    pub balance: Option<f64>,
    /// The ending reached.
    pub ending: String,
    /// Its outcome.
    pub outcome: Outcome,
}

/// The lowest and highest score a dimension can reach, with paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// Lowest score; `None` when no path puts anything at stake.
    pub min: Option<f64>,
    /// Highest score; `None` when no path puts anything at stake.
    pub max: Option<f64>,
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
    /// Mean score per dimension of the random runs that assessed it.
    pub random_mean: [Option<f64>; 3],
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

/// One `false` per reply of every node (a timed node's timeout counts as
/// one more reply), to mark which replies were taken.
pub(super) fn reply_slots(scenario: &Scenario) -> Vec<Vec<bool>> {
    scenario
        .nodes
        .iter()
        .map(|n| vec![false; n.choices().len() + usize::from(n.time_limit().is_some())])
        .collect()
}
