//! Language parity: the Spanish and English versions of one scenario must
//! share ids, choices and effects, so a score means the same in both.

use crate::diagnostic::{Code, Diagnostic, Related, Reporter};

use crate::lang::{Bilingual, Phrase, msg};
use crate::scenario::model::*;
use crate::source::Span;
use std::fmt::Write as _;

/// One side of a comparison: the scenario and the text it was read from.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its source text (for line and column).
    pub text: &'a str,
}

/// Compares two language versions of one scenario. Each difference is an
/// `E030` placed in `a`'s file with a note pointing into `b`'s.
pub fn check(a: Side, b: Side) -> Vec<Diagnostic> {
    let mut cmp = Comparer {
        a_reporter: Reporter::new(&a.scenario.source.path, a.text),
        b_reporter: Reporter::new(&b.scenario.source.path, b.text),
        a_lang: a.scenario.language.value.clone(),
        b_lang: b.scenario.language.value.clone(),
    };
    let (sa, sb) = (a.scenario, b.scenario);
    if sa.version != sb.version {
        cmp.differ(
            sa.id.span,
            sb.id.span,
            msg!(
                "the versions differ ({a} and {b})",
                "los números de versión no coinciden ({a} y {b})",
                a = sa.version,
                b = sb.version,
            ),
            msg!(
                "bump both files to the same `version`",
                "pon el mismo `version` en los dos archivos"
            ),
        );
    }
    if sa.start.id.value != sb.start.id.value {
        cmp.differ(
            sa.start.id.span,
            sb.start.id.span,
            msg!(
                "the start nodes differ (`{a}` and `{b}`)",
                "los nodos de inicio no coinciden (`{a}` y `{b}`)",
                a = sa.start.id.value,
                b = sb.start.id.value,
            ),
            msg!(
                "start both versions at the same node",
                "haz que las dos versiones empiecen en el mismo nodo"
            ),
        );
    }
    if sa.customer.mood != sb.customer.mood {
        cmp.differ(
            sa.customer.persona.span,
            sb.customer.persona.span,
            msg!(
                "the customer's starting mood differs",
                "el ánimo inicial del cliente no coincide"
            ),
            same_in_both("`mood`", "el mismo `mood`"),
        );
    }
    if sa.customer.gender != sb.customer.gender {
        cmp.differ(
            sa.customer.persona.span,
            sb.customer.persona.span,
            msg!(
                "the customer's gender differs",
                "el género del cliente no coincide"
            ),
            same_in_both("`gender`", "el mismo `gender`"),
        );
    }
    if sa.shuffle_choices != sb.shuffle_choices {
        cmp.differ(
            sa.id.span,
            sb.id.span,
            msg!("`shuffle_choices` differs", "`shuffle_choices` no coincide"),
            same_in_both("value", "el mismo valor"),
        );
    }
    for node_a in &sa.nodes {
        let Some(node_b) = sb.node_by_id(&node_a.id.value).and_then(|i| sb.node(i)) else {
            cmp.differ(
                node_a.id.span,
                sb.id.span,
                msg!(
                    "node `{id}` exists only in this version",
                    "el nodo `{id}` solo existe en esta versión",
                    id = node_a.id.value,
                ),
                msg!(
                    "add it to the other version with the same id, or remove it here",
                    "añádelo a la otra versión con el mismo id, o quítalo de esta"
                ),
            );
            continue;
        };
        cmp.nodes(node_a, node_b);
    }
    for node_b in &sb.nodes {
        if sa.node_by_id(&node_b.id.value).is_none() {
            cmp.differ(
                sa.id.span,
                node_b.id.span,
                msg!(
                    "node `{id}` is missing from this version",
                    "falta el nodo `{id}` en esta versión",
                    id = node_b.id.value,
                ),
                msg!(
                    "add the node here too, with the same id, choices and effects",
                    "añade el nodo también aquí, con el mismo id, las mismas respuestas y los mismos efectos"
                ),
            );
        }
    }
    cmp.a_reporter.diagnostics
}

struct Comparer<'t> {
    a_reporter: Reporter<'t>,
    b_reporter: Reporter<'t>,
    a_lang: String,
    b_lang: String,
}

impl Comparer<'_> {
    fn differ(&mut self, a_span: Span, b_span: Span, message: Bilingual, hint: Bilingual) {
        let (a_lang, b_lang) = (&self.a_lang, &self.b_lang);
        let mut diagnostic = self.a_reporter.make(
            Code::E030,
            a_span,
            msg!(
                "the `{a_lang}` and `{b_lang}` versions differ: {message}",
                "las versiones `{a_lang}` y `{b_lang}` no coinciden: {message}",
                message => message,
            ),
            hint,
        );
        let other = self.b_reporter.make(
            Code::E030,
            b_span,
            Bilingual::default(),
            Bilingual::default(),
        );
        diagnostic.related = Some(Related {
            file: other.file,
            start: other.start,
            message: msg!(
                "the `{b_lang}` version is here",
                "la versión `{b_lang}` está aquí"
            ),
        });
        self.a_reporter.diagnostics.push(diagnostic);
    }

    fn nodes(&mut self, a: &Node, b: &Node) {
        let id = &a.id.value;
        if a.is_ending() != b.is_ending() || a.outcome() != b.outcome() {
            self.differ(
                a.span,
                b.span,
                msg!(
                    "node `{id}` is a different kind of node or ending",
                    "el nodo `{id}` es de otro tipo o es un final distinto"
                ),
                msg!(
                    "make both the same kind (Node or Ending) with the same outcome",
                    "haz que los dos sean del mismo tipo (Node o Ending) y con el mismo `outcome`"
                ),
            );
            return;
        }
        if a.discussion.is_some() != b.discussion.is_some() {
            let (a_span, b_span) = (
                a.discussion.as_ref().map_or(a.span, |t| t.span),
                b.discussion.as_ref().map_or(b.span, |t| t.span),
            );
            self.differ(
                a_span,
                b_span,
                msg!(
                    "node `{id}` has a discussion question in only one version",
                    "el nodo `{id}` tiene pregunta de debate (`discussion`) solo en una versión"
                ),
                msg!(
                    "write the `discussion` question in both languages, or in neither",
                    "escribe la pregunta `discussion` en los dos idiomas, o en ninguno"
                ),
            );
        }
        if let (
            NodeBody::Ending {
                claims: ca,
                notes: na,
                ..
            },
            NodeBody::Ending {
                claims: cb,
                notes: nb,
                ..
            },
        ) = (&a.body, &b.body)
        {
            let claims = |c: &[Claim]| {
                c.iter()
                    .map(|c| c.condition.to_string())
                    .collect::<Vec<_>>()
            };
            let notes = |n: &[Note]| n.iter().map(|n| n.when.to_string()).collect::<Vec<_>>();
            if claims(ca) != claims(cb) || notes(na) != notes(nb) {
                self.differ(
                    a.span,
                    b.span,
                    msg!(
                        "ending `{id}` has different claims or note conditions",
                        "el final `{id}` tiene otras afirmaciones o condiciones de nota"
                    ),
                    same_in_both(
                        "`claims` and note conditions",
                        "los mismos `claims` y condiciones de las notas",
                    ),
                );
            }
        }
        if a.speaker != b.speaker {
            self.differ(
                a.span,
                b.span,
                msg!(
                    "node `{id}` has a different speaker",
                    "el nodo `{id}` tiene otro `speaker`"
                ),
                same_in_both("`speaker`", "el mismo `speaker`"),
            );
        }
        if a.mood != b.mood
            || actions_sig(&a.promises) != actions_sig(&b.promises)
            || flags_sig(&a.flags) != flags_sig(&b.flags)
        {
            self.differ(
                a.span,
                b.span,
                msg!(
                    "node `{id}` changes mood, promises or flags differently",
                    "el nodo `{id}` cambia el ánimo, las promesas o las marcas de otra manera"
                ),
                same_in_both(
                    "`mood`, `promises` and `flags`",
                    "los mismos `mood`, `promises` y `flags`",
                ),
            );
        }
        let (ta, tb) = (a.time_limit(), b.time_limit());
        match (ta, tb) {
            (Some(ta), Some(tb)) => {
                if ta.seconds != tb.seconds {
                    self.differ(
                        ta.reply.span,
                        tb.reply.span,
                        msg!(
                            "node `{id}` has a different time limit",
                            "el nodo `{id}` tiene otro límite de tiempo"
                        ),
                        same_in_both("`seconds`", "el mismo valor de `seconds`"),
                    );
                }
                self.replies(id, &ta.reply, &tb.reply);
            }
            (None, None) => {}
            _ => self.differ(
                a.span,
                b.span,
                msg!(
                    "only one version of node `{id}` has a time limit",
                    "solo una de las versiones del nodo `{id}` tiene límite de tiempo"
                ),
                msg!(
                    "add or remove the `time_limit` so both match",
                    "añade o quita el `time_limit` para que las dos coincidan"
                ),
            ),
        }
        let (ca, cb) = (a.choices(), b.choices());
        for (i, choice_a) in ca.iter().enumerate() {
            match cb.iter().position(|c| c.id.value == choice_a.id.value) {
                Some(j) if i == j => self.replies(id, choice_a, &cb[j]),
                Some(j) => self.differ(
                    choice_a.id.span,
                    cb[j].id.span,
                    msg!(
                        "choice `{choice}` of node `{id}` is in a different position",
                        "la respuesta `{choice}` del nodo `{id}` está en otra posición",
                        choice = choice_a.id.value,
                    ),
                    msg!(
                        "list the choices in the same order in both versions",
                        "pon las respuestas en el mismo orden en las dos versiones"
                    ),
                ),
                None => self.differ(
                    choice_a.id.span,
                    b.span,
                    msg!(
                        "choice `{choice}` of node `{id}` exists only in this version",
                        "la respuesta `{choice}` del nodo `{id}` solo existe en esta versión",
                        choice = choice_a.id.value,
                    ),
                    msg!(
                        "add it to the other version with the same id, or remove it here",
                        "añádela a la otra versión con el mismo id, o quítala de esta"
                    ),
                ),
            }
        }
        for choice_b in cb {
            if !ca.iter().any(|c| c.id.value == choice_b.id.value) {
                self.differ(
                    a.span,
                    choice_b.id.span,
                    msg!(
                        "choice `{choice}` of node `{id}` is missing from this version",
                        "falta la respuesta `{choice}` del nodo `{id}` en esta versión",
                        choice = choice_b.id.value,
                    ),
                    msg!(
                        "add the choice here too, with the same id and effects",
                        "añade la respuesta también aquí, con el mismo id y los mismos efectos"
                    ),
                );
            }
        }
    }

    fn replies(&mut self, node: &str, a: &Choice, b: &Choice) {
        let choice = &a.id.value;
        let what = |field: Phrase| {
            msg!(
                "choice `{choice}` of node `{node}` has different {field}",
                "la respuesta `{choice}` del nodo `{node}` tiene {field}",
                field => field,
            )
        };
        if a.effects != b.effects {
            self.differ(
                a.span,
                b.span,
                what(Phrase::new("effects", "otros efectos")),
                same_in_both("`effects`", "los mismos `effects`"),
            );
        }
        if a.mood != b.mood {
            self.differ(
                a.span,
                b.span,
                what(Phrase::new("mood", "otro cambio de ánimo")),
                same_in_both("`mood`", "el mismo `mood`"),
            );
        }
        if actions_sig(&a.promises) != actions_sig(&b.promises) {
            self.differ(
                a.span,
                b.span,
                what(Phrase::new("promise actions", "otras acciones de promesa")),
                same_in_both(
                    "promise ids, actions and limits",
                    "los mismos ids, acciones y límites de promesa",
                ),
            );
        }
        if flags_sig(&a.flags) != flags_sig(&b.flags) {
            self.differ(
                a.span,
                b.span,
                what(Phrase::new("flags", "otras marcas")),
                msg!(
                    "set the same flags in both versions",
                    "pon las mismas marcas (`flags`) en las dos versiones"
                ),
            );
        }
        let (wa, wb) = (
            a.when.as_ref().map(condition_sig),
            b.when.as_ref().map(condition_sig),
        );
        if wa != wb {
            self.differ(
                a.span,
                b.span,
                what(Phrase::new("conditions", "otras condiciones")),
                same_in_both("`when`", "el mismo `when`"),
            );
        }
        if next_sig(&a.next) != next_sig(&b.next) {
            self.differ(
                a.span,
                b.span,
                what(Phrase::new("destinations", "otros destinos")),
                same_in_both("`next`", "el mismo `next`"),
            );
        }
    }
}

/// "use the same X in both versions", the usual parity hint.
fn same_in_both(en: &str, es: &str) -> Bilingual {
    msg!(
        "use the same {en} in both versions",
        "usa {es} en las dos versiones"
    )
}

fn flags_sig(flags: &[FlagRef]) -> Vec<&str> {
    flags.iter().map(|f| f.name.value.as_str()).collect()
}

fn actions_sig(actions: &[PromiseAction]) -> Vec<String> {
    actions
        .iter()
        .map(|action| match action {
            PromiseAction::Make { promise, limit, .. } => {
                format!("make {} {limit:?}", promise.id.value)
            }
            PromiseAction::Keep(p) => format!("keep {}", p.id.value),
            PromiseAction::Break(p) => format!("break {}", p.id.value),
            PromiseAction::Confirm(p) => format!("confirm {}", p.id.value),
            PromiseAction::Retract(p) => format!("retract {}", p.id.value),
        })
        .collect()
}

/// A canonical text form of a condition, for comparisons and display.
pub fn condition_sig(condition: &Condition) -> String {
    condition.to_string()
}

fn next_sig(next: &Next) -> String {
    match next {
        Next::Go(t) => t.id.value.clone(),
        Next::Route {
            branches,
            otherwise,
            ..
        } => {
            let mut out = String::from("Route:");
            for b in branches {
                let _ = write!(out, " {} -> {};", condition_sig(&b.when), b.go.id.value);
            }
            let _ = write!(out, " else {}", otherwise.id.value);
            out
        }
        Next::Random { options, .. } => options
            .iter()
            .map(|o| format!("{}*{}", o.weight, o.go.id.value))
            .collect::<Vec<_>>()
            .join(" | "),
    }
}
