//! `lakegate bucket ...`

pub mod delegate;
pub mod list;
pub mod policy;

use super::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum BucketCommand {
    /// Delegate the bucket's access control to the account's access points
    Delegate(delegate::Args),
    /// List the account's buckets in the region, and which delegate to access points
    List(list::Args),
    /// Show, list the history of, or roll back the bucket policy
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
}

pub async fn run(ctx: &Ctx, cmd: &BucketCommand) -> Result<()> {
    match cmd {
        BucketCommand::Delegate(a) => delegate::run(ctx, a).await,
        BucketCommand::List(a) => list::run(ctx, a).await,
        BucketCommand::Policy(p) => policy::run(ctx, p).await,
    }
}
