//! The first-run welcome: who is training (the name can be skipped) and in
//! which language. Shown once; [`Settings::welcome_pending`] remembers
//! whether it still has to be.

use super::settings::Settings;
use super::widgets::card_frame;
use crate::lang::Lang;
use egui::RichText;

/// What the welcome screen remembers while it is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WelcomeView {
    /// The name being typed; it becomes the trainee's name on "Start".
    pub name: Option<String>,
}

/// How the welcome was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WelcomeChoice {
    /// "Start" (or Enter in the name field): the typed name is kept.
    Start,
    /// "Skip for now": no name.
    Skip,
}

/// Applies the trainee's choice to the settings: the welcome is done.
pub fn finish_welcome(settings: &mut Settings, view: &mut WelcomeView, choice: WelcomeChoice) {
    let typed = view.name.take().unwrap_or_default();
    settings.trainee_name = match choice {
        WelcomeChoice::Start => typed.trim().to_string(),
        WelcomeChoice::Skip => String::new(),
    };
    settings.welcome_pending = false;
}

/// Draws the welcome and applies the trainee's choices to `settings`.
pub fn welcome_ui(ui: &mut egui::Ui, view: &mut WelcomeView, settings: &mut Settings) {
    let lang = settings.lang();
    let t = lang.texts();
    let mut choice = None;
    egui::ScrollArea::vertical()
        .id_salt("welcome_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(24.0);
                ui.set_max_width(620.0);
                card_frame(ui).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(t.welcome_title).size(26.0).strong());
                    ui.add_space(6.0);
                    ui.label(RichText::new(t.welcome_intro).size(16.0));
                    ui.add_space(16.0);

                    ui.label(RichText::new(t.welcome_language).strong());
                    ui.horizontal(|ui| {
                        for option in Lang::ALL {
                            let chosen = lang == option;
                            let response = ui
                                .selectable_label(chosen, RichText::new(option.name()).size(16.0));
                            if response.clicked() {
                                settings.language = Some(option);
                            }
                        }
                    });
                    ui.add_space(14.0);

                    let name_label = ui.label(RichText::new(t.welcome_name).strong());
                    let name = view
                        .name
                        .get_or_insert_with(|| settings.trainee_name.clone());
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(name)
                                .desired_width(ui.available_width().min(360.0))
                                .hint_text(t.gui_trainee_hint),
                        )
                        .labelled_by(name_label.id);
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        choice = Some(WelcomeChoice::Start);
                    }
                    ui.label(RichText::new(t.welcome_name_help).small().weak());
                    ui.add_space(16.0);
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .button(RichText::new(t.welcome_start).size(16.0).strong())
                            .clicked()
                        {
                            choice = Some(WelcomeChoice::Start);
                        }
                        if ui
                            .button(RichText::new(t.welcome_skip).size(16.0))
                            .clicked()
                        {
                            choice = Some(WelcomeChoice::Skip);
                        }
                    });
                    ui.label(RichText::new(t.welcome_skip_help).small().weak());
                });
            });
        });
    if let Some(choice) = choice {
        finish_welcome(settings, view, choice);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_keeps_the_trimmed_name_and_skip_keeps_none() {
        let mut settings = Settings {
            welcome_pending: true,
            ..Settings::default()
        };
        let mut view = WelcomeView {
            name: Some("  Lucía ".to_string()),
        };
        finish_welcome(&mut settings, &mut view, WelcomeChoice::Start);
        assert_eq!(settings.trainee_name, "Lucía");
        assert!(!settings.welcome_pending);

        let mut settings = Settings {
            welcome_pending: true,
            ..Settings::default()
        };
        let mut view = WelcomeView {
            name: Some("half typed".to_string()),
        };
        finish_welcome(&mut settings, &mut view, WelcomeChoice::Skip);
        assert_eq!(settings.trainee_name, "");
        assert!(!settings.welcome_pending);
    }
}
