//! `momento report`: what a group did, from a folder of attempt files.

use crate::i18n::Lang;
use crate::records::report::{self, NodeDecisions, Report, TraineeScenario};
use crate::records::{Filter, LoadOptions, csv_export, load_folder, xapi};
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
#[derive(Debug, Clone)]
pub struct ReportArgs {
    /// The folder of attempts.
    pub dir: PathBuf,
    /// Output format.
    pub format: ReportFormat,
    /// `--since`.
    pub since: Option<String>,
    /// `--until`.
    pub until: Option<String>,
    /// `--mode`.
    pub mode: Option<String>,
    /// `--out`.
    pub out: Option<PathBuf>,
    /// `--decisions`.
    pub decisions: bool,
    /// `--xapi-base`.
    pub xapi_base: Option<String>,
    /// `--xapi-homepage`.
    pub xapi_homepage: Option<String>,
}

pub(super) fn run(args: &ReportArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    if !args.dir.is_dir() {
        writeln!(
            out,
            "error: `{}` is not a folder; give the folder where the attempt files are",
            args.dir.display()
        )?;
        return Ok(2);
    }
    let filter = match filter_of(args) {
        Ok(filter) => filter,
        Err(message) => {
            writeln!(out, "error: {message}")?;
            return Ok(2);
        }
    };
    // A folder a trainer gathered is only read, never changed: unreadable
    // files are reported, not moved.
    let loaded = load_folder(&args.dir, LoadOptions::default());
    for problem in &loaded.problems {
        eprintln!("warning: {}", problem.message(Lang::En));
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
            let report = Report::build(records.iter().copied(), &Filter::default());
            write_table(&report, &args.dir, args.decisions, &mut buffer)?;
        }
    }
    match &args.out {
        Some(path) => {
            if let Err(error) = std::fs::write(path, &buffer) {
                writeln!(out, "error: could not write {}: {error}", path.display())?;
                return Ok(2);
            }
            writeln!(
                out,
                "wrote {} ({} attempts) to {}",
                format_name(args.format, args.decisions),
                records.len(),
                path.display()
            )?;
        }
        None => out.write_all(&buffer)?,
    }
    Ok(0)
}

fn format_name(format: ReportFormat, decisions: bool) -> &'static str {
    match (format, decisions) {
        (ReportFormat::Table, _) => "a table",
        (ReportFormat::Csv, false) => "CSV, a row per attempt",
        (ReportFormat::Csv, true) => "CSV, a row per decision",
        (ReportFormat::Json, _) => "JSON",
        (ReportFormat::Xapi, _) => "xAPI statements",
    }
}

fn filter_of(args: &ReportArgs) -> Result<Filter, String> {
    Ok(Filter {
        since: args
            .since
            .as_deref()
            .map(report::parse_time_bound)
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(report::parse_time_bound)
            .transpose()?,
        mode: args.mode.as_deref().map(report::parse_mode).transpose()?,
    })
}

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
            "{:>3.0} {:>3.0} {:>3.0}  {:>3.0}  {}",
            s.empathy,
            s.promise_keeping,
            s.care,
            s.balance,
            s.started_at.strftime("%Y-%m-%d")
        ),
        None => "—".to_string(),
    }
}

fn write_table(
    report: &Report,
    dir: &Path,
    decisions: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let trainees = report.trainees();
    writeln!(
        out,
        "{} attempts by {} trainees in {}",
        report.attempts.len(),
        trainees.len(),
        dir.display()
    )?;
    if report.attempts.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\nresults by trainee (scores: empathy, promise-keeping, care, balance, date)"
    )?;
    writeln!(
        out,
        "  {} {} {}  {}  best",
        pad("trainee", 18),
        pad("scenario", 24),
        pad("attempts", 16),
        pad("latest", 30),
    )?;
    for row in &report.results {
        write_result_row(row, out)?;
    }
    writeln!(
        out,
        "\nwhich reply the group chose at each decision (care: share of the care points at stake the reply earned)"
    )?;
    for scenario in &report.decisions {
        writeln!(
            out,
            "\n  {} — {} ({} attempts)",
            scenario.scenario_id, scenario.title, scenario.attempts
        )?;
        for node in &scenario.nodes {
            write_node(node, decisions, out)?;
        }
    }
    Ok(())
}

fn write_result_row(row: &TraineeScenario, out: &mut dyn Write) -> std::io::Result<()> {
    let trainee = if row.trainee.is_empty() {
        "(no name)"
    } else {
        &row.trainee
    };
    let tries = if row.abandoned > 0 {
        format!("{} ({} abandoned)", row.attempts, row.abandoned)
    } else {
        row.attempts.to_string()
    };
    writeln!(
        out,
        "  {} {} {}  {}  {}",
        pad(trainee, 18),
        pad(&row.scenario_id, 24),
        pad(&tries, 16),
        pad(&scores_text(row.latest.as_ref()), 30),
        scores_text(row.best.as_ref())
    )
}

fn write_node(node: &NodeDecisions, full_text: bool, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "    {} ({} decisions in {} attempts)",
        node.node_id, node.decisions, node.attempts
    )?;
    for reply in &node.replies {
        let care = match reply.quality[2] {
            Some(q) => format!("care {:>3.0}%", q * 100.0),
            None if reply.chosen == 0 => "never chosen".to_string(),
            None => "care   —".to_string(),
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
