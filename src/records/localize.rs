//! A report in its reader's language, and the reply colour rule it shares
//! with the workbench.
//!
//! A group's attempts may be in both languages: the report's titles,
//! prompts and reply texts are taken from the latest attempt *in the
//! reader's language* when there is one, else the scenario title from the
//! library's version in that language, else the latest attempt's (the only
//! text known).

use super::record::AttemptRecord;
use super::report::Report;
use crate::graph::{self, Effect};
use crate::scenario::Scenario;
use std::collections::HashMap;

/// Rewrites the texts of `report` into `language` (a scenario language
/// code, `es` or `en`). `records` are the attempts the report was built
/// from (any order); `title_of(scenario_id)` gives the title of the
/// library's version of a scenario in `language`, when it has one.
pub fn localize<'a>(
    report: &mut Report,
    records: impl IntoIterator<Item = &'a AttemptRecord>,
    language: &str,
    title_of: impl Fn(&str) -> Option<String>,
) {
    let mut in_language: Vec<&AttemptRecord> = records
        .into_iter()
        .filter(|r| r.scenario.language == language)
        .collect();
    // Oldest first, so the latest attempt's texts win.
    in_language.sort_by_key(|r| r.started_at);
    let mut titles: HashMap<&str, &str> = HashMap::new();
    let mut prompts: HashMap<(&str, &str), &str> = HashMap::new();
    let mut replies: HashMap<(&str, &str, &str), &str> = HashMap::new();
    for record in &in_language {
        let scenario = record.scenario.id.as_str();
        titles.insert(scenario, &record.scenario.title);
        for step in &record.steps {
            prompts.insert((scenario, &step.node_id), &step.prompt);
            for offered in &step.offered {
                replies.insert((scenario, &step.node_id, &offered.reply_id), &offered.text);
            }
            replies.insert((scenario, &step.node_id, &step.reply_id), &step.reply_text);
        }
    }
    let title = |id: &str, current: &mut String| {
        if let Some(found) = titles.get(id) {
            *current = (*found).to_string();
        } else if let Some(found) = title_of(id) {
            *current = found;
        }
    };
    for row in &mut report.results {
        title(&row.scenario_id, &mut row.title);
    }
    for scenario in &mut report.decisions {
        title(&scenario.scenario_id, &mut scenario.title);
        let id = scenario.scenario_id.as_str();
        for node in &mut scenario.nodes {
            if let Some(prompt) = prompts.get(&(id, node.node_id.as_str())) {
                node.prompt = (*prompt).to_string();
            }
            for reply in &mut node.replies {
                let key = (id, node.node_id.as_str(), reply.reply_id.as_str());
                if let Some(text) = replies.get(&key) {
                    reply.text = (*text).to_string();
                }
            }
        }
    }
}

/// True when a reply of a report "gives in to educating the customer", by
/// the workbench's rule ([`graph::classify`]: it costs care, or it is the
/// least caring reply on offer and gains nothing else); such replies are
/// drawn in orange in both. `None` when the scenario has no such node and
/// reply.
pub fn gives_in(scenario: &Scenario, node_id: &str, reply_id: &str) -> Option<bool> {
    let node = scenario.nodes.iter().find(|n| n.id.value == node_id)?;
    let choices = node.choices();
    let offered: Vec<_> = choices.iter().map(|c| c.effects).collect();
    let reply = if reply_id == "timeout" {
        &node.time_limit()?.reply
    } else {
        choices.iter().find(|c| c.id.value == reply_id)?
    };
    Some(graph::classify(&reply.effects, &offered) == Effect::Educating)
}

/// The nearest the report's own figures come to that rule, for a scenario
/// that is not loaded: the reply earned none of the care points at stake
/// (so it was the least caring reply on offer each time) and none of the
/// points on the other dimensions. The figures cannot show a reply that
/// costs care without being the least caring one, so this is only used
/// when the scenario is not at hand.
pub fn gives_in_by_figures(quality: [Option<f64>; 3]) -> bool {
    let [empathy, promise, care] = quality;
    care.is_some_and(|q| q <= 0.0) && [empathy, promise].iter().flatten().all(|q| *q <= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn wrong_size() -> std::sync::Arc<Scenario> {
        let mut library = Library::default();
        library.add_file(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/valid/wrong-size.ron"),
        );
        library.entries[0].playable().cloned().expect("playable")
    }

    #[test]
    fn the_report_colours_replies_by_the_workbench_rule() {
        let scenario = wrong_size();
        // Costs care: orange.
        assert_eq!(gives_in(&scenario, "desk", "procedure"), Some(true));
        assert_eq!(gives_in(&scenario, "desk", "tomorrow"), Some(false));
        // Gains nothing but costs nothing, with no care at stake: not orange.
        assert_eq!(gives_in(&scenario, "stock", "bag"), Some(false));
        assert_eq!(gives_in(&scenario, "desk", "no-such-reply"), None);
        assert_eq!(gives_in(&scenario, "nowhere", "procedure"), None);
        // Without the scenario: none of the care points at stake and
        // nothing elsewhere.
        assert!(gives_in_by_figures([Some(0.0), None, Some(0.0)]));
        assert!(!gives_in_by_figures([Some(0.5), None, Some(0.0)]));
        assert!(!gives_in_by_figures([None, None, Some(0.67)]));
        assert!(!gives_in_by_figures([None, None, None]));
    }
}
