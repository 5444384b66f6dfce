//! What `momento --version` says: the program's version and the versions
//! of the file formats it reads, so a trainer can tell whether a
//! colleague's scenario or a trainee's attempt file will open.

use crate::i18n::fill;
use crate::lang::Lang;
use std::sync::LazyLock;

/// The program's version (from `Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The oldest attempt-record format this version reads; newer files than
/// [`crate::records::FORMAT`] are refused.
pub const OLDEST_RECORD_FORMAT: u32 = 1;

/// The version text in `lang`, after the program's name: the version on
/// the first line, then one line per file format.
pub fn version_text(lang: Lang) -> String {
    let t = lang.texts();
    let lines = [
        VERSION.to_string(),
        fill(
            t.version_scenarios,
            &[(
                "format",
                &crate::scenario::model::FORMAT_VERSION.to_string(),
            )],
        ),
        fill(
            t.version_records,
            &[
                ("oldest", &OLDEST_RECORD_FORMAT.to_string()),
                ("newest", &crate::records::FORMAT.to_string()),
            ],
        ),
        fill(
            t.version_layouts,
            &[("format", &crate::graph::sidecar::SIDECAR_FORMAT.to_string())],
        ),
    ];
    lines.join("\n")
}

/// [`version_text`] in `lang`, made once: clap wants a `&'static str`.
pub fn version_str(lang: Lang) -> &'static str {
    static ES: LazyLock<String> = LazyLock::new(|| version_text(Lang::Es));
    static EN: LazyLock<String> = LazyLock::new(|| version_text(Lang::En));
    match lang {
        Lang::Es => ES.as_str(),
        Lang::En => EN.as_str(),
    }
}

/// [`version_str`] in the system's language, for `momento --version`.
pub fn version_for_environment() -> &'static str {
    version_str(Lang::from_environment())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_every_format_in_both_languages() {
        for lang in Lang::ALL {
            let text = version_text(lang);
            let mut lines = text.lines();
            assert_eq!(lines.next(), Some(VERSION));
            let rest: Vec<&str> = lines.collect();
            assert_eq!(rest.len(), 3, "{text}");
            let scenario_format = crate::scenario::model::FORMAT_VERSION.to_string();
            assert!(rest[0].ends_with(&scenario_format), "{text}");
            assert!(
                rest[1].contains(&crate::records::FORMAT.to_string()),
                "{text}"
            );
        }
        assert_ne!(version_text(Lang::Es), version_text(Lang::En));
    }
}
