//! `lakegate accessgrant migrate --bucket B [--access-point NAME] [--location-role ARN]`

use crate::accessgrant_migrate::{migrate, MigrateOptions};
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::{AccessPointRef, BucketName, IamRoleArn};

/// Move the grants lakegate wrote in the bucket policy (or the access point's policy) to S3
/// Access Grants, the way past the 20 KB policy limit: one grant per principal and prefix (in
/// the registered location that covers it), THEN the policy without those statements, in one
/// plan applied in that order, so no principal loses access midway. The plan states, per
/// principal and prefix, whether the access after equals the access before (exact model) and
/// what differs; statements that cannot move whole (Deny, NotAction, conditions, accounts or
/// principals of other accounts, actions no grant gives) stay and are listed with the reason.
/// It removes policy statements, so it asks on a terminal (--yes in scripts). A repeat changes
/// nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket whose grants move (its policy, or its access point's with --access-point)
    #[arg(long, value_name = "BUCKET")]
    pub bucket: BucketName,
    /// Move the grants of this access point's policy instead (its name, ARN or alias)
    #[arg(long, value_name = "NAME", add = crate::completers::access_point_completer())]
    pub access_point: Option<AccessPointRef>,
    /// When no registered location covers a prefix: register s3://BUCKET/ in the same plan,
    /// with this role for S3 Access Grants to assume
    #[arg(long, value_name = "ARN")]
    pub location_role: Option<IamRoleArn>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let opts = MigrateOptions {
        bucket: args.bucket.to_string(),
        access_point: args.access_point.clone(),
        location_role: args.location_role.as_ref().map(ToString::to_string),
    };
    let m = migrate(ctx, &opts).await?;
    if m.dry_run {
        return Ok(());
    }
    ctx.printer.result(&m, || {
        if m.changed {
            ctx.printer.done(format!(
                "moved {} statement(s) of {} to {} access grant(s); {} statement(s) kept",
                m.removed.len(),
                m.policy,
                m.grants.len(),
                m.kept.len()
            ))?;
            // What the plan said (the prompt showed it; --yes did not).
            if ctx.printer.quiet {
                Ok(())
            } else {
                ctx.printer.text(&m.explanation_text)
            }
        } else {
            ctx.printer.done(format!(
                "nothing to migrate in {}: {} statement(s) kept",
                m.policy,
                m.kept.len()
            ))
        }
    })
}
