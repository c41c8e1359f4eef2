//! `lakegate accesspoint grant NAME --principal ARN --prefix P --access LEVEL`

use super::{check_prefix, check_principals, policy_ref, warn_if_not_delegated};
use crate::commands::{edit_policy, print_edit, Ctx};
use crate::error::Result;
use crate::policy::access::{grant, AccessPointRef};
use crate::policy::AccessLevel;
use crate::values::{Prefix, PrincipalArn};

/// Grant principals access to a prefix through an existing access point. Other statements are
/// kept exactly; granting twice changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point: its name, ARN or alias
    #[arg(value_name = "NAME", add = crate::completers::access_point_completer())]
    pub name: crate::values::AccessPointRef,

    /// IAM role, user or account (ARN or 12-digit id); repeatable
    #[arg(long = "principal", value_name = "ARN", required = true)]
    pub principals: Vec<PrincipalArn>,

    /// The key prefix (a trailing '/' is added when missing)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Prefix,

    /// Grant the prefix exactly as written even if it has `.` or `..` segments (refused by default:
    /// path-normalising tools would read another prefix)
    #[arg(long)]
    pub literal_prefix: bool,

    /// What the principals may do under the prefix
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub access: AccessLevel,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let prefix = check_prefix(&args.prefix, args.literal_prefix)?;
    let aws = ctx.aws().await?;
    let principals = check_principals(&args.principals, aws.partition)?;
    let (account, info) = ctx.resolve_access_point(&args.name).await?;
    let apref = AccessPointRef {
        arn: info.arn.clone(),
    };
    let pref = policy_ref(&account, &info);
    let prefixes = [prefix.clone()];
    let names = Some((principals.as_slice(), prefixes.as_slice()));
    let result = edit_policy(ctx, &pref, "accesspoint grant", names, |doc| {
        grant(doc, &apref, &prefix, &principals, args.access);
        Ok(())
    })
    .await?;
    if result.changed && !result.dry_run {
        warn_if_not_delegated(ctx, &info.bucket, &account).await;
    }
    let who = principals.join(", ");
    print_edit(
        ctx,
        &result,
        &format!(
            "granted {} {prefix} to {who} through {}",
            args.access.as_str(),
            info.name
        ),
        &format!(
            "{who} already has {} {prefix} through {}; nothing changed",
            args.access.as_str(),
            info.name
        ),
    )
}
