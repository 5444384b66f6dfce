//! Momento: a simulator for practising the moments of truth of customer
//! service.
//!
//! The library holds everything that is not drawing: the scenario format
//! ([`scenario`]: reading, parsing, decoding, checking), the built-in
//! scenario library ([`library`]), the scoring model ([`scoring`]), the
//! play engine ([`engine`]), automated analysis ([`analysis`]), the debrief
//! ([`debrief`]) and attempt records ([`records`]). The GUI ([`ui`]) and
//! the command line ([`cli`]) are thin layers on top. Modules depend only
//! on the ones below them; `tests/module_graph.rs` keeps it so.

pub mod analysis;
pub mod atomic;
pub mod cli;
pub mod debrief;
pub mod diagnostic;
pub mod engine;
pub mod generate;
pub mod graph;
pub mod handout;
pub mod hash;
pub mod i18n;
pub mod labels;
pub mod lang;
pub mod library;
pub mod plan;
pub mod records;
pub mod regular;
pub mod scenario;
pub mod scoring;
pub mod source;
pub mod terminal;
pub mod ui;
pub mod watch;

pub mod paths;
pub mod version;
