//! The text of a policy as it was written: numbers (`10.50`) and string escapes (`\u00e9`,
//! `\u2028`) are kept as their author wrote them, which a parsed `serde_json::Value` cannot do
//! (it holds `10.5` and `é`). A [`PolicyDocument`](crate::PolicyDocument) keeps the text of each
//! top-level member and each statement it was parsed from, and writes that text back for every
//! part that is still equal to what was parsed: what lakegate did not change goes back to AWS byte
//! for byte (whitespace between tokens aside: the compact form has none).
//!
//! Everything here works on text that is already known to be valid JSON (it went through
//! [`crate::json::parse_strict`] first).

use serde_json::Value;

/// A part of a document and the compact text it was written with.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub value: Value,
    pub text: String,
}

/// The texts of a parsed document: its top-level members other than `Statement` (by key) and its
/// statements (in order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    pub members: Vec<(String, Kept)>,
    pub statements: Vec<Kept>,
}

impl Texts {
    /// Read the texts of `text`, a JSON object already parsed as `root`.
    pub fn of(text: &str, root: &serde_json::Map<String, Value>) -> Texts {
        let mut out = Texts::default();
        let Some(members) = object_members(text.trim_start()) else {
            return out;
        };
        for (raw_key, raw_value) in members {
            let Ok(key) = serde_json::from_str::<String>(raw_key) else {
                continue;
            };
            let Some(value) = root.get(&key) else {
                continue;
            };
            if key == "Statement" {
                let parts: Vec<(&Value, &str)> = match (value, raw_value.as_bytes().first()) {
                    (Value::Array(a), Some(b'[')) => match array_elements(raw_value) {
                        Some(raw) if raw.len() == a.len() => a.iter().zip(raw).collect(),
                        _ => Vec::new(),
                    },
                    (Value::Object(_), Some(b'{')) => vec![(value, raw_value)],
                    _ => Vec::new(),
                };
                out.statements = parts
                    .into_iter()
                    .map(|(v, t)| Kept {
                        value: v.clone(),
                        text: compact(t),
                    })
                    .collect();
            } else {
                out.members.push((
                    key,
                    Kept {
                        value: value.clone(),
                        text: compact(raw_value),
                    },
                ));
            }
        }
        out
    }

    /// Add the texts of `other` that `self` does not hold yet (the same member, or an equal
    /// statement).
    pub fn adopt(&mut self, other: &Texts) {
        for (k, kept) in &other.members {
            if !self.members.iter().any(|(x, _)| x == k) {
                self.members.push((k.clone(), kept.clone()));
            }
        }
        for kept in &other.statements {
            if !self.statements.iter().any(|s| s.value == kept.value) {
                self.statements.push(kept.clone());
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty() && self.statements.is_empty()
    }
}

/// Compact JSON of `root`, writing each part equal to a kept one with its kept text.
pub fn write_compact(root: &serde_json::Map<String, Value>, texts: &Texts) -> String {
    let plain = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    let mut used = vec![false; texts.statements.len()];
    let mut statement = |v: &Value| -> String {
        for (i, kept) in texts.statements.iter().enumerate() {
            if !used[i] && kept.value == *v {
                used[i] = true;
                return kept.text.clone();
            }
        }
        plain(v)
    };
    let mut out = String::from("{");
    for (i, (k, v)) in root.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&plain(&Value::String(k.clone())));
        out.push(':');
        if k == "Statement" {
            match v {
                Value::Array(a) => {
                    out.push('[');
                    for (j, st) in a.iter().enumerate() {
                        if j > 0 {
                            out.push(',');
                        }
                        out.push_str(&statement(st));
                    }
                    out.push(']');
                }
                Value::Object(_) => out.push_str(&statement(v)),
                other => out.push_str(&plain(other)),
            }
            continue;
        }
        match texts
            .members
            .iter()
            .find(|(x, kept)| x == k && kept.value == *v)
        {
            Some((_, kept)) => out.push_str(&kept.text),
            None => out.push_str(&plain(v)),
        }
    }
    out.push('}');
    out
}

/// Compact JSON text indented as `serde_json::to_string_pretty` does (two spaces, `": "`, `[]` and
/// `{}` for empty ones), every token kept as written.
pub fn pretty(compact: &str) -> String {
    let b = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut i = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(b, i);
                out.push_str(&compact[i..end]);
                i = end;
                continue;
            }
            c @ (b'{' | b'[') => {
                let close = if c == b'{' { b'}' } else { b']' };
                out.push(c as char);
                if b.get(i + 1) == Some(&close) {
                    out.push(close as char);
                    i += 2;
                    continue;
                }
                depth += 1;
                newline(&mut out, depth);
            }
            c @ (b'}' | b']') => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c as char);
            }
            b',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            b':' => out.push_str(": "),
            _ => {
                // A number, true, false or null: copy up to the next structural character.
                let start = i;
                while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b':' | b'"') {
                    i += 1;
                }
                out.push_str(&compact[start..i]);
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The text without whitespace outside strings.
pub fn compact(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let end = string_end(b, i);
                out.push_str(&text[i..end]);
                i = end;
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                let start = i;
                while i < b.len() && !matches!(b[i], b'"' | b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
                out.push_str(&text[start..i]);
            }
        }
    }
    out
}

/// The index just past the string that starts at `start` (a `"`).
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index just past the value that starts at `start`.
fn value_end(b: &[u8], start: usize) -> usize {
    match b.get(start) {
        Some(b'"') => string_end(b, start),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = start;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = string_end(b, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            b.len()
        }
        _ => {
            let mut i = start;
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                i += 1;
            }
            i
        }
    }
}

/// The (raw key, raw value) pairs of the object `text` starts with.
fn object_members(text: &str) -> Option<Vec<(&str, &str)>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b'}') {
        return Some(out);
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = string_end(b, i);
        let key = &text[i..key_end];
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        let end = value_end(b, i);
        out.push((key, &text[i..end]));
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b'}') => return Some(out),
            _ => return None,
        }
    }
}

/// The raw elements of the array `text` (which starts with `[`).
fn array_elements(text: &str) -> Option<Vec<&str>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b']') {
        return Some(out);
    }
    loop {
        let end = value_end(b, i);
        out.push(&text[i..end]);
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b']') => return Some(out),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_is_serde_jsons_pretty() {
        let text = r#"{"a":[1,2.5,{"x":null,"y":[]}],"b":{},"c":"s\"t,:{"}"#;
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(pretty(text), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn compact_keeps_tokens_and_drops_whitespace() {
        assert_eq!(
            compact("{ \"a b\" : 10.50 ,\n \"c\": [ \"\\u00e9\" ] }"),
            r#"{"a b":10.50,"c":["\u00e9"]}"#
        );
    }

    #[test]
    fn members_and_statements_are_found() {
        let text = r#" { "Version" : "2012-10-17", "Statement" : [ {"a": "]"} , {"b": [1, {"c": "}"}]} ] } "#;
        let root = match serde_json::from_str::<Value>(text).unwrap() {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let t = Texts::of(text, &root);
        assert_eq!(t.members.len(), 1);
        assert_eq!(t.members[0].1.text, r#""2012-10-17""#);
        let st: Vec<&str> = t.statements.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(st, vec![r#"{"a":"]"}"#, r#"{"b":[1,{"c":"}"}]}"#]);
    }
}
