//! Kind: a Lambda event source mapping from an SQS queue to a function (batch size, partial
//! batch responses, the bound on concurrent invocations): how the deployed function consumes
//! the fanned-out audit's queue. Not restorable; leased only under `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::lambda::MappingConfig;
use crate::aws::Aws;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};

/// An event source mapping, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("event-source-mapping", "event source mapping");

#[derive(Debug, Clone)]
pub struct EventSourceMapping {
    pub function: String,
    pub source_arn: String,
    /// `FUNCTION_ARN#SOURCE_ARN`.
    pub id: String,
}

impl EventSourceMapping {
    pub fn new(function_arn: &str, function: &str, source_arn: &str) -> Self {
        EventSourceMapping {
            function: function.to_string(),
            source_arn: source_arn.to_string(),
            id: format!("{function_arn}#{source_arn}"),
        }
    }
}

/// The state of a mapping as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingState {
    pub batch_size: i32,
    /// `["ReportBatchItemFailures"]` when the function reports which messages failed.
    pub function_response_types: Vec<String>,
    /// ScalingConfig.MaximumConcurrency (null: no bound but the account's).
    pub maximum_concurrency: Option<i32>,
    pub enabled: bool,
}

/// An enabled mapping that reports batch item failures.
pub fn state(batch_size: i32, maximum_concurrency: i32) -> MappingState {
    MappingState {
        batch_size,
        function_response_types: vec!["ReportBatchItemFailures".into()],
        maximum_concurrency: Some(maximum_concurrency),
        enabled: true,
    }
}

fn config(s: &MappingState) -> MappingConfig {
    MappingConfig {
        batch_size: s.batch_size,
        report_batch_item_failures: s
            .function_response_types
            .iter()
            .any(|t| t == "ReportBatchItemFailures"),
        maximum_concurrency: s.maximum_concurrency,
        enabled: s.enabled,
    }
}

fn of_config(c: &MappingConfig) -> MappingState {
    MappingState {
        batch_size: c.batch_size,
        function_response_types: if c.report_batch_item_failures {
            vec!["ReportBatchItemFailures".into()]
        } else {
            Vec::new()
        },
        maximum_concurrency: c.maximum_concurrency,
        enabled: c.enabled,
    }
}

impl Resource for EventSourceMapping {
    type State = MappingState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn check(&self, after: &MappingState) -> crate::error::Result<()> {
        // Lambda's limits for an SQS source (CreateEventSourceMapping, API reference).
        if !(1..=10_000).contains(&after.batch_size) {
            return Err(crate::error::input_error(format!(
                "event source mapping: batch size {} is not within 1-10000",
                after.batch_size
            )));
        }
        if let Some(n) = after.maximum_concurrency {
            if !(2..=1000).contains(&n) {
                return Err(crate::error::input_error(format!(
                    "event source mapping: maximum concurrency {n} is not within 2-1000"
                )));
            }
        }
        Ok(())
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<MappingState>> {
        Box::pin(async move {
            Ok(aws
                .event_source_mapping(&self.function, &self.source_arn)
                .await?
                .map(|m| of_config(&m.config)))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a MappingState) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.put_event_source_mapping(&self.function, &self.source_arn, &config(state))
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_event_source_mapping(&self.function, &self.source_arn)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn destructive_delete(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_round_trips_through_the_aws_configuration() {
        let s = state(5, 20);
        assert_eq!(of_config(&config(&s)), s);
        let m = EventSourceMapping::new("arn:f", "f", "arn:q");
        assert!(m.check(&s).is_ok());
        assert!(m.check(&state(5, 1)).is_err());
        assert!(m.check(&state(0, 20)).is_err());
    }
}
