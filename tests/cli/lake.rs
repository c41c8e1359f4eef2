//! The declared lake on moto: `diff -f`, `apply -f [--prune]`, `export`, `schema`.

use crate::harness::{
    assert_usage_error, principals, statements, stderr, stdout, TestEnv, ACCOUNT, ANALYST_ROLE,
    EC2_ROLE, LAMBDA_ROLE,
};
use serde_json::{json, Value};
use std::path::PathBuf;

/// A statement lakegate did not write, as a console user would have added it.
const FOREIGN: &str = r#"{"Sid":"TheirAuditRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/AuditRole"},"Action":["s3:GetObject"],"Resource":"arn:aws:s3:::BUCKET/audit/*"}"#;

fn foreign(bucket: &str) -> String {
    FOREIGN.replace("BUCKET", bucket)
}

/// A lake file over every feature: groups (defined in a later document), delegation, a direct
/// bucket grant, access points with a VPC origin and block public access settings, grants by
/// ARN, account id and group.
fn lake_file(bucket: &str, ap1: &str, ap2: &str) -> String {
    format!(
        "# reviewed in git; lakegate never rewrites this file
apiVersion: lakegate/v1
kind: Lake
buckets:
  - name: {bucket}
    delegate: true
    grants:
      - principals: [analysts]
        prefix: reports/
        access: read
    accessPoints:
      - name: {ap1}
        vpcId: vpc-0abc123
        blockPublicAccess: all
        grants:
          - principals: [{EC2_ROLE}]
            prefix: sales_event/
            access: read-write
          - principals: [analysts, '{ACCOUNT}']
            prefix: sales_event/summary/
            access: read
      - name: {ap2}
        blockPublicAccess: block-public-policy,restrict-public-buckets
        grants:
          - principals: [{LAMBDA_ROLE}]
            prefix: inventory_event/
            access: write
---
apiVersion: lakegate/v1
kind: Lake
groups:
  analysts:
    - {ANALYST_ROLE}
"
    )
}

fn write(env: &TestEnv, name: &str, text: &str) -> PathBuf {
    let p = env.temp().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn diff(env: &TestEnv, file: &std::path::Path) -> assert_cmd::assert::Assert {
    env.lg(["diff", "-f", file.to_str().unwrap()])
}

fn sids(doc: &Value) -> Vec<String> {
    statements(doc)
        .iter()
        .map(|s| s["Sid"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn export_apply_edit_diff_apply_round_trip() {
    let env = TestEnv::new();
    let b = env.bucket("lake");
    let (ap1, ap2) = (env.name("sales"), env.name("inventory"));
    env.put_policy_text(
        &b,
        &format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            foreign(&b)
        ),
    );
    let file = write(&env, "lake.yaml", &lake_file(&b, &ap1, &ap2));

    // The first diff shows everything to create, and exits 4 (the lake differs; 1 is a failure).
    let a = diff(&env, &file).code(4);
    let out = stdout(&a);
    assert!(
        out.contains(&format!(
            "create access point arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{ap1}"
        )),
        "{out}"
    );
    assert!(
        out.contains("unmanaged (kept exactly): TheirAuditRead"),
        "{out}"
    );
    assert!(out.contains("of 20480 bytes"), "{out}");

    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    assert!(env.ap_exists(&ap1) && env.ap_exists(&ap2));
    let bp = env.policy(&b).unwrap();
    assert!(
        env.policy_text(&b).unwrap().contains(&foreign(&b)),
        "the foreign statement survives byte for byte: {bp:#}"
    );
    assert!(sids(&bp).contains(&"LakegateDelegateToAccessPoints".to_string()));
    let p1 = env.ap_policy(&ap1).unwrap();
    assert_eq!(statements(&p1).len(), 5, "{p1:#}");
    let summary = statements(&p1)
        .into_iter()
        .find(|s| {
            s["Sid"].as_str().unwrap().starts_with("LakegateRead")
                && s["Resource"].as_str().unwrap().ends_with("summary/*")
        })
        .unwrap();
    assert_eq!(
        principals(&summary),
        [
            ANALYST_ROLE.to_string(),
            format!("arn:aws:iam::{ACCOUNT}:root")
        ]
    );
    diff(&env, &file).success();

    // An export applies as no change, and diffs clean.
    let a = env.lg(["export", "--bucket", &b]).success();
    let exported = write(&env, "exported.yaml", &stdout(&a));
    assert!(stdout(&a).contains("vpcId: vpc-0abc123"), "{}", stdout(&a));
    diff(&env, &exported).success();
    let a = env
        .lg(["apply", "-f", exported.to_str().unwrap()])
        .success();
    assert!(stdout(&a).contains("Applied 0 change(s)"), "{}", stdout(&a));
    let out = env.json(["apply", "-f", exported.to_str().unwrap(), "-o", "json"]);
    assert_eq!(out["changes"], json!([]));
    assert_eq!(out["applied"], json!([]));

    // Edit: a new grant. diff exits 4 with exactly that change; apply; diff exits 0.
    let edited = lake_file(&b, &ap1, &ap2).replace(
        "            access: write\n",
        "            access: write\n          - principals: [analysts]\n            prefix: inventory_event/daily/\n            access: read\n",
    );
    let file2 = write(&env, "lake.yaml", &edited);
    let a = diff(&env, &file2).code(4);
    let out = stdout(&a);
    assert_eq!(out.matches("update ").count(), 1, "{out}");
    assert!(
        out.contains(&format!(
            "update access point policy arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{ap2}"
        )),
        "{out}"
    );
    assert!(
        out.contains("+      \"Resource\": \"arn:aws:s3:us-east-1:123456789012:accesspoint/")
            || out.contains("inventory_event/daily/*"),
        "{out}"
    );
    let plan = env
        .lg(["diff", "-f", file2.to_str().unwrap(), "-o", "json"])
        .code(4);
    let plan: Value = serde_json::from_str(&stdout(&plan)).unwrap();
    assert_eq!(plan["changes"].as_array().unwrap().len(), 1, "{plan:#}");
    assert_eq!(plan["differs"], json!(true));
    // apply --dry-run is diff.
    let dry = env
        .lg(["apply", "-f", file2.to_str().unwrap(), "--dry-run"])
        .code(4);
    assert_eq!(stdout(&dry), out);
    env.lg(["apply", "-f", file2.to_str().unwrap()]).success();
    // No change is said once (issue 25, item 8), by diff and by apply --dry-run alike.
    let same = stdout(&diff(&env, &file2).success());
    assert!(!same.contains("No changes"), "{same}");
    assert_eq!(same.matches("No differences").count(), 1, "{same}");
    let dry = env
        .lg(["apply", "-f", file2.to_str().unwrap(), "--dry-run"])
        .success();
    assert_eq!(stdout(&dry), same);
    assert!(env.policy_text(&b).unwrap().contains(&foreign(&b)));
}

#[test]
fn a_hand_edit_shows_as_drift() {
    let env = TestEnv::new();
    let b = env.bucket("drift");
    let (ap1, ap2) = (env.name("sales"), env.name("inventory"));
    let file = write(&env, "lake.yaml", &lake_file(&b, &ap1, &ap2));
    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    diff(&env, &file).success();

    // As `aws s3control put-access-point-policy` would: one principal removed by hand.
    let mut p = env.ap_policy(&ap1).unwrap();
    for st in p["Statement"].as_array_mut().unwrap() {
        if st["Principal"]["AWS"].is_array() {
            st["Principal"]["AWS"] = json!(ANALYST_ROLE);
        }
    }
    env.put_ap_policy(&ap1, &p);
    let a = diff(&env, &file).code(4);
    let out = stdout(&a);
    assert!(
        out.contains(&format!(
            "update access point policy arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{ap1}"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("arn:aws:iam::{ACCOUNT}:root")),
        "{out}"
    );
    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    diff(&env, &file).success();
}

#[test]
fn prune_removes_exactly_the_undeclared_lakegate_statements() {
    let env = TestEnv::new();
    let b = env.bucket("prune");
    let (ap1, ap2) = (env.name("sales"), env.name("inventory"));
    env.put_policy_text(
        &b,
        &format!(
            r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
            foreign(&b)
        ),
    );
    let file = write(&env, "lake.yaml", &lake_file(&b, &ap1, &ap2));
    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    // A foreign statement in the first access point's policy too.
    let mut p1 = env.ap_policy(&ap1).unwrap();
    let their_ap = json!({"Sid":"TheirDeny","Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:DeleteObject","Resource":format!("arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{ap1}/object/*")});
    p1["Statement"]
        .as_array_mut()
        .unwrap()
        .push(their_ap.clone());
    env.put_ap_policy(&ap1, &p1);
    let before_bp = env.policy(&b).unwrap();

    // The file without the bucket grant, without the summary grant and without ap2.
    let smaller = lake_file(&b, &ap1, &ap2);
    let smaller = smaller
        .replace("    grants:\n      - principals: [analysts]\n        prefix: reports/\n        access: read\n", "")
        .replace("          - principals: [analysts, '123456789012']\n            prefix: sales_event/summary/\n            access: read\n", "");
    let cut = smaller.find(&format!("      - name: {ap2}")).unwrap();
    let end = smaller.find("---").unwrap();
    let smaller = format!("{}{}", &smaller[..cut], &smaller[end..]);
    let file2 = write(&env, "smaller.yaml", &smaller);

    // Without --prune nothing is removed: no difference, the undeclared ones are named.
    let a = diff(&env, &file2).success();
    let out = stdout(&a);
    assert!(
        out.contains("not declared (kept; --prune removes)"),
        "{out}"
    );
    assert!(
        out.contains(&format!("access point {ap2} is not in the file")),
        "{out}"
    );
    env.lg(["apply", "-f", file2.to_str().unwrap()]).success();
    assert_eq!(env.policy(&b).unwrap(), before_bp);

    // With --prune: exactly the undeclared lake statements, and ap2 (it held nothing else).
    env.lg(["diff", "-f", file2.to_str().unwrap(), "--prune"])
        .code(4);
    let a = env
        .lg(["apply", "-f", file2.to_str().unwrap(), "--prune"])
        .code(2);
    assert!(stderr(&a).contains("--yes"), "{}", stderr(&a));
    env.lg(["apply", "-f", file2.to_str().unwrap(), "--prune", "--yes"])
        .success();
    assert!(!env.ap_exists(&ap2));
    let bp = env.policy(&b).unwrap();
    assert_eq!(
        sids(&bp),
        ["TheirAuditRead", "LakegateDelegateToAccessPoints"],
        "{bp:#}"
    );
    assert!(env.policy_text(&b).unwrap().contains(&foreign(&b)));
    let p1 = env.ap_policy(&ap1).unwrap();
    let left = sids(&p1);
    assert_eq!(left.len(), 4, "{p1:#}");
    assert!(statements(&p1).contains(&their_ap), "{p1:#}");
    assert!(left.iter().all(|s| s == "TheirDeny" || !s.is_empty()));
    env.lg(["diff", "-f", file2.to_str().unwrap(), "--prune"])
        .success();
}

#[test]
fn a_bad_file_is_one_line_with_file_line_and_field() {
    let env = TestEnv::offline();
    let text = lake_file("store-events", "ec2-consumer", "Bad_Name");
    write(&env, "lake.yaml", &text);
    let a = env
        .cmd()
        .current_dir(env.temp())
        .args(["diff", "-f", "lake.yaml"])
        .assert();
    assert_usage_error(
        a,
        "error: lake.yaml:22: buckets[0].accessPoints[1].name: 'Bad_Name'",
    );
    let text = lake_file("store-events", "ec2-consumer", "inv").replace("[analysts]", "[analyst]");
    write(&env, "lake.yaml", &text);
    let a = env
        .cmd()
        .current_dir(env.temp())
        .args(["apply", "-f", "lake.yaml", "--yes"])
        .assert();
    assert_usage_error(
        a,
        "lake.yaml:8: buckets[0].grants[0].principals[0]: 'analyst'",
    );
}

#[test]
fn schema_is_json_and_committed() {
    let env = TestEnv::offline();
    let a = env.lg(["schema"]).success();
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["properties"]["apiVersion"]["const"], json!("lakegate/v1"));
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/lake.schema.json"
    ))
    .unwrap();
    assert_eq!(stdout(&a), committed);
}
