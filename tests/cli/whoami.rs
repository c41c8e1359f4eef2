//! `whoami`: the caller's account and ARN come from STS GetCallerIdentity (moto answers with its
//! default account), the region, profile and endpoint are the ones resolved from flags and
//! environment.
//! <https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html>

use crate::harness::{stdout, TestEnv, ACCOUNT, REGION};
use serde_json::Value;

#[test]
fn whoami_json_names_account_arn_region_and_endpoint() {
    let env = TestEnv::new();
    let v = env.json(["whoami", "-o", "json"]);
    assert_eq!(v["account"], ACCOUNT);
    let arn = v["arn"].as_str().expect("arn is a string");
    assert!(
        arn.starts_with("arn:aws:") && arn.contains(ACCOUNT),
        "caller ARN: {arn}"
    );
    assert_eq!(v["region"], REGION);
    assert_eq!(v["profile"], Value::Null, "no profile in use: {v}");
    assert_eq!(v["endpoint_url"], env.endpoint());
}

#[test]
fn whoami_ignores_account_id_flag_and_reports_the_callers_account() {
    let env = TestEnv::new();
    let v = env.json(["--account-id", "111122223333", "whoami", "-o", "json"]);
    assert_eq!(v["account"], ACCOUNT);
}

#[test]
fn whoami_table_is_one_record_and_yaml_has_the_same_keys() {
    let env = TestEnv::new();
    // One record: `Key: value` lines (issue 25), the ARN whole.
    let a = env.lg(["whoami"]).success();
    let out = stdout(&a);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "a line per field:\n{out}");
    for (line, key) in lines
        .iter()
        .zip(["Account:", "ARN:", "Region:", "Profile:", "Endpoint:"])
    {
        assert!(line.starts_with(key), "{key}:\n{out}");
    }
    assert!(
        lines[0].contains(ACCOUNT) && lines[2].contains(REGION),
        "{out}"
    );
    assert!(lines[1].contains("arn:aws:"), "{out}");
    // --no-headers keeps the one row of values, for scripts that read it.
    let a = env.lg(["whoami", "--no-headers"]).success();
    let row = stdout(&a);
    assert_eq!(row.lines().count(), 1, "{row}");
    assert!(row.contains(ACCOUNT) && row.contains(REGION), "{row}");

    let a = env.lg(["whoami", "-o", "yaml"]).success();
    let y = stdout(&a);
    assert!(
        y.contains(&format!("account: '{ACCOUNT}'"))
            || y.contains(&format!("account: \"{ACCOUNT}\"")),
        "{y}"
    );
    assert!(y.contains("profile: null"), "{y}");
}

#[test]
fn whoami_names_the_profile_from_aws_profile() {
    let env = TestEnv::new();
    let config = env.temp().join("config");
    std::fs::write(&config, "[profile dev]\nregion = us-east-1\n").unwrap();
    let a = env
        .cmd()
        .env("AWS_CONFIG_FILE", &config)
        .env("AWS_PROFILE", "dev")
        .args(["whoami", "-o", "json"])
        .assert()
        .success();
    let v: Value = serde_json::from_str(&stdout(&a)).unwrap();
    assert_eq!(v["profile"], "dev");
}
