//! What every handout shares: its footer, page numbers and the step from
//! laid-out pages to PDF bytes.

use super::error::{Handout, HandoutError};
use super::layout::Composer;
use super::render;
use super::texts::texts;
use crate::i18n::fill;
use crate::lang::Lang;

/// Turns a composed document into a PDF: `title` goes in the footer and
/// the metadata; labels are in `lang`, the text in `content_language`.
pub fn finish(
    composer: Composer,
    title: &str,
    lang: Lang,
    content_language: &str,
) -> Result<Handout, HandoutError> {
    let h = texts(lang);
    let footer = fill(h.footer, &[("title", title)]);
    let pages = composer.finish(
        &footer,
        |page, total| {
            fill(
                h.page,
                &[("page", &page.to_string()), ("total", &total.to_string())],
            )
        },
        h.cut,
    );
    let bytes = render::pdf(&pages, title, content_language)?;
    Ok(Handout {
        bytes,
        pages: pages.len(),
    })
}
