//! EC2: interface VPC endpoints, their security groups, subnets and route tables — read into
//! core types (`routes::RouteTable`, `EndpointInfo`), and the few writes a lockdown plan needs.

use super::error::{failed, Result};
use super::{classify, Aws};
use crate::routes::{Route, RouteTable, RouteTarget};
use aws_sdk_ec2::types::{Filter, IpPermission, IpRange, Ipv6Range, VpcEndpointType};
use serde::Serialize;

/// An interface VPC endpoint, as lakegate needs it.
#[derive(Debug, Clone, Serialize)]
pub struct EndpointInfo {
    pub id: String,
    pub vpc_id: String,
    pub service_name: String,
    /// pending, available, failed, deleting...
    pub state: String,
    pub private_dns_enabled: bool,
    pub subnet_ids: Vec<String>,
    pub security_group_ids: Vec<String>,
    pub dns_names: Vec<String>,
}

/// One inbound rule: protocol, port range and the CIDRs it admits.
#[derive(Debug, Clone, Serialize)]
pub struct IngressRule {
    pub protocol: String,
    pub from_port: Option<i32>,
    pub to_port: Option<i32>,
    pub cidrs: Vec<String>,
}

impl IngressRule {
    /// Whether this rule admits TCP `port` from `cidr` (exact CIDR match, or all protocols).
    pub fn admits(&self, port: i32, cidr: &str) -> bool {
        let proto = self.protocol == "tcp" || self.protocol == "6" || self.protocol == "-1";
        let ports = self.protocol == "-1"
            || (self.from_port.unwrap_or(0) <= port && port <= self.to_port.unwrap_or(65535));
        proto && ports && self.cidrs.iter().any(|c| c == cidr)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SecurityGroupInfo {
    pub id: String,
    pub name: String,
    pub vpc_id: Option<String>,
    pub ingress: Vec<IngressRule>,
}

fn filter(name: &str, values: &[&str]) -> Filter {
    Filter::builder()
        .name(name)
        .set_values(Some(values.iter().map(|v| v.to_string()).collect()))
        .build()
}

fn endpoint_info(e: &aws_sdk_ec2::types::VpcEndpoint) -> EndpointInfo {
    EndpointInfo {
        id: e.vpc_endpoint_id().unwrap_or_default().to_string(),
        vpc_id: e.vpc_id().unwrap_or_default().to_string(),
        service_name: e.service_name().unwrap_or_default().to_string(),
        state: e
            .state()
            .map(|s| s.as_str().to_ascii_lowercase())
            .unwrap_or_default(),
        private_dns_enabled: e.private_dns_enabled().unwrap_or(false),
        subnet_ids: e.subnet_ids().to_vec(),
        security_group_ids: e
            .groups()
            .iter()
            .filter_map(|g| g.group_id().map(str::to_owned))
            .collect(),
        dns_names: e
            .dns_entries()
            .iter()
            .filter_map(|d| d.dns_name().map(str::to_owned))
            .collect(),
    }
}

fn route_of(r: &aws_sdk_ec2::types::Route) -> Option<Route> {
    let destination = r
        .destination_cidr_block()
        .or(r.destination_ipv6_cidr_block())
        .or(r.destination_prefix_list_id())?
        .to_string();
    let target = if let Some(n) = r.nat_gateway_id() {
        RouteTarget::NatGateway(n.to_string())
    } else if let Some(e) = r.egress_only_internet_gateway_id() {
        RouteTarget::EgressOnlyInternetGateway(e.to_string())
    } else if let Some(g) = r.gateway_id().filter(|g| g.starts_with("igw-")) {
        RouteTarget::InternetGateway(g.to_string())
    } else {
        let other = r
            .gateway_id()
            .or(r.vpc_peering_connection_id())
            .or(r.transit_gateway_id())
            .or(r.network_interface_id())
            .or(r.instance_id())
            .unwrap_or("unknown");
        RouteTarget::Other(other.to_string())
    };
    Some(Route {
        destination,
        target,
    })
}

impl Aws {
    /// Endpoints of `vpc_id` for `service_name` (any state but deleted).
    pub async fn find_endpoints(
        &self,
        vpc_id: &str,
        service_name: &str,
    ) -> Result<Vec<EndpointInfo>> {
        let out = self
            .ec2()
            .describe_vpc_endpoints()
            .filters(filter("vpc-id", &[vpc_id]))
            .filters(filter("service-name", &[service_name]))
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeVpcEndpoints", e))?;
        Ok(out
            .vpc_endpoints()
            .iter()
            .map(endpoint_info)
            .filter(|e| e.vpc_id == vpc_id && e.service_name == service_name)
            .filter(|e| !matches!(e.state.as_str(), "deleted" | "deleting" | "failed"))
            .collect())
    }

    /// The policy of a VPC endpoint (DescribeVpcEndpoints `PolicyDocument`); None when the
    /// endpoint does not exist.
    pub async fn endpoint_policy(&self, id: &str) -> Result<Option<crate::policy::PolicyDocument>> {
        let res = self
            .ec2()
            .describe_vpc_endpoints()
            .vpc_endpoint_ids(id)
            .send()
            .await;
        let out = match res {
            Ok(out) => out,
            Err(e)
                if super::error::code(&e)
                    .is_some_and(|c| c.starts_with("InvalidVpcEndpointId")) =>
            {
                return Ok(None)
            }
            Err(e) => return Err(classify("ec2:DescribeVpcEndpoints", e)),
        };
        let Some(ep) = out
            .vpc_endpoints()
            .iter()
            .find(|e| e.vpc_endpoint_id() == Some(id))
        else {
            return Ok(None);
        };
        // An endpoint without a policy has the default full-access one.
        let text = ep.policy_document().unwrap_or(
            r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
        );
        crate::policy::PolicyDocument::parse(text)
            .map(Some)
            .map_err(|e| {
                super::error::input_error(format!(
                    "the policy of VPC endpoint {id} cannot be read: {e}"
                ))
            })
    }

    /// One endpoint by id; None when it does not exist.
    pub async fn endpoint(&self, id: &str) -> Result<Option<EndpointInfo>> {
        let res = self
            .ec2()
            .describe_vpc_endpoints()
            .vpc_endpoint_ids(id)
            .send()
            .await;
        match res {
            Ok(out) => Ok(out
                .vpc_endpoints()
                .iter()
                .map(endpoint_info)
                .find(|e| e.id == id)),
            Err(e)
                if super::error::code(&e)
                    .is_some_and(|c| c.starts_with("InvalidVpcEndpointId")) =>
            {
                Ok(None)
            }
            Err(e) => Err(classify("ec2:DescribeVpcEndpoints", e)),
        }
    }

    pub async fn create_interface_endpoint(
        &self,
        vpc_id: &str,
        service_name: &str,
        subnets: &[String],
        security_groups: &[String],
        private_dns: bool,
    ) -> Result<EndpointInfo> {
        let out = self
            .ec2()
            .create_vpc_endpoint()
            .vpc_endpoint_type(VpcEndpointType::Interface)
            .vpc_id(vpc_id)
            .service_name(service_name)
            .set_subnet_ids(Some(subnets.to_vec()))
            .set_security_group_ids(Some(security_groups.to_vec()))
            .private_dns_enabled(private_dns)
            .send()
            .await
            .map_err(|e| classify("ec2:CreateVpcEndpoint", e))?;
        out.vpc_endpoint()
            .map(endpoint_info)
            .ok_or_else(|| failed("ec2:CreateVpcEndpoint returned no endpoint"))
    }

    /// The security group named `name` in `vpc_id`, if any.
    pub async fn security_group_named(
        &self,
        vpc_id: &str,
        name: &str,
    ) -> Result<Option<SecurityGroupInfo>> {
        let out = self
            .ec2()
            .describe_security_groups()
            .filters(filter("vpc-id", &[vpc_id]))
            .filters(filter("group-name", &[name]))
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeSecurityGroups", e))?;
        Ok(out
            .security_groups()
            .iter()
            .map(sg_info)
            .find(|g| g.name == name))
    }

    pub async fn security_groups(&self, ids: &[String]) -> Result<Vec<SecurityGroupInfo>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let out = self
            .ec2()
            .describe_security_groups()
            .set_group_ids(Some(ids.to_vec()))
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeSecurityGroups", e))?;
        Ok(out.security_groups().iter().map(sg_info).collect())
    }

    pub async fn create_security_group(
        &self,
        vpc_id: &str,
        name: &str,
        description: &str,
    ) -> Result<String> {
        let out = self
            .ec2()
            .create_security_group()
            .vpc_id(vpc_id)
            .group_name(name)
            .description(description)
            .send()
            .await
            .map_err(|e| classify("ec2:CreateSecurityGroup", e))?;
        out.group_id
            .ok_or_else(|| failed("ec2:CreateSecurityGroup returned no group id"))
    }

    /// Allow TCP `port` from each CIDR (IPv4 or IPv6).
    pub async fn allow_tcp(&self, group_id: &str, port: i32, cidrs: &[String]) -> Result<()> {
        let mut perm = IpPermission::builder()
            .ip_protocol("tcp")
            .from_port(port)
            .to_port(port);
        for c in cidrs {
            if c.contains(':') {
                perm = perm.ipv6_ranges(
                    Ipv6Range::builder()
                        .cidr_ipv6(c)
                        .description("lakegate: Athena")
                        .build(),
                );
            } else {
                perm = perm.ip_ranges(
                    IpRange::builder()
                        .cidr_ip(c)
                        .description("lakegate: Athena")
                        .build(),
                );
            }
        }
        self.ec2()
            .authorize_security_group_ingress()
            .group_id(group_id)
            .ip_permissions(perm.build())
            .send()
            .await
            .map_err(|e| classify("ec2:AuthorizeSecurityGroupIngress", e))?;
        Ok(())
    }

    /// (subnet id, VPC id) of the given subnets; an unknown id is an error naming it.
    pub async fn subnets(&self, ids: &[String]) -> Result<Vec<(String, String)>> {
        let out = self
            .ec2()
            .describe_subnets()
            .set_subnet_ids(Some(ids.to_vec()))
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeSubnets", e))?;
        Ok(out
            .subnets()
            .iter()
            .map(|s| {
                (
                    s.subnet_id().unwrap_or_default().to_string(),
                    s.vpc_id().unwrap_or_default().to_string(),
                )
            })
            .collect())
    }

    /// Every (subnet id, VPC id) of these VPCs.
    pub async fn vpc_subnets(&self, vpcs: &[String]) -> Result<Vec<(String, String)>> {
        let vals: Vec<&str> = vpcs.iter().map(String::as_str).collect();
        let out = self
            .ec2()
            .describe_subnets()
            .filters(filter("vpc-id", &vals))
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeSubnets", e))?;
        Ok(out
            .subnets()
            .iter()
            .map(|s| {
                (
                    s.subnet_id().unwrap_or_default().to_string(),
                    s.vpc_id().unwrap_or_default().to_string(),
                )
            })
            .collect())
    }

    /// Route tables, by id or of VPCs.
    pub async fn route_tables(
        &self,
        ids: Option<&[String]>,
        vpcs: Option<&[String]>,
    ) -> Result<Vec<RouteTable>> {
        let mut req = self.ec2().describe_route_tables();
        if let Some(ids) = ids {
            req = req.set_route_table_ids(Some(ids.to_vec()));
        }
        if let Some(vpcs) = vpcs {
            let vals: Vec<&str> = vpcs.iter().map(String::as_str).collect();
            req = req.filters(filter("vpc-id", &vals));
        }
        let out = req
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeRouteTables", e))?;
        Ok(out
            .route_tables()
            .iter()
            .map(|t| RouteTable {
                id: t.route_table_id().unwrap_or_default().to_string(),
                vpc_id: t.vpc_id().unwrap_or_default().to_string(),
                main: t.associations().iter().any(|a| a.main() == Some(true)),
                subnets: t
                    .associations()
                    .iter()
                    .filter_map(|a| a.subnet_id().map(str::to_owned))
                    .collect(),
                routes: t.routes().iter().filter_map(route_of).collect(),
            })
            .collect())
    }

    pub async fn delete_route(&self, table: &str, route: &Route) -> Result<()> {
        let mut req = self.ec2().delete_route().route_table_id(table);
        req = if route.destination.contains(':') {
            req.destination_ipv6_cidr_block(&route.destination)
        } else if route.destination.starts_with("pl-") {
            req.destination_prefix_list_id(&route.destination)
        } else {
            req.destination_cidr_block(&route.destination)
        };
        req.send()
            .await
            .map_err(|e| classify("ec2:DeleteRoute", e))?;
        Ok(())
    }

    pub async fn create_route(&self, table: &str, route: &Route) -> Result<()> {
        let mut req = self.ec2().create_route().route_table_id(table);
        req = if route.destination.contains(':') {
            req.destination_ipv6_cidr_block(&route.destination)
        } else {
            req.destination_cidr_block(&route.destination)
        };
        req = match &route.target {
            RouteTarget::InternetGateway(g) => req.gateway_id(g),
            RouteTarget::NatGateway(n) => req.nat_gateway_id(n),
            RouteTarget::EgressOnlyInternetGateway(e) => req.egress_only_internet_gateway_id(e),
            RouteTarget::Other(o) => req.gateway_id(o),
        };
        req.send()
            .await
            .map_err(|e| classify("ec2:CreateRoute", e))?;
        Ok(())
    }
}

fn sg_info(g: &aws_sdk_ec2::types::SecurityGroup) -> SecurityGroupInfo {
    SecurityGroupInfo {
        id: g.group_id().unwrap_or_default().to_string(),
        name: g.group_name().unwrap_or_default().to_string(),
        vpc_id: g.vpc_id().map(str::to_owned),
        ingress: g
            .ip_permissions()
            .iter()
            .map(|p| IngressRule {
                protocol: p.ip_protocol().unwrap_or_default().to_string(),
                from_port: p.from_port(),
                to_port: p.to_port(),
                cidrs: p
                    .ip_ranges()
                    .iter()
                    .filter_map(|r| r.cidr_ip().map(str::to_owned))
                    .chain(
                        p.ipv6_ranges()
                            .iter()
                            .filter_map(|r| r.cidr_ipv6().map(str::to_owned)),
                    )
                    .collect(),
            })
            .collect(),
    }
}

impl Aws {
    /// The regions enabled for the account (EC2 DescribeRegions, opted-in and default ones).
    pub async fn enabled_regions(&self) -> Result<Vec<String>> {
        let out = self
            .ec2()
            .describe_regions()
            .all_regions(false)
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeRegions", e))?;
        let mut v: Vec<String> = out
            .regions
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.opt_in_status.as_deref() != Some("not-opted-in"))
            .filter_map(|r| r.region_name)
            // Only the partition of these credentials (emulators list every partition's).
            .filter(|r| crate::policy::arn::partition(r) == self.partition)
            .collect();
        v.sort();
        Ok(v)
    }

    /// Of `regions`, those not enabled for the account: EC2 DescribeRegions with AllRegions,
    /// OptInStatus `not-opted-in` (an opt-in region the account has not enabled, where every
    /// request fails: <https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html>).
    pub async fn disabled_regions(&self, regions: &[String]) -> Result<Vec<String>> {
        let out = self
            .ec2()
            .describe_regions()
            .all_regions(true)
            .set_region_names(Some(regions.to_vec()))
            .send()
            .await
            .map_err(|e| classify("ec2:DescribeRegions", e))?;
        Ok(out
            .regions
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.opt_in_status.as_deref() == Some("not-opted-in"))
            .filter_map(|r| r.region_name)
            .filter(|r| regions.contains(r))
            .collect())
    }
}
