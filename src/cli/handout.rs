//! `momento handout` and `momento debrief-pdf`: the printable handouts
//! from the command line.
//!
//! `--out` is replaced when it is already a PDF (a trainer regenerates the
//! sheet after editing the scenario, as with any build output) and refused
//! when it is any other file, so a slip such as `--out attempt.json` never
//! destroys a trainee's record. Both write atomically.

use super::load_named;
use crate::handout::save::{OutError, write_out};
use crate::handout::texts::texts;
use crate::handout::{Handout, HandoutError, exact_review, facilitator_sheet, trainee_debrief};
use crate::i18n::{self, fill};
use crate::lang::Lang;
use crate::library::Library;
use crate::records::store::{LoadProblem, read_record};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes a made handout to `out_path` and says so; the exit code.
fn write_handout(
    made: Result<Handout, HandoutError>,
    out_path: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let t = lang.texts();
    let h = texts(lang);
    let file = out_path.display().to_string();
    let handout = match made {
        Ok(handout) => handout,
        Err(error) => {
            let error = error.to_string();
            writeln!(
                out,
                "{}: {}",
                t.cli_error,
                fill(h.cli_cannot_make, &[("error", &error)])
            )?;
            return Ok(2);
        }
    };
    match write_out(out_path, &handout.bytes) {
        Ok(()) => {
            let pages = i18n::count(handout.pages, h.cli_page_one, h.cli_page_many);
            writeln!(
                out,
                "{}",
                fill(h.cli_wrote, &[("file", &file), ("pages", &pages)])
            )?;
            Ok(0)
        }
        Err(OutError::NotAPdf(_)) => {
            writeln!(
                out,
                "{}: {}",
                t.cli_error,
                fill(h.cli_not_pdf, &[("file", &file)])
            )?;
            Ok(2)
        }
        Err(OutError::Io(error)) => {
            let error = error.to_string();
            writeln!(
                out,
                "{}: {}",
                t.cli_error,
                fill(h.cli_cannot_write, &[("file", &file), ("error", &error)])
            )?;
            Ok(2)
        }
    }
}

/// `momento handout SCENARIO --out FILE`: the facilitator sheet. `lang`
/// picks the version of a built-in scenario and the labels; without it
/// the labels follow the scenario's language.
pub(super) fn run_handout(
    name: &str,
    out_path: &Path,
    lang: Option<Lang>,
    message_lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(scenario) = load_named(name, lang.map(Lang::code), message_lang, out)? else {
        return Ok(1);
    };
    let labels = lang
        .or_else(|| Lang::from_code(&scenario.language.value))
        .unwrap_or(message_lang);
    write_handout(
        facilitator_sheet(&scenario, labels),
        out_path,
        message_lang,
        out,
    )
}

/// The scenario an attempt was played on: `scenario_file` when given,
/// else the built-in scenario with the same id and language.
fn scenario_of(
    record: &crate::records::AttemptRecord,
    scenario_file: Option<&Path>,
) -> Option<std::sync::Arc<crate::scenario::Scenario>> {
    let library = match scenario_file {
        Some(path) => {
            let mut library = Library::default();
            library.add_file(path);
            library
        }
        None => Library::built_in(),
    };
    library
        .entries
        .iter()
        .filter(|e| e.id() == record.scenario.id && e.language() == record.scenario.language)
        .find_map(|e| e.playable().cloned())
}

/// `momento debrief-pdf ATTEMPT_FILE --out FILE`: the debrief of an
/// attempt. Labels in `lang`, else the attempt's scenario language.
pub(super) fn run_debrief_pdf(
    attempt: &Path,
    out_path: &Path,
    lang: Option<Lang>,
    scenario_file: Option<&PathBuf>,
    message_lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let t = message_lang.texts();
    let h = texts(message_lang);
    let same = match (attempt.canonicalize(), out_path.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        writeln!(out, "{}: {}", t.cli_error, h.cli_same_file)?;
        return Ok(2);
    }
    let record = match read_record(attempt) {
        Ok(record) => record,
        Err(kind) => {
            let problem = LoadProblem {
                path: attempt.to_path_buf(),
                kind,
                moved_to: None,
            };
            writeln!(out, "{}: {}", t.cli_error, problem.message(message_lang))?;
            return Ok(2);
        }
    };
    let labels = lang
        .or_else(|| Lang::from_code(&record.scenario.language))
        .unwrap_or(record.ui_language);
    let review = scenario_of(&record, scenario_file.map(PathBuf::as_path))
        .and_then(|scenario| exact_review(&record, scenario, labels));
    if review.is_none() {
        writeln!(out, "{}", texts(message_lang).replay_note)?;
    }
    write_handout(
        trainee_debrief(&record, review.as_ref(), labels),
        out_path,
        message_lang,
        out,
    )
}
