//! The one change pipeline. Every kind of resource lakegate changes implements [`Resource`]
//! (one file per kind in this folder, registered in [`crate::plan::Target`]); every mutating verb
//! builds a [`Plan`] of [`Step`]s and hands it to [`apply`], which does, in this order:
//!
//! read → plan (print it) → `--dry-run` stops → confirm when destructive → lease → re-read and
//! re-apply the keyed edit onto what another writer left → history → write → verify → release.
//!
//! No verb performs any of these steps itself.

pub mod access_point;
pub mod access_point_policy;
pub mod bucket_policy;
pub mod policy;

use crate::aws::lease::{Lease, LeaseOptions};
use crate::aws::Aws;
use crate::error::{failed, input_error, Result};
use crate::output::Printer;
use crate::plan::{self, ChangeAction, Target};
use crate::state::StateStore;
use futures::future::LocalBoxFuture;
use serde_json::Value;

/// The future an AWS-facing step of a resource returns.
pub type Fut<'a, T> = LocalBoxFuture<'a, Result<T>>;

/// Where a resource's lease lives: an object in `bucket` named after `resource`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LeaseKey {
    pub bucket: String,
    pub resource: String,
}

/// One kind of thing lakegate changes. Its state is a JSON value (a policy document, an access
/// point's settings, a route table's routes); `None` means "does not exist".
pub trait Resource {
    /// The kind, as plans name it.
    fn target(&self) -> Target;
    /// The resource's id in plans, leases and history (an ARN or an AWS id).
    fn id(&self) -> &str;
    /// The lease that serialises writers of this resource.
    fn lease_key(&self) -> LeaseKey;
    /// Where its previous state is kept before an overwrite; `None` for kinds that cannot be
    /// restored (their state is not kept).
    fn history_key(&self) -> Option<&str> {
        Some(self.id())
    }
    /// The command that lists its kept states, for hints.
    fn history_command(&self) -> Option<String> {
        None
    }
    /// Read the current state.
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>>;
    /// Create or replace the state.
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()>;
    /// Remove the resource.
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()>;
    /// Refuse a state AWS would refuse (sizes, limits), before any call.
    fn check(&self, _after: &Value) -> Result<()> {
        Ok(())
    }
    /// Whether two states are the same (the read-back after a write is compared with this).
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        a == b
    }
    /// Whether deleting it needs confirmation (deleting a policy because its last grant went is
    /// routine; deleting an access point is not).
    fn destructive_delete(&self) -> bool {
        true
    }
    /// Verify by reading back that `expected` is in place.
    fn verify<'a>(&'a self, aws: &'a Aws, expected: Option<&'a Value>) -> Fut<'a, ()> {
        Box::pin(async move {
            let got = self.read(aws).await?;
            if self.same(got.as_ref(), expected) {
                Ok(())
            } else {
                Err(failed(format!(
                    "verification failed: the {} of {} read back differs from the one written (another writer?)",
                    self.target().label(),
                    self.id()
                )))
            }
        })
    }
}

/// The keyed edit of a step: from the current state (None: absent) to the desired one. It must be
/// idempotent, because it is applied again when another writer changed the resource meanwhile.
pub type Edit<'a> = Box<dyn Fn(Option<&Value>) -> Result<Option<Value>> + 'a>;

/// One resource and the edit to make to it.
pub struct Step<'a> {
    pub resource: Box<dyn Resource + 'a>,
    edit: Edit<'a>,
}

impl<'a> Step<'a> {
    pub fn new(resource: impl Resource + 'a, edit: Edit<'a>) -> Self {
        Step {
            resource: Box::new(resource),
            edit,
        }
    }

    /// Put `state` in place, whatever is there now (a rollback, a delete with `None`).
    pub fn set(resource: impl Resource + 'a, state: Option<Value>) -> Self {
        Step::new(resource, Box::new(move |_| Ok(state.clone())))
    }

    /// Create the resource with `state` when it does not exist; leave an existing one alone.
    pub fn ensure(resource: impl Resource + 'a, state: Value) -> Self {
        Step::new(
            resource,
            Box::new(move |cur| Ok(Some(cur.cloned().unwrap_or_else(|| state.clone())))),
        )
    }
}

/// What a verb asks the pipeline to do.
pub struct Plan<'a> {
    /// Why (kept with every history entry: "bucket delegate", "rollback --to 3").
    pub reason: String,
    pub steps: Vec<Step<'a>>,
    /// A destructive plan's question ("delete access point x"); set by verbs whose plan is
    /// destructive even without a delete (a rollback), or to word the question better.
    pub confirm: Option<String>,
}

impl<'a> Plan<'a> {
    pub fn new(reason: impl Into<String>) -> Self {
        Plan {
            reason: reason.into(),
            steps: Vec::new(),
            confirm: None,
        }
    }

    #[must_use]
    pub fn step(mut self, step: Step<'a>) -> Self {
        self.steps.push(step);
        self
    }

    pub fn push(&mut self, step: Step<'a>) {
        self.steps.push(step);
    }

    /// Mark the plan destructive, with the question to ask.
    #[must_use]
    pub fn confirming(mut self, question: impl Into<String>) -> Self {
        self.confirm = Some(question.into());
        self
    }
}

/// How to apply: from the global flags.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub dry_run: bool,
    pub yes: bool,
    /// `--lock-bucket`: hold every lease there instead of in the governed bucket.
    pub lock_bucket: Option<String>,
}

/// One step as applied.
#[derive(Debug, Clone)]
pub struct Applied {
    pub target: Target,
    pub resource: String,
    /// Whether it changed (or, in a dry run, would change).
    pub changed: bool,
    /// The history version that holds its state before this change.
    pub history_version: Option<u32>,
    /// Its state now (in a dry run: as planned).
    pub after: Option<Value>,
}

/// What `apply` did: the plan (as printed) and every step's outcome, in plan order.
#[derive(Debug, Clone)]
pub struct Report {
    pub dry_run: bool,
    pub plan: plan::Plan,
    pub steps: Vec<Applied>,
}

impl Report {
    pub fn changed(&self) -> bool {
        self.steps.iter().any(|s| s.changed)
    }

    /// The outcome of the step on `target` for `resource`.
    pub fn step(&self, target: Target, resource: &str) -> Option<&Applied> {
        self.steps
            .iter()
            .find(|s| s.target == target && s.resource == resource)
    }
}

fn action_of(before: Option<&Value>, after: Option<&Value>, same: bool) -> Option<ChangeAction> {
    match (before, after) {
        _ if same => None,
        (None, None) => None,
        (None, Some(_)) => Some(ChangeAction::Create),
        (Some(_), None) => Some(ChangeAction::Delete),
        (Some(_), Some(_)) => Some(ChangeAction::Update),
    }
}

/// Apply a plan with every safeguard (see the module documentation).
pub async fn apply(aws: &Aws, printer: &Printer, opts: &Options, plan: Plan<'_>) -> Result<Report> {
    // Read and plan.
    let mut planned = plan::Plan::default();
    let mut firsts = Vec::with_capacity(plan.steps.len());
    for step in &plan.steps {
        let r = &step.resource;
        let before = r.read(aws).await?;
        let after = (step.edit)(before.as_ref())?;
        if let Some(a) = &after {
            r.check(a)?;
        }
        tracing::debug!(
            resource = r.id(),
            exists = before.is_some(),
            "read {}",
            r.target().label()
        );
        let same = r.same(before.as_ref(), after.as_ref());
        if let Some(action) = action_of(before.as_ref(), after.as_ref(), same) {
            planned.changes.push(plan::Change {
                target: r.target(),
                resource: r.id().to_string(),
                action,
                before: before.clone(),
                after: after.clone(),
            });
        }
        firsts.push((before, after, same));
    }

    // Print the plan; a dry run stops here.
    if opts.dry_run {
        printer.plan(&planned, true)?;
        let steps = plan
            .steps
            .iter()
            .zip(firsts)
            .map(|(s, (_, after, same))| Applied {
                target: s.resource.target(),
                resource: s.resource.id().to_string(),
                changed: !same,
                history_version: None,
                after,
            })
            .collect();
        return Ok(Report {
            dry_run: true,
            plan: planned,
            steps,
        });
    }
    if planned.is_empty() {
        let steps = plan
            .steps
            .iter()
            .zip(firsts)
            .map(|(s, (before, _, _))| Applied {
                target: s.resource.target(),
                resource: s.resource.id().to_string(),
                changed: false,
                history_version: None,
                after: before,
            })
            .collect();
        return Ok(Report {
            dry_run: false,
            plan: planned,
            steps,
        });
    }

    // Confirm a destructive plan, showing it.
    let destructive_delete = plan.steps.iter().zip(&firsts).find(|(s, (b, a, same))| {
        !same && b.is_some() && a.is_none() && s.resource.destructive_delete()
    });
    let question = plan.confirm.clone().or_else(|| {
        destructive_delete
            .map(|(s, _)| format!("delete {} {}", s.resource.target().label(), s.resource.id()))
    });
    if let Some(q) = question {
        confirm(printer, opts, &planned, &q)?;
    }

    // Lease every resource the plan changes (in key order, so two plans never deadlock).
    let mut keys: Vec<LeaseKey> = plan
        .steps
        .iter()
        .zip(&firsts)
        .filter(|(_, (_, _, same))| !same)
        .map(|(s, _)| {
            let mut k = s.resource.lease_key();
            if let Some(b) = &opts.lock_bucket {
                k.bucket = b.clone();
            }
            k
        })
        .collect();
    keys.sort();
    keys.dedup();
    let mut leases: Vec<Lease> = Vec::new();
    for k in &keys {
        match aws
            .acquire(&k.bucket, &k.resource, LeaseOptions::default())
            .await
        {
            Ok(l) => leases.push(l),
            Err(e) => {
                release(aws, &leases).await;
                return Err(e);
            }
        }
    }
    let result = apply_locked(aws, &plan, firsts).await;
    release(aws, &leases).await;
    let steps = result?;
    Ok(Report {
        dry_run: false,
        plan: planned,
        steps,
    })
}

async fn release(aws: &Aws, leases: &[Lease]) {
    for l in leases.iter().rev() {
        aws.release(l).await;
    }
}

type First = (Option<Value>, Option<Value>, bool);

/// Under the leases: re-read, re-plan onto another writer's state, keep, write, verify.
async fn apply_locked(aws: &Aws, plan: &Plan<'_>, firsts: Vec<First>) -> Result<Vec<Applied>> {
    let mut out = Vec::with_capacity(plan.steps.len());
    let mut store: Option<StateStore> = None;
    for (step, (before, after, same)) in plan.steps.iter().zip(firsts) {
        let r = &step.resource;
        let mut applied = Applied {
            target: r.target(),
            resource: r.id().to_string(),
            changed: false,
            history_version: None,
            after: before.clone(),
        };
        if same {
            out.push(applied);
            continue;
        }
        // Re-read just before writing: if another writer got in between, edit theirs.
        let fresh = r.read(aws).await?;
        let (base, desired) = if r.same(fresh.as_ref(), before.as_ref()) {
            (before, after)
        } else {
            tracing::info!(
                resource = r.id(),
                "{} changed since it was read; re-planning",
                r.target().label()
            );
            let d = (step.edit)(fresh.as_ref())?;
            if let Some(a) = &d {
                r.check(a)?;
            }
            (fresh, d)
        };
        if r.same(base.as_ref(), desired.as_ref()) {
            applied.after = base;
            out.push(applied);
            continue;
        }
        if let Some(key) = r.history_key() {
            if store.is_none() {
                store = Some(StateStore::open()?);
            }
            if let Some(s) = &store {
                let v = s.save(key, r.target(), &plan.reason, base.as_ref())?;
                tracing::debug!(resource = r.id(), version = v, "kept the previous state");
                applied.history_version = Some(v);
            }
        }
        match &desired {
            Some(d) => r.write(aws, d).await?,
            None => r.delete(aws).await?,
        }
        r.verify(aws, desired.as_ref()).await.map_err(|e| {
            match (applied.history_version, r.history_command()) {
                (Some(v), Some(cmd)) => e.hinted(format!(
                    "the previous state is kept as version {v}: `{cmd}`"
                )),
                _ => e,
            }
        })?;
        tracing::debug!(
            resource = r.id(),
            "verified: the state read back is the one written"
        );
        applied.changed = true;
        applied.after = desired;
        out.push(applied);
    }
    Ok(out)
}

/// Ask before a destructive plan: on a terminal, the plan and a y/N prompt; in a script, --yes
/// is required (exit 2 otherwise, nothing changed).
pub fn confirm(
    printer: &Printer,
    opts: &Options,
    planned: &plan::Plan,
    question: &str,
) -> Result<()> {
    if opts.yes {
        return Ok(());
    }
    if !printer.interactive() {
        return Err(input_error(format!(
            "refusing to {question} without confirmation: pass --yes (or run on a terminal to be asked)"
        )));
    }
    if printer.ask(planned, question)? {
        Ok(())
    } else {
        Err(failed("aborted: nothing was changed"))
    }
}
