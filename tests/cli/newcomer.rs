//! Issue 25, "a newcomer's first hour": each wrong answer seen there, asked again. (The prompt and
//! the 80-column tables are in `pty.rs`, which runs lakegate in a terminal.)

use crate::harness::{
    assert_usage_error, stderr, stdout, TestEnv, ACCOUNT, ANALYST_ROLE, EC2_ROLE, REGION,
};
use serde_json::Value;

/// The JSON answer of `access check`, allowed (exit 0) or denied (exit 3).
fn answer(env: &TestEnv, args: &[&str]) -> Value {
    let a = env.lg(args).code(predicates::ord::lt(4));
    serde_json::from_str(&stdout(&a)).expect("JSON")
}

fn ap_arn(name: &str) -> String {
    format!("arn:aws:s3:{REGION}:{ACCOUNT}:accesspoint/{name}")
}

/// Item 4: the seed passes the access point's ARN where the bucket goes; its alias is accepted
/// wherever a bucket name is (as S3 accepts it); `--access-point` needs no `--bucket`.
#[test]
fn access_point_arns_and_aliases_stand_for_their_bucket() {
    let env = TestEnv::new();
    let b = env.bucket("seed");
    env.lg(["bucket", "delegate", &b]).success();
    let ap = env.create_ap("ec2-consumer", &b, "sales_event/", EC2_ROLE, "read-write");
    let arn = ap_arn(&ap);
    let alias = env.json(["accesspoint", "get", &ap, "-o", "json"])["alias"]
        .as_str()
        .expect("moto gives access points an alias")
        .to_string();

    // The seed's put-object through the access point, as `access check` asks it.
    for bucket in [arn.as_str(), alias.as_str()] {
        let v = env.json([
            "access",
            "check",
            "--principal",
            EC2_ROLE,
            "--action",
            "s3:PutObject",
            "--bucket",
            bucket,
            "--key",
            "sales_event/a.json",
            "-o",
            "json",
        ]);
        assert_eq!(v["allowed"], true, "{bucket}: {v}");
        assert_eq!(
            v["access_point"], arn,
            "{bucket}: through the access point: {v}"
        );
    }
    // --access-point alone: its bucket is the bucket.
    let v = env.json([
        "access",
        "check",
        "--principal",
        EC2_ROLE,
        "--action",
        "s3:GetObject",
        "--access-point",
        &arn,
        "--key",
        "sales_event/a.json",
        "-o",
        "json",
    ]);
    assert_eq!(v["allowed"], true, "{v}");
    assert!(v["resource"].as_str().unwrap().contains(&b), "{v}");
    // ... and in `access matrix` too, by name.
    let v = env.json([
        "access",
        "matrix",
        "--principal",
        EC2_ROLE,
        "--prefix",
        "sales_event/",
        "--access-point",
        &ap,
        "--no-direct",
        "-o",
        "json",
    ]);
    let rows = v.as_array().expect("matrix rows");
    assert!(!rows.is_empty(), "{v}");
    assert!(rows.iter().all(|r| r["access_point"] == ap.as_str()), "{v}");

    // Access point verbs take the ARN or the alias for NAME.
    for name in [arn.as_str(), alias.as_str()] {
        let v = env.json(["accesspoint", "get", name, "-o", "json"]);
        assert_eq!(v["name"], ap, "{name}: {v}");
    }
    // A bucket verb and a bucket flag take them for the bucket they serve.
    let v = env.json(["bucket", "policy", "get", &arn, "-o", "json"]);
    assert!(
        v.to_string().contains("LakegateDelegateToAccessPoints"),
        "{v}"
    );
    let v = env.json(["accesspoint", "list", "--bucket", &alias, "-o", "json"]);
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v[0]["name"], ap);

    // An access point that does not exist, and one of another region, say so.
    let missing = ap_arn(&env.name("nope"));
    let a = env.lg(["bucket", "policy", "get", &missing]).code(1);
    assert!(stderr(&a).contains("does not exist"), "{}", stderr(&a));
    let elsewhere = format!("arn:aws:s3:eu-west-1:{ACCOUNT}:accesspoint/{ap}");
    let a = env.lg(["accesspoint", "get", &elsewhere]).code(2);
    assert!(stderr(&a).contains("--region eu-west-1"), "{}", stderr(&a));
    // Not an access point ARN at all: refused by its type, naming the flag.
    assert_usage_error(
        env.lg([
            "accesspoint",
            "list",
            "--bucket",
            "arn:aws:iam::123456789012:role/x",
        ]),
        "--bucket",
    );
}

/// Item 8: `who-can s3://…` and `check`/`matrix --bucket --prefix`: each takes both forms.
#[test]
fn who_can_check_and_matrix_take_both_forms() {
    let env = TestEnv::new();
    let b = env.bucket("forms");
    env.lg(["bucket", "delegate", &b]).success();
    env.create_ap("forms", &b, "sales_event/", ANALYST_ROLE, "read");

    let url = env.json([
        "access",
        "who-can",
        &format!("s3://{b}/sales_event/"),
        "-o",
        "json",
    ]);
    let flags = env.json([
        "access",
        "who-can",
        "--bucket",
        &b,
        "--prefix",
        "sales_event/",
        "-o",
        "json",
    ]);
    assert_eq!(url, flags);
    assert!(url.to_string().contains("AnalystRole"), "{url}");

    let flags = answer(
        &env,
        &[
            "access",
            "check",
            "--principal",
            ANALYST_ROLE,
            "--action",
            "s3:GetObject",
            "--bucket",
            &b,
            "--key",
            "sales_event/x.csv",
            "-o",
            "json",
        ],
    );
    let url = answer(
        &env,
        &[
            "access",
            "check",
            "--principal",
            ANALYST_ROLE,
            "--action",
            "s3:GetObject",
            &format!("s3://{b}/sales_event/x.csv"),
            "-o",
            "json",
        ],
    );
    assert_eq!(url["resource"], flags["resource"]);
    assert_eq!(url["decision"], flags["decision"]);

    let flags = env.json([
        "access",
        "matrix",
        "--bucket",
        &b,
        "--prefix",
        "sales_event/",
        "-o",
        "json",
    ]);
    let url = env.json([
        "access",
        "matrix",
        &format!("s3://{b}/sales_event/"),
        "-o",
        "json",
    ]);
    assert_eq!(url, flags);

    // The two forms at once are refused, naming them.
    assert_usage_error(
        env.lg(["access", "who-can", &format!("s3://{b}/"), "--bucket", &b]),
        "--bucket",
    );
}

/// Item 5: the README's and help's example runs (the AWS CLI's backtick string literal).
#[test]
fn the_documented_query_example_runs() {
    let env = TestEnv::new();
    let a = env
        .lg(["doctor", "-o", "json", "--query", "checks[?status==`fail`]"])
        .code(predicates::ord::lt(2));
    let v: Value = serde_json::from_str(&stdout(&a)).expect("a JSON array");
    assert!(v.is_array(), "{v}");
    for c in v.as_array().unwrap() {
        assert_eq!(c["status"], "fail", "{v}");
    }
    let v = env.json([
        "doctor",
        "-o",
        "json",
        "--query",
        "checks[?status==`pass`].check",
    ]);
    assert!(v.as_array().unwrap().iter().any(|c| c == "region"), "{v}");
}

/// Item 6: DataZone against an endpoint that is not DataZone (moto has none) says which endpoint
/// answered and how to point DataZone elsewhere; sample events to start from.
#[test]
fn datazone_errors_point_the_way_and_sample_events_are_shipped() {
    let env = TestEnv::new();
    let ev = stdout(
        &env.lg([
            "subscription",
            "handle-event",
            "--example",
            "grant-requested",
        ])
        .success(),
    );
    let v: Value = serde_json::from_str(&ev).expect("the example is JSON");
    assert_eq!(v["source"], "aws.datazone");
    assert_eq!(v["detail-type"], "Subscription Grant Requested");
    assert_eq!(
        v["detail"]["metadata"]["typeName"],
        "SubscriptionGrantEntityType"
    );
    for kind in [
        "grant-revoke-requested",
        "subscription-created",
        "subscription-cancelled",
        "subscription-revoked",
    ] {
        env.lg(["subscription", "handle-event", "--example", kind])
            .success();
    }
    let file = env.temp().join("event.json");
    std::fs::write(&file, &ev).unwrap();
    let a = env
        .cmd()
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["subscription", "handle-event", "--file"])
        .arg(&file)
        .assert()
        .code(1);
    let err = stderr(&a);
    assert!(err.contains(&env.endpoint()), "names the endpoint: {err}");
    assert!(err.contains("AWS_ENDPOINT_URL_DATAZONE"), "{err}");
    assert!(err.contains("lakegate doctor"), "{err}");
}

/// Item 7: the small wrong answers.
#[test]
fn small_wrong_answers_are_right() {
    let env = TestEnv::new();

    // An ignored event under --dry-run says dry_run: true.
    let ignored = r#"{"version":"0","source":"aws.datazone","detail-type":"Asset Added To Catalog","detail":{"metadata":{"domain":"dzd_abc123"},"data":{}}}"#;
    let file = env.temp().join("ignored.json");
    std::fs::write(&file, ignored).unwrap();
    let v = env.json([
        "--dry-run",
        "subscription",
        "handle-event",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(v["action"], "ignore", "{v}");
    assert_eq!(v["dry_run"], true, "{v}");

    // accesspoint list --bucket of a bucket that does not exist: no such bucket, exit 1.
    let a = env
        .lg([
            "accesspoint",
            "list",
            "--bucket",
            &env.name("no-such-bucket"),
        ])
        .code(1);
    assert!(stderr(&a).contains("does not exist"), "{}", stderr(&a));
    assert!(!stderr(&a).contains("no access points"), "{}", stderr(&a));

    // A first bucket policy: no "previous document kept".
    let b = env.bucket("first-policy");
    let a = env.lg(["bucket", "delegate", &b]).success();
    let out = stdout(&a);
    assert!(!out.contains("previous document kept"), "{out}");
    assert!(out.contains("there was no policy before"), "{out}");
    // The second change had one.
    let ap = env.create_ap("first-policy", &b, "a/", EC2_ROLE, "read");
    let a = env
        .lg([
            "accesspoint",
            "grant",
            &ap,
            "--prefix",
            "b/",
            "--principal",
            ANALYST_ROLE,
            "--access",
            "read",
        ])
        .success();
    assert!(
        stdout(&a).contains("previous document kept as version"),
        "{}",
        stdout(&a)
    );

    // bucket delegate -h shows BUCKET as required; --bucket still stands in for it.
    let help = stdout(&env.lg(["bucket", "delegate", "-h"]).success());
    assert!(
        help.contains("<BUCKET>") && !help.contains("[BUCKET]"),
        "{help}"
    );
    env.lg(["bucket", "delegate", "--bucket", &b]).success();
    let a = env.lg(["bucket", "delegate"]).code(2);
    assert!(
        stderr(&a).contains("required arguments were not provided:\n  <BUCKET>"),
        "{}",
        stderr(&a)
    );

    // The delete refusal reads as one sentence.
    let a = env.lg(["accesspoint", "delete", &ap]).code(2);
    let err = stderr(&a);
    assert!(
        err.contains(&format!(
            "refusing to delete access point {ap} of bucket {b} (applications using it lose access) without confirmation: pass --yes"
        )),
        "{err}"
    );
    assert!(env.ap_exists(&ap));
}

/// Item 7: a region that is not one is refused with the closest, with an endpoint URL too.
#[test]
fn mistyped_regions_are_refused_with_the_closest() {
    let env = TestEnv::offline();
    for args in [
        vec!["--region", "us-east1", "whoami"],
        vec![
            "--region",
            "us-east1",
            "--endpoint-url",
            "http://localhost:9",
            "whoami",
        ],
    ] {
        let a = env.bare_cmd().args(&args).assert();
        assert_usage_error(a, "invalid --region 'us-east1': did you mean us-east-1?");
    }
    let a = env
        .bare_cmd()
        .args([
            "--endpoint-url",
            "http://localhost:9",
            "--region",
            "anything",
            "whoami",
        ])
        .assert();
    assert_usage_error(a, "invalid --region 'anything'");
    let a = env
        .bare_cmd()
        .env("AWS_REGION", "eu_west_1")
        .args(["whoami"])
        .assert();
    assert_usage_error(a, "did you mean eu-west-1?");
}

/// Item 8: one spelling, `--concurrency` (`--parallel` still works, hidden); `accesspoint
/// revoke` confirms; completion offers `subscription`, not its alias.
#[test]
fn one_spelling_per_idea() {
    let env = TestEnv::new();
    let b = env.bucket("spelling");
    let ap = env.create_ap("spelling", &b, "a/", EC2_ROLE, "read");
    for flag in ["--concurrency", "--parallel"] {
        env.lg(["export", "--bucket", &b, flag, "2"]).success();
    }
    let help = stdout(&env.lg(["export", "--help"]).success());
    assert!(
        help.contains("--concurrency") && !help.contains("--parallel"),
        "{help}"
    );

    // Off a terminal, without --yes: exit 2, the grant still there.
    let a = env.lg(["accesspoint", "revoke", &ap, "--principal", EC2_ROLE]);
    assert_usage_error(a, "without confirmation: pass --yes");
    assert!(env
        .ap_policy(&ap)
        .unwrap()
        .to_string()
        .contains("Ec2ConsumerRole"));
    // Nothing to revoke asks nothing.
    env.lg(["accesspoint", "revoke", &ap, "--principal", ANALYST_ROLE])
        .success();
    env.lg([
        "accesspoint",
        "revoke",
        &ap,
        "--principal",
        EC2_ROLE,
        "--yes",
    ])
    .success();

    let mut c = env.bare_cmd();
    c.env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", "1")
        .args(["--", "lakegate", "su"]);
    let offered = String::from_utf8_lossy(&c.output().unwrap().stdout).into_owned();
    let offered: Vec<&str> = offered.lines().collect();
    assert_eq!(offered, ["subscription"], "{offered:?}");
    // The alias still completes what follows it.
    let mut c = env.bare_cmd();
    c.env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .args(["--", "lakegate", "sub", "handle-e"]);
    let offered = String::from_utf8_lossy(&c.output().unwrap().stdout).into_owned();
    assert!(offered.lines().any(|l| l == "handle-event"), "{offered:?}");
}
