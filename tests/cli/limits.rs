//! The 20 KB policy size limit: refused before any call, with the measured size and the way out,
//! and nothing changed.

use crate::harness::{stderr, stdout, TestEnv, ACCOUNT, EC2_ROLE};
use serde_json::{json, Value};

const LIMIT: usize = 20 * 1024;

fn delegate_statement(bucket: &str) -> Value {
    json!({
        "Sid": "LakegateDelegateToAccessPoints",
        "Effect": "Allow",
        "Principal": { "AWS": "*" },
        "Action": "*",
        "Resource": [format!("arn:aws:s3:::{bucket}"), format!("arn:aws:s3:::{bucket}/*")],
        "Condition": { "StringEquals": { "s3:DataAccessPointAccount": ACCOUNT } }
    })
}

/// A foreign bucket policy whose compact JSON is exactly `size` bytes: many per-team read
/// statements, the last one padded.
fn foreign_policy_of_size(bucket: &str, size: usize) -> String {
    let stmt = |i: usize, pad: usize| {
        json!({
            "Sid": format!("TeamRead{i:03}"),
            "Effect": "Allow",
            "Principal": {"AWS": format!("arn:aws:iam::111122223333:role/team-{i:03}")},
            "Action": "s3:GetObject",
            "Resource": format!("arn:aws:s3:::{bucket}/teams/{i:03}/{}*", "x".repeat(pad))
        })
    };
    let mut sts = Vec::new();
    loop {
        let doc = json!({"Version": "2012-10-17", "Statement": sts});
        let len = serde_json::to_string(&doc).unwrap().len();
        let next = serde_json::to_string(&stmt(sts.len(), 0)).unwrap().len() + 1;
        if len + 2 * next > size {
            // Pad one last statement to land exactly on `size`.
            let base = serde_json::to_string(&stmt(sts.len(), 0)).unwrap().len() + 1;
            let pad = size - len - base;
            sts.push(stmt(sts.len(), pad));
            let text =
                serde_json::to_string(&json!({"Version": "2012-10-17", "Statement": sts})).unwrap();
            assert_eq!(text.len(), size);
            return text;
        }
        sts.push(stmt(sts.len(), 0));
    }
}

/// The size of `foreign` once lakegate appends its delegation statement.
fn size_after_delegation(foreign: &str, bucket: &str) -> usize {
    foreign.len()
        + 1
        + serde_json::to_string(&delegate_statement(bucket))
            .unwrap()
            .len()
}

#[test]
fn delegate_refuses_a_bucket_policy_over_20_kb() {
    let env = TestEnv::new();
    let b = env.bucket("big");
    let text = foreign_policy_of_size(&b, LIMIT - 100);
    env.put_policy_text(&b, &text);
    let expected = size_after_delegation(&text, &b);
    assert!(expected > LIMIT);

    for dry_run in [false, true] {
        let mut args = vec!["bucket", "delegate", b.as_str()];
        if dry_run {
            args.push("--dry-run");
        }
        let a = env.lg(&args).code(2);
        let err = stderr(&a);
        assert!(err.starts_with("error: "), "{err}");
        assert!(
            err.contains(&format!(
                "would be {expected} bytes, over the AWS limit of {LIMIT} bytes"
            )),
            "{err}"
        );
        assert!(err.contains("access points"), "{err}");
        assert!(err.contains("lakegate accesspoint create"), "{err}");
        assert_eq!(stdout(&a), "");
    }
    assert_eq!(env.policy_text(&b).as_deref(), Some(text.as_str()));
    assert!(env.history_files().is_empty());
}

#[test]
fn delegate_accepts_a_bucket_policy_of_exactly_20_kb() {
    let env = TestEnv::new();
    let b = env.bucket("edge");
    let overhead = size_after_delegation("", &b);
    let text = foreign_policy_of_size(&b, LIMIT - overhead);
    assert_eq!(size_after_delegation(&text, &b), LIMIT);
    env.put_policy_text(&b, &text);
    env.lg(["bucket", "delegate", &b]).success();
    let after = env.policy_text(&b).unwrap();
    assert_eq!(after.len(), LIMIT);
}

#[test]
fn grant_refuses_an_access_point_policy_over_20_kb() {
    let env = TestEnv::new();
    let b = env.bucket("many");
    let name = env.create_ap("ap", &b, "shared/", EC2_ROLE, "read-write");
    let before = env.ap_policy(&name);
    let history = env.history_files();

    let roles: Vec<String> = (0..150)
        .map(|i| format!("arn:aws:iam::123456789012:role/consumer-application-{i:03}"))
        .collect();
    let mut args: Vec<String> = vec!["accesspoint".into(), "grant".into(), name.clone()];
    for r in &roles {
        args.push("--principal".into());
        args.push(r.clone());
    }
    args.extend(["--prefix", "shared/", "--access", "read-write"].map(String::from));

    let a = env.lg(&args).code(2);
    let err = stderr(&a);
    let size: usize = err
        .split("would be ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the size in bytes is named:\n{err}"));
    assert!(size > LIMIT, "{err}");
    assert!(
        err.contains(&format!("over the AWS limit of {LIMIT} bytes")),
        "{err}"
    );
    assert!(err.contains("access points"), "{err}");
    assert_eq!(env.ap_policy(&name), before);
    assert_eq!(env.history_files(), history);

    // Fewer principals fit.
    let mut args: Vec<String> = vec!["accesspoint".into(), "grant".into(), name.clone()];
    for r in &roles[..20] {
        args.push("--principal".into());
        args.push(r.clone());
    }
    args.extend(["--prefix", "shared/", "--access", "read-write"].map(String::from));
    env.lg(&args).success();
    let v = env.json(["accesspoint", "get", &name, "-o", "json"]);
    assert_eq!(v["grants"].as_array().unwrap().len(), 21);
}
