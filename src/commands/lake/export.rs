//! `lakegate export [--bucket B …] > lake.yaml`

use crate::commands::Ctx;
use crate::error::Result;
use crate::lake;

/// Write the lake file of what exists today: each bucket's delegation and direct grants, its
/// access points (network origin, block public access) and their grants, one document per
/// bucket. `lakegate apply -f` of an export changes nothing. Statements lakegate did not write
/// are not exported (the lake never manages them). With an S3 Access Grants instance, one more
/// document holds its `accessGrants` section (with --bucket: those buckets' grants and
/// locations).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The buckets to export (repeatable; default: every bucket of the region)
    #[arg(long = "bucket", value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub buckets: Vec<crate::values::BucketName>,

    /// How many resources are read at once
    #[arg(long, value_name = "N", alias = "parallel", default_value_t = lake::DEFAULT_PARALLEL as u16,
          allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let buckets = if args.buckets.is_empty() {
        aws.buckets_in_region().await?
    } else {
        let mut b = crate::values::strings(&args.buckets);
        b.dedup();
        b
    };
    let only = (!args.buckets.is_empty()).then_some(buckets.as_slice());
    let docs = lake::export(aws, &account, &buckets, only, usize::from(args.concurrency)).await?;
    ctx.printer
        .result(&docs, || ctx.printer.text(&lake::to_text(&docs)))
}
