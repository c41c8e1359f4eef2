//! The policies beyond identity and resource policies that AWS evaluates ("Policy evaluation
//! logic"): SCPs, RCPs, the permissions boundary, the session policy, the VPC endpoint policy and
//! S3 Block Public Access — from files, and online where the caller can read them. Shared by
//! `access check`, `access matrix` and `audit report`.

use super::load_policy;
use crate::error::{input_error, Result};
use crate::policy::eval::{Chain, CompiledPolicy, Principal};
use crate::policy::PolicyType;
use crate::session::Session;
use crate::values::input::read_input;
use serde_json::Value;

/// The files of the policy chain, each optional (`--scp`, `--rcp`, … of `access check`).
#[derive(Debug, Clone, Default)]
pub struct ChainFiles {
    // The flags and their help are `commands::shared_args::ChainArgs`.
    pub scp: Vec<String>,
    pub rcp: Vec<String>,
    pub management_account: Option<String>,
    pub permission_boundary: Option<String>,
    pub session_policy: Option<String>,
    pub vpc_endpoint_policy: Option<String>,
    pub public_access_block: Vec<String>,
}

fn load(flag: &str, path: &str, prefix: &str, ty: PolicyType) -> Result<CompiledPolicy> {
    let shown = if path == "-" { "stdin" } else { path };
    Ok(load_policy(flag, path, &format!("{prefix}:{shown}"), ty)?.1)
}

/// `RestrictPublicBuckets` from the JSON of `get-public-access-block` (either form).
pub fn restrict_public_buckets(flag: &str, text: &str) -> Result<bool> {
    let v: Value = crate::policy::json::parse_strict(text).map_err(|_| {
        input_error(format!(
            "{flag}: not a JSON object of Block Public Access settings"
        ))
    })?;
    let conf = v.get("PublicAccessBlockConfiguration").unwrap_or(&v);
    let Value::Object(m) = conf else {
        return Err(input_error(format!(
            "{flag}: expected {{\"RestrictPublicBuckets\": true, …}}"
        )));
    };
    for (k, v) in m {
        if !matches!(
            k.as_str(),
            "BlockPublicAcls" | "IgnorePublicAcls" | "BlockPublicPolicy" | "RestrictPublicBuckets"
        ) {
            return Err(input_error(format!(
                "{flag}: unknown setting '{k}' (expected BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy or RestrictPublicBuckets)"
            )));
        }
        if !v.is_boolean() {
            return Err(input_error(format!("{flag}: {k} must be true or false")));
        }
    }
    Ok(m.get("RestrictPublicBuckets")
        .and_then(Value::as_bool)
        .unwrap_or(false))
}

/// Which of the chain's parts were given as files (the rest may be read online).
#[derive(Debug, Clone, Copy, Default)]
pub struct Given {
    pub scp: bool,
    pub rcp: bool,
    pub boundary: bool,
    pub vpc_endpoint: bool,
    pub account_pab: bool,
    pub bucket_pab: bool,
    pub access_point_pab: bool,
}

impl ChainFiles {
    /// The chain from the files given, and which parts they were.
    pub fn from_files(&self) -> Result<(Chain, Given)> {
        let mut chain = Chain::default();
        let mut given = Given::default();
        for f in &self.scp {
            chain
                .scps
                .push(vec![load("--scp", f, "scp", PolicyType::Scp)?]);
        }
        for f in &self.rcp {
            chain
                .rcps
                .push(vec![load("--rcp", f, "rcp", PolicyType::Rcp)?]);
        }
        given.scp = !self.scp.is_empty();
        given.rcp = !self.rcp.is_empty();
        if let Some(m) = &self.management_account {
            crate::policy::arn::validate_account_id(m)
                .map_err(|e| input_error(format!("--management-account: {e}")))?;
            chain.management_account = Some(m.clone());
        }
        if let Some(f) = &self.permission_boundary {
            chain.boundary = Some(load(
                "--permission-boundary",
                f,
                "boundary",
                PolicyType::Boundary,
            )?);
            given.boundary = true;
        }
        if let Some(f) = &self.session_policy {
            chain.session = Some(load("--session-policy", f, "session", PolicyType::Session)?);
        }
        if let Some(f) = &self.vpc_endpoint_policy {
            chain.vpc_endpoint = Some(load(
                "--vpc-endpoint-policy",
                f,
                "vpc-endpoint",
                PolicyType::VpcEndpoint,
            )?);
            given.vpc_endpoint = true;
        }
        for item in &self.public_access_block {
            let Some((scope, file)) = item.split_once('=') else {
                return Err(input_error(format!(
                    "--public-access-block: expected SCOPE=FILE (SCOPE account, bucket or access-point), got '{item}'"
                )));
            };
            if !matches!(scope, "account" | "bucket" | "access-point") {
                return Err(input_error(format!(
                    "--public-access-block: unknown scope '{scope}' (expected account, bucket or access-point)"
                )));
            }
            let text = read_input("--public-access-block", file)?;
            let on = restrict_public_buckets(&format!("--public-access-block {item}"), &text)?;
            match scope {
                "account" => {
                    chain.public_access.account = on;
                    given.account_pab = true;
                }
                "bucket" => {
                    chain.public_access.bucket = on;
                    given.bucket_pab = true;
                }
                _ => {
                    chain.public_access.access_point = on;
                    given.access_point_pab = true;
                }
            }
        }
        Ok((chain, given))
    }

    /// Refuse parts of the chain that cannot apply to this principal (`access check`).
    pub fn check_applies(&self, p: &Principal) -> Result<()> {
        if self.session_policy.is_some() && !p.is_session() {
            return Err(input_error(
                "--session-policy: session policies apply to role sessions (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION) and federated users (arn:aws:sts::ACCOUNT:federated-user/NAME) only",
            ));
        }
        if self.permission_boundary.is_some() && !p.can_have_boundary() {
            return Err(input_error(
                "--permission-boundary: a permissions boundary is set on an IAM user or role (or applies to a role's sessions); not on an account root user, a service or an anonymous request",
            ));
        }
        Ok(())
    }
}

/// Read the parts of the chain not given as files from AWS: SCP levels of the principal's
/// account and RCP levels of the bucket owner's account (Organizations), the principal's
/// permissions boundary (IAM, this account only), the VPC endpoint policy of `aws:SourceVpce`
/// (EC2) and Block Public Access (S3, S3 Control). What cannot be read is a warning, and the
/// decision is made without it.
pub struct Online<'a> {
    pub principal: &'a Principal,
    pub bucket: &'a str,
    pub bucket_account: &'a str,
    pub access_point: Option<&'a str>,
    pub source_vpce: Option<&'a str>,
}

pub async fn fill_online(
    ctx: &Session,
    chain: &mut Chain,
    given: Given,
    what: Online<'_>,
) -> Result<()> {
    let aws = ctx.aws().await?;
    let p = what.principal;
    let mut management = None;
    if !given.scp && !p.account.is_empty() {
        match aws.org_policy_levels(&p.account, crate::aws::organizations::OrgPolicyKind::Scp).await {
            Ok(Some(o)) => {
                management = Some(o.management_account.clone());
                chain.scps = compile_levels(&o.levels, "scp", PolicyType::Scp)?;
            }
            Ok(None) => {}
            Err(e) => ctx.printer.warn(format!(
                "cannot read the service control policies of account {} ({}); deciding without them",
                p.account, e.message
            )),
        }
    }
    if !given.rcp {
        match aws
            .org_policy_levels(what.bucket_account, crate::aws::organizations::OrgPolicyKind::Rcp)
            .await
        {
            Ok(Some(o)) => {
                management = Some(o.management_account.clone());
                chain.rcps = compile_levels(&o.levels, "rcp", PolicyType::Rcp)?;
            }
            Ok(None) => {}
            Err(e) => ctx.printer.warn(format!(
                "cannot read the resource control policies of account {} ({}); deciding without them",
                what.bucket_account, e.message
            )),
        }
    }
    if chain.management_account.is_none() {
        chain.management_account = management;
    }
    if !given.boundary && p.can_have_boundary() && p.account == what.bucket_account {
        if let Some((_, kind, name)) = super::iam_identity(&p.arn) {
            match aws.permissions_boundary(kind, &name).await {
                Ok(Some(b)) => {
                    let label = format!("boundary:{}", b.label);
                    chain.boundary =
                        Some(CompiledPolicy::compile(&b.document, label).map_err(|e| {
                            input_error(format!("permissions boundary {}: {e}", b.label))
                        })?);
                }
                Ok(None) => {}
                Err(e) => ctx.printer.warn(format!(
                    "cannot read the permissions boundary of {} ({}); deciding without it",
                    p.arn, e.message
                )),
            }
        }
    }
    if !given.vpc_endpoint {
        if let Some(id) = what.source_vpce {
            match aws.endpoint_policy(id).await {
                Ok(Some(doc)) => {
                    crate::policy::validate::validate_as(&doc, PolicyType::VpcEndpoint).map_err(
                        |e| input_error(format!("the policy of VPC endpoint {id}: {e}")),
                    )?;
                    chain.vpc_endpoint =
                        Some(CompiledPolicy::compile(&doc, format!("vpc-endpoint:{id}"))?);
                }
                Ok(None) => ctx.printer.warn(format!(
                    "VPC endpoint {id} (aws:SourceVpce) was not found; deciding without its policy"
                )),
                Err(e) => ctx.printer.warn(format!(
                    "cannot read the policy of VPC endpoint {id} ({}); deciding without it",
                    e.message
                )),
            }
        }
    }
    let pab = &mut chain.public_access;
    if !given.account_pab {
        match aws.account_restrict_public_buckets(what.bucket_account).await {
            Ok(on) => pab.account = on,
            Err(e) => ctx.printer.warn(format!(
                "cannot read the account's Block Public Access settings ({}); deciding without them",
                e.message
            )),
        }
    }
    if !given.bucket_pab {
        match aws.bucket_restrict_public_buckets(what.bucket).await {
            Ok(on) => pab.bucket = on,
            Err(e) => ctx.printer.warn(format!(
                "cannot read the Block Public Access settings of bucket {} ({}); deciding without them",
                what.bucket, e.message
            )),
        }
    }
    if let (false, Some(ap)) = (given.access_point_pab, what.access_point) {
        match aws
            .access_point_restrict_public_buckets(what.bucket_account, ap)
            .await
        {
            Ok(on) => pab.access_point = on,
            Err(e) => ctx.printer.warn(format!(
                "cannot read the Block Public Access settings of access point {ap} ({}); deciding without them",
                e.message
            )),
        }
    }
    Ok(())
}

fn compile_levels(
    levels: &[Vec<crate::aws::organizations::OrgPolicy>],
    prefix: &str,
    ty: PolicyType,
) -> Result<Vec<Vec<CompiledPolicy>>> {
    levels
        .iter()
        .map(|level| {
            level
                .iter()
                .map(|p| {
                    crate::policy::validate::validate_as(&p.document, ty)
                        .map_err(|e| input_error(format!("{prefix} {}: {e}", p.id)))?;
                    Ok(CompiledPolicy::compile(
                        &p.document,
                        format!("{prefix}:{}", p.id),
                    )?)
                })
                .collect()
        })
        .collect()
}

/// The SCP and RCP levels of one account from Organizations, for `audit report`: None (with the
/// reason) when they cannot be read.
pub async fn org_levels(ctx: &Session, account: &str) -> std::result::Result<Chain, String> {
    let aws = ctx.aws().await.map_err(|e| e.message.clone())?;
    org_levels_with(aws, account).await
}

/// [`org_levels`] read with `aws` (the organization's management account, or a delegated
/// administrator).
pub async fn org_levels_with(
    aws: &crate::aws::Aws,
    account: &str,
) -> std::result::Result<Chain, String> {
    org_levels_pooled(aws, account, None).await
}

/// [`org_levels_with`], the SCP and RCP levels read together, each under one of `pool`'s
/// permits when a pool is given (a level's calls are a short sequence: parents, attached
/// policies, documents; the organization's shared levels are read once per run).
pub async fn org_levels_pooled(
    aws: &crate::aws::Aws,
    account: &str,
    pool: Option<&tokio::sync::Semaphore>,
) -> std::result::Result<Chain, String> {
    use crate::aws::organizations::OrgPolicyKind;
    // One request (or a short cached sequence) per permit: the path, then every level of both
    // kinds at once.
    async fn permit<T>(
        pool: Option<&tokio::sync::Semaphore>,
        call: impl std::future::Future<Output = T>,
    ) -> T {
        let _permit = match pool {
            Some(p) => Some(p.acquire().await.expect("the pool is never closed")),
            None => None,
        };
        call.await
    }
    let path = match permit(pool, aws.org_path(account)).await {
        Ok(Some(p)) => p,
        Ok(None) => return Ok(Chain::default()),
        Err(e) => return Err(e.to_string()),
    };
    let read = |kind: OrgPolicyKind| {
        let path = &path;
        async move {
            let levels = path
                .targets
                .iter()
                .map(|t| permit(pool, aws.attached(t, kind)));
            futures::future::try_join_all(levels)
                .await
                .map(|attached| path.levels(attached))
        }
    };
    let (scps, rcps) =
        futures::future::join(read(OrgPolicyKind::Scp), read(OrgPolicyKind::Rcp)).await;
    let mut chain = Chain::default();
    for (kind, levels) in [(OrgPolicyKind::Scp, scps), (OrgPolicyKind::Rcp, rcps)] {
        match levels {
            Ok(Some(o)) => {
                chain.management_account = Some(o.management_account.clone());
                let (prefix, ty) = match kind {
                    OrgPolicyKind::Scp => ("scp", PolicyType::Scp),
                    OrgPolicyKind::Rcp => ("rcp", PolicyType::Rcp),
                };
                let levels = compile_levels(&o.levels, prefix, ty).map_err(|e| e.message)?;
                match kind {
                    OrgPolicyKind::Scp => chain.scps = levels,
                    OrgPolicyKind::Rcp => chain.rcps = levels,
                }
            }
            Ok(None) => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    Ok(chain)
}

/// The chain `audit report` decides with: this account's SCPs (for its own principals) and RCPs
/// from Organizations, and the account's RestrictPublicBuckets. What cannot be read is a
/// warning, and the report is made without it.
pub async fn audit_chain(ctx: &Session, account: &str) -> Chain {
    let mut chain = match org_levels(ctx, account).await {
        Ok(c) => c,
        Err(why) => {
            ctx.printer.warn(format!(
                "SCPs and RCPs not applied: cannot read them from AWS Organizations ({why})"
            ));
            Chain::default()
        }
    };
    chain.scp_account = Some(account.to_string());
    if let Ok(aws) = ctx.aws().await {
        match aws.account_restrict_public_buckets(account).await {
            Ok(on) => chain.public_access.account = on,
            Err(e) => ctx.printer.warn(format!(
                "the account's Block Public Access settings not applied: cannot read them ({})",
                e.message
            )),
        }
    }
    chain
}

/// The chain `audit report --organization` decides with for one member account, from its SCP
/// and RCP `levels` (read from Organizations by the caller, see [`org_levels_pooled`]) and its
/// RestrictPublicBuckets (`restrict`, read with its role). What could not be read is a warning
/// (through `warn`), and the report is made without it.
pub fn member_chain(
    account: &str,
    levels: std::result::Result<Chain, String>,
    restrict: Result<bool>,
    warn: impl Fn(String),
) -> Chain {
    let mut chain = match levels {
        Ok(c) => c,
        Err(why) => {
            warn(format!(
                "account {account}: SCPs and RCPs not applied: cannot read them from AWS Organizations ({why})"
            ));
            Chain::default()
        }
    };
    chain.scp_account = Some(account.to_string());
    match restrict {
        Ok(on) => chain.public_access.account = on,
        Err(e) => warn(format!(
            "account {account}: Block Public Access settings not applied: cannot read them ({})",
            e.message
        )),
    }
    chain
}
