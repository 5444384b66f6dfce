//! The app's first run, resuming unfinished attempts, and the warning when
//! the window closes mid-conversation. Kept apart from `app.rs`, which
//! routes screens and applies the other commands.

use super::app::MomentoApp;
use super::closing::{CloseAnswer, close_warning_ui};
use super::{Screen, player, resume, style, welcome};
use crate::engine::Session;
use std::sync::Arc;

impl MomentoApp {
    /// The whole window while the first-run welcome is shown.
    pub(super) fn welcome_frame_ui(&mut self, ui: &mut egui::Ui) {
        let dark = ui.visuals().dark_mode;
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(style::page_fill(dark))
                    .inner_margin(egui::Margin::symmetric(20, 14)),
            )
            .show(ui, |ui| {
                welcome::welcome_ui(ui, &mut self.welcome_view, &mut self.settings);
            });
        if !self.settings.welcome_pending {
            // The name chosen is the trainee's from now on.
            self.refresh_best_results();
        }
        self.save_settings_if_changed();
    }

    /// True while a conversation is under way (not yet at its ending).
    pub fn playing_unfinished(&self) -> bool {
        self.screen == Screen::Player
            && self
                .player
                .as_ref()
                .is_some_and(|p| !p.session.is_finished())
    }

    /// Closing the window mid-conversation asks first; the attempt is saved
    /// as it stands either way.
    pub(super) fn close_request_ui(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && self.playing_unfinished() && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_warning = true;
        }
        if !self.close_warning {
            return;
        }
        let Some(mode) = self.player.as_ref().map(|p| p.session.mode()) else {
            self.close_warning = false;
            return;
        };
        match close_warning_ui(ctx, mode, self.lang()) {
            Some(CloseAnswer::Close) => {
                self.close_warning = false;
                self.close_confirmed = true;
                self.save_attempt();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Some(CloseAnswer::KeepPlaying) => self.close_warning = false,
            None => {}
        }
    }

    /// Resumes an unfinished practice attempt: the scenario is replayed to
    /// where the trainee stopped, and the same attempt record goes on.
    pub(super) fn resume_attempt(&mut self, attempt_id: &str) {
        let t = self.lang().texts();
        self.resume_error = None;
        let Some(stored) = self.attempts.find(attempt_id).cloned() else {
            return;
        };
        let Some(entry) = resume::resumable_entry(&stored.record, &self.library) else {
            return;
        };
        let Some(scenario) = self.library.entries[entry].playable().map(Arc::clone) else {
            return;
        };
        match Session::restore(scenario, &stored.record.replay) {
            Ok(session) => {
                let now = self.clock.now();
                self.player = Some(player::PlayerView::new(session, entry, now));
                self.attempts.resume(&stored);
                self.library_view.offered = None;
                self.screen = Screen::Player;
            }
            Err(error) => {
                self.resume_error = Some(crate::i18n::fill(
                    t.resume_failed,
                    &[("error", &error.message(self.lang()))],
                ));
                self.resume_dismissed.insert(attempt_id.to_string());
                self.screen = Screen::Library;
            }
        }
    }
}
