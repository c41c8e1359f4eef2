//! Kind: the S3 Access Grants instance of an account in a Region (one at most), and its IAM
//! Identity Center association. Not restorable: it holds no document of its own.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};

/// An Access Grants instance, in plans.
pub const KIND: ResourceKind =
    ResourceKind::new("access-grants-instance", "Access Grants instance");

#[derive(Debug, Clone)]
pub struct AccessGrantsInstance {
    pub account: String,
    /// `arn:aws:s3:REGION:ACCOUNT:access-grants/default`.
    pub arn: String,
}

impl AccessGrantsInstance {
    pub fn of(aws: &Aws, account: &str) -> Self {
        AccessGrantsInstance {
            account: account.to_string(),
            arn: format!(
                "arn:{}:s3:{}:{account}:access-grants/default",
                aws.partition, aws.region
            ),
        }
    }
}

/// The instance as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceState {
    /// The IAM Identity Center instance it is associated with (directory users and groups can
    /// then be grantees).
    pub identity_center_arn: Option<String>,
}

impl Resource for AccessGrantsInstance {
    type State = InstanceState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.arn
    }
    // An account-level resource: serialised only when --lock-bucket names a bucket.
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn show_command(&self) -> Option<String> {
        Some("lakegate accessgrant instance get".into())
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<InstanceState>> {
        Box::pin(async move {
            Ok(aws
                .access_grants_instance(&self.account)
                .await?
                .map(|i| InstanceState {
                    identity_center_arn: i.identity_center_arn,
                }))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a InstanceState) -> Fut<'a, ()> {
        Box::pin(async move {
            let wanted = state.identity_center_arn.as_deref();
            match aws.access_grants_instance(&self.account).await? {
                None => {
                    aws.create_access_grants_instance(&self.account, wanted)
                        .await?;
                }
                Some(i) if i.identity_center_arn.as_deref() != wanted => {
                    if i.identity_center_arn.is_some() {
                        aws.set_access_grants_identity_center(&self.account, None)
                            .await?;
                    }
                    if wanted.is_some() {
                        aws.set_access_grants_identity_center(&self.account, wanted)
                            .await?;
                    }
                }
                Some(_) => {}
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            if aws.access_grants_instance(&self.account).await?.is_some() {
                aws.delete_access_grants_instance(&self.account).await?;
            }
            Ok(())
        })
    }
}
