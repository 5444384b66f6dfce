//! The trainer's workbench: the scenario as a graph beside the trainer's
//! editor, reloaded on every save, with its diagnostics, the analyser's
//! figures on the graph, and play from any node with a watch on the
//! engine's state.
//!
//! Everything computed (graph, layout, sidecar, reload, overlay) comes from
//! [`crate::graph`]; this module draws it and forwards clicks.

pub mod editor;
mod graph_view;
mod inspector;
mod play;
mod side;
mod tells;

/// The colour of a reply by its effect, shared with the trainer report.
pub use graph_view::effect_color;
pub use graph_view::{GraphViewState, ViewRequest};
pub use play::{PlayState, StartForm};

use super::{Command, Screen, ScreenCtx};
use crate::analysis::Analysis;
use crate::engine::EngineError;
use crate::graph::{Document, Overlay, Reload, overlay};
use crate::i18n::fill;
use crate::library::{Entry, Library, Origin};
use crate::scenario::Limits;
use crate::scenario::model::NodeIdx;
use std::sync::mpsc;

/// Which tab the right-hand panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideTab {
    /// The selected node.
    Node,
    /// Play from here and the state watch.
    Play,
    /// The editor's forms.
    Edit,
    /// The side-by-side translation.
    Translate,
}

/// An analysis running on another thread for one version of the file.
#[derive(Debug)]
struct AnalysisJob {
    generation: u64,
    receiver: mpsc::Receiver<Result<Analysis, EngineError>>,
}

/// The workbench screen's state: the open document and the view of it.
#[derive(Debug)]
pub struct WorkbenchView {
    /// The scenario file and its graph.
    pub document: Document,
    /// Pan and zoom.
    pub graph_view: GraphViewState,
    /// The selected node.
    pub selected: Option<NodeIdx>,
    /// Its id, to find it again after a reload.
    selected_id: Option<String>,
    /// The right-hand tab.
    pub tab: SideTab,
    /// The analyser overlay is switched on.
    pub overlay_on: bool,
    /// The analyser's figures for the version shown.
    pub overlay: Option<Overlay>,
    analysis_job: Option<AnalysisJob>,
    /// Why the analysis failed, if it did.
    pub analysis_error: Option<EngineError>,
    /// The session being played in the workbench.
    pub play: Option<PlayState>,
    /// The "play from here" form, while open.
    pub start_form: Option<StartForm>,
    /// Reloads since the workbench opened.
    pub reloads: u32,
    /// A problem to show once (e.g. positions could not be saved).
    pub notice: Option<String>,
    watch_started: bool,
    /// The editor, once the Edit tab was opened.
    pub editor: Option<editor::EditorState>,
    /// The trainer's scenarios folder (where a built-in scenario's copy
    /// and new files go).
    pub scenarios_folder: Option<std::path::PathBuf>,
}

impl WorkbenchView {
    /// A workbench on a document; the graph is fitted to the window.
    pub fn new(document: Document) -> WorkbenchView {
        WorkbenchView {
            document,
            graph_view: GraphViewState::default(),
            selected: None,
            selected_id: None,
            tab: SideTab::Node,
            overlay_on: false,
            overlay: None,
            analysis_job: None,
            analysis_error: None,
            play: None,
            start_form: None,
            reloads: 0,
            notice: None,
            watch_started: false,
            editor: None,
            scenarios_folder: None,
        }
    }

    /// Selects a node (or nothing) and shows its panel.
    pub fn select(&mut self, node: Option<NodeIdx>) {
        self.selected = node.filter(|&n| (n as usize) < self.document.graph.nodes.len());
        self.selected_id = self
            .selected
            .map(|n| self.document.graph.nodes[n as usize].id.clone());
        // The editor's tabs follow the selection instead of giving way.
        if self.selected.is_some() && !matches!(self.tab, SideTab::Edit | SideTab::Translate) {
            self.tab = SideTab::Node;
        }
    }

    /// Selects the node diagnostic `index` points at and centres the view
    /// on it. Returns the node, if the diagnostic points at one.
    pub fn select_diagnostic(&mut self, index: usize) -> Option<NodeIdx> {
        let node = self.document.diagnostic_nodes.get(index).copied().flatten();
        if let Some(node) = node {
            self.select(Some(node));
            self.graph_view.request = Some(ViewRequest::Focus(node));
        }
        node
    }

    /// Reloads on save and collects a finished analysis.
    fn poll(&mut self, ctx: &egui::Context) {
        if !self.watch_started {
            self.watch_started = true;
            let repaint = ctx.clone();
            // A failed watch is shown in the toolbar; the workbench still works.
            let _ = self.document.watch(move || repaint.request_repaint());
        }
        let disk = self.document.poll();
        if disk != Reload::Unchanged
            && let Some(editor) = self.editor.as_mut()
        {
            editor.disk_changed(&self.document.source_text.clone());
            editor.shown_generation = u64::MAX;
        }
        if disk == Reload::Reloaded {
            self.reloads += 1;
            self.selected = self
                .selected_id
                .as_deref()
                .and_then(|id| self.document.graph.node_by_id(id));
            self.overlay = None;
            self.analysis_job = None;
        }
        if let Some(job) = &self.analysis_job
            && let Ok(result) = job.receiver.try_recv()
        {
            let generation = job.generation;
            self.analysis_job = None;
            match result {
                Ok(analysis) if generation == self.document.generation => {
                    if let Some(scenario) = &self.document.scenario {
                        self.overlay = Some(Overlay::of(&self.document.graph, scenario, analysis));
                    }
                }
                Ok(_) => {}
                Err(error) => self.analysis_error = Some(error),
            }
        }
        if self.overlay_on && self.overlay.is_none() && self.analysis_job.is_none() {
            self.start_analysis(ctx);
        }
    }

    fn start_analysis(&mut self, ctx: &egui::Context) {
        let Some(scenario) = self.document.playable().cloned() else {
            return;
        };
        self.analysis_error = None;
        let (sender, receiver) = mpsc::channel();
        let options = overlay::options_for(scenario.nodes.len());
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(crate::analysis::analyze(scenario, &options));
            repaint.request_repaint();
        });
        self.analysis_job = Some(AnalysisJob {
            generation: self.document.generation,
            receiver,
        });
    }

    /// Finds the selection again and drops figures of the old version
    /// (after a reload or an edit).
    pub fn after_reload(&mut self) {
        self.selected = self
            .selected_id
            .as_deref()
            .and_then(|id| self.document.graph.node_by_id(id));
        self.overlay = None;
        self.analysis_job = None;
    }

    /// Watches the document's file again (after it changed path).
    pub fn restart_watch(&mut self) {
        self.watch_started = false;
    }

    /// True while the analyser runs.
    pub fn is_analysing(&self) -> bool {
        self.analysis_job.is_some()
    }
}

/// Applies the workbench's app-level commands: open a library entry or a
/// file, or close. Returns the workbench to keep.
pub fn apply(
    command: Command,
    library: &Library,
    current: Option<WorkbenchView>,
) -> Option<WorkbenchView> {
    match command {
        Command::OpenWorkbench(index) => match library.entries.get(index) {
            Some(entry) => Some(WorkbenchView::new(document_of(entry))),
            None => current,
        },
        Command::OpenWorkbenchFile(path) => {
            Some(WorkbenchView::new(Document::open(&path, Limits::default())))
        }
        Command::CloseWorkbench => None,
        _ => current,
    }
}

/// The document for a library entry: a built-in scenario from its text
/// (with the library's cross-language diagnostics), a trainer's file
/// read afresh from disk.
fn document_of(entry: &Entry) -> Document {
    match entry.origin {
        Origin::BuiltIn => Document::from_text(
            &entry.path,
            &entry.text,
            true,
            Some(entry.diagnostics.clone()),
            Limits::default(),
        ),
        Origin::File => Document::open(&entry.path, Limits::default()),
    }
}

/// Draws the workbench.
pub fn workbench_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    view.poll(ui.ctx());
    editor::panel::before_frame_ui(ui.ctx(), view, frame);
    egui::Panel::top("workbench_toolbar").show(ui, |ui| toolbar_ui(ui, view, frame));
    // Below a width the side panels shrink to a share of the window, so
    // the graph keeps at least 40 % of it (1024×600 at 175 % is ~585
    // points wide; 250 + 340 used to leave the graph nothing).
    let (problems_width, inspector_width) = super::responsive::side_panel_widths(ui, 250.0, 340.0);
    egui::Panel::left("workbench_problems")
        .resizable(true)
        .default_size(problems_width)
        .max_size(problems_width.max(ui.available_width() * 0.3))
        .show(ui, |ui| side::side_ui(ui, view, frame));
    egui::Panel::right("workbench_inspector")
        .resizable(true)
        .default_size(inspector_width)
        .max_size(inspector_width.max(ui.available_width() * 0.3))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut view.tab, SideTab::Node, frame.t.wb_tab_node);
                ui.selectable_value(&mut view.tab, SideTab::Play, frame.t.wb_tab_play);
                ui.selectable_value(&mut view.tab, SideTab::Edit, frame.t.ed_tab);
                ui.selectable_value(&mut view.tab, SideTab::Translate, frame.t.ed_translate);
            });
            ui.separator();
            match view.tab {
                SideTab::Node => inspector::inspector_ui(ui, view, frame),
                SideTab::Play => play::play_ui(ui, view, frame),
                SideTab::Edit => editor::panel::edit_tab_ui(ui, view, frame),
                SideTab::Translate => editor::panel::translate_tab_ui(ui, view, frame),
            }
        });
    egui::CentralPanel::default().show(ui, |ui| {
        if view.document.graph.nodes.is_empty() {
            ui.centered_and_justified(|ui| ui.label(frame.t.wb_no_graph));
            return;
        }
        let visited = view
            .play
            .as_ref()
            .filter(|p| p.generation == view.document.generation)
            .map(|p| p.visited.clone())
            .unwrap_or_default();
        let marks = graph_view::PlayMarks {
            current: view
                .play
                .as_ref()
                .filter(|p| p.generation == view.document.generation)
                .map(|p| p.session.node_index()),
            visited: &visited,
        };
        let overlay = if view.overlay_on {
            view.overlay.take()
        } else {
            None
        };
        let events = graph_view::graph_ui(ui, view, overlay.as_ref(), marks, frame.t);
        if view.overlay_on {
            view.overlay = overlay;
        }
        if let Some((handle, target)) = events.dropped_reply {
            editor::panel::ensure_editor(view);
            editor::panel::dropped_ui(view, handle, target, frame);
        }
        if let Some(node) = events.clicked {
            view.select(Some(node));
        } else if events.clicked_background {
            view.select(None);
        }
        if events.drag_ended
            && let Err(error) = view.document.save_positions()
        {
            view.notice = Some(fill(
                frame.t.wb_sidecar_save_failed,
                &[("error", &error.message(frame.lang))],
            ));
        }
    });
}

fn toolbar_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let document = &view.document;
    ui.horizontal_wrapped(|ui| {
        let title = document
            .scenario
            .as_ref()
            .map(|s| s.title.value.clone())
            .unwrap_or_default();
        ui.strong(fill(t.wb_title, &[("title", &title)]));
        ui.label(
            egui::RichText::new(document.path.display().to_string())
                .monospace()
                .weak(),
        );
        ui.separator();
        if document.stale {
            ui.colored_label(egui::Color32::from_rgb(200, 40, 40), t.wb_stale);
        } else if document.built_in {
            ui.weak(t.wb_not_watched_builtin);
        } else if let Some(warning) = &document.watch_warning {
            ui.colored_label(
                egui::Color32::from_rgb(190, 130, 0),
                fill(
                    t.wb_watch_failed,
                    &[("error", &warning.message(frame.lang))],
                ),
            );
        } else {
            ui.colored_label(egui::Color32::from_rgb(40, 140, 70), t.wb_live);
            if view.reloads > 0 {
                ui.weak(fill(t.wb_reloaded, &[("count", &view.reloads.to_string())]));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.wb_fit).clicked() {
            view.graph_view.request = Some(ViewRequest::Fit);
        }
        let can_reset = view.document.has_positions();
        if ui
            .add_enabled(can_reset, egui::Button::new(t.wb_auto_layout))
            .clicked()
            && let Err(error) = view.document.reset_positions()
        {
            view.notice = Some(fill(
                t.wb_sidecar_save_failed,
                &[("error", &error.message(frame.lang))],
            ));
        }
        let playable = view.document.playable().is_some();
        ui.add_enabled(
            playable,
            egui::Checkbox::new(&mut view.overlay_on, t.wb_overlay),
        );
        if view.is_analysing() {
            ui.spinner();
            ui.weak(t.wb_analysing);
        }
        if ui
            .add_enabled(playable, egui::Button::new(t.wb_play_start))
            .clicked()
        {
            play::start(view, None, frame);
        }
        if ui.button(t.wb_close).clicked() {
            frame.send(Command::CloseWorkbench);
            frame.send(Command::Show(Screen::Library));
        }
    });
    if let Some(warning) = &view.document.sidecar_warning {
        ui.colored_label(
            egui::Color32::from_rgb(190, 130, 0),
            fill(
                t.wb_sidecar_warning,
                &[("error", &warning.message(frame.lang))],
            ),
        );
    }
    if let Some(notice) = &view.notice {
        ui.colored_label(egui::Color32::from_rgb(190, 130, 0), notice);
    }
    if view.document.built_in && view.document.has_positions() {
        ui.weak(t.wb_positions_session_only);
    }
}
