//! `lakegate accesspoint delete NAME`

use crate::apply::access_point::AccessPoint;
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::{set, Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use serde_json::json;

/// Delete an access point and its policy. The policy is kept in the local history first.
/// Asks on a terminal; scripts must pass --yes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point: its name, ARN or alias
    #[arg(value_name = "NAME", add = crate::completers::access_point_completer())]
    pub name: crate::values::AccessPointRef,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (account, info) = ctx.resolve_access_point(&args.name).await?;
    // The policy first (kept in history), then the access point.
    let (policy_step, policy) = Step::watched(AccessPointPolicy::of(&account, &info), set(None));
    let plan = Plan::new("accesspoint delete")
        .step(policy_step)
        .step(Step::set(
            AccessPoint {
                account: account.clone(),
                name: info.name.clone(),
                arn: info.arn.clone(),
                bucket: info.bucket.clone(),
            },
            None,
        ))
        .confirming(format!(
            "delete access point {} of bucket {} (applications using it lose access)",
            info.name, info.bucket
        ));
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    let version = policy.get().and_then(|d| d.history_version);
    ctx.printer.result(
        &json!({
            "resource": info.arn,
            "deleted": true,
            "history_version": version,
        }),
        || {
            ctx.printer.done(match version {
                Some(v) => format!(
                    "access point {} deleted (its policy is kept as history version {v})",
                    info.name
                ),
                None => format!("access point {} deleted (it had no policy)", info.name),
            })
        },
    )
}
