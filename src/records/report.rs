//! What a trainer reads from a folder of attempts: each trainee's latest and
//! best result per scenario, and for each decision of each scenario the
//! share of attempts that chose each reply ("where does the group yield to
//! the pull of educating the customer?"). The CLI's `report` and the
//! trainer screen both show this.

use super::record::{AttemptOutcome, AttemptRecord, mode_code};
use crate::engine::Mode;
use jiff::Timestamp;
use serde::Serialize;
use std::collections::HashMap;

/// Which attempts a report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only attempts started at or after this time.
    pub since: Option<Timestamp>,
    /// Only attempts started before this time.
    pub until: Option<Timestamp>,
    /// Only attempts in this mode.
    pub mode: Option<Mode>,
}

impl Filter {
    /// True when the filter keeps `record`.
    pub fn accepts(&self, record: &AttemptRecord) -> bool {
        self.since.is_none_or(|since| record.started_at >= since)
            && self.until.is_none_or(|until| record.started_at < until)
            && self.mode.is_none_or(|mode| record.mode == mode)
    }
}

/// One attempt in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptSummary {
    /// Attempt id.
    pub attempt_id: String,
    /// Trainee.
    pub trainee: String,
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario version.
    pub scenario_version: u32,
    /// Scenario language.
    pub language: String,
    /// Scenario title.
    pub title: String,
    /// `practice` or `assessment`.
    pub mode: &'static str,
    /// Seed.
    pub seed: u64,
    /// Start.
    pub started_at: Timestamp,
    /// End.
    pub ended_at: Timestamp,
    /// Milliseconds from start to end.
    pub duration_ms: u64,
    /// `kept`, `neutral`, `lost` or `abandoned`.
    pub outcome: AttemptOutcome,
    /// Empathy, 0–100; `None` when not assessed or the attempt was
    /// abandoned (a partial score is never shown as a result).
    pub empathy: Option<f64>,
    /// Promise-keeping, 0–100, likewise.
    pub promise_keeping: Option<f64>,
    /// Care, 0–100, likewise.
    pub care: Option<f64>,
    /// Balance, 0–100, likewise.
    pub balance: Option<f64>,
    /// Number of decisions taken.
    pub decisions: usize,
}

impl AttemptSummary {
    /// The summary of a record.
    pub fn of(record: &AttemptRecord) -> AttemptSummary {
        let finished = record.outcome.is_finished();
        let result = |score: Option<f64>| score.filter(|_| finished);
        AttemptSummary {
            attempt_id: record.attempt_id.clone(),
            trainee: record.trainee.trim().to_string(),
            scenario_id: record.scenario.id.clone(),
            scenario_version: record.scenario.version,
            language: record.scenario.language.clone(),
            title: record.scenario.title.clone(),
            mode: mode_code(record.mode),
            seed: record.seed,
            started_at: record.started_at,
            ended_at: record.ended_at,
            duration_ms: record.duration_ms(),
            outcome: record.outcome,
            empathy: result(record.scores.empathy.score),
            promise_keeping: result(record.scores.promise_keeping.score),
            care: result(record.scores.care.score),
            balance: result(record.scores.balance),
            decisions: record.steps.len(),
        }
    }

    /// The three scores in dimension order.
    pub fn scores(&self) -> [Option<f64>; 3] {
        [self.empathy, self.promise_keeping, self.care]
    }
}

/// One trainee's results on one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeScenario {
    /// Trainee.
    pub trainee: String,
    /// Scenario id.
    pub scenario_id: String,
    /// Title (of the latest attempt).
    pub title: String,
    /// Attempts, abandoned included.
    pub attempts: usize,
    /// Attempts left before an ending.
    pub abandoned: usize,
    /// The most recent attempt that reached an ending.
    pub latest: Option<AttemptSummary>,
    /// The finished attempt with the highest balance (the later one on a tie).
    pub best: Option<AttemptSummary>,
}

/// How often one reply was chosen at one decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplyShare {
    /// Choice id, or `timeout`.
    pub reply_id: String,
    /// The reply's text (from the latest attempt that showed it).
    pub text: String,
    /// Times chosen.
    pub chosen: usize,
    /// Times on offer.
    pub offered: usize,
    /// `chosen` ÷ decisions taken at the node (0–1).
    pub share: f64,
    /// Share (0–1) of the points at stake it earned on each dimension when
    /// chosen, in dimension order; `None` when nothing was at stake.
    pub quality: [Option<f64>; 3],
}

/// The replies chosen at one decision node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeDecisions {
    /// Node id.
    pub node_id: String,
    /// What the customer said there (from the latest attempt).
    pub prompt: String,
    /// Decisions taken at the node (an attempt that came back counts twice).
    pub decisions: usize,
    /// Attempts that reached the node.
    pub attempts: usize,
    /// Each reply seen on offer or chosen, in scenario order.
    pub replies: Vec<ReplyShare>,
}

/// The decisions of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioDecisions {
    /// Scenario id.
    pub scenario_id: String,
    /// Title (of the latest attempt).
    pub title: String,
    /// Attempts covered.
    pub attempts: usize,
    /// Decision nodes, in the order attempts usually reach them.
    pub nodes: Vec<NodeDecisions>,
}

/// The report of a set of attempts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every attempt kept by the filter, oldest first.
    pub attempts: Vec<AttemptSummary>,
    /// Trainee × scenario, by trainee then scenario.
    pub results: Vec<TraineeScenario>,
    /// Per scenario, the share of each reply at each decision.
    pub decisions: Vec<ScenarioDecisions>,
    /// Classroom sessions (group attempts), oldest first. They are kept
    /// apart: `results` and `decisions` count trainees' own attempts only.
    pub groups: Vec<GroupSession>,
}

/// A classroom session in a report: the group's attempt and how the room
/// voted at each decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupSession {
    /// The attempt (trainee = the group's name).
    pub attempt: AttemptSummary,
    /// The most hands raised at one decision.
    pub voters: u32,
    /// Each decision, in order.
    pub decisions: Vec<GroupDecision>,
}

/// How a room voted at one decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupDecision {
    /// 1-based decision number.
    pub step: usize,
    /// Node id.
    pub node_id: String,
    /// What the customer said there.
    pub prompt: String,
    /// The reply the conversation followed (`timeout` when played on purpose).
    pub followed: String,
    /// The reply with the most votes, when one leads.
    pub majority: Option<String>,
    /// Hands raised.
    pub voters: u32,
    /// Votes per reply on offer.
    pub votes: Vec<super::classroom::ReplyVotes>,
}

impl GroupSession {
    fn of(record: &AttemptRecord) -> GroupSession {
        use super::classroom;
        let decisions: Vec<GroupDecision> = record
            .steps
            .iter()
            .map(|step| GroupDecision {
                step: step.number,
                node_id: step.node_id.clone(),
                prompt: step.prompt.clone(),
                followed: step.reply_id.clone(),
                majority: classroom::majority(&step.votes).map(str::to_string),
                voters: classroom::total(&step.votes),
                votes: step.votes.clone(),
            })
            .collect();
        GroupSession {
            attempt: AttemptSummary::of(record),
            voters: decisions.iter().map(|d| d.voters).max().unwrap_or(0),
            decisions,
        }
    }
}

impl Report {
    /// Builds the report of `records` kept by `filter`.
    pub fn build<'a>(
        records: impl IntoIterator<Item = &'a AttemptRecord>,
        filter: &Filter,
    ) -> Report {
        let mut kept: Vec<&AttemptRecord> =
            records.into_iter().filter(|r| filter.accepts(r)).collect();
        kept.sort_by(|a, b| {
            a.started_at
                .cmp(&b.started_at)
                .then_with(|| a.attempt_id.cmp(&b.attempt_id))
        });
        let (groups, own): (Vec<&AttemptRecord>, Vec<&AttemptRecord>) =
            kept.iter().partition(|r| r.mode == Mode::Classroom);
        Report {
            attempts: kept.iter().map(|r| AttemptSummary::of(r)).collect(),
            results: results(&own),
            decisions: decisions(&own),
            groups: groups.iter().map(|r| GroupSession::of(r)).collect(),
        }
    }

    /// The distinct trainees (of attempts of their own), sorted.
    pub fn trainees(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .attempts
            .iter()
            .filter(|a| a.mode != mode_code(Mode::Classroom))
            .map(|a| a.trainee.clone())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup();
        names
    }
}

fn results(records: &[&AttemptRecord]) -> Vec<TraineeScenario> {
    let mut rows: Vec<TraineeScenario> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    // Records are oldest first, so later ones overwrite `latest` and win ties.
    for record in records {
        let summary = AttemptSummary::of(record);
        let key = (summary.trainee.clone(), summary.scenario_id.clone());
        let i = *index.entry(key).or_insert_with(|| {
            rows.push(TraineeScenario {
                trainee: summary.trainee.clone(),
                scenario_id: summary.scenario_id.clone(),
                title: String::new(),
                attempts: 0,
                abandoned: 0,
                latest: None,
                best: None,
            });
            rows.len() - 1
        });
        let row = &mut rows[i];
        row.attempts += 1;
        row.title = summary.title.clone();
        if !summary.outcome.is_finished() {
            row.abandoned += 1;
            continue;
        }
        if row
            .best
            .as_ref()
            .is_none_or(|best| summary.balance >= best.balance)
        {
            row.best = Some(summary.clone());
        }
        row.latest = Some(summary);
    }
    rows.sort_by(|a, b| {
        (a.trainee.to_lowercase(), &a.scenario_id).cmp(&(b.trainee.to_lowercase(), &b.scenario_id))
    });
    rows
}

#[derive(Default)]
struct ReplyTally {
    text: String,
    chosen: usize,
    offered: usize,
    earned: [f64; 3],
    available: [f64; 3],
}

#[derive(Default)]
struct NodeTally {
    prompt: String,
    decisions: usize,
    attempts: usize,
    step_sum: usize,
    replies: Vec<(String, ReplyTally)>,
}

impl NodeTally {
    fn reply(&mut self, reply_id: &str) -> &mut ReplyTally {
        let i = match self.replies.iter().position(|(id, _)| id == reply_id) {
            Some(i) => i,
            None => {
                self.replies
                    .push((reply_id.to_string(), ReplyTally::default()));
                self.replies.len() - 1
            }
        };
        &mut self.replies[i].1
    }
}

/// Scenario id, title, attempts, and the tally of each node.
type ScenarioTally = (String, String, usize, Vec<(String, NodeTally)>);

fn decisions(records: &[&AttemptRecord]) -> Vec<ScenarioDecisions> {
    let mut scenarios: Vec<ScenarioTally> = Vec::new();
    for record in records {
        let s = match scenarios.iter().position(|s| s.0 == record.scenario.id) {
            Some(s) => s,
            None => {
                scenarios.push((record.scenario.id.clone(), String::new(), 0, Vec::new()));
                scenarios.len() - 1
            }
        };
        let scenario = &mut scenarios[s];
        scenario.1 = record.scenario.title.clone();
        scenario.2 += 1;
        let mut reached: Vec<&str> = Vec::new();
        for step in &record.steps {
            let nodes = &mut scenario.3;
            let n = match nodes.iter().position(|(id, _)| *id == step.node_id) {
                Some(n) => n,
                None => {
                    nodes.push((step.node_id.clone(), NodeTally::default()));
                    nodes.len() - 1
                }
            };
            let node = &mut nodes[n].1;
            node.prompt = step.prompt.clone();
            node.decisions += 1;
            node.step_sum += step.number;
            if !reached.contains(&step.node_id.as_str()) {
                reached.push(&step.node_id);
                node.attempts += 1;
            }
            for offered in &step.offered {
                let tally = node.reply(&offered.reply_id);
                tally.offered += 1;
                tally.text = offered.text.clone();
            }
            let tally = node.reply(&step.reply_id);
            tally.chosen += 1;
            tally.text = step.reply_text.clone();
            for (d, points) in step.points.array().iter().enumerate() {
                tally.earned[d] += points.earned;
                tally.available[d] += points.available;
            }
        }
    }
    scenarios
        .into_iter()
        .map(|(scenario_id, title, attempts, mut nodes)| {
            // The order attempts usually reach the nodes: by mean step number.
            let mean_step = |t: &NodeTally| t.step_sum as f64 / t.decisions.max(1) as f64;
            nodes.sort_by(|a, b| {
                mean_step(&a.1)
                    .total_cmp(&mean_step(&b.1))
                    .then_with(|| a.0.cmp(&b.0))
            });
            let nodes: Vec<NodeDecisions> = nodes
                .into_iter()
                .map(|(node_id, tally)| node_decisions(node_id, tally))
                .collect();
            ScenarioDecisions {
                scenario_id,
                title,
                attempts,
                nodes,
            }
        })
        .collect()
}

fn node_decisions(node_id: String, tally: NodeTally) -> NodeDecisions {
    let decisions = tally.decisions;
    NodeDecisions {
        node_id,
        prompt: tally.prompt,
        decisions,
        attempts: tally.attempts,
        replies: tally
            .replies
            .into_iter()
            .map(|(reply_id, r)| ReplyShare {
                reply_id,
                text: r.text,
                chosen: r.chosen,
                offered: r.offered,
                share: if decisions == 0 {
                    0.0
                } else {
                    r.chosen as f64 / decisions as f64
                },
                quality: std::array::from_fn(|d| {
                    (r.available[d] > 0.0).then(|| r.earned[d] / r.available[d])
                }),
            })
            .collect(),
    }
}

/// Reads a date bound for a filter: a day (`2026-03-01`, midnight in the
/// local time zone) or an exact time (`2026-03-01T09:00:00Z`).
pub fn parse_time_bound(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<Timestamp>() {
        return Some(timestamp);
    }
    let date: jiff::civil::Date = text.parse().ok()?;
    date.to_zoned(jiff::tz::TimeZone::system())
        .ok()
        .map(|zoned| zoned.timestamp())
}

/// Parses `practice`, `assessment` or `classroom` (also in Spanish); `None` for anything
/// else, which the caller reports in the reader's language.
pub fn parse_mode(text: &str) -> Option<Mode> {
    match text.trim().to_ascii_lowercase().as_str() {
        "practice" | "practica" | "práctica" => Some(Mode::Practice),
        "assessment" | "evaluacion" | "evaluación" => Some(Mode::Assessment),
        "classroom" | "aula" | "clase" => Some(Mode::Classroom),
        _ => None,
    }
}

/// Per (scenario id, scenario language): the number of attempts and the
/// best finished one (highest balance, the later one on a tie), for the
/// library cards.
pub fn best_by_scenario<'a>(
    records: impl IntoIterator<Item = &'a AttemptRecord>,
) -> HashMap<(String, String), (usize, Option<AttemptSummary>)> {
    let mut sorted: Vec<&AttemptRecord> = records.into_iter().collect();
    sorted.sort_by_key(|r| r.started_at);
    let mut best: HashMap<(String, String), (usize, Option<AttemptSummary>)> = HashMap::new();
    for record in sorted {
        let key = (record.scenario.id.clone(), record.scenario.language.clone());
        let entry = best.entry(key).or_insert((0, None));
        entry.0 += 1;
        if record.outcome.is_finished()
            && entry
                .1
                .as_ref()
                .is_none_or(|b| record.scores.balance.unwrap_or(-1.0) >= b.balance.unwrap_or(-1.0))
        {
            entry.1 = Some(AttemptSummary::of(record));
        }
    }
    best
}
