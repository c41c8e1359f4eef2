//! The audit report engine: for each scope (the caller's account, or every account × region of
//! an organization, entered through a member role), every bucket's policy set is read and
//! evaluated into rows, streamed to the printer and spooled per account for upload.
//!
//! The organization crawl is a producer/consumer pair sharing one pool of requests: accounts are
//! entered and listed (the producer) while buckets are fetched (the consumer). Uploads follow the
//! S3 key layout `report/account=ID/dt=DAY/RUN.csv` (see [`super::partition`]), `archive/dt=DAY/findings.json` and
//! `manifest/dt=DAY/manifest.json`, and the Athena table's partition projection is merged with
//! what the table already lists: all through the change pipeline.

use super::access_grants::{Grants, Prefetch};
use super::table::{report_location, table_properties, typed_columns, PARTITION_KEYS};
use super::today_utc;
use crate::apply::athena_table::{self, AthenaTable};
use crate::apply::s3_object::{S3Object, Source};
use crate::apply::{Plan, Resource, Step};
use crate::aws::accessanalyzer::Finding;
use crate::aws::s3control::AccessPointInfo;
use crate::aws::Aws;
use crate::error::{failed, input_error, CliError, Result};
use crate::output::results::csv_error;
use crate::output::rows::{CsvRecord, RowStream};
use crate::output::{short_principal, Cell, Row};
use crate::policy::eval::audit::{AuditRow, BucketAudit, FindingRef, COLUMNS};
use crate::policy::eval::{Chain, PolicySet};
use crate::session::Session;
use crate::values::{AnalyzerArn, Date, IamRoleName, NonEmpty, OutputLocation, S3Url, TableName};
use futures::stream::{self, StreamExt};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::BufWriter;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// What `audit report` is asked to do (`commands/audit/report.rs` has the flags and their help).
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Buckets to audit (none: every bucket of the scope).
    pub bucket: Vec<String>,
    pub all_buckets: bool,
    /// Every active account of the organization, entered through `member_role`.
    pub organization: bool,
    pub member_role: Option<IamRoleName>,
    pub external_id: Option<String>,
    /// Only these accounts of the organization (none: all).
    pub accounts: Vec<String>,
    pub exclude_account: Vec<String>,
    /// The regions to audit in each account (none: the region in use).
    pub regions: Vec<String>,
    pub all_regions: bool,
    pub analyzer_arn: Vec<AnalyzerArn>,
    /// Accounts whose principals are not external.
    pub trusted_account: Vec<String>,
    /// AWS requests in flight at once, for the whole run.
    pub concurrency: u16,
    pub upload: Option<S3Url>,
    pub allow_partial: bool,
    /// Rows from the exact model (every key, every class of principal; the default) instead of
    /// probe keys (`--sampled`).
    pub exact: bool,
    pub create_table: Option<TableName>,
    pub workgroup: Option<NonEmpty>,
    pub output_location: Option<OutputLocation>,
    /// One unit (one account, one region) of a fanned-out run (`--run RUN`): its report goes to
    /// `report/account=ID/dt=DAY/RUN.REGION.csv` with a completion marker, not the day's manifest
    /// (`audit::fleet::run_unit`).
    pub unit: Option<UnitRun>,
}

/// The unit a `--run` report is: which run, which delivery.
#[derive(Debug, Clone)]
pub struct UnitRun {
    pub run: crate::values::RunId,
    pub attempt: Option<crate::values::Attempt>,
    /// When the function invocation running the unit ends (milliseconds since the epoch).
    pub deadline_ms: Option<u64>,
    /// Delivered from the dead-letter queue, received this many times (its
    /// ApproximateReceiveCount): record the unit's failure instead of auditing it.
    pub dead_letter: Option<u32>,
}

/// Where a unit of a fanned-out run puts its report instead of the day's upload (the fleet
/// engine, `audit::fleet`, implements it).
pub trait UnitUpload: Sync {
    /// The run's day (every partition of a run has it).
    fn date(&self) -> &str;
    /// The unit's account.
    fn account(&self) -> &str;
    /// The organization's id and every account of it, as the planner listed them (so a unit
    /// does not list the whole organization again).
    fn organization(&self) -> (Option<&str>, &[String]);
    /// Write the unit's partition (its spooled CSV, None when it has no rows) and its marker.
    fn upload<'a>(
        &'a self,
        session: &'a Session,
        aws: &'a Aws,
        report: Option<&'a std::path::Path>,
        rows: usize,
    ) -> futures::future::LocalBoxFuture<'a, Result<()>>;
}

/// Requests in flight by default. The pool is one for the whole run, so all of it may be
/// aimed at one account at a time (its largest listing): 32 stays within what S3, S3 Control
/// and STS sustain per account without throttling (and the SDK backs off if they throttle),
/// while hiding a 50 ms round trip 32 times over.
pub const DEFAULT_CONCURRENCY: u16 = 32;

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
                "KEYS",
                "EXCEPT",
                "PARTIAL",
                "LATENT",
                "ALSO SOURCES",
            ]
        } else {
            vec![
                "PRINCIPAL",
                "EXTERNAL",
                "BUCKET",
                "ACCESS POINT",
                "KEYS",
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
                Cell::or_dash(self.keys.as_str()),
                Cell::or_dash(self.except.as_str()),
                (if self.partial { "yes" } else { "no" }).into(),
                Cell::or_dash(self.latent.as_str()),
                Cell::or_dash(self.also_sources.as_str()),
            ]
        } else {
            vec![
                short_principal(&self.principal).into(),
                external.into(),
                self.bucket.clone().into(),
                Cell::or_dash(self.access_point.as_str()),
                // The keys reached, and what a Deny cuts out of them; a sampled report has only
                // the prefix.
                if self.keys.is_empty() {
                    prefix.into()
                } else if self.except.is_empty() {
                    self.keys.clone().into()
                } else {
                    format!("{} except {}", self.keys, self.except).into()
                },
                // Access not effective today (what one change would switch on).
                if self.latent.is_empty() {
                    self.access.clone().into()
                } else {
                    format!("{} (latent)", self.access).into()
                },
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

impl CsvRecord for AuditRow {
    fn csv_header() -> &'static [&'static str] {
        &COLUMNS
    }
    fn csv_record(&self) -> Vec<&str> {
        self.record().to_vec()
    }
}

/// Where rows go as they are computed: the printer's row stream (streamed for CSV and JSON,
/// gathered otherwise; nothing on a dry run, which prints its plan alone) and, for --upload, one
/// spool file per account.
struct Sink {
    out: RowStream<AuditRow>,
    spools: Option<BTreeMap<String, Spool>>,
    rows: usize,
    external: usize,
}

impl Sink {
    fn new(session: &Session, upload: bool) -> Result<Sink> {
        Ok(Sink {
            out: session.printer.row_stream(session.settings.dry_run)?,
            spools: upload.then(BTreeMap::new),
            rows: 0,
            external: 0,
        })
    }

    /// The spool of an account's report (created on first use).
    fn spool(&mut self, account: &str) -> Result<Option<&mut Spool>> {
        let Some(spools) = self.spools.as_mut() else {
            return Ok(None);
        };
        if !spools.contains_key(account) {
            spools.insert(account.to_string(), Spool::create()?);
        }
        Ok(spools.get_mut(account))
    }

    fn row(&mut self, r: AuditRow) -> Result<()> {
        self.rows += 1;
        if r.external && r.access != "none" {
            self.external += 1;
        }
        if let Some(w) = self
            .spool(&r.bucket_account)?
            .and_then(|s| s.writer.as_mut())
        {
            w.write_record(r.record()).map_err(csv_error)?;
        }
        self.out.push(r)
    }
}

/// One bucket's policies, fetched, and their rows.
struct Fetched {
    bucket: String,
    /// The policies' rows (an error: they could not be decided, which fails the run), or why the
    /// policies could not be read (which skips the bucket).
    rows: std::result::Result<Result<Vec<AuditRow>>, crate::error::CliError>,
    access_points: usize,
}

/// What a bucket's rows need besides its policies, owned, so they can be computed on a thread of
/// their own ([`bucket_rows`]).
#[derive(Clone)]
struct RowInputs {
    partition: &'static str,
    trusted: Arc<[String]>,
    organization: Arc<[String]>,
    exact: bool,
    /// One permit per core: as many buckets evaluated at once (and blocking threads, each with
    /// its own allocator arena) as there are cores, not one per request in flight.
    cpus: Arc<Semaphore>,
}

/// The policies' rows of a bucket, computed on a blocking thread: evaluating them is CPU work
/// (exact rows, every principal class), and the loop that keeps the pool's requests in flight and
/// writes the rows must not wait for it; buckets are evaluated side by side, the rows still
/// written in order.
async fn bucket_rows(
    inputs: RowInputs,
    bucket: String,
    region: String,
    findings: Vec<FindingRef>,
    set: PolicySet,
    chain: Arc<Chain>,
) -> Result<Vec<AuditRow>> {
    let name = bucket.clone();
    let cpus = inputs.cpus.clone();
    let _permit = cpus.acquire().await.expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || {
        let audit = BucketAudit {
            bucket: &bucket,
            partition: inputs.partition,
            trusted: &inputs.trusted,
            findings: &findings,
            region: &region,
            organization: &inputs.organization,
        };
        policy_rows(&audit, &set, &chain, inputs.exact)
    })
    .await
    .unwrap_or_else(|e| {
        Err(crate::error::failed(format!(
            "s3://{name}: evaluating its policies failed: {e}"
        )))
    })
}

/// Read a bucket's policies, then compute their rows off the loop.
async fn fetch_bucket(
    scope: &Scope<'_>,
    sem: &Semaphore,
    bucket: String,
    aps: Vec<AccessPointInfo>,
    inputs: RowInputs,
    findings: Vec<FindingRef>,
) -> Fetched {
    let access_points = aps.len();
    let set =
        crate::evaluate::policy_set::read(&scope.aws, &scope.account, &bucket, aps, sem).await;
    let rows = match set {
        Ok(set) => Ok(bucket_rows(
            inputs,
            bucket.clone(),
            scope.region.clone(),
            findings,
            set,
            scope.chain.clone(),
        )
        .await),
        Err(e) => Err(e),
    };
    Fetched {
        bucket,
        rows,
        access_points,
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

/// One AWS call (or a short sequence of them) under the run's one limit.
async fn limited<T>(sem: &Semaphore, call: impl std::future::Future<Output = T>) -> T {
    let permit = sem.acquire().await.expect("the semaphore is never closed");
    let out = call.await;
    drop(permit);
    out
}

/// The credentials a scope's calls use: the caller's, or a member account's role.
enum ScopeAws<'a> {
    Caller(&'a Aws),
    Member(Box<Aws>),
}

impl std::ops::Deref for ScopeAws<'_> {
    type Target = Aws;
    fn deref(&self) -> &Aws {
        match self {
            ScopeAws::Caller(a) => a,
            ScopeAws::Member(a) => a,
        }
    }
}

/// One account in one region, listed: what its buckets are audited with.
struct Scope<'a> {
    account: String,
    region: String,
    aws: ScopeAws<'a>,
    chain: Arc<Chain>,
    /// Buckets not audited yet (the scope counts on the progress bar when none is left).
    left: AtomicUsize,
    /// The account's S3 Access Grants in the region, read with the listing (taken by the loop).
    grants: std::sync::Mutex<Option<Prefetch>>,
    /// One of the run's [`Ahead`] places, held while any of the scope's buckets is queued or in
    /// flight: given back when the last of them is written.
    _ahead: Option<tokio::sync::OwnedSemaphorePermit>,
}

impl<'a> Scope<'a> {
    /// A scope about to be listed, holding `ahead` (one of the run's [`Ahead`] places, if any).
    fn new(
        account: String,
        region: String,
        aws: ScopeAws<'a>,
        chain: Arc<Chain>,
        ahead: Option<tokio::sync::OwnedSemaphorePermit>,
    ) -> Self {
        Scope {
            account,
            region,
            aws,
            chain,
            left: AtomicUsize::new(0),
            grants: Default::default(),
            _ahead: ahead,
        }
    }
}

/// How many scopes may be listed and not yet written: the listings run only this far ahead of
/// the bucket reads, so the run holds a few scopes' listings, not the organization's (a listing
/// is three round trips and a scope's buckets two each; twice the pool's requests keeps the pool
/// full). Taken before a scope's listing asks anything, so waiting for a place never holds one
/// of the pool's permits.
type Ahead = Arc<Semaphore>;

/// Where the accounts' work goes as each scope is listed.
type Tx<'a> = futures::channel::mpsc::UnboundedSender<Work<'a>>;

/// Hand the work over; the loop has ended only when the run is over (an error), and then
/// nothing is waiting for it.
fn send<'a>(tx: &Tx<'a>, work: impl IntoIterator<Item = Work<'a>>) {
    for w in work {
        let _ = tx.unbounded_send(w);
    }
}

/// An account or region that could not be audited, with the one-line cause.
#[derive(Debug, serde::Serialize)]
struct Failure {
    account: String,
    /// The region, or `*` when the account could not be entered at all.
    region: String,
    cause: String,
    #[serde(skip)]
    error: Option<CliError>,
}

/// What the audit works through: every bucket of every scope, and the failures on the way.
enum Work<'a> {
    Bucket(Arc<Scope<'a>>, String, Vec<AccessPointInfo>),
    /// A scope without buckets: done once listed.
    Empty(Arc<Scope<'a>>),
    Failed(Failure),
}

enum Done<'a> {
    Bucket(Arc<Scope<'a>>, Fetched),
    Empty(Arc<Scope<'a>>),
    Failed(Failure),
}

/// What the run covers: which accounts, in which regions.
pub(super) struct Coverage {
    /// Every account of the organization (none outside --organization): none is external.
    pub(super) org_accounts: Vec<String>,
    pub(super) organization_id: Option<String>,
    /// The accounts to audit.
    pub(super) accounts: Vec<String>,
    /// The regions to audit (None: each account's enabled regions).
    pub(super) regions: Option<Vec<String>>,
}

/// A scope listed: its buckets, their access points, and (when it has buckets) its S3 Access
/// Grants.
type Listed = (
    Vec<String>,
    HashMap<String, Vec<AccessPointInfo>>,
    Option<Prefetch>,
);

/// The buckets (those asked for, or all in the region) and their access points, of a scope; then,
/// when it has buckets, the account's S3 Access Grants in the region (read here, under the pool,
/// rather than by the loop that writes the rows).
async fn list_scope(
    aws: &Aws,
    sem: &Semaphore,
    account: &str,
    opts: &ReportOptions,
) -> Result<Listed> {
    let named: Vec<String> = {
        let mut v: Vec<String> = Vec::new();
        for b in &opts.bucket {
            if !v.contains(b) {
                v.push(b.clone());
            }
        }
        v
    };
    let one = match named.as_slice() {
        [one] => Some(one.as_str()),
        _ => None,
    };
    // ListBuckets and ListAccessPoints (every bucket's, one listing for the account) together.
    let buckets = async {
        if named.is_empty() {
            limited(sem, aws.buckets_in_region()).await
        } else {
            Ok(named.clone())
        }
    };
    let access_points = limited(sem, aws.list_access_points(account, one, |_| {}));
    let (buckets, listed) = futures::future::join(buckets, access_points).await;
    let (buckets, listed) = (buckets?, listed?);
    let mut by_bucket: HashMap<String, Vec<AccessPointInfo>> = HashMap::new();
    for ap in listed {
        by_bucket.entry(ap.bucket.clone()).or_default().push(ap);
    }
    let grants = if buckets.is_empty() {
        None
    } else {
        Some(limited(sem, Grants::prefetch(aws, account)).await)
    };
    Ok((buckets, by_bucket, grants))
}

/// A scope's work once listed: one item per bucket (or the scope, done, when it has none), or
/// the failure of its listing.
fn scope_work<'a>(scope: Scope<'a>, listed: Result<Listed>) -> Vec<Work<'a>> {
    let (buckets, mut by_bucket, grants) = match listed {
        Ok(listed) => listed,
        Err(e) => {
            return vec![Work::Failed(Failure {
                account: scope.account,
                region: scope.region,
                cause: e.message.clone(),
                error: Some(e),
            })]
        }
    };
    scope.left.store(buckets.len(), Ordering::Relaxed);
    if let Ok(mut g) = scope.grants.lock() {
        *g = grants;
    }
    let scope = Arc::new(scope);
    if buckets.is_empty() {
        return vec![Work::Empty(scope)];
    }
    buckets
        .into_iter()
        .map(|b| {
            let aps = by_bucket.remove(&b).unwrap_or_default();
            Work::Bucket(scope.clone(), b, aps)
        })
        .collect()
}

/// Enter one member account (its role), find its regions, read its chain, then list every
/// region, each scope's work sent on as soon as it is listed (or why it could not be done).
///
/// The SCP and RCP levels need only the caller: they are read from the start, together with the
/// AssumeRole, the region listing and the account's Block Public Access, so an account's buckets
/// start after three round trips, not a dozen. Everything is awaited here: a future left unpolled
/// while it holds one of the pool's permits would stall the run.
#[allow(clippy::too_many_arguments)]
async fn prepare_member<'a>(
    session: &'a Session,
    caller: &'a Aws,
    sem: &'a Semaphore,
    ahead: &Ahead,
    opts: &'a ReportOptions,
    account: String,
    regions: Option<&[String]>,
    pb: &indicatif::ProgressBar,
    tx: &Tx<'a>,
) {
    let levels = crate::evaluate::chain::org_levels_pooled(caller, &account, Some(sem));
    let entered = enter_member(caller, sem, opts, &account, regions, pb);
    let (levels, entered) = futures::future::join(levels, entered).await;
    let Entered {
        creds,
        regions,
        restrict,
        disabled,
    } = match entered {
        Ok(entered) => entered,
        Err(failure) => return send(tx, [Work::Failed(failure)]),
    };
    send(tx, disabled.into_iter().map(Work::Failed));
    let warn = |m: String| session.printer.warn(m);
    let chain = Arc::new(crate::evaluate::chain::member_chain(
        &account, levels, restrict, warn,
    ));
    let lists = regions.into_iter().map(|region| {
        let aws = ScopeAws::Member(Box::new(caller.in_account(
            &account,
            creds.clone(),
            &region,
        )));
        let (chain, account) = (chain.clone(), account.clone());
        async move {
            let place = ahead.clone().acquire_owned().await.ok();
            let scope = Scope::new(account, region, aws, chain, place);
            let listed = list_scope(&scope.aws, sem, &scope.account, opts).await;
            if listed.is_err() {
                pb.inc(1);
            }
            send(tx, scope_work(scope, listed));
        }
    });
    futures::future::join_all(lists).await;
}

/// A member account entered: its role's credentials, the regions to list, its account-level
/// RestrictPublicBuckets, and the regions named that it has not enabled.
struct Entered {
    creds: aws_credential_types::provider::SharedCredentialsProvider,
    regions: Vec<String>,
    restrict: Result<bool>,
    disabled: Vec<Failure>,
}

/// Assume the member role, then find the regions while the account's Block Public Access is
/// read; the failure when the account cannot be entered.
async fn enter_member(
    caller: &Aws,
    sem: &Semaphore,
    opts: &ReportOptions,
    account: &str,
    regions: Option<&[String]>,
    pb: &indicatif::ProgressBar,
) -> std::result::Result<Entered, Failure> {
    let fail = |cause: String, error: CliError| Failure {
        account: account.to_string(),
        region: "*".to_string(),
        cause,
        error: Some(error),
    };
    let role = format!(
        "arn:{}:iam::{account}:role/{}",
        caller.partition,
        opts.member_role.as_deref().unwrap_or_default()
    );
    let assumed = limited(
        sem,
        caller.assume_role_for_run(&role, "lakegate-audit", opts.external_id.as_deref()),
    )
    .await;
    let creds = match assumed {
        Ok(c) => c,
        Err(e) => {
            pb.inc(regions.map_or(1, |r| r.len() as u64));
            return Err(fail(
                format!("cannot assume {role}: {}", e.message),
                e.into(),
            ));
        }
    };
    let home = caller.in_account(account, creds.clone(), &caller.region);
    let restrict = limited(sem, home.account_restrict_public_buckets(account));
    let regions = async {
        let regions: Vec<String> = match regions {
            Some(r) => r.to_vec(),
            None => match limited(sem, home.enabled_regions()).await {
                Ok(r) => {
                    pb.inc_length(r.len().saturating_sub(1) as u64);
                    r
                }
                Err(e) => {
                    pb.inc(1);
                    return Err(fail(
                        format!("cannot list its regions: {}", e.message),
                        e.into(),
                    ));
                }
            },
        };
        Ok(drop_disabled(&home, sem, opts, account, regions, pb).await)
    };
    let (restrict, regions) = futures::future::join(restrict, regions).await;
    let (regions, disabled) = regions?;
    Ok(Entered {
        creds,
        regions,
        restrict: restrict.map_err(CliError::from),
        disabled,
    })
}

/// The regions named with --regions that are not enabled for the account (EC2 DescribeRegions
/// says `not-opted-in`): each a failure of its own, left out of the work. Without --regions the
/// regions are the caller's or the account's enabled ones, and nothing is asked. When the
/// question itself fails, every region is kept (its listing then says what is wrong).
async fn drop_disabled(
    home: &Aws,
    sem: &Semaphore,
    opts: &ReportOptions,
    account: &str,
    mut regions: Vec<String>,
    pb: &indicatif::ProgressBar,
) -> (Vec<String>, Vec<Failure>) {
    if opts.regions.is_empty() {
        return (regions, Vec::new());
    }
    let disabled = match limited(sem, home.disabled_regions(&regions)).await {
        Ok(d) => d,
        Err(e) => {
            tracing::debug!(account, error = %e.message, "cannot tell which regions are enabled");
            Vec::new()
        }
    };
    regions.retain(|r| !disabled.contains(r));
    let failed = disabled
        .into_iter()
        .map(|region| {
            pb.inc(1);
            Failure {
                account: account.to_string(),
                cause: format!("region {region} is not enabled for account {account}"),
                region,
                error: None,
            }
        })
        .collect();
    (regions, failed)
}

/// The caller's own account in the region in use (without --organization).
async fn prepare_caller<'a>(
    session: &'a Session,
    aws: &'a Aws,
    sem: &Semaphore,
    opts: &'a ReportOptions,
    account: String,
    tx: &Tx<'a>,
) {
    let chain = Arc::new(crate::evaluate::chain::audit_chain(session, &account).await);
    let scope = Scope::new(
        account,
        aws.region.clone(),
        ScopeAws::Caller(aws),
        chain,
        None,
    );
    let listed = list_scope(aws, sem, &scope.account, opts).await;
    send(tx, scope_work(scope, listed));
}

/// The organization's accounts, narrowed by --account and --exclude-account.
pub(super) async fn organization_scope(aws: &Aws, opts: &ReportOptions) -> Result<Coverage> {
    let org = aws.organization().await?;
    let ids: BTreeSet<&str> = org.accounts.iter().map(|a| a.id.as_str()).collect();
    for a in opts.accounts.iter().chain(&opts.exclude_account) {
        if !ids.contains(a.as_str()) {
            return Err(input_error(format!(
                "--account: {a} is not an account of organization {}",
                org.id
            )));
        }
    }
    let accounts: Vec<String> = org
        .accounts
        .iter()
        .filter(|a| a.state == "ACTIVE")
        .filter(|a| opts.accounts.is_empty() || opts.accounts.contains(&a.id))
        .filter(|a| !opts.exclude_account.contains(&a.id))
        .map(|a| a.id.clone())
        .collect();
    Ok(Coverage {
        org_accounts: org.accounts.iter().map(|a| a.id.clone()).collect(),
        organization_id: Some(org.id),
        accounts,
        regions: regions_of(aws, opts),
    })
}

/// The regions to audit in each account (None: each account's enabled regions).
fn regions_of(aws: &Aws, opts: &ReportOptions) -> Option<Vec<String>> {
    if opts.all_regions {
        None
    } else if opts.regions.is_empty() {
        Some(vec![aws.region.clone()])
    } else {
        let mut r: Vec<String> = Vec::new();
        for x in &opts.regions {
            if !r.contains(x) {
                r.push(x.clone());
            }
        }
        Some(r)
    }
}

/// Run the audit: rows to the printer, then (with `upload`) the reports, the findings, the
/// manifest and the table through the change pipeline. A unit of a fanned-out run (`unit`)
/// runs the same audit over its one account and region, then writes its partition and its
/// completion marker (or, when it fails, its failure marker) instead.
pub async fn report(session: &Session, opts: &ReportOptions) -> Result<()> {
    report_with(session, opts, None).await
}

/// [`report`], or (with `fleet`) one unit of a fanned-out run: the same audit, whose rows go to
/// the unit's partition, and whose failures fail the unit whole.
pub async fn report_with(
    session: &Session,
    opts: &ReportOptions,
    fleet: Option<&dyn UnitUpload>,
) -> Result<()> {
    let dry_run = session.settings.dry_run;
    if dry_run && opts.upload.is_none() {
        return Err(input_error(
            "--dry-run: without --upload or --create-table, `audit report` changes nothing to preview; run it without --dry-run",
        ));
    }
    let aws = session.aws().await?;
    let date = fleet.map_or_else(today_utc, |f| f.date().to_string());
    let concurrency = usize::from(opts.concurrency);
    let sem = Semaphore::new(concurrency);

    let pb = session
        .printer
        .spinner("listing accounts, buckets and access points");
    let planned = fleet
        .map(|u| u.organization())
        .filter(|(_, all)| !all.is_empty());
    let plan0 = if let (Some(u), Some((id, all))) = (fleet, planned) {
        Coverage {
            org_accounts: all.to_vec(),
            organization_id: id.map(str::to_owned),
            accounts: vec![u.account().to_string()],
            regions: regions_of(aws, opts),
        }
    } else if opts.organization {
        organization_scope(aws, opts).await?
    } else {
        Coverage {
            org_accounts: Vec::new(),
            organization_id: None,
            accounts: vec![session.account().await?],
            regions: Some(vec![aws.region.clone()]),
        }
    };

    let mut findings: Vec<Finding> = Vec::new();
    for arn in &opts.analyzer_arn {
        pb.set_message("reading IAM Access Analyzer findings");
        findings.extend(aws.s3_findings(arn, concurrency).await?);
    }
    let refs = finding_refs(&findings);

    let scopes = plan0.accounts.len() * plan0.regions.as_ref().map_or(1, Vec::len);
    session.printer.to_bar(
        &pb,
        scopes as u64,
        if opts.organization {
            "auditing accounts × regions"
        } else {
            "auditing"
        },
    );
    let mut sink = Sink::new(session, opts.upload.is_some())?;
    let partition = aws.partition;
    let regions = plan0.regions.clone();
    // Accounts are entered and their scopes listed (the producer) while buckets are fetched
    // (the consumer). The two are joined by a channel and both polled below: a producer polled
    // only when the consumer has room would sit on its permits of the pool while the consumer
    // waits for them. How far the listings run ahead is bounded by `ahead` instead.
    let (tx, rx) = futures::channel::mpsc::unbounded::<Work>();
    let ahead: Ahead = Arc::new(Semaphore::new(concurrency.saturating_mul(2)));
    let (sem_r, pb_r, regions_r, ahead_r) = (&sem, &pb, regions.as_deref(), &ahead);
    let accounts = plan0.accounts.clone();
    let produce = async move {
        stream::iter(accounts)
            .for_each_concurrent(concurrency, |account| {
                let tx = &tx;
                async move {
                    if opts.organization {
                        prepare_member(
                            session, aws, sem_r, ahead_r, opts, account, regions_r, pb_r, tx,
                        )
                        .await;
                    } else {
                        prepare_caller(session, aws, sem_r, opts, account, tx).await;
                    }
                }
            })
            .await;
        drop(tx);
    };
    let mut produce = std::pin::pin!(futures::FutureExt::fuse(produce));
    let mut produced = false;
    let inputs = RowInputs {
        partition,
        trusted: opts.trusted_account.clone().into(),
        organization: plan0.org_accounts.clone().into(),
        exact: opts.exact,
        cpus: Arc::new(Semaphore::new(
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        )),
    };
    let mut fetched = rx
        .map(|w| {
            let (sem, refs, inputs) = (&sem, &refs, inputs.clone());
            async move {
                match w {
                    Work::Bucket(scope, bucket, aps) => {
                        let findings = refs.get(&bucket).cloned().unwrap_or_default();
                        let f = fetch_bucket(&scope, sem, bucket, aps, inputs, findings).await;
                        Done::Bucket(scope, f)
                    }
                    Work::Empty(s) => Done::Empty(s),
                    Work::Failed(f) => Done::Failed(f),
                }
            }
        })
        .buffered(concurrency);

    let no_findings: Vec<FindingRef> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    let mut grants = Grants::default();
    let mut skipped: Vec<(String, CliError)> = Vec::new();
    let mut covered: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let (mut audited, mut audited_aps, mut gone) = (0usize, 0usize, 0usize);
    loop {
        let done = tokio::select! {
            done = fetched.next() => done,
            () = &mut produce, if !produced => {
                produced = true;
                continue;
            }
        };
        let Some(done) = done else { break };
        let (scope, f) = match done {
            Done::Failed(f) => {
                let region = if f.region == "*" {
                    "every region".to_string()
                } else {
                    f.region.clone()
                };
                if opts.organization {
                    session.printer.warn(format!(
                        "account {} ({region}) not audited: {}",
                        f.account, f.cause
                    ));
                }
                failures.push(f);
                continue;
            }
            Done::Empty(s) => {
                covered
                    .entry(s.account.clone())
                    .or_default()
                    .insert(s.region.clone());
                pb.inc(1);
                continue;
            }
            Done::Bucket(s, f) => (s, f),
        };
        if scope.left.fetch_sub(1, Ordering::Relaxed) == 1 {
            covered
                .entry(scope.account.clone())
                .or_default()
                .insert(scope.region.clone());
            pb.inc(1);
        }
        let rows = match f.rows {
            Ok(rows) => rows?,
            // Deleted since ListBuckets; not a failure of the audit.
            Err(e) if vanished(&e) && opts.bucket.is_empty() => {
                session.printer.status(format!(
                    "bucket '{}' was deleted while auditing; skipped",
                    f.bucket
                ));
                gone += 1;
                continue;
            }
            Err(e) => {
                session
                    .printer
                    .warn(format!("bucket '{}' not audited: {}", f.bucket, e.message));
                skipped.push((f.bucket, e));
                continue;
            }
        };
        audited += 1;
        audited_aps += f.access_points;
        let audit = BucketAudit {
            bucket: &f.bucket,
            partition,
            trusted: &opts.trusted_account,
            findings: refs.get(&f.bucket).unwrap_or(&no_findings),
            region: &scope.region,
            organization: &plan0.org_accounts,
        };
        // S3 Access Grants: a source of access beside the policies, read with the scope's
        // listing.
        let read = scope.grants.lock().ok().and_then(|mut g| g.take());
        if let Some(e) = read.and_then(|r| grants.prefetched(&scope.account, &scope.region, r)) {
            session.printer.warn(format!(
                "account {} ({}): S3 Access Grants not read, their rows are missing: {}",
                scope.account, scope.region, e.message
            ));
        }
        let grant_rows = grants.rows(&scope.account, &audit);
        emit_rows(&mut sink, rows, grant_rows)?;
        sink.out.flush()?;
    }
    drop(fetched);

    // Findings on buckets of accounts the run could not enter still get their rows.
    let entered: BTreeSet<&str> = covered.keys().map(String::as_str).collect();
    let failed_accounts: BTreeSet<String> = failures
        .iter()
        .filter(|f| !entered.contains(f.account.as_str()) || f.region == "*")
        .map(|f| f.account.clone())
        .collect();
    let mut orphan_buckets: BTreeMap<String, String> = BTreeMap::new();
    for f in &findings {
        if let Some(b) = f.bucket() {
            if failed_accounts.contains(&f.resource_owner_account) {
                orphan_buckets.insert(b, f.resource_owner_account.clone());
            }
        }
    }
    for (bucket, owner) in &orphan_buckets {
        let audit = BucketAudit {
            bucket,
            partition,
            trusted: &opts.trusted_account,
            findings: refs.get(bucket).unwrap_or(&no_findings),
            region: "",
            organization: &plan0.org_accounts,
        };
        let set = PolicySet {
            identity: Vec::new(),
            bucket: None,
            bucket_account: owner.clone(),
            access_points: Vec::new(),
        };
        policy_rows(&audit, &set, &Chain::default(), opts.exact)?
            .into_iter()
            .try_for_each(|r| sink.row(r))?;
    }
    pb.finish_and_clear();
    let out = std::mem::replace(&mut sink.out, session.printer.row_stream(true)?);
    out.finish(&session.printer)?;

    // An account is covered when every region of it was audited.
    let failed_scope: BTreeSet<String> = failures.iter().map(|f| f.account.clone()).collect();
    let covered_accounts: Vec<String> = covered
        .keys()
        .filter(|a| !failed_scope.contains(a.as_str()))
        .cloned()
        .collect();
    let accounts_part = if opts.organization {
        format!(
            "{} of {} account{}, ",
            covered_accounts.len(),
            plan0.accounts.len(),
            plural(plan0.accounts.len())
        )
    } else {
        String::new()
    };
    session.printer.status(format!(
        "audited {accounts_part}{audited} bucket{} and {audited_aps} access point{}: {} row{}, {} external{}",
        plural(audited),
        plural(audited_aps),
        sink.rows,
        plural(sink.rows),
        sink.external,
        if !opts.analyzer_arn.is_empty() {
            format!(", {} finding{}", findings.len(), plural(findings.len()))
        } else {
            String::new()
        }
    ));
    // Outside --organization a listing failure is the run's failure, as before.
    if !opts.organization && !failures.is_empty() {
        let f = failures.swap_remove(0);
        return Err(f.error.unwrap_or_else(|| failed(f.cause)));
    }
    if !failures.is_empty() {
        let accounts: BTreeSet<&str> = failures.iter().map(|f| f.account.as_str()).collect();
        session.printer.status(format!(
            "not audited ({} account{}):",
            accounts.len(),
            plural(accounts.len())
        ));
        for f in &failures {
            session
                .printer
                .status(format!("  {}  {}  {}", f.account, f.region, f.cause));
        }
    }
    if let Some((first, e)) = skipped.first() {
        let what = if opts.upload.is_some() {
            "; nothing was uploaded"
        } else {
            ""
        };
        return Err(failed(format!(
            "{} of {} buckets could not be audited (first: '{first}': {}){what}",
            skipped.len(),
            audited + skipped.len() + gone,
            e.message
        )));
    }
    let partial = !failures.is_empty();
    let failed_n = failed_scope.len();
    if partial && fleet.is_some() {
        // A unit fails whole, naming why: SQS retries it, then the run's manifest names it.
        let causes: Vec<String> = failures
            .iter()
            .map(|f| {
                format!(
                    "account {} ({}) not audited: {}",
                    f.account, f.region, f.cause
                )
            })
            .collect();
        return Err(failed(causes.join("; ")));
    }
    if partial && !opts.allow_partial {
        let what = if opts.upload.is_some() {
            "; nothing was uploaded (--allow-partial uploads the other accounts' reports, marked partial)"
        } else {
            ""
        };
        return Err(failed(format!(
            "{failed_n} of {} account{} could not be audited (see above){what}",
            plan0.accounts.len(),
            plural(plan0.accounts.len())
        )));
    }

    if let Some(url) = &opts.upload {
        let (bucket, prefix) = (url.bucket.to_string(), url.prefix());
        let mut spools = sink.spools.take().unwrap_or_default();
        // Every account audited has a report, even an empty one: its partition says so.
        for a in &covered_accounts {
            if !spools.contains_key(a) {
                spools.insert(a.clone(), Spool::create()?);
            }
        }
        for s in spools.values_mut() {
            s.finish()?;
        }
        if let Some(unit) = fleet {
            let path = spools.get(unit.account()).map(|s| s.file.path());
            return unit.upload(session, aws, path, sink.rows).await;
        }
        let manifest = Manifest {
            date: &date,
            organization: plan0.organization_id.as_deref(),
            partial,
            accounts: &covered_accounts,
            regions: plan0.regions.as_deref(),
            failed: &failures,
            reports: spools.keys().cloned().collect(),
        };
        let up = Upload {
            bucket: &bucket,
            prefix: &prefix,
            date: &date,
            findings: (!opts.analyzer_arn.is_empty()).then_some(findings.as_slice()),
            spools: &spools,
            manifest: &manifest,
        };
        upload(session, aws, opts, &up).await?;
    }
    if partial {
        return Err(failed(format!(
            "{failed_n} of {} account{} could not be audited (see above); the upload is marked partial",
            plan0.accounts.len(),
            plural(plan0.accounts.len())
        )));
    }
    Ok(())
}

/// The bucket's rows: the policies', then `grants` (its S3 Access Grants rows). With grants,
/// each row names the other sources reaching its keys (`also_sources`).
fn emit_rows(sink: &mut Sink, mut rows: Vec<AuditRow>, grants: Vec<AuditRow>) -> Result<()> {
    if !grants.is_empty() {
        rows.extend(grants);
        super::access_grants::link(&mut rows);
    }
    rows.into_iter().try_for_each(|r| sink.row(r))
}

/// The policies' rows of a bucket, exact or sampled.
fn policy_rows(
    audit: &BucketAudit<'_>,
    set: &PolicySet,
    chain: &Chain,
    exact: bool,
) -> Result<Vec<AuditRow>> {
    let mut rows = Vec::new();
    if exact {
        audit
            .exact_rows_with(set, chain, &[], |r| rows.push(r))
            .map_err(|e| {
                crate::error::failed(format!(
                    "s3://{}: cannot decide its access exactly: {e}",
                    audit.bucket
                ))
            })?;
    } else {
        audit.rows_with(set, chain, |r| rows.push(r));
    }
    Ok(rows)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What an upload covers, written next to the reports (`manifest/dt=DAY/manifest.json`).
#[derive(Debug, serde::Serialize)]
struct Manifest<'a> {
    date: &'a str,
    organization: Option<&'a str>,
    /// Some account or region could not be audited (`--allow-partial`).
    partial: bool,
    /// The accounts audited in full.
    accounts: &'a [String],
    /// The regions audited in each (None: each account's enabled regions).
    regions: Option<&'a [String]>,
    failed: &'a [Failure],
    /// The accounts with a report uploaded.
    reports: Vec<String>,
}

struct Upload<'a> {
    bucket: &'a str,
    prefix: &'a str,
    date: &'a str,
    findings: Option<&'a [Finding]>,
    spools: &'a BTreeMap<String, Spool>,
    manifest: &'a Manifest<'a>,
}

/// The accounts and first day already under `report/account=ID/dt=DAY/`, so the table's
/// projection covers every report uploaded before.
pub(super) async fn reports_present(
    aws: &Aws,
    bucket: &str,
    prefix: &str,
) -> Result<(Vec<String>, Option<String>)> {
    let mut accounts = Vec::new();
    let mut first: Option<String> = None;
    for dir in aws
        .common_prefixes(bucket, &format!("{prefix}report/"))
        .await?
    {
        let Some(a) = dir.strip_prefix("account=") else {
            continue;
        };
        if crate::policy::arn::validate_account_id(a).is_err() {
            continue;
        }
        accounts.push(a.to_string());
        for d in aws
            .common_prefixes(bucket, &format!("{prefix}report/account={a}/dt="))
            .await?
        {
            if d.parse::<Date>().is_ok() && first.as_ref().is_none_or(|f| d < *f) {
                first = Some(d);
            }
        }
    }
    Ok((accounts, first))
}

/// The Athena table over the reports: where and how it is created or brought up to date.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct TableSpec {
    /// `DB.TABLE`.
    pub table: Option<String>,
    pub workgroup: Option<String>,
    pub output_location: Option<String>,
}

impl TableSpec {
    pub fn of(opts: &ReportOptions) -> TableSpec {
        TableSpec {
            table: opts
                .create_table
                .as_ref()
                .map(|t| format!("{}.{}", t.database, t.table)),
            workgroup: opts.workgroup.as_ref().map(ToString::to_string),
            output_location: opts.output_location.as_ref().map(ToString::to_string),
        }
    }
}

/// The step that creates the table or merges `accounts` (and a first day `first` before
/// `date`) into its partition projection: accounts are only ever added (older reports stay
/// queryable), and the first day only moves back.
pub(super) fn table_step<'a>(
    bucket: &str,
    prefix: &str,
    date: &str,
    accounts: Vec<String>,
    first: Option<String>,
    spec: &TableSpec,
) -> Result<Step<'a>> {
    let Some((db, table)) = spec.table.as_deref().and_then(|t| t.split_once('.')) else {
        return Err(failed("no table to create"));
    };
    let location = report_location(bucket, prefix);
    let first = first
        .filter(|f| f.as_str() < date)
        .unwrap_or_else(|| date.to_string());
    let output_location = spec
        .output_location
        .clone()
        .or_else(|| Some(format!("s3://{bucket}/{prefix}athena-results/")));
    let resource = AthenaTable::new(db, table, spec.workgroup.clone(), output_location);
    let columns = typed_columns();
    let keys: Vec<String> = PARTITION_KEYS.iter().map(|k| k.to_string()).collect();
    Ok(Step::new(
        resource,
        Box::new(move |cur| {
            let mut all: BTreeSet<String> = accounts.iter().cloned().collect();
            let mut first = first.clone();
            if let Some(c) = cur {
                let props = athena_table::properties(c);
                for (k, v) in &props {
                    if k == "projection.account.values" {
                        all.extend(v.split(',').filter(|s| !s.is_empty()).map(str::to_string));
                    }
                    if k == "projection.dt.range" {
                        if let Some(f) = v.split(',').next() {
                            if f.parse::<Date>().is_ok() && *f < *first.as_str() {
                                first = f.to_string();
                            }
                        }
                    }
                }
            }
            let all: Vec<String> = all.into_iter().collect();
            let props = table_properties(&location, &first, &all);
            // A table keeps the columns it was created with (a table made before the exact
            // audit lacks keys/except/partial/latent: `audit query` reads it as it is;
            // dropping it and creating it again adds them).
            let columns = match cur.map(|c| &c.columns) {
                Some(kept) if !kept.is_empty() => kept.clone(),
                _ => columns.clone(),
            };
            Ok(Some(athena_table::state(
                &location, &columns, &keys, &props,
            )))
        }),
    ))
}

/// The upload, and the table, as one plan through the change pipeline.
async fn upload(session: &Session, aws: &Aws, opts: &ReportOptions, up: &Upload<'_>) -> Result<()> {
    let (bucket, prefix, date) = (up.bucket, up.prefix, up.date);
    let mut objects: Vec<(S3Object, String)> = Vec::new();
    let partial = if up.manifest.partial { "true" } else { "false" };
    let reports: Vec<(&str, Source)> = up
        .spools
        .iter()
        .map(|(a, s)| (a.as_str(), Source::File(s.file.path().to_path_buf())))
        .collect();
    let keys = super::partition::local_report_keys(aws, bucket, prefix, date, &reports).await?;
    for ((account, source), key) in reports.into_iter().zip(keys) {
        let o = S3Object::new(bucket, &key, "text/csv", source)
            .with_metadata("lakegate-account", account)
            .with_metadata("lakegate-partial", partial);
        objects.push((o, format!("the report of account {account}")));
    }
    if let Some(findings) = up.findings {
        let body = serde_json::to_vec_pretty(findings)
            .map_err(|e| failed(format!("cannot render the findings as JSON: {e}")))?;
        let key = format!("{prefix}archive/dt={date}/findings.json");
        objects.push((
            S3Object::new(bucket, &key, "application/json", Source::Bytes(body)),
            format!("{} finding{}", findings.len(), plural(findings.len())),
        ));
    }
    let body = serde_json::to_vec_pretty(up.manifest)
        .map_err(|e| failed(format!("cannot render the manifest as JSON: {e}")))?;
    let key = format!("{prefix}manifest/dt={date}/manifest.json");
    objects.push((
        S3Object::new(bucket, &key, "application/json", Source::Bytes(body))
            .with_metadata("lakegate-partial", partial),
        "the manifest".to_string(),
    ));

    let mut plan = Plan::new(format!("audit report --upload s3://{bucket}/{prefix}"));
    let mut what = Vec::new();
    for (o, label) in &objects {
        let desired = o.desired()?;
        let uploaded = plan.add(o.clone(), crate::apply::set(Some(desired)));
        what.push((o.id().to_string(), label.clone(), uploaded));
    }
    let mut table_id = None;
    if let Some(t) = &opts.create_table {
        table_id = Some(format!("{}.{}", t.database, t.table));
        let (mut accounts, first) = reports_present(aws, bucket, prefix).await?;
        accounts.extend(up.spools.keys().cloned());
        plan.push(table_step(
            bucket,
            prefix,
            date,
            accounts,
            first,
            &TableSpec::of(opts),
        )?);
    }
    let report = session.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    for (id, label, uploaded) in &what {
        let changed = uploaded.changed();
        session.printer.status(format!(
            "{} {label} to {id}",
            if changed { "uploaded" } else { "unchanged:" }
        ));
    }
    let covers = if up.manifest.partial {
        format!(
            "PARTIAL: covers {} account{} ({} not audited)",
            up.manifest.accounts.len(),
            plural(up.manifest.accounts.len()),
            up.manifest
                .failed
                .iter()
                .map(|f| f.account.as_str())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        format!(
            "covers {} account{}",
            up.manifest.accounts.len(),
            plural(up.manifest.accounts.len())
        )
    };
    session.printer.status(format!(
        "the report {covers}: {}",
        up.manifest.accounts.join(", ")
    ));
    if let Some(t) = table_id {
        session.printer.status(format!(
            "table {t} reads s3://{bucket}/{prefix}report/ (partitions by account and dt); query it with `lakegate audit query {t}`"
        ));
    }
    Ok(())
}
