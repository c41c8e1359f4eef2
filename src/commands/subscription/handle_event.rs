//! `lakegate subscription handle-event [--file F]`

use super::{print_outcome, WriteArgs};
use crate::commands::{read_input, Ctx};
use crate::error::Result;
use crate::subscription::event::{example, handle, parse_event, ExampleKind};

/// Handle one DataZone event from EventBridge (the JSON an EventBridge rule delivers to a
/// function or a queue). `Subscription Grant Requested` grants and `Subscription Grant Revoke
/// Requested` revokes, reporting every asset's status back to DataZone
/// (UpdateSubscriptionGrantStatus: in progress, then granted/revoked or failed with the cause;
/// a failure exits 1). The older `Subscription Created` grants, `Subscription Cancelled` and
/// `Subscription Revoked` revoke. Other DataZone events are ignored with a reason. Prints one
/// JSON result. A repeated event changes nothing and says so.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read the event from this file instead of stdin ('-' is stdin)
    #[arg(short = 'f', long, value_name = "FILE", default_value = "-")]
    pub file: String,

    /// Print a sample event of this kind (as EventBridge delivers it) and exit, to edit and
    /// feed back: `lakegate subscription handle-event --example grant-requested > event.json`
    #[arg(long, value_enum, value_name = "KIND", conflicts_with = "file")]
    pub example: Option<ExampleKind>,

    #[command(flatten)]
    pub opts: WriteArgs,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    if let Some(kind) = args.example {
        return ctx.printer.structured_or_json().value(&example(kind));
    }
    let opts = args.opts.options();
    opts.check()?;
    // Its callers are functions and queues: always one JSON document (its plan under --dry-run).
    let json =
        Ctx::new(ctx.settings.clone(), ctx.printer.structured_or_json()).in_run(ctx.run().clone());
    let text = read_input("--file", &args.file)?;
    let ev = parse_event(&text)?;
    let o = handle(&json, &ev, &opts).await?;
    print_outcome(&json, &o)
}
