//! `--query`: the AWS CLI's JMESPath filter, applied to the JSON shape of a command's result before
//! it is rendered in any format (json, yaml, table, wide, csv).

use serde_json::{Map, Value};
use std::str::FromStr;

/// A JMESPath expression, checked when the command line is parsed. As in the AWS CLI, a
/// literal between backticks that is not JSON is a string: `` [?status==`fail`] `` is
/// `` [?status==`"fail"`] ``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query(String);

impl FromStr for Query {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expr = bare_literals_as_strings(s);
        jmespath::compile(&expr)
            .map_err(|e| format!("invalid JMESPath expression: {}", one_line(&e)))?;
        Ok(Query(expr))
    }
}

/// The expression with every backtick literal that is not JSON written as the JSON string it
/// means to the AWS CLI (whose JMESPath reads `` `fail` `` as `` `"fail"` ``, the legacy form
/// its documentation and many scripts use). Raw strings (`'…'`) and quoted identifiers (`"…"`)
/// are copied as they are.
pub fn bare_literals_as_strings(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len());
    let mut chars = expr.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            '`' => {
                let mut raw = String::new();
                let mut closed = false;
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => match chars.next() {
                            Some('`') => raw.push('`'),
                            Some(e) => {
                                raw.push('\\');
                                raw.push(e);
                            }
                            None => raw.push('\\'),
                        },
                        '`' => {
                            closed = true;
                            break;
                        }
                        _ => raw.push(d),
                    }
                }
                let literal = if !closed || serde_json::from_str::<Value>(&raw).is_ok() {
                    raw
                } else {
                    // The AWS CLI's fallback: the text (leading blanks dropped) as a string.
                    match serde_json::from_str::<Value>(&format!("\"{}\"", raw.trim_start())) {
                        Ok(v) => v.to_string(),
                        Err(_) => raw,
                    }
                };
                out.push('`');
                out.push_str(&literal.replace('`', "\\`"));
                if closed {
                    out.push('`');
                }
            }
            _ => out.push(c),
        }
    }
    out
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

/// Columns and rows of a JSON value, for table and CSV output of a query result:
/// objects become one row each (columns: their keys, in order of first appearance), other values
/// one `VALUE` column; an array of arrays gives positional columns.
pub fn tabulate(v: &Value) -> (Vec<String>, Vec<Vec<String>>) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    };
    if !items.is_empty() && items.iter().all(|i| i.is_object()) {
        let mut columns: Vec<String> = Vec::new();
        for i in &items {
            for k in i.as_object().map(Map::keys).into_iter().flatten() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
        let rows = items
            .iter()
            .map(|i| {
                columns
                    .iter()
                    .map(|c| i.get(c).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        let headers = columns.iter().map(|c| c.to_uppercase()).collect();
        return (headers, rows);
    }
    if !items.is_empty() && items.iter().all(|i| i.is_array()) {
        let n = items
            .iter()
            .map(|i| i.as_array().map_or(0, Vec::len))
            .max()
            .unwrap_or(0);
        let headers = (1..=n).map(|i| format!("COLUMN{i}")).collect();
        let rows = items
            .iter()
            .map(|i| {
                let a = i.as_array().cloned().unwrap_or_default();
                (0..n)
                    .map(|j| a.get(j).map(cell).unwrap_or_default())
                    .collect()
            })
            .collect();
        return (headers, rows);
    }
    (
        vec!["VALUE".to_string()],
        items.iter().map(|i| vec![cell(i)]).collect(),
    )
}

/// A value as the text of one cell: strings bare, null empty, the rest as compact JSON.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.iter().all(|x| x.is_string()) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(","),
        other => other.to_string(),
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
    fn bare_words_between_backticks_are_strings_as_in_the_aws_cli() {
        let data = json!({"checks": [{"check": "s3", "status": "fail"}, {"check": "sts", "status": "pass"}]});
        let q: Query = "checks[?status==`fail`]".parse().unwrap();
        assert_eq!(
            q.apply(&data).unwrap(),
            json!([{"check": "s3", "status": "fail"}])
        );
        // JSON literals keep their meaning; raw strings and quoted names are left alone.
        assert_eq!(bare_literals_as_strings("a[?n==`1`]"), "a[?n==`1`]");
        assert_eq!(bare_literals_as_strings("a[?b==`true`]"), "a[?b==`true`]");
        assert_eq!(bare_literals_as_strings("a[?s==`\"x\"`]"), "a[?s==`\"x\"`]");
        assert_eq!(
            bare_literals_as_strings("a[?s=='`x`'] | \"`k`\""),
            "a[?s=='`x`'] | \"`k`\""
        );
        assert_eq!(
            bare_literals_as_strings("[?name==`us-east-1`]"),
            "[?name==`\"us-east-1\"`]"
        );
        let q: Query = "[?name==` spaced word`].x".parse().unwrap();
        assert_eq!(
            q.apply(&json!([{"name": "spaced word", "x": 1}])).unwrap(),
            json!([1])
        );
    }

    #[test]
    fn filters_and_projects() {
        let data = json!([{"name": "a", "bucket": "b1"}, {"name": "c", "bucket": "b2"}]);
        let q: Query = "[?bucket=='b2'].name".parse().unwrap();
        assert_eq!(q.apply(&data).unwrap(), json!(["c"]));
        let q: Query = "[].{n: name}".parse().unwrap();
        assert_eq!(q.apply(&data).unwrap(), json!([{"n": "a"}, {"n": "c"}]));
    }

    #[test]
    fn tables_of_any_result() {
        let (h, r) = tabulate(&json!([{"a": 1, "b": ["x", "y"]}, {"c": null}]));
        assert_eq!(h, ["A", "B", "C"]);
        assert_eq!(r, [vec!["1", "x,y", ""], vec!["", "", ""]]);
        let (h, r) = tabulate(&json!(["x", "y"]));
        assert_eq!(h, ["VALUE"]);
        assert_eq!(r, [vec!["x"], vec!["y"]]);
        let (h, r) = tabulate(&json!([["x", 1], ["y"]]));
        assert_eq!(h, ["COLUMN1", "COLUMN2"]);
        assert_eq!(r, [vec!["x", "1"], vec!["y", ""]]);
        assert_eq!(tabulate(&json!("one")).1, [vec!["one"]]);
        assert!(tabulate(&json!(null)).1.is_empty());
    }
}
