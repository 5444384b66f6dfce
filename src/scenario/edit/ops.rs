//! The editor's operations in the trainer's terms (add a reply, connect
//! it to a node, delete a node) turned into [`Edit`]s, with new content
//! written in the scenario's own language.

use super::{Edit, EditDoc, New, ValuePath};
use crate::lang::{Lang, msg};
use crate::scenario::model::{Dimension, Outcome, Scenario};

/// The kinds of node a trainer can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The customer speaks and the trainee picks a reply.
    Decision,
    /// The narrator sets a scene; one reply continues.
    Narration,
    /// An ending with its outcome.
    Ending(Outcome),
}

/// The scenario's language (English when unknown).
pub fn scenario_lang(doc: &EditDoc) -> Lang {
    doc.loaded
        .scenario
        .as_ref()
        .and_then(|s| Lang::from_code(&s.language.value))
        .unwrap_or(Lang::En)
}

/// The node ids, in file order.
pub fn node_ids(doc: &EditDoc) -> Vec<String> {
    doc.loaded
        .scenario
        .as_ref()
        .map(|s| s.nodes.iter().map(|n| n.id.value.clone()).collect())
        .unwrap_or_default()
}

/// `base`, or `base_2`, `base_3`… whichever is not taken.
pub fn fresh_id(taken: &[String], base: &str) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| !taken.iter().any(|t| t == id))
        .unwrap_or_else(|| base.to_string())
}

/// The outcome's name as written in files.
pub fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Kept => "Kept",
        Outcome::Neutral => "Neutral",
        Outcome::Lost => "Lost",
    }
}

/// A new reply with a placeholder text the trainer overwrites.
pub fn new_choice(choice_id: &str, lang: Lang, target: &str) -> New {
    New::block(
        Some("Choice"),
        vec![
            ("id", New::str(choice_id)),
            (
                "text",
                New::str(msg!("(what the trainee says)", "(lo que dice quien se forma)").get(lang)),
            ),
            (
                "feedback",
                New::str(
                    msg!(
                        "(why this reply is good or not)",
                        "(por qué esta respuesta es buena o no)"
                    )
                    .get(lang),
                ),
            ),
            ("next", New::str(target)),
        ],
    )
}

/// A new node of `kind`; decisions and narrations get one reply to `target`.
pub fn new_node(kind: NodeKind, lang: Lang, target: &str) -> New {
    match kind {
        NodeKind::Decision => New::block(
            Some("Node"),
            vec![
                ("speaker", New::raw("Customer")),
                (
                    "text",
                    New::str(
                        msg!("(what the customer says)", "(lo que dice el cliente)").get(lang),
                    ),
                ),
                (
                    "choices",
                    New::block_list(vec![new_choice("reply_1", lang, target)]),
                ),
            ],
        ),
        NodeKind::Narration => New::block(
            Some("Node"),
            vec![
                ("speaker", New::raw("Narrator")),
                (
                    "text",
                    New::str(msg!("(what happens)", "(lo que ocurre)").get(lang)),
                ),
                (
                    "choices",
                    New::block_list(vec![New::block(
                        Some("Choice"),
                        vec![
                            ("id", New::str("continue")),
                            ("text", New::str(msg!("Continue", "Continuar").get(lang))),
                            (
                                "feedback",
                                New::str(
                                    msg!(
                                        "(what this moment teaches)",
                                        "(lo que enseña este momento)"
                                    )
                                    .get(lang),
                                ),
                            ),
                            ("next", New::str(target)),
                        ],
                    )]),
                ),
            ],
        ),
        NodeKind::Ending(outcome) => New::block(
            Some("Ending"),
            vec![
                ("outcome", New::raw(outcome_name(outcome))),
                ("claims", New::list(Vec::new())),
                (
                    "text",
                    New::str(msg!("(how it ends)", "(cómo termina)").get(lang)),
                ),
                (
                    "debrief",
                    New::str(
                        msg!("(the lesson of this ending)", "(la lección de este final)").get(lang),
                    ),
                ),
            ],
        ),
    }
}

/// Adds a node with a fresh id from `base`; returns the id and the edit.
pub fn add_node(doc: &EditDoc, kind: NodeKind, base: &str, target: &str) -> (String, Edit) {
    let node_id = fresh_id(&node_ids(doc), base);
    let edit = Edit::InsertEntry {
        map: ValuePath::root().field("nodes"),
        index: None,
        key: node_id.clone(),
        value: new_node(kind, scenario_lang(doc), target),
    };
    (node_id, edit)
}

/// Adds a reply to `node_id` leading to `target`.
pub fn add_choice(doc: &EditDoc, node_id: &str, target: &str) -> Edit {
    let taken: Vec<String> = doc
        .loaded
        .scenario
        .as_ref()
        .and_then(|s| s.node_by_id(node_id).and_then(|n| s.node(n)))
        .map(|n| n.choices().iter().map(|c| c.id.value.clone()).collect())
        .unwrap_or_default();
    let choice_id = fresh_id(&taken, &format!("reply_{}", taken.len() + 1));
    Edit::InsertItem {
        list: ValuePath::node(node_id).field("choices"),
        index: None,
        value: new_choice(&choice_id, scenario_lang(doc), target),
    }
}

/// Copies a node under a fresh id, right after it.
pub fn duplicate_node(doc: &EditDoc, node_id: &str) -> (String, Edit) {
    let new_key = fresh_id(&node_ids(doc), &format!("{node_id}_copy"));
    let edit = Edit::DuplicateEntry {
        map: ValuePath::root().field("nodes"),
        key: node_id.to_string(),
        new_key: new_key.clone(),
    };
    (new_key, edit)
}

/// Removes a node (see [`referrers`] for what points at it first).
pub fn delete_node(node_id: &str) -> Edit {
    Edit::Remove {
        path: ValuePath::node(node_id),
    }
}

/// The replies (node id, reply id) and the start that lead to `node_id`:
/// shown before a node is deleted.
pub fn referrers(scenario: &Scenario, node_id: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if scenario.start.id.value == node_id {
        out.push((String::new(), "start".to_string()));
    }
    for node in &scenario.nodes {
        for choice in node.choices() {
            if choice.next.targets().iter().any(|t| t.id.value == node_id) {
                out.push((node.id.value.clone(), choice.id.value.clone()));
            }
        }
        if let Some(limit) = node.time_limit()
            && limit
                .reply
                .next
                .targets()
                .iter()
                .any(|t| t.id.value == node_id)
        {
            out.push((node.id.value.clone(), "time_limit".to_string()));
        }
    }
    out
}

/// Sends reply `choice` of `node_id` to `target` (replacing a route).
pub fn connect(node_id: &str, choice: usize, target: &str) -> Edit {
    Edit::Set {
        path: ValuePath::choice(node_id, choice).field("next"),
        value: New::str(target),
    }
}

/// The field name of a dimension in files.
pub fn dimension_field(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Empathy => "empathy",
        Dimension::Promise => "promise",
        Dimension::Care => "care",
    }
}

/// Sets one effect of a reply (or of a time limit when `path` is one),
/// writing `effects: (...)` when the reply has none.
pub fn set_effect(doc: &EditDoc, reply: &ValuePath, dimension: Dimension, value: i32) -> Edit {
    let effects = reply.clone().field("effects");
    let field = dimension_field(dimension);
    if doc.exists(&effects) {
        Edit::Set {
            path: effects.field(field),
            value: New::raw(value.to_string()),
        }
    } else {
        Edit::Set {
            path: effects,
            value: New::inline(None, vec![(field, New::raw(value.to_string()))]),
        }
    }
}

/// Sets a number field (mood, seconds, minutes…).
pub fn set_number(path: ValuePath, value: i64) -> Edit {
    Edit::Set {
        path,
        value: New::raw(value.to_string()),
    }
}

/// Sets a text field.
pub fn set_text(path: ValuePath, text: &str) -> Edit {
    Edit::Set {
        path,
        value: New::str(text),
    }
}

/// A random route over `targets` with equal weights.
pub fn random_route(targets: &[String]) -> New {
    New::tuple(
        "Random",
        vec![New::block_list(
            targets
                .iter()
                .map(|t| {
                    New::inline(
                        None,
                        vec![("weight", New::raw("1")), ("go", New::str(t.as_str()))],
                    )
                })
                .collect(),
        )],
    )
}

/// A route on mood: `MoodAtLeast(threshold)` goes to `calm`, else `otherwise`.
pub fn mood_route(threshold: i32, calm: &str, otherwise: &str) -> New {
    New::block(
        Some("Route"),
        vec![
            (
                "branches",
                New::list(vec![New::inline(
                    None,
                    vec![
                        (
                            "when",
                            New::tuple("MoodAtLeast", vec![New::raw(threshold.to_string())]),
                        ),
                        ("go", New::str(calm)),
                    ],
                )]),
            ),
            ("otherwise", New::str(otherwise)),
        ],
    )
}

/// A promise action: `Make(id, text, limit?)` or `Keep/Break/Confirm/Retract(id)`.
pub fn promise_action(action: &str, promise_id: &str, text: &str, limit: Option<&str>) -> New {
    if action == "Make" {
        let mut fields = vec![("id", New::str(promise_id)), ("text", New::str(text))];
        if let Some(limit) = limit {
            fields.push(("limit", New::raw(limit)));
        }
        New::inline(Some("Make"), fields)
    } else {
        New::tuple(action, vec![New::str(promise_id)])
    }
}

/// Adds an item to a list field (`promises`, `flags`, `claims`…),
/// writing the field when it is missing.
pub fn push_to_list(doc: &EditDoc, list: ValuePath, item: New, block: bool) -> Edit {
    if doc.exists(&list) {
        Edit::InsertItem {
            list,
            index: None,
            value: item,
        }
    } else {
        Edit::Set {
            path: list,
            value: if block {
                New::block_list(vec![item])
            } else {
                New::list(vec![item])
            },
        }
    }
}

/// A time limit of `seconds` whose timeout goes to `target`.
pub fn time_limit(seconds: u32, lang: Lang, target: &str) -> New {
    New::block(
        None,
        vec![
            ("seconds", New::raw(seconds.to_string())),
            (
                "text",
                New::str(msg!("(you say nothing)", "(no dices nada)").get(lang)),
            ),
            ("mood", New::raw("-10")),
            (
                "feedback",
                New::str(
                    msg!(
                        "A long silence reads as indifference.",
                        "Un silencio largo se lee como desinterés."
                    )
                    .get(lang),
                ),
            ),
            ("next", New::str(target)),
        ],
    )
}
