//! Property tests of the policy model and the evaluator on generated policies.

use lakegate_policy::eval::wildcard::Pattern;
use lakegate_policy::eval::{CompiledPolicy, PolicySet, Principal, Request};
use lakegate_policy::PolicyDocument;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn one_or_list(items: Vec<String>) -> Value {
    if items.len() == 1 {
        json!(items[0])
    } else {
        json!(items)
    }
}

fn name() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_-]{0,8}"
}

fn principal() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("*")),
        prop::collection::vec(
            prop_oneof![
                name().prop_map(|n| format!("arn:aws:iam::123456789012:role/{n}")),
                Just("111122223333".to_string()),
                Just("*".to_string()),
            ],
            1..3
        )
        .prop_map(|v| json!({ "AWS": one_or_list(v) })),
        name().prop_map(|n| json!({ "Service": format!("{n}.amazonaws.com") })),
    ]
}

fn action() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("s3:GetObject".to_string()),
        Just("s3:PutObject".to_string()),
        Just("s3:ListBucket".to_string()),
        Just("s3:Get*".to_string()),
        Just("s3:*".to_string()),
        Just("*".to_string()),
    ]
}

fn resource() -> impl Strategy<Value = String> {
    (name(), "[a-z/*?]{0,6}").prop_map(|(p, rest)| format!("arn:aws:s3:::bucket/{p}{rest}"))
}

fn condition() -> impl Strategy<Value = Value> {
    let op = prop_oneof![
        Just("StringEquals"),
        Just("StringNotLike"),
        Just("ForAllValues:StringLike"),
        Just("ForAnyValue:StringEqualsIgnoreCase"),
        Just("NumericLessThanIfExists"),
        Just("DateGreaterThan"),
        Just("Bool"),
        Just("IpAddress"),
        Just("NotIpAddress"),
        Just("ArnLike"),
        Just("Null"),
    ];
    let key = prop_oneof![
        Just("aws:SourceVpce"),
        Just("s3:prefix"),
        Just("aws:SourceIp"),
        Just("aws:PrincipalArn"),
        Just("aws:CalledVia"),
    ];
    let value = prop_oneof![
        name().prop_map(Value::String),
        Just(json!("10.0.0.0/8")),
        Just(json!("2020-01-01T00:00:00Z")),
        Just(json!(true)),
        Just(json!(42)),
        prop::collection::vec(name(), 1..3).prop_map(|v| json!(v)),
    ];
    prop::collection::btree_map(op, prop::collection::btree_map(key, value, 1..3), 1..3).prop_map(
        |m| {
            let mut out = Map::new();
            for (op, keys) in m {
                let mut inner = Map::new();
                for (k, v) in keys {
                    inner.insert(k.to_string(), v);
                }
                out.insert(op.to_string(), Value::Object(inner));
            }
            Value::Object(out)
        },
    )
}

/// A statement with its keys in a generated order, possibly with unknown fields.
fn statement() -> impl Strategy<Value = Value> {
    (
        prop::option::of(name()),
        any::<bool>(),
        prop::option::of(principal()),
        any::<bool>(),
        prop::collection::vec(action(), 1..3),
        any::<bool>(),
        prop::collection::vec(resource(), 1..3),
        prop::option::of(condition()),
        prop::option::of(name()),
        any::<bool>(),
    )
        .prop_map(
            |(
                sid,
                allow,
                principal,
                not_action,
                actions,
                not_resource,
                resources,
                cond,
                extra,
                reverse,
            )| {
                let mut fields: Vec<(String, Value)> = Vec::new();
                if let Some(s) = sid {
                    fields.push(("Sid".into(), json!(s)));
                }
                fields.push(("Effect".into(), json!(if allow { "Allow" } else { "Deny" })));
                if let Some(p) = principal {
                    fields.push(("Principal".into(), p));
                }
                let a = if not_action { "NotAction" } else { "Action" };
                fields.push((a.into(), one_or_list(actions)));
                let r = if not_resource {
                    "NotResource"
                } else {
                    "Resource"
                };
                fields.push((r.into(), one_or_list(resources)));
                if let Some(c) = cond {
                    fields.push(("Condition".into(), c));
                }
                if let Some(x) = extra {
                    fields.push((format!("X{x}"), json!({ "kept": x })));
                }
                if reverse {
                    fields.reverse();
                }
                Value::Object(fields.into_iter().collect())
            },
        )
}

fn policy() -> impl Strategy<Value = Value> {
    (
        prop::option::of(name()),
        prop::collection::vec(statement(), 1..6),
        any::<bool>(),
    )
        .prop_map(|(id, statements, single)| {
            let mut root = Map::new();
            root.insert("Version".into(), json!("2012-10-17"));
            if let Some(id) = id {
                root.insert("Id".into(), json!(id));
            }
            let st = if single && statements.len() == 1 {
                statements[0].clone()
            } else {
                json!(statements)
            };
            root.insert("Statement".into(), st);
            Value::Object(root)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_then_serialise_is_identity(p in policy()) {
        let text = serde_json::to_string(&p).unwrap();
        let doc = PolicyDocument::parse(&text).unwrap();
        prop_assert_eq!(doc.to_json(), text.clone());
        prop_assert_eq!(PolicyDocument::parse(&doc.to_pretty()).unwrap().to_json(), text);
    }

    #[test]
    fn upsert_twice_is_upsert_once(p in policy(), st in statement(), sid in name()) {
        let mut st = st;
        st.as_object_mut().unwrap().insert("Sid".into(), json!(format!("New{sid}")));
        let mut once = PolicyDocument::parse(&p.to_string()).unwrap();
        once.upsert(st.clone());
        let mut twice = once.clone();
        prop_assert!(!twice.upsert(st));
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn upsert_then_remove_restores(p in policy(), st in statement(), sid in name()) {
        let original = PolicyDocument::parse(&p.to_string()).unwrap();
        let sid = format!("Lakegate{sid}");
        prop_assume!(original.statement(&sid).is_none());
        let mut st = st;
        st.as_object_mut().unwrap().insert("Sid".into(), json!(sid.clone()));
        let mut d = original.clone();
        prop_assert!(d.upsert(st));
        prop_assert!(d.remove(&sid));
        prop_assert_eq!(d.to_value(), original.to_value());
    }

    #[test]
    fn every_generated_policy_compiles_and_decides(
        p in policy(),
        key in "[a-z/]{0,8}",
        act in action(),
        who in name(),
        vpce in name(),
    ) {
        let compiled = CompiledPolicy::parse(&p.to_string(), "bucket").unwrap();
        let set = PolicySet {
            bucket: Some(compiled),
            bucket_account: "123456789012".into(),
            ..Default::default()
        };
        let principal = Principal::new(&format!("arn:aws:iam::123456789012:role/{who}"));
        let req = Request::new(principal, &act.replace('*', "Object"), "bucket", Some(&key))
            .context("aws:SourceVpce", &vpce)
            .context("aws:CalledVia", "athena.amazonaws.com");
        let quick = set.evaluate(&req, false);
        let explained = set.evaluate(&req, true);
        prop_assert_eq!(quick.verdict, explained.verdict);
        prop_assert_eq!(quick.deciding, explained.deciding);
    }

    #[test]
    fn a_literal_pattern_matches_itself_and_star_matches_everything(text in "[a-zA-Z0-9/:._-]{0,20}", pre in "[a-z]{0,3}") {
        prop_assert!(Pattern::new(&text).matches(&text));
        prop_assert!(Pattern::new("*").matches(&text));
        let prefixed = format!("{pre}*");
        prop_assert_eq!(Pattern::new(&prefixed).matches(&text), text.starts_with(&pre));
        let any_one: String = "?".repeat(text.chars().count());
        prop_assert!(Pattern::new(&any_one).matches(&text));
    }
}

#[test]
fn a_malformed_policy_is_an_error_naming_the_path() {
    let bad = r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"s3:prefix":{"nested":1}}}}]}"#;
    let e = CompiledPolicy::parse(bad, "x").unwrap_err();
    assert_eq!(
        e.to_string(),
        "Statement[0].Condition.StringLike.s3:prefix: expected a string or a list"
    );
}
