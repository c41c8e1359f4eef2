//! `lakegate accesspoint delete NAME`

use super::{check_name, existing};
use crate::commands::Ctx;
use crate::error::Result;
use crate::plan::{Change, ChangeAction, Plan, Target};
use crate::state::StateStore;
use serde_json::json;

/// Delete an access point and its policy. The policy is kept in the local history first.
/// Asks on a terminal; scripts must pass --yes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point name
    #[arg(value_name = "NAME", add = crate::completion::access_point_completer())]
    pub name: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_name(&args.name)?;
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let info = existing(ctx, &account, &args.name).await?;
    let policy = aws.access_point_policy(&account, &args.name).await?;
    let mut plan = Plan::default();
    plan.push(Change {
        target: Target::AccessPoint,
        resource: info.arn.clone(),
        action: ChangeAction::Delete,
        before: Some(json!({
            "name": info.name,
            "bucket": info.bucket,
            "network_origin": info.network_origin,
            "vpc_id": info.vpc_id,
        })),
        after: None,
    });
    if let Some(p) = &policy {
        plan.policy(
            Target::AccessPointPolicy,
            &info.arn,
            Some(p),
            &crate::policy::PolicyDocument::new(),
        );
    }
    if ctx.global.dry_run {
        return plan.print(&ctx.printer);
    }
    ctx.confirm(&format!(
        "delete access point {} (bucket {}); applications using it lose access",
        info.name, info.bucket
    ))?;
    let version = StateStore::open()?.save(
        &info.arn,
        Target::AccessPointPolicy,
        "accesspoint delete",
        policy.as_ref().map(|p| p.to_value()).as_ref(),
    )?;
    let lock_bucket = ctx.global.lock_bucket.as_deref().unwrap_or(&info.bucket);
    let lease = aws
        .lease(
            lock_bucket,
            &info.arn,
            crate::aws::lease::LeaseOptions::from_env()?,
        )
        .await?;
    // Gone already is what was asked for (an earlier attempt whose answer was lost did it).
    let deleted = lease
        .write(|| async {
            match aws.delete_access_point(&account, &args.name).await {
                Err(e) if e.kind == crate::error::Kind::NotFound => Ok(()),
                r => r,
            }
        })
        .await;
    lease.release().await;
    deleted?;
    if ctx.printer.is_structured() {
        return ctx.printer.value(&json!({
            "resource": info.arn,
            "deleted": true,
            "history_version": version,
        }));
    }
    println!(
        "access point {} deleted (its policy is kept as history version {version})",
        info.name
    );
    Ok(())
}
