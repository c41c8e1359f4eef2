//! Subscriptions fulfilled through S3 Access Grants (`--via access-grants`): a DataZone grant
//! becomes one access grant per grantee on the asset's prefix, in the registered location that
//! covers it (registered by the same plan, with `--location-role`, when none does); a revoke
//! deletes exactly those grants, found by grantee and scope (ListAccessGrants' filters).
//!
//! The grantees are the subscriber's IAM principals, or the subscriber itself when it is an IAM
//! Identity Center user or group (`DIRECTORY_USER` / `DIRECTORY_GROUP`): Access Grants can name
//! a directory identity where no policy can, provided the instance is associated with IAM
//! Identity Center.
//!
//! The requests of one grant do not depend on how many grants the instance holds: the instance
//! (GetAccessGrantsInstance), the locations (one ListAccessGrantsLocations page: at most 1,000
//! locations per instance) and, in the pipeline, each grant found with ListAccessGrants filtered
//! by grantee and scope.

use super::{Subject, Touched};
use crate::apply::access_grant::{AccessGrant, GrantState};
use crate::apply::access_grants_location::{AccessGrantsLocation as LocationKind, LocationState};
use crate::apply::{Edit, Outcome, Step};
use crate::aws::access_grants::{
    placement, AccessGrantsInstance, AccessGrantsLocation, GrantPermission, GranteeKind,
};
use crate::aws::Aws;
use crate::error::{failed, input_error, Result};
use crate::policy::subscription::{Actions, S3Location};
use crate::session::Session;

/// An IAM Identity Center user or group subscribed directly (a DataZone SSO user profile or a
/// group profile): DataZone creates those profiles from the Identity Center user and group ids
/// (CreateUserProfile's and CreateGroupProfile's identifiers), so the profile's id is the
/// directory id Access Grants names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub kind: GranteeKind,
    pub id: String,
    /// How messages name it: `user ID` or `group NAME`.
    pub named: String,
}

/// One grantee of a subscription: its kind and identifier as Access Grants names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grantee {
    pub kind: GranteeKind,
    pub id: String,
}

/// The Access Grants permission of the actions asked for: READ when they read, WRITE when they
/// write, READWRITE when both. Access Grants' WRITE includes s3:DeleteObject and has no finer
/// action list (S3 User Guide, "Working with grants in S3 Access Grants"), so `--actions` is
/// refused.
pub fn permission_of(actions: &Actions) -> GrantPermission {
    let reads = actions
        .object
        .iter()
        .any(|a| a == "s3:GetObject" || a == "s3:GetObjectVersion");
    let writes = actions
        .object
        .iter()
        .any(|a| a == "s3:PutObject" || a == "s3:DeleteObject");
    match (reads, writes) {
        (true, true) => GrantPermission::Readwrite,
        (false, true) => GrantPermission::Write,
        _ => GrantPermission::Read,
    }
}

/// Check `--via access-grants`' options before any call.
pub fn check(actions: &[crate::values::S3ActionName]) -> Result<()> {
    if !actions.is_empty() {
        return Err(input_error(
            "--actions: S3 Access Grants grants READ, WRITE or READWRITE, not a list of actions; use --access with --via access-grants",
        ));
    }
    Ok(())
}

/// The grantees of a subject whose IAM principals (if any) are already resolved.
pub fn grantees(principals: &[String], directory: Option<&Directory>) -> Vec<Grantee> {
    match directory {
        Some(d) => vec![Grantee {
            kind: d.kind,
            id: d.id.clone(),
        }],
        None => principals
            .iter()
            .map(|p| Grantee {
                kind: GranteeKind::Iam,
                id: p.clone(),
            })
            .collect(),
    }
}

/// The URL of an asset's prefix, as grants and locations name it.
pub fn url_of(loc: &S3Location) -> String {
    format!("s3://{}/{}", loc.bucket, loc.prefix)
}

/// Where the grants of an asset go.
pub struct Placed {
    /// The location's scope (registered, or registered by the plan).
    pub location: String,
    pub sub_prefix: Option<String>,
    /// The grant's scope: the location's with the sub-prefix (`s3://lake/vendorA/*`).
    pub scope: String,
    /// The location step, when the plan registers it.
    pub register: Option<String>,
}

/// The account's instance: it must exist, and be associated with IAM Identity Center for a
/// directory grantee. `needed_by` says what needs it ("--via access-grants").
pub async fn check_instance(
    aws: &Aws,
    account: &str,
    directory: Option<&Directory>,
    needed_by: &str,
) -> Result<AccessGrantsInstance> {
    let Some(instance) = aws.access_grants_instance(account).await? else {
        return Err(failed(format!(
            "account {account} has no S3 Access Grants instance in {}: {needed_by} needs one",
            aws.region
        ))
        .hinted("create it: `lakegate accessgrant instance create [--identity-center ARN]`"));
    };
    if let (Some(d), None) = (directory, &instance.identity_center_arn) {
        return Err(failed(format!(
            "subscribed {} is an IAM Identity Center identity, but the Access Grants instance of account {account} in {} is not associated with IAM Identity Center",
            d.named, aws.region
        ))
        .hinted("associate it: `lakegate accessgrant instance create --identity-center ARN`"));
    }
    Ok(instance)
}

/// Where the asset's grants go: the most specific registered location that covers its prefix,
/// or (with `location_role`) a location registered for its bucket by the same plan.
pub async fn place(
    aws: &Aws,
    account: &str,
    loc: &S3Location,
    location_role: Option<&str>,
) -> Result<Placed> {
    let url = url_of(loc);
    let locations = aws.access_grants_locations(account, None).await?;
    if let Some((l, sub_prefix, scope)) = placement(&locations, &url) {
        return Ok(Placed {
            location: l.scope,
            sub_prefix,
            scope,
            register: None,
        });
    }
    let Some(role) = location_role else {
        return Err(failed(format!(
            "no S3 Access Grants location of account {account} covers {url}"
        ))
        .hinted(format!(
            "register one: `lakegate accessgrant location create s3://{}/ --create-role NAME`, or pass --location-role ARN",
            loc.bucket
        )));
    };
    let new = AccessGrantsLocation {
        id: String::new(),
        arn: String::new(),
        scope: format!("s3://{}/", loc.bucket),
        iam_role_arn: role.to_string(),
        created_at: None,
    };
    let (l, sub_prefix, scope) = placement(std::slice::from_ref(&new), &url)
        .ok_or_else(|| failed(format!("{url} is not below s3://{}/", loc.bucket)))?;
    Ok(Placed {
        location: l.scope,
        sub_prefix,
        scope,
        register: Some(role.to_string()),
    })
}

/// The step that registers the placed location, when the plan registers it (`ensure`: a
/// location registered meanwhile is kept as it is).
pub fn location_step<'a>(
    account: &str,
    placed: &Placed,
) -> Option<(Step<'a>, Outcome<LocationState>)> {
    let role = placed.register.as_ref()?;
    Some(Step::watched(
        LocationKind {
            account: account.to_string(),
            scope: placed.location.clone(),
        },
        crate::apply::ensure(LocationState {
            scope: placed.location.clone(),
            iam_role_arn: role.clone(),
        }),
    ))
}

/// The grant of `permission` on the placed scope, as the pipeline plans it.
pub fn grant_state(placed: &Placed, permission: GrantPermission) -> GrantState {
    GrantState {
        permission,
        location: placed.location.clone(),
        sub_prefix: placed.sub_prefix.clone(),
    }
}

/// The step that makes `edit` to one grantee's grant on the placed scope.
pub fn grant_step<'a>(
    account: &str,
    placed: &Placed,
    grantee: &Grantee,
    edit: Edit<'a, GrantState>,
) -> (Step<'a>, Outcome<GrantState>) {
    Step::watched(
        AccessGrant::new(account, &placed.scope, grantee.kind, &grantee.id, None),
        edit,
    )
}

/// The steps that grant `grantees` `permission` on the placed scope (the location first, when
/// the plan registers it), and the resources they touch.
pub(super) fn grant_steps<'a>(
    account: &str,
    placed: &Placed,
    grantees: &[Grantee],
    permission: GrantPermission,
) -> (Vec<Step<'a>>, Vec<Touched>) {
    let mut steps = Vec::new();
    let mut touched = Vec::new();
    if let Some((step, outcome)) = location_step(account, placed) {
        touched.push(Touched::of(
            &format!("access-grants-location:{}", placed.location),
            false,
            outcome,
        ));
        steps.push(step);
    }
    for g in grantees {
        let state = grant_state(placed, permission);
        let (step, outcome) = grant_step(account, placed, g, crate::apply::set(Some(state)));
        touched.push(Touched::of(
            &format!("access-grant:{} {}", placed.scope, g.id),
            false,
            outcome,
        ));
        steps.push(step);
    }
    (steps, touched)
}

/// The steps that delete the grants of `grantees` on the asset's scope (in the location that
/// covers it; none when no location does: nothing was granted there).
pub(super) async fn revoke_steps<'a>(
    aws: &Aws,
    account: &str,
    loc: &S3Location,
    grantees: &[Grantee],
) -> Result<(Vec<Step<'a>>, Vec<Touched>)> {
    let locations = aws.access_grants_locations(account, None).await?;
    let Some((_, _, scope)) = placement(&locations, &url_of(loc)) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut steps = Vec::new();
    let mut touched = Vec::new();
    for g in grantees {
        let (step, outcome) = Step::watched(
            AccessGrant::new(account, &scope, g.kind, &g.id, None),
            crate::apply::set(None),
        );
        touched.push(Touched::of(
            &format!("access-grant:{scope} {}", g.id),
            false,
            outcome,
        ));
        steps.push(step);
    }
    Ok((steps, touched))
}

/// The grantees of a revoke: the subscriber (a directory identity or its IAM principals), or
/// the principals of the project's (or the grant's) subscription targets today.
pub async fn revoke_grantees(session: &Session, s: &Subject) -> Result<Vec<Grantee>> {
    if let Some(d) = &s.directory {
        return Ok(grantees(&[], Some(d)));
    }
    let principals = match (&s.principals, &s.target, &s.project_id) {
        (Some(p), _, _) => p.clone(),
        (None, Some(t), project) => {
            super::principals_of_target(session, &s.domain, project.as_deref(), t).await?
        }
        (None, None, Some(project)) => super::principals_of(session, &s.domain, project).await?,
        (None, None, None) => Vec::new(),
    };
    Ok(grantees(&principals, None))
}

/// Whether every grantee has a grant on the asset's scope (`subscription list`, reconcile).
pub async fn granted(
    aws: &Aws,
    account: &str,
    loc: &S3Location,
    grantees: &[Grantee],
) -> Result<bool> {
    if grantees.is_empty() {
        return Ok(false);
    }
    let locations = aws.access_grants_locations(account, None).await?;
    let Some((_, _, scope)) = placement(&locations, &url_of(loc)) else {
        return Ok(false);
    };
    let there = aws
        .access_grants(
            account,
            &crate::aws::access_grants::GrantFilter {
                grantee: None,
                scope: Some(scope.clone()),
            },
        )
        .await?;
    Ok(grantees.iter().all(|g| {
        there
            .iter()
            .any(|x| x.scope == scope && x.grantee_kind == g.kind && x.grantee == g.id)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::AccessLevel;

    #[test]
    fn access_levels_map_to_access_grants_permissions() {
        for (level, want) in [
            (AccessLevel::Read, GrantPermission::Read),
            (AccessLevel::Write, GrantPermission::Write),
            (AccessLevel::ReadWrite, GrantPermission::Readwrite),
            (AccessLevel::ReadWriteDelete, GrantPermission::Readwrite),
        ] {
            assert_eq!(permission_of(&Actions::of_level(level)), want, "{level:?}");
        }
        assert!(check(&[]).is_ok());
    }
}
