//! AWS Organizations: the service control policies and resource control policies that apply to
//! an account — the policies attached to the organization root, to each OU on the way down and
//! to the account ("SCP evaluation": every level must allow).

use super::error::Result;
use super::{classify, error::code, Aws};
use crate::policy::PolicyDocument;
use aws_sdk_organizations::types::{ParentType, PolicyType as OrgType};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::OnceCell;

/// Which policies to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgPolicyKind {
    Scp,
    Rcp,
}

impl OrgPolicyKind {
    fn filter(self) -> OrgType {
        match self {
            OrgPolicyKind::Scp => OrgType::ServiceControlPolicy,
            OrgPolicyKind::Rcp => OrgType::ResourceControlPolicy,
        }
    }
}

/// What an organization audit asks Organizations again and again, read once per run and shared
/// by every account: the management account, each target's parent, each target's attached
/// policies of each kind, and each policy's document. Concurrent askers of one key wait for the
/// first answer instead of all asking (an audit starts dozens of accounts at once).
#[derive(Default)]
pub struct LevelCache {
    management: OnceCell<Option<String>>,
    parents: Keyed<String, Option<(String, bool)>>,
    attached: Keyed<(String, OrgPolicyKind), Vec<(String, String)>>,
    documents: Keyed<String, PolicyDocument>,
}

type Keyed<K, V> = std::sync::Mutex<HashMap<K, Arc<OnceCell<V>>>>;

/// The value of `key`, computed by `init` once; an error is not kept (the next asker retries).
async fn once<K, V, F>(map: &Keyed<K, V>, key: K, init: F) -> Result<V>
where
    K: std::hash::Hash + Eq,
    V: Clone,
    F: std::future::Future<Output = Result<V>>,
{
    let cell = {
        let mut m = map.lock().unwrap_or_else(|p| p.into_inner());
        m.entry(key).or_default().clone()
    };
    cell.get_or_try_init(|| init).await.cloned()
}

/// One policy attached at a level.
#[derive(Debug, Clone)]
pub struct OrgPolicy {
    /// `p-…` (or `p-FullAWSAccess` for the AWS managed one).
    pub id: String,
    pub name: String,
    pub document: PolicyDocument,
}

/// The levels from the organization root to the account, each with its attached policies.
#[derive(Debug, Clone)]
pub struct OrgLevels {
    pub management_account: String,
    pub levels: Vec<Vec<OrgPolicy>>,
}

/// Where an account sits in its organization.
#[derive(Debug, Clone)]
pub struct OrgPath {
    pub management: String,
    /// Root first, the account last.
    pub targets: Vec<String>,
}

impl OrgPath {
    /// The levels of one kind from each target's attached policies (in `targets` order); None
    /// when a level has none (the policy type is not enabled).
    pub fn levels(&self, attached: Vec<Vec<OrgPolicy>>) -> Option<OrgLevels> {
        if attached.iter().any(Vec::is_empty) {
            return None;
        }
        Some(OrgLevels {
            management_account: self.management.clone(),
            levels: attached,
        })
    }
}

impl Aws {
    /// The policies of `kind` that apply to `account`. None when the caller's organization is
    /// not in use, the account is not in it, or the policy type is not enabled (a level without
    /// any policy: when a type is enabled, AWS attaches FullAWSAccess / RCPFullAWSAccess to
    /// every root, OU and account and requires one at every level).
    pub async fn org_policy_levels(
        &self,
        account: &str,
        kind: OrgPolicyKind,
    ) -> Result<Option<OrgLevels>> {
        let Some(path) = self.org_path(account).await? else {
            return Ok(None);
        };
        let mut levels = Vec::new();
        for target in &path.targets {
            levels.push(self.attached(target, kind).await?);
        }
        Ok(path.levels(levels))
    }

    /// The management account and the targets from the root down to `account`; None when the
    /// caller's organization is not in use or the account is not in it.
    pub async fn org_path(&self, account: &str) -> Result<Option<OrgPath>> {
        let Some(management) = self.management_account().await? else {
            return Ok(None);
        };
        let mut targets = vec![account.to_string()];
        let mut child = account.to_string();
        for _ in 0..10 {
            let Some((parent, is_root)) = self.parent_of(&child).await? else {
                // Not in the organization.
                if child == account {
                    return Ok(None);
                }
                break;
            };
            targets.push(parent.clone());
            if is_root {
                break;
            }
            child = parent;
        }
        targets.reverse();
        Ok(Some(OrgPath {
            management,
            targets,
        }))
    }

    /// The organization's management account; None when the caller's organization is not in use.
    async fn management_account(&self) -> Result<Option<String>> {
        self.org_levels
            .management
            .get_or_try_init(|| async {
                match self.organizations().describe_organization().send().await {
                    Ok(o) => Ok(Some(
                        o.organization
                            .and_then(|o| o.master_account_id)
                            .unwrap_or_default(),
                    )),
                    Err(e) if code(&e) == Some("AWSOrganizationsNotInUseException") => Ok(None),
                    Err(e) => Err(classify("organizations:DescribeOrganization", e)),
                }
            })
            .await
            .cloned()
    }

    /// The parent of an account or OU and whether it is the root; None when `child` is not in
    /// the organization.
    async fn parent_of(&self, child: &str) -> Result<Option<(String, bool)>> {
        once(&self.org_levels.parents, child.to_string(), async {
            let out = match self
                .organizations()
                .list_parents()
                .child_id(child)
                .send()
                .await
            {
                Ok(o) => o,
                // Not in the organization (moto answers AccountNotFoundException).
                Err(e)
                    if matches!(
                        code(&e),
                        Some("ChildNotFoundException" | "AccountNotFoundException")
                    ) =>
                {
                    return Ok(None)
                }
                Err(e) => return Err(classify("organizations:ListParents", e)),
            };
            Ok(out
                .parents
                .unwrap_or_default()
                .into_iter()
                .next()
                .and_then(|p| Some((p.id?, p.r#type == Some(ParentType::Root)))))
        })
        .await
    }

    /// The policies of `kind` attached at one target (root, OU or account), documents included;
    /// read once per run.
    pub async fn attached(&self, target: &str, kind: OrgPolicyKind) -> Result<Vec<OrgPolicy>> {
        let summaries = once(
            &self.org_levels.attached,
            (target.to_string(), kind),
            async {
                let pages: Vec<_> = self
                    .organizations()
                    .list_policies_for_target()
                    .target_id(target)
                    .filter(kind.filter())
                    .into_paginator()
                    .send()
                    .try_collect()
                    .await
                    .map_err(|e| classify("organizations:ListPoliciesForTarget", e))?;
                let out: Vec<(String, String)> = pages
                    .into_iter()
                    .flat_map(|page| page.policies.unwrap_or_default())
                    .filter_map(|p| Some((p.id?, p.name.unwrap_or_default())))
                    .collect();
                Ok(out)
            },
        )
        .await?;
        // FullAWSAccess and the organization's own policies are attached at many targets: each
        // document is read once.
        let docs = summaries.iter().map(|(id, _)| self.policy_document(id));
        let docs = futures::future::try_join_all(docs).await?;
        Ok(summaries
            .into_iter()
            .zip(docs)
            .map(|((id, name), document)| OrgPolicy { id, name, document })
            .collect())
    }

    /// One organization policy's document (DescribePolicy), read once per run.
    async fn policy_document(&self, id: &str) -> Result<PolicyDocument> {
        once(&self.org_levels.documents, id.to_string(), async {
            let policy = self
                .organizations()
                .describe_policy()
                .policy_id(id)
                .send()
                .await
                .map_err(|e| classify("organizations:DescribePolicy", e))?;
            let content = policy.policy.and_then(|p| p.content).unwrap_or_default();
            PolicyDocument::parse(&content).map_err(|e| {
                super::error::input_error(format!(
                    "the organization policy {id} cannot be read: {e}"
                ))
            })
        })
        .await
    }
}

/// One account of the organization (Organizations ListAccounts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgAccount {
    pub id: String,
    pub name: String,
    /// ACTIVE, SUSPENDED, PENDING_CLOSURE (the `State` field, else the older `Status`).
    pub state: String,
}

/// The caller's organization: its id, management account and every account.
#[derive(Debug, Clone)]
pub struct Organization {
    pub id: String,
    pub management_account: String,
    pub accounts: Vec<OrgAccount>,
}

impl Aws {
    /// The organization the caller belongs to, with every account (ListAccounts, every page;
    /// needs the management account or a delegated administrator).
    pub async fn organization(&self) -> Result<Organization> {
        let org = self.organizations();
        // The organization and its accounts together: one round trip less before an
        // organization audit starts (an error of DescribeOrganization says it best).
        let describe = org.describe_organization().send();
        let (described, accounts) = futures::future::join(describe, self.accounts()).await;
        let o = described
            .map_err(|e| match code(&e) {
                Some("AWSOrganizationsNotInUseException") => super::error::input_error(
                    "the caller's account is not a member of an AWS Organization",
                ),
                _ => classify("organizations:DescribeOrganization", e),
            })?
            .organization
            .unwrap_or_else(|| aws_sdk_organizations::types::Organization::builder().build());
        let accounts = accounts?;
        // The policy levels read later need it too: one DescribeOrganization per run.
        let _ = self
            .org_levels
            .management
            .set(Some(o.master_account_id.clone().unwrap_or_default()));
        Ok(Organization {
            id: o.id.unwrap_or_default(),
            management_account: o.master_account_id.unwrap_or_default(),
            accounts,
        })
    }

    /// Every account of the caller's organization (ListAccounts, every page).
    async fn accounts(&self) -> Result<Vec<OrgAccount>> {
        let pages: Vec<_> = self
            .organizations()
            .list_accounts()
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| classify("organizations:ListAccounts", e))?;
        let mut accounts = Vec::new();
        for a in pages
            .into_iter()
            .flat_map(|page| page.accounts.unwrap_or_default())
        {
            let Some(id) = a.id else { continue };
            #[allow(deprecated)]
            let state = a
                .state
                .map(|s| s.as_str().to_string())
                .or_else(|| a.status.map(|s| s.as_str().to_string()))
                .unwrap_or_else(|| "ACTIVE".into());
            accounts.push(OrgAccount {
                id,
                name: a.name.unwrap_or_default(),
                state,
            });
        }
        Ok(accounts)
    }
}
