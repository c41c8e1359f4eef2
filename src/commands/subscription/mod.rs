//! `lakegate subscription ...`: DataZone subscriptions to unmanaged S3 assets.
//!
//! A grant resolves the subscription request through DataZone (asset → bucket ARN and prefix;
//! subscribing project → its environments → their subscription targets → the authorized
//! principals of the targets for S3 object collections) and writes statements keyed by the
//! request id alone, through the same read/plan/lease/re-read/keep/write/verify pipeline as every
//! other policy edit.

pub mod deploy;
pub mod fulfil;
pub mod grant;
pub mod handle_event;
pub mod list;
pub mod reconcile;
pub mod revoke;
pub mod status;
pub mod target_create;
pub mod target_list;
pub mod undeploy;

use super::Ctx;
use crate::apply::access_point::{self, AccessPoint};
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::bucket_policy::BucketPolicy;
use crate::apply::{policy, Plan, Step};
use crate::aws::datazone::{Listing, SubscriptionRequest, S3_ASSET_TYPE};
use crate::aws::s3control::BlockPublicAccess;
use crate::cli::GlobalArgs;
use crate::error::{failed, input_error, CliError, Result};
use crate::plan::Target;
use crate::policy::access::{delegate_statement, delegates_to};
use crate::policy::subscription::{self as sub, Actions, Resource, S3Location};
use crate::policy::{arn, PolicyDocument};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Subcommand)]
pub enum SubscriptionCommand {
    /// DataZone subscription targets: who an environment's subscriptions are granted to
    #[command(subcommand)]
    Target(TargetCommand),
    /// Grant a subscription's principals access to its S3 asset (least privilege)
    Grant(grant::Args),
    /// Remove a subscription's grant, whatever its target says today
    Revoke(revoke::Args),
    /// Handle one DataZone EventBridge event (Subscription Grant Requested/Revoke Requested, Created/Cancelled/Revoked)
    HandleEvent(handle_event::Args),
    /// Compare the domain's subscriptions and grants with the grants in place; add missing, remove left over
    Reconcile(reconcile::Args),
    /// List the domain's subscriptions to S3 assets, whether each grant is in place, DataZone's grant status
    #[command(visible_alias = "ls")]
    List(list::Args),
    /// Deploy lakegate as the DataZone fulfiller (Lambda function behind an EventBridge rule)
    Deploy(deploy::Args),
    /// Remove exactly what `subscription deploy` created
    Undeploy(undeploy::Args),
    /// Show the deployed fulfiller's resources and its dead-letter queue's depth
    Status(status::Args),
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// Create a subscription target in an environment (as `aws datazone create-subscription-target`)
    Create(target_create::Args),
    /// List subscription targets of an environment, or of every environment of a project
    #[command(visible_alias = "ls")]
    List(target_list::Args),
}

pub async fn run(ctx: &Ctx, cmd: &SubscriptionCommand) -> Result<()> {
    match cmd {
        SubscriptionCommand::Target(TargetCommand::Create(a)) => target_create::run(ctx, a).await,
        SubscriptionCommand::Target(TargetCommand::List(a)) => target_list::run(ctx, a).await,
        SubscriptionCommand::Grant(a) => grant::run(ctx, a).await,
        SubscriptionCommand::Revoke(a) => revoke::run(ctx, a).await,
        SubscriptionCommand::HandleEvent(a) => handle_event::run(ctx, a).await,
        SubscriptionCommand::Reconcile(a) => reconcile::run(ctx, a).await,
        SubscriptionCommand::List(a) => list::run(ctx, a).await,
        SubscriptionCommand::Deploy(a) => deploy::run(ctx, a).await,
        SubscriptionCommand::Undeploy(a) => undeploy::run(ctx, a).await,
        SubscriptionCommand::Status(a) => status::run(ctx, a).await,
    }
}

/// Where a grant is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// Statements in the bucket policy (limited by the 20 KB bucket policy size)
    #[default]
    BucketPolicy,
    /// One access point per subscribing project, the bucket delegating to access points
    AccessPoint,
}

/// What a grant allows: the one `--access` of every verb (`accesspoint`'s too).
pub use crate::policy::AccessLevel as Access;

/// Options of every verb that writes grants.
#[derive(Debug, Clone, clap::Args)]
pub struct WriteOpts {
    /// Where grants are written
    #[arg(long, value_enum, default_value_t = Via::BucketPolicy, value_name = "VIA")]
    pub via: Via,

    /// What a grant allows, as for `accesspoint grant` (read-write grants no delete; only
    /// read-write-delete adds s3:DeleteObject)
    #[arg(long, value_enum, default_value_t = Access::Read, value_name = "LEVEL", conflicts_with = "actions")]
    pub access: Access,

    /// Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)
    #[arg(long, value_name = "ACTIONS", value_delimiter = ',')]
    pub actions: Vec<crate::values::S3ActionName>,

    /// Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is
    /// the account of the asset's owning project's environments
    #[arg(long = "account-role", value_name = "ACCOUNT=ROLE_ARN", value_parser = parse_account_role)]
    pub account_roles: Vec<(String, String)>,
}

fn parse_account_role(s: &str) -> std::result::Result<(String, String), String> {
    let (acct, role) = s
        .split_once('=')
        .ok_or_else(|| format!("expected ACCOUNT=ROLE_ARN, got '{s}'"))?;
    arn::validate_account_id(acct).map_err(|e| e.to_string())?;
    let ok = role.starts_with("arn:") && role.contains(":iam::") && role.contains(":role/");
    if !ok {
        return Err(format!(
            "invalid role '{role}': expected arn:aws:iam::ACCOUNT:role/NAME"
        ));
    }
    Ok((acct.to_string(), role.to_string()))
}

impl WriteOpts {
    pub fn actions(&self) -> Result<Actions> {
        if !self.actions.is_empty() {
            return Actions::custom(&crate::values::strings(&self.actions))
                .map_err(|e| input_error(format!("--actions: {e}")));
        }
        Ok(Actions::of_level(self.access))
    }

    /// Check the options before any call.
    pub fn check(&self) -> Result<()> {
        self.actions().map(|_| ())
    }
}

/// Options shared by `list`, `reconcile`: just the multi-account roles.
pub fn account_role_map(roles: &[(String, String)]) -> BTreeMap<String, String> {
    roles.iter().cloned().collect()
}

/// What a subscription's asset is, for lakegate.
#[derive(Debug, Clone)]
pub enum Asset {
    /// An S3 object collection: where it is.
    S3 {
        bucket_arn: String,
        location: S3Location,
    },
    /// Anything else: why it is skipped.
    Skip(String),
}

/// Read the asset of a listing: an S3 object collection's bucket and prefix, or a reason to skip.
pub fn asset_of(listing: Option<&Listing>) -> Result<Asset> {
    let Some(l) = listing else {
        return Ok(Asset::Skip(
            "the subscription has no asset listing (a data product?)".into(),
        ));
    };
    let ty = l.entity_type.as_deref().unwrap_or("unknown");
    if ty != S3_ASSET_TYPE {
        return Ok(Asset::Skip(format!(
            "asset '{}' is a {ty}, not an {S3_ASSET_TYPE}: DataZone fulfils it itself",
            l.name
        )));
    }
    let forms = l.forms.as_deref().ok_or_else(|| {
        failed(format!(
            "asset '{}' has no forms: cannot find its bucket ARN",
            l.name
        ))
    })?;
    let bucket_arn = sub::bucket_arn_from_forms(forms)
        .map_err(|e| failed(format!("asset '{}': {e}", l.name)))?;
    let location =
        sub::parse_s3_arn(&bucket_arn).map_err(|e| failed(format!("asset '{}': {e}", l.name)))?;
    Ok(Asset::S3 {
        bucket_arn,
        location,
    })
}

/// The principals to grant: the union of `authorizedPrincipals` of the project's subscription
/// targets for S3 object collections, in every environment of the project (all pages).
pub async fn principals_of(ctx: &Ctx, domain: &str, project: &str) -> Result<Vec<String>> {
    let aws = ctx.aws().await?;
    let envs = aws.environments(domain, project).await?;
    let mut out: Vec<String> = Vec::new();
    for e in &envs {
        for t in aws.subscription_targets(domain, &e.id).await? {
            if !t.applicable_asset_types.iter().any(|a| a == S3_ASSET_TYPE) {
                continue;
            }
            for p in t.authorized_principals {
                let p = arn::normalize_principal(&p, aws.partition).map_err(|e| {
                    failed(format!(
                        "subscription target '{}' (environment {}): {e}",
                        t.name, t.environment_id
                    ))
                })?;
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
    }
    if out.is_empty() {
        let looked: Vec<String> = envs
            .iter()
            .map(|e| format!("{} ({})", e.id, e.name))
            .collect();
        return Err(failed(format!(
            "no subscription target for {S3_ASSET_TYPE} with authorized principals in project {project}; environments looked at: {}",
            if looked.is_empty() { "none".to_string() } else { looked.join(", ") }
        ))
        .hinted(format!(
            "create one: `lakegate subscription target create --domain {domain} --environment ENV --name NAME --manage-access-role ARN --principal ARN`"
        )));
    }
    Ok(out)
}

/// A command context whose AWS calls go through the role of the bucket's account, when
/// `--account-role` names that account: the account of the asset's owning project's environments.
pub async fn scoped_ctx(
    ctx: &Ctx,
    roles: &BTreeMap<String, String>,
    domain: &str,
    owner_project: &str,
) -> Result<Option<(Ctx, String)>> {
    if roles.is_empty() {
        return Ok(None);
    }
    let envs = ctx.aws().await?.environments(domain, owner_project).await?;
    for e in envs {
        if let Some((acct, role)) = e
            .aws_account_id
            .as_ref()
            .and_then(|a| roles.get_key_value(a))
        {
            tracing::debug!(
                account = acct,
                role,
                "using the account's role for its bucket"
            );
            let g = GlobalArgs {
                assume_role: Some(role.clone()),
                account_id: Some(acct.clone()),
                ..ctx.global.clone()
            };
            return Ok(Some((Ctx::new(g, ctx.printer.clone()), acct.clone())));
        }
    }
    Ok(None)
}

/// The result of one subscription action, printed as one JSON object.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Outcome {
    pub request_id: String,
    pub domain: String,
    /// grant, revoke, skip or ignore
    pub action: String,
    pub changed: bool,
    pub dry_run: bool,
    pub message: String,
    pub project_id: Option<String>,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    pub via: Option<Via>,
    pub principals: Vec<String>,
    /// The policies edited (bucket and/or access point ARNs).
    pub policies: Vec<String>,
    /// The access point the consumer should use (`--via access-point`).
    pub access_point_arn: Option<String>,
    pub access_point_alias: Option<String>,
    /// The account whose role was used (`--account-role`).
    pub account_role: Option<String>,
    /// The DataZone subscription grant fulfilled, and the statuses reported for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<fulfil::GrantReport>,
}

/// Add the hint naming the principals to a MalformedPolicy answer.
pub fn explain_malformed(e: CliError, principals: &[String]) -> CliError {
    if e.message.contains("MalformedPolicy") {
        e.hinted(sub::malformed_policy_hint(principals))
    } else {
        e
    }
}

fn skip(s: &Subject, reason: String) -> Outcome {
    Outcome {
        request_id: s.key.clone(),
        domain: s.domain.clone(),
        action: "skip".into(),
        message: reason,
        project_id: s.project_id.clone(),
        ..Default::default()
    }
}

/// What a grant or revoke is for, resolved through DataZone: from a subscription request
/// (`subscription grant|revoke`, the `Subscription Created` family) or from a subscription grant
/// (the `Subscription Grant Requested` family, reconcile).
#[derive(Debug, Clone)]
pub struct Subject {
    /// The id lakegate's statements are keyed by: the subscription request id (the grant id when
    /// the subscription names none).
    pub key: String,
    pub domain: String,
    /// The subscribing project (its targets' authorized principals are granted).
    pub project_id: Option<String>,
    pub listing: Option<Listing>,
    /// IAM principals subscribed directly (instead of a project's targets).
    pub principals: Option<Vec<String>>,
    /// The actions the subscription asked for (S3 READ/WRITE), which win over --access.
    pub requested: Option<Actions>,
}

impl Subject {
    /// The subject of subscription request `id` (GetSubscriptionRequestDetails).
    pub fn of_request(req: &SubscriptionRequest, fallback_project: Option<&str>) -> Result<Self> {
        Ok(Subject {
            key: req.id.clone(),
            domain: req.domain_id.clone(),
            project_id: req
                .project_id
                .clone()
                .or_else(|| fallback_project.map(str::to_owned)),
            listing: req.listing.clone(),
            principals: None,
            requested: requested_actions(
                req.listing
                    .as_ref()
                    .map(|l| l.permissions.as_slice())
                    .unwrap_or_default(),
            )?,
        })
    }
}

/// The actions of requested S3 permissions (`READ`, `WRITE`); `None` when none were requested.
pub fn requested_actions(permissions: &[String]) -> Result<Option<Actions>> {
    Actions::of_s3_permissions(permissions).map_err(failed)
}

/// A subscription action planned but not yet applied: its outcome so far, the steps to hand to
/// the pipeline (reconcile puts many into one plan) and what to fill in once they are applied.
pub struct Prepared<'a> {
    pub out: Outcome,
    /// The command context of the bucket's account (`--account-role`), when not the caller's.
    pub scoped: Option<Ctx>,
    pub steps: Vec<Step<'a>>,
    reason: String,
    /// The question to ask before applying (a destructive verb's).
    pub confirm: Option<String>,
    /// The resources the steps change, to tell what changed from a report.
    touched: Vec<(Target, String)>,
    finish: Finish,
}

enum Finish {
    Skip,
    Grant {
        loc: S3Location,
        principals: Vec<String>,
        /// Via an access point: (account, name, its alias when it exists already).
        access_point: Option<(String, String, Option<String>)>,
    },
    Revoke {
        loc: S3Location,
        id: String,
    },
}

impl<'a> Prepared<'a> {
    fn skipped(out: Outcome) -> Self {
        Prepared {
            out,
            scoped: None,
            steps: Vec::new(),
            reason: String::new(),
            confirm: None,
            touched: Vec::new(),
            finish: Finish::Skip,
        }
    }

    /// Whether lakegate skips it (not an S3 object collection): no plan, nothing to report.
    pub fn is_skip(&self) -> bool {
        matches!(self.finish, Finish::Skip)
    }

    /// The context its steps are applied in.
    pub fn ctx<'c>(&'c self, ctx: &'c Ctx) -> &'c Ctx {
        self.scoped.as_ref().unwrap_or(ctx)
    }

    /// Apply its steps as one plan and complete the outcome.
    pub async fn run(mut self, ctx: &Ctx) -> Result<Outcome> {
        if matches!(self.finish, Finish::Skip) {
            return Ok(self.out);
        }
        let scoped = self.scoped.take();
        let c = scoped.as_ref().unwrap_or(ctx);
        let mut plan = Plan::new(std::mem::take(&mut self.reason));
        plan.steps = std::mem::take(&mut self.steps);
        plan.confirm = self.confirm.take();
        let r = c.apply(plan).await;
        let r = match &self.finish {
            Finish::Grant { principals, .. } => r.map_err(|e| explain_malformed(e, principals))?,
            _ => r?,
        };
        let mut out = self.out.clone();
        self.complete(&mut out, &r, c.aws().await?).await?;
        Ok(out)
    }

    /// Fill in what the applied report says (in `aws`, the bucket's account).
    pub async fn complete(
        &self,
        out: &mut Outcome,
        r: &crate::apply::Report,
        aws: &crate::aws::Aws,
    ) -> Result<()> {
        let changed: Vec<&(Target, String)> = self
            .touched
            .iter()
            .filter(|(t, id)| r.step(*t, id).is_some_and(|s| s.changed))
            .collect();
        out.changed = !changed.is_empty();
        match &self.finish {
            Finish::Skip => {}
            Finish::Grant {
                loc,
                principals,
                access_point,
            } => {
                match access_point {
                    None => out.policies = self.touched.iter().map(|(_, a)| a.clone()).collect(),
                    Some((account, name, alias)) => {
                        let ap_arn = out.access_point_arn.clone().unwrap_or_default();
                        out.policies.push(ap_arn);
                        for (t, a) in &changed {
                            if *t == Target::BucketPolicy {
                                out.policies.push(a.clone());
                            }
                        }
                        out.access_point_alias = match alias {
                            Some(a) => Some(a.clone()),
                            None if r.dry_run => None,
                            None => aws.access_point(account, name).await?.and_then(|i| i.alias),
                        };
                    }
                }
                out.message = match (out.dry_run, out.changed) {
                    (true, _) => {
                        format!("would grant {} on {}", describe(loc), principals.join(", "))
                    }
                    (false, true) => {
                        format!("granted {} to {}", describe(loc), principals.join(", "))
                    }
                    (false, false) => format!(
                        "already granted: {} to {}; nothing changed",
                        describe(loc),
                        principals.join(", ")
                    ),
                };
            }
            Finish::Revoke { loc, id } => {
                out.policies = changed.iter().map(|(_, a)| a.clone()).collect();
                out.message = match (out.dry_run, out.changed) {
                    (true, true) => format!("would revoke the grant on {}", describe(loc)),
                    (_, false) => format!(
                        "no grant of subscription request {id} on {}; nothing changed",
                        describe(loc)
                    ),
                    (false, true) => format!("revoked the grant on {}", describe(loc)),
                };
            }
        }
        Ok(())
    }
}

/// Grant the subscription request `id` (resolving everything through DataZone).
pub async fn grant_request(
    ctx: &Ctx,
    domain: &str,
    id: &str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Outcome> {
    prepare_grant(ctx, domain, id, fallback_project, opts)
        .await?
        .run(ctx)
        .await
}

/// Plan the grant of subscription request `id`.
pub async fn prepare_grant<'a>(
    ctx: &Ctx,
    domain: &str,
    id: &'a str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Prepared<'a>> {
    opts.actions()?;
    let req = ctx.aws().await?.subscription_request(domain, id).await?;
    plan_grant(ctx, Subject::of_request(&req, fallback_project)?, opts).await
}

/// Plan the grant of a resolved subject.
pub async fn plan_grant<'a>(ctx: &Ctx, s: Subject, opts: &WriteOpts) -> Result<Prepared<'a>> {
    let actions = match &s.requested {
        Some(a) => a.clone(),
        None => opts.actions()?,
    };
    let loc = match asset_of(s.listing.as_ref())? {
        Asset::Skip(reason) => {
            let out = Outcome {
                dry_run: ctx.global.dry_run,
                ..skip(&s, reason)
            };
            return Ok(Prepared::skipped(out));
        }
        Asset::S3 { location, .. } => location,
    };
    let domain = s.domain.as_str();
    let id = s.key.clone();
    let principals = match &s.principals {
        Some(p) => p.clone(),
        None => {
            let project = s.project_id.clone().ok_or_else(|| {
                failed(format!(
                    "subscription request {id} is not from a project: cannot find its subscription targets"
                ))
            })?;
            principals_of(ctx, domain, &project).await?
        }
    };
    let owner = s
        .listing
        .as_ref()
        .map(|l| l.owner_project_id.clone())
        .unwrap_or_default();
    let roles = account_role_map(&opts.account_roles);
    let (scoped, account_role) = match scoped_ctx(ctx, &roles, domain, &owner).await? {
        Some((c, a)) => (Some(c), Some(a)),
        None => (None, None),
    };
    let c = scoped.as_ref().unwrap_or(ctx);
    let mut out = Outcome {
        request_id: id.clone(),
        domain: domain.to_string(),
        action: "grant".into(),
        dry_run: ctx.global.dry_run,
        project_id: s.project_id.clone(),
        bucket: Some(loc.bucket.clone()),
        prefix: Some(loc.prefix.clone()),
        via: Some(opts.via),
        principals: principals.clone(),
        account_role,
        ..Default::default()
    };
    let reason = format!("subscription grant {id}");
    let baws = c.aws().await?;
    let grant_edit = |stmts: Vec<serde_json::Value>| {
        let id = id.clone();
        policy::edit(move |doc: &mut PolicyDocument| {
            sub::grant(doc, &id, stmts.clone());
            Ok(())
        })
    };
    let mut steps = Vec::new();
    let mut touched = Vec::new();
    let mut access_point_of = None;
    match opts.via {
        Via::BucketPolicy => {
            let bp = BucketPolicy::new(baws, &loc.bucket);
            let target = Resource::Bucket {
                partition: baws.partition.to_string(),
                bucket: loc.bucket.clone(),
            };
            let stmts = sub::grant_statements(&id, &target, &loc.prefix, &principals, &actions);
            touched.push((Target::BucketPolicy, bp.arn.clone()));
            steps.push(Step::new(bp, grant_edit(stmts)));
        }
        Via::AccessPoint => {
            let project = s.project_id.clone().ok_or_else(|| {
                failed(format!(
                    "--via access-point: subscription {id} is not from a project (its access point is the project's); use --via bucket-policy"
                ))
            })?;
            let account = c.account().await?;
            let name = sub::access_point_name(&project, &loc.bucket);
            let existing = baws.access_point(&account, &name).await?;
            if let Some(i) = &existing {
                if i.bucket != loc.bucket {
                    return Err(failed(format!(
                        "access point '{name}' exists on bucket '{}', not '{}'",
                        i.bucket, loc.bucket
                    )));
                }
            }
            let ap_arn = existing.as_ref().map(|i| i.arn.clone()).unwrap_or_else(|| {
                arn::access_point_arn(baws.partition, &baws.region, &account, &name)
            });
            let target = Resource::AccessPoint {
                arn: ap_arn.clone(),
            };
            let stmts = sub::grant_statements(&id, &target, &loc.prefix, &principals, &actions);
            let bp = BucketPolicy::new(baws, &loc.bucket);
            let partition = baws.partition;
            touched.push((Target::AccessPoint, ap_arn.clone()));
            touched.push((Target::AccessPointPolicy, ap_arn.clone()));
            touched.push((Target::BucketPolicy, bp.arn.clone()));
            // The project's access point when missing, its grant, and the bucket delegating
            // access control to the account's access points: one plan.
            steps.push(Step::ensure(
                AccessPoint {
                    account: account.clone(),
                    name: name.clone(),
                    arn: ap_arn.clone(),
                    bucket: loc.bucket.clone(),
                },
                access_point::state(&name, &loc.bucket, None, Some(BlockPublicAccess::all(true))),
            ));
            steps.push(Step::new(
                AccessPointPolicy {
                    account: account.clone(),
                    name: name.clone(),
                    arn: ap_arn.clone(),
                    bucket: loc.bucket.clone(),
                },
                grant_edit(stmts),
            ));
            let (acct, bucket) = (account.clone(), loc.bucket.clone());
            steps.push(Step::new(
                bp,
                policy::edit(move |doc: &mut PolicyDocument| {
                    if !delegates_to(doc, &acct) {
                        doc.upsert(delegate_statement(partition, &bucket, &acct));
                    }
                    Ok(())
                }),
            ));
            out.access_point_arn = Some(ap_arn);
            access_point_of = Some((account, name, existing.and_then(|i| i.alias)));
        }
    }
    Ok(Prepared {
        out,
        scoped,
        steps,
        reason,
        confirm: None,
        touched,
        finish: Finish::Grant {
            loc,
            principals,
            access_point: access_point_of,
        },
    })
}

fn describe(loc: &S3Location) -> String {
    if loc.prefix.is_empty() {
        format!("s3://{}/ (whole bucket)", loc.bucket)
    } else {
        format!("s3://{}/{}", loc.bucket, loc.prefix)
    }
}

/// Remove the statements of subscription request `id` from the bucket policy and from the
/// project's access point policy, wherever they are.
pub async fn revoke_request(
    ctx: &Ctx,
    domain: &str,
    id: &str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Outcome> {
    prepare_revoke(ctx, domain, id, fallback_project, opts)
        .await?
        .run(ctx)
        .await
}

/// Plan the revoke of subscription request `id`.
pub async fn prepare_revoke<'a>(
    ctx: &Ctx,
    domain: &str,
    id: &'a str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Prepared<'a>> {
    let req = ctx.aws().await?.subscription_request(domain, id).await?;
    plan_revoke(ctx, Subject::of_request(&req, fallback_project)?, opts).await
}

/// Plan the revoke of a resolved subject.
pub async fn plan_revoke<'a>(ctx: &Ctx, s: Subject, opts: &WriteOpts) -> Result<Prepared<'a>> {
    let loc = match asset_of(s.listing.as_ref())? {
        Asset::Skip(reason) => {
            let out = Outcome {
                dry_run: ctx.global.dry_run,
                ..skip(&s, reason)
            };
            return Ok(Prepared::skipped(out));
        }
        Asset::S3 { location, .. } => location,
    };
    let domain = s.domain.as_str();
    let id = s.key.clone();
    let project = s.project_id.clone();
    let owner = s
        .listing
        .as_ref()
        .map(|l| l.owner_project_id.clone())
        .unwrap_or_default();
    let roles = account_role_map(&opts.account_roles);
    let (scoped, account_role) = match scoped_ctx(ctx, &roles, domain, &owner).await? {
        Some((c, a)) => (Some(c), Some(a)),
        None => (None, None),
    };
    let c = scoped.as_ref().unwrap_or(ctx);
    let mut out = Outcome {
        request_id: id.clone(),
        domain: domain.to_string(),
        action: "revoke".into(),
        dry_run: ctx.global.dry_run,
        project_id: project.clone(),
        bucket: Some(loc.bucket.clone()),
        prefix: Some(loc.prefix.clone()),
        via: Some(opts.via),
        account_role,
        ..Default::default()
    };
    let reason = format!("subscription revoke {id}");
    let baws = c.aws().await?;
    let revoke_edit = || {
        let id = id.clone();
        policy::edit(move |doc: &mut PolicyDocument| {
            sub::revoke(doc, &id);
            Ok(())
        })
    };
    // Wherever its statements are: the bucket policy and the project's access point policy.
    let bp = BucketPolicy::new(baws, &loc.bucket);
    let mut touched = vec![(Target::BucketPolicy, bp.arn.clone())];
    let mut steps = vec![Step::new(bp, revoke_edit())];
    if let Some(project) = &project {
        let account = c.account().await?;
        let name = sub::access_point_name(project, &loc.bucket);
        if let Some(info) = baws.access_point(&account, &name).await? {
            out.access_point_arn = Some(info.arn.clone());
            out.access_point_alias = info.alias.clone();
            touched.push((Target::AccessPointPolicy, info.arn.clone()));
            steps.push(Step::new(
                AccessPointPolicy::of(&account, &info),
                revoke_edit(),
            ));
        }
    }
    Ok(Prepared {
        out,
        scoped,
        steps,
        reason,
        confirm: None,
        touched,
        finish: Finish::Revoke { loc, id },
    })
}

/// Print an outcome: the JSON object for scripts (and handle-event), one line for people.
///
/// Under --dry-run the plan is the one document, printed by the pipeline; a skipped or ignored
/// request has no plan, so its outcome is printed instead.
pub fn print_outcome(ctx: &Ctx, o: &Outcome) -> Result<()> {
    let planned = matches!(o.action.as_str(), "grant" | "revoke");
    if o.dry_run && planned && ctx.printer.is_structured() {
        return Ok(());
    }
    ctx.printer.result(o, || {
        if o.dry_run {
            ctx.printer.status(&o.message);
            return Ok(());
        }
        let mut line = format!("subscription request {}: {}", o.request_id, o.message);
        if let Some(a) = &o.access_point_arn {
            line.push_str(&format!(
                "; consumers use access point {a}{}",
                o.access_point_alias
                    .as_ref()
                    .map(|x| format!(" (alias {x})"))
                    .unwrap_or_default()
            ));
        }
        ctx.printer.done(line)
    })
}

/// The state of one policy, read once (reconcile and list read many subscriptions' grants).
#[derive(Default)]
pub struct PolicyCache {
    docs: BTreeMap<String, Option<PolicyDocument>>,
}

impl PolicyCache {
    /// Is subscription `id` granted on `bucket` (bucket policy, or the project's access point)?
    pub async fn granted(
        &mut self,
        ctx: &Ctx,
        bucket: &str,
        project: Option<&str>,
        id: &str,
    ) -> Result<bool> {
        let aws = ctx.aws().await?;
        let key = format!("bucket:{bucket}");
        if !self.docs.contains_key(&key) {
            let d = aws.bucket_policy(bucket).await?;
            self.docs.insert(key.clone(), d);
        }
        if self.docs[&key]
            .as_ref()
            .is_some_and(|d| sub::is_granted(d, id))
        {
            return Ok(true);
        }
        let Some(project) = project else {
            return Ok(false);
        };
        let name = sub::access_point_name(project, bucket);
        let key = format!("ap:{name}");
        if !self.docs.contains_key(&key) {
            let account = ctx.account().await?;
            let d = match aws.access_point(&account, &name).await? {
                Some(_) => aws.access_point_policy(&account, &name).await?,
                None => None,
            };
            self.docs.insert(key.clone(), d);
        }
        Ok(self.docs[&key]
            .as_ref()
            .is_some_and(|d| sub::is_granted(d, id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::failed;

    #[test]
    fn account_roles_parse() {
        assert_eq!(
            parse_account_role("111122223333=arn:aws:iam::111122223333:role/LakegateEditor")
                .unwrap()
                .0,
            "111122223333"
        );
        assert!(parse_account_role("111122223333").is_err());
        assert!(parse_account_role("12=arn:aws:iam::111122223333:role/x").is_err());
        assert!(parse_account_role("111122223333=arn:aws:iam::111122223333:user/x").is_err());
    }

    #[test]
    fn a_malformed_policy_answer_names_the_principals() {
        let e = crate::aws::error::service_error(
            "s3:PutBucketPolicy",
            "MalformedPolicy",
            "Invalid principal in policy",
        )
        .into();
        let p = vec!["arn:aws:iam::123456789012:role/Deleted".to_string()];
        let e = explain_malformed(e, &p);
        assert!(
            e.hints.iter().any(|h| h.contains("role/Deleted")),
            "{:?}",
            e.hints
        );
        let other = explain_malformed(failed("s3:PutBucketPolicy failed: AccessDenied"), &p);
        assert!(other.hints.is_empty());
    }

    #[test]
    fn non_s3_assets_are_skipped_with_a_reason() {
        let l = Listing {
            listing_id: "l".into(),
            listing_revision: None,
            name: "sales".into(),
            owner_project_id: "p".into(),
            entity_id: None,
            entity_type: Some("GlueTableAssetType".into()),
            forms: None,
            permissions: vec![],
        };
        match asset_of(Some(&l)).unwrap() {
            Asset::Skip(r) => assert!(r.contains("GlueTableAssetType"), "{r}"),
            Asset::S3 { .. } => panic!("not S3"),
        }
        assert!(matches!(asset_of(None).unwrap(), Asset::Skip(_)));
    }
}
