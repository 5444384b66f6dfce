//! Printable handouts as PDF: the facilitator sheet of a scenario, the
//! debrief of an attempt to take home, and the debrief of a group session
//! with the room's votes.
//!
//! No egui here: the command line and the app's buttons both call these
//! functions. [`layout`] lays text out on A4 pages as plain drawing
//! operations; `render` writes them with `krilla`, embedding a subset of
//! the bundled DejaVu Sans ([`fonts`]).

mod doc;
mod error;
pub mod facilitator;
pub mod fonts;
pub mod group;
pub mod layout;
mod render;
pub mod save;
pub mod texts;
pub mod trainee;
pub mod votes;

pub use error::{Handout, HandoutError};
pub use facilitator::{best_replies, facilitator_sheet};
pub use group::group_debrief;
pub use trainee::{exact_review, trainee_debrief};
pub use votes::{DecisionVotes, ReplyVotes};

#[cfg(test)]
mod tests;
