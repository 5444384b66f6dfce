//! The debrief of one attempt as a PDF, from its attempt file: the same
//! facts the app's History shows for it (the record keeps what the debrief
//! said when the attempt was played), and — only when the scenario file is
//! the very one that was played, so an exact replay proves them — the
//! lesson, "why this ending" and the better reply at each decision.

use super::doc;
use super::error::{Handout, HandoutError};
use super::layout::{Column, Composer, Row, Style};
use super::texts::{HandoutTexts, texts};
use super::votes::{DecisionVotes, votes_table};
use crate::debrief::{Debrief, format_points};
use crate::engine::MoodLevel;
use crate::i18n::fill;
use crate::labels;
use crate::lang::Lang;
use crate::records::record::{AttemptRecord, StepRecord, mode_code};
use crate::records::{Replay, local_time, replay};
use crate::scenario::Dimension;
use crate::scenario::model::{Gender, Scenario};
use std::sync::Arc;

/// The debrief of `record` rebuilt from `scenario`, only when the scenario
/// file is the one that was played (same content hash) and the replay
/// succeeds: then its extra facts are proven for this attempt's path.
pub fn exact_review(
    record: &AttemptRecord,
    scenario: Arc<Scenario>,
    lang: Lang,
) -> Option<Debrief> {
    match replay(record, scenario) {
        Replay::Exact(session) => Some(Debrief::of(&session, lang)),
        Replay::ScenarioChanged { .. } | Replay::Failed(_) => None,
    }
}

/// The debrief of `record` as a PDF, labels in `lang`. `review`, from
/// [`exact_review`], adds what only the scenario knows.
pub fn trainee_debrief(
    record: &AttemptRecord,
    review: Option<&Debrief>,
    lang: Lang,
) -> Result<Handout, HandoutError> {
    let h = texts(lang);
    let mut composer = Composer::new();
    composer.paragraph(h.debrief_title, Style::NOTE.bold());
    composer.title(&record.scenario.title);
    let trainee = if record.trainee.trim().is_empty() {
        h.no_name
    } else {
        record.trainee.trim()
    };
    composer.paragraph(
        &fill(
            h.debrief_meta,
            &[
                ("trainee", trainee),
                ("date", &local_time(record.started_at)),
                ("mode", mode_label(lang, record)),
                ("customer", &record.customer),
            ],
        ),
        Style::NOTE,
    );
    body(
        &mut composer,
        record,
        review,
        None,
        lang.texts().cli_decisions,
        lang,
    );
    let title = format!("{} — {}", h.debrief_title, record.scenario.title);
    doc::finish(composer, &title, lang, &record.scenario.language)
}

/// The mode's name in `lang` (its code for a mode this file does not know).
fn mode_label(lang: Lang, record: &AttemptRecord) -> &'static str {
    let t = lang.texts();
    match mode_code(record.mode) {
        "practice" => t.mode_practice,
        "assessment" => t.mode_assessment,
        other => other,
    }
}

/// The review of the same decision, when the replay reached the same node
/// with the same reply (it always does for an exact replay; checked so a
/// mismatch can never attach a better reply to the wrong decision).
fn matching_review<'a>(
    review: Option<&'a Debrief>,
    index: usize,
    step: &StepRecord,
) -> Option<&'a crate::debrief::DecisionReview> {
    review?
        .decisions
        .get(index)
        .filter(|d| d.node == step.node_id && d.reply == step.reply_text)
}

/// Everything after the title: outcome, scores, mood, decisions (with the
/// room's votes when `votes` is given), promises and reflection.
pub(super) fn body(
    composer: &mut Composer,
    record: &AttemptRecord,
    review: Option<&Debrief>,
    votes: Option<&[DecisionVotes]>,
    decisions_heading: &str,
    lang: Lang,
) {
    let t = lang.texts();
    let h = texts(lang);
    composer.space(6.0);
    match record.outcome.outcome() {
        Some(outcome) => {
            composer.paragraph(labels::outcome(lang, outcome), Style::BODY.bold());
            composer.paragraph(
                &labels::outcome_sentence(lang, outcome, &record.customer),
                Style::BODY,
            );
        }
        None => {
            composer.paragraph(t.outcome_abandoned, Style::BODY.bold());
            composer.paragraph(
                &fill(h.abandoned, &[("made", &record.steps.len().to_string())]),
                Style::BODY,
            );
        }
    }
    if !record.closing.is_empty() {
        composer.space(3.0);
        composer.paragraph(&record.closing, Style::BODY);
    }
    if let Some(review) = review {
        if !review.lesson.is_empty() {
            composer.heading(h.lesson);
            composer.paragraph(&review.lesson, Style::BODY);
        }
        if !review.why.is_empty() {
            composer.space(3.0);
            composer.paragraph(&review.why, Style::NOTE);
        }
        if let Some(disagreement) = &review.disagreement {
            composer.space(3.0);
            composer.paragraph(disagreement, Style::NOTE.bold());
        }
    }

    composer.heading(t.cli_scores);
    for d in Dimension::ALL {
        composer.score_bar(
            labels::dimension(lang, d),
            record.scores.get(d).score,
            h.not_assessed,
        );
    }
    composer.score_bar(t.balance, record.scores.balance, h.not_assessed);

    if record.mood.len() >= 2 {
        composer.heading(h.mood_chart);
        let gender = review.map_or(Gender::Unspecified, |r| r.gender);
        let bands = [
            MoodLevel::Furious,
            MoodLevel::Upset,
            MoodLevel::Neutral,
            MoodLevel::Pleased,
            MoodLevel::Delighted,
        ]
        .map(|level| labels::mood(lang, level, gender));
        composer.mood_chart(&record.mood, bands, h.chart_x);
    }

    composer.heading(decisions_heading);
    for (index, step) in record.steps.iter().enumerate() {
        decision(composer, index, step, review, h, lang);
        if let Some(votes) = votes
            && let Some(votes) = votes_for(votes, index, step)
        {
            votes_table(composer, votes, step, lang);
        }
        composer.space(6.0);
    }

    composer.heading(t.cli_promises);
    if record.promises.is_empty() {
        composer.paragraph(t.cli_no_promises, Style::BODY);
    } else {
        let columns = [
            Column {
                header: h.promise_col,
                share: 0.55,
                numeric: false,
            },
            Column {
                header: h.status_col,
                share: 0.27,
                numeric: false,
            },
            Column {
                header: h.confirmed_col,
                share: 0.18,
                numeric: false,
            },
        ];
        let rows: Vec<Row> = record
            .promises
            .iter()
            .map(|p| {
                let mut status = labels::promise_status(lang, p.status).to_string();
                if let Some(limit) = p.limit {
                    status.push_str(&format!(" ({})", labels::limit(lang, limit)));
                }
                let confirmed = match (p.confirmable, p.confirmed) {
                    (false, _) => h.not_confirmable,
                    (true, true) => h.yes,
                    (true, false) => h.no,
                };
                Row {
                    cells: vec![p.text.clone(), status, confirmed.to_string()],
                    ..Row::default()
                }
            })
            .collect();
        composer.table(&columns, &rows);
    }

    composer.heading(t.cli_reflect);
    let prompts: Vec<(String, String)> = if record.reflection.is_empty() {
        review
            .map(|r| {
                r.reflection_prompts
                    .iter()
                    .map(|p| (p.clone(), String::new()))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        record
            .reflection
            .iter()
            .map(|a| (a.prompt.clone(), a.answer.clone()))
            .collect()
    };
    for (prompt, answer) in prompts {
        composer.paragraph(&prompt, Style::BODY.bold());
        if answer.trim().is_empty() {
            composer.paragraph(h.no_answer, Style::NOTE.indented(8.0));
        } else {
            composer.paragraph(&answer, Style::BODY.indented(8.0));
        }
        composer.space(4.0);
    }
}

/// The votes of decision `index`: the entry at the same position when it is
/// the same node, else the first entry for that node.
fn votes_for<'a>(
    votes: &'a [DecisionVotes],
    index: usize,
    step: &StepRecord,
) -> Option<&'a DecisionVotes> {
    votes
        .get(index)
        .filter(|v| v.node_id == step.node_id)
        .or_else(|| votes.iter().find(|v| v.node_id == step.node_id))
}

fn points_text(step: &StepRecord, lang: Lang) -> String {
    let points = step.points.array();
    let parts: Vec<String> = Dimension::ALL
        .iter()
        .filter(|d| points[d.index()].available > 0.0)
        .map(|&d| {
            let p = points[d.index()];
            format!(
                "{} {}",
                labels::dimension(lang, d),
                fill(
                    lang.texts().cli_points,
                    &[
                        ("earned", &format_points(p.earned)),
                        ("available", &format_points(p.available)),
                    ]
                )
            )
        })
        .collect();
    if parts.is_empty() {
        labels::NOT_ASSESSED.to_string()
    } else {
        parts.join(" · ")
    }
}

fn decision(
    composer: &mut Composer,
    index: usize,
    step: &StepRecord,
    review: Option<&Debrief>,
    h: &HandoutTexts,
    lang: Lang,
) {
    composer.paragraph(&format!("{}. {}", step.number, step.prompt), Style::BODY);
    let reply = if step.timed_out {
        format!("{}: {}", h.timed_out, step.reply_text)
    } else {
        format!("{}: {}", h.your_reply, step.reply_text)
    };
    composer.paragraph(&reply, Style::BODY.bold().indented(12.0));
    if !step.feedback.is_empty() {
        composer.paragraph(&step.feedback, Style::NOTE.indented(12.0));
    }
    composer.paragraph(
        &fill(
            h.points_line,
            &[
                ("points", &points_text(step, lang)),
                ("from", &step.mood_before.to_string()),
                ("to", &step.mood_after.to_string()),
            ],
        ),
        Style::NOTE.indented(12.0),
    );
    if let Some(better) = matching_review(review, index, step).and_then(|d| d.better.as_ref()) {
        composer.paragraph(
            &format!("{}: {}", h.better, better.text),
            Style::BODY.bold().indented(12.0),
        );
        composer.paragraph(&better.feedback, Style::NOTE.indented(12.0));
    }
}
