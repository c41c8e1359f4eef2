//! `lakegate endpoint create athena --vpc-id V --subnet S… (--security-group SG… | --allow-cidr
//! CIDR…) [--private-dns]`

use super::{athena_service, check_id, check_ids};
use crate::aws::ec2::EndpointInfo;
use crate::commands::Ctx;
use crate::error::{failed, input_error, Result};
use serde::Serialize;
use std::time::{Duration, Instant};

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
    pub vpc_id: String,

    /// A subnet for the endpoint's network interfaces; repeatable (one per Availability Zone)
    #[arg(long = "subnet", value_name = "SUBNET", required = true)]
    pub subnets: Vec<String>,

    /// Attach this existing security group; repeatable
    #[arg(long = "security-group", value_name = "SG")]
    pub security_groups: Vec<String>,

    /// Create a security group admitting TCP 443 and 444 from this CIDR; repeatable
    #[arg(long = "allow-cidr", value_name = "CIDR")]
    pub allow_cidrs: Vec<String>,

    /// Enable private DNS (off by default: clients use the endpoint's own DNS name)
    #[arg(long)]
    pub private_dns: bool,

    /// The S3 location for query results, filled into the JDBC URL template
    #[arg(long, value_name = "S3_URL")]
    pub output_location: Option<String>,

    /// Give up waiting for the endpoint to become available after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 600)]
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
    check_id("--vpc-id", "vpc", &args.vpc_id)?;
    check_ids("--subnet", "subnet", &args.subnets)?;
    check_ids("--security-group", "sg", &args.security_groups)?;
    let mut cidrs: Vec<String> = Vec::new();
    for c in &args.allow_cidrs {
        let net: ipnet::IpNet = c.parse().map_err(|_| {
            input_error(format!(
                "--allow-cidr: invalid CIDR '{c}': expected e.g. 10.10.0.0/16"
            ))
        })?;
        let s = net.trunc().to_string();
        if !cidrs.contains(&s) {
            cidrs.push(s);
        }
    }
    if let Some(o) = &args.output_location {
        crate::commands::athena::query::check_output_location(o)?;
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
        let missing: Vec<&String> = args
            .subnets
            .iter()
            .filter(|s| !e.subnet_ids.contains(s))
            .collect();
        if !missing.is_empty() {
            ctx.printer.warn(format!(
                "endpoint {} exists without subnet(s) {}; reusing it unchanged",
                e.id,
                missing
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        return report(ctx, e.clone(), false, None, &aws.region, args);
    }

    let sg_name = format!("lakegate-athena-{}", args.vpc_id);
    if ctx.global.dry_run {
        if ctx.printer.is_structured() {
            let mut changes = Vec::new();
            if !cidrs.is_empty() {
                changes.push(serde_json::json!({
                    "action": "create", "target": "security-group", "name": sg_name,
                    "vpc_id": args.vpc_id, "ingress": {"tcp": PORTS, "cidrs": cidrs}
                }));
            }
            changes.push(serde_json::json!({
                "action": "create", "target": "vpc-endpoint", "service_name": service,
                "vpc_id": args.vpc_id, "subnet_ids": args.subnets,
                "private_dns_enabled": args.private_dns
            }));
            return ctx
                .printer
                .value(&serde_json::json!({"dry_run": true, "changes": changes}));
        }
        if !cidrs.is_empty() {
            ctx.printer.line(format!(
                "create security group {sg_name} in {}: TCP 443 and 444 from {}",
                args.vpc_id,
                cidrs.join(", ")
            ))?;
        }
        ctx.printer.line(format!(
            "create interface endpoint {service} in {} (subnets {}; private DNS {})",
            args.vpc_id,
            args.subnets.join(", "),
            if args.private_dns { "on" } else { "off" }
        ))?;
        ctx.printer.line("Dry run: nothing was changed.")?;
        return Ok(());
    }

    // The security group: the one given, or lakegate's own for this VPC (reused, completed).
    let mut groups = args.security_groups.clone();
    let mut sg_created = None;
    if !cidrs.is_empty() {
        let sg = match aws.security_group_named(&args.vpc_id, &sg_name).await? {
            Some(g) => g,
            None => {
                let id = aws
                    .create_security_group(
                        &args.vpc_id,
                        &sg_name,
                        "lakegate: Athena interface endpoint (443, and 444 for result streaming)",
                    )
                    .await?;
                ctx.printer
                    .status(format!("created security group {id} ({sg_name})"));
                sg_created = Some(id.clone());
                crate::aws::ec2::SecurityGroupInfo {
                    id,
                    name: sg_name.clone(),
                    vpc_id: Some(args.vpc_id.clone()),
                    ingress: Vec::new(),
                }
            }
        };
        for port in PORTS {
            let missing: Vec<String> = cidrs
                .iter()
                .filter(|c| !sg.ingress.iter().any(|r| r.admits(port, c)))
                .cloned()
                .collect();
            if !missing.is_empty() {
                aws.allow_tcp(&sg.id, port, &missing).await?;
            }
        }
        groups.push(sg.id);
    }

    let created = aws
        .create_interface_endpoint(
            &args.vpc_id,
            &service,
            &args.subnets,
            &groups,
            args.private_dns,
        )
        .await?;
    ctx.printer
        .status(format!("created VPC endpoint {} for {service}", created.id));

    // Wait until available.
    let spinner = ctx
        .printer
        .spinner(format!("endpoint {}: {}", created.id, created.state));
    let started = Instant::now();
    let mut info = created.clone();
    let mut delay = Duration::from_millis(500);
    while info.state != "available" {
        if info.state == "failed" || info.state == "rejected" {
            spinner.finish_and_clear();
            return Err(failed(format!("endpoint {} is {}", info.id, info.state)));
        }
        if started.elapsed() > Duration::from_secs(args.timeout) {
            spinner.finish_and_clear();
            return Err(failed(format!(
                "endpoint {} is still {} after {} s",
                info.id, info.state, args.timeout
            ))
            .hinted("check it later with `lakegate endpoint status --vpce ID`"));
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(10));
        if let Some(i) = aws.endpoint(&created.id).await? {
            info = i;
        }
        spinner.set_message(format!(
            "endpoint {}: {} {:.0}s",
            info.id,
            info.state,
            started.elapsed().as_secs_f64()
        ));
    }
    spinner.finish_and_clear();
    report(ctx, info, true, sg_created, &aws.region, args)
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
    if ctx.printer.is_structured() {
        return ctx.printer.value(&CreateResult {
            endpoint,
            created,
            dry_run: false,
            security_group_created: sg_created,
            dns_name: dns,
            jdbc_url: jdbc,
        });
    }
    if ctx.global.dry_run && !created {
        ctx.printer
            .line(format!("No changes: endpoint {} exists.", endpoint.id))?;
    }
    ctx.printer.line(format!(
        "endpoint {} {}: {} in {} ({})",
        endpoint.id,
        if created { "created" } else { "exists" },
        endpoint.service_name,
        endpoint.vpc_id,
        endpoint.state
    ))?;
    ctx.printer.line(format!(
        "  private DNS:     {}",
        if endpoint.private_dns_enabled {
            "on"
        } else {
            "off"
        }
    ))?;
    ctx.printer.line(format!(
        "  subnets:         {}",
        endpoint.subnet_ids.join(", ")
    ))?;
    ctx.printer.line(format!(
        "  security groups: {}",
        endpoint.security_group_ids.join(", ")
    ))?;
    ctx.printer.line(format!("  DNS name:        {dns}"))?;
    for d in endpoint.dns_names.iter().filter(|d| **d != dns) {
        ctx.printer.line(format!("                   {d}"))?;
    }
    ctx.printer.line(format!("  JDBC URL:        {jdbc}"))?;
    Ok(())
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
