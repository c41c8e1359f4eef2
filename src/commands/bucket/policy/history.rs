//! `lakegate bucket policy history BUCKET`

use crate::commands::{history, Ctx, PolicyRef};
use crate::error::Result;

/// List the bucket policies lakegate kept before each overwrite (oldest first).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub bucket: crate::commands::shared_args::BucketArg,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let bucket = args.bucket.resolve(ctx).await?;
    let pref = PolicyRef::bucket(aws, &bucket);
    history::show(ctx, &pref, &format!("bucket {}", bucket))
}
