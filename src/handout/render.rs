//! Turning laid-out pages into PDF bytes with `krilla`, which embeds the
//! font as a subset (only the glyphs used) with a Unicode map, so the text
//! of the PDF can be searched, copied and read by `pdftotext`.

use super::error::HandoutError;
use super::fonts;
use super::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Rgb};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

fn paint(colour: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(colour.0, colour.1, colour.2).into()
}

/// Writes `pages` as a PDF with `title` and `language` (a code such as
/// `es`) in its metadata.
pub fn pdf(pages: &[Vec<Op>], title: &str, language: &str) -> Result<Vec<u8>, HandoutError> {
    let regular = Font::new(fonts::REGULAR.into(), 0).ok_or(HandoutError::Font)?;
    let bold = Font::new(fonts::BOLD.into(), 0).ok_or(HandoutError::Font)?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(HandoutError::Font)?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(language.to_string())
            .creator("Momento".to_string()),
    );
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, op, &regular, &bold);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|error| HandoutError::Pdf(format!("{error:?}")))
}

fn draw(surface: &mut Surface, op: &Op, regular: &Font, bold: &Font) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold: is_bold,
            colour,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: paint(*colour),
                ..Fill::default()
            }));
            let font = if *is_bold { bold } else { regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Line {
            points,
            width,
            colour,
        } => {
            let mut builder = PathBuilder::new();
            let mut points = points.iter();
            let Some(&(x, y)) = points.next() else {
                return;
            };
            builder.move_to(x, y);
            for &(x, y) in points {
                builder.line_to(x, y);
            }
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: paint(*colour),
                width: *width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Op::Rect { x, y, w, h, colour } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: paint(*colour),
                ..Fill::default()
            }));
            surface.draw_path(&path);
        }
    }
}
