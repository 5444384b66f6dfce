//! `momento report` on a folder of attempts played by the engine: the CSV
//! reads back with the `csv` crate, JSON and xAPI parse, filters work, and
//! an unreadable file is named on stderr without stopping the report; the
//! table and the messages follow `--lang`, the machine formats do not.

use momento::records::{LoadOptions, load_folder};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary in the given locale (`C`: no language, so English).
fn momento_in(locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", locale)
        .output()
        .unwrap()
}

/// The binary without a language of its own: the tests do not depend on
/// the language of the machine they run on.
fn momento(args: &[&str]) -> Output {
    momento_in("C", args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn group_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_momento"))
        .arg("simulate-attempts")
        .arg(dir.path())
        .arg("--from")
        .arg(root.join("tests/fixtures/valid"))
        .arg("--from")
        .arg(root.join("tests/fixtures/records"))
        .args(["--attempts", "36", "--seed", "11"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    dir
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn csv_of_a_group_reads_back_with_the_csv_crate() {
    let dir = group_folder();
    let records = load_folder(dir.path(), LoadOptions::default()).records;
    assert_eq!(records.len(), 36);

    let out = momento(&["report", path(dir.path()), "--format", "csv"]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 36);
    let trainee = headers.iter().position(|h| h == "trainee").unwrap();
    let mut trainees: Vec<&str> = rows.iter().map(|r| &r[trainee]).collect();
    trainees.sort();
    trainees.dedup();
    assert_eq!(trainees, ["Ana García", "Chloé Martin", "Íñigo Peña"]);
    let id = headers.iter().position(|h| h == "attempt_id").unwrap();
    let balance = headers.iter().position(|h| h == "balance").unwrap();
    for row in &rows {
        let record = &records
            .iter()
            .find(|r| r.record.attempt_id == row[id])
            .unwrap()
            .record;
        // Abandoned attempts and unassessed balances are empty cells.
        let shown = record
            .scores
            .balance
            .filter(|_| record.outcome.is_finished());
        match shown {
            Some(expected) => {
                let value: f64 = row[balance].parse().unwrap();
                assert!((value - expected).abs() <= 0.005 + 1e-9);
            }
            None => assert_eq!(&row[balance], ""),
        }
    }

    let out = momento(&["report", path(dir.path()), "--format", "csv", "--decisions"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows = reader.records().map(Result::unwrap).count();
    let steps: usize = records.iter().map(|r| r.record.steps.len()).sum();
    assert_eq!(rows, steps);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("¿cuándo la compró y para quién era?"));
}

#[test]
fn json_and_xapi_parse_and_filters_apply() {
    let dir = group_folder();
    let out_file = dir.path().join("report.json");
    let out = momento(&[
        "report",
        path(dir.path()),
        "--format",
        "json",
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(report["attempts"].as_array().unwrap().len(), 36);
    assert!(!report["decisions"].as_array().unwrap().is_empty());
    // The report file in the folder is not an attempt: reported, not fatal.
    let out = momento(&["report", path(dir.path()), "--format", "xapi"]);
    assert!(out.status.success());
    let statements: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let records = load_folder(dir.path(), LoadOptions::default()).records;
    let steps: usize = records.iter().map(|r| r.record.steps.len()).sum();
    assert_eq!(statements.len(), 36 + steps);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("report.json"), "{stderr}");
    assert!(out_file.exists(), "a report folder is never changed");

    let since = records[20].record.started_at.to_string();
    let out = momento(&[
        "report",
        path(dir.path()),
        "--format",
        "csv",
        "--since",
        &since,
    ]);
    let rows = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .count();
    assert_eq!(rows, 16);
    let out = momento(&[
        "report",
        path(dir.path()),
        "--format",
        "csv",
        "--mode",
        "assessment",
    ]);
    let rows = csv::Reader::from_reader(out.stdout.as_slice())
        .records()
        .count();
    let assessed = records
        .iter()
        .filter(|r| r.record.mode == momento::engine::Mode::Assessment)
        .count();
    assert_eq!(rows, assessed);

    let out = momento(&["report", path(dir.path()), "--since", "last tuesday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("YYYY-MM-DD"));
}

#[test]
fn the_table_names_every_trainee_and_decision() {
    let dir = group_folder();
    let out = momento(&["report", path(dir.path())]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("36 attempts by 3 trainees"), "{text}");
    for needle in [
        "Ana García",
        "Íñigo Peña",
        "Chloé Martin",
        "desk",
        "mostrador",
    ] {
        assert!(text.contains(needle), "{needle} missing from:\n{text}");
    }
}

#[test]
fn the_table_speaks_spanish_with_lang_es() {
    let dir = group_folder();
    let out = momento(&["report", path(dir.path()), "--lang", "es"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with("36 intentos de 3 participantes en "),
        "{text}"
    );
    for spanish in [
        "resultados por participante (puntuaciones: Empatía · Promesas · Cuidar, no «educar» · Equilibrio · fecha)",
        "Participante",
        "qué respuesta eligió el grupo en cada decisión",
        "decisiones en",
        "sin terminar",
        "cuidado 100%",
    ] {
        assert!(text.contains(spanish), "`{spanish}` missing from:\n{text}");
    }
    for english in [
        "attempts by",
        "results by trainee",
        "which reply the group chose",
        "decisions in",
        "abandoned",
        "care 100%",
        "never chosen",
    ] {
        assert!(!text.contains(english), "`{english}` in:\n{text}");
    }
    // Data stays as written: names, scenario ids and reply texts.
    for data in ["Íñigo Peña", "features — Feature test", "Best."] {
        assert!(text.contains(data), "`{data}` missing from:\n{text}");
    }
}

#[test]
fn the_table_speaks_english_with_lang_en() {
    let dir = group_folder();
    let out = momento_in("es_ES.UTF-8", &["report", path(dir.path()), "--lang", "en"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("36 attempts by 3 trainees in "), "{text}");
    for english in [
        "results by trainee (scores: Empathy · Promise-keeping · Care, not \"educate\" · Balance · date)",
        "which reply the group chose at each decision",
        "decisions in",
        "(1 abandoned)",
        "care 100%",
        "never chosen",
    ] {
        assert!(text.contains(english), "`{english}` missing from:\n{text}");
    }
    for spanish in ["intentos", "resultados por participante", "cuidado"] {
        assert!(!text.contains(spanish), "`{spanish}` in:\n{text}");
    }
}

#[test]
fn the_table_follows_the_system_language_without_lang() {
    let dir = group_folder();
    let out = momento_in("es_MX.UTF-8", &["report", path(dir.path())]);
    assert!(stdout(&out).starts_with("36 intentos de 3 participantes"));
    let out = momento_in("en_GB.UTF-8", &["report", path(dir.path())]);
    assert!(stdout(&out).starts_with("36 attempts by 3 trainees"));
}

#[test]
fn messages_follow_lang() {
    let missing = std::env::temp_dir().join("momento-no-such-folder-for-report");
    let missing = missing.to_str().unwrap();
    let out = momento(&["report", missing, "--lang", "es"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("no es una carpeta; indica la carpeta donde están los archivos de intentos"),
        "{text}"
    );
    assert!(!text.contains("is not a folder"), "{text}");
    let out = momento(&["report", missing, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("is not a folder"));

    let dir = group_folder();
    let out = momento(&[
        "report",
        path(dir.path()),
        "--since",
        "ayer",
        "--lang",
        "es",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("`ayer` no es una fecha: usa AAAA-MM-DD"));
    let out = momento(&["report", path(dir.path()), "--mode", "x", "--lang", "es"]);
    assert!(stdout(&out).contains("`x` no es un modo: usa práctica o evaluación"));

    std::fs::write(dir.path().join("notes.json"), "not an attempt").unwrap();
    let out_file = dir.path().join("group.csv");
    let out = momento(&[
        "report",
        path(dir.path()),
        "--format",
        "csv",
        "--out",
        out_file.to_str().unwrap(),
        "--lang",
        "es",
    ]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(stderr.starts_with("aviso: No se pudo leer "), "{stderr}");
    assert!(stderr.contains("notes.json"), "{stderr}");
    let text = stdout(&out);
    assert!(
        text.starts_with("se escribió CSV, una fila por intento (36 intentos) en "),
        "{text}"
    );
}

#[test]
fn machine_formats_are_the_same_in_both_languages() {
    let dir = group_folder();
    let base = path(dir.path());
    for format in [
        &["--format", "csv"][..],
        &["--format", "csv", "--decisions"],
        &["--format", "json"],
        &["--format", "xapi"],
    ] {
        let run = |lang: &str| {
            let mut args = vec!["report", base];
            args.extend_from_slice(format);
            args.extend_from_slice(&["--lang", lang]);
            let out = momento(&args);
            assert!(out.status.success(), "{format:?}");
            out.stdout
        };
        let spanish = run("es");
        assert!(!spanish.is_empty());
        assert_eq!(spanish, run("en"), "{format:?} differs between languages");
    }
    // The CSV header is a data contract: English column names.
    let out = momento(&["report", base, "--format", "csv", "--lang", "es"]);
    let header = stdout(&out).lines().next().unwrap().to_string();
    assert_eq!(
        header,
        momento::records::csv_export::ATTEMPT_HEADER.join(",")
    );
}
