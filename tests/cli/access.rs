//! `access check` and `access matrix` online: policies fetched from moto (S3, S3 Control, IAM).

use crate::endpoint::iam;
use crate::harness::{stdout, TestEnv};
use serde_json::{json, Value};

fn check(env: &TestEnv, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["access", "check", "-o", "json"];
    all.extend_from_slice(args);
    let a = env.lg(all);
    let code = a.get_output().status.code().unwrap_or(-1);
    let v: Value = serde_json::from_str(&stdout(&a)).expect("access check prints JSON");
    (code, v)
}

#[test]
fn check_online_follows_the_seed_scenario_and_identity_policies() {
    let env = TestEnv::new();
    let b = env.bucket("access");
    let role_name = env.name("reader");
    let role = format!("arn:aws:iam::123456789012:role/{role_name}");
    env.lg(["bucket", "delegate", &b]).success();
    let ap = env.create_ap("sales", &b, "sales_event/", &role, "read-write");

    // Through the access point, under its prefix: allowed by both policies.
    let (code, v) = check(
        &env,
        &[
            "--principal",
            &role,
            "--action",
            "s3:PutObject",
            "--bucket",
            &b,
            "--key",
            "sales_event/kon.json",
            "--access-point",
            &ap,
        ],
    );
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["decision"], "allowed");
    let policies: Vec<&str> = v["deciding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["policy"].as_str().unwrap())
        .collect();
    assert!(
        policies.iter().any(|p| p.starts_with("access-point")),
        "{v}"
    );
    assert!(policies.contains(&"bucket"), "{v}");

    // Outside the prefix, and directly on the bucket: denied, exit 3.
    let (code, v) = check(
        &env,
        &[
            "--principal",
            &role,
            "--action",
            "s3:PutObject",
            "--bucket",
            &b,
            "--key",
            "kon.json",
            "--access-point",
            &ap,
        ],
    );
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("implicitly-denied"))
    );
    let direct = [
        "--principal",
        &role,
        "--action",
        "s3:GetObject",
        "--bucket",
        &b,
        "--key",
        "direct/x.json",
    ];
    let (code, _) = check(&env, &direct);
    assert_eq!(code, 3);

    // An identity policy of the same account allows the direct read: fetched from IAM.
    iam(
        &env,
        &[
            ("Action", "CreateRole"),
            ("RoleName", &role_name),
            (
                "AssumeRolePolicyDocument",
                &json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
                .to_string(),
            ),
        ],
    );
    iam(
        &env,
        &[
            ("Action", "PutRolePolicy"),
            ("RoleName", &role_name),
            ("PolicyName", "direct-read"),
            (
                "PolicyDocument",
                &json!({"Version": "2012-10-17", "Statement": [{"Sid": "DirectRead",
                    "Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": format!("arn:aws:s3:::{b}/direct/*")}]})
                .to_string(),
            ),
        ],
    );
    let (code, v) = check(&env, &direct);
    assert_eq!(code, 0, "{v}");
    assert!(v.to_string().contains("DirectRead"), "{v}");

    // The matrix names the grant lakegate wrote.
    let m = env.json(["access", "matrix", "--bucket", &b, "-o", "json"]);
    let row = m
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r.to_string().contains(&ap)
                && r.to_string().contains("sales_event/")
                && r.to_string().contains(&role)
        })
        .unwrap_or_else(|| panic!("no matrix row for {ap}: {m}"));
    assert!(row.to_string().contains("allow"), "{row}");
}
