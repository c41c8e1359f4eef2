//! S3 Access Grants on the project's emulator (`scripts/access_grants.py`, moto has none), read
//! and written by lakegate's aws layer over real HTTP: the whole life of an instance, a location
//! and grants, and the documented errors (S3 API Reference, "List of Amazon S3 Access Grants
//! error codes"; each operation's page is cited in the emulator).

use crate::harness::TestEnv;
use aws_credential_types::Credentials;
use lakegate::aws::access_grants::{GrantPermission, GranteeKind, NewAccessGrant};
use lakegate::aws::Aws;

/// lakegate's AWS handle on the test's moto, for one account (S3 Control's `x-amz-account-id`):
/// an account of its own gives each test its own Access Grants instance on the shared server.
pub(crate) async fn aws(env: &TestEnv, account: &str) -> Aws {
    let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .http_client(lakegate::aws::dns::http_client())
        .region(aws_types::region::Region::new("us-east-1"))
        .endpoint_url(env.endpoint())
        .credentials_provider(Credentials::new("test", "test", None, None, "test"))
        .load()
        .await;
    let aws = Aws::from_config(sdk);
    aws.set_account(account.to_string());
    aws
}

/// A 12-digit account id unique to this test: its id (letters and digits, read in base 36) after
/// a leading 9, so no two tests share one (the digits of the id alone can coincide).
pub(crate) fn account(env: &TestEnv) -> String {
    let n = env
        .id
        .chars()
        .filter_map(|c| c.to_digit(36))
        .fold(0u64, |n, d| (n * 36 + u64::from(d)) % 100_000_000_000);
    format!("9{n:011}")
}

/// An IAM role S3 Access Grants may assume for a location (its trust policy as the S3 User Guide,
/// "Register a location", gives it); returns its ARN.
pub(crate) async fn location_role(env: &TestEnv, aws: &Aws, what: &str) -> String {
    let trust = lakegate::policy::PolicyDocument::parse(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
            "Principal":{"Service":"access-grants.s3.amazonaws.com"},
            "Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}"#,
    )
    .unwrap();
    let name = env.name(what);
    aws.put_role(&name, &trust, "Access Grants location role")
        .await
        .unwrap();
    aws.role(&name).await.unwrap().unwrap().arn
}

fn grant(location_id: &str, sub_prefix: &str, grantee: &str) -> NewAccessGrant {
    NewAccessGrant {
        location_id: location_id.into(),
        sub_prefix: Some(sub_prefix.into()),
        grantee_kind: GranteeKind::Iam,
        grantee: grantee.into(),
        permission: GrantPermission::Read,
        application_arn: None,
    }
}

#[tokio::test]
async fn an_instance_a_location_and_grants_live_and_die_as_documented() {
    let env = TestEnv::new();
    let bucket = env.bucket("vendor-lake");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role_arn = location_role(&env, &aws, "ag-location").await;

    // No instance yet: reads say so, lists are empty.
    assert_eq!(aws.access_grants_instance(&acct).await.unwrap(), None);
    assert!(aws
        .access_grants(&acct, &Default::default())
        .await
        .unwrap()
        .is_empty());

    let instance = aws
        .create_access_grants_instance(&acct, None)
        .await
        .unwrap();
    assert_eq!(
        instance.arn,
        format!("arn:aws:s3:us-east-1:{acct}:access-grants/default")
    );
    // One instance per Region per account.
    let e = aws
        .create_access_grants_instance(&acct, None)
        .await
        .unwrap_err();
    assert_eq!(
        e.code.as_deref(),
        Some("AccessGrantsInstanceAlreadyExists"),
        "{e:?}"
    );

    // A location outside any bucket is refused; one on the bucket is registered.
    let e = aws
        .create_access_grants_location(&acct, &format!("s3://{bucket}-missing/"), &role_arn)
        .await
        .unwrap_err();
    assert_eq!(
        e.code.as_deref(),
        Some("InvalidAccessGrantsLocation"),
        "{e:?}"
    );
    let location = aws
        .create_access_grants_location(&acct, &format!("s3://{bucket}/"), &role_arn)
        .await
        .unwrap();
    assert_eq!(location.scope, format!("s3://{bucket}/"));
    assert_eq!(location.iam_role_arn, role_arn);

    // Grants below it; one outside it is refused; a directory user needs Identity Center.
    let analyst = format!("arn:aws:iam::{acct}:role/analyst");
    let a = aws
        .create_access_grant(&acct, &grant(&location.id, "vendorA/*", &analyst))
        .await
        .unwrap();
    assert_eq!(a.scope, format!("s3://{bucket}/vendorA/*"));
    assert_eq!(a.permission, GrantPermission::Read);
    let e = aws
        .create_access_grant(&acct, &grant(&location.id, "../other/*", &analyst))
        .await
        .unwrap_err();
    assert_eq!(e.code.as_deref(), Some("InvalidAccessGrant"), "{e:?}");
    let mut directory = grant(
        &location.id,
        "vendorB/*",
        "83a4f8e2-0001-7000-a000-000000000001",
    );
    directory.grantee_kind = GranteeKind::DirectoryUser;
    let e = aws
        .create_access_grant(&acct, &directory)
        .await
        .unwrap_err();
    assert_eq!(
        e.code.as_deref(),
        Some("InvalidIdentityCenterInstance"),
        "{e:?}"
    );

    // Listing reads every page back as written.
    for i in 0..3 {
        aws.create_access_grant(&acct, &grant(&location.id, &format!("p{i}/*"), &analyst))
            .await
            .unwrap();
    }
    let grants = aws.access_grants(&acct, &Default::default()).await.unwrap();
    assert_eq!(grants.len(), 4);
    assert!(grants.contains(&a));
    assert_eq!(
        aws.access_grants_locations(&acct, None).await.unwrap(),
        [location]
    );

    // Nothing is deleted out of order: grants, then the location, then the instance.
    let location = &aws.access_grants_locations(&acct, None).await.unwrap()[0];
    let e = aws
        .delete_access_grants_location(&acct, &location.id)
        .await
        .unwrap_err();
    assert_eq!(
        e.code.as_deref(),
        Some("AccessGrantsLocationNotEmptyError"),
        "{e:?}"
    );
    for g in &grants {
        aws.delete_access_grant(&acct, &g.id).await.unwrap();
    }
    aws.delete_access_grants_location(&acct, &location.id)
        .await
        .unwrap();
    aws.delete_access_grants_instance(&acct).await.unwrap();
    assert_eq!(aws.access_grants_instance(&acct).await.unwrap(), None);
}

/// The `accessgrant` commands through the change pipeline, on an account of the test's own
/// (`--account-id`): plans, no-op repeats, bad input refused before any call, `check` as
/// GetDataAccess chooses, and deletion in the order AWS requires.
#[tokio::test]
async fn the_accessgrant_commands_manage_an_instance_a_location_and_grants() {
    let env = TestEnv::new();
    let bucket = env.bucket("ag-lake");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role = location_role(&env, &aws, "ag-role").await;
    let lg = |args: &[&str]| {
        let mut all = vec!["--account-id", acct.as_str()];
        all.extend_from_slice(args);
        env.lg(all)
    };
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--account-id", acct.as_str(), "-o", "json"];
        all.extend_from_slice(args);
        env.json(all)
    };

    // The instance: created once, a repeat changes nothing.
    assert_eq!(
        json(&["accessgrant", "instance", "create"])["changed"],
        true
    );
    assert_eq!(json(&["ag", "instance", "create"])["changed"], false);
    let instance = json(&["ag", "instance", "get"]);
    assert_eq!(
        instance["arn"],
        format!("arn:aws:s3:us-east-1:{acct}:access-grants/default")
    );

    // A location: a dry run plans and changes nothing; then registered once.
    let scope = format!("s3://{bucket}/");
    lg(&[
        "--dry-run",
        "ag",
        "location",
        "create",
        &scope,
        "--role",
        &role,
    ])
    .success();
    assert!(aws
        .access_grants_locations(&acct, None)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        json(&["ag", "location", "create", &scope, "--role", &role])["changed"],
        true
    );
    assert_eq!(
        json(&["ag", "location", "create", &scope, "--role", &role])["changed"],
        false
    );

    // Bad input: one line naming the field, exit 2, nothing written.
    let analyst = format!("arn:aws:iam::{acct}:role/analyst");
    let outside = format!("s3://{bucket}-elsewhere/x/");
    for (args, needle) in [
        (
            vec![
                "ag",
                "create",
                "--grantee",
                analyst.as_str(),
                "--prefix",
                outside.as_str(),
                "--access",
                "read",
            ],
            "--prefix",
        ),
        (
            vec![
                "ag",
                "create",
                "--grantee",
                "s3.amazonaws.com",
                "--prefix",
                scope.as_str(),
                "--access",
                "read",
            ],
            "--grantee",
        ),
        (
            vec![
                "ag",
                "create",
                "--directory-user",
                "alice",
                "--prefix",
                scope.as_str(),
                "--access",
                "read",
            ],
            "--directory-user",
        ),
        (
            vec![
                "ag",
                "location",
                "create",
                "vendor-lake",
                "--role",
                role.as_str(),
            ],
            "SCOPE",
        ),
    ] {
        let a = lg(&args).code(2);
        let err = crate::harness::stderr(&a);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(
            err.trim()
                .lines()
                .filter(|l| l.starts_with("error"))
                .count(),
            1,
            "{err}"
        );
    }
    assert!(aws
        .access_grants(&acct, &Default::default())
        .await
        .unwrap()
        .is_empty());

    // A grant on a prefix below the location; a repeat changes nothing.
    let prefix = format!("s3://{bucket}/vendorA/");
    let grant = [
        "ag",
        "create",
        "--grantee",
        &analyst,
        "--prefix",
        &prefix,
        "--access",
        "read",
    ];
    let made = json(&grant);
    assert_eq!(made["changed"], true);
    assert_eq!(made["scope"], format!("s3://{bucket}/vendorA/*"));
    assert_eq!(json(&grant)["changed"], false);
    let listed = json(&["ag", "list"]);
    let [g] = listed.as_array().unwrap().as_slice() else {
        panic!("{listed}")
    };
    assert_eq!(g["grantee"], analyst.as_str());
    assert_eq!(g["permission"], "READ");
    let id = g["id"].as_str().unwrap().to_string();

    // check: the grant a read of a key below the prefix matches; no write grant (exit 3).
    let key = format!("s3://{bucket}/vendorA/2026/sales.csv");
    let c = json(&["ag", "check", &analyst, &key, "--access", "read"]);
    assert_eq!(c["matched"]["id"], id.as_str());
    assert_eq!(c["credentials"]["issued_by_assuming"], role.as_str());
    lg(&["ag", "check", &analyst, &key, "--access", "write"]).code(3);

    // Changing the access replaces the grant; then delete in AWS's order.
    let write = [
        "ag",
        "create",
        "--grantee",
        &analyst,
        "--prefix",
        &prefix,
        "--access",
        "read-write",
    ];
    assert_eq!(json(&write)["changed"], true);
    let listed = json(&["ag", "list", "--grantee", &analyst]);
    let [g] = listed.as_array().unwrap().as_slice() else {
        panic!("{listed}")
    };
    assert_eq!(g["permission"], "READWRITE");
    let id = g["id"].as_str().unwrap().to_string();
    lg(&["ag", "location", "delete", &scope, "--yes"]).code(1);
    lg(&["ag", "delete", &id, "--yes"]).success();
    lg(&["ag", "location", "delete", &scope, "--yes"]).success();
    lg(&["ag", "instance", "delete", "--yes"]).success();
    assert_eq!(aws.access_grants_instance(&acct).await.unwrap(), None);
}

/// `location create --create-role NAME`: the role S3 Access Grants assumes, made in the same
/// plan (its trust policy as the S3 User Guide's "Register a location" gives it, an inline
/// policy reaching exactly the scope), then the location registered with it; a repeat changes
/// nothing; bad input is refused before any call.
#[tokio::test]
async fn location_create_makes_the_role_with_exactly_the_scopes_permissions() {
    let env = TestEnv::new();
    let bucket = env.bucket("ag-role-lake");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role = env.name("ag-made-role");
    let lg = |args: &[&str]| {
        let mut all = vec!["--account-id", acct.as_str()];
        all.extend_from_slice(args);
        env.lg(all)
    };
    let scope = format!("s3://{bucket}/vendorA/");
    let create = [
        "-o",
        "json",
        "ag",
        "location",
        "create",
        scope.as_str(),
        "--create-role",
        role.as_str(),
    ];
    lg(&["ag", "instance", "create"]).success();

    // Bad input: both or neither of --role / --create-role, a bad role name: exit 2.
    for (args, needle) in [
        (
            vec![
                "ag",
                "location",
                "create",
                scope.as_str(),
                "--create-role",
                role.as_str(),
                "--role",
                "arn:aws:iam::123456789012:role/x",
            ],
            "--create-role",
        ),
        (vec!["ag", "location", "create", scope.as_str()], "--role"),
        (
            vec![
                "ag",
                "location",
                "create",
                scope.as_str(),
                "--create-role",
                "bad/name",
            ],
            "--create-role",
        ),
    ] {
        let err = crate::harness::stderr(&lg(&args).code(2));
        assert!(err.contains(needle), "{args:?}: {err}");
    }

    // A dry run plans the role, its policy and the location, and makes none of them.
    let mut dry = vec!["--dry-run"];
    dry.extend_from_slice(&create);
    let plan = crate::harness::stdout(&lg(&dry).success());
    for kind in ["iam-role", "access-grants-location"] {
        assert!(plan.contains(kind), "{plan}");
    }
    assert!(aws.role(&role).await.unwrap().is_none());

    let made: serde_json::Value =
        serde_json::from_str(&crate::harness::stdout(&lg(&create).success())).unwrap();
    assert_eq!(made["changed"], true, "{made}");
    let info = aws.role(&role).await.unwrap().expect("the role is made");
    assert_eq!(made["location"]["iam_role_arn"], info.arn.as_str());
    let trust = info.trust_policy.to_value();
    assert_eq!(
        trust["Statement"][0]["Principal"]["Service"],
        "access-grants.s3.amazonaws.com"
    );
    let actions = trust["Statement"][0]["Action"].to_string();
    for a in ["sts:AssumeRole", "sts:SetSourceIdentity"] {
        assert!(actions.contains(a), "{trust}");
    }
    let policy = aws
        .role_policy(&role, "lakegate-access-grants-location")
        .await
        .unwrap()
        .expect("the inline policy")
        .to_value();
    let st = policy["Statement"].as_array().unwrap();
    let objects = format!("arn:aws:s3:::{bucket}/vendorA/*");
    assert_eq!(st[0]["Resource"], objects.as_str());
    assert_eq!(st[1]["Resource"], objects.as_str());
    assert!(st[1]["Action"].to_string().contains("s3:DeleteObject"));
    assert_eq!(st[2]["Action"], "s3:ListBucket");
    assert_eq!(st[2]["Resource"], format!("arn:aws:s3:::{bucket}"));
    assert_eq!(st[2]["Condition"]["StringLike"]["s3:prefix"], "vendorA/*");
    let locations = aws.access_grants_locations(&acct, None).await.unwrap();
    assert_eq!(locations.len(), 1);
    assert_eq!(locations[0].iam_role_arn, info.arn);

    // A repeat changes nothing.
    let again: serde_json::Value =
        serde_json::from_str(&crate::harness::stdout(&lg(&create).success())).unwrap();
    assert_eq!(again["changed"], false, "{again}");
}

/// `access who-can` counts grants as a source: a row per grant that meets the prefix with the
/// access (source `access-grant:ID`, its location, the grantee — a directory group too —, external
/// or not, the keys), and a grantee role of the account that no longer exists as latent.
#[tokio::test]
async fn who_can_shows_access_grants_with_directory_grantees_and_missing_roles() {
    let env = TestEnv::new();
    let bucket = env.bucket("ag-who");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role = location_role(&env, &aws, "ag-who-location").await;
    aws.create_access_grants_instance(
        &acct,
        Some("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
    )
    .await
    .unwrap();
    let location = aws
        .create_access_grants_location(&acct, &format!("s3://{bucket}/"), &role)
        .await
        .unwrap();
    let gone = format!("arn:aws:iam::{acct}:role/gone");
    let partner = "arn:aws:iam::444455556666:role/partner";
    let group = "83a4f8e2-0002-7000-a000-000000000002";
    for (kind, who, sub, permission) in [
        (
            GranteeKind::Iam,
            gone.as_str(),
            "vendorA/*",
            GrantPermission::Read,
        ),
        (
            GranteeKind::Iam,
            partner,
            "vendorA/shared/*",
            GrantPermission::Readwrite,
        ),
        (
            GranteeKind::DirectoryGroup,
            group,
            "vendorA/*",
            GrantPermission::Read,
        ),
        (
            GranteeKind::Iam,
            partner,
            "vendorB/*",
            GrantPermission::Read,
        ),
        (
            GranteeKind::Iam,
            partner,
            "vendorA/drop/*",
            GrantPermission::Write,
        ),
    ] {
        let mut g = grant(&location.id, sub, who);
        g.grantee_kind = kind;
        g.permission = permission;
        aws.create_access_grant(&acct, &g).await.unwrap();
    }
    let rows = env.json([
        "--account-id",
        acct.as_str(),
        "-o",
        "json",
        "access",
        "who-can",
        &format!("s3://{bucket}/vendorA/"),
        "--action",
        "read",
    ]);
    let mut got: Vec<(String, bool, String, bool, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["source"].as_str().unwrap().starts_with("access-grant:"))
        .map(|r| {
            assert_eq!(r["location"], format!("s3://{bucket}/"), "{r}");
            (
                r["principal"].as_str().unwrap().to_string(),
                r["external"].as_bool().unwrap(),
                r["keys"][0].as_str().unwrap().to_string(),
                r["latent"].is_string(),
                r["access"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (
                partner.to_string(),
                true,
                "vendorA/shared/*".into(),
                false,
                "read".into()
            ),
            (gone.clone(), false, "vendorA/*".into(), true, "read".into()),
            (
                format!("directory-group:{group}"),
                false,
                "vendorA/*".into(),
                false,
                "read".into()
            ),
        ],
        "{rows:#}"
    );
}

/// `audit report` counts grants as a source: one row per grant on the bucket (source
/// `access-grant:ID`, the location in `sid`, the grantee, external or not, the prefix, the
/// access), a grantee role of the account that no longer exists as latent.
#[tokio::test]
async fn audit_report_has_a_row_per_access_grant_of_the_bucket() {
    let env = TestEnv::new();
    let bucket = env.bucket("ag-audit");
    let other = env.bucket("ag-audit-other");
    let acct = account(&env);
    let aws = aws(&env, &acct).await;
    let role = location_role(&env, &aws, "ag-audit-location").await;
    aws.create_access_grants_instance(
        &acct,
        Some("arn:aws:sso:::instance/ssoins-1234567890abcdef"),
    )
    .await
    .unwrap();
    let location = aws
        .create_access_grants_location(&acct, "s3://", &role)
        .await
        .unwrap();
    let gone = format!("arn:aws:iam::{acct}:role/gone");
    let partner = "arn:aws:iam::444455556666:role/partner";
    let user = "83a4f8e2-0001-7000-a000-000000000001";
    for (kind, who, sub, permission) in [
        (
            GranteeKind::Iam,
            gone.as_str(),
            format!("{bucket}/vendorA/*"),
            GrantPermission::Read,
        ),
        (
            GranteeKind::Iam,
            partner,
            format!("{bucket}/shared/*"),
            GrantPermission::Readwrite,
        ),
        (
            GranteeKind::DirectoryUser,
            user,
            format!("{bucket}/vendorB/*"),
            GrantPermission::Write,
        ),
        (
            GranteeKind::Iam,
            partner,
            format!("{other}/x/*"),
            GrantPermission::Read,
        ),
    ] {
        let mut g = grant(&location.id, &sub, who);
        g.grantee_kind = kind;
        g.permission = permission;
        aws.create_access_grant(&acct, &g).await.unwrap();
    }
    let rows = env.json([
        "--account-id",
        acct.as_str(),
        "-o",
        "json",
        "audit",
        "report",
        "--bucket",
        bucket.as_str(),
    ]);
    let mut got: Vec<(String, bool, String, String, String, bool)> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["source"].as_str().unwrap().starts_with("access-grant:"))
        .map(|r| {
            assert_eq!(r["sid"], "location:s3://", "{r}");
            assert_eq!(r["bucket"], bucket.as_str(), "{r}");
            (
                r["principal"].as_str().unwrap().to_string(),
                r["external"].as_bool().unwrap(),
                r["prefix"].as_str().unwrap().to_string(),
                r["access"].as_str().unwrap().to_string(),
                r["keys"].as_str().unwrap().to_string(),
                !r["latent"].as_str().unwrap_or_default().is_empty(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (
                partner.to_string(),
                true,
                "shared/".into(),
                "read+write+list".into(),
                "shared/*".into(),
                false
            ),
            (
                gone.clone(),
                false,
                "vendorA/".into(),
                "read+list".into(),
                "vendorA/*".into(),
                true
            ),
            (
                format!("directory-user:{user}"),
                false,
                "vendorB/".into(),
                "write".into(),
                "vendorB/*".into(),
                false
            ),
        ],
        "{rows:#}"
    );
}
