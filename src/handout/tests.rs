//! Layout: wrapped lines fit their width, nothing is drawn outside the
//! page's content area, and the page count stays bounded whatever the text.

use super::fonts::Metrics;
use super::layout::*;

const LOREM: &str = "«¿Y ahora qué?», preguntó la señora Núñez — «¡otra vez el mismo problema con la cafetera!». \
    Nobody wants to hear “that's our policy” when the coffee machine they bought four months ago won't switch on.";

fn text_width(op: &Op) -> Option<(f32, f32, f32)> {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            text,
            ..
        } => Some((*x, *y, Metrics::get().width(text, *size, *bold))),
        _ => None,
    }
}

/// Every operation of `pages` lies inside the content area.
fn assert_inside_content(pages: &[Vec<Op>]) {
    let right = PAGE_WIDTH - MARGIN_X + 0.5;
    let bottom = PAGE_HEIGHT - MARGIN_BOTTOM + 0.5;
    for (n, page) in pages.iter().enumerate() {
        for op in page {
            match op {
                Op::Text { .. } => {
                    let (x, y, w) = text_width(op).unwrap_or_default();
                    assert!(
                        x >= MARGIN_X - 0.5,
                        "page {n}: {op:?} starts left of the margin"
                    );
                    assert!(x + w <= right, "page {n}: {op:?} is {w} wide and overflows");
                    assert!(
                        y <= bottom && y >= MARGIN_TOP,
                        "page {n}: {op:?} below the margin"
                    );
                }
                Op::Rect { x, y, w, h, .. } => {
                    assert!(*x >= MARGIN_X - 0.5 && x + w <= right, "page {n}: {op:?}");
                    assert!(
                        *y >= MARGIN_TOP - 0.5 && y + h <= bottom,
                        "page {n}: {op:?}"
                    );
                }
                Op::Line { points, .. } => {
                    for (x, y) in points {
                        assert!(*x >= MARGIN_X - 0.5 && *x <= right, "page {n}: {op:?}");
                        assert!(*y >= MARGIN_TOP - 0.5 && *y <= bottom, "page {n}: {op:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn wrapped_lines_fit_and_keep_every_word() {
    let metrics = Metrics::get();
    for width in [60.0, 150.0, 483.0] {
        let lines = wrap(metrics, LOREM, 10.0, false, width);
        for line in &lines {
            assert!(
                metrics.width(line, 10.0, false) <= width + 0.01,
                "{line:?} is wider than {width}"
            );
        }
        let words: Vec<&str> = LOREM.split_whitespace().collect();
        let rejoined = lines.join(" ");
        let again: Vec<&str> = rejoined.split_whitespace().collect();
        if width > 100.0 {
            // Wide enough for every word: the words are kept whole.
            assert_eq!(again, words);
        } else {
            assert_eq!(again.concat(), words.concat());
        }
    }
}

#[test]
fn a_word_wider_than_the_line_is_cut_not_overflowed() {
    let metrics = Metrics::get();
    let word = "ñ".repeat(300);
    let lines = wrap(metrics, &word, 10.0, true, 100.0);
    assert!(lines.len() > 5);
    for line in &lines {
        assert!(metrics.width(line, 10.0, true) <= 100.01);
    }
    assert_eq!(lines.concat(), word);
}

#[test]
fn control_characters_are_dropped_and_long_texts_cut() {
    assert_eq!(clean("a\u{7}b\tc\r\nd"), "ab c\nd");
    let huge = "x".repeat(MAX_TEXT_CHARS * 3);
    let cleaned = clean(&huge);
    assert_eq!(cleaned.chars().count(), MAX_TEXT_CHARS + 1);
    assert!(cleaned.ends_with('…'));
}

#[test]
fn long_documents_break_into_pages_that_never_overflow() {
    let mut composer = Composer::new();
    composer.title(&LOREM.repeat(3));
    for i in 0..12 {
        composer.heading(&format!("Sección {i}: {LOREM}"));
        composer.paragraph(&LOREM.repeat(4), Style::BODY);
        composer.bullets(&[LOREM.to_string(), "corto".to_string()], Style::NOTE);
        let columns = [
            Column {
                header: "Respuesta",
                share: 0.6,
                numeric: false,
            },
            Column {
                header: "Votos",
                share: 0.15,
                numeric: true,
            },
            Column {
                header: "Nota",
                share: 0.25,
                numeric: false,
            },
        ];
        let rows: Vec<Row> = (0..6)
            .map(|r| Row {
                cells: vec![LOREM.repeat(r % 3 + 1), format!("{r}"), "✓ mejor".into()],
                background: (r == 0).then_some(GOOD_BG),
                bold: r == 1,
                bar: Some((2, r as f32 / 5.0)),
            })
            .collect();
        composer.table(&columns, &rows);
        composer.score_bar("Empatía", Some(f64::from(i) * 9.0), "no evaluada");
        composer.score_bar("Promesas", None, "no evaluada: no había nada en juego");
        composer.mood_chart(
            &[50, 30, 10, -20, 70, 140],
            ["F", "U", "N", "P", "D"],
            "Decisión",
        );
    }
    assert!(!composer.truncated());
    let pages = composer.pages().to_vec();
    assert!(
        pages.len() >= 5 && pages.len() < MAX_PAGES,
        "{} pages",
        pages.len()
    );
    assert_inside_content(&pages);
}

#[test]
fn a_cell_longer_than_a_page_is_cut_inside_one_page() {
    let mut composer = Composer::new();
    let columns = [Column {
        header: "Respuesta",
        share: 1.0,
        numeric: false,
    }];
    let rows = vec![Row {
        cells: vec![format!("{LOREM}\n").repeat(200)],
        ..Row::default()
    }];
    composer.table(&columns, &rows);
    assert_eq!(composer.pages().len(), 1);
    assert_inside_content(composer.pages());
}

#[test]
fn the_page_count_is_bounded_and_the_cut_is_said() {
    let mut composer = Composer::new();
    for _ in 0..5_000 {
        composer.paragraph(LOREM, Style::BODY);
    }
    assert!(composer.truncated());
    assert_inside_content(composer.pages());
    let pages = composer.finish("pie", |p, t| format!("{p}/{t}"), "CORTADO");
    assert_eq!(pages.len(), MAX_PAGES);
    let last_texts: Vec<&str> = pages[MAX_PAGES - 1]
        .iter()
        .filter_map(|op| match op {
            Op::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(last_texts.contains(&"CORTADO"));
    assert!(last_texts.contains(&"40/40"));
}
