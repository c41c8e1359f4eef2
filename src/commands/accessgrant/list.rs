//! `lakegate accessgrant list [--grantee ARN|ID] [--bucket B]`

use super::GrantRow;
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::BucketName;

/// List the grants of the account's Access Grants instance, all pages.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this grantee's grants (an IAM ARN or a directory user or group id)
    #[arg(long, value_name = "ARN|ID")]
    pub grantee: Option<String>,
    /// Only grants on this bucket
    #[arg(long, value_name = "BUCKET")]
    pub bucket: Option<BucketName>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let on_bucket = args.bucket.as_ref().map(|b| format!("s3://{b}"));
    let rows: Vec<GrantRow> = ctx
        .aws()
        .await?
        .access_grants(&account, &Default::default())
        .await?
        .into_iter()
        .filter(|g| args.grantee.as_ref().is_none_or(|w| &g.grantee == w))
        .filter(|g| {
            on_bucket.as_ref().is_none_or(|b| {
                g.scope == *b || g.scope.starts_with(&format!("{b}/")) || g.scope == format!("{b}*")
            })
        })
        .map(|grant| GrantRow { grant })
        .collect();
    ctx.printer
        .rows_or(&rows, || format!("no access grants in account {account}"))
}
