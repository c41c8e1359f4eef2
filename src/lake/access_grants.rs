//! The lake file's `accessGrants` section: the account's S3 Access Grants instance (and its IAM
//! Identity Center association), its locations and its grants, declared like access points.
//!
//! ```yaml
//! accessGrants:
//!   identityCenter: arn:aws:sso:::instance/ssoins-1234567890abcdef
//!   locations:
//!     - scope: s3://vendor-lake/
//!       role: arn:aws:iam::111122223333:role/ag-location
//!   grants:
//!     - principals: [analysts]                  # IAM role or user ARNs, or groups of the file
//!       prefix: s3://vendor-lake/vendorA/
//!       access: read                            # read, write or read-write
//!     - directoryGroups: [83a4f8e2-0002-7000-a000-000000000002]
//!       prefix: s3://vendor-lake/vendorB/
//!       access: read-write
//! ```
//!
//! Same drift semantics as access points: what the section declares is created (the instance,
//! a location, a grant) or brought to the declared state (the association when declared, a
//! location's role, a grant's access); what exists and is not declared is reported as undeclared
//! and kept, and only `--prune` deletes it (grants first, then locations left without grants).
//! The instance itself is never deleted by a lake file. Without an `accessGrants` section,
//! nothing of Access Grants is read or written.

use super::file::Lake;
pub use super::file::{Access, AccessGrantsDecl, GrantDecl, LocationDecl, Parsed};
use crate::apply::access_grant::{AccessGrant, GrantState};
use crate::apply::access_grants_instance::{AccessGrantsInstance, InstanceState};
use crate::apply::access_grants_location::{AccessGrantsLocation as LocationKind, LocationState};
use crate::apply::{Plan, Step};
use crate::aws::access_grants::{
    placement, AccessGrant as Listed, AccessGrantsLocation, GrantFilter, GrantPermission,
    GranteeKind,
};
use crate::aws::Aws;
use crate::error::{input_error, Result};
use serde_json::{json, Value};

/// One declared grant, resolved: (grantee kind, grantee, the prefix URL, permission, app).
struct Wanted {
    kind: GranteeKind,
    grantee: String,
    url: String,
    permission: GrantPermission,
    application: Option<String>,
}

fn wanted(lake: &Lake, ag: &AccessGrantsDecl, partition: &str) -> Vec<Wanted> {
    let mut out = Vec::new();
    for g in &ag.grants {
        let mut who: Vec<(GranteeKind, String)> = Vec::new();
        if let Some(p) = &g.principals {
            who.extend(
                lake.principals(p, partition)
                    .into_iter()
                    .map(|a| (GranteeKind::Iam, a)),
            );
        }
        who.extend(
            g.directory_users
                .iter()
                .map(|u| (GranteeKind::DirectoryUser, u.0.to_string())),
        );
        who.extend(
            g.directory_groups
                .iter()
                .map(|u| (GranteeKind::DirectoryGroup, u.0.to_string())),
        );
        for (kind, grantee) in who {
            out.push(Wanted {
                kind,
                grantee,
                url: g.prefix.0.to_string(),
                permission: g.access.permission(),
                application: g.application.clone(),
            });
        }
    }
    out
}

/// Add the section's steps to `plan` (instance, locations, grants; with `prune`, the deletion
/// of undeclared grants, then of undeclared locations); returns what exists and is not declared
/// (`access grant SCOPE GRANTEE`, `access grants location SCOPE`).
pub async fn plan<'a>(
    aws: &'a Aws,
    account: &str,
    lake: &Lake,
    prune: bool,
    plan: &mut Plan<'a>,
) -> Result<Vec<String>> {
    let Some(ag) = &lake.access_grants else {
        return Ok(Vec::new());
    };
    let registered = aws.access_grants_locations(account, None).await?;
    let existing = aws.access_grants(account, &GrantFilter::default()).await?;

    // The instance: created when missing; its association set when declared.
    let wanted_ic = ag.identity_center.as_ref().map(|a| a.0.to_string());
    plan.push(Step::new(
        AccessGrantsInstance::of(aws, account),
        Box::new(move |cur: Option<&InstanceState>| {
            Ok(Some(InstanceState {
                identity_center_arn: wanted_ic
                    .clone()
                    .or_else(|| cur.and_then(|c| c.identity_center_arn.clone())),
            }))
        }),
    ));

    // Locations: the declared ones, with their roles.
    let mut known: Vec<AccessGrantsLocation> = registered.clone();
    for l in &ag.locations {
        let scope = l.scope.0.to_string();
        plan.push(Step::set(
            LocationKind {
                account: account.to_string(),
                scope: scope.clone(),
            },
            Some(LocationState {
                scope: scope.clone(),
                iam_role_arn: l.role.0.to_string(),
            }),
        ));
        if !known.iter().any(|k| k.scope == scope) {
            known.push(AccessGrantsLocation {
                id: String::new(),
                arn: String::new(),
                scope,
                iam_role_arn: l.role.0.to_string(),
                created_at: None,
            });
        }
    }

    // Grants: each declared one in the most specific location that covers it.
    let mut declared: Vec<(GranteeKind, String, String, Option<String>)> = Vec::new();
    let mut used_locations: Vec<String> = Vec::new();
    for w in wanted(lake, ag, aws.partition) {
        let (location, sub_prefix, scope) = placement(&known, &w.url).ok_or_else(|| {
            input_error(format!(
                "accessGrants.grants: prefix {}: no location of the file or of the account covers it",
                w.url
            ))
            .hinted("declare one under accessGrants.locations (scope and role)")
        })?;
        used_locations.push(location.scope.clone());
        plan.push(Step::set(
            AccessGrant::new(
                account,
                &scope,
                w.kind,
                &w.grantee,
                w.application.as_deref(),
            ),
            Some(GrantState {
                permission: w.permission,
                location: location.scope.clone(),
                sub_prefix,
            }),
        ));
        declared.push((w.kind, w.grantee, scope, w.application));
    }

    // What exists and is not declared: kept, or deleted with --prune.
    let mut undeclared = Vec::new();
    let is_declared = |g: &Listed| {
        declared.iter().any(|(k, who, scope, app)| {
            *k == g.grantee_kind
                && *who == g.grantee
                && *scope == g.scope
                && *app == g.application_arn
        })
    };
    let mut left: Vec<&str> = Vec::new();
    for g in &existing {
        if is_declared(g) {
            continue;
        }
        undeclared.push(format!("access grant {} {}", g.scope, g.grantee));
        if prune {
            plan.push(Step::set(
                AccessGrant::new(
                    account,
                    &g.scope,
                    g.grantee_kind,
                    &g.grantee,
                    g.application_arn.as_deref(),
                ),
                None,
            ));
        } else {
            left.push(&g.location_id);
        }
    }
    for l in &registered {
        if ag.locations.iter().any(|d| d.scope.0.as_str() == l.scope) {
            continue;
        }
        undeclared.push(format!("access grants location {}", l.scope));
        // A location still holding a grant (declared, or kept) cannot be deleted.
        let holds = used_locations.contains(&l.scope)
            || left.contains(&l.id.as_str())
            || existing
                .iter()
                .any(|g| g.location_id == l.id && is_declared(g));
        if prune && !holds {
            plan.push(Step::set(
                LocationKind {
                    account: account.to_string(),
                    scope: l.scope.clone(),
                },
                None,
            ));
        }
    }
    Ok(undeclared)
}

/// The section as the account has it (None when it has no instance): every location and grant,
/// or (with `buckets`) those of these buckets and the locations they are made in.
pub async fn export(aws: &Aws, account: &str, buckets: Option<&[String]>) -> Result<Option<Value>> {
    let Some(instance) = aws.access_grants_instance(account).await? else {
        return Ok(None);
    };
    let locations = aws.access_grants_locations(account, None).await?;
    let grants = aws.access_grants(account, &GrantFilter::default()).await?;
    let in_buckets = |scope: &str| match buckets {
        None => true,
        Some(b) => crate::apply::access_grants_location::scope_bucket(scope)
            .is_some_and(|x| b.iter().any(|y| y == x)),
    };
    let grants: Vec<&Listed> = grants.iter().filter(|g| in_buckets(&g.scope)).collect();
    let locations: Vec<&AccessGrantsLocation> = locations
        .iter()
        .filter(|l| in_buckets(&l.scope) || grants.iter().any(|g| g.location_id == l.id))
        .collect();
    let mut section = serde_json::Map::new();
    if let Some(ic) = &instance.identity_center_arn {
        section.insert("identityCenter".into(), json!(ic));
    }
    if !locations.is_empty() {
        section.insert(
            "locations".into(),
            Value::Array(
                locations
                    .iter()
                    .map(|l| json!({"scope": l.scope, "role": l.iam_role_arn}))
                    .collect(),
            ),
        );
    }
    if !grants.is_empty() {
        let rows = grants
            .iter()
            .map(|g| {
                let key = match g.grantee_kind {
                    GranteeKind::Iam => "principals",
                    GranteeKind::DirectoryUser => "directoryUsers",
                    GranteeKind::DirectoryGroup => "directoryGroups",
                };
                let mut m = serde_json::Map::new();
                m.insert(key.into(), json!([g.grantee]));
                m.insert("prefix".into(), json!(g.scope.trim_end_matches('*')));
                m.insert("access".into(), json!(Access::of(g.permission)));
                if let Some(a) = &g.application_arn {
                    m.insert("application".into(), json!(a));
                }
                Value::Object(m)
            })
            .collect();
        section.insert("grants".into(), Value::Array(rows));
    }
    Ok(Some(Value::Object(section)))
}

/// The section's part of the lake file's JSON Schema: (`accessGrants` property, its `$defs`).
pub fn schema() -> (Value, Vec<(&'static str, Value)>) {
    let ids = json!({
        "type": "array",
        "items": {
            "type": "string",
            "pattern": "^([0-9a-f]{10}-)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
        }
    });
    let location = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["scope", "role"],
        "properties": {
            "scope": {
                "type": "string",
                "pattern": "^s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?)?$",
                "description": "s3:// (every bucket), s3://BUCKET or s3://BUCKET/PREFIX/"
            },
            "role": {
                "type": "string",
                "pattern": "^arn:[a-z-]+:iam::[0-9]{12}:role/.+$",
                "description": "The IAM role S3 Access Grants assumes for the location (`lakegate accessgrant location create --create-role` makes one)"
            }
        }
    });
    let grant = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["prefix", "access"],
        "anyOf": [
            { "required": ["principals"] },
            { "required": ["directoryUsers"] },
            { "required": ["directoryGroups"] }
        ],
        "properties": {
            "principals": {
                "type": "array",
                "minItems": 1,
                "items": { "$ref": "#/$defs/principal" },
                "description": "IAM role or user ARNs, or groups of the file (each member a role or user ARN)"
            },
            "directoryUsers": { "description": "IAM Identity Center user ids (the instance must be associated)", "$ref": "#/$defs/directoryIds" },
            "directoryGroups": { "description": "IAM Identity Center group ids (the instance must be associated)", "$ref": "#/$defs/directoryIds" },
            "prefix": {
                "type": "string",
                "pattern": "^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$",
                "description": "s3://BUCKET/PREFIX/: every key below it, inside a location of the file or of the account"
            },
            "access": {
                "enum": ["read", "write", "read-write"],
                "description": "READ, WRITE (includes delete) or READWRITE"
            },
            "application": { "type": "string", "description": "Only through this IAM Identity Center application (ARN)" }
        }
    });
    let section = json!({
        "type": "object",
        "additionalProperties": false,
        "description": "The account's S3 Access Grants instance in the region: its IAM Identity Center association, locations and grants (undeclared ones are kept; --prune deletes them)",
        "properties": {
            "identityCenter": {
                "type": "string",
                "pattern": "^arn:[a-z-]+:sso:::instance/(sso)?ins-[a-zA-Z0-9.-]{10,16}$",
                "description": "The IAM Identity Center instance to associate (absent: the association is kept as is)"
            },
            "locations": { "type": "array", "items": { "$ref": "#/$defs/accessGrantsLocation" } },
            "grants": { "type": "array", "items": { "$ref": "#/$defs/accessGrant" } }
        }
    });
    (
        section,
        vec![
            ("directoryIds", ids),
            ("accessGrantsLocation", location),
            ("accessGrant", grant),
        ],
    )
}
