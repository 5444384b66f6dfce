//! The `momento` binary: the app by default, trainer commands otherwise.

use clap::Parser;
use momento::cli::{self, Cli, Command};
use momento::i18n::fill;
use momento::ui::settings::configured_lang;
use momento::ui::{AppOptions, MomentoApp};

fn main() {
    let started_at = std::time::Instant::now();
    let args = Cli::parse();
    match args.command {
        Some(Command::Workbench { file }) => {
            if let Err(error) = std::fs::metadata(&file) {
                // The language chosen in the app, as the window would speak.
                let t = configured_lang().texts();
                eprintln!(
                    "{}",
                    fill(
                        t.cli_cannot_open,
                        &[
                            ("file", &file.display().to_string()),
                            ("error", &error.to_string())
                        ]
                    )
                );
                std::process::exit(2);
            }
            run_gui_or_exit(AppOptions {
                scenarios_dir: args.scenarios,
                workbench_file: Some(file),
                started_at: Some(started_at),
                records_dir: args.records,
                ..AppOptions::default()
            });
        }
        Some(mut command) => {
            if let Command::About(about) = &mut command {
                about.records = args.records;
                about.scenarios = args.scenarios;
            }
            let stdin = std::io::stdin();
            let mut input = stdin.lock();
            let mut out = std::io::stdout();
            let code = cli::run(command, &mut input, &mut out);
            std::process::exit(code);
        }
        None => run_gui_or_exit(AppOptions {
            scenarios_dir: args.scenarios,
            started_at: Some(started_at),
            records_dir: args.records,
            ..AppOptions::default()
        }),
    }
}

/// Opens the window; without a display, says so in the user's language.
fn run_gui_or_exit(options: AppOptions) {
    let result = eframe::run_native(
        "Momento",
        momento::ui::window::native_options(),
        Box::new(|cc| Ok(Box::new(MomentoApp::new(cc, options)))),
    );
    if let Err(error) = result {
        let t = configured_lang().texts();
        eprintln!(
            "{}",
            fill(t.cli_no_window, &[("error", &error.to_string())])
        );
        std::process::exit(1);
    }
}
