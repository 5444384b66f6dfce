//! The conversation as speech bubbles: the customer on the left, the
//! trainee on the right, colleagues and managers on the left in their own
//! colours, narration centred without a bubble.

use super::style;
use crate::engine::{LineSpeaker, TranscriptLine};
use crate::i18n::Texts;
use egui::{CornerRadius, RichText, Stroke};

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

/// Draws every line of the conversation; returns where the customer's
/// latest line was drawn, so the player can keep it in view.
pub fn transcript_ui(ui: &mut egui::Ui, t: &Texts, lines: &[TranscriptLine]) -> Option<egui::Rect> {
    let mut latest_customer = None;
    for line in lines {
        let rect = line_ui(ui, t, line);
        if line.speaker == LineSpeaker::Customer {
            latest_customer = Some(rect);
        }
        ui.add_space(6.0);
    }
    latest_customer
}

fn line_ui(ui: &mut egui::Ui, t: &Texts, line: &TranscriptLine) -> egui::Rect {
    let width = ui.available_width();
    if line.speaker == LineSpeaker::Narrator {
        return ui
            .vertical_centered(|ui| {
                ui.set_max_width(width * 0.8);
                let text = match &line.name {
                    Some(name) => format!("{name}: {}", line.text),
                    None => line.text.clone(),
                };
                ui.label(RichText::new(text).italics().weak());
                if let Some(cue) = &line.mood_cue {
                    ui.label(RichText::new(format!("({cue})")).small().italics().weak());
                }
            })
            .response
            .rect;
    }
    let (fill, border) = style::bubble_colors(ui, line.speaker);
    let mine = line.speaker == LineSpeaker::Trainee;
    let max_text = (width * 0.72).max(240.0);
    let name = RichText::new(speaker_label(t, line))
        .small()
        .strong()
        .color(ui.visuals().strong_text_color());
    let text = if line.timed_out {
        RichText::new(format!("{}\n{}", t.timeout_reply, line.text))
            .italics()
            .weak()
    } else {
        RichText::new(&line.text).size(16.0)
    };
    let cue = line
        .mood_cue
        .as_ref()
        .map(|cue| RichText::new(format!("({cue})")).small().italics().weak());
    // The bubble is as wide as its longest line, up to `max_text`.
    let measure = |text: &RichText| {
        egui::WidgetText::from(text.clone())
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Wrap),
                max_text,
                egui::TextStyle::Body,
            )
            .size()
            .x
    };
    let content = [Some(&name), Some(&text), cue.as_ref()]
        .into_iter()
        .flatten()
        .map(measure)
        .fold(0.0_f32, f32::max)
        .ceil();
    let margin = egui::Margin::symmetric(12, 8);
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
    let (fill, stroke) = if line.timed_out {
        (
            ui.visuals().faint_bg_color,
            Stroke::new(1.0, ui.visuals().weak_text_color()),
        )
    } else {
        (fill, Stroke::new(1.0, border))
    };
    let bubble = ui.horizontal_top(|ui| {
        if mine {
            let outer = content + f32::from(margin.left + margin.right) + 2.0;
            ui.add_space((width - outer).max(0.0));
        }
        egui::Frame::new()
            .fill(fill)
            .stroke(stroke)
            .corner_radius(corner)
            .inner_margin(margin)
            .show(ui, |ui| {
                ui.vertical(|ui| {
                    ui.set_width(content);
                    ui.label(name);
                    ui.label(text);
                    if let Some(cue) = cue {
                        ui.label(cue);
                    }
                });
            })
            .response
            .rect
    });
    bubble.inner
}
