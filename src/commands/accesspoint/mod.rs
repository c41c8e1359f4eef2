//! `lakegate accesspoint ...`

pub mod create;
pub mod delete;
pub mod get;
pub mod grant;
pub mod history;
pub mod list;
pub mod revoke;
pub mod rollback;

pub use crate::accesspoint::{check_principals, warn_if_not_delegated};

use super::{Ctx, PolicyRef};
use crate::aws::s3control::AccessPointInfo;
use crate::error::{input_error, Result};
use crate::policy::arn;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AccessPointCommand {
    /// Create an access point whose policy grants principals one prefix, least privilege
    Create(create::Args),
    /// List access points with the prefixes and principals their policies grant
    #[command(visible_alias = "ls")]
    List(list::Args),
    /// Show one access point: details, grants and policy
    Get(get::Args),
    /// Delete an access point (asks on a terminal; --yes in scripts)
    #[command(visible_alias = "rm")]
    Delete(delete::Args),
    /// Grant principals access to a prefix through an existing access point
    Grant(grant::Args),
    /// Remove principals' grants from an access point's policy
    Revoke(revoke::Args),
    /// List the policies lakegate kept before each change of this access point
    History(history::Args),
    /// Restore a kept access point policy (the latest by default)
    Rollback(rollback::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AccessPointCommand) -> Result<()> {
    match cmd {
        AccessPointCommand::Create(a) => create::run(ctx, a).await,
        AccessPointCommand::List(a) => list::run(ctx, a).await,
        AccessPointCommand::Get(a) => get::run(ctx, a).await,
        AccessPointCommand::Delete(a) => delete::run(ctx, a).await,
        AccessPointCommand::Grant(a) => grant::run(ctx, a).await,
        AccessPointCommand::Revoke(a) => revoke::run(ctx, a).await,
        AccessPointCommand::History(a) => history::run(ctx, a).await,
        AccessPointCommand::Rollback(a) => rollback::run(ctx, a).await,
    }
}

/// `--prefix`, refusing `.`/`..` segments unless `--literal-prefix` (`literal`).
pub fn check_prefix(prefix: &str, literal: bool) -> Result<String> {
    arn::normalize_prefix_with(prefix, literal).map_err(|e| input_error(format!("--prefix: {e}")))
}

pub fn policy_ref(account: &str, info: &AccessPointInfo) -> PolicyRef {
    PolicyRef::AccessPoint {
        account: account.to_string(),
        name: info.name.clone(),
        arn: info.arn.clone(),
        bucket: info.bucket.clone(),
    }
}
