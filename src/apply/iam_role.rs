//! Kind: an IAM role (its trust policy and description), the fulfiller's execution role. Not
//! restorable (its inline policy is); leased only under `--lock-bucket`, as every IAM kind.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::error::Result;
use crate::plan::ResourceKind;
use crate::policy::PolicyDocument;
use serde_json::{json, Value};

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
pub fn state(name: &str, trust: &PolicyDocument, description: &str) -> Value {
    json!({
        "role_name": name,
        "trust_policy": trust.to_value(),
        "description": description,
    })
}

fn trust_of(v: &Value) -> Result<PolicyDocument> {
    Ok(PolicyDocument::from_value(v["trust_policy"].clone())?)
}

impl Resource for IamRole {
    type State = Value;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
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
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            let desc = state["description"].as_str().unwrap_or("");
            aws.put_role(&self.name, &trust_of(state)?, desc)
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
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        let key =
            |v: Option<&Value>| v.map(|v| (v["role_name"].clone(), v["trust_policy"].clone()));
        key(a) == key(b)
    }
}
