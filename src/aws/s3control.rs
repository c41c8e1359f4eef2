//! S3 Control: access points and their policies.

use super::error::{failed, not_found, Result};
use super::{classify, error::code, Aws};
use crate::policy::PolicyDocument;
use serde::Serialize;

/// An access point as lakegate reports it (stable JSON shape: snake_case keys, ARNs in full).
#[derive(Debug, Clone, Serialize)]
pub struct AccessPointInfo {
    pub name: String,
    pub bucket: String,
    pub arn: String,
    pub alias: Option<String>,
    /// `Internet` or `VPC`.
    pub network_origin: String,
    pub vpc_id: Option<String>,
    pub bucket_account_id: Option<String>,
    pub creation_date: Option<String>,
    pub block_public_access: Option<BlockPublicAccess>,
}

/// S3 Block Public Access settings (a value of its own, with its text form).
pub use crate::values::BlockPublicAccess;

fn fmt_date(d: Option<&aws_smithy_types::DateTime>) -> Option<String> {
    d.and_then(|d| d.fmt(aws_smithy_types::date_time::Format::DateTime).ok())
}

impl Aws {
    /// Create an access point; returns its ARN and alias.
    pub async fn create_access_point(
        &self,
        account: &str,
        name: &str,
        bucket: &str,
        vpc_id: Option<&str>,
        bpa: BlockPublicAccess,
    ) -> Result<(String, Option<String>)> {
        use aws_sdk_s3control::types::{PublicAccessBlockConfiguration, VpcConfiguration};
        let mut req = self
            .s3control()
            .create_access_point()
            .account_id(account)
            .name(name)
            .bucket(bucket)
            .public_access_block_configuration(
                PublicAccessBlockConfiguration::builder()
                    .block_public_acls(bpa.block_public_acls)
                    .ignore_public_acls(bpa.ignore_public_acls)
                    .block_public_policy(bpa.block_public_policy)
                    .restrict_public_buckets(bpa.restrict_public_buckets)
                    .build(),
            );
        if let Some(vpc) = vpc_id {
            req = req.vpc_configuration(
                VpcConfiguration::builder()
                    .vpc_id(vpc)
                    .build()
                    .map_err(|e| failed(format!("invalid VPC configuration: {e}")))?,
            );
        }
        let out = req
            .send()
            .await
            .map_err(|e| classify("s3:CreateAccessPoint", e))?;
        let arn = out
            .access_point_arn()
            .map(str::to_owned)
            .unwrap_or_else(|| {
                crate::policy::arn::access_point_arn(self.partition, &self.region, account, name)
            });
        Ok((arn, out.alias().map(str::to_owned)))
    }

    /// Details of one access point, or None when it does not exist.
    pub async fn access_point(&self, account: &str, name: &str) -> Result<Option<AccessPointInfo>> {
        let out = match self
            .s3control()
            .get_access_point()
            .account_id(account)
            .name(name)
            .send()
            .await
        {
            Ok(o) => o,
            Err(e) if code(&e) == Some("NoSuchAccessPoint") => return Ok(None),
            Err(e) => return Err(classify("s3:GetAccessPoint", e)),
        };
        Ok(Some(AccessPointInfo {
            name: out.name().unwrap_or(name).to_string(),
            bucket: out.bucket().unwrap_or_default().to_string(),
            arn: out
                .access_point_arn()
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    crate::policy::arn::access_point_arn(
                        self.partition,
                        &self.region,
                        account,
                        name,
                    )
                }),
            alias: out.alias().map(str::to_owned),
            network_origin: out
                .network_origin()
                .map(|n| n.as_str().to_string())
                .unwrap_or_default(),
            vpc_id: out.vpc_configuration().map(|v| v.vpc_id().to_string()),
            bucket_account_id: out.bucket_account_id().map(str::to_owned),
            creation_date: fmt_date(out.creation_date()),
            block_public_access: out.public_access_block_configuration().map(|b| {
                BlockPublicAccess {
                    block_public_acls: b.block_public_acls().unwrap_or(false),
                    ignore_public_acls: b.ignore_public_acls().unwrap_or(false),
                    block_public_policy: b.block_public_policy().unwrap_or(false),
                    restrict_public_buckets: b.restrict_public_buckets().unwrap_or(false),
                }
            }),
        }))
    }

    /// `RestrictPublicBuckets` of the account's Block Public Access (false when none is set).
    pub async fn account_restrict_public_buckets(&self, account: &str) -> Result<bool> {
        let answer = self
            .s3control()
            .get_public_access_block()
            .account_id(account)
            .send()
            .await
            .map(|o| {
                o.public_access_block_configuration()
                    .and_then(|c| c.restrict_public_buckets())
            });
        super::s3::restrict_public_buckets("s3:GetAccountPublicAccessBlock", answer)
    }

    /// `RestrictPublicBuckets` of an access point (GetAccessPoint); false when it has none.
    pub async fn access_point_restrict_public_buckets(
        &self,
        account: &str,
        name: &str,
    ) -> Result<bool> {
        Ok(self
            .access_point(account, name)
            .await?
            .and_then(|a| a.block_public_access)
            .is_some_and(|b| b.restrict_public_buckets))
    }

    /// Every access point of the account (on one bucket when given), all pages.
    /// `on_page` is called with the running count after each page.
    pub async fn list_access_points(
        &self,
        account: &str,
        bucket: Option<&str>,
        mut on_page: impl FnMut(usize),
    ) -> Result<Vec<AccessPointInfo>> {
        let mut out = Vec::new();
        let mut pages = self
            .s3control()
            .list_access_points()
            .account_id(account)
            .set_bucket(bucket.map(str::to_owned))
            .max_results(1000)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| classify("s3:ListAccessPoints", e))?;
            for ap in page.access_point_list() {
                out.push(AccessPointInfo {
                    name: ap.name().to_string(),
                    bucket: ap.bucket().to_string(),
                    arn: ap.access_point_arn().map(str::to_owned).unwrap_or_else(|| {
                        crate::policy::arn::access_point_arn(
                            self.partition,
                            &self.region,
                            account,
                            ap.name(),
                        )
                    }),
                    alias: ap.alias().map(str::to_owned),
                    network_origin: ap.network_origin().as_str().to_string(),
                    vpc_id: ap.vpc_configuration().map(|v| v.vpc_id().to_string()),
                    bucket_account_id: ap.bucket_account_id().map(str::to_owned),
                    creation_date: None,
                    block_public_access: None,
                });
            }
            on_page(out.len());
        }
        Ok(out)
    }

    /// The access point policy, or None when it has none.
    pub async fn access_point_policy(
        &self,
        account: &str,
        name: &str,
    ) -> Result<Option<PolicyDocument>> {
        match self
            .s3control()
            .get_access_point_policy()
            .account_id(account)
            .name(name)
            .send()
            .await
        {
            Ok(out) => match out.policy() {
                Some(text) if !text.trim().is_empty() => {
                    PolicyDocument::parse(text).map(Some).map_err(|e| {
                        super::unreadable_policy(
                            &format!("the policy of access point '{name}'"),
                            &e,
                        )
                    })
                }
                _ => Ok(None),
            },
            Err(e) if code(&e) == Some("NoSuchAccessPointPolicy") => Ok(None),
            Err(e) if code(&e) == Some("NoSuchAccessPoint") => Err(not_found(format!(
                "access point '{name}' does not exist in account {account}"
            ))
            .code("NoSuchAccessPoint")),
            Err(e) => Err(classify("s3:GetAccessPointPolicy", e)),
        }
    }

    pub async fn put_access_point_policy(
        &self,
        account: &str,
        name: &str,
        doc: &PolicyDocument,
    ) -> Result<()> {
        self.s3control()
            .put_access_point_policy()
            .account_id(account)
            .name(name)
            .policy(doc.to_json())
            .send()
            .await
            .map_err(|e| classify("s3:PutAccessPointPolicy", e))?;
        Ok(())
    }

    pub async fn delete_access_point_policy(&self, account: &str, name: &str) -> Result<()> {
        self.s3control()
            .delete_access_point_policy()
            .account_id(account)
            .name(name)
            .send()
            .await
            .map_err(|e| classify("s3:DeleteAccessPointPolicy", e))?;
        Ok(())
    }

    pub async fn delete_access_point(&self, account: &str, name: &str) -> Result<()> {
        self.s3control()
            .delete_access_point()
            .account_id(account)
            .name(name)
            .send()
            .await
            .map_err(|e| match code(&e) {
                Some("NoSuchAccessPoint") => not_found(format!(
                    "access point '{name}' does not exist in account {account}"
                )),
                _ => classify("s3:DeleteAccessPoint", e),
            })?;
        Ok(())
    }
}
