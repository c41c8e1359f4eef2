//! `lakegate access ...`: decide requests against bucket, access point and identity policies.

pub mod check;
pub mod matrix;
pub mod who_can;

use super::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Is this principal allowed this action on this key (through this access point)? Exit 0 if
    /// allowed, 3 if denied
    Check(Box<check::Args>),
    /// Principal × prefix × read/write/list, through each access point and the bucket directly
    Matrix(matrix::Args),
    /// Which principals (of which accounts, through which access point or the bucket) may read,
    /// write or list under a prefix
    WhoCan(who_can::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AccessCommand) -> Result<()> {
    match cmd {
        AccessCommand::Check(a) => check::run(ctx, a).await,
        AccessCommand::Matrix(a) => matrix::run(ctx, a).await,
        AccessCommand::WhoCan(a) => who_can::run(ctx, a).await,
    }
}
