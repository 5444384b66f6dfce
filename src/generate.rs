//! Seeded generator of large synthetic scenarios, for benchmarks and
//! stress tests of the loader, the engine and the workbench.
//!
//! Shape (the one the benchmarks are specified with): `nodes` nodes, about
//! 10% endings, every other decision node offering 3 replies and the others
//! 1, every reply going forward to a node at most 50 further on, so every
//! playthrough ends; each reply changes 2–3 score values by -3..3.

use crate::engine::Rng;
use std::fmt::Write as _;

/// The RON text of a generated scenario with `nodes` nodes.
pub fn scenario_text(nodes: usize, seed: u64) -> String {
    let nodes = nodes.max(2);
    let mut rng = Rng::new(seed);
    let mut is_ending = vec![false; nodes];
    for (i, slot) in is_ending.iter_mut().enumerate() {
        // The last node is always an ending, so every forward walk stops.
        *slot = i == nodes - 1 || (i > 0 && rng.below(10) == 0);
    }
    let mut out = String::with_capacity(nodes * 420);
    let _ = write!(
        out,
        "Scenario(\n    format: 1,\n    id: \"generated-{nodes}\",\n    version: 1,\n    language: \"en\",\n    title: \"Generated scenario with {nodes} nodes\",\n    summary: \"A synthetic scenario for benchmarks.\",\n    customer: (names: [\"Test Customer\", \"Other Customer\"], persona: \"Synthetic.\", mood: Between(30, 60)),\n    start: \"n0\",\n    nodes: {{\n"
    );
    let outcomes = ["Kept", "Neutral", "Lost"];
    let mut decision = 0usize;
    for (i, &ending) in is_ending.iter().enumerate() {
        if ending {
            let outcome = outcomes[rng.below(3) as usize];
            let _ = writeln!(
                out,
                "        \"n{i}\": Ending(outcome: {outcome}, text: \"Ending {i}: the conversation closes.\", debrief: \"What ending {i} teaches.\"),"
            );
            continue;
        }
        let replies = if decision.is_multiple_of(2) { 3 } else { 1 };
        decision += 1;
        let _ = write!(
            out,
            "        \"n{i}\": Node(text: \"Node {i}: the customer says something that needs a reply.\", choices: ["
        );
        for c in 0..replies {
            let span = (nodes - 1 - i).min(50) as u32;
            let target = i + 1 + rng.below(span) as usize;
            let mut values = [0i32; 3];
            let changed = 2 + rng.below(2) as usize;
            let skip = rng.below(3) as usize;
            for (d, value) in values.iter_mut().enumerate() {
                if changed == 3 || d != skip {
                    *value = rng.below(7) as i32 - 3;
                }
            }
            let mood = rng.below(21) as i32 - 10;
            let _ = write!(
                out,
                "Choice(id: \"c{c}\", text: \"Reply {c} at node {i}.\", effects: (empathy: {}, promise: {}, care: {}), mood: {mood}, feedback: \"Why reply {c} helps or hurts.\", next: \"n{target}\"), ",
                values[0], values[1], values[2]
            );
        }
        out.push_str("]),\n");
    }
    out.push_str("    },\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Limits, load_str};
    use std::path::Path;

    #[test]
    fn generated_scenarios_load_without_errors() {
        for n in [2, 10, 300] {
            let text = scenario_text(n, 5);
            let loaded = load_str(Path::new("gen.ron"), &text, &Limits::unbounded());
            let errors: Vec<_> = loaded
                .errors()
                .map(|d| d.render(crate::lang::Lang::En))
                .collect();
            assert!(errors.is_empty(), "{n} nodes: {errors:?}");
            assert_eq!(loaded.scenario.map(|s| s.nodes.len()), Some(n));
        }
    }

    #[test]
    fn same_seed_same_text() {
        assert_eq!(scenario_text(50, 9), scenario_text(50, 9));
        assert_ne!(scenario_text(50, 9), scenario_text(50, 10));
    }
}
