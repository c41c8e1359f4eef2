//! The command-line surface: `lakegate NOUN VERB [ARGS]`.

use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;

pub use crate::settings::{ColorChoice, OutputFormat, Settings};

use crate::commands::{
    access, accessgrant, accesspoint, athena, audit, bucket, completion, doctor, endpoint, lake,
    plugin, subscription, whoami,
};

/// Govern access to shared Amazon S3 data lakes.
///
/// lakegate delegates a bucket's access control to S3 Access Points, gives each consuming
/// application its own access point scoped to its prefix, and keeps every policy edit
/// reviewable (--dry-run), reversible (policy history/rollback) and verified.
#[derive(Debug, Parser)]
#[command(
    name = "lakegate",
    version,
    propagate_version = true,
    allow_external_subcommands = true,
    arg_required_else_help = true,
    max_term_width = 100,
    after_help = "Any other `lakegate NAME` runs the plugin `lakegate-NAME` found on PATH (see `lakegate plugin list`)."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted by every command.
#[derive(Debug, Clone, Args, Default)]
pub struct GlobalArgs {
    /// Named AWS profile (SSO profiles included) [env: AWS_PROFILE]
    #[arg(long, global = true, value_name = "NAME", help_heading = "AWS", add = crate::completers::profile_completer())]
    pub profile: Option<String>,

    /// AWS region [env: AWS_REGION]
    #[arg(long, global = true, value_name = "REGION", help_heading = "AWS", add = crate::completers::region_completer())]
    pub region: Option<String>,

    /// Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]
    #[arg(long, global = true, value_name = "URL", help_heading = "AWS")]
    pub endpoint_url: Option<String>,

    /// Account that owns the buckets and access points (default: from STS GetCallerIdentity)
    #[arg(long, global = true, value_name = "ID", help_heading = "AWS")]
    pub account_id: Option<String>,

    /// Assume this IAM role before making any call
    #[arg(long, global = true, value_name = "ARN", help_heading = "AWS")]
    pub assume_role: Option<String>,

    /// Output format
    #[arg(
        short = 'o',
        long,
        global = true,
        value_enum,
        default_value_t = OutputFormat::Table,
        env = "LAKEGATE_OUTPUT",
        hide_env = true,
        help_heading = "Output"
    )]
    pub output: OutputFormat,

    /// JMESPath filter applied to the JSON shape of the result, before rendering in any format
    /// (as the AWS CLI's --query), e.g. --query "[?bucket=='store-events'].name"
    #[arg(long, global = true, value_name = "JMESPATH", help_heading = "Output")]
    pub query: Option<crate::values::Query>,

    /// Omit the header row of tables and CSV
    #[arg(long, global = true, help_heading = "Output")]
    pub no_headers: bool,

    /// Print only errors (and the data asked for)
    #[arg(
        short,
        long,
        global = true,
        conflicts_with = "verbose",
        help_heading = "Output"
    )]
    pub quiet: bool,

    /// Log to stderr: -v operations, -vv every AWS request, -vvv everything
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = "Output")]
    pub verbose: u8,

    /// Never draw progress bars or spinners
    #[arg(long, global = true, help_heading = "Output")]
    pub no_progress: bool,

    /// When to use colour (NO_COLOR is respected under auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Output")]
    pub color: ColorChoice,

    /// Show what would change, as a diff, and change nothing
    #[arg(long, global = true, help_heading = "Safety")]
    pub dry_run: bool,

    /// Bucket that holds the lease serialising policy writes (default: the governed bucket)
    #[arg(long, global = true, value_name = "BUCKET", value_parser = bucket_name, help_heading = "Safety")]
    pub lock_bucket: Option<String>,

    /// Answer yes to confirmation prompts (required for destructive changes in scripts)
    #[arg(short = 'y', long, global = true, help_heading = "Safety")]
    pub yes: bool,
}

impl GlobalArgs {
    /// The resolved settings the layers below read (they know nothing of the command line).
    pub fn settings(&self) -> Settings {
        Settings {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            account_id: self.account_id.clone(),
            assume_role: self.assume_role.clone(),
            output: self.output,
            query: self.query.clone(),
            no_headers: self.no_headers,
            quiet: self.quiet,
            verbose: self.verbose,
            no_progress: self.no_progress,
            color: self.color,
            dry_run: self.dry_run,
            lock_bucket: self.lock_bucket.clone(),
            yes: self.yes,
        }
    }
}

/// A bucket name as S3 allows it (a clap value parser: the error names the flag).
fn bucket_name(s: &str) -> Result<String, String> {
    crate::policy::arn::validate_bucket_name(s)
        .map(|()| s.to_string())
        .map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Bucket policies: delegate to access points, show, history, rollback
    #[command(subcommand)]
    Bucket(bucket::BucketCommand),

    /// S3 Access Points: one per consuming application, scoped to its prefix
    #[command(subcommand, visible_alias = "ap")]
    Accesspoint(accesspoint::AccessPointCommand),

    /// S3 Access Grants: grant prefixes to IAM principals or directory users and groups
    #[command(subcommand, visible_alias = "ag")]
    Accessgrant(accessgrant::AccessGrantCommand),

    /// Decide requests offline or online: is this principal allowed, and which statement decides?
    #[command(subcommand)]
    Access(access::AccessCommand),

    /// Prefix-level audit: who can read, write or list each prefix; reports on S3, queried with Athena
    #[command(subcommand)]
    Audit(audit::AuditCommand),

    /// Private Athena: the interface VPC endpoint, lockdown of routes and a user's policy, status
    #[command(subcommand, visible_alias = "vpce")]
    Endpoint(endpoint::EndpointCommand),

    /// Run Athena queries and stream their results
    #[command(subcommand)]
    Athena(athena::AthenaCommand),

    /// DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile
    #[command(subcommand, visible_alias = "sub")]
    Subscription(subscription::SubscriptionCommand),

    /// Show how the lake differs from a lake file (exit 4 when it does)
    Diff(lake::diff::Args),

    /// Make the lake what a lake file declares, through the change pipeline
    Apply(lake::apply::Args),

    /// Write the lake file of what exists today
    Export(lake::export::Args),

    /// Print the JSON Schema of a lake file
    Schema(lake::schema::Args),

    /// Show the account, caller ARN, region, profile and endpoint lakegate uses
    Whoami(whoami::Args),

    /// Check credentials, region, each service endpoint and the permissions lakegate needs
    Doctor(doctor::Args),

    /// Plugins: `lakegate-NAME` executables on PATH
    #[command(subcommand)]
    Plugin(plugin::PluginCommand),

    /// Print a shell completion script
    Completion(completion::CompletionArgs),

    #[command(external_subcommand)]
    External(Vec<OsString>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
