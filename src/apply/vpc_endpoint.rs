//! Kind: an interface VPC endpoint, identified by VPC and service (lakegate keeps one per
//! service and VPC). Created when missing, then waited on until available; an existing one is
//! reused unchanged. Not restorable.

use super::{security_group, Fut, LeaseKey, Resource};
use crate::aws::ec2::EndpointInfo;
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use indicatif::ProgressBar;
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

/// A VPC endpoint, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("vpc-endpoint", "VPC endpoint");

#[derive(Debug, Clone)]
pub struct VpcEndpoint {
    pub vpc_id: String,
    pub service: String,
    /// `VPC/SERVICE`: its id in plans (the endpoint id is not known before it exists).
    pub id: String,
    /// Security groups by id, and (vpc, name) of lakegate's own group created in the same plan.
    pub security_groups: Vec<String>,
    pub own_group: Option<(String, String)>,
    /// How long to wait for it to become available.
    pub timeout: Duration,
    /// Where the wait is shown (the printer's draw target).
    pub progress: ProgressBar,
}

/// The state of an endpoint as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointState {
    pub vpc_id: String,
    pub service_name: String,
    pub subnet_ids: Vec<String>,
    pub private_dns_enabled: bool,
    /// Known once it exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_id: Option<String>,
}

/// The state of an endpoint to create.
pub fn state(vpc_id: &str, service: &str, subnets: &[String], private_dns: bool) -> EndpointState {
    EndpointState {
        vpc_id: vpc_id.to_string(),
        service_name: service.to_string(),
        subnet_ids: subnets.to_vec(),
        private_dns_enabled: private_dns,
        endpoint_id: None,
    }
}

fn info_state(e: &EndpointInfo) -> EndpointState {
    EndpointState {
        endpoint_id: Some(e.id.clone()),
        ..state(
            &e.vpc_id,
            &e.service_name,
            &e.subnet_ids,
            e.private_dns_enabled,
        )
    }
}

impl VpcEndpoint {
    async fn existing(&self, aws: &Aws) -> Result<Option<EndpointInfo>> {
        Ok(aws
            .find_endpoints(&self.vpc_id, &self.service)
            .await?
            .into_iter()
            .next())
    }

    async fn wait_available(&self, aws: &Aws, mut info: EndpointInfo) -> Result<EndpointInfo> {
        let started = Instant::now();
        let mut delay = Duration::from_millis(500);
        while info.state != "available" {
            if info.state == "failed" || info.state == "rejected" {
                self.progress.finish_and_clear();
                return Err(failed(format!("endpoint {} is {}", info.id, info.state)));
            }
            if started.elapsed() > self.timeout {
                self.progress.finish_and_clear();
                return Err(failed(format!(
                    "endpoint {} is still {} after {} s",
                    info.id,
                    info.state,
                    self.timeout.as_secs()
                ))
                .hinted("check it later with `lakegate endpoint status --vpce ID`"));
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(10));
            if let Some(i) = aws.endpoint(&info.id).await? {
                info = i;
            }
            self.progress.set_message(format!(
                "endpoint {}: {} {:.0}s",
                info.id,
                info.state,
                started.elapsed().as_secs_f64()
            ));
        }
        self.progress.finish_and_clear();
        Ok(info)
    }
}

impl Resource for VpcEndpoint {
    type State = EndpointState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<EndpointState>> {
        Box::pin(async move { Ok(self.existing(aws).await?.as_ref().map(info_state)) })
    }
    fn write<'a>(&'a self, aws: &'a Aws, desired: &'a EndpointState) -> Fut<'a, ()> {
        Box::pin(async move {
            if self.existing(aws).await?.is_some() {
                return Ok(()); // reused unchanged
            }
            let mut groups = self.security_groups.clone();
            if let Some((vpc, name)) = &self.own_group {
                let g = aws.security_group_named(vpc, name).await?;
                groups.push(security_group::group_id(g)?);
            }
            let created = aws
                .create_interface_endpoint(
                    &self.vpc_id,
                    &self.service,
                    &desired.subnet_ids,
                    &groups,
                    desired.private_dns_enabled,
                )
                .await?;
            tracing::info!(
                endpoint = created.id,
                service = self.service,
                "created VPC endpoint"
            );
            self.progress
                .set_message(format!("endpoint {}: {}", created.id, created.state));
            self.wait_available(aws, created).await?;
            Ok(())
        })
    }
    fn delete<'a>(&'a self, _aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            Err(failed(format!(
                "lakegate does not delete VPC endpoints ({})",
                self.id
            )))
        })
    }
    /// An endpoint is the one of its VPC and service: an existing one is the same.
    fn same(&self, a: Option<&EndpointState>, b: Option<&EndpointState>) -> bool {
        a.is_some() == b.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The plan shows the same JSON as when the state was a `serde_json::Value`.
    #[test]
    fn states_print_as_before() {
        let s = state(
            "vpc-1",
            "com.amazonaws.us-east-1.athena",
            &["subnet-1".into()],
            false,
        );
        let before = json!({
            "vpc_id": "vpc-1", "service_name": "com.amazonaws.us-east-1.athena",
            "subnet_ids": ["subnet-1"], "private_dns_enabled": false,
        });
        assert_eq!(serde_json::to_string(&s).unwrap(), before.to_string());
        let read = EndpointState {
            endpoint_id: Some("vpce-1".into()),
            ..s
        };
        let mut before = before;
        before["endpoint_id"] = json!("vpce-1");
        assert_eq!(serde_json::to_string(&read).unwrap(), before.to_string());
    }
}
