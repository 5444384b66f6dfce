//! Small drawing helpers shared by the screens.

use super::style;
use crate::debrief;
use crate::i18n::{Texts, fill};
use crate::labels;
use crate::lang::Lang;
use crate::scenario::Dimension;
use crate::scoring::Points;
use egui::{Color32, CornerRadius, Response, RichText, Sense, Stroke, StrokeKind, WidgetInfo};

/// Gives a widget the accessible name a screen reader (and a test) uses,
/// replacing the one egui derived from its visible text.
pub fn name_widget(response: &Response, role: egui::accesskit::Role, name: &str) {
    let enabled = response.enabled();
    response.widget_info(|| WidgetInfo::labeled(role, enabled, name));
}

/// The frame of a card.
pub fn card_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(style::card_fill(ui))
        .stroke(Stroke::new(1.0, style::card_stroke(ui)))
        .corner_radius(CornerRadius::same(10))
        .inner_margin(egui::Margin::same(14))
}

/// A section heading inside a screen.
pub fn section_heading_ui(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).size(19.0).strong());
    ui.add_space(2.0);
}

/// A small rounded tag. Drawn as one piece, so a wrapping row moves it to
/// the next line whole instead of breaking its text.
pub fn chip_ui(ui: &mut egui::Ui, text: &str, color: Color32) -> Response {
    let dark = style::is_dark(ui);
    let fill = color.gamma_multiply(style::chip_tint(dark));
    let color = style::chip_text_of(dark, color);
    let galley = egui::WidgetText::from(RichText::new(text).small().color(color)).into_galley(
        ui,
        Some(egui::TextWrapMode::Truncate),
        ui.available_width().max(60.0) - 16.0,
        egui::TextStyle::Small,
    );
    let padding = egui::vec2(8.0, 3.0);
    let (rect, response) = ui.allocate_exact_size(galley.size() + 2.0 * padding, Sense::hover());
    name_widget(&response, egui::accesskit::Role::Label, text);
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, CornerRadius::same(9), fill);
        ui.painter().galley(rect.min + padding, galley, color);
    }
    response
}

/// A horizontal bar for a 0–100 value, with a label above and an
/// explanation below; the whole reads as one sentence to a screen reader.
/// A score that was not assessed shows "—" and an empty bar.
pub fn score_bar_ui(
    ui: &mut egui::Ui,
    label: &str,
    score: Option<f64>,
    help: &str,
    accessible: &str,
) {
    let color = score.map_or(ui.visuals().weak_text_color(), |s| {
        style::score_color(ui, s)
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(label).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                RichText::new(labels::score(score))
                    .size(20.0)
                    .strong()
                    .color(color),
            );
        });
    });
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 14.0), Sense::hover());
    name_widget(
        &response,
        egui::accesskit::Role::ProgressIndicator,
        accessible,
    );
    let painter = ui.painter();
    let radius = CornerRadius::same(7);
    painter.rect_filled(rect, radius, ui.visuals().extreme_bg_color);
    let fraction = (score.unwrap_or(0.0) / 100.0).clamp(0.0, 1.0) as f32;
    if fraction > 0.0 {
        let mut filled = rect;
        filled.set_width((rect.width() * fraction).max(14.0));
        painter.rect_filled(filled, radius, color);
    }
    painter.rect_stroke(
        rect,
        radius,
        Stroke::new(1.0, style::card_stroke(ui)),
        StrokeKind::Inside,
    );
    if !help.is_empty() {
        ui.label(RichText::new(help).small().weak());
    }
}

/// A thin progress bar without text, e.g. a countdown.
pub fn thin_bar_ui(ui: &mut egui::Ui, fraction: f32, color: Color32, accessible: &str) {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 8.0), Sense::hover());
    name_widget(
        &response,
        egui::accesskit::Role::ProgressIndicator,
        accessible,
    );
    let painter = ui.painter();
    let radius = CornerRadius::same(4);
    painter.rect_filled(rect, radius, ui.visuals().extreme_bg_color);
    let mut filled = rect;
    filled.set_width(rect.width() * fraction.clamp(0.0, 1.0));
    painter.rect_filled(filled, radius, color);
}

/// A number in a circle, as on the reply buttons.
pub fn paint_badge(painter: &egui::Painter, center: egui::Pos2, number: usize, fill: Color32) {
    painter.circle_filled(center, 13.0, fill);
    painter.text(
        center,
        egui::Align2::CENTER_CENTER,
        number.to_string(),
        egui::FontId::proportional(15.0),
        Color32::WHITE,
    );
}

/// One chip per dimension at stake: "Empathy: 3 of 4 (−1)".
pub fn points_chips_ui(ui: &mut egui::Ui, points: &[Points; 3], t: &Texts, lang: Lang) {
    let mut any = false;
    for dimension in Dimension::ALL {
        let p = points[dimension.index()];
        if p.available <= 0.0 {
            continue;
        }
        any = true;
        let color = style::score_color(ui, 100.0 * p.earned / p.available);
        let mut text = fill(
            t.gui_points_chip,
            &[
                ("dimension", labels::dimension(lang, dimension)),
                ("earned", &debrief::format_points(p.earned)),
                ("available", &debrief::format_points(p.available)),
            ],
        );
        if p.lost() > 1e-9 {
            text.push(' ');
            text.push_str(&fill(
                t.gui_points_lost,
                &[("lost", &debrief::format_points(p.lost()))],
            ));
        }
        chip_ui(ui, &text, color);
    }
    if !any {
        chip_ui(ui, t.gui_nothing_at_stake, ui.visuals().weak_text_color());
    }
}

/// "Mood +15 (from 31 to 46)", green up, red down.
pub fn mood_chip_ui(ui: &mut egui::Ui, t: &Texts, (before, after): (i32, i32)) {
    let change = after - before;
    let color = match change.signum() {
        1 => style::good(ui),
        -1 => style::bad(ui),
        _ => ui.visuals().weak_text_color(),
    };
    chip_ui(
        ui,
        &fill(
            t.gui_mood_chip,
            &[
                ("change", &format!("{change:+}")),
                ("before", &before.to_string()),
                ("after", &after.to_string()),
            ],
        ),
        color,
    );
}
