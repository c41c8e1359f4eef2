//! Reconcile a domain: the subscriptions whose grant is missing or left over, and DataZone's
//! grants left pending, in progress or failed, planned together and applied as one plan
//! (`subscription reconcile`).

use super::fulfil::{self, Direction, Job};
use super::observe::observe;
use super::{prepare_grant, prepare_revoke, Prepared, WriteOpts};
use crate::apply::Plan;
use crate::error::{failed, Kind, Result};
use crate::output::{Cell, Row};
use crate::session::Session;
use serde::Serialize;

/// One step of the plan, and what came of it.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// grant or revoke
    pub action: String,
    pub request_id: String,
    pub subscription_id: String,
    /// The DataZone subscription grant fulfilled (its status is reported back).
    pub grant_id: Option<String>,
    pub status: String,
    pub bucket: String,
    pub prefix: String,
    /// planned, done or unchanged
    pub result: String,
    pub message: String,
}

impl Row for Step {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["ACTION", "REQUEST", "STATUS", "LOCATION", "RESULT"];
        if wide {
            h.extend(["SUBSCRIPTION", "GRANT", "MESSAGE"]);
        }
        h
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut c: Vec<Cell> = vec![
            self.action.clone().into(),
            self.request_id.clone().into(),
            self.status.clone().into(),
            format!("s3://{}/{}", self.bucket, self.prefix).into(),
            self.result.clone().into(),
        ];
        if wide {
            c.push(self.subscription_id.clone().into());
            c.push(self.grant_id.clone().unwrap_or_else(|| "-".into()).into());
            c.push(self.message.clone().into());
        }
        c
    }
}

/// Reconcile `domain` (only the subscriptions of `project` when given): print the steps and
/// what came of them; the grants that could not be fulfilled make the error.
pub async fn reconcile(
    session: &Session,
    domain: &str,
    project: Option<&str>,
    opts: &WriteOpts,
) -> Result<()> {
    opts.check()?;
    let states = observe(session, domain, project, &opts.account_roles, opts.via).await?;
    let mut plan: Vec<Step> = Vec::new();
    for s in &states {
        let (Some(granted), Some(id), Some(bucket)) = (s.granted, &s.request_id, &s.bucket) else {
            continue;
        };
        let action = match (s.status.as_str(), granted) {
            ("APPROVED", false) => "grant",
            ("REVOKED" | "CANCELLED", true) => "revoke",
            _ => continue,
        };
        plan.push(Step {
            action: action.into(),
            request_id: id.clone(),
            subscription_id: s.subscription_id.clone(),
            grant_id: None,
            status: s.status.clone(),
            bucket: bucket.clone(),
            prefix: s.prefix.clone().unwrap_or_default(),
            result: "planned".into(),
            message: match action {
                "grant" => "approved, but no grant is in place".into(),
                _ => format!(
                    "{}, but its grant is still in place",
                    s.status.to_lowercase()
                ),
            },
        });
    }
    // DataZone's grants left pending, in progress or failed: fulfilled and reported back.
    let mut jobs: Vec<(Job, Prepared<'_>)> = Vec::new();
    let mut failures: Vec<Step> = Vec::new();
    let grants = session
        .aws()
        .await?
        .subscription_grants(domain, project)
        .await?;
    for g in grants {
        let Some(direction) = fulfil::needs(&g) else {
            continue;
        };
        let row = |request_id: String, bucket: String, prefix: String| Step {
            action: match direction {
                Direction::Grant => "grant".into(),
                Direction::Revoke => "revoke".into(),
            },
            request_id,
            subscription_id: g.subscription_id.clone().unwrap_or_default(),
            grant_id: Some(g.id.clone()),
            status: format!("grant {}", g.status),
            bucket,
            prefix,
            result: "planned".into(),
            message: format!("DataZone grant {} is {}", g.id, g.status.to_lowercase()),
        };
        match fulfil::plan_of(session, g.clone(), None, direction, opts).await {
            Ok((_, p)) if p.is_skip() => continue,
            Ok((job, p)) => {
                plan.push(row(
                    p.out.request_id.clone(),
                    p.out.bucket.clone().unwrap_or_default(),
                    p.out.prefix.clone().unwrap_or_default(),
                ));
                jobs.push((job, p));
            }
            Err(e) => {
                let mut r = row("-".into(), String::new(), String::new());
                r.result = "failed".into();
                r.message = e.message;
                failures.push(r);
            }
        }
    }
    let subscription_steps = plan.len() - jobs.len();

    if plan.is_empty() && !failures.is_empty() {
        session.printer.rows(&failures)?;
        return Err(failed_grants(&failures));
    }
    if plan.is_empty() && !(session.settings.dry_run && session.printer.is_structured()) {
        if !session.printer.is_structured() {
            session.printer.status(format!(
                "{} subscriptions checked; every grant is as it should be",
                states.len()
            ));
            return Ok(());
        }
        return session.printer.rows(&plan);
    }

    // Every grant and revoke, planned first (nothing changes if one cannot be planned), then
    // applied as one plan: one dry-run document, one question for the revokes.
    let ids: Vec<String> = plan.iter().map(|s| s.request_id.clone()).collect();
    let mut prepared = Vec::with_capacity(plan.len());
    for (step, id) in plan.iter().zip(&ids).take(subscription_steps) {
        let project = states
            .iter()
            .find(|s| s.subscription_id == step.subscription_id)
            .and_then(|s| s.project_id.clone());
        let p = if step.action == "grant" {
            prepare_grant(session, domain, id, project.as_deref(), opts).await?
        } else {
            prepare_revoke(session, domain, id, project.as_deref(), opts).await?
        };
        prepared.push(p);
    }
    let mut jobs_state: Vec<Job> = Vec::with_capacity(jobs.len());
    for (job, p) in jobs {
        jobs_state.push(job);
        prepared.push(p);
    }
    let mut jobs = jobs_state;
    let steps: Vec<_> = prepared
        .iter_mut()
        .map(|p| std::mem::take(&mut p.steps))
        .collect();
    // The subscriptions were approved in DataZone; revokes still ask (below).
    let mut whole = Plan::new(format!("subscription reconcile {domain}"))
        .approved("the DataZone subscriptions");
    for (p, steps) in prepared.iter().zip(steps) {
        let scoped = match &p.scoped {
            Some(c) => Some(c.aws().await?),
            None => None,
        };
        for s in steps {
            whole.push(match scoped {
                Some(a) => s.on(a),
                None => s,
            });
        }
    }
    let revokes: Vec<&str> = plan
        .iter()
        .filter(|s| s.action == "revoke")
        .map(|s| s.request_id.as_str())
        .collect();
    if !revokes.is_empty() {
        whole = whole.confirming(format!(
            "revoke the grants of subscription requests {}",
            revokes.join(", ")
        ));
    }
    for job in &mut jobs {
        job.start(session).await?;
    }
    let report = match session.apply(whole.merged()).await {
        Ok(r) => r,
        Err(e) => {
            // Refused before any change (no --yes): the grants stay in progress for next time.
            if e.kind != Kind::Input {
                for job in &mut jobs {
                    let _ = job.finish(session, Err(failed(e.message.clone()))).await;
                }
            }
            return Err(e);
        }
    };
    if report.dry_run {
        // The plan, printed by the pipeline, is the one document.
        return Ok(());
    }
    for job in &mut jobs {
        job.finish(session, Ok(())).await?;
    }
    for (step, p) in plan.iter_mut().zip(&prepared) {
        let mut out = p.out.clone();
        p.complete(&mut out, &report, p.session(session).aws().await?)
            .await?;
        step.result = if out.changed { "done" } else { "unchanged" }.into();
        step.message = out.message;
    }
    for (step, job) in plan.iter_mut().skip(subscription_steps).zip(&jobs) {
        if let Some(st) = &job.report.status {
            step.message = format!("{}; DataZone grant {} {st}", step.message, job.grant.id);
        }
    }
    if failures.is_empty() {
        return session.printer.rows(&plan);
    }
    plan.extend(failures.iter().cloned());
    session.printer.rows(&plan)?;
    Err(failed_grants(&failures))
}

fn failed_grants(failures: &[Step]) -> crate::error::CliError {
    let each: Vec<String> = failures
        .iter()
        .map(|f| format!("{}: {}", f.grant_id.as_deref().unwrap_or("-"), f.message))
        .collect();
    failed(format!(
        "{} subscription grant(s) could not be fulfilled (reported as failed): {}",
        failures.len(),
        each.join("; ")
    ))
}
