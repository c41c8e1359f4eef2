//! `lakegate bucket policy get BUCKET`

use crate::commands::Ctx;
use crate::error::Result;
use crate::output::statement_rows;

/// Show the bucket policy: one row per statement, or the document itself with -o json|yaml.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub bucket: crate::commands::shared_args::BucketArg,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let doc = aws.bucket_policy(args.bucket.get()).await?;
    match (&doc, ctx.printer.format) {
        (_, crate::cli::OutputFormat::Json | crate::cli::OutputFormat::Yaml) => {
            ctx.printer.value(&doc.as_ref().map(|d| d.to_value()))
        }
        (None, _) => {
            ctx.printer
                .status(format!("bucket {} has no bucket policy", args.bucket));
            Ok(())
        }
        (Some(d), _) => ctx.printer.rows(&statement_rows(d)),
    }
}
