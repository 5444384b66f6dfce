//! Random sequences of editor operations (seeded, bounded) on shipped
//! scenarios: every operation either leaves a file the loader accepts
//! without errors, or is refused with its diagnostics and leaves the text
//! exactly as it was. Undo always returns to an accepted file.

use momento::scenario::edit::ops::{self, NodeKind};
use momento::scenario::edit::{Edit, EditDoc, EditError, New, ValuePath};
use momento::scenario::model::{Dimension, Outcome};
use momento::scenario::{Limits, load_str};
use std::path::Path;

/// xorshift64*: a small seeded generator, enough to pick operations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TEXTS: &[&str] = &[
    "Claro, lo miro ahora mismo.",
    "Say \"sorry\" first",
    "¿Le llamo mañana?\nSin falta.",
    "Hola {customer_first}",
    "{not_a_placeholder}",
    "",
    "back\\slash and 'quotes' and “curly”",
];

fn random_edit(doc: &EditDoc, rng: &mut Rng) -> Edit {
    let scenario = doc.loaded.scenario.clone().unwrap();
    let mut ids = ops::node_ids(doc);
    ids.push("no_such_node".to_string());
    let node = rng.pick(&scenario.nodes);
    let node_id = node.id.value.clone();
    let choices = node.choices().len();
    let choice = rng.below(choices.max(1));
    let target = rng.pick(&ids).clone();
    match rng.below(12) {
        0 | 1 => ops::set_text(
            if choices > 0 {
                ValuePath::choice(&node_id, choice).field("text")
            } else {
                ValuePath::node(&node_id).field("text")
            },
            rng.pick::<&str>(TEXTS),
        ),
        2 => ops::set_effect(
            doc,
            &ValuePath::choice(&node_id, choice),
            *rng.pick(&Dimension::ALL),
            rng.below(25) as i32 - 12,
        ),
        3 => ops::set_number(
            ValuePath::choice(&node_id, choice).field("mood"),
            rng.below(240) as i64 - 120,
        ),
        4 => ops::add_choice(doc, &node_id, &target),
        5 => Edit::Remove {
            path: ValuePath::choice(&node_id, choice),
        },
        6 => Edit::Swap {
            list: ValuePath::node(&node_id).field("choices"),
            a: choice,
            b: rng.below(choices.max(1)),
        },
        7 => {
            let kind = *rng.pick(&[
                NodeKind::Decision,
                NodeKind::Narration,
                NodeKind::Ending(Outcome::Lost),
            ]);
            ops::add_node(doc, kind, "added", &target).1
        }
        8 => ops::delete_node(&node_id),
        9 => Edit::RenameNode {
            from: node_id,
            to: rng
                .pick(&["renamed", "otro_nombre", "counter", "x y"])
                .to_string(),
        },
        10 => ops::connect(&node_id, choice, &target),
        _ => ops::duplicate_node(doc, &node_id).1,
    }
}

#[test]
fn random_operations_never_leave_a_file_the_loader_rejects() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let files = [
        root.join("en/warranty-no-receipt.ron"),
        root.join("es/hay-que-educar-al-cliente.ron"),
        root.join("en/the-important-meeting.ron"),
    ];
    let seed: u64 = std::env::var("MOMENTO_EDIT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_ed17);
    let steps: usize = std::env::var("MOMENTO_EDIT_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40)
        .min(10_000);
    let (mut accepted, mut refused) = (0usize, 0usize);
    for (n, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let mut doc = EditDoc::from_text(path, &text, Limits::default());
        assert!(doc.loaded.is_playable());
        let mut rng = Rng(seed ^ (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        for step in 0..steps {
            if rng.below(10) == 0 {
                doc.undo();
            } else {
                let edit = random_edit(&doc, &mut rng);
                let before = doc.text().to_string();
                match doc.apply_checked(&edit) {
                    Ok(()) => accepted += 1,
                    Err(error) => {
                        refused += 1;
                        assert_eq!(
                            doc.text(),
                            before,
                            "step {step}: refused {edit:?} changed the text"
                        );
                        if let EditError::WouldBreak(diagnostics) = &error {
                            assert!(
                                !diagnostics.is_empty(),
                                "step {step}: refused {edit:?} without a reason"
                            );
                        }
                    }
                }
            }
            let loaded = load_str(path, doc.text(), &Limits::default());
            assert!(
                loaded.is_playable(),
                "{} step {step}: the loader rejects the text: {:#?}",
                path.display(),
                loaded.errors().collect::<Vec<_>>()
            );
        }
    }
    assert!(
        accepted > 10,
        "too few operations accepted ({accepted}) to test anything"
    );
    assert!(
        refused > 5,
        "too few invalid operations ({refused}) to test refusal"
    );
}

#[test]
fn a_refused_operation_names_its_problem() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/en/warranty-no-receipt.ron"),
    )
    .unwrap();
    let mut doc = EditDoc::from_text(Path::new("w.ron"), &text, Limits::default());
    let edit = ops::connect("counter", 0, "nowhere");
    match doc.apply_checked(&edit) {
        Err(EditError::WouldBreak(diagnostics)) => {
            assert!(
                diagnostics.iter().any(|d| d.message.en.contains("nowhere")),
                "{diagnostics:#?}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(doc.text(), text);
    let edit = Edit::Set {
        path: ValuePath::choice("counter", 0).field("mood"),
        value: New::raw("500"),
    };
    assert!(matches!(
        doc.apply_checked(&edit),
        Err(EditError::WouldBreak(_))
    ));
    assert_eq!(doc.text(), text);
}
