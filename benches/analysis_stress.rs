//! The analyser on state-heavy scenarios: time and peak memory per
//! scenario, each analysed in a child process of its own so that its peak
//! memory is its own.
//!
//! Run with `cargo bench --bench analysis_stress`. Targets: each analysis
//! under 10 s and under 500 MB peak, with the default budgets.

use momento::analysis::{Options, analyze};
use momento::generate::Stress;
use momento::scenario::{Limits, load_str};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

const ONE: &str = "MOMENTO_STRESS_ONE";

/// Peak resident memory of this process, in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn run_one(name: &str) {
    let Some(stress) = Stress::set().into_iter().find(|s| s.name() == name) else {
        eprintln!("no stress scenario called {name}");
        std::process::exit(2);
    };
    let text = stress.text();
    let loaded = load_str(Path::new("stress.ron"), &text, &Limits::unbounded());
    let Some(scenario) = loaded.playable().cloned() else {
        eprintln!("{name} does not load");
        std::process::exit(2);
    };
    let started = Instant::now();
    let analysis = match analyze(Arc::new(scenario), &Options::default()) {
        Ok(analysis) => analysis,
        Err(error) => {
            eprintln!("{name}: {error}");
            std::process::exit(2);
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let paths = analysis
        .paths
        .map_or_else(|| "unknown".to_string(), |p| format!("{p:.3e}"));
    println!(
        "| {name} | {seconds:.2} s | {:.0} MB | {} | {} | {paths} | {} |",
        peak_mb().unwrap_or(f64::NAN),
        analysis.states,
        if analysis.exhaustive {
            "exhaustive"
        } else {
            "estimate"
        },
        analysis.claims.proven,
    );
}

fn main() {
    if let Ok(name) = std::env::var(ONE) {
        run_one(&name);
        return;
    }
    let Ok(me) = std::env::current_exe() else {
        eprintln!("cannot find this benchmark's own executable");
        return;
    };
    println!("| scenario | time | peak memory | states | walk | paths | claims proven |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for stress in Stress::set() {
        let status = Command::new(&me).env(ONE, stress.name()).status();
        if !status.is_ok_and(|s| s.success()) {
            println!("| {} | failed | | | | | |", stress.name());
        }
    }
}
