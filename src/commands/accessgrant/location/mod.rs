//! `lakegate accessgrant location ...`

pub mod create;
pub mod delete;
pub mod get;
pub mod list;

use crate::aws::access_grants::AccessGrantsLocation;
use crate::commands::Ctx;
use crate::error::{failed, Result};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum LocationCommand {
    /// Register a location: an S3 scope and the IAM role S3 Access Grants assumes for it
    Create(create::Args),
    /// List the registered locations
    #[command(visible_alias = "ls")]
    List(list::Args),
    /// Show one location (by id or scope)
    Get(get::Args),
    /// Deregister a location (its grants must be deleted first; asks on a terminal)
    #[command(visible_alias = "rm")]
    Delete(delete::Args),
}

pub async fn run(ctx: &Ctx, cmd: &LocationCommand) -> Result<()> {
    match cmd {
        LocationCommand::Create(a) => create::run(ctx, a).await,
        LocationCommand::List(a) => list::run(ctx, a).await,
        LocationCommand::Get(a) => get::run(ctx, a).await,
        LocationCommand::Delete(a) => delete::run(ctx, a).await,
    }
}

/// The location with this id or scope, or "does not exist" (exit 1).
pub async fn existing(ctx: &Ctx, account: &str, id_or_scope: &str) -> Result<AccessGrantsLocation> {
    ctx.aws()
        .await?
        .access_grants_locations(account, None)
        .await?
        .into_iter()
        .find(|l| l.id == id_or_scope || l.scope == id_or_scope)
        .ok_or_else(|| {
            failed(format!(
                "no Access Grants location '{id_or_scope}' in account {account}"
            ))
            .hinted("run `lakegate accessgrant location list` to see the registered locations")
        })
}
