//! `lakegate subscription target list --domain D (--environment E | --project P)`

use crate::aws::datazone::SubscriptionTarget;
use crate::commands::Ctx;
use crate::error::Result;
use crate::output::{Cell, Row};

/// List subscription targets: of one environment, or of every environment of a project (all
/// pages of every list).
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("scope").required(true).args(["environment", "project"])))]
pub struct Args {
    /// DataZone domain id (dzd_…)
    #[arg(long, value_name = "DOMAIN")]
    pub domain: crate::values::DomainId,

    /// One environment
    #[arg(long, value_name = "ENV")]
    pub environment: Option<crate::values::DataZoneId>,

    /// Every environment of this project
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<crate::values::DataZoneId>,
}

impl Row for SubscriptionTarget {
    fn kind() -> Option<&'static str> {
        Some("subscriptiontarget")
    }

    fn name(&self) -> Option<String> {
        Some(self.id.clone())
    }

    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["ID", "NAME", "ENVIRONMENT", "ASSET TYPES", "PRINCIPALS"];
        if wide {
            h.extend(["TYPE", "PROVIDER", "MANAGE ACCESS ROLE"]);
        }
        h
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut c: Vec<Cell> = vec![
            self.id.clone().into(),
            self.name.clone().into(),
            self.environment_id.clone().into(),
            self.applicable_asset_types.join(",").into(),
            self.authorized_principals.join(",").into(),
        ];
        if wide {
            c.push(self.r#type.clone().into());
            c.push(self.provider.clone().into());
            c.push(self.manage_access_role.clone().unwrap_or_default().into());
        }
        c
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    let envs: Vec<String> = match (&args.environment, &args.project) {
        (Some(e), _) => {
            vec![e.to_string()]
        }
        (None, Some(p)) => aws
            .environments(&args.domain, p)
            .await?
            .into_iter()
            .map(|e| e.id)
            .collect(),
        (None, None) => {
            return Err(crate::error::input_error(
                "pass --environment ENV or --project PROJECT",
            ))
        }
    };
    let mut rows = Vec::new();
    for e in &envs {
        rows.extend(aws.subscription_targets(&args.domain, e).await?);
    }
    ctx.printer.rows(&rows)
}
