//! The statements lakegate writes for DataZone subscriptions to unmanaged S3 assets. Pure.
//!
//! Every grant is keyed by the subscription request id alone (`LakegateSub<ID>Obj` for the object
//! actions, `LakegateSub<ID>List` for listing), so a revoke finds it whatever the subscription
//! target says today, and a repeated grant changes nothing.

use super::access::AccessLevel;
use super::arn;
use super::document::PolicyDocument;
use serde::Serialize;
use serde_json::{json, Value};

/// Sid prefix of every subscription statement.
pub const SUB_SID_PREFIX: &str = "LakegateSub";

/// The Sid stem of a subscription's statements: `LakegateSub` + the request id's letters and digits.
pub fn sid_base(request_id: &str) -> String {
    let id: String = request_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("{SUB_SID_PREFIX}{id}")
}

pub fn object_sid(request_id: &str) -> String {
    format!("{}Obj", sid_base(request_id))
}

pub fn list_sid(request_id: &str) -> String {
    format!("{}List", sid_base(request_id))
}

/// Where an S3 object collection asset lives: a bucket and a key prefix ("" for the whole bucket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct S3Location {
    pub bucket: String,
    /// Ends with '/', or is empty for the whole bucket.
    pub prefix: String,
}

/// Read `arn:PARTITION:s3:::BUCKET[/PREFIX]`. A prefix without a trailing '/' gets one, so
/// `…/genomes` cannot also match `…/genomes_archive/`.
pub fn parse_s3_arn(s3_arn: &str) -> Result<S3Location, String> {
    let bad = |why: &str| format!("invalid S3 ARN '{s3_arn}': {why}");
    let parts: Vec<&str> = s3_arn.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" || parts[2] != "s3" {
        return Err(bad("expected arn:aws:s3:::BUCKET[/PREFIX]"));
    }
    if !parts[3].is_empty() || !parts[4].is_empty() {
        return Err(bad(
            "a bucket ARN has no region or account (arn:aws:s3:::BUCKET)",
        ));
    }
    let (bucket, prefix) = match parts[5].split_once('/') {
        Some((b, p)) => (b, p),
        None => (parts[5], ""),
    };
    arn::validate_bucket_name(bucket).map_err(|e| bad(&e.to_string()))?;
    let prefix = if prefix.is_empty() {
        String::new()
    } else {
        arn::normalize_prefix(prefix).map_err(|e| bad(&e.to_string()))?
    };
    Ok(S3Location {
        bucket: bucket.to_string(),
        prefix,
    })
}

/// The bucket ARN of an asset's forms (`{"S3ObjectCollectionForm":{"bucketArn":…}}`).
pub fn bucket_arn_from_forms(forms: &str) -> Result<String, String> {
    let v: Value =
        serde_json::from_str(forms).map_err(|e| format!("the asset's forms are not JSON: {e}"))?;
    v.pointer("/S3ObjectCollectionForm/bucketArn")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| "the asset's forms have no S3ObjectCollectionForm.bucketArn".to_string())
}

/// S3 actions that apply to the bucket (and take `s3:prefix`) rather than to objects.
fn is_bucket_action(action: &str) -> bool {
    matches!(
        action.to_ascii_lowercase().as_str(),
        "s3:listbucket" | "s3:listbucketversions" | "s3:listbucketmultipartuploads"
    )
}

/// The actions of a grant, split into object actions and bucket (list) actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actions {
    pub object: Vec<String>,
    pub bucket: Vec<String>,
}

impl Actions {
    /// The actions of `--access LEVEL`: the same as an access point grant at that level.
    pub fn of_level(level: AccessLevel) -> Self {
        let (bucket, object): (Vec<&str>, Vec<&str>) = level
            .actions()
            .into_iter()
            .partition(|a| is_bucket_action(a));
        Actions {
            object: object.into_iter().map(String::from).collect(),
            bucket: bucket.into_iter().map(String::from).collect(),
        }
    }

    pub fn read() -> Self {
        Actions::of_level(AccessLevel::Read)
    }

    /// What a DataZone subscription asking for READ and WRITE gets (WRITE includes delete).
    pub fn read_write() -> Self {
        Actions::of_level(AccessLevel::ReadWriteDelete)
    }

    /// Write only: PutObject/DeleteObject/AbortMultipartUpload on the prefix (no listing).
    pub fn write() -> Self {
        Actions {
            object: vec![
                "s3:PutObject".into(),
                "s3:DeleteObject".into(),
                "s3:AbortMultipartUpload".into(),
            ],
            bucket: vec![],
        }
    }

    /// The actions of the S3 permissions a DataZone subscription asked for (`READ`, `WRITE`,
    /// as `assetPermissions` carries them); `None` when it asked for none.
    pub fn of_s3_permissions(permissions: &[String]) -> Result<Option<Self>, String> {
        let (mut read, mut write) = (false, false);
        for p in permissions {
            match p.as_str() {
                "READ" => read = true,
                "WRITE" => write = true,
                other => {
                    return Err(format!(
                        "requested S3 permission '{other}' is not READ or WRITE"
                    ))
                }
            }
        }
        Ok(match (read, write) {
            (false, false) => None,
            (true, false) => Some(Actions::read()),
            (false, true) => Some(Actions::write()),
            (true, true) => Some(Actions::read_write()),
        })
    }

    /// Chosen actions: each `s3:Name` (no wildcards, so a grant stays what it says).
    pub fn custom(actions: &[String]) -> Result<Self, String> {
        let mut a = Actions {
            object: vec![],
            bucket: vec![],
        };
        for x in actions {
            let ok = x
                .strip_prefix("s3:")
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()));
            if !ok {
                return Err(format!(
                    "invalid action '{x}': expected s3:Name (e.g. s3:GetObject), no wildcards"
                ));
            }
            let list = if is_bucket_action(x) {
                &mut a.bucket
            } else {
                &mut a.object
            };
            if !list.contains(x) {
                list.push(x.clone());
            }
        }
        if a.object.is_empty() && a.bucket.is_empty() {
            return Err("no action given".into());
        }
        Ok(a)
    }
}

/// What the statements point at: the bucket, or an access point.
#[derive(Debug, Clone)]
pub enum Resource {
    Bucket { partition: String, bucket: String },
    AccessPoint { arn: String },
}

impl Resource {
    fn objects(&self, prefix: &str) -> String {
        match self {
            Resource::Bucket { partition, bucket } => {
                format!("arn:{partition}:s3:::{bucket}/{prefix}*")
            }
            Resource::AccessPoint { arn } => format!("{arn}/object/{prefix}*"),
        }
    }

    fn container(&self) -> String {
        match self {
            Resource::Bucket { partition, bucket } => format!("arn:{partition}:s3:::{bucket}"),
            Resource::AccessPoint { arn } => arn.clone(),
        }
    }
}

fn one_or_many(v: &[String]) -> Value {
    if v.len() == 1 {
        json!(v[0])
    } else {
        json!(v)
    }
}

/// The statements of one subscription's grant: object actions on `PREFIX*`, list actions on the
/// bucket (or access point) limited by `s3:prefix` (not limited for a whole-bucket asset).
pub fn grant_statements(
    request_id: &str,
    target: &Resource,
    prefix: &str,
    principals: &[String],
    actions: &Actions,
) -> Vec<Value> {
    let principal = json!({ "AWS": one_or_many(principals) });
    let mut out = Vec::new();
    if !actions.object.is_empty() {
        out.push(json!({
            "Sid": object_sid(request_id),
            "Effect": "Allow",
            "Principal": principal,
            "Action": one_or_many(&actions.object),
            "Resource": target.objects(prefix),
        }));
    }
    if !actions.bucket.is_empty() {
        let mut st = json!({
            "Sid": list_sid(request_id),
            "Effect": "Allow",
            "Principal": principal,
            "Action": one_or_many(&actions.bucket),
            "Resource": target.container(),
        });
        if !prefix.is_empty() {
            st["Condition"] = json!({ "StringLike": { "s3:prefix": format!("{prefix}*") } });
        }
        out.push(st);
    }
    out
}

/// Put the subscription's statements in place (replacing its earlier ones). True if changed.
pub fn grant(doc: &mut PolicyDocument, request_id: &str, statements: Vec<Value>) -> bool {
    let keep: Vec<String> = statements
        .iter()
        .filter_map(|s| s.get("Sid").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let mut changed = false;
    for sid in [object_sid(request_id), list_sid(request_id)] {
        if !keep.contains(&sid) {
            changed |= doc.remove(&sid);
        }
    }
    for st in statements {
        changed |= doc.upsert(st);
    }
    changed
}

/// Remove the subscription's statements. True if changed.
pub fn revoke(doc: &mut PolicyDocument, request_id: &str) -> bool {
    let a = doc.remove(&object_sid(request_id));
    let b = doc.remove(&list_sid(request_id));
    a || b
}

/// The key of the statements of one subscription grant that names its subscription target (the
/// `Subscription Grant Requested` family): the request and the target, so that the grants of one
/// subscription to two environments of a project are written, and revoked, each on its own. The
/// older family (no target) is keyed by the request id alone.
pub fn grant_key(request_id: &str, target_id: &str) -> String {
    format!("{request_id}-{target_id}")
}

/// Take `principals` out of the statements keyed by `request_id` (a grant written for every
/// target of a project at once, before grants were keyed by their target); a statement left
/// with no principal is removed. True if changed.
pub fn revoke_principals(
    doc: &mut PolicyDocument,
    request_id: &str,
    principals: &[String],
) -> bool {
    let mut changed = false;
    for sid in [object_sid(request_id), list_sid(request_id)] {
        let Some(st) = doc.statement(&sid).cloned() else {
            continue;
        };
        let had = crate::document::aws_principals(&st);
        let left: Vec<String> = had
            .iter()
            .filter(|p| !principals.contains(p))
            .cloned()
            .collect();
        if left.len() == had.len() {
            continue;
        }
        changed = true;
        if left.is_empty() {
            doc.remove(&sid);
        } else {
            let mut st = st;
            st["Principal"] = json!({ "AWS": one_or_many(&left) });
            doc.upsert(st);
        }
    }
    changed
}

/// True when the document holds a statement of this subscription.
pub fn is_granted(doc: &PolicyDocument, request_id: &str) -> bool {
    doc.statement(&object_sid(request_id)).is_some()
        || doc.statement(&list_sid(request_id)).is_some()
}

/// The Sid stems (`LakegateSub<ID>`) of the subscription statements in a document.
pub fn granted_stems(doc: &PolicyDocument) -> Vec<String> {
    let mut out: Vec<String> = doc
        .sids()
        .into_iter()
        .filter(|s| s.starts_with(SUB_SID_PREFIX))
        .filter_map(|s| {
            s.strip_suffix("Obj")
                .or_else(|| s.strip_suffix("List"))
                .map(str::to_owned)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The access point of a subscribing project on a bucket: `dz-<project>-<8 hex>`, within the
/// access point naming rules (3–50 characters, lowercase letters, digits, hyphens). The hash
/// (of the project id and the bucket) keeps names apart when lowercasing or the 30-character cut
/// would make two projects alike, and gives each bucket its own (an access point serves one bucket).
pub fn access_point_name(project_id: &str, bucket: &str) -> String {
    let mut stem: String = project_id
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            '-' | '_' => Some('-'),
            _ => None,
        })
        .take(30)
        .collect();
    while stem.ends_with('-') {
        stem.pop();
    }
    let hash = fnv1a(&format!("{project_id}/{bucket}")) & 0xffff_ffff;
    if stem.is_empty() {
        format!("dz-{hash:08x}")
    } else {
        format!("dz-{stem}-{hash:08x}")
    }
}

/// The hint for a MalformedPolicy answer to a grant: which principals it named.
pub fn malformed_policy_hint(principals: &[String]) -> String {
    format!(
        "the old policy is still in place; the grant named {} — one that does not exist (or was deleted and re-created) is the usual cause: fix the subscription target's authorizedPrincipals",
        principals.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLE: &str = "arn:aws:iam::123456789012:role/instance-role";

    #[test]
    fn s3_arns_whole_bucket_prefix_and_no_slash() {
        assert_eq!(
            parse_s3_arn("arn:aws:s3:::genomes").unwrap(),
            S3Location {
                bucket: "genomes".into(),
                prefix: String::new()
            }
        );
        assert_eq!(parse_s3_arn("arn:aws:s3:::genomes/").unwrap().prefix, "");
        assert_eq!(
            parse_s3_arn("arn:aws:s3:::genomes/seq/run1/")
                .unwrap()
                .prefix,
            "seq/run1/"
        );
        assert_eq!(
            parse_s3_arn("arn:aws:s3:::genomes/seq").unwrap().prefix,
            "seq/"
        );
        assert!(parse_s3_arn("arn:aws:s3:us-east-1:123456789012:accesspoint/x").is_err());
        assert!(parse_s3_arn("arn:aws:iam::123456789012:role/x").is_err());
        assert!(parse_s3_arn("genomes").is_err());
        assert!(parse_s3_arn("arn:aws:s3:::Bad_Bucket").is_err());
        assert!(parse_s3_arn("arn:aws:s3:::genomes/a*").is_err());
    }

    #[test]
    fn forms_give_the_bucket_arn() {
        let f = r#"{"S3ObjectCollectionForm":{"bucketArn":"arn:aws:s3:::b/p/"}}"#;
        assert_eq!(bucket_arn_from_forms(f).unwrap(), "arn:aws:s3:::b/p/");
        assert!(bucket_arn_from_forms("{}")
            .unwrap_err()
            .contains("S3ObjectCollectionForm.bucketArn"));
        assert!(bucket_arn_from_forms("not json").is_err());
    }

    #[test]
    fn read_grant_is_least_privilege() {
        let r = Resource::Bucket {
            partition: "aws".into(),
            bucket: "genomes".into(),
        };
        let st = grant_statements("req-1_a", &r, "seq/", &[ROLE.into()], &Actions::read());
        assert_eq!(st.len(), 2);
        assert_eq!(st[0]["Sid"], "LakegateSubreq1aObj");
        assert_eq!(
            st[0]["Action"],
            serde_json::json!(["s3:GetObject", "s3:GetObjectVersion"])
        );
        assert_eq!(st[0]["Resource"], "arn:aws:s3:::genomes/seq/*");
        assert_eq!(st[1]["Action"], "s3:ListBucket");
        assert_eq!(st[1]["Resource"], "arn:aws:s3:::genomes");
        assert_eq!(st[1]["Condition"]["StringLike"]["s3:prefix"], "seq/*");
        assert!(!serde_json::to_string(&st).unwrap().contains("s3:*"));
        // A whole-bucket asset lists without a prefix condition.
        let whole = grant_statements("r", &r, "", &[ROLE.into()], &Actions::read());
        assert_eq!(whole[0]["Resource"], "arn:aws:s3:::genomes/*");
        assert!(whole[1].get("Condition").is_none());
    }

    #[test]
    fn access_point_statements_point_at_the_access_point() {
        let arn = "arn:aws:s3:us-east-1:123456789012:accesspoint/dz-p-1";
        let r = Resource::AccessPoint { arn: arn.into() };
        let st = grant_statements("r", &r, "seq/", &[ROLE.into()], &Actions::read_write());
        assert_eq!(st[0]["Resource"], format!("{arn}/object/seq/*"));
        assert_eq!(st[1]["Resource"], arn);
    }

    #[test]
    fn custom_actions_are_split_and_checked() {
        let a = Actions::custom(&["s3:GetObject".into(), "s3:ListBucket".into()]).unwrap();
        assert_eq!(a.object, ["s3:GetObject"]);
        assert_eq!(a.bucket, ["s3:ListBucket"]);
        assert!(Actions::custom(&["s3:*".into()]).is_err());
        assert!(Actions::custom(&["GetObject".into()]).is_err());
        let only_obj = Actions::custom(&["s3:GetObject".into()]).unwrap();
        let r = Resource::Bucket {
            partition: "aws".into(),
            bucket: "b".into(),
        };
        assert_eq!(
            grant_statements("r", &r, "p/", &[ROLE.into()], &only_obj).len(),
            1
        );
    }

    #[test]
    fn grants_keyed_by_target_are_revoked_alone_and_a_request_wide_grant_loses_one_target() {
        let mut d = PolicyDocument::new();
        let target = Resource::Bucket {
            partition: "aws".into(),
            bucket: "b".into(),
        };
        let (a, b) = (
            "arn:aws:iam::123456789012:role/Notebook".to_string(),
            "arn:aws:iam::123456789012:role/Batch".to_string(),
        );
        let (ka, kb) = (grant_key("req1", "tgtA"), grant_key("req1", "tgtB"));
        let r = Actions::read();
        grant(
            &mut d,
            &ka,
            grant_statements(&ka, &target, "p/", std::slice::from_ref(&a), &r),
        );
        grant(
            &mut d,
            &kb,
            grant_statements(&kb, &target, "p/", std::slice::from_ref(&b), &r),
        );
        assert!(revoke(&mut d, &ka));
        assert!(!is_granted(&d, &ka));
        assert!(is_granted(&d, &kb));

        // A grant of both targets' principals under the request id alone (as written before).
        let mut old = PolicyDocument::new();
        grant(
            &mut old,
            "req1",
            grant_statements("req1", &target, "p/", &[a.clone(), b.clone()], &r),
        );
        assert!(revoke_principals(
            &mut old,
            "req1",
            std::slice::from_ref(&a)
        ));
        let st = old.statement(&object_sid("req1")).unwrap();
        assert_eq!(st["Principal"], json!({"AWS": b}));
        assert!(revoke_principals(
            &mut old,
            "req1",
            std::slice::from_ref(&b)
        ));
        assert!(old.is_empty());
    }

    #[test]
    fn grant_is_idempotent_and_revoke_restores_the_original() {
        let original = PolicyDocument::parse(
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"Theirs","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}]}"#,
        )
        .unwrap();
        let r = Resource::Bucket {
            partition: "aws".into(),
            bucket: "b".into(),
        };
        let mut d = original.clone();
        let st = grant_statements("r1", &r, "p/", &[ROLE.into()], &Actions::read());
        assert!(grant(&mut d, "r1", st.clone()));
        assert!(!grant(&mut d, "r1", st));
        assert!(is_granted(&d, "r1"));
        assert_eq!(granted_stems(&d), ["LakegateSubr1"]);
        // A changed grant (only object actions now) drops the list statement.
        let only = grant_statements(
            "r1",
            &r,
            "p/",
            &[ROLE.into()],
            &Actions::custom(&["s3:GetObject".into()]).unwrap(),
        );
        assert!(grant(&mut d, "r1", only));
        assert!(d.statement(&list_sid("r1")).is_none());
        assert!(revoke(&mut d, "r1"));
        assert!(!revoke(&mut d, "r1"));
        assert_eq!(d, original);
    }

    #[test]
    fn requested_s3_permissions_decide_the_actions() {
        let p = |v: &[&str]| {
            Actions::of_s3_permissions(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(p(&[]).unwrap(), None);
        assert_eq!(p(&["READ"]).unwrap(), Some(Actions::read()));
        assert_eq!(p(&["WRITE", "READ"]).unwrap(), Some(Actions::read_write()));
        let w = p(&["WRITE"]).unwrap().unwrap();
        assert!(w.bucket.is_empty() && w.object.contains(&"s3:PutObject".to_string()));
        assert!(p(&["ADMIN"]).unwrap_err().contains("ADMIN"));
    }

    #[test]
    fn access_point_names_follow_the_rules() {
        for (project, bucket) in [
            ("5x8y2z9abc", "genomes"),
            ("Proj_With_Upper", "b"),
            ("a", "b"),
            ("____", "b"),
            ("abcdefghijklmnopqrstuvwxyz0123456789", "bucket-name"),
        ] {
            let n = access_point_name(project, bucket);
            arn::validate_access_point_name(&n).unwrap_or_else(|e| panic!("{n}: {e}"));
        }
        assert_ne!(access_point_name("p", "b1"), access_point_name("p", "b2"));
        assert_ne!(access_point_name("Ab", "b"), access_point_name("ab", "b"));
        assert!(access_point_name("5x8y2z9abc", "genomes").starts_with("dz-5x8y2z9abc-"));
    }

    #[test]
    fn malformed_policy_hint_names_the_principals() {
        let h = malformed_policy_hint(&[ROLE.into()]);
        assert!(h.contains(ROLE) && h.contains("old policy is still in place"));
    }

    #[test]
    fn access_levels_mean_the_same_as_for_access_points() {
        use crate::access::AccessLevel as L;
        let rw = Actions::of_level(L::ReadWrite);
        assert_eq!(
            rw.object,
            [
                "s3:GetObject",
                "s3:GetObjectVersion",
                "s3:PutObject",
                "s3:AbortMultipartUpload"
            ]
        );
        assert_eq!(rw.bucket, ["s3:ListBucket"]);
        assert!(!rw.object.iter().any(|a| a == "s3:DeleteObject"));
        let rwd = Actions::of_level(L::ReadWriteDelete);
        assert!(rwd.object.iter().any(|a| a == "s3:DeleteObject"));
        assert_eq!(Actions::of_level(L::Write).bucket, Vec::<String>::new());
        // The access point statements of each level hold exactly these actions.
        for l in [L::Read, L::Write, L::ReadWrite, L::ReadWriteDelete] {
            let a = Actions::of_level(l);
            let mut ours: Vec<&str> = a
                .object
                .iter()
                .chain(&a.bucket)
                .map(String::as_str)
                .collect();
            let mut theirs: Vec<&str> = l
                .parts()
                .iter()
                .flat_map(|p| p.actions().iter().copied())
                .collect();
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{l:?}");
        }
    }

    #[test]
    fn a_grant_with_the_old_action_list_is_revoked() {
        // `--access read-write` of older versions: DeleteObject, no GetObjectVersion.
        let mut d = PolicyDocument::parse(
            r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"Theirs","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"},
            {"Sid":"LakegateSubr1Obj","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/R"},"Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload"],"Resource":"arn:aws:s3:::b/p/*"},
            {"Sid":"LakegateSubr1List","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/R"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringLike":{"s3:prefix":"p/*"}}}]}"#,
        )
        .unwrap();
        assert!(is_granted(&d, "r1"));
        assert!(revoke(&mut d, "r1"));
        assert!(!is_granted(&d, "r1"));
        assert_eq!(d.statements().len(), 1);
    }
}
