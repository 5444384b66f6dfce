//! The scenario library: the built-in scenarios plus any folder or file a
//! trainer adds, each loaded with its diagnostics, and the two language
//! versions of a scenario checked against each other.

use crate::diagnostic::{self, Code, Diagnostic, Reporter, Severity};

use crate::lang::{Bilingual, msg};
use crate::scenario::check::parity;
use crate::scenario::file::read_text;
use crate::scenario::{self, Limits, Scenario};
use std::path::{Path, PathBuf};
use std::sync::Arc;

include!(concat!(env!("OUT_DIR"), "/built_in.rs"));

/// Where a library entry came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    BuiltIn,
    /// A trainer's file on disk.
    File,
}

/// One scenario file in the library.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path (built-in ones: relative to the crate).
    pub path: PathBuf,
    /// Built in or from disk.
    pub origin: Origin,
    /// The file's text.
    pub text: Arc<str>,
    /// The scenario, when the file could be read (possibly with errors).
    pub scenario: Option<Arc<Scenario>>,
    /// Errors and warnings, parity problems included.
    pub diagnostics: Vec<Diagnostic>,
}

impl Entry {
    /// True when the scenario has no errors and can be played.
    pub fn is_playable(&self) -> bool {
        self.scenario.as_ref().is_some_and(|s| s.checked)
            && !self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
    }

    /// The scenario, if it can be played.
    pub fn playable(&self) -> Option<&Arc<Scenario>> {
        if self.is_playable() {
            self.scenario.as_ref()
        } else {
            None
        }
    }

    /// The scenario id, or the file name when the file could not be read.
    pub fn id(&self) -> String {
        match &self.scenario {
            Some(s) if !s.id.value.is_empty() => s.id.value.clone(),
            _ => self
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// The language code, if known.
    pub fn language(&self) -> &str {
        self.scenario
            .as_ref()
            .map(|s| s.language.value.as_str())
            .unwrap_or("")
    }

    fn from_text(path: PathBuf, text: Arc<str>, origin: Origin, limits: &Limits) -> Entry {
        let loaded = scenario::load_str(&path, &text, limits);
        let scenario = loaded.scenario.map(|mut s| {
            s.source.built_in = origin == Origin::BuiltIn;
            Arc::new(s)
        });
        Entry {
            path,
            origin,
            text,
            scenario,
            diagnostics: loaded.diagnostics,
        }
    }
}

/// A set of scenario files.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The entries, built-in first, then in the order added.
    pub entries: Vec<Entry>,
}

impl Library {
    /// The scenarios compiled into the binary.
    pub fn built_in() -> Library {
        let limits = Limits::default();
        let mut library = Library {
            entries: BUILT_IN
                .iter()
                .map(|(path, text)| {
                    Entry::from_text(
                        PathBuf::from(path),
                        Arc::from(*text),
                        Origin::BuiltIn,
                        &limits,
                    )
                })
                .collect(),
        };
        library.cross_check();
        library
    }

    /// Adds one file (replacing an entry with the same path).
    pub fn add_file(&mut self, path: &Path) {
        let limits = Limits::default();
        let entry = match read_text(path, &limits) {
            Ok(text) => {
                Entry::from_text(path.to_path_buf(), Arc::from(text), Origin::File, &limits)
            }
            Err(diagnostic) => Entry {
                path: path.to_path_buf(),
                origin: Origin::File,
                text: Arc::from(""),
                scenario: None,
                diagnostics: vec![*diagnostic],
            },
        };
        match self.entries.iter_mut().find(|e| e.path == path) {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    /// Adds every `.ron` scenario under `dir` (sidecar `.layout.ron` files
    /// excluded), then re-runs the cross-file checks.
    pub fn add_dir(&mut self, dir: &Path) {
        for file in scenario_files(dir) {
            self.add_file(&file);
        }
        self.cross_check();
    }

    /// Loads the given files and folders (for `momento check`).
    pub fn from_paths(paths: &[PathBuf]) -> Library {
        let mut library = Library::default();
        for path in paths {
            if path.is_dir() {
                for file in scenario_files(path) {
                    library.add_file(&file);
                }
            } else {
                library.add_file(path);
            }
        }
        library.cross_check();
        library
    }

    /// Re-runs the checks between files: duplicate id+language (E032) and
    /// language parity (E030).
    pub fn cross_check(&mut self) {
        for entry in &mut self.entries {
            entry
                .diagnostics
                .retain(|d| d.code != Code::E030 && d.code != Code::E032);
        }
        let mut extra: Vec<(usize, Diagnostic)> = Vec::new();
        for i in 0..self.entries.len() {
            let Some(a) = self.entries[i].scenario.as_ref() else {
                continue;
            };
            for j in 0..i {
                let Some(b) = self.entries[j].scenario.as_ref() else {
                    continue;
                };
                if a.id.value != b.id.value || a.id.value.is_empty() {
                    continue;
                }
                if a.language.value == b.language.value {
                    let reporter = Reporter::new(&self.entries[i].path, &self.entries[i].text);
                    let mut d = reporter.make(
                        Code::E032,
                        a.id.span,
                        msg!(
                            "another `{language}` file already has the id `{id}`",
                            "otro archivo en `{language}` ya tiene el id `{id}`",
                            language = a.language.value,
                            id = a.id.value,
                        ),
                        msg!(
                            "give each scenario its own id; the two language versions of one scenario share an id but not a language",
                            "da a cada escenario su propio id; las dos versiones de un mismo escenario comparten el id, pero no el idioma"
                        ),
                    );
                    let other = Reporter::new(&self.entries[j].path, &self.entries[j].text).make(
                        Code::E032,
                        b.id.span,
                        Bilingual::default(),
                        Bilingual::default(),
                    );
                    d.related = Some(diagnostic::Related {
                        file: other.file,
                        start: other.start,
                        message: msg!("the other file", "el otro archivo"),
                    });
                    extra.push((i, d));
                } else if a.checked && b.checked {
                    let found = parity::check(
                        parity::Side {
                            scenario: b,
                            text: &self.entries[j].text,
                        },
                        parity::Side {
                            scenario: a,
                            text: &self.entries[i].text,
                        },
                    );
                    extra.extend(found.into_iter().map(|d| (j, d)));
                }
            }
        }
        for (i, d) in extra {
            self.entries[i].diagnostics.push(d);
            diagnostic::sort(&mut self.entries[i].diagnostics);
        }
    }

    /// The entry of scenario `id` in `language`.
    pub fn find(&self, id: &str, language: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.id() == id && e.language() == language)
    }

    /// Every diagnostic of every entry.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.entries.iter().flat_map(|e| e.diagnostics.iter())
    }
}

/// Scenario files under `dir`, sorted, sidecars excluded.
pub fn scenario_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut visited = 0;
    while let Some(dir) = stack.pop() {
        visited += 1;
        if visited > 10_000 {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if is_dir && !name.starts_with('.') {
                stack.push(path);
            } else if name.ends_with(".ron") && !name.ends_with(".layout.ron") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
