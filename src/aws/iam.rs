//! IAM: the identity policies (inline and attached managed) of a role or user, for `access check`.

use super::error::Result;
use super::{classify, error::code, Aws};
use crate::policy::PolicyDocument;

/// Whose identity policies to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityKind {
    Role,
    User,
}

/// One identity policy: a label such as `inline:NAME` or `managed:ARN`, and the document.
#[derive(Debug, Clone)]
pub struct IdentityPolicy {
    pub label: String,
    pub document: PolicyDocument,
}

/// IAM returns policy documents URL-encoded (RFC 3986).
fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// A policy document as IAM returns it (URL-encoded, or plain JSON from emulators).
pub(super) fn parse(label: &str, text: &str) -> Result<PolicyDocument> {
    let decoded = if text.trim_start().starts_with('{') {
        text.to_string()
    } else {
        decode(text)
    };
    PolicyDocument::parse(&decoded)
        .map_err(|e| super::unreadable_policy(&format!("the IAM policy {label}"), &e))
}

impl Aws {
    /// The inline and attached managed policies of a role or user. None when it does not exist.
    pub async fn identity_policies(
        &self,
        kind: IdentityKind,
        name: &str,
    ) -> Result<Option<Vec<IdentityPolicy>>> {
        let iam = self.iam();
        let mut out = Vec::new();

        // Inline policies.
        let listed = match kind {
            IdentityKind::Role => iam
                .list_role_policies()
                .role_name(name)
                .into_paginator()
                .send()
                .try_collect()
                .await
                .map(|pages| pages.into_iter().flat_map(|o| o.policy_names).collect())
                .map_err(|e| {
                    (
                        code(&e) == Some("NoSuchEntity"),
                        classify("iam:ListRolePolicies", e),
                    )
                }),
            IdentityKind::User => iam
                .list_user_policies()
                .user_name(name)
                .into_paginator()
                .send()
                .try_collect()
                .await
                .map(|pages| pages.into_iter().flat_map(|o| o.policy_names).collect())
                .map_err(|e| {
                    (
                        code(&e) == Some("NoSuchEntity"),
                        classify("iam:ListUserPolicies", e),
                    )
                }),
        };
        let inline_names: Vec<String> = match listed {
            Ok(x) => x,
            Err((true, _)) => return Ok(None),
            Err((false, e)) => return Err(e),
        };
        for pname in inline_names {
            let text = match kind {
                IdentityKind::Role => iam
                    .get_role_policy()
                    .role_name(name)
                    .policy_name(&pname)
                    .send()
                    .await
                    .map(|o| o.policy_document)
                    .map_err(|e| classify("iam:GetRolePolicy", e))?,
                IdentityKind::User => iam
                    .get_user_policy()
                    .user_name(name)
                    .policy_name(&pname)
                    .send()
                    .await
                    .map(|o| o.policy_document)
                    .map_err(|e| classify("iam:GetUserPolicy", e))?,
            };
            let label = format!("inline:{pname}");
            let document = parse(&label, &text)?;
            out.push(IdentityPolicy { label, document });
        }

        // Attached managed policies, at their default version.
        let attached: Vec<_> = match kind {
            IdentityKind::Role => iam
                .list_attached_role_policies()
                .role_name(name)
                .into_paginator()
                .send()
                .try_collect()
                .await
                .map_err(|e| classify("iam:ListAttachedRolePolicies", e))?
                .into_iter()
                .flat_map(|o| o.attached_policies.unwrap_or_default())
                .collect(),
            IdentityKind::User => iam
                .list_attached_user_policies()
                .user_name(name)
                .into_paginator()
                .send()
                .try_collect()
                .await
                .map_err(|e| classify("iam:ListAttachedUserPolicies", e))?
                .into_iter()
                .flat_map(|o| o.attached_policies.unwrap_or_default())
                .collect(),
        };
        let arns: Vec<String> = attached.into_iter().filter_map(|p| p.policy_arn).collect();
        for arn in arns {
            let Some(text) = self.managed_policy_document(&arn).await? else {
                continue;
            };
            let label = format!("managed:{arn}");
            let document = parse(&label, &text)?;
            out.push(IdentityPolicy { label, document });
        }
        Ok(Some(out))
    }

    /// The permissions boundary of a role or user (GetRole/GetUser `PermissionsBoundary`, then
    /// the managed policy's default version). None when it has none or does not exist.
    pub async fn permissions_boundary(
        &self,
        kind: IdentityKind,
        name: &str,
    ) -> Result<Option<IdentityPolicy>> {
        let iam = self.iam();
        let arn = match kind {
            IdentityKind::Role => match iam.get_role().role_name(name).send().await {
                Ok(o) => o
                    .role
                    .and_then(|r| r.permissions_boundary)
                    .and_then(|b| b.permissions_boundary_arn),
                Err(e) if code(&e) == Some("NoSuchEntity") => return Ok(None),
                Err(e) => return Err(classify("iam:GetRole", e)),
            },
            IdentityKind::User => match iam.get_user().user_name(name).send().await {
                Ok(o) => o
                    .user
                    .and_then(|u| u.permissions_boundary)
                    .and_then(|b| b.permissions_boundary_arn),
                Err(e) if code(&e) == Some("NoSuchEntity") => return Ok(None),
                Err(e) => return Err(classify("iam:GetUser", e)),
            },
        };
        let Some(arn) = arn else { return Ok(None) };
        let Some(text) = self.managed_policy_document(&arn).await? else {
            return Ok(None);
        };
        let document = parse(&arn, &text)?;
        Ok(Some(IdentityPolicy {
            label: arn,
            document,
        }))
    }

    /// The document of a managed policy's default version (GetPolicy, then GetPolicyVersion);
    /// None when either has none.
    async fn managed_policy_document(&self, arn: &str) -> Result<Option<String>> {
        let iam = self.iam();
        let policy = iam
            .get_policy()
            .policy_arn(arn)
            .send()
            .await
            .map_err(|e| classify("iam:GetPolicy", e))?;
        let Some(version) = policy.policy().and_then(|p| p.default_version_id()) else {
            return Ok(None);
        };
        let v = iam
            .get_policy_version()
            .policy_arn(arn)
            .version_id(version)
            .send()
            .await
            .map_err(|e| classify("iam:GetPolicyVersion", e))?;
        Ok(v.policy_version()
            .and_then(|p| p.document())
            .map(str::to_owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encoded_documents_are_decoded() {
        let text = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
        let d = parse("x", text).unwrap();
        assert_eq!(d.statements().len(), 1);
        let plain = parse(
            "x",
            r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#,
        );
        assert!(plain.is_ok());
    }
}
