//! The library screen: one card per scenario, Practice or Assessment.

use super::{Command, Frame};
use crate::engine::Mode;

/// Library screen state.
#[derive(Debug, Default)]
pub struct LibraryView {}

/// Draws the library.
pub fn library_ui(ui: &mut egui::Ui, _view: &mut LibraryView, frame: &mut Frame) {
    let t = frame.t;
    ui.heading(t.nav_library);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (index, entry) in frame.library.entries.iter().enumerate() {
            if entry.language() != frame.lang.code() && entry.is_playable() {
                continue;
            }
            ui.group(|ui| {
                match &entry.scenario {
                    Some(s) => ui.strong(&s.title.value),
                    None => ui.strong(entry.path.display().to_string()),
                };
                if entry.is_playable() {
                    ui.horizontal(|ui| {
                        if ui.button(t.library_practice).clicked() {
                            frame.send(Command::Start {
                                entry: index,
                                mode: Mode::Practice,
                                seed: None,
                            });
                        }
                        if ui.button(t.library_assessment).clicked() {
                            frame.send(Command::Start {
                                entry: index,
                                mode: Mode::Assessment,
                                seed: None,
                            });
                        }
                        if ui.button(t.library_workbench).clicked() {
                            frame.send(Command::OpenWorkbench(index));
                        }
                    });
                } else {
                    if ui.button(t.library_workbench).clicked() {
                        frame.send(Command::OpenWorkbench(index));
                    }
                    for diagnostic in &entry.diagnostics {
                        ui.label(format!("{}: {}", diagnostic.location(), diagnostic.message));
                    }
                }
            });
        }
    });
}
