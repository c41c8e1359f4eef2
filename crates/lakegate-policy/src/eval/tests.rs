use super::*;
use crate::access::{delegate_statement, grant, AccessLevel, AccessPointRef};
use serde_json::json;

const ACCOUNT: &str = "123456789012";
const OTHER: &str = "999999999999";
const EC2: &str = "arn:aws:iam::123456789012:role/Ec2ConsumerRole";
const LAMBDA: &str = "arn:aws:iam::123456789012:role/LambdaConsumerRole";
const BUCKET: &str = "store-events";

fn target(name: &str) -> AccessPointTarget {
    AccessPointTarget::from_arn(&format!(
        "arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}"
    ))
    .unwrap()
}

/// The seed scenario, built with lakegate's own statements: the bucket delegates to the account's
/// access points; `ec2-consumer` grants the EC2 role `sales_event/`, `lambda-consumer` grants the
/// Lambda role `inventory_event/`.
fn seed() -> PolicySet {
    let mut bucket = PolicyDocument::new();
    bucket.upsert(delegate_statement("aws", BUCKET, ACCOUNT));
    let mut aps = Vec::new();
    for (name, prefix, role) in [
        ("ec2-consumer", "sales_event/", EC2),
        ("lambda-consumer", "inventory_event/", LAMBDA),
    ] {
        let t = target(name);
        let mut d = PolicyDocument::new();
        grant(
            &mut d,
            &AccessPointRef { arn: t.arn.clone() },
            prefix,
            &[role.to_string()],
            AccessLevel::ReadWrite,
        );
        aps.push(AccessPointPolicy {
            target: t,
            policy: Some(CompiledPolicy::compile(&d, "access-point").unwrap()),
        });
    }
    PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::compile(&bucket, "bucket").unwrap()),
        bucket_account: ACCOUNT.into(),
        access_points: aps,
    }
}

fn put(principal: &str, key: &str, ap: Option<&str>) -> Request {
    let r = Request::new(Principal::new(principal), "s3:PutObject", BUCKET, Some(key));
    match ap {
        Some(a) => r.through(target(a)),
        None => r,
    }
}

#[test]
fn seed_ec2_role_writes_sales_event_through_its_access_point_only() {
    let set = seed();
    let d = set.evaluate(
        &put(EC2, "sales_event/kon.json", Some("ec2-consumer")),
        false,
    );
    assert_eq!(d.verdict, Verdict::Allowed, "{d:?}");
    let policies: Vec<&str> = d.deciding.iter().map(|s| s.policy).collect();
    assert!(policies.contains(&"access-point") && policies.contains(&"bucket"));
    assert!(d
        .deciding
        .iter()
        .any(|s| s.sid == Some(crate::access::DELEGATE_SID)));

    for (key, ap) in [
        ("kon.json", Some("ec2-consumer")),
        ("inventory_event/x", Some("ec2-consumer")),
        ("sales_event/kon.json", None),
        ("sales_event/kon.json", Some("lambda-consumer")),
    ] {
        let d = set.evaluate(&put(EC2, key, ap), false);
        assert_eq!(d.verdict, Verdict::ImplicitlyDenied, "{key} via {ap:?}");
        assert!(d.deciding.is_empty());
    }
}

#[test]
fn seed_lambda_role_is_the_mirror_image() {
    let set = seed();
    let ok = set.evaluate(
        &put(LAMBDA, "inventory_event/x", Some("lambda-consumer")),
        false,
    );
    assert!(ok.allowed());
    for (key, ap) in [
        ("kon.json", Some("lambda-consumer")),
        ("sales_event/kon.json", Some("lambda-consumer")),
        ("inventory_event/x", None),
        ("inventory_event/x", Some("ec2-consumer")),
    ] {
        assert!(
            !set.evaluate(&put(LAMBDA, key, ap), false).allowed(),
            "{key}"
        );
    }
}

#[test]
fn seed_list_is_limited_to_the_prefix() {
    let set = seed();
    let list = |prefix: &str| {
        Request::new(Principal::new(EC2), "s3:ListBucket", BUCKET, None)
            .through(target("ec2-consumer"))
            .context("s3:prefix", prefix)
    };
    assert!(set.evaluate(&list("sales_event/"), false).allowed());
    assert!(set.evaluate(&list("sales_event/2024/"), false).allowed());
    assert!(!set.evaluate(&list("inventory_event/"), false).allowed());
    let no_prefix = Request::new(Principal::new(EC2), "s3:ListBucket", BUCKET, None)
        .through(target("ec2-consumer"));
    assert!(!set.evaluate(&no_prefix, false).allowed());
}

#[test]
fn explain_gives_a_reason_for_every_statement() {
    let set = seed();
    let d = set.evaluate(&put(EC2, "kon.json", Some("ec2-consumer")), true);
    assert_eq!(d.statements.len(), 4);
    assert!(d
        .statements
        .iter()
        .any(|t| !t.applies && t.reason.contains("resource does not match")));
    assert!(d
        .statements
        .iter()
        .any(|t| !t.applies && t.reason.contains("action does not match")));
    // The bucket's delegation statement matches: the access point policy is what is missing.
    assert!(d.missing.unwrap().contains("access point"));
}

fn policy(label: &str, statements: Value) -> CompiledPolicy {
    CompiledPolicy::parse(
        &json!({"Version": "2012-10-17", "Statement": statements}).to_string(),
        label,
    )
    .unwrap()
}

fn bucket_only(statements: Value) -> PolicySet {
    PolicySet {
        bucket: Some(policy("bucket", statements)),
        bucket_account: ACCOUNT.into(),
        ..Default::default()
    }
}

fn get(principal: &str, key: &str) -> Request {
    Request::new(Principal::new(principal), "s3:GetObject", BUCKET, Some(key))
}

#[test]
fn explicit_deny_wins_over_any_allow() {
    let mut set = bucket_only(json!([
        {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": EC2}, "Action": "s3:*", "Resource": "arn:aws:s3:::store-events/*"},
        {"Sid": "D", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/secret/*"}
    ]));
    set.identity.push((
        None,
        policy(
            "identity",
            json!({"Effect": "Allow", "Action": "*", "Resource": "*"}),
        ),
    ));
    let d = set.evaluate(&get(EC2, "secret/x"), false);
    assert_eq!(d.verdict, Verdict::ExplicitlyDenied);
    assert_eq!(d.deciding.len(), 1);
    assert_eq!(d.deciding[0].sid, Some("D"));
    assert_eq!(d.deciding[0].index, 1);
    assert!(set.evaluate(&get(EC2, "public/x"), false).allowed());
}

#[test]
fn same_account_identity_or_resource_allow_suffices() {
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": {"AWS": EC2}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/*"}),
    );
    assert!(set.evaluate(&get(EC2, "a"), false).allowed());
    assert!(!set.evaluate(&get(LAMBDA, "a"), false).allowed());
    let mut set = bucket_only(json!([]));
    set.identity.push((
        None,
        policy(
            "identity",
            json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/*"}),
        ),
    ));
    assert!(set.evaluate(&get(LAMBDA, "a"), false).allowed());
}

#[test]
fn cross_account_needs_identity_and_resource_allow() {
    let other = "arn:aws:iam::999999999999:role/Partner";
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": {"AWS": other}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/*"}),
    );
    let d = set.evaluate(&get(other, "a"), false);
    assert_eq!(d.verdict, Verdict::ImplicitlyDenied);
    assert!(d.missing.unwrap().contains("cross-account"));
    let mut set = set;
    set.identity.push((
        None,
        policy(
            "identity",
            json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}),
        ),
    ));
    assert!(set.evaluate(&get(other, "a"), false).allowed());
}

#[test]
fn an_account_principal_delegates_to_that_accounts_identity_policies() {
    let user = "arn:aws:iam::999999999999:user/alice";
    let mut set = bucket_only(
        json!({"Effect": "Allow", "Principal": {"AWS": OTHER}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/*"}),
    );
    assert!(!set.evaluate(&get(user, "a"), false).allowed());
    set.identity.push((
        Some(user.into()),
        policy(
            "identity",
            json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}),
        ),
    ));
    assert!(set.evaluate(&get(user, "a"), false).allowed());
    // Identity policies of another principal do not count.
    assert!(!set
        .evaluate(&get("arn:aws:iam::999999999999:user/bob", "a"), false)
        .allowed());
    // Same account: naming the account in the bucket policy is not a grant to its principals.
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT}:root")}, "Action": "s3:GetObject", "Resource": "*"}),
    );
    assert!(!set.evaluate(&get(EC2, "a"), false).allowed());
    assert!(set
        .evaluate(&get(&format!("arn:aws:iam::{ACCOUNT}:root"), "a"), false)
        .allowed());
}

#[test]
fn role_arn_matches_its_sessions() {
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": {"AWS": EC2}, "Action": "s3:GetObject", "Resource": "*"}),
    );
    let session = "arn:aws:sts::123456789012:assumed-role/Ec2ConsumerRole/i-0abc";
    assert!(set.evaluate(&get(session, "a"), false).allowed());
    let other = "arn:aws:sts::123456789012:assumed-role/Other/i-0abc";
    assert!(!set.evaluate(&get(other, "a"), false).allowed());
}

#[test]
fn not_principal_not_action_not_resource() {
    let set = bucket_only(json!([
        {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
        // NotPrincipal must name the account too ("AWS JSON policy elements: NotPrincipal").
        {"Sid": "NP", "Effect": "Deny", "NotPrincipal": {"AWS": [EC2, format!("arn:aws:iam::{ACCOUNT}:root")]}, "Action": "s3:DeleteObject", "Resource": "*"},
        {"Sid": "NA", "Effect": "Deny", "Principal": "*", "NotAction": ["s3:Get*", "s3:Delete*", "s3:List*"], "Resource": "*"},
        {"Sid": "NR", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::store-events/public/*"}
    ]));
    let del = |p: &str| {
        Request::new(
            Principal::new(p),
            "s3:DeleteObject",
            BUCKET,
            Some("public/a"),
        )
    };
    assert!(set.evaluate(&del(EC2), false).allowed());
    assert_eq!(
        set.evaluate(&del(LAMBDA), false).deciding[0].sid,
        Some("NP")
    );
    assert_eq!(
        set.evaluate(&put(EC2, "public/a", None), false).deciding[0].sid,
        Some("NA")
    );
    assert!(set.evaluate(&get(EC2, "public/a"), false).allowed());
    assert_eq!(
        set.evaluate(&get(EC2, "private/a"), false).deciding[0].sid,
        Some("NR")
    );
}

#[test]
fn actions_are_case_insensitive_resources_are_not() {
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": "*", "Action": "S3:getobj*", "Resource": "arn:aws:s3:::store-events/Data/*"}),
    );
    assert!(set.evaluate(&get(EC2, "Data/x"), false).allowed());
    assert!(!set.evaluate(&get(EC2, "data/x"), false).allowed());
    let r = Request::new(Principal::new(EC2), "S3:GETOBJECT", BUCKET, Some("Data/x"));
    assert!(set.evaluate(&r, false).allowed());
}

#[test]
fn resource_policy_variables() {
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/home/${aws:username}/*"}),
    );
    let alice = "arn:aws:iam::123456789012:user/alice";
    assert!(set.evaluate(&get(alice, "home/alice/x"), false).allowed());
    assert!(!set.evaluate(&get(alice, "home/bob/x"), false).allowed());
    // A role has no aws:username: the variable resolves to nothing and the statement matches nothing.
    assert!(!set.evaluate(&get(EC2, "home//x"), false).allowed());
}

#[test]
fn substituted_values_and_escapes_are_literal() {
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/${aws:PrincipalTag/team}/${*}/*"}),
    );
    let p = Principal::new(EC2).with_tag("team", "sales");
    let r = |k: &str| Request::new(p.clone(), "s3:GetObject", BUCKET, Some(k));
    assert!(set.evaluate(&r("sales/*/x"), false).allowed());
    assert!(!set.evaluate(&r("sales/any/x"), false).allowed());
    let p = Principal::new(EC2).with_tag("team", "s*");
    let r2 = Request::new(p, "s3:GetObject", BUCKET, Some("sales/*/x"));
    assert!(
        !set.evaluate(&r2, false).allowed(),
        "a tag value is not a wildcard"
    );
}

#[test]
fn default_values_of_variables() {
    let set = bucket_only(
        json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/${aws:PrincipalTag/team, 'shared'}/*"}),
    );
    assert!(set.evaluate(&get(EC2, "shared/x"), false).allowed());
    let p = Principal::new(EC2).with_tag("team", "sales");
    let r = Request::new(p, "s3:GetObject", BUCKET, Some("shared/x"));
    assert!(!set.evaluate(&r, false).allowed());
}

#[test]
fn statement_without_resource_matches_nothing() {
    let set = bucket_only(json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}));
    let d = set.evaluate(&get(EC2, "a"), true);
    assert!(!d.allowed());
    assert!(d.statements[0].reason.contains("no Resource"));
}

#[test]
fn unknown_condition_operator_is_an_error_naming_the_path() {
    let e = CompiledPolicy::parse(
        r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}}]}"#,
        "x",
    )
    .unwrap_err();
    assert_eq!(e.path, "Statement[0].Condition.StringEqualz");
    assert!(e.to_string().contains("unknown condition operator"));
}

#[test]
fn policy_names_its_principals_and_prefixes() {
    let set = seed();
    let ap = set.access_points[0].policy.as_ref().unwrap();
    assert_eq!(ap.principals(), vec![EC2.to_string()]);
    assert_eq!(ap.prefixes(), vec!["sales_event/".to_string()]);
    let p = policy(
        "b",
        json!({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": ["arn:aws:s3:::b/a/b/*", "arn:aws:s3:::b/c*"]}),
    );
    assert_eq!(p.prefixes(), vec!["a/b/".to_string()]);
}

#[test]
fn access_point_without_policy_relies_on_identity_policies() {
    let mut set = seed();
    set.access_points[0].policy = None;
    let r = put(EC2, "sales_event/x", Some("ec2-consumer"));
    let d = set.evaluate(&r, false);
    assert!(d.missing.unwrap().contains("no policy"));
    set.identity.push((
        None,
        policy(
            "identity",
            json!({"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:us-east-1:123456789012:accesspoint/ec2-consumer/object/*"}),
        ),
    ));
    assert!(set.evaluate(&r, false).allowed());
}

#[test]
fn the_bucket_policy_must_also_allow_access_point_requests_without_delegation() {
    let mut set = seed();
    set.bucket = None;
    let other = "arn:aws:iam::999999999999:role/Partner";
    let mut ap = PolicyDocument::new();
    grant(
        &mut ap,
        &AccessPointRef {
            arn: target("ec2-consumer").arn,
        },
        "sales_event/",
        &[other.to_string(), EC2.to_string()],
        AccessLevel::Write,
    );
    set.access_points[0].policy = Some(CompiledPolicy::compile(&ap, "access-point").unwrap());
    // Without an identity allow, only the bucket policy could grant the bucket side, and there is none.
    let d = set.evaluate(&put(EC2, "sales_event/x", Some("ec2-consumer")), false);
    assert!(d.missing.unwrap().contains("bucket has no policy"));
    let d = set.evaluate(&put(other, "sales_event/x", Some("ec2-consumer")), false);
    assert!(!d.allowed());
}

/// Issue 11, items 1–3, as reported: a statement without Principal applies to no one; NotPrincipal
/// is matched against the whole identity, and the reasons say so.
#[test]
fn not_principal_and_missing_principal_as_documented() {
    let no_principal = bucket_only(json!([
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::store-events/*"}
    ]));
    for who in [
        "arn:aws:iam::123456789012:user/test-user",
        "arn:aws:iam::999999999999:role/Other",
        "lambda.amazonaws.com",
    ] {
        let d = no_principal.evaluate(&get(who, "testobject"), true);
        assert!(!d.allowed(), "{who}");
        assert!(
            d.statements[0].reason.contains("no Principal"),
            "{:?}",
            d.statements
        );
    }

    let set = PolicySet {
        identity: vec![(
            None,
            CompiledPolicy::parse(
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
                "identity",
            )
            .unwrap(),
        )],
        bucket: Some(
            CompiledPolicy::parse(
                &json!({"Statement": [{"Sid": "OnlyBob", "Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::444455556666:user/Bob", "arn:aws:iam::444455556666:root"]}, "Action": "s3:*", "Resource": "*"},
                    {"Sid": "OnlyAlice", "Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:sts::444455556666:assumed-role/R/alice", "arn:aws:iam::444455556666:role/R", "444455556666"]}, "Action": "s3:PutObject", "Resource": "*"}]})
                .to_string(),
                "bucket",
            )
            .unwrap(),
        ),
        bucket_account: "444455556666".into(),
        access_points: Vec::new(),
    };
    let eve = set.evaluate(&get("arn:aws:iam::444455556666:user/eve", "a"), true);
    assert_eq!(eve.verdict, Verdict::ExplicitlyDenied);
    let reason = &eve
        .statements
        .iter()
        .find(|t| t.statement.sid == Some("OnlyBob"))
        .unwrap()
        .reason;
    assert_eq!(
        reason,
        "matches: NotPrincipal does not name arn:aws:iam::444455556666:user/eve"
    );
    let bob = set.evaluate(&get("arn:aws:iam::444455556666:user/Bob", "a"), true);
    assert!(bob.allowed());
    let t = bob
        .statements
        .iter()
        .find(|t| t.statement.sid == Some("OnlyBob"))
        .unwrap();
    assert!(t.reason.contains("exempt"), "{}", t.reason);

    let put = |who: &str| Request::new(Principal::new(who), "s3:PutObject", BUCKET, Some("a"));
    // Both statements apply to PutObject: alice is exempt from both only if OnlyBob names her
    // too, so OnlyBob denies her; the reason names what OnlyAlice leaves unnamed for bob.
    let bob_session = set.evaluate(&put("arn:aws:sts::444455556666:assumed-role/R/bob"), true);
    let t = bob_session
        .statements
        .iter()
        .find(|t| t.statement.sid == Some("OnlyAlice"))
        .unwrap();
    assert!(t.applies);
    assert_eq!(
        t.reason,
        "matches: NotPrincipal does not name arn:aws:sts::444455556666:assumed-role/R/bob"
    );
    let alice = set.evaluate(&put("arn:aws:sts::444455556666:assumed-role/R/alice"), true);
    let t = alice
        .statements
        .iter()
        .find(|t| t.statement.sid == Some("OnlyAlice"))
        .unwrap();
    assert!(!t.applies, "{}", t.reason);
    let t = alice
        .statements
        .iter()
        .find(|t| t.statement.sid == Some("OnlyBob"))
        .unwrap();
    assert_eq!(t.reason, "matches: NotPrincipal does not name the role arn:aws:iam::444455556666:role/R, arn:aws:sts::444455556666:assumed-role/R/alice");
}
