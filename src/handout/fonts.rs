//! The handouts' font, DejaVu Sans (regular and bold), compiled into the
//! binary so a PDF looks the same on every machine and covers Spanish
//! (á é í ó ú ü ñ ¿ ¡ « » — “ ”) and the marks the handouts use (✓ ★ • →).
//! Its licence is `assets/fonts/LICENSE-DejaVu.txt`.

use std::sync::OnceLock;
use ttf_parser::Face;

/// DejaVu Sans.
pub static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Advance widths of both faces, for wrapping text.
pub struct Metrics {
    regular: Option<Face<'static>>,
    bold: Option<Face<'static>>,
}

impl Metrics {
    /// The metrics, parsed once.
    pub fn get() -> &'static Metrics {
        static METRICS: OnceLock<Metrics> = OnceLock::new();
        METRICS.get_or_init(|| Metrics {
            regular: Face::parse(REGULAR, 0).ok(),
            bold: Face::parse(BOLD, 0).ok(),
        })
    }

    /// The width of one character at `size` points. Kerning is left out,
    /// which only ever makes a line look a little wider than it is.
    pub fn char_width(&self, c: char, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        // Without a face (never with the bundled fonts) a generous
        // average keeps lines inside the page.
        let Some(face) = face else {
            return size * 0.65;
        };
        let units = f32::from(face.units_per_em().max(1));
        let advance = face
            .glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .or_else(|| {
                face.glyph_index('?')
                    .and_then(|g| face.glyph_hor_advance(g))
            })
            .map_or(units * 0.65, f32::from);
        advance * size / units
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        text.chars().map(|c| self.char_width(c, size, bold)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_cover_spanish_and_the_handout_marks() {
        let metrics = Metrics::get();
        for face in [&metrics.regular, &metrics.bold] {
            let Some(face) = face else {
                panic!("a bundled font did not parse");
            };
            for c in "áéíóúüñÁÉÍÓÚÜÑ¿¡«»—“”‘’…•✓★€→".chars()
            {
                assert!(face.glyph_index(c).is_some(), "no glyph for {c:?}");
            }
        }
    }

    #[test]
    fn bold_text_is_wider_and_width_grows_with_size() {
        let metrics = Metrics::get();
        let regular = metrics.width("¿Qué pasó, señora Núñez?", 10.0, false);
        let bold = metrics.width("¿Qué pasó, señora Núñez?", 10.0, true);
        assert!(regular > 50.0 && regular < 200.0, "{regular}");
        assert!(bold > regular);
        let double = metrics.width("¿Qué pasó, señora Núñez?", 20.0, false);
        assert!((double - 2.0 * regular).abs() < 0.01);
    }
}
