//! Kind: an SQS queue (its queue policy and retention), the fulfiller's dead-letter queue. Not
//! restorable; leased only under `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::sqs::QueueInfo;
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
}

/// The state of a queue with `policy` and `retention_seconds`.
pub fn state(policy: Value, retention_seconds: &str) -> QueueState {
    QueueState {
        policy,
        message_retention_period: retention_seconds.to_string(),
    }
}

fn info_state(q: &QueueInfo) -> QueueState {
    let policy = q
        .policy
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or(Value::Null);
    state(policy, q.retention_seconds.as_deref().unwrap_or(""))
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
            aws.put_queue(
                &self.name,
                &state.policy.to_string(),
                &state.message_retention_period,
            )
            .await
            .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_queue(&self.name)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
}
