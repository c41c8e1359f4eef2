//! Kind: an IAM role's inline policy (the fulfiller's permissions). Restorable; IAM is not S3,
//! so it is leased only under `--lock-bucket`.

use super::{policy, Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::Target;
use crate::policy::PolicyKind;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct RoleInlinePolicy {
    pub role: String,
    pub name: String,
    /// `ROLE_ARN:inline-policy/NAME`: its id in plans and history.
    pub id: String,
}

impl RoleInlinePolicy {
    pub fn new(role_arn: &str, role: &str, name: &str) -> Self {
        RoleInlinePolicy {
            role: role.to_string(),
            name: name.to_string(),
            id: format!("{role_arn}:inline-policy/{name}"),
        }
    }
}

impl Resource for RoleInlinePolicy {
    fn target(&self) -> Target {
        Target::RoleInlinePolicy
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
                aws.role_policy(&self.role, &self.name).await?.as_ref(),
            ))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_role_policy(&self.role, &self.name, &policy::parse(state)?)
                .await
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move { aws.delete_role_policy(&self.role, &self.name).await })
    }
    fn check(&self, after: &Value) -> crate::error::Result<()> {
        policy::check(
            PolicyKind::RoleInline,
            &format!("role {}", self.role),
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
