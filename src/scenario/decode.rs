//! Turns the spanned RON tree into a [`Scenario`], reporting every mistake
//! with its position instead of stopping at the first.
//!
//! Decoding is forgiving: a bad value is reported and replaced by a default
//! so that later mistakes are found in the same pass.

use super::model::*;
use super::placeholder;
use crate::diagnostic::{Code, Reporter, closest};
use crate::ron_tree::{Field, Ident, Kind, Value};
use crate::source::{Span, Spanned};

/// Limits that keep loading bounded on hostile or accidental input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: usize,
    /// Most nodes in one scenario.
    pub max_nodes: usize,
    /// Longest text, in characters.
    pub max_text_chars: usize,
    /// Deepest nesting of RON values.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 2 * 1024 * 1024,
            max_nodes: 5_000,
            max_text_chars: 4_000,
            max_depth: 64,
        }
    }
}

impl Limits {
    /// Limits for generated stress scenarios (benchmarks): size limits
    /// lifted, nesting still bounded.
    pub fn unbounded() -> Self {
        Limits {
            max_file_bytes: usize::MAX,
            max_nodes: usize::MAX,
            max_text_chars: usize::MAX,
            max_depth: 64,
        }
    }
}

const SCENARIO_FIELDS: &[&str] = &[
    "format",
    "id",
    "version",
    "language",
    "title",
    "summary",
    "setting",
    "tags",
    "difficulty",
    "minutes",
    "learning_goals",
    "seed_idea",
    "trainer_notes",
    "discussion_questions",
    "reflection_prompts",
    "customer",
    "start",
    "shuffle_choices",
    "nodes",
];
const CUSTOMER_FIELDS: &[&str] = &[
    "names",
    "persona",
    "business_goals",
    "personal_goals",
    "mood",
];
const NODE_FIELDS: &[&str] = &[
    "speaker",
    "speaker_name",
    "text",
    "mood_cue",
    "mood",
    "promises",
    "flags",
    "choices",
    "time_limit",
    "fixed_order",
];
const ENDING_FIELDS: &[&str] = &[
    "outcome",
    "speaker",
    "speaker_name",
    "text",
    "debrief",
    "mood_cue",
    "mood",
    "promises",
    "flags",
];
const CHOICE_FIELDS: &[&str] = &[
    "id", "text", "effects", "mood", "promises", "flags", "when", "feedback", "next",
];
const TIME_LIMIT_FIELDS: &[&str] = &[
    "seconds", "text", "effects", "mood", "promises", "flags", "feedback", "next",
];
const EFFECTS_FIELDS: &[&str] = &["empathy", "promise", "care"];
const MAKE_FIELDS: &[&str] = &["id", "text", "limit"];
const ROUTE_FIELDS: &[&str] = &["branches", "otherwise"];
const BRANCH_FIELDS: &[&str] = &["when", "go"];
const WEIGHTED_FIELDS: &[&str] = &["weight", "go"];

const SPEAKERS: &[&str] = &["Customer", "Colleague", "Manager", "Narrator"];
const DIFFICULTIES: &[&str] = &["Beginner", "Intermediate", "Advanced"];
const OUTCOMES: &[&str] = &["Kept", "Neutral", "Lost"];
const LIMITS: &[&str] = &["CannotPhysically", "DontKnowHow", "NotAllowed", "NoTools"];
const PROMISE_ACTIONS: &[&str] = &["Make", "Keep", "Break", "Confirm"];
const CONDITIONS: &[&str] = &[
    "MoodAtLeast",
    "MoodBelow",
    "Flag",
    "NotFlag",
    "PromiseOpen",
    "PromiseKept",
    "All",
    "Any",
    "Not",
];
const NEXT_FORMS: &[&str] = &["\"node_id\"", "Route(...)", "Random([...])"];

/// Largest score change one reply may carry on one dimension.
pub const MAX_EFFECT: i32 = 10;

/// Decodes a parsed file into a scenario, reporting problems to `reporter`.
pub fn decode(root: &Value, reporter: &mut Reporter, limits: &Limits) -> Scenario {
    let mut decoder = Decoder { reporter, limits };
    decoder.scenario(root)
}

struct Decoder<'r, 't> {
    reporter: &'r mut Reporter<'t>,
    limits: &'r Limits,
}

/// The fields of one structure, with unknown and duplicate names already
/// reported, and a record of which were read so missing ones are caught.
struct Fields<'v> {
    what: &'static str,
    span: Span,
    fields: &'v [Field<'v>],
    /// Valid names that an unknown field was probably meant to be: a
    /// missing-field error for them would repeat the same mistake.
    misspelled: Vec<&'static str>,
}

impl<'v> Fields<'v> {
    fn get(&self, name: &str) -> Option<&'v Value<'v>> {
        self.fields
            .iter()
            .find(|f| f.name.name == name)
            .map(|f| unwrap_some(&f.value))
            .filter(|v| !is_none(v))
    }
}

fn unwrap_some<'v>(value: &'v Value<'v>) -> &'v Value<'v> {
    match &value.kind {
        Kind::Tuple {
            name: Some(name),
            items,
        } if name.name == "Some" && items.len() == 1 => &items[0],
        _ => value,
    }
}

fn is_none(value: &Value) -> bool {
    matches!(&value.kind, Kind::Unit(ident) if ident.name == "None")
}

fn list_names(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'r, 't> Decoder<'r, 't> {
    fn report(&mut self, code: Code, span: Span, message: String, hint: String) {
        self.reporter.report(code, span, message, hint);
    }

    // ---- structure helpers -------------------------------------------------

    /// Opens `Name(field: ...)` or `(field: ...)`, checking the name (when
    /// `names` is not empty) and reporting unknown or repeated fields.
    fn open<'v>(
        &mut self,
        value: &'v Value<'v>,
        what: &'static str,
        names: &[&str],
        valid: &[&'static str],
    ) -> Option<Fields<'v>> {
        let (name, fields): (Option<&Ident>, &'v [Field<'v>]) = match &value.kind {
            Kind::Struct { name, fields } => (name.as_ref(), *fields),
            Kind::Tuple { name, items: [] } => (name.as_ref(), &[]),
            other => {
                let example = names.first().copied().unwrap_or("");
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "{what} must be written as `{example}(field: value, ...)`, found {}",
                        other.describe()
                    ),
                    format!("the fields of {what} are: {}", list_names(valid)),
                );
                return None;
            }
        };
        if let Some(name) = name
            && !names.is_empty()
            && !names.contains(&name.name)
        {
            let suggestion = closest(name.name, names.iter().copied())
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            self.report(
                Code::E005,
                name.span,
                format!("`{}` is not a kind of {what}", name.name),
                format!("{suggestion}write {}", list_names(names)),
            );
        }
        let mut misspelled = Vec::new();
        for (i, field) in fields.iter().enumerate() {
            if !valid.contains(&field.name.name) {
                let near = closest(field.name.name, valid.iter().copied());
                let suggestion = near
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                misspelled.extend(near);
                self.report(
                    Code::E002,
                    field.name.span,
                    format!("unknown field `{}` in {what}", field.name.name),
                    format!(
                        "{suggestion}the fields of {what} are: {}",
                        list_names(valid)
                    ),
                );
            } else if let Some(first) = fields[..i].iter().find(|f| f.name.name == field.name.name)
            {
                let first_at = self.reporter.line_col(first.name.span.start);
                self.report(
                    Code::E006,
                    field.name.span,
                    format!("field `{}` is written twice in {what}", field.name.name),
                    format!("keep only one; the first is at line {}", first_at.line),
                );
            }
        }
        Some(Fields {
            what,
            span: value.span,
            fields,
            misspelled,
        })
    }

    fn required<'v>(
        &mut self,
        fields: &Fields<'v>,
        name: &str,
        example: &str,
    ) -> Option<&'v Value<'v>> {
        let value = fields.get(name);
        if value.is_none() && !fields.misspelled.contains(&name) {
            let head = Span::new(fields.span.start as usize, fields.span.start as usize + 1);
            self.report(
                Code::E003,
                head,
                format!("{} has no `{name}`", fields.what),
                format!("add `{name}: {example}`"),
            );
        }
        value
    }

    // ---- scalar helpers ----------------------------------------------------

    fn string(&mut self, value: &Value, what: &str) -> Option<Spanned<String>> {
        match &value.kind {
            Kind::Str(s) => Some(Spanned::new(s.text.to_string(), value.span)),
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "{what} must be a text in quotes, found {}",
                        other.describe()
                    ),
                    "write it between double quotes, like \"this\"".to_string(),
                );
                None
            }
        }
    }

    /// A text shown to people: placeholders and length checked; `required`
    /// texts must not be empty.
    fn text(&mut self, value: &Value, what: &str, required: bool) -> Text {
        let Kind::Str(s) = &value.kind else {
            self.report(
                Code::E004,
                value.span,
                format!(
                    "{what} must be a text in quotes, found {}",
                    value.kind.describe()
                ),
                "write it between double quotes, like \"this\"".to_string(),
            );
            return Text::default();
        };
        let text = Text {
            value: s.text.to_string(),
            span: value.span,
            verbatim_from: s.verbatim_from,
        };
        if required && text.value.trim().is_empty() {
            self.report(
                Code::E018,
                value.span,
                format!("{what} is empty"),
                "write the text, or remove the element if it is not needed".to_string(),
            );
        }
        // Bytes bound characters from above: count only long texts.
        let chars = if text.value.len() > self.limits.max_text_chars {
            text.value.chars().count()
        } else {
            0
        };
        if chars > self.limits.max_text_chars {
            self.report(
                Code::E024,
                value.span,
                format!(
                    "{what} is {chars} characters long, more than the limit of {}",
                    self.limits.max_text_chars
                ),
                "split it over several nodes: trainees read short turns better".to_string(),
            );
        }
        let has_braces = text.value.contains('{') || text.value.contains('}');
        let problems = if has_braces {
            placeholder::problems(&text.value)
        } else {
            Vec::new()
        };
        for problem in problems {
            let span = match text.verbatim_from {
                Some(from) => Span::new(from as usize + problem.start, from as usize + problem.end),
                None => value.span,
            };
            self.report(Code::E017, span, problem.message, problem.hint);
        }
        text
    }

    fn opt_text(&mut self, fields: &Fields, name: &str, what: &str) -> Option<Text> {
        fields.get(name).map(|v| self.text(v, what, true))
    }

    fn req_text(&mut self, fields: &Fields, name: &str, what: &str) -> Text {
        match self.required(fields, name, "\"...\"") {
            Some(value) => self.text(value, what, true),
            None => Text::default(),
        }
    }

    fn int(&mut self, value: &Value, what: &str, min: i64, max: i64) -> Option<i64> {
        match &value.kind {
            Kind::Int(n) if (min..=max).contains(n) => Some(*n),
            Kind::Int(n) => {
                self.report(
                    Code::E008,
                    value.span,
                    format!("{what} is {n}, outside the allowed range {min} to {max}"),
                    format!("use a whole number from {min} to {max}"),
                );
                None
            }
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!("{what} must be a whole number, found {}", other.describe()),
                    format!("write a whole number from {min} to {max}, without quotes"),
                );
                None
            }
        }
    }

    fn opt_int(&mut self, fields: &Fields, name: &str, min: i64, max: i64, default: i64) -> i64 {
        match fields.get(name) {
            // The common case decides without formatting a message.
            Some(Value {
                kind: Kind::Int(n), ..
            }) if (min..=max).contains(n) => *n,
            Some(value) => self
                .int(value, &format!("`{name}`"), min, max)
                .unwrap_or(default),
            None => default,
        }
    }

    fn bool(&mut self, fields: &Fields, name: &str, default: bool) -> bool {
        match fields.get(name) {
            None => default,
            Some(Value {
                kind: Kind::Bool(b),
                ..
            }) => *b,
            Some(value) => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "`{name}` must be `true` or `false`, found {}",
                        value.kind.describe()
                    ),
                    "write `true` or `false`, without quotes".to_string(),
                );
                default
            }
        }
    }

    fn string_list(&mut self, fields: &Fields, name: &str) -> Vec<String> {
        let Some(value) = fields.get(name) else {
            return Vec::new();
        };
        match &value.kind {
            Kind::List(items) => {
                let what = format!("an item of `{name}`");
                items
                    .iter()
                    .filter_map(|item| {
                        let text = self.text(item, &what, true);
                        (!text.value.is_empty()).then_some(text.value)
                    })
                    .collect()
            }
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "`{name}` must be a list of texts, found {}",
                        other.describe()
                    ),
                    "write it as [\"first\", \"second\"]".to_string(),
                );
                Vec::new()
            }
        }
    }

    /// A bare name from a fixed list, such as `Customer` or `Kept`.
    fn unit<'n>(&mut self, value: &Value, what: &str, names: &[&'n str]) -> Option<&'n str> {
        let written = match &value.kind {
            Kind::Unit(ident) => ident.name,
            Kind::Str(s) => s.text,
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "{what} must be one of {}, found {}",
                        list_names(names),
                        other.describe()
                    ),
                    format!("write one of {} without quotes", list_names(names)),
                );
                return None;
            }
        };
        if let Some(found) = names.iter().find(|n| **n == written) {
            if matches!(value.kind, Kind::Str(_)) {
                self.report(
                    Code::E004,
                    value.span,
                    format!("{what} is a name, not a text"),
                    format!("remove the quotes: {written}"),
                );
            }
            return Some(found);
        }
        let suggestion = closest(written, names.iter().copied())
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        self.report(
            Code::E005,
            value.span,
            format!("`{written}` is not a valid {what}"),
            format!("{suggestion}write one of {}", list_names(names)),
        );
        None
    }

    /// `Name(arg)` with exactly one argument, e.g. `Keep("x")`.
    fn single_arg<'v>(
        &mut self,
        value: &'v Value<'v>,
        name: &str,
        example: &str,
    ) -> Option<&'v Value<'v>> {
        match &value.kind {
            Kind::Tuple { items, .. } if items.len() == 1 => Some(&items[0]),
            _ => {
                self.report(
                    Code::E004,
                    value.span,
                    format!("`{name}` takes exactly one value"),
                    format!("write it like `{example}`"),
                );
                None
            }
        }
    }

    fn target(&mut self, value: &Value, what: &str) -> Target {
        match &value.kind {
            Kind::Str(s) => Target {
                id: Spanned::new(s.text.to_string(), value.span),
                node: UNRESOLVED,
            },
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "{what} must be a node id in quotes, found {}",
                        other.describe()
                    ),
                    "write the id of a node in quotes, like \"greeting\"".to_string(),
                );
                Target::default()
            }
        }
    }

    fn flag(&mut self, value: &Value) -> Option<FlagRef> {
        self.string(value, "a flag")
            .map(|name| FlagRef { name, flag: 0 })
    }

    fn promise_ref(&mut self, value: &Value) -> Option<PromiseRef> {
        self.string(value, "a promise id")
            .map(|id| PromiseRef { id, promise: 0 })
    }

    // ---- the scenario ------------------------------------------------------

    fn scenario(&mut self, root: &Value) -> Scenario {
        let mut scenario = Scenario {
            shuffle_choices: true,
            ..Scenario::default()
        };
        let Some(fields) = self.open(root, "the scenario", &["Scenario"], SCENARIO_FIELDS) else {
            return scenario;
        };
        if let Some(value) = self.required(&fields, "format", "1") {
            match &value.kind {
                Kind::Int(n) if *n == i64::from(FORMAT_VERSION) => {}
                Kind::Int(n) => self.report(
                    Code::E007,
                    value.span,
                    format!("this file is format {n}, but this version of Momento reads format {FORMAT_VERSION}"),
                    format!("write `format: {FORMAT_VERSION}`, or update Momento to read newer files"),
                ),
                _ => {
                    self.int(value, "`format`", 1, 1);
                }
            }
        }
        scenario.format = FORMAT_VERSION;
        if let Some(value) = self.required(&fields, "id", "\"warranty-no-receipt\"")
            && let Some(id) = self.string(value, "`id`")
        {
            if id.value.trim().is_empty() {
                self.report(
                    Code::E018,
                    id.span,
                    "the scenario `id` is empty".to_string(),
                    "give it a short stable id such as \"warranty-no-receipt\"".to_string(),
                );
            }
            scenario.id = id;
        }
        scenario.version = match self.required(&fields, "version", "1") {
            Some(v) => self
                .int(v, "`version`", 1, i64::from(u32::MAX))
                .unwrap_or(1) as u32,
            None => 1,
        };
        if let Some(value) = self.required(&fields, "language", "\"es\"")
            && let Some(language) = self.string(value, "`language`")
        {
            let valid = language.value.len() >= 2
                && language.value.len() <= 8
                && language
                    .value
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-');
            if !valid {
                self.report(
                    Code::E008,
                    language.span,
                    format!("`{}` is not a language code", language.value),
                    "write a two-letter code such as \"es\" or \"en\"".to_string(),
                );
            }
            scenario.language = language;
        }
        scenario.title = self.req_text(&fields, "title", "the title");
        scenario.summary = self.req_text(&fields, "summary", "the summary");
        scenario.setting = self
            .opt_text(&fields, "setting", "the setting")
            .unwrap_or_default();
        scenario.tags = self.string_list(&fields, "tags");
        scenario.difficulty = match fields.get("difficulty") {
            Some(v) => match self.unit(v, "difficulty", DIFFICULTIES) {
                Some("Intermediate") => Difficulty::Intermediate,
                Some("Advanced") => Difficulty::Advanced,
                _ => Difficulty::Beginner,
            },
            None => Difficulty::Beginner,
        };
        scenario.minutes = self.opt_int(&fields, "minutes", 1, 240, 10) as u32;
        scenario.learning_goals = self.string_list(&fields, "learning_goals");
        scenario.seed_idea = self
            .opt_text(&fields, "seed_idea", "the seed idea")
            .map(|t| t.value)
            .unwrap_or_default();
        scenario.trainer_notes = self
            .opt_text(&fields, "trainer_notes", "the trainer notes")
            .map(|t| t.value)
            .unwrap_or_default();
        scenario.discussion_questions = self.string_list(&fields, "discussion_questions");
        scenario.reflection_prompts = self.string_list(&fields, "reflection_prompts");
        scenario.shuffle_choices = self.bool(&fields, "shuffle_choices", true);
        if let Some(value) =
            self.required(&fields, "customer", "(names: [\"Ana\"], persona: \"...\")")
        {
            scenario.customer = self.customer(value);
        }
        if let Some(value) = self.required(&fields, "start", "\"greeting\"") {
            scenario.start = self.target(value, "`start`");
        }
        if let Some(value) = self.required(&fields, "nodes", "{ \"greeting\": Node(...) }") {
            scenario.nodes = self.nodes(value);
        }
        scenario
    }

    fn customer(&mut self, value: &Value) -> Customer {
        let mut customer = Customer::default();
        let Some(fields) = self.open(value, "the customer", &["Customer"], CUSTOMER_FIELDS) else {
            return customer;
        };
        if let Some(names) = self.required(&fields, "names", "[\"Marta Ruiz\", \"Lucía Gómez\"]")
        {
            customer.names = self.string_list(&fields, "names");
            if customer.names.is_empty() && matches!(names.kind, Kind::List(_)) {
                self.report(
                    Code::E018,
                    names.span,
                    "the customer has no name".to_string(),
                    "add at least one name, e.g. [\"Marta Ruiz\", \"Lucía Gómez\"]".to_string(),
                );
            }
        }
        customer.persona = self.req_text(&fields, "persona", "the customer's persona");
        customer.business_goals = self.string_list(&fields, "business_goals");
        customer.personal_goals = self.string_list(&fields, "personal_goals");
        if let Some(value) = fields.get("mood") {
            customer.mood = self.mood_spec(value);
        }
        customer
    }

    fn mood_spec(&mut self, value: &Value) -> MoodSpec {
        match &value.kind {
            Kind::Tuple {
                name: Some(name),
                items,
            } if name.name == "Between" && items.len() == 2 => {
                let low = self.int(&items[0], "the lowest starting mood", 0, 100);
                let high = self.int(&items[1], "the highest starting mood", 0, 100);
                match (low, high) {
                    (Some(low), Some(high)) if low <= high => {
                        MoodSpec::Between(low as i32, high as i32)
                    }
                    (Some(_), Some(_)) => {
                        self.report(
                            Code::E008,
                            value.span,
                            "the starting mood range goes from high to low".to_string(),
                            "write the lower value first, e.g. Between(30, 50)".to_string(),
                        );
                        MoodSpec::default()
                    }
                    _ => MoodSpec::default(),
                }
            }
            Kind::Int(_) => self
                .int(value, "the starting mood", 0, 100)
                .map(|m| MoodSpec::Fixed(m as i32))
                .unwrap_or_default(),
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "the starting mood must be a number or `Between(low, high)`, found {}",
                        other.describe()
                    ),
                    "write `mood: 40` or `mood: Between(30, 50)` (0 = furious, 100 = delighted)"
                        .to_string(),
                );
                MoodSpec::default()
            }
        }
    }

    fn nodes(&mut self, value: &Value) -> Vec<Node> {
        let Kind::Map(entries) = &value.kind else {
            self.report(
                Code::E004,
                value.span,
                format!(
                    "`nodes` must be a map `{{ \"id\": Node(...), ... }}`, found {}",
                    value.kind.describe()
                ),
                "write the nodes between braces: { \"greeting\": Node(...), \"end\": Ending(...) }"
                    .to_string(),
            );
            return Vec::new();
        };
        if entries.len() > self.limits.max_nodes {
            self.report(
                Code::E023,
                value.span,
                format!(
                    "the scenario has {} nodes, more than the limit of {}",
                    entries.len(),
                    self.limits.max_nodes
                ),
                "split it into several scenarios".to_string(),
            );
            return Vec::new();
        }
        let mut nodes = Vec::with_capacity(entries.len());
        for (key, node_value) in entries.iter() {
            let id = match &key.kind {
                Kind::Str(s) => Spanned::new(s.text.to_string(), key.span),
                Kind::Unit(ident) => {
                    self.report(
                        Code::E004,
                        key.span,
                        format!("node id `{}` must be in quotes", ident.name),
                        format!("write \"{}\": Node(...)", ident.name),
                    );
                    Spanned::new(ident.name.to_string(), key.span)
                }
                other => {
                    self.report(
                        Code::E004,
                        key.span,
                        format!(
                            "a node id must be a text in quotes, found {}",
                            other.describe()
                        ),
                        "write \"some_id\": Node(...)".to_string(),
                    );
                    continue;
                }
            };
            if id.value.trim().is_empty() {
                self.report(
                    Code::E018,
                    key.span,
                    "a node id is empty".to_string(),
                    "give the node a short id such as \"greeting\"".to_string(),
                );
            }
            nodes.push(self.node(id, node_value));
        }
        nodes
    }

    fn node(&mut self, id: Spanned<String>, value: &Value) -> Node {
        let kind_name = match &value.kind {
            Kind::Struct { name, fields } => match name {
                Some(name) => name.name.to_string(),
                None if fields.iter().any(|f| f.name.name == "outcome") => "Ending".to_string(),
                None => "Node".to_string(),
            },
            _ => "Node".to_string(),
        };
        let is_ending = kind_name == "Ending";
        let valid = if is_ending {
            ENDING_FIELDS
        } else {
            NODE_FIELDS
        };
        let mut node = Node {
            id,
            span: value.span,
            ..Node::default()
        };
        let what = if is_ending { "an ending" } else { "a node" };
        let Some(fields) = self.open(value, what, &["Node", "Ending"], valid) else {
            return node;
        };
        let default_speaker = if is_ending { "Narrator" } else { "Customer" };
        let speaker = match fields.get("speaker") {
            Some(v) => self.unit(v, "speaker", SPEAKERS).unwrap_or(default_speaker),
            None => default_speaker,
        };
        node.speaker = match speaker {
            "Colleague" => Speaker::Colleague,
            "Manager" => Speaker::Manager,
            "Narrator" => Speaker::Narrator,
            _ => Speaker::Customer,
        };
        node.speaker_name = fields
            .get("speaker_name")
            .and_then(|v| self.string(v, "`speaker_name`"))
            .map(|s| s.value);
        node.text = self.req_text(&fields, "text", "the node's text");
        node.mood_cue = self.opt_text(&fields, "mood_cue", "the mood cue");
        node.mood = self.opt_int(&fields, "mood", -100, 100, 0) as i32;
        node.promises = self.promise_actions(&fields);
        node.flags = self.flags(&fields);
        if is_ending {
            let outcome = match self.required(&fields, "outcome", "Kept") {
                Some(v) => self.unit(v, "outcome", OUTCOMES),
                None => None,
            };
            let outcome = match outcome {
                Some("Kept") => Outcome::Kept,
                Some("Lost") => Outcome::Lost,
                _ => Outcome::Neutral,
            };
            let debrief = self.req_text(&fields, "debrief", "the ending's debrief");
            node.body = NodeBody::Ending { outcome, debrief };
        } else {
            let (choices, choices_span) = match fields.get("choices") {
                Some(v) => (self.choices(v), v.span),
                None => (Vec::new(), node.id.span),
            };
            let time_limit = fields.get("time_limit").and_then(|v| self.time_limit(v));
            let fixed_order = self.bool(&fields, "fixed_order", false);
            node.body = NodeBody::Scene {
                choices,
                choices_span,
                time_limit,
                fixed_order,
            };
        }
        node
    }

    fn choices(&mut self, value: &Value) -> Vec<Choice> {
        let Kind::List(items) = &value.kind else {
            self.report(
                Code::E004,
                value.span,
                format!(
                    "`choices` must be a list `[Choice(...), ...]`, found {}",
                    value.kind.describe()
                ),
                "write the replies between square brackets: [Choice(...), Choice(...)]".to_string(),
            );
            return Vec::new();
        };
        if items.len() > 9 {
            self.report(
                Code::E019,
                items[9].span,
                format!(
                    "this node offers {} replies; at most 9 fit on the keys 1–9",
                    items.len()
                ),
                "merge similar replies or split the moment into two nodes".to_string(),
            );
        }
        items
            .iter()
            .filter_map(|item| {
                let fields = self.open(item, "a choice", &["Choice"], CHOICE_FIELDS)?;
                let mut choice = Choice {
                    span: item.span,
                    ..Choice::default()
                };
                if let Some(v) = self.required(&fields, "id", "\"listen\"")
                    && let Some(id) = self.string(v, "the choice `id`")
                {
                    choice.id = id;
                }
                choice.text = self.req_text(&fields, "text", "the reply's text");
                self.reply_body(&fields, &mut choice);
                Some(choice)
            })
            .collect()
    }

    /// The fields a choice and a timeout share.
    fn reply_body(&mut self, fields: &Fields, choice: &mut Choice) {
        if let Some(v) = fields.get("effects") {
            choice.effects = self.effects(v);
        }
        choice.mood = self.opt_int(fields, "mood", -100, 100, 0) as i32;
        choice.promises = self.promise_actions(fields);
        choice.flags = self.flags(fields);
        if let Some(v) = fields.get("when") {
            choice.when = self.condition(v);
        }
        choice.feedback = self.req_text(fields, "feedback", "the feedback");
        if let Some(v) = self.required(fields, "next", "\"next_node\"") {
            choice.next = self.next(v);
        }
    }

    fn time_limit(&mut self, value: &Value) -> Option<TimeLimit> {
        let fields = self.open(value, "a time limit", &["TimeLimit"], TIME_LIMIT_FIELDS)?;
        let seconds = match self.required(&fields, "seconds", "20") {
            Some(v) => self.int(v, "`seconds`", 3, 600).unwrap_or(30) as u32,
            None => 30,
        };
        let mut reply = Choice {
            id: Spanned::new("timeout".to_string(), value.span),
            span: value.span,
            ..Choice::default()
        };
        reply.text = self.req_text(&fields, "text", "the timeout's text");
        self.reply_body(&fields, &mut reply);
        Some(TimeLimit { seconds, reply })
    }

    fn effects(&mut self, value: &Value) -> Effects {
        let Some(fields) = self.open(value, "the effects", &["Effects"], EFFECTS_FIELDS) else {
            return Effects::default();
        };
        let max = i64::from(MAX_EFFECT);
        Effects {
            empathy: self.opt_int(&fields, "empathy", -max, max, 0) as i32,
            promise: self.opt_int(&fields, "promise", -max, max, 0) as i32,
            care: self.opt_int(&fields, "care", -max, max, 0) as i32,
        }
    }

    fn flags(&mut self, fields: &Fields) -> Vec<FlagRef> {
        let Some(value) = fields.get("flags") else {
            return Vec::new();
        };
        match &value.kind {
            Kind::List(items) => items.iter().filter_map(|item| self.flag(item)).collect(),
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "`flags` must be a list of names in quotes, found {}",
                        other.describe()
                    ),
                    "write it as [\"found_receipt\"]".to_string(),
                );
                Vec::new()
            }
        }
    }

    fn promise_actions(&mut self, fields: &Fields) -> Vec<PromiseAction> {
        let Some(value) = fields.get("promises") else {
            return Vec::new();
        };
        let Kind::List(items) = &value.kind else {
            self.report(
                Code::E004,
                value.span,
                format!("`promises` must be a list, found {}", value.kind.describe()),
                "write it as [Make(id: \"call\", text: \"...\")] or [Keep(\"call\")]".to_string(),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.promise_action(item))
            .collect()
    }

    fn promise_action(&mut self, value: &Value) -> Option<PromiseAction> {
        let name = match &value.kind {
            Kind::Tuple { name: Some(n), .. } | Kind::Struct { name: Some(n), .. } => n,
            Kind::Unit(n) => n,
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!("a promise action must be Make, Keep, Break or Confirm, found {}", other.describe()),
                    "write Make(id: \"call\", text: \"...\"), Keep(\"call\"), Break(\"call\") or Confirm(\"call\")".to_string(),
                );
                return None;
            }
        };
        match name.name {
            "Make" => {
                let fields = self.open(value, "a promise", &["Make"], MAKE_FIELDS)?;
                let promise = self
                    .required(&fields, "id", "\"call_back\"")
                    .and_then(|v| self.promise_ref(v))?;
                let text = self.req_text(&fields, "text", "the promise's text");
                let limit = match fields.get("limit") {
                    Some(v) => match self.unit(v, "limit", LIMITS) {
                        Some("CannotPhysically") => Some(Limit::CannotPhysically),
                        Some("DontKnowHow") => Some(Limit::DontKnowHow),
                        Some("NotAllowed") => Some(Limit::NotAllowed),
                        Some("NoTools") => Some(Limit::NoTools),
                        _ => None,
                    },
                    None => None,
                };
                Some(PromiseAction::Make {
                    promise,
                    text,
                    limit,
                    span: value.span,
                })
            }
            "Keep" | "Break" | "Confirm" => {
                let example = format!("{}(\"call_back\")", name.name);
                let arg = self.single_arg(value, name.name, &example)?;
                let promise = self.promise_ref(arg)?;
                Some(match name.name {
                    "Keep" => PromiseAction::Keep(promise),
                    "Break" => PromiseAction::Break(promise),
                    _ => PromiseAction::Confirm(promise),
                })
            }
            other => {
                let suggestion = closest(other, PROMISE_ACTIONS.iter().copied())
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                self.report(
                    Code::E005,
                    name.span,
                    format!("`{other}` is not a promise action"),
                    format!("{suggestion}write one of {}", list_names(PROMISE_ACTIONS)),
                );
                None
            }
        }
    }

    fn condition(&mut self, value: &Value) -> Option<Condition> {
        let (name, items) = match &value.kind {
            Kind::Tuple {
                name: Some(name),
                items,
            } => (name, items),
            _ => {
                self.report(
                    Code::E004,
                    value.span,
                    format!("a condition must be written like `MoodAtLeast(60)` or `Flag(\"x\")`, found {}", value.kind.describe()),
                    format!("conditions are {}", list_names(CONDITIONS)),
                );
                return None;
            }
        };
        let one = |this: &mut Self| -> Option<&Value> {
            if items.len() == 1 {
                Some(&items[0])
            } else {
                this.report(
                    Code::E004,
                    value.span,
                    format!("`{}` takes exactly one value", name.name),
                    format!("write it like `{}(...)` with one value inside", name.name),
                );
                None
            }
        };
        match name.name {
            "MoodAtLeast" | "MoodBelow" => {
                let v = one(self)?;
                let n = self.int(v, "a mood threshold", 0, 100)? as i32;
                Some(if name.name == "MoodAtLeast" {
                    Condition::MoodAtLeast(n)
                } else {
                    Condition::MoodBelow(n)
                })
            }
            "Flag" | "NotFlag" => {
                let arg = one(self)?;
                let flag = self.flag(arg)?;
                Some(if name.name == "Flag" {
                    Condition::Flag(flag)
                } else {
                    Condition::NotFlag(flag)
                })
            }
            "PromiseOpen" | "PromiseKept" => {
                let arg = one(self)?;
                let promise = self.promise_ref(arg)?;
                Some(if name.name == "PromiseOpen" {
                    Condition::PromiseOpen(promise)
                } else {
                    Condition::PromiseKept(promise)
                })
            }
            "All" | "Any" => {
                let list = one(self)?;
                let Kind::List(conditions) = &list.kind else {
                    self.report(
                        Code::E004,
                        list.span,
                        format!("`{}` takes a list of conditions", name.name),
                        format!(
                            "write it like `{}([Flag(\"a\"), MoodAtLeast(50)])`",
                            name.name
                        ),
                    );
                    return None;
                };
                let parts: Vec<Condition> = conditions
                    .iter()
                    .filter_map(|c| self.condition(c))
                    .collect();
                Some(if name.name == "All" {
                    Condition::All(parts)
                } else {
                    Condition::Any(parts)
                })
            }
            "Not" => {
                let arg = one(self)?;
                let inner = self.condition(arg)?;
                Some(Condition::Not(Box::new(inner)))
            }
            other => {
                let suggestion = closest(other, CONDITIONS.iter().copied())
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                self.report(
                    Code::E005,
                    name.span,
                    format!("`{other}` is not a condition"),
                    format!("{suggestion}conditions are {}", list_names(CONDITIONS)),
                );
                None
            }
        }
    }

    fn next(&mut self, value: &Value) -> Next {
        let name = match &value.kind {
            Kind::Str(_) => return Next::Go(self.target(value, "`next`")),
            Kind::Struct { name: Some(n), .. } | Kind::Tuple { name: Some(n), .. } => n,
            Kind::Unit(n) => n,
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    format!(
                        "`next` must be a node id, a Route or a Random, found {}",
                        other.describe()
                    ),
                    format!("write one of {}", NEXT_FORMS.join(", ")),
                );
                return Next::default();
            }
        };
        match name.name {
            "Route" => self.route(value),
            "Random" => self.random(value),
            other => {
                let suggestion = closest(other, ["Route", "Random"])
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                self.report(
                    Code::E005,
                    name.span,
                    format!("`{other}` is not a way to continue"),
                    format!("{suggestion}write a node id in quotes, Route(...) or Random([...])"),
                );
                Next::default()
            }
        }
    }

    fn route(&mut self, value: &Value) -> Next {
        let Some(fields) = self.open(value, "a route", &["Route"], ROUTE_FIELDS) else {
            return Next::default();
        };
        let mut branches = Vec::new();
        match self.required(
            &fields,
            "branches",
            "[(when: MoodAtLeast(60), go: \"happy\")]",
        ) {
            Some(Value {
                kind: Kind::List(items),
                ..
            }) => {
                for item in items.iter() {
                    let Some(branch) =
                        self.open(item, "a route branch", &["Branch"], BRANCH_FIELDS)
                    else {
                        continue;
                    };
                    let when = self
                        .required(&branch, "when", "MoodAtLeast(60)")
                        .and_then(|v| self.condition(v));
                    let go = self
                        .required(&branch, "go", "\"node_id\"")
                        .map(|v| self.target(v, "`go`"));
                    if let (Some(when), Some(go)) = (when, go) {
                        branches.push(Branch { when, go });
                    }
                }
            }
            Some(other) => self.report(
                Code::E004,
                other.span,
                format!("`branches` must be a list, found {}", other.kind.describe()),
                "write it as [(when: MoodAtLeast(60), go: \"happy\"), ...]".to_string(),
            ),
            None => {}
        }
        let otherwise = match fields.get("otherwise") {
            Some(v) => self.target(v, "`otherwise`"),
            None => {
                let head = Span::new(value.span.start as usize, value.span.start as usize + 5);
                self.report(
                    Code::E020,
                    head,
                    "this route has no `otherwise`: when no branch holds, the conversation would be stuck".to_string(),
                    "add `otherwise: \"node_id\"` for the case where no condition holds".to_string(),
                );
                Target::default()
            }
        };
        Next::Route {
            branches,
            otherwise,
            span: value.span,
        }
    }

    fn random(&mut self, value: &Value) -> Next {
        let list = match &value.kind {
            Kind::Tuple { items, .. } if items.len() == 1 => &items[0],
            _ => {
                self.report(
                    Code::E004,
                    value.span,
                    "`Random` takes one list of weighted options".to_string(),
                    "write Random([(weight: 3, go: \"a\"), (weight: 1, go: \"b\")])".to_string(),
                );
                return Next::default();
            }
        };
        let Kind::List(items) = &list.kind else {
            self.report(
                Code::E004,
                list.span,
                format!("`Random` takes a list, found {}", list.kind.describe()),
                "write Random([(weight: 3, go: \"a\"), (weight: 1, go: \"b\")])".to_string(),
            );
            return Next::default();
        };
        let mut options = Vec::new();
        for item in items.iter() {
            let Some(fields) = self.open(item, "a random option", &["Option"], WEIGHTED_FIELDS)
            else {
                continue;
            };
            let weight = match self.required(&fields, "weight", "1") {
                Some(v) => self.int(v, "`weight`", 0, 1000).unwrap_or(1) as u32,
                None => 1,
            };
            if let Some(go) = self
                .required(&fields, "go", "\"node_id\"")
                .map(|v| self.target(v, "`go`"))
            {
                options.push(Weighted { weight, go });
            }
        }
        if options.iter().all(|o| o.weight == 0) {
            self.report(
                Code::E021,
                value.span,
                "every option of this random route has weight 0, so none can be picked".to_string(),
                "give at least one option a weight above 0".to_string(),
            );
        }
        Next::Random {
            options,
            span: value.span,
        }
    }
}
