//! `lakegate accesspoint history NAME`

use super::check_name;
use crate::commands::{history, Ctx, PolicyRef};
use crate::error::Result;
use crate::policy::arn;

/// List the access point policies lakegate kept before each overwrite or delete (oldest first).
/// Works for deleted access points too.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point name
    #[arg(value_name = "NAME", add = crate::completion::access_point_completer())]
    pub name: String,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_name(&args.name)?;
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let pref = PolicyRef::AccessPoint {
        arn: arn::access_point_arn(aws.partition, &aws.region, &account, &args.name),
        account,
        name: args.name.clone(),
        // History is local: no lease is taken, so the bucket is not needed.
        bucket: String::new(),
    };
    history::show(ctx, &pref, &format!("access point {}", args.name))
}
