//! The command line: `momento` opens the app; `check`, `analyze` and
//! `play` are for trainers (and for playing without a screen).

mod analyze;
mod check;
mod handout;
mod play;
mod report;
mod simulate;

pub mod about;
pub mod generate;

pub use report::ReportFormat;

use crate::i18n;

use crate::lang::Lang;
use crate::library::Library;
use crate::scenario::Scenario;
use crate::terminal::SafeWriter;
use clap::{Parser, Subcommand};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "momento",
    version = crate::version::version_for_environment(),
    about = "Practise the moments of truth of customer service.",
    long_about = "Practise the moments of truth of customer service.\n\n\
        Run with no command to open the app. The commands below are for trainers \
        who write scenarios, and for playing in a terminal.",
    after_help = "Examples:\n  \
        momento                                   open the app\n  \
        momento check                             check the built-in scenarios\n  \
        momento check my-scenarios/               check every .ron file in a folder\n  \
        momento analyze my-scenarios/es/x.ron     prove a scenario is fair\n  \
        momento play scenarios/es/garantia-sin-ticket.ron --seed 7\n  \
        momento workbench my-scenarios/es/x.ron   see the graph while you edit\n  \
        momento report attempts/ --format csv --out group.csv   a row per attempt\n  \
        momento handout garantia-sin-ticket --out hoja.pdf    a facilitator sheet\n  \
        momento debrief-pdf attempts/x.json --out repaso.pdf  an attempt to print"
)]
pub struct Cli {
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Add a folder of your own scenarios to the app's library.
    #[arg(long, value_name = "DIR", global = true)]
    pub scenarios: Option<PathBuf>,
    /// Keep attempt records in this folder instead of the user's data folder.
    #[arg(long, value_name = "DIR")]
    pub records: Option<PathBuf>,
}

/// The trainer commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and report every problem as file:line:col.
    ///
    /// Exits with status 1 if any file has an error (warnings alone pass).
    Check {
        /// Files or folders to check; by default the built-in scenarios.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print the diagnostics as JSON, for editors and scripts.
        #[arg(long)]
        json: bool,
        /// Treat warnings as errors (exit status 1).
        #[arg(long)]
        deny_warnings: bool,
        /// Language of the report (es or en); by default the system's.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Play a scenario every way it can be played and report whether it is fair.
    ///
    /// Walks every path for the achievable range of each score, runs random
    /// playthroughs for hit counts, and checks for "tells" (the best reply
    /// always the longest, or always in the same place).
    Analyze {
        /// A scenario file, or the id of a built-in scenario.
        #[arg(value_name = "FILE")]
        file: String,
        /// Number of random playthroughs.
        #[arg(long, default_value_t = 10_000, value_name = "N")]
        runs: usize,
        /// Seed of the first random playthrough.
        #[arg(long, default_value_t = 1, value_name = "S")]
        seed: u64,
        /// States the exhaustive walk may explore before it stops and the
        /// report turns to estimates (the memory budget may stop it sooner).
        #[arg(long, default_value_t = 2_000_000, value_name = "N")]
        max_states: usize,
        /// Language of the report and of a built-in scenario given by id
        /// (es or en); by default the system's.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Print the analysis as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Play a scenario in the terminal: type the number of a reply.
    Play {
        /// A scenario file, or the id of a built-in scenario.
        #[arg(value_name = "FILE")]
        file: String,
        /// Seed for the customer's name, mood, reply order and chance events.
        #[arg(long, value_name = "S")]
        seed: Option<u64>,
        /// Assessment mode: no feedback until the debrief.
        #[arg(long)]
        assessment: bool,
        /// Your name, for the {trainee} placeholder.
        #[arg(long, value_name = "NAME", default_value = "")]
        trainee: String,
        /// Language of a built-in scenario given by id, and of the labels (es or en).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// Report on a folder of attempt files: latest and best results per
    /// trainee and scenario, and which reply the group chose at each decision.
    ///
    /// Gather the attempt files of a group (from each trainee's Momento data
    /// folder, `attempts/`) into one folder, then run this on it. Files that
    /// cannot be read are named on stderr and skipped.
    Report {
        #[command(flatten)]
        args: report::ReportArgs,
        /// Language of the report (es or en); by default the system's.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Plays attempts with the engine and saves them like the app does
    /// (demonstrations and tests).
    #[command(hide = true)]
    SimulateAttempts(simulate::SimulateArgs),
    /// Writes a large generated scenario (the benchmarks' shape) to stdout,
    /// for trying the workbench and the analyser at scale.
    #[command(hide = true)]
    GenerateScenario {
        /// Number of nodes.
        #[arg(long, default_value_t = 1_000, value_name = "N")]
        nodes: usize,
        /// Seed of the generator.
        #[arg(long, default_value_t = 1, value_name = "S")]
        seed: u64,
    },
    /// Open a scenario file in the trainer's workbench, beside your editor.
    ///
    /// Shows the scenario as a graph with its problems, reloads it every
    /// time you save, and lets you play it from any node.
    Workbench {
        /// The scenario file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write a scenario's facilitator sheet as a printable PDF.
    ///
    /// The seed idea, learning goals, trainer notes, every decision with
    /// the best reply and the tempting ones, the endings, discussion
    /// questions and reflection prompts. An existing PDF at --out is
    /// replaced; any other existing file is refused.
    Handout {
        /// A scenario file, or the id of a built-in scenario.
        #[arg(value_name = "SCENARIO")]
        scenario: String,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Language of the labels and of a built-in scenario given by id
        /// (es or en); by default the scenario's.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Write the debrief of an attempt file as a printable PDF.
    ///
    /// The outcome, the three scores, the mood chart, every decision with
    /// its feedback, the promise ledger and the reflection answers. When
    /// the scenario played is at hand unchanged (built in, or --scenario),
    /// the lesson and the better replies are added.
    DebriefPdf {
        /// An attempt file (from the `attempts` folder).
        #[arg(value_name = "ATTEMPT_FILE")]
        attempt: PathBuf,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Language of the labels (es or en); by default the attempt's.
        #[arg(long, value_name = "LANG", value_parser = parse_lang)]
        lang: Option<Lang>,
        /// The scenario file the attempt was played on, when it is not a
        /// built-in one.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
    },
    /// Show the version and where this machine keeps attempt records,
    /// settings and scenarios.
    About(about::AboutArgs),
    /// Writes the man pages (`momento.1`, `momento-check.1`...) into DIR.
    #[command(hide = true)]
    GenerateMan {
        /// The folder to write into (created if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Writes bash, zsh and fish completions into DIR.
    #[command(hide = true)]
    GenerateCompletions {
        /// The folder to write into (created if missing).
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// `--lang`: `es` or `en` (also `es_MX`, `en-GB`...).
fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::from_code(value).ok_or_else(|| "use es or en (usa es o en)".to_string())
}

impl Command {
    /// The language the command writes its messages in.
    fn message_lang(&self) -> Lang {
        match self {
            Command::Check { lang, .. }
            | Command::Analyze { lang, .. }
            | Command::Report { lang, .. }
            | Command::Handout { lang, .. }
            | Command::DebriefPdf { lang, .. } => lang.unwrap_or_else(Lang::from_environment),
            Command::Play { lang, .. } => lang
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or_else(Lang::from_environment),
            Command::SimulateAttempts(_)
            | Command::GenerateScenario { .. }
            | Command::Workbench { .. } => Lang::from_environment(),
            Command::About(_)
            | Command::GenerateMan { .. }
            | Command::GenerateCompletions { .. } => Lang::from_environment(),
        }
    }
}

/// Runs a trainer command, writing to `out` and reading replies from
/// `input`. Returns the process exit code.
pub fn run(command: Command, input: &mut dyn BufRead, out: &mut dyn Write) -> i32 {
    let lang = command.message_lang();
    // Text meant for a terminal shows the control characters of a file
    // escaped (see `terminal`); JSON, CSV and xAPI are data for programs,
    // written as they are (JSON escapes control characters itself).
    let text_output = match &command {
        Command::Check { json, .. } | Command::Analyze { json, .. } => !json,
        Command::Play { .. } | Command::Handout { .. } | Command::DebriefPdf { .. } => true,
        Command::Report { args, .. } => args.format == ReportFormat::Table,
        Command::SimulateAttempts(_)
        | Command::GenerateScenario { .. }
        | Command::Workbench { .. } => false,
        Command::About(_) => true,
        Command::GenerateMan { .. } | Command::GenerateCompletions { .. } => true,
    };
    let mut safe;
    let out: &mut dyn Write = if text_output {
        safe = SafeWriter::new(out);
        &mut safe
    } else {
        out
    };
    let result = match command {
        Command::Check {
            paths,
            json,
            deny_warnings,
            lang: _,
        } => check::run(&paths, json, deny_warnings, lang, out),
        Command::Analyze {
            file,
            runs,
            seed,
            max_states,
            lang: _,
            json,
        } => analyze::run(&file, lang, runs, seed, max_states, json, out),
        Command::Play {
            file,
            seed,
            assessment,
            trainee,
            lang: play_lang,
        } => play::run(
            &file,
            play::PlayOptions {
                seed,
                assessment,
                trainee,
                lang: play_lang,
            },
            lang,
            input,
            out,
        ),
        Command::Report { args, lang: _ } => report::run(&args, lang, out),
        Command::Handout {
            scenario,
            out: out_path,
            lang: labels,
        } => handout::run_handout(&scenario, &out_path, labels, lang, out),
        Command::DebriefPdf {
            attempt,
            out: out_path,
            lang: labels,
            scenario,
        } => handout::run_debrief_pdf(&attempt, &out_path, labels, scenario.as_ref(), lang, out),
        Command::GenerateScenario { nodes, seed } => {
            write!(out, "{}", crate::generate::scenario_text(nodes, seed)).map(|()| 0)
        }
        Command::SimulateAttempts(args) => simulate::run(&args, out),
        // The workbench is a window: the binary opens it before getting here.
        Command::Workbench { file } => writeln!(
            out,
            "error: `momento workbench {}` opens a window; run it from a desktop session",
            file.display()
        )
        .map(|()| 2),
        Command::About(args) => about::run(&args, lang, out),
        Command::GenerateMan { dir } => {
            // The page header takes one line: the version number alone
            // (`--version` adds the formats, which would break it).
            let command = <Cli as clap::CommandFactory>::command().version(crate::version::VERSION);
            generate::write_man_pages(command, &dir)
                .and_then(|files| report_generated(&files, &dir, lang, out))
        }
        Command::GenerateCompletions { dir } => {
            let command = <Cli as clap::CommandFactory>::command();
            generate::write_completions(command, &dir)
                .and_then(|files| report_generated(&files, &dir, lang, out))
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            let _ = writeln!(out, "{}: {error}", lang.texts().cli_error);
            2
        }
    }
}

/// Loads a scenario named on the command line: a path, or a built-in id
/// (in the `scenario_lang` version, Spanish by default). On failure, writes
/// the diagnostics in `lang` and returns `None`.
pub(crate) fn load_named(
    name: &str,
    scenario_lang: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<Option<Arc<Scenario>>> {
    let t = lang.texts();
    let path = Path::new(name);
    let entry = if path.exists() {
        let mut library = Library::default();
        library.add_file(path);
        library.entries.pop()
    } else {
        let library = Library::built_in();
        let wanted = scenario_lang.unwrap_or("es");
        library
            .entries
            .iter()
            .find(|e| e.id() == name && e.language() == wanted)
            .cloned()
    };
    let Some(entry) = entry else {
        writeln!(
            out,
            "{}: {}",
            t.cli_error,
            i18n::fill(t.cli_not_a_scenario, &[("name", name)])
        )?;
        writeln!(out, "  = {}: {}", t.diag_help, t.cli_not_a_scenario_help)?;
        return Ok(None);
    };
    if let Some(scenario) = entry.playable() {
        return Ok(Some(Arc::clone(scenario)));
    }
    crate::diagnostic::write_text(&entry.diagnostics, lang, out)?;
    let path = entry.path.display().to_string();
    writeln!(
        out,
        "{}: {}",
        t.cli_error,
        i18n::fill(t.cli_has_errors, &[("path", &path)])
    )?;
    Ok(None)
}

/// "N files written to DIR", after a `generate-*` command.
fn report_generated(
    files: &[PathBuf],
    dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let count = files.len().to_string();
    let dir = dir.display().to_string();
    let t = lang.texts();
    writeln!(
        out,
        "{}",
        i18n::fill(t.cli_generated, &[("count", &count), ("dir", &dir)])
    )?;
    Ok(0)
}
