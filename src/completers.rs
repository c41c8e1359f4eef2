//! The value completers of dynamic completion (`COMPLETE=SHELL lakegate -- WORDS…`, what the
//! scripts of `lakegate completion SHELL` call; commands, options and plugins are completed by
//! clap from the command tree, see `dispatch.rs`): profiles from the shared config files;
//! regions from the partition list; bucket and access point names from the account, using the
//! `--profile`, `--region` and `--endpoint-url` already typed on the line. Below the verbs, whose
//! `Args` name them (`add = crate::completers::bucket_completer()`).
//!
//! A completion must never hang a shell or print an error into it: every AWS lookup runs under
//! one short deadline and any failure offers nothing.

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::time::Duration;

/// How long a name lookup may take before completion gives up silently
/// (`LAKEGATE_COMPLETION_TIMEOUT_MS` overrides it).
const DEFAULT_TIMEOUT: Duration = Duration::from_millis(2000);

/// The AWS options typed so far on the line being completed (the words after `--`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LineAws {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
}

impl LineAws {
    /// Read `--profile P`, `--profile=P` (likewise `--region`, `--endpoint-url`) from the words.
    pub fn from_words(words: &[OsString]) -> Self {
        let mut out = LineAws::default();
        let mut it = words.iter().filter_map(|w| w.to_str()).peekable();
        while let Some(w) = it.next() {
            for (flag, slot) in [
                ("--profile", &mut out.profile),
                ("--region", &mut out.region),
                ("--endpoint-url", &mut out.endpoint_url),
            ] {
                if w == flag {
                    if let Some(v) = it.peek() {
                        if !v.starts_with('-') && !v.is_empty() {
                            *slot = Some(v.to_string());
                        }
                    }
                } else if let Some(v) = w.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
                    if !v.is_empty() {
                        *slot = Some(v.to_string());
                    }
                }
            }
        }
        out
    }

    fn from_process() -> Self {
        let args: Vec<OsString> = std::env::args_os().collect();
        // `lakegate -- lakegate WORDS…`: the line is after the first `--`.
        let words = match args.iter().position(|a| a == "--") {
            Some(i) => &args[i + 1..],
            None => &args[..],
        };
        let mut line = LineAws::from_words(words);
        if line.endpoint_url.is_none() {
            line.endpoint_url = std::env::var("LAKEGATE_ENDPOINT_URL")
                .ok()
                .filter(|v| !v.is_empty());
        }
        line
    }
}

fn timeout() -> Duration {
    std::env::var("LAKEGATE_COMPLETION_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(Duration::from_millis)
        .unwrap_or(DEFAULT_TIMEOUT)
}

fn complete_with<F, Fut>(current: &OsStr, fetch: F) -> Vec<CompletionCandidate>
where
    F: FnOnce(crate::aws::Aws) -> Fut,
    Fut: std::future::Future<Output = crate::error::Result<Vec<String>>>,
{
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let line = LineAws::from_process();
    let global = crate::aws::Settings {
        profile: line.profile,
        region: line.region,
        endpoint_url: line.endpoint_url,
        ..Default::default()
    };
    // One deadline over loading the configuration and the lookup: credential providers and
    // region discovery can stall too.
    let names = rt.block_on(async {
        tokio::time::timeout(timeout(), async {
            let aws = crate::aws::Aws::load(&global).await.ok()?;
            fetch(aws).await.ok()
        })
        .await
        .ok()
        .flatten()
    });
    names
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}

fn buckets(current: &OsStr) -> Vec<CompletionCandidate> {
    complete_with(current, |aws| async move {
        aws.bucket_names()
            .await
            .map_err(crate::error::CliError::from)
    })
}

fn access_points(current: &OsStr) -> Vec<CompletionCandidate> {
    complete_with(current, |aws| async move {
        let account = aws.account_id().await?;
        Ok(aws
            .list_access_points(&account, None, |_| {})
            .await?
            .into_iter()
            .map(|a| a.name)
            .collect())
    })
}

/// The shared config and credentials files, as the SDKs find them.
fn shared_files() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let file = |var: &str, default: &str| {
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(default)))
    };
    [
        file("AWS_CONFIG_FILE", ".aws/config"),
        file("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Profile names in a config file (`[profile NAME]`, `[default]`) or a credentials file (`[NAME]`).
pub fn profile_names(text: &str, config_file: bool) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            let inner = l.strip_prefix('[')?.strip_suffix(']')?.trim();
            if config_file {
                if inner == "default" {
                    return Some("default".to_string());
                }
                // `[sso-session X]` and `[services X]` are not profiles.
                let name = inner.strip_prefix("profile")?;
                name.starts_with(char::is_whitespace)
                    .then(|| name.trim().to_string())
            } else {
                Some(inner.to_string())
            }
        })
        .filter(|n| !n.is_empty())
        .collect()
}

fn profiles(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    let mut names = BTreeSet::new();
    for (i, path) in shared_files().into_iter().enumerate() {
        if let Ok(text) = std::fs::read_to_string(&path) {
            names.extend(profile_names(&text, i == 0));
        }
    }
    names
        .into_iter()
        .filter(|n| n.starts_with(current.as_ref()))
        .map(CompletionCandidate::new)
        .collect()
}

pub use crate::values::REGIONS;

fn regions(current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    REGIONS
        .iter()
        .filter(|r| r.starts_with(current.as_ref()))
        .map(|r| CompletionCandidate::new(*r))
        .collect()
}

pub fn bucket_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(buckets)
}

pub fn access_point_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(access_points)
}

pub fn profile_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(profiles)
}

pub fn region_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<OsString> {
        s.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn reads_the_aws_options_on_the_line() {
        let l = LineAws::from_words(&words(
            "lakegate --profile prod accesspoint get --region=eu-west-1 --endpoint-url http://x:1 a",
        ));
        assert_eq!(l.profile.as_deref(), Some("prod"));
        assert_eq!(l.region.as_deref(), Some("eu-west-1"));
        assert_eq!(l.endpoint_url.as_deref(), Some("http://x:1"));
        // A flag still waiting for its value does not take the next option as one.
        let l = LineAws::from_words(&words("lakegate --profile --region us-east-1"));
        assert_eq!(l.profile, None);
        assert_eq!(l.region.as_deref(), Some("us-east-1"));
    }

    #[test]
    fn profile_names_from_both_files() {
        let config = "[default]\nregion=us-east-1\n[profile prod]\n[sso-session corp]\n[services local]\n[profile  dev ]\n";
        assert_eq!(profile_names(config, true), ["default", "prod", "dev"]);
        let creds = "[default]\naws_access_key_id=x\n[ci]\n";
        assert_eq!(profile_names(creds, false), ["default", "ci"]);
    }
}
