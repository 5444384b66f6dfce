//! Turns the spanned RON tree into a [`Scenario`], reporting every mistake
//! with its position instead of stopping at the first.
//!
//! Decoding is forgiving: a bad value is reported and replaced by a default
//! so that later mistakes are found in the same pass.

use super::file::Limits;
use super::model::*;
use super::placeholder;
use crate::diagnostic::{Code, Reporter, closest};
use crate::lang::{Bilingual, Phrase, msg};
use crate::scenario::syntax::{Field, Ident, Kind, Value};
use crate::source::{Span, Spanned};

/// How messages name a field whose value is wrong: "`seconds`" in
/// English, "el campo `seconds`" in Spanish.
macro_rules! field {
    ($name:literal) => {
        Phrase::new(concat!("`", $name, "`"), concat!("el campo `", $name, "`"))
    };
}

mod fields;
mod header;
mod nodes;
mod promises;
mod routes;
mod scalars;

/// Largest score change one reply may carry on one dimension.
pub const MAX_EFFECT: i32 = 10;

/// Decodes a parsed file into a scenario, reporting problems to `reporter`.
pub fn decode(root: &Value, reporter: &mut Reporter, limits: &Limits) -> Scenario {
    let mut decoder = Decoder {
        reporter,
        limits,
        default_next: None,
    };
    decoder.scenario(root)
}

struct Decoder<'r, 't> {
    reporter: &'r mut Reporter<'t>,
    limits: &'r Limits,
    /// The `next` of the node being decoded: where its replies without a
    /// `next` of their own go.
    default_next: Option<Next>,
}

/// The fields of one structure, with unknown and duplicate names already
/// reported, and a record of which were read so missing ones are caught.
struct Fields<'v> {
    what: Phrase<'static>,
    span: Span,
    fields: &'v [Field<'v>],
    /// Valid names that an unknown field was probably meant to be: a
    /// missing-field error for them would repeat the same mistake.
    misspelled: Vec<&'static str>,
}

impl<'v> Fields<'v> {
    fn get(&self, name: &str) -> Option<&'v Value<'v>> {
        self.fields
            .iter()
            .find(|f| f.name.name == name)
            .map(|f| unwrap_some(&f.value))
            .filter(|v| !is_none(v))
    }
}

fn unwrap_some<'v>(value: &'v Value<'v>) -> &'v Value<'v> {
    match &value.kind {
        Kind::Tuple {
            name: Some(name),
            items,
        } if name.name == "Some" && items.len() == 1 => &items[0],
        _ => value,
    }
}

fn is_none(value: &Value) -> bool {
    matches!(&value.kind, Kind::Unit(ident) if ident.name == "None")
}

fn list_names(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "did you mean `x`? " when one of `candidates` is close to `wrong`,
/// else nothing: the start of a hint.
fn did_you_mean<'c>(wrong: &str, candidates: impl IntoIterator<Item = &'c str>) -> Bilingual {
    match closest(wrong, candidates) {
        Some(near) => msg!("did you mean `{near}`? ", "quizá querías decir `{near}`; "),
        None => Bilingual::default(),
    }
}

impl<'r, 't> Decoder<'r, 't> {
    fn report(&mut self, code: Code, span: Span, message: Bilingual, hint: Bilingual) {
        self.reporter.report(code, span, message, hint);
    }
}
