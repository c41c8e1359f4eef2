//! `lakegate accessgrant instance ...`

pub mod create;
pub mod delete;
pub mod get;

use crate::commands::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum InstanceCommand {
    /// Create the instance (or change its IAM Identity Center association); a repeat changes nothing
    Create(create::Args),
    /// Show the instance
    Get(get::Args),
    /// Delete the instance (its locations must be deleted first)
    #[command(visible_alias = "rm")]
    Delete(delete::Args),
}

pub async fn run(ctx: &Ctx, cmd: &InstanceCommand) -> Result<()> {
    match cmd {
        InstanceCommand::Create(a) => create::run(ctx, a).await,
        InstanceCommand::Get(a) => get::run(ctx, a).await,
        InstanceCommand::Delete(a) => delete::run(ctx, a).await,
    }
}
