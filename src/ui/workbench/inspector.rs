//! The selected node in full: text, replies with their effects, promise
//! actions, feedback, where each reply leads, and the node's diagnostics.

use super::{WorkbenchView, graph_view, play};
use crate::graph::{self, describe};
use crate::i18n::{Texts, fill};
use crate::labels;
use crate::scenario::model::*;
use crate::ui::ScreenCtx;
use egui::RichText;

/// Draws the node panel.
pub fn inspector_ui(ui: &mut egui::Ui, view: &mut WorkbenchView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let Some(node_idx) = view.selected else {
        ui.label(t.wb_select_hint);
        return;
    };
    let Some(scenario) = view.document.scenario.clone() else {
        return;
    };
    let Some(node) = scenario.node(node_idx) else {
        return;
    };
    let mut play_here = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(RichText::new(&node.id.value).monospace());
                let kind = match node.outcome() {
                    Some(outcome) => {
                        format!("{} · {}", t.wb_ending, labels::outcome(frame.lang, outcome))
                    }
                    None => t.wb_decision.to_string(),
                };
                ui.label(kind);
                if scenario.start.node == node_idx {
                    ui.strong(t.wb_start_node);
                }
            });
            if let Some(overlay) = view.overlay.as_ref().filter(|_| view.overlay_on) {
                ui.weak(fill(
                    t.wb_hits,
                    &[
                        ("runs", &overlay.analysis.runs.to_string()),
                        ("hits", &overlay.node_hits[node_idx as usize].to_string()),
                    ],
                ));
            }
            let playable = view.document.playable().is_some();
            if !node.is_ending() {
                let button = ui.add_enabled(playable, egui::Button::new(t.wb_play_here));
                if !playable {
                    button.on_disabled_hover_text(t.wb_play_needs_valid);
                } else if button.clicked() {
                    play_here = true;
                }
            }
            ui.separator();

            let speaker = match node.speaker {
                Speaker::Customer => t.speaker_customer,
                Speaker::Colleague => t.speaker_colleague,
                Speaker::Manager => t.speaker_manager,
                Speaker::Narrator => t.speaker_narrator,
            };
            let who = match &node.speaker_name {
                Some(name) => format!("{speaker} ({name})"),
                None => speaker.to_string(),
            };
            ui.label(RichText::new(who).small().weak());
            ui.label(&node.text.value);
            if let Some(cue) = &node.mood_cue {
                ui.label(RichText::new(&cue.value).italics());
            }
            let mut arrival = Vec::new();
            if node.mood != 0 {
                arrival.push(fill(t.wb_mood_change, &[("delta", &signed(node.mood))]));
            }
            arrival.extend(
                node.promises
                    .iter()
                    .map(|a| promise_action(a, &scenario, frame)),
            );
            if !node.flags.is_empty() {
                arrival.push(format!("{}: {}", t.wb_flags_set, flag_names(&node.flags)));
            }
            if !arrival.is_empty() {
                ui.label(
                    RichText::new(format!("{}: {}", t.wb_on_entry, arrival.join(" · "))).small(),
                );
            }

            match &node.body {
                NodeBody::Ending { debrief, .. } => {
                    ui.add_space(6.0);
                    ui.label(RichText::new(t.wb_lesson).strong());
                    ui.label(&debrief.value);
                }
                NodeBody::Scene {
                    choices,
                    time_limit,
                    ..
                } => {
                    ui.add_space(6.0);
                    ui.label(RichText::new(t.wb_replies).strong());
                    let offered: Vec<Effects> = choices.iter().map(|c| c.effects).collect();
                    for (i, choice) in choices.iter().enumerate() {
                        reply_ui(
                            ui,
                            &format!("{}.", i + 1),
                            choice,
                            &offered,
                            &scenario,
                            frame,
                        );
                    }
                    if let Some(limit) = time_limit {
                        let title = fill(t.wb_timeout, &[("seconds", &limit.seconds.to_string())]);
                        reply_ui(ui, &title, &limit.reply, &offered, &scenario, frame);
                    }
                }
            }

            let problems: Vec<_> = view.document.diagnostics_of(node_idx).collect();
            if !problems.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(t.wb_node_problems).strong());
                for diagnostic in problems {
                    super::side::diagnostic_label(ui, diagnostic, frame.lang);
                    if !diagnostic.hint.is_empty() {
                        ui.label(
                            RichText::new(diagnostic.hint.get(frame.lang))
                                .small()
                                .weak(),
                        );
                    }
                }
            }
        });
    if play_here {
        play::open_form(view, node_idx);
    }
}

fn reply_ui(
    ui: &mut egui::Ui,
    title: &str,
    choice: &Choice,
    offered: &[Effects],
    scenario: &Scenario,
    frame: &ScreenCtx,
) {
    let t = frame.t;
    let effect = graph::classify(&choice.effects, offered);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(title);
            ui.label(&choice.text.value);
        });
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(graph_view::effect_color(effect), effect_label(effect, t));
            let effects: Vec<String> = Dimension::ALL
                .iter()
                .map(|&d| {
                    format!(
                        "{} {}",
                        labels::dimension(frame.lang, d),
                        signed(choice.effects.get(d))
                    )
                })
                .collect();
            ui.label(RichText::new(effects.join(" · ")).small());
            if choice.mood != 0 {
                ui.label(
                    RichText::new(fill(t.wb_mood_change, &[("delta", &signed(choice.mood))]))
                        .small(),
                );
            }
        });
        if let Some(when) = &choice.when {
            ui.label(
                RichText::new(format!("{}: {}", t.wb_when, describe::condition(when)))
                    .small()
                    .monospace(),
            );
        }
        for action in &choice.promises {
            ui.label(RichText::new(promise_action(action, scenario, frame)).small());
        }
        if !choice.flags.is_empty() {
            ui.label(
                RichText::new(format!("{}: {}", t.wb_flags_set, flag_names(&choice.flags))).small(),
            );
        }
        for line in describe::next(&choice.next, t.wb_route_otherwise, t.wb_route_if) {
            ui.label(RichText::new(line).small().monospace());
        }
        if !choice.feedback.is_empty() {
            ui.label(RichText::new(&choice.feedback.value).italics());
        }
    });
}

fn effect_label(effect: graph::Effect, t: &Texts) -> &'static str {
    match effect {
        graph::Effect::Caring => t.wb_effect_caring,
        graph::Effect::Neutral => t.wb_effect_neutral,
        graph::Effect::Educating => t.wb_effect_educating,
    }
}

fn promise_action(action: &PromiseAction, scenario: &Scenario, frame: &ScreenCtx) -> String {
    let t = frame.t;
    // What was promised, as the trainee reads it; the id is what the
    // trainer typed, so it stays beside it.
    let with_text = |template: &str, p: &PromiseRef| {
        let text = scenario
            .promise_text(p.promise)
            .map_or(p.id.value.as_str(), |(text, _)| text.value.as_str());
        fill(template, &[("text", text), ("id", &p.id.value)])
    };
    match action {
        PromiseAction::Make {
            text,
            limit,
            promise,
            ..
        } => {
            let mut line = fill(
                t.wb_promise_make,
                &[("id", &promise.id.value), ("text", &text.value)],
            );
            if let Some(limit) = limit {
                line.push(' ');
                line.push_str(&fill(
                    t.wb_unrealistic,
                    &[("limit", labels::limit(frame.lang, *limit))],
                ));
            }
            line
        }
        PromiseAction::Keep(p) => with_text(t.wb_promise_keep, p),
        PromiseAction::Break(p) => with_text(t.wb_promise_break, p),
        PromiseAction::Confirm(p) => with_text(t.wb_promise_confirm, p),
        PromiseAction::Retract(p) => with_text(t.wb_promise_retract, p),
    }
}

fn flag_names(flags: &[FlagRef]) -> String {
    flags
        .iter()
        .map(|f| f.name.value.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn signed(value: i32) -> String {
    if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    }
}
