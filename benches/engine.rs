//! Engine benchmarks: load + validate, and random playthroughs per second.
//!
//! Run with `cargo bench --bench engine`. Scenarios come from the seeded
//! generator (`momento::generate`), shaped as the foundation issue
//! specifies. Targets: load + validate of 10,000 nodes under 100 ms;
//! at least 250,000 random playthroughs per second at 1,000 nodes.

mod common;
use common::{median, thread_cpu};
use momento::analysis::random_playthrough;
use momento::engine::{Mode, Rng, Session};
use momento::generate::scenario_text;
use momento::scenario::{Limits, load_str};
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn load_and_validate(nodes: usize) {
    let text = scenario_text(nodes, 42);
    let limits = Limits::unbounded();
    let runs = if nodes >= 10_000 { 15 } else { 60 };
    let mut samples = Vec::with_capacity(runs);
    let mut cpu_samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let cpu = thread_cpu();
        let start = Instant::now();
        let loaded = load_str(Path::new("bench.ron"), black_box(&text), &limits);
        let scenario = loaded.scenario.expect("generated scenario loads");
        assert!(scenario.checked, "generated scenario has errors");
        black_box(&scenario);
        samples.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu, thread_cpu()) {
            cpu_samples.push(after.saturating_sub(before));
        }
        // Freeing the scenario is not part of loading it.
        drop(scenario);
    }
    let cpu = if cpu_samples.is_empty() {
        String::from("n/a")
    } else {
        format!("{:.2} ms", median(cpu_samples).as_secs_f64() * 1000.0)
    };
    println!(
        "load + validate   {nodes:>6} nodes  {:>8.2} ms median wall, {cpu} median CPU  ({} KiB of RON, {runs} runs)",
        median(samples).as_secs_f64() * 1000.0,
        text.len() / 1024
    );
}

fn playthroughs(nodes: usize) {
    let text = scenario_text(nodes, 42);
    let loaded = load_str(Path::new("bench.ron"), &text, &Limits::unbounded());
    let scenario = Arc::new(loaded.scenario.expect("generated scenario loads"));
    let mut session = Session::new(scenario, 0, Mode::Practice).expect("playable");
    let mut picker = Rng::new(7);
    // Warm up, then measure for about two seconds.
    for seed in 0..10_000 {
        session.reset(seed);
        random_playthrough(&mut session, &mut picker, 10_000);
    }
    let mut runs = 0u64;
    let mut decisions = 0u64;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        for _ in 0..1_000 {
            session.reset(runs);
            let ended = random_playthrough(&mut session, &mut picker, 10_000);
            assert!(ended, "every generated playthrough ends");
            decisions += session.steps().len() as u64;
            runs += 1;
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "random play       {nodes:>6} nodes  {:>10.0} playthroughs/s  ({:.1} decisions per playthrough, {:.0} ns per decision)",
        runs as f64 / seconds,
        decisions as f64 / runs as f64,
        seconds * 1e9 / decisions as f64
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing
    // useful either: both run the full measurement, which is short.
    load_and_validate(1_000);
    load_and_validate(10_000);
    playthroughs(1_000);
}
