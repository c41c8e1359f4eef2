//! `lakegate bucket policy rollback BUCKET [--to N]`

use crate::commands::bucket::check_bucket;
use crate::commands::{history, Ctx, PolicyRef};
use crate::error::Result;

/// Restore a bucket policy that lakegate kept before an overwrite. The document replaced by the
/// rollback is itself kept, so a rollback can be rolled back. Asks on a terminal; --yes in scripts.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket
    #[arg(value_name = "BUCKET", add = crate::completion::bucket_completer())]
    pub bucket: String,

    /// The version to restore (see `bucket policy history`); the latest by default
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..))]
    pub to: Option<u32>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_bucket(&args.bucket)?;
    let aws = ctx.aws().await?;
    aws.ensure_bucket(&args.bucket).await?;
    let pref = PolicyRef::bucket(aws, &args.bucket);
    history::rollback(ctx, &pref, &format!("bucket {}", args.bucket), args.to).await
}
