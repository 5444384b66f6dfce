//! The desktop app driven headless with egui_kittest: library, player,
//! debrief and settings, with keys and clicks, compared with the engine.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use momento::engine::{Mode, ReplyRef, Session};
use momento::i18n::Lang;
use momento::labels;
use momento::library::Library;
use momento::scenario::Dimension;
use momento::ui::player::Phase;
use momento::ui::settings::Settings;
use momento::ui::{AppOptions, BestResult, MomentoApp, Screen};
use std::path::PathBuf;

use momento::ui::player::NUMBER_KEYS;

/// A file dropped on the window, as the windowing backend hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn fixtures(dir: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

fn options(dir: Option<&str>, lang: Lang) -> AppOptions {
    AppOptions {
        scenarios_dir: dir.map(fixtures),
        settings: Some(Settings {
            language: Some(lang),
            ..Settings::default()
        }),
        ..AppOptions::test()
    }
}

fn app(options: AppOptions) -> Harness<'static, MomentoApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| MomentoApp::new(cc, options.clone()));
    harness.run();
    harness
}

/// The title of scenario `id` in `language`, as the library has it.
fn title_of(harness: &Harness<'_, MomentoApp>, id: &str, language: &str) -> String {
    harness
        .state()
        .library
        .find(id, language)
        .and_then(|e| e.scenario.as_ref())
        .map(|s| s.title.value.clone())
        .unwrap_or_else(|| panic!("the library has no `{id}` in `{language}`"))
}

/// Clicks a widget, scrolling it into view first.
fn click(harness: &mut Harness<'_, MomentoApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn start(harness: &mut Harness<'_, MomentoApp>, mode: &str, title: &str) {
    click(harness, &format!("{mode}: {title}"));
    harness.run();
    assert_eq!(harness.state().screen, Screen::Player);
}

/// Plays to an ending, alternating number keys and clicks on the reply
/// buttons, Enter and the Continue button; returns the positions chosen.
fn play_to_end(harness: &mut Harness<'_, MomentoApp>) -> Vec<usize> {
    let mut positions = Vec::new();
    for step in 0..60 {
        let player = harness.state().player.as_ref().expect("playing");
        if player.session.is_finished() {
            return positions;
        }
        if player.showing_feedback() {
            if step % 2 == 0 {
                harness.key_press(Key::Enter);
            } else {
                harness.get_by_label("Continue").click();
            }
            harness.run();
            continue;
        }
        let choices = player.session.choices();
        let position = (positions.len() * 7 + 1) % choices.len();
        if positions.len() % 2 == 0 {
            harness.key_press(NUMBER_KEYS[position]);
        } else {
            let choice = &choices[position];
            harness
                .get_by_label(&format!("{}. {}", choice.number, choice.text))
                .click();
        }
        harness.run();
        positions.push(position);
    }
    panic!("the conversation did not end in 60 steps");
}

/// Plays scenario `id` in English to its debrief, then checks that the
/// debrief shows the outcome and the three scores the engine computes for
/// the same seed and replies.
fn plays_to_a_debrief_that_matches_the_engine(dir: Option<&str>, id: &str) {
    let mut harness = app(options(dir, Lang::En));
    let title = title_of(&harness, id, "en");
    harness.get_by_label(&title);
    start(&mut harness, "Practice", &title);
    let positions = play_to_end(&mut harness);
    harness.get_by_label("See the debrief").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Debrief);

    let seed = harness.state().player.as_ref().unwrap().session.seed();
    let mut library = Library::built_in();
    if let Some(dir) = dir {
        library.add_dir(&fixtures(dir));
    }
    let scenario = library.find(id, "en").unwrap().playable().unwrap().clone();
    let mut session = Session::new(scenario, seed, Mode::Practice).unwrap();
    for position in positions {
        session.choose(position).unwrap();
    }
    let outcome = session.outcome().expect("the engine reached an ending too");
    let scorecard = session.scorecard();
    harness.get_by_label(labels::outcome(Lang::En, outcome));
    for dimension in Dimension::ALL {
        let label = labels::dimension(Lang::En, dimension);
        match scorecard.score(dimension) {
            Some(score) => harness.get_by_label(&format!("{label}: {:.0} of 100", score.round())),
            None => harness.get_by_label(&format!("{label}: not assessed (nothing was at stake)")),
        };
    }
    let balance = scorecard
        .balance
        .expect("the warranty always assesses something");
    harness.get_by_label(&format!("Balance: {:.0} of 100", balance.round()));
}

#[test]
fn plays_the_warranty_scenario_to_a_debrief_that_matches_the_engine() {
    plays_to_a_debrief_that_matches_the_engine(None, "warranty-no-receipt");
}

#[test]
fn plays_a_trainers_scenario_to_a_debrief_that_matches_the_engine() {
    plays_to_a_debrief_that_matches_the_engine(Some("valid"), "wrong-size");
}

#[test]
fn undo_in_practice_takes_the_reply_back() {
    let mut harness = app(options(Some("valid"), Lang::En));
    start(&mut harness, "Practice", "The wrong size");
    harness
        .get_by_label_contains("Returns take five working days")
        .click();
    harness.run();
    harness.get_by_label("Trainer's feedback");
    harness.get_by_label_contains("it answers the procedure, not the person");
    harness.get_by_label("Undo — try another reply").click();
    harness.run();
    let player = harness.state().player.as_ref().unwrap();
    assert!(player.session.steps().is_empty());
    assert!(!player.session.is_finished());
    assert!(harness.query_by_label("Trainer's feedback").is_none());
    // The same replies are on offer again; take the other one.
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
    harness.get_by_label_contains("You heard the unspoken need");
}

#[test]
fn assessment_shows_no_feedback_and_no_undo() {
    let mut harness = app(options(Some("valid"), Lang::En));
    start(&mut harness, "Assessment", "The wrong size");
    harness
        .get_by_label_contains("Let's see if we have your size")
        .click();
    harness.run();
    let player = harness.state().player.as_ref().unwrap();
    assert_eq!(player.session.steps().len(), 1);
    assert!(!player.showing_feedback());
    assert!(harness.query_by_label("Trainer's feedback").is_none());
    assert!(
        harness
            .query_by_label_contains("You heard the unspoken need")
            .is_none()
    );
    assert!(harness.query_by_label("Undo — try another reply").is_none());
    // The next replies are on offer at once.
    harness.get_by_label_contains("try it, to be sure");
}

#[test]
fn switching_to_english_changes_the_labels() {
    let mut harness = app(options(Some("valid"), Lang::Es));
    harness.get_by_role_and_label(Role::Button, "Escenarios");
    harness.get_by_label("Practicar: Garantía sin ticket");
    harness
        .get_by_role_and_label(Role::Button, "Ajustes")
        .click();
    harness.run();
    harness.get_by_label("Idioma");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Language");
    harness.get_by_role_and_label(Role::Button, "Scenarios");
    assert!(harness.query_by_label("Ajustes").is_none());
    assert!(harness.query_by_label("Idioma").is_none());
    harness
        .get_by_role_and_label(Role::Button, "Scenarios")
        .click();
    harness.run();
    // The cards follow the language: the English version of the scenario.
    harness.get_by_label("Practice: Warranty claim, no receipt");
    assert!(
        harness
            .query_by_label("Practicar: Garantía sin ticket")
            .is_none()
    );
    harness.get_by_label("Choose a moment of truth to practise.");
}

#[test]
fn an_invalid_scenario_shows_its_diagnostic_and_cannot_start() {
    let mut harness = app(options(Some("gui-invalid"), Lang::En));
    let library = Library::from_paths(&[fixtures("gui-invalid")]);
    let diagnostic = library
        .diagnostics()
        .next()
        .expect("the fixture has an error");
    let location = diagnostic.location();
    assert!(location.contains("broken-link.ron:"), "{location}");
    harness.get_by_label("Scenarios with errors");
    harness.get_by_label_contains(&format!("{location}: {}", diagnostic.message.en));
    assert!(
        harness
            .query_by_label("Practice: The broken link")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Assessment: The broken link")
            .is_none()
    );
    harness.run();
    assert_eq!(harness.state().screen, Screen::Library);
}

#[test]
fn a_timed_moment_times_out_and_takes_the_engines_timeout_route() {
    let mut harness = app(options(Some("timed"), Lang::En));
    start(&mut harness, "Assessment", "The busy counter");
    harness.get_by_role_and_label(Role::Label, "10 s left to reply");
    harness.state_mut().clock.advance(6.0);
    harness.run();
    harness.get_by_role_and_label(Role::Label, "4 s left to reply");
    assert!(
        harness
            .state()
            .player
            .as_ref()
            .unwrap()
            .session
            .steps()
            .is_empty()
    );
    harness.state_mut().clock.advance(4.5);
    harness.run();

    let player = harness.state().player.as_ref().unwrap();
    let step = player
        .session
        .steps()
        .last()
        .expect("the timeout was taken");
    assert_eq!(step.reply, ReplyRef::Timeout);
    let mut engine = Session::new(
        player.session.scenario().clone(),
        player.session.seed(),
        Mode::Assessment,
    )
    .unwrap();
    engine.time_out().unwrap();
    assert_eq!(player.session.node().id.value, engine.node().id.value);
    assert_eq!(player.session.outcome(), engine.outcome());
    harness.get_by_label_contains("(Time ran out)");
    harness.get_by_label_contains("sighs and walks out");
}

#[test]
fn the_countdown_waits_while_the_quit_dialog_is_open() {
    let mut harness = app(options(Some("timed"), Lang::En));
    start(&mut harness, "Assessment", "The busy counter");
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Leave this conversation?");
    harness.state_mut().clock.advance(30.0);
    harness.run();
    harness.get_by_label("Keep playing").click();
    harness.run();
    let player = harness.state().player.as_ref().unwrap();
    assert!(player.session.steps().is_empty(), "no timeout while paused");
    harness.get_by_role_and_label(Role::Label, "10 s left to reply");
}

#[test]
fn quitting_asks_for_confirmation() {
    let mut harness = app(options(Some("valid"), Lang::En));
    start(&mut harness, "Practice", "The wrong size");
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Leave this conversation?");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Leave this conversation?").is_none());
    assert_eq!(harness.state().screen, Screen::Player);
    harness.get_by_label("Quit").click();
    harness.run();
    harness.get_by_label("Yes, leave").click();
    harness.run();
    assert_eq!(harness.state().screen, Screen::Library);
    assert!(harness.state().player.is_none());
}

#[test]
fn a_whole_scenario_can_be_played_with_the_keyboard() {
    let mut harness = app(options(Some("valid"), Lang::En));
    // Tab to the card's Practice button, Enter to start.
    let mut presses = 0;
    while !harness
        .get_by_label("Practice: The wrong size")
        .is_focused()
    {
        assert!(presses < 200, "Tab never reached the Practice button");
        harness.key_press(Key::Tab);
        harness.run();
        presses += 1;
    }
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen, Screen::Player);
    let tomorrow = harness
        .state()
        .player
        .as_ref()
        .unwrap()
        .session
        .choices()
        .iter()
        .position(|c| c.id == "tomorrow")
        .unwrap();
    harness.key_press(NUMBER_KEYS[tomorrow]);
    harness.run();
    assert!(matches!(
        harness.state().player.as_ref().unwrap().phase,
        Phase::Feedback(_)
    ));
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press(Key::Num1);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen, Screen::Debrief);
    harness.get_by_label("Customer kept");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().screen, Screen::Library);
}

#[test]
fn the_debrief_keeps_reflections_and_plays_again_with_the_same_seed() {
    let mut harness = app(options(Some("valid"), Lang::En));
    start(&mut harness, "Assessment", "The wrong size");
    let seed = harness.state().player.as_ref().unwrap().session.seed();
    play_to_end(&mut harness);
    harness.get_by_label("See the debrief").click();
    harness.run();
    harness.get_by_label("Your decisions");
    harness.get_by_label("Promise ledger");
    let prompt = harness
        .state_mut()
        .player
        .as_mut()
        .unwrap()
        .review(Lang::En)
        .0
        .debrief
        .reflection_prompts[0]
        .clone();
    assert!(prompt.starts_with("What did "), "{prompt}");
    harness.get_by_label(&prompt).scroll_to_me();
    harness.run();
    harness.get_by_label(&prompt).focus();
    harness.run();
    harness
        .get_by_label(&prompt)
        .type_text("They needed it for tomorrow");
    harness.run();
    assert_eq!(
        harness.state().player.as_ref().unwrap().reflections[0],
        "They needed it for tomorrow"
    );
    harness
        .get_by_label("Play again (same conversation)")
        .click();
    harness.run();
    let player = harness.state().player.as_ref().unwrap();
    assert_eq!(harness.state().screen, Screen::Player);
    assert_eq!(player.session.seed(), seed);
    assert_eq!(player.session.mode(), Mode::Assessment);
    assert!(player.session.steps().is_empty());
}

#[test]
fn a_dropped_scenario_file_is_offered_to_play() {
    let mut harness = app(options(None, Lang::En));
    assert!(
        harness
            .query_by_label_contains("The busy counter")
            .is_none()
    );
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(
            fixtures("timed").join("busy-counter.ron"),
        )));
    harness.run();
    harness.get_by_label_contains("Opened file:");
    click(&mut harness, "Practice: The busy counter (opened file)");
    assert_eq!(harness.state().screen, Screen::Player);
    harness.get_by_label_contains("Is my phone ready or not?");
}

#[test]
fn library_cards_show_the_best_result_and_filter_by_tag() {
    let mut harness = app(options(Some("valid"), Lang::En));
    harness.get_by_label("Topic:").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "#returns")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "#returns")
        .click();
    harness.run();
    harness.get_by_label("Not played yet.");
    harness.state_mut().best_results.insert(
        ("wrong-size".to_string(), "en".to_string()),
        BestResult {
            scores: [Some(80.0), Some(100.0), Some(60.0)],
            balance: Some(78.3),
            outcome: momento::scenario::Outcome::Kept,
        },
    );
    harness.run();
    harness.get_by_label("Your best:");
    harness.get_by_label("empathy 80 · promises 100 · care 60 · balance 78");
    // Only the scenarios with the tag are shown.
    harness.get_by_label("Practice: The wrong size");
    assert!(
        harness
            .query_by_label("Practice: Warranty claim, no receipt")
            .is_none()
    );
    assert!(harness.query_by_label("Practice: Feature test").is_none());
}

#[test]
fn the_text_size_scales_the_whole_interface() {
    let mut harness = app(options(Some("valid"), Lang::En));
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("150 %").click();
    harness.run();
    assert_eq!(harness.state().settings.text_scale, 1.5);
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 1e-6);
}

#[test]
fn a_scenarios_folder_set_in_settings_adds_its_scenarios() {
    let mut harness = app(options(None, Lang::En));
    assert!(
        harness
            .query_by_label("Practice: The busy counter")
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::Button, "Settings")
        .click();
    harness.run();
    let folder = fixtures("timed");
    harness.get_by_label("Scenarios folder").focus();
    harness.run();
    harness
        .get_by_label("Scenarios folder")
        .type_text(&folder.display().to_string());
    harness.run();
    harness.get_by_label("Load").click();
    harness.run();
    assert_eq!(harness.state().settings.scenarios_folder, Some(folder));
    harness.get_by_label("Files from this folder in the library: 1");
    harness
        .get_by_role_and_label(Role::Button, "Scenarios")
        .click();
    harness.run();
    click(&mut harness, "Practice: The busy counter");
    assert_eq!(harness.state().screen, Screen::Player);
}
