//! The one change pipeline. Every kind of resource lakegate changes implements [`Resource`]
//! (one file per kind in this folder, naming its [`ResourceKind`], with its state as its own
//! type: a policy is a `PolicyDocument` from read to write); every mutating verb builds a
//! [`Plan`] of [`Step`]s and hands it to [`apply`], which does, in this order:
//!
//! read → plan (with its access delta; print it) → guardrails → `--dry-run` stops → confirm
//! when destructive or when the delta removes access, gives access outside the account or lifts
//! a network restriction → lease → re-read and re-apply the keyed edit onto what another writer
//! left → history → write → verify → release.
//!
//! No verb performs any of these steps itself. A step hands its outcome back through the
//! [`Outcome`] it was added with ([`Plan::add`], [`Step::watched`]); no verb looks its steps up.

pub mod access;
pub mod access_grant;
pub mod access_grants_instance;
pub mod access_grants_location;
pub mod access_point;
pub mod access_point_policy;
pub mod athena_table;
pub mod bucket_policy;
pub mod event_rule;
pub mod event_source_mapping;
pub mod iam_role;
pub mod inline_policy;
pub mod lambda_function;
pub mod lambda_permission;
pub mod ordered;
pub mod policy;
pub mod route_table;
pub mod s3_object;
pub mod security_group;
pub mod sqs_queue;
pub mod subscription_target;
pub mod vpc_endpoint;

use crate::aws::lease::{LeaseGuard, LeaseOptions};
use crate::aws::Aws;
use crate::error::{failed, input_error, CliError, Delivery, Result};
use crate::output::Printer;
use crate::plan::{self, ChangeAction, Changes, ResourceKind};
use crate::policy::eval::delta::{Change, DeltaRow};
use crate::state::StateStore;
use futures::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

/// The future an AWS-facing step of a resource returns.
pub type Fut<'a, T> = LocalBoxFuture<'a, Result<T>>;

/// Where a resource's lease lives: an object in `bucket` named after `resource`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LeaseKey {
    pub bucket: String,
    pub resource: String,
}

/// One kind of thing lakegate changes, with its state as its own type ([`Resource::State`]: a
/// policy document, an access point's settings, a route table's routes); `None` means "does not
/// exist". The state is turned into JSON only where it leaves lakegate: the printed plan and
/// the kept history.
pub trait Resource {
    /// The state read, planned, written and read back.
    type State: Clone + PartialEq + Serialize + DeserializeOwned + 'static;
    /// The kind, as plans name it (declared in the kind's file).
    fn kind(&self) -> ResourceKind;
    /// The resource's id in plans, leases and history (an ARN or an AWS id).
    fn id(&self) -> &str;
    /// The lease that serialises writers of this resource. Kinds that live outside S3 (routes,
    /// IAM) have no bucket of their own: they are leased only when `--lock-bucket` names one.
    fn lease_key(&self) -> Option<LeaseKey>;
    /// The state as people read it in a plan, when JSON is not the clearest form (routes):
    /// (before, after) texts for the diff.
    fn display(
        &self,
        _before: Option<&Self::State>,
        _after: Option<&Self::State>,
    ) -> Option<(String, String)> {
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Self::State>>;
    /// Create or replace the state.
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Self::State) -> Fut<'a, ()>;
    /// Remove the resource.
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()>;
    /// Refuse a state AWS would refuse (sizes, limits), before any call.
    fn check(&self, _after: &Self::State) -> Result<()> {
        Ok(())
    }
    /// Whether two states are the same (the read-back after a write is compared with this).
    fn same(&self, a: Option<&Self::State>, b: Option<&Self::State>) -> bool {
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
        _before: Option<&Self::State>,
        _written: Option<&Self::State>,
        _after: Option<&Self::State>,
    ) -> Option<String> {
        None
    }
    /// The command that shows it, for hints.
    fn show_command(&self) -> Option<String> {
        None
    }
    /// What a state of it is to access (a bucket or access point policy, an access point), for
    /// the plan's access delta; None for kinds that decide no S3 request by themselves.
    fn access(&self, _state: Option<&Self::State>) -> Option<access::Part> {
        None
    }
    /// A network restriction the change from `before` to `after` lifts (routes to the
    /// internet put back), said in the confirmation question; None when it lifts none.
    fn lifts(&self, _before: Option<&Self::State>, _after: Option<&Self::State>) -> Option<String> {
        None
    }
}

/// The keyed edit of a step: from the current state (None: absent) to the desired one. It must be
/// idempotent, because it is applied again when another writer changed the resource meanwhile.
pub type Edit<'a, S> = Box<dyn Fn(Option<&S>) -> Result<Option<S>> + 'a>;

/// The edit that puts `state` in place, whatever is there now (a rollback, a delete with
/// `None`).
pub fn set<'a, S: Clone + 'a>(state: Option<S>) -> Edit<'a, S> {
    Box::new(move |_| Ok(state.clone()))
}

/// The edit that creates the resource with `state` when it does not exist, and leaves an
/// existing one alone.
pub fn ensure<'a, S: Clone + 'a>(state: S) -> Edit<'a, S> {
    Box::new(move |cur| Ok(Some(cur.cloned().unwrap_or_else(|| state.clone()))))
}

/// What a step did: whether it changed its resource (in a dry run: would change), the history
/// version that holds its state before the change, its state before (as last read) and its
/// state now (in a dry run: as planned).
#[derive(Debug, Clone)]
pub struct Done<S> {
    pub changed: bool,
    pub history_version: Option<u32>,
    pub before: Option<S>,
    pub after: Option<S>,
}

/// The handle a step hands its outcome back through: filled in when the plan is applied (or
/// planned only), empty when the pipeline stopped before it.
pub struct Outcome<S>(Rc<RefCell<Option<Done<S>>>>);

impl<S: Clone> Outcome<S> {
    fn new() -> Self {
        Outcome(Rc::new(RefCell::new(None)))
    }

    /// The step's outcome, once applied.
    pub fn get(&self) -> Option<Done<S>> {
        self.0.borrow().clone()
    }

    /// Whether the step changed (in a dry run: would change) its resource.
    pub fn changed(&self) -> bool {
        self.0.borrow().as_ref().is_some_and(|d| d.changed)
    }
}

impl<S> Clone for Outcome<S> {
    fn clone(&self) -> Self {
        Outcome(self.0.clone())
    }
}

impl<S> std::fmt::Debug for Outcome<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outcome")
    }
}

/// One resource and the edit to make to it.
pub struct Step<'a> {
    staged: Box<dyn Staged + 'a>,
    /// Steps on the same resource merged into this one ([`Plan::merged`]): their edits follow
    /// its own, in plan order, and their outcomes are its own.
    merged: Vec<Box<dyn Staged + 'a>>,
    /// The credentials its resource is reached with, when not the plan's ([`Step::on`]).
    aws: Option<&'a Aws>,
}

impl<'a> Step<'a> {
    pub fn new<R: Resource + 'a>(resource: R, edit: Edit<'a, R::State>) -> Self {
        Step::watched(resource, edit).0
    }

    /// The step and the handle its outcome comes back through.
    pub fn watched<R: Resource + 'a>(
        resource: R,
        edit: Edit<'a, R::State>,
    ) -> (Self, Outcome<R::State>) {
        let outcome = Outcome::new();
        let step = Step {
            staged: Box::new(Typed {
                resource,
                edit,
                outcome: outcome.clone(),
                first: None,
            }),
            merged: Vec::new(),
            aws: None,
        };
        (step, outcome)
    }

    /// Put `state` in place, whatever is there now (a rollback, a delete with `None`).
    pub fn set<R: Resource + 'a>(resource: R, state: Option<R::State>) -> Self {
        Step::new(resource, set(state))
    }

    /// Put a kept state (a history entry's JSON) in place.
    pub fn restore<R: Resource + 'a>(resource: R, kept: Option<Value>) -> Result<Self> {
        let state = match kept {
            Some(v) => Some(serde_json::from_value(v).map_err(|e| {
                failed(format!(
                    "cannot read the kept state of {} {}: {e}",
                    resource.kind().label,
                    resource.id()
                ))
            })?),
            None => None,
        };
        Ok(Step::set(resource, state))
    }

    /// Create the resource with `state` when it does not exist; leave an existing one alone.
    pub fn ensure<R: Resource + 'a>(resource: R, state: R::State) -> Self {
        Step::new(resource, ensure(state))
    }

    /// The same step, its resource reached through `aws` instead of the plan's credentials (a
    /// bucket of another account, through that account's role): every read, write, delete
    /// and its lease go through `aws`.
    #[must_use]
    pub fn on(mut self, aws: &'a Aws) -> Self {
        self.aws = Some(aws);
        self
    }

    /// Its resource's kind.
    pub fn kind(&self) -> ResourceKind {
        self.staged.kind()
    }

    /// Its resource's id.
    pub fn id(&self) -> &str {
        self.staged.id()
    }

    /// Whether its resource exists now.
    pub async fn exists(&self, aws: &Aws) -> Result<bool> {
        self.staged.exists(self.aws.unwrap_or(aws)).await
    }

    /// Read and plan (see [`Staged::plan`]).
    fn plan<'s>(&'s mut self, aws: &'s Aws) -> Fut<'s, Option<plan::Change>> {
        let aws = self.aws.unwrap_or(aws);
        self.staged.plan(aws, &self.merged)
    }

    fn settle_unwritten(&mut self, dry_run: bool) -> Applied {
        self.staged.settle_unwritten(dry_run, &self.merged)
    }

    async fn apply(
        &mut self,
        aws: &Aws,
        reason: &str,
        guard: Option<&LeaseGuard>,
        store: &mut Option<StateStore>,
    ) -> Result<Applied> {
        let aws = self.aws.unwrap_or(aws);
        self.staged
            .apply(aws, reason, guard, store, &self.merged)
            .await
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
    /// Who approved the plan's access changes already (a DataZone subscription): its delta is
    /// shown but not asked about. `confirm` and destructive deletes still ask.
    pub approved: Option<String>,
    /// The principals and prefixes the command names: the delta's rows beyond them are called
    /// out ("also changes access for …"). None: the command names none (a rollback, a lake
    /// file), and nothing is called out.
    pub names: Option<Names>,
    /// Checks of the planned access, run before anything is written (dry runs included).
    pub guard: Option<access::Guard<'a>>,
    /// The plan's own account of its access, from the planned access (see
    /// [`Plan::explained`]).
    pub explain: Option<access::Explain<'a>>,
}

/// What a command names: its principals (ARNs or 12-digit accounts) and prefixes (empty: the
/// whole bucket).
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub principals: Vec<String>,
    pub prefixes: Vec<String>,
}

impl<'a> Plan<'a> {
    pub fn new(reason: impl Into<String>) -> Self {
        Plan {
            reason: reason.into(),
            steps: Vec::new(),
            confirm: None,
            approved: None,
            names: None,
            guard: None,
            explain: None,
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

    /// Add a step and get the handle its outcome comes back through.
    pub fn add<R: Resource + 'a>(
        &mut self,
        resource: R,
        edit: Edit<'a, R::State>,
    ) -> Outcome<R::State> {
        let (step, outcome) = Step::watched(resource, edit);
        self.steps.push(step);
        outcome
    }

    /// One step per resource: the edits of steps on the same resource (several subscriptions'
    /// grants in one bucket policy) are applied one after the other, in plan order, so the plan
    /// shows each resource's change once. Every merged step's outcome is the resource's.
    #[must_use]
    pub fn merged(self) -> Self {
        let mut steps: Vec<Step<'a>> = Vec::new();
        for step in self.steps {
            let same = |s: &Step<'a>| {
                s.staged.kind() == step.staged.kind()
                    && s.staged.id() == step.staged.id()
                    && s.staged.state_type() == step.staged.state_type()
            };
            match steps.iter().position(same) {
                Some(i) => {
                    steps[i].merged.push(step.staged);
                    steps[i].merged.extend(step.merged);
                }
                None => steps.push(step),
            }
        }
        Plan { steps, ..self }
    }

    /// Mark the plan destructive, with the question to ask.
    #[must_use]
    pub fn confirming(mut self, question: impl Into<String>) -> Self {
        self.confirm = Some(question.into());
        self
    }

    /// The plan's access changes were approved already (`by`: where), so its delta is not asked
    /// about again.
    #[must_use]
    pub fn approved(mut self, by: impl Into<String>) -> Self {
        self.approved = Some(by.into());
        self
    }

    /// The principals and prefixes the command names (see [`Plan::names`]).
    #[must_use]
    pub fn naming(mut self, principals: &[String], prefixes: &[String]) -> Self {
        self.names = Some(Names {
            principals: principals.to_vec(),
            prefixes: prefixes.to_vec(),
        });
        self
    }

    /// Check the planned access before anything is written (guardrails): an error refuses the
    /// plan, in a dry run too.
    #[must_use]
    pub fn guarded(mut self, check: impl Fn(&[access::PlannedAccess]) -> Result<()> + 'a) -> Self {
        self.guard = Some(Box::new(check));
        self
    }

    /// Say what the plan does to access beyond what the delta reads (grants that replace the
    /// policy statements a migration removes): `explain` is given the planned access of every
    /// bucket (as the delta and guards are) and returns the JSON the plan document carries as
    /// `explanation` and the text printed after the delta, in dry runs and prompts too.
    #[must_use]
    pub fn explained(
        mut self,
        explain: impl Fn(&[access::PlannedAccess]) -> Result<(Value, String)> + 'a,
    ) -> Self {
        self.explain = Some(Box::new(explain));
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

/// One step as applied, for rows and summaries (its typed state comes back through its
/// [`Outcome`]).
#[derive(Debug, Clone)]
pub struct Applied {
    pub target: ResourceKind,
    pub resource: String,
    /// Whether it changed (or, in a dry run, would change).
    pub changed: bool,
    /// The history version that holds its state before this change.
    pub history_version: Option<u32>,
    /// Whether the resource exists now (in a dry run: as planned).
    pub exists: bool,
}

/// What `apply` did: the plan (as printed) and every step's outcome, in plan order.
#[derive(Debug, Clone)]
pub struct Report {
    pub dry_run: bool,
    pub plan: Changes,
    pub steps: Vec<Applied>,
    /// Per bucket the plan touches: its policies as read and as planned.
    pub access: Vec<access::PlannedAccess>,
}

impl Report {
    pub fn changed(&self) -> bool {
        self.steps.iter().any(|s| s.changed)
    }
}

fn action_of(existed: bool, exists: bool, same: bool) -> Option<ChangeAction> {
    match (existed, exists) {
        _ if same => None,
        (false, false) => None,
        (false, true) => Some(ChangeAction::Create),
        (true, false) => Some(ChangeAction::Delete),
        (true, true) => Some(ChangeAction::Update),
    }
}

/// A state as it leaves lakegate (the printed plan, the kept history): JSON.
fn json<S: Serialize>(state: Option<&S>) -> Result<Option<Value>> {
    state
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| failed(format!("cannot render a state as JSON: {e}")))
}

/// A step as the pipeline drives it, whatever its resource's kind. `merged` are the steps on
/// the same resource merged into it (same kind, id and state type): their edits follow its own
/// and their outcomes are its own.
trait Staged {
    fn kind(&self) -> ResourceKind;
    fn id(&self) -> &str;
    fn lease_key(&self) -> Option<LeaseKey>;
    fn destructive_delete(&self) -> bool;
    fn state_type(&self) -> TypeId;
    fn exists<'s>(&'s self, aws: &'s Aws) -> Fut<'s, bool>;
    /// Make its edit on `state`, an `Option` of its own kind's state (a merged step's edit).
    fn edit_any(&self, state: &mut dyn Any) -> Result<()>;
    /// Hand `done`, a `Done` of its own kind's state, back through its outcome (a merged
    /// step's outcome).
    fn settle_any(&self, done: &dyn Any);
    /// Read and plan the edit; the change it makes, if any.
    fn plan<'s>(
        &'s mut self,
        aws: &'s Aws,
        merged: &'s [Box<dyn Staged + 's>],
    ) -> Fut<'s, Option<plan::Change>>;
    /// As planned: whether it changes nothing.
    fn unchanged(&self) -> bool;
    /// As planned: whether it deletes the resource.
    fn deletes(&self) -> bool;
    /// As planned: what its state before and after is to access.
    fn access(&self) -> Option<(access::Part, access::Part)>;
    /// As planned: the network restriction it lifts, if any.
    fn lifts(&self) -> Option<String>;
    /// Its outcome without a write: as planned (a dry run) or as read (nothing to do).
    fn settle_unwritten(&mut self, dry_run: bool, merged: &[Box<dyn Staged + '_>]) -> Applied;
    /// Under its lease: re-read, re-plan onto another writer's state, keep, write, verify.
    fn apply<'s>(
        &'s mut self,
        aws: &'s Aws,
        reason: &'s str,
        guard: Option<&'s LeaseGuard>,
        store: &'s mut Option<StateStore>,
        merged: &'s [Box<dyn Staged + 's>],
    ) -> Fut<'s, Applied>;
}

/// The state read first, the one planned, and whether they are the same.
struct First<S> {
    before: Option<S>,
    after: Option<S>,
    same: bool,
}

struct Typed<'a, R: Resource> {
    resource: R,
    edit: Edit<'a, R::State>,
    outcome: Outcome<R::State>,
    first: Option<First<R::State>>,
}

impl<'a, R: Resource + 'a> Typed<'a, R> {
    /// Its edit and the merged steps' applied in order onto `cur`, checked.
    fn edited(
        &self,
        cur: Option<&R::State>,
        merged: &[Box<dyn Staged + '_>],
    ) -> Result<Option<R::State>> {
        let mut state = (self.edit)(cur)?;
        for m in merged {
            m.edit_any(&mut state)?;
        }
        if let Some(a) = &state {
            self.resource.check(a)?;
        }
        Ok(state)
    }

    /// Hand the outcome back (its own, and the merged steps').
    fn settled(&self, done: Done<R::State>, merged: &[Box<dyn Staged + '_>]) -> Applied {
        for m in merged {
            m.settle_any(&done);
        }
        let applied = Applied {
            target: self.resource.kind(),
            resource: self.resource.id().to_string(),
            changed: done.changed,
            history_version: done.history_version,
            exists: done.after.is_some(),
        };
        *self.outcome.0.borrow_mut() = Some(done);
        applied
    }

    /// Keep `state` in the history (kinds that are restorable), returning its version.
    fn keep(
        &self,
        store: &mut Option<StateStore>,
        state: Option<&R::State>,
        reason: &str,
        read_at: &str,
    ) -> Result<Option<u32>> {
        let r = &self.resource;
        let Some(key) = r.history_key() else {
            return Ok(None);
        };
        if store.is_none() {
            *store = Some(StateStore::open()?);
        }
        match &*store {
            Some(s) => Ok(Some(s.save(
                key,
                r.kind(),
                reason,
                json(state)?.as_ref(),
                Some(read_at),
            )?)),
            None => Ok(None),
        }
    }

    async fn apply_typed(
        &mut self,
        aws: &Aws,
        reason: &str,
        guard: Option<&LeaseGuard>,
        store: &mut Option<StateStore>,
        merged: &[Box<dyn Staged + '_>],
    ) -> Result<Applied> {
        let Some(First {
            before,
            after,
            same,
        }) = self.first.take()
        else {
            return Err(failed(
                "internal error: a step was applied before it was planned",
            ));
        };
        if same {
            return Ok(self.settled(
                Done {
                    changed: false,
                    history_version: None,
                    before: before.clone(),
                    after: before,
                },
                merged,
            ));
        }
        let r = &self.resource;
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
                r.kind().label
            );
            let d = self.edited(fresh.as_ref(), merged)?;
            (fresh, d)
        };
        if r.same(base.as_ref(), desired.as_ref()) {
            return Ok(self.settled(
                Done {
                    changed: false,
                    history_version: None,
                    before: base.clone(),
                    after: base,
                },
                merged,
            ));
        }
        let version = self.keep(store, base.as_ref(), reason, &read_at)?;
        tracing::debug!(
            resource = r.id(),
            version,
            "kept the previous state; writing"
        );

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
                    r.kind().label,
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
            let kept = self.keep(
                store,
                read_back.as_ref(),
                &format!("{reason}: read back, changed by another writer"),
                &crate::state::now_rfc3339(),
            )?;
            let what = r
                .differences(base.as_ref(), desired.as_ref(), read_back.as_ref())
                .map(|w| format!(" ({w})"))
                .unwrap_or_default();
            let mut err = failed(format!(
                "possibly overwritten: the {} of {} changed while lakegate wrote it{what}",
                r.kind().label,
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
        Ok(self.settled(
            Done {
                changed: true,
                history_version: version,
                before: base,
                after: desired,
            },
            merged,
        ))
    }
}

impl<'a, R: Resource + 'a> Staged for Typed<'a, R> {
    fn kind(&self) -> ResourceKind {
        self.resource.kind()
    }
    fn id(&self) -> &str {
        self.resource.id()
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        self.resource.lease_key()
    }
    fn destructive_delete(&self) -> bool {
        self.resource.destructive_delete()
    }
    fn state_type(&self) -> TypeId {
        TypeId::of::<R::State>()
    }
    fn exists<'s>(&'s self, aws: &'s Aws) -> Fut<'s, bool> {
        Box::pin(async move { Ok(self.resource.read(aws).await?.is_some()) })
    }
    fn edit_any(&self, state: &mut dyn Any) -> Result<()> {
        let Some(s) = state.downcast_mut::<Option<R::State>>() else {
            return Err(failed(
                "internal error: a merged step was given another kind's state",
            ));
        };
        *s = (self.edit)(s.as_ref())?;
        Ok(())
    }
    fn settle_any(&self, done: &dyn Any) {
        if let Some(d) = done.downcast_ref::<Done<R::State>>() {
            *self.outcome.0.borrow_mut() = Some(d.clone());
        }
    }
    fn plan<'s>(
        &'s mut self,
        aws: &'s Aws,
        merged: &'s [Box<dyn Staged + 's>],
    ) -> Fut<'s, Option<plan::Change>> {
        Box::pin(async move {
            let r = &self.resource;
            let before = r.read(aws).await?;
            let after = self.edited(before.as_ref(), merged)?;
            tracing::debug!(
                resource = r.id(),
                exists = before.is_some(),
                "read {}",
                r.kind().label
            );
            let same = r.same(before.as_ref(), after.as_ref());
            let change = match action_of(before.is_some(), after.is_some(), same) {
                Some(action) => Some(plan::Change {
                    target: r.kind(),
                    resource: r.id().to_string(),
                    action,
                    before: json(before.as_ref())?,
                    after: json(after.as_ref())?,
                    display: r.display(before.as_ref(), after.as_ref()),
                }),
                None => None,
            };
            self.first = Some(First {
                before,
                after,
                same,
            });
            Ok(change)
        })
    }
    fn unchanged(&self) -> bool {
        self.first.as_ref().is_none_or(|f| f.same)
    }
    fn deletes(&self) -> bool {
        self.first
            .as_ref()
            .is_some_and(|f| !f.same && f.before.is_some() && f.after.is_none())
    }
    fn access(&self) -> Option<(access::Part, access::Part)> {
        let f = self.first.as_ref()?;
        Some((
            self.resource.access(f.before.as_ref())?,
            self.resource.access(f.after.as_ref())?,
        ))
    }
    fn lifts(&self) -> Option<String> {
        let f = self.first.as_ref().filter(|f| !f.same)?;
        self.resource.lifts(f.before.as_ref(), f.after.as_ref())
    }
    fn settle_unwritten(&mut self, dry_run: bool, merged: &[Box<dyn Staged + '_>]) -> Applied {
        let (changed, before, after) = match self.first.take() {
            Some(f) if dry_run => (!f.same, f.before, f.after),
            Some(f) => (false, f.before.clone(), f.before),
            None => (false, None, None),
        };
        self.settled(
            Done {
                changed,
                history_version: None,
                before,
                after,
            },
            merged,
        )
    }
    fn apply<'s>(
        &'s mut self,
        aws: &'s Aws,
        reason: &'s str,
        guard: Option<&'s LeaseGuard>,
        store: &'s mut Option<StateStore>,
        merged: &'s [Box<dyn Staged + 's>],
    ) -> Fut<'s, Applied> {
        Box::pin(self.apply_typed(aws, reason, guard, store, merged))
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

/// Read every step's resource (up to `concurrency` at once, in plan order) and plan: the
/// changes, the planned access of every bucket a policy step touches and its delta; then the
/// plan's guard checks the planned access.
async fn read_plan(
    aws: &Aws,
    plan: &mut Plan<'_>,
    concurrency: usize,
) -> Result<(Changes, Vec<access::PlannedAccess>)> {
    use futures::stream::{self, StreamExt, TryStreamExt};
    let changes: Vec<Option<plan::Change>> =
        stream::iter(plan.steps.iter_mut().map(|s| s.plan(aws)))
            .buffered(concurrency.max(1))
            .try_collect()
            .await?;
    let mut planned = Changes {
        changes: changes.into_iter().flatten().collect(),
        ..Changes::default()
    };
    let parts: Vec<(access::Part, access::Part, &Aws)> = plan
        .steps
        .iter()
        .filter_map(|s| {
            let (b, a) = s.staged.access()?;
            Some((b, a, s.aws.unwrap_or(aws)))
        })
        .collect();
    let mut planned_access = Vec::new();
    if !parts.is_empty() {
        let changes_access = parts.iter().any(|(b, a, _)| b != a);
        if changes_access || plan.guard.is_some() || plan.explain.is_some() {
            planned_access = access::planned(parts).await;
        }
        let d = access::delta(&planned_access);
        if let Some(names) = &plan.names {
            planned.also_changes = also_changes(names, &d.rows, aws.partition);
        }
        planned.delta = Some(d.rows);
        planned.delta_notes = d.notes;
    }
    if let Some(check) = &plan.guard {
        check(&planned_access)?;
    }
    if let Some(explain) = &plan.explain {
        let (value, text) = explain(&planned_access)?;
        planned.explanation = Some(value);
        planned.explanation_text = text;
    }
    Ok((planned, planned_access))
}

/// The delta's rows beyond what the command names, one line per principal.
fn also_changes(names: &Names, rows: &[DeltaRow], partition: &str) -> Vec<String> {
    use crate::policy::eval::exact::PrincipalClass;
    use crate::policy::eval::keyset::KeySet;
    let root = |p: &str| {
        if p.len() == 12 && p.bytes().all(|b| b.is_ascii_digit()) {
            format!("arn:{partition}:iam::{p}:root")
        } else {
            p.to_string()
        }
    };
    let named = |r: &DeltaRow| {
        names.principals.iter().any(|p| {
            let p = root(p);
            r.principal == p
                || match &r.class {
                    PrincipalClass::AnyIn(a) | PrincipalClass::Root(a) => {
                        p == format!("arn:{partition}:iam::{a}:root")
                    }
                    _ => false,
                }
        })
    };
    let under = if names.prefixes.is_empty() || names.prefixes.iter().any(String::is_empty) {
        KeySet::all()
    } else {
        names
            .prefixes
            .iter()
            .fold(KeySet::empty(), |u, p| u.union(&KeySet::prefix(p)))
    };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for r in rows {
        if named(r) && r.set.is_subset(&under).unwrap_or(false) {
            continue;
        }
        let what = format!(
            "{} {} on {} through {}",
            r.change.as_str(),
            r.access.as_str(),
            r.keys.join(", "),
            r.route
        );
        match out.iter_mut().find(|(p, _)| *p == r.principal) {
            Some((_, v)) => v.push(what),
            None => out.push((r.principal.clone(), vec![what])),
        }
    }
    out.into_iter()
        .map(|(p, v)| format!("{p} ({})", v.join("; ")))
        .collect()
}

/// The question a plan's access delta asks (None: it removes no access, gives none outside the
/// account and lifts no network restriction).
fn delta_question(planned: &Changes, lifted: &[String]) -> Option<String> {
    let rows = planned.delta.as_deref().unwrap_or_default();
    let first = |f: &dyn Fn(&DeltaRow) -> bool| -> Option<(String, usize)> {
        let v: Vec<&DeltaRow> = rows.iter().filter(|r| f(r)).collect();
        let r = v.first()?;
        Some((
            format!(
                "{} {} {} on {} through {}",
                r.principal,
                if r.change == Change::Lost {
                    "loses"
                } else {
                    "gains"
                },
                r.access.as_str(),
                r.keys.join(", "),
                r.route
            ),
            v.len(),
        ))
    };
    let more = |n: usize| {
        if n > 1 {
            format!(", and {} more", n - 1)
        } else {
            String::new()
        }
    };
    let mut why = Vec::new();
    if let Some((r, n)) = first(&|r| r.change == Change::Lost) {
        why.push(format!("removes access ({r}{})", more(n)));
    }
    if let Some((r, n)) = first(&|r| r.change == Change::Gained && r.external) {
        why.push(format!("gives access outside the account ({r}{})", more(n)));
    }
    if let Some((r, n)) = first(&DeltaRow::lifts_network_restriction) {
        why.push(format!("lifts a network restriction ({r}{})", more(n)));
    }
    for l in lifted {
        why.push(format!("lifts a network restriction ({l})"));
    }
    if why.is_empty() {
        None
    } else {
        Some(format!("apply a plan that {}", why.join(" and ")))
    }
}

/// Only plan (what `--dry-run` does, without printing): read every resource, up to
/// `read_concurrency` at once, and return the report of what would change. Nothing is written.
pub async fn plan_only(aws: &Aws, mut plan: Plan<'_>, read_concurrency: usize) -> Result<Report> {
    let (planned, access) = read_plan(aws, &mut plan, read_concurrency).await?;
    Ok(unwritten_report(plan, planned, access, true))
}

fn unwritten_report(
    plan: Plan<'_>,
    planned: Changes,
    access: Vec<access::PlannedAccess>,
    dry_run: bool,
) -> Report {
    let steps = plan
        .steps
        .into_iter()
        .map(|mut s| s.settle_unwritten(dry_run))
        .collect();
    Report {
        dry_run,
        plan: planned,
        steps,
        access,
    }
}

/// [`apply`], scaled: reads while planning are concurrent, and a failure part-way can name
/// what was applied (see [`Scale`]). Every other safeguard is the same.
pub async fn apply_with(
    aws: &Aws,
    printer: &Printer,
    opts: &Options,
    mut plan: Plan<'_>,
    scale: Scale,
) -> Result<Report> {
    // Read and plan (with the access delta; the guard checks the planned access).
    let (planned, access) = read_plan(aws, &mut plan, scale.read_concurrency).await?;

    // Print the plan; a dry run stops here.
    if opts.dry_run {
        printer.plan(&planned, true)?;
        return Ok(unwritten_report(plan, planned, access, true));
    }
    if planned.is_empty() {
        return Ok(unwritten_report(plan, planned, access, false));
    }

    // Confirm a destructive plan, showing it: a delete, a question the verb asks, or what the
    // access delta says (access removed, given outside the account, a network restriction
    // lifted) unless the plan's access changes were approved already.
    let destructive_delete = plan
        .steps
        .iter()
        .find(|s| s.staged.deletes() && s.staged.destructive_delete());
    let lifted: Vec<String> = plan.steps.iter().filter_map(|s| s.staged.lifts()).collect();
    let question = plan
        .confirm
        .clone()
        .or_else(|| destructive_delete.map(|s| format!("delete {} {}", s.kind().label, s.id())))
        .or_else(|| {
            plan.approved
                .is_none()
                .then(|| delta_question(&planned, &lifted))
                .flatten()
        });
    if let Some(q) = question {
        confirm(printer, opts, &planned, &q).await?;
    }

    // Lease every resource the plan changes (in key order, so two plans never deadlock).
    let lease_opts = LeaseOptions::from_env()?;
    let key_of = |s: &Step<'_>| match (s.staged.lease_key(), &opts.lock_bucket) {
        (Some(k), Some(b)) => Some(LeaseKey {
            bucket: b.clone(),
            ..k
        }),
        (None, Some(b)) => Some(LeaseKey {
            bucket: b.clone(),
            resource: s.id().to_string(),
        }),
        (k, None) => k,
    };
    let mut keys: Vec<(LeaseKey, &Aws)> = plan
        .steps
        .iter()
        .filter(|s| !s.staged.unchanged())
        .filter_map(|s| {
            // A lease in --lock-bucket is the caller's; one in the resource's bucket is taken
            // with the credentials that reach the bucket.
            let kaws = match &opts.lock_bucket {
                Some(_) => aws,
                None => s.aws.unwrap_or(aws),
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
                return Err(lock_bucket_hint(e));
            }
        }
    }

    // Under the leases: every step in plan order; the first failure stops the plan.
    let total = plan.steps.len();
    let mut steps = Vec::with_capacity(total);
    let mut failure = None;
    let mut store: Option<StateStore> = None;
    for step in plan.steps.iter_mut() {
        let guard = key_of(step).and_then(|k| leases.iter().find(|(x, _)| *x == k).map(|(_, g)| g));
        match step.apply(aws, &plan.reason, guard, &mut store).await {
            Ok(a) => steps.push(a),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    release(leases).await;
    if let Some(e) = failure {
        return Err(if scale.name_applied {
            name_applied(e, total, &steps)
        } else {
            e
        });
    }
    Ok(Report {
        dry_run: false,
        plan: planned,
        steps,
        access,
    })
}

/// A lease that cannot be taken because S3 refused its PutObject (permissions, a bucket policy)
/// can be moved to another bucket.
fn lock_bucket_hint(e: crate::aws::Error) -> CliError {
    // S3 answered (with an error code), or the request failed otherwise than by a timeout or
    // an unreachable endpoint.
    let refused = e.op.as_deref() == Some(crate::aws::lease::LEASE_PUT)
        && (e.code.is_some() || e.kind == crate::aws::ErrorKind::Other);
    let e = CliError::from(e);
    if refused {
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

/// A failure part-way through a plan of `total` steps, with which resources were applied and
/// which not (every resource is at its old or its new state; the same plan again finishes the
/// job).
fn name_applied(e: CliError, total: usize, done: &[Applied]) -> CliError {
    let applied: Vec<&str> = done
        .iter()
        .filter(|a| a.changed)
        .map(|a| a.resource.as_str())
        .collect();
    let pending = total.saturating_sub(done.len());
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

/// Ask before a destructive plan: on a terminal, the plan and a y/N prompt; in a script, --yes
/// is required (exit 2 otherwise, nothing changed).
async fn confirm(
    printer: &Printer,
    opts: &Options,
    planned: &Changes,
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
    if printer.ask(planned, question).await? {
        Ok(())
    } else {
        Err(failed("aborted: nothing was changed"))
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
