//! The editor's field widgets: a labelled text with its help and its own
//! problems (with one-click fixes), a list written one item per line, a
//! stepper that shows its allowed range, and a pick from a list.

use super::Pending;
use crate::diagnostic::{Code, Severity};
use crate::i18n::{Texts, fill};
use crate::lang::Lang;
use crate::scenario::edit::{Edit, EditDoc, New, ValuePath, ops};
use crate::source::Span;
use egui::{Color32, RichText};

/// The placeholders a text may use.
const PLACEHOLDERS: [&str; 4] = [
    "{customer}",
    "{customer_first}",
    "{customer_formal}",
    "{trainee}",
];

/// What every field needs besides its own value.
pub struct FieldCtx<'a> {
    /// The file (for its diagnostics and node ids).
    pub doc: &'a EditDoc,
    /// Edits queued this frame.
    pub pending: &'a mut Vec<Pending>,
    /// The UI texts.
    pub t: &'static Texts,
    /// The UI language.
    pub lang: Lang,
}

impl FieldCtx<'_> {
    /// Queues an edit that is its own undo step.
    pub fn push(&mut self, edit: Edit) {
        self.pending.push(Pending {
            edit,
            key: None,
            select: None,
        });
    }

    /// Queues typing into a field (one undo step per field).
    pub fn push_typing(&mut self, edit: Edit, path: &ValuePath) {
        self.pending.push(Pending {
            edit,
            key: Some(path.to_string()),
            select: None,
        });
    }
}

/// A label with its help on hover; returns its id for `labelled_by`.
pub fn label_ui(ui: &mut egui::Ui, label: &str, help: &str) -> egui::Id {
    let response = ui.label(RichText::new(label).strong());
    if help.is_empty() {
        response.id
    } else {
        response.on_hover_text(help).id
    }
}

/// A text field bound to `path`; `span` places its problems.
#[allow(clippy::too_many_arguments)]
pub fn text_field_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    label: &str,
    help: &str,
    path: ValuePath,
    value: &str,
    span: Option<Span>,
    multiline: bool,
) {
    let mut text = value.to_string();
    let mut label_id = None;
    ui.horizontal(|ui| {
        label_id = Some(label_ui(ui, label, help));
        if multiline {
            ui.menu_button(cx.t.ed_placeholders, |ui| {
                for placeholder in PLACEHOLDERS {
                    if ui.button(placeholder).clicked() {
                        text.push_str(placeholder);
                        cx.push(ops::set_text(path.clone(), &text));
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(cx.t.ed_placeholders_help);
        }
    });
    let editor = if multiline {
        egui::TextEdit::multiline(&mut text).desired_rows(2)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let mut response = ui.add(
        editor
            .id_salt(("field", path.to_string()))
            .desired_width(f32::INFINITY),
    );
    if !help.is_empty() {
        response = response.on_hover_text(help);
    }
    if let Some(id) = label_id {
        response = response.labelled_by(id);
    }
    if response.changed() {
        let edit = ops::set_text(path.clone(), &text);
        cx.push_typing(edit, &path);
    }
    if let Some(span) = span {
        problems_ui(ui, cx, span);
    }
}

/// A list of texts, one per line, bound to `path`. While it has focus the
/// typed text (blank lines included) is kept, so Enter starts an item.
pub fn lines_field_ui(
    ui: &mut egui::Ui,
    cx: &mut FieldCtx<'_>,
    label: &str,
    help: &str,
    path: ValuePath,
    items: &[String],
) {
    let label_id = label_ui(ui, label, help);
    let id = egui::Id::unique(("lines", path.to_string()));
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = if focused {
        ui.data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| items.join("\n"))
    } else {
        items.join("\n")
    };
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .id(id)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(help)
        .labelled_by(label_id);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    }
    if response.changed() {
        let lines: Vec<New> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(New::str)
            .collect();
        let value = if lines.len() > 1 {
            New::block_list(lines)
        } else {
            New::list(lines)
        };
        cx.pending.push(Pending {
            edit: Edit::Set {
                path: path.clone(),
                value,
            },
            key: Some(path.to_string()),
            select: None,
        });
    }
}

/// A number with − and + buttons and its allowed range shown; returns the
/// new value when it changed.
pub fn stepper_ui(
    ui: &mut egui::Ui,
    label: &str,
    help: &str,
    value: i64,
    range: std::ops::RangeInclusive<i64>,
    id_salt: &str,
) -> Option<i64> {
    let mut new_value = value;
    ui.horizontal(|ui| {
        let label_id = label_ui(ui, label, help);
        if ui
            .add_enabled(value > *range.start(), egui::Button::new("−").small())
            .on_hover_text(help)
            .clicked()
        {
            new_value = value - 1;
        }
        let mut shown = value;
        let response = ui
            .add(
                egui::DragValue::new(&mut shown)
                    .range(range.clone())
                    .speed(0.2),
            )
            .on_hover_text(help)
            .labelled_by(label_id);
        let _ = id_salt;
        if response.changed() {
            new_value = shown;
        }
        if ui
            .add_enabled(value < *range.end(), egui::Button::new("+").small())
            .on_hover_text(help)
            .clicked()
        {
            new_value = value + 1;
        }
        ui.weak(format!("({}…{})", range.start(), range.end()));
    });
    (new_value != value).then_some(new_value.clamp(*range.start(), *range.end()))
}

/// A pick from `options` (value, shown text); returns the value picked.
pub fn pick_ui(
    ui: &mut egui::Ui,
    label: &str,
    help: &str,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: &str,
    options: &[(String, String)],
) -> Option<String> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let label_id = label_ui(ui, label, help);
        let shown = options
            .iter()
            .find(|(value, _)| value == current)
            .map_or(current.to_string(), |(_, text)| text.clone());
        let response = egui::ComboBox::from_id_salt(id_salt)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (value, text) in options {
                    if ui.selectable_label(value == current, text).clicked() && value != current {
                        picked = Some(value.clone());
                    }
                }
            })
            .response;
        let _ = response.labelled_by(label_id);
    });
    picked
}

/// The problems whose place lies inside `span`, each with its fix when
/// there is one (a misspelled node: pick an existing one).
pub fn problems_ui(ui: &mut egui::Ui, cx: &mut FieldCtx<'_>, span: Span) {
    let doc = cx.doc;
    for diagnostic in doc
        .loaded
        .diagnostics
        .iter()
        .filter(|d| d.span.start >= span.start && d.span.end <= span.end.max(span.start + 1))
        .take(8)
    {
        let color = match diagnostic.severity {
            Severity::Error => Color32::from_rgb(200, 40, 40),
            Severity::Warning => Color32::from_rgb(180, 110, 0),
        };
        ui.colored_label(
            color,
            fill(
                cx.t.ed_field_problem,
                &[("message", diagnostic.message.get(cx.lang))],
            ),
        )
        .on_hover_text(diagnostic.hint.get(cx.lang));
        if diagnostic.code == Code::E011 {
            let (start, end) = (diagnostic.span.start as usize, diagnostic.span.end as usize);
            ui.menu_button(cx.t.ed_fix_pick, |ui| {
                for node_id in ops::node_ids(doc) {
                    if ui.button(&node_id).clicked() {
                        cx.push(Edit::ReplaceWithText {
                            start,
                            end,
                            text: node_id,
                        });
                        ui.close();
                    }
                }
            });
        }
    }
}
