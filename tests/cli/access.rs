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

// ---------------------------------------------------------------------------------------------
// Offline: validation before evaluation, NotPrincipal, and the whole chain from files (issue 11,
// issue 16 items 8 and 10). Cases from the AWS pages the corpus cites.
// ---------------------------------------------------------------------------------------------

const OWNER: &str = "444455556666";

/// Write `text` to a file in the test's directory; returns its path.
fn file(env: &TestEnv, name: &str, text: &str) -> String {
    let p = env.temp().join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn doc(statements: Value) -> String {
    json!({"Version": "2012-10-17", "Statement": statements}).to_string()
}

/// `access check -o json ARGS`: exit code, JSON (Null when stdout is empty) and stderr.
fn check_offline(env: &TestEnv, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["access", "check", "-o", "json"];
    if !args.contains(&"--action") {
        all.extend(["--action", "s3:GetObject"]);
    }
    all.extend_from_slice(args);
    let a = env.lg(all);
    let code = a.get_output().status.code().unwrap_or(-1);
    let out = stdout(&a);
    let v = if out.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&out).expect("JSON")
    };
    (code, v, crate::harness::stderr(&a))
}

fn allow_all(env: &TestEnv) -> String {
    file(
        env,
        "identity.json",
        &doc(json!([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}])),
    )
}

#[test]
fn check_refuses_documents_aws_refuses_naming_the_element() {
    let env = TestEnv::offline();
    let obj = "arn:aws:s3:::mybucket/*";
    let st = |extra: Value| {
        let mut s =
            json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": obj});
        for (k, v) in extra.as_object().unwrap() {
            if v.is_null() {
                s.as_object_mut().unwrap().remove(k);
            } else {
                s[k] = v.clone();
            }
        }
        s
    };
    // (flag, document, what the one error line must contain)
    let cases: Vec<(&str, String, &str)> = vec![
        // Issue 11, item 1: S3 "You must use the Principal element in resource-based policies".
        ("--bucket-policy", doc(json!([st(json!({"Principal": null}))])), "Statement[0].Principal: missing: you must use the Principal element"),
        ("--bucket-policy", doc(json!([st(json!({"Principal": null, "Effect": "Deny"}))])), "Statement[0].Principal"),
        // Item 4: IAM "Has prohibited field Principal".
        ("--identity-policy", doc(json!([st(json!({}))])), "Statement[0].Principal: has prohibited field Principal"),
        ("--bucket-policy", doc(json!([st(json!({"Principal": null, "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:user/Bob"}}))])), "Statement[0].NotPrincipal: NotPrincipal must be used with \"Effect\":\"Deny\""),
        // Issue 16, item 10.
        ("--bucket-policy", json!({"Version": "2012-10-17", "Statment": [], "Statement": [st(json!({}))]}).to_string(), "Statment: unknown top-level element"),
        ("--bucket-policy", doc(json!([st(json!({"Resource": "mybucket/*"}))])), "Statement[0].Resource: 'mybucket/*' is not an ARN"),
        ("--bucket-policy", doc(json!([st(json!({"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}}))])), "Statement[0]: Principal and NotPrincipal cannot both be present"),
        ("--bucket-policy", doc(json!([st(json!({"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/99"}}}))])), "Statement[0].Condition.IpAddress.aws:SourceIp: '10.0.0.0/99'"),
        ("--bucket-policy", doc(json!([st(json!({"Condition": {"DateLessThan": {"aws:CurrentTime": "2026-02-30T25:00:00Z"}}}))])), "Statement[0].Condition.DateLessThan.aws:CurrentTime"),
        ("--bucket-policy", doc(json!([st(json!({"Sid": "A"})), st(json!({"Sid": "A"}))])), "Statement[1].Sid: duplicate Sid \"A\""),
        ("--bucket-policy", doc(json!([st(json!({"Resource": "arn:aws:s3:::mybucket/${aws:username"}))])), "Statement[0].Resource: unterminated policy variable"),
        // Issue 16, item 8: duplicate keys name the statement.
        ("--bucket-policy", r#"{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Deny","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::mybucket/*"}]}"#.to_string(), "Statement[0]: duplicate key \"Effect\""),
        ("--scp", doc(json!([st(json!({}))])), "--scp"),
        ("--rcp", doc(json!([st(json!({}))])), "Statement[0].Effect: a resource control policy can only deny"),
        ("--permission-boundary", doc(json!([st(json!({}))])), "Statement[0].Principal: has prohibited field Principal"),
        ("--vpc-endpoint-policy", doc(json!([st(json!({"Principal": null}))])), "Statement[0].Principal: missing"),
    ];
    let id = allow_all(&env);
    for (i, (flag, text, needle)) in cases.iter().enumerate() {
        let f = file(&env, &format!("bad{i}.json"), text);
        let mut args = vec![
            "access",
            "check",
            "--action",
            "s3:GetObject",
            "--bucket",
            "mybucket",
            "--key",
            "k",
            "--principal",
            "arn:aws:iam::444455556666:user/test-user",
            "--bucket-owner",
            OWNER,
        ];
        if *flag != "--identity-policy" {
            args.extend(["--identity-policy", &id]);
        }
        args.extend([*flag, f.as_str()]);
        let a = crate::harness::assert_usage_error(env.lg(&args), needle);
        let err = crate::harness::stderr(&a);
        assert!(err.contains(flag), "{flag}: {err}");
    }
}

#[test]
fn check_not_principal_uses_the_whole_identity() {
    let env = TestEnv::offline();
    let bucket = file(
        &env,
        "bucket.json",
        &doc(
            json!([{"Sid": "OnlyBob", "Effect": "Deny", "NotPrincipal": {"AWS": [
            "arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"]},
            "Action": "s3:*", "Resource": ["arn:aws:s3:::mybucket", "arn:aws:s3:::mybucket/*"]},
          {"Sid": "OnlyAlice", "Effect": "Deny", "NotPrincipal": {"AWS": [
            "arn:aws:sts::444455556666:assumed-role/R/alice", "arn:aws:iam::444455556666:role/R",
            "arn:aws:iam::444455556666:root"]}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::mybucket/*"}]),
        ),
    );
    let id = allow_all(&env);
    let base = [
        "--bucket",
        "mybucket",
        "--key",
        "k",
        "--bucket-policy",
        &bucket,
        "--identity-policy",
        &id,
    ];
    let run = |who: &str, extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend(["--principal", who]);
        a.extend_from_slice(extra);
        check_offline(&env, &a)
    };
    let (code, v, _) = run("arn:aws:iam::444455556666:user/Bob", &[]);
    assert_eq!((code, v["decision"].as_str()), (0, Some("allowed")), "{v}");
    let (code, v, _) = run("arn:aws:iam::444455556666:user/eve", &["-v"]);
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("explicitly-denied")),
        "{v}"
    );
    let why = v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["sid"] == "OnlyBob")
        .unwrap();
    assert_eq!(
        why["reason"],
        "matches: NotPrincipal does not name arn:aws:iam::444455556666:user/eve"
    );
    assert_eq!(v["deciding"][0]["policy_type"], "bucket");
    // Naming the role does not exempt another session of it.
    let put = ["--action", "s3:PutObject"];
    let (code, v, _) = run("arn:aws:sts::444455556666:assumed-role/R/bob", &put);
    assert_eq!(code, 3, "{v}");
    assert!(
        v["deciding"].to_string().contains("OnlyAlice")
            || v["deciding"].to_string().contains("OnlyBob"),
        "{v}"
    );
}

#[test]
fn check_applies_the_chain_from_files() {
    let env = TestEnv::offline();
    let user = "arn:aws:iam::444455556666:user/Jane";
    let session = "arn:aws:sts::444455556666:assumed-role/Writer/bob";
    let id = allow_all(&env);
    let full = file(
        &env,
        "full.json",
        &doc(json!([{"Effect": "Allow", "Action": "*", "Resource": "*"}])),
    );
    let reads = file(
        &env,
        "reads.json",
        &doc(
            json!([{"Sid": "Reads", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}]),
        ),
    );
    let deny_get = file(
        &env,
        "denyget.json",
        &doc(
            json!([{"Sid": "NoGet", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]),
        ),
    );
    let rcp = file(
        &env,
        "rcp.json",
        &doc(
            json!([{"Sid": "Tls", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]),
        ),
    );
    let bucket = file(
        &env,
        "bucket.json",
        &doc(json!([
        {"Sid": "RoleGrant", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/Writer"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::mybucket/shared/*"},
        {"Sid": "UserGrant", "Effect": "Allow", "Principal": {"AWS": user}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::mybucket/shared/*"},
        {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::mybucket/public/*"}])),
    );
    let common = |key: &'static str| {
        vec![
            "--bucket",
            "mybucket",
            "--key",
            key,
            "--bucket-owner",
            OWNER,
        ]
    };
    let verdict = |args: Vec<&str>| {
        let (code, v, err) = check_offline(&env, &args);
        assert!(code == 0 || code == 3, "exit {code}: {err}");
        (v["decision"].as_str().unwrap().to_string(), v)
    };

    // SCP levels: every level must allow, a Deny anywhere wins, the management account is exempt.
    let mut a = common("k");
    a.extend([
        "--principal",
        user,
        "--identity-policy",
        &id,
        "--scp",
        &full,
        "--scp",
        &reads,
    ]);
    assert_eq!(verdict(a.clone()).0, "allowed");
    let mut put = a.clone();
    put.extend(["--action", "s3:PutObject"]);
    let (d, v) = verdict(put.clone());
    assert_eq!(d, "implicitly-denied");
    assert_eq!(v["not_allowed_by"], format!("scp:{reads}"), "{v}");
    put.extend(["--management-account", OWNER]);
    assert_eq!(verdict(put).0, "allowed");
    let mut denied = a.clone();
    denied.extend(["--scp", &deny_get]);
    let (d, v) = verdict(denied);
    assert_eq!(d, "explicitly-denied");
    assert_eq!(v["deciding"][0]["policy_type"], "scp", "{v}");

    // RCPs deny for every principal; RCPFullAWSAccess is implied at every level.
    let mut r = a.clone();
    r.extend(["--rcp", &rcp]);
    assert_eq!(verdict(r.clone()).0, "allowed");
    r.extend(["--context", "aws:SecureTransport=false"]);
    let (d, v) = verdict(r);
    assert_eq!(d, "explicitly-denied");
    assert_eq!(v["deciding"][0]["policy_type"], "rcp");

    // Permissions boundary: limits identity grants and grants to the role, not to the user.
    let mut b = common("shared/x");
    b.extend([
        "--action",
        "s3:PutObject",
        "--bucket-policy",
        &bucket,
        "--permission-boundary",
        &reads,
    ]);
    let mut u = b.clone();
    u.extend(["--principal", user]);
    assert_eq!(verdict(u).0, "allowed");
    let mut s = b.clone();
    s.extend(["--principal", session]);
    let (d, v) = verdict(s);
    assert_eq!(d, "implicitly-denied");
    assert_eq!(v["not_allowed_by"], format!("boundary:{reads}"), "{v}");

    // Session policy: applies to sessions, limits the role grant.
    let mut s = common("shared/x");
    s.extend([
        "--action",
        "s3:PutObject",
        "--bucket-policy",
        &bucket,
        "--principal",
        session,
        "--identity-policy",
        &id,
    ]);
    assert_eq!(verdict(s.clone()).0, "allowed");
    s.extend(["--session-policy", &reads]);
    assert_eq!(verdict(s).0, "implicitly-denied");

    // VPC endpoint policy: must allow too.
    let vpce = file(
        &env,
        "vpce.json",
        &doc(
            json!([{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]),
        ),
    );
    let mut e = common("k");
    e.extend([
        "--principal",
        user,
        "--identity-policy",
        &id,
        "--vpc-endpoint-policy",
        &vpce,
    ]);
    assert_eq!(verdict(e.clone()).0, "allowed");
    e.extend(["--action", "s3:PutObject"]);
    assert_eq!(verdict(e).0, "implicitly-denied");

    // Anonymous: only a "*" grant, and Block Public Access can take it away.
    let mut anon = common("public/a");
    anon.extend(["--anonymous", "--bucket-policy", &bucket]);
    let (d, v) = verdict(anon.clone());
    assert_eq!(
        (d.as_str(), v["principal"].as_str()),
        ("allowed", Some("anonymous"))
    );
    let pab = file(
        &env,
        "pab.json",
        r#"{"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true}}"#,
    );
    let bucket_pab = format!("bucket={pab}");
    anon.extend(["--public-access-block", &bucket_pab]);
    let (d, v) = verdict(anon);
    assert_eq!(d, "implicitly-denied");
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .contains("RestrictPublicBuckets"),
        "{v}"
    );
    let mut through = common("public/a");
    through.extend([
        "--anonymous",
        "--bucket-policy",
        &bucket,
        "--access-point",
        "public-ap",
    ]);
    let (d, v) = verdict(through);
    assert_eq!(d, "implicitly-denied");
    assert_eq!(
        v["reason"],
        "access points do not support anonymous requests"
    );
}

#[test]
fn check_refuses_chain_flags_that_cannot_apply() {
    let env = TestEnv::offline();
    let id = allow_all(&env);
    let reads = file(
        &env,
        "reads.json",
        &doc(json!([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])),
    );
    let base = |who: &'static str| -> Vec<String> {
        [
            "access",
            "check",
            "--action",
            "s3:GetObject",
            "--bucket",
            "mybucket",
            "--key",
            "k",
            "--bucket-owner",
            OWNER,
            "--principal",
            who,
            "--identity-policy",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([id.clone()])
        .collect()
    };
    let with = |who: &'static str, extra: &[&str]| {
        let mut a = base(who);
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    crate::harness::assert_usage_error(
        env.lg(with(
            "arn:aws:iam::444455556666:user/Jane",
            &["--session-policy", &reads],
        )),
        "--session-policy: session policies apply to role sessions",
    );
    crate::harness::assert_usage_error(
        env.lg(with(
            "arn:aws:iam::444455556666:root",
            &["--permission-boundary", &reads],
        )),
        "--permission-boundary",
    );
    let pab = file(&env, "pab.json", r#"{"RestrictPublicBuckets":"yes"}"#);
    crate::harness::assert_usage_error(
        env.lg(with(
            "arn:aws:iam::444455556666:user/Jane",
            &["--public-access-block", &format!("bucket={pab}")],
        )),
        "RestrictPublicBuckets must be true or false",
    );
    crate::harness::assert_usage_error(
        env.lg(with(
            "arn:aws:iam::444455556666:user/Jane",
            &["--public-access-block", &format!("org={pab}")],
        )),
        "unknown scope 'org'",
    );
    crate::harness::assert_usage_error(
        env.lg(with(
            "arn:aws:iam::444455556666:user/Jane",
            &["--management-account", "12"],
        )),
        "--management-account",
    );
    crate::harness::assert_usage_error(
        env.lg([
            "access",
            "check",
            "--anonymous",
            "--action",
            "s3:GetObject",
            "--bucket",
            "mybucket",
            "--bucket-owner",
            OWNER,
            "--identity-policy",
            &id,
        ]),
        "--identity-policy: an anonymous request has no identity policies",
    );
    // --anonymous and --principal exclude each other; one of them is required.
    env.lg(with(
        "arn:aws:iam::444455556666:user/Jane",
        &["--anonymous"],
    ))
    .code(2);
    env.lg([
        "access",
        "check",
        "--action",
        "s3:GetObject",
        "--bucket",
        "mybucket",
    ])
    .code(2);
}

#[test]
fn matrix_uses_the_chain_when_given() {
    let env = TestEnv::offline();
    let role = "arn:aws:iam::444455556666:role/Reader";
    let bucket = file(
        &env,
        "bucket.json",
        &doc(
            json!([{"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": role}, "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::mybucket/data/*"}]),
        ),
    );
    let reads = file(
        &env,
        "scp.json",
        &doc(json!([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])),
    );
    let run = |extra: &[&str]| {
        let mut a = vec![
            "access",
            "matrix",
            "-o",
            "json",
            "--bucket",
            "mybucket",
            "--bucket-owner",
            OWNER,
            "--bucket-policy",
            &bucket,
        ];
        a.extend_from_slice(extra);
        env.json(a)
    };
    let row = |m: &Value| {
        m.as_array()
            .unwrap()
            .iter()
            .find(|r| r["prefix"] == "data/")
            .cloned()
            .unwrap()
    };
    let plain = row(&run(&[]));
    assert_eq!(
        (
            plain["read"]["decision"].as_str(),
            plain["write"]["decision"].as_str()
        ),
        (Some("allowed"), Some("allowed")),
        "{plain}"
    );
    let limited = row(&run(&["--scp", &reads]));
    assert_eq!(
        (
            limited["read"]["decision"].as_str(),
            limited["write"]["decision"].as_str()
        ),
        (Some("allowed"), Some("implicitly-denied")),
        "{limited}"
    );
}

// ---------------------------------------------------------------------------------------------
// Online: the chain read from moto (Organizations, IAM, EC2, S3).
// ---------------------------------------------------------------------------------------------

/// The text of the first `<t>` in an XML answer.
fn xml_tag(xml: &str, t: &str) -> String {
    let open = format!("<{t}>");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("no <{t}> in {xml}"))
        + open.len();
    let end = xml[start..].find('<').unwrap() + start;
    xml[start..end].to_string()
}

/// An AWS Organizations call to moto (JSON protocol, routed on X-Amz-Target).
fn org(env: &TestEnv, target: &str, body: Value) -> (u16, Value) {
    let auth = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0";
    let (status, out) = crate::harness::http(
        env.port(),
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.1"),
            (
                "X-Amz-Target",
                &format!("AWSOrganizationsV20161128.{target}"),
            ),
            ("Authorization", auth),
        ],
        body.to_string().as_bytes(),
    )
    .unwrap();
    (status, serde_json::from_slice(&out).unwrap_or(Value::Null))
}

#[test]
fn check_online_reads_scps_from_organizations() {
    let env = TestEnv::new();
    // moto's caller account becomes the management account (one organization per server).
    let (status, v) = org(&env, "CreateOrganization", json!({"FeatureSet": "ALL"}));
    assert!(
        status == 200 || v.to_string().contains("AlreadyInOrganization"),
        "{status} {v}"
    );
    let (status, v) = org(
        &env,
        "CreateAccount",
        json!({"AccountName": env.name("member"), "Email": format!("{}@example.com", env.name("m"))}),
    );
    assert_eq!(status, 200, "{v}");
    let member = v["CreateAccountStatus"]["AccountId"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, v) = org(
        &env,
        "CreatePolicy",
        json!({"Name": env.name("no-reads"), "Description": "d", "Type": "SERVICE_CONTROL_POLICY",
            "Content": doc(json!([{"Sid": "NoReads", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]))}),
    );
    let policy_id = v["Policy"]["PolicySummary"]["Id"]
        .as_str()
        .unwrap()
        .to_string();
    for p in ["p-FullAWSAccess", policy_id.as_str()] {
        let (status, v) = org(
            &env,
            "AttachPolicy",
            json!({"PolicyId": p, "TargetId": member}),
        );
        assert!(
            status == 200 || v.to_string().contains("Duplicate"),
            "{status} {v}"
        );
    }
    let b = env.bucket("scp");
    let role = format!("arn:aws:iam::{member}:role/Reader");
    env.put_policy(
        &b,
        &json!({"Version": "2012-10-17", "Statement": [{"Sid": "MemberReads", "Effect": "Allow",
            "Principal": {"AWS": role}, "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": [format!("arn:aws:s3:::{b}"), format!("arn:aws:s3:::{b}/*")]}]}),
    );
    let (code, v) = check(
        &env,
        &[
            "--principal",
            &role,
            "--action",
            "s3:GetObject",
            "--bucket",
            &b,
            "--key",
            "x",
        ],
    );
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("explicitly-denied")),
        "{v}"
    );
    assert_eq!(
        v["deciding"][0]["policy"],
        format!("scp:{policy_id}"),
        "{v}"
    );
    assert_eq!(v["deciding"][0]["policy_type"], "scp", "{v}");
    // The management account's principals are not held to SCPs.
    let (code, v) = check(
        &env,
        &[
            "--principal",
            "arn:aws:iam::123456789012:root",
            "--action",
            "s3:GetObject",
            "--bucket",
            &b,
            "--key",
            "x",
        ],
    );
    assert_eq!(code, 0, "{v}");
}

#[test]
fn check_online_reads_the_boundary_the_endpoint_policy_and_block_public_access() {
    let env = TestEnv::new();
    let b = env.bucket("chain");
    let role_name = env.name("bounded");
    let role = format!("arn:aws:iam::123456789012:role/{role_name}");
    let boundary = xml_tag(
        &iam(
            &env,
            &[
                ("Action", "CreatePolicy"),
                ("PolicyName", &env.name("reads-only")),
                (
                    "PolicyDocument",
                    &doc(json!([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])),
                ),
            ],
        ),
        "Arn",
    );
    iam(
        &env,
        &[
            ("Action", "CreateRole"),
            ("RoleName", &role_name),
            ("PermissionsBoundary", &boundary),
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
            ("PolicyName", "all-of-s3"),
            (
                "PolicyDocument",
                &doc(json!([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}])),
            ),
        ],
    );
    let args = |action: &'static str| {
        [
            "--principal",
            role.as_str(),
            "--action",
            action,
            "--bucket",
            b.as_str(),
            "--key",
            "x",
        ]
    };
    let (code, v) = check(&env, &args("s3:GetObject"));
    assert_eq!(code, 0, "{v}");
    let (code, v) = check(&env, &args("s3:PutObject"));
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("implicitly-denied")),
        "{v}"
    );
    assert_eq!(v["not_allowed_by"], format!("boundary:{boundary}"), "{v}");

    // A gateway endpoint whose policy allows only reads, named by aws:SourceVpce.
    let ec2 = |params: &[(&str, &str)]| crate::endpoint::query(&env, "ec2", "2016-11-15", params);
    let vpc = xml_tag(
        &ec2(&[("Action", "CreateVpc"), ("CidrBlock", "10.77.0.0/16")]),
        "vpcId",
    );
    let vpce = xml_tag(
        &ec2(&[
            ("Action", "CreateVpcEndpoint"),
            ("VpcId", &vpc),
            ("ServiceName", "com.amazonaws.us-east-1.s3"),
            ("VpcEndpointType", "Gateway"),
            (
                "PolicyDocument",
                &doc(
                    json!([{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"},
                {"Sid": "NoPutsHere", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": format!("arn:aws:s3:::{b}/locked/*")}]),
                ),
            ),
        ]),
        "vpcEndpointId",
    );
    let ctx = format!("aws:SourceVpce={vpce}");
    let user = "arn:aws:iam::123456789012:root";
    let (code, v) = check(
        &env,
        &[
            "--principal",
            user,
            "--action",
            "s3:PutObject",
            "--bucket",
            &b,
            "--key",
            "locked/a",
            "--context",
            &ctx,
        ],
    );
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("explicitly-denied")),
        "{v}"
    );
    assert_eq!(
        v["deciding"][0]["policy"],
        format!("vpc-endpoint:{vpce}"),
        "{v}"
    );
    let (code, v) = check(
        &env,
        &[
            "--principal",
            user,
            "--action",
            "s3:DeleteObject",
            "--bucket",
            &b,
            "--key",
            "a",
            "--context",
            &ctx,
        ],
    );
    assert_eq!(
        (code, v["not_allowed_by"].as_str()),
        (3, Some(format!("vpc-endpoint:{vpce}").as_str())),
        "{v}"
    );

    // A public bucket policy, then RestrictPublicBuckets on the bucket: anonymous reads stop.
    env.put_policy(
        &b,
        &json!({"Version": "2012-10-17", "Statement": [{"Sid": "Public", "Effect": "Allow",
        "Principal": "*", "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{b}/*")}]}),
    );
    let anon = [
        "--anonymous",
        "--action",
        "s3:GetObject",
        "--bucket",
        b.as_str(),
        "--key",
        "x",
    ];
    let (code, v) = check(&env, &anon);
    assert_eq!(code, 0, "{v}");
    let (status, body) = crate::harness::http(
        env.port(),
        "PUT",
        &format!("/{b}?publicAccessBlock"),
        &[],
        b"<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>",
    )
    .unwrap();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let (code, v) = check(&env, &anon);
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("implicitly-denied")),
        "{v}"
    );
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .contains("RestrictPublicBuckets"),
        "{v}"
    );
}

#[test]
fn a_foreign_policy_with_duplicate_keys_is_refused_not_rewritten() {
    let env = TestEnv::new();
    let b = env.bucket("dupkeys");
    let text = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"Foreign","Effect":"Deny","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{b}/*"}}]}}"#
    );
    env.put_policy_text(&b, &text);
    let before = env.policy_text(&b);
    let a = crate::harness::assert_usage_error(
        env.lg(["bucket", "delegate", &b]),
        "duplicate key \"Effect\"",
    );
    assert!(crate::harness::stderr(&a).contains("Statement[0]"));
    assert_eq!(env.policy_text(&b), before, "nothing is written");
    crate::harness::assert_usage_error(
        env.lg([
            "access",
            "check",
            "--principal",
            "arn:aws:iam::123456789012:root",
            "--action",
            "s3:GetObject",
            "--bucket",
            &b,
            "--key",
            "k",
        ]),
        "duplicate key",
    );
}

#[test]
fn check_online_reads_rcps_of_the_bucket_owner_account() {
    let env = TestEnv::new();
    let (status, v) = org(&env, "CreateOrganization", json!({"FeatureSet": "ALL"}));
    assert!(
        status == 200 || v.to_string().contains("AlreadyInOrganization"),
        "{status} {v}"
    );
    let (_, v) = org(
        &env,
        "CreateAccount",
        json!({"AccountName": env.name("owner"), "Email": format!("{}@example.com", env.name("o"))}),
    );
    let owner = v["CreateAccountStatus"]["AccountId"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, roots) = org(&env, "ListRoots", json!({}));
    let root = roots["Roots"][0]["Id"].as_str().unwrap().to_string();
    let create = |name: &str, content: String| {
        let (status, v) = org(
            &env,
            "CreatePolicy",
            json!({"Name": env.name(name), "Description": "d", "Type": "RESOURCE_CONTROL_POLICY", "Content": content}),
        );
        assert_eq!(status, 200, "{v}");
        v["Policy"]["PolicySummary"]["Id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // RCPFullAWSAccess at every level (moto does not attach it), and a Deny on the account.
    let full = create(
        "rcp-full",
        doc(json!([{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}])),
    );
    let deny = create(
        "rcp-no-reads",
        doc(
            json!([{"Sid": "NoReads", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]),
        ),
    );
    for (p, t) in [(&full, &root), (&full, &owner), (&deny, &owner)] {
        let (status, v) = org(&env, "AttachPolicy", json!({"PolicyId": p, "TargetId": t}));
        assert!(
            status == 200 || v.to_string().contains("Duplicate"),
            "{status} {v}"
        );
    }
    let b = env.bucket("rcp");
    let root_user = format!("arn:aws:iam::{owner}:root");
    let args = |action: &'static str| {
        vec![
            "--account-id".to_string(),
            owner.clone(),
            "access".into(),
            "check".into(),
            "-o".into(),
            "json".into(),
            "--principal".into(),
            root_user.clone(),
            "--action".into(),
            action.into(),
            "--bucket".into(),
            b.clone(),
            "--key".into(),
            "x".into(),
        ]
    };
    let a = env.lg(args("s3:GetObject"));
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(
        (a.get_output().status.code(), v["decision"].as_str()),
        (Some(3), Some("explicitly-denied")),
        "{v}"
    );
    assert_eq!(v["deciding"][0]["policy"], format!("rcp:{deny}"), "{v}");
    assert_eq!(v["deciding"][0]["policy_type"], "rcp", "{v}");
    // RCPs only deny: another action passes them (the root user needs no identity policy).
    let a = env.lg(args("s3:PutObject"));
    assert_eq!(a.get_output().status.code(), Some(0), "{}", stdout(&a));
}

/// Credentials of a role session in a moto account of this test's own (moto acts in the account
/// of an assumed role's credentials), so that account-wide settings such as the account's Block
/// Public Access touch no other test.
struct OwnAccount {
    id: String,
    key: String,
    secret: String,
    token: String,
}

impl OwnAccount {
    fn new(env: &TestEnv) -> Self {
        // Twelve digits from the test's unique id (base 36), never moto's default account.
        let n = env
            .name("")
            .bytes()
            .fold(7u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b)));
        let id = format!("{:012}", 200_000_000_000 + n % 700_000_000_000);
        let xml = crate::endpoint::query(
            env,
            "sts",
            "2011-06-15",
            &[
                ("Action", "AssumeRole"),
                ("RoleArn", &format!("arn:aws:iam::{id}:role/lakegate-test")),
                ("RoleSessionName", "test"),
            ],
        );
        OwnAccount {
            key: xml_tag(&xml, "AccessKeyId"),
            secret: xml_tag(&xml, "SecretAccessKey"),
            token: xml_tag(&xml, "SessionToken"),
            id,
        }
    }

    fn auth(&self, service: &str) -> String {
        format!(
            "AWS4-HMAC-SHA256 Credential={}/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0",
            self.key
        )
    }

    /// A raw request in this account; asserts success.
    fn http(&self, env: &TestEnv, method: &str, path: &str, s3control: bool, body: &str) {
        let auth = self.auth("s3");
        let mut headers = vec![("Authorization", auth.as_str())];
        if s3control {
            headers.push(("x-amz-account-id", self.id.as_str()));
        }
        let (status, resp) =
            crate::harness::http(env.port(), method, path, &headers, body.as_bytes()).unwrap();
        assert!(
            status < 300,
            "{method} {path}: {status} {}",
            String::from_utf8_lossy(&resp)
        );
    }

    /// lakegate acting with this account's credentials.
    fn lg(&self, env: &TestEnv, args: &[&str]) -> (i32, Value) {
        let mut c = env.cmd();
        c.env("AWS_ACCESS_KEY_ID", &self.key)
            .env("AWS_SECRET_ACCESS_KEY", &self.secret)
            .env("AWS_SESSION_TOKEN", &self.token)
            .args(["access", "check", "-o", "json"])
            .args(args);
        let a = crate::harness::no_panic(c.assert());
        let code = a.get_output().status.code().unwrap_or(-1);
        let v: Value = serde_json::from_str(&stdout(&a)).expect("access check prints JSON");
        (code, v)
    }
}

// "Blocking public access to your Amazon S3 storage": RestrictPublicBuckets set for the account
// (S3 Control GetPublicAccessBlock) restricts a bucket with a public policy to AWS service
// principals and authorized users of the bucket owner's account, so an anonymous read stops.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
#[test]
fn check_online_reads_the_accounts_block_public_access() {
    let env = TestEnv::new();
    let acct = OwnAccount::new(&env);
    let b = env.name("acctbpa");
    acct.http(&env, "PUT", &format!("/{b}"), false, "");
    let policy = json!({"Version": "2012-10-17", "Statement": [{"Sid": "Public", "Effect": "Allow",
        "Principal": "*", "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{b}/*")}]});
    acct.http(
        &env,
        "PUT",
        &format!("/{b}?policy"),
        false,
        &policy.to_string(),
    );
    let anon = [
        "--anonymous",
        "--action",
        "s3:GetObject",
        "--bucket",
        b.as_str(),
        "--key",
        "x",
    ];
    let (code, v) = acct.lg(&env, &anon);
    assert_eq!((code, v["decision"].as_str()), (0, Some("allowed")), "{v}");

    acct.http(
        &env,
        "PUT",
        "/v20180820/configuration/publicAccessBlock",
        true,
        "<PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\"><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>",
    );
    let (code, v) = acct.lg(&env, &anon);
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("implicitly-denied")),
        "{v}"
    );
    let reason = v["reason"].as_str().unwrap();
    assert!(
        reason.contains("RestrictPublicBuckets") && reason.contains("account"),
        "{v}"
    );
    // The account of moto's other tests is untouched: the same read there is still allowed.
    let mine = env.bucket("acctbpa-default");
    env.put_policy(
        &mine,
        &json!({"Version": "2012-10-17", "Statement": [{"Sid": "Public", "Effect": "Allow",
        "Principal": "*", "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{mine}/*")}]}),
    );
    let (code, v) = check(
        &env,
        &[
            "--anonymous",
            "--action",
            "s3:GetObject",
            "--bucket",
            &mine,
            "--key",
            "x",
        ],
    );
    assert_eq!(code, 0, "{v}");
}

// "Blocking public access to your Amazon S3 storage": the Block Public Access settings of an
// access point apply to requests through it; with RestrictPublicBuckets, a public access point
// policy only lets in service principals and principals of the access point owner's account.
// Online, they come from S3 Control GetAccessPoint (PublicAccessBlockConfiguration).
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_GetAccessPoint.html
#[test]
fn check_online_reads_the_access_points_block_public_access() {
    let env = TestEnv::new();
    let b = env.bucket("apbpa");
    env.lg(["bucket", "delegate", &b]).success();
    let external = "arn:aws:iam::999988887777:role/Vendor";
    let ap = |what: &str, settings: &str| {
        let name = env.name(what);
        env.lg([
            "accesspoint",
            "create",
            &name,
            "--bucket",
            &b,
            "--prefix",
            "shared/",
            "--principal",
            external,
            "--access",
            "read",
            "--block-public-access",
            settings,
            "--yes",
        ])
        .success();
        // A public policy: everyone may read through it.
        env.put_ap_policy(
            &name,
            &json!({"Version": "2012-10-17", "Statement": [{"Sid": "Everyone", "Effect": "Allow",
                "Principal": "*", "Action": "s3:GetObject",
                "Resource": format!("arn:aws:s3:us-east-1:123456789012:accesspoint/{name}/object/*")}]}),
        );
        name
    };
    let open = ap("open", "none");
    let closed = ap("closed", "restrict-public-buckets");
    let through = |name: &str| {
        let mut c = env.cmd();
        c.args([
            "access",
            "check",
            "-o",
            "json",
            "--principal",
            external,
            "--action",
            "s3:GetObject",
            "--bucket",
            &b,
            "--key",
            "shared/a.csv",
            "--access-point",
            name,
        ]);
        let a = crate::harness::no_panic(c.assert());
        let v: Value = serde_json::from_str(&stdout(&a)).expect("JSON");
        (
            a.get_output().status.code().unwrap_or(-1),
            v,
            crate::harness::stderr(&a),
        )
    };
    // The vendor's own account cannot be read from here: its identity side is assumed to allow,
    // and said so.
    let (code, v, err) = through(&open);
    assert_eq!((code, v["decision"].as_str()), (0, Some("allowed")), "{v}");
    assert!(err.contains("assuming they allow"), "{err}");
    assert!(
        v["deciding"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["policy"] == "identity-assumed:999988887777"),
        "{v}"
    );
    let (code, v, _) = through(&closed);
    assert_eq!(
        (code, v["decision"].as_str()),
        (3, Some("implicitly-denied")),
        "{v}"
    );
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .contains("RestrictPublicBuckets"),
        "{v}"
    );
}
