//! A lease that serialises policy writes across processes and machines, built on S3 conditional
//! writes only: acquire = PutObject with `If-None-Match: *`; a lease past its expiry is taken
//! over with `If-Match: <its ETag>`; release = DeleteObject with `If-Match`.
//!
//! A held lease is a [`LeaseGuard`]: a background task renews it (conditional PutObject on its
//! ETag) while its holder works, and [`LeaseGuard::write`] proves the lease is still held (the same
//! conditional PutObject, which also extends it) right before each attempt of a policy write,
//! and bounds each attempt well inside the lease, so a slow writer can never overwrite the writer
//! that took over after it. SIGINT/SIGTERM/SIGHUP ([`RunState::interrupt`]) stop new writes at
//! once; the in-flight one is settled before the lease is released
//! ([`RunState::write_in_flight`], [`RunState::outcomes`]).

use super::error::{failed, input_error, Delivery, Error, ErrorKind, Result};
use super::{classify, Aws};
use aws_sdk_s3::primitives::ByteStream;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The error of a write attempt run under the lease ([`LeaseGuard::write`]): it tells how the
/// request ended, and the lease's own failures convert into it.
pub trait Attempted: From<Error> + std::fmt::Display {
    fn delivery(&self) -> Delivery;
    #[must_use]
    fn with_delivery(self, d: Delivery) -> Self;
}

impl Attempted for Error {
    fn delivery(&self) -> Delivery {
        self.delivery
    }
    fn with_delivery(self, d: Delivery) -> Self {
        self.delivered(d)
    }
}

/// The operation that takes a lease, as its errors name it.
pub const LEASE_PUT: &str = "s3:PutObject (lease)";

/// Where lease objects live inside the lock bucket.
pub const LEASE_PREFIX: &str = ".lakegate/locks/";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LeaseBody {
    pub owner: String,
    pub resource: String,
    /// Seconds since the Unix epoch.
    pub acquired_at: u64,
    pub expires_at: u64,
}

/// Where a held lease is and its current ETag (which changes with every renewal).
#[derive(Debug, Clone)]
struct Lease {
    bucket: String,
    key: String,
    etag: String,
    owner: String,
    resource: String,
    /// Seconds since the Unix epoch, as last written.
    expires_at: u64,
    /// Why the lease is no longer ours, once that is known.
    lost: Option<String>,
    /// When [`LeaseGuard::check_held`] last proved the lease held.
    checked_at: Option<Instant>,
}

type Shared = Arc<Mutex<Lease>>;

/// How a fenced write ended, as far as lakegate knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// The write was answered with success.
    Written,
    /// The write was refused or never sent: the resource is at its old state.
    NotWritten,
    /// No answer came back: the resource is at its old or its new state.
    Unknown,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// A process-unique owner id: host, pid and a random part.
pub fn owner_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "host".into());
    format!("{host}/{}/{:016x}", std::process::id(), h.finish())
}

/// The lease key of a resource (an ARN): `.lakegate/locks/<ARN with unsafe characters as _>.lease`.
pub fn lease_key(resource: &str) -> String {
    format!(
        "{LEASE_PREFIX}{}.lease",
        crate::policy::arn::path_safe(resource)
    )
}

fn status_of<E>(e: &SdkError<E, HttpResponse>) -> Option<u16> {
    e.raw_response().map(|r| r.status().as_u16())
}

/// Settings of lease acquisition.
#[derive(Debug, Clone, Copy)]
pub struct LeaseOptions {
    /// How long a lease is valid without renewal.
    pub ttl: Duration,
    /// How long to wait for another holder before giving up.
    pub wait: Duration,
}

impl Default for LeaseOptions {
    /// A 120-second lease; wait up to 300 seconds for another holder.
    fn default() -> Self {
        LeaseOptions {
            ttl: Duration::from_secs(120),
            wait: Duration::from_secs(300),
        }
    }
}

impl LeaseOptions {
    /// The defaults, with `LAKEGATE_LOCK_TIMEOUT` (seconds to wait, 0-86400) and
    /// `LAKEGATE_LEASE_TTL` (seconds a lease lives without renewal, 3-3600) when set; a bad
    /// value is an input error naming the variable.
    pub fn from_env() -> Result<Self> {
        let mut o = LeaseOptions::default();
        if let Some(w) = env_secs("LAKEGATE_LOCK_TIMEOUT", 0, 86_400)? {
            o.wait = Duration::from_secs(w);
        }
        if let Some(t) = env_secs("LAKEGATE_LEASE_TTL", 3, 3_600)? {
            o.ttl = Duration::from_secs(t);
        }
        Ok(o)
    }

    /// How often the background task renews the lease.
    fn renew_every(&self) -> Duration {
        self.ttl / 4
    }

    /// The longest one write attempt may take: a third of the lease, so that an attempt started
    /// right after a renewal ends well before anyone else may take the lease over.
    pub fn write_attempt(&self) -> Duration {
        self.ttl / 3
    }

    /// The longest one lease request (acquire, renew, release) may take.
    fn lease_call(&self) -> Duration {
        (self.ttl / 6).max(Duration::from_secs(1))
    }
}

fn env_secs(name: &str, min: u64, max: u64) -> Result<Option<u64>> {
    let Some(raw) = std::env::var_os(name) else {
        return Ok(None);
    };
    let v = raw.to_string_lossy();
    match v.trim().parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(input_error(format!(
            "invalid {name} '{v}': expected a whole number of seconds from {min} to {max}"
        ))),
    }
}

fn interrupted_error() -> Error {
    Error::new(
        ErrorKind::Interrupted,
        "interrupted before writing: nothing was changed",
    )
}

/// A held lease: renewed in the background until released or dropped. Release it with
/// [`LeaseGuard::release`]; dropping it stops the renewal and leaves the lease to expire.
pub struct LeaseGuard {
    lease: Shared,
    s3: aws_sdk_s3::Client,
    opts: LeaseOptions,
    run: RunState,
    renewer: tokio::task::JoinHandle<()>,
}

impl Drop for LeaseGuard {
    fn drop(&mut self) {
        self.renewer.abort();
    }
}

impl Aws {
    /// Acquire the lease of `resource` in `bucket`, waiting (with jittered backoff) while another
    /// live holder has it, and taking over a lease past its expiry; then keep it renewed.
    pub async fn lease(
        &self,
        bucket: &str,
        resource: &str,
        opts: LeaseOptions,
    ) -> Result<LeaseGuard> {
        let lease = self.acquire(bucket, resource, opts).await?;
        let s3 = self.s3().clone();
        let shared: Shared = Arc::new(Mutex::new(lease));
        self.run.hold(shared.clone(), s3.clone());
        let renewer = tokio::spawn(renew_loop(
            s3.clone(),
            shared.clone(),
            opts,
            self.run.clone(),
        ));
        Ok(LeaseGuard {
            lease: shared,
            s3,
            opts,
            run: self.run.clone(),
            renewer,
        })
    }

    async fn acquire(&self, bucket: &str, resource: &str, opts: LeaseOptions) -> Result<Lease> {
        let s3 = self.s3();
        let key = lease_key(resource);
        let owner = owner_id();
        let started = Instant::now();
        let mut backoff = Duration::from_millis(20);
        let mut attempt: u64 = 0;
        // The body of our last PutObject whose answer was lost: if the object now holds it, the
        // lease is ours (our own write landed), not someone else's.
        let mut sent: Option<LeaseBody> = None;
        // What S3 answered to the attempts that failed transiently, and how many got no answer.
        let mut answers: Vec<String> = Vec::new();
        let mut unanswered = 0u32;
        loop {
            attempt += 1;
            let body = lease_body(&owner, resource, opts.ttl);
            let bytes = serde_json::to_vec(&body).unwrap_or_default();
            let put = bounded(
                opts.lease_call(),
                s3.put_object()
                    .bucket(bucket)
                    .key(&key)
                    .if_none_match("*")
                    .content_type("application/json")
                    .body(ByteStream::from(bytes.clone()))
                    .send(),
            )
            .await;
            let holder = match put {
                Ok(Ok(out)) => return Ok(held(bucket, &key, out.e_tag(), &owner, &body)),
                // 412: someone holds it; 409: a concurrent conditional write, try again.
                Ok(Err(e)) if matches!(status_of(&e), Some(412) | Some(409)) => {
                    self.current_holder(bucket, &key).await?
                }
                Ok(Err(e)) if super::error::delivery_of(&e) == Delivery::Final => {
                    return Err(classify(LEASE_PUT, e).resource(format!("s3://{bucket}/{key}")))
                }
                // Transient, or no answer: our write may have landed; look before trying again.
                Ok(Err(_)) | Err(_) => {
                    match &put {
                        Ok(Err(e)) => answers.push(answer_of(e)),
                        _ => unanswered += 1,
                    }
                    sent = Some(body.clone());
                    if started.elapsed() >= opts.wait {
                        return Err(failed(format!(
                            "cannot take the lease s3://{bucket}/{key}: {}",
                            no_lease_why(&answers, unanswered, started.elapsed())
                        )));
                    }
                    self.current_holder(bucket, &key).await.ok().flatten()
                }
            };
            if let Some((etag, current)) = holder {
                if current.owner == owner {
                    // Our own lease (an earlier attempt whose answer was lost): take it.
                    tracing::debug!(key, "the lease holds our own id: an earlier attempt landed");
                    let _ = sent.take();
                    return Ok(held(bucket, &key, Some(&etag), &owner, &current));
                }
                if current.expires_at <= now() {
                    tracing::info!(
                        resource,
                        previous = current.owner,
                        "taking over an expired lease"
                    );
                    let takeover = bounded(
                        opts.lease_call(),
                        s3.put_object()
                            .bucket(bucket)
                            .key(&key)
                            .if_match(&etag)
                            .content_type("application/json")
                            .body(ByteStream::from(bytes))
                            .send(),
                    )
                    .await;
                    match takeover {
                        Ok(Ok(out)) => return Ok(held(bucket, &key, out.e_tag(), &owner, &body)),
                        Ok(Err(e))
                            if matches!(status_of(&e), Some(412) | Some(409) | Some(404))
                                || super::error::delivery_of(&e) != Delivery::Final => {}
                        Err(_) => {}
                        Ok(Err(e)) => return Err(classify("s3:PutObject (lease takeover)", e)),
                    }
                } else if started.elapsed() >= opts.wait {
                    return Err(Error::new(
                        ErrorKind::Held,
                        format!(
                            "{resource} is being changed by {} (lease until {}); waited {} s",
                            current.owner,
                            aws_smithy_types::DateTime::from_secs(current.expires_at as i64),
                            started.elapsed().as_secs()
                        ),
                    )
                    .resource(format!("s3://{bucket}/{key}")));
                }
            }
            // Jittered exponential backoff, capped at one second.
            let jitter = (attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) % 50;
            tokio::time::sleep(backoff + Duration::from_millis(jitter)).await;
            backoff = (backoff * 2).min(Duration::from_secs(1));
        }
    }

    /// The lease object and its ETag, or None when it vanished in between.
    async fn current_holder(&self, bucket: &str, key: &str) -> Result<Option<(String, LeaseBody)>> {
        let s3 = self.s3();
        match s3.get_object().bucket(bucket).key(key).send().await {
            Ok(out) => {
                let etag = out.e_tag().unwrap_or_default().to_string();
                let data = out
                    .body
                    .collect()
                    .await
                    .map_err(|e| failed(format!("cannot read lease s3://{bucket}/{key}: {e}")))?
                    .into_bytes();
                // An unreadable lease is treated as expired so it cannot block forever.
                let parsed = serde_json::from_slice::<LeaseBody>(&data);
                if let Err(e) = &parsed {
                    tracing::warn!(key, "unreadable lease object, treated as expired: {e}");
                }
                let body = parsed.unwrap_or(LeaseBody {
                    owner: "unknown".into(),
                    resource: String::new(),
                    acquired_at: 0,
                    expires_at: 0,
                });
                Ok(Some((etag, body)))
            }
            Err(e) if status_of(&e) == Some(404) => Ok(None),
            Err(e) => Err(classify("s3:GetObject (lease)", e)),
        }
    }
}

fn lease_body(owner: &str, resource: &str, ttl: Duration) -> LeaseBody {
    let t = now();
    LeaseBody {
        owner: owner.to_string(),
        resource: resource.to_string(),
        acquired_at: t,
        expires_at: t + ttl.as_secs(),
    }
}

fn held(bucket: &str, key: &str, etag: Option<&str>, owner: &str, body: &LeaseBody) -> Lease {
    tracing::debug!(key, "lease acquired");
    Lease {
        bucket: bucket.to_string(),
        key: key.to_string(),
        etag: etag.unwrap_or_default().to_string(),
        owner: owner.to_string(),
        resource: body.resource.clone(),
        expires_at: body.expires_at,
        lost: None,
        checked_at: None,
    }
}

/// A failed answer as people name it: `HTTP 500 (InternalError)`.
fn answer_of<E: aws_smithy_types::error::metadata::ProvideErrorMetadata>(
    e: &SdkError<E, HttpResponse>,
) -> String {
    let code = super::error::code(e).filter(|c| !c.is_empty());
    match (status_of(e), code) {
        (Some(s), Some(c)) => format!("HTTP {s} ({c})"),
        (Some(s), None) => format!("HTTP {s}"),
        (None, Some(c)) => c.to_string(),
        (None, None) => "an error".to_string(),
    }
}

/// Why no lease was taken in `waited`: what S3 answered (`answers`, in order), or that it did
/// not answer at all.
fn no_lease_why(answers: &[String], unanswered: u32, waited: Duration) -> String {
    let secs = waited.as_secs();
    let Some(last) = answers.last() else {
        return format!("S3 did not answer for {secs} s");
    };
    let tries = answers.len() + unanswered as usize;
    let what = if answers.iter().all(|a| a == last) {
        format!(
            "S3 answered {last} to {} of {tries} attempts in {secs} s",
            answers.len()
        )
    } else {
        format!(
            "S3 answered with errors to {} of {tries} attempts in {secs} s, the last {last}",
            answers.len()
        )
    };
    if unanswered > 0 {
        format!("{what}; {unanswered} got no answer")
    } else {
        what
    }
}

/// A future with a deadline: `Err(())` when it did not finish in time.
async fn bounded<T>(limit: Duration, f: impl Future<Output = T>) -> Result<T, ()> {
    tokio::time::timeout(limit, f).await.map_err(|_| ())
}

/// Renew every quarter of the lease until it is lost (the guard aborts this task on release).
async fn renew_loop(s3: aws_sdk_s3::Client, lease: Shared, opts: LeaseOptions, run: RunState) {
    loop {
        tokio::time::sleep(opts.renew_every()).await;
        match renew(&s3, &lease, opts, &run).await {
            Ok(()) => {}
            Err(e) if is_lost(&lease) => {
                tracing::warn!("{e}");
                return;
            }
            Err(e) => tracing::debug!("lease renewal failed (will retry): {e}"),
        }
    }
}

fn is_lost(lease: &Shared) -> bool {
    lease.lock().map(|l| l.lost.is_some()).unwrap_or(true)
}

/// Extend the lease by its TTL with a PutObject conditional on its ETag: success proves it was
/// still ours. 412/404 mean someone took it over (or deleted it): the lease is lost.
async fn renew(
    s3: &aws_sdk_s3::Client,
    shared: &Shared,
    opts: LeaseOptions,
    run: &RunState,
) -> Result<()> {
    let _one_at_a_time = run.renewing().await;
    let lease = shared
        .lock()
        .map_err(|_| failed("lease state poisoned"))?
        .clone();
    if let Some(why) = &lease.lost {
        return Err(lost_error(&lease, why));
    }
    let body = lease_body(&lease.owner, &lease.resource, opts.ttl);
    let put = bounded(
        opts.lease_call(),
        s3.put_object()
            .bucket(&lease.bucket)
            .key(&lease.key)
            .if_match(&lease.etag)
            .content_type("application/json")
            .body(ByteStream::from(
                serde_json::to_vec(&body).unwrap_or_default(),
            ))
            .send(),
    )
    .await;
    let mut l = shared.lock().map_err(|_| failed("lease state poisoned"))?;
    match put {
        Ok(Ok(out)) => {
            l.etag = out.e_tag().unwrap_or_default().to_string();
            l.expires_at = body.expires_at;
            tracing::trace!(key = l.key, "lease renewed");
            Ok(())
        }
        Ok(Err(e)) if matches!(status_of(&e), Some(412) | Some(404)) => {
            drop(l);
            // An earlier renewal whose answer was lost changed the ETag: the object still
            // holds our id, so the lease is ours.
            if let Some((etag, body)) = read_lease(s3, &lease.bucket, &lease.key, opts).await {
                if body.owner == lease.owner {
                    let mut l = shared.lock().map_err(|_| failed("lease state poisoned"))?;
                    l.etag = etag;
                    l.expires_at = body.expires_at;
                    return Ok(());
                }
            }
            let mut l = shared.lock().map_err(|_| failed("lease state poisoned"))?;
            let why = if status_of(&e) == Some(404) {
                "its lease object was deleted".to_string()
            } else {
                "another writer took it over".to_string()
            };
            l.lost = Some(why.clone());
            Err(lost_error(&l, &why))
        }
        other => {
            let detail = match other {
                Ok(Err(e)) => classify("s3:PutObject (lease renewal)", e).to_string(),
                _ => format!("no answer within {} s", opts.lease_call().as_secs()),
            };
            // Still ours only as long as the last renewal says.
            if l.expires_at <= now() + opts.write_attempt().as_secs() + 1 {
                let why = format!("it could not be renewed before it expired ({detail})");
                l.lost = Some(why.clone());
                return Err(lost_error(&l, &why));
            }
            Err(failed(format!("lease renewal failed: {detail}")).delivered(Delivery::Refused))
        }
    }
}

/// The lease object's ETag and body, when it can be read.
async fn read_lease(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    opts: LeaseOptions,
) -> Option<(String, LeaseBody)> {
    let out = bounded(
        opts.lease_call(),
        s3.get_object().bucket(bucket).key(key).send(),
    )
    .await
    .ok()?
    .ok()?;
    let etag = out.e_tag().unwrap_or_default().to_string();
    let data = out.body.collect().await.ok()?.into_bytes();
    Some((etag, serde_json::from_slice(&data).ok()?))
}

fn lost_error(lease: &Lease, why: &str) -> Error {
    Error::new(
        ErrorKind::Lost,
        format!(
            "lost the lease on {} ({why}): stopped without writing",
            lease.resource
        ),
    )
    .resource(format!("s3://{}/{}", lease.bucket, lease.key))
}

impl LeaseGuard {
    /// Prove the lease is still held, and extend it: a PutObject conditional on its ETag.
    /// Fails (without writing anything) when it was lost or an interrupt arrived.
    pub async fn check_held(&self) -> Result<()> {
        if self.run.interrupted() {
            return Err(interrupted_error());
        }
        match renew(&self.s3, &self.lease, self.opts, &self.run).await {
            Ok(()) => {}
            Err(e) if is_lost(&self.lease) => return Err(e),
            // S3 did not confirm, but the lease as last written outlives a write attempt by
            // more than a second (else `renew` calls it lost): nobody may take it before then.
            Err(e) => tracing::debug!("lease not confirmed, still valid: {}", e.message),
        }
        if let Ok(mut l) = self.lease.lock() {
            l.checked_at = Some(Instant::now());
        }
        Ok(())
    }

    /// Run one policy write under the lease: before each attempt prove the lease is still ours
    /// ([`check_held`](Self::check_held)); bound each attempt to a third of the lease; retry
    /// transient failures (three attempts in all). The error of the last attempt is returned
    /// with its [`Delivery`], so the caller can tell "not written" from "maybe written".
    ///
    /// The attempts are the caller's, so this speaks the caller's error type `E` (any that
    /// tells its [`Delivery`]; the lease's own failures are converted into it).
    pub async fn write<F, Fut, E>(&self, mut attempt: F) -> Result<(), E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<(), E>>,
        E: Attempted,
    {
        let resource = self.resource();
        let mut last: Option<E> = None;
        for n in 1..=3u32 {
            if let Err(e) = self.check_before_write().await {
                self.run
                    .record(&resource, self.outcome_after(last.as_ref()));
                return Err(match last {
                    // An earlier attempt may have landed: say so rather than "nothing changed".
                    Some(prev) if prev.delivery() == Delivery::Unanswered => e.noted(
                        "an earlier attempt of this write got no answer and may have been applied",
                    ),
                    _ => e,
                }
                .into());
            }
            let limit = self.opts.write_attempt();
            let guard = self.run.write_started();
            let r = bounded(limit, attempt()).await;
            drop(guard);
            let e = match r {
                Ok(Ok(())) => {
                    self.run.record(&resource, WriteOutcome::Written);
                    return Ok(());
                }
                Ok(Err(e)) => e,
                Err(()) => failed(format!(
                    "the write to {resource} got no answer within {} s",
                    limit.as_secs()
                ))
                .delivered(Delivery::Unanswered)
                .into(),
            };
            if e.delivery() == Delivery::Final || n == 3 {
                let e = match (&last, e.delivery()) {
                    (Some(p), Delivery::Refused) if p.delivery() == Delivery::Unanswered => {
                        e.with_delivery(Delivery::Unanswered)
                    }
                    _ => e,
                };
                self.run.record(&resource, self.outcome_after(Some(&e)));
                return Err(e);
            }
            tracing::info!(resource, attempt = n, "write failed, retrying: {e}");
            let keep_unanswered = last
                .as_ref()
                .is_some_and(|p| p.delivery() == Delivery::Unanswered);
            last = Some(if keep_unanswered {
                e.with_delivery(Delivery::Unanswered)
            } else {
                e
            });
            tokio::time::sleep(Duration::from_millis(250 << n)).await;
        }
        Err(failed("write failed").into())
    }

    /// [`check_held`](Self::check_held), unless it succeeded within the last sixth of the lease
    /// (the caller checked right before re-reading the policy; a call to S3 here would only
    /// widen the window between that re-read and the write): the check extended the lease by its
    /// whole TTL, and the write attempt that follows is bounded to a third of it, so the attempt
    /// ends by half the lease, long before anyone may take it over.
    async fn check_before_write(&self) -> Result<()> {
        if self.run.interrupted() {
            return Err(interrupted_error());
        }
        let recent_enough = self.opts.lease_call();
        let recent = self
            .lease
            .lock()
            .map(|mut l| {
                l.lost.is_none()
                    && l.checked_at
                        .take()
                        .is_some_and(|t| t.elapsed() < recent_enough)
            })
            .unwrap_or(false);
        if recent {
            return Ok(());
        }
        self.check_held().await
    }

    fn outcome_after<E: Attempted>(&self, e: Option<&E>) -> WriteOutcome {
        match e {
            Some(e) if e.delivery() == Delivery::Unanswered => WriteOutcome::Unknown,
            _ => WriteOutcome::NotWritten,
        }
    }

    fn resource(&self) -> String {
        self.lease
            .lock()
            .map(|l| l.resource.clone())
            .unwrap_or_default()
    }

    /// Stop renewing and release the lease (only if it is still ours: `If-Match` on its ETag).
    pub async fn release(self) {
        self.renewer.abort();
        let lease = self.lease.lock().map(|l| l.clone());
        if let Ok(lease) = lease {
            if lease.lost.is_none() {
                release_one(&self.s3, &lease, self.opts).await;
            }
        }
        // Only now: a release cut short by an interrupt is done again by `release_all`.
        self.run.let_go(&self.lease);
    }
}

async fn release_one(s3: &aws_sdk_s3::Client, lease: &Lease, opts: LeaseOptions) {
    let mut req = s3.delete_object().bucket(&lease.bucket).key(&lease.key);
    if !lease.etag.is_empty() {
        req = req.if_match(&lease.etag);
    }
    let err = match bounded(opts.lease_call(), req.send()).await {
        Ok(Ok(_)) => {
            tracing::debug!(key = lease.key, "lease released");
            return;
        }
        Ok(Err(e)) => e,
        Err(()) => {
            release_warning(
                lease,
                &format!("no answer within {} s", opts.lease_call().as_secs()),
            );
            return;
        }
    };
    match status_of(&err) {
        // Gone already (released by an earlier attempt whose answer was lost), or taken over by
        // another writer after it expired: either way it is not ours to release any more.
        Some(404) => {
            tracing::debug!(key = lease.key, "lease already gone");
            return;
        }
        Some(412) => {
            tracing::warn!(
                "the lease s3://{}/{} was taken over by another writer before it was released",
                lease.bucket,
                lease.key
            );
            return;
        }
        _ => {}
    }
    // A bucket policy may deny deletes (a common safeguard): mark the lease expired instead,
    // so the next writer takes it over at once rather than waiting for the expiry.
    if status_of(&err) == Some(403) && !lease.etag.is_empty() {
        let body = LeaseBody {
            owner: lease.owner.clone(),
            resource: String::new(),
            acquired_at: now(),
            expires_at: 0,
        };
        let put = s3
            .put_object()
            .bucket(&lease.bucket)
            .key(&lease.key)
            .if_match(&lease.etag)
            .content_type("application/json")
            .body(ByteStream::from(
                serde_json::to_vec(&body).unwrap_or_default(),
            ))
            .send();
        if let Ok(Ok(_)) = bounded(opts.lease_call(), put).await {
            tracing::debug!(key = lease.key, "lease marked released (delete denied)");
            return;
        }
    }
    release_warning(lease, &classify("s3:DeleteObject (lease)", err).message);
}

/// One line: what could not be released, when it expires by itself, and why.
fn release_warning(lease: &Lease, why: &str) {
    tracing::warn!(
        "could not release the lease s3://{}/{} (it expires by itself at {}): {why}",
        lease.bucket,
        lease.key,
        aws_smithy_types::DateTime::from_secs(lease.expires_at as i64)
    );
}

// The run: what one run of lakegate has under way that a signal must settle (the leases it
// holds, whether new writes may still start, the writes in flight and how its writes ended, the
// Athena query it is waiting on). One `RunState` per run, shared by every `Aws` made for it
// (another account's, through its role, included) and handed to the signal handler
// (`crate::signals`).

/// The handle on a run's writes, leases and query (cheap to clone: every clone is the same run).
#[derive(Clone, Default)]
pub struct RunState(Arc<Inner>);

#[derive(Default)]
struct Inner {
    /// Leases held, with the client that took each (released on an interrupt).
    held: Mutex<Vec<(Shared, aws_sdk_s3::Client)>>,
    /// Renewals, one at a time: two conditional PUTs on the same ETag would make the second
    /// look like a takeover.
    renewing: tokio::sync::Mutex<()>,
    /// Set by a signal: no new write may start.
    interrupted: AtomicBool,
    /// Writes whose answer has not come back yet.
    in_flight: AtomicUsize,
    /// How the fenced writes ended, in order, for the report after an interrupt.
    outcomes: Mutex<Vec<(String, WriteOutcome)>>,
    /// The query being waited on, so that Ctrl-C can stop it.
    running: Mutex<Option<(aws_sdk_athena::Client, String)>>,
}

impl std::fmt::Debug for RunState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunState")
            .field("interrupted", &self.interrupted())
            .field("write_in_flight", &self.write_in_flight())
            .finish_non_exhaustive()
    }
}

impl RunState {
    /// Stop every new write of this run (on SIGINT, SIGTERM and SIGHUP).
    pub fn interrupt(&self) {
        self.0.interrupted.store(true, Ordering::SeqCst);
    }

    /// Whether a signal stopped new writes.
    pub fn interrupted(&self) -> bool {
        self.0.interrupted.load(Ordering::SeqCst)
    }

    /// True while a write has been sent and not answered yet.
    pub fn write_in_flight(&self) -> bool {
        self.0.in_flight.load(Ordering::SeqCst) > 0
    }

    /// What the fenced writes of this run did so far: (resource, outcome), in order.
    pub fn outcomes(&self) -> Vec<(String, WriteOutcome)> {
        self.0
            .outcomes
            .lock()
            .map(|o| o.clone())
            .unwrap_or_default()
    }

    fn record(&self, resource: &str, o: WriteOutcome) {
        if let Ok(mut v) = self.0.outcomes.lock() {
            v.push((resource.to_string(), o));
        }
    }

    /// Count a write as in flight until the returned guard is dropped (however the write
    /// future ends, also when it is dropped).
    fn write_started(&self) -> InFlight {
        self.0.in_flight.fetch_add(1, Ordering::SeqCst);
        InFlight(self.clone())
    }

    fn hold(&self, lease: Shared, s3: aws_sdk_s3::Client) {
        if let Ok(mut h) = self.0.held.lock() {
            h.push((lease, s3));
        }
    }

    fn let_go(&self, lease: &Shared) {
        if let Ok(mut h) = self.0.held.lock() {
            h.retain(|(l, _)| !Arc::ptr_eq(l, lease));
        }
    }

    async fn renewing(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.0.renewing.lock().await
    }

    /// Release every lease this run still holds (after an interrupt).
    pub async fn release_all(&self) {
        let held = self
            .0
            .held
            .lock()
            .map(|mut h| std::mem::take(&mut *h))
            .unwrap_or_default();
        for (l, s3) in &held {
            let lease = l.lock().map(|l| l.clone());
            if let Ok(lease) = lease {
                release_one(s3, &lease, LeaseOptions::default()).await;
            }
        }
    }

    /// Remember the query being waited on (None: it is finished), for Ctrl-C.
    pub(super) fn set_running(&self, query: Option<(aws_sdk_athena::Client, String)>) {
        if let Ok(mut r) = self.0.running.lock() {
            *r = query;
        }
    }

    /// Ctrl-C: stop the query being waited on, if any (StopQueryExecution). Returns the id of
    /// the query stopped, or the error of the attempt.
    pub async fn stop_running_query(&self) -> Option<Result<String>> {
        let (client, id) = self.0.running.lock().ok().and_then(|mut r| r.take())?;
        Some(
            match client
                .stop_query_execution()
                .query_execution_id(&id)
                .send()
                .await
            {
                Ok(_) => Ok(id),
                Err(e) => Err(classify("athena:StopQueryExecution", e).resource(id)),
            },
        )
    }
}

/// A write in flight: counted until dropped.
struct InFlight(RunState);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0 .0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lease_keys_are_safe_object_keys() {
        assert_eq!(
            lease_key("arn:aws:s3:::store-events"),
            ".lakegate/locks/arn_aws_s3___store-events.lease"
        );
    }

    #[test]
    fn a_lease_refused_with_500_says_so() {
        let w = Duration::from_secs(20);
        assert_eq!(
            no_lease_why(&vec!["HTTP 500 (InternalError)".to_string(); 4], 0, w),
            "S3 answered HTTP 500 (InternalError) to 4 of 4 attempts in 20 s"
        );
        assert_eq!(
            no_lease_why(&["HTTP 503 (SlowDown)".into()], 2, w),
            "S3 answered HTTP 503 (SlowDown) to 1 of 3 attempts in 20 s; 2 got no answer"
        );
        assert_eq!(no_lease_why(&[], 3, w), "S3 did not answer for 20 s");
    }

    #[test]
    fn owner_ids_differ() {
        assert_ne!(owner_id(), owner_id());
    }
}
