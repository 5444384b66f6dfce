//! Attempt records in the app: a finished scenario appears in History with
//! the engine's scores, an abandoned one is kept, reflections are saved, a
//! past debrief reopens, and the trainer report reads a group's folder.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::engine::{Mode, Session};
use momento::labels;
use momento::lang::Lang;
use momento::library::Library;
use momento::records::{AttemptOutcome, LoadOptions, Store, load_folder};
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, Command, MomentoApp, Screen};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn app(records: &Path) -> Harness<'static, MomentoApp> {
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
    harness.run();
    harness
}

fn start_wrong_size(harness: &mut Harness<'static, MomentoApp>) {
    harness
        .get_by_label("Practice: The wrong size")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Practice: The wrong size").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Player);
    assert_eq!(
        harness
            .state()
            .player
            .as_ref()
            .unwrap()
            .session
            .scenario()
            .id
            .value,
        "wrong-size"
    );
}

#[test]
fn a_finished_scenario_is_found_in_history_with_its_scores() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    start_wrong_size(&mut harness);
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

    // The engine's result for the same seed and replies.
    let seed = harness.state().player.as_ref().unwrap().session.seed();
    let library = {
        let mut library = Library::default();
        library.add_file(&root().join("tests/fixtures/valid/wrong-size.ron"));
        library
    };
    let scenario = Arc::clone(library.entries[0].playable().unwrap());
    let mut session = Session::new(scenario, seed, Mode::Practice).unwrap();
    session.choose_id("tomorrow").unwrap();
    session.choose_id("bag").unwrap();
    let scores = session.scorecard();

    harness.get_by_label("History").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::History);
    harness.get_by_label("Attempts by Ana García");
    harness.get_by_label("The wrong size");
    harness.get_by_label("Customer kept");
    harness.get_by_label("Practice");
    let balance = labels::score(scores.balance);
    assert!(
        harness.query_by_label(&balance).is_some(),
        "the balance {balance} is shown"
    );
    for score in scores.scores() {
        assert!(harness.query_by_label(&labels::score(score)).is_some());
    }

    // On disk: one complete record of that attempt.
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.records.len(), 1);
    let record = &loaded.records[0].record;
    assert_eq!(record.trainee, "Ana García");
    assert_eq!(record.outcome, AttemptOutcome::Kept);
    assert_eq!(record.scores.array(), scores.scores());
    assert_eq!(record.replay.inputs.len(), 2);

    // The library card's best result is filled for this trainee.
    let best = &harness.state().best_results[&("wrong-size".to_string(), "en".to_string())];
    assert_eq!(best.balance, scores.balance);
    assert_eq!(best.outcome, momento::scenario::Outcome::Kept);

    // Open the past debrief: an exact replay of the same attempt.
    harness.get_by_label("Open debrief").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Debrief);
    let replayed = &harness.state().player.as_ref().unwrap().session;
    assert_eq!(replayed.scorecard(), scores);
    harness.get_by_label("Customer kept");
    // Back goes where the trainee came from.
    assert!(harness.query_by_label("Back to the scenarios").is_none());
    harness.get_by_label("Back to history").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::History);
}

#[test]
fn an_abandoned_attempt_is_kept_with_what_was_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    start_wrong_size(&mut harness);
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
    // Saved after the reply already: a crash now would keep it.
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].record.outcome, AttemptOutcome::Abandoned);

    harness.state_mut().commands.push(Command::Abandon);
    harness.run_steps(2);
    assert_eq!(harness.state().screen, Screen::Library);
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1, "one file per attempt");
    let record = &loaded.records[0].record;
    assert_eq!(record.outcome, AttemptOutcome::Abandoned);
    assert_eq!(record.steps.len(), 1);
    assert_eq!(record.steps[0].reply_id, "tomorrow");

    harness.get_by_label("History").click();
    harness.run();
    harness.get_by_label("Abandoned");
}

#[test]
fn reflection_answers_are_saved_with_the_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    start_wrong_size(&mut harness);
    harness.get_by_label_contains("Returns take five").click();
    harness.run();
    harness.get_by_label("See the debrief").click();
    harness.run();
    // The debrief opens at its top: scroll to the reflection box first.
    harness.get_by_label_contains("What did").scroll_to_me();
    harness.run();
    let field = harness.get_by_label_contains("What did");
    field.click();
    harness.run();
    harness
        .get_by_label_contains("What did")
        .type_text("Sam necesitaba la chaqueta mañana, ¡no un formulario!");
    harness.run();
    harness.get_by_label("History").click();
    harness.run();
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    let record = &loaded.records[0].record;
    assert_eq!(record.outcome, AttemptOutcome::Lost);
    assert_eq!(
        record.reflection[0].answer,
        "Sam necesitaba la chaqueta mañana, ¡no un formulario!"
    );
    assert!(record.revision >= 2);
}

#[test]
fn the_trainer_report_reads_a_group_folder() {
    let group = tempfile::tempdir().unwrap();
    let store = Store::open(group.path()).unwrap();
    let scenarios: Vec<_> = {
        let mut library = Library::default();
        library.add_file(&root().join("tests/fixtures/valid/wrong-size.ron"));
        library.add_file(&root().join("tests/fixtures/records/cafetera-sin-ticket.ron"));
        library
            .entries
            .iter()
            .filter_map(|e| e.playable().cloned())
            .collect()
    };
    let options = momento::records::simulate::SimulateOptions {
        attempts: 9,
        ..Default::default()
    };
    momento::records::simulate::simulate(&scenarios, &store, &options, |_| {}).unwrap();

    let own = tempfile::tempdir().unwrap();
    let mut harness = app(own.path());
    harness.get_by_label("Trainer report").click();
    harness.run();
    harness.get_by_label("Choose the folder where you gathered the group's attempts.");
    harness
        .state_mut()
        .commands
        .push(Command::LoadReport(group.path().to_path_buf()));
    // One frame applies the command, the next shows its result.
    harness.run_steps(2);
    assert_eq!(harness.state().screen, Screen::TrainerReport);
    harness.get_by_label("9 attempts by 3 trainees");
    // One row per trainee and scenario they played.
    let records = load_folder(group.path(), LoadOptions::default()).records;
    for trainee in ["Ana García", "Íñigo Peña", "Chloé Martin"] {
        let mut scenarios: Vec<&str> = records
            .iter()
            .filter(|r| r.record.trainee == trainee)
            .map(|r| r.record.scenario.id.as_str())
            .collect();
        scenarios.sort();
        scenarios.dedup();
        assert_eq!(
            harness.query_all_by_label(trainee).count(),
            scenarios.len(),
            "{trainee}"
        );
    }
    // The first decision of each scenario played, with its count.
    for (node, scenario) in [("desk", "wrong-size"), ("mostrador", "cafetera-sin-ticket")] {
        let decisions = records
            .iter()
            .filter(|r| r.record.scenario.id == scenario && !r.record.steps.is_empty())
            .count();
        if decisions > 0 {
            // The header is the customer's line, not the node id.
            let prompt = records
                .iter()
                .flat_map(|r| &r.record.steps)
                .find(|s| s.node_id == node)
                .map(|s| s.prompt.chars().take(12).collect::<String>())
                .unwrap();
            assert!(
                harness
                    .query_all_by_label_contains(&format!("\"{prompt}"))
                    .count()
                    >= 1,
                "no header starts with the customer's line {prompt:?}"
            );
            assert!(
                harness
                    .query_by_label_contains(&format!("\"{node}\""))
                    .is_none()
            );
        }
    }
}
