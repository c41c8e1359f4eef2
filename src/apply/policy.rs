//! What the policy kinds share: a document as a state (a `PolicyDocument` from read to write),
//! keyed edits of it, size checks.

use super::Edit;
use crate::error::{input_error, Result};
use crate::policy::{PolicyDocument, PolicyKind};

/// A document as a resource state: AWS has no empty policy, so one without a statement is none.
pub fn state(doc: Option<PolicyDocument>) -> Option<PolicyDocument> {
    doc.filter(|d| !d.is_empty())
}

/// The document of a state (an empty one when there is none).
pub fn document(state: Option<&PolicyDocument>) -> PolicyDocument {
    state.cloned().unwrap_or_default()
}

/// A keyed edit of a policy document: `edit` gets the current document (an empty one when
/// there is no policy).
pub fn edit<'a>(edit: impl Fn(&mut PolicyDocument) -> Result<()> + 'a) -> Edit<'a, PolicyDocument> {
    Box::new(move |cur| {
        let mut doc = document(cur);
        edit(&mut doc)?;
        Ok(state(Some(doc)))
    })
}

/// Put exactly `doc` in place (a rollback).
pub fn replace<'a>(doc: PolicyDocument) -> Edit<'a, PolicyDocument> {
    Box::new(move |_| Ok(state(Some(doc.clone()))))
}

/// Refuse a document over its AWS size limit, naming the resource.
pub fn check(kind: PolicyKind, resource: &str, after: &PolicyDocument) -> Result<()> {
    after
        .check_size(kind)
        .map_err(|e| input_error(format!("{resource}: {e}")))
}

/// What another writer changed, from a read-back (see `crate::verify`).
pub fn differences(
    before: Option<&PolicyDocument>,
    written: Option<&PolicyDocument>,
    after: Option<&PolicyDocument>,
) -> Option<String> {
    match crate::verify::compare(before, written, after) {
        crate::verify::ReadBack::Verified => None,
        crate::verify::ReadBack::Changed { appeared, missing } => {
            let mut what = Vec::new();
            if !appeared.is_empty() {
                what.push(format!("{} appeared", appeared.join(", ")));
            }
            if !missing.is_empty() {
                what.push(format!("lakegate's {} missing", missing.join(", ")));
            }
            Some(what.join("; "))
        }
    }
}

/// The network condition keys (`aws:SourceVpce`, …) `before` uses more often than `after`: a
/// restriction on where requests come from, lifted (None: none is).
pub fn lifted_network_conditions(
    before: Option<&PolicyDocument>,
    after: Option<&PolicyDocument>,
) -> Option<String> {
    let count = |d: Option<&PolicyDocument>, key: &str| {
        d.map(|d| {
            d.to_json()
                .to_ascii_lowercase()
                .matches(&format!("\"{key}\""))
                .count()
        })
        .unwrap_or(0)
    };
    let lifted: Vec<&str> = crate::policy::eval::delta::NETWORK_KEYS
        .iter()
        .copied()
        .filter(|k| count(before, k) > count(after, k))
        .collect();
    (!lifted.is_empty()).then(|| lifted.join(", "))
}
