//! The desktop app: a thin layer that renders what the library says and
//! sends [`Command`]s back. No scoring, graph or file logic lives here.
//!
//! One file per screen. Each screen draws itself with a `*_ui` function
//! that receives a [`Frame`] (language, library, clock and the command
//! queue); commands are applied by [`app::MomentoApp`] after the frame.

pub mod app;
pub mod clock;
pub mod debrief;
pub mod library;
pub mod player;
pub mod settings;
pub mod workbench;

pub use app::{AppOptions, MomentoApp};
pub use clock::Clock;

use crate::engine::Mode;
use crate::i18n::{Lang, Texts};
use crate::library::Library;
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
    /// The trainer's workbench.
    Workbench,
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
    /// Leave the player and show the debrief (after an ending).
    ShowDebrief,
    /// Leave the player without finishing (after confirmation).
    Abandon,
    /// Play the same scenario again.
    PlayAgain {
        /// Reuse the seed (same customer, same order, same chance events).
        same_seed: bool,
    },
    /// Change the UI language.
    SetLanguage(Lang),
    /// Reload the library (built-in plus the scenarios folder).
    ReloadLibrary,
    /// Add a scenario file (dropped on the window) and offer it to play.
    OpenFile(PathBuf),
    /// Open a library entry in the trainer's workbench.
    OpenWorkbench(usize),
    /// Open a scenario file in the trainer's workbench.
    OpenWorkbenchFile(PathBuf),
    /// Close the workbench (stops watching its file).
    CloseWorkbench,
}

/// What every screen gets each frame.
pub struct Frame<'a> {
    /// The UI language.
    pub lang: Lang,
    /// Its texts.
    pub t: &'static Texts,
    /// The scenario library.
    pub library: &'a Library,
    /// The app's clock (frozen in tests).
    pub clock: &'a Clock,
    /// Commands to apply after the frame.
    pub commands: &'a mut Vec<Command>,
}

impl Frame<'_> {
    /// Queues a command.
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }
}
