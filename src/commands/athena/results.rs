//! `lakegate athena results QUERY_EXECUTION_ID`

use crate::athena::{stream_results, wait};
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::QueryExecutionId;

/// Fetch the results of a query started earlier (waiting for it to finish if it is still
/// running), streamed page by page like `athena query`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query's execution id (printed by `athena query --no-wait`)
    #[arg(value_name = "QUERY_EXECUTION_ID")]
    pub id: QueryExecutionId,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let exec = wait(ctx, aws, &args.id).await?;
    stream_results(ctx, aws, &exec).await
}
