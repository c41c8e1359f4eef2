//! One folder per noun, one file per verb. Helpers shared by several verbs live here.

pub mod access;
pub mod accessgrant;
pub mod accesspoint;
pub mod athena;
pub mod audit;
pub mod bucket;
pub mod completion;
pub mod doctor;
pub mod endpoint;
pub mod history;
pub mod lake;
pub mod plugin;
pub mod shared_args;
pub mod subscription;
pub mod whoami;

use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::bucket_policy::BucketPolicy;
use crate::apply::{Outcome, Plan, Step};
use crate::aws::Aws;
use crate::error::Result;
use crate::plan::ResourceKind;
use crate::policy::PolicyDocument;
use serde::Serialize;
use serde_json::Value;

/// The whole command tree as users see it (`help::command`), for the verbs that read it:
/// `completion` (static scripts), `plugin list` (the names a plugin cannot take) and `audit
/// schedule` (the report options it checks). The dispatcher hands it down: a verb never imports
/// the layer above it.
pub type CommandTree = fn() -> clap::Command;

/// What every verb gets: the session (settings, printer, AWS loaded on first use), which it
/// hands to the engines.
pub use crate::session::Session as Ctx;

/// A policy lakegate edits: a bucket policy or an access point policy.
#[derive(Debug, Clone)]
pub enum PolicyRef {
    Bucket {
        bucket: String,
        arn: String,
    },
    AccessPoint {
        account: String,
        name: String,
        arn: String,
        /// The bucket the access point serves (where its lease lives by default).
        bucket: String,
    },
}

impl PolicyRef {
    pub fn bucket(aws: &Aws, bucket: &str) -> Self {
        PolicyRef::Bucket {
            bucket: bucket.to_string(),
            arn: crate::policy::arn::bucket_arn(aws.partition, bucket),
        }
    }

    pub fn arn(&self) -> &str {
        match self {
            PolicyRef::Bucket { arn, .. } | PolicyRef::AccessPoint { arn, .. } => arn,
        }
    }

    pub fn target(&self) -> ResourceKind {
        match self {
            PolicyRef::Bucket { .. } => crate::apply::bucket_policy::KIND,
            PolicyRef::AccessPoint { .. } => crate::apply::access_point_policy::KIND,
        }
    }

    /// The pipeline step that makes `edit` to this policy, and the handle of its outcome.
    pub fn step<'a>(
        &self,
        edit: crate::apply::Edit<'a, PolicyDocument>,
    ) -> (Step<'a>, Outcome<PolicyDocument>) {
        match self.clone() {
            PolicyRef::Bucket { bucket, arn } => Step::watched(BucketPolicy { bucket, arn }, edit),
            PolicyRef::AccessPoint {
                account,
                name,
                arn,
                bucket,
            } => Step::watched(
                AccessPointPolicy {
                    account,
                    name,
                    arn,
                    bucket,
                },
                edit,
            ),
        }
    }
}

/// The result of a policy edit, printed as JSON/YAML for scripts.
#[derive(Debug, Clone, Serialize)]
pub struct EditResult {
    pub resource: String,
    pub target: ResourceKind,
    pub changed: bool,
    pub dry_run: bool,
    /// The history version that holds the document as it was before this change.
    pub history_version: Option<u32>,
    /// The policy now in place (null when there is none).
    pub policy: Option<Value>,
    /// Whether there was a policy before the change (the history version then records its
    /// absence, for rollback, and no document was kept).
    #[serde(skip)]
    pub had_policy: bool,
}

impl EditResult {
    /// The result of the step on a policy, from its outcome.
    pub fn of(
        report: &crate::apply::Report,
        pref: &PolicyRef,
        outcome: &Outcome<PolicyDocument>,
    ) -> Self {
        let done = outcome.get();
        EditResult {
            resource: pref.arn().to_string(),
            target: pref.target(),
            changed: done.as_ref().is_some_and(|d| d.changed),
            dry_run: report.dry_run,
            history_version: done.as_ref().and_then(|d| d.history_version),
            had_policy: done.as_ref().is_some_and(|d| d.before.is_some()),
            policy: done.and_then(|d| d.after).map(|d| d.to_value()),
        }
    }
}

/// Make a keyed edit to one policy through the pipeline. `names`: the principals and prefixes
/// the command names, so that the plan calls out access it changes beyond them.
///
/// `edit` is applied to the current document (an empty one when there is no policy); it must be
/// keyed (idempotent), because it is applied again if the policy changed since it was first read.
pub async fn edit_policy(
    ctx: &Ctx,
    pref: &PolicyRef,
    reason: &str,
    names: Option<(&[String], &[String])>,
    edit: impl Fn(&mut PolicyDocument) -> Result<()>,
) -> Result<EditResult> {
    let (step, outcome) = pref.step(crate::apply::policy::edit(edit));
    let mut plan = Plan::new(reason).step(step);
    if let Some((principals, prefixes)) = names {
        plan = plan.naming(principals, prefixes);
    }
    let report = ctx.apply(plan).await?;
    Ok(EditResult::of(&report, pref, &outcome))
}

/// Print an edit's result: the whole result for scripts, one line for people.
pub fn print_edit(ctx: &Ctx, r: &EditResult, done: &str, unchanged: &str) -> Result<()> {
    if r.dry_run {
        return Ok(()); // the plan was printed
    }
    ctx.printer.result(r, || {
        if r.changed {
            let kept = match r.history_version {
                Some(v) if r.had_policy => format!(" (previous document kept as version {v})"),
                Some(v) => format!(
                    " (there was no policy before; history version {v} records that, for rollback)"
                ),
                None => String::new(),
            };
            ctx.printer.done(format!("{done}{kept}"))
        } else {
            ctx.printer.done(unchanged)
        }
    })
}

pub use crate::values::input::{read_input, MAX_INPUT_BYTES};
