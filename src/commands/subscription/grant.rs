//! `lakegate subscription grant --domain D --request ID`

use super::{print_outcome, WriteArgs};
use crate::commands::Ctx;
use crate::error::Result;
use crate::subscription::grant_request;

/// Grant a subscription's principals access to its S3 asset: the asset's bucket ARN and prefix
/// from DataZone, the principals of the subscribing project's subscription targets for S3
/// object collections (every environment, every page). Least privilege by default (read:
/// GetObject on the prefix, ListBucket limited to it); statements keyed by the request id, so
/// running it again changes nothing. A non-S3 asset is skipped with a reason (exit 0).
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
    let opts = args.opts.options();
    opts.check()?;
    let o = grant_request(ctx, &args.domain, &args.request, None, &opts).await?;
    print_outcome(ctx, &o)
}
