//! Kind: an IAM user's inline policy. Restorable; IAM is not S3, so it is leased only under
//! `--lock-bucket`.

use super::{policy, Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::Target;
use crate::policy::PolicyKind;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct UserInlinePolicy {
    pub user: String,
    pub name: String,
    /// `USER_ARN:inline-policy/NAME`: its id in plans and history.
    pub id: String,
}

impl UserInlinePolicy {
    pub fn new(user_arn: &str, user: &str, name: &str) -> Self {
        UserInlinePolicy {
            user: user.to_string(),
            name: name.to_string(),
            id: format!("{user_arn}:inline-policy/{name}"),
        }
    }

    /// The resource of a kept id (`USER_ARN:inline-policy/NAME`).
    pub fn from_id(id: &str) -> Option<Self> {
        let (arn, name) = id.rsplit_once(":inline-policy/")?;
        let user = arn.rsplit('/').next()?;
        Some(UserInlinePolicy::new(arn, user, name))
    }
}

impl Resource for UserInlinePolicy {
    fn target(&self) -> Target {
        Target::UserInlinePolicy
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
        Box::pin(async move {
            Ok(policy::state(
                aws.user_policy(&self.user, &self.name).await?.as_ref(),
            ))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_user_policy(&self.user, &self.name, &policy::parse(state)?)
                .await
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move { aws.delete_user_policy(&self.user, &self.name).await })
    }
    fn check(&self, after: &Value) -> crate::error::Result<()> {
        policy::check(
            PolicyKind::UserInline,
            &format!("user {}", self.user),
            after,
        )
    }
    fn destructive_delete(&self) -> bool {
        false
    }
    fn differences(
        &self,
        before: Option<&Value>,
        written: Option<&Value>,
        after: Option<&Value>,
    ) -> Option<String> {
        policy::differences(before, written, after)
    }
}
