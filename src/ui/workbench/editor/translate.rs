//! Translation: create the twin of a scenario in the other language (same
//! structure, texts marked for translation) and fill it in side by side,
//! node by node, with the es/en parity check shown as you go.

use super::Pending;
use super::fields::{self, FieldCtx};
use crate::atomic;
use crate::i18n::{Texts, fill};
use crate::lang::Lang;
use crate::scenario::Limits;
use crate::scenario::check::parity::{self, Side};
use crate::scenario::edit::template;
use crate::scenario::edit::{EditDoc, ValuePath, ops};
use crate::scenario::model::{Node, Scenario, Text};
use crate::ui::ScreenCtx;
use egui::{Color32, RichText};
use std::path::PathBuf;

/// The other language's file, open for editing.
#[derive(Debug)]
pub struct Twin {
    /// Its text and history.
    pub doc: EditDoc,
}

/// The language the twin is in.
pub fn other_lang(doc: &EditDoc) -> Lang {
    match ops::scenario_lang(doc) {
        Lang::Es => Lang::En,
        Lang::En => Lang::Es,
    }
}

/// Opens the twin if its file exists.
pub fn open_twin(doc: &EditDoc) -> Option<Twin> {
    let path = template::twin_path(&doc.path, other_lang(doc));
    EditDoc::open(&path, Limits::default())
        .ok()
        .map(|doc| Twin { doc })
}

/// Writes the twin of `doc` (never over an existing file) and opens it.
pub fn create_twin(doc: &EditDoc) -> Result<(PathBuf, Twin), String> {
    let to = other_lang(doc);
    let path = template::twin_path(&doc.path, to);
    if path.exists() {
        return Err(path.display().to_string());
    }
    let text = template::twin(doc.text(), to).ok_or_else(|| doc.path.display().to_string())?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    atomic::replace(&path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((
        path.clone(),
        Twin {
            doc: EditDoc::from_text(&path, &text, Limits::default()),
        },
    ))
}

/// The number of structural differences between the two versions.
pub fn parity_differences(doc: &EditDoc, twin: &EditDoc) -> Option<usize> {
    let a = doc.loaded.scenario.as_ref()?;
    let b = twin.loaded.scenario.as_ref()?;
    Some(
        parity::check(
            Side {
                scenario: a,
                text: doc.text(),
            },
            Side {
                scenario: b,
                text: twin.text(),
            },
        )
        .len(),
    )
}

/// Every text of a node, with its path, for the side-by-side rows.
fn node_texts(node: &Node) -> Vec<(ValuePath, &Text)> {
    let path = ValuePath::node(&node.id.value);
    let mut out = vec![(path.clone().field("text"), &node.text)];
    if let Some(cue) = &node.mood_cue {
        out.push((path.clone().field("mood_cue"), cue));
    }
    if let crate::scenario::model::NodeBody::Ending { debrief, .. } = &node.body {
        out.push((path.clone().field("debrief"), debrief));
    }
    if let Some(limit) = node.time_limit() {
        let limit_path = path.clone().field("time_limit");
        out.push((limit_path.clone().field("text"), &limit.reply.text));
        out.push((limit_path.field("feedback"), &limit.reply.feedback));
    }
    for (i, choice) in node.choices().iter().enumerate() {
        let choice_path = ValuePath::choice(&node.id.value, i);
        out.push((choice_path.clone().field("text"), &choice.text));
        out.push((choice_path.field("feedback"), &choice.feedback));
    }
    out
}

fn header_texts(scenario: &Scenario) -> Vec<(ValuePath, &Text)> {
    vec![
        (ValuePath::root().field("title"), &scenario.title),
        (ValuePath::root().field("summary"), &scenario.summary),
        (
            ValuePath::root().field("customer").field("persona"),
            &scenario.customer.persona,
        ),
    ]
}

/// How many texts of the twin still carry the translation mark.
pub fn left_to_translate(twin: &EditDoc) -> usize {
    twin.text()
        .matches(template::marker(Lang::Es).trim_end())
        .count()
        + twin
            .text()
            .matches(template::marker(Lang::En).trim_end())
            .count()
}

/// The side-by-side view of the selected node (or the header): the file's
/// texts on the left, the twin's editable on the right. Returns the edits
/// for the twin (the caller applies them to it).
pub fn translate_ui(
    ui: &mut egui::Ui,
    doc: &EditDoc,
    twin: &Twin,
    node_id: Option<&str>,
    frame: &ScreenCtx,
) -> Vec<Pending> {
    let t: &Texts = frame.t;
    let mut pending = Vec::new();
    let (Some(ours), Some(theirs)) = (
        doc.loaded.scenario.as_ref(),
        twin.doc.loaded.scenario.as_ref(),
    ) else {
        ui.colored_label(Color32::from_rgb(200, 40, 40), t.ed_broken);
        return pending;
    };
    match parity_differences(doc, &twin.doc) {
        Some(0) => {
            ui.colored_label(Color32::from_rgb(40, 140, 70), t.ed_parity_ok);
        }
        Some(n) => {
            ui.colored_label(
                Color32::from_rgb(200, 40, 40),
                fill(t.ed_parity_bad, &[("count", &n.to_string())]),
            );
        }
        None => {}
    }
    ui.weak(fill(
        t.ed_translate_left,
        &[("count", &left_to_translate(&twin.doc).to_string())],
    ));
    ui.monospace(twin.doc.path.display().to_string());
    let rows: Vec<(ValuePath, &Text)> = match node_id
        .and_then(|id| ours.node_by_id(id))
        .and_then(|n| ours.node(n))
    {
        Some(node) => node_texts(node),
        None => header_texts(ours),
    };
    let (left_lang, right_lang) = (ops::scenario_lang(doc), other_lang(doc));
    let mut cx = FieldCtx {
        doc: &twin.doc,
        pending: &mut pending,
        t,
        lang: frame.lang,
    };
    egui::ScrollArea::vertical()
        .id_salt("translate_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("translate_grid")
                .num_columns(2)
                .striped(true)
                .min_col_width(150.0)
                .show(ui, |ui| {
                    ui.strong(left_lang.name());
                    ui.strong(right_lang.name());
                    ui.end_row();
                    for (path, text) in rows {
                        let theirs_text = twin_text(theirs, &path);
                        ui.vertical(|ui| {
                            ui.set_max_width(260.0);
                            ui.label(RichText::new(path.to_string()).small().weak());
                            ui.label(&text.value);
                        });
                        ui.vertical(|ui| {
                            ui.set_max_width(300.0);
                            let marked = template::needs_translation(&theirs_text.0);
                            let label = if marked {
                                t.ed_to_translate
                            } else {
                                right_lang.name()
                            };
                            fields::text_field_ui(
                                ui,
                                &mut cx,
                                label,
                                "",
                                path.clone(),
                                &theirs_text.0,
                                theirs_text.1,
                                true,
                            );
                        });
                        ui.end_row();
                    }
                });
        });
    pending
}

/// The twin's text at `path` (the same path: the structure is the same).
fn twin_text(scenario: &Scenario, path: &ValuePath) -> (String, Option<crate::source::Span>) {
    use crate::scenario::edit::Step;
    let steps = &path.0;
    let text = match steps.as_slice() {
        [Step::Field(f)] if f == "title" => Some(&scenario.title),
        [Step::Field(f)] if f == "summary" => Some(&scenario.summary),
        [Step::Field(c), Step::Field(p)] if c == "customer" && p == "persona" => {
            Some(&scenario.customer.persona)
        }
        [Step::Field(_), Step::Key(id), rest @ ..] => {
            let node = scenario.node_by_id(id).and_then(|n| scenario.node(n));
            node.and_then(|node| match rest {
                [Step::Field(f)] if f == "text" => Some(&node.text),
                [Step::Field(f)] if f == "mood_cue" => node.mood_cue.as_ref(),
                [Step::Field(f)] if f == "debrief" => match &node.body {
                    crate::scenario::model::NodeBody::Ending { debrief, .. } => Some(debrief),
                    _ => None,
                },
                [Step::Field(l), Step::Field(f)] if l == "time_limit" => {
                    node.time_limit().map(|limit| {
                        if f == "text" {
                            &limit.reply.text
                        } else {
                            &limit.reply.feedback
                        }
                    })
                }
                [Step::Field(_), Step::Index(i), Step::Field(f)] => node
                    .choices()
                    .get(*i)
                    .map(|c| if f == "text" { &c.text } else { &c.feedback }),
                _ => None,
            })
        }
        _ => None,
    };
    text.map_or((String::new(), None), |t| (t.value.clone(), Some(t.span)))
}
