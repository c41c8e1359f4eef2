//! `lakegate endpoint status --vpce ID [--user NAME] [--policy-name P] [--subnet S…]
//! [--allow-cidr CIDR…]`

use super::create::PORTS;
use super::{check_id, check_ids, check_user, choose_tables, existing_endpoint};
use crate::commands::Ctx;
use crate::error::{denied, input_error, Result};
use crate::output::{Cell, Row};
use crate::policy::lockdown::check;
use crate::routes::Route;
use serde::Serialize;

/// A checklist of the private-Athena lockdown: the endpoint is available and for Athena, private
/// DNS is off, its security groups admit TCP 443 and 444 from the CIDRs, the private subnets have
/// no internet route, and every statement of the user's inline policies carries its condition.
/// Exits 0 when everything holds and 3 otherwise, so a script or a scheduled check can alert.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The Athena interface endpoint (vpce-…)
    #[arg(long, value_name = "VPCE")]
    pub vpce: String,

    /// Also check this IAM user's inline policies
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,

    /// Only this inline policy of the user (default: all of them)
    #[arg(long, value_name = "POLICY", requires = "user")]
    pub policy_name: Option<String>,

    /// Private subnets that must have no internet route (default: the endpoint's subnets); repeatable
    #[arg(long = "subnet", value_name = "SUBNET")]
    pub subnets: Vec<String>,

    /// CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable
    #[arg(long = "allow-cidr", value_name = "CIDR")]
    pub allow_cidrs: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub check: String,
    pub ok: bool,
    pub detail: String,
}

impl Row for Check {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["CHECK", "OK", "DETAIL"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.check.clone().into(),
            (if self.ok { "yes" } else { "NO" }).into(),
            self.detail.clone().into(),
        ]
    }
}

#[derive(Debug, Serialize)]
struct StatusResult {
    vpce: String,
    locked_down: bool,
    checks: Vec<Check>,
}

fn push(checks: &mut Vec<Check>, check: &str, ok: bool, detail: impl Into<String>) {
    checks.push(Check {
        check: check.to_string(),
        ok,
        detail: detail.into(),
    });
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_id("--vpce", "vpce", &args.vpce)?;
    if let Some(u) = &args.user {
        check_user("--user", u)?;
    }
    check_ids("--subnet", "subnet", &args.subnets)?;
    let mut want_cidrs = Vec::new();
    for c in &args.allow_cidrs {
        let net: ipnet::IpNet = c.parse().map_err(|_| {
            input_error(format!(
                "--allow-cidr: invalid CIDR '{c}': expected e.g. 10.10.0.0/16"
            ))
        })?;
        want_cidrs.push(net.trunc().to_string());
    }
    let aws = ctx.aws().await?;
    let e = existing_endpoint(aws, &args.vpce).await?;
    let mut checks = Vec::new();

    push(
        &mut checks,
        "endpoint available",
        e.state == "available",
        format!("{} is {}", e.id, e.state),
    );
    push(
        &mut checks,
        "endpoint for Athena",
        e.service_name.ends_with(".athena"),
        e.service_name.clone(),
    );
    push(
        &mut checks,
        "private DNS off",
        !e.private_dns_enabled,
        if e.private_dns_enabled {
            "on: clients resolving athena.REGION.amazonaws.com reach the endpoint without knowing it"
        } else {
            "off"
        },
    );

    let groups = aws.security_groups(&e.security_group_ids).await?;
    let rules: Vec<_> = groups.iter().flat_map(|g| g.ingress.clone()).collect();
    let mut candidates: Vec<String> = rules.iter().flat_map(|r| r.cidrs.clone()).collect();
    candidates.sort();
    candidates.dedup();
    let open: Vec<String> = candidates
        .into_iter()
        .filter(|c| PORTS.iter().all(|p| rules.iter().any(|r| r.admits(*p, c))))
        .collect();
    let (ok, detail) = if want_cidrs.is_empty() {
        (
            !open.is_empty(),
            if open.is_empty() {
                "no CIDR reaches both 443 and 444".to_string()
            } else {
                format!("from {}", open.join(", "))
            },
        )
    } else {
        let missing: Vec<&String> = want_cidrs.iter().filter(|c| !open.contains(c)).collect();
        (
            missing.is_empty(),
            if missing.is_empty() {
                format!("from {}", want_cidrs.join(", "))
            } else {
                format!(
                    "not from {}",
                    missing
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
        )
    };
    push(&mut checks, "TCP 443 and 444 open", ok, detail);

    let subnets = if args.subnets.is_empty() {
        e.subnet_ids.clone()
    } else {
        args.subnets.clone()
    };
    if subnets.is_empty() {
        push(
            &mut checks,
            "no internet route",
            false,
            "no subnet to check: pass --subnet",
        );
    } else {
        let chosen = choose_tables(aws, &subnets, &[]).await?;
        let mut found = Vec::new();
        for id in &chosen.chosen {
            if let Some(t) = chosen.tables.iter().find(|t| &t.id == id) {
                for r in t.routes.iter().filter(|r| r.is_internet()) {
                    found.push(format!("{}: {}", t.id, Route::describe(r)));
                }
            }
        }
        push(
            &mut checks,
            "no internet route",
            found.is_empty(),
            if found.is_empty() {
                format!("route tables {}", chosen.chosen.join(", "))
            } else {
                found.join("; ")
            },
        );
    }

    if let Some(user) = &args.user {
        let names = match &args.policy_name {
            Some(p) => vec![p.clone()],
            None => aws.user_policy_names(user).await?,
        };
        if names.is_empty() {
            push(
                &mut checks,
                "policy conditioned",
                false,
                format!("user {user} has no inline policy"),
            );
        }
        for name in names {
            match aws.user_policy(user, &name).await? {
                None => push(
                    &mut checks,
                    "policy conditioned",
                    false,
                    format!("{user}: no inline policy {name}"),
                ),
                Some(doc) => {
                    let bad: Vec<String> = check(&doc, &args.vpce)
                        .into_iter()
                        .filter(|s| !s.conditioned)
                        .map(|s| {
                            format!(
                                "{} ({})",
                                s.sid.unwrap_or_else(|| format!("#{}", s.index)),
                                s.note.unwrap_or_default()
                            )
                        })
                        .collect();
                    push(
                        &mut checks,
                        "policy conditioned",
                        bad.is_empty(),
                        if bad.is_empty() {
                            format!("{user}/{name}: every statement")
                        } else {
                            format!("{user}/{name}: {}", bad.join(", "))
                        },
                    );
                }
            }
        }
    }

    let locked = checks.iter().all(|c| c.ok);
    if ctx.printer.is_structured() && ctx.printer.format != crate::cli::OutputFormat::Csv {
        ctx.printer.value(&StatusResult {
            vpce: args.vpce.clone(),
            locked_down: locked,
            checks,
        })?;
    } else {
        ctx.printer.rows(&checks)?;
        if !ctx.printer.is_structured() {
            println!(
                "{}",
                if locked {
                    format!("{} is locked down", args.vpce)
                } else {
                    format!("{} is NOT locked down", args.vpce)
                }
            );
        }
    }
    if locked {
        Ok(())
    } else {
        Err(denied())
    }
}
