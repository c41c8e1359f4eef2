//! Kind: a location registered in the Access Grants instance: an S3 scope (`s3://`, a bucket or
//! a prefix) and the IAM role S3 Access Grants assumes to vend credentials for it. Its scope is
//! its identity (AWS assigns the id); only the role can change.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::error::failed;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};

/// An Access Grants location, in plans.
pub const KIND: ResourceKind =
    ResourceKind::new("access-grants-location", "Access Grants location");

#[derive(Debug, Clone)]
pub struct AccessGrantsLocation {
    pub account: String,
    /// The scope, as registered (`s3://bucket/prefix*`).
    pub scope: String,
}

/// The location as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationState {
    pub scope: String,
    pub iam_role_arn: String,
}

/// The bucket a scope names, if any (`s3://` names none).
pub fn scope_bucket(scope: &str) -> Option<&str> {
    let rest = scope.strip_prefix("s3://")?;
    let bucket = rest.split('/').next().unwrap_or_default();
    (!bucket.is_empty()).then_some(bucket)
}

impl AccessGrantsLocation {
    async fn registered(&self, aws: &Aws) -> crate::error::Result<Option<(String, LocationState)>> {
        Ok(aws
            .access_grants_locations(&self.account, Some(&self.scope))
            .await?
            .into_iter()
            .find(|l| l.scope == self.scope)
            .map(|l| {
                (
                    l.id,
                    LocationState {
                        scope: l.scope,
                        iam_role_arn: l.iam_role_arn,
                    },
                )
            }))
    }
}

impl Resource for AccessGrantsLocation {
    type State = LocationState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.scope
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        scope_bucket(&self.scope).map(|b| LeaseKey {
            bucket: b.to_string(),
            resource: format!("access-grants-location {}", self.scope),
        })
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn show_command(&self) -> Option<String> {
        Some("lakegate accessgrant location list".into())
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<LocationState>> {
        Box::pin(async move { Ok(self.registered(aws).await?.map(|(_, s)| s)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a LocationState) -> Fut<'a, ()> {
        Box::pin(async move {
            if state.scope != self.scope {
                return Err(failed(format!(
                    "a location's scope cannot change ({} → {})",
                    self.scope, state.scope
                )));
            }
            match self.registered(aws).await? {
                None => {
                    aws.create_access_grants_location(
                        &self.account,
                        &self.scope,
                        &state.iam_role_arn,
                    )
                    .await?;
                }
                Some((id, now)) if now.iam_role_arn != state.iam_role_arn => {
                    aws.update_access_grants_location(&self.account, &id, &state.iam_role_arn)
                        .await?;
                }
                Some(_) => {}
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            if let Some((id, _)) = self.registered(aws).await? {
                aws.delete_access_grants_location(&self.account, &id)
                    .await?;
            }
            Ok(())
        })
    }
}
