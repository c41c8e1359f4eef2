//! Property tests of the whole evaluation chain ("Policy evaluation logic"): on generated
//! identity, bucket, SCP, RCP, boundary, session and VPC endpoint policies and principals,
//!
//! - adding a Deny statement to any policy never turns a deny into an allow;
//! - removing an Allow statement from any policy never turns a deny into an allow (with
//!   RestrictPublicBuckets off: removing a public Allow makes a policy non-public, and S3 then
//!   lets its cross-account grants through, as "The meaning of public" documents);
//! - an SCP never grants (nor does any other policy of the chain: adding one, or turning on
//!   RestrictPublicBuckets, never turns a deny into an allow);
//! - an explanation never changes the decision.

use lakegate_policy::eval::{
    Chain, CompiledPolicy, PolicySet, Principal, PublicAccessBlock, Request,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const OWN: &str = "123456789012";
const OTHER: &str = "444455556666";

fn action() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("s3:GetObject")),
        Just(json!("s3:PutObject")),
        Just(json!("s3:Get*")),
        Just(json!("s3:*")),
        Just(json!("*")),
        Just(json!(["s3:GetObject", "s3:ListBucket"])),
    ]
}

fn resource() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("*")),
        Just(json!("arn:aws:s3:::bucket/*")),
        Just(json!("arn:aws:s3:::bucket/a/*")),
        Just(json!(["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/b/*"])),
    ]
}

fn principal_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("*")),
        Just(json!({"AWS": OWN})),
        Just(json!({"AWS": format!("arn:aws:iam::{OTHER}:root")})),
        Just(json!({"AWS": format!("arn:aws:iam::{OWN}:user/u")})),
        Just(json!({"AWS": format!("arn:aws:iam::{OWN}:role/r")})),
        Just(json!({"AWS": format!("arn:aws:sts::{OWN}:assumed-role/r/s")})),
        Just(json!({"AWS": format!("arn:aws:iam::{OTHER}:role/x")})),
        Just(json!({"Service": "lambda.amazonaws.com"})),
    ]
}

fn condition() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some(json!({"StringEquals": {"aws:SourceVpce": "vpce-1"}}))),
        1 => Just(Some(json!({"Bool": {"aws:SecureTransport": "false"}}))),
        1 => Just(Some(json!({"StringEquals": {"aws:PrincipalAccount": OWN}}))),
    ]
}

/// A statement; `with_principal`: resource-based (Principal or, for a Deny, NotPrincipal).
fn statement(with_principal: bool, deny_only: bool) -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        action(),
        resource(),
        principal_value(),
        any::<bool>(),
        condition(),
    )
        .prop_map(move |(allow, a, r, p, not, c)| {
            let deny = deny_only || !allow;
            let mut m = serde_json::Map::new();
            m.insert("Effect".into(), json!(if deny { "Deny" } else { "Allow" }));
            if with_principal {
                let key = if deny && not && !deny_only {
                    "NotPrincipal"
                } else {
                    "Principal"
                };
                let p = if deny_only { json!("*") } else { p };
                m.insert(key.into(), p);
            }
            m.insert("Action".into(), a);
            m.insert("Resource".into(), r);
            if let Some(c) = c {
                m.insert("Condition".into(), c);
            }
            Value::Object(m)
        })
}

fn statements(with_principal: bool, deny_only: bool) -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(statement(with_principal, deny_only), 0..4)
}

/// The statements of every policy: identity, bucket, scp level 0, scp level 1, rcp, boundary,
/// session, vpc endpoint.
#[derive(Debug, Clone)]
struct World {
    policies: Vec<Vec<Value>>,
    has: [bool; 4], // boundary, session, vpce, rcp present
    pab: bool,
}

fn world() -> impl Strategy<Value = World> {
    (
        statements(false, false),
        statements(true, false),
        statements(false, false),
        statements(false, false),
        statements(true, true),
        statements(false, false),
        statements(false, false),
        statements(true, false),
        any::<[bool; 4]>(),
        any::<bool>(),
    )
        .prop_map(|(i, b, s0, s1, rc, bd, se, v, has, pab)| World {
            policies: vec![i, b, s0, s1, rc, bd, se, v],
            has,
            pab,
        })
}

fn compile(sts: &[Value], label: &str) -> CompiledPolicy {
    let doc = json!({"Version": "2012-10-17", "Statement": sts});
    CompiledPolicy::parse(&doc.to_string(), label).unwrap()
}

/// Whether the request is allowed in this world; `scps` false leaves the SCPs out.
fn allowed(w: &World, req: &Request, scps: bool) -> bool {
    let p = &w.policies;
    let set = PolicySet {
        identity: vec![(None, compile(&p[0], "identity"))],
        bucket: Some(compile(&p[1], "bucket")),
        bucket_account: OWN.into(),
        access_points: Vec::new(),
    };
    let chain = Chain {
        scps: if scps {
            vec![vec![compile(&p[2], "scp0")], vec![compile(&p[3], "scp1")]]
        } else {
            Vec::new()
        },
        scp_account: None,
        rcps: if w.has[3] {
            vec![vec![compile(&p[4], "rcp")]]
        } else {
            Vec::new()
        },
        management_account: None,
        boundary: w.has[0].then(|| compile(&p[5], "boundary")),
        session: w.has[1].then(|| compile(&p[6], "session")),
        vpc_endpoint: w.has[2].then(|| compile(&p[7], "vpce")),
        public_access: PublicAccessBlock {
            account: w.pab,
            ..PublicAccessBlock::default()
        },
    };
    let quick = set.evaluate_with(&chain, req, false);
    let explained = set.evaluate_with(&chain, req, true);
    assert_eq!(quick.verdict, explained.verdict);
    quick.allowed()
}

fn request() -> impl Strategy<Value = Request> {
    let who = prop_oneof![
        Just(format!("arn:aws:iam::{OWN}:user/u")),
        Just(format!("arn:aws:sts::{OWN}:assumed-role/r/s")),
        Just(format!("arn:aws:sts::{OWN}:assumed-role/r/t")),
        Just(format!("arn:aws:iam::{OTHER}:role/x")),
        Just(format!("arn:aws:sts::{OTHER}:assumed-role/x/s")),
        Just(format!("arn:aws:iam::{OWN}:root")),
        Just("lambda.amazonaws.com".to_string()),
        Just(String::new()),
    ];
    let act = prop_oneof![Just("s3:GetObject"), Just("s3:PutObject")];
    let key = prop_oneof![Just("a/x"), Just("b/y"), Just("c")];
    (who, act, key, any::<bool>(), any::<bool>()).prop_map(|(w, a, k, vpce, tls)| {
        let mut r = Request::new(Principal::new(&w), a, "bucket", Some(k));
        if vpce {
            r.add_context("aws:SourceVpce", "vpce-1");
        }
        r.add_context("aws:SecureTransport", if tls { "true" } else { "false" });
        r
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_a_deny_anywhere_never_allows(w in world(), req in request(), which in 0usize..8, st in statement(true, true)) {
        let before = allowed(&w, &req, true);
        let mut after = w.clone();
        let mut st = st;
        if !matches!(which, 1 | 4 | 7) {
            st.as_object_mut().unwrap().remove("Principal");
        }
        after.policies[which].push(st);
        prop_assert!(before || !allowed(&after, &req, true));
    }

    #[test]
    fn removing_an_allow_never_allows(w in world(), req in request(), which in 0usize..8, at in 0usize..4) {
        let mut w = w;
        w.pab = false;
        let before = allowed(&w, &req, true);
        let mut after = w.clone();
        let list = &mut after.policies[which];
        let allows: Vec<usize> = list.iter().enumerate()
            .filter(|(_, s)| s["Effect"] == "Allow").map(|(i, _)| i).collect();
        prop_assume!(!allows.is_empty());
        list.remove(allows[at % allows.len()]);
        prop_assert!(before || !allowed(&after, &req, true));
    }

    #[test]
    fn an_scp_never_grants(w in world(), req in request()) {
        prop_assert!(!allowed(&w, &req, true) || allowed(&w, &req, false));
    }

    #[test]
    fn removing_a_public_allow_can_unblock_a_grant_under_restrict_public_buckets(_x in 0..1u8) {
        // The documented exception to the property above, pinned so that it stays deliberate.
        let partner = json!({"Effect": "Allow", "Principal": {"AWS": format!("arn:aws:iam::{OTHER}:root")}, "Action": "s3:GetObject", "Resource": "*"});
        let public = json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/pub/*"});
        let identity = json!({"Effect": "Allow", "Action": "*", "Resource": "*"});
        let mut w = World { policies: vec![Vec::new(); 8], has: [false; 4], pab: true };
        w.policies[0] = vec![identity];
        w.policies[1] = vec![partner.clone(), public];
        let req = Request::new(Principal::new(&format!("arn:aws:iam::{OTHER}:role/x")), "s3:GetObject", "bucket", Some("a/x"));
        prop_assert!(!allowed(&w, &req, false));
        w.policies[1] = vec![partner];
        prop_assert!(allowed(&w, &req, false));
    }

    #[test]
    fn no_policy_of_the_chain_grants(w in world(), req in request(), which in 0usize..4) {
        let mut without = w.clone();
        without.has[which] = false;
        let mut with = w.clone();
        with.has[which] = true;
        prop_assert!(!allowed(&with, &req, true) || allowed(&without, &req, true));
        let mut open = w.clone();
        open.pab = false;
        let mut restricted = w;
        restricted.pab = true;
        prop_assert!(!allowed(&restricted, &req, true) || allowed(&open, &req, true));
    }
}
