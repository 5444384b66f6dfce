//! The two syntax mistakes trainers make most, told the way a person
//! fixes them: a missing comma (the caret goes where the comma belongs,
//! not onto the next line) and curly quotes pasted from a word processor
//! (with a fix that straightens them).

use super::{Parser, SyntaxError, SyntaxFix};
use crate::lang::msg;
use crate::source::Span;

/// Opening quotes a word processor writes instead of `"` or `'`.
const CURLY_DOUBLE: [char; 3] = ['“', '”', '„'];
const CURLY_SINGLE: [char; 3] = ['‘', '’', '‚'];

/// Where each container keeps its items, for the missing-comma message.
#[derive(Clone, Copy)]
pub(super) enum Container {
    /// `(name: value, ...)`.
    Struct,
    /// `[a, b]` or `(a, b)`.
    Seq,
    /// `{key: value}`.
    Map,
}

impl Parser<'_> {
    /// The "missing comma" error when, after a value that ended at
    /// `value_end`, the cursor is at the start of another item: the caret
    /// points just after the value, where the comma belongs.
    pub(super) fn missing_comma(
        &self,
        value_end: usize,
        container: Container,
    ) -> Option<SyntaxError> {
        let next_item = match container {
            Container::Struct => self.at_field_name(),
            Container::Seq | Container::Map => self.at_value_start(),
        };
        // `1 2` and `"a" "b"` are two values; `1x` is one bad value.
        let separated = self.pos > value_end || matches!(self.peek(), Some(b'"'));
        if !next_item || !separated {
            return None;
        }
        let mut error = self.error_at(
            value_end,
            msg!(
                "missing comma: add a comma here",
                "falta una coma: añade una coma aquí"
            ),
            match container {
                Container::Struct => msg!(
                    "every field ends with a comma before the next one: `version: 1,`",
                    "cada campo termina con una coma antes del siguiente: `version: 1,`"
                ),
                Container::Seq => msg!(
                    "items of a list are separated by commas: `[\"a\", \"b\"]`",
                    "los elementos de una lista se separan con comas: `[\"a\", \"b\"]`"
                ),
                Container::Map => msg!(
                    "entries are separated by commas: `\"a\": Node(...),`",
                    "las entradas se separan con comas: `\"a\": Node(...),`"
                ),
            },
        );
        error.fix = Some(Box::new(SyntaxFix {
            span: Span::new(value_end, value_end),
            replacement: ",".to_string(),
            label: msg!("add `,` after the value", "añade `,` después del valor"),
        }));
        Some(error)
    }

    /// True when a value could start at the cursor.
    fn at_value_start(&self) -> bool {
        match self.peek() {
            Some(b'"' | b'\'' | b'[' | b'{' | b'(' | b'-' | b'+') => true,
            Some(b) if b.is_ascii_digit() => true,
            Some(_) => self.ident_start_at(self.pos),
            None => false,
        }
    }

    /// The error for curly quotes at the cursor, with a fix that replaces
    /// the quoted text by the same text in straight double quotes.
    pub(super) fn curly_quotes(&self) -> Option<SyntaxError> {
        let rest = self.text.get(self.pos..)?;
        let open = rest.chars().next()?;
        let single = CURLY_SINGLE.contains(&open);
        if !single && !CURLY_DOUBLE.contains(&open) {
            return None;
        }
        let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
        let body = &line[open.len_utf8()..];
        // The closing quote: the first double one (curly or straight), or
        // for single quotes the last one on the line, since the text may
        // hold apostrophes (‘don’t’).
        let close = if single {
            body.rfind(|c: char| CURLY_SINGLE.contains(&c) || c == '\'')
        } else {
            body.find(|c: char| CURLY_DOUBLE.contains(&c) || c == '"')
        };
        let (inner, end) = match close {
            Some(at) => {
                let closer = body[at..].chars().next().map_or(1, char::len_utf8);
                (&body[..at], self.pos + open.len_utf8() + at + closer)
            }
            None => ("", self.pos + open.len_utf8()),
        };
        let replacement = if close.is_some() {
            let escaped = inner.replace('\\', "\\\\").replace('"', "\\\"");
            format!("\"{escaped}\"")
        } else {
            "\"".to_string()
        };
        let mut error = self.error(
            msg!(
                "curly quotes {open} are not quotes in a scenario file: use straight quotes \" instead of “ ”",
                "las comillas tipográficas {open} no valen en un archivo de escenario: usa comillas rectas \" en lugar de “ ”",
                open = open,
            ),
            msg!(
                "word processors turn \" into “ ” as you type: write texts as \"like this\", or paste them into a plain-text editor",
                "los procesadores de texto convierten \" en “ ” al escribir: escribe los textos \"así\", o pégalos en un editor de texto plano"
            ),
        );
        error.fix = Some(Box::new(SyntaxFix {
            span: Span::new(self.pos, end),
            replacement,
            label: msg!(
                "replace the curly quotes with straight quotes",
                "cambia las comillas tipográficas por comillas rectas"
            ),
        }));
        Some(error)
    }
}
