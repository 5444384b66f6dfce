//! Classroom mode driven headless with egui_kittest: a whole session of the
//! warranty scenario with a group — votes by number keys and by the big
//! buttons, the discussion timer paused during the vote, a reply followed
//! against the majority, a time-out played on purpose when a timed moment
//! comes, the discussion question after the vote, the group debrief with
//! the right counts, the group attempt saved and shown in the trainer
//! report; and the session plan saved and opened again.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::engine::Mode;
use momento::i18n::Lang;
use momento::plan::SessionPlan;
use momento::records::{LoadOptions, load_folder};
use momento::ui::classroom::{ClassroomCommand, RoundPhase};
use momento::ui::player::NUMBER_KEYS;
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, Command, MomentoApp, Screen};
use std::path::Path;

fn app(records: &Path, size: egui::Vec2, scenarios: Option<&Path>) -> Harness<'static, MomentoApp> {
    let options = AppOptions {
        records_dir: Some(records.to_path_buf()),
        settings: Some(Settings {
            language: Some(Lang::En),
            scenarios_folder: scenarios.map(Path::to_path_buf),
            ..Settings::default()
        }),
        ..AppOptions::test()
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, MomentoApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

const TITLE: &str = "Warranty claim, no receipt";

/// Opens classroom mode from the warranty card, names the group and starts.
fn start_session(harness: &mut Harness<'_, MomentoApp>) {
    click(harness, &format!("Classroom: {TITLE}"));
    assert_eq!(harness.state().screen, Screen::Classroom);
    let field = harness.get_by_role_and_label(Role::TextInput, "Group name");
    field.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Group name")
        .type_text("Morning group");
    harness.run();
    assert_eq!(harness.state().classroom.group, "Morning group");
    click(harness, "Start the session");
    let round = harness.state().classroom.round.as_ref().expect("playing");
    assert_eq!(round.phase, RoundPhase::Voting);
    assert_eq!(round.session.mode(), Mode::Classroom);
}

/// What the test expects at one decision.
struct Expected {
    node_id: String,
    votes: Vec<u32>,
    followed: String,
    timed_out: bool,
}

#[test]
fn a_whole_classroom_session_of_the_warranty_scenario() {
    let records = tempfile::tempdir().unwrap();
    let mut harness = app(records.path(), egui::vec2(1920.0, 1080.0), None);
    start_session(&mut harness);
    let mut expected: Vec<Expected> = Vec::new();
    // Per decision, the votes in the scenario's order of replies (the
    // order the debrief lists them in; the screen shuffles them).
    let mut in_file_order: Vec<Vec<u32>> = Vec::new();
    let mut discussions_seen = 0;
    let mut timed_out_once = false;
    for decision in 0..30 {
        let round = harness.state().classroom.round.as_ref().unwrap();
        if round.phase == RoundPhase::Debrief {
            break;
        }
        assert_eq!(round.phase, RoundPhase::Voting);
        let session = &round.session;
        let choices = session.choices();
        let node_id = session.node().id.value.clone();
        let timed = session.time_limit().is_some();
        // The discussion timer runs before the vote...
        let timer = round.timer.as_ref().expect("the timer is on by default");
        assert!(timer.is_running());
        let now = harness.state().clock.now();
        let before = timer.left(now);
        harness.state_mut().clock.advance(3.0);
        let now = harness.state().clock.now();
        let round = harness.state().classroom.round.as_ref().unwrap();
        assert!((round.timer.as_ref().unwrap().left(now) - (before - 3.0)).abs() < 1e-6);

        // Two hands for reply 1 by key, three for reply 2 by the + button.
        harness.key_press(NUMBER_KEYS[0]);
        harness.run();
        harness.key_press(NUMBER_KEYS[0]);
        harness.run();
        for _ in 0..3 {
            click(&mut harness, "Add a vote to reply 2");
        }
        // One slip corrected with the − button.
        click(&mut harness, "Add a vote to reply 2");
        click(&mut harness, "Remove a vote from reply 2");
        harness.get_by_label("Votes for reply 1: 2");
        harness.get_by_label("Votes for reply 2: 3");

        // ...and waits during the vote.
        let now = harness.state().clock.now();
        let paused = harness
            .state()
            .classroom
            .round
            .as_ref()
            .unwrap()
            .timer
            .clone()
            .unwrap();
        assert!(
            !paused.is_running(),
            "the timer waits while votes are entered"
        );
        harness.state_mut().clock.advance(30.0);
        let later = harness.state().clock.now();
        assert_eq!(paused.left(now), paused.left(later));
        harness.get_by_label_contains("Timer paused for the vote");

        let mut votes = vec![0; choices.len()];
        votes[0] = 2;
        votes[1] = 3;
        let scenario = harness
            .state()
            .classroom
            .round
            .as_ref()
            .unwrap()
            .session
            .scenario()
            .clone();
        let node = scenario
            .node(scenario.node_by_id(&node_id).unwrap())
            .unwrap();
        in_file_order.push(
            node.choices()
                .iter()
                .filter_map(|c| {
                    let shown = choices.iter().position(|v| v.id == c.id.value)?;
                    Some(votes[shown])
                })
                .collect(),
        );
        let (followed, timed_out) = if timed && !timed_out_once {
            // A time-out played on purpose, to discuss silence.
            click(&mut harness, "Play the silence: time runs out");
            timed_out_once = true;
            ("timeout".to_string(), true)
        } else if decision == 1 {
            // The trainer follows reply 1 against the majority, to discuss it.
            click(&mut harness, "Follow reply 1");
            harness.get_by_label_contains("which you picked to discuss it");
            harness.key_press(Key::Enter);
            harness.run();
            (choices[0].id.clone(), false)
        } else {
            harness.get_by_label_contains("will follow the majority: reply 2");
            click(&mut harness, "Show the result");
            (choices[1].id.clone(), false)
        };
        let round = harness.state().classroom.round.as_ref().unwrap();
        assert_eq!(round.phase, RoundPhase::Result);
        // Every reply's share of the room, no score on screen.
        harness.get_by_label_contains("What the room chose");
        assert!(
            harness
                .query_all_by_label("40% of the room (2)")
                .next()
                .is_some()
        );
        assert!(
            harness
                .query_all_by_label("60% of the room (3)")
                .next()
                .is_some()
        );
        assert!(
            harness
                .query_by_label("Scores of the path the group took")
                .is_none(),
            "no score before the end"
        );
        let discussion = round
            .session
            .scenario()
            .node_by_id(&node_id)
            .and_then(|n| round.session.scenario().node(n))
            .and_then(|n| n.discussion.clone());
        if let Some(question) = discussion {
            harness.get_by_label("To discuss");
            harness.get_by_label(&round.session.resolve_text(&question));
            discussions_seen += 1;
        }
        expected.push(Expected {
            node_id,
            votes,
            followed,
            timed_out,
        });
        if decision % 2 == 0 {
            harness.key_press(Key::Enter);
            harness.run();
        } else {
            click(&mut harness, "Continue");
        }
    }
    assert!(discussions_seen >= 1, "a discussion question was shown");
    let round = harness.state().classroom.round.as_ref().unwrap();
    assert_eq!(round.phase, RoundPhase::Debrief);
    assert!(round.session.is_finished());

    // The group debrief: the group's path with the right counts.
    harness.get_by_label("Group debrief: Morning group");
    harness.get_by_label("Scores of the path the group took");
    harness.get_by_label("Promise ledger");
    harness.get_by_label("Discussion questions");
    for (number, step) in in_file_order.iter().enumerate() {
        let counts: Vec<String> = step
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}: {n}", i + 1))
            .collect();
        harness.get_by_label_contains(&format!(
            "{}. The room voted {};",
            number + 1,
            counts.join(" · ")
        ));
    }

    // The group attempt on disk, with the votes of every decision.
    let loaded = load_folder(records.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    let record = &loaded.records[0].record;
    assert_eq!(record.trainee, "Morning group");
    assert_eq!(record.mode, Mode::Classroom);
    assert!(record.outcome.is_finished());
    assert_eq!(record.steps.len(), expected.len());
    for (step, want) in record.steps.iter().zip(&expected) {
        assert_eq!(step.node_id, want.node_id);
        assert_eq!(step.reply_id, want.followed);
        assert_eq!(step.timed_out, want.timed_out);
        let counts: Vec<u32> = step.votes.iter().map(|v| v.votes).collect();
        assert_eq!(counts, want.votes, "votes at {}", want.node_id);
    }

    // The trainer report shows it apart from individual attempts.
    click(&mut harness, "End the session");
    harness
        .state_mut()
        .commands
        .push(Command::LoadReport(records.path().to_path_buf()));
    harness.run();
    assert_eq!(harness.state().screen, Screen::TrainerReport);
    harness.get_by_label("Classroom sessions (groups)");
    harness.get_by_label_contains("Morning group · Warranty claim, no receipt");
}

/// The vote's controls fit a 1280×720 projector and a 1920×1080 one.
#[test]
fn the_vote_fits_small_and_large_projectors() {
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1920.0, 1080.0)] {
        let records = tempfile::tempdir().unwrap();
        let mut harness = app(records.path(), size, None);
        start_session(&mut harness);
        let screen = harness.ctx.content_rect();
        let replies = harness
            .state()
            .classroom
            .round
            .as_ref()
            .unwrap()
            .votes
            .len();
        for number in 1..=replies {
            for label in [
                format!("Add a vote to reply {number}"),
                format!("Remove a vote from reply {number}"),
            ] {
                let rect = harness.get_by_label(&label).rect();
                assert!(screen.contains_rect(rect), "{label} off screen at {size:?}");
                assert!(rect.height() >= 28.0, "{label} is too small to hit");
            }
        }
        let reveal = harness.get_by_label("Show the result").rect();
        assert!(
            screen.contains_rect(reveal),
            "Show the result off screen at {size:?}"
        );
    }
}

#[test]
fn a_session_plan_is_saved_beside_the_scenarios_and_opened_again() {
    let root = tempfile::tempdir().unwrap();
    let scenarios = root.path().join("my-scenarios");
    std::fs::create_dir_all(&scenarios).unwrap();
    let records = root.path().join("attempts");
    let mut harness = app(&records, egui::vec2(1280.0, 800.0), Some(&scenarios));
    click(&mut harness, &format!("Classroom: {TITLE}"));
    let library = &harness.state().library;
    let other = library
        .entries
        .iter()
        .position(|e| {
            e.playable()
                .is_some_and(|s| s.id.value == "win-win" && s.language.value == "en")
        })
        .unwrap();
    harness.state_mut().classroom.add_pick = Some(other);
    harness.run();
    click(&mut harness, "Add");
    harness.get_by_label_contains("Total time:");
    click(&mut harness, &format!("Move {TITLE} down"));
    click(&mut harness, "Save plan");
    let file = root.path().join(momento::plan::PLAN_FILE);
    let saved = SessionPlan::read(&file).expect("the plan is beside the scenarios folder");
    let ids: Vec<&str> = saved.items.iter().map(|i| i.scenario_id.as_str()).collect();
    assert_eq!(ids, ["win-win", "warranty-no-receipt"]);

    // Changed on screen, then opened again from the file.
    harness.state_mut().classroom.plan = SessionPlan::default();
    harness.run();
    click(&mut harness, "Open saved plan");
    assert_eq!(harness.state().classroom.plan, saved);

    // Classroom mode steps through the plan: the first scenario is win-win.
    click(&mut harness, "Start the session");
    let round = harness.state().classroom.round.as_ref().unwrap();
    assert_eq!(round.session.scenario().id.value, "win-win");
    assert_eq!(round.plan_index, 0);
    harness
        .state_mut()
        .commands
        .push(Command::Classroom(ClassroomCommand::Next));
    harness.run();
    let round = harness.state().classroom.round.as_ref().unwrap();
    assert_eq!(round.session.scenario().id.value, "warranty-no-receipt");
}
