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
use std::sync::{Arc, Mutex};

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
    /// What the last [`Resource::read`] found: the grant (and its location's scope), or None
    /// when there was none. The pipeline re-reads right before it writes (under the lease), so
    /// the write takes the grant's id and location from here instead of listing again.
    last_read: Arc<Mutex<Option<Found>>>,
}

/// A grant as a read found it, with its location's scope (None: there was none).
type Found = Option<(Listed, String)>;

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
            last_read: Arc::default(),
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
    /// The scope of the registered location it is made in (so that a grant can be planned in
    /// a location the same plan registers), and its prefix below that location.
    pub location: String,
    pub sub_prefix: Option<String>,
}

impl AccessGrant {
    /// The grant as the last read found it (with its location's scope), else as AWS lists it
    /// now.
    async fn current(&self, aws: &Aws) -> crate::error::Result<Found> {
        let cached = self.last_read.lock().map(|r| r.clone()).unwrap_or_default();
        match cached {
            Some(found) => Ok(found),
            None => Ok(self.find(aws).await?.map(|g| {
                let location = g.location_id.clone();
                (g, location)
            })),
        }
    }

    /// The registered location of `scope` (one ListAccessGrantsLocations, filtered by S3).
    async fn location_id(&self, aws: &Aws, scope: &str) -> crate::error::Result<String> {
        aws.access_grants_locations(&self.account, Some(scope))
            .await?
            .into_iter()
            .find(|l| l.scope == scope)
            .map(|l| l.id)
            .ok_or_else(|| {
                crate::error::failed(format!(
                    "no Access Grants location {scope} is registered in account {}: the grant on {} cannot be made",
                    self.account, self.scope
                ))
            })
    }
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
            let Some(g) = self.find(aws).await? else {
                if let Ok(mut last) = self.last_read.lock() {
                    *last = Some(None);
                }
                return Ok(None);
            };
            // The location's scope, by its id (GetAccessGrantsLocation): one request.
            let location = aws
                .access_grants_location(&self.account, &g.location_id)
                .await?
                .map(|l| l.scope)
                .unwrap_or_else(|| g.location_id.clone());
            let state = GrantState {
                permission: g.permission,
                location: location.clone(),
                sub_prefix: g.sub_prefix.clone(),
            };
            if let Ok(mut last) = self.last_read.lock() {
                *last = Some(Some((g, location)));
            }
            Ok(Some(state))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a GrantState) -> Fut<'a, ()> {
        Box::pin(async move {
            let old = self.current(aws).await?;
            // The location the grant is in already, else the registered one of that scope.
            let location_id = match &old {
                Some((g, scope)) if *scope == state.location => g.location_id.clone(),
                _ => self.location_id(aws, &state.location).await?,
            };
            let old = old.map(|(g, _)| g);
            if old.as_ref().is_some_and(|g| {
                g.permission == state.permission
                    && g.location_id == location_id
                    && g.sub_prefix == state.sub_prefix
            }) {
                return Ok(());
            }
            aws.create_access_grant(
                &self.account,
                &NewAccessGrant {
                    location_id,
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
            // Whatever is there now, the next write lists it again.
            if let Ok(mut last) = self.last_read.lock() {
                *last = None;
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            if let Some((g, _)) = self.current(aws).await? {
                aws.delete_access_grant(&self.account, &g.id).await?;
            }
            if let Ok(mut last) = self.last_read.lock() {
                *last = None;
            }
            Ok(())
        })
    }
}
