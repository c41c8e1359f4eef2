//! `lakegate subscription target create ...`

use crate::aws::datazone::S3_ASSET_TYPE;
use crate::commands::Ctx;
use crate::error::Result;
use crate::subscription::target_create::{self, TargetCreateOptions};

/// Create a DataZone subscription target: the principals (e.g. a SageMaker notebook's role) that
/// subscriptions of the environment's project to S3 object collections are granted to. Takes
/// flags, or with --from-json the JSON `aws datazone create-subscription-target --cli-input-json`
/// takes. A target of that name in the environment is kept as it is (running it again changes
/// nothing); `--dry-run` prints the plan and creates nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// DataZone domain id (dzd_…)
    #[arg(long, value_name = "DOMAIN", required_unless_present = "from_json")]
    pub domain: Option<String>,

    /// Environment id of the consuming project
    #[arg(long, value_name = "ENV", required_unless_present = "from_json")]
    pub environment: Option<String>,

    /// Name of the subscription target
    #[arg(value_name = "NAME", required_unless_present_any = ["from_json", "name_flag"])]
    pub name: Option<String>,

    /// The same as NAME (its earlier spelling)
    #[arg(
        long = "name",
        value_name = "NAME",
        hide = true,
        conflicts_with = "name"
    )]
    pub name_flag: Option<String>,

    /// The role DataZone uses to manage access (the environment role)
    #[arg(long, value_name = "ARN", required_unless_present = "from_json")]
    pub manage_access_role: Option<String>,

    /// Principal (role ARN) to grant subscriptions to; repeatable
    #[arg(
        long = "principal",
        value_name = "ARN",
        required_unless_present = "from_json"
    )]
    pub principals: Vec<String>,

    /// Asset types the target applies to; repeatable
    #[arg(long = "asset-type", value_name = "TYPE", default_value = S3_ASSET_TYPE)]
    pub asset_types: Vec<String>,

    /// Provider name
    #[arg(long, value_name = "NAME", default_value = "Custom Provider")]
    pub provider: String,

    /// Subscription target type
    #[arg(
        long = "type",
        value_name = "TYPE",
        default_value = "GlueSubscriptionTargetType"
    )]
    pub target_type: String,

    /// A configuration form, FORM=JSON (e.g. GlueSubscriptionTargetConfigForm={"databaseName":"db"}); repeatable
    #[arg(long = "config", value_name = "FORM=JSON")]
    pub config: Vec<String>,

    /// Read the whole request from this JSON file ('-' is stdin), as `--cli-input-json` does
    #[arg(long, value_name = "FILE", conflicts_with_all = ["domain", "environment", "name", "name_flag", "manage_access_role", "principals", "config"])]
    pub from_json: Option<String>,
}

impl Args {
    /// The options of the engine.
    pub fn options(&self) -> TargetCreateOptions {
        TargetCreateOptions {
            domain: self.domain.clone(),
            environment: self.environment.clone(),
            name: self.name.clone(),
            name_flag: self.name_flag.clone(),
            manage_access_role: self.manage_access_role.clone(),
            principals: self.principals.clone(),
            asset_types: self.asset_types.clone(),
            provider: self.provider.clone(),
            target_type: self.target_type.clone(),
            config: self.config.clone(),
            from_json: self.from_json.clone(),
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    target_create::create_target(ctx, &args.options()).await
}
