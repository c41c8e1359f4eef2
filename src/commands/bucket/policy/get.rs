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
    let bucket = args.bucket.resolve(ctx).await?;
    let doc = aws.bucket_policy(&bucket).await?;
    // The document for JSON/YAML; one row per statement otherwise (and what --query reads
    // under the table formats, as before).
    let rows = || match &doc {
        None => {
            ctx.printer
                .status(format!("bucket {} has no bucket policy", bucket));
            Ok(())
        }
        Some(d) => ctx.printer.rows(&statement_rows(d)),
    };
    ctx.printer
        .show_document(&doc.as_ref().map(|d| d.to_value()), rows)
}
