//! "New scenario": a small form (language, title, customer) that writes
//! the template into the trainer's scenarios folder; the app then shows
//! it in the library and opens it in the editor.

use crate::atomic;
use crate::lang::Lang;
use crate::scenario::edit::template::{self, TemplateForm};
use crate::ui::{Command, ScreenCtx};
use std::path::{Path, PathBuf};

/// The form, kept in egui's memory while open.
#[derive(Debug, Clone, Default)]
pub struct NewScenarioForm {
    /// The form is shown.
    pub open: bool,
    /// Spanish when true.
    pub spanish: bool,
    /// Title.
    pub title: String,
    /// Customer's name.
    pub customer: String,
    /// Who the customer is.
    pub persona: String,
}

/// The "New scenario" button and, once clicked, its form. Creating sends
/// [`Command::NewScenario`].
pub fn new_scenario_ui(ui: &mut egui::Ui, frame: &mut ScreenCtx) {
    let t = frame.t;
    let id = egui::Id::unique("new_scenario_form");
    let mut form: NewScenarioForm = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    if !form.open {
        if ui.button(t.ed_new).clicked() {
            form = NewScenarioForm {
                open: true,
                spanish: frame.lang == Lang::Es,
                ..NewScenarioForm::default()
            };
        }
    } else {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(t.ed_new);
            ui.horizontal(|ui| {
                let label = ui.label(t.ed_new_lang);
                ui.selectable_value(&mut form.spanish, true, "Español")
                    .labelled_by(label.id);
                ui.selectable_value(&mut form.spanish, false, "English")
                    .labelled_by(label.id);
            });
            for (label, value) in [
                (t.ed_new_title, &mut form.title),
                (t.ed_new_customer, &mut form.customer),
                (t.ed_new_persona, &mut form.persona),
            ] {
                ui.horizontal(|ui| {
                    let label = ui.label(label);
                    ui.add(egui::TextEdit::singleline(value).desired_width(320.0))
                        .labelled_by(label.id);
                });
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        !form.title.trim().is_empty(),
                        egui::Button::new(t.ed_create),
                    )
                    .clicked()
                {
                    frame.send(Command::NewScenario(TemplateForm {
                        lang: if form.spanish { Lang::Es } else { Lang::En },
                        title: form.title.clone(),
                        customer: form.customer.clone(),
                        persona: form.persona.clone(),
                    }));
                    form = NewScenarioForm::default();
                }
                if ui.button(t.ed_cancel).clicked() {
                    form = NewScenarioForm::default();
                }
            });
        });
    }
    ui.data_mut(|d| d.insert_temp(id, form));
}

/// Writes a new scenario from the template into `folder` (atomically,
/// never over an existing file). Returns its path.
pub fn create_scenario(form: &TemplateForm, folder: &Path) -> std::io::Result<PathBuf> {
    let path = template::new_scenario_path(folder, form.lang, &form.title);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            path.display().to_string(),
        ));
    }
    atomic::replace(&path, template::new_scenario(form).as_bytes())?;
    Ok(path)
}
