//! The facilitator sheet of a scenario: what a trainer prints before a
//! session. The seed idea, learning goals and notes; the customer; every
//! decision with the points of each reply, the best one and the tempting
//! "educating" ones (the workbench's own rule, [`graph::classify`]); the
//! endings; the discussion questions and reflection prompts.

use super::doc;
use super::error::{Handout, HandoutError};
use super::layout::{Column, Composer, GOOD_BG, Row, Style, WARN_BG};
use super::texts::{HandoutTexts, texts};
use crate::graph;
use crate::i18n::fill;
use crate::labels;
use crate::lang::Lang;
use crate::scenario::model::*;
use crate::scenario::placeholder;
use crate::scoring;

/// The choices of `node` (indexes) that earn the largest share of the
/// points at stake when every choice is on offer: the best replies. Empty
/// for an ending or when no choice has anything at stake.
pub fn best_replies(node: &Node) -> Vec<usize> {
    let choices = node.choices();
    let qualities: Vec<Option<f64>> = choices
        .iter()
        .map(|choice| {
            let points = scoring::reply_points(choices.iter().map(|c| &c.effects), &choice.effects);
            scoring::reply_quality(&points)
        })
        .collect();
    let Some(best) = qualities.iter().flatten().copied().reduce(f64::max) else {
        return Vec::new();
    };
    qualities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.is_some_and(|q| q >= best - 1e-9))
        .map(|(i, _)| i)
        .collect()
}

/// Scenes in the order a conversation meets them (breadth first from the
/// start), then any the start does not lead to, in file order.
fn scenes_in_order(scenario: &Scenario) -> Vec<NodeIdx> {
    let count = scenario.nodes.len();
    let mut seen = vec![false; count];
    let mut order = Vec::with_capacity(count);
    let mut queue = std::collections::VecDeque::new();
    if let Some(slot) = seen.get_mut(scenario.start.node as usize) {
        *slot = true;
        queue.push_back(scenario.start.node);
    }
    while let Some(index) = queue.pop_front() {
        let Some(node) = scenario.node(index) else {
            continue;
        };
        order.push(index);
        let replies = node
            .choices()
            .iter()
            .chain(node.time_limit().map(|t| &t.reply));
        for reply in replies {
            for target in reply.next.targets() {
                if let Some(slot) = seen.get_mut(target.node as usize)
                    && !*slot
                {
                    *slot = true;
                    queue.push_back(target.node);
                }
            }
        }
    }
    order.extend((0..count as NodeIdx).filter(|&i| !seen[i as usize]));
    order
        .into_iter()
        .filter(|&i| scenario.node(i).is_some_and(|n| !n.is_ending()))
        .collect()
}

fn signed(value: i32) -> String {
    match value {
        v if v > 0 => format!("+{v}"),
        v if v < 0 => format!("−{}", v.unsigned_abs()),
        _ => "0".to_string(),
    }
}

fn effects_text(effects: &Effects) -> String {
    format!(
        "{} / {} / {}",
        signed(effects.empathy),
        signed(effects.promise),
        signed(effects.care)
    )
}

fn difficulty(lang: Lang, difficulty: Difficulty) -> &'static str {
    let t = lang.texts();
    match difficulty {
        Difficulty::Beginner => t.gui_difficulty_beginner,
        Difficulty::Intermediate => t.gui_difficulty_intermediate,
        Difficulty::Advanced => t.gui_difficulty_advanced,
    }
}

/// A list section, or a note that the scenario has none.
fn list_section(composer: &mut Composer, heading: &str, items: &[String], h: &HandoutTexts) {
    composer.heading(heading);
    if items.is_empty() {
        composer.paragraph(h.none_written, Style::NOTE);
    } else {
        composer.bullets(items, Style::BODY);
    }
}

/// The facilitator sheet of `scenario`, with labels in `lang` (the texts
/// are the scenario's own, in its language).
pub fn facilitator_sheet(scenario: &Scenario, lang: Lang) -> Result<Handout, HandoutError> {
    let h = texts(lang);
    let customer = scenario.customer.names.first().map_or("", String::as_str);
    let values = placeholder::Fill {
        customer,
        gender: scenario.customer.gender,
        spanish: scenario.language.value == "es",
        trainee: h.trainee_placeholder,
    };
    let resolve = |text: &str| placeholder::fill(text, values);
    let resolve_all = |items: &[String]| items.iter().map(|s| resolve(s)).collect::<Vec<_>>();
    let mut composer = Composer::new();
    composer.paragraph(h.facilitator_title, Style::NOTE.bold());
    composer.title(&scenario.title.value);
    composer.paragraph(
        &fill(
            h.facilitator_meta,
            &[
                ("setting", &resolve(&scenario.setting)),
                ("difficulty", difficulty(lang, scenario.difficulty)),
                ("minutes", &scenario.minutes.to_string()),
                ("version", &scenario.version.to_string()),
            ],
        ),
        Style::NOTE,
    );
    composer.space(4.0);
    composer.paragraph(&resolve(&scenario.summary), Style::BODY);

    composer.heading(h.seed_idea);
    if scenario.seed_idea.trim().is_empty() {
        composer.paragraph(h.none_written, Style::NOTE);
    } else {
        composer.paragraph(&resolve(&scenario.seed_idea), Style::BODY);
    }
    list_section(
        &mut composer,
        h.learning_goals,
        &resolve_all(&scenario.learning_goals),
        h,
    );

    composer.heading(h.customer);
    composer.paragraph(&resolve(&scenario.customer.persona), Style::BODY);
    if !scenario.customer.names.is_empty() {
        composer.labelled(
            h.customer_names,
            &scenario.customer.names.join(", "),
            Style::NOTE,
        );
    }
    for (label, goals) in [
        (h.business_goals, &scenario.customer.business_goals),
        (h.personal_goals, &scenario.customer.personal_goals),
    ] {
        if !goals.is_empty() {
            composer.paragraph(label, Style::BODY.bold());
            composer.bullets(&resolve_all(goals), Style::BODY);
        }
    }

    composer.heading(h.trainer_notes);
    if scenario.trainer_notes.trim().is_empty() {
        composer.paragraph(h.none_written, Style::NOTE);
    } else {
        composer.paragraph(&resolve(&scenario.trainer_notes), Style::BODY);
    }

    composer.heading(h.decision_map);
    composer.paragraph(h.decision_map_help, Style::NOTE);
    composer.space(4.0);
    let columns = [
        Column {
            header: h.col_reply,
            share: 0.64,
            numeric: false,
        },
        Column {
            header: h.col_points,
            share: 0.16,
            numeric: false,
        },
        Column {
            header: h.col_note,
            share: 0.20,
            numeric: false,
        },
    ];
    let mut temptations = Vec::new();
    for (number, index) in scenes_in_order(scenario).into_iter().enumerate() {
        let Some(node) = scenario.node(index) else {
            continue;
        };
        let choices = node.choices();
        let offered: Vec<Effects> = choices.iter().map(|c| c.effects).collect();
        let best = best_replies(node);
        let mut rows = Vec::with_capacity(choices.len() + 1);
        for (i, choice) in choices.iter().enumerate() {
            let educating = graph::classify(&choice.effects, &offered) == graph::Effect::Educating;
            let is_best = best.contains(&i);
            if educating {
                temptations.push(format!(
                    "{} — {}: {}",
                    node.id.value,
                    fill(h.quoted, &[("text", &resolve(&choice.text))]),
                    resolve(&choice.feedback)
                ));
            }
            let note = match (is_best, educating) {
                (true, _) => h.best,
                (false, true) => h.educating,
                _ => "",
            };
            rows.push(Row {
                cells: vec![
                    resolve(&choice.text),
                    effects_text(&choice.effects),
                    note.to_string(),
                ],
                background: if is_best {
                    Some(GOOD_BG)
                } else if educating {
                    Some(WARN_BG)
                } else {
                    None
                },
                bold: false,
                bar: None,
            });
        }
        if let Some(limit) = node.time_limit() {
            let educating =
                graph::classify(&limit.reply.effects, &offered) == graph::Effect::Educating;
            rows.push(Row {
                cells: vec![
                    fill(
                        h.timeout_reply,
                        &[
                            ("seconds", &limit.seconds.to_string()),
                            ("reply", &resolve(&limit.reply.text)),
                        ],
                    ),
                    effects_text(&limit.reply.effects),
                    h.timeout_note.to_string(),
                ],
                background: educating.then_some(WARN_BG),
                bold: false,
                bar: None,
            });
        }
        composer.space(4.0);
        composer.paragraph(
            &fill(
                h.decision_heading,
                &[
                    ("number", &(number + 1).to_string()),
                    ("node", &node.id.value),
                ],
            ),
            Style::BODY.bold(),
        );
        composer.paragraph(&resolve(&node.text), Style::BODY.indented(8.0));
        composer.space(2.0);
        composer.table(&columns, &rows);
    }

    composer.heading(h.temptations);
    if temptations.is_empty() {
        composer.paragraph(h.temptations_none, Style::NOTE);
    } else {
        composer.bullets(&temptations, Style::BODY);
    }

    composer.heading(h.endings);
    for node in &scenario.nodes {
        if let NodeBody::Ending {
            outcome, debrief, ..
        } = &node.body
        {
            composer.paragraph(
                &format!("{} — {}", labels::outcome(lang, *outcome), node.id.value),
                Style::BODY.bold(),
            );
            composer.paragraph(&resolve(debrief), Style::BODY.indented(8.0));
            composer.space(3.0);
        }
    }

    list_section(
        &mut composer,
        h.discussion_questions,
        &resolve_all(&scenario.discussion_questions),
        h,
    );
    list_section(
        &mut composer,
        h.reflection_prompts,
        &resolve_all(&scenario.reflection_prompts),
        h,
    );
    let title = format!("{} — {}", h.facilitator_title, scenario.title.value);
    doc::finish(composer, &title, lang, &scenario.language.value)
}
