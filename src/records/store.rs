//! Where attempt records live: one JSON file per attempt in a folder
//! (by default under the user's data directory), written atomically and
//! never over an existing file.
//!
//! Writing goes through [`atomic::write_new`]: a synced temporary file in
//! the same folder, linked to a free name (a taken name gets a `-2`, `-3`…
//! suffix), never over another file. A reader therefore sees a record whole
//! or not at all, whenever the writer is stopped.
//!
//! An attempt is written again as it goes (after each reply, at the end,
//! when a reflection is added): each write is a new file with a higher
//! `revision`, and the previous file is removed only once the new one is
//! safely on disk. Loading keeps the highest revision of each attempt.
//!
//! Reading: a file that cannot be read is moved into `quarantine/` (never
//! deleted) and reported by name; the others still load. A file written by
//! a newer Momento is left where it is and reported.

use super::record::{AttemptRecord, FORMAT};
use crate::atomic;
use crate::i18n;
use crate::lang::{Bilingual, Lang};
use crate::regular::{ReadError, read_bounded};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Name of the folder unreadable records are moved into.
pub const QUARANTINE_DIR: &str = "quarantine";

/// Larger files are not attempt records (a long attempt is well under 1 MiB).
pub const MAX_RECORD_BYTES: u64 = 32 * 1024 * 1024;

/// How deep a report looks into subfolders (a trainer may sort the files of
/// a group into one folder per trainee).
const MAX_DEPTH: usize = 4;

/// Temporary files older than this are left over from a crash.
const STALE_TEMP_AGE: Duration = Duration::from_secs(3600);

/// What can go wrong when writing a record.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The system has no data directory for this user.
    #[error(
        "this system has no data folder for the current user; start Momento with a records folder"
    )]
    NoDataDir,
    /// The folder could not be created.
    #[error("could not create the attempts folder {}: {source}", path.display())]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The record could not be written.
    #[error("could not save the attempt in {}: {source}", path.display())]
    Write {
        /// The folder or file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The record could not be encoded (should not happen).
    #[error("could not encode the attempt: {0}")]
    Encode(#[from] serde_json::Error),
}

impl StoreError {
    /// What went wrong, in `lang` (the system's own reason stays as the
    /// system gives it).
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        match self {
            StoreError::NoDataDir => t.err_no_data_dir.to_string(),
            StoreError::CreateDir { path, source } => i18n::fill(
                t.err_create_records_dir,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &source.to_string()),
                ],
            ),
            StoreError::Write { path, source } => i18n::fill(
                t.err_write_record,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &source.to_string()),
                ],
            ),
            StoreError::Encode(error) => {
                i18n::fill(t.err_encode_record, &[("reason", &error.to_string())])
            }
        }
    }
}

/// Why a file in a records folder was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not a readable attempt record (damaged, truncated, not JSON…).
    Unreadable(String),
    /// Written by a newer Momento, with a format this one does not know.
    Newer(u32),
    /// Far too large to be an attempt record.
    TooLarge(u64),
    /// Not a regular file (a FIFO, a device, a folder named `*.json`):
    /// never read, never moved. The reason in both languages.
    NotRegular(Bilingual),
    /// A folder that could not be listed.
    Folder(String),
}

/// A file that was not loaded, and what was done with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    /// The file (or folder).
    pub path: PathBuf,
    /// Why.
    pub kind: ProblemKind,
    /// Where it was moved, when it was put aside.
    pub moved_to: Option<PathBuf>,
}

impl LoadProblem {
    /// A sentence for the user, naming the file.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        let file = self.path.display().to_string();
        let reason = match &self.kind {
            ProblemKind::Unreadable(reason) | ProblemKind::Folder(reason) => reason.clone(),
            ProblemKind::Newer(format) => {
                i18n::fill(t.records_newer_format, &[("format", &format.to_string())])
            }
            ProblemKind::TooLarge(bytes) => i18n::fill(
                t.records_too_large,
                &[("mb", &(bytes / (1024 * 1024)).to_string())],
            ),
            ProblemKind::NotRegular(reason) => reason.get(lang).to_string(),
        };
        match &self.moved_to {
            Some(moved) => i18n::fill(
                t.records_problem_moved,
                &[
                    ("file", &file),
                    ("reason", &reason),
                    ("moved", &moved.display().to_string()),
                ],
            ),
            None => i18n::fill(t.records_problem, &[("file", &file), ("reason", &reason)]),
        }
    }
}

/// A record and the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRecord {
    /// The file.
    pub path: PathBuf,
    /// The record.
    pub record: AttemptRecord,
}

/// The records of a folder, oldest first, and the files that were not loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// One per attempt (its highest revision), by start time.
    pub records: Vec<StoredRecord>,
    /// Files not loaded.
    pub problems: Vec<LoadProblem>,
}

/// How to treat a folder while loading it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Move unreadable files into `quarantine/` (the app's own folder);
    /// otherwise only report them (a folder a trainer gathered).
    pub quarantine: bool,
    /// Remove files holding an older revision of an attempt that also has
    /// a newer, readable file, and temporary files left by a crash.
    pub tidy: bool,
}

/// The app's folder of attempt records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The default folder: `attempts` under the user's data directory.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "Momento")
            .map(|dirs| dirs.data_dir().join("attempts"))
    }

    /// Opens (creating if needed) a records folder.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(|source| StoreError::CreateDir {
            path: dir.clone(),
            source,
        })?;
        Ok(Store { dir })
    }

    /// Opens the default folder.
    pub fn open_default() -> Result<Store, StoreError> {
        Store::open(Store::default_dir().ok_or(StoreError::NoDataDir)?)
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes a record to a new file and returns its path. When `replaces`
    /// names the file of an earlier revision, that file is removed once the
    /// new one is safely written.
    pub fn write(
        &self,
        record: &AttemptRecord,
        replaces: Option<&Path>,
    ) -> Result<PathBuf, StoreError> {
        let mut bytes = serde_json::to_vec_pretty(record)?;
        bytes.push(b'\n');
        let stem = file_stem(record);
        let path = atomic::write_new(&self.dir, &stem, "json", &bytes).map_err(|source| {
            StoreError::Write {
                path: self.dir.clone(),
                source,
            }
        })?;
        if let Some(old) = replaces.filter(|old| *old != path) {
            // The new revision is durable: the old one may go. Failing to
            // remove it loses nothing (loading keeps the newest).
            let _ = fs::remove_file(old);
            atomic::sync_dir(&self.dir);
        }
        Ok(path)
    }

    /// Loads every record, moving unreadable files into `quarantine/` and
    /// tidying superseded revisions and stale temporary files.
    pub fn load(&self) -> Loaded {
        load_folder(
            &self.dir,
            LoadOptions {
                quarantine: true,
                tidy: true,
            },
        )
    }

    /// The records of one trainee, oldest first (problems are reported by
    /// [`Store::load`]).
    pub fn load_trainee(&self, trainee: &str) -> Loaded {
        let mut loaded = self.load();
        loaded
            .records
            .retain(|r| r.record.trainee.trim() == trainee.trim());
        loaded
    }
}

/// The file name (without extension) of a record: time, trainee, scenario.
pub fn file_stem(record: &AttemptRecord) -> String {
    let time = record.started_at.strftime("%Y%m%dT%H%M%SZ").to_string();
    let trainee = match slug(&record.trainee) {
        s if s.is_empty() => "trainee".to_string(),
        s => s,
    };
    let scenario = slug(&record.scenario.id);
    let language = slug(&record.scenario.language);
    format!("{time}_{trainee}_{scenario}-{language}")
}

/// A file-name-safe, ASCII form of a name: "Íñigo Peña" → "inigo-pena".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'õ' | 'ø' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[derive(Deserialize)]
struct FormatProbe {
    format: Option<u32>,
}

/// How many times a folder is listed again when files vanished between
/// listing and reading (a writer replacing a revision): enough for any
/// realistic burst of writes, bounded so a folder that never settles
/// cannot keep a reader forever.
const MAX_RELISTS: usize = 64;

/// Loads every record under `dir` (and its subfolders, `quarantine/`
/// excepted). Never fails: what cannot be read is listed in `problems`.
///
/// Another process may be writing to the folder: a file that disappears
/// between listing and reading was a revision replaced by a newer one (or
/// a temporary file), so it is not a problem; the folder is listed again
/// and the files new since the last listing are read. It is always listed
/// at least twice, because one listing taken during a replacement may miss
/// both the old revision and the new. Each attempt is counted once, at its
/// highest complete revision.
pub fn load_folder(dir: &Path, options: LoadOptions) -> Loaded {
    let mut temps = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut newest: HashMap<String, usize> = HashMap::new();
    let mut records: Vec<StoredRecord> = Vec::new();
    let mut superseded = Vec::new();
    for listing in 0..=MAX_RELISTS {
        let mut files = Vec::new();
        temps.clear();
        let mut listing_problems = Vec::new();
        collect_files(dir, 0, &mut files, &mut temps, &mut listing_problems);
        if listing == 0 {
            problems.append(&mut listing_problems);
        }
        files.retain(|f| !seen.contains(f));
        files.sort();
        let mut vanished = false;
        for path in files {
            seen.insert(path.clone());
            match read_listed(&path) {
                Ok(record) => {
                    let stored = StoredRecord { path, record };
                    match newest.get(&stored.record.attempt_id) {
                        Some(&i) if records[i].record.revision >= stored.record.revision => {
                            superseded.push(stored.path);
                        }
                        Some(&i) => {
                            superseded.push(std::mem::replace(&mut records[i], stored).path);
                        }
                        None => {
                            newest.insert(stored.record.attempt_id.clone(), records.len());
                            records.push(stored);
                        }
                    }
                }
                Err(ReadProblem::Vanished) => vanished = true,
                Err(ReadProblem::Kind(kind)) => {
                    let moved_to = match kind {
                        ProblemKind::Unreadable(_) | ProblemKind::TooLarge(_)
                            if options.quarantine =>
                        {
                            quarantine(dir, &path)
                        }
                        _ => None,
                    };
                    problems.push(LoadProblem {
                        path,
                        kind,
                        moved_to,
                    });
                }
            }
        }
        // A listing taken while a writer replaces a revision can miss both
        // the old file (removed during it) and the new one (created during
        // it): always list a second time, which sees the new one.
        if !vanished && listing >= 1 {
            break;
        }
    }
    // A superseded file may itself have been removed by its writer already.
    let records_paths: HashSet<&PathBuf> = records.iter().map(|r| &r.path).collect();
    superseded.retain(|p| !records_paths.contains(p));
    if options.tidy {
        for path in superseded {
            let _ = fs::remove_file(path);
        }
        let now = SystemTime::now();
        for temp in temps {
            let stale = fs::metadata(&temp)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|age| age > STALE_TEMP_AGE);
            if stale {
                let _ = fs::remove_file(temp);
            }
        }
    }
    records.sort_by(|a, b| {
        a.record
            .started_at
            .cmp(&b.record.started_at)
            .then_with(|| a.record.attempt_id.cmp(&b.record.attempt_id))
    });
    Loaded { records, problems }
}

fn collect_files(
    dir: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    temps: &mut Vec<PathBuf>,
    problems: &mut Vec<LoadProblem>,
) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            if depth > 0 || error.kind() != io::ErrorKind::NotFound {
                problems.push(LoadProblem {
                    path: dir.to_path_buf(),
                    kind: ProblemKind::Folder(error.to_string()),
                    moved_to: None,
                });
            }
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth < MAX_DEPTH && name != QUARANTINE_DIR && !name.starts_with('.') {
                collect_files(&path, depth + 1, files, temps, problems);
            }
        } else if name.starts_with('.') {
            if depth == 0 && name.ends_with(".tmp") {
                temps.push(path);
            }
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            files.push(path);
        }
    }
}

/// Why one file of a folder gave no record.
enum ReadProblem {
    /// It was there when the folder was listed and is gone now.
    Vanished,
    /// Anything else, reported.
    Kind(ProblemKind),
}

/// Reads one record file: a regular file of at most [`MAX_RECORD_BYTES`].
pub fn read_record(path: &Path) -> Result<AttemptRecord, ProblemKind> {
    read_listed(path).map_err(|problem| match problem {
        ReadProblem::Vanished => {
            ProblemKind::Unreadable(io::Error::from(io::ErrorKind::NotFound).to_string())
        }
        ReadProblem::Kind(kind) => kind,
    })
}

fn read_listed(path: &Path) -> Result<AttemptRecord, ReadProblem> {
    let bytes = read_bounded(path, MAX_RECORD_BYTES).map_err(|error| match error {
        error if error.is_not_found() => ReadProblem::Vanished,
        ReadError::TooLarge { size, .. } => ReadProblem::Kind(ProblemKind::TooLarge(size)),
        error @ ReadError::NotRegular(_) => {
            ReadProblem::Kind(ProblemKind::NotRegular(error.message()))
        }
        ReadError::Io(error) => ReadProblem::Kind(ProblemKind::Unreadable(error.to_string())),
    })?;
    parse_record(&bytes).map_err(ReadProblem::Kind)
}

/// Parses a record from the bytes of a file. A UTF-8 byte-order mark in
/// front (some Windows editors add one when a trainer opens and saves a
/// record) is skipped: JSON itself does not allow it.
pub fn parse_record(bytes: &[u8]) -> Result<AttemptRecord, ProblemKind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let probe: FormatProbe =
        serde_json::from_slice(bytes).map_err(|e| ProblemKind::Unreadable(e.to_string()))?;
    match probe.format {
        Some(format) if format > FORMAT => return Err(ProblemKind::Newer(format)),
        Some(_) => {}
        None => {
            return Err(ProblemKind::Unreadable(
                "no `format` field: not an attempt record".to_string(),
            ));
        }
    }
    serde_json::from_slice(bytes)
        .map(AttemptRecord::upgraded)
        .map_err(|e| ProblemKind::Unreadable(e.to_string()))
}

/// Moves `path` into `<root>/quarantine/`, under a free name.
fn quarantine(root: &Path, path: &Path) -> Option<PathBuf> {
    let folder = root.join(QUARANTINE_DIR);
    fs::create_dir_all(&folder).ok()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    let (stem, extension) = match name.rsplit_once('.') {
        Some((stem, extension)) => (stem.to_string(), format!(".{extension}")),
        None => (name.clone(), String::new()),
    };
    for n in 1u32..10_000 {
        let target = if n == 1 {
            folder.join(&name)
        } else {
            folder.join(format!("{stem}-{n}{extension}"))
        };
        if target.symlink_metadata().is_ok() {
            continue;
        }
        return fs::rename(path, &target).ok().map(|()| target);
    }
    None
}
