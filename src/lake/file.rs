//! The lake file: its shape, and reading it with errors that name the file, line and field.
//!
//! ```yaml
//! apiVersion: lakegate/v1
//! kind: Lake
//! groups:
//!   consumers: [arn:aws:iam::123456789012:role/Ec2ConsumerRole]
//! buckets:
//!   - name: store-events
//!     delegate: true
//!     grants: [{principals: [consumers], prefix: reports/, access: read}]
//!     accessPoints:
//!       - name: ec2-consumer
//!         vpcId: vpc-0abc123
//!         blockPublicAccess: all
//!         grants: [{principals: [consumers], prefix: sales_event/, access: read-write}]
//! ```
//!
//! A file holds one or more such documents (`---`); groups defined in any document can be named
//! in every other. Every value validates itself while it is read, so a bad one is reported at its
//! own line (`lake.yaml:14: buckets[0].accessPoints[2].name: …`), before any AWS call.

use crate::aws::access_grants::GrantPermission;
use crate::aws::s3control::BlockPublicAccess;
use crate::error::{input_error, Result};
use crate::policy::{arn, AccessLevel};
use crate::values::{DirectoryId, GranteeArn, IamRoleArn, IdentityCenterArn, LocationScope, S3Url};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

pub const API_VERSION: &str = "lakegate/v1";
pub const KIND: &str = "Lake";

/// One document of a lake file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Document {
    #[allow(dead_code)]
    pub api_version: ApiVersion,
    #[allow(dead_code)]
    pub kind: DocKind,
    /// Named lists of principals, usable in any grant of the file.
    #[serde(default)]
    pub groups: BTreeMap<GroupName, Vec<Principal>>,
    #[serde(default)]
    pub buckets: Vec<Bucket>,
    /// Statements about every principal and key that `diff -f` and `apply -f` prove against the
    /// planned state, refusing a plan that breaks one.
    #[serde(default)]
    pub guardrails: Vec<RawGuardrail>,
    /// The account's S3 Access Grants instance, locations and grants (`super::access_grants`).
    #[serde(default)]
    pub access_grants: Option<AccessGrantsDecl>,
}

/// A guardrail, as `lakegate access prove` takes it in flags: `never: external-write` (with an
/// optional `prefix`), or `only: [PRINCIPAL…]` with `prefix` and `access`.
#[derive(Debug, Clone)]
pub struct GuardrailDecl {
    pub rule: Rule,
    /// The keys it is about (None: the whole bucket).
    pub prefix: Option<Prefix>,
    /// The buckets it is about (empty: every bucket of the file).
    pub buckets: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Rule {
    Never(NeverKind),
    Only {
        principals: Principals,
        access: OnlyAccess,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NeverKind {
    ExternalRead,
    ExternalWrite,
    PublicRead,
    PublicWrite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OnlyAccess {
    Read,
    Write,
    Delete,
    List,
}

/// A guardrail as written; checked into a [`GuardrailDecl`] once the document is read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawGuardrail {
    #[serde(default)]
    never: Option<NeverKind>,
    #[serde(default)]
    only: Option<Principals>,
    #[serde(default)]
    prefix: Option<Prefix>,
    #[serde(default)]
    access: Option<OnlyAccess>,
    #[serde(default)]
    buckets: Vec<String>,
}

impl TryFrom<RawGuardrail> for GuardrailDecl {
    type Error = String;
    fn try_from(r: RawGuardrail) -> std::result::Result<Self, String> {
        let rule = match (r.never, r.only) {
            (Some(_), Some(_)) => {
                return Err("a guardrail is either `never` or `only`, not both".into())
            }
            (None, None) => {
                return Err(
                    "a guardrail needs `never` (external-read, external-write, public-read, public-write) or `only` (principals)"
                        .into(),
                )
            }
            (Some(n), None) => {
                if r.access.is_some() {
                    return Err("`access` goes with `only`; `never` names its access".into());
                }
                Rule::Never(n)
            }
            (None, Some(principals)) => {
                if r.prefix.is_none() {
                    return Err("`only` needs `prefix` (the keys only these principals may reach)".into());
                }
                Rule::Only {
                    principals,
                    access: r.access.unwrap_or(OnlyAccess::Read),
                }
            }
        };
        for b in &r.buckets {
            arn::validate_bucket_name(b).map_err(|e| format!("buckets: '{b}': {e}"))?;
        }
        if let (Rule::Only { .. }, Some(p)) = (&rule, &r.prefix) {
            if p.0.is_empty() {
                return Err("prefix: `only` needs a non-empty prefix".into());
            }
        }
        Ok(GuardrailDecl {
            rule,
            prefix: r.prefix,
            buckets: r.buckets,
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Bucket {
    pub name: BucketName,
    /// Whether the bucket delegates access control to the account's access points.
    #[serde(default)]
    pub delegate: bool,
    /// Grants made directly in the bucket policy.
    #[serde(default)]
    pub grants: Vec<Grant>,
    #[serde(default)]
    pub access_points: Vec<AccessPointDecl>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AccessPointDecl {
    pub name: AccessPointName,
    /// Network origin VPC (absent: Internet).
    #[serde(default)]
    pub vpc_id: Option<VpcId>,
    /// `all` (default), `none`, or a comma-separated list of block-public-acls,
    /// ignore-public-acls, block-public-policy, restrict-public-buckets. Set at creation.
    #[serde(default)]
    pub block_public_access: Option<Bpa>,
    #[serde(default)]
    pub grants: Vec<Grant>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Grant {
    pub principals: Principals,
    pub prefix: Prefix,
    pub access: AccessLevel,
}

// The `accessGrants` section: the account's S3 Access Grants instance, locations and grants.

/// A value of the section that checks itself while the file is read (its parser's message,
/// located at its line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T>(pub T);

impl<'de, T: std::str::FromStr<Err = String>> Deserialize<'de> for Parsed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        checked(d, "a string", |s| s.parse::<T>().map(Parsed))
    }
}

/// The `accessGrants` section (planned and exported by `super::access_grants`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AccessGrantsDecl {
    /// The IAM Identity Center instance the instance is associated with (absent: kept as is).
    #[serde(default)]
    pub identity_center: Option<Parsed<IdentityCenterArn>>,
    #[serde(default)]
    pub locations: Vec<LocationDecl>,
    #[serde(default)]
    pub grants: Vec<GrantDecl>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LocationDecl {
    pub scope: Parsed<LocationScope>,
    pub role: Parsed<IamRoleArn>,
}

/// What a grant allows, as `accessgrant create --access` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    Read,
    Write,
    ReadWrite,
}

impl Access {
    pub fn permission(self) -> GrantPermission {
        match self {
            Access::Read => GrantPermission::Read,
            Access::Write => GrantPermission::Write,
            Access::ReadWrite => GrantPermission::Readwrite,
        }
    }

    pub fn of(p: GrantPermission) -> &'static str {
        match p {
            GrantPermission::Read => "read",
            GrantPermission::Write => "write",
            GrantPermission::Readwrite => "read-write",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GrantDecl {
    /// IAM roles or users (ARNs, or groups of the file).
    #[serde(default)]
    pub principals: Option<Principals>,
    #[serde(default)]
    pub directory_users: Vec<Parsed<DirectoryId>>,
    #[serde(default)]
    pub directory_groups: Vec<Parsed<DirectoryId>>,
    /// `s3://BUCKET/PREFIX/`: every key below it (`s3://BUCKET/PREFIX*` as written).
    pub prefix: Parsed<S3Url>,
    pub access: Access,
    /// Only through this IAM Identity Center application.
    #[serde(default)]
    pub application: Option<String>,
}

/// Read a string (or a number: an unquoted account id) and check it inside the scalar's own
/// deserialisation, so that the error carries the scalar's line and field path.
pub(crate) fn checked<'de, D, T>(
    d: D,
    what: &'static str,
    f: impl FnOnce(String) -> std::result::Result<T, String>,
) -> std::result::Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct V<F>(F, &'static str);
    impl<'de, T, F: FnOnce(String) -> std::result::Result<T, String>> serde::de::Visitor<'de> for V<F> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.1)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<T, E> {
            (self.0)(v.to_string()).map_err(E::custom)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<T, E> {
            (self.0)(v.to_string()).map_err(E::custom)
        }
    }
    d.deserialize_str(V(f, what))
}

/// A newtype over a string that checks itself while the file is read.
macro_rules! checked {
    ($name:ident, $check:expr) => {
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
        pub struct $name(pub String);

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> std::result::Result<Self, String> {
                let check: fn(String) -> std::result::Result<String, String> = $check;
                check(s).map($name)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                checked(d, "a string", $name::try_from)
            }
        }
    };
}

checked!(ApiVersion, |s| if s == API_VERSION {
    Ok(s)
} else {
    Err(format!(
        "unsupported apiVersion '{s}': expected {API_VERSION}"
    ))
});
checked!(DocKind, |s| if s == KIND {
    Ok(s)
} else {
    Err(format!("unknown kind '{s}': expected {KIND}"))
});
checked!(BucketName, |s| {
    arn::validate_bucket_name(&s).map_err(|e| e.to_string())?;
    seen(|n| &mut n.buckets, &s, "bucket")?;
    Ok(s)
});
checked!(AccessPointName, |s| {
    arn::validate_access_point_name(&s).map_err(|e| format!("'{s}': {e}"))?;
    // Access point names are unique per account and region.
    seen(|n| &mut n.access_points, &s, "access point")?;
    Ok(s)
});
checked!(VpcId, |s| {
    let ok = s
        .strip_prefix("vpc-")
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()));
    if ok {
        Ok(s)
    } else {
        Err(format!(
            "invalid VPC id '{s}': expected vpc- followed by hex digits"
        ))
    }
});
checked!(Prefix, |s| arn::normalize_prefix(&s)
    .map_err(|e| e.to_string()));
checked!(GroupName, |s| {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !looks_like_arn(&s);
    if !ok {
        return Err(format!(
            "invalid group name '{s}': expected 1–64 letters, digits, '-' or '_' (not an account id)"
        ));
    }
    Ok(s)
});

fn looks_like_arn(s: &str) -> bool {
    s.starts_with("arn:") || (s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// A principal: an IAM ARN (or 12-digit account id), or the name of a group of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Arn(String),
    Group(String),
}

impl<'de> Deserialize<'de> for Principal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        checked(d, "a principal ARN or group name", Principal::try_from)
    }
}

impl TryFrom<String> for Principal {
    type Error = String;
    fn try_from(s: String) -> std::result::Result<Self, String> {
        if looks_like_arn(&s) || s.contains(':') || s == "*" {
            arn::normalize_principal(&s, "aws").map_err(|e| e.to_string())?;
            return Ok(Principal::Arn(s));
        }
        let known = NAMES.with(|n| n.borrow().groups.contains(&s));
        if known {
            Ok(Principal::Group(s))
        } else {
            let groups = NAMES.with(|n| {
                let g = &n.borrow().groups;
                if g.is_empty() {
                    "the file defines no groups".to_string()
                } else {
                    format!(
                        "groups: {}",
                        g.iter().cloned().collect::<Vec<_>>().join(", ")
                    )
                }
            });
            Err(format!(
                "'{s}' is neither a principal ARN nor a group of this file ({groups})"
            ))
        }
    }
}

/// A grant's principals: at least one.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "Vec<Principal>")]
pub struct Principals(pub Vec<Principal>);

impl TryFrom<Vec<Principal>> for Principals {
    type Error = String;
    fn try_from(v: Vec<Principal>) -> std::result::Result<Self, String> {
        if v.is_empty() {
            Err("at least one principal is required".into())
        } else {
            Ok(Principals(v))
        }
    }
}

/// Block public access settings, written as the `--block-public-access` flag takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bpa(pub BlockPublicAccess);

impl<'de> Deserialize<'de> for Bpa {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        checked(d, "block public access settings", Bpa::try_from)
    }
}

impl TryFrom<String> for Bpa {
    type Error = String;
    fn try_from(s: String) -> std::result::Result<Self, String> {
        s.parse::<BlockPublicAccess>().map(Bpa)
    }
}

/// Names seen so far while reading a file (for duplicates and group references).
#[derive(Default)]
struct Names {
    groups: BTreeSet<String>,
    buckets: BTreeSet<String>,
    access_points: BTreeSet<String>,
}

thread_local! {
    static NAMES: RefCell<Names> = RefCell::new(Names::default());
}

fn seen(
    set: impl Fn(&mut Names) -> &mut BTreeSet<String>,
    name: &str,
    what: &str,
) -> std::result::Result<(), String> {
    NAMES.with(|n| {
        if set(&mut n.borrow_mut()).insert(name.to_string()) {
            Ok(())
        } else {
            Err(format!("{what} '{name}' is declared twice in the file"))
        }
    })
}

/// A whole lake file, groups resolved.
#[derive(Debug, Clone, Default)]
pub struct Lake {
    pub groups: BTreeMap<String, Vec<String>>,
    pub buckets: Vec<Bucket>,
    pub guardrails: Vec<GuardrailDecl>,
    /// The `accessGrants` section (one in the whole file).
    pub access_grants: Option<AccessGrantsDecl>,
}

impl Lake {
    /// The ARNs a grant names (groups expanded), canonical for `partition`, no duplicates.
    pub fn principals(&self, p: &Principals, partition: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |a: &str| {
            if let Ok(a) = arn::normalize_principal(a, partition) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        };
        for x in &p.0 {
            match x {
                Principal::Arn(a) => add(a),
                Principal::Group(g) => {
                    for a in self.groups.get(g).into_iter().flatten() {
                        add(a);
                    }
                }
            }
        }
        out
    }
}

/// Check what reading alone cannot: a grant names a grantee, IAM grantees are role or user
/// ARNs (groups expanded), locations are declared once. Errors name the field (exit 2).
fn check_access_grants(file: &str, lake: &Lake) -> Result<()> {
    let Some(ag) = &lake.access_grants else {
        return Ok(());
    };
    let mut scopes = std::collections::BTreeSet::new();
    for (i, l) in ag.locations.iter().enumerate() {
        if !scopes.insert(l.scope.0.to_string()) {
            return Err(input_error(format!(
                "{file}: accessGrants.locations[{i}].scope: '{}' is declared twice",
                l.scope.0
            )));
        }
    }
    for (i, g) in ag.grants.iter().enumerate() {
        let at = format!("{file}: accessGrants.grants[{i}]");
        let iam = g
            .principals
            .as_ref()
            .map(|p| lake.principals(p, "aws"))
            .unwrap_or_default();
        if iam.is_empty() && g.directory_users.is_empty() && g.directory_groups.is_empty() {
            return Err(input_error(format!(
                "{at}: a grant needs principals, directoryUsers or directoryGroups"
            )));
        }
        for a in &iam {
            a.parse::<GranteeArn>()
                .map_err(|e| input_error(format!("{at}.principals: {e}")))?;
        }
        if let Some(app) = &g.application {
            if !app.starts_with("arn:") {
                return Err(input_error(format!(
                    "{at}.application: '{app}' is not an application ARN"
                )));
            }
        }
    }
    Ok(())
}

/// One line: `FILE:LINE: FIELD: what is wrong`.
fn located(file: &str, e: &serde_yaml_ng::Error) -> crate::error::CliError {
    let text = e.to_string();
    // serde_yaml_ng ends its messages with " at line L column C"; the line leads ours.
    let msg = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text.clone(),
    };
    let msg = msg.replace('\n', " ");
    match e.location() {
        Some(l) => input_error(format!("{file}:{}: {msg}", l.line())),
        None => input_error(format!("{file}: {msg}")),
    }
}

/// Read a lake file's text (`file` names it in errors).
pub fn parse(file: &str, text: &str) -> Result<Lake> {
    NAMES.with(|n| *n.borrow_mut() = Names::default());
    let result = parse_inner(file, text);
    NAMES.with(|n| *n.borrow_mut() = Names::default());
    result
}

fn parse_inner(file: &str, text: &str) -> Result<Lake> {
    // First pass: the group names of every document, so that a grant can name a group defined
    // further down (errors here are reported, located, by the second pass).
    let mut names = BTreeSet::new();
    for de in serde_yaml_ng::Deserializer::from_str(text) {
        // After a syntax error the documents do not end: stop at the first one.
        let Ok(v) = serde_yaml_ng::Value::deserialize(de) else {
            break;
        };
        if let Some(serde_yaml_ng::Value::Mapping(g)) = v.get("groups") {
            names.extend(g.keys().filter_map(|k| k.as_str().map(str::to_owned)));
        }
    }
    NAMES.with(|n| n.borrow_mut().groups = names);

    let mut lake = Lake::default();
    let mut guardrails = Vec::new();
    let mut count = 0;
    for de in serde_yaml_ng::Deserializer::from_str(text) {
        let doc = Document::deserialize(de).map_err(|e| located(file, &e))?;
        count += 1;
        for (name, members) in doc.groups {
            if lake.groups.contains_key(&name.0) {
                return Err(input_error(format!(
                    "{file}: groups.{}: group defined twice in the file",
                    name.0
                )));
            }
            let mut arns = Vec::new();
            for m in members {
                match m {
                    Principal::Arn(a) => arns.push(a),
                    Principal::Group(g) => {
                        return Err(input_error(format!(
                        "{file}: groups.{}: '{g}': a group lists principal ARNs, not other groups",
                        name.0
                    )))
                    }
                }
            }
            lake.groups.insert(name.0, arns);
        }
        lake.buckets.extend(doc.buckets);
        if let Some(ag) = doc.access_grants {
            if lake.access_grants.is_some() {
                return Err(input_error(format!(
                    "{file}: accessGrants: declared twice in the file (one instance per account and region)"
                )));
            }
            lake.access_grants = Some(ag);
        }
        let doc_label = if count > 1 {
            format!(" (document {count})")
        } else {
            String::new()
        };
        for (i, g) in doc.guardrails.into_iter().enumerate() {
            let g = GuardrailDecl::try_from(g)
                .map_err(|e| input_error(format!("{file}{doc_label}: guardrails[{i}]: {e}")))?;
            guardrails.push((format!("{file}{doc_label}: guardrails[{i}]"), g));
        }
    }
    for (at, g) in guardrails {
        for b in &g.buckets {
            if !lake.buckets.iter().any(|x| &x.name.0 == b) {
                return Err(input_error(format!(
                    "{at}.buckets: '{b}' is not a bucket of the file"
                )));
            }
        }
        lake.guardrails.push(g);
    }
    check_access_grants(file, &lake)?;
    if count == 0 {
        return Err(input_error(format!(
            "{file}: no document: expected apiVersion: {API_VERSION}, kind: {KIND}"
        )));
    }
    Ok(lake)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
apiVersion: lakegate/v1
kind: Lake
buckets:
  - name: store-events
    delegate: true
    grants:
      - principals: [consumers]
        prefix: reports
        access: read
    accessPoints:
      - name: ec2-consumer
        vpcId: vpc-0abc
        blockPublicAccess: block-public-policy,restrict-public-buckets
        grants:
          - principals: [arn:aws:iam::123456789012:role/Ec2ConsumerRole, '123456789012']
            prefix: sales_event/
            access: read-write
---
apiVersion: lakegate/v1
kind: Lake
groups:
  consumers:
    - arn:aws:iam::123456789012:role/LambdaConsumerRole
";

    #[test]
    fn reads_every_feature() {
        let lake = parse("lake.yaml", GOOD).unwrap();
        assert_eq!(lake.buckets.len(), 1);
        let b = &lake.buckets[0];
        assert!(b.delegate);
        assert_eq!(b.grants[0].prefix.0, "reports/");
        assert_eq!(
            lake.principals(&b.grants[0].principals, "aws"),
            vec!["arn:aws:iam::123456789012:role/LambdaConsumerRole".to_string()]
        );
        let ap = &b.access_points[0];
        assert_eq!(
            lake.principals(&ap.grants[0].principals, "aws")[1],
            "arn:aws:iam::123456789012:root"
        );
        assert!(ap.block_public_access.unwrap().0.block_public_policy);
    }

    fn err(text: &str) -> String {
        parse("lake.yaml", text).unwrap_err().message
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let bad = GOOD.replace("name: ec2-consumer", "name: Bad_Name");
        let e = err(&bad);
        assert!(
            e.starts_with("lake.yaml:11: buckets[0].accessPoints[0].name: 'Bad_Name'"),
            "{e}"
        );
        let e = err(&GOOD.replace("[consumers]", "[nobody]"));
        assert!(
            e.starts_with("lake.yaml:7: buckets[0].grants[0].principals[0]: 'nobody' is neither"),
            "{e}"
        );
        let e = err(&GOOD.replace("access: read-write", "access: all"));
        assert!(
            e.starts_with(
                "lake.yaml:17: buckets[0].accessPoints[0].grants[0].access: unknown variant `all`"
            ),
            "{e}"
        );
        let e = err(&GOOD.replace("vpcId", "vpc"));
        assert!(
            e.starts_with("lake.yaml:12: buckets[0].accessPoints[0]"),
            "{e}"
        );
        assert!(e.contains("unknown field `vpc`"), "{e}");
        let e = err(&format!("{GOOD}---\n{}", GOOD.split("---").next().unwrap()));
        assert!(e.contains("bucket 'store-events' is declared twice"), "{e}");
        assert!(
            err("apiVersion: v2\nkind: Lake\n").starts_with("lake.yaml:1: apiVersion: unsupported")
        );
        assert!(err("a: [\n").starts_with("lake.yaml:"));
    }

    #[test]
    fn block_public_access_round_trips() {
        for s in ["all", "none", "block-public-acls,restrict-public-buckets"] {
            assert_eq!(s.parse::<BlockPublicAccess>().unwrap().text(), s);
        }
    }
}
