//! Repository tasks for lakegate, run as `cargo xtask TASK` (alias in `.cargo/config.toml`).
//!
//! `cargo xtask gen` writes the generated files that are committed to the repository:
//! `completions/` (the static script of every shell, exactly what `lakegate completion SHELL`
//! prints) and `man/` (one page per command and subcommand, `lakegate-NOUN-VERB.1`).
//! `cargo xtask gen --check` regenerates them in memory and fails when the committed copy differs;
//! CI runs it so a change to the command line cannot land without its completions and man pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::{Generator, Shell};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Repository tasks for lakegate")]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Regenerate completions/ and man/ from the command-line definition
    Gen {
        /// Change nothing; exit 1 naming every file that is missing, different or extra
        #[arg(long)]
        check: bool,
    },
}

/// The directories `gen` owns entirely: any other file in them is stale.
const OWNED_DIRS: [&str; 2] = ["completions", "man"];

fn main() -> ExitCode {
    let Xtask {
        task: Task::Gen { check },
    } = Xtask::parse();
    match gen(&repo_root(), check) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the repository root")
        .to_path_buf()
}

/// Every generated file: path relative to the repository root → contents.
fn generated() -> std::io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    for &shell in Shell::value_variants() {
        files.insert(
            format!("completions/{}", shell.file_name("lakegate")),
            lakegate::commands::completion::static_script(shell),
        );
    }

    let mut cmd = lakegate::cli::Cli::command().disable_help_subcommand(true);
    // Building names every subcommand `lakegate-NOUN-VERB` (its display name), which is both the
    // page's file name and the name its parent's SUBCOMMANDS section refers to.
    cmd.build();
    let source = format!("lakegate {}", cmd.get_version().unwrap_or_default());
    man_pages(&cmd, &source, &mut files)?;
    Ok(files)
}

fn man_pages(
    cmd: &clap::Command,
    source: &str,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).source(source);
    let mut page = Vec::new();
    man.render(&mut page)?;
    files.insert(format!("man/{}", man.get_filename()), page);
    // External (plugin) subcommands are not in this list; hidden ones and `help` are skipped.
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        man_pages(sub, source, files)?;
    }
    Ok(())
}

/// Files currently in the owned directories, relative to the repository root.
fn existing(root: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for dir in OWNED_DIRS {
        let entries = match std::fs::read_dir(root.join(dir)) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            out.push(format!("{dir}/{}", entry.file_name().to_string_lossy()));
        }
    }
    out.sort();
    Ok(out)
}

/// Returns whether everything was up to date (check) or written (no check).
fn gen(root: &Path, check: bool) -> std::io::Result<bool> {
    let files = generated()?;
    let mut stale = Vec::new();
    for (rel, want) in &files {
        let path = root.join(rel);
        match std::fs::read(&path) {
            Ok(have) if &have == want => {}
            Ok(_) => stale.push(rel.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => stale.push(rel.clone()),
            Err(e) => return Err(e),
        }
    }
    let extra: Vec<String> = existing(root)?
        .into_iter()
        .filter(|rel| !files.contains_key(rel))
        .collect();

    if check {
        for rel in stale.iter().chain(&extra) {
            eprintln!("stale: {rel}; run `cargo xtask gen`");
        }
        let fresh = stale.is_empty() && extra.is_empty();
        if fresh {
            println!("{} generated files up to date", files.len());
        }
        return Ok(fresh);
    }

    for rel in &stale {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, &files[rel])?;
        println!("wrote {rel}");
    }
    for rel in &extra {
        let path = root.join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
        println!("removed {rel}");
    }
    if stale.is_empty() && extra.is_empty() {
        println!("{} generated files up to date", files.len());
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xtask_cli_is_consistent() {
        Xtask::command().debug_assert();
    }

    #[test]
    fn pages_are_named_after_the_full_command() {
        let files = generated().unwrap();
        for name in [
            "man/lakegate.1",
            "man/lakegate-bucket.1",
            "man/lakegate-bucket-delegate.1",
            "man/lakegate-bucket-policy-get.1",
            "man/lakegate-accesspoint-create.1",
            "completions/lakegate.bash",
            "completions/_lakegate",
            "completions/lakegate.fish",
            "completions/_lakegate.ps1",
            "completions/lakegate.elv",
        ] {
            assert!(files.contains_key(name), "{name} is not generated");
        }
        assert!(!files.keys().any(|k| k.contains("help")));
    }
}
