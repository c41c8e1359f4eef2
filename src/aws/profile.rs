//! The shared config and credentials files, read only as far as lakegate must check them
//! before the SDK does: which profiles exist, and a profile's retry settings (which the SDK
//! would panic on when malformed), and a profile's region as the SDK reads it.

use std::path::PathBuf;

/// The shared config file and the shared credentials file, as the AWS CLI finds them:
/// `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/config` / `~/.aws/credentials`.
pub fn files() -> (PathBuf, PathBuf) {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let pick = |var: &str, default: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(|v| expand_home(PathBuf::from(v), &home))
            .unwrap_or_else(|| home.join(".aws").join(default))
    };
    (
        pick("AWS_CONFIG_FILE", "config"),
        pick("AWS_SHARED_CREDENTIALS_FILE", "credentials"),
    )
}

fn expand_home(p: PathBuf, home: &std::path::Path) -> PathBuf {
    match p.strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => p,
    }
}

/// The sections of an INI-style AWS file: (header, key/value pairs), keys lower-cased.
fn sections(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(h) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((
                h.split_whitespace().collect::<Vec<_>>().join(" "),
                Vec::new(),
            ));
        } else if let (Some((k, v)), Some(last)) = (line.split_once('='), out.last_mut()) {
            last.1
                .push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    out
}

/// The section of profile `name` in the config file (`[profile NAME]`, or `[default]`).
fn config_section(name: &str) -> Option<Vec<(String, String)>> {
    let text = std::fs::read_to_string(files().0).ok()?;
    sections(&text).into_iter().find_map(|(h, kv)| {
        let n = h.strip_prefix("profile ").unwrap_or(&h);
        (n == name && (h.starts_with("profile ") || h == "default")).then_some(kv)
    })
}

/// True when profile `name` is in the config file or the credentials file.
pub fn exists(name: &str) -> bool {
    if config_section(name).is_some() {
        return true;
    }
    std::fs::read_to_string(files().1)
        .map(|t| sections(&t).iter().any(|(h, _)| h == name))
        .unwrap_or(false)
}

/// A setting of profile `name` in the config file.
pub fn value(name: &str, key: &str) -> Option<String> {
    config_section(name)?
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The region profile `name` sets, as the SDK reads it (for the environment of a plugin, before
/// any client exists). Blocks on its own small runtime: call it outside any async context.
pub fn region(name: &str) -> Option<String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    rt.block_on(async {
        use aws_config::meta::region::ProvideRegion;
        aws_config::profile::ProfileFileRegionProvider::builder()
            .profile_name(name)
            .build()
            .region()
            .await
            .map(|r| r.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_keys_are_read() {
        let s =
            sections("[default]\nregion = eu-west-1\n\n[profile  other]\nmax_attempts=3\n# c\n");
        assert_eq!(s[0].0, "default");
        assert_eq!(s[1].0, "profile other");
        assert_eq!(s[1].1, vec![("max_attempts".to_string(), "3".to_string())]);
    }
}
