//! S3 Access Grants as a source of access beside the policies, for `access who-can`, `access
//! check`, `access matrix` and `audit report`.
//!
//! A grant gives access through credentials, not through the grantee's own: the grantee calls
//! `s3:GetDataAccess` (its identity policy must allow that on the instance) and S3 Access Grants
//! vends temporary credentials of the location's IAM role, scoped to the grant's prefix and level
//! (S3 User Guide, "Getting S3 data using access grants"). A grant row therefore says what the
//! grantee reaches with those credentials; the policy rows what its own credentials reach. Where
//! both reach the same keys, each row names the other source ([`link`]).
//!
//! A grantee role or user of the account that no longer exists is reported as latent (the grant
//! stays, nobody can use it): [`Grantees::latent`]. Grantees of other accounts and directory
//! identities are not looked up (another account's IAM, and the identity store, are not read).

use crate::aws::access_grants::{AccessGrant, GrantFilter, GrantPermission, GranteeKind};
use crate::aws::Aws;
use crate::error::Result;
use crate::policy::eval::audit::WhoCanRow;
use crate::policy::eval::keyset::KeySet;
use crate::policy::eval::matrix::{MatrixCell, MatrixRow, OwnedRef};
use crate::policy::eval::symbolic::Access;
use crate::policy::eval::{Effect, Verdict};
use std::collections::{BTreeMap, HashMap};

/// Whether a grant's permission includes `access` (READWRITE includes everything; WRITE
/// includes delete; READ includes listing below its scope).
pub fn permits(p: GrantPermission, access: Access) -> bool {
    match access {
        Access::Read | Access::List => p != GrantPermission::Write,
        Access::Write | Access::Delete => p != GrantPermission::Read,
    }
}

/// The bucket a grant scope is on (`s3://lake/vendorA/*` → `lake`; `s3://` → every bucket, "").
pub fn bucket_of(scope: &str) -> &str {
    let rest = scope.strip_prefix("s3://").unwrap_or(scope);
    rest.split(['/', '*']).next().unwrap_or_default()
}

/// The keys a grant on `bucket` reaches under `prefix`: the grant's prefix when it is below
/// the asked one, the asked prefix when the grant covers it, none when they do not meet. A
/// grant on every bucket (`s3://`) covers every prefix.
pub fn reach(grant_scope: &str, bucket: &str, prefix: &str) -> Option<String> {
    let on = bucket_of(grant_scope);
    let granted = if on.is_empty() {
        ""
    } else if on == bucket {
        let rest = grant_scope.strip_prefix("s3://")?.strip_prefix(bucket)?;
        rest.strip_prefix('/').unwrap_or(rest).trim_end_matches('*')
    } else {
        return None;
    };
    if granted.starts_with(prefix) {
        Some(format!("{granted}*"))
    } else if prefix.starts_with(granted) {
        Some(format!("{prefix}*"))
    } else {
        None
    }
}

/// The level of grant an S3 action needs from the credentials GetDataAccess vends: READ for the
/// reads and listings, WRITE for the writes and deletes, as the S3 User Guide ("Working with
/// grants in S3 Access Grants", permission levels) lists them; None for an action no grant
/// covers (bucket configuration, policies, tagging…).
pub fn level_for(action: &str) -> Option<GrantPermission> {
    let a = action.to_ascii_lowercase();
    let a = a.strip_prefix("s3:").unwrap_or(&a);
    match a {
        "getobject"
        | "getobjectversion"
        | "getobjectacl"
        | "getobjectversionacl"
        | "listmultipartuploadparts"
        | "listbucket"
        | "listbucketversions"
        | "listbucketmultipartuploads" => Some(GrantPermission::Read),
        "putobject"
        | "putobjectacl"
        | "putobjectversionacl"
        | "deleteobject"
        | "deleteobjectversion"
        | "abortmultipartupload" => Some(GrantPermission::Write),
        _ => None,
    }
}

/// How a row names a grantee: the IAM ARN, or `directory-user:ID` / `directory-group:ID`.
pub fn grantee_name(g: &AccessGrant) -> String {
    match g.grantee_kind {
        GranteeKind::Iam => g.grantee.clone(),
        GranteeKind::DirectoryUser => format!("directory-user:{}", g.grantee),
        GranteeKind::DirectoryGroup => format!("directory-group:{}", g.grantee),
    }
}

/// The account of an IAM grantee (empty for a directory identity).
pub fn grantee_account(g: &AccessGrant) -> String {
    match g.grantee_kind {
        GranteeKind::Iam => g.grantee.split(':').nth(4).unwrap_or_default().to_string(),
        _ => String::new(),
    }
}

/// The locations of an account's instance, id → scope (empty when there is none).
pub async fn locations(aws: &Aws, account: &str) -> Result<BTreeMap<String, String>> {
    Ok(aws
        .access_grants_locations(account, None)
        .await?
        .into_iter()
        .map(|l| (l.id, l.scope))
        .collect())
}

/// The IAM role or user of `account` a grant names (`("role", NAME)`, `("user", NAME)`; an
/// assumed-role session ARN names its role), None for another account's or a directory identity.
fn identity<'g>(g: &'g AccessGrant, account: &str) -> Option<(&'static str, &'g str)> {
    if g.grantee_kind != GranteeKind::Iam || grantee_account(g) != account {
        return None;
    }
    let resource = g.grantee.splitn(6, ':').nth(5).unwrap_or_default();
    if let Some(path) = resource.strip_prefix("role/") {
        Some(("role", path.rsplit('/').next().unwrap_or(path)))
    } else if let Some(rest) = resource.strip_prefix("assumed-role/") {
        Some(("role", rest.split('/').next().unwrap_or(rest)))
    } else if let Some(path) = resource.strip_prefix("user/") {
        Some(("user", path.rsplit('/').next().unwrap_or(path)))
    } else {
        None
    }
}

/// Whether the grantees that are IAM roles or users of the audited account still exist: each is
/// asked once (GetRole or GetUser), 16 at a time, whatever the number of its grants.
#[derive(Debug, Default)]
pub struct Grantees {
    exists: HashMap<(&'static str, String), bool>,
}

impl Grantees {
    /// Look up every grantee of `grants` in `account` not looked up yet.
    pub async fn look_up<'g>(
        &mut self,
        aws: &Aws,
        account: &str,
        grants: impl IntoIterator<Item = &'g AccessGrant>,
    ) -> Result<()> {
        use futures::{StreamExt, TryStreamExt};
        let mut wanted: Vec<(&'static str, String)> = grants
            .into_iter()
            .filter_map(|g| identity(g, account))
            .map(|(k, n)| (k, n.to_string()))
            .filter(|k| !self.exists.contains_key(k))
            .collect();
        wanted.sort();
        wanted.dedup();
        let found: Vec<((&'static str, String), bool)> = futures::stream::iter(wanted)
            .map(|(kind, name)| async move {
                let there = if kind == "role" {
                    aws.role(&name).await?.is_some()
                } else {
                    aws.user_arn(&name).await?.is_some()
                };
                Ok::<_, crate::aws::Error>(((kind, name), there))
            })
            .buffer_unordered(16)
            .try_collect()
            .await?;
        self.exists.extend(found);
        Ok(())
    }

    /// Why `g` cannot be used today: its grantee, a role or user of `account` looked up with
    /// [`Grantees::look_up`], no longer exists.
    pub fn latent(&self, account: &str, g: &AccessGrant) -> Option<String> {
        let (kind, name) = identity(g, account)?;
        match self.exists.get(&(kind, name.to_string())) {
            Some(false) => Some(format!("the grantee {kind} {} no longer exists", g.grantee)),
            _ => None,
        }
    }
}

/// What one row (of a policy or of a grant) reaches, for [`link`].
pub struct Reach<'a> {
    pub principal: &'a str,
    /// Read, write, list.
    pub access: [bool; 3],
    /// The keys (for list, the listing prefixes) reached.
    pub keys: KeySet,
    /// How the other rows name this one's source.
    pub label: String,
    /// A grant's row (else a policy's).
    pub grant: bool,
}

/// The keys a row reaches: its key patterns less its exceptions, or (a sampled row, with no
/// patterns) everything under its prefix.
pub fn keys_of<'k>(
    keys: impl IntoIterator<Item = &'k str>,
    except: impl IntoIterator<Item = &'k str>,
    prefix: &str,
) -> KeySet {
    let mut set = KeySet::empty();
    let mut any = false;
    for k in keys {
        any = true;
        set = set.union(&KeySet::pattern(k));
    }
    if !any {
        set = KeySet::prefix(prefix);
    }
    for e in except {
        set = set.minus(&KeySet::pattern(e));
    }
    set
}

/// A policy row's source as other rows name it: `bucket-policy(SID)`, `access-point:NAME(SID)`
/// (several Sids comma-separated; none shown when the row names none).
pub fn policy_label(source: &str, sid: &str) -> String {
    let sids: Vec<&str> = sid.split([' ', '+']).filter(|s| !s.is_empty()).collect();
    if sids.is_empty() {
        source.to_string()
    } else {
        format!("{source}({})", sids.join(","))
    }
}

/// For each row, the other sources that give the same principal the same access to some of the
/// same keys: a grant row gets the policies', a policy row the grants'. Exact (the key sets'
/// intersection is decided, not sampled); a pair too complex to decide is not linked.
pub fn link(reaches: &[Reach<'_>]) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); reaches.len()];
    let mut policies: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in reaches.iter().enumerate() {
        if !r.grant {
            policies.entry(r.principal).or_default().push(i);
        }
    }
    for (g, grant) in reaches.iter().enumerate().filter(|(_, r)| r.grant) {
        let Some(candidates) = policies.get(grant.principal) else {
            continue;
        };
        for &p in candidates {
            let policy = &reaches[p];
            let shared = (0..3).any(|i| grant.access[i] && policy.access[i]);
            if !shared || !matches!(grant.keys.intersect(&policy.keys).is_empty(), Ok(false)) {
                continue;
            }
            if !out[g].contains(&policy.label) {
                out[g].push(policy.label.clone());
            }
            if !out[p].contains(&grant.label) {
                out[p].push(grant.label.clone());
            }
        }
    }
    out
}

/// Link who-can rows (all of one access): see [`link`].
pub fn link_who_can(rows: &mut [WhoCanRow]) {
    let reaches: Vec<Reach<'_>> = rows
        .iter()
        .map(|r| {
            let grant = r.source.starts_with("access-grant:");
            Reach {
                principal: &r.principal,
                access: [true, false, false],
                keys: if r.latent.is_some() {
                    KeySet::empty()
                } else {
                    keys_of(
                        r.keys.iter().map(String::as_str),
                        r.except.iter().map(String::as_str),
                        &r.prefix,
                    )
                },
                label: if grant {
                    r.source.clone()
                } else {
                    policy_label(&r.source, &r.sid)
                },
                grant,
            }
        })
        .collect();
    let linked = link(&reaches);
    drop(reaches);
    for (r, also) in rows.iter_mut().zip(linked) {
        r.also_sources = also;
    }
}

/// The rows of the grants that let a grantee `access` keys of `bucket` under `prefix`
/// (nothing when the account has no instance).
pub async fn who_can(
    aws: &Aws,
    account: &str,
    bucket: &str,
    prefix: &str,
    access: Access,
    trusted: &[String],
) -> Result<Vec<WhoCanRow>> {
    let grants = aws.access_grants(account, &GrantFilter::default()).await?;
    let hits: Vec<(&AccessGrant, String)> = grants
        .iter()
        .filter(|g| permits(g.permission, access))
        .filter_map(|g| reach(&g.scope, bucket, prefix).map(|k| (g, k)))
        .collect();
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    let locations = locations(aws, account).await?;
    let mut grantees = Grantees::default();
    grantees
        .look_up(aws, account, hits.iter().map(|(g, _)| *g))
        .await?;
    let mut rows = Vec::new();
    for (g, keys) in hits {
        let principal_account = grantee_account(g);
        rows.push(WhoCanRow {
            principal: grantee_name(g),
            external: !principal_account.is_empty()
                && principal_account != account
                && !trusted.contains(&principal_account),
            principal_account,
            bucket: bucket.to_string(),
            access_point: String::new(),
            prefix: prefix.to_string(),
            access: access.as_str().to_string(),
            source: format!("access-grant:{}", g.id),
            sid: String::new(),
            conditions: String::new(),
            keys: vec![keys],
            except: Vec::new(),
            partial: false,
            latent: grantees.latent(account, g),
            location: locations
                .get(&g.location_id)
                .cloned()
                .unwrap_or_else(|| g.location_id.clone()),
            also_sources: Vec::new(),
        });
    }
    Ok(rows)
}

/// The grants on one bucket, for `access matrix`.
pub struct BucketGrants {
    pub bucket: String,
    pub account: String,
    pub grants: Vec<AccessGrant>,
    grantees: Grantees,
}

impl BucketGrants {
    /// Read the grants of `account`'s instance on `bucket` (a grant on every bucket included),
    /// and whether their grantee roles and users of the account exist.
    pub async fn read(aws: &Aws, account: &str, bucket: &str) -> Result<BucketGrants> {
        let mut grants = aws.access_grants(account, &GrantFilter::default()).await?;
        grants.retain(|g| bucket_of(&g.scope).is_empty() || bucket_of(&g.scope) == bucket);
        let mut grantees = Grantees::default();
        grantees.look_up(aws, account, &grants).await?;
        Ok(BucketGrants {
            bucket: bucket.to_string(),
            account: account.to_string(),
            grants,
            grantees,
        })
    }

    /// The grantees, as rows name them, in order.
    pub fn principals(&self) -> Vec<String> {
        let mut out: Vec<String> = self.grants.iter().map(grantee_name).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The prefixes the grants cover (below the bucket), in order.
    pub fn prefixes(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .grants
            .iter()
            .filter_map(|g| reach(&g.scope, &self.bucket, ""))
            .map(|k| k.trim_end_matches('*').to_string())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// One row per principal × prefix that some grant of the principal reaches: read, write
    /// and list as the grants give them (`partial` when only a narrower grant meets the
    /// prefix), each cell decided by the grants (`access-grant:ID`).
    pub fn matrix_rows(&self, principals: &[String], prefixes: &[String]) -> Vec<MatrixRow> {
        let mut rows = Vec::new();
        for p in principals {
            let theirs: Vec<&AccessGrant> = self
                .grants
                .iter()
                .filter(|g| grantee_name(g) == *p)
                .collect();
            if theirs.is_empty() {
                continue;
            }
            for prefix in prefixes {
                let cell = |access| self.cell(&theirs, prefix, access);
                let (read, write, list) =
                    (cell(Access::Read), cell(Access::Write), cell(Access::List));
                if [&read, &write, &list].iter().all(|c| c.keys.is_empty()) {
                    continue;
                }
                let latent = theirs
                    .iter()
                    .find_map(|g| self.grantees.latent(&self.account, g));
                rows.push(MatrixRow {
                    principal: p.clone(),
                    access_point: None,
                    prefix: prefix.clone(),
                    read,
                    write,
                    list,
                    access_grants: true,
                    latent,
                });
            }
        }
        rows
    }

    fn cell(&self, grants: &[&AccessGrant], prefix: &str, access: Access) -> MatrixCell {
        let whole = format!("{prefix}*");
        let mut c = MatrixCell {
            decision: Verdict::ImplicitlyDenied,
            deciding: Vec::new(),
            keys: Vec::new(),
            except: Vec::new(),
            partial: false,
        };
        for g in grants.iter().filter(|g| permits(g.permission, access)) {
            if let Some(k) = reach(&g.scope, &self.bucket, prefix) {
                c.deciding.push(OwnedRef {
                    policy: format!("access-grant:{}", g.id),
                    index: 0,
                    sid: None,
                    effect: Effect::Allow,
                });
                if !c.keys.contains(&k) {
                    c.keys.push(k);
                }
            }
        }
        if !c.keys.is_empty() {
            c.decision = Verdict::Allowed;
            c.partial = !c.keys.contains(&whole);
        }
        c
    }
}

/// The grant that gives a principal a request's access, as `access check` reports it beside the
/// policy decision.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GrantAccess {
    /// `access-grant:ID`.
    pub source: String,
    pub id: String,
    /// The scope of the location the grant is made in.
    pub location: String,
    pub grantee: String,
    /// What the grant covers (`s3://lake/vendorA/*`).
    pub prefix: String,
    /// The grant's level: READ, WRITE or READWRITE.
    pub level: GrantPermission,
    /// The level the request asks GetDataAccess for.
    pub requested: GrantPermission,
    /// Why the grant cannot be used today (None: it can).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latent: Option<String>,
}

/// The grant GetDataAccess would match for `principal` asking `action` on `target`
/// (`s3://bucket/key`, or the listing prefix): among its IAM grants whose level includes the
/// action's, the most specific that covers the target, as GetDataAccess chooses. None when the
/// action is not one a grant covers, or no grant does.
pub async fn granting(
    aws: &Aws,
    account: &str,
    principal: &str,
    target: &str,
    action: &str,
) -> Result<Option<GrantAccess>> {
    let Some(requested) = level_for(action) else {
        return Ok(None);
    };
    let only = GrantFilter {
        grantee: Some((GranteeKind::Iam, principal.to_string())),
        scope: None,
    };
    let grants = aws.access_grants(account, &only).await?;
    let Some(g) = crate::aws::access_grants::matching(&grants, principal, target, requested) else {
        return Ok(None);
    };
    let locations = locations(aws, account).await?;
    Ok(Some(GrantAccess {
        source: format!("access-grant:{}", g.id),
        id: g.id.clone(),
        location: locations
            .get(&g.location_id)
            .cloned()
            .unwrap_or_else(|| g.location_id.clone()),
        grantee: grantee_name(g),
        prefix: g.scope.clone(),
        level: g.permission,
        requested,
        latent: {
            let mut grantees = Grantees::default();
            grantees.look_up(aws, account, [g]).await?;
            grantees.latent(account, g)
        },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_reaches_where_its_scope_meets_the_prefix() {
        assert_eq!(
            reach("s3://lake/vendorA/*", "lake", ""),
            Some("vendorA/*".into())
        );
        assert_eq!(
            reach("s3://lake/vendorA/*", "lake", "vendorA/2026/"),
            Some("vendorA/2026/*".into())
        );
        assert_eq!(reach("s3://lake/vendorA/*", "lake", "vendorB/"), None);
        assert_eq!(reach("s3://lake/vendorA/*", "other", ""), None);
        assert_eq!(reach("s3://lake/", "lake", "x/"), Some("x/*".into()));
        assert_eq!(reach("s3://", "lake", "x/"), Some("x/*".into()));
        assert_eq!(reach("s3://lake*", "lake", ""), Some("*".into()));
        assert_eq!(reach("s3://lakehouse/*", "lake", ""), None);
        assert!(permits(GrantPermission::Readwrite, Access::Delete));
        assert!(permits(GrantPermission::Read, Access::List));
        assert!(!permits(GrantPermission::Read, Access::Write));
        assert!(!permits(GrantPermission::Write, Access::Read));
    }

    #[test]
    fn a_scope_names_its_bucket() {
        assert_eq!(bucket_of("s3://lake/vendorA/*"), "lake");
        assert_eq!(bucket_of("s3://lake/"), "lake");
        assert_eq!(bucket_of("s3://lake*"), "lake");
        assert_eq!(bucket_of("s3://"), "");
        assert_eq!(bucket_of("s3://*"), "");
    }

    #[test]
    fn an_action_needs_the_level_the_user_guide_gives_it() {
        assert_eq!(level_for("s3:GetObject"), Some(GrantPermission::Read));
        assert_eq!(level_for("s3:ListBucket"), Some(GrantPermission::Read));
        assert_eq!(level_for("S3:PutObject"), Some(GrantPermission::Write));
        assert_eq!(level_for("s3:DeleteObject"), Some(GrantPermission::Write));
        assert_eq!(level_for("s3:PutBucketPolicy"), None);
        assert_eq!(level_for("s3:GetObjectTagging"), None);
    }

    #[test]
    fn policy_labels_name_their_sids() {
        assert_eq!(policy_label("bucket-policy", "A+B"), "bucket-policy(A,B)");
        assert_eq!(policy_label("access-point:ap", "#0"), "access-point:ap(#0)");
        assert_eq!(policy_label("bucket-policy", ""), "bucket-policy");
    }
}
