//! `momento check`: every problem in every file, rustc-style.

use crate::diagnostic::Severity;
use crate::library::Library;
use std::io::Write;
use std::path::PathBuf;

pub(super) fn run(
    paths: &[PathBuf],
    json: bool,
    deny_warnings: bool,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let library = if paths.is_empty() {
        Library::built_in()
    } else {
        Library::from_paths(paths)
    };
    let diagnostics: Vec<_> = library.diagnostics().cloned().collect();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    if json {
        let text = serde_json::to_string_pretty(&diagnostics).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        for diagnostic in &diagnostics {
            writeln!(out, "{}", diagnostic.render())?;
        }
        if library.entries.is_empty() {
            writeln!(out, "no scenario files found (looked for *.ron)")?;
        } else {
            for entry in &library.entries {
                let status = if entry.is_playable() { "ok" } else { "FAILED" };
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
        writeln!(
            out,
            "\nchecked {} file{}: {errors} error{}, {warnings} warning{}",
            library.entries.len(),
            if library.entries.len() == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" },
        )?;
    }
    let failed = errors > 0 || (deny_warnings && warnings > 0) || library.entries.is_empty();
    Ok(i32::from(failed))
}
