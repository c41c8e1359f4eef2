//! `lakegate access who-can s3://BUCKET/PREFIX/ [--action read|write|list]
//! [--account-id ID --member-role ROLE_NAME [--external-id ID]]`

use crate::aws::Aws;
use crate::commands::Ctx;
use crate::error::{failed, input_error, Result};
use crate::evaluate::chain::{audit_chain, member_chain, org_levels_with};
use crate::evaluate::parse_context;
use crate::output::{Cell, Row};
use crate::policy::eval::audit::{BucketAudit, WhoCanRow};
use crate::policy::eval::symbolic::{Access, ModelError};
use crate::policy::eval::{Chain, PolicySet};

/// Which principals (of which accounts, through which access point or the bucket itself) may
/// read, write or list anything under one prefix, exactly: every principal the policies name,
/// each account's other principals, any principal of an account no policy names, and anyone,
/// with the key patterns each reaches (KEYS), what a Deny cuts out of them (EXCEPT) and whether
/// only part of the prefix is reached (PARTIAL), decided as `access check` decides every key (an
/// access point grant counts only where the bucket policy also allows it; Denies, SCPs, RCPs and
/// Block Public Access apply). Grants that are not effective today (an access point on a bucket
/// that does not delegate, Block Public Access) are shown as latent. Read is s3:GetObject and
/// write s3:PutObject on a key; list is s3:ListBucket with s3:prefix under the prefix.
///
/// Offline with the policy flags of `access matrix` (--bucket-policy, --access-point-policy, …).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket and prefix, s3://BUCKET/PREFIX/ (s3://BUCKET for the whole bucket); or
    /// --bucket and --prefix, as `access check` and `access matrix` take them
    // Required (help shows `<S3_URL>`); --bucket conflicts with it, which clap takes as
    // standing in for it.
    #[arg(value_name = "S3_URL", required = true)]
    pub url: Option<crate::values::S3Url>,

    /// The bucket (instead of S3_URL; or an access point's ARN or alias, for its bucket)
    #[arg(long, value_name = "BUCKET", conflicts_with = "url",
          add = crate::completers::bucket_completer())]
    pub bucket: Option<crate::values::BucketRef>,

    /// The prefix under --bucket (default: the whole bucket)
    #[arg(long, value_name = "PREFIX", requires = "bucket")]
    pub prefix: Option<crate::values::Prefix>,

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

    /// The policies: fetched, or offline from files
    #[command(flatten)]
    pub policies: super::PolicyArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Action {
    Read,
    Write,
    List,
}

impl Row for WhoCanRow {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec![
            "PRINCIPAL",
            "ACCOUNT",
            "EXTERNAL",
            "VIA",
            "KEYS",
            "EXCEPT",
            "CONDITIONS",
        ];
        if wide {
            h.extend(["PARTIAL", "SOURCE", "SID"]);
        }
        h
    }
    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut via = if self.access_point.is_empty() {
            "bucket".to_string()
        } else {
            format!("access-point:{}", self.access_point)
        };
        let mut conditions = self.conditions.clone();
        if let Some(why) = &self.latent {
            via.push_str(" (latent)");
            conditions = format!("latent: {why}");
        }
        let mut c = vec![
            self.principal.clone().into(),
            Cell::or_dash(self.principal_account.as_str()),
            if self.external { "yes" } else { "no" }.into(),
            via.into(),
            Cell::or_dash(self.keys.join(" ").as_str()),
            Cell::or_dash(self.except.join(" ").as_str()),
            Cell::or_dash(conditions.as_str()),
        ];
        if wide {
            c.push(if self.partial { "yes" } else { "no" }.into());
            c.push(self.source.clone().into());
            c.push(Cell::or_dash(self.sid.as_str()));
        }
        c
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (bucket, prefix) = match (&args.url, &args.bucket) {
        (Some(url), _) => (url.bucket.to_string(), url.prefix()),
        (None, Some(b)) => {
            let bucket = crate::commands::shared_args::bucket(ctx, b).await?;
            let prefix = match &args.prefix {
                Some(p) => p
                    .normalized(false)
                    .map_err(|e| input_error(format!("--prefix: {e}")))?,
                None => String::new(),
            };
            (bucket.to_string(), prefix)
        }
        // clap requires one of the two.
        (None, None) => return Err(input_error("name the bucket: S3_URL or --bucket")),
    };
    let kind = match args.action {
        Action::Read => Access::Read,
        Action::Write => Access::Write,
        Action::List => Access::List,
    };
    let context = parse_context(&args.policies.context)?;
    let exact = |e: ModelError| failed(format!("cannot decide who can {}: {e}", kind.as_str()));
    if args.policies.offline() {
        if args.member_role.is_some() {
            return Err(input_error(
                "--member-role: the policies come from files; leave it out offline",
            ));
        }
        let (set, _, _) = args.policies.gather(ctx, Some(bucket.clone()), &[]).await?;
        let (chain, _) = args.policies.chain.files().from_files()?;
        let partition = super::partition_of(&set);
        let audit = BucketAudit {
            bucket: &bucket,
            partition: &partition,
            trusted: &args.trusted_account,
            findings: &[],
            region: "",
            organization: &[],
        };
        let rows = audit
            .who_can_exact(&set, &chain, &context, &prefix, kind)
            .map_err(exact)?;
        return ctx.printer.rows_or(&rows, || {
            format!("no principal may {} s3://{bucket}/{prefix}", kind.as_str())
        });
    }
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
    let rows = audit
        .who_can_exact(&set, &chain, &context, &prefix, kind)
        .map_err(exact)?;
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
