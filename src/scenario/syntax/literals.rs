//! Literals: numbers, strings (with escapes, and raw strings) and chars.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn number(&mut self) -> Result<Kind<'a>, SyntaxError> {
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
                                        msg!(
                                            "invalid `\\u{{...}}` escape",
                                            "secuencia `\\u{{...}}` no válida"
                                        ),
                                        msg!(
                                            "write the character itself, or a hex code like `\\u{{e9}}`",
                                            "escribe el carácter tal cual, o su código hexadecimal, como `\\u{{e9}}`"
                                        ),
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
                                msg!(
                                    "unknown escape in a text",
                                    "secuencia de escape desconocida en un texto"
                                ),
                                msg!(
                                    "inside a text write `\\\\` for a backslash, `\\\"` for a quote and `\\n` for a new line",
                                    "dentro de un texto escribe `\\\\` para una barra invertida, `\\\"` para unas comillas y `\\n` para un salto de línea"
                                ),
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

    pub(super) fn char_lit(&mut self) -> Result<char, SyntaxError> {
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
                        msg!(
                            "unknown escape in a character",
                            "secuencia de escape desconocida en un carácter"
                        ),
                        quotes_hint(),
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
}
