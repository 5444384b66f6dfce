//! The player on a small or short window (a 1024×600 laptop at 175 %):
//! one strip with the customer, the mood and Quit, then one scrolling
//! column with the conversation and the replies under it. Whenever new
//! replies appear, the column scrolls so the customer's latest line is at
//! its top, directly above them.

use super::player::{PlayerView, actions_ui, decision_number, mood_color};
use super::{ScreenCtx, keyboard, style, transcript, widgets};
use crate::engine::{Mode, MoodLevel};
use crate::i18n::fill;
use crate::labels;
use egui::{Id, RichText};

/// Draws the compact player.
pub fn compact_player_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    egui::Panel::top("player_compact_head")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(2, 4)))
        .show(ui, |ui| head_ui(ui, player, frame));
    let t = frame.t;
    // What the trainee is answering: a new reply or a new phase moves the
    // customer's latest line to the top.
    let moment = (
        player.transcript().len(),
        player.showing_feedback(),
        player.session.is_finished(),
    );
    let moment_key = Id::unique("player_compact_moment");
    let changed = ui.ctx().data(|d| d.get_temp(moment_key)) != Some(moment)
        || super::responsive::opened_now(ui, "player_compact");
    let area = egui::ScrollArea::vertical()
        .id_salt("player_compact_scroll")
        .auto_shrink(false);
    keyboard::scroll_ui(ui, area, true, |ui| {
        let latest = egui::Frame::new()
            .fill(style::card_fill(ui))
            .corner_radius(10)
            .inner_margin(egui::Margin::same(10))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                transcript::transcript_ui(ui, t, player.transcript())
            })
            .inner;
        ui.add_space(8.0);
        actions_ui(ui, player, frame);
        ui.add_space(8.0);
        if changed {
            if let Some(rect) = latest {
                ui.scroll_to_rect(rect.expand(4.0), Some(egui::Align::Min));
            }
            ui.ctx().data_mut(|d| d.insert_temp(moment_key, moment));
        }
    });
}

/// Customer, decision and mood in one wrapping row, and Quit.
fn head_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let session = &player.session;
    let gender = session.scenario().customer.gender;
    let mood = session.mood();
    let level = labels::mood(frame.lang, MoodLevel::of(mood), gender);
    let customer = session.customer_name().to_string();
    let mode = session.mode();
    let decision = decision_number(player);
    let mut quit = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(customer).strong().size(17.0));
        let (label, color) = match mode {
            Mode::Practice => (t.gui_mode_practice, style::ACCENT),
            Mode::Assessment => (t.gui_mode_assessment, style::middling(ui)),
            Mode::Classroom => (
                crate::i18n::classroom::texts(frame.lang).mode,
                style::ACCENT,
            ),
        };
        widgets::chip_ui(ui, label, color);
        ui.label(
            RichText::new(fill(
                t.gui_decision_number,
                &[("number", &decision.to_string())],
            ))
            .small()
            .weak(),
        );
        ui.label(
            RichText::new(fill(
                t.gui_mood_summary,
                &[("mood", level), ("value", &mood.to_string())],
            ))
            .strong()
            .color(mood_color(ui, mood)),
        );
        quit = ui.button(t.gui_quit).clicked();
    });
    if quit {
        player.ask_quit(frame.clock.now());
    }
    widgets::thin_bar_ui(
        ui,
        mood as f32 / 100.0,
        mood_color(ui, mood),
        &fill(
            t.gui_mood_bar,
            &[("mood", level), ("value", &mood.to_string())],
        ),
    );
}
