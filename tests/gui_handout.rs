//! The app's PDF buttons: History saves an attempt's debrief and a library
//! card saves the facilitator sheet, each as a new PDF in the handouts
//! folder, and the screen says where it went.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::lang::Lang;
use momento::ui::handout_save::folder_override_id;
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, MomentoApp, Screen};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn app(records: &Path, handouts: &Path) -> Harness<'static, MomentoApp> {
    let options = AppOptions {
        scenarios_dir: Some(root().join("tests/fixtures/valid")),
        records_dir: Some(records.to_path_buf()),
        settings: Some(Settings {
            language: Some(Lang::En),
            trainee_name: "Ana García".to_string(),
            ..Settings::default()
        }),
        ..AppOptions::test()
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    let folder = handouts.to_path_buf();
    harness
        .ctx
        .data_mut(|d| d.insert_temp(folder_override_id(), folder));
    harness.run();
    harness
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    found.sort();
    found
}

#[test]
fn history_and_the_library_card_save_pdfs_and_say_where() {
    let records = tempfile::tempdir().unwrap();
    let handouts = tempfile::tempdir().unwrap();
    let folder = handouts.path().join("Momento");
    let mut harness = app(records.path(), &folder);

    // Play "The wrong size" to its end so History has an attempt.
    harness
        .get_by_label("Practice: The wrong size")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Practice: The wrong size").click();
    harness.run();
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
    harness.get_by_label("Continue").click();
    harness.run();
    harness.get_by_label_contains("I'll bag it for you").click();
    harness.run();
    harness.get_by_label("See the debrief").click();
    harness.run();

    harness.get_by_label("History").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::History);
    assert!(pdfs(&folder).is_empty());
    harness
        .get_by_label_contains("Save as PDF: The wrong size")
        .click();
    harness.run();
    let saved = pdfs(&folder);
    assert_eq!(saved.len(), 1, "{saved:?}");
    let name = saved[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(name.starts_with("debrief-wrong-size-ana-garcia"), "{name}");
    assert!(std::fs::read(&saved[0]).unwrap().starts_with(b"%PDF-"));
    harness.get_by_label_contains("PDF saved:");
    harness.get_by_label("Open folder");

    // The facilitator sheet from the library card.
    harness.get_by_label("Scenarios").click();
    harness.run();
    harness
        .get_by_label("Facilitator sheet (PDF): The wrong size")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label("Facilitator sheet (PDF): The wrong size")
        .click();
    harness.run();
    let saved = pdfs(&folder);
    assert_eq!(saved.len(), 2, "{saved:?}");
    let sheet = saved
        .iter()
        .find(|p| p.to_string_lossy().contains("facilitator-wrong-size"))
        .expect("the facilitator sheet was saved");
    assert!(std::fs::read(sheet).unwrap().starts_with(b"%PDF-"));
    harness.get_by_label_contains("PDF saved:");
    match std::process::Command::new("pdftotext")
        .arg(sheet)
        .arg("-")
        .output()
    {
        Ok(output) => {
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.contains("Facilitator sheet"), "{text}");
            assert!(text.contains("The wrong size"), "{text}");
        }
        Err(error) => eprintln!("skipped the text check: pdftotext is not installed ({error})"),
    }
}
