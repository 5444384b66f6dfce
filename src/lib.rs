//! Momento: a simulator for practising the moments of truth of customer
//! service.
//!
//! The library holds everything that is not drawing: the scenario format
//! and its loader ([`scenario`]), validation ([`validate`]), the play engine
//! ([`engine`]), the scoring model ([`scoring`]), automated analysis
//! ([`analysis`]) and the built-in scenario library ([`library`]). The GUI
//! ([`ui`]) is a thin layer that renders what the engine says.

pub mod analysis;
pub mod cli;
pub mod debrief;
pub mod diagnostic;
pub mod engine;
pub mod generate;
pub mod graph;
pub mod i18n;
pub mod library;
pub mod records;
pub mod ron_tree;
pub mod scenario;
pub mod scoring;
pub mod source;
pub mod ui;
pub mod validate;
pub mod watch;
