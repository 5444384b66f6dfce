//! Text from files, made safe to print on a terminal.
//!
//! A scenario or a record is written by someone else: an escape sequence in
//! it, echoed raw, could retitle the terminal, recolour it, hide text or
//! move the cursor, and a bidi override could make a line read differently
//! from what it holds. Every control character except tab and newline (C0,
//! DEL, C1) and every bidi embedding, override and isolate (U+202A–U+202E,
//! U+2066–U+2069) is therefore shown as a Rust-style escape, `\u{1b}`.
//!
//! A leaf: it imports nothing from the crate.

use std::borrow::Cow;
use std::io::{self, Write};

/// True for a character that must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// How an unsafe character is shown: `\u{1b}`.
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// `text` with every unsafe character escaped; borrowed when there is none.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that escapes unsafe characters in everything written through
/// it, for the text output of the command line. A UTF-8 sequence split
/// between two writes is held back until it is whole.
pub struct SafeWriter<'w> {
    inner: &'w mut dyn Write,
    /// The start of a UTF-8 sequence that a write ended in the middle of.
    pending: Vec<u8>,
}

impl<'w> SafeWriter<'w> {
    /// Wraps `inner`.
    pub fn new(inner: &'w mut dyn Write) -> Self {
        SafeWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(sanitize(text).as_bytes())
    }
}

impl Write for SafeWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut rest: &[u8] = &bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.write_text(text)?;
                    break;
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    // `valid` is UTF-8 by construction.
                    self.write_text(std::str::from_utf8(valid).unwrap_or_default())?;
                    match error.error_len() {
                        // Cut in the middle of a character: keep it for the next write.
                        None => {
                            self.pending = after.to_vec();
                            break;
                        }
                        // Not UTF-8 at all (never from this program's own
                        // strings): show the bytes as escapes too.
                        Some(len) => {
                            for b in &after[..len] {
                                write!(self.inner, "\\x{b:02x}")?;
                            }
                            rest = &after[len..];
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Drop for SafeWriter<'_> {
    fn drop(&mut self) {
        // A sequence still incomplete at the end is not UTF-8: escape it.
        for b in std::mem::take(&mut self.pending) {
            let _ = write!(self.inner, "\\x{b:02x}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_tab_and_newline_kept() {
        let text = "a\u{1b}]0;pwned\u{7}b\tc\nd\u{202e}e\u{2066}\r\u{85}é";
        assert_eq!(
            sanitize(text),
            "a\\u{1b}]0;pwned\\u{7}b\tc\nd\\u{202e}e\\u{2066}\\u{d}\\u{85}é"
        );
        assert!(matches!(sanitize("plain ñ"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_escapes_across_split_writes() {
        let mut out = Vec::new();
        {
            let mut writer = SafeWriter::new(&mut out);
            let bytes = "x\u{1b}[31mñ\u{202e}".as_bytes();
            // Byte by byte: every multi-byte character is split.
            for b in bytes {
                writer.write_all(&[*b]).unwrap();
            }
        }
        assert_eq!(String::from_utf8(out).unwrap(), "x\\u{1b}[31mñ\\u{202e}");
    }
}
