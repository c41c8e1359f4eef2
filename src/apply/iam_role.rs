//! Kind: an IAM role (its trust policy and description), the fulfiller's execution role. Not
//! restorable (its inline policy is); leased only under `--lock-bucket`, as every IAM kind.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use crate::policy::PolicyDocument;
use serde::{Deserialize, Serialize};

/// An IAM role, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("iam-role", "IAM role");

#[derive(Debug, Clone)]
pub struct IamRole {
    pub name: String,
    pub arn: String,
}

impl IamRole {
    pub fn new(partition: &str, account: &str, name: &str) -> Self {
        IamRole {
            name: name.to_string(),
            arn: format!("arn:{partition}:iam::{account}:role/{name}"),
        }
    }
}

/// The state of a role as plans show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleState {
    pub role_name: String,
    pub trust_policy: PolicyDocument,
    pub description: String,
}

/// The state of role `name` with `trust` and `description`.
pub fn state(name: &str, trust: &PolicyDocument, description: &str) -> RoleState {
    RoleState {
        role_name: name.to_string(),
        trust_policy: trust.clone(),
        description: description.to_string(),
    }
}

impl Resource for IamRole {
    type State = RoleState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.arn
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<RoleState>> {
        Box::pin(async move {
            Ok(aws.role(&self.name).await?.map(|r| {
                state(
                    &self.name,
                    &r.trust_policy,
                    r.description.as_deref().unwrap_or(""),
                )
            }))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a RoleState) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_role(&self.name, &state.trust_policy, &state.description)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_role(&self.name)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    /// The trust policy decides (a description cannot be changed by UpdateAssumeRolePolicy).
    fn same(&self, a: Option<&RoleState>, b: Option<&RoleState>) -> bool {
        fn key(v: Option<&RoleState>) -> Option<(&String, &PolicyDocument)> {
            v.map(|v| (&v.role_name, &v.trust_policy))
        }
        key(a) == key(b)
    }
}
