//! Declared grants (the lake file): the exact set of lakegate grant statements a policy should
//! hold, the edit that puts them in place, and the reverse (a policy's grants, for `export`).
//!
//! A policy's statements fall in three groups: the lake's own grant statements (Sids
//! `Lakegate{Read|Write|List}…` in access point policies, `LakegateBucket{Read|Write|List}…` in
//! bucket policies, each keyed by its prefix), lakegate statements the lake does not manage
//! (the delegation statement, subscription grants) and foreign ones. Only the first group is
//! declared; everything else is kept exactly.

use super::access::{grant_sid, owned_grant, AccessLevel, AccessPointRef, Part, SID_PREFIX};
use super::document::{aws_principals, PolicyDocument};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Sid prefix of the grants written directly in a bucket policy.
pub const BUCKET_SID_PREFIX: &str = "LakegateBucket";

/// Which policy the grants are in.
#[derive(Debug, Clone)]
pub enum Scope {
    /// An access point policy: resources `…:accesspoint/NAME/object/PREFIX*`.
    AccessPoint(AccessPointRef),
    /// A bucket policy: resources `arn:…:s3:::BUCKET/PREFIX*`.
    Bucket { arn: String },
}

/// Principals × prefix × access, as the file declares it (principals already resolved to ARNs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub principals: Vec<String>,
    pub prefix: String,
    pub access: AccessLevel,
}

fn tag(part: Part) -> &'static str {
    match part {
        Part::Read => "Read",
        Part::Write => "Write",
        Part::Delete => "Delete",
        Part::List => "List",
    }
}

fn fnv_sid(prefix_tag: &str, part: Part, prefix: &str) -> String {
    // Same key as access point grants: the prefix's hash, behind this scope's Sid prefix.
    let ap = grant_sid(part, prefix);
    let hash = &ap[SID_PREFIX.len() + tag(part).len()..];
    format!("{prefix_tag}{}{hash}", tag(part))
}

/// The Sid of a grant statement in this scope.
pub fn sid(scope: &Scope, part: Part, prefix: &str) -> String {
    match scope {
        Scope::AccessPoint(_) => grant_sid(part, prefix),
        Scope::Bucket { .. } => fnv_sid(BUCKET_SID_PREFIX, part, prefix),
    }
}

fn one_or_many(v: Vec<String>) -> Value {
    if v.len() == 1 {
        json!(v[0])
    } else {
        json!(v)
    }
}

/// The statement of one part of a grant on `prefix` for `principals` (sorted, no duplicates).
pub fn statement(scope: &Scope, part: Part, prefix: &str, principals: &[String]) -> Value {
    let principal = json!({ "AWS": one_or_many(principals.to_vec()) });
    let action = one_or_many(part.actions().iter().map(|a| a.to_string()).collect());
    let (container, objects) = match scope {
        Scope::AccessPoint(ap) => (ap.arn.clone(), ap.object_resource(prefix)),
        Scope::Bucket { arn } => (arn.clone(), format!("{arn}/{prefix}*")),
    };
    match part {
        Part::List => json!({
            "Sid": sid(scope, part, prefix),
            "Effect": "Allow",
            "Principal": principal,
            "Action": action,
            "Resource": container,
            "Condition": { "StringLike": { "s3:prefix": format!("{prefix}*") } }
        }),
        Part::Read | Part::Write | Part::Delete => json!({
            "Sid": sid(scope, part, prefix),
            "Effect": "Allow",
            "Principal": principal,
            "Action": action,
            "Resource": objects
        }),
    }
}

/// If `st` is one of the lake's grant statements in this scope: its part and prefix.
pub fn owned(scope: &Scope, st: &Value) -> Option<(Part, String)> {
    match scope {
        Scope::AccessPoint(_) => owned_grant(st),
        Scope::Bucket { arn } => {
            let s = st.get("Sid")?.as_str()?;
            let rest = s.strip_prefix(BUCKET_SID_PREFIX)?;
            let part = Part::ALL.into_iter().find(|p| rest.starts_with(tag(*p)))?;
            let prefix = match part {
                Part::List => st
                    .pointer("/Condition/StringLike/s3:prefix")
                    .and_then(Value::as_str)?
                    .strip_suffix('*')?
                    .to_string(),
                _ => st
                    .get("Resource")?
                    .as_str()?
                    .strip_prefix(arn.as_str())?
                    .strip_prefix('/')?
                    .strip_suffix('*')?
                    .to_string(),
            };
            (sid(scope, part, &prefix) == s).then_some((part, prefix))
        }
    }
}

/// The lake's statements for `grants`: one per (prefix, part), principals merged and sorted.
pub fn statements(scope: &Scope, grants: &[Grant]) -> Vec<Value> {
    let mut parts: BTreeMap<(String, Part), BTreeSet<String>> = BTreeMap::new();
    for g in grants {
        for &part in g.access.parts() {
            parts
                .entry((g.prefix.clone(), part))
                .or_default()
                .extend(g.principals.iter().cloned());
        }
    }
    parts
        .into_iter()
        .map(|((prefix, part), who)| {
            let who: Vec<String> = who.into_iter().collect();
            statement(scope, part, &prefix, &who)
        })
        .collect()
}

/// How a policy's statements stand against the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// Statements the lake does not manage (foreign, delegation, subscriptions): kept exactly.
    /// Named by Sid, or `#N` (1-based position) when they have none.
    pub unmanaged: Vec<String>,
    /// The lake's statements the file no longer declares: kept, removed with `--prune`.
    pub undeclared: Vec<String>,
}

/// Put exactly the declared grant statements in place: upsert each (an existing one keeps its
/// position), and with `prune` remove the lake's statements not declared. Statements the lake
/// does not manage are never touched. Returns true if the document changed.
pub fn declare(doc: &mut PolicyDocument, scope: &Scope, grants: &[Grant], prune: bool) -> bool {
    let want = statements(scope, grants);
    let wanted: BTreeSet<String> = want
        .iter()
        .filter_map(|s| s.get("Sid").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let mut changed = false;
    if prune {
        for s in standing(doc, scope, grants).undeclared {
            changed |= doc.remove(&s);
        }
    }
    for st in want {
        changed |= doc.upsert(st);
    }
    debug_assert!(wanted.iter().all(|s| doc.statement(s).is_some()));
    changed
}

/// Which statements of `doc` are unmanaged, and which of the lake's are not declared.
pub fn standing(doc: &PolicyDocument, scope: &Scope, grants: &[Grant]) -> Standing {
    let wanted: BTreeSet<String> = statements(scope, grants)
        .iter()
        .filter_map(|s| s.get("Sid").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let mut out = Standing::default();
    for (i, st) in doc.statements().into_iter().enumerate() {
        let s = st.get("Sid").and_then(Value::as_str);
        match (owned(scope, st), s) {
            (Some(_), Some(s)) if !wanted.contains(s) => out.undeclared.push(s.to_string()),
            (Some(_), _) => {}
            (None, Some(s)) => out.unmanaged.push(s.to_string()),
            (None, None) => out.unmanaged.push(format!("#{}", i + 1)),
        }
    }
    out
}

/// The grants a policy holds in the lake's statements (for `export`): principals that hold the
/// same parts on a prefix are one grant. Parts no access level names alone (a List statement
/// without its Read) are given as the smallest level that covers them.
pub fn grants(doc: &PolicyDocument, scope: &Scope) -> Vec<Grant> {
    let mut held: BTreeMap<(String, String), BTreeSet<Part>> = BTreeMap::new();
    for st in doc.statements() {
        let Some((part, prefix)) = owned(scope, st) else {
            continue;
        };
        for p in aws_principals(st) {
            held.entry((prefix.clone(), p)).or_default().insert(part);
        }
    }
    let mut by_level: BTreeMap<(String, u8), (AccessLevel, Vec<String>)> = BTreeMap::new();
    for ((prefix, principal), parts) in held {
        let level = if parts.contains(&Part::Delete) {
            AccessLevel::ReadWriteDelete
        } else if parts.contains(&Part::Write) {
            if parts.contains(&Part::Read) || parts.contains(&Part::List) {
                AccessLevel::ReadWrite
            } else {
                AccessLevel::Write
            }
        } else {
            AccessLevel::Read
        };
        let order = match level {
            AccessLevel::Read => 0,
            AccessLevel::Write => 1,
            AccessLevel::ReadWrite => 2,
            AccessLevel::ReadWriteDelete => 3,
        };
        by_level
            .entry((prefix, order))
            .or_insert_with(|| (level, Vec::new()))
            .1
            .push(principal);
    }
    by_level
        .into_iter()
        .map(|((prefix, _), (access, principals))| Grant {
            principals,
            prefix,
            access,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EC2: &str = "arn:aws:iam::123456789012:role/Ec2ConsumerRole";
    const LAMBDA: &str = "arn:aws:iam::123456789012:role/LambdaConsumerRole";

    fn ap() -> Scope {
        Scope::AccessPoint(AccessPointRef {
            arn: "arn:aws:s3:us-east-1:123456789012:accesspoint/ec2-consumer".into(),
        })
    }
    fn bucket() -> Scope {
        Scope::Bucket {
            arn: "arn:aws:s3:::store-events".into(),
        }
    }
    fn g(who: &[&str], prefix: &str, access: AccessLevel) -> Grant {
        Grant {
            principals: who.iter().map(|s| s.to_string()).collect(),
            prefix: prefix.into(),
            access,
        }
    }

    #[test]
    fn declared_statements_match_what_grant_writes() {
        let mut by_grant = PolicyDocument::new();
        let Scope::AccessPoint(r) = ap() else {
            unreachable!()
        };
        crate::access::grant(
            &mut by_grant,
            &r,
            "a/",
            &[EC2.into(), LAMBDA.into()],
            AccessLevel::ReadWrite,
        );
        let mut declared = PolicyDocument::new();
        declare(
            &mut declared,
            &ap(),
            &[g(&[LAMBDA, EC2], "a/", AccessLevel::ReadWrite)],
            false,
        );
        assert_eq!(
            by_grant.statements().len(),
            declared.statements().len(),
            "{}",
            declared.to_pretty()
        );
        for st in by_grant.statements() {
            let sid = st["Sid"].as_str().unwrap();
            assert_eq!(declared.statement(sid), Some(st));
        }
    }

    #[test]
    fn declare_keeps_foreign_and_prunes_only_when_asked() {
        for scope in [ap(), bucket()] {
            let mut doc = PolicyDocument::parse(r#"{"Version":"2012-10-17","Statement":[{"Sid":"Theirs","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}]}"#).unwrap();
            declare(
                &mut doc,
                &scope,
                &[
                    g(&[EC2], "a/", AccessLevel::Read),
                    g(&[LAMBDA], "b/", AccessLevel::Write),
                ],
                false,
            );
            assert_eq!(doc.statements().len(), 4);
            let keep = [g(&[EC2], "a/", AccessLevel::Read)];
            assert!(!declare(&mut doc.clone(), &scope, &keep, false));
            let st = standing(&doc, &scope, &keep);
            assert_eq!(st.unmanaged, vec!["Theirs".to_string()]);
            assert_eq!(st.undeclared, vec![sid(&scope, Part::Write, "b/")]);
            assert!(declare(&mut doc, &scope, &keep, true));
            assert_eq!(doc.statements().len(), 3);
            assert_eq!(doc.statements()[0]["Sid"], json!("Theirs"));
            assert_eq!(grants(&doc, &scope), keep.to_vec());
        }
    }

    #[test]
    fn export_groups_principals_by_level() {
        let mut doc = PolicyDocument::new();
        let want = vec![
            g(&[EC2], "a/", AccessLevel::Read),
            g(&[LAMBDA], "a/", AccessLevel::ReadWrite),
            g(&[EC2, LAMBDA], "b/", AccessLevel::Write),
        ];
        declare(&mut doc, &bucket(), &want, false);
        let back = grants(&doc, &bucket());
        let mut again = PolicyDocument::new();
        declare(&mut again, &bucket(), &back, false);
        assert_eq!(doc, again);
        assert!(grants(&doc, &ap()).is_empty());
    }

    #[test]
    fn bucket_statements_are_not_access_point_statements() {
        let st = statement(&bucket(), Part::Read, "a/", &[EC2.into()]);
        assert!(owned(&ap(), &st).is_none());
        assert_eq!(owned(&bucket(), &st), Some((Part::Read, "a/".into())));
        assert_eq!(st["Resource"], json!("arn:aws:s3:::store-events/a/*"));
    }
}
