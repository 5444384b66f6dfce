//! Hostile input through the real binary (issue 12): files that make the
//! output explode, special files where scenarios or records should be,
//! escape sequences, odd line endings. Every child runs under a hang guard
//! (a generous timeout that kills it), so a regression fails instead of
//! hanging the suite; how fast things are is measured in
//! `benches/hostile.rs`, not here.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Generous: a hang guard, not a speed test.
const HANG_GUARD: Duration = Duration::from_secs(60);

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs the binary in `locale`, killing it after [`HANG_GUARD`].
fn momento_in(locale: &str, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", locale)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start momento");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    // Read both pipes while waiting, or a large output would block the child.
    let out_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stdout.read_to_end(&mut bytes);
        bytes
    });
    let err_thread = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stderr.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > HANG_GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("momento {args:?} did not finish within {HANG_GUARD:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: out_thread.join().expect("stdout thread"),
        stderr: err_thread.join().expect("stderr thread"),
    }
}

fn momento(args: &[&str]) -> Run {
    momento_in("C", args)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A valid scenario whose first node offers `choices` (RON text) and
/// whose `tags` are `tags`.
fn scenario(choices: &str, tags: &str) -> String {
    format!(
        r#"Scenario(
    format: 1,
    id: "hostile",
    version: 1,
    language: "en",
    title: "Hostile",
    summary: "A crafted file.",
    tags: [{tags}],
    customer: (names: ["Ana"], persona: "A customer.", mood: Between(40, 50)),
    start: "a",
    nodes: {{
        "a": Node(text: "Hello.", choices: [{choices}]),
        "z": Ending(outcome: Kept, text: "Bye.", debrief: "Done."),
    }},
)
"#
    )
}

fn choice(id: &str, text: &str, next: &str) -> String {
    format!(r#"Choice(id: "{id}", text: "{text}", feedback: "F.", next: "{next}"), "#)
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write");
    file
}

#[test]
fn the_template_scenario_is_valid() {
    let dir = tempfile::tempdir().expect("dir");
    let file = write(
        dir.path(),
        "ok.ron",
        &scenario(&choice("c", "Yes.", "z"), "\"t\""),
    );
    let run = momento(&["check", path(&file)]);
    assert_eq!(run.code, 0, "{}", run.out());
}

#[test]
fn eight_thousand_duplicate_choices_on_one_line_give_bounded_output() {
    let dir = tempfile::tempdir().expect("dir");
    let choices = choice("dup", "Same.", "z").repeat(8_000);
    let file = write(dir.path(), "dups.ron", &scenario(&choices, ""));
    for (locale, more) in [("C", "more in"), ("es_ES.UTF-8", "más en")] {
        let run = momento_in(locale, &["check", path(&file)]);
        assert_eq!(run.code, 1);
        assert!(
            run.stdout.len() < 2_000_000,
            "{} bytes of output",
            run.stdout.len()
        );
        let out = run.out();
        // The first 100 diagnostics, then how many were left out.
        let shown = out.matches("]: ").count();
        assert_eq!(shown, 100, "{locale}");
        assert!(out.matches("[E012]").count() >= 99, "{locale}");
        assert!(out.contains(more) && out.contains("--json"), "{out}");
        let left_out: usize = out
            .split_whitespace()
            .skip_while(|w| *w != "…")
            .nth(2)
            .and_then(|n| n.parse().ok())
            .expect("a count of the diagnostics left out");
        assert!(left_out >= 7_899, "{left_out}");
    }
    // `--json` gives every diagnostic, as valid JSON.
    let run = momento(&["check", "--json", path(&file)]);
    assert_eq!(run.code, 1);
    let all: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let duplicates = all
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "E012")
        .count();
    assert_eq!(duplicates, 7_999);
}

#[test]
fn many_diagnostics_on_one_line_empty_texts_and_integer_tags() {
    let dir = tempfile::tempdir().expect("dir");
    let empties = choice("e", "", "z").repeat(4_900);
    let tags = (0..20_000)
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    for (name, text) in [
        ("empty.ron", scenario(&empties, "")),
        ("tags.ron", scenario(&choice("c", "Yes.", "z"), &tags)),
    ] {
        let file = write(dir.path(), name, &text);
        let run = momento(&["check", path(&file)]);
        assert_eq!(run.code, 1, "{name}");
        assert!(run.stdout.len() < 2_000_000, "{name}: {}", run.stdout.len());
        assert!(run.out().contains("(use --json for all)"), "{name}");
    }
}

#[test]
fn a_million_problems_are_counted_but_only_ten_thousand_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let tags = "0,".repeat(1_000_000);
    let file = write(
        dir.path(),
        "million.ron",
        &scenario(&choice("c", "Yes.", "z"), &tags),
    );
    let run = momento(&["check", path(&file)]);
    assert_eq!(run.code, 1);
    let out = run.out();
    assert!(run.stdout.len() < 2_000_000);
    // The summary counts every problem, listed or not.
    assert!(
        out.contains("1000000 errors"),
        "{}",
        &out[out.len() - 300..]
    );
    assert!(
        out.contains("[E026]: 990000 more problems"),
        "{}",
        &out[..600]
    );
    let run = momento(&["check", "--json", path(&file)]);
    let all: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let all = all.as_array().expect("array");
    assert_eq!(all.len(), 10_001);
    assert_eq!(all[0]["not_listed"]["errors"], 990_000);
}

#[test]
fn a_two_mib_file_with_million_character_ids_is_checked() {
    let dir = tempfile::tempdir().expect("dir");
    let long = "n".repeat(1_000_000);
    let other = format!("{}m", "n".repeat(999_999));
    // A `next` naming an unknown node next to a node with an id of the
    // same length: the case that made "did you mean" quadratic.
    let text = scenario(&choice("c", "Yes.", &other), "").replace(
        r#""z": Ending"#,
        &format!(r#""{long}": Ending(outcome: Lost, text: "x", debrief: "x"), "z": Ending"#),
    );
    assert!(text.len() > 2_000_000 && text.len() <= 2 * 1024 * 1024);
    let file = write(dir.path(), "long-ids.ron", &text);
    let run = momento(&["check", path(&file)]);
    assert_eq!(run.code, 1, "{}", run.out());
    let out = run.out();
    assert!(out.contains("[E011]"), "{out}");
    assert!(out.len() < 20_000, "{} bytes", out.len());
}

#[test]
fn a_very_long_line_and_deep_nesting_are_reported_briefly() {
    let dir = tempfile::tempdir().expect("dir");
    // One line of 1.5 MB with an error at its far end.
    let text = scenario(&choice("c", &"word ".repeat(300_000), "nowhere"), "");
    let file = write(dir.path(), "long-line.ron", &text.replace('\n', " "));
    let run = momento(&["check", path(&file)]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.len() < 20_000, "{}", run.stdout.len());
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let file = write(dir.path(), "deep.ron", &nested);
    let run = momento(&["check", path(&file)]);
    assert_eq!(run.code, 1);
    assert!(run.out().contains("[E025]"), "{}", run.out());
    assert!(run.stdout.len() < 5_000);
}

#[cfg(unix)]
fn mkfifo(file: &Path) {
    let name = std::ffi::CString::new(path(file)).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn a_fifo_and_dev_zero_in_a_scenarios_folder_are_reported_not_read() {
    let dir = tempfile::tempdir().expect("dir");
    write(
        dir.path(),
        "ok.ron",
        &scenario(&choice("c", "Yes.", "z"), ""),
    );
    mkfifo(&dir.path().join("x.ron"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.ron")).expect("symlink");
    for (locale, words) in [
        ("C", "not a regular file"),
        ("es_ES.UTF-8", "no es un archivo normal"),
    ] {
        let run = momento_in(locale, &["check", path(dir.path())]);
        assert_eq!(run.code, 1);
        let out = run.out();
        assert_eq!(out.matches(words).count(), 2, "{out}");
        assert!(
            out.contains("x.ron:1:1") && out.contains("zero.ron:1:1"),
            "{out}"
        );
        assert!(out.contains("[E031]"), "{out}");
    }
    // The same file named directly.
    let run = momento(&["check", path(&dir.path().join("x.ron"))]);
    assert_eq!(run.code, 1);
    assert!(run.out().contains("FIFO"), "{}", run.out());
}

#[cfg(unix)]
#[test]
fn a_fifo_and_dev_zero_in_a_records_folder_are_reported_not_read() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(["simulate-attempts", path(dir.path()), "--attempts", "3"])
        .output()
        .expect("simulate");
    assert!(out.status.success());
    mkfifo(&dir.path().join("pipe.json"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).expect("symlink");
    let run = momento(&["report", path(dir.path()), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.err());
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(report["attempts"].as_array().expect("attempts").len(), 3);
    let err = run.err();
    assert_eq!(err.matches("not a regular file").count(), 2, "{err}");
    assert!(
        err.contains("pipe.json") && err.contains("zero.json"),
        "{err}"
    );
    // The app's own folder (quarantine on) leaves special files in place.
    let loaded = momento::records::Store::open(dir.path())
        .expect("store")
        .load();
    assert_eq!(loaded.records.len(), 3);
    assert_eq!(loaded.problems.len(), 2);
    assert!(loaded.problems.iter().all(|p| p.moved_to.is_none()));
    assert!(dir.path().join("pipe.json").exists());
}

#[test]
fn escape_sequences_from_a_file_are_shown_escaped() {
    let dir = tempfile::tempdir().expect("dir");
    let esc = "\u{1b}]0;owned\u{7}\u{1b}[8m\u{202e}";
    // An error whose message and source line both carry the sequence.
    let bad = scenario(&choice("c", "Yes.", &format!("no{esc}where")), "");
    let file = write(dir.path(), "bad.ron", &bad);
    let run = momento(&["check", path(&file)]);
    assert_eq!(run.code, 1);
    let out = run.out();
    assert!(
        out.contains("\\u{1b}]0;owned\\u{7}\\u{1b}[8m\\u{202e}"),
        "{out}"
    );
    for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!out.contains(raw), "raw {raw:?} in {out:?}");
    }
    // A playable one: the title and the texts reach `play` and `analyze`.
    let good = scenario(&choice("c", &format!("Yes{esc}."), "z"), "")
        .replace("title: \"Hostile\"", &format!("title: \"Hostile{esc}\""));
    let file = write(dir.path(), "good.ron", &good);
    let run = momento(&["play", path(&file), "--seed", "1"]);
    let out = run.out();
    assert!(out.contains("Hostile\\u{1b}]0;owned"), "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    let run = momento(&["analyze", path(&file), "--runs", "10"]);
    assert!(!run.out().contains('\u{1b}'), "{:?}", run.out());
    // A record whose trainee name carries it, in the report's table.
    let records = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(["simulate-attempts", path(records.path()), "--attempts", "2"])
        .args(["--trainees", &format!("Eve{esc}")])
        .output()
        .expect("simulate");
    assert!(out.status.success());
    let run = momento(&["report", path(records.path())]);
    assert_eq!(run.code, 0);
    let out = run.out();
    assert!(out.contains("Eve\\u{1b}"), "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
}

#[test]
fn cr_only_and_mixed_line_endings_give_the_right_line() {
    let dir = tempfile::tempdir().expect("dir");
    let text = scenario(&choice("c", "Yes.", "nowhere"), "");
    let line = text
        .lines()
        .position(|l| l.contains("nowhere"))
        .expect("the line")
        + 1;
    for (name, ending) in [("cr.ron", "\r"), ("crlf.ron", "\r\n")] {
        let file = write(dir.path(), name, &text.replace('\n', ending));
        let run = momento(&["check", path(&file)]);
        assert!(
            run.out().contains(&format!("{name}:{line}:")),
            "{name}: {}",
            run.out()
        );
    }
    // Mixed: every ending in one file.
    let mixed: String = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| format!("{l}{}", ["\n", "\r", "\r\n"][i % 3]))
        .collect();
    let file = write(dir.path(), "mixed.ron", &mixed);
    let run = momento(&["check", path(&file)]);
    assert!(
        run.out().contains(&format!("mixed.ron:{line}:")),
        "{}",
        run.out()
    );
}

#[test]
fn a_record_with_a_byte_order_mark_is_read_not_quarantined() {
    let dir = tempfile::tempdir().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(["simulate-attempts", path(dir.path()), "--attempts", "1"])
        .output()
        .expect("simulate");
    assert!(out.status.success());
    let file = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .expect("a record");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&file).expect("read"));
    std::fs::write(&file, bytes).expect("write");
    let loaded = momento::records::Store::open(dir.path())
        .expect("store")
        .load();
    assert_eq!(loaded.records.len(), 1, "{:?}", loaded.problems);
    assert!(loaded.problems.is_empty());
    assert!(!dir.path().join("quarantine").exists());
}

#[test]
fn ron_forms_not_used_in_scenarios_say_what_to_write_instead() {
    let dir = tempfile::tempdir().expect("dir");
    for (form, instead) in [
        ("b\"bytes\"", "a text in quotes"),
        ("1u8", "write 1 instead"),
        ("99999999999999999999", "a whole number between"),
        ("\"\\xC3\\xA9\"", "the character itself"),
    ] {
        let text = scenario(&choice("c", "Yes.", "z"), form);
        let file = write(dir.path(), "form.ron", &text);
        let run = momento(&["check", path(&file)]);
        assert_eq!(run.code, 1, "{form}");
        let out = run.out();
        assert!(
            out.contains("valid RON, but not used in scenario files: write"),
            "{form}: {out}"
        );
        assert!(out.contains(instead), "{form}: {out}");
    }
}
