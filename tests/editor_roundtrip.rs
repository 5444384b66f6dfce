//! The editor writes back surgically: over every shipped scenario, one
//! changed text or effect touches only that value's bytes, the saved file
//! loads with that change and nothing else, and undoing it gives the
//! original bytes (the same content hash).

use momento::hash::content_hash;
use momento::scenario::edit::{EditDoc, ValuePath, ops};
use momento::scenario::model::{Dimension, Scenario};
use momento::scenario::{Limits, load_file};
use std::path::{Path, PathBuf};

fn shipped() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files = Vec::new();
    for lang in ["es", "en"] {
        for entry in std::fs::read_dir(root.join(lang)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert_eq!(files.len(), 20, "ten scenarios in two languages");
    files
}

/// Only `old[start..old_end]` differs between `old` and `new`.
fn assert_only_window(old: &str, new: &str, start: usize, old_end: usize, what: &str) {
    let tail = old.len() - old_end;
    assert_eq!(
        &new[..start],
        &old[..start],
        "{what}: bytes before the value changed"
    );
    assert_eq!(
        &new[new.len() - tail..],
        &old[old_end..],
        "{what}: bytes after the value changed"
    );
}

/// Every reply's text, feedback, effects and targets, in order.
fn replies(scenario: &Scenario) -> Vec<String> {
    scenario
        .all_replies()
        .map(|(node, choice)| {
            format!(
                "{}/{}: {} | {} | {:?} | {} | {:?}",
                node.id.value,
                choice.id.value,
                choice.text.value,
                choice.feedback.value,
                choice.effects,
                choice.mood,
                choice
                    .next
                    .targets()
                    .iter()
                    .map(|t| &t.id.value)
                    .collect::<Vec<_>>()
            )
        })
        .collect()
}

#[test]
fn one_text_and_one_effect_change_only_their_bytes_in_every_shipped_scenario() {
    let dir = tempfile::tempdir().unwrap();
    for path in shipped() {
        let original = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let mut doc = EditDoc::from_text(&path, &original, Limits::default());
        let scenario = doc.loaded.scenario.clone().unwrap();
        assert!(doc.loaded.is_playable(), "{name}");
        let before = replies(&scenario);

        // A text in the middle of the file: the second node's last reply.
        let node = &scenario.nodes[1];
        let index = node.choices().len() - 1;
        let choice = &node.choices()[index];
        let span = choice.text.span;
        let new_text = format!("{} «editado» \"now\"", choice.text.value);
        doc.apply(&ops::set_text(
            ValuePath::choice(&node.id.value, index).field("text"),
            &new_text,
        ))
        .unwrap();
        assert_only_window(
            &original,
            doc.text(),
            span.start as usize,
            span.end as usize,
            &name,
        );

        let saved = dir.path().join(&name);
        doc.save_as(&saved).unwrap();
        let reloaded = load_file(&saved, &Limits::default());
        assert!(
            reloaded.is_playable(),
            "{name}: {:#?}",
            reloaded.diagnostics
        );
        let after = replies(reloaded.scenario.as_ref().unwrap());
        let changed: Vec<usize> = (0..before.len())
            .filter(|&i| before[i] != after[i])
            .collect();
        assert_eq!(changed.len(), 1, "{name}: exactly one reply differs");
        let edited = reloaded.scenario.as_ref().unwrap().nodes[1].choices()[index]
            .text
            .value
            .clone();
        assert_eq!(edited, new_text, "{name}");

        // Undo: the very same bytes, the same content hash.
        assert!(doc.undo());
        assert_eq!(
            content_hash(doc.text().as_bytes()),
            content_hash(original.as_bytes())
        );

        // An effect: the first reply that writes `empathy`.
        let (node_id, index, value_span, old_value) = scenario
            .nodes
            .iter()
            .find_map(|n| {
                n.choices().iter().enumerate().find_map(|(i, c)| {
                    let from = c.span.start as usize;
                    let body = &original[from..c.span.end as usize];
                    let at = body.find("empathy: ")? + from + "empathy: ".len();
                    let len = original[at..]
                        .find(|ch: char| ch != '-' && !ch.is_ascii_digit())
                        .unwrap();
                    Some((n.id.value.clone(), i, (at, at + len), c.effects.empathy))
                })
            })
            .unwrap();
        let new_value = if old_value == 3 { 2 } else { 3 };
        doc.apply(&ops::set_effect(
            &doc,
            &ValuePath::choice(&node_id, index),
            Dimension::Empathy,
            new_value,
        ))
        .unwrap();
        assert_only_window(&original, doc.text(), value_span.0, value_span.1, &name);
        doc.save().unwrap();
        let reloaded = load_file(&saved, &Limits::default());
        let reloaded = reloaded.scenario.unwrap();
        let after = replies(&reloaded);
        let changed: Vec<usize> = (0..before.len())
            .filter(|&i| before[i] != after[i])
            .collect();
        assert_eq!(changed.len(), 1, "{name}: exactly one reply differs");
        let node_idx = reloaded.node_by_id(&node_id).unwrap();
        assert_eq!(
            reloaded.node(node_idx).unwrap().choices()[index]
                .effects
                .empathy,
            new_value,
            "{name}"
        );
        assert!(doc.undo());
        assert_eq!(
            doc.text(),
            original,
            "{name}: undo gives the original bytes"
        );
        assert!(!doc.is_dirty() || doc.path != path);
    }
}
