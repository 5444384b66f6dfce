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
        write_missing_twins(&library, lang, out)?;
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

/// Most "no twin" notes printed: a folder of single-language drafts
/// needs the explanation once, not a thousand times.
const MAX_TWIN_NOTES: usize = 20;

/// A note for each scenario outside an `es/` or `en/` folder whose other
/// language is not among the files checked: the folder convention is how
/// the two versions find each other, and a file outside it is never
/// compared. Not a warning: a scenario may exist in one language only.
fn write_missing_twins(library: &Library, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let t = lang.texts();
    let mut written = 0;
    for entry in &library.entries {
        let Some(scenario) = entry.scenario.as_ref() else {
            continue;
        };
        let language = scenario.language.value.as_str();
        let (other, folder, other_folder) = match language {
            "es" => (t.check_lang_en, "es", "en"),
            "en" => (t.check_lang_es, "en", "es"),
            _ => continue,
        };
        let in_language_folder = entry
            .path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|name| name.to_str())
            .is_some_and(|name| name == "es" || name == "en");
        let has_twin = library
            .entries
            .iter()
            .any(|e| e.id() == entry.id() && e.language() != language);
        if in_language_folder || has_twin || entry.id().is_empty() {
            continue;
        }
        if written == MAX_TWIN_NOTES {
            break;
        }
        written += 1;
        writeln!(
            out,
            "{}\n",
            i18n::fill(
                t.check_no_twin,
                &[
                    ("path", &entry.path.display().to_string()),
                    ("id", &entry.id()),
                    ("other", other),
                    ("folder", folder),
                    ("other_folder", other_folder),
                ],
            )
        )?;
    }
    Ok(())
}
