//! The guide's worked example of making one failure weigh more: the
//! numbers it states are the numbers the engine gives.

use momento::engine::{Mode, Session};
use momento::scenario::{Dimension, Limits, Outcome, Scenario, load_str};
use std::path::Path;
use std::sync::Arc;

/// The RON block of the guide's section "Making one failure weigh more".
fn example() -> String {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/README.md"))
            .unwrap();
    let section = guide
        .split("### Making one failure weigh more")
        .nth(1)
        .expect("the guide has the section");
    section
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a RON block")
        .to_string()
}

fn load(text: &str) -> Arc<Scenario> {
    let loaded = load_str(Path::new("two-temptations.ron"), text, &Limits::default());
    let errors: Vec<String> = loaded
        .errors()
        .map(|d| d.render(momento::lang::Lang::En))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    Arc::new(loaded.scenario.unwrap())
}

/// Care after the best reply everywhere except the shield at the
/// temptations listed (`t1`, `t2`).
fn care_shielding_at(scenario: &Arc<Scenario>, shields: &[&str]) -> f64 {
    let mut session = Session::new(Arc::clone(scenario), 1, Mode::Practice).unwrap();
    while !session.is_finished() {
        let node = session.node().id.value.clone();
        let reply = if shields.contains(&node.as_str()) {
            "shield"
        } else {
            "care"
        };
        session.choose_id(reply).unwrap();
    }
    assert_eq!(session.outcome(), Some(Outcome::Kept));
    session.scorecard().score(Dimension::Care).unwrap()
}

#[test]
fn shielding_twice_scores_care_29_with_a_gap_of_10() {
    let scenario = load(&example());
    let twice = care_shielding_at(&scenario, &["t1", "t2"]);
    assert!((twice - 100.0 * 8.0 / 28.0).abs() < 1e-9, "{twice}");
    assert_eq!(twice.round(), 29.0);
    assert!(twice < 30.0);
    let once = care_shielding_at(&scenario, &["t1"]);
    assert_eq!(once.round(), 64.0, "{once}");
    assert_eq!(care_shielding_at(&scenario, &[]), 100.0);
}

#[test]
fn a_gap_of_8_is_not_enough() {
    let text = example();
    assert_eq!(text.matches("care: -7").count(), 2, "the two shields");
    let scenario = load(&text.replace("care: -7", "care: -5"));
    let twice = care_shielding_at(&scenario, &["t1", "t2"]);
    assert_eq!(twice.round(), 33.0, "{twice}");
    let once = care_shielding_at(&scenario, &["t1"]);
    assert_eq!(once.round(), 67.0, "{once}");
}

#[test]
fn the_example_inherits_the_node_s_next() {
    // Its replies rely on the node-level `next`: the path walks m1 → t1 →
    // m2 → m3 → t2 → m4 without any reply naming those nodes.
    let scenario = load(&example());
    let mut session = Session::new(Arc::clone(&scenario), 1, Mode::Practice).unwrap();
    let mut visited = vec![session.node().id.value.clone()];
    while !session.is_finished() {
        session.choose_id("care").unwrap();
        visited.push(session.node().id.value.clone());
    }
    assert_eq!(visited, ["m1", "t1", "m2", "m3", "t2", "m4", "kept"]);
}
