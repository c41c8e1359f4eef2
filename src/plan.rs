//! A plan as people and scripts see it: every change with its before/after state, and what it
//! does to access. One shape for every verb: `{dry_run, changes: [{target, resource, action,
//! before, after}], delta: [{change, principal, …}]}` (`delta` when the plan touches a bucket
//! or access point policy).
//!
//! A resource kind is named by its [`ResourceKind`], declared in the kind's own file in
//! `src/apply/` (a new kind is that one file implementing `apply::Resource`).

use crate::policy::eval::delta::DeltaRow;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// A kind of resource lakegate changes: its name in plans, history and JSON ("bucket-policy")
/// and its label for people ("bucket policy").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceKind {
    pub name: &'static str,
    pub label: &'static str,
}

impl ResourceKind {
    pub const fn new(name: &'static str, label: &'static str) -> Self {
        ResourceKind { name, label }
    }

    pub fn label(self) -> &'static str {
        self.label
    }
}

impl Serialize for ResourceKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeAction {
    Create,
    Update,
    Delete,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub target: ResourceKind,
    /// The resource's id (an ARN or an AWS id).
    pub resource: String,
    pub action: ChangeAction,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// The (before, after) texts people read in the diff, when not the JSON (routes).
    #[serde(skip)]
    pub display: Option<(String, String)>,
}

/// The changes a plan makes, as printed (what a verb asks for is an `apply::Plan`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Changes {
    pub changes: Vec<Change>,
    /// The access delta: who gains and who loses which keys, through which route. None when
    /// the plan touches no bucket or access point policy; empty when it changes no access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<Vec<DeltaRow>>,
    /// What the delta could not take into account (a policy that could not be read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub delta_notes: Vec<String>,
    /// Principals whose access changes though the command does not name them (or names them
    /// for other keys): the change's impact on other applications.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_changes: Vec<String>,
    /// The plan's own account of what it does to access beyond the policies the delta reads
    /// (`accessgrant migrate`: the grants that replace the statements removed), for scripts …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Value>,
    /// … and for people, printed after the delta.
    #[serde(skip)]
    pub explanation_text: String,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The document a dry run prints for scripts.
#[derive(Debug, Clone, Serialize)]
pub struct DryRun<'a> {
    pub dry_run: bool,
    #[serde(flatten)]
    pub plan: &'a Changes,
}
