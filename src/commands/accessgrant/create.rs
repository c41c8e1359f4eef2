//! `lakegate accessgrant create (--grantee ARN | --directory-user ID | --directory-group ID)
//! --prefix s3://BUCKET/PREFIX/ --access read|write|read-write [--application ARN]`

use crate::apply::access_grant::{AccessGrant, GrantState};
use crate::apply::{Plan, Step};
use crate::aws::access_grants::{placement, GrantPermission, GranteeKind};
use crate::commands::Ctx;
use crate::error::{input_error, Result};
use crate::values::{DirectoryId, GrantAccess, GranteeArn, S3Url};
use serde_json::json;

/// Grant an IAM principal, or an IAM Identity Center user or group, READ, WRITE or READWRITE
/// on a prefix. The prefix must be inside a registered location (the most specific one is
/// used); directory users and groups need the instance to be associated with Identity Center.
/// A repeat changes nothing; a different --access replaces the grant (the new one first).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["grantee", "directory_user", "directory_group"])))]
pub struct Args {
    /// The IAM role or user to grant (ARN)
    #[arg(long, value_name = "ARN")]
    pub grantee: Option<GranteeArn>,
    /// The IAM Identity Center user to grant (its identity store id)
    #[arg(long, value_name = "ID")]
    pub directory_user: Option<DirectoryId>,
    /// The IAM Identity Center group to grant (its identity store id)
    #[arg(long, value_name = "ID")]
    pub directory_group: Option<DirectoryId>,
    /// The prefix granted: s3://BUCKET/PREFIX/ (every key below it)
    #[arg(long, value_name = "S3_URL")]
    pub prefix: S3Url,
    /// What the grantee may do
    #[arg(long, value_enum)]
    pub access: GrantAccess,
    /// Limit the grant to one IAM Identity Center application (its ARN)
    #[arg(long, value_name = "ARN")]
    pub application: Option<String>,
}

impl Args {
    fn grantee(&self) -> (GranteeKind, String) {
        match (&self.grantee, &self.directory_user, &self.directory_group) {
            (Some(a), _, _) => (GranteeKind::Iam, a.to_string()),
            (_, Some(u), _) => (GranteeKind::DirectoryUser, u.to_string()),
            (_, _, Some(g)) => (GranteeKind::DirectoryGroup, g.to_string()),
            _ => {
                unreachable!("clap requires one of --grantee, --directory-user, --directory-group")
            }
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let account = ctx.account().await?;
    let aws = ctx.aws().await?;
    let url = args.prefix.to_string();
    let locations = aws.access_grants_locations(&account, None).await?;
    let (location, sub_prefix, scope) = placement(&locations, &url).ok_or_else(|| {
        input_error(format!(
            "--prefix {url}: no registered Access Grants location covers it"
        ))
        .hinted("register one with `lakegate accessgrant location create s3://BUCKET/ --role ARN`")
    })?;
    let (kind, grantee) = args.grantee();
    let permission = GrantPermission::from(args.access);
    let (step, outcome) = Step::watched(
        AccessGrant::new(
            &account,
            &scope,
            kind,
            &grantee,
            args.application.as_deref(),
        ),
        crate::apply::set(Some(GrantState {
            permission,
            location: location.scope.clone(),
            sub_prefix,
        })),
    );
    let report = ctx
        .apply(Plan::new("accessgrant create").step(step))
        .await?;
    if report.dry_run {
        return Ok(());
    }
    let changed = outcome.changed();
    ctx.printer.result(
        &json!({
            "grantee": grantee,
            "scope": scope,
            "permission": permission,
            "location_id": location.id,
            "changed": changed,
        }),
        || {
            ctx.printer.done(if changed {
                format!("{grantee} granted {} on {scope}", permission.as_str())
            } else {
                format!("{grantee} already has this grant on {scope}: nothing changed")
            })
        },
    )
}
