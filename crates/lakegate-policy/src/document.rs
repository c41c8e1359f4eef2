//! A policy document that round-trips: statements lakegate did not write are kept exactly,
//! key order included (serde_json with `preserve_order`), and so is their text: numbers and string
//! escapes as their author wrote them (`10.50`, `\u00e9`; see [`crate::text`]).

use serde_json::{Map, Value};
use std::fmt;

/// A policy error names the path of the bad element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub path: String,
    pub message: String,
    /// The text has a key twice in one object (which value AWS would use is not defined): the
    /// document cannot be read at all, rather than breaking a rule.
    pub duplicate_key: bool,
}

impl PolicyError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        PolicyError {
            path: path.into(),
            message: message.into(),
            duplicate_key: false,
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PolicyError {}

/// Which AWS limit a document is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    Bucket,
    AccessPoint,
    /// An IAM user's inline policy (2,048 characters, whitespace not counted).
    UserInline,
    /// An IAM role's inline policies, all together (10,240 characters, whitespace not counted).
    RoleInline,
    /// An IAM managed policy (6,144 characters, whitespace not counted).
    Managed,
}

impl PolicyKind {
    /// The limit: bytes for S3 policies (bucket policy: 20 KB; access point policy: 20 KB),
    /// non-whitespace characters for IAM policies ("IAM and AWS STS quotas").
    pub fn max_bytes(self) -> usize {
        match self {
            PolicyKind::Bucket | PolicyKind::AccessPoint => 20 * 1024,
            PolicyKind::UserInline => 2_048,
            PolicyKind::RoleInline => 10_240,
            PolicyKind::Managed => 6_144,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PolicyKind::Bucket => "bucket policy",
            PolicyKind::AccessPoint => "access point policy",
            PolicyKind::UserInline => "inline user policy",
            PolicyKind::RoleInline => "inline role policy",
            PolicyKind::Managed => "managed policy",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            PolicyKind::Bucket | PolicyKind::AccessPoint => "bytes",
            _ => "characters",
        }
    }
}

pub const VERSION: &str = "2012-10-17";

#[derive(Debug, Clone)]
pub struct PolicyDocument {
    root: Map<String, Value>,
    /// `Statement` was written as a single object: an edit that leaves one statement keeps that
    /// form, so that upsert-then-remove gives back the document as it was.
    single: bool,
    /// The text each part was parsed from, written back for every part still equal to it.
    texts: crate::text::Texts,
}

/// Documents are equal when their JSON is (key order aside).
impl PartialEq for PolicyDocument {
    fn eq(&self, other: &Self) -> bool {
        self.root == other.root
    }
}

impl PolicyDocument {
    /// An empty document with the current policy language version.
    pub fn new() -> Self {
        let mut root = Map::new();
        root.insert("Version".into(), Value::String(VERSION.into()));
        root.insert("Statement".into(), Value::Array(Vec::new()));
        PolicyDocument {
            root,
            single: false,
            texts: Default::default(),
        }
    }

    /// Parse and validate a policy's JSON text.
    pub fn parse(text: &str) -> Result<Self, PolicyError> {
        let value = crate::json::parse_strict(text).map_err(|e| match e {
            crate::json::JsonError::Syntax(e) => PolicyError::new("", format!("not valid JSON: {e}")),
            crate::json::JsonError::Duplicate { path, key } => PolicyError {
                duplicate_key: true,
                ..PolicyError::new(
                    path,
                    format!(
                        "duplicate key \"{key}\": refused, because which value AWS would use is not defined"
                    ),
                )
            },
        })?;
        let mut doc = Self::from_value(value)?;
        doc.texts = crate::text::Texts::of(text, &doc.root);
        Ok(doc)
    }

    /// Write the parts of this document that are equal to parts of `read` (the document as it was
    /// read, before an edit made through its JSON value) with `read`'s text.
    pub fn keep_text_of(&mut self, read: &PolicyDocument) {
        self.texts.adopt(&read.texts);
    }

    pub fn from_value(value: Value) -> Result<Self, PolicyError> {
        let Value::Object(root) = value else {
            return Err(PolicyError::new("", "a policy must be a JSON object"));
        };
        let single = matches!(root.get("Statement"), Some(Value::Object(_)));
        let doc = PolicyDocument {
            root,
            single,
            texts: Default::default(),
        };
        doc.validate()?;
        Ok(doc)
    }

    fn validate(&self) -> Result<(), PolicyError> {
        if let Some(v) = self.root.get("Version") {
            match v.as_str() {
                Some("2012-10-17") | Some("2008-10-17") => {}
                _ => {
                    return Err(PolicyError::new(
                        "Version",
                        "expected \"2012-10-17\" or \"2008-10-17\"",
                    ))
                }
            }
        }
        let statements = match self.root.get("Statement") {
            None => return Err(PolicyError::new("Statement", "missing")),
            Some(Value::Array(a)) => a.iter().collect::<Vec<_>>(),
            Some(o @ Value::Object(_)) => vec![o],
            Some(_) => {
                return Err(PolicyError::new(
                    "Statement",
                    "expected an object or a list of objects",
                ))
            }
        };
        for (i, st) in statements.iter().enumerate() {
            validate_statement(st, &format!("Statement[{i}]"))?;
        }
        Ok(())
    }

    /// The policy language version (`Version`), when given.
    pub fn version(&self) -> Option<&str> {
        self.root.get("Version").and_then(Value::as_str)
    }

    /// The statements, whether the document holds one object or a list.
    pub fn statements(&self) -> Vec<&Value> {
        match self.root.get("Statement") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(o @ Value::Object(_)) => vec![o],
            _ => Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.statements().is_empty()
    }

    pub fn sids(&self) -> Vec<&str> {
        self.statements()
            .iter()
            .filter_map(|s| s.get("Sid").and_then(Value::as_str))
            .collect()
    }

    pub fn statement(&self, sid: &str) -> Option<&Value> {
        self.statements()
            .into_iter()
            .find(|s| s.get("Sid").and_then(Value::as_str) == Some(sid))
    }

    fn statements_mut(&mut self) -> &mut Vec<Value> {
        let entry = self
            .root
            .entry("Statement")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Object(_) = entry {
            let single = std::mem::take(entry);
            *entry = Value::Array(vec![single]);
        }
        if !entry.is_array() {
            *entry = Value::Array(Vec::new());
        }
        match entry {
            Value::Array(a) => a,
            _ => unreachable!("Statement was just made an array"),
        }
    }

    /// Insert or replace the statement with this statement's Sid. Returns true if the document changed.
    /// The statement keeps its position when replaced; new statements go at the end.
    pub fn upsert(&mut self, statement: Value) -> bool {
        let sid = statement
            .get("Sid")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let Some(sid) = sid else {
            self.statements_mut().push(statement);
            self.restore_shape();
            return true;
        };
        if self.statement(&sid) == Some(&statement) {
            return false;
        }
        let list = self.statements_mut();
        if let Some(pos) = list
            .iter()
            .position(|s| s.get("Sid").and_then(Value::as_str) == Some(sid.as_str()))
        {
            list[pos] = statement;
        } else {
            list.push(statement);
        }
        self.restore_shape();
        true
    }

    /// Give a document written with a single statement object that form back when it again holds
    /// exactly one statement.
    fn restore_shape(&mut self) {
        if !self.single {
            return;
        }
        if let Some(entry) = self.root.get_mut("Statement") {
            if let Value::Array(a) = entry {
                if a.len() == 1 {
                    let one = a.pop().unwrap_or_default();
                    *entry = one;
                }
            }
        }
    }

    /// Remove the statement with this Sid. Returns true if the document changed.
    pub fn remove(&mut self, sid: &str) -> bool {
        if self.statement(sid).is_none() {
            return false;
        }
        let list = self.statements_mut();
        list.retain(|s| s.get("Sid").and_then(Value::as_str) != Some(sid));
        self.restore_shape();
        true
    }

    /// Compact JSON, as sent to AWS: what was parsed and not changed keeps its text.
    pub fn to_json(&self) -> String {
        if self.texts.is_empty() {
            return serde_json::to_string(&self.root).unwrap_or_default();
        }
        crate::text::write_compact(&self.root, &self.texts)
    }

    /// Indented JSON, for people and diffs (the same tokens as [`to_json`](Self::to_json)).
    pub fn to_pretty(&self) -> String {
        if self.texts.is_empty() {
            return serde_json::to_string_pretty(&self.root).unwrap_or_default();
        }
        crate::text::pretty(&self.to_json())
    }

    pub fn to_value(&self) -> Value {
        Value::Object(self.root.clone())
    }

    /// Size in bytes of the compact JSON sent to AWS.
    pub fn size(&self) -> usize {
        self.to_json().len()
    }

    /// The size AWS holds this kind of document to: bytes of the compact JSON for S3 policies,
    /// characters other than whitespace for IAM policies.
    pub fn measured_size(&self, kind: PolicyKind) -> usize {
        match kind {
            PolicyKind::Bucket | PolicyKind::AccessPoint => self.size(),
            _ => self
                .to_json()
                .chars()
                .filter(|c| !c.is_whitespace())
                .count(),
        }
    }

    /// Refuse a document over its AWS size limit, with the measured size and the way out.
    pub fn check_size(&self, kind: PolicyKind) -> Result<(), PolicyError> {
        let size = self.measured_size(kind);
        let max = kind.max_bytes();
        if size > max {
            let way_out = match kind {
                PolicyKind::Bucket => "move grants onto access points (`lakegate accesspoint create`/`grant`) and delegate the bucket to them (`lakegate bucket delegate`)",
                PolicyKind::AccessPoint => "split the grants across more access points (one per consuming application)",
                PolicyKind::UserInline | PolicyKind::RoleInline => "move statements into a customer managed policy and attach it",
                PolicyKind::Managed => "split the statements across several managed policies (up to 10 may be attached)",
            };
            return Err(PolicyError::new(
                "",
                format!(
                    "the {} would be {size} {unit}, over the AWS limit of {max} {unit}{note}; {way_out}",
                    kind.label(),
                    unit = kind.unit(),
                    note = if kind.unit() == "bytes" { "" } else { " (whitespace is not counted)" },
                ),
            ));
        }
        Ok(())
    }
}

/// A document serializes as its JSON object (as [`PolicyDocument::to_value`]).
impl serde::Serialize for PolicyDocument {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.root.serialize(s)
    }
}

/// A document deserializes from its JSON object, validated (as [`PolicyDocument::from_value`]).
impl<'de> serde::Deserialize<'de> for PolicyDocument {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        PolicyDocument::from_value(value).map_err(serde::de::Error::custom)
    }
}

impl Default for PolicyDocument {
    fn default() -> Self {
        Self::new()
    }
}

fn is_string_or_list(v: &Value) -> bool {
    match v {
        Value::String(_) => true,
        Value::Array(a) => !a.is_empty() && a.iter().all(Value::is_string),
        _ => false,
    }
}

fn validate_statement(st: &Value, path: &str) -> Result<(), PolicyError> {
    let Value::Object(m) = st else {
        return Err(PolicyError::new(path, "expected an object"));
    };
    match m.get("Effect").and_then(Value::as_str) {
        Some("Allow") | Some("Deny") => {}
        Some(other) => {
            return Err(PolicyError::new(
                format!("{path}.Effect"),
                format!("expected \"Allow\" or \"Deny\", got \"{other}\""),
            ))
        }
        None => return Err(PolicyError::new(format!("{path}.Effect"), "missing")),
    }
    if let Some(sid) = m.get("Sid") {
        if !sid.is_string() {
            return Err(PolicyError::new(format!("{path}.Sid"), "expected a string"));
        }
    }
    let pair = |a: &str, b: &str| -> Result<(), PolicyError> {
        match (m.get(a), m.get(b)) {
            (Some(_), Some(_)) => Err(PolicyError::new(
                path,
                format!("{a} and {b} cannot both be present"),
            )),
            (None, None) => Err(PolicyError::new(
                path,
                format!("one of {a} or {b} is required"),
            )),
            (Some(v), None) | (None, Some(v)) => {
                let which = if m.contains_key(a) { a } else { b };
                if is_string_or_list(v) {
                    Ok(())
                } else {
                    Err(PolicyError::new(
                        format!("{path}.{which}"),
                        "expected a string or a list of strings",
                    ))
                }
            }
        }
    };
    pair("Action", "NotAction")?;
    if m.contains_key("Resource") || m.contains_key("NotResource") {
        pair("Resource", "NotResource")?;
    }
    for key in ["Principal", "NotPrincipal"] {
        if let Some(p) = m.get(key) {
            validate_principal(p, &format!("{path}.{key}"))?;
        }
    }
    if let Some(c) = m.get("Condition") {
        let Value::Object(ops) = c else {
            return Err(PolicyError::new(
                format!("{path}.Condition"),
                "expected an object of operators",
            ));
        };
        for (op, body) in ops {
            let Value::Object(keys) = body else {
                return Err(PolicyError::new(
                    format!("{path}.Condition.{op}"),
                    "expected an object of condition keys",
                ));
            };
            for (k, v) in keys {
                let ok = match v {
                    Value::String(_) | Value::Bool(_) | Value::Number(_) => true,
                    Value::Array(a) => a
                        .iter()
                        .all(|x| x.is_string() || x.is_boolean() || x.is_number()),
                    _ => false,
                };
                if !ok {
                    return Err(PolicyError::new(
                        format!("{path}.Condition.{op}.{k}"),
                        "expected a string or a list",
                    ));
                }
            }
        }
    }
    Ok(())
}

fn validate_principal(p: &Value, path: &str) -> Result<(), PolicyError> {
    match p {
        Value::String(s) if s == "*" => Ok(()),
        Value::Object(m) => {
            for (k, v) in m {
                if !matches!(
                    k.as_str(),
                    "AWS" | "Service" | "Federated" | "CanonicalUser"
                ) {
                    return Err(PolicyError::new(
                        format!("{path}.{k}"),
                        "expected AWS, Service, Federated or CanonicalUser",
                    ));
                }
                if !is_string_or_list(v) {
                    return Err(PolicyError::new(
                        format!("{path}.{k}"),
                        "expected a string or a list of strings",
                    ));
                }
            }
            Ok(())
        }
        _ => Err(PolicyError::new(
            path,
            "expected \"*\" or an object such as {\"AWS\": ARN}",
        )),
    }
}

/// A JSON value as a list of strings (a single string or a list).
pub fn string_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// The AWS principals a statement names (`"*"` included as "*").
pub fn aws_principals(st: &Value) -> Vec<String> {
    match st.get("Principal") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Object(m)) => string_list(m.get("AWS")),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SEED: &str = r#"{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"Keep","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Zed":1,"Alpha":2}]}"#;

    #[test]
    fn unedited_document_round_trips_with_key_order() {
        let d = PolicyDocument::parse(SEED).unwrap();
        assert_eq!(d.to_json(), SEED);
    }

    #[test]
    fn foreign_numbers_and_escapes_are_kept_as_written() {
        let text = r#"{"Version":"2012-10-17","Id":"caf\u00e9","Statement":[{"Sid":"Theirs","Effect":"Deny","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"NumericGreaterThan":{"s3:max-keys":10.50},"StringNotEquals":{"aws:PrincipalTag/team":"caf\u00e9\u2028x"}}}]}"#;
        let mut d = PolicyDocument::parse(text).unwrap();
        assert_eq!(d.to_json(), text);
        d.upsert(json!({"Sid":"Mine","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:role/r"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/p/*"}));
        let out = d.to_json();
        assert!(out.contains(r#""s3:max-keys":10.50"#), "{out}");
        assert!(out.contains(r#""caf\u00e9\u2028x""#), "{out}");
        assert!(out.contains(r#""Id":"caf\u00e9""#), "{out}");
        assert!(d.to_pretty().contains(r#""s3:max-keys": 10.50"#));
        d.remove("Mine");
        assert_eq!(d.to_json(), text);

        // Edited through its JSON value (the pipeline's state), the read document's text is
        // taken back.
        let mut edited = PolicyDocument::from_value(d.to_value()).unwrap();
        assert!(edited.to_json().contains("10.5,") || edited.to_json().contains("10.5}"));
        edited.keep_text_of(&d);
        assert_eq!(edited.to_json(), text);
    }

    #[test]
    fn whitespace_outside_strings_is_not_kept() {
        let text = "{ \"Version\": \"2012-10-17\",\n \"Statement\": { \"Effect\": \"Allow\", \"Action\": \"s3:x\", \"Resource\": \"a b\" } }";
        let d = PolicyDocument::parse(text).unwrap();
        assert_eq!(
            d.to_json(),
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:x","Resource":"a b"}}"#
        );
    }

    #[test]
    fn single_statement_object_is_accepted_and_kept() {
        let text = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#;
        let d = PolicyDocument::parse(text).unwrap();
        assert_eq!(d.to_json(), text);
        assert_eq!(d.statements().len(), 1);
    }

    #[test]
    fn upsert_is_idempotent_and_remove_restores() {
        let original = PolicyDocument::parse(SEED).unwrap();
        let mut d = original.clone();
        let st = json!({"Sid":"Mine","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:role/r"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/p/*"});
        assert!(d.upsert(st.clone()));
        assert!(!d.upsert(st));
        assert!(d.remove("Mine"));
        assert!(!d.remove("Mine"));
        assert_eq!(d, original);
    }

    #[test]
    fn upsert_replaces_in_place() {
        let mut d = PolicyDocument::parse(SEED).unwrap();
        d.upsert(json!({"Sid":"A","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}));
        d.upsert(json!({"Sid":"Keep","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}));
        assert_eq!(d.sids(), vec!["Keep", "A"]);
    }

    #[test]
    fn errors_name_the_path() {
        let e = PolicyDocument::parse(r#"{"Statement":[{"Effect":"Allow","Action":"s3:x","Resource":"*"},{"Effect":"Allow","Action":"s3:x","Resource":"*","Condition":{"StringEquals":{"k":{"a":1}}}}]}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Statement[1].Condition.StringEquals.k: expected a string or a list"
        );
        let e = PolicyDocument::parse(r#"{"Statement":[{"Effect":"Permit","Action":"s3:x"}]}"#)
            .unwrap_err();
        assert_eq!(e.path, "Statement[0].Effect");
        let e = PolicyDocument::parse("[1]").unwrap_err();
        assert!(e.to_string().contains("JSON object"));
        let e = PolicyDocument::parse("{").unwrap_err();
        assert!(e.to_string().starts_with("not valid JSON"));
    }

    #[test]
    fn size_limit_is_enforced_with_the_measured_size() {
        let mut d = PolicyDocument::new();
        for i in 0..400 {
            d.upsert(json!({"Sid":format!("S{i}"),"Effect":"Allow","Principal":{"AWS":format!("arn:aws:iam::123456789012:role/role-{i}")},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/prefix/*"}));
        }
        let err = d.check_size(PolicyKind::Bucket).unwrap_err().to_string();
        assert!(err.contains(&format!("{} bytes", d.size())), "{err}");
        assert!(err.contains("access points"), "{err}");
    }

    #[test]
    fn iam_limits_count_characters_other_than_whitespace() {
        let mut d = PolicyDocument::new();
        for i in 0..20 {
            d.upsert(json!({"Sid":format!("S{i}"),"Effect":"Allow","Action":"s3:GetObject","Resource":format!("arn:aws:s3:::bucket/some prefix {i}/*")}));
        }
        let chars = d.measured_size(PolicyKind::UserInline);
        assert!(chars < d.size(), "spaces inside strings are not counted");
        assert!(chars > 2_048);
        let err = d
            .check_size(PolicyKind::UserInline)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!(
                "would be {chars} characters, over the AWS limit of 2048 characters"
            )),
            "{err}"
        );
        d.check_size(PolicyKind::Managed).unwrap();
        d.check_size(PolicyKind::RoleInline).unwrap();
        d.check_size(PolicyKind::Bucket).unwrap();
    }
}
