//! `lakegate accessgrant location create SCOPE --role ARN`

use crate::apply::access_grants_location::{AccessGrantsLocation, LocationState};
use crate::apply::{Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::{IamRoleArn, LocationScope};
use serde_json::json;

/// Register an S3 location in the Access Grants instance: `s3://` (every bucket), a bucket, or a
/// prefix, with the IAM role S3 Access Grants assumes to vend credentials for it (its trust
/// policy must allow access-grants.s3.amazonaws.com to sts:AssumeRole and sts:SetSourceIdentity).
/// On a registered scope this changes the role, if it differs; a repeat changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scope: s3://, s3://BUCKET or s3://BUCKET/PREFIX/
    #[arg(value_name = "SCOPE")]
    pub scope: LocationScope,
    /// The IAM role S3 Access Grants assumes for this location
    #[arg(long, value_name = "ARN")]
    pub role: IamRoleArn,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let scope = args.scope.to_string();
    let (step, outcome) = Step::watched(
        AccessGrantsLocation {
            account: account.clone(),
            scope: scope.clone(),
        },
        crate::apply::set(Some(LocationState {
            scope: scope.clone(),
            iam_role_arn: args.role.to_string(),
        })),
    );
    let report = ctx
        .apply(Plan::new("accessgrant location create").step(step))
        .await?;
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
