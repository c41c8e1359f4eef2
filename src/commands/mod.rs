//! One folder per noun, one file per verb. Helpers shared by several verbs live here.

pub mod access;
pub mod accesspoint;
pub mod athena;
pub mod audit;
pub mod aws_settings;
pub mod bucket;
pub mod completion;
pub mod endpoint;
pub mod history;
pub mod plugin;
pub mod subscription;

use crate::aws::lease::LeaseGuard;
use crate::aws::Aws;
use crate::cli::GlobalArgs;
use crate::error::{failed, input_error, Delivery, Result};
use crate::output::Printer;
use crate::plan::{Plan, Target};
use crate::policy::PolicyDocument;
use crate::state::StateStore;
use crate::verify::ReadBack;
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, IsTerminal, Write};
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
        self.aws().await?.account_id().await
    }

    /// Ask before a destructive change: on a terminal, a y/N prompt; in a script, --yes is required.
    pub fn confirm(&self, what: &str) -> Result<()> {
        if self.global.yes {
            return Ok(());
        }
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(input_error(format!(
                "refusing to {what} without confirmation: pass --yes (or run on a terminal to be asked)"
            )));
        }
        let mut chars = what.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        eprint!("{capitalised}? [y/N] ");
        std::io::stderr().flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        if matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            Ok(())
        } else {
            Err(failed("aborted: nothing was changed"))
        }
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

    /// The bucket that holds this policy's lease: --lock-bucket, else the governed bucket.
    pub fn lock_bucket<'a>(&'a self, ctx: &'a Ctx) -> &'a str {
        if let Some(b) = &ctx.global.lock_bucket {
            return b;
        }
        match self {
            PolicyRef::Bucket { bucket, .. } | PolicyRef::AccessPoint { bucket, .. } => bucket,
        }
    }

    pub fn target(&self) -> Target {
        match self {
            PolicyRef::Bucket { .. } => Target::BucketPolicy,
            PolicyRef::AccessPoint { .. } => Target::AccessPointPolicy,
        }
    }

    pub async fn read(&self, aws: &Aws) -> Result<Option<PolicyDocument>> {
        match self {
            PolicyRef::Bucket { bucket, .. } => aws.bucket_policy(bucket).await,
            PolicyRef::AccessPoint { account, name, .. } => {
                aws.access_point_policy(account, name).await
            }
        }
    }

    /// Write the document, or delete the policy when there is no document or it has no statement.
    pub async fn write(&self, aws: &Aws, doc: Option<&PolicyDocument>) -> Result<()> {
        let doc = doc.filter(|d| !d.is_empty());
        match (self, doc) {
            (PolicyRef::Bucket { bucket, .. }, Some(d)) => aws.put_bucket_policy(bucket, d).await,
            (PolicyRef::Bucket { bucket, .. }, None) => aws.delete_bucket_policy(bucket).await,
            (PolicyRef::AccessPoint { account, name, .. }, Some(d)) => {
                aws.put_access_point_policy(account, name, d).await
            }
            (PolicyRef::AccessPoint { account, name, .. }, None) => {
                aws.delete_access_point_policy(account, name).await
            }
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
}

fn same(a: Option<&PolicyDocument>, b: Option<&PolicyDocument>) -> bool {
    let a = a.filter(|d| !d.is_empty());
    let b = b.filter(|d| !d.is_empty());
    a.map(PolicyDocument::to_value) == b.map(PolicyDocument::to_value)
}

/// The mutation pipeline for one policy: read → plan → (dry-run: print and stop) → re-read →
/// keep the old document → apply → read back and verify.
///
/// `edit` is applied to the current document (an empty one when there is no policy); it must be
/// keyed (idempotent), because it is applied again if the policy changed since it was first read.
pub async fn edit_policy(
    ctx: &Ctx,
    pref: &PolicyRef,
    reason: &str,
    edit: impl Fn(&mut PolicyDocument) -> Result<()>,
) -> Result<EditResult> {
    let aws = ctx.aws().await?;
    let current = pref.read(aws).await?;
    tracing::debug!(
        resource = pref.arn(),
        exists = current.is_some(),
        "read {}",
        pref.target().label()
    );
    let mut desired = current.clone().unwrap_or_default();
    edit(&mut desired)?;
    let mut plan = Plan::default();
    plan.policy(pref.target(), pref.arn(), current.as_ref(), &desired);
    plan.check_sizes()?;

    if ctx.global.dry_run {
        plan.print(&ctx.printer)?;
        return Ok(EditResult {
            resource: pref.arn().to_string(),
            target: pref.target(),
            changed: !plan.is_empty(),
            dry_run: true,
            history_version: None,
            policy: (!desired.is_empty()).then(|| desired.to_value()),
        });
    }
    if plan.is_empty() {
        return Ok(EditResult {
            resource: pref.arn().to_string(),
            target: pref.target(),
            changed: false,
            dry_run: false,
            history_version: None,
            policy: current.as_ref().map(PolicyDocument::to_value),
        });
    }

    // Serialise writers of this policy across processes and machines, then apply.
    let lease = aws
        .lease(
            pref.lock_bucket(ctx),
            pref.arn(),
            crate::aws::lease::LeaseOptions::from_env()?,
        )
        .await
        .map_err(lock_bucket_hint)?;
    let result = apply_locked(&lease, aws, pref, reason, current, desired, &edit).await;
    lease.release().await;
    result
}

/// The part of the pipeline that runs under the lease: re-read, keep, write, verify.
async fn apply_locked(
    lease: &LeaseGuard,
    aws: &Aws,
    pref: &PolicyRef,
    reason: &str,
    current: Option<PolicyDocument>,
    desired: PolicyDocument,
    edit: &dyn Fn(&mut PolicyDocument) -> Result<()>,
) -> Result<EditResult> {
    // Re-read just before writing (while proving the lease is held, to keep the window between
    // the read and the write as short as it can be): if another writer got in between, apply
    // the edit to theirs.
    let (held, fresh) = tokio::join!(lease.check_held(), pref.read(aws));
    held?;
    let fresh = fresh?;
    let (base, desired) = if same(fresh.as_ref(), current.as_ref()) {
        (current, desired)
    } else {
        tracing::info!(
            resource = pref.arn(),
            "policy changed since it was read; re-planning"
        );
        let mut d = fresh.clone().unwrap_or_default();
        edit(&mut d)?;
        d.check_size(match pref.target() {
            Target::BucketPolicy => crate::policy::PolicyKind::Bucket,
            _ => crate::policy::PolicyKind::AccessPoint,
        })?;
        if same(fresh.as_ref(), Some(&d)) {
            return Ok(EditResult {
                resource: pref.arn().to_string(),
                target: pref.target(),
                changed: false,
                dry_run: false,
                history_version: None,
                policy: fresh.as_ref().map(PolicyDocument::to_value),
            });
        }
        (fresh, d)
    };

    let store = StateStore::open()?;
    let version = store.save(
        pref.arn(),
        pref.target(),
        reason,
        base.as_ref().map(PolicyDocument::to_value).as_ref(),
    )?;
    tracing::debug!(
        resource = pref.arn(),
        version,
        "kept the previous document; writing"
    );
    let written = lease.write(|| pref.write(aws, Some(&desired))).await;
    let after = match (pref.read(aws).await, written) {
        (Ok(after), Ok(())) => after,
        // No answer to the write, but the read-back shows it in place: it was applied.
        (Ok(after), Err(e))
            if e.delivery == Delivery::Unanswered && same(after.as_ref(), Some(&desired)) =>
        {
            tracing::info!(
                resource = pref.arn(),
                "the write got no answer but is in place"
            );
            after
        }
        (_, Err(e)) => return Err(e),
        (Err(e), Ok(())) => {
            return Err(failed(format!(
                "written, not verified: the {} of {} was written but could not be read back: {}",
                pref.target().label(),
                pref.arn(),
                e.message
            ))
            .hinted(format!(
                "check it with `{}`; the previous document is kept as version {version}",
                get_command(pref)
            )))
        }
    };
    if let ReadBack::Changed { appeared, missing } =
        crate::verify::compare(base.as_ref(), Some(&desired), after.as_ref())
    {
        // Keep what another writer put there, so nothing of theirs can be lost for good.
        let kept = store.save(
            pref.arn(),
            pref.target(),
            &format!("{reason}: read back, changed by another writer"),
            after.as_ref().map(PolicyDocument::to_value).as_ref(),
        )?;
        let mut what = Vec::new();
        if !appeared.is_empty() {
            what.push(format!("{} appeared", appeared.join(", ")));
        }
        if !missing.is_empty() {
            what.push(format!("lakegate's {} missing", missing.join(", ")));
        }
        return Err(failed(format!(
            "possibly overwritten: the {} of {} changed while lakegate wrote it ({})",
            pref.target().label(),
            pref.arn(),
            what.join("; ")
        ))
        .hinted(format!(
            "another writer changed it at the same time; the document read back is kept as version {kept}, the one before lakegate's write as version {version} (`{}`); run the command again to re-apply",
            history_command(pref)
        )));
    }
    tracing::debug!(
        resource = pref.arn(),
        "verified: the document read back is the one written"
    );
    Ok(EditResult {
        resource: pref.arn().to_string(),
        target: pref.target(),
        changed: true,
        dry_run: false,
        history_version: Some(version),
        policy: after.as_ref().map(PolicyDocument::to_value),
    })
}

/// A lease that cannot be taken for lack of permissions can be moved to another bucket.
pub fn lock_bucket_hint(e: crate::error::CliError) -> crate::error::CliError {
    if e.message.starts_with("s3:PutObject (lease) failed") {
        e.hinted("or keep the lease in another bucket with --lock-bucket")
    } else {
        e
    }
}

/// The command that shows a policy.
fn get_command(pref: &PolicyRef) -> String {
    match pref {
        PolicyRef::Bucket { bucket, .. } => format!("lakegate bucket policy get {bucket}"),
        PolicyRef::AccessPoint { name, .. } => format!("lakegate accesspoint get {name}"),
    }
}

/// The command that lists the kept documents of a policy.
fn history_command(pref: &PolicyRef) -> String {
    match pref {
        PolicyRef::Bucket { bucket, .. } => format!("lakegate bucket policy history {bucket}"),
        PolicyRef::AccessPoint { name, .. } => format!("lakegate accesspoint history {name}"),
    }
}

/// Print an edit's result: the whole result for scripts, one line for people.
pub fn print_edit(ctx: &Ctx, r: &EditResult, done: &str, unchanged: &str) -> Result<()> {
    if r.dry_run {
        return Ok(()); // the plan was printed
    }
    if ctx.printer.is_structured() {
        return ctx.printer.value(r);
    }
    if r.changed {
        let kept = r
            .history_version
            .map(|v| format!(" (previous document kept as version {v})"))
            .unwrap_or_default();
        println!("{done}{kept}");
    } else {
        println!("{unchanged}");
    }
    Ok(())
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
