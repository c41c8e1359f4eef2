//! `lakegate access who-can s3://BUCKET/PREFIX/ [--action read|write|list]
//! [--account-id ID --member-role ROLE_NAME [--external-id ID]]`

use crate::aws::Aws;
use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::evaluate::chain::{audit_chain, member_chain, org_levels_with};
use crate::output::{Cell, Row};
use crate::policy::eval::audit::{AccessKind, BucketAudit, WhoCanRow};
use crate::policy::eval::{Chain, PolicySet};

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

    /// The bucket is in the member account --account-id of the caller's AWS Organization: read
    /// it through this role there (arn:aws:iam::ACCOUNT:role/ROLE_NAME, session lakegate-audit);
    /// principals of every member account are then not external
    #[arg(long, value_name = "ROLE_NAME")]
    pub member_role: Option<crate::values::IamRoleName>,

    /// The external id the member role requires
    #[arg(long, value_name = "ID", requires = "member_role")]
    pub external_id: Option<String>,
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
    let caller = ctx.aws().await?;
    let (member, account, chain, organization) = match &args.member_role {
        Some(role) => {
            let m = enter_member(ctx, caller, role, args.external_id.as_deref()).await?;
            (Some(m.aws), m.account, Some(m.chain), m.organization)
        }
        None => (None, ctx.account().await?, None, Vec::new()),
    };
    let aws = member.as_ref().unwrap_or(caller);
    let set = policy_set(aws, &account, &bucket).await?;
    let chain = match chain {
        Some(c) => c,
        None => audit_chain(ctx, &account).await,
    };
    let audit = BucketAudit {
        bucket: &bucket,
        partition: aws.partition,
        trusted: &args.trusted_account,
        findings: &[],
        region: &aws.region,
        organization: &organization,
    };
    let rows = audit.who_can(&set, &chain, &prefix, kind);
    ctx.printer.rows_or(&rows, || {
        format!("no principal may {} s3://{bucket}/{prefix}", kind.as_str())
    })
}

/// A member account of the caller's organization, entered through its role.
struct Member {
    aws: Aws,
    account: String,
    chain: Chain,
    /// Every account of the organization: none of their principals is external.
    organization: Vec<String>,
}

/// --member-role: the account --account-id names must be in the caller's organization; its
/// role is assumed (session `lakegate-audit`, as `audit report --organization` does), its SCPs and
/// RCPs read with the caller's credentials and its Block Public Access with the role's.
async fn enter_member(
    ctx: &Ctx,
    caller: &Aws,
    role_name: &str,
    external_id: Option<&str>,
) -> Result<Member> {
    let Some(account) = ctx.settings.account_id.clone() else {
        return Err(input_error(
            "--member-role: name the member account that owns the bucket with --account-id ID",
        ));
    };
    let org = caller.organization().await?;
    if !org.accounts.iter().any(|a| a.id == account) {
        return Err(input_error(format!(
            "--account-id: {account} is not an account of organization {}",
            org.id
        )));
    }
    let role = format!("arn:{}:iam::{account}:role/{role_name}", caller.partition);
    let creds = caller
        .assume_role_for_run(&role, "lakegate-audit", external_id)
        .await
        .map_err(|mut e| {
            e.message = format!("cannot assume {role}: {}", e.message);
            e
        })?;
    let aws = caller.in_account(&account, creds, &caller.region);
    let warn = |m: String| ctx.printer.warn(m);
    let (levels, restrict) = futures::future::join(
        org_levels_with(caller, &account),
        aws.account_restrict_public_buckets(&account),
    )
    .await;
    let chain = member_chain(&account, levels, restrict.map_err(Into::into), warn);
    Ok(Member {
        aws,
        account,
        chain,
        organization: org.accounts.into_iter().map(|a| a.id).collect(),
    })
}

/// The bucket's policy and the policies of its access points, read with `aws` in `account`,
/// 16 at a time.
async fn policy_set(aws: &Aws, account: &str, bucket: &str) -> Result<PolicySet> {
    let listed = aws
        .list_access_points(account, Some(bucket), |_| {})
        .await?;
    let pool = tokio::sync::Semaphore::new(16);
    crate::evaluate::policy_set::read(aws, account, bucket, listed, &pool).await
}
