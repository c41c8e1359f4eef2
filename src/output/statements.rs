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

impl Row for StatementRow {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["SID", "EFFECT", "PRINCIPAL", "ACTION", "RESOURCE"];
        if wide {
            h.push("CONDITION");
        }
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
        if wide {
            c.push(
                self.condition
                    .as_ref()
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "-".into())
                    .into(),
            );
        }
        c
    }
}
