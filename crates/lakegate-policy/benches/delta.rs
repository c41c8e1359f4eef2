//! The access delta's figure (issue 22): what computing a plan's delta adds to the plan, over a
//! bucket with a 20 KB bucket policy and 100 access points (the bucket `benches/exact.rs`
//! builds), for the changes plans make: a grant on one access point, a principal added to a
//! bucket policy grant, a Sid rename, and the worst case, the delegation statement removed
//! (a `*` statement: every class through every route). Each figure is the whole of what the
//! pipeline adds: both sides compiled, then the delta.
//!
//! `cargo bench -p lakegate-policy --bench delta` (add `-- --quick` for a short run).

use criterion::{criterion_group, criterion_main, Criterion};
use lakegate_policy::access::{delegate_statement, grant, AccessLevel, AccessPointRef};
use lakegate_policy::eval::delta::{delta, BucketPolicies, DeltaRow, Question, Side};
use lakegate_policy::eval::AccessPointTarget;
use lakegate_policy::PolicyDocument;
use serde_json::{json, Value};
use std::hint::black_box;

const ACCOUNT: &str = "123456789012";
const PARTNER: &str = "999988887777";

fn target(name: &str) -> AccessPointTarget {
    AccessPointTarget::from_arn(&format!(
        "arn:aws:s3:us-east-1:{ACCOUNT}:accesspoint/{name}"
    ))
    .expect("access point ARN")
}

fn direct(name: &str, i: usize) -> Vec<Value> {
    let account = if i % 10 == 9 { PARTNER } else { ACCOUNT };
    let mut v = vec![json!({
        "Sid": format!("Direct{i}"),
        "Effect": "Allow",
        "Principal": {"AWS": format!("arn:aws:iam::{account}:role/direct-reader-{i}")},
        "Action": ["s3:GetObject", "s3:ListBucket"],
        "Resource": [format!("arn:aws:s3:::{name}/dataset-{i}/*.parquet"), format!("arn:aws:s3:::{name}")],
    })];
    if i % 5 == 0 {
        v.push(json!({
            "Sid": format!("NoPii{i}"),
            "Effect": "Deny",
            "Principal": {"AWS": format!("arn:aws:iam::{account}:role/direct-reader-{i}")},
            "Action": "s3:GetObject",
            "Resource": format!("arn:aws:s3:::{name}/dataset-{i}/*/pii/*"),
        }));
    }
    v
}

fn ap_policy(t: &AccessPointTarget, i: usize, extra: &[String]) -> PolicyDocument {
    let mut d = PolicyDocument::new();
    let mut who = vec![
        format!("arn:aws:iam::{ACCOUNT}:role/app-{i}-writer"),
        format!("arn:aws:iam::{ACCOUNT}:role/app-{i}-reader"),
    ];
    who.extend(extra.iter().cloned());
    grant(
        &mut d,
        &AccessPointRef { arn: t.arn.clone() },
        &format!("app-{i}/"),
        &who,
        AccessLevel::ReadWrite,
    );
    d
}

/// The bucket of `benches/exact.rs`: delegation, `direct` statements of its own, `aps` access
/// points each granting two roles read-write on their prefix.
fn lake(name: &str, aps: usize, direct_n: usize) -> BucketPolicies {
    let mut doc = PolicyDocument::new();
    doc.upsert(delegate_statement("aws", name, ACCOUNT));
    let mut statements = doc.to_value()["Statement"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for i in 0..direct_n {
        statements.extend(direct(name, i));
    }
    let bucket =
        PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": statements}))
            .expect("bucket policy");
    let access_points = (0..aps)
        .map(|i| {
            let t = target(&format!("{name}-ap-{i}"));
            let d = ap_policy(&t, i, &[]);
            (t, Some(d))
        })
        .collect();
    BucketPolicies {
        bucket: Some(bucket),
        access_points,
    }
}

fn edit_bucket(p: &BucketPolicies, f: impl Fn(&mut Vec<Value>)) -> BucketPolicies {
    let mut v = p.bucket.as_ref().unwrap().to_value();
    f(v["Statement"].as_array_mut().unwrap());
    BucketPolicies {
        bucket: Some(PolicyDocument::from_value(v).unwrap()),
        ..p.clone()
    }
}

fn run(before: &BucketPolicies, after: &BucketPolicies) -> Vec<DeltaRow> {
    let (b, a) = (
        before.compile(ACCOUNT).unwrap(),
        after.compile(ACCOUNT).unwrap(),
    );
    delta(
        &Question {
            bucket: "lake",
            partition: "aws",
            trusted: &[],
        },
        Side {
            docs: before,
            set: &b,
        },
        Side {
            docs: after,
            set: &a,
        },
    )
    .unwrap()
}

fn deltas(c: &mut Criterion) {
    let before = lake("lake", 100, 76);
    let size = before.bucket.as_ref().unwrap().size();
    assert!((19_000..=20_480).contains(&size), "{size} bytes");
    let partner = format!("arn:aws:iam::{PARTNER}:role/partner");

    // `accesspoint grant`: the partner added to access point 7's grant.
    let mut ap_grant = before.clone();
    let t7 = ap_grant.access_points[7].0.clone();
    ap_grant.access_points[7].1 = Some(ap_policy(&t7, 7, std::slice::from_ref(&partner)));
    // A lake change: the partner added to a direct grant of the bucket policy.
    let bucket_grant = edit_bucket(&before, |st| {
        st[3]["Principal"]["AWS"] = json!([st[3]["Principal"]["AWS"].clone(), partner.clone()]);
    });
    // A Sid renamed.
    let renamed = edit_bucket(&before, |st| st[3]["Sid"] = json!("Renamed"));
    // The delegation removed: every class, every route.
    let undelegated = edit_bucket(&before, |st| {
        st.remove(0);
    });

    let n = run(&before, &ap_grant);
    assert!(
        n.iter().any(|r| r.principal == partner && r.external),
        "{n:?}"
    );
    let n = run(&before, &bucket_grant);
    assert!(n.iter().any(|r| r.principal == partner), "{n:?}");
    assert!(run(&before, &renamed).is_empty());
    let n = run(&before, &undelegated);
    assert!(n.len() >= 200, "{}", n.len());

    let mut g = c.benchmark_group("delta (20 KB bucket policy, 100 access points)");
    g.sample_size(10);
    g.bench_function(
        "accesspoint grant: partner added on one access point",
        |b| b.iter(|| black_box(run(&before, &ap_grant).len())),
    );
    g.bench_function("bucket policy: partner added to one grant", |b| {
        b.iter(|| black_box(run(&before, &bucket_grant).len()))
    });
    g.bench_function("Sid rename (no change in access)", |b| {
        b.iter(|| black_box(run(&before, &renamed).len()))
    });
    g.bench_function(
        "delegation removed (worst case: every class, every route)",
        |b| b.iter(|| black_box(run(&before, &undelegated).len())),
    );
    g.finish();
}

criterion_group!(benches, deltas);
criterion_main!(benches);
