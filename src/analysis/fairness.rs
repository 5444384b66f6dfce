//! What `momento check` adds once a scenario plays: the endings' claims
//! proven on every path, and the strategy audit, as located diagnostics.
//!
//! A broken claim is an error (a text would tell a trainee something false,
//! and the message gives the path that shows it); an unfair strategy result
//! is a warning, which `--deny-warnings` turns into a failure.

use super::audit::{self, Strategy};
use super::paths;
use super::results::{AuditWarning, Options};
use crate::diagnostic::{Code, Diagnostic, Reporter};
use crate::engine::{Mode, Session};
use crate::lang::msg;
use crate::scenario::model::*;
use crate::source::Span;
use std::path::Path;
use std::sync::Arc;

/// Random runs used where a strategy has too many branches to follow.
const CHECK_RUNS: usize = 500;

/// The claims and strategy-audit diagnostics of a playable scenario read
/// from `path` with source `text`.
pub fn diagnostics(path: &Path, text: &str, scenario: &Arc<Scenario>) -> Vec<Diagnostic> {
    let options = Options {
        runs: CHECK_RUNS,
        ..Options::default()
    };
    let Ok(mut session) = Session::new(Arc::clone(scenario), options.seed, Mode::Practice) else {
        return Vec::new();
    };
    let reporter = Reporter::new(path, text);
    let mut found = Vec::new();
    let walk = paths::walk_all(scenario, &mut session, &options);
    for violation in &walk.claims.violations {
        let span = claim_span(scenario, &violation.ending, violation.index);
        let path = violation.path.join(" → ");
        let mood = violation.start_mood;
        found.push(reporter.make(
            Code::E040,
            span,
            msg!(
                "the ending `{ending}` claims `{claim}`, but this path reaches it without: {path} (starting mood {mood})",
                "el final `{ending}` afirma `{claim}`, pero este camino llega sin cumplirlo: {path} (ánimo inicial {mood})",
                ending = violation.ending,
                claim = violation.claim,
            ),
            msg!(
                "route that path to another ending, or change the text and the claim so they hold for it",
                "lleva ese camino a otro final, o cambia el texto y la afirmación para que se cumplan en él"
            ),
        ));
    }
    let strategies: Vec<_> = [
        Strategy::GreedyMood,
        Strategy::AlwaysPromise,
        Strategy::NeverConfirm,
        Strategy::LeastCare,
    ]
    .iter()
    .filter_map(|&s| audit::audit_strategy(scenario, s, &options))
    .collect();
    let warnings = audit::warnings(
        scenario,
        &strategies,
        walk.best.as_ref().map(|b| (b.ending.as_str(), b.outcome)),
        walk.claims.proven,
    );
    for warning in warnings {
        let (code, span) = match &warning {
            AuditWarning::FailingStrategyKept { .. } => (Code::W004, scenario.id.span),
            AuditWarning::GreedyMoodKeptByUnrealistic { .. } => (Code::W005, scenario.id.span),
            AuditWarning::BestPathNotKept { ending, .. } => {
                (Code::W006, node_span(scenario, ending))
            }
            AuditWarning::UnrealisticPromiseTops { node, reply, .. } => {
                (Code::W007, reply_span(scenario, node, reply))
            }
            AuditWarning::ClaimsNotProven => (Code::W008, scenario.id.span),
        };
        let (message, hint) = warning.message();
        found.push(reporter.make(code, span, message, hint));
    }
    found
}

fn node_span(scenario: &Scenario, id: &str) -> Span {
    scenario
        .node_by_id(id)
        .and_then(|n| scenario.node(n))
        .map_or(scenario.id.span, |n| n.id.span)
}

fn claim_span(scenario: &Scenario, ending: &str, index: usize) -> Span {
    scenario
        .node_by_id(ending)
        .and_then(|n| scenario.node(n))
        .and_then(|node| match &node.body {
            NodeBody::Ending { claims, .. } => claims.get(index).map(|c| c.span),
            NodeBody::Scene { .. } => None,
        })
        .unwrap_or_else(|| node_span(scenario, ending))
}

fn reply_span(scenario: &Scenario, node: &str, reply: &str) -> Span {
    scenario
        .node_by_id(node)
        .and_then(|n| scenario.node(n))
        .and_then(|n| n.choices().iter().find(|c| c.id.value == reply))
        .map_or_else(|| node_span(scenario, node), |c| c.id.span)
}
