//! The subscription engine: grants and revokes of DataZone subscriptions to unmanaged S3 assets,
//! for `subscription grant|revoke|reconcile|handle-event` and the deployed fulfiller.
//!
//! A grant resolves the subscription request through DataZone (asset → bucket ARN and prefix;
//! subscribing project → its environments → their subscription targets → the authorized
//! principals of the targets for S3 object collections) and writes statements keyed by the
//! request id alone, through the same read/plan/lease/re-read/keep/write/verify pipeline as every
//! other policy edit.

pub mod access_grants;
pub mod event;
pub mod fulfil;
pub mod observe;
pub mod print;
pub mod reconcile;
pub mod target_create;

use crate::apply::access_point::{self, AccessPoint};
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::bucket_policy::BucketPolicy;
use crate::apply::{policy, Plan, Step};
use crate::aws::datazone::{Listing, SubscriptionRequest, S3_ASSET_TYPE};
use crate::aws::s3control::BlockPublicAccess;
use crate::error::{failed, input_error, CliError, Result};
use crate::policy::access::{delegate_statement, delegates_to};
use crate::policy::subscription::{self as sub, Actions, Resource, S3Location};
use crate::policy::{arn, PolicyDocument};
use crate::session::Session;
use clap::ValueEnum;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a grant is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// Statements in the bucket policy (limited by the 20 KB bucket policy size)
    #[default]
    BucketPolicy,
    /// One access point per subscribing project, the bucket delegating to access points
    AccessPoint,
    /// S3 Access Grants: one grant per grantee on the asset's prefix (IAM principals, or the
    /// subscribed IAM Identity Center user or group)
    AccessGrants,
}

/// What a grant allows: the one `--access` of every verb (`accesspoint`'s too).
pub use crate::policy::AccessLevel as Access;

/// How grants are written: where, and what they allow (`commands::subscription::WriteArgs`
/// has the flags).
#[derive(Debug, Clone, Default)]
pub struct WriteOpts {
    pub via: Via,
    pub access: Access,
    /// Exactly these S3 actions instead of `access`.
    pub actions: Vec<crate::values::S3ActionName>,
    /// (account, role ARN): edit the buckets of the account through the role there.
    pub account_roles: Vec<(String, String)>,
    /// `--via access-grants`: the role of the location registered for an asset's bucket when no
    /// registered location covers the asset.
    pub location_role: Option<String>,
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
        if self.via == Via::AccessGrants {
            access_grants::check(&self.actions)?;
        } else if self.location_role.is_some() {
            return Err(input_error(
                "--location-role: only with --via access-grants (the role of an Access Grants location)",
            ));
        }
        self.actions().map(|_| ())
    }
}

/// An `ACCOUNT=ROLE_ARN` of `--account-role`.
pub fn parse_account_role(s: &str) -> std::result::Result<(String, String), String> {
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
pub async fn principals_of(session: &Session, domain: &str, project: &str) -> Result<Vec<String>> {
    let aws = session.aws().await?;
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

/// The principals to grant for a grant that names its subscription target: that target's
/// `authorizedPrincipals`, and only those (GetSubscriptionTarget; when the grant does not say
/// which environment the target is in, it is looked for in the project's environments).
pub async fn principals_of_target(
    session: &Session,
    domain: &str,
    project: Option<&str>,
    t: &GrantTarget,
) -> Result<Vec<String>> {
    let aws = session.aws().await?;
    let found = match &t.environment_id {
        Some(env) => aws.subscription_target(domain, env, &t.id).await?,
        None => {
            let mut found = None;
            if let Some(project) = project {
                for e in aws.environments(domain, project).await? {
                    let targets = aws.subscription_targets(domain, &e.id).await?;
                    if let Some(x) = targets.into_iter().find(|x| x.id == t.id) {
                        found = Some(x);
                        break;
                    }
                }
            }
            found
        }
    };
    let where_ = t
        .environment_id
        .as_ref()
        .map(|e| format!(" of environment {e}"))
        .unwrap_or_default();
    let target = found.ok_or_else(|| {
        failed(format!(
            "subscription target {}{where_} was not found in domain {domain}: cannot find whom the grant is for",
            t.id
        ))
    })?;
    let mut out: Vec<String> = Vec::new();
    for p in &target.authorized_principals {
        let p = arn::normalize_principal(p, aws.partition).map_err(|e| {
            failed(format!(
                "subscription target '{}' (environment {}): {e}",
                target.name, target.environment_id
            ))
        })?;
        if !out.contains(&p) {
            out.push(p);
        }
    }
    if out.is_empty() {
        return Err(failed(format!(
            "subscription target '{}' ({}, environment {}) has no authorized principals: nothing to grant to",
            target.name, target.id, target.environment_id
        )));
    }
    Ok(out)
}

/// A session whose AWS calls go through the role of the bucket's account, when `--account-role`
/// names that account: the account of the asset's owning project's environments.
pub async fn scoped_session(
    session: &Session,
    roles: &BTreeMap<String, String>,
    domain: &str,
    owner_project: &str,
) -> Result<Option<(Session, String)>> {
    if roles.is_empty() {
        return Ok(None);
    }
    let envs = session
        .aws()
        .await?
        .environments(domain, owner_project)
        .await?;
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
            return Ok(Some((session.in_role(role, acct), acct.clone())));
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
    /// The access grants made or deleted (`--via access-grants`): `access-grant:SCOPE GRANTEE`,
    /// and `access-grants-location:SCOPE` when the plan registered the location.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub access_grants: Vec<String>,
    /// The access point the consumer should use (`--via access-point`).
    pub access_point_arn: Option<String>,
    pub access_point_alias: Option<String>,
    /// The account whose role was used (`--account-role`).
    pub account_role: Option<String>,
    /// The DataZone subscription grant fulfilled, and the statuses reported for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grant: Option<fulfil::GrantReport>,
    /// The subscription target the grant is for (the `Subscription Grant Requested` family).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription_target: Option<String>,
    /// What the grant or revoke did to access (the plan's access delta), when it touched a
    /// bucket or access point policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<Vec<crate::policy::eval::delta::DeltaRow>>,
}

/// Add the hint naming the principals to a MalformedPolicy answer.
pub fn explain_malformed(e: CliError, principals: &[String]) -> CliError {
    if e.cause == Some(crate::error::Cause::MalformedPolicy) {
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
    /// An IAM Identity Center user or group subscribed directly: granted as a directory
    /// identity through Access Grants; no policy can name it.
    pub directory: Option<access_grants::Directory>,
    /// The actions the subscription asked for (S3 READ/WRITE), which win over --access.
    pub requested: Option<Actions>,
    /// The subscription target a subscription grant is for (the `Subscription Grant Requested`
    /// family): exactly its authorized principals are granted, under a key of their own. None for
    /// the older family, which grants the principals of every S3 target of the project.
    pub target: Option<GrantTarget>,
}

/// The subscription target of a subscription grant (`GetSubscriptionGrant.subscriptionTargetId`
/// and `environmentId`; the event's `detail.data.subscriptionTarget`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantTarget {
    pub id: String,
    pub environment_id: Option<String>,
}

impl Subject {
    /// The key of the statements written for it: the request id, with the subscription target
    /// when the grant names one, so that each grant of a subscription is revoked alone.
    pub fn statement_key(&self) -> String {
        match &self.target {
            Some(t) => sub::grant_key(&self.key, &t.id),
            None => self.key.clone(),
        }
    }

    /// How messages name it: the request, and the target when there is one.
    fn named(&self) -> String {
        match &self.target {
            Some(t) => format!("{} (subscription target {})", self.key, t.id),
            None => self.key.clone(),
        }
    }

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
            directory: None,
            target: None,
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
    /// The session of the bucket's account (`--account-role`), when not the caller's.
    pub scoped: Option<Session>,
    pub steps: Vec<Step<'a>>,
    reason: String,
    /// The question to ask before applying (a destructive verb's).
    pub confirm: Option<String>,
    /// The resources the steps change, and their steps' outcomes.
    touched: Vec<Touched>,
    finish: Finish,
}

/// A resource a step changes: its ARN, whether it is a bucket policy, and whether the step
/// changed it (from the step's outcome, once applied).
struct Touched {
    arn: String,
    bucket_policy: bool,
    changed: Box<dyn Fn() -> bool>,
}

impl Touched {
    fn of<S: Clone + 'static>(
        arn: &str,
        bucket_policy: bool,
        outcome: crate::apply::Outcome<S>,
    ) -> Self {
        Touched {
            arn: arn.to_string(),
            bucket_policy,
            changed: Box::new(move || outcome.changed()),
        }
    }
}

enum Finish {
    Skip,
    Grant {
        loc: S3Location,
        principals: Vec<String>,
        /// Through Access Grants: the touched resources are grants, not policies.
        grants: bool,
        /// Via an access point: (account, name, its alias when it exists already).
        access_point: Option<(String, String, Option<String>)>,
    },
    Revoke {
        loc: S3Location,
        id: String,
        grants: bool,
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

    /// The session its steps are applied in.
    pub fn session<'c>(&'c self, session: &'c Session) -> &'c Session {
        self.scoped.as_ref().unwrap_or(session)
    }

    /// Apply its steps as one plan and complete the outcome.
    pub async fn run(mut self, session: &Session) -> Result<Outcome> {
        if matches!(self.finish, Finish::Skip) {
            return Ok(self.out);
        }
        let scoped = self.scoped.take();
        let c = scoped.as_ref().unwrap_or(session);
        let mut plan = Plan::new(std::mem::take(&mut self.reason));
        plan.steps = std::mem::take(&mut self.steps);
        plan.confirm = self.confirm.take();
        if plan.confirm.is_none() {
            // The data owner approved the subscription in DataZone: its grant (and the revoke
            // of an unsubscribe event) shows its access delta without asking again.
            plan = plan.approved("the DataZone subscription");
        }
        // What the subscription names: access changed beyond it is called out.
        match &self.finish {
            Finish::Grant {
                loc, principals, ..
            } => plan = plan.naming(principals, std::slice::from_ref(&loc.prefix)),
            Finish::Revoke { loc, .. } if !self.out.principals.is_empty() => {
                plan = plan.naming(&self.out.principals, std::slice::from_ref(&loc.prefix))
            }
            _ => {}
        }
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
        let changed: Vec<&Touched> = self.touched.iter().filter(|t| (t.changed)()).collect();
        out.changed = !changed.is_empty();
        out.delta = r.plan.delta.clone();
        match &self.finish {
            Finish::Skip => {}
            Finish::Grant {
                loc,
                principals,
                grants,
                access_point,
            } => {
                match access_point {
                    None if *grants => {
                        out.access_grants = self.touched.iter().map(|t| t.arn.clone()).collect()
                    }
                    None => out.policies = self.touched.iter().map(|t| t.arn.clone()).collect(),
                    Some((account, name, alias)) => {
                        let ap_arn = out.access_point_arn.clone().unwrap_or_default();
                        out.policies.push(ap_arn);
                        for t in &changed {
                            if t.bucket_policy {
                                out.policies.push(t.arn.clone());
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
            Finish::Revoke { loc, id, grants } => {
                let arns = changed.iter().map(|t| t.arn.clone()).collect();
                if *grants {
                    out.access_grants = arns;
                } else {
                    out.policies = arns;
                }
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
    session: &Session,
    domain: &str,
    id: &str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Outcome> {
    prepare_grant(session, domain, id, fallback_project, opts)
        .await?
        .run(session)
        .await
}

/// Plan the grant of subscription request `id`.
pub async fn prepare_grant<'a>(
    session: &Session,
    domain: &str,
    id: &'a str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Prepared<'a>> {
    opts.actions()?;
    let req = session
        .aws()
        .await?
        .subscription_request(domain, id)
        .await?;
    plan_grant(session, Subject::of_request(&req, fallback_project)?, opts).await
}

/// Plan the grant of a resolved subject.
pub async fn plan_grant<'a>(
    session: &Session,
    s: Subject,
    opts: &WriteOpts,
) -> Result<Prepared<'a>> {
    let actions = match &s.requested {
        Some(a) => a.clone(),
        None => opts.actions()?,
    };
    let loc = match asset_of(s.listing.as_ref())? {
        Asset::Skip(reason) => {
            let out = Outcome {
                dry_run: session.settings.dry_run,
                ..skip(&s, reason)
            };
            return Ok(Prepared::skipped(out));
        }
        Asset::S3 { location, .. } => location,
    };
    let domain = s.domain.as_str();
    let id = s.statement_key();
    let principals = match (&s.principals, &s.target) {
        _ if s.directory.is_some() => {
            if opts.via != Via::AccessGrants {
                return Err(fulfil::not_a_principal(s.directory.as_ref()));
            }
            Vec::new()
        }
        (Some(p), _) => p.clone(),
        (None, Some(t)) => {
            principals_of_target(session, domain, s.project_id.as_deref(), t).await?
        }
        (None, None) => {
            let project = s.project_id.clone().ok_or_else(|| {
                failed(format!(
                    "subscription request {} is not from a project: cannot find its subscription targets",
                    s.key
                ))
            })?;
            principals_of(session, domain, &project).await?
        }
    };
    let owner = s
        .listing
        .as_ref()
        .map(|l| l.owner_project_id.clone())
        .unwrap_or_default();
    let roles = account_role_map(&opts.account_roles);
    let (scoped, account_role) = match scoped_session(session, &roles, domain, &owner).await? {
        Some((c, a)) => (Some(c), Some(a)),
        None => (None, None),
    };
    let c = scoped.as_ref().unwrap_or(session);
    let mut out = Outcome {
        request_id: s.key.clone(),
        subscription_target: s.target.as_ref().map(|t| t.id.clone()),
        domain: domain.to_string(),
        action: "grant".into(),
        dry_run: session.settings.dry_run,
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
    let mut shown = principals.clone();
    match opts.via {
        Via::AccessGrants => {
            let account = c.account().await?;
            let directory = s.directory.as_ref();
            access_grants::check_instance(baws, &account, directory, "--via access-grants").await?;
            let placed =
                access_grants::place(baws, &account, &loc, opts.location_role.as_deref()).await?;
            let grantees = access_grants::grantees(&principals, directory);
            if let Some(d) = directory {
                shown = vec![d.named.clone()];
            }
            let permission = access_grants::permission_of(&actions);
            let (s, t) = access_grants::grant_steps(&account, &placed, &grantees, permission);
            steps.extend(s);
            touched.extend(t);
            out.principals = shown.clone();
        }
        Via::BucketPolicy => {
            let bp = BucketPolicy::new(baws, &loc.bucket);
            let target = Resource::Bucket {
                partition: baws.partition.to_string(),
                bucket: loc.bucket.clone(),
            };
            let stmts = sub::grant_statements(&id, &target, &loc.prefix, &principals, &actions);
            let arn = bp.arn.clone();
            let (step, outcome) = Step::watched(bp, grant_edit(stmts));
            touched.push(Touched::of(&arn, true, outcome));
            steps.push(step);
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
            let bp_arn = bp.arn.clone();
            // The project's access point when missing, its grant, and the bucket delegating
            // access control to the account's access points: one plan.
            let (step, created) = Step::watched(
                AccessPoint {
                    account: account.clone(),
                    name: name.clone(),
                    arn: ap_arn.clone(),
                    bucket: loc.bucket.clone(),
                },
                crate::apply::ensure(access_point::state(
                    &name,
                    &loc.bucket,
                    None,
                    Some(BlockPublicAccess::all(true)),
                )),
            );
            touched.push(Touched::of(&ap_arn, false, created));
            steps.push(step);
            let (step, granted) = Step::watched(
                AccessPointPolicy {
                    account: account.clone(),
                    name: name.clone(),
                    arn: ap_arn.clone(),
                    bucket: loc.bucket.clone(),
                },
                grant_edit(stmts),
            );
            touched.push(Touched::of(&ap_arn, false, granted));
            steps.push(step);
            let (acct, bucket) = (account.clone(), loc.bucket.clone());
            let (step, delegated) = Step::watched(
                bp,
                policy::edit(move |doc: &mut PolicyDocument| {
                    if !delegates_to(doc, &acct) {
                        doc.upsert(delegate_statement(partition, &bucket, &acct));
                    }
                    Ok(())
                }),
            );
            touched.push(Touched::of(&bp_arn, true, delegated));
            steps.push(step);
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
            principals: shown,
            grants: opts.via == Via::AccessGrants,
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
    session: &Session,
    domain: &str,
    id: &str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Outcome> {
    prepare_revoke(session, domain, id, fallback_project, opts)
        .await?
        .run(session)
        .await
}

/// Plan the revoke of subscription request `id`.
pub async fn prepare_revoke<'a>(
    session: &Session,
    domain: &str,
    id: &'a str,
    fallback_project: Option<&str>,
    opts: &WriteOpts,
) -> Result<Prepared<'a>> {
    let req = session
        .aws()
        .await?
        .subscription_request(domain, id)
        .await?;
    plan_revoke(session, Subject::of_request(&req, fallback_project)?, opts).await
}

/// Plan the revoke of a resolved subject.
pub async fn plan_revoke<'a>(
    session: &Session,
    s: Subject,
    opts: &WriteOpts,
) -> Result<Prepared<'a>> {
    let loc = match asset_of(s.listing.as_ref())? {
        Asset::Skip(reason) => {
            let out = Outcome {
                dry_run: session.settings.dry_run,
                ..skip(&s, reason)
            };
            return Ok(Prepared::skipped(out));
        }
        Asset::S3 { location, .. } => location,
    };
    let domain = s.domain.as_str();
    let id = s.statement_key();
    let project = s.project_id.clone();
    // A grant of the same request written before grants were keyed by their target holds the
    // principals of every target of the project: this target's are taken out of it.
    let (request, mut legacy) = (s.key.clone(), None);
    if let Some(t) = &s.target {
        match principals_of_target(session, domain, project.as_deref(), t).await {
            Ok(p) => legacy = Some(p),
            Err(e) => tracing::debug!("cannot read the grant's subscription target: {e}"),
        }
    }
    let owner = s
        .listing
        .as_ref()
        .map(|l| l.owner_project_id.clone())
        .unwrap_or_default();
    let roles = account_role_map(&opts.account_roles);
    let (scoped, account_role) = match scoped_session(session, &roles, domain, &owner).await? {
        Some((c, a)) => (Some(c), Some(a)),
        None => (None, None),
    };
    let c = scoped.as_ref().unwrap_or(session);
    let mut out = Outcome {
        request_id: s.key.clone(),
        subscription_target: s.target.as_ref().map(|t| t.id.clone()),
        domain: domain.to_string(),
        action: "revoke".into(),
        dry_run: session.settings.dry_run,
        project_id: project.clone(),
        bucket: Some(loc.bucket.clone()),
        prefix: Some(loc.prefix.clone()),
        via: Some(opts.via),
        account_role,
        ..Default::default()
    };
    let reason = format!("subscription revoke {id}");
    let baws = c.aws().await?;
    if opts.via == Via::AccessGrants {
        // Exactly the grants of the subscription's grantees on the asset's scope.
        let account = c.account().await?;
        let grantees = access_grants::revoke_grantees(session, &s).await?;
        let (steps, touched) = access_grants::revoke_steps(baws, &account, &loc, &grantees).await?;
        return Ok(Prepared {
            out,
            scoped,
            steps,
            reason,
            confirm: None,
            touched,
            finish: Finish::Revoke {
                loc,
                id: s.named(),
                grants: true,
            },
        });
    }
    let targeted = s.target.is_some();
    let revoke_edit = || {
        let (id, request, legacy) = (id.clone(), request.clone(), legacy.clone());
        policy::edit(move |doc: &mut PolicyDocument| {
            sub::revoke(doc, &id);
            match &legacy {
                Some(p) => {
                    sub::revoke_principals(doc, &request, p);
                }
                None if targeted && sub::is_granted(doc, &request) => tracing::warn!(
                    "a grant of subscription request {request} for every target of the project is left in place: the principals of the revoked grant's target could not be read"
                ),
                None => {}
            }
            Ok(())
        })
    };
    // Wherever its statements are: the bucket policy and the project's access point policy.
    let bp = BucketPolicy::new(baws, &loc.bucket);
    let bp_arn = bp.arn.clone();
    let (step, revoked) = Step::watched(bp, revoke_edit());
    let mut touched = vec![Touched::of(&bp_arn, true, revoked)];
    let mut steps = vec![step];
    if let Some(project) = &project {
        let account = c.account().await?;
        let name = sub::access_point_name(project, &loc.bucket);
        if let Some(info) = baws.access_point(&account, &name).await? {
            out.access_point_arn = Some(info.arn.clone());
            out.access_point_alias = info.alias.clone();
            let (step, revoked) =
                Step::watched(AccessPointPolicy::of(&account, &info), revoke_edit());
            touched.push(Touched::of(&info.arn, false, revoked));
            steps.push(step);
        }
    }
    Ok(Prepared {
        out,
        scoped,
        steps,
        reason,
        confirm: None,
        touched,
        finish: Finish::Revoke {
            loc,
            id: s.named(),
            grants: false,
        },
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
        session: &Session,
        bucket: &str,
        project: Option<&str>,
        id: &str,
    ) -> Result<bool> {
        let aws = session.aws().await?;
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
            let account = session.account().await?;
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
    use crate::error::failed;

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
            e.hints
                .iter()
                .any(|h| h.to_string().contains("role/Deleted")),
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
