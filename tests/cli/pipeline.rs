//! The one change pipeline, verb by verb: `--dry-run -o json` prints exactly one plan document
//! and changes nothing; another holder's lease makes the verb wait and fail naming the holder;
//! a destructive plan off a terminal without --yes exits 2 and changes nothing; an overwrite
//! leaves a history entry that rollback restores.

use crate::harness::{
    assert_usage_error, http, stderr, stdout, TestEnv, ACCOUNT, ANALYST_ROLE, EC2_ROLE, REGION,
};
use serde_json::{json, Value};

const AUTH: &str = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0";

fn ap_arn(name: &str) -> String {
    format!("arn:aws:s3:{REGION}:{ACCOUNT}:accesspoint/{name}")
}

/// Exactly one JSON document on stdout, of the plan shape; returns it.
pub fn one_plan(out: &str) -> Value {
    let docs: Vec<Value> = serde_json::Deserializer::from_str(out)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{out}"));
    assert_eq!(docs.len(), 1, "one document, got {}:\n{out}", docs.len());
    let v = docs.into_iter().next().unwrap();
    assert_eq!(v["dry_run"], json!(true), "{v:#}");
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys[..2], ["dry_run", "changes"], "{v:#}");
    // What the plan does to access (issue 22), when it touches a policy.
    assert!(
        keys[2..]
            .iter()
            .all(|k| ["delta", "delta_notes", "also_changes"].contains(&k.as_str())),
        "{v:#}"
    );
    for r in v["delta"].as_array().into_iter().flatten() {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "change",
                "principal",
                "class",
                "account",
                "external",
                "bucket",
                "route",
                "access_point",
                "access",
                "keys",
                "except",
                "only_if",
                "restriction"
            ],
            "{r:#}"
        );
        assert!(
            ["gained", "lost"].contains(&r["change"].as_str().unwrap()),
            "{r:#}"
        );
    }
    for c in v["changes"].as_array().unwrap() {
        let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["target", "resource", "action", "before", "after"],
            "{c:#}"
        );
        assert!(
            ["create", "update", "delete"].contains(&c["action"].as_str().unwrap()),
            "{c:#}"
        );
    }
    v
}

pub fn put_lease(env: &TestEnv, bucket: &str, resource: &str, owner: &str) {
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
    let body =
        json!({"owner": owner, "resource": resource, "acquired_at": 0, "expires_at": u64::MAX / 4})
            .to_string();
    let (status, _) = http(
        env.port(),
        "PUT",
        &format!("/{bucket}/.lakegate/locks/{safe}.lease"),
        &[
            ("Content-Type", "application/json"),
            ("Authorization", AUTH),
        ],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 200);
}

/// The verb waits for the other holder, then fails naming it, and changes nothing.
fn blocked(env: &TestEnv, args: &[&str]) -> String {
    let a = env
        .cmd()
        .env("LAKEGATE_LOCK_TIMEOUT", "1")
        .args(args)
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(
        err.contains("is being changed by other-host/7/lease"),
        "{err}"
    );
    err
}

/// A bucket with a foreign policy and a history entry (from `bucket delegate`), an access point
/// with a grant and a history entry (from `accesspoint grant`).
struct Lake {
    bucket: String,
    ap: String,
}

fn lake(env: &TestEnv, what: &str) -> Lake {
    let bucket = env.bucket(what);
    env.put_policy(
        &bucket,
        &json!({"Version": "2012-10-17", "Statement": [{"Sid": "Theirs", "Effect": "Allow",
            "Principal": {"AWS": EC2_ROLE}, "Action": "s3:GetObject",
            "Resource": format!("arn:aws:s3:::{bucket}/x/*")}]}),
    );
    let ap = env.create_ap(&format!("{what}-ap"), &bucket, "shared/", EC2_ROLE, "read");
    Lake { bucket, ap }
}

fn grant(ap: &str) -> Vec<String> {
    [
        "accesspoint",
        "grant",
        ap,
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

fn revoke(ap: &str) -> Vec<String> {
    [
        "accesspoint",
        "revoke",
        ap,
        "--principal",
        EC2_ROLE,
        "--yes",
    ]
    .map(String::from)
    .to_vec()
}

fn create(ap: &str, bucket: &str) -> Vec<String> {
    [
        "accesspoint",
        "create",
        ap,
        "--bucket",
        bucket,
        "--prefix",
        "p/",
        "--principal",
        EC2_ROLE,
        "--access",
        "read",
    ]
    .map(String::from)
    .to_vec()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn every_policy_verb_dry_runs_as_one_plan_document_and_changes_nothing() {
    let env = TestEnv::new();
    let l = lake(&env, "pl-dry");
    env.lg(["bucket", "delegate", &l.bucket]).success();
    env.lg(grant(&l.ap)).success();
    let (bp, app) = (env.policy_text(&l.bucket), env.ap_policy(&l.ap));
    let files = env.history_files().len();
    let new_ap = env.name("new");
    let verbs: Vec<Vec<String>> = vec![
        vec!["bucket".into(), "delegate".into(), l.bucket.clone()],
        ["bucket", "policy", "rollback", &l.bucket]
            .map(String::from)
            .to_vec(),
        create(&new_ap, &l.bucket),
        ["accesspoint", "delete", &l.ap].map(String::from).to_vec(),
        grant(&l.ap),
        revoke(&l.ap),
        ["accesspoint", "rollback", &l.ap]
            .map(String::from)
            .to_vec(),
    ];
    for args in &verbs {
        let mut a = vec!["--dry-run", "-o", "json"];
        a.extend(strs(args));
        let out = stdout(&env.lg(&a).success());
        let plan = one_plan(&out);
        // Verbs with something to do plan it.
        if !matches!(args[1].as_str(), "delegate" | "grant") {
            assert!(
                !plan["changes"].as_array().unwrap().is_empty(),
                "{args:?}: {plan:#}"
            );
        }
    }
    assert_eq!(env.policy_text(&l.bucket), bp);
    assert_eq!(env.ap_policy(&l.ap), app);
    assert!(!env.ap_exists(&new_ap));
    assert_eq!(env.history_files().len(), files);
}

#[test]
fn every_policy_verb_waits_for_another_holder_and_fails_naming_it() {
    let env = TestEnv::new();
    let l = lake(&env, "pl-lease");
    env.lg(["bucket", "delegate", &l.bucket]).success();
    env.lg(grant(&l.ap)).success();
    // Something for the rollbacks to restore.
    let (bp, app) = (env.policy_text(&l.bucket), env.ap_policy(&l.ap));
    let files = env.history_files().len();
    put_lease(
        &env,
        &l.bucket,
        &format!("arn:aws:s3:::{}", l.bucket),
        "other-host/7/lease",
    );
    put_lease(&env, &l.bucket, &ap_arn(&l.ap), "other-host/7/lease");
    let new_ap = env.name("new");
    put_lease(&env, &l.bucket, &ap_arn(&new_ap), "other-host/7/lease");
    let verbs: Vec<Vec<String>> = vec![
        ["bucket", "policy", "rollback", &l.bucket, "--yes"]
            .map(String::from)
            .to_vec(),
        create(&new_ap, &l.bucket),
        ["accesspoint", "delete", &l.ap, "--yes"]
            .map(String::from)
            .to_vec(),
        revoke(&l.ap),
        ["accesspoint", "rollback", &l.ap, "--yes"]
            .map(String::from)
            .to_vec(),
    ];
    for args in &verbs {
        blocked(&env, &strs(args));
    }
    assert_eq!(env.policy_text(&l.bucket), bp);
    assert_eq!(env.ap_policy(&l.ap), app);
    assert!(!env.ap_exists(&new_ap));
    assert_eq!(env.history_files().len(), files);

    // bucket delegate and accesspoint grant, with something to change.
    let b2 = env.bucket("pl-lease2");
    put_lease(
        &env,
        &b2,
        &format!("arn:aws:s3:::{b2}"),
        "other-host/7/lease",
    );
    blocked(&env, &["bucket", "delegate", &b2]);
    assert_eq!(env.policy_text(&b2), None);
    let l2 = lake(&env, "pl-lease3");
    put_lease(&env, &l2.bucket, &ap_arn(&l2.ap), "other-host/7/lease");
    let before = env.ap_policy(&l2.ap);
    blocked(&env, &strs(&grant(&l2.ap)));
    assert_eq!(env.ap_policy(&l2.ap), before);
}

#[test]
fn destructive_plans_need_yes_off_a_terminal() {
    let env = TestEnv::new();
    let l = lake(&env, "pl-yes");
    env.lg(["bucket", "delegate", &l.bucket]).success();
    env.lg(grant(&l.ap)).success();
    let (bp, app) = (env.policy_text(&l.bucket), env.ap_policy(&l.ap));
    for args in [
        vec!["bucket", "policy", "rollback", &l.bucket],
        vec!["accesspoint", "delete", &l.ap],
        vec!["accesspoint", "rollback", &l.ap],
    ] {
        let a = assert_usage_error(env.lg(&args), "pass --yes");
        // The question names what would be changed.
        assert!(stderr(&a).contains("refusing to"), "{}", stderr(&a));
    }
    assert_eq!(env.policy_text(&l.bucket), bp);
    assert_eq!(env.ap_policy(&l.ap), app);
    assert!(env.ap_exists(&l.ap));
}

#[test]
fn every_overwrite_leaves_history_that_rollback_restores() {
    let env = TestEnv::new();
    let l = lake(&env, "pl-hist");
    let original_bp = env.policy(&l.bucket);
    let original_ap = env.ap_policy(&l.ap);
    // Each overwrite, then rollback to the state before it.
    env.lg(["bucket", "delegate", &l.bucket]).success();
    assert_ne!(env.policy(&l.bucket), original_bp);
    env.lg(["bucket", "policy", "rollback", &l.bucket, "--yes"])
        .success();
    assert_eq!(env.policy(&l.bucket), original_bp);

    for verb in [grant(&l.ap), revoke(&l.ap)] {
        let before = env.ap_policy(&l.ap);
        env.lg(&verb).success();
        assert_ne!(env.ap_policy(&l.ap), before, "{verb:?}");
        env.lg(["accesspoint", "rollback", &l.ap, "--yes"])
            .success();
        assert_eq!(env.ap_policy(&l.ap), before, "{verb:?}");
    }
    assert_eq!(env.ap_policy(&l.ap), original_ap);

    // delete keeps the policy; a recreated access point gets it back.
    env.lg(["accesspoint", "delete", &l.ap, "--yes"]).success();
    env.lg(create(&l.ap, &l.bucket)).success();
    env.lg(["accesspoint", "rollback", &l.ap, "--yes", "--to", "1"])
        .code(0);
    let v = env.json(["accesspoint", "history", &l.ap, "-o", "json"]);
    let deleted = v
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reason"] == "accesspoint delete")
        .expect("delete kept the policy")
        .clone();
    let to = deleted["version"].to_string();
    env.lg(["accesspoint", "rollback", &l.ap, "--yes", "--to", &to])
        .success();
    assert_eq!(env.ap_policy(&l.ap), Some(deleted["policy"].clone()));
}
