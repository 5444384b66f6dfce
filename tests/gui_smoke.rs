//! The app starts headless and a scenario can be played through with clicks.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::lang::Lang;
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, MomentoApp, Screen};
use std::path::PathBuf;

fn app_options() -> AppOptions {
    AppOptions {
        scenarios_dir: Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid")),
        settings: Some(Settings {
            language: Some(Lang::En),
            ..Settings::default()
        }),
        ..AppOptions::test()
    }
}

#[test]
fn plays_a_scenario_to_its_debrief() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| MomentoApp::new(cc, app_options()));
    harness.run();
    harness.get_by_label("The wrong size");
    harness
        .get_by_label("Practice: The wrong size")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Practice: The wrong size").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Player);
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
    harness.get_by_label("Continue").click();
    harness.run();
    harness.get_by_label_contains("try it, to be sure").click();
    harness.run();
    harness.get_by_label("See the debrief").click();
    harness.run();
    harness.get_by_label("Customer kept");
}
