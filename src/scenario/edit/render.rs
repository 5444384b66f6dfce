//! New values written the way a trainer would write them by hand: RON
//! text in the file's own indentation, small values on one line, nodes,
//! replies and their lists one item per line.

/// A value to write into a file.
#[derive(Debug, Clone, PartialEq)]
pub enum New {
    /// A text, written in double quotes with escapes.
    Str(String),
    /// A number, a boolean or a bare name (`Kept`, `Customer`), written as is.
    Raw(String),
    /// `Name(field: value, ...)` or `(field: value, ...)`.
    Struct {
        /// The name before the parenthesis, if any.
        name: Option<String>,
        /// The fields in order.
        fields: Vec<(String, New)>,
        /// One field per line.
        block: bool,
    },
    /// `Name(a, b)`, e.g. `Keep("p")` or `MoodAtLeast(60)`.
    Tuple {
        /// The name before the parenthesis.
        name: String,
        /// The items.
        items: Vec<New>,
    },
    /// `[a, b]`.
    List {
        /// The items.
        items: Vec<New>,
        /// One item per line.
        block: bool,
    },
}

impl New {
    /// A text value.
    pub fn str(text: impl Into<String>) -> New {
        New::Str(text.into())
    }

    /// A number or bare name.
    pub fn raw(text: impl Into<String>) -> New {
        New::Raw(text.into())
    }

    /// A struct written on one line.
    pub fn inline(name: Option<&str>, fields: Vec<(&str, New)>) -> New {
        New::Struct {
            name: name.map(str::to_string),
            fields: fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            block: false,
        }
    }

    /// A struct written one field per line.
    pub fn block(name: Option<&str>, fields: Vec<(&str, New)>) -> New {
        New::Struct {
            name: name.map(str::to_string),
            fields: fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            block: true,
        }
    }

    /// `Name(items)`.
    pub fn tuple(name: &str, items: Vec<New>) -> New {
        New::Tuple {
            name: name.to_string(),
            items,
        }
    }

    /// A list on one line.
    pub fn list(items: Vec<New>) -> New {
        New::List {
            items,
            block: false,
        }
    }

    /// A list one item per line.
    pub fn block_list(items: Vec<New>) -> New {
        New::List { items, block: true }
    }

    /// True when written over several lines.
    pub fn is_block(&self) -> bool {
        match self {
            New::Struct { block, fields, .. } => *block && !fields.is_empty(),
            New::List { block, items } => *block && !items.is_empty(),
            New::Tuple { items, .. } => items.iter().any(New::is_block),
            _ => false,
        }
    }

    /// The value as RON text; lines after the first start with `base`,
    /// one more `unit` per level of nesting.
    pub fn render(&self, unit: &str, base: &str) -> String {
        let mut out = String::new();
        self.write(&mut out, unit, base);
        out
    }

    fn write(&self, out: &mut String, unit: &str, base: &str) {
        match self {
            New::Str(text) => out.push_str(&quote(text)),
            New::Raw(text) => out.push_str(text),
            New::Tuple { name, items } => {
                out.push_str(name);
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, unit, base);
                }
                out.push(')');
            }
            New::Struct {
                name,
                fields,
                block,
            } => {
                if let Some(name) = name {
                    out.push_str(name);
                }
                out.push('(');
                let inner = format!("{base}{unit}");
                for (i, (key, value)) in fields.iter().enumerate() {
                    if *block {
                        out.push('\n');
                        out.push_str(&inner);
                    } else if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(key);
                    out.push_str(": ");
                    value.write(out, unit, &inner);
                    if *block {
                        out.push(',');
                    }
                }
                if *block && !fields.is_empty() {
                    out.push('\n');
                    out.push_str(base);
                }
                out.push(')');
            }
            New::List { items, block } => {
                out.push('[');
                let inner = format!("{base}{unit}");
                for (i, item) in items.iter().enumerate() {
                    if *block {
                        out.push('\n');
                        out.push_str(&inner);
                    } else if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, unit, &inner);
                    if *block {
                        out.push(',');
                    }
                }
                if *block && !items.is_empty() {
                    out.push('\n');
                    out.push_str(base);
                }
                out.push(']');
            }
        }
    }
}

/// A text as a RON string literal: quotes, backslashes and control
/// characters escaped, everything else (accents, `¿`) kept as typed.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The file's indentation step: the indentation of the first indented
/// line (four spaces in the shipped files), or four spaces.
pub fn indent_unit(text: &str) -> String {
    for line in text.lines().take(10_000) {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if !indent.is_empty() && indent.len() < line.len() {
            if indent.starts_with('\t') {
                return "\t".to_string();
            }
            return indent;
        }
    }
    "    ".to_string()
}

/// The indentation of the line holding byte `pos`.
pub fn line_indent(text: &str, pos: usize) -> &str {
    let start = line_start(text, pos);
    let rest = &text[start..];
    let len = rest
        .bytes()
        .take_while(|b| *b == b' ' || *b == b'\t')
        .count();
    &rest[..len]
}

/// The byte where the line holding `pos` starts.
pub fn line_start(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .rposition(|b| *b == b'\n' || *b == b'\r')
        .map_or(0, |i| i + 1)
}

/// True when only spaces and tabs stand between the line start and `pos`.
pub fn first_on_line(text: &str, pos: usize) -> bool {
    let start = line_start(text, pos);
    text.as_bytes()[start..pos.min(text.len())]
        .iter()
        .all(|b| *b == b' ' || *b == b'\t')
}

/// The file's line break (`\r\n` when its first break is one).
pub fn line_break(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_by_hand() {
        let choice = New::block(
            Some("Choice"),
            vec![
                ("id", New::str("a")),
                ("text", New::str("Say \"hi\"\n")),
                (
                    "effects",
                    New::inline(None, vec![("empathy", New::raw("2"))]),
                ),
                ("next", New::str("end")),
            ],
        );
        assert_eq!(
            choice.render("  ", "    "),
            "Choice(\n      id: \"a\",\n      text: \"Say \\\"hi\\\"\\n\",\n      effects: (empathy: 2),\n      next: \"end\",\n    )"
        );
        assert_eq!(
            New::list(vec![New::tuple("Keep", vec![New::str("p")])]).render("    ", ""),
            "[Keep(\"p\")]"
        );
    }

    #[test]
    fn indentation_is_the_files_own() {
        assert_eq!(indent_unit("A(\n\tb: 1,\n)"), "\t");
        assert_eq!(indent_unit("A(\n  b: 1,\n)"), "  ");
        assert_eq!(indent_unit("A()"), "    ");
        assert_eq!(line_indent("x\n    y", 7), "    ");
        assert!(first_on_line("x\n    y", 6));
        assert!(!first_on_line("x y", 2));
        assert_eq!(line_break("a\r\nb"), "\r\n");
    }
}
