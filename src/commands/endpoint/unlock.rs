//! `lakegate endpoint unlock --vpce ID --user NAME`

use super::{lockdown_reason, unlock_reason};
use crate::apply::inline_policy::InlinePolicy;
use crate::apply::route_table::{self, RouteTable};
use crate::apply::{Plan, Step};
use crate::commands::Ctx;
use crate::error::{failed, Result};
use crate::routes::{Route, TableRoutes};
use crate::state::{HistoryEntry, StateStore};
use crate::values::{IamUserName, VpcEndpointId};
use serde::Serialize;
use serde_json::Value;

/// Undo `endpoint lockdown`: a rollback of the history entries it left — the routes it removed
/// are put back (routes added since are kept) and the inline policy it rewrote is restored, each
/// verified by reading back.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The endpoint the user was locked down to (vpce-…)
    #[arg(long, value_name = "VPCE")]
    pub vpce: VpcEndpointId,

    /// The IAM user that was locked down
    #[arg(long, value_name = "NAME")]
    pub user: IamUserName,
}

#[derive(Debug, Serialize)]
struct UnlockResult {
    vpce: String,
    user: String,
    policy_name: Option<String>,
    dry_run: bool,
    routes_restored: Vec<TableRoutes>,
    policy: Option<Value>,
}

/// Per resource, the state before the first lockdown since the last unlock.
fn to_restore(entries: Vec<HistoryEntry>, lock: &str, unlock: &str) -> Vec<HistoryEntry> {
    let mut by_resource: std::collections::BTreeMap<String, Vec<HistoryEntry>> = Default::default();
    for e in entries {
        by_resource.entry(e.resource.clone()).or_default().push(e);
    }
    let mut out = Vec::new();
    for (_, mut es) in by_resource {
        es.sort_by_key(|e| e.version);
        let start = es
            .iter()
            .rposition(|e| e.reason == unlock)
            .map_or(0, |i| i + 1);
        if let Some(e) = es[start..].iter().find(|e| e.reason == lock) {
            out.push(e.clone());
        }
    }
    out
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let (lock, unlock) = (
        lockdown_reason(&args.vpce, &args.user),
        unlock_reason(&args.vpce, &args.user),
    );
    let entries = to_restore(StateStore::open()?.with_reason(&lock)?, &lock, &unlock);
    if entries.is_empty() {
        return Err(failed(format!(
            "no lockdown of user {} on {} is recorded",
            args.user, args.vpce
        ))
        .hinted("lockdowns are recorded in lakegate's history (LAKEGATE_STATE_DIR) on the machine that ran them"));
    }
    let mut plan = Plan::new(unlock);
    let mut policy_name = None;
    let mut policy = None;
    let mut tables = Vec::new();
    for e in entries {
        match e.target.as_str() {
            "route-table" => {
                let kept = route_table::kept(e.policy.as_ref())?;
                let id = e.resource.clone();
                tables.push((
                    id.clone(),
                    plan.add(
                        RouteTable { id },
                        // Put back the routes the lockdown removed; keep what was added since.
                        Box::new(move |cur: Option<&route_table::Routes>| {
                            let mut routes = route_table::routes(cur);
                            for r in &kept {
                                if !routes.iter().any(|x| x.destination == r.destination) {
                                    routes.push(r.clone());
                                }
                            }
                            Ok(Some(route_table::state(&routes)))
                        }),
                    ),
                ));
            }
            "user-inline-policy" => {
                let r = InlinePolicy::user_from_id(&e.resource).ok_or_else(|| {
                    failed(format!("history entry {} cannot be read", e.resource))
                })?;
                policy_name = Some(r.name.clone());
                policy = e.policy.clone();
                plan.push(Step::restore(r, e.policy)?);
            }
            other => tracing::warn!(resource = e.resource, "skipping a {other} entry"),
        }
    }
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    let routes_restored: Vec<TableRoutes> = tables
        .iter()
        .filter_map(|(id, t)| {
            let done = t.get().filter(|d| d.changed)?;
            let before = route_table::routes(done.before.as_ref());
            Some(TableRoutes {
                route_table_id: id.clone(),
                routes: route_table::routes(done.after.as_ref())
                    .into_iter()
                    .filter(|r: &Route| !before.contains(r))
                    .collect(),
            })
        })
        .collect();
    ctx.printer.result(
        &UnlockResult {
            vpce: args.vpce.to_string(),
            user: args.user.to_string(),
            policy_name,
            dry_run: false,
            routes_restored,
            policy,
        },
        || {
            ctx.printer.done(format!(
                "Unlocked user {} from {}: routes and policy restored",
                args.user, args.vpce
            ))
        },
    )
}
