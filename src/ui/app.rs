//! The app shell: top bar, screen routing, and applying commands.

use super::settings::{Settings, Theme};
use super::{BestResults, attempts::Attempts, history, trainer_report};
use super::{Clock, Command, Frame, Screen, debrief, library, player, settings};
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
    /// Folder of attempt records (`--records DIR`); in test mode nothing is
    /// saved without one.
    pub records_dir: Option<PathBuf>,
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
    // ---- attempt records (issue 5) ----
    /// Attempt records: the store, the attempt being recorded, history.
    pub attempts: Attempts,
    /// The trainee's best result per (scenario id, language), for the cards.
    pub best_results: BestResults,
    /// History screen state.
    pub history_view: history::HistoryView,
    /// Trainer report screen state.
    pub trainer_report_view: trainer_report::TrainerReportView,
    /// The trainee name `best_results` was computed for.
    results_for: Option<String>,
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
            attempts: Attempts::default(),
            best_results: BestResults::new(),
            history_view: history::HistoryView::default(),
            trainer_report_view: trainer_report::TrainerReportView::default(),
            results_for: None,
            applied_scale: 0.0,
            applied_theme: None,
        };
        app.reload_library();
        app.attempts = Attempts::open(app.options.records_dir.clone(), !app.options.test_mode);
        app.attempts.reload(app.lang());
        app.refresh_best_results();
        app
    }

    /// Recomputes the trainee's best results (after a save, or when the
    /// trainee's name changes).
    fn refresh_best_results(&mut self) {
        self.best_results = self.attempts.best_results(&self.settings.trainee_name);
        self.results_for = Some(self.settings.trainee_name.clone());
    }

    /// Saves the attempt being played or debriefed (a new revision).
    fn save_attempt(&mut self) {
        if let Some(player) = &self.player {
            self.attempts.save(player, self.lang());
            self.refresh_best_results();
        }
    }

    /// Saves the reflection answers if the trainee changed them.
    fn save_reflection(&mut self) {
        if let Some(player) = &self.player {
            self.attempts.save_reflection(player, self.lang());
        }
    }

    /// Opens a past attempt: its full debrief when the scenario is the same
    /// file (an exact replay), else the saved debrief with a note.
    fn open_attempt(&mut self, attempt_id: &str, accept_changed: bool) {
        use crate::records::Replay;
        let Some(stored) = self.attempts.find(attempt_id).cloned() else {
            return;
        };
        let record = &stored.record;
        let t = self.lang().texts();
        let entry = self.library.entries.iter().position(|e| {
            e.playable().is_some_and(|s| {
                s.id.value == record.scenario.id && s.language.value == record.scenario.language
            })
        });
        let Some((entry, scenario)) =
            entry.and_then(|i| Some((i, Arc::clone(self.library.entries[i].playable()?))))
        else {
            let notice = crate::i18n::fill(
                t.history_scenario_missing,
                &[("scenario", &record.scenario.title)],
            );
            self.history_view
                .show_saved(attempt_id, Some(notice), false);
            self.screen = Screen::History;
            return;
        };
        let (session, exact) = match crate::records::replay(record, scenario) {
            Replay::Exact(session) => (session, true),
            Replay::ScenarioChanged {
                replayed: Ok(session),
                ..
            } if accept_changed => (session, false),
            Replay::ScenarioChanged { then, now, .. } => {
                let notice = crate::i18n::fill(
                    t.history_scenario_changed,
                    &[("then", &then.to_string()), ("now", &now.to_string())],
                );
                self.history_view.show_saved(attempt_id, Some(notice), true);
                self.screen = Screen::History;
                return;
            }
            Replay::Failed(error) => {
                let notice =
                    crate::i18n::fill(t.history_replay_failed, &[("error", &error.to_string())]);
                self.history_view
                    .show_saved(attempt_id, Some(notice), false);
                self.screen = Screen::History;
                return;
            }
        };
        let mut view = player::PlayerView::new(session, entry, self.clock.now());
        view.reflections = record.reflection.iter().map(|r| r.answer.clone()).collect();
        if exact {
            // Same scenario file: reflection answers written now go into
            // the same attempt's record.
            self.attempts.resume(&stored);
        } else {
            // A replay on a changed scenario is not that attempt any more:
            // never rewrite its record with the new scenario's data.
            self.attempts.stop();
        }
        self.player = Some(view);
        self.history_view = history::HistoryView::default();
        self.screen = Screen::Debrief;
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
                for (screen, label) in [
                    (Screen::Library, t.nav_library),
                    (Screen::History, t.nav_history),
                    (Screen::TrainerReport, t.nav_trainer_report),
                    (Screen::Settings, t.nav_settings),
                ] {
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
        if matches!(
            command,
            Command::Show(_)
                | Command::Start { .. }
                | Command::PlayAgain { .. }
                | Command::OpenAttempt(_)
                | Command::SaveReflection
        ) {
            self.save_reflection();
        }
        match command {
            Command::Show(screen) => {
                if screen == Screen::History && self.screen != Screen::History {
                    // Files may have been copied in meanwhile.
                    self.attempts.reload(self.lang());
                    self.refresh_best_results();
                    self.history_view = history::HistoryView::default();
                }
                self.screen = screen;
            }
            Command::Start { entry, mode, seed } => {
                let Some(scenario) = self.library.entries.get(entry).and_then(|e| e.playable())
                else {
                    return;
                };
                let seed = seed.unwrap_or_else(fresh_seed);
                if let Ok(session) = Session::new(Arc::clone(scenario), seed, mode) {
                    let session = session.with_trainee(self.settings.trainee_name.clone());
                    self.player = Some(player::PlayerView::new(session, entry, self.clock.now()));
                    self.attempts.begin();
                    self.screen = Screen::Player;
                }
            }
            Command::Choose(position) => {
                if let Some(player) = &mut self.player {
                    player.choose(position, self.clock.now());
                }
                self.save_attempt();
            }
            Command::TimeOut => {
                if let Some(player) = &mut self.player {
                    player.time_out(self.clock.now());
                }
                self.save_attempt();
            }
            Command::Undo => {
                if let Some(player) = &mut self.player {
                    player.undo(self.clock.now());
                }
                self.save_attempt();
            }
            Command::ShowDebrief => {
                self.save_attempt();
                self.screen = Screen::Debrief;
            }
            Command::Abandon => {
                // Kept as abandoned, with the replies made so far.
                self.save_attempt();
                self.attempts.stop();
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
            Command::SaveReflection => {}
            Command::OpenAttempt(attempt_id) => self.open_attempt(&attempt_id, false),
            Command::ReplayAttempt(attempt_id) => self.open_attempt(&attempt_id, true),
            Command::LoadReport(folder) => {
                let loaded = crate::records::load_folder(&folder, Default::default());
                self.trainer_report_view
                    .set_loaded(trainer_report::LoadedFolder {
                        problems: loaded
                            .problems
                            .iter()
                            .map(|p| p.message(self.lang()))
                            .collect(),
                        records: loaded.records.into_iter().map(|r| r.record).collect(),
                        folder,
                    });
                self.screen = Screen::TrainerReport;
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

        if self.results_for.as_deref() != Some(self.settings.trainee_name.as_str()) {
            self.refresh_best_results();
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        let own_folder = self.attempts.store.as_ref().map(|s| s.dir().to_path_buf());
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
            Screen::History => {
                let history_data = history::HistoryData {
                    trainee: &self.settings.trainee_name,
                    records: self
                        .attempts
                        .of_trainee(&self.settings.trainee_name)
                        .collect(),
                    folder: self.attempts.store.as_ref().map(|s| s.dir()),
                    store_error: self.attempts.store_error.as_deref(),
                    problems: self
                        .attempts
                        .problems
                        .iter()
                        .chain(&self.attempts.last_error)
                        .map(String::as_str)
                        .collect(),
                };
                history::history_ui(ui, &mut self.history_view, &history_data, &mut frame)
            }
            Screen::TrainerReport => trainer_report::trainer_report_ui(
                ui,
                &mut self.trainer_report_view,
                own_folder.as_deref(),
                &mut frame,
            ),
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
        self.save_reflection();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The window closes: an attempt in play is kept as abandoned with
        // what was done, and unsaved reflection answers are written.
        if self
            .player
            .as_ref()
            .is_some_and(|p| !p.session.is_finished())
        {
            self.save_attempt();
        }
        self.save_reflection();
    }
}
