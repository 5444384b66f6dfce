//! Where handouts are written: the command line's `--out` file, or a new
//! file in the user's documents folder for the app's buttons.

use crate::atomic;
use crate::records::store::slug;
use std::io;
use std::path::{Path, PathBuf};

/// The first bytes of every PDF file.
const PDF_MAGIC: &[u8] = b"%PDF-";

/// Why `--out` was not written.
#[derive(Debug, thiserror::Error)]
pub enum OutError {
    /// The file exists and is not a PDF: replacing it could destroy
    /// someone's work (an attempt file, a scenario), so it is refused.
    #[error("{0} exists and is not a PDF")]
    NotAPdf(PathBuf),
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes `bytes` to `path` atomically. An existing PDF is replaced (a
/// trainer regenerates handouts as the scenario changes); any other
/// existing file is refused.
pub fn write_out(path: &Path, bytes: &[u8]) -> Result<(), OutError> {
    if path.is_dir() {
        return Err(OutError::Io(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder",
        )));
    }
    if path.exists() {
        let mut head = [0u8; 5];
        let is_pdf = std::fs::File::open(path)
            .and_then(|mut f| io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && head == PDF_MAGIC;
        if !is_pdf {
            return Err(OutError::NotAPdf(path.to_path_buf()));
        }
    }
    atomic::replace(path, bytes)?;
    Ok(())
}

/// `Documents/Momento` (or `~/Momento` where there is no documents
/// folder): where the app saves handouts.
pub fn handouts_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let home = dirs.home_dir();
    let base = match dirs.document_dir() {
        Some(documents) => documents.to_path_buf(),
        None if home.join("Documents").is_dir() => home.join("Documents"),
        None => home.to_path_buf(),
    };
    Some(base.join("Momento"))
}

/// A file name stem from its parts, e.g. `debrief-warranty-ana-2026-03-01`.
pub fn stem(parts: &[&str]) -> String {
    let joined: Vec<String> = parts
        .iter()
        .map(|p| slug(p))
        .filter(|p| !p.is_empty())
        .collect();
    if joined.is_empty() {
        "handout".to_string()
    } else {
        joined.join("-")
    }
}

/// Writes `bytes` as a new `stem.pdf` in `dir` (creating it), never over
/// an existing file: `stem-2.pdf` and so on when the name is taken.
pub fn save_new(dir: &Path, stem: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    atomic::write_new(dir, stem, "pdf", bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_replaces_a_pdf_but_never_another_file() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("x.pdf");
        write_out(&pdf, b"%PDF-1.7 first").unwrap();
        write_out(&pdf, b"%PDF-1.7 second").unwrap();
        assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-1.7 second");
        let attempt = dir.path().join("attempt.json");
        std::fs::write(&attempt, b"{\"format\": 2}").unwrap();
        assert!(matches!(
            write_out(&attempt, b"%PDF-1.7"),
            Err(OutError::NotAPdf(_))
        ));
        assert_eq!(std::fs::read(&attempt).unwrap(), b"{\"format\": 2}");
    }

    #[test]
    fn saving_twice_keeps_both_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Momento");
        let first = save_new(&folder, "sheet", b"%PDF-a").unwrap();
        let second = save_new(&folder, "sheet", b"%PDF-b").unwrap();
        assert_ne!(first, second);
        assert_eq!(std::fs::read(first).unwrap(), b"%PDF-a");
        assert_eq!(std::fs::read(second).unwrap(), b"%PDF-b");
    }

    #[test]
    fn stems_are_safe_file_names() {
        let stem = stem(&["debrief", "Garantía sin ticket", "../Ana/"]);
        assert!(!stem.contains('/') && !stem.contains(".."), "{stem}");
        assert!(stem.starts_with("debrief-"));
    }
}
