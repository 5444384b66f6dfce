//! The History's progress chart: one scenario at a time (chosen from the
//! scenarios the trainee finished), each dimension and the balance as a
//! line over the dates of the attempts. The x-axis is time, labelled with
//! dates, and ends at the first and last attempt.

use super::ScreenCtx;
use crate::labels;
use crate::lang::Lang;
use crate::library::Library;
use crate::records::{AttemptRecord, StoredRecord};
use crate::scenario::Dimension;
use egui_plot::{Line, Plot, Points};
use jiff::Timestamp;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The scenarios the trainee finished, most recently played first: (id,
/// title in the UI's language when the library has it in that language).
pub fn finished_scenarios(
    records: &[&StoredRecord],
    library: &Library,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for stored in records.iter().rev() {
        let record = &stored.record;
        if !record.outcome.is_finished() || seen.iter().any(|(id, _)| *id == record.scenario.id) {
            continue;
        }
        let title = library
            .find(&record.scenario.id, lang.code())
            .and_then(|entry| entry.scenario.as_ref())
            .map(|scenario| scenario.title.value.clone())
            .unwrap_or_else(|| record.scenario.title.clone());
        seen.push((record.scenario.id.clone(), title));
    }
    seen
}

/// Days since 1970 (the chart's x), to the second.
pub fn chart_x(timestamp: Timestamp) -> f64 {
    timestamp.as_second() as f64 / SECONDS_PER_DAY
}

/// The label of a point of the x-axis: the local date, and the time too
/// when the attempts span less than two days.
pub fn date_label(x: f64, with_time: bool) -> String {
    let seconds = (x * SECONDS_PER_DAY).round();
    if !seconds.is_finite() || seconds.abs() > 1.0e11 {
        return String::new();
    }
    let Ok(timestamp) = Timestamp::from_second(seconds as i64) else {
        return String::new();
    };
    let zoned = timestamp.to_zoned(jiff::tz::TimeZone::system());
    let format = if with_time { "%d/%m %H:%M" } else { "%d/%m/%Y" };
    zoned.strftime(format).to_string()
}

/// The x range the chart shows: the data, plus a little room so the first
/// and last points are not cut in half.
pub fn x_range(xs: &[f64]) -> Option<(f64, f64)> {
    let min = xs.iter().copied().reduce(f64::min)?;
    let max = xs.iter().copied().reduce(f64::max)?;
    // Half an hour, or 4 % of the span.
    let pad = ((max - min) * 0.04).max(1.0 / 48.0);
    Some((min - pad, max + pad))
}

/// Draws the scenario chooser and the chart.
pub fn progress_ui(
    ui: &mut egui::Ui,
    chosen: &mut Option<String>,
    records: &[&StoredRecord],
    frame: &ScreenCtx,
) {
    let lang = frame.lang;
    let t = frame.t;
    let scenarios = finished_scenarios(records, frame.library, lang);
    let Some((first_id, _)) = scenarios.first() else {
        ui.weak(t.gui_not_finished);
        return;
    };
    if chosen
        .as_ref()
        .is_none_or(|id| !scenarios.iter().any(|(s, _)| s == id))
    {
        *chosen = Some(first_id.clone());
    }
    let current = chosen.clone().unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(t.history_chart_of);
        let title = scenarios
            .iter()
            .find(|(id, _)| *id == current)
            .map(|(_, title)| title.as_str())
            .unwrap_or_default();
        egui::ComboBox::from_id_salt("history_chart_scenario")
            .selected_text(title)
            .width(320.0)
            .show_ui(ui, |ui| {
                for (id, title) in &scenarios {
                    ui.selectable_value(chosen, Some(id.clone()), title);
                }
            })
            .response
            .labelled_by(label.id);
    });
    let finished: Vec<&AttemptRecord> = records
        .iter()
        .map(|r| &r.record)
        .filter(|r| r.outcome.is_finished() && r.scenario.id == current)
        .collect();
    chart_ui(ui, &finished, lang);
}

fn chart_ui(ui: &mut egui::Ui, finished: &[&AttemptRecord], lang: Lang) {
    // A score that was not assessed leaves a gap rather than a point.
    let series = |score: &dyn Fn(&AttemptRecord) -> Option<f64>| -> Vec<[f64; 2]> {
        finished
            .iter()
            .filter_map(|r| Some([chart_x(r.started_at), score(r)?]))
            .collect()
    };
    // One fixed colour per series, shared by its line, its points and the
    // key above the chart.
    let colours = [
        egui::Color32::from_rgb(0x1f, 0x77, 0xb4),
        egui::Color32::from_rgb(0xe0, 0x8a, 0x00),
        egui::Color32::from_rgb(0x2c, 0xa0, 0x2c),
    ];
    let lines: Vec<(String, egui::Color32, f32, Vec<[f64; 2]>)> = Dimension::ALL
        .iter()
        .map(|&d| {
            (
                labels::dimension(lang, d).to_string(),
                colours[d.index()],
                1.5,
                series(&|r: &AttemptRecord| r.scores.get(d).score),
            )
        })
        .chain(std::iter::once((
            lang.texts().balance.to_string(),
            ui.visuals().strong_text_color(),
            3.0,
            series(&|r: &AttemptRecord| r.scores.balance),
        )))
        .collect();
    // The key sits above the chart, so it never covers a point.
    ui.horizontal_wrapped(|ui| {
        for (name, colour, _, _) in &lines {
            // A painted swatch: the default fonts have no square glyph.
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, *colour);
            ui.label(name);
            ui.add_space(8.0);
        }
    });
    let xs: Vec<f64> = finished.iter().map(|r| chart_x(r.started_at)).collect();
    let Some((from, to)) = x_range(&xs) else {
        return;
    };
    let with_time = to - from < 2.0;
    Plot::new("history_progress")
        .height(220.0)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(from)
        .include_x(to)
        .set_margin_fraction(egui::vec2(0.0, 0.05))
        .x_axis_label(lang.texts().history_chart_dates)
        .x_axis_formatter(move |mark, _| date_label(mark.value, with_time))
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {:.0}",
                date_label(position.x, true),
                position.y
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show(ui, |plot| {
            for (name, colour, width, points) in lines {
                plot.line(
                    Line::new(name.clone(), points.clone())
                        .color(colour)
                        .width(width),
                );
                plot.points(Points::new(name, points).color(colour).radius(3.0));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_ends_at_the_data() {
        let (from, to) = x_range(&[20_000.0, 20_010.0]).expect("a range");
        assert!(from < 20_000.0 && from > 19_999.0, "{from}");
        assert!(to > 20_010.0 && to < 20_011.0, "{to}");
        // One attempt: half an hour either side.
        let (from, to) = x_range(&[20_000.0]).expect("a range");
        assert!((to - from - 1.0 / 24.0).abs() < 1e-9);
        assert_eq!(x_range(&[]), None);
    }

    #[test]
    fn dates_label_the_axis() {
        let x = chart_x("2026-03-01T12:00:00Z".parse().expect("a time"));
        let label = date_label(x, false);
        assert!(label.ends_with("/2026"), "{label}");
        assert!(
            label.starts_with("01/03") || label.starts_with("02/03") || label.starts_with("28/02"),
            "{label}"
        );
        assert_eq!(date_label(f64::NAN, false), "");
        assert_eq!(date_label(1.0e300, true), "");
    }
}
