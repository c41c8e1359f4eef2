//! The access matrix: principal × access point (or the bucket directly) × prefix → read, write,
//! list, each with the statements that decided it.

use super::{
    AccessPointTarget, Chain, Decision, PolicySet, Principal, Request, StatementRef, Verdict,
};
use serde::Serialize;

/// The three kinds of access a row reports, and the request that probes each.
pub const READ_ACTION: &str = "s3:GetObject";
pub const WRITE_ACTION: &str = "s3:PutObject";
pub const LIST_ACTION: &str = "s3:ListBucket";

/// The key probed for read and write under a prefix (any key under the prefix would do).
pub fn probe_key(prefix: &str) -> String {
    format!("{prefix}lakegate-probe")
}

/// One decision of a row.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixCell {
    pub decision: Verdict,
    pub deciding: Vec<OwnedRef>,
}

/// A statement reference that outlives the policy set (for output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnedRef {
    pub policy: String,
    pub index: usize,
    pub sid: Option<String>,
    pub effect: super::Effect,
}

impl From<&StatementRef<'_>> for OwnedRef {
    fn from(r: &StatementRef<'_>) -> Self {
        OwnedRef {
            policy: r.policy.to_string(),
            index: r.index,
            sid: r.sid.map(str::to_owned),
            effect: r.effect,
        }
    }
}

impl From<&Decision<'_>> for MatrixCell {
    fn from(d: &Decision<'_>) -> Self {
        MatrixCell {
            decision: d.verdict,
            deciding: d.deciding.iter().map(OwnedRef::from).collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub principal: String,
    /// The access point's name; None for requests to the bucket directly.
    pub access_point: Option<String>,
    pub prefix: String,
    pub read: MatrixCell,
    pub write: MatrixCell,
    pub list: MatrixCell,
}

/// Every row for these principals, prefixes and routes (None = the bucket directly).
/// `context` is added to every request (e.g. `aws:SourceVpce`).
pub fn matrix(
    set: &PolicySet,
    bucket: &str,
    principals: &[String],
    prefixes: &[String],
    routes: &[Option<AccessPointTarget>],
    context: &[(String, String)],
) -> Vec<MatrixRow> {
    matrix_with(
        set,
        &super::NO_CHAIN,
        bucket,
        principals,
        prefixes,
        routes,
        context,
    )
}

/// [`matrix`] with the rest of the policy chain (SCPs, RCPs, boundary, session and VPC endpoint
/// policies, Block Public Access).
pub fn matrix_with(
    set: &PolicySet,
    chain: &Chain,
    bucket: &str,
    principals: &[String],
    prefixes: &[String],
    routes: &[Option<AccessPointTarget>],
    context: &[(String, String)],
) -> Vec<MatrixRow> {
    let mut rows = Vec::with_capacity(principals.len() * prefixes.len() * routes.len());
    for p in principals {
        let principal = Principal::new(p);
        for route in routes {
            for prefix in prefixes {
                let key = probe_key(prefix);
                let make = |action: &str, key: Option<&str>| {
                    let mut r = Request::new(principal.clone(), action, bucket, key);
                    if let Some(t) = route {
                        r = r.through(t.clone());
                    }
                    for (k, v) in context {
                        r.add_context(k, v);
                    }
                    r
                };
                let read = set.evaluate_with(chain, &make(READ_ACTION, Some(&key)), false);
                let write = set.evaluate_with(chain, &make(WRITE_ACTION, Some(&key)), false);
                let mut list_req = make(LIST_ACTION, None);
                if !list_req.has_context("s3:prefix") {
                    list_req.add_context("s3:prefix", prefix);
                }
                let list = set.evaluate_with(chain, &list_req, false);
                rows.push(MatrixRow {
                    principal: p.clone(),
                    access_point: route.as_ref().map(|t| t.name.clone()),
                    prefix: prefix.clone(),
                    read: (&read).into(),
                    write: (&write).into(),
                    list: (&list).into(),
                });
            }
        }
    }
    rows
}
