//! AWS Organizations: the service control policies and resource control policies that apply to
//! an account — the policies attached to the organization root, to each OU on the way down and
//! to the account ("SCP evaluation": every level must allow).

use super::error::Result;
use super::{classify, error::code, Aws};
use crate::policy::PolicyDocument;
use aws_sdk_organizations::types::{ParentType, PolicyType as OrgType};

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

/// The policies of one kind attached at each target, by (target id, kind).
pub type LevelCache =
    std::sync::Mutex<std::collections::HashMap<(String, OrgPolicyKind), Vec<OrgPolicy>>>;

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
        let org = self.organizations();
        let management = match org.describe_organization().send().await {
            Ok(o) => o
                .organization
                .and_then(|o| o.master_account_id)
                .unwrap_or_default(),
            Err(e) if code(&e) == Some("AWSOrganizationsNotInUseException") => return Ok(None),
            Err(e) => return Err(classify("organizations:DescribeOrganization", e)),
        };
        // The path from the account up to the root.
        let mut targets = vec![account.to_string()];
        let mut child = account.to_string();
        for _ in 0..10 {
            let out = match org.list_parents().child_id(&child).send().await {
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
            let Some(parent) = out.parents.unwrap_or_default().into_iter().next() else {
                break;
            };
            let (Some(id), ty) = (parent.id, parent.r#type) else {
                break;
            };
            targets.push(id.clone());
            if ty == Some(ParentType::Root) {
                break;
            }
            child = id;
        }
        targets.reverse();
        let mut levels = Vec::new();
        for target in &targets {
            // The root's and an OU's policies are the same for every account under them: read
            // once per run (an organization audit asks for hundreds of accounts).
            let key = (target.clone(), kind);
            let known = self
                .org_levels
                .lock()
                .ok()
                .and_then(|m| m.get(&key).cloned());
            if let Some(level) = known {
                if level.is_empty() {
                    return Ok(None);
                }
                levels.push(level);
                continue;
            }
            let mut level = Vec::new();
            let mut token: Option<String> = None;
            loop {
                let out = org
                    .list_policies_for_target()
                    .target_id(target)
                    .filter(kind.filter())
                    .set_next_token(token.clone())
                    .send()
                    .await
                    .map_err(|e| classify("organizations:ListPoliciesForTarget", e))?;
                for summary in out.policies.unwrap_or_default() {
                    let Some(id) = summary.id else { continue };
                    let policy = org
                        .describe_policy()
                        .policy_id(&id)
                        .send()
                        .await
                        .map_err(|e| classify("organizations:DescribePolicy", e))?;
                    let content = policy.policy.and_then(|p| p.content).unwrap_or_default();
                    let document = PolicyDocument::parse(&content).map_err(|e| {
                        super::error::input_error(format!(
                            "the organization policy {id} cannot be read: {e}"
                        ))
                    })?;
                    level.push(OrgPolicy {
                        id,
                        name: summary.name.unwrap_or_default(),
                        document,
                    });
                }
                token = out.next_token;
                if token.is_none() {
                    break;
                }
            }
            if let Ok(mut m) = self.org_levels.lock() {
                m.insert(key, level.clone());
            }
            if level.is_empty() {
                return Ok(None);
            }
            levels.push(level);
        }
        Ok(Some(OrgLevels {
            management_account: management,
            levels,
        }))
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
        let o = org
            .describe_organization()
            .send()
            .await
            .map_err(|e| match code(&e) {
                Some("AWSOrganizationsNotInUseException") => super::error::input_error(
                    "the caller's account is not a member of an AWS Organization",
                ),
                _ => classify("organizations:DescribeOrganization", e),
            })?
            .organization
            .unwrap_or_else(|| aws_sdk_organizations::types::Organization::builder().build());
        let mut accounts = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = org
                .list_accounts()
                .set_next_token(token.take())
                .send()
                .await
                .map_err(|e| classify("organizations:ListAccounts", e))?;
            for a in page.accounts.unwrap_or_default() {
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
            match page.next_token {
                Some(t) if !t.is_empty() => token = Some(t),
                _ => break,
            }
        }
        Ok(Organization {
            id: o.id.unwrap_or_default(),
            management_account: o.master_account_id.unwrap_or_default(),
            accounts,
        })
    }
}
