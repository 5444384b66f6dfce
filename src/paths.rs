//! Where Momento keeps things on this machine: the attempt records, the
//! settings file, the scenarios built into the program and the copies a
//! package installs for trainers. The app's Settings screen and
//! `momento about` both show these, so the rules live here, once.

use std::path::{Path, PathBuf};

/// Environment variable that moves the attempts folder (tests, kiosks).
pub const RECORDS_DIR_VAR: &str = "MOMENTO_RECORDS_DIR";

/// Where a package installs copies of the built-in scenarios, relative to
/// the prefix the binary is installed under (`/usr` for the Debian
/// package, `~/.local` for the tarball's `install.sh`).
pub const INSTALLED_SCENARIOS: &str = "share/momento/scenarios";

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "Momento")
}

/// The settings file: `settings.ron` in the user's configuration folder
/// (`~/.config/momento` on Linux, `%APPDATA%\Momento\config` on Windows).
pub fn settings_file() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("settings.ron"))
}

/// The user's data folder for Momento (`~/.local/share/momento` on Linux);
/// the attempt records are its `attempts` folder.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().to_path_buf())
}

/// Which rule chose the attempts folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordsFrom {
    /// `--records DIR`.
    CommandLine,
    /// The [`RECORDS_DIR_VAR`] environment variable.
    Environment,
    /// The user's data folder.
    Default,
}

/// The attempts folder the app uses: `--records` if given, else the
/// [`RECORDS_DIR_VAR`] environment variable, else `attempts` in the user's
/// data folder. `None` when the system gives the user no data folder.
pub fn records_dir(command_line: Option<&Path>) -> Option<(PathBuf, RecordsFrom)> {
    if let Some(dir) = command_line {
        return Some((dir.to_path_buf(), RecordsFrom::CommandLine));
    }
    if let Some(dir) = std::env::var_os(RECORDS_DIR_VAR).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(dir), RecordsFrom::Environment));
    }
    crate::records::Store::default_dir().map(|dir| (dir, RecordsFrom::Default))
}

/// The installed copies of the built-in scenarios for a binary at `exe`:
/// `<prefix>/share/momento/scenarios` when `exe` is `<prefix>/bin/momento`
/// and that folder exists.
pub fn installed_scenarios_for(exe: &Path) -> Option<PathBuf> {
    let prefix = exe.parent()?.parent()?;
    let dir = prefix.join(INSTALLED_SCENARIOS);
    dir.is_dir().then_some(dir)
}

/// The installed copies of the built-in scenarios for the running binary
/// (see [`installed_scenarios_for`]); `None` when it runs from a build
/// folder.
pub fn installed_scenarios() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    installed_scenarios_for(&exe)
}

/// Everything a user may need to find, gathered once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataPaths {
    /// The attempts folder in use, and the rule that chose it; `None` when
    /// attempts are not saved.
    pub records: Option<(PathBuf, RecordsFrom)>,
    /// The settings file; `None` when settings are not saved.
    pub settings_file: Option<PathBuf>,
    /// How many scenario files are built into the program.
    pub built_in_scenarios: usize,
    /// Installed copies of the built-in scenarios, for trainers to copy.
    pub installed_scenarios: Option<PathBuf>,
}

impl DataPaths {
    /// The paths of this machine for a process started with `--records`
    /// set to `records_flag`, reading settings from `settings_file`.
    pub fn gather(records_flag: Option<&Path>, settings_file: Option<PathBuf>) -> DataPaths {
        DataPaths {
            records: records_dir(records_flag),
            settings_file,
            built_in_scenarios: crate::library::BUILT_IN.len(),
            installed_scenarios: installed_scenarios(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_wins_over_everything_for_records() {
        let flag = Path::new("/somewhere/attempts");
        assert_eq!(
            records_dir(Some(flag)),
            Some((flag.to_path_buf(), RecordsFrom::CommandLine))
        );
    }

    #[test]
    fn installed_scenarios_sit_under_the_binary_prefix() {
        let root = tempfile::tempdir().expect("temp dir");
        let exe = root.path().join("usr/bin/momento");
        assert_eq!(installed_scenarios_for(&exe), None, "no folder yet");
        let scenarios = root.path().join("usr").join(INSTALLED_SCENARIOS);
        std::fs::create_dir_all(&scenarios).expect("created");
        assert_eq!(installed_scenarios_for(&exe), Some(scenarios));
        assert_eq!(installed_scenarios_for(Path::new("momento")), None);
    }

    #[test]
    fn the_settings_file_is_named_settings_ron() {
        if let Some(path) = settings_file() {
            assert_eq!(path.file_name(), Some("settings.ron".as_ref()));
        }
        let gathered = DataPaths::gather(Some(Path::new("/r")), None);
        assert!(gathered.built_in_scenarios >= 2);
    }
}
