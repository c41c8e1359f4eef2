//! `--query`: the AWS CLI's JMESPath filter, applied to the JSON shape of a command's result before
//! it is rendered in any format (json, yaml, table, wide, csv).

use serde_json::Value;
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
}
