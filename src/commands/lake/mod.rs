//! The declared lake: `diff -f`, `apply -f`, `export`, `schema` (top-level verbs, one file each).
//! What `diff` and `apply` share lives here; the work is in `crate::lake`.

pub mod apply;
pub mod diff;
pub mod export;
pub mod schema;

use super::{read_input, Ctx};
use crate::error::{differs, Result};
use crate::evaluate::prove::{self, Proof};
use crate::lake::guardrails::Proofs;
use crate::lake::{self, file::Lake, LakeOutcome};

/// The lake file and how to read the lake, for `diff` and `apply`.
#[derive(Debug, Clone, clap::Args)]
pub struct FileArgs {
    /// The lake file (YAML, one or more documents; `-` reads stdin)
    #[arg(short = 'f', long = "file", alias = "filename", value_name = "FILE")]
    pub file: String,

    /// Remove the lake's statements (and access points holding nothing else) that the file
    /// does not declare; statements lakegate did not write are never touched
    #[arg(long)]
    pub prune: bool,

    /// How many resources are read at once
    #[arg(long, value_name = "N", alias = "parallel", default_value_t = lake::DEFAULT_PARALLEL as u16,
          allow_negative_numbers = true, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

/// Read and check the file: every error is `FILE:LINE: field: what`, exit 2, before any call.
pub fn load(args: &FileArgs) -> Result<Lake> {
    let text = read_input("-f", &args.file)?;
    let name = if args.file == "-" {
        "stdin"
    } else {
        &args.file
    };
    lake::file::parse(name, &text)
}

/// Plan the file (its guardrails proved on the planned policies) and print the plan: what
/// `diff -f` and `apply -f --dry-run` do. Exit 5 when the plan breaks a guardrail, else 4 when
/// something differs.
async fn plan_and_print(ctx: &Ctx, args: &FileArgs, reason: &str) -> Result<()> {
    let file = load(args)?;
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let parallel = usize::from(args.concurrency);
    let lp = lake::build(aws, &account, &file, args.prune, parallel, reason).await?;
    let proofs = Proofs::default();
    let plan = lake::guardrails::guard(lp.plan, &file, &proofs, false);
    let report = crate::apply::plan_only(aws, plan, parallel).await?;
    let differ = report.changed() || !lp.drift.is_empty();
    let proofs = proofs.take();
    let broken: Vec<&Proof> = proofs.iter().filter(|p| !p.holds).collect();
    LakeOutcome {
        dry_run: true,
        differs: differ,
        plan: &report.plan,
        policies: lake::standings(&lp.declared),
        drift: &lp.drift,
        undeclared_access_points: &lp.undeclared_access_points,
        undeclared_access_grants: &lp.undeclared_access_grants,
        guardrails: proofs.clone(),
        applied: None,
    }
    .print(&ctx.printer)?;
    if !broken.is_empty() {
        Err(prove::refusal(&broken, false))
    } else if differ {
        Err(differs())
    } else {
        Ok(())
    }
}

/// Plan the file and print the plan (what `diff -f` and `apply -f --dry-run` do); exit 4 when
/// something differs, 5 when the plan breaks a guardrail of the file.
pub async fn show_diff(ctx: &Ctx, args: &FileArgs, reason: &str) -> Result<()> {
    plan_and_print(ctx, args, reason).await
}
