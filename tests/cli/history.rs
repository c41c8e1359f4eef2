//! `bucket policy history` and `bucket policy rollback`: every overwrite keeps the previous
//! document, and rollback restores it exactly (or deletes the policy when there was none).

use crate::harness::{assert_usage_error, stderr, stdout, TestEnv};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::{json, Value};

fn foreign(bucket: &str) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "ReadForAnalytics",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:role/Analytics"},
            "Action": "s3:GetObject",
            "Resource": format!("arn:aws:s3:::{bucket}/curated/*")
        }]
    })
}

#[test]
fn history_is_empty_before_any_change() {
    let env = TestEnv::new();
    let b = env.bucket("fresh");
    env.lg(["bucket", "policy", "history", &b])
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(contains(format!("no history for bucket {b}")));
    assert_eq!(
        env.json(["bucket", "policy", "history", &b, "-o", "json"]),
        json!([])
    );
}

#[test]
fn history_lists_each_kept_document() {
    let env = TestEnv::new();
    let b = env.bucket("hist");
    env.lg(["bucket", "delegate", &b]).success(); // version 1: no policy
    env.lg(["bucket", "policy", "rollback", &b, "--yes"])
        .success(); // version 2: the delegation
    let out = stdout(&env.lg(["bucket", "policy", "history", &b]).success());
    // SAVED AT varies in width (fractional seconds); normalise column gaps for the snapshot.
    let mut s = env.insta();
    s.add_filter(r" {2,}", "   ");
    s.bind(|| insta::assert_snapshot!("history_table", out));

    let v = env.json(["bucket", "policy", "history", &b, "-o", "json"]);
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["version"], json!(1));
    assert_eq!(entries[0]["policy"], Value::Null);
    assert_eq!(entries[0]["reason"], json!("bucket delegate"));
    assert_eq!(entries[0]["resource"], json!(format!("arn:aws:s3:::{b}")));
    assert_eq!(entries[1]["version"], json!(2));
    assert_eq!(
        entries[1]["policy"]["Statement"][0]["Sid"],
        json!("LakegateDelegateToAccessPoints")
    );
    let reason = entries[1]["reason"].as_str().unwrap();
    assert!(reason.contains("rollback --to 1"), "{reason}");
}

#[test]
fn rollback_restores_the_exact_previous_document() {
    let env = TestEnv::new();
    let b = env.bucket("restore");
    let original = foreign(&b);
    env.put_policy(&b, &original);
    env.lg(["bucket", "delegate", &b]).success();
    assert_ne!(env.policy(&b), Some(original.clone()));

    // Without --yes, in a script: refused, nothing changed.
    let delegated = env.policy_text(&b);
    assert_usage_error(env.lg(["bucket", "policy", "rollback", &b]), "pass --yes");
    assert_eq!(env.policy_text(&b), delegated);

    // --dry-run shows the way back and changes nothing.
    let out = stdout(
        &env.lg(["bucket", "policy", "rollback", &b, "--dry-run"])
            .success(),
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with('-') && l.contains("LakegateDelegateToAccessPoints")),
        "{out}"
    );
    assert_eq!(env.policy_text(&b), delegated);

    env.lg(["bucket", "policy", "rollback", &b, "--yes"])
        .success()
        .stdout(contains(format!("bucket {b} restored to version 1")));
    assert_eq!(env.policy(&b), Some(original));

    // The rollback itself is kept, so it can be undone.
    let v = env.json(["bucket", "policy", "history", &b, "-o", "json"]);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(
        serde_json::to_string(&v[1]["policy"]).unwrap(),
        delegated.unwrap()
    );
}

#[test]
fn rollback_to_a_version_without_policy_deletes_the_policy() {
    let env = TestEnv::new();
    let b = env.bucket("none");
    env.lg(["bucket", "delegate", &b]).success();
    assert!(env.policy(&b).is_some());
    env.lg(["bucket", "policy", "rollback", &b, "--yes", "--to", "1"])
        .success();
    assert_eq!(env.policy_text(&b), None, "the bucket has no policy again");
    env.lg(["bucket", "policy", "get", &b])
        .success()
        .stderr(contains("has no bucket policy"));
}

#[test]
fn rollback_to_an_older_version() {
    let env = TestEnv::new();
    let b = env.bucket("older");
    let first = foreign(&b);
    env.put_policy(&b, &first);
    env.lg(["bucket", "delegate", &b]).success(); // v1 = first
    let delegated = env.policy(&b);
    env.lg(["bucket", "policy", "rollback", &b, "--yes"])
        .success(); // v2 = delegated; now first
    env.lg(["bucket", "policy", "rollback", &b, "--yes"])
        .success(); // v3 = first; now delegated (undo of the undo)
    assert_eq!(env.policy(&b), delegated);

    env.lg(["bucket", "policy", "rollback", &b, "--yes", "--to", "1"])
        .success()
        .stdout(contains("restored to version 1"));
    assert_eq!(env.policy(&b), Some(first.clone()));

    // Restoring the version already in place changes nothing.
    let before = env.history_files();
    env.lg(["bucket", "policy", "rollback", &b, "--yes", "--to", "3"])
        .success()
        .stdout(contains("already matches version 3; nothing changed"));
    assert_eq!(env.policy(&b), Some(first));
    assert_eq!(env.history_files(), before);
}

#[test]
fn rollback_to_an_unknown_version_is_refused() {
    let env = TestEnv::new();
    let b = env.bucket("unknown");
    env.lg(["bucket", "delegate", &b]).success();
    let before = env.policy_text(&b);
    let a = assert_usage_error(
        env.lg(["bucket", "policy", "rollback", &b, "--yes", "--to", "7"]),
        "--to 7",
    );
    assert!(
        stderr(&a).contains("no history version 7"),
        "{}",
        stderr(&a)
    );
    assert!(stderr(&a).contains("versions: 1"), "{}", stderr(&a));
    assert_eq!(env.policy_text(&b), before);
}

#[test]
fn rollback_without_history_fails() {
    let env = TestEnv::new();
    let b = env.bucket("nohist");
    env.lg(["bucket", "policy", "rollback", &b, "--yes"])
        .code(1)
        .stderr(contains(format!("bucket {b} has no policy history")));
    assert_eq!(env.policy_text(&b), None);
}

#[test]
fn access_point_history_and_rollback() {
    let env = TestEnv::new();
    let b = env.bucket("ap-hist");
    let name = env.create_ap("ap", &b, "sales_event/", crate::harness::EC2_ROLE, "read");
    let created = env.ap_policy(&name).expect("a policy");
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        crate::harness::ANALYST_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ])
    .success();
    let granted = env.ap_policy(&name).expect("a policy");
    assert_ne!(granted, created);

    let v = env.json(["accesspoint", "history", &name, "-o", "json"]);
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 2, "{v:#}");
    assert_eq!(
        entries[0]["policy"],
        Value::Null,
        "before create: no policy"
    );
    assert_eq!(entries[1]["policy"], created);

    assert_usage_error(env.lg(["accesspoint", "rollback", &name]), "pass --yes");
    assert_eq!(env.ap_policy(&name), Some(granted.clone()));

    env.lg(["accesspoint", "rollback", &name, "--yes"])
        .success()
        .stdout(contains("restored to version 2"));
    assert_eq!(env.ap_policy(&name), Some(created.clone()));

    // Deleted access points keep their history; a recreated one can get its policy back.
    env.lg(["accesspoint", "delete", &name, "--yes"]).success();
    let v = env.json(["accesspoint", "history", &name, "-o", "json"]);
    let last = v.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["policy"], created);
    env.lg(["accesspoint", "rollback", &name, "--yes"])
        .code(1)
        .stderr(contains("does not exist"));

    env.create_ap("ap", &b, "other/", crate::harness::LAMBDA_ROLE, "write");
    let to = last["version"].to_string();
    env.lg(["accesspoint", "rollback", &name, "--yes", "--to", &to])
        .success();
    assert_eq!(env.ap_policy(&name), Some(created));
}
