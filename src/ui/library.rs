//! The library screen: one card per scenario (title, summary, setting,
//! difficulty, minutes, tags, language, best result), filters by language
//! and tag, Practice or Assessment; files with errors shown with their
//! diagnostics and no way to start them; a dropped file offered to play.

use super::widgets::{self, card_frame, name_widget};
use super::{BestResult, Command, ScreenCtx, style};
use crate::engine::Mode;
use crate::i18n::{Texts, fill};
use crate::labels;
use crate::lang::Lang;
use crate::library::Entry;
use crate::scenario::{Difficulty, Scenario};
use egui::accesskit::Role;
use egui::{Align, Layout, RichText};
use std::path::PathBuf;

/// Narrowest a scenario card gets before the grid drops a column.
const CARD_MIN_WIDTH: f32 = 360.0;

/// Which scenario languages the library shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LanguageFilter {
    /// The UI language (follows it when it changes).
    #[default]
    Interface,
    /// Every language.
    All,
    /// One language code.
    Only(String),
}

/// Library screen state.
#[derive(Debug, Default)]
pub struct LibraryView {
    /// Language filter.
    pub language: LanguageFilter,
    /// Tag filter.
    pub tag: Option<String>,
    /// A file dropped on the window, offered to play.
    pub offered: Option<PathBuf>,
    /// A message about a dropped file that could not be opened.
    pub notice: Option<String>,
}

impl LibraryView {
    fn language_code(&self, lang: Lang) -> Option<String> {
        match &self.language {
            LanguageFilter::Interface => Some(lang.code().to_string()),
            LanguageFilter::All => None,
            LanguageFilter::Only(code) => Some(code.clone()),
        }
    }
}

/// Draws the library.
pub fn library_ui(ui: &mut egui::Ui, view: &mut LibraryView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let banner = view.offered.is_some() || view.notice.is_some();
    if banner && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        view.offered = None;
        view.notice = None;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.nav_library).size(26.0).strong());
        ui.add_space(12.0);
        ui.label(RichText::new(t.gui_library_subtitle).weak());
    });
    ui.add_space(6.0);
    offer_ui(ui, view, frame);
    filters_ui(ui, view, frame);
    ui.add_space(8.0);

    let language = view.language_code(frame.lang);
    let library = frame.library;
    let playable: Vec<(usize, &Entry, &Scenario)> = library
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.playable().map(|s| (i, e, s.as_ref())))
        .filter(|(_, e, _)| language.as_ref().is_none_or(|code| e.language() == code))
        .filter(|(_, _, s)| view.tag.as_ref().is_none_or(|tag| s.tags.contains(tag)))
        .collect();
    let broken: Vec<(usize, &Entry)> = library
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.is_playable())
        .collect();

    // Its own scroll position; Tab to a card below the window scrolls to it.
    let area = egui::ScrollArea::vertical()
        .id_salt("library_scroll")
        .auto_shrink(false);
    super::keyboard::scroll_ui(ui, area, true, |ui| {
        if playable.is_empty() {
            ui.label(RichText::new(t.gui_library_empty).weak());
        }
        // Keep clear of the scroll bar.
        let width = ui.available_width() - 14.0;
        let gap = 12.0;
        let columns = (((width + gap) / (CARD_MIN_WIDTH + gap)).floor() as usize).max(1);
        let card_width = (width - gap * (columns as f32 - 1.0)) / columns as f32;
        for (row_number, row) in playable.chunks(columns).enumerate() {
            // Cards of a row share the height of the tallest text, so
            // their buttons line up; measured on the previous frame.
            let row_id = egui::Id::unique(("library_row", row_number, columns));
            let aligned: f32 = ui.ctx().data(|d| d.get_temp(row_id)).unwrap_or(0.0);
            let mut tallest: f32 = 0.0;
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for &(index, entry, scenario) in row {
                    ui.allocate_ui_with_layout(
                        egui::vec2(card_width, 0.0),
                        Layout::top_down(Align::Min),
                        |ui| {
                            ui.set_width(card_width);
                            let text_height = card_ui(ui, index, entry, scenario, aligned, frame);
                            tallest = tallest.max(text_height);
                        },
                    );
                }
            });
            if (tallest - aligned).abs() > 0.5 {
                ui.ctx().data_mut(|d| d.insert_temp(row_id, tallest));
                ui.ctx().request_repaint();
            }
            ui.add_space(gap);
        }
        if !broken.is_empty() {
            ui.add_space(8.0);
            widgets::section_heading_ui(ui, t.gui_library_errors);
            ui.label(RichText::new(t.gui_library_errors_help).weak());
            ui.add_space(4.0);
            for (index, entry) in broken {
                broken_card_ui(ui, index, entry, frame);
                ui.add_space(8.0);
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new(t.gui_library_drop_hint).small().weak());
        crate::ui::workbench::editor::new_scenario_ui(ui, frame);
    });
}

fn filters_ui(ui: &mut egui::Ui, view: &mut LibraryView, frame: &mut ScreenCtx) {
    let t = frame.t;
    let library = frame.library;
    let mut languages: Vec<String> = library
        .entries
        .iter()
        .filter(|e| e.is_playable())
        .map(|e| e.language().to_string())
        .collect();
    languages.sort();
    languages.dedup();
    let language = view.language_code(frame.lang);
    let mut tags: Vec<String> = library
        .entries
        .iter()
        .filter(|e| language.as_ref().is_none_or(|code| e.language() == code))
        .filter_map(|e| e.playable())
        .flat_map(|s| s.tags.iter().cloned())
        .collect();
    tags.sort_by_key(|tag| tag.to_lowercase());
    tags.dedup();
    if view.tag.as_ref().is_some_and(|tag| !tags.contains(tag)) {
        view.tag = None;
    }

    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.gui_filter_language).strong());
        if ui
            .selectable_label(language.is_none(), t.gui_filter_all_languages)
            .clicked()
        {
            view.language = LanguageFilter::All;
        }
        for code in &languages {
            if ui
                .selectable_label(language.as_deref() == Some(code), language_name(code))
                .clicked()
            {
                view.language = if code == frame.lang.code() {
                    LanguageFilter::Interface
                } else {
                    LanguageFilter::Only(code.clone())
                };
            }
        }
        if tags.is_empty() {
            return;
        }
        ui.add_space(24.0);
        let label = ui.label(RichText::new(t.gui_filter_tag).strong());
        let selected = match &view.tag {
            Some(tag) => format!("#{tag}"),
            None => t.gui_filter_all_tags.to_string(),
        };
        egui::ComboBox::from_id_salt("tag_filter")
            .selected_text(selected)
            .width(240.0)
            .height(420.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.tag, None, t.gui_filter_all_tags);
                for tag in tags {
                    let label = format!("#{tag}");
                    ui.selectable_value(&mut view.tag, Some(tag), label);
                }
            })
            .response
            .labelled_by(label.id);
        if view.tag.is_some() && ui.button(t.gui_filter_clear).clicked() {
            view.tag = None;
        }
    });
}

/// "Español" for `es`, "English" for `en`, else the code itself.
fn language_name(code: &str) -> String {
    match Lang::from_code(code) {
        Some(lang) if lang.code() == code => lang.name().to_string(),
        _ => code.to_string(),
    }
}

fn difficulty(t: &Texts, difficulty: Difficulty) -> &'static str {
    match difficulty {
        Difficulty::Beginner => t.gui_difficulty_beginner,
        Difficulty::Intermediate => t.gui_difficulty_intermediate,
        Difficulty::Advanced => t.gui_difficulty_advanced,
    }
}

/// Draws a card; returns the height of its text, above the buttons, so
/// the cards of a row can align their buttons at `aligned`.
fn card_ui(
    ui: &mut egui::Ui,
    index: usize,
    entry: &Entry,
    scenario: &Scenario,
    aligned: f32,
    frame: &mut ScreenCtx,
) -> f32 {
    let t = frame.t;
    let title = &scenario.title.value;
    card_frame(ui)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).size(19.0).strong());
            if !scenario.setting.value.is_empty() {
                ui.label(RichText::new(&scenario.setting.value).italics().weak());
            }
            ui.add_space(4.0);
            ui.label(&scenario.summary.value);
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                widgets::chip_ui(ui, difficulty(t, scenario.difficulty), style::ACCENT);
                widgets::chip_ui(
                    ui,
                    &fill(t.gui_minutes, &[("minutes", &scenario.minutes.to_string())]),
                    style::ACCENT,
                );
                widgets::chip_ui(ui, &language_name(entry.language()), style::ACCENT);
                for tag in &scenario.tags {
                    widgets::chip_ui(ui, &format!("#{tag}"), ui.visuals().weak_text_color());
                }
            });
            ui.add_space(6.0);
            let best = frame
                .best_results
                .get(&(scenario.id.value.clone(), entry.language().to_string()));
            best_result_ui(ui, best, frame);
            let text_height = ui.min_rect().height();
            ui.add_space(8.0 + (aligned - text_height).max(0.0));
            // Wrapping: a narrow card puts a button on a second row instead
            // of past its edge.
            ui.horizontal_wrapped(|ui| {
                start_buttons_ui(ui, index, title, frame);
            });
            super::handout_save::facilitator_note_ui(ui, index, frame);
            text_height
        })
        .inner
}

fn best_result_ui(ui: &mut egui::Ui, best: Option<&BestResult>, frame: &ScreenCtx) {
    let t = frame.t;
    match best {
        Some(best) => {
            let color = style::outcome_color(ui, best.outcome);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(t.gui_best_result).weak());
                ui.label(
                    RichText::new(labels::outcome(frame.lang, best.outcome))
                        .strong()
                        .color(color),
                );
                ui.label(
                    RichText::new(fill(
                        t.gui_best_scores,
                        &[
                            ("empathy", &labels::score(best.scores[0])),
                            ("promise", &labels::score(best.scores[1])),
                            ("care", &labels::score(best.scores[2])),
                            ("balance", &labels::score(best.balance)),
                        ],
                    ))
                    .weak(),
                );
            });
        }
        None => {
            ui.label(RichText::new(t.gui_not_played).weak());
        }
    }
}

fn start_buttons_ui(ui: &mut egui::Ui, index: usize, title: &str, frame: &mut ScreenCtx) {
    let t = frame.t;
    let practice = ui
        .add(
            egui::Button::new(
                RichText::new(t.library_practice)
                    .strong()
                    .color(egui::Color32::WHITE),
            )
            .fill(style::ACCENT)
            .min_size(egui::vec2(110.0, 32.0)),
        )
        .on_hover_text(t.gui_practice_help);
    name_widget(
        &practice,
        Role::Button,
        &fill(
            t.gui_start_label,
            &[("mode", t.library_practice), ("title", title)],
        ),
    );
    if practice.clicked() {
        frame.send(Command::Start {
            entry: index,
            mode: Mode::Practice,
            seed: None,
        });
    }
    let assessment = ui
        .add(egui::Button::new(t.library_assessment).min_size(egui::vec2(110.0, 32.0)))
        .on_hover_text(t.gui_assessment_help);
    name_widget(
        &assessment,
        Role::Button,
        &fill(
            t.gui_start_label,
            &[("mode", t.library_assessment), ("title", title)],
        ),
    );
    if assessment.clicked() {
        frame.send(Command::Start {
            entry: index,
            mode: Mode::Assessment,
            seed: None,
        });
    }
    super::classroom::library_button_ui(ui, index, title, frame);
    workbench_button_ui(ui, index, title, frame);
}

/// Opens the scenario in the trainer's workbench: its graph, its problems,
/// play from any node.
fn workbench_button_ui(ui: &mut egui::Ui, index: usize, title: &str, frame: &mut ScreenCtx) {
    let t = frame.t;
    let workbench = ui
        .add(egui::Button::new(t.library_workbench).min_size(egui::vec2(0.0, 32.0)))
        .on_hover_text(t.gui_workbench_help);
    name_widget(
        &workbench,
        Role::Button,
        &fill(
            t.gui_start_label,
            &[("mode", t.library_workbench), ("title", title)],
        ),
    );
    if workbench.clicked() {
        frame.send(Command::OpenWorkbench(index));
    }
}

fn broken_card_ui(ui: &mut egui::Ui, index: usize, entry: &Entry, frame: &mut ScreenCtx) {
    let t = frame.t;
    let name = entry
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| entry.path.display().to_string());
    card_frame(ui)
        .fill(style::error_fill(ui))
        .stroke(egui::Stroke::new(1.0, style::bad(ui)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = entry
                .scenario
                .as_ref()
                .map(|s| s.title.value.clone())
                .filter(|title| !title.is_empty());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(title.unwrap_or_else(|| name.clone())).strong());
                ui.label(
                    RichText::new(entry.path.display().to_string())
                        .small()
                        .weak(),
                );
            });
            ui.label(RichText::new(t.gui_cannot_play).color(style::bad(ui)));
            diagnostics_ui(ui, entry, frame.lang);
            ui.add_space(4.0);
            workbench_button_ui(ui, index, &name, frame);
        });
}

/// Each error and warning of a file: `file:line:col`, the message and how
/// to fix it.
fn diagnostics_ui(ui: &mut egui::Ui, entry: &Entry, lang: crate::lang::Lang) {
    for diagnostic in &entry.diagnostics {
        let color = match diagnostic.severity {
            crate::diagnostic::Severity::Error => style::bad(ui),
            crate::diagnostic::Severity::Warning => style::middling(ui),
        };
        ui.add_space(2.0);
        ui.label(
            RichText::new(format!(
                "{}: {} [{}]",
                diagnostic.location(),
                diagnostic.message.get(lang),
                diagnostic.code.as_str()
            ))
            .monospace()
            .color(color),
        );
        if !diagnostic.hint.is_empty() {
            ui.label(
                RichText::new(format!("   › {}", diagnostic.hint.get(lang)))
                    .small()
                    .weak(),
            );
        }
    }
}

/// The banner for a file dropped on the window.
fn offer_ui(ui: &mut egui::Ui, view: &mut LibraryView, frame: &mut ScreenCtx) {
    let t = frame.t;
    if let Some(notice) = &view.notice {
        let mut close = false;
        card_frame(ui).fill(style::error_fill(ui)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(notice);
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    close = ui.button(t.gui_dismiss).clicked();
                });
            });
        });
        if close {
            view.notice = None;
        }
        ui.add_space(8.0);
    }
    let Some(path) = &view.offered else {
        return;
    };
    let Some((index, entry)) = frame
        .library
        .entries
        .iter()
        .enumerate()
        .find(|(_, e)| &e.path == path)
    else {
        view.offered = None;
        return;
    };
    let mut close = false;
    card_frame(ui)
        .stroke(egui::Stroke::new(2.0, style::ACCENT))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(fill(
                    t.gui_opened_file,
                    &[("file", &path.display().to_string())],
                ))
                .weak(),
            );
            match entry.playable() {
                Some(scenario) => {
                    ui.label(RichText::new(&scenario.title.value).size(19.0).strong());
                    ui.label(&scenario.summary.value);
                    ui.add_space(4.0);
                    ui.horizontal(|ui| {
                        ui.label(t.gui_play_it_now);
                        let title = format!("{} ({})", scenario.title.value, t.gui_dropped);
                        start_buttons_ui(ui, index, &title, frame);
                        close = ui.button(t.gui_dismiss).clicked();
                    });
                }
                None => {
                    ui.label(RichText::new(t.gui_opened_invalid).color(style::bad(ui)));
                    diagnostics_ui(ui, entry, frame.lang);
                    close = ui.button(t.gui_dismiss).clicked();
                }
            }
        });
    if close {
        view.offered = None;
    }
    ui.add_space(8.0);
}
