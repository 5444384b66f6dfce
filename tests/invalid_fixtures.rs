//! Every broken fixture gives its exact diagnostic: code, line and column.

use momento::diagnostic::{Code, Diagnostic, Severity};
use momento::lang::Lang;
use momento::library::Library;
use momento::scenario::{Limits, load_file, load_str};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

/// (file, code, line, column) of the one problem each fixture holds.
const EXPECTED: &[(&str, Code, u32, u32)] = &[
    ("e001_missing_comma.ron", Code::E001, 4, 15),
    ("e001_curly_quotes.ron", Code::E001, 7, 14),
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
        if found.message.en.is_empty() || found.hint.en.is_empty() {
            failures.push(format!("{name}: message and hint must both be written"));
        }
        let location = format!("{}:{line}:{col}: ", path.display());
        for lang in Lang::ALL {
            let rendered = found.render(lang);
            if !rendered.starts_with(&location) {
                failures.push(format!(
                    "{name}: {lang:?} render does not start with {location}: {rendered}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What is wrong with a diagnostic's translations, if anything: message
/// and hint written in both languages, and actually translated.
fn translation_problem(d: &Diagnostic) -> Option<String> {
    let texts = [("message", &d.message), ("hint", &d.hint)];
    for (what, text) in texts {
        if text.en.trim().is_empty() || text.es.trim().is_empty() {
            return Some(format!("{what} is missing a language: {text:?}"));
        }
        if text.en == text.es {
            return Some(format!("{what} is not translated: {:?}", text.en));
        }
    }
    None
}

#[test]
fn every_fixture_diagnostic_is_written_in_spanish_and_english() {
    // Through the library, so cross-file checks run too.
    let library = Library::from_paths(&[fixture("")]);
    let mut checked = 0;
    let mut failures = Vec::new();
    for d in library.diagnostics() {
        checked += 1;
        if let Some(problem) = translation_problem(d) {
            failures.push(format!("{} {:?}: {problem}", d.location(), d.code));
        }
    }
    assert!(checked >= EXPECTED.len(), "only {checked} diagnostics");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn syntax_and_value_errors_are_translated_too() {
    // Damage a valid file one value at a time, and cut it at many points:
    // this reaches messages no fixture holds.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/features.ron"),
    )
    .unwrap();
    let damages = [
        ("format: 1", "format: 2"),
        ("format: 1", "format: \"1\""),
        ("id: \"features\"", "id: \"\""),
        ("id: \"features\"", "id: 3"),
        ("version: 1", "version: 0"),
        ("language: \"en\"", "language: \"EN!\""),
        ("title: \"Feature test\"", "title: \"\""),
        (
            "summary:",
            "tags: \"x\", minutes: true, shuffle_choices: 1, summary:",
        ),
        (
            "names: [\"Ana Ruiz\", \"Eva Gil\", \"Lia Sol\"]",
            "names: []",
        ),
        (
            "names: [\"Ana Ruiz\", \"Eva Gil\", \"Lia Sol\"]",
            "names: [3]",
        ),
        ("Between(40, 50)", "Between(50, 40)"),
        ("Between(40, 50)", "\"calm\""),
        ("customer: (", "customer: Client("),
        ("customer: (", "customer: 3, c: ("),
        ("start: \"a\"", "start: \"z\""),
        ("start: \"a\"", "start: 3"),
        ("\"a\": Node(", "a: Node("),
        ("\"a\": Node(", "\"\": Node("),
        ("\"a\": Node(", "3: Node("),
        ("\"a\": Node(", "\"a\": Nod("),
        ("\"c\": Node(", "\"b\": Node("),
        ("nodes: {", "nodes: [{"),
        ("effects: (empathy: 2,", "effects: (empathy: 20,"),
        ("effects: (empathy: 2,", "effects: (empaty: 2,"),
        ("effects: (empathy: 2,", "effects: (empathy: 2, empathy: 2,"),
        ("Make(id: \"p\"", "Mak(id: \"p\""),
        (
            "Make(id: \"p\", text: \"A realistic promise\")",
            "Make(id: \"p\")",
        ),
        ("limit: NotAllowed", "limit: NotAlowed"),
        ("Keep(\"p\")", "Keep(\"q\")"),
        ("Keep(\"p\")", "Keep(\"p\", \"q\")"),
        ("Keep(\"p\")", "3"),
        ("Confirm(\"p\")", "Confirm(7)"),
        ("PromiseOpen(\"p\")", "PromiseOpen(\"zz\")"),
        ("PromiseOpen(\"p\")", "MoodAtMost(3)"),
        ("PromiseOpen(\"p\")", "All(3)"),
        ("PromiseOpen(\"p\")", "Not(Flag(\"x\"), Flag(\"y\"))"),
        ("PromiseOpen(\"p\")", "\"open\""),
        ("MoodAtLeast(55)", "MoodAtLeast(555)"),
        ("next: \"b\"", "next: \"bb\""),
        ("next: \"b\"", "next: 3"),
        ("next: \"b\"", "next: Rout(\"b\")"),
        ("next: \"b\"", "next: Route(branches: 3, otherwise: 4)"),
        (", otherwise: \"chance\"", ""),
        (
            "(weight: 3, go: \"neutral\"), (weight: 1, go: \"lost\")",
            "(weight: 0, go: \"neutral\")",
        ),
        ("Random([", "Random(3, ["),
        ("Random([", "Random(\"x\", ["),
        ("Flag(\"rude\")", "Flag(\"rud\")"),
        ("flags: [\"rude\"]", "flags: \"rude\""),
        ("seconds: 10", "seconds: 1"),
        ("time_limit: (", "time_limit: 3, t: ("),
        ("speaker: Narrator", "speaker: \"Narrator\""),
        ("speaker: Narrator", "speaker: Narator"),
        ("speaker: Narrator", "speaker: 3"),
        ("fixed_order: true", "fixed_order: \"yes\""),
        ("outcome: Kept", "outcome: Won"),
        ("outcome: Kept", "outcome: 1"),
        ("{customer_first}", "{nme}"),
        ("{customer_first}", "{ open"),
        (
            "choices: [\n                Choice(id: \"toss\"",
            "choices: [], c: [Choice(id: \"toss\"",
        ),
        (
            "choices: [\n                Choice(id: \"toss\"",
            "choices: 3, c: [Choice(id: \"toss\"",
        ),
        ("promises: [Keep(\"p\")]", "promises: Keep(\"p\")"),
        (", debrief: \"Good.\"", ""),
        ("feedback: \"Best reply.\"", "feedbak: \"Best reply.\""),
        ("id: \"best\"", "id: \"mid\""),
        ("text: \"Third.\"", "text: \"Third.\", mood: \"up\""),
    ];
    let mut inputs: Vec<String> = Vec::new();
    for (from, to) in damages {
        assert!(text.contains(from), "{from:?} is not in the file");
        inputs.push(text.replacen(from, to, 1));
    }
    inputs.extend(
        (0..text.len())
            .step_by(11)
            .filter(|&end| text.is_char_boundary(end))
            .map(|end| text[..end].to_string()),
    );
    inputs.extend(
        [
            "/* open",
            "#![enable(",
            "\"\\q\"",
            "\"\\u{zz}\"",
            "r#\"x",
            "'\\q'",
            "'ab'",
            "0xzz",
            "3km",
            "(a: 1) )",
            "{\"a\" 1}",
            "[1 2]",
            "(1: 2)",
            "(a: (b: 3 c: 4))",
            "@",
        ]
        .map(String::from),
    );
    let mut codes = std::collections::BTreeSet::new();
    let mut failures = std::collections::BTreeSet::new();
    for input in &inputs {
        let loaded = load_str(Path::new("damaged.ron"), input, &Limits::default());
        for d in &loaded.diagnostics {
            codes.insert(d.code);
            if let Some(problem) = translation_problem(d) {
                failures.insert(format!("{:?}: {problem}", d.code));
            }
        }
    }
    assert!(codes.len() >= 20, "too few kinds of diagnostic: {codes:?}");
    assert!(
        failures.is_empty(),
        "{}",
        failures.into_iter().collect::<Vec<_>>().join("\n")
    );
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

/// Loads a fixture, returns its one error and the text with that error's
/// fix applied.
fn fixed(name: &str) -> (Diagnostic, String) {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let loaded = load_str(&path, &text, &Limits::default());
    let errors: Vec<_> = loaded.errors().cloned().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let error = errors[0].clone();
    let fix = error.fix.clone().expect("a machine-applicable fix");
    let repaired = fix.apply(&text).expect("the fix lies on the file");
    (error, repaired)
}

#[test]
fn a_missing_comma_points_after_the_previous_value_and_the_fix_adds_it() {
    let (error, repaired) = fixed("e001_missing_comma.ron");
    assert_eq!(error.message.en, "missing comma: add a comma here");
    assert_eq!(error.message.es, "falta una coma: añade una coma aquí");
    let fix = error.fix.as_ref().unwrap();
    assert_eq!(fix.replacement, ",");
    assert_eq!(fix.span.start, fix.span.end, "an insertion");
    // The caret sits right after `version: 1`, on that line.
    let rendered = error.render(Lang::En);
    assert!(rendered.contains("4 |     version: 1\n"), "{rendered}");
    assert!(rendered.contains("  |               ^\n"), "{rendered}");
    assert!(
        rendered.contains("= fix: add `,` after the value"),
        "{rendered}"
    );
    assert!(rendered.contains("4 |     version: 1,\n"), "{rendered}");
    let reloaded = load_str(Path::new("fixed.ron"), &repaired, &Limits::default());
    assert_eq!(reloaded.errors().count(), 0, "{:#?}", reloaded.diagnostics);
}

#[test]
fn curly_quotes_say_use_straight_quotes_and_the_fix_straightens_them() {
    let (error, repaired) = fixed("e001_curly_quotes.ron");
    assert!(
        error
            .message
            .en
            .contains("use straight quotes \" instead of “ ”"),
        "{}",
        error.message.en
    );
    assert!(
        error
            .message
            .es
            .contains("usa comillas rectas \" en lugar de “ ”"),
        "{}",
        error.message.es
    );
    let fix = error.fix.as_ref().unwrap();
    assert_eq!(fix.replacement, "\"A small scenario with one mistake.\"");
    assert!(repaired.contains("    summary: \"A small scenario with one mistake.\",\n"));
    let rendered = error.render(Lang::Es);
    assert!(
        rendered.contains("= arreglo: cambia las comillas tipográficas por comillas rectas"),
        "{rendered}"
    );
    let reloaded = load_str(Path::new("fixed.ron"), &repaired, &Limits::default());
    assert_eq!(reloaded.errors().count(), 0, "{:#?}", reloaded.diagnostics);
    // The fix travels in `--json` for editors.
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["fix"]["replacement"], fix.replacement.as_str());
}
