//! A plan as people and scripts see it: every change with its before/after state. One shape
//! for every verb: `{dry_run, changes: [{target, resource, action, before, after}]}`.
//!
//! A resource kind is named by its [`ResourceKind`], declared in the kind's own file in
//! `src/apply/` (a new kind is that one file implementing `apply::Resource`).

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

/// The kinds still named here by the code that looks steps up by id (the subscription engine
/// and the audit upload), until they take their steps' outcomes instead.
pub type Target = ResourceKind;

#[allow(non_upper_case_globals)]
impl ResourceKind {
    pub const BucketPolicy: ResourceKind = ResourceKind::new("bucket-policy", "bucket policy");
    pub const AccessPointPolicy: ResourceKind =
        ResourceKind::new("access-point-policy", "access point policy");
    pub const AccessPoint: ResourceKind = ResourceKind::new("access-point", "access point");
    pub const S3Object: ResourceKind = ResourceKind::new("s3-object", "S3 object");
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
    pub changes: &'a [Change],
}
