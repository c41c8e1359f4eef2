//! What the policy kinds share: a document as a state, keyed edits of it, size checks.

use super::Edit;
use crate::error::{input_error, Result};
use crate::policy::{PolicyDocument, PolicyKind};
use serde_json::Value;

/// A document as a resource state: AWS has no empty policy, so one without a statement is none.
pub fn state(doc: Option<&PolicyDocument>) -> Option<Value> {
    doc.filter(|d| !d.is_empty()).map(PolicyDocument::to_value)
}

/// The document of a state (an empty one when there is none).
pub fn document(state: Option<&Value>) -> Result<PolicyDocument> {
    match state {
        Some(v) => Ok(PolicyDocument::from_value(v.clone())?),
        None => Ok(PolicyDocument::new()),
    }
}

/// A keyed edit of a policy document: `edit` gets the current document (an empty one when
/// there is no policy).
pub fn edit<'a>(edit: impl Fn(&mut PolicyDocument) -> Result<()> + 'a) -> Edit<'a> {
    Box::new(move |cur| {
        let mut doc = document(cur)?;
        edit(&mut doc)?;
        Ok(state(Some(&doc)))
    })
}

/// Put exactly `doc` in place (a rollback).
pub fn replace<'a>(doc: PolicyDocument) -> Edit<'a> {
    Box::new(move |_| Ok(state(Some(&doc))))
}

/// Refuse a document over its AWS size limit, naming the resource.
pub fn check(kind: PolicyKind, resource: &str, after: &Value) -> Result<()> {
    let doc = PolicyDocument::from_value(after.clone())?;
    doc.check_size(kind)
        .map_err(|e| input_error(format!("{resource}: {e}")))
}

/// The document to write.
pub fn parse(state: &Value) -> Result<PolicyDocument> {
    Ok(PolicyDocument::from_value(state.clone())?)
}

/// What another writer changed, from a read-back (see `crate::verify`).
pub fn differences(
    before: Option<&Value>,
    written: Option<&Value>,
    after: Option<&Value>,
) -> Option<String> {
    let doc = |v: Option<&Value>| v.and_then(|v| PolicyDocument::from_value(v.clone()).ok());
    let (b, w, a) = (doc(before), doc(written), doc(after));
    match crate::verify::compare(b.as_ref(), w.as_ref(), a.as_ref()) {
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
