//! Tables fit the terminal (issue 15, item 3; issue 25, item 2): at COLUMNS=80 every line of the
//! widest tables is at most 80 columns, principal ARNs are shortened to their names where they
//! stay distinct, and nothing is cut: a value too wide for its column wraps in it, and a table
//! whose identifiers cannot all be columns shows each row as `Key: value` lines. `-o wide` keeps
//! every cell in full on one line; so does a pipe without COLUMNS.

use crate::harness::{stdout, TestEnv, EC2_ROLE, LAMBDA_ROLE};
use insta::assert_snapshot;

/// Every line within `cols` columns, and each header whole on the table's first line.
pub fn assert_fits(out: &str, cols: usize, headers: &[&str]) {
    for l in out.lines() {
        assert!(
            l.chars().count() <= cols,
            "{} columns > {cols}: {l}\n{out}",
            l.chars().count()
        );
    }
    let header = out
        .lines()
        .find(|l| l.contains(headers[0]))
        .unwrap_or_else(|| panic!("no header line with {}:\n{out}", headers[0]));
    for h in headers {
        assert!(header.contains(h), "header {h} split or missing:\n{out}");
    }
}

fn lake(env: &TestEnv) -> (String, String) {
    let bucket = env.bucket("a-rather-long-bucket-name-for-width");
    env.lg(["bucket", "delegate", &bucket]).success();
    let ap = env.create_ap(
        "consumer-with-a-long-access-point-name",
        &bucket,
        "sales_event/year=2024/month=01/region=eu-west-1/",
        EC2_ROLE,
        "read-write",
    );
    env.lg([
        "accesspoint",
        "grant",
        &ap,
        "--prefix",
        "inventory_event/warehouse=north/",
        "--principal",
        LAMBDA_ROLE,
        "--access",
        "write",
        "--yes",
    ])
    .success();
    (bucket, ap)
}

fn at_80(env: &TestEnv, args: &[&str]) -> String {
    let a = env.cmd().env("COLUMNS", "80").args(args).assert().success();
    stdout(&a)
}

#[test]
fn accesspoint_get_fits_80_columns_and_wide_keeps_every_cell() {
    let env = TestEnv::new();
    let (_, ap) = lake(&env);
    let out = at_80(&env, &["accesspoint", "get", &ap]);
    assert_fits(&out, 80, &["PRINCIPAL", "PREFIX", "ACCESS"]);
    assert!(out.contains("Ec2ConsumerRole"), "principal by name:\n{out}");
    assert!(!out.contains('…'), "nothing cut:\n{out}");
    // The statements do not fit as columns: one `Key: value` line each, every Sid whole.
    assert!(out.contains("\nSID:        Lakegate"), "{out}");
    let mut settings = env.insta();
    // The alias's hash, and the Sids' (of the access point's ARN, which holds the test's id).
    settings.add_filter(r"[0-9a-f]{8,}-s3alias", "[hash]-s3alias");
    settings.add_filter(
        r"(Lakegate(?:Read|Write|List)[A-Za-z]*)[0-9a-f]{16}",
        "$1[sid-hash......]",
    );
    settings.bind(|| assert_snapshot!("accesspoint_get_table_80", out));

    let wide = at_80(&env, &["accesspoint", "get", &ap, "-o", "wide"]);
    assert!(
        wide.contains("arn:aws:iam::123456789012:role/Ec2ConsumerRole"),
        "{wide}"
    );
    assert!(!wide.contains('…'), "{wide}");
    assert!(wide.lines().any(|l| l.chars().count() > 80), "{wide}");

    // A pipe without COLUMNS gets every cell in full (as gh does).
    let piped = stdout(&env.lg(["accesspoint", "get", &ap]).success());
    assert!(!piped.contains('…'), "{piped}");
}

#[test]
fn access_matrix_and_accesspoint_list_fit_80_columns() {
    let env = TestEnv::new();
    let (bucket, _) = lake(&env);
    let out = at_80(&env, &["access", "matrix", "--bucket", &bucket]);
    assert_fits(
        &out,
        80,
        &[
            "PRINCIPAL",
            "ACCESS POINT",
            "PREFIX",
            "READ",
            "WRITE",
            "LIST",
        ],
    );
    env.insta()
        .bind(|| assert_snapshot!("access_matrix_table_80", out));

    let out = at_80(&env, &["accesspoint", "list", "--bucket", &bucket]);
    assert_fits(
        &out,
        80,
        &["NAME", "BUCKET", "ORIGIN", "PREFIXES", "PRINCIPALS"],
    );

    let out = at_80(&env, &["bucket", "policy", "get", &bucket]);
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    assert!(
        out.contains("SID:        LakegateDelegateToAccessPoints"),
        "{out}"
    );
    assert!(!out.contains('…'), "{out}");

    // Narrower still: 60 columns.
    let a = env
        .cmd()
        .env("COLUMNS", "60")
        .args(["access", "matrix", "--bucket", &bucket])
        .assert()
        .success();
    // Too narrow for its identifiers as columns: a record per row, every value whole.
    let out = stdout(&a);
    assert!(out.lines().all(|l| l.chars().count() <= 60), "{out}");
    assert!(out.starts_with("Principal:") && !out.contains('…'), "{out}");
}
