//! Saving a session as a plain value, and restoring or replaying it:
//! the same scenario, seed and replies always give the same session.

use super::error::EngineError;
use super::session::Session;
use super::view::{Mode, StartState};
use crate::i18n::fill;
use crate::lang::Lang;
use crate::scenario::model::*;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A reply in a saved session, by ids so it survives a re-read scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedInput {
    /// The node id.
    pub node: String,
    /// The choice id, or `"timeout"`.
    pub reply: String,
    /// Milliseconds taken, if measured.
    #[serde(default)]
    pub elapsed_ms: Option<u32>,
}

/// A whole session as a plain value: enough to restore it exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSession {
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario version.
    pub scenario_version: u32,
    /// Hash of the scenario file.
    pub content_hash: String,
    /// The seed.
    pub seed: u64,
    /// Practice or assessment.
    pub mode: Mode,
    /// The trainee's name.
    #[serde(default)]
    pub trainee: String,
    /// Set when the session started somewhere other than the start node.
    #[serde(default)]
    pub start: Option<StartState>,
    /// Every reply, in order.
    pub inputs: Vec<SavedInput>,
}

/// Why a saved session cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    /// Different scenario.
    WrongScenario {
        /// In the save.
        saved: String,
        /// Offered.
        loaded: String,
    },
    /// The scenario file changed since the attempt.
    ScenarioChanged {
        /// Version in the save.
        saved_version: u32,
        /// Version loaded now.
        loaded_version: u32,
    },
    /// A reply in the save no longer fits the scenario.
    Diverged {
        /// 1-based step.
        step: usize,
        /// What did not match.
        divergence: Divergence,
    },
    /// The engine refused.
    Engine(EngineError),
}

/// How a saved reply no longer fits the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Divergence {
    /// The save goes on after an ending.
    AlreadyEnded,
    /// The save was at another node.
    WrongNode {
        /// The node in the save.
        expected: String,
        /// The node the scenario is at.
        found: String,
    },
    /// The saved reply is not offered there any more.
    ReplyNotOffered {
        /// The saved reply.
        reply: String,
        /// Its node.
        node: String,
    },
}

impl RestoreError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            RestoreError::WrongScenario { saved, loaded } => fill(
                t.err_wrong_scenario,
                &[("saved", saved), ("loaded", loaded)],
            ),
            RestoreError::ScenarioChanged {
                saved_version,
                loaded_version,
            } => fill(
                t.history_scenario_changed,
                &[
                    ("then", &saved_version.to_string()),
                    ("now", &loaded_version.to_string()),
                ],
            ),
            RestoreError::Diverged { step, divergence } => {
                let reason = match divergence {
                    Divergence::AlreadyEnded => t.err_diverged_ended.to_string(),
                    Divergence::WrongNode { expected, found } => fill(
                        t.err_diverged_node,
                        &[("expected", expected), ("found", found)],
                    ),
                    Divergence::ReplyNotOffered { reply, node } => {
                        fill(t.err_diverged_reply, &[("reply", reply), ("node", node)])
                    }
                };
                fill(
                    t.err_diverged,
                    &[("step", &step.to_string()), ("reason", &reason)],
                )
            }
            RestoreError::Engine(error) => error.message(lang),
        }
    }
}

impl From<EngineError> for RestoreError {
    fn from(error: EngineError) -> Self {
        RestoreError::Engine(error)
    }
}

/// English, for logs; people see [`RestoreError::message`] in their language.
impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RestoreError {}

impl Session {
    /// The session as a plain value.
    pub fn save(&self) -> SavedSession {
        SavedSession {
            scenario_id: self.scenario.id.value.clone(),
            scenario_version: self.scenario.version,
            content_hash: self.scenario.source.content_hash.clone(),
            seed: self.seed,
            mode: self.mode,
            trainee: self.trainee.clone(),
            start: self.start.clone(),
            inputs: self
                .steps
                .iter()
                .map(|step| {
                    let node = &self.scenario.nodes[step.node as usize];
                    SavedInput {
                        node: node.id.value.clone(),
                        reply: match step.reply {
                            ReplyRef::Choice(c) => node.choices()[c as usize].id.value.clone(),
                            ReplyRef::Timeout => "timeout".to_string(),
                        },
                        elapsed_ms: step.elapsed_ms,
                    }
                })
                .collect(),
        }
    }

    /// Restores a saved session, refusing if the scenario changed since.
    pub fn restore(scenario: Arc<Scenario>, saved: &SavedSession) -> Result<Session, RestoreError> {
        if saved.scenario_id != scenario.id.value {
            return Err(RestoreError::WrongScenario {
                saved: saved.scenario_id.clone(),
                loaded: scenario.id.value.clone(),
            });
        }
        if saved.content_hash != scenario.source.content_hash {
            return Err(RestoreError::ScenarioChanged {
                saved_version: saved.scenario_version,
                loaded_version: scenario.version,
            });
        }
        Session::replay(scenario, saved)
    }

    /// Replays a saved session on `scenario` without checking the hash
    /// (for replaying an old attempt on a changed scenario, after warning).
    pub fn replay(scenario: Arc<Scenario>, saved: &SavedSession) -> Result<Session, RestoreError> {
        let mut session = match &saved.start {
            Some(start) => Session::starting_at(scenario, saved.seed, saved.mode, start.clone())?,
            None => Session::new(scenario, saved.seed, saved.mode)?,
        };
        session.trainee = saved.trainee.clone();
        for (i, input) in saved.inputs.iter().enumerate() {
            let step = i + 1;
            if session.is_finished() {
                return Err(RestoreError::Diverged {
                    step,
                    divergence: Divergence::AlreadyEnded,
                });
            }
            if session.node().id.value != input.node {
                return Err(RestoreError::Diverged {
                    step,
                    divergence: Divergence::WrongNode {
                        expected: input.node.clone(),
                        found: session.node().id.value.clone(),
                    },
                });
            }
            if input.reply == "timeout" && session.node().time_limit().is_some() {
                session.time_out_after(input.elapsed_ms)?;
                continue;
            }
            let choices = session.node().choices();
            let position = session
                .order
                .iter()
                .position(|&c| choices[c as usize].id.value == input.reply)
                .ok_or_else(|| RestoreError::Diverged {
                    step,
                    divergence: Divergence::ReplyNotOffered {
                        reply: input.reply.clone(),
                        node: input.node.clone(),
                    },
                })?;
            session.choose_timed(position, input.elapsed_ms)?;
        }
        Ok(session)
    }
}
