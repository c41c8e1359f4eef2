//! A lake file's `guardrails:` on moto: `diff -f` and `apply -f` prove them against the planned
//! policies and refuse a plan that breaks one (exit 5, the counterexample named, nothing
//! applied); `access prove -f` proves them offline against the policies the file declares.

use crate::harness::{stderr, stdout, TestEnv, ACCOUNT, EC2_ROLE};
use serde_json::{json, Value};
use std::path::PathBuf;

const PARTNER: &str = "arn:aws:iam::999988887777:role/partner";

/// A bucket delegating to one access point whose grants are `writers` (write on
/// `sales_event/`), under the guardrails "nothing external writes" and "nothing public reads".
fn lake_file(bucket: &str, ap: &str, writers: &[&str]) -> String {
    format!(
        "apiVersion: lakegate/v1
kind: Lake
guardrails:
  - never: external-write
  - never: public-read
    prefix: sales_event/
buckets:
  - name: {bucket}
    delegate: true
    accessPoints:
      - name: {ap}
        grants:
          - principals: [{}]
            prefix: sales_event/
            access: write
",
        writers.join(", ")
    )
}

fn write(env: &TestEnv, text: &str) -> PathBuf {
    let p = env.temp().join("lake.yaml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_plan_giving_an_external_account_write_is_refused_with_the_counterexample() {
    let env = TestEnv::new();
    let b = env.bucket("guarded");
    let ap = env.name("writers");

    // The lake as reviewed: an internal writer; both guardrails hold, and the plan says so.
    let file = write(&env, &lake_file(&b, &ap, &[EC2_ROLE]));
    let f = file.to_str().unwrap();
    let a = env.lg(["diff", "-f", f]).code(4);
    let out = stdout(&a);
    assert!(out.contains("Guardrails after the change:"), "{out}");
    assert!(
        out.contains(&format!("holds: never external-write anywhere (s3://{b})")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "holds: never public-read under sales_event/ (s3://{b})"
        )),
        "{out}"
    );
    let a = env.lg(["apply", "-f", f]).success();
    assert!(
        stdout(&a).contains("holds: never external-write anywhere"),
        "{}",
        stdout(&a)
    );
    let before_bp = env.policy_text(&b).unwrap();
    let before_ap = env.ap_policy(&ap).unwrap();
    env.lg(["diff", "-f", f]).success();

    // The pull request: the partner account joins the writers.
    let file = write(&env, &lake_file(&b, &ap, &[EC2_ROLE, PARTNER]));
    let f = file.to_str().unwrap();
    let a = env.lg(["diff", "-f", f]).code(5);
    let out = stdout(&a);
    assert!(
        out.contains(&format!(
            "does not hold: never external-write anywhere (s3://{b})"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("{PARTNER} may s3:PutObject s3://{b}/sales_event/")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "through access point {ap}, allowed by access-point:{ap} LakegateWrite"
        )),
        "{out}"
    );
    // The other guardrail still holds and is said to.
    assert!(
        out.contains("holds: never public-read under sales_event/"),
        "{out}"
    );
    let err = stderr(&a);
    assert!(
        err.starts_with("error: the plan breaks a guardrail: guardrail never external-write anywhere does not hold"),
        "{err}"
    );
    assert!(err.contains(PARTNER), "{err}");

    // As data: the counterexample's principal, key, action, route and statements.
    let a = env.lg(["diff", "-f", f, "-o", "json"]).code(5);
    let plan: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let g = &plan["guardrails"];
    assert_eq!(g.as_array().unwrap().len(), 2, "{plan:#}");
    assert_eq!(g[0]["holds"], json!(false));
    assert_eq!(g[0]["bucket"], json!(b));
    let c = &g[0]["counterexample"];
    assert_eq!(c["principal"], json!(PARTNER));
    assert_eq!(c["action"], json!("s3:PutObject"));
    assert_eq!(c["access_point"], json!(ap));
    assert!(
        c["key"].as_str().unwrap().starts_with("sales_event/"),
        "{c}"
    );
    assert_eq!(
        c["statements"][0]["policy"],
        json!(format!("access-point:{ap}"))
    );
    assert_eq!(g[1]["holds"], json!(true));

    // apply -f refuses the same plan, with --yes too, and changes nothing.
    for extra in [&[][..], &["--yes"][..]] {
        let a = env
            .lg(["apply", "-f", f].iter().chain(extra.iter()))
            .code(5);
        assert!(
            stderr(&a).starts_with("error: refusing to apply: nothing was changed: guardrail never external-write anywhere does not hold"),
            "{}",
            stderr(&a)
        );
        assert!(stdout(&a).contains("does not hold"), "{}", stdout(&a));
    }
    assert_eq!(env.policy_text(&b).unwrap(), before_bp);
    assert_eq!(env.ap_policy(&ap).unwrap(), before_ap);
    assert!(
        !env.ap_policy(&ap)
            .unwrap()
            .to_string()
            .contains("999988887777"),
        "nothing was applied"
    );
}

#[test]
fn access_prove_f_proves_a_lake_files_guardrails_offline() {
    let env = TestEnv::offline();
    let holds = write(&env, &lake_file("store-events", "writers", &[EC2_ROLE]));
    let a = env
        .lg([
            "access",
            "prove",
            "-f",
            holds.to_str().unwrap(),
            "--bucket-owner",
            ACCOUNT,
        ])
        .success();
    assert_eq!(
        stdout(&a),
        "holds: never external-write anywhere (s3://store-events)\n\
         holds: never public-read under sales_event/ (s3://store-events)\n"
    );
    let breaks = write(
        &env,
        &lake_file("store-events", "writers", &[EC2_ROLE, PARTNER]),
    );
    let f = breaks.to_str().unwrap();
    let a = env
        .lg(["access", "prove", "-f", f, "--bucket-owner", ACCOUNT])
        .code(3);
    let out = stdout(&a);
    assert!(
        out.starts_with("does not hold: never external-write anywhere (s3://store-events)\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{PARTNER} may s3:PutObject s3://store-events/sales_event/"
        )),
        "{out}"
    );
    let a = env
        .lg([
            "access",
            "prove",
            "-f",
            f,
            "--bucket-owner",
            ACCOUNT,
            "-o",
            "json",
        ])
        .code(3);
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v[0]["holds"], json!(false));
    assert_eq!(v[1]["holds"], json!(true));

    // Without an owner, or with flags of another question: exit 2 naming the flag.
    let a = env.lg(["access", "prove", "-f", f]).code(2);
    assert!(stderr(&a).contains("--bucket-owner"), "{}", stderr(&a));
    let a = env
        .lg(["access", "prove", "-f", f, "--never", "public-read"])
        .code(2);
    assert!(stderr(&a).contains("--never"), "{}", stderr(&a));
}

#[test]
fn the_schema_states_guardrails() {
    let env = TestEnv::offline();
    let v: Value = serde_json::from_str(&stdout(&env.lg(["schema"]).success())).unwrap();
    assert_eq!(
        v["properties"]["guardrails"]["items"]["$ref"],
        json!("#/$defs/guardrail")
    );
    assert_eq!(
        v["$defs"]["guardrail"]["properties"]["never"]["enum"],
        json!([
            "external-read",
            "external-write",
            "public-read",
            "public-write"
        ])
    );
    assert_eq!(
        v["$defs"]["guardrail"]["properties"]["access"]["enum"],
        json!(["read", "write", "delete", "list"])
    );
}
