//! `lakegate subscription revoke --domain D --request ID`

use super::{print_outcome, WriteArgs};
use crate::commands::Ctx;
use crate::error::Result;
use crate::subscription::prepare_revoke;

/// Remove a subscription's grant: the statements keyed by its request id, from the bucket policy
/// and from the subscribing project's access point, whatever the subscription target says today.
/// Revoking the last statement deletes the policy. Running it again changes nothing. Removing
/// access is destructive: it is confirmed (asked on a terminal, `--yes` in scripts).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// DataZone domain id (dzd_…)
    #[arg(long, value_name = "DOMAIN")]
    pub domain: crate::values::DomainId,

    /// Subscription request id
    #[arg(long, value_name = "ID")]
    pub request: crate::values::DataZoneId,

    #[command(flatten)]
    pub opts: WriteArgs,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let mut p =
        prepare_revoke(ctx, &args.domain, &args.request, None, &args.opts.options()).await?;
    p.confirm = Some(format!(
        "revoke the grant of subscription request {}",
        args.request
    ));
    let o = p.run(ctx).await?;
    print_outcome(ctx, &o)
}
