//! Diagnostics: what is wrong in a scenario file, where, and how to fix it.
//!
//! Every message and hint is written in both languages where it is made
//! (with [`msg!`]), so a diagnostic can be shown in either without a
//! second pass; the words around it (`error`, `help`...) come from
//! [`crate::i18n`].

use crate::lang::{Bilingual, Lang, msg};
use crate::source::{LineCol, LineIndex, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthChar;

mod suggest;

pub use suggest::{MAX_SUGGEST_CHARS, SUGGEST_BUDGET_PER_CALL, closest, closest_within};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The scenario cannot be played until this is fixed.
    Error,
    /// The scenario plays, but something is probably not what the trainer meant.
    Warning,
}

/// Stable codes, so trainers (and tests) can look a problem up by number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Code {
    /// RON syntax error.
    E001,
    /// Unknown field.
    E002,
    /// Missing required field.
    E003,
    /// Value of the wrong type.
    E004,
    /// Unknown name (enum variant) where one of a fixed list is expected.
    E005,
    /// Duplicate field or duplicate node id.
    E006,
    /// Unsupported format version.
    E007,
    /// Value out of its allowed range.
    E008,
    /// The start node does not exist.
    E010,
    /// A `next`, route or timeout names a node that does not exist.
    E011,
    /// Two choices of one node share an id.
    E012,
    /// A node that is not an ending offers no choices.
    E013,
    /// No ending can be reached from the start.
    E014,
    /// A node from which no ending can be reached (a loop with no way out).
    E015,
    /// Keep, break or confirm of a promise that no choice or node makes.
    E016,
    /// Unknown `{placeholder}` in a text.
    E017,
    /// Empty text.
    E018,
    /// More than nine choices (they are chosen with the keys 1–9).
    E019,
    /// A conditional route without `otherwise`.
    E020,
    /// A random route whose weights are all zero.
    E021,
    /// File larger than the limit.
    E022,
    /// More nodes than the limit.
    E023,
    /// A text longer than the limit.
    E024,
    /// Values nested deeper than the limit.
    E025,
    /// More errors in one file than are listed; the rest are counted.
    E026,
    /// The two language versions of a scenario differ in structure.
    E030,
    /// A file could not be read.
    E031,
    /// Two files declare the same id and language.
    E032,
    /// An ending's claim does not hold on some path that reaches it.
    E040,
    /// Unreachable node.
    W001,
    /// A flag is tested but never set.
    W002,
    /// A promise is made but never kept or broken by any choice or node.
    W003,
    /// A strategy that fails the customer keeps them too often.
    W004,
    /// Always pleasing the customer most keeps them through an unrealistic promise.
    W005,
    /// The best path does not keep the customer.
    W006,
    /// An unrealistic promise is the most pleasing or most empathic reply.
    W007,
    /// The endings' claims could not be proven within the analysis budget.
    W008,
    /// More warnings in one file than are listed; the rest are counted.
    W009,
}

impl Code {
    /// The severity of a code: `W` codes are warnings, the rest errors.
    pub fn severity(self) -> Severity {
        // Exhaustive on purpose: a new code must be given its severity here.
        match self {
            Code::W001
            | Code::W002
            | Code::W003
            | Code::W004
            | Code::W005
            | Code::W006
            | Code::W007
            | Code::W008
            | Code::W009 => Severity::Warning,
            Code::E001
            | Code::E002
            | Code::E003
            | Code::E004
            | Code::E005
            | Code::E006
            | Code::E007
            | Code::E008
            | Code::E010
            | Code::E011
            | Code::E012
            | Code::E013
            | Code::E014
            | Code::E015
            | Code::E016
            | Code::E017
            | Code::E018
            | Code::E019
            | Code::E020
            | Code::E021
            | Code::E022
            | Code::E023
            | Code::E024
            | Code::E025
            | Code::E026
            | Code::E030
            | Code::E031
            | Code::E032
            | Code::E040 => Severity::Error,
        }
    }

    /// The code as written in messages, e.g. `E011`.
    pub fn as_str(self) -> String {
        format!("{self:?}")
    }
}

/// One problem found in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code such as `E011`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The file, as given by the caller.
    pub file: PathBuf,
    /// Where the offending value starts.
    pub start: LineCol,
    /// Where it ends.
    pub end: LineCol,
    /// Byte range, for tools that want it.
    pub span: Span,
    /// What is wrong, in one sentence, in both languages.
    pub message: Bilingual,
    /// How to fix it, in both languages.
    pub hint: Bilingual,
    /// The part of the source line around the value, for showing a caret
    /// under it. Bounded: a diagnostic on a line of a million characters
    /// keeps only about [`SNIPPET_CHARS`] characters each side of its column.
    #[serde(default)]
    pub snippet: Snippet,
    /// A second place involved (e.g. the other language's file), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
    /// On an `E026`/`W009` only: the problems it stands for, found but
    /// not listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_listed: Option<NotListed>,
    /// A machine-applicable fix: replace [`Fix::span`] with
    /// [`Fix::replacement`], so an editor can offer "Fix" in one click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// A change that fixes a diagnostic: replace a byte range of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// The bytes to replace (empty to insert).
    pub span: Span,
    /// What to put there.
    pub replacement: String,
    /// What the fix does, in both languages.
    pub label: Bilingual,
    /// The source line as it reads once fixed, when it is short enough to
    /// show (at most [`FIX_PREVIEW_CHARS`] characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
}

/// Longest fixed line shown under a diagnostic.
pub const FIX_PREVIEW_CHARS: usize = 2 * SNIPPET_CHARS;

impl Fix {
    /// `text` with this fix applied, or `None` when its span does not lie
    /// on character boundaries of `text` (the file changed since).
    pub fn apply(&self, text: &str) -> Option<String> {
        let range = self.span.start as usize..self.span.end as usize;
        let head = text.get(..range.start)?;
        let tail = text.get(range.end..)?;
        Some(format!("{head}{}{tail}", self.replacement))
    }
}

/// How many problems were found in a file beyond those listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotListed {
    /// Errors not listed.
    pub errors: usize,
    /// Warnings not listed.
    pub warnings: usize,
}

/// Characters of the source line kept on each side of a diagnostic's column.
pub const SNIPPET_CHARS: usize = 60;

/// Longest message or hint kept, in characters; a longer one is cut with `…`.
const MAX_MESSAGE_CHARS: usize = 1_000;

/// Longest quoted name (`` `id` `` or `"id"`) kept whole in a message or
/// hint: a longer one is shown by its start and end.
const MAX_QUOTED_CHARS: usize = 64;

/// A window of a source line: at most [`SNIPPET_CHARS`] characters before
/// a diagnostic's column, and at most twice that in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The characters shown, as in the file (tabs and control characters
    /// are made printable only when rendered).
    pub text: String,
    /// The 1-based column of the first character of `text` in its line;
    /// more than 1 when the start of the line was left out.
    pub first_col: u32,
    /// True when the line goes on after `text`.
    pub cut_after: bool,
}

/// A second location named by a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// The other file.
    pub file: PathBuf,
    /// Where in it.
    pub start: LineCol,
    /// What is there, in both languages.
    pub message: Bilingual,
}

impl Diagnostic {
    /// The errors and warnings this diagnostic counts for in a summary:
    /// itself, or for an `E026`/`W009` the problems it stands for.
    pub fn counts(&self) -> (usize, usize) {
        match (self.not_listed, self.severity) {
            (Some(n), _) => (n.errors, n.warnings),
            (None, Severity::Error) => (1, 0),
            (None, Severity::Warning) => (0, 1),
        }
    }

    /// `file:line:col`, the way editors and terminals recognise it.
    pub fn location(&self) -> String {
        format!("{}:{}", self.file.display(), self.start)
    }

    /// Renders the diagnostic the way rustc does, in `lang`: location,
    /// code and message, the source line with a caret, then the hint.
    pub fn render(&self, lang: Lang) -> String {
        let t = lang.texts();
        let mut out = String::new();
        let level = match self.severity {
            Severity::Error => t.diag_error,
            Severity::Warning => t.diag_warning,
        };
        let _ = writeln!(
            out,
            "{}: {}[{}]: {}",
            self.location(),
            level,
            self.code.as_str(),
            self.message.get(lang)
        );
        if !self.snippet.text.is_empty() {
            let gutter = self.start.line.to_string().len();
            let (line, pad, width) = self.snippet_lines();
            let _ = writeln!(out, "{:gutter$} |", "");
            let _ = writeln!(out, "{} | {line}", self.start.line);
            let _ = writeln!(
                out,
                "{:gutter$} | {}{}",
                "",
                " ".repeat(pad),
                "^".repeat(width)
            );
        }
        if let Some(related) = &self.related {
            let _ = writeln!(
                out,
                "  = {}: {}:{}: {}",
                t.diag_note,
                related.file.display(),
                related.start,
                related.message.get(lang)
            );
        }
        let hint = self.hint.get(lang);
        if !hint.is_empty() {
            let _ = writeln!(out, "  = {}: {hint}", t.diag_help);
        }
        if let Some(fix) = &self.fix {
            // Like ripgrep's and rustc's suggestions: say what to do, then
            // show the line as it reads once done.
            let _ = writeln!(out, "  = {}: {}", t.diag_fix, fix.label.get(lang));
            if let Some(preview) = &fix.preview {
                let gutter = self.start.line.to_string().len();
                let shown: String = preview
                    .chars()
                    .map(|c| {
                        if c == '\t' {
                            "    ".to_string()
                        } else if crate::terminal::is_unsafe(c) {
                            crate::terminal::escaped(c)
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
                let _ = writeln!(out, "{} | {shown}", self.start.line);
                let _ = writeln!(out, "{:gutter$} |", "");
            }
        }
        out
    }
}

impl Diagnostic {
    /// The snippet as shown, the caret's distance from its start and the
    /// caret's width, all in terminal cells. Tabs become four spaces and
    /// control characters their `\u{..}` escapes in the line and in the
    /// count alike; wide characters take two cells and combining marks
    /// none, so the caret sits under the value whatever precedes it.
    fn snippet_lines(&self) -> (String, usize, usize) {
        let snippet = &self.snippet;
        let mut line = String::new();
        let mut cells = 0usize;
        let (mut pad, mut width) = (None, 0usize);
        if snippet.first_col > 1 {
            line.push('…');
            cells += 1;
        }
        let same_line = self.end.line == self.start.line;
        for (i, c) in snippet.text.chars().enumerate() {
            let col = snippet.first_col as usize + i;
            if col == self.start.col as usize {
                pad = Some(cells);
            }
            let shown: Cow<str> = if c == '\t' {
                Cow::Borrowed("    ")
            } else if crate::terminal::is_unsafe(c) {
                Cow::Owned(crate::terminal::escaped(c))
            } else {
                let mut one = String::new();
                one.push(c);
                Cow::Owned(one)
            };
            let cell_width = if c == '\t' || crate::terminal::is_unsafe(c) {
                shown.chars().count()
            } else {
                UnicodeWidthChar::width(c).unwrap_or(0)
            };
            if col >= self.start.col as usize && (!same_line || col < self.end.col as usize) {
                width += cell_width;
            }
            line.push_str(&shown);
            cells += cell_width;
        }
        if snippet.cut_after {
            line.push('…');
        }
        // A value at the very end of the line (a missing `)`) points just
        // after the last character.
        let pad = pad.unwrap_or(cells);
        (line, pad, width.clamp(1, 80))
    }
}

/// `text` with long quoted names shortened and the whole cut to
/// [`MAX_MESSAGE_CHARS`]: a message quotes ids from the file, and an id can
/// be a million characters long.
fn bounded(text: String) -> String {
    if text.len() <= MAX_QUOTED_CHARS {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len().min(MAX_MESSAGE_CHARS * 4));
    let mut i = 0;
    let mut changed = false;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        if c == '`' || c == '"' {
            if let Some(len) = chars[i..].iter().position(|&d| d == c)
                && len > MAX_QUOTED_CHARS
            {
                let head = MAX_QUOTED_CHARS * 3 / 4;
                let tail = MAX_QUOTED_CHARS - head;
                out.extend(&chars[i..i + head]);
                out.push('…');
                out.extend(&chars[i + len - tail..i + len]);
                i += len;
                changed = true;
            }
            // Copy up to and including the closing quote as it is.
            if let Some(len) = chars[i..].iter().position(|&d| d == c) {
                out.extend(&chars[i..=i + len]);
                i += len + 1;
            }
        }
    }
    let out = if changed { out } else { text };
    if out.chars().count() > MAX_MESSAGE_CHARS {
        let mut cut: String = out.chars().take(MAX_MESSAGE_CHARS).collect();
        cut.push('…');
        cut
    } else {
        out
    }
}

fn bounded_bilingual(text: Bilingual) -> Bilingual {
    Bilingual {
        en: bounded(text.en),
        es: bounded(text.es),
    }
}

/// Most diagnostics kept for one file. A 2 MiB file can hold a million
/// mistakes (`tags: [0, 0, 0, …]`); past this many, the rest are counted,
/// not kept, and one last diagnostic says how many there were, so memory
/// stays small whatever the file.
pub const MAX_KEPT_PER_FILE: usize = 10_000;

/// Collects diagnostics for one file, turning spans into `line:col`.
pub struct Reporter<'t> {
    file: PathBuf,
    text: &'t str,
    index: LineIndex,
    /// Everything reported so far, in the order found (at most
    /// [`MAX_KEPT_PER_FILE`]).
    pub diagnostics: Vec<Diagnostic>,
    /// Codes reported, kept or not.
    codes: std::collections::HashSet<Code>,
    /// What was reported where: a value shared by several replies (a
    /// node's default `next`) is resolved once per reply, and its mistake
    /// is listed once.
    seen: std::collections::HashSet<(Code, Span, String)>,
    /// Diagnostics counted but not kept, and how many of them are errors.
    not_kept: usize,
    not_kept_errors: usize,
}

impl<'t> Reporter<'t> {
    /// A reporter for `text`, read from `file`.
    pub fn new(file: &Path, text: &'t str) -> Self {
        Reporter {
            file: file.to_path_buf(),
            text,
            index: LineIndex::new(text),
            diagnostics: Vec::new(),
            codes: std::collections::HashSet::new(),
            seen: std::collections::HashSet::new(),
            not_kept: 0,
            not_kept_errors: 0,
        }
    }

    /// True when a diagnostic with `code` was reported (kept or not).
    pub fn reported(&self, code: Code) -> bool {
        self.codes.contains(&code)
    }

    /// The diagnostics kept, and when some were only counted, one more at
    /// the start of the file saying how many.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut diagnostics = self.diagnostics;
        if self.not_kept > 0 {
            let (n, errors, max) = (self.not_kept, self.not_kept_errors, MAX_KEPT_PER_FILE);
            let code = if errors > 0 { Code::E026 } else { Code::W009 };
            let message = msg!(
                "{n} more problems ({errors} of them errors) were found in this file and are not listed: only the first {max} are",
                "se encontraron {n} problemas más en este archivo ({errors} de ellos errores) que no se listan: solo se listan los {max} primeros"
            );
            let hint = msg!(
                "fix the problems listed and check again; this many usually means one mistake repeated, or a file that is not a scenario",
                "corrige los problemas listados y vuelve a comprobar; tantos suelen ser un mismo error repetido, o un archivo que no es un escenario"
            );
            let reporter = Reporter::new(&self.file, "");
            let mut summary = reporter.make(code, Span::default(), message, hint);
            summary.not_listed = Some(NotListed {
                errors,
                warnings: n - errors,
            });
            diagnostics.push(summary);
        }
        diagnostics
    }

    /// The file's line/column for a byte offset.
    pub fn line_col(&self, offset: u32) -> LineCol {
        self.index.line_col(self.text, offset)
    }

    /// Builds a diagnostic without recording it.
    pub fn make(&self, code: Code, span: Span, message: Bilingual, hint: Bilingual) -> Diagnostic {
        let start = self.line_col(span.start);
        let end = self.line_col(span.end.max(span.start));
        Diagnostic {
            code,
            severity: code.severity(),
            file: self.file.clone(),
            start,
            end,
            span,
            message: bounded_bilingual(message),
            hint: bounded_bilingual(hint),
            snippet: self.snippet(span.start, start),
            related: None,
            not_listed: None,
            fix: None,
        }
    }

    /// A [`Fix`] that replaces `span` with `replacement`, with a preview of
    /// the fixed line when the fix stays on one short line.
    pub fn fix(&self, span: Span, replacement: &str, label: Bilingual) -> Fix {
        let at = self.line_col(span.start);
        let preview = self.index.line_start(at.line).and_then(|line_start| {
            let rest = self.text.get(line_start..)?;
            let line_end = line_start + rest.find(['\n', '\r']).unwrap_or(rest.len());
            let (start, end) = (span.start as usize, span.end as usize);
            if start < line_start || end > line_end {
                return None;
            }
            let fixed = format!(
                "{}{replacement}{}",
                self.text.get(line_start..start)?,
                self.text.get(end..line_end)?
            );
            (fixed.chars().count() <= FIX_PREVIEW_CHARS && !fixed.contains(['\n', '\r']))
                .then_some(fixed)
        });
        Fix {
            span,
            replacement: replacement.to_string(),
            label: bounded_bilingual(label),
            preview,
        }
    }

    /// The window of the source line around byte `offset` (at `at`).
    fn snippet(&self, offset: u32, at: LineCol) -> Snippet {
        let Some(line_start) = self.index.line_start(at.line) else {
            return Snippet::default();
        };
        let mut offset = (offset as usize).clamp(line_start, self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // Back at most SNIPPET_CHARS characters, never past the line start.
        let before = &self.text[line_start..offset];
        let (from, taken) = before
            .char_indices()
            .rev()
            .take(SNIPPET_CHARS)
            .fold((offset, 0u32), |(_, n), (i, _)| (line_start + i, n + 1));
        // Forward up to the line break, at most what is left of a window of
        // twice SNIPPET_CHARS: a value near the start of a line of normal
        // length shows the whole line.
        let ahead = 2 * SNIPPET_CHARS - taken as usize;
        let mut to = offset;
        let mut cut_after = false;
        for (n, (i, c)) in self.text[offset..].char_indices().enumerate() {
            if c == '\n' || c == '\r' {
                break;
            }
            if n == ahead {
                cut_after = true;
                break;
            }
            to = offset + i + c.len_utf8();
        }
        Snippet {
            text: self.text[from..to].to_string(),
            first_col: at.col.saturating_sub(taken).max(1),
            cut_after,
        }
    }

    /// Records a diagnostic; `message` and `hint` are usually [`msg!`]s.
    /// Past [`MAX_KEPT_PER_FILE`] it is only counted.
    pub fn report(&mut self, code: Code, span: Span, message: Bilingual, hint: Bilingual) {
        // Bounded: past the kept limit, diagnostics are only counted.
        if self.diagnostics.len() < MAX_KEPT_PER_FILE
            && !self.seen.insert((code, span, message.en.clone()))
        {
            return;
        }
        self.codes.insert(code);
        if self.diagnostics.len() >= MAX_KEPT_PER_FILE {
            self.not_kept += 1;
            if code.severity() == Severity::Error {
                self.not_kept_errors += 1;
            }
            return;
        }
        let diagnostic = self.make(code, span, message, hint);
        self.diagnostics.push(diagnostic);
    }

    /// Records a diagnostic that carries a machine-applicable fix.
    pub fn report_with_fix(
        &mut self,
        code: Code,
        span: Span,
        message: Bilingual,
        hint: Bilingual,
        fix: Fix,
    ) {
        let kept = self.diagnostics.len();
        self.report(code, span, message, hint);
        if let Some(diagnostic) = self.diagnostics.get_mut(kept) {
            diagnostic.fix = Some(fix);
        }
    }

    /// True when an error (not just a warning) has been reported.
    pub fn has_errors(&self) -> bool {
        self.not_kept_errors > 0
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
    }
}

/// Most diagnostics of one file that the text output shows; the rest are
/// counted ("and N more"), and `--json` gives them all.
pub const MAX_SHOWN_PER_FILE: usize = 100;

/// Writes the diagnostics of one file as text in `lang`: the first
/// [`MAX_SHOWN_PER_FILE`] rendered, then how many more there are.
pub fn write_text(
    diagnostics: &[Diagnostic],
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for diagnostic in diagnostics.iter().take(MAX_SHOWN_PER_FILE) {
        writeln!(out, "{}", diagnostic.render(lang))?;
    }
    let more = diagnostics.len().saturating_sub(MAX_SHOWN_PER_FILE);
    if more > 0 {
        let t = lang.texts();
        let file = diagnostics[0].file.display().to_string();
        writeln!(
            out,
            "{}\n",
            crate::i18n::fill(
                t.diag_more,
                &[("count", &more.to_string()), ("file", &file)]
            )
        )?;
    }
    Ok(())
}

/// Writes diagnostics as a JSON array, one at a time through a small
/// buffer, so that the output is never held whole in memory.
pub fn write_json<'d>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    write!(out, "[")?;
    for (i, diagnostic) in diagnostics.into_iter().enumerate() {
        writeln!(out, "{}", if i == 0 { "" } else { "," })?;
        serde_json::to_writer_pretty(&mut out, diagnostic).map_err(std::io::Error::other)?;
    }
    writeln!(out, "\n]")?;
    out.flush()
}

/// Sorts diagnostics by file, then position, then code, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    // Compare paths as bytes: `Path`'s own ordering walks components,
    // which is slow when thousands of diagnostics share one file.
    diagnostics.sort_by(|a, b| {
        (a.file.as_os_str(), a.start, a.code, &a.message).cmp(&(
            b.file.as_os_str(),
            b.start,
            b.code,
            &b.message,
        ))
    });
}

#[cfg(test)]
mod tests;
