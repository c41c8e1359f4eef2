//! `lakegate accesspoint create NAME --bucket B --prefix P --principal ARN --access LEVEL`

use super::{check_prefix, check_principals, policy_ref, warn_if_not_delegated};
use crate::apply::access_point::{self, AccessPoint};
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::{Plan, Step};
use crate::aws::s3control::{AccessPointInfo, BlockPublicAccess};
use crate::commands::{Ctx, EditResult};
use crate::error::{failed, Result};
use crate::policy::access::{grant, AccessPointRef};
use crate::policy::{arn, AccessLevel, PolicyDocument};
use crate::values::{AccessPointName, Prefix, PrincipalArn, VpcId};
use serde::Serialize;
use serde_json::Value;

/// Create an access point for one consuming application and put a least-privilege policy on it:
/// object actions only on `…:accesspoint/NAME/object/PREFIX*`, ListBucket only with an
/// `s3:prefix` condition. Re-running with the same arguments changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point name (3–50 characters: lowercase letters, digits, hyphens)
    #[arg(value_name = "NAME")]
    pub name: AccessPointName,

    /// The bucket the access point serves (or another access point's ARN or alias, for its
    /// bucket)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: crate::values::BucketRef,

    /// The key prefix to grant (a trailing '/' is added when missing)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Prefix,

    /// Grant the prefix exactly as written even if it has `.` or `..` segments (refused by default:
    /// path-normalising tools would read another prefix)
    #[arg(long)]
    pub literal_prefix: bool,

    /// IAM role, user or account (ARN or 12-digit id) to grant; repeatable
    #[arg(long = "principal", value_name = "ARN", required = true)]
    pub principals: Vec<PrincipalArn>,

    /// What the principals may do under the prefix
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub access: AccessLevel,

    /// Accept requests only from this VPC (network origin VPC)
    #[arg(long, value_name = "VPC")]
    pub vpc_id: Option<VpcId>,

    /// Block public access settings: all (default), none, or a comma-separated list of
    /// block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets
    #[arg(long, value_name = "SETTINGS", default_value = "all", value_parser = clap::value_parser!(BlockPublicAccess))]
    pub block_public_access: BlockPublicAccess,
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
    let prefix = check_prefix(&args.prefix, args.literal_prefix)?;
    let aws = ctx.aws().await?;
    let bucket = ctx.resolve_bucket(&args.bucket).await?;
    let principals = check_principals(&args.principals, aws.partition)?;
    aws.ensure_bucket(&bucket).await?;
    let account = ctx.account().await?;

    let existing = aws.access_point(&account, &args.name).await?;
    if let Some(ap) = &existing {
        if ap.bucket != bucket {
            return Err(failed(format!(
                "access point '{}' already exists on bucket '{}', not '{}'",
                args.name, ap.bucket, bucket
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
    // The access point when missing, then its policy: one plan.
    let ap = AccessPoint {
        account: account.clone(),
        name: args.name.to_string(),
        arn: arn_str.clone(),
        bucket: bucket.to_string(),
    };
    let policy = AccessPointPolicy {
        account: account.clone(),
        name: args.name.to_string(),
        arn: arn_str.clone(),
        bucket: bucket.to_string(),
    };
    let mut plan = Plan::new("accesspoint create").step(Step::ensure(
        ap,
        access_point::state(
            &args.name,
            &bucket,
            args.vpc_id.as_deref(),
            Some(args.block_public_access),
        ),
    ));
    let granted = plan.add(
        policy,
        crate::apply::policy::edit(|doc: &mut PolicyDocument| {
            grant(doc, &apref, &prefix, &principals, args.access);
            Ok(())
        }),
    );
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    let info = aws
        .access_point(&account, &args.name)
        .await?
        .ok_or_else(|| {
            failed(format!(
                "access point '{}' was created but cannot be read back",
                args.name
            ))
        })?;
    let result = EditResult::of(&report, &policy_ref(&account, &info), &granted);
    warn_if_not_delegated(ctx, &bucket, &account).await;

    ctx.printer.result(
        &CreateResult {
            access_point: info.clone(),
            created: existing.is_none(),
            policy_changed: result.changed,
            dry_run: false,
            policy: result.policy,
        },
        || {
            let what = match (existing.is_none(), result.changed) {
                (true, _) => "created",
                (false, true) => "exists; policy updated",
                (false, false) => "exists with this grant; nothing changed",
            };
            ctx.printer.done(format!(
                "access point {} {what}: {} {} for {} on {} ({})",
                args.name,
                args.access.as_str(),
                prefix,
                principals.join(", "),
                bucket,
                info.arn
            ))
        },
    )
}
