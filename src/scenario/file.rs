//! Reading a scenario file from disk: the size limits, and text that is
//! UTF-8 or a located diagnostic saying why not.

use crate::diagnostic::{Code, Diagnostic, Reporter};
use crate::lang::{Bilingual, msg};
use crate::regular::{ReadError, read_bounded};
use crate::source::Span;
use std::path::Path;

/// Limits that keep loading bounded on hostile or accidental input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: usize,
    /// Most nodes in one scenario.
    pub max_nodes: usize,
    /// Longest text, in characters.
    pub max_text_chars: usize,
    /// Deepest nesting of RON values.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 2 * 1024 * 1024,
            max_nodes: 5_000,
            max_text_chars: 4_000,
            max_depth: 64,
        }
    }
}

impl Limits {
    /// Limits for generated stress scenarios (benchmarks): size limits
    /// lifted, nesting still bounded.
    pub fn unbounded() -> Self {
        Limits {
            max_file_bytes: usize::MAX,
            max_nodes: usize::MAX,
            max_text_chars: usize::MAX,
            max_depth: 64,
        }
    }
}

/// The E022 message and hint for a file of `size` bytes.
pub fn file_too_large(size: u64, limits: &Limits) -> (Bilingual, Bilingual) {
    let max = limits.max_file_bytes;
    let mib = max / (1024 * 1024);
    // Exactly one byte over is what a bounded read sees of a file that
    // grew or lied about its size: its real size is unknown.
    let message = if size == (max as u64).saturating_add(1) {
        msg!(
            "the file is larger than the limit of {max} bytes ({mib} MiB)",
            "el archivo es mayor que el límite de {max} bytes ({mib} MiB)"
        )
    } else {
        msg!(
            "the file is {size} bytes, more than the limit of {max} ({mib} MiB)",
            "el archivo ocupa {size} bytes, más que el límite de {max} ({mib} MiB)"
        )
    };
    (
        message,
        msg!(
            "split the scenario into several files, or check that this is really a scenario",
            "divide el escenario en varios archivos, o comprueba que de verdad sea un escenario"
        ),
    )
}

/// Reads a file as text within the size limit, or gives the diagnostic.
///
/// Only a regular file is read (symlinks are followed): a FIFO, a device
/// or a folder named `x.ron` gets an `E031` at once instead of blocking or
/// never ending, and at most the limit plus one byte is ever read, so a
/// file that grows while it is read is cut off with an `E022`.
pub fn read_text(path: &Path, limits: &Limits) -> Result<String, Box<Diagnostic>> {
    let reporter = Reporter::new(path, "");
    let error = |code, (message, hint): (Bilingual, Bilingual)| {
        Box::new(reporter.make(code, Span::default(), message, hint))
    };
    let bytes = match read_bounded(path, limits.max_file_bytes as u64) {
        Ok(bytes) => bytes,
        Err(ReadError::TooLarge { size, .. }) => {
            return Err(error(Code::E022, file_too_large(size, limits)));
        }
        Err(other) => return Err(error(Code::E031, cannot_read(&other))),
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let text = String::from_utf8_lossy(&bytes[..offset]).into_owned();
        let reporter = Reporter::new(path, &text);
        Box::new(reporter.make(
            Code::E001,
            Span::new(offset, offset),
            msg!(
                "the file is not valid UTF-8 text",
                "el archivo no es texto UTF-8 válido"
            ),
            msg!(
                "save the file as UTF-8 in your editor (Save with encoding → UTF-8)",
                "guarda el archivo como UTF-8 desde tu editor (Guardar con codificación → UTF-8)"
            ),
        ))
    })
}

/// The E031 message and hint.
fn cannot_read(error: &ReadError) -> (Bilingual, Bilingual) {
    let reason = error.message();
    let hint = match error {
        ReadError::NotRegular(_) => msg!(
            "a scenario is a plain text file: check that the path names the file you wrote",
            "un escenario es un archivo de texto normal: comprueba que la ruta sea la del archivo que escribiste"
        ),
        _ => msg!(
            "check the path and that you may read the file",
            "comprueba la ruta y que tengas permiso para leer el archivo"
        ),
    };
    (
        msg!(
            "cannot read the file: {reason}",
            "no se puede leer el archivo: {reason}",
            reason => reason,
        ),
        hint,
    )
}
