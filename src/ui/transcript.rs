//! The conversation as speech bubbles: the customer on the left, the
//! trainee on the right, colleagues and managers on the left in their own
//! colours, narration centred without a bubble.

use super::style;
use crate::engine::{LineSpeaker, TranscriptLine};
use crate::i18n::Texts;
use egui::{Align, CornerRadius, Layout, RichText, Stroke};

/// Who is speaking, for the small name above a bubble.
pub fn speaker_label(t: &Texts, line: &TranscriptLine) -> String {
    let role = match line.speaker {
        LineSpeaker::Customer => t.speaker_customer,
        LineSpeaker::Colleague => t.speaker_colleague,
        LineSpeaker::Manager => t.speaker_manager,
        LineSpeaker::Narrator => t.speaker_narrator,
        LineSpeaker::Trainee => t.speaker_you,
    };
    match (&line.name, line.speaker) {
        (Some(name), LineSpeaker::Customer) => name.clone(),
        (Some(name), LineSpeaker::Trainee) => format!("{role} ({name})"),
        (Some(name), _) => format!("{name} · {role}"),
        (None, _) => role.to_string(),
    }
}

/// Draws every line of the conversation.
pub fn transcript_ui(ui: &mut egui::Ui, t: &Texts, lines: &[TranscriptLine]) {
    for line in lines {
        line_ui(ui, t, line);
        ui.add_space(6.0);
    }
}

fn line_ui(ui: &mut egui::Ui, t: &Texts, line: &TranscriptLine) {
    let width = ui.available_width();
    if line.speaker == LineSpeaker::Narrator {
        ui.vertical_centered(|ui| {
            ui.set_max_width(width * 0.8);
            let text = match &line.name {
                Some(name) => format!("{name}: {}", line.text),
                None => line.text.clone(),
            };
            ui.label(RichText::new(text).italics().weak());
            if let Some(cue) = &line.mood_cue {
                ui.label(RichText::new(format!("({cue})")).small().italics().weak());
            }
        });
        return;
    }
    let (fill, border) = style::bubble_colors(ui, line.speaker);
    let mine = line.speaker == LineSpeaker::Trainee;
    let layout = if mine {
        Layout::right_to_left(Align::Min)
    } else {
        Layout::left_to_right(Align::Min)
    };
    ui.with_layout(layout, |ui| {
        ui.set_max_width(width);
        let max_bubble = (width * 0.72).max(240.0);
        let corner = if mine {
            CornerRadius {
                nw: 12,
                ne: 3,
                sw: 12,
                se: 12,
            }
        } else {
            CornerRadius {
                nw: 3,
                ne: 12,
                sw: 12,
                se: 12,
            }
        };
        let stroke = if line.timed_out {
            Stroke::new(1.0, ui.visuals().weak_text_color())
        } else {
            Stroke::new(1.0, border)
        };
        egui::Frame::new()
            .fill(if line.timed_out {
                ui.visuals().faint_bg_color
            } else {
                fill
            })
            .stroke(stroke)
            .corner_radius(corner)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.with_layout(Layout::top_down(Align::Min), |ui| {
                    ui.set_max_width(max_bubble);
                    ui.label(
                        RichText::new(speaker_label(t, line))
                            .small()
                            .strong()
                            .color(border.gamma_multiply(1.4)),
                    );
                    if line.timed_out {
                        ui.label(RichText::new(t.timeout_reply).italics().weak());
                        ui.label(RichText::new(&line.text).italics().weak());
                    } else {
                        ui.label(RichText::new(&line.text).size(16.0));
                    }
                    if let Some(cue) = &line.mood_cue {
                        ui.label(RichText::new(format!("({cue})")).small().italics().weak());
                    }
                });
            });
    });
}
