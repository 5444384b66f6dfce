//! The `momento` binary: the app by default, trainer commands otherwise.

use clap::Parser;
use momento::cli::{self, Cli, Command};
use momento::ui::{AppOptions, MomentoApp};

fn main() {
    let args = Cli::parse();
    match args.command {
        Some(Command::Workbench { file }) => {
            if let Err(error) = std::fs::metadata(&file) {
                eprintln!("error: cannot open {}: {error}", file.display());
                std::process::exit(2);
            }
            let options = AppOptions {
                scenarios_dir: args.scenarios,
                workbench_file: Some(file),
                ..AppOptions::default()
            };
            if let Err(error) = run_gui(options) {
                eprintln!("error: could not open the window: {error}");
                std::process::exit(1);
            }
        }
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
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Momento")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 560.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Momento",
        native_options,
        Box::new(|cc| Ok(Box::new(MomentoApp::new(cc, options)))),
    )
}
