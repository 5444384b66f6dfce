//! `momento analyze`: the fairness report of one scenario.

use crate::analysis::{self, Analysis, Options, PathStep};
use crate::scenario::Dimension;
use std::io::Write;

pub(super) fn run(
    name: &str,
    lang: Option<&str>,
    runs: usize,
    seed: u64,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(scenario) = super::load_named(name, lang, out)? else {
        return Ok(1);
    };
    let options = Options {
        runs,
        seed,
        ..Options::default()
    };
    let analysis = match analysis::analyze(scenario, &options) {
        Ok(analysis) => analysis,
        Err(error) => {
            writeln!(out, "error: {error}")?;
            return Ok(1);
        }
    };
    if json {
        let text = serde_json::to_string_pretty(&analysis).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        write_report(&analysis, seed, out)?;
    }
    Ok(0)
}

fn path_text(steps: &[PathStep]) -> String {
    steps
        .iter()
        .map(|s| format!("{}:{}", s.node, s.reply))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn dimension_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Empathy => "empathy",
        Dimension::Promise => "promise-keeping",
        Dimension::Care => "care-not-educate",
    }
}

fn write_report(a: &Analysis, seed: u64, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} ({})", a.scenario, a.language)?;
    writeln!(out, "  decision nodes   {}", a.decision_nodes)?;
    writeln!(out, "  endings          {}", a.endings)?;
    writeln!(
        out,
        "  paths            {} complete paths of {} to {} decisions{}",
        a.paths,
        a.path_length.0,
        a.path_length.1,
        if a.exhaustive {
            " (every path walked)"
        } else {
            " (walk cut short: figures below are a lower bound)"
        }
    )?;

    writeln!(out, "\nachievable range (every path)")?;
    for d in Dimension::ALL {
        let range = &a.ranges[d.index()];
        writeln!(
            out,
            "  {:<17} {:>5.1} – {:<5.1}   random play averages {:.1}",
            dimension_name(d),
            range.min,
            range.max,
            a.random_mean[d.index()]
        )?;
    }
    for (label, path) in [("best", &a.best), ("worst", &a.worst)] {
        if let Some(p) = path {
            writeln!(
                out,
                "  {label} path by balance ({:.1}): empathy {:.1}, promise {:.1}, care {:.1}, ending `{}` ({:?})",
                p.balance, p.scores[0], p.scores[1], p.scores[2], p.ending, p.outcome
            )?;
            writeln!(out, "    {}", path_text(&p.steps))?;
        }
    }

    writeln!(
        out,
        "\nendings ({} random playthroughs from seed {seed})",
        a.runs
    )?;
    for e in &a.ending_hits {
        let share = if a.runs > 0 {
            100.0 * e.hits as f64 / a.runs as f64
        } else {
            0.0
        };
        writeln!(
            out,
            "  {:<28} {:<8} {:>7} {:>6.1}%{}",
            e.node,
            format!("{:?}", e.outcome),
            e.hits,
            share,
            if e.hits == 0 && !e.reachable {
                "   NEVER REACHED"
            } else if e.hits == 0 {
                "   not reached by random play"
            } else {
                ""
            }
        )?;
    }
    if a.unfinished_runs > 0 {
        writeln!(
            out,
            "  {} playthroughs did not end within the step limit (a loop?)",
            a.unfinished_runs
        )?;
    }

    writeln!(out, "\nreplies never taken by any path")?;
    if a.never_taken.is_empty() {
        writeln!(out, "  none: every reply is on some path")?;
    } else {
        for s in &a.never_taken {
            writeln!(out, "  {}:{}", s.node, s.reply)?;
        }
    }

    writeln!(out, "\nnode hits (random play)")?;
    for n in &a.node_hits {
        writeln!(out, "  {:<28} {:>8}", n.node, n.hits)?;
    }

    writeln!(out, "\ntell check")?;
    writeln!(
        out,
        "  length/score correlation  {:+.2}  {}",
        a.tell.length_correlation,
        if a.tell.length_tell {
            "TELL: the best reply tends to be the longest (or shortest); keep |r| below 0.30"
        } else {
            "ok (|r| below 0.30)"
        }
    )?;
    let shares: Vec<String> = a
        .tell
        .best_position_share
        .iter()
        .enumerate()
        .map(|(i, s)| format!("#{} {:.0}%", i + 1, s * 100.0))
        .collect();
    writeln!(
        out,
        "  best reply position       {}  {}",
        shares.join(", "),
        if a.tell.position_tell {
            "TELL: the best reply sits in the same place too often; vary its position"
        } else {
            "ok"
        }
    )?;
    Ok(())
}
