//! Preferences: language, theme, text size, trainee name, scenarios folder.

use super::widgets::card_frame;
use super::{Command, ScreenCtx};
use crate::i18n::fill;
use crate::lang::Lang;
use egui::RichText;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Light or dark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// Text sizes offered (scale of the whole UI).
pub const TEXT_SCALES: [f32; 6] = [0.9, 1.0, 1.15, 1.3, 1.5, 1.75];

/// What is persisted between runs, in `settings.ron` (see [`settings_path`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language; `None` until chosen, then the system locale decides.
    pub language: Option<Lang>,
    /// Light or dark.
    pub theme: Theme,
    /// Scale of the whole UI (1.0 = normal; larger for projectors).
    pub text_scale: f32,
    /// The trainee's name.
    pub trainee_name: String,
    /// A folder of the trainer's own scenarios.
    pub scenarios_folder: Option<PathBuf>,
    /// The trainee's stable id, generated once: attempts belong to it, so
    /// renaming keeps the history. Empty until the app first starts.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub trainee_id: String,
    /// The name in use when `trainee_id` was created: attempts saved before
    /// ids existed under it (or with no name) are this trainee's (see
    /// [`crate::records::trainee`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legacy_name: Option<String>,
    /// The first-run welcome (name and language) is still to be shown.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub welcome_pending: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            theme: Theme::Light,
            text_scale: 1.0,
            trainee_name: String::new(),
            scenarios_folder: None,
            trainee_id: String::new(),
            legacy_name: None,
            welcome_pending: false,
        }
    }
}

impl Settings {
    /// The language to show: the chosen one, else the system's.
    pub fn lang(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_environment)
    }

    /// The trainee whose attempts these settings select.
    pub fn trainee(&self) -> crate::records::Trainee<'_> {
        crate::records::Trainee {
            trainee_id: &self.trainee_id,
            legacy_name: self.legacy_name.as_deref(),
        }
    }

    /// Gives the trainee a stable id the first time this version runs,
    /// remembering the name in use then (see [`Settings::legacy_name`]).
    /// With `ask_name`, a trainee without a name is welcomed and asked for
    /// one. Returns true when an id was created.
    pub fn ensure_trainee_id(&mut self, ask_name: bool) -> bool {
        if !self.trainee_id.trim().is_empty() {
            return false;
        }
        self.trainee_id = crate::records::new_attempt_id();
        self.legacy_name = Some(self.trainee_name.trim().to_string());
        if ask_name && self.trainee_name.trim().is_empty() {
            self.welcome_pending = true;
        }
        true
    }
}

/// The largest settings file read: a few hundred bytes are expected.
const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// Where the settings live: `settings.ron` in the user's configuration
/// folder (`~/.config/momento` on Linux, `%APPDATA%\Momento\config` on
/// Windows).
pub fn settings_path() -> Option<PathBuf> {
    crate::paths::settings_file()
}

/// Reads settings written by [`write_settings`]; `None` when the file is
/// missing, too large or unreadable, so the defaults apply.
///
/// Only a regular file is read ([`crate::regular::read_bounded`]), so a
/// settings path that is a FIFO or a device cannot stop the app starting.
pub fn read_settings(path: &Path) -> Option<Settings> {
    let bytes = crate::regular::read_bounded(path, MAX_SETTINGS_BYTES).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    ron::from_str(&text).ok()
}

/// The language the user chose in the app's settings, else the system's:
/// what every screen and message of the app speaks, including the
/// standalone `momento workbench FILE` and its errors before a window opens.
pub fn configured_lang() -> Lang {
    settings_path()
        .as_deref()
        .and_then(read_settings)
        .map_or_else(Lang::from_environment, |settings| settings.lang())
}

/// Writes the settings atomically ([`crate::atomic::replace`]), creating
/// the folder if needed.
pub fn write_settings(path: &Path, settings: &Settings) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    crate::atomic::replace(path, text.as_bytes())
}

/// Settings screen state.
#[derive(Debug, Default)]
pub struct SettingsView {
    /// The folder path being typed, before it is loaded.
    pub folder_text: Option<String>,
    /// Scenario files loaded from the folder, when one is set.
    pub folder_files: usize,
    /// The folder set does not exist.
    pub folder_missing: bool,
    /// The folder given with `--scenarios`, shown for information.
    pub command_line_folder: Option<PathBuf>,
    /// Where this session keeps its data, shown under the settings.
    pub data_paths: crate::paths::DataPaths,
}

/// The settings screen.
pub fn settings_ui(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    view: &mut SettingsView,
    frame: &mut ScreenCtx,
) {
    let t = frame.t;
    if ui.memory(|m| m.focused().is_none())
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    {
        frame.send(Command::Show(super::Screen::Library));
    }
    // The whole screen scrolls: at 175 % on a small laptop the folder row
    // is below the window.
    let area = egui::ScrollArea::vertical()
        .id_salt("settings_scroll")
        .auto_shrink(false);
    super::keyboard::scroll_ui(ui, area, true, |ui| {
        ui.label(RichText::new(t.settings_title).size(26.0).strong());
        ui.label(RichText::new(t.gui_settings_saved).weak());
        ui.add_space(10.0);
        let narrow = super::responsive::is_narrow(ui);
        card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            egui::Grid::new("settings_grid")
                .num_columns(2)
                .spacing([if narrow { 12.0 } else { 24.0 }, 16.0])
                .min_col_width(if narrow { 80.0 } else { 180.0 })
                .max_col_width(ui.available_width() * if narrow { 0.68 } else { 0.75 })
                .show(ui, |ui| {
                    ui.label(RichText::new(t.settings_language).strong());
                    ui.horizontal_wrapped(|ui| {
                        for lang in Lang::ALL {
                            if ui
                                .selectable_label(frame.lang == lang, lang.name())
                                .clicked()
                            {
                                frame.send(Command::SetLanguage(lang));
                            }
                        }
                    });
                    ui.end_row();

                    ui.label(RichText::new(t.settings_theme).strong());
                    ui.horizontal_wrapped(|ui| {
                        ui.selectable_value(
                            &mut settings.theme,
                            Theme::Light,
                            t.settings_theme_light,
                        );
                        ui.selectable_value(
                            &mut settings.theme,
                            Theme::Dark,
                            t.settings_theme_dark,
                        );
                    });
                    ui.end_row();

                    ui.label(RichText::new(t.settings_text_size).strong());
                    ui.vertical(|ui| {
                        ui.horizontal_wrapped(|ui| {
                            for scale in TEXT_SCALES {
                                let selected = (settings.text_scale - scale).abs() < 0.01;
                                let label = format!("{:.0} %", scale * 100.0);
                                if ui.selectable_label(selected, label).clicked() {
                                    settings.text_scale = scale;
                                }
                            }
                        });
                        ui.label(RichText::new(t.gui_text_size_help).small().weak());
                    });
                    ui.end_row();

                    let name_label = ui.label(RichText::new(t.settings_trainee_name).strong());
                    ui.vertical(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut settings.trainee_name)
                                .desired_width(ui.available_width().min(320.0))
                                .hint_text(t.gui_trainee_hint),
                        )
                        .labelled_by(name_label.id);
                        ui.label(RichText::new(t.gui_trainee_help).small().weak());
                    });
                    ui.end_row();

                    let folder_label = ui.label(RichText::new(t.gui_folder).strong());
                    ui.vertical(|ui| folder_ui(ui, settings, view, folder_label.id, frame));
                    ui.end_row();
                });
        });
    });
    let folders = [&settings.scenarios_folder, &view.command_line_folder].map(Option::as_deref);
    super::data_paths::data_paths_ui(ui, t, &view.data_paths, folders);
}

fn folder_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    view: &mut SettingsView,
    label: egui::Id,
    frame: &mut ScreenCtx,
) {
    let t = frame.t;
    let current = settings
        .scenarios_folder
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let text = view.folder_text.get_or_insert_with(|| current.clone());
    let mut submit = false;
    ui.horizontal_wrapped(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .desired_width(ui.available_width().min(420.0))
                    .hint_text(t.gui_folder_hint),
            )
            .labelled_by(label);
        submit |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        submit |= ui.button(t.gui_folder_load).clicked();
        let start = settings.scenarios_folder.as_deref();
        let native = !frame.clock.is_frozen();
        if let Some(folder) =
            super::folder_picker::browse_button_ui(ui, "scenarios", start, native, t)
        {
            *text = folder.display().to_string();
            submit = true;
        }
        if settings.scenarios_folder.is_some() && ui.button(t.gui_folder_remove).clicked() {
            text.clear();
            submit = true;
        }
    });
    if submit {
        let trimmed = text.trim();
        frame.send(Command::SetScenariosFolder(
            (!trimmed.is_empty()).then(|| PathBuf::from(trimmed)),
        ));
    }
    if settings.scenarios_folder.is_some() {
        let (message, color) = if view.folder_missing {
            (t.gui_folder_missing.to_string(), super::style::bad(ui))
        } else {
            (
                fill(
                    t.gui_folder_loaded,
                    &[("count", &view.folder_files.to_string())],
                ),
                ui.visuals().weak_text_color(),
            )
        };
        ui.label(RichText::new(message).small().color(color));
    }
    ui.label(RichText::new(t.gui_folder_help).small().weak());
    if let Some(path) = &view.command_line_folder {
        ui.label(
            RichText::new(fill(
                t.gui_folder_command_line,
                &[("path", &path.display().to_string())],
            ))
            .small()
            .weak(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_write_and_a_read_and_bad_files_give_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config").join("settings.ron");
        let settings = Settings {
            language: Some(Lang::Es),
            theme: Theme::Dark,
            text_scale: 1.75,
            trainee_name: "Núria".to_string(),
            scenarios_folder: Some(PathBuf::from("/escenarios")),
            trainee_id: "5f0c1d2e-0000-4000-8000-000000000001".to_string(),
            legacy_name: Some("Nuri".to_string()),
            welcome_pending: true,
        };
        write_settings(&path, &settings).expect("written");
        assert_eq!(read_settings(&path), Some(settings));
        std::fs::write(&path, "not RON at all (").expect("written");
        assert_eq!(read_settings(&path), None);
        assert_eq!(read_settings(&dir.path().join("missing.ron")), None);
    }

    #[test]
    fn a_settings_file_of_an_earlier_version_still_reads_and_gets_an_id_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.ron");
        std::fs::write(
            &path,
            "(language: Some(En), theme: Light, text_scale: 1.0, trainee_name: \"Ana\", scenarios_folder: None)",
        )
        .expect("written");
        let mut settings = read_settings(&path).expect("an older file reads");
        assert_eq!(settings.trainee_name, "Ana");
        assert!(settings.trainee_id.is_empty());
        assert!(settings.ensure_trainee_id(true));
        let id = settings.trainee_id.clone();
        assert_eq!(id.len(), 36, "a UUID: {id}");
        assert_eq!(settings.legacy_name.as_deref(), Some("Ana"));
        // A trainee who already has a name is not welcomed again.
        assert!(!settings.welcome_pending);
        // Renaming keeps the id, and a second start creates none.
        settings.trainee_name = "Ana María".to_string();
        assert!(!settings.ensure_trainee_id(true));
        assert_eq!(settings.trainee_id, id);
        write_settings(&path, &settings).expect("written");
        assert_eq!(read_settings(&path), Some(settings));
    }

    #[test]
    fn a_trainee_without_a_name_is_welcomed_once() {
        let mut settings = Settings::default();
        assert!(settings.ensure_trainee_id(true));
        assert!(settings.welcome_pending);
        assert_eq!(settings.legacy_name.as_deref(), Some(""));
        // Settings given by a test or a kiosk do not ask.
        let mut given = Settings::default();
        given.ensure_trainee_id(false);
        assert!(!given.welcome_pending);
    }
}
