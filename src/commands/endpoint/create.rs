//! `lakegate endpoint create athena --vpc-id V --subnet S… (--security-group SG… | --allow-cidr
//! CIDR…) [--private-dns]`

use super::athena_service;
use crate::apply::security_group::{self, SecurityGroup};
use crate::apply::vpc_endpoint::{self, VpcEndpoint};
use crate::apply::{Plan, Step};
use crate::aws::ec2::EndpointInfo;
use crate::commands::Ctx;
use crate::error::{failed, Result};
use crate::values::{Cidr, SecurityGroupId, SubnetId, VpcId};
use serde::Serialize;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Service {
    /// Amazon Athena (com.amazonaws.REGION.athena)
    Athena,
}

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

#[derive(Debug, Serialize)]
struct CreateResult {
    endpoint: EndpointInfo,
    created: bool,
    dry_run: bool,
    security_group_created: Option<String>,
    dns_name: String,
    jdbc_url: String,
}

/// The endpoint's regional DNS name (`vpce-….athena.REGION.vpce.amazonaws.com`).
pub fn dns_name(e: &EndpointInfo, region: &str) -> String {
    e.dns_names
        .iter()
        .find(|d| !d.starts_with('*'))
        .cloned()
        .unwrap_or_else(|| format!("{}.athena.{region}.vpce.amazonaws.com", e.id))
}

pub fn jdbc_url(dns: &str, output_location: Option<&str>) -> String {
    let out = output_location.unwrap_or("s3://BUCKET/PREFIX/");
    format!("jdbc:awsathena://{dns}:443;S3OutputLocation={out}")
}

pub const PORTS: [i32; 2] = [443, 444];

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let mut cidrs: Vec<String> = Vec::new();
    for c in &args.allow_cidrs {
        let s = c.0.trunc().to_string();
        if !cidrs.contains(&s) {
            cidrs.push(s);
        }
    }
    let aws = ctx.aws().await?;
    let service = match args.service {
        Service::Athena => athena_service(&aws.region),
    };

    let existing = aws.find_endpoints(&args.vpc_id, &service).await?;
    if let Some(e) = existing.first() {
        if e.private_dns_enabled != args.private_dns {
            ctx.printer.warn(format!(
                "endpoint {} exists with private DNS {}; reusing it unchanged",
                e.id,
                if e.private_dns_enabled { "on" } else { "off" }
            ));
        }
        let missing: Vec<&str> = args
            .subnets
            .iter()
            .map(|s| s.as_str())
            .filter(|s| !e.subnet_ids.iter().any(|id| id == s))
            .collect();
        if !missing.is_empty() {
            ctx.printer.warn(format!(
                "endpoint {} exists without subnet(s) {}; reusing it unchanged",
                e.id,
                missing.join(", ")
            ));
        }
    }

    // One plan: lakegate's security group (with --allow-cidr), then the endpoint.
    let sg_name = format!("lakegate-athena-{}", args.vpc_id);
    let mut plan = Plan::new("endpoint create");
    let mut own_group = None;
    let mut group = None;
    if existing.is_empty() && !cidrs.is_empty() {
        let sg = SecurityGroup::new(
            &args.vpc_id,
            &sg_name,
            "lakegate: Athena interface endpoint (443, and 444 for result streaming)",
            &PORTS,
        );
        let edit_sg = sg.clone();
        let wanted = cidrs.clone();
        group = Some(plan.add(
            sg,
            Box::new(move |cur: Option<&serde_json::Value>| {
                Ok(Some(security_group::admitting(cur, &edit_sg, &wanted)))
            }),
        ));
        own_group = Some((args.vpc_id.to_string(), sg_name.clone()));
    }
    let progress = ctx.printer.spinner("creating the VPC endpoint");
    plan.push(Step::ensure(
        VpcEndpoint {
            vpc_id: args.vpc_id.to_string(),
            service: service.clone(),
            id: format!("{}/{service}", args.vpc_id),
            security_groups: crate::values::strings(&args.security_groups),
            own_group,
            timeout: Duration::from_secs(args.timeout),
            progress: progress.clone(),
        },
        vpc_endpoint::state(
            &args.vpc_id,
            &service,
            &crate::values::strings(&args.subnets),
            args.private_dns,
        ),
    ));
    let applied = ctx.apply(plan).await;
    progress.finish_and_clear();
    let applied = applied?;
    if applied.dry_run {
        return Ok(());
    }
    let created_group = group
        .and_then(|g| g.get())
        .is_some_and(|d| d.changed && d.before.is_none());
    let sg_created = if created_group {
        aws.security_group_named(&args.vpc_id, &sg_name)
            .await?
            .map(|g| g.id)
    } else {
        None
    };
    let info = aws
        .find_endpoints(&args.vpc_id, &service)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| failed("the VPC endpoint was created but cannot be read back"))?;
    report(
        ctx,
        info,
        existing.is_empty(),
        sg_created,
        &aws.region,
        args,
    )
}

fn report(
    ctx: &Ctx,
    endpoint: EndpointInfo,
    created: bool,
    sg_created: Option<String>,
    region: &str,
    args: &Args,
) -> Result<()> {
    let dns = dns_name(&endpoint, region);
    let jdbc = jdbc_url(&dns, args.output_location.as_deref());
    ctx.printer.result(
        &CreateResult {
            endpoint: endpoint.clone(),
            created,
            dry_run: false,
            security_group_created: sg_created,
            dns_name: dns.clone(),
            jdbc_url: jdbc.clone(),
        },
        || {
            ctx.printer.done(format!(
                "endpoint {} {}: {} in {} ({})",
                endpoint.id,
                if created { "created" } else { "exists" },
                endpoint.service_name,
                endpoint.vpc_id,
                endpoint.state
            ))?;
            ctx.printer.done(format!(
                "  private DNS:     {}",
                if endpoint.private_dns_enabled {
                    "on"
                } else {
                    "off"
                }
            ))?;
            ctx.printer.done(format!(
                "  subnets:         {}",
                endpoint.subnet_ids.join(", ")
            ))?;
            ctx.printer.done(format!(
                "  security groups: {}",
                endpoint.security_group_ids.join(", ")
            ))?;
            ctx.printer.done(format!("  DNS name:        {dns}"))?;
            for d in endpoint.dns_names.iter().filter(|d| **d != dns) {
                ctx.printer.done(format!("                   {d}"))?;
            }
            ctx.printer.done(format!("  JDBC URL:        {jdbc}"))?;
            Ok(())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jdbc_url_follows_the_walkthrough() {
        assert_eq!(
            jdbc_url(
                "vpce-1.athena.us-east-1.vpce.amazonaws.com",
                Some("s3://athena-x/")
            ),
            "jdbc:awsathena://vpce-1.athena.us-east-1.vpce.amazonaws.com:443;S3OutputLocation=s3://athena-x/"
        );
    }
}
