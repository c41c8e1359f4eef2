//! Kinds: an IAM role's or user's inline policy (the fulfiller's permissions; a user's Athena
//! lockdown policy). Restorable; IAM is not S3, so they are leased only under `--lock-bucket`.

use super::{policy, Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use crate::policy::{PolicyDocument, PolicyKind};

/// An IAM role's inline policy, in plans and history.
pub const ROLE_KIND: ResourceKind = ResourceKind::new("role-inline-policy", "role inline policy");
/// An IAM user's inline policy, in plans and history.
pub const USER_KIND: ResourceKind = ResourceKind::new("user-inline-policy", "inline policy");

/// Whose inline policy it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Role,
    User,
}

#[derive(Debug, Clone)]
pub struct InlinePolicy {
    pub holder: Holder,
    /// The role's or user's name.
    pub of: String,
    pub name: String,
    /// `HOLDER_ARN:inline-policy/NAME`: its id in plans and history.
    pub id: String,
}

impl InlinePolicy {
    fn new(holder: Holder, arn: &str, of: &str, name: &str) -> Self {
        InlinePolicy {
            holder,
            of: of.to_string(),
            name: name.to_string(),
            id: format!("{arn}:inline-policy/{name}"),
        }
    }

    pub fn of_role(role_arn: &str, role: &str, name: &str) -> Self {
        InlinePolicy::new(Holder::Role, role_arn, role, name)
    }

    pub fn of_user(user_arn: &str, user: &str, name: &str) -> Self {
        InlinePolicy::new(Holder::User, user_arn, user, name)
    }

    /// The user's policy of a kept id (`USER_ARN:inline-policy/NAME`).
    pub fn user_from_id(id: &str) -> Option<Self> {
        let (arn, name) = id.rsplit_once(":inline-policy/")?;
        let user = arn.rsplit('/').next()?;
        Some(InlinePolicy::of_user(arn, user, name))
    }
}

impl Resource for InlinePolicy {
    type State = PolicyDocument;
    fn kind(&self) -> ResourceKind {
        match self.holder {
            Holder::Role => ROLE_KIND,
            Holder::User => USER_KIND,
        }
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<PolicyDocument>> {
        Box::pin(async move {
            let doc = match self.holder {
                Holder::Role => aws.role_policy(&self.of, &self.name).await?,
                Holder::User => aws.user_policy(&self.of, &self.name).await?,
            };
            Ok(policy::state(doc))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a PolicyDocument) -> Fut<'a, ()> {
        Box::pin(async move {
            match self.holder {
                Holder::Role => aws.put_role_policy(&self.of, &self.name, state).await?,
                Holder::User => aws.put_user_policy(&self.of, &self.name, state).await?,
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            match self.holder {
                Holder::Role => aws.delete_role_policy(&self.of, &self.name).await?,
                Holder::User => aws.delete_user_policy(&self.of, &self.name).await?,
            }
            Ok(())
        })
    }
    fn check(&self, after: &PolicyDocument) -> crate::error::Result<()> {
        let (kind, what) = match self.holder {
            Holder::Role => (PolicyKind::RoleInline, "role"),
            Holder::User => (PolicyKind::UserInline, "user"),
        };
        policy::check(kind, &format!("{what} {}", self.of), after)
    }
    fn destructive_delete(&self) -> bool {
        false
    }
    fn differences(
        &self,
        before: Option<&PolicyDocument>,
        written: Option<&PolicyDocument>,
        after: Option<&PolicyDocument>,
    ) -> Option<String> {
        policy::differences(before, written, after)
    }
    fn lifts(
        &self,
        before: Option<&PolicyDocument>,
        after: Option<&PolicyDocument>,
    ) -> Option<String> {
        policy::lifted_network_conditions(before, after).map(|keys| {
            format!(
                "the inline policy {} of {} no longer requires {keys}",
                self.name, self.of
            )
        })
    }
}
