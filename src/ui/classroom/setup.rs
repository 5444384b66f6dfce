//! Before the session: the group's name, the discussion timer, and the
//! session plan (which scenarios, in which order, how long in all), saved
//! to and opened from a small file.

use super::{ClassroomCommand, ClassroomView, ScreenCtx};
use crate::i18n::classroom::texts;
use crate::i18n::fill;
use crate::plan::{self, MAX_FACTOR};
use crate::ui::widgets::{self, name_widget};
use crate::ui::{Command, style};
use egui::RichText;
use egui::accesskit::Role;

/// Draws the setup.
pub fn setup_ui(ui: &mut egui::Ui, view: &mut ClassroomView, frame: &mut ScreenCtx) {
    let t = texts(frame.lang);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading(RichText::new(t.setup_title).size(26.0));
            ui.label(RichText::new(t.setup_intro).weak());
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(t.group_name).strong());
                ui.add(
                    egui::TextEdit::singleline(&mut view.group)
                        .hint_text(t.group_default)
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.timer_label).strong());
                let factor = &mut view.plan.discussion_factor;
                ui.radio_value(factor, 0, t.timer_off);
                for option in [2, 4, 6] {
                    ui.radio_value(
                        factor,
                        option,
                        fill(t.timer_factor, &[("factor", &option.to_string())]),
                    );
                }
                *factor = (*factor).min(MAX_FACTOR);
            });
            ui.add_space(10.0);
            plan_ui(ui, view, frame);
            ui.add_space(12.0);
            let entries = view.plan_entries(frame.library);
            let playable = entries.first().is_some_and(Option::is_some);
            let start = ui.add_enabled(
                playable,
                egui::Button::new(
                    RichText::new(t.start)
                        .strong()
                        .size(20.0)
                        .color(egui::Color32::WHITE),
                )
                .fill(style::ACCENT)
                .min_size(egui::vec2(220.0, 44.0)),
            );
            if start.clicked() {
                frame.send(Command::Classroom(ClassroomCommand::Start));
            }
            if let Some(notice) = &view.save_notice {
                ui.label(RichText::new(notice).weak());
            }
        });
}

fn plan_ui(ui: &mut egui::Ui, view: &mut ClassroomView, frame: &mut ScreenCtx) {
    let t = texts(frame.lang);
    let library = frame.library;
    widgets::section_heading_ui(ui, t.plan_title);
    let entries = view.plan_entries(library);
    let factor = view.plan.discussion_factor;
    let (mut play, mut discussion) = (0u32, 0u32);
    let mut action: Option<(usize, i8)> = None;
    if view.plan.items.is_empty() {
        ui.label(RichText::new(t.plan_empty).weak());
    }
    for (index, (item, entry)) in view.plan.items.iter().zip(&entries).enumerate() {
        let scenario = entry
            .and_then(|e| library.entries.get(e))
            .and_then(|e| e.playable());
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}.", index + 1)).strong());
            let title = match scenario {
                Some(s) => {
                    let minutes = s.minutes;
                    let talk = plan::discussion_minutes(s, factor);
                    play += minutes;
                    discussion += talk;
                    ui.label(RichText::new(&s.title.value).strong());
                    ui.label(format!("[{}]", s.language.value));
                    ui.weak(fill(
                        t.plan_minutes,
                        &[
                            ("minutes", &minutes.to_string()),
                            ("discussion", &talk.to_string()),
                        ],
                    ));
                    s.title.value.clone()
                }
                None => {
                    let missing = fill(
                        t.plan_missing,
                        &[("id", &item.scenario_id), ("lang", &item.language)],
                    );
                    ui.colored_label(ui.visuals().warn_fg_color, &missing);
                    item.scenario_id.clone()
                }
            };
            for (text, label, step) in [
                ("^", t.plan_up, -1),
                ("v", t.plan_down, 1),
                ("x", t.plan_remove, 0),
            ] {
                let button = ui.small_button(text);
                name_widget(&button, Role::Button, &fill(label, &[("title", &title)]));
                if button.clicked() {
                    action = Some((index, step));
                }
            }
        });
    }
    match action {
        Some((index, -1)) => view.plan.move_up(index),
        Some((index, 1)) => view.plan.move_down(index),
        Some((index, _)) if index < view.plan.items.len() => {
            view.plan.items.remove(index);
        }
        _ => {}
    }
    ui.label(
        RichText::new(fill(
            t.plan_total,
            &[
                ("total", &(play + discussion).to_string()),
                ("play", &play.to_string()),
                ("discussion", &discussion.to_string()),
            ],
        ))
        .strong(),
    );
    ui.horizontal(|ui| {
        let label = ui.label(t.plan_add_label);
        let selected = view
            .add_pick
            .and_then(|e| library.entries.get(e))
            .and_then(|e| e.playable())
            .map(|s| format!("{} [{}]", s.title.value, s.language.value))
            .unwrap_or_default();
        egui::ComboBox::from_id_salt("classroom_add")
            .selected_text(selected)
            .width(320.0)
            .show_ui(ui, |ui| {
                for (index, entry) in library.entries.iter().enumerate() {
                    if let Some(s) = entry.playable() {
                        let text = format!("{} [{}]", s.title.value, s.language.value);
                        ui.selectable_value(&mut view.add_pick, Some(index), text);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button(t.plan_add).clicked()
            && let Some(s) = view
                .add_pick
                .and_then(|e| library.entries.get(e))
                .and_then(|e| e.playable())
        {
            view.plan.push(&s.id.value, &s.language.value);
        }
    });
    ui.horizontal(|ui| {
        let can_save = view.plan_file.is_some();
        if ui
            .add_enabled(can_save, egui::Button::new(t.plan_save))
            .clicked()
        {
            frame.send(Command::Classroom(ClassroomCommand::SavePlan));
        }
        let can_open = view.plan_file.as_ref().is_some_and(|p| p.is_file());
        if ui
            .add_enabled(can_open, egui::Button::new(t.plan_open))
            .clicked()
        {
            frame.send(Command::Classroom(ClassroomCommand::OpenPlan));
        }
        if let Some(path) = &view.plan_file {
            ui.weak(path.display().to_string());
        }
    });
    if let Some(notice) = &view.plan_notice {
        ui.label(notice);
    }
}
