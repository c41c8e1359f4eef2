//! `subscription deploy|undeploy|status`, `audit schedule|unschedule` on moto (IAM, Lambda
//! create/update/permissions, EventBridge rules and targets, SQS), and Lambda mode: the binary
//! started as the function, against an in-test Lambda Runtime API (next invocation, response,
//! error: "Using the Lambda runtime API for custom runtimes", AWS Lambda Developer Guide,
//! https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), with S3 on moto and
//! DataZone on an HTTP fake.

use crate::harness::{statements, stderr, stdout, HttpFake, TestEnv, ACCOUNT, REGION};
use serde_json::{json, Value};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, ResponseTemplate};

const DOMAIN: &str = "dzd_abc123";
const PROJECT: &str = "consumerproj1";
const ROLE_A: &str = "arn:aws:iam::123456789012:role/instance-role";
const ROLE_B: &str = "arn:aws:iam::123456789012:role/batch-role";

/// A minimal ELF64 x86_64 Linux executable header (no section headers, so no glibc needs):
/// enough for the package check, small enough to upload in every test.
fn tiny_elf() -> Vec<u8> {
    let mut h = vec![0u8; 64];
    h[..4].copy_from_slice(b"\x7fELF");
    h[4] = 2; // 64-bit
    h[5] = 1; // little-endian
    h[6] = 1; // version
    h[16] = 2; // ET_EXEC
    h[18] = 62; // x86_64
    h
}

pub(crate) fn tiny_zip(env: &TestEnv) -> String {
    let p = env.temp().join("lambda.zip");
    std::fs::write(&p, lakegate::package::zip_bootstrap(&tiny_elf()).unwrap()).unwrap();
    p.display().to_string()
}

/// Read moto directly with boto3 (not through lakegate): `code` sets `out`, printed as JSON.
pub(crate) fn boto(env: &TestEnv, code: &str) -> Value {
    let python = std::env::var("LAKEGATE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = format!(
        "import boto3, json\nc = lambda s: boto3.client(s, endpoint_url='{}', region_name='{REGION}', aws_access_key_id='test', aws_secret_access_key='test')\n{code}\nprint(json.dumps(out, default=str))\n",
        env.endpoint()
    );
    let o = Command::new(python)
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn actions(st: &Value) -> Vec<String> {
    match &st["Action"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        _ => vec![],
    }
}

#[test]
fn deploy_redeploy_status_and_undeploy_on_moto() {
    let env = TestEnv::new();
    let b = env.bucket("dep");
    let f = env.name("lgf");
    let zip = tiny_zip(&env);
    let deploy = |extra: &[&str]| {
        let mut args = vec![
            "-o",
            "json",
            "subscription",
            "deploy",
            "--domain",
            DOMAIN,
            "--bucket",
            &b,
            "--function-name",
            &f,
            "--zip",
            &zip,
        ];
        args.extend_from_slice(extra);
        env.json(args)
    };
    let o = deploy(&[]);
    assert_eq!(o["changed"], true);
    let results: Vec<(String, String)> = o["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().into(),
                r["result"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = [
        "SQS queue",
        "IAM role",
        "role inline policy",
        "Lambda function",
        "EventBridge rule",
        "Lambda permission",
    ]
    .iter()
    .map(|k| (k.to_string(), "created".to_string()))
    .collect();
    assert_eq!(results, want, "{o}");

    // Each resource's configuration, read from moto itself.
    let role = boto(
        &env,
        &format!("i = c('iam')\nout = {{'trust': i.get_role(RoleName='{f}-role')['Role']['AssumeRolePolicyDocument'], 'policy': i.get_role_policy(RoleName='{f}-role', PolicyName='lakegate-fulfiller')['PolicyDocument']}}"),
    );
    assert_eq!(
        role["trust"]["Statement"][0]["Principal"]["Service"],
        "lambda.amazonaws.com"
    );
    assert_eq!(role["trust"]["Statement"][0]["Action"], "sts:AssumeRole");
    let by_sid = |sid: &str| {
        statements(&role["policy"])
            .into_iter()
            .find(|s| s["Sid"] == sid)
            .unwrap_or_else(|| panic!("no {sid} in {}", role["policy"]))
    };
    let sids: Vec<String> = statements(&role["policy"])
        .iter()
        .map(|s| s["Sid"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        sids,
        [
            "Logs",
            "BucketPolicies",
            "Leases",
            "DataZoneRead",
            "DataZoneGrantStatus",
            "DeadLetterQueue"
        ]
    );
    assert_eq!(
        actions(&by_sid("BucketPolicies")),
        [
            "s3:GetBucketPolicy",
            "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy"
        ]
    );
    assert_eq!(
        by_sid("BucketPolicies")["Resource"],
        json!([format!("arn:aws:s3:::{b}")])
    );
    assert_eq!(
        actions(&by_sid("Leases")),
        ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    );
    assert_eq!(
        by_sid("Leases")["Resource"],
        json!([format!("arn:aws:s3:::{b}/.lakegate/locks/*")])
    );
    let domain_arn = format!("arn:aws:datazone:{REGION}:{ACCOUNT}:domain/{DOMAIN}");
    assert_eq!(by_sid("DataZoneRead")["Resource"], domain_arn);
    assert!(actions(&by_sid("DataZoneRead"))
        .iter()
        .all(|a| a.starts_with("datazone:Get") || a.starts_with("datazone:List")));
    assert_eq!(
        actions(&by_sid("DataZoneGrantStatus")),
        ["datazone:UpdateSubscriptionGrantStatus"]
    );
    assert_eq!(by_sid("DataZoneGrantStatus")["Resource"], domain_arn);
    assert_eq!(
        actions(&by_sid("Logs")),
        [
            "logs:CreateLogGroup",
            "logs:CreateLogStream",
            "logs:PutLogEvents"
        ]
    );

    let func = boto(
        &env,
        &format!("out = c('lambda').get_function_configuration(FunctionName='{f}')"),
    );
    assert_eq!(func["Runtime"], "provided.al2023");
    assert_eq!(func["Handler"], "bootstrap");
    assert_eq!(func["Architectures"], json!(["x86_64"]));
    assert_eq!(
        func["Role"],
        format!("arn:aws:iam::{ACCOUNT}:role/{f}-role")
    );
    let rule = boto(
        &env,
        &format!("e = c('events')\nout = {{'rule': e.describe_rule(Name='{f}-datazone'), 'targets': e.list_targets_by_rule(Rule='{f}-datazone')['Targets'], 'policy': json.loads(c('lambda').get_policy(FunctionName='{f}')['Policy'])}}"),
    );
    let pattern: Value =
        serde_json::from_str(rule["rule"]["EventPattern"].as_str().unwrap()).unwrap();
    assert_eq!(pattern["source"], json!(["aws.datazone"]));
    assert_eq!(pattern["detail"]["metadata"]["domain"], json!([DOMAIN]));
    assert!(pattern["detail-type"]
        .to_string()
        .contains("Subscription Grant Requested"));
    let t = &rule["targets"][0];
    assert_eq!(t["Arn"], func["FunctionArn"]);
    assert_eq!(t["RetryPolicy"]["MaximumRetryAttempts"], 8);
    assert_eq!(
        t["DeadLetterConfig"]["Arn"],
        format!("arn:aws:sqs:{REGION}:{ACCOUNT}:{f}-dlq")
    );
    let perm = &rule["policy"]["Statement"][0];
    assert_eq!(perm["Principal"]["Service"], "events.amazonaws.com");
    assert_eq!(
        perm["Condition"]["ArnLike"]["AWS:SourceArn"],
        format!("arn:aws:events:{REGION}:{ACCOUNT}:rule/{f}-datazone")
    );
    let queue = boto(
        &env,
        &format!("s = c('sqs')\nu = s.get_queue_url(QueueName='{f}-dlq')['QueueUrl']\nout = json.loads(s.get_queue_attributes(QueueUrl=u, AttributeNames=['Policy'])['Attributes']['Policy'])"),
    );
    assert_eq!(
        queue["Statement"][0]["Principal"]["Service"],
        "events.amazonaws.com"
    );
    assert_eq!(
        queue["Statement"][0]["Condition"]["ArnEquals"]["aws:SourceArn"],
        format!("arn:aws:events:{REGION}:{ACCOUNT}:rule/{f}-datazone")
    );

    // Again: nothing to change (the plan is empty).
    let o = deploy(&[]);
    assert_eq!(o["changed"], false, "{o}");
    let plan = env.json([
        "--dry-run",
        "-o",
        "json",
        "subscription",
        "deploy",
        "--domain",
        DOMAIN,
        "--bucket",
        &b,
        "--function-name",
        &f,
        "--zip",
        &zip,
    ]);
    assert_eq!(plan["changes"], json!([]), "{plan}");

    // A changed option updates only what it changes: the policy and the function's arguments.
    let o = deploy(&["--via", "access-point"]);
    let changed: Vec<(String, String)> = o["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["result"] != "unchanged")
        .map(|r| {
            (
                r["kind"].as_str().unwrap().into(),
                r["result"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            ("role inline policy".to_string(), "updated".to_string()),
            ("Lambda function".to_string(), "updated".to_string())
        ]
    );
    let env_vars = boto(
        &env,
        &format!("out = c('lambda').get_function_configuration(FunctionName='{f}')['Environment']['Variables']"),
    );
    assert_eq!(env_vars["LAKEGATE_EVENT_ARGS"], "--via access-point");

    // Through Access Grants: the events carry the choice, and the role gains exactly the Access
    // Grants permissions, iam:PassRole on the location role alone.
    let location_role = format!("arn:aws:iam::{ACCOUNT}:role/ag-location");
    deploy(&["--via", "access-grants", "--location-role", &location_role]);
    let env_vars = boto(
        &env,
        &format!("out = c('lambda').get_function_configuration(FunctionName='{f}')['Environment']['Variables']"),
    );
    assert_eq!(
        env_vars["LAKEGATE_EVENT_ARGS"],
        format!("--via access-grants --location-role {location_role}")
    );
    let policy = boto(
        &env,
        &format!("out = c('iam').get_role_policy(RoleName='{f}-role', PolicyName='lakegate-fulfiller')['PolicyDocument']"),
    );
    let st = policy["Statement"].as_array().unwrap();
    let ag = st
        .iter()
        .find(|s| s["Sid"] == "AccessGrants")
        .expect("AccessGrants");
    assert_eq!(
        actions(ag),
        [
            "s3:GetAccessGrantsInstance",
            "s3:ListAccessGrantsLocations",
            "s3:GetAccessGrantsLocation",
            "s3:ListAccessGrants",
            "s3:CreateAccessGrant",
            "s3:DeleteAccessGrant"
        ]
    );
    let pass = st
        .iter()
        .find(|s| s["Sid"] == "PassLocationRole")
        .expect("PassRole");
    assert_eq!(pass["Resource"], location_role.as_str());
    assert!(!st.iter().any(|s| s["Sid"] == "AccessPoints"), "{policy}");
    deploy(&["--via", "access-point"]);

    // Status: every resource present, the dead-letter queue empty.
    let s = env.json([
        "-o",
        "json",
        "subscription",
        "status",
        "--function-name",
        &f,
    ]);
    assert_eq!(s["deployed"], true);
    assert_eq!(s["dead_letters"], 0);
    let present = s["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["result"] == "present")
        .count();
    assert_eq!(present, 6, "{s}");

    // Undeploy is destructive: refused without --yes in a script, then removes everything.
    let a = env
        .lg(["subscription", "undeploy", "--function-name", &f])
        .code(2);
    assert!(stderr(&a).contains("--yes"), "{}", stderr(&a));
    let o = env.json([
        "-o",
        "json",
        "--yes",
        "subscription",
        "undeploy",
        "--function-name",
        &f,
    ]);
    assert_eq!(o["changed"], true);
    let left = boto(
        &env,
        &format!("import botocore\ndef gone(f):\n    try:\n        f(); return False\n    except botocore.exceptions.ClientError:\n        return True\nout = [gone(lambda: c('iam').get_role(RoleName='{f}-role')), gone(lambda: c('lambda').get_function(FunctionName='{f}')), gone(lambda: c('events').describe_rule(Name='{f}-datazone')), gone(lambda: c('sqs').get_queue_url(QueueName='{f}-dlq'))]"),
    );
    assert_eq!(left, json!([true, true, true, true]));
    let s = env.json([
        "-o",
        "json",
        "subscription",
        "status",
        "--function-name",
        &f,
    ]);
    assert_eq!(s["deployed"], false);
    assert_eq!(s["dead_letters"], Value::Null);
    // Nothing left: undeploy again changes nothing.
    let o = env.json([
        "-o",
        "json",
        "--yes",
        "subscription",
        "undeploy",
        "--function-name",
        &f,
    ]);
    assert_eq!(o["changed"], false);
}

#[test]
fn dry_run_prints_one_plan_with_every_resource_and_policy_and_changes_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("dry");
    let f = env.name("lgf");
    // A binary to check, zip and hash (the default, this very binary, is what scripts/demo
    // deploys: zipping a 100 MB debug build would dominate this test).
    let bin = env.temp().join("bootstrap");
    std::fs::write(&bin, tiny_elf()).unwrap();
    let plan = env.json([
        "--dry-run",
        "-o",
        "json",
        "subscription",
        "deploy",
        "--domain",
        DOMAIN,
        "--bucket",
        &b,
        "--function-name",
        &f,
        "--reconcile-every",
        "rate(1 hour)",
        "--binary",
        bin.to_str().unwrap(),
    ]);
    assert_eq!(plan["dry_run"], true);
    let targets: Vec<&str> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        [
            "sqs-queue",
            "iam-role",
            "role-inline-policy",
            "lambda-function",
            "event-rule",
            "lambda-permission",
            "event-rule",
            "lambda-permission"
        ]
    );
    assert!(plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["action"] == "create"));
    let reconcile = &plan["changes"][6]["after"];
    assert_eq!(reconcile["schedule_expression"], "rate(1 hour)");
    assert_eq!(
        reconcile["target"]["input"]["lakegate"],
        json!(["subscription", "reconcile", "--domain", DOMAIN, "--yes"])
    );
    assert!(plan["changes"][2]["after"]["Statement"].is_array());
    let s = env.json([
        "-o",
        "json",
        "subscription",
        "status",
        "--function-name",
        &f,
    ]);
    assert_eq!(s["deployed"], false);
}

#[test]
fn bad_packages_and_arguments_are_refused_before_any_call() {
    let env = TestEnv::offline();
    let script = env.temp().join("not-elf");
    std::fs::write(&script, "#!/bin/sh\n").unwrap();
    let base = [
        "subscription",
        "deploy",
        "--domain",
        DOMAIN,
        "--bucket",
        "lake",
    ];
    let a = env
        .lg(base
            .iter()
            .copied()
            .chain(["--binary", script.to_str().unwrap()]))
        .code(2);
    assert!(stderr(&a).contains("not an ELF"), "{}", stderr(&a));
    assert!(stderr(&a).contains("zigbuild"), "{}", stderr(&a));
    let a = env
        .lg(base.iter().copied().chain(["--reconcile-every", "hourly"]))
        .code(2);
    assert!(stderr(&a).contains("--reconcile-every"), "{}", stderr(&a));
    let a = env
        .lg(base.iter().copied().chain(["--function-name", "a b"]))
        .code(2);
    assert!(stderr(&a).contains("--function-name"), "{}", stderr(&a));
    let a = env
        .lg([
            "audit",
            "schedule",
            "--cron",
            "cron(0 6 ? * MON *)",
            "--all-buckets",
        ])
        .code(2);
    assert!(stderr(&a).contains("--upload"), "{}", stderr(&a));
    let a = env
        .lg([
            "audit",
            "schedule",
            "--cron",
            "cron(0 6 ? * MON *)",
            "--upload",
            "s3://r/a/",
            "--no-such",
        ])
        .code(2);
    assert!(
        stderr(&a).contains("audit report options"),
        "{}",
        stderr(&a)
    );
    // The upload location is checked as audit report checks it.
    let a = env
        .lg([
            "audit",
            "schedule",
            "--cron",
            "rate(7 days)",
            "--upload",
            "s3://r/a/",
            "--all-buckets",
        ])
        .code(2);
    assert!(stderr(&a).contains("--upload"), "{}", stderr(&a));
}

#[test]
fn audit_schedule_adds_a_rule_for_the_function_and_unschedule_removes_it() {
    let env = TestEnv::new();
    let b = env.bucket("sched");
    let f = env.name("lgf");
    let zip = tiny_zip(&env);
    env.json([
        "-o",
        "json",
        "subscription",
        "deploy",
        "--domain",
        DOMAIN,
        "--bucket",
        &b,
        "--function-name",
        &f,
        "--zip",
        &zip,
    ]);
    let upload = format!("s3://{b}/audit/");
    let o = env.json([
        "-o",
        "json",
        "audit",
        "schedule",
        "--function-name",
        &f,
        "--cron",
        "cron(0 6 ? * MON *)",
        "--upload",
        &upload,
        "--all-buckets",
    ]);
    assert_eq!(o["changed"], true);
    let rule = boto(
        &env,
        &format!("e = c('events')\nout = {{'rule': e.describe_rule(Name='{f}-audit-weekly'), 'targets': e.list_targets_by_rule(Rule='{f}-audit-weekly')['Targets'], 'policy': c('iam').get_role_policy(RoleName='{f}-role', PolicyName='lakegate-audit-weekly')['PolicyDocument']}}"),
    );
    assert_eq!(rule["rule"]["ScheduleExpression"], "cron(0 6 ? * MON *)");
    let input: Value = serde_json::from_str(rule["targets"][0]["Input"].as_str().unwrap()).unwrap();
    assert_eq!(
        input,
        json!({"lakegate": ["audit", "report", "--upload", upload, "--all-buckets"]})
    );
    assert_eq!(
        rule["policy"]["Statement"][1]["Resource"],
        format!("arn:aws:s3:::{b}/audit/*")
    );
    // Again: nothing changes.
    let o = env.json([
        "-o",
        "json",
        "audit",
        "schedule",
        "--function-name",
        &f,
        "--cron",
        "cron(0 6 ? * MON *)",
        "--upload",
        &upload,
        "--all-buckets",
    ]);
    assert_eq!(o["changed"], false);
    let o = env.json(["-o", "json", "audit", "unschedule", "--function-name", &f]);
    assert_eq!(o["changed"], true);
    let gone = boto(
        &env,
        &format!("import botocore\ntry:\n    c('events').describe_rule(Name='{f}-audit-weekly'); out = False\nexcept botocore.exceptions.ClientError:\n    out = True"),
    );
    assert_eq!(gone, true);
    env.json([
        "-o",
        "json",
        "--yes",
        "subscription",
        "undeploy",
        "--function-name",
        &f,
    ]);
}

// ---------------------------------------------------------------------------------------------
// Lambda mode
// ---------------------------------------------------------------------------------------------

/// A fixture's body with its placeholders filled.
fn fixture(name: &str, vars: &[(&str, &str)]) -> String {
    let p = format!(
        "{}/tests/fixtures/datazone/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut text = std::fs::read_to_string(&p).unwrap();
    for (k, v) in vars {
        text = text.replace(&format!("{{{{{k}}}}}"), v);
    }
    let v: Value = serde_json::from_str(&text).unwrap();
    v["body"].to_string()
}

fn ok_json(body: String) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "application/json")
        .set_body_string(body)
}

/// DataZone: request `id` of PROJECT for an S3 asset at `bucket_arn`; the project's one
/// environment and its S3 subscription target (ROLE_B).
fn datazone(fake: &HttpFake, id: &str, bucket_arn: &str) {
    let vars = [
        ("REQUEST", id),
        ("PROJECT", PROJECT),
        ("BUCKET_ARN", bucket_arn),
        ("ASSET_TYPE", "S3ObjectCollectionAssetType"),
        ("ENV2_ACCOUNT", ACCOUNT),
        ("ENV", "env2"),
        ("PRINCIPAL_A", ROLE_A),
        ("PRINCIPAL_B", ROLE_B),
    ];
    fake.mount(
        Mock::given(method("GET"))
            .and(path(format!(
                "/v2/domains/{DOMAIN}/subscription-requests/{id}"
            )))
            .respond_with(ok_json(fixture(
                "get-subscription-request-details.json",
                &vars,
            ))),
    );
    fake.mount(
        Mock::given(method("GET"))
            .and(path(format!("/v2/domains/{DOMAIN}/environments")))
            .respond_with(ok_json(fixture("list-environments-page2.json", &vars))),
    );
    fake.mount(
        Mock::given(method("GET"))
            .and(path(format!(
                "/v2/domains/{DOMAIN}/environments/env2/subscription-targets"
            )))
            .respond_with(ok_json(fixture(
                "list-subscription-targets-page2.json",
                &vars,
            ))),
    );
}

fn event(detail_type: &str, id: &str) -> String {
    fixture(
        "event-subscription-created.json",
        &[
            ("DETAIL_TYPE", detail_type),
            ("REQUEST", id),
            ("PROJECT", PROJECT),
        ],
    )
}

/// The Runtime API: `/next` hands out `events` in order (request ids `req-0`, `req-1`…), then
/// holds the next poll open; `/response` and `/error` are accepted (202).
fn runtime_api(events: &[String]) -> HttpFake {
    let api = HttpFake::new();
    for (i, body) in events.iter().enumerate() {
        api.mount(
            Mock::given(method("GET"))
                .and(path("/2018-06-01/runtime/invocation/next"))
                .respond_with(
                    ResponseTemplate::new(200)
                        .insert_header("content-type", "application/json")
                        .insert_header("Lambda-Runtime-Aws-Request-Id", format!("req-{i}").as_str())
                        .insert_header("Lambda-Runtime-Deadline-Ms", "4102444800000")
                        .insert_header(
                            "Lambda-Runtime-Invoked-Function-Arn",
                            "arn:aws:lambda:us-east-1:123456789012:function:lakegate-fulfiller",
                        )
                        .insert_header(
                            "Lambda-Runtime-Trace-Id",
                            "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700",
                        )
                        .set_body_string(body.clone()),
                )
                .up_to_n_times(1)
                .with_priority(1 + i as u8),
        );
    }
    api.mount(
        Mock::given(method("GET"))
            .and(path("/2018-06-01/runtime/invocation/next"))
            .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(300)))
            .with_priority(200),
    );
    api.mount(
        Mock::given(method("POST"))
            .and(path_regex(
                r"^/2018-06-01/runtime/invocation/[^/]+/(response|error)$",
            ))
            .respond_with(ResponseTemplate::new(202).set_body_string("{\"status\":\"OK\"}")),
    );
    api
}

/// Start the binary as the Lambda runtime would; returns it and the time it was started.
fn start_function(
    env: &TestEnv,
    api: &HttpFake,
    datazone: &HttpFake,
) -> (std::process::Child, Instant) {
    let home = env.temp().join("lambda-home");
    std::fs::create_dir_all(&home).unwrap();
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("lakegate"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("AWS_CONFIG_FILE", home.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("none"))
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", env.endpoint())
        .env("AWS_ENDPOINT_URL_DATAZONE", datazone.uri())
        .env("LAKEGATE_STATE_DIR", env.state_dir())
        .env(
            "AWS_LAMBDA_RUNTIME_API",
            api.uri().trim_start_matches("http://"),
        )
        .env("AWS_LAMBDA_FUNCTION_NAME", "lakegate-fulfiller")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    (c.spawn().unwrap(), started)
}

/// Wait until the function has posted `n` results; returns (path, body) of each, in order.
fn results(api: &HttpFake, n: usize) -> Vec<(String, Value)> {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let posts: Vec<(String, Value)> = api
            .received()
            .into_iter()
            .filter(|r| r.method.as_str() == "POST")
            .map(|r| {
                (
                    r.url.path().to_string(),
                    serde_json::from_slice(&r.body).unwrap_or(Value::Null),
                )
            })
            .collect();
        if posts.len() >= n {
            return posts;
        }
        assert!(
            Instant::now() < deadline,
            "only {} results: {posts:?}",
            posts.len()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn stop(mut child: std::process::Child) -> String {
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn as_the_function_it_fulfils_events_fails_bad_ones_and_a_retry_changes_nothing() {
    let env = TestEnv::new();
    let b = env.bucket("fn");
    let dz = HttpFake::new();
    datazone(&dz, "fnreq", &format!("arn:aws:s3:::{b}/genomes/"));
    let created = event("Subscription Created", "fnreq");
    let events = [
        created.clone(),
        // The same event again (EventBridge retries at least once): nothing changes.
        created,
        // A request DataZone does not know: the invocation fails, so EventBridge retries it.
        event("Subscription Created", "unknownreq"),
        // Neither a DataZone event nor a job.
        json!({"source": "aws.s3", "detail-type": "Object Created"}).to_string(),
        // A job whose verb is not allowed.
        json!({"lakegate": ["bucket", "delegate", b]}).to_string(),
    ];
    let api = runtime_api(&events);
    let (child, _) = start_function(&env, &api, &dz);
    let posts = results(&api, events.len());
    let log = stop(child);

    assert_eq!(
        posts[0].0, "/2018-06-01/runtime/invocation/req-0/response",
        "{posts:?}\n{log}"
    );
    assert_eq!(posts[0].1["action"], "grant");
    assert_eq!(posts[0].1["changed"], true);
    let doc = env.policy(&b).expect("the grant is in the bucket policy");
    assert!(
        statements(&doc)
            .iter()
            .any(|s| s["Sid"] == "LakegateSubfnreqObj"),
        "{doc}"
    );
    assert_eq!(posts[1].0, "/2018-06-01/runtime/invocation/req-1/response");
    assert_eq!(
        posts[1].1["changed"], false,
        "a retried event changes nothing"
    );
    assert_eq!(env.policy(&b), Some(doc));
    for (i, kind) in [
        (2, "lakegate.Failed"),
        (3, "lakegate.BadInput"),
        (4, "lakegate.BadInput"),
    ] {
        assert_eq!(
            posts[i].0,
            format!("/2018-06-01/runtime/invocation/req-{i}/error"),
            "{posts:?}"
        );
        assert_eq!(posts[i].1["errorType"], kind, "{:?}", posts[i]);
        assert!(!posts[i].1["errorMessage"].as_str().unwrap().is_empty());
    }
    assert!(posts[3].1["errorMessage"]
        .as_str()
        .unwrap()
        .contains("aws.s3"));
    assert!(posts[4].1["errorMessage"]
        .as_str()
        .unwrap()
        .contains("may not run"));

    // One JSON line per invocation, with its request id.
    let lines: Vec<Value> = log
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v.get("request_id").is_some())
        .collect();
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["request_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["req-0", "req-1", "req-2", "req-3", "req-4"], "{log}");
    assert_eq!(lines[0]["status"], "ok");
    assert_eq!(lines[2]["status"], "failed");
    assert_eq!(lines[2]["exit_code"], 1);
}

#[test]
fn started_by_the_runtime_without_its_variables_it_says_which_is_missing() {
    let env = TestEnv::offline();
    let a = env
        .bare_cmd()
        .env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9")
        .assert()
        .code(2);
    assert!(
        stderr(&a).contains("AWS_LAMBDA_FUNCTION_NAME"),
        "{}",
        stderr(&a)
    );
    assert!(stdout(&a).is_empty());
}

/// The current protocol through the function: a grant lakegate cannot fulfil (its subscriber is
/// an IAM Identity Center user, no IAM principal) is reported to DataZone as GRANT_FAILED with
/// the cause, and the invocation fails so that EventBridge retries it. DataZone's
/// UpdateSubscriptionGrantStatus:
/// https://docs.aws.amazon.com/datazone/latest/APIReference/API_UpdateSubscriptionGrantStatus.html
#[test]
fn as_the_function_a_grant_it_cannot_fulfil_is_reported_grant_failed() {
    let env = TestEnv::new();
    let b = env.bucket("fnfail");
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    let dz = crate::subscription::Fake::new();
    dz.accept_status_updates();
    dz.grant("grantfn", "subfn", "GRANT_PENDING", None, 5);
    dz.subscription(
        "subfn",
        "reqfn",
        &arn,
        json!({"user": {"id": "usr-sso", "details": {"sso": {"username": "ana", "firstName": "Ana", "lastName": "B"}}}}),
    );
    let events = [crate::subscription::grant_event(
        "Subscription Grant Requested",
        "grantfn",
    )];
    let api = runtime_api(&events);
    let (child, _) = start_function(&env, &api, &dz.0);
    let posts = results(&api, events.len());
    let log = stop(child);
    assert_eq!(
        posts[0].0, "/2018-06-01/runtime/invocation/req-0/error",
        "{posts:?}\n{log}"
    );
    assert_eq!(posts[0].1["errorType"], "lakegate.Failed", "{posts:?}");
    let updates = dz.status_updates();
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert!(
        updates[0].starts_with("grantfn/asset1 GRANT_FAILED: subscribed user usr-sso"),
        "{updates:?}"
    );
    assert!(
        posts[0].1["errorMessage"]
            .as_str()
            .unwrap()
            .contains("usr-sso"),
        "{posts:?}"
    );
    assert_eq!(env.policy_text(&b), None, "nothing was granted");
}
