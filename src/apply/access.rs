//! The access a plan changes: per bucket it touches, the policy set before (as read) and after
//! (as planned), and the access delta between them (`lakegate_policy::eval::delta`), computed
//! once per plan from the steps' typed states.
//!
//! A step says what its state is to access through [`super::Resource::access`] (a bucket
//! policy, an access point's policy, an access point). The policies of the bucket a plan does
//! not change, but that decide the same requests, are read in: the bucket policy when only an
//! access point's policy changes (a request through an access point needs both), and the
//! policies of the bucket's other access points when its bucket policy changes. A read that
//! fails leaves a note on the delta; it never fails the plan.

use crate::aws::Aws;
use crate::error::Result;
use crate::policy::eval::delta::{self, BucketPolicies, DeltaRow, Question, Side};
use crate::policy::eval::{AccessPointTarget, PolicySet};
use crate::policy::PolicyDocument;
use std::collections::BTreeMap;

/// What a resource's state is to access.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// A bucket's policy (None: no policy).
    BucketPolicy {
        bucket: String,
        doc: Option<PolicyDocument>,
    },
    /// An access point's policy (None: no policy).
    AccessPointPolicy {
        bucket: String,
        target: AccessPointTarget,
        doc: Option<PolicyDocument>,
    },
    /// An access point, and whether it exists.
    AccessPoint {
        bucket: String,
        target: AccessPointTarget,
        exists: bool,
    },
}

impl Part {
    fn bucket(&self) -> &str {
        match self {
            Part::BucketPolicy { bucket, .. }
            | Part::AccessPointPolicy { bucket, .. }
            | Part::AccessPoint { bucket, .. } => bucket,
        }
    }
}

/// One bucket's policies before and after a plan: what guardrails are checked against
/// (`after`) and what the delta compares.
#[derive(Debug, Clone)]
pub struct PlannedAccess {
    pub bucket: String,
    /// The bucket owner's account (principals of other accounts are external).
    pub account: String,
    pub partition: &'static str,
    pub before_policies: BucketPolicies,
    pub after_policies: BucketPolicies,
    /// As read.
    pub before: PolicySet,
    /// As planned.
    pub after: PolicySet,
    /// Policies of the bucket that decide the same requests but could not be read: the delta
    /// leaves out what goes through them.
    pub unread: Vec<String>,
}

/// The delta of a whole plan.
#[derive(Debug, Clone, Default)]
pub struct Delta {
    pub rows: Vec<DeltaRow>,
    /// Why part of it could not be computed (a policy not read, a pattern too complex).
    pub notes: Vec<String>,
}

/// An access point as a plan leaves it: whether it exists before and after, and its policy
/// before and after (None: the plan does not hold it).
struct Route {
    target: AccessPointTarget,
    exists: (bool, bool),
    policy: Option<(Option<PolicyDocument>, Option<PolicyDocument>)>,
}

impl Route {
    fn existing(target: AccessPointTarget) -> Route {
        Route {
            target,
            exists: (true, true),
            policy: None,
        }
    }
}

/// The planned access of every bucket the parts touch (`aws`: the credentials that reach
/// each part's resource).
pub async fn planned(parts: Vec<(Part, Part, &Aws)>) -> Vec<PlannedAccess> {
    let mut by_bucket: BTreeMap<String, Vec<(Part, Part, &Aws)>> = BTreeMap::new();
    for p in parts {
        by_bucket
            .entry(p.0.bucket().to_string())
            .or_default()
            .push(p);
    }
    let all = by_bucket
        .into_iter()
        .map(|(bucket, parts)| async move { bucket_access(bucket, parts).await });
    futures::future::join_all(all)
        .await
        .into_iter()
        .flatten()
        .collect()
}

async fn bucket_access(bucket: String, parts: Vec<(Part, Part, &Aws)>) -> Option<PlannedAccess> {
    let aws = parts.first()?.2;
    let mut unread = Vec::new();
    let account = match parts.iter().find_map(|(p, _, _)| match p {
        Part::AccessPointPolicy { target, .. } | Part::AccessPoint { target, .. } => {
            Some(target.account.clone())
        }
        Part::BucketPolicy { .. } => None,
    }) {
        Some(a) => a,
        None => match aws.account_id().await {
            Ok(a) => a,
            Err(e) => {
                tracing::debug!(bucket, "no account for the access delta: {e}");
                return None;
            }
        },
    };
    let (mut before, mut after) = (BucketPolicies::default(), BucketPolicies::default());
    let mut bucket_policy = None;
    // Access points by ARN, as the plan leaves them.
    let mut aps: Vec<Route> = Vec::new();
    let ap = |aps: &mut Vec<Route>, t: &AccessPointTarget| -> usize {
        match aps.iter().position(|a| a.target.arn == t.arn) {
            Some(i) => i,
            None => {
                aps.push(Route::existing(t.clone()));
                aps.len() - 1
            }
        }
    };
    for (b, a, _) in &parts {
        match (b, a) {
            (Part::BucketPolicy { doc: db, .. }, Part::BucketPolicy { doc: da, .. }) => {
                bucket_policy = Some((db.clone(), da.clone()));
            }
            (
                Part::AccessPointPolicy {
                    target, doc: db, ..
                },
                Part::AccessPointPolicy { doc: da, .. },
            ) => {
                let i = ap(&mut aps, target);
                aps[i].policy = Some((db.clone(), da.clone()));
            }
            (
                Part::AccessPoint {
                    target, exists: eb, ..
                },
                Part::AccessPoint { exists: ea, .. },
            ) => {
                let i = ap(&mut aps, target);
                aps[i].exists = (*eb, *ea);
            }
            _ => {}
        }
    }
    // The bucket policy decides every route: read it when the plan does not hold it.
    let (bp_before, bp_after) = match bucket_policy {
        Some(x) => x,
        None => match aws.bucket_policy(&bucket).await {
            Ok(d) => (d.clone(), d),
            Err(e) => {
                unread.push(format!("the bucket policy of {bucket} ({})", e.message));
                (None, None)
            }
        },
    };
    let bucket_changes = bp_before != bp_after;
    before.bucket = bp_before;
    after.bucket = bp_after;
    // A changed bucket policy decides the requests through every access point of the bucket.
    if bucket_changes {
        match aws
            .list_access_points(&account, Some(&bucket), |_| {})
            .await
        {
            Ok(listed) => {
                let missing: Vec<_> = listed
                    .into_iter()
                    .filter(|i| !aps.iter().any(|a| a.target.arn == i.arn))
                    .collect();
                let reads = missing
                    .iter()
                    .map(|i| aws.access_point_policy(&account, &i.name));
                let docs = futures::future::join_all(reads).await;
                for (info, doc) in missing.iter().zip(docs) {
                    let target =
                        AccessPointTarget::from_arn(&info.arn).unwrap_or(AccessPointTarget {
                            name: info.name.clone(),
                            arn: info.arn.clone(),
                            account: account.clone(),
                        });
                    match doc {
                        Ok(d) => aps.push(Route {
                            policy: Some((d.clone(), d)),
                            ..Route::existing(target)
                        }),
                        Err(e) if e.kind == crate::aws::ErrorKind::NotFound => {}
                        Err(e) => unread.push(format!(
                            "the policy of access point {} ({})",
                            info.name, e.message
                        )),
                    }
                }
            }
            Err(e) => unread.push(format!("the access points of {bucket} ({})", e.message)),
        }
    }
    for Route {
        target,
        exists: (eb, ea),
        policy,
    } in aps
    {
        // An access point whose policy the plan does not hold: read it.
        let (db, da) = match policy {
            Some(p) => p,
            None => match aws.access_point_policy(&account, &target.name).await {
                Ok(d) => (d.clone(), d),
                Err(e) if e.kind == crate::aws::ErrorKind::NotFound => (None, None),
                Err(e) => {
                    unread.push(format!(
                        "the policy of access point {} ({})",
                        target.name, e.message
                    ));
                    (None, None)
                }
            },
        };
        if eb {
            before.access_points.push((target.clone(), db));
        }
        if ea {
            after.access_points.push((target, da));
        }
    }
    let compiled = (before.compile(&account), after.compile(&account));
    let (b, a) = match compiled {
        (Ok(b), Ok(a)) => (b, a),
        (Err(e), _) | (_, Err(e)) => {
            unread.push(format!("a policy of {bucket} cannot be evaluated ({e})"));
            return Some(PlannedAccess {
                bucket,
                account: account.clone(),
                partition: aws.partition,
                before_policies: before,
                after_policies: after,
                before: PolicySet::default(),
                after: PolicySet::default(),
                unread,
            });
        }
    };
    Some(PlannedAccess {
        bucket,
        account,
        partition: aws.partition,
        before_policies: before,
        after_policies: after,
        before: b,
        after: a,
        unread,
    })
}

/// The delta of every bucket's planned access.
pub fn delta(planned: &[PlannedAccess]) -> Delta {
    let started = std::time::Instant::now();
    let mut out = Delta::default();
    for p in planned {
        for u in &p.unread {
            out.notes.push(format!(
                "not read: {u}; the delta leaves out what it decides"
            ));
        }
        if p.before_policies == p.after_policies {
            continue;
        }
        let q = Question {
            bucket: &p.bucket,
            partition: p.partition,
            trusted: &[],
        };
        let rows = delta::delta(
            &q,
            Side {
                docs: &p.before_policies,
                set: &p.before,
            },
            Side {
                docs: &p.after_policies,
                set: &p.after,
            },
        );
        match rows {
            Ok(rows) => out.rows.extend(rows),
            Err(e) => out.notes.push(format!(
                "the access delta of {} cannot be computed: {e}",
                p.bucket
            )),
        }
    }
    tracing::debug!(
        rows = out.rows.len(),
        "access delta computed in {} ms",
        started.elapsed().as_millis()
    );
    out
}

/// Check a plan's planned access (the guardrails' hook).
pub type Guard<'a> = Box<dyn Fn(&[PlannedAccess]) -> Result<()> + 'a>;

/// Explain a plan's planned access beyond the delta: the plan document's `explanation` and the
/// text printed after the delta.
pub type Explain<'a> = Box<dyn Fn(&[PlannedAccess]) -> Result<(serde_json::Value, String)> + 'a>;
