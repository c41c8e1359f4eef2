//! `lakegate diff -f lake.yaml`

use super::{show_diff, FileArgs};
use crate::commands::Ctx;
use crate::error::Result;

/// Show how the lake differs from a lake file: one plan over every bucket policy, access point
/// and access point policy the file names (the diffs `apply -f` would make), each policy's size
/// against its 20 KB limit after the change, and the statements lakegate does not manage. Only
/// reads, in parallel. The file's guardrails are proved against the planned policies, each
/// answered "holds" or with a counterexample. Exit 0 when nothing differs, 4 when something
/// does, 5 when the plan breaks a guardrail (1 is a failure, as for every command).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub file: FileArgs,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    show_diff(ctx, &args.file, "diff -f").await
}
