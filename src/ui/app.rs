//! The app shell: top bar, screen routing, and applying commands.

use super::settings::{Settings, Theme};
use super::{Clock, Command, Frame, Screen, debrief, library, player, settings, workbench};
use crate::engine::{Session, fresh_seed};
use crate::i18n::Lang;
use crate::library::Library;
use std::path::PathBuf;
use std::sync::Arc;

/// Key of the settings in eframe's storage.
const SETTINGS_KEY: &str = "momento-settings";

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A folder of extra scenarios (`--scenarios DIR`).
    pub scenarios_dir: Option<PathBuf>,
    /// Test mode: frozen clock, no animations, no persistence.
    pub test_mode: bool,
    /// Settings to start with instead of the stored ones (tests).
    pub settings: Option<Settings>,
    /// Open this scenario file in the workbench (`momento workbench FILE`).
    pub workbench_file: Option<PathBuf>,
}

impl AppOptions {
    /// Options for headless tests.
    pub fn test() -> AppOptions {
        AppOptions {
            test_mode: true,
            settings: Some(Settings {
                language: Some(Lang::Es),
                ..Settings::default()
            }),
            ..AppOptions::default()
        }
    }
}

/// The app.
pub struct MomentoApp {
    /// Persisted preferences.
    pub settings: Settings,
    /// How the app was started.
    pub options: AppOptions,
    /// The scenario library.
    pub library: Library,
    /// The screen shown.
    pub screen: Screen,
    /// The clock (frozen in test mode).
    pub clock: Clock,
    /// Library screen state.
    pub library_view: library::LibraryView,
    /// The session being played, with its screen state.
    pub player: Option<player::PlayerView>,
    /// Commands queued during the frame.
    pub commands: Vec<Command>,
    /// The trainer's workbench, while open.
    pub workbench: Option<workbench::WorkbenchView>,
    applied_scale: f32,
    applied_theme: Option<Theme>,
}

impl MomentoApp {
    /// Creates the app from eframe's creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> MomentoApp {
        let settings = options.settings.clone().unwrap_or_else(|| {
            cc.storage
                .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
                .unwrap_or_default()
        });
        if options.test_mode {
            cc.egui_ctx
                .all_styles_mut(|style| style.animation_time = 0.0);
        }
        let mut app = MomentoApp {
            clock: if options.test_mode {
                Clock::frozen()
            } else {
                Clock::real()
            },
            library: Library::default(),
            settings,
            options,
            screen: Screen::Library,
            library_view: library::LibraryView::default(),
            player: None,
            commands: Vec::new(),
            workbench: None,
            applied_scale: 0.0,
            applied_theme: None,
        };
        app.reload_library();
        if let Some(path) = app.options.workbench_file.clone() {
            app.apply(Command::OpenWorkbenchFile(path));
        }
        app
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        self.settings.lang()
    }

    fn reload_library(&mut self) {
        let mut library = Library::built_in();
        let folders = [
            self.options.scenarios_dir.clone(),
            self.settings.scenarios_folder.clone(),
        ];
        for folder in folders.into_iter().flatten() {
            library.add_dir(&folder);
        }
        self.library = library;
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                Theme::Light => egui::Theme::Light,
                Theme::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
        let scale = self.settings.text_scale.clamp(0.8, 2.0);
        if (scale - self.applied_scale).abs() > f32::EPSILON {
            ctx.set_zoom_factor(scale);
            self.applied_scale = scale;
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.lang().texts();
        ui.horizontal(|ui| {
            ui.strong("Momento");
            ui.separator();
            let in_play = self.screen == Screen::Player;
            ui.add_enabled_ui(!in_play, |ui| {
                let workbench = self
                    .workbench
                    .is_some()
                    .then_some((Screen::Workbench, t.nav_workbench));
                for (screen, label) in [
                    (Screen::Library, t.nav_library),
                    (Screen::Settings, t.nav_settings),
                ]
                .into_iter()
                .chain(workbench)
                {
                    if ui.selectable_label(self.screen == screen, label).clicked() {
                        self.commands.push(Command::Show(screen));
                    }
                }
            });
        });
    }

    /// Applies the commands queued during the frame.
    pub fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::Show(screen) => self.screen = screen,
            Command::Start { entry, mode, seed } => {
                let Some(scenario) = self.library.entries.get(entry).and_then(|e| e.playable())
                else {
                    return;
                };
                let seed = seed.unwrap_or_else(fresh_seed);
                if let Ok(session) = Session::new(Arc::clone(scenario), seed, mode) {
                    let session = session.with_trainee(self.settings.trainee_name.clone());
                    self.player = Some(player::PlayerView::new(session, entry, self.clock.now()));
                    self.screen = Screen::Player;
                }
            }
            Command::Choose(position) => {
                if let Some(player) = &mut self.player {
                    player.choose(position, self.clock.now());
                }
            }
            Command::TimeOut => {
                if let Some(player) = &mut self.player {
                    player.time_out(self.clock.now());
                }
            }
            Command::Undo => {
                if let Some(player) = &mut self.player {
                    player.undo(self.clock.now());
                }
            }
            Command::ShowDebrief => self.screen = Screen::Debrief,
            Command::Abandon => {
                self.player = None;
                self.screen = Screen::Library;
            }
            Command::PlayAgain { same_seed } => {
                if let Some(player) = &self.player {
                    let seed = same_seed.then(|| player.session.seed());
                    let mode = player.session.mode();
                    let entry = player.entry;
                    self.apply(Command::Start { entry, mode, seed });
                }
            }
            Command::SetLanguage(lang) => self.settings.language = Some(lang),
            Command::ReloadLibrary => self.reload_library(),
            Command::OpenFile(path) => {
                self.library.add_file(&path);
                self.library.cross_check();
                self.screen = Screen::Library;
            }
            Command::OpenWorkbench(_) | Command::OpenWorkbenchFile(_) | Command::CloseWorkbench => {
                self.workbench = workbench::apply(command, &self.library, self.workbench.take());
                self.screen = match (&self.workbench, self.screen) {
                    (Some(_), _) => Screen::Workbench,
                    (None, Screen::Workbench) => Screen::Library,
                    (None, screen) => screen,
                };
            }
        }
    }
}

impl eframe::App for MomentoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_style(&ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        for path in dropped {
            self.commands.push(Command::OpenFile(path));
        }

        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        let lang = self.lang();
        let mut frame = Frame {
            lang,
            t: lang.texts(),
            library: &self.library,
            clock: &self.clock,
            commands: &mut self.commands,
        };
        egui::CentralPanel::default().show(ui, |ui| match self.screen {
            Screen::Library => library::library_ui(ui, &mut self.library_view, &mut frame),
            Screen::Player => match &mut self.player {
                Some(player) => player::player_ui(ui, player, &mut frame),
                None => frame.send(Command::Show(Screen::Library)),
            },
            Screen::Debrief => match &mut self.player {
                Some(player) => debrief::debrief_ui(ui, player, &mut frame),
                None => frame.send(Command::Show(Screen::Library)),
            },
            Screen::Settings => settings::settings_ui(ui, &mut self.settings, &mut frame),
            Screen::Workbench => match &mut self.workbench {
                Some(view) => workbench::workbench_ui(ui, view, &mut frame),
                None => frame.send(Command::Show(Screen::Library)),
            },
        });
        self.apply_commands();
        if !self.clock.is_frozen()
            && self
                .player
                .as_ref()
                .is_some_and(|p| p.session.time_limit().is_some())
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if !self.options.test_mode {
            eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        }
    }
}
