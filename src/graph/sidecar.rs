//! The sidecar file `NAME.layout.ron` next to a scenario `NAME.ron`: the
//! positions of the nodes a trainer dragged in the workbench, so the
//! scenario file itself stays clean in version control.
//!
//! The sidecar is a convenience: a missing one is normal, and a broken one
//! is reported as a warning and ignored, never an obstacle to working.

use super::Point;
use crate::atomic;
use crate::i18n::fill;
use crate::lang::{Bilingual, Lang};
use crate::regular::{ReadError, read_bounded};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The sidecar format this version writes and reads.
pub const SIDECAR_FORMAT: u32 = 1;

/// Sidecars larger than this are not read (they are not ours).
const MAX_SIDECAR_BYTES: u64 = 8 * 1024 * 1024;

/// Node positions (box centres) by node id.
pub type Positions = BTreeMap<String, Point>;

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
struct SidecarFile {
    format: u32,
    positions: Positions,
}

/// Why a sidecar could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file exists but cannot be read.
    #[error("cannot read the layout file {}: {source}", path.display())]
    Read {
        /// The sidecar.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a regular file (a FIFO, a device, a folder).
    #[error("cannot read the layout file {}: {}", path.display(), reason.en)]
    NotRegular {
        /// The sidecar.
        path: PathBuf,
        /// Why, in both languages.
        reason: Bilingual,
    },
    /// The file is too large to be a layout file.
    #[error("the layout file {} is {bytes} bytes, too large to be a layout file", path.display())]
    TooLarge {
        /// The sidecar.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file is not a valid layout file.
    #[error("the layout file {} is not valid ({message}); delete it to start from the automatic layout", path.display())]
    Invalid {
        /// The sidecar.
        path: PathBuf,
        /// What the RON reader said.
        message: String,
    },
    /// Written by a newer Momento.
    #[error("the layout file {} has format {found}; this version reads format {SIDECAR_FORMAT}", path.display())]
    Format {
        /// The sidecar.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
    /// The file cannot be written.
    #[error("cannot save the layout file {}: {source}", path.display())]
    Write {
        /// The sidecar.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Serialising failed (should not happen).
    #[error("cannot write the layout: {0}")]
    Serialize(String),
}

impl SidecarError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.texts();
        let shown = |path: &Path| path.display().to_string();
        match self {
            SidecarError::Read { path, source } => fill(
                t.err_sidecar_read,
                &[("path", &shown(path)), ("reason", &source.to_string())],
            ),
            SidecarError::NotRegular { path, reason } => fill(
                t.err_sidecar_read,
                &[("path", &shown(path)), ("reason", reason.get(lang))],
            ),
            SidecarError::TooLarge { path, bytes } => fill(
                t.err_sidecar_too_large,
                &[("path", &shown(path)), ("bytes", &bytes.to_string())],
            ),
            SidecarError::Invalid { path, message } => fill(
                t.err_sidecar_invalid,
                &[("path", &shown(path)), ("reason", message)],
            ),
            SidecarError::Format { path, found } => fill(
                t.err_sidecar_format,
                &[
                    ("path", &shown(path)),
                    ("found", &found.to_string()),
                    ("supported", &SIDECAR_FORMAT.to_string()),
                ],
            ),
            SidecarError::Write { path, source } => fill(
                t.err_sidecar_write,
                &[("path", &shown(path)), ("reason", &source.to_string())],
            ),
            SidecarError::Serialize(reason) => fill(t.err_sidecar_encode, &[("reason", reason)]),
        }
    }
}

/// The sidecar of a scenario file: `x.ron` → `x.layout.ron`.
pub fn sidecar_path(scenario: &Path) -> PathBuf {
    let name = scenario
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    scenario.with_file_name(format!("{stem}.layout.ron"))
}

/// Reads a sidecar. A missing file gives `Ok(None)`; anything but a
/// regular file (a FIFO, a device) is an error, never a hang.
pub fn read(path: &Path) -> Result<Option<Positions>, SidecarError> {
    let bytes = match read_bounded(path, MAX_SIDECAR_BYTES) {
        Ok(bytes) => bytes,
        Err(error) if error.is_not_found() => return Ok(None),
        Err(ReadError::TooLarge { size, .. }) => {
            return Err(SidecarError::TooLarge {
                path: path.to_path_buf(),
                bytes: size,
            });
        }
        Err(ReadError::Io(source)) => {
            return Err(SidecarError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
        Err(error @ ReadError::NotRegular(_)) => {
            return Err(SidecarError::NotRegular {
                path: path.to_path_buf(),
                reason: error.message(),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|error| SidecarError::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, error),
    })?;
    parse(path, &text).map(Some)
}

/// Parses the text of a sidecar.
pub fn parse(path: &Path, text: &str) -> Result<Positions, SidecarError> {
    let file: SidecarFile = ron::from_str(text).map_err(|error| SidecarError::Invalid {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    if file.format != SIDECAR_FORMAT {
        return Err(SidecarError::Format {
            path: path.to_path_buf(),
            found: file.format,
        });
    }
    Ok(file
        .positions
        .into_iter()
        .filter(|(_, p)| p.x.is_finite() && p.y.is_finite())
        .collect())
}

/// Writes a sidecar atomically ([`atomic::replace`]), so a crash never
/// leaves half a file. No positions removes it.
pub fn write(path: &Path, positions: &Positions) -> Result<(), SidecarError> {
    if positions.is_empty() {
        return match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(SidecarError::Write {
                path: path.to_path_buf(),
                source,
            }),
        };
    }
    let rounded: Positions = positions
        .iter()
        .map(|(id, p)| (id.clone(), Point::new(p.x.round(), p.y.round())))
        .collect();
    let file = SidecarFile {
        format: SIDECAR_FORMAT,
        positions: rounded,
    };
    let body = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default())
        .map_err(|e| SidecarError::Serialize(e.to_string()))?;
    let text = format!(
        "// Node positions for the Momento workbench (dragged by hand).\n// Safe to delete: the workbench then lays the graph out automatically.\n{body}\n"
    );
    atomic::replace(path, text.as_bytes()).map_err(|source| SidecarError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_sits_next_to_the_scenario() {
        assert_eq!(
            sidecar_path(Path::new("a/es/x.ron")),
            PathBuf::from("a/es/x.layout.ron")
        );
        assert_eq!(
            sidecar_path(Path::new("y.txt")),
            PathBuf::from("y.txt.layout.ron")
        );
    }

    #[test]
    fn positions_round_trip_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.layout.ron");
        assert!(read(&path).unwrap().is_none(), "missing is not an error");
        let mut positions = Positions::new();
        positions.insert("desk".into(), Point::new(10.4, -20.0));
        positions.insert("lost".into(), Point::new(300.0, 80.0));
        write(&path, &positions).unwrap();
        let back = read(&path).unwrap().unwrap();
        assert_eq!(back["desk"], Point::new(10.0, -20.0));
        assert_eq!(back.len(), 2);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
        write(&path, &Positions::new()).unwrap();
        assert!(!path.exists(), "no positions, no file");
    }

    #[test]
    fn broken_sidecars_are_errors_not_panics() {
        let path = Path::new("x.layout.ron");
        for text in [
            "",
            "garbage",
            "(format: 1, positions: {\"a\": (x: \"no\", y: 1)})",
            &"[".repeat(10_000),
        ] {
            assert!(
                matches!(parse(path, text), Err(SidecarError::Invalid { .. })),
                "{text:.20}"
            );
        }
        assert!(matches!(
            parse(path, "(format: 9, positions: {})"),
            Err(SidecarError::Format { found: 9, .. })
        ));
        let ok = parse(path, "(format: 1, positions: {\"a\": (x: 1.0, y: 2.0)})").unwrap();
        assert_eq!(ok["a"], Point::new(1.0, 2.0));
    }
}
