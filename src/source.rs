//! Source text with byte spans and `line:col` lookup.
//!
//! Every value read from a scenario file keeps the byte range it came from,
//! so a diagnostic can name the exact line and column a trainer must fix.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range in a source file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from a byte range.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `Range` for slicing the source.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value together with the span it was read from.
///
/// Serialises as the bare value: spans are for diagnostics, not for files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|value| Spanned {
            value,
            span: Span::default(),
        })
    }
}

/// A 1-based line and column (columns count characters, not bytes, so
/// accented Spanish text points at the right place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub col: u32,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Bytes per block of the column index: a column costs a count over at
/// most this many bytes, however long the line.
const BLOCK: usize = 4096;

/// Maps byte offsets of one text to lines and columns.
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r` (old Mac files), so
/// files with any line endings, mixed included, get the line numbers an
/// editor shows. Columns are found in constant time per lookup: the index
/// keeps the number of characters before every [`BLOCK`]-th byte, so
/// thousands of diagnostics on one long line cost no more than on short
/// ones.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// Characters in `text[..k * BLOCK]`, for every block `k`.
    chars_before_block: Vec<u32>,
}

/// Characters in `bytes` that is a whole number of UTF-8 sequences (or a
/// prefix of a text cut at a block boundary: continuation bytes are not
/// counted, so every character is counted in the block where it starts).
fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0u32);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` is one break, counted at its `\n`.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            line_starts.push(i as u32 + 1);
        }
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0u32;
        chars_before_block.push(0);
        for block in bytes.chunks(BLOCK) {
            total += count_chars(block);
            chars_before_block.push(total);
        }
        LineIndex {
            line_starts,
            chars_before_block,
        }
    }

    /// Characters in `text[..offset]`, `offset` on a char boundary.
    fn chars_before(&self, text: &str, offset: usize) -> u32 {
        let block = offset / BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + count_chars(&text.as_bytes()[block * BLOCK..offset])
    }

    /// The 1-based line holding byte `offset`, and the byte its line starts at.
    fn line_of(&self, offset: u32) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        (
            line,
            self.line_starts.get(line).copied().unwrap_or(0) as usize,
        )
    }

    /// The line and column of byte `offset` in `text` (the same text the
    /// index was built from). Offsets past the end point after the last char.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(text.len() as u32);
        let (line, start) = self.line_of(offset);
        let mut end = (offset as usize).max(start);
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.chars_before(text, end) - self.chars_before(text, start) + 1;
        LineCol {
            line: line as u32 + 1,
            col,
        }
    }

    /// The byte offset where 1-based line `line` starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts
            .get(line.saturating_sub(1) as usize)
            .map(|&s| s as usize)
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let Some(start) = self.line_start(line) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line as usize)
            .map(|&e| e as usize)
            .unwrap_or(text.len());
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "uno\naño: x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap() as u32;
        assert_eq!(index.line_col(text, x), LineCol { line: 2, col: 6 });
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(index.line_text(text, 2), "año: x");
    }

    #[test]
    fn cr_only_and_mixed_line_endings_count_lines() {
        let text = "a\rb\r\nc\nd\re";
        let index = LineIndex::new(text);
        let at = |c: char| index.line_col(text, text.find(c).unwrap() as u32);
        assert_eq!(at('a'), LineCol { line: 1, col: 1 });
        assert_eq!(at('b'), LineCol { line: 2, col: 1 });
        assert_eq!(at('c'), LineCol { line: 3, col: 1 });
        assert_eq!(at('d'), LineCol { line: 4, col: 1 });
        assert_eq!(at('e'), LineCol { line: 5, col: 1 });
        assert_eq!(index.line_text(text, 2), "b");
        assert_eq!(index.line_text(text, 1), "a");
    }

    #[test]
    fn columns_on_a_long_line_cross_blocks_and_count_characters() {
        // Multi-byte characters straddle the block boundaries.
        let text = format!("x\n{}z", "ñé€".repeat(5_000));
        let index = LineIndex::new(&text);
        let z = text.find('z').unwrap() as u32;
        assert_eq!(
            index.line_col(&text, z),
            LineCol {
                line: 2,
                col: 15_001
            }
        );
        // A byte inside a character points at that character.
        assert_eq!(index.line_col(&text, 3), LineCol { line: 2, col: 1 });
        assert_eq!(index.line_col(&text, 4), LineCol { line: 2, col: 2 });
    }

    #[test]
    fn offset_past_end_is_clamped() {
        let text = "ab";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 99), LineCol { line: 1, col: 3 });
    }
}
