//! Kind: an SQS queue (its queue policy and retention; for the fanned-out audit's queue also
//! its redrive policy and visibility timeout): the fulfiller's dead-letter queue, the audit
//! queue and its dead-letter queue. Not restorable; leased only under `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::sqs::{QueueInfo, QueueSettings};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// An SQS queue, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("sqs-queue", "SQS queue");

#[derive(Debug, Clone)]
pub struct SqsQueue {
    pub name: String,
    pub arn: String,
}

impl SqsQueue {
    pub fn new(partition: &str, region: &str, account: &str, name: &str) -> Self {
        SqsQueue {
            name: name.to_string(),
            arn: format!("arn:{partition}:sqs:{region}:{account}:{name}"),
        }
    }
}

/// The state of a queue as plans show it (its depth changes by itself: not part of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueState {
    /// The queue policy (null when it has none).
    pub policy: Value,
    pub message_retention_period: String,
    /// Where messages go after `maxReceiveCount` receives (`deadLetterTargetArn`), when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redrive_policy: Option<Value>,
    /// Seconds a received message stays invisible to other consumers, when lakegate sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility_timeout: Option<String>,
}

/// The state of a queue with `policy` and `retention_seconds`.
pub fn state(policy: Value, retention_seconds: &str) -> QueueState {
    QueueState {
        policy,
        message_retention_period: retention_seconds.to_string(),
        redrive_policy: None,
        visibility_timeout: None,
    }
}

/// The state of a work queue: no queue policy (only its own account's roles use it),
/// `retention_seconds`, a visibility timeout, and a dead-letter queue after `max_receive`
/// receives.
pub fn work_queue_state(
    retention_seconds: &str,
    visibility_timeout: &str,
    dead_letter_arn: &str,
    max_receive: u32,
) -> QueueState {
    QueueState {
        policy: Value::Null,
        message_retention_period: retention_seconds.to_string(),
        redrive_policy: Some(serde_json::json!({
            "deadLetterTargetArn": dead_letter_arn,
            "maxReceiveCount": max_receive,
        })),
        visibility_timeout: Some(visibility_timeout.to_string()),
    }
}

fn info_state(q: &QueueInfo) -> QueueState {
    let policy = q
        .policy
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or(Value::Null);
    let mut s = state(policy, q.retention_seconds.as_deref().unwrap_or(""));
    s.redrive_policy = q
        .redrive_policy
        .as_deref()
        .and_then(|p| serde_json::from_str::<Value>(p).ok())
        .map(normalise_redrive);
    s.visibility_timeout = q.visibility_timeout.clone();
    s
}

/// `maxReceiveCount` as a number (SQS answers it as a string or a number).
fn normalise_redrive(mut v: Value) -> Value {
    if let Some(n) = v.get("maxReceiveCount").and_then(|m| {
        m.as_str()
            .and_then(|s| s.parse::<u64>().ok())
            .or(m.as_u64())
    }) {
        v["maxReceiveCount"] = Value::from(n);
    }
    v
}

impl Resource for SqsQueue {
    type State = QueueState;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<QueueState>> {
        Box::pin(async move { Ok(aws.queue(&self.name).await?.as_ref().map(info_state)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a QueueState) -> Fut<'a, ()> {
        Box::pin(async move {
            let settings = QueueSettings {
                policy: (!state.policy.is_null()).then(|| state.policy.to_string()),
                retention_seconds: Some(state.message_retention_period.clone()),
                redrive_policy: state.redrive_policy.as_ref().map(Value::to_string),
                visibility_timeout: state.visibility_timeout.clone(),
            };
            aws.put_queue(&self.name, &settings)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    /// The redrive policy and visibility timeout count only where lakegate sets them (the
    /// fulfiller's dead-letter queue leaves them at SQS's defaults).
    fn same(&self, a: Option<&QueueState>, b: Option<&QueueState>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => {
                let opt =
                    |x: &Option<Value>, y: &Option<Value>| x.is_none() || y.is_none() || x == y;
                let opt_s =
                    |x: &Option<String>, y: &Option<String>| x.is_none() || y.is_none() || x == y;
                a.policy == b.policy
                    && a.message_retention_period == b.message_retention_period
                    && opt(&a.redrive_policy, &b.redrive_policy)
                    && opt_s(&a.visibility_timeout, &b.visibility_timeout)
            }
            (a, b) => a.is_none() && b.is_none(),
        }
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_queue(&self.name)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
}
