//! `momento report`: what a group did, from a folder of attempt files.
//!
//! The table and the messages follow `--lang`; CSV, JSON and xAPI are data
//! for other programs and read the same in any language.

use crate::i18n::{self, Texts};
use crate::labels;
use crate::lang::Lang;
use crate::records::report::{self, NodeDecisions, Report, TraineeScenario};
use crate::records::{Filter, LoadOptions, csv_export, load_folder, xapi};
use crate::scenario::Dimension;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output formats of `momento report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A readable table.
    Table,
    /// CSV: a row per attempt (or per decision with --decisions).
    Csv,
    /// The report's aggregates as JSON.
    Json,
    /// xAPI 1.0.3 statements (a JSON array) for a learning record store.
    Xapi,
}

/// What `momento report` was asked.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// The folder of attempt files (subfolders are read too).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Only attempts started on or after this day (YYYY-MM-DD, local time) or time (RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only attempts started before this day or time.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only attempts in this mode: practice, assessment or classroom.
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,
    /// Write to this file instead of the terminal.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// CSV: a row per decision instead of per attempt. Table: full reply texts.
    #[arg(long)]
    pub decisions: bool,
    /// xAPI: base IRI of activities and extensions.
    #[arg(long, value_name = "IRI")]
    pub xapi_base: Option<String>,
    /// xAPI: home page of the trainees' accounts.
    #[arg(long, value_name = "URL")]
    pub xapi_homepage: Option<String>,
}

pub(super) fn run(args: &ReportArgs, lang: Lang, out: &mut dyn Write) -> std::io::Result<i32> {
    let t = lang.texts();
    if !args.dir.is_dir() {
        let folder = args.dir.display().to_string();
        writeln!(
            out,
            "{}: {}",
            t.cli_error,
            i18n::fill(t.report_cli_not_a_folder, &[("folder", &folder)])
        )?;
        return Ok(2);
    }
    let filter = match filter_of(args, lang) {
        Ok(filter) => filter,
        Err(message) => {
            writeln!(out, "{}: {message}", t.cli_error)?;
            return Ok(2);
        }
    };
    // A folder a trainer gathered is only read, never changed: unreadable
    // files are reported, not moved.
    let loaded = load_folder(&args.dir, LoadOptions::default());
    for problem in &loaded.problems {
        // The names and reasons come from the folder: escaped for the terminal.
        let line = format!("{}: {}", t.diag_warning, problem.message(lang));
        eprintln!("{}", crate::terminal::sanitize(&line));
    }
    let records: Vec<_> = loaded
        .records
        .iter()
        .map(|s| &s.record)
        .filter(|r| filter.accepts(r))
        .collect();
    let mut buffer = Vec::new();
    match args.format {
        ReportFormat::Csv if args.decisions => {
            csv_export::write_decisions(records.iter().copied(), &mut buffer)
                .map_err(std::io::Error::other)?;
        }
        ReportFormat::Csv => {
            let report = Report::build(records.iter().copied(), &Filter::default());
            csv_export::write_attempts(&report.attempts, &mut buffer)
                .map_err(std::io::Error::other)?;
        }
        ReportFormat::Json => {
            let report = Report::build(records.iter().copied(), &Filter::default());
            serde_json::to_writer_pretty(&mut buffer, &report).map_err(std::io::Error::other)?;
            buffer.push(b'\n');
        }
        ReportFormat::Xapi => {
            let mut options = xapi::XapiOptions::default();
            if let Some(base) = &args.xapi_base {
                options.base_iri = base.clone();
            }
            if let Some(home) = &args.xapi_homepage {
                options.home_page = home.clone();
            }
            let statements = xapi::statements(records.iter().copied(), &options);
            serde_json::to_writer_pretty(&mut buffer, &statements)
                .map_err(std::io::Error::other)?;
            buffer.push(b'\n');
        }
        ReportFormat::Table => {
            let mut report = Report::build(records.iter().copied(), &Filter::default());
            // The table speaks the reader's language: texts of attempts in
            // it, else the built-in scenario's title (loaded only if needed).
            let built_in = std::cell::OnceCell::new();
            crate::records::localize::localize(
                &mut report,
                records.iter().copied(),
                lang.code(),
                |id| {
                    built_in
                        .get_or_init(crate::library::Library::built_in)
                        .find(id, lang.code())
                        .and_then(|entry| entry.scenario.as_ref())
                        .map(|scenario| scenario.title.value.clone())
                },
            );
            // Escaped here too, not only on the terminal: `--out` writes
            // the table to a file that is read with `cat`.
            let mut safe = crate::terminal::SafeWriter::new(&mut buffer);
            write_table(&report, &args.dir, args.decisions, lang, &mut safe)?;
        }
    }
    match &args.out {
        Some(path) => {
            let file = path.display().to_string();
            if let Err(error) = std::fs::write(path, &buffer) {
                let error = error.to_string();
                writeln!(
                    out,
                    "{}: {}",
                    t.cli_error,
                    i18n::fill(
                        t.report_cli_cannot_write,
                        &[("file", &file), ("error", &error)]
                    )
                )?;
                return Ok(2);
            }
            writeln!(
                out,
                "{}",
                i18n::fill(
                    t.report_cli_wrote,
                    &[
                        ("format", format_name(args.format, args.decisions, t)),
                        (
                            "attempts",
                            &i18n::count(
                                records.len(),
                                t.report_cli_attempts_one,
                                t.report_cli_attempts_many
                            )
                        ),
                        ("file", &file),
                    ]
                )
            )?;
        }
        None => out.write_all(&buffer)?,
    }
    Ok(0)
}

fn format_name(format: ReportFormat, decisions: bool, t: &'static Texts) -> &'static str {
    match (format, decisions) {
        (ReportFormat::Table, _) => t.report_cli_format_table,
        (ReportFormat::Csv, false) => t.report_cli_format_csv_attempts,
        (ReportFormat::Csv, true) => t.report_cli_format_csv_decisions,
        (ReportFormat::Json, _) => t.report_cli_format_json,
        (ReportFormat::Xapi, _) => t.report_cli_format_xapi,
    }
}

/// The filter of `--since`, `--until` and `--mode`, or what is wrong with
/// them in `lang`.
fn filter_of(args: &ReportArgs, lang: Lang) -> Result<Filter, String> {
    let t = lang.texts();
    let time_bound = |text: &str| {
        report::parse_time_bound(text)
            .ok_or_else(|| i18n::fill(t.report_cli_bad_date, &[("value", text.trim())]))
    };
    let mode = |text: &str| {
        report::parse_mode(text).ok_or_else(|| {
            // Both spellings are accepted: offer the ones of the reader's language.
            let practice = t.mode_practice.to_lowercase();
            let assessment = t.mode_assessment.to_lowercase();
            i18n::fill(
                t.report_cli_bad_mode,
                &[
                    ("value", text.trim()),
                    ("practice", &practice),
                    ("assessment", &assessment),
                ],
            )
        })
    };
    Ok(Filter {
        since: args.since.as_deref().map(time_bound).transpose()?,
        until: args.until.as_deref().map(time_bound).transpose()?,
        mode: args.mode.as_deref().map(mode).transpose()?,
    })
}

/// Width of the attempts column: room for "12 (10 sin terminar)".
const ATTEMPTS_WIDTH: usize = 20;

/// Pads `text` to `width` characters (not bytes: names have accents).
fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count >= width {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        if count > width {
            return format!("{cut}…");
        }
        return text.to_string();
    }
    format!("{text}{}", " ".repeat(width - count))
}

fn scores_text(summary: Option<&report::AttemptSummary>) -> String {
    match summary {
        Some(s) => format!(
            "{:>3} {:>3} {:>3}  {:>3}  {}",
            labels::score(s.empathy),
            labels::score(s.promise_keeping),
            labels::score(s.care),
            labels::score(s.balance),
            s.started_at.strftime("%Y-%m-%d")
        ),
        None => "—".to_string(),
    }
}

fn write_table(
    report: &Report,
    dir: &Path,
    decisions: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = lang.texts();
    let folder = dir.display().to_string();
    writeln!(
        out,
        "{}",
        i18n::fill(
            t.report_cli_summary,
            &[
                (
                    "attempts",
                    &i18n::count(
                        report.attempts.len(),
                        t.report_cli_attempts_one,
                        t.report_cli_attempts_many
                    )
                ),
                (
                    "trainees",
                    &i18n::count(
                        report.trainees().len(),
                        t.report_cli_trainees_one,
                        t.report_cli_trainees_many
                    )
                ),
                ("folder", &folder),
            ]
        )
    )?;
    if report.attempts.is_empty() {
        return Ok(());
    }
    // The columns of a score, in the order `scores_text` prints them.
    let scores: Vec<&str> = Dimension::ALL
        .iter()
        .map(|&dimension| labels::dimension(lang, dimension))
        .chain([t.balance])
        .collect();
    writeln!(
        out,
        "\n{}",
        i18n::fill(t.report_cli_results, &[("scores", &scores.join(" · "))])
    )?;
    writeln!(
        out,
        "  {} {} {}  {}  {}",
        pad(t.col_trainee, 18),
        pad(t.col_scenario, 24),
        pad(t.col_attempts, ATTEMPTS_WIDTH),
        pad(t.col_latest, 30),
        t.col_best,
    )?;
    for row in &report.results {
        write_result_row(row, t, out)?;
    }
    writeln!(
        out,
        "\n{}",
        i18n::fill(
            t.report_cli_decisions,
            &[
                ("care_short", t.report_cli_care_short),
                ("care", labels::dimension(lang, Dimension::Care)),
            ]
        )
    )?;
    for scenario in &report.decisions {
        writeln!(
            out,
            "\n  {}",
            i18n::fill(
                t.report_cli_scenario,
                &[
                    ("scenario", &scenario.scenario_id),
                    ("title", &scenario.title),
                    (
                        "attempts",
                        &i18n::count(
                            scenario.attempts,
                            t.report_cli_attempts_one,
                            t.report_cli_attempts_many
                        )
                    ),
                ]
            )
        )?;
        for node in &scenario.nodes {
            write_node(node, decisions, t, out)?;
        }
    }
    write_groups(&report.groups, lang, out)
}

/// Classroom sessions, apart from the trainees' own attempts: per group
/// attempt its scores, then the votes at each decision and the reply the
/// conversation followed.
fn write_groups(
    groups: &[report::GroupSession],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if groups.is_empty() {
        return Ok(());
    }
    let t = crate::i18n::classroom::texts(lang);
    writeln!(
        out,
        "\n{}",
        i18n::fill(t.cli_groups, &[("count", &groups.len().to_string())])
    )?;
    for group in groups {
        let a = &group.attempt;
        writeln!(
            out,
            "  {} {} {}  {}",
            pad(&a.trainee, 18),
            pad(&a.scenario_id, 24),
            pad(a.outcome.code(), 10),
            scores_text(Some(a)),
        )?;
        for decision in &group.decisions {
            let votes: Vec<String> = decision
                .votes
                .iter()
                .map(|v| {
                    let mark = if decision.majority.as_deref() == Some(v.reply_id.as_str()) {
                        format!(" ({})", t.cli_majority)
                    } else {
                        String::new()
                    };
                    format!("{}={}{mark}", v.reply_id, v.votes)
                })
                .collect();
            writeln!(
                out,
                "    {:>2}. {} {}  {}: {}",
                decision.step,
                pad(&decision.node_id, 18),
                votes.join("  "),
                t.cli_followed,
                decision.followed
            )?;
        }
    }
    Ok(())
}

fn write_result_row(row: &TraineeScenario, t: &Texts, out: &mut dyn Write) -> std::io::Result<()> {
    let trainee = if row.trainee.is_empty() {
        t.report_unnamed
    } else {
        &row.trainee
    };
    let tries = if row.abandoned > 0 {
        let abandoned = i18n::fill(
            t.report_cli_abandoned,
            &[("count", &row.abandoned.to_string())],
        );
        format!("{} ({abandoned})", row.attempts)
    } else {
        row.attempts.to_string()
    };
    writeln!(
        out,
        "  {} {} {}  {}  {}",
        pad(trainee, 18),
        pad(&row.scenario_id, 24),
        pad(&tries, ATTEMPTS_WIDTH),
        pad(&scores_text(row.latest.as_ref()), 30),
        scores_text(row.best.as_ref())
    )
}

fn write_node(
    node: &NodeDecisions,
    full_text: bool,
    t: &Texts,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "    {}",
        i18n::fill(
            t.report_cli_node,
            &[
                (
                    "prompt",
                    &crate::debrief::shorten(
                        node.prompt
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .as_str(),
                        90
                    ),
                ),
                ("node", &node.node_id),
                (
                    "decisions",
                    &i18n::count(
                        node.decisions,
                        t.report_cli_decisions_one,
                        t.report_cli_decisions_many
                    )
                ),
                (
                    "attempts",
                    &i18n::count(
                        node.attempts,
                        t.report_cli_attempts_one,
                        t.report_cli_attempts_many
                    )
                ),
            ]
        )
    )?;
    let care_label = t.report_cli_care_short;
    for reply in &node.replies {
        let care = match reply.quality[2] {
            Some(q) => format!("{care_label} {:>3.0}%", q * 100.0),
            None if reply.chosen == 0 => t.report_cli_never_chosen.to_string(),
            None => format!("{care_label}   —"),
        };
        let text = if full_text {
            reply.text.clone()
        } else {
            crate::debrief::shorten(&reply.text, 60)
        };
        writeln!(
            out,
            "      {:>4.0}%  {:>3}  {}  {}  {}",
            reply.share * 100.0,
            reply.chosen,
            pad(&reply.reply_id, 14),
            pad(&care, 12),
            text
        )?;
    }
    Ok(())
}
