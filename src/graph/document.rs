//! The scenario file open in the workbench: its latest diagnostics, the
//! graph and layout of its latest good version, the hand-placed positions
//! from the sidecar, and reloading on save.
//!
//! A save that still parses (even with errors) replaces the graph, so the
//! diagnostics can point at its nodes. A save that cannot be read at all
//! (a syntax error, an unreadable file) keeps the last good graph on
//! screen, marked stale, next to the errors.

use super::sidecar::{self, Positions};
use super::{Graph, Layout, Point, layout};
use crate::diagnostic::{Diagnostic, Severity};
use crate::hash::content_hash;
use crate::scenario::model::{NodeIdx, Scenario};
use crate::scenario::{self, Limits};
use crate::watch::{FileWatcher, WatchError};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a reload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reload {
    /// Nothing changed (no save, or the same bytes).
    Unchanged,
    /// A new version is shown.
    Reloaded,
    /// The new version cannot be read; the last good graph stays, stale.
    Broken,
}

/// A scenario open in the workbench.
#[derive(Debug)]
pub struct Document {
    /// The scenario file.
    pub path: PathBuf,
    /// True for a scenario compiled into the app: not watched, and dragged
    /// positions are not saved.
    pub built_in: bool,
    /// Diagnostics of the latest version read.
    pub diagnostics: Vec<Diagnostic>,
    /// Per diagnostic: the node it points at, in the graph shown.
    pub diagnostic_nodes: Vec<Option<NodeIdx>>,
    /// Per node: the most serious diagnostic pointing at it.
    pub node_problems: Vec<Option<Severity>>,
    /// The scenario drawn (the latest version that could be read).
    pub scenario: Option<Arc<Scenario>>,
    /// Its graph.
    pub graph: Graph,
    /// Its layout, hand-placed positions applied.
    pub layout: Layout,
    /// The latest save could not be read: the graph is of an older version.
    pub stale: bool,
    /// Counts the versions shown, so views can refresh what they cache.
    pub generation: u64,
    /// A problem with the sidecar (shown as a warning; positions ignored).
    pub sidecar_warning: Option<sidecar::SidecarError>,
    /// A problem watching the file (live reload is off).
    pub watch_warning: Option<WatchError>,
    /// The text of the latest version read (for the editor).
    pub source_text: String,
    positions: Positions,
    text_hash: String,
    limits: Limits,
    watcher: Option<FileWatcher>,
}

impl Document {
    /// Opens a scenario file from disk (and its sidecar).
    pub fn open(path: &Path, limits: Limits) -> Document {
        let mut document = Document::empty(path, false, limits);
        document.read_sidecar();
        document.reload();
        document
    }

    /// Opens a scenario from its text (a built-in one, or a library entry
    /// already read), with diagnostics already computed (e.g. with the
    /// cross-language checks of the library).
    pub fn from_text(
        path: &Path,
        text: &str,
        built_in: bool,
        diagnostics: Option<Vec<Diagnostic>>,
        limits: Limits,
    ) -> Document {
        let mut document = Document::empty(path, built_in, limits);
        if !built_in {
            document.read_sidecar();
        }
        document.load_text(text);
        if let Some(diagnostics) = diagnostics {
            document.set_diagnostics(diagnostics);
        }
        document
    }

    fn empty(path: &Path, built_in: bool, limits: Limits) -> Document {
        Document {
            path: path.to_path_buf(),
            built_in,
            diagnostics: Vec::new(),
            diagnostic_nodes: Vec::new(),
            node_problems: Vec::new(),
            scenario: None,
            graph: Graph::default(),
            layout: Layout::default(),
            stale: false,
            generation: 0,
            sidecar_warning: None,
            watch_warning: None,
            source_text: String::new(),
            positions: Positions::new(),
            text_hash: String::new(),
            limits,
            watcher: None,
        }
    }

    /// Starts live reload: `on_change` runs (on another thread) after each
    /// save, and [`Document::poll`] then reloads. Built-in scenarios are
    /// not watched.
    pub fn watch(&mut self, on_change: impl Fn() + Send + 'static) -> Result<(), WatchError> {
        if self.built_in {
            return Ok(());
        }
        match FileWatcher::new(&self.path, on_change) {
            Ok(watcher) => {
                self.watcher = Some(watcher);
                self.watch_warning = None;
                Ok(())
            }
            Err(error) => {
                self.watch_warning = Some(error.clone());
                Err(error)
            }
        }
    }

    /// True while the file is watched.
    pub fn is_watched(&self) -> bool {
        self.watcher.is_some()
    }

    /// Reloads if the watcher saw a save since the last call.
    pub fn poll(&mut self) -> Reload {
        match &self.watcher {
            Some(watcher) if watcher.take_change() => self.reload(),
            _ => Reload::Unchanged,
        }
    }

    /// Reads the file again.
    pub fn reload(&mut self) -> Reload {
        if self.built_in {
            return Reload::Unchanged;
        }
        match crate::scenario::file::read_text(&self.path, &self.limits) {
            Ok(text) => self.load_text(&text),
            Err(diagnostic) => {
                self.text_hash.clear();
                self.show_broken(vec![*diagnostic]);
                Reload::Broken
            }
        }
    }

    /// Loads a new version from its text.
    pub fn load_text(&mut self, text: &str) -> Reload {
        let hash = content_hash(text.as_bytes());
        if hash == self.text_hash && self.generation > 0 {
            return Reload::Unchanged;
        }
        self.source_text = text.to_string();
        self.text_hash = hash;
        let loaded = scenario::load_str(&self.path, text, &self.limits);
        let Some(mut scenario) = loaded.scenario else {
            self.show_broken(loaded.diagnostics);
            return Reload::Broken;
        };
        scenario.source.built_in = self.built_in;
        self.graph = Graph::of(&scenario);
        self.layout = layout::layout(&self.graph);
        self.layout.apply_positions(&self.graph, &self.positions);
        self.scenario = Some(Arc::new(scenario));
        self.stale = false;
        self.generation += 1;
        self.set_diagnostics(loaded.diagnostics);
        Reload::Reloaded
    }

    fn show_broken(&mut self, diagnostics: Vec<Diagnostic>) {
        self.stale = self.scenario.is_some();
        self.set_diagnostics(diagnostics);
    }

    fn set_diagnostics(&mut self, diagnostics: Vec<Diagnostic>) {
        // Offsets of a broken version do not match the graph shown.
        self.diagnostic_nodes = diagnostics
            .iter()
            .map(|d| match (&self.scenario, self.stale) {
                (Some(scenario), false) => scenario.node_at(d.span.start),
                _ => None,
            })
            .collect();
        self.node_problems = vec![None; self.graph.nodes.len()];
        for (diagnostic, node) in diagnostics.iter().zip(&self.diagnostic_nodes) {
            if let Some(slot) = node.and_then(|n| self.node_problems.get_mut(n as usize)) {
                *slot = Some(slot.map_or(diagnostic.severity, |s| s.min(diagnostic.severity)));
            }
        }
        self.diagnostics = diagnostics;
    }

    /// The scenario, when the version shown can be played.
    pub fn playable(&self) -> Option<&Arc<Scenario>> {
        let has_errors = self
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        match &self.scenario {
            Some(scenario) if scenario.checked && !self.stale && !has_errors => Some(scenario),
            _ => None,
        }
    }

    /// The diagnostics pointing at `node`.
    pub fn diagnostics_of(&self, node: NodeIdx) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .zip(&self.diagnostic_nodes)
            .filter(move |(_, n)| **n == Some(node))
            .map(|(d, _)| d)
    }

    /// Error and warning counts of the latest version.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }

    /// Moves a node by hand (remembered; saved by [`Document::save_positions`]).
    pub fn move_node(&mut self, node: NodeIdx, center: Point) {
        let Some(graph_node) = self.graph.nodes.get(node as usize) else {
            return;
        };
        self.positions.insert(graph_node.id.clone(), center);
        self.layout.move_node(&self.graph, node, center);
    }

    /// Writes the hand-placed positions to the sidecar (not for built-in
    /// scenarios, whose positions last for the session).
    pub fn save_positions(&mut self) -> Result<(), sidecar::SidecarError> {
        if self.built_in {
            return Ok(());
        }
        // Keep positions of nodes that a broken version may have hidden.
        sidecar::write(&sidecar::sidecar_path(&self.path), &self.positions)
    }

    /// Forgets every hand-placed position and lays the graph out again.
    pub fn reset_positions(&mut self) -> Result<(), sidecar::SidecarError> {
        self.positions.clear();
        self.layout = layout::layout(&self.graph);
        self.save_positions()
    }

    /// True when some node was placed by hand.
    pub fn has_positions(&self) -> bool {
        !self.positions.is_empty()
    }

    fn read_sidecar(&mut self) {
        match sidecar::read(&sidecar::sidecar_path(&self.path)) {
            Ok(positions) => {
                self.positions = positions.unwrap_or_default();
                self.sidecar_warning = None;
            }
            Err(error) => {
                self.positions.clear();
                self.sidecar_warning = Some(error);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"Scenario(
    format: 1, id: "d", version: 1, language: "en", title: "D", summary: "S",
    customer: (names: ["A"], persona: "P"),
    start: "a",
    nodes: {
        "a": Node(text: "Hello there", choices: [
            Choice(id: "1", text: "x", feedback: "f", next: "end"),
        ]),
        "end": Ending(outcome: Kept, text: "E", debrief: "D"),
    },
)"#;

    #[test]
    fn broken_saves_keep_the_last_good_graph_stale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, GOOD).unwrap();
        let mut document = Document::open(&path, Limits::default());
        assert!(document.playable().is_some());
        assert_eq!(document.graph.nodes.len(), 2);
        assert_eq!(document.reload(), Reload::Unchanged, "same bytes");

        std::fs::write(&path, "Scenario(format: 1, nodes: {").unwrap();
        assert_eq!(document.reload(), Reload::Broken);
        assert!(document.stale);
        assert_eq!(document.graph.nodes.len(), 2, "last good graph kept");
        assert!(document.playable().is_none());
        assert!(document.counts().0 > 0);
        assert!(document.diagnostic_nodes.iter().all(Option::is_none));

        let edited = GOOD.replace("next: \"end\"", "next: \"ned\"");
        std::fs::write(&path, &edited).unwrap();
        assert_eq!(document.reload(), Reload::Reloaded);
        assert!(!document.stale, "it parses, so its graph is shown");
        assert!(document.playable().is_none(), "but it has an error");
        let (index, _) = document
            .diagnostics
            .iter()
            .enumerate()
            .find(|(_, d)| d.message.en.contains("ned"))
            .unwrap();
        assert_eq!(
            document.diagnostic_nodes[index],
            Some(0),
            "points at node a"
        );
        assert_eq!(document.diagnostics_of(0).count(), 1);

        std::fs::remove_file(&path).unwrap();
        assert_eq!(document.reload(), Reload::Broken, "a vanished file");
        assert!(document.stale);
    }

    #[test]
    fn dragged_positions_survive_reopening_and_bad_sidecars_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, GOOD).unwrap();
        let mut document = Document::open(&path, Limits::default());
        document.move_node(1, Point::new(900.0, 300.0));
        document.save_positions().unwrap();
        assert!(dir.path().join("d.layout.ron").exists());

        let reopened = Document::open(&path, Limits::default());
        assert_eq!(reopened.layout.centers[1], Point::new(900.0, 300.0));
        assert!(reopened.layout.pinned[1]);
        assert!(reopened.sidecar_warning.is_none());

        std::fs::write(
            dir.path().join("d.layout.ron"),
            "(format: 1, positions: {oops",
        )
        .unwrap();
        let with_bad_sidecar = Document::open(&path, Limits::default());
        let warning = with_bad_sidecar.sidecar_warning.as_ref().unwrap();
        // Shown in the trainer's language, naming the file to delete.
        let spanish = warning.message(crate::lang::Lang::Es);
        assert!(
            spanish.contains("d.layout.ron") && spanish.contains("bórralo"),
            "{spanish}"
        );
        assert!(warning.message(crate::lang::Lang::En).contains("delete it"));
        assert!(with_bad_sidecar.playable().is_some());
        assert!(!with_bad_sidecar.layout.pinned[1]);

        let mut document = with_bad_sidecar;
        document.move_node(0, Point::new(1.0, 2.0));
        document.reset_positions().unwrap();
        assert!(!document.has_positions());
        assert!(!dir.path().join("d.layout.ron").exists());
    }

    #[test]
    fn live_reload_sees_a_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, GOOD).unwrap();
        let mut document = Document::open(&path, Limits::default());
        document.watch(|| {}).unwrap();
        std::fs::write(&path, GOOD.replace("Hello there", "Good evening")).unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        let mut outcome = Reload::Unchanged;
        while outcome == Reload::Unchanged && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
            outcome = document.poll();
        }
        assert_eq!(outcome, Reload::Reloaded);
        assert_eq!(document.graph.nodes[0].label, "Good evening");
    }
}
