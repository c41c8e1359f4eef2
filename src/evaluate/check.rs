//! `access check`: gather one request's policies (from files, or online from AWS with the rest
//! of the chain the caller may read), decide it, and print the decision with the statements
//! that made it (-v: every statement considered).

use crate::error::{denied, input_error, Result};
use crate::evaluate::access_grants::GrantAccess;
use crate::evaluate::chain::ChainFiles;
use crate::evaluate::{
    access_points_named, fetch_identity, load_policy, offline_target, parse_context,
};
use crate::output::{Cell, Row};
use crate::policy::eval::{
    AccessPointPolicy, AccessPointTarget, CompiledPolicy, Decision, PolicySet, Principal, Request,
    StatementRef, Trace, Verdict,
};
use crate::policy::PolicyType;
use crate::session::Session;
use crate::values::{AccessPointName, AccessPointRef, AccountId, BucketRef, CallerPrincipal};
use serde::Serialize;

/// The request `access check` decides and where its policies come from
/// (`commands/access/check.rs` has the flags and their help; the fields are the same).
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The principal; `None` with `anonymous`.
    pub principal: Option<CallerPrincipal>,
    /// An unauthenticated request.
    pub anonymous: bool,
    pub action: crate::values::Action,
    /// S3_URL: the bucket and key (the listing prefix for a bucket action).
    pub url: Option<crate::values::S3Url>,
    /// The bucket, or an access point standing for it.
    pub bucket: Option<BucketRef>,
    pub key: Option<String>,
    pub prefix: Option<String>,
    /// The access point the request goes through (name, ARN or alias).
    pub access_point: Option<AccessPointRef>,
    /// Request context values, KEY=VALUE.
    pub context: Vec<String>,
    /// Principal tags, KEY=VALUE.
    pub principal_tags: Vec<String>,
    /// Offline: policy files.
    pub bucket_policy: Option<String>,
    pub access_point_policy: Option<String>,
    pub identity_policy: Vec<String>,
    pub bucket_owner: Option<AccountId>,
    /// The rest of the policy chain, from files.
    pub chain: ChainFiles,
}

/// Where the request goes, from S3_URL, --bucket, --key, --prefix and --access-point.
struct Located {
    bucket: String,
    key: Option<String>,
    prefix: Option<String>,
    /// The access point the request goes through, by name, with its account and bucket when
    /// they were looked up (online).
    access_point: Option<AccessPointName>,
    access_point_account: Option<String>,
}

impl CheckOptions {
    /// Where the request goes. An access point named by ARN or alias (in --access-point, or
    /// standing for the bucket in --bucket) is looked up online, which gives its bucket.
    async fn locate(&self, ctx: &Session) -> Result<Located> {
        let ap = match (&self.access_point, &self.bucket) {
            (Some(a), Some(BucketRef::AccessPoint(b))) if a != b => {
                return Err(input_error(format!(
                    "--bucket names access point {b} and --access-point {a}: name one"
                )))
            }
            (Some(a), _) | (None, Some(BucketRef::AccessPoint(a))) => Some(a.clone()),
            _ => None,
        };
        let (url_bucket, url_key) = match &self.url {
            Some(u) => (Some(u.bucket.to_string()), Some(u.key.clone())),
            None => (None, None),
        };
        let named_bucket = match (&self.bucket, url_bucket) {
            (Some(BucketRef::Bucket(b)), _) => Some(b.to_string()),
            (_, u) => u,
        };
        let (access_point, access_point_account, ap_bucket) = match &ap {
            None => (None, None, None),
            Some(a) if self.offline() => match a.name() {
                Some(n) => (Some(n.clone()), a.account().map(str::to_owned), None),
                None => {
                    return Err(input_error(format!(
                        "--access-point: an alias ({a}) is looked up online; offline, name the access point by name or ARN"
                    )))
                }
            },
            Some(a) => {
                let (account, info) = ctx.resolve_access_point(a).await?;
                let name = info
                    .name
                    .parse::<AccessPointName>()
                    .map_err(input_error)?;
                (Some(name), Some(account), Some(info.bucket))
            }
        };
        let bucket = match (named_bucket, ap_bucket) {
            (Some(b), Some(apb)) if b != apb => {
                return Err(input_error(format!(
                    "--access-point: '{}' is an access point of bucket '{apb}', not '{b}'",
                    ap.map(|a| a.to_string()).unwrap_or_default()
                )))
            }
            (Some(b), _) | (None, Some(b)) => b,
            (None, None) => {
                return Err(input_error(
                    "--bucket: name the bucket (or S3_URL, or --access-point online, whose bucket it is)",
                ))
            }
        };
        // A URL's key is the key of an object action, the listing prefix of a bucket action.
        // (Bucket actions name the bucket: s3:ListBucket, s3:GetBucketPolicy…)
        let bucket_action = self.action.to_ascii_lowercase().contains("bucket");
        let (key, prefix) = match url_key {
            Some(k) if k.is_empty() => (None, None),
            Some(k) if bucket_action => (None, Some(k)),
            Some(k) => (Some(k), None),
            None => (self.key.clone(), self.prefix.clone()),
        };
        Ok(Located {
            bucket,
            key,
            prefix,
            access_point,
            access_point_account,
        })
    }

    fn offline(&self) -> bool {
        self.bucket_policy.is_some()
            || self.access_point_policy.is_some()
            || !self.identity_policy.is_empty()
    }
}

/// The answer (stable JSON shape).
#[derive(Debug, Serialize)]
pub struct CheckResult<'a> {
    pub decision: Verdict,
    pub allowed: bool,
    pub principal: String,
    pub action: String,
    pub resource: String,
    pub access_point: Option<String>,
    pub access_point_resource: Option<String>,
    pub deciding: Vec<StatementRef<'a>>,
    /// For an implicit deny: what did not allow.
    pub reason: Option<&'static str>,
    /// For an implicit deny by a policy of the chain (an SCP level, the boundary, the session
    /// or VPC endpoint policy): that policy.
    pub not_allowed_by: Option<&'a str>,
    /// Every statement considered, with the reason (with -v).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statements: Option<Vec<Trace<'a>>>,
    /// Online: the S3 Access Grant that gives the principal this access, beside the policies'
    /// decision (which is for the principal's own credentials): the grantee reaches the key with
    /// the credentials `s3:GetDataAccess` vends for the grant, not with its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_grant: Option<GrantAccess>,
}

struct DecidingRow<'a>(&'a StatementRef<'a>);

impl Row for DecidingRow<'_> {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["POLICY", "TYPE", "INDEX", "SID", "EFFECT"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        let s = self.0;
        vec![
            s.policy.into(),
            s.policy_type.as_str().into(),
            s.index.to_string().into(),
            s.sid.unwrap_or("-").into(),
            format!("{:?}", s.effect).into(),
        ]
    }
}

impl Serialize for DecidingRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

#[derive(Serialize)]
struct TraceRow<'a>(&'a Trace<'a>);

impl Row for TraceRow<'_> {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec![
            "POLICY", "TYPE", "INDEX", "SID", "EFFECT", "APPLIES", "REASON",
        ]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        let t = self.0;
        vec![
            t.statement.policy.into(),
            t.statement.policy_type.as_str().into(),
            t.statement.index.to_string().into(),
            t.statement.sid.unwrap_or("-").into(),
            format!("{:?}", t.statement.effect).into(),
            if t.applies { "yes" } else { "no" }.into(),
            t.reason.clone().into(),
        ]
    }
}

#[derive(Serialize)]
struct CsvRow<'a> {
    decision: &'static str,
    principal: &'a str,
    action: &'a str,
    resource: &'a str,
    access_point: &'a str,
    deciding: String,
    access_grant: &'a str,
}

impl Row for CsvRow<'_> {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec![
            "DECISION",
            "PRINCIPAL",
            "ACTION",
            "RESOURCE",
            "ACCESS_POINT",
            "DECIDING",
            "ACCESS_GRANT",
        ]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.decision.into(),
            self.principal.into(),
            self.action.into(),
            self.resource.into(),
            self.access_point.into(),
            self.deciding.clone().into(),
            self.access_grant.into(),
        ]
    }
}

/// `policy#index(Sid)` for one-line summaries.
pub fn describe(s: &StatementRef<'_>) -> String {
    match s.sid {
        Some(sid) => format!("{}#{}({sid})", s.policy, s.index),
        None => format!("{}#{}", s.policy, s.index),
    }
}

fn parse_tags(items: &[String]) -> Result<Vec<(String, String)>> {
    items
        .iter()
        .map(|t| {
            t.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| {
                    input_error(format!("--principal-tag: expected KEY=VALUE, got '{t}'"))
                })
        })
        .collect()
}

/// Build the policy set and the access point target, offline from files or online from AWS.
async fn gather(
    ctx: &Session,
    args: &CheckOptions,
    loc: &Located,
    principal: &str,
) -> Result<(PolicySet, Option<AccessPointTarget>)> {
    let mut set = PolicySet::default();
    if args.offline() {
        if let Some(f) = &args.bucket_policy {
            set.bucket = Some(load_policy("--bucket-policy", f, "bucket", PolicyType::Bucket)?.1);
        }
        let ap_policy = match &args.access_point_policy {
            Some(f) => Some(load_policy(
                "--access-point-policy",
                f,
                "access-point",
                PolicyType::AccessPoint,
            )?),
            None => None,
        };
        // The access point: named in its policy's resources, else built from the name.
        let mut target = match (&loc.access_point, &ap_policy) {
            (Some(n), Some((doc, _))) => {
                access_points_named(doc).into_iter().find(|t| t.name == *n)
            }
            (None, Some((doc, _))) => match access_points_named(doc).as_slice() {
                [one] => Some(one.clone()),
                _ => {
                    return Err(input_error(
                        "--access-point: name the access point the request goes through (its policy names none, or several)",
                    ))
                }
            },
            _ => None,
        };
        for f in &args.identity_policy {
            let label = if f == "-" {
                "identity:stdin".to_string()
            } else {
                format!("identity:{f}")
            };
            set.identity.push((
                None,
                load_policy("--identity-policy", f, &label, PolicyType::Identity)?.1,
            ));
        }
        let owner = args
            .bucket_owner
            .as_ref()
            .map(|a| a.to_string())
            .or_else(|| ctx.settings.account_id.clone())
            .or_else(|| target.as_ref().map(|t| t.account.clone()))
            .or_else(|| loc.access_point_account.clone())
            .unwrap_or_else(|| Principal::new(principal).account);
        if owner.is_empty() {
            return Err(input_error(
                "--bucket-owner: required offline when the principal has no account (a service principal or --anonymous)",
            ));
        }
        crate::policy::arn::validate_account_id(&owner)
            .map_err(|e| input_error(format!("--bucket-owner: {e}")))?;
        set.bucket_account = owner.clone();
        if let (None, Some(n)) = (&target, &loc.access_point) {
            target = Some(offline_target(ctx, n, &owner));
        }
        if let Some(t) = &target {
            set.access_points.push(AccessPointPolicy {
                target: t.clone(),
                policy: ap_policy.map(|(_, mut c)| {
                    c.label = format!("access-point:{}", t.name);
                    c
                }),
            });
        }
        return Ok((set, target));
    }

    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    set.bucket_account = account.clone();
    set.bucket = aws
        .bucket_policy(&loc.bucket)
        .await?
        .map(|d| CompiledPolicy::compile(&d, "bucket"))
        .transpose()?;
    let mut target = None;
    if let Some(name) = &loc.access_point {
        let account = loc.access_point_account.clone().unwrap_or(account.clone());
        let account = &account;
        let info = ctx.existing_access_point(account, name).await?;
        if info.bucket != loc.bucket {
            return Err(input_error(format!(
                "--access-point: '{name}' is an access point of bucket '{}', not '{}'",
                info.bucket, loc.bucket
            )));
        }
        let t = AccessPointTarget::from_arn(&info.arn).unwrap_or_else(|| AccessPointTarget {
            name: name.to_string(),
            arn: info.arn.clone(),
            account: account.clone(),
        });
        let policy = aws
            .access_point_policy(account, name)
            .await?
            .map(|d| CompiledPolicy::compile(&d, format!("access-point:{name}")))
            .transpose()?;
        set.access_points.push(AccessPointPolicy {
            target: t.clone(),
            policy,
        });
        target = Some(t);
    }
    if !principal.is_empty() {
        for p in fetch_identity(ctx, principal, &account).await? {
            set.identity.push((None, p));
        }
        let theirs = Principal::new(principal).account;
        if !theirs.is_empty() && theirs != account {
            // Its identity policies live in its own account, which these credentials cannot
            // read. Assume they allow, as IAM Access Analyzer does for external access: the
            // answer is then what this account's policies (and the chain) decide.
            ctx.printer.warn(format!(
                "{principal} is in account {theirs}, whose identity policies cannot be read from account {account}: assuming they allow the request"
            ));
            let allow = crate::policy::PolicyDocument::parse(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
            )?;
            set.identity.push((
                None,
                CompiledPolicy::compile(&allow, format!("identity-assumed:{theirs}"))?,
            ));
        }
    }
    Ok((set, target))
}

/// Decide the request, print the decision with the statements that made it, and answer
/// `denied()` (exit 3) when it is not allowed.
pub async fn check(ctx: &Session, args: &CheckOptions) -> Result<()> {
    let principal = match &args.principal {
        Some(p) => p.canonical(),
        None => String::new(),
    };
    let loc = args.locate(ctx).await?;
    if let Some(k) = &loc.key {
        if k.is_empty() {
            return Err(input_error("--key: must not be empty"));
        }
    }
    let mut context = parse_context(&args.context)?;
    if let Some(p) = &loc.prefix {
        context.push(("s3:prefix".into(), p.clone()));
    }
    let tags = parse_tags(&args.principal_tags)?;

    let mut p = if args.anonymous {
        Principal::anonymous()
    } else {
        Principal::new(&principal)
    };
    args.chain.check_applies(&p)?;
    if args.anonymous && !args.identity_policy.is_empty() {
        return Err(input_error(
            "--identity-policy: an anonymous request has no identity policies",
        ));
    }
    let (mut chain, given) = args.chain.from_files()?;
    let (set, target) = gather(ctx, args, &loc, &principal).await?;
    if !args.offline() {
        let source_vpce = context
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("aws:SourceVpce"))
            .map(|(_, v)| v.as_str());
        crate::evaluate::chain::fill_online(
            ctx,
            &mut chain,
            given,
            crate::evaluate::chain::Online {
                principal: &p,
                bucket: &loc.bucket,
                bucket_account: &set.bucket_account,
                access_point: target.as_ref().map(|t| t.name.as_str()),
                source_vpce,
            },
        )
        .await?;
    }

    for (k, v) in &tags {
        p = p.with_tag(k, v);
    }
    let mut req = Request::new(p, &args.action, &loc.bucket, loc.key.as_deref());
    if let Some(t) = &target {
        req = req.through(t.clone());
    }
    for (k, v) in &context {
        req.add_context(k, v);
    }
    let explain = ctx.printer.verbose > 0;
    let d = set.evaluate_with(&chain, &req, explain);
    let grant = if args.offline() || args.anonymous || principal.is_empty() {
        None
    } else {
        access_grant(ctx, &set.bucket_account, &principal, &loc, &args.action).await
    };
    print(ctx, args, &req, &d, grant, explain)?;
    if d.allowed() {
        Ok(())
    } else {
        Err(denied())
    }
}

/// The S3 Access Grant of `account`'s instance that GetDataAccess would match for the request
/// (the key, or the listing prefix); a grant that cannot be read is warned about, not fatal.
async fn access_grant(
    ctx: &Session,
    account: &str,
    principal: &str,
    loc: &Located,
    action: &str,
) -> Option<GrantAccess> {
    let aws = ctx.aws().await.ok()?;
    let within = loc.key.as_deref().or(loc.prefix.as_deref()).unwrap_or("");
    let target = format!("s3://{}/{within}", loc.bucket);
    match crate::evaluate::access_grants::granting(aws, account, principal, &target, action).await {
        Ok(g) => g,
        Err(e) => {
            ctx.printer.warn(format!(
                "S3 Access Grants not read ({}): whether a grant gives this access is not known",
                e.message
            ));
            None
        }
    }
}

/// The principal as shown: its ARN, or `anonymous`.
fn shown_principal(req: &Request) -> &str {
    if req.principal.is_anonymous() {
        "anonymous"
    } else {
        &req.principal.arn
    }
}

fn print(
    ctx: &Session,
    args: &CheckOptions,
    req: &Request,
    d: &Decision<'_>,
    grant: Option<GrantAccess>,
    explain: bool,
) -> Result<()> {
    let resource = req.bucket_resource();
    let result = CheckResult {
        decision: d.verdict,
        allowed: d.allowed(),
        principal: shown_principal(req).to_string(),
        action: args.action.to_string(),
        resource: resource.clone(),
        access_point: req.access_point.as_ref().map(|t| t.arn.clone()),
        access_point_resource: req.access_point_resource(),
        deciding: d.deciding.clone(),
        reason: d.missing,
        not_allowed_by: d.missing_in,
        statements: explain.then(|| d.statements.clone()),
        access_grant: grant,
    };
    let grant = result.access_grant.as_ref();
    let csv = || {
        ctx.printer.rows(&[CsvRow {
            decision: d.verdict.as_str(),
            principal: shown_principal(req),
            action: &args.action,
            resource: &resource,
            access_point: req
                .access_point
                .as_ref()
                .map(|t| t.name.as_str())
                .unwrap_or(""),
            deciding: d
                .deciding
                .iter()
                .map(describe)
                .collect::<Vec<_>>()
                .join(" "),
            access_grant: grant.map_or("", |g| g.source.as_str()),
        }])
    };
    ctx.printer.show(&result, csv, || {
        human(ctx, args, req, d, &resource, explain)?;
        match grant {
            Some(g) => grant_lines(ctx, g),
            None => Ok(()),
        }
    })
}

/// The grant that also gives the access, as people read it.
fn grant_lines(ctx: &Session, g: &GrantAccess) -> Result<()> {
    ctx.printer.line("")?;
    let what = match &g.latent {
        Some(why) => format!("Access grant (latent: {why}):"),
        None => "Access grant (through the credentials s3:GetDataAccess vends):".to_string(),
    };
    ctx.printer.line(what)?;
    for (k, v) in [
        ("source", g.source.as_str()),
        ("location", g.location.as_str()),
        ("grantee", g.grantee.as_str()),
        ("prefix", g.prefix.as_str()),
        ("level", g.level.as_str()),
    ] {
        ctx.printer.line(format!("  {k:<9} {v}"))?;
    }
    Ok(())
}

/// The verdict as people read it: a coloured line, the reason, the deciding statements.
fn human(
    ctx: &Session,
    args: &CheckOptions,
    req: &Request,
    d: &Decision<'_>,
    resource: &str,
    explain: bool,
) -> Result<()> {
    let colour = if d.allowed() { "1;32" } else { "1;31" };
    let via = req
        .access_point
        .as_ref()
        .map(|t| format!(" through access point {}", t.name))
        .unwrap_or_default();
    ctx.printer.line(format!(
        "{}: {} {} {}{via}",
        ctx.printer.paint(colour, d.verdict.as_str()),
        shown_principal(req),
        args.action,
        resource
    ))?;
    if let Some(why) = d.missing {
        match d.missing_in {
            Some(policy) => ctx.printer.line(format!("reason: {why} ({policy})"))?,
            None => ctx.printer.line(format!("reason: {why}"))?,
        }
    }
    if !d.deciding.is_empty() {
        ctx.printer.line("")?;
        ctx.printer.line("Deciding statements:")?;
        let rows: Vec<DecidingRow<'_>> = d.deciding.iter().map(DecidingRow).collect();
        ctx.printer.rows(&rows)?;
    }
    if explain && !d.statements.is_empty() {
        ctx.printer.line("")?;
        ctx.printer.line("Statements:")?;
        let rows: Vec<TraceRow<'_>> = d.statements.iter().map(TraceRow).collect();
        ctx.printer.rows(&rows)?;
    }
    Ok(())
}
