//! `lakegate endpoint lockdown --vpce ID --user NAME [--policy-name P] (--subnet S… |
//! --route-table R…) [--force]`

use super::{choose_tables, existing_endpoint, resolve_policy_name};
use crate::apply::inline_policy::InlinePolicy;
use crate::apply::route_table::{self, RouteTable};
use crate::apply::{policy, Plan, Step};
use crate::commands::Ctx;
use crate::error::{failed, input_error, Result};
use crate::policy::lockdown::{lock_down, StatementGuard};
use crate::policy::PolicyDocument;
use crate::routes::{plan_removals, Route, TableRoutes};
use crate::values::{IamUserName, RouteTableId, SubnetId, VpcEndpointId};
use serde::Serialize;
use serde_json::Value;

/// Lock a user's Athena access to the endpoint: remove the internet routes (0.0.0.0/0 and ::/0
/// through an internet, egress-only or NAT gateway) from the private subnets' route tables, and
/// condition the user's inline policy — `aws:SourceVpce` on what the user calls directly (Athena,
/// Glue), `aws:CalledVia athena.amazonaws.com` on what Athena calls for them (S3, Glue). Shows
/// both as diffs (and stops there under --dry-run); keeps the old routes and policy in the history
/// so `endpoint unlock` restores them. Refuses to lock down the identity running lakegate unless --force.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("where").required(true).multiple(false).args(["subnets", "route_tables"]))]
pub struct Args {
    /// The Athena interface endpoint (vpce-…)
    #[arg(long, value_name = "VPCE")]
    pub vpce: VpcEndpointId,

    /// The IAM user whose inline policy is conditioned
    #[arg(long, value_name = "NAME")]
    pub user: IamUserName,

    /// The inline policy to rewrite (default: the user's only inline policy)
    #[arg(long, value_name = "POLICY")]
    pub policy_name: Option<String>,

    /// A private subnet: the route table serving it loses its internet routes; repeatable
    #[arg(long = "subnet", value_name = "SUBNET")]
    pub subnets: Vec<SubnetId>,

    /// A private route table to remove internet routes from; repeatable
    #[arg(long = "route-table", value_name = "RTB")]
    pub route_tables: Vec<RouteTableId>,

    /// Lock down even the identity lakegate runs as
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Serialize)]
struct LockdownResult {
    vpce: String,
    user: String,
    policy_name: String,
    dry_run: bool,
    changed: bool,
    routes_removed: Vec<TableRoutes>,
    policy_before: Value,
    policy_after: Value,
    statements: Vec<StatementGuard>,
    warnings: Vec<String>,
    /// The history versions that keep what was changed (`endpoint unlock` restores them).
    history_versions: Vec<u32>,
}

/// The caller is this user: same account and the same user name.
pub fn is_caller(caller_arn: &str, user_arn: Option<&str>, user: &str) -> bool {
    if user_arn == Some(caller_arn) {
        return true;
    }
    // arn:PARTITION:iam::ACCOUNT:user/PATH/NAME (moto answers arn:aws:sts::ACCOUNT:user/NAME).
    let mut parts = caller_arn.splitn(6, ':');
    let (_, _, _, _, account, resource) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next().unwrap_or(""),
    );
    let same_account = match (account, user_arn.and_then(|a| a.split(':').nth(4))) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    resource.starts_with("user/") && resource.rsplit('/').next() == Some(user) && same_account
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    if args.policy_name.as_deref().is_some_and(str::is_empty) {
        return Err(input_error("--policy-name: must not be empty"));
    }
    let aws = ctx.aws().await?;
    let endpoint = existing_endpoint(aws, &args.vpce).await?;
    if !endpoint.service_name.ends_with(".athena") {
        ctx.printer.warn(format!(
            "endpoint {} is for {}, not Athena",
            endpoint.id, endpoint.service_name
        ));
    }
    let user_arn = aws
        .user_arn(&args.user)
        .await?
        .ok_or_else(|| failed(format!("IAM user {} does not exist", args.user)))?;
    let caller = aws.caller_arn().await?;
    if !args.force && is_caller(&caller, Some(&user_arn), &args.user) {
        return Err(input_error(format!(
            "--user: refusing to lock down {} : lakegate runs as this identity ({caller}), and the lockdown could lock it out",
            args.user
        ))
        .hinted("pass --force to lock it down anyway"));
    }
    let policy_name = resolve_policy_name(aws, &args.user, args.policy_name.as_deref()).await?;
    let current = aws
        .user_policy(&args.user, &policy_name)
        .await?
        .ok_or_else(|| {
            failed(format!(
                "user {} has no inline policy named {policy_name}",
                args.user
            ))
        })?;
    let (desired, statements) = lock_down(&current, &args.vpce)?;

    let subnets = crate::values::strings(&args.subnets);
    let chosen = choose_tables(aws, &subnets, &crate::values::strings(&args.route_tables)).await?;
    let named = (!subnets.is_empty()).then_some(subnets.as_slice());
    let plan = plan_removals(&chosen.tables, &chosen.chosen, named, &chosen.vpc_subnets);

    let mut warnings = plan.warnings.clone();
    for s in &statements {
        if s.guard.is_none() && !s.conditioned {
            warnings.push(format!(
                "statement {} {}",
                s.sid.clone().unwrap_or_else(|| format!("#{}", s.index)),
                s.note.as_deref().unwrap_or("is not conditioned")
            ));
        }
    }
    for w in &warnings {
        ctx.printer.warn(w);
    }

    // One plan: the internet routes of each chosen table, then the user's inline policy.
    let mut tables: Vec<&String> = Vec::new();
    for t in &chosen.chosen {
        if !tables.contains(&t) && chosen.tables.iter().any(|x| &x.id == t) {
            tables.push(t);
        }
    }
    let mut steps = Plan::new(super::lockdown_reason(&args.vpce, &args.user));
    for t in tables {
        steps.push(Step::new(
            RouteTable { id: t.clone() },
            Box::new(|cur: Option<&route_table::Routes>| {
                let kept: Vec<Route> = route_table::routes(cur)
                    .into_iter()
                    .filter(|r| !r.is_internet())
                    .collect();
                Ok(Some(route_table::state(&kept)))
            }),
        ));
    }
    let vpce = args.vpce.clone();
    steps.push(Step::new(
        InlinePolicy::of_user(&user_arn, &args.user, &policy_name),
        Box::new(move |cur: Option<&PolicyDocument>| {
            let (d, _) = lock_down(&policy::document(cur), &vpce)?;
            Ok(policy::state(Some(d)))
        }),
    ));
    if !plan.is_empty() {
        steps = steps.confirming(format!(
            "remove internet routes from {}",
            plan.removals
                .iter()
                .map(|r| r.route_table_id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let report = ctx.apply(steps).await?;
    if report.dry_run {
        return Ok(());
    }
    let changed = report.changed();
    ctx.printer.result(
        &LockdownResult {
            vpce: args.vpce.to_string(),
            user: args.user.to_string(),
            policy_name: policy_name.clone(),
            dry_run: false,
            changed,
            routes_removed: plan.removals.clone(),
            policy_before: current.to_value(),
            policy_after: desired.to_value(),
            statements: statements.clone(),
            warnings: warnings.clone(),
            history_versions: report
                .steps
                .iter()
                .filter_map(|s| s.history_version)
                .collect(),
        },
        || {
            if !changed {
                return ctx.printer.done("Already locked down: nothing changed.");
            }
            ctx.printer.done(format!(
            "Locked down user {} to {} (undo with `lakegate endpoint unlock --vpce {} --user {}`)",
            args.user, args.vpce, args.vpce, args.user
        ))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caller_is_recognised() {
        let arn = "arn:aws:iam::123456789012:user/ops/alice";
        assert!(is_caller(arn, Some(arn), "alice"));
        assert!(is_caller(
            "arn:aws:sts::123456789012:user/moto",
            Some("arn:aws:iam::123456789012:user/moto"),
            "moto"
        ));
        assert!(!is_caller(
            "arn:aws:iam::123456789012:user/bob",
            Some("arn:aws:iam::123456789012:user/alice"),
            "alice"
        ));
        assert!(!is_caller(
            "arn:aws:sts::123456789012:assumed-role/r/alice",
            Some("arn:aws:iam::123456789012:user/alice"),
            "alice"
        ));
    }
}
