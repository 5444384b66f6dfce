//! History: the current trainee's attempts, their progress on each
//! dimension over time, and any past debrief.

use super::{Command, ScreenCtx};
use crate::i18n;
use crate::labels;
use crate::lang::Lang;
use crate::records::record::{AttemptOutcome, AttemptRecord};
use crate::records::{StoredRecord, local_time};
use crate::scenario::Dimension;
use egui_plot::{Legend, Line, Plot, Points};

/// What the history screen remembers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HistoryView {
    /// The attempt whose saved debrief is shown, by id.
    pub selected: Option<String>,
    /// A note about the selected attempt (scenario changed or missing).
    pub notice: Option<String>,
    /// Offer to replay the selected attempt on the changed scenario.
    pub offer_replay: bool,
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
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(8.0);
            ui.strong(t.history_chart);
            progress_chart_ui(ui, &data.records, frame.lang);
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

/// Each dimension and the balance over the trainee's finished attempts.
fn progress_chart_ui(ui: &mut egui::Ui, records: &[&StoredRecord], lang: Lang) {
    let finished: Vec<&AttemptRecord> = records
        .iter()
        .map(|r| &r.record)
        .filter(|r| r.outcome.is_finished())
        .collect();
    // A score that was not assessed leaves a gap rather than a point.
    let series = |score: &dyn Fn(&AttemptRecord) -> Option<f64>| -> Vec<[f64; 2]> {
        finished
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some([i as f64 + 1.0, score(r)?]))
            .collect()
    };
    // One fixed colour per series, shared by its line and its points, so
    // the legend and the chart agree.
    let colours = [
        egui::Color32::from_rgb(0x1f, 0x77, 0xb4),
        egui::Color32::from_rgb(0xe0, 0x8a, 0x00),
        egui::Color32::from_rgb(0x2c, 0xa0, 0x2c),
    ];
    let lines: Vec<(String, egui::Color32, f32, Vec<[f64; 2]>)> = Dimension::ALL
        .iter()
        .map(|&d| {
            (
                labels::dimension(lang, d).to_string(),
                colours[d.index()],
                1.5,
                series(&|r: &AttemptRecord| r.scores.get(d).score),
            )
        })
        .chain(std::iter::once((
            lang.texts().balance.to_string(),
            ui.visuals().strong_text_color(),
            3.0,
            series(&|r: &AttemptRecord| r.scores.balance),
        )))
        .collect();
    let attempts = finished.len() as f64;
    Plot::new("history_progress")
        .height(220.0)
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(100.0)
        .include_x(0.5)
        // Room on the right for the legend, so it never covers a point.
        .include_x(finished.len().max(2) as f64 * 1.25 + 1.0)
        .x_axis_label(lang.texts().history_chart_x)
        // Only the attempts that exist get a number on the axis.
        .x_axis_formatter(move |mark, _| {
            let attempt = mark.value.round();
            if (mark.value - attempt).abs() < 0.01 && attempt >= 1.0 && attempt <= attempts {
                format!("{attempt:.0}")
            } else {
                String::new()
            }
        })
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show(ui, |plot| {
            for (name, colour, width, points) in lines {
                plot.line(
                    Line::new(name.clone(), points.clone())
                        .color(colour)
                        .width(width),
                );
                plot.points(Points::new(name, points).color(colour).radius(3.0));
            }
        });
}

fn score_text(x: Option<f64>) -> String {
    labels::score(x)
}

fn attempts_table_ui(ui: &mut egui::Ui, records: &[&StoredRecord], frame: &mut ScreenCtx) {
    let t = frame.t;
    let lang = frame.lang;
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
                for score in r.scores.array() {
                    ui.label(score_text(score));
                }
                ui.label(score_text(r.scores.balance));
                let button = ui.button(t.history_open).on_hover_text(&r.scenario.title);
                if button.clicked() {
                    frame.send(Command::OpenAttempt(r.attempt_id.clone()));
                }
                super::handout_save::debrief_pdf_button_ui(ui, r, frame);
                ui.end_row();
            }
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
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
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
