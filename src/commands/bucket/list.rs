//! `lakegate bucket list [--no-policies] [--concurrency N]`

use crate::commands::Ctx;
use crate::error::Result;
use crate::output::{Cell, Row};
use futures::{StreamExt, TryStreamExt};
use serde::Serialize;

/// List the account's buckets in the region in use (ListBuckets), with whether each bucket policy
/// delegates access control to the account's access points (one GetBucketPolicy per bucket).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Do not read the bucket policies (one ListBuckets call; `delegated` is null)
    #[arg(long)]
    pub no_policies: bool,

    /// How many bucket policies to fetch at once
    #[arg(long, value_name = "N", default_value_t = 16, allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
}

/// One row of `bucket list` (stable JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct BucketRow {
    pub name: String,
    /// Whether the bucket has a policy (null under --no-policies, or when it could not be read).
    pub has_policy: Option<bool>,
    /// Whether the policy delegates to this account's access points (null under --no-policies).
    pub delegated: Option<bool>,
}

fn yes_no(v: Option<bool>) -> Cell {
    match v {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => "-".into(),
    }
}

impl Row for BucketRow {
    fn kind() -> Option<&'static str> {
        Some("bucket")
    }

    fn name(&self) -> Option<String> {
        Some(self.name.clone())
    }

    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["NAME", "POLICY", "DELEGATED"]
    }

    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.name.clone().into(),
            yes_no(self.has_policy),
            yes_no(self.delegated),
        ]
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let names = aws.buckets_in_region().await?;
    let account = if args.no_policies || names.is_empty() {
        None
    } else {
        Some(ctx.account().await?)
    };
    let rows: Vec<BucketRow> = futures::stream::iter(names.into_iter().map(|name| {
        let account = account.clone();
        async move {
            let Some(account) = account else {
                return Ok::<_, crate::error::CliError>(BucketRow {
                    name,
                    has_policy: None,
                    delegated: None,
                });
            };
            // One unreadable policy (access denied, a foreign document with duplicate keys) must
            // not hide the other buckets: that bucket's fields are unknown, and a warning says why.
            let doc = match aws.bucket_policy(&name).await {
                Ok(doc) => doc,
                Err(e) => {
                    ctx.printer
                        .warn(format!("bucket {name}: policy not read: {}", e.message));
                    return Ok(BucketRow {
                        name,
                        has_policy: None,
                        delegated: None,
                    });
                }
            };
            Ok(BucketRow {
                has_policy: Some(doc.is_some()),
                delegated: Some(
                    doc.as_ref()
                        .is_some_and(|d| crate::policy::access::delegates_to(d, &account)),
                ),
                name,
            })
        }
    }))
    .buffered(usize::from(args.concurrency))
    .try_collect()
    .await?;
    ctx.printer
        .rows_or(&rows, || format!("no buckets in region {}", aws.region))
}
