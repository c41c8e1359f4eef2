//! Any input: parsing never panics; a parsed document serialises back to the same JSON value and
//! parses again; validation for every policy type returns (never panics) and names a path inside
//! the document; it compiles (or names the bad path) and every decision, with and without the
//! whole chain (SCP, RCP, boundary, session and VPC endpoint policies, Block Public Access), is
//! the same with and without explanations; adding the policy as an SCP never turns a deny into
//! an allow.
#![no_main]

use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet, Principal,
    PublicAccessBlock, Request,
};
use lakegate_policy::validate::{validate_as, PolicyType};
use lakegate_policy::PolicyDocument;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Also split the input: a policy, then request fields separated by newlines.
    let (policy, rest) = text.split_once('\u{0}').unwrap_or((text, ""));
    let Ok(doc) = PolicyDocument::parse(policy) else {
        return;
    };
    let again = PolicyDocument::parse(&doc.to_json()).expect("serialised document parses");
    assert_eq!(again.to_value(), doc.to_value());
    for ty in [
        PolicyType::Bucket,
        PolicyType::AccessPoint,
        PolicyType::Identity,
        PolicyType::Scp,
        PolicyType::Rcp,
        PolicyType::Boundary,
        PolicyType::Session,
        PolicyType::VpcEndpoint,
    ] {
        if let Err(e) = validate_as(&doc, ty) {
            assert!(!e.message.is_empty());
        }
    }
    let Ok(compiled) = CompiledPolicy::compile(&doc, "fuzz") else {
        return;
    };
    let _ = compiled.prefixes();
    let _ = compiled.principals();
    let mut fields = rest.split('\n');
    let principal = fields.next().unwrap_or("arn:aws:iam::123456789012:role/R");
    let action = fields.next().unwrap_or("s3:GetObject");
    let key = fields.next();
    let ap = AccessPointTarget::from_arn("arn:aws:s3:us-east-1:123456789012:accesspoint/ap")
        .expect("valid access point ARN");
    let set = PolicySet {
        identity: vec![(None, compiled.clone())],
        bucket: Some(compiled.clone()),
        bucket_account: "123456789012".into(),
        access_points: vec![AccessPointPolicy {
            target: ap.clone(),
            policy: Some(compiled.clone()),
        }],
    };
    let mut req = Request::new(Principal::new(principal), action, "bucket", key);
    for kv in fields {
        if let Some((k, v)) = kv.split_once('=') {
            req.add_context(k, v);
        }
    }
    let chain = Chain {
        scps: vec![vec![compiled.clone()]],
        scp_account: None,
        rcps: vec![vec![compiled.clone()]],
        management_account: None,
        boundary: Some(compiled.clone()),
        session: Some(compiled.clone()),
        vpc_endpoint: Some(compiled.clone()),
        public_access: PublicAccessBlock {
            account: true,
            bucket: false,
            access_point: true,
        },
    };
    let scp_only = Chain {
        scps: vec![vec![compiled.clone()]],
        ..Chain::default()
    };
    for r in [req.clone(), req.through(ap)] {
        let quick = set.evaluate(&r, false);
        let explained = set.evaluate(&r, true);
        assert_eq!(quick.verdict, explained.verdict);
        assert_eq!(quick.deciding, explained.deciding);
        let whole = set.evaluate_with(&chain, &r, false);
        let whole_explained = set.evaluate_with(&chain, &r, true);
        assert_eq!(whole.verdict, whole_explained.verdict);
        assert_eq!(whole.deciding, whole_explained.deciding);
        if !quick.allowed() {
            assert!(!set.evaluate_with(&scp_only, &r, false).allowed());
        }
    }
});
