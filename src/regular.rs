//! Reading a file that must be a regular file, within a size limit.
//!
//! Scenarios, attempt records, workbench sidecars and settings are all read
//! through [`read_bounded`], so that nothing in a folder can make Momento
//! hang or fill its memory: a FIFO would block `open` until a writer comes
//! (forever), `/dev/zero` never ends, and a file may grow while it is read
//! or be larger than its metadata said. So:
//! * the file is opened without blocking (`O_NONBLOCK` on Unix, which makes
//!   opening a FIFO return at once) and its kind is checked on the open
//!   handle, not on the path, so it cannot be swapped in between;
//! * anything but a regular file (symlinks are followed) is refused;
//! * at most `limit + 1` bytes are read: one byte over the limit proves
//!   the file is too large, whatever its size claimed to be.
//!
//! A leaf: it imports only [`crate::lang`], for its bilingual messages.

use crate::lang::{Bilingual, msg};
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The system refused (missing file, no permission…).
    Io(io::Error),
    /// Not a regular file: a folder, a FIFO, a device, a socket.
    NotRegular(Special),
    /// More than `limit` bytes (`size` is what was seen: the metadata's
    /// size, or `limit + 1` when the file grew or lied about its size).
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
        /// The size seen, at least `limit + 1`.
        size: u64,
    },
}

impl ReadError {
    /// True when the file does not exist (any more).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// What went wrong, in both languages (the system's own wording of an
    /// I/O error is English; the common cases get a Spanish one).
    pub fn message(&self) -> Bilingual {
        match self {
            ReadError::Io(error) => {
                let es = match error.kind() {
                    io::ErrorKind::NotFound => "no existe".to_string(),
                    io::ErrorKind::PermissionDenied => "no tienes permiso para leerlo".to_string(),
                    _ => error.to_string(),
                };
                msg!("{error}", "{es}")
            }
            ReadError::NotRegular(special) => {
                let (kind, es) = match special {
                    Special::Folder => ("a folder", "una carpeta"),
                    Special::Fifo => ("a FIFO (named pipe)", "una tubería con nombre (FIFO)"),
                    Special::Device => ("a device", "un dispositivo"),
                    Special::Socket => ("a socket", "un socket"),
                    Special::Other => ("something else", "algo especial"),
                };
                msg!(
                    "not a regular file: it is {kind}",
                    "no es un archivo normal: es {es}"
                )
            }
            ReadError::TooLarge { limit, size } if *size > limit + 1 => msg!(
                "the file is {size} bytes, more than the limit of {limit}",
                "el archivo ocupa {size} bytes, más que el límite de {limit}"
            ),
            ReadError::TooLarge { limit, .. } => msg!(
                "the file is larger than the limit of {limit} bytes (it grew while being read, or is larger than it said)",
                "el archivo es mayor que el límite de {limit} bytes (creció mientras se leía, o es mayor de lo que decía)"
            ),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        ReadError::Io(error)
    }
}

/// Opens `path` for reading without blocking on a FIFO.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

/// Opens `path` for reading.
#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

/// What a file that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A directory.
    Folder,
    /// A named pipe, which would block a reader until a writer comes.
    Fifo,
    /// A character or block device such as `/dev/zero`.
    Device,
    /// A Unix socket.
    Socket,
    /// Anything else the system reports.
    Other,
}

fn kind_of(file_type: std::fs::FileType) -> Special {
    if file_type.is_dir() {
        return Special::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Special::Fifo;
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Special::Device;
        }
        if file_type.is_socket() {
            return Special::Socket;
        }
    }
    Special::Other
}

/// Reads `path`, which must be a regular file (symlinks followed) of at
/// most `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path)?;
    // The kind of the handle actually opened: a path checked first and
    // opened second could be swapped for a FIFO in between.
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(kind_of(metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            limit,
            size: metadata.len(),
        });
    }
    // Trust the size only as a capacity hint, and only up to the limit.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            limit,
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_and_follows_symlinks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"hello").expect("write");
        assert_eq!(read_bounded(&path, 5).expect("read"), b"hello");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&path, &link).expect("symlink");
            assert_eq!(read_bounded(&link, 5).expect("read"), b"hello");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"hello!").expect("write");
        let error = read_bounded(&path, 5).expect_err("too large");
        assert!(matches!(error, ReadError::TooLarge { limit: 5, size: 6 }));
        assert!(error.message().en.contains("limit of 5"));
    }

    #[test]
    fn a_folder_is_not_a_regular_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_bounded(dir.path(), 5).expect_err("folder");
        // Some systems refuse to open a folder at all; either way it is
        // not read, and the message names the reason.
        if let ReadError::NotRegular(_) = error {
            assert!(error.message().en.contains("not a regular file"));
            assert!(error.message().es.contains("no es un archivo normal"));
        }
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let error = read_bounded(Path::new("/dev/zero"), 1024).expect_err("device");
        assert!(matches!(error, ReadError::NotRegular(Special::Device)));
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("x.ron");
        let name = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let error = read_bounded(&fifo, 1024).expect_err("fifo");
        assert!(matches!(error, ReadError::NotRegular(Special::Fifo)));
    }
}
