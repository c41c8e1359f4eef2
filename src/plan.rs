//! A plan as people and scripts see it: every change with its before/after state. One shape
//! for every verb: `{dry_run, changes: [{target, resource, action, before, after}]}`.
//!
//! [`Target`] is also the one place resource kinds are registered: a new kind is a variant here
//! and one file in `src/apply/` implementing `apply::Resource`.

use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    BucketPolicy,
    AccessPointPolicy,
    AccessPoint,
    RouteTable,
    UserInlinePolicy,
    SecurityGroup,
    VpcEndpoint,
    S3Object,
    AthenaTable,
    IamRole,
    RoleInlinePolicy,
    LambdaFunction,
    LambdaPermission,
    EventRule,
    SqsQueue,
    SubscriptionTarget,
}

impl Target {
    pub fn label(self) -> &'static str {
        match self {
            Target::BucketPolicy => "bucket policy",
            Target::AccessPointPolicy => "access point policy",
            Target::AccessPoint => "access point",
            Target::RouteTable => "route table",
            Target::UserInlinePolicy => "inline policy",
            Target::SecurityGroup => "security group",
            Target::VpcEndpoint => "VPC endpoint",
            Target::S3Object => "S3 object",
            Target::AthenaTable => "Athena table",
            Target::IamRole => "IAM role",
            Target::RoleInlinePolicy => "role inline policy",
            Target::LambdaFunction => "Lambda function",
            Target::LambdaPermission => "Lambda permission",
            Target::EventRule => "EventBridge rule",
            Target::SqsQueue => "SQS queue",
            Target::SubscriptionTarget => "subscription target",
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
    /// The resource's id (an ARN or an AWS id).
    pub resource: String,
    pub action: ChangeAction,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// The (before, after) texts people read in the diff, when not the JSON (routes).
    #[serde(skip)]
    pub display: Option<(String, String)>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub changes: Vec<Change>,
}

impl Plan {
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
