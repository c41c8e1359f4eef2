//! `lakegate access who-can s3://BUCKET/PREFIX/ [--action read|write|list]
//! [--account-id ID --member-role ROLE_NAME [--external-id ID]]`

use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::evaluate::parse_context;
use crate::evaluate::who_can::{who_can, WhoCanOptions};
use crate::policy::eval::symbolic::Access;

/// Which principals (of which accounts, through which access point or the bucket itself) may
/// read, write or list anything under one prefix, exactly: every principal the policies name,
/// each account's other principals, any principal of an account no policy names, and anyone,
/// with the key patterns each reaches (KEYS), what a Deny cuts out of them (EXCEPT) and whether
/// only part of the prefix is reached (PARTIAL), decided as `access check` decides every key (an
/// access point grant counts only where the bucket policy also allows it; Denies, SCPs, RCPs and
/// Block Public Access apply). Grants that are not effective today (an access point on a bucket
/// that does not delegate, Block Public Access) are shown as latent. Read is s3:GetObject and
/// write s3:PutObject on a key; list is s3:ListBucket with s3:prefix under the prefix.
///
/// Offline with the policy flags of `access matrix` (--bucket-policy, --access-point-policy, …).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket and prefix, s3://BUCKET/PREFIX/ (s3://BUCKET for the whole bucket); or
    /// --bucket and --prefix, as `access check` and `access matrix` take them
    // Required (help shows `<S3_URL>`); --bucket conflicts with it, which clap takes as
    // standing in for it.
    #[arg(value_name = "S3_URL", required = true)]
    pub url: Option<crate::values::S3Url>,

    /// The bucket (instead of S3_URL; or an access point's ARN or alias, for its bucket)
    #[arg(long, value_name = "BUCKET", conflicts_with = "url",
          add = crate::completers::bucket_completer())]
    pub bucket: Option<crate::values::BucketRef>,

    /// The prefix under --bucket (default: the whole bucket)
    #[arg(long, value_name = "PREFIX", requires = "bucket")]
    pub prefix: Option<crate::values::Prefix>,

    /// The access asked about
    #[arg(long, value_enum, default_value_t = Action::Read)]
    pub action: Action,

    #[command(flatten)]
    pub trusted_account: crate::commands::shared_args::TrustedAccounts,

    /// The bucket is in the member account --account-id of the caller's AWS Organization: read
    /// it through this role there (arn:aws:iam::ACCOUNT:role/ROLE_NAME, session lakegate-audit);
    /// principals of every member account are then not external
    #[arg(long, value_name = "ROLE_NAME")]
    pub member_role: Option<crate::values::IamRoleName>,

    /// The external id the member role requires
    #[arg(long, value_name = "ID", requires = "member_role")]
    pub external_id: Option<String>,

    /// The policies: fetched, or offline from files
    #[command(flatten)]
    pub policies: super::PolicyArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Action {
    Read,
    Write,
    List,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (bucket, prefix) = match (&args.url, &args.bucket) {
        (Some(url), _) => (url.bucket.to_string(), url.prefix()),
        (None, Some(b)) => {
            let bucket = ctx.resolve_bucket(b).await?;
            let prefix = match &args.prefix {
                Some(p) => p
                    .normalized(false)
                    .map_err(|e| input_error(format!("--prefix: {e}")))?,
                None => String::new(),
            };
            (bucket.to_string(), prefix)
        }
        // clap requires one of the two.
        (None, None) => return Err(input_error("name the bucket: S3_URL or --bucket")),
    };
    let access = match args.action {
        Action::Read => Access::Read,
        Action::Write => Access::Write,
        Action::List => Access::List,
    };
    let opts = WhoCanOptions {
        context: parse_context(&args.policies.context)?,
        bucket,
        prefix,
        access,
        trusted: args.trusted_account.ids(),
        member_role: args.member_role.as_ref().map(ToString::to_string),
        external_id: args.external_id.clone(),
        sources: args.policies.sources(),
    };
    let rows = who_can(ctx, &opts).await?;
    ctx.printer.rows_or(&rows, || {
        format!(
            "no principal may {} s3://{}/{}",
            access.as_str(),
            opts.bucket,
            opts.prefix
        )
    })
}
