//! `lakegate accessgrant location get ID|SCOPE`

use super::super::LocationRow;
use crate::commands::Ctx;
use crate::error::Result;

/// Show one registered location, by its id or its scope.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The location's id, or its scope (s3://BUCKET/PREFIX/)
    #[arg(value_name = "ID|SCOPE")]
    pub location: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let location = super::existing(ctx, &account, &args.location).await?;
    ctx.printer
        .rows_or(&[LocationRow { location }], String::new)
}
