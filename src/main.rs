//! The `momento` binary: the app by default, trainer commands otherwise.

use clap::Parser;
use momento::cli::{self, Cli};

fn main() {
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
            if let Err(error) = run_gui() {
                eprintln!("error: could not open the window: {error}");
                std::process::exit(1);
            }
        }
    }
}

fn run_gui() -> eframe::Result {
    eframe::run_ui_native("Momento", eframe::NativeOptions::default(), |ui, _frame| {
        ui.heading("Momento");
    })
}
