//! `accesspoint grant|revoke`: add and remove principals and prefixes, idempotently, with
//! --dry-run changing nothing and statements lakegate did not write left alone.

use crate::harness::{principals, statements, stdout, TestEnv, ANALYST_ROLE, EC2_ROLE};
use predicates::str::contains;
use serde_json::{json, Value};

fn grants(env: &TestEnv, name: &str) -> Vec<(String, String, String)> {
    let v = env.json(["accesspoint", "get", name, "-o", "json"]);
    v["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["principal"].as_str().unwrap().to_string(),
                g["prefix"].as_str().unwrap().to_string(),
                g["access"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn g(p: &str, prefix: &str, access: &str) -> (String, String, String) {
    (p.into(), prefix.into(), access.into())
}

#[test]
fn grant_adds_a_second_principal_idempotently() {
    let env = TestEnv::new();
    let b = env.bucket("grant");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read");

    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        ANALYST_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ])
    .success()
    .stdout(contains(format!(
        "granted read sales_event/ to {ANALYST_ROLE} through {name}"
    )));
    assert_eq!(
        grants(&env, &name),
        [
            g(ANALYST_ROLE, "sales_event/", "read+list"),
            g(EC2_ROLE, "sales_event/", "read+list"),
        ]
    );
    // One statement per part, naming both principals (sorted, so re-runs compare equal).
    let p = env.ap_policy(&name).unwrap();
    assert_eq!(statements(&p).len(), 2);
    for st in statements(&p) {
        assert_eq!(principals(&st), [ANALYST_ROLE, EC2_ROLE]);
    }

    let history = env.history_files();
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        ANALYST_ROLE,
        "--prefix",
        "sales_event",
        "--access",
        "read",
    ])
    .success()
    .stdout(contains(format!(
        "{ANALYST_ROLE} already has read sales_event/ through {name}; nothing changed"
    )));
    assert_eq!(env.ap_policy(&name).unwrap(), p);
    assert_eq!(env.history_files(), history);
}

#[test]
fn grant_another_prefix_and_an_account_id() {
    let env = TestEnv::new();
    let b = env.bucket("grant");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read-write");
    let v = env.json([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        "111122223333",
        "--prefix",
        "inventory_event/",
        "--access",
        "write",
        "-o",
        "json",
    ]);
    assert_eq!(v["changed"], json!(true));
    assert_eq!(v["target"], json!("access-point-policy"));
    assert!(v["history_version"].is_u64(), "{v:#}");
    assert_eq!(Some(&v["policy"]), env.ap_policy(&name).as_ref());
    assert_eq!(
        grants(&env, &name),
        [
            g(
                "arn:aws:iam::111122223333:root",
                "inventory_event/",
                "write"
            ),
            g(EC2_ROLE, "sales_event/", "read+write+list"),
        ]
    );
}

#[test]
fn grant_and_revoke_dry_run_change_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("dry");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read-write");
    let before = env.ap_policy(&name);
    let history = env.history_files();

    let out = stdout(
        &env.lg([
            "accesspoint",
            "grant",
            &name,
            "--principal",
            ANALYST_ROLE,
            "--prefix",
            "sales_event/",
            "--access",
            "read",
            "--dry-run",
        ])
        .success(),
    );
    assert!(out.contains("update access point policy"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with('+') && l.contains("AnalystRole")),
        "{out}"
    );
    assert_eq!(env.ap_policy(&name), before);

    let out = stdout(
        &env.lg([
            "accesspoint",
            "revoke",
            &name,
            "--principal",
            EC2_ROLE,
            "--dry-run",
        ])
        .success(),
    );
    assert!(out.contains("delete access point policy"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with('-') && l.contains("Ec2ConsumerRole")),
        "{out}"
    );
    assert_eq!(env.ap_policy(&name), before);
    assert_eq!(env.history_files(), history);
}

#[test]
fn revoke_removes_one_principal_and_keeps_the_others() {
    let env = TestEnv::new();
    let b = env.bucket("revoke");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read-write");
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        ANALYST_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read-write",
    ])
    .success();
    env.lg([
        "accesspoint",
        "revoke",
        &name,
        "--principal",
        ANALYST_ROLE,
        "--yes",
    ])
    .success()
    .stdout(contains(format!("revoked {ANALYST_ROLE} from {name}")));
    assert_eq!(
        grants(&env, &name),
        [g(EC2_ROLE, "sales_event/", "read+write+list")]
    );
    // Revoking again changes nothing.
    let p = env.ap_policy(&name);
    env.lg(["accesspoint", "revoke", &name, "--principal", ANALYST_ROLE])
        .success()
        .stdout(contains("has no lakegate grant"))
        .stdout(contains("nothing changed"));
    assert_eq!(env.ap_policy(&name), p);
}

#[test]
fn revoke_prefix_and_access_are_scoped() {
    let env = TestEnv::new();
    let b = env.bucket("scoped");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read-write");
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "returns_event/",
        "--access",
        "read-write",
    ])
    .success();

    // Only the write part of one prefix.
    env.lg([
        "accesspoint",
        "revoke",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "returns_event",
        "--access",
        "write",
        "--yes",
    ])
    .success()
    .stdout(contains(format!(
        "revoked {EC2_ROLE} on returns_event/ from {name}"
    )));
    assert_eq!(
        grants(&env, &name),
        [
            g(EC2_ROLE, "returns_event/", "read+list"),
            g(EC2_ROLE, "sales_event/", "read+write+list"),
        ]
    );

    // The whole grant on one prefix; the other prefix stays.
    env.lg([
        "accesspoint",
        "revoke",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "returns_event/",
        "--yes",
    ])
    .success();
    assert_eq!(
        grants(&env, &name),
        [g(EC2_ROLE, "sales_event/", "read+write+list")]
    );

    // A prefix that has no grant: nothing changes.
    let p = env.ap_policy(&name);
    env.lg([
        "accesspoint",
        "revoke",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "other/",
    ])
    .success()
    .stdout(contains("nothing changed"));
    assert_eq!(env.ap_policy(&name), p);
}

#[test]
fn revoking_everything_deletes_the_policy() {
    let env = TestEnv::new();
    let b = env.bucket("all");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read-write");
    let v = env.json([
        "accesspoint",
        "revoke",
        &name,
        "--principal",
        EC2_ROLE,
        "--yes",
        "-o",
        "json",
    ]);
    assert_eq!(v["changed"], json!(true));
    assert_eq!(v["policy"], Value::Null);

    assert_eq!(env.ap_policy(&name), None, "the policy is deleted in AWS");
    assert!(env.ap_exists(&name), "the access point itself stays");
    let v = env.json(["accesspoint", "get", &name, "-o", "json"]);
    assert_eq!(v["policy"], Value::Null);
    assert_eq!(v["grants"], json!([]));
    env.lg(["accesspoint", "get", &name])
        .success()
        .stdout(contains("Grants: none"))
        .stdout(contains("Policy: none"));
    let v = env.json(["accesspoint", "list", "--bucket", &b, "-o", "json"]);
    assert_eq!(v[0]["has_policy"], json!(false));

    // Granting again on a policy-less access point recreates it.
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ])
    .success();
    assert!(env.ap_policy(&name).is_some());
}

#[test]
fn grant_and_revoke_on_a_missing_access_point_fail() {
    let env = TestEnv::new();
    let name = env.name("missing");
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "a/",
        "--access",
        "read",
    ])
    .code(1)
    .stderr(contains(format!("access point '{name}' does not exist")));
    env.lg(["accesspoint", "revoke", &name, "--principal", EC2_ROLE])
        .code(1)
        .stderr(contains(format!("access point '{name}' does not exist")));
    assert!(env.history_files().is_empty());
}

#[test]
fn grant_and_revoke_keep_statements_lakegate_did_not_write() {
    let env = TestEnv::new();
    let b = env.bucket("foreign");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read");
    let arn = format!(
        "arn:aws:s3:us-east-1:{}:accesspoint/{name}",
        crate::harness::ACCOUNT
    );
    let theirs = json!({
        "Sid": "HandWrittenAudit",
        "Effect": "Allow",
        "Principal": {"AWS": [EC2_ROLE, "arn:aws:iam::444455556666:role/Auditor"]},
        "Action": "s3:GetObjectTagging",
        "Resource": format!("{arn}/object/audit/*")
    });
    let mut doc = env.ap_policy(&name).unwrap();
    doc["Statement"]
        .as_array_mut()
        .unwrap()
        .insert(0, theirs.clone());
    env.put_ap_policy(&name, &doc);
    assert_eq!(env.ap_policy(&name).as_ref(), Some(&doc));

    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        ANALYST_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "write",
    ])
    .success();
    let p = env.ap_policy(&name).unwrap();
    assert_eq!(statements(&p)[0], theirs);

    // Revoking EC2 removes lakegate's grants only, and says where EC2 is still named.
    let a = env
        .lg([
            "accesspoint",
            "revoke",
            &name,
            "--principal",
            EC2_ROLE,
            "--yes",
        ])
        .success();
    assert!(
        crate::harness::stderr(&a)
            .contains("is still named in statement HandWrittenAudit, which lakegate did not write"),
        "{}",
        crate::harness::stderr(&a)
    );
    let p = env.ap_policy(&name).unwrap();
    let sts = statements(&p);
    assert_eq!(sts[0], theirs);
    assert!(
        sts[1..]
            .iter()
            .all(|st| !principals(st).contains(&EC2_ROLE.to_string())),
        "{p:#}"
    );
    assert_eq!(
        grants(&env, &name)
            .into_iter()
            .filter(|(_, prefix, _)| prefix == "sales_event/")
            .collect::<Vec<_>>(),
        [g(ANALYST_ROLE, "sales_event/", "write")]
    );
}

/// DESIGN.md: "Policy read-modify-write is guarded against concurrent writers (two subscription
/// events at once must both end up granted)". Twelve grants started at once on one access point
/// all succeed and all end up in the policy: the S3 lease serialises them.
#[test]
fn concurrent_grants_all_end_up_granted() {
    let env = TestEnv::new();
    let b = env.bucket("concurrent");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read");
    let roles: Vec<String> = (1..=12)
        .map(|i| format!("arn:aws:iam::123456789012:role/Concurrent{i}"))
        .collect();
    let results: Vec<(String, i32)> = std::thread::scope(|s| {
        let handles: Vec<_> = roles
            .iter()
            .map(|r| {
                let (env, name) = (&env, &name);
                s.spawn(move || {
                    let a = env.lg([
                        "accesspoint",
                        "grant",
                        name,
                        "--principal",
                        r,
                        "--prefix",
                        "shared/",
                        "--access",
                        "read",
                    ]);
                    (r.clone(), a.get_output().status.code().unwrap_or(-1))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let granted: Vec<String> = grants(&env, &name).into_iter().map(|g| g.0).collect();
    for (role, code) in &results {
        if *code == 0 {
            assert!(
                granted.contains(role),
                "{role} was reported granted but is not in the policy: {granted:?}"
            );
        }
    }
    assert!(
        results.iter().all(|(_, c)| *c == 0),
        "every concurrent grant should succeed: {results:?}"
    );
    assert_eq!(granted.len(), roles.len() + 1, "{granted:?}");
}

/// One `--access` meaning (issue 10.4): `read-write` never deletes; `read-write-delete` adds
/// one `LakegateDelete<hash>` statement (s3:DeleteObject), which a bare revoke removes too.
#[test]
fn read_write_delete_adds_a_delete_statement_and_revoke_takes_it_all() {
    let env = TestEnv::new();
    let b = env.bucket("rwd");
    let name = env.create_ap("ap", &b, "sales_event/", EC2_ROLE, "read-write");
    let text = env.ap_policy(&name).unwrap().to_string();
    assert!(!text.contains("s3:DeleteObject"), "{text}");
    env.lg([
        "accesspoint",
        "grant",
        &name,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read-write-delete",
    ])
    .success();
    let doc = env.ap_policy(&name).unwrap();
    let sts = statements(&doc);
    let del: Vec<&Value> = sts
        .iter()
        .filter(|s| {
            s["Sid"]
                .as_str()
                .unwrap_or("")
                .starts_with("LakegateDelete")
        })
        .collect();
    assert_eq!(del.len(), 1, "{doc}");
    assert_eq!(del[0]["Action"], json!("s3:DeleteObject"));
    assert_eq!(principals(del[0]), [EC2_ROLE]);
    env.lg([
        "accesspoint",
        "revoke",
        &name,
        "--principal",
        EC2_ROLE,
        "--yes",
    ])
    .success();
    let left = env
        .ap_policy(&name)
        .map(|d| d.to_string())
        .unwrap_or_default();
    assert!(!left.contains("Lakegate"), "{left}");
}
