//! The analyser's exact state-graph answers agree with brute force:
//! enumerating every path of small scenarios one by one.

use momento::analysis::{Options, analyze};
use momento::engine::{Mode, Session};
use momento::scenario::{Limits, MoodSpec, Next, Scenario, load_str};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

fn load(name: &str) -> Arc<Scenario> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let loaded = load_str(&path, &text, &Limits::default());
    Arc::new(loaded.scenario.unwrap())
}

struct Brute {
    min: [f64; 3],
    max: [f64; 3],
    paths: usize,
    shortest: usize,
    longest: usize,
    taken: BTreeSet<(String, String)>,
    /// Every score triple some path reaches, in millipoints.
    outcomes: BTreeSet<[i64; 3]>,
}

/// Millipoints; -1 for a dimension not assessed on the path.
fn key(scores: [Option<f64>; 3]) -> [i64; 3] {
    scores.map(|s| s.map_or(-1, |s| (s * 1000.0).round() as i64))
}

fn enumerate(session: Session, brute: &mut Brute) {
    if session.is_finished() {
        let scores = session.scorecard().scores();
        // The range is over the paths where the dimension is assessed.
        for (d, score) in scores.into_iter().enumerate() {
            if let Some(score) = score {
                brute.min[d] = brute.min[d].min(score);
                brute.max[d] = brute.max[d].max(score);
            }
        }
        brute.paths += 1;
        brute.outcomes.insert(key(scores));
        brute.shortest = brute.shortest.min(session.steps().len());
        brute.longest = brute.longest.max(session.steps().len());
        return;
    }
    let node = session.node().clone();
    let mut moves: Vec<(Option<usize>, String, &Next)> = session
        .offered()
        .iter()
        .enumerate()
        .map(|(position, &c)| {
            let choice = &node.choices()[c as usize];
            (Some(position), choice.id.value.clone(), &choice.next)
        })
        .collect();
    if let Some(limit) = node.time_limit() {
        moves.push((None, "timeout".to_string(), &limit.reply.next));
    }
    for (position, id, next) in moves {
        brute.taken.insert((node.id.value.clone(), id));
        let options = match next {
            Next::Random { options, .. } => options.len(),
            _ => 1,
        };
        for option in 0..options {
            if let Next::Random { options, .. } = next
                && options[option].weight == 0
            {
                continue;
            }
            let mut branch = session.clone();
            branch.choose_forcing(position, option).unwrap();
            enumerate(branch, brute);
        }
    }
}

fn brute_force(scenario: &Arc<Scenario>) -> Brute {
    let mut brute = Brute {
        min: [f64::INFINITY; 3],
        max: [f64::NEG_INFINITY; 3],
        paths: 0,
        shortest: usize::MAX,
        longest: 0,
        taken: BTreeSet::new(),
        outcomes: BTreeSet::new(),
    };
    let moods: Vec<i32> = match scenario.customer.mood {
        MoodSpec::Fixed(m) => vec![m],
        MoodSpec::Between(low, high) => (low..=high).collect(),
    };
    for mood in moods {
        let mut session = Session::new(Arc::clone(scenario), 1, Mode::Practice).unwrap();
        session.reset_with_mood(1, mood);
        enumerate(session, &mut brute);
    }
    brute
}

fn assert_agrees(name: &str) {
    let scenario = load(name);
    let brute = brute_force(&scenario);
    let analysis = analyze(
        Arc::clone(&scenario),
        &Options {
            runs: 200,
            ..Options::default()
        },
    )
    .unwrap();
    assert!(analysis.exhaustive);
    for d in 0..3 {
        let range = &analysis.ranges[d];
        let assessed = |x: f64| x.is_finite().then_some(x);
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6,
            (None, None) => true,
            _ => false,
        };
        assert!(
            close(range.min, assessed(brute.min[d])),
            "{name} dim {d} min: {:?} vs {}",
            range.min,
            brute.min[d]
        );
        assert!(
            close(range.max, assessed(brute.max[d])),
            "{name} dim {d} max: {:?} vs {}",
            range.max,
            brute.max[d]
        );
    }
    assert_eq!(
        analysis.path_length,
        Some((brute.shortest, brute.longest)),
        "{name}"
    );
    let never: BTreeSet<(String, String)> = analysis
        .never_taken
        .iter()
        .map(|s| (s.node.clone(), s.reply.clone()))
        .collect();
    for (node, reply) in &brute.taken {
        assert!(
            !never.contains(&(node.clone(), reply.clone())),
            "{name}: {node}:{reply} is taken by some path"
        );
    }
    // Path counts agree when each starting mood's paths are distinct.
    if matches!(scenario.customer.mood, MoodSpec::Fixed(_)) {
        assert_eq!(analysis.paths, Some(brute.paths as f64), "{name}");
    }
    // The best and worst paths are real paths: some enumerated path has
    // exactly their scores, and so do the extreme paths of each dimension.
    for result in [&analysis.best, &analysis.worst].into_iter().flatten() {
        assert!(
            brute.outcomes.contains(&key(result.scores)),
            "{name}: {:?}",
            result.scores
        );
        assert!(result.steps.len() >= brute.shortest && result.steps.len() <= brute.longest);
    }
}

#[test]
fn exact_analysis_matches_brute_force_on_the_feature_fixture() {
    assert_agrees("tests/fixtures/valid/features.ron");
}

#[test]
fn exact_analysis_matches_brute_force_on_a_small_scenario() {
    assert_agrees("tests/fixtures/valid/wrong-size.ron");
}

#[test]
fn exact_analysis_matches_brute_force_on_a_shipped_scenario() {
    // The smallest shipped scenario by path count keeps this test quick.
    assert_agrees("scenarios/en/warranty-no-receipt.ron");
}
