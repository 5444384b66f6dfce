//! The trainer report's section of classroom sessions: each group attempt
//! apart from the trainees' own, with how the room voted at each decision.

use crate::i18n::classroom::texts;
use crate::i18n::fill;
use crate::labels;
use crate::lang::Lang;
use crate::records::report::GroupSession;
use crate::ui::history::outcome_label;
use egui::RichText;

/// Draws the classroom sessions of a report (nothing when there are none).
pub fn groups_ui(ui: &mut egui::Ui, groups: &[GroupSession], lang: Lang) {
    if groups.is_empty() {
        return;
    }
    let t = texts(lang);
    ui.add_space(12.0);
    ui.strong(t.report_groups);
    ui.weak(t.report_groups_help);
    for group in groups {
        let attempt = &group.attempt;
        let header = format!(
            "{} · {} · {} · {}",
            attempt.trainee,
            attempt.title,
            crate::records::local_time(attempt.started_at),
            outcome_label(lang, attempt.outcome),
        );
        egui::CollapsingHeader::new(header)
            .id_salt(("report_group", &attempt.attempt_id))
            .default_open(true)
            .show(ui, |ui| {
                ui.label(format!(
                    "{} · {} · {} = {} · {}",
                    labels::score(attempt.empathy),
                    labels::score(attempt.promise_keeping),
                    labels::score(attempt.care),
                    labels::score(attempt.balance),
                    fill(t.report_voters, &[("count", &group.voters.to_string())]),
                ));
                for decision in &group.decisions {
                    let votes = if decision.voters == 0 {
                        t.report_no_votes.to_string()
                    } else {
                        decision
                            .votes
                            .iter()
                            .map(|v| format!("{} {}", v.reply_id, v.votes))
                            .collect::<Vec<_>>()
                            .join(" · ")
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("{}.", decision.step)).strong());
                        ui.label(RichText::new(&decision.node_id).strong());
                        ui.label(votes);
                        ui.weak(format!("({}: {})", t.cli_followed, decision.followed));
                    });
                }
            });
    }
}
