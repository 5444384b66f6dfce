//! The analyser's figures mapped onto the graph: how often random play
//! visited each node and took each edge, the replies no path takes, the
//! best and worst path, and the achievable range of each dimension.

use super::{Graph, Route};
use crate::analysis::{self, Analysis, PathStep};
use crate::engine::ReplyRef;
use crate::scenario::model::{ChoiceIdx, NodeIdx, Scenario};

/// Analyser figures per node and per edge of a [`Graph`].
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// Random-play visits per node.
    pub node_hits: Vec<usize>,
    /// Random-play traversals per edge.
    pub edge_hits: Vec<usize>,
    /// The most visits of any node (for scaling the heat).
    pub max_node_hits: usize,
    /// The most traversals of any edge.
    pub max_edge_hits: usize,
    /// Per edge: its reply is never taken on any path.
    pub never_taken: Vec<bool>,
    /// Per edge: on the best path (by balance).
    pub on_best: Vec<bool>,
    /// Per edge: on the worst path.
    pub on_worst: Vec<bool>,
    /// Per node: on the best path.
    pub best_nodes: Vec<bool>,
    /// Per node: on the worst path.
    pub worst_nodes: Vec<bool>,
    /// Replies never taken (count of replies, not edges).
    pub never_taken_replies: usize,
    /// The analysis itself, for the summary.
    pub analysis: Analysis,
}

/// How much work the workbench asks of the analyser: less than `momento
/// analyze` for large scenarios, so the overlay comes back in seconds.
pub fn options_for(node_count: usize) -> analysis::Options {
    let defaults = analysis::Options::default();
    analysis::Options {
        runs: if node_count > 500 { 1_000 } else { 2_000 },
        max_states: if node_count > 500 { 20_000 } else { 200_000 },
        ..defaults
    }
}

impl Overlay {
    /// Maps an analysis of `scenario` onto its graph.
    pub fn of(graph: &Graph, scenario: &Scenario, analysis: Analysis) -> Overlay {
        let node_count = graph.nodes.len();
        let edge_count = graph.edges.len();
        let node_of = |id: &str| {
            scenario
                .node_by_id(id)
                .filter(|&n| (n as usize) < node_count)
        };
        let reply_of = |node: NodeIdx, reply: &str| -> Option<ReplyRef> {
            if reply == "timeout" {
                return Some(ReplyRef::Timeout);
            }
            scenario
                .node(node)?
                .choices()
                .iter()
                .position(|c| c.id.value == reply)
                .map(|i| ReplyRef::Choice(i as ChoiceIdx))
        };

        let mut node_hits = vec![0; node_count];
        for hits in &analysis.node_hits {
            if let Some(node) = node_of(&hits.node) {
                node_hits[node as usize] = hits.hits;
            }
        }
        let mut edge_hits = vec![0; edge_count];
        for hits in &analysis.choice_hits {
            let Some(node) = node_of(&hits.node) else {
                continue;
            };
            let Some(reply) = reply_of(node, &hits.reply) else {
                continue;
            };
            let (first, last) = graph.nodes[node as usize].edges;
            let edges = &graph.edges[first as usize..last as usize];
            let slots = &mut edge_hits[first as usize..last as usize];
            for (edge, slot) in edges.iter().zip(slots) {
                // Routed edges get their share below.
                if edge.reply == reply && edge.route == Route::Direct {
                    *slot = hits.hits;
                }
            }
        }
        for hits in &analysis.route_hits {
            let (Some(node), Some(to)) = (node_of(&hits.node), node_of(&hits.to)) else {
                continue;
            };
            let Some(reply) = reply_of(node, &hits.reply) else {
                continue;
            };
            // A route can name one node twice; the first edge gets the hits.
            if let Some(e) = graph.edge_index(node, reply, to) {
                edge_hits[e] += hits.hits;
            }
        }

        let mut never_taken = vec![false; edge_count];
        let mut never_taken_replies = 0;
        for step in &analysis.never_taken {
            let Some(node) = node_of(&step.node) else {
                continue;
            };
            let Some(reply) = reply_of(node, &step.reply) else {
                continue;
            };
            never_taken_replies += 1;
            let (first, last) = graph.nodes[node as usize].edges;
            let edges = &graph.edges[first as usize..last as usize];
            let slots = &mut never_taken[first as usize..last as usize];
            for (edge, slot) in edges.iter().zip(slots) {
                if edge.reply == reply {
                    *slot = true;
                }
            }
        }

        let path_marks = |steps: Option<(&[PathStep], &str)>| {
            let mut edges = vec![false; edge_count];
            let mut nodes = vec![false; node_count];
            let Some((steps, ending)) = steps else {
                return (edges, nodes);
            };
            for (i, step) in steps.iter().enumerate() {
                let Some(node) = node_of(&step.node) else {
                    continue;
                };
                nodes[node as usize] = true;
                let next = steps.get(i + 1).map_or(ending, |s| s.node.as_str());
                let (Some(reply), Some(to)) = (reply_of(node, &step.reply), node_of(next)) else {
                    continue;
                };
                if let Some(e) = graph.edge_index(node, reply, to) {
                    edges[e] = true;
                }
            }
            if let Some(end) = node_of(ending) {
                nodes[end as usize] = true;
            }
            (edges, nodes)
        };
        let (on_best, best_nodes) = path_marks(
            analysis
                .best
                .as_ref()
                .map(|p| (p.steps.as_slice(), p.ending.as_str())),
        );
        let (on_worst, worst_nodes) = path_marks(
            analysis
                .worst
                .as_ref()
                .map(|p| (p.steps.as_slice(), p.ending.as_str())),
        );
        Overlay {
            max_node_hits: node_hits.iter().copied().max().unwrap_or(0),
            max_edge_hits: edge_hits.iter().copied().max().unwrap_or(0),
            node_hits,
            edge_hits,
            never_taken,
            on_best,
            on_worst,
            best_nodes,
            worst_nodes,
            never_taken_replies,
            analysis,
        }
    }

    /// Heat of a node, 0–1, relative to the most visited node.
    pub fn node_heat(&self, node: NodeIdx) -> f32 {
        heat(
            self.node_hits.get(node as usize).copied(),
            self.max_node_hits,
        )
    }

    /// Heat of an edge, 0–1, relative to the most taken edge.
    pub fn edge_heat(&self, edge: usize) -> f32 {
        heat(self.edge_hits.get(edge).copied(), self.max_edge_hits)
    }
}

fn heat(hits: Option<usize>, max: usize) -> f32 {
    match hits {
        Some(hits) if max > 0 => (hits as f32 / max as f32).sqrt(),
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Limits, load_str};
    use std::path::Path;
    use std::sync::Arc;

    const ROUTED: &str = r#"Scenario(
    format: 1, id: "r", version: 1, language: "en", title: "R", summary: "S",
    customer: (names: ["A"], persona: "P", mood: 50),
    start: "a",
    shuffle_choices: false,
    nodes: {
        "a": Node(text: "A", choices: [
            Choice(id: "good", text: "x", effects: (empathy: 2, care: 2), feedback: "f",
                next: Random([(weight: 1, go: "b"), (weight: 1, go: "kept")])),
            Choice(id: "bad", text: "y", effects: (care: -2), feedback: "f", next: "lost"),
        ]),
        "b": Node(text: "B", choices: [
            Choice(id: "ok", text: "x", feedback: "f", next: "kept"),
            Choice(id: "dead", text: "x", when: Flag("never"), feedback: "f", next: "lost"),
        ]),
        "kept": Ending(outcome: Kept, text: "E", debrief: "D"),
        "lost": Ending(outcome: Lost, text: "E", debrief: "D"),
    },
)"#;

    #[test]
    fn analysis_maps_onto_edges() {
        let loaded = load_str(Path::new("r.ron"), ROUTED, &Limits::default());
        let scenario = Arc::new(loaded.scenario.unwrap());
        assert!(scenario.checked);
        let graph = Graph::of(&scenario);
        let options = analysis::Options {
            runs: 400,
            ..analysis::Options::default()
        };
        let analysis = analysis::analyze(Arc::clone(&scenario), &options).unwrap();
        let overlay = Overlay::of(&graph, &scenario, analysis);
        let edge = |from: &str, reply: ReplyRef, to: &str| {
            graph
                .edge_index(
                    graph.node_by_id(from).unwrap(),
                    reply,
                    graph.node_by_id(to).unwrap(),
                )
                .unwrap()
        };
        let to_b = edge("a", ReplyRef::Choice(0), "b");
        let to_kept = edge("a", ReplyRef::Choice(0), "kept");
        let bad = edge("a", ReplyRef::Choice(1), "lost");
        let dead = edge("b", ReplyRef::Choice(1), "lost");
        // The random route splits the reply's hits between its two ways.
        let good_hits = overlay.edge_hits[to_b] + overlay.edge_hits[to_kept];
        assert_eq!(overlay.node_hits[0], 400);
        assert_eq!(good_hits + overlay.edge_hits[bad], 400);
        assert!(overlay.edge_hits[to_b] > 40 && overlay.edge_hits[to_kept] > 40);
        assert_eq!(overlay.edge_hits[to_b], overlay.node_hits[1]);
        // A reply offered only under a flag nobody sets is never taken.
        assert!(overlay.never_taken[dead]);
        assert!(!overlay.never_taken[bad]);
        assert_eq!(overlay.never_taken_replies, 1);
        // Best path: the caring reply; worst: the educating one.
        assert!(overlay.on_worst[bad]);
        assert!(!overlay.on_best[bad]);
        assert!(overlay.on_best[to_b] || overlay.on_best[to_kept]);
        assert!(overlay.worst_nodes[graph.node_by_id("lost").unwrap() as usize]);
        assert!((overlay.node_heat(0) - 1.0).abs() < 1e-6);
    }
}
