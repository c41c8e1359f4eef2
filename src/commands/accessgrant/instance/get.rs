//! `lakegate accessgrant instance get`

use crate::commands::Ctx;
use crate::error::{failed, Result};

/// Show the account's Access Grants instance in the region.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub async fn run(ctx: &Ctx, _args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let aws = ctx.aws().await?;
    let instance = aws.access_grants_instance(&account).await?.ok_or_else(|| {
        failed(format!(
            "account {account} has no Access Grants instance in {}",
            aws.region
        ))
        .hinted("create one with `lakegate accessgrant instance create`")
    })?;
    ctx.printer.result(&instance, || {
        ctx.printer
            .line(format!("ARN:              {}", instance.arn))?;
        ctx.printer.line(format!(
            "Identity Center:  {}",
            instance.identity_center_arn.as_deref().unwrap_or("-")
        ))?;
        ctx.printer.line(format!(
            "Created:          {}",
            instance.created_at.as_deref().unwrap_or("-")
        ))
    })
}
