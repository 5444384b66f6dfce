use super::ops::{self, NodeKind};
use super::template::{self, TemplateForm};
use super::*;
use crate::lang::Lang;
use crate::scenario::check::parity::{self, Side};
use crate::scenario::model::{Dimension, Outcome};

const SMALL: &str = r#"// A comment the editor must keep.
Scenario(
    format: 1,
    id: "d",
    version: 1,
    language: "en",
    title: "D",
    summary: "S",
    customer: (names: ["A"], persona: "P"),
    start: "a",
    nodes: {
        "a": Node(
            text: "Hello there",

            // Two replies.
            choices: [
                Choice(id: "1", text: "x", feedback: "f", next: "end"), // first
                Choice(
                    id: "2",
                    text: "y",
                    effects: (empathy: 1),
                    feedback: "g",
                    next: "end",
                ),
            ],
        ),
        "end": Ending(outcome: Kept, text: "E", debrief: "D"),
    },
)
"#;

fn doc() -> EditDoc {
    let doc = EditDoc::from_text(Path::new("d.ron"), SMALL, Limits::default());
    assert_eq!(doc.error_count(), 0, "{:#?}", doc.loaded.diagnostics);
    doc
}

/// The bytes before and after `window` are those of `old`.
fn only_changed(old: &str, new: &str, start: usize, old_end: usize) {
    let tail = old.len() - old_end;
    assert_eq!(&new[..start], &old[..start]);
    assert_eq!(&new[new.len() - tail..], &old[old_end..]);
}

#[test]
fn setting_a_text_changes_only_its_literal_and_undo_restores_the_file() {
    let mut doc = doc();
    let path = ValuePath::choice("a", 1).field("text");
    doc.apply(&ops::set_text(path, "She said \"no\"")).unwrap();
    let at = SMALL.find("\"y\"").unwrap();
    only_changed(SMALL, doc.text(), at, at + 3);
    assert!(doc.text().contains(r#"text: "She said \"no\"","#));
    let scenario = doc.loaded.scenario.as_ref().unwrap();
    assert_eq!(scenario.nodes[0].choices()[1].text.value, "She said \"no\"");
    assert!(doc.is_dirty());
    assert!(doc.undo());
    assert_eq!(doc.text(), SMALL);
    assert!(!doc.is_dirty());
    assert!(doc.redo());
    assert!(doc.text().contains("She said"));
}

#[test]
fn a_missing_field_is_written_where_a_person_would() {
    let mut doc = doc();
    doc.apply(&ops::set_text(
        ValuePath::node("a").field("mood_cue"),
        "Frowns.",
    ))
    .unwrap();
    assert!(
        doc.text().contains("            text: \"Hello there\",\n            mood_cue: \"Frowns.\",\n\n            // Two replies."),
        "{}",
        doc.text()
    );
    // One-line struct: the field joins the line.
    doc.apply(&ops::set_effect(
        &doc,
        &ValuePath::choice("a", 0),
        Dimension::Care,
        2,
    ))
    .unwrap();
    assert!(doc.text().contains(r#"Choice(id: "1", text: "x", effects: (care: 2), feedback: "f", next: "end"), // first"#), "{}", doc.text());
    doc.apply(&ops::set_effect(
        &doc,
        &ValuePath::choice("a", 1),
        Dimension::Care,
        -3,
    ))
    .unwrap();
    assert!(
        doc.text().contains("effects: (empathy: 1, care: -3),"),
        "{}",
        doc.text()
    );
    assert_eq!(doc.error_count(), 0);
}

#[test]
fn replies_are_added_removed_and_reordered_with_their_comments_in_place() {
    let mut doc = doc();
    doc.apply(&ops::add_choice(&doc, "a", "end")).unwrap();
    let scenario = doc.loaded.scenario.clone().unwrap();
    assert_eq!(scenario.nodes[0].choices().len(), 3);
    assert_eq!(scenario.nodes[0].choices()[2].id.value, "reply_3");
    assert!(
        doc.text().contains(
            "                ),\n                Choice(\n                    id: \"reply_3\",\n"
        ),
        "{}",
        doc.text()
    );
    assert_eq!(doc.error_count(), 0);

    doc.apply(&Edit::Swap {
        list: ValuePath::node("a").field("choices"),
        a: 0,
        b: 1,
    })
    .unwrap();
    let scenario = doc.loaded.scenario.clone().unwrap();
    assert_eq!(scenario.nodes[0].choices()[0].id.value, "2");
    assert!(
        doc.text().contains("), // first"),
        "the comment stays after the first slot"
    );

    doc.apply(&Edit::Remove {
        path: ValuePath::choice("a", 2),
    })
    .unwrap();
    doc.apply(&Edit::Remove {
        path: ValuePath::choice("a", 1),
    })
    .unwrap();
    let scenario = doc.loaded.scenario.clone().unwrap();
    assert_eq!(scenario.nodes[0].choices().len(), 1);
    assert_eq!(doc.error_count(), 0, "{:#?}", doc.loaded.diagnostics);
    for _ in 0..4 {
        assert!(doc.undo());
    }
    assert_eq!(doc.text(), SMALL);
}

#[test]
fn nodes_are_added_duplicated_renamed_and_deleted() {
    let mut doc = doc();
    let (new_id, edit) = ops::add_node(&doc, NodeKind::Decision, "ask", "end");
    doc.apply(&edit).unwrap();
    doc.apply(&ops::connect("a", 0, &new_id)).unwrap();
    assert_eq!(doc.error_count(), 0, "{:#?}", doc.loaded.diagnostics);
    let (copy, edit) = ops::duplicate_node(&doc, "ask");
    assert_eq!(copy, "ask_copy");
    doc.apply(&edit).unwrap();
    assert!(
        doc.loaded
            .scenario
            .as_ref()
            .unwrap()
            .node_by_id("ask_copy")
            .is_some()
    );

    doc.apply(&Edit::RenameNode {
        from: "end".into(),
        to: "finish".into(),
    })
    .unwrap();
    assert!(!doc.text().contains("\"end\""));
    assert_eq!(doc.error_count(), 0, "{:#?}", doc.loaded.diagnostics);

    let scenario = doc.loaded.scenario.clone().unwrap();
    let pointing = ops::referrers(&scenario, "finish");
    assert!(pointing.contains(&("a".to_string(), "2".to_string())));
    assert!(pointing.contains(&("ask".to_string(), "reply_1".to_string())));
    // Deleting it would leave replies pointing nowhere: refused when checked.
    let before = doc.text().to_string();
    match doc.apply_checked(&ops::delete_node("finish")) {
        Err(EditError::WouldBreak(errors)) => assert!(!errors.is_empty()),
        other => panic!("{other:?}"),
    }
    assert_eq!(doc.text(), before);
    doc.apply_checked(&ops::delete_node("ask_copy")).unwrap();
    assert!(
        doc.loaded
            .scenario
            .as_ref()
            .unwrap()
            .node_by_id("ask_copy")
            .is_none()
    );
    let (_, ending) = ops::add_node(&doc, NodeKind::Ending(Outcome::Lost), "lost", "");
    doc.apply(&ending).unwrap();
    let (_, narration) = ops::add_node(&doc, NodeKind::Narration, "later", "lost");
    doc.apply(&narration).unwrap();
    assert_eq!(doc.error_count(), 0, "{:#?}", doc.loaded.diagnostics);
}

#[test]
fn changes_that_break_the_syntax_or_name_nothing_are_refused() {
    let mut doc = doc();
    let err = doc.apply(&Edit::Set {
        path: ValuePath::node("a").field("text"),
        value: New::raw("\"unclosed"),
    });
    assert_eq!(err, Err(EditError::Syntax));
    let err = doc.apply(&ops::set_text(ValuePath::node("zzz").field("text"), "x"));
    assert!(matches!(err, Err(EditError::NotFound(_))));
    assert_eq!(doc.text(), SMALL);
    assert_eq!(doc.history_len(), (0, 0));
}

#[test]
fn the_template_checks_clean_and_its_twin_keeps_parity() {
    for lang in Lang::ALL {
        let text = template::new_scenario(&TemplateForm {
            lang,
            title: "La devolución".into(),
            customer: "Ana".into(),
            persona: String::new(),
        });
        let loaded = crate::scenario::load_str(Path::new("t.ron"), &text, &Limits::default());
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let scenario = loaded.scenario.unwrap();
        assert_eq!(scenario.id.value, "la-devolucion");
        assert_eq!(scenario.nodes.len(), 4);

        let other = if lang == Lang::Es { Lang::En } else { Lang::Es };
        let twin = template::twin(&text, other).unwrap();
        let twin_loaded = crate::scenario::load_str(Path::new("u.ron"), &twin, &Limits::default());
        assert!(
            twin_loaded.diagnostics.is_empty(),
            "{:#?}",
            twin_loaded.diagnostics
        );
        let twin_scenario = twin_loaded.scenario.unwrap();
        assert_eq!(twin_scenario.language.value, other.code());
        assert!(template::needs_translation(
            &twin_scenario.nodes[0].text.value
        ));
        assert!(!template::needs_translation(
            &twin_scenario.nodes[0].choices()[0].id.value
        ));
        let differences = parity::check(
            Side {
                scenario: &scenario,
                text: &text,
            },
            Side {
                scenario: &twin_scenario,
                text: &twin,
            },
        );
        assert!(differences.is_empty(), "{differences:#?}");
    }
    assert_eq!(
        template::twin_path(Path::new("/x/es/a.ron"), Lang::En),
        Path::new("/x/en/a.ron")
    );
}
