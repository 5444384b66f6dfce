//! The scenario editor inside the workbench: forms for every field of the
//! format that write surgical changes back into the RON file
//! ([`crate::scenario::edit`]), structure operations, drag-connect, undo
//! and redo, saving, and the choice offered when the file changes on disk
//! under unsaved edits.
//!
//! The forms never hold a copy of the scenario: each frame they draw the
//! model the loader read from the current text and queue [`Pending`]
//! edits, applied after the frame; the workbench's graph and problem list
//! are then fed the new text, so diagnostics follow every keystroke.

pub mod connect;
mod fields;
mod header_form;
mod new_scenario;
mod node_form;
pub mod panel;
mod reply_form;
pub mod translate;

pub use new_scenario::{NewScenarioForm, create_scenario, new_scenario_ui};

use crate::i18n::{Texts, fill};
use crate::lang::Lang;
use crate::scenario::edit::{Edit, EditDoc, EditError};
use crate::scenario::{Limits, model::NodeIdx};
use crate::ui::ScreenCtx;
use std::path::PathBuf;

/// An edit queued by a form during the frame.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The change.
    pub edit: Edit,
    /// Typing into one field: changes with the same key are one undo step.
    pub key: Option<String>,
    /// Select this node afterwards (by id).
    pub select: Option<String>,
}

/// What the forms remember between frames besides the file.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    /// The node whose deletion awaits confirmation.
    pub pending_delete: Option<String>,
    /// A node being renamed: its id and the new id typed.
    pub rename: Option<(String, String)>,
    /// The promise picker: action, id, text, limit (0 = realistic).
    pub promise_action: usize,
    /// The promise id typed or picked.
    pub promise_id: String,
    /// What is promised.
    pub promise_text: String,
    /// The limit picked (0 = realistic, 1–4 the four limits).
    pub promise_limit: usize,
}

/// The editor's state: the file being edited and the forms.
#[derive(Debug)]
pub struct EditorState {
    /// The text and its history.
    pub doc: EditDoc,
    /// The scenario is compiled into the app: saving writes a copy.
    pub built_in: bool,
    /// The last message (a refused change, a save).
    pub notice: Option<String>,
    /// The disk version, when the file changed on disk under unsaved edits.
    pub conflict: Option<String>,
    /// Form state.
    pub form: FormState,
    /// The generation of the text last given to the workbench's graph.
    pub shown_generation: u64,
    /// The side-by-side translation view is open.
    pub translate_open: bool,
    /// The other language's file for the translation view.
    pub twin: Option<translate::Twin>,
    /// A node picked in "Go to node", to select and show.
    pub goto: Option<String>,
}

impl EditorState {
    /// An editor on `text`, the file at `path`.
    pub fn new(path: PathBuf, text: &str, built_in: bool) -> EditorState {
        EditorState {
            doc: EditDoc::from_text(&path, text, Limits::default()),
            built_in,
            notice: None,
            conflict: None,
            form: FormState::default(),
            shown_generation: 0,
            translate_open: false,
            twin: None,
            goto: None,
        }
    }

    /// Applies queued edits; a refused one leaves the text as it was and
    /// says why. Returns a node to select, if an edit asked for one.
    pub fn apply(&mut self, pending: Vec<Pending>, lang: Lang) -> Option<String> {
        let mut select = None;
        for change in pending {
            match self.doc.apply_keyed(&change.edit, change.key.as_deref()) {
                Ok(()) => {
                    if change.key.is_none() {
                        self.doc.seal();
                    }
                    self.notice = None;
                    select = change.select.or(select);
                }
                Err(error) => self.notice = Some(error.message(lang)),
            }
        }
        select
    }

    /// Saves (a built-in scenario as a copy in `folder`). Returns the
    /// path written.
    pub fn save(&mut self, folder: Option<&std::path::Path>, t: &Texts) -> Option<PathBuf> {
        let result = if self.built_in {
            match folder {
                Some(folder) => {
                    let lang = crate::scenario::edit::ops::scenario_lang(&self.doc);
                    let name = self
                        .doc
                        .path
                        .file_name()
                        .map(|n| n.to_os_string())
                        .unwrap_or_else(|| "scenario.ron".into());
                    let target = folder.join(lang.code()).join(name);
                    let made = target
                        .parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .map_err(|e| EditError::Io(e.to_string()));
                    made.and_then(|()| self.doc.save_as(&target)).map(|()| {
                        self.built_in = false;
                        target
                    })
                }
                None => {
                    self.notice = Some(t.ed_no_folder.to_string());
                    return None;
                }
            }
        } else {
            self.doc.save().map(|()| self.doc.path.clone())
        };
        match result {
            Ok(path) => {
                self.conflict = None;
                self.notice = Some(fill(
                    t.ed_saved_to,
                    &[("path", &path.display().to_string())],
                ));
                Some(path)
            }
            Err(error) => {
                self.notice = Some(fill(t.ed_save_failed, &[("error", &error.to_string())]));
                None
            }
        }
    }

    /// The file changed on disk (`disk` is its text): our own save is
    /// ignored, a clean editor follows the disk, and unsaved edits raise
    /// the choice.
    pub fn disk_changed(&mut self, disk: &str) {
        if self.doc.is_saved_text(disk) || disk == self.doc.text() {
            return;
        }
        if self.doc.is_dirty() {
            self.conflict = Some(disk.to_string());
        } else {
            self.doc.replace_text(disk, true);
        }
    }

    /// Keep the disk version (the editor's text stays one undo away).
    pub fn take_disk(&mut self) {
        if let Some(disk) = self.conflict.take() {
            self.doc.replace_text(&disk, true);
        }
    }
}

/// Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y) and Ctrl+S, read before any text field
/// sees them. Returns true when a save was asked for.
pub fn shortcuts(ctx: &egui::Context, editor: &mut EditorState) -> bool {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let redo_y = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
    let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
    let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
    let (do_redo, do_undo, do_save) = ctx.input_mut(|i| {
        let r = i.consume_shortcut(&redo) || i.consume_shortcut(&redo_y);
        let u = i.consume_shortcut(&undo);
        let s = i.consume_shortcut(&save);
        (r, u, s)
    });
    if do_redo {
        editor.doc.redo();
    } else if do_undo {
        editor.doc.undo();
    }
    do_save
}

/// The editor's bar: undo, redo, save, state, structure buttons and the
/// on-disk conflict. Returns true when the file was saved.
pub fn editor_bar_ui(
    ui: &mut egui::Ui,
    editor: &mut EditorState,
    selected: Option<NodeIdx>,
    folder: Option<&std::path::Path>,
    frame: &mut ScreenCtx,
) -> (Vec<Pending>, bool) {
    let t = frame.t;
    let mut pending = Vec::new();
    let mut saved = false;
    ui.horizontal_wrapped(|ui| {
        let (undo_steps, redo_steps) = editor.doc.history_len();
        if ui
            .add_enabled(undo_steps > 0, egui::Button::new(t.ed_undo))
            .on_hover_text(t.ed_shortcuts)
            .clicked()
        {
            editor.doc.undo();
        }
        if ui
            .add_enabled(redo_steps > 0, egui::Button::new(t.ed_redo))
            .on_hover_text(t.ed_shortcuts)
            .clicked()
        {
            editor.doc.redo();
        }
        let dirty = editor.doc.is_dirty() || editor.built_in;
        if ui
            .add_enabled(dirty, egui::Button::new(t.ed_save))
            .on_hover_text(t.ed_shortcuts)
            .clicked()
        {
            saved = editor.save(folder, t).is_some();
        }
        if editor.doc.is_dirty() {
            ui.colored_label(egui::Color32::from_rgb(190, 120, 0), t.ed_unsaved);
        } else {
            ui.weak(t.ed_saved);
        }
        ui.separator();
        goto_ui(ui, editor, t);
        node_form::structure_buttons_ui(ui, editor, selected, &mut pending, frame);
    });
    if editor.built_in {
        ui.weak(t.ed_builtin_copy);
    }
    if let Some(notice) = &editor.notice {
        ui.colored_label(egui::Color32::from_rgb(190, 90, 0), notice);
    }
    if editor.conflict.is_some() {
        ui.colored_label(egui::Color32::from_rgb(200, 40, 40), t.ed_conflict);
        ui.horizontal_wrapped(|ui| {
            if ui.button(t.ed_conflict_reload).clicked() {
                editor.take_disk();
            }
            if ui.button(t.ed_conflict_keep).clicked() {
                editor.conflict = None;
            }
            if ui.button(t.ed_conflict_save_as).clicked() {
                let path = editor.doc.path.with_extension("mine.ron");
                match editor.doc.save_as(&path) {
                    Ok(()) => {
                        editor.notice = Some(fill(
                            t.ed_saved_to,
                            &[("path", &path.display().to_string())],
                        ));
                        editor.take_disk();
                        saved = true;
                    }
                    Err(error) => {
                        editor.notice =
                            Some(fill(t.ed_save_failed, &[("error", &error.to_string())]));
                    }
                }
            }
        });
    }
    (pending, saved)
}

/// "Go to node": every node id, to select one without finding it in the graph.
fn goto_ui(ui: &mut egui::Ui, editor: &mut EditorState, t: &Texts) {
    let ids = crate::scenario::edit::ops::node_ids(&editor.doc);
    let label = ui.label(t.ed_goto);
    egui::ComboBox::from_id_salt("editor_goto")
        .selected_text("…")
        .show_ui(ui, |ui| {
            for node_id in ids.iter().take(5_000) {
                if ui.selectable_label(false, node_id).clicked() {
                    editor.goto = Some(node_id.clone());
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The edit panel: the selected node's form, or the scenario's details.
pub fn editor_ui(
    ui: &mut egui::Ui,
    editor: &mut EditorState,
    selected: Option<NodeIdx>,
    frame: &mut ScreenCtx,
) -> Vec<Pending> {
    let t = frame.t;
    let mut pending = Vec::new();
    if editor.doc.loaded.scenario.is_none() {
        ui.colored_label(egui::Color32::from_rgb(200, 40, 40), t.ed_broken);
        return pending;
    }
    let EditorState { doc, form, .. } = editor;
    egui::ScrollArea::vertical()
        .id_salt("editor_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let Some(scenario) = doc.loaded.scenario.as_ref() else {
                return;
            };
            match selected.and_then(|n| scenario.node(n)) {
                Some(node) => {
                    node_form::node_form_ui(ui, doc, scenario, node, form, &mut pending, frame)
                }
                None => {
                    ui.weak(t.ed_select_node);
                    ui.separator();
                    header_form::header_form_ui(ui, doc, scenario, &mut pending, frame);
                }
            }
        });
    pending
}
