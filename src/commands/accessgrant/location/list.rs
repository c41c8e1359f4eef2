//! `lakegate accessgrant location list`

use super::super::LocationRow;
use crate::commands::Ctx;
use crate::error::Result;

/// List the locations registered in the account's Access Grants instance.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(ctx: &Ctx, _args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let rows: Vec<LocationRow> = ctx
        .aws()
        .await?
        .access_grants_locations(&account, None)
        .await?
        .into_iter()
        .map(|location| LocationRow { location })
        .collect();
    ctx.printer.rows_or(&rows, || {
        format!("no Access Grants locations in account {account}")
    })
}
