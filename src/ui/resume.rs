//! Unfinished attempts: how far they got ("n of at least m decisions", never
//! a score), and resuming a practice attempt left before its ending.

use super::widgets::card_frame;
use super::{Command, ScreenCtx};
use crate::engine::Mode;
use crate::i18n::{self, Texts};
use crate::library::Library;
use crate::records::{AttemptRecord, StoredRecord};
use egui::RichText;
use std::collections::{HashMap, HashSet};

/// How far an unfinished attempt got, for the trainee: "2 of at least 6
/// decisions", or "2 decisions, unfinished" for a record written before
/// the total was kept.
pub fn progress_text(record: &AttemptRecord, t: &Texts) -> String {
    let made = record.steps.len();
    match record.decisions_at_least {
        Some(total) => i18n::fill(
            t.unfinished_progress,
            &[("made", &made.to_string()), ("total", &total.to_string())],
        ),
        None => i18n::count(made, t.unfinished_made_one, t.unfinished_made_many),
    }
}

/// The library entry on which an unfinished attempt can be resumed: a
/// practice attempt with at least one reply, and the very same scenario
/// file loaded (so the replay is exact). Assessment attempts are not
/// resumed: an assessment is taken in one sitting.
pub fn resumable_entry(record: &AttemptRecord, library: &Library) -> Option<usize> {
    if record.outcome.is_finished() || record.mode != Mode::Practice || record.steps.is_empty() {
        return None;
    }
    library.entries.iter().position(|entry| {
        entry.playable().is_some_and(|s| {
            s.id.value == record.scenario.id
                && s.language.value == record.scenario.language
                && s.source.content_hash == record.scenario.content_hash
        })
    })
}

/// An unfinished attempt the library offers to resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeOffer {
    /// The attempt.
    pub attempt_id: String,
    /// Its scenario's title.
    pub title: String,
    /// How far it got.
    pub progress: String,
}

/// The trainee's most recent unfinished practice attempt that can be
/// resumed, unless a later attempt at the same scenario followed it or the
/// trainee said "not now" to it.
pub fn resume_offer<'a>(
    records: impl IntoIterator<Item = &'a StoredRecord>,
    library: &Library,
    dismissed: &HashSet<String>,
    t: &Texts,
) -> Option<ResumeOffer> {
    // The latest attempt per scenario and language: an unfinished attempt
    // followed by another try is not offered.
    let mut latest: HashMap<(&str, &str), &AttemptRecord> = HashMap::new();
    for stored in records {
        let record = &stored.record;
        let key = (
            record.scenario.id.as_str(),
            record.scenario.language.as_str(),
        );
        let newer = latest.get(&key).is_none_or(|seen| {
            (record.started_at, record.ended_at) >= (seen.started_at, seen.ended_at)
        });
        if newer {
            latest.insert(key, record);
        }
    }
    latest
        .into_values()
        .filter(|r| !dismissed.contains(&r.attempt_id))
        .filter(|r| resumable_entry(r, library).is_some())
        .max_by_key(|r| (r.ended_at, r.attempt_id.clone()))
        .map(|record| ResumeOffer {
            attempt_id: record.attempt_id.clone(),
            title: record.scenario.title.clone(),
            progress: progress_text(record, t),
        })
}

/// The banner above the library that offers to resume an attempt.
pub fn resume_banner_ui(ui: &mut egui::Ui, offer: &ResumeOffer, frame: &mut ScreenCtx) {
    let t = frame.t;
    card_frame(ui)
        .stroke(egui::Stroke::new(1.5, super::style::ACCENT))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(i18n::fill(
                        t.resume_offer,
                        &[("scenario", &offer.title), ("progress", &offer.progress)],
                    ))
                    .size(16.0),
                );
                if ui.button(RichText::new(t.resume_button).strong()).clicked() {
                    frame.send(Command::ResumeAttempt(offer.attempt_id.clone()));
                }
                if ui.button(t.resume_dismiss).clicked() {
                    frame.send(Command::DismissResume(offer.attempt_id.clone()));
                }
            });
        });
    ui.add_space(8.0);
}
