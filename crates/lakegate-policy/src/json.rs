//! JSON parsing that refuses duplicate object keys.
//!
//! RFC 8259 leaves duplicate names undefined and serde_json keeps the last one silently, so
//! `{"Effect":"Deny","Effect":"Allow"}` would be read as an Allow, and an edit would write it back
//! as one. A policy tool must not guess which value the author (or AWS) meant: such a document is
//! refused, naming the element that holds the duplicate.

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// The first duplicate key found: the path of the object that holds it, and the key.
type Found = RefCell<Option<(String, String)>>;

struct Seed<'a> {
    path: String,
    found: &'a Found,
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Seed {
            path: format!("{}[{}]", self.path, out.len()),
            found: self.found,
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                *self.found.borrow_mut() = Some((self.path.clone(), key));
                return Err(de::Error::custom("duplicate key"));
            }
            let v = map.next_value_seed(Seed {
                path: child(&self.path, &key),
                found: self.found,
            })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Why a text is not a policy's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all (serde_json's message, with line and column).
    Syntax(String),
    /// An object holds the same key twice: the object's path (`Statement[0]`; empty for the
    /// document itself) and the key.
    Duplicate { path: String, key: String },
}

/// Parse JSON text into a [`Value`] (key order kept), refusing duplicate keys.
pub fn parse_strict(text: &str) -> Result<Value, JsonError> {
    let found = Found::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let r = Seed {
        path: String::new(),
        found: &found,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match r {
        Ok(v) => Ok(v),
        Err(e) => match found.into_inner() {
            Some((path, key)) => Err(JsonError::Duplicate { path, key }),
            None => Err(JsonError::Syntax(e.to_string())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_as_serde_json_when_keys_are_unique() {
        let text = r#"{"b":[1,2.5,-3,{"x":null,"y":true}],"a":"s"}"#;
        let strict = parse_strict(text).unwrap();
        let plain: Value = serde_json::from_str(text).unwrap();
        assert_eq!(strict, plain);
        assert_eq!(serde_json::to_string(&strict).unwrap(), text);
    }

    #[test]
    fn duplicates_are_named_with_their_path() {
        let e = parse_strict(r#"{"Statement":[{"Sid":"a"},{"Effect":"Deny","Effect":"Allow"}]}"#)
            .unwrap_err();
        assert_eq!(
            e,
            JsonError::Duplicate {
                path: "Statement[1]".into(),
                key: "Effect".into()
            }
        );
        let e = parse_strict(r#"{"Version":"1","Version":"2"}"#).unwrap_err();
        assert_eq!(
            e,
            JsonError::Duplicate {
                path: String::new(),
                key: "Version".into()
            }
        );
        let e = parse_strict(r#"{"Statement":{"Condition":{"StringEquals":{"k":"1","k":"2"}}}}"#)
            .unwrap_err();
        assert_eq!(
            e,
            JsonError::Duplicate {
                path: "Statement.Condition.StringEquals".into(),
                key: "k".into()
            }
        );
    }

    #[test]
    fn syntax_errors_and_trailing_text() {
        assert!(matches!(parse_strict("{"), Err(JsonError::Syntax(_))));
        assert!(matches!(parse_strict("{} x"), Err(JsonError::Syntax(_))));
        let deep = "[".repeat(10_000);
        assert!(matches!(parse_strict(&deep), Err(JsonError::Syntax(_))));
    }
}
