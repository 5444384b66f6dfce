//! The debrief: outcome, scores, decisions, promises, reflection.

use super::player::PlayerView;
use super::{Command, Frame, Screen};
use crate::debrief::Debrief;
use crate::i18n;
use crate::scenario::Dimension;

/// Draws the debrief of the session in `player`.
pub fn debrief_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut Frame) {
    let review = Debrief::of(&player.session, frame.lang);
    if let Some(outcome) = review.outcome {
        ui.heading(i18n::outcome(frame.lang, outcome));
    }
    for d in Dimension::ALL {
        let score = review.scorecard.score(d);
        ui.label(format!("{}: {:.0}", i18n::dimension(frame.lang, d), score));
    }
    reflection_ui(ui, player, &review.reflection_prompts, frame);
    if ui.button(frame.t.nav_library).clicked() {
        frame.send(Command::Show(Screen::Library));
    }
}

/// The reflection prompts with a text field each; the answers are saved
/// with the attempt when a field loses focus (and when leaving).
fn reflection_ui(
    ui: &mut egui::Ui,
    player: &mut PlayerView,
    prompts: &[String],
    frame: &mut Frame,
) {
    if player.reflections.len() < prompts.len() {
        player.reflections.resize(prompts.len(), String::new());
    }
    for (prompt, answer) in prompts.iter().zip(player.reflections.iter_mut()) {
        let label = ui.label(prompt);
        let field = ui
            .add(egui::TextEdit::multiline(answer).desired_rows(2))
            .labelled_by(label.id);
        if field.lost_focus() {
            frame.send(Command::SaveReflection);
        }
    }
}
