//! The subscriptions of a domain as they stand: for each, whether lakegate's grant is in place
//! and DataZone's grant status (`subscription list`, and what `reconcile` compares).

use super::access_grants::{self as ag, Grantee};
use super::{account_role_map, asset_of, principals_of, scoped_session, Asset, PolicyCache, Via};
use crate::error::Result;
use crate::output::{Cell, Row};
use crate::session::Session;
use serde::Serialize;
use std::collections::BTreeMap;

/// One subscription and the state of its grant.
#[derive(Debug, Clone, Serialize)]
pub struct SubState {
    pub subscription_id: String,
    pub request_id: Option<String>,
    /// APPROVED, REVOKED or CANCELLED
    pub status: String,
    pub project_id: Option<String>,
    pub asset: String,
    pub bucket: Option<String>,
    pub prefix: Option<String>,
    /// Whether lakegate's grant is in place (null when lakegate does not manage the asset).
    pub granted: Option<bool>,
    /// The status of the subscription's grants in DataZone (PENDING, IN_PROGRESS, COMPLETED,
    /// GRANT_FAILED, …; several grants: comma-separated), null when it has none.
    pub grant_status: Option<String>,
    pub note: Option<String>,
}

impl Row for SubState {
    fn kind() -> Option<&'static str> {
        Some("subscription")
    }

    fn name(&self) -> Option<String> {
        Some(self.subscription_id.clone())
    }

    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec![
            "REQUEST", "STATUS", "PROJECT", "LOCATION", "GRANTED", "DZ-GRANT",
        ];
        if wide {
            h.extend(["SUBSCRIPTION", "ASSET", "NOTE"]);
        }
        h
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let location = match (&self.bucket, &self.prefix) {
            (Some(b), Some(p)) => format!("s3://{b}/{p}"),
            _ => "-".into(),
        };
        let granted = match self.granted {
            Some(true) => "yes",
            Some(false) => "no",
            None => "-",
        };
        let mut c: Vec<Cell> = vec![
            self.request_id.clone().unwrap_or_else(|| "-".into()).into(),
            self.status.clone().into(),
            self.project_id.clone().unwrap_or_else(|| "-".into()).into(),
            location.into(),
            granted.into(),
            self.grant_status
                .clone()
                .unwrap_or_else(|| "-".into())
                .into(),
        ];
        if wide {
            c.push(self.subscription_id.clone().into());
            c.push(self.asset.clone().into());
            c.push(self.note.clone().unwrap_or_default().into());
        }
        c
    }
}

/// Read the domain's subscriptions and, for S3 object collections, whether each grant is in place
/// (in the bucket or access point policy; with `Via::AccessGrants`, as access grants of the
/// subscribing project's principals on the asset's scope).
pub async fn observe(
    session: &Session,
    domain: &str,
    project: Option<&str>,
    roles: &[(String, String)],
    via: Via,
) -> Result<Vec<SubState>> {
    let roles = account_role_map(roles);
    let aws = session.aws().await?;
    let subs = aws.subscriptions(domain, project).await?;
    let mut grant_status: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for g in aws.subscription_grants(domain, project).await? {
        if let Some(sid) = g.subscription_id {
            let st = grant_status.entry(sid).or_default();
            if !st.contains(&g.status) {
                st.push(g.status);
            }
        }
    }
    let mut caches: BTreeMap<String, PolicyCache> = BTreeMap::new();
    let mut grantees: BTreeMap<String, Vec<Grantee>> = BTreeMap::new();
    let mut scoped: BTreeMap<String, Option<(Session, String)>> = BTreeMap::new();
    let mut out = Vec::new();
    for s in subs {
        let asset_name = s
            .listing
            .as_ref()
            .map(|l| l.name.clone())
            .unwrap_or_else(|| "-".into());
        let mut st = SubState {
            subscription_id: s.id.clone(),
            request_id: s.subscription_request_id.clone(),
            status: s.status.clone(),
            project_id: s.project_id.clone(),
            asset: asset_name,
            bucket: None,
            prefix: None,
            granted: None,
            grant_status: grant_status.get(&s.id).map(|v| v.join(",")),
            note: None,
        };
        match asset_of(s.listing.as_ref()) {
            Ok(Asset::Skip(reason)) => st.note = Some(reason),
            Err(e) => st.note = Some(e.message),
            Ok(Asset::S3 { location, .. }) => {
                st.bucket = Some(location.bucket.clone());
                st.prefix = Some(location.prefix.clone());
                match &s.subscription_request_id {
                    None => {
                        st.note =
                            Some("no subscription request id: lakegate cannot key its grant".into())
                    }
                    Some(id) => {
                        let owner = s
                            .listing
                            .as_ref()
                            .map(|l| l.owner_project_id.clone())
                            .unwrap_or_default();
                        if !scoped.contains_key(&owner) {
                            let c = scoped_session(session, &roles, domain, &owner).await?;
                            scoped.insert(owner.clone(), c);
                        }
                        let c = scoped[&owner].as_ref().map(|(c, _)| c).unwrap_or(session);
                        if via == Via::AccessGrants {
                            let Some(p) = &s.project_id else {
                                st.note = Some(
                                    "subscribed directly, not by a project: reconciled through its DataZone grant".into(),
                                );
                                out.push(st);
                                continue;
                            };
                            if !grantees.contains_key(p) {
                                let principals = principals_of(session, domain, p).await?;
                                grantees.insert(p.clone(), ag::grantees(&principals, None));
                            }
                            let account = c.account().await?;
                            st.granted = Some(
                                ag::granted(c.aws().await?, &account, &location, &grantees[p])
                                    .await?,
                            );
                            out.push(st);
                            continue;
                        }
                        let cache = caches.entry(owner.clone()).or_default();
                        st.granted = Some(
                            cache
                                .granted(c, &location.bucket, s.project_id.as_deref(), id)
                                .await?,
                        );
                    }
                }
            }
        }
        out.push(st);
    }
    Ok(out)
}
