//! Colours and type sizes shared by the screens, for light and dark themes.

use crate::engine::LineSpeaker;
use crate::scenario::Outcome;
use egui::{Color32, FontFamily, FontId, TextStyle};

/// The accent of the app (buttons of the main action, the brand).
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x7a, 0x8c);

/// Sets the app's type scale: larger than egui's defaults, because the app
/// is read at arm's length and on projectors.
pub fn apply_text_styles(style: &mut egui::Style) {
    style.text_styles = [
        (
            TextStyle::Small,
            FontId::new(12.5, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(15.5, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(15.5, FontFamily::Proportional),
        ),
        (
            TextStyle::Heading,
            FontId::new(24.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(13.5, FontFamily::Monospace),
        ),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(10.0, 5.0);
    style.spacing.interact_size.y = 26.0;
}

/// True when the current theme is dark.
pub fn is_dark(ui: &egui::Ui) -> bool {
    ui.visuals().dark_mode
}

/// Picks the light or dark variant.
fn pick(ui: &egui::Ui, light: Color32, dark: Color32) -> Color32 {
    if is_dark(ui) { dark } else { light }
}

/// Fill and border of a speaker's bubble.
pub fn bubble_colors(ui: &egui::Ui, speaker: LineSpeaker) -> (Color32, Color32) {
    match speaker {
        LineSpeaker::Customer => (
            pick(ui, rgb(0xfd, 0xf0, 0xe0), rgb(0x4a, 0x38, 0x24)),
            pick(ui, rgb(0xe8, 0xb8, 0x7c), rgb(0x8a, 0x66, 0x3c)),
        ),
        LineSpeaker::Trainee => (
            pick(ui, rgb(0xdc, 0xee, 0xf5), rgb(0x1d, 0x44, 0x52)),
            pick(ui, rgb(0x7d, 0xbd, 0xd1), rgb(0x3c, 0x86, 0x9c)),
        ),
        LineSpeaker::Colleague => (
            pick(ui, rgb(0xe4, 0xf3, 0xe0), rgb(0x27, 0x42, 0x26)),
            pick(ui, rgb(0x93, 0xc8, 0x88), rgb(0x4c, 0x85, 0x46)),
        ),
        LineSpeaker::Manager => (
            pick(ui, rgb(0xee, 0xe6, 0xf7), rgb(0x3a, 0x2d, 0x4e)),
            pick(ui, rgb(0xb3, 0x9d, 0xd8), rgb(0x74, 0x5c, 0x9c)),
        ),
        LineSpeaker::Narrator => (Color32::TRANSPARENT, Color32::TRANSPARENT),
    }
}

/// Colour of good news (points earned, promise kept, customer kept).
pub fn good(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0x2e, 0x7d, 0x32), rgb(0x81, 0xc7, 0x84))
}

/// Colour of partial results.
pub fn middling(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0xb2, 0x6a, 0x00), rgb(0xff, 0xb7, 0x4d))
}

/// Colour of bad news (points lost, promise broken, customer lost).
pub fn bad(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0xc6, 0x28, 0x28), rgb(0xef, 0x9a, 0x9a))
}

/// Colour for a 0–100 score: red, amber or green.
pub fn score_color(ui: &egui::Ui, score: f64) -> Color32 {
    if score >= 70.0 {
        good(ui)
    } else if score >= 40.0 {
        middling(ui)
    } else {
        bad(ui)
    }
}

/// Colour of an outcome.
pub fn outcome_color(ui: &egui::Ui, outcome: Outcome) -> Color32 {
    match outcome {
        Outcome::Kept => good(ui),
        Outcome::Neutral => middling(ui),
        Outcome::Lost => bad(ui),
    }
}

/// Background of a card.
pub fn card_fill(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0xff, 0xff, 0xff), rgb(0x26, 0x29, 0x2e))
}

/// Border of a card.
pub fn card_stroke(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0xd5, 0xd9, 0xde), rgb(0x44, 0x48, 0x50))
}

/// Background of the app behind the cards.
pub fn page_fill(dark: bool) -> Color32 {
    if dark {
        rgb(0x1b, 0x1d, 0x21)
    } else {
        rgb(0xf2, 0xf4, 0xf6)
    }
}

/// Background of a highlighted note (the lesson, the feedback panel).
pub fn note_fill(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0xff, 0xf8, 0xe1), rgb(0x3b, 0x35, 0x22))
}

/// Background of an error card.
pub fn error_fill(ui: &egui::Ui) -> Color32 {
    pick(ui, rgb(0xfd, 0xec, 0xea), rgb(0x45, 0x24, 0x24))
}

const fn rgb(r: u8, g: u8, b: u8) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// Background of a card for a theme, outside a `Ui`.
pub fn card_fill_of(dark: bool) -> Color32 {
    if dark {
        rgb(0x26, 0x29, 0x2e)
    } else {
        rgb(0xff, 0xff, 0xff)
    }
}
