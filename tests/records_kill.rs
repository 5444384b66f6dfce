//! The kill test: a process saving attempts as the app does (a new revision
//! after every reply) is killed at random moments, again and again. After
//! every kill each record file in the folder must be complete and readable
//! (or absent), every write the process reported must be there, and the
//! records written before must be byte-for-byte intact.

use momento::records::{LoadOptions, load_folder};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS: usize = 200;

fn momento() -> Command {
    Command::new(env!("CARGO_BIN_EXE_momento"))
}

fn fixtures() -> [PathBuf; 2] {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        root.join("tests/fixtures/valid"),
        root.join("tests/fixtures/records"),
    ]
}

fn simulate(dir: &Path, attempts: usize, seed: u64) -> Command {
    let [valid, records] = fixtures();
    let mut command = momento();
    command
        .arg("simulate-attempts")
        .arg(dir)
        .arg("--from")
        .arg(valid)
        .arg("--from")
        .arg(records)
        .args([
            "--attempts",
            &attempts.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .args(["--every-reply", "--progress"]);
    command
}

/// Every `.json` file in `dir` and its bytes.
fn snapshot(dir: &Path) -> HashMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// A small deterministic generator for the kill delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn killing_the_writer_never_leaves_a_broken_record_nor_harms_earlier_ones() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();

    // Earlier records, written to completion.
    let status = simulate(folder, 6, 1)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let earlier = snapshot(folder);
    assert_eq!(earlier.len(), 6);

    let seed = std::env::var("MOMENTO_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_260_301u64);
    let mut rng = Lcg(seed);
    let started = Instant::now();
    let mut acknowledged: HashMap<String, u32> = HashMap::new();
    let mut killed_running = 0;
    let mut kills_after_writes = 0;
    for round in 0..KILLS {
        let mut child = simulate(folder, 100_000, 1_000 + round as u64)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // From "before it wrote anything" to "in the middle of many writes".
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        if child.try_wait().unwrap().is_none() {
            killed_running += 1;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let mut output = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut output)
            .unwrap();
        let mut wrote = false;
        for line in output.lines() {
            let mut parts = line.splitn(4, ' ');
            if parts.next() != Some("saved") {
                continue;
            }
            let id = parts.next().unwrap().to_string();
            let revision: u32 = parts.next().unwrap().parse().unwrap();
            let entry = acknowledged.entry(id).or_default();
            *entry = (*entry).max(revision);
            wrote = true;
        }
        kills_after_writes += usize::from(wrote);

        // Read the folder as a trainer would: nothing moved, nothing tidied.
        let loaded = load_folder(folder, LoadOptions::default());
        assert!(
            loaded.problems.is_empty(),
            "round {round}: unreadable records after a kill: {:?}",
            loaded.problems
        );
        let found: HashMap<&str, u32> = loaded
            .records
            .iter()
            .map(|r| (r.record.attempt_id.as_str(), r.record.revision))
            .collect();
        for (id, revision) in &acknowledged {
            let on_disk = found.get(id.as_str()).copied();
            assert!(
                on_disk.is_some_and(|r| r >= *revision),
                "round {round}: attempt {id} was saved at revision {revision}, found {on_disk:?}"
            );
        }
        for (path, bytes) in &earlier {
            assert_eq!(
                std::fs::read(path).ok().as_ref(),
                Some(bytes),
                "round {round}: an earlier record changed: {}",
                path.display()
            );
        }
    }
    let leftovers = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    let loaded = load_folder(folder, LoadOptions::default());
    // Shown with `cargo test -- --nocapture`; quoted in the note.
    println!(
        "kill test: {KILLS} kills ({killed_running} while running, {kills_after_writes} after at least one write), \
         {} attempts acknowledged, {} records readable, {} partial temporary files left (ignored), 0 unreadable, \
         earlier records intact, {:.1} s",
        acknowledged.len(),
        loaded.records.len(),
        leftovers,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        killed_running, KILLS,
        "every kill must hit a running writer"
    );
    assert!(
        kills_after_writes >= KILLS / 4,
        "too few kills landed after writes began ({kills_after_writes}); the delays are too short"
    );
}
