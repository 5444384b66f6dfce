//! Language parity: the Spanish and English versions of one scenario must
//! share ids, choices and effects, so a score means the same in both.

use crate::diagnostic::{Code, Diagnostic, Related, Reporter};
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
            format!("the versions differ ({} and {})", sa.version, sb.version),
            "bump both files to the same `version`",
        );
    }
    if sa.start.id.value != sb.start.id.value {
        cmp.differ(
            sa.start.id.span,
            sb.start.id.span,
            format!(
                "the start nodes differ (`{}` and `{}`)",
                sa.start.id.value, sb.start.id.value
            ),
            "start both versions at the same node",
        );
    }
    if sa.customer.mood != sb.customer.mood {
        cmp.differ(
            sa.customer.persona.span,
            sb.customer.persona.span,
            "the customer's starting mood differs".to_string(),
            "use the same `mood` in both versions",
        );
    }
    if sa.shuffle_choices != sb.shuffle_choices {
        cmp.differ(
            sa.id.span,
            sb.id.span,
            "`shuffle_choices` differs".to_string(),
            "use the same value in both versions",
        );
    }
    for node_a in &sa.nodes {
        let Some(node_b) = sb.node_by_id(&node_a.id.value).and_then(|i| sb.node(i)) else {
            cmp.only_one_side(
                node_a.id.span,
                format!("node `{}` exists only in this version", node_a.id.value),
                sb.id.span,
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
                format!("node `{}` is missing from this version", node_b.id.value),
                "add the node here too, with the same id, choices and effects",
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
    fn differ(&mut self, a_span: Span, b_span: Span, message: String, hint: &str) {
        let mut diagnostic = self.a_reporter.make(
            Code::E030,
            a_span,
            format!(
                "the `{}` and `{}` versions differ: {message}",
                self.a_lang, self.b_lang
            ),
            hint,
        );
        let other = self.b_reporter.make(Code::E030, b_span, "", "");
        diagnostic.related = Some(Related {
            file: other.file,
            start: other.start,
            message: format!("the `{}` version is here", self.b_lang),
        });
        self.a_reporter.diagnostics.push(diagnostic);
    }

    fn only_one_side(&mut self, a_span: Span, message: String, b_span: Span) {
        self.differ(
            a_span,
            b_span,
            message,
            "add it to the other version with the same id, or remove it here",
        );
    }

    fn nodes(&mut self, a: &Node, b: &Node) {
        let id = &a.id.value;
        if a.is_ending() != b.is_ending() || a.outcome() != b.outcome() {
            self.differ(
                a.span,
                b.span,
                format!("node `{id}` is a different kind of node or ending"),
                "make both the same kind (Node or Ending) with the same outcome",
            );
            return;
        }
        if a.speaker != b.speaker {
            self.differ(
                a.span,
                b.span,
                format!("node `{id}` has a different speaker"),
                "use the same `speaker` in both versions",
            );
        }
        if a.mood != b.mood
            || actions_sig(&a.promises) != actions_sig(&b.promises)
            || flags_sig(&a.flags) != flags_sig(&b.flags)
        {
            self.differ(
                a.span,
                b.span,
                format!("node `{id}` changes mood, promises or flags differently"),
                "use the same `mood`, `promises` and `flags` in both versions",
            );
        }
        let (ta, tb) = (a.time_limit(), b.time_limit());
        match (ta, tb) {
            (Some(ta), Some(tb)) => {
                if ta.seconds != tb.seconds {
                    self.differ(
                        ta.reply.span,
                        tb.reply.span,
                        format!("node `{id}` has a different time limit"),
                        "use the same `seconds` in both versions",
                    );
                }
                self.replies(id, &ta.reply, &tb.reply);
            }
            (None, None) => {}
            _ => self.differ(
                a.span,
                b.span,
                format!("only one version of node `{id}` has a time limit"),
                "add or remove the `time_limit` so both match",
            ),
        }
        let (ca, cb) = (a.choices(), b.choices());
        for (i, choice_a) in ca.iter().enumerate() {
            match cb.iter().position(|c| c.id.value == choice_a.id.value) {
                Some(j) if i == j => self.replies(id, choice_a, &cb[j]),
                Some(j) => self.differ(
                    choice_a.id.span,
                    cb[j].id.span,
                    format!(
                        "choice `{}` of node `{id}` is in a different position",
                        choice_a.id.value
                    ),
                    "list the choices in the same order in both versions",
                ),
                None => self.only_one_side(
                    choice_a.id.span,
                    format!(
                        "choice `{}` of node `{id}` exists only in this version",
                        choice_a.id.value
                    ),
                    b.span,
                ),
            }
        }
        for choice_b in cb {
            if !ca.iter().any(|c| c.id.value == choice_b.id.value) {
                self.differ(
                    a.span,
                    choice_b.id.span,
                    format!(
                        "choice `{}` of node `{id}` is missing from this version",
                        choice_b.id.value
                    ),
                    "add the choice here too, with the same id and effects",
                );
            }
        }
    }

    fn replies(&mut self, node: &str, a: &Choice, b: &Choice) {
        let what = |field: &str| {
            format!(
                "choice `{}` of node `{node}` has different {field}",
                a.id.value
            )
        };
        if a.effects != b.effects {
            self.differ(
                a.span,
                b.span,
                what("effects"),
                "use the same `effects` in both versions",
            );
        }
        if a.mood != b.mood {
            self.differ(
                a.span,
                b.span,
                what("mood"),
                "use the same `mood` in both versions",
            );
        }
        if actions_sig(&a.promises) != actions_sig(&b.promises) {
            self.differ(
                a.span,
                b.span,
                what("promise actions"),
                "use the same promise ids, actions and limits in both versions",
            );
        }
        if flags_sig(&a.flags) != flags_sig(&b.flags) {
            self.differ(
                a.span,
                b.span,
                what("flags"),
                "set the same flags in both versions",
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
                what("conditions"),
                "use the same `when` in both versions",
            );
        }
        if next_sig(&a.next) != next_sig(&b.next) {
            self.differ(
                a.span,
                b.span,
                what("destinations"),
                "use the same `next` in both versions",
            );
        }
    }
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
        })
        .collect()
}

/// A canonical text form of a condition, for comparisons and display.
pub fn condition_sig(condition: &Condition) -> String {
    let mut out = String::new();
    write_condition(&mut out, condition);
    out
}

fn write_condition(out: &mut String, condition: &Condition) {
    let _ = match condition {
        Condition::MoodAtLeast(n) => write!(out, "MoodAtLeast({n})"),
        Condition::MoodBelow(n) => write!(out, "MoodBelow({n})"),
        Condition::Flag(f) => write!(out, "Flag({:?})", f.name.value),
        Condition::NotFlag(f) => write!(out, "NotFlag({:?})", f.name.value),
        Condition::PromiseOpen(p) => write!(out, "PromiseOpen({:?})", p.id.value),
        Condition::PromiseKept(p) => write!(out, "PromiseKept({:?})", p.id.value),
        Condition::All(parts) | Condition::Any(parts) => {
            out.push_str(if matches!(condition, Condition::All(_)) {
                "All(["
            } else {
                "Any(["
            });
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_condition(out, part);
            }
            out.push_str("])");
            Ok(())
        }
        Condition::Not(inner) => {
            out.push_str("Not(");
            write_condition(out, inner);
            out.push(')');
            Ok(())
        }
    };
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
