//! The player: the customer, the conversation and the replies.

use super::{Command, Frame};
use crate::engine::Session;

/// A session being played, with what the screen needs to remember.
pub struct PlayerView {
    /// The session.
    pub session: Session,
    /// Its library entry.
    pub entry: usize,
    /// Clock time when the current node was shown.
    pub node_shown_at: f64,
    /// The trainee's answers to the debrief's reflection prompts.
    pub reflections: Vec<String>,
}

impl PlayerView {
    /// Starts showing a session.
    pub fn new(session: Session, entry: usize, now: f64) -> PlayerView {
        PlayerView {
            session,
            entry,
            node_shown_at: now,
            reflections: Vec::new(),
        }
    }

    fn elapsed_ms(&self, now: f64) -> Option<u32> {
        Some(((now - self.node_shown_at).max(0.0) * 1000.0) as u32)
    }

    /// Takes a reply.
    pub fn choose(&mut self, position: usize, now: f64) {
        let elapsed = self.elapsed_ms(now);
        if self.session.choose_timed(position, elapsed).is_ok() {
            self.node_shown_at = now;
        }
    }

    /// The time ran out.
    pub fn time_out(&mut self, now: f64) {
        let elapsed = self.elapsed_ms(now);
        if self.session.time_out_after(elapsed).is_ok() {
            self.node_shown_at = now;
        }
    }

    /// Takes back the last reply.
    pub fn undo(&mut self, now: f64) {
        if self.session.undo().is_ok() {
            self.node_shown_at = now;
        }
    }
}

/// Draws the player.
pub fn player_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut Frame) {
    let session = &player.session;
    for line in session.transcript() {
        ui.label(line.text);
    }
    if session.is_finished() {
        if ui.button(frame.t.player_see_debrief).clicked() {
            frame.send(Command::ShowDebrief);
        }
        return;
    }
    for choice in session.choices() {
        if ui
            .button(format!("{}. {}", choice.number, choice.text))
            .clicked()
        {
            frame.send(Command::Choose(choice.number - 1));
        }
    }
}
