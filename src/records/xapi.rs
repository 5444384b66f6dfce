//! xAPI 1.0.3 statements for a learning record store: one per attempt
//! (completed, failed, or terminated when abandoned) and one per decision
//! (answered). Statement ids are derived from the attempt id, so exporting
//! the same attempts twice gives the same statements.

use super::ids::derived_uuid;
use super::record::{AttemptOutcome, AttemptRecord, EventRecord, StepRecord, mode_code};
use jiff::{SignedDuration, Timestamp};
use serde_json::{Map, Value, json};

const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const VERB_FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
const VERB_TERMINATED: &str = "http://adlnet.gov/expapi/verbs/terminated";
const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const TYPE_SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
const TYPE_INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// Where the statements' identifiers live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XapiOptions {
    /// Base IRI of activities and extensions (no trailing slash).
    pub base_iri: String,
    /// Home page of the trainees' accounts.
    pub home_page: String,
}

impl Default for XapiOptions {
    fn default() -> XapiOptions {
        XapiOptions {
            base_iri: "https://momento.invalid/xapi".to_string(),
            home_page: "https://momento.invalid/trainees".to_string(),
        }
    }
}

impl XapiOptions {
    fn extension(&self, name: &str) -> String {
        format!("{}/extensions/{name}", self.base_iri.trim_end_matches('/'))
    }

    fn scenario_iri(&self, scenario_id: &str) -> String {
        format!(
            "{}/scenarios/{}",
            self.base_iri.trim_end_matches('/'),
            iri_segment(scenario_id)
        )
    }
}

/// Every statement of `records`: per attempt, the attempt's statement then
/// one per decision.
pub fn statements<'a>(
    records: impl IntoIterator<Item = &'a AttemptRecord>,
    options: &XapiOptions,
) -> Vec<Value> {
    let mut out = Vec::new();
    for record in records {
        out.push(attempt_statement(record, options));
        let mut at = record.started_at;
        for step in &record.steps {
            if let Some(ms) = step.elapsed_ms {
                at = at
                    .checked_add(SignedDuration::from_millis(i64::from(ms)))
                    .unwrap_or(at);
            }
            out.push(decision_statement(
                record,
                step,
                at.min(record.ended_at.max(record.started_at)),
                options,
            ));
        }
    }
    out
}

fn actor(record: &AttemptRecord, options: &XapiOptions) -> Value {
    let name = match record.trainee.trim() {
        "" => "anonymous",
        name => name,
    };
    // A classroom session is the group's attempt: an identified Group.
    let object_type = if record.mode == crate::engine::Mode::Classroom {
        "Group"
    } else {
        "Agent"
    };
    json!({
        "objectType": object_type,
        "name": name,
        "account": { "homePage": options.home_page, "name": name },
    })
}

fn verb(id: &str, display: &str) -> Value {
    json!({ "id": id, "display": { "en-US": display } })
}

/// A language tag for language maps: the scenario's code when it looks
/// like one, else "und" (undetermined).
fn language_tag(code: &str) -> String {
    let mut parts = code.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        code.to_string()
    } else {
        "und".to_string()
    }
}

fn lang_map(lang: &str, text: &str) -> Value {
    let mut map = Map::new();
    map.insert(lang.to_string(), Value::String(text.to_string()));
    Value::Object(map)
}

fn round(x: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (x * factor).round() / factor
}

fn attempt_statement(record: &AttemptRecord, options: &XapiOptions) -> Value {
    let lang = language_tag(&record.scenario.language);
    let (verb_id, display, success) = match record.outcome {
        AttemptOutcome::Kept | AttemptOutcome::Neutral => (VERB_COMPLETED, "completed", Some(true)),
        AttemptOutcome::Lost => (VERB_FAILED, "failed", Some(false)),
        AttemptOutcome::Abandoned => (VERB_TERMINATED, "terminated", None),
    };
    let scores = &record.scores;
    // An abandoned attempt, or one where nothing was assessed, has no
    // score: xAPI leaves `result.score` out rather than inventing one.
    let balance = scores
        .balance
        .filter(|_| record.outcome.is_finished())
        .map(|b| b.clamp(0.0, 100.0));
    let finished = record.outcome.is_finished();
    let optional = |score: Option<f64>| score.filter(|_| finished).map(|s| round(s, 2));
    let mut result = json!({
        "completion": record.outcome.is_finished(),
        "duration": iso_duration(record.duration_ms()),
        "extensions": {
            options.extension("empathy"): optional(scores.empathy.score),
            options.extension("promise-keeping"): optional(scores.promise_keeping.score),
            options.extension("care"): optional(scores.care.score),
            options.extension("balance"): optional(balance),
            options.extension("outcome"): record.outcome.code(),
            // The ledger as people read it: what was promised, with the id
            // for programs.
            options.extension("promises"): record
                .promises
                .iter()
                .map(|p| json!({
                    "id": p.promise_id,
                    "text": p.text,
                    "status": p.status,
                    "confirmed": p.confirmed,
                }))
                .collect::<Vec<_>>(),
        },
    });
    if let Some(object) = result.as_object_mut() {
        if let Some(success) = success {
            object.insert("success".to_string(), Value::Bool(success));
        }
        if let Some(balance) = balance {
            object.insert(
                "score".to_string(),
                json!({
                    "scaled": round(balance / 100.0, 4),
                    "raw": round(balance, 2),
                    "min": 0,
                    "max": 100,
                }),
            );
        }
    }
    json!({
        "id": derived_uuid(&record.attempt_id, 0),
        "actor": actor(record, options),
        "verb": verb(verb_id, display),
        "object": {
            "objectType": "Activity",
            "id": options.scenario_iri(&record.scenario.id),
            "definition": {
                "name": lang_map(&lang, &record.scenario.title),
                "type": TYPE_SIMULATION,
            },
        },
        "result": result,
        "context": {
            "registration": record.attempt_id,
            "platform": "Momento",
            "language": lang,
            "extensions": {
                options.extension("mode"): mode_code(record.mode),
                options.extension("seed"): record.seed.to_string(),
                options.extension("scenario-version"): record.scenario.version,
                options.extension("content-hash"): record.scenario.content_hash,
                options.extension("decisions"): record.steps.len(),
            },
        },
        "timestamp": record.ended_at.to_string(),
    })
}

fn decision_statement(
    record: &AttemptRecord,
    step: &StepRecord,
    at: Timestamp,
    options: &XapiOptions,
) -> Value {
    let lang = language_tag(&record.scenario.language);
    let scenario_iri = options.scenario_iri(&record.scenario.id);
    let mut choices: Vec<Value> = step
        .offered
        .iter()
        .map(|o| json!({ "id": o.reply_id, "description": lang_map(&lang, &o.text) }))
        .collect();
    if step.timed_out {
        choices
            .push(json!({ "id": step.reply_id, "description": lang_map(&lang, &step.reply_text) }));
    }
    let points =
        |p: crate::scoring::Points| json!({ "earned": p.earned, "available": p.available });
    let mut result = json!({
        "response": step.reply_id,
        "extensions": {
            options.extension("empathy-points"): points(step.points.empathy),
            options.extension("promise-keeping-points"): points(step.points.promise_keeping),
            options.extension("care-points"): points(step.points.care),
            options.extension("mood"): { "before": step.mood_before, "after": step.mood_after },
            options.extension("timed-out"): step.timed_out,
            options.extension("promises"): step_promises(record, step),
        },
    });
    if let (Some(ms), Some(object)) = (step.elapsed_ms, result.as_object_mut()) {
        object.insert(
            "duration".to_string(),
            Value::String(iso_duration(u64::from(ms))),
        );
    }
    if !step.votes.is_empty()
        && let Some(extensions) = result.get_mut("extensions").and_then(Value::as_object_mut)
    {
        // A classroom decision: how the room voted, reply by reply.
        let votes: Map<String, Value> = step
            .votes
            .iter()
            .map(|v| (v.reply_id.clone(), json!(v.votes)))
            .collect();
        extensions.insert(options.extension("votes"), Value::Object(votes));
        extensions.insert(
            options.extension("voters"),
            json!(super::classroom::total(&step.votes)),
        );
    }
    json!({
        "id": derived_uuid(&record.attempt_id, step.number as u64),
        "actor": actor(record, options),
        "verb": verb(VERB_ANSWERED, "answered"),
        "object": {
            "objectType": "Activity",
            "id": format!("{scenario_iri}/nodes/{}", iri_segment(&step.node_id)),
            "definition": {
                // What a person reads in the LRS: the customer's line; the
                // node id is in the activity IRI.
                "name": lang_map(&lang, &decision_name(step)),
                "description": lang_map(&lang, &step.prompt),
                "type": TYPE_INTERACTION,
                "interactionType": "choice",
                "choices": choices,
            },
        },
        "result": result,
        "context": {
            "registration": record.attempt_id,
            "platform": "Momento",
            "language": lang,
            "contextActivities": {
                "parent": [{ "objectType": "Activity", "id": scenario_iri }],
            },
            "extensions": {
                options.extension("step"): step.number,
                options.extension("mode"): mode_code(record.mode),
            },
        },
        "timestamp": at.to_string(),
    })
}

/// A decision's display name: the customer's line, shortened, or the node
/// id when the record holds no line.
fn decision_name(step: &StepRecord) -> String {
    let line = step.prompt.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        step.node_id.clone()
    } else {
        crate::debrief::shorten(&line, 120)
    }
}

/// The promise events of one decision, each with the promise's text.
fn step_promises(record: &AttemptRecord, step: &StepRecord) -> Vec<Value> {
    let text_of = |id: &str| {
        record
            .promises
            .iter()
            .find(|p| p.promise_id == id)
            .map(|p| p.text.clone())
            .unwrap_or_default()
    };
    step.events
        .iter()
        .filter_map(|event| {
            let (what, id) = match event {
                EventRecord::PromiseMade { promise_id, .. } => ("made", promise_id),
                EventRecord::PromiseKept { promise_id } => ("kept", promise_id),
                EventRecord::PromiseBroken { promise_id, .. } => ("broken", promise_id),
                EventRecord::PromiseConfirmed { promise_id } => ("confirmed", promise_id),
                EventRecord::PromiseRetracted { promise_id } => ("retracted", promise_id),
                _ => return None,
            };
            Some(json!({ "event": what, "id": id, "text": text_of(id) }))
        })
        .collect()
}

/// An ISO 8601 duration such as `PT1M23.5S`.
pub fn iso_duration(ms: u64) -> String {
    let hours = ms / 3_600_000;
    let minutes = ms / 60_000 % 60;
    let millis = ms % 60_000;
    let mut out = String::from("PT");
    if hours > 0 {
        out.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        out.push_str(&format!("{minutes}M"));
    }
    if millis > 0 || (hours == 0 && minutes == 0) {
        let seconds = format!("{}.{:03}", millis / 1000, millis % 1000);
        let seconds = seconds.trim_end_matches('0').trim_end_matches('.');
        out.push_str(seconds);
        out.push('S');
    }
    out
}

/// Percent-encodes everything but unreserved characters, so any id fits in
/// an IRI path segment.
fn iri_segment(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(1500), "PT1.5S");
        assert_eq!(iso_duration(83_000), "PT1M23S");
        assert_eq!(iso_duration(3_600_000), "PT1H");
        assert_eq!(iso_duration(3_723_004), "PT1H2M3.004S");
    }

    #[test]
    fn ids_are_encoded_for_iris() {
        assert_eq!(iri_segment("cafetera-sin-ticket"), "cafetera-sin-ticket");
        assert_eq!(iri_segment("tíquet 1"), "t%C3%ADquet%201");
    }

    #[test]
    fn odd_language_codes_become_undetermined() {
        assert_eq!(language_tag("es"), "es");
        assert_eq!(language_tag("en-GB"), "en-GB");
        assert_eq!(language_tag("español"), "und");
    }
}
