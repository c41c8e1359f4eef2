//! `lakegate access ...`: decide requests against bucket, access point and identity policies.

pub mod check;
pub mod matrix;

use super::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Is this principal allowed this action on this key (through this access point)? Exit 0 if
    /// allowed, 3 if denied
    Check(check::Args),
    /// Principal × prefix × read/write/list, through each access point and the bucket directly
    Matrix(matrix::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AccessCommand) -> Result<()> {
    match cmd {
        AccessCommand::Check(a) => check::run(ctx, a).await,
        AccessCommand::Matrix(a) => matrix::run(ctx, a).await,
    }
}
