//! Fixes found while writing a scenario by hand (issue 13): a node-level
//! default `next`, the tell check saying where, the "no twin" note, the
//! trainer report's headers, and promises named by their text.

use momento::diagnostic::Code;
use momento::scenario::model::Next;
use momento::scenario::{Limits, load_str};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn momento(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_momento"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scenario whose node "a" is written by the caller.
fn with_node(node_a: &str) -> String {
    format!(
        r#"Scenario(
    format: 1,
    id: "defaults",
    version: 1,
    language: "en",
    title: "Defaults",
    summary: "Node-level next.",
    customer: (names: ["Ana Ruiz"], persona: "A customer.", mood: 50),
    start: "a",
    nodes: {{
        "a": {node_a},
        "b": Node(text: "B.", choices: [Choice(id: "x", text: "X.", feedback: "X.", next: "kept")]),
        "kept": Ending(outcome: Kept, text: "Kept.", debrief: "Good."),
        "lost": Ending(outcome: Lost, text: "Lost.", debrief: "Bad."),
    }},
)"#
    )
}

fn target_of(next: &Next) -> &str {
    match next {
        Next::Go(target) => &target.id.value,
        other => panic!("not a plain next: {other:?}"),
    }
}

#[test]
fn replies_without_next_inherit_the_node_s_and_their_own_wins() {
    let text = with_node(
        r#"Node(text: "A.", next: "b",
            time_limit: TimeLimit(seconds: 20, text: "…", feedback: "Slow."),
            choices: [
                Choice(id: "one", text: "One.", effects: (care: 1), feedback: "1."),
                Choice(id: "two", text: "Two.", feedback: "2.", next: "lost"),
            ])"#,
    );
    let loaded = load_str(Path::new("d.ron"), &text, &Limits::default());
    assert_eq!(loaded.errors().count(), 0, "{:#?}", loaded.diagnostics);
    let scenario = loaded.scenario.unwrap();
    let a = &scenario.nodes[scenario.node_index["a"] as usize];
    let choices = a.choices();
    assert_eq!(target_of(&choices[0].next), "b", "inherited");
    assert_eq!(target_of(&choices[1].next), "lost", "its own wins");
    let timeout = a.time_limit().expect("a time limit");
    assert_eq!(
        target_of(&timeout.reply.next),
        "b",
        "the timeout inherits too"
    );
    // Resolved like any `next`: the engine goes there.
    let b = scenario.node_index["b"];
    match &choices[0].next {
        Next::Go(target) => assert_eq!(target.node, b),
        _ => unreachable!(),
    }
}

#[test]
fn a_node_level_route_is_inherited_whole() {
    let text = with_node(
        r#"Node(text: "A.",
            next: Route(branches: [(when: MoodAtLeast(60), go: "kept")], otherwise: "b"),
            choices: [
                Choice(id: "calm", text: "Calm.", mood: 20, feedback: "1."),
                Choice(id: "cold", text: "Cold.", mood: -20, feedback: "2."),
            ])"#,
    );
    let loaded = load_str(Path::new("d.ron"), &text, &Limits::default());
    assert_eq!(loaded.errors().count(), 0, "{:#?}", loaded.diagnostics);
    let scenario = std::sync::Arc::new(loaded.scenario.unwrap());
    // Each reply's own mood change decides the branch.
    for (reply, expected) in [("calm", "kept"), ("cold", "b")] {
        let mut session = momento::engine::Session::new(
            std::sync::Arc::clone(&scenario),
            1,
            momento::engine::Mode::Practice,
        )
        .unwrap();
        session.choose_id(reply).unwrap();
        assert_eq!(session.node().id.value, expected, "{reply}");
    }
}

#[test]
fn no_next_on_the_reply_nor_the_node_is_still_an_error_at_the_reply() {
    let text = with_node(
        r#"Node(text: "A.", choices: [
                Choice(id: "one", text: "One.", feedback: "1."),
                Choice(id: "two", text: "Two.", feedback: "2.", next: "b"),
            ])"#,
    );
    let loaded = load_str(Path::new("d.ron"), &text, &Limits::default());
    let errors: Vec<_> = loaded.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, Code::E003);
    assert!(
        errors[0].message.en.contains("`next`"),
        "{}",
        errors[0].message.en
    );
    let at = text.find("Choice(id: \"one\"").unwrap();
    assert!(errors[0].span.start as usize >= at, "points at the reply");
}

#[test]
fn a_misspelled_node_level_next_is_reported_once() {
    let text = with_node(
        r#"Node(text: "A.", next: "bb", choices: [
                Choice(id: "one", text: "One.", feedback: "1."),
                Choice(id: "two", text: "Two.", feedback: "2."),
                Choice(id: "three", text: "Three.", feedback: "3.", next: "b"),
            ])"#,
    );
    let loaded = load_str(Path::new("d.ron"), &text, &Limits::default());
    let errors: Vec<_> = loaded.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].code, Code::E011);
    assert_eq!(
        errors[0].span.start as usize,
        text.find("\"bb\"").unwrap(),
        "at the node's next"
    );
}

/// A scenario where the best reply is always the longest.
const TELLING: &str = r#"Scenario(
    format: 1,
    id: "telling",
    version: 1,
    language: "en",
    title: "Telling",
    summary: "The best reply is always the longest.",
    customer: (names: ["Ana Ruiz"], persona: "A customer.", mood: 50),
    start: "n1",
    nodes: {
        "n1": Node(text: "One?", next: "n2", choices: [
            Choice(id: "long1", text: "I understand, let me look into it for you right away.", effects: (care: 2), feedback: "Good."),
            Choice(id: "short1", text: "No.", effects: (care: -2), feedback: "Bad."),
        ]),
        "n2": Node(text: "Two?", next: "n3", choices: [
            Choice(id: "short2", text: "Policy.", effects: (care: -2), feedback: "Bad."),
            Choice(id: "long2", text: "Of course, here is what we can do together today.", effects: (care: 2), feedback: "Good."),
        ]),
        "n3": Node(text: "Three?", next: "kept", choices: [
            Choice(id: "long3", text: "Thank you for telling me; I will call you tomorrow at ten.", effects: (care: 2), feedback: "Good."),
            Choice(id: "short3", text: "Bye.", effects: (care: -2), feedback: "Bad."),
        ]),
        "kept": Ending(outcome: Kept, text: "Kept.", debrief: "Good."),
    },
)"#;

#[test]
fn analyze_lists_the_decisions_behind_the_length_tell() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("telling.ron");
    std::fs::write(&file, TELLING).unwrap();
    let out = momento(&["analyze", "--lang", "en", file.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("TELL: the best reply tends to be the longest"),
        "{text}"
    );
    assert!(
        text.contains("where the best reply is the longest (3 of 3 decisions):"),
        "{text}"
    );
    let long1 = "I understand, let me look into it for you right away."
        .chars()
        .count();
    assert!(
        text.contains(&format!(
            "n1: best \"long1\" ({long1} characters); others: \"short1\" 3"
        )),
        "{text}"
    );
    assert!(text.contains("n2: best \"long2\""), "{text}");
    let es = stdout(&momento(&[
        "analyze",
        "--lang",
        "es",
        file.to_str().unwrap(),
    ]));
    assert!(
        es.contains("dónde la mejor respuesta es la más larga (3 de 3 decisiones):"),
        "{es}"
    );
    assert!(
        es.contains(&format!(
            "n1: mejor «long1» ({long1} caracteres); otras: \"short1\" 3"
        )),
        "{es}"
    );
    // JSON: every decision, with each reply's length.
    let json: serde_json::Value = serde_json::from_str(&stdout(&momento(&[
        "analyze",
        "--json",
        file.to_str().unwrap(),
    ])))
    .unwrap();
    let decisions = json["tell"]["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 3);
    assert_eq!(decisions[1]["node"], "n2");
    assert_eq!(decisions[1]["best_position"], 1);
    assert_eq!(decisions[1]["best_is_longest"], true);
    assert_eq!(decisions[1]["replies"][0]["reply"], "short2");
    assert_eq!(decisions[1]["replies"][0]["chars"], 7);
}

#[test]
fn check_explains_the_folder_convention_for_a_file_without_its_twin() {
    let dir = tempfile::tempdir().unwrap();
    let loose = dir.path().join("telling.ron");
    std::fs::write(&loose, TELLING).unwrap();
    let out = momento(&["check", "--lang", "en", loose.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("no Spanish version of scenario `telling` was found among the files checked"),
        "{text}"
    );
    assert!(text.contains("a folder named `es/`"), "{text}");
    assert!(text.contains("move it to `en/`"), "{text}");
    // A note, not a warning: the summary counts only the real warnings.
    let warnings = text.matches("warning[").count();
    assert!(
        text.contains(&format!("0 errors, {warnings} warning")),
        "{text}"
    );
    assert!(out.status.success(), "{text}");
    let es = stdout(&momento(&[
        "check",
        "--lang",
        "es",
        loose.to_str().unwrap(),
    ]));
    assert!(
        es.contains("no se encontró la versión en español del escenario `telling`"),
        "{es}"
    );
    // In an `en/` folder, the convention is followed: no note.
    std::fs::create_dir(dir.path().join("en")).unwrap();
    let placed = dir.path().join("en/telling.ron");
    std::fs::write(&placed, TELLING).unwrap();
    let text = stdout(&momento(&[
        "check",
        "--lang",
        "en",
        placed.to_str().unwrap(),
    ]));
    assert!(!text.contains("note:"), "{text}");
    // The shipped scenarios all have their twins.
    let text = stdout(&momento(&["check", "--lang", "en"]));
    assert!(!text.contains("note:"), "{text}");
}

#[test]
fn the_report_s_decision_headers_show_the_customer_s_line_with_the_id_aside() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_momento"))
        .arg("simulate-attempts")
        .arg(dir.path())
        .arg("--from")
        .arg(root().join("tests/fixtures/valid"))
        .args(["--attempts", "12", "--seed", "3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = stdout(&momento(&[
        "report",
        dir.path().to_str().unwrap(),
        "--lang",
        "en",
    ]));
    // Every decision header starts with the customer's line in quotes and
    // ends with the node id in brackets.
    let headers: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("    \"") && l.contains(" decision"))
        .collect();
    assert!(!headers.is_empty(), "{text}");
    for header in &headers {
        assert!(header.trim_end().ends_with(']'), "{header}");
    }
    let records = momento::records::load_folder(dir.path(), Default::default()).records;
    let step = &records[0].record.steps[0];
    let header = headers
        .iter()
        .find(|h| h.trim_end().ends_with(&format!("[{}]", step.node_id)))
        .unwrap_or_else(|| panic!("no header for [{}] in:\n{text}", step.node_id));
    // The quoted line is what the customer said there in some attempt
    // (placeholders such as the customer's name vary between attempts).
    let quoted = header.trim_start().trim_start_matches('"');
    let quoted = &quoted[..quoted.find("\" (").unwrap()];
    let said_there = records
        .iter()
        .flat_map(|r| &r.record.steps)
        .filter(|s| s.node_id == step.node_id)
        .map(|s| {
            let line = s.prompt.split_whitespace().collect::<Vec<_>>().join(" ");
            momento::debrief::shorten(&line, 90)
        })
        .any(|line| line == quoted);
    assert!(
        said_there,
        "{quoted:?} is not the customer's line at {}",
        step.node_id
    );
}

#[test]
fn xapi_names_decisions_by_the_customer_s_line_and_promises_by_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_momento"))
        .arg("simulate-attempts")
        .arg(dir.path())
        .arg("--from")
        .arg(root().join("scenarios"))
        .args(["--attempts", "30", "--seed", "4"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let records = momento::records::load_folder(dir.path(), Default::default()).records;
    let records: Vec<_> = records.into_iter().map(|r| r.record).collect();
    let statements = momento::records::xapi::statements(
        &records,
        &momento::records::xapi::XapiOptions::default(),
    );
    let mut promise_events = 0;
    for statement in &statements {
        let definition = &statement["object"]["definition"];
        if statement["verb"]["display"]["en-US"] == "answered" {
            let name = definition["name"].as_object().unwrap();
            let shown = name.values().next().unwrap().as_str().unwrap();
            let node = statement["object"]["id"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap();
            assert_ne!(shown, node, "the name is the customer's line, not the id");
        }
        for (key, value) in statement["result"]["extensions"].as_object().unwrap() {
            if key.ends_with("/promises") {
                for promise in value.as_array().unwrap() {
                    promise_events += 1;
                    let text = promise["text"].as_str().unwrap();
                    assert!(!text.is_empty(), "{promise}");
                    assert_ne!(text, promise["id"].as_str().unwrap(), "{promise}");
                }
            }
        }
    }
    assert!(promise_events > 0, "the shipped scenarios make promises");
}
