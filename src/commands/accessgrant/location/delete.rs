//! `lakegate accessgrant location delete ID|SCOPE`

use crate::apply::access_grants_location::AccessGrantsLocation;
use crate::apply::{Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use serde_json::json;

/// Deregister a location. AWS refuses while grants are made in it: delete them first. Asks on a
/// terminal; scripts pass --yes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The location's id, or its scope (s3://BUCKET/PREFIX/)
    #[arg(value_name = "ID|SCOPE")]
    pub location: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let location = super::existing(ctx, &account, &args.location).await?;
    let plan = Plan::new("accessgrant location delete")
        .step(Step::set(
            AccessGrantsLocation {
                account: account.clone(),
                scope: location.scope.clone(),
            },
            None,
        ))
        .confirming(format!(
            "deregister Access Grants location {} ({})",
            location.scope, location.id
        ));
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    ctx.printer.result(
        &json!({ "id": location.id, "scope": location.scope, "deleted": true }),
        || {
            ctx.printer
                .done(format!("location {} deregistered", location.scope))
        },
    )
}
