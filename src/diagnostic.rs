//! Diagnostics: what is wrong in a scenario file, where, and how to fix it.
//!
//! Every message and hint is written in both languages where it is made
//! (with [`msg!`]), so a diagnostic can be shown in either without a
//! second pass; the words around it (`error`, `help`...) come from
//! [`crate::i18n`].

use crate::lang::{Bilingual, Lang};
use crate::source::{LineCol, LineIndex, Span};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
            | Code::W008 => Severity::Warning,
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
    /// The source line, for showing a caret under the value.
    pub source_line: String,
    /// A second place involved (e.g. the other language's file), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Related>,
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
        if !self.source_line.is_empty() {
            let gutter = self.start.line.to_string().len();
            let _ = writeln!(out, "{:gutter$} |", "");
            let _ = writeln!(out, "{} | {}", self.start.line, self.source_line);
            let width = if self.end.line == self.start.line {
                (self.end.col.saturating_sub(self.start.col)).max(1) as usize
            } else {
                self.source_line
                    .chars()
                    .count()
                    .saturating_sub(self.start.col as usize - 1)
                    .max(1)
            };
            let pad: String = self
                .source_line
                .chars()
                .take(self.start.col as usize - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{:gutter$} | {}{}", "", pad, "^".repeat(width.min(80)));
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
        out
    }
}

/// Collects diagnostics for one file, turning spans into `line:col`.
pub struct Reporter<'t> {
    file: PathBuf,
    text: &'t str,
    index: LineIndex,
    /// Everything reported so far, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'t> Reporter<'t> {
    /// A reporter for `text`, read from `file`.
    pub fn new(file: &Path, text: &'t str) -> Self {
        Reporter {
            file: file.to_path_buf(),
            text,
            index: LineIndex::new(text),
            diagnostics: Vec::new(),
        }
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
            message,
            hint,
            source_line: self.index.line_text(self.text, start.line).to_string(),
            related: None,
        }
    }

    /// Records a diagnostic; `message` and `hint` are usually [`msg!`]s.
    pub fn report(&mut self, code: Code, span: Span, message: Bilingual, hint: Bilingual) {
        let diagnostic = self.make(code, span, message, hint);
        self.diagnostics.push(diagnostic);
    }

    /// True when an error (not just a warning) has been reported.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
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

/// Suggests the closest of `candidates` to `wrong`, for "did you mean" hints.
pub fn closest<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&wrong_lower, &c.to_lowercase()), c))
        .filter(|&(d, c)| d <= (c.chars().count() / 3).max(2))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b_chars: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b_chars.len()).collect();
    let mut current = vec![0; b_chars.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b_chars.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b_chars.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Phrase, msg};

    fn nowhere() -> Diagnostic {
        let text = "(\n  next: \"nowhere\",\n)";
        let mut reporter = Reporter::new(Path::new("s.ron"), text);
        let start = text.find("\"nowhere\"").unwrap();
        let id = "nowhere";
        reporter.report(
            Code::E011,
            Span::new(start, start + 9),
            msg!("no node is called `{id}`", "ningún nodo se llama `{id}`"),
            msg!(
                "add the node or fix the name",
                "añade el nodo o corrige el nombre"
            ),
        );
        reporter.diagnostics.remove(0)
    }

    #[test]
    fn render_shows_location_caret_and_hint() {
        let rendered = nowhere().render(Lang::En);
        assert!(rendered.starts_with("s.ron:2:9: error[E011]: no node is called `nowhere`"));
        assert!(rendered.contains("2 |   next: \"nowhere\","));
        assert!(rendered.contains("|         ^^^^^^^^^"));
        assert!(rendered.contains("= help: add the node"));
    }

    #[test]
    fn render_in_spanish_translates_message_hint_and_level_words() {
        let mut diagnostic = nowhere();
        diagnostic.severity = Severity::Warning;
        diagnostic.related = Some(Related {
            file: PathBuf::from("en.ron"),
            start: LineCol { line: 3, col: 4 },
            message: msg!("the other file", "el otro archivo"),
        });
        let rendered = diagnostic.render(Lang::Es);
        assert!(
            rendered.starts_with("s.ron:2:9: aviso[E011]: ningún nodo se llama `nowhere`\n"),
            "{rendered}"
        );
        // Same source line and caret as in English.
        assert!(rendered.contains("2 |   next: \"nowhere\","));
        assert!(rendered.contains("|         ^^^^^^^^^"));
        assert!(
            rendered.contains("  = nota: en.ron:3:4: el otro archivo\n"),
            "{rendered}"
        );
        assert!(
            rendered.contains("  = ayuda: añade el nodo o corrige el nombre\n"),
            "{rendered}"
        );
        assert!(!rendered.contains("help") && !rendered.contains("warning"));
    }

    #[test]
    fn msg_binds_shared_and_per_language_values() {
        let what = Phrase::new("the title", "el campo `title`");
        let n = 3;
        let built = msg!(
            "{what} is {n} long",
            "{what} mide {n}",
            n = n + 1,
            what => what,
        );
        assert_eq!(built.en, "the title is 4 long");
        assert_eq!(built.es, "el campo `title` mide 4");
        assert_eq!(built.get(Lang::Es), built.es);
    }

    #[test]
    fn json_carries_both_languages() {
        let json = serde_json::to_value(nowhere()).unwrap();
        assert_eq!(json["message"]["en"], "no node is called `nowhere`");
        assert_eq!(json["message"]["es"], "ningún nodo se llama `nowhere`");
        assert_eq!(json["hint"]["es"], "añade el nodo o corrige el nombre");
        let back: Diagnostic = serde_json::from_value(json).unwrap();
        assert_eq!(back, nowhere());
    }

    #[test]
    fn closest_suggests_near_names_only() {
        assert_eq!(
            closest("emphaty", ["empathy", "promise", "care"]),
            Some("empathy")
        );
        assert_eq!(closest("zzz", ["empathy", "promise"]), None);
    }

    #[test]
    fn warning_codes_are_warnings() {
        assert_eq!(Code::W001.severity(), Severity::Warning);
        assert_eq!(Code::E001.severity(), Severity::Error);
    }
}
