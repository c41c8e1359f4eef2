//! `lakegate doctor [--timeout SECS]`: is lakegate set up to work here? Credentials, region, the
//! reachability of each service endpoint lakegate uses, and the permissions it needs.

use super::Ctx;
use crate::aws::doctor::{Outcome, Probe, Service};
use crate::error::{denied, Result};
use crate::output::{Cell, Row};
use serde::Serialize;
use std::time::Duration;

/// Check the credentials (who lakegate runs as), the region, each service endpoint lakegate uses
/// (one cheap read each: S3, S3 Control, STS, IAM, EC2, Athena, Glue, DataZone, Access Analyzer,
/// Organizations) and the permissions it needs (IAM SimulatePrincipalPolicy for the caller where
/// allowed, else what the reads showed; "unknown" when it cannot tell). One line per check:
/// pass, fail, warn or unknown. Exits 1 when any check fails. Changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seconds to wait for each endpoint
    #[arg(long, value_name = "SECS", default_value_t = 5, allow_negative_numbers = true, value_parser = clap::builder::RangedI64ValueParser::<u64>::new().range(1..=120))]
    pub timeout: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Warn,
    Fail,
    Unknown,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub check: String,
    pub status: Status,
    pub detail: String,
    /// The endpoint a request went to (scheme and host), for endpoint checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
}

impl Row for Check {
    fn headers(wide: bool) -> Vec<&'static str> {
        if wide {
            vec!["CHECK", "STATUS", "DETAIL", "ENDPOINT"]
        } else {
            vec!["CHECK", "STATUS", "DETAIL"]
        }
    }
    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut c: Vec<Cell> = vec![
            self.check.clone().into(),
            self.status.as_str().into(),
            self.detail.clone().into(),
        ];
        if wide {
            c.push(Cell::or_dash(self.endpoint.clone().unwrap_or_default()));
        }
        c
    }
}

#[derive(Debug, Serialize)]
struct Report {
    /// False when any check failed (the exit status is then 1).
    ok: bool,
    checks: Vec<Check>,
}

/// Services every command needs: a problem there fails; elsewhere it is a warning naming the
/// commands that need the service.
fn required(s: Service) -> bool {
    matches!(s, Service::Sts | Service::S3 | Service::S3Control)
}

fn needed_by(s: Service) -> &'static str {
    match s {
        Service::Sts | Service::S3 | Service::S3Control => "every command",
        Service::Iam => "access check/who-can (identity policies), endpoint lockdown",
        Service::Ec2 => "endpoint, access check (VPC endpoint policies)",
        Service::Athena | Service::Glue => "athena, audit query, audit report --create-table",
        Service::DataZone => "subscription",
        Service::AccessAnalyzer => "audit report",
        Service::Organizations => "access check (SCPs, RCPs), audit report",
    }
}

fn problem(s: Service) -> Status {
    if required(s) {
        Status::Fail
    } else {
        Status::Warn
    }
}

fn check(name: String, status: Status, detail: String) -> Check {
    Check {
        check: name,
        status,
        detail,
        endpoint: None,
    }
}

fn endpoint_check(p: &Probe) -> Check {
    let s = p.service;
    let (read, _) = s.probe();
    let at = p.endpoint.clone().unwrap_or_else(|| "the endpoint".into());
    let (status, detail) = match &p.outcome {
        Outcome::Answered => (Status::Pass, format!("{read}: {} ms", p.millis)),
        Outcome::Denied(why) => (Status::Pass, format!("reachable; {read}: {why}")),
        Outcome::Error(code) if code == "AWSOrganizationsNotInUseException" => (
            Status::Pass,
            "reachable; the account is in no organization".to_string(),
        ),
        Outcome::Error(code) => (Status::Pass, format!("reachable; {read}: {code}")),
        Outcome::NotAws(status) => (
            Status::Warn,
            format!("{at} answered HTTP {status} without an AWS error: is it this service?"),
        ),
        Outcome::Unreachable(why) => (
            problem(s),
            if required(s) {
                why.clone()
            } else {
                format!("{why} (needed by {})", needed_by(s))
            },
        ),
        Outcome::Skipped(why) => (Status::Unknown, why.clone()),
    };
    Check {
        check: format!("endpoint {}", s.name()),
        status,
        detail,
        endpoint: p.endpoint.clone(),
    }
}

/// What the IAM simulation said about one service's actions, or why there is none.
type Simulation<'a> = std::result::Result<&'a [(String, String)], &'a str>;

fn permission_check(s: Service, probe: Option<&Probe>, sim: Simulation<'_>) -> Check {
    let actions = s.actions();
    let name = format!("permissions {}", s.name());
    match sim {
        Ok(results) => {
            let not: Vec<&str> = results
                .iter()
                .filter(|(a, d)| actions.contains(&a.as_str()) && d != "allowed")
                .map(|(a, _)| a.as_str())
                .collect();
            if not.is_empty() {
                check(
                    name,
                    Status::Pass,
                    format!("{} actions allowed (IAM simulation)", actions.len()),
                )
            } else {
                check(
                    name,
                    Status::Warn,
                    format!(
                        "not allowed on every resource: {} (IAM simulation; narrower resources may still be allowed)",
                        not.join(", ")
                    ),
                )
            }
        }
        Err(why) => {
            let (_, read_action) = s.probe();
            match (read_action, probe.map(|p| &p.outcome)) {
                (Some(a), Some(Outcome::Answered)) => check(
                    name,
                    Status::Unknown,
                    format!(
                        "{a} allowed (its read answered); the other {} cannot be checked: {why}",
                        actions.len() - 1
                    ),
                ),
                (Some(a), Some(Outcome::Denied(d))) => check(
                    name,
                    problem(s),
                    format!("{a} denied ({d}); needed by {}", needed_by(s)),
                ),
                _ => check(name, Status::Unknown, format!("cannot be checked: {why}")),
            }
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let timeout = Duration::from_secs(args.timeout);
    let checks = match ctx.aws().await {
        Ok(aws) => checks(aws, timeout).await,
        Err(e) => vec![check("configuration".into(), Status::Fail, e.message)],
    };
    let failed = checks.iter().filter(|c| c.status == Status::Fail).count();
    let warned = checks.iter().filter(|c| c.status == Status::Warn).count();
    let report = Report {
        ok: failed == 0,
        checks,
    };
    let rows = || ctx.printer.rows(&report.checks);
    ctx.printer.show(&report, rows, rows)?;
    ctx.printer.status(format!(
        "doctor: {failed} failed, {warned} warnings, {} checks",
        report.checks.len()
    ));
    if failed > 0 {
        return Err(denied().with_exit_code(crate::error::exit::FAILED));
    }
    Ok(())
}

async fn checks(aws: &crate::aws::Aws, timeout: Duration) -> Vec<Check> {
    let mut out = vec![check(
        "region".into(),
        Status::Pass,
        format!("{} (partition {})", aws.region, aws.partition),
    )];
    let (sts, who) = aws.doctor_caller(timeout).await;
    out.push(match (&who, &sts.outcome) {
        (Some((account, arn)), _) => check(
            "credentials".into(),
            Status::Pass,
            format!("{arn} (account {account})"),
        ),
        (None, Outcome::Unreachable(why)) => check(
            "credentials".into(),
            Status::Fail,
            format!("cannot ask STS who they are: {why}"),
        ),
        (None, Outcome::Denied(why)) => check("credentials".into(), Status::Fail, why.clone()),
        (None, _) => check(
            "credentials".into(),
            Status::Fail,
            "STS GetCallerIdentity named no account or ARN".into(),
        ),
    });
    // --account-id, else the caller's.
    let account = match who.as_ref() {
        Some(_) => aws.account_id().await.ok(),
        None => None,
    };
    let probes: Vec<Probe> = futures::future::join_all(
        Service::ALL
            .iter()
            .filter(|s| **s != Service::Sts)
            .map(|s| aws.doctor_probe(*s, account.as_deref(), timeout)),
    )
    .await;
    let probes: Vec<Probe> = std::iter::once(sts).chain(probes).collect();
    out.extend(probes.iter().map(endpoint_check));

    // Permissions: simulate the caller's policies where IAM lets us.
    let with_actions: Vec<Service> = Service::ALL
        .into_iter()
        .filter(|s| !s.actions().is_empty())
        .collect();
    let simulated: std::result::Result<Vec<(String, String)>, String> = match &who {
        None => Err("no credentials".into()),
        Some((_, arn)) => match aws.doctor_principal(arn, timeout).await {
            Ok(None) => {
                out.extend(with_actions.iter().map(|s| {
                    check(
                        format!("permissions {}", s.name()),
                        Status::Pass,
                        "the root user may do everything (SCPs aside)".into(),
                    )
                }));
                return out;
            }
            Ok(Some(principal)) => {
                let all: Vec<&str> = with_actions
                    .iter()
                    .flat_map(|s| s.actions().iter().copied())
                    .collect();
                aws.doctor_simulate(&principal, &all, timeout).await
            }
            Err(e) => Err(e),
        },
    };
    for s in with_actions {
        let probe = probes.iter().find(|p| p.service == s);
        let sim = match &simulated {
            Ok(r) => Ok(r.as_slice()),
            Err(e) => Err(e.as_str()),
        };
        out.push(permission_check(s, probe, sim));
    }
    out
}
