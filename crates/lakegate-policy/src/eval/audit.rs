//! The prefix-level audit: for one bucket, who can read, write or list which prefix, directly or
//! through each of its access points, as the evaluator decides it (an access point grant counts
//! only where the bucket policy also allows it; a Deny removes access), with the statements that
//! grant it, the conditions that narrow it, and the IAM Access Analyzer findings that match.
//!
//! Pure: the caller fetches the policies and findings; rows are handed to `emit` one at a time so
//! that they can be streamed.

use super::matrix::{probe_key, LIST_ACTION, READ_ACTION, WRITE_ACTION};
use super::{AccessPointTarget, Audit, Chain, Effect, PolicySet, Principal, Request};
use serde::Serialize;
use std::collections::BTreeSet;

/// What the audit needs of an IAM Access Analyzer finding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingRef {
    pub id: String,
    pub status: String,
    /// The bucket the finding's resource is.
    pub bucket: String,
    /// Principal values as the finding gives them (`arn:…`, a 12-digit account, `*`).
    pub principals: Vec<String>,
    /// ARNs of the access points the finding's sources name (empty: the bucket policy or ACL).
    pub access_points: Vec<String>,
    /// The actions the finding reports (`s3:GetObject`, `s3:*`, …).
    pub actions: Vec<String>,
    /// Its conditions, `key=value`.
    pub conditions: Vec<String>,
    /// Its source types: `POLICY`, `BUCKET_ACL`, `S3_ACCESS_POINT`, `S3_ACCESS_POINT_ACCOUNT`.
    pub source_types: Vec<String>,
}

impl FindingRef {
    /// Whether the finding's actions include one matching `action` (IAM wildcards).
    fn allows(&self, action: &str) -> bool {
        let action = action.to_ascii_lowercase();
        self.actions
            .iter()
            .any(|a| super::wildcard::Pattern::new_lower(a).matches(&action))
    }
}

/// One row of the report: a principal's access to a prefix of a bucket, directly or through one
/// access point. The field order is the CSV column order (and the Athena table's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    pub principal: String,
    /// The principal's account (empty for everyone and for service principals).
    pub principal_account: String,
    /// Everyone (`*`), or an account that is neither the bucket owner nor trusted.
    pub external: bool,
    pub bucket: String,
    pub bucket_account: String,
    /// The access point the access goes through; empty for the bucket itself (`null` in JSON and
    /// YAML, as `accesspoint list` writes "none"; an empty cell in CSV).
    #[serde(serialize_with = "empty_as_null")]
    pub access_point: String,
    /// The key prefix (empty: the whole bucket).
    pub prefix: String,
    pub read: bool,
    pub write: bool,
    pub list: bool,
    /// `read`, `write`, `list` joined with `+` (e.g. `read+list`); `none` on a row that shows a
    /// shorter prefix's access removed (by a Deny) under this one.
    pub access: String,
    /// The policy that grants it: `bucket-policy` or `access-point:NAME` (on a `none` row: the
    /// policy of the Deny that removes it); `finding:TYPE` for a finding no policy row explains
    /// (e.g. `finding:BUCKET_ACL`).
    pub source: String,
    /// The statements of that policy that decide it: their Sids, or `#INDEX` for one without.
    pub sid: String,
    /// What a request must satisfy to be allowed (unknown conditions of the granting statements
    /// and of conditional Denies), `; `-separated.
    pub conditions: String,
    /// Matching IAM Access Analyzer findings (space-separated when several).
    pub finding_id: String,
    pub finding_status: String,
    /// The region of the bucket (empty when not known).
    pub region: String,
    /// The principal's account is a member of the audited organization (`audit report
    /// --organization`); never for everyone or a principal of no account.
    pub same_org: bool,
    /// The key patterns reached (space-separated; `*` every key; for a list-only row the prefixes
    /// a listing may ask for), exactly (empty on rows of the sampled audit and on findings).
    pub keys: String,
    /// The patterns a Deny (or a narrower grant of the other policy) cuts out of `keys`.
    pub except: String,
    /// Only part of the keys under `prefix` are reached.
    pub partial: bool,
    /// Why the access is not effective today (empty: it is): an access point grant on a bucket
    /// that does not delegate to access points, or a grant Block Public Access cuts off.
    pub latent: String,
    /// The other sources that give the same principal the same access to some of the same keys
    /// (space-separated): on a policy row the S3 Access Grants (`access-grant:ID`), on a grant row
    /// the policies (`bucket-policy(SID)`, `access-point:NAME(SID)`). Empty when the row's source
    /// is the only one.
    pub also_sources: String,
}

/// An empty string as `null`, any other as itself.
fn empty_as_null<S: serde::Serializer>(s: &str, ser: S) -> Result<S::Ok, S::Error> {
    if s.is_empty() {
        ser.serialize_none()
    } else {
        ser.serialize_str(s)
    }
}

/// The CSV header, in column order.
/// Columns are only ever appended, so that `audit query` and the Athena table read reports
/// written before a column existed (its cells are then empty).
pub const COLUMNS: [&str; 23] = [
    "principal",
    "principal_account",
    "external",
    "bucket",
    "bucket_account",
    "access_point",
    "prefix",
    "read",
    "write",
    "list",
    "access",
    "source",
    "sid",
    "conditions",
    "finding_id",
    "finding_status",
    "region",
    "same_org",
    "keys",
    "except",
    "partial",
    "latent",
    "also_sources",
];

impl AuditRow {
    /// The cells in [`COLUMNS`] order.
    pub fn record(&self) -> [&str; 23] {
        let b = |x: bool| if x { "true" } else { "false" };
        [
            &self.principal,
            &self.principal_account,
            b(self.external),
            &self.bucket,
            &self.bucket_account,
            &self.access_point,
            &self.prefix,
            b(self.read),
            b(self.write),
            b(self.list),
            &self.access,
            &self.source,
            &self.sid,
            &self.conditions,
            &self.finding_id,
            &self.finding_status,
            &self.region,
            b(self.same_org),
            &self.keys,
            &self.except,
            b(self.partial),
            &self.latent,
            &self.also_sources,
        ]
    }
}

/// One decision as the audit sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Cell {
    allowed: bool,
    /// (policy label, sid or #index) of the Allow statements that grant it, or of the Deny
    /// statements that remove it.
    granting: Vec<(String, String)>,
    requires: Vec<String>,
}

fn decide(set: &PolicySet, chain: &Chain, req: Request) -> Cell {
    let refs = |d: &super::Decision<'_>, effect: Effect| -> Vec<(String, String)> {
        d.deciding
            .iter()
            .filter(|r| r.effect == effect)
            .map(|r| {
                (
                    r.policy.to_string(),
                    r.sid
                        .map(str::to_owned)
                        .unwrap_or_else(|| format!("#{}", r.index)),
                )
            })
            .collect()
    };
    let optimistic = set.evaluate_with(chain, &req.clone().audited(Audit::Optimistic), false);
    if !optimistic.allowed() {
        return Cell {
            allowed: false,
            granting: refs(&optimistic, Effect::Deny),
            requires: Vec::new(),
        };
    }
    let strict = set.evaluate_with(chain, &req.audited(Audit::Strict), false);
    // Allowed without assuming any unknown condition: only conditional Denies narrow it.
    let d = if strict.allowed() {
        &strict
    } else {
        &optimistic
    };
    let mut requires: Vec<String> = Vec::new();
    for n in &d.narrowing {
        if !requires.contains(&n.requires) {
            requires.push(n.requires.clone());
        }
    }
    Cell {
        allowed: true,
        granting: refs(d, Effect::Allow),
        requires,
    }
}

/// The access of one principal × route × prefix, comparable across prefixes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Access {
    read: Cell,
    write: Cell,
    list: Cell,
}

impl Access {
    fn any(&self) -> bool {
        self.read.allowed || self.write.allowed || self.list.allowed
    }
}

/// The account of a principal value (`arn:…:ACCOUNT:…`); empty for `*` and services.
pub fn principal_account(principal: &str) -> String {
    Principal::new(principal).account
}

fn is_account_id(value: &str) -> bool {
    crate::arn::validate_account_id(value).is_ok()
}

/// A finding's principal value as a row's principal: a 12-digit account as its root ARN.
fn principal_of(value: &str, partition: &str) -> String {
    if is_account_id(value) {
        format!("arn:{partition}:iam::{value}:root")
    } else {
        value.to_string()
    }
}

/// Does a finding's principal value name this row's principal?
fn finding_names(value: &str, principal: &str) -> bool {
    if value == principal {
        return true;
    }
    // A 12-digit account id names the account (its root).
    is_account_id(value) && principal.ends_with(":root") && principal_account(principal) == value
}

/// The `source` column for a policy label (`bucket`, `access-point:NAME`).
fn source_of(label: &str) -> String {
    if label == "bucket" {
        "bucket-policy".to_string()
    } else {
        label.to_string()
    }
}

/// `read`, `write`, `list`: those that are on.
fn kinds(read: bool, write: bool, list: bool) -> Vec<&'static str> {
    [("read", read), ("write", write), ("list", list)]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(k, _)| k)
        .collect()
}

/// Everything one bucket's audit needs besides its policies.
pub struct BucketAudit<'a> {
    pub bucket: &'a str,
    /// `aws`, `aws-cn`, `aws-us-gov`.
    pub partition: &'a str,
    /// Accounts that count as internal besides the bucket owner.
    pub trusted: &'a [String],
    /// Findings for this bucket.
    pub findings: &'a [FindingRef],
    /// The bucket's region, written on every row (empty: not known).
    pub region: &'a str,
    /// The accounts of the organization audited: none of them is external (empty outside
    /// `--organization`).
    pub organization: &'a [String],
}

/// The access `who_can` asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessKind {
    /// s3:GetObject on a key under the prefix.
    Read,
    /// s3:PutObject on a key under the prefix.
    Write,
    /// s3:ListBucket with `s3:prefix` set to the prefix.
    List,
}

impl AccessKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccessKind::Read => "read",
            AccessKind::Write => "write",
            AccessKind::List => "list",
        }
    }
}

/// One principal allowed an access to a prefix, through one route (an access point or the
/// bucket itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhoCanRow {
    pub principal: String,
    /// The principal's account (empty for everyone and for service principals).
    pub principal_account: String,
    /// Everyone, or an account that is neither the bucket owner nor trusted.
    pub external: bool,
    pub bucket: String,
    /// The access point the access goes through; `null` for the bucket itself.
    #[serde(serialize_with = "empty_as_null")]
    pub access_point: String,
    pub prefix: String,
    /// read, write or list.
    pub access: String,
    /// The policy that grants it (`bucket-policy` or `access-point:NAME`).
    pub source: String,
    /// The statements that grant it.
    pub sid: String,
    /// What a request must satisfy to be allowed, `; `-separated.
    pub conditions: String,
    /// The key patterns reached under the prefix (exact answers; empty from [`BucketAudit::who_can`]).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub keys: Vec<String>,
    /// The patterns cut out of them.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub except: Vec<String>,
    /// Only part of the prefix is reached.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub partial: bool,
    /// Why the access is not effective today (None: it is).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub latent: Option<String>,
    /// The S3 Access Grants location a grant row is made in (empty for policy rows).
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub location: String,
    /// The other sources that give the same principal this access to some of the same keys: on
    /// a policy row the grants (`access-grant:ID`), on a grant row the policies
    /// (`bucket-policy(SID)`, `access-point:NAME(SID)`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub also_sources: Vec<String>,
}

fn sorted_prefixes(lists: &[Vec<String>]) -> Vec<String> {
    let mut all: BTreeSet<String> = BTreeSet::new();
    all.insert(String::new());
    for l in lists {
        all.extend(l.iter().cloned());
    }
    all.into_iter().collect()
}

fn add_all(out: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for x in items {
        if !out.contains(&x) {
            out.push(x);
        }
    }
}

impl BucketAudit<'_> {
    /// Every row of the bucket, handed to `emit` as it is computed: the bucket itself first, then
    /// each access point in `set.access_points` order; within a route, principals in order of
    /// appearance and prefixes sorted. A prefix's row is left out when a shorter prefix of the
    /// same route already grants the principal exactly the same (same access, statements and
    /// conditions). Access points without a policy grant nothing and have no rows.
    pub fn rows(&self, set: &PolicySet, emit: impl FnMut(AuditRow)) -> usize {
        self.rows_with(set, &super::NO_CHAIN, emit)
    }

    /// [`BucketAudit::rows`] decided with the rest of the policy chain (SCPs, RCPs, Block
    /// Public Access, …).
    pub fn rows_with(
        &self,
        set: &PolicySet,
        chain: &Chain,
        mut emit: impl FnMut(AuditRow),
    ) -> usize {
        // Findings that end up on no row get rows of their own (last).
        let matched: std::cell::RefCell<Vec<String>> = Default::default();
        let mut emit = |r: AuditRow| {
            let mut m = matched.borrow_mut();
            for id in r.finding_id.split(' ').filter(|s| !s.is_empty()) {
                if !m.iter().any(|x| x == id) {
                    m.push(id.to_string());
                }
            }
            drop(m);
            emit(r)
        };
        let mut n = 0;
        let owner = set.bucket_account.as_str();
        let bucket_principals = set
            .bucket
            .as_ref()
            .map(|p| p.audit_principals(self.partition))
            .unwrap_or_default();
        let bucket_prefixes = set
            .bucket
            .as_ref()
            .map(|p| p.prefixes())
            .unwrap_or_default();
        let finding_principals = |ap: Option<&str>| -> Vec<String> {
            let mut out = Vec::new();
            for f in self.findings {
                let on_route = match ap {
                    None => f.access_points.is_empty(),
                    Some(arn) => f.access_points.iter().any(|a| a == arn),
                };
                if on_route {
                    add_all(
                        &mut out,
                        f.principals.iter().map(|p| principal_of(p, self.partition)),
                    );
                }
            }
            out
        };

        // The bucket itself.
        let mut principals = bucket_principals.clone();
        add_all(&mut principals, finding_principals(None));
        let prefixes = sorted_prefixes(std::slice::from_ref(&bucket_prefixes));
        n += self.route(set, chain, None, &principals, &prefixes, owner, &mut emit);

        for ap in &set.access_points {
            let Some(policy) = &ap.policy else { continue };
            let mut principals = policy.audit_principals(self.partition);
            // `*` or an account in the access point policy: anyone the bucket names may pass.
            if principals.iter().any(|p| p == "*" || p.ends_with(":root")) {
                add_all(&mut principals, bucket_principals.iter().cloned());
            }
            add_all(&mut principals, finding_principals(Some(&ap.target.arn)));
            let prefixes = sorted_prefixes(&[policy.prefixes(), bucket_prefixes.clone()]);
            n += self.route(
                set,
                chain,
                Some(&ap.target),
                &principals,
                &prefixes,
                owner,
                &mut emit,
            );
        }
        for f in self.findings {
            let seen = matched.borrow().contains(&f.id);
            if !seen {
                n += self.finding_rows(set, f, owner, &mut emit);
            }
        }
        n
    }

    /// Rows for a finding that no policy row explains: IAM Access Analyzer sees access the
    /// policies do not grant here (a bucket ACL, an access point of another account, a policy
    /// changed since it analysed). One row per principal, for the whole bucket, with the
    /// finding's own actions and conditions.
    fn finding_rows(
        &self,
        set: &PolicySet,
        f: &FindingRef,
        owner: &str,
        emit: &mut impl FnMut(AuditRow),
    ) -> usize {
        let mut n = 0;
        let access_point = f
            .access_points
            .first()
            .and_then(|arn| {
                set.access_points
                    .iter()
                    .find(|a| a.target.arn == *arn)
                    .map(|a| a.target.name.clone())
                    .or_else(|| AccessPointTarget::from_arn(arn).map(|t| t.name))
            })
            .unwrap_or_default();
        let source = match f.source_types.as_slice() {
            [] => "finding".to_string(),
            types => format!("finding:{}", types.join("+")),
        };
        let (read, write, list) = (
            f.allows(READ_ACTION),
            f.allows(WRITE_ACTION),
            f.allows(LIST_ACTION),
        );
        let kinds = kinds(read, write, list);
        for value in &f.principals {
            let principal = principal_of(value, self.partition);
            let account = principal_account(&principal);
            // Access Analyzer reports only access from outside the zone of trust: a principal of
            // no known account (`*`, a canonical user) is external.
            let external = account.is_empty() || self.foreign(&account, owner);
            let same_org = self.in_org(&account);
            emit(AuditRow {
                principal,
                principal_account: account,
                external,
                bucket: self.bucket.to_string(),
                bucket_account: owner.to_string(),
                access_point: access_point.clone(),
                prefix: String::new(),
                read,
                write,
                list,
                access: if kinds.is_empty() {
                    // Other actions only (e.g. s3:GetBucketAcl): named as they are.
                    f.actions.join("+")
                } else {
                    kinds.join("+")
                },
                source: source.clone(),
                sid: String::new(),
                conditions: f.conditions.join("; "),
                finding_id: f.id.clone(),
                finding_status: f.status.clone(),
                region: self.region.to_string(),
                same_org,
                keys: String::new(),
                except: String::new(),
                partial: false,
                latent: String::new(),
                also_sources: String::new(),
            });
            n += 1;
        }
        n
    }

    #[allow(clippy::too_many_arguments)]
    fn route(
        &self,
        set: &PolicySet,
        chain: &Chain,
        route: Option<&AccessPointTarget>,
        principals: &[String],
        prefixes: &[String],
        owner: &str,
        emit: &mut impl FnMut(AuditRow),
    ) -> usize {
        let mut n = 0;
        // What everyone (`*`) gets, per prefix: a principal's access granted by exactly the
        // statements that grant everyone is the `*` row's, and is not repeated on its own rows.
        let everyone: Vec<Access> = prefixes
            .iter()
            .map(|prefix| self.access(set, chain, &Principal::new("*"), route, prefix))
            .collect();
        for p in principals {
            let principal = Principal::new(p);
            let account = principal.account.clone();
            let external = p == "*" || (!account.is_empty() && self.foreign(&account, owner));
            let mut seen: Vec<(&str, Access)> = Vec::new();
            for (prefix, public) in prefixes.iter().zip(&everyone) {
                let mut access = if p == "*" {
                    public.clone()
                } else {
                    self.access(set, chain, &principal, route, prefix)
                };
                if p != "*" {
                    for (mine, all) in [
                        (&mut access.read, &public.read),
                        (&mut access.write, &public.write),
                        (&mut access.list, &public.list),
                    ] {
                        // The same statements under the same conditions: the `*` row says it.
                        if mine.allowed
                            && all.allowed
                            && mine.granting == all.granting
                            && mine.requires == all.requires
                        {
                            *mine = Cell::default();
                        }
                    }
                }
                // The nearest shorter prefix evaluated (prefixes are sorted, so it came before).
                let parent = seen
                    .iter()
                    .rev()
                    .find(|(q, _)| prefix.starts_with(q) && q.len() < prefix.len())
                    .map(|(_, a)| a);
                let implied = parent.is_some_and(|a| *a == access);
                // A row with no access shows where a Deny carves a prefix out of a grant.
                let carved = parent.is_some_and(Access::any);
                if (access.any() || carved) && !implied {
                    emit(self.row(p, &account, external, owner, route, prefix, &access));
                    n += 1;
                }
                seen.push((prefix.as_str(), access));
            }
        }
        n
    }

    /// Who may do `kind` on `prefix` (empty: the whole bucket), through each route: the
    /// principals the bucket policy and each access point policy name (and everyone), each
    /// decided with the whole chain as [`BucketAudit::rows_with`] decides them. In route order
    /// (the bucket first), principals in order of appearance.
    pub fn who_can(
        &self,
        set: &PolicySet,
        chain: &Chain,
        prefix: &str,
        kind: AccessKind,
    ) -> Vec<WhoCanRow> {
        let owner = set.bucket_account.as_str();
        let mut bucket_principals = vec!["*".to_string()];
        if let Some(p) = &set.bucket {
            add_all(&mut bucket_principals, p.audit_principals(self.partition));
        }
        let mut routes: Vec<(Option<&AccessPointTarget>, Vec<String>)> =
            vec![(None, bucket_principals.clone())];
        for ap in &set.access_points {
            let Some(policy) = &ap.policy else { continue };
            let mut principals = vec!["*".to_string()];
            add_all(&mut principals, policy.audit_principals(self.partition));
            if principals.iter().any(|p| p.ends_with(":root"))
                || policy
                    .audit_principals(self.partition)
                    .iter()
                    .any(|p| p == "*")
            {
                add_all(&mut principals, bucket_principals.iter().cloned());
            }
            routes.push((Some(&ap.target), principals));
        }
        let mut out = Vec::new();
        for (route, principals) in routes {
            let label = match route {
                Some(t) => format!("access-point:{}", t.name),
                None => "bucket".to_string(),
            };
            for p in &principals {
                let principal = Principal::new(p);
                let a = self.access(set, chain, &principal, route, prefix);
                let c = match kind {
                    AccessKind::Read => &a.read,
                    AccessKind::Write => &a.write,
                    AccessKind::List => &a.list,
                };
                if !c.allowed {
                    continue;
                }
                let mut sids: Vec<&str> = Vec::new();
                let mut source = String::new();
                for (policy, sid) in &c.granting {
                    if source.is_empty() || *policy == label {
                        source = source_of(policy);
                    }
                    if !sids.contains(&sid.as_str()) {
                        sids.push(sid);
                    }
                }
                let account = principal.account.clone();
                out.push(WhoCanRow {
                    principal: p.clone(),
                    external: p == "*" || (!account.is_empty() && self.foreign(&account, owner)),
                    principal_account: account,
                    bucket: self.bucket.to_string(),
                    access_point: route.map(|t| t.name.clone()).unwrap_or_default(),
                    prefix: prefix.to_string(),
                    access: kind.as_str().to_string(),
                    source,
                    sid: sids.join("+"),
                    conditions: c.requires.join("; "),
                    keys: Vec::new(),
                    except: Vec::new(),
                    partial: false,
                    latent: None,
                    location: String::new(),
                    also_sources: Vec::new(),
                });
            }
        }
        out
    }

    /// An account that is neither the bucket owner nor trusted nor of the organization.
    fn foreign(&self, account: &str, owner: &str) -> bool {
        account != owner && !self.trusted.iter().any(|t| t == account) && !self.in_org(account)
    }

    /// An account of the audited organization.
    fn in_org(&self, account: &str) -> bool {
        !account.is_empty() && self.organization.iter().any(|a| a == account)
    }

    fn access(
        &self,
        set: &PolicySet,
        chain: &Chain,
        principal: &Principal,
        route: Option<&AccessPointTarget>,
        prefix: &str,
    ) -> Access {
        let request = |action: &str, key: Option<&str>| {
            let r = Request::new(principal.clone(), action, self.bucket, key);
            match route {
                Some(t) => r.through(t.clone()),
                None => r,
            }
        };
        let key = probe_key(prefix);
        Access {
            read: decide(set, chain, request(READ_ACTION, Some(&key))),
            write: decide(set, chain, request(WRITE_ACTION, Some(&key))),
            list: decide(
                set,
                chain,
                request(LIST_ACTION, None).context("s3:prefix", prefix),
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        principal: &str,
        account: &str,
        external: bool,
        owner: &str,
        route: Option<&AccessPointTarget>,
        prefix: &str,
        a: &Access,
    ) -> AuditRow {
        let label = match route {
            Some(t) => format!("access-point:{}", t.name),
            None => "bucket".to_string(),
        };
        let mut source = source_of(&label);
        let mut sids: Vec<&str> = Vec::new();
        let mut requires: Vec<String> = Vec::new();
        if !a.any() {
            // Everything removed: name the Deny statements, wherever they are.
            for c in [&a.read, &a.write, &a.list] {
                for (policy, sid) in &c.granting {
                    if sids.is_empty() {
                        source = source_of(policy);
                    }
                    if !sids.contains(&sid.as_str()) {
                        sids.push(sid);
                    }
                }
            }
        }
        for c in [&a.read, &a.write, &a.list]
            .into_iter()
            .filter(|c| c.allowed)
        {
            for (policy, sid) in &c.granting {
                if *policy == label && !sids.contains(&sid.as_str()) {
                    sids.push(sid);
                }
            }
        }
        // One list of conditions when every allowed access has the same; else per access.
        let allowed: Vec<(&str, &Cell)> =
            [("read", &a.read), ("write", &a.write), ("list", &a.list)]
                .into_iter()
                .filter(|(_, c)| c.allowed)
                .collect();
        let same = allowed
            .windows(2)
            .all(|w| w[0].1.requires == w[1].1.requires);
        for (name, c) in &allowed {
            if same {
                requires = c.requires.clone();
                break;
            }
            if !c.requires.is_empty() {
                requires.push(format!("{name}: {}", c.requires.join(", ")));
            }
        }
        let (ids, statuses) = self.findings_on(principal, route.map(|t| t.arn.as_str()));
        AuditRow {
            principal: principal.to_string(),
            principal_account: account.to_string(),
            external,
            bucket: self.bucket.to_string(),
            bucket_account: owner.to_string(),
            access_point: route.map(|t| t.name.clone()).unwrap_or_default(),
            prefix: prefix.to_string(),
            read: a.read.allowed,
            write: a.write.allowed,
            list: a.list.allowed,
            access: match kinds(a.read.allowed, a.write.allowed, a.list.allowed) {
                k if k.is_empty() => "none".to_string(),
                k => k.join("+"),
            },
            source,
            sid: sids.join("+"),
            conditions: requires.join("; "),
            finding_id: ids.join(" "),
            finding_status: statuses.join(" "),
            region: self.region.to_string(),
            same_org: self.in_org(account),
            keys: String::new(),
            except: String::new(),
            partial: false,
            latent: String::new(),
            also_sources: String::new(),
        }
    }

    /// Who may do `kind` on any key under `prefix` (empty: the whole bucket), exactly: every
    /// class of principal (not only those the policies name), with the key patterns it reaches
    /// and `latent` rows for grants not effective today. In class order (named principals
    /// first), the bucket before its access points.
    pub fn who_can_exact(
        &self,
        set: &PolicySet,
        chain: &Chain,
        context: &[(String, String)],
        prefix: &str,
        kind: super::symbolic::Access,
    ) -> Result<Vec<WhoCanRow>, super::symbolic::ModelError> {
        let mut trusted: Vec<String> = self.trusted.to_vec();
        trusted.extend(self.organization.iter().cloned());
        let model = super::exact::Model {
            set,
            chain,
            bucket: self.bucket,
            partition: self.partition,
            context,
            trusted: &trusted,
        };
        Ok(model
            .reach(prefix, &[kind])?
            .into_iter()
            .map(|r| {
                let mut sids: Vec<String> = Vec::new();
                let mut source = String::new();
                let label = match &r.access_point {
                    Some(n) => format!("access-point:{n}"),
                    None => "bucket".to_string(),
                };
                for st in &r.statements {
                    if source.is_empty() || st.policy == label {
                        source = source_of(&st.policy);
                    }
                    let sid = st.sid.clone().unwrap_or_else(|| format!("#{}", st.index));
                    if !sids.contains(&sid) {
                        sids.push(sid);
                    }
                }
                WhoCanRow {
                    principal: r.principal,
                    principal_account: r.principal_account,
                    external: r.external,
                    bucket: self.bucket.to_string(),
                    access_point: r.access_point.unwrap_or_default(),
                    prefix: prefix.to_string(),
                    access: kind.as_str().to_string(),
                    source,
                    sid: sids.join("+"),
                    conditions: r.only_if.join("; "),
                    keys: r.keys,
                    except: r.except,
                    partial: r.partial,
                    latent: r.latent,
                    location: String::new(),
                    also_sources: Vec::new(),
                }
            })
            .collect())
    }

    /// The exact audit: every class of principal that reaches any key of the bucket, through
    /// each route, with the key patterns it reaches (`keys`, `except`, `partial`) decided by the
    /// symbolic model, not by a probe key per prefix; grants that are not effective today as
    /// `latent` rows. One row per principal × route × set of keys: accesses reaching the same
    /// keys share a row (`read+list`). `prefix` is the literal directory the keys start with.
    /// Findings no row explains get rows of their own, as in [`BucketAudit::rows`].
    pub fn exact_rows_with(
        &self,
        set: &PolicySet,
        chain: &Chain,
        context: &[(String, String)],
        mut emit: impl FnMut(AuditRow),
    ) -> Result<usize, super::symbolic::ModelError> {
        use super::symbolic::Access as Kind;
        let owner = set.bucket_account.as_str();
        let organization: Vec<String> = self.organization.to_vec();
        let mut trusted: Vec<String> = self.trusted.to_vec();
        trusted.extend(organization);
        let model = super::exact::Model {
            set,
            chain,
            bucket: self.bucket,
            partition: self.partition,
            context,
            trusted: &trusted,
        };
        let reach = model.reach("", &[Kind::Read, Kind::Write, Kind::List])?;
        let mut n = 0;
        let mut matched: Vec<String> = Vec::new();
        // Rows of one principal and route are adjacent, in Read, Write, List order.
        let mut i = 0;
        while i < reach.len() {
            let mut j = i;
            while j < reach.len()
                && reach[j].principal == reach[i].principal
                && reach[j].access_point == reach[i].access_point
            {
                j += 1;
            }
            let group = &reach[i..j];
            let mut done = vec![false; group.len()];
            for a in 0..group.len() {
                if done[a] {
                    continue;
                }
                let picked: Vec<usize> = (a..group.len())
                    .filter(|&b| {
                        !done[b]
                            && group[b].keys == group[a].keys
                            && group[b].except == group[a].except
                            && group[b].latent == group[a].latent
                            && group[b].only_if == group[a].only_if
                    })
                    .collect();
                let same: Vec<&super::exact::Reach> = picked
                    .iter()
                    .map(|&b| {
                        done[b] = true;
                        &group[b]
                    })
                    .collect();
                let r = same[0];
                let has = |k: Kind| same.iter().any(|x| x.access == k);
                let (read, write, list) = (has(Kind::Read), has(Kind::Write), has(Kind::List));
                let mut sids: Vec<String> = Vec::new();
                let mut source = String::new();
                let label = match &r.access_point {
                    Some(n) => format!("access-point:{n}"),
                    None => "bucket".to_string(),
                };
                for x in &same {
                    for st in &x.statements {
                        if source.is_empty() || st.policy == label {
                            source = source_of(&st.policy);
                        }
                        let sid = st.sid.clone().unwrap_or_else(|| format!("#{}", st.index));
                        if !sids.contains(&sid) {
                            sids.push(sid);
                        }
                    }
                }
                let (ids, statuses) =
                    self.findings_for(&r.principal, set, r.access_point.as_deref());
                for id in &ids {
                    if !matched.contains(id) {
                        matched.push(id.clone());
                    }
                }
                let account = r.principal_account.clone();
                // Partial: not every key under the row's own prefix is reached (the model's
                // `partial` is about the whole bucket).
                let prefix = directory_of(&r.keys);
                let under = if prefix.is_empty() {
                    super::keyset::KeySet::all()
                } else {
                    super::keyset::KeySet::prefix(&prefix)
                };
                let partial = same
                    .iter()
                    .any(|x| !under.minus(&x.set).is_empty().unwrap_or(true));
                emit(AuditRow {
                    principal: r.principal.clone(),
                    principal_account: account.clone(),
                    external: r.external,
                    bucket: self.bucket.to_string(),
                    bucket_account: owner.to_string(),
                    access_point: r.access_point.clone().unwrap_or_default(),
                    prefix,
                    read,
                    write,
                    list,
                    access: kinds(read, write, list).join("+"),
                    source,
                    sid: sids.join("+"),
                    conditions: r.only_if.join("; "),
                    finding_id: ids.join(" "),
                    finding_status: statuses.join(" "),
                    region: self.region.to_string(),
                    same_org: self.in_org(&account),
                    keys: r.keys.join(" "),
                    except: r.except.join(" "),
                    partial,
                    latent: r.latent.clone().unwrap_or_default(),
                    also_sources: String::new(),
                });
                n += 1;
            }
            i = j;
        }
        for f in self.findings {
            if !matched.contains(&f.id) {
                n += self.finding_rows(set, f, owner, &mut emit);
            }
        }
        Ok(n)
    }

    /// The findings that name this principal on this route (else on any route).
    fn findings_for(
        &self,
        principal: &str,
        set: &PolicySet,
        access_point: Option<&str>,
    ) -> (Vec<String>, Vec<String>) {
        let ap_arn = access_point.and_then(|n| set.access_point(n).map(|a| a.target.arn.as_str()));
        self.findings_on(principal, ap_arn)
    }

    /// The findings that name this principal through the access point with this ARN (None: the
    /// bucket directly), else on any route: their ids and statuses, each once.
    fn findings_on(&self, principal: &str, ap_arn: Option<&str>) -> (Vec<String>, Vec<String>) {
        let matching = |f: &&FindingRef| f.principals.iter().any(|v| finding_names(v, principal));
        let on_route: Vec<&FindingRef> = self
            .findings
            .iter()
            .filter(matching)
            .filter(|f| match ap_arn {
                Some(arn) => f.access_points.iter().any(|a| a == arn),
                None => f.access_points.is_empty(),
            })
            .collect();
        let chosen = if on_route.is_empty() {
            self.findings.iter().filter(matching).collect()
        } else {
            on_route
        };
        let (mut ids, mut statuses) = (Vec::new(), Vec::new());
        for f in chosen {
            if !ids.contains(&f.id) {
                ids.push(f.id.clone());
                statuses.push(f.status.clone());
            }
        }
        (ids, statuses)
    }
}

/// The literal directory every key pattern starts with (`sales_event/` for `sales_event/*.csv`;
/// empty when they share none).
fn directory_of(patterns: &[String]) -> String {
    let heads: Vec<&str> = patterns
        .iter()
        .map(|p| &p[..p.find(['*', '?']).unwrap_or(p.len())])
        .collect();
    let Some(first) = heads.first() else {
        return String::new();
    };
    let mut common = first.len();
    for h in &heads[1..] {
        common = common.min(
            first
                .char_indices()
                .zip(h.chars())
                .take_while(|((_, a), b)| a == b)
                .map(|((i, a), _)| i + a.len_utf8())
                .last()
                .unwrap_or(0),
        );
    }
    let head = &first[..common];
    match head.rfind('/') {
        Some(i) => head[..=i].to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{AccessPointPolicy, CompiledPolicy, Decision, Verdict};
    use super::*;
    use serde_json::json;

    const OWNER: &str = "123456789012";
    const VENDOR: &str = "arn:aws:iam::444455556666:role/vendor";
    const APP: &str = "arn:aws:iam::123456789012:role/app";

    fn compile(v: serde_json::Value, label: &str) -> CompiledPolicy {
        CompiledPolicy::parse(&v.to_string(), label).unwrap()
    }

    fn ap(name: &str, policy: Option<serde_json::Value>) -> AccessPointPolicy {
        let arn = format!("arn:aws:s3:us-east-1:{OWNER}:accesspoint/{name}");
        AccessPointPolicy {
            target: AccessPointTarget::from_arn(&arn).unwrap(),
            policy: policy.map(|p| compile(p, &format!("access-point:{name}"))),
        }
    }

    fn lake() -> PolicySet {
        let bucket = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "DelegateToAccessPoints", "Effect": "Allow", "Principal": {"AWS": "*"},
             "Action": "*", "Resource": ["arn:aws:s3:::lake", "arn:aws:s3:::lake/*"],
             "Condition": {"StringEquals": {"s3:DataAccessPointAccount": OWNER}}},
            {"Sid": "VendorRead", "Effect": "Allow", "Principal": {"AWS": VENDOR},
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/vendor/*",
             "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b"}}},
            {"Sid": "PublicDocs", "Effect": "Allow", "Principal": "*",
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/public/*"},
            {"Sid": "NoSecrets", "Effect": "Deny", "Principal": "*",
             "Action": "s3:*", "Resource": "arn:aws:s3:::lake/public/secret/*"},
            {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
             "Resource": "arn:aws:s3:::lake/*",
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
        ]});
        let app = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "AppRW", "Effect": "Allow", "Principal": {"AWS": APP},
             "Action": ["s3:GetObject", "s3:PutObject"],
             "Resource": "arn:aws:s3:us-east-1:123456789012:accesspoint/app-ap/object/team/*"},
            {"Sid": "AppList", "Effect": "Allow", "Principal": {"AWS": APP},
             "Action": "s3:ListBucket",
             "Resource": "arn:aws:s3:us-east-1:123456789012:accesspoint/app-ap",
             "Condition": {"StringLike": {"s3:prefix": "team/*"}}}
        ]});
        PolicySet {
            identity: Vec::new(),
            bucket: Some(compile(bucket, "bucket")),
            bucket_account: OWNER.to_string(),
            access_points: vec![ap("app-ap", Some(app)), ap("bare", None)],
        }
    }

    /// A bucket of OWNER with this bucket policy and no access points.
    fn bucket_only(policy: serde_json::Value) -> PolicySet {
        PolicySet {
            identity: Vec::new(),
            bucket: Some(compile(policy, "bucket")),
            bucket_account: OWNER.into(),
            access_points: Vec::new(),
        }
    }

    fn rows(set: &PolicySet, trusted: &[String], findings: &[FindingRef]) -> Vec<AuditRow> {
        let mut out = Vec::new();
        let a = BucketAudit {
            bucket: "lake",
            partition: "aws",
            trusted,
            findings,
            region: "us-east-1",
            organization: &[],
        };
        let n = a.rows(set, |r| out.push(r));
        assert_eq!(n, out.len());
        out
    }

    fn rows_of(set: &PolicySet, trusted: &[String], findings: &[FindingRef]) -> Vec<AuditRow> {
        rows(set, trusted, findings)
    }

    fn find<'a>(rows: &'a [AuditRow], principal: &str, ap: &str, prefix: &str) -> &'a AuditRow {
        rows.iter()
            .find(|r| r.principal == principal && r.access_point == ap && r.prefix == prefix)
            .unwrap_or_else(|| panic!("no row {principal} {ap} {prefix:?} in {rows:#?}"))
    }

    /// who-can: the app role may write `team/` only through its access point; the vendor
    /// reads `vendor/` directly; everyone reads `public/`.
    #[test]
    fn who_can_names_principals_per_route() {
        let set = lake();
        let a = BucketAudit {
            bucket: "lake",
            partition: "aws",
            trusted: &[],
            findings: &[],
            region: "us-east-1",
            organization: &[],
        };
        let w = a.who_can(&set, &Chain::default(), "team/", AccessKind::Write);
        assert_eq!(w.len(), 1, "{w:#?}");
        assert_eq!(
            (w[0].principal.as_str(), w[0].access_point.as_str()),
            (APP, "app-ap")
        );
        assert_eq!(w[0].source, "access-point:app-ap");
        let r = a.who_can(&set, &Chain::default(), "vendor/", AccessKind::Read);
        let v = r
            .iter()
            .find(|x| x.principal == VENDOR)
            .expect("vendor row");
        assert!(v.external && v.access_point.is_empty() && v.conditions.contains("aws:SourceVpce"));
        let p = a.who_can(&set, &Chain::default(), "public/", AccessKind::Read);
        assert!(p.iter().any(|x| x.principal == "*" && x.external), "{p:#?}");
        assert!(a
            .who_can(&set, &Chain::default(), "public/secret/", AccessKind::Read)
            .iter()
            .all(|x| x.principal != "*"));
    }

    /// `--organization`: a principal of another member account is internal, marked `same_org`;
    /// one outside the organization stays external.
    #[test]
    fn member_accounts_of_the_organization_are_not_external() {
        let set = lake();
        let org = vec![OWNER.to_string(), "444455556666".to_string()];
        let mut out = Vec::new();
        let a = BucketAudit {
            bucket: "lake",
            partition: "aws",
            trusted: &[],
            findings: &[],
            region: "eu-west-1",
            organization: &org,
        };
        a.rows(&set, |r| out.push(r));
        let v = find(&out, VENDOR, "", "vendor/");
        assert!(
            !v.external && v.same_org && v.region == "eu-west-1",
            "{v:#?}"
        );
        let p = find(&out, "*", "", "public/");
        assert!(p.external && !p.same_org);
        let alone = rows(&set, &[], &[]);
        let v = find(&alone, VENDOR, "", "vendor/");
        assert!(v.external && !v.same_org);
    }

    /// Issue 11: a bucket-policy statement without Principal (which S3 refuses) is never
    /// reported as a grant to anyone, let alone a public one.
    #[test]
    fn a_statement_without_principal_grants_nothing_in_the_audit() {
        let set = bucket_only(json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}]}));
        let rows = rows(&set, &[], &[]);
        assert!(
            rows.iter().all(|r| !r.read && !r.write && !r.list),
            "{rows:#?}"
        );
        assert!(!rows.iter().any(|r| r.principal == "*"), "{rows:#?}");
    }

    /// RestrictPublicBuckets on the account: a public grant reaches no one outside the account.
    #[test]
    fn restrict_public_buckets_takes_public_grants_out_of_the_audit() {
        let set = bucket_only(json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"}]}));
        let open = rows(&set, &[], &[]);
        assert!(find(&open, "*", "", "").read, "{open:#?}");
        let chain = Chain {
            public_access: super::super::PublicAccessBlock {
                account: true,
                ..Default::default()
            },
            ..Default::default()
        };
        let mut out = Vec::new();
        let a = BucketAudit {
            bucket: "lake",
            partition: "aws",
            trusted: &[],
            findings: &[],
            region: "us-east-1",
            organization: &[],
        };
        a.rows_with(&set, &chain, |r| out.push(r));
        assert!(
            out.iter().all(|r| !(r.principal == "*" && r.read)),
            "{out:#?}"
        );
    }

    #[test]
    fn rows_follow_the_evaluator() {
        let set = lake();
        let rows = rows(&set, &[], &[]);
        // Cross-account vendor: read under vendor/, only from the VPC endpoint, TLS required.
        let v = find(&rows, VENDOR, "", "vendor/");
        assert!(v.read && !v.write && !v.list);
        assert!(v.external);
        assert_eq!(v.principal_account, "444455556666");
        assert_eq!(v.source, "bucket-policy");
        assert_eq!(v.sid, "VendorRead");
        assert_eq!(
            v.conditions,
            "aws:SourceVpce=vpce-1a2b; aws:SecureTransport=true"
        );
        // Public read of public/, but the unconditional Deny removes public/secret/.
        let p = find(&rows, "*", "", "public/");
        assert!(p.read && p.external && p.principal_account.is_empty());
        assert!(!rows
            .iter()
            .any(|r| r.prefix.starts_with("public/secret/") && (r.read || r.write)));
        // … and a row shows the carve-out, naming the Deny.
        let s = find(&rows, "*", "", "public/secret/");
        assert_eq!(
            (s.access.as_str(), s.source.as_str(), s.sid.as_str()),
            ("none", "bucket-policy", "NoSecrets")
        );
        // The app through its access point: read, write and list of team/ only.
        let a = find(&rows, APP, "app-ap", "team/");
        assert_eq!(
            (a.read, a.write, a.list, a.access.as_str()),
            (true, true, true, "read+write+list")
        );
        assert!(!a.external);
        assert_eq!(a.source, "access-point:app-ap");
        assert_eq!(a.sid, "AppRW+AppList");
        assert!(!rows
            .iter()
            .any(|r| r.principal == APP && r.access_point.is_empty()));
        // The delegation statement grants nobody anything by itself; a bare access point nothing.
        assert!(!rows.iter().any(|r| r.access_point == "bare"));
        // Every row's answer is the evaluator's (optimistic) answer.
        for r in &rows {
            let mut req = Request::new(
                Principal::new(&r.principal),
                READ_ACTION,
                "lake",
                Some(&probe_key(&r.prefix)),
            )
            .audited(Audit::Optimistic);
            if let Some(t) = set.access_point(&r.access_point) {
                req = req.through(t.target.clone());
            }
            let d: Decision = set.evaluate(&req, false);
            assert_eq!(d.verdict == Verdict::Allowed, r.read, "{r:?}");
        }
    }

    #[test]
    fn trusted_accounts_are_not_external() {
        let rows = rows(&lake(), &["444455556666".to_string()], &[]);
        assert!(!find(&rows, VENDOR, "", "vendor/").external);
        assert!(find(&rows, "*", "", "public/").external);
    }

    #[test]
    fn findings_are_matched_by_principal_and_route() {
        let findings = vec![
            FindingRef {
                id: "f-vendor".into(),
                status: "ACTIVE".into(),
                bucket: "lake".into(),
                principals: vec![VENDOR.into()],
                access_points: vec![],
                ..FindingRef::default()
            },
            FindingRef {
                id: "f-public".into(),
                status: "ARCHIVED".into(),
                bucket: "lake".into(),
                principals: vec!["*".into()],
                access_points: vec![],
                ..FindingRef::default()
            },
        ];
        let rows = rows(&lake(), &[], &findings);
        let v = find(&rows, VENDOR, "", "vendor/");
        assert_eq!(
            (v.finding_id.as_str(), v.finding_status.as_str()),
            ("f-vendor", "ACTIVE")
        );
        let p = find(&rows, "*", "", "public/");
        assert_eq!(
            (p.finding_id.as_str(), p.finding_status.as_str()),
            ("f-public", "ARCHIVED")
        );
        assert_eq!(find(&rows, APP, "app-ap", "team/").finding_id, "");
    }

    #[test]
    fn a_finding_principal_unnamed_by_policies_is_audited() {
        // An account named only by a finding (12 digits) is audited as its root: what it can
        // reach beyond what everyone can would be its own rows (here: nothing), its public
        // access stays on the `*` rows, and the finding, on no policy row, gets a row of its own.
        let f = FindingRef {
            id: "f-acct".into(),
            status: "ACTIVE".into(),
            bucket: "lake".into(),
            principals: vec!["777788889999".into()],
            access_points: vec![],
            ..FindingRef::default()
        };
        let rows = rows(&lake(), &[], std::slice::from_ref(&f));
        let own: Vec<&AuditRow> = rows
            .iter()
            .filter(|r| r.principal.contains("777788889999"))
            .collect();
        assert_eq!(own.len(), 1, "{own:#?}");
        assert_eq!(
            (own[0].source.as_str(), own[0].finding_id.as_str()),
            ("finding", "f-acct")
        );
        assert!(find(&rows, "*", "", "public/").read);

        // Granted to the account directly, it has its own row carrying the finding.
        let mut set = lake();
        set.bucket = Some(compile(
            json!({"Version": "2012-10-17", "Statement": [
                {"Sid": "Acct", "Effect": "Allow", "Principal": {"AWS": "*"},
                 "Action": "s3:PutObject", "Resource": "arn:aws:s3:::lake/drop/*",
                 "Condition": {"StringEquals": {"aws:PrincipalAccount": "777788889999"}}}
            ]}),
            "bucket",
        ));
        let granted = rows_of(&set, &[], std::slice::from_ref(&f));
        let r = find(&granted, "arn:aws:iam::777788889999:root", "", "drop/");
        assert!(r.write && r.external);
        assert_eq!(r.finding_id, "f-acct");
    }

    #[test]
    fn access_everyone_has_is_not_repeated_per_principal() {
        let rows = rows(&lake(), &[], &[]);
        // The vendor reads public/ only because everyone does: no vendor row for it.
        assert!(!rows
            .iter()
            .any(|r| r.principal == VENDOR && r.prefix == "public/"));
    }

    #[test]
    fn conditions_differing_per_access_are_labelled() {
        let bucket = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "R", "Effect": "Allow", "Principal": {"AWS": VENDOR},
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/v/*",
             "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}},
            {"Sid": "W", "Effect": "Allow", "Principal": {"AWS": VENDOR},
             "Action": "s3:PutObject", "Resource": "arn:aws:s3:::lake/v/*",
             "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}
        ]});
        let set = bucket_only(bucket);
        let rows = rows(&set, &[], &[]);
        let r = find(&rows, VENDOR, "", "v/");
        assert_eq!(
            r.conditions,
            "read: aws:SourceVpce=vpce-1; write: aws:SourceIp in 10.0.0.0/8"
        );
    }

    #[test]
    fn findings_no_policy_explains_get_rows_of_their_own() {
        // A bucket ACL grant to another account, seen only by Access Analyzer.
        let f = FindingRef {
            id: "f-acl".into(),
            status: "ACTIVE".into(),
            bucket: "lake".into(),
            principals: vec!["999988887777".into()],
            access_points: vec![],
            actions: vec!["s3:GetObject".into(), "s3:List*".into()],
            conditions: vec![],
            source_types: vec!["BUCKET_ACL".into()],
        };
        let rows = rows(&lake(), &[], std::slice::from_ref(&f));
        let r = find(&rows, "arn:aws:iam::999988887777:root", "", "");
        assert_eq!(
            (
                r.access.as_str(),
                r.source.as_str(),
                r.external,
                r.finding_id.as_str()
            ),
            ("read+list", "finding:BUCKET_ACL", true, "f-acl")
        );
        assert_eq!(rows.last().unwrap(), r);
        // A finding that a policy row carries gets no row of its own.
        let vendor = FindingRef {
            id: "f-vendor".into(),
            status: "ACTIVE".into(),
            bucket: "lake".into(),
            principals: vec![VENDOR.into()],
            actions: vec!["s3:GetObject".into()],
            source_types: vec!["POLICY".into()],
            ..FindingRef::default()
        };
        let rows = rows_of(&lake(), &[], std::slice::from_ref(&vendor));
        assert_eq!(
            rows.iter().filter(|r| r.finding_id == "f-vendor").count(),
            1
        );
        assert!(!rows.iter().any(|r| r.source.starts_with("finding")));
    }

    #[test]
    fn implied_prefixes_are_left_out() {
        let bucket = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "All", "Effect": "Allow", "Principal": {"AWS": VENDOR},
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/*"},
            {"Sid": "Other", "Effect": "Allow", "Principal": {"AWS": APP},
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/a/b/*"}
        ]});
        let set = bucket_only(bucket);
        let rows = rows(&set, &[], &[]);
        let vendor: Vec<&str> = rows
            .iter()
            .filter(|r| r.principal == VENDOR)
            .map(|r| r.prefix.as_str())
            .collect();
        assert_eq!(vendor, [""]);
        let app: Vec<&str> = rows
            .iter()
            .filter(|r| r.principal == APP)
            .map(|r| r.prefix.as_str())
            .collect();
        assert_eq!(app, ["a/b/"]);
    }

    #[test]
    fn principals_named_in_conditions_and_accounts() {
        let bucket = json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::lake/shared/*",
             "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}},
            {"Effect": "Allow", "Principal": {"AWS": "555566667777"}, "Action": "s3:PutObject",
             "Resource": "arn:aws:s3:::lake/drop/*"}
        ]});
        let set = bucket_only(bucket);
        let rows = rows(&set, &[], &[]);
        let r = find(&rows, "arn:aws:iam::111122223333:root", "", "shared/");
        assert!(r.read && r.external);
        assert_eq!(r.sid, "#0");
        let w = find(&rows, "arn:aws:iam::555566667777:root", "", "drop/");
        assert!(w.write && !w.read);
        // The `*` row shows the same grant narrowed to the account.
        assert_eq!(
            find(&rows, "*", "", "shared/").conditions,
            "aws:PrincipalAccount=111122223333"
        );
    }

    #[test]
    fn conditions_on_who_anyone_is_narrow_the_public_row() {
        let bucket = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Readers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::lake/data/*",
             "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/DataReader*"}}},
            {"Sid": "Acct", "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject",
             "Resource": "arn:aws:s3:::lake/drop/*",
             "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}
        ]});
        let rows = rows(&bucket_only(bucket), &[], &[]);
        // A wildcard ARN names nobody in particular: the `*` row carries it.
        let r = find(&rows, "*", "", "data/");
        assert!(r.read);
        assert_eq!(
            r.conditions,
            "aws:PrincipalArn like arn:aws:iam::*:role/DataReader*"
        );
        // A named account gets its own row, without the condition (it is met), besides the
        // narrowed `*` row.
        let a = find(&rows, "arn:aws:iam::111122223333:root", "", "drop/");
        assert!(a.write && a.conditions.is_empty());
        assert_eq!(
            find(&rows, "*", "", "drop/").conditions,
            "aws:PrincipalAccount=111122223333"
        );
    }

    #[test]
    fn org_conditions_narrow_public_grants() {
        let bucket = json!({"Version": "2012-10-17", "Statement": [
            {"Sid": "Org", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::lake/org/*",
             "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}
        ]});
        let set = bucket_only(bucket);
        let rows = rows(&set, &[], &[]);
        let r = find(&rows, "*", "", "org/");
        assert_eq!(r.conditions, "aws:PrincipalOrgID=o-abc123");
    }

    #[test]
    fn csv_columns_match_the_record() {
        let r = find(&rows(&lake(), &[], &[]), VENDOR, "", "vendor/").clone();
        assert_eq!(r.record().len(), COLUMNS.len());
        let json = serde_json::to_value(&r).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, COLUMNS.iter().collect::<Vec<_>>());
    }
}
