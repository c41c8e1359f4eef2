//! `lakegate doctor`, and the endpoints each service is configured with (issue 15, items 6 and 10).
//!
//! DataZone and IAM Access Analyzer are not in moto: HTTP fakes answer their cheap reads with the
//! shapes the API references document:
//! - ListDomains, `GET /v2/domains` → `{"items": [...]}`:
//!   <https://docs.aws.amazon.com/datazone/latest/APIReference/API_ListDomains.html>
//! - ListAnalyzers, `GET /analyzer` → `{"analyzers": [...]}`:
//!   <https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListAnalyzers.html>
//!
//! The `[services]` section and AWS_ENDPOINT_URL_<SERVICE>:
//! <https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html> (service keys:
//! <https://docs.aws.amazon.com/sdkref/latest/guide/ss-endpoints-table.html>, `s3_control`).

use crate::harness::{stdout, HttpFake, TestEnv, ACCOUNT, EC2_ROLE, REGION};
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

fn json_reply(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header("content-type", "application/json")
        .set_body_string(body.to_string())
}

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report}"))
}

#[test]
fn doctor_passes_on_moto_with_fakes_for_datazone_and_access_analyzer() {
    let env = TestEnv::new();
    let datazone = HttpFake::new();
    datazone.mount(
        Mock::given(method("GET"))
            .and(path("/v2/domains"))
            .respond_with(json_reply(r#"{"items": []}"#)),
    );
    let analyzer = HttpFake::new();
    analyzer.mount(
        Mock::given(method("GET"))
            .and(path("/analyzer"))
            .respond_with(json_reply(r#"{"analyzers": []}"#)),
    );
    // No --endpoint-url: AWS_ENDPOINT_URL for moto, and each fake by its service's variable.
    let run = |args: &[&str]| {
        env.bare_cmd()
            .env("AWS_ENDPOINT_URL", env.endpoint())
            .env("AWS_ENDPOINT_URL_DATAZONE", datazone.uri())
            .env("AWS_ENDPOINT_URL_ACCESSANALYZER", analyzer.uri())
            .args(args)
            .assert()
    };
    let a = run(&["doctor", "-o", "json"]).success();
    let v: Value = serde_json::from_str(&stdout(&a)).expect("JSON");
    assert_eq!(v["ok"], true, "{v}");
    for c in v["checks"].as_array().unwrap() {
        assert_ne!(c["status"], "fail", "{c}");
    }
    assert_eq!(check(&v, "region")["status"], "pass");
    let creds = check(&v, "credentials");
    assert_eq!(creds["status"], "pass");
    assert!(
        creds["detail"].as_str().unwrap().contains(ACCOUNT),
        "{creds}"
    );
    for s in [
        "STS",
        "S3",
        "S3 Control",
        "IAM",
        "EC2",
        "Athena",
        "Glue",
        "DataZone",
        "Access Analyzer",
        "Organizations",
    ] {
        let c = check(&v, &format!("endpoint {s}"));
        assert_eq!(c["status"], "pass", "{c}");
    }
    assert_eq!(check(&v, "endpoint DataZone")["endpoint"], datazone.uri());
    assert_eq!(
        check(&v, "endpoint Access Analyzer")["endpoint"],
        analyzer.uri()
    );
    // moto has no SimulatePrincipalPolicy: what the reads showed, the rest honestly unknown.
    let s3 = check(&v, "permissions S3");
    assert_eq!(s3["status"], "unknown", "{s3}");
    assert!(
        s3["detail"]
            .as_str()
            .unwrap()
            .contains("s3:ListAllMyBuckets allowed"),
        "{s3}"
    );
    assert!(!datazone.received().is_empty() && !analyzer.received().is_empty());

    // The table: one line per check.
    let a = run(&["doctor"]).success();
    let out = stdout(&a);
    assert!(out.starts_with("CHECK"), "{out}");
    assert_eq!(
        out.lines().count(),
        1 + v["checks"].as_array().unwrap().len(),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("endpoint S3 Control") && l.contains(" pass ")),
        "{out}"
    );
}

#[test]
fn doctor_with_a_dead_endpoint_prints_fail_lines_and_exits_1() {
    let env = TestEnv::offline();
    let a = env
        .cmd()
        .args(["doctor", "--timeout", "2"])
        .assert()
        .code(1);
    let out = stdout(&a);
    for name in ["credentials", "endpoint STS", "endpoint S3 "] {
        let line = out
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} line:\n{out}"));
        assert!(line.contains(" fail "), "{line}");
    }
    assert!(out.contains("Connection refused"), "{out}");
    let stderr = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(stderr.contains("doctor: 3 failed"), "{stderr}");

    let a = env.cmd().args(["doctor", "-o", "json"]).assert().code(1);
    let v: Value = serde_json::from_str(&stdout(&a)).expect("JSON");
    assert_eq!(v["ok"], false);
    assert_eq!(check(&v, "endpoint S3")["status"], "fail");
    assert_eq!(check(&v, "endpoint Athena")["status"], "warn");
}

/// Item 6: a profile's `[services]` section names S3 Control's endpoint as `s3_control` (the
/// documented key; the SDK alone looks for `s3-control`), and `accesspoint list` goes there with
/// no --endpoint-url. AWS_ENDPOINT_URL_S3_CONTROL does the same.
#[test]
fn services_section_s3_control_endpoint_is_used_without_endpoint_url() {
    let env = TestEnv::new();
    let b = env.bucket("svc");
    let ap = env.create_ap("svc", &b, "sales_event/", EC2_ROLE, "read");
    let local = format!("http://127.0.0.1:{}", env.port());
    let config = env.temp().join("config");
    std::fs::write(
        &config,
        format!(
            "[profile lake]\nregion = {REGION}\nservices = local-lake\n\
             aws_access_key_id = test\naws_secret_access_key = test\n\n\
             [services local-lake]\n\
             s3_control =\n  endpoint_url = {local}\n\
             sts =\n  endpoint_url = {local}\n\
             s3 =\n  endpoint_url = {local}\n"
        ),
    )
    .unwrap();
    let names = |a: assert_cmd::assert::Assert| -> Vec<String> {
        let v: Value = serde_json::from_str(&stdout(&a)).expect("JSON");
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    let a = env
        .bare_cmd()
        .env("AWS_CONFIG_FILE", &config)
        .args([
            "--profile",
            "lake",
            "accesspoint",
            "list",
            "--bucket",
            &b,
            "-o",
            "json",
        ])
        .assert()
        .success();
    assert_eq!(names(a), vec![ap.clone()]);

    // The same profile through AWS_PROFILE, and doctor names the endpoint it used.
    let a = env
        .bare_cmd()
        .env("AWS_CONFIG_FILE", &config)
        .env("AWS_PROFILE", "lake")
        .args(["doctor", "-o", "json"])
        .assert();
    let v: Value = serde_json::from_str(&stdout(&a)).expect("JSON");
    let c = check(&v, "endpoint S3 Control");
    assert_eq!(c["status"], "pass", "{c}");
    assert_eq!(
        c["endpoint"],
        format!("http://{ACCOUNT}.127.0.0.1:{}", env.port())
    );

    // AWS_ENDPOINT_URL_S3_CONTROL (with STS and S3 by theirs), no profile.
    let a = env
        .bare_cmd()
        .env("AWS_ENDPOINT_URL_S3_CONTROL", &local)
        .env("AWS_ENDPOINT_URL_STS", &local)
        .env("AWS_ENDPOINT_URL_S3", &local)
        .args(["accesspoint", "list", "--bucket", &b, "-o", "json"])
        .assert()
        .success();
    assert_eq!(names(a), vec![ap]);
}
