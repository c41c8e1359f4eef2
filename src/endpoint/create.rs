//! `endpoint create`: the Athena interface endpoint and its security group, through the change
//! pipeline.

use super::athena_service;
use crate::apply::security_group::{self, SecurityGroup};
use crate::apply::vpc_endpoint::{self, VpcEndpoint};
use crate::apply::{Plan, Step};
use crate::aws::ec2::EndpointInfo;
use crate::error::{failed, Result};
use crate::session::Session;
use crate::values::{Cidr, SecurityGroupId, SubnetId, VpcId};
use serde::Serialize;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Service {
    /// Amazon Athena (com.amazonaws.REGION.athena)
    Athena,
}

/// What `endpoint create` does (`commands/endpoint/create.rs` has the flags and their help).
#[derive(Debug, Clone)]
pub struct CreateOptions {
    /// The service to reach privately
    pub service: Service,
    /// The VPC to create the endpoint in
    pub vpc_id: VpcId,
    /// A subnet for the endpoint's network interfaces; repeatable (one per Availability Zone)
    pub subnets: Vec<SubnetId>,
    /// Attach this existing security group; repeatable
    pub security_groups: Vec<SecurityGroupId>,
    /// Create a security group admitting TCP 443 and 444 from this CIDR; repeatable
    pub allow_cidrs: Vec<Cidr>,
    /// Enable private DNS (off by default: clients use the endpoint's own DNS name)
    pub private_dns: bool,
    /// The S3 location for query results, filled into the JDBC URL template
    pub output_location: Option<crate::values::OutputLocation>,
    /// Give up waiting for the endpoint to become available after this many seconds
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

pub async fn create(session: &Session, opts: &CreateOptions) -> Result<()> {
    let mut cidrs: Vec<String> = Vec::new();
    for c in &opts.allow_cidrs {
        let s = c.0.trunc().to_string();
        if !cidrs.contains(&s) {
            cidrs.push(s);
        }
    }
    let aws = session.aws().await?;
    let service = match opts.service {
        Service::Athena => athena_service(&aws.region),
    };

    let existing = aws.find_endpoints(&opts.vpc_id, &service).await?;
    if let Some(e) = existing.first() {
        if e.private_dns_enabled != opts.private_dns {
            session.printer.warn(format!(
                "endpoint {} exists with private DNS {}; reusing it unchanged",
                e.id,
                if e.private_dns_enabled { "on" } else { "off" }
            ));
        }
        let missing: Vec<&str> = opts
            .subnets
            .iter()
            .map(|s| s.as_str())
            .filter(|s| !e.subnet_ids.iter().any(|id| id == s))
            .collect();
        if !missing.is_empty() {
            session.printer.warn(format!(
                "endpoint {} exists without subnet(s) {}; reusing it unchanged",
                e.id,
                missing.join(", ")
            ));
        }
    }

    // One plan: lakegate's security group (with --allow-cidr), then the endpoint.
    let sg_name = format!("lakegate-athena-{}", opts.vpc_id);
    let mut plan = Plan::new("endpoint create");
    let mut own_group = None;
    let mut group = None;
    if existing.is_empty() && !cidrs.is_empty() {
        let sg = SecurityGroup::new(
            &opts.vpc_id,
            &sg_name,
            "lakegate: Athena interface endpoint (443, and 444 for result streaming)",
            &PORTS,
        );
        let edit_sg = sg.clone();
        let wanted = cidrs.clone();
        group = Some(plan.add(
            sg,
            Box::new(move |cur: Option<&security_group::GroupState>| {
                Ok(Some(security_group::admitting(cur, &edit_sg, &wanted)))
            }),
        ));
        own_group = Some((opts.vpc_id.to_string(), sg_name.clone()));
    }
    let progress = session.printer.spinner("creating the VPC endpoint");
    plan.push(Step::ensure(
        VpcEndpoint {
            vpc_id: opts.vpc_id.to_string(),
            service: service.clone(),
            id: format!("{}/{service}", opts.vpc_id),
            security_groups: crate::values::strings(&opts.security_groups),
            own_group,
            timeout: Duration::from_secs(opts.timeout),
            progress: progress.clone(),
        },
        vpc_endpoint::state(
            &opts.vpc_id,
            &service,
            &crate::values::strings(&opts.subnets),
            opts.private_dns,
        ),
    ));
    let applied = session.apply(plan).await;
    progress.finish_and_clear();
    let applied = applied?;
    if applied.dry_run {
        return Ok(());
    }
    let created_group = group
        .and_then(|g| g.get())
        .is_some_and(|d| d.changed && d.before.is_none());
    let sg_created = if created_group {
        aws.security_group_named(&opts.vpc_id, &sg_name)
            .await?
            .map(|g| g.id)
    } else {
        None
    };
    let info = aws
        .find_endpoints(&opts.vpc_id, &service)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| failed("the VPC endpoint was created but cannot be read back"))?;
    report(
        session,
        info,
        existing.is_empty(),
        sg_created,
        &aws.region,
        opts,
    )
}

fn report(
    session: &Session,
    endpoint: EndpointInfo,
    created: bool,
    sg_created: Option<String>,
    region: &str,
    opts: &CreateOptions,
) -> Result<()> {
    let dns = dns_name(&endpoint, region);
    let jdbc = jdbc_url(&dns, opts.output_location.as_deref());
    session.printer.result(
        &CreateResult {
            endpoint: endpoint.clone(),
            created,
            dry_run: false,
            security_group_created: sg_created,
            dns_name: dns.clone(),
            jdbc_url: jdbc.clone(),
        },
        || {
            session.printer.done(format!(
                "endpoint {} {}: {} in {} ({})",
                endpoint.id,
                if created { "created" } else { "exists" },
                endpoint.service_name,
                endpoint.vpc_id,
                endpoint.state
            ))?;
            session.printer.done(format!(
                "  private DNS:     {}",
                if endpoint.private_dns_enabled {
                    "on"
                } else {
                    "off"
                }
            ))?;
            session.printer.done(format!(
                "  subnets:         {}",
                endpoint.subnet_ids.join(", ")
            ))?;
            session.printer.done(format!(
                "  security groups: {}",
                endpoint.security_group_ids.join(", ")
            ))?;
            session.printer.done(format!("  DNS name:        {dns}"))?;
            for d in endpoint.dns_names.iter().filter(|d| **d != dns) {
                session.printer.done(format!("                   {d}"))?;
            }
            session.printer.done(format!("  JDBC URL:        {jdbc}"))?;
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
