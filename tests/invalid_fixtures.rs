//! Every broken fixture gives its exact diagnostic: code, line and column.

use momento::diagnostic::{Code, Severity};
use momento::scenario::{Limits, load_file, load_str};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

/// (file, code, line, column) of the one problem each fixture holds.
const EXPECTED: &[(&str, Code, u32, u32)] = &[
    ("e001_missing_comma.ron", Code::E001, 5, 5),
    ("e001_not_utf8.ron", Code::E001, 6, 19),
    ("e001_unclosed_text.ron", Code::E001, 25, 42),
    ("e002_unknown_choice_field.ron", Code::E002, 26, 21),
    ("e002_unknown_scenario_field.ron", Code::E002, 9, 5),
    ("e003_missing_feedback.ron", Code::E003, 29, 17),
    ("e003_missing_start.ron", Code::E003, 1, 1),
    ("e004_minutes_as_text.ron", Code::E004, 8, 14),
    ("e004_node_id_unquoted.ron", Code::E004, 39, 9),
    ("e005_unknown_outcome.ron", Code::E005, 51, 33),
    ("e005_unknown_speaker.ron", Code::E005, 17, 22),
    ("e006_duplicate_field.ron", Code::E006, 34, 21),
    ("e006_duplicate_node.ron", Code::E006, 52, 9),
    ("e007_format_two.ron", Code::E007, 2, 13),
    ("e008_mood_out_of_range.ron", Code::E008, 12, 15),
    ("e010_unknown_start.ron", Code::E010, 14, 12),
    ("e011_unknown_next.ron", Code::E011, 27, 27),
    ("e012_duplicate_choice_id.ron", Code::E012, 30, 25),
    ("e013_no_choices.ron", Code::E013, 41, 22),
    ("e014_no_ending_reachable.ron", Code::E014, 14, 12),
    ("e015_trap_loop.ron", Code::E015, 39, 9),
    ("e016_keep_unknown_promise.ron", Code::E016, 45, 37),
    ("e017_unknown_placeholder.ron", Code::E017, 18, 27),
    ("e018_empty_text.ron", Code::E018, 40, 19),
    ("e019_too_many_choices.ron", Code::E019, 51, 17),
    ("e020_route_without_otherwise.ron", Code::E020, 35, 27),
    ("e021_random_all_zero.ron", Code::E021, 35, 27),
    ("e024_text_too_long.ron", Code::E024, 52, 45),
    ("e025_nested_too_deep.ron", Code::E025, 35, 279),
    ("w001_unreachable_node.ron", Code::W001, 52, 9),
    ("w002_flag_never_set.ron", Code::W002, 35, 32),
    ("w003_promise_never_kept.ron", Code::W003, 25, 41),
];

#[test]
fn each_fixture_reports_its_exact_problem() {
    let mut failures = Vec::new();
    for &(name, code, line, col) in EXPECTED {
        let path = fixture(name);
        let loaded = load_file(&path, &Limits::default());
        let errors: Vec<_> = loaded.errors().collect();
        let found = if code.severity() == Severity::Error {
            // One mistake, one error: follow-on errors would bury the cause.
            if errors.len() != 1 {
                failures.push(format!(
                    "{name}: expected exactly one error, got {errors:#?}"
                ));
                continue;
            }
            errors[0]
        } else {
            if !errors.is_empty() {
                failures.push(format!("{name}: expected no errors, got {errors:#?}"));
                continue;
            }
            match loaded.warnings().find(|d| d.code == code) {
                Some(d) => d,
                None => {
                    failures.push(format!("{name}: no {code:?} warning"));
                    continue;
                }
            }
        };
        if (found.code, found.start.line, found.start.col) != (code, line, col) {
            failures.push(format!(
                "{name}: expected {code:?} at {line}:{col}, got {:?} at {}",
                found.code, found.start
            ));
        }
        if found.message.is_empty() || found.hint.is_empty() {
            failures.push(format!("{name}: message and hint must both be written"));
        }
        let rendered = found.render();
        let location = format!("{}:{line}:{col}: ", path.display());
        if !rendered.starts_with(&location) {
            failures.push(format!(
                "{name}: render does not start with {location}: {rendered}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_file_is_listed() {
    let mut listed: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    listed.sort_unstable();
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(on_disk, listed);
    assert!(listed.len() >= 25);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let mut text = String::from("// padding\n");
    text.push_str(&"x".repeat(2 * 1024 * 1024));
    std::fs::write(&path, &text).unwrap();
    let loaded = load_file(&path, &Limits::default());
    assert!(loaded.scenario.is_none());
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].code, Code::E022);
    assert_eq!(
        (
            loaded.diagnostics[0].start.line,
            loaded.diagnostics[0].start.col
        ),
        (1, 1)
    );
}

#[test]
fn too_many_nodes_is_one_error_at_the_nodes_map() {
    let text = momento::generate::scenario_text(5_001, 3);
    let loaded = load_str(Path::new("big.ron"), &text, &Limits::default());
    let errors: Vec<_> = loaded.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, Code::E023);
    let nodes_line = text.lines().position(|l| l.contains("nodes: {")).unwrap() as u32 + 1;
    assert_eq!(errors[0].start.line, nodes_line);
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let loaded = load_file(Path::new("/nonexistent/momento.ron"), &Limits::default());
    assert_eq!(loaded.diagnostics[0].code, Code::E031);
}

#[test]
fn garbage_never_panics_or_hangs() {
    // Every prefix and some mutations of a valid fixture: loading must
    // return diagnostics, never panic.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/wrong-size.ron"),
    )
    .unwrap();
    let limits = Limits::default();
    for end in (0..text.len()).step_by(7) {
        if text.is_char_boundary(end) {
            let loaded = load_str(Path::new("cut.ron"), &text[..end], &limits);
            assert!(!loaded.is_playable() || end == text.len());
        }
    }
    for junk in [
        "",
        "(",
        ")",
        "[[[[",
        "Scenario(",
        "\"",
        "r#\"",
        "{:}",
        "/*",
        "'",
        "-",
        "0x",
        "1e",
        "Some(",
        "((((a: b",
    ] {
        let loaded = load_str(Path::new("junk.ron"), junk, &limits);
        assert!(
            !loaded.diagnostics.is_empty(),
            "{junk:?} gave no diagnostic"
        );
    }
}
