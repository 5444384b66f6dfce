//! Workbench benchmarks: the layered layout, and the CPU time of a frame
//! of the workbench screen driven by egui_kittest (no rendering).
//!
//! Run with `cargo bench --bench workbench`. Scenarios come from the
//! seeded generator (`momento::generate`), loaded with
//! `Limits::unbounded()`. Targets: layout of 1,000 nodes under
//! 200 ms; median CPU time of a frame under 16 ms at 1,000 nodes, and
//! measured at 5,000.
//!
//! Frames are measured in three views: the whole graph fitted to the
//! window (every node and edge on screen, no text), the first view (the
//! start at a readable zoom, with text and clickable nodes), and the first
//! view while panning (the view moves every frame), plus the fitted view
//! with the analyser overlay on.

mod common;
use common::thread_cpu;
use egui_kittest::Harness;
use momento::analysis;
use momento::generate::scenario_text;
use momento::graph::{Document, Graph, Overlay, layout};
use momento::lang::Lang;
use momento::library::Library;
use momento::scenario::{Limits, load_str};
use momento::ui::workbench::{ViewRequest, WorkbenchView, workbench_ui};
use momento::ui::{Clock, ScreenCtx};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let index = ((samples.len() - 1) as f64 * p).round() as usize;
    samples[index]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Measures `f` `runs` times: (median wall, median CPU, 90th percentile CPU).
fn measure(runs: usize, mut f: impl FnMut()) -> (Duration, Duration, Duration) {
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let cpu_before = thread_cpu();
        let start = Instant::now();
        f();
        wall.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu_before, thread_cpu()) {
            cpu.push(after.saturating_sub(before));
        }
    }
    if cpu.is_empty() {
        cpu.push(Duration::ZERO);
    }
    (
        percentile(&mut wall, 0.5),
        percentile(&mut cpu, 0.5),
        percentile(&mut cpu, 0.9),
    )
}

fn layout_bench(nodes: usize) {
    let text = scenario_text(nodes, 42);
    let loaded = load_str(Path::new("bench.ron"), &text, &Limits::unbounded());
    let scenario = loaded.scenario.expect("generated scenario loads");
    let graph = Graph::of(&scenario);
    let runs = if nodes >= 5_000 { 5 } else { 20 };
    let mut result = None;
    let (wall, cpu, _) = measure(runs, || {
        result = Some(layout::layout(black_box(&graph)));
    });
    let result = result.expect("measured at least once");
    let columns = result.columns.iter().max().map_or(0, |c| c + 1);
    println!(
        "layout            {nodes:>6} nodes  {:>8.2} ms median wall, {:.2} ms median CPU  ({} edges, {columns} columns, {} bends, {} crossings, {runs} runs)",
        ms(wall),
        ms(cpu),
        graph.edges.len(),
        result.bends.len(),
        result.crossings,
    );
}

#[derive(Clone, Copy, PartialEq)]
enum View {
    Fit,
    First,
    Panning,
    FitWithOverlay,
}

fn frame_bench(nodes: usize, view: View) {
    let text = scenario_text(nodes, 42);
    let path = Path::new("generated.ron");
    let document = Document::from_text(path, &text, true, None, Limits::unbounded());
    let mut workbench = WorkbenchView::new(document);
    workbench.graph_view.request = Some(match view {
        View::Fit | View::FitWithOverlay => ViewRequest::Fit,
        View::First | View::Panning => ViewRequest::Initial,
    });
    if view == View::FitWithOverlay {
        let scenario = workbench.document.scenario.clone().expect("loaded");
        let options = momento::graph::overlay::options_for(nodes);
        let analysis = analysis::analyze(scenario.clone(), &options).expect("playable");
        workbench.overlay = Some(Overlay::of(&workbench.document.graph, &scenario, analysis));
        workbench.overlay_on = true;
    }
    let library = Library::default();
    let best_results = momento::ui::BestResults::new();
    let clock = Clock::frozen();
    let mut commands = Vec::new();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            move |ui, workbench: &mut WorkbenchView| {
                let lang = Lang::En;
                let mut frame = ScreenCtx {
                    lang,
                    t: lang.texts(),
                    library: &library,
                    best_results: &best_results,
                    clock: &clock,
                    commands: &mut commands,
                };
                workbench_ui(ui, workbench, &mut frame);
                commands.clear();
            },
            workbench,
        );
    for _ in 0..5 {
        harness.step();
    }
    let runs = if nodes >= 5_000 { 40 } else { 120 };
    let mut shift = 0.0;
    let (wall, cpu, cpu_p90) = measure(runs, || {
        if view == View::Panning {
            shift = if shift > 0.0 { -15.0 } else { 15.0 };
            let rect = &mut harness.state_mut().graph_view.scene_rect;
            *rect = rect.translate(egui::vec2(shift, shift * 0.5));
        }
        harness.step();
    });
    let name = match view {
        View::Fit => "whole graph",
        View::First => "first view",
        View::Panning => "first view, panning",
        View::FitWithOverlay => "whole graph + overlay",
    };
    println!(
        "frame             {nodes:>6} nodes  {:>8.2} ms median wall, {:.2} ms median CPU, {:.2} ms 90th pct CPU  ({name}, {runs} frames)",
        ms(wall),
        ms(cpu),
        ms(cpu_p90),
    );
}

fn main() {
    println!("Workbench benchmarks (release build; CPU = this thread's CPU time)");
    for nodes in [100, 1_000, 5_000] {
        layout_bench(nodes);
    }
    for nodes in [1_000, 5_000] {
        for view in [View::Fit, View::First, View::Panning, View::FitWithOverlay] {
            frame_bench(nodes, view);
        }
    }
}
