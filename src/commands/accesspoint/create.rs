//! `lakegate accesspoint create NAME --bucket B --prefix P --principal ARN --access LEVEL`

use super::{check_name, check_prefix, check_principals, policy_ref, warn_if_not_delegated};
use crate::aws::s3control::{AccessPointInfo, BlockPublicAccess};
use crate::commands::bucket::check_bucket;
use crate::commands::{edit_policy, Ctx};
use crate::error::{failed, Result};
use crate::plan::{Change, ChangeAction, Plan, Target};
use crate::policy::access::{grant, AccessPointRef};
use crate::policy::{arn, AccessLevel, PolicyDocument};
use serde::Serialize;
use serde_json::{json, Value};

/// Create an access point for one consuming application and put a least-privilege policy on it:
/// object actions only on `…:accesspoint/NAME/object/PREFIX*`, ListBucket only with an
/// `s3:prefix` condition. Re-running with the same arguments changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point name (3–50 characters: lowercase letters, digits, hyphens)
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The bucket the access point serves
    #[arg(long, value_name = "BUCKET", add = crate::completion::bucket_completer())]
    pub bucket: String,

    /// The key prefix to grant (a trailing '/' is added when missing)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: String,

    /// IAM role, user or account (ARN or 12-digit id) to grant; repeatable
    #[arg(long = "principal", value_name = "ARN", required = true)]
    pub principals: Vec<String>,

    /// What the principals may do under the prefix
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub access: AccessLevel,

    /// Accept requests only from this VPC (network origin VPC)
    #[arg(long, value_name = "VPC")]
    pub vpc_id: Option<String>,

    /// Block public access settings: all (default), none, or a comma-separated list of
    /// block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets
    #[arg(long, value_name = "SETTINGS", default_value = "all", value_parser = parse_bpa)]
    pub block_public_access: BlockPublicAccess,
}

fn parse_bpa(s: &str) -> std::result::Result<BlockPublicAccess, String> {
    match s {
        "all" => return Ok(BlockPublicAccess::all(true)),
        "none" => return Ok(BlockPublicAccess::all(false)),
        _ => {}
    }
    let mut b = BlockPublicAccess::all(false);
    for part in s.split(',').map(str::trim) {
        match part {
            "block-public-acls" => b.block_public_acls = true,
            "ignore-public-acls" => b.ignore_public_acls = true,
            "block-public-policy" => b.block_public_policy = true,
            "restrict-public-buckets" => b.restrict_public_buckets = true,
            other => {
                return Err(format!(
                    "unknown setting '{other}': expected all, none, or block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets"
                ))
            }
        }
    }
    Ok(b)
}

fn check_vpc(vpc: &str) -> Result<()> {
    let ok = vpc
        .strip_prefix("vpc-")
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok {
        Ok(())
    } else {
        Err(crate::error::input_error(format!(
            "--vpc-id: invalid VPC id '{vpc}': expected vpc- followed by hex digits"
        )))
    }
}

#[derive(Debug, Serialize)]
struct CreateResult {
    access_point: AccessPointInfo,
    created: bool,
    policy_changed: bool,
    dry_run: bool,
    policy: Option<Value>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_name(&args.name)?;
    check_bucket(&args.bucket)?;
    let prefix = check_prefix(&args.prefix)?;
    if let Some(v) = &args.vpc_id {
        check_vpc(v)?;
    }
    let aws = ctx.aws().await?;
    let principals = check_principals(&args.principals, aws.partition)?;
    aws.ensure_bucket(&args.bucket).await?;
    let account = ctx.account().await?;

    let existing = aws.access_point(&account, &args.name).await?;
    if let Some(ap) = &existing {
        if ap.bucket != args.bucket {
            return Err(failed(format!(
                "access point '{}' already exists on bucket '{}', not '{}'",
                args.name, ap.bucket, args.bucket
            ))
            .hinted("access point names are unique per account and region; choose another name"));
        }
        if ap.vpc_id.as_deref() != args.vpc_id.as_deref() {
            ctx.printer.warn(format!(
                "access point '{}' exists with network origin {} ({}); the network origin cannot be changed, only its policy is updated",
                args.name,
                ap.network_origin,
                ap.vpc_id.as_deref().unwrap_or("no VPC")
            ));
        }
    }

    let arn_str = existing
        .as_ref()
        .map(|a| a.arn.clone())
        .unwrap_or_else(|| arn::access_point_arn(aws.partition, &aws.region, &account, &args.name));
    let apref = AccessPointRef {
        arn: arn_str.clone(),
    };
    let edit = |doc: &mut PolicyDocument| -> Result<()> {
        grant(doc, &apref, &prefix, &principals, args.access);
        Ok(())
    };

    if existing.is_none() {
        // Plan the whole creation: the access point, then its policy.
        let mut desired = PolicyDocument::new();
        edit(&mut desired)?;
        let mut plan = Plan::default();
        plan.push(Change {
            target: Target::AccessPoint,
            resource: arn_str.clone(),
            action: ChangeAction::Create,
            before: None,
            after: Some(json!({
                "name": args.name,
                "bucket": args.bucket,
                "network_origin": if args.vpc_id.is_some() { "VPC" } else { "Internet" },
                "vpc_id": args.vpc_id,
                "block_public_access": args.block_public_access,
            })),
        });
        plan.policy(Target::AccessPointPolicy, &arn_str, None, &desired);
        plan.check_sizes()?;
        if ctx.global.dry_run {
            return plan.print(&ctx.printer);
        }
        aws.create_access_point(
            &account,
            &args.name,
            &args.bucket,
            args.vpc_id.as_deref(),
            args.block_public_access,
        )
        .await?;
        // The result line below says it for people; -v logs the step.
        tracing::info!(name = %args.name, bucket = %args.bucket, "access point created");
    }

    let info = match aws.access_point(&account, &args.name).await? {
        Some(i) => i,
        None if ctx.global.dry_run => existing.clone().ok_or_else(|| failed("unreachable"))?,
        None => {
            return Err(failed(format!(
                "access point '{}' was created but cannot be read back",
                args.name
            )))
        }
    };
    let pref = policy_ref(&account, &info);
    let result = edit_policy(ctx, &pref, "accesspoint create", edit).await?;
    if result.dry_run {
        return Ok(());
    }
    warn_if_not_delegated(ctx, &args.bucket, &account).await;

    if ctx.printer.is_structured() {
        return ctx.printer.value(&CreateResult {
            access_point: info,
            created: existing.is_none(),
            policy_changed: result.changed,
            dry_run: false,
            policy: result.policy,
        });
    }
    let what = match (existing.is_none(), result.changed) {
        (true, _) => "created",
        (false, true) => "exists; policy updated",
        (false, false) => "exists with this grant; nothing changed",
    };
    println!(
        "access point {} {what}: {} {} for {} on {} ({})",
        args.name,
        args.access.as_str(),
        prefix,
        principals.join(", "),
        args.bucket,
        info.arn
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_public_access_settings_parse() {
        assert_eq!(parse_bpa("all").unwrap(), BlockPublicAccess::all(true));
        assert_eq!(parse_bpa("none").unwrap(), BlockPublicAccess::all(false));
        let b = parse_bpa("block-public-policy,restrict-public-buckets").unwrap();
        assert!(b.block_public_policy && b.restrict_public_buckets && !b.block_public_acls);
        assert!(parse_bpa("everything").is_err());
    }

    #[test]
    fn vpc_ids() {
        check_vpc("vpc-0abc123").unwrap();
        assert!(check_vpc("vpc-").is_err());
        assert!(check_vpc("subnet-1").is_err());
    }
}
