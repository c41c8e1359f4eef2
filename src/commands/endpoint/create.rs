//! `lakegate endpoint create athena --vpc-id V --subnet S… (--security-group SG… | --allow-cidr
//! CIDR…) [--private-dns]`

use crate::commands::Ctx;
use crate::endpoint::create::Service;
use crate::endpoint::create::{self, CreateOptions};
use crate::error::Result;
use crate::values::{Cidr, SecurityGroupId, SubnetId, VpcId};

/// Create an interface VPC endpoint for Athena, private DNS off unless asked, and (with
/// --allow-cidr) a security group `lakegate-athena-VPC` that admits TCP 443 and 444 (Athena's
/// result streaming) from the CIDRs. Waits until the endpoint is available, then prints its id,
/// DNS names and the JDBC URL template. An existing endpoint for Athena in the VPC is reused.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("access").required(true).multiple(false).args(["security_groups", "allow_cidrs"]))]
pub struct Args {
    /// The service to reach privately
    #[arg(value_enum, value_name = "SERVICE")]
    pub service: Service,

    /// The VPC to create the endpoint in
    #[arg(long, value_name = "VPC")]
    pub vpc_id: VpcId,

    /// A subnet for the endpoint's network interfaces; repeatable (one per Availability Zone)
    #[arg(long = "subnet", value_name = "SUBNET", required = true)]
    pub subnets: Vec<SubnetId>,

    /// Attach this existing security group; repeatable
    #[arg(long = "security-group", value_name = "SG")]
    pub security_groups: Vec<SecurityGroupId>,

    /// Create a security group admitting TCP 443 and 444 from this CIDR; repeatable
    #[arg(long = "allow-cidr", value_name = "CIDR")]
    pub allow_cidrs: Vec<Cidr>,

    /// Enable private DNS (off by default: clients use the endpoint's own DNS name)
    #[arg(long)]
    pub private_dns: bool,

    /// The S3 location for query results, filled into the JDBC URL template
    #[arg(long, value_name = "S3_URL")]
    pub output_location: Option<crate::values::OutputLocation>,

    /// Give up waiting for the endpoint to become available after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 600, allow_negative_numbers = true,
          value_parser = clap::builder::RangedI64ValueParser::<u64>::new().range(1..=86_400))]
    pub timeout: u64,
}

impl Args {
    /// The options of the engine.
    pub fn options(&self) -> CreateOptions {
        CreateOptions {
            service: self.service,
            vpc_id: self.vpc_id.clone(),
            subnets: self.subnets.clone(),
            security_groups: self.security_groups.clone(),
            allow_cidrs: self.allow_cidrs.clone(),
            private_dns: self.private_dns,
            output_location: self.output_location.clone(),
            timeout: self.timeout,
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    create::create(ctx, &args.options()).await
}
