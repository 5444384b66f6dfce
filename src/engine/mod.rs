//! The play engine: a session is a state machine that takes replies and
//! gives out events (events out, choices in). [`session`] plays,
//! [`promises`] keeps the ledger, [`replay`] saves and restores, [`view`]
//! holds what a session shows, [`event`] what it reports.

pub mod error;
pub mod event;
mod promises;
pub mod replay;
pub mod rng;
pub mod session;
pub mod view;

pub use crate::scenario::ReplyRef;
pub use crate::scoring::Cause;
pub use error::EngineError;
pub use event::{ActionAt, Event, scorecard};
pub use replay::{Divergence, RestoreError, SavedInput, SavedSession};
pub use rng::{Rng, assessment_seed, fresh_seed};
pub use session::{Session, reply_of};
pub use view::{
    ChoiceView, LineSpeaker, Mode, MoodLevel, PlayState, PromiseEntry, PromiseStatus, StartState,
    Step, TranscriptLine,
};
