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

/// Shapes of scenario whose state space is large, for stress tests of the
/// analyser: each is a chain of decisions with three replies (nine for
/// [`Stress::Chain`]) that makes the conversation's state grow in one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stress {
    /// Every reply sets a flag of its own, and the ending tests them.
    FlagPerReply(usize),
    /// Every reply makes a promise of its own (this many promises in all),
    /// one in three unrealistic; a scene at the end keeps some.
    PromisePerReply(usize),
    /// Every reply changes the mood, and every route reads it.
    MoodRoutes(usize),
    /// Every reply leads to a random route of three options.
    RandomRoutes(usize),
    /// Replies go back to earlier nodes, setting flags on the way.
    Loops(usize),
    /// A chain of `len` decisions with `width` replies each: few states,
    /// astronomically many paths.
    Chain {
        /// Decisions.
        len: usize,
        /// Replies per decision.
        width: usize,
    },
}

impl Stress {
    /// A short name for reports.
    pub fn name(self) -> String {
        match self {
            Stress::FlagPerReply(n) => format!("flag-per-reply-{n}"),
            Stress::PromisePerReply(n) => format!("promise-per-reply-{n}"),
            Stress::MoodRoutes(n) => format!("mood-routes-{n}"),
            Stress::RandomRoutes(n) => format!("random-routes-{n}"),
            Stress::Loops(n) => format!("loops-{n}"),
            Stress::Chain { len, width } => format!("chain-{len}x{width}"),
        }
    }

    /// The stress set the tests and the bench run.
    pub fn set() -> Vec<Stress> {
        vec![
            Stress::FlagPerReply(30),
            Stress::PromisePerReply(30),
            Stress::PromisePerReply(100),
            Stress::PromisePerReply(200),
            Stress::MoodRoutes(30),
            Stress::RandomRoutes(30),
            Stress::Loops(20),
            Stress::Chain { len: 40, width: 9 },
        ]
    }

    /// The RON text of the scenario.
    pub fn text(self) -> String {
        let (decisions, width) = match self {
            Stress::PromisePerReply(promises) => (promises.div_ceil(3).max(1), 3),
            Stress::Chain { len, width } => (len.max(1), width.clamp(1, 9)),
            Stress::FlagPerReply(n)
            | Stress::MoodRoutes(n)
            | Stress::RandomRoutes(n)
            | Stress::Loops(n) => (n.max(1), 3),
        };
        let mut out = String::with_capacity(decisions * width * 200);
        let _ = write!(
            out,
            "Scenario(format: 1, id: \"stress-{name}\", version: 1, language: \"en\", title: \"Stress {name}\", summary: \"A state-heavy scenario.\",\n    customer: (names: [\"Test Customer\"], persona: \"Synthetic.\", mood: 50), start: \"n0\",\n    nodes: {{\n",
            name = self.name()
        );
        let mut promise = 0usize;
        for i in 0..decisions {
            let next = if i + 1 == decisions {
                "last".to_string()
            } else {
                format!("n{}", i + 1)
            };
            let _ = write!(
                out,
                "        \"n{i}\": Node(text: \"Decision {i}.\", choices: ["
            );
            for c in 0..width {
                let effects = format!(
                    "effects: (empathy: {}, promise: {}, care: {})",
                    (c as i32 % 3) - 1,
                    ((c as i32 + 1) % 3) - 1,
                    ((c as i32 + 2) % 3) - 1
                );
                let (extra, target) = match self {
                    Stress::FlagPerReply(_) => {
                        (format!("flags: [\"f{i}_{c}\"],"), format!("\"{next}\""))
                    }
                    Stress::PromisePerReply(total) => {
                        let extra = if promise < total {
                            let limit = if promise % 3 == 2 {
                                ", limit: NoTools"
                            } else {
                                ""
                            };
                            promise += 1;
                            format!(
                                "promises: [Make(id: \"p{}\", text: \"Promise {}\"{limit})],",
                                promise - 1,
                                promise - 1
                            )
                        } else {
                            String::new()
                        };
                        (extra, format!("\"{next}\""))
                    }
                    Stress::MoodRoutes(_) => (
                        format!("mood: {},", [7, -5, 3][c % 3]),
                        format!(
                            "Route(branches: [(when: MoodAtLeast({}), go: \"{next}\")], otherwise: \"{next}\")",
                            30 + (i * 7 + c * 11) % 50
                        ),
                    ),
                    Stress::RandomRoutes(_) => (
                        String::new(),
                        format!(
                            "Random([(weight: 1, go: \"{next}\"), (weight: 2, go: \"{next}\"), (weight: 1, go: \"last\")])"
                        ),
                    ),
                    Stress::Loops(_) => {
                        let back = i.saturating_sub(1 + c);
                        if c == 2 && i > 0 {
                            // Back once per flag: the flag makes the return a new state.
                            (
                                format!("flags: [\"back{i}\"], when: NotFlag(\"back{i}\"),"),
                                format!("\"n{back}\""),
                            )
                        } else {
                            (String::new(), format!("\"{next}\""))
                        }
                    }
                    Stress::Chain { .. } => (String::new(), format!("\"{next}\"")),
                };
                let _ = write!(
                    out,
                    "Choice(id: \"c{c}\", text: \"Reply {c}.\", {effects}, {extra} feedback: \"Why.\", next: {target}), "
                );
            }
            out.push_str("]),\n");
        }
        // The last scene keeps every promise still open and routes to an
        // ending, so promises and flags matter to the end.
        let keeps: Vec<String> = (0..promise)
            .step_by(2)
            .map(|p| format!("Keep(\"p{p}\")"))
            .collect();
        let routed = match self {
            Stress::FlagPerReply(_) => "Route(branches: [(when: Flag(\"f0_0\"), go: \"kept\"), (when: Flag(\"f0_1\"), go: \"neutral\")], otherwise: \"lost\")".to_string(),
            _ => "Route(branches: [(when: MoodAtLeast(60), go: \"kept\"), (when: MoodAtLeast(40), go: \"neutral\")], otherwise: \"lost\")".to_string(),
        };
        let _ = writeln!(
            out,
            "        \"last\": Node(text: \"The end is near.\", promises: [{}], choices: [Choice(id: \"close\", text: \"Close.\", feedback: \"Why.\", next: {routed})]),",
            keeps.join(", ")
        );
        out.push_str(
            "        \"kept\": Ending(outcome: Kept, text: \"Kept.\", debrief: \"Kept.\"),\n",
        );
        out.push_str("        \"neutral\": Ending(outcome: Neutral, text: \"Neutral.\", debrief: \"Neutral.\"),\n");
        out.push_str("        \"lost\": Ending(outcome: Lost, text: \"Lost.\", debrief: \"Lost.\"),\n    },\n)\n");
        out
    }
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
    fn every_stress_scenario_loads_without_errors() {
        for stress in Stress::set() {
            let text = stress.text();
            let loaded = load_str(Path::new("stress.ron"), &text, &Limits::unbounded());
            let errors: Vec<_> = loaded
                .errors()
                .map(|d| d.render(crate::lang::Lang::En))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", stress.name());
        }
        let promises = Stress::PromisePerReply(200).text();
        assert_eq!(promises.matches("Make(").count(), 200);
    }

    #[test]
    fn same_seed_same_text() {
        assert_eq!(scenario_text(50, 9), scenario_text(50, 9));
        assert_ne!(scenario_text(50, 9), scenario_text(50, 10));
    }
}
