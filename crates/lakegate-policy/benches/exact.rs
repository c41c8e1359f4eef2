//! The exact model's figures (issue 22): `access prove` over a 20 KB bucket policy and 100 access
//! point policies, and the exact audit of 20 buckets × 50 access points beside today's sampled
//! audit of the same buckets.
//!
//! `cargo bench -p lakegate-policy --bench exact` (add `-- --quick` for a short run).

use criterion::{criterion_group, criterion_main, Criterion};
use lakegate_policy::access::{delegate_statement, grant, AccessLevel, AccessPointRef};
use lakegate_policy::eval::audit::BucketAudit;
use lakegate_policy::eval::exact::{Guardrail, Model, Never};
use lakegate_policy::eval::symbolic::Access;
use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet,
};
use lakegate_policy::PolicyDocument;
use serde_json::json;
use std::hint::black_box;

const ACCOUNT: &str = "123456789012";
const PARTNER: &str = "999988887777";

fn target(name: &str) -> AccessPointTarget {
    AccessPointTarget::from_arn(&format!(
        "arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}"
    ))
    .expect("access point ARN")
}

/// A bucket of `aps` access points, each granting two roles read-write on its prefix with
/// lakegate's own statements, and a bucket policy that delegates to them and holds `direct`
/// statements of its own: grants of prefixes to roles (every tenth to a partner role, with a
/// wildcard suffix) and a Deny of `*/pii/*` to each fifth.
fn bucket(name: &str, aps: usize, direct: usize) -> (PolicySet, usize) {
    let mut doc = PolicyDocument::new();
    doc.upsert(delegate_statement("aws", name, ACCOUNT));
    let mut statements = doc.to_value()["Statement"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for i in 0..direct {
        let account = if i % 10 == 9 { PARTNER } else { ACCOUNT };
        statements.push(json!({
            "Sid": format!("Direct{i}"),
            "Effect": "Allow",
            "Principal": {"AWS": format!("arn:aws:iam::{account}:role/direct-reader-{i}")},
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": [format!("arn:aws:s3:::{name}/dataset-{i}/*.parquet"), format!("arn:aws:s3:::{name}")],
        }));
        if i % 5 == 0 {
            statements.push(json!({
                "Sid": format!("NoPii{i}"),
                "Effect": "Deny",
                "Principal": {"AWS": format!("arn:aws:iam::{account}:role/direct-reader-{i}")},
                "Action": "s3:GetObject",
                "Resource": format!("arn:aws:s3:::{name}/dataset-{i}/*/pii/*"),
            }));
        }
    }
    let doc = PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": statements}))
        .expect("bucket policy");
    let size = doc.size();
    let bucket = CompiledPolicy::compile(&doc, "bucket-policy").expect("compiles");
    let access_points = (0..aps)
        .map(|i| {
            let t = target(&format!("{name}-ap-{i}"));
            let mut d = PolicyDocument::new();
            let who = vec![
                format!("arn:aws:iam::{ACCOUNT}:role/app-{i}-writer"),
                format!("arn:aws:iam::{ACCOUNT}:role/app-{i}-reader"),
            ];
            grant(
                &mut d,
                &AccessPointRef { arn: t.arn.clone() },
                &format!("app-{i}/"),
                &who,
                AccessLevel::ReadWrite,
            );
            AccessPointPolicy {
                policy: Some(
                    CompiledPolicy::compile(&d, format!("access-point:{}", t.name)).expect("ap"),
                ),
                target: t,
            }
        })
        .collect();
    let set = PolicySet {
        identity: Vec::new(),
        bucket: Some(bucket),
        bucket_account: ACCOUNT.into(),
        access_points,
    };
    (set, size)
}

fn prove(c: &mut Criterion) {
    let (set, size) = bucket("lake", 100, 76);
    // Just under the 20 KB bucket policy limit.
    assert!((19_000..=20_480).contains(&size), "{size} bytes");
    let chain = Chain::default();
    let model = Model {
        set: &set,
        chain: &chain,
        bucket: "lake",
        partition: "aws",
        context: &[],
        trusted: &[],
    };
    let never_write = Guardrail::Never {
        what: Never::ExternalWrite,
        prefix: None,
    };
    let never_read = Guardrail::Never {
        what: Never::ExternalRead,
        prefix: None,
    };
    let only = Guardrail::Only {
        principals: vec![
            format!("arn:aws:iam::{ACCOUNT}:role/app-7-writer"),
            format!("arn:aws:iam::{ACCOUNT}:role/app-7-reader"),
        ],
        prefix: "app-7/".into(),
        access: Access::Write,
    };
    assert!(model.prove(&never_write).unwrap().is_none());
    assert!(model.prove(&never_read).unwrap().is_some());
    assert!(model.prove(&only).unwrap().is_none());
    let mut g = c.benchmark_group("prove (20 KB bucket policy, 100 access points)");
    g.sample_size(10);
    g.bench_function(
        "never external-write (holds: every class, every route)",
        |b| b.iter(|| black_box(model.prove(&never_write).unwrap().is_none())),
    );
    g.bench_function("never external-read (refuted)", |b| {
        b.iter(|| black_box(model.prove(&never_read).unwrap().is_some()))
    });
    g.bench_function("only two roles write app-7/ (holds)", |b| {
        b.iter(|| black_box(model.prove(&only).unwrap().is_none()))
    });
    g.finish();
}

fn audit(c: &mut Criterion) {
    let buckets: Vec<(String, PolicySet)> = (0..20)
        .map(|i| {
            let name = format!("lake-{i}");
            let (set, _) = bucket(&name, 50, 20);
            (name, set)
        })
        .collect();
    let chain = Chain::default();
    let mut g = c.benchmark_group("audit (20 buckets x 50 access points)");
    g.sample_size(10);
    g.bench_function("sampled (probe key per prefix, today's)", |b| {
        b.iter(|| {
            let mut n = 0;
            for (name, set) in &buckets {
                let a = BucketAudit {
                    bucket: name,
                    partition: "aws",
                    trusted: &[],
                    findings: &[],
                    region: "",
                    organization: &[],
                };
                n += a.rows_with(set, &chain, |r| {
                    black_box(r);
                });
            }
            n
        })
    });
    g.bench_function("exact (every class, key patterns)", |b| {
        b.iter(|| {
            let mut n = 0;
            for (name, set) in &buckets {
                let a = BucketAudit {
                    bucket: name,
                    partition: "aws",
                    trusted: &[],
                    findings: &[],
                    region: "",
                    organization: &[],
                };
                n += a
                    .exact_rows_with(set, &chain, &[], |r| {
                        black_box(r);
                    })
                    .unwrap();
            }
            n
        })
    });
    g.finish();
}

/// One bucket of an organization of 1,000 member accounts (`audit report --organization`
/// trusts them all): the exact rows must not grow with the members no policy names.
fn organization(c: &mut Criterion) {
    let (set, _) = bucket("lake-org", 2, 2);
    let members: Vec<String> = (0..1000)
        .map(|i| format!("{:012}", 300_000_000_000u64 + i))
        .collect();
    let chain = Chain::default();
    let mut g = c.benchmark_group("exact audit of one bucket (2 access points)");
    g.sample_size(10);
    for n in [0usize, 1000] {
        g.bench_function(format!("organization of {n} accounts"), |b| {
            b.iter(|| {
                let a = BucketAudit {
                    bucket: "lake-org",
                    partition: "aws",
                    trusted: &[],
                    findings: &[],
                    region: "",
                    organization: &members[..n],
                };
                a.exact_rows_with(&set, &chain, &[], |r| {
                    black_box(r);
                })
                .unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, prove, audit, organization);
criterion_main!(benches);
