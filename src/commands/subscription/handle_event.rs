//! `lakegate subscription handle-event [--file F]`

use super::{print_outcome, WriteArgs};
use crate::commands::{read_input, Ctx};
use crate::error::{input_error, Result};
use crate::subscription::fulfil::{self, Direction};
use crate::subscription::{grant_request, revoke_request, Outcome};

/// Handle one DataZone event from EventBridge (the JSON an EventBridge rule delivers to a
/// function or a queue). `Subscription Grant Requested` grants and `Subscription Grant Revoke
/// Requested` revokes, reporting every asset's status back to DataZone
/// (UpdateSubscriptionGrantStatus: in progress, then granted/revoked or failed with the cause;
/// a failure exits 1). The older `Subscription Created` grants, `Subscription Cancelled` and
/// `Subscription Revoked` revoke. Other DataZone events are ignored with a reason. Prints one
/// JSON result. A repeated event changes nothing and says so.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read the event from this file instead of stdin ('-' is stdin)
    #[arg(short = 'f', long, value_name = "FILE", default_value = "-")]
    pub file: String,

    #[command(flatten)]
    pub opts: WriteArgs,
}

pub use crate::policy::event::{Event, EventAction};

/// Parse and check an EventBridge event (exit 2 naming the field when it is not one lakegate can
/// read). The parser is pure and lives in the policy crate, where it is fuzzed.
pub fn parse_event(text: &str) -> Result<Event> {
    crate::policy::event::parse_event(text).map_err(input_error)
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let opts = args.opts.options();
    opts.check()?;
    // Its callers are functions and queues: always one JSON document (its plan under --dry-run).
    let json =
        Ctx::new(ctx.settings.clone(), ctx.printer.structured_or_json()).in_run(ctx.run().clone());
    let ctx = &json;
    let text = read_input("--file", &args.file)?;
    let ev = parse_event(&text)?;
    let o = match (&ev.action, &ev.grant) {
        (EventAction::Ignore(reason), _) => Outcome {
            domain: ev.domain.clone(),
            action: "ignore".into(),
            message: reason.clone(),
            ..Default::default()
        },
        (action, Some(g)) => {
            let direction = if *action == EventAction::Grant {
                Direction::Grant
            } else {
                Direction::Revoke
            };
            fulfil::fulfil(
                ctx,
                &ev.domain,
                &g.grant_id,
                g.asset_id.as_deref(),
                direction,
                &opts,
            )
            .await?
        }
        (EventAction::Grant, None) => {
            grant_request(
                ctx,
                &ev.domain,
                &ev.request_id,
                ev.project_id.as_deref(),
                &opts,
            )
            .await?
        }
        (EventAction::Revoke, None) => {
            revoke_request(
                ctx,
                &ev.domain,
                &ev.request_id,
                ev.project_id.as_deref(),
                &opts,
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
