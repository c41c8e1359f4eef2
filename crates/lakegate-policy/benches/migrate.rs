//! `accessgrant migrate`'s figure (issue 24): what planning a migration adds to the plan, for a
//! bucket policy filled to the 20 KB limit with lakegate's grants (the lake file's
//! `LakegateBucket…` statements: one role per prefix, read-write-delete or read), alone and with
//! 100 access points on the bucket (a changed bucket policy decides the requests through every
//! one of them, so the equivalence asks through every route). Each figure is the whole of it:
//! which statements move, both sides compiled, and the exact equivalence of every principal and
//! prefix (read, write, delete, list).
//!
//! `cargo bench -p lakegate-policy --bench migrate` (add `-- --quick` for a short run).

use criterion::{criterion_group, criterion_main, Criterion};
use lakegate_policy::access::{grant, AccessLevel, AccessPointRef, Part};
use lakegate_policy::declared::{statement, Scope};
use lakegate_policy::eval::delta::BucketPolicies;
use lakegate_policy::eval::AccessPointTarget;
use lakegate_policy::migrate::{analyse, equivalence, strip, Source};
use lakegate_policy::{PolicyDocument, PolicyKind};
use serde_json::json;
use std::hint::black_box;

const ACCOUNT: &str = "123456789012";
const BUCKET: &str = "lake";

/// A bucket policy of lakegate's grants, as many prefixes as fit in 20 KB.
fn full_policy() -> (PolicyDocument, usize) {
    let scope = Scope::Bucket {
        arn: format!("arn:aws:s3:::{BUCKET}"),
    };
    let mut d = PolicyDocument::new();
    let mut n = 0;
    loop {
        let mut next = d.clone();
        let who = vec![format!("arn:aws:iam::{ACCOUNT}:role/team-{n}")];
        let parts: &[Part] = if n % 2 == 0 {
            AccessLevel::ReadWriteDelete.parts()
        } else {
            AccessLevel::Read.parts()
        };
        for &p in parts {
            next.upsert(statement(&scope, p, &format!("dataset-{n}/"), &who));
        }
        if next.check_size(PolicyKind::Bucket).is_err() {
            return (d, n);
        }
        d = next;
        n += 1;
    }
}

fn access_points(n: usize) -> Vec<(AccessPointTarget, Option<PolicyDocument>)> {
    (0..n)
        .map(|i| {
            let arn = format!("arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/app-{i}");
            let mut d = PolicyDocument::new();
            grant(
                &mut d,
                &AccessPointRef { arn: arn.clone() },
                &format!("app-{i}/"),
                &[format!("arn:aws:iam::{ACCOUNT}:role/app-{i}")],
                AccessLevel::ReadWrite,
            );
            (AccessPointTarget::from_arn(&arn).unwrap(), Some(d))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let (before, prefixes) = full_policy();
    let mut delegated = before.clone();
    delegated.upsert(json!({
        "Sid": "LakegateDelegateToAccessPoints", "Effect": "Allow", "Principal": {"AWS": "*"},
        "Action": "*", "Resource": [format!("arn:aws:s3:::{BUCKET}"), format!("arn:aws:s3:::{BUCKET}/*")],
        "Condition": {"StringEquals": {"s3:DataAccessPointAccount": ACCOUNT}}
    }));
    eprintln!(
        "bucket policy: {} bytes, {prefixes} prefixes, {} statements",
        before.size(),
        before.statements().len()
    );
    let source = Source::Bucket {
        arn: format!("arn:aws:s3:::{BUCKET}"),
    };
    for (label, doc, aps) in [
        ("20 KB bucket policy", before.clone(), Vec::new()),
        (
            "20 KB bucket policy + 100 access points",
            delegated,
            access_points(100),
        ),
    ] {
        c.bench_function(&format!("migrate plan: {label}"), |b| {
            b.iter(|| {
                let an = analyse(&doc, &source, ACCOUNT);
                let mut after = doc.clone();
                strip(&mut after, &an.remove);
                let sides = [doc.clone(), after].map(|bucket| {
                    BucketPolicies {
                        bucket: Some(bucket),
                        access_points: aps.clone(),
                    }
                    .compile(ACCOUNT)
                    .unwrap()
                });
                let rows = equivalence(&an.moves, BUCKET, &sides[0], &sides[1]).unwrap();
                // read → READ and read-write-delete → READWRITE: the same access.
                assert!(rows.iter().all(|r| r.same));
                black_box(rows)
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
