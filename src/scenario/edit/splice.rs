//! Text changes that touch only the bytes of the value edited: replace a
//! value, insert or remove an item of a list (or a field, or a map entry),
//! swap two items. Commas and line breaks are added or removed as a person
//! would, in the file's own indentation.

use super::locate::Items;
use super::render::{first_on_line, line_indent, line_start};

/// Replace `text[start..end]` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The new bytes.
    pub text: String,
}

impl Splice {
    /// A replacement.
    pub fn new(start: usize, end: usize, text: impl Into<String>) -> Splice {
        Splice {
            start,
            end,
            text: text.into(),
        }
    }
}

/// Applies non-overlapping splices; `None` when they overlap or fall
/// outside the text or inside a character.
pub fn apply(text: &str, mut splices: Vec<Splice>) -> Option<String> {
    splices.sort_by_key(|s| (s.start, s.end));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for splice in &splices {
        if splice.start < at
            || splice.end < splice.start
            || !text.is_char_boundary(splice.start)
            || !text.is_char_boundary(splice.end)
        {
            return None;
        }
        out.push_str(text.get(at..splice.start)?);
        out.push_str(&splice.text);
        at = splice.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// After `pos`: the byte after a comma that follows (spaces allowed before it).
fn after_comma(text: &str, pos: usize) -> Option<usize> {
    let rest = &text.as_bytes()[pos..];
    let skip = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    (rest.get(skip) == Some(&b',')).then_some(pos + skip + 1)
}

/// When only spaces or a comment follow `pos` on its line: the byte of the
/// line break (where a new line can be inserted).
fn end_of_quiet_line(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let line_len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = rest[..line_len].trim_start();
    (line.is_empty() || line.starts_with("//")).then_some(pos + line_len)
}

/// The byte after the line break that ends the line holding `pos`.
fn next_line_start(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    match rest.find(['\n', '\r']) {
        Some(i) if rest[i..].starts_with("\r\n") => pos + i + 2,
        Some(i) => pos + i + 1,
        None => text.len(),
    }
}

/// Inserts an item at `index` (at most the number of items). `render`
/// writes the item for a given indentation of its first line.
pub fn insert(
    text: &str,
    items: &Items,
    index: usize,
    unit: &str,
    newline: &str,
    multiline_item: bool,
    render: impl Fn(&str) -> String,
) -> Splice {
    let base = line_indent(text, items.open.saturating_sub(1)).to_string();
    let multiline = text[items.open..items.close].contains(['\n', '\r']);
    let index = index.min(items.spans.len());
    let Some(&(first, _)) = items.spans.first() else {
        if multiline || multiline_item {
            let inner = format!("{base}{unit}");
            return Splice::new(
                items.open,
                items.close,
                format!("{newline}{inner}{},{newline}{base}", render(&inner)),
            );
        }
        return Splice::new(items.open, items.close, render(&base));
    };
    let indent = if first_on_line(text, first) {
        line_indent(text, first).to_string()
    } else {
        format!("{base}{unit}")
    };
    let item = render(&indent);
    if multiline && first_on_line(text, first) {
        // After the item before it, so a comment above the next item
        // stays with that item.
        if index == 0 {
            return Splice::new(
                line_start(text, first),
                line_start(text, first),
                format!("{indent}{item},{newline}"),
            );
        }
        let (_, prev_end) = items.spans[index - 1];
        return match after_comma(text, prev_end) {
            Some(comma) => {
                let at = end_of_quiet_line(text, comma).unwrap_or(comma);
                Splice::new(at, at, format!("{newline}{indent}{item},"))
            }
            None if index < items.spans.len() => {
                Splice::new(prev_end, prev_end, format!(",{newline}{indent}{item},"))
            }
            None => Splice::new(prev_end, prev_end, format!(",{newline}{indent}{item}")),
        };
    }
    match items.spans.get(index) {
        Some(&(start, _)) => Splice::new(start, start, format!("{item}, ")),
        None => {
            let (_, last_end) = items.spans[items.spans.len() - 1];
            Splice::new(last_end, last_end, format!(", {item}"))
        }
    }
}

/// Removes item `index`, with its comma and, when it stands on lines of
/// its own, those lines.
pub fn remove(text: &str, items: &Items, index: usize) -> Option<Splice> {
    let &(start, end) = items.spans.get(index)?;
    let end_with_comma = after_comma(text, end).unwrap_or(end);
    if first_on_line(text, start) && end_of_quiet_line(text, end_with_comma).is_some() {
        // A comment after the item on its last line goes with it.
        return Some(Splice::new(
            line_start(text, start),
            next_line_start(text, end_with_comma),
            "",
        ));
    }
    if let Some(&(next_start, _)) = items.spans.get(index + 1) {
        return Some(Splice::new(start, next_start, ""));
    }
    if index > 0 {
        let (_, prev_end) = items.spans[index - 1];
        return Some(Splice::new(prev_end, end, ""));
    }
    Some(Splice::new(start, end_with_comma, ""))
}

/// Swaps items `a` and `b`: what lies between them (commas, comments,
/// blank lines) stays where it was.
pub fn swap(text: &str, items: &Items, a: usize, b: usize) -> Option<Vec<Splice>> {
    let &(a_start, a_end) = items.spans.get(a)?;
    let &(b_start, b_end) = items.spans.get(b)?;
    if a == b {
        return Some(Vec::new());
    }
    Some(vec![
        Splice::new(a_start, a_end, text.get(b_start..b_end)?),
        Splice::new(b_start, b_end, text.get(a_start..a_end)?),
    ])
}
