//! DataZone events as EventBridge delivers them: which subscription request (or subscription
//! grant) an event is about and what it asks for. Pure (no I/O), so `subscription handle-event`,
//! the Lambda fulfiller and the fuzz target share one parser.
//!
//! Two families (Amazon EventBridge events reference, "Amazon DataZone events"; DataZone User
//! Guide, "Working with Amazon DataZone events and notifications"):
//! - `Subscription Created` / `Subscription Cancelled` / `Subscription Revoked`: the subscription
//!   request id is `detail.data.subscriptionRequestId`.
//! - `Subscription Grant Requested` / `Subscription Grant Revoke Requested`: emitted for each
//!   subscription grant of an unmanaged asset; `detail.metadata.id` is the subscription grant id
//!   (`detail.metadata.typeName` is `SubscriptionGrantEntityType`) and `detail.data.asset.id` the
//!   asset. The handler reports back with `UpdateSubscriptionGrantStatus`.

use serde_json::Value;

/// What an event asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventAction {
    Grant,
    Revoke,
    /// Not a subscription event: why it is ignored.
    Ignore(String),
}

/// The subscription grant a `Subscription Grant (Revoke) Requested` event is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRef {
    /// The subscription grant id (`detail.metadata.id`).
    pub grant_id: String,
    /// The asset of the grant the event names (`detail.data.asset.id`), when it names one.
    pub asset_id: Option<String>,
    /// The asset type the event names (`detail.data.asset.typeName`).
    pub asset_type: Option<String>,
    /// The subscription target the grant is for (`detail.data.subscriptionTarget.id`).
    pub target_id: Option<String>,
    /// The environment of that target (`detail.data.subscriptionTarget.environmentId`).
    pub target_environment_id: Option<String>,
}

/// The parts of an event lakegate acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub action: EventAction,
    pub detail_type: String,
    pub domain: String,
    /// The id the event is about: the subscription request id (`Subscription …` events) or the
    /// subscription grant id (`Subscription Grant …` events, also in `grant`).
    pub request_id: String,
    pub project_id: Option<String>,
    /// Set for the grant family.
    pub grant: Option<GrantRef>,
}

fn field<'a>(v: &'a Value, path: &str) -> Result<&'a str, String> {
    let mut cur = v;
    for part in path.split('.') {
        cur = cur
            .get(part)
            .ok_or_else(|| format!("event: missing field '{path}'"))?;
    }
    match cur {
        Value::String(s) if !s.is_empty() => Ok(s),
        Value::String(_) => Err(format!("event: field '{path}' is empty")),
        _ => Err(format!("event: field '{path}' is not a string")),
    }
}

/// A DataZone domain id: `dzd_` (or `dzd-`) and up to 36 letters, digits, `_` or `-`.
pub fn is_domain_id(domain: &str) -> bool {
    (domain.starts_with("dzd_") || domain.starts_with("dzd-"))
        && domain.len() > 4
        && domain.len() <= 40
        && domain[4..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A DataZone id (request, project): 1–36 letters, digits, `_` or `-`.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 36
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Parse and check an EventBridge event; the error is one line naming the field.
pub fn parse_event(text: &str) -> Result<Event, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("event: not JSON: {e}"))?;
    if !v.is_object() {
        return Err("event: expected a JSON object (an EventBridge event)".into());
    }
    let source = field(&v, "source")?;
    if source != "aws.datazone" {
        return Err(format!(
            "event: field 'source' is '{source}', expected 'aws.datazone'"
        ));
    }
    let detail_type = field(&v, "detail-type")?.to_string();
    let (action, grant_family) = match detail_type.as_str() {
        "Subscription Created" => (EventAction::Grant, false),
        "Subscription Cancelled" | "Subscription Revoked" => (EventAction::Revoke, false),
        "Subscription Grant Requested" => (EventAction::Grant, true),
        "Subscription Grant Revoke Requested" => (EventAction::Revoke, true),
        other => (
            EventAction::Ignore(format!(
                "'{other}' is not a Subscription Grant Requested, Grant Revoke Requested, Created, Cancelled or Revoked event"
            )),
            false,
        ),
    };
    if let EventAction::Ignore(_) = action {
        return Ok(Event {
            action,
            detail_type,
            domain: v
                .pointer("/detail/metadata/domain")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            request_id: String::new(),
            project_id: None,
            grant: None,
        });
    }
    let domain = field(&v, "detail.metadata.domain")?.to_string();
    if !is_domain_id(&domain) {
        return Err(format!(
            "event: field 'detail.metadata.domain' is not a DataZone domain id: '{domain}'"
        ));
    }
    let id_field = if grant_family {
        "detail.metadata.id"
    } else {
        "detail.data.subscriptionRequestId"
    };
    let request_id = checked_id(&v, id_field)?;
    let grant = if grant_family {
        let asset_id = match v.pointer("/detail/data/asset/id") {
            None | Some(Value::Null) => None,
            Some(_) => Some(checked_id(&v, "detail.data.asset.id")?),
        };
        let optional_id = |path: &str| -> Result<Option<String>, String> {
            match v.pointer(&format!("/{}", path.replace('.', "/"))) {
                None | Some(Value::Null) => Ok(None),
                Some(_) => checked_id(&v, path).map(Some),
            }
        };
        Some(GrantRef {
            grant_id: request_id.clone(),
            asset_id,
            asset_type: v
                .pointer("/detail/data/asset/typeName")
                .and_then(Value::as_str)
                .map(str::to_owned),
            target_id: optional_id("detail.data.subscriptionTarget.id")?,
            target_environment_id: optional_id("detail.data.subscriptionTarget.environmentId")?,
        })
    } else {
        None
    };
    let project_id = v
        .pointer("/detail/metadata/owningProjectId")
        .or_else(|| v.pointer("/detail/data/projectId"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Event {
        action,
        detail_type,
        domain,
        request_id,
        project_id,
        grant,
    })
}

/// A string field holding a DataZone id.
fn checked_id(v: &Value, path: &str) -> Result<String, String> {
    let id = field(v, path)?;
    if !is_id(id) {
        return Err(format!(
            "event: field '{path}': invalid id '{id}': expected 1–36 letters, digits, '_' or '-'"
        ));
    }
    Ok(id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str) -> String {
        let p = format!(
            "{}/../../fuzz/seeds/event/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    #[test]
    fn a_subscription_grant_requested_event_names_the_grant_and_its_asset() {
        let e = parse_event(&seed("grant-requested.json")).unwrap();
        assert_eq!(e.action, EventAction::Grant);
        assert_eq!(e.domain, "dzd_abc123");
        assert_eq!(e.request_id, "grant1");
        let g = e.grant.unwrap();
        assert_eq!(g.grant_id, "grant1");
        assert_eq!(g.asset_id.as_deref(), Some("asset1"));
        assert_eq!(g.asset_type.as_deref(), Some("S3ObjectCollectionAssetType"));
        assert_eq!(e.project_id.as_deref(), Some("consumerproj1"));
        // The grant is for one subscription target, of one environment.
        assert_eq!(g.target_id.as_deref(), Some("tgts3aenv1"));
        assert_eq!(g.target_environment_id.as_deref(), Some("env1"));
    }

    #[test]
    fn a_subscription_grant_revoke_requested_event_revokes() {
        let e = parse_event(&seed("grant-revoke-requested.json")).unwrap();
        assert_eq!(e.action, EventAction::Revoke);
        assert_eq!(e.grant.unwrap().grant_id, "grant1");
    }

    #[test]
    fn the_older_family_is_read_as_before() {
        let e = parse_event(&seed("created.json")).unwrap();
        assert_eq!(
            (e.action, e.request_id.as_str()),
            (EventAction::Grant, "req1")
        );
        assert!(e.grant.is_none());
        for f in ["cancelled.json", "revoked.json"] {
            assert_eq!(parse_event(&seed(f)).unwrap().action, EventAction::Revoke);
        }
    }

    #[test]
    fn a_grant_event_without_its_grant_id_names_the_field() {
        let mut v: Value = serde_json::from_str(&seed("grant-requested.json")).unwrap();
        v["detail"]["metadata"]
            .as_object_mut()
            .unwrap()
            .remove("id");
        let e = parse_event(&v.to_string()).unwrap_err();
        assert!(e.contains("'detail.metadata.id'"), "{e}");
        v["detail"]["metadata"]["id"] = "grant1".into();
        v["detail"]["data"]["asset"]["id"] = "../x".into();
        let e = parse_event(&v.to_string()).unwrap_err();
        assert!(e.contains("'detail.data.asset.id'"), "{e}");
    }
}
