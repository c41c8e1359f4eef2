//! `lakegate accesspoint get NAME`

use crate::aws::s3control::AccessPointInfo;
use crate::commands::Ctx;
use crate::error::Result;
use crate::output::{statement_rows, Cell, Row};
use crate::policy::access::{summarize, GrantView};
use crate::policy::PolicyDocument;
use serde::Serialize;
use serde_json::Value;

/// Show one access point: its details, the grants its policy makes, and the policy.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point: its name, ARN or alias
    #[arg(value_name = "NAME", add = crate::completers::access_point_completer())]
    pub name: crate::values::AccessPointRef,
}

#[derive(Debug, Serialize)]
struct Details {
    #[serde(flatten)]
    access_point: AccessPointInfo,
    grants: Vec<GrantView>,
    policy: Option<Value>,
}

impl Row for GrantView {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["PRINCIPAL", "PREFIX", "ACCESS"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.principal.clone().into(),
            self.prefix.clone().into(),
            self.access.clone().into(),
        ]
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let (account, info) = ctx.resolve_access_point(&args.name).await?;
    let policy = aws.access_point_policy(&account, &info.name).await?;
    let grants = policy.as_ref().map(summarize).unwrap_or_default();
    let details = Details {
        access_point: info,
        grants,
        policy: policy.as_ref().map(|p| p.to_value()),
    };
    ctx.printer.show(
        &details,
        || ctx.printer.rows(&details.grants),
        || human(ctx, &details.access_point, &details.grants, policy.as_ref()),
    )
}

/// The access point as people read it: its fields, its grants, its policy's statements.
fn human(
    ctx: &Ctx,
    info: &AccessPointInfo,
    grants: &[GrantView],
    policy: Option<&PolicyDocument>,
) -> Result<()> {
    let bpa = info
        .block_public_access
        .map(|b| {
            if b == crate::aws::s3control::BlockPublicAccess::all(true) {
                "all blocked".to_string()
            } else {
                format!(
                    "acls={} ignore_acls={} policy={} restrict={}",
                    b.block_public_acls,
                    b.ignore_public_acls,
                    b.block_public_policy,
                    b.restrict_public_buckets
                )
            }
        })
        .unwrap_or_else(|| "-".into());
    let lines = [
        ("Name", info.name.clone()),
        ("Bucket", info.bucket.clone()),
        ("ARN", info.arn.clone()),
        ("Alias", info.alias.clone().unwrap_or_else(|| "-".into())),
        ("Network origin", info.network_origin.clone()),
        ("VPC", info.vpc_id.clone().unwrap_or_else(|| "-".into())),
        ("Block public access", bpa),
        (
            "Created",
            info.creation_date.clone().unwrap_or_else(|| "-".into()),
        ),
    ];
    ctx.printer.fields(&lines)?;
    ctx.printer.line("")?;
    if grants.is_empty() {
        ctx.printer.line("Grants: none")?;
    } else {
        ctx.printer.line("Grants:")?;
        ctx.printer.rows(grants)?;
    }
    ctx.printer.line("")?;
    match policy {
        None => ctx.printer.line("Policy: none"),
        Some(p) => {
            ctx.printer.line("Policy statements:")?;
            ctx.printer.rows(&statement_rows(p))
        }
    }
}
