//! `lakegate accesspoint ...`

pub mod create;
pub mod delete;
pub mod get;
pub mod grant;
pub mod history;
pub mod list;
pub mod revoke;
pub mod rollback;

use super::{Ctx, PolicyRef};
use crate::aws::s3control::AccessPointInfo;
use crate::error::{input_error, Result};
use crate::policy::arn;
use crate::values::PrincipalArn;
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

/// The --principal values in `partition` (at least one), without duplicates.
pub fn check_principals(principals: &[PrincipalArn], partition: &str) -> Result<Vec<String>> {
    if principals.is_empty() {
        return Err(input_error(
            "--principal: at least one principal ARN is required",
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for p in principals {
        let p = p.resolve(partition);
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

pub use super::existing_access_point as existing;

pub fn policy_ref(account: &str, info: &AccessPointInfo) -> PolicyRef {
    PolicyRef::AccessPoint {
        account: account.to_string(),
        name: info.name.clone(),
        arn: info.arn.clone(),
        bucket: info.bucket.clone(),
    }
}

/// Warn when requests through access points would still be denied by the bucket policy.
pub async fn warn_if_not_delegated(ctx: &Ctx, bucket: &str, account: &str) {
    let Ok(aws) = ctx.aws().await else { return };
    if let Ok(doc) = aws.bucket_policy(bucket).await {
        let delegated = doc
            .as_ref()
            .is_some_and(|d| crate::policy::access::delegates_to(d, account));
        if !delegated {
            ctx.printer.warn(format!(
                "bucket {bucket} does not delegate access control to access points, so its bucket policy must also allow these requests; run `lakegate bucket delegate {bucket}`"
            ));
        }
    }
}
