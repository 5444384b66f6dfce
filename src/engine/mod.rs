//! The play engine: sessions, their events, and the seeded generator.

pub mod event;
pub mod rng;
pub mod session;

pub use event::{ActionAt, Cause, Event, ReplyRef};
pub use rng::{Rng, fresh_seed};
pub use session::{
    ChoiceView, Divergence, EngineError, LineSpeaker, Mode, MoodLevel, PlayState, PromiseEntry,
    PromiseStatus, RestoreError, SavedInput, SavedSession, Session, StartState, Step,
    TranscriptLine, reply_of,
};
