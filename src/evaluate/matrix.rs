//! `access matrix`: principal × route × prefix with read, write and list decided exactly over
//! every key under the prefix, from the policies gathered by [`PolicySources`].

use super::access_grants::BucketGrants;
use super::sources::{named, PolicySources};
use crate::error::{input_error, Result};
use crate::output::{Cell, Row};
use crate::policy::eval::matrix::{matrix_exact, MatrixCell, MatrixRow};
use crate::policy::eval::{AccessPointTarget, Verdict};
use crate::session::Session;

/// What `access matrix` asks (`commands/access/matrix.rs` has the flags).
#[derive(Debug, Clone, Default)]
pub struct MatrixOptions {
    /// The bucket, if named (offline: default from the bucket policy's resources).
    pub bucket: Option<String>,
    /// Principal ARNs (default: those the policies name).
    pub principals: Vec<String>,
    /// Prefixes, normalized (default: those the policies name).
    pub prefixes: Vec<String>,
    /// Leave out the rows for requests to the bucket directly.
    pub no_direct: bool,
    /// The request context, parsed.
    pub context: Vec<(String, String)>,
    pub sources: PolicySources,
}

/// The matrix's rows.
pub async fn matrix(ctx: &Session, opts: &MatrixOptions) -> Result<Vec<MatrixRow>> {
    let mut principals = opts.principals.clone();
    let mut prefixes = opts.prefixes.clone();
    let mut bucket = opts.bucket.clone();
    if bucket.is_none() && !opts.sources.offline() {
        // --access-point without --bucket: the bucket is the access point's.
        if let Some(name) = opts.sources.access_point.first() {
            let account = ctx.account().await?;
            bucket = Some(ctx.existing_access_point(&account, name).await?.bucket);
        }
    }
    let (set, bucket, aps) = opts.sources.gather(ctx, bucket, &principals).await?;
    // Online, S3 Access Grants are a source beside the policies: rows of their own.
    let grants = if opts.sources.offline() {
        None
    } else {
        bucket_grants(ctx, &bucket).await
    };
    let (mut named_principals, mut named_prefixes) = named(&set);
    if let Some(g) = &grants {
        named_principals.extend(g.principals());
        named_prefixes.extend(g.prefixes());
        named_principals.sort();
        named_principals.dedup();
        named_prefixes.sort();
        named_prefixes.dedup();
    }
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
    if !opts.no_direct {
        routes.push(None);
    }
    routes.extend(aps.into_iter().map(Some));
    let (chain, _) = opts.sources.chain.from_files()?;
    // Directory identities have no policies: only grant rows.
    let iam: Vec<String> = principals
        .iter()
        .filter(|p| !p.starts_with("directory-"))
        .cloned()
        .collect();
    let mut rows = matrix_exact(
        &set,
        &chain,
        &bucket,
        &iam,
        &prefixes,
        &routes,
        &opts.context,
    )
    .map_err(|e| crate::error::failed(format!("cannot decide the matrix exactly: {e}")))?;
    if let Some(g) = &grants {
        rows.extend(g.matrix_rows(&principals, &prefixes));
    }
    Ok(rows)
}

/// The bucket's grants; when they cannot be read, a warning and no grant rows.
async fn bucket_grants(ctx: &Session, bucket: &str) -> Option<BucketGrants> {
    let read = async {
        let account = ctx.account().await?;
        BucketGrants::read(ctx.aws().await?, &account, bucket).await
    };
    match read.await {
        Ok(g) if !g.grants.is_empty() => Some(g),
        Ok(_) => None,
        Err(e) => {
            ctx.printer.warn(format!(
                "S3 Access Grants not read ({}): the grants of the account are not among the rows",
                e.message
            ));
            None
        }
    }
}

fn cell(row: &MatrixRow, c: &MatrixCell) -> &'static str {
    if row.latent.is_some() && c.decision == Verdict::Allowed {
        return "latent";
    }
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
            // Grant rows: what the credentials GetDataAccess vends reach.
            if self.access_grants {
                "(access grants)".into()
            } else {
                self.access_point
                    .clone()
                    .unwrap_or_else(|| "-".into())
                    .into()
            },
            self.prefix.clone().into(),
            cell(self, &self.read).into(),
            cell(self, &self.write).into(),
            cell(self, &self.list).into(),
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
