//! Kind: a DataZone subscription target, identified by domain, environment and name (lakegate
//! keeps one per name and environment). Created when missing; an existing one is reused
//! unchanged (DataZone has its own UpdateSubscriptionTarget; lakegate does not edit targets).
//! Not restorable, not deleted by lakegate, not leased (it lives outside S3).

use super::{Fut, LeaseKey, Resource};
use crate::aws::datazone::{NewSubscriptionTarget, SubscriptionTarget as DzTarget};
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde_json::{json, Value};
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

/// The state of a target to create, as plans show it.
pub fn state(t: &NewSubscriptionTarget) -> Value {
    json!({
        "domain": t.domain,
        "environment": t.environment,
        "name": t.name,
        "type": t.r#type,
        "provider": t.provider,
        "manage_access_role": t.manage_access_role,
        "applicable_asset_types": t.applicable_asset_types,
        "authorized_principals": t.authorized_principals,
        "config": t.config.iter().map(|(f, c)| json!({"form_name": f, "content": c})).collect::<Vec<_>>(),
    })
}

fn existing_state(t: &DzTarget) -> Value {
    json!({
        "id": t.id,
        "domain": t.domain_id,
        "environment": t.environment_id,
        "name": t.name,
        "type": t.r#type,
        "provider": t.provider,
        "manage_access_role": t.manage_access_role,
        "applicable_asset_types": t.applicable_asset_types,
        "authorized_principals": t.authorized_principals,
    })
}

impl Resource for SubscriptionTarget {
    type State = Value;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
        Box::pin(async move { Ok(self.existing(aws).await?.as_ref().map(existing_state)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, _state: &'a Value) -> Fut<'a, ()> {
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
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        a.is_some() == b.is_some()
    }
}
