//! `lakegate subscription status [--function-name N]`

use crate::commands::Ctx;
use crate::error::Result;
use crate::fulfiller::{self, Names};
use crate::fulfiller::{place, ResourceRow};
use serde::Serialize;

/// Show each resource of the deployed fulfiller (present or absent) and the depth of its
/// dead-letter queue (events that failed every retry).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The function's name, as given to deploy
    #[arg(long, value_name = "NAME", default_value = fulfiller::DEFAULT_FUNCTION)]
    pub function_name: crate::values::FunctionName,
}

#[derive(Debug, Serialize)]
struct Status {
    function: String,
    deployed: bool,
    /// ApproximateNumberOfMessages of the dead-letter queue; null when it does not exist.
    dead_letters: Option<u64>,
    resources: Vec<ResourceRow>,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let place = place(ctx).await?;
    let names = Names::of(&args.function_name);
    let mut rows = Vec::new();
    for r in fulfiller::resources(&place, &names).iter().rev() {
        let present = r.exists(aws).await?;
        rows.push(ResourceRow {
            kind: r.kind().label().to_string(),
            resource: r.id().to_string(),
            result: if present { "present" } else { "absent" }.into(),
        });
    }
    let dead_letters = aws.queue(&names.queue).await?.and_then(|q| q.depth);
    let status = Status {
        function: args.function_name.to_string(),
        deployed: rows.iter().any(|r| r.result == "present"),
        dead_letters,
        resources: rows,
    };
    ctx.printer.result(&status, || {
        ctx.printer.rows(&status.resources)?;
        match status.dead_letters {
            Some(0) => ctx.printer.line("dead-letter queue: empty"),
            Some(n) => ctx.printer.line(format!(
                "dead-letter queue: {n} event(s) that failed every retry (sqs receive-message on {})",
                names.queue
            )),
            None => ctx.printer.line("dead-letter queue: absent"),
        }
    })
}
