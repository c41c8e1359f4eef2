//! `accessgrant migrate`: move the grants lakegate wrote in a bucket policy (or an access point
//! policy) to S3 Access Grants, the way past the 20 KB policy limit.
//!
//! One plan, applied in order by the pipeline: the location that covers each prefix when none
//! does (with `--location-role`, as `subscription --via access-grants` registers it), the grants,
//! THEN the policy without the moved statements. A failure stops the plan where it is: grants
//! made before the policy write leave every principal its access (twice, until the same command
//! runs again). Which statements move, and whether each principal's access to each prefix is the
//! same afterwards, is `lakegate_policy::migrate` (exact model); the plan carries it as its
//! `explanation`, printed after the access delta (which, reading policies only, shows the moved
//! access as lost).

use crate::apply::access::PlannedAccess;
use crate::apply::access_grant::GrantState;
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::bucket_policy::BucketPolicy;
use crate::apply::{Plan, Step};
use crate::aws::access_grants::{GrantPermission, GranteeKind};
use crate::aws::iam::IdentityKind;
use crate::error::{failed, input_error, Result};
use crate::output::table::{render_cells, wrap};
use crate::output::Printer;
use crate::policy::migrate::{self, Analysis, Equivalence, Kept, Permission, Source};
use crate::policy::subscription::S3Location;
use crate::policy::PolicyDocument;
use crate::session::Session;
use crate::subscription::access_grants::{self as ag, Grantee};
use crate::values::AccessPointRef;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// What to migrate.
#[derive(Debug, Clone)]
pub struct MigrateOptions {
    pub bucket: String,
    /// The access point whose policy holds the grants (None: the bucket policy).
    pub access_point: Option<AccessPointRef>,
    /// The role a location registered for the bucket uses, when no location covers a prefix.
    pub location_role: Option<String>,
}

/// What a migration did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct Migration {
    pub bucket: String,
    pub access_point: Option<String>,
    /// The policy the statements were in (its ARN).
    pub policy: String,
    pub dry_run: bool,
    /// Whether anything changed (a repeat: false).
    pub changed: bool,
    /// The grants made, one per principal and prefix, with the statements they replace.
    pub grants: Vec<migrate::Move>,
    /// The statements removed from the policy.
    pub removed: Vec<String>,
    /// The statements that stay, each with its reason.
    pub kept: Vec<Kept>,
    /// As in the plan: per principal and prefix the access before and after by the exact model
    /// (`equivalence`), the kept statements, whether each grantee may call `s3:GetDataAccess`,
    /// and notes.
    pub explanation: Value,
    /// The same for people (printed after the plan in dry runs and prompts).
    #[serde(skip)]
    pub explanation_text: String,
}

fn permission(p: Permission) -> GrantPermission {
    match p {
        Permission::Read => GrantPermission::Read,
        Permission::Write => GrantPermission::Write,
        Permission::ReadWrite => GrantPermission::Readwrite,
    }
}

/// Both permissions' access (a grant the principal already has is widened, never narrowed).
fn union(a: GrantPermission, b: GrantPermission) -> GrantPermission {
    if a == b {
        a
    } else {
        GrantPermission::Readwrite
    }
}

/// The statements' policy: where they are, its resource kind, and the document.
struct Read {
    source: Source,
    policy_arn: String,
    access_point: Option<crate::aws::s3control::AccessPointInfo>,
    account: String,
    doc: PolicyDocument,
}

async fn read(session: &Session, opts: &MigrateOptions) -> Result<Read> {
    let aws = session.aws().await?;
    let bucket = &opts.bucket;
    match &opts.access_point {
        Some(r) => {
            let (account, info) = session.resolve_access_point(r).await?;
            if info.bucket != *bucket {
                return Err(input_error(format!(
                    "--access-point {}: it serves bucket {}, not --bucket {bucket}",
                    info.name, info.bucket
                )));
            }
            let doc = aws
                .access_point_policy(&account, &info.name)
                .await?
                .filter(|d| !d.is_empty())
                .ok_or_else(|| {
                    input_error(format!(
                        "--access-point {}: the access point has no policy: nothing to migrate",
                        info.name
                    ))
                })?;
            Ok(Read {
                source: Source::AccessPoint {
                    arn: info.arn.clone(),
                },
                policy_arn: info.arn.clone(),
                access_point: Some(info),
                account,
                doc,
            })
        }
        None => {
            let account = session.account().await?;
            let doc = aws
                .bucket_policy(bucket)
                .await?
                .filter(|d| !d.is_empty())
                .ok_or_else(|| {
                    input_error(format!(
                        "--bucket {bucket}: the bucket has no policy: nothing to migrate"
                    ))
                })?;
            let arn = crate::policy::arn::bucket_arn(aws.partition, bucket);
            Ok(Read {
                source: Source::Bucket { arn: arn.clone() },
                policy_arn: arn,
                access_point: None,
                account,
                doc,
            })
        }
    }
}

/// Plan the migration and hand it to the pipeline.
pub async fn migrate(session: &Session, opts: &MigrateOptions) -> Result<Migration> {
    let aws = session.aws().await?;
    let read = read(session, opts).await?;
    let account = read.account.clone();
    let instance = ag::check_instance(aws, &account, None, "accessgrant migrate").await?;
    let analysis = migrate::analyse(&read.doc, &read.source, &account);
    let data_access = data_access(session, &analysis, &instance.arn).await?;

    // Where each prefix's grants go (a location registered by the plan when none covers it).
    let mut placed: BTreeMap<String, ag::Placed> = BTreeMap::new();
    for m in &analysis.moves {
        if !placed.contains_key(&m.prefix) {
            let loc = S3Location {
                bucket: opts.bucket.clone(),
                prefix: m.prefix.clone(),
            };
            let p = ag::place(aws, &account, &loc, opts.location_role.as_deref()).await?;
            placed.insert(m.prefix.clone(), p);
        }
    }

    // The locations, then the grants, then the policy: in that order.
    let mut plan = Plan::new("accessgrant migrate");
    let mut registered: Vec<String> = Vec::new();
    for p in placed.values() {
        if p.register.is_some() && !registered.contains(&p.location) {
            registered.push(p.location.clone());
            if let Some((step, _)) = ag::location_step(&account, p) {
                plan.push(step);
            }
        }
    }
    for m in &analysis.moves {
        let p = &placed[&m.prefix];
        let wanted = permission(m.permission);
        let state = ag::grant_state(p, wanted);
        let edit = Box::new(move |cur: Option<&GrantState>| {
            let mut s = state.clone();
            if let Some(c) = cur {
                s.permission = union(c.permission, wanted);
            }
            Ok(Some(s))
        });
        let grantee = Grantee {
            kind: GranteeKind::Iam,
            id: m.principal.clone(),
        };
        let (step, _) = ag::grant_step(&account, p, &grantee, edit);
        plan.push(step);
    }
    let remove = analysis.remove.clone();
    let strip = move |cur: Option<&PolicyDocument>| {
        let mut d = crate::apply::policy::document(cur);
        migrate::strip(&mut d, &remove);
        Ok(crate::apply::policy::state(Some(d)))
    };
    let policy_step = match &read.access_point {
        Some(info) => Step::new(AccessPointPolicy::of(&account, info), Box::new(strip)),
        None => Step::new(BucketPolicy::new(aws, &opts.bucket), Box::new(strip)),
    };
    plan.push(policy_step);
    if !analysis.remove.is_empty() {
        let principals: Vec<String> = analysis.moves.iter().map(|m| m.principal.clone()).collect();
        let prefixes: Vec<String> = analysis.moves.iter().map(|m| m.prefix.clone()).collect();
        plan = plan.naming(&principals, &prefixes).confirming(format!(
            "move {} statement(s) of {} to {} access grant(s), removing them from the policy",
            analysis.remove.len(),
            read.policy_arn,
            analysis.moves.len()
        ));
    }
    let (bucket, printer) = (opts.bucket.clone(), &session.printer);
    let explained = analysis.clone();
    let plan =
        plan.explained(move |sets| explain(printer, &bucket, &explained, &data_access, sets));

    let report = session.apply(plan).await?;
    Ok(Migration {
        bucket: opts.bucket.clone(),
        access_point: read.access_point.map(|i| i.name),
        policy: read.policy_arn,
        dry_run: report.dry_run,
        changed: report.changed(),
        grants: analysis.moves,
        removed: analysis.remove,
        kept: analysis.kept,
        explanation: report.plan.explanation.unwrap_or_default(),
        explanation_text: report.plan.explanation_text,
    })
}

/// Per grantee: whether its identity policies allow `s3:GetDataAccess` on the instance (one
/// read of its inline and attached policies each); what could not be read is said so.
async fn data_access(
    session: &Session,
    analysis: &Analysis,
    instance: &str,
) -> Result<Vec<DataAccessRow>> {
    let aws = session.aws().await?;
    let mut out: Vec<DataAccessRow> = Vec::new();
    for m in &analysis.moves {
        if out.iter().any(|r| r.principal == m.principal) {
            continue;
        }
        let (kind, rest) = match m.principal.split_once(":role/") {
            Some((_, r)) => (IdentityKind::Role, r),
            None => (
                IdentityKind::User,
                m.principal.split_once(":user/").map_or("", |(_, r)| r),
            ),
        };
        let name = rest.rsplit('/').next().unwrap_or(rest);
        let answer = match aws.identity_policies(kind, name).await {
            Ok(Some(policies)) => {
                let docs: Vec<(String, PolicyDocument)> = policies
                    .into_iter()
                    .map(|p| (p.label, p.document))
                    .collect();
                migrate::data_access(&docs, instance).as_str()
            }
            Ok(None) => "the principal does not exist".to_string(),
            Err(e) => format!(
                "unknown: its identity policies could not be read ({})",
                e.message
            ),
        };
        out.push(DataAccessRow {
            principal: m.principal.clone(),
            get_data_access: answer,
        });
    }
    Ok(out)
}

/// Whether a grantee may call `s3:GetDataAccess`, as its identity policies say.
#[derive(Debug, Clone, Serialize)]
struct DataAccessRow {
    principal: String,
    get_data_access: String,
}

/// The equivalence of the planned access (the bucket's policies before and as planned, and the
/// grants), as JSON and as the text printed after the delta.
fn explain(
    printer: &Printer,
    bucket: &str,
    analysis: &Analysis,
    data_access: &[DataAccessRow],
    sets: &[PlannedAccess],
) -> Result<(Value, String)> {
    let mut notes = Vec::new();
    let rows: Vec<Equivalence> = match sets.iter().find(|p| p.bucket == bucket) {
        Some(p) => {
            notes.extend(
                p.unread
                    .iter()
                    .map(|u| format!("not read: {u}; the equivalence leaves out what it decides")),
            );
            migrate::equivalence(&analysis.moves, bucket, &p.before, &p.after).map_err(|e| {
                failed(format!(
                    "the access before and after the migration cannot be compared exactly: {e}"
                ))
            })?
        }
        None if analysis.moves.is_empty() => Vec::new(),
        None => {
            return Err(failed(format!(
                "the policies of {bucket} could not be read to compare the access before and after"
            )))
        }
    };
    if !analysis.moves.is_empty() {
        notes.push("grantees reach their grants through s3:GetDataAccess: their identity policies must allow it on the instance".to_string());
    }
    for d in data_access
        .iter()
        .filter(|d| d.get_data_access != "allowed")
    {
        notes.push(format!(
            "s3:GetDataAccess for {}: {}",
            d.principal, d.get_data_access
        ));
    }
    let width = printer.table_width();
    let mut text = String::new();
    // A paragraph, within the terminal's width when there is one.
    let para = |s: String| match width {
        Some(w) => format!("{}\n", wrap(&s, usize::from(w), true)),
        None => format!("{s}\n"),
    };
    if analysis.moves.is_empty() {
        text.push_str(&para(
            "Nothing to migrate: no statement lakegate wrote can move to Access Grants.".into(),
        ));
    } else {
        text.push_str(&para(
            "Access Grants replace the policy access the delta shows lost (before → after, exact model):".into(),
        ));
        let headers: Vec<String> = ["PRINCIPAL", "PREFIX", "GRANT", "BEFORE", "AFTER", "SAME"]
            .iter()
            .map(|h| h.to_string())
            .collect();
        let cells = rows
            .iter()
            .map(|r| {
                let mut same = if r.same {
                    "yes".to_string()
                } else {
                    "no".to_string()
                };
                for g in &r.gains {
                    same.push_str(&format!("; gains {g}"));
                }
                for l in &r.loses {
                    same.push_str(&format!("; loses {l}"));
                }
                vec![
                    r.principal.clone(),
                    if r.prefix.is_empty() {
                        "*".into()
                    } else {
                        r.prefix.clone()
                    },
                    r.permission.as_str().to_string(),
                    dash(&r.before),
                    dash(&r.after),
                    same,
                ]
            })
            .collect();
        text.push_str(&render_cells(&headers, cells, false, width));
        for r in rows.iter().filter(|r| !r.adds.is_empty()) {
            text.push_str(&para(format!(
                "The {} grant of {} on {} also allows {}",
                r.permission.as_str(),
                r.principal,
                if r.prefix.is_empty() { "*" } else { &r.prefix },
                r.adds.join(", ")
            )));
        }
    }
    if !analysis.kept.is_empty() {
        text.push_str("Kept in the policy:\n");
        let headers = vec!["STATEMENT".to_string(), "WHY".to_string()];
        let cells = analysis
            .kept
            .iter()
            .map(|k| vec![k.statement.clone(), k.reason.clone()])
            .collect();
        text.push_str(&render_cells(&headers, cells, false, width));
    }
    for n in &notes {
        text.push_str(&para(format!("Note: {n}")));
    }
    let mut value = migrate::explanation(&rows, &analysis.kept, &notes);
    value["get_data_access"] = serde_json::to_value(data_access).unwrap_or_default();
    Ok((value, text))
}

fn dash(v: &[String]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.join("+")
    }
}
