//! "Where your data lives", under the settings: the attempts folder, the
//! settings file and the scenarios, each path selectable and with a Copy
//! button, so a trainee can back up or hand over their attempts. The same
//! facts as `momento about` ([`crate::paths`]).

use super::widgets::card_frame;
use crate::i18n::{Texts, fill};
use crate::paths::{DataPaths, RecordsFrom};
use egui::RichText;
use std::path::{Path, PathBuf};

/// The paths of this session: `store_dir` is the attempts folder the app
/// really opened (none when it saves nothing), `settings_file` the file it
/// really writes (none in test mode).
pub fn for_app(
    store_dir: Option<&Path>,
    records_flag: Option<&Path>,
    settings_file: Option<PathBuf>,
) -> DataPaths {
    let mut paths = DataPaths::gather(records_flag, settings_file);
    let chosen = paths.records.take();
    paths.records = store_dir.map(|dir| {
        let from = chosen
            .filter(|(chosen_dir, _)| chosen_dir == dir)
            .map_or(RecordsFrom::CommandLine, |(_, from)| from);
        (dir.to_path_buf(), from)
    });
    paths
}

/// The card. `folders` are the trainer's scenario folders: the one chosen
/// in Settings and the one given with `--scenarios`.
pub fn data_paths_ui(
    ui: &mut egui::Ui,
    t: &'static Texts,
    paths: &DataPaths,
    folders: [Option<&Path>; 2],
) {
    ui.add_space(12.0);
    card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width().min(900.0));
        egui::CollapsingHeader::new(RichText::new(t.paths_title).strong().size(17.0))
            .id_salt("data_paths")
            .default_open(true)
            .show(ui, |ui| rows_ui(ui, t, paths, folders));
    });
}

fn rows_ui(ui: &mut egui::Ui, t: &'static Texts, paths: &DataPaths, folders: [Option<&Path>; 2]) {
    egui::Grid::new("data_paths_grid")
        .num_columns(2)
        .spacing([24.0, 10.0])
        .min_col_width(180.0)
        .show(ui, |ui| {
            let records_note = |from: &RecordsFrom| match from {
                RecordsFrom::CommandLine => t.paths_records_from_flag,
                RecordsFrom::Environment => t.paths_records_from_env,
                RecordsFrom::Default => t.paths_records_from_default,
            };
            match &paths.records {
                Some((dir, from)) => path_row_ui(ui, t, t.paths_records, dir, records_note(from)),
                None => text_row_ui(ui, t.paths_records, t.paths_not_saved),
            }
            match &paths.settings_file {
                Some(file) => path_row_ui(ui, t, t.paths_settings, file, ""),
                None => text_row_ui(ui, t.paths_settings, t.paths_not_saved),
            }
            let count = paths.built_in_scenarios.to_string();
            text_row_ui(
                ui,
                t.paths_built_in,
                &fill(t.paths_built_in_count, &[("count", &count)]),
            );
            match &paths.installed_scenarios {
                Some(dir) => path_row_ui(ui, t, t.paths_installed, dir, ""),
                None => text_row_ui(ui, t.paths_installed, t.paths_installed_none),
            }
            let notes = [t.paths_trainer_from_settings, t.paths_trainer_from_flag];
            let mut any = false;
            for (folder, note) in folders.iter().zip(notes) {
                if let Some(folder) = folder {
                    any = true;
                    path_row_ui(ui, t, t.paths_trainer, folder, note);
                }
            }
            if !any {
                text_row_ui(ui, t.paths_trainer, t.paths_trainer_none);
            }
        });
    ui.add_space(6.0);
    ui.label(RichText::new(t.paths_help).small().weak());
}

fn text_row_ui(ui: &mut egui::Ui, label: &str, text: &str) {
    ui.label(RichText::new(label).strong());
    ui.label(text);
    ui.end_row();
}

/// A path, selectable, with a Copy button and a note (why this folder, or
/// that it does not exist yet).
fn path_row_ui(ui: &mut egui::Ui, t: &'static Texts, label: &str, path: &Path, note: &str) {
    ui.label(RichText::new(label).strong());
    ui.vertical(|ui| {
        let shown = path.display().to_string();
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::Label::new(RichText::new(&shown).monospace()).selectable(true));
            let copied_id = egui::Id::unique("data_paths_copied").with(&shown);
            let copied = ui.data(|d| d.get_temp::<bool>(copied_id)).unwrap_or(false);
            let text = if copied { t.paths_copied } else { t.paths_copy };
            if ui.small_button(text).clicked() {
                ui.ctx().copy_text(shown.clone());
                ui.data_mut(|d| d.insert_temp(copied_id, true));
            }
        });
        let note = if path.exists() { note } else { t.paths_not_yet };
        if !note.is_empty() {
            ui.label(RichText::new(note).small().weak());
        }
    });
    ui.end_row();
}
