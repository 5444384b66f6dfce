//! Where a reply leads: a node, a conditional route or a random route,
//! and the conditions routes test.

use super::fields::*;
use super::*;

fn random_hint() -> Bilingual {
    msg!(
        "write Random([(weight: 3, go: \"a\"), (weight: 1, go: \"b\")])",
        "escribe Random([(weight: 3, go: \"a\"), (weight: 1, go: \"b\")])"
    )
}

impl Decoder<'_, '_> {
    pub(super) fn condition(&mut self, value: &Value) -> Option<Condition> {
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
            "PromiseOpen" | "PromiseKept" | "PromiseMade" | "PromiseBroken"
            | "PromiseConfirmed" | "PromiseRetracted" => {
                let arg = one(self)?;
                let promise = self.promise_ref(arg)?;
                Some(match name.name {
                    "PromiseOpen" => Condition::PromiseOpen(promise),
                    "PromiseKept" => Condition::PromiseKept(promise),
                    "PromiseMade" => Condition::PromiseMade(promise),
                    "PromiseBroken" => Condition::PromiseBroken(promise),
                    "PromiseConfirmed" => Condition::PromiseConfirmed(promise),
                    _ => Condition::PromiseRetracted(promise),
                })
            }
            "ScoreAtLeast" | "ScoreBelow" => {
                let [dimension, threshold] = items else {
                    self.report(
                        Code::E004,
                        value.span,
                        msg!(
                            "`{name}` takes a dimension and a score",
                            "`{name}` lleva una dimensión y una puntuación",
                            name = name.name,
                        ),
                        msg!(
                            "write it like `{name}(Care, 60)`",
                            "escríbelo así: `{name}(Care, 60)`",
                            name = name.name,
                        ),
                    );
                    return None;
                };
                let dimension = match self.unit(dimension, "dimension", DIMENSIONS)? {
                    "Empathy" => Dimension::Empathy,
                    "Promise" => Dimension::Promise,
                    _ => Dimension::Care,
                };
                let what = Phrase::new("a score threshold", "el umbral de puntuación");
                let n = self.int(threshold, what, 0, 100)? as u8;
                Some(if name.name == "ScoreAtLeast" {
                    Condition::ScoreAtLeast(dimension, n)
                } else {
                    Condition::ScoreBelow(dimension, n)
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
            _ => {
                self.unknown_name(
                    name,
                    Phrase::new("a condition", "una condición"),
                    Phrase::new("conditions are", "las condiciones posibles son:"),
                    CONDITIONS,
                );
                None
            }
        }
    }

    pub(super) fn next(&mut self, value: &Value) -> Next {
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

    pub(super) fn route(&mut self, value: &Value) -> Next {
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

    pub(super) fn random(&mut self, value: &Value) -> Next {
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
