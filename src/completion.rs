//! Dynamic completion of bucket and access point names (`COMPLETE=SHELL lakegate`).

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::OsStr;
use std::time::Duration;

fn complete_with<F, Fut>(current: &OsStr, fetch: F) -> Vec<CompletionCandidate>
where
    F: FnOnce(crate::aws::Aws) -> Fut,
    Fut: std::future::Future<Output = crate::error::Result<Vec<String>>>,
{
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let global = crate::aws::Settings {
        endpoint_url: std::env::var("LAKEGATE_ENDPOINT_URL").ok(),
        ..Default::default()
    };
    let names = rt.block_on(async {
        let aws = crate::aws::Aws::load(&global).await.ok()?;
        tokio::time::timeout(Duration::from_secs(3), fetch(aws))
            .await
            .ok()?
            .ok()
    });
    names
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}

fn buckets(current: &OsStr) -> Vec<CompletionCandidate> {
    complete_with(current, |aws| async move { aws.bucket_names().await })
}

fn access_points(current: &OsStr) -> Vec<CompletionCandidate> {
    complete_with(current, |aws| async move {
        let account = aws.account_id().await?;
        Ok(aws
            .list_access_points(&account, None, |_| {})
            .await?
            .into_iter()
            .map(|a| a.name)
            .collect())
    })
}

pub fn bucket_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(buckets)
}

pub fn access_point_completer() -> ArgValueCompleter {
    ArgValueCompleter::new(access_points)
}
