//! The projector screens of a decision: the customer's line and the
//! replies in large type with big vote buttons, then the result of the
//! vote (each reply's feedback and share of the room, the discussion
//! question) and a Continue step. No scores are shown here.

use super::round::{Round, RoundPhase};
use super::{ClassroomCommand, ScreenCtx};
use crate::i18n::classroom::{ClassroomTexts, texts};
use crate::i18n::fill;
use crate::records::classroom::VoteRow;
use crate::ui::player::NUMBER_KEYS;
use crate::ui::widgets::{self, name_widget};
use crate::ui::{Command, style};
use egui::accesskit::Role;
use egui::{Align, Key, Layout, Modifiers, RichText, Stroke};

/// Type sizes for the room: scaled with the window so the back row reads
/// the same on a 1280×720 and a 1920×1080 projector.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// The customer's line.
    pub line: f32,
    /// A reply.
    pub reply: f32,
    /// Labels and counts.
    pub label: f32,
}

impl Sizes {
    /// Sizes for a screen `width` points wide.
    pub fn for_width(width: f32) -> Sizes {
        let scale = (width / 1880.0).clamp(0.62, 1.3);
        Sizes {
            line: 38.0 * scale,
            reply: 30.0 * scale,
            label: 26.0 * scale,
        }
    }
}

/// Draws the vote or its result.
pub fn vote_ui(ui: &mut egui::Ui, round: &mut Round, plan_total: usize, frame: &mut ScreenCtx) {
    let t = texts(frame.lang);
    let sizes = Sizes::for_width(ui.available_width());
    keyboard(ui, round, frame);
    header_ui(ui, round, plan_total, sizes, t, frame);
    ui.separator();
    egui::Panel::bottom("classroom_actions")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(4, 10)))
        .show(ui, |ui| actions_ui(ui, round, sizes, t, frame));
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| match round.phase {
                    RoundPhase::Result => result_ui(ui, round, sizes, t),
                    _ => voting_ui(ui, round, sizes, t, frame),
                });
        });
    if round.timer.as_ref().is_some_and(|timer| timer.is_running()) && frame.animate() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(200));
    }
}

/// 1–9 add a hand to that reply; Enter shows the result, then continues.
/// The keys are taken before any widget sees them (these screens have no
/// text field), so Enter on a focused button does not act twice.
fn keyboard(ui: &mut egui::Ui, round: &mut Round, frame: &mut ScreenCtx) {
    let now = frame.clock.now();
    let enter = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    match round.phase {
        RoundPhase::Voting => {
            for (position, key) in NUMBER_KEYS.iter().enumerate().take(round.votes.len()) {
                // Every press counts: one press per raised hand.
                let presses = ui.input_mut(|i| {
                    let mut n = 0;
                    while i.consume_key(Modifiers::NONE, *key) {
                        n += 1;
                    }
                    n
                });
                for _ in 0..presses.min(99) {
                    round.add_vote(position, now);
                }
            }
            if enter && round.followed().is_some() {
                frame.send(Command::Classroom(ClassroomCommand::Reveal));
            }
        }
        RoundPhase::Result if enter => {
            frame.send(Command::Classroom(ClassroomCommand::Continue));
        }
        _ => {}
    }
}

fn header_ui(
    ui: &mut egui::Ui,
    round: &mut Round,
    plan_total: usize,
    sizes: Sizes,
    t: &ClassroomTexts,
    frame: &mut ScreenCtx,
) {
    let title = round.session.scenario().title.value.clone();
    let number = round.session.steps().len() + usize::from(round.phase == RoundPhase::Voting);
    ui.horizontal(|ui| {
        ui.label(RichText::new(title).strong().size(sizes.label));
        widgets::chip_ui(ui, t.mode, style::ACCENT);
        ui.label(
            RichText::new(format!(
                "{} · {}",
                fill(
                    t.scenario_of,
                    &[
                        ("number", &(round.plan_index + 1).to_string()),
                        ("total", &plan_total.max(1).to_string()),
                    ],
                ),
                fill(t.decision_number, &[("number", &number.to_string())]),
            ))
            .size(sizes.label * 0.8)
            .weak(),
        );
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.button(RichText::new(t.leave).size(18.0)).clicked() {
                frame.send(Command::Classroom(ClassroomCommand::Leave));
            }
            timer_ui(ui, round, sizes, t, frame);
        });
    });
}

fn timer_ui(
    ui: &mut egui::Ui,
    round: &mut Round,
    sizes: Sizes,
    t: &ClassroomTexts,
    frame: &mut ScreenCtx,
) {
    if round.phase != RoundPhase::Voting {
        return;
    }
    let now = frame.clock.now();
    let Some(timer) = &mut round.timer else {
        return;
    };
    let left = timer.left(now);
    let clock = format!("{}:{:02}", left as u32 / 60, left.ceil() as u32 % 60);
    if timer.is_running() {
        if ui.button(RichText::new(t.timer_pause).size(18.0)).clicked() {
            timer.pause(now);
        }
    } else if ui
        .button(RichText::new(t.timer_resume).size(18.0))
        .clicked()
    {
        timer.resume(now);
    }
    let (text, color) = if left <= 0.0 {
        (t.timer_up.to_string(), style::bad(ui))
    } else if timer.is_running() {
        (fill(t.timer_running, &[("time", &clock)]), style::good(ui))
    } else {
        (
            fill(t.timer_paused, &[("time", &clock)]),
            style::middling(ui),
        )
    };
    ui.label(RichText::new(text).strong().size(sizes.label).color(color));
}

/// The conversation's last line, large, with the trainee's reply before it.
fn moment_ui(ui: &mut egui::Ui, round: &Round, sizes: Sizes) {
    let lines = round.transcript();
    let start = lines.len().saturating_sub(2);
    for line in &lines[start..] {
        let trainee = line.speaker == crate::engine::LineSpeaker::Trainee;
        let size = if trainee {
            sizes.reply * 0.8
        } else {
            sizes.line
        };
        if let Some(name) = &line.name
            && !trainee
        {
            ui.label(RichText::new(name).strong().size(sizes.label * 0.85));
        }
        let text = RichText::new(if trainee {
            format!("— {}", line.text)
        } else {
            line.text.clone()
        })
        .size(size);
        ui.label(if trainee { text.weak() } else { text });
        if let Some(cue) = &line.mood_cue {
            ui.label(RichText::new(cue).italics().weak().size(sizes.label * 0.85));
        }
        ui.add_space(6.0);
    }
}

fn voting_ui(
    ui: &mut egui::Ui,
    round: &mut Round,
    sizes: Sizes,
    t: &ClassroomTexts,
    frame: &mut ScreenCtx,
) {
    moment_ui(ui, round, sizes);
    ui.add_space(6.0);
    ui.label(RichText::new(t.vote_title).strong().size(sizes.label));
    ui.label(RichText::new(t.vote_hint).weak().size(sizes.label * 0.65));
    ui.add_space(6.0);
    let now = frame.clock.now();
    let followed = round.followed();
    for choice in round.session.choices() {
        let position = choice.number - 1;
        let count = round.votes.get(position).copied().unwrap_or(0);
        widgets::card_frame(ui)
            .stroke(if followed == Some(position) {
                Stroke::new(3.0, style::ACCENT)
            } else {
                Stroke::new(1.0, style::card_stroke(ui))
            })
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let controls = 430.0_f32.min(ui.available_width() * 0.45);
                    let text_width = (ui.available_width() - controls).max(120.0);
                    ui.vertical(|ui| {
                        ui.set_width(text_width);
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("{}. {}", choice.number, choice.text))
                                    .size(sizes.reply),
                            )
                            .wrap(),
                        );
                    });
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        vote_controls_ui(ui, round, position, count, sizes, t, now);
                    });
                });
            });
        ui.add_space(4.0);
    }
}

fn big_button(ui: &mut egui::Ui, text: &str, size: f32, label: &str) -> egui::Response {
    let response = ui.add(
        egui::Button::new(RichText::new(text).size(size).strong())
            .min_size(egui::vec2(size * 1.9, size * 1.6)),
    );
    name_widget(&response, Role::Button, label);
    response
}

fn vote_controls_ui(
    ui: &mut egui::Ui,
    round: &mut Round,
    position: usize,
    count: u32,
    sizes: Sizes,
    t: &ClassroomTexts,
    now: f64,
) {
    let number = (position + 1).to_string();
    let follow = ui.selectable_label(
        round.picked == Some(position),
        RichText::new(t.follow).size(sizes.label * 0.7),
    );
    name_widget(
        &follow,
        Role::Button,
        &fill(t.follow_label, &[("number", &number)]),
    );
    if follow.clicked() {
        round.toggle_picked(position);
    }
    let marked = ui.selectable_label(
        round.marked == Some(position),
        RichText::new(t.mark_majority).size(sizes.label * 0.7),
    );
    name_widget(
        &marked,
        Role::Button,
        &fill(t.mark_majority_label, &[("number", &number)]),
    );
    if marked.clicked() {
        round.toggle_marked(position, now);
    }
    if big_button(ui, "+", sizes.label, &fill(t.plus, &[("number", &number)])).clicked() {
        round.add_vote(position, now);
    }
    let shown = ui.add_sized(
        [sizes.label * 2.4, sizes.label * 1.6],
        egui::Label::new(
            RichText::new(count.to_string())
                .size(sizes.label * 1.3)
                .strong(),
        ),
    );
    name_widget(
        &shown,
        Role::Label,
        &format!("{}: {count}", fill(t.votes_of, &[("number", &number)])),
    );
    if big_button(ui, "-", sizes.label, &fill(t.minus, &[("number", &number)])).clicked() {
        round.remove_vote(position);
    }
}

fn actions_ui(
    ui: &mut egui::Ui,
    round: &Round,
    sizes: Sizes,
    t: &ClassroomTexts,
    frame: &mut ScreenCtx,
) {
    let action = |text: &str| {
        egui::Button::new(
            RichText::new(text)
                .strong()
                .size(sizes.label * 0.85)
                .color(egui::Color32::WHITE),
        )
        .fill(style::ACCENT)
        .min_size(egui::vec2(0.0, sizes.label * 1.7))
    };
    ui.horizontal(|ui| match round.phase {
        RoundPhase::Voting => {
            let total: u32 = round.votes.iter().sum();
            let status = match (round.picked, round.majority()) {
                (Some(p), _) => fill(t.following_chosen, &[("number", &(p + 1).to_string())]),
                (None, Some(m)) => fill(t.following_majority, &[("number", &(m + 1).to_string())]),
                (None, None) => t.following_none.to_string(),
            };
            ui.label(
                RichText::new(format!(
                    "{} · {status}",
                    fill(t.hands, &[("count", &total.to_string())])
                ))
                .size(sizes.label * 0.75),
            );
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let can = round.followed().is_some();
                if ui.add_enabled(can, action(t.reveal)).clicked() {
                    frame.send(Command::Classroom(ClassroomCommand::Reveal));
                }
                if round.session.time_limit().is_some()
                    && ui
                        .button(RichText::new(t.play_timeout).size(sizes.label * 0.7))
                        .clicked()
                {
                    frame.send(Command::Classroom(ClassroomCommand::TimeOut));
                }
            });
        }
        _ => {
            ui.label(RichText::new(t.press_enter).weak().size(sizes.label * 0.7));
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui.add(action(t.continue_label)).clicked() {
                    frame.send(Command::Classroom(ClassroomCommand::Continue));
                }
            });
        }
    });
}

/// The result of the last vote: each reply with its share and feedback,
/// then the discussion question.
fn result_ui(ui: &mut egui::Ui, round: &Round, sizes: Sizes, t: &ClassroomTexts) {
    let Some(row) = &round.result else {
        return;
    };
    ui.label(
        RichText::new(t.reveal_title)
            .strong()
            .size(sizes.line * 0.9),
    );
    ui.add_space(6.0);
    if round.last_timed_out()
        && let Some(line) = round.session.steps().last().and_then(|step| {
            let node = round.session.scenario().node(step.node)?;
            Some(round.session.resolve_text(&node.time_limit()?.reply.text))
        })
    {
        widgets::chip_ui(
            ui,
            &fill(t.timed_out_followed, &[("text", &line)]),
            style::bad(ui),
        );
        ui.add_space(6.0);
    }
    reply_results_ui(ui, row, sizes, t);
    if let Some(question) = &row.discussion {
        ui.add_space(10.0);
        egui::Frame::new()
            .fill(style::note_fill(ui))
            .stroke(Stroke::new(2.0, style::ACCENT))
            .corner_radius(10)
            .inner_margin(egui::Margin::same(16))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(t.discussion).strong().size(sizes.label));
                ui.label(RichText::new(question).size(sizes.line * 0.85));
            });
    }
}

/// Every reply of a decision with its share, markers and feedback.
pub fn reply_results_ui(ui: &mut egui::Ui, row: &VoteRow, sizes: Sizes, t: &ClassroomTexts) {
    for (index, reply) in row.replies.iter().enumerate() {
        widgets::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{}. {}", index + 1, reply.text))
                        .size(sizes.reply * 0.85),
                );
            });
            let share = if reply.marked_majority && row.voters == 0 {
                t.share_marked.to_string()
            } else {
                fill(
                    t.share,
                    &[
                        ("percent", &format!("{:.0}", reply.share * 100.0)),
                        ("votes", &reply.votes.to_string()),
                    ],
                )
            };
            let bar_color = if reply.best {
                style::good(ui)
            } else {
                ui.visuals().selection.bg_fill
            };
            widgets::thin_bar_ui(ui, reply.share as f32, bar_color, &share);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(share).strong().size(sizes.label * 0.8));
                if reply.best {
                    widgets::chip_ui(ui, t.best_reply, style::good(ui));
                }
                if reply.followed {
                    widgets::chip_ui(ui, t.followed, style::ACCENT);
                }
            });
            if !reply.feedback.is_empty() {
                ui.label(RichText::new(&reply.feedback).size(sizes.label * 0.75));
            }
        });
        ui.add_space(4.0);
    }
}
