//! `lakegate audit unschedule [--name N] [--function-name F]`

use crate::apply::Plan;
use crate::commands::Ctx;
use crate::error::Result;
use crate::fulfiller::{self, place, Names, Said};

/// Remove an audit schedule: its rule, the permission to invoke the function, the inline
/// policy `audit schedule` added to the function's role and, for a fanned-out schedule, its
/// event source mapping, audit queue and dead-letter queue (with whatever units are in them).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schedule's name
    #[arg(long, value_name = "NAME", default_value = "weekly")]
    pub name: crate::values::FunctionName,

    /// The fulfiller function that runs the report
    #[arg(long, value_name = "NAME", default_value = fulfiller::DEFAULT_FUNCTION)]
    pub function_name: crate::values::FunctionName,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let place = place(ctx).await?;
    let names = Names::of(&args.function_name);
    let mut plan = Plan::new(format!("audit unschedule {}", args.name));
    plan.steps = fulfiller::audit_schedule_steps(&place, &names, &args.name, None);
    // The mapping and the queues go before the policy that lets the function read them.
    let policy = plan.steps.pop();
    plan.steps
        .extend(fulfiller::fleet_steps(&place, &names, &args.name, None));
    plan.steps.extend(policy);
    let said = Said {
        done: format!("removed audit schedule '{}'", args.name),
        unchanged: Some(format!(
            "no audit schedule '{}': nothing to remove",
            args.name
        )),
        always_rows: false,
    };
    fulfiller::apply_and_print(ctx, plan, said, |changed, rows| {
        serde_json::json!({
            "schedule": args.name,
            "changed": changed,
            "resources": rows,
        })
    })
    .await
}
