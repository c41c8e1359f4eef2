//! Kind: a Lambda function (its code, as the SHA-256 of the zip, and its configuration). Not
//! restorable; leased only under `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::lambda::FunctionConfig;
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde_json::{json, Value};

/// A Lambda function, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("lambda-function", "Lambda function");

pub struct LambdaFunction {
    pub name: String,
    pub arn: String,
    /// The deployment package to upload when the code differs; None when only reading or
    /// deleting.
    pub zip: Option<Vec<u8>>,
}

impl LambdaFunction {
    pub fn new(partition: &str, region: &str, account: &str, name: &str) -> Self {
        LambdaFunction {
            name: name.to_string(),
            arn: format!("arn:{partition}:lambda:{region}:{account}:function:{name}"),
            zip: None,
        }
    }
}

/// The state of a function as plans show it: its configuration and the code's SHA-256 (base64,
/// as Lambda's CodeSha256).
pub fn state(c: &FunctionConfig, code_sha256: &str) -> Value {
    json!({
        "runtime": c.runtime,
        "architecture": c.architecture,
        "handler": c.handler,
        "role": c.role,
        "timeout": c.timeout,
        "memory_size": c.memory_size,
        "environment": c.environment,
        "dead_letter_arn": c.dead_letter_arn,
        "code_sha256": code_sha256,
    })
}

fn config_of(v: &Value) -> Result<FunctionConfig> {
    let s = |k: &str| v[k].as_str().map(str::to_owned).unwrap_or_default();
    let n = |k: &str| v[k].as_i64().and_then(|n| i32::try_from(n).ok());
    Ok(FunctionConfig {
        role: s("role"),
        runtime: s("runtime"),
        handler: s("handler"),
        architecture: s("architecture"),
        timeout: n("timeout").ok_or_else(|| failed("function state: no timeout"))?,
        memory_size: n("memory_size").ok_or_else(|| failed("function state: no memory_size"))?,
        environment: serde_json::from_value(v["environment"].clone())
            .map_err(|e| failed(format!("function state: environment: {e}")))?,
        dead_letter_arn: v["dead_letter_arn"].as_str().map(str::to_owned),
    })
}

fn without_code(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("code_sha256");
    }
    v
}

impl Resource for LambdaFunction {
    type State = Value;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
        Box::pin(async move {
            Ok(aws
                .function(&self.name)
                .await?
                .map(|f| state(&f.config, &f.code_sha256)))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, desired: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            let config = config_of(desired)?;
            let zip = || {
                self.zip.as_deref().ok_or_else(|| {
                    failed(format!(
                        "function {}: no deployment package to upload",
                        self.name
                    ))
                })
            };
            match aws.function(&self.name).await? {
                None => Ok(aws.create_function(&self.name, &config, zip()?).await?),
                Some(cur) => {
                    let cur_state = state(&cur.config, &cur.code_sha256);
                    if without_code(&cur_state) != without_code(desired) {
                        aws.update_function_configuration(&self.name, &config)
                            .await?;
                    }
                    if cur.code_sha256 != desired["code_sha256"].as_str().unwrap_or("") {
                        aws.update_function_code(&self.name, zip()?).await?;
                    }
                    Ok(())
                }
            }
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_function(&self.name)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    /// A dead-letter queue that reads back as none counts as unknown, not as a difference:
    /// emulators (moto 5.2.1) accept DeadLetterConfig but never return it.
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        match (a, b) {
            (Some(a), Some(b))
                if a["dead_letter_arn"].is_null() || b["dead_letter_arn"].is_null() =>
            {
                let strip = |v: &Value| {
                    let mut v = v.clone();
                    if let Some(o) = v.as_object_mut() {
                        o.remove("dead_letter_arn");
                    }
                    v
                };
                strip(a) == strip(b)
            }
            (a, b) => a == b,
        }
    }
}
