//! `lakegate accessgrant instance create [--identity-center ARN]`

use crate::apply::access_grants_instance::{AccessGrantsInstance, InstanceState};
use crate::apply::{Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::IdentityCenterArn;
use serde_json::json;

/// Create the account's S3 Access Grants instance in the region. With --identity-center, it is
/// associated with that IAM Identity Center instance, so directory users and groups can be
/// grantees; on an existing instance this changes (or, without the flag, keeps) the association.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The IAM Identity Center instance to associate (arn:aws:sso:::instance/ssoins-…)
    #[arg(long, value_name = "ARN")]
    pub identity_center: Option<IdentityCenterArn>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let instance = AccessGrantsInstance::of(aws, &account);
    let arn = instance.arn.clone();
    let wanted = args.identity_center.as_ref().map(|a| a.to_string());
    let (step, outcome) = Step::watched(
        instance,
        Box::new(move |cur: Option<&InstanceState>| {
            Ok(Some(InstanceState {
                // Without the flag an existing association is kept.
                identity_center_arn: wanted
                    .clone()
                    .or_else(|| cur.and_then(|c| c.identity_center_arn.clone())),
            }))
        }),
    );
    let report = ctx
        .apply(Plan::new("accessgrant instance create").step(step))
        .await?;
    if report.dry_run {
        return Ok(());
    }
    let changed = outcome.changed();
    let after = outcome.get().and_then(|d| d.after);
    ctx.printer.result(
        &json!({
            "arn": arn,
            "identity_center_arn": after.as_ref().and_then(|s| s.identity_center_arn.clone()),
            "changed": changed,
        }),
        || {
            ctx.printer.done(if changed {
                format!("Access Grants instance {arn} is in place")
            } else {
                format!("Access Grants instance {arn} already in place: nothing changed")
            })
        },
    )
}
