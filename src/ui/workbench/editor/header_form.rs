//! The scenario's details and its customer.

use super::Pending;
use super::fields::{self, FieldCtx};
use crate::scenario::edit::{EditDoc, New, ValuePath, ops};
use crate::scenario::model::{Difficulty, MoodSpec, Scenario};
use crate::ui::ScreenCtx;

/// Draws the header and customer forms.
pub fn header_form_ui(
    ui: &mut egui::Ui,
    doc: &EditDoc,
    scenario: &Scenario,
    pending: &mut Vec<Pending>,
    frame: &ScreenCtx,
) {
    let t = frame.t;
    let mut cx = FieldCtx {
        doc,
        pending,
        t,
        lang: frame.lang,
    };
    let root = ValuePath::root;
    egui::CollapsingHeader::new(t.ed_header)
        .default_open(true)
        .show(ui, |ui| {
            fields::text_field_ui(
                ui,
                &mut cx,
                t.ed_f_title,
                t.ed_h_title,
                root().field("title"),
                &scenario.title,
                Some(scenario.title.span),
                false,
            );
            fields::text_field_ui(
                ui,
                &mut cx,
                t.ed_f_summary,
                t.ed_h_summary,
                root().field("summary"),
                &scenario.summary,
                Some(scenario.summary.span),
                true,
            );
            fields::text_field_ui(
                ui,
                &mut cx,
                t.ed_f_setting,
                t.ed_h_setting,
                root().field("setting"),
                &scenario.setting,
                Some(scenario.setting.span),
                false,
            );
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_tags,
                t.ed_h_list,
                root().field("tags"),
                &scenario.tags,
            );
            let difficulty = match scenario.difficulty {
                Difficulty::Beginner => "Beginner",
                Difficulty::Intermediate => "Intermediate",
                Difficulty::Advanced => "Advanced",
            };
            let options: Vec<(String, String)> = ["Beginner", "Intermediate", "Advanced"]
                .iter()
                .map(|d| (d.to_string(), d.to_string()))
                .collect();
            if let Some(picked) = fields::pick_ui(
                ui,
                t.ed_f_difficulty,
                "",
                "difficulty",
                difficulty,
                &options,
            ) {
                cx.push(crate::scenario::edit::Edit::Set {
                    path: root().field("difficulty"),
                    value: New::raw(picked),
                });
            }
            if let Some(minutes) = fields::stepper_ui(
                ui,
                t.ed_f_minutes,
                t.ed_h_minutes,
                scenario.minutes as i64,
                1..=240,
                "minutes",
            ) {
                cx.push(ops::set_number(root().field("minutes"), minutes));
            }
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_goals,
                t.ed_h_list,
                root().field("learning_goals"),
                &scenario.learning_goals,
            );
            let notes = &scenario.trainer_notes;
            fields::text_field_ui(
                ui,
                &mut cx,
                t.ed_f_trainer_notes,
                "",
                root().field("trainer_notes"),
                notes,
                None,
                true,
            );
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_questions,
                t.ed_h_list,
                root().field("discussion_questions"),
                &scenario.discussion_questions,
            );
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_reflection,
                t.ed_h_reflection,
                root().field("reflection_prompts"),
                &scenario.reflection_prompts,
            );
        });
    egui::CollapsingHeader::new(t.ed_customer)
        .default_open(true)
        .show(ui, |ui| {
            let customer = &scenario.customer;
            let path = || root().field("customer");
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_names,
                t.ed_h_names,
                path().field("names"),
                &customer.names,
            );
            fields::text_field_ui(
                ui,
                &mut cx,
                t.ed_f_persona,
                t.ed_h_persona,
                path().field("persona"),
                &customer.persona,
                Some(customer.persona.span),
                false,
            );
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_business,
                t.ed_h_list,
                path().field("business_goals"),
                &customer.business_goals,
            );
            fields::lines_field_ui(
                ui,
                &mut cx,
                t.ed_f_personal,
                t.ed_h_personal,
                path().field("personal_goals"),
                &customer.personal_goals,
            );
            match customer.mood {
                MoodSpec::Fixed(mood) => {
                    if let Some(mood) = fields::stepper_ui(
                        ui,
                        t.ed_f_start_mood,
                        t.ed_h_start_mood,
                        mood as i64,
                        0..=100,
                        "start_mood",
                    ) {
                        cx.push(ops::set_number(path().field("mood"), mood));
                    }
                }
                MoodSpec::Between(low, high) => {
                    let low_new = fields::stepper_ui(
                        ui,
                        t.ed_f_start_mood,
                        t.ed_h_start_mood,
                        low as i64,
                        0..=100,
                        "start_mood_low",
                    );
                    let high_new = fields::stepper_ui(
                        ui,
                        t.ed_f_start_mood,
                        t.ed_h_start_mood,
                        high as i64,
                        0..=100,
                        "start_mood_high",
                    );
                    if low_new.is_some() || high_new.is_some() {
                        let low = low_new.unwrap_or(low as i64);
                        let high = high_new.unwrap_or(high as i64).max(low);
                        cx.push(crate::scenario::edit::Edit::Set {
                            path: path().field("mood"),
                            value: New::tuple(
                                "Between",
                                vec![New::raw(low.to_string()), New::raw(high.to_string())],
                            ),
                        });
                    }
                }
            }
        });
}
