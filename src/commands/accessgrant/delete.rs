//! `lakegate accessgrant delete ID`

use crate::apply::access_grant::AccessGrant;
use crate::apply::{Plan, Step};
use crate::commands::Ctx;
use crate::error::Result;
use serde_json::json;

/// Delete an access grant: its grantee loses what it gave. Asks on a terminal; scripts pass
/// --yes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The grant's id
    #[arg(value_name = "ID")]
    pub id: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let g = super::existing_grant(ctx, &account, &args.id).await?;
    let plan = Plan::new("accessgrant delete")
        .step(Step::set(
            AccessGrant::new(
                &account,
                &g.scope,
                g.grantee_kind,
                &g.grantee,
                g.application_arn.as_deref(),
            ),
            None,
        ))
        .confirming(format!(
            "delete access grant {} ({} loses {} on {})",
            g.id,
            g.grantee,
            g.permission.as_str(),
            g.scope
        ));
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    ctx.printer.result(
        &json!({ "id": g.id, "grantee": g.grantee, "scope": g.scope, "deleted": true }),
        || ctx.printer.done(format!("access grant {} deleted", g.id)),
    )
}
