//! Kind: an access point (name, bucket, network origin, block public access). Not restorable
//! itself (its policy is); an existing one cannot be changed, only created or deleted.

use super::{Fut, LeaseKey, Resource};
use crate::aws::s3control::{AccessPointInfo, BlockPublicAccess};
use crate::aws::Aws;
use crate::error::{failed, input_error, Result};
use crate::plan::Target;
use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub struct AccessPoint {
    pub account: String,
    pub name: String,
    pub arn: String,
    pub bucket: String,
}

/// The state of an access point as plans show it.
pub fn state(
    name: &str,
    bucket: &str,
    vpc_id: Option<&str>,
    bpa: Option<BlockPublicAccess>,
) -> Value {
    json!({
        "name": name,
        "bucket": bucket,
        "network_origin": if vpc_id.is_some() { "VPC" } else { "Internet" },
        "vpc_id": vpc_id,
        "block_public_access": bpa,
    })
}

fn info_state(i: &AccessPointInfo) -> Value {
    state(
        &i.name,
        &i.bucket,
        i.vpc_id.as_deref(),
        i.block_public_access,
    )
}

/// What identifies an access point's configuration (block public access reads back in forms
/// that vary between endpoints, and cannot change anyway).
fn identity(v: &Value) -> (Value, Value, Value) {
    (v["name"].clone(), v["bucket"].clone(), v["vpc_id"].clone())
}

impl Resource for AccessPoint {
    fn target(&self) -> Target {
        Target::AccessPoint
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
        Box::pin(async move {
            Ok(aws
                .access_point(&self.account, &self.name)
                .await?
                .as_ref()
                .map(info_state))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            if aws.access_point(&self.account, &self.name).await?.is_some() {
                return Err(failed(format!(
                    "access point '{}' exists; an access point cannot be changed, only deleted and created again",
                    self.name
                )));
            }
            let bpa: BlockPublicAccess = match &state["block_public_access"] {
                Value::Null => BlockPublicAccess::all(true),
                v => parse_bpa(v)?,
            };
            aws.create_access_point(
                &self.account,
                &self.name,
                &self.bucket,
                state["vpc_id"].as_str(),
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
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        a.map(identity) == b.map(identity)
    }
}

fn parse_bpa(v: &Value) -> Result<BlockPublicAccess> {
    let flag = |k: &str| {
        v[k].as_bool()
            .ok_or_else(|| input_error(format!("block_public_access.{k}: expected true or false")))
    };
    Ok(BlockPublicAccess {
        block_public_acls: flag("block_public_acls")?,
        ignore_public_acls: flag("ignore_public_acls")?,
        block_public_policy: flag("block_public_policy")?,
        restrict_public_buckets: flag("restrict_public_buckets")?,
    })
}
