//! `lakegate subscription undeploy [--function-name N]`

use crate::apply::Plan;
use crate::commands::Ctx;
use crate::error::Result;
use crate::fulfiller::{self, place, Names, Said};

/// Remove exactly what `subscription deploy` created for the function: the rules and their
/// permissions, the function, the role's inline policy, the role and the dead-letter queue.
/// Destructive: asks on a terminal, needs --yes in a script.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The function's name, as given to deploy
    #[arg(long, value_name = "NAME", default_value = fulfiller::DEFAULT_FUNCTION)]
    pub function_name: crate::values::FunctionName,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let place = place(ctx).await?;
    let names = Names::of(&args.function_name);
    let mut plan =
        Plan::new(format!("subscription undeploy {}", args.function_name)).confirming(format!(
            "remove the fulfiller {} (function, role, rules, dead-letter queue)",
            args.function_name
        ));
    plan.steps = fulfiller::undeploy_steps(&place, &names);
    let said = Said {
        done: format!("removed {}", args.function_name),
        unchanged: Some(format!(
            "{} is not deployed: nothing to remove",
            args.function_name
        )),
        always_rows: false,
    };
    fulfiller::apply_and_print(ctx, plan, said, |changed, rows| {
        serde_json::json!({
            "function": args.function_name,
            "changed": changed,
            "resources": rows,
        })
    })
    .await
}
