//! Bad input of issue 16 (items 6, 9, 11, 12, 13, 14, 16, 17): one line naming what is wrong,
//! exit 2, no panic, nothing changed (these run offline or fail before any call).

use crate::harness::{assert_usage_error, no_panic, stderr, TestEnv, EC2_ROLE};

fn grant_args(ap: &str) -> Vec<String> {
    [
        "accesspoint",
        "grant",
        ap,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "p/",
        "--access",
        "read",
    ]
    .map(String::from)
    .to_vec()
}

/// 16.6: AWS_MAX_ATTEMPTS / AWS_RETRY_MODE (and a profile's max_attempts / retry_mode) that the
/// SDK would panic on.
#[test]
fn bad_retry_settings_name_the_variable() {
    let env = TestEnv::offline();
    for v in ["zero", "0", "-1", "1.5", "99999999999", ""] {
        assert_usage_error(
            env.cmd()
                .env("AWS_MAX_ATTEMPTS", v)
                .args(grant_args("ap1"))
                .assert(),
            &format!("invalid AWS_MAX_ATTEMPTS '{v}'"),
        );
    }
    for v in ["bogus", ""] {
        assert_usage_error(
            env.cmd()
                .env("AWS_RETRY_MODE", v)
                .args(grant_args("ap1"))
                .assert(),
            &format!("invalid AWS_RETRY_MODE '{v}'"),
        );
    }
    let home = env.temp().join("home");
    std::fs::write(
        home.join("cfg"),
        "[default]\nregion = us-east-1\nmax_attempts = potato\n",
    )
    .unwrap();
    assert_usage_error(
        env.cmd()
            .env("AWS_CONFIG_FILE", home.join("cfg"))
            .args(grant_args("ap1"))
            .assert(),
        "invalid max_attempts in profile default 'potato'",
    );
    // Good values still work their way to the (closed) endpoint: exit 1, not 2.
    env.cmd()
        .env("AWS_MAX_ATTEMPTS", "1")
        .env("AWS_RETRY_MODE", "adaptive")
        .args(grant_args("ap1"))
        .assert()
        .code(1);
}

/// 16.9: LAKEGATE_LOCK_TIMEOUT (and LAKEGATE_LEASE_TTL) that are not seconds.
#[test]
fn bad_lease_variables_name_the_variable() {
    let env = TestEnv::offline();
    for v in ["abc", "-1", "30s", ""] {
        assert_usage_error(
            env.cmd()
                .env("LAKEGATE_LOCK_TIMEOUT", v)
                .args(grant_args("ap1"))
                .assert(),
            &format!("invalid LAKEGATE_LOCK_TIMEOUT '{v}'"),
        );
    }
    for v in ["0", "1", "abc", "100000"] {
        assert_usage_error(
            env.cmd()
                .env("LAKEGATE_LEASE_TTL", v)
                .args(grant_args("ap1"))
                .assert(),
            &format!("invalid LAKEGATE_LEASE_TTL '{v}'"),
        );
    }
}

/// 16.11: an empty or malformed region, and a lock bucket that is no bucket name, up front.
#[test]
fn bad_region_and_lock_bucket_are_refused_up_front() {
    let env = TestEnv::offline();
    for r in ["", "US-EAST-1", "us east 1"] {
        let mut args = vec!["--region".to_string(), r.to_string()];
        args.extend(grant_args("ap1"));
        assert_usage_error(env.lg(args), &format!("invalid --region '{r}'"));
    }
    assert_usage_error(
        env.cmd()
            .env("AWS_REGION", "Not A Region")
            .args(grant_args("ap1"))
            .assert(),
        "invalid AWS region 'Not A Region'",
    );
    let mut args = vec!["--lock-bucket".to_string(), "BAD".to_string()];
    args.extend(grant_args("ap1"));
    assert_usage_error(env.lg(args), "'--lock-bucket <BUCKET>'");
}

/// 16.12: escape sequences in arguments are not echoed raw, in lakegate's errors or clap's.
#[test]
fn control_characters_in_arguments_are_escaped_in_errors() {
    let env = TestEnv::offline();
    for args in [
        vec!["bucket", "delegate", "ab\x1b[31mc"],
        vec!["accesspoint", "list", "--output", "x\x1b[2Jy"],
        vec!["--account-id", "12\x07", "accesspoint", "list"],
    ] {
        let a = no_panic(env.lg(&args).code(2));
        let err = stderr(&a);
        assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    }
    let a = env.lg(["bucket", "delegate", "ab\x1b[31mc"]);
    assert!(stderr(&a).contains("ab\\u{1b}[31mc"), "{}", stderr(&a));
}

/// 16.13: negative numbers name the option and its range instead of "unexpected argument".
#[test]
fn negative_numbers_name_the_option_and_its_range() {
    let env = TestEnv::offline();
    assert_usage_error(
        env.lg(["accesspoint", "list", "--concurrency", "-1"]),
        "invalid value '-1' for '--concurrency <N>': -1 is not in 1..=256",
    );
    assert_usage_error(
        env.lg(["audit", "report", "--all-buckets", "--concurrency", "-5"]),
        "'--concurrency <N>'",
    );
    assert_usage_error(
        env.lg(["bucket", "policy", "rollback", "some-bucket", "--to", "-1"]),
        "invalid value '-1' for '--to <N>'",
    );
    assert_usage_error(
        env.lg(["accesspoint", "rollback", "some-ap", "--to", "-1"]),
        "invalid value '-1' for '--to <N>'",
    );
}

/// 16.14: a bad --manage-access-role is blamed on --manage-access-role.
#[test]
fn a_bad_manage_access_role_names_its_flag() {
    let env = TestEnv::offline();
    assert_usage_error(
        env.lg([
            "subscription",
            "target",
            "create",
            "--domain",
            "dzd_abc123",
            "--environment",
            "env1",
            "--name",
            "t",
            "--manage-access-role",
            "notarn",
            "--principal",
            EC2_ROLE,
            "--config",
            r#"GlueSubscriptionTargetConfigForm={"databaseName":"db"}"#,
        ]),
        "--manage-access-role:",
    );
}

/// 16.17: input files are read up to a bound: /dev/zero fails at once with one line.
#[test]
fn unbounded_inputs_fail_fast() {
    let env = TestEnv::offline();
    assert_usage_error(
        env.lg(["subscription", "handle-event", "--file", "/dev/zero"]),
        "--file: '/dev/zero' is larger than 1024 KiB",
    );
    assert_usage_error(
        env.lg([
            "access",
            "check",
            "--bucket-policy",
            "/dev/zero",
            "--principal",
            EC2_ROLE,
            "--action",
            "s3:GetObject",
            "--bucket",
            "some-bucket",
            "--key",
            "k",
        ]),
        "is larger than 1024 KiB",
    );
}

/// 16.16: a prefix with `.` or `..` segments is refused (exit 2, nothing created) unless
/// `--literal-prefix`, which grants it exactly as written.
#[test]
fn dot_segments_in_prefixes_need_literal_prefix() {
    let env = TestEnv::new();
    let b = env.bucket("dots");
    let ap = env.name("dots-ap");
    for prefix in ["a/../b/", "../etc/", "a/./b", ".."] {
        let a = env
            .lg([
                "accesspoint",
                "create",
                &ap,
                "--bucket",
                &b,
                "--prefix",
                prefix,
                "--principal",
                EC2_ROLE,
                "--access",
                "read",
            ])
            .code(2);
        let err = stderr(&a);
        assert!(
            err.contains("--prefix") && err.contains("--literal-prefix"),
            "{err}"
        );
        assert!(!env.ap_exists(&ap), "{prefix}: created anyway");
    }
    env.lg([
        "accesspoint",
        "create",
        &ap,
        "--bucket",
        &b,
        "--prefix",
        "a/../b",
        "--principal",
        EC2_ROLE,
        "--access",
        "read",
        "--literal-prefix",
    ])
    .success();
    let policy = env.ap_policy(&ap).expect("a policy");
    assert!(policy.to_string().contains("/object/a/../b/*"), "{policy}");
    // grant and revoke take the same flag.
    let a = env
        .lg([
            "accesspoint",
            "grant",
            &ap,
            "--principal",
            EC2_ROLE,
            "--prefix",
            "x/../y",
            "--access",
            "read",
        ])
        .code(2);
    assert!(stderr(&a).contains("--literal-prefix"));
    env.lg([
        "accesspoint",
        "revoke",
        &ap,
        "--principal",
        EC2_ROLE,
        "--prefix",
        "a/../b",
        "--literal-prefix",
        "--yes",
    ])
    .success();
}

/// 15.9: an input file is `-f/--file` on every verb that reads one (and `--filename`, kubectl's
/// spelling, for diff/apply): each spelling is accepted, and a missing file is named.
#[test]
fn input_files_are_dash_f_everywhere() {
    let env = TestEnv::offline();
    for args in [
        vec!["diff", "-f", "missing-lake.yaml"],
        vec!["diff", "--file", "missing-lake.yaml"],
        vec!["apply", "--filename", "missing-lake.yaml"],
        vec!["subscription", "handle-event", "-f", "missing-lake.yaml"],
        vec!["athena", "query", "-f", "missing-lake.yaml"],
    ] {
        let a = no_panic(env.lg(&args));
        let err = stderr(&a);
        assert!(
            err.contains("missing-lake.yaml") && !err.contains("unexpected argument"),
            "{args:?}: {err}"
        );
        assert_ne!(a.get_output().status.code(), Some(0), "{args:?}");
    }
}

/// Argument values as types (issue 10.4): each bad value is refused by clap on one line that
/// names the flag and what is wrong, before any call (offline: nothing is reached).
#[test]
fn bad_values_are_refused_by_their_type_naming_the_flag() {
    let env = TestEnv::offline();
    for (args, needle) in [
        (
            vec![
                "audit",
                "report",
                "--organization",
                "--member-role",
                "arn:aws:iam::111122223333:role/x",
            ],
            "'--member-role <ROLE_NAME>': invalid role name",
        ),
        (
            vec![
                "audit",
                "report",
                "--organization",
                "--member-role",
                "Auditor",
                "--regions",
                "eu-west-1,EU",
            ],
            "'EU' is not a region name",
        ),
        (
            vec!["audit", "query", "db.t", "--principal", "bob"],
            "'--principal <ARN>': invalid 'bob'",
        ),
        (
            vec!["athena", "query", "SELECT 1", "--workgroup", " "],
            "'--workgroup <WORKGROUP>': must not be empty",
        ),
        (
            vec![
                "audit",
                "schedule",
                "--cron",
                "hourly",
                "--upload",
                "s3://r/a/",
            ],
            "'--cron <EXPRESSION>': invalid schedule 'hourly'",
        ),
        (
            vec!["audit", "unschedule", "--name", "a b"],
            "'--name <NAME>': invalid name 'a b'",
        ),
        (
            vec![
                "subscription",
                "grant",
                "--domain",
                "dzd_abc123",
                "--request",
                "a/b",
            ],
            "'--request <ID>': invalid id 'a/b'",
        ),
        (
            vec![
                "subscription",
                "grant",
                "--domain",
                "dzd_abc123",
                "--request",
                "r1",
                "--actions",
                "s3:GetObject,s3:Get*",
            ],
            "invalid action 's3:Get*'",
        ),
        (
            vec!["access", "who-can", "bucket/x"],
            "'<S3_URL>': invalid S3 URL",
        ),
        (
            vec!["export", "--bucket", "Bad_Bucket"],
            "invalid bucket name 'Bad_Bucket'",
        ),
    ] {
        assert_usage_error(env.lg(&args), needle);
    }
}
