//! `lakegate access matrix [--bucket B] [--principal ARN …] [--prefix P …]`

use super::named;
use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::evaluate::parse_context;
use crate::output::{Cell, Row};
use crate::policy::eval::matrix::{matrix_exact, MatrixCell, MatrixRow};
use crate::policy::eval::{AccessPointTarget, Verdict};
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

fn cell(c: &MatrixCell) -> &'static str {
    match c.decision {
        Verdict::Allowed if c.partial => "partial",
        Verdict::Allowed => "allow",
        Verdict::ExplicitlyDenied => "deny",
        Verdict::ImplicitlyDenied => "-",
    }
}

fn decided_by(c: &MatrixCell) -> String {
    let mut seen: Vec<String> = Vec::new();
    for r in &c.deciding {
        let s = match &r.sid {
            Some(sid) => format!("{}({sid})", r.policy),
            None => format!("{}#{}", r.policy, r.index),
        };
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.join(" ")
}

impl Row for MatrixRow {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec![
            "PRINCIPAL",
            "ACCESS POINT",
            "PREFIX",
            "READ",
            "WRITE",
            "LIST",
        ];
        if wide {
            h.extend(["READ BY", "WRITE BY", "LIST BY"]);
        }
        h
    }
    fn cells(&self, wide: bool) -> Vec<Cell> {
        let principal = if wide {
            self.principal.as_str()
        } else {
            crate::output::short_principal(&self.principal)
        };
        let mut c: Vec<Cell> = vec![
            principal.into(),
            self.access_point
                .clone()
                .unwrap_or_else(|| "-".into())
                .into(),
            self.prefix.clone().into(),
            cell(&self.read).into(),
            cell(&self.write).into(),
            cell(&self.list).into(),
        ];
        if wide {
            c.extend([
                decided_by(&self.read).into(),
                decided_by(&self.write).into(),
                decided_by(&self.list).into(),
            ]);
        }
        c
    }
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
    let mut principals: Vec<String> = args.principal.iter().map(|p| p.canonical()).collect();
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
    let mut bucket = args.bucket_named()?;
    if bucket.is_none() && !args.policies.offline() {
        // --access-point without --bucket: the bucket is the access point's.
        if let Some(name) = args.policies.access_point.first() {
            let account = ctx.account().await?;
            bucket = Some(ctx.existing_access_point(&account, name).await?.bucket);
        }
    }
    let (set, bucket, aps) = args.policies.gather(ctx, bucket, &principals).await?;
    let (named_principals, named_prefixes) = named(&set);
    if principals.is_empty() {
        principals = named_principals;
    }
    if prefixes.is_empty() {
        prefixes = named_prefixes;
    }
    if principals.is_empty() {
        return Err(input_error(
            "--principal: the policies name no principal; give at least one",
        ));
    }
    if prefixes.is_empty() {
        return Err(input_error(
            "--prefix: the policies name no prefix; give at least one",
        ));
    }
    let mut routes: Vec<Option<AccessPointTarget>> = Vec::new();
    if !args.no_direct {
        routes.push(None);
    }
    routes.extend(aps.into_iter().map(Some));
    let (chain, _) = args.policies.chain.files().from_files()?;
    let rows = matrix_exact(
        &set,
        &chain,
        &bucket,
        &principals,
        &prefixes,
        &routes,
        &context,
    )
    .map_err(|e| crate::error::failed(format!("cannot decide the matrix exactly: {e}")))?;
    ctx.printer.rows(&rows)
}
