//! Classroom sessions in `momento report`: group attempts are counted
//! apart from trainees' own, and `--mode classroom` keeps only them in the
//! table, CSV, JSON and xAPI (with the room's votes per decision).

use momento::engine::{Mode, Session};
use momento::library::Library;
use momento::records::classroom::{ReplyVotes, vote_table};
use momento::records::{Recording, Store, load_folder};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

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
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The votes of the room at each decision: 4 hands for the first reply on
/// offer, 1 for the second, 0 for the rest.
fn room(session: &Session) -> Vec<ReplyVotes> {
    session
        .choices()
        .iter()
        .enumerate()
        .map(|(i, c)| ReplyVotes {
            reply_id: c.id.clone(),
            votes: [4, 1].get(i).copied().unwrap_or(0),
            majority: false,
        })
        .collect()
}

/// Plays the warranty scenario with a group, following the majority (the
/// first reply on offer), and saves it as the group attempt of `group`.
fn play_group(store: &Store, group: &str, seed: u64) -> Vec<Vec<ReplyVotes>> {
    let library = Library::built_in();
    let scenario = library
        .find("warranty-no-receipt", "en")
        .and_then(|e| e.playable())
        .map(Arc::clone)
        .unwrap();
    let mut session = Session::new(scenario, seed, Mode::Classroom).unwrap();
    let mut votes = Vec::new();
    let mut recording = Recording::start(momento::records::now());
    for _ in 0..30 {
        if session.is_finished() {
            break;
        }
        votes.push(room(&session));
        session.choose(0).unwrap();
        recording
            .save_group(
                store,
                &session,
                group,
                &votes,
                momento::lang::Lang::En,
                momento::records::now(),
            )
            .unwrap();
    }
    assert!(session.is_finished());
    votes
}

fn folder() -> (tempfile::TempDir, Vec<Vec<ReplyVotes>>) {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let individual = dir.path().join("trainees");
    let out = momento(&[
        "simulate-attempts",
        individual.to_str().unwrap(),
        "--from",
        root.join("scenarios").to_str().unwrap(),
        "--attempts",
        "6",
        "--seed",
        "3",
    ]);
    assert!(out.status.success());
    let store = Store::open(dir.path().join("groups")).unwrap();
    let votes = play_group(&store, "Morning group", 9);
    (dir, votes)
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn group_attempts_are_saved_with_their_votes_and_counted_apart() {
    let (dir, votes) = folder();
    let records = load_folder(dir.path(), Default::default()).records;
    assert_eq!(records.len(), 7);
    let group: Vec<_> = records
        .iter()
        .filter(|r| r.record.mode == Mode::Classroom)
        .collect();
    assert_eq!(group.len(), 1, "one group attempt, revisions collapsed");
    let record = &group[0].record;
    assert_eq!(record.trainee, "Morning group");
    assert_eq!(record.steps.len(), votes.len());
    for (step, room) in record.steps.iter().zip(&votes) {
        assert_eq!(&step.votes, room);
    }
    // The plain table for a group debrief (and its PDF): the best reply is
    // the scenario's, the followed one is the first on offer.
    let library = Library::built_in();
    let scenario = library
        .find("warranty-no-receipt", "en")
        .and_then(|e| e.playable())
        .unwrap();
    let table = vote_table(record, scenario);
    assert_eq!(table.len(), record.steps.len());
    let first = &table[0];
    assert_eq!(first.node_id, "counter");
    assert_eq!(first.voters, 5);
    assert_eq!(first.replies.iter().filter(|r| r.best).count(), 1);
    let best = first.replies.iter().find(|r| r.best).unwrap();
    assert_eq!(best.reply_id, "search", "the scenario's best opening reply");
    assert!(first.discussion.as_deref().unwrap().contains("receipt"));
    assert_eq!(first.replies.iter().map(|r| r.votes).sum::<u32>(), 5);

    // Without a filter: the table lists the group apart, the JSON counts
    // it apart from trainees' own results.
    let json: serde_json::Value = serde_json::from_str(&stdout(&momento(&[
        "report",
        path(dir.path()),
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["attempts"].as_array().unwrap().len(), 7);
    assert_eq!(json["groups"].as_array().unwrap().len(), 1);
    let in_results = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["trainee"] == "Morning group");
    assert!(!in_results, "a group is not a trainee in the results");
    let table = stdout(&momento(&["report", path(dir.path())]));
    assert!(
        table.contains("Classroom sessions, counted apart (1):"),
        "{table}"
    );
    assert!(
        table.contains("6 attempts") || table.contains("7 attempts"),
        "{table}"
    );
}

#[test]
fn mode_classroom_filters_every_format() {
    let (dir, votes) = folder();
    let d = path(dir.path());
    let table = stdout(&momento(&["report", d, "--mode", "classroom"]));
    assert!(table.contains("Morning group"), "{table}");
    assert!(table.contains("counter"), "{table}");
    assert!(table.contains("search=") || table.contains("=4"), "{table}");
    assert!(!table.contains("Ana García"), "{table}");

    let csv = stdout(&momento(&[
        "report",
        d,
        "--mode",
        "classroom",
        "--format",
        "csv",
    ]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][1], "Morning group");
    assert_eq!(&rows[0][6], "classroom");

    let csv = stdout(&momento(&[
        "report",
        d,
        "--mode",
        "aula",
        "--format",
        "csv",
        "--decisions",
    ]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let votes_column = headers.iter().position(|h| h == "votes").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), votes.len());
    let expected: Vec<String> = votes[0]
        .iter()
        .map(|v| format!("{}={}", v.reply_id, v.votes))
        .collect();
    assert_eq!(&rows[0][votes_column], expected.join(";"));

    let json: serde_json::Value = serde_json::from_str(&stdout(&momento(&[
        "report",
        d,
        "--mode",
        "classroom",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["attempts"].as_array().unwrap().len(), 1);
    assert!(json["results"].as_array().unwrap().is_empty());
    let decisions = json["groups"][0]["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), votes.len());
    assert_eq!(decisions[0]["voters"], 5);

    let xapi: serde_json::Value = serde_json::from_str(&stdout(&momento(&[
        "report",
        d,
        "--mode",
        "classroom",
        "--format",
        "xapi",
    ])))
    .unwrap();
    let statements = xapi.as_array().unwrap();
    assert_eq!(
        statements.len(),
        1 + votes.len(),
        "one per attempt and per decision"
    );
    assert_eq!(statements[0]["actor"]["objectType"], "Group");
    let base = "https://momento.invalid/xapi/extensions";
    for (statement, room) in statements[1..].iter().zip(&votes) {
        let extensions = &statement["result"]["extensions"];
        for v in room {
            assert_eq!(extensions[format!("{base}/votes")][&v.reply_id], v.votes);
        }
        assert_eq!(extensions[format!("{base}/voters")], 5);
    }
    if let Ok(out) = std::env::var("MOMENTO_CLASSROOM_XAPI_OUT") {
        // For scripts/validate-xapi.sh FILE, by hand.
        std::fs::write(out, serde_json::to_string_pretty(&xapi).unwrap()).unwrap();
    }
}
