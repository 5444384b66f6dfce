//! The scenario as a graph, for the trainer's workbench: one box per node,
//! one numbered edge per way a reply can go, each edge classified by what
//! the reply does (cares, stays neutral, or yields to "educating the
//! customer") and by how it routes (always, on a condition, by chance, or
//! on a timeout).
//!
//! Everything here is plain data computed once per load; the UI only draws
//! it. [`layout`] places the boxes, [`sidecar`] keeps the positions a
//! trainer dragged, [`overlay`] maps the analyser's figures onto nodes and
//! edges, and [`document`] is the scenario file open in the workbench.

pub mod describe;
pub mod document;
pub mod layout;
pub mod overlay;
pub mod sidecar;

pub use document::{Document, Reload};
pub use layout::{Layout, Point, Rect};
pub use overlay::Overlay;
pub use sidecar::Positions;

use crate::engine::ReplyRef;
use crate::scenario::model::*;

/// How many characters of a node's text its box shows.
pub const LABEL_CHARS: usize = 44;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The trainee picks a reply here.
    Decision,
    /// An ending, with its outcome.
    Ending(Outcome),
}

/// One node of the graph, indexed like [`Scenario::nodes`].
#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode {
    /// The node id.
    pub id: String,
    /// Decision or ending.
    pub kind: NodeKind,
    /// The first words of the node's text.
    pub label: String,
    /// True for the scenario's start node.
    pub is_start: bool,
    /// True when the node has a time limit.
    pub timed: bool,
    /// Range of this node's outgoing edges in [`Graph::edges`].
    pub edges: (u32, u32),
}

/// What a reply does, judged by its effects against the other replies on
/// offer at the same node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Gains points (empathy, promise or care) without costing care.
    Caring,
    /// Neither gains nor costs anything much.
    Neutral,
    /// Costs care (a negative care effect), or is the least caring reply on
    /// offer while gaining nothing elsewhere: the pull of "educating the
    /// customer".
    Educating,
}

/// How an edge routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The reply always goes there.
    Direct,
    /// A branch of a conditional route (0-based branch number).
    Branch(u16),
    /// The `otherwise` of a conditional route.
    Otherwise,
    /// An option of a random route.
    Random {
        /// Its weight.
        weight: u32,
        /// The sum of the route's weights.
        total: u32,
    },
}

impl Route {
    /// True for the branches and fallback of a conditional route.
    pub fn is_conditional(self) -> bool {
        matches!(self, Route::Branch(_) | Route::Otherwise)
    }
}

/// One way a reply can lead from a node to another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphEdge {
    /// The node replied at.
    pub from: NodeIdx,
    /// Where the reply leads.
    pub to: NodeIdx,
    /// The reply.
    pub reply: ReplyRef,
    /// The reply's 1-based number in file order; 0 for a timeout.
    pub number: u16,
    /// What the reply does.
    pub effect: Effect,
    /// How it routes.
    pub route: Route,
    /// The reply is only offered under a condition (`when`).
    pub gated: bool,
}

impl GraphEdge {
    /// True for a timeout "reply".
    pub fn is_timeout(&self) -> bool {
        self.reply == ReplyRef::Timeout
    }
}

/// The whole graph of a scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    /// Nodes, indexed like [`Scenario::nodes`].
    pub nodes: Vec<GraphNode>,
    /// Edges, grouped by source node in node order.
    pub edges: Vec<GraphEdge>,
    /// The start node, when it resolved.
    pub start: Option<NodeIdx>,
}

impl Graph {
    /// Builds the graph of a scenario. Works on scenarios with errors too:
    /// names that did not resolve simply give no edge.
    pub fn of(scenario: &Scenario) -> Graph {
        let node_count = scenario.nodes.len() as u32;
        let resolved = |target: &Target| (target.node < node_count).then_some(target.node);
        let start = resolved(&scenario.start);
        let mut nodes = Vec::with_capacity(scenario.nodes.len());
        let mut edges = Vec::with_capacity(scenario.nodes.len() * 2);
        for (index, node) in scenario.nodes.iter().enumerate() {
            let from = index as NodeIdx;
            let first_edge = edges.len() as u32;
            let offered: Vec<Effects> = node.choices().iter().map(|c| c.effects).collect();
            let replies = node
                .choices()
                .iter()
                .enumerate()
                .map(|(i, c)| (ReplyRef::Choice(i as ChoiceIdx), (i + 1) as u16, c))
                .chain(node.time_limit().map(|t| (ReplyRef::Timeout, 0, &t.reply)));
            for (reply, number, choice) in replies {
                let effect = classify(&choice.effects, &offered);
                let gated = choice.when.is_some();
                let mut push = |target: &Target, route: Route| {
                    if let Some(to) = resolved(target) {
                        edges.push(GraphEdge {
                            from,
                            to,
                            reply,
                            number,
                            effect,
                            route,
                            gated,
                        });
                    }
                };
                match &choice.next {
                    Next::Go(target) => push(target, Route::Direct),
                    Next::Route {
                        branches,
                        otherwise,
                        ..
                    } => {
                        for (b, branch) in branches.iter().enumerate() {
                            push(&branch.go, Route::Branch(b as u16));
                        }
                        push(otherwise, Route::Otherwise);
                    }
                    Next::Random { options, .. } => {
                        let total = options.iter().map(|o| o.weight).sum();
                        for option in options {
                            push(
                                &option.go,
                                Route::Random {
                                    weight: option.weight,
                                    total,
                                },
                            );
                        }
                    }
                }
            }
            nodes.push(GraphNode {
                id: node.id.value.clone(),
                kind: match node.outcome() {
                    Some(outcome) => NodeKind::Ending(outcome),
                    None => NodeKind::Decision,
                },
                label: first_words(&node.text, LABEL_CHARS),
                is_start: start == Some(from),
                timed: node.time_limit().is_some(),
                edges: (first_edge, edges.len() as u32),
            });
        }
        Graph {
            nodes,
            edges,
            start,
        }
    }

    /// The edges leaving `node`.
    pub fn edges_from(&self, node: NodeIdx) -> &[GraphEdge] {
        match self.nodes.get(node as usize) {
            Some(n) => &self.edges[n.edges.0 as usize..n.edges.1 as usize],
            None => &[],
        }
    }

    /// The index in [`Graph::edges`] of the edge for `reply` at `from` that
    /// leads to `to`.
    pub fn edge_index(&self, from: NodeIdx, reply: ReplyRef, to: NodeIdx) -> Option<usize> {
        let node = self.nodes.get(from as usize)?;
        (node.edges.0 as usize..node.edges.1 as usize)
            .find(|&e| self.edges[e].reply == reply && self.edges[e].to == to)
    }

    /// The index of the node called `id`.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIdx> {
        self.nodes
            .iter()
            .position(|n| n.id == id)
            .map(|i| i as NodeIdx)
    }
}

/// Classifies a reply by its effects against the replies on offer.
pub fn classify(effects: &Effects, offered: &[Effects]) -> Effect {
    let least_care = offered.iter().map(|e| e.care).min().unwrap_or(effects.care);
    let most_care = offered.iter().map(|e| e.care).max().unwrap_or(effects.care);
    let total = effects.empathy + effects.promise + effects.care;
    let least_caring_on_offer = effects.care <= least_care && effects.care < most_care;
    if effects.care < 0 || (least_caring_on_offer && total <= 0) {
        Effect::Educating
    } else if total > 0 {
        Effect::Caring
    } else {
        Effect::Neutral
    }
}

/// The first words of `text`, at most `max_chars` characters, cut at a word
/// boundary with an ellipsis when shortened. Line breaks become spaces.
pub fn first_words(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(max_chars + 3);
    let mut count = 0;
    let mut cut = false;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let extra = len + usize::from(count > 0);
        if count + extra > max_chars {
            if count == 0 {
                out.extend(word.chars().take(max_chars));
            }
            cut = true;
            break;
        }
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        count += extra;
    }
    if cut {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Limits, load_str};
    use std::path::Path;

    fn fx(empathy: i32, promise: i32, care: i32) -> Effects {
        Effects {
            empathy,
            promise,
            care,
        }
    }

    #[test]
    fn replies_are_classified_by_effect() {
        let offered = [fx(2, 0, 2), fx(0, 0, 0), fx(1, 0, -1)];
        assert_eq!(classify(&offered[0], &offered), Effect::Caring);
        assert_eq!(classify(&offered[1], &offered), Effect::Neutral);
        assert_eq!(classify(&offered[2], &offered), Effect::Educating);
        // The least caring reply that gains nothing elsewhere yields too.
        let offered = [fx(0, 0, 2), fx(0, 0, 0)];
        assert_eq!(classify(&offered[1], &offered), Effect::Educating);
        // ...but not one that gains empathy.
        let offered = [fx(0, 0, 2), fx(2, 0, 0)];
        assert_eq!(classify(&offered[1], &offered), Effect::Caring);
    }

    #[test]
    fn first_words_cut_at_a_word() {
        assert_eq!(first_words("Hello there", 44), "Hello there");
        assert_eq!(first_words("one two three four", 9), "one two…");
        assert_eq!(first_words("  a\nb  ", 10), "a b");
        assert_eq!(first_words("abcdefghijkl", 5), "abcde…");
    }

    #[test]
    fn edges_follow_routes() {
        let text = r#"Scenario(
    format: 1, id: "g", version: 1, language: "en", title: "G", summary: "S",
    customer: (names: ["A"], persona: "P"),
    start: "a",
    nodes: {
        "a": Node(text: "Start here please", choices: [
            Choice(id: "x", text: "X", effects: (care: -2), feedback: "F", next: Route(
                branches: [(when: MoodAtLeast(60), go: "b")], otherwise: "c")),
            Choice(id: "y", text: "Y", effects: (empathy: 2), feedback: "F",
                next: Random([(weight: 3, go: "b"), (weight: 1, go: "c")])),
        ], time_limit: (seconds: 10, text: "...", feedback: "F", next: "c")),
        "b": Ending(outcome: Kept, text: "B", debrief: "D"),
        "c": Ending(outcome: Lost, text: "C", debrief: "D"),
    },
)"#;
        let loaded = load_str(Path::new("g.ron"), text, &Limits::default());
        let errors: Vec<_> = loaded
            .errors()
            .map(|d| d.render(crate::lang::Lang::En))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let scenario = loaded.scenario.unwrap();
        let graph = Graph::of(&scenario);
        assert_eq!(graph.nodes.len(), 3);
        assert_eq!(graph.start, Some(0));
        let edges = graph.edges_from(0);
        assert_eq!(edges.len(), 5);
        assert_eq!(edges[0].route, Route::Branch(0));
        assert_eq!(edges[1].route, Route::Otherwise);
        assert_eq!(edges[0].effect, Effect::Educating);
        assert_eq!(
            edges[2].route,
            Route::Random {
                weight: 3,
                total: 4
            }
        );
        assert_eq!(edges[2].effect, Effect::Caring);
        assert_eq!(edges[4].number, 0);
        assert!(edges[4].is_timeout());
        assert_eq!(graph.nodes[1].kind, NodeKind::Ending(Outcome::Kept));
        assert!(graph.edges_from(1).is_empty());
        assert_eq!(graph.edge_index(0, ReplyRef::Choice(1), 2), Some(3));
    }
}
