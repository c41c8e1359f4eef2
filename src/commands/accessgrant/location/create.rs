//! `lakegate accessgrant location create SCOPE (--role ARN | --create-role NAME)`

use crate::apply::access_grants_location::{
    role_policy, role_trust_policy, AccessGrantsLocation, LocationState,
};
use crate::apply::iam_role::{self, IamRole};
use crate::apply::inline_policy::InlinePolicy;
use crate::apply::{policy, Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::{IamRoleArn, IamRoleName, LocationScope};
use serde_json::json;

/// The inline policy of a role made by --create-role.
pub const ROLE_POLICY: &str = "lakegate-access-grants-location";

/// Register an S3 location in the Access Grants instance: `s3://` (every bucket), a bucket, or a
/// prefix, with the IAM role S3 Access Grants assumes to vend credentials for it (its trust
/// policy must allow access-grants.s3.amazonaws.com to sts:AssumeRole and sts:SetSourceIdentity).
/// On a registered scope this changes the role, if it differs; a repeat changes nothing.
/// --create-role NAME creates that role in the same plan: the trust policy of the S3 User
/// Guide's "Register a location", and an inline policy with exactly what the scope needs
/// (objects below it read and written, the bucket listed only below its prefix, only for
/// credentials this account's instance vends).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("location_role").required(true).args(["role", "create_role"])))]
pub struct Args {
    /// The scope: s3://, s3://BUCKET or s3://BUCKET/PREFIX/
    #[arg(value_name = "SCOPE")]
    pub scope: LocationScope,
    /// The IAM role S3 Access Grants assumes for this location
    #[arg(long, value_name = "ARN")]
    pub role: Option<IamRoleArn>,
    /// Create (or update) this IAM role for the location, with exactly the scope's permissions
    #[arg(long, value_name = "NAME")]
    pub create_role: Option<IamRoleName>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let scope = args.scope.to_string();
    let mut plan = Plan::new("accessgrant location create");
    let role_arn = match (&args.role, &args.create_role) {
        (Some(r), _) => r.to_string(),
        (None, Some(name)) => {
            // The role is made in the caller's account (IAM's), with the scope's permissions.
            let aws = ctx.aws().await?;
            let iam_account = aws.caller_identity().await?.0;
            let role = IamRole::new(aws.partition, &iam_account, name);
            let arn = role.arn.clone();
            let inline = InlinePolicy::of_role(&arn, name, ROLE_POLICY);
            let trust = role_trust_policy();
            let what = format!("lakegate: S3 Access Grants location {scope}");
            plan = plan.step(Step::set(role, Some(iam_role::state(name, &trust, &what))));
            let permissions = role_policy(aws.partition, &aws.region, &account, &scope);
            plan = plan.step(Step::new(inline, policy::replace(permissions)));
            arn
        }
        (None, None) => unreachable!("clap requires --role or --create-role"),
    };
    let (step, outcome) = Step::watched(
        AccessGrantsLocation {
            account: account.clone(),
            scope: scope.clone(),
        },
        crate::apply::set(Some(LocationState {
            scope: scope.clone(),
            iam_role_arn: role_arn,
        })),
    );
    let report = ctx.apply(plan.step(step)).await?;
    if report.dry_run {
        return Ok(());
    }
    let changed = outcome.changed();
    let location = super::existing(ctx, &account, &scope).await?;
    ctx.printer
        .result(&json!({ "location": location, "changed": changed }), || {
            ctx.printer.done(if changed {
                format!(
                    "location {scope} registered as {} (role {})",
                    location.id, location.iam_role_arn
                )
            } else {
                format!(
                    "location {scope} already registered as {}: nothing changed",
                    location.id
                )
            })
        })
}
