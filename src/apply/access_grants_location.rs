//! Kind: a location registered in the Access Grants instance: an S3 scope (`s3://`, a bucket or
//! a prefix) and the IAM role S3 Access Grants assumes to vend credentials for it. Its scope is
//! its identity (AWS assigns the id); only the role can change.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::error::failed;
use crate::plan::ResourceKind;
use crate::policy::PolicyDocument;
use serde::{Deserialize, Serialize};
use serde_json::json;

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

/// The trust policy of a location's role: S3 Access Grants may assume it, set the source
/// identity and the context (S3 User Guide, "Register a location":
/// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-grants-location-register.html;
/// `sts:SetContext` carries the IAM Identity Center identity of a directory grantee).
pub fn role_trust_policy() -> PolicyDocument {
    let mut d = PolicyDocument::new();
    d.upsert(json!({
        "Sid": "AccessGrantsAssumesRole",
        "Effect": "Allow",
        "Principal": {"Service": "access-grants.s3.amazonaws.com"},
        "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:SetContext"],
    }));
    d
}

/// The permissions of a location's role: exactly what grants in `scope` can vend (read and
/// write of the objects below it, the bucket's listing limited to its prefix), and only for
/// credentials vended by the account's instance (`s3:AccessGrantsInstanceArn`, as the same page
/// shows).
pub fn role_policy(partition: &str, region: &str, account: &str, scope: &str) -> PolicyDocument {
    let rest = scope
        .trim_end_matches('*')
        .strip_prefix("s3://")
        .unwrap_or("");
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    let s3 = |r: &str| format!("arn:{partition}:s3:::{r}");
    let (objects, bucket_arn) = if bucket.is_empty() {
        (s3("*/*"), s3("*"))
    } else {
        (s3(&format!("{bucket}/{prefix}*")), s3(bucket))
    };
    let only_vended = json!({
        "StringEquals": {"aws:ResourceAccount": account},
        "ArnEquals": {"s3:AccessGrantsInstanceArn": format!("arn:{partition}:s3:{region}:{account}:access-grants/default")},
    });
    let mut d = PolicyDocument::new();
    d.upsert(json!({
        "Sid": "ObjectLevelReadPermissions",
        "Effect": "Allow",
        "Action": ["s3:GetObject", "s3:GetObjectVersion", "s3:ListMultipartUploadParts"],
        "Resource": objects.clone(),
        "Condition": only_vended.clone(),
    }));
    d.upsert(json!({
        "Sid": "ObjectLevelWritePermissions",
        "Effect": "Allow",
        "Action": ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:AbortMultipartUpload"],
        "Resource": objects,
        "Condition": only_vended.clone(),
    }));
    let mut list = only_vended;
    if !prefix.is_empty() {
        list["StringLike"] = json!({"s3:prefix": format!("{prefix}*")});
    }
    d.upsert(json!({
        "Sid": "BucketLevelReadPermissions",
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": bucket_arn,
        "Condition": list,
    }));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_role_of_a_scope_reaches_exactly_the_scope() {
        let d = role_policy("aws", "us-east-1", "111122223333", "s3://lake/vendorA/").to_value();
        let st = d["Statement"].as_array().unwrap();
        assert_eq!(st[0]["Resource"], "arn:aws:s3:::lake/vendorA/*");
        assert_eq!(st[1]["Resource"], "arn:aws:s3:::lake/vendorA/*");
        assert_eq!(st[2]["Resource"], "arn:aws:s3:::lake");
        assert_eq!(st[2]["Condition"]["StringLike"]["s3:prefix"], "vendorA/*");
        assert_eq!(
            st[0]["Condition"]["ArnEquals"]["s3:AccessGrantsInstanceArn"],
            "arn:aws:s3:us-east-1:111122223333:access-grants/default"
        );
        let d = role_policy("aws", "us-east-1", "111122223333", "s3://lake").to_value();
        assert_eq!(d["Statement"][0]["Resource"], "arn:aws:s3:::lake/*");
        assert!(d["Statement"][2]["Condition"].get("StringLike").is_none());
        let d = role_policy("aws", "us-east-1", "111122223333", "s3://").to_value();
        assert_eq!(d["Statement"][0]["Resource"], "arn:aws:s3:::*/*");
        assert_eq!(d["Statement"][2]["Resource"], "arn:aws:s3:::*");
        let t = role_trust_policy().to_value();
        assert_eq!(
            t["Statement"][0]["Principal"]["Service"],
            "access-grants.s3.amazonaws.com"
        );
    }
}
