//! The lease that serialises policy writes: S3 conditional writes on
//! `.lakegate/locks/<ARN>.lease` in the governed bucket (or `--lock-bucket`).

use crate::harness::{http, stderr, TestEnv, ACCOUNT, ANALYST_ROLE, EC2_ROLE, REGION};
use predicates::str::contains;
use serde_json::json;

/// A (fake) SigV4 header: moto does not check signatures but, once a bucket has a policy, treats
/// unsigned requests as anonymous and denies them.
pub const AUTH: &str = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";

pub fn ap_arn(name: &str) -> String {
    format!("arn:aws:s3:{REGION}:{ACCOUNT}:accesspoint/{name}")
}

pub fn lease_path(bucket: &str, resource: &str) -> String {
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
    format!("/{bucket}/.lakegate/locks/{safe}.lease")
}

fn put_lease(env: &TestEnv, bucket: &str, resource: &str, owner: &str, expires_at: u64) {
    let body = json!({
        "owner": owner,
        "resource": resource,
        "acquired_at": 0,
        "expires_at": expires_at,
    })
    .to_string();
    let (status, _) = http(
        env.port(),
        "PUT",
        &lease_path(bucket, resource),
        &[
            ("Content-Type", "application/json"),
            ("Authorization", AUTH),
        ],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 200);
}

pub fn lease_exists(env: &TestEnv, bucket: &str, resource: &str) -> bool {
    let (status, body) = http(
        env.port(),
        "GET",
        &lease_path(bucket, resource),
        &[("Authorization", AUTH)],
        &[],
    )
    .unwrap();
    match status {
        200 => true,
        404 => false,
        _ => panic!("GET lease: {status} {}", String::from_utf8_lossy(&body)),
    }
}

pub fn grant_args(name: &str) -> Vec<String> {
    [
        "accesspoint",
        "grant",
        name,
        "--principal",
        ANALYST_ROLE,
        "--prefix",
        "shared/",
        "--access",
        "read",
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn a_change_leaves_no_lease_behind() {
    let env = TestEnv::new();
    let b = env.bucket("lease-gone");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    env.lg(grant_args(&name)).success();
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
    env.lg(["bucket", "delegate", &b]).success();
    assert!(!lease_exists(&env, &b, &format!("arn:aws:s3:::{b}")));
}

#[test]
fn an_expired_lease_is_taken_over() {
    let env = TestEnv::new();
    let b = env.bucket("lease-stale");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    put_lease(&env, &b, &ap_arn(&name), "crashed-host/1/0", 1);
    env.lg(grant_args(&name)).success();
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
    let policy = env.ap_policy(&name).unwrap().to_string();
    assert!(policy.contains(ANALYST_ROLE), "{policy}");
}

#[test]
fn a_live_lease_makes_a_writer_wait_then_give_up_without_changing_anything() {
    let env = TestEnv::new();
    let b = env.bucket("lease-live");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let before = env.ap_policy(&name);
    put_lease(&env, &b, &ap_arn(&name), "other-host/42/abc", u64::MAX / 4);
    let a = env
        .cmd()
        .env("LAKEGATE_LOCK_TIMEOUT", "1")
        .args(grant_args(&name))
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains("is being changed by other-host/42/abc"),
        "{err}"
    );
    assert!(err.contains(".lakegate/locks/"), "{err}");
    assert_eq!(env.ap_policy(&name), before);
    // The other holder's lease is left alone.
    assert!(lease_exists(&env, &b, &ap_arn(&name)));
}

#[test]
fn lock_bucket_moves_the_lease() {
    let env = TestEnv::new();
    let b = env.bucket("lease-gov");
    let locks = env.bucket("lease-locks");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    // A live lease in the lock bucket blocks; the same lease in the governed bucket does not
    // matter once --lock-bucket points elsewhere.
    put_lease(&env, &locks, &ap_arn(&name), "other-host/1/1", u64::MAX / 4);
    env.cmd()
        .env("LAKEGATE_LOCK_TIMEOUT", "1")
        .args(["--lock-bucket", &locks])
        .args(grant_args(&name))
        .assert()
        .code(1)
        .stderr(contains("is being changed by other-host/1/1"));
    env.lg(grant_args(&name)).success();
}

#[test]
fn a_bucket_that_denies_deletes_does_not_block_the_next_writer() {
    let env = TestEnv::new();
    let b = env.bucket("lease-nodelete");
    env.put_policy(
        &b,
        &json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "NoDeletes",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:DeleteObject",
                "Resource": format!("arn:aws:s3:::{b}/*")
            }]
        }),
    );
    // The first change cannot delete its lease, so it marks it expired instead...
    env.lg(["bucket", "delegate", &b]).success();
    let resource = format!("arn:aws:s3:::{b}");
    assert!(lease_exists(&env, &b, &resource));
    // ...and the next writer takes it over at once instead of waiting for the expiry.
    env.cmd()
        .env("LAKEGATE_LOCK_TIMEOUT", "1")
        .args(["bucket", "policy", "rollback", &b, "--yes"])
        .assert()
        .success();
}

/// 30 `accesspoint grant` processes at once on one access point, then 30 revokes at once: no
/// grant is lost and the revokes give back the original policy. Timings are printed
/// (`--nocapture` shows them).
#[test]
fn thirty_concurrent_grants_then_thirty_concurrent_revokes_on_one_access_point() {
    use std::time::{Duration, Instant};
    let env = TestEnv::new();
    let b = env.bucket("thirty");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let original = env.ap_policy(&name).unwrap();
    let roles: Vec<String> = (1..=30)
        .map(|i| format!("arn:aws:iam::123456789012:role/Thirty{i:02}"))
        .collect();
    let wave = |verb: &str| -> Vec<(String, i32, Duration, String)> {
        std::thread::scope(|s| {
            let handles: Vec<_> = roles
                .iter()
                .map(|r| {
                    let (env, name) = (&env, &name);
                    let verb = verb.to_string();
                    s.spawn(move || {
                        let start = Instant::now();
                        let out = env
                            .cmd()
                            .env("LAKEGATE_LOCK_TIMEOUT", "600")
                            .timeout(Duration::from_secs(900))
                            .args(["accesspoint", &verb, name, "--principal", r])
                            // A revoke confirms (--yes off a terminal); a grant ignores it.
                            .args(["--prefix", "shared/", "--access", "read", "--yes"])
                            .output()
                            .unwrap();
                        (
                            r.clone(),
                            out.status.code().unwrap_or(-1),
                            start.elapsed(),
                            String::from_utf8_lossy(&out.stderr).into_owned(),
                        )
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        })
    };
    let report = |verb: &str, r: &[(String, i32, Duration, String)]| {
        let mut t: Vec<f64> = r.iter().map(|x| x.2.as_secs_f64()).collect();
        t.sort_by(|a, b| a.partial_cmp(b).unwrap());
        eprintln!(
            "30 concurrent {verb}s on one access point: min {:.2}s, median {:.2}s, max {:.2}s",
            t[0],
            t[t.len() / 2],
            t[t.len() - 1]
        );
        for (role, code, _, err) in r {
            assert_eq!(*code, 0, "{verb} {role} failed: {err}");
        }
    };
    let grants = wave("grant");
    report("grant", &grants);
    let policy = env.ap_policy(&name).unwrap();
    let granted: Vec<String> = crate::harness::statements(&policy)
        .iter()
        .flat_map(crate::harness::principals)
        .collect();
    let lost: Vec<&String> = roles.iter().filter(|r| !granted.contains(r)).collect();
    assert!(lost.is_empty(), "{} grants lost: {lost:?}", lost.len());
    let revokes = wave("revoke");
    report("revoke", &revokes);
    assert_eq!(env.ap_policy(&name).unwrap(), original);
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
}
