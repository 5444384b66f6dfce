//! WCAG 2.2 AA, computed from the colours the app draws with: 4.5:1 for
//! every text style over every fill it sits on, 3:1 for large text, the
//! focus ring and meaningful graphics. A colour change that makes any of
//! them unreadable fails here.

use super::*;

const TEXT: f64 = 4.5;
const GRAPHIC: f64 = 3.0;

/// The visuals the app runs with in a theme.
fn visuals(dark: bool) -> egui::Visuals {
    let mut visuals = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    apply_theme(&mut visuals);
    visuals
}

/// A premultiplied (possibly additive) colour painted over an opaque one.
fn over(color: Color32, background: Color32) -> Color32 {
    let alpha = f32::from(color.a()) / 255.0;
    let mix = |c: u8, b: u8| {
        (f32::from(c) + f32::from(b) * (1.0 - alpha))
            .round()
            .min(255.0) as u8
    };
    Color32::from_rgb(
        mix(color.r(), background.r()),
        mix(color.g(), background.g()),
        mix(color.b(), background.b()),
    )
}

fn check(failures: &mut Vec<String>, what: &str, fg: Color32, bg: Color32, needed: f64) {
    let ratio = contrast(fg, bg);
    if ratio < needed {
        failures.push(format!(
            "{what}: {fg:?} on {bg:?} is {ratio:.2}:1 (< {needed})"
        ));
    }
}

fn failures_of(dark: bool) -> Vec<String> {
    let v = visuals(dark);
    let p = palette_of(dark);
    let theme = if dark { "dark" } else { "light" };
    let mut failures = Vec::new();
    let mut fills = vec![
        ("page", p.page),
        ("card", p.card),
        ("note", p.note),
        ("error card", p.error),
        ("text field", v.text_edit_bg_color()),
        ("striped row", over(v.faint_bg_color, p.card)),
        ("better reply", tinted(p.good, p.card, BETTER_TINT)),
    ];
    for speaker in [
        LineSpeaker::Customer,
        LineSpeaker::Trainee,
        LineSpeaker::Colleague,
        LineSpeaker::Manager,
    ] {
        fills.push(("bubble", bubble_colors_of(dark, speaker).0));
    }
    let texts = [
        ("body text", v.text_color()),
        ("secondary text", v.weak_text_color()),
        ("strong text", v.strong_text_color()),
        ("good", p.good),
        ("middling", p.middling),
        ("bad", p.bad),
        ("accent text", p.accent_text),
    ];
    for (text_name, text) in texts {
        for (fill_name, fill) in &fills {
            check(
                &mut failures,
                &format!("{theme}: {text_name} on {fill_name}"),
                text,
                *fill,
                TEXT,
            );
        }
    }
    // Chips: the text of a chip over its own tint, for every colour a
    // screen gives a chip.
    for (name, color) in [
        ("accent", ACCENT),
        ("good", p.good),
        ("middling", p.middling),
        ("bad", p.bad),
        ("weak", v.weak_text_color()),
    ] {
        let shown = chip_text_of(dark, color);
        for (fill_name, fill) in [("card", p.card), ("note", p.note)] {
            check(
                &mut failures,
                &format!("{theme}: {name} chip on {fill_name}"),
                shown,
                tinted(color, fill, chip_tint(dark)),
                TEXT,
            );
        }
    }
    // The mood chart: each level's name over its band, the line over the card.
    for (index, band) in MOOD_BANDS.iter().enumerate() {
        check(
            &mut failures,
            &format!("{theme}: mood level {index} name on its band"),
            p.mood_levels[index],
            tinted(*band, p.card, band_tint(dark)),
            TEXT,
        );
    }
    check(
        &mut failures,
        &format!("{theme}: mood line"),
        p.chart_line,
        p.card,
        GRAPHIC,
    );
    // Buttons and selectable labels in each state (the top bar sits on a
    // card, the screens on the page).
    for (state, widget) in [
        ("inactive", v.widgets.inactive),
        ("hovered", v.widgets.hovered),
        ("active", v.widgets.active),
    ] {
        check(
            &mut failures,
            &format!("{theme}: {state} button text"),
            widget.fg_stroke.color,
            widget.weak_bg_fill,
            TEXT,
        );
    }
    for (fill_name, fill) in [("card", p.card), ("page", p.page)] {
        check(
            &mut failures,
            &format!("{theme}: unselected tab on {fill_name}"),
            v.widgets.inactive.fg_stroke.color,
            fill,
            TEXT,
        );
        check(
            &mut failures,
            &format!("{theme}: focus ring on {fill_name}"),
            v.widgets.active.bg_stroke.color,
            fill,
            GRAPHIC,
        );
        for (name, color) in [("good", p.good), ("middling", p.middling), ("bad", p.bad)] {
            check(
                &mut failures,
                &format!("{theme}: {name} bar on {fill_name}"),
                color,
                fill,
                GRAPHIC,
            );
        }
    }
    check(
        &mut failures,
        &format!("{theme}: selected tab"),
        v.selection.stroke.color,
        v.selection.bg_fill,
        TEXT,
    );
    check(
        &mut failures,
        &format!("{theme}: primary button"),
        Color32::WHITE,
        ACCENT,
        TEXT,
    );
    failures
}

#[test]
fn the_light_theme_meets_wcag_aa() {
    let failures = failures_of(false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_dark_theme_meets_wcag_aa() {
    let failures = failures_of(true);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_ratio_matches_wcag_reference_values() {
    // Black on white is 21:1 and a colour on itself 1:1, by definition;
    // #767676 on white is the well-known 4.54:1 limit grey.
    assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    assert!((contrast(ACCENT, ACCENT) - 1.0).abs() < 1e-9);
    let grey = contrast(Color32::from_gray(0x76), Color32::WHITE);
    assert!((grey - 4.54).abs() < 0.01, "{grey}");
    // The composite of a translucent fill is what the screen shows.
    let half_black = Color32::from_black_alpha(128);
    assert_eq!(over(half_black, Color32::WHITE), Color32::from_gray(127));
}

#[test]
fn readable_on_fixes_a_pale_colour() {
    let pale = Color32::from_rgb(0xff, 0xcc, 0x66);
    assert!(contrast(pale, Color32::WHITE) < TEXT);
    assert!(contrast(readable_on(pale, Color32::WHITE), Color32::WHITE) >= TEXT);
    let dim = Color32::from_rgb(0x40, 0x30, 0x60);
    assert!(contrast(readable_on(dim, DARK.card), DARK.card) >= TEXT);
}
