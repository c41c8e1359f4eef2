//! `lakegate subscription target create ...`

use crate::apply::subscription_target::{self, Created, SubscriptionTarget};
use crate::apply::{Plan, Step};
use crate::aws::datazone::{NewSubscriptionTarget, S3_ASSET_TYPE};
use crate::commands::{read_input, Ctx};
use crate::error::{input_error, Result};
use crate::policy::arn;
use serde_json::Value;

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

fn strings(v: &Value, key: &str) -> Result<Vec<String>> {
    match v.get(key) {
        None => Ok(vec![]),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| input_error(format!("--from-json: '{key}' must hold strings")))
            })
            .collect(),
        Some(_) => Err(input_error(format!(
            "--from-json: '{key}' must be an array"
        ))),
    }
}

fn required(v: &Value, key: &str) -> Result<String> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| input_error(format!("--from-json: missing field '{key}'")))
}

/// Read `create-subscription-target --cli-input-json` JSON.
pub fn from_cli_input_json(text: &str) -> Result<NewSubscriptionTarget> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| input_error(format!("--from-json: not JSON: {e}")))?;
    let mut config = Vec::new();
    if let Some(forms) = v.get("subscriptionTargetConfig") {
        let forms = forms.as_array().ok_or_else(|| {
            input_error("--from-json: 'subscriptionTargetConfig' must be an array")
        })?;
        for f in forms {
            config.push((required(f, "formName")?, required(f, "content")?));
        }
    }
    Ok(NewSubscriptionTarget {
        domain: required(&v, "domainIdentifier")?,
        environment: required(&v, "environmentIdentifier")?,
        name: required(&v, "name")?,
        r#type: v
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("GlueSubscriptionTargetType")
            .to_string(),
        provider: v
            .get("provider")
            .and_then(Value::as_str)
            .unwrap_or("Custom Provider")
            .to_string(),
        manage_access_role: required(&v, "manageAccessRole")?,
        applicable_asset_types: {
            let a = strings(&v, "applicableAssetTypes")?;
            if a.is_empty() {
                vec![S3_ASSET_TYPE.to_string()]
            } else {
                a
            }
        },
        authorized_principals: strings(&v, "authorizedPrincipals")?,
        config,
    })
}

fn from_flags(a: &Args) -> Result<NewSubscriptionTarget> {
    let mut config = Vec::new();
    for c in &a.config {
        let (form, json) = c
            .split_once('=')
            .ok_or_else(|| input_error(format!("--config: expected FORM=JSON, got '{c}'")))?;
        serde_json::from_str::<Value>(json)
            .map_err(|e| input_error(format!("--config {form}: not JSON: {e}")))?;
        config.push((form.to_string(), json.to_string()));
    }
    Ok(NewSubscriptionTarget {
        domain: a.domain.clone().unwrap_or_default(),
        environment: a.environment.clone().unwrap_or_default(),
        name: a
            .name
            .clone()
            .or_else(|| a.name_flag.clone())
            .unwrap_or_default(),
        r#type: a.target_type.clone(),
        provider: a.provider.clone(),
        manage_access_role: a.manage_access_role.clone().unwrap_or_default(),
        applicable_asset_types: a.asset_types.clone(),
        authorized_principals: a.principals.clone(),
        config,
    })
}

fn check(t: &NewSubscriptionTarget) -> Result<()> {
    t.domain
        .parse::<crate::values::DomainId>()
        .map_err(|e| input_error(format!("--domain: {e}")))?;
    // Flags and --from-json meet here, so the id is checked here (not by clap).
    t.environment
        .parse::<crate::values::DataZoneId>()
        .map_err(|e| input_error(format!("--environment: {e}")))?;
    if t.authorized_principals.is_empty() {
        return Err(input_error(
            "--principal: at least one principal ARN is required",
        ));
    }
    for p in &t.authorized_principals {
        arn::normalize_principal(p, "aws").map_err(|e| input_error(format!("--principal: {e}")))?;
    }
    arn::normalize_principal(&t.manage_access_role, "aws")
        .map_err(|e| input_error(format!("--manage-access-role: {e}")))?;
    Ok(())
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let t = match &args.from_json {
        Some(f) => from_cli_input_json(&read_input("--from-json", f)?)?,
        None => from_flags(args)?,
    };
    check(&t)?;
    let created = Created::default();
    let state = subscription_target::state(&t);
    let (name, environment) = (t.name.clone(), t.environment.clone());
    let (step, outcome) = Step::watched(
        SubscriptionTarget::new(t, created.clone()),
        crate::apply::ensure(state),
    );
    let plan = Plan::new(format!("subscription target create {name}")).step(step);
    let report = ctx.apply(plan).await?;
    if report.dry_run {
        // The plan, printed by the pipeline, is the one document.
        return Ok(());
    }
    let created = created.lock().ok().and_then(|c| c.clone());
    let Some(created) = created else {
        let existing = outcome.get().and_then(|d| d.after);
        return ctx.printer.result(&existing, || {
            ctx.printer.done(format!(
                "subscription target {name} exists in environment {environment}; nothing changed"
            ))
        });
    };
    ctx.printer.result(&created, || {
        ctx.printer.done(format!(
            "subscription target {} ({}) created in environment {} for {}",
            created.name,
            created.id,
            created.environment_id,
            created.authorized_principals.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blog_post_payload_is_read() {
        let t = from_cli_input_json(
            r#"{
"domainIdentifier": "dzd_abc123",
"environmentIdentifier": "env1",
"name": "custom-s3-target-consumerenv",
"type": "GlueSubscriptionTargetType",
"manageAccessRole": "arn:aws:iam::123456789012:role/environment-role",
"applicableAssetTypes": ["S3ObjectCollectionAssetType"],
"provider": "Custom Provider",
"authorizedPrincipals": [ "arn:aws:iam::123456789012:role/instance-role"],
"subscriptionTargetConfig": [{
"formName": "GlueSubscriptionTargetConfigForm",
"content": "{\"databaseName\":\"customdb1\"}"
}]
}"#,
        )
        .unwrap();
        check(&t).unwrap();
        assert_eq!(t.config[0].0, "GlueSubscriptionTargetConfigForm");
        assert!(from_cli_input_json("{}")
            .unwrap_err()
            .message
            .contains("domainIdentifier"));
    }
}
