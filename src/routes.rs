//! Route tables (pure): which routes give private subnets a way to the internet, and the plan
//! that removes them (`endpoint lockdown`) or puts them back (`endpoint unlock`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Where a route sends its traffic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum RouteTarget {
    InternetGateway(String),
    EgressOnlyInternetGateway(String),
    NatGateway(String),
    /// Anything else (peering, transit gateway, local, network interface...).
    Other(String),
}

impl RouteTarget {
    pub fn id(&self) -> &str {
        match self {
            RouteTarget::InternetGateway(i)
            | RouteTarget::EgressOnlyInternetGateway(i)
            | RouteTarget::NatGateway(i)
            | RouteTarget::Other(i) => i,
        }
    }

    /// A gateway that reaches the internet.
    pub fn is_internet(&self) -> bool {
        !matches!(self, RouteTarget::Other(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// `0.0.0.0/0`, `::/0`, or any other destination CIDR (or prefix list id).
    pub destination: String,
    pub target: RouteTarget,
}

impl Route {
    pub fn is_default(&self) -> bool {
        self.destination == "0.0.0.0/0" || self.destination == "::/0"
    }

    /// A default route through an internet, egress-only or NAT gateway.
    pub fn is_internet(&self) -> bool {
        self.is_default() && self.target.is_internet()
    }

    pub fn describe(&self) -> String {
        format!("{} -> {}", self.destination, self.target.id())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteTable {
    pub id: String,
    pub vpc_id: String,
    /// The VPC's main route table (it serves every subnet without an explicit association).
    pub main: bool,
    /// Subnets explicitly associated with this table.
    pub subnets: Vec<String>,
    pub routes: Vec<Route>,
}

/// The routes to remove from one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRoutes {
    pub route_table_id: String,
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RoutePlan {
    /// Tables with internet routes, and those routes.
    pub removals: Vec<TableRoutes>,
    /// Tables that were looked at (whether or not they have internet routes).
    pub tables: Vec<String>,
    pub warnings: Vec<String>,
}

impl RoutePlan {
    pub fn is_empty(&self) -> bool {
        self.removals.iter().all(|t| t.routes.is_empty())
    }
}

/// The table that serves `subnet`: its explicit association, else the VPC's main table.
pub fn table_for_subnet<'a>(
    tables: &'a [RouteTable],
    subnet: &str,
    vpc_id: &str,
) -> Option<&'a RouteTable> {
    tables
        .iter()
        .find(|t| t.subnets.iter().any(|s| s == subnet))
        .or_else(|| tables.iter().find(|t| t.main && t.vpc_id == vpc_id))
}

/// Plan the removal of internet routes from `chosen` tables. `named` are the subnets the user
/// named (None when tables were named directly); `vpc_subnets` all subnets of the VPCs involved,
/// to tell which subnets a main table serves implicitly.
pub fn plan_removals(
    tables: &[RouteTable],
    chosen: &[String],
    named: Option<&[String]>,
    vpc_subnets: &[(String, String)],
) -> RoutePlan {
    let mut plan = RoutePlan::default();
    let mut seen = BTreeSet::new();
    for id in chosen {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(t) = tables.iter().find(|t| &t.id == id) else {
            continue;
        };
        plan.tables.push(t.id.clone());
        let served = served_subnets(tables, t, vpc_subnets);
        if let Some(named) = named {
            let others: Vec<&String> = served.iter().filter(|s| !named.contains(s)).collect();
            if !others.is_empty() {
                plan.warnings.push(format!(
                    "route table {} also serves {} not named: {}; they lose their internet routes too",
                    t.id,
                    if others.len() == 1 { "a subnet" } else { "subnets" },
                    others
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        let routes: Vec<Route> = t
            .routes
            .iter()
            .filter(|r| r.is_internet())
            .cloned()
            .collect();
        if !routes.is_empty() {
            plan.removals.push(TableRoutes {
                route_table_id: t.id.clone(),
                routes,
            });
        }
    }
    plan
}

/// The subnets a table serves: explicit associations, plus (main table) every subnet of its VPC
/// without an explicit association.
pub fn served_subnets(
    tables: &[RouteTable],
    t: &RouteTable,
    vpc_subnets: &[(String, String)],
) -> Vec<String> {
    let mut out = t.subnets.clone();
    if t.main {
        for (subnet, vpc) in vpc_subnets {
            let explicit = tables.iter().any(|o| o.subnets.contains(subnet));
            if vpc == &t.vpc_id && !explicit && !out.contains(subnet) {
                out.push(subnet.clone());
            }
        }
    }
    out
}

/// The routes of a table as text lines (for diffs).
pub fn render(routes: &[Route]) -> String {
    routes.iter().map(|r| r.describe() + "\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(dest: &str, target: RouteTarget) -> Route {
        Route {
            destination: dest.into(),
            target,
        }
    }

    fn tables() -> Vec<RouteTable> {
        vec![
            RouteTable {
                id: "rtb-main".into(),
                vpc_id: "vpc-1".into(),
                main: true,
                subnets: vec![],
                routes: vec![
                    route("10.0.0.0/16", RouteTarget::Other("local".into())),
                    route("0.0.0.0/0", RouteTarget::InternetGateway("igw-1".into())),
                ],
            },
            RouteTable {
                id: "rtb-private".into(),
                vpc_id: "vpc-1".into(),
                main: false,
                subnets: vec!["subnet-a".into(), "subnet-b".into()],
                routes: vec![
                    route("10.0.0.0/16", RouteTarget::Other("local".into())),
                    route("0.0.0.0/0", RouteTarget::NatGateway("nat-1".into())),
                    route(
                        "::/0",
                        RouteTarget::EgressOnlyInternetGateway("eigw-1".into()),
                    ),
                    route("10.10.0.0/16", RouteTarget::Other("pcx-1".into())),
                ],
            },
        ]
    }

    #[test]
    fn internet_routes_of_the_named_subnets_are_planned() {
        let t = tables();
        let subnets = vec!["subnet-a".to_string()];
        let chosen: Vec<String> = subnets
            .iter()
            .filter_map(|s| table_for_subnet(&t, s, "vpc-1").map(|t| t.id.clone()))
            .collect();
        let all = vec![
            ("subnet-a".to_string(), "vpc-1".to_string()),
            ("subnet-b".to_string(), "vpc-1".to_string()),
            ("subnet-c".to_string(), "vpc-1".to_string()),
        ];
        let plan = plan_removals(&t, &chosen, Some(&subnets), &all);
        assert_eq!(plan.removals.len(), 1);
        assert_eq!(
            plan.removals[0]
                .routes
                .iter()
                .map(Route::describe)
                .collect::<Vec<_>>(),
            vec!["0.0.0.0/0 -> nat-1", "::/0 -> eigw-1"]
        );
        assert_eq!(plan.warnings.len(), 1);
        assert!(plan.warnings[0].contains("subnet-b"), "{:?}", plan.warnings);
        // subnet-c has no association: the main table serves it.
        assert_eq!(
            table_for_subnet(&t, "subnet-c", "vpc-1").unwrap().id,
            "rtb-main"
        );
        assert_eq!(
            served_subnets(&t, &t[0], &all),
            vec!["subnet-c".to_string()]
        );
    }

    #[test]
    fn tables_without_internet_routes_plan_nothing() {
        let mut t = tables();
        t[1].routes.retain(|r| !r.is_internet());
        let plan = plan_removals(&t, &["rtb-private".into()], None, &[]);
        assert!(plan.is_empty());
        assert!(plan.warnings.is_empty());
    }
}
