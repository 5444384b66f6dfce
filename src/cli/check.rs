//! `momento check`: every problem in every file, rustc-style.

use crate::analysis::fairness;
use crate::diagnostic::{self, Diagnostic};
use crate::i18n;
use crate::lang::Lang;
use crate::library::Library;
use std::io::Write;
use std::path::PathBuf;

pub(super) fn run(
    paths: &[PathBuf],
    json: bool,
    deny_warnings: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let t = lang.texts();
    let library = if paths.is_empty() {
        Library::built_in()
    } else {
        Library::from_paths(paths)
    };
    // Once a file plays, prove its endings' claims and audit its
    // strategies; those problems follow the file's own.
    let per_entry: Vec<Vec<Diagnostic>> = library
        .entries
        .iter()
        .map(|entry| {
            let mut all = entry.diagnostics.clone();
            if let Some(scenario) = entry.playable() {
                all.extend(fairness::diagnostics(&entry.path, &entry.text, scenario));
            }
            all
        })
        .collect();
    let all = || per_entry.iter().flatten();
    // Counted with the problems a file had beyond those listed (E026).
    let (errors, warnings) = all()
        .map(Diagnostic::counts)
        .fold((0, 0), |(e, w), (de, dw)| (e + de, w + dw));
    if json {
        // Both languages are in the JSON (`message.en`, `message.es`), so
        // `--lang` does not change it: scripts get the same output anywhere.
        // Streamed: a file with a million problems is not held as one text.
        diagnostic::write_json(all(), out)?;
    } else {
        for diagnostics in &per_entry {
            diagnostic::write_text(diagnostics, lang, out)?;
        }
        if library.entries.is_empty() {
            writeln!(out, "{}", t.check_no_files)?;
        } else {
            for entry in &library.entries {
                let status = if entry.is_playable() {
                    t.check_ok
                } else {
                    t.check_failed
                };
                let title = entry
                    .scenario
                    .as_ref()
                    .map(|s| s.title.value.clone())
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{status:>6}  {}  [{}:{}] {title}",
                    entry.path.display(),
                    entry.id(),
                    entry.language()
                )?;
            }
        }
        let summary = i18n::fill(
            t.check_summary,
            &[
                (
                    "files",
                    &i18n::count(library.entries.len(), t.check_files_one, t.check_files_many),
                ),
                (
                    "errors",
                    &i18n::count(errors, t.check_errors_one, t.check_errors_many),
                ),
                (
                    "warnings",
                    &i18n::count(warnings, t.check_warnings_one, t.check_warnings_many),
                ),
            ],
        );
        writeln!(out, "\n{summary}")?;
    }
    let failed = errors > 0 || (deny_warnings && warnings > 0) || library.entries.is_empty();
    Ok(i32::from(failed))
}
