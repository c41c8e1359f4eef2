//! The access delta of every plan (issue 22, item 3), on moto: what a change does to who can
//! reach which keys, in the dry run, `diff -f`, the prompt and `-o json`; confirmation follows it.

use crate::harness::{stderr, stdout, TestEnv, EC2_ROLE, LAMBDA_ROLE};
use serde_json::{json, Value};
use std::path::PathBuf;

const PARTNER: &str = "arn:aws:iam::999988887777:role/partner";
const APP_B: &str = "arn:aws:iam::999988887777:role/app-b";

fn write(env: &TestEnv, name: &str, text: &str) -> PathBuf {
    let p = env.temp().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// A lake of one bucket with one direct read-write grant on `sales_event/`.
fn lake(bucket: &str, principals: &[&str]) -> String {
    let who: Vec<String> = principals.iter().map(|p| format!("'{p}'")).collect();
    format!(
        "apiVersion: lakegate/v1
kind: Lake
buckets:
  - name: {bucket}
    grants:
      - principals: [{}]
        prefix: sales_event/
        access: read-write
      - principals: ['{LAMBDA_ROLE}']
        prefix: inventory_event/
        access: read
",
        who.join(", ")
    )
}

fn rows<'a>(plan: &'a Value, change: &str, principal: &str) -> Vec<&'a Value> {
    plan["delta"]
        .as_array()
        .unwrap_or_else(|| panic!("no delta: {plan:#}"))
        .iter()
        .filter(|r| r["change"] == change && r["principal"] == principal)
        .collect()
}

#[test]
fn a_lake_file_adding_an_external_principal_to_a_write_grant_shows_it_gains_write() {
    let env = TestEnv::new();
    let b = env.bucket("delta");
    let file = write(&env, "lake.yaml", &lake(&b, &[EC2_ROLE]));
    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    let before = env.policy(&b).unwrap();

    // The example: the partner of another account is added to the write grant.
    let file = write(&env, "lake.yaml", &lake(&b, &[EC2_ROLE, PARTNER]));
    let a = env.lg(["diff", "-f", file.to_str().unwrap()]).code(4);
    let out = stdout(&a);
    assert!(out.contains("Access delta:"), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("gained") && l.contains(PARTNER) && l.contains(" write "))
        .unwrap_or_else(|| panic!("no write row for the partner: {out}"));
    assert!(
        line.contains("999988887777") && line.contains(" yes ") && line.contains("sales_event/*"),
        "{line}"
    );
    // Nobody else's access changes.
    assert!(
        out.lines()
            .filter(|l| l.starts_with("gained") || l.starts_with("lost"))
            .all(|l| l.contains(PARTNER)),
        "{out}"
    );

    // As data: rows marked gained, with external.
    let a = env
        .lg(["diff", "-f", file.to_str().unwrap(), "-o", "json"])
        .code(4);
    let plan: Value = serde_json::from_str(&stdout(&a)).unwrap();
    let gained = rows(&plan, "gained", PARTNER);
    let write_row = gained
        .iter()
        .find(|r| r["access"] == "write")
        .unwrap_or_else(|| panic!("{plan:#}"));
    assert_eq!(write_row["external"], json!(true));
    assert_eq!(write_row["account"], json!("999988887777"));
    assert_eq!(write_row["route"], json!(b));
    assert_eq!(write_row["keys"], json!(["sales_event/*"]));
    assert!(gained.iter().any(|r| r["access"] == "read"), "{plan:#}");
    assert!(rows(&plan, "lost", PARTNER).is_empty());
    assert_eq!(
        plan["delta"].as_array().unwrap().len(),
        gained.len(),
        "{plan:#}"
    );

    // Access given outside the account is asked about: off a terminal, --yes or exit 2.
    let refused = env.lg(["apply", "-f", file.to_str().unwrap()]).code(2);
    assert!(
        stderr(&refused).contains("gives access outside the account")
            && stderr(&refused).contains("--yes"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(env.policy(&b).unwrap(), before, "nothing changed");
    env.lg(["--yes", "apply", "-f", file.to_str().unwrap()])
        .success();
    assert_ne!(env.policy(&b).unwrap(), before);
}

#[test]
fn a_change_that_removes_access_asks_and_changes_nothing_without_yes() {
    let env = TestEnv::new();
    let b = env.bucket("delta-lost");
    let file = write(&env, "lake.yaml", &lake(&b, &[EC2_ROLE, LAMBDA_ROLE]));
    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    let before = env.policy(&b).unwrap();

    // The Lambda role leaves the write grant: it loses write (and read) on sales_event/.
    let file = write(&env, "lake.yaml", &lake(&b, &[EC2_ROLE]));
    let plan = env
        .lg(["diff", "-f", file.to_str().unwrap(), "-o", "json"])
        .code(4);
    let plan: Value = serde_json::from_str(&stdout(&plan)).unwrap();
    let lost = rows(&plan, "lost", LAMBDA_ROLE);
    assert!(
        lost.iter().any(|r| r["access"] == "write"
            && r["keys"] == json!(["sales_event/*"])
            && r["external"] == json!(false)),
        "{plan:#}"
    );
    let refused = env.lg(["apply", "-f", file.to_str().unwrap()]).code(2);
    assert!(
        stderr(&refused).contains("removes access") && stderr(&refused).contains(LAMBDA_ROLE),
        "{}",
        stderr(&refused)
    );
    assert_eq!(env.policy(&b).unwrap(), before, "nothing changed");

    // `accesspoint revoke` asks too, and changes nothing without --yes.
    let ap = env.create_ap("delta-ap", &b, "sales_event/", EC2_ROLE, "read");
    let ap_before = env.ap_policy(&ap).unwrap();
    let refused = env
        .lg(["accesspoint", "revoke", &ap, "--principal", EC2_ROLE])
        .code(2);
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(env.ap_policy(&ap).unwrap(), ap_before);
    // Its dry run shows what is lost.
    let dry = env
        .lg([
            "--dry-run",
            "accesspoint",
            "revoke",
            &ap,
            "--principal",
            EC2_ROLE,
        ])
        .success();
    let out = stdout(&dry);
    assert!(out.contains("Access delta:"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("lost") && l.contains(EC2_ROLE) && l.contains(&ap)),
        "{out}"
    );
}

#[test]
fn a_grant_whose_delta_reaches_another_application_is_called_out() {
    let env = TestEnv::new();
    let b = env.bucket("delta-also");
    env.lg(["bucket", "delegate", &b]).success();
    // App B, of the partner account, reads inventory_event/ through the access point.
    let ap = env.name("shared");
    env.lg([
        "--yes",
        "accesspoint",
        "create",
        &ap,
        "--bucket",
        &b,
        "--prefix",
        "inventory_event/",
        "--principal",
        APP_B,
        "--access",
        "read",
    ])
    .success();

    // A grant to "app A", named by its account: every principal of that account gains, app B
    // included — called out.
    let dry = env
        .lg([
            "--dry-run",
            "accesspoint",
            "grant",
            &ap,
            "--principal",
            "999988887777",
            "--prefix",
            "sales_event/",
            "--access",
            "read",
        ])
        .success();
    let out = stdout(&dry);
    let also = out
        .lines()
        .find(|l| l.starts_with("Also changes access for"))
        .unwrap_or_else(|| panic!("no call-out: {out}"));
    assert!(
        also.contains(APP_B) && also.contains("sales_event/*"),
        "{also}"
    );
    let plan = env.json([
        "--dry-run",
        "-o",
        "json",
        "accesspoint",
        "grant",
        &ap,
        "--principal",
        "999988887777",
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ]);
    let also = plan["also_changes"].as_array().unwrap();
    assert_eq!(also.len(), 1, "{plan:#}");
    assert!(also[0].as_str().unwrap().starts_with(APP_B), "{plan:#}");

    // A grant to a principal the policies name alone calls nothing out.
    let plan = env.json([
        "--dry-run",
        "-o",
        "json",
        "accesspoint",
        "grant",
        &ap,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ]);
    assert!(plan.get("also_changes").is_none(), "{plan:#}");
    let gained = rows(&plan, "gained", EC2_ROLE);
    assert!(
        gained.iter().any(|r| r["access"] == "read"
            && r["route"] == json!(ap)
            && r["external"] == json!(false)),
        "{plan:#}"
    );
}

#[test]
fn a_sid_rename_shows_an_empty_delta() {
    let env = TestEnv::new();
    let b = env.bucket("delta-sid");
    env.lg(["bucket", "delegate", &b]).success();
    let ap = env.create_ap("delta-sid", &b, "sales_event/", EC2_ROLE, "read");
    // By hand: lakegate's statements renamed (same access, other Sids).
    let mut p = env.ap_policy(&ap).unwrap();
    for st in p["Statement"].as_array_mut().unwrap() {
        let sid = st["Sid"].as_str().unwrap().replace("Lakegate", "Renamed");
        st["Sid"] = json!(sid);
    }
    env.put_ap_policy(&ap, &p);

    // The grant writes its statements again: the policy changes, the access does not.
    let args = [
        "--dry-run",
        "accesspoint",
        "grant",
        &ap,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "sales_event/",
        "--access",
        "read",
    ];
    let out = stdout(&env.lg(args).success());
    assert!(out.contains("update access point policy"), "{out}");
    assert!(out.contains("Access delta: no change in access."), "{out}");
    let mut json_args = vec!["-o", "json"];
    json_args.extend(args);
    let plan = env.json(json_args);
    assert_eq!(plan["delta"], json!([]), "{plan:#}");
    assert_eq!(plan["changes"].as_array().unwrap().len(), 1);
    // And it needs no confirmation.
    env.lg(&args[1..]).success();
}

#[test]
fn the_prompt_shows_the_delta_and_says_why_it_asks() {
    let env = TestEnv::new();
    let b = env.bucket("delta-prompt");
    let file = write(&env, "lake.yaml", &lake(&b, &[EC2_ROLE]));
    env.lg(["apply", "-f", file.to_str().unwrap()]).success();
    let before = env.policy(&b).unwrap();
    let file = write(&env, "lake.yaml", &lake(&b, &[EC2_ROLE, PARTNER]));
    let shown = crate::pty::run(
        &env,
        &["apply", "-f", file.to_str().unwrap()],
        120,
        Some(crate::pty::Keys {
            after: "[y/N]",
            send: b"n\n",
        }),
    );
    assert_eq!(shown.code, Some(1), "{}", shown.text);
    let text = &shown.text;
    assert!(text.contains("Access delta:"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("gained") && l.contains(PARTNER) && l.contains("write")),
        "{text}"
    );
    assert!(
        text.contains("Apply a plan that gives access outside the account"),
        "{text}"
    );
    assert_eq!(env.policy(&b).unwrap(), before, "nothing changed");
}
