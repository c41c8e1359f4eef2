//! Kind: one statement of a Lambda function's resource policy (a service allowed to invoke it
//! from one source ARN). Not restorable; leased only under `--lock-bucket`.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A Lambda permission, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("lambda-permission", "Lambda permission");

#[derive(Debug, Clone)]
pub struct LambdaPermission {
    pub function: String,
    pub statement_id: String,
    /// `FUNCTION_ARN#STATEMENT_ID`.
    pub id: String,
}

impl LambdaPermission {
    pub fn new(function_arn: &str, function: &str, statement_id: &str) -> Self {
        LambdaPermission {
            function: function.to_string(),
            statement_id: statement_id.to_string(),
            id: format!("{function_arn}#{statement_id}"),
        }
    }
}

/// The state of a permission as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionState {
    pub action: String,
    pub principal: String,
    pub source_arn: String,
}

/// The permission for `principal` to invoke the function from `source_arn`.
pub fn state(principal: &str, source_arn: &str) -> PermissionState {
    PermissionState {
        action: "lambda:InvokeFunction".to_string(),
        principal: principal.to_string(),
        source_arn: source_arn.to_string(),
    }
}

/// The statement `sid` of a function policy, as a state.
pub fn statement_state(policy: &str, sid: &str) -> Option<PermissionState> {
    let doc: Value = serde_json::from_str(policy).ok()?;
    let stmts = match &doc["Statement"] {
        Value::Array(a) => a.clone(),
        v @ Value::Object(_) => vec![v.clone()],
        _ => return None,
    };
    let s = stmts.into_iter().find(|s| s["Sid"] == sid)?;
    let principal = match &s["Principal"] {
        Value::String(p) => p.clone(),
        p => p["Service"].as_str().unwrap_or_default().to_string(),
    };
    let cond = &s["Condition"]["ArnLike"];
    let source = cond["AWS:SourceArn"]
        .as_str()
        .or_else(|| cond["aws:SourceArn"].as_str())
        .unwrap_or_default();
    let mut st = state(&principal, source);
    st.action = match &s["Action"] {
        Value::String(a) => a.clone(),
        a => a.to_string(),
    };
    Some(st)
}

impl Resource for LambdaPermission {
    type State = PermissionState;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<PermissionState>> {
        Box::pin(async move {
            Ok(aws
                .function_policy(&self.function)
                .await?
                .and_then(|p| statement_state(&p, &self.statement_id)))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a PermissionState) -> Fut<'a, ()> {
        Box::pin(async move {
            let (principal, source) = (&state.principal, &state.source_arn);
            // A statement cannot be changed in place: replace it.
            aws.remove_permission(&self.function, &self.statement_id)
                .await?;
            aws.add_permission(&self.function, &self.statement_id, principal, source)
                .await?;
            Ok(())
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.remove_permission(&self.function, &self.statement_id)
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
    fn a_statement_of_a_function_policy_is_read() {
        // The shape of GetPolicy's Policy (Lambda API reference, GetPolicy).
        let p = r#"{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"r","Effect":"Allow",
            "Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction",
            "Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
            "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:us-east-1:123456789012:rule/r"}}}]}"#;
        assert_eq!(
            statement_state(p, "r"),
            Some(state(
                "events.amazonaws.com",
                "arn:aws:events:us-east-1:123456789012:rule/r"
            ))
        );
        assert_eq!(statement_state(p, "other"), None);
    }
}
