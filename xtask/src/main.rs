//! Repository tasks for lakegate, run as `cargo xtask TASK` (alias in `.cargo/config.toml`).
//!
//! `cargo xtask gen` writes the generated files that are committed to the repository:
//! `schema/lake.schema.json` (what `lakegate schema` prints), `completions/` (the static script of every shell, exactly what `lakegate completion SHELL`
//! prints), `man/` (one page per command and subcommand, `lakegate-NOUN-VERB.1`) and
//! `docs/reference/` (the command reference in Markdown, one page per top-level command; see
//! `reference`). Man pages and the reference take each command's examples from its help.
//! `cargo xtask gen --check` regenerates them in memory and fails when the committed copy differs;
//! CI runs it so a change to the command line cannot land without its completions, man pages
//! and reference.

mod reference;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::{Generator, Shell};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Repository tasks for lakegate")]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Regenerate completions/, man/, schema/ and docs/reference/ from the command-line definition
    Gen {
        /// Change nothing; exit 1 naming every file that is missing, different or extra
        #[arg(long)]
        check: bool,
    },
}

/// The directories `gen` owns entirely: any other file in them is stale.
const OWNED_DIRS: [&str; 4] = ["completions", "man", "schema", reference::DIR];

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
            // What `lakegate completion SHELL` prints: the script that asks lakegate for names.
            lakegate::commands::completion::dynamic_script(shell)?,
        );
    }

    // What `lakegate schema` prints: the JSON Schema of a lake file, for editors.
    files.insert(
        lakegate::lake::schema::PATH.to_string(),
        lakegate::lake::schema::text().into_bytes(),
    );

    let mut cmd = lakegate::help::command().disable_help_subcommand(true);
    // Building names every subcommand `lakegate-NOUN-VERB` (its display name), which is both the
    // page's file name and the name its parent's SUBCOMMANDS section refers to.
    cmd.build();
    let source = format!("lakegate {}", cmd.get_version().unwrap_or_default());
    man_pages(&cmd, "", &source, &mut files)?;
    files.extend(reference::pages(&cmd));
    Ok(files)
}

fn man_pages(
    cmd: &clap::Command,
    path: &str,
    source: &str,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).source(source);
    let mut page = Vec::new();
    page.extend_from_slice(title(cmd, source).render().as_bytes());
    man.render_name_section(&mut page)?;
    page.extend_from_slice(synopsis(cmd).render().as_bytes());
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut page)?;
    }
    // The after-help text is the examples and the global-options line, written as sections of
    // their own below.
    page.extend_from_slice(extra_sections(cmd, path).render().as_bytes());
    man.render_version_section(&mut page)?;
    files.insert(format!("man/{}", man.get_filename()), page);
    // External (plugin) subcommands are not in this list; hidden ones and `help` are skipped.
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let sub_path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        man_pages(sub, &sub_path, source, files)?;
    }
    Ok(())
}

/// `.TH NAME 1 "" SOURCE MANUAL`. man prints the header as `NAME(1)  MANUAL  NAME(1)`; the
/// manual's default name (`General Commands Manual`) between two long page names
/// (`lakegate-subscription-target-create(1)`) overruns 80 columns and the three run into each
/// other, so the middle is left blank (`\&`, which is not empty: an empty one gets the default).
fn title(cmd: &clap::Command, source: &str) -> roff::Roff {
    let mut r = roff::Roff::new();
    r.control(
        "TH",
        [
            cmd.get_display_name().unwrap_or(cmd.get_name()),
            "1",
            "\"\"",
            source,
            MANUAL,
        ],
    );
    r
}

/// The middle of each page's header line (see [`title`]).
const MANUAL: &str = "\\&";

/// SYNOPSIS with the value every option takes (`--bucket BUCKET`), as `--help` shows it:
/// required options bare, optional ones in brackets, repeatable ones followed by `...`.
fn synopsis(cmd: &clap::Command) -> roff::Roff {
    use roff::{bold, italic, roman, Roff};
    let mut line = vec![
        bold(cmd.get_bin_name().unwrap_or(cmd.get_name())),
        roman(" "),
    ];
    let value = |a: &clap::Arg| -> String {
        a.get_value_names()
            .map(|v| v.join(" "))
            .unwrap_or_else(|| a.get_id().as_str().to_uppercase())
    };
    let takes_value = |a: &clap::Arg| a.get_num_args().is_some_and(|n| n.takes_values());
    let repeats = |a: &clap::Arg| {
        matches!(
            a.get_action(),
            clap::ArgAction::Append | clap::ArgAction::Count
        )
    };
    let opts = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional());
    for a in opts {
        let (l, r) = if a.is_required_set() {
            ("", "")
        } else {
            ("[", "]")
        };
        line.push(roman(l));
        match (a.get_short(), a.get_long()) {
            (Some(s), Some(long)) => {
                line.push(bold(format!("-{s}")));
                line.push(roman("|"));
                line.push(bold(format!("--{long}")));
            }
            (Some(s), None) => line.push(bold(format!("-{s}"))),
            (None, Some(long)) => line.push(bold(format!("--{long}"))),
            (None, None) => continue,
        }
        if takes_value(a) {
            line.push(roman(" "));
            line.push(italic(value(a)));
        }
        line.push(roman(r));
        if repeats(a) {
            line.push(roman("..."));
        }
        line.push(roman(" "));
    }
    for a in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let (l, r) = if a.is_required_set() {
            ("", "")
        } else {
            ("[", "]")
        };
        line.push(roman(l));
        line.push(italic(value(a)));
        line.push(roman(r));
        if repeats(a) {
            line.push(roman("..."));
        }
        line.push(roman(" "));
    }
    if cmd.has_subcommands() {
        line.push(italic("COMMAND"));
    }
    let mut r = Roff::new();
    r.control("SH", ["SYNOPSIS"]);
    r.text(line);
    r
}

/// EXAMPLES, GLOBAL OPTIONS, ENVIRONMENT, EXIT STATUS and SEE ALSO of one page.
fn extra_sections(cmd: &clap::Command, path: &str) -> roff::Roff {
    use roff::{bold, roman, Roff};
    let mut r = Roff::new();
    if let Some(ex) = lakegate::help::examples(path) {
        r.control("SH", ["EXAMPLES"]);
        r.control("nf", []);
        r.control("RS", ["4"]);
        for line in ex.lines() {
            r.text([roman(line)]);
        }
        r.control("RE", []);
        r.control("fi", []);
    }
    if path.is_empty() {
        r.control("SH", ["PLUGINS"]);
        r.text([roman(
            "Any other `lakegate NAME` runs the plugin `lakegate-NAME` found on PATH (see `lakegate plugin list`).",
        )]);
    } else {
        r.control("SH", ["GLOBAL OPTIONS"]);
        r.text([roman(
            "Every global option of lakegate(1) (--profile, --region, --endpoint-url, -o, -q, -v, --dry-run, --yes, ...) works here too; they are listed there once.",
        )]);
    }
    r.control("SH", ["ENVIRONMENT"]);
    for (name, what) in ENVIRONMENT {
        r.control("TP", []);
        r.text([bold(*name)]);
        r.text([roman(*what)]);
    }
    r.control("SH", ["EXIT STATUS"]);
    for (code, what) in EXIT_STATUS {
        r.control("TP", []);
        r.text([bold(*code)]);
        r.text([roman(*what)]);
    }
    r.control("SH", ["SEE ALSO"]);
    let mut see: Vec<String> = Vec::new();
    if !path.is_empty() {
        see.push("lakegate(1)".into());
        // The parent noun's page, and the sibling verbs.
        let parent: Vec<&str> = path.split(' ').collect();
        if parent.len() > 1 {
            see.push(format!(
                "lakegate-{}(1)",
                parent[..parent.len() - 1].join("-")
            ));
        }
    }
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let p = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        see.push(format!("lakegate-{}(1)", p.replace(' ', "-")));
    }
    see.push("aws(1)".into());
    r.text([roman(see.join(", "))]);
    r
}

/// The environment variables lakegate reads (the AWS ones as the AWS CLI reads them).
const ENVIRONMENT: &[(&str, &str)] = &[
    ("AWS_PROFILE", "The named profile to use when --profile is not given."),
    ("AWS_REGION, AWS_DEFAULT_REGION", "The region when --region is not given."),
    ("AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", "Credentials, used when no --profile is given."),
    ("AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE", "Where the shared config and credentials files are (default ~/.aws/config and ~/.aws/credentials)."),
    ("AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>", "Send requests (of one service) to this endpoint, e.g. a local emulator."),
    ("AWS_MAX_ATTEMPTS, AWS_RETRY_MODE", "Retries: attempts per request (default 5) and standard or adaptive mode."),
    ("LAKEGATE_OUTPUT", "Default output format (table, wide, json, yaml, csv)."),
    ("LAKEGATE_LOG", "A tracing filter for the log on stderr, instead of -v."),
    ("LAKEGATE_LOCK_TIMEOUT", "Seconds to wait for another writer's lease (default 300)."),
    ("LAKEGATE_STATE_DIR", "Where policy history is kept (default $XDG_STATE_HOME/lakegate, else ~/.local/state/lakegate)."),
    ("NO_COLOR", "Set to any value: no colour under --color auto."),
];

/// lakegate's exit codes (src/error.rs).
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success; for checks, allowed or compliant."),
    (
        "1",
        "The operation failed: AWS refused, a resource is missing, a verification did not hold.",
    ),
    ("2", "Bad usage or bad input; nothing was changed."),
    (
        "3",
        "A check answered denied (access check, endpoint status).",
    ),
    (
        "4",
        "The lake differs from the lake file (diff -f, apply -f --dry-run); nothing was changed.",
    ),
    (
        "130, 143, 129",
        "Interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP; the write in flight was settled and the lease released. Ctrl-C at a confirmation prompt ends at once, nothing changed.",
    ),
];

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
        <Xtask as clap::CommandFactory>::command().debug_assert();
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
            "docs/reference/README.md",
            "docs/reference/bucket.md",
            "docs/reference/doctor.md",
        ] {
            assert!(files.contains_key(name), "{name} is not generated");
        }
        assert!(!files.keys().any(|k| k.contains("help")));
    }

    /// man prints `NAME(1)  MANUAL  NAME(1)` on the first line: at 80 columns the longest page
    /// names leave no room for the manual's name, so it is blank, and the two names with a gap
    /// between them fit.
    #[test]
    fn page_headers_fit_80_columns() {
        let files = generated().unwrap();
        for (name, page) in files.iter().filter(|(k, _)| k.starts_with("man/")) {
            let text = String::from_utf8_lossy(page);
            let th = text
                .lines()
                .find(|l| l.starts_with(".TH "))
                .unwrap_or_else(|| panic!("{name}: no .TH"));
            let title = th.split(' ').nth(1).unwrap();
            assert!(th.contains(" \\&"), "{name}: {th}");
            let side = title.len() + "(1)".len();
            assert!(2 * side + 2 <= 80, "{name}: {th}");
        }
    }

    /// SYNOPSIS names the value each option takes, as --help does.
    #[test]
    fn synopsis_shows_value_names() {
        let files = generated().unwrap();
        let page =
            String::from_utf8_lossy(&files["man/lakegate-accesspoint-create.1"]).into_owned();
        let synopsis = page
            .split(".SH SYNOPSIS\n")
            .nth(1)
            .and_then(|s| s.lines().next())
            .unwrap()
            .to_string();
        assert!(
            synopsis.contains("\\fB\\-\\-bucket\\fR \\fIBUCKET\\fR"),
            "{synopsis}"
        );
        assert!(
            synopsis.contains("[\\fB\\-\\-vpc\\-id\\fR \\fIVPC\\fR]"),
            "{synopsis}"
        );
        assert!(synopsis.contains(" \\fINAME\\fR"), "{synopsis}");
        let page = String::from_utf8_lossy(&files["man/lakegate-bucket-delegate.1"]).into_owned();
        let synopsis = page
            .split(".SH SYNOPSIS\n")
            .nth(1)
            .unwrap()
            .lines()
            .next()
            .unwrap();
        assert!(
            !synopsis.contains("[\\fIBUCKET\\fR]"),
            "BUCKET is required: {synopsis}"
        );
    }
}
