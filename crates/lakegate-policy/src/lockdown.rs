//! The private-Athena lockdown of a user's identity policy (pure): every statement the user calls
//! directly (Athena, Glue) is made to require `StringEquals aws:SourceVpce`, and every statement
//! Athena calls on the user's behalf (S3, Glue) `ForAnyValue:StringEquals aws:CalledVia
//! athena.amazonaws.com` — the final policy of the "restricting users to run Amazon Athena
//! queries" walkthrough. Statements that are not Allow statements on those services are kept.

use super::document::{string_list, PolicyDocument, PolicyError};
use serde::Serialize;
use serde_json::{Map, Value};

pub const SOURCE_VPCE_OP: &str = "StringEquals";
pub const SOURCE_VPCE_KEY: &str = "aws:SourceVpce";
pub const CALLED_VIA_OP: &str = "ForAnyValue:StringEquals";
pub const CALLED_VIA_KEY: &str = "aws:CalledVia";
pub const ATHENA_SERVICE_PRINCIPAL: &str = "athena.amazonaws.com";

/// Which condition a statement gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Guard {
    /// The user calls these actions directly: only through the VPC endpoint.
    SourceVpce,
    /// Athena calls these actions on the user's behalf: only via Athena.
    CalledVia,
}

impl Guard {
    pub fn label(self) -> &'static str {
        match self {
            Guard::SourceVpce => "aws:SourceVpce",
            Guard::CalledVia => "aws:CalledVia",
        }
    }
}

/// What the lockdown decided for one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementGuard {
    /// Position in the rewritten document.
    pub index: usize,
    pub sid: Option<String>,
    /// None: the statement is kept as it is (see `note`).
    pub guard: Option<Guard>,
    /// Whether the statement carries its guard with this endpoint (status) or was added (lockdown).
    pub conditioned: bool,
    pub note: Option<String>,
}

fn service(action: &str) -> &str {
    match action.split_once(':') {
        Some((svc, _)) => svc,
        None => action,
    }
}

fn has_condition(st: &Value, op: &str, key: &str, value: Option<&str>) -> bool {
    let Some(block) = st.pointer("/Condition").and_then(|c| c.get(op)) else {
        return false;
    };
    let Some(obj) = block.as_object() else {
        return false;
    };
    obj.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case(key)
            && match value {
                None => true,
                Some(want) => {
                    let vals = string_list(Some(v));
                    !vals.is_empty() && vals.iter().all(|x| x == want)
                }
            }
    })
}

/// The guard a statement needs, or why it gets none. `twin_seen` tells a Glue statement whether a
/// Glue statement with the same actions and resources came before it (the walkthrough's
/// `…ViaVPCE` / `…ViaAthena` pair).
fn classify(st: &Value, twin_before: bool) -> Result<Guard, String> {
    if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
        return Err("not an Allow statement; kept".into());
    }
    if st.get("NotAction").is_some() {
        return Err("uses NotAction; not conditioned (name its actions instead)".into());
    }
    let actions = string_list(st.get("Action"));
    if actions.is_empty() {
        return Err("has no Action; kept".into());
    }
    // An explicit guard already present decides (re-running a lockdown changes nothing).
    if has_condition(st, SOURCE_VPCE_OP, SOURCE_VPCE_KEY, None) {
        return Ok(Guard::SourceVpce);
    }
    if has_condition(st, CALLED_VIA_OP, CALLED_VIA_KEY, None) {
        return Ok(Guard::CalledVia);
    }
    let mut athena = false;
    let mut glue = false;
    let mut s3 = false;
    for a in &actions {
        match service(a).to_ascii_lowercase().as_str() {
            "athena" => athena = true,
            "glue" => glue = true,
            "s3" => s3 = true,
            _ => {
                return Err(format!(
                    "allows {a}, which is neither Athena, Glue nor S3; not conditioned"
                ))
            }
        }
    }
    match (athena, glue, s3) {
        (true, _, true) => {
            Err("mixes Athena and S3 actions; split it so each part gets its condition".into())
        }
        (true, _, false) => Ok(Guard::SourceVpce),
        (false, _, true) => Ok(Guard::CalledVia),
        (false, true, false) => {
            let sid = st
                .get("Sid")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_ascii_lowercase();
            if sid.contains("viaathena") {
                Ok(Guard::CalledVia)
            } else if sid.contains("vpce") || !twin_before {
                Ok(Guard::SourceVpce)
            } else {
                Ok(Guard::CalledVia)
            }
        }
        (false, false, false) => Err("has no action; kept".into()),
    }
}

fn glue_key(st: &Value) -> Option<(Vec<String>, Vec<String>)> {
    let actions = string_list(st.get("Action"));
    if actions.is_empty()
        || !actions
            .iter()
            .all(|a| service(a).eq_ignore_ascii_case("glue"))
    {
        return None;
    }
    let mut a = actions;
    a.sort();
    let mut r = string_list(st.get("Resource"));
    r.sort();
    Some((a, r))
}

fn set_guard(st: &mut Value, guard: Guard, vpce: &str) {
    let (op, key, value) = match guard {
        Guard::SourceVpce => (SOURCE_VPCE_OP, SOURCE_VPCE_KEY, vpce),
        Guard::CalledVia => (CALLED_VIA_OP, CALLED_VIA_KEY, ATHENA_SERVICE_PRINCIPAL),
    };
    let Some(obj) = st.as_object_mut() else {
        return;
    };
    let cond = obj
        .entry("Condition")
        .or_insert_with(|| Value::Object(Map::new()));
    if !cond.is_object() {
        *cond = Value::Object(Map::new());
    }
    let Some(cond) = cond.as_object_mut() else {
        return;
    };
    let block = cond.entry(op).or_insert_with(|| Value::Object(Map::new()));
    if !block.is_object() {
        *block = Value::Object(Map::new());
    }
    if let Some(block) = block.as_object_mut() {
        // Replace any spelling of the key (condition keys are case-insensitive).
        let existing: Vec<String> = block
            .keys()
            .filter(|k| k.eq_ignore_ascii_case(key))
            .cloned()
            .collect();
        for k in existing {
            block.remove(&k);
        }
        block.insert(
            key.to_string(),
            Value::Array(vec![Value::String(value.to_string())]),
        );
    }
}

fn statement_list(doc: &PolicyDocument) -> (Vec<Value>, bool) {
    let v = doc.to_value();
    match v.get("Statement") {
        Some(Value::Array(a)) => (a.clone(), false),
        Some(o @ Value::Object(_)) => (vec![o.clone()], true),
        _ => (Vec::new(), false),
    }
}

/// Rewrite `doc` for the endpoint `vpce`. Idempotent: locking a locked-down document changes
/// nothing. A lone Glue statement is split in two (the user's direct calls, and Athena's calls
/// on the user's behalf, under the Sid suffixed `ViaAthena`).
pub fn lock_down(
    doc: &PolicyDocument,
    vpce: &str,
) -> Result<(PolicyDocument, Vec<StatementGuard>), PolicyError> {
    let (statements, single) = statement_list(doc);
    let mut out: Vec<Value> = Vec::new();
    let mut report = Vec::new();
    // Glue statements with a twin (same actions and resources) are a pair already.
    let keys: Vec<Option<_>> = statements.iter().map(glue_key).collect();
    for (i, st) in statements.iter().enumerate() {
        let twin_before = keys[i]
            .as_ref()
            .is_some_and(|k| keys[..i].iter().any(|o| o.as_ref() == Some(k)));
        let twin_after = keys[i]
            .as_ref()
            .is_some_and(|k| keys[i + 1..].iter().any(|o| o.as_ref() == Some(k)));
        let sid = st.get("Sid").and_then(Value::as_str).map(str::to_owned);
        match classify(st, twin_before) {
            Ok(guard) => {
                let mut new = st.clone();
                set_guard(&mut new, guard, vpce);
                let lone_glue = keys[i].is_some()
                    && !twin_before
                    && !twin_after
                    && guard == Guard::SourceVpce
                    && !has_condition(st, SOURCE_VPCE_OP, SOURCE_VPCE_KEY, None);
                out.push(new);
                report.push(StatementGuard {
                    index: out.len() - 1,
                    sid: sid.clone(),
                    guard: Some(guard),
                    conditioned: true,
                    note: None,
                });
                if lone_glue {
                    let mut via = st.clone();
                    if let Some(o) = via.as_object_mut() {
                        let new_sid = format!("{}ViaAthena", sid.as_deref().unwrap_or("Glue"));
                        o.insert("Sid".into(), Value::String(new_sid.clone()));
                        set_guard(&mut via, Guard::CalledVia, vpce);
                        out.push(via);
                        report.push(StatementGuard {
                            index: out.len() - 1,
                            sid: Some(new_sid),
                            guard: Some(Guard::CalledVia),
                            conditioned: true,
                            note: Some(
                                "Glue as called by Athena (split from the one above)".into(),
                            ),
                        });
                    }
                }
            }
            Err(note) => {
                out.push(st.clone());
                report.push(StatementGuard {
                    index: out.len() - 1,
                    sid,
                    guard: None,
                    conditioned: st.get("Effect").and_then(Value::as_str) != Some("Allow"),
                    note: Some(note),
                });
            }
        }
    }
    let mut root = doc.to_value();
    if let Some(o) = root.as_object_mut() {
        let value = if single && out.len() == 1 {
            out.pop().unwrap_or(Value::Null)
        } else {
            Value::Array(out)
        };
        o.insert("Statement".into(), value);
    }
    Ok((PolicyDocument::from_value(root)?, report))
}

/// Check a document without changing it: does every Allow statement carry the guard it needs,
/// with this endpoint?
pub fn check(doc: &PolicyDocument, vpce: &str) -> Vec<StatementGuard> {
    let (statements, _) = statement_list(doc);
    let keys: Vec<Option<_>> = statements.iter().map(glue_key).collect();
    statements
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let twin_before = keys[i]
                .as_ref()
                .is_some_and(|k| keys[..i].iter().any(|o| o.as_ref() == Some(k)));
            let sid = st.get("Sid").and_then(Value::as_str).map(str::to_owned);
            match classify(st, twin_before) {
                Ok(guard) => {
                    let ok = match guard {
                        Guard::SourceVpce => {
                            has_condition(st, SOURCE_VPCE_OP, SOURCE_VPCE_KEY, Some(vpce))
                        }
                        Guard::CalledVia => has_condition(
                            st,
                            CALLED_VIA_OP,
                            CALLED_VIA_KEY,
                            Some(ATHENA_SERVICE_PRINCIPAL),
                        ),
                    };
                    StatementGuard {
                        index: i,
                        sid,
                        guard: Some(guard),
                        conditioned: ok,
                        note: (!ok).then(|| format!("needs {}", guard.label())),
                    }
                }
                Err(note) => StatementGuard {
                    index: i,
                    sid,
                    guard: None,
                    conditioned: st.get("Effect").and_then(Value::as_str) != Some("Allow"),
                    note: Some(note),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BEFORE: &str = include_str!("../../../tests/fixtures/athena_user_policy.json");
    const AFTER: &str = include_str!("../../../tests/fixtures/athena_user_policy_locked.json");
    const VPCE: &str = "vpce-0123456789abcdef0";

    fn after() -> Value {
        serde_json::from_str(&AFTER.replace("<<your vpce id>>", VPCE)).unwrap()
    }

    #[test]
    fn the_walkthrough_policy_becomes_its_final_form() {
        let before = PolicyDocument::parse(BEFORE).unwrap();
        let (locked, report) = lock_down(&before, VPCE).unwrap();
        assert_eq!(locked.to_value(), after());
        let guards: Vec<_> = report.iter().map(|r| r.guard).collect();
        assert_eq!(
            guards,
            vec![
                Some(Guard::SourceVpce),
                Some(Guard::SourceVpce),
                Some(Guard::SourceVpce),
                Some(Guard::CalledVia),
                Some(Guard::CalledVia)
            ]
        );
        assert!(check(&locked, VPCE).iter().all(|c| c.conditioned));
        assert!(check(&before, VPCE).iter().all(|c| !c.conditioned));
    }

    #[test]
    fn lockdown_is_idempotent() {
        let before = PolicyDocument::parse(BEFORE).unwrap();
        let (once, _) = lock_down(&before, VPCE).unwrap();
        let (twice, _) = lock_down(&once, VPCE).unwrap();
        assert_eq!(once, twice);
    }

    #[test]
    fn another_endpoint_is_not_locked_down_and_is_replaced() {
        let before = PolicyDocument::parse(BEFORE).unwrap();
        let (locked, _) = lock_down(&before, VPCE).unwrap();
        assert!(!check(&locked, "vpce-other").iter().all(|c| c.conditioned));
        let (relocked, _) = lock_down(&locked, "vpce-other").unwrap();
        assert!(check(&relocked, "vpce-other").iter().all(|c| c.conditioned));
    }

    #[test]
    fn a_lone_glue_statement_is_split_and_others_are_kept() {
        let doc = PolicyDocument::from_value(json!({
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": "Glue", "Effect": "Allow", "Action": "glue:GetTable", "Resource": "*"},
                {"Sid": "Deny", "Effect": "Deny", "Action": "s3:*", "Resource": "*"},
                {"Sid": "Sts", "Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"},
                {"Sid": "Mixed", "Effect": "Allow", "Action": ["athena:GetTable", "s3:GetObject"], "Resource": "*"}
            ]
        }))
        .unwrap();
        let (locked, report) = lock_down(&doc, VPCE).unwrap();
        assert_eq!(
            locked.sids(),
            vec!["Glue", "GlueViaAthena", "Deny", "Sts", "Mixed"]
        );
        let st = locked.statement("GlueViaAthena").unwrap();
        assert_eq!(
            st.pointer("/Condition/ForAnyValue:StringEquals/aws:CalledVia/0"),
            Some(&json!("athena.amazonaws.com"))
        );
        assert_eq!(locked.statement("Deny"), doc.statement("Deny"));
        assert!(report[3].note.as_deref().unwrap().contains("sts:"));
        assert!(report[4].note.as_deref().unwrap().contains("split"));
        let checks = check(&locked, VPCE);
        assert!(checks[0].conditioned && checks[1].conditioned && checks[2].conditioned);
        assert!(!checks[3].conditioned && !checks[4].conditioned);
        // Idempotent even after the split.
        let (again, _) = lock_down(&locked, VPCE).unwrap();
        assert_eq!(again, locked);
    }

    #[test]
    fn other_conditions_are_kept() {
        let doc = PolicyDocument::from_value(json!({
            "Version": "2012-10-17",
            "Statement": {"Effect": "Allow", "Action": "athena:GetQueryResults", "Resource": "*",
                "Condition": {"Bool": {"aws:SecureTransport": "true"}}}
        }))
        .unwrap();
        let (locked, _) = lock_down(&doc, VPCE).unwrap();
        let v = locked.to_value();
        assert_eq!(
            v["Statement"]["Condition"],
            json!({"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:SourceVpce": [VPCE]}})
        );
    }
}
