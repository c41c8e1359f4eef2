//! `lakegate athena query "SQL" | --file F [--database D] [--catalog C] [--workgroup W]
//! [--output-location s3://…] [--param VALUE …] [--no-wait]`

use super::{stream_results, wait};
use crate::aws::athena::QuerySpec;
use crate::commands::{read_input, Ctx};
use crate::error::{input_error, Result};
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
    pub database: Option<String>,

    /// Data catalog (default: AwsDataCatalog)
    #[arg(long, value_name = "CATALOG")]
    pub catalog: Option<String>,

    /// Workgroup (default: primary)
    #[arg(long, value_name = "WORKGROUP")]
    pub workgroup: Option<String>,

    /// Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it
    #[arg(long, value_name = "S3_URL")]
    pub output_location: Option<String>,

    /// A value for the query's next `?` placeholder; repeatable, in order
    #[arg(long = "param", value_name = "VALUE")]
    pub params: Vec<String>,

    /// Print the execution id and return at once (fetch later with `lakegate athena results ID`)
    #[arg(long)]
    pub no_wait: bool,
}

pub fn check_output_location(o: &str) -> Result<()> {
    let ok = o
        .strip_prefix("s3://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    if ok {
        Ok(())
    } else {
        Err(input_error(format!(
            "--output-location: invalid '{o}': expected s3://BUCKET/PREFIX/"
        )))
    }
}

/// Check `--workgroup` and `--output-location` (shared by the commands that run Athena queries).
pub fn check_placement(workgroup: Option<&str>, output_location: Option<&str>) -> Result<()> {
    if let Some(o) = output_location {
        check_output_location(o)?;
    }
    if workgroup.is_some_and(|w| w.trim().is_empty()) {
        return Err(input_error("--workgroup: must not be empty"));
    }
    Ok(())
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
    if let Some(o) = &args.output_location {
        check_output_location(o)?;
    }
    for (opt, v) in [
        ("--database", &args.database),
        ("--catalog", &args.catalog),
        ("--workgroup", &args.workgroup),
    ] {
        if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(input_error(format!("{opt}: must not be empty")));
        }
    }
    if ctx.global.dry_run {
        return Err(input_error(
            "--dry-run: `athena query` changes nothing to preview; run it without --dry-run",
        ));
    }
    let spec = QuerySpec {
        sql,
        database: args.database.clone(),
        catalog: args.catalog.clone(),
        workgroup: args.workgroup.clone(),
        output_location: args.output_location.clone(),
        params: args.params.clone(),
    };
    let aws = ctx.aws().await?;
    let id = aws.start_query(&spec).await?;
    if args.no_wait {
        if ctx.printer.is_structured() {
            return ctx.printer.value(&Started {
                query_execution_id: &id,
            });
        }
        ctx.printer.line(id)?;
        return Ok(());
    }
    tracing::debug!(id, "query started");
    let exec = wait(ctx, aws, &id).await?;
    stream_results(ctx, aws, &exec).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_locations() {
        check_output_location("s3://bucket/prefix/").unwrap();
        assert!(check_output_location("bucket/prefix").is_err());
        assert!(check_output_location("s3://").is_err());
    }
}
