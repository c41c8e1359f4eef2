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

/// The document last read of each resource (by id), for its text: a state is a JSON value, which
/// holds `10.50` as `10.5` and `"\u00e9"` as `"é"`, so the text of what another tool wrote is
/// taken back from the read when the document is written ([`to_write`]).
static READ: std::sync::Mutex<Vec<(String, PolicyDocument)>> = std::sync::Mutex::new(Vec::new());

/// Remember the document just read of `resource`, and give its state.
pub fn read_state(resource: &str, doc: Option<PolicyDocument>) -> Option<Value> {
    let state = state(doc.as_ref());
    if let Ok(mut read) = READ.lock() {
        read.retain(|(r, _)| r != resource);
        if let Some(d) = doc {
            read.push((resource.to_string(), d));
        }
    }
    state
}

/// The document to write to `resource`: every statement (and top-level member) that is the same
/// as in the document last read keeps the text it was read with, byte for byte.
pub fn to_write(resource: &str, state: &Value) -> Result<PolicyDocument> {
    let mut doc = parse(state)?;
    if let Ok(read) = READ.lock() {
        if let Some((_, r)) = read.iter().find(|(r, _)| r == resource) {
            doc.keep_text_of(r);
        }
    }
    Ok(doc)
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
