//! AWS Lambda: the fulfiller function (code and configuration), its resource policy, and the
//! event source mapping that feeds it the audit queue.

use super::error::{failed, Result};
use super::{classify, error::code, Aws};
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{
    Architecture, DeadLetterConfig, Environment, FunctionCode, FunctionResponseType, Runtime,
    ScalingConfig,
};
use std::collections::BTreeMap;
use std::time::Duration;

/// A function's configuration as lakegate sets it (custom runtime, x86_64, handler `bootstrap`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionConfig {
    pub role: String,
    pub runtime: String,
    pub handler: String,
    pub architecture: String,
    pub timeout: i32,
    pub memory_size: i32,
    pub environment: BTreeMap<String, String>,
    /// Where Lambda sends an asynchronous invocation that failed every retry (an SQS queue).
    pub dead_letter_arn: Option<String>,
}

/// A function as read: its ARN, configuration and code hash (base64 SHA-256 of the zip).
#[derive(Debug, Clone)]
pub struct FunctionInfo {
    pub arn: String,
    pub config: FunctionConfig,
    pub code_sha256: String,
}

const NOT_FOUND: &str = "ResourceNotFoundException";

impl Aws {
    /// The function; None when it does not exist.
    pub async fn function(&self, name: &str) -> Result<Option<FunctionInfo>> {
        let out = match self
            .lambda()
            .get_function_configuration()
            .function_name(name)
            .send()
            .await
        {
            Ok(o) => o,
            Err(e) if code(&e) == Some(NOT_FOUND) => return Ok(None),
            Err(e) => return Err(classify("lambda:GetFunctionConfiguration", e)),
        };
        Ok(Some(FunctionInfo {
            arn: out.function_arn.clone().unwrap_or_default(),
            code_sha256: out.code_sha256.clone().unwrap_or_default(),
            config: FunctionConfig {
                role: out.role.clone().unwrap_or_default(),
                runtime: out
                    .runtime
                    .as_ref()
                    .map(|r| r.as_str().to_string())
                    .unwrap_or_default(),
                handler: out.handler.clone().unwrap_or_default(),
                architecture: out
                    .architectures
                    .as_ref()
                    .and_then(|a| a.first())
                    .map(|a| a.as_str().to_string())
                    .unwrap_or_else(|| "x86_64".into()),
                timeout: out.timeout.unwrap_or(3),
                memory_size: out.memory_size.unwrap_or(128),
                environment: out
                    .environment
                    .as_ref()
                    .and_then(|e| e.variables.clone())
                    .map(|v| v.into_iter().collect())
                    .unwrap_or_default(),
                dead_letter_arn: out
                    .dead_letter_config
                    .as_ref()
                    .and_then(|d| d.target_arn.clone())
                    .filter(|a| !a.is_empty()),
            },
        }))
    }

    /// Create the function with this code. A role IAM has not propagated yet ("cannot be
    /// assumed by Lambda") is retried for up to about 40 s.
    pub async fn create_function(&self, name: &str, c: &FunctionConfig, zip: &[u8]) -> Result<()> {
        let mut delay = Duration::from_secs(2);
        for attempt in 0.. {
            let r = self
                .lambda()
                .create_function()
                .function_name(name)
                .role(&c.role)
                .runtime(Runtime::from(c.runtime.as_str()))
                .handler(&c.handler)
                .architectures(Architecture::from(c.architecture.as_str()))
                .timeout(c.timeout)
                .memory_size(c.memory_size)
                .environment(env(c))
                .dead_letter_config(dead_letters(c))
                .code(FunctionCode::builder().zip_file(Blob::new(zip)).build())
                .send()
                .await;
            match r {
                Ok(_) => return Ok(()),
                Err(e)
                    if attempt < 6
                        && code(&e) == Some("InvalidParameterValueException")
                        && format!("{e:?}").contains("assumed") =>
                {
                    tracing::info!("the new role is not usable by Lambda yet; retrying");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(10));
                }
                Err(e) => return Err(classify("lambda:CreateFunction", e)),
            }
        }
        Err(failed("lambda:CreateFunction: gave up"))
    }

    pub async fn update_function_code(&self, name: &str, zip: &[u8]) -> Result<()> {
        self.lambda()
            .update_function_code()
            .function_name(name)
            .zip_file(Blob::new(zip))
            .send()
            .await
            .map_err(|e| classify("lambda:UpdateFunctionCode", e))?;
        Ok(())
    }

    pub async fn update_function_configuration(
        &self,
        name: &str,
        c: &FunctionConfig,
    ) -> Result<()> {
        self.lambda()
            .update_function_configuration()
            .function_name(name)
            .role(&c.role)
            .runtime(Runtime::from(c.runtime.as_str()))
            .handler(&c.handler)
            .timeout(c.timeout)
            .memory_size(c.memory_size)
            .environment(env(c))
            .dead_letter_config(dead_letters(c))
            .send()
            .await
            .map_err(|e| classify("lambda:UpdateFunctionConfiguration", e))?;
        Ok(())
    }

    pub async fn delete_function(&self, name: &str) -> Result<()> {
        match self
            .lambda()
            .delete_function()
            .function_name(name)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some(NOT_FOUND) => Ok(()),
            Err(e) => Err(classify("lambda:DeleteFunction", e)),
        }
    }

    /// The function's resource policy (JSON text); None when it has none or does not exist.
    pub async fn function_policy(&self, name: &str) -> Result<Option<String>> {
        match self.lambda().get_policy().function_name(name).send().await {
            Ok(o) => Ok(o.policy),
            Err(e) if code(&e) == Some(NOT_FOUND) => Ok(None),
            Err(e) => Err(classify("lambda:GetPolicy", e)),
        }
    }

    /// Allow `principal` (a service) to invoke the function from `source_arn`.
    pub async fn add_permission(
        &self,
        function: &str,
        statement_id: &str,
        principal: &str,
        source_arn: &str,
    ) -> Result<()> {
        self.lambda()
            .add_permission()
            .function_name(function)
            .statement_id(statement_id)
            .action("lambda:InvokeFunction")
            .principal(principal)
            .source_arn(source_arn)
            .send()
            .await
            .map_err(|e| classify("lambda:AddPermission", e))?;
        Ok(())
    }

    pub async fn remove_permission(&self, function: &str, statement_id: &str) -> Result<()> {
        match self
            .lambda()
            .remove_permission()
            .function_name(function)
            .statement_id(statement_id)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some(NOT_FOUND) => Ok(()),
            Err(e) => Err(classify("lambda:RemovePermission", e)),
        }
    }
}

fn env(c: &FunctionConfig) -> Environment {
    Environment::builder()
        .set_variables(Some(c.environment.clone().into_iter().collect()))
        .build()
}

fn dead_letters(c: &FunctionConfig) -> DeadLetterConfig {
    DeadLetterConfig::builder()
        .set_target_arn(Some(c.dead_letter_arn.clone().unwrap_or_default()))
        .build()
}

/// An event source mapping (a queue polled by Lambda, which invokes the function with batches
/// of its messages) as lakegate sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingConfig {
    pub batch_size: i32,
    /// `ReportBatchItemFailures`: the function names the messages that failed, and only those
    /// are retried.
    pub report_batch_item_failures: bool,
    /// At most this many invocations at once for this queue (ScalingConfig, 2-1000).
    pub maximum_concurrency: Option<i32>,
    pub enabled: bool,
}

/// A mapping as read: its id and configuration.
#[derive(Debug, Clone)]
pub struct MappingInfo {
    pub uuid: String,
    pub config: MappingConfig,
}

impl Aws {
    /// The mapping from the queue `source_arn` to the function; None when there is none.
    pub async fn event_source_mapping(
        &self,
        function: &str,
        source_arn: &str,
    ) -> Result<Option<MappingInfo>> {
        let out = match self
            .lambda()
            .list_event_source_mappings()
            .function_name(function)
            .event_source_arn(source_arn)
            .send()
            .await
        {
            Ok(o) => o,
            Err(e) if code(&e) == Some(NOT_FOUND) => return Ok(None),
            Err(e) => return Err(classify("lambda:ListEventSourceMappings", e)),
        };
        Ok(out
            .event_source_mappings()
            .iter()
            .find(|m| m.event_source_arn() == Some(source_arn))
            .map(|m| MappingInfo {
                uuid: m.uuid().unwrap_or_default().to_string(),
                config: MappingConfig {
                    batch_size: m.batch_size().unwrap_or(10),
                    report_batch_item_failures: m
                        .function_response_types()
                        .contains(&FunctionResponseType::ReportBatchItemFailures),
                    maximum_concurrency: m.scaling_config().and_then(|s| s.maximum_concurrency()),
                    enabled: !matches!(m.state(), Some("Disabled") | Some("Disabling")),
                },
            }))
    }

    /// Create the mapping, or update the one there.
    pub async fn put_event_source_mapping(
        &self,
        function: &str,
        source_arn: &str,
        c: &MappingConfig,
    ) -> Result<()> {
        let types: Vec<FunctionResponseType> = if c.report_batch_item_failures {
            vec![FunctionResponseType::ReportBatchItemFailures]
        } else {
            Vec::new()
        };
        let scaling = c
            .maximum_concurrency
            .map(|n| ScalingConfig::builder().maximum_concurrency(n).build());
        match self.event_source_mapping(function, source_arn).await? {
            Some(m) => {
                self.lambda()
                    .update_event_source_mapping()
                    .uuid(m.uuid)
                    .batch_size(c.batch_size)
                    .set_function_response_types(Some(types))
                    .set_scaling_config(scaling)
                    .enabled(c.enabled)
                    .send()
                    .await
                    .map_err(|e| classify("lambda:UpdateEventSourceMapping", e))?;
            }
            None => {
                self.lambda()
                    .create_event_source_mapping()
                    .function_name(function)
                    .event_source_arn(source_arn)
                    .batch_size(c.batch_size)
                    .set_function_response_types(Some(types))
                    .set_scaling_config(scaling)
                    .enabled(c.enabled)
                    .send()
                    .await
                    .map_err(|e| classify("lambda:CreateEventSourceMapping", e))?;
            }
        }
        Ok(())
    }

    /// Delete the mapping (absent is fine).
    pub async fn delete_event_source_mapping(
        &self,
        function: &str,
        source_arn: &str,
    ) -> Result<()> {
        let Some(m) = self.event_source_mapping(function, source_arn).await? else {
            return Ok(());
        };
        match self
            .lambda()
            .delete_event_source_mapping()
            .uuid(m.uuid)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some(NOT_FOUND) => Ok(()),
            Err(e) => Err(classify("lambda:DeleteEventSourceMapping", e)),
        }
    }
}
