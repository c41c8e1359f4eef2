//! Kind: a DataZone subscription target, identified by domain, environment and name (lakegate
//! keeps one per name and environment). Created when missing; an existing one is reused
//! unchanged (DataZone has its own UpdateSubscriptionTarget; lakegate does not edit targets).
//! Not restorable, not deleted by lakegate, not leased (it lives outside S3).

use super::{Fut, LeaseKey, Resource};
use crate::aws::datazone::{NewSubscriptionTarget, SubscriptionTarget as DzTarget};
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};

/// A DataZone subscription target, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("subscription-target", "subscription target");

/// Where the target created by a plan is kept, for the verb to print once the plan is applied.
pub type Created = Arc<Mutex<Option<DzTarget>>>;

pub struct SubscriptionTarget {
    pub new: NewSubscriptionTarget,
    /// `DOMAIN/ENVIRONMENT/NAME`: its id in plans (DataZone's id is not known before it exists).
    pub id: String,
    /// The target as DataZone answered the create (read back by its id).
    created: Created,
}

impl SubscriptionTarget {
    pub fn new(new: NewSubscriptionTarget, created: Created) -> Self {
        SubscriptionTarget {
            id: format!("{}/{}/{}", new.domain, new.environment, new.name),
            new,
            created,
        }
    }

    /// The target created by this plan, once written.
    pub fn created(&self) -> Option<DzTarget> {
        self.created.lock().ok().and_then(|c| c.clone())
    }

    async fn existing(&self, aws: &Aws) -> Result<Option<DzTarget>> {
        let created = self.created();
        if let Some(c) = created {
            return Ok(aws
                .subscription_target(&self.new.domain, &self.new.environment, &c.id)
                .await?);
        }
        Ok(aws
            .subscription_targets(&self.new.domain, &self.new.environment)
            .await?
            .into_iter()
            .find(|t| t.name == self.new.name))
    }
}

/// The state of a target as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetState {
    /// DataZone's id, once it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub domain: String,
    pub environment: String,
    pub name: String,
    #[serde(rename = "type")]
    pub r#type: String,
    pub provider: String,
    pub manage_access_role: Option<String>,
    pub applicable_asset_types: Vec<String>,
    pub authorized_principals: Vec<String>,
    /// The configuration forms of a target to create (DataZone does not answer them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Vec<FormConfig>>,
}

/// One configuration form of a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormConfig {
    pub form_name: String,
    pub content: String,
}

/// The state of a target to create.
pub fn state(t: &NewSubscriptionTarget) -> TargetState {
    TargetState {
        id: None,
        domain: t.domain.clone(),
        environment: t.environment.clone(),
        name: t.name.clone(),
        r#type: t.r#type.clone(),
        provider: t.provider.clone(),
        manage_access_role: Some(t.manage_access_role.clone()),
        applicable_asset_types: t.applicable_asset_types.clone(),
        authorized_principals: t.authorized_principals.clone(),
        config: Some(
            t.config
                .iter()
                .map(|(f, c)| FormConfig {
                    form_name: f.clone(),
                    content: c.clone(),
                })
                .collect(),
        ),
    }
}

fn existing_state(t: &DzTarget) -> TargetState {
    TargetState {
        id: Some(t.id.clone()),
        domain: t.domain_id.clone(),
        environment: t.environment_id.clone(),
        name: t.name.clone(),
        r#type: t.r#type.clone(),
        provider: t.provider.clone(),
        manage_access_role: t.manage_access_role.clone(),
        applicable_asset_types: t.applicable_asset_types.clone(),
        authorized_principals: t.authorized_principals.clone(),
        config: None,
    }
}

impl Resource for SubscriptionTarget {
    type State = TargetState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<TargetState>> {
        Box::pin(async move { Ok(self.existing(aws).await?.as_ref().map(existing_state)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, _state: &'a TargetState) -> Fut<'a, ()> {
        Box::pin(async move {
            if self.existing(aws).await?.is_some() {
                return Ok(()); // reused unchanged
            }
            let t = aws.create_subscription_target(&self.new).await?;
            tracing::info!(id = t.id, name = t.name, "subscription target created");
            if let Ok(mut c) = self.created.lock() {
                *c = Some(t);
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, _aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            Err(failed(format!(
                "lakegate does not delete subscription targets ({})",
                self.id
            )))
        })
    }
    /// A target is the one of its environment and name: an existing one is the same.
    fn same(&self, a: Option<&TargetState>, b: Option<&TargetState>) -> bool {
        a.is_some() == b.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The plan shows the same JSON as when the state was a `serde_json::Value`.
    #[test]
    fn states_print_as_before() {
        let new = NewSubscriptionTarget {
            domain: "dzd_a".into(),
            environment: "env".into(),
            name: "t".into(),
            r#type: "GlueSubscriptionTargetType".into(),
            provider: "lakegate".into(),
            manage_access_role: "arn:aws:iam::123456789012:role/m".into(),
            applicable_asset_types: vec!["S3ObjectCollectionAssetType".into()],
            authorized_principals: vec!["arn:aws:iam::123456789012:role/r".into()],
            config: vec![("S3Form".into(), "{}".into())],
        };
        let before = json!({
            "domain": "dzd_a", "environment": "env", "name": "t",
            "type": "GlueSubscriptionTargetType", "provider": "lakegate",
            "manage_access_role": "arn:aws:iam::123456789012:role/m",
            "applicable_asset_types": ["S3ObjectCollectionAssetType"],
            "authorized_principals": ["arn:aws:iam::123456789012:role/r"],
            "config": [{"form_name": "S3Form", "content": "{}"}],
        });
        let s = state(&new);
        assert_eq!(serde_json::to_string(&s).unwrap(), before.to_string());
        assert_eq!(serde_json::from_value::<TargetState>(before).unwrap(), s);
        let existing = DzTarget {
            id: "st1".into(),
            name: "t".into(),
            domain_id: "dzd_a".into(),
            project_id: "p".into(),
            environment_id: "env".into(),
            r#type: "GlueSubscriptionTargetType".into(),
            provider: "lakegate".into(),
            manage_access_role: None,
            applicable_asset_types: vec![],
            authorized_principals: vec![],
        };
        let before = json!({
            "id": "st1", "domain": "dzd_a", "environment": "env", "name": "t",
            "type": "GlueSubscriptionTargetType", "provider": "lakegate",
            "manage_access_role": null, "applicable_asset_types": [], "authorized_principals": [],
        });
        assert_eq!(
            serde_json::to_string(&existing_state(&existing)).unwrap(),
            before.to_string()
        );
    }
}
