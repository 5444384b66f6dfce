//! Where a value is: a path of field names, list positions and map keys
//! from the top of the file, resolved against the spanned RON tree.

use crate::scenario::syntax::{Kind, Value};
use std::fmt;

/// One step down the tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// A struct's field by name.
    Field(String),
    /// An item of a list or tuple, or an entry of a map, by position.
    Index(usize),
    /// A map entry by its text key (a node id).
    Key(String),
}

/// A value's address in a scenario file, e.g. `nodes["counter"].choices[1].text`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ValuePath(pub Vec<Step>);

impl ValuePath {
    /// The whole file.
    pub fn root() -> ValuePath {
        ValuePath(Vec::new())
    }

    /// A node: `nodes["id"]`.
    pub fn node(node_id: &str) -> ValuePath {
        ValuePath::root().field("nodes").key(node_id)
    }

    /// A reply: `nodes["id"].choices[i]`.
    pub fn choice(node_id: &str, choice: usize) -> ValuePath {
        ValuePath::node(node_id).field("choices").index(choice)
    }

    /// This path, then a field.
    pub fn field(mut self, name: &str) -> ValuePath {
        self.0.push(Step::Field(name.to_string()));
        self
    }

    /// This path, then a position.
    pub fn index(mut self, index: usize) -> ValuePath {
        self.0.push(Step::Index(index));
        self
    }

    /// This path, then a map key.
    pub fn key(mut self, key: &str) -> ValuePath {
        self.0.push(Step::Key(key.to_string()));
        self
    }

    /// The container and the last step, unless this is the root.
    pub fn split_last(&self) -> Option<(ValuePath, &Step)> {
        let (last, rest) = self.0.split_last()?;
        Some((ValuePath(rest.to_vec()), last))
    }

    /// True when `self` is `other` or inside it.
    pub fn starts_with(&self, other: &ValuePath) -> bool {
        self.0.starts_with(&other.0)
    }
}

impl fmt::Display for ValuePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => write!(f, "{name}")?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
                Step::Key(key) => write!(f, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}

/// The value at `path`, if there is one.
pub fn find<'a>(root: &Value<'a>, path: &ValuePath) -> Option<Value<'a>> {
    let mut value = *root;
    for step in &path.0 {
        value = child(&value, step)?;
    }
    Some(value)
}

fn child<'a>(value: &Value<'a>, step: &Step) -> Option<Value<'a>> {
    match (&value.kind, step) {
        (Kind::Struct { fields, .. }, Step::Field(name)) => fields
            .iter()
            .find(|f| f.name.name == name.as_str())
            .map(|f| f.value),
        (Kind::Struct { fields, .. }, Step::Index(index)) => fields.get(*index).map(|f| f.value),
        (Kind::List(items), Step::Index(index))
        | (Kind::Tuple { items, .. }, Step::Index(index)) => items.get(*index).copied(),
        (Kind::Map(entries), Step::Index(index)) => entries.get(*index).map(|(_, v)| *v),
        (Kind::Map(entries), Step::Key(key)) => entries
            .iter()
            .find(|(k, _)| matches!(k.kind, Kind::Str(s) if s.text == key.as_str()))
            .map(|(_, v)| *v),
        _ => None,
    }
}

/// The position of field `name` among a struct's fields.
pub fn field_index(value: &Value<'_>, name: &str) -> Option<usize> {
    match value.kind {
        Kind::Struct { fields, .. } => fields.iter().position(|f| f.name.name == name),
        _ => None,
    }
}

/// The position of the entry with text key `key` in a map.
pub fn key_index(value: &Value<'_>, key: &str) -> Option<usize> {
    match value.kind {
        Kind::Map(entries) => entries
            .iter()
            .position(|(k, _)| matches!(k.kind, Kind::Str(s) if s.text == key)),
        _ => None,
    }
}

/// The field names of a struct, in file order.
pub fn field_names<'a>(value: &Value<'a>) -> Vec<&'a str> {
    match value.kind {
        Kind::Struct { fields, .. } => fields.iter().map(|f| f.name.name).collect(),
        _ => Vec::new(),
    }
}

/// The items of a container: where it opens and closes and the span of
/// each item (a field with its name, a map entry with its key).
#[derive(Debug, Clone)]
pub struct Items {
    /// The byte after the opening bracket.
    pub open: usize,
    /// The byte of the closing bracket.
    pub close: usize,
    /// Each item's first and one-past-last byte.
    pub spans: Vec<(usize, usize)>,
}

/// The items of a list, tuple, struct or map; `None` for a scalar.
pub fn items_of(text: &str, value: &Value<'_>) -> Option<Items> {
    let (name_end, spans): (usize, Vec<(usize, usize)>) = match value.kind {
        Kind::List(items) => (
            value.span.start as usize,
            items
                .iter()
                .map(|v| (v.span.start as usize, v.span.end as usize))
                .collect(),
        ),
        Kind::Tuple { name, items } => (
            name.map_or(value.span.start, |n| n.span.end) as usize,
            items
                .iter()
                .map(|v| (v.span.start as usize, v.span.end as usize))
                .collect(),
        ),
        Kind::Struct { name, fields } => (
            name.map_or(value.span.start, |n| n.span.end) as usize,
            fields
                .iter()
                .map(|f| (f.name.span.start as usize, f.value.span.end as usize))
                .collect(),
        ),
        Kind::Map(entries) => (
            value.span.start as usize,
            entries
                .iter()
                .map(|(k, v)| (k.span.start as usize, v.span.end as usize))
                .collect(),
        ),
        _ => return None,
    };
    let end = value.span.end as usize;
    let open = text
        .get(name_end..end)?
        .find(['(', '[', '{'])
        .map(|i| name_end + i + 1)?;
    let close = end.checked_sub(1)?;
    (open <= close).then_some(Items { open, close, spans })
}
