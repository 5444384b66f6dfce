//! `momento about`: the version, and where this machine keeps the attempt
//! records, the settings and the scenarios (the same facts as the
//! Settings screen's "Where your data lives").

use crate::i18n::fill;
use crate::lang::Lang;
use crate::paths::{DataPaths, RecordsFrom};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What `about` is told by the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AboutArgs {
    /// The top-level `--records DIR`, copied here by the binary.
    #[arg(skip)]
    pub records: Option<PathBuf>,
    /// The top-level `--scenarios DIR`, copied here by the binary.
    #[arg(skip)]
    pub scenarios: Option<PathBuf>,
}

/// One line of the report: a label and a value with an optional note.
struct Line {
    label: &'static str,
    value: String,
    note: Option<String>,
}

/// Writes the report; the settings file is read only for the trainer's
/// scenarios folder.
pub fn run(args: &AboutArgs, lang: Lang, out: &mut dyn Write) -> std::io::Result<i32> {
    let paths = DataPaths::gather(args.records.as_deref(), crate::paths::settings_file());
    let settings_folder = paths
        .settings_file
        .as_deref()
        .and_then(crate::ui::settings::read_settings)
        .and_then(|s| s.scenarios_folder);
    writeln!(out, "Momento {}", crate::version::VERSION)?;
    write_report(
        &paths,
        settings_folder.as_deref(),
        args.scenarios.as_deref(),
        lang,
        out,
    )?;
    Ok(0)
}

/// The report for `paths`; split from [`run`] so a test can give it paths.
pub fn write_report(
    paths: &DataPaths,
    settings_folder: Option<&Path>,
    flag_folder: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let t = lang.texts();
    let not_yet = |path: &Path| (!path.exists()).then(|| t.paths_not_yet.to_string());
    let mut lines = Vec::new();
    lines.push(match &paths.records {
        Some((dir, from)) => Line {
            label: t.paths_records,
            value: dir.display().to_string(),
            note: Some(not_yet(dir).unwrap_or_else(|| {
                match from {
                    RecordsFrom::CommandLine => t.paths_records_from_flag,
                    RecordsFrom::Environment => t.paths_records_from_env,
                    RecordsFrom::Default => t.paths_records_from_default,
                }
                .to_string()
            })),
        },
        None => Line {
            label: t.paths_records,
            value: t.paths_not_saved.to_string(),
            note: None,
        },
    });
    lines.push(match &paths.settings_file {
        Some(file) => Line {
            label: t.paths_settings,
            value: file.display().to_string(),
            note: not_yet(file),
        },
        None => Line {
            label: t.paths_settings,
            value: t.paths_not_saved.to_string(),
            note: None,
        },
    });
    lines.push(Line {
        label: t.paths_built_in,
        value: fill(
            t.paths_built_in_count,
            &[("count", &paths.built_in_scenarios.to_string())],
        ),
        note: None,
    });
    lines.push(Line {
        label: t.paths_installed,
        value: paths
            .installed_scenarios
            .as_ref()
            .map(|dir| dir.display().to_string())
            .unwrap_or_else(|| t.paths_installed_none.to_string()),
        note: None,
    });
    let trainer = [
        (settings_folder, t.paths_trainer_from_settings),
        (flag_folder, t.paths_trainer_from_flag),
    ];
    let mut any_trainer = false;
    for (folder, how) in trainer {
        if let Some(folder) = folder {
            any_trainer = true;
            lines.push(Line {
                label: t.paths_trainer,
                value: folder.display().to_string(),
                note: Some(not_yet(folder).unwrap_or_else(|| how.to_string())),
            });
        }
    }
    if !any_trainer {
        lines.push(Line {
            label: t.paths_trainer,
            value: t.paths_trainer_none.to_string(),
            note: None,
        });
    }
    writeln!(out, "{}", t.paths_title)?;
    let width = lines
        .iter()
        .map(|line| line.label.chars().count())
        .max()
        .unwrap_or(0);
    for line in &lines {
        let pad = width.saturating_sub(line.label.chars().count());
        write!(out, "  {}:{} {}", line.label, " ".repeat(pad), line.value)?;
        match &line.note {
            Some(note) => writeln!(out, "  ({note})")?,
            None => writeln!(out)?,
        }
    }
    writeln!(out, "{}", t.paths_help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_names_every_path_in_both_languages() {
        let dir = tempfile::tempdir().expect("temp dir");
        let records = dir.path().join("attempts");
        std::fs::create_dir_all(&records).expect("created");
        let paths = DataPaths {
            records: Some((records.clone(), RecordsFrom::CommandLine)),
            settings_file: Some(dir.path().join("config/settings.ron")),
            built_in_scenarios: 20,
            installed_scenarios: Some(PathBuf::from("/usr/share/momento/scenarios")),
        };
        let mine = dir.path().join("mine");
        for lang in Lang::ALL {
            let t = lang.texts();
            let mut out = Vec::new();
            write_report(&paths, None, Some(&mine), lang, &mut out).expect("written");
            let text = String::from_utf8(out).expect("UTF-8");
            assert!(text.contains(&records.display().to_string()), "{text}");
            assert!(text.contains(t.paths_records_from_flag), "{text}");
            assert!(text.contains("settings.ron"), "{text}");
            // Neither the settings file nor the scenarios folder exists.
            assert_eq!(text.matches(t.paths_not_yet).count(), 2, "{text}");
            assert!(text.contains("/usr/share/momento/scenarios"), "{text}");
            assert!(text.contains(&fill(t.paths_built_in_count, &[("count", "20")])));
            assert!(text.contains(&mine.display().to_string()), "{text}");
        }
        let none = DataPaths::default();
        let mut out = Vec::new();
        write_report(&none, None, None, Lang::En, &mut out).expect("written");
        let text = String::from_utf8(out).expect("UTF-8");
        assert_eq!(text.matches(Lang::En.texts().paths_not_saved).count(), 2);
        assert!(text.contains(Lang::En.texts().paths_trainer_none), "{text}");
    }
}
