//! The evaluation engine `access` and `audit` share: policy files, principals, identity policies,
//! the rest of the policy chain (`chain`), a bucket's policy set (`policy_set`), the policies
//! gathered offline or online for the many-principal questions (`sources`), and the `access`
//! answers themselves (`check`, `matrix`, `who_can`, `prove`). Below both nouns, so neither imports the
//! other; it works in a [`Session`], never with CLI types.

pub mod access_grants;
pub mod chain;
pub mod check;
pub mod matrix;
pub mod policy_set;
pub mod prove;
pub mod sources;
pub mod who_can;

use crate::aws::iam::IdentityKind;
use crate::error::{input_error, Result};
use crate::policy::eval::{AccessPointTarget, CompiledPolicy};
use crate::policy::{PolicyDocument, PolicyType};
use crate::session::Session;
use crate::values::input::read_input;

/// Context keys lakegate sets unless `--context` gives them: requests from the SDKs use HTTPS.
pub const DEFAULT_CONTEXT: &[(&str, &str)] = &[("aws:SecureTransport", "true")];

/// `--context key=value` values, in order.
pub fn parse_context(items: &[String]) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for item in items {
        let Some((k, v)) = item.split_once('=') else {
            return Err(input_error(format!(
                "--context: expected KEY=VALUE (e.g. aws:SourceVpce=vpce-1a2b3c4d), got '{item}'"
            )));
        };
        let k = k.trim();
        if k.is_empty() || !k.contains(':') {
            return Err(input_error(format!(
                "--context: '{k}' is not a condition key such as aws:SourceIp or s3:prefix"
            )));
        }
        out.push((k.to_string(), v.to_string()));
    }
    for (k, v) in DEFAULT_CONTEXT {
        if !out.iter().any(|(x, _)| x.eq_ignore_ascii_case(k)) {
            out.push((k.to_string(), v.to_string()));
        }
    }
    Ok(out)
}

/// Read, validate as a policy of type `ty` (the way IAM, S3 and Organizations validate it) and
/// compile a policy file (`-` is stdin). Errors name the flag, the file and the path of the bad
/// element.
pub fn load_policy(
    flag: &str,
    path: &str,
    label: &str,
    ty: PolicyType,
) -> Result<(PolicyDocument, CompiledPolicy)> {
    let text = read_input(flag, path)?;
    let shown = if path == "-" { "stdin" } else { path };
    let doc = crate::policy::validate::parse_as(&text, ty)
        .map_err(|e| input_error(format!("{flag} {shown}: {e}")))?;
    let compiled = CompiledPolicy::compile(&doc, label)
        .map_err(|e| input_error(format!("{flag} {shown}: {e}")))?;
    Ok((doc, compiled))
}

/// The access points a policy's resources name (`arn:…:accesspoint/NAME…`), deduplicated.
pub fn access_points_named(doc: &PolicyDocument) -> Vec<AccessPointTarget> {
    let mut out: Vec<AccessPointTarget> = Vec::new();
    for st in doc.statements() {
        for key in ["Resource", "NotResource"] {
            for r in crate::policy::document::string_list(st.get(key)) {
                if let Some(t) = AccessPointTarget::from_arn(&r) {
                    if !t.name.contains(['*', '?', '$']) && !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
    }
    out
}

/// An access point target for NAME when no ARN is known (offline): built from the region and
/// the bucket owner's account.
pub fn offline_target(ctx: &Session, name: &str, account: &str) -> AccessPointTarget {
    let region = ctx.offline_region();
    let partition = crate::policy::arn::partition(&region);
    AccessPointTarget {
        name: name.to_string(),
        arn: crate::policy::arn::access_point_arn(partition, &region, account, name),
        account: account.to_string(),
    }
}

/// The IAM role or user whose identity policies apply to a principal ARN, when it is one.
pub fn iam_identity(principal: &str) -> Option<(String, IdentityKind, String)> {
    let parts: Vec<&str> = principal.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" {
        return None;
    }
    let account = parts[4].to_string();
    let res = parts[5];
    if let Some(r) = res.strip_prefix("role/") {
        return Some((
            account,
            IdentityKind::Role,
            r.rsplit('/').next()?.to_string(),
        ));
    }
    if let Some(u) = res.strip_prefix("user/") {
        return Some((
            account,
            IdentityKind::User,
            u.rsplit('/').next()?.to_string(),
        ));
    }
    if let Some(rest) = res.strip_prefix("assumed-role/") {
        let role = rest.split('/').next()?;
        return Some((account, IdentityKind::Role, role.to_string()));
    }
    None
}

/// Fetch a principal's identity policies (this account only). A caller that may not read them
/// gets a warning and a decision made without them.
pub async fn fetch_identity(
    ctx: &Session,
    principal: &str,
    account: &str,
) -> Result<Vec<CompiledPolicy>> {
    let Some((acct, kind, name)) = iam_identity(principal) else {
        return Ok(Vec::new());
    };
    if acct != account {
        return Ok(Vec::new());
    }
    let aws = ctx.aws().await?;
    match aws.identity_policies(kind, &name).await {
        Ok(Some(list)) => list
            .into_iter()
            .map(|p| {
                CompiledPolicy::compile(&p.document, format!("identity:{}", p.label))
                    .map_err(|e| input_error(format!("identity policy {}: {e}", p.label)))
            })
            .collect(),
        Ok(None) => {
            ctx.printer.warn(format!(
                "{principal} does not exist in IAM; deciding without identity policies"
            ));
            Ok(Vec::new())
        }
        Err(e) => {
            ctx.printer.warn(format!(
                "cannot read the identity policies of {principal} ({}); deciding without them",
                e.message
            ));
            Ok(Vec::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_values() {
        let c = parse_context(&["aws:SourceVpce=vpce-1".into(), "s3:prefix=a/b=c".into()]).unwrap();
        assert_eq!(c[1], ("s3:prefix".to_string(), "a/b=c".to_string()));
        assert_eq!(c[2].0, "aws:SecureTransport");
        let c = parse_context(&["aws:securetransport=false".into()]).unwrap();
        assert_eq!(c.len(), 1);
        assert!(parse_context(&["novalue".into()]).is_err());
        assert!(parse_context(&["nokey=1".into()]).is_err());
    }

    #[test]
    fn identities() {
        let (a, k, n) = iam_identity("arn:aws:iam::123456789012:role/path/R").unwrap();
        assert_eq!(
            (a.as_str(), k, n.as_str()),
            ("123456789012", IdentityKind::Role, "R")
        );
        let (_, k, n) = iam_identity("arn:aws:sts::123456789012:assumed-role/R/s").unwrap();
        assert_eq!((k, n.as_str()), (IdentityKind::Role, "R"));
        assert!(iam_identity("arn:aws:iam::123456789012:root").is_none());
    }
}
