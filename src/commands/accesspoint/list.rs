//! `lakegate accesspoint list [--bucket B]`

use crate::accesspoint::{self, ListOptions};
use crate::commands::Ctx;
use crate::error::Result;

/// List the account's access points (all pages) with the prefixes and principals their policies
/// grant. Policies are fetched concurrently.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only the access points of this bucket (or of the bucket an access point ARN or alias
    /// serves)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: Option<crate::values::BucketRef>,

    /// Do not read each access point's policy (no PREFIXES/PRINCIPALS; one call per page)
    #[arg(long)]
    pub no_policies: bool,

    /// How many policies to fetch at once
    #[arg(long, value_name = "N", default_value_t = 16, allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
}

impl Args {
    /// The options of the listing.
    pub fn options(&self) -> ListOptions {
        ListOptions {
            bucket: self.bucket.clone(),
            no_policies: self.no_policies,
            concurrency: self.concurrency,
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    accesspoint::list(ctx, &args.options()).await
}
