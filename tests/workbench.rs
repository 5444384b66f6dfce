//! The trainer's workbench, driven headless through egui_kittest: open it,
//! click nodes and diagnostics, reload on save, play from a node.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::lang::Lang;
use momento::library::Library;
use momento::ui::settings::Settings;
use momento::ui::workbench::WorkbenchView;
use momento::ui::{AppOptions, Command, MomentoApp, Screen};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn options(workbench_file: Option<PathBuf>) -> AppOptions {
    AppOptions {
        scenarios_dir: Some(fixture("valid")),
        settings: Some(Settings {
            language: Some(Lang::En),
            ..Settings::default()
        }),
        workbench_file,
        ..AppOptions::test()
    }
}

fn app(workbench_file: Option<&Path>) -> Harness<'static, MomentoApp> {
    let options = options(workbench_file.map(Path::to_path_buf));
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

fn node_index(harness: &Harness<'_, MomentoApp>, id: &str) -> u32 {
    workbench(harness).document.graph.node_by_id(id).unwrap()
}

/// Steps the app (the watcher works on its own thread) until `done` holds.
fn step_until(
    harness: &mut Harness<'_, MomentoApp>,
    what: &str,
    done: impl Fn(&MomentoApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(25));
        harness.step();
    }
    harness.step();
}

#[test]
fn a_shipped_scenario_opens_from_its_card_and_a_click_shows_the_node() {
    let library = Library::built_in();
    let shipped: Vec<_> = library
        .entries
        .iter()
        .filter(|e| e.language() == "en" && e.is_playable())
        .collect();
    assert!(!shipped.is_empty(), "the shipped scenarios are built in");
    let scenario = shipped[0].scenario.as_ref().unwrap();
    let mut harness = app(None);
    // The first card is the first shipped English scenario.
    let label = format!("Workbench: {}", scenario.title.value);
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Workbench);
    assert_eq!(
        workbench(&harness).document.graph.nodes.len(),
        scenario.nodes.len()
    );
    assert!(workbench(&harness).document.built_in);
    harness.get_by_label("Click a node to see its text, its replies and its problems.");

    // Click the start node: the panel shows its full text and its replies.
    let start = &scenario.nodes[scenario.start.node as usize];
    harness
        .get_by_label(&format!("Node {}", start.id.value))
        .click_accesskit();
    harness.run();
    assert_eq!(
        workbench(&harness).selected,
        Some(node_index(&harness, &start.id.value))
    );
    harness.get_by_label(&start.text.value);
    for choice in start.choices() {
        harness.get_by_label(&choice.text.value);
        harness.get_by_label(&choice.feedback.value);
    }
}

#[test]
fn the_node_panel_shows_effects_promises_and_routes() {
    let mut harness = app(Some(&fixture("valid/wrong-size.ron")));
    harness.get_by_label("Node stock").click_accesskit();
    harness.run();
    assert_eq!(
        workbench(&harness).selected,
        Some(node_index(&harness, "stock"))
    );
    harness.get_by_label("You find the jacket in the right size in the stockroom.");
    harness.get_by_label("Here it is. I'll bag it for you.");
    harness.get_by_label("Confirms \"Find the right size today\" with the customer (size)");
    harness.get_all_by_label("→ kept").next().unwrap();
    harness.get_by_label("On arrival: Keeps \"Find the right size today\" (size)");

    harness.get_by_label("Node desk").click_accesskit();
    harness.run();
    harness.get_by_label("yields to \"educating\"");
    harness.get_by_label("Promises \"Find the right size today\" (size)");
}

#[test]
fn a_diagnostic_selects_the_node_it_points_at() {
    let mut harness = app(Some(&fixture("workbench/typo.ron")));
    assert_eq!(harness.state().screen, Screen::Workbench);
    harness.get_by_label("1 error, 2 warnings");
    harness
        .get_by_label_contains("no node is called `stokc`")
        .click();
    harness.run();
    assert_eq!(
        workbench(&harness).selected,
        Some(node_index(&harness, "desk"))
    );
    harness.get_by_label("Hi. This is the wrong size, and I need it for tomorrow.");
    harness.get_by_label("Problems in this node");

    harness
        .get_by_label_contains("node `kept` can never be reached")
        .click();
    harness.run();
    assert_eq!(
        workbench(&harness).selected,
        Some(node_index(&harness, "kept"))
    );
    harness.get_by_label("Answer the person first, then the procedure.");
    // A scenario with errors can be inspected but not played.
    assert!(workbench(&harness).document.playable().is_none());
    harness.get_by_label("Play from the start").click();
    harness.run();
    assert!(workbench(&harness).play.is_none());
}

#[test]
fn saving_reloads_and_a_broken_save_keeps_the_last_graph_stale() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wrong-size.ron");
    let good = std::fs::read_to_string(fixture("valid/wrong-size.ron")).unwrap();
    std::fs::write(&path, &good).unwrap();
    let mut harness = app(Some(&path));
    harness.get_by_label("Live: reloads on save");
    harness.get_by_label("Node stock").click_accesskit();
    harness.run();
    harness.get_by_label("You find the jacket in the right size in the stockroom.");

    // A save by rename, as many editors do.
    let edited = good.replace(
        "You find the jacket in the right size in the stockroom.",
        "The right size is in the stockroom, last one.",
    );
    let temporary = dir.path().join(".wrong-size.ron.tmp");
    std::fs::write(&temporary, &edited).unwrap();
    std::fs::rename(&temporary, &path).unwrap();
    step_until(&mut harness, "the reload", |app| {
        app.workbench.as_ref().is_some_and(|w| w.reloads == 1)
    });
    // The selection survives the reload and shows the new text.
    assert_eq!(
        workbench(&harness).selected,
        Some(node_index(&harness, "stock"))
    );
    harness.get_by_label("The right size is in the stockroom, last one.");
    harness.get_by_label("Reloaded 1 times");

    std::fs::write(&path, &edited[..edited.len() / 2]).unwrap();
    step_until(&mut harness, "the broken save", |app| {
        app.workbench.as_ref().is_some_and(|w| w.document.stale)
    });
    harness.get_by_label("The last save cannot be read: showing the last good version, stale");
    assert_eq!(
        workbench(&harness).document.graph.nodes.len(),
        4,
        "graph kept"
    );
    assert!(workbench(&harness).document.counts().0 > 0, "errors shown");
    harness.get_by_label("Node stock");

    std::fs::write(&path, &good).unwrap();
    step_until(&mut harness, "the fixed save", |app| {
        app.workbench.as_ref().is_some_and(|w| !w.document.stale)
    });
    harness.get_by_label("You find the jacket in the right size in the stockroom.");
}

#[test]
fn play_from_a_node_with_a_preset_mood_shows_the_state_watch() {
    let mut harness = app(Some(&fixture("valid/wrong-size.ron")));
    harness.get_by_label("Node stock").click_accesskit();
    harness.run();
    harness.get_by_label("Play from here").click();
    harness.run();
    harness.get_by_label("Start at \"stock\" in this state");
    harness
        .get_by_role_and_label(egui::Role::Slider, "Starting mood")
        .set_value_accesskit(85.0);
    harness.run();
    harness
        .get_by_label("size: Find the right size today")
        .click();
    harness.run();
    harness.get_by_label("Start here").click();
    harness.run();

    let play = workbench(&harness).play.as_ref().expect("a session");
    assert_eq!(play.session.mood(), 85);
    assert_eq!(play.session.node().id.value, "stock");
    harness.get_by_label("Playing from \"stock\"");
    harness.get_by_label("State watch");
    harness.get_by_label("85 · Delighted");
    harness.get_by_label("size: open");

    harness
        .get_by_label_contains("Would you like to try it")
        .click();
    harness.run();
    let play = workbench(&harness).play.as_ref().unwrap();
    assert!(play.session.is_finished());
    // The engine's own view: confirmed, and (never kept on this path) broken.
    harness.get_by_label("size: broken · confirmed with the customer");
    harness.get_by_label("Ending: Customer kept");
    harness.get_by_label_contains("Confirming that it is what they needed");
}

#[test]
fn play_from_the_start_moves_the_mark_on_the_graph() {
    let mut harness = app(Some(&fixture("valid/wrong-size.ron")));
    harness.get_by_label("Play from the start").click();
    harness.run();
    harness.get_by_label("Playing from the start");
    let desk = node_index(&harness, "desk");
    assert_eq!(
        workbench(&harness)
            .play
            .as_ref()
            .unwrap()
            .session
            .node_index(),
        desk
    );
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
    let play = workbench(&harness).play.as_ref().unwrap();
    assert_eq!(play.session.node().id.value, "stock");
    assert_eq!(play.visited, vec![desk, node_index(&harness, "stock")]);
    harness.get_by_label("size: kept");
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(
        workbench(&harness)
            .play
            .as_ref()
            .unwrap()
            .session
            .node_index(),
        desk
    );
}

#[test]
fn analyzer_overlay_reports_ranges_and_paths() {
    let mut harness = app(Some(&fixture("valid/wrong-size.ron")));
    harness.get_by_label("Analyzer overlay").click();
    step_until(&mut harness, "the analysis", |app| {
        app.workbench.as_ref().is_some_and(|w| w.overlay.is_some())
    });
    let overlay = workbench(&harness).overlay.as_ref().unwrap();
    assert!(overlay.on_worst.iter().any(|&b| b));
    harness.get_by_label("Achievable range");
    harness.get_by_label_contains("Best path: balance");
    harness.get_by_label_contains("Replies no path takes: 0");
}

#[test]
fn close_returns_to_the_library() {
    let mut harness = app(Some(&fixture("valid/wrong-size.ron")));
    harness.state_mut().commands.push(Command::CloseWorkbench);
    harness.run();
    assert!(harness.state().workbench.is_none());
    assert_eq!(harness.state().screen, Screen::Library);
}

#[test]
fn the_command_line_opens_a_file_in_the_workbench() {
    use clap::Parser as _;
    use momento::cli::{Cli, Command as CliCommand};
    let args = Cli::try_parse_from(["momento", "workbench", "my/x.ron"]).unwrap();
    match args.command {
        Some(CliCommand::Workbench { file }) => assert_eq!(file, PathBuf::from("my/x.ron")),
        other => panic!("parsed as {other:?}"),
    }
    // Run as a terminal command (not through the binary), it explains itself.
    let mut out = Vec::new();
    let code = momento::cli::run(
        CliCommand::Workbench {
            file: PathBuf::from("my/x.ron"),
        },
        &mut std::io::empty(),
        &mut out,
    );
    assert_eq!(code, 2);
    assert!(String::from_utf8(out).unwrap().contains("opens a window"));
}
