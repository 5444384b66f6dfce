//! `momento simulate-attempts` (hidden): attempts played by the engine and
//! saved as the app saves them, for demonstrating reports and for the test
//! that kills a writing process.

use crate::library::Library;
use crate::records::Store;
use crate::records::simulate::{self, SimulateOptions};
use std::io::Write;
use std::path::PathBuf;

/// What `momento simulate-attempts` was asked.
#[derive(Debug, Clone, clap::Args)]
pub struct SimulateArgs {
    /// Folder to write into.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Scenario files or folders (default: the built-in scenarios).
    #[arg(long, value_name = "PATH")]
    pub from: Vec<PathBuf>,
    /// Trainee names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub trainees: Vec<String>,
    /// Number of attempts.
    #[arg(long, default_value_t = 36, value_name = "N")]
    pub attempts: usize,
    /// Seed of everything random.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Save after every reply, as the app does.
    #[arg(long)]
    pub every_reply: bool,
    /// Print a line after every write.
    #[arg(long)]
    pub progress: bool,
}

pub(super) fn run(args: &SimulateArgs, out: &mut dyn Write) -> std::io::Result<i32> {
    let mut library = if args.from.is_empty() {
        Library::built_in()
    } else {
        Library::default()
    };
    for path in &args.from {
        if path.is_dir() {
            library.add_dir(path);
        } else {
            library.add_file(path);
        }
    }
    let scenarios: Vec<_> = library
        .entries
        .iter()
        .filter_map(|e| e.playable().cloned())
        .collect();
    if scenarios.is_empty() {
        writeln!(out, "error: no playable scenario to simulate")?;
        return Ok(2);
    }
    let store = match Store::open(&args.dir) {
        Ok(store) => store,
        Err(error) => {
            writeln!(out, "error: {error}")?;
            return Ok(2);
        }
    };
    let mut options = SimulateOptions {
        attempts: args.attempts,
        seed: args.seed,
        every_reply: args.every_reply,
        ..SimulateOptions::default()
    };
    if !args.trainees.is_empty() {
        options.trainees = args.trainees.clone();
    }
    let mut write_error = None;
    let result = simulate::simulate(&scenarios, &store, &options, |saved| {
        if args.progress && write_error.is_none() {
            // One line per durable write, flushed at once: a test that kills
            // this process knows every record it was told about.
            let line = writeln!(
                out,
                "saved {} {} {}",
                saved.attempt_id,
                saved.revision,
                saved.path.display()
            )
            .and_then(|()| out.flush());
            write_error = line.err();
        }
    });
    if let Some(error) = write_error {
        return Err(error);
    }
    match result {
        Ok(count) => {
            writeln!(out, "simulated {count} attempts in {}", args.dir.display())?;
            Ok(0)
        }
        Err(error) => {
            writeln!(out, "error: {error}")?;
            Ok(2)
        }
    }
}
