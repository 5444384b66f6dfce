use super::*;
use crate::generate::scenario_text;
use crate::graph::Graph;
use crate::scenario::{Limits, load_str};
use std::path::Path;

fn graph_of(text: &str) -> Graph {
    let loaded = load_str(Path::new("t.ron"), text, &Limits::unbounded());
    Graph::of(loaded.scenario.as_ref().unwrap())
}

/// True when `to` can reach `from`, i.e. the edge from→to is on a loop.
fn on_a_loop(graph: &Graph, from: u32, to: u32) -> bool {
    let mut seen = vec![false; graph.nodes.len()];
    let mut stack = vec![to];
    while let Some(n) = stack.pop() {
        if n == from {
            return true;
        }
        if std::mem::replace(&mut seen[n as usize], true) {
            continue;
        }
        stack.extend(graph.edges_from(n).iter().map(|e| e.to));
    }
    false
}

fn assert_well_formed(graph: &Graph, layout: &Layout) {
    let n = graph.nodes.len();
    let rects: Vec<Rect> = (0..n).map(|i| layout.node_rect(i as u32)).collect();
    let mut by_x: Vec<usize> = (0..n).collect();
    by_x.sort_by(|&a, &b| rects[a].min.x.total_cmp(&rects[b].min.x));
    for (i, &a) in by_x.iter().enumerate() {
        for &b in &by_x[i + 1..] {
            if rects[b].min.x >= rects[a].max.x {
                break;
            }
            assert!(
                !rects[a].overlaps(&rects[b]),
                "nodes {} and {} overlap: {:?} {:?}",
                graph.nodes[a].id,
                graph.nodes[b].id,
                rects[a],
                rects[b]
            );
        }
    }
    for (e, edge) in graph.edges.iter().enumerate() {
        let (from, to) = (
            layout.centers[edge.from as usize],
            layout.centers[edge.to as usize],
        );
        if layout.back[e] {
            assert!(
                on_a_loop(graph, edge.from, edge.to),
                "edge {e} is marked as a loop but is not on one"
            );
        } else {
            assert!(
                from.x < to.x,
                "edge {} -> {} goes right to left",
                graph.nodes[edge.from as usize].id,
                graph.nodes[edge.to as usize].id
            );
            for bend in layout.bends_of(e) {
                assert!(
                    from.x < bend.x && bend.x < to.x,
                    "bend out of the edge's span"
                );
            }
        }
    }
}

const LOOPS: &str = r#"Scenario(
    format: 1, id: "loops", version: 1, language: "en", title: "L", summary: "S",
    customer: (names: ["A"], persona: "P"),
    start: "a",
    nodes: {
        "a": Node(text: "A", choices: [
            Choice(id: "1", text: "x", feedback: "f", next: "b"),
            Choice(id: "2", text: "y", feedback: "f", next: "c"),
            Choice(id: "3", text: "z", feedback: "f", next: "end"),
        ]),
        "b": Node(text: "B", choices: [
            Choice(id: "again", text: "x", feedback: "f", next: "a"),
            Choice(id: "self", text: "x", feedback: "f", next: "b"),
            Choice(id: "on", text: "y", feedback: "f", next: "c"),
        ]),
        "c": Node(text: "C", choices: [
            Choice(id: "1", text: "x", feedback: "f", next: "end"),
            Choice(id: "2", text: "x", feedback: "f", next: "lost"),
        ]),
        "end": Ending(outcome: Kept, text: "E", debrief: "D"),
        "lost": Ending(outcome: Lost, text: "E", debrief: "D"),
    },
)"#;

#[test]
fn loops_are_the_only_edges_going_left() {
    let graph = graph_of(LOOPS);
    let layout = layout(&graph);
    assert_well_formed(&graph, &layout);
    let backs = layout.back.iter().filter(|&&b| b).count();
    assert_eq!(backs, 2, "b→a and b→b close loops");
    assert_eq!(layout.columns[0], 0, "the start is leftmost");
    // a→end spans two columns and bends through one dummy.
    let long = graph
        .edges
        .iter()
        .position(|e| e.from == 0 && e.to == 3)
        .unwrap();
    assert_eq!(layout.bends_of(long).len(), 2);
}

#[test]
fn generated_graphs_have_no_overlaps() {
    for (nodes, seed) in [(10, 1), (120, 2), (1000, 3)] {
        let graph = graph_of(&scenario_text(nodes, seed));
        let layout = layout(&graph);
        assert_eq!(layout.centers.len(), nodes);
        assert_well_formed(&graph, &layout);
    }
}

#[test]
fn crossings_are_counted() {
    // Column 0: a, b; column 1: x, y. a→y and b→x cross once.
    let text = r#"Scenario(
    format: 1, id: "x", version: 1, language: "en", title: "X", summary: "S",
    customer: (names: ["A"], persona: "P"),
    start: "a",
    nodes: {
        "a": Node(text: "A", choices: [Choice(id: "1", text: "x", feedback: "f", next: "y")]),
        "b": Node(text: "B", choices: [Choice(id: "1", text: "x", feedback: "f", next: "x")]),
        "x": Ending(outcome: Kept, text: "E", debrief: "D"),
        "y": Ending(outcome: Lost, text: "E", debrief: "D"),
    },
)"#;
    let graph = graph_of(text);
    let pairs = Pairs::of(&graph);
    let walk = break_cycles(&graph, &pairs);
    let columns = assign_columns(&pairs, &walk);
    let mut vertices = Vertices::build(&pairs, &walk, &columns, graph.nodes.len());
    vertices.layers[1] = vec![2, 3];
    for (i, &v) in vertices.layers[1].clone().iter().enumerate() {
        vertices.position[v as usize] = i as u32;
    }
    assert_eq!(vertices.crossings(), 1);
    assert_eq!(vertices.order().1, 0);
}

#[test]
fn sweeps_reduce_crossings_of_a_large_graph() {
    let graph = graph_of(&scenario_text(300, 4));
    let pairs = Pairs::of(&graph);
    let walk = break_cycles(&graph, &pairs);
    let columns = assign_columns(&pairs, &walk);
    let mut vertices = Vertices::build(&pairs, &walk, &columns, graph.nodes.len());
    let (first, best) = vertices.order();
    assert!(best < first, "sweeps kept {best} of {first} crossings");
}

#[test]
fn ordering_removes_avoidable_crossings() {
    // a → (b, c); b → e2, c → e1, declared so the first order crosses.
    let text = r#"Scenario(
    format: 1, id: "x", version: 1, language: "en", title: "X", summary: "S",
    customer: (names: ["A"], persona: "P"),
    start: "a",
    nodes: {
        "a": Node(text: "A", choices: [
            Choice(id: "1", text: "x", feedback: "f", next: "b"),
            Choice(id: "2", text: "y", feedback: "f", next: "c"),
        ]),
        "b": Node(text: "B", choices: [Choice(id: "1", text: "x", feedback: "f", next: "e2"),
                                       Choice(id: "2", text: "x", feedback: "f", next: "e3")]),
        "c": Node(text: "C", choices: [Choice(id: "1", text: "x", feedback: "f", next: "e1")]),
        "e1": Ending(outcome: Kept, text: "E", debrief: "D"),
        "e2": Ending(outcome: Lost, text: "E", debrief: "D"),
        "e3": Ending(outcome: Lost, text: "E", debrief: "D"),
    },
)"#;
    let graph = graph_of(text);
    let layout = layout(&graph);
    assert_eq!(layout.crossings, 0);
    assert_well_formed(&graph, &layout);
}

#[test]
fn hand_placed_nodes_win_and_lose_their_bends() {
    let graph = graph_of(LOOPS);
    let mut layout = layout(&graph);
    let mut positions = Positions::default();
    positions.insert("end".to_string(), Point::new(-500.0, 40.0));
    positions.insert("nowhere".to_string(), Point::new(1.0, 1.0));
    layout.apply_positions(&graph, &positions);
    assert_eq!(layout.centers[3], Point::new(-500.0, 40.0));
    assert!(layout.pinned[3]);
    for (e, edge) in graph.edges.iter().enumerate() {
        if edge.to == 3 {
            assert!(layout.bends_of(e).is_empty());
        }
    }
}

#[test]
fn isotonic_keeps_order_and_gaps() {
    let mut solver = Isotonic::default();
    solver.solve(&[0, 1, 2], &[10.0, 0.0, 5.0], |_, _| 10.0);
    let r = &solver.result;
    assert!(
        r[1] - r[0] >= 10.0 - 1e-4 && r[2] - r[1] >= 10.0 - 1e-4,
        "{r:?}"
    );
    // Least squares: the mean shift is preserved.
    let mean_wanted = 5.0;
    let mean_got = (r[0] + r[1] + r[2]) / 3.0;
    assert!((mean_wanted - mean_got).abs() < 1e-3, "{r:?}");
}
