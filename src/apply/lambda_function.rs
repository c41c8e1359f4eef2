//! Kind: a Lambda function (its code, as the SHA-256 of the zip, and its configuration). Not
//! restorable; leased only under `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::lambda::FunctionConfig;
use crate::aws::Aws;
use crate::error::failed;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionState {
    pub runtime: String,
    pub architecture: String,
    pub handler: String,
    pub role: String,
    pub timeout: i32,
    pub memory_size: i32,
    pub environment: BTreeMap<String, String>,
    pub dead_letter_arn: Option<String>,
    pub code_sha256: String,
}

/// The state of a function with configuration `c` and code `code_sha256`.
pub fn state(c: &FunctionConfig, code_sha256: &str) -> FunctionState {
    FunctionState {
        runtime: c.runtime.clone(),
        architecture: c.architecture.clone(),
        handler: c.handler.clone(),
        role: c.role.clone(),
        timeout: c.timeout,
        memory_size: c.memory_size,
        environment: c.environment.clone(),
        dead_letter_arn: c.dead_letter_arn.clone(),
        code_sha256: code_sha256.to_string(),
    }
}

impl FunctionState {
    /// The configuration Lambda is given.
    fn config(&self) -> FunctionConfig {
        FunctionConfig {
            role: self.role.clone(),
            runtime: self.runtime.clone(),
            handler: self.handler.clone(),
            architecture: self.architecture.clone(),
            timeout: self.timeout,
            memory_size: self.memory_size,
            environment: self.environment.clone(),
            dead_letter_arn: self.dead_letter_arn.clone(),
        }
    }

    fn without_code(&self) -> FunctionState {
        FunctionState {
            code_sha256: String::new(),
            ..self.clone()
        }
    }

    fn without_dead_letter(&self) -> FunctionState {
        FunctionState {
            dead_letter_arn: None,
            ..self.clone()
        }
    }
}

impl Resource for LambdaFunction {
    type State = FunctionState;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<FunctionState>> {
        Box::pin(async move {
            Ok(aws
                .function(&self.name)
                .await?
                .map(|f| state(&f.config, &f.code_sha256)))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, desired: &'a FunctionState) -> Fut<'a, ()> {
        Box::pin(async move {
            let config = desired.config();
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
                    if cur_state.without_code() != desired.without_code() {
                        aws.update_function_configuration(&self.name, &config)
                            .await?;
                    }
                    if cur.code_sha256 != desired.code_sha256 {
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
    fn same(&self, a: Option<&FunctionState>, b: Option<&FunctionState>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) if a.dead_letter_arn.is_none() || b.dead_letter_arn.is_none() => {
                a.without_dead_letter() == b.without_dead_letter()
            }
            (a, b) => a == b,
        }
    }
}
