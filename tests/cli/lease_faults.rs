//! Fault cases of the lease and the policy write, through the fault proxy (`faults.rs`): after
//! each, every policy is at its old or its new state, and nothing another writer did is lost.

use crate::faults::{is, FaultProxy};
use crate::harness::{principals, statements, stderr, TestEnv, ANALYST_ROLE, EC2_ROLE};
use crate::lease::{ap_arn, lease_exists};
use serde_json::{json, Value};
use std::process::Output;
use std::time::Duration;

const ROLE_A: &str = "arn:aws:iam::123456789012:role/WriterA";
const ROLE_B: &str = "arn:aws:iam::123456789012:role/WriterB";

fn granted(env: &TestEnv, name: &str) -> Vec<String> {
    env.ap_policy(name)
        .map(|p| statements(&p).iter().flat_map(principals).collect())
        .unwrap_or_default()
}

fn grant(name: &str, role: &str) -> Vec<String> {
    [
        "accesspoint",
        "grant",
        name,
        "--principal",
        role,
        "--prefix",
        "shared/",
        "--access",
        "read",
    ]
    .map(String::from)
    .to_vec()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn policy_path(name: &str) -> String {
    format!("/v20180820/accesspoint/{name}/policy")
}

/// Issue 16.1: writer A's PutAccessPointPolicy is answered 503 after a delay, again and again,
/// for longer than its lease lives; writer B wants the same policy meanwhile. A keeps its lease
/// renewed (so B waits instead of taking it over) and bounds each attempt well inside the
/// lease; whatever A ends with, B's grant is never lost, and a writer that says it granted did.
#[test]
fn a_slow_write_never_outlives_its_lease_to_overwrite_the_next_writer() {
    let env = TestEnv::new();
    let b = env.bucket("slow-write");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "PUT", "path": policy_path(&name), "header": "Credential=writer-a/",
        "times": 3, "action": "respond", "status": 503, "delay_ms": 2500
    }]));
    let mut a = proxy.spawn_cmd(&env);
    a.env("AWS_ACCESS_KEY_ID", "writer-a")
        .env("LAKEGATE_LEASE_TTL", "6")
        .args(grant(&name, ROLE_A));
    let a = a.spawn().unwrap();
    proxy.wait_for("A's first policy write", |r| {
        is(r, "PUT", &policy_path(&name)) && r["access_key"] == "writer-a"
    });
    let b_out = proxy
        .cmd(&env)
        .env("AWS_ACCESS_KEY_ID", "writer-b")
        .env("LAKEGATE_LEASE_TTL", "6")
        .env("LAKEGATE_LOCK_TIMEOUT", "120")
        .args(grant(&name, ROLE_B))
        .output()
        .unwrap();
    let a_out = a.wait_with_output().unwrap();
    let now = granted(&env, &name);
    assert_eq!(b_out.status.code(), Some(0), "B: {}", text(&b_out));
    assert!(
        now.contains(&ROLE_B.to_string()),
        "B's grant is lost: {now:?}"
    );
    assert!(now.contains(&EC2_ROLE.to_string()), "{now:?}");
    match a_out.status.code() {
        Some(0) => assert!(now.contains(&ROLE_A.to_string()), "A said granted: {now:?}"),
        Some(1) => {
            let err = text(&a_out);
            assert_eq!(
                err.lines().filter(|l| l.starts_with("error:")).count(),
                1,
                "{err}"
            );
        }
        c => panic!("A ended with {c:?}: {}", text(&a_out)),
    }
    // B could only write after A was done: A never renewed a lease B had taken over.
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
}

/// Issue 16.1, the fence itself: A cannot renew its lease (every conditional PUT on the lease
/// is answered 503) and its re-read of the policy is answered late, after the lease expired
/// and B took it over and granted. A must see the lease is gone and stop without writing its
/// stale document (which lacks B's grant): exit 1, one line.
#[test]
fn a_writer_that_lost_its_lease_stops_without_writing() {
    let env = TestEnv::new();
    let b = env.bucket("fenced");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([
        {"method": "PUT", "path": ".lakegate/locks/", "header": ["Credential=writer-a/", "if-match:"],
         "action": "respond", "status": 503},
        {"method": "GET", "path": policy_path(&name), "header": "Credential=writer-a/",
         "nth": 2, "times": 1, "action": "delay_response", "delay_ms": 9000}
    ]));
    let mut a = proxy.spawn_cmd(&env);
    a.env("AWS_ACCESS_KEY_ID", "writer-a")
        .env("LAKEGATE_LEASE_TTL", "6")
        .args(grant(&name, ROLE_A));
    let a = a.spawn().unwrap();
    // A holds the lease and is re-reading: B waits for the lease to expire, then takes it over.
    proxy.wait_for("A's re-read under the lease", |r| {
        is(r, "GET", &policy_path(&name)) && r["action"] == "delay_response"
    });
    env.cmd()
        .env("AWS_ACCESS_KEY_ID", "writer-b")
        .env("LAKEGATE_LOCK_TIMEOUT", "60")
        .args(grant(&name, ROLE_B))
        .assert()
        .success();
    let a_out = a.wait_with_output().unwrap();
    let err = text(&a_out);
    assert_eq!(a_out.status.code(), Some(1), "{err}");
    assert!(err.contains("lost the lease"), "{err}");
    assert!(err.contains("stopped without writing"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    let now = granted(&env, &name);
    assert!(
        now.contains(&ROLE_B.to_string()),
        "B's grant was overwritten: {now:?}"
    );
    assert!(!now.contains(&ROLE_A.to_string()), "{now:?}");
    // A sent no policy write at all.
    assert!(!proxy
        .requests()
        .iter()
        .any(|r| is(r, "PUT", &policy_path(&name)) && r["access_key"] == "writer-a"));
}

/// Issue 16.3: the answer to the lease PutObject is lost (the object was written); the retry
/// gets 412. The lease holds lakegate's own id: it takes it instead of waiting for itself.
#[test]
fn a_lost_answer_on_the_lease_is_recognised_as_our_own_lease() {
    let env = TestEnv::new();
    let b = env.bucket("own-lease");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "PUT", "path": ".lakegate/locks/", "header": "if-none-match:",
        "times": 1, "action": "drop_response"
    }]));
    proxy
        .cmd(&env)
        .env("LAKEGATE_LOCK_TIMEOUT", "5")
        .args(grant(&name, ANALYST_ROLE))
        .assert()
        .success();
    assert!(granted(&env, &name).contains(&ANALYST_ROLE.to_string()));
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
    let dropped = proxy.requests();
    assert!(
        dropped.iter().any(|r| r["action"] == "drop_response"),
        "{dropped:?}"
    );
}

/// A lost answer, a 503 SlowDown and a reset on the policy write or the reads: retried, the
/// change lands once, and the command says so (exit 0).
#[test]
fn transient_faults_on_the_policy_calls_are_retried_and_land_once() {
    let env = TestEnv::new();
    let b = env.bucket("transient");
    for (i, rule) in [
        json!({"action": "drop_response"}),
        json!({"action": "respond", "status": 503}),
        json!({"action": "respond", "status": 500}),
        json!({"action": "reset"}),
    ]
    .into_iter()
    .enumerate()
    {
        let name = env.create_ap(&format!("ap{i}"), &b, "shared/", EC2_ROLE, "read");
        let proxy = FaultProxy::start(&env);
        let mut put = rule.clone();
        put["method"] = json!("PUT");
        put["path"] = json!(policy_path(&name));
        put["times"] = json!(1);
        let mut get = rule.clone();
        get["method"] = json!("GET");
        get["path"] = json!(policy_path(&name));
        get["nth"] = json!(2);
        get["times"] = json!(1);
        proxy.rules(json!([put, get]));
        proxy
            .cmd(&env)
            .args(grant(&name, ANALYST_ROLE))
            .assert()
            .success();
        // Exactly the grant: its two statements, the principal once in each.
        let p = env.ap_policy(&name).unwrap();
        let sts = statements(&p);
        assert_eq!(sts.len(), 2, "{rule}: {p:#}");
        for st in &sts {
            let n = principals(st).iter().filter(|p| *p == ANALYST_ROLE).count();
            assert_eq!(n, 1, "{rule}: {p:#}");
        }
        assert!(!lease_exists(&env, &b, &ap_arn(&name)), "{rule}");
    }
}

/// Issue 16.18: the write is applied but every read-back is lost: "written, not verified",
/// exit 1, and the change is in place.
#[test]
fn a_write_whose_read_back_is_lost_is_written_not_verified() {
    let env = TestEnv::new();
    let b = env.bucket("unverified");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let proxy = FaultProxy::start(&env);
    // Reads: 1 plan, 2 re-read, 3+ read-back (and the SDK's retries of it).
    proxy.rules(json!([{
        "method": "GET", "path": policy_path(&name), "nth": 3, "action": "reset"
    }]));
    let a = proxy
        .cmd(&env)
        .args(grant(&name, ANALYST_ROLE))
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(err.contains("written, not verified"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert!(granted(&env, &name).contains(&ANALYST_ROLE.to_string()));
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
}

/// Issue 16.7: another writer replaces the bucket policy while lakegate's write is being
/// answered. The read-back shows it: "possibly overwritten: …" naming the statement, exit 1, and
/// the document read back is kept in history.
#[test]
fn a_change_by_another_writer_during_the_write_is_reported_and_kept() {
    let env = TestEnv::new();
    let b = env.bucket("human-edit");
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "PUT", "path": "?policy", "times": 1,
        "action": "delay_response", "delay_ms": 1500
    }]));
    let mut c = proxy.spawn_cmd(&env);
    c.args(["bucket", "delegate", &b]);
    let child = c.spawn().unwrap();
    proxy.wait_for("the policy write", |r| r["action"] == "delay_response");
    std::thread::sleep(Duration::from_millis(300));
    let human = json!({"Version": "2012-10-17", "Statement": [{
        "Sid": "HumanEdit", "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket",
        "Resource": format!("arn:aws:s3:::{b}")
    }]});
    env.put_policy(&b, &human);
    let out = child.wait_with_output().unwrap();
    let err = text(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("possibly overwritten"), "{err}");
    assert!(err.contains("HumanEdit appeared"), "{err}");
    assert_eq!(env.policy(&b).unwrap(), human);
    let history: Vec<Value> = env
        .history_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .filter_map(|t| serde_json::from_str(&t).ok())
        .collect();
    assert!(
        history.iter().any(|h| h.to_string().contains("HumanEdit")),
        "the other writer's document is not in history: {history:?}"
    );
}

/// Issues 16.4 and 16.5: SIGTERM, SIGHUP and SIGINT arrive while the policy write is in flight
/// (sent, answer delayed). lakegate waits for the answer, releases the lease, says what was
/// left, and exits 128 + N; the policy is at its new state and the next writer need not wait.
#[test]
fn a_signal_during_the_write_settles_it_then_releases_the_lease() {
    let env = TestEnv::new();
    let b = env.bucket("signal");
    for (sig, code, role) in [
        (libc::SIGTERM, 143, ANALYST_ROLE),
        (libc::SIGHUP, 129, ROLE_A),
        (libc::SIGINT, 130, ROLE_B),
    ] {
        let name = env.create_ap(&format!("ap{code}"), &b, "shared/", EC2_ROLE, "read");
        let proxy = FaultProxy::start(&env);
        proxy.rules(json!([{
            "method": "PUT", "path": policy_path(&name), "action": "delay_response",
            "delay_ms": 1500
        }]));
        let mut c = proxy.spawn_cmd(&env);
        c.args(grant(&name, role));
        let child = c.spawn().unwrap();
        proxy.wait_for("the policy write", |r| is(r, "PUT", &policy_path(&name)));
        // SAFETY: signalling the child this test spawned, by its pid.
        unsafe { libc::kill(child.id() as i32, sig) };
        let out = child.wait_with_output().unwrap();
        let err = text(&out);
        assert_eq!(out.status.code(), Some(code), "{err}");
        assert!(err.contains("was written"), "{err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{err}"
        );
        assert!(granted(&env, &name).contains(&role.to_string()));
        assert!(
            !lease_exists(&env, &b, &ap_arn(&name)),
            "signal {sig}: {err}"
        );
    }
}

/// A signal before the write (during the re-read): nothing is written, the lease is released,
/// and the message says nothing changed.
#[test]
fn a_signal_before_the_write_changes_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("signal-early");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let before = env.ap_policy(&name);
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "GET", "path": policy_path(&name), "nth": 2, "times": 1,
        "action": "delay_response", "delay_ms": 1500
    }]));
    let mut c = proxy.spawn_cmd(&env);
    c.args(grant(&name, ANALYST_ROLE));
    let child = c.spawn().unwrap();
    proxy.wait_for("the re-read", |r| r["action"] == "delay_response");
    // SAFETY: signalling the child this test spawned, by its pid.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    let err = text(&out);
    assert_eq!(out.status.code(), Some(143), "{err}");
    assert!(err.contains("no policy write had started"), "{err}");
    assert_eq!(env.ap_policy(&name), before);
    assert!(!lease_exists(&env, &b, &ap_arn(&name)));
}

/// Issue 16.15: a lease that cannot be released is reported in one true line (where, until
/// when, why), not the SDK's Debug output; the change itself succeeded (exit 0).
#[test]
fn a_failed_lease_release_is_one_true_line() {
    let env = TestEnv::new();
    let b = env.bucket("relwarn");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "DELETE", "path": ".lakegate/locks/", "action": "respond", "status": 500
    }]));
    let a = proxy
        .cmd(&env)
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(grant(&name, ANALYST_ROLE))
        .assert()
        .success();
    let err = stderr(&a);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(" WARN ")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("could not release the lease s3://"),
        "{err}"
    );
    assert!(lines[0].contains("it expires by itself at"), "{err}");
    assert!(lines[0].contains("InternalError"), "{err}");
    assert!(
        !err.contains("ServiceError {") && !err.contains("raw:"),
        "{err}"
    );
    assert!(granted(&env, &name).contains(&ANALYST_ROLE.to_string()));
}
