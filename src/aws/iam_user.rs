//! IAM users' inline policies (read, write, delete) and the caller's identity, for
//! `endpoint lockdown|unlock|status`.

use super::{classify, error::code, log, Aws};
use crate::error::{failed, Result};
use crate::policy::PolicyDocument;

fn parse(label: &str, text: &str) -> Result<PolicyDocument> {
    let decoded = if text.trim_start().starts_with('{') {
        text.to_string()
    } else {
        percent_encoding::percent_decode_str(text)
            .decode_utf8_lossy()
            .into_owned()
    };
    PolicyDocument::parse(&decoded)
        .map_err(|e| failed(format!("the policy {label} cannot be read: {e}")))
}

impl Aws {
    /// The ARN lakegate runs as (STS GetCallerIdentity).
    pub async fn caller_arn(&self) -> Result<String> {
        let sts = aws_sdk_sts::Client::from_conf(
            aws_sdk_sts::config::Builder::from(&self.sdk)
                .interceptor(log::RequestLog)
                .build(),
        );
        let out = sts
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| classify("sts:GetCallerIdentity", e))?;
        out.arn
            .ok_or_else(|| failed("STS GetCallerIdentity returned no ARN"))
    }

    /// The user's ARN; None when the user does not exist.
    pub async fn user_arn(&self, user: &str) -> Result<Option<String>> {
        match self.iam().await.get_user().user_name(user).send().await {
            Ok(o) => Ok(o.user.map(|u| u.arn)),
            Err(e) if code(&e) == Some("NoSuchEntity") => Ok(None),
            Err(e) => Err(classify("iam:GetUser", e)),
        }
    }

    /// The names of the user's inline policies.
    pub async fn user_policy_names(&self, user: &str) -> Result<Vec<String>> {
        let iam = self.iam().await;
        let mut names = Vec::new();
        let mut marker = None;
        loop {
            let out = iam
                .list_user_policies()
                .user_name(user)
                .set_marker(marker)
                .send()
                .await
                .map_err(|e| classify("iam:ListUserPolicies", e))?;
            names.extend(out.policy_names);
            if !out.is_truncated || out.marker.is_none() {
                break;
            }
            marker = out.marker;
        }
        Ok(names)
    }

    /// One inline policy of a user; None when it does not exist.
    pub async fn user_policy(&self, user: &str, name: &str) -> Result<Option<PolicyDocument>> {
        match self
            .iam()
            .await
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
            .await
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
            .await
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
