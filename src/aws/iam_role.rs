//! IAM roles and their inline policies, for the fulfiller's execution role (`subscription deploy`).

use super::error::Result;
use super::{classify, error::code, iam::parse, Aws};
use crate::policy::PolicyDocument;

/// A role as lakegate manages it.
#[derive(Debug, Clone)]
pub struct RoleInfo {
    pub arn: String,
    pub trust_policy: PolicyDocument,
    pub description: Option<String>,
}

impl Aws {
    /// The role; None when it does not exist.
    pub async fn role(&self, name: &str) -> Result<Option<RoleInfo>> {
        match self.iam().get_role().role_name(name).send().await {
            Ok(o) => {
                let Some(r) = o.role else { return Ok(None) };
                let trust = parse(
                    &format!("{name} (trust policy)"),
                    r.assume_role_policy_document().unwrap_or("{}"),
                )?;
                Ok(Some(RoleInfo {
                    arn: r.arn,
                    trust_policy: trust,
                    description: r.description,
                }))
            }
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(None),
            Err(e) => Err(classify("iam:GetRole", e)),
        }
    }

    /// Create the role, or replace the trust policy of an existing one.
    pub async fn put_role(
        &self,
        name: &str,
        trust: &PolicyDocument,
        description: &str,
    ) -> Result<()> {
        let iam = self.iam();
        if self.role(name).await?.is_some() {
            iam.update_assume_role_policy()
                .role_name(name)
                .policy_document(trust.to_json())
                .send()
                .await
                .map_err(|e| classify("iam:UpdateAssumeRolePolicy", e))?;
            return Ok(());
        }
        iam.create_role()
            .role_name(name)
            .assume_role_policy_document(trust.to_json())
            .description(description)
            .send()
            .await
            .map_err(|e| classify("iam:CreateRole", e))?;
        Ok(())
    }

    pub async fn delete_role(&self, name: &str) -> Result<()> {
        match self.iam().delete_role().role_name(name).send().await {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(()),
            Err(e) => Err(classify("iam:DeleteRole", e)),
        }
    }

    /// One inline policy of a role; None when it (or the role) does not exist.
    pub async fn role_policy(&self, role: &str, name: &str) -> Result<Option<PolicyDocument>> {
        match self
            .iam()
            .get_role_policy()
            .role_name(role)
            .policy_name(name)
            .send()
            .await
        {
            Ok(o) => Ok(Some(parse(&format!("{role}/{name}"), &o.policy_document)?)),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(None),
            Err(e) => Err(classify("iam:GetRolePolicy", e)),
        }
    }

    pub async fn put_role_policy(
        &self,
        role: &str,
        name: &str,
        doc: &PolicyDocument,
    ) -> Result<()> {
        self.iam()
            .put_role_policy()
            .role_name(role)
            .policy_name(name)
            .policy_document(doc.to_json())
            .send()
            .await
            .map_err(|e| classify("iam:PutRolePolicy", e))?;
        Ok(())
    }

    pub async fn delete_role_policy(&self, role: &str, name: &str) -> Result<()> {
        match self
            .iam()
            .delete_role_policy()
            .role_name(role)
            .policy_name(name)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(()),
            Err(e) => Err(classify("iam:DeleteRolePolicy", e)),
        }
    }
}
