//! The hidden `generate-man` and `generate-completions` commands: the man
//! pages and shell completions come from the same clap definitions as
//! `--help`, so they cannot drift from the program. Packaging runs them
//! (`scripts/package.sh`); a build.rs would slow every build instead.

use clap_complete::Shell;
use std::io;
use std::path::{Path, PathBuf};

/// The shells completions are written for.
pub const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

/// Writes `momento.1` and one page per visible command
/// (`momento-check.1`...) into `dir`, creating it. Returns the files.
pub fn write_man_pages(command: clap::Command, dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    // Building names each subcommand `momento-check` and its usage
    // `momento check`, as the pages of git-style tools are.
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut written = Vec::new();
    write_page(&command, dir, &mut written)?;
    Ok(written)
}

/// The page of `command`, then those of its visible subcommands.
fn write_page(command: &clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> io::Result<()> {
    written.push(clap_mangen::Man::new(command.clone()).generate_to(dir)?);
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_page(sub, dir, written)?;
    }
    Ok(())
}

/// Writes completions for bash (`momento.bash`), zsh (`_momento`) and fish
/// (`momento.fish`) into `dir`, creating it. Returns the files.
pub fn write_completions(command: clap::Command, dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut command = command;
    let name = command.get_name().to_string();
    SHELLS
        .iter()
        .map(|shell| clap_complete::generate_to(*shell, &mut command, &name, dir))
        .collect()
}
