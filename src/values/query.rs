//! `--query`: the AWS CLI's JMESPath filter, applied to the JSON shape of a command's result before
//! it is rendered in any format (json, yaml, table, wide, csv).

use serde_json::Value;
use std::str::FromStr;

/// A JMESPath expression, checked when the command line is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query(String);

impl FromStr for Query {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        jmespath::compile(s)
            .map_err(|e| format!("invalid JMESPath expression: {}", one_line(&e)))?;
        Ok(Query(s.to_string()))
    }
}

/// jmespath's errors draw a caret under the expression on several lines; keep the first.
fn one_line(e: &jmespath::JmespathError) -> String {
    let reason = e.reason.to_string();
    format!("{reason} (at offset {})", e.offset)
}

impl Query {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The result of the expression on `data`.
    pub fn apply(&self, data: &Value) -> Result<Value, String> {
        let expr = jmespath::compile(&self.0)
            .map_err(|e| format!("--query: invalid JMESPath expression: {}", one_line(&e)))?;
        let result = expr
            .search(data)
            .map_err(|e| format!("--query: {}", one_line(&e)))?;
        serde_json::to_value(&*result).map_err(|e| format!("--query: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bad_expressions_are_refused_in_one_line() {
        let e = "[?name==".parse::<Query>().unwrap_err();
        assert!(e.starts_with("invalid JMESPath expression"), "{e}");
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn filters_and_projects() {
        let data = json!([{"name": "a", "bucket": "b1"}, {"name": "c", "bucket": "b2"}]);
        let q: Query = "[?bucket=='b2'].name".parse().unwrap();
        assert_eq!(q.apply(&data).unwrap(), json!(["c"]));
        let q: Query = "[].{n: name}".parse().unwrap();
        assert_eq!(q.apply(&data).unwrap(), json!([{"n": "a"}, {"n": "c"}]));
    }
}
