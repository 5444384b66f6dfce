//! Scrolling by keyboard: the focused widget is scrolled into view, and
//! PageUp/PageDown/Home/End and the arrow keys scroll a screen's main
//! scroll area. egui does neither by itself, so a Tab could focus a card
//! below the window and Enter start a scenario the trainee never saw.

use egui::{Id, Key, Modifiers, ScrollArea, Ui};

/// How far an arrow key scrolls, in points.
const ARROW_STEP: f32 = 48.0;

/// Shows `area` with its content, following the keyboard focus inside it;
/// when `main` is true the scrolling keys move it too. Give each screen's
/// area its own `id_salt` so screens keep their own scroll positions.
pub fn scroll_ui<R>(
    ui: &mut Ui,
    area: ScrollArea,
    main: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    area.show(ui, |ui| {
        let inner = add_contents(ui);
        follow_focus_ui(ui);
        if main {
            scroll_keys_ui(ui);
        }
        inner
    })
    .inner
}

/// Scrolls the widget that just got the keyboard focus into view, when it
/// lies in this scroll area's content.
pub fn follow_focus_ui(ui: &Ui) {
    let ctx = ui.ctx();
    let key = Id::unique("momento_followed_focus");
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        ctx.data_mut(|d| d.remove::<Id>(key));
        return;
    };
    if ctx.data(|d| d.get_temp::<Id>(key)) == Some(focused) {
        return;
    }
    let Some(response) = ctx.read_response(focused) else {
        return;
    };
    if response.layer_id != ui.layer_id() || !ui.min_rect().contains_rect(response.rect) {
        return;
    }
    ui.scroll_to_rect(response.rect.expand(8.0), None);
    ctx.data_mut(|d| d.insert_temp(key, focused));
}

/// True when a text field has the focus: it needs the keys itself.
fn typing(ui: &Ui) -> bool {
    ui.ctx()
        .memory(|m| m.focused())
        .is_some_and(|id| egui::TextEdit::load_state(ui.ctx(), id).is_some())
}

/// PageUp/PageDown by most of a page, Home/End to the ends, and (when no
/// widget has the focus, since egui moves focus with them) the arrows by
/// a line.
pub fn scroll_keys_ui(ui: &Ui) {
    if typing(ui) || egui::Popup::is_any_open(ui.ctx()) {
        return;
    }
    let nothing_focused = ui.ctx().memory(|m| m.focused().is_none());
    let page = (ui.clip_rect().height() * 0.85).max(ARROW_STEP);
    let content = ui.min_rect().height() + ui.clip_rect().height();
    let delta = ui.input_mut(|i| {
        let mut delta = 0.0;
        if i.consume_key(Modifiers::NONE, Key::PageDown) {
            delta -= page;
        }
        if i.consume_key(Modifiers::NONE, Key::PageUp) {
            delta += page;
        }
        if i.consume_key(Modifiers::NONE, Key::End) || i.consume_key(Modifiers::CTRL, Key::End) {
            delta -= content;
        }
        if i.consume_key(Modifiers::NONE, Key::Home) || i.consume_key(Modifiers::CTRL, Key::Home) {
            delta += content;
        }
        if nothing_focused {
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                delta -= ARROW_STEP;
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                delta += ARROW_STEP;
            }
        }
        delta
    });
    if delta != 0.0 {
        ui.scroll_with_delta_animation(
            egui::vec2(0.0, delta),
            egui::style::ScrollAnimation::none(),
        );
    }
}
