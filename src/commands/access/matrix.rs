//! `lakegate access matrix [--bucket B] [--principal ARN …] [--prefix P …]`

use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::evaluate::matrix::{matrix, MatrixOptions};
use crate::evaluate::parse_context;
use crate::values::{BucketName, CallerPrincipal, Prefix};

/// Rows of principal × access point × prefix with read, write and list decided as `access check`
/// decides them, over every key under the prefix (read: s3:GetObject and write: s3:PutObject on
/// a key under it; list: s3:ListBucket with s3:prefix under it), through each access point and
/// to the bucket directly, with the statements that decided each. `partial`: only some keys
/// under the prefix (JSON/YAML give their patterns, `keys` and `except`).
///
/// Principals and prefixes default to those the policies name. Online, the bucket policy, the
/// bucket's access points and their policies, and the identity policies of this account's roles
/// and users are fetched; with --bucket-policy, --access-point-policy or --identity-policy the
/// matrix is computed offline from files.
///
/// Online, S3 Access Grants have rows of their own (ACCESS POINT "(access grants)"): what each
/// grantee reaches with the credentials s3:GetDataAccess vends, each cell decided by
/// access-grant:ID; their grantees and prefixes join the defaults.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket and a prefix as one URL, s3://BUCKET/PREFIX/ (repeatable, one bucket), as
    /// `access who-can` takes it; or --bucket and --prefix
    #[arg(value_name = "S3_URL", conflicts_with_all = ["bucket", "prefix"])]
    pub urls: Vec<crate::values::S3Url>,

    /// The bucket (offline: default from the bucket policy's resources)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: Option<BucketName>,

    /// A principal ARN (repeatable; default: those the policies name)
    #[arg(long, value_name = "ARN")]
    pub principal: Vec<CallerPrincipal>,

    /// A prefix (repeatable; default: those the policies name)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Vec<Prefix>,

    /// Leave out the rows for requests to the bucket directly
    #[arg(long)]
    pub no_direct: bool,

    /// The policies: fetched, or offline from files
    #[command(flatten)]
    pub policies: super::PolicyArgs,
}

impl Args {
    /// The bucket --bucket or the S3 URLs name (one bucket).
    fn bucket_named(&self) -> Result<Option<String>> {
        let mut from_urls = self.urls.iter().map(|u| u.bucket.to_string());
        let first = from_urls.next();
        if let Some(other) = from_urls.find(|b| Some(b) != first.as_ref()) {
            return Err(input_error(format!(
                "S3_URL: one bucket at a time ({} and {other})",
                first.unwrap_or_default()
            )));
        }
        Ok(self.bucket.as_ref().map(ToString::to_string).or(first))
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let context = parse_context(&args.policies.context)?;
    let principals: Vec<String> = args.principal.iter().map(|p| p.canonical()).collect();
    let mut prefixes = Vec::new();
    let from_urls: Vec<crate::values::Prefix> = args
        .urls
        .iter()
        .filter(|u| !u.key.is_empty())
        .map(|u| u.prefix().parse().map_err(input_error))
        .collect::<Result<_>>()?;
    for p in args.prefix.iter().chain(&from_urls) {
        // Asking about a prefix changes nothing: take it as written (dot segments too).
        prefixes.push(
            p.normalized(true)
                .map_err(|e| input_error(format!("--prefix: {e}")))?,
        );
    }
    let opts = MatrixOptions {
        bucket: args.bucket_named()?,
        principals,
        prefixes,
        no_direct: args.no_direct,
        context,
        sources: args.policies.sources(),
    };
    ctx.printer.rows(&matrix(ctx, &opts).await?)
}
