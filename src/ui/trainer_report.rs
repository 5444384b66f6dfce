//! Trainer report: a folder of attempts from a group, the latest and best
//! result of each trainee on each scenario, and the share of the group that
//! chose each reply at each decision.

use super::history::outcome_label;
use super::{Command, ScreenCtx};
use crate::engine::Mode;
use crate::i18n;
use crate::labels;
use crate::lang::Lang;
use crate::library::Library;
use crate::records::AttemptRecord;
use crate::records::localize::{gives_in, gives_in_by_figures, localize};
use crate::records::report::{AttemptSummary, Filter, NodeDecisions, Report, parse_time_bound};
use crate::scenario::{Dimension, Scenario};
use std::path::PathBuf;

/// A folder of attempts, as loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedFolder {
    /// The folder.
    pub folder: PathBuf,
    /// Its records.
    pub records: Vec<AttemptRecord>,
    /// Files that could not be read, as messages.
    pub problems: Vec<String>,
}

/// What the trainer report screen remembers.
#[derive(Debug, Clone, Default)]
pub struct TrainerReportView {
    /// The folder typed or chosen.
    pub folder_text: String,
    /// "Since" filter as typed.
    pub since_text: String,
    /// "Until" filter as typed.
    pub until_text: String,
    /// Mode filter.
    pub mode: Option<Mode>,
    /// The folder loaded.
    pub loaded: Option<LoadedFolder>,
    report: Option<(Filter, Lang, Report)>,
}

impl TrainerReportView {
    /// Sets the loaded folder (the app loads it).
    pub fn set_loaded(&mut self, loaded: LoadedFolder) {
        self.folder_text = loaded.folder.display().to_string();
        self.loaded = Some(loaded);
        self.report = None;
    }

    fn filter(&self) -> (Filter, bool) {
        let mut bad = false;
        let mut bound = |text: &str| {
            if text.trim().is_empty() {
                return None;
            }
            let parsed = parse_time_bound(text);
            bad |= parsed.is_none();
            parsed
        };
        let since = bound(&self.since_text);
        let until = bound(&self.until_text);
        (
            Filter {
                since,
                until,
                mode: self.mode,
            },
            bad,
        )
    }

    /// The report for the current filters, in the UI's language (rebuilt
    /// only when they change).
    fn report(&mut self, filter: Filter, lang: Lang, library: &Library) -> Option<&Report> {
        let loaded = self.loaded.as_ref()?;
        if self
            .report
            .as_ref()
            .is_none_or(|(f, l, _)| *f != filter || *l != lang)
        {
            let mut report = Report::build(&loaded.records, &filter);
            localize(&mut report, &loaded.records, lang.code(), |id| {
                library
                    .find(id, lang.code())
                    .and_then(|entry| entry.scenario.as_ref())
                    .map(|scenario| scenario.title.value.clone())
            });
            self.report = Some((filter, lang, report));
        }
        self.report.as_ref().map(|(_, _, report)| report)
    }
}

/// Draws the trainer report. `own_folder` is the app's attempts folder.
pub fn trainer_report_ui(
    ui: &mut egui::Ui,
    view: &mut TrainerReportView,
    own_folder: Option<&std::path::Path>,
    frame: &mut ScreenCtx,
) {
    // The whole screen scrolls, both ways: at 175 % on a small laptop the
    // folder and filter rows alone fill the window.
    let area = egui::ScrollArea::both()
        .id_salt("trainer_report_scroll")
        .auto_shrink(false);
    super::keyboard::scroll_ui(ui, area, true, |ui| {
        report_body_ui(ui, view, own_folder, frame);
    });
}

fn report_body_ui(
    ui: &mut egui::Ui,
    view: &mut TrainerReportView,
    own_folder: Option<&std::path::Path>,
    frame: &mut ScreenCtx,
) {
    let t = frame.t;
    ui.heading(t.report_title);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.report_folder_label);
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut view.folder_text)
                    .desired_width(ui.available_width().min(420.0)),
            )
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(t.report_load).clicked() || enter) && !view.folder_text.trim().is_empty() {
            frame.send(Command::LoadReport(PathBuf::from(view.folder_text.trim())));
        }
        let start = Some(PathBuf::from(view.folder_text.trim()));
        let native = !frame.clock.is_frozen();
        if let Some(folder) =
            super::folder_picker::browse_button_ui(ui, "report", start.as_deref(), native, t)
        {
            frame.send(Command::LoadReport(folder));
        }
        if let Some(own) = own_folder
            && ui.button(t.report_use_mine).clicked()
        {
            frame.send(Command::LoadReport(own.to_path_buf()));
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (text, label) in [
            (&mut view.since_text, t.report_since),
            (&mut view.until_text, t.report_until),
        ] {
            let label = ui.label(label);
            ui.add(egui::TextEdit::singleline(text).desired_width(100.0))
                .labelled_by(label.id);
        }
        let label = ui.label(t.col_mode);
        egui::ComboBox::from_id_salt("report_mode")
            .selected_text(match view.mode {
                None => t.report_all_modes,
                Some(mode) => super::history::mode_label(frame.lang, mode),
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.mode, None, t.report_all_modes);
                ui.selectable_value(&mut view.mode, Some(Mode::Practice), t.mode_practice);
                ui.selectable_value(&mut view.mode, Some(Mode::Assessment), t.mode_assessment);
                ui.selectable_value(
                    &mut view.mode,
                    Some(Mode::Classroom),
                    super::classroom::mode_label(frame.lang),
                );
            })
            .response
            .labelled_by(label.id);
    });
    let (filter, bad_date) = view.filter();
    if bad_date {
        ui.colored_label(ui.visuals().warn_fg_color, t.report_bad_date);
    }
    let Some(loaded) = &view.loaded else {
        ui.add_space(12.0);
        ui.label(t.report_no_folder);
        return;
    };
    for problem in &loaded.problems {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
    let lang = frame.lang;
    let library = frame.library;
    let Some(report) = view.report(filter, lang, library) else {
        return;
    };
    ui.add_space(6.0);
    ui.label(i18n::fill(
        t.report_summary,
        &[
            ("attempts", &report.attempts.len().to_string()),
            ("trainees", &report.trainees().len().to_string()),
        ],
    ));
    if report.attempts.is_empty() {
        ui.label(t.report_empty);
        return;
    }
    ui.scope(|ui| {
        ui.add_space(8.0);
        ui.strong(t.report_results);
        results_table_ui(ui, report, lang);
        ui.add_space(12.0);
        ui.strong(t.report_decisions);
        ui.weak(t.report_decisions_help);
        for scenario in &report.decisions {
            egui::CollapsingHeader::new(format!("{} ({})", scenario.title, scenario.attempts))
                .id_salt(("report_scenario", &scenario.scenario_id))
                .default_open(true)
                .show(ui, |ui| {
                    // The workbench's colour rule needs the scenario:
                    // the UI's language version, else any.
                    let loaded = library
                        .find(&scenario.scenario_id, lang.code())
                        .and_then(|e| e.scenario.as_deref())
                        .or_else(|| {
                            library.entries.iter().find_map(|e| {
                                e.scenario
                                    .as_deref()
                                    .filter(|s| s.id.value == scenario.scenario_id)
                            })
                        });
                    for node in &scenario.nodes {
                        node_ui(ui, node, loaded, lang);
                    }
                });
        }
        super::classroom::report::groups_ui(ui, &report.groups, lang);
    });
}

fn result_text(summary: Option<&AttemptSummary>, lang: Lang) -> String {
    match summary {
        Some(s) => format!(
            "{} · {} · {} = {} ({})",
            labels::score(s.empathy),
            labels::score(s.promise_keeping),
            labels::score(s.care),
            labels::score(s.balance),
            outcome_label(lang, s.outcome)
        ),
        None => "—".to_string(),
    }
}

fn results_table_ui(ui: &mut egui::Ui, report: &Report, lang: Lang) {
    let t = lang.texts();
    ui.weak(format!(
        "{} · {} · {} = {}",
        labels::dimension(lang, Dimension::Empathy),
        labels::dimension(lang, Dimension::Promise),
        labels::dimension(lang, Dimension::Care),
        t.balance
    ));
    egui::Grid::new("report_results")
        .striped(true)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for header in [
                t.col_trainee,
                t.col_scenario,
                t.col_attempts,
                t.col_latest,
                t.col_best,
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for row in &report.results {
                ui.label(if row.trainee.is_empty() {
                    t.report_unnamed
                } else {
                    &row.trainee
                });
                ui.label(&row.title);
                if row.abandoned > 0 {
                    ui.label(format!(
                        "{} ({})",
                        row.attempts,
                        i18n::fill(
                            t.report_abandoned_count,
                            &[("count", &row.abandoned.to_string())]
                        )
                    ));
                } else {
                    ui.label(row.attempts.to_string());
                }
                ui.label(result_text(row.latest.as_ref(), lang));
                ui.label(result_text(row.best.as_ref(), lang));
                ui.end_row();
            }
        });
}

fn node_ui(ui: &mut egui::Ui, node: &NodeDecisions, scenario: Option<&Scenario>, lang: Lang) {
    let t = lang.texts();
    ui.add_space(4.0);
    // Trainers know a moment by what the customer said; the id, which
    // they wrote, stays on hover.
    ui.label(
        egui::RichText::new(i18n::fill(
            t.report_node,
            &[
                ("prompt", &decision_title(node)),
                (
                    "decisions",
                    &i18n::count(
                        node.decisions,
                        t.report_cli_decisions_one,
                        t.report_cli_decisions_many,
                    ),
                ),
            ],
        ))
        .strong(),
    )
    .on_hover_text(node.node_id.as_str());
    for reply in &node.replies {
        ui.horizontal(|ui| {
            let care = reply.quality[Dimension::Care.index()];
            // Orange as in the workbench, by the same rule: where the group
            // yields to "educating" the customer.
            let educating = scenario
                .and_then(|s| gives_in(s, &node.node_id, &reply.reply_id))
                .unwrap_or_else(|| gives_in_by_figures(reply.quality));
            let fill = if educating {
                super::workbench::effect_color(crate::graph::Effect::Educating)
            } else {
                ui.visuals().selection.bg_fill
            };
            ui.add(
                // Square-ish ends: a round bar draws 0% as a full dot.
                egui::ProgressBar::new(reply.share as f32)
                    .desired_width(120.0)
                    .corner_radius(2)
                    .fill(fill),
            );
            ui.add_sized(
                [64.0, 18.0],
                egui::Label::new(format!("{:.0}% ({})", reply.share * 100.0, reply.chosen)),
            );
            let care_text = match care {
                Some(q) => format!(
                    "{} {:.0}%",
                    labels::dimension(lang, Dimension::Care),
                    q * 100.0
                ),
                None => String::new(),
            };
            ui.label(crate::debrief::shorten(&reply.text, 90))
                .on_hover_text(format!("{} — {care_text}", reply.reply_id));
            if !care_text.is_empty() {
                ui.weak(care_text);
            }
        });
    }
}

/// A decision's header: the customer's line, shortened, or the node id
/// when the records hold no line.
fn decision_title(node: &NodeDecisions) -> String {
    if node.prompt.trim().is_empty() {
        node.node_id.clone()
    } else {
        crate::debrief::shorten(&node.prompt, 140)
    }
}
