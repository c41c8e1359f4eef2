//! `lakegate bucket policy history BUCKET`

use crate::commands::bucket::check_bucket;
use crate::commands::{history, Ctx, PolicyRef};
use crate::error::Result;

/// List the bucket policies lakegate kept before each overwrite (oldest first).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket
    #[arg(value_name = "BUCKET", add = crate::completion::bucket_completer())]
    pub bucket: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_bucket(&args.bucket)?;
    let aws = ctx.aws().await?;
    let pref = PolicyRef::bucket(aws, &args.bucket);
    history::show(ctx, &pref, &format!("bucket {}", args.bucket))
}
