//! `lakegate accessgrant ...` (alias `ag`): S3 Access Grants, the third way to grant beside
//! bucket policies and access points: the instance, its locations, and grants of a prefix to an
//! IAM principal or an IAM Identity Center user or group.

pub mod check;
pub mod create;
pub mod delete;
pub mod get;
pub mod instance;
pub mod list;
pub mod location;
pub mod migrate;

use super::Ctx;
use crate::aws::access_grants::{AccessGrant, AccessGrantsLocation};
use crate::error::{failed, Result};
use crate::output::{Cell, Row};
use clap::Subcommand;
use serde::Serialize;

#[derive(Debug, Subcommand)]
pub enum AccessGrantCommand {
    /// The account's Access Grants instance in the region (one at most)
    #[command(subcommand)]
    Instance(instance::InstanceCommand),
    /// Locations: the S3 scopes grants are made in, each with the role S3 assumes for it
    #[command(subcommand)]
    Location(location::LocationCommand),
    /// Grant a principal, or a directory user or group, read or write on a prefix
    Create(create::Args),
    /// List grants (all, or one grantee's, or one bucket's)
    #[command(visible_alias = "ls")]
    List(list::Args),
    /// Show one grant
    Get(get::Args),
    /// Delete a grant (asks on a terminal; --yes in scripts)
    #[command(visible_alias = "rm")]
    Delete(delete::Args),
    /// Which grant a principal's request for a key would match, as GetDataAccess chooses it
    Check(check::Args),
    /// Move the grants lakegate wrote in a bucket or access point policy to Access Grants
    Migrate(migrate::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AccessGrantCommand) -> Result<()> {
    match cmd {
        AccessGrantCommand::Instance(c) => instance::run(ctx, c).await,
        AccessGrantCommand::Location(c) => location::run(ctx, c).await,
        AccessGrantCommand::Create(a) => create::run(ctx, a).await,
        AccessGrantCommand::List(a) => list::run(ctx, a).await,
        AccessGrantCommand::Get(a) => get::run(ctx, a).await,
        AccessGrantCommand::Delete(a) => delete::run(ctx, a).await,
        AccessGrantCommand::Check(a) => check::run(ctx, a).await,
        AccessGrantCommand::Migrate(a) => migrate::run(ctx, a).await,
    }
}

/// A grant as `list` and `get` show it (stable JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct GrantRow {
    #[serde(flatten)]
    pub grant: AccessGrant,
}

impl Row for GrantRow {
    fn kind() -> Option<&'static str> {
        Some("access grant")
    }
    fn name(&self) -> Option<String> {
        Some(self.grant.id.clone())
    }
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["ID", "GRANTEE", "ACCESS", "SCOPE"];
        if wide {
            h.extend(["GRANTEE TYPE", "LOCATION", "APPLICATION"]);
        }
        h
    }
    fn cells(&self, wide: bool) -> Vec<Cell> {
        let g = &self.grant;
        let access = match g.permission {
            crate::aws::access_grants::GrantPermission::Read => "read",
            crate::aws::access_grants::GrantPermission::Write => "write",
            crate::aws::access_grants::GrantPermission::Readwrite => "read-write",
        };
        let mut c: Vec<Cell> = vec![
            g.id.clone().into(),
            g.grantee.clone().into(),
            access.into(),
            g.scope.clone().into(),
        ];
        if wide {
            let kind = serde_json::to_value(g.grantee_kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            c.extend([
                kind.into(),
                g.location_id.clone().into(),
                g.application_arn.clone().unwrap_or_default().into(),
            ]);
        }
        c
    }
}

/// A location as `location list` and `location get` show it (stable JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct LocationRow {
    #[serde(flatten)]
    pub location: AccessGrantsLocation,
}

impl Row for LocationRow {
    fn kind() -> Option<&'static str> {
        Some("access grants location")
    }
    fn name(&self) -> Option<String> {
        Some(self.location.id.clone())
    }
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["ID", "SCOPE", "ROLE"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        let l = &self.location;
        vec![
            l.id.clone().into(),
            l.scope.clone().into(),
            l.iam_role_arn.clone().into(),
        ]
    }
}

/// The grant with this id, or "does not exist" (exit 1).
pub async fn existing_grant(ctx: &Ctx, account: &str, id: &str) -> Result<AccessGrant> {
    ctx.aws()
        .await?
        .access_grants(account, &Default::default())
        .await?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or_else(|| {
            failed(format!(
                "access grant '{id}' does not exist in account {account}"
            ))
            .hinted("run `lakegate accessgrant list` to see the account's grants")
        })
}
