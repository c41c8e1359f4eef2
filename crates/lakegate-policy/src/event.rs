//! DataZone events as EventBridge delivers them: which subscription request an event is about
//! and what it asks for. Pure (no I/O), so `subscription handle-event`, the Lambda fulfiller and
//! the fuzz target share one parser.

use serde_json::Value;

/// What an event asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventAction {
    Grant,
    Revoke,
    /// Not a subscription event: why it is ignored.
    Ignore(String),
}

/// The parts of an event lakegate acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub action: EventAction,
    pub detail_type: String,
    pub domain: String,
    pub request_id: String,
    pub project_id: Option<String>,
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
    let action = match detail_type.as_str() {
        "Subscription Created" => EventAction::Grant,
        "Subscription Cancelled" | "Subscription Revoked" => EventAction::Revoke,
        other => EventAction::Ignore(format!(
            "'{other}' is not a Subscription Created, Cancelled or Revoked event"
        )),
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
        });
    }
    let domain = field(&v, "detail.metadata.domain")?.to_string();
    if !is_domain_id(&domain) {
        return Err(format!(
            "event: field 'detail.metadata.domain' is not a DataZone domain id: '{domain}'"
        ));
    }
    let request_id = field(&v, "detail.data.subscriptionRequestId")?.to_string();
    if !is_id(&request_id) {
        return Err(format!(
            "event: field 'detail.data.subscriptionRequestId': invalid id '{request_id}': expected 1–36 letters, digits, '_' or '-'"
        ));
    }
    let project_id = v
        .pointer("/detail/metadata/owningProjectId")
        .and_then(Value::as_str)
        .map(str::to_owned);
    Ok(Event {
        action,
        detail_type,
        domain,
        request_id,
        project_id,
    })
}
