//! `lakegate bucket delegate BUCKET`

use crate::commands::{edit_policy, print_edit, Ctx, PolicyRef};
use crate::error::Result;
use crate::policy::access::{delegate_statement, delegates_to};

/// Add the bucket policy statement that delegates access control to the account's access points
/// (s3:DataAccessPointAccount). Every other statement is kept exactly; running it twice changes
/// nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub bucket: crate::commands::shared_args::BucketArg,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let bucket = args.bucket.resolve(ctx).await?;
    aws.ensure_bucket(&bucket).await?;
    let account = ctx.account().await?;
    let pref = PolicyRef::bucket(aws, &bucket);
    let partition = aws.partition;
    let result = edit_policy(ctx, &pref, "bucket delegate", None, |doc| {
        if !delegates_to(doc, &account) {
            doc.upsert(delegate_statement(partition, &bucket, &account));
        }
        Ok(())
    })
    .await?;
    print_edit(
        ctx,
        &result,
        &format!(
            "bucket {} now delegates access control to the access points of account {account}",
            bucket
        ),
        &format!(
            "bucket {} already delegates access control to the access points of account {account}; nothing changed",
            bucket
        ),
    )
}
