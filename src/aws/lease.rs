//! A lease that serialises policy writes across processes and machines, built on S3 conditional
//! writes only: acquire = PutObject with `If-None-Match: *`; a lease past its expiry is taken
//! over with `If-Match: <its ETag>`; release = DeleteObject with `If-Match`. Leases held when
//! the user presses Ctrl-C are released before lakegate exits.

use super::{classify, Aws};
use crate::error::{failed, Result};
use aws_sdk_s3::primitives::ByteStream;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

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

/// A held lease. Release it with [`Aws::release`]; dropping it without release leaves the lease
/// to expire.
#[derive(Debug, Clone)]
pub struct Lease {
    pub bucket: String,
    pub key: String,
    pub etag: String,
    pub owner: String,
}

/// Leases currently held by this process, released on Ctrl-C.
static HELD: Mutex<Vec<Lease>> = Mutex::new(Vec::new());

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
    let safe: String = resource
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{LEASE_PREFIX}{safe}.lease")
}

fn status_of<E>(e: &SdkError<E, HttpResponse>) -> Option<u16> {
    e.raw_response().map(|r| r.status().as_u16())
}

/// Settings of lease acquisition.
#[derive(Debug, Clone, Copy)]
pub struct LeaseOptions {
    /// How long a lease is valid without release.
    pub ttl: Duration,
    /// How long to wait for another holder before giving up.
    pub wait: Duration,
}

impl Default for LeaseOptions {
    /// A 120-second lease; wait up to 300 seconds for another holder, or
    /// `LAKEGATE_LOCK_TIMEOUT` seconds when set.
    fn default() -> Self {
        let wait = std::env::var("LAKEGATE_LOCK_TIMEOUT")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(300);
        LeaseOptions {
            ttl: Duration::from_secs(120),
            wait: Duration::from_secs(wait),
        }
    }
}

impl Aws {
    /// Acquire the lease of `resource` in `bucket`, waiting (with jittered backoff) while another
    /// live holder has it, and taking over a lease past its expiry.
    pub async fn acquire(&self, bucket: &str, resource: &str, opts: LeaseOptions) -> Result<Lease> {
        let s3 = self.s3().await;
        let key = lease_key(resource);
        let owner = owner_id();
        let started = Instant::now();
        let mut backoff = Duration::from_millis(20);
        let mut attempt: u64 = 0;
        loop {
            attempt += 1;
            let t = now();
            let body = LeaseBody {
                owner: owner.clone(),
                resource: resource.to_string(),
                acquired_at: t,
                expires_at: t + opts.ttl.as_secs(),
            };
            let bytes = serde_json::to_vec(&body).unwrap_or_default();
            let put = s3
                .put_object()
                .bucket(bucket)
                .key(&key)
                .if_none_match("*")
                .content_type("application/json")
                .body(ByteStream::from(bytes.clone()))
                .send()
                .await;
            let holder = match put {
                Ok(out) => {
                    return Ok(self.held(bucket, &key, out.e_tag(), &owner));
                }
                // 412: someone holds it; 409: a concurrent conditional write, try again.
                Err(e) if matches!(status_of(&e), Some(412) | Some(409)) => {
                    self.current_holder(bucket, &key).await?
                }
                Err(e) => {
                    return Err(classify("s3:PutObject (lease)", e).hinted(format!(
                        "lakegate serialises policy writes with a lease object at s3://{bucket}/{key}; the caller needs s3:PutObject, s3:GetObject and s3:DeleteObject there (or choose another bucket with --lock-bucket)"
                    )))
                }
            };
            if let Some((etag, held)) = holder {
                if held.expires_at <= now() {
                    tracing::info!(
                        resource,
                        previous = held.owner,
                        "taking over an expired lease"
                    );
                    let takeover = s3
                        .put_object()
                        .bucket(bucket)
                        .key(&key)
                        .if_match(&etag)
                        .content_type("application/json")
                        .body(ByteStream::from(bytes))
                        .send()
                        .await;
                    match takeover {
                        Ok(out) => return Ok(self.held(bucket, &key, out.e_tag(), &owner)),
                        Err(e) if matches!(status_of(&e), Some(412) | Some(409) | Some(404)) => {}
                        Err(e) => return Err(classify("s3:PutObject (lease takeover)", e)),
                    }
                } else if started.elapsed() >= opts.wait {
                    return Err(failed(format!(
                        "{resource} is being changed by {} (lease until {}); waited {} s",
                        held.owner,
                        aws_smithy_types::DateTime::from_secs(held.expires_at as i64),
                        started.elapsed().as_secs()
                    ))
                    .hinted(format!(
                        "retry later; a lease left by a crashed run expires by itself, or delete s3://{bucket}/{key}"
                    )));
                }
            }
            // Jittered exponential backoff, capped at one second.
            let jitter = (attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) % 50;
            tokio::time::sleep(backoff + Duration::from_millis(jitter)).await;
            backoff = (backoff * 2).min(Duration::from_secs(1));
        }
    }

    fn held(&self, bucket: &str, key: &str, etag: Option<&str>, owner: &str) -> Lease {
        let lease = Lease {
            bucket: bucket.to_string(),
            key: key.to_string(),
            etag: etag.unwrap_or_default().to_string(),
            owner: owner.to_string(),
        };
        tracing::debug!(key, "lease acquired");
        if let Ok(mut h) = HELD.lock() {
            h.push(lease.clone());
        }
        lease
    }

    /// The lease object and its ETag, or None when it vanished in between.
    async fn current_holder(&self, bucket: &str, key: &str) -> Result<Option<(String, LeaseBody)>> {
        let s3 = self.s3().await;
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

    /// Release a lease (only if it is still ours: `If-Match` on its ETag).
    pub async fn release(&self, lease: &Lease) {
        if let Ok(mut h) = HELD.lock() {
            h.retain(|l| l.key != lease.key || l.bucket != lease.bucket);
        }
        release_one(self.s3().await, lease).await;
    }

    /// Release every lease this process holds (on Ctrl-C).
    pub async fn release_all(&self) {
        let held: Vec<Lease> = HELD
            .lock()
            .map(|mut h| std::mem::take(&mut *h))
            .unwrap_or_default();
        let s3 = self.s3().await;
        for l in &held {
            release_one(s3, l).await;
        }
    }
}

async fn release_one(s3: &aws_sdk_s3::Client, lease: &Lease) {
    let mut req = s3.delete_object().bucket(&lease.bucket).key(&lease.key);
    if !lease.etag.is_empty() {
        req = req.if_match(&lease.etag);
    }
    let err = match req.send().await {
        Ok(_) => {
            tracing::debug!(key = lease.key, "lease released");
            return;
        }
        Err(e) => e,
    };
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
            .send()
            .await;
        if put.is_ok() {
            tracing::debug!(key = lease.key, "lease marked released (delete denied)");
            return;
        }
    }
    tracing::warn!(
        key = lease.key,
        "could not release the lease (it expires by itself): {}",
        aws_smithy_types::error::display::DisplayErrorContext(&err)
    );
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
    fn owner_ids_differ() {
        assert_ne!(owner_id(), owner_id());
    }
}
