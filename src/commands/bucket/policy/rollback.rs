//! `lakegate bucket policy rollback BUCKET [--to N]`

use crate::commands::{history, Ctx, PolicyRef};
use crate::error::Result;

/// Restore a bucket policy that lakegate kept before an overwrite. The document replaced by the
/// rollback is itself kept, so a rollback can be rolled back. Asks on a terminal; --yes in scripts.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub bucket: crate::commands::shared_args::BucketArg,

    /// The version to restore (see `bucket policy history`); the latest by default
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..))]
    pub to: Option<u32>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let bucket = args.bucket.resolve(ctx).await?;
    aws.ensure_bucket(&bucket).await?;
    let pref = PolicyRef::bucket(aws, &bucket);
    history::rollback(ctx, &pref, &format!("bucket {}", bucket), args.to).await
}
