//! `lakegate subscription handle-event [--file F]`

use super::{
    check_domain, check_id, grant_request, print_outcome, revoke_request, Outcome, WriteOpts,
};
use crate::commands::{read_input, Ctx};
use crate::error::{input_error, Result};
use serde_json::Value;

/// Handle one DataZone event from EventBridge (the JSON an EventBridge rule delivers to a
/// function or a queue): `Subscription Created` grants, `Subscription Cancelled` and
/// `Subscription Revoked` revoke; other DataZone events are ignored with a reason. Prints one
/// JSON result. A repeated event changes nothing and says so.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read the event from this file instead of stdin ('-' is stdin)
    #[arg(long, value_name = "FILE", default_value = "-")]
    pub file: String,

    #[command(flatten)]
    pub opts: WriteOpts,
}

/// What an event asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum EventAction {
    Grant,
    Revoke,
    /// Not a subscription event: why it is ignored.
    Ignore(String),
}

/// The parts of an event lakegate acts on.
#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    pub action: EventAction,
    pub detail_type: String,
    pub domain: String,
    pub request_id: String,
    pub project_id: Option<String>,
}

fn field<'a>(v: &'a Value, path: &str) -> Result<&'a str> {
    let pointer = format!("/{}", path.replace('.', "/"));
    match v.pointer(&pointer) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s),
        Some(Value::String(_)) => Err(input_error(format!("event: field '{path}' is empty"))),
        Some(_) => Err(input_error(format!(
            "event: field '{path}' is not a string"
        ))),
        None => Err(input_error(format!("event: missing field '{path}'"))),
    }
}

/// Parse and check an EventBridge event (exit 2 naming the field when it is not one lakegate can
/// read).
pub fn parse_event(text: &str) -> Result<Event> {
    let v: Value =
        serde_json::from_str(text).map_err(|e| input_error(format!("event: not JSON: {e}")))?;
    if !v.is_object() {
        return Err(input_error(
            "event: expected a JSON object (an EventBridge event)",
        ));
    }
    let source = field(&v, "source")?;
    if source != "aws.datazone" {
        return Err(input_error(format!(
            "event: field 'source' is '{source}', expected 'aws.datazone'"
        )));
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
    check_domain(&domain).map_err(|_| {
        input_error(format!(
            "event: field 'detail.metadata.domain' is not a DataZone domain id: '{domain}'"
        ))
    })?;
    let request_id = field(&v, "detail.data.subscriptionRequestId")?.to_string();
    check_id(
        "event: field 'detail.data.subscriptionRequestId'",
        &request_id,
    )?;
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

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    args.opts.check()?;
    // Its callers are functions and queues: always one JSON document (its plan under --dry-run).
    let json;
    let ctx = if ctx.printer.is_structured() {
        ctx
    } else {
        let mut printer = ctx.printer.clone();
        printer.format = crate::cli::OutputFormat::Json;
        json = Ctx::new(ctx.global.clone(), printer);
        &json
    };
    let text = read_input("--file", &args.file)?;
    let ev = parse_event(&text)?;
    let o = match &ev.action {
        EventAction::Ignore(reason) => Outcome {
            domain: ev.domain.clone(),
            action: "ignore".into(),
            message: reason.clone(),
            ..Default::default()
        },
        EventAction::Grant => {
            grant_request(
                ctx,
                &ev.domain,
                &ev.request_id,
                ev.project_id.as_deref(),
                &args.opts,
            )
            .await?
        }
        EventAction::Revoke => {
            revoke_request(
                ctx,
                &ev.domain,
                &ev.request_id,
                ev.project_id.as_deref(),
                &args.opts,
            )
            .await?
        }
    };
    print_outcome(ctx, &o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(source: &str, detail_type: &str) -> String {
        serde_json::json!({
            "version": "0",
            "source": source,
            "detail-type": detail_type,
            "detail": {
                "metadata": {"domain": "dzd_abc123", "owningProjectId": "proj1"},
                "data": {"subscriptionRequestId": "req1"}
            }
        })
        .to_string()
    }

    #[test]
    fn subscription_events_map_to_actions() {
        let e = parse_event(&event("aws.datazone", "Subscription Created")).unwrap();
        assert_eq!(e.action, EventAction::Grant);
        assert_eq!(e.request_id, "req1");
        assert_eq!(e.project_id.as_deref(), Some("proj1"));
        for t in ["Subscription Cancelled", "Subscription Revoked"] {
            assert_eq!(
                parse_event(&event("aws.datazone", t)).unwrap().action,
                EventAction::Revoke
            );
        }
        assert!(matches!(
            parse_event(&event("aws.datazone", "Asset Added To Catalog"))
                .unwrap()
                .action,
            EventAction::Ignore(_)
        ));
    }

    #[test]
    fn bad_events_name_the_field() {
        let msg = |t: &str| parse_event(t).unwrap_err().message;
        assert!(msg("{not json").contains("not JSON"));
        assert!(msg("[]").contains("JSON object"));
        assert!(msg(&event("aws.s3", "Subscription Created")).contains("'source'"));
        assert!(msg(r#"{"source":"aws.datazone"}"#).contains("'detail-type'"));
        assert!(msg(r#"{"source":"aws.datazone","detail-type":"Subscription Created","detail":{"metadata":{"domain":"dzd_a"},"data":{}}}"#)
            .contains("'detail.data.subscriptionRequestId'"));
        assert!(msg(r#"{"source":"aws.datazone","detail-type":"Subscription Created","detail":{"data":{"subscriptionRequestId":"r"}}}"#)
            .contains("'detail.metadata.domain'"));
        let e = parse_event(r#"{"source":"aws.datazone","detail-type":"Subscription Created","detail":{"metadata":{"domain":"dzd_a"},"data":{"subscriptionRequestId":"../x"}}}"#).unwrap_err();
        assert_eq!(e.exit_code(), 2);
    }
}
