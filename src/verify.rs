//! What a read-back after a policy write says: the document written is in place, or another
//! writer changed the policy at the same time (bucket and access point policies have no
//! conditional write, so lakegate can only find out afterwards, and say so).

use crate::policy::PolicyDocument;
use serde_json::Value;

/// The verdict of a read-back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadBack {
    /// The document read back is the one written.
    Verified,
    /// It differs: `appeared` are statements neither written by lakegate nor read before the
    /// write (another writer's), `missing` are statements lakegate wrote that are not there.
    Changed {
        appeared: Vec<String>,
        missing: Vec<String>,
    },
}

fn statements(d: Option<&PolicyDocument>) -> Vec<Value> {
    d.map(|d| d.statements().into_iter().cloned().collect())
        .unwrap_or_default()
}

/// A statement as a user finds it: its Sid, else its position and effect.
fn label(st: &Value, index: usize) -> String {
    match st.get("Sid").and_then(Value::as_str) {
        Some(sid) if !sid.is_empty() => sid.to_string(),
        _ => format!(
            "statement #{} ({})",
            index + 1,
            st.get("Effect").and_then(Value::as_str).unwrap_or("?")
        ),
    }
}

/// Compare the document read back with the one written (and the one read just before writing).
pub fn compare(
    before: Option<&PolicyDocument>,
    written: Option<&PolicyDocument>,
    after: Option<&PolicyDocument>,
) -> ReadBack {
    let (before, written, after) = (statements(before), statements(written), statements(after));
    if written == after {
        return ReadBack::Verified;
    }
    let appeared = after
        .iter()
        .enumerate()
        .filter(|(_, s)| !written.contains(s) && !before.contains(s))
        .map(|(i, s)| label(s, i))
        .collect();
    let missing = written
        .iter()
        .enumerate()
        .filter(|(_, s)| !after.contains(s))
        .map(|(i, s)| label(s, i))
        .collect();
    ReadBack::Changed { appeared, missing }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(sts: Value) -> PolicyDocument {
        PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": sts})).unwrap()
    }

    #[test]
    fn the_same_statements_verify() {
        let d = doc(
            json!([{"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]),
        );
        assert_eq!(compare(None, Some(&d), Some(&d)), ReadBack::Verified);
    }

    #[test]
    fn another_writers_statement_is_named_and_ours_missing_too() {
        let a = json!({"Sid": "Ours", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"});
        let h = json!({"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"});
        let written = doc(json!([a]));
        let after = doc(json!([h]));
        assert_eq!(
            compare(None, Some(&written), Some(&after)),
            ReadBack::Changed {
                appeared: vec!["statement #1 (Deny)".into()],
                missing: vec!["Ours".into()],
            }
        );
    }
}
