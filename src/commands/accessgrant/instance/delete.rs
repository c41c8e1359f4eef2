//! `lakegate accessgrant instance delete`

use crate::apply::access_grants_instance::AccessGrantsInstance;
use crate::apply::{Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use serde_json::json;

/// Delete the account's Access Grants instance in the region. AWS refuses while it has
/// locations: delete its grants and locations first. Asks on a terminal; scripts pass --yes.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(ctx: &Ctx, _args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let instance = AccessGrantsInstance::of(aws, &account);
    let arn = instance.arn.clone();
    let (step, outcome) = Step::watched(instance, crate::apply::set(None));
    let plan = Plan::new("accessgrant instance delete")
        .step(step)
        .confirming(format!("delete the Access Grants instance {arn}"));
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    let deleted = outcome.changed();
    ctx.printer
        .result(&json!({ "arn": arn, "deleted": deleted }), || {
            ctx.printer.done(if deleted {
                format!("Access Grants instance {arn} deleted")
            } else {
                format!("account {account} has no Access Grants instance here: nothing to delete")
            })
        })
}
