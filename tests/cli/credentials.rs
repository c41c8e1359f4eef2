//! Which identity lakegate acts as, for every way credentials can be chosen (issue 16.2, 15.2).
//! Each way gets its own access key; the fault proxy logs the access key that signed each
//! request reaching moto, so the test sees which credentials were used.

use crate::faults::{is, FaultProxy};
use crate::harness::{assert_usage_error, no_panic, TestEnv};
use serde_json::Value;

/// Profiles `other` (static keys), `proc` (credential_process) and `default`, in this test's HOME.
fn write_profiles(env: &TestEnv) {
    let home = env.temp().join("home");
    let script = home.join("creds.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"key-from-process\", \"SecretAccessKey\": \"s\"}'\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(
        home.join("aws-config"),
        format!(
            "[default]\nregion = us-east-1\n\n[profile other]\nregion = us-east-1\n\n[profile proc]\nregion = us-east-1\ncredential_process = {}\n",
            script.display()
        ),
    )
    .unwrap();
    std::fs::write(
        home.join("aws-credentials"),
        "[default]\naws_access_key_id = key-from-default\naws_secret_access_key = s\n\n[other]\naws_access_key_id = key-from-other\naws_secret_access_key = s\n",
    )
    .unwrap();
}

/// Run `bucket policy get B` through the proxy with these extra arguments and environment
/// (`None` removes the variable); return the access keys that signed the S3 requests.
fn keys_used(
    env: &TestEnv,
    bucket: &str,
    args: &[&str],
    vars: &[(&str, Option<&str>)],
) -> Vec<String> {
    let proxy = FaultProxy::start(env);
    let home = env.temp().join("home");
    let mut c = proxy.cmd(env);
    c.env("AWS_CONFIG_FILE", home.join("aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("aws-credentials"));
    for (k, v) in vars {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    no_panic(
        c.args(args)
            .args(["bucket", "policy", "get", bucket])
            .assert(),
    )
    .success();
    proxy
        .requests()
        .iter()
        .filter(|r| is(r, "GET", &format!("/{bucket}")))
        .filter_map(|r| r["access_key"].as_str().map(str::to_owned))
        .collect()
}

const NO_ENV_KEYS: [(&str, Option<&str>); 2] =
    [("AWS_ACCESS_KEY_ID", None), ("AWS_SECRET_ACCESS_KEY", None)];

#[test]
fn each_way_of_choosing_credentials_signs_with_the_chosen_key() {
    let env = TestEnv::new();
    write_profiles(&env);
    let b = env.bucket("creds");
    let env_keys = [
        ("AWS_ACCESS_KEY_ID", Some("key-from-env")),
        ("AWS_SECRET_ACCESS_KEY", Some("s")),
    ];
    // The environment's keys, when nothing else is asked for.
    assert_eq!(keys_used(&env, &b, &[], &env_keys), ["key-from-env"]);
    // --profile wins over keys in the environment (as with the AWS CLI).
    assert_eq!(
        keys_used(&env, &b, &["--profile", "other"], &env_keys),
        ["key-from-other"]
    );
    // AWS_PROFILE chooses the profile when the environment has no keys...
    let mut vars = NO_ENV_KEYS.to_vec();
    vars.push(("AWS_PROFILE", Some("other")));
    assert_eq!(keys_used(&env, &b, &[], &vars), ["key-from-other"]);
    // ...and, as with the AWS CLI, keys in the environment win over AWS_PROFILE.
    let mut vars = env_keys.to_vec();
    vars.push(("AWS_PROFILE", Some("other")));
    assert_eq!(keys_used(&env, &b, &[], &vars), ["key-from-env"]);
    // --profile wins over AWS_PROFILE.
    let mut vars = NO_ENV_KEYS.to_vec();
    vars.push(("AWS_PROFILE", Some("other")));
    assert_eq!(
        keys_used(&env, &b, &["--profile", "default"], &vars),
        ["key-from-default"]
    );
    // A profile with credential_process.
    assert_eq!(
        keys_used(&env, &b, &["--profile", "proc"], &env_keys),
        ["key-from-process"]
    );
    // No profile, no keys in the environment: the default profile.
    assert_eq!(keys_used(&env, &b, &[], &NO_ENV_KEYS), ["key-from-default"]);
}

#[test]
fn assume_role_on_top_of_a_profile_signs_sts_with_the_profile_and_the_rest_with_the_role() {
    let env = TestEnv::new();
    write_profiles(&env);
    let b = env.bucket("creds-role");
    let proxy = FaultProxy::start(&env);
    let home = env.temp().join("home");
    proxy
        .cmd(&env)
        .env("AWS_CONFIG_FILE", home.join("aws-config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("aws-credentials"))
        .args(["--profile", "other", "--assume-role"])
        .arg("arn:aws:iam::123456789012:role/LakegateAdmin")
        .args(["bucket", "policy", "get", &b])
        .assert()
        .success();
    let reqs: Vec<Value> = proxy.requests();
    let sts: Vec<&Value> = reqs.iter().filter(|r| is(r, "POST", "/")).collect();
    assert!(!sts.is_empty(), "{reqs:#?}");
    assert!(
        sts.iter().all(|r| r["access_key"] == "key-from-other"),
        "{reqs:#?}"
    );
    let s3: Vec<&Value> = reqs
        .iter()
        .filter(|r| is(r, "GET", &format!("/{b}")))
        .collect();
    assert!(!s3.is_empty(), "{reqs:#?}");
    for r in s3 {
        let k = r["access_key"].as_str().unwrap();
        assert!(
            !["key-from-other", "key-from-env", "test", "key-from-default"].contains(&k),
            "S3 was not called with the role's credentials: {reqs:#?}"
        );
    }
}

#[test]
fn a_missing_profile_is_an_error_naming_it_and_the_files_before_any_call() {
    let env = TestEnv::new();
    write_profiles(&env);
    let home = env.temp().join("home");
    let proxy = FaultProxy::start(&env);
    for (args, vars, source) in [
        (vec!["--profile", "nope"], vec![], "--profile"),
        (vec![], vec![("AWS_PROFILE", "nope")], "AWS_PROFILE"),
    ] {
        let mut c = proxy.cmd(&env);
        c.env("AWS_CONFIG_FILE", home.join("aws-config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", home.join("aws-credentials"));
        for (k, v) in vars {
            c.env(k, v);
        }
        let a = assert_usage_error(
            c.args(args)
                .args(["bucket", "policy", "get", "some-bucket"])
                .assert(),
            "The config profile (nope) could not be found",
        );
        let err = crate::harness::stderr(&a);
        assert!(err.contains(source), "{err}");
        assert!(
            err.contains("aws-config") && err.contains("aws-credentials"),
            "{err}"
        );
    }
    assert!(proxy.requests().is_empty(), "{:#?}", proxy.requests());
}
