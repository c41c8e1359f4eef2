//! `lakegate bucket policy ...`

pub mod get;
pub mod history;
pub mod rollback;

use crate::commands::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Show the bucket policy (a table of statements, or the document with -o json|yaml)
    Get(get::Args),
    /// List the documents lakegate kept before each overwrite
    History(history::Args),
    /// Restore a kept document (the latest by default)
    Rollback(rollback::Args),
}

pub async fn run(ctx: &Ctx, cmd: &PolicyCommand) -> Result<()> {
    match cmd {
        PolicyCommand::Get(a) => get::run(ctx, a).await,
        PolicyCommand::History(a) => history::run(ctx, a).await,
        PolicyCommand::Rollback(a) => rollback::run(ctx, a).await,
    }
}
