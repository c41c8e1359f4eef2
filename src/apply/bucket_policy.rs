//! Kind: a bucket policy. Restorable; its lease lives in the bucket.

use super::{policy, Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::Target;
use crate::policy::PolicyKind;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct BucketPolicy {
    pub bucket: String,
    pub arn: String,
}

impl BucketPolicy {
    pub fn new(aws: &Aws, bucket: &str) -> Self {
        BucketPolicy {
            bucket: bucket.to_string(),
            arn: crate::policy::arn::bucket_arn(aws.partition, bucket),
        }
    }
}

impl Resource for BucketPolicy {
    fn target(&self) -> Target {
        Target::BucketPolicy
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
        Some(format!("lakegate bucket policy history {}", self.bucket))
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
        Box::pin(async move {
            let doc = aws.bucket_policy(&self.bucket).await?;
            Ok(policy::read_state(&self.arn, doc))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_bucket_policy(&self.bucket, &policy::to_write(&self.arn, state)?)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_bucket_policy(&self.bucket)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn check(&self, after: &Value) -> crate::error::Result<()> {
        policy::check(PolicyKind::Bucket, &self.arn, after)
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
    fn show_command(&self) -> Option<String> {
        Some(format!("lakegate bucket policy get {}", self.bucket))
    }
}
