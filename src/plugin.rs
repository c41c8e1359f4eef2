//! Plugins: `lakegate NAME ARGS` runs the first executable `lakegate-NAME` on PATH.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const PREFIX: &str = "lakegate-";

#[derive(Debug, Clone, serde::Serialize)]
pub struct PluginEntry {
    pub name: String,
    pub path: PathBuf,
    /// `ok`, `shadowed-by-builtin` or `shadowed-by-path`.
    pub status: String,
    /// What shadows it: the built-in command, or the path of the earlier plugin.
    pub shadowed_by: Option<String>,
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

fn path_dirs() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default()
}

/// Every `lakegate-*` executable on PATH, in PATH order, with shadowing worked out.
pub fn discover(builtins: &[String]) -> Vec<PluginEntry> {
    let mut first: HashMap<String, PathBuf> = HashMap::new();
    let mut out = Vec::new();
    for dir in path_dirs() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<(String, PathBuf)> = rd
            .flatten()
            .filter_map(|e| {
                let file = e.file_name().into_string().ok()?;
                let name = file.strip_prefix(PREFIX)?.to_string();
                (!name.is_empty()).then_some((name, e.path()))
            })
            .filter(|(_, p)| is_executable(p))
            .collect();
        names.sort();
        for (name, path) in names {
            let (status, shadowed_by) = if builtins.contains(&name) {
                ("shadowed-by-builtin", Some(format!("lakegate {name}")))
            } else if let Some(earlier) = first.get(&name) {
                ("shadowed-by-path", Some(earlier.display().to_string()))
            } else {
                first.insert(name.clone(), path.clone());
                ("ok", None)
            };
            out.push(PluginEntry {
                name,
                path,
                status: status.into(),
                shadowed_by,
            });
        }
    }
    out
}

/// The first executable `lakegate-NAME` on PATH.
pub fn find(name: &str) -> Option<PathBuf> {
    if name.contains('/') || name.is_empty() {
        return None;
    }
    path_dirs()
        .into_iter()
        .map(|d| d.join(format!("{PREFIX}{name}")))
        .find(|p| is_executable(p))
}

/// Run a plugin with the arguments after its name, the `LAKEGATE_*` variables set, and return
/// its exit code (128+signal when it was killed by a signal).
pub fn run(path: &Path, args: &[OsString], env: &[(String, String)]) -> std::io::Result<i32> {
    let status = std::process::Command::new(path)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .status()?;
    if let Some(code) = status.code() {
        return Ok(code);
    }
    use std::os::unix::process::ExitStatusExt;
    Ok(128 + status.signal().unwrap_or(1))
}

/// The closest built-in to a mistyped command, if one is close enough.
pub fn closest<'a>(name: &str, builtins: &'a [String]) -> Option<&'a str> {
    builtins
        .iter()
        .map(|b| (strsim::jaro_winkler(name, b), b))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, b)| b.as_str())
}

/// Names (and aliases) of the built-in commands of `cmd` (the command tree), which a plugin
/// cannot take.
pub fn builtin_names(cmd: &clap::Command) -> Vec<String> {
    let mut names: Vec<String> = vec!["help".into()];
    for sc in cmd.get_subcommands() {
        names.push(sc.get_name().to_string());
        names.extend(sc.get_all_aliases().map(str::to_owned));
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_builtins_only() {
        let b: Vec<String> = ["bucket", "accesspoint", "plugin", "completion"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(closest("acesspoint", &b), Some("accesspoint"));
        assert_eq!(closest("buckets", &b), Some("bucket"));
        assert_eq!(closest("zzz", &b), None);
    }
}
