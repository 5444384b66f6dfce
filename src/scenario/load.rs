//! The load pipeline, one step after another: read the file, parse the
//! RON syntax, decode the scenario, resolve its names, check it.

use super::check;
use super::decode::decode;
use super::file::{Limits, file_too_large, read_text};
use super::model::{Scenario, SourceInfo};
use super::resolve::resolve;
use super::syntax::{self, Bump};
use crate::diagnostic::{self, Code, Diagnostic, Reporter, Severity};
use crate::hash::content_hash;
use crate::source::Span;
use std::path::{Path, PathBuf};

/// A scenario file after loading: the scenario (when the file could be
/// read at all) and every problem found in it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file.
    pub path: PathBuf,
    /// The scenario, present even when it has errors so that the library
    /// can show its title next to its diagnostics.
    pub scenario: Option<Scenario>,
    /// Errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// True when the file has no errors (warnings are allowed).
    pub fn is_playable(&self) -> bool {
        self.scenario.is_some() && self.errors().next().is_none()
    }

    /// The scenario, if it can be played.
    pub fn playable(&self) -> Option<&Scenario> {
        if self.is_playable() {
            self.scenario.as_ref()
        } else {
            None
        }
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }
}

/// Loads a scenario from text. `path` is used in diagnostics only.
pub fn load_str(path: &Path, text: &str, limits: &Limits) -> Loaded {
    let mut reporter = Reporter::new(path, text);
    let scenario = read(&mut reporter, text, limits).map(|mut scenario| {
        scenario.source = SourceInfo {
            path: path.to_path_buf(),
            content_hash: content_hash(text.as_bytes()),
            built_in: false,
        };
        scenario
    });
    let mut diagnostics = reporter.finish();
    diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let scenario = scenario.map(|mut scenario| {
        scenario.checked = !has_errors;
        scenario
    });
    Loaded {
        path: path.to_path_buf(),
        scenario,
        diagnostics,
    }
}

fn read(reporter: &mut Reporter, text: &str, limits: &Limits) -> Option<Scenario> {
    if text.len() > limits.max_file_bytes {
        let (message, hint) = file_too_large(text.len() as u64, limits);
        reporter.report(Code::E022, Span::new(0, 0), message, hint);
        return None;
    }
    let arena = Bump::new();
    let root = match syntax::parse(text, &arena, limits.max_depth) {
        Ok(root) => root,
        Err(error) => {
            let code = if error.too_deep {
                Code::E025
            } else {
                Code::E001
            };
            let end = text[error.offset as usize..]
                .chars()
                .next()
                .map_or(error.offset as usize, |c| {
                    error.offset as usize + c.len_utf8()
                });
            let span = Span::new(error.offset as usize, end);
            match error.fix {
                Some(fix) => {
                    let fix = *fix;
                    let fix = reporter.fix(fix.span, &fix.replacement, fix.label);
                    reporter.report_with_fix(code, span, error.message, error.hint, fix);
                }
                None => reporter.report(code, span, error.message, error.hint),
            }
            return None;
        }
    };
    let mut scenario = decode(&root, reporter, limits);
    resolve(&mut scenario, reporter);
    check::check(&scenario, reporter);
    Some(scenario)
}

/// Loads a scenario file from disk. Unreadable files give an `E031`.
pub fn load_file(path: &Path, limits: &Limits) -> Loaded {
    match read_text(path, limits) {
        Ok(text) => load_str(path, &text, limits),
        Err(diagnostic) => Loaded {
            path: path.to_path_buf(),
            scenario: None,
            diagnostics: vec![*diagnostic],
        },
    }
}
