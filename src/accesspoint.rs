//! Access points of the account: `accesspoint list`'s listing, each with the prefixes and
//! principals its policy grants, and `accesspoint create`'s access point with its grant.

use crate::apply::access_point::{self, AccessPoint};
use crate::apply::access_point_policy::AccessPointPolicy;
use crate::apply::{Plan, Step};
use crate::aws::s3control::{AccessPointInfo, BlockPublicAccess};
use crate::error::{failed, input_error, Result};
use crate::output::{short_principal, Cell, Row};
use crate::policy::access::{grant, summarize, AccessPointRef, GrantView};
use crate::policy::{arn, AccessLevel, PolicyDocument};
use crate::session::Session;
use crate::values::{AccessPointName, BucketRef, PrincipalArn, VpcId};
use futures::stream::{self, StreamExt, TryStreamExt};
use serde::Serialize;
use serde_json::Value;

/// What `accesspoint list` lists.
#[derive(Debug, Clone)]
pub struct ListOptions {
    /// Only the access points of this bucket (or of the bucket an access point serves).
    pub bucket: Option<BucketRef>,
    /// Leave each access point's policy unread.
    pub no_policies: bool,
    /// How many policies to fetch at once.
    pub concurrency: u16,
}

/// One row of `accesspoint list` (stable JSON shape).
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub name: String,
    pub bucket: String,
    pub arn: String,
    pub alias: Option<String>,
    pub network_origin: String,
    pub vpc_id: Option<String>,
    pub has_policy: Option<bool>,
    pub prefixes: Vec<String>,
    pub principals: Vec<String>,
    pub grants: Vec<GrantView>,
}

impl Row for ListRow {
    fn kind() -> Option<&'static str> {
        Some("accesspoint")
    }

    fn name(&self) -> Option<String> {
        Some(self.name.clone())
    }

    fn headers(wide: bool) -> Vec<&'static str> {
        if wide {
            vec![
                "NAME",
                "BUCKET",
                "ORIGIN",
                "VPC",
                "PREFIXES",
                "PRINCIPALS",
                "ALIAS",
                "ARN",
            ]
        } else {
            vec!["NAME", "BUCKET", "ORIGIN", "PREFIXES", "PRINCIPALS"]
        }
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let prefixes = Cell::or_dash(self.prefixes.join(","));
        if wide {
            vec![
                self.name.clone().into(),
                self.bucket.clone().into(),
                self.network_origin.clone().into(),
                self.vpc_id.clone().unwrap_or_else(|| "-".into()).into(),
                prefixes,
                Cell::or_dash(self.principals.join(",")),
                self.alias.clone().unwrap_or_else(|| "-".into()).into(),
                self.arn.clone().into(),
            ]
        } else {
            let short: Vec<&str> = self.principals.iter().map(|p| short_principal(p)).collect();
            vec![
                self.name.clone().into(),
                self.bucket.clone().into(),
                self.network_origin.clone().into(),
                prefixes,
                Cell::or_dash(short.join(",")),
            ]
        }
    }
}

/// List the account's access points (all pages), their policies fetched `concurrency` at once,
/// and print them.
pub async fn list(session: &Session, opts: &ListOptions) -> Result<()> {
    let aws = session.aws().await?;
    let account = session.account().await?;
    let bucket = match &opts.bucket {
        Some(b) => Some(session.resolve_bucket(b).await?),
        None => None,
    };
    let pb = session.printer.spinner("listing access points");
    let aps = aws
        .list_access_points(&account, bucket.as_deref(), |n| pb.set_position(n as u64))
        .await?;
    if let (Some(b), true) = (&bucket, aps.is_empty()) {
        // S3 Control lists nothing for a bucket that does not exist: say which it is. (A
        // bucket of another account may refuse HeadBucket; that is not this question.)
        if let Err(e) = aws.ensure_bucket(b).await {
            if matches!(e.kind, crate::aws::error::ErrorKind::NotFound) {
                pb.finish_and_clear();
                return Err(e.into());
            }
        }
    }
    pb.set_message("reading access point policies");
    pb.set_position(0);
    let rows: Vec<ListRow> = stream::iter(aps.into_iter().map(|ap| {
        let account = account.clone();
        let pb = pb.clone();
        let no_policies = opts.no_policies;
        async move {
            let policy = if no_policies {
                None
            } else {
                let p = aws.access_point_policy(&account, &ap.name).await?;
                pb.inc(1);
                Some(p)
            };
            let grants = policy
                .as_ref()
                .and_then(|p| p.as_ref())
                .map(summarize)
                .unwrap_or_default();
            let mut prefixes: Vec<String> = grants.iter().map(|g| g.prefix.clone()).collect();
            prefixes.sort();
            prefixes.dedup();
            let mut principals: Vec<String> = grants.iter().map(|g| g.principal.clone()).collect();
            principals.sort();
            principals.dedup();
            Ok::<_, crate::error::CliError>(ListRow {
                name: ap.name,
                bucket: ap.bucket,
                arn: ap.arn,
                alias: ap.alias,
                network_origin: ap.network_origin,
                vpc_id: ap.vpc_id,
                has_policy: policy.map(|p| p.is_some()),
                prefixes,
                principals,
                grants,
            })
        }
    }))
    .buffered(usize::from(opts.concurrency))
    .try_collect()
    .await?;
    pb.finish_and_clear();
    session.printer.rows_or(&rows, || {
        let scope = bucket
            .as_ref()
            .map(|b| format!(" on bucket {b}"))
            .unwrap_or_default();
        format!("no access points in account {account}{scope}")
    })
}

/// What `accesspoint create` makes: an access point and one least-privilege grant on it.
#[derive(Debug, Clone)]
pub struct CreateOptions {
    pub name: AccessPointName,
    /// The bucket it serves (or another access point, for its bucket).
    pub bucket: BucketRef,
    /// The prefix granted, already checked (`/`-terminated).
    pub prefix: String,
    pub principals: Vec<PrincipalArn>,
    pub access: AccessLevel,
    /// Accept requests only from this VPC.
    pub vpc_id: Option<VpcId>,
    pub block_public_access: BlockPublicAccess,
}

#[derive(Debug, Serialize)]
struct CreateResult {
    access_point: AccessPointInfo,
    created: bool,
    policy_changed: bool,
    dry_run: bool,
    policy: Option<Value>,
}

/// Create the access point when missing and put the grant in its policy, in one plan; print
/// the access point, whether it was created and the policy now in place. A repeat is a no-op.
pub async fn create(session: &Session, opts: &CreateOptions) -> Result<()> {
    let prefix = &opts.prefix;
    let aws = session.aws().await?;
    let bucket = session.resolve_bucket(&opts.bucket).await?;
    let principals = check_principals(&opts.principals, aws.partition)?;
    aws.ensure_bucket(&bucket).await?;
    let account = session.account().await?;

    let existing = aws.access_point(&account, &opts.name).await?;
    if let Some(ap) = &existing {
        if ap.bucket != bucket {
            return Err(failed(format!(
                "access point '{}' already exists on bucket '{}', not '{}'",
                opts.name, ap.bucket, bucket
            ))
            .hinted("access point names are unique per account and region; choose another name"));
        }
        if ap.vpc_id.as_deref() != opts.vpc_id.as_deref() {
            session.printer.warn(format!(
                "access point '{}' exists with network origin {} ({}); the network origin cannot be changed, only its policy is updated",
                opts.name,
                ap.network_origin,
                ap.vpc_id.as_deref().unwrap_or("no VPC")
            ));
        }
    }

    let arn_str = existing
        .as_ref()
        .map(|a| a.arn.clone())
        .unwrap_or_else(|| arn::access_point_arn(aws.partition, &aws.region, &account, &opts.name));
    let apref = AccessPointRef {
        arn: arn_str.clone(),
    };
    // The access point when missing, then its policy: one plan.
    let ap = AccessPoint {
        account: account.clone(),
        name: opts.name.to_string(),
        arn: arn_str.clone(),
        bucket: bucket.to_string(),
    };
    let policy = AccessPointPolicy {
        account: account.clone(),
        name: opts.name.to_string(),
        arn: arn_str.clone(),
        bucket: bucket.to_string(),
    };
    let mut plan = Plan::new("accesspoint create").step(Step::ensure(
        ap,
        access_point::state(
            &opts.name,
            &bucket,
            opts.vpc_id.as_deref(),
            Some(opts.block_public_access),
        ),
    ));
    let granted = plan.add(
        policy,
        crate::apply::policy::edit(|doc: &mut PolicyDocument| {
            grant(doc, &apref, prefix, &principals, opts.access);
            Ok(())
        }),
    );
    let report = session.apply(plan).await?;
    if report.dry_run {
        return Ok(());
    }
    let info = aws
        .access_point(&account, &opts.name)
        .await?
        .ok_or_else(|| {
            failed(format!(
                "access point '{}' was created but cannot be read back",
                opts.name
            ))
        })?;
    let done = granted.get();
    let changed = done.as_ref().is_some_and(|d| d.changed);
    let policy = done.and_then(|d| d.after).map(|d| d.to_value());
    warn_if_not_delegated(session, &bucket, &account).await;

    session.printer.result(
        &CreateResult {
            access_point: info.clone(),
            created: existing.is_none(),
            policy_changed: changed,
            dry_run: false,
            policy,
        },
        || {
            let what = match (existing.is_none(), changed) {
                (true, _) => "created",
                (false, true) => "exists; policy updated",
                (false, false) => "exists with this grant; nothing changed",
            };
            session.printer.done(format!(
                "access point {} {what}: {} {} for {} on {} ({})",
                opts.name,
                opts.access.as_str(),
                prefix,
                principals.join(", "),
                bucket,
                info.arn
            ))
        },
    )
}

/// The --principal values in `partition` (at least one), without duplicates.
pub fn check_principals(principals: &[PrincipalArn], partition: &str) -> Result<Vec<String>> {
    if principals.is_empty() {
        return Err(input_error(
            "--principal: at least one principal ARN is required",
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for p in principals {
        let p = p.resolve(partition);
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// Warn when requests through access points would still be denied by the bucket policy.
pub async fn warn_if_not_delegated(session: &Session, bucket: &str, account: &str) {
    let Ok(aws) = session.aws().await else { return };
    if let Ok(doc) = aws.bucket_policy(bucket).await {
        let delegated = doc
            .as_ref()
            .is_some_and(|d| crate::policy::access::delegates_to(d, account));
        if !delegated {
            session.printer.warn(format!(
                "bucket {bucket} does not delegate access control to access points, so its bucket policy must also allow these requests; run `lakegate bucket delegate {bucket}`"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_principals() {
        assert_eq!(
            short_principal("arn:aws:iam::123456789012:role/path/Ec2Role"),
            "Ec2Role"
        );
        assert_eq!(
            short_principal("arn:aws:iam::123456789012:root"),
            "123456789012"
        );
        assert_eq!(short_principal("*"), "*");
    }
}
