//! `lakegate audit query DB.TABLE [--external-account A] [--external] [--bucket B]
//! [--principal P] [--access-point NAME] [--account ID] [--dt DATE]`

use super::table::{parse_table_name, query_sql, Filters};
use crate::aws::athena::QuerySpec;
use crate::commands::athena::{stream_results, wait};
use crate::commands::Ctx;
use crate::error::{input_error, Result};

/// Query the uploaded reports with Athena and print the rows (table, CSV, JSON or YAML): by
/// default the latest day's report; e.g. `--external-account 444455556666` lists every bucket
/// and prefix that account can reach. The SQL is printed with -v.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The table `audit report --create-table` created
    #[arg(value_name = "DB.TABLE")]
    pub table: String,

    /// Only rows of this external account's principals
    #[arg(long, value_name = "ACCOUNT")]
    pub external_account: Option<String>,

    /// Only rows of external principals (any account, or everyone)
    #[arg(long)]
    pub external: bool,

    /// Only the report of this audited account (the table's `account` partition)
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,

    /// Only rows of this bucket
    #[arg(long, value_name = "BUCKET")]
    pub bucket: Option<String>,

    /// Only rows of this principal (an ARN, or `*` for everyone)
    #[arg(long, value_name = "ARN")]
    pub principal: Option<String>,

    /// Only rows through this access point
    #[arg(long, value_name = "NAME")]
    pub access_point: Option<String>,

    /// The report of this day, YYYY-MM-DD (default: the latest)
    #[arg(long, value_name = "DATE")]
    pub dt: Option<String>,

    /// Athena workgroup (default: primary)
    #[arg(long, value_name = "WORKGROUP")]
    pub workgroup: Option<String>,

    /// Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it
    #[arg(long, value_name = "S3_URL")]
    pub output_location: Option<String>,
}

fn filters(args: &Args) -> Result<Filters> {
    if let Some(a) = &args.external_account {
        crate::policy::arn::validate_account_id(a)
            .map_err(|e| input_error(format!("--external-account: {e}")))?;
    }
    if let Some(a) = &args.account {
        crate::policy::arn::validate_account_id(a)
            .map_err(|e| input_error(format!("--account: {e}")))?;
    }
    if let Some(b) = &args.bucket {
        crate::commands::bucket::check_bucket(b)?;
    }
    if let Some(p) = &args.principal {
        if p != "*" && !p.starts_with("arn:") {
            return Err(input_error(format!(
                "--principal: invalid '{p}': expected an ARN (arn:aws:iam::ACCOUNT:role/NAME) or *"
            )));
        }
    }
    if let Some(a) = &args.access_point {
        crate::commands::accesspoint::check_name(a)?;
    }
    if let Some(d) = &args.dt {
        super::check_date("--dt", d)?;
    }
    crate::commands::athena::query::check_placement(
        args.workgroup.as_deref(),
        args.output_location.as_deref(),
    )?;
    Ok(Filters {
        external_account: args.external_account.clone(),
        external: args.external,
        bucket: args.bucket.clone(),
        principal: args.principal.clone(),
        access_point: args.access_point.clone(),
        account: args.account.clone(),
        dt: args.dt.clone(),
    })
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (db, table) = parse_table_name("DB.TABLE", &args.table)?;
    let f = filters(args)?;
    if ctx.global.dry_run {
        return Err(input_error(
            "--dry-run: `audit query` changes nothing to preview; run it without --dry-run",
        ));
    }
    let sql = query_sql(&db, &table, &f);
    tracing::debug!(%sql, "audit query");
    let aws = ctx.aws().await?;
    let spec = QuerySpec {
        sql,
        database: Some(db),
        workgroup: args.workgroup.clone(),
        output_location: args.output_location.clone(),
        ..Default::default()
    };
    let id = aws.start_query(&spec).await?;
    let exec = wait(ctx, aws, &id).await?;
    stream_results(ctx, aws, &exec).await
}
