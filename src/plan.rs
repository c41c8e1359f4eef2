//! Pure planning: desired state vs current state → a `Plan` of changes, each with its
//! before/after documents. Every mutating command builds a Plan; --dry-run prints it and stops.

use crate::output::{render_diff, Printer};
use crate::policy::{PolicyDocument, PolicyKind};
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    BucketPolicy,
    AccessPointPolicy,
    AccessPoint,
}

impl Target {
    pub fn label(self) -> &'static str {
        match self {
            Target::BucketPolicy => "bucket policy",
            Target::AccessPointPolicy => "access point policy",
            Target::AccessPoint => "access point",
        }
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
    pub target: Target,
    /// The ARN of the bucket or access point.
    pub resource: String,
    pub action: ChangeAction,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub changes: Vec<Change>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn push(&mut self, change: Change) {
        self.changes.push(change);
    }

    /// Plan the move of a policy from `before` to `after`: nothing when equal, a delete when the
    /// new document has no statement (AWS has no empty policy), a create or update otherwise.
    pub fn policy(
        &mut self,
        target: Target,
        resource: &str,
        before: Option<&PolicyDocument>,
        after: &PolicyDocument,
    ) {
        let action = match (before, after.is_empty()) {
            (None, true) => return,
            (Some(b), false) if b == after => return,
            (Some(_), true) => ChangeAction::Delete,
            (None, false) => ChangeAction::Create,
            (Some(_), false) => ChangeAction::Update,
        };
        self.push(Change {
            target,
            resource: resource.to_string(),
            action,
            before: before.map(PolicyDocument::to_value),
            after: (!after.is_empty()).then(|| after.to_value()),
        });
    }

    /// Refuse documents over their AWS size limit, before any call.
    pub fn check_sizes(&self) -> crate::error::Result<()> {
        for c in &self.changes {
            let kind = match c.target {
                Target::BucketPolicy => PolicyKind::Bucket,
                Target::AccessPointPolicy => PolicyKind::AccessPoint,
                Target::AccessPoint => continue,
            };
            if let Some(after) = &c.after {
                let doc = PolicyDocument::from_value(after.clone())?;
                doc.check_size(kind)
                    .map_err(|e| crate::error::input_error(format!("{}: {e}", c.resource)))?;
            }
        }
        Ok(())
    }

    /// Print the plan: a diff per change for people, the plan itself for scripts.
    pub fn print(&self, printer: &Printer) -> crate::error::Result<()> {
        if printer.is_structured() {
            #[derive(Serialize)]
            struct DryRun<'a> {
                dry_run: bool,
                changes: &'a [Change],
            }
            return printer.value(&DryRun {
                dry_run: true,
                changes: &self.changes,
            });
        }
        let mut out = String::new();
        if self.changes.is_empty() {
            out.push_str("No changes: the current state already matches.\n");
        }
        for c in &self.changes {
            let verb = match c.action {
                ChangeAction::Create => printer.paint("32", "create"),
                ChangeAction::Update => printer.paint("33", "update"),
                ChangeAction::Delete => printer.paint("31", "delete"),
            };
            out.push_str(&format!("{verb} {} {}\n", c.target.label(), c.resource));
            let pretty = |v: &Option<Value>| {
                v.as_ref()
                    .map(|v| serde_json::to_string_pretty(v).unwrap_or_default() + "\n")
                    .unwrap_or_default()
            };
            let (b, a) = (pretty(&c.before), pretty(&c.after));
            if !(b.is_empty() && a.is_empty()) {
                out.push_str(&render_diff(&b, &a, c.target.label(), printer.color));
            }
        }
        out.push_str("Dry run: nothing was changed.\n");
        print!("{out}");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(v: Value) -> PolicyDocument {
        PolicyDocument::from_value(v).unwrap()
    }

    #[test]
    fn equal_documents_plan_nothing() {
        let d = doc(
            json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}),
        );
        let mut p = Plan::default();
        p.policy(Target::BucketPolicy, "arn:aws:s3:::b", Some(&d), &d);
        assert!(p.is_empty());
    }

    #[test]
    fn emptied_document_plans_a_delete() {
        let d = doc(
            json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}),
        );
        let mut p = Plan::default();
        p.policy(
            Target::BucketPolicy,
            "arn:aws:s3:::b",
            Some(&d),
            &PolicyDocument::new(),
        );
        assert_eq!(p.changes[0].action, ChangeAction::Delete);
        assert!(p.changes[0].after.is_none());
    }

    #[test]
    fn new_document_plans_a_create() {
        let d = doc(
            json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}),
        );
        let mut p = Plan::default();
        p.policy(Target::AccessPointPolicy, "arn", None, &d);
        assert_eq!(p.changes[0].action, ChangeAction::Create);
    }
}
