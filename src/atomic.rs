//! Writing files so that a crash, a full disk or a second writer never
//! leaves half a file: one helper for attempt records, workbench sidecars
//! and settings.
//!
//! Both ways write the bytes to a hidden temporary file in the target's own
//! folder (a rename across file systems would not be atomic), flush and
//! sync it, give it its final name, then sync the folder so the name itself
//! survives a power cut:
//! * [`write_new`] never replaces a file: it links the temporary file to
//!   the first free name (`stem.ext`, `stem-2.ext`, …). File systems with
//!   no hard links (FAT on a USB stick, some network shares) fall back to a
//!   rename onto a name that is free, with a tiny race against another
//!   writer choosing the same name in the same instant.
//! * [`replace`] renames over the target, which a reader sees as the old
//!   file or the new one, never a mix.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The most `-N` suffixes [`write_new`] tries before giving up.
const MAX_SUFFIX: u32 = 10_000;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A hidden temporary name beside `name` in `dir`, unique to this process
/// and call.
fn temporary_path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Writes `bytes` to a new file and syncs it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Writes `bytes` to `dir/<stem>.<ext>`, or `<stem>-N.<ext>` when that is
/// taken, never replacing an existing file, and returns the path.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let temp = temporary_path(dir, stem);
    let result = write_synced(&temp, bytes).and_then(|()| link_to_free_name(&temp, dir, stem, ext));
    // The temporary file is only a second name of the file now (or a
    // partial file after an error): remove it either way.
    let _ = fs::remove_file(&temp);
    if result.is_ok() {
        sync_dir(dir);
    }
    result
}

fn link_to_free_name(temp: &Path, dir: &Path, stem: &str, ext: &str) -> io::Result<PathBuf> {
    for n in 1..MAX_SUFFIX {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let target = dir.join(name);
        match fs::hard_link(temp, &target) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if target.symlink_metadata().is_ok() => continue,
            Err(_) => {
                fs::rename(temp, &target)?;
                return Ok(target);
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("every name for {stem} is taken"),
    ))
}

/// Writes `bytes` to `path`, replacing what was there in one step.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = temporary_path(dir, &name);
    let result = write_synced(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    } else {
        sync_dir(dir);
    }
    result
}

/// Makes the names in `dir` durable; best effort.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Makes the names in `dir` durable; nothing to do on this platform.
#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("test folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn write_new_never_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = write_new(dir.path(), "a", "json", b"one").expect("first");
        let second = write_new(dir.path(), "a", "json", b"two").expect("second");
        assert_eq!(first, dir.path().join("a.json"));
        assert_eq!(second, dir.path().join("a-2.json"));
        assert_eq!(fs::read(&first).expect("read"), b"one");
        assert_eq!(fs::read(&second).expect("read"), b"two");
        assert_eq!(names(dir.path()), ["a-2.json", "a.json"]);
    }

    #[test]
    fn replace_swaps_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("x.layout.ron");
        replace(&path, b"first version, longer").expect("first");
        replace(&path, b"second").expect("second");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert_eq!(names(dir.path()), ["x.layout.ron"]);
    }

    #[test]
    fn replace_into_a_missing_folder_fails_without_leaving_anything() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("x.ron");
        assert!(replace(&path, b"x").is_err());
        assert!(names(dir.path()).is_empty());
    }
}
