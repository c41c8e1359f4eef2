//! The declared lake: what `diff -f`, `apply -f`, `export` and `schema` share. A lake file
//! ([`file`]) becomes one pipeline [`Plan`] over every bucket policy, access point and access
//! point policy it names; the pipeline reads, diffs, leases, keeps history, writes and verifies.
//!
//! The lake owns only its grant statements (see `lakegate_policy::declared`) and, when a bucket
//! declares `delegate`, the delegation statement. Everything else in a policy is "unmanaged" and
//! kept exactly. Without `prune`, nothing the file does not declare is removed.

pub mod access_grants;
pub mod file;
pub mod guardrails;
mod print;
pub mod schema;

use crate::apply::access_point::{self, AccessPoint};
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::bucket_policy::BucketPolicy;
use crate::apply::{Outcome, Plan, Step};
use crate::aws::s3control::AccessPointInfo;
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use crate::policy::access::{delegate_statement, delegates_to, AccessPointRef, DELEGATE_SID};
use crate::policy::declared::{self, Grant, Scope};
use crate::policy::{arn, PolicyDocument, PolicyKind};
use file::Lake;
use futures::stream::{self, StreamExt, TryStreamExt};
use serde::Serialize;
use serde_json::{json, Value};

/// Reads made at once by default (`--concurrency`).
pub const DEFAULT_PARALLEL: usize = 16;

/// A policy the plan declares grants in, to report its standing after the change.
#[derive(Debug, Clone)]
pub struct Declared {
    pub target: ResourceKind,
    pub resource: String,
    /// The policy as the pipeline leaves it.
    pub outcome: Outcome<PolicyDocument>,
    pub kind: PolicyKind,
    pub scope: Scope,
    pub grants: Vec<Grant>,
    /// The bucket's `delegate` (bucket policies only): false makes lakegate's delegation
    /// statement undeclared.
    pub delegate: Option<bool>,
}

/// The plan of a lake file, and what the report needs besides the pipeline's diffs.
pub struct LakePlan<'a> {
    pub plan: Plan<'a>,
    pub declared: Vec<Declared>,
    /// Differences no step can fix (an access point's network origin cannot be changed).
    pub drift: Vec<String>,
    /// Access points on the buckets that the file does not declare (kept without --prune).
    pub undeclared_access_points: Vec<String>,
    /// Access grants and locations the `accessGrants` section does not declare (kept without
    /// --prune).
    pub undeclared_access_grants: Vec<String>,
}

fn grants_of(lake: &Lake, grants: &[file::Grant], partition: &str) -> Vec<Grant> {
    grants
        .iter()
        .map(|g| Grant {
            principals: lake.principals(&g.principals, partition),
            prefix: g.prefix.0.clone(),
            access: g.access,
        })
        .collect()
}

/// The access points of each bucket (up to `parallel` listings at once), in file order.
async fn access_points_of(
    aws: &Aws,
    account: &str,
    buckets: &[String],
    parallel: usize,
) -> Result<Vec<Vec<AccessPointInfo>>> {
    stream::iter(buckets.iter().map(|b| async move {
        aws.list_access_points(account, Some(b.as_str()), |_| {})
            .await
            .map_err(crate::error::CliError::from)
    }))
    .buffered(parallel.max(1))
    .try_collect()
    .await
}

/// Whether an undeclared access point is the lake's to delete: its policy holds the lake's grants
/// and nothing else.
fn owned_by_lake(ap: &AccessPointInfo, doc: Option<&PolicyDocument>) -> bool {
    let Some(doc) = doc else {
        return false;
    };
    let scope = Scope::AccessPoint(AccessPointRef {
        arn: ap.arn.clone(),
    });
    let st = declared::standing(doc, &scope, &[]);
    st.unmanaged.is_empty() && !st.undeclared.is_empty()
}

/// Build the plan of a lake file: list each bucket's access points (the only reads before the
/// pipeline's), then one step per bucket policy, per access point to create (or, with `prune`,
/// delete) and per access point policy.
pub async fn build<'a>(
    aws: &'a Aws,
    account: &str,
    lake: &Lake,
    prune: bool,
    parallel: usize,
    reason: &str,
) -> Result<LakePlan<'a>> {
    let partition = aws.partition;
    let names: Vec<String> = lake.buckets.iter().map(|b| b.name.0.clone()).collect();
    let listed = access_points_of(aws, account, &names, parallel).await?;

    // Undeclared access points whose policy decides whether --prune deletes them.
    let mut undeclared: Vec<&AccessPointInfo> = Vec::new();
    for (b, aps) in lake.buckets.iter().zip(&listed) {
        for ap in aps {
            if !b.access_points.iter().any(|d| d.name.0 == ap.name) {
                undeclared.push(ap);
            }
        }
    }
    let undeclared_policies: Vec<Option<PolicyDocument>> = if prune {
        stream::iter(
            undeclared
                .iter()
                .map(|ap| async move { aws.access_point_policy(account, &ap.name).await }),
        )
        .buffered(parallel.max(1))
        .try_collect()
        .await?
    } else {
        vec![None; undeclared.len()]
    };

    let mut plan = Plan::new(reason);
    let mut declared_out = Vec::new();
    let mut drift = Vec::new();
    for (b, aps) in lake.buckets.iter().zip(&listed) {
        let bucket = b.name.0.clone();
        // The bucket policy: delegation and direct grants.
        let bp = BucketPolicy::new(aws, &bucket);
        let scope = Scope::Bucket {
            arn: arn::bucket_arn(partition, &bucket),
        };
        let grants = grants_of(lake, &b.grants, partition);
        let delegate = b.delegate;
        let acct = account.to_string();
        let bname = bucket.clone();
        let resource = bp.arn.clone();
        let (edit_scope, edit_grants) = (scope.clone(), grants.clone());
        let outcome = plan.add(
            bp,
            crate::apply::policy::edit(move |doc: &mut PolicyDocument| {
                if delegate && !delegates_to(doc, &acct) {
                    doc.upsert(delegate_statement(partition, &bname, &acct));
                }
                if !delegate && prune {
                    doc.remove(DELEGATE_SID);
                }
                declared::declare(doc, &edit_scope, &edit_grants, prune);
                Ok(())
            }),
        );
        declared_out.push(Declared {
            target: crate::apply::bucket_policy::KIND,
            resource,
            outcome,
            kind: PolicyKind::Bucket,
            scope,
            grants,
            delegate: Some(b.delegate),
        });

        // Declared access points: created when missing, their policies declared.
        for d in &b.access_points {
            let name = d.name.0.clone();
            let vpc = d.vpc_id.as_ref().map(|v| v.0.clone());
            let existing = aps.iter().find(|a| a.name == name);
            let ap_arn = existing
                .map(|a| a.arn.clone())
                .unwrap_or_else(|| arn::access_point_arn(partition, &aws.region, account, &name));
            match existing {
                Some(a) if a.vpc_id != vpc => drift.push(format!(
                    "access point {name}: network origin is {} but the file declares {}; an access point cannot be changed (delete it, then apply again)",
                    a.vpc_id.as_deref().unwrap_or("Internet"),
                    vpc.as_deref().unwrap_or("Internet")
                )),
                Some(_) => {}
                None => {
                    let state = access_point::state(
                        &name,
                        &bucket,
                        vpc.as_deref(),
                        Some(d.block_public_access.map(|b| b.0).unwrap_or(
                            crate::aws::s3control::BlockPublicAccess::all(true),
                        )),
                    );
                    let (n, bk) = (name.clone(), bucket.clone());
                    plan.push(Step::new(
                        AccessPoint {
                            account: account.to_string(),
                            name: name.clone(),
                            arn: ap_arn.clone(),
                            bucket: bucket.clone(),
                        },
                        Box::new(move |cur: Option<&access_point::AccessPointState>| match cur {
                            None => Ok(Some(state.clone())),
                            Some(c) if c.bucket == bk => Ok(Some(c.clone())),
                            Some(c) => Err(failed(format!(
                                "access point '{n}' exists on bucket '{}', not '{bk}' (names are unique per account and region)",
                                c.bucket
                            ))),
                        }),
                    ));
                }
            }
            let scope = Scope::AccessPoint(AccessPointRef {
                arn: ap_arn.clone(),
            });
            let grants = grants_of(lake, &d.grants, partition);
            let (edit_scope, edit_grants) = (scope.clone(), grants.clone());
            let outcome = plan.add(
                AccessPointPolicy {
                    account: account.to_string(),
                    name,
                    arn: ap_arn.clone(),
                    bucket: bucket.clone(),
                },
                crate::apply::policy::edit(move |doc: &mut PolicyDocument| {
                    declared::declare(doc, &edit_scope, &edit_grants, prune);
                    Ok(())
                }),
            );
            declared_out.push(Declared {
                target: crate::apply::access_point_policy::KIND,
                resource: ap_arn,
                outcome,
                kind: PolicyKind::AccessPoint,
                scope,
                grants,
                delegate: None,
            });
        }
    }

    // Access points the file does not declare: their lake statements go with --prune, and the
    // access point too when nothing but the lake's grants is in its policy.
    let mut undeclared_names = Vec::new();
    for (ap, doc) in undeclared.iter().zip(&undeclared_policies) {
        undeclared_names.push(ap.name.clone());
        let scope = Scope::AccessPoint(AccessPointRef {
            arn: ap.arn.clone(),
        });
        let policy = AccessPointPolicy::of(account, ap);
        let edit_scope = scope.clone();
        let outcome = plan.add(
            policy,
            crate::apply::policy::edit(move |doc: &mut PolicyDocument| {
                declared::declare(doc, &edit_scope, &[], prune);
                Ok(())
            }),
        );
        declared_out.push(Declared {
            target: crate::apply::access_point_policy::KIND,
            resource: ap.arn.clone(),
            outcome,
            kind: PolicyKind::AccessPoint,
            scope,
            grants: Vec::new(),
            delegate: None,
        });
        if prune && owned_by_lake(ap, doc.as_ref()) {
            plan.push(Step::set(
                AccessPoint {
                    account: account.to_string(),
                    name: ap.name.clone(),
                    arn: ap.arn.clone(),
                    bucket: ap.bucket.clone(),
                },
                None,
            ));
        }
    }
    let undeclared_access_grants =
        access_grants::plan(aws, account, lake, prune, &mut plan).await?;
    Ok(LakePlan {
        plan,
        declared: declared_out,
        drift,
        undeclared_access_points: undeclared_names,
        undeclared_access_grants,
    })
}

/// A policy after the change: its size against its limit, and what the lake does not manage.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyStanding {
    pub target: ResourceKind,
    pub resource: String,
    /// Bytes of the policy after the change (0: no policy).
    pub size: usize,
    pub limit: usize,
    /// Statements the lake does not manage: kept exactly.
    pub unmanaged: Vec<String>,
    /// The lake's statements the file does not declare: kept, removed by --prune.
    pub undeclared: Vec<String>,
}

/// The standing of every declared policy after the change, from its step's outcome.
pub fn standings(declared: &[Declared]) -> Vec<PolicyStanding> {
    declared
        .iter()
        .filter_map(|d| {
            let doc = d.outcome.get()?.after.unwrap_or_default();
            let mut st = declared::standing(&doc, &d.scope, &d.grants);
            if d.delegate == Some(false) {
                if let Some(i) = st.unmanaged.iter().position(|s| s == DELEGATE_SID) {
                    st.unmanaged.remove(i);
                    st.undeclared.push(DELEGATE_SID.to_string());
                }
            }
            Some(PolicyStanding {
                target: d.target,
                resource: d.resource.clone(),
                size: if doc.is_empty() {
                    0
                } else {
                    doc.measured_size(d.kind)
                },
                limit: d.kind.max_bytes(),
                unmanaged: st.unmanaged,
                undeclared: st.undeclared,
            })
        })
        .collect()
}

/// The lake as it is: one document per bucket, as a lake file holds it, and one for the
/// account's Access Grants when it has an instance (`only`: the buckets asked for, when the
/// caller named them; their grants and locations only).
pub async fn export(
    aws: &Aws,
    account: &str,
    buckets: &[String],
    only: Option<&[String]>,
    parallel: usize,
) -> Result<Vec<Value>> {
    let partition = aws.partition;
    let listed = access_points_of(aws, account, buckets, parallel).await?;
    let policies: Vec<Option<PolicyDocument>> =
        stream::iter(buckets.iter().map(|b| aws.bucket_policy(b)))
            .buffered(parallel.max(1))
            .try_collect()
            .await?;
    let all: Vec<&AccessPointInfo> = listed.iter().flatten().collect();
    let details: Vec<(Option<AccessPointInfo>, Option<PolicyDocument>)> =
        stream::iter(all.iter().map(|ap| async move {
            let (i, p) = tokio::join!(
                aws.access_point(account, &ap.name),
                aws.access_point_policy(account, &ap.name)
            );
            Ok::<_, crate::error::CliError>((i?, p?))
        }))
        .buffered(parallel.max(1))
        .try_collect()
        .await?;
    let mut details = details.into_iter();
    let mut docs = Vec::new();
    for ((bucket, aps), policy) in buckets.iter().zip(&listed).zip(policies) {
        let policy = policy.unwrap_or_default();
        let scope = Scope::Bucket {
            arn: arn::bucket_arn(partition, bucket),
        };
        let mut b = serde_json::Map::new();
        b.insert("name".into(), json!(bucket));
        b.insert("delegate".into(), json!(delegates_to(&policy, account)));
        let grants = declared::grants(&policy, &scope);
        if !grants.is_empty() {
            b.insert("grants".into(), grants_value(&grants));
        }
        let mut out_aps = Vec::new();
        for ap in aps {
            let (info, doc) = details.next().unwrap_or((None, None));
            let info = info.unwrap_or_else(|| ap.clone());
            let mut a = serde_json::Map::new();
            a.insert("name".into(), json!(info.name));
            if let Some(v) = &info.vpc_id {
                a.insert("vpcId".into(), json!(v));
            }
            if let Some(bpa) = info.block_public_access {
                a.insert("blockPublicAccess".into(), json!(bpa.text()));
            }
            let scope = Scope::AccessPoint(AccessPointRef {
                arn: ap.arn.clone(),
            });
            let grants = declared::grants(&doc.unwrap_or_default(), &scope);
            if !grants.is_empty() {
                a.insert("grants".into(), grants_value(&grants));
            }
            out_aps.push(Value::Object(a));
        }
        if !out_aps.is_empty() {
            b.insert("accessPoints".into(), Value::Array(out_aps));
        }
        docs.push(json!({
            "apiVersion": file::API_VERSION,
            "kind": file::KIND,
            "buckets": [Value::Object(b)],
        }));
    }
    if let Some(ag) = access_grants::export(aws, account, only).await? {
        docs.push(json!({
            "apiVersion": file::API_VERSION,
            "kind": file::KIND,
            "accessGrants": ag,
        }));
    }
    if docs.is_empty() {
        docs.push(json!({"apiVersion": file::API_VERSION, "kind": file::KIND, "buckets": []}));
    }
    Ok(docs)
}

fn grants_value(grants: &[Grant]) -> Value {
    Value::Array(
        grants
            .iter()
            .map(|g| {
                json!({
                    "principals": g.principals,
                    "prefix": g.prefix,
                    "access": g.access.as_str(),
                })
            })
            .collect(),
    )
}

/// The YAML text of exported documents (`---` between them).
pub fn to_text(docs: &[Value]) -> String {
    docs.iter()
        .map(crate::output::yaml::to_yaml)
        .collect::<Vec<_>>()
        .join("---\n")
}

/// What `diff -f` and `apply -f` print: the plan document, with each policy's standing.
#[derive(Debug, Serialize)]
pub struct LakeOutcome<'a> {
    pub dry_run: bool,
    /// Whether the lake differs from the file (diff's exit code 1).
    pub differs: bool,
    #[serde(flatten)]
    pub plan: &'a crate::plan::Changes,
    pub policies: Vec<PolicyStanding>,
    pub drift: &'a [String],
    pub undeclared_access_points: &'a [String],
    /// Access grants and locations the file does not declare (kept without --prune).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub undeclared_access_grants: &'a [String],
    /// The file's guardrails, proved against the planned policies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub guardrails: Vec<crate::evaluate::prove::Proof>,
    /// The resources changed (apply only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied: Option<Vec<String>>,
}
