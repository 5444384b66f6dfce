//! What an analysis finds, as plain data for the CLI, the workbench and
//! `--json`, and the options that bound the work.

use crate::labels;
use crate::lang::{Bilingual, Lang, msg};
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
    /// Memory the state graph may take, in bytes (estimated per state
    /// from the scenario's flags and promises), before the walk gives up.
    pub max_memory_bytes: usize,
    /// Decisions after which one playthrough or path is cut (loops). The
    /// analysis raises it to the number of nodes, so a scenario without
    /// loops is never cut.
    pub max_steps: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            runs: 10_000,
            seed: 1,
            max_states: 2_000_000,
            max_memory_bytes: 256 * 1024 * 1024,
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

/// The lowest and highest score a dimension can reach, with paths. When
/// `estimate` is true the walk was cut short: the values are reached by
/// some real path, but wider ones may exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// The values are not proven extremes.
    pub estimate: bool,
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
    /// Reached by some explored state or random playthrough.
    pub reachable: bool,
    /// Proven unreachable: the walk was exhaustive and never reached it.
    pub proven_unreachable: bool,
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
    /// Where the tells come from: every decision with two or more scored
    /// replies, with each reply's length, so a trainer sees which
    /// decisions to rewrite.
    #[serde(default)]
    pub decisions: Vec<TellDecision>,
}

/// One decision as the tell check saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TellDecision {
    /// Node id.
    pub node: String,
    /// The replies with a quality, in file order.
    pub replies: Vec<TellReply>,
    /// Position (0-based, in file order among all the node's replies) of
    /// the single best reply, when one reply is best.
    pub best_position: Option<usize>,
    /// The single best reply is strictly longer than every other reply.
    pub best_is_longest: bool,
    /// The single best reply is strictly shorter than every other reply.
    pub best_is_shortest: bool,
}

/// One reply as the tell check saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TellReply {
    /// Choice id.
    pub reply: String,
    /// Length of its text in characters.
    pub chars: usize,
    /// Share (0–1) of the points at stake it earns.
    pub quality: f64,
    /// True for the single best reply.
    pub best: bool,
}

impl Tell {
    /// The decisions behind the length tell: where the best reply is the
    /// longest (when longer replies score better) or the shortest (when
    /// shorter ones do).
    pub fn length_suspects(&self) -> impl Iterator<Item = &TellDecision> {
        let longer_wins = self.length_correlation >= 0.0;
        self.decisions.iter().filter(move |d| {
            if longer_wins {
                d.best_is_longest
            } else {
                d.best_is_shortest
            }
        })
    }

    /// The decisions behind the position tell: those whose single best
    /// reply sits at the most common position.
    pub fn position_suspects(&self) -> impl Iterator<Item = &TellDecision> {
        let top = self
            .best_position_share
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| i);
        self.decisions
            .iter()
            .filter(move |d| d.best_position.is_some() && d.best_position == top)
    }
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
    /// States explored by the walk.
    pub states: usize,
    /// Decisions after which a playthrough was cut.
    pub max_steps: usize,
    /// Number of distinct complete paths; `None` when unknown (the walk
    /// was cut short, or the scenario can loop). A float, so a count
    /// beyond 2⁶⁴ is kept (and printed) as it is, never saturated.
    pub paths: Option<f64>,
    /// Fewest and most decisions on a complete path; `None` when unknown.
    pub path_length: Option<(usize, usize)>,
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
    /// The endings' claims: how many were checked, which are broken.
    pub claims: ClaimReport,
    /// Fixed strategies played on every random branch.
    pub strategies: Vec<StrategyResult>,
    /// Warnings from the strategy audit and the claims.
    pub warnings: Vec<AuditWarning>,
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

/// What `check` proved about the claims of the endings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimReport {
    /// Claims on endings some path reaches.
    pub checked: usize,
    /// Claims that some path breaks.
    pub violated: usize,
    /// Every path was explored, so claims not violated are proven; when
    /// false, they were only not contradicted by the paths explored.
    pub proven: bool,
    /// One counterexample per violated claim.
    pub violations: Vec<ClaimViolation>,
}

/// A claim that does not hold on some path, with that path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimViolation {
    /// The ending's node id.
    pub ending: String,
    /// Position of the claim in the ending's `claims`.
    pub index: usize,
    /// The claim as written.
    pub claim: String,
    /// The replies from the start, by id; a random route's outcome follows
    /// as `→ node`.
    pub path: Vec<String>,
    /// The starting mood of that path.
    pub start_mood: i32,
}

/// How one fixed strategy fares over every random branch and starting mood
/// (shares weighted by probability), or over seeded random runs when
/// `exhaustive` is false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StrategyResult {
    /// `best_path`, `greedy_mood`, `greedy_empathy`, `always_promise`,
    /// `never_confirm`, `least_care` or `random`.
    pub name: String,
    /// Share of conversations ending with the customer kept (0–1).
    pub kept: f64,
    /// Share ending neutral.
    pub neutral: f64,
    /// Share ending with the customer lost.
    pub lost: f64,
    /// Share that did not end within the step limit.
    pub unfinished: f64,
    /// Share kept after an unrealistic promise on the way.
    pub kept_via_unrealistic: f64,
    /// Lowest balance reached, if any conversation ended with one.
    pub balance_min: Option<f64>,
    /// Highest balance reached.
    pub balance_max: Option<f64>,
    /// Every branch was followed; false: the figures are estimates from
    /// random draws.
    pub exhaustive: bool,
}

/// Something the audit found that makes a scenario teach the wrong thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditWarning {
    /// A strategy that fails the customer keeps them too often.
    FailingStrategyKept {
        /// The strategy.
        strategy: String,
        /// Its share of kept customers.
        kept: f64,
        /// The share comes from random draws.
        estimate: bool,
    },
    /// Pleasing the customer most right now keeps them through an
    /// unrealistic promise.
    GreedyMoodKeptByUnrealistic {
        /// Share of conversations kept that way.
        share: f64,
        /// The share comes from random draws.
        estimate: bool,
    },
    /// The best path does not keep the customer.
    BestPathNotKept {
        /// The ending it reaches.
        ending: String,
        /// Its outcome.
        outcome: Outcome,
    },
    /// An unrealistic promise is the most pleasing or most empathic reply.
    UnrealisticPromiseTops {
        /// The node.
        node: String,
        /// The reply.
        reply: String,
        /// It has the biggest mood gain.
        top_mood: bool,
        /// It has the highest empathy.
        top_empathy: bool,
    },
    /// The claims could not be proven: the exploration was cut short.
    ClaimsNotProven,
}

impl AuditWarning {
    /// What is wrong and how to fix it, in both languages.
    pub fn message(&self) -> (Bilingual, Bilingual) {
        let percent = |share: f64| format!("{:.0}%", 100.0 * share);
        let about = |estimate: bool| {
            if estimate {
                Bilingual::new("about ", "alrededor del ")
            } else {
                Bilingual::default()
            }
        };
        match self {
            AuditWarning::FailingStrategyKept {
                strategy,
                kept,
                estimate,
            } => (
                msg!(
                    "the strategy `{strategy}` keeps the customer in {about}{share} of conversations (at most 10% expected)",
                    "la estrategia `{strategy}` conserva al cliente en {about}{share} de las conversaciones (se espera como mucho un 10%)",
                    share = percent(*kept),
                    about => about(*estimate),
                ),
                msg!(
                    "route the kept ending on the conduct it praises (e.g. `All([PromiseConfirmed(\"p\"), NotFlag(\"shielded\")])`), so failing the customer cannot keep them",
                    "haz que el final conservado dependa de la conducta que elogia (p. ej. `All([PromiseConfirmed(\"p\"), NotFlag(\"shielded\")])`), para que fallar al cliente no lo conserve"
                ),
            ),
            AuditWarning::GreedyMoodKeptByUnrealistic { share, estimate } => (
                msg!(
                    "always pleasing the customer most keeps them through an unrealistic promise in {about}{share} of conversations",
                    "complacer siempre al máximo al cliente lo conserva mediante una promesa poco realista en {about}{share} de las conversaciones",
                    share = percent(*share),
                    about => about(*estimate),
                ),
                msg!(
                    "give the unrealistic promise a smaller mood gain than the caring reply, and keep its paths away from a kept ending",
                    "da a la promesa poco realista menos ánimo que la respuesta que cuida, y aleja sus caminos de un final conservado"
                ),
            ),
            AuditWarning::BestPathNotKept { ending, outcome } => (
                msg!(
                    "the best path ends at `{ending}` ({outcome}), not with the customer kept",
                    "el mejor camino acaba en `{ending}` ({outcome}), no con el cliente conservado",
                    outcome => Bilingual::new(
                        labels::outcome(Lang::En, *outcome),
                        labels::outcome(Lang::Es, *outcome),
                    ),
                ),
                msg!(
                    "the path that does everything right should keep the customer: check the routes of its last replies",
                    "el camino que lo hace todo bien debería conservar al cliente: revisa las rutas de sus últimas respuestas"
                ),
            ),
            AuditWarning::UnrealisticPromiseTops {
                node,
                reply,
                top_mood,
                top_empathy,
            } => {
                let what = match (top_mood, top_empathy) {
                    (true, true) => Bilingual::new(
                        "the biggest mood gain and the highest empathy",
                        "la mayor subida de ánimo y la empatía más alta",
                    ),
                    (true, false) => {
                        Bilingual::new("the biggest mood gain", "la mayor subida de ánimo")
                    }
                    _ => Bilingual::new("the highest empathy", "la empatía más alta"),
                };
                (
                    msg!(
                        "the unrealistic promise `{reply}` at `{node}` has {what} of its node",
                        "la promesa poco realista `{reply}` de `{node}` tiene {what} de su nodo",
                        what => what,
                    ),
                    msg!(
                        "an unrealistic promise must never pay: give the caring reply more mood and empathy",
                        "una promesa poco realista nunca debe compensar: da más ánimo y empatía a la respuesta que cuida"
                    ),
                )
            }
            AuditWarning::ClaimsNotProven => (
                msg!(
                    "the claims of the endings could not be proven: the conversation has more states than the analysis budget",
                    "no se pudieron demostrar las afirmaciones de los finales: la conversación tiene más estados que el presupuesto del análisis"
                ),
                msg!(
                    "raise the budget with `momento analyze --max-states N`, or simplify the flags and promises",
                    "aumenta el presupuesto con `momento analyze --max-states N`, o simplifica las marcas y promesas"
                ),
            ),
        }
    }
}
