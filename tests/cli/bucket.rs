//! `bucket delegate` and `bucket policy get`: foreign statements are kept exactly, a second run
//! changes nothing, and --dry-run prints a diff and changes nothing.

use crate::harness::{statements, stderr, stdout, TestEnv, ACCOUNT};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{json, Value};

/// A policy lakegate did not write, with the forms a round-trip could lose: an `Id`, a statement
/// without Sid, NotPrincipal, single-string fields, a Condition with two operators.
fn foreign_policy(bucket: &str) -> Value {
    json!({
        "Version": "2012-10-17",
        "Id": "TheirPolicy",
        "Statement": [
            {
                "Sid": "DenyInsecureAclChanges",
                "Effect": "Deny",
                "Principal": "*",
                // moto applies Deny statements without evaluating their conditions, so this
                // one names only ACL actions: lakegate's lease object must stay writable.
                "Action": ["s3:PutBucketAcl", "s3:PutObjectAcl"],
                "Resource": [format!("arn:aws:s3:::{bucket}"), format!("arn:aws:s3:::{bucket}/*")],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}}
            },
            {
                "Effect": "Allow",
                "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/Auditor"]},
                "Action": ["s3:GetBucketLocation", "s3:ListBucket"],
                "Resource": format!("arn:aws:s3:::{bucket}"),
                "Condition": {
                    "StringLike": {"s3:prefix": ["audit/*", "report/*"]},
                    "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}
                }
            },
            {
                "Sid": "NoDeletesButAdmins",
                "Effect": "Deny",
                "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/Admin"},
                "Action": "s3:DeleteObject",
                "Resource": format!("arn:aws:s3:::{bucket}/*")
            }
        ]
    })
}

#[test]
fn delegate_keeps_foreign_statements_exactly() {
    let env = TestEnv::new();
    let b = env.bucket("foreign");
    let foreign = foreign_policy(&b);
    env.put_policy(&b, &foreign);

    env.lg(["bucket", "delegate", &b])
        .success()
        .stdout(contains(format!(
            "bucket {b} now delegates access control to the access points of account {ACCOUNT}"
        )))
        .stdout(contains("previous document kept as version 1"));

    let after = env.policy(&b).expect("a policy");
    assert_eq!(after["Version"], foreign["Version"]);
    assert_eq!(after["Id"], foreign["Id"]);
    let sts = statements(&after);
    assert_eq!(sts.len(), 4, "{after:#}");
    // Every foreign statement is still there, unchanged and in order.
    assert_eq!(&sts[..3], &statements(&foreign)[..]);
    assert_eq!(sts[3]["Sid"], json!("LakegateDelegateToAccessPoints"));
    assert_eq!(
        sts[3]["Condition"],
        json!({"StringEquals": {"s3:DataAccessPointAccount": ACCOUNT}})
    );

    // The document it replaced is kept for rollback.
    assert_eq!(env.history_files().len(), 1);
    let h = env.json(["bucket", "policy", "history", &b, "-o", "json"]);
    assert_eq!(h[0]["policy"], foreign);
    assert_eq!(h[0]["reason"], json!("bucket delegate"));
}

#[test]
fn delegate_twice_changes_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("twice");
    env.put_policy(&b, &foreign_policy(&b));
    env.lg(["bucket", "delegate", &b]).success();
    let first = env.policy_text(&b).expect("a policy");
    let history = env.history_files();

    let a = env.lg(["bucket", "delegate", &b]).success();
    assert_eq!(
        stdout(&a),
        format!(
            "bucket {b} already delegates access control to the access points of account {ACCOUNT}; nothing changed\n"
        )
    );
    assert_eq!(env.policy_text(&b).as_deref(), Some(first.as_str()));
    assert_eq!(env.history_files(), history, "no new history entry");

    let v = env.json(["bucket", "delegate", &b, "-o", "json"]);
    assert_eq!(v["changed"], json!(false));
    assert_eq!(v["dry_run"], json!(false));
    assert_eq!(v["history_version"], json!(null));
    assert_eq!(Some(&v["policy"]), env.policy(&b).as_ref());
}

#[test]
fn delegate_recognises_a_hand_written_delegation() {
    let env = TestEnv::new();
    let b = env.bucket("by-hand");
    let doc = json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DelegateToAPs",
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": "*",
            "Resource": [format!("arn:aws:s3:::{b}"), format!("arn:aws:s3:::{b}/*")],
            "Condition": {"StringEquals": {"s3:DataAccessPointAccount": ACCOUNT}}
        }]
    });
    env.put_policy(&b, &doc);
    let before = env.policy_text(&b);
    env.lg(["bucket", "delegate", &b])
        .success()
        .stdout(contains("nothing changed"));
    assert_eq!(env.policy_text(&b), before);
}

#[test]
fn delegate_dry_run_on_a_bucket_without_policy_changes_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("dry-none");
    let a = env.lg(["bucket", "delegate", &b, "--dry-run"]).success();
    let out = stdout(&a);
    assert!(
        out.contains(&format!("create bucket policy arn:aws:s3:::{b}")),
        "{out}"
    );
    assert!(out.contains("+++ bucket policy (planned)"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with('+') && l.contains("s3:DataAccessPointAccount")),
        "{out}"
    );
    assert!(!out.lines().any(|l| l.starts_with("-  ")), "{out}");
    assert!(out.ends_with("Dry run: nothing was changed.\n"), "{out}");
    env.insta()
        .bind(|| insta::assert_snapshot!("delegate_dry_run_diff", out));

    assert_eq!(env.policy_text(&b), None, "still no bucket policy");
    assert!(env.history_files().is_empty());
}

#[test]
fn delegate_dry_run_keeps_a_foreign_policy_byte_for_byte() {
    let env = TestEnv::new();
    let b = env.bucket("dry-foreign");
    // Unusual but valid formatting: lakegate must not rewrite it when it only looks.
    let text = serde_json::to_string_pretty(&foreign_policy(&b)).unwrap();
    env.put_policy_text(&b, &text);
    let a = env.lg(["bucket", "delegate", &b, "--dry-run"]).success();
    let out = stdout(&a);
    assert!(
        out.contains(&format!("update bucket policy arn:aws:s3:::{b}")),
        "{out}"
    );
    let added: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .collect();
    assert!(
        added
            .iter()
            .any(|l| l.contains("LakegateDelegateToAccessPoints")),
        "{out}"
    );
    assert_eq!(env.policy_text(&b).as_deref(), Some(text.as_str()));
    assert!(env.history_files().is_empty());

    // Scripts get the plan itself.
    let v = env.json(["bucket", "delegate", &b, "--dry-run", "-o", "json"]);
    assert_eq!(v["dry_run"], json!(true));
    assert_eq!(v["changes"][0]["action"], json!("update"));
    assert_eq!(v["changes"][0]["before"], foreign_policy(&b));
    assert_eq!(env.policy_text(&b).as_deref(), Some(text.as_str()));
}

#[test]
fn delegate_on_a_missing_bucket_fails() {
    let env = TestEnv::new();
    let b = env.name("never-created");
    let a = env.lg(["bucket", "delegate", &b]).code(1);
    assert!(
        stderr(&a).contains(&format!("error: bucket '{b}' does not exist")),
        "{}",
        stderr(&a)
    );
    assert!(env.history_files().is_empty());
}

#[test]
fn policy_get_of_a_bucket_without_policy() {
    let env = TestEnv::new();
    let b = env.bucket("no-policy");
    env.lg(["bucket", "policy", "get", &b])
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(contains(format!("bucket {b} has no bucket policy")));
    let v = env.json(["bucket", "policy", "get", &b, "-o", "json"]);
    assert_eq!(v, Value::Null);
}

/// `bucket list`: ListBuckets, then one GetBucketPolicy per bucket to say whether it delegates.
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html>
#[test]
fn bucket_list_says_which_buckets_delegate_and_prints_names() {
    let env = TestEnv::new();
    let delegated = env.bucket("bl-deleg");
    let plain = env.bucket("bl-plain");
    let foreign = env.bucket("bl-foreign");
    env.put_policy(&foreign, &foreign_policy(&foreign));
    env.lg(["bucket", "delegate", &delegated]).success();

    let v = env.json(["bucket", "list", "-o", "json"]);
    let row = |b: &str| {
        v.as_array()
            .expect("an array")
            .iter()
            .find(|r| r["name"] == b)
            .unwrap_or_else(|| panic!("{b} missing from {v}"))
            .clone()
    };
    assert_eq!(row(&delegated)["delegated"], true);
    assert_eq!(row(&delegated)["has_policy"], true);
    assert_eq!(row(&plain)["delegated"], false);
    assert_eq!(row(&plain)["has_policy"], false);
    assert_eq!(row(&foreign)["delegated"], false);
    assert_eq!(row(&foreign)["has_policy"], true);

    let a = env.lg(["bucket", "list", "-o", "name"]).success();
    let out = stdout(&a);
    for b in [&delegated, &plain, &foreign] {
        assert!(out.lines().any(|l| l == format!("bucket/{b}")), "{out}");
    }

    let v = env.json(["bucket", "list", "--no-policies", "-o", "json"]);
    let r = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == delegated.as_str())
        .expect("listed")
        .clone();
    assert_eq!(r["delegated"], Value::Null);

    let a = env.lg(["bucket", "list"]).success();
    let table = stdout(&a);
    let line = table
        .lines()
        .find(|l| l.starts_with(&delegated))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(line.ends_with("yes"), "{line}");
}

#[test]
fn bucket_list_keeps_to_the_region_in_use() {
    let env = TestEnv::new();
    let here = env.bucket("bl-here");
    let v = env.json(["--region", "eu-west-1", "bucket", "list", "-o", "json"]);
    assert!(
        !v.as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == here.as_str()),
        "a us-east-1 bucket listed under --region eu-west-1: {v}"
    );
}

/// One bucket whose policy cannot be read (here: duplicate keys) does not hide the others: its
/// columns are unknown, with a warning, and the listing succeeds.
#[test]
fn bucket_list_survives_an_unreadable_policy() {
    let env = TestEnv::new();
    let bad = env.bucket("list-dup");
    let good = env.bucket("list-ok");
    env.put_policy_text(
        &bad,
        &format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Deny","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{bad}/*"}}]}}"#
        ),
    );
    let a = env.lg(["bucket", "list", "-o", "json"]).success();
    let rows: serde_json::Value = serde_json::from_str(&crate::harness::stdout(&a)).unwrap();
    let row = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} not listed: {rows}"))
    };
    assert_eq!(row(&bad)["delegated"], serde_json::Value::Null);
    assert_eq!(row(&good)["has_policy"], serde_json::json!(false));
    let err = crate::harness::stderr(&a);
    assert!(err.contains(&bad) && err.contains("duplicate key"), "{err}");
}
