//! `lakegate subscription ...`: DataZone subscriptions to unmanaged S3 assets. The grant and
//! revoke engine is `crate::subscription`; here are the verbs and their shared flags.

pub mod deploy;
pub mod grant;
pub mod handle_event;
pub mod list;
pub mod reconcile;
pub mod revoke;
pub mod status;
pub mod target_create;
pub mod target_list;
pub mod undeploy;

use super::Ctx;
use crate::error::Result;
pub use crate::subscription::print::print_outcome;
pub use crate::subscription::{Access, Via, WriteOpts};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SubscriptionCommand {
    /// DataZone subscription targets: who an environment's subscriptions are granted to
    #[command(subcommand)]
    Target(TargetCommand),
    /// Grant a subscription's principals access to its S3 asset (least privilege)
    Grant(grant::Args),
    /// Remove a subscription's grant, whatever its target says today
    Revoke(revoke::Args),
    /// Handle one DataZone EventBridge event (Subscription Grant Requested/Revoke Requested, Created/Cancelled/Revoked)
    HandleEvent(handle_event::Args),
    /// Compare the domain's subscriptions and grants with the grants in place; add missing, remove left over
    Reconcile(reconcile::Args),
    /// List the domain's subscriptions to S3 assets, whether each grant is in place, DataZone's grant status
    #[command(visible_alias = "ls")]
    List(list::Args),
    /// Deploy lakegate as the DataZone fulfiller (Lambda function behind an EventBridge rule)
    Deploy(deploy::Args),
    /// Remove exactly what `subscription deploy` created
    Undeploy(undeploy::Args),
    /// Show the deployed fulfiller's resources and its dead-letter queue's depth
    Status(status::Args),
}

#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// Create a subscription target in an environment (as `aws datazone create-subscription-target`)
    Create(target_create::Args),
    /// List subscription targets of an environment, or of every environment of a project
    #[command(visible_alias = "ls")]
    List(target_list::Args),
}

pub async fn run(ctx: &Ctx, cmd: &SubscriptionCommand) -> Result<()> {
    match cmd {
        SubscriptionCommand::Target(TargetCommand::Create(a)) => target_create::run(ctx, a).await,
        SubscriptionCommand::Target(TargetCommand::List(a)) => target_list::run(ctx, a).await,
        SubscriptionCommand::Grant(a) => grant::run(ctx, a).await,
        SubscriptionCommand::Revoke(a) => revoke::run(ctx, a).await,
        SubscriptionCommand::HandleEvent(a) => handle_event::run(ctx, a).await,
        SubscriptionCommand::Reconcile(a) => reconcile::run(ctx, a).await,
        SubscriptionCommand::List(a) => list::run(ctx, a).await,
        SubscriptionCommand::Deploy(a) => deploy::run(ctx, a).await,
        SubscriptionCommand::Undeploy(a) => undeploy::run(ctx, a).await,
        SubscriptionCommand::Status(a) => status::run(ctx, a).await,
    }
}

/// Options of every verb that writes grants.
#[derive(Debug, Clone, clap::Args)]
pub struct WriteArgs {
    /// Where grants are written
    #[arg(long, value_enum, default_value_t = Via::BucketPolicy, value_name = "VIA")]
    pub via: Via,

    /// What a grant allows, as for `accesspoint grant` (read-write grants no delete; only
    /// read-write-delete adds s3:DeleteObject)
    #[arg(long, value_enum, default_value_t = Access::Read, value_name = "LEVEL", conflicts_with = "actions")]
    pub access: Access,

    /// Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)
    #[arg(long, value_name = "ACTIONS", value_delimiter = ',')]
    pub actions: Vec<crate::values::S3ActionName>,

    /// Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is
    /// the account of the asset's owning project's environments
    #[arg(long = "account-role", value_name = "ACCOUNT=ROLE_ARN", value_parser = crate::subscription::parse_account_role)]
    pub account_roles: Vec<(String, String)>,

    /// With --via access-grants: when no registered location covers an asset, register its
    /// bucket (s3://BUCKET/) with this role (see `accessgrant location create --create-role`)
    #[arg(long, value_name = "ROLE_ARN")]
    pub location_role: Option<crate::values::IamRoleArn>,
}

impl WriteArgs {
    /// The options of the subscription engine.
    pub fn options(&self) -> WriteOpts {
        WriteOpts {
            via: self.via,
            access: self.access,
            actions: self.actions.clone(),
            account_roles: self.account_roles.clone(),
            location_role: self.location_role.as_ref().map(ToString::to_string),
        }
    }
}
