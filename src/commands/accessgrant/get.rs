//! `lakegate accessgrant get ID`

use super::GrantRow;
use crate::commands::Ctx;
use crate::error::Result;

/// Show one access grant.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The grant's id
    #[arg(value_name = "ID")]
    pub id: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let grant = super::existing_grant(ctx, &account, &args.id).await?;
    ctx.printer.rows_or(&[GrantRow { grant }], String::new)
}
