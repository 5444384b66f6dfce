//! The debrief: how the moment of truth ended and why, the three scores
//! and the balance, the customer's mood over time, every decision with its
//! feedback and the better reply, the promise ledger, and reflection.

use super::player::{PlayerView, Review};
use super::widgets::{self, card_frame, name_widget, section_heading_ui};
use super::{Command, Screen, ScreenCtx, keyboard, responsive, style};
use crate::debrief::{self, DecisionReview, PromiseReview};
use crate::engine::{Mode, MoodLevel, PromiseStatus};
use crate::i18n::{Texts, fill};
use crate::labels;
use crate::lang::Lang;
use crate::scenario::Dimension;
use egui::accesskit::Role;
use egui::{Align, Key, Layout, Modifiers, RichText};
use egui_plot::{Line, Plot, PlotPoints, Points as PlotMarkers, Polygon, Text};

/// Width (in decisions) of the chart's column of mood names.
const LEGEND_WIDTH: f64 = 1.4;

/// Widest the debrief's column gets: long lines are hard to read.
const MAX_WIDTH: f32 = 1100.0;

/// Draws the debrief of the session in `player`.
pub fn debrief_ui(ui: &mut egui::Ui, player: &mut PlayerView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let nothing_focused = ui.memory(|m| m.focused().is_none());
    let back_to = player.back_to;
    if nothing_focused && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        frame.send(Command::Show(back_to));
    }
    egui::Panel::bottom("debrief_actions")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(4, 10)))
        .show(ui, |ui| actions_ui(ui, back_to, frame));

    let lang = frame.lang;
    let title = player.session.scenario().title.value.clone();
    let mode = player.session.mode();
    let seed = player.session.seed();
    let (review, reflections) = player.review(lang);

    // Each debrief opens at its top, with its own scroll position.
    let mut area = egui::ScrollArea::vertical()
        .id_salt("debrief_scroll")
        .auto_shrink(false);
    if responsive::opened_now(ui, "debrief") {
        area = area.vertical_scroll_offset(0.0);
    }
    keyboard::scroll_ui(ui, area, true, |ui| {
        let width = ui.available_width().min(MAX_WIDTH);
        let margin = (ui.available_width() - width) / 2.0;
        ui.horizontal(|ui| {
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_width(width);
                header_ui(ui, review, t, lang, &title, mode, seed);
                ui.add_space(12.0);
                responsive::two_columns_ui(
                    ui,
                    |ui| scores_ui(ui, review, t, lang),
                    |ui| mood_chart_ui(ui, review, t),
                );
                ui.add_space(12.0);
                decisions_ui(ui, review, t, lang);
                ui.add_space(12.0);
                promises_ui(ui, &review.debrief.promises, t, lang);
                ui.add_space(12.0);
                explained_ui(ui, review, t, lang);
                ui.add_space(12.0);
                if reflection_ui(ui, &review.debrief.reflection_prompts, reflections, t) {
                    frame.send(Command::SaveReflection);
                }
                ui.add_space(20.0);
            });
        });
    });
}

fn header_ui(
    ui: &mut egui::Ui,
    review: &Review,
    t: &Texts,
    lang: Lang,
    title: &str,
    mode: Mode,
    seed: u64,
) {
    let debrief = &review.debrief;
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(t.cli_debrief).weak());
            ui.label(RichText::new(title).weak().strong());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(
                    RichText::new(format!("{} {seed}", t.cli_seed))
                        .small()
                        .weak(),
                );
                let mode = match mode {
                    Mode::Practice => t.gui_mode_practice,
                    Mode::Assessment => t.gui_mode_assessment,
                    Mode::Classroom => crate::i18n::classroom::texts(lang).mode,
                };
                widgets::chip_ui(ui, mode, style::ACCENT);
            });
        });
        ui.add_space(4.0);
        match debrief.outcome {
            Some(outcome) => {
                let color = style::outcome_color(ui, outcome);
                ui.label(
                    RichText::new(labels::outcome(lang, outcome))
                        .size(28.0)
                        .strong()
                        .color(color),
                );
                ui.label(
                    RichText::new(labels::outcome_sentence(lang, outcome, &debrief.customer))
                        .size(17.0),
                );
            }
            None => {
                ui.label(RichText::new(t.gui_not_finished).size(20.0).strong());
            }
        }
        if !debrief.closing.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(&debrief.closing).italics().weak());
        }
        if !debrief.lesson.is_empty() {
            ui.add_space(8.0);
            egui::Frame::new()
                .fill(style::note_fill(ui))
                .corner_radius(8)
                .inner_margin(egui::Margin::same(10))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(t.gui_lesson).small().strong());
                    ui.label(RichText::new(&debrief.lesson).size(16.5));
                });
        }
        if !debrief.why.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(&debrief.why).size(15.0));
        }
        if let Some(disagreement) = &debrief.disagreement {
            ui.add_space(4.0);
            ui.label(
                RichText::new(disagreement)
                    .size(15.0)
                    .strong()
                    .color(style::bad(ui)),
            );
        }
        if let Some((made, total)) = debrief.progress {
            ui.add_space(4.0);
            ui.label(
                RichText::new(fill(
                    t.debrief_unfinished,
                    &[("made", &made.to_string()), ("total", &total.to_string())],
                ))
                .size(15.0),
            );
        }
    });
}

fn scores_ui(ui: &mut egui::Ui, review: &Review, t: &Texts, lang: Lang) {
    let scorecard = &review.debrief.scorecard;
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        section_heading_ui(ui, t.gui_scores);
        if review.debrief.progress.is_some() {
            // An unfinished attempt is never shown with scores: partial
            // figures would read as a result.
            ui.label(RichText::new(t.gui_not_finished).weak());
            return;
        }
        for dimension in Dimension::ALL {
            let score = scorecard.score(dimension);
            let label = labels::dimension(lang, dimension);
            widgets::score_bar_ui(
                ui,
                label,
                score,
                labels::dimension_help(lang, dimension),
                &score_label(t, label, score),
            );
            ui.add_space(6.0);
        }
        ui.separator();
        widgets::score_bar_ui(
            ui,
            t.balance,
            scorecard.balance,
            t.balance_help,
            &score_label(t, t.balance, scorecard.balance),
        );
    });
}

/// "Empathy: 72 of 100", the accessible name of a score bar.
pub fn score_label(t: &Texts, label: &str, score: Option<f64>) -> String {
    match score {
        Some(score) => fill(
            t.gui_score_label,
            &[
                ("label", label),
                ("score", &format!("{:.0}", score.round())),
            ],
        ),
        None => fill(t.gui_score_not_assessed, &[("label", label)]),
    }
}

fn mood_chart_ui(ui: &mut egui::Ui, review: &Review, t: &Texts) {
    let debrief = &review.debrief;
    let gender = debrief.gender;
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        section_heading_ui(
            ui,
            &fill(t.gui_mood_chart, &[("customer", &debrief.customer)]),
        );
        let values: Vec<[f64; 2]> = debrief
            .mood
            .iter()
            .enumerate()
            .map(|(i, &m)| [i as f64, f64::from(m)])
            .collect();
        let last_x = (values.len().saturating_sub(1)).max(1) as f64;
        let dark = style::is_dark(ui);
        let line_color = style::palette(ui).chart_line;
        let level_text = style::palette(ui).mood_levels;
        let bands = [
            (0.0, 20.0, MoodLevel::Furious),
            (20.0, 40.0, MoodLevel::Upset),
            (40.0, 60.0, MoodLevel::Neutral),
            (60.0, 80.0, MoodLevel::Pleased),
            (80.0, 100.0, MoodLevel::Delighted),
        ];
        let lang = review.lang;
        let decision_word = t.gui_decision_axis;
        let start_word = t.gui_chart_start;
        let response = Plot::new("mood_chart")
            .height(250.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
            .show_x(false)
            .show_y(false)
            .include_y(0.0)
            .include_y(100.0)
            .include_x(0.0)
            .include_x(last_x)
            .x_grid_spacer(move |input| {
                let (low, high) = input.bounds;
                (low.ceil().max(0.0) as i64..=high.floor() as i64)
                    .map(|x| egui_plot::GridMark {
                        value: x as f64,
                        step_size: 1.0,
                    })
                    .collect()
            })
            .custom_x_axes(vec![
                egui_plot::AxisHints::new_x()
                    .label(t.gui_decision_axis)
                    .label_spacing(18.0..=24.0)
                    .formatter(move |mark, _| {
                        if mark.value.abs() < 0.01 {
                            start_word.to_string()
                        } else {
                            format!("{}", mark.value.round() as i64)
                        }
                    }),
            ])
            .y_grid_spacer(|_| {
                (0..=5)
                    .map(|i| egui_plot::GridMark {
                        value: f64::from(i) * 20.0,
                        step_size: 20.0,
                    })
                    .collect()
            })
            .y_axis_formatter(|mark, _| format!("{}", mark.value.round() as i32))
            .include_x(-LEGEND_WIDTH)
            .label_formatter(move |hover| {
                let position = match hover {
                    egui_plot::HoverPosition::NearDataPoint { position, .. }
                    | egui_plot::HoverPosition::Elsewhere { position } => position,
                };
                Some(format!(
                    "{decision_word} {:.0}: {:.0}",
                    position.x, position.y
                ))
            })
            .show(ui, |plot| {
                for (index, (low, high, level)) in bands.into_iter().enumerate() {
                    let color = style::MOOD_BANDS[index];
                    plot.polygon(
                        Polygon::new(
                            labels::mood(lang, level, gender),
                            PlotPoints::from(vec![
                                [-LEGEND_WIDTH, low],
                                [last_x + 0.5, low],
                                [last_x + 0.5, high],
                                [-LEGEND_WIDTH, high],
                            ]),
                        )
                        .fill_color(color.gamma_multiply(style::band_tint(dark)))
                        .stroke(egui::Stroke::NONE)
                        .allow_hover(false),
                    );
                    // The level's name, in a column left of the first decision.
                    plot.text(
                        Text::new(
                            labels::mood(lang, level, gender),
                            egui_plot::PlotPoint::new(-LEGEND_WIDTH + 0.05, (low + high) / 2.0),
                            RichText::new(labels::mood(lang, level, gender))
                                .small()
                                .color(level_text[index]),
                        )
                        .anchor(egui::Align2::LEFT_CENTER)
                        .allow_hover(false),
                    );
                }
                plot.line(
                    Line::new(t.gui_mood, PlotPoints::from(values.clone()))
                        .color(line_color)
                        .width(2.5),
                );
                plot.points(
                    PlotMarkers::new(t.gui_mood, PlotPoints::from(values.clone()))
                        .color(line_color)
                        .radius(4.5),
                );
            });
        let moods: Vec<String> = debrief.mood.iter().map(i32::to_string).collect();
        name_widget(
            &response.response,
            Role::Image,
            &fill(t.gui_mood_chart_label, &[("values", &moods.join(", "))]),
        );
    });
}

fn decisions_ui(ui: &mut egui::Ui, review: &Review, t: &Texts, lang: Lang) {
    section_heading_ui(ui, t.cli_decisions);
    if review.debrief.decisions.is_empty() {
        ui.label(RichText::new(t.gui_no_decisions).weak());
    }
    for decision in &review.debrief.decisions {
        decision_ui(ui, decision, t, lang);
        ui.add_space(8.0);
    }
}

fn decision_ui(ui: &mut egui::Ui, decision: &DecisionReview, t: &Texts, lang: Lang) {
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_top(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(30.0, 30.0), egui::Sense::hover());
            widgets::paint_badge(ui.painter(), rect.center(), decision.number, style::ACCENT);
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(format!("«{}»", debrief::shorten(&decision.prompt, 160)))
                        .italics()
                        .weak(),
                );
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(t.gui_you_replied).strong());
                    if decision.timed_out {
                        widgets::chip_ui(ui, t.timeout_reply, style::bad(ui));
                    }
                    ui.label(&decision.reply);
                });
                ui.label(&decision.feedback);
                ui.horizontal_wrapped(|ui| {
                    widgets::points_chips_ui(ui, &decision.points, t, lang);
                    widgets::mood_chip_ui(ui, t, decision.mood);
                    if let Some(ms) = decision.elapsed_ms {
                        ui.label(
                            RichText::new(fill(
                                t.gui_seconds_taken,
                                &[("seconds", &format!("{:.0}", f64::from(ms) / 1000.0))],
                            ))
                            .small()
                            .weak(),
                        );
                    }
                });
                if let Some(better) = &decision.better {
                    ui.add_space(4.0);
                    egui::Frame::new()
                        .fill(style::good(ui).gamma_multiply(style::BETTER_TINT))
                        .corner_radius(8)
                        .inner_margin(egui::Margin::same(8))
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.label(
                                RichText::new(t.cli_better)
                                    .small()
                                    .strong()
                                    .color(style::good(ui)),
                            );
                            ui.label(RichText::new(&better.text).strong());
                            ui.label(RichText::new(&better.feedback).weak());
                            ui.horizontal_wrapped(|ui| {
                                widgets::points_chips_ui(ui, &better.points, t, lang);
                            });
                        });
                }
            });
        });
    });
}

fn promises_ui(ui: &mut egui::Ui, promises: &[PromiseReview], t: &Texts, lang: Lang) {
    section_heading_ui(ui, t.cli_promises);
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if promises.is_empty() {
            ui.label(RichText::new(t.cli_no_promises).weak());
            return;
        }
        // On a narrow window the ledger scrolls sideways instead of being cut.
        let area = egui::ScrollArea::horizontal().id_salt("promise_ledger_scroll");
        area.show(ui, |ui| {
            egui::Grid::new("promise_ledger")
                .num_columns(4)
                .spacing([18.0, 8.0])
                .striped(true)
                .show(ui, |ui| {
                    for heading in [
                        t.gui_promise_column,
                        t.gui_status_column,
                        t.gui_confirmed_column,
                        t.gui_limit_column,
                    ] {
                        ui.label(RichText::new(heading).small().strong());
                    }
                    ui.end_row();
                    for promise in promises {
                        ui.label(format!("«{}»", promise.text));
                        let color = match promise.status {
                            PromiseStatus::Kept => style::good(ui),
                            PromiseStatus::Broken => style::bad(ui),
                            _ => style::middling(ui),
                        };
                        ui.label(
                            RichText::new(labels::promise_status(lang, promise.status))
                                .strong()
                                .color(color),
                        );
                        if promise.confirmed {
                            ui.label(RichText::new(t.promise_confirmed).color(style::good(ui)));
                        } else if promise.confirmable {
                            ui.label(
                                RichText::new(t.promise_not_confirmed).color(style::middling(ui)),
                            );
                        } else {
                            ui.label(RichText::new("—").weak());
                        }
                        match promise.limit {
                            Some(limit) => ui.label(
                                RichText::new(fill(
                                    t.gui_limit_ignored,
                                    &[("limit", labels::limit(lang, limit))],
                                ))
                                .color(style::bad(ui)),
                            ),
                            None => ui.label(RichText::new(t.gui_realistic).color(style::good(ui))),
                        };
                        ui.end_row();
                    }
                });
        });
    });
}

fn explained_ui(ui: &mut egui::Ui, review: &Review, t: &Texts, lang: Lang) {
    egui::CollapsingHeader::new(RichText::new(t.cli_explained).size(17.0).strong())
        .id_salt("explained")
        .default_open(false)
        .show(ui, |ui| {
            // One row per line, the explanation wrapping in the width that
            // is left (a grid cut it at its first frame's width).
            let narrow = ui.available_width() < 520.0;
            for (line, explanation) in review
                .debrief
                .scorecard
                .lines
                .iter()
                .zip(&review.explanations)
            {
                let points = fill(
                    t.cli_points,
                    &[
                        ("earned", &debrief::format_points(line.points.earned)),
                        ("available", &debrief::format_points(line.points.available)),
                    ],
                );
                let dimension = labels::dimension(lang, line.dimension);
                if narrow {
                    ui.label(RichText::new(format!("{dimension} · {points}")).strong());
                    ui.label(explanation);
                } else {
                    ui.horizontal_top(|ui| {
                        ui.add_sized(
                            [170.0, 0.0],
                            egui::Label::new(RichText::new(dimension).strong()).wrap(),
                        );
                        ui.add_sized([110.0, 0.0], egui::Label::new(points).wrap());
                        ui.add(egui::Label::new(explanation).wrap());
                    });
                }
                ui.add_space(4.0);
            }
        });
}

/// The reflection prompts with a text field each. Returns true when a field
/// lost focus, so the answers are saved with the attempt right away.
fn reflection_ui(ui: &mut egui::Ui, prompts: &[String], answers: &mut [String], t: &Texts) -> bool {
    let mut left_a_field = false;
    section_heading_ui(ui, t.cli_reflect);
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(t.gui_reflect_help).weak());
        ui.add_space(4.0);
        for (prompt, answer) in prompts.iter().zip(answers.iter_mut()) {
            let label = ui.label(RichText::new(prompt).strong());
            let field = ui
                .add(
                    egui::TextEdit::multiline(answer)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .hint_text(t.gui_reflect_hint),
                )
                .labelled_by(label.id);
            left_a_field |= field.lost_focus();
            ui.add_space(6.0);
        }
    });
    left_a_field
}

fn actions_ui(ui: &mut egui::Ui, back_to: Screen, frame: &mut ScreenCtx) {
    let t = frame.t;
    let back_label = if back_to == Screen::History {
        t.history_back
    } else {
        t.gui_back_to_library
    };
    // Wrapping: on a narrow window the buttons go to a second row instead
    // of drawing over each other.
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(t.gui_again_same)
            .on_hover_text(t.gui_again_same_help)
            .clicked()
        {
            frame.send(Command::PlayAgain { same_seed: true });
        }
        if ui
            .button(t.gui_again_new)
            .on_hover_text(t.gui_again_new_help)
            .clicked()
        {
            frame.send(Command::PlayAgain { same_seed: false });
        }
        ui.add_space(12.0);
        if ui
            .add(
                egui::Button::new(
                    RichText::new(back_label)
                        .strong()
                        .color(egui::Color32::WHITE),
                )
                .fill(style::ACCENT),
            )
            .clicked()
        {
            frame.send(Command::Show(back_to));
        }
    });
}
