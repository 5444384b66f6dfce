//! The engine and the scoring model, driven directly.

use momento::engine::{
    Cause, EngineError, Event, Mode, PromiseStatus, ReplyRef, RestoreError, SavedSession, Session,
    StartState,
};
use momento::scenario::{Dimension, Limits, Outcome, Scenario, load_str};
use momento::scoring::{CONFIRM_POINTS, KEEP_POINTS, RETRACT_POINTS, UNREALISTIC_POINTS};
use std::path::Path;
use std::sync::Arc;

fn load(text: &str) -> Arc<Scenario> {
    let loaded = load_str(Path::new("test.ron"), text, &Limits::default());
    let errors: Vec<String> = loaded
        .errors()
        .map(|d| d.render(momento::lang::Lang::En))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    Arc::new(loaded.scenario.unwrap())
}

fn fixture(name: &str) -> Arc<Scenario> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid")
        .join(name);
    load(&std::fs::read_to_string(path).unwrap())
}

fn play(scenario: &Arc<Scenario>, seed: u64, ids: &[&str]) -> Session {
    let mut session = Session::new(Arc::clone(scenario), seed, Mode::Practice).unwrap();
    for id in ids {
        // "toss" is only reached when the mood route does not end the
        // conversation first; the outcome does not matter to these tests.
        if *id == "toss" && session.is_finished() {
            continue;
        }
        if *id == "timeout" {
            session.time_out().unwrap();
        } else {
            session
                .choose_id(id)
                .unwrap_or_else(|e| panic!("{id}: {e}"));
        }
    }
    session
}

/// A chain of `len` decisions, each offering a good and a bad reply, the
/// bad one ending the conversation at once.
fn chain(len: usize, promise: &str) -> String {
    let mut nodes = String::new();
    for i in 0..len {
        let next = if i + 1 == len {
            "end".to_string()
        } else {
            format!("n{}", i + 1)
        };
        let promises = if i == 0 { promise } else { "" };
        nodes.push_str(&format!(
            r#""n{i}": Node(text: "Step {i}.", choices: [
                Choice(id: "good", text: "Good.", effects: (empathy: 2, promise: 1, care: 2), {promises} feedback: "Good.", next: "{next}"),
                Choice(id: "bad", text: "Bad.", effects: (empathy: -2, promise: -1, care: -2), feedback: "Bad.", next: "gone"),
            ]),
            "#
        ));
    }
    format!(
        r#"Scenario(format: 1, id: "chain", version: 1, language: "en", title: "Chain", summary: "A chain.",
        customer: (names: ["Ana"], persona: "Tester."), start: "n0",
        nodes: {{ {nodes}
            "end": Ending(outcome: Kept, text: "End.", debrief: "Done."),
            "gone": Ending(outcome: Lost, text: "Gone.", debrief: "Lost."),
        }})"#
    )
}

fn ids(n: usize, id: &'static str) -> Vec<&'static str> {
    vec![id; n]
}

// ---- determinism ------------------------------------------------------------

#[test]
fn same_seed_and_replies_give_an_identical_session() {
    let scenario = fixture("features.ron");
    for seed in 0..50 {
        let a = play(&scenario, seed, &["best", "keep", "confirm"]);
        let b = play(&scenario, seed, &["best", "keep", "confirm"]);
        assert_eq!(a.events(), b.events());
        assert_eq!(a.transcript(), b.transcript());
        assert_eq!(a.scorecard(), b.scorecard());
        assert_eq!(a.customer_name(), b.customer_name());
    }
}

#[test]
fn the_seed_varies_name_mood_and_order() {
    let scenario = fixture("features.ron");
    let sessions: Vec<Session> = (0..40)
        .map(|seed| Session::new(Arc::clone(&scenario), seed, Mode::Practice).unwrap())
        .collect();
    let names: std::collections::HashSet<_> = sessions
        .iter()
        .map(|s| s.customer_name().to_string())
        .collect();
    let moods: std::collections::HashSet<_> = sessions.iter().map(|s| s.mood()).collect();
    let orders: std::collections::HashSet<_> =
        sessions.iter().map(|s| s.offered().to_vec()).collect();
    assert_eq!(names.len(), 3, "every name variant is used");
    assert!(moods.iter().all(|m| (40..=50).contains(m)));
    assert!(moods.len() > 3);
    assert!(orders.len() > 1, "choice order is shuffled by the seed");
}

#[test]
fn fixed_order_and_unshuffled_scenarios_keep_file_order() {
    let text = chain(2, "").replace("start: \"n0\",", "start: \"n0\", shuffle_choices: false,");
    let scenario = load(&text);
    for seed in 0..20 {
        let session = Session::new(Arc::clone(&scenario), seed, Mode::Practice).unwrap();
        assert_eq!(session.offered(), &[0, 1]);
    }
}

// ---- conditions, routes, timeouts --------------------------------------------

#[test]
fn conditions_decide_what_is_offered() {
    let scenario = fixture("features.ron");
    let offered_ids = |s: &Session| {
        let mut ids: Vec<String> = s.choices().into_iter().map(|c| c.id).collect();
        ids.sort();
        ids
    };
    let after_best = play(&scenario, 1, &["best"]);
    assert_eq!(offered_ids(&after_best), ["keep", "plain"]);
    let after_worst = play(&scenario, 1, &["worst"]);
    assert_eq!(offered_ids(&after_worst), ["plain", "sorry"]);
}

#[test]
fn routes_follow_mood_and_random_routes_follow_weights() {
    let scenario = fixture("features.ron");
    let mut counts = std::collections::HashMap::new();
    for seed in 0..4_000 {
        let session = play(&scenario, seed, &["worst", "plain", "skip", "toss"]);
        *counts.entry(session.outcome().unwrap()).or_insert(0) += 1;
    }
    // Mood is at most 50 - 30 after "worst": never the "kept" branch.
    assert_eq!(counts.get(&Outcome::Kept), None);
    let neutral = counts[&Outcome::Neutral] as f64 / 4_000.0;
    assert!(
        (0.70..0.80).contains(&neutral),
        "weights 3:1 gave {neutral}"
    );
}

#[test]
fn a_timeout_takes_its_route_and_scores_no_more_than_the_worst_reply() {
    let scenario = fixture("features.ron");
    let mut session = play(&scenario, 3, &["best", "timeout"]);
    let step = session.steps()[1];
    assert_eq!(step.reply, ReplyRef::Timeout);
    assert_eq!(session.node().id.value, "c");
    assert_eq!(step.points[Dimension::Empathy.index()].earned, 0.0);
    assert_eq!(step.points[Dimension::Empathy.index()].available, 1.0);
    assert!(matches!(session.time_out(), Err(EngineError::NoTimeLimit)));
}

#[test]
fn mood_stays_between_0_and_100() {
    // Pushed past both ends: +60 from 90, then -100 twice from 100.
    let scenario = load(
        r#"Scenario(format: 1, id: "clamp", version: 1, language: "en", title: "Clamp", summary: "Mood limits.",
        customer: (names: ["Ana"], persona: "Tester.", mood: 90), start: "up",
        nodes: {
            "up": Node(text: "Up.", choices: [
                Choice(id: "joy", text: "Joy.", mood: 60, feedback: "Up.", next: "down"),
            ]),
            "down": Node(text: "Down.", choices: [
                Choice(id: "blow", text: "Blow.", mood: -100, feedback: "Down.", next: "again"),
            ]),
            "again": Node(text: "Again.", choices: [
                Choice(id: "blow", text: "Blow.", mood: -100, feedback: "Down.", next: "end"),
            ]),
            "end": Ending(outcome: Lost, text: "End.", debrief: "Done."),
        })"#,
    );
    let session = play(&scenario, 1, &["joy", "blow", "blow"]);
    assert_eq!(session.mood_history(), [90, 100, 0, 0]);
    let changes: Vec<(i32, i32)> = session
        .events()
        .iter()
        .filter_map(|e| match *e {
            Event::MoodChanged { from, to } => Some((from, to)),
            _ => None,
        })
        .collect();
    // No change event once the mood is already at the limit.
    assert_eq!(changes, [(90, 100), (100, 0)]);
    let scenario = fixture("features.ron");
    for seed in 0..200 {
        let session = play(&scenario, seed, &["worst", "plain", "skip", "toss"]);
        for mood in session.mood_history() {
            assert!((0..=100).contains(&mood));
        }
    }
}

// ---- scoring properties -------------------------------------------------------

#[test]
fn path_length_is_neither_rewarded_nor_punished() {
    // All-best paths score 100 whatever their length; all-worst score 0.
    for len in [1, 3, 8] {
        let scenario = load(&chain(len, ""));
        let good = play(&scenario, 1, &ids(len, "good"));
        assert_eq!(good.outcome(), Some(Outcome::Kept));
        assert_eq!(good.scorecard().scores(), [Some(100.0); 3], "len {len}");
        let bad = play(&scenario, 1, &["bad"]);
        assert_eq!(bad.outcome(), Some(Outcome::Lost));
        assert_eq!(bad.scorecard().scores(), [Some(0.0); 3], "len {len}");
    }
    // Leaving after one good and one bad reply scores the same as the same
    // mix on a longer chain: the score measures choices, not length.
    let short = load(&chain(2, ""));
    let long = load(&chain(9, ""));
    let a = play(&short, 1, &["good", "bad"]).scorecard();
    let b = play(&long, 1, &["good", "bad"]).scorecard();
    assert_eq!(a.scores(), [Some(50.0); 3]);
    assert_eq!(a.scores(), b.scores());
}

#[test]
fn best_reply_everywhere_scores_100() {
    let scenario = fixture("features.ron");
    let session = play(&scenario, 7, &["best", "keep", "confirm", "toss"]);
    assert!(session.is_finished());
    assert_eq!(session.scorecard().scores(), [Some(100.0); 3]);
    assert_eq!(session.scorecard().balance, Some(100.0));
}

#[test]
fn an_unkept_promise_counts_as_broken_at_the_end() {
    let scenario = fixture("features.ron");
    let session = play(&scenario, 7, &["best", "plain", "confirm", "toss"]);
    let broken_at_end = session
        .events()
        .iter()
        .any(|e| matches!(e, Event::PromiseBroken { at_end: true, .. }));
    assert!(broken_at_end);
    assert_eq!(session.ledger()[0].status, PromiseStatus::Broken);
    let card = session.scorecard();
    let line = card
        .lines
        .iter()
        .find(|l| matches!(l.cause, Cause::Broken { at_end: true, .. }))
        .unwrap();
    assert_eq!(
        (line.points.earned, line.points.available),
        (0.0, KEEP_POINTS)
    );
    assert!(card.score(Dimension::Promise).expect("assessed") < 100.0);
}

#[test]
fn an_unrealistic_promise_costs_even_when_kept() {
    let scenario = fixture("features.ron");
    // Same replies except the promise: realistic ("best") vs ignoring a
    // limit ("mid"). The promise dimension of "mid" is lower, and one
    // line names the limit.
    let realistic = play(&scenario, 7, &["best", "keep", "confirm", "toss"]).scorecard();
    let unrealistic = play(&scenario, 7, &["mid", "keep", "confirm", "toss"]).scorecard();
    assert!(unrealistic.score(Dimension::Promise) < realistic.score(Dimension::Promise));
    let line = unrealistic
        .lines
        .iter()
        .find(|l| matches!(l.cause, Cause::Unrealistic { .. }))
        .unwrap();
    assert_eq!(
        (line.points.earned, line.points.available),
        (0.0, UNREALISTIC_POINTS)
    );
}

#[test]
fn confirming_with_the_customer_is_rewarded() {
    let scenario = fixture("features.ron");
    let confirmed = play(&scenario, 7, &["best", "keep", "confirm", "toss"]).scorecard();
    let skipped = play(&scenario, 7, &["best", "keep", "skip", "toss"]).scorecard();
    assert!(confirmed.score(Dimension::Promise) > skipped.score(Dimension::Promise));
    assert!(
        confirmed.lines.iter().any(
            |l| matches!(l.cause, Cause::Confirmed { .. }) && l.points.earned == CONFIRM_POINTS
        )
    );
    assert!(
        skipped
            .lines
            .iter()
            .any(|l| matches!(l.cause, Cause::NotConfirmed { .. })
                && l.points.earned == 0.0
                && l.points.available == CONFIRM_POINTS)
    );
}

#[test]
fn every_point_is_explained_by_a_line() {
    let scenario = fixture("features.ron");
    for seed in 0..100 {
        let session = play(&scenario, seed, &["mid", "plain", "skip", "toss"]);
        let card = session.scorecard();
        for d in Dimension::ALL {
            let (earned, available) = card
                .lines
                .iter()
                .filter(|l| l.dimension == d)
                .fold((0.0, 0.0), |(e, a), l| {
                    (e + l.points.earned, a + l.points.available)
                });
            let total = card.dimensions[d.index()].points;
            assert_eq!((earned, available), (total.earned, total.available));
        }
    }
}

// ---- undo, save, restore, start anywhere ----------------------------------------

#[test]
fn undo_restores_the_previous_state_exactly() {
    let scenario = fixture("features.ron");
    let before = play(&scenario, 11, &["best"]);
    let mut session = play(&scenario, 11, &["best", "keep"]);
    session.undo().unwrap();
    assert_eq!(session.events(), before.events());
    assert_eq!(session.offered(), before.offered());
    assert_eq!(session.mood(), before.mood());
    session.undo().unwrap();
    assert!(matches!(session.undo(), Err(EngineError::NothingToUndo)));
}

#[test]
fn assessment_mode_refuses_undo() {
    let scenario = fixture("features.ron");
    let mut session = Session::new(scenario, 1, Mode::Assessment).unwrap();
    session.choose(0).unwrap();
    assert!(matches!(session.undo(), Err(EngineError::UndoInAssessment)));
}

#[test]
fn a_saved_session_round_trips_and_restores_exactly() {
    let scenario = fixture("features.ron");
    let session = play(&scenario, 21, &["worst", "sorry", "skip"]);
    let saved = session.save();
    let text = ron::to_string(&saved).unwrap();
    let back: SavedSession = ron::from_str(&text).unwrap();
    assert_eq!(back, saved);
    let restored = Session::restore(Arc::clone(&scenario), &back).unwrap();
    assert_eq!(restored.events(), session.events());
    assert_eq!(restored.offered(), session.offered());
    assert_eq!(saved.content_hash, scenario.source.content_hash);
}

#[test]
fn restoring_on_a_changed_scenario_says_so() {
    let scenario = fixture("features.ron");
    let saved = play(&scenario, 21, &["best"]).save();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/features.ron");
    let changed = std::fs::read_to_string(path)
        .unwrap()
        .replace("Start, {customer_first}.", "Hi!");
    let changed = load(&changed);
    assert!(matches!(
        Session::restore(Arc::clone(&changed), &saved),
        Err(RestoreError::ScenarioChanged { .. })
    ));
    // The structure did not change, so a replay still works.
    let replayed = Session::replay(changed, &saved).unwrap();
    assert_eq!(replayed.steps().len(), 1);
}

#[test]
fn a_session_can_start_at_any_node_with_a_preset_state() {
    let scenario = fixture("features.ron");
    let start = StartState {
        node: "b".to_string(),
        mood: 90,
        flags: vec!["rude".to_string()],
        open_promises: vec!["p".to_string()],
    };
    let mut session =
        Session::starting_at(Arc::clone(&scenario), 5, Mode::Practice, start).unwrap();
    assert_eq!(session.node().id.value, "b");
    assert_eq!(session.mood(), 90);
    assert_eq!(
        session.choices().len(),
        3,
        "keep (promise open), plain, sorry (flag set)"
    );
    session.choose_id("keep").unwrap();
    assert_eq!(session.ledger()[0].status, PromiseStatus::Kept);
    let saved = session.save();
    let restored = Session::restore(scenario, &saved).unwrap();
    assert_eq!(restored.events(), session.events());
}

#[test]
fn a_scenario_with_errors_cannot_be_played() {
    let loaded = load_str(
        Path::new("bad.ron"),
        &chain(1, "").replace("next: \"gone\"", "next: \"nowhere\""),
        &Limits::default(),
    );
    let scenario = Arc::new(loaded.scenario.unwrap());
    assert!(matches!(
        Session::new(scenario, 1, Mode::Practice),
        Err(EngineError::NotPlayable)
    ));
}

#[test]
fn a_finished_session_refuses_more_replies() {
    let scenario = load(&chain(1, ""));
    let mut session = play(&scenario, 1, &["good"]);
    assert!(matches!(session.choose(0), Err(EngineError::Finished)));
    assert!(session.choices().is_empty());
}

#[test]
fn errors_a_user_can_see_speak_both_languages() {
    use momento::engine::{Divergence, EngineError, RestoreError};
    use momento::lang::Lang;
    let engine_errors = [
        EngineError::NotPlayable,
        EngineError::Finished,
        EngineError::NoSuchChoice(4),
        EngineError::NoTimeLimit,
        EngineError::UndoInAssessment,
        EngineError::NothingToUndo,
        EngineError::UnknownNode("angyr".into()),
        EngineError::StartAtEnding("kept".into()),
    ];
    for error in &engine_errors {
        // English is what the error says in logs; Spanish is its own text.
        assert_eq!(error.message(Lang::En), error.to_string());
        assert_ne!(error.message(Lang::Es), error.message(Lang::En), "{error}");
    }
    let diverged = RestoreError::Diverged {
        step: 3,
        divergence: Divergence::ReplyNotOffered {
            reply: "policy".into(),
            node: "counter".into(),
        },
    };
    assert_eq!(diverged.message(Lang::En), diverged.to_string());
    assert_eq!(
        diverged.message(Lang::Es),
        "paso 3: la respuesta `policy` no se ofrece en `counter`"
    );
}

// ---- scoring that tells the truth ---------------------------------------------

/// A scenario with the given nodes, starting at `start`.
fn with_nodes(start: &str, mood: i32, nodes: &str) -> Arc<Scenario> {
    load(&format!(
        r#"Scenario(format: 1, id: "truth", version: 1, language: "en", title: "Truth", summary: "Scoring.",
        customer: (names: ["Ana Ruiz"], persona: "Tester.", mood: {mood}), start: "{start}",
        nodes: {{ {nodes}
            "end": Ending(outcome: Neutral, text: "End.", debrief: "Done."),
        }})"#
    ))
}

fn promise_points(session: &Session) -> (f64, f64) {
    let p = session.scorecard().dimensions[Dimension::Promise.index()].points;
    (p.earned, p.available)
}

#[test]
fn a_dimension_with_nothing_at_stake_is_not_assessed() {
    // Every reply has the same promise effect and no promise is made.
    let scenario = with_nodes(
        "a",
        50,
        r#""a": Node(text: "A.", choices: [
            Choice(id: "good", text: "Good.", effects: (empathy: 2, care: 1), feedback: "G.", next: "end"),
            Choice(id: "bad", text: "Bad.", effects: (empathy: -1, care: -2), feedback: "B.", next: "end"),
        ]),"#,
    );
    let card = play(&scenario, 1, &["bad"]).scorecard();
    assert_eq!(card.score(Dimension::Promise), None, "not 100");
    assert_eq!(card.score(Dimension::Empathy), Some(0.0));
    // The balance is taken over empathy and care only; each rests on 3
    // points, a quarter of full evidence, so a zero there counts as 75.
    assert_eq!(card.balance, Some(75.0));
    let good = play(&scenario, 1, &["good"]).scorecard();
    assert_eq!(good.balance, Some(100.0));
}

const PROMISES: &str = r#""a": Node(text: "Promise?", choices: [
        Choice(id: "real", text: "I'll call.", promises: [Make(id: "call", text: "A call")], feedback: "R.", next: "b"),
        Choice(id: "wish", text: "It'll be here by noon.", promises: [Make(id: "call", text: "By noon", limit: NoTools)], feedback: "W.", next: "b"),
    ]),
    "b": Node(text: "Later.", choices: [
        Choice(id: "keep", text: "Keep.", promises: [Keep("call")], feedback: "K.", next: "c"),
        Choice(id: "retract", text: "I was wrong to promise that.", promises: [Retract("call")], feedback: "T.", next: "c"),
        Choice(id: "break", text: "Break.", promises: [Break("call")], feedback: "X.", next: "c"),
        Choice(id: "luck", text: "Wait and see.", feedback: "L.", next: Random([(weight: 1, go: "came"), (weight: 1, go: "didnt")])),
    ]),
    "came": Node(text: "It came.", promises: [Keep("call")], choices: [
        Choice(id: "on", text: "On.", feedback: "O.", next: "c"),
    ]),
    "didnt": Node(text: "It did not.", promises: [Break("call")], choices: [
        Choice(id: "on", text: "On.", feedback: "O.", next: "c"),
    ]),
    "c": Node(text: "Check?", choices: [
        Choice(id: "confirm", text: "Was that what you needed?", promises: [Confirm("call")], feedback: "C.", next: "end"),
        Choice(id: "bye", text: "Bye.", feedback: "B.", next: "end"),
    ]),"#;

#[test]
fn an_honest_retraction_earns_part_of_the_credit_and_a_silent_break_none() {
    let scenario = with_nodes("a", 50, PROMISES);
    let retracted = play(&scenario, 1, &["real", "retract", "bye"]);
    let broken = play(&scenario, 1, &["real", "break", "bye"]);
    let kept = play(&scenario, 1, &["real", "keep", "confirm"]);
    assert_eq!(retracted.ledger()[0].status, PromiseStatus::Retracted);
    // Taken back: half of the keeping points, and nothing owed for a
    // confirmation of a promise that no longer stands.
    assert_eq!(promise_points(&retracted), (RETRACT_POINTS, KEEP_POINTS));
    assert_eq!(promise_points(&broken), (0.0, KEEP_POINTS + CONFIRM_POINTS));
    assert_eq!(
        promise_points(&kept),
        (KEEP_POINTS + CONFIRM_POINTS, KEEP_POINTS + CONFIRM_POINTS)
    );
    let score = |s: &Session| s.scorecard().score(Dimension::Promise).unwrap_or(-1.0);
    assert!(score(&broken) < score(&retracted) && score(&retracted) < score(&kept));
}

#[test]
fn confirming_a_broken_promise_earns_nothing() {
    let scenario = with_nodes("a", 50, PROMISES);
    let session = play(&scenario, 1, &["real", "break", "confirm"]);
    assert!(!session.ledger()[0].confirmed);
    assert!(
        !session
            .events()
            .iter()
            .any(|e| matches!(e, Event::PromiseConfirmed { .. })),
        "no confirmation event for a broken promise"
    );
    assert_eq!(
        promise_points(&session),
        (0.0, KEEP_POINTS + CONFIRM_POINTS)
    );
}

#[test]
fn an_unrealistic_promise_never_pays_even_when_luck_makes_it_come_true() {
    let scenario = with_nodes("a", 50, PROMISES);
    // Find seeds where chance goes each way.
    let mut lucky = None;
    let mut unlucky = None;
    for seed in 0..64 {
        let session = play(&scenario, seed, &["wish", "luck", "on", "confirm"]);
        match session.ledger()[0].status {
            PromiseStatus::Kept => lucky = Some(session),
            PromiseStatus::Broken => unlucky = Some(session),
            _ => {}
        }
    }
    let (lucky, unlucky) = (
        lucky.expect("a lucky seed"),
        unlucky.expect("an unlucky seed"),
    );
    assert_eq!(promise_points(&lucky).0, 0.0, "luck earns nothing");
    assert_eq!(
        lucky.scorecard().score(Dimension::Promise),
        unlucky.scorecard().score(Dimension::Promise),
        "the same replies score the same whatever chance did"
    );
    assert!(
        lucky
            .scorecard()
            .lines
            .iter()
            .any(|l| matches!(l.cause, Cause::KeptByLuck { .. }))
    );
}

#[test]
fn abuse_of_a_furious_customer_still_costs() {
    let scenario = with_nodes(
        "a",
        10,
        r#""a": Node(text: "Furious.", choices: [
            Choice(id: "abuse", text: "Calm down!", mood: -40, feedback: "A.", next: "b"),
            Choice(id: "calm", text: "I hear you.", feedback: "C.", next: "b"),
        ]),
        "b": Node(text: "Still furious.", choices: [
            Choice(id: "abuse", text: "Calm down!", mood: -40, feedback: "A.", next: "end"),
            Choice(id: "calm", text: "I hear you.", feedback: "C.", next: "end"),
        ]),"#,
    );
    let once = play(&scenario, 1, &["abuse", "calm"]).scorecard();
    let twice = play(&scenario, 1, &["abuse", "abuse"]);
    assert_eq!(twice.mood(), 0);
    // The second blow lands on a mood already at 0, and still costs.
    let beyond: Vec<f64> = twice
        .scorecard()
        .lines
        .iter()
        .filter(|l| matches!(l.cause, Cause::BeyondFurious { .. }))
        .map(|l| l.points.available)
        .collect();
    assert_eq!(beyond, [3.0, 4.0], "30 then 40 points below 0");
    let lost = |card: &momento::scoring::Scorecard| {
        card.dimensions[Dimension::Empathy.index()].points.lost()
    };
    assert!(
        lost(&twice.scorecard()) > lost(&once),
        "the second blow costs more empathy"
    );
}

#[test]
fn an_abandoned_attempt_shows_how_far_it_got_and_no_score() {
    let scenario = fixture("features.ron");
    let session = play(&scenario, 7, &["best"]);
    assert!(!session.is_finished());
    let review = momento::debrief::Debrief::of(&session, momento::lang::Lang::En);
    let (made, total) = review.progress.expect("progress of an unfinished attempt");
    assert_eq!(made, 1);
    assert!(total > made, "{made} of {total}");
    assert!(review.why.is_empty(), "no ending, no verdict");
}

#[test]
fn the_debrief_says_why_the_ending_came_out_as_it_did() {
    let scenario = with_nodes("a", 50, PROMISES);
    let session = play(&scenario, 1, &["real", "keep", "confirm"]);
    let review = momento::debrief::Debrief::of(&session, momento::lang::Lang::En);
    assert_eq!(
        review.why,
        "Why this ending: Ana Ruiz's mood ended at 50 (neutral); you made 1 promise, kept 1 and confirmed 1; none of your 3 replies hid behind policy."
    );
    let spanish = momento::debrief::Debrief::of(&session, momento::lang::Lang::Es);
    assert!(
        spanish
            .why
            .starts_with("Por qué este final: el ánimo de Ana Ruiz terminó en 50")
    );
}

#[test]
fn the_debrief_says_when_the_ending_and_the_scores_disagree() {
    // Kept with a poor balance: the customer stays, the conduct did not earn it.
    let node = |id: &str, next: &str| {
        format!(
            r#""{id}": Node(text: "{id}.", choices: [
                Choice(id: "good", text: "Good.", effects: (empathy: 3, care: 3), feedback: "G.", next: "{next}"),
                Choice(id: "bad", text: "Bad.", effects: (empathy: -3, care: -3), feedback: "B.", next: "{next}"),
            ]),"#
        )
    };
    let nodes = format!(
        "{}{}{}\"d\": Node(text: \"d.\", choices: [Choice(id: \"bad\", text: \"Bad.\", effects: (empathy: -3, care: -3), feedback: \"B.\", next: \"kept\"), Choice(id: \"good\", text: \"Good.\", effects: (empathy: 3, care: 3), feedback: \"G.\", next: \"kept\")]), \"kept\": Ending(outcome: Kept, text: \"Stays.\", debrief: \"Kept.\"),",
        node("a", "b"),
        node("b", "c"),
        node("c", "d")
    );
    let scenario = with_nodes("a", 50, &nodes);
    let session = play(&scenario, 1, &["bad", "bad", "bad", "bad"]);
    assert_eq!(session.outcome(), Some(Outcome::Kept));
    let review = momento::debrief::Debrief::of(&session, momento::lang::Lang::En);
    let disagreement = review.disagreement.expect("kept with balance 0");
    assert!(
        disagreement.starts_with("The ending and your scores disagree"),
        "{disagreement}"
    );
}
