//! The seed scenario (source `000_*`): a bucket of store events delegated to access points, one
//! access point per consuming application — `sales_event/` read-write for the EC2 role,
//! `inventory_event/` write for the Lambda role — and how lakegate shows it in every format.

use crate::harness::{
    principals, statements, stdout, strings, TestEnv, ACCOUNT, EC2_ROLE, LAMBDA_ROLE,
};
use insta::assert_snapshot;
use predicates::str::contains;
use serde_json::json;

struct Seed {
    bucket: String,
    ec2: String,
    lambda: String,
}

fn seed(env: &TestEnv) -> Seed {
    let bucket = env.bucket("store-events");
    env.lg(["bucket", "delegate", &bucket])
        .success()
        .stdout(contains("now delegates access control"));
    let ec2 = env.create_ap(
        "ec2-consumer",
        &bucket,
        "sales_event/",
        EC2_ROLE,
        "read-write",
    );
    let lambda = env.create_ap(
        "lambda-producer",
        &bucket,
        "inventory_event/",
        LAMBDA_ROLE,
        "write",
    );
    Seed {
        bucket,
        ec2,
        lambda,
    }
}

#[test]
fn seed_scenario_leaves_the_documented_state_in_aws() {
    let env = TestEnv::new();
    let s = seed(&env);

    // The bucket policy delegates to the account's access points, and only that.
    let bp = env.policy(&s.bucket).expect("a bucket policy");
    assert_eq!(
        bp,
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "LakegateDelegateToAccessPoints",
                "Effect": "Allow",
                "Principal": {"AWS": "*"},
                "Action": "*",
                "Resource": [
                    format!("arn:aws:s3:::{}", s.bucket),
                    format!("arn:aws:s3:::{}/*", s.bucket)
                ],
                "Condition": {"StringEquals": {"s3:DataAccessPointAccount": ACCOUNT}}
            }]
        })
    );

    // EC2: read + write + list on sales_event/ only.
    let ec2_arn = format!("arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{}", s.ec2);
    let p = env.ap_policy(&s.ec2).expect("ec2 access point policy");
    let sts = statements(&p);
    assert_eq!(sts.len(), 3, "{p:#}");
    let mut actions: Vec<String> = sts
        .iter()
        .flat_map(|st| strings(st.get("Action")))
        .collect();
    actions.sort();
    assert_eq!(
        actions,
        [
            "s3:AbortMultipartUpload",
            "s3:GetObject",
            "s3:GetObjectVersion",
            "s3:ListBucket",
            "s3:PutObject"
        ]
    );
    for st in &sts {
        assert_eq!(principals(st), [EC2_ROLE]);
        let res = strings(st.get("Resource"));
        if strings(st.get("Action")) == ["s3:ListBucket"] {
            assert_eq!(res, [ec2_arn.as_str()]);
            assert_eq!(
                st.pointer("/Condition/StringLike/s3:prefix"),
                Some(&json!("sales_event/*"))
            );
        } else {
            assert_eq!(res, [format!("{ec2_arn}/object/sales_event/*")]);
        }
    }

    // Lambda: write only, on inventory_event/ only, no ListBucket.
    let p = env
        .ap_policy(&s.lambda)
        .expect("lambda access point policy");
    let sts = statements(&p);
    assert_eq!(sts.len(), 1, "{p:#}");
    assert_eq!(
        strings(sts[0].get("Action")),
        ["s3:PutObject", "s3:AbortMultipartUpload"]
    );
    assert_eq!(principals(&sts[0]), [LAMBDA_ROLE]);
    assert_eq!(
        strings(sts[0].get("Resource")),
        [format!(
            "arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{}/object/inventory_event/*",
            s.lambda
        )]
    );
}

#[test]
fn accesspoint_list_table() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["accesspoint", "list", "--bucket", &s.bucket])
            .success(),
    );
    env.insta().bind(|| assert_snapshot!("list_table", out));
}

#[test]
fn accesspoint_list_no_headers() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["ap", "ls", "--bucket", &s.bucket, "--no-headers"])
            .success(),
    );
    assert!(!out.contains("NAME"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    env.insta()
        .bind(|| assert_snapshot!("list_no_headers", out));
}

#[test]
fn accesspoint_list_wide() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["accesspoint", "list", "--bucket", &s.bucket, "-o", "wide"])
            .success(),
    );
    env.insta().bind(|| assert_snapshot!("list_wide", out));
}

#[test]
fn accesspoint_list_json() {
    let env = TestEnv::new();
    let s = seed(&env);
    let a = env
        .lg(["accesspoint", "list", "--bucket", &s.bucket, "-o", "json"])
        .success();
    let out = stdout(&a);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], json!(s.ec2));
    assert_eq!(rows[0]["principals"], json!([EC2_ROLE]));
    assert_eq!(rows[0]["prefixes"], json!(["sales_event/"]));
    assert_eq!(rows[1]["name"], json!(s.lambda));
    assert_eq!(rows[1]["grants"][0]["access"], json!("write"));
    env.insta().bind(|| assert_snapshot!("list_json", out));
}

#[test]
fn accesspoint_list_yaml() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["accesspoint", "list", "--bucket", &s.bucket, "-o", "yaml"])
            .success(),
    );
    env.insta().bind(|| assert_snapshot!("list_yaml", out));
}

#[test]
fn accesspoint_list_csv() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["accesspoint", "list", "--bucket", &s.bucket, "-o", "csv"])
            .success(),
    );
    assert!(out.starts_with("name,bucket,"), "{out}");
    assert_eq!(out.lines().count(), 3, "{out}");
    env.insta().bind(|| assert_snapshot!("list_csv", out));

    let out = stdout(
        &env.lg([
            "accesspoint",
            "list",
            "--bucket",
            &s.bucket,
            "-o",
            "csv",
            "--no-headers",
        ])
        .success(),
    );
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.starts_with(&format!("{},", s.ec2)), "{out}");
}

#[test]
fn accesspoint_list_without_policies() {
    let env = TestEnv::new();
    let s = seed(&env);
    let v = env.json([
        "accesspoint",
        "list",
        "--bucket",
        &s.bucket,
        "--no-policies",
        "-o",
        "json",
    ]);
    assert_eq!(v[0]["has_policy"], json!(null));
    assert_eq!(v[0]["grants"], json!([]));
}

#[test]
fn accesspoint_list_of_a_bucket_without_access_points() {
    let env = TestEnv::new();
    let b = env.bucket("empty");
    let a = env.lg(["accesspoint", "list", "--bucket", &b]).success();
    assert_eq!(stdout(&a), "");
    let a = a.stderr(contains("no access points"));
    drop(a);
    assert_eq!(
        env.json(["accesspoint", "list", "--bucket", &b, "-o", "json"]),
        json!([])
    );
}

#[test]
fn accesspoint_get_table() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(&env.lg(["accesspoint", "get", &s.ec2]).success());
    env.insta().bind(|| assert_snapshot!("get_table", out));
}

#[test]
fn accesspoint_get_json() {
    let env = TestEnv::new();
    let s = seed(&env);
    let a = env
        .lg(["accesspoint", "get", &s.lambda, "-o", "json"])
        .success();
    let out = stdout(&a);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["name"], json!(s.lambda));
    assert_eq!(v["bucket"], json!(s.bucket));
    assert_eq!(v["network_origin"], json!("Internet"));
    assert_eq!(v["policy"], env.ap_policy(&s.lambda).unwrap());
    env.insta().bind(|| assert_snapshot!("get_json", out));
}

#[test]
fn accesspoint_get_csv_lists_the_grants() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["accesspoint", "get", &s.ec2, "-o", "csv"])
            .success(),
    );
    assert_eq!(
        out,
        format!("principal,prefix,access\n{EC2_ROLE},sales_event/,read+write+list\n")
    );
}

#[test]
fn bucket_policy_get_table_and_json() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(&env.lg(["bucket", "policy", "get", &s.bucket]).success());
    env.insta()
        .bind(|| assert_snapshot!("bucket_policy_get_table", out));
    let v = env.json(["bucket", "policy", "get", &s.bucket, "-o", "json"]);
    assert_eq!(Some(v), env.policy(&s.bucket));
}

/// YAML output reads back as the JSON it came from in YAML 1.1 parsers too: strings that 1.1
/// reads as dates, numbers or booleans are quoted (`Version: "2012-10-17"`), plain ones stay plain.
#[test]
fn yaml_quotes_strings_that_would_load_as_another_type() {
    let env = TestEnv::new();
    let b = env.bucket("yamlq");
    env.put_policy(
        &b,
        &serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "yes",
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                "Action": "s3:GetObject",
                "Resource": format!("arn:aws:s3:::{b}/*"),
                "Condition": {"StringEquals": {"aws:PrincipalAccount": "123456789012"}}
            }]
        }),
    );
    let out = stdout(
        &env.lg(["bucket", "policy", "get", &b, "-o", "yaml"])
            .success(),
    );
    assert!(out.contains("Version: \"2012-10-17\"\n"), "{out}");
    assert!(out.contains("Sid: \"yes\"\n"), "{out}");
    assert!(
        out.contains("aws:PrincipalAccount: \"123456789012\"\n"),
        "{out}"
    );
    assert!(out.contains("Action: s3:GetObject\n"), "{out}");
    let json = stdout(
        &env.lg(["bucket", "policy", "get", &b, "-o", "json"])
            .success(),
    );
    let from_yaml: serde_json::Value = serde_yaml_ng::from_str(&out).unwrap();
    let from_json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(from_yaml, from_json);
}

/// `--query` (JMESPath, as the AWS CLI's) filters the JSON shape before rendering, in every format.
#[test]
fn query_filters_before_rendering_in_every_format() {
    let env = TestEnv::new();
    let s = seed(&env);
    let list = |args: &[&str]| {
        let mut a = vec!["accesspoint", "list", "--bucket", &s.bucket];
        a.extend_from_slice(args);
        stdout(&env.lg(&a).success())
    };
    let q = "[?contains(prefixes, 'sales_event/')].name";
    let out = list(&["--query", q, "-o", "json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        json!([s.ec2])
    );
    // A table of the query's objects (JMESPath objects have their keys in sorted order).
    let out = list(&["--query", "[].{name: name, bucket: bucket}"]);
    let mut lines = out.lines();
    let head: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(head, ["BUCKET", "NAME"], "{out}");
    assert!(out.contains(&s.ec2) && out.contains(&s.lambda), "{out}");
    let out = list(&["--query", "[].name", "-o", "csv", "--no-headers"]);
    let mut names: Vec<&str> = out.lines().collect();
    names.sort();
    let mut want = vec![s.ec2.as_str(), s.lambda.as_str()];
    want.sort();
    assert_eq!(names, want);
    let out = list(&["--query", "length(@)", "-o", "yaml"]);
    assert_eq!(out, "2\n");
    // A bad expression is a usage error naming --query, before any call.
    let a = env
        .lg(["accesspoint", "list", "--query", "[?name=="])
        .code(2);
    let err = crate::harness::stderr(&a);
    assert!(err.contains("--query") && err.contains("JMESPath"), "{err}");
    // A near miss suggests --query, not only --quiet.
    let a = env.lg(["accesspoint", "list", "--querry", "x"]).code(2);
    assert!(crate::harness::stderr(&a).contains("--query"));
}

/// `-o name` prints KIND/NAME per line for list commands, and is refused elsewhere.
#[test]
fn output_name_lists_kind_slash_name() {
    let env = TestEnv::new();
    let s = seed(&env);
    let out = stdout(
        &env.lg(["accesspoint", "list", "--bucket", &s.bucket, "-o", "name"])
            .success(),
    );
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort();
    let mut want = vec![
        format!("accesspoint/{}", s.ec2),
        format!("accesspoint/{}", s.lambda),
    ];
    want.sort();
    assert_eq!(lines, want);
    let a = env
        .lg(["bucket", "policy", "get", &s.bucket, "-o", "name"])
        .code(2);
    assert!(crate::harness::stderr(&a).contains("-o name"));
}
