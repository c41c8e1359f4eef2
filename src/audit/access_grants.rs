//! S3 Access Grants as a source of `audit report` rows: each grant of the audited account's
//! instance (in the scope's region) on a bucket is one row beside the policies' — `source`
//! `access-grant:ID`, `sid` the location it is made in (`location:SCOPE`), the grantee (an IAM
//! principal, or `directory-user:ID` / `directory-group:ID`), whether it is external, the prefix,
//! the access, `keys` the grant's scope, and `latent` when the grantee role of the account no
//! longer exists. The instance is read once per account and region, however many buckets.

use crate::aws::access_grants::{AccessGrant, GrantFilter, GrantPermission, GranteeKind};
use crate::aws::Aws;
use crate::error::Result;
use crate::policy::eval::audit::{AuditRow, BucketAudit};
use std::collections::BTreeMap;

/// An account's grants in a region and what the rows need besides.
struct Instance {
    grants: Vec<AccessGrant>,
    /// Location id → scope.
    locations: BTreeMap<String, String>,
    /// Grantee role ARN → whether it exists.
    roles: BTreeMap<String, bool>,
}

/// The grants of every (account, region) audited so far.
#[derive(Default)]
pub struct Grants {
    by_scope: BTreeMap<(String, String), Instance>,
}

/// An account's instance in a region, read ahead of its buckets' rows ([`Grants::prefetch`]).
pub struct Prefetch(Result<(Vec<AccessGrant>, BTreeMap<String, String>)>);

impl Grants {
    /// Read an account's instance in the region of `aws` (its grants, and its locations when it
    /// has grants), without `&mut self`: `audit report` reads it with the scope's listing, under
    /// the run's pool, so the loop writing rows never waits for a round trip.
    pub async fn prefetch(aws: &Aws, account: &str) -> Prefetch {
        let read = async {
            let grants = aws.access_grants(account, &GrantFilter::default()).await?;
            let locations = if grants.is_empty() {
                BTreeMap::new()
            } else {
                aws.access_grants_locations(account, None)
                    .await?
                    .into_iter()
                    .map(|l| (l.id, l.scope))
                    .collect()
            };
            Ok::<_, crate::error::CliError>((grants, locations))
        };
        Prefetch(read.await)
    }

    /// Keep what [`Grants::prefetch`] read for (account, region): [`Grants::rows`] then asks
    /// nothing more for it but the grantee roles. A failure is returned here, once; the scope's
    /// buckets then get no grant rows.
    pub fn prefetched(
        &mut self,
        account: &str,
        region: &str,
        read: Prefetch,
    ) -> Option<crate::error::CliError> {
        let (grants, locations, failed) = match read.0 {
            Ok((g, l)) => (g, l, None),
            Err(e) => (Vec::new(), BTreeMap::new(), Some(e)),
        };
        self.by_scope.insert(
            (account.to_string(), region.to_string()),
            Instance {
                grants,
                locations,
                roles: BTreeMap::new(),
            },
        );
        failed
    }

    /// The rows of the grants on `audit.bucket` (none when the account has no instance).
    pub async fn rows(
        &mut self,
        aws: &Aws,
        account: &str,
        audit: &BucketAudit<'_>,
    ) -> Result<Vec<AuditRow>> {
        let key = (account.to_string(), audit.region.to_string());
        if !self.by_scope.contains_key(&key) {
            let read = Self::prefetch(aws, account).await;
            if let Some(e) = self.prefetched(account, audit.region, read) {
                return Err(e);
            }
        }
        let Some(instance) = self.by_scope.get_mut(&key) else {
            return Ok(Vec::new());
        };
        let on_bucket = format!("s3://{}/", audit.bucket);
        let mut rows = Vec::new();
        for g in instance
            .grants
            .iter()
            .filter(|g| g.scope.starts_with(&on_bucket))
        {
            let (principal, principal_account) = match g.grantee_kind {
                GranteeKind::Iam => (
                    g.grantee.clone(),
                    g.grantee.split(':').nth(4).unwrap_or_default().to_string(),
                ),
                GranteeKind::DirectoryUser => {
                    (format!("directory-user:{}", g.grantee), String::new())
                }
                GranteeKind::DirectoryGroup => {
                    (format!("directory-group:{}", g.grantee), String::new())
                }
            };
            let mut latent = String::new();
            if let (Some((_, path)), true) =
                (g.grantee.split_once(":role/"), principal_account == account)
            {
                if !instance.roles.contains_key(&g.grantee) {
                    let name = path.rsplit('/').next().unwrap_or(path);
                    let there = aws.role(name).await?.is_some();
                    instance.roles.insert(g.grantee.clone(), there);
                }
                if !instance.roles[&g.grantee] {
                    latent = format!("the grantee role {} no longer exists", g.grantee);
                }
            }
            let (read, write) = match g.permission {
                GrantPermission::Read => (true, false),
                GrantPermission::Write => (false, true),
                GrantPermission::Readwrite => (true, true),
            };
            let access: Vec<&str> = [(read, "read"), (write, "write"), (read, "list")]
                .into_iter()
                .filter(|(on, _)| *on)
                .map(|(_, a)| a)
                .collect();
            let in_org = audit.organization.contains(&principal_account);
            let sub = g.scope.strip_prefix(&on_bucket).unwrap_or_default();
            rows.push(AuditRow {
                external: !principal_account.is_empty()
                    && principal_account != account
                    && !audit.trusted.contains(&principal_account)
                    && !in_org,
                same_org: in_org,
                principal,
                principal_account,
                bucket: audit.bucket.to_string(),
                bucket_account: account.to_string(),
                access_point: String::new(),
                prefix: sub.trim_end_matches('*').to_string(),
                read,
                write,
                list: read,
                access: access.join("+"),
                source: format!("access-grant:{}", g.id),
                sid: format!(
                    "location:{}",
                    instance
                        .locations
                        .get(&g.location_id)
                        .unwrap_or(&g.location_id)
                ),
                conditions: String::new(),
                finding_id: String::new(),
                finding_status: String::new(),
                region: audit.region.to_string(),
                keys: if sub.is_empty() {
                    "*".into()
                } else {
                    sub.to_string()
                },
                except: String::new(),
                partial: false,
                latent,
            });
        }
        Ok(rows)
    }
}
