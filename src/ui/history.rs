//! History: the current trainee's attempts, their progress on each
//! dimension over time, and any past debrief.

use super::{Command, ScreenCtx, resume};
use crate::i18n;
use crate::labels;
use crate::lang::Lang;
use crate::records::record::{AttemptOutcome, AttemptRecord};
use crate::records::{StoredRecord, local_time};
use crate::scenario::Dimension;

/// What the history screen remembers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HistoryView {
    /// The attempt whose saved debrief is shown, by id.
    pub selected: Option<String>,
    /// A note about the selected attempt (scenario changed or missing).
    pub notice: Option<String>,
    /// Offer to replay the selected attempt on the changed scenario.
    pub offer_replay: bool,
    /// The scenario whose progress the chart shows (by scenario id); by
    /// default the one played last.
    pub chart_scenario: Option<String>,
}

impl HistoryView {
    /// Shows the saved debrief of an attempt, with an optional note.
    pub fn show_saved(&mut self, attempt_id: &str, notice: Option<String>, offer_replay: bool) {
        self.selected = Some(attempt_id.to_string());
        self.notice = notice;
        self.offer_replay = offer_replay;
    }
}

/// What the history shows, gathered by the app.
pub struct HistoryData<'a> {
    /// The trainee's name (may be empty).
    pub trainee: &'a str,
    /// Their attempts, oldest first.
    pub records: Vec<&'a StoredRecord>,
    /// The attempts folder, when saving works.
    pub folder: Option<&'a std::path::Path>,
    /// Why attempts are not saved, files that could not be read, and a
    /// failed save, in the user's language.
    pub problems: Vec<String>,
}

/// Label of an attempt outcome.
pub fn outcome_label(lang: Lang, outcome: AttemptOutcome) -> &'static str {
    match outcome.outcome() {
        Some(outcome) => labels::outcome(lang, outcome),
        None => lang.texts().outcome_abandoned,
    }
}

/// Label of a mode.
pub fn mode_label(lang: Lang, mode: crate::engine::Mode) -> &'static str {
    match mode {
        crate::engine::Mode::Practice => lang.texts().mode_practice,
        crate::engine::Mode::Assessment => lang.texts().mode_assessment,
        crate::engine::Mode::Classroom => crate::i18n::classroom::texts(lang).mode,
    }
}

/// Draws the history.
pub fn history_ui(
    ui: &mut egui::Ui,
    view: &mut HistoryView,
    data: &HistoryData,
    frame: &mut ScreenCtx,
) {
    let t = frame.t;
    if let Some(id) = view.selected.clone() {
        match data.records.iter().find(|r| r.record.attempt_id == id) {
            Some(stored) => {
                saved_debrief_ui(ui, view, &stored.record, frame);
                return;
            }
            None => view.selected = None,
        }
    }
    ui.heading(if data.trainee.trim().is_empty() {
        t.history_title.to_string()
    } else {
        i18n::fill(t.history_of, &[("trainee", data.trainee.trim())])
    });
    if data.trainee.trim().is_empty() {
        ui.label(t.history_no_name);
    }
    for problem in &data.problems {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
    if data.records.is_empty() {
        ui.add_space(12.0);
        ui.label(t.history_empty);
        folder_note_ui(ui, data, frame);
        return;
    }
    let area = egui::ScrollArea::vertical()
        .id_salt("history_scroll")
        .auto_shrink([false, false]);
    super::keyboard::scroll_ui(ui, area, true, |ui| {
        ui.add_space(8.0);
        ui.strong(t.history_chart);
        super::history_chart::progress_ui(ui, &mut view.chart_scenario, &data.records, frame);
        ui.add_space(12.0);
        attempts_table_ui(ui, &data.records, frame);
        super::handout_save::debrief_note_ui(ui, frame);
        ui.add_space(8.0);
        folder_note_ui(ui, data, frame);
    });
}

fn folder_note_ui(ui: &mut egui::Ui, data: &HistoryData, frame: &ScreenCtx) {
    if let Some(folder) = data.folder {
        ui.add_space(8.0);
        ui.weak(i18n::fill(
            frame.t.history_folder,
            &[("folder", &folder.display().to_string())],
        ));
    }
}

fn score_text(x: Option<f64>) -> String {
    labels::score(x)
}

fn attempts_table_ui(ui: &mut egui::Ui, records: &[&StoredRecord], frame: &mut ScreenCtx) {
    let t = frame.t;
    let lang = frame.lang;
    // Nine columns do not fit a narrow window: the table scrolls sideways.
    let area = egui::ScrollArea::horizontal().id_salt("history_table_scroll");
    area.show(ui, |ui| {
        egui::Grid::new("history_attempts")
            .striped(true)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for header in [
                    t.col_date,
                    t.col_scenario,
                    t.col_mode,
                    t.col_outcome,
                    labels::dimension(lang, Dimension::Empathy),
                    labels::dimension(lang, Dimension::Promise),
                    labels::dimension(lang, Dimension::Care),
                    t.balance,
                    "",
                ] {
                    ui.strong(header);
                }
                ui.end_row();
                // Newest first: the attempt just played is at the top.
                for stored in records.iter().rev() {
                    let r = &stored.record;
                    ui.label(local_time(r.started_at));
                    ui.label(&r.scenario.title);
                    ui.label(mode_label(lang, r.mode));
                    ui.label(outcome_label(lang, r.outcome));
                    if r.outcome.is_finished() {
                        for score in r.scores.array() {
                            ui.label(score_text(score));
                        }
                        ui.label(score_text(r.scores.balance));
                        let button = ui.button(t.history_open).on_hover_text(&r.scenario.title);
                        if button.clicked() {
                            frame.send(Command::OpenAttempt(r.attempt_id.clone()));
                        }
                        super::handout_save::debrief_pdf_button_ui(ui, r, frame);
                    } else {
                        // No scores for an unfinished attempt (partial figures
                        // would read as a result) and no debrief, as the exit
                        // dialog said; a practice attempt can be resumed.
                        ui.label(resume::progress_text(r, t));
                        for _ in 0..3 {
                            ui.label("");
                        }
                        if resume::resumable_entry(r, frame.library).is_some() {
                            let button =
                                ui.button(t.resume_button).on_hover_text(&r.scenario.title);
                            if button.clicked() {
                                frame.send(Command::ResumeAttempt(r.attempt_id.clone()));
                            }
                        } else {
                            ui.label("");
                        }
                    }
                    ui.end_row();
                }
            });
    });
}

/// The debrief of a past attempt, from what its record kept.
fn saved_debrief_ui(
    ui: &mut egui::Ui,
    view: &mut HistoryView,
    record: &AttemptRecord,
    frame: &mut ScreenCtx,
) {
    let t = frame.t;
    let lang = frame.lang;
    ui.horizontal(|ui| {
        if ui.button(t.history_back).clicked() {
            view.selected = None;
            view.notice = None;
        }
        if view.offer_replay && ui.button(t.history_replay).clicked() {
            frame.send(Command::ReplayAttempt(record.attempt_id.clone()));
        }
        super::handout_save::debrief_pdf_button_ui(ui, record, frame);
    });
    super::handout_save::debrief_note_ui(ui, frame);
    if let Some(notice) = &view.notice {
        ui.colored_label(ui.visuals().warn_fg_color, notice);
    }
    let area = egui::ScrollArea::vertical()
        .id_salt("history_saved_scroll")
        .auto_shrink([false, false]);
    super::keyboard::scroll_ui(ui, area, true, |ui| {
        ui.heading(format!(
            "{} — {}",
            record.scenario.title,
            outcome_label(lang, record.outcome)
        ));
        ui.weak(format!(
            "{} · {} · {}",
            local_time(record.started_at),
            mode_label(lang, record.mode),
            record.customer
        ));
        if !record.closing.is_empty() {
            ui.label(&record.closing);
        }
        ui.add_space(8.0);
        ui.strong(t.cli_scores);
        if record.outcome.is_finished() {
            for d in Dimension::ALL {
                ui.label(format!(
                    "{}: {}",
                    labels::dimension(lang, d),
                    score_text(record.scores.get(d).score)
                ));
            }
            ui.label(format!(
                "{}: {}",
                t.balance,
                score_text(record.scores.balance)
            ));
        } else {
            ui.label(resume::progress_text(record, t));
            ui.label(egui::RichText::new(t.gui_not_finished).weak());
        }
        ui.add_space(8.0);
        ui.strong(t.cli_decisions);
        for step in &record.steps {
            ui.group(|ui| {
                ui.label(format!("{}. {}", step.number, step.prompt));
                ui.label(egui::RichText::new(format!("» {}", step.reply_text)).strong());
                ui.label(egui::RichText::new(&step.feedback).italics());
            });
        }
        if !record.promises.is_empty() {
            ui.add_space(8.0);
            ui.strong(t.cli_promises);
            for promise in &record.promises {
                ui.label(format!(
                    "«{}» — {}",
                    promise.text,
                    labels::promise_status(lang, promise.status)
                ));
            }
        }
        if record.has_reflection() {
            ui.add_space(8.0);
            ui.strong(t.cli_reflect);
            for answer in record.reflection.iter().filter(|a| !a.answer.is_empty()) {
                ui.label(egui::RichText::new(&answer.prompt).weak());
                ui.label(&answer.answer);
            }
        }
    });
}
