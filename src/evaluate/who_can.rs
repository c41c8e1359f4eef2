//! `access who-can`: which principals (of which accounts, through which access point or the
//! bucket itself) may read, write or list under a prefix, exactly — offline from the policies
//! [`PolicySources`] gathers, or online, optionally in a member account of the organization
//! entered through its role.

use super::chain::{audit_chain, member_chain, org_levels_with};
use super::sources::{partition_of, PolicySources};
use crate::aws::Aws;
use crate::error::{failed, input_error, Result};
use crate::output::{Cell, Row};
use crate::policy::eval::audit::{BucketAudit, WhoCanRow};
use crate::policy::eval::symbolic::{Access, ModelError};
use crate::policy::eval::{Chain, PolicySet};
use crate::session::Session;

/// What `access who-can` asks (`commands/access/who_can.rs` has the flags).
#[derive(Debug, Clone)]
pub struct WhoCanOptions {
    pub bucket: String,
    /// The prefix, normalized (empty: the whole bucket).
    pub prefix: String,
    pub access: Access,
    /// Accounts whose principals are not external.
    pub trusted: Vec<String>,
    /// Read the bucket through this role in the member account `--account-id` names.
    pub member_role: Option<String>,
    /// The external id the member role requires.
    pub external_id: Option<String>,
    /// The request context, parsed.
    pub context: Vec<(String, String)>,
    pub sources: PolicySources,
}

/// The principals that may, with the keys each reaches.
pub async fn who_can(ctx: &Session, opts: &WhoCanOptions) -> Result<Vec<WhoCanRow>> {
    let (bucket, prefix, kind, context) = (&opts.bucket, &opts.prefix, opts.access, &opts.context);
    let exact = |e: ModelError| failed(format!("cannot decide who can {}: {e}", kind.as_str()));
    if opts.sources.offline() {
        if opts.member_role.is_some() {
            return Err(input_error(
                "--member-role: the policies come from files; leave it out offline",
            ));
        }
        let (set, _, _) = opts.sources.gather(ctx, Some(bucket.clone()), &[]).await?;
        let (chain, _) = opts.sources.chain.from_files()?;
        let partition = partition_of(&set);
        let audit = BucketAudit {
            bucket,
            partition: &partition,
            trusted: &opts.trusted,
            findings: &[],
            region: "",
            organization: &[],
        };
        return audit
            .who_can_exact(&set, &chain, context, prefix, kind)
            .map_err(exact);
    }
    let caller = ctx.aws().await?;
    let (member, account, chain, organization) = match &opts.member_role {
        Some(role) => {
            let m = enter_member(ctx, caller, role, opts.external_id.as_deref()).await?;
            (Some(m.aws), m.account, Some(m.chain), m.organization)
        }
        None => (None, ctx.account().await?, None, Vec::new()),
    };
    let aws = member.as_ref().unwrap_or(caller);
    let set = policy_set(aws, &account, bucket).await?;
    let chain = match chain {
        Some(c) => c,
        None => audit_chain(ctx, &account).await,
    };
    let audit = BucketAudit {
        bucket,
        partition: aws.partition,
        trusted: &opts.trusted,
        findings: &[],
        region: &aws.region,
        organization: &organization,
    };
    let mut rows = audit
        .who_can_exact(&set, &chain, context, prefix, kind)
        .map_err(exact)?;
    // S3 Access Grants: a source of access beside the policies; keys both reach name both.
    match super::access_grants::who_can(aws, &account, bucket, prefix, kind, &opts.trusted).await {
        Ok(grants) if !grants.is_empty() => {
            rows.extend(grants);
            super::access_grants::link_who_can(&mut rows);
        }
        Ok(_) => {}
        Err(e) => ctx.printer.warn(format!(
            "S3 Access Grants not read ({}): the grants of the account are not among the rows",
            e.message
        )),
    }
    Ok(rows)
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
            h.extend(["PARTIAL", "SOURCE", "SID", "ALSO SOURCES"]);
        }
        h
    }
    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut via = if self.source.starts_with("access-grant:") {
            format!("access-grant in {}", self.location)
        } else if self.access_point.is_empty() {
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
            c.push(Cell::or_dash(self.also_sources.join(" ").as_str()));
        }
        c
    }
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
    ctx: &Session,
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
