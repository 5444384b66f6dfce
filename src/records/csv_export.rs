//! CSV exports (RFC 4180, UTF-8): a row per attempt, or a row per decision.

use super::record::{AttemptRecord, mode_code};
use super::report::AttemptSummary;
use serde::Serialize;
use std::io::Write;

/// Rounds a score for a spreadsheet: two decimals are plenty.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[derive(Serialize)]
struct AttemptRow<'a> {
    attempt_id: &'a str,
    trainee: &'a str,
    scenario_id: &'a str,
    scenario_version: u32,
    language: &'a str,
    title: &'a str,
    mode: &'a str,
    seed: u64,
    started_at: String,
    ended_at: String,
    duration_s: f64,
    outcome: &'a str,
    empathy: Option<f64>,
    promise_keeping: Option<f64>,
    care: Option<f64>,
    balance: Option<f64>,
    decisions: usize,
}

/// Writes one row per attempt, with a header row.
pub fn write_attempts(attempts: &[AttemptSummary], out: impl Write) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    for a in attempts {
        writer.serialize(AttemptRow {
            attempt_id: &a.attempt_id,
            trainee: &a.trainee,
            scenario_id: &a.scenario_id,
            scenario_version: a.scenario_version,
            language: &a.language,
            title: &a.title,
            mode: a.mode,
            seed: a.seed,
            started_at: a.started_at.to_string(),
            ended_at: a.ended_at.to_string(),
            duration_s: round2(a.duration_ms as f64 / 1000.0),
            outcome: a.outcome.code(),
            empathy: a.empathy.map(round2),
            promise_keeping: a.promise_keeping.map(round2),
            care: a.care.map(round2),
            balance: a.balance.map(round2),
            decisions: a.decisions,
        })?;
    }
    if attempts.is_empty() {
        writer.write_record(ATTEMPT_HEADER)?;
    }
    writer.flush()?;
    Ok(())
}

/// The header of [`write_attempts`] (written alone when there is no row).
pub const ATTEMPT_HEADER: [&str; 17] = [
    "attempt_id",
    "trainee",
    "scenario_id",
    "scenario_version",
    "language",
    "title",
    "mode",
    "seed",
    "started_at",
    "ended_at",
    "duration_s",
    "outcome",
    "empathy",
    "promise_keeping",
    "care",
    "balance",
    "decisions",
];

#[derive(Serialize)]
struct DecisionRow<'a> {
    attempt_id: &'a str,
    trainee: &'a str,
    scenario_id: &'a str,
    language: &'a str,
    mode: &'a str,
    started_at: String,
    outcome: &'a str,
    step: usize,
    node_id: &'a str,
    reply_id: &'a str,
    reply_text: &'a str,
    timed_out: bool,
    position: u8,
    elapsed_ms: Option<u32>,
    mood_before: i32,
    mood_after: i32,
    empathy_earned: f64,
    empathy_available: f64,
    promise_earned: f64,
    promise_available: f64,
    care_earned: f64,
    care_available: f64,
    feedback: &'a str,
    votes: String,
}

/// The header of [`write_decisions`] (written alone when there is no row).
pub const DECISION_HEADER: [&str; 24] = [
    "attempt_id",
    "trainee",
    "scenario_id",
    "language",
    "mode",
    "started_at",
    "outcome",
    "step",
    "node_id",
    "reply_id",
    "reply_text",
    "timed_out",
    "position",
    "elapsed_ms",
    "mood_before",
    "mood_after",
    "empathy_earned",
    "empathy_available",
    "promise_earned",
    "promise_available",
    "care_earned",
    "care_available",
    "feedback",
    "votes",
];

/// Writes one row per decision of each record, with a header row.
pub fn write_decisions<'a>(
    records: impl IntoIterator<Item = &'a AttemptRecord>,
    out: impl Write,
) -> csv::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut rows = 0usize;
    for record in records {
        for step in &record.steps {
            let p = &step.points;
            writer.serialize(DecisionRow {
                attempt_id: &record.attempt_id,
                trainee: record.trainee.trim(),
                scenario_id: &record.scenario.id,
                language: &record.scenario.language,
                mode: mode_code(record.mode),
                started_at: record.started_at.to_string(),
                outcome: record.outcome.code(),
                step: step.number,
                node_id: &step.node_id,
                reply_id: &step.reply_id,
                reply_text: &step.reply_text,
                timed_out: step.timed_out,
                position: step.position,
                elapsed_ms: step.elapsed_ms,
                mood_before: step.mood_before,
                mood_after: step.mood_after,
                empathy_earned: p.empathy.earned,
                empathy_available: p.empathy.available,
                promise_earned: p.promise_keeping.earned,
                promise_available: p.promise_keeping.available,
                care_earned: p.care.earned,
                care_available: p.care.available,
                feedback: &step.feedback,
                votes: votes_cell(&step.votes),
            })?;
            rows += 1;
        }
    }
    if rows == 0 {
        writer.write_record(DECISION_HEADER)?;
    }
    writer.flush()?;
    Ok(())
}

/// A classroom decision's votes in one cell, `reply=count` joined by `;`
/// in scenario order (empty for a trainee's own attempt).
fn votes_cell(votes: &[super::classroom::ReplyVotes]) -> String {
    votes
        .iter()
        .map(|v| format!("{}={}", v.reply_id, v.votes))
        .collect::<Vec<_>>()
        .join(";")
}
