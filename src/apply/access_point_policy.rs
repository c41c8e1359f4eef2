//! Kind: an access point policy. Restorable (its history outlives the access point); its lease
//! lives in the bucket the access point serves.

use super::{policy, Fut, LeaseKey, Resource};
use crate::aws::s3control::AccessPointInfo;
use crate::aws::Aws;
use crate::aws::ErrorKind;
use crate::plan::ResourceKind;
use crate::policy::{PolicyDocument, PolicyKind};

/// An access point policy, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("access-point-policy", "access point policy");

#[derive(Debug, Clone)]
pub struct AccessPointPolicy {
    pub account: String,
    pub name: String,
    pub arn: String,
    /// The bucket the access point serves.
    pub bucket: String,
}

impl AccessPointPolicy {
    pub fn of(account: &str, info: &AccessPointInfo) -> Self {
        AccessPointPolicy {
            account: account.to_string(),
            name: info.name.clone(),
            arn: info.arn.clone(),
            bucket: info.bucket.clone(),
        }
    }
}

impl Resource for AccessPointPolicy {
    type State = PolicyDocument;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.arn
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        Some(LeaseKey {
            bucket: self.bucket.clone(),
            resource: self.arn.clone(),
        })
    }
    fn history_command(&self) -> Option<String> {
        Some(format!("lakegate accesspoint history {}", self.name))
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<PolicyDocument>> {
        Box::pin(async move {
            match aws.access_point_policy(&self.account, &self.name).await {
                Ok(doc) => Ok(policy::state(doc)),
                // Planned in the same plan as the access point's creation: no policy yet.
                Err(e) if e.kind == ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e.into()),
            }
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a PolicyDocument) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_access_point_policy(&self.account, &self.name, state)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_access_point_policy(&self.account, &self.name)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn check(&self, after: &PolicyDocument) -> crate::error::Result<()> {
        policy::check(PolicyKind::AccessPoint, &self.arn, after)
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
    fn show_command(&self) -> Option<String> {
        Some(format!("lakegate accesspoint get {}", self.name))
    }
    fn access(&self, state: Option<&PolicyDocument>) -> Option<super::access::Part> {
        Some(super::access::Part::AccessPointPolicy {
            bucket: self.bucket.clone(),
            target: target(&self.account, &self.name, &self.arn),
            doc: state.cloned(),
        })
    }
}

/// The access point as the evaluator names it.
pub fn target(account: &str, name: &str, arn: &str) -> crate::policy::eval::AccessPointTarget {
    crate::policy::eval::AccessPointTarget::from_arn(arn).unwrap_or(
        crate::policy::eval::AccessPointTarget {
            name: name.to_string(),
            arn: arn.to_string(),
            account: account.to_string(),
        },
    )
}
