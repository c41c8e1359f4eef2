//! Policy history and rollback, shared by `bucket policy` and `accesspoint` verbs.

use super::{print_edit, Ctx, EditResult, PolicyRef};
use crate::apply::Plan;
use crate::error::{failed, input_error, Result};
use crate::output::{Cell, Row};
use crate::policy::PolicyDocument;
use crate::state::{HistoryEntry, StateStore};

impl Row for HistoryEntry {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["VERSION", "SAVED AT", "STATEMENTS", "BYTES", "BEFORE"];
        if wide {
            h.push("RESOURCE");
        }
        h
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let (count, bytes) = match &self.policy {
            Some(p) => {
                let n = match p.get("Statement") {
                    Some(serde_json::Value::Array(a)) => a.len(),
                    Some(_) => 1,
                    None => 0,
                };
                (
                    n.to_string(),
                    serde_json::to_string(p)
                        .unwrap_or_default()
                        .len()
                        .to_string(),
                )
            }
            None => ("-".into(), "(no policy)".into()),
        };
        let mut c: Vec<Cell> = vec![
            self.version.to_string().into(),
            self.saved_at.clone().into(),
            count.into(),
            bytes.into(),
            self.reason.clone().into(),
        ];
        if wide {
            c.push(self.resource.clone().into());
        }
        c
    }
}

/// Print the kept documents of a policy, oldest first.
pub fn show(ctx: &Ctx, pref: &PolicyRef, what: &str) -> Result<()> {
    let entries = StateStore::open()?.history(pref.arn())?;
    ctx.printer.rows_or(&entries, || {
        format!("no history for {what}: lakegate has not changed its policy from this machine")
    })
}

/// Restore version `to` (default: the latest) of a policy. The replaced document is kept too.
pub async fn rollback(ctx: &Ctx, pref: &PolicyRef, what: &str, to: Option<u32>) -> Result<()> {
    let history = StateStore::open()?.history(pref.arn())?;
    let entry = match to {
        Some(n) => history.iter().find(|e| e.version == n).ok_or_else(|| {
            input_error(format!(
                "--to {n}: {what} has no history version {n} (versions: {})",
                if history.is_empty() {
                    "none".to_string()
                } else {
                    history
                        .iter()
                        .map(|e| e.version.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ))
        })?,
        None => history
            .last()
            .ok_or_else(|| failed(format!("{what} has no policy history to roll back to")))?,
    };
    let restored = match &entry.policy {
        Some(v) => PolicyDocument::from_value(v.clone()).map_err(|e| {
            failed(format!(
                "history version {} cannot be read: {e}",
                entry.version
            ))
        })?,
        None => PolicyDocument::new(),
    };
    let reason = format!("rollback --to {}", entry.version);
    let (step, outcome) = pref.step(crate::apply::policy::replace(restored));
    let plan = Plan::new(reason).step(step).confirming(format!(
        "replace the {} of {what} with version {}",
        pref.target().label(),
        entry.version
    ));
    let result = EditResult::of(&ctx.apply(plan).await?, pref, &outcome);
    print_edit(
        ctx,
        &result,
        &format!(
            "{} of {what} restored to version {}",
            pref.target().label(),
            entry.version
        ),
        &format!(
            "{} of {what} already matches version {}; nothing changed",
            pref.target().label(),
            entry.version
        ),
    )
}
