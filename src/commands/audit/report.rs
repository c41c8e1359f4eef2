//! `lakegate audit report [--bucket B …] [--all-buckets] [--analyzer-arn ARN]
//! [--trusted-account A …] [--concurrency N] [--upload s3://BUCKET/PREFIX/]
//! [--create-table DB.TABLE]`

use super::table::{create_database_sql, create_table_sql, parse_table_name};
use super::{parse_s3_url, today_utc};
use crate::aws::accessanalyzer::{check_analyzer_arn, Finding};
use crate::aws::s3control::AccessPointInfo;
use crate::aws::Aws;
use crate::cli::OutputFormat;
use crate::commands::accesspoint::list::short_principal;
use crate::commands::bucket::check_bucket;
use crate::commands::Ctx;
use crate::error::{failed, input_error, Result};
use crate::output::{Cell, Row};
use crate::policy::eval::audit::{AuditRow, BucketAudit, FindingRef, COLUMNS};
use crate::policy::eval::{AccessPointPolicy, AccessPointTarget, CompiledPolicy, PolicySet};
use futures::stream::{self, StreamExt};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Report, per prefix, which principals can read, write or list it: for each bucket, its policy
/// and the policies of every access point on it are fetched concurrently and evaluated (an access
/// point grant counts only where the bucket policy also allows it; a Deny removes access).
///
/// One row per principal × bucket × prefix × access point (or the bucket itself), with the
/// principal's account, whether it is external (neither the bucket owner nor a trusted account;
/// `*` always), the access, the granting policy and Sids, the conditions that narrow it, and the
/// matching IAM Access Analyzer findings. CSV and JSON rows are streamed as they are computed.
///
/// With --upload the report goes to `report/dt=YYYY-MM-DD/report.csv` and the raw findings to
/// `archive/dt=YYYY-MM-DD/findings.json` under the prefix; running it again the same day replaces
/// them. With --create-table the Athena database and table over `report/` are created (typed
/// columns, header skipped, `dt` partitions projected).
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("scope").required(true).args(["bucket", "all_buckets"]))]
pub struct Args {
    /// A bucket to audit (repeatable)
    #[arg(long, value_name = "BUCKET", add = crate::completion::bucket_completer())]
    pub bucket: Vec<String>,

    /// Audit every bucket of the account in the region
    #[arg(long)]
    pub all_buckets: bool,

    /// An IAM Access Analyzer: its findings for S3 buckets (ListFindingsV2, every page) are
    /// matched to the rows and archived with --upload
    #[arg(long, value_name = "ARN")]
    pub analyzer_arn: Option<String>,

    /// An account whose principals are not external (repeatable; the bucket owner never is)
    #[arg(long, value_name = "ACCOUNT")]
    pub trusted_account: Vec<String>,

    /// How many AWS requests to have in flight at once
    #[arg(long, value_name = "N", default_value_t = 16, allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,

    /// Upload the report (CSV) and the raw findings (JSON) under s3://BUCKET/PREFIX/
    #[arg(long, value_name = "S3_URL")]
    pub upload: Option<String>,

    /// Create the Athena database and external table over the uploaded reports (needs --upload)
    #[arg(long, value_name = "DB.TABLE", requires = "upload")]
    pub create_table: Option<String>,

    /// Athena workgroup for --create-table (default: primary)
    #[arg(long, value_name = "WORKGROUP", requires = "create_table")]
    pub workgroup: Option<String>,

    /// Where Athena writes --create-table's results (default: s3://BUCKET/PREFIX/athena-results/
    /// of --upload)
    #[arg(long, value_name = "S3_URL", requires = "create_table")]
    pub output_location: Option<String>,
}

impl Row for AuditRow {
    fn headers(wide: bool) -> Vec<&'static str> {
        if wide {
            vec![
                "PRINCIPAL",
                "ACCOUNT",
                "EXTERNAL",
                "BUCKET",
                "ACCESS POINT",
                "PREFIX",
                "ACCESS",
                "SOURCE",
                "SID",
                "CONDITIONS",
                "FINDING",
                "STATUS",
            ]
        } else {
            vec![
                "PRINCIPAL",
                "EXTERNAL",
                "BUCKET",
                "ACCESS POINT",
                "PREFIX",
                "ACCESS",
                "CONDITIONS",
                "FINDING",
            ]
        }
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let prefix = if self.prefix.is_empty() {
            "/".to_string()
        } else {
            self.prefix.clone()
        };
        let external = if self.external { "yes" } else { "no" };
        if wide {
            vec![
                self.principal.clone().into(),
                Cell::or_dash(self.principal_account.as_str()),
                external.into(),
                self.bucket.clone().into(),
                Cell::or_dash(self.access_point.as_str()),
                prefix.into(),
                self.access.clone().into(),
                self.source.clone().into(),
                Cell::or_dash(self.sid.as_str()),
                Cell::or_dash(self.conditions.as_str()),
                Cell::or_dash(self.finding_id.as_str()),
                Cell::or_dash(self.finding_status.as_str()),
            ]
        } else {
            vec![
                short_principal(&self.principal).into(),
                external.into(),
                self.bucket.clone().into(),
                Cell::or_dash(self.access_point.as_str()),
                prefix.into(),
                self.access.clone().into(),
                Cell::or_dash(self.conditions.as_str()),
                Cell::or_dash(self.finding_id.as_str()),
            ]
        }
    }
}

/// A temporary file the report is spooled to for upload (removed when dropped).
struct Spool {
    file: tempfile::NamedTempFile,
    writer: Option<csv::Writer<BufWriter<File>>>,
}

impl Spool {
    fn create() -> Result<Spool> {
        let file = tempfile::Builder::new()
            .prefix("lakegate-audit-")
            .suffix(".csv")
            .tempfile()
            .map_err(|e| {
                failed(format!(
                    "cannot create a temporary file for the report: {e}"
                ))
            })?;
        let mut writer = csv::Writer::from_writer(BufWriter::new(file.reopen()?));
        writer.write_record(COLUMNS).map_err(csv_error)?;
        Ok(Spool {
            file,
            writer: Some(writer),
        })
    }

    /// Flush and close the writer; the size in bytes.
    fn finish(&mut self) -> Result<u64> {
        if let Some(w) = self.writer.take() {
            w.into_inner()
                .map_err(|e| failed(format!("cannot write the report: {e}")))?
                .into_inner()
                .map_err(|e| failed(format!("cannot write the report: {e}")))?
                .sync_all()?;
        }
        Ok(self.file.as_file().metadata()?.len())
    }
}

fn csv_error(e: csv::Error) -> crate::error::CliError {
    failed(format!("cannot write CSV: {e}"))
}

/// How rows reach stdout: streamed as they are computed, or gathered for the printer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Csv,
    Json,
    /// Tables, YAML, `-o name` and any `--query`: the printer renders them at the end.
    Gather,
}

/// Where rows go as they are computed: stdout (streamed for CSV and JSON, gathered otherwise)
/// and, for --upload, a spool file.
struct Sink {
    stream: Stream,
    csv: Option<csv::Writer<std::io::Stdout>>,
    json_rows: usize,
    gathered: Vec<AuditRow>,
    spool: Option<Spool>,
    rows: usize,
    external: usize,
}

impl Sink {
    fn new(ctx: &Ctx, spool: Option<Spool>) -> Result<Sink> {
        // A query applies to the whole result, so it needs every row first.
        let stream = match ctx.printer.format {
            _ if ctx.printer.has_query() => Stream::Gather,
            OutputFormat::Csv => Stream::Csv,
            OutputFormat::Json => Stream::Json,
            _ => Stream::Gather,
        };
        let mut csv = None;
        if stream == Stream::Csv {
            let mut w = csv::Writer::from_writer(std::io::stdout());
            if !ctx.printer.no_headers {
                w.write_record(COLUMNS).map_err(csv_error)?;
            }
            csv = Some(w);
        }
        Ok(Sink {
            stream,
            csv,
            json_rows: 0,
            gathered: Vec::new(),
            spool,
            rows: 0,
            external: 0,
        })
    }

    fn row(&mut self, r: AuditRow) -> Result<()> {
        self.rows += 1;
        if r.external && r.access != "none" {
            self.external += 1;
        }
        if let Some(w) = self.spool.as_mut().and_then(|s| s.writer.as_mut()) {
            w.write_record(r.record()).map_err(csv_error)?;
        }
        match self.stream {
            Stream::Csv => {
                if let Some(w) = self.csv.as_mut() {
                    w.write_record(r.record()).map_err(csv_error)?;
                }
            }
            Stream::Json => {
                let text = serde_json::to_string(&r)
                    .map_err(|e| failed(format!("cannot render JSON: {e}")))?;
                let mut out = std::io::stdout().lock();
                let lead = if self.json_rows == 0 {
                    "[\n  "
                } else {
                    ",\n  "
                };
                out.write_all(lead.as_bytes())?;
                out.write_all(text.as_bytes())?;
                self.json_rows += 1;
            }
            Stream::Gather => self.gathered.push(r),
        }
        Ok(())
    }

    /// Flush what was streamed after each bucket, so a pipe sees rows as they are computed.
    fn flush(&mut self) -> Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.flush()?;
        }
        std::io::stdout().flush()?;
        Ok(())
    }

    fn finish(&mut self, ctx: &Ctx) -> Result<()> {
        match self.stream {
            Stream::Csv => self.flush(),
            Stream::Json => {
                let mut out = std::io::stdout().lock();
                out.write_all(if self.json_rows == 0 {
                    b"[]\n"
                } else {
                    b"\n]\n"
                })?;
                out.flush()?;
                Ok(())
            }
            // An empty table prints nothing (the summary says so); every other rendering, an
            // empty document or query result included, is the printer's.
            Stream::Gather
                if self.gathered.is_empty()
                    && !ctx.printer.has_query()
                    && matches!(ctx.printer.format, OutputFormat::Table | OutputFormat::Wide) =>
            {
                Ok(())
            }
            Stream::Gather => ctx.printer.rows(&self.gathered),
        }
    }
}

/// One bucket's policies, fetched.
struct Fetched {
    bucket: String,
    set: std::result::Result<PolicySet, crate::error::CliError>,
    access_points: usize,
}

async fn fetch_bucket(
    aws: &Aws,
    account: &str,
    sem: &Semaphore,
    bucket: String,
    aps: Vec<AccessPointInfo>,
    pb: &indicatif::ProgressBar,
) -> Fetched {
    // One AWS call under the shared limit, counted on the progress bar.
    async fn limited<T>(
        sem: &Semaphore,
        pb: &indicatif::ProgressBar,
        call: impl std::future::Future<Output = T>,
    ) -> T {
        let permit = sem.acquire().await.expect("the semaphore is never closed");
        let out = call.await;
        drop(permit);
        pb.inc(1);
        out
    }
    let n = aps.len();
    let set = async {
        let policy = limited(sem, pb, aws.bucket_policy(&bucket)).await?;
        let bucket_policy = policy
            .map(|d| CompiledPolicy::compile(&d, "bucket"))
            .transpose()
            .map_err(|e| {
                failed(format!(
                    "the bucket policy of '{bucket}' cannot be read: {e}"
                ))
            })?;
        let fetches = aps.into_iter().map(|ap| async move {
            let doc = match limited(sem, pb, aws.access_point_policy(account, &ap.name)).await {
                // Deleted since it was listed: it grants nothing any more.
                Err(e) if vanished(&e) => {
                    tracing::debug!(name = ap.name, "access point deleted since it was listed");
                    return Ok(None);
                }
                other => other,
            };
            let policy = doc?
                .map(|d| CompiledPolicy::compile(&d, format!("access-point:{}", ap.name)))
                .transpose()
                .map_err(|e| {
                    failed(format!(
                        "the policy of access point '{}' cannot be read: {e}",
                        ap.name
                    ))
                })?;
            let target = AccessPointTarget::from_arn(&ap.arn).unwrap_or(AccessPointTarget {
                name: ap.name.clone(),
                arn: ap.arn.clone(),
                account: account.to_string(),
            });
            Ok::<_, crate::error::CliError>(Some(AccessPointPolicy { target, policy }))
        });
        let access_points: Vec<AccessPointPolicy> = futures::future::join_all(fetches)
            .await
            .into_iter()
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect();
        Ok(PolicySet {
            identity: Vec::new(),
            bucket: bucket_policy,
            bucket_account: account.to_string(),
            access_points,
        })
    }
    .await;
    Fetched {
        bucket,
        set,
        access_points: n,
    }
}

/// A bucket or access point deleted between the listing and the policy read.
fn vanished(e: &crate::error::CliError) -> bool {
    e.kind == crate::error::Kind::NotFound
}

fn finding_refs(findings: &[Finding]) -> HashMap<String, Vec<FindingRef>> {
    let mut by_bucket: HashMap<String, Vec<FindingRef>> = HashMap::new();
    for f in findings {
        // A RESOLVED finding is access that no longer exists: archived, never matched to a row.
        if f.status == "RESOLVED" {
            continue;
        }
        let Some(bucket) = f.bucket() else { continue };
        by_bucket
            .entry(bucket.clone())
            .or_default()
            .push(FindingRef {
                id: f.id.clone(),
                status: f.status.clone(),
                bucket,
                principals: f.principals(),
                access_points: f.access_point_arns(),
                actions: f.actions(),
                conditions: f.conditions(),
                source_types: f.source_types(),
            });
    }
    by_bucket
}

fn check_args(args: &Args) -> Result<()> {
    for b in &args.bucket {
        check_bucket(b)?;
    }
    if let Some(a) = &args.analyzer_arn {
        check_analyzer_arn(a)?;
    }
    for a in &args.trusted_account {
        crate::policy::arn::validate_account_id(a)
            .map_err(|e| input_error(format!("--trusted-account: {e}")))?;
    }
    if let Some(u) = &args.upload {
        parse_s3_url("--upload", u)?;
    }
    if let Some(t) = &args.create_table {
        parse_table_name("--create-table", t)?;
    }
    crate::commands::athena::query::check_placement(
        args.workgroup.as_deref(),
        args.output_location.as_deref(),
    )?;
    Ok(())
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_args(args)?;
    let dry_run = ctx.global.dry_run;
    if dry_run && args.upload.is_none() {
        return Err(input_error(
            "--dry-run: without --upload or --create-table, `audit report` changes nothing to preview; run it without --dry-run",
        ));
    }
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let date = today_utc();

    let pb = ctx.printer.spinner("listing buckets and access points");
    // --bucket and --all-buckets exclude each other (one clap group).
    let buckets: Vec<String> = if args.all_buckets {
        aws.buckets_in_region().await?
    } else {
        let mut v: Vec<String> = Vec::new();
        for b in &args.bucket {
            if !v.contains(b) {
                v.push(b.clone());
            }
        }
        v
    };
    let mut by_bucket: HashMap<String, Vec<AccessPointInfo>> = HashMap::new();
    let listed = aws
        .list_access_points(
            &account,
            match buckets.as_slice() {
                [one] => Some(one.as_str()),
                _ => None,
            },
            |n| pb.set_position(n as u64),
        )
        .await?;
    let ap_count = listed.len();
    for ap in listed {
        by_bucket.entry(ap.bucket.clone()).or_default().push(ap);
    }

    let findings: Vec<Finding> = match &args.analyzer_arn {
        Some(arn) => {
            pb.set_message("reading IAM Access Analyzer findings");
            pb.set_position(0);
            aws.s3_findings(arn, usize::from(args.concurrency)).await?
        }
        None => Vec::new(),
    };
    let refs = finding_refs(&findings);
    tracing::debug!(
        buckets = buckets.len(),
        access_points = ap_count,
        findings = findings.len(),
        "audit scope"
    );

    let spool = match &args.upload {
        Some(_) => Some(Spool::create()?),
        None => None,
    };
    let mut sink = Sink::new(ctx, spool)?;
    let policies = buckets.len()
        + buckets
            .iter()
            .map(|b| by_bucket.get(b).map_or(0, Vec::len))
            .sum::<usize>();
    ctx.printer.to_bar(
        &pb,
        policies as u64,
        "reading bucket and access point policies",
    );
    let sem = Arc::new(Semaphore::new(usize::from(args.concurrency)));
    let partition = aws.partition;
    let mut audited_aps = 0usize;
    let mut skipped: Vec<(String, crate::error::CliError)> = Vec::new();
    let mut gone = 0usize;
    let mut fetched = stream::iter(buckets.iter().cloned().map(|b| {
        let aps = by_bucket.remove(&b).unwrap_or_default();
        let sem = sem.clone();
        let pb = pb.clone();
        let account = account.clone();
        async move { fetch_bucket(aws, &account, &sem, b, aps, &pb).await }
    }))
    .buffered(usize::from(args.concurrency));
    let no_findings: Vec<FindingRef> = Vec::new();
    let chain = crate::commands::access::chain::audit_chain(ctx, &account).await;
    while let Some(f) = fetched.next().await {
        let set = match f.set {
            Ok(s) => s,
            // --all-buckets: deleted since ListBuckets; not a failure of the audit.
            Err(e) if vanished(&e) && args.all_buckets => {
                ctx.printer.status(format!(
                    "bucket '{}' was deleted while auditing; skipped",
                    f.bucket
                ));
                gone += 1;
                continue;
            }
            Err(e) => {
                ctx.printer
                    .warn(format!("bucket '{}' not audited: {}", f.bucket, e.message));
                skipped.push((f.bucket, e));
                continue;
            }
        };
        audited_aps += f.access_points;
        let audit = BucketAudit {
            bucket: &f.bucket,
            partition,
            trusted: &args.trusted_account,
            findings: refs.get(&f.bucket).unwrap_or(&no_findings),
        };
        let mut err = None;
        audit.rows_with(&set, &chain, |r| {
            if err.is_none() {
                if let Err(e) = sink.row(r) {
                    err = Some(e);
                }
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        sink.flush()?;
    }
    drop(fetched);
    pb.finish_and_clear();
    sink.finish(ctx)?;

    let audited = buckets.len() - skipped.len() - gone;
    ctx.printer.status(format!(
        "audited {audited} bucket{} and {audited_aps} access point{}: {} row{}, {} external{}",
        plural(audited),
        plural(audited_aps),
        sink.rows,
        plural(sink.rows),
        sink.external,
        if args.analyzer_arn.is_some() {
            format!(", {} finding{}", findings.len(), plural(findings.len()))
        } else {
            String::new()
        }
    ));
    if let Some((first, e)) = skipped.first() {
        let what = if args.upload.is_some() {
            "; nothing was uploaded"
        } else {
            ""
        };
        return Err(failed(format!(
            "{} of {} buckets could not be audited (first: '{first}': {}){what}",
            skipped.len(),
            buckets.len(),
            e.message
        )));
    }

    if let Some(url) = &args.upload {
        let (bucket, prefix) = parse_s3_url("--upload", url)?;
        let mut spool = sink.spool.take().expect("a spool exists with --upload");
        let size = spool.finish()?;
        upload(
            ctx, aws, &bucket, &prefix, &date, &findings, args, &spool, size,
        )
        .await?;
        if let Some(t) = &args.create_table {
            create_table(ctx, aws, args, t, &bucket, &prefix, &date).await?;
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[allow(clippy::too_many_arguments)]
async fn upload(
    ctx: &Ctx,
    aws: &Aws,
    bucket: &str,
    prefix: &str,
    date: &str,
    findings: &[Finding],
    args: &Args,
    spool: &Spool,
    size: u64,
) -> Result<()> {
    let archive_key = format!("{prefix}archive/dt={date}/findings.json");
    let report_key = format!("{prefix}report/dt={date}/report.csv");
    let dry = ctx.global.dry_run;
    let verb = if dry { "would upload" } else { "uploaded" };
    if args.analyzer_arn.is_some() {
        let body = serde_json::to_vec_pretty(findings)
            .map_err(|e| failed(format!("cannot render the findings as JSON: {e}")))?;
        let len = body.len();
        if !dry {
            aws.put_object_bytes(bucket, &archive_key, body, "application/json")
                .await?;
        }
        ctx.printer.status(format!(
            "{verb} {} finding{} ({len} bytes) to s3://{bucket}/{archive_key}",
            findings.len(),
            plural(findings.len())
        ));
    }
    if !dry {
        aws.put_object_file(bucket, &report_key, spool.file.path(), "text/csv")
            .await?;
    }
    ctx.printer.status(format!(
        "{verb} the report ({size} bytes) to s3://{bucket}/{report_key}"
    ));
    Ok(())
}

/// The first `dt=` partition already under `report/`, so the projected range covers every report
/// uploaded before the table existed.
async fn first_report_day(aws: &Aws, bucket: &str, prefix: &str, today: &str) -> Result<String> {
    let days = aws
        .common_prefixes(bucket, &format!("{prefix}report/dt="))
        .await?;
    Ok(days
        .into_iter()
        .filter(|d| super::check_date("dt", d).is_ok())
        .chain(std::iter::once(today.to_string()))
        .min()
        .unwrap_or_else(|| today.to_string()))
}

async fn create_table(
    ctx: &Ctx,
    aws: &Aws,
    args: &Args,
    name: &str,
    bucket: &str,
    prefix: &str,
    today: &str,
) -> Result<()> {
    let (db, table) = parse_table_name("--create-table", name)?;
    let first = if ctx.global.dry_run {
        today.to_string()
    } else {
        first_report_day(aws, bucket, prefix, today).await?
    };
    let output_location = args
        .output_location
        .clone()
        .unwrap_or_else(|| format!("s3://{bucket}/{prefix}athena-results/"));
    let statements = [
        create_database_sql(&db),
        create_table_sql(&db, &table, bucket, prefix, &first),
    ];
    for sql in statements {
        if ctx.global.dry_run {
            ctx.printer.status(format!("would run in Athena:\n{sql}"));
            continue;
        }
        let spec = crate::aws::athena::QuerySpec {
            sql,
            workgroup: args.workgroup.clone(),
            output_location: Some(output_location.clone()),
            ..Default::default()
        };
        let id = aws.start_query(&spec).await?;
        crate::commands::athena::wait(ctx, aws, &id).await?;
    }
    if !ctx.global.dry_run {
        ctx.printer.status(format!(
            "table {db}.{table} reads s3://{bucket}/{prefix}report/ (partitions by dt from {first}); query it with `lakegate audit query {db}.{table}`"
        ));
    }
    Ok(())
}
