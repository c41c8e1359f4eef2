//! Validation of a document for the place it is used, the way IAM, S3 and Organizations validate
//! it before they store it: required and prohibited elements per policy type, element values
//! (ARNs, principals, condition values, policy variables), unique Sids. Every error names the
//! element (`Statement[0].Principal`).
//!
//! Sources: "IAM JSON policy element reference" (Principal, NotPrincipal, Resource, Condition
//! operators, policy variables), "Grammar of the IAM JSON policy language", "SCP syntax",
//! "RCP syntax", "Control access to VPC endpoints using endpoint policies", and the S3 error
//! "You must use the Principal element in resource-based policies" (MalformedPolicy).

use crate::document::{string_list, PolicyDocument};
use crate::eval::condition::{check_values, Operator};
use crate::PolicyError;
use serde::Serialize;
use serde_json::{Map, Value};

/// Where a policy is used: which elements it must, may and must not have, and the policy type
/// an explanation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyType {
    /// An S3 bucket policy (resource-based).
    Bucket,
    /// An S3 access point policy (resource-based).
    AccessPoint,
    /// An IAM identity-based policy (managed or inline, of a user, group or role).
    Identity,
    /// An AWS Organizations service control policy.
    Scp,
    /// An AWS Organizations resource control policy.
    Rcp,
    /// An IAM permissions boundary (a managed policy used as the boundary of a user or role).
    Boundary,
    /// A session policy passed to AssumeRole* or GetFederationToken.
    Session,
    /// A VPC endpoint policy.
    VpcEndpoint,
}

impl PolicyType {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyType::Bucket => "bucket",
            PolicyType::AccessPoint => "access-point",
            PolicyType::Identity => "identity",
            PolicyType::Scp => "scp",
            PolicyType::Rcp => "rcp",
            PolicyType::Boundary => "boundary",
            PolicyType::Session => "session",
            PolicyType::VpcEndpoint => "vpc-endpoint",
        }
    }

    /// A policy attached to a resource, which names who it applies to.
    pub fn is_resource_based(self) -> bool {
        matches!(
            self,
            PolicyType::Bucket
                | PolicyType::AccessPoint
                | PolicyType::VpcEndpoint
                | PolicyType::Rcp
        )
    }

    fn described(self) -> &'static str {
        match self {
            PolicyType::Bucket => "a bucket policy",
            PolicyType::AccessPoint => "an access point policy",
            PolicyType::Identity => "an identity-based policy",
            PolicyType::Scp => "a service control policy",
            PolicyType::Rcp => "a resource control policy",
            PolicyType::Boundary => "a permissions boundary",
            PolicyType::Session => "a session policy",
            PolicyType::VpcEndpoint => "a VPC endpoint policy",
        }
    }
}

impl std::fmt::Display for PolicyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

const TOP_LEVEL: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

fn err(path: impl Into<String>, msg: impl Into<String>) -> PolicyError {
    PolicyError::new(path, msg)
}

/// Validate `doc` as a policy of type `ty`. The document has already passed
/// [`PolicyDocument::parse`] (JSON, duplicate keys, Effect, element shapes).
pub fn validate_as(doc: &PolicyDocument, ty: PolicyType) -> Result<(), PolicyError> {
    let root = match doc.to_value() {
        Value::Object(m) => m,
        _ => return Err(err("", "a policy must be a JSON object")),
    };
    for k in root.keys() {
        if !TOP_LEVEL.contains(&k.as_str()) {
            return Err(err(
                k.as_str(),
                "unknown top-level element (a policy has only Version, Id and Statement)",
            ));
        }
    }
    if let Some(id) = root.get("Id") {
        if !id.is_string() {
            return Err(err("Id", "expected a string"));
        }
    }
    if matches!(ty, PolicyType::Scp | PolicyType::Rcp) && root.get("Version").is_none() {
        // RCP syntax: "Every RCP must include a Version element".
        if ty == PolicyType::Rcp {
            return Err(err(
                "Version",
                "missing (every RCP must include \"2012-10-17\")",
            ));
        }
    }
    let statements = doc.statements();
    let single = matches!(root.get("Statement"), Some(Value::Object(_)));
    let mut sids: Vec<(&str, String)> = Vec::new();
    for (i, st) in statements.iter().enumerate() {
        let path = if single {
            "Statement".to_string()
        } else {
            format!("Statement[{i}]")
        };
        let Value::Object(m) = st else {
            return Err(err(path, "expected an object"));
        };
        statement(
            m,
            &path,
            ty,
            doc.version() == Some(crate::document::VERSION),
        )?;
        if let Some(sid) = m.get("Sid").and_then(Value::as_str) {
            if let Some((_, first)) = sids.iter().find(|(s, _)| *s == sid) {
                return Err(err(
                    format!("{path}.Sid"),
                    format!("duplicate Sid \"{sid}\" (also {first}); Sids must be unique"),
                ));
            }
            sids.push((sid, path.clone()));
        }
    }
    Ok(())
}

fn statement(
    m: &Map<String, Value>,
    path: &str,
    ty: PolicyType,
    vars: bool,
) -> Result<(), PolicyError> {
    for k in m.keys() {
        if !STATEMENT.contains(&k.as_str()) {
            return Err(err(
                format!("{path}.{k}"),
                "unknown statement element (expected Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource or Condition)",
            ));
        }
    }
    let effect = m.get("Effect").and_then(Value::as_str).unwrap_or("");
    match (m.get("Principal"), m.get("NotPrincipal")) {
        (Some(_), Some(_)) => {
            return Err(err(
                path,
                "Principal and NotPrincipal cannot both be present",
            ))
        }
        (p, np) if !ty.is_resource_based() => {
            if p.is_some() || np.is_some() {
                let which = if p.is_some() {
                    "Principal"
                } else {
                    "NotPrincipal"
                };
                return Err(err(
                    format!("{path}.{which}"),
                    format!(
                        "has prohibited field {which}: {} applies to the identity it is attached to and cannot name principals",
                        ty.described()
                    ),
                ));
            }
        }
        (None, None) => {
            return Err(err(
                format!("{path}.Principal"),
                format!(
                    "missing: you must use the Principal element in resource-based policies ({})",
                    ty.described()
                ),
            ))
        }
        (Some(p), None) => {
            principal(p, &format!("{path}.Principal"))?;
            if ty == PolicyType::Rcp && p.as_str() != Some("*") {
                return Err(err(
                    format!("{path}.Principal"),
                    "a resource control policy must use \"Principal\": \"*\" (narrow it with conditions such as aws:PrincipalArn)",
                ));
            }
        }
        (None, Some(np)) => {
            if ty == PolicyType::Rcp {
                return Err(err(
                    format!("{path}.NotPrincipal"),
                    "resource control policies do not support NotPrincipal",
                ));
            }
            if effect == "Allow" {
                return Err(err(
                    format!("{path}.NotPrincipal"),
                    "NotPrincipal must be used with \"Effect\":\"Deny\"; AWS does not support it with Allow (refused: it would grant everyone else, anonymous users included)",
                ));
            }
            principal(np, &format!("{path}.NotPrincipal"))?;
        }
    }
    if ty == PolicyType::Rcp && effect == "Allow" {
        // RCP syntax: "The effect of Allow is only supported for the RCPFullAWSAccess policy".
        let full = m.get("Principal").and_then(Value::as_str) == Some("*")
            && string_list(m.get("Action")) == ["*"]
            && string_list(m.get("Resource")) == ["*"]
            && !m.contains_key("Condition");
        if !full {
            return Err(err(
                format!("{path}.Effect"),
                "a resource control policy can only deny (Allow is supported only for the AWS managed RCPFullAWSAccess: Principal, Action and Resource \"*\", no Condition)",
            ));
        }
    }
    match (m.get("Action"), m.get("NotAction")) {
        (None, None) => {
            return Err(err(
                format!("{path}.Action"),
                "missing (Action or NotAction is required)",
            ))
        }
        (Some(a), _) | (None, Some(a)) => {
            let which = if m.contains_key("Action") {
                "Action"
            } else {
                "NotAction"
            };
            for (j, s) in string_list(Some(a)).iter().enumerate() {
                action(s, &format!("{path}.{which}{}", index(a, j)))?;
            }
        }
    }
    match (m.get("Resource"), m.get("NotResource")) {
        (None, None) => {
            return Err(err(
                format!("{path}.Resource"),
                format!(
                    "missing (Resource or NotResource is required in {})",
                    ty.described()
                ),
            ))
        }
        (Some(_), Some(_)) => {
            return Err(err(path, "Resource and NotResource cannot both be present"))
        }
        (Some(r), None) | (None, Some(r)) => {
            let which = if m.contains_key("Resource") {
                "Resource"
            } else {
                "NotResource"
            };
            for (j, s) in string_list(Some(r)).iter().enumerate() {
                resource(s, &format!("{path}.{which}{}", index(r, j)), vars)?;
            }
        }
    }
    if let Some(Value::Object(ops)) = m.get("Condition") {
        for (op, body) in ops {
            let p = format!("{path}.Condition.{op}");
            let Some(operator) = Operator::parse(op) else {
                return Err(err(p, format!("unknown condition operator '{op}'")));
            };
            if let Value::Object(keys) = body {
                for (k, v) in keys {
                    let kp = format!("{p}.{k}");
                    if k.is_empty() || !k.contains(':') {
                        return Err(err(
                            kp,
                            "not a condition key such as aws:SourceIp or s3:prefix",
                        ));
                    }
                    check_values(operator, v, &kp)?;
                    if vars {
                        for s in string_list(Some(v)) {
                            variables(&s, &kp)?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn index(v: &Value, j: usize) -> String {
    if v.is_array() {
        format!("[{j}]")
    } else {
        String::new()
    }
}

/// `${` must be closed by `}` (IAM: "Policy variables … must be enclosed in ${…}").
fn variables(s: &str, path: &str) -> Result<(), PolicyError> {
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        let after = &rest[i + 2..];
        match after.find('}') {
            Some(end) if !after[..end].trim().is_empty() => rest = &after[end + 1..],
            Some(_) => return Err(err(path, format!("empty policy variable '${{}}' in '{s}'"))),
            None => {
                return Err(err(
                    path,
                    format!("unterminated policy variable: '${{' without '}}' in '{s}'"),
                ))
            }
        }
    }
    Ok(())
}

fn action(s: &str, path: &str) -> Result<(), PolicyError> {
    if s == "*" {
        return Ok(());
    }
    let ok = s.split_once(':').is_some_and(|(svc, name)| {
        !svc.is_empty()
            && svc.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !name.is_empty()
            && !name.contains(':')
    });
    if ok {
        Ok(())
    } else {
        Err(err(
            path,
            format!("'{s}' is not an action such as s3:GetObject (or \"*\")"),
        ))
    }
}

fn resource(s: &str, path: &str, vars: bool) -> Result<(), PolicyError> {
    if vars {
        variables(s, path)?;
    }
    if s == "*" {
        return Ok(());
    }
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    if parts.len() == 6 && parts[0] == "arn" && !parts[1].is_empty() && !parts[2].is_empty() {
        return Ok(());
    }
    Err(err(
        path,
        format!("'{s}' is not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE) or \"*\""),
    ))
}

/// A Principal or NotPrincipal value: `"*"` or `{"AWS"|"Service"|"Federated"|"CanonicalUser": …}`
/// with AWS values `"*"`, an account id, or an IAM/STS principal ARN (no wildcards).
fn principal(p: &Value, path: &str) -> Result<(), PolicyError> {
    let Value::Object(m) = p else {
        return Ok(()); // "*" (the only string form; PolicyDocument::parse refuses others)
    };
    for (k, v) in m {
        let kp = format!("{path}.{k}");
        for (j, s) in string_list(Some(v)).iter().enumerate() {
            let ep = format!("{kp}{}", index(v, j));
            if s.is_empty() {
                return Err(err(ep, "empty principal"));
            }
            if k != "AWS" {
                continue;
            }
            if s == "*" || (s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())) {
                continue;
            }
            let parts: Vec<&str> = s.splitn(6, ':').collect();
            let arn_ok = parts.len() == 6
                && parts[0] == "arn"
                && matches!(parts[2], "iam" | "sts")
                && parts[4].len() == 12
                && parts[4].bytes().all(|b| b.is_ascii_digit())
                && !parts[5].is_empty();
            if !arn_ok {
                return Err(err(
                    ep,
                    format!("invalid principal '{s}': expected \"*\", an account id or an IAM/STS principal ARN"),
                ));
            }
            if s.contains(['*', '?']) {
                return Err(err(
                    ep,
                    format!("invalid principal '{s}': wildcards are not allowed in principal ARNs (use the aws:PrincipalArn condition key)"),
                ));
            }
        }
    }
    Ok(())
}

/// Parse JSON text and validate it as a policy of type `ty`.
pub fn parse_as(text: &str, ty: PolicyType) -> Result<PolicyDocument, PolicyError> {
    let doc = PolicyDocument::parse(text)?;
    validate_as(&doc, ty)?;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str, ty: PolicyType) -> PolicyError {
        parse_as(text, ty).expect_err("refused")
    }

    #[test]
    fn issue_examples_are_refused_naming_the_element() {
        let no_principal = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::mybucket/*"}]}"#;
        let e = refused(no_principal, PolicyType::Bucket);
        assert_eq!(e.path, "Statement[0].Principal");
        assert!(e
            .message
            .contains("you must use the Principal element in resource-based policies"));
        // The same statement is a valid identity policy.
        parse_as(no_principal, PolicyType::Identity).unwrap();
        let with_principal = r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"#;
        let e = refused(with_principal, PolicyType::Identity);
        assert_eq!(e.to_string(), "Statement[0].Principal: has prohibited field Principal: an identity-based policy applies to the identity it is attached to and cannot name principals");
        parse_as(with_principal, PolicyType::Bucket).unwrap();
    }

    #[test]
    fn single_statement_objects_are_named_without_an_index() {
        let e = refused(
            r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"bucket/*"}}"#,
            PolicyType::Identity,
        );
        assert_eq!(e.path, "Statement.Resource");
    }

    #[test]
    fn every_type_accepts_its_typical_document() {
        let ok = |t: &str, ty| parse_as(t, ty).unwrap_or_else(|e| panic!("{ty}: {e}"));
        ok(
            r#"{"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/path/R","444455556666"]},"Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},"DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"}}}]}"#,
            PolicyType::Bucket,
        );
        ok(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:Get*","NotResource":"arn:aws:s3:::b/*"}]}"#,
            PolicyType::Scp,
        );
        ok(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
            PolicyType::Rcp,
        );
        ok(
            r#"{"Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:*","Resource":"*"}]}"#,
            PolicyType::VpcEndpoint,
        );
    }
}
