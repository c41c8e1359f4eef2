//! One folder per noun, one file per verb. Helpers shared by several verbs live here.

pub mod access;
pub mod accesspoint;
pub mod athena;
pub mod audit;
pub mod aws_settings;
pub mod bucket;
pub mod completion;
pub mod doctor;
pub mod endpoint;
pub mod evaluate;
pub mod history;
pub mod lake;
pub mod plugin;
pub mod shared_args;
pub mod subscription;
pub mod whoami;

use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::bucket_policy::BucketPolicy;
use crate::apply::{Plan, Step};
use crate::aws::Aws;
use crate::cli::GlobalArgs;
use crate::error::{input_error, Result};
use crate::output::Printer;
use crate::plan::Target;
use crate::policy::PolicyDocument;
use serde::Serialize;
use serde_json::Value;
use tokio::sync::OnceCell;

/// What every command gets: the global flags, the printer, and AWS (loaded on first use).
pub struct Ctx {
    pub global: GlobalArgs,
    pub printer: Printer,
    aws: OnceCell<Aws>,
}

impl Ctx {
    pub fn new(global: GlobalArgs, printer: Printer) -> Self {
        Ctx {
            global,
            printer,
            aws: OnceCell::new(),
        }
    }

    pub async fn aws(&self) -> Result<&Aws> {
        self.aws
            .get_or_try_init(|| async {
                // The lease settings come from the environment: refuse bad ones before any call.
                crate::aws::lease::LeaseOptions::from_env()?;
                let aws = Aws::load(&aws_settings::from_flags(&self.global))
                    .await
                    .map_err(|e| aws_settings::error(e, &self.global))?;
                if let Some(id) = &self.global.account_id {
                    crate::policy::arn::validate_account_id(id)
                        .map_err(|e| input_error(format!("--account-id: {e}")))?;
                    aws.set_account(id.clone());
                }
                Ok(aws)
            })
            .await
    }

    /// AWS, if a command has loaded it already.
    pub fn aws_loaded(&self) -> Option<&Aws> {
        self.aws.get()
    }

    pub async fn account(&self) -> Result<String> {
        Ok(self.aws().await?.account_id().await?)
    }

    /// How the pipeline applies plans, from the global flags.
    pub fn apply_options(&self) -> crate::apply::Options {
        crate::apply::Options {
            dry_run: self.global.dry_run,
            yes: self.global.yes,
            lock_bucket: self.global.lock_bucket.clone(),
        }
    }

    /// Hand a plan to the one change pipeline.
    pub async fn apply(&self, plan: crate::apply::Plan<'_>) -> Result<crate::apply::Report> {
        let aws = self.aws().await?;
        crate::apply::apply(aws, &self.printer, &self.apply_options(), plan).await
    }
}

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

    pub fn target(&self) -> Target {
        match self {
            PolicyRef::Bucket { .. } => Target::BucketPolicy,
            PolicyRef::AccessPoint { .. } => Target::AccessPointPolicy,
        }
    }

    /// The pipeline step that makes `edit` to this policy.
    pub fn step<'a>(&self, edit: crate::apply::Edit<'a>) -> Step<'a> {
        match self.clone() {
            PolicyRef::Bucket { bucket, arn } => Step::new(BucketPolicy { bucket, arn }, edit),
            PolicyRef::AccessPoint {
                account,
                name,
                arn,
                bucket,
            } => Step::new(
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
    pub target: Target,
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
    /// The result of the one step of a policy plan.
    pub fn of(report: &crate::apply::Report, pref: &PolicyRef) -> Self {
        let step = report.step(pref.target(), pref.arn());
        EditResult {
            resource: pref.arn().to_string(),
            target: pref.target(),
            changed: step.is_some_and(|s| s.changed),
            dry_run: report.dry_run,
            history_version: step.and_then(|s| s.history_version),
            policy: step.and_then(|s| s.after.clone()),
            had_policy: report
                .plan
                .changes
                .iter()
                .find(|c| c.target == pref.target() && c.resource == pref.arn())
                .is_some_and(|c| c.before.is_some()),
        }
    }
}

/// Make a keyed edit to one policy through the pipeline.
///
/// `edit` is applied to the current document (an empty one when there is no policy); it must be
/// keyed (idempotent), because it is applied again if the policy changed since it was first read.
pub async fn edit_policy(
    ctx: &Ctx,
    pref: &PolicyRef,
    reason: &str,
    edit: impl Fn(&mut PolicyDocument) -> Result<()>,
) -> Result<EditResult> {
    let plan = Plan::new(reason).step(pref.step(crate::apply::policy::edit(edit)));
    let report = ctx.apply(plan).await?;
    Ok(EditResult::of(&report, pref))
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

/// The most lakegate reads from one input file: four times AWS's largest limit on what such a
/// file can hold (EventBridge events and Athena queries: 256 KB; policies: 20 KB at most).
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;

/// Read a file argument (`-` is stdin) with an error that names the argument; at most
/// [`MAX_INPUT_BYTES`], so `/dev/zero` or a wrong file fails at once instead of filling memory.
pub fn read_input(arg: &str, path: &str) -> Result<String> {
    use std::io::Read;
    let what = if path == "-" {
        "stdin".to_string()
    } else {
        format!("'{path}'")
    };
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(path)
                .map_err(|e| input_error(format!("{arg}: cannot read {what}: {e}")))?,
        )
    };
    let mut buf = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| input_error(format!("{arg}: cannot read {what}: {e}")))?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(input_error(format!(
            "{arg}: {what} is larger than {} KiB, more than any event, query or policy AWS accepts",
            MAX_INPUT_BYTES / 1024
        )));
    }
    String::from_utf8(buf).map_err(|_| input_error(format!("{arg}: {what} is not UTF-8 text")))
}
