//! The `momento` binary run as a process, as trainers and scripts run it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn momento() -> Command {
    Command::new(env!("CARGO_BIN_EXE_momento"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_with_input(args: &[&str], input: &str) -> Output {
    let mut child = momento()
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn play_through_stdin_reaches_the_debrief() {
    // Reply by number: the order is shuffled by the seed, so find which
    // number the caring reply has in this run's output first.
    let path = "tests/fixtures/valid/wrong-size.ron";
    let probe = run_with_input(&["play", path, "--seed", "7"], "");
    let text = stdout(&probe);
    let number = text
        .lines()
        .find(|l| l.contains("Let's see if we have your size"))
        .and_then(|l| l.trim().split('.').next().map(str::to_string))
        .unwrap();
    let output = run_with_input(&["play", path, "--seed", "7"], &format!("{number}\n1\n2\n"));
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("══ Debrief ══"), "{text}");
    assert!(text.contains("Customer kept"), "{text}");
    assert!(text.contains("Where every point comes from"), "{text}");
    assert!(text.contains("Seed: 7"), "{text}");
}

#[test]
fn play_refuses_bad_input_and_asks_again() {
    let output = run_with_input(
        &["play", "tests/fixtures/valid/wrong-size.ron", "--seed", "3"],
        "9\nabc\n",
    );
    let text = stdout(&output);
    assert!(text.contains("Type a number from 1 to 2."), "{text}");
    assert!(
        text.contains("Input ended before the conversation did."),
        "{text}"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn play_in_spanish_uses_spanish_labels() {
    let output = run_with_input(
        &[
            "play",
            "tests/fixtures/valid/wrong-size.ron",
            "--seed",
            "3",
            "--lang",
            "es",
        ],
        "1\n1\n1\n",
    );
    let text = stdout(&output);
    assert!(text.contains("══ Repaso ══"), "{text}");
    assert!(text.contains("Puntuaciones"), "{text}");
}

/// `momento` with the locale variables set to `locale`, so a test does not
/// depend on the language of the machine it runs on.
fn momento_in(locale: &str) -> Command {
    let mut command = momento();
    for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        command.env_remove(var);
    }
    command.env("LANG", locale);
    command
}

#[test]
fn check_reports_every_invalid_fixture_and_fails() {
    let output = momento()
        .args(["check", "--lang", "en", "tests/fixtures/invalid"])
        .current_dir(root())
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(text.contains("tests/fixtures/invalid/e011_unknown_next.ron:27:27: error[E011]: no node is called `folow`"), "{text}");
    assert!(text.contains("= help: did you mean \"follow\"?"), "{text}");
    assert!(
        text.contains("27 |                     next: \"folow\","),
        "{text}"
    );
}

#[test]
fn check_json_is_machine_readable() {
    let output = momento()
        .args([
            "check",
            "--json",
            "tests/fixtures/invalid/e010_unknown_start.ron",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &value[0];
    assert_eq!(first["code"], "E010");
    assert_eq!(first["start"]["line"], 14);
    assert_eq!(first["start"]["col"], 12);
    assert_eq!(first["severity"], "error");
    // Both languages, whatever `--lang` says.
    let message = &first["message"];
    assert!(
        message["en"]
            .as_str()
            .unwrap()
            .starts_with("the scenario starts at `"),
        "{message}"
    );
    assert!(
        message["es"]
            .as_str()
            .unwrap()
            .starts_with("el escenario empieza en `"),
        "{message}"
    );
    assert!(!first["hint"]["en"].as_str().unwrap().is_empty());
    assert!(!first["hint"]["es"].as_str().unwrap().is_empty());
    let spanish = momento()
        .args([
            "check",
            "--json",
            "--lang",
            "es",
            "tests/fixtures/invalid/e010_unknown_start.ron",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(spanish.stdout, output.stdout);
}

#[test]
fn check_in_spanish_keeps_positions_and_translates_everything() {
    let output = momento()
        .args([
            "check",
            "--lang",
            "es",
            "tests/fixtures/invalid/e011_unknown_next.ron",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text.contains(
            "tests/fixtures/invalid/e011_unknown_next.ron:27:27: error[E011]: ningún nodo se llama `folow`"
        ),
        "{text}"
    );
    assert!(
        text.contains("27 |                     next: \"folow\","),
        "{text}"
    );
    assert!(
        text.contains("= ayuda: ¿querías decir \"follow\"?"),
        "{text}"
    );
    assert!(
        text.contains(" FALLÓ  tests/fixtures/invalid/e011_unknown_next.ron"),
        "{text}"
    );
    assert!(
        text.contains("1 archivo revisado: 1 error, 2 avisos"),
        "{text}"
    );
    for english in ["help", "no node", "checked", "FAILED"] {
        assert!(!text.contains(english), "`{english}` in: {text}");
    }
}

#[test]
fn check_follows_the_system_language_by_default() {
    let check = |locale: &str| {
        let output = momento_in(locale)
            .args(["check", "tests/fixtures/invalid/w002_flag_never_set.ron"])
            .current_dir(root())
            .output()
            .unwrap();
        stdout(&output)
    };
    let spanish = check("es_ES.UTF-8");
    assert!(
        spanish.contains(": aviso[W002]: se comprueba la marca `"),
        "{spanish}"
    );
    let english = check("C");
    assert!(english.contains(": warning[W002]: flag `"), "{english}");
}

#[test]
fn check_refuses_an_unknown_language() {
    let output = momento()
        .args(["check", "--lang", "fr", "tests/fixtures/valid"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("use es or en"));
}

#[test]
fn check_passes_valid_files() {
    let output = momento()
        .args(["check", "--lang", "en", "tests/fixtures/valid"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stdout(&output));
    // The fixtures are valid but not fair: the strategy audit says so, as
    // warnings that do not fail the check.
    assert!(stdout(&output).contains("checked 2 files: 0 errors, 3 warnings"));
    assert!(stdout(&output).contains(
        "wrong-size.ron:3:9: warning[W004]: the strategy `never_confirm` keeps the customer in 100% of conversations"
    ));
    let strict = momento()
        .args([
            "check",
            "--lang",
            "en",
            "--deny-warnings",
            "tests/fixtures/valid",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn the_shipped_scenarios_check_clean_with_every_claim_proven() {
    let output = momento()
        .args(["check", "--lang", "en", "--deny-warnings"])
        .current_dir(root())
        .output()
        .unwrap();
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("checked 20 files: 0 errors, 0 warnings"),
        "{text}"
    );
}

#[test]
fn check_proves_claims_and_names_a_counterexample_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("claims.ron");
    std::fs::write(
        &file,
        r#"Scenario(format: 1, id: "claims", version: 1, language: "en", title: "Claims", summary: "Claims.",
        customer: (names: ["Ana Ruiz"], persona: "Tester."), start: "ask",
        nodes: {
            "ask": Node(text: "Can you call me back?", choices: [
                Choice(id: "promise", text: "I'll call at five.", effects: (empathy: 2, care: 2),
                    promises: [Make(id: "call", text: "A call at five")], feedback: "Good.", next: "later"),
                Choice(id: "shrug", text: "We'll see.", effects: (empathy: -2, care: -2), feedback: "Bad.", next: "later"),
            ]),
            "later": Node(text: "Five o'clock.", choices: [
                Choice(id: "call", text: "Ring her.", effects: (empathy: 2, care: 2), promises: [Keep("call")], feedback: "Good.", next: "kept"),
                Choice(id: "forget", text: "Forget it.", effects: (empathy: -2, care: -2), feedback: "Bad.", next: "kept"),
            ]),
            "kept": Ending(outcome: Kept, claims: [PromiseKept("call")],
                text: "She stays.", debrief: "You kept your promise."),
        })"#,
    )
    .unwrap();
    let output = momento()
        .args(["check", "--lang", "en"])
        .arg(&file)
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("error[E040]"), "{text}");
    assert!(
        text.contains(
            "claims `PromiseKept(\"call\")`, but this path reaches it without: promise → forget"
        ),
        "{text}"
    );
}

#[test]
fn analyze_reports_ranges_endings_and_tells() {
    let output = momento()
        .args([
            "analyze",
            "tests/fixtures/valid/features.ron",
            "--runs",
            "500",
            "--json",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["exhaustive"], true);
    assert_eq!(value["runs"], 500);
    assert_eq!(value["ranges"][0]["max"], 100.0);
    assert_eq!(value["ending_hits"].as_array().unwrap().len(), 3);
    let text_output = momento()
        .args([
            "analyze",
            "tests/fixtures/valid/features.ron",
            "--runs",
            "200",
            "--lang",
            "en",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let text = stdout(&text_output);
    for section in [
        "achievable range",
        "endings (200 random playthroughs",
        "replies never taken",
        "node hits",
        "tell check",
    ] {
        assert!(text.contains(section), "missing {section}: {text}");
    }
}

#[test]
fn analyze_report_in_spanish() {
    let output = momento()
        .args([
            "analyze",
            "tests/fixtures/valid/features.ron",
            "--runs",
            "200",
            "--lang",
            "es",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = stdout(&output);
    for section in [
        "nodos de decisión",
        "rango alcanzable (todos los caminos)",
        "Empatía",
        "mejor camino por equilibrio",
        "finales (200 partidas al azar desde la semilla 1)",
        "respuestas que ningún camino elige",
        "visitas a cada nodo",
        "comprobación de pistas",
    ] {
        assert!(text.contains(section), "missing {section}: {text}");
    }
    for english in [
        "achievable",
        "endings",
        "random play",
        "tell check",
        "Empathy",
    ] {
        assert!(!text.contains(english), "`{english}` in: {text}");
    }
}

#[test]
fn unknown_scenario_name_is_a_clear_error() {
    let output = momento()
        .args(["play", "no-such-scenario", "--lang", "en"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("is neither a file nor the id of a built-in scenario"));
    let output = momento()
        .args(["analyze", "no-such-scenario", "--lang", "es"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains(
            "error: `no-such-scenario` no es un archivo ni el id de un escenario incluido"
        ),
        "{}",
        stdout(&output)
    );
}

#[test]
fn help_lists_the_trainer_commands() {
    let output = momento().arg("--help").output().unwrap();
    let text = stdout(&output);
    for command in ["check", "analyze", "play"] {
        assert!(text.contains(command), "{text}");
    }
    assert!(Path::new(env!("CARGO_BIN_EXE_momento")).exists());
}

#[test]
fn generate_scenario_writes_a_loadable_scenario_of_the_asked_size() {
    let output = momento()
        .args(["generate-scenario", "--nodes", "120", "--seed", "5"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = stdout(&output);
    let loaded = momento::scenario::load_str(
        Path::new("generated.ron"),
        &text,
        &momento::scenario::Limits::default(),
    );
    assert_eq!(loaded.errors().count(), 0);
    assert_eq!(loaded.scenario.unwrap().nodes.len(), 120);
    // The same seed writes the same file.
    let again = momento()
        .args(["generate-scenario", "--nodes", "120", "--seed", "5"])
        .output()
        .unwrap();
    assert_eq!(stdout(&again), text);
}

#[test]
fn the_guide_s_complete_example_checks_clean_and_fair() {
    let guide = std::fs::read_to_string(root().join("scenarios/README.md")).unwrap();
    let after = guide
        .split("## A complete small example")
        .nth(1)
        .expect("the guide has its example");
    let example = after
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a RON block");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wrong-size.ron");
    std::fs::write(&file, example).unwrap();
    let output = momento()
        .args(["check", "--lang", "en", "--deny-warnings"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stdout(&output));
}
