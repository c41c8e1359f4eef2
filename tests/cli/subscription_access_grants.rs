//! Subscriptions fulfilled through S3 Access Grants (`--via access-grants`): DataZone on its
//! HTTP fake (see `subscription.rs`), S3, IAM and the Access Grants emulator on moto. Each test
//! works in an account of its own (`--account-id`), so it has its own Access Grants instance.

use crate::access_grants::{account, aws, location_role};
use crate::harness::{stderr, TestEnv, ACCOUNT};
use crate::subscription::{
    grant_event, json_of, lg, Fake, DOMAIN, PROJECT, ROLE_A, ROLE_B, S3_TYPE,
};
use lakegate::aws::access_grants::{GrantFilter, GrantPermission, GranteeKind, NewAccessGrant};
use serde_json::{json, Value};

const IDENTITY_CENTER: &str = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
const SSO_USER: &str = "83a4f8e2-0001-7000-a000-000000000001";
const SSO_GROUP: &str = "83a4f8e2-0002-7000-a000-000000000002";

/// Run a future of the aws layer to completion (the tests are synchronous: the DataZone fake
/// has its own runtime).
fn block<F: std::future::Future>(f: F) -> F::Output {
    thread_local! {
        static RT: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
    }
    RT.with(|rt| rt.block_on(f))
}

/// `lakegate --account-id ACCT ARGS…` with DataZone on the fake.
fn run(env: &TestEnv, fake: &Fake, acct: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    crate::harness::no_panic(
        lg(env, fake)
            .args(["--account-id", acct])
            .args(args)
            .assert(),
    )
}

/// `subscription handle-event --via access-grants` of `event`, with `extra` flags first.
fn handle(
    env: &TestEnv,
    fake: &Fake,
    acct: &str,
    extra: &[&str],
    event: String,
) -> assert_cmd::assert::Assert {
    crate::harness::no_panic(
        lg(env, fake)
            .args(["--account-id", acct])
            .args(extra)
            .args(["subscription", "handle-event", "--via", "access-grants"])
            .write_stdin(event)
            .assert(),
    )
}

/// The grants of the test's account: (grantee type, grantee, scope, permission), sorted.
fn grants(env: &TestEnv, acct: &str) -> Vec<(GranteeKind, String, String, GrantPermission)> {
    let aws = block(aws(env, acct));
    let mut g: Vec<_> = block(aws.access_grants(acct, &GrantFilter::default()))
        .unwrap()
        .into_iter()
        .map(|g| (g.grantee_kind, g.grantee, g.scope, g.permission))
        .collect();
    g.sort_by(|a, b| (&a.1, &a.2).cmp(&(&b.1, &b.2)));
    g
}

#[test]
fn a_project_subscription_is_granted_and_revoked_through_access_grants() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let acct = account(&env);
    let b = env.bucket("sub-ag");
    let role =
        block(async { location_role(&env, &aws(&env, &acct).await, "ag-sub-location").await });
    fake.request(
        "req1",
        PROJECT,
        &format!("arn:aws:s3:::{b}/genomes/"),
        S3_TYPE,
    );
    fake.project(PROJECT, ROLE_A, ROLE_B, ACCOUNT);
    let grant = |extra: &[&str]| {
        let mut a = vec![
            "-o",
            "json",
            "subscription",
            "grant",
            "--domain",
            DOMAIN,
            "--request",
            "req1",
            "--via",
            "access-grants",
        ];
        a.extend_from_slice(extra);
        run(&env, &fake, &acct, &a)
    };

    // No instance: exit 1, saying so and how to make one.
    let err = stderr(&grant(&[]).code(1));
    assert!(err.contains("no S3 Access Grants instance"), "{err}");
    assert!(err.contains("accessgrant instance create"), "{err}");
    run(&env, &fake, &acct, &["accessgrant", "instance", "create"]).success();

    // No location covers the asset and no --location-role: exit 1, the way out named.
    let err = stderr(&grant(&[]).code(1));
    assert!(err.contains("no S3 Access Grants location"), "{err}");
    assert!(err.contains("--location-role"), "{err}");

    // --actions cannot be expressed by Access Grants: exit 2, nothing changed.
    let err = stderr(&grant(&["--actions", "s3:GetObject"]).code(2));
    assert!(err.contains("--actions"), "{err}");
    assert!(grants(&env, &acct).is_empty());
    // --location-role: a role ARN, and only with --via access-grants.
    let err = stderr(&grant(&["--location-role", "ag-location"]).code(2));
    assert!(err.contains("--location-role"), "{err}");
    let policy_route = [
        "subscription",
        "grant",
        "--domain",
        DOMAIN,
        "--request",
        "req1",
        "--location-role",
        role.as_str(),
    ];
    let err = stderr(&run(&env, &fake, &acct, &policy_route).code(2));
    assert!(
        err.contains("--location-role: only with --via access-grants"),
        "{err}"
    );

    // A dry run plans the location and the two grants, and changes nothing.
    grant(&["--location-role", &role, "--dry-run"]).success();
    assert!(grants(&env, &acct).is_empty());

    // The location of the bucket is registered with the role, and one READ grant per principal
    // of the project's S3 subscription targets is made on the asset's prefix.
    let o = json_of(&grant(&["--location-role", &role]).success());
    assert_eq!(
        (o["changed"].clone(), o["via"].clone()),
        (json!(true), json!("access-grants")),
        "{o}"
    );
    let scope = format!("s3://{b}/genomes/*");
    assert_eq!(
        grants(&env, &acct),
        [
            (
                GranteeKind::Iam,
                ROLE_B.to_string(),
                scope.clone(),
                GrantPermission::Read
            ),
            (
                GranteeKind::Iam,
                ROLE_A.to_string(),
                scope.clone(),
                GrantPermission::Read
            ),
        ]
    );
    let locations = block(async {
        aws(&env, &acct)
            .await
            .access_grants_locations(&acct, None)
            .await
    })
    .unwrap();
    assert_eq!(locations.len(), 1);
    assert_eq!(
        (
            locations[0].scope.as_str(),
            locations[0].iam_role_arn.as_str()
        ),
        (format!("s3://{b}/").as_str(), role.as_str())
    );
    assert!(o["access_grants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g == &json!(format!("access-grant:{scope} {ROLE_A}"))));
    // The subscription's policy routes are not touched.
    assert_eq!(env.policy_text(&b), None);

    // A repeat changes nothing.
    let again = json_of(&grant(&["--location-role", &role]).success());
    assert_eq!(again["changed"], false, "{again}");
    assert!(again["message"]
        .as_str()
        .unwrap()
        .contains("already granted"));

    // The subscription shows as granted through Access Grants (req1 of the listed ones).
    crate::subscription::mount_subscriptions(&fake, &format!("arn:aws:s3:::{b}/genomes/"));
    let listed = json_of(
        &run(
            &env,
            &fake,
            &acct,
            &[
                "-o",
                "json",
                "subscription",
                "list",
                "--domain",
                DOMAIN,
                "--via",
                "access-grants",
            ],
        )
        .success(),
    );
    let req1 = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["request_id"] == "req1")
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(req1["granted"], true, "{listed}");

    // A grant someone else made on another prefix stays; the revoke deletes exactly the two.
    let loc_id = locations[0].id.clone();
    block(async {
        aws(&env, &acct)
            .await
            .create_access_grant(
                &acct,
                &NewAccessGrant {
                    location_id: loc_id,
                    sub_prefix: Some("other/*".into()),
                    grantee_kind: GranteeKind::Iam,
                    grantee: ROLE_A.into(),
                    permission: GrantPermission::Read,
                    application_arn: None,
                },
            )
            .await
    })
    .unwrap();
    let r = json_of(
        &run(
            &env,
            &fake,
            &acct,
            &[
                "-o",
                "json",
                "--yes",
                "subscription",
                "revoke",
                "--domain",
                DOMAIN,
                "--request",
                "req1",
                "--via",
                "access-grants",
            ],
        )
        .success(),
    );
    assert_eq!(r["changed"], true, "{r}");
    assert_eq!(
        grants(&env, &acct),
        [(
            GranteeKind::Iam,
            ROLE_A.to_string(),
            format!("s3://{b}/other/*"),
            GrantPermission::Read
        )]
    );
    let r = json_of(
        &run(
            &env,
            &fake,
            &acct,
            &[
                "-o",
                "json",
                "--yes",
                "subscription",
                "revoke",
                "--domain",
                DOMAIN,
                "--request",
                "req1",
                "--via",
                "access-grants",
            ],
        )
        .success(),
    );
    assert_eq!(r["changed"], false, "{r}");
}

#[test]
fn a_directory_user_and_group_are_granted_once_the_instance_is_associated_with_identity_center() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let acct = account(&env);
    let b = env.bucket("sub-ag-sso");
    let role =
        block(async { location_role(&env, &aws(&env, &acct).await, "ag-sso-location").await });
    let arn = format!("arn:aws:s3:::{b}/genomes/");
    fake.accept_status_updates();
    run(&env, &fake, &acct, &["accessgrant", "instance", "create"]).success();
    run(
        &env,
        &fake,
        &acct,
        &[
            "accessgrant",
            "location",
            "create",
            &format!("s3://{b}/"),
            "--role",
            &role,
        ],
    )
    .success();
    let user = json!({"user": {"id": SSO_USER, "details": {"sso": {"username": "ana", "firstName": "Ana", "lastName": "B"}}}});

    // Not associated with IAM Identity Center: GRANT_FAILED with the cause printed, nothing made.
    fake.grant(
        "grantu1",
        "subu1",
        "GRANT_PENDING",
        Some(json!({"s3": ["READ"]})),
        5,
    );
    fake.subscription("subu1", "requ1", &arn, user.clone());
    let a = handle(
        &env,
        &fake,
        &acct,
        &[],
        grant_event("Subscription Grant Requested", "grantu1"),
    )
    .code(1);
    let err = stderr(&a);
    assert!(
        err.contains("not associated with IAM Identity Center"),
        "{err}"
    );
    let updates = fake.status_updates();
    assert_eq!(updates.len(), 1, "{updates:?}");
    assert!(
        updates[0].starts_with(&format!(
            "grantu1/asset1 GRANT_FAILED: subscribed user {SSO_USER} is an IAM Identity Center identity"
        )),
        "{updates:?}"
    );
    assert!(grants(&env, &acct).is_empty());

    // Associated: the user is granted as a DIRECTORY_USER, reported GRANTED.
    run(
        &env,
        &fake,
        &acct,
        &[
            "accessgrant",
            "instance",
            "create",
            "--identity-center",
            IDENTITY_CENTER,
        ],
    )
    .success();
    fake.grant(
        "grantu2",
        "subu1",
        "GRANT_PENDING",
        Some(json!({"s3": ["READ", "WRITE"]})),
        4,
    );
    let o = json_of(
        &handle(
            &env,
            &fake,
            &acct,
            &["-o", "json"],
            grant_event("Subscription Grant Requested", "grantu2"),
        )
        .success(),
    );
    assert_eq!(o["grant"]["status"], "GRANTED", "{o}");
    assert_eq!(o["principals"], json!([format!("user {SSO_USER}")]), "{o}");
    let scope = format!("s3://{b}/genomes/*");
    assert_eq!(
        grants(&env, &acct),
        [(
            GranteeKind::DirectoryUser,
            SSO_USER.to_string(),
            scope.clone(),
            GrantPermission::Readwrite
        )]
    );
    assert_eq!(
        fake.status_updates()[1..],
        ["grantu2/asset1 GRANT_IN_PROGRESS", "grantu2/asset1 GRANTED"]
    );

    // A group likewise, as a DIRECTORY_GROUP.
    fake.grant(
        "grantg1",
        "subg1",
        "GRANT_PENDING",
        Some(json!({"s3": ["READ"]})),
        5,
    );
    fake.subscription(
        "subg1",
        "reqg1",
        &arn,
        json!({"group": {"id": SSO_GROUP, "name": "analysts"}}),
    );
    handle(
        &env,
        &fake,
        &acct,
        &[],
        grant_event("Subscription Grant Requested", "grantg1"),
    )
    .success();
    assert!(grants(&env, &acct).contains(&(
        GranteeKind::DirectoryGroup,
        SSO_GROUP.to_string(),
        scope.clone(),
        GrantPermission::Read
    )));

    // The user's revoke deletes exactly the user's grant, reported REVOKED.
    fake.grant("grantu2", "subu1", "REVOKE_PENDING", None, 1);
    let o = json_of(
        &handle(
            &env,
            &fake,
            &acct,
            &["-o", "json", "--yes"],
            grant_event("Subscription Grant Revoke Requested", "grantu2"),
        )
        .success(),
    );
    assert_eq!(o["grant"]["status"], "REVOKED", "{o}");
    assert_eq!(
        grants(&env, &acct),
        [(
            GranteeKind::DirectoryGroup,
            SSO_GROUP.to_string(),
            scope,
            GrantPermission::Read
        )]
    );

    // Through a policy, a directory user still fails, now pointing at Access Grants.
    fake.grant("grantu3", "subu1", "GRANT_PENDING", None, 5);
    let a = crate::harness::no_panic(
        lg(&env, &fake)
            .args(["--account-id", &acct, "subscription", "handle-event"])
            .write_stdin(grant_event("Subscription Grant Requested", "grantu3"))
            .assert(),
    )
    .code(1);
    assert!(stderr(&a).contains("--via access-grants"), "{}", stderr(&a));
}

/// The AWS requests of one fulfilment (`-vv` prints one `<- Operation` line per request):
/// (total, by operation).
fn calls(a: &assert_cmd::assert::Assert) -> (usize, std::collections::BTreeMap<String, usize>) {
    let mut by_op = std::collections::BTreeMap::<String, usize>::new();
    for l in stderr(a).lines() {
        if let Some((_, r)) = l.split_once("<- ") {
            *by_op
                .entry(r.rsplitn(4, ' ').nth(3).unwrap_or("").to_string())
                .or_default() += 1;
        }
    }
    (by_op.values().sum(), by_op)
}

/// One subscription grant through Access Grants costs the same requests with 10 existing grants
/// as with 1,000: every grant is found with ListAccessGrants' grantee and scope filters, every
/// location in one page.
#[test]
fn a_grant_costs_the_same_requests_whatever_the_number_of_existing_grants() {
    let env = TestEnv::new();
    let fake = Fake::new();
    let acct = account(&env);
    let b = env.bucket("sub-ag-count");
    let a = block(aws(&env, &acct));
    let role = block(location_role(&env, &a, "ag-count-location"));
    fake.accept_status_updates();
    block(a.create_access_grants_instance(&acct, None)).unwrap();
    let location =
        block(a.create_access_grants_location(&acct, &format!("s3://{b}/"), &role)).unwrap();
    let fill = |from: usize, to: usize| {
        let (a, acct, id) = (&a, acct.clone(), location.id.clone());
        async move {
            for i in from..to {
                a.create_access_grant(
                    &acct,
                    &NewAccessGrant {
                        location_id: id.clone(),
                        sub_prefix: Some(format!("filler/{i}/*")),
                        grantee_kind: GranteeKind::Iam,
                        grantee: format!("arn:aws:iam::{acct}:role/filler-{}", i % 50),
                        permission: GrantPermission::Read,
                        application_arn: None,
                    },
                )
                .await
                .unwrap();
            }
        }
    };
    let mut counts: Vec<(usize, usize, Value)> = Vec::new();
    for (n, (from, to)) in [(10, (0, 10)), (1000, (10, 1000))] {
        block(fill(from, to));
        let grant = format!("grantn{n}");
        let sub = format!("subn{n}");
        fake.grant(
            &grant,
            &sub,
            "GRANT_PENDING",
            Some(json!({"s3": ["READ"]})),
            5,
        );
        fake.subscription(
            &sub,
            &format!("reqn{n}"),
            &format!("arn:aws:s3:::{b}/genomes-{n}/"),
            json!({"iam": {"principalArn": ROLE_A}}),
        );
        let out = handle(
            &env,
            &fake,
            &acct,
            &["-vv"],
            grant_event("Subscription Grant Requested", &grant),
        )
        .success();
        let (total, by_op) = calls(&out);
        eprintln!("{n} existing grants: {total} AWS requests for one grant: {by_op:?}");
        counts.push((n, total, json!(by_op)));
    }
    assert_eq!(
        counts[0].1, counts[1].1,
        "10 grants: {:?}; 1,000 grants: {:?}",
        counts[0], counts[1]
    );
    assert_eq!(counts[0].2, counts[1].2);
    // Three listings, each filtered to the grant: the plan's read, the re-read under the lease
    // (whose grant the write then uses: no fourth listing), and the read-back.
    assert_eq!(
        counts[0].2["S3 Control.ListAccessGrants"].as_u64(),
        Some(3),
        "{:?}",
        counts[0]
    );
    assert_eq!(
        block(a.access_grants(&acct, &GrantFilter::default()))
            .unwrap()
            .len(),
        1002
    );
}
