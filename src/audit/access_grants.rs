//! S3 Access Grants as a source of `audit report` rows: each grant of the audited account's
//! instance (in the scope's region) on a bucket is one row beside the policies' — `source`
//! `access-grant:ID`, `sid` the location it is made in (`location:SCOPE`), the grantee (an IAM
//! principal, or `directory-user:ID` / `directory-group:ID`), whether it is external, the prefix,
//! the access, `keys` the grant's scope, and `latent` when the grantee role or user of the
//! account no longer exists. The instance is read once per account and region, however many
//! buckets, and its grants are kept by bucket. Every path of `audit report` (one account, the
//! organization, a unit of a fanned-out run) reaches this module through the same loop.
//!
//! Where a grant and a policy row give the same principal the same access to some of the same
//! keys, each names the other in `also_sources` ([`link`]).

use crate::aws::access_grants::{AccessGrant, GrantFilter, GrantPermission};
use crate::aws::Aws;
use crate::error::Result;
use crate::evaluate::access_grants::{
    bucket_of, grantee_account, grantee_name, keys_of, locations, policy_label, Grantees, Reach,
};
use crate::policy::eval::audit::{AuditRow, BucketAudit};
use crate::policy::eval::keyset::KeySet;
use std::collections::BTreeMap;

/// An account's grants in a region and what the rows need besides.
struct Instance {
    /// Bucket → its grants; `""` → the grants on every bucket (a location of `s3://` with no
    /// sub-prefix).
    by_bucket: BTreeMap<String, Vec<AccessGrant>>,
    /// Location id → scope.
    locations: BTreeMap<String, String>,
    grantees: Grantees,
}

/// The grants of every (account, region) audited so far.
#[derive(Default)]
pub struct Grants {
    by_scope: BTreeMap<(String, String), Instance>,
}

/// An account's instance in a region, read ahead of its buckets' rows ([`Grants::prefetch`]).
pub struct Prefetch(Result<Instance>);

impl Grants {
    /// Read an account's instance in the region of `aws` without `&mut self`: `audit report`
    /// reads it with the scope's listing, under the run's pool, so the loop writing rows never
    /// waits for these round trips. Hand it over with [`Grants::prefetched`].
    pub async fn prefetch(aws: &Aws, account: &str) -> Prefetch {
        Prefetch(Self::read(aws, account).await)
    }

    /// Keep what [`Grants::prefetch`] read for (account, region): [`Grants::rows`] then asks
    /// nothing more for it. A failure is returned here, once; the scope's buckets then get no
    /// grant rows.
    pub fn prefetched(
        &mut self,
        account: &str,
        region: &str,
        read: Prefetch,
    ) -> Option<crate::error::CliError> {
        let (instance, failed) = match read.0 {
            Ok(i) => (i, None),
            Err(e) => (
                Instance {
                    by_bucket: BTreeMap::new(),
                    locations: BTreeMap::new(),
                    grantees: Grantees::default(),
                },
                Some(e),
            ),
        };
        self.by_scope
            .insert((account.to_string(), region.to_string()), instance);
        failed
    }

    /// Read an account's instance in a region: its grants, kept by bucket, its locations, and
    /// whether each grantee role or user of the account exists.
    async fn read(aws: &Aws, account: &str) -> Result<Instance> {
        let grants = aws.access_grants(account, &GrantFilter::default()).await?;
        let mut instance = Instance {
            by_bucket: BTreeMap::new(),
            locations: BTreeMap::new(),
            grantees: Grantees::default(),
        };
        if grants.is_empty() {
            return Ok(instance);
        }
        instance.locations = locations(aws, account).await?;
        instance.grantees.look_up(aws, account, &grants).await?;
        for g in grants {
            instance
                .by_bucket
                .entry(bucket_of(&g.scope).to_string())
                .or_default()
                .push(g);
        }
        Ok(instance)
    }

    /// The rows of the grants on `audit.bucket` (none when the account has no instance, or its
    /// grants were not read: [`Grants::prefetched`] said why, once).
    pub fn rows(&self, account: &str, audit: &BucketAudit<'_>) -> Vec<AuditRow> {
        let key = (account.to_string(), audit.region.to_string());
        let Some(instance) = self.by_scope.get(&key) else {
            return Vec::new();
        };
        let on_bucket = format!("s3://{}/", audit.bucket);
        let grants = [audit.bucket, ""]
            .into_iter()
            .filter_map(|b| instance.by_bucket.get(b))
            .flatten();
        grants
            .map(|g| row(instance, g, account, audit, &on_bucket))
            .collect()
    }
}

/// The row of one grant on the audited bucket.
fn row(
    instance: &Instance,
    g: &AccessGrant,
    account: &str,
    audit: &BucketAudit<'_>,
    on_bucket: &str,
) -> AuditRow {
    let principal_account = grantee_account(g);
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
    // A grant on every bucket (`s3://`) reaches all of this one.
    let sub = g.scope.strip_prefix(on_bucket).unwrap_or_default();
    AuditRow {
        external: !principal_account.is_empty()
            && principal_account != account
            && !audit.trusted.contains(&principal_account)
            && !in_org,
        same_org: in_org,
        principal: grantee_name(g),
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
        keys: if sub.is_empty() || sub == "*" {
            "*".into()
        } else {
            sub.to_string()
        },
        except: String::new(),
        partial: false,
        latent: instance.grantees.latent(account, g).unwrap_or_default(),
        also_sources: String::new(),
    }
}

/// Name, on each row of one bucket, the other sources that give the same principal the same
/// access to some of the same keys: a grant row names the policy rows' sources
/// (`bucket-policy(SID)`, `access-point:NAME(SID)`), a policy row the grants (`access-grant:ID`).
/// Latent rows (access not effective today) and finding rows are not linked.
pub fn link(rows: &mut [AuditRow]) {
    let reaches: Vec<Reach<'_>> = rows
        .iter()
        .map(|r| {
            let grant = r.source.starts_with("access-grant:");
            let effective = r.latent.is_empty() && !r.source.starts_with("finding:");
            Reach {
                principal: &r.principal,
                access: [r.read, r.write, r.list],
                keys: if effective && r.access != "none" {
                    keys_of(
                        r.keys.split_whitespace(),
                        r.except.split_whitespace(),
                        &r.prefix,
                    )
                } else {
                    KeySet::empty()
                },
                label: if grant {
                    r.source.clone()
                } else {
                    policy_label(&r.source, &r.sid)
                },
                grant,
            }
        })
        .collect();
    let linked = crate::evaluate::access_grants::link(&reaches);
    drop(reaches);
    for (r, also) in rows.iter_mut().zip(linked) {
        r.also_sources = also.join(" ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy_row(principal: &str, keys: &str, except: &str, sid: &str) -> AuditRow {
        AuditRow {
            principal: principal.into(),
            principal_account: "111122223333".into(),
            external: false,
            bucket: "lake".into(),
            bucket_account: "111122223333".into(),
            access_point: String::new(),
            prefix: String::new(),
            read: true,
            write: false,
            list: false,
            access: "read".into(),
            source: "bucket-policy".into(),
            sid: sid.into(),
            conditions: String::new(),
            finding_id: String::new(),
            finding_status: String::new(),
            region: String::new(),
            same_org: false,
            keys: keys.into(),
            except: except.into(),
            partial: false,
            latent: String::new(),
            also_sources: String::new(),
        }
    }

    fn grant_row(principal: &str, keys: &str, id: &str, read: bool, write: bool) -> AuditRow {
        AuditRow {
            read,
            write,
            list: read,
            source: format!("access-grant:{id}"),
            sid: "location:s3://lake/".into(),
            ..policy_row(principal, keys, "", "")
        }
    }

    #[test]
    fn a_key_both_a_policy_and_a_grant_reach_names_both_sources() {
        let analyst = "arn:aws:iam::111122223333:role/analyst";
        let other = "arn:aws:iam::111122223333:role/other";
        let mut rows = vec![
            policy_row(analyst, "vendorA/*", "", "ReadVendorA"),
            policy_row(analyst, "vendorB/*", "", "ReadVendorB"),
            // Reaches vendorA/ but not its secret/ part, which is all the grant covers.
            policy_row(analyst, "vendorA/*", "vendorA/secret/*", "ReadSome"),
            policy_row(other, "*", "", "Other"),
            grant_row(analyst, "vendorA/2026/*", "g1", true, false),
            grant_row(analyst, "vendorA/secret/*", "g2", true, false),
            // Write only: no policy row gives the analyst write.
            grant_row(analyst, "vendorB/*", "g3", false, true),
            // Everything under the bucket: both policy rows of the analyst meet it.
            grant_row(analyst, "*", "g4", true, false),
        ];
        link(&mut rows);
        let also: Vec<&str> = rows.iter().map(|r| r.also_sources.as_str()).collect();
        assert_eq!(
            also,
            [
                "access-grant:g1 access-grant:g2 access-grant:g4",
                "access-grant:g4",
                "access-grant:g1 access-grant:g4",
                "",
                "bucket-policy(ReadVendorA) bucket-policy(ReadSome)",
                "bucket-policy(ReadVendorA)",
                "",
                "bucket-policy(ReadVendorA) bucket-policy(ReadVendorB) bucket-policy(ReadSome)",
            ]
        );
    }

    #[test]
    fn a_policy_row_names_twenty_grants_then_how_many_more() {
        let analyst = "arn:aws:iam::111122223333:role/analyst";
        let mut rows = vec![policy_row(analyst, "*", "", "All")];
        for i in 0..25 {
            rows.push(grant_row(
                analyst,
                &format!("t{i}/*"),
                &format!("g{i}"),
                true,
                false,
            ));
        }
        link(&mut rows);
        let named: Vec<&str> = rows[0].also_sources.split(' ').collect();
        assert_eq!(named.len(), 21);
        assert_eq!(named[0], "access-grant:g0");
        assert_eq!(named[20], "(+5)");
        assert!(rows[1..]
            .iter()
            .all(|r| r.also_sources == "bucket-policy(All)"));
    }

    #[test]
    fn latent_rows_are_not_linked() {
        let analyst = "arn:aws:iam::111122223333:role/analyst";
        let mut gone = grant_row(analyst, "*", "g1", true, false);
        gone.latent = "the grantee role … no longer exists".into();
        let mut rows = vec![policy_row(analyst, "*", "", "All"), gone];
        link(&mut rows);
        assert!(rows.iter().all(|r| r.also_sources.is_empty()));
    }
}
