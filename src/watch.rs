//! Watching a scenario file so the workbench reloads it on every save.
//!
//! The folder holding the file is watched, not the file: many editors save
//! by writing a new file and renaming it over the old one, which replaces
//! the watched inode and would silently end a watch on the file itself.
//! Events are debounced (an editor's save is several events) and filtered
//! by file name; the owner is told through a flag and a callback (the UI
//! passes one that requests a repaint).

use crate::i18n::fill;

use crate::lang::Lang;
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the watcher waits for an editor's save to settle.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Why a file cannot be watched.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WatchError {
    /// The path has no file name.
    #[error("{} is not a file", .0.display())]
    NotAFile(PathBuf),
    /// The operating system refused the watch.
    #[error("cannot watch {}: {message}", path.display())]
    Watch {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
}

impl WatchError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            WatchError::NotAFile(path) => {
                fill(t.err_not_a_file, &[("path", &path.display().to_string())])
            }
            WatchError::Watch { path, message } => fill(
                t.err_watch,
                &[("path", &path.display().to_string()), ("reason", message)],
            ),
        }
    }
}

/// Watches one file for changes.
pub struct FileWatcher {
    path: PathBuf,
    changed: Arc<AtomicBool>,
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

impl std::fmt::Debug for FileWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWatcher")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl FileWatcher {
    /// Starts watching `path`. `on_change` runs on the watcher's thread
    /// after each debounced change of the file.
    pub fn new(
        path: &Path,
        on_change: impl Fn() + Send + 'static,
    ) -> Result<FileWatcher, WatchError> {
        let name: OsString = path
            .file_name()
            .ok_or_else(|| WatchError::NotAFile(path.to_path_buf()))?
            .to_os_string();
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let handler = move |result: DebounceEventResult| {
            // Errors (e.g. an overflowing event queue) may hide a save:
            // reloading once too often is harmless.
            let touched = match result {
                Ok(events) => touches(events.iter().flat_map(|e| &e.paths), &name),
                Err(_) => true,
            };
            if touched {
                flag.store(true, Ordering::Release);
                on_change();
            }
        };
        let watch_error = |error: notify_debouncer_full::notify::Error| WatchError::Watch {
            path: folder.clone(),
            message: error.to_string(),
        };
        let mut debouncer = new_debouncer(DEBOUNCE, None, handler).map_err(watch_error)?;
        debouncer
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(watch_error)?;
        Ok(FileWatcher {
            path: path.to_path_buf(),
            changed,
            _debouncer: debouncer,
        })
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True once after each change (clears the flag).
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}

/// True when one of `paths` is the watched file `name`: an editor's
/// swap file or a sidecar in the same folder is not a change.
fn touches<'p>(paths: impl IntoIterator<Item = &'p PathBuf>, name: &OsStr) -> bool {
    paths.into_iter().any(|p| p.file_name() == Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn wait_for(watcher: &FileWatcher) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if watcher.take_change() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn sees_writes_and_saves_by_rename() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ron");
        std::fs::write(&path, "one").unwrap();
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let watcher = FileWatcher::new(&path, move || {
            counter.fetch_add(1, Ordering::Relaxed);
        })
        .unwrap();

        std::fs::write(&path, "two").unwrap();
        assert!(wait_for(&watcher), "a plain write is seen");

        // An editor that saves by rename.
        let temporary = dir.path().join(".x.ron.swp");
        std::fs::write(&temporary, "three").unwrap();
        std::fs::rename(&temporary, &path).unwrap();
        assert!(wait_for(&watcher), "a save by rename is seen");
        assert!(calls.load(Ordering::Relaxed) >= 2);
    }

    #[test]
    fn only_the_watched_file_counts_as_a_change() {
        let name = OsStr::new("x.ron");
        let folder = Path::new("/scenarios/es");
        let paths =
            |names: &[&str]| -> Vec<PathBuf> { names.iter().map(|n| folder.join(n)).collect() };
        assert!(touches(&paths(&["x.ron"]), name));
        // A save by rename reports the temporary name and the real one.
        assert!(touches(&paths(&[".x.ron.swp", "x.ron"]), name));
        assert!(!touches(&paths(&["x.layout.ron"]), name));
        assert!(!touches(&paths(&[".x.ron.swp", "x.ron~", "y.ron"]), name));
        assert!(!touches(&[], name));
        assert!(!touches(&[folder.to_path_buf()], name));
    }
}
