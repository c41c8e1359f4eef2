//! `lakegate audit query DB.TABLE [--external-account A] [--external] [--bucket B]
//! [--principal P] [--access-point NAME] [--account ID] [--dt DATE]`

use crate::athena::{stream_results, wait};
use crate::audit::table::{query_columns, query_sql, Filters};
use crate::aws::athena::QuerySpec;
use crate::commands::shared_args::AthenaPlacement;
use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::values::{AccessPointName, AccountId, BucketName, Date, PrincipalFilter, TableName};

/// Query the uploaded reports with Athena and print the rows (table, CSV, JSON or YAML): by
/// default each account's latest report (its latest day, and of that day its latest run); e.g. `--external-account 444455556666` lists every bucket
/// and prefix that account can reach. The SQL is printed with -v.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The table `audit report --create-table` created
    #[arg(value_name = "DB.TABLE")]
    pub table: TableName,

    /// Only rows of this external account's principals
    #[arg(long, value_name = "ACCOUNT")]
    pub external_account: Option<AccountId>,

    /// Only rows of external principals (any account, or everyone)
    #[arg(long)]
    pub external: bool,

    /// Only the report of this audited account (the table's `account` partition)
    #[arg(long, value_name = "ID")]
    pub account: Option<AccountId>,

    /// Only rows of this bucket
    #[arg(long, value_name = "BUCKET")]
    pub bucket: Option<BucketName>,

    /// Only rows of this principal (an ARN, or `*` for everyone)
    #[arg(long, value_name = "ARN")]
    pub principal: Option<PrincipalFilter>,

    /// Only rows through this access point
    #[arg(long, value_name = "NAME")]
    pub access_point: Option<AccessPointName>,

    /// The report of this day, YYYY-MM-DD (default: the latest)
    #[arg(long, value_name = "DATE")]
    pub dt: Option<Date>,

    #[command(flatten)]
    pub placement: AthenaPlacement,
}

fn filters(args: &Args) -> Filters {
    Filters {
        external_account: args.external_account.as_ref().map(ToString::to_string),
        external: args.external,
        bucket: args.bucket.as_ref().map(ToString::to_string),
        principal: args.principal.as_ref().map(ToString::to_string),
        access_point: args.access_point.as_ref().map(ToString::to_string),
        account: args.account.as_ref().map(ToString::to_string),
        dt: args.dt.as_ref().map(ToString::to_string),
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (db, table) = (args.table.database.clone(), args.table.table.clone());
    let f = filters(args);
    if ctx.settings.dry_run {
        return Err(input_error(
            "--dry-run: `audit query` changes nothing to preview; run it without --dry-run",
        ));
    }
    let aws = ctx.aws().await?;
    // A table created before the exact audit's columns is queried for the columns it has.
    let columns = query_columns(aws, &db, &table).await;
    let sql = query_sql(&db, &table, &f, &columns);
    tracing::debug!(%sql, "audit query");
    let spec = QuerySpec {
        sql,
        database: Some(db),
        workgroup: args.placement.workgroup(),
        output_location: args.placement.output_location(),
        ..Default::default()
    };
    let id = aws.start_query(&spec).await?;
    let exec = wait(ctx, aws, &id).await?;
    stream_results(ctx, aws, &exec).await
}
