//! A RON reader that keeps the position of every value.
//!
//! The `ron` crate deserialises straight into types and forgets where each
//! value was written, so it can only point at syntax errors. Trainers need
//! the position of *semantic* mistakes too (a `next` naming a node that does
//! not exist), so scenario files are first read into this spanned tree and
//! then decoded by hand. It reads RON's grammar as the `ron` crate does:
//! structs with or without a name, tuples, lists, maps, strings (with
//! every escape, and raw strings), chars, numbers (`inf`, `-inf`, `NaN`,
//! hex, octal and binary), booleans, `Some`/`None`, enum variants, raw and
//! Unicode identifiers, and comments. The few forms scenario files never
//! need (byte strings, number type suffixes such as `1u8`, integers beyond
//! 64 bits, `\x` escapes of non-ASCII bytes) are refused with an error
//! saying "valid RON, but not used in scenario files: write … instead".
//! `tests/ron_differential.rs` pins this agreement against the `ron` crate. It is a recursive-descent parser over bytes, its
//! recursion bounded by a depth limit, and never panics on any input.

use crate::lang::{Bilingual, Phrase, msg};

mod literals;
mod mistakes;
use crate::source::Span;
use mistakes::Container;
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
    pub fn describe(&self) -> Phrase<'static> {
        let (en, es) = match self {
            Kind::Bool(_) => ("a boolean", "un valor `true` o `false`"),
            Kind::Int(_) => ("an integer", "un número entero"),
            Kind::Float(_) => ("a decimal number", "un número decimal"),
            Kind::Str(_) => ("a text in quotes", "un texto entre comillas"),
            Kind::Char(_) => ("a character", "un carácter"),
            Kind::List(_) => ("a list `[...]`", "una lista `[...]`"),
            Kind::Map(_) => ("a map `{...}`", "un mapa `{...}`"),
            Kind::Tuple { .. } => ("a tuple `(...)`", "una tupla `(...)`"),
            Kind::Struct { .. } => (
                "a structure `(field: ...)`",
                "una estructura `(campo: ...)`",
            ),
            Kind::Unit(_) => ("a name", "un nombre"),
        };
        Phrase::new(en, es)
    }
}

/// A syntax error with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub message: Bilingual,
    /// How to fix it.
    pub hint: Bilingual,
    /// Where.
    pub offset: u32,
    /// The nesting limit was hit (reported with its own code).
    pub too_deep: bool,
    /// A change that fixes it, when one is certain (boxed: errors travel
    /// through every parser function, and most have no fix).
    pub fix: Option<Box<SyntaxFix>>,
}

/// A fix for a syntax error: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxFix {
    /// The bytes to replace (empty to insert).
    pub span: Span,
    /// What to put there.
    pub replacement: String,
    /// What the fix does.
    pub label: Bilingual,
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
            msg!(
                "unexpected text after the end of the scenario",
                "hay texto de más después del final del escenario"
            ),
            msg!(
                "the file must hold one value: check for an extra `)` or text after the last `)`",
                "el archivo debe contener un solo valor: busca un `)` de más o texto después del último `)`"
            ),
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

fn quotes_hint() -> Bilingual {
    msg!(
        "texts go in double quotes: \"like this\"",
        "los textos van entre comillas dobles: \"así\""
    )
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'a> Parser<'a> {
    fn error(&self, message: Bilingual, hint: impl Into<Bilingual>) -> SyntaxError {
        self.error_at(self.pos, message, hint)
    }

    fn error_at(
        &self,
        offset: usize,
        message: Bilingual,
        hint: impl Into<Bilingual>,
    ) -> SyntaxError {
        let mut hint = hint.into();
        if let Some(start) = self.last_multiline_text
            && start < offset
        {
            let line = crate::source::LineIndex::new(&self.text[..start])
                .line_col(&self.text[..start], start as u32)
                .line;
            hint = msg!(
                "the text that opens on line {line} runs over several lines: is its closing quote missing? Otherwise: {hint}",
                "el texto que empieza en la línea {line} ocupa varias líneas: ¿le falta la comilla de cierre? Si no es eso: {hint}",
                hint => hint,
            );
        }
        SyntaxError {
            message,
            hint,
            offset: offset as u32,
            too_deep: false,
            fix: None,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    /// Describes the token at the cursor for error messages.
    fn found(&self) -> Bilingual {
        let rest = self.text.get(self.pos..).unwrap_or("");
        match rest.chars().next() {
            None => msg!("the end of the file", "el final del archivo"),
            Some(c) if c.is_alphanumeric() || c == '_' => {
                let word: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .take(40)
                    .collect();
                Bilingual::same(format!("`{word}`"))
            }
            Some(c) => Bilingual::same(format!("`{c}`")),
        }
    }

    fn skip_trivia(&mut self) -> Result<(), SyntaxError> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    // A lone `\r` ends a line too (old Mac files).
                    while let Some(b) = self.peek() {
                        if b == b'\n' || b == b'\r' {
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
                                    msg!(
                                        "this comment is never closed",
                                        "este comentario no se cierra nunca"
                                    ),
                                    msg!("close it with `*/`", "ciérralo con `*/`"),
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
                    msg!(
                        "this `#![...]` attribute is never closed",
                        "este atributo `#![...]` no se cierra nunca"
                    ),
                    msg!("end it with `]`", "termínalo con `]`"),
                ));
            }
            self.skip_trivia()?;
        }
        Ok(())
    }

    /// Consumes `byte`. The hint is a [`Phrase`] so that the common case,
    /// where the byte is there, allocates nothing.
    fn expect(&mut self, byte: u8, hint: Phrase<'static>) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(
                msg!(
                    "expected `{expected}`, found {found}",
                    "se esperaba `{expected}`, pero se encontró {found}",
                    expected = byte as char,
                    found => self.found(),
                ),
                hint,
            ))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        if depth > self.max_depth {
            let mut error = self.error(
                msg!(
                    "values are nested more than {max} levels deep",
                    "hay valores anidados a más de {max} niveles de profundidad",
                    max = self.max_depth,
                ),
                msg!(
                    "a scenario never needs this much nesting: check for unbalanced brackets",
                    "ningún escenario necesita tanto anidamiento: revisa que cada paréntesis y cada corchete tenga su pareja"
                ),
            );
            error.too_deep = true;
            return Err(error);
        }
        let start = self.pos;
        let kind = match self.peek() {
            None => {
                return Err(self.error(
                    msg!(
                        "the file ends where a value was expected",
                        "el archivo termina donde se esperaba un valor"
                    ),
                    msg!(
                        "finish the value, or remove the trailing `,` or `:`",
                        "completa el valor, o quita la `,` o los `:` del final"
                    ),
                ));
            }
            Some(b'"') => {
                let literal = self.string()?;
                if literal.text.contains('\n') && self.text[start..self.pos].contains('\n') {
                    self.last_multiline_text = Some(start);
                }
                Kind::Str(literal)
            }
            Some(b'r')
                if self.peek_at(1) == Some(b'"')
                    || (self.peek_at(1) == Some(b'#')
                        && matches!(self.peek_at(2), Some(b'"' | b'#'))) =>
            {
                Kind::Str(self.raw_string()?)
            }
            Some(b'b')
                if matches!(self.peek_at(1), Some(b'"' | b'\''))
                    || (self.peek_at(1) == Some(b'r')
                        && matches!(self.peek_at(2), Some(b'"' | b'#'))) =>
            {
                return Err(self.not_used_here(
                    Phrase::new("a byte string or byte", "un texto o carácter de bytes"),
                    Phrase::new(
                        "a text in quotes, \"like this\",",
                        "un texto entre comillas, \"así\",",
                    ),
                ));
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
            Some(_) if self.ident_start_at(self.pos) => {
                let ident = self.ident()?;
                match ident.name {
                    "true" => Kind::Bool(true),
                    "false" => Kind::Bool(false),
                    "inf" => Kind::Float(f64::INFINITY),
                    "NaN" => Kind::Float(f64::NAN),
                    "inff32" | "inff64" | "NaNf32" | "NaNf64" => {
                        self.pos = start;
                        return Err(self.not_used_here(
                            Phrase::new(
                                "a number with a type suffix",
                                "un número con sufijo de tipo",
                            ),
                            Phrase::new(&ident.name[..3], &ident.name[..3]),
                        ));
                    }
                    _ => {
                        self.skip_trivia()?;
                        if self.peek() == Some(b'(') {
                            let kind = self.parens(Some(ident), depth)?;
                            if ident.name == "Some"
                                && !matches!(kind, Kind::Tuple { items, .. } if items.len() == 1)
                            {
                                // RON's `Some` holds exactly one value.
                                return Err(self.error_at(
                                    start,
                                    msg!(
                                        "`Some(...)` holds exactly one value",
                                        "`Some(...)` contiene exactamente un valor"
                                    ),
                                    msg!(
                                        "write `Some(value)`, or `None` for no value",
                                        "escribe `Some(valor)`, o `None` si no hay valor"
                                    ),
                                ));
                            }
                            kind
                        } else {
                            Kind::Unit(ident)
                        }
                    }
                }
            }
            Some(_) => {
                if let Some(error) = self.curly_quotes() {
                    return Err(error);
                }
                return Err(self.error(
                    msg!(
                        "expected a value, found {found}",
                        "se esperaba un valor, pero se encontró {found}",
                        found => self.found(),
                    ),
                    msg!(
                        "a value is a text in \"quotes\", a number, a name, `[...]`, `{{...}}` or `(...)`",
                        "un valor es un texto entre \"comillas\", un número, un nombre, `[...]`, `{{...}}` o `(...)`"
                    ),
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
        if !self.ident_start_at(self.pos) {
            return Err(self.error(
                msg!(
                    "expected a name, found {found}",
                    "se esperaba un nombre, pero se encontró {found}",
                    found => self.found(),
                ),
                msg!(
                    "names start with a letter or `_`",
                    "los nombres empiezan por una letra o por `_`"
                ),
            ));
        }
        self.pos = self.ident_end(self.pos, raw);
        Ok(Ident {
            name: &self.text[name_start..self.pos],
            span: Span::new(start, self.pos),
        })
    }

    /// True when a name starts at byte `i`: `_` or a letter, in any script
    /// (Unicode's XID_Start, as in Rust and RON).
    fn ident_start_at(&self, i: usize) -> bool {
        match self.src.get(i) {
            Some(&b) if b.is_ascii() => is_ident_start(b),
            Some(_) => self
                .text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(unicode_ident::is_xid_start),
            None => false,
        }
    }

    /// The end of the name that starts at byte `i`. A raw name (`r#type`)
    /// may also hold `.`, `+` and `-`, as in RON.
    fn ident_end(&self, i: usize, raw: bool) -> usize {
        let mut end = i;
        for c in self.text.get(i..).unwrap_or("").chars() {
            let ok = if c.is_ascii() {
                is_ident_continue(c as u8) || (raw && matches!(c, '.' | '+' | '-'))
            } else {
                unicode_ident::is_xid_continue(c)
            };
            if !ok {
                break;
            }
            end += c.len_utf8();
        }
        end
    }

    /// The error for a form that RON has but scenario files do not use:
    /// what it is, and what to write instead.
    fn not_used_here(&self, what: Phrase<'_>, instead: Phrase<'_>) -> SyntaxError {
        self.error(
            msg!(
                "{what}: valid RON, but not used in scenario files",
                "{what}: es RON válido, pero no se usa en los archivos de escenario",
                what => what,
            ),
            msg!(
                "valid RON, but not used in scenario files: write {instead} instead",
                "es RON válido, pero no se usa en los archivos de escenario: escribe {instead} en su lugar",
                instead => instead,
            ),
        )
    }

    /// `( ... )` after an optional name: a struct if the first item is
    /// `name:`, otherwise a tuple.
    fn parens(&mut self, name: Option<Ident<'a>>, depth: usize) -> Result<Kind<'a>, SyntaxError> {
        self.expect(b'(', Phrase::new("open with `(`", "abre con `(`"))?;
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
                let raw = self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#');
                if !self.ident_start_at(self.pos + if raw { 2 } else { 0 }) {
                    if let Some(error) = self.curly_quotes() {
                        return Err(error);
                    }
                    return Err(self.error(
                        msg!(
                            "expected a field `name: value`, found {found}",
                            "se esperaba un campo `nombre: valor`, pero se encontró {found}",
                            found => self.found(),
                        ),
                        msg!(
                            "every item of a structure is written `name: value`",
                            "cada elemento de una estructura se escribe `nombre: valor`"
                        ),
                    ));
                }
                let field_name = self.ident()?;
                self.skip_trivia()?;
                self.expect(
                    b':',
                    Phrase::new(
                        "write a `:` between a field's name and its value",
                        "escribe `:` entre el nombre de un campo y su valor",
                    ),
                )?;
                self.skip_trivia()?;
                let value = self.value(depth + 1)?;
                let value_end = value.span.end as usize;
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
                        if let Some(error) = self.missing_comma(value_end, Container::Struct) {
                            return Err(error);
                        }
                        return Err(self.error(
                            msg!(
                                "expected `,` or `)` after a field, found {found}",
                                "se esperaba `,` o `)` después de un campo, pero se encontró {found}",
                                found => self.found(),
                            ),
                            msg!(
                                "separate fields with a comma, and close the structure with `)`",
                                "separa los campos con comas y cierra la estructura con `)`"
                            ),
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
        let raw = self.src.get(i) == Some(&b'r') && self.src.get(i + 1) == Some(&b'#');
        if raw {
            i += 2;
        }
        if !self.ident_start_at(i) {
            return false;
        }
        i = self.ident_end(i, raw);
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
            let item_end = item.span.end as usize;
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
                    if let Some(error) = self.missing_comma(item_end, Container::Seq) {
                        return Err(error);
                    }
                    let close = close as char;
                    return Err(self.error(
                        msg!(
                            "expected `,` or `{close}` after an item, found {found}",
                            "se esperaba `,` o `{close}` después de un elemento, pero se encontró {found}",
                            found => self.found(),
                        ),
                        msg!(
                            "separate items with a comma, and close with `{close}`",
                            "separa los elementos con comas y cierra con `{close}`"
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
            self.expect(
                b':',
                Phrase::new(
                    "write a `:` between a key and its value",
                    "escribe `:` entre una clave y su valor",
                ),
            )?;
            self.skip_trivia()?;
            let value = self.value(depth + 1)?;
            let value_end = value.span.end as usize;
            entries.push((key, value));
            self.skip_trivia()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(self.arena.alloc_slice_fill_iter(entries));
                }
                _ => {
                    if let Some(error) = self.missing_comma(value_end, Container::Map) {
                        return Err(error);
                    }
                    return Err(self.error(
                        msg!(
                            "expected `,` or `}}` after an entry, found {found}",
                            "se esperaba `,` o `}}` después de una entrada, pero se encontró {found}",
                            found => self.found(),
                        ),
                        msg!(
                            "separate entries with a comma, and close the map with `}}`",
                            "separa las entradas con comas y cierra el mapa con `}}`"
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
