//! Single values: texts, numbers, switches, lists of names, enum
//! names, node targets and references to flags and promises.

use super::*;

impl Decoder<'_, '_> {
    pub(super) fn string(&mut self, value: &Value, what: Phrase) -> Option<Spanned<String>> {
        match &value.kind {
            Kind::Str(s) => Some(Spanned::new(s.text.to_string(), value.span)),
            other => {
                self.not_text(value.span, what, other);
                None
            }
        }
    }

    pub(super) fn not_text(&mut self, span: Span, what: Phrase, found: &Kind) {
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
    pub(super) fn text(&mut self, value: &Value, what: Phrase, required: bool) -> Text {
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

    pub(super) fn opt_text(&mut self, fields: &Fields, name: &str, what: Phrase) -> Option<Text> {
        fields.get(name).map(|v| self.text(v, what, true))
    }

    pub(super) fn req_text(&mut self, fields: &Fields, name: &str, what: Phrase) -> Text {
        match self.required(fields, name, "\"...\"") {
            Some(value) => self.text(value, what, true),
            None => Text::default(),
        }
    }

    pub(super) fn int(&mut self, value: &Value, what: Phrase, min: i64, max: i64) -> Option<i64> {
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

    pub(super) fn opt_int(
        &mut self,
        fields: &Fields,
        name: &str,
        min: i64,
        max: i64,
        default: i64,
    ) -> i64 {
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

    pub(super) fn bool(&mut self, fields: &Fields, name: &str, default: bool) -> bool {
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

    pub(super) fn string_list(&mut self, fields: &Fields, name: &str) -> Vec<String> {
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
    pub(super) fn unit<'n>(
        &mut self,
        value: &Value,
        field: &str,
        names: &[&'n str],
    ) -> Option<&'n str> {
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
    pub(super) fn single_arg<'v>(
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

    pub(super) fn target(&mut self, value: &Value, what: Phrase) -> Target {
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

    pub(super) fn flag(&mut self, value: &Value) -> Option<FlagRef> {
        self.string(value, Phrase::new("a flag", "el nombre de una marca"))
            .map(|name| FlagRef { name, flag: 0 })
    }

    pub(super) fn promise_ref(&mut self, value: &Value) -> Option<PromiseRef> {
        self.string(value, Phrase::new("a promise id", "el id de una promesa"))
            .map(|id| PromiseRef { id, promise: 0 })
    }

    /// The items of a list value, or an E004 naming `what`.
    pub(super) fn list<'v>(
        &mut self,
        value: &'v Value<'v>,
        what: Phrase<'static>,
    ) -> Option<&'v [Value<'v>]> {
        match &value.kind {
            Kind::List(items) => Some(items),
            other => {
                self.report(
                    Code::E004,
                    value.span,
                    msg!(
                        "{what} must be a list in square brackets, found {found}",
                        "{what} debe ser una lista entre corchetes, pero hay {found}",
                        what => what,
                        found => other.describe(),
                    ),
                    msg!(
                        "write it as [first, second]",
                        "escríbelo así: [primero, segundo]"
                    ),
                );
                None
            }
        }
    }
}
