//! Amazon SQS: the fulfiller's dead-letter queue (its policy, retention and depth).

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
}

fn missing(c: Option<&str>) -> bool {
    matches!(
        c,
        Some("QueueDoesNotExist") | Some("AWS.SimpleQueueService.NonExistentQueue")
    )
}

impl Aws {
    async fn queue_url(&self, name: &str) -> Result<Option<String>> {
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
            url,
        }))
    }

    /// Create the queue with this policy and retention, or set them on an existing one.
    pub async fn put_queue(&self, name: &str, policy: &str, retention_seconds: &str) -> Result<()> {
        let sqs = self.sqs();
        match self.queue_url(name).await? {
            Some(url) => {
                sqs.set_queue_attributes()
                    .queue_url(url)
                    .attributes(QueueAttributeName::Policy, policy)
                    .attributes(
                        QueueAttributeName::MessageRetentionPeriod,
                        retention_seconds,
                    )
                    .send()
                    .await
                    .map_err(|e| classify("sqs:SetQueueAttributes", e))?;
            }
            None => {
                sqs.create_queue()
                    .queue_name(name)
                    .attributes(QueueAttributeName::Policy, policy)
                    .attributes(
                        QueueAttributeName::MessageRetentionPeriod,
                        retention_seconds,
                    )
                    .send()
                    .await
                    .map_err(|e| classify("sqs:CreateQueue", e))?;
            }
        }
        Ok(())
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
