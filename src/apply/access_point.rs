//! Kind: an access point (name, bucket, network origin, block public access). Not restorable
//! itself (its policy is); an existing one cannot be changed, only created or deleted.

use super::{Fut, LeaseKey, Resource};
use crate::aws::s3control::{AccessPointInfo, BlockPublicAccess};
use crate::aws::Aws;
use crate::error::failed;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};

/// An access point, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("access-point", "access point");

#[derive(Debug, Clone)]
pub struct AccessPoint {
    pub account: String,
    pub name: String,
    pub arn: String,
    pub bucket: String,
}

/// The state of an access point as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessPointState {
    pub name: String,
    pub bucket: String,
    /// `VPC` or `Internet`.
    pub network_origin: String,
    pub vpc_id: Option<String>,
    pub block_public_access: Option<BlockPublicAccess>,
}

/// The state of an access point as plans show it.
pub fn state(
    name: &str,
    bucket: &str,
    vpc_id: Option<&str>,
    bpa: Option<BlockPublicAccess>,
) -> AccessPointState {
    AccessPointState {
        name: name.to_string(),
        bucket: bucket.to_string(),
        network_origin: if vpc_id.is_some() { "VPC" } else { "Internet" }.to_string(),
        vpc_id: vpc_id.map(str::to_string),
        block_public_access: bpa,
    }
}

fn info_state(i: &AccessPointInfo) -> AccessPointState {
    state(
        &i.name,
        &i.bucket,
        i.vpc_id.as_deref(),
        i.block_public_access,
    )
}

/// What identifies an access point's configuration (block public access reads back in forms
/// that vary between endpoints, and cannot change anyway).
fn identity(v: &AccessPointState) -> (&str, &str, Option<&str>) {
    (&v.name, &v.bucket, v.vpc_id.as_deref())
}

impl Resource for AccessPoint {
    type State = AccessPointState;
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
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<AccessPointState>> {
        Box::pin(async move {
            Ok(aws
                .access_point(&self.account, &self.name)
                .await?
                .as_ref()
                .map(info_state))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a AccessPointState) -> Fut<'a, ()> {
        Box::pin(async move {
            if aws.access_point(&self.account, &self.name).await?.is_some() {
                return Err(failed(format!(
                    "access point '{}' exists; an access point cannot be changed, only deleted and created again",
                    self.name
                )));
            }
            let bpa = state
                .block_public_access
                .unwrap_or(BlockPublicAccess::all(true));
            aws.create_access_point(
                &self.account,
                &self.name,
                &self.bucket,
                state.vpc_id.as_deref(),
                bpa,
            )
            .await?;
            tracing::info!(name = %self.name, bucket = %self.bucket, "access point created");
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            // Gone already is what was asked for (an earlier attempt whose answer was lost did it).
            match aws.delete_access_point(&self.account, &self.name).await {
                Err(e) if e.kind == crate::aws::ErrorKind::NotFound => Ok(()),
                r => Ok(r?),
            }
        })
    }
    fn same(&self, a: Option<&AccessPointState>, b: Option<&AccessPointState>) -> bool {
        a.map(identity) == b.map(identity)
    }
    fn access(&self, state: Option<&AccessPointState>) -> Option<super::access::Part> {
        Some(super::access::Part::AccessPoint {
            bucket: self.bucket.clone(),
            target: super::access_point_policy::target(&self.account, &self.name, &self.arn),
            exists: state.is_some(),
        })
    }
}
