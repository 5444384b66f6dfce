//! The app's two PDF buttons: "Save as PDF" on a past debrief (History)
//! and the facilitator sheet on a library card. Each writes a new file in
//! `Documents/Momento/` (never over an existing one) and then shows where,
//! with a button that opens the folder.
//!
//! The screens call one function each, so their own code stays as it is;
//! what the last save said is kept in egui's memory under the button's id.

use super::ScreenCtx;
use super::widgets::name_widget;
use crate::handout::save::{handouts_folder, save_new, stem};
use crate::handout::texts::texts;
use crate::handout::{HandoutError, exact_review, facilitator_sheet, trainee_debrief};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::records::record::AttemptRecord;
use egui::accesskit::Role;
use std::path::{Path, PathBuf};

/// The egui memory key under which tests (or a future setting) put the
/// folder handouts are saved in, instead of `Documents/Momento`.
pub fn folder_override_id() -> egui::Id {
    egui::Id::unique("momento_handouts_folder")
}

/// What the last save of one button said.
#[derive(Debug, Clone, PartialEq)]
enum SaveNote {
    Saved(PathBuf),
    Failed(String),
}

fn note_id(key: &str) -> egui::Id {
    egui::Id::unique(("momento_handout_note", key))
}

fn folder(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.data(|d| d.get_temp::<PathBuf>(folder_override_id()))
        .or_else(handouts_folder)
}

/// Makes a handout and saves it, remembering the outcome under `key`.
fn save(
    ctx: &egui::Context,
    key: &str,
    name: &str,
    lang: Lang,
    make: impl FnOnce() -> Result<crate::handout::Handout, HandoutError>,
) {
    let h = texts(lang);
    let note = match folder(ctx) {
        None => SaveNote::Failed(fill(h.gui_save_failed, &[("error", h.gui_no_folder)])),
        Some(dir) => match make() {
            Err(error) => {
                SaveNote::Failed(fill(h.gui_save_failed, &[("error", &error.to_string())]))
            }
            Ok(handout) => match save_new(&dir, name, &handout.bytes) {
                Ok(path) => SaveNote::Saved(path),
                Err(error) => SaveNote::Failed(fill(
                    h.gui_save_failed,
                    &[("error", &format!("{}: {error}", dir.display()))],
                )),
            },
        },
    };
    ctx.data_mut(|d| d.insert_temp(note_id(key), note));
}

/// The memory key of History's save note: one for the whole screen, so
/// the latest save is said once, whichever attempt it was.
const HISTORY_KEY: &str = "history";

/// "Save as PDF" for a past attempt (a small "PDF" button; its hover text
/// and accessible name say what it does and for which attempt). The
/// labels follow the attempt's language; the lesson and better replies
/// are added only when the library holds the very scenario file that was
/// played.
pub fn debrief_pdf_button_ui(ui: &mut egui::Ui, record: &AttemptRecord, frame: &ScreenCtx) {
    let h = texts(frame.lang);
    let button = ui.button("PDF").on_hover_text(h.gui_save_pdf);
    let label = format!(
        "{}: {} {}",
        h.gui_save_pdf,
        record.scenario.title,
        crate::records::local_time(record.started_at)
    );
    name_widget(&button, Role::Button, &label);
    if button.clicked() {
        let lang = Lang::from_code(&record.scenario.language).unwrap_or(frame.lang);
        let name = stem(&[
            "debrief",
            &record.scenario.id,
            &record.trainee,
            &crate::records::local_time(record.started_at),
        ]);
        save(ui.ctx(), HISTORY_KEY, &name, frame.lang, || {
            let scenario = frame
                .library
                .entries
                .iter()
                .filter(|e| {
                    e.id() == record.scenario.id && e.language() == record.scenario.language
                })
                .find_map(|e| e.playable().cloned());
            let review = scenario.and_then(|s| exact_review(record, s, lang));
            trainee_debrief(record, review.as_ref(), lang)
        });
    }
}

/// The facilitator sheet button of a library card: the sheet of entry
/// `index`, in the scenario's language.
pub fn facilitator_pdf_button_ui(ui: &mut egui::Ui, index: usize, frame: &ScreenCtx) {
    let Some(scenario) = frame.library.entries.get(index).and_then(|e| e.playable()) else {
        return;
    };
    let h = texts(frame.lang);
    let label = format!("{}: {}", h.gui_facilitator_pdf, scenario.title.value);
    let button = ui
        .small_button(h.gui_facilitator_pdf)
        .on_hover_text(&scenario.title.value);
    name_widget(&button, Role::Button, &label);
    if button.clicked() {
        let lang = Lang::from_code(&scenario.language.value).unwrap_or(frame.lang);
        let name = stem(&["facilitator", &scenario.id.value, &scenario.language.value]);
        let key = format!("facilitator-{index}");
        save(ui.ctx(), &key, &name, frame.lang, || {
            facilitator_sheet(scenario, lang)
        });
    }
}

/// A row under a library card's buttons (the row itself is full): the
/// facilitator sheet's button, and where the last one went.
pub fn facilitator_note_ui(ui: &mut egui::Ui, index: usize, frame: &ScreenCtx) {
    ui.horizontal_wrapped(|ui| facilitator_pdf_button_ui(ui, index, frame));
    note_ui(ui, &format!("facilitator-{index}"), frame.lang);
}

/// Where History's last debrief PDF went, if one was saved.
pub fn debrief_note_ui(ui: &mut egui::Ui, frame: &ScreenCtx) {
    note_ui(ui, HISTORY_KEY, frame.lang);
}

fn note_ui(ui: &mut egui::Ui, key: &str, lang: Lang) {
    let Some(note) = ui.ctx().data(|d| d.get_temp::<SaveNote>(note_id(key))) else {
        return;
    };
    let h = texts(lang);
    match note {
        SaveNote::Saved(path) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(fill(h.gui_saved, &[("path", &path.display().to_string())]));
                if let Some(dir) = path.parent()
                    && ui.button(h.gui_open_folder).clicked()
                {
                    open_folder(dir);
                }
            });
        }
        SaveNote::Failed(message) => {
            ui.colored_label(ui.visuals().warn_fg_color, message);
        }
    }
}

/// Opens `dir` in the system's file manager. Failing is harmless: the
/// path is on screen.
fn open_folder(dir: &Path) {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Ok(mut child) = std::process::Command::new(opener)
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        // Reaped on a thread so the opener never lingers as a zombie.
        std::thread::spawn(move || {
            let _ = child.wait();
        });
    }
}
