//! `lakegate accessgrant check PRINCIPAL s3://BUCKET/KEY --access read|write`

use crate::aws::access_grants::{matching, GrantFilter, GrantPermission, GranteeKind};
use crate::commands::Ctx;
use crate::error::{denied, Result};
use crate::values::{GranteeArn, S3Url};
use serde_json::json;

/// Which grant S3 Access Grants would match when PRINCIPAL asks GetDataAccess for KEY: the most
/// specific grant of that IAM principal whose scope covers the key and whose permission includes
/// the access (READWRITE includes both), and what the credentials it vends would be: temporary,
/// scoped to that grant, issued by assuming its location's role. Exit 3 when no grant matches.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The IAM role or user (ARN) asking
    #[arg(value_name = "PRINCIPAL")]
    pub principal: GranteeArn,
    /// The object asked for: s3://BUCKET/KEY
    #[arg(value_name = "S3_URL")]
    pub target: S3Url,
    /// read or write
    #[arg(long, value_enum, default_value = "read")]
    pub access: CheckAccess,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckAccess {
    Read,
    Write,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let aws = ctx.aws().await?;
    let target = args.target.to_string();
    // Only the principal's grants are read (filtered by S3): one request however many there are.
    let only = GrantFilter {
        grantee: Some((GranteeKind::Iam, args.principal.to_string())),
        scope: None,
    };
    let grants = aws.access_grants(&account, &only).await?;
    let wanted = match args.access {
        CheckAccess::Read => GrantPermission::Read,
        CheckAccess::Write => GrantPermission::Write,
    };
    let Some(grant) = matching(&grants, &args.principal, &target, wanted) else {
        ctx.printer.result(
            &json!({ "principal": args.principal, "target": target, "matched": null }),
            || {
                ctx.printer.line(format!(
                    "no grant: {} cannot get credentials for {target}",
                    args.principal
                ))
            },
        )?;
        return Err(denied());
    };
    let role = aws
        .access_grants_locations(&account, None)
        .await?
        .into_iter()
        .find(|l| l.id == grant.location_id)
        .map(|l| l.iam_role_arn);
    ctx.printer.result(
        &json!({
            "principal": args.principal,
            "target": target,
            "matched": grant,
            "credentials": {
                "scope": grant.scope,
                "permission": grant.permission,
                "issued_by_assuming": role,
            },
        }),
        || {
            ctx.printer.line(format!(
                "grant {} matches: {} on {}",
                grant.id,
                grant.permission.as_str(),
                grant.scope
            ))?;
            ctx.printer.line(format!(
                "credentials: temporary, scoped to {}, issued by assuming {}",
                grant.scope,
                role.as_deref().unwrap_or("the location's role")
            ))
        },
    )
}
