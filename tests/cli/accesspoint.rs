//! `accesspoint create|get|delete`: least privilege, --dry-run, idempotence, confirmation.

use crate::harness::{
    assert_usage_error, principals, statements, stderr, stdout, strings, TestEnv, ACCOUNT,
    EC2_ROLE, LAMBDA_ROLE,
};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::json;

fn create_args<'a>(
    name: &'a str,
    bucket: &'a str,
    prefix: &'a str,
    principal: &'a str,
    access: &'a str,
) -> Vec<&'a str> {
    vec![
        "accesspoint",
        "create",
        name,
        "--bucket",
        bucket,
        "--prefix",
        prefix,
        "--principal",
        principal,
        "--access",
        access,
    ]
}

#[test]
fn create_writes_a_least_privilege_policy() {
    let env = TestEnv::new();
    let b = env.bucket("lp");
    let name = env.name("reader");
    // No trailing '/': lakegate adds it, so `sales_event` cannot match `sales_event_archive/`.
    let a = env
        .lg(create_args(&name, &b, "sales_event", EC2_ROLE, "read"))
        .success();
    let arn = format!("arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}");
    assert_eq!(
        stdout(&a),
        format!("access point {name} created: read sales_event/ for {EC2_ROLE} on {b} ({arn})\n")
    );
    // The bucket is not delegated yet: the user is told what else is needed.
    assert!(
        stderr(&a).contains(&format!("run `lakegate bucket delegate {b}`")),
        "{}",
        stderr(&a)
    );

    assert!(env.ap_exists(&name));
    let p = env.ap_policy(&name).expect("a policy");
    let text = serde_json::to_string(&p).unwrap();
    assert!(!text.contains("s3:*"), "{p:#}");
    let sts = statements(&p);
    assert_eq!(sts.len(), 2, "read = object read + list: {p:#}");
    for st in &sts {
        assert_eq!(st["Effect"], json!("Allow"));
        assert_eq!(principals(st), [EC2_ROLE]);
        let actions = strings(st.get("Action"));
        assert!(
            actions.iter().all(|a| a != "*" && !a.ends_with('*')),
            "{actions:?}"
        );
        for r in strings(st.get("Resource")) {
            assert!(r.starts_with(&arn), "{r}");
            if actions == ["s3:ListBucket"] {
                assert_eq!(r, arn);
            } else {
                assert!(r.ends_with("/object/sales_event/*"), "{r}");
            }
        }
        if actions == ["s3:ListBucket"] {
            assert_eq!(
                st["Condition"],
                json!({"StringLike": {"s3:prefix": "sales_event/*"}})
            );
        } else {
            assert_eq!(actions, ["s3:GetObject", "s3:GetObjectVersion"]);
        }
    }
}

#[test]
fn create_with_a_vpc_and_block_public_access_settings() {
    let env = TestEnv::new();
    let b = env.bucket("vpc");
    let name = env.name("in-vpc");
    let mut args = create_args(&name, &b, "private/", LAMBDA_ROLE, "write");
    args.extend([
        "--vpc-id",
        "vpc-0abc123",
        "--block-public-access",
        "block-public-policy,restrict-public-buckets",
    ]);
    env.lg(args).success();
    let v = env.json(["accesspoint", "get", &name, "-o", "json"]);
    assert_eq!(v["network_origin"], json!("VPC"));
    assert_eq!(v["vpc_id"], json!("vpc-0abc123"));
    assert_eq!(
        v["block_public_access"],
        json!({
            "block_public_acls": false,
            "ignore_public_acls": false,
            "block_public_policy": true,
            "restrict_public_buckets": true
        })
    );
}

#[test]
fn create_dry_run_creates_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("dry");
    let name = env.name("dry-ap");
    let mut args = create_args(&name, &b, "sales_event/", EC2_ROLE, "read-write");
    args.push("--dry-run");
    let a = env.lg(args).success();
    let out = stdout(&a);
    assert!(
        out.contains(&format!(
            "create access point arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}"
        )),
        "{out}"
    );
    assert!(out.contains("create access point policy"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with('+') && l.contains("sales_event/*")),
        "{out}"
    );
    assert!(out.ends_with("Dry run: nothing was changed.\n"), "{out}");

    assert!(!env.ap_exists(&name));
    env.lg(["accesspoint", "get", &name])
        .code(1)
        .stderr(contains(format!("access point '{name}' does not exist")));
    assert!(env.history_files().is_empty());
}

#[test]
fn create_twice_changes_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("twice");
    let name = env.name("ap");
    let args = create_args(&name, &b, "sales_event/", EC2_ROLE, "read-write");
    env.lg(&args).success();
    let policy = env.ap_policy(&name);
    let history = env.history_files();

    env.lg(&args).success().stdout(contains(format!(
        "access point {name} exists with this grant; nothing changed"
    )));
    assert_eq!(env.ap_policy(&name), policy);
    assert_eq!(env.history_files(), history);

    let v = env.json(args.iter().copied().chain(["-o", "json"]));
    assert_eq!(v["created"], json!(false));
    assert_eq!(v["policy_changed"], json!(false));
    assert_eq!(Some(&v["policy"]), policy.as_ref());
}

#[test]
fn create_again_with_another_prefix_updates_the_policy() {
    let env = TestEnv::new();
    let b = env.bucket("update");
    let name = env.name("ap");
    env.lg(create_args(&name, &b, "sales_event/", EC2_ROLE, "read"))
        .success();
    env.lg(create_args(&name, &b, "returns_event/", EC2_ROLE, "read"))
        .success()
        .stdout(contains("exists; policy updated"));
    let v = env.json(["accesspoint", "get", &name, "-o", "json"]);
    let prefixes: Vec<&str> = v["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["prefix"].as_str().unwrap())
        .collect();
    assert_eq!(prefixes, ["returns_event/", "sales_event/"]);
}

#[test]
fn create_on_an_unknown_bucket_fails_and_creates_nothing() {
    let env = TestEnv::new();
    let b = env.name("no-such-bucket");
    let name = env.name("orphan");
    let a = env
        .lg(create_args(&name, &b, "sales_event/", EC2_ROLE, "read"))
        .code(1);
    assert!(
        stderr(&a).contains(&format!("error: bucket '{b}' does not exist")),
        "{}",
        stderr(&a)
    );
    assert_eq!(stdout(&a), "");
    assert!(!env.ap_exists(&name));
}

#[test]
fn create_refuses_a_name_taken_on_another_bucket() {
    let env = TestEnv::new();
    let b1 = env.bucket("one");
    let b2 = env.bucket("two");
    let name = env.create_ap("taken", &b1, "a/", EC2_ROLE, "read");
    let policy = env.ap_policy(&name);
    env.lg(create_args(&name, &b2, "a/", EC2_ROLE, "read"))
        .code(1)
        .stderr(contains(format!(
            "access point '{name}' already exists on bucket '{b1}'"
        )));
    assert_eq!(env.ap_policy(&name), policy);
}

#[test]
fn get_of_a_missing_access_point_fails() {
    let env = TestEnv::new();
    let name = env.name("missing");
    env.lg(["accesspoint", "get", &name])
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(contains(format!(
            "error: access point '{name}' does not exist in account {ACCOUNT}"
        )))
        .stderr(contains("hint: run `lakegate accesspoint list`"));
}

#[test]
fn delete_without_yes_in_a_script_refuses() {
    let env = TestEnv::new();
    let b = env.bucket("del");
    let name = env.create_ap("keep", &b, "a/", EC2_ROLE, "read");
    let a = assert_usage_error(env.lg(["accesspoint", "delete", &name]), "pass --yes");
    drop(a);
    assert!(env.ap_exists(&name));
    assert!(env.ap_policy(&name).is_some());
}

#[test]
fn delete_dry_run_keeps_it() {
    let env = TestEnv::new();
    let b = env.bucket("del");
    let name = env.create_ap("keep", &b, "a/", EC2_ROLE, "read");
    let policy = env.ap_policy(&name);
    let out = stdout(
        &env.lg(["accesspoint", "delete", &name, "--dry-run"])
            .success(),
    );
    assert!(
        out.contains(&format!(
            "delete access point arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}"
        )),
        "{out}"
    );
    assert!(out.contains("delete access point policy"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("-  ")), "{out}");
    assert!(env.ap_exists(&name));
    assert_eq!(env.ap_policy(&name), policy);
}

#[test]
fn delete_with_yes_deletes_and_keeps_the_policy_in_history() {
    let env = TestEnv::new();
    let b = env.bucket("del");
    let name = env.create_ap("gone", &b, "a/", EC2_ROLE, "read");
    let policy = env.ap_policy(&name).expect("a policy");
    let before = env.history_files().len();
    env.lg(["accesspoint", "rm", &name, "--yes"])
        .success()
        .stdout(contains(format!("access point {name} deleted")));
    assert!(!env.ap_exists(&name));
    env.lg(["accesspoint", "get", &name]).code(1);

    let files = env.history_files();
    assert_eq!(files.len(), before + 1);
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(files.last().unwrap()).unwrap()).unwrap();
    assert_eq!(kept["policy"], policy);
    assert_eq!(kept["reason"], json!("accesspoint delete"));
}

#[test]
fn delete_of_a_missing_access_point_fails() {
    let env = TestEnv::new();
    let name = env.name("never");
    env.lg(["accesspoint", "delete", &name, "--yes"])
        .code(1)
        .stderr(contains(format!("access point '{name}' does not exist")));
}
