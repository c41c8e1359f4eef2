//! The settings of one run, resolved from the global flags and the environment: the output
//! format, colour and verbosity the printer reads, the AWS settings the session loads, and the
//! safety switches (--dry-run, --yes, --lock-bucket) the change pipeline reads.
//!
//! Below `output/` and the engines, which read them; `cli.rs` (the flags) builds them. Nothing
//! here knows clap's command tree: the enums are clap `ValueEnum`s only so the flags can take
//! them as they are.

use crate::values::Query;
use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// Aligned columns for people, fitted to the terminal (COLUMNS)
    #[default]
    Table,
    /// The table with more columns, every cell in full
    Wide,
    /// JSON (stable, snake_case keys)
    Json,
    /// YAML (same shape as JSON)
    Yaml,
    /// CSV with a header row
    Csv,
    /// KIND/NAME per line, for list commands (as kubectl's -o name)
    Name,
}

impl OutputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Wide => "wide",
            OutputFormat::Json => "json",
            OutputFormat::Yaml => "yaml",
            OutputFormat::Csv => "csv",
            OutputFormat::Name => "name",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// What the global flags say, resolved once (`GlobalArgs::settings` in `cli.rs`).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Named AWS profile (`--profile`; AWS_PROFILE is read by the AWS layer).
    pub profile: Option<String>,
    /// `--region`; the AWS layer falls back to AWS_REGION and the profile.
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// The account that owns the buckets and access points (`--account-id`).
    pub account_id: Option<String>,
    /// A role assumed before any call (`--assume-role`).
    pub assume_role: Option<String>,
    pub output: OutputFormat,
    pub query: Option<Query>,
    pub no_headers: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub no_progress: bool,
    pub color: ColorChoice,
    pub dry_run: bool,
    /// The bucket of the lease serialising policy writes (`--lock-bucket`).
    pub lock_bucket: Option<String>,
    pub yes: bool,
}
