//! A reply's form: text, effects and mood with steppers, feedback, flags,
//! promise actions from a picker that explains the four limits, the
//! condition it is offered under, and where it leads (a node, a route on
//! mood, or a random route), with the handle that connects it by dragging.

use super::FormState;
use super::connect;
use super::fields::{self, FieldCtx};
use crate::labels;
use crate::scenario::edit::render::quote;
use crate::scenario::edit::{Edit, New, ValuePath, ops};
use crate::scenario::model::{
    Choice, Condition, Dimension, Limit, Next, Node, PromiseAction, Scenario,
};
use egui::RichText;

const ACTIONS: [&str; 5] = ["Make", "Keep", "Break", "Confirm", "Retract"];
const LIMITS: [Limit; 4] = [
    Limit::CannotPhysically,
    Limit::DontKnowHow,
    Limit::NotAllowed,
    Limit::NoTools,
];

fn limit_name(limit: Limit) -> &'static str {
    match limit {
        Limit::CannotPhysically => "CannotPhysically",
        Limit::DontKnowHow => "DontKnowHow",
        Limit::NotAllowed => "NotAllowed",
        Limit::NoTools => "NoTools",
    }
}

/// A promise action as the file writes it.
fn action_text(action: &PromiseAction) -> String {
    match action {
        PromiseAction::Make {
            promise,
            text,
            limit,
            ..
        } => match limit {
            Some(limit) => format!(
                "Make({}: {}, {})",
                promise.id.value,
                text.value,
                limit_name(*limit)
            ),
            None => format!("Make({}: {})", promise.id.value, text.value),
        },
        PromiseAction::Keep(p) => format!("Keep({})", p.id.value),
        PromiseAction::Break(p) => format!("Break({})", p.id.value),
        PromiseAction::Confirm(p) => format!("Confirm({})", p.id.value),
        PromiseAction::Retract(p) => format!("Retract({})", p.id.value),
    }
}

/// One reply, with its handle, order buttons and fields.
pub fn reply_form_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    node: &Node,
    index: usize,
    choice: &Choice,
    form: &mut FormState,
) {
    let t = cx.t;
    let node_id = node.id.value.as_str();
    let path = ValuePath::choice(node_id, index);
    let title = crate::i18n::fill(
        t.ed_reply_n,
        &[("n", &(index + 1).to_string()), ("id", &choice.id.value)],
    );
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("reply", node_id, index))
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                connect::reply_handle_ui(ui, node_id, index, t);
                let count = node.choices().len();
                let list = ValuePath::node(node_id).field("choices");
                if ui
                    .add_enabled(index > 0, egui::Button::new(t.ed_move_up))
                    .clicked()
                {
                    cx.push(Edit::Swap {
                        list: list.clone(),
                        a: index - 1,
                        b: index,
                    });
                }
                if ui
                    .add_enabled(index + 1 < count, egui::Button::new(t.ed_move_down))
                    .clicked()
                {
                    cx.push(Edit::Swap {
                        list,
                        a: index,
                        b: index + 1,
                    });
                }
                if ui
                    .add_enabled(count > 1, egui::Button::new(t.ed_delete_reply))
                    .clicked()
                {
                    cx.push(Edit::Remove { path: path.clone() });
                }
            });
            reply_body_ui(ui, cx, scenario, &path, choice, node_id, index);
            promises_ui(ui, cx, scenario, &path, choice, form);
            let when = choice.when.as_ref().map(Condition::to_string);
            condition_pick_ui(
                ui,
                cx,
                scenario,
                t.ed_f_when,
                t.ed_h_when,
                path.clone().field("when"),
                when.as_deref(),
                ("when", node_id, index),
            );
        });
}

/// The fields a reply shares with a timeout: text, effects, mood,
/// feedback, flags, next.
pub fn reply_body_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    path: &ValuePath,
    choice: &Choice,
    node_id: &str,
    index: usize,
) {
    let t = cx.t;
    fields::text_field_ui(
        ui,
        cx,
        t.ed_f_reply_text,
        "",
        path.clone().field("text"),
        &choice.text,
        Some(choice.text.span),
        true,
    );
    ui.label(RichText::new(t.ed_f_effects).strong())
        .on_hover_text(t.ed_h_effects);
    for dimension in Dimension::ALL {
        let value = choice.effects.get(dimension) as i64;
        let label = labels::dimension(cx.lang, dimension);
        let salt = format!("{path}.{dimension:?}");
        if let Some(new) = fields::stepper_ui(ui, label, t.ed_h_effects, value, -10..=10, &salt) {
            cx.push(ops::set_effect(cx.doc, path, dimension, new as i32));
        }
    }
    if let Some(mood) = fields::stepper_ui(
        ui,
        t.ed_f_mood,
        t.ed_h_mood,
        choice.mood as i64,
        -100..=100,
        &format!("{path}.mood"),
    ) {
        cx.push(ops::set_number(path.clone().field("mood"), mood));
    }
    fields::text_field_ui(
        ui,
        cx,
        t.ed_f_feedback,
        t.ed_h_feedback,
        path.clone().field("feedback"),
        &choice.feedback,
        Some(choice.feedback.span),
        true,
    );
    let flags: Vec<String> = choice.flags.iter().map(|f| f.name.value.clone()).collect();
    fields::lines_field_ui(
        ui,
        cx,
        t.ed_f_flags,
        t.ed_h_flags,
        path.clone().field("flags"),
        &flags,
    );
    next_ui(ui, cx, scenario, path, &choice.next, (node_id, index));
}

fn promises_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    path: &ValuePath,
    choice: &Choice,
    form: &mut FormState,
) {
    let t = cx.t;
    let list = path.clone().field("promises");
    ui.label(RichText::new(t.ed_f_promises).strong())
        .on_hover_text(t.ed_h_promises);
    for (i, action) in choice.promises.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.monospace(action_text(action));
            if ui.small_button(t.ed_remove).clicked() {
                cx.push(Edit::Remove {
                    path: list.clone().index(i),
                });
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        let options: Vec<(String, String)> = ACTIONS
            .iter()
            .map(|a| (a.to_string(), a.to_string()))
            .collect();
        let current = ACTIONS[form.promise_action.min(ACTIONS.len() - 1)];
        if let Some(picked) = fields::pick_ui(
            ui,
            t.ed_promise_action,
            t.ed_h_promises,
            ("action", path.to_string()),
            current,
            &options,
        ) {
            form.promise_action = ACTIONS.iter().position(|a| *a == picked).unwrap_or(0);
        }
        let id_label = fields::label_ui(ui, t.ed_promise_id, "");
        ui.add(egui::TextEdit::singleline(&mut form.promise_id).desired_width(90.0))
            .labelled_by(id_label);
        let known: Vec<&str> = scenario.promises.iter().map(|p| p.id.as_str()).collect();
        if !known.is_empty() {
            ui.menu_button("…", |ui| {
                for promise_id in known {
                    if ui.button(promise_id).clicked() {
                        form.promise_id = promise_id.to_string();
                        ui.close();
                    }
                }
            });
        }
    });
    let making = form.promise_action == 0;
    if making {
        let text_label = fields::label_ui(ui, t.ed_promise_text, "");
        ui.add(egui::TextEdit::singleline(&mut form.promise_text).desired_width(f32::INFINITY))
            .labelled_by(text_label);
        let mut options = vec![("0".to_string(), t.ed_limit_none.to_string())];
        for (i, limit) in LIMITS.iter().enumerate() {
            options.push((
                (i + 1).to_string(),
                labels::limit(cx.lang, *limit).to_string(),
            ));
        }
        let current = form.promise_limit.to_string();
        if let Some(picked) = fields::pick_ui(
            ui,
            "",
            t.ed_limits_help,
            ("limit", path.to_string()),
            &current,
            &options,
        ) {
            form.promise_limit = picked.parse().unwrap_or(0);
        }
        ui.label(RichText::new(t.ed_limits_help).small().weak());
    }
    let promise_id = form.promise_id.trim().to_string();
    let ready = !promise_id.is_empty() && (!making || !form.promise_text.trim().is_empty());
    if ui
        .add_enabled(ready, egui::Button::new(t.ed_add_action))
        .clicked()
    {
        let limit = form
            .promise_limit
            .checked_sub(1)
            .and_then(|i| LIMITS.get(i))
            .map(|l| limit_name(*l));
        let action = ACTIONS[form.promise_action.min(ACTIONS.len() - 1)];
        let item = ops::promise_action(
            action,
            &promise_id,
            form.promise_text.trim(),
            limit.filter(|_| making),
        );
        cx.push(ops::push_to_list(cx.doc, list, item, false));
        form.promise_text.clear();
    }
}

/// The conditions a trainer can pick: on mood, and on each flag and
/// promise the scenario has.
fn condition_options(scenario: &Scenario) -> Vec<String> {
    let mut out = vec!["MoodAtLeast(60)".to_string(), "MoodBelow(30)".to_string()];
    for flag in &scenario.flags {
        out.push(format!("Flag({})", quote(flag)));
        out.push(format!("NotFlag({})", quote(flag)));
    }
    for promise in &scenario.promises {
        for kind in [
            "PromiseMade",
            "PromiseOpen",
            "PromiseKept",
            "PromiseBroken",
            "PromiseConfirmed",
            "PromiseRetracted",
        ] {
            out.push(format!("{kind}({})", quote(&promise.id)));
        }
    }
    out.truncate(400);
    out
}

/// A condition picked from those that exist (or none: always).
#[allow(clippy::too_many_arguments)]
pub fn condition_pick_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    label: &str,
    help: &str,
    path: ValuePath,
    current: Option<&str>,
    salt: impl std::hash::Hash + std::fmt::Debug,
) {
    let always = String::new();
    let mut options = vec![(always.clone(), cx.t.ed_cond_always.to_string())];
    if let Some(current) = current
        && !condition_options(scenario).iter().any(|o| o == current)
    {
        options.push((current.to_string(), current.to_string()));
    }
    options.extend(
        condition_options(scenario)
            .into_iter()
            .map(|o| (o.clone(), o)),
    );
    let shown = current.unwrap_or("");
    if let Some(picked) = fields::pick_ui(ui, label, help, salt, shown, &options) {
        if picked.is_empty() {
            cx.push(Edit::Remove { path });
        } else {
            cx.push(Edit::Set {
                path,
                value: New::raw(picked),
            });
        }
    }
}

/// Claims (or any list of conditions): each with a remove button, and a
/// pick to add one.
pub fn conditions_list_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    label: &str,
    help: &str,
    path: ValuePath,
    current: &[String],
) {
    fields::label_ui(ui, label, help);
    for (i, condition) in current.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.monospace(condition);
            if ui.small_button(cx.t.ed_remove).clicked() {
                cx.push(Edit::Remove {
                    path: path.clone().index(i),
                });
            }
        });
    }
    let options: Vec<(String, String)> = condition_options(scenario)
        .into_iter()
        .filter(|o| !current.contains(o))
        .map(|o| (o.clone(), o))
        .collect();
    if let Some(picked) = fields::pick_ui(
        ui,
        cx.t.ed_add_action,
        help,
        ("claims", path.to_string()),
        "",
        &options,
    ) {
        cx.push(ops::push_to_list(cx.doc, path, New::raw(picked), false));
    }
}

fn node_options(scenario: &Scenario) -> Vec<(String, String)> {
    scenario
        .nodes
        .iter()
        .map(|n| (n.id.value.clone(), n.id.value.clone()))
        .collect()
}

fn target_pick_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    label: &str,
    path: ValuePath,
    target: &crate::scenario::model::Target,
) {
    if let Some(picked) = fields::pick_ui(
        ui,
        label,
        cx.t.ed_h_next,
        ("target", path.to_string()),
        &target.id.value,
        &node_options(scenario),
    ) {
        cx.push(ops::set_text(path, &picked));
    }
    fields::problems_ui(ui, cx, target.id.span);
}

fn next_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    scenario: &Scenario,
    path: &ValuePath,
    next: &Next,
    salt: (&str, usize),
) {
    let t = cx.t;
    let next_path = path.clone().field("next");
    let first_target = next
        .targets()
        .first()
        .map(|t| t.id.value.clone())
        .unwrap_or_default();
    let mode = match next {
        Next::Go(_) => 0,
        Next::Route { .. } => 1,
        Next::Random { .. } => 2,
    };
    ui.horizontal_wrapped(|ui| {
        fields::label_ui(ui, t.ed_f_next, t.ed_h_next);
        for (m, label) in [
            (0, t.ed_next_node),
            (1, t.ed_next_route),
            (2, t.ed_next_random),
        ] {
            if ui.selectable_label(mode == m, label).clicked() && mode != m {
                let value = match m {
                    0 => New::str(first_target.as_str()),
                    1 => ops::mood_route(60, &first_target, &first_target),
                    _ => ops::random_route(&[first_target.clone(), first_target.clone()]),
                };
                cx.push(Edit::Set {
                    path: next_path.clone(),
                    value,
                });
            }
        }
    });
    let _ = salt;
    match next {
        Next::Go(target) => target_pick_ui(ui, cx, scenario, t.ed_next_target, next_path, target),
        Next::Route {
            branches,
            otherwise,
            ..
        } => {
            let simple =
                branches.len() == 1 && matches!(branches[0].when, Condition::MoodAtLeast(_));
            if let (true, Condition::MoodAtLeast(threshold)) = (simple, &branches[0].when) {
                let branch = next_path.clone().field("branches").index(0);
                if let Some(n) = fields::stepper_ui(
                    ui,
                    t.ed_route_threshold,
                    t.ed_h_next,
                    *threshold as i64,
                    0..=100,
                    &format!("{path}.threshold"),
                ) {
                    cx.push(Edit::Set {
                        path: branch.clone().field("when"),
                        value: New::tuple("MoodAtLeast", vec![New::raw(n.to_string())]),
                    });
                }
                target_pick_ui(ui, cx, scenario, "->", branch.field("go"), &branches[0].go);
            } else {
                ui.label(RichText::new(t.ed_route_other).small().weak());
                for branch in branches {
                    ui.monospace(format!("{} -> {}", branch.when, branch.go.id.value));
                }
            }
            target_pick_ui(
                ui,
                cx,
                scenario,
                t.ed_route_otherwise,
                next_path.field("otherwise"),
                otherwise,
            );
        }
        Next::Random { options, .. } => {
            let list = next_path.index(0);
            for (i, option) in options.iter().enumerate() {
                let item = list.clone().index(i);
                if let Some(weight) = fields::stepper_ui(
                    ui,
                    "",
                    t.ed_h_next,
                    option.weight as i64,
                    0..=100,
                    &format!("{path}.w{i}"),
                ) {
                    cx.push(ops::set_number(item.clone().field("weight"), weight));
                }
                target_pick_ui(ui, cx, scenario, "->", item.field("go"), &option.go);
            }
            if ui.small_button("+").clicked() {
                cx.push(Edit::InsertItem {
                    list,
                    index: None,
                    value: New::inline(
                        None,
                        vec![
                            ("weight", New::raw("1")),
                            ("go", New::str(first_target.as_str())),
                        ],
                    ),
                });
            }
        }
    }
}
