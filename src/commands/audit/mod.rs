//! `lakegate audit report|query`: who can read, write or list which prefix of which bucket, from
//! bucket and access point policies (evaluated) and IAM Access Analyzer findings; the report goes
//! to S3 and is queried with Athena.

pub mod query;
pub mod report;
pub mod schedule;
pub mod status;
pub mod unschedule;

use super::{CommandTree, Ctx};
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Report who can read, write or list each prefix: per principal, bucket, prefix and access
    /// point; optionally upload it (and the raw findings) to S3 and create its Athena table
    Report(report::Args),
    /// Query the uploaded reports with Athena (e.g. everything an external account can reach)
    Query(query::Args),
    /// Run `audit report` on a schedule in the deployed fulfiller function (EventBridge rule)
    Schedule(schedule::Args),
    /// Remove an audit schedule
    Unschedule(unschedule::Args),
    /// Show a fanned-out audit run's progress: units done, failed, in flight; its manifest
    Status(status::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AuditCommand, tree: CommandTree) -> Result<()> {
    match cmd {
        AuditCommand::Report(a) => report::run(ctx, a).await,
        AuditCommand::Query(a) => query::run(ctx, a).await,
        AuditCommand::Schedule(a) => schedule::run(ctx, a, tree).await,
        AuditCommand::Unschedule(a) => unschedule::run(ctx, a).await,
        AuditCommand::Status(a) => status::run(ctx, a).await,
    }
}
