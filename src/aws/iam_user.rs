//! IAM users' inline policies (read, write, delete) and the caller's identity, for
//! `endpoint lockdown|unlock|status`.

use super::error::Result;
use super::{classify, error::code, iam::parse, Aws};
use crate::policy::PolicyDocument;

impl Aws {
    /// The user's ARN; None when the user does not exist.
    pub async fn user_arn(&self, user: &str) -> Result<Option<String>> {
        match self.iam().get_user().user_name(user).send().await {
            Ok(o) => Ok(o.user.map(|u| u.arn)),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(None),
            Err(e) => Err(classify("iam:GetUser", e)),
        }
    }

    /// The names of the user's inline policies.
    pub async fn user_policy_names(&self, user: &str) -> Result<Vec<String>> {
        let pages: Vec<_> = self
            .iam()
            .list_user_policies()
            .user_name(user)
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| classify("iam:ListUserPolicies", e))?;
        Ok(pages.into_iter().flat_map(|p| p.policy_names).collect())
    }

    /// One inline policy of a user; None when it does not exist.
    pub async fn user_policy(&self, user: &str, name: &str) -> Result<Option<PolicyDocument>> {
        match self
            .iam()
            .get_user_policy()
            .user_name(user)
            .policy_name(name)
            .send()
            .await
        {
            Ok(o) => Ok(Some(parse(&format!("{user}/{name}"), &o.policy_document)?)),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(None),
            Err(e) => Err(classify("iam:GetUserPolicy", e)),
        }
    }

    pub async fn put_user_policy(
        &self,
        user: &str,
        name: &str,
        doc: &PolicyDocument,
    ) -> Result<()> {
        self.iam()
            .put_user_policy()
            .user_name(user)
            .policy_name(name)
            .policy_document(doc.to_json())
            .send()
            .await
            .map_err(|e| classify("iam:PutUserPolicy", e))?;
        Ok(())
    }

    pub async fn delete_user_policy(&self, user: &str, name: &str) -> Result<()> {
        match self
            .iam()
            .delete_user_policy()
            .user_name(user)
            .policy_name(name)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(()),
            Err(e) => Err(classify("iam:DeleteUserPolicy", e)),
        }
    }
}
