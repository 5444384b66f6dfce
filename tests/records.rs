//! Attempt records: round trip, never overwriting, revisions, quarantine of
//! unreadable files, replay, and report aggregates checked against sessions
//! played by the engine.

use jiff::{SignedDuration, Timestamp};
use momento::engine::{Mode, Session};
use momento::lang::Lang;
use momento::library::Library;
use momento::records::report::{Report, parse_time_bound};
use momento::records::store::{ProblemKind, QUARANTINE_DIR};
use momento::records::{
    AttemptMeta, AttemptOutcome, AttemptRecord, Filter, LoadOptions, Recording, Replay, Store,
    csv_export, load_folder, replay, xapi,
};
use momento::scenario::Scenario;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn fixture(path: &str) -> Arc<Scenario> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    let mut library = Library::default();
    library.add_file(&path);
    library.entries[0]
        .playable()
        .cloned()
        .unwrap_or_else(|| panic!("{} is not playable", path.display()))
}

fn wrong_size() -> Arc<Scenario> {
    fixture("tests/fixtures/valid/wrong-size.ron")
}

fn cafetera() -> Arc<Scenario> {
    fixture("tests/fixtures/records/cafetera-sin-ticket.ron")
}

fn at(hours: i64) -> Timestamp {
    Timestamp::from_second(1_772_000_000).unwrap() + SignedDuration::from_hours(hours)
}

/// Plays `replies` (choice ids) with `seed` and returns the session.
fn play(
    scenario: &Arc<Scenario>,
    trainee: &str,
    seed: u64,
    mode: Mode,
    replies: &[&str],
) -> Session {
    let mut session = Session::new(Arc::clone(scenario), seed, mode)
        .unwrap()
        .with_trainee(trainee);
    for reply in replies {
        session.choose_id(reply).unwrap();
    }
    session
}

fn record_of(session: &Session, id: &str, hour: i64) -> AttemptRecord {
    AttemptRecord::of(
        session,
        &AttemptMeta {
            attempt_id: id.to_string(),
            revision: 1,
            started_at: at(hour),
            ended_at: at(hour) + SignedDuration::from_secs(95),
            lang: Lang::Es,
            reflection_answers: vec!["Que la escucharan: el regalo de su madre, ¡mañana!".into()],
        },
    )
}

#[test]
fn a_record_survives_the_round_trip_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let session = play(
        &cafetera(),
        "Íñigo Peña",
        42,
        Mode::Practice,
        &["escuchar", "cambio"],
    );
    let record = record_of(&session, "a1", 0);
    let path = store.write(&record, None).unwrap();
    let loaded = store.load();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].path, path);
    assert_eq!(loaded.records[0].record, record);

    // The file is readable as it claims: ids and texts, not indices.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("\"format\": {}", momento::records::FORMAT)));
    assert!(text.contains("\"node_id\": \"mostrador\""));
    assert!(text.contains("\"reply_id\": \"escuchar\""));
    assert!(
        text.contains("¿cuándo la compró"),
        "accents are kept as UTF-8"
    );
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.ends_with("_inigo-pena_cafetera-sin-ticket-es.json"),
        "named by time, trainee and scenario: {name}"
    );
}

#[test]
fn the_record_holds_what_the_session_did() {
    let scenario = cafetera();
    let session = play(
        &scenario,
        "Ana",
        9,
        Mode::Assessment,
        &["norma", "disculpa", "cambio"],
    );
    let record = record_of(&session, "a2", 0);
    let scorecard = session.scorecard();
    assert_eq!(record.scores.array(), scorecard.scores());
    assert_eq!(record.scores.balance, scorecard.balance);
    assert_eq!(record.score_lines.len(), scorecard.lines.len());
    assert!(
        record
            .score_lines
            .iter()
            .all(|l| !l.explanation.contains('{'))
    );
    let inputs = session.save().inputs;
    assert_eq!(record.steps.len(), inputs.len());
    for (step, input) in record.steps.iter().zip(&inputs) {
        assert_eq!(step.node_id, input.node);
        assert_eq!(step.reply_id, input.reply);
        assert!(step.offered.iter().any(|o| o.reply_id == step.reply_id));
    }
    assert_eq!(record.mood, session.mood_history());
    assert_eq!(record.mode, Mode::Assessment);
    assert_eq!(record.seed, 9);
    assert_eq!(record.scenario.content_hash, scenario.source.content_hash);
    assert_eq!(record.replay, session.save());
    assert_eq!(record.reflection.len(), 1);
    assert!(
        record.reflection[0]
            .prompt
            .contains(session.customer_name().split(' ').next().unwrap())
    );
    // "cambio" was made; it ends kept or broken depending on the random route.
    assert_eq!(record.promises.len(), 1);
    assert_eq!(record.promises[0].promise_id, "cambio");
    assert_eq!(
        record.outcome,
        if session.is_finished() {
            AttemptOutcome::of(session.outcome())
        } else {
            AttemptOutcome::Abandoned
        }
    );
}

#[test]
fn an_unfinished_session_is_recorded_as_abandoned_with_what_was_done() {
    let session = play(&wrong_size(), "Sam", 1, Mode::Practice, &["tomorrow"]);
    let record = record_of(&session, "a3", 0);
    assert_eq!(record.outcome, AttemptOutcome::Abandoned);
    assert_eq!(record.steps.len(), 1);
    assert_eq!(record.promises[0].promise_id, "size");
    assert!(record.closing.is_empty());
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let session = play(&wrong_size(), "Sam", 1, Mode::Practice, &["procedure"]);
    // Same time, trainee and scenario: the same file name.
    let first = record_of(&session, "same-name-1", 0);
    let second = record_of(&session, "same-name-2", 0);
    let p1 = store.write(&first, None).unwrap();
    let before = std::fs::read(&p1).unwrap();
    let p2 = store.write(&second, None).unwrap();
    assert_ne!(p1, p2);
    assert_eq!(std::fs::read(&p1).unwrap(), before);
    let ids: Vec<String> = store
        .load()
        .records
        .into_iter()
        .map(|r| r.record.attempt_id)
        .collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"same-name-1".to_string()) && ids.contains(&"same-name-2".to_string()));
}

#[test]
fn each_save_is_a_new_revision_and_the_latest_wins() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let scenario = wrong_size();
    let mut session = play(&scenario, "Sam", 3, Mode::Practice, &[]);
    let mut recording = Recording::with_id("rev".into(), at(0));
    session.choose_id("tomorrow").unwrap();
    recording
        .save(&store, &session, Lang::En, &[], at(0))
        .unwrap();
    session.choose_id("check").unwrap();
    let end = at(0) + SignedDuration::from_secs(60);
    recording
        .save(&store, &session, Lang::En, &[], end)
        .unwrap();
    let later = end + SignedDuration::from_secs(600);
    let answers = vec!["Her deadline.".to_string()];
    let path = recording
        .save(&store, &session, Lang::En, &answers, later)
        .unwrap()
        .path;
    assert_eq!(recording.revision(), 3);

    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(
        files.len(),
        1,
        "earlier revisions are removed once the new one is written"
    );
    let loaded = store.load();
    let record = &loaded.records[0].record;
    assert_eq!(loaded.records[0].path, path);
    assert_eq!(record.revision, 3);
    assert_eq!(record.outcome, AttemptOutcome::Kept);
    assert_eq!(record.reflection[0].answer, "Her deadline.");
    assert_eq!(
        record.ended_at, end,
        "a reflection written later does not move the end"
    );
}

#[test]
fn a_crash_between_two_revisions_keeps_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let session = play(
        &wrong_size(),
        "Sam",
        3,
        Mode::Practice,
        &["tomorrow", "check"],
    );
    let mut old = record_of(&session, "crash", 0);
    old.revision = 1;
    old.steps.pop();
    let mut new = record_of(&session, "crash", 0);
    new.revision = 2;
    // As if the writer stopped after writing revision 2 but before removing 1.
    let old_path = store.write(&old, None).unwrap();
    let new_path = store.write(&new, None).unwrap();
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].record, new);
    assert!(old_path.exists(), "a report folder is only read");
    let loaded = store.load();
    assert_eq!(loaded.records[0].path, new_path);
    assert!(
        !old_path.exists(),
        "the app's store tidies the superseded revision"
    );
}

#[test]
fn an_unreadable_record_is_moved_aside_and_the_others_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let scenario = wrong_size();
    let good = record_of(
        &play(&scenario, "Sam", 1, Mode::Practice, &["procedure"]),
        "good",
        0,
    );
    let damaged = record_of(
        &play(&scenario, "Sam", 2, Mode::Practice, &["tomorrow"]),
        "bad",
        1,
    );
    let good_path = store.write(&good, None).unwrap();
    let damaged_path = store.write(&damaged, None).unwrap();
    // A file cut short, as a full disk or a bad copy would leave it.
    let bytes = std::fs::read(&damaged_path).unwrap();
    std::fs::write(&damaged_path, &bytes[..bytes.len() / 2]).unwrap();
    let garbage = dir.path().join("notes.json");
    std::fs::write(&garbage, b"\xff\xfe not json").unwrap();
    // A record from a future Momento: not damaged, so left where it is.
    let mut future: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    future["format"] = serde_json::json!(99);
    let future_path = dir.path().join("future.json");
    std::fs::write(&future_path, serde_json::to_vec(&future).unwrap()).unwrap();
    let unrelated = dir.path().join("readme.txt");
    std::fs::write(&unrelated, "not a record").unwrap();

    let loaded = store.load();
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].path, good_path);
    assert_eq!(loaded.problems.len(), 3, "{:?}", loaded.problems);
    let quarantine = dir.path().join(QUARANTINE_DIR);
    for path in [&damaged_path, &garbage] {
        let problem = loaded.problems.iter().find(|p| &p.path == path).unwrap();
        assert!(matches!(problem.kind, ProblemKind::Unreadable(_)));
        let moved = problem.moved_to.as_ref().unwrap();
        assert!(moved.starts_with(&quarantine));
        assert!(!path.exists() && moved.exists(), "moved, never deleted");
        let message = problem.message(Lang::En);
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains(&moved.display().to_string()), "{message}");
    }
    assert_eq!(
        std::fs::read(quarantine.join(damaged_path.file_name().unwrap())).unwrap(),
        &bytes[..bytes.len() / 2]
    );
    let newer = loaded
        .problems
        .iter()
        .find(|p| p.path == future_path)
        .unwrap();
    assert_eq!(newer.kind, ProblemKind::Newer(99));
    assert!(newer.moved_to.is_none() && future_path.exists());
    assert!(unrelated.exists());

    // Loading again: the quarantined files stay out of the way.
    let again = store.load();
    assert_eq!(again.records.len(), 1);
    assert_eq!(again.problems.len(), 1);
}

#[test]
fn a_report_folder_is_reported_on_but_never_changed() {
    let dir = tempfile::tempdir().unwrap();
    let trainee_dir = dir.path().join("ana");
    let store = Store::open(&trainee_dir).unwrap();
    let session = play(&wrong_size(), "Ana", 1, Mode::Practice, &["procedure"]);
    store.write(&record_of(&session, "r1", 0), None).unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"format\": 1, \"attempt_id\": ").unwrap();
    let loaded = load_folder(dir.path(), LoadOptions::default());
    assert_eq!(loaded.records.len(), 1, "subfolders are read");
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].moved_to.is_none());
    assert!(broken.exists());
}

#[test]
fn an_old_attempt_replays_exactly_and_a_changed_scenario_is_named() {
    let scenario = cafetera();
    let session = play(
        &scenario,
        "Ana",
        77,
        Mode::Practice,
        &["escuchar", "cambio"],
    );
    let record = record_of(&session, "replay", 0);
    match replay(&record, Arc::clone(&scenario)) {
        Replay::Exact(replayed) => {
            assert_eq!(replayed.scorecard(), session.scorecard());
            assert_eq!(replayed.transcript(), session.transcript());
        }
        other => panic!("expected an exact replay, got {other:?}"),
    }
    // The trainer edits the scenario and bumps its version.
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/records/cafetera-sin-ticket.ron");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("version: 1,", "version: 2,")
        .replace("con un suspiro", "con dos suspiros");
    let loaded = momento::scenario::load_str(&path, &text, &Default::default());
    let changed = Arc::new(loaded.scenario.unwrap());
    match replay(&record, changed) {
        Replay::ScenarioChanged {
            then,
            now,
            replayed,
        } => {
            assert_eq!((then, now), (1, 2));
            assert_eq!(replayed.unwrap().scorecard(), session.scorecard());
        }
        other => panic!("expected a changed scenario, got {other:?}"),
    }
    assert!(matches!(replay(&record, wrong_size()), Replay::Failed(_)));
}

/// A group's attempts with known seeds and replies.
struct Played {
    trainee: &'static str,
    scenario: Arc<Scenario>,
    hour: i64,
    mode: Mode,
    session: Session,
}

fn group() -> Vec<Played> {
    let ws = wrong_size();
    let cf = cafetera();
    /// Trainee, scenario, seed, mode, replies.
    type Plan<'a> = (
        &'static str,
        &'a Arc<Scenario>,
        u64,
        Mode,
        Vec<&'static str>,
    );
    let plan: Vec<Plan<'_>> = vec![
        ("Ana", &ws, 1, Mode::Practice, vec!["procedure"]),
        ("Ana", &ws, 2, Mode::Practice, vec!["tomorrow", "bag"]),
        ("Ana", &ws, 3, Mode::Assessment, vec!["tomorrow", "check"]),
        ("Ana", &cf, 4, Mode::Practice, vec!["norma", "insistir"]),
        ("Ana", &cf, 5, Mode::Practice, vec!["escuchar"]),
        ("Íñigo", &ws, 6, Mode::Practice, vec!["tomorrow", "check"]),
        ("Íñigo", &ws, 7, Mode::Assessment, vec!["procedure"]),
        (
            "Íñigo",
            &cf,
            8,
            Mode::Practice,
            vec!["encargado", "dinero", "explicar"],
        ),
        (
            "Íñigo",
            &cf,
            9,
            Mode::Assessment,
            vec!["escuchar", "dinero", "culpar"],
        ),
        (
            "Chloé",
            &cf,
            10,
            Mode::Practice,
            vec!["norma", "disculpa", "dinero", "explicar"],
        ),
        ("Chloé", &ws, 11, Mode::Practice, vec!["tomorrow", "bag"]),
        ("Chloé", &ws, 12, Mode::Practice, vec!["tomorrow", "bag"]),
    ];
    plan.into_iter()
        .enumerate()
        .map(|(i, (trainee, scenario, seed, mode, replies))| Played {
            trainee,
            scenario: Arc::clone(scenario),
            hour: 24 * i as i64,
            mode,
            session: play(scenario, trainee, seed, mode, &replies),
        })
        .collect()
}

fn records_of(group: &[Played]) -> Vec<AttemptRecord> {
    group
        .iter()
        .enumerate()
        .map(|(i, p)| record_of(&p.session, &format!("attempt-{i:02}"), p.hour))
        .collect()
}

#[test]
fn latest_and_best_per_trainee_and_scenario_match_the_sessions() {
    let group = group();
    let records = records_of(&group);
    let report = Report::build(&records, &Filter::default());
    assert_eq!(report.attempts.len(), group.len());
    assert_eq!(report.trainees(), vec!["Ana", "Chloé", "Íñigo"]);

    // Expected values straight from the sessions.
    /// Attempts, abandoned, latest (hour, balance), best balance.
    type Expected = (
        usize,
        usize,
        Option<(i64, Option<f64>)>,
        Option<Option<f64>>,
    );
    let mut expected: HashMap<(&str, String), Expected> = HashMap::new();
    for p in &group {
        let entry = expected
            .entry((p.trainee, p.scenario.id.value.clone()))
            .or_insert((0, 0, None, None));
        entry.0 += 1;
        if !p.session.is_finished() {
            entry.1 += 1;
            continue;
        }
        let balance = p.session.scorecard().balance;
        if entry.2.is_none_or(|(hour, _)| p.hour > hour) {
            entry.2 = Some((p.hour, balance));
        }
        entry.3 = Some(entry.3.map_or(balance, |b: Option<f64>| {
            if balance.unwrap_or(-1.0) >= b.unwrap_or(-1.0) {
                balance
            } else {
                b
            }
        }));
    }
    assert_eq!(report.results.len(), expected.len());
    for row in &report.results {
        let key = (
            group
                .iter()
                .find(|p| p.trainee == row.trainee)
                .unwrap()
                .trainee,
            row.scenario_id.clone(),
        );
        let (attempts, abandoned, latest, best) = expected[&key];
        assert_eq!(row.attempts, attempts, "{key:?}");
        assert_eq!(row.abandoned, abandoned, "{key:?}");
        assert_eq!(
            row.latest.as_ref().map(|l| (l.started_at, l.balance)),
            latest.map(|(hour, balance)| (at(hour), balance)),
            "{key:?}"
        );
        assert_eq!(row.best.as_ref().map(|b| b.balance), best, "{key:?}");
    }
}

#[test]
fn the_share_of_each_reply_matches_the_replies_given() {
    let group = group();
    let records = records_of(&group);
    let report = Report::build(&records, &Filter::default());
    // Count (scenario, node, reply) from the sessions' own saved inputs.
    let mut chosen: HashMap<(String, String, String), usize> = HashMap::new();
    let mut at_node: HashMap<(String, String), usize> = HashMap::new();
    for p in &group {
        for input in p.session.save().inputs {
            let scenario = p.scenario.id.value.clone();
            *chosen
                .entry((scenario.clone(), input.node.clone(), input.reply))
                .or_default() += 1;
            *at_node.entry((scenario, input.node)).or_default() += 1;
        }
    }
    let mut seen = 0;
    for scenario in &report.decisions {
        for node in &scenario.nodes {
            let decisions = at_node[&(scenario.scenario_id.clone(), node.node_id.clone())];
            assert_eq!(node.decisions, decisions);
            let mut share_sum = 0.0;
            for reply in &node.replies {
                let key = (
                    scenario.scenario_id.clone(),
                    node.node_id.clone(),
                    reply.reply_id.clone(),
                );
                let count = chosen.get(&key).copied().unwrap_or(0);
                assert_eq!(reply.chosen, count, "{key:?}");
                assert!((reply.share - count as f64 / decisions as f64).abs() < 1e-12);
                share_sum += reply.share;
                seen += count;
            }
            assert!((share_sum - 1.0).abs() < 1e-9);
        }
    }
    assert_eq!(
        seen,
        chosen.values().sum::<usize>(),
        "every reply given is counted"
    );
    // Replies on offer but never chosen are listed too, with 0.
    let cf = report
        .decisions
        .iter()
        .find(|s| s.scenario_id == "cafetera-sin-ticket")
        .unwrap();
    let mostrador = cf.nodes.iter().find(|n| n.node_id == "mostrador").unwrap();
    assert_eq!(
        cf.nodes[0].node_id, "mostrador",
        "nodes in the order they are reached"
    );
    assert_eq!(mostrador.replies.len(), 3);
    let never_chosen = cf
        .nodes
        .iter()
        .flat_map(|n| &n.replies)
        .filter(|r| r.chosen == 0);
    assert!(never_chosen.count() > 0);
}

#[test]
fn filters_keep_attempts_by_date_and_mode() {
    let group = group();
    let records = records_of(&group);
    let since = at(24 * 6);
    let filter = Filter {
        since: Some(since),
        mode: Some(Mode::Practice),
        ..Filter::default()
    };
    let report = Report::build(&records, &filter);
    let expected = group
        .iter()
        .filter(|p| at(p.hour) >= since && p.mode == Mode::Practice)
        .count();
    assert_eq!(report.attempts.len(), expected);
    assert!(
        report
            .attempts
            .iter()
            .all(|a| a.started_at >= since && a.mode == "practice")
    );
    let until = Filter {
        until: Some(at(24 * 2)),
        ..Filter::default()
    };
    assert_eq!(Report::build(&records, &until).attempts.len(), 2);
    assert!(parse_time_bound("2026-03-01").is_some());
    assert!(parse_time_bound("2026-03-01T09:00:00Z").is_some());
    assert!(parse_time_bound("ayer").is_none());
}

#[test]
fn csv_rows_read_back_with_accents_and_quotes_intact() {
    let group = group();
    let records = records_of(&group);
    let report = Report::build(&records, &Filter::default());
    let mut bytes = Vec::new();
    csv_export::write_attempts(&report.attempts, &mut bytes).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        csv_export::ATTEMPT_HEADER
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), group.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for (row, p) in rows.iter().zip(&group) {
        assert_eq!(&row[col("trainee")], p.trainee);
        // An abandoned attempt shows no score: an empty cell.
        match p
            .session
            .scorecard()
            .balance
            .filter(|_| p.session.is_finished())
        {
            Some(expected) => {
                let balance: f64 = row[col("balance")].parse().unwrap();
                assert!((balance - expected).abs() <= 0.005 + 1e-9);
            }
            None => assert_eq!(&row[col("balance")], ""),
        }
        assert_eq!(&row[col("seed")], p.session.seed().to_string());
    }
    assert!(
        rows.iter()
            .any(|r| &r[col("title")] == "La cafetera sin tíquet")
    );

    let mut bytes = Vec::new();
    csv_export::write_decisions(&records, &mut bytes).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let decisions: usize = group.iter().map(|p| p.session.steps().len()).sum();
    assert_eq!(rows.len(), decisions);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("¿cuándo la compró y para quién era?"));
    assert!(text.contains("«aquí se hace así». El cliente no tiene por qué adaptarse."));
}

#[test]
fn xapi_statements_carry_the_results() {
    let group = group();
    let records = records_of(&group);
    let statements = xapi::statements(&records, &xapi::XapiOptions::default());
    let decisions: usize = group.iter().map(|p| p.session.steps().len()).sum();
    assert_eq!(statements.len(), group.len() + decisions);
    let attempts: Vec<&serde_json::Value> = statements
        .iter()
        .filter(|s| s["verb"]["display"]["en-US"] != "answered")
        .collect();
    for (statement, p) in attempts.iter().zip(&group) {
        let verb = statement["verb"]["id"].as_str().unwrap();
        match p.session.outcome() {
            Some(momento::scenario::Outcome::Lost) => {
                assert!(verb.ends_with("/failed"));
                assert_eq!(statement["result"]["success"], false);
            }
            Some(_) => {
                assert!(verb.ends_with("/completed"));
                assert_eq!(statement["result"]["success"], true);
            }
            None => assert!(verb.ends_with("/terminated")),
        }
        // An abandoned attempt has no result.score at all.
        let shown = p
            .session
            .scorecard()
            .balance
            .filter(|_| p.session.is_finished());
        match shown {
            Some(balance) => {
                let scaled = statement["result"]["score"]["scaled"].as_f64().unwrap();
                assert!((scaled - balance / 100.0).abs() < 1e-4);
            }
            None => assert!(statement["result"].get("score").is_none()),
        }
        let extensions = statement["result"]["extensions"].as_object().unwrap();
        let care = extensions
            .iter()
            .find(|(k, _)| k.ends_with("/extensions/care"))
            .unwrap()
            .1
            .as_f64();
        match p.session.scorecard().scores()[2].filter(|_| p.session.is_finished()) {
            Some(expected) => assert!((care.unwrap() - expected).abs() < 0.01),
            None => assert_eq!(care, None),
        }
        assert_eq!(statement["result"]["duration"], "PT1M35S");
    }
    let ids: std::collections::HashSet<&str> = statements
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), statements.len(), "statement ids are unique");
    assert_eq!(
        xapi::statements(&records, &xapi::XapiOptions::default()),
        statements,
        "exporting twice gives the same statements"
    );
}

#[test]
fn simulated_attempts_are_complete_records_of_engine_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let options = momento::records::simulate::SimulateOptions {
        attempts: 12,
        every_reply: true,
        ..Default::default()
    };
    let mut writes = 0;
    momento::records::simulate::simulate(&[wrong_size(), cafetera()], &store, &options, |_| {
        writes += 1
    })
    .unwrap();
    let loaded = store.load();
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.records.len(), 12);
    assert!(writes > 12, "saved after every reply");
    for stored in &loaded.records {
        let record = &stored.record;
        let scenario = if record.scenario.id == "wrong-size" {
            wrong_size()
        } else {
            cafetera()
        };
        // Every record replays to the same scores: it came from the engine.
        let Replay::Exact(session) = replay(record, scenario) else {
            panic!("{} does not replay", stored.path.display());
        };
        assert_eq!(session.scorecard().scores(), record.scores.array());
        assert_eq!(AttemptOutcome::of(session.outcome()), record.outcome);
    }
    assert_eq!(path_names(dir.path()).len(), 12, "one file per attempt");
}

fn path_names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect()
}
