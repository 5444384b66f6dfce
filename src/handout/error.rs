//! What making a handout can fail on, and what it gives.

/// Why a handout could not be made.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    /// The bundled font did not load (a broken build, never user input).
    #[error("the bundled font could not be loaded")]
    Font,
    /// The PDF writer refused the document.
    #[error("the PDF writer failed: {0}")]
    Pdf(String),
}

/// A finished handout.
#[derive(Debug, Clone)]
pub struct Handout {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
}
