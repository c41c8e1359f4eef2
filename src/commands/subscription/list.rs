//! `lakegate subscription list --domain D [--project P]`

use crate::commands::Ctx;
use crate::error::Result;
use crate::subscription::observe::observe;

/// List the domain's subscriptions (all pages) with whether each grant is in place: in the
/// bucket policy or in the subscribing project's access point policy, and beside it the status
/// DataZone shows for the subscription's grants (ListSubscriptionGrants). Subscriptions to
/// assets that are not S3 object collections show `-`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// DataZone domain id (dzd_…)
    #[arg(long, value_name = "DOMAIN")]
    pub domain: crate::values::DomainId,

    /// Only the subscriptions of this (subscribing) project
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<crate::values::DataZoneId>,

    /// Read buckets of ACCOUNT through this role there (repeatable)
    #[arg(long = "account-role", value_name = "ACCOUNT=ROLE_ARN", value_parser = crate::subscription::parse_account_role)]
    pub account_roles: Vec<(String, String)>,

    /// Where grants are looked for: policies (bucket and access point), or access grants
    #[arg(long, value_enum, default_value_t = crate::subscription::Via::BucketPolicy, value_name = "VIA")]
    pub via: crate::subscription::Via,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let rows = observe(
        ctx,
        &args.domain,
        args.project.as_deref(),
        &args.account_roles,
        args.via,
    )
    .await?;
    ctx.printer.rows(&rows)
}
