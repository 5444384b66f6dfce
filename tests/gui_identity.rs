//! Issue 14's behaviour: the first-run welcome (name, skip, language), a
//! stable trainee id that keeps History through a rename, unfinished
//! attempts ("n of at least m decisions", no scores, no debrief, no best
//! result), resuming a practice attempt, the warning when the window closes
//! mid-conversation, and the trainer report in the UI's language.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::lang::Lang;
use momento::library::Library;
use momento::records::{AttemptOutcome, LoadOptions, Store, load_folder};
use momento::ui::settings::{Settings, read_settings};
use momento::ui::{AppOptions, Command, MomentoApp, Screen};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn harness_of(options: AppOptions) -> Harness<'static, MomentoApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    harness.run();
    harness
}

fn app(records: &Path, settings: Settings) -> Harness<'static, MomentoApp> {
    harness_of(AppOptions {
        scenarios_dir: Some(root().join("tests/fixtures/valid")),
        records_dir: Some(records.to_path_buf()),
        settings: Some(settings),
        ..AppOptions::test()
    })
}

fn english(name: &str) -> Settings {
    Settings {
        language: Some(Lang::En),
        trainee_name: name.to_string(),
        ..Settings::default()
    }
}

fn start_wrong_size(harness: &mut Harness<'static, MomentoApp>) {
    harness
        .get_by_label("Practice: The wrong size")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Practice: The wrong size").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Player);
}

fn first_reply(harness: &mut Harness<'static, MomentoApp>) {
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
}

fn finish_wrong_size(harness: &mut Harness<'static, MomentoApp>) {
    harness.get_by_label("Continue").click();
    harness.run();
    harness.get_by_label_contains("I'll bag it for you").click();
    harness.run();
    harness.get_by_label("See the debrief").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Debrief);
}

#[test]
fn the_first_run_asks_the_name_and_language_once() {
    let config = tempfile::tempdir().unwrap();
    let settings_file = config.path().join("settings.ron");
    let mut harness = harness_of(AppOptions {
        settings: Some(Settings {
            language: Some(Lang::En),
            welcome_pending: true,
            ..Settings::default()
        }),
        settings_file: Some(settings_file.clone()),
        ..AppOptions::test()
    });
    harness.get_by_label("Welcome to Momento");
    // No navigation before the trainee has answered.
    assert!(harness.query_by_label("History").is_none());

    // The language switches the welcome at once.
    harness.get_by_label("Español").click();
    harness.run();
    harness.get_by_label("Te damos la bienvenida a Momento");
    harness
        .get_by_role_and_label(Role::TextInput, "¿Cómo te llamas?")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "¿Cómo te llamas?")
        .type_text("Lucía Núñez ");
    harness.run();
    harness.get_by_label("Empezar").click();
    harness.run();

    let app = harness.state();
    assert!(!app.settings.welcome_pending);
    assert_eq!(app.settings.trainee_name, "Lucía Núñez");
    assert_eq!(app.settings.language, Some(Lang::Es));
    assert_eq!(app.settings.trainee_id.len(), 36, "a stable id is made");
    harness.get_by_label("Hola, Lucía Núñez");
    harness.get_by_label("Historial");

    // Remembered: the file says the welcome is done, with the same id.
    let saved = read_settings(&settings_file).expect("settings written");
    assert!(!saved.welcome_pending);
    assert_eq!(saved.trainee_name, "Lucía Núñez");
    assert_eq!(saved.trainee_id, harness.state().settings.trainee_id);
    // The next start reads that file and does not welcome again.
    let again = harness_of(AppOptions {
        settings_file: Some(settings_file.clone()),
        ..AppOptions {
            settings: None,
            ..AppOptions::test()
        }
    });
    assert!(
        again
            .query_by_label("Te damos la bienvenida a Momento")
            .is_none()
    );
    assert_eq!(again.state().settings.trainee_id, saved.trainee_id);
}

#[test]
fn the_name_can_be_skipped() {
    let mut harness = harness_of(AppOptions {
        settings: Some(Settings {
            language: Some(Lang::En),
            welcome_pending: true,
            ..Settings::default()
        }),
        ..AppOptions::test()
    });
    harness
        .get_by_role_and_label(Role::TextInput, "What is your name?")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "What is your name?")
        .type_text("not me");
    harness.run();
    harness.get_by_label("Skip for now").click();
    harness.run();
    let app = harness.state();
    assert!(!app.settings.welcome_pending);
    assert_eq!(app.settings.trainee_name, "");
    assert_eq!(app.screen, Screen::Library);
    harness.get_by_label("History");
}

#[test]
fn a_rename_keeps_the_history_and_the_best_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), english(""));
    start_wrong_size(&mut harness);
    first_reply(&mut harness);
    finish_wrong_size(&mut harness);
    let key = ("wrong-size".to_string(), "en".to_string());
    assert!(harness.state().best_results.contains_key(&key));

    // Renamed in Settings.
    harness.get_by_label("Settings").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Your name")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Your name")
        .type_text("Ana García");
    harness.run();
    assert_eq!(harness.state().settings.trainee_name, "Ana García");

    harness.get_by_label("History").click();
    harness.run();
    harness.get_by_label("Attempts by Ana García");
    harness.get_by_label("The wrong size");
    harness.get_by_label("Customer kept");
    assert!(harness.query_by_label_contains("No attempts yet").is_none());
    assert!(
        harness.state().best_results.contains_key(&key),
        "the library card keeps its best result"
    );

    // The record carries the trainee's id, not only the name.
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    let record = &loaded.records[0].record;
    assert_eq!(record.trainee_id, harness.state().settings.trainee_id);
    assert!(!record.trainee_id.is_empty());
}

#[test]
fn attempts_saved_before_ids_are_adopted_by_name_or_when_nameless_only() {
    let dir = tempfile::tempdir().unwrap();
    // Three attempts of an earlier version (no trainee id): Ana's, one
    // with no name, and someone else's copied into the folder.
    {
        let store = Store::open(dir.path()).unwrap();
        let mut library = Library::default();
        library.add_file(&root().join("tests/fixtures/valid/wrong-size.ron"));
        let scenarios = vec![library.entries[0].playable().unwrap().clone()];
        let options = momento::records::simulate::SimulateOptions {
            trainees: vec!["Ana".to_string(), String::new(), "Bob".to_string()],
            attempts: 3,
            ..Default::default()
        };
        momento::records::simulate::simulate(&scenarios, &store, &options, |_| {}).unwrap();
    }
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 3);
    assert!(
        loaded
            .records
            .iter()
            .all(|r| r.record.trainee_id.is_empty())
    );

    // This version starts with Ana's settings: an id is made, and the name
    // in use then is remembered.
    let mut harness = app(dir.path(), english("Ana"));
    assert_eq!(harness.state().settings.legacy_name.as_deref(), Some("Ana"));
    harness.state_mut().settings.trainee_name = "Ana M.".to_string();
    harness.run();
    harness.get_by_label("History").click();
    harness.run();
    harness.get_by_label("Attempts by Ana M.");
    let shown: Vec<String> = harness
        .state()
        .attempts
        .of_trainee(harness.state().settings.trainee())
        .map(|r| r.record.trainee.clone())
        .collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown.contains(&"Ana".to_string()) && shown.contains(&String::new()));
    // Nothing was rewritten or lost on disk.
    let after = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(after.records.len(), 3);
    assert!(after.records.iter().any(|r| r.record.trainee == "Bob"));
}

#[test]
fn an_unfinished_attempt_shows_how_far_it_got_and_can_be_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), english("Ana"));
    start_wrong_size(&mut harness);
    first_reply(&mut harness);
    // The exit dialog says what will happen: kept, resumable, no debrief.
    harness.get_by_label("Quit").click();
    harness.run();
    harness.get_by_label_contains("you can resume it from the library");
    harness.get_by_label("Yes, leave").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Library);
    assert!(
        harness.state().best_results.is_empty(),
        "an unfinished attempt is never a best result"
    );

    // The library offers to resume it, saying how far it got.
    harness.get_by_label_contains(
        "You left \"The wrong size\" unfinished (1 of at least 2 decisions)",
    );

    // History: how far it got, no scores, no debrief, and a Resume button.
    harness.get_by_label("History").click();
    harness.run();
    harness.get_by_label("Abandoned");
    harness.get_by_label("1 of at least 2 decisions");
    assert!(harness.query_by_label("Open debrief").is_none());
    assert!(harness.query_by_label("100").is_none());
    harness.get_by_label("Resume").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Player);
    let attempt_id = load_folder(dir.path(), LoadOptions::default()).records[0]
        .record
        .attempt_id
        .clone();
    {
        let session = &harness.state().player.as_ref().unwrap().session;
        assert_eq!(session.steps().len(), 1, "resumed where it was left");
    }

    // Finishing it finishes the same attempt: one file, now kept.
    harness.get_by_label_contains("I'll bag it for you").click();
    harness.run();
    harness.get_by_label("See the debrief").click();
    harness.run();
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    let record = &loaded.records[0].record;
    assert_eq!(record.attempt_id, attempt_id);
    assert_eq!(record.outcome, AttemptOutcome::Kept);
    assert_eq!(record.steps.len(), 2);
    assert!(record.ended_at >= record.started_at);
    assert!(
        harness
            .state()
            .best_results
            .contains_key(&("wrong-size".to_string(), "en".to_string()))
    );
    // Nothing left to resume.
    harness.get_by_label("Back to the scenarios").click();
    harness.run();
    assert!(harness.query_by_label_contains("unfinished").is_none());
}

#[test]
fn not_now_hides_the_offer_and_an_assessment_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), english("Ana"));
    start_wrong_size(&mut harness);
    first_reply(&mut harness);
    harness.state_mut().commands.push(Command::Abandon);
    harness.run_steps(2);
    harness.get_by_label("Not now").click();
    harness.run();
    assert!(harness.query_by_label_contains("You left").is_none());

    harness
        .get_by_label("Assessment: The wrong size")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Assessment: The wrong size").click();
    harness.run();
    first_reply(&mut harness);
    harness.get_by_label("Quit").click();
    harness.run();
    harness.get_by_label("This attempt stays unfinished and gets no debrief.");
    harness.get_by_label("Yes, leave").click();
    harness.run();
    assert!(harness.query_by_label_contains("You left").is_none());
}

#[test]
fn closing_the_window_mid_scenario_warns_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), english("Ana"));
    start_wrong_size(&mut harness);
    first_reply(&mut harness);
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.state().close_warning);
    harness.get_by_label("Close Momento in the middle of a conversation?");
    harness.get_by_label_contains("you can resume it from the library");
    harness.get_by_label("Keep playing").click();
    harness.run();
    assert!(!harness.state().close_warning);
    assert_eq!(harness.state().screen, Screen::Player);

    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().close_warning);
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].record.outcome, AttemptOutcome::Abandoned);
}

#[test]
fn the_trainer_report_speaks_the_ui_language_with_singular_and_plural() {
    // One English attempt at a scenario shipped in both languages.
    let group = tempfile::tempdir().unwrap();
    let store = Store::open(group.path()).unwrap();
    let library = Library::built_in();
    let english_version = library
        .find("warranty-no-receipt", "en")
        .and_then(|e| e.playable().cloned())
        .unwrap();
    let options = momento::records::simulate::SimulateOptions {
        attempts: 1,
        ..Default::default()
    };
    momento::records::simulate::simulate(&[english_version], &store, &options, |_| {}).unwrap();
    let records = load_folder(group.path(), LoadOptions::default()).records;
    assert_eq!(records.len(), 1);
    let first_node = records[0].record.steps[0].node_id.clone();

    let own = tempfile::tempdir().unwrap();
    // The app in Spanish.
    let mut harness = app(
        own.path(),
        Settings {
            language: Some(Lang::Es),
            ..Settings::default()
        },
    );
    harness
        .state_mut()
        .commands
        .push(Command::LoadReport(group.path().to_path_buf()));
    harness.run_steps(2);
    assert_eq!(harness.state().screen, Screen::TrainerReport);
    assert!(
        harness
            .query_by_label_contains("Warranty claim, no receipt")
            .is_none(),
        "no English title in the Spanish report"
    );
    assert!(
        harness
            .query_all_by_label_contains("Garantía sin ticket")
            .count()
            >= 2,
        "the title in the results and over the decisions"
    );
    // Headed by the customer's line, with the node id on hover.
    assert!(
        harness
            .query_all_by_label_contains("» — 1 decisión")
            .count()
            >= 1
    );
    assert!(
        harness
            .query_by_label(&format!("Decisión «{first_node}» — 1 decisión"))
            .is_none()
    );
}
