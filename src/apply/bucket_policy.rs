//! Kind: a bucket policy. Restorable; its lease lives in the bucket.

use super::{policy, Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use crate::policy::{PolicyDocument, PolicyKind};

/// A bucket policy, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("bucket-policy", "bucket policy");

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
        Some(format!("lakegate bucket policy history {}", self.bucket))
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<PolicyDocument>> {
        Box::pin(async move { Ok(policy::state(aws.bucket_policy(&self.bucket).await?)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a PolicyDocument) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_bucket_policy(&self.bucket, state)
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
    fn check(&self, after: &PolicyDocument) -> crate::error::Result<()> {
        policy::check(PolicyKind::Bucket, &self.arn, after)
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
        Some(format!("lakegate bucket policy get {}", self.bucket))
    }
    fn access(&self, state: Option<&PolicyDocument>) -> Option<super::access::Part> {
        Some(super::access::Part::BucketPolicy {
            bucket: self.bucket.clone(),
            doc: state.cloned(),
        })
    }
}
