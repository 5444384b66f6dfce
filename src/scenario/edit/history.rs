//! Undo and redo as the inverse of each change: the bytes a change
//! replaced and where, so a long session on a large file keeps only what
//! changed. Typing into one field is one step, not one per key.

/// One change, stored so it can be reversed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    /// Where the change starts (the same before and after).
    start: usize,
    /// The bytes there before.
    before: String,
    /// The bytes there after.
    after: String,
    /// Changes with the same key in a row merge into one step.
    key: Option<String>,
}

/// At most this many steps are kept; the oldest go first.
pub const MAX_STEPS: usize = 1_000;
/// At most this many bytes of stored text; the oldest steps go first.
pub const MAX_BYTES: usize = 64 << 20;

/// The undo and redo stacks.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Consecutive edits with the same key may no longer merge (e.g. the
    /// field lost focus).
    sealed: bool,
}

/// The smallest window in which `old` and `new` differ: `(start, old_end, new_end)`.
pub fn diff_window(old: &str, new: &str) -> (usize, usize, usize) {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix, old.len() - suffix, new.len() - suffix)
}

fn replace(text: &mut String, start: usize, old_len: usize, with: &str) -> bool {
    let end = start + old_len;
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    text.replace_range(start..end, with);
    true
}

impl History {
    /// Records the change from `old` to `new` (the whole texts).
    pub fn record(&mut self, old: &str, new: &str, key: Option<String>) {
        let (start, old_end, new_end) = diff_window(old, new);
        let change = Change {
            start,
            before: old[start..old_end].to_string(),
            after: new[start..new_end].to_string(),
            key,
        };
        self.redo.clear();
        if let Some(top) = self.undo.last_mut()
            && !self.sealed
            && top.key.is_some()
            && top.key == change.key
            && change.start >= top.start
            && change.start + change.before.len() <= top.start + top.after.len()
        {
            // The new change lies inside the last one's result: one step.
            let offset = change.start - top.start;
            top.after
                .replace_range(offset..offset + change.before.len(), &change.after);
            return;
        }
        self.sealed = false;
        self.undo.push(change);
        self.trim();
    }

    /// The next change does not merge with the last one.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    fn trim(&mut self) {
        let mut bytes: usize = self
            .undo
            .iter()
            .map(|c| c.before.len() + c.after.len())
            .sum();
        let mut drop = 0;
        while self.undo.len() - drop > MAX_STEPS
            || (bytes > MAX_BYTES && self.undo.len() - drop > 1)
        {
            bytes -= self.undo[drop].before.len() + self.undo[drop].after.len();
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    /// Reverses the last change in `text`; false when there is none.
    pub fn undo(&mut self, text: &mut String) -> bool {
        let Some(change) = self.undo.pop() else {
            return false;
        };
        if !replace(text, change.start, change.after.len(), &change.before) {
            self.undo.clear();
            self.redo.clear();
            return false;
        }
        self.sealed = true;
        self.redo.push(change);
        true
    }

    /// Applies again the last change undone; false when there is none.
    pub fn redo(&mut self, text: &mut String) -> bool {
        let Some(change) = self.redo.pop() else {
            return false;
        };
        if !replace(text, change.start, change.before.len(), &change.after) {
            self.undo.clear();
            self.redo.clear();
            return false;
        }
        self.sealed = true;
        self.undo.push(change);
        true
    }

    /// Steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step_and_undo_restores_every_byte() {
        let mut history = History::default();
        let v0 = "text: \"ab\", x".to_string();
        let v1 = "text: \"abc\", x".to_string();
        let v2 = "text: \"abcd\", x".to_string();
        let v3 = "text: \"abcd\", y".to_string();
        history.record(&v0, &v1, Some("t".into()));
        history.record(&v1, &v2, Some("t".into()));
        history.record(&v2, &v3, Some("other".into()));
        assert_eq!(history.undo_len(), 2);
        let mut text = v3.clone();
        assert!(history.undo(&mut text));
        assert_eq!(text, v2);
        assert!(history.undo(&mut text));
        assert_eq!(text, v0);
        assert!(!history.undo(&mut text));
        assert!(history.redo(&mut text));
        assert_eq!(text, v2);
        assert!(history.redo(&mut text));
        assert_eq!(text, v3);
        assert!(!history.redo(&mut text));
    }

    #[test]
    fn windows_respect_characters() {
        assert_eq!(diff_window("añb", "aéb"), (1, 3, 3));
        assert_eq!(diff_window("aa", "aaa"), (2, 2, 3));
    }
}
