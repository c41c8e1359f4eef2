//! YAML output that every parser reads back as the JSON it came from.
//!
//! serde_yaml_ng writes `Version: 2012-10-17` and `Account: 123456789012`-like strings plain when
//! YAML 1.2 would read them as strings, but YAML 1.1 parsers (PyYAML, Ruby's Psych, many CI tools)
//! read `2012-10-17` as a date, `yes`/`on` as booleans and `0755` as octal. A string is written
//! plain only when it cannot be anything else in either version; otherwise it is double-quoted,
//! with JSON's escapes (a subset of YAML's).

use serde_json::Value;

/// The YAML document of a JSON value (block style, two-space indent, a final newline).
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(m) if !m.is_empty() => object(m, 0, &mut out),
        Value::Array(a) if !a.is_empty() => array(a, 0, &mut out),
        v => {
            out.push_str(&scalar(v));
            out.push('\n');
        }
    }
    out
}

/// A scalar, or an empty collection, on one line.
fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

fn is_inline(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => true,
    }
}

fn pad(indent: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn object(m: &serde_json::Map<String, Value>, indent: usize, out: &mut String) {
    for (i, (k, v)) in m.iter().enumerate() {
        // The first key of an object that is an array item follows its "- ".
        if i > 0 || !out.ends_with("- ") {
            pad(indent, out);
        }
        out.push_str(&string(k));
        out.push(':');
        if is_inline(v) {
            out.push(' ');
            out.push_str(&scalar(v));
            out.push('\n');
        } else {
            out.push('\n');
            match v {
                Value::Object(inner) => object(inner, indent + 2, out),
                // As serde_yaml_ng (and kubectl) write it: the items at the key's indent.
                Value::Array(items) => array(items, indent, out),
                _ => unreachable!("scalars are inline"),
            }
        }
    }
}

fn array(items: &[Value], indent: usize, out: &mut String) {
    for v in items {
        pad(indent, out);
        out.push_str("- ");
        match v {
            Value::Object(m) if !m.is_empty() => object(m, indent + 2, out),
            Value::Array(a) if !a.is_empty() => {
                out.pop();
                out.push('\n');
                array(a, indent + 2, out);
            }
            v => {
                out.push_str(&scalar(v));
                out.push('\n');
            }
        }
    }
}

/// Words that YAML 1.1 or 1.2 reads as a boolean or null.
const KEYWORDS: &[&str] = &[
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
];

/// A string as a plain scalar when that is unambiguous, else double-quoted.
fn string(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Numbers, dates, times, octal, sexagesimal, .inf/.nan, -x: all start like this.
    if !(first.is_ascii_alphabetic() || first == '_' || first == '/') {
        return false;
    }
    if KEYWORDS.contains(&s.to_ascii_lowercase().as_str()) {
        return false;
    }
    if s.ends_with(' ') || s.ends_with(':') || s.contains(": ") || s.contains(" #") {
        return false;
    }
    s.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '_' | '-'
                    | '.'
                    | '/'
                    | ':'
                    | '@'
                    | '+'
                    | '='
                    | '*'
                    | ' '
                    | '$'
                    | '('
                    | ')'
                    | ';'
                    | '<'
                    | '>'
                    | '^'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round_trip(v: &Value) {
        let y = to_yaml(v);
        let back: Value = serde_yaml_ng::from_str(&y).unwrap_or_else(|e| panic!("{e}:\n{y}"));
        assert_eq!(&back, v, "\n{y}");
    }

    #[test]
    fn strings_another_type_would_claim_are_quoted() {
        let v = json!({
            "Version": "2012-10-17",
            "account": "123456789012",
            "yes": "no",
            "on": "off",
            "mode": "0755",
            "time": "12:30",
            "inf": ".inf",
            "neg": "-1",
            "empty": "",
            "null_text": "null",
            "tilde": "~",
        });
        let y = to_yaml(&v);
        for line in [
            "Version: \"2012-10-17\"",
            "account: \"123456789012\"",
            "\"yes\": \"no\"",
            "\"on\": \"off\"",
            "mode: \"0755\"",
            "time: \"12:30\"",
            "inf: \".inf\"",
            "neg: \"-1\"",
            "empty: \"\"",
            "null_text: \"null\"",
            "tilde: \"~\"",
        ] {
            assert!(y.contains(line), "{line} in\n{y}");
        }
        round_trip(&v);
    }

    #[test]
    fn arns_actions_and_prefixes_stay_plain() {
        let v = json!({
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": "arn:aws:s3:::store-events/sales_event/*",
            "prefix": "sales_event/",
        });
        let y = to_yaml(&v);
        assert!(y.contains("- s3:GetObject\n"), "{y}");
        assert!(
            y.contains("Resource: arn:aws:s3:::store-events/sales_event/*\n"),
            "{y}"
        );
        round_trip(&v);
    }

    #[test]
    fn nested_documents_round_trip() {
        round_trip(&json!({
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::123456789012:root"]},
                 "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                 "Condition": {"StringEquals": {"s3:DataAccessPointAccount": "123456789012"}}},
                {"Sid": "B: colon # hash", "Effect": "Deny", "NotPrincipal": {}, "Action": [], "x": null,
                 "n": 1.5, "t": true, "multi": "line\nbreak \"quoted\" \\ back"}
            ],
            "nested": [[1, 2], [], [{"a": [[]]}]],
        }));
        round_trip(&json!([]));
        round_trip(&json!({}));
        round_trip(&json!("2012-10-17"));
        round_trip(&json!(null));
        round_trip(&json!([{"a": 1, "b": {"c": []}}, "x"]));
    }
}
