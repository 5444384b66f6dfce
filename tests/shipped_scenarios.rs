//! The shipped library: every scenario loads clean, exists in both
//! languages with identical structure, plays to an end from any seed, and
//! passes the fairness bars a training department relies on.

use momento::analysis::{Options, analyze, random_playthrough};
use momento::diagnostic::Code;
use momento::engine::{Mode, Rng, Session};
use momento::library::{Entry, Library};
use momento::scenario::{MoodSpec, Next, NodeBody, Outcome, PromiseAction, Scenario, Speaker};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

fn shipped() -> Vec<Entry> {
    Library::built_in().entries
}

fn scenarios() -> Vec<Arc<Scenario>> {
    shipped()
        .iter()
        .map(|e| {
            Arc::clone(
                e.playable()
                    .unwrap_or_else(|| panic!("{} is not playable", e.path.display())),
            )
        })
        .collect()
}

#[test]
fn ten_scenarios_in_both_languages_with_no_diagnostics() {
    let entries = shipped();
    for entry in &entries {
        let rendered: Vec<String> = entry
            .diagnostics
            .iter()
            .map(|d| d.render(momento::lang::Lang::En))
            .collect();
        assert!(rendered.is_empty(), "{}", rendered.join("\n"));
    }
    let mut languages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in &entries {
        languages
            .entry(entry.id())
            .or_default()
            .insert(entry.language().to_string());
    }
    assert_eq!(languages.len(), 10, "{languages:?}");
    for (id, langs) in &languages {
        assert_eq!(
            langs,
            &BTreeSet::from(["en".to_string(), "es".to_string()]),
            "{id}"
        );
    }
}

#[test]
fn parity_differences_are_errors_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::built_in();
    let es = library.find("warranty-no-receipt", "es").unwrap();
    let en = library.find("warranty-no-receipt", "en").unwrap();
    std::fs::create_dir_all(dir.path().join("es")).unwrap();
    std::fs::create_dir_all(dir.path().join("en")).unwrap();
    std::fs::write(dir.path().join("es/x.ron"), &*es.text).unwrap();
    // Change one effect in the English file only.
    let changed = en.text.replacen("empathy: 2", "empathy: 1", 1);
    assert_ne!(changed, *en.text);
    std::fs::write(dir.path().join("en/x.ron"), changed).unwrap();
    let checked = Library::from_paths(&[dir.path().to_path_buf()]);
    let parity: Vec<_> = checked
        .diagnostics()
        .filter(|d| d.code == Code::E030)
        .collect();
    assert_eq!(parity.len(), 1, "{parity:#?}");
    let related = parity[0].related.as_ref().unwrap();
    assert_ne!(related.file, parity[0].file);
    assert!(
        parity[0].message.en.contains("different effects"),
        "{}",
        parity[0].message.en
    );
    assert!(
        parity[0].message.es.contains("tiene otros efectos"),
        "{}",
        parity[0].message.es
    );
}

#[test]
fn thousands_of_seeded_random_playthroughs_end_in_range_and_replay_identically() {
    for scenario in scenarios() {
        let mut session = Session::new(Arc::clone(&scenario), 0, Mode::Practice).unwrap();
        let mut picker = Rng::new(99);
        for seed in 0..2_000u64 {
            session.reset(seed);
            assert!(
                random_playthrough(&mut session, &mut picker, 100),
                "{} seed {seed} did not end",
                scenario.id.value
            );
            let card = session.scorecard();
            for score in card.scores().into_iter().flatten() {
                assert!((0.0..=100.0).contains(&score));
            }
            assert!((0..=100).contains(&session.mood()));
            if seed % 200 == 0 {
                let again = Session::replay(Arc::clone(&scenario), &session.save()).unwrap();
                assert_eq!(again.events(), session.events());
                assert_eq!(again.scorecard(), card);
            }
        }
    }
}

#[test]
fn every_scenario_meets_the_fairness_bars() {
    let mut failures = Vec::new();
    for scenario in scenarios() {
        let name = format!("{} ({})", scenario.id.value, scenario.language.value);
        let analysis = analyze(
            Arc::clone(&scenario),
            &Options {
                runs: 3_000,
                ..Options::default()
            },
        )
        .unwrap();
        let mut check = |ok: bool, what: String| {
            if !ok {
                failures.push(format!("{name}: {what}"));
            }
        };
        check(
            analysis.exhaustive,
            "the analysis must be exhaustive".into(),
        );
        check(
            analysis.decision_nodes >= 10,
            format!("{} decision nodes", analysis.decision_nodes),
        );
        let outcomes: BTreeSet<Outcome> = analysis.ending_hits.iter().map(|e| e.outcome).collect();
        check(outcomes.len() == 3, format!("outcomes {outcomes:?}"));
        check(
            analysis.endings >= 3,
            format!("{} endings", analysis.endings),
        );
        let (shortest, longest) = analysis.path_length.unwrap_or((0, usize::MAX));
        check(
            shortest >= 5 && longest <= 12,
            format!("paths of {shortest} to {longest} decisions"),
        );
        let best = analysis.best.as_ref().map(|b| b.scores).unwrap_or_default();
        check(
            best.iter().all(|&s| s.is_some_and(|s| s >= 90.0)),
            format!("best path scores {best:?}"),
        );
        let care = &analysis.ranges[2];
        check(
            care.min.is_some_and(|min| min <= 30.0),
            format!("care can only fall to {:?}", care.min),
        );
        check(
            analysis.endings_missed().next().is_none(),
            format!(
                "endings not reached by random play: {:?}",
                analysis
                    .endings_missed()
                    .map(|e| &e.node)
                    .collect::<Vec<_>>()
            ),
        );
        check(
            analysis.never_taken.is_empty(),
            format!("replies never taken: {:?}", analysis.never_taken),
        );
        check(
            analysis.tell.length_correlation.abs() < 0.3,
            format!(
                "length/score correlation {}",
                analysis.tell.length_correlation
            ),
        );
        check(
            !analysis.tell.position_tell,
            format!(
                "best reply position {:?}",
                analysis.tell.best_position_share
            ),
        );
        // The lesson is true for the path taken, and no failing strategy
        // keeps the customer.
        let best = analysis.best.as_ref();
        check(
            best.is_some_and(|b| {
                b.outcome == Outcome::Kept
                    && b.scores.iter().flatten().all(|&s| (s - 100.0).abs() < 1e-9)
            }),
            format!("best path {:?}", best.map(|b| (&b.ending, b.scores))),
        );
        check(
            analysis.claims.proven && analysis.claims.violated == 0 && analysis.claims.checked > 0,
            format!("claims {:?}", analysis.claims),
        );
        for ending in scenario.nodes.iter().filter(|n| n.is_ending()) {
            let has_claims =
                matches!(&ending.body, NodeBody::Ending { claims, .. } if !claims.is_empty());
            check(
                has_claims,
                format!("ending {} has no claims", ending.id.value),
            );
        }
        for strategy in &analysis.strategies {
            let failing =
                ["never_confirm", "always_promise", "least_care"].contains(&strategy.name.as_str());
            check(
                !failing || strategy.kept <= 0.10,
                format!(
                    "{} keeps the customer in {:.0}%",
                    strategy.name,
                    100.0 * strategy.kept
                ),
            );
            check(
                strategy.name != "greedy_mood" || strategy.kept_via_unrealistic == 0.0,
                "greedy mood keeps the customer through an unrealistic promise".into(),
            );
        }
        check(
            analysis.strategies.len() == 7,
            format!("{} strategies audited", analysis.strategies.len()),
        );
        check(
            analysis.warnings.is_empty(),
            format!("fairness warnings {:?}", analysis.warnings),
        );
        check(
            scenario.customer.names.len() >= 3,
            "fewer than 3 name variants".into(),
        );
        check(
            !scenario.learning_goals.is_empty(),
            "no learning goals".into(),
        );
        check(!scenario.seed_idea.is_empty(), "no seed idea".into());
        check(
            scenario.discussion_questions.len() == 3,
            "not three discussion questions".into(),
        );
        check(
            !scenario.reflection_prompts.is_empty(),
            "no reflection prompts".into(),
        );
        for (node, choice) in scenario.all_replies() {
            let sentences = choice.feedback.matches(['.', '!', '?']).count();
            check(
                (1..=4).contains(&sentences),
                format!(
                    "{}:{} feedback has {sentences} sentences",
                    node.id.value, choice.id.value
                ),
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[derive(Default, Debug)]
struct Features {
    promises: bool,
    timed: bool,
    mood_routes: bool,
    random_routes: bool,
}

fn features(scenario: &Scenario) -> Features {
    let mut f = Features {
        promises: scenario.all_promise_actions().next().is_some(),
        ..Features::default()
    };
    for node in &scenario.nodes {
        if let NodeBody::Scene {
            time_limit: Some(_),
            ..
        } = node.body
        {
            f.timed = true;
        }
    }
    for (_, choice) in scenario.all_replies() {
        match &choice.next {
            Next::Route { branches, .. } if branches.iter().any(|b| b.when.reads_mood()) => {
                f.mood_routes = true
            }
            Next::Random { .. } => f.random_routes = true,
            _ => {}
        }
    }
    f
}

#[test]
fn the_library_covers_promises_timers_mood_and_chance() {
    let english: Vec<Arc<Scenario>> = scenarios()
        .into_iter()
        .filter(|s| s.language.value == "en")
        .collect();
    let all: Vec<Features> = english.iter().map(|s| features(s)).collect();
    assert!(all.iter().filter(|f| f.promises).count() >= 6, "{all:?}");
    assert!(all.iter().filter(|f| f.timed).count() >= 3, "{all:?}");
    assert!(all.iter().filter(|f| f.mood_routes).count() >= 4, "{all:?}");
    assert!(
        all.iter().filter(|f| f.random_routes).count() >= 2,
        "{all:?}"
    );
}

#[test]
fn the_warranty_scenario_uses_every_feature_of_the_format() {
    let library = Library::built_in();
    for language in ["es", "en"] {
        let scenario = library
            .find("warranty-no-receipt", language)
            .and_then(|e| e.playable())
            .unwrap();
        let f = features(scenario);
        assert!(
            f.promises && f.timed && f.mood_routes && f.random_routes,
            "{f:?}"
        );
        // Read from the model, not the file's text, which a comment could
        // satisfy.
        let actions: Vec<&str> = scenario
            .all_promise_actions()
            .map(|action| match action {
                PromiseAction::Make { .. } => "Make",
                PromiseAction::Keep(_) => "Keep",
                PromiseAction::Break(_) => "Break",
                PromiseAction::Confirm(_) => "Confirm",
                PromiseAction::Retract(_) => "Retract",
            })
            .collect();
        for kind in ["Make", "Keep", "Break", "Confirm"] {
            assert!(actions.contains(&kind), "{language}: no {kind}");
        }
        let replies = || scenario.all_replies().map(|(_, choice)| choice);
        let uses = [
            (
                "an unrealistic promise (limit:)",
                scenario
                    .all_promise_actions()
                    .any(|a| matches!(a, PromiseAction::Make { limit: Some(_), .. })),
            ),
            (
                "a conditional reply (when:)",
                replies().any(|c| c.when.is_some()),
            ),
            (
                "flags",
                replies().any(|c| !c.flags.is_empty())
                    || scenario.nodes.iter().any(|n| !n.flags.is_empty()),
            ),
            (
                "a starting mood range (Between)",
                matches!(scenario.customer.mood, MoodSpec::Between(..)),
            ),
            (
                "the {customer} placeholders",
                scenario.nodes.iter().any(|n| n.text.contains("{customer"))
                    || replies()
                        .any(|c| c.text.contains("{customer") || c.feedback.contains("{customer")),
            ),
            (
                "a colleague",
                scenario
                    .nodes
                    .iter()
                    .any(|n| n.speaker == Speaker::Colleague),
            ),
            (
                "narration",
                scenario
                    .nodes
                    .iter()
                    .any(|n| n.speaker == Speaker::Narrator && !n.is_ending()),
            ),
            (
                "a route",
                replies().any(|c| matches!(c.next, Next::Route { .. })),
            ),
            (
                "a random route",
                replies().any(|c| matches!(c.next, Next::Random { .. })),
            ),
            (
                "a time limit",
                scenario.nodes.iter().any(|n| n.time_limit().is_some()),
            ),
        ];
        for (feature, used) in uses {
            assert!(used, "{language}: no {feature}");
        }
        assert!(
            scenario
                .nodes
                .iter()
                .any(|n| n.mood != 0 || !n.promises.is_empty() || !n.flags.is_empty()),
            "{language}: no node entry effects"
        );
    }
}
