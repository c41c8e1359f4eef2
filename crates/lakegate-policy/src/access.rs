//! The statements lakegate writes: least-privilege access point grants keyed by prefix, and the
//! bucket statement that delegates access control to the account's access points.
//!
//! Every statement lakegate owns has a Sid starting with `Lakegate`; statements with other Sids
//! (or none) are never edited.

use super::document::{aws_principals, string_list, PolicyDocument};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Sid prefix of every statement lakegate writes.
pub const SID_PREFIX: &str = "Lakegate";
/// Sid of the bucket statement that delegates access control to access points.
pub const DELEGATE_SID: &str = "LakegateDelegateToAccessPoints";

/// What a grant allows: the one meaning of `--access` (and of a lake file's `access:`) in every
/// verb. Only `read-write-delete` lets the grantee delete objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum AccessLevel {
    /// GetObject/GetObjectVersion on the prefix, and ListBucket limited to it
    #[default]
    Read,
    /// PutObject/AbortMultipartUpload on the prefix
    Write,
    /// Both of the above (no delete)
    ReadWrite,
    /// read-write, plus DeleteObject on the prefix
    ReadWriteDelete,
}

impl AccessLevel {
    pub fn parts(self) -> &'static [Part] {
        match self {
            AccessLevel::Read => &[Part::Read, Part::List],
            AccessLevel::Write => &[Part::Write],
            AccessLevel::ReadWrite => &[Part::Read, Part::Write, Part::List],
            AccessLevel::ReadWriteDelete => &[Part::Read, Part::Write, Part::Delete, Part::List],
        }
    }

    /// Every action of the level, objects' first, then the bucket's (s3:ListBucket).
    pub fn actions(self) -> Vec<&'static str> {
        let mut parts = self.parts().to_vec();
        parts.sort();
        parts
            .iter()
            .flat_map(|p| p.actions().iter().copied())
            .collect()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::Read => "read",
            AccessLevel::Write => "write",
            AccessLevel::ReadWrite => "read-write",
            AccessLevel::ReadWriteDelete => "read-write-delete",
        }
    }
}

/// One of the statements that make up a grant on a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Read,
    Write,
    Delete,
    List,
}

impl Part {
    /// Every part, in Sid-matching order.
    pub const ALL: [Part; 4] = [Part::Read, Part::Write, Part::Delete, Part::List];
}

impl Part {
    fn tag(self) -> &'static str {
        match self {
            Part::Read => "Read",
            Part::Write => "Write",
            Part::Delete => "Delete",
            Part::List => "List",
        }
    }

    pub fn actions(self) -> &'static [&'static str] {
        match self {
            Part::Read => &["s3:GetObject", "s3:GetObjectVersion"],
            Part::Write => &["s3:PutObject", "s3:AbortMultipartUpload"],
            Part::Delete => &["s3:DeleteObject"],
            Part::List => &["s3:ListBucket"],
        }
    }
}

/// FNV-1a, 64 bits: a stable, dependency-free id for a prefix inside a Sid.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The Sid of a grant statement: `Lakegate{Read|Write|List}{16 hex digits of the prefix}`.
pub fn grant_sid(part: Part, prefix: &str) -> String {
    format!("{SID_PREFIX}{}{:016x}", part.tag(), fnv1a(prefix))
}

/// Where an access point policy's statements point.
#[derive(Debug, Clone)]
pub struct AccessPointRef {
    pub arn: String,
}

impl AccessPointRef {
    pub fn object_resource(&self, prefix: &str) -> String {
        format!("{}/object/{prefix}*", self.arn)
    }
}

fn grant_statement(ap: &AccessPointRef, part: Part, prefix: &str, principals: &[String]) -> Value {
    let principal = if principals.len() == 1 {
        json!({ "AWS": principals[0] })
    } else {
        json!({ "AWS": principals })
    };
    let actions: Vec<&str> = part.actions().to_vec();
    let action = if actions.len() == 1 {
        json!(actions[0])
    } else {
        json!(actions)
    };
    match part {
        Part::List => json!({
            "Sid": grant_sid(part, prefix),
            "Effect": "Allow",
            "Principal": principal,
            "Action": action,
            "Resource": ap.arn,
            "Condition": { "StringLike": { "s3:prefix": format!("{prefix}*") } }
        }),
        Part::Read | Part::Write | Part::Delete => json!({
            "Sid": grant_sid(part, prefix),
            "Effect": "Allow",
            "Principal": principal,
            "Action": action,
            "Resource": ap.object_resource(prefix)
        }),
    }
}

/// Add `principals` to the grant on `prefix` at `level`. Idempotent; returns true if changed.
pub fn grant(
    doc: &mut PolicyDocument,
    ap: &AccessPointRef,
    prefix: &str,
    principals: &[String],
    level: AccessLevel,
) -> bool {
    let mut changed = false;
    for &part in level.parts() {
        let sid = grant_sid(part, prefix);
        let mut set: BTreeSet<String> = doc
            .statement(&sid)
            .map(aws_principals)
            .unwrap_or_default()
            .into_iter()
            .collect();
        set.extend(principals.iter().cloned());
        let list: Vec<String> = set.into_iter().collect();
        changed |= doc.upsert(grant_statement(ap, part, prefix, &list));
    }
    changed
}

/// Remove `principal` from lakegate's grants (on `prefix` only, when given; the parts of `level`).
/// A statement left with no principal is removed. Returns true if changed.
pub fn revoke(
    doc: &mut PolicyDocument,
    ap: &AccessPointRef,
    principal: &str,
    prefix: Option<&str>,
    level: AccessLevel,
) -> bool {
    let parts = level.parts();
    let owned: Vec<(String, Part, String)> = doc
        .statements()
        .iter()
        .filter_map(|st| {
            let sid = st.get("Sid")?.as_str()?;
            let (part, p) = owned_grant(st)?;
            Some((sid.to_string(), part, p))
        })
        .collect();
    let mut changed = false;
    for (sid, part, p) in owned {
        if !parts.contains(&part) || prefix.is_some_and(|want| want != p) {
            continue;
        }
        let Some(st) = doc.statement(&sid) else {
            continue;
        };
        let before = aws_principals(st);
        if !before.iter().any(|x| x == principal) {
            continue;
        }
        let rest: Vec<String> = before.into_iter().filter(|x| x != principal).collect();
        if rest.is_empty() {
            doc.remove(&sid);
        } else {
            doc.upsert(grant_statement(ap, part, &p, &rest));
        }
        changed = true;
    }
    changed
}

/// If this statement is one of lakegate's grant statements, its part and prefix.
pub fn owned_grant(st: &Value) -> Option<(Part, String)> {
    let sid = st.get("Sid")?.as_str()?;
    let rest = sid.strip_prefix(SID_PREFIX)?;
    let part = Part::ALL.into_iter().find(|p| rest.starts_with(p.tag()))?;
    let prefix = match part {
        Part::List => st
            .pointer("/Condition/StringLike/s3:prefix")
            .and_then(Value::as_str)?
            .strip_suffix('*')?
            .to_string(),
        _ => {
            let res = st.get("Resource")?.as_str()?;
            let (_, p) = res.split_once("/object/")?;
            p.strip_suffix('*')?.to_string()
        }
    };
    (grant_sid(part, &prefix) == sid).then_some((part, prefix))
}

/// One principal's access to one prefix, as read from any policy (lakegate's or not).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct GrantView {
    pub principal: String,
    pub prefix: String,
    pub access: String,
}

fn actions_cover(actions: &[String], want: &str) -> bool {
    let want = want.to_ascii_lowercase();
    actions.iter().any(|a| {
        let a = a.to_ascii_lowercase();
        a == "*" || a == "s3:*" || a == want || {
            // s3:Get*, s3:Put* style wildcards at the end.
            a.strip_suffix('*').is_some_and(|p| want.starts_with(p))
        }
    })
}

/// Summarise the Allow statements of an access point policy into principal × prefix × access.
/// Object statements give read/write on the prefix of `…/object/PREFIX*`; ListBucket with an
/// `s3:prefix` condition gives list.
pub fn summarize(doc: &PolicyDocument) -> Vec<GrantView> {
    use std::collections::BTreeMap;
    let mut acc: BTreeMap<(String, String), (bool, bool, bool)> = BTreeMap::new();
    for st in doc.statements() {
        if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
            continue;
        }
        let actions = string_list(st.get("Action"));
        let principals = aws_principals(st);
        let mut prefixes_rw = Vec::new();
        for r in string_list(st.get("Resource")) {
            if let Some((_, p)) = r.split_once("/object/") {
                prefixes_rw.push(p.trim_end_matches('*').to_string());
            }
        }
        let read = actions_cover(&actions, "s3:GetObject");
        let write = actions_cover(&actions, "s3:PutObject");
        let list = actions_cover(&actions, "s3:ListBucket");
        let mut list_prefixes = Vec::new();
        if list {
            if let Some(Value::Object(ops)) = st.get("Condition") {
                for body in ops.values() {
                    list_prefixes.extend(
                        string_list(body.get("s3:prefix"))
                            .into_iter()
                            .map(|p| p.trim_end_matches('*').to_string()),
                    );
                }
            }
            if list_prefixes.is_empty() {
                // ListBucket without a prefix condition lists everything.
                list_prefixes.push(String::new());
            }
        }
        for pr in &principals {
            for p in &prefixes_rw {
                let e = acc.entry((pr.clone(), p.clone())).or_default();
                e.0 |= read;
                e.1 |= write;
            }
            for p in &list_prefixes {
                acc.entry((pr.clone(), p.clone())).or_default().2 = true;
            }
        }
    }
    acc.into_iter()
        .map(|((principal, prefix), (r, w, l))| {
            let mut parts = Vec::new();
            if r {
                parts.push("read");
            }
            if w {
                parts.push("write");
            }
            if l {
                parts.push("list");
            }
            GrantView {
                principal,
                prefix: if prefix.is_empty() {
                    "*".into()
                } else {
                    prefix
                },
                access: parts.join("+"),
            }
        })
        .filter(|g| !g.access.is_empty())
        .collect()
}

/// The bucket statement that delegates access control to the account's access points
/// ("Delegating access control to access points", Amazon S3 User Guide).
pub fn delegate_statement(partition: &str, bucket: &str, account: &str) -> Value {
    json!({
        "Sid": DELEGATE_SID,
        "Effect": "Allow",
        "Principal": { "AWS": "*" },
        "Action": "*",
        "Resource": [
            format!("arn:{partition}:s3:::{bucket}"),
            format!("arn:{partition}:s3:::{bucket}/*")
        ],
        "Condition": { "StringEquals": { "s3:DataAccessPointAccount": account } }
    })
}

/// True when some statement of the bucket policy already delegates to this account's access
/// points (lakegate's or one written by hand).
pub fn delegates_to(doc: &PolicyDocument, account: &str) -> bool {
    doc.statements().iter().any(|st| {
        st.get("Effect").and_then(Value::as_str) == Some("Allow")
            && st
                .pointer("/Condition/StringEquals/s3:DataAccessPointAccount")
                .map(|v| string_list(Some(v)).iter().any(|a| a == account))
                .unwrap_or(false)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ap() -> AccessPointRef {
        AccessPointRef {
            arn: "arn:aws:s3:us-east-1:123456789012:accesspoint/ec2-consumer".into(),
        }
    }
    const EC2: &str = "arn:aws:iam::123456789012:role/Ec2ConsumerRole";
    const LAMBDA: &str = "arn:aws:iam::123456789012:role/LambdaConsumerRole";

    #[test]
    fn read_write_grant_is_least_privilege() {
        let mut d = PolicyDocument::new();
        assert!(grant(
            &mut d,
            &ap(),
            "sales_event/",
            &[EC2.into()],
            AccessLevel::ReadWrite
        ));
        let text = d.to_json();
        assert!(!text.contains("s3:*"));
        assert_eq!(d.statements().len(), 3);
        let list = d.statement(&grant_sid(Part::List, "sales_event/")).unwrap();
        assert_eq!(list["Resource"], json!(ap().arn));
        assert_eq!(
            list["Condition"]["StringLike"]["s3:prefix"],
            json!("sales_event/*")
        );
        let read = d.statement(&grant_sid(Part::Read, "sales_event/")).unwrap();
        assert_eq!(
            read["Resource"],
            json!(format!("{}/object/sales_event/*", ap().arn))
        );
        assert_eq!(read["Principal"], json!({"AWS": EC2}));
    }

    #[test]
    fn grant_is_idempotent_and_revoke_restores() {
        let original = PolicyDocument::parse(r#"{"Version":"2012-10-17","Statement":[{"Sid":"Theirs","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"*"}]}"#).unwrap();
        let mut d = original.clone();
        assert!(grant(&mut d, &ap(), "a/", &[EC2.into()], AccessLevel::Read));
        assert!(!grant(
            &mut d,
            &ap(),
            "a/",
            &[EC2.into()],
            AccessLevel::Read
        ));
        assert!(grant(
            &mut d,
            &ap(),
            "a/",
            &[LAMBDA.into()],
            AccessLevel::Read
        ));
        assert_eq!(
            aws_principals(d.statement(&grant_sid(Part::Read, "a/")).unwrap()),
            vec![EC2.to_string(), LAMBDA.to_string()]
        );
        assert!(revoke(&mut d, &ap(), LAMBDA, None, AccessLevel::ReadWrite));
        assert!(revoke(
            &mut d,
            &ap(),
            EC2,
            Some("a/"),
            AccessLevel::ReadWrite
        ));
        assert!(!revoke(&mut d, &ap(), EC2, None, AccessLevel::ReadWrite));
        assert_eq!(d, original);
    }

    #[test]
    fn revoke_on_another_prefix_keeps_the_grant() {
        let mut d = PolicyDocument::new();
        grant(&mut d, &ap(), "a/", &[EC2.into()], AccessLevel::Write);
        assert!(!revoke(
            &mut d,
            &ap(),
            EC2,
            Some("b/"),
            AccessLevel::ReadWrite
        ));
        assert_eq!(d.statements().len(), 1);
    }

    #[test]
    fn summary_reads_prefixes_and_access() {
        let mut d = PolicyDocument::new();
        grant(
            &mut d,
            &ap(),
            "sales_event/",
            &[EC2.into()],
            AccessLevel::ReadWrite,
        );
        let s = summarize(&d);
        assert_eq!(
            s,
            vec![GrantView {
                principal: EC2.into(),
                prefix: "sales_event/".into(),
                access: "read+write+list".into()
            }]
        );
    }

    #[test]
    fn owned_grant_rejects_foreign_statements() {
        let st = json!({"Sid":"LakegateReadffff","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"x/object/a/*"});
        assert!(owned_grant(&st).is_none());
    }

    #[test]
    fn delegation_is_detected() {
        let mut d = PolicyDocument::new();
        assert!(!delegates_to(&d, "123456789012"));
        d.upsert(delegate_statement("aws", "b", "123456789012"));
        assert!(delegates_to(&d, "123456789012"));
        assert!(!delegates_to(&d, "999999999999"));
    }

    #[test]
    fn read_write_delete_adds_only_a_delete_statement() {
        let mut d = PolicyDocument::parse(r#"{"Version":"2012-10-17","Statement":[]}"#).unwrap();
        assert!(grant(
            &mut d,
            &ap(),
            "a/",
            &[EC2.into()],
            AccessLevel::ReadWrite
        ));
        assert!(!d.to_json().contains("s3:DeleteObject"));
        assert!(grant(
            &mut d,
            &ap(),
            "a/",
            &[EC2.into()],
            AccessLevel::ReadWriteDelete
        ));
        let del = d.statement(&grant_sid(Part::Delete, "a/")).unwrap();
        assert_eq!(del["Action"], json!("s3:DeleteObject"));
        assert_eq!(owned_grant(del), Some((Part::Delete, "a/".to_string())));
        assert_eq!(d.statements().len(), 4);
        // Revoking read-write leaves the delete; read-write-delete (the default) takes it all.
        assert!(revoke(&mut d, &ap(), EC2, None, AccessLevel::ReadWrite));
        assert_eq!(d.statements().len(), 1);
        assert!(revoke(
            &mut d,
            &ap(),
            EC2,
            None,
            AccessLevel::ReadWriteDelete
        ));
        assert!(d.statements().is_empty());
    }
}
