//! A report taken while two processes write attempts into the folder
//! (issue 12): each writer saves a new revision after every reply and
//! removes the previous one, so files vanish between a reader's listing
//! and its reading. Every report must count each attempt once, include
//! every attempt whose first save was announced before the report began,
//! count only attempts that were really saved, and print no warning at all.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A hang guard for the whole test, not a speed requirement.
const HANG_GUARD: Duration = Duration::from_secs(120);

fn writer(dir: &Path, seed: u64, trainee: &str) -> Child {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Command::new(env!("CARGO_BIN_EXE_momento"))
        .arg("simulate-attempts")
        .arg(dir)
        .arg("--from")
        .arg(root.join("tests/fixtures/valid"))
        .args(["--attempts", "60", "--seed", &seed.to_string()])
        .args(["--trainees", trainee, "--every-reply", "--progress"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start a writer")
}

/// Collects the attempt ids a writer announces (`saved ID REVISION PATH`,
/// printed once the write is durable).
fn announce(
    child: &mut Child,
    announced: Arc<Mutex<HashSet<String>>>,
) -> std::thread::JoinHandle<()> {
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(id) = line
                .strip_prefix("saved ")
                .and_then(|r| r.split(' ').next())
            {
                announced.lock().expect("lock").insert(id.to_string());
            }
        }
    })
}

struct Report {
    ids: Vec<String>,
    stderr: String,
}

fn report(dir: &Path) -> Report {
    let mut child = Command::new(env!("CARGO_BIN_EXE_momento"))
        .arg("report")
        .arg(dir)
        .args(["--format", "json"])
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start report");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let err_thread = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut out = Vec::new();
    stdout.read_to_end(&mut out).expect("read report");
    let status = child.wait().expect("wait");
    assert!(status.success());
    let json: serde_json::Value = serde_json::from_slice(&out).expect("report JSON");
    let ids = json["attempts"]
        .as_array()
        .expect("attempts")
        .iter()
        .map(|a| a["attempt_id"].as_str().expect("id").to_string())
        .collect();
    Report {
        ids,
        stderr: err_thread.join().expect("stderr"),
    }
}

#[test]
fn a_report_during_two_writers_counts_exactly_and_warns_about_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let announced = Arc::new(Mutex::new(HashSet::new()));
    let mut writers = [writer(dir.path(), 1, "Ana"), writer(dir.path(), 2, "Bea")];
    let readers: Vec<_> = writers
        .iter_mut()
        .map(|w| announce(w, Arc::clone(&announced)))
        .collect();
    let started = Instant::now();
    let mut reports = 0;
    let mut during_writes = 0;
    let mut seen: Vec<Vec<String>> = Vec::new();
    loop {
        let running = writers
            .iter_mut()
            .any(|w| w.try_wait().expect("wait").is_none());
        let before: HashSet<String> = announced.lock().expect("lock").clone();
        let taken = report(dir.path());
        reports += 1;
        if running {
            during_writes += 1;
        }
        assert!(
            taken.stderr.is_empty(),
            "report {reports} warned:\n{}",
            taken.stderr
        );
        let counted: HashSet<&String> = taken.ids.iter().collect();
        assert_eq!(counted.len(), taken.ids.len(), "an attempt counted twice");
        for id in &before {
            assert!(
                counted.contains(id),
                "report {reports} missed {id}, saved before it began"
            );
        }
        // Checked once every write is announced: a writer prints its line
        // just after the write, so the report may see the file first.
        seen.push(taken.ids);
        if !running {
            break;
        }
        assert!(started.elapsed() < HANG_GUARD, "the writers did not finish");
    }
    for r in readers {
        r.join().expect("announcer");
    }
    let announced = announced.lock().expect("lock").clone();
    for (n, ids) in seen.iter().enumerate() {
        for id in ids {
            assert!(
                announced.contains(id),
                "report {n} counted {id}, never saved"
            );
        }
    }
    // The reports raced the writers, and the last one saw every attempt.
    assert!(
        during_writes >= 3,
        "only {during_writes} reports during the writes"
    );
    let last = report(dir.path());
    assert_eq!(last.ids.len(), 120);
    assert!(last.stderr.is_empty());
}
