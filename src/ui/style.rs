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

/// The colours of one theme. Every text colour here meets WCAG 2.2 AA
/// (4.5:1) over the fills it is drawn on; `contrast_tests` checks it.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Behind the cards.
    pub page: Color32,
    /// A card.
    pub card: Color32,
    /// A card's border.
    pub card_stroke: Color32,
    /// A highlighted note (the lesson, the feedback panel).
    pub note: Color32,
    /// An error card.
    pub error: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text (narration, hints, settings of a card).
    pub weak: Color32,
    /// Good news.
    pub good: Color32,
    /// Partial results.
    pub middling: Color32,
    /// Bad news.
    pub bad: Color32,
    /// The accent as text (links, chips); [`ACCENT`] is for fills.
    pub accent_text: Color32,
    /// The mood chart's line.
    pub chart_line: Color32,
    /// The mood chart's level names, furious to delighted (text over the
    /// band of the same colour).
    pub mood_levels: [Color32; 5],
}

/// The palette of the light theme.
pub const LIGHT: Palette = Palette {
    page: rgb(0xf2, 0xf4, 0xf6),
    card: rgb(0xff, 0xff, 0xff),
    card_stroke: rgb(0xc9, 0xce, 0xd4),
    note: rgb(0xff, 0xf8, 0xe1),
    error: rgb(0xfd, 0xec, 0xea),
    text: rgb(0x3c, 0x3f, 0x44),
    weak: rgb(0x5c, 0x61, 0x68),
    good: rgb(0x25, 0x6b, 0x29),
    middling: rgb(0x8a, 0x53, 0x00),
    bad: rgb(0xb7, 0x1c, 0x1c),
    accent_text: rgb(0x17, 0x60, 0x6e),
    chart_line: ACCENT,
    mood_levels: [
        rgb(0xb7, 0x1c, 0x1c),
        rgb(0x8a, 0x53, 0x00),
        rgb(0x5c, 0x61, 0x68),
        rgb(0x3d, 0x6b, 0x1c),
        rgb(0x25, 0x6b, 0x29),
    ],
};

/// The palette of the dark theme.
pub const DARK: Palette = Palette {
    page: rgb(0x1b, 0x1d, 0x21),
    card: rgb(0x26, 0x29, 0x2e),
    card_stroke: rgb(0x5a, 0x5f, 0x68),
    note: rgb(0x3b, 0x35, 0x22),
    error: rgb(0x45, 0x24, 0x24),
    text: rgb(0xdc, 0xdd, 0xdf),
    weak: rgb(0xa9, 0xae, 0xb5),
    good: rgb(0x81, 0xc7, 0x84),
    middling: rgb(0xff, 0xb7, 0x4d),
    bad: rgb(0xef, 0x9a, 0x9a),
    accent_text: rgb(0x7f, 0xd3, 0xe3),
    chart_line: rgb(0x7f, 0xd3, 0xe3),
    mood_levels: [
        rgb(0xef, 0x9a, 0x9a),
        rgb(0xff, 0xb7, 0x4d),
        rgb(0xbd, 0xbd, 0xbd),
        rgb(0xae, 0xd5, 0x81),
        rgb(0x81, 0xc7, 0x84),
    ],
};

/// The mood chart's bands, furious to delighted (drawn tinted).
pub const MOOD_BANDS: [Color32; 5] = [
    rgb(0xe5, 0x39, 0x35),
    rgb(0xfb, 0x8c, 0x00),
    rgb(0x9e, 0x9e, 0x9e),
    rgb(0x7c, 0xb3, 0x42),
    rgb(0x2e, 0x7d, 0x32),
];

/// How much a mood band's colour tints the chart.
pub fn band_tint(dark: bool) -> f32 {
    if dark { 0.18 } else { 0.12 }
}

/// How much the "better reply" box is tinted with the good colour.
pub const BETTER_TINT: f32 = 0.10;

/// The palette of a theme.
pub fn palette_of(dark: bool) -> &'static Palette {
    if dark { &DARK } else { &LIGHT }
}

/// The palette of the current theme.
pub fn palette(ui: &egui::Ui) -> &'static Palette {
    palette_of(is_dark(ui))
}

/// Gives egui's own visuals the palette's text colours, a visible focus
/// ring and fields that stand out on white cards. egui's defaults draw
/// secondary text at about 2.8:1 (light) and body text at 4.3:1 on a dark
/// card, below WCAG's 4.5:1.
pub fn apply_theme(visuals: &mut egui::Visuals) {
    let dark = visuals.dark_mode;
    let palette = palette_of(dark);
    visuals.panel_fill = palette.page;
    visuals.window_fill = palette.card;
    visuals.widgets.noninteractive.fg_stroke.color = palette.text;
    visuals.weak_text_color = Some(palette.weak);
    visuals.hyperlink_color = palette.accent_text;
    visuals.warn_fg_color = palette.middling;
    visuals.error_fg_color = palette.bad;
    if dark {
        visuals.widgets.inactive.fg_stroke.color = rgb(0xe6, 0xe6, 0xe6);
    } else {
        visuals.extreme_bg_color = rgb(0xf4, 0xf6, 0xf8);
        visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, palette.card_stroke);
    }
    // The focus ring: a focused widget is drawn with the `active` visuals;
    // a 2 px accent outline shows where the keyboard is in both themes.
    visuals.widgets.active.bg_stroke = egui::Stroke::new(2.0, focus_ring_of(dark));
    visuals.selection.stroke.width = visuals.selection.stroke.width.max(1.0);
}

/// The colour of the keyboard focus ring (3:1 against page and card).
pub fn focus_ring_of(dark: bool) -> Color32 {
    if dark {
        rgb(0x7f, 0xd3, 0xe3)
    } else {
        rgb(0x17, 0x60, 0x6e)
    }
}

/// Fill and border of a speaker's bubble.
pub fn bubble_colors(ui: &egui::Ui, speaker: LineSpeaker) -> (Color32, Color32) {
    bubble_colors_of(is_dark(ui), speaker)
}

/// Fill and border of a speaker's bubble in a theme.
pub fn bubble_colors_of(dark: bool, speaker: LineSpeaker) -> (Color32, Color32) {
    let pick = |light, dark_colour| if dark { dark_colour } else { light };
    match speaker {
        LineSpeaker::Customer => (
            pick(rgb(0xfd, 0xf0, 0xe0), rgb(0x4a, 0x38, 0x24)),
            pick(rgb(0xe8, 0xb8, 0x7c), rgb(0x8a, 0x66, 0x3c)),
        ),
        LineSpeaker::Trainee => (
            pick(rgb(0xdc, 0xee, 0xf5), rgb(0x1d, 0x44, 0x52)),
            pick(rgb(0x7d, 0xbd, 0xd1), rgb(0x3c, 0x86, 0x9c)),
        ),
        LineSpeaker::Colleague => (
            pick(rgb(0xe4, 0xf3, 0xe0), rgb(0x27, 0x42, 0x26)),
            pick(rgb(0x93, 0xc8, 0x88), rgb(0x4c, 0x85, 0x46)),
        ),
        LineSpeaker::Manager => (
            pick(rgb(0xee, 0xe6, 0xf7), rgb(0x3a, 0x2d, 0x4e)),
            pick(rgb(0xb3, 0x9d, 0xd8), rgb(0x74, 0x5c, 0x9c)),
        ),
        LineSpeaker::Narrator => (Color32::TRANSPARENT, Color32::TRANSPARENT),
    }
}

/// Colour of good news (points earned, promise kept, customer kept).
pub fn good(ui: &egui::Ui) -> Color32 {
    palette(ui).good
}

/// Colour of partial results.
pub fn middling(ui: &egui::Ui) -> Color32 {
    palette(ui).middling
}

/// Colour of bad news (points lost, promise broken, customer lost).
pub fn bad(ui: &egui::Ui) -> Color32 {
    palette(ui).bad
}

/// The accent as a text colour (chips, labels); readable on cards.
pub fn accent_text(ui: &egui::Ui) -> Color32 {
    palette(ui).accent_text
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

/// The text colour of a chip of `color`: readable on its tinted fill over
/// a card and over a note, the two places chips are drawn.
pub fn chip_text_of(dark: bool, color: Color32) -> Color32 {
    let palette = palette_of(dark);
    let tint = chip_tint(dark);
    let on_card = readable_on(color, tinted(color, palette.card, tint));
    readable_on(on_card, tinted(color, palette.note, tint))
}

/// How much of a chip's colour tints its background.
pub fn chip_tint(dark: bool) -> f32 {
    if dark { 0.16 } else { 0.12 }
}

/// The fill a tint of `color` gives over `background` (what the GPU draws
/// for `color.gamma_multiply(tint)` on an opaque background).
pub fn tinted(color: Color32, background: Color32, tint: f32) -> Color32 {
    let mix = |c: u8, b: u8| {
        (f32::from(c) * tint + f32::from(b) * (1.0 - tint))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    rgb(
        mix(color.r(), background.r()),
        mix(color.g(), background.g()),
        mix(color.b(), background.b()),
    )
}

/// WCAG 2.2 relative luminance of an opaque colour.
pub fn luminance(color: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// WCAG 2.2 contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color`, moved toward black (on a light background) or white (on a
/// dark one) until it reads at 4.5:1 on `background`. Used for text in a
/// colour that is not from the palette (a chip of the weak colour, a
/// trainer's tag), so no caller can pick an unreadable one.
pub fn readable_on(color: Color32, background: Color32) -> Color32 {
    let target = if luminance(background) > 0.18 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    let mut shown = color;
    // Twenty steps of 5 % reach the target colour itself (21:1 or more).
    for step in 0..=20 {
        if contrast(shown, background) >= 4.5 {
            break;
        }
        shown = tinted(target, color, step as f32 / 20.0);
    }
    shown
}

/// Background of a card.
pub fn card_fill(ui: &egui::Ui) -> Color32 {
    palette(ui).card
}

/// Border of a card.
pub fn card_stroke(ui: &egui::Ui) -> Color32 {
    palette(ui).card_stroke
}

/// Background of the app behind the cards.
pub fn page_fill(dark: bool) -> Color32 {
    palette_of(dark).page
}

/// Background of a highlighted note (the lesson, the feedback panel).
pub fn note_fill(ui: &egui::Ui) -> Color32 {
    palette(ui).note
}

/// Background of an error card.
pub fn error_fill(ui: &egui::Ui) -> Color32 {
    palette(ui).error
}

const fn rgb(r: u8, g: u8, b: u8) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// Background of a card for a theme, outside a `Ui`.
pub fn card_fill_of(dark: bool) -> Color32 {
    palette_of(dark).card
}

#[cfg(test)]
#[path = "style_contrast_tests.rs"]
mod contrast_tests;
