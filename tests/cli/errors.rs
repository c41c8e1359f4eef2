//! Bad input: exit 2, one `error:` line naming the argument, no panic, nothing created.
//! Unreachable endpoint: exit 1, "could not reach", no panic.

use crate::harness::{assert_usage_error, stderr, stdout, TestEnv, EC2_ROLE};
use predicates::str::contains;

/// `accesspoint create NAME --bucket B --prefix P --principal R --access A` with one part replaced.
struct Create<'a> {
    name: &'a str,
    bucket: &'a str,
    prefix: &'a str,
    principal: &'a str,
    access: &'a str,
}

impl Create<'_> {
    fn args(&self) -> Vec<String> {
        vec![
            "accesspoint".into(),
            "create".into(),
            // `--opt=VALUE`, so values with a leading hyphen or empty ones reach lakegate.
            format!("--bucket={}", self.bucket),
            format!("--prefix={}", self.prefix),
            format!("--principal={}", self.principal),
            format!("--access={}", self.access),
            // After `--`, so a leading hyphen reaches lakegate's validation instead of clap's.
            "--".into(),
            self.name.into(),
        ]
    }
}

#[test]
fn invalid_access_point_names() {
    let env = TestEnv::new();
    let b = env.bucket("names");
    let too_long = "a".repeat(51);
    for (name, why) in [
        ("Ec2-consumer", "only lowercase letters, digits and hyphens"),
        ("ab", "must be 3 to 50 characters long"),
        (too_long.as_str(), "must be 3 to 50 characters long"),
        ("-ec2-consumer", "must begin and end with a letter or digit"),
        ("ec2-consumer-", "must begin and end with a letter or digit"),
        ("ec2_consumer", "only lowercase letters, digits and hyphens"),
    ] {
        let c = Create {
            name,
            bucket: &b,
            prefix: "sales_event/",
            principal: EC2_ROLE,
            access: "read",
        };
        let a = assert_usage_error(
            env.lg(c.args()),
            &format!("invalid access point name '{name}'"),
        );
        assert!(stderr(&a).contains(why), "{name}: {}", stderr(&a));
    }
    // Nothing was created under any of these names, nor is anything listed on the bucket.
    let v = env.json(["accesspoint", "list", "--bucket", &b, "-o", "json"]);
    assert_eq!(v, serde_json::json!([]));
    assert!(env.history_files().is_empty());

    // The other verbs validate the name the same way.
    for verb in [
        vec!["accesspoint", "get", "Bad_Name"],
        vec!["accesspoint", "delete", "--yes", "Bad_Name"],
        vec![
            "accesspoint",
            "grant",
            "Bad_Name",
            "--principal",
            EC2_ROLE,
            "--prefix",
            "a/",
            "--access",
            "read",
        ],
        vec!["accesspoint", "revoke", "Bad_Name", "--principal", EC2_ROLE],
    ] {
        assert_usage_error(env.lg(&verb), "invalid access point name 'Bad_Name'");
    }
}

#[test]
fn a_leading_hyphen_is_checked_as_the_value_it_is() {
    // Without `--`, clap takes `-abc` for an unknown short flag; as the NAME it is meant to be,
    // the error says what a name must be (issue 23): still a usage error, exit 2.
    let env = TestEnv::offline();
    assert_usage_error(
        env.lg([
            "accesspoint",
            "create",
            "-abc",
            "--bucket",
            "store-events",
            "--prefix",
            "a/",
            "--principal",
            EC2_ROLE,
            "--access",
            "read",
        ]),
        "invalid access point name '-abc': must begin and end with a letter or digit",
    );
}

#[test]
fn invalid_bucket_names() {
    let env = TestEnv::new();
    let name = env.name("ap");
    for bucket in ["Store_Events", "ab", "192.168.1.1", "-store-events", "a..b"] {
        let c = Create {
            name: &name,
            bucket,
            prefix: "sales_event/",
            principal: EC2_ROLE,
            access: "read",
        };
        assert_usage_error(env.lg(c.args()), &format!("invalid bucket name '{bucket}'"));
        assert_usage_error(
            env.lg(["bucket", "delegate", "--", bucket]),
            &format!("invalid bucket name '{bucket}'"),
        );
    }
    assert!(!env.ap_exists(&name));
    assert!(env.history_files().is_empty());
}

#[test]
fn invalid_prefixes() {
    let env = TestEnv::new();
    let b = env.bucket("prefixes");
    let name = env.name("ap");
    for (prefix, why) in [
        ("", "must not be empty"),
        ("/x", "must not begin with '/'"),
        ("a*", "must not contain '*' or '?'"),
        ("a?b", "must not contain '*' or '?'"),
        ("a//b", "must not contain '//'"),
        ("${aws:username}/", "policy variables"),
    ] {
        let c = Create {
            name: &name,
            bucket: &b,
            prefix,
            principal: EC2_ROLE,
            access: "read",
        };
        let a = assert_usage_error(env.lg(c.args()), &format!("invalid prefix '{prefix}'"));
        // Named by clap ('--prefix <PREFIX>') or, for a check needing --literal-prefix, by lakegate.
        assert!(
            stderr(&a).lines().next().unwrap().contains("--prefix"),
            "{}",
            stderr(&a)
        );
        assert!(stderr(&a).contains(why), "{prefix:?}: {}", stderr(&a));
    }
    assert!(!env.ap_exists(&name));
}

#[test]
fn invalid_principals() {
    let env = TestEnv::new();
    let b = env.bucket("principals");
    let name = env.name("ap");
    for (principal, why) in [
        ("not-an-arn", "expected an IAM ARN"),
        ("*", "public ('*') grants are refused"),
        ("12345678901", "expected an IAM ARN"),
        (
            "arn:aws:iam::12345678901:role/R",
            "the account field must be 12 digits",
        ),
        (
            "arn:aws:iam::123456789012:group/Admins",
            "role/NAME or user/NAME",
        ),
        (
            "arn:aws:sts::123456789012:role/R",
            "assumed-role/ROLE/SESSION",
        ),
        (
            "arn:aws:ec2::123456789012:instance/i-1",
            "the service must be iam or sts",
        ),
        ("arn:aws:s3:::some-bucket", "invalid principal"),
    ] {
        let c = Create {
            name: &name,
            bucket: &b,
            prefix: "a/",
            principal,
            access: "read",
        };
        let a = assert_usage_error(
            env.lg(c.args()),
            &format!("'--principal <ARN>': invalid principal '{principal}'"),
        );
        assert!(stderr(&a).contains(why), "{principal}: {}", stderr(&a));
    }
    assert!(!env.ap_exists(&name));

    // grant/revoke validate principals before touching anything.
    let name = env.create_ap("exists", &b, "a/", EC2_ROLE, "read");
    let policy = env.ap_policy(&name);
    assert_usage_error(
        env.lg([
            "accesspoint",
            "grant",
            &name,
            "--principal",
            "*",
            "--prefix",
            "a/",
            "--access",
            "read",
        ]),
        "'--principal <ARN>': invalid principal '*'",
    );
    assert_usage_error(
        env.lg(["accesspoint", "revoke", &name, "--principal", "nobody"]),
        "'--principal <ARN>': invalid principal 'nobody'",
    );
    assert_eq!(env.ap_policy(&name), policy);
}

#[test]
fn invalid_account_id() {
    let env = TestEnv::new();
    let b = env.bucket("account");
    let name = env.name("ap");
    let c = Create {
        name: &name,
        bucket: &b,
        prefix: "a/",
        principal: EC2_ROLE,
        access: "read",
    };
    let mut args = vec!["--account-id".to_string(), "12345678901".to_string()];
    args.extend(c.args());
    assert_usage_error(
        env.lg(args),
        "--account-id: invalid account id '12345678901'",
    );
    assert!(!env.ap_exists(&name));
}

#[test]
fn invalid_access_level_and_vpc() {
    let env = TestEnv::new();
    let b = env.bucket("access");
    let name = env.name("ap");
    let c = Create {
        name: &name,
        bucket: &b,
        prefix: "a/",
        principal: EC2_ROLE,
        access: "everything",
    };
    let a = assert_usage_error(env.lg(c.args()), "'--access <LEVEL>'");
    assert!(
        stderr(&a).contains("[possible values: read, write, read-write, read-write-delete]"),
        "{}",
        stderr(&a)
    );

    let c = Create {
        access: "read",
        ..c
    };
    for vpc in ["vpc-xyz", "subnet-0abc", "vpc-"] {
        let mut args = c.args();
        args.splice(2..2, ["--vpc-id".to_string(), vpc.to_string()]);
        assert_usage_error(
            env.lg(args),
            &format!("'--vpc-id <VPC>': invalid VPC id '{vpc}'"),
        );
    }
    let mut args = c.args();
    args.splice(2..2, ["--block-public-access", "most"].map(String::from));
    assert_usage_error(env.lg(args), "--block-public-access");
    assert!(!env.ap_exists(&name));
}

#[test]
fn invalid_endpoint_url() {
    // Refused while loading the configuration, before any request.
    let env = TestEnv::offline();
    let (b, name) = ("store-events", "ec2-consumer");
    for url in ["ftp://x", "localhost:4566", "http://"] {
        let mut c = env.bare_cmd();
        c.args(["--endpoint-url", url]).args(
            Create {
                name,
                bucket: b,
                prefix: "a/",
                principal: EC2_ROLE,
                access: "read",
            }
            .args(),
        );
        assert_usage_error(
            crate::harness::no_panic(c.assert()),
            &format!("invalid --endpoint-url '{url}'"),
        );
    }
}

#[test]
fn unknown_flags_and_missing_arguments() {
    // clap refuses these before lakegate runs any code.
    let env = TestEnv::offline();
    let (b, name) = ("store-events".to_string(), "ec2-consumer".to_string());
    assert_usage_error(
        env.lg([
            "accesspoint",
            "create",
            &name,
            "--bucket",
            &b,
            "--prefix",
            "a/",
            "--principal",
            EC2_ROLE,
            "--access",
            "read",
            "--frobnicate",
        ]),
        "unexpected argument '--frobnicate'",
    );
    let a = assert_usage_error(
        env.lg([
            "accesspoint",
            "create",
            &name,
            "--bucket",
            &b,
            "--prefix",
            "a/",
            "--access",
            "read",
        ]),
        "the following required arguments were not provided",
    );
    assert!(stderr(&a).contains("--principal <ARN>"), "{}", stderr(&a));
    assert_usage_error(
        env.lg(["accesspoint", "revoke", &name]),
        "the following required arguments were not provided",
    );
    assert_usage_error(
        env.lg(["bucket", "delegate"]),
        "the following required arguments were not provided",
    );
    assert_usage_error(
        env.lg(["-o", "xml", "accesspoint", "list"]),
        "'--output <OUTPUT>'",
    );
    assert_usage_error(
        env.lg(["accesspoint", "list", "--concurrency", "0"]),
        "--concurrency",
    );
    assert_usage_error(
        env.lg(["bucket", "policy", "rollback", &b, "--to", "latest"]),
        "--to <N>",
    );
    assert_usage_error(env.lg(["-q", "-v", "plugin", "list"]), "--quiet");
}

#[test]
fn unreachable_endpoint_fails_cleanly() {
    let env = TestEnv::offline();
    // A port nothing listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut c = env.bare_cmd();
    c.args([
        "--endpoint-url",
        &format!("http://localhost:{port}"),
        "accesspoint",
        "get",
        "some-access-point",
    ]);
    let a = crate::harness::no_panic(c.assert()).code(1);
    let err = stderr(&a);
    assert_eq!(stdout(&a), "");
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error: sts:GetCallerIdentity: could not reach the AWS endpoint"),
        "{err}"
    );
    assert!(
        first.contains("Connection refused"),
        "the cause is named:\n{err}"
    );
    assert!(err.contains("hint: check --endpoint-url"), "{err}");
}

#[test]
fn errors_are_not_coloured_when_not_on_a_terminal() {
    // An invalid name is refused before any request.
    let env = TestEnv::offline();
    let mut c = env.cmd();
    c.env_remove("NO_COLOR").args(["accesspoint", "get", "X"]);
    let a = crate::harness::no_panic(c.assert()).code(2);
    assert!(!stderr(&a).contains('\x1b'), "{:?}", stderr(&a));
    let mut c = env.cmd();
    c.args(["--color", "always", "accesspoint", "get", "X"]);
    crate::harness::no_panic(c.assert())
        .code(2)
        .stderr(contains("\x1b[1;31merror:\x1b[0m"));
}

/// A host that does not resolve (`.invalid` never does, RFC 2606): the first line names the host,
/// and a hint names the likely causes, without -vv.
#[test]
fn unresolvable_endpoint_names_the_host_and_the_likely_causes() {
    let env = TestEnv::offline();
    let mut c = env.bare_cmd();
    c.env("AWS_MAX_ATTEMPTS", "1").args([
        "--endpoint-url",
        "http://lakegate-nowhere.invalid",
        "whoami",
    ]);
    let a = crate::harness::no_panic(c.assert()).code(1);
    let err = stderr(&a);
    let first = err.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error: sts:GetCallerIdentity: could not reach the AWS endpoint: cannot resolve host lakegate-nowhere.invalid"),
        "{err}"
    );
    assert!(
        err.contains("the host does not resolve: no network or DNS, or a proxy"),
        "{err}"
    );
    // us-east-1 is a region AWS has: it is not suspected of being unknown (issue 25, item 7).
    assert!(!err.contains("unknown region"), "{err}");
}

/// No credentials anywhere in the chain: the error says so and the hint names the ways to
/// give some (the kind comes from the credential provider's error, not from its text).
#[test]
fn missing_credentials_say_so_with_the_ways_to_give_them() {
    let env = TestEnv::offline();
    let mut c = env.cmd();
    c.env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_SESSION_TOKEN")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1")
        .arg("whoami");
    let a = crate::harness::no_panic(c.assert()).code(1);
    let err = stderr(&a);
    assert!(
        err.starts_with("error: sts:GetCallerIdentity: no usable AWS credentials"),
        "{err}"
    );
    assert!(err.contains("hint: set AWS_PROFILE"), "{err}");
}
