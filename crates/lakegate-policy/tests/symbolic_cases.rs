//! Hand-written cases of the symbolic access model, each from a page of the AWS documentation
//! (cited on the case): whole key sets, their witnesses and how they read, not single keys (the
//! corpus in `tests/corpus/` decides its single requests with the model too).

use lakegate_policy::eval::keyset::KeySet;
use lakegate_policy::eval::symbolic::{self, Access, Query};
use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Audit, Chain, CompiledPolicy, PolicySet, Principal,
    PublicAccessBlock,
};
use serde_json::{json, Value};

const OWN: &str = "123456789012";
const PARTNER: &str = "arn:aws:iam::999988887777:role/partner";
const ANALYST: &str = "arn:aws:iam::123456789012:role/analyst";

fn compile(v: Value, label: &str) -> CompiledPolicy {
    CompiledPolicy::parse(&v.to_string(), label).unwrap()
}

fn set(bucket: Value, aps: Vec<(&str, Value)>, identity: Option<Value>) -> PolicySet {
    PolicySet {
        identity: identity
            .into_iter()
            .map(|p| (None, compile(p, "identity")))
            .collect(),
        bucket: Some(compile(bucket, "bucket")),
        bucket_account: OWN.into(),
        access_points: aps
            .into_iter()
            .map(|(name, p)| AccessPointPolicy {
                target: target(name),
                policy: Some(compile(p, &format!("access-point:{name}"))),
            })
            .collect(),
    }
}

fn target(name: &str) -> AccessPointTarget {
    AccessPointTarget::from_arn(&format!("arn:aws:s3:us-west-2:{OWN}:accesspoint/{name}")).unwrap()
}

fn keys(
    set: &PolicySet,
    chain: &Chain,
    who: &Principal,
    access: Access,
    route: Option<&AccessPointTarget>,
    audit: Option<Audit>,
) -> KeySet {
    symbolic::keys(
        set,
        chain,
        &Query {
            principal: who,
            access,
            bucket: "lake",
            route,
            context: &[],
            audit,
        },
    )
    .unwrap()
    .keys
}

/// Issue 22's example. `*` spans `/` ("IAM JSON policy elements: Resource",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html);
/// an explicit Deny overrides any Allow ("Policy evaluation logic",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html); a
/// principal of another account needs the bucket policy's Allow (and its own identity policy,
/// which an audit assumes) ("Cross-account policy evaluation logic",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
#[test]
fn partner_reads_every_csv_and_the_analyst_everything_but_pii() {
    let s = set(
        json!({"Version":"2012-10-17","Statement":[
            {"Sid":"CsvToPartner","Effect":"Allow","Principal":{"AWS":PARTNER},
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*.csv"},
            {"Sid":"AnalystAll","Effect":"Allow","Principal":{"AWS":ANALYST},
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*"},
            {"Sid":"NoPiiForAnalyst","Effect":"Deny","Principal":{"AWS":ANALYST},
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/sales_event/*/pii/*"}]}),
        Vec::new(),
        None,
    );
    let chain = Chain::default();
    let partner = keys(
        &s,
        &chain,
        &Principal::new(PARTNER),
        Access::Read,
        None,
        Some(Audit::Optimistic),
    );
    let d = partner.describe().unwrap();
    assert_eq!(d.keys, ["sales_event/*.csv"]);
    assert!(d.except.is_empty());
    assert!(partner.contains("sales_event/2026/01/x.csv"));
    assert!(!partner.contains("sales_event/x.json"));
    assert_eq!(
        partner.witness().unwrap().as_deref(),
        Some("sales_event/.csv")
    );

    let analyst = keys(
        &s,
        &chain,
        &Principal::new(ANALYST),
        Access::Read,
        None,
        None,
    );
    let d = analyst.describe().unwrap();
    assert_eq!(d.keys, ["sales_event/*"]);
    assert_eq!(d.except, ["sales_event/*/pii/*"]);
    assert!(!analyst.contains("sales_event/2026/pii/a.csv"));
    // The partner reads pii files the analyst may not.
    let k = partner.minus(&analyst).witness().unwrap().unwrap();
    assert!(
        k.starts_with("sales_event/") && k.contains("/pii/") && k.ends_with(".csv"),
        "{k}"
    );
    // Nobody writes.
    for who in [PARTNER, ANALYST] {
        let w = keys(&s, &chain, &Principal::new(who), Access::Write, None, None);
        assert!(w.is_empty().unwrap());
    }
}

/// `?` is exactly one character and keys are case-sensitive ("IAM JSON policy elements:
/// Resource", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
#[test]
fn question_mark_is_one_character_and_case_matters() {
    let s = set(
        json!({"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::lake/logs/2024-0?-*.gz"}]}),
        Vec::new(),
        None,
    );
    let k = keys(
        &s,
        &Chain::default(),
        &Principal::anonymous(),
        Access::Read,
        None,
        None,
    );
    let w = k.witness().unwrap().unwrap();
    assert_eq!(w.len(), "logs/2024-0x-.gz".len(), "{w}");
    assert!(k.contains("logs/2024-03-01.gz"));
    assert!(!k.contains("logs/2024-10-01.gz"));
    assert!(!k.contains("LOGS/2024-03-01.gz"));
    assert!(k.is_subset(&KeySet::prefix("logs/2024-0")).unwrap());
}

/// NotResource: a Deny of every key outside two prefixes leaves exactly those prefixes ("IAM JSON
/// policy elements: NotResource",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html).
#[test]
fn not_resource_deny_leaves_exactly_the_listed_prefixes() {
    let s = set(
        json!({"Version":"2012-10-17","Statement":[
            {"Effect":"Deny","Principal":"*","Action":"s3:PutObject",
             "NotResource":["arn:aws:s3:::lake/home/*","arn:aws:s3:::lake/uploads/*"]},
            {"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::lake/*"}]}),
        Vec::new(),
        None,
    );
    let k = keys(
        &s,
        &Chain::default(),
        &Principal::anonymous(),
        Access::Write,
        None,
        None,
    );
    let want = KeySet::prefix("home/").union(&KeySet::prefix("uploads/"));
    assert!(k.equivalent(&want).unwrap(), "{k}");
}

/// Listing with `s3:prefix` and `${aws:username}`: Jane may list the root, `home/` and her own
/// folder ("Identity-based policy examples for Amazon S3", "Allowing each IAM user access to a
/// folder in a bucket", https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-policies-s3.html;
/// "IAM policy elements: Variables and tags",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
#[test]
fn list_prefixes_with_string_equals_and_a_policy_variable() {
    let identity = json!({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::lake",
         "Condition":{"StringEquals":{"s3:prefix":["","home/"]}}},
        {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::lake",
         "Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}},
        {"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::lake/home/${aws:username}","arn:aws:s3:::lake/home/${aws:username}/*"]}]});
    let s = set(
        json!({"Version":"2012-10-17","Statement":[]}),
        Vec::new(),
        Some(identity),
    );
    let jane = Principal::new(&format!("arn:aws:iam::{OWN}:user/Jane"));
    let chain = Chain::default();
    let list = keys(&s, &chain, &jane, Access::List, None, None);
    let want = KeySet::literal("")
        .union(&KeySet::literal("home/"))
        .union(&KeySet::pattern("home/Jane/*"));
    assert!(list.equivalent(&want).unwrap(), "{list}");
    let read = keys(&s, &chain, &jane, Access::Read, None, None);
    assert!(read
        .equivalent(&KeySet::literal("home/Jane").union(&KeySet::pattern("home/Jane/*")))
        .unwrap());
    let write = keys(&s, &chain, &jane, Access::Write, None, None);
    assert!(write.equivalent(&read).unwrap());
}

/// Through an access point, both the access point policy and the bucket policy must allow; the
/// bucket delegates with `s3:DataAccessPointAccount` ("Configuring IAM policies for using access
/// points", https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html).
#[test]
fn access_point_and_bucket_must_both_allow() {
    let delegate = json!({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*",
         "Resource":["arn:aws:s3:::lake","arn:aws:s3:::lake/*"],
         "Condition":{"StringEquals":{"s3:DataAccessPointAccount":OWN}}}]});
    let ap = json!({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":format!("arn:aws:iam::{OWN}:role/ec2")},
         "Action":["s3:GetObject","s3:PutObject"],
         "Resource":format!("arn:aws:s3:us-west-2:{OWN}:accesspoint/ec2/object/sales_event/*")}]});
    let s = set(delegate, vec![("ec2", ap)], None);
    let ec2 = Principal::new(&format!("arn:aws:iam::{OWN}:role/ec2"));
    let chain = Chain::default();
    let t = target("ec2");
    let through = keys(&s, &chain, &ec2, Access::Write, Some(&t), None);
    assert!(through.equivalent(&KeySet::prefix("sales_event/")).unwrap());
    // Directly, the delegation's condition does not hold and no identity policy allows.
    let direct = keys(&s, &chain, &ec2, Access::Write, None, None);
    assert!(direct.is_empty().unwrap());

    // Without the delegation the access point grant is latent: nothing through it.
    let grant_only = json!({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:PutObject",
         "Resource":format!("arn:aws:s3:us-west-2:{OWN}:accesspoint/ec2/object/sales_event/*")}]});
    let s2 = set(
        json!({"Version":"2012-10-17","Statement":[]}),
        vec![("ec2", grant_only)],
        None,
    );
    let other = Principal::new("arn:aws:iam::444455556666:role/x");
    assert!(keys(
        &s2,
        &chain,
        &other,
        Access::Write,
        Some(&t),
        Some(Audit::Optimistic)
    )
    .is_empty()
    .unwrap());
}

/// Block Public Access: RestrictPublicBuckets cuts a public policy's grants to other accounts
/// ("Blocking public access to your Amazon S3 storage",
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).
#[test]
fn restrict_public_buckets_cuts_public_grants() {
    let s = set(
        json!({"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/public/*"}]}),
        Vec::new(),
        None,
    );
    let anyone = Principal::anonymous();
    let open = keys(&s, &Chain::default(), &anyone, Access::Read, None, None);
    assert!(open.equivalent(&KeySet::prefix("public/")).unwrap());
    let blocked = Chain {
        public_access: PublicAccessBlock {
            bucket: true,
            ..PublicAccessBlock::default()
        },
        ..Chain::default()
    };
    assert!(keys(&s, &blocked, &anyone, Access::Read, None, None)
        .is_empty()
        .unwrap());
}

/// Conditions the audit cannot know stay on the answer: the optimistic set holds keys "only if"
/// `aws:SourceVpce` is right, the pessimistic set does not ("AWS global condition context keys",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
#[test]
fn unknown_conditions_are_kept_as_only_if() {
    let s = set(
        json!({"Version":"2012-10-17","Statement":[
            {"Sid":"FromVpce","Effect":"Allow","Principal":{"AWS":PARTNER},"Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::lake/shared/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}},
            {"Sid":"Always","Effect":"Allow","Principal":{"AWS":PARTNER},"Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::lake/open/*"}]}),
        Vec::new(),
        None,
    );
    let chain = Chain::default();
    let partner = Principal::new(PARTNER);
    let e = symbolic::exact(
        &s,
        &chain,
        &Query {
            principal: &partner,
            access: Access::Read,
            bucket: "lake",
            route: None,
            context: &[],
            audit: None,
        },
    )
    .unwrap();
    assert!(e.definite.equivalent(&KeySet::prefix("open/")).unwrap());
    assert!(e.only_if().equivalent(&KeySet::prefix("shared/")).unwrap());
    assert_eq!(e.possible.narrowing.len(), 1);
    assert!(e.possible.narrowing[0].requires.contains("vpce-1"));
}

/// A condition on `s3:prefix` that is not a set of strings is refused in one line, never guessed.
#[test]
fn an_unrepresentable_prefix_condition_is_an_error() {
    let s = set(
        json!({"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::lake",
             "Condition":{"StringEqualsIgnoreCase":{"s3:prefix":"Home/"}}}]}),
        Vec::new(),
        None,
    );
    let err = symbolic::keys(
        &s,
        &Chain::default(),
        &Query {
            principal: &Principal::anonymous(),
            access: Access::List,
            bucket: "lake",
            route: None,
            context: &[],
            audit: None,
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("StringEqualsIgnoreCase") && !err.contains('\n'),
        "{err}"
    );
}
