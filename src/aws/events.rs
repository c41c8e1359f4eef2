//! Amazon EventBridge: rules on the default bus (an event pattern or a schedule) and their one
//! target each.

use super::error::{failed, Result};
use super::{classify, error::code, Aws};
use aws_sdk_eventbridge::types::{DeadLetterConfig, RetryPolicy, RuleState, Target};

/// A rule and its target, as lakegate sets them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    pub arn: String,
    pub description: Option<String>,
    /// JSON text.
    pub event_pattern: Option<String>,
    pub schedule_expression: Option<String>,
    pub enabled: bool,
    pub target: Option<TargetInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetInfo {
    pub id: String,
    pub arn: String,
    /// The constant JSON the target receives instead of the event.
    pub input: Option<String>,
    pub max_retry_attempts: Option<i32>,
    pub max_event_age_seconds: Option<i32>,
    pub dead_letter_arn: Option<String>,
}

const NOT_FOUND: &str = "ResourceNotFoundException";

impl Aws {
    /// The rule and its first target; None when the rule does not exist.
    pub async fn rule(&self, name: &str) -> Result<Option<RuleInfo>> {
        let ev = self.events();
        let r = match ev.describe_rule().name(name).send().await {
            Ok(o) => o,
            Err(e) if code(&e) == Some(NOT_FOUND) => return Ok(None),
            Err(e) => return Err(classify("events:DescribeRule", e)),
        };
        let targets = ev
            .list_targets_by_rule()
            .rule(name)
            .send()
            .await
            .map_err(|e| classify("events:ListTargetsByRule", e))?;
        let target = targets
            .targets
            .unwrap_or_default()
            .into_iter()
            .next()
            .map(|t| TargetInfo {
                id: t.id,
                arn: t.arn,
                input: t.input,
                max_retry_attempts: t
                    .retry_policy
                    .as_ref()
                    .and_then(|p| p.maximum_retry_attempts),
                max_event_age_seconds: t
                    .retry_policy
                    .as_ref()
                    .and_then(|p| p.maximum_event_age_in_seconds),
                dead_letter_arn: t.dead_letter_config.and_then(|d| d.arn),
            });
        Ok(Some(RuleInfo {
            arn: r.arn.unwrap_or_default(),
            description: r.description,
            event_pattern: r.event_pattern,
            schedule_expression: r.schedule_expression,
            enabled: r.state.as_ref() != Some(&RuleState::Disabled),
            target,
        }))
    }

    /// Create or replace the rule and its target.
    pub async fn put_rule(&self, name: &str, rule: &RuleInfo) -> Result<()> {
        let ev = self.events();
        ev.put_rule()
            .name(name)
            .set_description(rule.description.clone())
            .set_event_pattern(rule.event_pattern.clone())
            .set_schedule_expression(rule.schedule_expression.clone())
            .state(if rule.enabled {
                RuleState::Enabled
            } else {
                RuleState::Disabled
            })
            .send()
            .await
            .map_err(|e| classify("events:PutRule", e))?;
        let Some(t) = &rule.target else {
            return Ok(());
        };
        let retry = RetryPolicy::builder()
            .set_maximum_retry_attempts(t.max_retry_attempts)
            .set_maximum_event_age_in_seconds(t.max_event_age_seconds)
            .build();
        let target = Target::builder()
            .id(&t.id)
            .arn(&t.arn)
            .set_input(t.input.clone())
            .retry_policy(retry)
            .set_dead_letter_config(
                t.dead_letter_arn
                    .as_ref()
                    .map(|a| DeadLetterConfig::builder().arn(a).build()),
            )
            .build()
            .map_err(|e| failed(format!("events:PutTargets: {e}")))?;
        let out = ev
            .put_targets()
            .rule(name)
            .targets(target)
            .send()
            .await
            .map_err(|e| classify("events:PutTargets", e))?;
        if out.failed_entry_count > 0 {
            let why: Vec<String> = out
                .failed_entries
                .unwrap_or_default()
                .into_iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        f.error_code.unwrap_or_default(),
                        f.error_message.unwrap_or_default()
                    )
                })
                .collect();
            return Err(failed(format!(
                "events:PutTargets failed for rule {name}: {}",
                why.join("; ")
            )));
        }
        Ok(())
    }

    /// Remove the rule's targets, then the rule.
    pub async fn delete_rule(&self, name: &str) -> Result<()> {
        let ev = self.events();
        let Some(rule) = self.rule(name).await? else {
            return Ok(());
        };
        if let Some(t) = rule.target {
            ev.remove_targets()
                .rule(name)
                .ids(t.id)
                .send()
                .await
                .map_err(|e| classify("events:RemoveTargets", e))?;
        }
        match ev.delete_rule().name(name).send().await {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some(NOT_FOUND) => Ok(()),
            Err(e) => Err(classify("events:DeleteRule", e)),
        }
    }
}
