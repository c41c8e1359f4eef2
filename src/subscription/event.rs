//! One DataZone event from EventBridge, as `subscription handle-event` and the deployed
//! fulfiller receive it: parsed (the parser is pure and lives in the policy crate, where it is
//! fuzzed), then granted or revoked through the subscription engine. Also the sample events
//! `--example` prints.

use super::fulfil::{self, Direction};
use super::{grant_request, revoke_request, Outcome, WriteOpts};
use crate::error::{input_error, Result};
use crate::session::Session;

pub use crate::policy::event::{Event, EventAction};

/// Parse and check an EventBridge event (exit 2 naming the field when it is not one lakegate can
/// read).
pub fn parse_event(text: &str) -> Result<Event> {
    crate::policy::event::parse_event(text).map_err(input_error)
}

/// Act on an event: `Subscription Grant Requested` and `Subscription Created` grant, the revoke
/// family revokes, anything else is ignored with its reason.
pub async fn handle(session: &Session, ev: &Event, opts: &WriteOpts) -> Result<Outcome> {
    match (&ev.action, &ev.grant) {
        (EventAction::Ignore(reason), _) => Ok(Outcome {
            domain: ev.domain.clone(),
            action: "ignore".into(),
            message: reason.clone(),
            dry_run: session.settings.dry_run,
            ..Default::default()
        }),
        (action, Some(g)) => {
            let direction = if *action == EventAction::Grant {
                Direction::Grant
            } else {
                Direction::Revoke
            };
            fulfil::fulfil(session, &ev.domain, &g.grant_id, Some(g), direction, opts).await
        }
        (EventAction::Grant, None) => {
            grant_request(
                session,
                &ev.domain,
                &ev.request_id,
                ev.project_id.as_deref(),
                opts,
            )
            .await
        }
        (EventAction::Revoke, None) => {
            revoke_request(
                session,
                &ev.domain,
                &ev.request_id,
                ev.project_id.as_deref(),
                opts,
            )
            .await
        }
    }
}

/// The DataZone events lakegate handles, by the name `--example` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExampleKind {
    /// `Subscription Grant Requested`: grant one asset of a subscription grant
    GrantRequested,
    /// `Subscription Grant Revoke Requested`: revoke one asset of a subscription grant
    GrantRevokeRequested,
    /// `Subscription Created`: grant what a subscription request asked for
    SubscriptionCreated,
    /// `Subscription Cancelled`: revoke it
    SubscriptionCancelled,
    /// `Subscription Revoked`: revoke it
    SubscriptionRevoked,
}

/// A sample event of `kind`, shaped as EventBridge delivers DataZone's events: the envelope of
/// the EventBridge User Guide ("Amazon EventBridge events",
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html) with the
/// `detail` of DataZone's events (Amazon EventBridge events reference, "Amazon DataZone events",
/// https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-datazone.html; Amazon DataZone
/// User Guide, "Working with Amazon DataZone events and notifications",
/// https://docs.aws.amazon.com/datazone/latest/userguide/working-with-events-and-notifications.html):
/// `detail.metadata` names the entity (for the grant family, the subscription grant:
/// `typeName` `SubscriptionGrantEntityType`) and the domain; `detail.data` what it is about.
/// The same shapes as the test fixtures in tests/fixtures/datazone. Ids are placeholders to
/// replace with the domain's.
pub fn example(kind: ExampleKind) -> serde_json::Value {
    use serde_json::json;
    let (detail_type, detail) = match kind {
        ExampleKind::GrantRequested | ExampleKind::GrantRevokeRequested => (
            if kind == ExampleKind::GrantRequested {
                "Subscription Grant Requested"
            } else {
                "Subscription Grant Revoke Requested"
            },
            json!({
                "version": "1",
                "internal": {},
                "metadata": {
                    "id": "grant1234example",
                    "version": "1",
                    "typeName": "SubscriptionGrantEntityType",
                    "domain": "dzd_4p9n6example",
                    "user": "SYSTEM",
                    "awsAccountId": "111122223333",
                    "owningProjectId": "6g8ruexample"
                },
                "data": {
                    "asset": {
                        "id": "asset5678example",
                        "typeName": "S3ObjectCollectionAssetType",
                        "typeRevision": "1",
                        "listingId": "listing90example",
                        "listingVersion": "1"
                    },
                    "projectId": "6g8ruexample",
                    "subscriptionTarget": {
                        "id": "target12example",
                        "typeName": "GlueSubscriptionTargetType",
                        "typeRevision": "1",
                        "environmentId": "3vuaexample",
                        "provider": "Custom Provider"
                    }
                }
            }),
        ),
        ExampleKind::SubscriptionCreated
        | ExampleKind::SubscriptionCancelled
        | ExampleKind::SubscriptionRevoked => (
            match kind {
                ExampleKind::SubscriptionCreated => "Subscription Created",
                ExampleKind::SubscriptionCancelled => "Subscription Cancelled",
                _ => "Subscription Revoked",
            },
            json!({
                "version": "1",
                "internal": {},
                "metadata": {
                    "id": "subscription34example",
                    "version": "1",
                    "typeName": "SubscriptionEntityType",
                    "domain": "dzd_4p9n6example",
                    "user": "usr-consumer",
                    "owningProjectId": "6g8ruexample"
                },
                "data": {
                    "subscriptionRequestId": "request56example",
                    "subscribedListing": {"id": "listing90example", "version": "1", "name": "sales_event"},
                    "subscribedPrincipal": {"id": "6g8ruexample", "type": "PROJECT"}
                }
            }),
        ),
    };
    json!({
        "version": "0",
        "id": "0f9a2c1e-3b7d-4e61-9f2a-6c1d8e4b7a52",
        "detail-type": detail_type,
        "source": "aws.datazone",
        "account": "111122223333",
        "time": "2025-01-01T00:00:00Z",
        "region": "us-east-1",
        "resources": [],
        "detail": detail
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_example_is_an_event_lakegate_acts_on() {
        use clap::ValueEnum;
        for kind in ExampleKind::value_variants() {
            let text = example(*kind).to_string();
            let e = parse_event(&text).unwrap_or_else(|e| panic!("{kind:?}: {}", e.message));
            assert!(
                !matches!(e.action, EventAction::Ignore(_)),
                "{kind:?} is ignored"
            );
            assert_eq!(e.domain, "dzd_4p9n6example");
            let grant_family = matches!(
                kind,
                ExampleKind::GrantRequested | ExampleKind::GrantRevokeRequested
            );
            assert_eq!(e.grant.is_some(), grant_family, "{kind:?}");
        }
    }

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
