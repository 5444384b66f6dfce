//! Nodes and endings, the replies they offer, time limits, effects and
//! flags.

use super::fields::*;
use super::*;

impl Decoder<'_, '_> {
    pub(super) fn nodes(&mut self, value: &Value) -> Vec<Node> {
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

    pub(super) fn node(&mut self, id: Spanned<String>, value: &Value) -> Node {
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
        node.discussion = self.opt_text(
            &fields,
            "discussion",
            Phrase::new("the discussion question", "el campo `discussion`"),
        );
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
            let claims = match fields.get("claims") {
                Some(list) => self.claims(list),
                None => Vec::new(),
            };
            let notes = match fields.get("notes") {
                Some(list) => self.notes(list),
                None => Vec::new(),
            };
            node.body = NodeBody::Ending {
                outcome,
                debrief,
                claims,
                notes,
            };
        } else {
            // Decoded once, here; the replies that lack a `next` get a copy.
            self.default_next = fields.get("next").map(|v| self.next(v));
            let (choices, choices_span) = match fields.get("choices") {
                Some(v) => (self.choices(v), v.span),
                None => (Vec::new(), node.id.span),
            };
            let time_limit = fields.get("time_limit").and_then(|v| self.time_limit(v));
            self.default_next = None;
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

    pub(super) fn choices(&mut self, value: &Value) -> Vec<Choice> {
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
    pub(super) fn reply_body(&mut self, fields: &Fields, choice: &mut Choice) {
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
        // A reply's own `next` wins over its node's.
        if let Some(v) = fields.get("next") {
            choice.next = self.next(v);
        } else if let Some(inherited) = &self.default_next {
            choice.next = inherited.clone();
        } else if let Some(v) = self.required(fields, "next", "\"next_node\"") {
            choice.next = self.next(v);
        }
    }

    pub(super) fn time_limit(&mut self, value: &Value) -> Option<TimeLimit> {
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

    pub(super) fn effects(&mut self, value: &Value) -> Effects {
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

    pub(super) fn flags(&mut self, fields: &Fields) -> Vec<FlagRef> {
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

    /// `claims: [PromiseConfirmed("swap"), NotFlag("shielded")]`.
    pub(super) fn claims(&mut self, value: &Value) -> Vec<Claim> {
        let Some(items) = self.list(value, Phrase::new("`claims`", "el campo `claims`")) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                let condition = self.condition(item)?;
                Some(Claim {
                    condition,
                    span: item.span,
                })
            })
            .collect()
    }

    /// `notes: [(when: Flag("x"), text: "..."), ...]`.
    pub(super) fn notes(&mut self, value: &Value) -> Vec<Note> {
        let Some(items) = self.list(value, Phrase::new("`notes`", "el campo `notes`")) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                let fields =
                    self.open(item, Phrase::new("a note", "una nota"), &[], NOTE_FIELDS)?;
                let when = self
                    .required(&fields, "when", "Flag(\"confirmed\")")
                    .and_then(|v| self.condition(v));
                let text = self.req_text(
                    &fields,
                    "text",
                    Phrase::new("the note's text", "el texto de la nota"),
                );
                Some(Note { when: when?, text })
            })
            .collect()
    }
}
