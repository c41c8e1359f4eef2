//! Issue 23: principals as AWS reads them, errors that name the thing, foreign statements kept
//! byte for byte, and the window no lease can close.

use crate::faults::{is, FaultProxy};
use crate::harness::{assert_usage_error, stderr, HttpFake, TestEnv, EC2_ROLE};
use serde_json::{json, Value};
use std::time::Duration;

// ---------------------------------------------------------------------------------------------
// 2. A service name is not an AWS principal.

/// `--principal s3.amazonaws.com` would be written as `{"AWS": "s3.amazonaws.com"}`, which AWS
/// rejects: refused with exit 2, by every verb that writes a grant, before any call (the
/// environment is offline: a call would fail with exit 1).
#[test]
fn a_service_name_is_refused_as_a_principal_before_any_call() {
    let env = TestEnv::offline();
    for args in [
        vec![
            "accesspoint",
            "grant",
            "ec2-consumer",
            "--principal",
            "s3.amazonaws.com",
            "--prefix",
            "sales_event/",
            "--access",
            "read",
        ],
        vec![
            "accesspoint",
            "create",
            "ec2-consumer",
            "--bucket",
            "store-events",
            "--principal",
            "s3.amazonaws.com",
            "--prefix",
            "sales_event/",
            "--access",
            "read",
        ],
        vec![
            "accesspoint",
            "revoke",
            "ec2-consumer",
            "--principal",
            "athena.amazonaws.com",
        ],
    ] {
        let a = assert_usage_error(env.lg(&args), "service principal cannot be granted");
        let err = stderr(&a);
        assert!(err.contains("--principal"), "{err}");
        assert!(!err.contains("could not reach"), "{err}");
    }
    // Evaluating a service as the caller stays possible.
    let a = env.lg([
        "access",
        "check",
        "--principal",
        "athena.amazonaws.com",
        "--action",
        "s3:GetObject",
        "--bucket",
        "store-events",
        "--key",
        "k",
    ]);
    assert!(!stderr(&a).contains("service principal"), "{}", stderr(&a));
}

// ---------------------------------------------------------------------------------------------
// 3. Errors that name the thing.

#[test]
fn a_missing_subscription_request_is_named_with_its_domain() {
    let env = TestEnv::new();
    let fake = HttpFake::new(); // answers 404 to everything, as DataZone does for an unknown id
    let a = env
        .cmd()
        .env("AWS_ENDPOINT_URL_DATAZONE", fake.uri())
        .args([
            "subscription",
            "grant",
            "--domain",
            "dzd_abc123",
            "--request",
            "missingreq",
        ])
        .assert()
        .code(1);
    let err = stderr(&a);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert!(
        err.contains(
            "error: subscription request 'missingreq' was not found in DataZone domain 'dzd_abc123'"
        ),
        "{err}"
    );
}

#[test]
fn a_bad_lakegate_output_names_the_variable() {
    let env = TestEnv::offline();
    let a = env
        .cmd()
        .env("LAKEGATE_OUTPUT", "xml")
        .args(["bucket", "list"])
        .assert();
    let a = assert_usage_error(
        a,
        "invalid value 'xml' in the environment variable LAKEGATE_OUTPUT",
    );
    let line = stderr(&a).lines().next().unwrap_or_default().to_string();
    assert!(!line.contains("--output"), "{line}");
    // On the command line, the flag is named as before.
    assert_usage_error(
        env.lg(["--output", "xml", "bucket", "list"]),
        "invalid value 'xml' for '--output",
    );
}

#[test]
fn garbage_on_stdin_is_named_stdin() {
    let env = TestEnv::offline();
    let a = env
        .cmd()
        .args(["subscription", "handle-event"])
        .write_stdin(vec![0xff, 0xfe, 0x00, 0x80])
        .assert();
    let a = assert_usage_error(a, "stdin is not UTF-8 text");
    let err = stderr(&a);
    assert_eq!(
        err.lines().next(),
        Some("error: stdin is not UTF-8 text"),
        "{err}"
    );
    assert!(!err.contains("--file"), "{err}");
}

/// Every lease PUT answered 500: the error says S3 answered 500, not that it did not answer.
#[test]
fn a_lease_answered_500_says_it_answered_500() {
    let env = TestEnv::new();
    let b = env.bucket("lease500");
    let proxy = FaultProxy::start(&env);
    proxy.rules(json!([{
        "method": "PUT", "path": ".lakegate/locks/", "action": "respond", "status": 500
    }]));
    let out = proxy
        .cmd(&env)
        .env("LAKEGATE_LOCK_TIMEOUT", "2")
        .args(["bucket", "delegate", &b])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let line = err.lines().next().unwrap_or_default();
    assert!(
        line.contains("S3 answered HTTP 500 (InternalError) to"),
        "{err}"
    );
    assert!(!line.contains("did not answer"), "{err}");
    assert_eq!(env.policy_text(&b), None);
}

/// A value that starts with '-' is checked as the value it is, not called an unknown argument.
#[test]
fn hyphen_values_say_what_the_value_must_be() {
    let env = TestEnv::offline();
    let a = assert_usage_error(
        env.lg([
            "endpoint",
            "create",
            "athena",
            "--vpc-id",
            "vpc-0abc",
            "--subnet",
            "subnet-0abc",
            "--timeout",
            "-1",
        ]),
        "invalid value '-1' for '--timeout <SECONDS>': -1 is not in 1..=86400",
    );
    assert!(
        !stderr(&a).contains("unexpected argument"),
        "{}",
        stderr(&a)
    );
    let a = assert_usage_error(
        env.lg(["bucket", "delegate", "-lead"]),
        "invalid bucket name '-lead': must begin and end with a letter or digit",
    );
    assert!(
        !stderr(&a).contains("unexpected argument"),
        "{}",
        stderr(&a)
    );
    // Known flags keep working around a positional.
    assert_usage_error(env.lg(["bucket", "delegate", "--nope", "b"]), "--nope");
}

/// A control character in a value is escaped in the error: one line, never two.
#[test]
fn a_newline_in_a_value_is_escaped_in_the_error() {
    let env = TestEnv::offline();
    let a = assert_usage_error(
        env.lg([
            "accesspoint",
            "grant",
            "ec2-consumer",
            "--principal",
            EC2_ROLE,
            "--prefix",
            "a\nb",
            "--access",
            "read",
        ]),
        "invalid value 'a\\nb' for '--prefix",
    );
    let err = stderr(&a);
    assert!(
        !err.lines().any(|l| l == "b'" || l.starts_with("b'")),
        "{err}"
    );
    // The same for a value from the environment.
    let a = env
        .cmd()
        .env("LAKEGATE_OUTPUT", "x\ny")
        .args(["bucket", "list"])
        .assert();
    assert_usage_error(a, "invalid value 'x\\ny' in the environment variable");
}

// ---------------------------------------------------------------------------------------------
// 4. Statements lakegate did not write keep their text.

/// A foreign statement with a number written `10.50` and strings written with `\u00e9` and
/// `\u2028` escapes: after `bucket delegate` they are written back exactly so.
#[test]
fn delegate_keeps_the_text_of_foreign_numbers_and_escapes() {
    let env = TestEnv::new();
    let b = env.bucket("rawtext");
    let foreign = format!(
        r#"{{"Version":"2012-10-17","Id":"caf\u00e9","Statement":[{{"Sid":"Theirs","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::111122223333:root"}},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::{b}","Condition":{{"NumericLessThanEquals":{{"s3:max-keys":10.50}},"StringEquals":{{"aws:PrincipalTag/team":"caf\u00e9\u2028x"}}}}}}]}}"#
    );
    env.put_policy_text(&b, &foreign);
    env.lg(["bucket", "delegate", &b]).success();
    let after = env.policy_text(&b).unwrap();
    assert!(after.contains(r#""s3:max-keys":10.50"#), "{after}");
    assert!(after.contains(r#""caf\u00e9\u2028x""#), "{after}");
    assert!(after.contains(r#""Id":"caf\u00e9""#), "{after}");
    // The foreign statement is there byte for byte.
    let theirs = &foreign[foreign.find(r#"{"Sid":"Theirs""#).unwrap()..foreign.len() - 2];
    assert!(after.contains(theirs), "{after}");
    let v: Value = serde_json::from_str(&after).unwrap();
    assert_eq!(v["Statement"].as_array().map(Vec::len), Some(2), "{after}");
}

// ---------------------------------------------------------------------------------------------
// 5. The window no lease can close.

/// The lease is proven held before the re-read, not while it: an edit made with another tool
/// while the lease check is slow is seen by the re-read and kept. (When the two ran together,
/// the re-read was answered first and the write waited for the check: an edit in between was
/// overwritten unseen.)
#[test]
fn an_edit_while_the_lease_check_is_slow_is_kept() {
    let env = TestEnv::new();
    let b = env.bucket("slowcheck");
    env.put_policy(&b, &their_policy(&b, "First"));
    let proxy = FaultProxy::start(&env);
    // The lease check under the lease (a PUT conditional on the lease's ETag): answered late.
    proxy.rules(json!([{
        "method": "PUT", "path": ".lakegate/locks/", "header": "if-match:",
        "nth": 1, "times": 1, "action": "delay_response", "delay_ms": 3000
    }]));
    let mut c = proxy.spawn_cmd(&env);
    c.args(["bucket", "delegate", &b]);
    let child = c.spawn().unwrap();
    proxy.wait_for("the lease check", |r| {
        is(r, "PUT", ".lakegate/locks/") && r["action"] == "delay_response"
    });
    std::thread::sleep(Duration::from_millis(1200));
    // Another tool adds a statement while lakegate waits for the lease check's answer.
    env.put_policy(&b, &their_policy(&b, "Second"));
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let sids: Vec<String> = env
        .policy(&b)
        .map(|p| {
            crate::harness::statements(&p)
                .iter()
                .filter_map(|s| s["Sid"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        sids.contains(&"Second".to_string()),
        "the edit was lost: {sids:?}"
    );
}

/// The history entry of a write holds the document read right before it, with the time of that
/// read; `-v` names the window measured around the write.
#[test]
fn the_history_entry_holds_the_document_read_right_before_the_write() {
    let env = TestEnv::new();
    let b = env.bucket("window");
    env.put_policy(&b, &their_policy(&b, "First"));
    let proxy = FaultProxy::start(&env);
    // Taking the lease (a PUT with If-None-Match) is slow: another tool edits meanwhile, after
    // lakegate's first read and before its re-read.
    proxy.rules(json!([{
        "method": "PUT", "path": ".lakegate/locks/", "header": "if-none-match:",
        "nth": 1, "times": 1, "action": "delay", "delay_ms": 1500
    }]));
    let mut c = proxy.spawn_cmd(&env);
    c.args(["-v", "bucket", "delegate", &b]);
    let child = c.spawn().unwrap();
    proxy.wait_for("the lease acquisition", |r| {
        is(r, "PUT", ".lakegate/locks/")
    });
    env.put_policy(&b, &their_policy(&b, "Second"));
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("window: the write was sent") && l.contains("ms after the re-read")),
        "{err}"
    );
    let files = env.history_files();
    assert_eq!(files.len(), 1, "{files:?}");
    let entry: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    assert_eq!(entry["policy"], their_policy(&b, "Second"), "{entry}");
    let read_at = entry["read_at"].as_str().unwrap_or_default();
    assert!(read_at.ends_with('Z') && read_at.len() >= 20, "{entry}");
}

/// A policy of another tool with one Allow statement (moto applies Deny statements without their
/// conditions, which could block the lease object).
fn their_policy(bucket: &str, sid: &str) -> Value {
    let st = |sid: &str| {
        json!({"Sid": sid, "Effect": "Allow",
               "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
               "Action": "s3:ListBucket", "Resource": format!("arn:aws:s3:::{bucket}")})
    };
    let mut sts = vec![st("First")];
    if sid != "First" {
        sts.push(st(sid));
    }
    json!({"Version": "2012-10-17", "Statement": sts})
}
