//! The scenario format, whole: a file is read ([`file`]) and parsed as RON
//! ([`syntax`]), decoded into the model ([`decode`], [`model`]), its names
//! resolved ([`placeholder`], `resolve`) and checked ([`check`]); [`load`]
//! runs those steps in that order and gathers every diagnostic.

pub mod check;
pub mod decode;
pub mod edit;
pub mod file;
pub mod load;
pub mod model;
pub mod placeholder;
mod resolve;
pub mod syntax;

pub use file::Limits;
pub use load::{Loaded, load_file, load_str};
pub use model::*;
