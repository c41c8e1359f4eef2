//! `endpoint status`: the lockdown checklist (endpoint, DNS, security groups, routes, the user's
//! policy), exit 3 when something does not hold.

use super::create::PORTS;
use super::{choose_tables, existing_endpoint};
use crate::error::{denied, Result};
use crate::output::{Cell, Row};
use crate::policy::lockdown::check;
use crate::routes::Route;
use crate::session::Session;
use crate::values::{Cidr, IamUserName, SubnetId, VpcEndpointId};
use serde::Serialize;

/// What `endpoint status` does (`commands/endpoint/status.rs` has the flags and their help).
#[derive(Debug, Clone)]
pub struct StatusOptions {
    /// The Athena interface endpoint (vpce-…)
    pub vpce: VpcEndpointId,
    /// Also check this IAM user's inline policies
    pub user: Option<IamUserName>,
    /// Only this inline policy of the user (default: all of them)
    pub policy_name: Option<String>,
    /// Private subnets that must have no internet route (default: the endpoint's subnets); repeatable
    pub subnets: Vec<SubnetId>,
    /// CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable
    pub allow_cidrs: Vec<Cidr>,
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

pub async fn status(session: &Session, opts: &StatusOptions) -> Result<()> {
    let mut want_cidrs = Vec::new();
    for c in &opts.allow_cidrs {
        want_cidrs.push(c.0.trunc().to_string());
    }
    let aws = session.aws().await?;
    let e = existing_endpoint(aws, &opts.vpce).await?;
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

    let subnets = if opts.subnets.is_empty() {
        e.subnet_ids.clone()
    } else {
        crate::values::strings(&opts.subnets)
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

    let mut docs: Vec<(String, crate::policy::PolicyDocument)> = Vec::new();
    if let Some(user) = &opts.user {
        let names = match &opts.policy_name {
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
                    docs.push((name.clone(), doc.clone()));
                    let bad: Vec<String> = check(&doc, &opts.vpce)
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

    if let Some(user) = &opts.user {
        // With the policy engine: may the user start a query from outside the endpoint?
        if let Some(arn) = aws.user_arn(user).await? {
            let (ok, detail) = outside_decision(&arn, &docs, &opts.vpce)?;
            push(&mut checks, "denied outside the endpoint", ok, detail);
        }
    }

    let locked = checks.iter().all(|c| c.ok);
    let result = StatusResult {
        vpce: opts.vpce.to_string(),
        locked_down: locked,
        checks,
    };
    session.printer.show(
        &result,
        || session.printer.rows(&result.checks),
        || {
            session.printer.rows(&result.checks)?;
            session.printer.line(if locked {
                format!("{} is locked down", opts.vpce)
            } else {
                format!("{} is NOT locked down", opts.vpce)
            })
        },
    )?;
    if locked {
        Ok(())
    } else {
        Err(denied())
    }
}

/// Decide `athena:StartQueryExecution` for the user with the inline policies `docs`, once from
/// outside any endpoint (no `aws:SourceVpce` in the request) and once through `vpce`. Locked down
/// means denied outside. (Only the inline policies are considered: managed policies attached to
/// the user can still allow more.)
pub fn outside_decision(
    user_arn: &str,
    docs: &[(String, crate::policy::PolicyDocument)],
    vpce: &str,
) -> Result<(bool, String)> {
    use crate::policy::eval::{CompiledPolicy, PolicySet, Principal, Request};
    let mut set = PolicySet {
        bucket_account: user_arn.split(':').nth(4).unwrap_or_default().to_string(),
        ..PolicySet::default()
    };
    for (name, doc) in docs {
        let compiled = CompiledPolicy::compile(doc, format!("inline:{name}"))?;
        set.identity.push((Some(user_arn.to_string()), compiled));
    }
    let action = "athena:StartQueryExecution";
    // The evaluator models S3 requests; Athena's statements name Resource "*".
    let outside = Request::new(Principal::new(user_arn), action, "athena-workgroup", None);
    let inside = outside.clone().context("aws:SourceVpce", vpce);
    let out = set.evaluate(&outside, false);
    let through = set.evaluate(&inside, false).allowed();
    fn by(d: &crate::policy::eval::Decision<'_>) -> String {
        d.deciding
            .iter()
            .map(|s| {
                s.sid
                    .map(str::to_owned)
                    .unwrap_or_else(|| format!("{}#{}", s.policy, s.index))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
    Ok(if out.allowed() {
        (
            false,
            format!("{action} is allowed from outside by {}", by(&out)),
        )
    } else {
        (
            true,
            format!(
                "{action} denied from outside; {} through {vpce}",
                if through { "allowed" } else { "also denied" }
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicyDocument;

    const BEFORE: &str = include_str!("../../tests/fixtures/athena_user_policy.json");
    const VPCE: &str = "vpce-0123456789abcdef0";

    #[test]
    fn the_engine_denies_outside_only_after_lockdown() {
        let arn = "arn:aws:iam::123456789012:user/analyst";
        let before = PolicyDocument::parse(BEFORE).unwrap();
        let (ok, detail) = outside_decision(arn, &[("p".into(), before.clone())], VPCE).unwrap();
        assert!(!ok, "{detail}");
        assert!(detail.contains("AllowAthenaWorkgroupActions"), "{detail}");
        let (locked, _) = crate::policy::lockdown::lock_down(&before, VPCE).unwrap();
        let (ok, detail) = outside_decision(arn, &[("p".into(), locked)], VPCE).unwrap();
        assert!(ok, "{detail}");
        assert!(detail.contains("allowed through"), "{detail}");
    }
}
