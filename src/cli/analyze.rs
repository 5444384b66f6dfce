//! `momento analyze`: the fairness report of one scenario.

use crate::analysis::{self, Analysis, Options, PathStep, TellDecision};
use crate::i18n;
use crate::labels;
use crate::lang::Lang;
use crate::scenario::{Dimension, Outcome};
use std::io::Write;

pub(super) fn run(
    name: &str,
    lang: Lang,
    runs: usize,
    seed: u64,
    max_states: usize,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let t = lang.texts();
    let Some(scenario) = super::load_named(name, Some(lang.code()), lang, out)? else {
        return Ok(1);
    };
    let options = Options {
        runs,
        seed,
        max_states,
        ..Options::default()
    };
    let analysis = match analysis::analyze(scenario, &options) {
        Ok(analysis) => analysis,
        Err(error) => {
            writeln!(out, "{}: {}", t.cli_error, error.message(lang))?;
            return Ok(1);
        }
    };
    if json {
        let text = serde_json::to_string_pretty(&analysis).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        write_report(&analysis, seed, lang, out)?;
    }
    Ok(0)
}

/// A path count as a whole number, or in scientific notation beyond
/// 10¹⁵ (never a saturated integer).
fn count_text(count: f64) -> String {
    if count < 1e15 {
        format!("{count:.0}")
    } else {
        let exponent = count.log10().floor();
        let mantissa = count / 10f64.powf(exponent);
        format!("≈ {mantissa:.2} × 10^{exponent:.0}")
    }
}

fn path_text(steps: &[PathStep]) -> String {
    steps
        .iter()
        .map(|s| format!("{}:{}", s.node, s.reply))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Width of the widest label, so a column lines up in either language.
fn width<'a>(labels: impl IntoIterator<Item = &'a str>) -> usize {
    labels
        .into_iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

fn write_report(a: &Analysis, seed: u64, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let t = lang.texts();
    writeln!(out, "{} ({})", a.scenario, a.language)?;
    if !a.exhaustive {
        writeln!(
            out,
            "{}",
            i18n::fill(
                t.analyze_estimate_banner,
                &[
                    ("states", &a.states.to_string()),
                    ("runs", &a.runs.to_string())
                ]
            )
        )?;
    }
    let head = width([
        t.analyze_decision_nodes,
        t.analyze_endings_count,
        t.analyze_paths,
    ]) + 3;
    writeln!(
        out,
        "  {:<head$}{}",
        t.analyze_decision_nodes, a.decision_nodes
    )?;
    writeln!(out, "  {:<head$}{}", t.analyze_endings_count, a.endings)?;
    let paths = match (a.paths, a.path_length) {
        (Some(paths), Some((shortest, longest))) => i18n::fill(
            t.analyze_paths_value,
            &[
                ("paths", &count_text(paths)),
                ("shortest", &shortest.to_string()),
                ("longest", &longest.to_string()),
            ],
        ),
        _ if a.exhaustive => t.analyze_paths_loops.to_string(),
        _ => t.analyze_paths_unknown.to_string(),
    };
    let walk = if a.exhaustive {
        t.analyze_exhaustive
    } else {
        t.analyze_cut_short
    };
    writeln!(out, "  {:<head$}{paths} {walk}", t.analyze_paths)?;

    let range = if a.exhaustive {
        t.analyze_range
    } else {
        t.analyze_range_sampled
    };
    writeln!(out, "\n{range}")?;
    let dimension_width = width(Dimension::ALL.map(|d| labels::dimension(lang, d)));
    for d in Dimension::ALL {
        let range = &a.ranges[d.index()];
        let mean = labels::score_1(a.random_mean[d.index()]);
        let estimate = if range.estimate {
            format!("   {}", t.analyze_estimate_mark)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:<dimension_width$}  {:>5} – {:<5}   {}{estimate}",
            labels::dimension(lang, d),
            labels::score_1(range.min),
            labels::score_1(range.max),
            i18n::fill(t.analyze_random_mean, &[("mean", &mean)])
        )?;
    }
    for (label, path) in [
        (t.analyze_best_path, &a.best),
        (t.analyze_worst_path, &a.worst),
    ] {
        if let Some(p) = path {
            let balance = labels::score_1(p.balance);
            let scores: Vec<String> = Dimension::ALL
                .iter()
                .map(|&d| {
                    let score = labels::score_1(p.scores[d.index()]);
                    format!("{} {score}", labels::dimension(lang, d))
                })
                .collect();
            let ending = i18n::fill(
                t.analyze_path_ending,
                &[
                    ("ending", &p.ending),
                    ("outcome", labels::outcome(lang, p.outcome)),
                ],
            );
            let estimate = if a.exhaustive {
                String::new()
            } else {
                format!(" {}", t.analyze_estimate_mark)
            };
            writeln!(
                out,
                "  {}{estimate}: {}, {ending}",
                i18n::fill(label, &[("balance", &balance)]),
                scores.join(", ")
            )?;
            writeln!(out, "    {}", path_text(&p.steps))?;
        }
    }

    writeln!(
        out,
        "\n{}",
        i18n::fill(
            t.analyze_endings,
            &[("runs", &a.runs.to_string()), ("seed", &seed.to_string())]
        )
    )?;
    let outcome_width =
        width([Outcome::Kept, Outcome::Neutral, Outcome::Lost].map(|o| labels::outcome(lang, o)));
    for e in &a.ending_hits {
        let share = if a.runs > 0 {
            100.0 * e.hits as f64 / a.runs as f64
        } else {
            0.0
        };
        let note = if e.hits == 0 && e.proven_unreachable {
            format!("   {}", t.analyze_never_reached)
        } else if e.hits == 0 && !e.reachable {
            format!("   {}", t.analyze_not_proven_unreachable)
        } else if e.hits == 0 {
            format!("   {}", t.analyze_not_reached_randomly)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:<28} {:<outcome_width$} {:>7} {:>6.1}%{note}",
            e.node,
            labels::outcome(lang, e.outcome),
            e.hits,
            share,
        )?;
    }
    if a.unfinished_runs > 0 {
        writeln!(
            out,
            "  {}",
            i18n::fill(
                t.analyze_unfinished,
                &[
                    ("count", &a.unfinished_runs.to_string()),
                    ("steps", &a.max_steps.to_string()),
                ]
            )
        )?;
    }

    let never_taken = if a.exhaustive {
        t.analyze_never_taken
    } else {
        t.analyze_never_taken_sampled
    };
    writeln!(out, "\n{never_taken}")?;
    if a.never_taken.is_empty() {
        writeln!(out, "  {}", t.analyze_none_never_taken)?;
    } else {
        for s in &a.never_taken {
            writeln!(out, "  {}:{}", s.node, s.reply)?;
        }
    }

    writeln!(out, "\n{}", t.analyze_node_hits)?;
    for n in &a.node_hits {
        writeln!(out, "  {:<28} {:>8}", n.node, n.hits)?;
    }

    writeln!(out, "\n{}", t.analyze_tell_check)?;
    let tell = width([t.analyze_length_correlation, t.analyze_best_position]) + 2;
    writeln!(
        out,
        "  {:<tell$}{:+.2}  {}",
        t.analyze_length_correlation,
        a.tell.length_correlation,
        if a.tell.length_tell {
            t.analyze_length_tell
        } else {
            t.analyze_length_ok
        }
    )?;
    if a.tell.length_tell {
        let suspects: Vec<&TellDecision> = a.tell.length_suspects().collect();
        let title = if a.tell.length_correlation >= 0.0 {
            t.analyze_tell_longest
        } else {
            t.analyze_tell_shortest
        };
        let title = i18n::fill(
            title,
            &[
                ("count", &suspects.len().to_string()),
                ("total", &a.tell.decisions.len().to_string()),
            ],
        );
        write_tell_where(&title, &suspects, lang, out)?;
    }
    let shares: Vec<String> = a
        .tell
        .best_position_share
        .iter()
        .enumerate()
        .map(|(i, s)| format!("#{} {:.0}%", i + 1, s * 100.0))
        .collect();
    writeln!(
        out,
        "  {:<tell$}{}  {}",
        t.analyze_best_position,
        shares.join(", "),
        if a.tell.position_tell {
            t.analyze_position_tell
        } else {
            t.analyze_position_ok
        }
    )?;
    if a.tell.position_tell {
        let suspects: Vec<&TellDecision> = a.tell.position_suspects().collect();
        let position = suspects
            .first()
            .and_then(|d| d.best_position)
            .map_or(0, |p| p + 1);
        let title = i18n::fill(
            t.analyze_tell_at_position,
            &[
                ("position", &position.to_string()),
                ("count", &suspects.len().to_string()),
                ("total", &a.tell.decisions_with_best.to_string()),
            ],
        );
        write_tell_where(&title, &suspects, lang, out)?;
    }
    write_audit(a, lang, out)
}

/// Most decisions listed under a tell; the JSON output has them all.
const MAX_TELL_DECISIONS: usize = 30;

/// The decisions behind a tell, one a line: the node, its best reply and
/// the others, with their lengths.
fn write_tell_where(
    title: &str,
    suspects: &[&TellDecision],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = lang.texts();
    writeln!(out, "    {title}")?;
    for decision in suspects.iter().take(MAX_TELL_DECISIONS) {
        let best = decision.replies.iter().find(|r| r.best);
        let others: Vec<String> = decision
            .replies
            .iter()
            .filter(|r| !r.best)
            .map(|r| format!("\"{}\" {}", r.reply, r.chars))
            .collect();
        let best = best.map_or(String::new(), |r| {
            i18n::fill(
                t.analyze_tell_best,
                &[("reply", &r.reply), ("chars", &r.chars.to_string())],
            )
        });
        writeln!(
            out,
            "      {}: {best}; {}",
            decision.node,
            i18n::fill(t.analyze_tell_others, &[("replies", &others.join(", "))])
        )?;
    }
    let more = suspects.len().saturating_sub(MAX_TELL_DECISIONS);
    if more > 0 {
        writeln!(out, "      … +{more} (--json)")?;
    }
    Ok(())
}

/// The strategy table, the claims and the fairness warnings.
fn write_audit(a: &Analysis, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let t = lang.texts();
    writeln!(out, "\n{}", t.analyze_strategies)?;
    let name_width = width(a.strategies.iter().map(|s| s.name.as_str())) + 2;
    writeln!(out, "  {:<name_width$}{}", "", t.analyze_strategy_columns)?;
    let percent = |share: f64| format!("{:.0}%", 100.0 * share);
    for s in &a.strategies {
        let estimate = if s.exhaustive {
            String::new()
        } else {
            format!("   ({})", t.analyze_estimate)
        };
        writeln!(
            out,
            "  {:<name_width$}{:>5} {:>7} {:>7}   {}–{}{estimate}",
            s.name,
            percent(s.kept),
            percent(s.neutral),
            percent(s.lost),
            labels::score(s.balance_min),
            labels::score(s.balance_max),
        )?;
    }
    writeln!(out, "\n{}", t.analyze_claims)?;
    let claims = &a.claims;
    let proven = if claims.proven {
        t.analyze_claims_proven
    } else {
        t.analyze_claims_unproven
    };
    let counts = i18n::fill(
        t.analyze_claims_value,
        &[
            ("checked", &claims.checked.to_string()),
            ("violated", &claims.violated.to_string()),
        ],
    );
    writeln!(out, "  {counts}; {proven}")?;
    for v in &claims.violations {
        writeln!(
            out,
            "  {}",
            i18n::fill(
                t.analyze_claim_violated,
                &[
                    ("claim", &v.claim),
                    ("ending", &v.ending),
                    ("path", &v.path.join(" → ")),
                    ("mood", &v.start_mood.to_string()),
                ],
            )
        )?;
    }
    writeln!(out, "\n{}", t.analyze_warnings)?;
    if a.warnings.is_empty() {
        writeln!(out, "  {}", t.analyze_no_warnings)?;
    }
    for warning in &a.warnings {
        let (message, hint) = warning.message();
        writeln!(out, "  {}", message.get(lang))?;
        writeln!(out, "    {}", hint.get(lang))?;
    }
    Ok(())
}
