//! The organization audit past one process: a run fanned out over the deployed function.
//!
//! - The **planner** (`audit report --organization --fan-out`, locally or as the function's
//!   scheduled job) lists the organization's accounts and regions, writes the run's plan
//!   (`runs/RUN/plan.json`: the units expected) and sends one SQS message per account × region
//!   (SendMessageBatch, ten at a time) to the audit queue.
//! - A **unit** is exactly `audit report --organization --account ID --regions R --run RUN`
//!   with the run's other options ([`super::args`] renders every one of them): the same engine
//!   function as a local run, which writes its partition
//!   (`report/account=ID/dt=DAY/RUN.R.csv`) and its completion marker (`runs/RUN/done/ID-R.json`).
//!   A unit that fails writes a failure marker (`runs/RUN/failed/ID-R.json`) with its cause and
//!   which delivery it was; SQS delivers it again until its redrive policy's `maxReceiveCount`,
//!   then moves it to the dead-letter queue: the marker of the last delivery is final.
//! - The **finisher**: whichever unit sees every unit done or failed for good writes
//!   `runs/RUN/manifest.json` (accounts covered, units failed with their cause, partial or not)
//!   and merges the covered accounts into the Athena table. `audit status RUN --finish` does it
//!   by hand for a run whose last unit never reported (a function that timed out). A run's
//!   manifest names every account it lacks.
//! - A unit whose every delivery died without a word (the function killed at its timeout, out
//!   of memory) reaches the dead-letter queue, which `audit schedule --fan-out` maps to the
//!   same function: it runs the unit with `--dead-letter N` ([`dead_lettered`]), which writes
//!   the unit's final failure marker and runs the finisher's check, so no run waits for a
//!   person. A dead letter that can never be handled (its run's plan gone, or not naming it)
//!   is consumed with its reason ([`DroppedDeadLetter`]) rather than failed: the dead-letter
//!   queue has no redrive, so a failure would come back until its retention ends.
//!
//! Every object is written through the change pipeline (S3 objects); the manifest's bytes are
//! a function of the markers alone, so two finishers racing write the same object.

use super::report::{
    organization_scope, report_with, reports_present, table_step, ReportOptions, TableSpec,
    UnitRun, UnitUpload,
};
use crate::apply::s3_object::{S3Object, Source};
use crate::apply::Plan;
use crate::aws::Aws;
use crate::error::{failed, input_error, CliError, Kind, Result};
use crate::output::{Cell, Row};
use crate::session::Session;
use crate::values::{Attempt, RunId, S3Url};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One unit of a run: an account in a region (`*`: every region enabled in it).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Unit {
    pub account: String,
    pub region: String,
}

impl Unit {
    /// The unit's name in marker keys: `ACCOUNT-REGION` (`ACCOUNT-all`).
    pub fn name(&self) -> String {
        format!("{}-{}", self.account, region_part(&self.region))
    }
}

fn region_part(region: &str) -> &str {
    if region == "*" {
        "all"
    } else {
        region
    }
}

/// Where a run's objects are: the report location of `--upload`.
#[derive(Debug, Clone)]
pub struct Location {
    pub bucket: String,
    pub prefix: String,
}

impl Location {
    pub fn of(url: &S3Url) -> Location {
        Location {
            bucket: url.bucket.to_string(),
            prefix: url.prefix(),
        }
    }
    fn run(&self, run: &str) -> String {
        format!("{}runs/{run}/", self.prefix)
    }
    pub fn plan_key(&self, run: &str) -> String {
        format!("{}plan.json", self.run(run))
    }
    pub fn done_key(&self, run: &str, u: &Unit) -> String {
        format!("{}done/{}.json", self.run(run), u.name())
    }
    pub fn failed_key(&self, run: &str, u: &Unit) -> String {
        format!("{}failed/{}.json", self.run(run), u.name())
    }
    pub fn manifest_key(&self, run: &str) -> String {
        format!("{}manifest.json", self.run(run))
    }
    /// The unit's object in its partition: named after the run, so that another run of the
    /// same day (fanned out or local) never overwrites it.
    pub fn report_key(&self, run: &str, date: &str, u: &Unit) -> String {
        format!(
            "{}{}",
            super::partition::partition(&self.prefix, &u.account, date),
            super::partition::unit_object(run, region_part(&u.region))
        )
    }
}

/// `runs/RUN/plan.json`: what a run expects.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunPlan {
    pub run: String,
    /// The day of every partition the run writes (units that run past midnight keep it).
    pub date: String,
    pub organization: Option<String>,
    /// The queue the units were sent to.
    pub queue: String,
    /// Deliveries of a unit before SQS moves it to the dead-letter queue.
    pub max_receive: u32,
    pub units: Vec<Unit>,
    /// The Athena table the finisher brings up to date (`--create-table`).
    #[serde(default)]
    pub table: TableSpec,
    /// Every account of the organization (whose principals are not external), so that units
    /// do not list the organization again.
    #[serde(default)]
    pub org_accounts: Vec<String>,
}

/// A unit's plan, as the unit reads it.
#[derive(Debug, Clone)]
pub struct UnitPlan {
    pub location: Location,
    pub plan: RunPlan,
    pub unit: Unit,
    pub account: String,
    pub date: String,
    pub attempt: (u32, u32),
}

/// A unit's marker: done (`runs/RUN/done/…`) or failed (`runs/RUN/failed/…`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Marker {
    pub account: String,
    pub region: String,
    /// Which delivery of the unit wrote it, of how many SQS allows.
    pub attempt: u32,
    pub max_attempts: u32,
    /// The partition object (done).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<usize>,
    /// Why it failed (failed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// The last delivery failed: SQS moves the message to the dead-letter queue.
    #[serde(default)]
    pub last: bool,
}

/// A unit that failed, in the manifest and in `audit status`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FailedUnit {
    pub account: String,
    pub region: String,
    pub cause: String,
    pub attempts: u32,
}

/// `runs/RUN/manifest.json`: what a finished run covers.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RunManifest {
    pub run: String,
    pub date: String,
    pub organization: Option<String>,
    /// Some unit failed for good: the accounts in `failed` lack some or all of their rows.
    pub partial: bool,
    pub units: usize,
    /// The accounts every unit of which is done.
    pub accounts: Vec<String>,
    /// The units that failed for good (or had not reported when the run was finished by hand).
    pub failed: Vec<FailedUnit>,
    /// The partition objects written.
    pub reports: Vec<String>,
}

fn json_bytes<T: Serialize>(v: &T, what: &str) -> Result<Vec<u8>> {
    serde_json::to_vec_pretty(v).map_err(|e| failed(format!("cannot render {what} as JSON: {e}")))
}

async fn read_json<T: serde::de::DeserializeOwned>(
    aws: &Aws,
    bucket: &str,
    key: &str,
) -> Result<Option<T>> {
    let Some(bytes) = aws.object_bytes(bucket, key).await? else {
        return Ok(None);
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        failed(format!(
            "s3://{bucket}/{key} is not what lakegate wrote: {e}"
        ))
    })
}

/// A run's plan; "no such run" when it has none.
pub async fn load_plan(aws: &Aws, loc: &Location, run: &str) -> Result<RunPlan> {
    let key = loc.plan_key(run);
    read_json(aws, &loc.bucket, &key).await?.ok_or_else(|| {
        CliError::new(
            Kind::NotFound,
            format!("no run {run}: s3://{}/{key} does not exist", loc.bucket),
        )
    })
}

// ---------------------------------------------------------------------------------------------
// The planner.

/// The arguments of a unit's `audit report`: the run's report options narrowed to one account
/// and region ([`super::args::unit_options`]), every option that decides the rows carried.
pub fn unit_args(opts: &ReportOptions, unit: &Unit, run: &RunId) -> Vec<String> {
    super::args::report_args(&super::args::unit_options(
        opts,
        &unit.account,
        &unit.region,
        run,
    ))
}

/// What `audit report --fan-out` started.
#[derive(Debug, Clone, Serialize)]
pub struct Started {
    pub run: String,
    pub date: String,
    pub queue: String,
    pub units: usize,
    pub accounts: usize,
    pub plan: String,
}

/// The audit queue of the default function's default schedule.
pub const DEFAULT_QUEUE: &str = "lakegate-fulfiller-audit-weekly";

/// `audit report`: this process's unit of a fanned-out run (`opts.unit`), else the run fanned
/// out to `queue` when there is one, else the whole report here.
pub async fn report(session: &Session, opts: &ReportOptions, queue: Option<&str>) -> Result<()> {
    if opts.unit.is_some() {
        return run_unit(session, opts).await;
    }
    let Some(queue) = queue else {
        return super::report::report(session, opts).await;
    };
    let s = fan_out(session, opts, queue).await?;
    if session.settings.dry_run {
        return Ok(());
    }
    session.printer.result(&s, || {
        session.printer.done(format!(
            "run {} queued: {} units ({} accounts) on {}; follow it with `lakegate audit status {} --upload {}`",
            s.run,
            s.units,
            s.accounts,
            s.queue,
            s.run,
            opts.upload.as_ref().map(ToString::to_string).unwrap_or_default()
        ))
    })
}

/// Plan a run over the organization and send its units to `queue`.
pub async fn fan_out(session: &Session, opts: &ReportOptions, queue: &str) -> Result<Started> {
    let Some(url) = &opts.upload else {
        return Err(input_error(
            "--fan-out: --upload s3://BUCKET/PREFIX/ is required (where the units write)",
        ));
    };
    if !opts.organization {
        return Err(input_error("--fan-out: needs --organization"));
    }
    if opts.allow_partial {
        return Err(input_error(
            "--allow-partial: a fanned-out run always finishes, naming what it lacks in its manifest",
        ));
    }
    let aws = session.aws().await?;
    let loc = Location::of(url);
    let q = aws.queue(queue).await?.ok_or_else(|| {
        CliError::new(
            Kind::NotFound,
            format!(
                "queue {queue} does not exist: deploy it with `lakegate audit schedule … -- --organization --fan-out …` (or pass --queue)"
            ),
        )
    })?;
    let max_receive = q
        .redrive_policy
        .as_deref()
        .and_then(|p| serde_json::from_str::<serde_json::Value>(p).ok())
        .and_then(|p| {
            let m = &p["maxReceiveCount"];
            m.as_u64().or_else(|| m.as_str().and_then(|s| s.parse().ok()))
        })
        .ok_or_else(|| {
            failed(format!(
                "queue {queue} has no dead-letter queue (redrive policy): a unit that keeps failing would never be named"
            ))
        })? as u32;
    let coverage = organization_scope(aws, opts).await?;
    let regions: Vec<String> = coverage.regions.clone().unwrap_or_else(|| vec!["*".into()]);
    let units: Vec<Unit> = coverage
        .accounts
        .iter()
        .flat_map(|a| {
            regions.iter().map(|r| Unit {
                account: a.clone(),
                region: r.clone(),
            })
        })
        .collect();
    let run = super::partition::new_run_id();
    let run_id: RunId = run
        .parse()
        .map_err(|e: String| failed(format!("the new run's id: {e}")))?;
    let plan = RunPlan {
        run: run.clone(),
        date: super::today_utc(),
        organization: coverage.organization_id.clone(),
        queue: queue.to_string(),
        max_receive,
        units: units.clone(),
        table: TableSpec::of(opts),
        org_accounts: coverage.org_accounts.clone(),
    };
    let key = loc.plan_key(&run);
    put_objects(
        session,
        format!("audit report --fan-out (run {run})"),
        vec![object(
            &loc,
            &key,
            Source::Bytes(json_bytes(&plan, "the run's plan")?),
            "application/json",
        )],
    )
    .await?;
    let started = Started {
        run: run.clone(),
        date: plan.date.clone(),
        queue: queue.to_string(),
        units: units.len(),
        accounts: coverage.accounts.len(),
        plan: format!("s3://{}/{key}", loc.bucket),
    };
    if session.settings.dry_run {
        return Ok(started);
    }
    let messages: Vec<(String, String)> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let body = serde_json::json!({
                "lakegate": unit_args(opts, u, &run_id),
                "fleet": {"run": run, "account": u.account, "region": u.region, "max_receive": max_receive, "queue": queue},
            });
            (i.to_string(), body.to_string())
        })
        .collect();
    let refused = aws.send_messages(&q.url, &messages).await?;
    if let Some((id, cause)) = refused.first() {
        let n: usize = id.parse().unwrap_or(0);
        return Err(failed(format!(
            "{} of {} units were not queued (first: {}: {cause}); run {run} cannot finish: start a new run",
            refused.len(),
            units.len(),
            units.get(n).map(Unit::name).unwrap_or_default()
        )));
    }
    Ok(started)
}

// ---------------------------------------------------------------------------------------------
// A unit.

/// One unit of a fanned-out run (`audit report --run RUN`): the audit of [`report_with`] over
/// its account and region, its partition and marker, or its failure recorded.
pub async fn run_unit(session: &Session, opts: &ReportOptions) -> Result<()> {
    let Some(u) = &opts.unit else {
        return report_with(session, opts, None).await;
    };
    if let Some(received) = u.dead_letter {
        return match load_unit(session, opts, u).await {
            Ok(plan) => dead_lettered(session, &plan, received).await,
            Err(e) if never_handled(&e) => drop_dead_letter(session, opts, u, e),
            Err(e) => Err(e),
        };
    }
    let plan = load_unit(session, opts, u).await?;
    let done = match u.deadline_ms {
        Some(deadline) => {
            let left = deadline
                .saturating_sub(now_ms())
                .saturating_sub(UNIT_DEADLINE_MARGIN_MS);
            let timed_out = || {
                failed(format!(
                    "timed out: the unit had not finished {} s before the function's timeout; audit it locally (--account {} --regions {})",
                    UNIT_DEADLINE_MARGIN_MS / 1000,
                    plan.unit.account,
                    plan.unit.region
                ))
            };
            if left == 0 {
                Err(timed_out())
            } else {
                let audit = report_with(session, opts, Some(&plan));
                tokio::time::timeout(std::time::Duration::from_millis(left), audit)
                    .await
                    .unwrap_or_else(|_| Err(timed_out()))
            }
        }
        None => report_with(session, opts, Some(&plan)).await,
    };
    after_unit(session, &plan, done).await
}

/// Whether a dead letter's unit failed to load for a reason no redelivery changes: its
/// arguments are not a unit (bad input), or its run's plan is gone (not found) or does not
/// name it. An AWS error a retry may cure (5xx, throttling, no answer) is never one of them.
fn never_handled(e: &CliError) -> bool {
    !e.is_transient() && matches!(e.kind, Kind::Input | Kind::NotFound)
}

/// A dead letter that can never be handled (see [`never_handled`]).
#[derive(Debug, Clone, Serialize)]
pub struct DroppedDeadLetter {
    /// Why, on one line: the error that loading the unit ended with.
    pub dropped: String,
    pub run: String,
    pub account: Option<String>,
}

/// The dead letter is consumed: SQS would otherwise hand it back after every visibility
/// timeout until its retention ends (the dead-letter queue has no redrive of its own), and
/// nothing is written. The result says why (`dropped`), which the function logs with the
/// message's id; the command succeeds, so the message is deleted.
fn drop_dead_letter(
    session: &Session,
    opts: &ReportOptions,
    u: &UnitRun,
    e: CliError,
) -> Result<()> {
    let d = DroppedDeadLetter {
        dropped: e.message,
        run: u.run.to_string(),
        account: opts.accounts.first().cloned(),
    };
    session.printer.warn(format!(
        "dead letter of run {} dropped: it can never be handled: {}",
        d.run, d.dropped
    ));
    session.printer.result(&d, || Ok(()))
}

/// Time a unit keeps before its invocation's deadline to record its failure (a marker, and
/// the finisher's check on the last delivery) when its audit has not finished.
pub const UNIT_DEADLINE_MARGIN_MS: u64 = 20_000;

fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

impl UnitUpload for UnitPlan {
    fn date(&self) -> &str {
        &self.date
    }
    fn account(&self) -> &str {
        &self.account
    }
    fn organization(&self) -> (Option<&str>, &[String]) {
        (self.plan.organization.as_deref(), &self.plan.org_accounts)
    }
    fn upload<'a>(
        &'a self,
        session: &'a Session,
        aws: &'a Aws,
        report: Option<&'a std::path::Path>,
        rows: usize,
    ) -> futures::future::LocalBoxFuture<'a, Result<()>> {
        Box::pin(upload_unit(session, aws, self, report, rows))
    }
}

/// Before a unit's audit: its run's plan, and that the unit is one of it.
pub async fn load_unit(session: &Session, opts: &ReportOptions, u: &UnitRun) -> Result<UnitPlan> {
    let Some(url) = &opts.upload else {
        return Err(input_error("--run: needs --upload (where the run is)"));
    };
    let ([account], true) = (opts.accounts.as_slice(), opts.organization) else {
        return Err(input_error(
            "--run: a unit is one account of the organization (--organization --account ID)",
        ));
    };
    if opts.regions.len() > 1 || opts.allow_partial || opts.create_table.is_some() {
        return Err(input_error(
            "--run: a unit is one region (--regions R or --all-regions), without --allow-partial or --create-table",
        ));
    }
    let region = match opts.regions.first() {
        Some(r) => r.clone(),
        None if opts.all_regions => "*".to_string(),
        None => session.aws().await?.region.clone(),
    };
    let loc = Location::of(url);
    let aws = session.aws().await?;
    let plan = load_plan(aws, &loc, &u.run).await?;
    let unit = Unit {
        account: account.clone(),
        region,
    };
    if !plan.units.contains(&unit) {
        return Err(input_error(format!(
            "--run: {} is not a unit of run {}",
            unit.name(),
            u.run.as_str()
        )));
    }
    let attempt = u.attempt.as_ref().map_or((1, 1), Attempt::numbers);
    Ok(UnitPlan {
        date: plan.date.clone(),
        location: loc,
        plan,
        account: account.clone(),
        unit,
        attempt,
    })
}

fn object(loc: &Location, key: &str, source: Source, content_type: &str) -> S3Object {
    S3Object::new(&loc.bucket, key, content_type, source)
}

async fn put_objects(session: &Session, what: String, objects: Vec<S3Object>) -> Result<()> {
    let mut p = Plan::new(what);
    for o in objects {
        let desired = o.desired()?;
        p.add(o, crate::apply::set(Some(desired)));
    }
    session.apply(p).await?;
    Ok(())
}

/// A unit's partition and completion marker, as one plan; then the finisher's check.
pub async fn upload_unit(
    session: &Session,
    aws: &Aws,
    u: &UnitPlan,
    report: Option<&std::path::Path>,
    rows: usize,
) -> Result<()> {
    let loc = &u.location;
    let key = loc.report_key(&u.plan.run, &u.date, &u.unit);
    let source = match report {
        Some(p) => Source::File(p.to_path_buf()),
        None => Source::Bytes((crate::policy::eval::audit::COLUMNS.join(",") + "\n").into_bytes()),
    };
    let marker = Marker {
        account: u.unit.account.clone(),
        region: u.unit.region.clone(),
        attempt: u.attempt.0,
        max_attempts: u.attempt.1,
        report: Some(key.clone()),
        rows: Some(rows),
        cause: None,
        last: false,
    };
    let done = loc.done_key(&u.plan.run, &u.unit);
    put_objects(
        session,
        format!("audit report --run {} (unit {})", u.plan.run, u.unit.name()),
        vec![
            object(loc, &key, source, "text/csv")
                .with_metadata("lakegate-account", u.unit.account.clone())
                .with_metadata("lakegate-run", u.plan.run.clone()),
            object(
                loc,
                &done,
                Source::Bytes(json_bytes(&marker, "the unit's marker")?),
                "application/json",
            ),
        ],
    )
    .await?;
    if session.settings.dry_run {
        return Ok(());
    }
    session.printer.status(format!(
        "unit {} of run {}: {rows} row{} to s3://{}/{key}",
        u.unit.name(),
        u.plan.run,
        if rows == 1 { "" } else { "s" },
        loc.bucket
    ));
    finish(session, aws, loc, &u.plan, false).await?;
    Ok(())
}

/// After a unit's audit: a failure is recorded (its cause, which delivery, whether the last),
/// and the last delivery's failure may complete the run. The unit's own result is returned.
pub async fn after_unit(session: &Session, u: &UnitPlan, done: Result<()>) -> Result<()> {
    let Err(e) = done else { return Ok(()) };
    if session.settings.dry_run {
        return Err(e);
    }
    let last = u.attempt.0 >= u.attempt.1;
    let marker = Marker {
        account: u.unit.account.clone(),
        region: u.unit.region.clone(),
        attempt: u.attempt.0,
        max_attempts: u.attempt.1,
        report: None,
        rows: None,
        cause: Some(e.message.clone()),
        last,
    };
    let key = u.location.failed_key(&u.plan.run, &u.unit);
    let recorded = async {
        let aws = session.aws().await?;
        put_objects(
            session,
            format!(
                "audit report --run {} (unit {} failed)",
                u.plan.run,
                u.unit.name()
            ),
            vec![object(
                &u.location,
                &key,
                Source::Bytes(json_bytes(&marker, "the unit's marker")?),
                "application/json",
            )],
        )
        .await?;
        if last {
            finish(session, aws, &u.location, &u.plan, false).await?;
        }
        Ok::<(), CliError>(())
    }
    .await;
    if let Err(r) = recorded {
        session.printer.warn(format!(
            "unit {} of run {}: its failure could not be recorded: {}",
            u.unit.name(),
            u.plan.run,
            r.message
        ));
    }
    Err(e)
}

// ---------------------------------------------------------------------------------------------
// Progress and the finisher.

/// Where each unit of a run is, from its markers.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    pub done: BTreeMap<String, Marker>,
    /// Failed for good (the last delivery failed).
    pub failed: BTreeMap<String, Marker>,
    /// Failed at least once, to be delivered again.
    pub retrying: BTreeMap<String, Marker>,
    /// In the dead-letter queue without a final failure marker: every delivery ended without
    /// recording its result (the function timed out, ran out of memory, was stopped).
    pub dead: BTreeSet<String>,
}

/// Most dead-letter messages read for one run's causes (ten per ReceiveMessage).
pub const DEAD_LETTERS_READ_MAX: usize = 5_000;
/// Seconds a dead-letter message read for its unit stays hidden at most (it is made visible
/// again as soon as the queue is read).
const DEAD_LETTER_HOLD_SECONDS: i32 = 30;

/// The dead-letter queue of a run's queue: its name, from the queue's redrive policy.
fn dead_letter_queue(q: &crate::aws::sqs::QueueInfo) -> Option<String> {
    q.redrive_policy
        .as_deref()
        .and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())
        .and_then(|r| r["deadLetterTargetArn"].as_str().map(str::to_owned))
        .and_then(|arn| arn.rsplit(':').next().map(str::to_owned))
}

/// The units of `plan` whose message is in the dead-letter queue, by name: the queue's
/// messages are read without being consumed ([`Aws::peek_messages`]) and those of this run
/// kept. Empty when the queue or its dead-letter queue is gone.
pub async fn dead_letters(aws: &Aws, plan: &RunPlan) -> Result<BTreeSet<String>> {
    let Some(q) = aws.queue(&plan.queue).await? else {
        return Ok(BTreeSet::new());
    };
    let Some(dlq) = dead_letter_queue(&q) else {
        return Ok(BTreeSet::new());
    };
    let Some(dlq) = aws.queue(&dlq).await? else {
        return Ok(BTreeSet::new());
    };
    if dlq.depth == Some(0) && dlq.in_flight == Some(0) {
        return Ok(BTreeSet::new());
    }
    let max = dlq
        .depth
        .map_or(DEAD_LETTERS_READ_MAX, |d| (d as usize).saturating_add(10))
        .min(DEAD_LETTERS_READ_MAX);
    let units: BTreeSet<&Unit> = plan.units.iter().collect();
    let mut dead = BTreeSet::new();
    for m in aws
        .peek_messages(&dlq.url, max, DEAD_LETTER_HOLD_SECONDS)
        .await?
    {
        let Ok(body) = serde_json::from_str::<serde_json::Value>(&m.body) else {
            continue;
        };
        let f = &body["fleet"];
        if f["run"].as_str() != Some(plan.run.as_str()) {
            continue;
        }
        let (Some(account), Some(region)) = (f["account"].as_str(), f["region"].as_str()) else {
            continue;
        };
        let u = Unit {
            account: account.to_string(),
            region: region.to_string(),
        };
        if units.contains(&u) {
            dead.insert(u.name());
        }
    }
    Ok(dead)
}

/// Read a run's markers: one listing of the run's keys, and only the failure markers' bodies
/// (their cause, and whether they are final). With `when_complete`, None as soon as the listing
/// shows units without any marker: a unit's completion then costs one listing, not a read of
/// every marker.
pub async fn progress(
    aws: &Aws,
    loc: &Location,
    plan: &RunPlan,
    when_complete: bool,
) -> Result<Option<Progress>> {
    let run = &plan.run;
    let base = format!("{}runs/{run}/", loc.prefix);
    // Every unit checks whether it was the last, so this listing is paid once per unit: one
    // listing of both kinds of marker, not one per kind.
    let (mut done_keys, mut failed_keys) = (BTreeSet::new(), BTreeSet::new());
    for key in aws.keys_under(&loc.bucket, &base).await? {
        if let Some(file) = key.strip_prefix("done/") {
            done_keys.insert(file.to_string());
        } else if let Some(file) = key.strip_prefix("failed/") {
            failed_keys.insert(file.to_string());
        }
    }
    let mut p = Progress::default();
    let files: Vec<(&Unit, String)> = plan
        .units
        .iter()
        .map(|u| (u, format!("{}.json", u.name())))
        .collect();
    let with_marker = files
        .iter()
        .filter(|(_, f)| done_keys.contains(f) || failed_keys.contains(f))
        .count();
    if when_complete && with_marker < plan.units.len() {
        return Ok(None);
    }
    for (u, file) in &files {
        if done_keys.contains(file) {
            p.done.insert(
                u.name(),
                Marker {
                    account: u.account.clone(),
                    region: u.region.clone(),
                    attempt: 0,
                    max_attempts: plan.max_receive,
                    report: Some(loc.report_key(&plan.run, &plan.date, u)),
                    rows: None,
                    cause: None,
                    last: false,
                },
            );
        } else if failed_keys.contains(file) {
            if let Some(m) = read_json::<Marker>(aws, &loc.bucket, &loc.failed_key(run, u)).await? {
                if m.last {
                    p.failed.insert(u.name(), m);
                } else {
                    p.retrying.insert(u.name(), m);
                }
            }
        }
    }
    Ok(Some(p))
}

/// The manifest of a run from its progress; units with no final word are failed when
/// `finishing` by hand.
fn manifest_of(plan: &RunPlan, p: &Progress) -> RunManifest {
    let mut failed: Vec<FailedUnit> = Vec::new();
    for u in &plan.units {
        let name = u.name();
        if p.done.contains_key(&name) {
            continue;
        }
        let recorded = p.failed.get(&name).or_else(|| p.retrying.get(&name));
        let (cause, attempts) = match recorded {
            Some(m) if p.failed.contains_key(&name) => {
                (m.cause.clone().unwrap_or_default(), m.attempt)
            }
            _ if p.dead.contains(&name) => (
                dead_letter_cause(plan.max_receive, recorded),
                plan.max_receive,
            ),
            Some(m) => (
                format!(
                    "not finished after {} attempt(s); last cause: {}",
                    m.attempt,
                    m.cause.as_deref().unwrap_or_default()
                ),
                m.attempt,
            ),
            None => (
                "no result: still queued or in flight, or lost (not in the dead-letter queue: deleted, or a dead letter the function dropped after its last delivery failed, see its log)"
                    .to_string(),
                0,
            ),
        };
        failed.push(FailedUnit {
            account: u.account.clone(),
            region: u.region.clone(),
            cause,
            attempts,
        });
    }
    let failed_accounts: BTreeSet<&str> = failed.iter().map(|f| f.account.as_str()).collect();
    let accounts: BTreeSet<String> = plan
        .units
        .iter()
        .filter(|u| !failed_accounts.contains(u.account.as_str()))
        .map(|u| u.account.clone())
        .collect();
    RunManifest {
        run: plan.run.clone(),
        date: plan.date.clone(),
        organization: plan.organization.clone(),
        partial: !failed.is_empty(),
        units: plan.units.len(),
        accounts: accounts.into_iter().collect(),
        failed,
        reports: p.done.values().filter_map(|m| m.report.clone()).collect(),
    }
}

/// Why a unit whose message is in the dead-letter queue failed: after `deliveries`, none of
/// which recorded a final result, with the last error an earlier delivery recorded (`recorded`,
/// its non-final failure marker) if any.
pub fn dead_letter_cause(deliveries: u32, recorded: Option<&Marker>) -> String {
    format!(
        "in the dead-letter queue after {deliveries} deliver{ies}, the last of which recorded no result (the function timed out, ran out of memory or was stopped: see its log){last}",
        ies = if deliveries == 1 { "y" } else { "ies" },
        last = recorded.map_or_else(
            || "; no error was recorded".to_string(),
            |m| format!(
                "; the last error recorded (delivery {} of {}): {}",
                m.attempt,
                m.max_attempts,
                m.cause.as_deref().unwrap_or_default()
            )
        )
    )
}

/// A unit's message delivered from the dead-letter queue (`--dead-letter N`, by the function
/// through the dead-letter queue's event source mapping): every delivery of the unit ended
/// without a final word, so its final failure marker is written now (unless the unit is done
/// or already has one: a redelivered dead letter changes nothing), then the finisher's check
/// runs as after any unit, so the last dead unit finishes the run. `received` is the message's
/// ApproximateReceiveCount: the unit's deliveries, at most the queue's `maxReceiveCount`
/// (SQS keeps counting the dead-letter queue's own receives).
pub async fn dead_lettered(session: &Session, u: &UnitPlan, received: u32) -> Result<()> {
    let aws = session.aws().await?;
    let loc = &u.location;
    let run = &u.plan.run;
    let done = aws
        .object_bytes(&loc.bucket, &loc.done_key(run, &u.unit))
        .await?
        .is_some();
    let key = loc.failed_key(run, &u.unit);
    let recorded: Option<Marker> = read_json(aws, &loc.bucket, &key).await?;
    let deliveries = received.clamp(1, u.plan.max_receive.max(1));
    if done || recorded.as_ref().is_some_and(|m| m.last) {
        session.printer.status(format!(
            "unit {} of run {}: already {}; its dead letter changes nothing",
            u.unit.name(),
            run,
            if done { "done" } else { "failed for good" }
        ));
    } else {
        let marker = Marker {
            account: u.unit.account.clone(),
            region: u.unit.region.clone(),
            attempt: deliveries,
            max_attempts: u.plan.max_receive,
            report: None,
            rows: None,
            cause: Some(dead_letter_cause(deliveries, recorded.as_ref())),
            last: true,
        };
        put_objects(
            session,
            format!(
                "audit report --run {run} (unit {} in the dead-letter queue)",
                u.unit.name()
            ),
            vec![object(
                loc,
                &key,
                Source::Bytes(json_bytes(&marker, "the unit's marker")?),
                "application/json",
            )],
        )
        .await?;
    }
    if session.settings.dry_run {
        return Ok(());
    }
    finish(session, aws, loc, &u.plan, false).await?;
    Ok(())
}

/// Write the run's manifest (and bring the table up to date) when every unit is done or failed
/// for good, or at once when `by_hand`. The manifest written, or None while units are left.
pub async fn finish(
    session: &Session,
    aws: &Aws,
    loc: &Location,
    plan: &RunPlan,
    by_hand: bool,
) -> Result<Option<RunManifest>> {
    let Some(mut p) = progress(aws, loc, plan, !by_hand).await? else {
        return Ok(None);
    };
    let complete = p.done.len() + p.failed.len() >= plan.units.len();
    if by_hand && !complete {
        p.dead = dead_letters(aws, plan).await?;
    }
    if !complete && !by_hand {
        return Ok(None);
    }
    let manifest = manifest_of(plan, &p);
    let key = loc.manifest_key(&plan.run);
    let partial = if manifest.partial { "true" } else { "false" };
    let mut objects = vec![object(
        loc,
        &key,
        Source::Bytes(json_bytes(&manifest, "the run's manifest")?),
        "application/json",
    )
    .with_metadata("lakegate-partial", partial)];
    let mut steps = Vec::new();
    if plan.table.table.is_some() && !manifest.accounts.is_empty() {
        let (mut accounts, first) = reports_present(aws, &loc.bucket, &loc.prefix).await?;
        accounts.extend(manifest.accounts.iter().cloned());
        steps.push(table_step(
            &loc.bucket,
            &loc.prefix,
            &plan.date,
            accounts,
            first,
            &plan.table,
        )?);
    }
    let mut pl = Plan::new(format!("audit run {} finished", plan.run));
    for o in objects.drain(..) {
        let desired = o.desired()?;
        pl.add(o, crate::apply::set(Some(desired)));
    }
    for s in steps {
        pl.push(s);
    }
    session.apply(pl).await?;
    if !session.settings.dry_run {
        session.printer.status(format!(
            "run {} finished{}: {} of {} unit{} done; manifest s3://{}/{key}",
            plan.run,
            if manifest.partial { " PARTIAL" } else { "" },
            p.done.len(),
            plan.units.len(),
            if plan.units.len() == 1 { "" } else { "s" },
            loc.bucket
        ));
    }
    Ok(Some(manifest))
}

/// `audit status RUN`: a run's progress from its markers and its queues.
#[derive(Debug, Clone, Serialize)]
pub struct RunStatus {
    pub run: String,
    pub date: String,
    pub units: usize,
    pub done: usize,
    /// Failed for good (in the dead-letter queue).
    pub failed: usize,
    /// Failed at least once, to be delivered again.
    pub retrying: usize,
    /// Neither done nor failed for good: queued, in flight or retrying.
    pub pending: usize,
    pub queue: String,
    /// ApproximateNumberOfMessages of the queue (every run's).
    pub queued: Option<u64>,
    /// ApproximateNumberOfMessagesNotVisible: being audited now (every run's).
    pub in_flight: Option<u64>,
    pub dead_letter_queue: Option<String>,
    /// Messages in the dead-letter queue (every run's).
    pub dead_letters: Option<u64>,
    /// `done`, `partial` (finished, some unit failed) or `running`.
    pub state: String,
    pub manifest: Option<String>,
    pub failures: Vec<FailedUnit>,
}

impl Row for RunStatus {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec![
            "RUN",
            "STATE",
            "UNITS",
            "DONE",
            "FAILED",
            "RETRYING",
            "PENDING",
            "QUEUED",
            "IN FLIGHT",
            "DLQ",
        ]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        let n = |v: Option<u64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
        vec![
            self.run.clone().into(),
            self.state.clone().into(),
            self.units.to_string().into(),
            self.done.to_string().into(),
            self.failed.to_string().into(),
            self.retrying.to_string().into(),
            self.pending.to_string().into(),
            n(self.queued).into(),
            n(self.in_flight).into(),
            n(self.dead_letters).into(),
        ]
    }
}

impl Row for FailedUnit {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["ACCOUNT", "REGION", "ATTEMPTS", "CAUSE"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.account.clone().into(),
            self.region.clone().into(),
            self.attempts.to_string().into(),
            self.cause.clone().into(),
        ]
    }
}

/// A run's status; with `finish`, the manifest is written first if it is not yet (whatever is
/// left is named as failed).
pub async fn status(
    session: &Session,
    url: &S3Url,
    run: &RunId,
    finish_now: bool,
) -> Result<RunStatus> {
    let aws = session.aws().await?;
    let loc = Location::of(url);
    let plan = load_plan(aws, &loc, run).await?;
    let key = loc.manifest_key(&plan.run);
    let mut manifest: Option<RunManifest> = read_json(aws, &loc.bucket, &key).await?;
    if finish_now && manifest.is_none() {
        manifest = finish(session, aws, &loc, &plan, true).await?;
    }
    let mut p = progress(aws, &loc, &plan, false).await?.unwrap_or_default();
    if manifest.is_none() && p.done.len() + p.failed.len() < plan.units.len() {
        // Progress without the dead-letter queue is still progress (--finish, which names
        // causes in the manifest, does not go on without it).
        p.dead = dead_letters(aws, &plan).await.unwrap_or_else(|e| {
            session.printer.warn(format!(
                "the dead-letter queue could not be read (units in it are shown as pending): {}",
                e.message
            ));
            BTreeSet::new()
        });
    }
    let q = aws.queue(&plan.queue).await?;
    let dlq_name = q.as_ref().and_then(dead_letter_queue);
    let dlq = match &dlq_name {
        Some(n) => aws.queue(n).await?,
        None => None,
    };
    let state = match &manifest {
        Some(m) if m.partial => "partial",
        Some(_) => "done",
        None => "running",
    };
    let failures = match &manifest {
        Some(m) => m.failed.clone(),
        None => manifest_of(&plan, &p)
            .failed
            .into_iter()
            .filter(|f| f.attempts > 0)
            .collect(),
    };
    // Failed for good: a final marker, a message in the dead-letter queue, or named by the
    // manifest (a run finished by hand).
    let failed = match &manifest {
        Some(m) => m.failed.len(),
        None => p.failed.len() + p.dead.iter().filter(|n| !p.failed.contains_key(*n)).count(),
    };
    let dead_retrying = p
        .dead
        .iter()
        .filter(|n| p.retrying.contains_key(*n))
        .count();
    Ok(RunStatus {
        run: plan.run.clone(),
        date: plan.date.clone(),
        units: plan.units.len(),
        done: p.done.len(),
        failed,
        retrying: p.retrying.len().saturating_sub(dead_retrying),
        pending: plan.units.len().saturating_sub(p.done.len() + failed),
        queue: plan.queue.clone(),
        queued: q.as_ref().and_then(|q| q.depth),
        in_flight: q.as_ref().and_then(|q| q.in_flight),
        dead_letter_queue: dlq_name,
        dead_letters: dlq.as_ref().and_then(|q| q.depth),
        state: state.to_string(),
        manifest: manifest.map(|_| format!("s3://{}/{key}", loc.bucket)),
        failures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(units: &[(&str, &str)]) -> RunPlan {
        RunPlan {
            run: "r1".into(),
            date: "2026-12-06".into(),
            organization: Some("o-1".into()),
            queue: "q".into(),
            max_receive: 3,
            units: units
                .iter()
                .map(|(a, r)| Unit {
                    account: a.to_string(),
                    region: r.to_string(),
                })
                .collect(),
            table: TableSpec::default(),
            org_accounts: Vec::new(),
        }
    }

    fn marker(a: &str, r: &str, last: bool, cause: Option<&str>) -> Marker {
        Marker {
            account: a.into(),
            region: r.into(),
            attempt: if last { 3 } else { 1 },
            max_attempts: 3,
            report: cause
                .is_none()
                .then(|| format!("report/account={a}/dt=d/{r}.csv")),
            rows: None,
            cause: cause.map(str::to_owned),
            last,
        }
    }

    #[test]
    fn keys_follow_the_layout() {
        let loc = Location {
            bucket: "b".into(),
            prefix: "audit/".into(),
        };
        let u = Unit {
            account: "111122223333".into(),
            region: "eu-west-1".into(),
        };
        assert_eq!(loc.plan_key("r"), "audit/runs/r/plan.json");
        assert_eq!(
            loc.done_key("r", &u),
            "audit/runs/r/done/111122223333-eu-west-1.json"
        );
        assert_eq!(
            loc.failed_key("r", &u),
            "audit/runs/r/failed/111122223333-eu-west-1.json"
        );
        assert_eq!(
            loc.report_key("r", "2026-12-06", &u),
            "audit/report/account=111122223333/dt=2026-12-06/r.eu-west-1.csv"
        );
        let all = Unit {
            account: "1".into(),
            region: "*".into(),
        };
        assert_eq!(all.name(), "1-all");
    }

    #[test]
    fn a_manifest_names_every_account_a_run_lacks() {
        let pl = plan(&[("a", "r1"), ("a", "r2"), ("b", "r1"), ("c", "r1")]);
        let mut p = Progress::default();
        p.done.insert("a-r1".into(), marker("a", "r1", false, None));
        p.done.insert("a-r2".into(), marker("a", "r2", false, None));
        p.failed.insert(
            "b-r1".into(),
            marker("b", "r1", true, Some("cannot assume")),
        );
        let m = manifest_of(&pl, &p);
        assert!(m.partial);
        // c has no word yet: named as failed, not left out.
        assert_eq!(m.accounts, ["a"]);
        let failed: Vec<(&str, &str)> = m
            .failed
            .iter()
            .map(|f| (f.account.as_str(), f.cause.as_str()))
            .collect();
        assert_eq!(failed[0], ("b", "cannot assume"));
        assert_eq!(failed[1].0, "c");
        assert_eq!(m.reports.len(), 2);
        p.done.insert("b-r1".into(), marker("b", "r1", false, None));
        p.done.insert("c-r1".into(), marker("c", "r1", false, None));
        let m = manifest_of(&pl, &p);
        assert!(!m.partial);
        assert_eq!(m.accounts, ["a", "b", "c"]);
    }
}
