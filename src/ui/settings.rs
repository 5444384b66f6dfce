//! Preferences: language, theme, text size, trainee name, scenarios folder.

use super::{Command, Frame};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Light or dark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// What is persisted between runs (eframe's storage).
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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: None,
            theme: Theme::Light,
            text_scale: 1.0,
            trainee_name: String::new(),
            scenarios_folder: None,
        }
    }
}

impl Settings {
    /// The language to show: the chosen one, else the system's.
    pub fn lang(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_environment)
    }
}

/// The settings screen.
pub fn settings_ui(ui: &mut egui::Ui, settings: &mut Settings, frame: &mut Frame) {
    let t = frame.t;
    ui.heading(t.settings_title);
    ui.add_space(8.0);
    egui::Grid::new("settings_grid")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            ui.label(t.settings_language);
            ui.horizontal(|ui| {
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

            ui.label(t.settings_theme);
            ui.horizontal(|ui| {
                ui.selectable_value(&mut settings.theme, Theme::Light, t.settings_theme_light);
                ui.selectable_value(&mut settings.theme, Theme::Dark, t.settings_theme_dark);
            });
            ui.end_row();

            ui.label(t.settings_text_size);
            ui.add(
                egui::Slider::new(&mut settings.text_scale, 0.8..=2.0)
                    .step_by(0.1)
                    .text(t.settings_text_size),
            );
            ui.end_row();

            let name_label = ui.label(t.settings_trainee_name);
            ui.text_edit_singleline(&mut settings.trainee_name)
                .labelled_by(name_label.id);
            ui.end_row();
        });
}
