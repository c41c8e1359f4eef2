//! `lakegate endpoint ...`: private Athena — the interface VPC endpoint, the lockdown of private
//! route tables and of a user's inline policy, its undoing, and a status checklist. The engine
//! is `crate::endpoint`.

pub mod create;
pub mod lockdown;
pub mod status;
pub mod unlock;

use super::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum EndpointCommand {
    /// Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444
    Create(create::Args),
    /// Remove internet routes from private route tables and condition a user's policy on the endpoint
    Lockdown(lockdown::Args),
    /// Put back the routes and the policy a lockdown changed
    Unlock(unlock::Args),
    /// Check a lockdown: exit 0 when locked down, 3 otherwise
    Status(status::Args),
}

pub async fn run(ctx: &Ctx, cmd: &EndpointCommand) -> Result<()> {
    match cmd {
        EndpointCommand::Create(a) => create::run(ctx, a).await,
        EndpointCommand::Lockdown(a) => lockdown::run(ctx, a).await,
        EndpointCommand::Unlock(a) => unlock::run(ctx, a).await,
        EndpointCommand::Status(a) => status::run(ctx, a).await,
    }
}
