//! The DataZone fulfiller as deployed: the names, documents and pipeline steps of its resources
//! (execution role and inline policy, Lambda function, dead-letter queue, EventBridge rule and
//! target, the permission for EventBridge to invoke), shared by `subscription deploy|undeploy|
//! status` and `audit schedule|unschedule`. Everything it creates is derived from the function
//! name, so undeploy removes exactly what deploy created.

use crate::apply::event_rule::{self, EventRule};
use crate::apply::event_source_mapping::{self, EventSourceMapping};
use crate::apply::iam_role::{self, IamRole};
use crate::apply::inline_policy::InlinePolicy;
use crate::apply::lambda_function::{self, LambdaFunction};
use crate::apply::lambda_permission::{self, LambdaPermission};
use crate::apply::sqs_queue::{self, SqsQueue};
use crate::apply::{policy, Plan, Report, Step};
use crate::aws::events::{RuleInfo, TargetInfo};
use crate::aws::lambda::FunctionConfig;
use crate::aws::lease::LEASE_PREFIX;
use crate::error::Result;
use crate::output::{Cell, Row};
use crate::policy::PolicyDocument;
use crate::session::Session;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const DEFAULT_FUNCTION: &str = "lakegate-fulfiller";
/// The inline policy of the execution role that lets the function fulfil grants.
pub const POLICY_NAME: &str = "lakegate-fulfiller";
/// The id of the function in every rule's target.
pub const TARGET_ID: &str = "lakegate";
/// Seconds a failed event is kept in the dead-letter queue (the SQS maximum, 14 days).
pub const DLQ_RETENTION: &str = "1209600";
/// EventBridge's retry policy for delivering an event to the function.
pub const MAX_RETRY_ATTEMPTS: i32 = 8;
pub const MAX_EVENT_AGE_SECONDS: i32 = 3600;
pub const TIMEOUT_SECONDS: i32 = 300;
pub const MEMORY_MB: i32 = 256;

/// The DataZone events the rule delivers (both families: the grant protocol's and the older
/// subscription events). Amazon DataZone User Guide, "Amazon DataZone events".
pub const DETAIL_TYPES: &[&str] = &[
    "Subscription Grant Requested",
    "Subscription Grant Revoke Requested",
    "Subscription Created",
    "Subscription Cancelled",
    "Subscription Revoked",
];

/// Where the fulfiller lives: the partition, region and account of the caller.
#[derive(Debug, Clone)]
pub struct Place {
    pub partition: String,
    pub region: String,
    pub account: String,
}

/// The names of everything deployed for one function.
#[derive(Debug, Clone)]
pub struct Names {
    pub function: String,
    pub role: String,
    pub rule: String,
    pub queue: String,
    pub reconcile_rule: String,
}

impl Names {
    pub fn of(function: &str) -> Self {
        Names {
            function: function.to_string(),
            role: format!("{function}-role"),
            rule: format!("{function}-datazone"),
            queue: format!("{function}-dlq"),
            reconcile_rule: format!("{function}-reconcile"),
        }
    }

    /// The rule of a named audit schedule.
    pub fn audit_rule(&self, name: &str) -> String {
        format!("{}-audit-{name}", self.function)
    }

    /// The inline policy of a named audit schedule.
    pub fn audit_policy(&self, name: &str) -> String {
        format!("lakegate-audit-{name}")
    }

    /// The queue of a fanned-out audit schedule's units.
    pub fn audit_queue(&self, name: &str) -> String {
        format!("{}-audit-{name}", self.function)
    }

    /// The dead-letter queue of the units that failed every delivery.
    pub fn audit_dlq(&self, name: &str) -> String {
        format!("{}-dlq", self.audit_queue(name))
    }
}

/// Deliveries of a fanned-out audit unit before SQS moves it to the dead-letter queue
/// (`audit schedule --max-receive-count`).
pub const UNIT_MAX_RECEIVE: u16 = 3;
/// Seconds a delivered unit stays invisible: six times the function's timeout, as the Lambda
/// Developer Guide advises for an SQS event source ("Using Lambda with Amazon SQS").
pub const UNIT_VISIBILITY_SECONDS: i32 = 6 * TIMEOUT_SECONDS;
/// Units per invocation (run at once, each in its own process; `--batch-size`).
pub const UNIT_BATCH: u8 = 5;
/// Invocations at once for the audit queue (ScalingConfig.MaximumConcurrency,
/// `--max-concurrency`): the bound on how many accounts are audited at the same time.
pub const UNIT_CONCURRENCY: u16 = 10;

/// How the audit queue feeds the function its units: the event source mapping's batch size
/// and maximum concurrency, and the deliveries of a unit before the dead-letter queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitDelivery {
    /// BatchSize: 1-10 for a standard queue without a batching window.
    pub batch_size: u8,
    /// ScalingConfig.MaximumConcurrency: 2-1000 (Lambda API reference, ScalingConfig).
    pub max_concurrency: u16,
    /// The redrive policy's maxReceiveCount: 1-1000.
    pub max_receive: u16,
}

impl UnitDelivery {
    /// `audit schedule`'s --batch-size, --max-concurrency and --max-receive-count (already
    /// within their ranges), the defaults for those not given; refused without --fan-out
    /// (there is no queue then).
    pub fn of(
        batch_size: Option<u8>,
        max_concurrency: Option<u16>,
        max_receive: Option<u16>,
        fan_out: bool,
    ) -> Result<UnitDelivery> {
        let given = [
            ("--batch-size", batch_size.is_some()),
            ("--max-concurrency", max_concurrency.is_some()),
            ("--max-receive-count", max_receive.is_some()),
        ];
        if let (Some((flag, _)), false) = (given.iter().find(|(_, g)| *g), fan_out) {
            return Err(crate::error::input_error(format!(
                "{flag}: only a fanned-out schedule has a queue (add --organization --fan-out to the report options)"
            )));
        }
        let d = UnitDelivery::default();
        Ok(UnitDelivery {
            batch_size: batch_size.unwrap_or(d.batch_size),
            max_concurrency: max_concurrency.unwrap_or(d.max_concurrency),
            max_receive: max_receive.unwrap_or(d.max_receive),
        })
    }
}

impl Default for UnitDelivery {
    fn default() -> Self {
        UnitDelivery {
            batch_size: UNIT_BATCH,
            max_concurrency: UNIT_CONCURRENCY,
            max_receive: UNIT_MAX_RECEIVE,
        }
    }
}
/// SQS queue names are at most 80 characters.
pub const QUEUE_NAME_MAX: usize = 80;

/// `--via access-grants` in a deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grants {
    /// `--location-role`: the role of the locations the function may register (iam:PassRole
    /// on it, and nothing else).
    pub location_role: Option<String>,
}

/// What `subscription deploy` is asked for.
#[derive(Debug, Clone)]
pub struct Spec {
    pub domain: String,
    pub buckets: Vec<String>,
    /// `--via access-point`: the function also creates and edits access points.
    pub access_points: bool,
    /// `--via access-grants`: the function creates and deletes access grants (and registers
    /// locations with the location role, when one is given).
    pub access_grants: Option<Grants>,
    /// `--lock-bucket`: where the leases are, when not in each governed bucket.
    pub lock_bucket: Option<String>,
    /// Arguments added to every handle-event (`--via access-point`, `--access read-write`...).
    pub event_args: Vec<String>,
    /// `--reconcile-every`: a schedule expression for `subscription reconcile`.
    pub reconcile_every: Option<String>,
}

fn arn(p: &Place, service: &str, resource: &str) -> String {
    format!(
        "arn:{}:{service}:{}:{}:{resource}",
        p.partition, p.region, p.account
    )
}

/// The trust policy of the execution role: Lambda may assume it.
pub fn trust_policy() -> PolicyDocument {
    let mut d = PolicyDocument::new();
    d.upsert(json!({
        "Sid": "LambdaAssumesRole",
        "Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }));
    d
}

/// The execution role's inline policy: exactly what the function needs to fulfil the domain's
/// grants on the named buckets.
pub fn role_policy(p: &Place, n: &Names, s: &Spec) -> PolicyDocument {
    let s3 = |r: &str| format!("arn:{}:s3:::{r}", p.partition);
    let log_group = arn(p, "logs", &format!("log-group:/aws/lambda/{}", n.function));
    let mut d = PolicyDocument::new();
    d.upsert(json!({
        "Sid": "Logs",
        "Effect": "Allow",
        "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        "Resource": [log_group.clone(), format!("{log_group}:*")],
    }));
    d.upsert(json!({
        "Sid": "BucketPolicies",
        "Effect": "Allow",
        "Action": ["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
        "Resource": s.buckets.iter().map(|b| s3(b)).collect::<Vec<_>>(),
    }));
    let lease_buckets: Vec<&String> = match &s.lock_bucket {
        Some(b) => vec![b],
        None => s.buckets.iter().collect(),
    };
    d.upsert(json!({
        "Sid": "Leases",
        "Effect": "Allow",
        "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
        "Resource": lease_buckets
            .iter()
            .map(|b| s3(&format!("{b}/{LEASE_PREFIX}*")))
            .collect::<Vec<_>>(),
    }));
    if s.access_points {
        d.upsert(json!({
            "Sid": "AccessPoints",
            "Effect": "Allow",
            "Action": [
                "s3:CreateAccessPoint",
                "s3:GetAccessPoint",
                "s3:GetAccessPointPolicy",
                "s3:PutAccessPointPolicy",
                "s3:DeleteAccessPointPolicy",
            ],
            "Resource": arn(p, "s3", "accesspoint/*"),
        }));
    }
    if let Some(g) = &s.access_grants {
        // The Access Grants instance of the account and Region, and its locations and grants
        // (resource types accessgrantsinstance, accessgrantslocation and accessgrant of the
        // Service Authorization Reference, "Actions, resources, and condition keys for Amazon
        // S3").
        let instance = arn(p, "s3", "access-grants/default");
        d.upsert(json!({
            "Sid": "AccessGrants",
            "Effect": "Allow",
            "Action": [
                "s3:GetAccessGrantsInstance",
                "s3:ListAccessGrantsLocations",
                "s3:GetAccessGrantsLocation",
                "s3:ListAccessGrants",
                "s3:CreateAccessGrant",
                "s3:DeleteAccessGrant",
            ],
            "Resource": [instance.clone(), format!("{instance}/*")],
        }));
        if let Some(role) = &g.location_role {
            d.upsert(json!({
                "Sid": "AccessGrantsLocations",
                "Effect": "Allow",
                "Action": "s3:CreateAccessGrantsLocation",
                "Resource": instance,
            }));
            d.upsert(json!({
                "Sid": "PassLocationRole",
                "Effect": "Allow",
                "Action": "iam:PassRole",
                "Resource": role,
                "Condition": {"StringEquals": {"iam:PassedToService": "access-grants.s3.amazonaws.com"}},
            }));
        }
    }
    let domain = arn(p, "datazone", &format!("domain/{}", s.domain));
    d.upsert(json!({
        "Sid": "DataZoneRead",
        "Effect": "Allow",
        "Action": [
            "datazone:GetSubscriptionRequestDetails",
            "datazone:GetSubscriptionGrant",
            "datazone:GetSubscription",
            "datazone:GetListing",
            "datazone:GetSubscriptionTarget",
            "datazone:ListEnvironments",
            "datazone:ListSubscriptionTargets",
            "datazone:ListSubscriptions",
            "datazone:ListSubscriptionGrants",
        ],
        "Resource": domain.clone(),
    }));
    d.upsert(json!({
        "Sid": "DataZoneGrantStatus",
        "Effect": "Allow",
        "Action": "datazone:UpdateSubscriptionGrantStatus",
        "Resource": domain,
    }));
    d.upsert(json!({
        "Sid": "DeadLetterQueue",
        "Effect": "Allow",
        "Action": "sqs:SendMessage",
        "Resource": arn(p, "sqs", &n.queue),
    }));
    d
}

/// The dead-letter queue's policy: the rule's target may send the events it could not deliver.
pub fn queue_policy(p: &Place, n: &Names) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "EventBridgeDeadLetters",
            "Effect": "Allow",
            "Principal": {"Service": "events.amazonaws.com"},
            "Action": "sqs:SendMessage",
            "Resource": arn(p, "sqs", &n.queue),
            "Condition": {"ArnEquals": {"aws:SourceArn": arn(p, "events", &format!("rule/{}", n.rule))}},
        }],
    })
}

/// The rule's event pattern: the domain's subscription events.
pub fn event_pattern(domain: &str) -> Value {
    json!({
        "source": ["aws.datazone"],
        "detail-type": DETAIL_TYPES,
        "detail": {"metadata": {"domain": [domain]}},
    })
}

/// The function's configuration.
pub fn function_config(p: &Place, n: &Names, s: &Spec) -> FunctionConfig {
    let mut env = BTreeMap::new();
    let mut args = s.event_args.clone();
    if let Some(b) = &s.lock_bucket {
        args.push("--lock-bucket".into());
        args.push(b.clone());
    }
    if !args.is_empty() {
        env.insert("LAKEGATE_EVENT_ARGS".to_string(), args.join(" "));
    }
    FunctionConfig {
        role: format!("arn:{}:iam::{}:role/{}", p.partition, p.account, n.role),
        runtime: "provided.al2023".into(),
        handler: "bootstrap".into(),
        architecture: "x86_64".into(),
        timeout: TIMEOUT_SECONDS,
        memory_size: MEMORY_MB,
        environment: env,
        dead_letter_arn: Some(arn(p, "sqs", &n.queue)),
    }
}

fn function(p: &Place, n: &Names) -> LambdaFunction {
    LambdaFunction::new(&p.partition, &p.region, &p.account, &n.function)
}

/// A rule that sends events (or a constant job) to the function.
fn rule_state(
    p: &Place,
    n: &Names,
    description: &str,
    pattern: Option<Value>,
    schedule: Option<String>,
    input: Option<Value>,
    dead_letters: bool,
) -> event_rule::RuleState {
    event_rule::state(&RuleInfo {
        arn: String::new(),
        description: Some(description.to_string()),
        event_pattern: pattern.map(|v| v.to_string()),
        schedule_expression: schedule,
        enabled: true,
        target: Some(TargetInfo {
            id: TARGET_ID.into(),
            arn: function(p, n).arn,
            input: input.map(|v| v.to_string()),
            max_retry_attempts: Some(MAX_RETRY_ATTEMPTS),
            max_event_age_seconds: Some(MAX_EVENT_AGE_SECONDS),
            dead_letter_arn: dead_letters.then(|| arn(p, "sqs", &n.queue)),
        }),
    })
}

/// A rule, its permission to invoke the function, as two steps (create order).
fn rule_steps<'a>(
    p: &Place,
    n: &Names,
    rule: &str,
    state: Option<event_rule::RuleState>,
) -> [Step<'a>; 2] {
    let r = EventRule::new(&p.partition, &p.region, &p.account, rule);
    let f = function(p, n);
    let perm = LambdaPermission::new(&f.arn, &n.function, rule);
    let perm_state = state
        .as_ref()
        .map(|_| lambda_permission::state("events.amazonaws.com", &r.arn));
    [Step::set(r, state), Step::set(perm, perm_state)]
}

/// Every step of a deploy, in create order: queue, role, its policy, function, rule and
/// permission (and the reconcile schedule when asked for; removed when not).
pub fn deploy_steps<'a>(p: &Place, n: &Names, s: &Spec, zip: Vec<u8>) -> Vec<Step<'a>> {
    let role = IamRole::new(&p.partition, &p.account, &n.role);
    let inline = InlinePolicy::of_role(&role.arn, &n.role, POLICY_NAME);
    let mut f = function(p, n);
    let sha = crate::package::code_sha256(&zip);
    f.zip = Some(zip);
    let q = SqsQueue::new(&p.partition, &p.region, &p.account, &n.queue);
    let mut steps = vec![
        Step::set(q, Some(sqs_queue::state(queue_policy(p, n), DLQ_RETENTION))),
        Step::set(
            role,
            Some(iam_role::state(
                &n.role,
                &trust_policy(),
                "lakegate: the DataZone fulfiller function's execution role",
            )),
        ),
        Step::new(inline, policy::replace(role_policy(p, n, s))),
        Step::set(
            f,
            Some(lambda_function::state(&function_config(p, n, s), &sha)),
        ),
    ];
    steps.extend(rule_steps(
        p,
        n,
        &n.rule,
        Some(rule_state(
            p,
            n,
            &format!(
                "lakegate: DataZone subscription events of {} to the fulfiller",
                s.domain
            ),
            Some(event_pattern(&s.domain)),
            None,
            None,
            true,
        )),
    ));
    let reconcile = s.reconcile_every.as_ref().map(|every| {
        let mut job = vec![
            "subscription".to_string(),
            "reconcile".into(),
            "--domain".into(),
            s.domain.clone(),
            "--yes".into(),
        ];
        job.extend(s.event_args.iter().cloned());
        rule_state(
            p,
            n,
            &format!("lakegate: subscription reconcile of {}", s.domain),
            None,
            Some(every.clone()),
            Some(json!({ "lakegate": job })),
            true,
        )
    });
    steps.extend(rule_steps(p, n, &n.reconcile_rule, reconcile));
    steps
}

/// Every resource a deploy may have created, each as the step that deletes it, in delete order
/// (the reverse of create order).
pub fn resources<'a>(p: &Place, n: &Names) -> Vec<Step<'a>> {
    let role = IamRole::new(&p.partition, &p.account, &n.role);
    let inline = InlinePolicy::of_role(&role.arn, &n.role, POLICY_NAME);
    let f = function(p, n);
    let mut out = Vec::new();
    for rule in [&n.reconcile_rule, &n.rule] {
        let r = EventRule::new(&p.partition, &p.region, &p.account, rule);
        out.push(Step::set(
            LambdaPermission::new(&f.arn, &n.function, rule),
            None,
        ));
        out.push(Step::set(r, None));
    }
    out.push(Step::set(f, None));
    out.push(Step::set(inline, None));
    out.push(Step::set(role, None));
    out.push(Step::set(
        SqsQueue::new(&p.partition, &p.region, &p.account, &n.queue),
        None,
    ));
    out
}

/// The steps that remove everything a deploy created.
pub fn undeploy_steps<'a>(p: &Place, n: &Names) -> Vec<Step<'a>> {
    resources(p, n)
}

/// The steps of an audit schedule: its rule (a constant job as input), its permission and the
/// inline policy that lets the function run the report. `None` removes them.
pub fn audit_schedule_steps<'a>(
    p: &Place,
    n: &Names,
    name: &str,
    schedule: Option<(String, Vec<String>, PolicyDocument)>,
) -> Vec<Step<'a>> {
    let role = IamRole::new(&p.partition, &p.account, &n.role);
    let inline = InlinePolicy::of_role(&role.arn, &n.role, &n.audit_policy(name));
    let rule = n.audit_rule(name);
    let (state, doc) = match schedule {
        Some((cron, args, doc)) => {
            let mut job = vec!["audit".to_string(), "report".into()];
            job.extend(args);
            (
                Some(rule_state(
                    p,
                    n,
                    &format!("lakegate: audit report '{name}'"),
                    None,
                    Some(cron),
                    Some(json!({ "lakegate": job })),
                    false,
                )),
                Some(doc),
            )
        }
        None => (None, None),
    };
    let removing = state.is_none();
    let [rule_step, perm_step] = rule_steps(p, n, &rule, state);
    let policy_step = Step::set(inline, policy::state(doc));
    if removing {
        vec![perm_step, rule_step, policy_step]
    } else {
        vec![policy_step, rule_step, perm_step]
    }
}

/// The queues and the event source mapping of a fanned-out audit schedule, in create order
/// (`Some`: how the queue feeds the function) or delete order (`None`): the dead-letter queue,
/// the work queue (redrive after `max_receive` deliveries) and the mapping that feeds the
/// function its units.
pub fn fleet_steps<'a>(
    p: &Place,
    n: &Names,
    name: &str,
    delivery: Option<&UnitDelivery>,
) -> Vec<Step<'a>> {
    let dlq = SqsQueue::new(&p.partition, &p.region, &p.account, &n.audit_dlq(name));
    let queue = SqsQueue::new(&p.partition, &p.region, &p.account, &n.audit_queue(name));
    let f = function(p, n);
    let esm = EventSourceMapping::new(&f.arn, &n.function, &queue.arn);
    let Some(d) = delivery else {
        return vec![
            Step::set(esm, None),
            Step::set(queue, None),
            Step::set(dlq, None),
        ];
    };
    let work = sqs_queue::work_queue_state(
        DLQ_RETENTION,
        &UNIT_VISIBILITY_SECONDS.to_string(),
        &dlq.arn,
        u32::from(d.max_receive),
    );
    let dead = sqs_queue::state(Value::Null, DLQ_RETENTION);
    vec![
        Step::set(dlq, Some(dead)),
        Step::set(queue, Some(work)),
        Step::set(
            esm,
            Some(event_source_mapping::state(
                i32::from(d.batch_size),
                i32::from(d.max_concurrency),
            )),
        ),
    ]
}

/// What the role needs besides [`audit_policy`] to plan and run a fanned-out organization
/// audit: the organization's accounts and policies, the member role in every account, the
/// run's objects (read and list too: plans, markers, manifests), and exactly its two queues
/// (send for the planner; receive, delete and attributes for the event source mapping and
/// `audit status`).
pub fn fleet_policy(
    d: &mut PolicyDocument,
    p: &Place,
    n: &Names,
    name: &str,
    member_role: &str,
    upload: (&str, &str),
) {
    let (bucket, prefix) = upload;
    d.upsert(json!({
        "Sid": "AuditOrganization",
        "Effect": "Allow",
        "Action": [
            "organizations:DescribeOrganization",
            "organizations:ListAccounts",
            "organizations:ListParents",
            "organizations:ListPoliciesForTarget",
            "organizations:DescribePolicy",
        ],
        "Resource": "*",
    }));
    d.upsert(json!({
        "Sid": "AuditMemberRole",
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Resource": format!("arn:{}:iam::*:role/{member_role}", p.partition),
    }));
    d.upsert(json!({
        "Sid": "AuditRunObjects",
        "Effect": "Allow",
        "Action": ["s3:GetObject", "s3:PutObject"],
        "Resource": format!("arn:{}:s3:::{bucket}/{prefix}*", p.partition),
    }));
    d.upsert(json!({
        "Sid": "AuditRunList",
        "Effect": "Allow",
        "Action": "s3:ListBucket",
        "Resource": format!("arn:{}:s3:::{bucket}", p.partition),
        "Condition": {"StringLike": {"s3:prefix": format!("{prefix}*")}},
    }));
    let queue = arn(p, "sqs", &n.audit_queue(name));
    let dlq = arn(p, "sqs", &n.audit_dlq(name));
    d.upsert(json!({
        "Sid": "AuditQueue",
        "Effect": "Allow",
        "Action": [
            "sqs:SendMessage",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes",
        ],
        "Resource": queue,
    }));
    d.upsert(json!({
        "Sid": "AuditDeadLetters",
        "Effect": "Allow",
        "Action": ["sqs:GetQueueUrl", "sqs:GetQueueAttributes"],
        "Resource": dlq,
    }));
}

/// The Athena table a scheduled report (or a fanned-out run's finisher) creates or brings up
/// to date: `DB.TABLE`, the workgroup its DDL runs in, and where Athena writes the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableAccess {
    pub database: String,
    pub table: String,
    /// None: `primary`.
    pub workgroup: Option<String>,
    /// `(bucket, prefix)` of the query results.
    pub results: (String, String),
}

impl TableAccess {
    /// The report's --create-table, --workgroup and --output-location; the results go to
    /// `athena-results/` under the `upload` prefix when no --output-location is given (as the
    /// report does).
    pub fn of(
        table: &crate::values::TableName,
        workgroup: Option<&crate::values::NonEmpty>,
        output_location: Option<&crate::values::OutputLocation>,
        upload: (&str, &str),
    ) -> TableAccess {
        let results = match output_location {
            Some(o) => {
                let rest = o.as_str().trim_start_matches("s3://");
                let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
                (bucket.to_string(), prefix.to_string())
            }
            None => (upload.0.to_string(), format!("{}athena-results/", upload.1)),
        };
        TableAccess {
            database: table.database.clone(),
            table: table.table.clone(),
            workgroup: workgroup.map(ToString::to_string),
            results,
        }
    }
}

/// What the role needs to create or alter exactly this table with Athena DDL and read it back,
/// and nothing else: StartQueryExecution / GetQueryExecution in its workgroup, GetTableMetadata
/// in the AwsDataCatalog; in the Glue Data Catalog, GetDatabase and CreateDatabase (`CREATE
/// DATABASE IF NOT EXISTS`) on its database, GetDatabase on `default` (the context of a
/// statement that names no database), GetTable, CreateTable and UpdateTable (`ALTER TABLE …
/// SET TBLPROPERTIES`) on its table; and the results location (Amazon Athena User Guide,
/// "Configure access to databases and tables in the AWS Glue Data Catalog" and "Access to
/// Amazon S3").
pub fn table_policy(d: &mut PolicyDocument, p: &Place, t: &TableAccess) {
    let glue = |r: &str| format!("arn:{}:glue:{}:{}:{r}", p.partition, p.region, p.account);
    let workgroup = t.workgroup.as_deref().unwrap_or("primary");
    d.upsert(json!({
        "Sid": "AuditTableQueries",
        "Effect": "Allow",
        "Action": ["athena:StartQueryExecution", "athena:GetQueryExecution"],
        "Resource": arn(p, "athena", &format!("workgroup/{workgroup}")),
    }));
    d.upsert(json!({
        "Sid": "AuditTableMetadata",
        "Effect": "Allow",
        "Action": "athena:GetTableMetadata",
        "Resource": arn(p, "athena", "datacatalog/AwsDataCatalog"),
    }));
    d.upsert(json!({
        "Sid": "AuditTableDatabase",
        "Effect": "Allow",
        "Action": ["glue:GetDatabase", "glue:CreateDatabase"],
        "Resource": [glue("catalog"), glue(&format!("database/{}", t.database))],
    }));
    d.upsert(json!({
        "Sid": "AuditTableDefaultDatabase",
        "Effect": "Allow",
        "Action": "glue:GetDatabase",
        "Resource": [glue("catalog"), glue("database/default")],
    }));
    d.upsert(json!({
        "Sid": "AuditTable",
        "Effect": "Allow",
        "Action": ["glue:GetTable", "glue:CreateTable", "glue:UpdateTable"],
        "Resource": [
            glue("catalog"),
            glue(&format!("database/{}", t.database)),
            glue(&format!("table/{}/{}", t.database, t.table)),
        ],
    }));
    let (bucket, prefix) = (&t.results.0, &t.results.1);
    d.upsert(json!({
        "Sid": "AuditTableResults",
        "Effect": "Allow",
        "Action": [
            "s3:GetObject",
            "s3:PutObject",
            "s3:AbortMultipartUpload",
            "s3:ListMultipartUploadParts",
        ],
        "Resource": format!("arn:{}:s3:::{bucket}/{prefix}*", p.partition),
    }));
    d.upsert(json!({
        "Sid": "AuditTableResultsBucket",
        "Effect": "Allow",
        "Action": ["s3:GetBucketLocation", "s3:ListBucket"],
        "Resource": format!("arn:{}:s3:::{bucket}", p.partition),
    }));
}

/// What the role needs to run `audit report` and upload it: read every bucket and access point
/// policy, list the analyzer's findings, write under the upload prefix.
pub fn audit_policy(p: &Place, upload: Option<(&str, &str)>) -> PolicyDocument {
    let mut d = PolicyDocument::new();
    d.upsert(json!({
        "Sid": "AuditRead",
        "Effect": "Allow",
        "Action": [
            "s3:ListAllMyBuckets",
            "s3:GetBucketPolicy",
            "s3:ListAccessPoints",
            "s3:GetAccessPointPolicy",
            "access-analyzer:ListAnalyzers",
            "access-analyzer:ListFindings",
            "access-analyzer:ListFindingsV2",
            "access-analyzer:GetFinding",
            "access-analyzer:GetFindingV2",
        ],
        "Resource": "*",
    }));
    if let Some((bucket, prefix)) = upload {
        d.upsert(json!({
            "Sid": "AuditUpload",
            "Effect": "Allow",
            "Action": ["s3:PutObject"],
            "Resource": format!("arn:{}:s3:::{bucket}/{prefix}*", p.partition),
        }));
    }
    d
}

/// One deployed resource and what happened to it.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceRow {
    pub kind: String,
    pub resource: String,
    /// created, updated, deleted, unchanged, absent (status) or present (status)
    pub result: String,
}

impl Row for ResourceRow {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["KIND", "RESOURCE", "RESULT"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.kind.clone().into(),
            self.resource.clone().into(),
            self.result.clone().into(),
        ]
    }
}

/// The rows of an applied report: each step's resource and its change.
pub fn rows_of(report: &Report) -> Vec<ResourceRow> {
    report
        .steps
        .iter()
        .filter(|s| s.changed || s.exists)
        .map(|s| {
            let change = report
                .plan
                .changes
                .iter()
                .find(|c| c.target == s.target && c.resource == s.resource)
                .map(|c| c.action);
            let result = match (s.changed, change) {
                (true, Some(crate::plan::ChangeAction::Create)) => "created",
                (true, Some(crate::plan::ChangeAction::Delete)) => "deleted",
                (true, _) => "updated",
                (false, _) => "unchanged",
            };
            ResourceRow {
                kind: s.target.label().to_string(),
                resource: s.resource.clone(),
                result: result.into(),
            }
        })
        .collect()
}

/// Where the caller's fulfiller lives.
pub async fn place(session: &Session) -> Result<Place> {
    let aws = session.aws().await?;
    Ok(Place {
        partition: aws.partition.to_string(),
        region: aws.region.clone(),
        account: session.account().await?,
    })
}

/// What people read once a plan of the fulfiller's resources is applied.
pub struct Said {
    /// The result line when something changed (or always, when `unchanged` is `None`).
    pub done: String,
    /// The status line when nothing changed.
    pub unchanged: Option<String>,
    /// Show the resource rows even when nothing changed.
    pub always_rows: bool,
}

/// Apply a plan of the fulfiller's resources and print what happened: nothing more on a dry run
/// (the pipeline printed the plan); for scripts the one document `document` builds from whether
/// anything changed and the resource rows; for people the rows and the line `said` chooses.
/// The tail of `subscription deploy|undeploy` and `audit schedule|unschedule`.
pub async fn apply_and_print(
    session: &Session,
    plan: Plan<'_>,
    said: Said,
    document: impl FnOnce(bool, &[ResourceRow]) -> Value,
) -> Result<()> {
    let report = session.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    let rows = rows_of(&report);
    let changed = report.changed();
    let printer = &session.printer;
    printer.result(&document(changed, &rows), || {
        if changed || said.always_rows {
            printer.rows(&rows)?;
        }
        match said.unchanged {
            Some(line) if !changed => {
                printer.status(line);
                Ok(())
            }
            _ => printer.done(said.done),
        }
    })
}

/// An audit schedule as `audit schedule` asks for it, its report's options already checked.
#[derive(Debug, Clone)]
pub struct AuditSchedule {
    /// The schedule's name.
    pub name: crate::values::FunctionName,
    /// Its EventBridge schedule expression.
    pub cron: crate::values::ScheduleExpression,
    /// The deployed function that runs the report.
    pub function_name: crate::values::FunctionName,
    /// The `audit report` arguments the job runs.
    pub job: Vec<String>,
    /// The report's --upload location: (bucket, prefix).
    pub upload: (String, String),
    /// Whether the job fans the run out (--organization --fan-out).
    pub fan_out: bool,
    /// The report's --member-role, with --fan-out.
    pub member_role: Option<String>,
    /// How the audit queue feeds the function, with --fan-out.
    pub delivery: UnitDelivery,
    /// The report's --create-table, its workgroup and results location.
    pub table: Option<TableAccess>,
}

/// Put an audit schedule in place: the rule and its target, the invoke permission, the role's
/// inline policy, and with `fan_out` its queues and event source mapping; print the outcome.
pub async fn schedule_audit(session: &Session, args: &AuditSchedule) -> Result<()> {
    let (bucket, prefix) = (&args.upload.0, &args.upload.1);
    let place = place(session).await?;
    let names = Names::of(&args.function_name);
    if session
        .aws()
        .await?
        .function(&names.function)
        .await?
        .is_none()
    {
        return Err(crate::error::input_error(format!(
            "function {} is not deployed: run `lakegate subscription deploy` first (or pass --function-name)",
            names.function
        )));
    }
    let mut doc = audit_policy(&place, Some((bucket, prefix)));
    let mut job = args.job.clone();
    if args.fan_out {
        let queue = names.audit_dlq(&args.name);
        if queue.len() > QUEUE_NAME_MAX {
            return Err(crate::error::input_error(format!(
                "--name: the queue {queue} would be longer than SQS allows (80): use a shorter --name or --function-name"
            )));
        }
        let role = args.member_role.as_deref().unwrap_or_default();
        fleet_policy(&mut doc, &place, &names, &args.name, role, (bucket, prefix));
        job.extend(["--queue".to_string(), names.audit_queue(&args.name)]);
    }
    if let Some(t) = &args.table {
        table_policy(&mut doc, &place, t);
    }
    let mut plan = Plan::new(format!("audit schedule {}", args.name));
    plan.steps = audit_schedule_steps(
        &place,
        &names,
        &args.name,
        Some((args.cron.to_string(), job, doc)),
    );
    // The policy first (the mapping needs its queue permissions), then the queues and the
    // mapping, then the rule; a schedule that no longer fans out loses its queues.
    let fleet = fleet_steps(
        &place,
        &names,
        &args.name,
        args.fan_out.then_some(&args.delivery),
    );
    if args.fan_out {
        plan.steps.splice(1..1, fleet);
    } else {
        plan.steps.extend(fleet);
    }
    let said = Said {
        done: format!(
            "audit report '{}' runs {} in {}, uploading to s3://{bucket}/{prefix}",
            args.name, args.cron, args.function_name
        ),
        unchanged: None,
        always_rows: true,
    };
    apply_and_print(session, plan, said, |changed, rows| {
        serde_json::json!({
            "schedule": args.name,
            "rule": names.audit_rule(&args.name),
            "expression": args.cron,
            "changed": changed,
            "resources": rows,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place {
        Place {
            partition: "aws".into(),
            region: "us-east-1".into(),
            account: "123456789012".into(),
        }
    }

    fn spec() -> Spec {
        Spec {
            domain: "dzd_abc".into(),
            buckets: vec!["lake".into()],
            access_points: false,
            access_grants: None,
            lock_bucket: None,
            event_args: vec![],
            reconcile_every: None,
        }
    }

    #[test]
    fn the_role_policy_allows_exactly_what_the_function_needs() {
        let d = role_policy(&place(), &Names::of("f"), &spec()).to_value();
        let sids: Vec<&str> = d["Statement"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["Sid"].as_str().unwrap())
            .collect();
        assert_eq!(
            sids,
            [
                "Logs",
                "BucketPolicies",
                "Leases",
                "DataZoneRead",
                "DataZoneGrantStatus",
                "DeadLetterQueue"
            ]
        );
        assert_eq!(
            d["Statement"][2]["Resource"][0],
            "arn:aws:s3:::lake/.lakegate/locks/*"
        );
        assert_eq!(
            d["Statement"][4]["Resource"],
            "arn:aws:datazone:us-east-1:123456789012:domain/dzd_abc"
        );
        let mut s = spec();
        s.access_points = true;
        s.lock_bucket = Some("locks".into());
        let d = role_policy(&place(), &Names::of("f"), &s).to_value();
        assert_eq!(
            d["Statement"][2]["Resource"][0],
            "arn:aws:s3:::locks/.lakegate/locks/*"
        );
        assert_eq!(d["Statement"][3]["Sid"], "AccessPoints");
    }

    #[test]
    fn access_grants_add_exactly_their_permissions_and_pass_only_the_location_role() {
        let sids = |s: &Spec| -> Vec<String> {
            role_policy(&place(), &Names::of("f"), s).to_value()["Statement"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["Sid"].as_str().unwrap().to_string())
                .collect()
        };
        assert!(!sids(&spec()).iter().any(|s| s.starts_with("AccessGrants")));
        let mut s = spec();
        s.access_grants = Some(Grants {
            location_role: None,
        });
        let d = role_policy(&place(), &Names::of("f"), &s).to_value();
        let ag = d["Statement"][3].clone();
        assert_eq!(ag["Sid"], "AccessGrants");
        assert_eq!(
            ag["Resource"],
            json!([
                "arn:aws:s3:us-east-1:123456789012:access-grants/default",
                "arn:aws:s3:us-east-1:123456789012:access-grants/default/*"
            ])
        );
        assert!(!ag["Action"]
            .to_string()
            .contains("CreateAccessGrantsLocation"));
        assert!(!d.to_string().contains("iam:PassRole"));
        let role = "arn:aws:iam::123456789012:role/ag-location";
        s.access_grants = Some(Grants {
            location_role: Some(role.into()),
        });
        let d = role_policy(&place(), &Names::of("f"), &s).to_value();
        let pass = d["Statement"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["Action"] == "iam:PassRole")
            .unwrap()
            .clone();
        assert_eq!(pass["Resource"], role);
        assert_eq!(
            sids(&s)[3..6],
            ["AccessGrants", "AccessGrantsLocations", "PassLocationRole"]
        );
    }

    #[test]
    fn names_are_derived_from_the_function() {
        let n = Names::of("lf");
        assert_eq!(
            (n.role.as_str(), n.rule.as_str(), n.queue.as_str()),
            ("lf-role", "lf-datazone", "lf-dlq")
        );
        assert_eq!(n.audit_rule("weekly"), "lf-audit-weekly");
    }
}
