//! The left panel: the file's problems (the same list as `momento check`,
//! each selecting the node it points at), the analyser's summary and the
//! legend of the graph.

use super::{WorkbenchView, graph_view};
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::Effect;
use crate::i18n::fill;
use crate::labels;
use crate::lang::Lang;
use crate::scenario::model::{Dimension, Outcome};
use crate::ui::ScreenCtx;
use egui::{Color32, RichText};

/// Draws the left panel.
pub fn side_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let t = frame.t;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.strong(t.wb_problems);
            let (errors, warnings) = view.document.counts();
            if errors + warnings == 0 {
                ui.weak(t.wb_no_problems);
            } else {
                ui.label(fill(
                    t.wb_counts,
                    &[
                        (
                            "errors",
                            &crate::i18n::count(errors, t.check_errors_one, t.check_errors_many),
                        ),
                        (
                            "warnings",
                            &crate::i18n::count(
                                warnings,
                                t.check_warnings_one,
                                t.check_warnings_many,
                            ),
                        ),
                    ],
                ));
            }
            let mut clicked = None;
            for (index, diagnostic) in view.document.diagnostics.iter().enumerate() {
                let points_at = view.document.diagnostic_nodes[index];
                let selected = points_at.is_some() && points_at == view.selected;
                let response = ui
                    .selectable_label(selected, diagnostic_text(diagnostic, frame.lang))
                    .on_hover_text(diagnostic.render(frame.lang));
                if response.clicked() {
                    clicked = Some(index);
                }
            }
            if let Some(index) = clicked {
                view.select_diagnostic(index);
            }

            if view.overlay_on {
                ui.separator();
                if let Some(node_id) = analysis_ui(ui, view, frame) {
                    let node = view.document.graph.node_by_id(&node_id);
                    view.select(node);
                    if let Some(node) = node {
                        view.graph_view.request = Some(graph_view::ViewRequest::Focus(node));
                    }
                }
            }
            ui.separator();
            legend_ui(ui, frame);
        });
}

/// One diagnostic on one line: `line:col code message`.
pub fn diagnostic_text(diagnostic: &Diagnostic, lang: Lang) -> RichText {
    let color = match diagnostic.severity {
        Severity::Error => Color32::from_rgb(200, 40, 40),
        Severity::Warning => Color32::from_rgb(190, 130, 0),
    };
    RichText::new(format!(
        "{} {} {}",
        diagnostic.start,
        diagnostic.code.as_str(),
        diagnostic.message.get(lang)
    ))
    .color(color)
}

/// A diagnostic as a plain label (in the node panel).
pub fn diagnostic_label(ui: &mut egui::Ui, diagnostic: &Diagnostic, lang: Lang) {
    ui.label(diagnostic_text(diagnostic, lang));
}

/// The analyser's summary; returns the id of a node the trainer clicked
/// in it.
fn analysis_ui(ui: &mut egui::Ui, view: &WorkbenchView, frame: &ScreenCtx) -> Option<String> {
    let t = frame.t;
    ui.strong(t.wb_analysis);
    if let Some(error) = &view.analysis_error {
        ui.colored_label(
            Color32::from_rgb(200, 40, 40),
            fill(
                t.wb_analysis_failed,
                &[("error", &error.message(frame.lang))],
            ),
        );
        return None;
    }
    let Some(overlay) = &view.overlay else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.weak(t.wb_analysing);
        });
        return None;
    };
    let analysis = &overlay.analysis;
    ui.weak(fill(t.wb_runs, &[("runs", &analysis.runs.to_string())]));
    if !analysis.exhaustive {
        ui.weak(t.wb_not_exhaustive);
    }
    ui.label(RichText::new(t.wb_ranges).strong());
    for dimension in Dimension::ALL {
        let range = &analysis.ranges[dimension.index()];
        let estimate = if range.estimate {
            format!(" {}", t.analyze_estimate_mark)
        } else {
            String::new()
        };
        ui.label(format!(
            "{}: {}–{}{estimate}",
            labels::dimension(frame.lang, dimension),
            labels::score(range.min),
            labels::score(range.max)
        ));
    }
    if let Some(best) = &analysis.best {
        ui.colored_label(
            Color32::from_rgb(40, 150, 80),
            fill(t.wb_best_path, &[("balance", &labels::score(best.balance))]),
        );
    }
    if let Some(worst) = &analysis.worst {
        ui.colored_label(
            Color32::from_rgb(210, 50, 50),
            fill(
                t.wb_worst_path,
                &[("balance", &labels::score(worst.balance))],
            ),
        );
    }
    let mut never = fill(
        t.wb_never_taken,
        &[("count", &overlay.never_taken_replies.to_string())],
    );
    if !analysis.exhaustive {
        never.push(' ');
        never.push_str(t.analyze_estimate_mark);
    }
    if overlay.never_taken_replies > 0 {
        ui.colored_label(Color32::from_rgb(170, 60, 220), never);
    } else {
        ui.label(never);
    }
    let missed = analysis.endings_missed().count();
    if missed > 0 {
        ui.label(fill(t.wb_endings_missed, &[("count", &missed.to_string())]));
    }
    ui.weak(t.wb_heat_legend);
    super::tells::tells_ui(ui, &analysis.tell, frame)
}

fn legend_ui(ui: &mut egui::Ui, frame: &ScreenCtx) {
    let t = frame.t;
    egui::CollapsingHeader::new(t.wb_legend)
        .default_open(true)
        .show(ui, |ui| {
            for (effect, label) in [
                (Effect::Caring, t.wb_legend_caring),
                (Effect::Neutral, t.wb_legend_neutral),
                (Effect::Educating, t.wb_legend_educating),
            ] {
                ui.horizontal(|ui| {
                    swatch(ui, graph_view::effect_color(effect), true);
                    ui.label(label);
                });
            }
            ui.weak(t.wb_legend_educating_rule);
            ui.label(t.wb_legend_conditional);
            ui.label(t.wb_legend_random);
            ui.label(t.wb_legend_timeout);
            ui.label(t.wb_legend_gated);
            ui.label(t.wb_legend_loop);
            ui.label(t.wb_legend_wheel);
            for outcome in [Outcome::Kept, Outcome::Neutral, Outcome::Lost] {
                ui.horizontal(|ui| {
                    swatch(ui, graph_view::outcome_color(outcome), false);
                    ui.label(labels::outcome(frame.lang, outcome));
                });
            }
        });
}

/// A small sample of a colour: a line for edges, a box for nodes.
fn swatch(ui: &mut egui::Ui, color: Color32, line: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
    if line {
        ui.painter().line_segment(
            [rect.left_center(), rect.right_center()],
            egui::Stroke::new(3.0, color),
        );
    } else {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            4.0,
            egui::Stroke::new(2.0, color),
            egui::StrokeKind::Inside,
        );
    }
}
