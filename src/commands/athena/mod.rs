//! `lakegate athena ...`: run queries and stream their results, page by page (`crate::athena`).

pub mod query;
pub mod results;

use super::Ctx;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AthenaCommand {
    /// Run a query and stream its results (table, CSV, JSON or YAML)
    Query(query::Args),
    /// Fetch the results of a query started earlier (e.g. with --no-wait)
    Results(results::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AthenaCommand) -> Result<()> {
    match cmd {
        AthenaCommand::Query(a) => query::run(ctx, a).await,
        AthenaCommand::Results(a) => results::run(ctx, a).await,
    }
}
