//! `lakegate accesspoint rollback NAME [--to N]`

use super::policy_ref;
use crate::commands::{history, Ctx};
use crate::error::Result;

/// Restore an access point policy that lakegate kept before an overwrite. The access point must
/// exist (recreate a deleted one with `accesspoint create` first). Asks on a terminal; --yes in scripts.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point: its name, ARN or alias
    #[arg(value_name = "NAME", add = crate::completers::access_point_completer())]
    pub name: crate::values::AccessPointRef,

    /// The version to restore (see `accesspoint history`); the latest by default
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..))]
    pub to: Option<u32>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (account, info) = ctx.resolve_access_point(&args.name).await?;
    let pref = policy_ref(&account, &info);
    history::rollback(ctx, &pref, &format!("access point {}", info.name), args.to).await
}
