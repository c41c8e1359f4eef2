//! `subscription target create`: a DataZone subscription target, checked and created through the
//! change pipeline.

use crate::apply::subscription_target::{self, Created, SubscriptionTarget};
use crate::apply::{Plan, Step};
use crate::aws::datazone::{NewSubscriptionTarget, S3_ASSET_TYPE};
use crate::error::{input_error, Result};
use crate::policy::arn;
use crate::session::Session;
use crate::values::input::read_input;
use serde_json::Value;

/// A subscription target to create (`commands/subscription/target_create.rs` has the flags and their help).
#[derive(Debug, Clone)]
pub struct TargetCreateOptions {
    /// DataZone domain id (dzd_…)
    pub domain: Option<String>,
    /// Environment id of the consuming project
    pub environment: Option<String>,
    /// Name of the subscription target
    pub name: Option<String>,
    /// The same as NAME (its earlier spelling)
    pub name_flag: Option<String>,
    /// The role DataZone uses to manage access (the environment role)
    pub manage_access_role: Option<String>,
    /// Principal (role ARN) to grant subscriptions to; repeatable
    pub principals: Vec<String>,
    /// Asset types the target applies to; repeatable
    pub asset_types: Vec<String>,
    /// Provider name
    pub provider: String,
    /// Subscription target type
    pub target_type: String,
    /// A configuration form, FORM=JSON (e.g. GlueSubscriptionTargetConfigForm={"databaseName":"db"}); repeatable
    pub config: Vec<String>,
    /// Read the whole request from this JSON file ('-' is stdin), as `--cli-input-json` does
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

fn from_flags(a: &TargetCreateOptions) -> Result<NewSubscriptionTarget> {
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

pub async fn create_target(session: &Session, opts: &TargetCreateOptions) -> Result<()> {
    let t = match &opts.from_json {
        Some(f) => from_cli_input_json(&read_input("--from-json", f)?)?,
        None => from_flags(opts)?,
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
    let report = session.apply(plan).await?;
    if report.dry_run {
        // The plan, printed by the pipeline, is the one document.
        return Ok(());
    }
    let created = created.lock().ok().and_then(|c| c.clone());
    let Some(created) = created else {
        let existing = outcome.get().and_then(|d| d.after);
        return session.printer.result(&existing, || {
            session.printer.done(format!(
                "subscription target {name} exists in environment {environment}; nothing changed"
            ))
        });
    };
    session.printer.result(&created, || {
        session.printer.done(format!(
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
