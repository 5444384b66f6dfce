//! `momento report` on a folder of attempts played by the engine: the CSV
//! reads back with the `csv` crate, JSON and xAPI parse, filters work, and
//! an unreadable file is named on stderr without stopping the report.

use momento::records::{LoadOptions, load_folder};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn momento(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(args)
        .output()
        .unwrap()
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
        let value: f64 = row[balance].parse().unwrap();
        assert!((value - record.scores.balance).abs() <= 0.005 + 1e-9);
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
