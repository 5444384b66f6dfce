//! Layout that fits the window, from a 1024×600 laptop at 175 % (about
//! 585×343 points) to a 1920×1080 screen at 100 %: when to collapse side
//! panels, stack columns or fold the top bar into a menu.

use egui::{Id, Layout, RichText, Ui};

/// Below this width (points) side panels collapse and columns stack.
pub const NARROW_WIDTH: f32 = 760.0;

/// Below this height (points) the player shows one scrolling column, so
/// the conversation never shrinks to a strip.
pub const SHORT_HEIGHT: f32 = 560.0;

/// True when the space left is too narrow for side-by-side layouts.
pub fn is_narrow(ui: &Ui) -> bool {
    ui.available_width() < NARROW_WIDTH
}

/// True when the player should use its single scrolling column.
pub fn is_compact(ui: &Ui) -> bool {
    is_narrow(ui) || ui.available_height() < SHORT_HEIGHT
}

/// Two blocks side by side when there is room, one above the other when
/// not. Unlike `ui.columns`, the blocks are not justified: justified text
/// in egui spreads its letters apart.
pub fn two_columns_ui(ui: &mut Ui, left: impl FnOnce(&mut Ui), right: impl FnOnce(&mut Ui)) {
    let gap = ui.spacing().item_spacing.x * 2.0;
    let width = ui.available_width();
    if width < NARROW_WIDTH {
        left(ui);
        ui.add_space(8.0);
        right(ui);
        return;
    }
    let column = ((width - gap) / 2.0).floor();
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for add in [
            Box::new(left) as Box<dyn FnOnce(&mut Ui)>,
            Box::new(right) as Box<dyn FnOnce(&mut Ui)>,
        ] {
            ui.allocate_ui_with_layout(
                egui::vec2(column, 0.0),
                Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(column);
                    add(ui);
                },
            );
        }
    });
}

/// The width `texts` take in one row of buttons, padding and spacing
/// included.
pub fn row_width(ui: &Ui, texts: &[RichText]) -> f32 {
    let spacing = ui.spacing();
    let padding = 2.0 * spacing.button_padding.x + spacing.item_spacing.x;
    texts
        .iter()
        .map(|text| {
            egui::WidgetText::from(text.clone())
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                )
                .size()
                .x
                + padding
        })
        .sum()
}

/// True the first pass a screen is drawn after another one was: the
/// screen then starts at its top. `screen` names the screen.
pub fn opened_now(ui: &Ui, screen: &str) -> bool {
    let key = Id::unique(("momento_screen_drawn", screen));
    let pass = ui.ctx().cumulative_pass_nr();
    let last: Option<u64> = ui.ctx().data(|d| d.get_temp(key));
    ui.ctx().data_mut(|d| d.insert_temp(key, pass));
    last.is_none_or(|last| last + 1 < pass)
}

/// Default widths of a left and a right side panel: as wanted when the
/// window has room, else shares of it that leave 40 % to the middle.
pub fn side_panel_widths(ui: &Ui, left: f32, right: f32) -> (f32, f32) {
    let width = ui.available_width();
    let room = width * 0.6;
    if left + right <= room {
        return (left, right);
    }
    let scale = room / (left + right);
    (left * scale, right * scale)
}
