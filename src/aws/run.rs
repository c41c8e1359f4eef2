//! What one run of lakegate has under way that a signal must settle: the leases it holds,
//! whether new writes may still start, the writes in flight and how its writes ended, and the
//! Athena query it is waiting on. One [`RunState`] per run, shared by every [`Aws`](super::Aws)
//! made for it (another account's, through its role, included) and handed to the signal
//! handler (`crate::signals`).

use super::error::{classify, Result};
use super::lease::{release_one, LeaseOptions, Shared, WriteOutcome};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

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

    pub(super) fn record(&self, resource: &str, o: WriteOutcome) {
        if let Ok(mut v) = self.0.outcomes.lock() {
            v.push((resource.to_string(), o));
        }
    }

    /// Count a write as in flight until the returned guard is dropped (however the write
    /// future ends, also when it is dropped).
    pub(super) fn write_started(&self) -> InFlight {
        self.0.in_flight.fetch_add(1, Ordering::SeqCst);
        InFlight(self.clone())
    }

    pub(super) fn hold(&self, lease: Shared, s3: aws_sdk_s3::Client) {
        if let Ok(mut h) = self.0.held.lock() {
            h.push((lease, s3));
        }
    }

    pub(super) fn let_go(&self, lease: &Shared) {
        if let Ok(mut h) = self.0.held.lock() {
            h.retain(|(l, _)| !Arc::ptr_eq(l, lease));
        }
    }

    pub(super) async fn renewing(&self) -> tokio::sync::MutexGuard<'_, ()> {
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
pub(super) struct InFlight(RunState);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0 .0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}
