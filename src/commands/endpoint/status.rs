//! `lakegate endpoint status --vpce ID [--user NAME] [--policy-name P] [--subnet S…]
//! [--allow-cidr CIDR…]`

use crate::commands::Ctx;
use crate::endpoint::status::{self, StatusOptions};
use crate::error::Result;
use crate::values::{Cidr, IamUserName, SubnetId, VpcEndpointId};

/// A checklist of the private-Athena lockdown: the endpoint is available and for Athena, private
/// DNS is off, its security groups admit TCP 443 and 444 from the CIDRs, the private subnets have
/// no internet route, and every statement of the user's inline policies carries its condition.
/// Exits 0 when everything holds and 3 otherwise, so a script or a scheduled check can alert.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Athena interface endpoint (vpce-…)
    #[arg(long, value_name = "VPCE")]
    pub vpce: VpcEndpointId,

    /// Also check this IAM user's inline policies
    #[arg(long, value_name = "NAME")]
    pub user: Option<IamUserName>,

    /// Only this inline policy of the user (default: all of them)
    #[arg(long, value_name = "POLICY", requires = "user")]
    pub policy_name: Option<String>,

    /// Private subnets that must have no internet route (default: the endpoint's subnets); repeatable
    #[arg(long = "subnet", value_name = "SUBNET")]
    pub subnets: Vec<SubnetId>,

    /// CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable
    #[arg(long = "allow-cidr", value_name = "CIDR")]
    pub allow_cidrs: Vec<Cidr>,
}

impl Args {
    /// The options of the engine.
    pub fn options(&self) -> StatusOptions {
        StatusOptions {
            vpce: self.vpce.clone(),
            user: self.user.clone(),
            policy_name: self.policy_name.clone(),
            subnets: self.subnets.clone(),
            allow_cidrs: self.allow_cidrs.clone(),
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    status::status(ctx, &args.options()).await
}
