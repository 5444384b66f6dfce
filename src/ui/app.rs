//! The app shell: top bar, screen routing, and applying commands.

use super::settings::{
    Settings, SettingsView, Theme, read_settings, settings_path, write_settings,
};
use super::{BestResults, attempts::Attempts, history, trainer_report, workbench};
use super::{Clock, Command, Screen, ScreenCtx, debrief, library, player, settings, style};
use crate::engine::{Mode, Session, assessment_seed, fresh_seed};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::library::Library;
use egui::RichText;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Key of the settings in eframe's storage, where versions before
/// `settings.ron` kept them.
const SETTINGS_KEY: &str = "momento-settings";

/// Environment variable that makes the app print the time to its first
/// frame (for measuring start-up).
pub const STARTUP_REPORT_VAR: &str = "MOMENTO_REPORT_STARTUP";

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A folder of extra scenarios (`--scenarios DIR`).
    pub scenarios_dir: Option<PathBuf>,
    /// Test mode: frozen clock, no animations, no persistence.
    pub test_mode: bool,
    /// Settings to start with instead of the stored ones (tests).
    pub settings: Option<Settings>,
    /// When the process started, to report the time to the first frame.
    pub started_at: Option<Instant>,
    /// Folder of attempt records (`--records DIR`); in test mode nothing is
    /// saved without one.
    pub records_dir: Option<PathBuf>,
    /// Open this scenario file in the workbench (`momento workbench FILE`).
    pub workbench_file: Option<PathBuf>,
    /// Where settings are read and written; by default [`settings_path`].
    /// Test mode reads and writes none unless this is set.
    pub settings_file: Option<PathBuf>,
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
    /// The trainee's best result per (scenario id, language), shown on the
    /// library cards. Filled from saved attempts.
    pub best_results: BestResults,
    /// The screen shown.
    pub screen: Screen,
    /// The clock (frozen in test mode).
    pub clock: Clock,
    /// Library screen state.
    pub library_view: library::LibraryView,
    /// Settings screen state.
    pub settings_view: SettingsView,
    /// The session being played, with its screen state.
    pub player: Option<player::PlayerView>,
    /// Commands queued during the frame.
    pub commands: Vec<Command>,
    // ---- attempt records ----
    /// Attempt records: the store, the attempt being recorded, history.
    pub attempts: Attempts,
    /// History screen state.
    pub history_view: history::HistoryView,
    /// Trainer report screen state.
    pub trainer_report_view: trainer_report::TrainerReportView,
    /// The trainee id `best_results` was computed for.
    results_for: Option<String>,
    /// The first-run welcome's state.
    pub welcome_view: super::welcome::WelcomeView,
    /// Unfinished attempts the trainee chose not to resume now.
    pub resume_dismissed: std::collections::HashSet<String>,
    /// Why the last resume failed, shown on the library.
    pub resume_error: Option<String>,
    /// The window was asked to close mid-conversation: the warning is shown.
    pub close_warning: bool,
    /// The trainee confirmed closing: the next close request goes through.
    pub(super) close_confirmed: bool,
    /// The trainer's workbench, while open.
    pub workbench: Option<workbench::WorkbenchView>,
    /// Classroom mode's screens.
    pub classroom: super::classroom::ClassroomView,
    applied_scale: f32,
    applied_theme: Option<Theme>,
    first_frame_shown: bool,
    saved_settings: Option<Settings>,
    /// Where settings are written; none in test mode.
    settings_file: Option<PathBuf>,
}

impl MomentoApp {
    /// Creates the app from eframe's creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, options: AppOptions) -> MomentoApp {
        let settings_file = options
            .settings_file
            .clone()
            .or_else(|| (!options.test_mode).then(settings_path).flatten());
        // Settings of an earlier version sat in eframe's storage: read them
        // once when there is no settings file yet.
        let settings = options
            .settings
            .clone()
            .or_else(|| settings_file.as_deref().and_then(read_settings))
            .or_else(|| {
                cc.storage
                    .and_then(|storage| eframe::get_value(storage, SETTINGS_KEY))
            })
            .unwrap_or_default();
        let mut settings = settings;
        // Settings a test or kiosk passes in never trigger the welcome, and
        // `momento workbench FILE` is a trainer's tool: no trainee to greet.
        settings.ensure_trainee_id(options.settings.is_none() && options.workbench_file.is_none());
        let test_mode = options.test_mode;
        cc.egui_ctx.all_styles_mut(|style| {
            style::apply_text_styles(style);
            if test_mode {
                style.animation_time = 0.0;
            }
        });
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            cc.egui_ctx.style_mut_of(theme, |style| {
                style::apply_theme(&mut style.visuals);
            });
        }
        let mut app = MomentoApp {
            clock: if test_mode {
                Clock::frozen()
            } else {
                Clock::real()
            },
            library: Library::default(),
            best_results: BestResults::new(),
            settings_view: SettingsView {
                command_line_folder: options.scenarios_dir.clone(),
                ..SettingsView::default()
            },
            settings,
            options,
            screen: Screen::Library,
            library_view: library::LibraryView::default(),
            player: None,
            commands: Vec::new(),
            attempts: Attempts::default(),
            history_view: history::HistoryView::default(),
            trainer_report_view: trainer_report::TrainerReportView::default(),
            results_for: None,
            welcome_view: Default::default(),
            resume_dismissed: Default::default(),
            resume_error: None,
            close_warning: false,
            close_confirmed: false,
            workbench: None,
            classroom: Default::default(),
            applied_scale: 0.0,
            applied_theme: None,
            first_frame_shown: false,
            saved_settings: None,
            settings_file,
        };
        app.reload_library();
        app.attempts = Attempts::open(app.options.records_dir.clone(), !app.options.test_mode);
        app.attempts.reload();
        app.settings_view.data_paths = super::data_paths::for_app(
            app.attempts.store.as_ref().map(|store| store.dir()),
            app.options.records_dir.as_deref(),
            app.settings_file.clone(),
        );
        app.refresh_best_results();
        if let Some(path) = app.options.workbench_file.clone() {
            app.apply(Command::OpenWorkbenchFile(path));
        }
        app
    }

    /// Recomputes the trainee's best results (after a save, or when the
    /// trainee changes). They follow the trainee's id, not the name.
    pub(super) fn refresh_best_results(&mut self) {
        self.best_results = self.attempts.best_results(self.settings.trainee());
        self.results_for = Some(self.settings.trainee_id.clone());
    }

    /// Saves the attempt being played or debriefed (a new revision).
    pub(super) fn save_attempt(&mut self) {
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
                let notice = crate::i18n::fill(
                    t.history_replay_failed,
                    &[("error", &error.message(self.lang()))],
                );
                self.history_view
                    .show_saved(attempt_id, Some(notice), false);
                self.screen = Screen::History;
                return;
            }
        };
        let mut view = player::PlayerView::new(session, entry, self.clock.now());
        view.reflections = record.reflection.iter().map(|r| r.answer.clone()).collect();
        view.back_to = Screen::History;
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
        if let Some(folder) = &self.options.scenarios_dir {
            library.add_dir(folder);
        }
        let before = library.entries.len();
        if let Some(folder) = &self.settings.scenarios_folder {
            library.add_dir(folder);
            self.settings_view.folder_missing = !folder.is_dir();
        }
        self.settings_view.folder_files = library.entries.len() - before;
        self.library = library;
    }

    /// Writes a new scenario from the template into the trainer's folder
    /// (the data folder's `scenarios` when none is set, which becomes the
    /// folder), shows it in the library and opens it in the editor.
    fn new_scenario(&mut self, form: &crate::scenario::edit::template::TemplateForm) {
        let folder = self.settings.scenarios_folder.clone().or_else(|| {
            directories::ProjectDirs::from("", "", "Momento")
                .map(|dirs| dirs.data_dir().join("scenarios"))
        });
        let Some(folder) = folder else {
            self.library_view.notice = Some(self.lang().texts().ed_no_folder.to_string());
            return;
        };
        match workbench::editor::create_scenario(form, &folder) {
            Ok(path) => {
                if self.settings.scenarios_folder.is_none() {
                    self.settings.scenarios_folder = Some(folder);
                }
                self.reload_library();
                self.apply(Command::OpenWorkbenchFile(path));
                if let Some(view) = self.workbench.as_mut() {
                    view.tab = workbench::SideTab::Edit;
                }
            }
            Err(error) => {
                let t = self.lang().texts();
                self.library_view.notice =
                    Some(fill(t.ed_save_failed, &[("error", &error.to_string())]));
            }
        }
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

    /// The screens reachable from the top bar, in order.
    fn nav_entries(&self) -> Vec<(Screen, &'static str)> {
        let t = self.lang().texts();
        vec![
            (Screen::Library, t.nav_library),
            (Screen::History, t.nav_history),
            (Screen::TrainerReport, t.nav_trainer_report),
            (Screen::Settings, t.nav_settings),
        ]
        .into_iter()
        .chain(
            self.workbench
                .is_some()
                .then_some((Screen::Workbench, t.nav_workbench)),
        )
        .collect()
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.lang().texts();
        let name = self.settings.trainee_name.trim().to_string();
        let hello = (!name.is_empty()).then(|| fill(t.gui_hello, &[("name", &name)]));
        let entries = self.nav_entries();
        // The brand, the tabs and the greeting in one row when they fit;
        // else the tabs fold into a menu (a 1024-wide window at 175 %).
        let brand = RichText::new("Momento").size(20.0).strong();
        let mut needed: Vec<RichText> = entries
            .iter()
            .map(|(_, label)| RichText::new(*label).size(16.0))
            .collect();
        needed.push(brand.clone());
        needed.extend(hello.iter().map(RichText::new));
        let fits = super::responsive::row_width(ui, &needed) + 24.0 <= ui.available_width();
        ui.horizontal(|ui| {
            ui.label(brand.color(style::accent_text(ui)));
            ui.add_space(12.0);
            let in_play = self.screen == Screen::Player;
            ui.add_enabled_ui(!in_play, |ui| {
                // The debrief belongs to where it was opened from.
                let debrief_of = self.player.as_ref().map_or(Screen::Library, |p| p.back_to);
                let is_current = |screen: Screen| {
                    self.screen == screen
                        || (screen == debrief_of && self.screen == Screen::Debrief)
                };
                if fits {
                    for (screen, label) in &entries {
                        if ui
                            .selectable_label(is_current(*screen), RichText::new(*label).size(16.0))
                            .clicked()
                        {
                            self.commands.push(Command::Show(*screen));
                        }
                    }
                    return;
                }
                let current = entries
                    .iter()
                    .find(|(screen, _)| is_current(*screen))
                    .map_or(t.gui_menu.to_string(), |(_, label)| {
                        format!("{}: {label}", t.gui_menu)
                    });
                ui.menu_button(RichText::new(current).size(16.0), |ui| {
                    for (screen, label) in &entries {
                        if ui
                            .selectable_label(is_current(*screen), RichText::new(*label).size(16.0))
                            .clicked()
                        {
                            self.commands.push(Command::Show(*screen));
                            ui.close();
                        }
                    }
                })
                .response
                .on_hover_text(t.gui_menu_help);
            });
            if let Some(hello) = &hello {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(RichText::new(hello).weak()).truncate());
                });
            }
        });
    }

    /// Applies the commands queued during the frame.
    pub fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
    }

    fn apply(&mut self, command: Command) {
        let now = self.clock.now();
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
                    self.attempts.reload();
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
                // Assessment is fair: the same scenario version gives every
                // trainee the same starting mood and random events.
                let seed = seed.unwrap_or_else(|| match mode {
                    Mode::Assessment => assessment_seed(
                        &scenario.id.value,
                        scenario.version,
                        &scenario.source.content_hash,
                    ),
                    Mode::Practice | Mode::Classroom => fresh_seed(),
                });
                if let Ok(session) = Session::new(Arc::clone(scenario), seed, mode) {
                    let session = session.with_trainee(self.settings.trainee_name.trim());
                    self.player = Some(player::PlayerView::new(session, entry, now));
                    self.library_view.offered = None;
                    self.attempts.begin(&self.settings.trainee_id);
                    self.screen = Screen::Player;
                }
            }
            Command::Choose(position) => {
                if let Some(player) = &mut self.player {
                    player.choose(position, now);
                }
                self.save_attempt();
            }
            Command::TimeOut => {
                if let Some(player) = &mut self.player {
                    player.time_out(now);
                }
                self.save_attempt();
            }
            Command::Undo => {
                if let Some(player) = &mut self.player {
                    player.undo(now);
                }
            }
            Command::Continue => {
                if let Some(player) = &mut self.player {
                    player.continue_after_feedback(now);
                }
            }
            Command::ShowDebrief => {
                if self
                    .player
                    .as_ref()
                    .is_some_and(|p| p.session.is_finished())
                {
                    self.screen = Screen::Debrief;
                }
                self.save_attempt();
            }
            Command::Abandon => {
                // Kept as abandoned, with the replies made so far.
                self.save_attempt();
                self.attempts.stop();
                self.player = None;
                self.screen = Screen::Library;
            }
            Command::PlayAgain { same_seed } => {
                let Some(player) = &self.player else {
                    return;
                };
                let scenario = player.session.scenario();
                // Find the scenario again: the library may have been
                // reloaded since it started.
                let entry = self.library.entries.iter().position(|e| {
                    e.playable().is_some_and(|s| {
                        s.id.value == scenario.id.value
                            && s.language.value == scenario.language.value
                    })
                });
                let seed = same_seed.then(|| player.session.seed());
                let mode = player.session.mode();
                if let Some(entry) = entry {
                    self.apply(Command::Start { entry, mode, seed });
                }
            }
            Command::SetLanguage(lang) => self.settings.language = Some(lang),
            Command::SetScenariosFolder(folder) => {
                self.settings.scenarios_folder = folder;
                self.settings_view.folder_text = None;
                self.reload_library();
            }
            Command::ReloadLibrary => self.reload_library(),
            Command::OpenFile(path) => {
                let t = self.lang().texts();
                let is_scenario = path
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"));
                if is_scenario {
                    self.library.add_file(&path);
                    self.library.cross_check();
                    self.library_view.offered = Some(path);
                    self.library_view.notice = None;
                } else {
                    self.library_view.notice = Some(fill(
                        t.gui_not_a_scenario,
                        &[("file", &path.display().to_string())],
                    ));
                }
                if self.screen != Screen::Player {
                    self.screen = Screen::Library;
                }
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
            Command::NewScenario(form) => self.new_scenario(&form),
            Command::ResumeAttempt(attempt_id) => self.resume_attempt(&attempt_id),
            Command::DismissResume(attempt_id) => {
                self.resume_dismissed.insert(attempt_id);
            }
            Command::Classroom(command) => self.apply_classroom(command, now),
            Command::OpenWorkbench(_) | Command::OpenWorkbenchFile(_) | Command::CloseWorkbench => {
                self.workbench = workbench::apply(command, &self.library, self.workbench.take());
                if let Some(view) = self.workbench.as_mut() {
                    view.scenarios_folder = self.settings.scenarios_folder.clone();
                }
                self.screen = match (&self.workbench, self.screen) {
                    (Some(_), _) => Screen::Workbench,
                    (None, Screen::Workbench) => Screen::Library,
                    (None, screen) => screen,
                };
            }
        }
    }

    fn apply_classroom(&mut self, command: super::classroom::ClassroomCommand, now: f64) {
        let lang = self.lang();
        // The plan sits beside the trainer's scenarios, else with settings.
        let config_dir = self
            .settings_file
            .as_deref()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf));
        self.classroom.plan_file = crate::plan::plan_path(
            self.settings
                .scenarios_folder
                .as_deref()
                .or(self.options.scenarios_dir.as_deref()),
            config_dir.as_deref(),
        );
        let env = super::classroom::ApplyEnv {
            library: &self.library,
            store: self.attempts.store.as_ref(),
            lang,
            now,
        };
        if let Some(screen) = super::classroom::apply(&mut self.classroom, command, &env) {
            self.screen = screen;
        }
    }

    /// Writes the preferences as soon as they change: eframe only saves on
    /// a clean exit and every 30 s, and a killed app would lose them.
    pub(super) fn save_settings_if_changed(&mut self) {
        if self.saved_settings.as_ref() == Some(&self.settings) {
            return;
        }
        if let Some(path) = &self.settings_file {
            // A failed write is tried again at the next change or at exit;
            // the settings in memory stay right meanwhile.
            if write_settings(path, &self.settings).is_err() {
                return;
            }
        }
        self.saved_settings = Some(self.settings.clone());
    }

    fn report_first_frame(&mut self) {
        if self.first_frame_shown {
            return;
        }
        self.first_frame_shown = true;
        if let Some(started) = self.options.started_at
            && std::env::var_os(STARTUP_REPORT_VAR).is_some()
        {
            eprintln!(
                "momento: first frame after {:.0} ms",
                started.elapsed().as_secs_f64() * 1000.0
            );
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

        if self.results_for.as_deref() != Some(self.settings.trainee_id.as_str()) {
            self.refresh_best_results();
        }
        if self.settings.welcome_pending {
            self.welcome_frame_ui(ui);
            return;
        }
        self.close_request_ui(&ctx);
        let dark = ui.visuals().dark_mode;
        egui::Panel::top("top_bar")
            .frame(
                egui::Frame::new()
                    .fill(style::card_fill_of(dark))
                    .inner_margin(egui::Margin::symmetric(16, 8)),
            )
            .show(ui, |ui| self.top_bar_ui(ui));
        let own_folder = self.attempts.store.as_ref().map(|s| s.dir().to_path_buf());
        let lang = self.lang();
        let mut screen_frame = ScreenCtx {
            lang,
            t: lang.texts(),
            library: &self.library,
            best_results: &self.best_results,
            clock: &self.clock,
            commands: &mut self.commands,
        };
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(style::page_fill(dark))
                    .inner_margin(egui::Margin::symmetric(20, 14)),
            )
            .show(ui, |ui| match self.screen {
                Screen::Library => {
                    if let Some(error) = &self.resume_error {
                        ui.colored_label(ui.visuals().warn_fg_color, error);
                    }
                    let offer = super::resume::resume_offer(
                        self.attempts.of_trainee(self.settings.trainee()),
                        screen_frame.library,
                        &self.resume_dismissed,
                        screen_frame.t,
                    );
                    if let Some(offer) = offer {
                        super::resume::resume_banner_ui(ui, &offer, &mut screen_frame);
                    }
                    library::library_ui(ui, &mut self.library_view, &mut screen_frame)
                }
                Screen::Player => match &mut self.player {
                    Some(player) => player::player_ui(
                        ui,
                        player,
                        &mut screen_frame,
                        super::player_compact::compact_player_ui,
                    ),
                    None => screen_frame.send(Command::Show(Screen::Library)),
                },
                Screen::Debrief => match &mut self.player {
                    Some(player) => debrief::debrief_ui(ui, player, &mut screen_frame),
                    None => screen_frame.send(Command::Show(Screen::Library)),
                },
                Screen::Settings => settings::settings_ui(
                    ui,
                    &mut self.settings,
                    &mut self.settings_view,
                    &mut screen_frame,
                ),
                Screen::History => {
                    let history_data = history::HistoryData {
                        trainee: &self.settings.trainee_name,
                        records: self.attempts.of_trainee(self.settings.trainee()).collect(),
                        folder: self.attempts.store.as_ref().map(|s| s.dir()),
                        problems: self.attempts.problem_messages(lang),
                    };
                    history::history_ui(
                        ui,
                        &mut self.history_view,
                        &history_data,
                        &mut screen_frame,
                    )
                }
                Screen::TrainerReport => trainer_report::trainer_report_ui(
                    ui,
                    &mut self.trainer_report_view,
                    own_folder.as_deref(),
                    &mut screen_frame,
                ),
                Screen::Classroom => {
                    super::classroom::classroom_ui(ui, &mut self.classroom, &mut screen_frame)
                }
                Screen::Workbench => match &mut self.workbench {
                    Some(view) => workbench::workbench_ui(ui, view, &mut screen_frame),
                    None => screen_frame.send(Command::Show(Screen::Library)),
                },
            });
        if !self.commands.is_empty() {
            // Commands change what the screen shows: draw it again now.
            ctx.request_repaint();
            self.apply_commands();
        }
        self.report_first_frame();
        self.save_settings_if_changed();
        let countdown = self.screen == Screen::Player
            && self
                .player
                .as_ref()
                .is_some_and(|p| p.seconds_left(self.clock.now()).is_some());
        if countdown && !self.clock.is_frozen() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings_if_changed();
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
