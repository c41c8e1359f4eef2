//! `lakegate subscription reconcile --domain D [--project P]`

use super::WriteArgs;
use crate::commands::Ctx;
use crate::error::Result;

/// Compare the domain's subscriptions to S3 object collections with the grants in place, and
/// apply the difference: grant the approved subscriptions without a grant, revoke the grants of
/// revoked or cancelled ones (an event lost while the handler was down). DataZone subscription
/// grants left pending, in progress or failed (ListSubscriptionGrants) are fulfilled too, and
/// their status reported back (UpdateSubscriptionGrantStatus), as `handle-event` does.
/// `--dry-run` prints the plan and changes nothing. Every grant and revoke is one plan; revokes
/// are asked about (`--yes` in scripts).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// DataZone domain id (dzd_…)
    #[arg(long, value_name = "DOMAIN")]
    pub domain: crate::values::DomainId,

    /// Only the subscriptions of this (subscribing) project
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<crate::values::DataZoneId>,

    #[command(flatten)]
    pub opts: WriteArgs,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    crate::subscription::reconcile::reconcile(
        ctx,
        &args.domain,
        args.project.as_deref(),
        &args.opts.options(),
    )
    .await
}
