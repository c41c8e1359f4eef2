//! `lakegate bucket policy rollback BUCKET [--to N]`

use crate::commands::bucket::check_bucket;
use crate::commands::{edit_policy, print_edit, Ctx, PolicyRef};
use crate::error::{failed, input_error, Result};
use crate::policy::PolicyDocument;
use crate::state::StateStore;

/// Restore a bucket policy that lakegate kept before an overwrite. The document replaced by the
/// rollback is itself kept, so a rollback can be rolled back.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket
    #[arg(value_name = "BUCKET", add = crate::completion::bucket_completer())]
    pub bucket: String,

    /// The version to restore (see `bucket policy history`); the latest by default
    #[arg(long, value_name = "N")]
    pub to: Option<u32>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_bucket(&args.bucket)?;
    let aws = ctx.aws().await?;
    let pref = PolicyRef::bucket(aws, &args.bucket);
    let history = StateStore::open()?.history(pref.arn())?;
    let entry = match args.to {
        Some(n) => history.iter().find(|e| e.version == n).ok_or_else(|| {
            input_error(format!(
                "--to {n}: bucket {} has no history version {n} (run `lakegate bucket policy history {}`)",
                args.bucket, args.bucket
            ))
        })?,
        None => history.last().ok_or_else(|| {
            failed(format!(
                "bucket {} has no policy history to roll back to",
                args.bucket
            ))
        })?,
    };
    let restored = match &entry.policy {
        Some(v) => PolicyDocument::from_value(v.clone()).map_err(|e| {
            failed(format!(
                "history version {} cannot be read: {e}",
                entry.version
            ))
        })?,
        None => PolicyDocument::new(),
    };
    aws.ensure_bucket(&args.bucket).await?;
    if !ctx.global.dry_run {
        ctx.confirm(&format!(
            "Replace the bucket policy of {} with version {}",
            args.bucket, entry.version
        ))?;
    }
    let reason = format!("bucket policy rollback --to {}", entry.version);
    let result = edit_policy(ctx, &pref, &reason, |doc| {
        *doc = restored.clone();
        Ok(())
    })
    .await?;
    print_edit(
        ctx,
        &result,
        &format!(
            "bucket {} policy restored to version {}",
            args.bucket, entry.version
        ),
        &format!(
            "bucket {} policy already matches version {}; nothing changed",
            args.bucket, entry.version
        ),
    )
}
