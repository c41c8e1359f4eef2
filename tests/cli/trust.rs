//! Issue 23: principals as AWS reads them, errors that name the thing, foreign statements kept
//! byte for byte, and the window no lease can close.

use crate::harness::{assert_usage_error, stderr, TestEnv};

// ---------------------------------------------------------------------------------------------
// 2. A service name is not an AWS principal.

/// `--principal s3.amazonaws.com` would be written as `{"AWS": "s3.amazonaws.com"}`, which AWS
/// rejects: refused with exit 2, by every verb that writes a grant, before any call (the
/// environment is offline: a call would fail with exit 1).
#[test]
fn a_service_name_is_refused_as_a_principal_before_any_call() {
    let env = TestEnv::offline();
    for args in [
        vec![
            "accesspoint",
            "grant",
            "ec2-consumer",
            "--principal",
            "s3.amazonaws.com",
            "--prefix",
            "sales_event/",
            "--access",
            "read",
        ],
        vec![
            "accesspoint",
            "create",
            "ec2-consumer",
            "--bucket",
            "store-events",
            "--principal",
            "s3.amazonaws.com",
            "--prefix",
            "sales_event/",
            "--access",
            "read",
        ],
        vec![
            "accesspoint",
            "revoke",
            "ec2-consumer",
            "--principal",
            "athena.amazonaws.com",
        ],
    ] {
        let a = assert_usage_error(env.lg(&args), "service principal cannot be granted");
        let err = stderr(&a);
        assert!(err.contains("--principal"), "{err}");
        assert!(!err.contains("could not reach"), "{err}");
    }
    // Evaluating a service as the caller stays possible.
    let a = env.lg([
        "access",
        "check",
        "--principal",
        "athena.amazonaws.com",
        "--action",
        "s3:GetObject",
        "--bucket",
        "store-events",
        "--key",
        "k",
    ]);
    assert!(!stderr(&a).contains("service principal"), "{}", stderr(&a));
}

