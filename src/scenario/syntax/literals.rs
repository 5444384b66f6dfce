//! Literals: numbers, strings (with escapes, and raw strings) and chars.

use super::*;

/// The type suffixes RON allows after a number (`1u8`, `2.5f32`).
const TYPE_SUFFIXES: [&str; 12] = [
    "i8", "i16", "i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128", "f32", "f64",
];

impl<'a> Parser<'a> {
    pub(super) fn number(&mut self) -> Result<Kind<'a>, SyntaxError> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
            // `-inf`, `+inf`, `-NaN`, `+NaN`.
            for (word, value) in [("inf", f64::INFINITY), ("NaN", f64::NAN)] {
                if !self.src[self.pos..].starts_with(word.as_bytes()) {
                    continue;
                }
                let end = self.ident_end(self.pos, false);
                if end == self.pos + word.len() {
                    self.pos += word.len();
                    let negative = self.src[start] == b'-';
                    return Ok(Kind::Float(if negative { -value } else { value }));
                }
                if matches!(&self.text[self.pos + word.len()..end], "f32" | "f64") {
                    return Err(self.type_suffix(start, self.pos + word.len()));
                }
            }
        }
        if self.peek() == Some(b'0') && matches!(self.peek_at(1), Some(b'x' | b'b' | b'o')) {
            let radix = match self.peek_at(1) {
                Some(b'x') => 16,
                Some(b'b') => 2,
                _ => 8,
            };
            self.pos += 2;
            let digits_start = self.pos;
            if self.peek() == Some(b'_') {
                // `0x_FF`: RON wants a digit right after the prefix.
                return Err(self.error_at(
                    start,
                    msg!(
                        "a digit must follow `0x`, `0o` or `0b`, not `_`",
                        "tras `0x`, `0o` o `0b` debe ir una cifra, no `_`"
                    ),
                    msg!(
                        "remove the `_`, or write the number in decimal",
                        "quita el `_`, o escribe el número en decimal"
                    ),
                ));
            }
            while self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                self.pos += 1;
            }
            let written = &self.text[digits_start..self.pos];
            if let Some(suffix) = TYPE_SUFFIXES
                .iter()
                .filter(|s| !s.starts_with('f'))
                .find(|s| written.ends_with(*s) && written.len() > s.len())
            {
                return Err(self.type_suffix(start, self.pos - suffix.len()));
            }
            let digits: String = written.chars().filter(|&c| c != '_').collect();
            let negative = self.src[start] == b'-';
            return match i64::from_str_radix(&digits, radix) {
                Ok(n) => Ok(Kind::Int(if negative { -n } else { n })),
                Err(_) => Err(self.error_at(
                    start,
                    self.not_a_number(start),
                    msg!(
                        "write whole numbers like `3` or `-2`",
                        "escribe los números enteros así: `3` o `-2`"
                    ),
                )),
            };
        }
        let mut is_float = false;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' | b'_' => self.pos += 1,
                b'.' if self.peek_at(1).is_some_and(|n| n.is_ascii_digit())
                    || !self.peek_at(1).is_some_and(is_ident_start)
                    // `1.e3`
                    || (matches!(self.peek_at(1), Some(b'e' | b'E'))
                        && self
                            .peek_at(2)
                            .is_some_and(|n| n.is_ascii_digit() || n == b'-' || n == b'+')) =>
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
            let suffix_start = self.pos;
            while self.peek().is_some_and(is_ident_continue) {
                self.pos += 1;
            }
            let suffix = &self.text[suffix_start..self.pos];
            if TYPE_SUFFIXES.contains(&suffix) {
                return Err(self.type_suffix(start, suffix_start));
            }
            return Err(self.error_at(
                start,
                self.not_a_number(start),
                msg!(
                    "write numbers without units or letters, like `20` or `-3`",
                    "escribe los números sin unidades ni letras, así: `20` o `-3`"
                ),
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
        let digits_only = raw
            .trim_start_matches(['-', '+'])
            .bytes()
            .all(|b| b.is_ascii_digit());
        if parsed.is_none()
            && !is_float
            && digits_only
            && !raw.trim_start_matches(['-', '+']).is_empty()
        {
            // RON reads integers up to 128 bits; a scenario never needs
            // more than 64.
            let mut error = self.not_used_here(
                Phrase::new("an integer beyond 64 bits", "un entero de más de 64 bits"),
                Phrase::new(
                    "a whole number between -9223372036854775808 and 9223372036854775807",
                    "un número entero entre -9223372036854775808 y 9223372036854775807",
                ),
            );
            error.offset = start as u32;
            return Err(error);
        }
        parsed.ok_or_else(|| {
            self.error_at(
                start,
                self.not_a_number(start),
                msg!(
                    "write whole numbers like `3` or `-2`",
                    "escribe los números enteros así: `3` o `-2`"
                ),
            )
        })
    }

    pub(super) fn not_a_number(&self, start: usize) -> Bilingual {
        msg!(
            "`{written}` is not a valid number",
            "`{written}` no es un número válido",
            written = self.text[start..self.pos],
        )
    }

    pub(super) fn string(&mut self) -> Result<StrLit<'a>, SyntaxError> {
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
                        msg!("this text is never closed", "este texto no se cierra nunca"),
                        msg!(
                            "end the text with a `\"`; write `\\\"` for a quote inside a text",
                            "termina el texto con `\"`; para poner comillas dentro de un texto, escribe `\\\"`"
                        ),
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
                    if self.peek() == Some(b'\n') {
                        // A backslash at the end of a line joins the lines.
                        self.pos += 1;
                        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                            self.pos += 1;
                        }
                        continue;
                    }
                    let c = self.escape(escape_at, false)?;
                    text.push(c);
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

    pub(super) fn raw_string(&mut self) -> Result<StrLit<'a>, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut hashes = 0usize;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.expect(
            b'"',
            Phrase::new(
                "a raw text starts with `r\"` or `r#\"`",
                "un texto literal empieza por `r\"` o `r#\"`",
            ),
        )?;
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
                msg!(
                    "this raw text is never closed",
                    "este texto literal no se cierra nunca"
                ),
                msg!("end it with `{closing}`", "termínalo con `{closing}`"),
            )),
        }
    }

    /// The character of the escape whose `\` is at `escape_at`, with the
    /// cursor just after the backslash; leaves the cursor after the escape.
    /// The escapes are RON's: `\n \r \t \0 \\ \" \'`, `\u{e9}` and
    /// `\x41` (ASCII only: RON's multi-byte `\xC3\xA9` is refused).
    fn escape(&mut self, escape_at: usize, in_char: bool) -> Result<char, SyntaxError> {
        let simple = match self.peek() {
            Some(b'n') => Some('\n'),
            Some(b't') => Some('\t'),
            Some(b'r') => Some('\r'),
            Some(b'0') => Some('\0'),
            Some(b'\\') => Some('\\'),
            Some(b'"') => Some('"'),
            Some(b'\'') => Some('\''),
            _ => None,
        };
        if let Some(c) = simple {
            self.pos += 1;
            return Ok(c);
        }
        match self.peek() {
            Some(b'u') if self.peek_at(1) == Some(b'{') => {
                self.pos += 2;
                let hex_start = self.pos;
                while self.peek().is_some_and(|b| b.is_ascii_hexdigit()) && self.pos - hex_start < 6 {
                    self.pos += 1;
                }
                let code = u32::from_str_radix(&self.text[hex_start..self.pos], 16)
                    .ok()
                    .and_then(char::from_u32);
                match (code, self.peek()) {
                    (Some(c), Some(b'}')) => {
                        self.pos += 1;
                        Ok(c)
                    }
                    _ => Err(self.error_at(
                        escape_at,
                        msg!(
                            "invalid `\\u{{...}}` escape",
                            "secuencia `\\u{{...}}` no válida"
                        ),
                        msg!(
                            "write the character itself, or a hex code like `\\u{{e9}}`",
                            "escribe el carácter tal cual, o su código hexadecimal, como `\\u{{e9}}`"
                        ),
                    )),
                }
            }
            Some(b'x') => {
                let hex = self.text.get(self.pos + 1..self.pos + 3).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(byte) if hex.bytes().all(|b| b.is_ascii_hexdigit()) && byte.is_ascii() => {
                        self.pos += 3;
                        Ok(byte as char)
                    }
                    Ok(_) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        let mut error = self.not_used_here(
                            Phrase::new(
                                "a `\\x` escape of a non-ASCII byte",
                                "una secuencia `\\x` de un byte no ASCII",
                            ),
                            Phrase::new(
                                "the character itself, or `\\u{...}` with its code,",
                                "el carácter tal cual, o `\\u{...}` con su código,",
                            ),
                        );
                        error.offset = escape_at as u32;
                        Err(error)
                    }
                    _ => Err(self.error_at(
                        escape_at,
                        msg!(
                            "invalid `\\x` escape: two hex digits must follow",
                            "secuencia `\\x` no válida: deben seguir dos cifras hexadecimales"
                        ),
                        msg!(
                            "write the character itself, or `\\x41` for `A`",
                            "escribe el carácter tal cual, o `\\x41` para la `A`"
                        ),
                    )),
                }
            }
            _ if in_char => Err(self.error_at(
                escape_at,
                msg!(
                    "unknown escape in a character",
                    "secuencia de escape desconocida en un carácter"
                ),
                quotes_hint(),
            )),
            _ => Err(self.error_at(
                escape_at,
                msg!(
                    "unknown escape in a text",
                    "secuencia de escape desconocida en un texto"
                ),
                msg!(
                    "inside a text write `\\\\` for a backslash, `\\\"` for a quote and `\\n` for a new line",
                    "dentro de un texto escribe `\\\\` para una barra invertida, `\\\"` para unas comillas y `\\n` para un salto de línea"
                ),
            )),
        }
    }

    pub(super) fn char_lit(&mut self) -> Result<char, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let c = if self.peek() == Some(b'\\') {
            let escape_at = self.pos;
            self.pos += 1;
            self.escape(escape_at, true)?
        } else {
            match self.text[self.pos..].chars().next() {
                Some(c) => {
                    self.pos += c.len_utf8();
                    c
                }
                None => '\0',
            }
        };
        if self.peek() != Some(b'\'') {
            return Err(self.error_at(
                open,
                msg!(
                    "a single quote starts a one-character value here",
                    "aquí una comilla simple abre un valor de un solo carácter"
                ),
                quotes_hint(),
            ));
        }
        self.pos += 1;
        Ok(c)
    }

    /// A number written with a type suffix (`1u8`, `2.5f32`): valid RON,
    /// not used in scenario files; `start..bare_end` is the number without
    /// its suffix, which the hint offers instead.
    fn type_suffix(&self, start: usize, bare_end: usize) -> SyntaxError {
        let bare = self.text[start..bare_end].to_string();
        let mut error = self.not_used_here(
            Phrase::new(
                "a number with a type suffix",
                "un número con sufijo de tipo",
            ),
            Phrase::new(&bare, &bare),
        );
        error.offset = start as u32;
        error
    }
}
