//! The analyser on state-heavy scenarios stays within its budget and
//! states nothing it did not prove: a walk cut short gives estimates, never
//! a count of 0, an exact-looking range or "never reached".
//!
//! Time and peak memory with the default budgets are measured by
//! `cargo bench --bench analysis_stress`; here the budgets are small so the
//! suite stays quick on two cores.

use momento::analysis::{Analysis, Options, analyze};
use momento::generate::Stress;
use momento::scenario::{Limits, load_str};
use std::path::Path;
use std::sync::Arc;

fn analysis_of(stress: Stress, max_states: usize) -> Analysis {
    let text = stress.text();
    let loaded = load_str(Path::new("stress.ron"), &text, &Limits::unbounded());
    let scenario = loaded.playable().cloned().expect("stress scenarios load");
    analyze(
        Arc::new(scenario),
        &Options {
            runs: 300,
            max_states,
            ..Options::default()
        },
    )
    .expect("playable")
}

/// What every analysis must respect, exhaustive or not.
fn assert_honest(name: &str, a: &Analysis) {
    for ending in &a.ending_hits {
        if ending.proven_unreachable {
            assert!(
                a.exhaustive,
                "{name}: unreachable claimed without a full walk"
            );
            assert_eq!(
                ending.hits, 0,
                "{name}: {} is reached by random play",
                ending.node
            );
        }
        if ending.hits > 0 {
            assert!(
                ending.reachable,
                "{name}: {} hit but not reachable",
                ending.node
            );
        }
    }
    for (d, range) in a.ranges.iter().enumerate() {
        assert_eq!(range.estimate, !a.exhaustive, "{name}: range {d}");
        if let (Some(min), Some(max), Some(mean)) = (range.min, range.max, a.random_mean[d]) {
            assert!(
                min <= mean + 1e-9 && mean <= max + 1e-9,
                "{name}: mean {mean} outside {min}–{max}"
            );
        }
    }
    if !a.exhaustive {
        assert_eq!(a.paths, None, "{name}: a path count from a partial walk");
        assert_eq!(a.path_length, None, "{name}");
        assert!(!a.claims.proven, "{name}: claims proven on a partial walk");
        assert!(
            a.ranges.iter().all(|r| r.min.is_some() && r.max.is_some()),
            "{name}: random play gives every range a value"
        );
    }
    for strategy in &a.strategies {
        let total = strategy.kept + strategy.neutral + strategy.lost + strategy.unfinished;
        assert!(
            (total - 1.0).abs() < 1e-6,
            "{name}: {} shares add to {total}",
            strategy.name
        );
    }
}

#[test]
fn flags_and_promises_beyond_the_budget_give_estimates() {
    for stress in [
        Stress::FlagPerReply(30),
        Stress::PromisePerReply(100),
        Stress::PromisePerReply(200),
    ] {
        let a = analysis_of(stress, 5_000);
        assert!(!a.exhaustive, "{}", stress.name());
        assert!(
            a.states <= 5_001 + 27,
            "{}: {} states",
            stress.name(),
            a.states
        );
        assert_honest(&stress.name(), &a);
    }
}

#[test]
fn loops_beyond_the_budget_give_estimates() {
    let a = analysis_of(Stress::Loops(20), 5_000);
    assert!(!a.exhaustive);
    assert_honest("loops", &a);
    // Runs are cut no sooner than a loop-free path could end.
    assert!(a.max_steps > 20 + 1, "cut after {} decisions", a.max_steps);
}

#[test]
fn small_enough_state_spaces_are_walked_exactly() {
    for stress in [
        Stress::PromisePerReply(30),
        Stress::MoodRoutes(30),
        Stress::RandomRoutes(30),
    ] {
        let a = analysis_of(stress, 200_000);
        assert!(a.exhaustive, "{}", stress.name());
        assert!(a.paths.is_some_and(|p| p >= 1.0), "{}", stress.name());
        assert_honest(&stress.name(), &a);
    }
}

#[test]
fn a_path_count_beyond_64_bits_is_kept_not_saturated() {
    let a = analysis_of(Stress::Chain { len: 40, width: 9 }, 200_000);
    assert!(a.exhaustive);
    let expected = 9f64.powi(40);
    let paths = a.paths.expect("counted");
    assert!(
        (paths / expected - 1.0).abs() < 1e-9,
        "{paths} vs {expected}"
    );
    assert!(paths > u64::MAX as f64);
    assert_eq!(
        a.path_length,
        Some((41, 41)),
        "40 decisions and the closing one"
    );
    assert_honest("chain", &a);
    // The text report prints it in scientific notation.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chain.ron");
    std::fs::write(&file, Stress::Chain { len: 40, width: 9 }.text()).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(["analyze", "--lang", "en", "--runs", "200"])
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("≈ 1.48 × 10^38 complete paths"), "{text}");
    assert!(!text.contains("18446744073709551615"), "{text}");
}

#[test]
fn a_walk_cut_short_says_so_at_the_top_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("flags.ron");
    std::fs::write(&file, Stress::FlagPerReply(30).text()).unwrap();
    for (lang, banner, never) in [
        ("en", "Explored ", "NEVER REACHED"),
        ("es", "Se exploraron ", "NUNCA SE ALCANZA"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_momento"))
            .args([
                "analyze",
                "--lang",
                lang,
                "--runs",
                "200",
                "--max-states",
                "2000",
            ])
            .arg(&file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        let second = text.lines().nth(1).unwrap_or("");
        assert!(second.starts_with(banner), "{lang}: {text}");
        assert!(!text.contains(never), "{lang}: {text}");
        assert!(
            !text.contains(" 0 complete paths") && !text.contains(" 0 caminos"),
            "{lang}: {text}"
        );
    }
}
