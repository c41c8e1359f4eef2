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
pub mod athena_table;
pub mod bucket_policy;
pub mod event_rule;
pub mod iam_role;
pub mod inline_policy;
pub mod lambda_function;
pub mod lambda_permission;
pub mod policy;
pub mod route_table;
pub mod s3_object;
pub mod security_group;
pub mod sqs_queue;
pub mod subscription_target;
pub mod vpc_endpoint;

use crate::aws::lease::{LeaseGuard, LeaseOptions};
use crate::aws::Aws;
use crate::error::{failed, input_error, Delivery, Result};
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
    /// The lease that serialises writers of this resource. Kinds that live outside S3 (routes,
    /// IAM) have no bucket of their own: they are leased only when `--lock-bucket` names one.
    fn lease_key(&self) -> Option<LeaseKey>;
    /// The state as people read it in a plan, when JSON is not the clearest form (routes):
    /// (before, after) texts for the diff.
    fn display(&self, _before: Option<&Value>, _after: Option<&Value>) -> Option<(String, String)> {
        None
    }
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
    /// What differs between the state written and the one read back, for people ("Sid A
    /// appeared"); read with `before`, the state just before the write.
    fn differences(
        &self,
        _before: Option<&Value>,
        _written: Option<&Value>,
        _after: Option<&Value>,
    ) -> Option<String> {
        None
    }
    /// The command that shows it, for hints.
    fn show_command(&self) -> Option<String> {
        None
    }
    /// The credentials it is read, written and leased with, when not the plan's (a bucket of
    /// another account, through that account's role).
    fn own_aws(&self) -> Option<&Aws> {
        None
    }
}

/// A resource reached with other credentials than the plan's (`--account-role`): every read,
/// write, delete and its lease go through `aws`.
pub struct OnAws<'a> {
    aws: &'a Aws,
    inner: Box<dyn Resource + 'a>,
}

impl Resource for OnAws<'_> {
    fn target(&self) -> Target {
        self.inner.target()
    }
    fn id(&self) -> &str {
        self.inner.id()
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        self.inner.lease_key()
    }
    fn display(&self, before: Option<&Value>, after: Option<&Value>) -> Option<(String, String)> {
        self.inner.display(before, after)
    }
    fn history_key(&self) -> Option<&str> {
        self.inner.history_key()
    }
    fn history_command(&self) -> Option<String> {
        self.inner.history_command()
    }
    fn read<'b>(&'b self, _aws: &'b Aws) -> Fut<'b, Option<Value>> {
        self.inner.read(self.aws)
    }
    fn write<'b>(&'b self, _aws: &'b Aws, state: &'b Value) -> Fut<'b, ()> {
        self.inner.write(self.aws, state)
    }
    fn delete<'b>(&'b self, _aws: &'b Aws) -> Fut<'b, ()> {
        self.inner.delete(self.aws)
    }
    fn check(&self, after: &Value) -> Result<()> {
        self.inner.check(after)
    }
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        self.inner.same(a, b)
    }
    fn destructive_delete(&self) -> bool {
        self.inner.destructive_delete()
    }
    fn differences(
        &self,
        before: Option<&Value>,
        written: Option<&Value>,
        after: Option<&Value>,
    ) -> Option<String> {
        self.inner.differences(before, written, after)
    }
    fn show_command(&self) -> Option<String> {
        self.inner.show_command()
    }
    fn own_aws(&self) -> Option<&Aws> {
        Some(self.aws)
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

    /// Put `state` in place on an already boxed resource.
    pub fn boxed(resource: Box<dyn Resource + 'a>, state: Option<Value>) -> Self {
        Step {
            resource,
            edit: Box::new(move |_| Ok(state.clone())),
        }
    }

    /// The same step, its resource reached through `aws` instead of the plan's credentials.
    pub fn on(self, aws: &'a Aws) -> Self {
        Step {
            resource: Box::new(OnAws {
                aws,
                inner: self.resource,
            }),
            edit: self.edit,
        }
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

    /// One step per resource: the edits of steps on the same resource (several subscriptions'
    /// grants in one bucket policy) are applied one after the other, in plan order, so the plan
    /// shows each resource's change once.
    #[must_use]
    pub fn merged(self) -> Self {
        let mut groups: Vec<(Box<dyn Resource + 'a>, Vec<Edit<'a>>)> = Vec::new();
        for step in self.steps {
            let key = (step.resource.target(), step.resource.id().to_string());
            match groups
                .iter_mut()
                .find(|(r, _)| (r.target(), r.id().to_string()) == key)
            {
                Some((_, edits)) => edits.push(step.edit),
                None => groups.push((step.resource, vec![step.edit])),
            }
        }
        let steps = groups
            .into_iter()
            .map(|(resource, edits)| Step {
                resource,
                edit: Box::new(move |cur| {
                    let mut state = cur.cloned();
                    for e in &edits {
                        state = e(state.as_ref())?;
                    }
                    Ok(state)
                }),
            })
            .collect();
        Plan { steps, ..self }
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

/// How [`apply_with`] differs from [`apply`]: for plans over many resources (a declared lake).
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// How many resources are read at once while planning (1: one after the other, as
    /// [`apply`] does). Writes stay one at a time, in plan order.
    pub read_concurrency: usize,
    /// On a failure part-way, name in the error which resources were applied and which not.
    pub name_applied: bool,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            read_concurrency: 1,
            name_applied: false,
        }
    }
}

/// Apply a plan with every safeguard (see the module documentation).
pub async fn apply(aws: &Aws, printer: &Printer, opts: &Options, plan: Plan<'_>) -> Result<Report> {
    apply_with(aws, printer, opts, plan, Scale::default()).await
}

/// Read every step's resource (up to `concurrency` at once, results in plan order) and plan.
async fn read_plan(
    aws: &Aws,
    plan: &Plan<'_>,
    concurrency: usize,
) -> Result<(plan::Plan, Vec<First>)> {
    use futures::stream::{self, StreamExt, TryStreamExt};
    let firsts: Vec<First> = stream::iter(plan.steps.iter().map(|s| read_step(aws, s)))
        .buffered(concurrency.max(1))
        .try_collect()
        .await?;
    let mut planned = plan::Plan::default();
    for (step, (before, after, same)) in plan.steps.iter().zip(&firsts) {
        let r = &step.resource;
        if let Some(action) = action_of(before.as_ref(), after.as_ref(), *same) {
            planned.changes.push(plan::Change {
                target: r.target(),
                resource: r.id().to_string(),
                action,
                before: before.clone(),
                after: after.clone(),
                display: r.display(before.as_ref(), after.as_ref()),
            });
        }
    }
    Ok((planned, firsts))
}

/// Read one step's resource and plan its edit.
async fn read_step(aws: &Aws, step: &Step<'_>) -> Result<First> {
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
    Ok((before, after, same))
}

/// Only plan (what `--dry-run` does, without printing): read every resource, up to
/// `read_concurrency` at once, and return the report of what would change. Nothing is written.
pub async fn plan_only(aws: &Aws, plan: Plan<'_>, read_concurrency: usize) -> Result<Report> {
    let (planned, firsts) = read_plan(aws, &plan, read_concurrency).await?;
    Ok(dry_report(&plan, planned, firsts))
}

fn dry_report(plan: &Plan<'_>, planned: plan::Plan, firsts: Vec<First>) -> Report {
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
    Report {
        dry_run: true,
        plan: planned,
        steps,
    }
}

/// [`apply`], scaled: reads while planning are concurrent, and a failure part-way can name
/// what was applied (see [`Scale`]). Every other safeguard is the same.
pub async fn apply_with(
    aws: &Aws,
    printer: &Printer,
    opts: &Options,
    plan: Plan<'_>,
    scale: Scale,
) -> Result<Report> {
    // Read and plan.
    let (planned, firsts) = read_plan(aws, &plan, scale.read_concurrency).await?;

    // Print the plan; a dry run stops here.
    if opts.dry_run {
        printer.plan(&planned, true)?;
        return Ok(dry_report(&plan, planned, firsts));
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
    let lease_opts = LeaseOptions::from_env()?;
    let key_of = |s: &Step<'_>| match (s.resource.lease_key(), &opts.lock_bucket) {
        (Some(k), Some(b)) => Some(LeaseKey {
            bucket: b.clone(),
            ..k
        }),
        (None, Some(b)) => Some(LeaseKey {
            bucket: b.clone(),
            resource: s.resource.id().to_string(),
        }),
        (k, None) => k,
    };
    let mut keys: Vec<(LeaseKey, &Aws)> = plan
        .steps
        .iter()
        .zip(&firsts)
        .filter(|(_, (_, _, same))| !same)
        .filter_map(|(s, _)| {
            // A lease in --lock-bucket is the caller's; one in the resource's bucket is taken
            // with the credentials that reach the bucket.
            let kaws = match &opts.lock_bucket {
                Some(_) => aws,
                None => s.resource.own_aws().unwrap_or(aws),
            };
            key_of(s).map(|k| (k, kaws))
        })
        .collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    keys.dedup_by(|a, b| a.0 == b.0);
    let mut leases: Vec<(LeaseKey, LeaseGuard)> = Vec::new();
    for (k, kaws) in keys {
        match kaws.lease(&k.bucket, &k.resource, lease_opts).await {
            Ok(g) => leases.push((k, g)),
            Err(e) => {
                release(leases).await;
                return Err(lock_bucket_hint(e.into()));
            }
        }
    }
    let result = apply_locked(aws, &plan, firsts, &|s| {
        let k = key_of(s)?;
        leases.iter().find(|(x, _)| *x == k).map(|(_, g)| g)
    })
    .await;
    release(leases).await;
    let (steps, failure) = result;
    if let Some(e) = failure {
        return Err(if scale.name_applied {
            name_applied(e, &plan, &steps)
        } else {
            e
        });
    }
    Ok(Report {
        dry_run: false,
        plan: planned,
        steps,
    })
}

/// A lease that cannot be taken for lack of permissions can be moved to another bucket.
fn lock_bucket_hint(e: crate::error::CliError) -> crate::error::CliError {
    if e.message.starts_with("s3:PutObject (lease) failed") {
        e.hinted("or keep the lease in another bucket with --lock-bucket")
    } else {
        e
    }
}

async fn release(leases: Vec<(LeaseKey, LeaseGuard)>) {
    for (_, g) in leases.into_iter().rev() {
        g.release().await;
    }
}

type First = (Option<Value>, Option<Value>, bool);

/// A failure part-way through a plan, with which resources were applied and which not (every
/// resource is at its old or its new state; the same plan again finishes the job).
fn name_applied(
    e: crate::error::CliError,
    plan: &Plan<'_>,
    done: &[Applied],
) -> crate::error::CliError {
    let applied: Vec<&str> = done
        .iter()
        .filter(|a| a.changed)
        .map(|a| a.resource.as_str())
        .collect();
    let pending = plan.steps.len().saturating_sub(done.len());
    let mut e = e.hinted(format!(
        "{} change(s) applied before the failure{}; {} step(s) not applied; every resource is at its old or its new state: run the same command again to finish",
        applied.len(),
        if applied.is_empty() {
            String::new()
        } else {
            format!(" ({})", applied.join(", "))
        },
        pending
    ));
    e.causes.push(format!("applied: {}", applied.join(", ")));
    e
}

/// Under the leases: re-read, re-plan onto another writer's state, keep, write, verify.
async fn apply_locked<'p>(
    aws: &Aws,
    plan: &'p Plan<'_>,
    firsts: Vec<First>,
    guard_of: &dyn Fn(&Step<'_>) -> Option<&'p LeaseGuard>,
) -> (Vec<Applied>, Option<crate::error::CliError>) {
    let mut out = Vec::with_capacity(plan.steps.len());
    let mut store: Option<StateStore> = None;
    for (step, first) in plan.steps.iter().zip(firsts) {
        match apply_step(aws, plan, step, first, guard_of, &mut store).await {
            Ok(a) => out.push(a),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

/// One step under its lease.
async fn apply_step<'p>(
    aws: &Aws,
    plan: &'p Plan<'_>,
    step: &Step<'_>,
    (before, after, same): First,
    guard_of: &dyn Fn(&Step<'_>) -> Option<&'p LeaseGuard>,
    store: &mut Option<StateStore>,
) -> Result<Applied> {
    {
        let r = &step.resource;
        let mut applied = Applied {
            target: r.target(),
            resource: r.id().to_string(),
            changed: false,
            history_version: None,
            after: before.clone(),
        };
        if same {
            return Ok(applied);
        }
        let guard = guard_of(step);
        // Prove the lease is held, then re-read: if another writer got in between, edit theirs.
        // In that order, the window from the re-read to the write (where an edit made with
        // another tool is overwritten unseen: S3 has no conditional write for policies) is one
        // round trip, not the longer of the lease check and the read (docs/pipeline.md).
        if let Some(g) = guard {
            g.check_held().await?;
        }
        let read_sent = std::time::Instant::now();
        let read_at = crate::state::now_rfc3339();
        let fresh = r.read(aws).await?;
        let read_answered = std::time::Instant::now();
        // What is kept in the history is the state just read, not the first read's.
        let (base, desired) = if r.same(fresh.as_ref(), before.as_ref()) {
            (fresh, after)
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
            return Ok(applied);
        }
        let mut keep =
            |state: Option<&Value>, reason: &str, read_at: &str| -> Result<Option<u32>> {
                let Some(key) = r.history_key() else {
                    return Ok(None);
                };
                if store.is_none() {
                    *store = Some(StateStore::open()?);
                }
                match &*store {
                    Some(s) => Ok(Some(s.save(
                        key,
                        r.target(),
                        reason,
                        state,
                        Some(read_at),
                    )?)),
                    None => Ok(None),
                }
            };
        let version = keep(base.as_ref(), &plan.reason, &read_at)?;
        tracing::debug!(
            resource = r.id(),
            version,
            "kept the previous state; writing"
        );
        applied.history_version = version;

        let write = || async {
            match &desired {
                Some(d) => r.write(aws, d).await,
                None => r.delete(aws).await,
            }
        };
        let write_sent = std::time::Instant::now();
        let written = match guard {
            Some(g) => g.write(write).await,
            None => write().await,
        };
        let window = Window {
            from: write_sent.duration_since(read_answered),
            to: std::time::Instant::now().duration_since(read_sent),
        };
        tracing::debug!(
            resource = r.id(),
            "window: the write was sent {} ms after the re-read was answered, and answered {} ms after the re-read was sent; an edit made with another tool in between is overwritten (history version {})",
            window.from.as_millis(),
            window.to.as_millis(),
            version.map_or_else(|| "none".to_string(), |v| v.to_string())
        );
        // Verify by reading back.
        let read_back = match (r.read(aws).await, written) {
            (Ok(a), Ok(())) => a,
            // No answer to the write, but the read-back shows it in place: it was applied.
            (Ok(a), Err(e))
                if e.delivery == Delivery::Unanswered && r.same(a.as_ref(), desired.as_ref()) =>
            {
                tracing::info!(resource = r.id(), "the write got no answer but is in place");
                a
            }
            (_, Err(e)) => return Err(e),
            (Err(e), Ok(())) => {
                let mut err = failed(format!(
                    "written, not verified: the {} of {} was written but could not be read back: {}",
                    r.target().label(),
                    r.id(),
                    e.message
                ));
                if let Some(cmd) = r.show_command() {
                    let kept = version
                        .map(|v| format!("; the previous state is kept as version {v}"))
                        .unwrap_or_default();
                    err = err.hinted(format!("check it with `{cmd}`{kept}"));
                }
                return Err(err);
            }
        };
        if !r.same(read_back.as_ref(), desired.as_ref()) {
            // Keep what another writer put there, so nothing of theirs can be lost for good.
            let kept = keep(
                read_back.as_ref(),
                &format!("{}: read back, changed by another writer", plan.reason),
                &crate::state::now_rfc3339(),
            )?;
            let what = r
                .differences(base.as_ref(), desired.as_ref(), read_back.as_ref())
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            let mut err = failed(format!(
                "possibly overwritten: the {} of {} changed while lakegate wrote it{what}",
                r.target().label(),
                r.id()
            ));
            if let (Some(k), Some(v), Some(cmd)) = (kept, version, r.history_command()) {
                err = err.hinted(format!(
                    "another writer changed it at the same time; the state read back is kept as version {k}, the one before lakegate's write as version {v} (`{cmd}`); run the command again to re-apply"
                ));
            }
            return Err(err);
        }
        tracing::debug!(
            resource = r.id(),
            "verified: the state read back is the one written"
        );
        applied.changed = true;
        applied.after = desired;
        Ok(applied)
    }
}

/// The window no lease can close, as measured around one write: an edit made with another tool
/// after the re-read was answered and before the write was applied is overwritten. It lies
/// within `from` (re-read answered → write sent) and `to` (re-read sent → write answered).
#[derive(Debug, Clone, Copy)]
struct Window {
    from: std::time::Duration,
    to: std::time::Duration,
}

/// Ask before a destructive plan: on a terminal, the plan and a y/N prompt; in a script, --yes
/// is required (exit 2 otherwise, nothing changed).
fn confirm(printer: &Printer, opts: &Options, planned: &plan::Plan, question: &str) -> Result<()> {
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
