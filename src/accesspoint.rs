//! Access points of the account: `accesspoint list`'s listing, each with the prefixes and
//! principals its policy grants.

use crate::error::Result;
use crate::output::{short_principal, Cell, Row};
use crate::policy::access::{summarize, GrantView};
use crate::session::Session;
use crate::values::BucketRef;
use futures::stream::{self, StreamExt, TryStreamExt};
use serde::Serialize;

/// What `accesspoint list` lists.
#[derive(Debug, Clone)]
pub struct ListOptions {
    /// Only the access points of this bucket (or of the bucket an access point serves).
    pub bucket: Option<BucketRef>,
    /// Leave each access point's policy unread.
    pub no_policies: bool,
    /// How many policies to fetch at once.
    pub concurrency: u16,
}

/// One row of `accesspoint list` (stable JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub name: String,
    pub bucket: String,
    pub arn: String,
    pub alias: Option<String>,
    pub network_origin: String,
    pub vpc_id: Option<String>,
    pub has_policy: Option<bool>,
    pub prefixes: Vec<String>,
    pub principals: Vec<String>,
    pub grants: Vec<GrantView>,
}

impl Row for ListRow {
    fn kind() -> Option<&'static str> {
        Some("accesspoint")
    }

    fn name(&self) -> Option<String> {
        Some(self.name.clone())
    }

    fn headers(wide: bool) -> Vec<&'static str> {
        if wide {
            vec![
                "NAME",
                "BUCKET",
                "ORIGIN",
                "VPC",
                "PREFIXES",
                "PRINCIPALS",
                "ALIAS",
                "ARN",
            ]
        } else {
            vec!["NAME", "BUCKET", "ORIGIN", "PREFIXES", "PRINCIPALS"]
        }
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let prefixes = Cell::or_dash(self.prefixes.join(","));
        if wide {
            vec![
                self.name.clone().into(),
                self.bucket.clone().into(),
                self.network_origin.clone().into(),
                self.vpc_id.clone().unwrap_or_else(|| "-".into()).into(),
                prefixes,
                Cell::or_dash(self.principals.join(",")),
                self.alias.clone().unwrap_or_else(|| "-".into()).into(),
                self.arn.clone().into(),
            ]
        } else {
            let short: Vec<&str> = self.principals.iter().map(|p| short_principal(p)).collect();
            vec![
                self.name.clone().into(),
                self.bucket.clone().into(),
                self.network_origin.clone().into(),
                prefixes,
                Cell::or_dash(short.join(",")),
            ]
        }
    }
}

/// List the account's access points (all pages), their policies fetched `concurrency` at once,
/// and print them.
pub async fn list(session: &Session, opts: &ListOptions) -> Result<()> {
    let aws = session.aws().await?;
    let account = session.account().await?;
    let bucket = match &opts.bucket {
        Some(b) => Some(session.resolve_bucket(b).await?),
        None => None,
    };
    let pb = session.printer.spinner("listing access points");
    let aps = aws
        .list_access_points(&account, bucket.as_deref(), |n| pb.set_position(n as u64))
        .await?;
    if let (Some(b), true) = (&bucket, aps.is_empty()) {
        // S3 Control lists nothing for a bucket that does not exist: say which it is. (A
        // bucket of another account may refuse HeadBucket; that is not this question.)
        if let Err(e) = aws.ensure_bucket(b).await {
            if matches!(e.kind, crate::aws::error::ErrorKind::NotFound) {
                pb.finish_and_clear();
                return Err(e.into());
            }
        }
    }
    pb.set_message("reading access point policies");
    pb.set_position(0);
    let rows: Vec<ListRow> = stream::iter(aps.into_iter().map(|ap| {
        let account = account.clone();
        let pb = pb.clone();
        let no_policies = opts.no_policies;
        async move {
            let policy = if no_policies {
                None
            } else {
                let p = aws.access_point_policy(&account, &ap.name).await?;
                pb.inc(1);
                Some(p)
            };
            let grants = policy
                .as_ref()
                .and_then(|p| p.as_ref())
                .map(summarize)
                .unwrap_or_default();
            let mut prefixes: Vec<String> = grants.iter().map(|g| g.prefix.clone()).collect();
            prefixes.sort();
            prefixes.dedup();
            let mut principals: Vec<String> = grants.iter().map(|g| g.principal.clone()).collect();
            principals.sort();
            principals.dedup();
            Ok::<_, crate::error::CliError>(ListRow {
                name: ap.name,
                bucket: ap.bucket,
                arn: ap.arn,
                alias: ap.alias,
                network_origin: ap.network_origin,
                vpc_id: ap.vpc_id,
                has_policy: policy.map(|p| p.is_some()),
                prefixes,
                principals,
                grants,
            })
        }
    }))
    .buffered(usize::from(opts.concurrency))
    .try_collect()
    .await?;
    pb.finish_and_clear();
    session.printer.rows_or(&rows, || {
        let scope = bucket
            .as_ref()
            .map(|b| format!(" on bucket {b}"))
            .unwrap_or_default();
        format!("no access points in account {account}{scope}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_principals() {
        assert_eq!(
            short_principal("arn:aws:iam::123456789012:role/path/Ec2Role"),
            "Ec2Role"
        );
        assert_eq!(
            short_principal("arn:aws:iam::123456789012:root"),
            "123456789012"
        );
        assert_eq!(short_principal("*"), "*");
    }
}
