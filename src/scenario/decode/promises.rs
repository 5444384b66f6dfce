//! Promise actions: make (with the limit it ignores), keep, break,
//! confirm.

use super::fields::*;
use super::*;

impl Decoder<'_, '_> {
    pub(super) fn promise_actions(&mut self, fields: &Fields) -> Vec<PromiseAction> {
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

    pub(super) fn promise_action(&mut self, value: &Value) -> Option<PromiseAction> {
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
            "Keep" | "Break" | "Confirm" | "Retract" => {
                let example = format!("{}(\"call_back\")", name.name);
                let arg = self.single_arg(value, name.name, &example)?;
                let promise = self.promise_ref(arg)?;
                Some(match name.name {
                    "Keep" => PromiseAction::Keep(promise),
                    "Break" => PromiseAction::Break(promise),
                    "Retract" => PromiseAction::Retract(promise),
                    _ => PromiseAction::Confirm(promise),
                })
            }
            _ => {
                self.unknown_name(
                    name,
                    Phrase::new("a promise action", "una acción de promesa"),
                    Phrase::new("write one of", "escribe uno de estos:"),
                    PROMISE_ACTIONS,
                );
                None
            }
        }
    }
}
