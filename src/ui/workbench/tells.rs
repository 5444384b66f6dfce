//! The tell check in the workbench: when the best reply is too often the
//! longest (or always in one place), which decisions do it, each one a
//! click away on the graph.

use crate::analysis::{Tell, TellDecision};
use crate::i18n::fill;
use crate::ui::ScreenCtx;
use egui::{Color32, RichText};

/// Most decisions listed per tell; `momento analyze --json` has them all.
const MAX_LISTED: usize = 12;

const TELL_COLOR: Color32 = Color32::from_rgb(190, 110, 0);

/// Draws the tells found, if any; returns the id of a decision clicked.
pub fn tells_ui(ui: &mut egui::Ui, tell: &Tell, frame: &ScreenCtx) -> Option<String> {
    let t = frame.t;
    let mut clicked = None;
    if tell.length_tell {
        ui.colored_label(TELL_COLOR, t.analyze_length_tell);
        let suspects: Vec<&TellDecision> = tell.length_suspects().collect();
        let title = if tell.length_correlation >= 0.0 {
            t.analyze_tell_longest
        } else {
            t.analyze_tell_shortest
        };
        ui.weak(fill(
            title,
            &[
                ("count", &suspects.len().to_string()),
                ("total", &tell.decisions.len().to_string()),
            ],
        ));
        clicked = clicked.or(decisions_ui(ui, &suspects, frame));
    }
    if tell.position_tell {
        ui.colored_label(TELL_COLOR, t.analyze_position_tell);
        let suspects: Vec<&TellDecision> = tell.position_suspects().collect();
        let position = suspects
            .first()
            .and_then(|d| d.best_position)
            .map_or(0, |p| p + 1);
        ui.weak(fill(
            t.analyze_tell_at_position,
            &[
                ("position", &position.to_string()),
                ("count", &suspects.len().to_string()),
                ("total", &tell.decisions_with_best.to_string()),
            ],
        ));
        clicked = clicked.or(decisions_ui(ui, &suspects, frame));
    }
    clicked
}

/// One line per decision: its id (clickable) and its replies' lengths, the
/// best one first.
fn decisions_ui(
    ui: &mut egui::Ui,
    decisions: &[&TellDecision],
    frame: &ScreenCtx,
) -> Option<String> {
    let t = frame.t;
    let mut clicked = None;
    for decision in decisions.iter().take(MAX_LISTED) {
        let best = decision.replies.iter().find(|r| r.best).map(|r| {
            fill(
                t.analyze_tell_best,
                &[("reply", &r.reply), ("chars", &r.chars.to_string())],
            )
        });
        let others: Vec<String> = decision
            .replies
            .iter()
            .filter(|r| !r.best)
            .map(|r| format!("\"{}\" {}", r.reply, r.chars))
            .collect();
        let detail = format!(
            "{}; {}",
            best.unwrap_or_default(),
            fill(t.analyze_tell_others, &[("replies", &others.join(", "))])
        );
        let response = ui
            .link(RichText::new(&decision.node).monospace())
            .on_hover_text(detail.as_str());
        ui.weak(detail);
        if response.clicked() {
            clicked = Some(decision.node.clone());
        }
    }
    let more = decisions.len().saturating_sub(MAX_LISTED);
    if more > 0 {
        ui.weak(format!("… +{more}"));
    }
    clicked
}
