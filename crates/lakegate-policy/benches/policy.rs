//! Decisions per second on the seed scenario, on the seed scenario with the whole chain present
//! (two SCP levels, an RCP, a permissions boundary, a session policy, a VPC
//! endpoint policy and Block Public Access), on a 500-statement policy, and the
//! 1,000 principals × 100 prefixes access matrix.
//!
//! `cargo bench --bench policy` (add `-- --quick` for a short run).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lakegate_policy::access::{delegate_statement, grant, AccessLevel, AccessPointRef};
use lakegate_policy::eval::matrix::{matrix, matrix_exact};
use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet, Principal,
    PublicAccessBlock, Request,
};
use lakegate_policy::PolicyDocument;
use serde_json::json;
use std::hint::black_box;

const ACCOUNT: &str = "123456789012";
const BUCKET: &str = "store-events";
const EC2: &str = "arn:aws:iam::123456789012:role/Ec2ConsumerRole";
const LAMBDA: &str = "arn:aws:iam::123456789012:role/LambdaConsumerRole";

fn target(name: &str) -> AccessPointTarget {
    AccessPointTarget::from_arn(&format!(
        "arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}"
    ))
    .expect("access point ARN")
}

fn delegating_bucket() -> CompiledPolicy {
    let mut bucket = PolicyDocument::new();
    bucket.upsert(delegate_statement("aws", BUCKET, ACCOUNT));
    CompiledPolicy::compile(&bucket, "bucket").expect("bucket policy")
}

fn seed() -> PolicySet {
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
            policy: Some(CompiledPolicy::compile(&d, "access-point").expect("ap policy")),
        });
    }
    PolicySet {
        identity: Vec::new(),
        bucket: Some(delegating_bucket()),
        bucket_account: ACCOUNT.into(),
        access_points: aps,
    }
}

fn seed_requests() -> Vec<Request> {
    let put = |who: &str, key: &str, ap: Option<&str>| {
        let r = Request::new(Principal::new(who), "s3:PutObject", BUCKET, Some(key))
            .context("aws:SecureTransport", "true");
        match ap {
            Some(a) => r.through(target(a)),
            None => r,
        }
    };
    vec![
        put(EC2, "sales_event/kon.json", Some("ec2-consumer")),
        put(EC2, "kon.json", Some("ec2-consumer")),
        put(EC2, "inventory_event/x", Some("ec2-consumer")),
        put(EC2, "sales_event/kon.json", None),
        put(LAMBDA, "inventory_event/x", Some("lambda-consumer")),
        put(LAMBDA, "sales_event/kon.json", Some("lambda-consumer")),
    ]
}

/// A bucket policy of 500 statements: each grants one role one prefix, half with a condition.
fn big_policy() -> PolicySet {
    let statements: Vec<_> = (0..500)
        .map(|i| {
            let mut st = json!({
                "Sid": format!("Grant{i}"),
                "Effect": if i % 50 == 49 { "Deny" } else { "Allow" },
                "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT}:role/app-{i}")},
                "Action": ["s3:GetObject", "s3:PutObject"],
                "Resource": format!("arn:aws:s3:::{BUCKET}/prefix-{i}/*"),
            });
            if i % 2 == 0 {
                st["Condition"] = json!({"StringEquals": {"aws:SourceVpce": format!("vpce-{i}")}});
            }
            st
        })
        .collect();
    let doc = PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": statements}))
        .expect("500 statements");
    PolicySet {
        identity: Vec::new(),
        bucket: Some(CompiledPolicy::compile(&doc, "bucket").expect("compiles")),
        bucket_account: ACCOUNT.into(),
        access_points: Vec::new(),
    }
}

fn decisions(c: &mut Criterion) {
    let set = seed();
    let requests = seed_requests();
    let mut g = c.benchmark_group("decisions");
    g.throughput(Throughput::Elements(requests.len() as u64));
    g.bench_function("seed scenario", |b| {
        b.iter(|| {
            for r in &requests {
                black_box(set.evaluate(black_box(r), false).verdict);
            }
        })
    });

    // The whole chain, every part of which applies to the seed's role sessions.
    let policy = |v: serde_json::Value, label: &str| {
        CompiledPolicy::parse(&v.to_string(), label).expect("chain policy")
    };
    // No identity policy: the access point grants name the roles, so every grant is limited by
    // the boundary and the session policy, and the decisions stay the seed's.
    let with_identity = seed();
    let full = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]});
    let chain = Chain {
        scps: vec![
            vec![policy(full.clone(), "scp:root")],
            vec![
                policy(full.clone(), "scp:ou"),
                policy(
                    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}),
                    "scp:deny",
                ),
            ],
        ],
        scp_account: None,
        rcps: vec![vec![policy(
            json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}),
            "rcp",
        )]],
        management_account: None,
        boundary: Some(policy(
            json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": format!("arn:aws:s3:::{BUCKET}/*")}, {"Effect": "Allow", "Action": "s3:*", "Resource": format!("arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/*")}]}),
            "boundary",
        )),
        session: Some(policy(full.clone(), "session")),
        vpc_endpoint: Some(policy(
            json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}),
            "vpc-endpoint",
        )),
        public_access: PublicAccessBlock {
            account: true,
            bucket: true,
            access_point: true,
        },
    };
    let session_requests: Vec<Request> = requests
        .iter()
        .map(|r| {
            let who = r
                .principal
                .arn
                .replace(":iam::", ":sts::")
                .replace(":role/", ":assumed-role/")
                + "/i-0abc";
            let mut x = Request::new(Principal::new(&who), &r.action, BUCKET, r.key.as_deref())
                .context("aws:SecureTransport", "true");
            if let Some(t) = &r.access_point {
                x = x.through(t.clone());
            }
            x
        })
        .collect();
    // The chain must decide as the seed does (it only adds checks that pass).
    for (r, s) in requests.iter().zip(&session_requests) {
        assert_eq!(
            set.evaluate(r, false).verdict,
            with_identity.evaluate_with(&chain, s, false).verdict,
            "{}",
            s.principal.arn
        );
    }
    g.throughput(Throughput::Elements(session_requests.len() as u64));
    g.bench_function("seed scenario, whole chain", |b| {
        b.iter(|| {
            for r in &session_requests {
                black_box(
                    with_identity
                        .evaluate_with(&chain, black_box(r), false)
                        .verdict,
                );
            }
        })
    });

    let big = big_policy();
    let big_requests: Vec<Request> = [(498, true), (499, false), (250, true), (3, false)]
        .iter()
        .map(|&(i, vpce)| {
            let mut r = Request::new(
                Principal::new(&format!("arn:aws:iam::{ACCOUNT}:role/app-{i}")),
                "s3:GetObject",
                BUCKET,
                Some(&format!("prefix-{i}/data.json")),
            );
            if vpce {
                r.add_context("aws:SourceVpce", &format!("vpce-{i}"));
            }
            r
        })
        .collect();
    g.throughput(Throughput::Elements(big_requests.len() as u64));
    g.bench_function("500-statement policy", |b| {
        b.iter(|| {
            for r in &big_requests {
                black_box(big.evaluate(black_box(r), false).verdict);
            }
        })
    });
    g.finish();
}

/// 1,000 principals × 100 prefixes through one access point: 100 prefixes each granted
/// read-write to 10 of the principals with lakegate's own statements (300 statements).
fn access_matrix(c: &mut Criterion) {
    let principals: Vec<String> = (0..1000)
        .map(|i| format!("arn:aws:iam::{ACCOUNT}:role/consumer-{i}"))
        .collect();
    let prefixes: Vec<String> = (0..100).map(|i| format!("dataset-{i}/")).collect();
    let t = target("shared");
    let mut d = PolicyDocument::new();
    for (i, p) in prefixes.iter().enumerate() {
        let who: Vec<String> = (0..10).map(|k| principals[i * 10 + k].clone()).collect();
        grant(
            &mut d,
            &AccessPointRef { arn: t.arn.clone() },
            p,
            &who,
            AccessLevel::ReadWrite,
        );
    }
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(delegating_bucket()),
        bucket_account: ACCOUNT.into(),
        access_points: vec![AccessPointPolicy {
            target: t.clone(),
            policy: Some(CompiledPolicy::compile(&d, "access-point").expect("compiles")),
        }],
    };
    let routes = vec![Some(t)];
    let context = vec![("aws:SecureTransport".to_string(), "true".to_string())];
    let mut g = c.benchmark_group("access matrix");
    g.sample_size(10);
    g.throughput(Throughput::Elements(
        (principals.len() * prefixes.len()) as u64,
    ));
    g.bench_function("1000 principals x 100 prefixes", |b| {
        b.iter(|| {
            let rows = matrix(&set, BUCKET, &principals, &prefixes, &routes, &context);
            black_box(rows.len())
        })
    });
    g.bench_function("1000 principals x 100 prefixes, exact", |b| {
        b.iter(|| {
            let rows = matrix_exact(
                &set,
                &Chain::default(),
                BUCKET,
                &principals,
                &prefixes,
                &routes,
                &context,
            )
            .expect("decidable");
            black_box(rows.len())
        })
    });
    g.finish();
}

criterion_group!(benches, decisions, access_matrix);
criterion_main!(benches);
