//! Exact answers (issue 22) end to end, offline: the issue's own bucket policy, where a partner of
//! another account reads every `.csv` under `sales_event/` and the analyst reads the rest of it
//! but not `pii` folders. Sampling one probe key per prefix missed the partner entirely.

use crate::harness::{stdout, TestEnv};
use serde_json::{json, Value};

const OWNER: &str = "123456789012";
const PARTNER: &str = "arn:aws:iam::999988887777:role/partner";
const ANALYST: &str = "arn:aws:iam::123456789012:role/analyst";

fn issue_policy(env: &TestEnv) -> String {
    let bp = json!({"Version":"2012-10-17","Statement":[
     {"Sid":"CsvToPartner","Effect":"Allow","Principal":{"AWS":PARTNER},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*.csv"},
     {"Sid":"AnalystAll","Effect":"Allow","Principal":{"AWS":ANALYST},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*"},
     {"Sid":"NoPiiForAnalyst","Effect":"Deny","Principal":{"AWS":ANALYST},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*/pii/*"}]});
    let p = env.temp().join("bp.json");
    std::fs::write(&p, bp.to_string()).unwrap();
    p.to_string_lossy().into_owned()
}

fn run(env: &TestEnv, args: &[&str]) -> (i32, Value) {
    let a = env.lg(args.to_vec());
    let code = a.get_output().status.code().unwrap_or(-1);
    let out = stdout(&a);
    let v = if out.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    };
    (code, v)
}

#[test]
fn matrix_reports_the_partner_and_the_pii_deny() {
    let env = TestEnv::offline();
    let bp = issue_policy(&env);
    let (code, m) = run(
        &env,
        &[
            "access",
            "matrix",
            "-o",
            "json",
            "--bucket-policy",
            &bp,
            "--bucket-owner",
            OWNER,
        ],
    );
    assert_eq!(code, 0, "{m}");
    let row = |who: &str| {
        m.as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["principal"] == who
                    && r["prefix"] == "sales_event/"
                    && r["access_point"].is_null()
            })
            .cloned()
            .unwrap_or_else(|| panic!("no row of {who}: {m:#}"))
    };
    let partner = row(PARTNER);
    assert_eq!(partner["read"]["decision"], "allowed", "{partner:#}");
    assert_eq!(partner["read"]["keys"], json!(["sales_event/*.csv"]));
    assert_eq!(partner["read"]["partial"], true);
    let analyst = row(ANALYST);
    assert_eq!(analyst["read"]["decision"], "allowed");
    assert_eq!(analyst["read"]["except"], json!(["sales_event/*/pii/*"]));
    assert_eq!(analyst["write"]["decision"], "implicitly-denied");

    // The table says so too.
    let a = env
        .lg([
            "access",
            "matrix",
            "--bucket-policy",
            &bp,
            "--bucket-owner",
            OWNER,
        ])
        .success();
    assert!(stdout(&a).contains("partial"), "{}", stdout(&a));
}

#[test]
fn who_can_answers_for_everything_under_the_url_offline() {
    let env = TestEnv::offline();
    let bp = issue_policy(&env);
    let (code, rows) = run(
        &env,
        &[
            "access",
            "who-can",
            "s3://lake/",
            "-o",
            "json",
            "--bucket-policy",
            &bp,
            "--bucket-owner",
            OWNER,
        ],
    );
    assert_eq!(code, 0);
    let rows = rows.as_array().unwrap();
    let who: Vec<&str> = rows
        .iter()
        .map(|r| r["principal"].as_str().unwrap())
        .collect();
    assert_eq!(who, [PARTNER, ANALYST]);
    assert_eq!(rows[0]["external"], true);
    assert_eq!(rows[0]["keys"], json!(["sales_event/*.csv"]));
    assert_eq!(rows[1]["except"], json!(["sales_event/*/pii/*"]));
    // Inside a pii folder only the partner reads (its .csv files).
    let (_, rows) = run(
        &env,
        &[
            "access",
            "who-can",
            "s3://lake/sales_event/2026/pii/",
            "-o",
            "json",
            "--bucket-policy",
            &bp,
            "--bucket-owner",
            OWNER,
        ],
    );
    let who: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["principal"].as_str().unwrap())
        .collect();
    assert_eq!(who, [PARTNER]);
    // Nobody writes: said in one line, exit 0.
    let a = env
        .lg([
            "access",
            "who-can",
            "s3://lake/",
            "--action",
            "write",
            "--bucket-policy",
            &bp,
            "--bucket-owner",
            OWNER,
        ])
        .success();
    let said = format!("{}{}", stdout(&a), crate::harness::stderr(&a));
    assert!(said.contains("no principal may write s3://lake/"), "{said}");
}

#[test]
fn prove_refutes_with_a_counterexample_and_holds_with_exit_0() {
    let env = TestEnv::offline();
    let bp = issue_policy(&env);
    let offline = ["--bucket-policy", bp.as_str(), "--bucket-owner", OWNER];
    let prove = |extra: &[&str]| {
        let mut a = vec!["access", "prove", "-o", "json"];
        a.extend_from_slice(extra);
        a.extend_from_slice(&offline);
        run(&env, &a)
    };
    let (code, v) = prove(&["--never", "external-read"]);
    assert_eq!(code, 3, "{v}");
    assert_eq!(v["holds"], false);
    let c = &v["counterexample"];
    assert_eq!(c["principal"], PARTNER);
    assert_eq!(c["key"], "sales_event/.csv");
    assert_eq!(c["action"], "s3:GetObject");
    assert_eq!(c["access_point"], Value::Null);
    assert!(
        c["statements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["sid"] == "CsvToPartner"),
        "{c}"
    );

    let (code, v) = prove(&["--never", "external-write"]);
    assert_eq!((code, &v["holds"]), (0, &json!(true)));
    let (code, _) = prove(&["--never", "external-read", "--prefix", "inventory_event/"]);
    assert_eq!(code, 0);
    let (code, v) = prove(&[
        "--only",
        ANALYST,
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ]);
    assert_eq!(code, 3);
    assert_eq!(v["counterexample"]["principal"], PARTNER);
    let (code, _) = prove(&[
        "--only",
        ANALYST,
        "--only",
        PARTNER,
        "--prefix",
        "sales_event/",
    ]);
    assert_eq!(code, 0);

    // For people: the guardrail, then the counterexample in one line.
    let mut a = vec!["access", "prove", "--never", "external-read"];
    a.extend_from_slice(&offline);
    let out = env.lg(a).code(3);
    let text = stdout(&out);
    assert!(
        text.starts_with("does not hold: never external-read anywhere (s3://lake)"),
        "{text}"
    );
    assert!(
        text.contains(&format!("{PARTNER} may s3:GetObject s3://lake/sales_event/.csv directly, allowed by bucket CsvToPartner")),
        "{text}"
    );
    // --only needs --prefix; --never and --only exclude each other: bad input.
    env.lg(["access", "prove", "--only", ANALYST, "--bucket-policy", &bp])
        .code(2);
    env.lg([
        "access",
        "prove",
        "--never",
        "public-read",
        "--only",
        ANALYST,
        "--prefix",
        "x/",
        "--bucket-policy",
        &bp,
    ])
    .code(2);
}
