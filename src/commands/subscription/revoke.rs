//! `lakegate subscription revoke --domain D --request ID`

use super::{check_domain, check_id, print_outcome, revoke_request, WriteOpts};
use crate::commands::Ctx;
use crate::error::Result;

/// Remove a subscription's grant: the statements keyed by its request id, from the bucket policy
/// and from the subscribing project's access point, whatever the subscription target says today.
/// Revoking the last statement deletes the policy. Running it again changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// DataZone domain id (dzd_…)
    #[arg(long, value_name = "DOMAIN")]
    pub domain: String,

    /// Subscription request id
    #[arg(long, value_name = "ID")]
    pub request: String,

    #[command(flatten)]
    pub opts: WriteOpts,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_domain(&args.domain)?;
    check_id("--request", &args.request)?;
    let o = revoke_request(ctx, &args.domain, &args.request, None, &args.opts).await?;
    print_outcome(ctx, &o)
}
