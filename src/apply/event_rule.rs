//! Kind: an EventBridge rule on the default bus (an event pattern or a schedule) with its one
//! target (retry policy, dead-letter queue, constant input). Not restorable; leased only under
//! `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::events::{RuleInfo, TargetInfo};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An EventBridge rule, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("event-rule", "EventBridge rule");

#[derive(Debug, Clone)]
pub struct EventRule {
    pub name: String,
    pub arn: String,
}

impl EventRule {
    pub fn new(partition: &str, region: &str, account: &str, name: &str) -> Self {
        EventRule {
            name: name.to_string(),
            arn: format!("arn:{partition}:events:{region}:{account}:rule/{name}"),
        }
    }
}

/// JSON text as a value (a pattern, an input), or the text itself when it is not JSON.
fn json_of(text: Option<&str>) -> Value {
    match text {
        None => Value::Null,
        Some(t) => serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.to_string())),
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        v => Some(v.to_string()),
    }
}

/// The state of a rule as plans show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleState {
    pub description: Option<String>,
    /// The event pattern as JSON (its text when it is not JSON), null for a schedule.
    pub event_pattern: Value,
    pub schedule_expression: Option<String>,
    /// `ENABLED` or `DISABLED`.
    pub state: String,
    pub target: Option<RuleTarget>,
}

/// A rule's one target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleTarget {
    pub id: String,
    pub arn: String,
    /// The constant input as JSON (its text when it is not JSON), null when none.
    pub input: Value,
    pub retry_policy: RetryPolicy,
    pub dead_letter_arn: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetryPolicy {
    pub maximum_retry_attempts: Option<i32>,
    pub maximum_event_age_in_seconds: Option<i32>,
}

/// The state of rule `r`.
pub fn state(r: &RuleInfo) -> RuleState {
    RuleState {
        description: r.description.clone(),
        event_pattern: json_of(r.event_pattern.as_deref()),
        schedule_expression: r.schedule_expression.clone(),
        state: if r.enabled { "ENABLED" } else { "DISABLED" }.to_string(),
        target: r.target.as_ref().map(|t| RuleTarget {
            id: t.id.clone(),
            arn: t.arn.clone(),
            input: json_of(t.input.as_deref()),
            retry_policy: RetryPolicy {
                maximum_retry_attempts: t.max_retry_attempts,
                maximum_event_age_in_seconds: t.max_event_age_seconds,
            },
            dead_letter_arn: t.dead_letter_arn.clone(),
        }),
    }
}

fn info_of(v: &RuleState) -> RuleInfo {
    RuleInfo {
        arn: String::new(),
        description: v.description.clone(),
        event_pattern: text_of(&v.event_pattern),
        schedule_expression: v.schedule_expression.clone(),
        enabled: v.state != "DISABLED",
        target: v.target.as_ref().map(|t| TargetInfo {
            id: t.id.clone(),
            arn: t.arn.clone(),
            input: text_of(&t.input),
            max_retry_attempts: t.retry_policy.maximum_retry_attempts,
            max_event_age_seconds: t.retry_policy.maximum_event_age_in_seconds,
            dead_letter_arn: t.dead_letter_arn.clone(),
        }),
    }
}

impl Resource for EventRule {
    type State = RuleState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.arn
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<RuleState>> {
        Box::pin(async move { Ok(aws.rule(&self.name).await?.as_ref().map(state)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a RuleState) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_rule(&self.name, &info_of(state))
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_rule(&self.name)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    /// A rule is put back by running the command that made it again (a schedule dropped by
    /// `audit unschedule`, or by a deploy without --reconcile-every).
    fn destructive_delete(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_round_trips_through_the_rule() {
        let r = RuleInfo {
            arn: String::new(),
            description: Some("d".into()),
            event_pattern: Some(r#"{"source":["aws.datazone"]}"#.into()),
            schedule_expression: None,
            enabled: true,
            target: Some(TargetInfo {
                id: "lakegate".into(),
                arn: "arn:aws:lambda:us-east-1:123456789012:function:f".into(),
                input: Some(r#"{"lakegate":["audit","report"]}"#.into()),
                max_retry_attempts: Some(8),
                max_event_age_seconds: Some(3600),
                dead_letter_arn: Some("arn:aws:sqs:us-east-1:123456789012:q".into()),
            }),
        };
        let s = state(&r);
        assert_eq!(state(&info_of(&s)), s);
    }
}
