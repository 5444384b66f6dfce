//! The desktop app: a thin layer that renders what the library says and
//! sends [`Command`]s back. No scoring, graph or file logic lives here.
//!
//! One file per screen. Each screen draws itself with a `*_ui` function
//! that receives a [`ScreenCtx`] (language, library, clock and the command
//! queue); commands are applied by [`app::MomentoApp`] after the frame.

pub mod app;
pub mod attempts;
pub mod classroom;
pub mod clock;
pub mod data_paths;
pub mod debrief;
pub mod handout_save;
pub mod history;
pub mod keyboard;
pub mod library;
pub mod player;
pub mod player_compact;
pub mod portrait;
pub mod responsive;
pub mod settings;
pub mod style;
pub mod trainer_report;
pub mod transcript;
pub mod widgets;
pub mod window;
pub mod workbench;
// First run, trainee id, unfinished attempts (issue 14).
mod app_identity;
pub mod closing;
pub mod folder_picker;
pub mod history_chart;
pub mod resume;
pub mod welcome;

pub use app::{AppOptions, MomentoApp};
pub use clock::Clock;

use crate::engine::Mode;
use crate::i18n::Texts;
use crate::lang::Lang;
use crate::library::Library;
use crate::scenario::Outcome;
use std::collections::HashMap;
use std::path::PathBuf;

/// The screens of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Scenario cards.
    Library,
    /// Playing a scenario.
    Player,
    /// After an ending.
    Debrief,
    /// Preferences.
    Settings,
    /// The trainee's past attempts and progress.
    History,
    /// A folder of attempts from a group.
    TrainerReport,
    /// The trainer's workbench.
    Workbench,
    /// Classroom mode: setup, votes and group debrief.
    Classroom,
}

/// Something a screen asks the app to do, applied after the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Go to a screen.
    Show(Screen),
    /// Start a scenario of the library (index into `Library::entries`).
    Start {
        /// Library entry.
        entry: usize,
        /// Practice or assessment.
        mode: Mode,
        /// A seed, or `None` for a fresh one.
        seed: Option<u64>,
    },
    /// Take the reply at this 0-based display position.
    Choose(usize),
    /// The time limit ran out.
    TimeOut,
    /// Take back the last reply (practice).
    Undo,
    /// Close the practice feedback panel and show the next replies.
    Continue,
    /// Leave the player and show the debrief (after an ending). The attempt
    /// is finished here.
    ShowDebrief,
    /// Leave the player without finishing (after confirmation). The attempt
    /// is abandoned here.
    Abandon,
    /// Play the same scenario again.
    PlayAgain {
        /// Reuse the seed (same customer, same order, same chance events).
        same_seed: bool,
    },
    /// Change the UI language.
    SetLanguage(Lang),
    /// Use this folder of the trainer's own scenarios (or none), and reload.
    SetScenariosFolder(Option<PathBuf>),
    /// Reload the library (built-in plus the scenarios folder).
    ReloadLibrary,
    /// Add a scenario file (dropped on the window) and offer it to play.
    OpenFile(PathBuf),
    // ---- attempt records ----
    /// Save the reflection answers of the session shown (when changed).
    SaveReflection,
    /// Open the debrief of a past attempt (by attempt id).
    OpenAttempt(String),
    /// Replay a past attempt on the scenario as it is now (after a warning
    /// that it changed).
    ReplayAttempt(String),
    /// Load a folder of attempts into the trainer report.
    LoadReport(PathBuf),
    /// Open a library entry in the trainer's workbench.
    OpenWorkbench(usize),
    /// Open a scenario file in the trainer's workbench.
    OpenWorkbenchFile(PathBuf),
    /// Close the workbench (stops watching its file).
    CloseWorkbench,
    /// Create a scenario from the template in the trainer's scenarios
    /// folder, show it in the library and open it in the editor.
    NewScenario(crate::scenario::edit::template::TemplateForm),
    /// Resume an unfinished practice attempt where it was left (by attempt
    /// id).
    ResumeAttempt(String),
    /// Stop offering to resume this attempt (until the app restarts).
    DismissResume(String),
    /// Something of classroom mode.
    Classroom(classroom::ClassroomCommand),
}

/// The trainee's best attempt at one scenario in one language, shown on
/// its library card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BestResult {
    /// Empathy, promise-keeping and care, 0–100; `None` when not assessed.
    pub scores: [Option<f64>; 3],
    /// The balance of the assessed scores, 0–100.
    pub balance: Option<f64>,
    /// How the moment of truth ended.
    pub outcome: Outcome,
}

/// Best results keyed by (scenario id, language code).
pub type BestResults = HashMap<(String, String), BestResult>;

/// What every screen gets each frame.
pub struct ScreenCtx<'a> {
    /// The UI language.
    pub lang: Lang,
    /// Its texts.
    pub t: &'static Texts,
    /// The scenario library.
    pub library: &'a Library,
    /// The trainee's best result per (scenario id, language).
    pub best_results: &'a BestResults,
    /// The app's clock (frozen in tests).
    pub clock: &'a Clock,
    /// Commands to apply after the frame.
    pub commands: &'a mut Vec<Command>,
}

impl ScreenCtx<'_> {
    /// Queues a command.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// True when animations should run (off in test mode).
    pub fn animate(&self) -> bool {
        !self.clock.is_frozen()
    }
}
