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
    if ui.button(frame.t.nav_library).clicked() {
        frame.send(Command::Show(Screen::Library));
    }
}
