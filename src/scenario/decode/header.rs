//! The scenario's details and its customer.

use super::fields::*;
use super::*;

impl Decoder<'_, '_> {
    pub(super) fn scenario(&mut self, root: &Value) -> Scenario {
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

    pub(super) fn customer(&mut self, value: &Value) -> Customer {
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
        customer.gender = match fields
            .get("gender")
            .and_then(|v| self.unit(v, "gender", GENDERS))
        {
            Some("Feminine") => Gender::Feminine,
            Some("Masculine") => Gender::Masculine,
            _ => Gender::Unspecified,
        };
        customer
    }

    pub(super) fn mood_spec(&mut self, value: &Value) -> MoodSpec {
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
}
