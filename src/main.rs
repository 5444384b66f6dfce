//! The `momento` binary: the app by default, trainer commands otherwise.

use clap::Parser;
use momento::cli::{self, Cli};
use momento::ui::{AppOptions, MomentoApp};

fn main() {
    let started_at = std::time::Instant::now();
    let args = Cli::parse();
    match args.command {
        Some(command) => {
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            let mut out = std::io::stdout();
            let code = cli::run(command, &mut input, &mut out);
            std::process::exit(code);
        }
        None => {
            let options = AppOptions {
                scenarios_dir: args.scenarios,
                started_at: Some(started_at),
                records_dir: args.records,
                ..AppOptions::default()
            };
            if let Err(error) = run_gui(options) {
                eprintln!("error: could not open the window: {error}");
                std::process::exit(1);
            }
        }
    }
}

fn run_gui(options: AppOptions) -> eframe::Result {
    eframe::run_native(
        "Momento",
        momento::ui::window::native_options(),
        Box::new(|cc| Ok(Box::new(MomentoApp::new(cc, options)))),
    )
}
