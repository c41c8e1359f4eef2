//! Kind: lakegate's security group for an interface endpoint (`lakegate-athena-VPC`), identified
//! by VPC and name; its state is the CIDRs admitted on each TCP port lakegate manages. Writes
//! only add: the group is created when missing, missing ingress rules are authorised. Not
//! restorable (nothing is ever removed from it).

use super::ordered::OrderedMap;
use super::{Fut, LeaseKey, Resource};
use crate::aws::ec2::SecurityGroupInfo;
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A security group, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("security-group", "security group");

#[derive(Debug, Clone)]
pub struct SecurityGroup {
    pub vpc_id: String,
    pub name: String,
    pub description: String,
    /// The TCP ports whose ingress is planned.
    pub ports: Vec<i32>,
    /// `VPC/NAME`: its id in plans (the group id is not known before it exists).
    pub id: String,
}

impl SecurityGroup {
    pub fn new(vpc_id: &str, name: &str, description: &str, ports: &[i32]) -> Self {
        SecurityGroup {
            vpc_id: vpc_id.to_string(),
            name: name.to_string(),
            description: description.to_string(),
            ports: ports.to_vec(),
            id: format!("{vpc_id}/{name}"),
        }
    }

    fn state_of(&self, g: &SecurityGroupInfo) -> GroupState {
        let mut tcp_ingress = OrderedMap::new();
        for p in &self.ports {
            let cidrs: BTreeSet<String> = g
                .ingress
                .iter()
                .flat_map(|r| r.cidrs.iter())
                .filter(|c| g.ingress.iter().any(|r| r.admits(*p, c)))
                .cloned()
                .collect();
            tcp_ingress.insert(p.to_string(), cidrs);
        }
        GroupState {
            group_id: Some(g.id.clone()),
            name: g.name.clone(),
            vpc_id: self.vpc_id.clone(),
            tcp_ingress,
        }
    }
}

/// The state of a group as plans show it: the CIDRs admitted on each managed TCP port.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupState {
    /// Null until the group exists.
    pub group_id: Option<String>,
    pub name: String,
    pub vpc_id: String,
    /// Port (as text) → the CIDRs it admits, in the order of the group's ports.
    pub tcp_ingress: OrderedMap<BTreeSet<String>>,
}

/// The state with `cidrs` admitted on every port (an edit: keeps what is there).
pub fn admitting(current: Option<&GroupState>, sg: &SecurityGroup, cidrs: &[String]) -> GroupState {
    let mut tcp_ingress = OrderedMap::new();
    for p in &sg.ports {
        let mut set = self::cidrs(current, *p);
        set.extend(cidrs.iter().cloned());
        tcp_ingress.insert(p.to_string(), set);
    }
    GroupState {
        group_id: current.and_then(|c| c.group_id.clone()),
        name: sg.name.clone(),
        vpc_id: sg.vpc_id.clone(),
        tcp_ingress,
    }
}

fn cidrs(state: Option<&GroupState>, port: i32) -> BTreeSet<String> {
    state
        .and_then(|s| s.tcp_ingress.get(&port.to_string()))
        .cloned()
        .unwrap_or_default()
}

impl Resource for SecurityGroup {
    type State = GroupState;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<GroupState>> {
        Box::pin(async move {
            Ok(aws
                .security_group_named(&self.vpc_id, &self.name)
                .await?
                .map(|g| self.state_of(&g)))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, desired: &'a GroupState) -> Fut<'a, ()> {
        Box::pin(async move {
            let group = match aws.security_group_named(&self.vpc_id, &self.name).await? {
                Some(g) => g,
                None => {
                    let id = aws
                        .create_security_group(&self.vpc_id, &self.name, &self.description)
                        .await?;
                    tracing::info!(group = id, name = self.name, "created security group");
                    SecurityGroupInfo {
                        id,
                        name: self.name.clone(),
                        vpc_id: Some(self.vpc_id.clone()),
                        ingress: Vec::new(),
                    }
                }
            };
            let current = self.state_of(&group);
            for p in &self.ports {
                let have = cidrs(Some(&current), *p);
                let missing: Vec<String> = cidrs(Some(desired), *p)
                    .into_iter()
                    .filter(|c| !have.contains(c))
                    .collect();
                if !missing.is_empty() {
                    aws.allow_tcp(&group.id, *p, &missing).await?;
                }
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, _aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            Err(failed(format!(
                "lakegate does not delete security groups ({})",
                self.id
            )))
        })
    }
    fn same(&self, a: Option<&GroupState>, b: Option<&GroupState>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(_), Some(_)) => self.ports.iter().all(|p| cidrs(a, *p) == cidrs(b, *p)),
            _ => false,
        }
    }
}

/// The id of the group read back.
pub fn group_id(group: Option<SecurityGroupInfo>) -> Result<String> {
    group
        .map(|g| g.id)
        .ok_or_else(|| failed("the security group was created but cannot be read back"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The plan shows the same JSON as when the state was a `serde_json::Value`: ports in the
    /// group's order, CIDRs sorted, and an edit keeps what is there.
    #[test]
    fn states_print_as_before_and_admitting_keeps_what_is_there() {
        let sg = SecurityGroup::new("vpc-1", "lakegate-athena-vpc-1", "d", &[444, 443]);
        let first = admitting(None, &sg, &["10.0.0.0/16".into()]);
        let before = json!({
            "group_id": null, "name": "lakegate-athena-vpc-1", "vpc_id": "vpc-1",
            "tcp_ingress": {"444": ["10.0.0.0/16"], "443": ["10.0.0.0/16"]},
        });
        assert_eq!(serde_json::to_string(&first).unwrap(), before.to_string());
        let mut read = first.clone();
        read.group_id = Some("sg-1".into());
        let second = admitting(Some(&read), &sg, &["10.1.0.0/16".into()]);
        assert_eq!(second.group_id.as_deref(), Some("sg-1"));
        assert_eq!(
            cidrs(Some(&second), 443).into_iter().collect::<Vec<_>>(),
            ["10.0.0.0/16", "10.1.0.0/16"]
        );
        assert!(!sg.same(Some(&first), Some(&second)));
        assert!(sg.same(Some(&second), Some(&second.clone())));
    }
}
