//! `lakegate endpoint lockdown --vpce ID --user NAME [--policy-name P] (--subnet S… |
//! --route-table R…) [--force]`

use crate::commands::Ctx;
use crate::endpoint::lockdown::{self, LockdownOptions};
use crate::error::Result;
use crate::values::{IamUserName, RouteTableId, SubnetId, VpcEndpointId};

/// Lock a user's Athena access to the endpoint: remove the internet routes (0.0.0.0/0 and ::/0
/// through an internet, egress-only or NAT gateway) from the private subnets' route tables, and
/// condition the user's inline policy — `aws:SourceVpce` on what the user calls directly (Athena,
/// Glue), `aws:CalledVia athena.amazonaws.com` on what Athena calls for them (S3, Glue). Shows
/// both as diffs (and stops there under --dry-run); keeps the old routes and policy in the history
/// so `endpoint unlock` restores them. Refuses to lock down the identity running lakegate unless --force.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("where").required(true).multiple(false).args(["subnets", "route_tables"]))]
pub struct Args {
    /// The Athena interface endpoint (vpce-…)
    #[arg(long, value_name = "VPCE")]
    pub vpce: VpcEndpointId,

    /// The IAM user whose inline policy is conditioned
    #[arg(long, value_name = "NAME")]
    pub user: IamUserName,

    /// The inline policy to rewrite (default: the user's only inline policy)
    #[arg(long, value_name = "POLICY")]
    pub policy_name: Option<String>,

    /// A private subnet: the route table serving it loses its internet routes; repeatable
    #[arg(long = "subnet", value_name = "SUBNET")]
    pub subnets: Vec<SubnetId>,

    /// A private route table to remove internet routes from; repeatable
    #[arg(long = "route-table", value_name = "RTB")]
    pub route_tables: Vec<RouteTableId>,

    /// Lock down even the identity lakegate runs as
    #[arg(long)]
    pub force: bool,
}

impl Args {
    /// The options of the engine.
    pub fn options(&self) -> LockdownOptions {
        LockdownOptions {
            vpce: self.vpce.clone(),
            user: self.user.clone(),
            policy_name: self.policy_name.clone(),
            subnets: self.subnets.clone(),
            route_tables: self.route_tables.clone(),
            force: self.force,
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    lockdown::lockdown(ctx, &args.options()).await
}
