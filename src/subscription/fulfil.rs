//! The DataZone fulfilment protocol for subscription grants of unmanaged assets, shared by
//! `handle-event` (`Subscription Grant Requested` / `Subscription Grant Revoke Requested`) and
//! `reconcile` (grants left pending, in progress or failed).
//!
//! A grant is looked up (GetSubscriptionGrant → its subscription with GetSubscription → the
//! listing and the subscriber), fulfilled through the change pipeline like every other grant, and
//! reported back for every asset of the grant with UpdateSubscriptionGrantStatus:
//! `GRANT_IN_PROGRESS` → `GRANTED`, or `GRANT_FAILED` with the one-line cause lakegate prints
//! (`REVOKE_IN_PROGRESS` → `REVOKED` / `REVOKE_FAILED` for a revoke). An asset already in the
//! final status is not moved back to "in progress": a retried event reports the final status
//! again and changes nothing else. Grants of assets lakegate does not fulfil (not S3 object
//! collections) are left to DataZone: nothing is reported for them.

use super::access_grants::Directory;
use super::{
    plan_grant, plan_revoke, requested_actions, GrantTarget, Outcome, Prepared, Subject, WriteOpts,
};
use crate::aws::access_grants::GranteeKind;
use crate::aws::datazone::{GrantAsset, Subscriber, SubscriptionGrant};
use crate::aws::Aws;
use crate::error::{failed, CliError, Kind, Result};
use crate::policy::arn;
use crate::policy::event::GrantRef;
use crate::session::Session;
use serde::Serialize;

/// Grant or revoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Grant,
    Revoke,
}

impl Direction {
    fn in_progress(self) -> &'static str {
        match self {
            Direction::Grant => "GRANT_IN_PROGRESS",
            Direction::Revoke => "REVOKE_IN_PROGRESS",
        }
    }
    fn done(self) -> &'static str {
        match self {
            Direction::Grant => "GRANTED",
            Direction::Revoke => "REVOKED",
        }
    }
    fn failed(self) -> &'static str {
        match self {
            Direction::Grant => "GRANT_FAILED",
            Direction::Revoke => "REVOKE_FAILED",
        }
    }
}

/// What was reported to DataZone for one grant.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct GrantReport {
    pub grant_id: String,
    /// The status every asset ended in (GRANTED, GRANT_FAILED, REVOKED, REVOKE_FAILED); none in a
    /// dry run or for an asset lakegate does not fulfil.
    pub status: Option<String>,
    /// `ASSET=STATUS`, in the order the calls were made.
    pub reported: Vec<String>,
    pub failure: Option<String>,
}

/// What a grant's assets need, from their statuses (reconcile): a grant, a revoke, or nothing.
pub fn needs(g: &SubscriptionGrant) -> Option<Direction> {
    let any = |set: &[&str]| g.assets.iter().any(|a| set.contains(&a.status.as_str()));
    if any(&["GRANT_PENDING", "GRANT_IN_PROGRESS", "GRANT_FAILED"]) {
        return Some(Direction::Grant);
    }
    if any(&["REVOKE_PENDING", "REVOKE_IN_PROGRESS", "REVOKE_FAILED"]) {
        return Some(Direction::Revoke);
    }
    if !g.assets.is_empty() {
        return None;
    }
    match g.status.as_str() {
        "PENDING" | "IN_PROGRESS" | "GRANT_FAILED" => Some(Direction::Grant),
        "REVOKE_FAILED" => Some(Direction::Revoke),
        _ => None,
    }
}

/// The IAM Identity Center user or group a subscriber is, if it is one: a DataZone SSO user
/// profile, or a group profile (granted as a directory identity through Access Grants).
pub fn directory_of_subscriber(s: &Subscriber) -> Option<Directory> {
    match s {
        Subscriber::User {
            id: Some(id),
            iam_arn: None,
            profile,
        } if profile == "SSO" => Some(Directory {
            kind: GranteeKind::DirectoryUser,
            id: id.clone(),
            named: format!("user {id}"),
        }),
        Subscriber::Group { id: Some(id), name } => Some(Directory {
            kind: GranteeKind::DirectoryGroup,
            id: id.clone(),
            named: format!("group {}", name.as_deref().unwrap_or(id)),
        }),
        _ => None,
    }
}

/// Why a directory identity cannot be granted through a policy (exit 1, reported as
/// GRANT_FAILED).
pub fn not_a_principal(d: Option<&Directory>) -> CliError {
    let Some(d) = d else {
        return failed("the subscriber is not an IAM principal");
    };
    match d.kind {
        GranteeKind::DirectoryUser => failed(format!(
            "subscribed {} is an SSO user profile, not an IAM principal: a bucket or access point policy can name only IAM principals (fulfil with --via access-grants, or subscribe with a project or an IAM role)",
            d.named
        )),
        _ => failed(format!(
            "subscribed {} cannot be mapped to an IAM principal: a bucket or access point policy can name only IAM principals (fulfil with --via access-grants, or subscribe with a project or an IAM role)",
            d.named
        )),
    }
}

/// The IAM principals of a subscriber that is not a project (a project's come from its
/// subscription targets); a user or group that maps to no IAM principal is an error naming why.
pub fn principals_of_subscriber(s: &Subscriber, partition: &str) -> Result<Option<Vec<String>>> {
    let normalize = |a: &str, what: &str| {
        arn::normalize_principal(a, partition)
            .map(|p| Some(vec![p]))
            .map_err(|e| failed(format!("subscribed {what}: {e}")))
    };
    match s {
        Subscriber::Project { .. } => Ok(None),
        Subscriber::Iam { arn: Some(a) } => normalize(a, "IAM principal"),
        Subscriber::Iam { arn: None } => Err(failed(
            "the subscribed IAM principal has no ARN: nothing to grant to",
        )),
        Subscriber::User {
            iam_arn: Some(a), ..
        } => normalize(a, "user"),
        Subscriber::User { id, profile, .. } => Err(failed(format!(
            "subscribed user {} is an {profile} user profile, not an IAM principal: lakegate can grant bucket access only to IAM principals (subscribe with a project or an IAM role)",
            id.as_deref().unwrap_or("?")
        ))),
        Subscriber::Group { id, name } => Err(failed(format!(
            "subscribed group {} cannot be mapped to an IAM principal: lakegate can grant bucket access only to IAM principals (subscribe with a project or an IAM role)",
            name.as_deref().or(id.as_deref()).unwrap_or("?")
        ))),
        Subscriber::Unknown => Err(failed(
            "the subscription names no subscriber lakegate knows (project, IAM principal or user)",
        )),
    }
}

/// Resolve a grant into what to grant: its subscription's listing and subscriber, and the
/// permissions requested for its assets.
pub async fn subject_of(aws: &Aws, domain: &str, g: &SubscriptionGrant) -> Result<Subject> {
    let sub_id = g.subscription_id.as_deref().ok_or_else(|| {
        failed(format!(
            "subscription grant {} names no subscription: cannot find its subscriber",
            g.id
        ))
    })?;
    let sub = aws.subscription(domain, sub_id).await?;
    // An IAM Identity Center user or group: whether it can be granted depends on the route
    // (Access Grants can name it, a policy cannot), decided when the grant is planned.
    let directory = directory_of_subscriber(&sub.subscriber);
    let principals = match directory {
        Some(_) => None,
        None => principals_of_subscriber(&sub.subscriber, aws.partition)?,
    };
    let project_id = match &sub.subscriber {
        Subscriber::Project { id, .. } => id.clone(),
        _ => None,
    };
    let mut permissions: Vec<String> = Vec::new();
    for a in &g.assets {
        for p in &a.permissions {
            if !permissions.contains(p) {
                permissions.push(p.clone());
            }
        }
    }
    if permissions.is_empty() {
        if let Some(l) = &sub.listing {
            permissions = l.permissions.clone();
        }
    }
    Ok(Subject {
        key: sub
            .subscription_request_id
            .clone()
            .unwrap_or_else(|| g.id.clone()),
        domain: domain.to_string(),
        project_id,
        listing: sub.listing,
        principals,
        directory,
        requested: requested_actions(&permissions)?,
        // The grant is for one subscription target (of one environment): exactly its principals.
        target: (!g.subscription_target_id.is_empty()).then(|| GrantTarget {
            id: g.subscription_target_id.clone(),
            environment_id: g.environment_id.clone(),
        }),
    })
}

/// A grant being fulfilled: what is reported to.
pub struct Job {
    pub grant: SubscriptionGrant,
    pub direction: Direction,
    pub report: GrantReport,
}

/// Look grant `id` up and plan its fulfilment. A failure is reported on the grant's assets (or
/// on `event_asset` when the grant itself cannot be read) before it is returned.
pub async fn plan<'a>(
    session: &Session,
    domain: &str,
    id: &str,
    event: Option<&GrantRef>,
    direction: Direction,
    opts: &WriteOpts,
) -> Result<(Job, Prepared<'a>)> {
    let aws = session.aws().await?;
    let event_asset = event.and_then(|e| e.asset_id.as_deref());
    let grant = match aws.subscription_grant(domain, id).await {
        Ok(g) => g,
        Err(e) => {
            let assets: Vec<String> = event_asset.map(str::to_owned).into_iter().collect();
            let mut report = GrantReport {
                grant_id: id.to_string(),
                ..Default::default()
            };
            return Err(fail(session, domain, &assets, direction, e.into(), &mut report).await);
        }
    };
    plan_of(session, grant, event, direction, opts).await
}

/// Plan the fulfilment of a grant already read.
pub async fn plan_of<'a>(
    session: &Session,
    mut grant: SubscriptionGrant,
    event: Option<&GrantRef>,
    direction: Direction,
    opts: &WriteOpts,
) -> Result<(Job, Prepared<'a>)> {
    let aws = session.aws().await?;
    let domain = grant.domain_id.clone();
    let event_asset = event.and_then(|e| e.asset_id.as_deref());
    // The event names the grant's subscription target too (`detail.data.subscriptionTarget`):
    // fill in what the grant as read leaves out.
    if let Some(ev) = event {
        if grant.subscription_target_id.is_empty() {
            if let Some(t) = &ev.target_id {
                grant.subscription_target_id = t.clone();
                grant.environment_id = ev.target_environment_id.clone();
            }
        } else if grant.environment_id.is_none()
            && ev.target_id.as_deref() == Some(grant.subscription_target_id.as_str())
        {
            grant.environment_id = ev.target_environment_id.clone();
        }
    }
    if grant.assets.is_empty() {
        // A grant that lists no asset: report on the one the event names.
        grant.assets.extend(event_asset.map(|a| GrantAsset {
            asset_id: a.to_string(),
            status: String::new(),
            target_name: None,
            permissions: vec![],
            failure: None,
        }));
    }
    let mut job = Job {
        report: GrantReport {
            grant_id: grant.id.clone(),
            ..Default::default()
        },
        grant,
        direction,
    };
    let planned = async {
        let s = subject_of(aws, &domain, &job.grant).await?;
        match direction {
            Direction::Grant => plan_grant(session, s, opts).await,
            Direction::Revoke => plan_revoke(session, s, opts).await,
        }
    }
    .await;
    match planned {
        Ok(prepared) => Ok((job, prepared)),
        Err(e) => {
            let assets = job.asset_ids();
            Err(fail(session, &domain, &assets, direction, e, &mut job.report).await)
        }
    }
}

/// Report `status` for `asset` and note it.
async fn report(
    aws: &Aws,
    domain: &str,
    asset: &str,
    status: &str,
    failure: Option<&str>,
    r: &mut GrantReport,
) -> Result<()> {
    aws.update_grant_status(domain, &r.grant_id, asset, status, failure)
        .await?;
    r.reported.push(format!("{asset}={status}"));
    Ok(())
}

/// Report a failure on every asset and return the error to exit with (the failure itself; an
/// error of the report is added as a cause).
async fn fail(
    session: &Session,
    domain: &str,
    assets: &[String],
    direction: Direction,
    e: CliError,
    r: &mut GrantReport,
) -> CliError {
    r.status = Some(direction.failed().into());
    r.failure = Some(e.message.clone());
    if session.settings.dry_run {
        return e;
    }
    let Ok(aws) = session.aws().await else {
        return e;
    };
    let cause = e.message.clone();
    for a in assets {
        if let Err(re) = report(aws, domain, a, direction.failed(), Some(&cause), r).await {
            return e.caused_by(format!(
                "the failure could not be reported to DataZone: {}",
                re.message
            ));
        }
    }
    e
}

impl Job {
    fn asset_ids(&self) -> Vec<String> {
        self.grant
            .assets
            .iter()
            .map(|a| a.asset_id.clone())
            .collect()
    }

    /// Report "in progress" on the assets not already in their final status.
    pub async fn start(&mut self, session: &Session) -> Result<()> {
        if session.settings.dry_run {
            return Ok(());
        }
        let aws = session.aws().await?;
        let pending: Vec<String> = self
            .grant
            .assets
            .iter()
            .filter(|a| a.status != self.direction.done())
            .map(|a| a.asset_id.clone())
            .collect();
        for a in pending {
            let status = self.direction.in_progress();
            report(
                aws,
                &self.grant.domain_id,
                &a,
                status,
                None,
                &mut self.report,
            )
            .await?;
        }
        Ok(())
    }

    /// Report the outcome of applying the plan on every asset: the final status, or the failure
    /// with its one-line cause (then returned).
    pub async fn finish(&mut self, session: &Session, applied: Result<()>) -> Result<()> {
        let assets = self.asset_ids();
        let domain = self.grant.domain_id.clone();
        match applied {
            Ok(()) if session.settings.dry_run => Ok(()),
            Ok(()) => {
                let aws = session.aws().await?;
                for a in &assets {
                    let status = self.direction.done();
                    report(aws, &domain, a, status, None, &mut self.report).await?;
                }
                self.report.status = Some(self.direction.done().into());
                Ok(())
            }
            Err(e) => Err(fail(
                session,
                &domain,
                &assets,
                self.direction,
                e,
                &mut self.report,
            )
            .await),
        }
    }
}

/// Fulfil one grant end to end (handle-event): plan, report in progress, apply, report. A
/// failure exits 1 whatever it is (a policy refused as too large included): the event was
/// valid, its fulfilment failed, and DataZone was told so.
pub async fn fulfil(
    session: &Session,
    domain: &str,
    id: &str,
    event: Option<&GrantRef>,
    direction: Direction,
    opts: &WriteOpts,
) -> Result<Outcome> {
    fulfil_inner(session, domain, id, event, direction, opts)
        .await
        .map_err(|mut e| {
            if e.kind == Kind::Input {
                e.kind = Kind::Failed;
            }
            e
        })
}

async fn fulfil_inner(
    session: &Session,
    domain: &str,
    id: &str,
    event: Option<&GrantRef>,
    direction: Direction,
    opts: &WriteOpts,
) -> Result<Outcome> {
    let (mut job, prepared) = plan(session, domain, id, event, direction, opts).await?;
    if prepared.is_skip() {
        let mut out = prepared.out.clone();
        out.message = format!(
            "{}; subscription grant {id} is left to DataZone",
            out.message
        );
        out.grant = Some(job.report);
        return Ok(out);
    }
    job.start(session).await?;
    let (applied, out) = match prepared.run(session).await {
        Ok(o) => (Ok(()), o),
        Err(e) => (Err(e), Outcome::default()),
    };
    job.finish(session, applied).await?;
    let mut out = out;
    out.grant = Some(job.report);
    Ok(out)
}
