//! `lakegate apply -f lake.yaml [--prune]`

use super::{load, show_diff, FileArgs};
use crate::apply::Scale;
use crate::commands::Ctx;
use crate::error::Result;
use crate::evaluate::prove;
use crate::lake::guardrails::Proofs;
use crate::lake::{self, LakeOutcome};

/// Make the lake what a lake file declares, through the change pipeline (lease, history and
/// verify for every resource): create declared access points, declare every grant, delegate
/// buckets. Removes the lake's statements and access points the file no longer declares only
/// with --prune; never touches statements lakegate did not write. On a failure part-way every
/// resource is at its old or its new state: the error says which were applied, and running
/// the same command again finishes the job. The file's guardrails are proved against the
/// planned policies first: a plan that breaks one is refused (exit 5, the counterexample named,
/// nothing applied). With --dry-run it is `lakegate diff -f`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub file: FileArgs,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let reason = if args.file.prune {
        "apply -f --prune"
    } else {
        "apply -f"
    };
    if ctx.settings.dry_run {
        return show_diff(ctx, &args.file, reason).await;
    }
    let file = load(&args.file)?;
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let parallel = usize::from(args.file.concurrency);
    let lp = lake::build(aws, &account, &file, args.file.prune, parallel, reason).await?;
    for d in &lp.drift {
        ctx.printer.warn(d);
    }
    let scale = Scale {
        read_concurrency: parallel,
        name_applied: true,
    };
    // The guardrails are proved on the planned policies before anything is leased or written;
    // a plan that breaks one is refused (exit 5) with the proofs printed.
    let proofs = Proofs::default();
    let plan = lake::guardrails::guard(lp.plan, &file, &proofs, true);
    let report = match crate::apply::apply_with(
        aws,
        &ctx.printer,
        &ctx.apply_options(),
        plan,
        scale,
    )
    .await
    {
        Ok(r) => r,
        Err(e) => {
            let shown = proofs.take();
            if shown.iter().any(|p| !p.holds) {
                prove::print(&ctx.printer, &shown, false)?;
            }
            return Err(e);
        }
    };
    let proofs = proofs.take();
    let applied: Vec<String> = report
        .steps
        .iter()
        .filter(|s| s.changed)
        .map(|s| s.resource.clone())
        .collect();
    LakeOutcome {
        dry_run: false,
        differs: !applied.is_empty(),
        plan: &report.plan,
        policies: lake::standings(&lp.declared),
        drift: &lp.drift,
        undeclared_access_points: &lp.undeclared_access_points,
        undeclared_access_grants: &lp.undeclared_access_grants,
        guardrails: proofs,
        applied: Some(applied),
    }
    .print(&ctx.printer)
}
