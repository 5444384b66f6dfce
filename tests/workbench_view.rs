//! The workbench's graph view as a trainer meets it: it opens at a zoom
//! where the text reads, on the start node; it follows the conversation
//! while playing; and the
//! standalone `momento workbench FILE` speaks the app's language setting.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::graph::layout::NODE_WIDTH;
use momento::lang::Lang;
use momento::ui::settings::{Settings, write_settings};
use momento::ui::workbench::WorkbenchView;
use momento::ui::{AppOptions, MomentoApp};
use std::path::{Path, PathBuf};

/// The first view never zooms out further than this.
const READABLE_ZOOM: f32 = 0.85;

/// A generated scenario far too large to fit the window readably.
fn large_scenario(dir: &Path) -> PathBuf {
    let file = dir.join("large.ron");
    std::fs::write(&file, momento::generate::scenario_text(200, 7)).unwrap();
    file
}

fn open(file: &Path) -> Harness<'static, MomentoApp> {
    let options = AppOptions {
        settings: Some(Settings {
            language: Some(Lang::En),
            ..Settings::default()
        }),
        workbench_file: Some(file.to_path_buf()),
        ..AppOptions::test()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| MomentoApp::new(cc, options));
    harness.run();
    harness
}

fn workbench<'h>(harness: &'h Harness<'_, MomentoApp>) -> &'h WorkbenchView {
    harness
        .state()
        .workbench
        .as_ref()
        .expect("the workbench is open")
}

fn node_rect(view: &WorkbenchView, node: u32) -> egui::Rect {
    let r = view.document.layout.node_rect(node);
    egui::Rect::from_min_max(egui::pos2(r.min.x, r.min.y), egui::pos2(r.max.x, r.max.y))
}

/// The zoom the graph is drawn at, measured on a node's widget.
fn zoom_of(harness: &Harness<'_, MomentoApp>, node_id: &str) -> f32 {
    harness
        .get_by_label(&format!("Node {node_id}"))
        .rect()
        .width()
        / NODE_WIDTH
}

#[test]
fn a_large_graph_opens_readable_on_the_start_node() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(&large_scenario(dir.path()));
    harness.run();
    let view = workbench(&harness);
    let start = view.document.graph.start.expect("a start node");
    let start_id = view.document.graph.nodes[start as usize].id.clone();
    let start_rect = node_rect(view, start);
    let scene = view.graph_view.scene_rect;
    // The start node is in view, centred vertically, near the left edge.
    assert!(scene.contains_rect(start_rect), "{scene:?} {start_rect:?}");
    assert!((scene.center().y - start_rect.center().y).abs() < 1.0);
    assert!(
        start_rect.left() - scene.left() < 100.0,
        "{scene:?} {start_rect:?}"
    );
    // ...at a zoom where its text reads, not the whole graph shrunk.
    let zoom = zoom_of(&harness, &start_id);
    assert!(zoom >= READABLE_ZOOM - 0.01, "zoom {zoom}");
    let bounds = view.document.layout.bounds();
    assert!(
        bounds.max.x - bounds.min.x > scene.width() * 2.0,
        "the generated graph is much wider than the view"
    );
}

#[test]
fn the_view_follows_the_conversation_while_playing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open(&large_scenario(dir.path()));
    harness.get_by_label("Play from the start").click();
    harness.run();
    let first_view = workbench(&harness).graph_view.scene_rect;
    let mut left_first_view = false;
    for _ in 0..40 {
        let finished = {
            let view = harness.state_mut().workbench.as_mut().unwrap();
            let play = view.play.as_mut().expect("playing");
            if play.session.is_finished() {
                true
            } else {
                // Always the last reply on offer: it tends to go deeper.
                let last = play.session.choices().len() - 1;
                play.session.choose(last).unwrap();
                false
            }
        };
        if finished {
            break;
        }
        harness.run();
        let view = workbench(&harness);
        let current = view.play.as_ref().unwrap().session.node_index();
        let rect = node_rect(view, current);
        assert!(
            view.graph_view.scene_rect.contains_rect(rect),
            "node {current} at {rect:?} is out of view {:?}",
            view.graph_view.scene_rect
        );
        left_first_view |= !first_view.contains_rect(rect);
    }
    assert!(
        left_first_view,
        "the path never left the first view: the test proves nothing"
    );
    // Following only pans: the zoom stays where the trainer left it.
    let size = workbench(&harness).graph_view.scene_rect.size();
    assert!(
        (size - first_view.size()).length() < 1.0,
        "{size:?} vs {:?}",
        first_view.size()
    );
}

#[test]
fn the_standalone_workbench_follows_the_language_setting() {
    let file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/wrong-size.ron");
    for (lang, play_label) in [
        (Lang::Es, "Jugar desde el inicio"),
        (Lang::En, "Play from the start"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let settings_file = dir.path().join("settings.ron");
        write_settings(
            &settings_file,
            &Settings {
                language: Some(lang),
                ..Settings::default()
            },
        )
        .unwrap();
        // As `momento workbench FILE` starts it: no settings given, only
        // the settings file.
        let options = AppOptions {
            settings: None,
            settings_file: Some(settings_file),
            workbench_file: Some(file.clone()),
            ..AppOptions::test()
        };
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_eframe(move |cc| MomentoApp::new(cc, options));
        harness.run();
        assert!(harness.state().workbench.is_some());
        harness.get_by_label(play_label);
        // The orange rule is in the legend, in the same language.
        let rule = lang.texts().wb_legend_educating_rule;
        harness.get_by_label(rule);
    }
}
