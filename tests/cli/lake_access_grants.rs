//! The lake file's `accessGrants` section on the Access Grants emulator: diff, apply, export
//! and --prune with the drift semantics of access points, and bad input refused with the file,
//! line and field. Each test has an account of its own (`--account-id`), so its own instance.

use crate::access_grants::{account, aws, location_role};
use crate::harness::{assert_usage_error, stdout, TestEnv};
use lakegate::aws::access_grants::{GrantFilter, GrantPermission, GranteeKind, NewAccessGrant};
use std::path::PathBuf;

const IDENTITY_CENTER: &str = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
const SSO_GROUP: &str = "83a4f8e2-0002-7000-a000-000000000002";

fn write(env: &TestEnv, name: &str, text: &str) -> PathBuf {
    let p = env.temp().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn lake_file(acct: &str, bucket: &str, role: &str, vendor_a: &str) -> String {
    format!(
        "apiVersion: lakegate/v1
kind: Lake
groups:
  analysts: [arn:aws:iam::{acct}:role/analyst]
accessGrants:
  identityCenter: {IDENTITY_CENTER}
  locations:
    - scope: s3://{bucket}/
      role: {role}
  grants:
    - principals: [analysts]
      prefix: s3://{bucket}/vendorA/
      access: {vendor_a}
    - directoryGroups: [{SSO_GROUP}]
      prefix: s3://{bucket}/vendorB/
      access: read-write
"
    )
}

#[tokio::test]
async fn access_grants_round_trip_through_diff_apply_export_and_prune() {
    let env = TestEnv::new();
    let b = env.bucket("ag-lake");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role = location_role(&env, &aws, "ag-lake-location").await;
    let lg = |args: &[&str]| {
        let mut all = vec!["--account-id", acct.as_str()];
        all.extend_from_slice(args);
        env.lg(all)
    };
    let grants = || async {
        let mut g: Vec<(GranteeKind, String, String, GrantPermission)> = aws
            .access_grants(&acct, &GrantFilter::default())
            .await
            .unwrap()
            .into_iter()
            .map(|g| (g.grantee_kind, g.grantee, g.scope, g.permission))
            .collect();
        g.sort_by(|x, y| x.2.cmp(&y.2));
        g
    };
    let file = write(&env, "lake.yaml", &lake_file(&acct, &b, &role, "read"));
    let path = file.to_str().unwrap();

    // Nothing yet: the diff shows the instance, the location and both grants (exit 4).
    let out = stdout(&lg(&["diff", "-f", path]).code(4));
    for what in [
        "create Access Grants instance",
        "create Access Grants location",
        "create access grant",
    ] {
        assert!(out.contains(what), "{what}: {out}");
    }
    assert_eq!(aws.access_grants_instance(&acct).await.unwrap(), None);

    // Applied: the instance associated, the location, one grant per grantee; then no difference.
    lg(&["apply", "-f", path]).success();
    let instance = aws.access_grants_instance(&acct).await.unwrap().unwrap();
    assert_eq!(
        instance.identity_center_arn.as_deref(),
        Some(IDENTITY_CENTER)
    );
    let analyst = format!("arn:aws:iam::{acct}:role/analyst");
    assert_eq!(
        grants().await,
        [
            (
                GranteeKind::Iam,
                analyst.clone(),
                format!("s3://{b}/vendorA/*"),
                GrantPermission::Read
            ),
            (
                GranteeKind::DirectoryGroup,
                SSO_GROUP.to_string(),
                format!("s3://{b}/vendorB/*"),
                GrantPermission::Readwrite
            ),
        ]
    );
    lg(&["diff", "-f", path]).success();

    // The export of the bucket reads back as a file that differs in nothing.
    let exported = stdout(&lg(&["export", "--bucket", &b]).success());
    assert!(exported.contains("accessGrants"), "{exported}");
    let again = write(&env, "exported.yaml", &exported);
    lg(&["diff", "-f", again.to_str().unwrap()]).success();

    // A change of access: planned, applied, then clean again.
    let file = write(
        &env,
        "lake.yaml",
        &lake_file(&acct, &b, &role, "read-write"),
    );
    let path = file.to_str().unwrap();
    lg(&["diff", "-f", path]).code(4);
    lg(&["apply", "-f", path]).success();
    assert_eq!(grants().await[0].3, GrantPermission::Readwrite);
    lg(&["diff", "-f", path]).success();

    // A grant made outside the file: reported as undeclared and kept; --prune deletes it.
    let location = aws.access_grants_locations(&acct, None).await.unwrap()[0]
        .id
        .clone();
    aws.create_access_grant(
        &acct,
        &NewAccessGrant {
            location_id: location,
            sub_prefix: Some("other/*".into()),
            grantee_kind: GranteeKind::Iam,
            grantee: analyst.clone(),
            permission: GrantPermission::Read,
            application_arn: None,
        },
    )
    .await
    .unwrap();
    let out = stdout(&lg(&["diff", "-f", path]).success());
    assert!(
        out.contains(&format!(
            "undeclared access grant s3://{b}/other/* {analyst}"
        )),
        "{out}"
    );
    lg(&["apply", "-f", path]).success();
    assert_eq!(grants().await.len(), 3);
    lg(&["diff", "-f", path, "--prune"]).code(4);
    lg(&["apply", "-f", path, "--prune", "--yes"]).success();
    let left = grants().await;
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(!left.iter().any(|g| g.2.ends_with("other/*")));
    lg(&["diff", "-f", path, "--prune"]).success();
}

#[test]
fn a_bad_access_grants_section_is_one_line_naming_the_field() {
    let env = TestEnv::offline();
    let role = "arn:aws:iam::123456789012:role/ag";
    for (text, needle) in [
        (
            lake_file("123456789012", "lake", role, "everything"),
            "lake.yaml:13: accessGrants.grants[0].access",
        ),
        (
            lake_file("123456789012", "lake", role, "read").replace("s3://lake/\n", "lake\n"),
            "lake.yaml:8: accessGrants.locations[0].scope: invalid location scope 'lake'",
        ),
        (
            lake_file("123456789012", "lake", role, "read").replace(
                "arn:aws:iam::123456789012:role/analyst",
                "arn:aws:iam::123456789012:root",
            ),
            "lake.yaml: accessGrants.grants[0].principals: invalid grantee",
        ),
        (
            lake_file("123456789012", "lake", role, "read")
                .replace(&format!("    - directoryGroups: [{SSO_GROUP}]\n"), "    - prefix: s3://lake/x/\n")
                .replace("      prefix: s3://lake/vendorB/\n", ""),
            "lake.yaml: accessGrants.grants[1]: a grant needs principals, directoryUsers or directoryGroups",
        ),
    ] {
        write(&env, "lake.yaml", &text);
        let a = env
            .cmd()
            .current_dir(env.temp())
            .args(["diff", "-f", "lake.yaml"])
            .assert();
        assert_usage_error(a, needle);
    }
}
