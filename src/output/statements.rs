//! A policy as a table: one row per statement.

use super::{Cell, Row};
use crate::policy::document::string_list;
use crate::policy::PolicyDocument;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Serialize)]
pub struct StatementRow {
    pub index: usize,
    pub sid: Option<String>,
    pub effect: String,
    pub principal: String,
    pub action: String,
    pub resource: String,
    pub condition: Option<Value>,
}

fn principal_text(st: &Value) -> String {
    let (neg, p) = match (st.get("Principal"), st.get("NotPrincipal")) {
        (Some(p), _) => ("", p),
        (None, Some(p)) => ("NOT ", p),
        (None, None) => return "-".into(),
    };
    let body = match p {
        Value::String(s) => s.clone(),
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, v)| {
                string_list(Some(v)).into_iter().map(move |x| {
                    if k == "AWS" {
                        x
                    } else {
                        format!("{k}:{x}")
                    }
                })
            })
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
    };
    format!("{neg}{body}")
}

fn list_text(st: &Value, key: &str, not_key: &str) -> String {
    if let Some(v) = st.get(key) {
        string_list(Some(v)).join(",")
    } else if let Some(v) = st.get(not_key) {
        format!("NOT {}", string_list(Some(v)).join(","))
    } else {
        "-".into()
    }
}

pub fn statement_rows(doc: &PolicyDocument) -> Vec<StatementRow> {
    doc.statements()
        .into_iter()
        .enumerate()
        .map(|(i, st)| StatementRow {
            index: i,
            sid: st.get("Sid").and_then(Value::as_str).map(str::to_owned),
            effect: st
                .get("Effect")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            principal: principal_text(st),
            action: list_text(st, "Action", "NotAction"),
            resource: list_text(st, "Resource", "NotResource"),
            condition: st.get("Condition").cloned(),
        })
        .collect()
}

/// A statement's conditions in a few words, so that a table never shows a conditioned
/// statement as if it had none (`Allow * *` is not public when it holds only for this
/// account's access points): `s3:DataAccessPointAccount=123456789012`, `aws:SourceVpce!=vpce-1`,
/// `NumericLessThan(s3:max-keys,10)`; `-` when there are none.
pub fn condition_summary(condition: Option<&Value>) -> String {
    let Some(Value::Object(ops)) = condition else {
        return "-".into();
    };
    let mut parts = Vec::new();
    for (op, keys) in ops {
        let base = op.trim_end_matches("IfExists");
        let base = base
            .strip_prefix("ForAnyValue:")
            .or_else(|| base.strip_prefix("ForAllValues:"))
            .unwrap_or(base);
        let sign = match base {
            "StringEquals"
            | "StringEqualsIgnoreCase"
            | "StringLike"
            | "ArnEquals"
            | "ArnLike"
            | "Bool"
            | "NumericEquals"
            | "DateEquals"
            | "IpAddress"
            | "BinaryEquals" => Some("="),
            "StringNotEquals"
            | "StringNotEqualsIgnoreCase"
            | "StringNotLike"
            | "ArnNotEquals"
            | "ArnNotLike"
            | "NumericNotEquals"
            | "DateNotEquals"
            | "NotIpAddress" => Some("!="),
            _ => None,
        };
        // The operator is kept in full when it says more than = or != (IfExists, ForAnyValue:).
        let plain = base == op.as_str();
        let Value::Object(keys) = keys else {
            parts.push(op.clone());
            continue;
        };
        for (key, values) in keys {
            let one = |v: &Value| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let values = match values {
                Value::Array(a) => a.iter().map(one).collect::<Vec<_>>().join("|"),
                v => one(v),
            };
            parts.push(match sign {
                Some(sign) if plain => format!("{key}{sign}{values}"),
                _ => format!("{op}({key},{values})"),
            });
        }
    }
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(" ")
    }
}

impl Row for StatementRow {
    /// The table shows what each condition requires (CONDITIONS); `-o wide` and CSV have the
    /// Condition element itself (CONDITION, as JSON).
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["SID", "EFFECT", "PRINCIPAL", "ACTION", "RESOURCE"];
        h.push(if wide { "CONDITION" } else { "CONDITIONS" });
        h
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut c: Vec<Cell> = vec![
            self.sid
                .clone()
                .unwrap_or_else(|| format!("#{}", self.index))
                .into(),
            self.effect.clone().into(),
            self.principal.clone().into(),
            self.action.clone().into(),
            self.resource.clone().into(),
        ];
        c.push(if wide {
            self.condition
                .as_ref()
                .map(|v| v.to_string())
                .unwrap_or_else(|| "-".into())
                .into()
        } else {
            condition_summary(self.condition.as_ref()).into()
        });
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn conditions_are_summarised_not_hidden() {
        assert_eq!(condition_summary(None), "-");
        assert_eq!(
            condition_summary(Some(
                &json!({"StringEquals": {"s3:DataAccessPointAccount": "123456789012"}})
            )),
            "s3:DataAccessPointAccount=123456789012"
        );
        assert_eq!(
            condition_summary(Some(&json!({
                "StringNotEquals": {"aws:SourceVpce": ["vpce-1", "vpce-2"]},
                "Bool": {"aws:SecureTransport": "true"}
            }))),
            "aws:SourceVpce!=vpce-1|vpce-2 aws:SecureTransport=true"
        );
        assert_eq!(
            condition_summary(Some(&json!({"NumericLessThan": {"s3:max-keys": "10"}}))),
            "NumericLessThan(s3:max-keys,10)"
        );
        assert_eq!(
            condition_summary(Some(
                &json!({"StringEqualsIfExists": {"aws:SourceVpc": "vpc-1"}})
            )),
            "StringEqualsIfExists(aws:SourceVpc,vpc-1)"
        );
    }
}
