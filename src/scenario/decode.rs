//! Turns the spanned RON tree into a [`Scenario`], reporting every mistake
//! with its position instead of stopping at the first.
//!
//! Decoding is forgiving: a bad value is reported and replaced by a default
//! so that later mistakes are found in the same pass.

use super::model::*;
use super::placeholder;
use crate::diagnostic::{Bilingual, Code, Phrase, Reporter, closest, msg};
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

fn random_hint() -> Bilingual {
    msg!(
        "write Random([(weight: 3, go: \"a\"), (weight: 1, go: \"b\")])",
        "escribe Random([(weight: 3, go: \"a\"), (weight: 1, go: \"b\")])"
    )
}

/// How messages name a field whose value is wrong: "`seconds`" in
/// English, "el campo `seconds`" in Spanish.
macro_rules! field {
    ($name:literal) => {
        Phrase::new(concat!("`", $name, "`"), concat!("el campo `", $name, "`"))
    };
}

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
    what: Phrase<'static>,
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

/// "did you mean `x`? " when one of `candidates` is close to `wrong`,
/// else nothing: the start of a hint.
fn did_you_mean<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Bilingual {
    match closest(wrong, candidates) {
        Some(near) => msg!("did you mean `{near}`? ", "quizá querías decir `{near}`; "),
        None => Bilingual::default(),
    }
}

/// The E022 message and hint for a file of `size` bytes.
pub(crate) fn file_too_large(size: u64, limits: &Limits) -> (Bilingual, Bilingual) {
    let max = limits.max_file_bytes;
    let mib = max / (1024 * 1024);
    (
        msg!(
            "the file is {size} bytes, more than the limit of {max} ({mib} MiB)",
            "el archivo ocupa {size} bytes, más que el límite de {max} ({mib} MiB)"
        ),
        msg!(
            "split the scenario into several files, or check that this is really a scenario",
            "divide el escenario en varios archivos, o comprueba que de verdad sea un escenario"
        ),
    )
}

impl<'r, 't> Decoder<'r, 't> {
    fn report(&mut self, code: Code, span: Span, message: Bilingual, hint: Bilingual) {
        self.reporter.report(code, span, message, hint);
    }

    // ---- structure helpers -------------------------------------------------

    /// Opens `Name(field: ...)` or `(field: ...)`, checking the name (when
    /// `names` is not empty) and reporting unknown or repeated fields.
    fn open<'v>(
        &mut self,
        value: &'v Value<'v>,
        what: Phrase<'static>,
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
                    msg!(
                        "{what} must be written as `{example}(field: value, ...)`, found {found}",
                        "{what} se escribe `{example}(campo: valor, ...)`, pero hay {found}",
                        what => what,
                        found => other.describe(),
                    ),
                    msg!(
                        "the fields of {what} are: {fields}",
                        "campos posibles en {what}: {fields}",
                        fields = list_names(valid),
                        what => what,
                    ),
                );
                return None;
            }
        };
        if let Some(name) = name
            && !names.is_empty()
            && !names.contains(&name.name)
        {
            self.report(
                Code::E005,
                name.span,
                msg!(
                    "`{written}` is not a kind of {what}",
                    "`{written}` no es un tipo válido para {what}",
                    written = name.name,
                    what => what,
                ),
                if names.len() == 1 {
                    msg!(
                        "{suggestion}write {names}",
                        "{suggestion}escribe {names}",
                        names = list_names(names),
                        suggestion => did_you_mean(name.name, names.iter().copied()),
                    )
                } else {
                    msg!(
                        "{suggestion}write {names}",
                        "{suggestion}escribe uno de estos: {names}",
                        names = list_names(names),
                        suggestion => did_you_mean(name.name, names.iter().copied()),
                    )
                },
            );
        }
        let mut misspelled = Vec::new();
        for (i, field) in fields.iter().enumerate() {
            if !valid.contains(&field.name.name) {
                misspelled.extend(closest(field.name.name, valid.iter().copied()));
                self.report(
                    Code::E002,
                    field.name.span,
                    msg!(
                        "unknown field `{field}` in {what}",
                        "campo desconocido `{field}` en {what}",
                        field = field.name.name,
                        what => what,
                    ),
                    msg!(
                        "{suggestion}the fields of {what} are: {fields}",
                        "{suggestion}campos posibles en {what}: {fields}",
                        fields = list_names(valid),
                        suggestion => did_you_mean(field.name.name, valid.iter().copied()),
                        what => what,
                    ),
                );
            } else if let Some(first) = fields[..i].iter().find(|f| f.name.name == field.name.name)
            {
                let first_line = self.reporter.line_col(first.name.span.start).line;
                self.report(
                    Code::E006,
                    field.name.span,
                    msg!(
                        "field `{field}` is written twice in {what}",
                        "el campo `{field}` aparece dos veces en {what}",
                        field = field.name.name,
                        what => what,
                    ),
                    msg!(
                        "keep only one; the first is at line {first_line}",
                        "deja solo uno; el primero está en la línea {first_line}"
                    ),
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
                msg!(
                    "{what} has no `{name}`",
                    "falta el campo `{name}` en {what}",
                    what => fields.what,
                ),
                msg!("add `{name}: {example}`", "añade `{name}: {example}`"),
            );
        }
        value
    }

    // ---- scalar helpers ----------------------------------------------------

    fn string(&mut self, value: &Value, what: Phrase) -> Option<Spanned<String>> {
        match &value.kind {
            Kind::Str(s) => Some(Spanned::new(s.text.to_string(), value.span)),
            other => {
                self.not_text(value.span, what, other);
                None
            }
        }
    }

    fn not_text(&mut self, span: Span, what: Phrase, found: &Kind) {
        self.report(
            Code::E004,
            span,
            msg!(
                "{what} must be a text in quotes, found {found}",
                "{what} debe ser un texto entre comillas, pero hay {found}",
                what => what,
                found => found.describe(),
            ),
            msg!(
                "write it between double quotes, like \"this\"",
                "escríbelo entre comillas dobles, así: \"esto\""
            ),
        );
    }

    /// A text shown to people: placeholders and length checked; `required`
    /// texts must not be empty.
    fn text(&mut self, value: &Value, what: Phrase, required: bool) -> Text {
        let Kind::Str(s) = &value.kind else {
            self.not_text(value.span, what, &value.kind);
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
                msg!("{what} is empty", "{what} está vacío", what => what),
                msg!(
                    "write the text, or remove the element if it is not needed",
                    "escribe el texto, o quita el elemento si no hace falta"
                ),
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
                msg!(
                    "{what} is {chars} characters long, more than the limit of {max}",
                    "{what} tiene {chars} caracteres, más que el límite de {max}",
                    max = self.limits.max_text_chars,
                    what => what,
                ),
                msg!(
                    "split it over several nodes: trainees read short turns better",
                    "repártelo en varios nodos: los turnos cortos se leen mejor"
                ),
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

    fn opt_text(&mut self, fields: &Fields, name: &str, what: Phrase) -> Option<Text> {
        fields.get(name).map(|v| self.text(v, what, true))
    }

    fn req_text(&mut self, fields: &Fields, name: &str, what: Phrase) -> Text {
        match self.required(fields, name, "\"...\"") {
            Some(value) => self.text(value, what, true),
            None => Text::default(),
        }
    }

    fn int(&mut self, value: &Value, what: Phrase, min: i64, max: i64) -> Option<i64> {
        match &value.kind {
            Kind::Int(n) if (min..=max).contains(n) => Some(*n),
            Kind::Int(n) => {
                self.report(
                    Code::E008,
                    value.span,
                    msg!(
                        "{what} is {n}, outside the allowed range {min} to {max}",
                        "{what} vale {n}, fuera del rango permitido, de {min} a {max}",
                        what => what,
                    ),
                    msg!(
                        "use a whole number from {min} to {max}",
                        "usa un número entero de {min} a {max}"
                    ),
                );
                None
            }
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "{what} must be a whole number, found {found}",
                        "{what} debe ser un número entero, pero hay {found}",
                        what => what,
                        found => other.describe(),
                    ),
                    msg!(
                        "write a whole number from {min} to {max}, without quotes",
                        "escribe un número entero de {min} a {max}, sin comillas"
                    ),
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
            Some(value) => {
                let what = msg!("`{name}`", "el campo `{name}`");
                self.int(value, what.as_phrase(), min, max)
                    .unwrap_or(default)
            }
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
                    msg!(
                        "`{name}` must be `true` or `false`, found {found}",
                        "`{name}` debe ser `true` o `false`, pero hay {found}",
                        found => value.kind.describe(),
                    ),
                    msg!(
                        "write `true` or `false`, without quotes",
                        "escribe `true` o `false`, sin comillas"
                    ),
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
                let what = msg!("an item of `{name}`", "un elemento de `{name}`");
                items
                    .iter()
                    .filter_map(|item| {
                        let text = self.text(item, what.as_phrase(), true);
                        (!text.value.is_empty()).then_some(text.value)
                    })
                    .collect()
            }
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "`{name}` must be a list of texts, found {found}",
                        "`{name}` debe ser una lista de textos, pero hay {found}",
                        found => other.describe(),
                    ),
                    msg!(
                        "write it as [\"first\", \"second\"]",
                        "escríbelo así: [\"primero\", \"segundo\"]"
                    ),
                );
                Vec::new()
            }
        }
    }

    /// A bare name from a fixed list, such as `Customer` or `Kept`, in
    /// the field `field`.
    fn unit<'n>(&mut self, value: &Value, field: &str, names: &[&'n str]) -> Option<&'n str> {
        let written = match &value.kind {
            Kind::Unit(ident) => ident.name,
            Kind::Str(s) => s.text,
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "{field} must be one of {names}, found {found}",
                        "`{field}` debe ser uno de estos: {names}, pero hay {found}",
                        names = list_names(names),
                        found => other.describe(),
                    ),
                    msg!(
                        "write one of {names} without quotes",
                        "escribe uno de estos, sin comillas: {names}",
                        names = list_names(names),
                    ),
                );
                return None;
            }
        };
        if let Some(found) = names.iter().find(|n| **n == written) {
            if matches!(value.kind, Kind::Str(_)) {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "{field} is a name, not a text",
                        "`{field}` lleva un nombre, no un texto"
                    ),
                    msg!(
                        "remove the quotes: {written}",
                        "quita las comillas: {written}"
                    ),
                );
            }
            return Some(found);
        }
        self.report(
            Code::E005,
            value.span,
            msg!(
                "`{written}` is not a valid {field}",
                "`{written}` no es un valor válido para `{field}`"
            ),
            msg!(
                "{suggestion}write one of {names}",
                "{suggestion}escribe uno de estos: {names}",
                names = list_names(names),
                suggestion => did_you_mean(written, names.iter().copied()),
            ),
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
                    msg!(
                        "`{name}` takes exactly one value",
                        "`{name}` lleva exactamente un valor"
                    ),
                    msg!("write it like `{example}`", "escríbelo así: `{example}`"),
                );
                None
            }
        }
    }

    fn target(&mut self, value: &Value, what: Phrase) -> Target {
        match &value.kind {
            Kind::Str(s) => Target {
                id: Spanned::new(s.text.to_string(), value.span),
                node: UNRESOLVED,
            },
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "{what} must be a node id in quotes, found {found}",
                        "{what} debe ser el id de un nodo entre comillas, pero hay {found}",
                        what => what,
                        found => other.describe(),
                    ),
                    msg!(
                        "write the id of a node in quotes, like \"greeting\"",
                        "escribe el id de un nodo entre comillas, así: \"greeting\""
                    ),
                );
                Target::default()
            }
        }
    }

    fn flag(&mut self, value: &Value) -> Option<FlagRef> {
        self.string(value, Phrase::new("a flag", "el nombre de una marca"))
            .map(|name| FlagRef { name, flag: 0 })
    }

    fn promise_ref(&mut self, value: &Value) -> Option<PromiseRef> {
        self.string(value, Phrase::new("a promise id", "el id de una promesa"))
            .map(|id| PromiseRef { id, promise: 0 })
    }

    // ---- the scenario ------------------------------------------------------

    fn scenario(&mut self, root: &Value) -> Scenario {
        let mut scenario = Scenario {
            shuffle_choices: true,
            ..Scenario::default()
        };
        let Some(fields) = self.open(
            root,
            Phrase::new("the scenario", "el escenario"),
            &["Scenario"],
            SCENARIO_FIELDS,
        ) else {
            return scenario;
        };
        if let Some(value) = self.required(&fields, "format", "1") {
            match &value.kind {
                Kind::Int(n) if *n == i64::from(FORMAT_VERSION) => {}
                Kind::Int(n) => self.report(
                    Code::E007,
                    value.span,
                    msg!(
                        "this file is format {n}, but this version of Momento reads format {FORMAT_VERSION}",
                        "este archivo tiene el formato {n}, pero esta versión de Momento lee el formato {FORMAT_VERSION}"
                    ),
                    msg!(
                        "write `format: {FORMAT_VERSION}`, or update Momento to read newer files",
                        "escribe `format: {FORMAT_VERSION}`, o actualiza Momento para leer archivos más nuevos"
                    ),
                ),
                _ => {
                    self.int(value, field!("format"), 1, 1);
                }
            }
        }
        scenario.format = FORMAT_VERSION;
        if let Some(value) = self.required(&fields, "id", "\"warranty-no-receipt\"")
            && let Some(id) = self.string(value, field!("id"))
        {
            if id.value.trim().is_empty() {
                self.report(
                    Code::E018,
                    id.span,
                    msg!(
                        "the scenario `id` is empty",
                        "el `id` del escenario está vacío"
                    ),
                    msg!(
                        "give it a short stable id such as \"warranty-no-receipt\"",
                        "ponle un id corto que no cambie, como \"warranty-no-receipt\""
                    ),
                );
            }
            scenario.id = id;
        }
        scenario.version = match self.required(&fields, "version", "1") {
            Some(v) => self
                .int(v, field!("version"), 1, i64::from(u32::MAX))
                .unwrap_or(1) as u32,
            None => 1,
        };
        if let Some(value) = self.required(&fields, "language", "\"es\"")
            && let Some(language) = self.string(value, field!("language"))
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
                    msg!(
                        "`{code}` is not a language code",
                        "`{code}` no es un código de idioma",
                        code = language.value,
                    ),
                    msg!(
                        "write a two-letter code such as \"es\" or \"en\"",
                        "escribe un código de dos letras, como \"es\" o \"en\""
                    ),
                );
            }
            scenario.language = language;
        }
        scenario.title = self.req_text(
            &fields,
            "title",
            Phrase::new("the title", "el campo `title`"),
        );
        scenario.summary = self.req_text(
            &fields,
            "summary",
            Phrase::new("the summary", "el campo `summary`"),
        );
        scenario.setting = self
            .opt_text(
                &fields,
                "setting",
                Phrase::new("the setting", "el campo `setting`"),
            )
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
            .opt_text(
                &fields,
                "seed_idea",
                Phrase::new("the seed idea", "el campo `seed_idea`"),
            )
            .map(|t| t.value)
            .unwrap_or_default();
        scenario.trainer_notes = self
            .opt_text(
                &fields,
                "trainer_notes",
                Phrase::new("the trainer notes", "el campo `trainer_notes`"),
            )
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
            scenario.start = self.target(value, field!("start"));
        }
        if let Some(value) = self.required(&fields, "nodes", "{ \"greeting\": Node(...) }") {
            scenario.nodes = self.nodes(value);
        }
        scenario
    }

    fn customer(&mut self, value: &Value) -> Customer {
        let mut customer = Customer::default();
        let Some(fields) = self.open(
            value,
            Phrase::new("the customer", "el cliente"),
            &["Customer"],
            CUSTOMER_FIELDS,
        ) else {
            return customer;
        };
        if let Some(names) = self.required(&fields, "names", "[\"Marta Ruiz\", \"Lucía Gómez\"]")
        {
            customer.names = self.string_list(&fields, "names");
            if customer.names.is_empty() && matches!(names.kind, Kind::List(_)) {
                self.report(
                    Code::E018,
                    names.span,
                    msg!(
                        "the customer has no name",
                        "el cliente no tiene ningún nombre"
                    ),
                    msg!(
                        "add at least one name, e.g. [\"Marta Ruiz\", \"Lucía Gómez\"]",
                        "añade al menos un nombre, por ejemplo [\"Marta Ruiz\", \"Lucía Gómez\"]"
                    ),
                );
            }
        }
        customer.persona = self.req_text(
            &fields,
            "persona",
            Phrase::new("the customer's persona", "el campo `persona` del cliente"),
        );
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
                let low = self.int(
                    &items[0],
                    Phrase::new("the lowest starting mood", "el ánimo inicial más bajo"),
                    0,
                    100,
                );
                let high = self.int(
                    &items[1],
                    Phrase::new("the highest starting mood", "el ánimo inicial más alto"),
                    0,
                    100,
                );
                match (low, high) {
                    (Some(low), Some(high)) if low <= high => {
                        MoodSpec::Between(low as i32, high as i32)
                    }
                    (Some(_), Some(_)) => {
                        self.report(
                            Code::E008,
                            value.span,
                            msg!(
                                "the starting mood range goes from high to low",
                                "el rango del ánimo inicial va de mayor a menor"
                            ),
                            msg!(
                                "write the lower value first, e.g. Between(30, 50)",
                                "escribe primero el valor más bajo, por ejemplo Between(30, 50)"
                            ),
                        );
                        MoodSpec::default()
                    }
                    _ => MoodSpec::default(),
                }
            }
            Kind::Int(_) => self
                .int(
                    value,
                    Phrase::new("the starting mood", "el ánimo inicial"),
                    0,
                    100,
                )
                .map(|m| MoodSpec::Fixed(m as i32))
                .unwrap_or_default(),
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "the starting mood must be a number or `Between(low, high)`, found {found}",
                        "el ánimo inicial debe ser un número o `Between(mínimo, máximo)`, pero hay {found}",
                        found => other.describe(),
                    ),
                    msg!(
                        "write `mood: 40` or `mood: Between(30, 50)` (0 = furious, 100 = delighted)",
                        "escribe `mood: 40` o `mood: Between(30, 50)` (0 = furioso, 100 = encantado)"
                    ),
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
                msg!(
                    "`nodes` must be a map `{{ \"id\": Node(...), ... }}`, found {found}",
                    "`nodes` debe ser un mapa `{{ \"id\": Node(...), ... }}`, pero hay {found}",
                    found => value.kind.describe(),
                ),
                msg!(
                    "write the nodes between braces: {{ \"greeting\": Node(...), \"end\": Ending(...) }}",
                    "escribe los nodos entre llaves: {{ \"greeting\": Node(...), \"end\": Ending(...) }}"
                ),
            );
            return Vec::new();
        };
        if entries.len() > self.limits.max_nodes {
            self.report(
                Code::E023,
                value.span,
                msg!(
                    "the scenario has {count} nodes, more than the limit of {max}",
                    "el escenario tiene {count} nodos, más que el límite de {max}",
                    count = entries.len(),
                    max = self.limits.max_nodes,
                ),
                msg!(
                    "split it into several scenarios",
                    "divídelo en varios escenarios"
                ),
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
                        msg!(
                            "node id `{id}` must be in quotes",
                            "el id de nodo `{id}` debe ir entre comillas",
                            id = ident.name,
                        ),
                        msg!(
                            "write \"{id}\": Node(...)",
                            "escribe \"{id}\": Node(...)",
                            id = ident.name,
                        ),
                    );
                    Spanned::new(ident.name.to_string(), key.span)
                }
                other => {
                    self.report(
                        Code::E004,
                        key.span,
                        msg!(
                            "a node id must be a text in quotes, found {found}",
                            "el id de un nodo debe ser un texto entre comillas, pero hay {found}",
                            found => other.describe(),
                        ),
                        msg!(
                            "write \"some_id\": Node(...)",
                            "escribe \"some_id\": Node(...)"
                        ),
                    );
                    continue;
                }
            };
            if id.value.trim().is_empty() {
                self.report(
                    Code::E018,
                    key.span,
                    msg!("a node id is empty", "hay un id de nodo vacío"),
                    msg!(
                        "give the node a short id such as \"greeting\"",
                        "dale al nodo un id corto, como \"greeting\""
                    ),
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
        let what = if is_ending {
            Phrase::new("an ending", "un final")
        } else {
            Phrase::new("a node", "un nodo")
        };
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
            .and_then(|v| self.string(v, field!("speaker_name")))
            .map(|s| s.value);
        node.text = self.req_text(
            &fields,
            "text",
            Phrase::new("the node's text", "el campo `text` del nodo"),
        );
        node.mood_cue = self.opt_text(
            &fields,
            "mood_cue",
            Phrase::new("the mood cue", "el campo `mood_cue`"),
        );
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
            let debrief = self.req_text(
                &fields,
                "debrief",
                Phrase::new("the ending's debrief", "el campo `debrief` del final"),
            );
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
                msg!(
                    "`choices` must be a list `[Choice(...), ...]`, found {found}",
                    "`choices` debe ser una lista `[Choice(...), ...]`, pero hay {found}",
                    found => value.kind.describe(),
                ),
                msg!(
                    "write the replies between square brackets: [Choice(...), Choice(...)]",
                    "escribe las respuestas entre corchetes: [Choice(...), Choice(...)]"
                ),
            );
            return Vec::new();
        };
        if items.len() > 9 {
            self.report(
                Code::E019,
                items[9].span,
                msg!(
                    "this node offers {count} replies; at most 9 fit on the keys 1–9",
                    "este nodo ofrece {count} respuestas; en las teclas 1–9 caben 9 como mucho",
                    count = items.len(),
                ),
                msg!(
                    "merge similar replies or split the moment into two nodes",
                    "junta las respuestas parecidas o divide el momento en dos nodos"
                ),
            );
        }
        items
            .iter()
            .filter_map(|item| {
                let fields = self.open(
                    item,
                    Phrase::new("a choice", "una respuesta"),
                    &["Choice"],
                    CHOICE_FIELDS,
                )?;
                let mut choice = Choice {
                    span: item.span,
                    ..Choice::default()
                };
                if let Some(v) = self.required(&fields, "id", "\"listen\"")
                    && let Some(id) =
                        self.string(v, Phrase::new("the choice `id`", "el `id` de la respuesta"))
                {
                    choice.id = id;
                }
                choice.text = self.req_text(
                    &fields,
                    "text",
                    Phrase::new("the reply's text", "el campo `text` de la respuesta"),
                );
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
        choice.feedback = self.req_text(
            fields,
            "feedback",
            Phrase::new("the feedback", "el campo `feedback`"),
        );
        if let Some(v) = self.required(fields, "next", "\"next_node\"") {
            choice.next = self.next(v);
        }
    }

    fn time_limit(&mut self, value: &Value) -> Option<TimeLimit> {
        let fields = self.open(
            value,
            Phrase::new("a time limit", "un límite de tiempo"),
            &["TimeLimit"],
            TIME_LIMIT_FIELDS,
        )?;
        let seconds = match self.required(&fields, "seconds", "20") {
            Some(v) => self.int(v, field!("seconds"), 3, 600).unwrap_or(30) as u32,
            None => 30,
        };
        let mut reply = Choice {
            id: Spanned::new("timeout".to_string(), value.span),
            span: value.span,
            ..Choice::default()
        };
        reply.text = self.req_text(
            &fields,
            "text",
            Phrase::new("the timeout's text", "el campo `text` del límite de tiempo"),
        );
        self.reply_body(&fields, &mut reply);
        Some(TimeLimit { seconds, reply })
    }

    fn effects(&mut self, value: &Value) -> Effects {
        let Some(fields) = self.open(
            value,
            Phrase::new("the effects", "los efectos"),
            &["Effects"],
            EFFECTS_FIELDS,
        ) else {
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
                    msg!(
                        "`flags` must be a list of names in quotes, found {found}",
                        "`flags` debe ser una lista de nombres entre comillas, pero hay {found}",
                        found => other.describe(),
                    ),
                    msg!(
                        "write it as [\"found_receipt\"]",
                        "escríbelo así: [\"found_receipt\"]"
                    ),
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
                msg!(
                    "`promises` must be a list, found {found}",
                    "`promises` debe ser una lista, pero hay {found}",
                    found => value.kind.describe(),
                ),
                msg!(
                    "write it as [Make(id: \"call\", text: \"...\")] or [Keep(\"call\")]",
                    "escríbelo así: [Make(id: \"call\", text: \"...\")] o [Keep(\"call\")]"
                ),
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
                    msg!(
                        "a promise action must be Make, Keep, Break or Confirm, found {found}",
                        "una acción de promesa debe ser Make, Keep, Break o Confirm, pero hay {found}",
                        found => other.describe(),
                    ),
                    msg!(
                        "write Make(id: \"call\", text: \"...\"), Keep(\"call\"), Break(\"call\") or Confirm(\"call\")",
                        "escribe Make(id: \"call\", text: \"...\"), Keep(\"call\"), Break(\"call\") o Confirm(\"call\")"
                    ),
                );
                return None;
            }
        };
        match name.name {
            "Make" => {
                let fields = self.open(
                    value,
                    Phrase::new("a promise", "una promesa"),
                    &["Make"],
                    MAKE_FIELDS,
                )?;
                let promise = self
                    .required(&fields, "id", "\"call_back\"")
                    .and_then(|v| self.promise_ref(v))?;
                let text = self.req_text(
                    &fields,
                    "text",
                    Phrase::new("the promise's text", "el campo `text` de la promesa"),
                );
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
                self.report(
                    Code::E005,
                    name.span,
                    msg!(
                        "`{other}` is not a promise action",
                        "`{other}` no es una acción de promesa"
                    ),
                    msg!(
                        "{suggestion}write one of {names}",
                        "{suggestion}escribe uno de estos: {names}",
                        names = list_names(PROMISE_ACTIONS),
                        suggestion => did_you_mean(other, PROMISE_ACTIONS.iter().copied()),
                    ),
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
                    msg!(
                        "a condition must be written like `MoodAtLeast(60)` or `Flag(\"x\")`, found {found}",
                        "una condición se escribe como `MoodAtLeast(60)` o `Flag(\"x\")`, pero hay {found}",
                        found => value.kind.describe(),
                    ),
                    msg!(
                        "conditions are {names}",
                        "las condiciones posibles son: {names}",
                        names = list_names(CONDITIONS),
                    ),
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
                    msg!(
                        "`{name}` takes exactly one value",
                        "`{name}` lleva exactamente un valor",
                        name = name.name,
                    ),
                    msg!(
                        "write it like `{name}(...)` with one value inside",
                        "escríbelo así: `{name}(...)`, con un solo valor dentro",
                        name = name.name,
                    ),
                );
                None
            }
        };
        match name.name {
            "MoodAtLeast" | "MoodBelow" => {
                let v = one(self)?;
                let threshold = Phrase::new("a mood threshold", "el umbral de ánimo");
                let n = self.int(v, threshold, 0, 100)? as i32;
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
                        msg!(
                            "`{name}` takes a list of conditions",
                            "`{name}` lleva una lista de condiciones",
                            name = name.name,
                        ),
                        msg!(
                            "write it like `{name}([Flag(\"a\"), MoodAtLeast(50)])`",
                            "escríbelo así: `{name}([Flag(\"a\"), MoodAtLeast(50)])`",
                            name = name.name,
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
                self.report(
                    Code::E005,
                    name.span,
                    msg!(
                        "`{other}` is not a condition",
                        "`{other}` no es una condición"
                    ),
                    msg!(
                        "{suggestion}conditions are {names}",
                        "{suggestion}las condiciones posibles son: {names}",
                        names = list_names(CONDITIONS),
                        suggestion => did_you_mean(other, CONDITIONS.iter().copied()),
                    ),
                );
                None
            }
        }
    }

    fn next(&mut self, value: &Value) -> Next {
        let name = match &value.kind {
            Kind::Str(_) => return Next::Go(self.target(value, field!("next"))),
            Kind::Struct { name: Some(n), .. } | Kind::Tuple { name: Some(n), .. } => n,
            Kind::Unit(n) => n,
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "`next` must be a node id, a Route or a Random, found {found}",
                        "`next` debe ser el id de un nodo, un Route o un Random, pero hay {found}",
                        found => other.describe(),
                    ),
                    msg!(
                        "write one of {forms}",
                        "escribe uno de estos: {forms}",
                        forms = NEXT_FORMS.join(", "),
                    ),
                );
                return Next::default();
            }
        };
        match name.name {
            "Route" => self.route(value),
            "Random" => self.random(value),
            other => {
                self.report(
                    Code::E005,
                    name.span,
                    msg!(
                        "`{other}` is not a way to continue",
                        "`{other}` no es una forma válida de continuar"
                    ),
                    msg!(
                        "{suggestion}write a node id in quotes, Route(...) or Random([...])",
                        "{suggestion}escribe el id de un nodo entre comillas, Route(...) o Random([...])",
                        suggestion => did_you_mean(other, ["Route", "Random"]),
                    ),
                );
                Next::default()
            }
        }
    }

    fn route(&mut self, value: &Value) -> Next {
        let Some(fields) = self.open(
            value,
            Phrase::new("a route", "una ruta"),
            &["Route"],
            ROUTE_FIELDS,
        ) else {
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
                    let Some(branch) = self.open(
                        item,
                        Phrase::new("a route branch", "una rama de la ruta"),
                        &["Branch"],
                        BRANCH_FIELDS,
                    ) else {
                        continue;
                    };
                    let when = self
                        .required(&branch, "when", "MoodAtLeast(60)")
                        .and_then(|v| self.condition(v));
                    let go = self
                        .required(&branch, "go", "\"node_id\"")
                        .map(|v| self.target(v, field!("go")));
                    if let (Some(when), Some(go)) = (when, go) {
                        branches.push(Branch { when, go });
                    }
                }
            }
            Some(other) => self.report(
                Code::E004,
                other.span,
                msg!(
                    "`branches` must be a list, found {found}",
                    "`branches` debe ser una lista, pero hay {found}",
                    found => other.kind.describe(),
                ),
                msg!(
                    "write it as [(when: MoodAtLeast(60), go: \"happy\"), ...]",
                    "escríbelo así: [(when: MoodAtLeast(60), go: \"happy\"), ...]"
                ),
            ),
            None => {}
        }
        let otherwise = match fields.get("otherwise") {
            Some(v) => self.target(v, field!("otherwise")),
            None => {
                let head = Span::new(value.span.start as usize, value.span.start as usize + 5);
                self.report(
                    Code::E020,
                    head,
                    msg!(
                        "this route has no `otherwise`: when no branch holds, the conversation would be stuck",
                        "esta ruta no tiene `otherwise`: si no se cumple ninguna rama, la conversación se quedaría atascada"
                    ),
                    msg!(
                        "add `otherwise: \"node_id\"` for the case where no condition holds",
                        "añade `otherwise: \"node_id\"` para el caso en que no se cumpla ninguna condición"
                    ),
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
                    msg!(
                        "`Random` takes one list of weighted options",
                        "`Random` lleva una lista de opciones con su peso (`weight`)"
                    ),
                    random_hint(),
                );
                return Next::default();
            }
        };
        let Kind::List(items) = &list.kind else {
            self.report(
                Code::E004,
                list.span,
                msg!(
                    "`Random` takes a list, found {found}",
                    "`Random` lleva una lista, pero hay {found}",
                    found => list.kind.describe(),
                ),
                random_hint(),
            );
            return Next::default();
        };
        let mut options = Vec::new();
        for item in items.iter() {
            let Some(fields) = self.open(
                item,
                Phrase::new("a random option", "una opción al azar"),
                &["Option"],
                WEIGHTED_FIELDS,
            ) else {
                continue;
            };
            let weight = match self.required(&fields, "weight", "1") {
                Some(v) => self.int(v, field!("weight"), 0, 1000).unwrap_or(1) as u32,
                None => 1,
            };
            if let Some(go) = self
                .required(&fields, "go", "\"node_id\"")
                .map(|v| self.target(v, field!("go")))
            {
                options.push(Weighted { weight, go });
            }
        }
        if options.iter().all(|o| o.weight == 0) {
            self.report(
                Code::E021,
                value.span,
                msg!(
                    "every option of this random route has weight 0, so none can be picked",
                    "todas las opciones de esta ruta al azar tienen peso 0, así que no se puede elegir ninguna"
                ),
                msg!(
                    "give at least one option a weight above 0",
                    "pon un peso mayor que 0 en al menos una opción"
                ),
            );
        }
        Next::Random {
            options,
            span: value.span,
        }
    }
}
