//! Amazon SQS: the fulfiller's dead-letter queue (its policy, retention and depth), and the
//! fanned-out audit's work queue and its dead-letter queue (redrive policy, visibility timeout,
//! messages sent in batches of ten, depths).

use super::error::Result;
use super::{classify, error::code, Aws};
use aws_sdk_sqs::types::QueueAttributeName;

/// A queue as lakegate manages it.
#[derive(Debug, Clone)]
pub struct QueueInfo {
    pub url: String,
    pub arn: String,
    /// The queue policy (JSON text), when it has one.
    pub policy: Option<String>,
    pub retention_seconds: Option<String>,
    /// ApproximateNumberOfMessages.
    pub depth: Option<u64>,
    /// ApproximateNumberOfMessagesNotVisible: received and not yet deleted (in flight).
    pub in_flight: Option<u64>,
    /// The redrive policy (JSON text: deadLetterTargetArn, maxReceiveCount), when it has one.
    pub redrive_policy: Option<String>,
    pub visibility_timeout: Option<String>,
}

/// The attributes lakegate sets on a queue; `None` leaves an attribute as it is.
#[derive(Debug, Clone, Default)]
pub struct QueueSettings {
    pub policy: Option<String>,
    pub retention_seconds: Option<String>,
    pub redrive_policy: Option<String>,
    pub visibility_timeout: Option<String>,
}

impl QueueSettings {
    fn pairs(&self) -> Vec<(QueueAttributeName, String)> {
        [
            (QueueAttributeName::Policy, &self.policy),
            (
                QueueAttributeName::MessageRetentionPeriod,
                &self.retention_seconds,
            ),
            (QueueAttributeName::RedrivePolicy, &self.redrive_policy),
            (
                QueueAttributeName::VisibilityTimeout,
                &self.visibility_timeout,
            ),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k, v)))
        .collect()
    }
}

/// SendMessageBatch takes at most ten messages.
pub const SEND_BATCH: usize = 10;

/// A message read without being consumed ([`Aws::peek_messages`]).
#[derive(Debug, Clone)]
pub struct PeekedMessage {
    pub body: String,
    /// ApproximateReceiveCount (this read included).
    pub receive_count: Option<u32>,
    /// SentTimestamp: when it was first sent, in milliseconds since the epoch.
    pub sent_millis: Option<u64>,
}

fn missing(c: Option<&str>) -> bool {
    matches!(
        c,
        Some("QueueDoesNotExist") | Some("AWS.SimpleQueueService.NonExistentQueue")
    )
}

impl Aws {
    /// The queue's URL; None when it does not exist.
    pub async fn queue_url(&self, name: &str) -> Result<Option<String>> {
        match self.sqs().get_queue_url().queue_name(name).send().await {
            Ok(o) => Ok(o.queue_url),
            Err(e) if missing(code(&e)) => Ok(None),
            Err(e) => Err(classify("sqs:GetQueueUrl", e)),
        }
    }

    /// The queue; None when it does not exist.
    pub async fn queue(&self, name: &str) -> Result<Option<QueueInfo>> {
        let Some(url) = self.queue_url(name).await? else {
            return Ok(None);
        };
        let out = match self
            .sqs()
            .get_queue_attributes()
            .queue_url(&url)
            .attribute_names(QueueAttributeName::All)
            .send()
            .await
        {
            Ok(o) => o,
            Err(e) if missing(code(&e)) => return Ok(None),
            Err(e) => return Err(classify("sqs:GetQueueAttributes", e)),
        };
        let attrs = out.attributes.unwrap_or_default();
        let get = |k: QueueAttributeName| attrs.get(&k).cloned();
        Ok(Some(QueueInfo {
            arn: get(QueueAttributeName::QueueArn).unwrap_or_default(),
            policy: get(QueueAttributeName::Policy).filter(|p| !p.is_empty()),
            retention_seconds: get(QueueAttributeName::MessageRetentionPeriod),
            depth: get(QueueAttributeName::ApproximateNumberOfMessages)
                .and_then(|d| d.parse().ok()),
            in_flight: get(QueueAttributeName::ApproximateNumberOfMessagesNotVisible)
                .and_then(|d| d.parse().ok()),
            redrive_policy: get(QueueAttributeName::RedrivePolicy).filter(|p| !p.is_empty()),
            visibility_timeout: get(QueueAttributeName::VisibilityTimeout),
            url,
        }))
    }

    /// Create the queue with these attributes, or set them on an existing one.
    pub async fn put_queue(&self, name: &str, settings: &QueueSettings) -> Result<()> {
        let sqs = self.sqs();
        match self.queue_url(name).await? {
            Some(url) => {
                let mut req = sqs.set_queue_attributes().queue_url(url);
                for (k, v) in settings.pairs() {
                    req = req.attributes(k, v);
                }
                req.send()
                    .await
                    .map_err(|e| classify("sqs:SetQueueAttributes", e))?;
            }
            None => {
                let mut req = sqs.create_queue().queue_name(name);
                for (k, v) in settings.pairs() {
                    req = req.attributes(k, v);
                }
                req.send()
                    .await
                    .map_err(|e| classify("sqs:CreateQueue", e))?;
            }
        }
        Ok(())
    }

    /// Send `(id, body)` messages in batches of ten (SendMessageBatch); the `(id, cause)` of
    /// each message SQS did not take.
    pub async fn send_messages(
        &self,
        url: &str,
        messages: &[(String, String)],
    ) -> Result<Vec<(String, String)>> {
        use aws_sdk_sqs::types::SendMessageBatchRequestEntry;
        let mut refused = Vec::new();
        for chunk in messages.chunks(SEND_BATCH) {
            let entries = chunk
                .iter()
                .map(|(id, body)| {
                    SendMessageBatchRequestEntry::builder()
                        .id(id)
                        .message_body(body)
                        .build()
                        .map_err(|e| super::error::failed(format!("sqs:SendMessageBatch: {e}")))
                })
                .collect::<Result<Vec<_>>>()?;
            let out = self
                .sqs()
                .send_message_batch()
                .queue_url(url)
                .set_entries(Some(entries))
                .send()
                .await
                .map_err(|e| classify("sqs:SendMessageBatch", e))?;
            for f in out.failed() {
                refused.push((
                    f.id().to_string(),
                    format!("{}: {}", f.code(), f.message().unwrap_or_default()),
                ));
            }
        }
        Ok(refused)
    }

    /// Read up to `max` messages of the queue without consuming them: each ReceiveMessage
    /// (ten at most, long polling of one second so that every server is asked) holds what it
    /// returns invisible for `hold` seconds, so the next one returns others; then every message
    /// read is made visible again at once (ChangeMessageVisibilityBatch, timeout 0). Nothing is
    /// deleted; a process stopped in between leaves them visible again after `hold` seconds.
    pub async fn peek_messages(
        &self,
        url: &str,
        max: usize,
        hold: i32,
    ) -> Result<Vec<PeekedMessage>> {
        use aws_sdk_sqs::types::{
            ChangeMessageVisibilityBatchRequestEntry, MessageSystemAttributeName,
        };
        let mut out: Vec<PeekedMessage> = Vec::new();
        let mut handles: Vec<String> = Vec::new();
        while out.len() < max {
            let got = self
                .sqs()
                .receive_message()
                .queue_url(url)
                .max_number_of_messages((max - out.len()).min(SEND_BATCH) as i32)
                .visibility_timeout(hold)
                .wait_time_seconds(1)
                .message_system_attribute_names(MessageSystemAttributeName::All)
                .send()
                .await
                .map_err(|e| classify("sqs:ReceiveMessage", e))?;
            let messages = got.messages.unwrap_or_default();
            if messages.is_empty() {
                break;
            }
            for m in messages {
                let attr =
                    |k: MessageSystemAttributeName| m.attributes().and_then(|a| a.get(&k)).cloned();
                out.push(PeekedMessage {
                    body: m.body().unwrap_or_default().to_string(),
                    receive_count: attr(MessageSystemAttributeName::ApproximateReceiveCount)
                        .and_then(|n| n.parse().ok()),
                    sent_millis: attr(MessageSystemAttributeName::SentTimestamp)
                        .and_then(|n| n.parse().ok()),
                });
                if let Some(h) = m.receipt_handle() {
                    handles.push(h.to_string());
                }
            }
        }
        for chunk in handles.chunks(SEND_BATCH) {
            let entries = chunk
                .iter()
                .enumerate()
                .filter_map(|(i, h)| {
                    ChangeMessageVisibilityBatchRequestEntry::builder()
                        .id(i.to_string())
                        .receipt_handle(h)
                        .visibility_timeout(0)
                        .build()
                        .ok()
                })
                .collect::<Vec<_>>();
            // Not fatal: the messages come back on their own after `hold` seconds.
            if let Err(e) = self
                .sqs()
                .change_message_visibility_batch()
                .queue_url(url)
                .set_entries(Some(entries))
                .send()
                .await
            {
                tracing::debug!(error = %e, "sqs:ChangeMessageVisibilityBatch: messages stay hidden for {hold} s");
            }
        }
        Ok(out)
    }

    pub async fn delete_queue(&self, name: &str) -> Result<()> {
        let Some(url) = self.queue_url(name).await? else {
            return Ok(());
        };
        match self.sqs().delete_queue().queue_url(url).send().await {
            Ok(_) => Ok(()),
            Err(e) if missing(code(&e)) => Ok(()),
            Err(e) => Err(classify("sqs:DeleteQueue", e)),
        }
    }
}
