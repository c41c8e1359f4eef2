//! Who can reach which keys, and guardrails, on issue 22's example and on access points
//! ("Configuring IAM policies for using access points",
//! https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html; "Blocking
//! public access to your Amazon S3 storage",
//! https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).

use lakegate_policy::eval::exact::{Guardrail, Model, Never, PrincipalClass};
use lakegate_policy::eval::symbolic::Access;
use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet, PublicAccessBlock,
};
use serde_json::json;

const OWN: &str = "123456789012";
const PARTNER: &str = "arn:aws:iam::999988887777:role/partner";
const ANALYST: &str = "arn:aws:iam::123456789012:role/analyst";

fn issue_set() -> PolicySet {
    let bp = json!({"Version":"2012-10-17","Statement":[
     {"Sid":"CsvToPartner","Effect":"Allow","Principal":{"AWS":PARTNER},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*.csv"},
     {"Sid":"AnalystAll","Effect":"Allow","Principal":{"AWS":ANALYST},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*"},
     {"Sid":"NoPiiForAnalyst","Effect":"Deny","Principal":{"AWS":ANALYST},
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*/pii/*"}]});
    PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::parse(&bp.to_string(), "bucket-policy").unwrap()),
        bucket_account: OWN.into(),
        access_points: Vec::new(),
    }
}

fn model<'a>(set: &'a PolicySet, chain: &'a Chain) -> Model<'a> {
    Model {
        set,
        chain,
        bucket: "lake",
        partition: "aws",
        context: &[],
        trusted: &[],
    }
}

#[test]
fn who_can_read_the_issue_bucket() {
    let set = issue_set();
    let chain = Chain::default();
    let rows = model(&set, &chain)
        .reach("", &[Access::Read, Access::Write, Access::List])
        .unwrap();
    let partner = rows
        .iter()
        .find(|r| r.principal == PARTNER)
        .expect("the partner appears");
    assert!(partner.external);
    assert_eq!(partner.access, Access::Read);
    assert_eq!(partner.keys, ["sales_event/*.csv"]);
    assert!(partner.except.is_empty() && partner.partial && partner.latent.is_none());
    assert_eq!(partner.statements[0].sid.as_deref(), Some("CsvToPartner"));
    let analyst = rows.iter().find(|r| r.principal == ANALYST).unwrap();
    assert!(!analyst.external);
    assert_eq!(analyst.keys, ["sales_event/*"]);
    assert_eq!(analyst.except, ["sales_event/*/pii/*"]);
    // Nobody else, and nobody writes or lists.
    assert_eq!(rows.len(), 2, "{rows:#?}");

    // Under a prefix: the partner reaches part of it.
    let rows = model(&set, &chain)
        .reach("sales_event/2026/", &[Access::Read])
        .unwrap();
    let partner = rows.iter().find(|r| r.principal == PARTNER).unwrap();
    assert!(partner.partial);
    assert!(model(&set, &chain)
        .reach("inventory_event/", &[Access::Read])
        .unwrap()
        .is_empty());
}

#[test]
fn guardrails_on_the_issue_bucket() {
    let set = issue_set();
    let chain = Chain::default();
    let m = model(&set, &chain);
    let never = |what, prefix: Option<&str>| Guardrail::Never {
        what,
        prefix: prefix.map(str::to_owned),
    };
    let c = m
        .prove(&never(Never::ExternalRead, None))
        .unwrap()
        .expect("the partner reads");
    assert_eq!(c.principal, PARTNER);
    assert_eq!(c.key, "sales_event/.csv");
    assert_eq!(c.action, "s3:GetObject");
    assert!(c.access_point.is_none());
    assert!(c
        .statements
        .iter()
        .any(|s| s.sid.as_deref() == Some("CsvToPartner")));
    assert!(m
        .prove(&never(Never::ExternalRead, Some("inventory_event/")))
        .unwrap()
        .is_none());
    assert!(m
        .prove(&never(Never::ExternalWrite, None))
        .unwrap()
        .is_none());
    assert!(m.prove(&never(Never::PublicRead, None)).unwrap().is_none());

    let only = |who: &[&str]| Guardrail::Only {
        principals: who.iter().map(|s| s.to_string()).collect(),
        prefix: "sales_event/".into(),
        access: Access::Read,
    };
    let c = m.prove(&only(&[ANALYST])).unwrap().unwrap();
    assert_eq!(c.class, PrincipalClass::Named(PARTNER.into()));
    assert!(m.prove(&only(&[ANALYST, PARTNER])).unwrap().is_none());
}

fn ap(name: &str) -> AccessPointTarget {
    AccessPointTarget::from_arn(&format!("arn:aws:s3:us-west-2:{OWN}:accesspoint/{name}")).unwrap()
}

#[test]
fn latent_rows_for_undelegated_access_points_and_block_public_access() {
    let ap_policy = json!({"Version":"2012-10-17","Statement":[
        {"Sid":"Ec2","Effect":"Allow","Principal":{"AWS":format!("arn:aws:iam::{OWN}:role/ec2")},
         "Action":"s3:PutObject",
         "Resource":format!("arn:aws:s3:us-west-2:{OWN}:accesspoint/ec2/object/sales_event/*")}]});
    let public = json!({"Version":"2012-10-17","Statement":[
        {"Sid":"Public","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/pub/*"}]});
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::parse(&public.to_string(), "bucket-policy").unwrap()),
        bucket_account: OWN.into(),
        access_points: vec![AccessPointPolicy {
            target: ap("ec2"),
            policy: Some(
                CompiledPolicy::parse(&ap_policy.to_string(), "access-point:ec2").unwrap(),
            ),
        }],
    };
    let chain = Chain {
        public_access: PublicAccessBlock {
            bucket: true,
            ..Default::default()
        },
        ..Chain::default()
    };
    let m = model(&set, &chain);
    let rows = m.reach("", &[Access::Read, Access::Write]).unwrap();
    let ec2 = rows
        .iter()
        .find(|r| r.principal.ends_with(":role/ec2") && r.access == Access::Write)
        .expect("the access point grant shows");
    assert_eq!(ec2.access_point.as_deref(), Some("ec2"));
    assert!(ec2.latent.as_deref().unwrap().contains("delegate"));
    assert_eq!(ec2.keys, ["sales_event/*"]);
    let anyone = rows
        .iter()
        .find(|r| r.principal == "*" && r.access_point.is_none())
        .unwrap();
    assert!(anyone
        .latent
        .as_deref()
        .unwrap()
        .contains("Block Public Access"));
    assert_eq!(anyone.keys, ["pub/*"]);
    // Latent access is not access: the guardrail holds.
    assert!(m
        .prove(&Guardrail::Never {
            what: Never::PublicRead,
            prefix: None
        })
        .unwrap()
        .is_none());
}

#[test]
fn everyone_outside_the_organization_is_one_answer() {
    // "AWS global condition context keys": aws:PrincipalOrgID cannot be known offline, so the
    // grant to everyone reaches any other account only if it is in the organization.
    let bp = json!({"Version":"2012-10-17","Statement":[
        {"Sid":"Org","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/shared/*",
         "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]});
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::parse(&bp.to_string(), "bucket-policy").unwrap()),
        bucket_account: OWN.into(),
        access_points: Vec::new(),
    };
    let chain = Chain::default();
    let rows = model(&set, &chain).reach("", &[Access::Read]).unwrap();
    // Any other account reaches what anyone does: said once, on the `*` row.
    assert!(!rows
        .iter()
        .any(|r| r.class == PrincipalClass::AnyOtherAccount));
    let other = rows
        .iter()
        .find(|r| r.class == PrincipalClass::Anyone)
        .expect("anyone");
    assert_eq!(other.keys, ["shared/*"]);
    assert!(other.only_if[0].contains("o-abc"), "{:?}", other.only_if);
}

#[test]
fn the_exact_audit_reports_the_partner_and_the_pii_deny() {
    use lakegate_policy::eval::audit::{BucketAudit, COLUMNS};
    let set = issue_set();
    let chain = Chain::default();
    let audit = BucketAudit {
        bucket: "lake",
        partition: "aws",
        trusted: &[],
        findings: &[],
        region: "eu-west-1",
        organization: &[],
    };
    let mut rows = Vec::new();
    let n = audit
        .exact_rows_with(&set, &chain, &[], |r| rows.push(r))
        .unwrap();
    assert_eq!(n, 2, "{rows:#?}");
    let partner = rows.iter().find(|r| r.principal == PARTNER).unwrap();
    assert!(partner.external && partner.read && !partner.write && !partner.list);
    assert_eq!(
        (
            partner.prefix.as_str(),
            partner.keys.as_str(),
            partner.except.as_str()
        ),
        ("sales_event/", "sales_event/*.csv", "")
    );
    assert_eq!(
        (partner.source.as_str(), partner.sid.as_str()),
        ("bucket-policy", "CsvToPartner")
    );
    let analyst = rows.iter().find(|r| r.principal == ANALYST).unwrap();
    assert_eq!(analyst.except, "sales_event/*/pii/*");
    assert!(analyst.partial && !analyst.external);
    // Columns are appended, never reordered: a reader of old reports finds its 18 in place.
    assert_eq!(&COLUMNS[..18].last(), &Some(&"same_org"));
    let rec = partner.record();
    assert_eq!(rec[18], "sales_event/*.csv");
    assert_eq!(rec[20], "true");
}

#[test]
fn who_can_answers_for_everything_under_the_url() {
    use lakegate_policy::eval::audit::BucketAudit;
    let set = issue_set();
    let chain = Chain::default();
    let audit = BucketAudit {
        bucket: "lake",
        partition: "aws",
        trusted: &[],
        findings: &[],
        region: "",
        organization: &[],
    };
    // s3://lake/ : the roles reach keys below it (sampling said "no principal may read").
    let rows = audit
        .who_can_exact(&set, &chain, &[], "", Access::Read)
        .unwrap();
    let who: Vec<&str> = rows.iter().map(|r| r.principal.as_str()).collect();
    assert_eq!(who, [PARTNER, ANALYST]);
    assert!(rows.iter().all(|r| r.partial));
    let rows = audit
        .who_can_exact(&set, &chain, &[], "sales_event/2026/pii/", Access::Read)
        .unwrap();
    let who: Vec<&str> = rows.iter().map(|r| r.principal.as_str()).collect();
    assert_eq!(who, [PARTNER], "the analyst's Deny covers all of it");
    assert_eq!(rows[0].keys, ["sales_event/*.csv"]);
}

#[test]
fn access_everyone_has_is_said_once_on_the_anyone_row() {
    // "Bucket policy examples": granting read-only permission to anonymous users.
    let bp = json!({"Version":"2012-10-17","Statement":[
        {"Sid":"Public","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/public/*"},
        {"Sid":"Partner","Effect":"Allow","Principal":{"AWS":PARTNER},"Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]});
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::parse(&bp.to_string(), "bucket-policy").unwrap()),
        bucket_account: OWN.into(),
        access_points: Vec::new(),
    };
    let chain = Chain::default();
    let rows = model(&set, &chain).reach("", &[Access::Read]).unwrap();
    let who: Vec<&str> = rows.iter().map(|r| r.principal.as_str()).collect();
    assert_eq!(who, [PARTNER, "*"], "{rows:#?}");
    assert_eq!(rows[1].keys, ["public/*"]);
}

#[test]
fn a_key_per_account_is_any_accounts_only_if_it_is_theirs() {
    // "IAM policy elements: Variables and tags"
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
    // `${aws:PrincipalAccount}` in a Resource is replaced by the requester's account, so every
    // account reaches its own `home/ACCOUNT/` and no other. For "any principal of an account no
    // policy names" the answer is `home/*/*` only if the account is theirs, never the keys of
    // one made-up account (found by the class property test in symbolic_props.rs).
    let bp = json!({"Version":"2012-10-17","Statement":[
        {"Sid":"Home","Effect":"Allow","Principal":"*","Action":"s3:GetObject",
         "Resource":"arn:aws:s3:::lake/home/${aws:PrincipalAccount}/*"}]});
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::parse(&bp.to_string(), "bucket-policy").unwrap()),
        bucket_account: OWN.into(),
        access_points: Vec::new(),
    };
    let chain = Chain::default();
    let m = model(&set, &chain);
    let who = m.representative(&PrincipalClass::AnyOtherAccount);
    let e = lakegate_policy::eval::symbolic::exact(
        &set,
        &chain,
        &lakegate_policy::eval::symbolic::Query {
            principal: &who,
            access: Access::Read,
            bucket: "lake",
            route: None,
            context: &[],
            audit: Some(lakegate_policy::eval::Audit::Optimistic),
        },
    )
    .unwrap();
    assert!(e.definite.is_empty().unwrap(), "{}", e.definite);
    for account in ["999911112222", "888877776666"] {
        let key = format!("home/{account}/report.csv");
        assert!(e.possible.keys.contains(&key), "{}", e.possible.keys);
    }
}
