//! Differential test of the symbolic access model against the concrete evaluator: on generated
//! policy sets (identity, bucket and access point policies, boundary, session and VPC endpoint
//! policies, SCPs, RCPs, Block Public Access; Allows and Denies with wildcard resources,
//! `s3:prefix` conditions, NotResource, NotAction and NotPrincipal) and generated principals,
//! routes, access kinds and audit modes,
//!
//! - every generated key is in the symbolic set exactly when the evaluator allows it;
//! - the witness of the set (and of its complement) is decided the same way by the evaluator.
//!
//! And for classes of principals (anyone, an account's root, any other principal of an account,
//! any principal of an account no policy names; with `aws:PrincipalAccount`, `aws:PrincipalOrgID`
//! and `aws:PrincipalArn` conditions), every concrete principal sampled from a class is decided
//! by the evaluator as the class's answer says: allowed (even with every unknown condition
//! against it) on the keys the answer holds whatever those conditions are, and never allowed
//! (even with every unknown condition for it) outside the keys it may hold. Where the answer has
//! no "only if" part the two coincide: the decision equals membership.
//!
//! The seed is fixed, so CI runs the same cases every time. `LAKEGATE_SYMBOLIC_CASES=N` runs N
//! cases (the default 600; a long run is `LAKEGATE_SYMBOLIC_CASES=200000`), and
//! `LAKEGATE_SYMBOLIC_SEED=HEX32` another seed.

use lakegate_policy::eval::exact::{Model, PrincipalClass};
use lakegate_policy::eval::keyset::KeySet;
use lakegate_policy::eval::symbolic::{self, Access, Query};
use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Audit, Chain, CompiledPolicy, PolicySet, Principal,
    PublicAccessBlock,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};

const OWN: &str = "123456789012";
const OTHER: &str = "444455556666";
const BUCKET: &str = "lake";

fn ap_arn(name: &str) -> String {
    format!("arn:aws:s3:us-east-1:{OWN}:accesspoint/{name}")
}

/// Glob text over a small alphabet, so that patterns overlap often.
fn glob() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => Just("a"),
            2 => Just("b"),
            3 => Just("/"),
            3 => Just("*"),
            2 => Just("?"),
            1 => Just("a/"),
        ],
        0..5,
    )
    .prop_map(|v| v.concat())
}

fn resource() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => glob().prop_map(|g| format!("arn:aws:s3:::{BUCKET}/{g}")),
        1 => Just(format!("arn:aws:s3:::{BUCKET}")),
        1 => Just("*".to_string()),
        1 => glob().prop_map(|g| format!("arn:aws:s3:::l*{g}")),
        1 => glob().prop_map(|g| format!("arn:aws:s3:::{BUCKET}{g}")),
        2 => (prop_oneof![Just("ap1"), Just("ap*")], glob())
            .prop_map(|(n, g)| format!("arn:aws:s3:us-east-1:{OWN}:accesspoint/{n}/object/{g}")),
        1 => Just(ap_arn("ap1")),
        1 => Just(format!("arn:aws:s3:us-east-1:{OWN}:accesspoint/ap1/object/${{aws:username}}/*")),
        1 => Just(format!("arn:aws:s3:::{BUCKET}/home/${{aws:PrincipalAccount}}/*")),
    ]
}

fn action() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("s3:GetObject")),
        Just(json!("s3:PutObject")),
        Just(json!("s3:DeleteObject")),
        Just(json!("s3:ListBucket")),
        Just(json!("s3:Get*")),
        Just(json!("s3:*")),
        Just(json!("*")),
        Just(json!(["s3:GetObject", "s3:ListBucket"])),
    ]
}

fn principal_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        2 => Just(json!("*")),
        1 => Just(json!({"AWS": OWN})),
        1 => Just(json!({"AWS": format!("arn:aws:iam::{OTHER}:root")})),
        1 => Just(json!({"AWS": format!("arn:aws:iam::{OWN}:user/u")})),
        1 => Just(json!({"AWS": format!("arn:aws:iam::{OWN}:role/r")})),
        1 => Just(json!({"AWS": format!("arn:aws:iam::{OTHER}:role/x")})),
        1 => Just(json!({"AWS": [format!("arn:aws:iam::{OWN}:role/r"), format!("arn:aws:iam::{OTHER}:role/x")]})),
    ]
}

fn condition() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        6 => Just(None),
        2 => (prop_oneof![Just("StringLike"), Just("StringNotLike"), Just("StringEquals"), Just("StringNotEquals"), Just("StringLikeIfExists"), Just("ForAnyValue:StringLike")], prop::collection::vec(glob(), 1..3))
            .prop_map(|(op, gs)| Some(json!({op: {"s3:prefix": gs}}))),
        1 => prop_oneof![Just("true"), Just("false")].prop_map(|b| Some(json!({"Null": {"s3:prefix": b}}))),
        1 => Just(Some(json!({"StringEquals": {"aws:SourceVpce": "vpce-1"}}))),
        1 => Just(Some(json!({"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}))),
        1 => Just(Some(json!({"StringEquals": {"aws:PrincipalAccount": OWN}}))),
        1 => Just(Some(json!({"StringEquals": {"s3:DataAccessPointAccount": OWN}}))),
        1 => Just(Some(json!({"StringEquals": {"aws:PrincipalOrgID": "o-1"}}))),
        1 => Just(Some(json!({"StringLike": {"s3:prefix": "${aws:username}/*"}}))),
    ]
}

/// A statement; `resource_policy`: it names principals.
fn statement(resource_policy: bool) -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        action(),
        prop::collection::vec(resource(), 1..3),
        principal_value(),
        0u8..8,
        condition(),
    )
        .prop_map(move |(allow, a, r, p, not, c)| {
            let mut m = serde_json::Map::new();
            m.insert("Effect".into(), json!(if allow { "Allow" } else { "Deny" }));
            if resource_policy {
                let np = !allow && not == 0 && p != json!("*");
                m.insert(if np { "NotPrincipal" } else { "Principal" }.into(), p);
            }
            m.insert(if not == 1 { "NotAction" } else { "Action" }.into(), a);
            m.insert(
                if not == 2 { "NotResource" } else { "Resource" }.into(),
                json!(r),
            );
            if let Some(c) = c {
                m.insert("Condition".into(), c);
            }
            Value::Object(m)
        })
}

fn policy(resource_policy: bool, max: usize) -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(statement(resource_policy), 0..max)
}

#[derive(Debug, Clone)]
struct World {
    identity: Vec<Value>,
    bucket: Vec<Value>,
    aps: Vec<Option<Vec<Value>>>,
    boundary: Option<Vec<Value>>,
    session: Option<Vec<Value>>,
    vpce: Option<Vec<Value>>,
    scp: Option<Vec<Value>>,
    rcp: Option<Vec<Value>>,
    pab: [bool; 3],
}

fn world() -> impl Strategy<Value = World> {
    (
        policy(false, 3),
        policy(true, 5),
        prop::collection::vec(prop::option::weighted(0.8, policy(true, 4)), 0..3),
        prop::option::weighted(0.2, policy(false, 3)),
        prop::option::weighted(0.2, policy(false, 3)),
        prop::option::weighted(0.2, policy(true, 3)),
        prop::option::weighted(0.2, policy(false, 3)),
        prop::option::weighted(0.15, policy(true, 2)),
        any::<[bool; 3]>(),
    )
        .prop_map(
            |(identity, bucket, aps, boundary, session, vpce, scp, rcp, pab)| World {
                identity,
                bucket,
                aps,
                boundary,
                session,
                vpce,
                scp,
                rcp,
                pab,
            },
        )
}

fn compile(sts: &[Value], label: &str) -> CompiledPolicy {
    let doc = json!({"Version": "2012-10-17", "Statement": sts});
    CompiledPolicy::parse(&doc.to_string(), label).unwrap()
}

fn build(w: &World) -> (PolicySet, Chain) {
    let set = PolicySet {
        identity: vec![(None, compile(&w.identity, "identity"))],
        bucket: Some(compile(&w.bucket, "bucket")),
        bucket_account: OWN.into(),
        access_points: w
            .aps
            .iter()
            .enumerate()
            .map(|(i, p)| AccessPointPolicy {
                target: AccessPointTarget::from_arn(&ap_arn(&format!("ap{}", i + 1))).unwrap(),
                policy: p.as_ref().map(|p| compile(p, &format!("ap{}", i + 1))),
            })
            .collect(),
    };
    let chain = Chain {
        scps: w.scp.iter().map(|p| vec![compile(p, "scp")]).collect(),
        scp_account: None,
        rcps: w.rcp.iter().map(|p| vec![compile(p, "rcp")]).collect(),
        management_account: None,
        boundary: w.boundary.as_ref().map(|p| compile(p, "boundary")),
        session: w.session.as_ref().map(|p| compile(p, "session")),
        vpc_endpoint: w.vpce.as_ref().map(|p| compile(p, "vpce")),
        public_access: PublicAccessBlock {
            account: w.pab[0],
            bucket: w.pab[1],
            access_point: w.pab[2],
        },
    };
    (set, chain)
}

fn principal() -> impl Strategy<Value = Principal> {
    prop_oneof![
        Just(format!("arn:aws:iam::{OWN}:user/u")),
        Just(format!("arn:aws:iam::{OWN}:role/r")),
        Just(format!("arn:aws:sts::{OWN}:assumed-role/r/s")),
        Just(format!("arn:aws:iam::{OTHER}:role/x")),
        Just(format!("arn:aws:sts::{OTHER}:assumed-role/x/s")),
        Just(format!("arn:aws:iam::{OWN}:root")),
        Just(format!("arn:aws:iam::{OTHER}:root")),
        Just("lambda.amazonaws.com".to_string()),
        Just(String::new()),
    ]
    .prop_map(|a| Principal::new(&a))
}

fn key() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![Just('a'), Just('b'), Just('/'), Just('c')],
        0..6,
    )
    .prop_map(|v| v.into_iter().collect())
}

#[derive(Debug, Clone)]
struct Case {
    world: World,
    principal: Principal,
    access: Access,
    route: Option<usize>,
    audit: Option<Audit>,
    vpce: bool,
    keys: Vec<String>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        world(),
        principal(),
        prop::sample::select(Access::ALL.to_vec()),
        prop::option::of(0usize..3),
        prop_oneof![
            Just(None),
            Just(Some(Audit::Optimistic)),
            Just(Some(Audit::Strict)),
            Just(Some(Audit::Pessimistic)),
        ],
        any::<bool>(),
        prop::collection::vec(key(), 8..16),
    )
        .prop_map(
            |(world, principal, access, route, audit, vpce, keys)| Case {
                world,
                principal,
                access,
                route,
                audit,
                vpce,
                keys,
            },
        )
}

fn check(c: &Case) -> Result<(), TestCaseError> {
    let (set, chain) = build(&c.world);
    let route = c
        .route
        .and_then(|i| set.access_points.get(i))
        .map(|a| a.target.clone());
    let context = if c.vpce {
        vec![("aws:SourceVpce".to_string(), "vpce-1".to_string())]
    } else {
        Vec::new()
    };
    let q = Query {
        principal: &c.principal,
        access: c.access,
        bucket: BUCKET,
        route: route.as_ref(),
        context: &context,
        audit: c.audit,
    };
    let answer =
        symbolic::keys(&set, &chain, &q).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let concrete = |k: &str| set.evaluate_with(&chain, &q.request(k), false).allowed();
    let mut keys = c.keys.clone();
    keys.extend(answer.keys.witness().unwrap());
    keys.extend(answer.keys.complement().witness().unwrap());
    for k in &keys {
        prop_assert_eq!(
            answer.keys.contains(k),
            concrete(k),
            "key {:?}, set {}, world {:#?}",
            k,
            answer.keys,
            c.world
        );
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("LAKEGATE_SYMBOLIC_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

fn seed() -> [u8; 32] {
    let mut s = *b"lakegate symbolic model: seed 01";
    if let Ok(hex) = std::env::var("LAKEGATE_SYMBOLIC_SEED") {
        for (i, b) in hex.as_bytes().chunks(2).take(32).enumerate() {
            s[i] = u8::from_str_radix(std::str::from_utf8(b).unwrap_or("0"), 16).unwrap_or(0);
        }
    }
    s
}

#[test]
fn the_symbolic_answer_equals_the_evaluator_on_every_key() {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed()));
    let started = std::time::Instant::now();
    runner.run(&case(), |c| check(&c)).unwrap();
    // Shown with --nocapture: the figure for a long run.
    let _ = started;
}

#[test]
fn a_set_and_its_witness_agree() {
    let config = Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed()));
    let sets = prop::collection::vec((glob(), any::<bool>()), 1..5);
    runner
        .run(
            &(sets, prop::collection::vec(key(), 10)),
            |(parts, keys)| {
                let mut s = KeySet::empty();
                for (g, neg) in &parts {
                    let x = KeySet::pattern(g);
                    s = if *neg { s.minus(&x) } else { s.union(&x) };
                }
                let w = s.witness().unwrap();
                prop_assert_eq!(s.is_empty().unwrap(), w.is_none(), "{}", s);
                match w {
                    Some(w) => prop_assert!(s.contains(&w), "{} {:?}", s, w),
                    None => {
                        for k in &keys {
                            prop_assert!(!s.contains(k), "{} is empty but holds {:?}", s, k);
                        }
                    }
                }
                Ok(())
            },
        )
        .unwrap();
}

/// Conditions on who the principal is, as policies guard a bucket by account, organization or
/// role name ("AWS global condition context keys",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
fn principal_condition() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => Just(None),
        1 => Just(Some(json!({"StringEquals": {"aws:PrincipalAccount": OWN}}))),
        1 => Just(Some(json!({"StringNotEquals": {"aws:PrincipalAccount": OWN}}))),
        1 => Just(Some(json!({"StringLike": {"aws:PrincipalAccount": "4444*"}}))),
        1 => Just(Some(json!({"StringEquals": {"aws:PrincipalOrgID": "o-1"}}))),
        1 => Just(Some(json!({"StringNotEquals": {"aws:PrincipalOrgID": "o-1"}}))),
        1 => Just(Some(json!({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/z*"}}))),
        1 => Just(Some(json!({"StringEquals": {"aws:SourceVpce": "vpce-1"}}))),
    ]
}

fn class_statement() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        action(),
        prop::collection::vec(resource(), 1..3),
        principal_value(),
        principal_condition(),
    )
        .prop_map(|(allow, a, r, p, c)| {
            let mut m = serde_json::Map::new();
            m.insert("Effect".into(), json!(if allow { "Allow" } else { "Deny" }));
            m.insert("Principal".into(), p);
            m.insert("Action".into(), a);
            m.insert("Resource".into(), json!(r));
            if let Some(c) = c {
                m.insert("Condition".into(), c);
            }
            Value::Object(m)
        })
}

#[derive(Debug, Clone)]
struct ClassCase {
    bucket: Vec<Value>,
    aps: Vec<Option<Vec<Value>>>,
    class: usize,
    access: Access,
    route: Option<usize>,
    vpce: bool,
    keys: Vec<String>,
}

fn class_case() -> impl Strategy<Value = ClassCase> {
    (
        prop::collection::vec(class_statement(), 0..6),
        prop::collection::vec(
            prop::option::weighted(0.8, prop::collection::vec(class_statement(), 0..4)),
            0..3,
        ),
        0usize..16,
        prop::sample::select(Access::ALL.to_vec()),
        prop::option::of(0usize..3),
        any::<bool>(),
        prop::collection::vec(key(), 8..16),
    )
        .prop_map(
            |(bucket, aps, class, access, route, vpce, keys)| ClassCase {
                bucket,
                aps,
                class,
                access,
                route,
                vpce,
                keys,
            },
        )
}

/// Concrete principals of a class: for a class of one principal, that principal; for "any other
/// principal of an account", roles, users and role sessions no policy names; for "any principal
/// of an account no policy names", such principals (and the root) of two unnamed accounts; for
/// anyone, an anonymous request.
fn members(class: &PrincipalClass) -> Vec<Principal> {
    let arns: Vec<String> = match class {
        PrincipalClass::Named(arn) => vec![arn.clone()],
        PrincipalClass::Root(a) => vec![format!("arn:aws:iam::{a}:root")],
        PrincipalClass::AnyIn(a) => vec![
            format!("arn:aws:iam::{a}:role/zeta"),
            format!("arn:aws:iam::{a}:user/yann"),
            format!("arn:aws:sts::{a}:assumed-role/zeta/session"),
            format!("arn:aws:iam::{a}:role/data/reader"),
        ],
        PrincipalClass::AnyOtherAccount => vec![
            "arn:aws:iam::999911112222:role/zeta".to_string(),
            "arn:aws:iam::999911112222:root".to_string(),
            "arn:aws:sts::888877776666:assumed-role/yann/s".to_string(),
            "arn:aws:iam::888877776666:user/reader".to_string(),
        ],
        PrincipalClass::Anyone => vec![String::new()],
    };
    arns.iter().map(|a| Principal::new(a)).collect()
}

/// How many class cases had an answer with no "only if" part (decision = membership), and how
/// many keys were checked, for the run's figure.
static EXACT_CASES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static KEYS_CHECKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn check_class(c: &ClassCase) -> Result<(), TestCaseError> {
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(compile(&c.bucket, "bucket")),
        bucket_account: OWN.into(),
        access_points: c
            .aps
            .iter()
            .enumerate()
            .map(|(i, p)| AccessPointPolicy {
                target: AccessPointTarget::from_arn(&ap_arn(&format!("ap{}", i + 1))).unwrap(),
                policy: p.as_ref().map(|p| compile(p, &format!("ap{}", i + 1))),
            })
            .collect(),
    };
    let chain = Chain::default();
    let context = if c.vpce {
        vec![("aws:SourceVpce".to_string(), "vpce-1".to_string())]
    } else {
        Vec::new()
    };
    let model = Model {
        set: &set,
        chain: &chain,
        bucket: BUCKET,
        partition: "aws",
        context: &context,
        trusted: &[],
    };
    let classes = model.classes();
    let class = &classes[c.class % classes.len()];
    let rep = model.representative(class);
    let route = c
        .route
        .and_then(|i| set.access_points.get(i))
        .map(|a| a.target.clone());
    let q = Query {
        principal: &rep,
        access: c.access,
        bucket: BUCKET,
        route: route.as_ref(),
        context: &context,
        audit: Some(Audit::Optimistic),
    };
    let answer =
        symbolic::exact(&set, &chain, &q).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let possible = &answer.possible.keys;
    let definite = &answer.definite;
    let mut keys = c.keys.clone();
    for s in [
        possible.clone(),
        definite.clone(),
        possible.complement(),
        answer.only_if(),
    ] {
        keys.extend(s.witness().unwrap());
    }
    let exact = answer.only_if().is_empty().unwrap();
    if exact {
        EXACT_CASES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    for p in members(class) {
        let decide = |k: &str, audit: Audit| {
            let mut req = Query {
                principal: &p,
                audit: Some(audit),
                ..q.clone()
            }
            .request(k);
            req.audit = Some(audit);
            set.evaluate_with(&chain, &req, false).allowed()
        };
        for k in &keys {
            KEYS_CHECKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let optimistic = decide(k, Audit::Optimistic);
            let pessimistic = decide(k, Audit::Pessimistic);
            prop_assert!(
                !optimistic || possible.contains(k),
                "{} ({:?}) is allowed {:?} on {:?} by the evaluator, outside the class answer {}; bucket {:#?} aps {:#?}",
                p.arn, class, c.access, k, possible, c.bucket, c.aps
            );
            prop_assert!(
                !definite.contains(k) || pessimistic,
                "{} ({:?}) is denied {:?} on {:?} by the evaluator, inside the class's definite answer {}; bucket {:#?} aps {:#?}",
                p.arn, class, c.access, k, definite, c.bucket, c.aps
            );
            if exact {
                prop_assert_eq!(optimistic, possible.contains(k));
            }
        }
    }
    Ok(())
}

#[test]
fn every_member_of_a_principal_class_is_decided_as_the_class_answer_says() {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed()));
    runner.run(&class_case(), |c| check_class(&c)).unwrap();
    // Shown with --nocapture: how many answers had no "only if" part, how many keys were decided.
    println!(
        "{} class cases, {} with no \"only if\" (decision = membership), {} member × key decisions",
        cases(),
        EXACT_CASES.load(std::sync::atomic::Ordering::Relaxed),
        KEYS_CHECKED.load(std::sync::atomic::Ordering::Relaxed)
    );
}
