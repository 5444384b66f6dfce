//! The names each structure of the format accepts, and opening a
//! structure: its name checked, unknown and repeated fields reported.

use super::*;

pub(super) const SCENARIO_FIELDS: &[&str] = &[
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
pub(super) const CUSTOMER_FIELDS: &[&str] = &[
    "names",
    "persona",
    "business_goals",
    "personal_goals",
    "mood",
    "gender",
];
pub(super) const NODE_FIELDS: &[&str] = &[
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
    "next",
    "discussion",
];
pub(super) const ENDING_FIELDS: &[&str] = &[
    "outcome",
    "speaker",
    "speaker_name",
    "text",
    "debrief",
    "mood_cue",
    "mood",
    "promises",
    "flags",
    "claims",
    "notes",
];
pub(super) const CHOICE_FIELDS: &[&str] = &[
    "id", "text", "effects", "mood", "promises", "flags", "when", "feedback", "next",
];
pub(super) const TIME_LIMIT_FIELDS: &[&str] = &[
    "seconds", "text", "effects", "mood", "promises", "flags", "feedback", "next",
];
pub(super) const EFFECTS_FIELDS: &[&str] = &["empathy", "promise", "care"];
pub(super) const MAKE_FIELDS: &[&str] = &["id", "text", "limit"];
pub(super) const ROUTE_FIELDS: &[&str] = &["branches", "otherwise"];
pub(super) const BRANCH_FIELDS: &[&str] = &["when", "go"];
pub(super) const WEIGHTED_FIELDS: &[&str] = &["weight", "go"];

pub(super) const SPEAKERS: &[&str] = &["Customer", "Colleague", "Manager", "Narrator"];
pub(super) const DIFFICULTIES: &[&str] = &["Beginner", "Intermediate", "Advanced"];
pub(super) const OUTCOMES: &[&str] = &["Kept", "Neutral", "Lost"];
pub(super) const LIMITS: &[&str] = &["CannotPhysically", "DontKnowHow", "NotAllowed", "NoTools"];
pub(super) const PROMISE_ACTIONS: &[&str] = &["Make", "Keep", "Break", "Confirm", "Retract"];
pub(super) const NOTE_FIELDS: &[&str] = &["when", "text"];
pub(super) const DIMENSIONS: &[&str] = &["Empathy", "Promise", "Care"];
pub(super) const GENDERS: &[&str] = &["Feminine", "Masculine"];
pub(super) const CONDITIONS: &[&str] = &[
    "MoodAtLeast",
    "MoodBelow",
    "Flag",
    "NotFlag",
    "PromiseOpen",
    "PromiseKept",
    "PromiseMade",
    "PromiseBroken",
    "PromiseConfirmed",
    "PromiseRetracted",
    "ScoreAtLeast",
    "ScoreBelow",
    "All",
    "Any",
    "Not",
];
pub(super) const NEXT_FORMS: &[&str] = &["\"node_id\"", "Route(...)", "Random([...])"];

impl Decoder<'_, '_> {
    /// Opens `Name(field: ...)` or `(field: ...)`, checking the name (when
    /// `names` is not empty) and reporting unknown or repeated fields.
    pub(super) fn open<'v>(
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
        // The first occurrence of each valid name: at most one per name a
        // structure has, so a field repeated a hundred thousand times is
        // not compared with all the others before it.
        let mut firsts: Vec<&Field> = Vec::with_capacity(valid.len());
        for field in fields.iter() {
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
            } else if let Some(first) = firsts.iter().find(|f| f.name.name == field.name.name) {
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
            } else {
                firsts.push(field);
            }
        }
        Some(Fields {
            what,
            span: value.span,
            fields,
            misspelled,
        })
    }

    pub(super) fn required<'v>(
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

    /// E005 for a name that is none of `names`: "`x` is not {what}", and a
    /// hint that offers the closest name, then `lead` and the whole list.
    pub(super) fn unknown_name(
        &mut self,
        name: &Ident,
        what: Phrase<'static>,
        lead: Phrase<'static>,
        names: &[&str],
    ) {
        let other = name.name;
        self.report(
            Code::E005,
            name.span,
            msg!("`{other}` is not {what}", "`{other}` no es {what}", what => what),
            msg!(
                "{suggestion}{lead} {names}",
                "{suggestion}{lead} {names}",
                lead => lead,
                names = list_names(names),
                suggestion => did_you_mean(other, names.iter().copied()),
            ),
        );
    }
}
