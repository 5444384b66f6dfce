//! Closing the window in the middle of a conversation: a warning first,
//! which says what happens to the attempt (kept and resumable in practice,
//! unfinished without a debrief in assessment).

use crate::engine::Mode;
use egui::{Key, Modifiers, RichText};

/// What the trainee answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseAnswer {
    /// Close the window; the attempt is saved as it stands.
    Close,
    /// Stay in the conversation.
    KeepPlaying,
}

/// The "close Momento mid-conversation?" dialog. `None` while unanswered.
pub fn close_warning_ui(
    ctx: &egui::Context,
    mode: Mode,
    lang: crate::lang::Lang,
) -> Option<CloseAnswer> {
    let t = lang.texts();
    let mut answer = None;
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
        answer = Some(CloseAnswer::Close);
    }
    let modal = egui::Modal::new(egui::Id::unique("close_warning")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(RichText::new(t.close_title).strong().size(18.0));
        ui.add_space(4.0);
        ui.label(match mode {
            Mode::Practice => t.quit_body_practice,
            Mode::Assessment | Mode::Classroom => t.gui_quit_body,
        });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(t.close_confirm).clicked() {
                answer = Some(CloseAnswer::Close);
            }
            if ui.button(t.gui_quit_cancel).clicked() {
                answer = Some(CloseAnswer::KeepPlaying);
            }
        });
        ui.label(RichText::new(t.close_keys).small().weak());
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(CloseAnswer::KeepPlaying);
    }
    answer
}
