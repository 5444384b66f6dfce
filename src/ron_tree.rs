//! A RON reader that keeps the position of every value.
//!
//! The `ron` crate deserialises straight into types and forgets where each
//! value was written, so it can only point at syntax errors. Trainers need
//! the position of *semantic* mistakes too (a `next` naming a node that does
//! not exist), so scenario files are first read into this spanned tree and
//! then decoded by hand. The grammar is RON's: structs with or without a
//! name, tuples, lists, maps, strings (with escapes and raw strings), chars,
//! numbers, booleans, `Some`/`None`, enum variants and comments. Parsing is
//! iterative over bytes, bounded in depth and never panics on any input.

use crate::source::Span;
use std::borrow::Cow;

pub use bumpalo::Bump;

/// One RON value and where it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value<'a> {
    /// What was written.
    pub kind: Kind<'a>,
    /// The whole value, from its first to its last byte.
    pub span: Span,
}

/// The shapes a RON value can take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind<'a> {
    /// `true` / `false`.
    Bool(bool),
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A string literal, escapes resolved.
    Str(StrLit<'a>),
    /// A char literal.
    Char(char),
    /// `[a, b]`.
    List(&'a [Value<'a>]),
    /// `{k: v}`.
    Map(&'a [(Value<'a>, Value<'a>)]),
    /// `(a, b)` or `Name(a, b)`; `Some(x)` is a tuple named `Some`.
    Tuple {
        /// The name before the parenthesis, if any.
        name: Option<Ident<'a>>,
        /// The items.
        items: &'a [Value<'a>],
    },
    /// `(a: 1)` or `Name(a: 1)`.
    Struct {
        /// The name before the parenthesis, if any.
        name: Option<Ident<'a>>,
        /// The fields in file order.
        fields: &'a [Field<'a>],
    },
    /// A bare identifier: a unit enum variant, `None`, or a unit struct.
    Unit(Ident<'a>),
}

/// A string literal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrLit<'a> {
    /// The string with escapes resolved (in the source or the arena).
    pub text: &'a str,
    /// Byte offset in the source of the first content byte, when the content
    /// was written without escapes (so offsets inside map 1:1 to the source).
    pub verbatim_from: Option<u32>,
}

/// An identifier and its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ident<'a> {
    /// The identifier.
    pub name: &'a str,
    /// Where it was written.
    pub span: Span,
}

/// A named field of a struct.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field<'a> {
    /// The field name.
    pub name: Ident<'a>,
    /// The field value.
    pub value: Value<'a>,
}

impl Kind<'_> {
    /// A short description for "expected X, found Y" messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Bool(_) => "a boolean",
            Kind::Int(_) => "an integer",
            Kind::Float(_) => "a decimal number",
            Kind::Str(_) => "a text in quotes",
            Kind::Char(_) => "a character",
            Kind::List(_) => "a list `[...]`",
            Kind::Map(_) => "a map `{...}`",
            Kind::Tuple { .. } => "a tuple `(...)`",
            Kind::Struct { .. } => "a structure `(field: ...)`",
            Kind::Unit(_) => "a name",
        }
    }
}

/// A syntax error with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// Where.
    pub offset: u32,
    /// The nesting limit was hit (reported with its own code).
    pub too_deep: bool,
}

/// Parses a whole RON document. `max_depth` bounds nesting so hostile
/// input cannot overflow the stack.
pub fn parse<'a>(
    text: &'a str,
    arena: &'a Bump,
    max_depth: usize,
) -> Result<Value<'a>, SyntaxError> {
    let mut parser = Parser {
        arena,
        src: text.as_bytes(),
        text,
        pos: 0,
        max_depth,
        last_multiline_text: None,
        field_stack: Vec::new(),
        value_stack: Vec::new(),
    };
    parser.skip_trivia()?;
    parser.skip_attributes()?;
    let value = parser.value(0)?;
    parser.skip_trivia()?;
    if parser.pos < parser.src.len() {
        return Err(parser.error(
            "unexpected text after the end of the scenario",
            "the file must hold one value: check for an extra `)` or text after the last `)`",
        ));
    }
    Ok(value)
}

struct Parser<'a> {
    arena: &'a Bump,
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    max_depth: usize,
    /// Start of the last text that ran over a line break: when an error
    /// follows, the likeliest cause is its missing closing quote.
    last_multiline_text: Option<usize>,
    /// Scratch stacks: the items of open containers are pushed here and
    /// moved into one exactly sized vector when the container closes, so
    /// no vector grows by reallocation.
    field_stack: Vec<Field<'a>>,
    value_stack: Vec<Value<'a>>,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Parser<'a> {
    fn error(&self, message: impl Into<String>, hint: impl Into<String>) -> SyntaxError {
        self.error_at(self.pos, message, hint)
    }

    fn error_at(
        &self,
        offset: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> SyntaxError {
        let mut hint = hint.into();
        if let Some(start) = self.last_multiline_text
            && start < offset
        {
            let line = self.text[..start].matches('\n').count() + 1;
            hint = format!(
                "the text that opens on line {line} runs over several lines: is its closing quote missing? Otherwise: {hint}"
            );
        }
        SyntaxError {
            message: message.into(),
            hint,
            offset: offset as u32,
            too_deep: false,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    /// Describes the token at the cursor for error messages.
    fn found(&self) -> String {
        let rest = self.text.get(self.pos..).unwrap_or("");
        match rest.chars().next() {
            None => "the end of the file".to_string(),
            Some(c) if c.is_alphanumeric() || c == '_' => {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .take(40)
                    .collect();
                format!("`{word}`")
            }
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while let Some(b) = self.peek() {
                        if b == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    let start = self.pos;
                    self.pos += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => {
                                return Err(self.error_at(
                                    start,
                                    "this comment is never closed",
                                    "close it with `*/`",
                                ));
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                Some(0xEF) if self.pos == 0 && self.src.starts_with(&[0xEF, 0xBB, 0xBF]) => {
                    // A byte-order mark left by some Windows editors.
                    self.pos += 3;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Skips `#![enable(...)]` lines: RON extensions such as `implicit_some`
    /// are always on here, so they need no handling.
    fn skip_attributes(&mut self) -> Result<(), SyntaxError> {
        while self.peek() == Some(b'#') {
            let start = self.pos;
            while let Some(b) = self.peek() {
                self.pos += 1;
                if b == b']' {
                    break;
                }
            }
            if self.src.get(self.pos - 1) != Some(&b']') {
                return Err(self.error_at(
                    start,
                    "this `#![...]` attribute is never closed",
                    "end it with `]`",
                ));
            }
            self.skip_trivia()?;
        }
        Ok(())
    }

    fn expect(&mut self, byte: u8, hint: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(
                format!("expected `{}`, found {}", byte as char, self.found()),
                hint,
            ))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        if depth > self.max_depth {
            let mut error = self.error(
                format!("values are nested more than {} levels deep", self.max_depth),
                "a scenario never needs this much nesting: check for unbalanced brackets",
            );
            error.too_deep = true;
            return Err(error);
        }
        let start = self.pos;
        let kind = match self.peek() {
            None => {
                return Err(self.error(
                    "the file ends where a value was expected",
                    "finish the value, or remove the trailing `,` or `:`",
                ));
            }
            Some(b'"') => {
                let literal = self.string()?;
                if literal.text.contains('\n') && self.text[start..self.pos].contains('\n') {
                    self.last_multiline_text = Some(start);
                }
                Kind::Str(literal)
            }
            Some(b'r') if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                Kind::Str(self.raw_string()?)
            }
            Some(b'\'') => Kind::Char(self.char_lit()?),
            Some(b'[') => {
                self.pos += 1;
                Kind::List(self.seq(b']', depth)?)
            }
            Some(b'{') => {
                self.pos += 1;
                Kind::Map(self.map(depth)?)
            }
            Some(b'(') => self.parens(None, depth)?,
            Some(b) if b.is_ascii_digit() || b == b'-' || b == b'+' || b == b'.' => {
                self.number()?
            }
            Some(b) if is_ident_start(b) => {
                let ident = self.ident()?;
                match ident.name {
                    "true" => Kind::Bool(true),
                    "false" => Kind::Bool(false),
                    "inf" => Kind::Float(f64::INFINITY),
                    "NaN" => Kind::Float(f64::NAN),
                    _ => {
                        self.skip_trivia()?;
                        if self.peek() == Some(b'(') {
                            self.parens(Some(ident), depth)?
                        } else {
                            Kind::Unit(ident)
                        }
                    }
                }
            }
            Some(_) => {
                return Err(self.error(
                    format!("expected a value, found {}", self.found()),
                    "a value is a text in \"quotes\", a number, a name, `[...]`, `{...}` or `(...)`",
                ));
            }
        };
        Ok(Value {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn ident(&mut self) -> Result<Ident<'a>, SyntaxError> {
        let start = self.pos;
        let raw = self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#');
        if raw {
            self.pos += 2;
        }
        let name_start = self.pos;
        if !self.peek().is_some_and(is_ident_start) {
            return Err(self.error(
                format!("expected a name, found {}", self.found()),
                "names start with a letter or `_`",
            ));
        }
        while self.peek().is_some_and(is_ident_continue) {
            self.pos += 1;
        }
        Ok(Ident {
            name: &self.text[name_start..self.pos],
            span: Span::new(start, self.pos),
        })
    }

    /// `( ... )` after an optional name: a struct if the first item is
    /// `name:`, otherwise a tuple.
    fn parens(&mut self, name: Option<Ident<'a>>, depth: usize) -> Result<Kind<'a>, SyntaxError> {
        self.expect(b'(', "")?;
        self.skip_trivia()?;
        if self.peek() == Some(b')') {
            self.pos += 1;
            return Ok(Kind::Tuple { name, items: &[] });
        }
        if self.at_field_name() {
            let base = self.field_stack.len();
            loop {
                self.skip_trivia()?;
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    break;
                }
                if !self.peek().is_some_and(is_ident_start) {
                    return Err(self.error(
                        format!("expected a field `name: value`, found {}", self.found()),
                        "every item of a structure is written `name: value`",
                    ));
                }
                let field_name = self.ident()?;
                self.skip_trivia()?;
                self.expect(b':', "write a `:` between a field's name and its value")?;
                self.skip_trivia()?;
                let value = self.value(depth + 1)?;
                self.field_stack.push(Field {
                    name: field_name,
                    value,
                });
                self.skip_trivia()?;
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b')') => {
                        self.pos += 1;
                        break;
                    }
                    _ => {
                        return Err(self.error(
                            format!("expected `,` or `)` after a field, found {}", self.found()),
                            "separate fields with a comma, and close the structure with `)`",
                        ));
                    }
                }
            }
            let fields = self
                .arena
                .alloc_slice_fill_iter(self.field_stack.drain(base..));
            Ok(Kind::Struct { name, fields })
        } else {
            let items = self.seq(b')', depth)?;
            Ok(Kind::Tuple { name, items })
        }
    }

    /// True when the cursor is at `identifier :` (and not `::`).
    fn at_field_name(&self) -> bool {
        let mut i = self.pos;
        if self.src.get(i) == Some(&b'r') && self.src.get(i + 1) == Some(&b'#') {
            i += 2;
        }
        if !self.src.get(i).copied().is_some_and(is_ident_start) {
            return false;
        }
        while self.src.get(i).copied().is_some_and(is_ident_continue) {
            i += 1;
        }
        while matches!(self.src.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        self.src.get(i) == Some(&b':') && self.src.get(i + 1) != Some(&b':')
    }

    fn seq(&mut self, close: u8, depth: usize) -> Result<&'a [Value<'a>], SyntaxError> {
        let base = self.value_stack.len();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(close) {
                self.pos += 1;
                return Ok(self
                    .arena
                    .alloc_slice_fill_iter(self.value_stack.drain(base..)));
            }
            let item = self.value(depth + 1)?;
            self.value_stack.push(item);
            self.skip_trivia()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b) if b == close => {
                    self.pos += 1;
                    return Ok(self
                        .arena
                        .alloc_slice_fill_iter(self.value_stack.drain(base..)));
                }
                _ => {
                    return Err(self.error(
                        format!(
                            "expected `,` or `{}` after an item, found {}",
                            close as char,
                            self.found()
                        ),
                        format!(
                            "separate items with a comma, and close with `{}`",
                            close as char
                        ),
                    ));
                }
            }
        }
    }

    fn map(&mut self, depth: usize) -> Result<&'a [(Value<'a>, Value<'a>)], SyntaxError> {
        let mut entries = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek() == Some(b'}') {
                self.pos += 1;
                return Ok(self.arena.alloc_slice_fill_iter(entries));
            }
            let key = self.value(depth + 1)?;
            self.skip_trivia()?;
            self.expect(b':', "write a `:` between a key and its value")?;
            self.skip_trivia()?;
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            self.skip_trivia()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(self.arena.alloc_slice_fill_iter(entries));
                }
                _ => {
                    return Err(self.error(
                        format!(
                            "expected `,` or `}}` after an entry, found {}",
                            self.found()
                        ),
                        "separate entries with a comma, and close the map with `}`",
                    ));
                }
            }
        }
    }

    fn number(&mut self) -> Result<Kind<'a>, SyntaxError> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') && matches!(self.peek_at(1), Some(b'x' | b'b' | b'o')) {
            let radix = match self.peek_at(1) {
                Some(b'x') => 16,
                Some(b'b') => 2,
                _ => 8,
            };
            self.pos += 2;
            let digits_start = self.pos;
            while self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                self.pos += 1;
            }
            let digits: String = self.text[digits_start..self.pos]
                .chars()
                .filter(|&c| c != '_')
                .collect();
            let negative = self.src[start] == b'-';
            return match i64::from_str_radix(&digits, radix) {
                Ok(n) => Ok(Kind::Int(if negative { -n } else { n })),
                Err(_) => Err(self.error_at(
                    start,
                    format!("`{}` is not a valid number", &self.text[start..self.pos]),
                    "write whole numbers like `3` or `-2`",
                )),
            };
        }
        let mut is_float = false;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' | b'_' => self.pos += 1,
                b'.' if self.peek_at(1).is_some_and(|n| n.is_ascii_digit())
                    || !self.peek_at(1).is_some_and(is_ident_start) =>
                {
                    is_float = true;
                    self.pos += 1;
                }
                b'e' | b'E' => {
                    is_float = true;
                    self.pos += 1;
                    if matches!(self.peek(), Some(b'-' | b'+')) {
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
        if self.peek().is_some_and(is_ident_continue) {
            // A suffix such as `3km` or `10s`: point at the whole token.
            while self.peek().is_some_and(is_ident_continue) {
                self.pos += 1;
            }
            return Err(self.error_at(
                start,
                format!("`{}` is not a valid number", &self.text[start..self.pos]),
                "write numbers without units or letters, like `20` or `-3`",
            ));
        }
        let written = &self.text[start..self.pos];
        // Digit separators (`1_000`) are rare: copy only when present.
        let raw: Cow<str> = if written.contains('_') {
            Cow::Owned(written.chars().filter(|&c| c != '_').collect())
        } else {
            Cow::Borrowed(written)
        };
        let parsed = if is_float {
            raw.parse::<f64>().ok().map(Kind::Float)
        } else {
            raw.parse::<i64>().ok().map(Kind::Int)
        };
        parsed.ok_or_else(|| {
            self.error_at(
                start,
                format!("`{}` is not a valid number", &self.text[start..self.pos]),
                "write whole numbers like `3` or `-2`",
            )
        })
    }

    fn string(&mut self) -> Result<StrLit<'a>, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: no escapes, take the slice as is. memchr finds the
        // next quote or backslash with SIMD instead of byte by byte.
        if let Some(len) = memchr::memchr2(b'"', b'\\', &self.src[self.pos..]) {
            self.pos += len;
        } else {
            self.pos = self.src.len();
        }
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    let text = &self.text[content_start..self.pos];
                    self.pos += 1;
                    return Ok(StrLit {
                        text,
                        verbatim_from: Some(content_start as u32),
                    });
                }
                b'\\' => break,
                _ => self.pos += 1,
            }
        }
        let mut text = self.text[content_start..self.pos].to_string();
        loop {
            match self.peek() {
                None => {
                    return Err(self.error_at(
                        open,
                        "this text is never closed",
                        "end the text with a `\"`; write `\\\"` for a quote inside a text",
                    ));
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(StrLit {
                        text: self.arena.alloc_str(&text),
                        verbatim_from: None,
                    });
                }
                Some(b'\\') => {
                    let escape_at = self.pos;
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'n') => '\n',
                        Some(b't') => '\t',
                        Some(b'r') => '\r',
                        Some(b'0') => '\0',
                        Some(b'\\') => '\\',
                        Some(b'"') => '"',
                        Some(b'\'') => '\'',
                        Some(b'u') if self.peek_at(1) == Some(b'{') => {
                            self.pos += 2;
                            let hex_start = self.pos;
                            while self.peek().is_some_and(|b| b.is_ascii_hexdigit()) {
                                self.pos += 1;
                            }
                            let code = u32::from_str_radix(&self.text[hex_start..self.pos], 16)
                                .ok()
                                .and_then(char::from_u32);
                            match (code, self.peek()) {
                                (Some(c), Some(b'}')) => c,
                                _ => {
                                    return Err(self.error_at(
                                        escape_at,
                                        "invalid `\\u{...}` escape",
                                        "write the character itself, or a hex code like `\\u{e9}`",
                                    ));
                                }
                            }
                        }
                        Some(b'\n') => {
                            // A backslash at the end of a line joins the lines.
                            self.pos += 1;
                            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                                self.pos += 1;
                            }
                            continue;
                        }
                        _ => {
                            return Err(self.error_at(
                                escape_at,
                                "unknown escape in a text",
                                "inside a text write `\\\\` for a backslash, `\\\"` for a quote and `\\n` for a new line",
                            ));
                        }
                    };
                    text.push(c);
                    self.pos += 1;
                }
                Some(_) => {
                    let rest = &self.text[self.pos..];
                    let run = rest.find(['"', '\\']).unwrap_or(rest.len());
                    text.push_str(&rest[..run]);
                    self.pos += run;
                }
            }
        }
    }

    fn raw_string(&mut self) -> Result<StrLit<'a>, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut hashes = 0usize;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.expect(b'"', "a raw text starts with `r\"` or `r#\"`")?;
        let content_start = self.pos;
        let mut closing = String::from("\"");
        closing.push_str(&"#".repeat(hashes));
        match self.text[self.pos..].find(&closing) {
            Some(len) => {
                let text = &self.text[content_start..content_start + len];
                self.pos = content_start + len + closing.len();
                Ok(StrLit {
                    text,
                    verbatim_from: Some(content_start as u32),
                })
            }
            None => Err(self.error_at(
                open,
                "this raw text is never closed",
                format!("end it with `{closing}`"),
            )),
        }
    }

    fn char_lit(&mut self) -> Result<char, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let rest = &self.text[self.pos..];
        let mut chars = rest.chars();
        let c = match chars.next() {
            Some('\\') => match chars.next() {
                Some('n') => '\n',
                Some('t') => '\t',
                Some('\\') => '\\',
                Some('\'') => '\'',
                Some('"') => '"',
                _ => {
                    return Err(self.error_at(
                        open,
                        "unknown escape in a character",
                        "texts go in double quotes: \"like this\"",
                    ));
                }
            },
            Some(c) => c,
            None => '\0',
        };
        let consumed: usize = rest
            .char_indices()
            .nth(if rest.starts_with('\\') { 2 } else { 1 })
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        self.pos += consumed;
        if self.peek() != Some(b'\'') {
            return Err(self.error_at(
                open,
                "a single quote starts a one-character value here",
                "texts go in double quotes: \"like this\"",
            ));
        }
        self.pos += 1;
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok<'a>(text: &'a str, arena: &'a Bump) -> Value<'a> {
        match parse(text, arena, 64) {
            Ok(value) => value,
            Err(error) => panic!("{text:?}: {error:?}"),
        }
    }

    #[test]
    fn reads_named_struct_with_spans() {
        let text = "Choice(id: \"a\", mood: -5)";
        let arena = Bump::new();
        let value = parse_ok(text, &arena);
        let Kind::Struct { name, fields } = value.kind else {
            panic!("not a struct")
        };
        assert_eq!(name.map(|n| n.name), Some("Choice"));
        assert_eq!(fields[0].name.name, "id");
        assert_eq!(&text[fields[0].value.span.range()], "\"a\"");
        assert_eq!(fields[1].value.kind, Kind::Int(-5));
    }

    #[test]
    fn reads_every_shape() {
        let text = r##"#![enable(implicit_some)]
        // a comment
        (
            a: [1, 2.5, true, 'x', r#"raw "q""#, "e\u{e9}\n"],
            b: {"k": None, "j": Some(3)},
            c: Route(branches: [], otherwise: "x"),
            d: Keep("p"),
            e: Customer, /* nested /* comment */ */
            f: (),
        )"##;
        let arena = Bump::new();
        let value = parse_ok(text, &arena);
        let Kind::Struct { fields, .. } = value.kind else {
            panic!()
        };
        assert_eq!(fields.len(), 6);
        let Kind::List(items) = &fields[0].value.kind else {
            panic!()
        };
        assert_eq!(
            items[4].kind,
            Kind::Str(StrLit {
                text: "raw \"q\"",
                verbatim_from: items[4].span.start.checked_add(3)
            })
        );
        let Kind::Str(s) = &items[5].kind else {
            panic!()
        };
        assert_eq!(s.text, "eé\n");
        assert_eq!(s.verbatim_from, None);
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let text = "(\n  a: 1\n  b: 2,\n)";
        let error = parse(text, &Bump::new(), 64).unwrap_err();
        assert_eq!(error.offset as usize, text.find('b').unwrap());
        assert!(error.message.contains("expected `,` or `)`"));
    }

    #[test]
    fn unclosed_string_points_at_its_opening_quote() {
        let text = "(a: \"open)";
        let error = parse(text, &Bump::new(), 64).unwrap_err();
        assert_eq!(error.offset, 4);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "[".repeat(100_000);
        let error = parse(&text, &Bump::new(), 64).unwrap_err();
        assert!(error.too_deep);
    }

    #[test]
    fn never_panics_on_truncations() {
        let text = r##"Scenario(id: "x", nodes: {"a": Node(text: "h\u{e9}", choices: [(id: 'c', n: -1.5e3)])}, r: r#"x"#)"##;
        for end in 0..=text.len() {
            if text.is_char_boundary(end) {
                let _ = parse(&text[..end], &Bump::new(), 64);
            }
        }
    }
}
