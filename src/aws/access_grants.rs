//! S3 Access Grants (in the S3 Control API): the instance of an account and Region, its locations
//! and its grants, read into lakegate's own types and written back.
//!
//! Shapes and limits: the S3 Control API Reference (`CreateAccessGrantsInstance`,
//! `CreateAccessGrantsLocation`, `CreateAccessGrant`, `ListAccessGrants`, `GetDataAccess`, …) and
//! the S3 User Guide, "S3 Access Grants limitations" (one instance per Region per account, 1,000
//! locations and 100,000 grants per instance).

use super::error::{code, Result};
use super::{classify, Aws};
use aws_sdk_s3control::types::{
    AccessGrantsLocationConfiguration, Grantee as SdkGrantee, GranteeType, Permission,
};
use serde::Serialize;

/// The Access Grants instance of an account in a Region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessGrantsInstance {
    pub id: String,
    pub arn: String,
    /// The IAM Identity Center instance it is associated with, if any.
    pub identity_center_arn: Option<String>,
    pub created_at: Option<String>,
}

/// A registered location: an S3 scope (`s3://`, a bucket, or a prefix) and the IAM role S3 Access
/// Grants assumes to vend credentials for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessGrantsLocation {
    pub id: String,
    pub arn: String,
    pub scope: String,
    pub iam_role_arn: String,
    pub created_at: Option<String>,
}

/// Who a grant is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GranteeKind {
    /// An IAM user or role, named by its ARN.
    Iam,
    /// An IAM Identity Center user, named by its directory id.
    DirectoryUser,
    /// An IAM Identity Center group, named by its directory id.
    DirectoryGroup,
}

/// A grant's access: `READ`, `WRITE` or `READWRITE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum GrantPermission {
    Read,
    Write,
    Readwrite,
}

/// One access grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessGrant {
    pub id: String,
    pub arn: String,
    pub grantee_kind: GranteeKind,
    pub grantee: String,
    pub permission: GrantPermission,
    pub location_id: String,
    /// The grant's prefix below its location (`S3SubPrefix`), if any.
    pub sub_prefix: Option<String>,
    /// The location's scope with the sub-prefix: what the grant covers (`s3://lake/vendorA/*`).
    pub scope: String,
    pub application_arn: Option<String>,
    pub created_at: Option<String>,
}

/// Which grants to list: all by default, or one grantee's, or those of one scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GrantFilter {
    pub grantee: Option<(GranteeKind, String)>,
    pub scope: Option<String>,
}

/// What a new grant names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccessGrant {
    pub location_id: String,
    pub sub_prefix: Option<String>,
    pub grantee_kind: GranteeKind,
    pub grantee: String,
    pub permission: GrantPermission,
    pub application_arn: Option<String>,
}

/// Temporary credentials vended by `GetDataAccess`, and the grant that matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataAccess {
    pub matched_grant_target: String,
    pub access_key_id: String,
    pub expiration: Option<String>,
}

fn date(d: Option<&aws_smithy_types::DateTime>) -> Option<String> {
    d.and_then(|d| d.fmt(aws_smithy_types::date_time::Format::DateTime).ok())
}

impl GranteeKind {
    fn to_sdk(self) -> GranteeType {
        match self {
            GranteeKind::Iam => GranteeType::Iam,
            GranteeKind::DirectoryUser => GranteeType::DirectoryUser,
            GranteeKind::DirectoryGroup => GranteeType::DirectoryGroup,
        }
    }

    fn from_sdk(t: Option<&GranteeType>) -> Self {
        match t {
            Some(GranteeType::DirectoryUser) => GranteeKind::DirectoryUser,
            Some(GranteeType::DirectoryGroup) => GranteeKind::DirectoryGroup,
            _ => GranteeKind::Iam,
        }
    }
}

impl From<crate::values::GrantAccess> for GrantPermission {
    fn from(a: crate::values::GrantAccess) -> Self {
        use crate::values::GrantAccess;
        match a {
            GrantAccess::Read => GrantPermission::Read,
            GrantAccess::Write => GrantPermission::Write,
            GrantAccess::ReadWrite => GrantPermission::Readwrite,
        }
    }
}

impl GrantPermission {
    /// As AWS spells it: `READ`, `WRITE`, `READWRITE`.
    pub fn as_str(self) -> &'static str {
        match self {
            GrantPermission::Read => "READ",
            GrantPermission::Write => "WRITE",
            GrantPermission::Readwrite => "READWRITE",
        }
    }

    fn to_sdk(self) -> Permission {
        match self {
            GrantPermission::Read => Permission::Read,
            GrantPermission::Write => Permission::Write,
            GrantPermission::Readwrite => Permission::Readwrite,
        }
    }

    fn from_sdk(p: Option<&Permission>) -> Self {
        match p {
            Some(Permission::Write) => GrantPermission::Write,
            Some(Permission::Readwrite) => GrantPermission::Readwrite,
            _ => GrantPermission::Read,
        }
    }
}

/// One grant from the fields every Access Grants response names the same way.
macro_rules! grant_from {
    ($o:expr) => {
        AccessGrant {
            id: $o.access_grant_id().unwrap_or_default().to_string(),
            arn: $o.access_grant_arn().unwrap_or_default().to_string(),
            grantee_kind: GranteeKind::from_sdk($o.grantee().and_then(|g| g.grantee_type())),
            grantee: $o
                .grantee()
                .and_then(|g| g.grantee_identifier())
                .unwrap_or_default()
                .to_string(),
            permission: GrantPermission::from_sdk($o.permission()),
            location_id: $o
                .access_grants_location_id()
                .unwrap_or_default()
                .to_string(),
            sub_prefix: $o
                .access_grants_location_configuration()
                .and_then(|c| c.s3_sub_prefix())
                .map(str::to_owned),
            scope: $o.grant_scope().unwrap_or_default().to_string(),
            application_arn: $o.application_arn().map(str::to_owned),
            created_at: date($o.created_at()),
        }
    };
}

/// One location from the fields every Access Grants response names the same way.
macro_rules! location_from {
    ($o:expr) => {
        AccessGrantsLocation {
            id: $o
                .access_grants_location_id()
                .unwrap_or_default()
                .to_string(),
            arn: $o
                .access_grants_location_arn()
                .unwrap_or_default()
                .to_string(),
            scope: $o.location_scope().unwrap_or_default().to_string(),
            iam_role_arn: $o.iam_role_arn().unwrap_or_default().to_string(),
            created_at: date($o.created_at()),
        }
    };
}

/// Whether an error says the account has no Access Grants instance in the Region.
fn no_instance<E: aws_smithy_types::error::metadata::ProvideErrorMetadata, R>(
    e: &aws_smithy_runtime_api::client::result::SdkError<E, R>,
) -> bool {
    code(e) == Some("AccessGrantsInstanceNotExistsError")
}

impl Aws {
    /// The account's Access Grants instance in this Region, or None when it has none.
    pub async fn access_grants_instance(
        &self,
        account: &str,
    ) -> Result<Option<AccessGrantsInstance>> {
        match self
            .s3control()
            .get_access_grants_instance()
            .account_id(account)
            .send()
            .await
        {
            Ok(o) => Ok(Some(AccessGrantsInstance {
                id: o
                    .access_grants_instance_id()
                    .unwrap_or("default")
                    .to_string(),
                arn: o
                    .access_grants_instance_arn()
                    .unwrap_or_default()
                    .to_string(),
                identity_center_arn: o.identity_center_instance_arn().map(str::to_owned),
                created_at: date(o.created_at()),
            })),
            Err(e) if no_instance(&e) => Ok(None),
            Err(e) => Err(classify("s3:GetAccessGrantsInstance", e)),
        }
    }

    /// Create the account's instance in this Region, associated with IAM Identity Center when an
    /// instance ARN is given.
    pub async fn create_access_grants_instance(
        &self,
        account: &str,
        identity_center_arn: Option<&str>,
    ) -> Result<AccessGrantsInstance> {
        let o = self
            .s3control()
            .create_access_grants_instance()
            .account_id(account)
            .set_identity_center_arn(identity_center_arn.map(str::to_owned))
            .send()
            .await
            .map_err(|e| classify("s3:CreateAccessGrantsInstance", e))?;
        Ok(AccessGrantsInstance {
            id: o
                .access_grants_instance_id()
                .unwrap_or("default")
                .to_string(),
            arn: o
                .access_grants_instance_arn()
                .unwrap_or_default()
                .to_string(),
            identity_center_arn: o.identity_center_instance_arn().map(str::to_owned),
            created_at: date(o.created_at()),
        })
    }

    /// Delete the account's instance in this Region (it must have no locations left).
    pub async fn delete_access_grants_instance(&self, account: &str) -> Result<()> {
        self.s3control()
            .delete_access_grants_instance()
            .account_id(account)
            .send()
            .await
            .map_err(|e| classify("s3:DeleteAccessGrantsInstance", e))?;
        Ok(())
    }

    /// Associate the instance with an IAM Identity Center instance, or dissociate it (`None`).
    pub async fn set_access_grants_identity_center(
        &self,
        account: &str,
        identity_center_arn: Option<&str>,
    ) -> Result<()> {
        match identity_center_arn {
            Some(arn) => {
                self.s3control()
                    .associate_access_grants_identity_center()
                    .account_id(account)
                    .identity_center_arn(arn)
                    .send()
                    .await
                    .map_err(|e| classify("s3:AssociateAccessGrantsIdentityCenter", e))?;
            }
            None => {
                self.s3control()
                    .dissociate_access_grants_identity_center()
                    .account_id(account)
                    .send()
                    .await
                    .map_err(|e| classify("s3:DissociateAccessGrantsIdentityCenter", e))?;
            }
        }
        Ok(())
    }

    /// The registered locations of the instance, all pages (none when there is no instance); only
    /// the one of `scope` when given (filtered by S3, so one request whatever the count).
    pub async fn access_grants_locations(
        &self,
        account: &str,
        scope: Option<&str>,
    ) -> Result<Vec<AccessGrantsLocation>> {
        let mut pages = self
            .s3control()
            .list_access_grants_locations()
            .account_id(account)
            .set_location_scope(scope.map(str::to_owned))
            .max_results(1000)
            .into_paginator()
            .send();
        let mut out = Vec::new();
        while let Some(page) = pages.next().await {
            let page = match page {
                Ok(p) => p,
                Err(e) if no_instance(&e) => return Ok(Vec::new()),
                Err(e) => return Err(classify("s3:ListAccessGrantsLocations", e)),
            };
            out.extend(
                page.access_grants_locations_list()
                    .iter()
                    .map(|l| location_from!(l)),
            );
        }
        Ok(out)
    }

    /// One registered location by its id (GetAccessGrantsLocation), or None when there is no
    /// such location (or no instance).
    pub async fn access_grants_location(
        &self,
        account: &str,
        id: &str,
    ) -> Result<Option<AccessGrantsLocation>> {
        match self
            .s3control()
            .get_access_grants_location()
            .account_id(account)
            .access_grants_location_id(id)
            .send()
            .await
        {
            Ok(o) => Ok(Some(location_from!(o))),
            Err(e) if no_instance(&e) || code(&e) == Some("NoSuchAccessGrantsLocationError") => {
                Ok(None)
            }
            Err(e) => Err(classify("s3:GetAccessGrantsLocation", e)),
        }
    }

    /// Register a location: an S3 scope and the IAM role S3 Access Grants assumes for it.
    pub async fn create_access_grants_location(
        &self,
        account: &str,
        scope: &str,
        iam_role_arn: &str,
    ) -> Result<AccessGrantsLocation> {
        let o = self
            .s3control()
            .create_access_grants_location()
            .account_id(account)
            .location_scope(scope)
            .iam_role_arn(iam_role_arn)
            .send()
            .await
            .map_err(|e| classify("s3:CreateAccessGrantsLocation", e))?;
        Ok(location_from!(o))
    }

    /// Change the IAM role S3 Access Grants assumes for a location.
    pub async fn update_access_grants_location(
        &self,
        account: &str,
        id: &str,
        iam_role_arn: &str,
    ) -> Result<()> {
        self.s3control()
            .update_access_grants_location()
            .account_id(account)
            .access_grants_location_id(id)
            .iam_role_arn(iam_role_arn)
            .send()
            .await
            .map_err(|e| classify("s3:UpdateAccessGrantsLocation", e))?;
        Ok(())
    }

    /// Deregister a location (it must have no grants left).
    pub async fn delete_access_grants_location(&self, account: &str, id: &str) -> Result<()> {
        self.s3control()
            .delete_access_grants_location()
            .account_id(account)
            .access_grants_location_id(id)
            .send()
            .await
            .map_err(|e| classify("s3:DeleteAccessGrantsLocation", e))?;
        Ok(())
    }

    /// The grants of the instance that `only` lets through, all pages (none when there is no
    /// instance). The filter is applied by S3 (ListAccessGrants' grantee and scope parameters),
    /// so finding one grantee's grants costs the same whatever the number of grants.
    pub async fn access_grants(
        &self,
        account: &str,
        only: &GrantFilter,
    ) -> Result<Vec<AccessGrant>> {
        let mut pages = self
            .s3control()
            .list_access_grants()
            .account_id(account)
            .set_grantee_type(only.grantee.as_ref().map(|(k, _)| k.to_sdk()))
            .set_grantee_identifier(only.grantee.as_ref().map(|(_, g)| g.clone()))
            .set_grant_scope(only.scope.clone())
            .max_results(1000)
            .into_paginator()
            .send();
        let mut out = Vec::new();
        while let Some(page) = pages.next().await {
            let page = match page {
                Ok(p) => p,
                Err(e) if no_instance(&e) => return Ok(Vec::new()),
                Err(e) => return Err(classify("s3:ListAccessGrants", e)),
            };
            out.extend(page.access_grants_list().iter().map(|g| grant_from!(g)));
        }
        Ok(out)
    }

    /// Create a grant.
    pub async fn create_access_grant(
        &self,
        account: &str,
        grant: &NewAccessGrant,
    ) -> Result<AccessGrant> {
        let grantee = SdkGrantee::builder()
            .grantee_type(grant.grantee_kind.to_sdk())
            .grantee_identifier(&grant.grantee)
            .build();
        let mut req = self
            .s3control()
            .create_access_grant()
            .account_id(account)
            .access_grants_location_id(&grant.location_id)
            .grantee(grantee)
            .permission(grant.permission.to_sdk())
            .set_application_arn(grant.application_arn.clone());
        if let Some(sub) = &grant.sub_prefix {
            req = req.access_grants_location_configuration(
                AccessGrantsLocationConfiguration::builder()
                    .s3_sub_prefix(sub)
                    .build(),
            );
        }
        let o = req
            .send()
            .await
            .map_err(|e| classify("s3:CreateAccessGrant", e))?;
        Ok(grant_from!(o))
    }

    /// Delete a grant.
    pub async fn delete_access_grant(&self, account: &str, id: &str) -> Result<()> {
        self.s3control()
            .delete_access_grant()
            .account_id(account)
            .access_grant_id(id)
            .send()
            .await
            .map_err(|e| classify("s3:DeleteAccessGrant", e))?;
        Ok(())
    }

    /// `GetDataAccess` for the caller: the grant that matches `target` (an `s3://` URL) with
    /// `permission`, and the credentials it vends. The secret parts are never kept.
    pub async fn data_access(
        &self,
        account: &str,
        target: &str,
        permission: GrantPermission,
    ) -> Result<DataAccess> {
        let o = self
            .s3control()
            .get_data_access()
            .account_id(account)
            .target(target)
            .permission(permission.to_sdk())
            .send()
            .await
            .map_err(|e| classify("s3:GetDataAccess", e))?;
        let creds = o.credentials();
        Ok(DataAccess {
            matched_grant_target: o.matched_grant_target().unwrap_or_default().to_string(),
            access_key_id: creds
                .and_then(|c| c.access_key_id())
                .unwrap_or_default()
                .to_string(),
            expiration: date(creds.and_then(|c| c.expiration())),
        })
    }
}

/// The most specific registered location that covers `url`, with the grant's sub-prefix below it
/// (`vendorA/*`; none when the grant is the whole location) and the grant's scope.
pub fn placement(
    locations: &[AccessGrantsLocation],
    url: &str,
) -> Option<(AccessGrantsLocation, Option<String>, String)> {
    let base = |scope: &str| -> String {
        let s = scope.trim_end_matches('*');
        if s == "s3://" || s.ends_with('/') {
            s.to_string()
        } else {
            format!("{s}/")
        }
    };
    let location = locations
        .iter()
        .filter(|l| url.starts_with(&base(&l.scope)) || url == l.scope.trim_end_matches('*'))
        .max_by_key(|l| base(&l.scope).len())?
        .clone();
    let rest = url.strip_prefix(&base(&location.scope)).unwrap_or("");
    if rest.is_empty() {
        let scope = location.scope.clone();
        return Some((location, None, scope));
    }
    let sub = if rest.ends_with('*') {
        rest.to_string()
    } else {
        format!("{rest}*")
    };
    let scope = format!("{}{sub}", base(&location.scope));
    Some((location, Some(sub), scope))
}

/// The grant GetDataAccess matches for `principal` asking `wanted` (READ or WRITE) on `target`:
/// among its IAM grants whose permission includes it (READWRITE includes both), the one with the
/// longest scope that covers the target.
pub fn matching<'g>(
    grants: &'g [AccessGrant],
    principal: &str,
    target: &str,
    wanted: GrantPermission,
) -> Option<&'g AccessGrant> {
    grants
        .iter()
        .filter(|g| g.grantee_kind == GranteeKind::Iam && g.grantee == principal)
        .filter(|g| g.permission == wanted || g.permission == GrantPermission::Readwrite)
        .filter(|g| target.starts_with(g.scope.trim_end_matches('*')))
        .max_by_key(|g| g.scope.trim_end_matches('*').len())
}
