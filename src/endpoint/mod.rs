//! The private Athena engine: the interface VPC endpoint, the lockdown of private route tables
//! and of a user's inline policy, its undoing, and a status checklist (`endpoint …` verbs).

pub mod create;
pub mod lockdown;
pub mod status;

use crate::aws::ec2::EndpointInfo;
use crate::aws::Aws;
use crate::error::{failed, input_error, Result};
use crate::routes::RouteTable;

/// The reason lockdown history entries carry: `endpoint unlock` finds them by it.
pub fn lockdown_reason(vpce: &str, user: &str) -> String {
    format!("endpoint lockdown --vpce {vpce} --user {user}")
}

/// The reason of the entries `endpoint unlock` leaves (a later unlock starts after them).
pub fn unlock_reason(vpce: &str, user: &str) -> String {
    format!("endpoint unlock --vpce {vpce} --user {user}")
}

pub fn athena_service(region: &str) -> String {
    format!("com.amazonaws.{region}.athena")
}

/// The endpoint, or "does not exist" (exit 1).
pub async fn existing_endpoint(aws: &Aws, id: &str) -> Result<EndpointInfo> {
    aws.endpoint(id).await?.ok_or_else(|| {
        failed(format!("VPC endpoint {id} does not exist in {}", aws.region))
            .hinted("create one with `lakegate endpoint create athena --vpc-id VPC --subnet SUBNET --allow-cidr CIDR`")
    })
}

/// The route tables chosen by --subnet (their tables) or --route-table, all route tables of the
/// VPCs involved, and every subnet of those VPCs.
pub struct ChosenTables {
    pub chosen: Vec<String>,
    pub tables: Vec<RouteTable>,
    pub vpc_subnets: Vec<(String, String)>,
}

pub async fn choose_tables(
    aws: &Aws,
    subnets: &[String],
    route_tables: &[String],
) -> Result<ChosenTables> {
    if !route_tables.is_empty() {
        let tables = aws.route_tables(Some(route_tables), None).await?;
        for id in route_tables {
            if !tables.iter().any(|t| &t.id == id) {
                return Err(failed(format!("route table {id} does not exist")));
            }
        }
        let mut vpcs: Vec<String> = tables.iter().map(|t| t.vpc_id.clone()).collect();
        vpcs.dedup();
        let vpc_subnets = aws.vpc_subnets(&vpcs).await?;
        let all = aws.route_tables(None, Some(&vpcs)).await?;
        return Ok(ChosenTables {
            chosen: route_tables.to_vec(),
            tables: all,
            vpc_subnets,
        });
    }
    let found = aws.subnets(subnets).await?;
    let mut vpcs: Vec<String> = Vec::new();
    for s in subnets {
        match found.iter().find(|(id, _)| id == s) {
            Some((_, vpc)) if !vpcs.contains(vpc) => vpcs.push(vpc.clone()),
            Some(_) => {}
            None => return Err(failed(format!("subnet {s} does not exist"))),
        }
    }
    let tables = aws.route_tables(None, Some(&vpcs)).await?;
    let vpc_subnets = aws.vpc_subnets(&vpcs).await?;
    let mut chosen = Vec::new();
    for s in subnets {
        let vpc = found
            .iter()
            .find(|(id, _)| id == s)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default();
        match crate::routes::table_for_subnet(&tables, s, vpc) {
            Some(t) if !chosen.contains(&t.id) => chosen.push(t.id.clone()),
            Some(_) => {}
            None => return Err(failed(format!("no route table serves subnet {s}"))),
        }
    }
    Ok(ChosenTables {
        chosen,
        tables,
        vpc_subnets,
    })
}

/// The inline policy to lock: --policy-name, else the user's only inline policy.
pub async fn resolve_policy_name(aws: &Aws, user: &str, given: Option<&str>) -> Result<String> {
    if let Some(p) = given {
        return Ok(p.to_string());
    }
    let names = aws.user_policy_names(user).await?;
    match names.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(failed(format!("user {user} has no inline policy"))),
        many => Err(input_error(format!(
            "--policy-name: user {user} has {} inline policies ({}); name one",
            many.len(),
            many.join(", ")
        ))),
    }
}
