//! One bucket's policies as the evaluator reads them: its bucket policy and the policy of each
//! of its access points, read all at once under a pool's permits (`audit report`, `access
//! who-can`).

use crate::aws::s3control::AccessPointInfo;
use crate::aws::Aws;
use crate::error::{failed, CliError, Result};
use crate::policy::eval::{AccessPointPolicy, AccessPointTarget, CompiledPolicy, PolicySet};
use tokio::sync::Semaphore;

/// The bucket policy of `bucket` (in `account`) and the policies of `aps`, each read under one
/// of `pool`'s permits, together: a bucket costs one round trip. An access point deleted since
/// it was listed grants nothing and is left out.
pub async fn read(
    aws: &Aws,
    account: &str,
    bucket: &str,
    aps: Vec<AccessPointInfo>,
    pool: &Semaphore,
) -> Result<PolicySet> {
    async fn limited<T>(pool: &Semaphore, call: impl std::future::Future<Output = T>) -> T {
        let _permit = pool.acquire().await.expect("the pool is never closed");
        call.await
    }
    let bucket_policy = async {
        limited(pool, aws.bucket_policy(bucket))
            .await?
            .map(|d| CompiledPolicy::compile(&d, "bucket"))
            .transpose()
            .map_err(|e| {
                failed(format!(
                    "the bucket policy of '{bucket}' cannot be read: {e}"
                ))
            })
    };
    let fetches = aps.into_iter().map(|ap| async move {
        let doc = match limited(pool, aws.access_point_policy(account, &ap.name)).await {
            Err(e) if e.kind == crate::aws::ErrorKind::NotFound => {
                tracing::debug!(name = ap.name, "access point deleted since it was listed");
                return Ok(None);
            }
            other => other,
        };
        let policy = doc?
            .map(|d| CompiledPolicy::compile(&d, format!("access-point:{}", ap.name)))
            .transpose()
            .map_err(|e| {
                failed(format!(
                    "the policy of access point '{}' cannot be read: {e}",
                    ap.name
                ))
            })?;
        let target = AccessPointTarget::from_arn(&ap.arn).unwrap_or(AccessPointTarget {
            name: ap.name.clone(),
            arn: ap.arn.clone(),
            account: account.to_string(),
        });
        Ok::<_, CliError>(Some(AccessPointPolicy { target, policy }))
    });
    let (bucket_policy, access_points) =
        futures::future::join(bucket_policy, futures::future::join_all(fetches)).await;
    let bucket_policy = bucket_policy?;
    let access_points = access_points
        .into_iter()
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    Ok(PolicySet {
        identity: Vec::new(),
        bucket: bucket_policy,
        bucket_account: account.to_string(),
        access_points,
    })
}
