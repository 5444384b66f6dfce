//! The group debrief at the end of a scenario: the path the group took,
//! the votes at each decision against the best reply, the three scores of
//! that path, the promise ledger and the scenario's discussion questions.
//! The first screen where scores appear.

use super::round::Round;
use super::vote::Sizes;
use super::{ClassroomCommand, ScreenCtx};
use crate::debrief::Debrief;
use crate::i18n::classroom::texts;
use crate::i18n::fill;
use crate::labels;
use crate::records::classroom::{self, VoteRow};
use crate::scenario::Dimension;
use crate::ui::{Command, style, widgets};
use egui::RichText;

/// Draws the group debrief of `round`.
pub fn group_debrief_ui(
    ui: &mut egui::Ui,
    round: &mut Round,
    group: &str,
    next_title: Option<&str>,
    save_notice: Option<&str>,
    frame: &mut ScreenCtx,
) {
    let t = texts(frame.lang);
    let lang = frame.lang;
    let sizes = Sizes::for_width(ui.available_width());
    let debrief = Debrief::of(&round.session, lang);
    let table = round.vote_table(lang);
    let questions = classroom::discussion_questions(&round.session);
    egui::Panel::bottom("group_debrief_actions")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(4, 10)))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some(notice) = save_notice {
                    ui.label(RichText::new(notice).weak());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let (text, command) = match next_title {
                        Some(title) => (
                            fill(t.next_scenario, &[("title", title)]),
                            ClassroomCommand::Next,
                        ),
                        None => (t.finish.to_string(), ClassroomCommand::Leave),
                    };
                    let button = egui::Button::new(
                        RichText::new(text)
                            .strong()
                            .size(20.0)
                            .color(egui::Color32::WHITE),
                    )
                    .fill(style::ACCENT)
                    .min_size(egui::vec2(0.0, 40.0));
                    if ui.add(button).clicked() {
                        frame.send(Command::Classroom(command));
                    }
                });
            });
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(fill(t.debrief_title, &[("group", group)]))
                            .strong()
                            .size(sizes.line * 0.9),
                    );
                    ui.label(RichText::new(&round.session.scenario().title.value).weak());
                    if let Some(outcome) = debrief.outcome {
                        widgets::chip_ui(
                            ui,
                            &labels::outcome_sentence(lang, outcome, &debrief.customer),
                            style::outcome_color(ui, outcome),
                        );
                    }
                    if !debrief.closing.is_empty() {
                        ui.label(RichText::new(&debrief.closing).size(sizes.label * 0.75));
                    }
                    ui.add_space(8.0);
                    scores_ui(ui, &debrief, sizes, frame);
                    ui.add_space(8.0);
                    widgets::section_heading_ui(ui, t.path_title);
                    for row in &table {
                        path_row_ui(ui, row, sizes, frame);
                    }
                    ui.add_space(8.0);
                    promises_ui(ui, &debrief, frame);
                    ui.add_space(8.0);
                    widgets::section_heading_ui(ui, t.questions_title);
                    if questions.is_empty() {
                        ui.weak(t.no_questions);
                    }
                    for (index, question) in questions.iter().enumerate() {
                        ui.label(
                            RichText::new(format!("{}. {question}", index + 1))
                                .size(sizes.label * 0.8),
                        );
                    }
                });
        });
}

fn scores_ui(ui: &mut egui::Ui, debrief: &Debrief, sizes: Sizes, frame: &ScreenCtx) {
    let t = texts(frame.lang);
    widgets::section_heading_ui(ui, t.scores_title);
    let card = &debrief.scorecard;
    ui.horizontal_wrapped(|ui| {
        for dimension in Dimension::ALL {
            let score = card.dimensions[dimension.index()].score;
            let color = score.map_or(ui.visuals().weak_text_color(), |s| {
                style::score_color(ui, s)
            });
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    labels::dimension(frame.lang, dimension),
                    labels::score(score)
                ))
                .strong()
                .size(sizes.label)
                .color(color),
            );
            ui.add_space(18.0);
        }
        ui.label(
            RichText::new(format!(
                "{} {}",
                frame.t.balance,
                labels::score(card.balance)
            ))
            .strong()
            .size(sizes.label),
        );
    });
}

fn path_row_ui(ui: &mut egui::Ui, row: &VoteRow, sizes: Sizes, frame: &ScreenCtx) {
    let t = texts(frame.lang);
    let votes: Vec<String> = row
        .replies
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}: {}", i + 1, r.votes))
        .collect();
    let followed = row
        .replies
        .iter()
        .find(|r| r.followed)
        .map(|r| crate::debrief::shorten(&r.text, 90))
        .unwrap_or_else(|| "—".to_string());
    widgets::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(crate::debrief::shorten(&row.prompt, 160))
                .italics()
                .size(sizes.label * 0.7),
        );
        ui.label(
            RichText::new(fill(
                t.path_row,
                &[
                    ("number", &row.number.to_string()),
                    ("votes", &votes.join(" · ")),
                    ("followed", &followed),
                ],
            ))
            .size(sizes.label * 0.8),
        );
        match row.replies.iter().find(|r| r.best) {
            Some(best) if best.followed => {
                widgets::chip_ui(ui, t.path_best_taken, style::good(ui));
            }
            Some(best) => {
                let text = fill(
                    t.path_best,
                    &[
                        ("best", &crate::debrief::shorten(&best.text, 90)),
                        ("percent", &format!("{:.0}", best.share * 100.0)),
                    ],
                );
                ui.label(
                    RichText::new(text)
                        .size(sizes.label * 0.75)
                        .color(style::middling(ui)),
                );
            }
            None => {}
        }
    });
    ui.add_space(4.0);
}

fn promises_ui(ui: &mut egui::Ui, debrief: &Debrief, frame: &ScreenCtx) {
    let t = texts(frame.lang);
    widgets::section_heading_ui(ui, t.promises_title);
    if debrief.promises.is_empty() {
        ui.weak(t.no_promises);
    }
    for promise in &debrief.promises {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&promise.text).strong());
            ui.label(labels::promise_status(frame.lang, promise.status));
            if let Some(limit) = promise.limit {
                widgets::chip_ui(ui, labels::limit(frame.lang, limit), style::bad(ui));
            }
        });
    }
}
