//! The command line: `momento` opens the app; `check`, `analyze` and
//! `play` are for trainers (and for playing without a screen).

mod analyze;
mod check;
mod play;

use crate::library::Library;
use crate::scenario::Scenario;
use clap::{Parser, Subcommand};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "momento",
    version,
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
        momento workbench my-scenarios/es/x.ron   see the graph while you edit"
)]
pub struct Cli {
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Add a folder of your own scenarios to the app's library.
    #[arg(long, value_name = "DIR", global = true)]
    pub scenarios: Option<PathBuf>,
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
        /// Language of a built-in scenario given by id (es or en).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
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
    /// Open a scenario file in the trainer's workbench, beside your editor.
    ///
    /// Shows the scenario as a graph with its problems, reloads it every
    /// time you save, and lets you play it from any node.
    Workbench {
        /// The scenario file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Runs a trainer command, writing to `out` and reading replies from
/// `input`. Returns the process exit code.
pub fn run(command: Command, input: &mut dyn BufRead, out: &mut dyn Write) -> i32 {
    let result = match command {
        Command::Check {
            paths,
            json,
            deny_warnings,
        } => check::run(&paths, json, deny_warnings, out),
        Command::Analyze {
            file,
            runs,
            seed,
            lang,
            json,
        } => analyze::run(&file, lang.as_deref(), runs, seed, json, out),
        Command::Play {
            file,
            seed,
            assessment,
            trainee,
            lang,
        } => play::run(
            &file,
            play::PlayOptions {
                seed,
                assessment,
                trainee,
                lang,
            },
            input,
            out,
        ),
        // The workbench is a window: the binary opens it before getting here.
        Command::Workbench { file } => writeln!(
            out,
            "error: `momento workbench {}` opens a window; run it from a desktop session",
            file.display()
        )
        .map(|()| 2),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            let _ = writeln!(out, "error: {error}");
            2
        }
    }
}

/// Loads a scenario named on the command line: a path, or a built-in id.
/// On failure, writes the diagnostics and returns `None`.
pub(crate) fn load_named(
    name: &str,
    lang: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<Option<Arc<Scenario>>> {
    let path = Path::new(name);
    let entry = if path.exists() {
        let mut library = Library::default();
        library.add_file(path);
        library.entries.pop()
    } else {
        let library = Library::built_in();
        let wanted = lang.unwrap_or("es");
        library
            .entries
            .iter()
            .find(|e| e.id() == name && e.language() == wanted)
            .cloned()
    };
    let Some(entry) = entry else {
        writeln!(
            out,
            "error: `{name}` is neither a file nor the id of a built-in scenario"
        )?;
        writeln!(
            out,
            "  = help: run `momento check` to list the built-in scenarios"
        )?;
        return Ok(None);
    };
    if let Some(scenario) = entry.playable() {
        return Ok(Some(Arc::clone(scenario)));
    }
    for diagnostic in &entry.diagnostics {
        write!(out, "{}", diagnostic.render())?;
    }
    writeln!(
        out,
        "error: `{}` has errors and cannot be played; fix them and try again",
        entry.path.display()
    )?;
    Ok(None)
}
