//! `lakegate access who-can s3://BUCKET/PREFIX/ [--action read|write|list]`

use crate::commands::evaluate::chain::audit_chain;
use crate::commands::Ctx;
use crate::error::{failed, Result};
use crate::output::{Cell, Row};
use crate::policy::eval::audit::{AccessKind, BucketAudit, WhoCanRow};
use crate::policy::eval::{AccessPointPolicy, AccessPointTarget, CompiledPolicy, PolicySet};

/// Which principals (of which accounts, through which access point or the bucket itself) may
/// read, write or list under one prefix: the principals the bucket policy and the bucket's
/// access point policies name, and everyone, each decided as `access check` decides (an access
/// point grant counts only where the bucket policy also allows it; Denies, SCPs, RCPs and Block
/// Public Access apply). Read is s3:GetObject and write s3:PutObject on a key under the prefix;
/// list is s3:ListBucket with s3:prefix set to it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket and prefix, s3://BUCKET/PREFIX/ (s3://BUCKET for the whole bucket)
    #[arg(value_name = "S3_URL")]
    pub url: crate::values::S3Url,

    /// The access asked about
    #[arg(long, value_enum, default_value_t = Action::Read)]
    pub action: Action,

    #[command(flatten)]
    pub trusted_account: crate::commands::shared_args::TrustedAccounts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Action {
    Read,
    Write,
    List,
}

impl Row for WhoCanRow {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["PRINCIPAL", "ACCOUNT", "EXTERNAL", "VIA", "CONDITIONS"];
        if wide {
            h.extend(["SOURCE", "SID"]);
        }
        h
    }
    fn cells(&self, wide: bool) -> Vec<Cell> {
        let via = if self.access_point.is_empty() {
            "bucket".to_string()
        } else {
            format!("access-point:{}", self.access_point)
        };
        let mut c = vec![
            self.principal.clone().into(),
            Cell::or_dash(self.principal_account.as_str()),
            if self.external { "yes" } else { "no" }.into(),
            via.into(),
            Cell::or_dash(self.conditions.as_str()),
        ];
        if wide {
            c.push(self.source.clone().into());
            c.push(Cell::or_dash(self.sid.as_str()));
        }
        c
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (bucket, prefix) = (args.url.bucket.to_string(), args.url.prefix());
    let kind = match args.action {
        Action::Read => AccessKind::Read,
        Action::Write => AccessKind::Write,
        Action::List => AccessKind::List,
    };
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let bucket_policy = aws
        .bucket_policy(&bucket)
        .await?
        .map(|d| CompiledPolicy::compile(&d, "bucket"))
        .transpose()
        .map_err(|e| {
            failed(format!(
                "the bucket policy of '{bucket}' cannot be read: {e}"
            ))
        })?;
    let listed = aws
        .list_access_points(&account, Some(&bucket), |_| {})
        .await?;
    let mut access_points = Vec::new();
    for ap in listed {
        let policy = aws
            .access_point_policy(&account, &ap.name)
            .await?
            .map(|d| CompiledPolicy::compile(&d, format!("access-point:{}", ap.name)))
            .transpose()
            .map_err(|e| {
                failed(format!(
                    "the policy of access point '{}' cannot be read: {e}",
                    ap.name
                ))
            })?;
        let target = AccessPointTarget::from_arn(&ap.arn).unwrap_or(AccessPointTarget {
            name: ap.name.clone(),
            arn: ap.arn.clone(),
            account: account.clone(),
        });
        access_points.push(AccessPointPolicy { target, policy });
    }
    let set = PolicySet {
        identity: Vec::new(),
        bucket: bucket_policy,
        bucket_account: account.clone(),
        access_points,
    };
    let chain = audit_chain(ctx, &account).await;
    let audit = BucketAudit {
        bucket: &bucket,
        partition: aws.partition,
        trusted: &args.trusted_account,
        findings: &[],
        region: &aws.region,
        organization: &[],
    };
    let rows = audit.who_can(&set, &chain, &prefix, kind);
    ctx.printer.rows_or(&rows, || {
        format!("no principal may {} s3://{bucket}/{prefix}", kind.as_str())
    })
}
