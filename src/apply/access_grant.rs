//! Kind: one access grant: a grantee (IAM principal, or IAM Identity Center user or group), a
//! prefix below a registered location, and READ, WRITE or READWRITE. Its grantee and scope are
//! its identity (AWS assigns the id); a change of access creates the new grant before it
//! deletes the old one, so the grantee never loses what both allow.

use super::access_grants_location::scope_bucket;
use super::{Fut, LeaseKey, Resource};
use crate::aws::access_grants::{
    AccessGrant as Listed, GrantFilter, GrantPermission, GranteeKind, NewAccessGrant,
};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};

/// An access grant, in plans.
pub const KIND: ResourceKind = ResourceKind::new("access-grant", "access grant");

#[derive(Debug, Clone)]
pub struct AccessGrant {
    pub account: String,
    /// What the grant covers: its location's scope with the sub-prefix (`s3://lake/vendorA/*`).
    pub scope: String,
    pub grantee_kind: GranteeKind,
    pub grantee: String,
    pub application_arn: Option<String>,
    /// `scope grantee`: how plans and leases name it.
    pub key: String,
}

impl AccessGrant {
    pub fn new(
        account: &str,
        scope: &str,
        grantee_kind: GranteeKind,
        grantee: &str,
        application_arn: Option<&str>,
    ) -> Self {
        AccessGrant {
            account: account.to_string(),
            scope: scope.to_string(),
            grantee_kind,
            grantee: grantee.to_string(),
            application_arn: application_arn.map(str::to_owned),
            key: format!("{scope} {grantee}"),
        }
    }

    /// The grant of this identity, as AWS lists it.
    pub async fn find(&self, aws: &Aws) -> crate::error::Result<Option<Listed>> {
        Ok(aws
            .access_grants(
                &self.account,
                &GrantFilter {
                    grantee: Some((self.grantee_kind, self.grantee.clone())),
                    scope: Some(self.scope.clone()),
                },
            )
            .await?
            .into_iter()
            .find(|g| {
                g.scope == self.scope
                    && g.grantee == self.grantee
                    && g.grantee_kind == self.grantee_kind
                    && g.application_arn == self.application_arn
            }))
    }
}

/// A grant as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantState {
    pub permission: GrantPermission,
    /// The registered location it is made in, and its prefix below that location.
    pub location_id: String,
    pub sub_prefix: Option<String>,
}

impl Resource for AccessGrant {
    type State = GrantState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.key
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        scope_bucket(&self.scope).map(|b| LeaseKey {
            bucket: b.to_string(),
            resource: format!("access-grant {}", self.key),
        })
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn show_command(&self) -> Option<String> {
        Some(format!(
            "lakegate accessgrant list --grantee {}",
            self.grantee
        ))
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<GrantState>> {
        Box::pin(async move {
            Ok(self.find(aws).await?.map(|g| GrantState {
                permission: g.permission,
                location_id: g.location_id,
                sub_prefix: g.sub_prefix,
            }))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a GrantState) -> Fut<'a, ()> {
        Box::pin(async move {
            let old = self.find(aws).await?;
            if old.as_ref().is_some_and(|g| {
                g.permission == state.permission
                    && g.location_id == state.location_id
                    && g.sub_prefix == state.sub_prefix
            }) {
                return Ok(());
            }
            aws.create_access_grant(
                &self.account,
                &NewAccessGrant {
                    location_id: state.location_id.clone(),
                    sub_prefix: state.sub_prefix.clone(),
                    grantee_kind: self.grantee_kind,
                    grantee: self.grantee.clone(),
                    permission: state.permission,
                    application_arn: self.application_arn.clone(),
                },
            )
            .await?;
            if let Some(old) = old {
                aws.delete_access_grant(&self.account, &old.id).await?;
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            if let Some(g) = self.find(aws).await? {
                aws.delete_access_grant(&self.account, &g.id).await?;
            }
            Ok(())
        })
    }
}
