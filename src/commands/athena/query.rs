//! `lakegate athena query "SQL" | --file F [--database D] [--catalog C] [--workgroup W]
//! [--output-location s3://…] [--param VALUE …] [--no-wait]`

use crate::athena::{stream_results, wait};
use crate::aws::athena::QuerySpec;
use crate::commands::shared_args::AthenaPlacement;
use crate::commands::{read_input, Ctx};
use crate::error::{input_error, Result};
use crate::values::NonEmpty;
use serde::Serialize;

/// Run an Athena query: start it, wait with a spinner (state, elapsed time, data scanned), then
/// stream its results page by page (1,000 rows each) to stdout, typed by the column metadata;
/// statistics go to stderr. A failed query prints Athena's reason and exits 1; Ctrl-C stops the
/// query and exits 130. Queries go through `--endpoint-url` (or AWS_ENDPOINT_URL_ATHENA) when
/// given, e.g. an Athena VPC endpoint's DNS name.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["sql", "file"]))]
pub struct Args {
    /// The SQL to run
    #[arg(value_name = "SQL")]
    pub sql: Option<String>,

    /// Read the SQL from this file ('-' for stdin)
    #[arg(long, short = 'f', value_name = "FILE")]
    pub file: Option<String>,

    /// Database (schema) the query runs in
    #[arg(long, value_name = "DATABASE")]
    pub database: Option<NonEmpty>,

    /// Data catalog (default: AwsDataCatalog)
    #[arg(long, value_name = "CATALOG")]
    pub catalog: Option<NonEmpty>,

    #[command(flatten)]
    pub placement: AthenaPlacement,

    /// A value for the query's next `?` placeholder; repeatable, in order
    #[arg(long = "param", value_name = "VALUE")]
    pub params: Vec<String>,

    /// Print the execution id and return at once (fetch later with `lakegate athena results ID`)
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Serialize)]
struct Started<'a> {
    query_execution_id: &'a str,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let sql = match (&args.sql, &args.file) {
        (Some(s), _) => s.clone(),
        (None, Some(f)) => read_input("--file", f)?,
        (None, None) => return Err(input_error("SQL: give the query or --file FILE")),
    };
    if sql.trim().is_empty() {
        return Err(input_error(match &args.file {
            Some(f) => format!("--file: '{f}' holds no SQL"),
            None => "SQL: the query is empty".to_string(),
        }));
    }
    if ctx.settings.dry_run {
        return Err(input_error(
            "--dry-run: `athena query` changes nothing to preview; run it without --dry-run",
        ));
    }
    let spec = QuerySpec {
        sql,
        database: args.database.as_ref().map(|d| d.to_string()),
        catalog: args.catalog.as_ref().map(|c| c.to_string()),
        workgroup: args.placement.workgroup(),
        output_location: args.placement.output_location(),
        params: args.params.clone(),
    };
    let aws = ctx.aws().await?;
    let id = aws.start_query(&spec).await?;
    if args.no_wait {
        let started = Started {
            query_execution_id: &id,
        };
        return ctx.printer.result(&started, || ctx.printer.line(&id));
    }
    tracing::debug!(id, "query started");
    let exec = wait(ctx, aws, &id).await?;
    stream_results(ctx, aws, &exec).await
}
