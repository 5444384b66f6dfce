//! Editing a scenario file in place: the file's text and its spanned RON
//! tree, changed one value at a time so that everything outside the
//! edited value (comments, order, formatting, blank lines) stays byte for
//! byte as the trainer wrote it.
//!
//! Every change is re-read by the loader at once, so its diagnostics are
//! always those of the text shown. A change that would not even parse is
//! refused and leaves the text as it was; [`EditDoc::apply_checked`] also
//! refuses one that adds errors, giving those errors back. Undo and redo
//! cover every change; saving is atomic.

mod history;
pub mod locate;
pub mod ops;
pub mod render;
pub mod splice;
pub mod template;
#[cfg(test)]
mod tests;

pub use history::History;
pub use locate::{Step, ValuePath};
pub use render::New;

use super::file::Limits;
use super::load::{Loaded, load_str};
use super::syntax::{self, Bump, Kind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::hash::content_hash;
use crate::lang::{Bilingual, Lang, msg};
use splice::Splice;
use std::path::{Path, PathBuf};

/// The order a person writes fields in, for every kind of struct of the
/// format: a new field goes after the last field written before it here.
const FIELD_ORDER: &[&str] = &[
    "format",
    "id",
    "version",
    "language",
    "title",
    "summary",
    "setting",
    "tags",
    "difficulty",
    "minutes",
    "learning_goals",
    "seed_idea",
    "trainer_notes",
    "discussion_questions",
    "reflection_prompts",
    "customer",
    "start",
    "shuffle_choices",
    "names",
    "gender",
    "persona",
    "business_goals",
    "personal_goals",
    "outcome",
    "claims",
    "speaker",
    "speaker_name",
    "seconds",
    "text",
    "mood_cue",
    "effects",
    "empathy",
    "promise",
    "care",
    "mood",
    "promises",
    "flags",
    "when",
    "time_limit",
    "fixed_order",
    "feedback",
    "debrief",
    "notes",
    "next",
    "choices",
    "branches",
    "otherwise",
    "nodes",
];

/// One change to the file, addressed by value paths.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Write `value` at `path`; a missing last field is inserted in the
    /// order a person would write it.
    Set {
        /// Where.
        path: ValuePath,
        /// The new value.
        value: New,
    },
    /// Remove the field, list item or map entry at `path`.
    Remove {
        /// Where.
        path: ValuePath,
    },
    /// Insert an item into the list at `list`, at `index` (or at the end).
    InsertItem {
        /// The list.
        list: ValuePath,
        /// Its new position.
        index: Option<usize>,
        /// The item.
        value: New,
    },
    /// Insert `"key": value` into the map at `map`, at `index` (or at the end).
    InsertEntry {
        /// The map.
        map: ValuePath,
        /// Its new position.
        index: Option<usize>,
        /// The key (a node id).
        key: String,
        /// The value.
        value: New,
    },
    /// Swap two items of a list (or entries of a map).
    Swap {
        /// The list or map.
        list: ValuePath,
        /// One position.
        a: usize,
        /// The other.
        b: usize,
    },
    /// Copy the map entry `key` as a new entry `new_key` right after it.
    DuplicateEntry {
        /// The map.
        map: ValuePath,
        /// The entry copied.
        key: String,
        /// The copy's key.
        new_key: String,
    },
    /// Rename node `from` to `to`, and every `start`, `next`, `go` and
    /// `otherwise` naming it.
    RenameNode {
        /// The current id.
        from: String,
        /// The new id.
        to: String,
    },
    /// Replace a byte range with a text literal (a one-click fix at a
    /// diagnostic's span).
    ReplaceWithText {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// The text written there, quoted.
        text: String,
    },
}

/// Why a change was not made. The text is unchanged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The path names nothing in the file.
    #[error("nothing at {0}")]
    NotFound(String),
    /// The path names a value of the wrong shape for the change.
    #[error("{0} is not a list, map or struct")]
    WrongShape(String),
    /// The change would leave a file that cannot be read.
    #[error("the change would break the file's syntax")]
    Syntax,
    /// The change would add errors (only from `apply_checked`).
    #[error("the change would add {} error(s)", .0.len())]
    WouldBreak(Vec<Diagnostic>),
    /// Reading or writing the file failed.
    #[error("{0}")]
    Io(String),
}

impl EditError {
    /// The reason in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let text: Bilingual = match self {
            EditError::NotFound(path) => {
                msg!(
                    "nothing at {path} in the file",
                    "no hay nada en {path} en el archivo"
                )
            }
            EditError::WrongShape(path) => msg!(
                "{path} is not a list or a group of fields",
                "{path} no es una lista ni un grupo de campos"
            ),
            EditError::Syntax => msg!(
                "that change would break the file, so it was not made",
                "ese cambio rompería el archivo, así que no se ha hecho"
            ),
            EditError::WouldBreak(diagnostics) => {
                let first = diagnostics
                    .first()
                    .map(|d| d.message.get(lang).to_string())
                    .unwrap_or_default();
                msg!(
                    "not changed: it would cause this problem: {first}",
                    "no se ha cambiado: causaría este problema: {first}"
                )
            }
            EditError::Io(error) => msg!("{error}", "{error}"),
        };
        text.get(lang).to_string()
    }
}

/// A scenario file being edited.
#[derive(Debug, Clone)]
pub struct EditDoc {
    /// The file.
    pub path: PathBuf,
    text: String,
    /// The loader's reading of the current text: scenario and diagnostics.
    pub loaded: Loaded,
    history: History,
    saved_hash: String,
    limits: Limits,
    unit: String,
    newline: &'static str,
    /// Counts changes, so views can refresh what they cache.
    pub generation: u64,
}

impl EditDoc {
    /// A document on `text`, as last saved at `path`.
    pub fn from_text(path: &Path, text: &str, limits: Limits) -> EditDoc {
        EditDoc {
            path: path.to_path_buf(),
            text: text.to_string(),
            loaded: load_str(path, text, &limits),
            history: History::default(),
            saved_hash: content_hash(text.as_bytes()),
            unit: render::indent_unit(text),
            newline: render::line_break(text),
            limits,
            generation: 0,
        }
    }

    /// Reads the file at `path`.
    pub fn open(path: &Path, limits: Limits) -> Result<EditDoc, EditError> {
        let text = super::file::read_text(path, &limits)
            .map_err(|d| EditError::Io(d.message.en.clone()))?;
        Ok(EditDoc::from_text(path, &text, limits))
    }

    /// The current text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The errors of the current text.
    pub fn error_count(&self) -> usize {
        self.loaded.errors().count()
    }

    /// True when the text differs from the file as last saved or read.
    pub fn is_dirty(&self) -> bool {
        content_hash(self.text.as_bytes()) != self.saved_hash
    }

    /// True when `on_disk` is what was last saved or read (so a reload
    /// notice about it is our own save).
    pub fn is_saved_text(&self, on_disk: &str) -> bool {
        content_hash(on_disk.as_bytes()) == self.saved_hash
    }

    /// Applies a change. Refused (text unchanged) when it names nothing
    /// or would leave a file that cannot be parsed.
    pub fn apply(&mut self, edit: &Edit) -> Result<(), EditError> {
        self.apply_keyed(edit, None)
    }

    /// Applies a change; changes in a row with the same `key` (typing in
    /// one field) are one undo step.
    pub fn apply_keyed(&mut self, edit: &Edit, key: Option<&str>) -> Result<(), EditError> {
        let new_text = self.preview(edit)?;
        self.commit(new_text, key.map(str::to_string));
        Ok(())
    }

    /// Applies a change only if it adds no error; otherwise returns the
    /// errors it would add and leaves the text unchanged.
    pub fn apply_checked(&mut self, edit: &Edit) -> Result<(), EditError> {
        let new_text = self.preview(edit)?;
        let loaded = load_str(&self.path, &new_text, &self.limits);
        let before: Vec<Bilingual> = self.loaded.errors().map(|d| d.message.clone()).collect();
        let added: Vec<Diagnostic> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && !before.contains(&d.message))
            .cloned()
            .collect();
        if !added.is_empty() || loaded.scenario.is_none() {
            return Err(EditError::WouldBreak(added));
        }
        self.history.record(&self.text, &new_text, None);
        self.text = new_text;
        self.loaded = loaded;
        self.generation += 1;
        Ok(())
    }

    /// Applies several changes as one undo step; refused as a whole (text
    /// unchanged) if any one of them is.
    pub fn apply_group(&mut self, edits: &[Edit]) -> Result<(), EditError> {
        let mut new_text = self.text.clone();
        for edit in edits {
            new_text = self.preview_on(&new_text, edit)?;
        }
        self.commit(new_text, None);
        Ok(())
    }

    /// True when something is written at `path`.
    pub fn exists(&self, path: &ValuePath) -> bool {
        let arena = Bump::new();
        syntax::parse(&self.text, &arena, self.limits.max_depth)
            .ok()
            .and_then(|root| locate::find(&root, path))
            .is_some()
    }

    /// The text after a change, without making it.
    pub fn preview(&self, edit: &Edit) -> Result<String, EditError> {
        self.preview_on(&self.text, edit)
    }

    fn preview_on(&self, text: &str, edit: &Edit) -> Result<String, EditError> {
        let splices = self.splices(text, edit)?;
        let new_text = splice::apply(text, splices).ok_or(EditError::Syntax)?;
        let arena = Bump::new();
        syntax::parse(&new_text, &arena, self.limits.max_depth).map_err(|_| EditError::Syntax)?;
        Ok(new_text)
    }

    fn commit(&mut self, new_text: String, key: Option<String>) {
        if new_text == self.text {
            return;
        }
        self.history.record(&self.text, &new_text, key);
        self.text = new_text;
        self.reload();
    }

    fn reload(&mut self) {
        self.loaded = load_str(&self.path, &self.text, &self.limits);
        self.generation += 1;
    }

    /// Replaces the whole text (a reload from disk); undo can bring the
    /// previous text back.
    pub fn replace_text(&mut self, text: &str, saved: bool) {
        self.history.seal();
        self.commit(text.to_string(), None);
        if saved {
            self.saved_hash = content_hash(text.as_bytes());
        }
    }

    /// Ends the current undo step (the next keystroke starts a new one).
    pub fn seal(&mut self) {
        self.history.seal();
    }

    /// Reverses the last change.
    pub fn undo(&mut self) -> bool {
        let done = self.history.undo(&mut self.text);
        if done {
            self.reload();
        }
        done
    }

    /// Makes the last undone change again.
    pub fn redo(&mut self) -> bool {
        let done = self.history.redo(&mut self.text);
        if done {
            self.reload();
        }
        done
    }

    /// Steps that can be undone and redone.
    pub fn history_len(&self) -> (usize, usize) {
        (self.history.undo_len(), self.history.redo_len())
    }

    /// Writes the text to its file atomically.
    pub fn save(&mut self) -> Result<(), EditError> {
        let path = self.path.clone();
        self.save_as(&path)
    }

    /// Writes the text to `path` atomically; the document is then that file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), EditError> {
        crate::atomic::replace(path, self.text.as_bytes())
            .map_err(|e| EditError::Io(format!("{}: {e}", path.display())))?;
        self.path = path.to_path_buf();
        self.saved_hash = content_hash(self.text.as_bytes());
        Ok(())
    }

    /// The splices a change makes in the current text.
    fn splices(&self, text: &str, edit: &Edit) -> Result<Vec<Splice>, EditError> {
        let arena = Bump::new();
        let root =
            syntax::parse(text, &arena, self.limits.max_depth).map_err(|_| EditError::Syntax)?;
        let unit = self.unit.as_str();
        let newline = self.newline;
        let find = |path: &ValuePath| {
            locate::find(&root, path).ok_or_else(|| EditError::NotFound(path.to_string()))
        };
        let items = |path: &ValuePath| {
            let value = find(path)?;
            locate::items_of(text, &value).ok_or_else(|| EditError::WrongShape(path.to_string()))
        };
        match edit {
            Edit::Set { path, value } => {
                if let Some(existing) = locate::find(&root, path) {
                    let indent = render::line_indent(text, existing.span.start as usize);
                    return Ok(vec![Splice::new(
                        existing.span.start as usize,
                        existing.span.end as usize,
                        value.render(unit, indent),
                    )]);
                }
                let Some((parent, Step::Field(name))) = path.split_last() else {
                    return Err(EditError::NotFound(path.to_string()));
                };
                let parent_value = find(&parent)?;
                let names = locate::field_names(&parent_value);
                let container = items(&parent)?;
                let index = insert_position(&names, name);
                let name = name.clone();
                Ok(vec![splice::insert(
                    text,
                    &container,
                    index,
                    unit,
                    newline,
                    value.is_block(),
                    |indent| format!("{name}: {}", value.render(unit, indent)),
                )])
            }
            Edit::Remove { path } => {
                let (parent, step) = path
                    .split_last()
                    .ok_or_else(|| EditError::NotFound(path.to_string()))?;
                let parent_value = find(&parent)?;
                let index = match step {
                    Step::Index(i) => Some(*i),
                    Step::Field(name) => locate::field_index(&parent_value, name),
                    Step::Key(key) => locate::key_index(&parent_value, key),
                }
                .ok_or_else(|| EditError::NotFound(path.to_string()))?;
                let container = items(&parent)?;
                splice::remove(text, &container, index)
                    .map(|s| vec![s])
                    .ok_or_else(|| EditError::NotFound(path.to_string()))
            }
            Edit::InsertItem { list, index, value } => {
                let container = items(list)?;
                if !matches!(find(list)?.kind, Kind::List(_)) {
                    return Err(EditError::WrongShape(list.to_string()));
                }
                let index = index.unwrap_or(container.spans.len());
                Ok(vec![splice::insert(
                    text,
                    &container,
                    index,
                    unit,
                    newline,
                    value.is_block(),
                    |indent| value.render(unit, indent),
                )])
            }
            Edit::InsertEntry {
                map,
                index,
                key,
                value,
            } => {
                let container = items(map)?;
                if !matches!(find(map)?.kind, Kind::Map(_)) {
                    return Err(EditError::WrongShape(map.to_string()));
                }
                let index = index.unwrap_or(container.spans.len());
                Ok(vec![splice::insert(
                    text,
                    &container,
                    index,
                    unit,
                    newline,
                    true,
                    |indent| format!("{}: {}", render::quote(key), value.render(unit, indent)),
                )])
            }
            Edit::Swap { list, a, b } => {
                let container = items(list)?;
                splice::swap(text, &container, *a, *b)
                    .ok_or_else(|| EditError::NotFound(list.to_string()))
            }
            Edit::DuplicateEntry { map, key, new_key } => {
                let map_value = find(map)?;
                let index = locate::key_index(&map_value, key)
                    .ok_or_else(|| EditError::NotFound(format!("{map}[{key:?}]")))?;
                let value = find(&map.clone().key(key))?;
                let container = items(map)?;
                let copied = &text[value.span.range()];
                Ok(vec![splice::insert(
                    text,
                    &container,
                    index + 1,
                    unit,
                    newline,
                    true,
                    |_| format!("{}: {copied}", render::quote(new_key)),
                )])
            }
            Edit::RenameNode { from, to } => Ok(rename_splices(&root, from, to)),
            Edit::ReplaceWithText {
                start,
                end,
                text: new,
            } => {
                if *end > text.len() || start > end {
                    return Err(EditError::NotFound(format!("{start}..{end}")));
                }
                Ok(vec![Splice::new(*start, *end, render::quote(new))])
            }
        }
    }
}

/// Where field `name` goes among `names`: after the last field that a
/// person writes before it.
fn insert_position(names: &[&str], name: &str) -> usize {
    let rank = |n: &str| FIELD_ORDER.iter().position(|f| *f == n);
    let Some(new_rank) = rank(name) else {
        return names.len();
    };
    names
        .iter()
        .rposition(|n| rank(n).is_some_and(|r| r < new_rank))
        .map_or(0, |i| i + 1)
}

/// Every text naming node `from`: its key, `start`, and each `next`,
/// `go` and `otherwise`.
fn rename_splices(root: &syntax::Value<'_>, from: &str, to: &str) -> Vec<Splice> {
    let mut out = Vec::new();
    let quoted = render::quote(to);
    let mut stack: Vec<(Option<&str>, syntax::Value<'_>)> = vec![(None, *root)];
    let mut steps = 0usize;
    while let Some((field, value)) = stack.pop() {
        steps += 1;
        if steps > 10_000_000 {
            break;
        }
        match value.kind {
            Kind::Str(s) if s.text == from => {
                if matches!(field, Some("start" | "next" | "go" | "otherwise")) {
                    out.push(Splice::new(
                        value.span.start as usize,
                        value.span.end as usize,
                        quoted.clone(),
                    ));
                }
            }
            Kind::Struct { fields, .. } => {
                stack.extend(fields.iter().map(|f| (Some(f.name.name), f.value)));
            }
            Kind::List(items) | Kind::Tuple { items, .. } => {
                stack.extend(items.iter().map(|v| (field, *v)));
            }
            Kind::Map(entries) => {
                for (key, value) in entries {
                    if field == Some("nodes") && matches!(key.kind, Kind::Str(s) if s.text == from)
                    {
                        out.push(Splice::new(
                            key.span.start as usize,
                            key.span.end as usize,
                            quoted.clone(),
                        ));
                    }
                    stack.push((None, *value));
                }
            }
            _ => {}
        }
    }
    out
}
