//! S3 Access Grants as a source of access for `access who-can`: each grant of the account's
//! instance whose scope meets the asked prefix and whose permission includes the access is one
//! row (`source` `access-grant:ID`, the location it is made in, the grantee — an IAM principal or
//! a directory user or group —, whether the grantee is outside the account, the keys it reaches).
//! A grantee role of the account that no longer exists is reported as `latent` (the grant stays,
//! nobody can use it).

use crate::aws::access_grants::{AccessGrant, GrantFilter, GrantPermission, GranteeKind};
use crate::aws::Aws;
use crate::error::Result;
use crate::policy::eval::audit::WhoCanRow;
use crate::policy::eval::symbolic::Access;
use std::collections::BTreeMap;

/// Whether a grant's permission includes `access` (READWRITE includes everything; WRITE
/// includes delete; READ includes listing below its scope).
pub fn permits(p: GrantPermission, access: Access) -> bool {
    match access {
        Access::Read | Access::List => p != GrantPermission::Write,
        Access::Write | Access::Delete => p != GrantPermission::Read,
    }
}

/// The keys a grant on `bucket` reaches under `prefix`: the grant's prefix when it is below
/// the asked one, the asked prefix when the grant covers it, none when they do not meet.
pub fn reach(grant_scope: &str, bucket: &str, prefix: &str) -> Option<String> {
    let rest = grant_scope.strip_prefix(&format!("s3://{bucket}/"))?;
    let granted = rest.trim_end_matches('*');
    if granted.starts_with(prefix) {
        Some(format!("{granted}*"))
    } else if prefix.starts_with(granted) {
        Some(format!("{prefix}*"))
    } else {
        None
    }
}

/// How a row names a grantee: the IAM ARN, or `directory-user:ID` / `directory-group:ID`.
fn grantee_name(g: &AccessGrant) -> String {
    match g.grantee_kind {
        GranteeKind::Iam => g.grantee.clone(),
        GranteeKind::DirectoryUser => format!("directory-user:{}", g.grantee),
        GranteeKind::DirectoryGroup => format!("directory-group:{}", g.grantee),
    }
}

/// The rows of the grants that let a grantee `access` keys of `bucket` under `prefix`
/// (nothing when the account has no instance).
pub async fn who_can(
    aws: &Aws,
    account: &str,
    bucket: &str,
    prefix: &str,
    access: Access,
    trusted: &[String],
) -> Result<Vec<WhoCanRow>> {
    let grants = aws.access_grants(account, &GrantFilter::default()).await?;
    let hits: Vec<(&AccessGrant, String)> = grants
        .iter()
        .filter(|g| permits(g.permission, access))
        .filter_map(|g| reach(&g.scope, bucket, prefix).map(|k| (g, k)))
        .collect();
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    let locations: BTreeMap<String, String> = aws
        .access_grants_locations(account, None)
        .await?
        .into_iter()
        .map(|l| (l.id, l.scope))
        .collect();
    // Whether each grantee role of the account still exists (one GetRole per role).
    let mut exists: BTreeMap<String, bool> = BTreeMap::new();
    let mut rows = Vec::new();
    for (g, keys) in hits {
        let principal_account = match g.grantee_kind {
            GranteeKind::Iam => g.grantee.split(':').nth(4).unwrap_or_default().to_string(),
            _ => String::new(),
        };
        let role = g
            .grantee
            .split_once(":role/")
            .map(|(_, r)| r.rsplit('/').next().unwrap_or(r).to_string());
        let mut latent = None;
        if let (Some(name), true) = (role, principal_account == account) {
            if !exists.contains_key(&g.grantee) {
                let there = aws.role(&name).await?.is_some();
                exists.insert(g.grantee.clone(), there);
            }
            if !exists[&g.grantee] {
                latent = Some(format!("the grantee role {} no longer exists", g.grantee));
            }
        }
        rows.push(WhoCanRow {
            principal: grantee_name(g),
            external: !principal_account.is_empty()
                && principal_account != account
                && !trusted.contains(&principal_account),
            principal_account,
            bucket: bucket.to_string(),
            access_point: String::new(),
            prefix: prefix.to_string(),
            access: access.as_str().to_string(),
            source: format!("access-grant:{}", g.id),
            sid: String::new(),
            conditions: String::new(),
            keys: vec![keys],
            except: Vec::new(),
            partial: false,
            latent,
            location: locations
                .get(&g.location_id)
                .cloned()
                .unwrap_or_else(|| g.location_id.clone()),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_reaches_where_its_scope_meets_the_prefix() {
        assert_eq!(
            reach("s3://lake/vendorA/*", "lake", ""),
            Some("vendorA/*".into())
        );
        assert_eq!(
            reach("s3://lake/vendorA/*", "lake", "vendorA/2026/"),
            Some("vendorA/2026/*".into())
        );
        assert_eq!(reach("s3://lake/vendorA/*", "lake", "vendorB/"), None);
        assert_eq!(reach("s3://lake/vendorA/*", "other", ""), None);
        assert_eq!(reach("s3://lake/", "lake", "x/"), Some("x/*".into()));
        assert!(permits(GrantPermission::Readwrite, Access::Delete));
        assert!(permits(GrantPermission::Read, Access::List));
        assert!(!permits(GrantPermission::Read, Access::Write));
        assert!(!permits(GrantPermission::Write, Access::Read));
    }
}
