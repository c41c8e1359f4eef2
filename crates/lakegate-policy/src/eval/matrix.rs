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
    /// Exact matrix only: the key patterns allowed under the prefix (for list, the prefixes a
    /// listing may ask for) …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<String>,
    /// … the patterns cut out of them …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
    /// … and whether only part of the prefix is allowed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
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
            keys: Vec::new(),
            except: Vec::new(),
            partial: false,
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
    /// The row is of S3 Access Grants, not of the policies: what the principal reaches with the
    /// credentials `s3:GetDataAccess` vends for its grants (`access_point` is then None, and
    /// each cell's `deciding` names the grants, `access-grant:ID`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub access_grants: bool,
    /// Why the row's access is not effective today (a grant row whose grantee no longer exists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latent: Option<String>,
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
                    access_grants: false,
                    latent: None,
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

/// [`matrix_with`] decided over every key under each prefix instead of one probe key: a cell is
/// allowed when some key under the prefix is (for list: some `s3:prefix` under it), with the key
/// patterns, what Denies cut out, and whether only part of the prefix is allowed; its statements
/// are those that decide a witness key. A denied cell is decided on the probe key as before
/// (so an explicit Deny still says so).
pub fn matrix_exact(
    set: &PolicySet,
    chain: &Chain,
    bucket: &str,
    principals: &[String],
    prefixes: &[String],
    routes: &[Option<AccessPointTarget>],
    context: &[(String, String)],
) -> Result<Vec<MatrixRow>, super::symbolic::ModelError> {
    use super::keyset::KeySet;
    use super::symbolic::{self, Access, Query};
    let mut rows = Vec::with_capacity(principals.len() * prefixes.len() * routes.len());
    for p in principals {
        let principal = Principal::new(p);
        // A principal of another account whose identity policies are not given is assumed to be
        // allowed by them, as the audit and IAM Access Analyzer assume: the question is what
        // this bucket grants it.
        let foreign = !principal.account.is_empty()
            && principal.account != set.bucket_account
            && !set.identity.iter().any(|(owner, _)| {
                owner
                    .as_deref()
                    .is_none_or(|o| Principal::new(o).account == principal.account)
            });
        let audit = foreign.then_some(super::Audit::Optimistic);
        for route in routes {
            let query = |access| Query {
                principal: &principal,
                access,
                bucket,
                route: route.as_ref(),
                context,
                audit,
            };
            let mut answers = Vec::new();
            for access in [Access::Read, Access::Write, Access::List] {
                answers.push((access, symbolic::keys(set, chain, &query(access))?.keys));
            }
            for prefix in prefixes {
                let under = if prefix.is_empty() {
                    KeySet::all()
                } else {
                    KeySet::prefix(prefix)
                };
                let mut cells = Vec::new();
                for (access, keys) in &answers {
                    let q = query(*access);
                    let within = keys.intersect(&under);
                    let cell = match within.witness()? {
                        Some(w) => {
                            let d = set.evaluate_with(chain, &q.request(&w), false);
                            let described = keys.describe_within(&under)?;
                            MatrixCell {
                                partial: !under.minus(keys).is_empty()?,
                                keys: described.keys,
                                except: described.except,
                                ..MatrixCell::from(&d)
                            }
                        }
                        None => {
                            let probe = match access {
                                Access::List => prefix.clone(),
                                _ => probe_key(prefix),
                            };
                            MatrixCell::from(&set.evaluate_with(chain, &q.request(&probe), false))
                        }
                    };
                    cells.push(cell);
                }
                let list = cells.pop().unwrap_or_else(empty_cell);
                let write = cells.pop().unwrap_or_else(empty_cell);
                let read = cells.pop().unwrap_or_else(empty_cell);
                rows.push(MatrixRow {
                    access_grants: false,
                    latent: None,
                    principal: p.clone(),
                    access_point: route.as_ref().map(|t| t.name.clone()),
                    prefix: prefix.clone(),
                    read,
                    write,
                    list,
                });
            }
        }
    }
    Ok(rows)
}

fn empty_cell() -> MatrixCell {
    MatrixCell {
        decision: Verdict::ImplicitlyDenied,
        deciding: Vec::new(),
        keys: Vec::new(),
        except: Vec::new(),
        partial: false,
    }
}
