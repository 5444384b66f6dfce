//! Hostile input benchmarks (issue 12): `momento check` on crafted files,
//! timed end to end in process (read, parse, decode, check, render the
//! text output into memory). Budget: every 2 MiB file, of any shape,
//! checked in under 1 s; output bounded (under 2 MB).
//!
//! Run with `cargo bench --bench hostile`. The same cases are asserted
//! for size, exit status and "finishes" in `tests/hostile_input.rs`; only
//! the times are measured here.

mod common;
use clap::Parser;
use common::{median, thread_cpu};
use momento::cli::{Cli, run};
use std::path::Path;
use std::time::Instant;

fn scenario(choices: &str, tags: &str) -> String {
    format!(
        r#"Scenario(format: 1, id: "b", version: 1, language: "en", title: "T", summary: "S",
 tags: [{tags}], customer: (names: ["A"], persona: "P", mood: Between(40, 50)), start: "a",
 nodes: {{ "a": Node(text: "Hi.", choices: [{choices}]), "z": Ending(outcome: Kept, text: "E.", debrief: "D.") }})
"#
    )
}

fn choice(id: &str, text: &str, next: &str) -> String {
    format!(r#"Choice(id: "{id}", text: "{text}", feedback: "F.", next: "{next}"), "#)
}

/// Runs `momento check FILE` `runs` times; prints the median times, the
/// exit status and the output size.
fn check(dir: &Path, name: &str, text: &str, json: bool) {
    let file = dir.join(name);
    std::fs::write(&file, text).expect("write");
    let mut samples = Vec::new();
    let mut cpu_samples = Vec::new();
    let (mut code, mut bytes) = (0, 0);
    for _ in 0..5 {
        let mut args = vec!["momento", "check", "--lang", "en"];
        if json {
            args.push("--json");
        }
        let file = file.to_str().expect("path");
        args.push(file);
        let cli = Cli::try_parse_from(args).expect("arguments");
        let command = cli.command.expect("a command");
        let mut out = Vec::new();
        let cpu = thread_cpu();
        let start = Instant::now();
        code = run(command, &mut std::io::empty(), &mut out);
        samples.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu, thread_cpu()) {
            cpu_samples.push(after.saturating_sub(before));
        }
        bytes = out.len();
    }
    let cpu = if cpu_samples.is_empty() {
        "n/a".to_string()
    } else {
        format!("{:.0} ms", median(cpu_samples).as_secs_f64() * 1000.0)
    };
    println!(
        "check{} {name:<28} {:>7} KiB  {:>6.0} ms median wall, {cpu:>7} CPU  exit {code}, {} KiB of output",
        if json { " --json" } else { "       " },
        text.len() / 1024,
        median(samples).as_secs_f64() * 1000.0,
        bytes / 1024
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    // 8,000 duplicate choices on one line.
    let dups = scenario(&choice("d", "Same.", "z").repeat(8_000), "");
    check(dir, "8000-duplicates.ron", &dups, false);
    check(dir, "8000-duplicates.ron", &dups, true);
    // 4,900 empty texts on one line; 20,000 integers in `tags`.
    check(
        dir,
        "4900-empty-texts.ron",
        &scenario(&choice("e", "", "z").repeat(4_900), ""),
        false,
    );
    let tags = (0..20_000)
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    check(
        dir,
        "20000-int-tags.ron",
        &scenario(&choice("c", "Y.", "z"), &tags),
        false,
    );
    // A million problems in 2 MiB: 10,000 kept, the rest counted (E026).
    let million = "0,".repeat(1_000_000);
    check(
        dir,
        "1M-int-tags.ron",
        &scenario(&choice("c", "Y.", "z"), &million),
        false,
    );
    // A 2 MiB file with 1 M-character ids: an unknown `next` beside a node
    // id of the same length.
    let long = "n".repeat(1_000_000);
    let other = format!("{}m", "n".repeat(999_999));
    let ids = scenario(&choice("c", "Y.", &other), "").replace(
        r#""z": Ending"#,
        &format!(r#""{long}": Ending(outcome: Lost, text: "x", debrief: "x"), "z": Ending"#),
    );
    check(dir, "1M-char-ids.ron", &ids, false);
    // 2 MiB shapes: one long line; 18,000 unknown `next`s of 39 characters
    // among 3,000 nodes of 40 (the suggestion budget's worst case).
    let line = scenario(&choice("c", &"word ".repeat(400_000), "nowhere"), "").replace('\n', " ");
    check(dir, "2MiB-one-line.ron", &line, false);
    let nodes: String = (0..3_000)
        .map(|i| {
            format!(
                r#""{}{i:05}": Ending(outcome: Kept, text: "E.", debrief: "D."),"#,
                "k".repeat(35)
            )
        })
        .collect();
    let nexts: String = (0..18_000)
        .map(|i| {
            format!(
                r#"Choice(id: "{i}", text: "T.", feedback: "F.", next: "{}{i:05}"),"#,
                "j".repeat(34)
            )
        })
        .collect();
    let many = scenario(&nexts, "").replace(r#""z": Ending"#, &format!(r#"{nodes} "z": Ending"#));
    check(dir, "18000-unknown-nexts.ron", &many, false);
    // Deep nesting up to the size limit.
    let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    check(dir, "deep-nesting.ron", &deep, false);
    // Special files: refused at once.
    #[cfg(unix)]
    {
        let fifo = dir.join("fifo.ron");
        let name = std::ffi::CString::new(fifo.to_str().expect("path")).expect("path");
        // SAFETY: a valid NUL-terminated path.
        if unsafe { libc::mkfifo(name.as_ptr(), 0o600) } == 0 {
            let start = Instant::now();
            let cli = Cli::try_parse_from(["momento", "check", fifo.to_str().expect("path")])
                .expect("arguments");
            let code = run(
                cli.command.expect("command"),
                &mut std::io::empty(),
                &mut Vec::new(),
            );
            println!(
                "check          a FIFO named x.ron          {:>6.2} ms  exit {code}",
                start.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
