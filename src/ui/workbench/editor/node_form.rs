//! A node's form (decision, narration or ending) and the structure
//! buttons: add, duplicate, rename and delete nodes.

use super::fields::{self, FieldCtx};
use super::reply_form;
use super::{EditorState, FormState, Pending};
use crate::i18n::fill;
use crate::labels;
use crate::scenario::edit::ops::{self, NodeKind};
use crate::scenario::edit::{Edit, EditDoc, New, ValuePath};
use crate::scenario::model::{Node, NodeBody, NodeIdx, Outcome, Scenario, Speaker};
use crate::ui::ScreenCtx;
use egui::RichText;

/// Where a new node's first reply leads: the first ending, else the start.
fn default_target(scenario: &Scenario) -> String {
    scenario
        .nodes
        .iter()
        .find(|n| n.is_ending())
        .map_or_else(|| scenario.start.id.value.clone(), |n| n.id.value.clone())
}

/// Add decision / narration / ending, and for the selected node
/// duplicate and delete (after showing what points at it).
pub fn structure_buttons_ui(
    ui: &mut egui::Ui,
    editor: &mut EditorState,
    selected: Option<NodeIdx>,
    pending: &mut Vec<Pending>,
    frame: &ScreenCtx,
) {
    let t = frame.t;
    let Some(scenario) = editor.doc.loaded.scenario.as_ref() else {
        return;
    };
    let target = default_target(scenario);
    let add = |kind: NodeKind, base: &str, pending: &mut Vec<Pending>| {
        let (node_id, edit) = ops::add_node(&editor.doc, kind, base, &target);
        pending.push(Pending {
            edit,
            key: None,
            select: Some(node_id),
        });
    };
    if ui
        .button(t.ed_add_decision)
        .on_hover_text(t.ed_add_node_help)
        .clicked()
    {
        add(NodeKind::Decision, "decision", pending);
    }
    if ui
        .button(t.ed_add_narration)
        .on_hover_text(t.ed_add_node_help)
        .clicked()
    {
        add(NodeKind::Narration, "narration", pending);
    }
    ui.menu_button(t.ed_add_ending, |ui| {
        for (outcome, base) in [
            (Outcome::Kept, "kept"),
            (Outcome::Neutral, "neutral"),
            (Outcome::Lost, "lost"),
        ] {
            if ui.button(labels::outcome(frame.lang, outcome)).clicked() {
                add(NodeKind::Ending(outcome), base, pending);
                ui.close();
            }
        }
    });
    let Some(node) = selected.and_then(|n| scenario.node(n)) else {
        return;
    };
    let node_id = node.id.value.clone();
    if ui.button(t.ed_duplicate).clicked() {
        let (copy, edit) = ops::duplicate_node(&editor.doc, &node_id);
        pending.push(Pending {
            edit,
            key: None,
            select: Some(copy),
        });
    }
    if ui.button(t.ed_delete_node).clicked() {
        editor.form.pending_delete = Some(node_id);
    }
}

/// The confirmation before a node is deleted: which replies lead to it.
fn delete_confirm_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    form: &mut FormState,
    pending: &mut Vec<Pending>,
    frame: &ScreenCtx,
) {
    let t = frame.t;
    let Some(node_id) = form.pending_delete.clone() else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(fill(t.ed_delete_confirm, &[("node", &node_id)]));
        let pointing = ops::referrers(scenario, &node_id);
        if pointing.is_empty() {
            ui.label(t.ed_delete_nothing);
        } else {
            ui.label(t.ed_delete_pointing);
            for (from, reply) in pointing.iter().take(50) {
                ui.monospace(if from.is_empty() {
                    reply.clone()
                } else {
                    format!("{from} -> {reply}")
                });
            }
        }
        ui.horizontal(|ui| {
            if ui.button(t.ed_delete_yes).clicked() {
                pending.push(Pending {
                    edit: ops::delete_node(&node_id),
                    key: None,
                    select: None,
                });
                form.pending_delete = None;
            }
            if ui.button(t.ed_cancel).clicked() {
                form.pending_delete = None;
            }
        });
    });
}

fn speaker_name(speaker: Speaker) -> &'static str {
    match speaker {
        Speaker::Customer => "Customer",
        Speaker::Colleague => "Colleague",
        Speaker::Manager => "Manager",
        Speaker::Narrator => "Narrator",
    }
}

/// The whole form of one node.
pub fn node_form_ui(
    ui: &mut egui::Ui,
    doc: &EditDoc,
    scenario: &Scenario,
    node: &Node,
    form: &mut FormState,
    pending: &mut Vec<Pending>,
    frame: &ScreenCtx,
) {
    let t = frame.t;
    delete_confirm_ui(ui, scenario, form, pending, frame);
    let node_id = node.id.value.as_str();
    let path = ValuePath::node(node_id);
    rename_ui(ui, node_id, form, pending, frame);
    let mut cx = FieldCtx {
        doc,
        pending,
        t,
        lang: frame.lang,
    };
    if let NodeBody::Ending {
        outcome,
        debrief,
        claims,
        ..
    } = &node.body
    {
        let options: Vec<(String, String)> = [Outcome::Kept, Outcome::Neutral, Outcome::Lost]
            .iter()
            .map(|o| {
                (
                    ops::outcome_name(*o).to_string(),
                    labels::outcome(frame.lang, *o).to_string(),
                )
            })
            .collect();
        if let Some(picked) = fields::pick_ui(
            ui,
            t.ed_f_outcome,
            "",
            ("outcome", node_id),
            ops::outcome_name(*outcome),
            &options,
        ) {
            cx.push(Edit::Set {
                path: path.clone().field("outcome"),
                value: New::raw(picked),
            });
        }
        fields::text_field_ui(
            ui,
            &mut cx,
            t.ed_f_text,
            t.ed_h_text,
            path.clone().field("text"),
            &node.text,
            Some(node.text.span),
            true,
        );
        fields::text_field_ui(
            ui,
            &mut cx,
            t.ed_f_debrief,
            t.ed_h_debrief,
            path.clone().field("debrief"),
            debrief,
            Some(debrief.span),
            true,
        );
        let current: Vec<String> = claims.iter().map(|c| c.condition.to_string()).collect();
        reply_form::conditions_list_ui(
            ui,
            &mut cx,
            scenario,
            t.ed_f_claims,
            t.ed_h_claims,
            path.clone().field("claims"),
            &current,
        );
        return;
    }
    let speaker = speaker_name(node.speaker);
    let options: Vec<(String, String)> = [
        (Speaker::Customer, t.speaker_customer),
        (Speaker::Colleague, t.speaker_colleague),
        (Speaker::Manager, t.speaker_manager),
        (Speaker::Narrator, t.speaker_narrator),
    ]
    .iter()
    .map(|(s, label)| (speaker_name(*s).to_string(), label.to_string()))
    .collect();
    if let Some(picked) = fields::pick_ui(
        ui,
        t.ed_f_speaker,
        "",
        ("speaker", node_id),
        speaker,
        &options,
    ) {
        cx.push(Edit::Set {
            path: path.clone().field("speaker"),
            value: New::raw(picked),
        });
    }
    if matches!(node.speaker, Speaker::Colleague | Speaker::Manager) {
        let name = node.speaker_name.clone().unwrap_or_default();
        fields::text_field_ui(
            ui,
            &mut cx,
            t.ed_f_speaker_name,
            t.ed_h_speaker_name,
            path.clone().field("speaker_name"),
            &name,
            None,
            false,
        );
    }
    fields::text_field_ui(
        ui,
        &mut cx,
        t.ed_f_text,
        t.ed_h_text,
        path.clone().field("text"),
        &node.text,
        Some(node.text.span),
        true,
    );
    let cue = node.mood_cue.clone().unwrap_or_default();
    let cue_span = node.mood_cue.as_ref().map(|c| c.span);
    fields::text_field_ui(
        ui,
        &mut cx,
        t.ed_f_mood_cue,
        t.ed_h_mood_cue,
        path.clone().field("mood_cue"),
        &cue,
        cue_span,
        false,
    );
    if let Some(mood) = fields::stepper_ui(
        ui,
        t.ed_f_arrival_mood,
        t.ed_h_mood,
        node.mood as i64,
        -100..=100,
        "arrival",
    ) {
        cx.push(ops::set_number(path.clone().field("mood"), mood));
    }
    time_limit_ui(ui, &mut cx, scenario, node, &path);
    ui.separator();
    for (index, choice) in node.choices().iter().enumerate() {
        reply_form::reply_form_ui(ui, &mut cx, scenario, node, index, choice, form);
    }
    if ui.button(t.ed_add_reply).clicked() {
        let target = default_target(scenario);
        cx.push(ops::add_choice(doc, node_id, &target));
    }
}

fn rename_ui(
    ui: &mut egui::Ui,
    node_id: &str,
    form: &mut FormState,
    pending: &mut Vec<Pending>,
    frame: &ScreenCtx,
) {
    let t = frame.t;
    ui.horizontal_wrapped(|ui| {
        let label_id = fields::label_ui(ui, t.ed_node_id, "");
        let renaming = form.rename.as_ref().is_some_and(|(id, _)| id == node_id);
        if !renaming {
            form.rename = Some((node_id.to_string(), node_id.to_string()));
        }
        if let Some((_, new_id)) = form.rename.as_mut() {
            ui.add(
                egui::TextEdit::singleline(new_id)
                    .desired_width(140.0)
                    .font(egui::TextStyle::Monospace),
            )
            .labelled_by(label_id);
            let new_id = new_id.trim().to_string();
            if ui
                .add_enabled(
                    !new_id.is_empty() && new_id != node_id,
                    egui::Button::new(t.ed_rename),
                )
                .clicked()
            {
                pending.push(Pending {
                    edit: Edit::RenameNode {
                        from: node_id.to_string(),
                        to: new_id.clone(),
                    },
                    key: None,
                    select: Some(new_id),
                });
            }
        }
        ui.label(RichText::new(t.ed_shortcuts).small().weak());
    });
}

fn time_limit_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    node: &Node,
    path: &ValuePath,
) {
    let t = cx.t;
    let limit_path = path.clone().field("time_limit");
    let Some(limit) = node.time_limit() else {
        if ui
            .button(t.ed_add_timer)
            .on_hover_text(t.ed_h_timer)
            .clicked()
        {
            let target = default_target(scenario);
            cx.push(Edit::Set {
                path: limit_path,
                value: ops::time_limit(20, ops::scenario_lang(cx.doc), &target),
            });
        }
        return;
    };
    egui::CollapsingHeader::new(t.ed_f_timer)
        .id_salt(("timer", node.id.value.as_str()))
        .default_open(true)
        .show(ui, |ui| {
            ui.weak(t.ed_h_timer);
            if let Some(seconds) = fields::stepper_ui(
                ui,
                t.ed_f_seconds,
                t.ed_h_timer,
                limit.seconds as i64,
                3..=600,
                "seconds",
            ) {
                cx.push(ops::set_number(
                    limit_path.clone().field("seconds"),
                    seconds,
                ));
            }
            ui.label(RichText::new(t.ed_timeout).strong());
            reply_form::reply_body_ui(
                ui,
                cx,
                scenario,
                &limit_path,
                &limit.reply,
                node.id.value.as_str(),
                usize::MAX,
            );
            if ui.button(t.ed_remove_timer).clicked() {
                cx.push(Edit::Remove {
                    path: limit_path.clone(),
                });
            }
        });
}
