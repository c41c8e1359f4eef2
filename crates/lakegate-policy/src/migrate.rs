//! Moving the grants lakegate wrote in a bucket or access point policy to S3 Access Grants
//! (`accessgrant migrate`). Pure: which statements move (and as which grants), which stay and
//! why, the edit that removes the moved ones, and, with the exact access model, whether each
//! principal's access to each prefix is the same afterwards.
//!
//! A statement moves whole or not at all. It moves when it is one of lakegate's grant statements
//! (a Sid starting with `Lakegate`, the delegation statement excepted) and Access Grants can say
//! exactly what it says: Allow, the principals IAM roles or users of the bucket's account, the
//! actions among those a grant gives, the resource one prefix (`…/PREFIX*`, or the bucket with
//! `s3:prefix` limited to `PREFIX*` for listing), and no other condition. Anything else stays in
//! the policy and is reported with the reason; nothing is dropped silently.

use crate::access::{DELEGATE_SID, SID_PREFIX};
use crate::document::{aws_principals, string_list, PolicyDocument};
use crate::eval::keyset::KeySet;
use crate::eval::symbolic::{self, Access, ModelError, Query};
use crate::eval::{Audit, Chain, PolicySet, Principal};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The actions credentials vended for a `READ` grant allow on the objects of its scope; S3 User
/// Guide, "Accessing S3 data using credentials vended by S3 Access Grants", section "Supported S3
/// actions in S3 Access Grants"
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-grants-get-data.html>). The
/// page lists ListParts under `READ`; its IAM action is `s3:ListMultipartUploadParts`.
pub const READ_OBJECT_ACTIONS: &[&str] = &[
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:GetObjectAcl",
    "s3:GetObjectVersionAcl",
    "s3:ListMultipartUploadParts",
];
/// … on the bucket, limited to the scope's prefix (the same page): HeadBucket, ListObjects(V2),
/// ListObjectVersions, ListMultipartUploads.
pub const READ_BUCKET_ACTIONS: &[&str] = &[
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:ListBucketMultipartUploads",
];
/// … for a `WRITE` grant, on the objects of its scope (the same page): PutObject and the
/// multipart upload calls, PutObjectAcl, DeleteObject (and versions), AbortMultipartUpload.
pub const WRITE_OBJECT_ACTIONS: &[&str] = &[
    "s3:PutObject",
    "s3:PutObjectAcl",
    "s3:PutObjectVersionAcl",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:AbortMultipartUpload",
];

/// An Access Grants permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Permission {
    #[serde(rename = "READ")]
    Read,
    #[serde(rename = "WRITE")]
    Write,
    #[serde(rename = "READWRITE")]
    ReadWrite,
}

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Read => "READ",
            Permission::Write => "WRITE",
            Permission::ReadWrite => "READWRITE",
        }
    }

    fn reads(self) -> bool {
        self != Permission::Write
    }

    fn writes(self) -> bool {
        self != Permission::Read
    }

    /// Every action the credentials of a grant with this permission allow.
    pub fn actions(self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.reads() {
            v.extend(READ_OBJECT_ACTIONS);
            v.extend(READ_BUCKET_ACTIONS);
        }
        if self.writes() {
            v.extend(WRITE_OBJECT_ACTIONS);
        }
        v
    }

    /// The kinds of access of the exact model it gives on its scope.
    pub fn gives(self, access: Access) -> bool {
        match access {
            Access::Read | Access::List => self.reads(),
            Access::Write | Access::Delete => self.writes(),
        }
    }
}

/// The policy the statements are in.
#[derive(Debug, Clone)]
pub enum Source {
    /// A bucket policy: `arn:…:s3:::BUCKET`.
    Bucket { arn: String },
    /// An access point policy: `arn:…:accesspoint/NAME`.
    AccessPoint { arn: String },
}

impl Source {
    fn container(&self) -> &str {
        match self {
            Source::Bucket { arn } | Source::AccessPoint { arn } => arn,
        }
    }

    fn objects(&self) -> String {
        match self {
            Source::Bucket { arn } => format!("{arn}/"),
            Source::AccessPoint { arn } => format!("{arn}/object/"),
        }
    }
}

/// A statement that stays in the policy, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kept {
    /// Its Sid, or `#N` (1-based position) when it has none.
    pub statement: String,
    pub reason: String,
}

/// One grant a migration makes: a principal, a prefix, a permission, from these statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub principal: String,
    /// The key prefix ("" for the whole bucket).
    pub prefix: String,
    pub permission: Permission,
    /// The statements it replaces (each removed whole).
    pub statements: Vec<String>,
    /// The actions those statements gave the principal on the prefix.
    pub actions: Vec<String>,
    /// Actions the grant's credentials allow that the statements did not.
    pub adds: Vec<String>,
}

/// What a migration of one policy does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Analysis {
    pub moves: Vec<Move>,
    /// The Sids of the statements removed (every statement some move replaces).
    pub remove: Vec<String>,
    pub kept: Vec<Kept>,
}

/// One movable statement: its principals, its prefix and its actions.
struct Movable {
    principals: Vec<String>,
    prefix: String,
    actions: Vec<String>,
}

fn is_grant_action(a: &str) -> bool {
    READ_OBJECT_ACTIONS
        .iter()
        .chain(WRITE_OBJECT_ACTIONS)
        .chain(READ_BUCKET_ACTIONS)
        .any(|x| *x == a)
}

/// Why Access Grants cannot name `p` as a grantee (None: it can: an IAM role or user of the
/// bucket's account).
fn unnameable(p: &str, account: &str) -> Option<String> {
    if p == "*" {
        return Some("it grants anyone (\"*\"): a grant names one IAM role or user".into());
    }
    let parts: Vec<&str> = p.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" || parts[2] != "iam" {
        return Some(format!(
            "principal {p} is not an IAM role or user: Access Grants grants IAM roles and users (and directory identities)"
        ));
    }
    let (acct, res) = (parts[4], parts[5]);
    if res == "root" {
        return Some(format!(
            "principal {p} is an account: Access Grants grants IAM roles and users, not accounts"
        ));
    }
    if !(res.starts_with("role/") || res.starts_with("user/")) {
        return Some(format!(
            "principal {p} is not an IAM role or user: Access Grants grants IAM roles and users (and directory identities)"
        ));
    }
    if acct != account {
        return Some(format!(
            "principal {p} is of another account: its GetDataAccess needs a resource policy on the instance, which lakegate does not manage"
        ));
    }
    None
}

/// The principals, prefix and actions of a statement Access Grants can say exactly, or why not.
fn movable(st: &Value, source: &Source, account: &str) -> Result<Movable, String> {
    for k in ["NotAction", "NotResource", "NotPrincipal"] {
        if st.get(k).is_some() {
            return Err(format!(
                "it has {k}: a grant gives a fixed list of actions to named principals on one prefix"
            ));
        }
    }
    if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
        return Err("it is a Deny: Access Grants only allows".into());
    }
    let principal_ok = match st.get("Principal") {
        Some(Value::Object(m)) => m.keys().all(|k| k == "AWS"),
        _ => false,
    };
    if !principal_ok {
        return Err("its Principal is not a list of IAM principals".into());
    }
    let principals = aws_principals(st);
    if principals.is_empty() {
        return Err("it names no principal".into());
    }
    if let Some(why) = principals.iter().find_map(|p| unnameable(p, account)) {
        return Err(why);
    }
    let actions = string_list(st.get("Action"));
    if actions.is_empty() {
        return Err("it names no action".into());
    }
    if let Some(a) = actions.iter().find(|a| !is_grant_action(a)) {
        return Err(format!(
            "action {a} is not one an access grant gives (READ: {}; WRITE: {})",
            READ_OBJECT_ACTIONS
                .iter()
                .chain(READ_BUCKET_ACTIONS)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            WRITE_OBJECT_ACTIONS.join(", ")
        ));
    }
    let on_bucket = actions
        .iter()
        .filter(|a| READ_BUCKET_ACTIONS.contains(&a.as_str()))
        .count();
    if on_bucket != 0 && on_bucket != actions.len() {
        return Err("it mixes bucket and object actions".into());
    }
    let resource = match st.get("Resource") {
        Some(Value::String(r)) => r.clone(),
        Some(Value::Array(a)) if a.len() == 1 && a[0].is_string() => {
            a[0].as_str().unwrap_or_default().to_string()
        }
        _ => return Err("its Resource is not one prefix".into()),
    };
    let plain = |p: &str| (p.is_empty() || p.ends_with('/')) && !p.contains(['*', '?', '$']);
    let prefix = if on_bucket == 0 {
        if st.get("Condition").is_some() {
            return Err("it has a condition: an access grant has none".into());
        }
        let p = resource
            .strip_prefix(&source.objects())
            .and_then(|r| r.strip_suffix('*'))
            .filter(|p| plain(p))
            .ok_or_else(|| {
                format!(
                    "its Resource {resource} is not one prefix of {}",
                    source.container()
                )
            })?;
        p.to_string()
    } else {
        if resource != source.container() {
            return Err(format!(
                "its Resource {resource} is not {}",
                source.container()
            ));
        }
        match st.get("Condition") {
            None => String::new(),
            Some(c) => {
                let p = c
                    .as_object()
                    .filter(|m| m.len() == 1)
                    .and_then(|m| m.get("StringLike"))
                    .and_then(Value::as_object)
                    .filter(|m| m.len() == 1)
                    .and_then(|m| m.get("s3:prefix"))
                    .and_then(Value::as_str)
                    .and_then(|v| v.strip_suffix('*'))
                    .filter(|p| plain(p));
                match p {
                    Some(p) => p.to_string(),
                    None => {
                        return Err(
                            "it has a condition other than s3:prefix on one prefix: an access grant has none"
                                .into(),
                        )
                    }
                }
            }
        }
    };
    Ok(Movable {
        principals,
        prefix,
        actions,
    })
}

/// Which statements of `doc` move to Access Grants (as which grants) and which stay.
/// `account` is the bucket owner's (grantees must be its IAM roles and users).
pub fn analyse(doc: &PolicyDocument, source: &Source, account: &str) -> Analysis {
    let mut out = Analysis::default();
    // (principal, prefix) -> (statements, actions)
    let mut grants: BTreeMap<(String, String), (Vec<String>, BTreeSet<String>)> = BTreeMap::new();
    for (i, st) in doc.statements().into_iter().enumerate() {
        let sid = st.get("Sid").and_then(Value::as_str);
        let label = sid.map_or_else(|| format!("#{}", i + 1), str::to_owned);
        let keep = |out: &mut Analysis, reason: String| {
            out.kept.push(Kept {
                statement: label.clone(),
                reason,
            })
        };
        let Some(sid) = sid.filter(|s| s.starts_with(SID_PREFIX)) else {
            keep(&mut out, "not written by lakegate: kept as it is".into());
            continue;
        };
        if sid == DELEGATE_SID {
            keep(
                &mut out,
                "delegates access control to access points: not a grant".into(),
            );
            continue;
        }
        if doc.sids().iter().filter(|s| **s == sid).count() > 1 {
            keep(&mut out, "its Sid is not unique in the policy".into());
            continue;
        }
        match movable(st, source, account) {
            Err(why) => keep(&mut out, format!("cannot move whole: {why}")),
            Ok(m) => {
                out.remove.push(sid.to_string());
                for p in m.principals {
                    let e = grants.entry((p, m.prefix.clone())).or_default();
                    e.0.push(sid.to_string());
                    e.1.extend(m.actions.iter().cloned());
                }
            }
        }
    }
    for ((principal, prefix), (statements, actions)) in grants {
        let reads = actions.iter().any(|a| {
            READ_OBJECT_ACTIONS.contains(&a.as_str()) || READ_BUCKET_ACTIONS.contains(&a.as_str())
        });
        let writes = actions
            .iter()
            .any(|a| WRITE_OBJECT_ACTIONS.contains(&a.as_str()));
        let permission = match (reads, writes) {
            (true, true) => Permission::ReadWrite,
            (false, true) => Permission::Write,
            _ => Permission::Read,
        };
        let adds = permission
            .actions()
            .into_iter()
            .filter(|a| !actions.contains(*a))
            .map(str::to_owned)
            .collect();
        out.moves.push(Move {
            principal,
            prefix,
            permission,
            statements,
            actions: actions.into_iter().collect(),
            adds,
        });
    }
    out
}

/// Remove the moved statements (by Sid). True if the document changed.
pub fn strip(doc: &mut PolicyDocument, remove: &[String]) -> bool {
    let mut changed = false;
    for sid in remove {
        changed |= doc.remove(sid);
    }
    changed
}

/// One principal's access to one prefix before and after the migration, by the exact model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Equivalence {
    pub principal: String,
    pub prefix: String,
    pub permission: Permission,
    /// The kinds of access reached under the prefix before (`read`, `write`, `delete`, `list`;
    /// `(part)` when only some keys of the prefix).
    pub before: Vec<String>,
    /// … and after: what the policies left give, and the grant.
    pub after: Vec<String>,
    /// The access after is exactly the access before (every kind, every key of the prefix).
    pub same: bool,
    /// What is gained and lost (`delete on sales/*`).
    pub gains: Vec<String>,
    pub loses: Vec<String>,
    /// Actions the grant allows beyond the statements', outside the model's four kinds.
    pub adds: Vec<String>,
    pub statements: Vec<String>,
}

fn reached(
    set: &PolicySet,
    bucket: &str,
    who: &Principal,
    access: Access,
) -> Result<KeySet, ModelError> {
    let chain = Chain::default();
    let routes = std::iter::once(None).chain(set.access_points.iter().map(|a| Some(&a.target)));
    let mut all = KeySet::empty();
    for route in routes {
        let q = Query {
            principal: who,
            access,
            bucket,
            route,
            context: &[],
            audit: Some(Audit::Optimistic),
        };
        all = all.union(&symbolic::exact(set, &chain, &q)?.possible.keys);
    }
    Ok(all)
}

fn kinds(sets: &[(Access, KeySet)], under: &KeySet) -> Result<Vec<String>, ModelError> {
    let mut v = Vec::new();
    for (a, s) in sets {
        if s.is_empty()? {
            continue;
        }
        if under.is_subset(s)? {
            v.push(a.as_str().to_string());
        } else {
            v.push(format!("{} (part)", a.as_str()));
        }
    }
    Ok(v)
}

fn said(access: Access, set: &KeySet) -> Result<String, ModelError> {
    let d = set.describe()?;
    let mut s = format!("{} on {}", access.as_str(), d.keys.join(", "));
    if !d.except.is_empty() {
        s.push_str(&format!(" except {}", d.except.join(", ")));
    }
    Ok(s)
}

/// Each move's principal's access to its prefix before (the policies as they are) and after
/// (the policies as the migration leaves them, and the grant), compared exactly for every kind
/// of access the model answers (read, write, delete, list).
pub fn equivalence(
    moves: &[Move],
    bucket: &str,
    before: &PolicySet,
    after: &PolicySet,
) -> Result<Vec<Equivalence>, ModelError> {
    let mut out = Vec::new();
    for m in moves {
        let under = if m.prefix.is_empty() {
            KeySet::all()
        } else {
            KeySet::prefix(&m.prefix)
        };
        let who = Principal::new(&m.principal);
        let (mut b, mut a) = (Vec::new(), Vec::new());
        let (mut gains, mut loses) = (Vec::new(), Vec::new());
        for access in Access::ALL {
            let was = reached(before, bucket, &who, access)?.intersect(&under);
            let mut now = reached(after, bucket, &who, access)?.intersect(&under);
            if m.permission.gives(access) {
                now = now.union(&under);
            }
            let gained = now.minus(&was);
            if !gained.is_empty()? {
                gains.push(said(access, &gained)?);
            }
            let lost = was.minus(&now);
            if !lost.is_empty()? {
                loses.push(said(access, &lost)?);
            }
            b.push((access, was));
            a.push((access, now));
        }
        out.push(Equivalence {
            principal: m.principal.clone(),
            prefix: m.prefix.clone(),
            permission: m.permission,
            before: kinds(&b, &under)?,
            after: kinds(&a, &under)?,
            same: gains.is_empty() && loses.is_empty(),
            gains,
            loses,
            adds: m.adds.clone(),
            statements: m.statements.clone(),
        });
    }
    Ok(out)
}

/// Whether a principal's identity policies let it ask for its grants' credentials
/// (`s3:GetDataAccess` on the instance, as the GetDataAccess API reference requires).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "answer", content = "detail")]
pub enum DataAccess {
    /// An Allow without conditions, and no Deny.
    Allowed,
    /// Only under the conditions of the Allow statements that match (or unless a Deny with
    /// conditions applies): the statements, by label.
    OnlyIf(Vec<String>),
    /// A Deny without conditions matches (its label).
    Denied(String),
    /// No Allow matches: it cannot get credentials for any grant.
    NotAllowed,
}

impl DataAccess {
    pub fn as_str(&self) -> String {
        match self {
            DataAccess::Allowed => "allowed".into(),
            DataAccess::OnlyIf(v) => format!("allowed only under conditions ({})", v.join(", ")),
            DataAccess::Denied(l) => format!("denied ({l})"),
            DataAccess::NotAllowed => "not allowed by its identity policies".into(),
        }
    }
}

fn matches_any(patterns: &[String], text: &str, lower: bool) -> bool {
    patterns.iter().any(|p| {
        if lower {
            crate::eval::wildcard::Pattern::new_lower(p).matches(&text.to_lowercase())
        } else {
            crate::eval::wildcard::Pattern::new(p).matches(text)
        }
    })
}

/// Whether a statement of an identity policy is about `s3:GetDataAccess` on `instance`.
fn about_data_access(st: &Value, instance: &str) -> bool {
    let action = "s3:GetDataAccess";
    let acts = match (st.get("Action"), st.get("NotAction")) {
        (Some(a), _) => matches_any(&string_list(Some(a)), action, true),
        (None, Some(n)) => !matches_any(&string_list(Some(n)), action, true),
        _ => false,
    };
    let res = match (st.get("Resource"), st.get("NotResource")) {
        (Some(r), _) => matches_any(&string_list(Some(r)), instance, false),
        (None, Some(n)) => !matches_any(&string_list(Some(n)), instance, false),
        _ => false,
    };
    acts && res
}

/// Whether the identity policies (`(label, document)`) allow `s3:GetDataAccess` on the
/// instance `instance` (its ARN). Conditions are not evaluated: an Allow that has some is
/// reported as such.
pub fn data_access(policies: &[(String, PolicyDocument)], instance: &str) -> DataAccess {
    let (mut allowed, mut only_if) = (false, Vec::new());
    for (label, doc) in policies {
        for st in doc.statements() {
            if !about_data_access(st, instance) {
                continue;
            }
            let conditional = st.get("Condition").is_some();
            match st.get("Effect").and_then(Value::as_str) {
                Some("Deny") if !conditional => return DataAccess::Denied(label.clone()),
                Some("Deny") => only_if.push(format!("{label}: a Deny with conditions")),
                Some("Allow") if !conditional => allowed = true,
                Some("Allow") => only_if.push(label.clone()),
                _ => {}
            }
        }
    }
    match (allowed, only_if.is_empty()) {
        (true, true) => DataAccess::Allowed,
        (false, true) => DataAccess::NotAllowed,
        _ => DataAccess::OnlyIf(only_if),
    }
}

/// The equivalence and the kept statements as one JSON value (the plan's `explanation`).
pub fn explanation(rows: &[Equivalence], kept: &[Kept], notes: &[String]) -> Value {
    json!({
        "equivalence": rows,
        "kept": kept,
        "notes": notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Part;
    use crate::declared::{statement, Scope};
    use crate::eval::delta::BucketPolicies;

    const ACCT: &str = "111122223333";
    const A: &str = "arn:aws:iam::111122223333:role/analyst";
    const B: &str = "arn:aws:iam::111122223333:role/loader";

    fn bucket() -> Source {
        Source::Bucket {
            arn: "arn:aws:s3:::lake".into(),
        }
    }
    fn scope() -> Scope {
        Scope::Bucket {
            arn: "arn:aws:s3:::lake".into(),
        }
    }

    fn doc(sts: Vec<Value>) -> PolicyDocument {
        PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": sts})).unwrap()
    }

    fn set(d: &PolicyDocument) -> PolicySet {
        BucketPolicies {
            bucket: Some(d.clone()),
            access_points: vec![],
        }
        .compile(ACCT)
        .unwrap()
    }

    #[test]
    fn lakegate_grants_move_and_everything_else_stays_with_its_reason() {
        let d = doc(vec![
            statement(&scope(), Part::Read, "sales/", &[A.into()]),
            statement(&scope(), Part::List, "sales/", &[A.into()]),
            statement(&scope(), Part::Write, "raw/", &[B.into()]),
            statement(
                &scope(),
                Part::Read,
                "shared/",
                &["arn:aws:iam::999988887777:root".into()],
            ),
            json!({"Sid": "Theirs", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::lake/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}),
            json!({"Sid": "LakegateSubr1Obj", "Effect": "Allow", "Principal": {"AWS": A}, "Action": ["s3:GetObject", "s3:GetObjectTagging"], "Resource": "arn:aws:s3:::lake/tags/*"}),
            json!({"Sid": "LakegateBucketReadcafe", "Effect": "Allow", "Principal": {"AWS": A}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/ip/*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}),
        ]);
        let an = analyse(&d, &bucket(), ACCT);
        let got: Vec<(&str, &str, Permission)> = an
            .moves
            .iter()
            .map(|m| (m.principal.as_str(), m.prefix.as_str(), m.permission))
            .collect();
        assert_eq!(
            got,
            [
                (A, "sales/", Permission::Read),
                (B, "raw/", Permission::Write)
            ]
        );
        assert_eq!(an.remove.len(), 3);
        let reasons: Vec<&str> = an.kept.iter().map(|k| k.reason.as_str()).collect();
        assert_eq!(an.kept.len(), 4, "{reasons:?}");
        assert!(reasons[0].contains("is an account"), "{reasons:?}");
        assert!(reasons[1].contains("not written by lakegate"));
        assert!(reasons[2].contains("s3:GetObjectTagging"));
        assert!(reasons[3].contains("condition"));
        // WRITE gives what lakegate's write did not: deletes, ACLs.
        let w = &an.moves[1];
        assert!(w.adds.contains(&"s3:DeleteObject".to_string()), "{w:?}");

        let mut after = d.clone();
        assert!(strip(&mut after, &an.remove));
        assert!(!strip(&mut after, &an.remove));
        assert_eq!(after.statements().len(), 4);
        // A repeat finds nothing to move.
        assert!(analyse(&after, &bucket(), ACCT).moves.is_empty());

        let eq = equivalence(&an.moves, "lake", &set(&d), &set(&after)).unwrap();
        assert!(eq[0].same, "{:?}", eq[0]);
        assert_eq!(eq[0].before, ["read", "list"]);
        assert!(!eq[1].same);
        assert_eq!(eq[1].gains, ["delete on raw/*"], "{:?}", eq[1]);
        assert!(eq[1].loses.is_empty());
    }

    #[test]
    fn get_data_access_is_read_from_identity_policies() {
        let inst = "arn:aws:s3:us-east-1:111122223333:access-grants/default";
        let p = |sts: Vec<Value>| vec![("inline:p".to_string(), doc(sts))];
        let allow = |action: &str, resource: &str| json!({"Effect": "Allow", "Action": action, "Resource": resource});
        assert_eq!(data_access(&[], inst), DataAccess::NotAllowed);
        assert_eq!(
            data_access(&p(vec![allow("s3:GetDataAccess", inst)]), inst),
            DataAccess::Allowed
        );
        assert_eq!(
            data_access(
                &p(vec![allow(
                    "s3:get*",
                    "arn:aws:s3:*:111122223333:access-grants/*"
                )]),
                inst
            ),
            DataAccess::Allowed
        );
        assert_eq!(
            data_access(&p(vec![allow("s3:GetObject", "*")]), inst),
            DataAccess::NotAllowed
        );
        assert_eq!(
            data_access(
                &p(vec![
                    allow("*", "*"),
                    json!({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})
                ]),
                inst
            ),
            DataAccess::Denied("inline:p".into())
        );
        let mut cond = allow("s3:GetDataAccess", inst);
        cond["Condition"] = json!({"StringEquals": {"s3:permission": "READ"}});
        assert!(matches!(
            data_access(&p(vec![cond]), inst),
            DataAccess::OnlyIf(_)
        ));
    }

    #[test]
    fn access_point_statements_and_other_accounts() {
        let ap = "arn:aws:s3:us-east-1:111122223333:accesspoint/app";
        let src = Source::AccessPoint { arn: ap.into() };
        let d = doc(vec![
            json!({"Sid": "LakegateRead0001", "Effect": "Allow", "Principal": {"AWS": [A, "arn:aws:iam::444455556666:role/partner"]}, "Action": "s3:GetObject", "Resource": format!("{ap}/object/x/*")}),
            json!({"Sid": "LakegateList0001", "Effect": "Allow", "Principal": {"AWS": A}, "Action": "s3:ListBucket", "Resource": ap, "Condition": {"StringLike": {"s3:prefix": "x/*"}}}),
            json!({"Sid": "LakegateWrite0001", "Effect": "Deny", "Principal": {"AWS": A}, "Action": "s3:PutObject", "Resource": format!("{ap}/object/x/*")}),
        ]);
        let an = analyse(&d, &src, ACCT);
        assert_eq!(an.remove, ["LakegateList0001"]);
        assert_eq!(an.moves.len(), 1);
        assert_eq!(an.moves[0].prefix, "x/");
        assert!(an.kept[0].reason.contains("another account"));
        assert!(an.kept[1].reason.contains("Deny"));
    }
}
