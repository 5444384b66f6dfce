//! The editor inside the workbench screen: opening it on the document,
//! the keyboard shortcuts, feeding each change to the graph and the
//! problem list, drops from the graph, and the Edit and Translation tabs.

use super::super::WorkbenchView;
use super::{EditorState, Pending, connect, translate};
use crate::i18n::fill;
use crate::scenario::model::NodeIdx;
use crate::ui::{Command, ScreenCtx};

/// Opens the editor on the document shown, if not open yet.
pub fn ensure_editor(view: &mut WorkbenchView) {
    if view.editor.is_none() && !view.document.source_text.is_empty() {
        let mut editor = EditorState::new(
            view.document.path.clone(),
            &view.document.source_text,
            view.document.built_in,
        );
        editor.shown_generation = editor.doc.generation;
        view.editor = Some(editor);
    }
}

/// Runs before the workbench draws: shortcuts, then the graph follows
/// the editor's text.
pub fn before_frame_ui(ctx: &egui::Context, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let Some(editor) = view.editor.as_mut() else {
        return;
    };
    if super::shortcuts(ctx, editor) {
        save(view, frame);
    }
    sync(view);
}

/// Saves, tells the library, and follows a built-in scenario's copy.
pub fn save(view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let folder = view.scenarios_folder.clone();
    let Some(editor) = view.editor.as_mut() else {
        return;
    };
    let was_built_in = editor.built_in;
    if let Some(path) = editor.save(folder.as_deref(), frame.t) {
        if was_built_in {
            let text = editor.doc.text().to_string();
            view.document = crate::graph::Document::open(&path, crate::scenario::Limits::default());
            let _ = view.document.load_text(&text);
            // The new file is watched from the next frame.
            view.restart_watch();
        }
        frame.send(Command::ReloadLibrary);
    }
}

/// Gives the graph and the problem list the editor's current text.
pub fn sync(view: &mut WorkbenchView) {
    let Some(editor) = view.editor.as_mut() else {
        return;
    };
    if editor.shown_generation == editor.doc.generation {
        return;
    }
    editor.shown_generation = editor.doc.generation;
    let text = editor.doc.text().to_string();
    view.document.load_text(&text);
    view.after_reload();
}

/// Applies edits from a form and selects what they ask for.
pub fn apply(view: &mut WorkbenchView, pending: Vec<Pending>, frame: &ScreenCtx) {
    if pending.is_empty() {
        return;
    }
    let Some(editor) = view.editor.as_mut() else {
        return;
    };
    let select = editor.apply(pending, frame.lang);
    sync(view);
    if let Some(node_id) = select {
        let node = view.document.graph.node_by_id(&node_id);
        view.select(node);
        if let Some(node) = node {
            view.graph_view.request = Some(super::super::ViewRequest::Focus(node));
        }
    }
}

/// A reply handle was dropped on `target`: connect it.
pub fn dropped_ui(
    view: &mut WorkbenchView,
    handle: connect::ReplyHandle,
    target: NodeIdx,
    frame: &ScreenCtx,
) {
    let Some(target_id) = view
        .document
        .graph
        .nodes
        .get(target as usize)
        .map(|n| n.id.clone())
    else {
        return;
    };
    let edit = connect::connect_edit(&handle, &target_id);
    apply(
        view,
        vec![Pending {
            edit,
            key: None,
            select: None,
        }],
        frame,
    );
    if let Some(editor) = view.editor.as_mut()
        && editor.notice.is_none()
    {
        editor.notice = Some(fill(
            frame.t.ed_connected,
            &[
                (
                    "reply",
                    &format!("{}/{}", handle.node_id, handle.choice + 1),
                ),
                ("node", &target_id),
            ],
        ));
    }
}

/// The Edit tab.
pub fn edit_tab_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    ensure_editor(view);
    let selected = view.selected;
    let folder = view.scenarios_folder.clone();
    let Some(editor) = view.editor.as_mut() else {
        ui.label(frame.t.ed_broken);
        return;
    };
    let (mut pending, saved) = super::editor_bar_ui(ui, editor, selected, folder.as_deref(), frame);
    ui.separator();
    pending.extend(super::editor_ui(ui, editor, selected, frame));
    let goto = editor.goto.take();
    if saved {
        frame.send(Command::ReloadLibrary);
    }
    apply(view, pending, frame);
    sync(view);
    if let Some(node_id) = goto {
        let node = view.document.graph.node_by_id(&node_id);
        view.select(node);
        if let Some(node) = node {
            view.graph_view.request = Some(super::super::ViewRequest::Focus(node));
        }
    }
}

/// The Translation tab.
pub fn translate_tab_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    ensure_editor(view);
    let t = frame.t;
    let node_id = view
        .selected
        .and_then(|n| view.document.graph.nodes.get(n as usize))
        .map(|n| n.id.clone());
    let Some(editor) = view.editor.as_mut() else {
        ui.label(t.ed_broken);
        return;
    };
    if editor.twin.is_none() {
        editor.twin = translate::open_twin(&editor.doc);
    }
    let other = translate::other_lang(&editor.doc);
    let Some(twin) = editor.twin.as_mut() else {
        ui.label(t.ed_twin_missing);
        if ui
            .button(fill(t.ed_make_twin, &[("lang", other.name())]))
            .clicked()
        {
            match translate::create_twin(&editor.doc) {
                Ok((path, twin)) => {
                    editor.notice = Some(fill(
                        t.ed_twin_created,
                        &[("path", &path.display().to_string())],
                    ));
                    editor.twin = Some(twin);
                    frame.send(Command::ReloadLibrary);
                }
                Err(path) => {
                    editor.notice = Some(fill(t.ed_twin_exists, &[("path", &path)]));
                }
            }
        }
        if let Some(notice) = &editor.notice {
            ui.label(notice);
        }
        return;
    };
    ui.horizontal(|ui| {
        let dirty = twin.doc.is_dirty();
        if ui
            .add_enabled(dirty, egui::Button::new(t.ed_save_twin))
            .clicked()
        {
            match twin.doc.save() {
                Ok(()) => frame.send(Command::ReloadLibrary),
                Err(error) => {
                    editor.notice = Some(fill(t.ed_save_failed, &[("error", &error.to_string())]));
                }
            }
        }
        if ui.button(t.ed_undo).clicked() {
            twin.doc.undo();
        }
    });
    let pending = translate::translate_ui(ui, &editor.doc, twin, node_id.as_deref(), frame);
    for change in pending {
        if let Err(error) = twin.doc.apply_keyed(&change.edit, change.key.as_deref()) {
            editor.notice = Some(error.message(frame.lang));
        }
    }
}
