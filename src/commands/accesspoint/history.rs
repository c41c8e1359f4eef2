//! `lakegate accesspoint history NAME`

use crate::commands::{history, Ctx, PolicyRef};
use crate::error::Result;
use crate::policy::arn;
use crate::values::AccessPointName;

/// List the access point policies lakegate kept before each overwrite or delete (oldest first).
/// Works for deleted access points too.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point name
    #[arg(value_name = "NAME", add = crate::completers::access_point_completer())]
    pub name: AccessPointName,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    let pref = PolicyRef::AccessPoint {
        arn: arn::access_point_arn(aws.partition, &aws.region, &account, &args.name),
        account,
        name: args.name.to_string(),
        // History is local: no lease is taken, so the bucket is not needed.
        bucket: String::new(),
    };
    history::show(ctx, &pref, &format!("access point {}", args.name))
}
