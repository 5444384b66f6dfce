//! What can go wrong when driving a session, in either language.

use crate::i18n::fill;
use crate::lang::Lang;

/// What can go wrong when driving a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// The scenario has errors and cannot be played.
    NotPlayable,
    /// The conversation has already ended.
    Finished,
    /// No reply at that position.
    NoSuchChoice(usize),
    /// The current node has no time limit.
    NoTimeLimit,
    /// Undo is only for practice mode.
    UndoInAssessment,
    /// Nothing to undo.
    NothingToUndo,
    /// A node named in a start state does not exist.
    UnknownNode(String),
    /// A start node that is an ending.
    StartAtEnding(String),
}

impl EngineError {
    /// What went wrong, in `lang` (the `Display` form is English, for logs).
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            EngineError::NotPlayable => t.cli_not_playable.to_string(),
            EngineError::Finished => t.err_finished.to_string(),
            EngineError::NoSuchChoice(number) => {
                fill(t.err_no_such_choice, &[("number", &number.to_string())])
            }
            EngineError::NoTimeLimit => t.err_no_time_limit.to_string(),
            EngineError::UndoInAssessment => t.err_undo_in_assessment.to_string(),
            EngineError::NothingToUndo => t.err_nothing_to_undo.to_string(),
            EngineError::UnknownNode(node) => fill(t.err_unknown_node, &[("node", node)]),
            EngineError::StartAtEnding(node) => fill(t.err_start_at_ending, &[("node", node)]),
        }
    }
}

/// English, for logs; people see [`EngineError::message`] in their language.
impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for EngineError {}
