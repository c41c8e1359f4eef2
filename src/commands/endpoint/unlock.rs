//! `lakegate endpoint unlock --vpce ID --user NAME`

use super::{check_id, check_user};
use crate::commands::Ctx;
use crate::error::{failed, Result};
use crate::output::render_diff;
use crate::policy::PolicyDocument;
use crate::routes::{render, TableRoutes};
use crate::state::StateStore;
use serde::Serialize;
use serde_json::Value;

/// Undo `endpoint lockdown`: put back the routes it removed and the inline policy it rewrote,
/// from the record kept in lakegate's state directory.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The endpoint the user was locked down to (vpce-…)
    #[arg(long, value_name = "VPCE")]
    pub vpce: String,

    /// The IAM user that was locked down
    #[arg(long, value_name = "NAME")]
    pub user: String,
}

#[derive(Debug, Serialize)]
struct UnlockResult {
    vpce: String,
    user: String,
    policy_name: String,
    dry_run: bool,
    routes_restored: Vec<TableRoutes>,
    policy: Option<Value>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_id("--vpce", "vpce", &args.vpce)?;
    check_user("--user", &args.user)?;
    let store = StateStore::open()?;
    let record = store.lockdown(&args.vpce, &args.user)?.ok_or_else(|| {
        failed(format!(
            "no lockdown of user {} on {} is recorded",
            args.user, args.vpce
        ))
        .hinted("lockdowns are recorded in lakegate's state directory (LAKEGATE_STATE_DIR) of the machine that ran them")
    })?;
    let aws = ctx.aws().await?;

    // Routes still missing (one may have been put back by hand).
    let ids: Vec<String> = record
        .routes
        .iter()
        .map(|t| t.route_table_id.clone())
        .collect();
    let tables = if ids.is_empty() {
        Vec::new()
    } else {
        aws.route_tables(Some(&ids), None).await?
    };
    let mut restore: Vec<TableRoutes> = Vec::new();
    for t in &record.routes {
        let current = tables.iter().find(|x| x.id == t.route_table_id);
        let missing: Vec<_> = t
            .routes
            .iter()
            .filter(|r| {
                current.is_none_or(|c| !c.routes.iter().any(|x| x.destination == r.destination))
            })
            .cloned()
            .collect();
        if !missing.is_empty() {
            match restore
                .iter_mut()
                .find(|x| x.route_table_id == t.route_table_id)
            {
                Some(x) => x.routes.extend(missing),
                None => restore.push(TableRoutes {
                    route_table_id: t.route_table_id.clone(),
                    routes: missing,
                }),
            }
        }
    }
    let before = record
        .policy
        .clone()
        .map(PolicyDocument::from_value)
        .transpose()?;
    let current = aws.user_policy(&args.user, &record.policy_name).await?;
    let policy_changes = current != before;

    if !ctx.printer.is_structured() {
        let mut out = String::new();
        for t in &restore {
            let cur = tables
                .iter()
                .find(|x| x.id == t.route_table_id)
                .map(|x| x.routes.clone())
                .unwrap_or_default();
            let mut after = cur.clone();
            after.extend(t.routes.iter().cloned());
            out.push_str(&format!(
                "{} route table {}\n",
                ctx.printer.paint("33", "update"),
                t.route_table_id
            ));
            out.push_str(&render_diff(
                &render(&cur),
                &render(&after),
                &format!("routes of {}", t.route_table_id),
                ctx.printer.color,
            ));
        }
        if policy_changes {
            let pretty = |d: &Option<PolicyDocument>| {
                d.as_ref().map(|d| d.to_pretty() + "\n").unwrap_or_default()
            };
            out.push_str(&format!(
                "{} inline policy {} of user {}\n",
                ctx.printer.paint("33", "restore"),
                record.policy_name,
                args.user
            ));
            out.push_str(&render_diff(
                &pretty(&current),
                &pretty(&before),
                &format!("policy {}", record.policy_name),
                ctx.printer.color,
            ));
        }
        if ctx.global.dry_run {
            out.push_str("Dry run: nothing was changed.\n");
        }
        ctx.printer.text(&out)?;
    }
    let result = |dry_run| UnlockResult {
        vpce: args.vpce.clone(),
        user: args.user.clone(),
        policy_name: record.policy_name.clone(),
        dry_run,
        routes_restored: restore.clone(),
        policy: record.policy.clone(),
    };
    if ctx.global.dry_run {
        if ctx.printer.is_structured() {
            return ctx.printer.value(&result(true));
        }
        return Ok(());
    }
    for t in &restore {
        for r in &t.routes {
            aws.create_route(&t.route_table_id, r).await?;
            ctx.printer.status(format!(
                "restored route {} in {}",
                r.describe(),
                t.route_table_id
            ));
        }
    }
    if policy_changes {
        match &before {
            Some(doc) => {
                aws.put_user_policy(&args.user, &record.policy_name, doc)
                    .await?
            }
            None => {
                aws.delete_user_policy(&args.user, &record.policy_name)
                    .await?
            }
        }
        ctx.printer.status(format!(
            "restored inline policy {} of user {}",
            record.policy_name, args.user
        ));
    }
    let after = aws.user_policy(&args.user, &record.policy_name).await?;
    if after != before {
        return Err(failed(format!(
            "verification failed: the policy {} read back is not the one restored",
            record.policy_name
        )));
    }
    store.remove_lockdown(&args.vpce, &args.user)?;
    if ctx.printer.is_structured() {
        return ctx.printer.value(&result(false));
    }
    ctx.printer.line(format!(
        "Unlocked user {} from {}: routes and policy restored",
        args.user, args.vpce
    ))?;
    Ok(())
}
