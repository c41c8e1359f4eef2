//! Amazon DataZone: the calls the subscription workflow needs, read into lakegate's own types.
//! Every list call reads all pages.
//!
//! Endpoint: `AWS_ENDPOINT_URL_DATAZONE` wins over the configured endpoint (`Settings::endpoint_url`, `AWS_ENDPOINT_URL`) for
//! DataZone only, so S3 can go to one place (an emulator) and DataZone to another (a fake).

use super::error::{failed, not_found, Error, Result};
use super::{classify, Aws};
use aws_sdk_datazone::types::{
    FailureCause, GrantedEntity, ListingItem, Permissions, SubscribedAsset, SubscribedListing,
    SubscribedListingItem, SubscribedPrincipal, SubscriptionGrantStatus, SubscriptionStatus,
    SubscriptionTargetForm, UserProfileDetails,
};
use serde::Serialize;

/// The asset type of unmanaged S3 object collections.
pub const S3_ASSET_TYPE: &str = "S3ObjectCollectionAssetType";

/// The asset behind a subscription: its type and its forms (a JSON document, as DataZone gives it).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Listing {
    pub listing_id: String,
    pub listing_revision: Option<String>,
    pub name: String,
    pub owner_project_id: String,
    pub entity_id: Option<String>,
    pub entity_type: Option<String>,
    /// `forms` as DataZone returns it: a JSON object keyed by form name, as a string.
    pub forms: Option<String>,
    /// The S3 permissions the subscription asked for (`READ`, `WRITE`), when it asked.
    pub permissions: Vec<String>,
}

/// A subscription request: who subscribes (a project, usually) to which listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SubscriptionRequest {
    pub id: String,
    pub domain_id: String,
    pub status: String,
    /// The subscribing project, when the principal is a project.
    pub project_id: Option<String>,
    pub project_name: Option<String>,
    pub listing: Option<Listing>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Environment {
    pub id: String,
    pub name: String,
    pub project_id: String,
    pub aws_account_id: Option<String>,
    pub aws_account_region: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SubscriptionTarget {
    pub id: String,
    pub name: String,
    pub domain_id: String,
    pub project_id: String,
    pub environment_id: String,
    pub r#type: String,
    pub provider: String,
    pub manage_access_role: Option<String>,
    pub applicable_asset_types: Vec<String>,
    pub authorized_principals: Vec<String>,
}

/// A subscription (an approved request, or one revoked or cancelled since).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Subscription {
    pub id: String,
    pub status: String,
    pub subscription_request_id: Option<String>,
    pub project_id: Option<String>,
    pub listing: Option<Listing>,
}

/// What `CreateSubscriptionTarget` needs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NewSubscriptionTarget {
    pub domain: String,
    pub environment: String,
    pub name: String,
    pub r#type: String,
    pub provider: String,
    pub manage_access_role: String,
    pub applicable_asset_types: Vec<String>,
    pub authorized_principals: Vec<String>,
    /// (form name, content JSON)
    pub config: Vec<(String, String)>,
}

fn listing(l: &SubscribedListing) -> Listing {
    let asset = match &l.item {
        Some(SubscribedListingItem::AssetListing(a)) => Some(a),
        _ => None,
    };
    Listing {
        listing_id: l.id.clone(),
        listing_revision: l.revision.clone(),
        name: l.name.clone(),
        owner_project_id: l.owner_project_id.clone(),
        entity_id: asset.and_then(|a| a.entity_id.clone()),
        entity_type: asset.and_then(|a| a.entity_type.clone()),
        forms: asset.and_then(|a| a.forms.clone()),
        permissions: s3_permissions(asset.and_then(|a| a.permissions.as_ref())),
    }
}

fn s3_permissions(p: Option<&Permissions>) -> Vec<String> {
    match p {
        Some(Permissions::S3(v)) => v.iter().map(|x| x.as_str().to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Who a subscription is for.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Subscriber {
    Project {
        id: Option<String>,
        name: Option<String>,
    },
    /// An IAM principal subscribed directly.
    Iam {
        arn: Option<String>,
    },
    /// A user profile: an IAM user profile carries its principal's ARN, an SSO one does not.
    User {
        id: Option<String>,
        iam_arn: Option<String>,
        /// IAM, SSO or unknown
        profile: String,
    },
    Group {
        id: Option<String>,
        name: Option<String>,
    },
    Unknown,
}

fn subscriber(p: Option<&SubscribedPrincipal>) -> Subscriber {
    match p {
        Some(SubscribedPrincipal::Project(p)) => Subscriber::Project {
            id: p.id.clone(),
            name: p.name.clone(),
        },
        Some(SubscribedPrincipal::Iam(i)) => Subscriber::Iam {
            arn: i.principal_arn.clone(),
        },
        Some(SubscribedPrincipal::User(u)) => {
            let (iam_arn, profile) = match &u.details {
                Some(UserProfileDetails::Iam(i)) => (i.arn.clone(), "IAM"),
                Some(UserProfileDetails::Sso(_)) => (None, "SSO"),
                _ => (None, "unknown"),
            };
            Subscriber::User {
                id: u.id.clone(),
                iam_arn,
                profile: profile.into(),
            }
        }
        Some(SubscribedPrincipal::Group(g)) => Subscriber::Group {
            id: g.id.clone(),
            name: g.name.clone(),
        },
        _ => Subscriber::Unknown,
    }
}

/// One asset of a subscription grant and its fulfilment status.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct GrantAsset {
    pub asset_id: String,
    /// GRANT_PENDING, GRANT_IN_PROGRESS, GRANTED, GRANT_FAILED, REVOKE_…
    pub status: String,
    pub target_name: Option<String>,
    /// The S3 permissions requested for it (`READ`, `WRITE`), when the request carried them.
    pub permissions: Vec<String>,
    pub failure: Option<String>,
}

/// A subscription grant: a subscription's listing granted to one subscription target.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SubscriptionGrant {
    pub id: String,
    pub domain_id: String,
    /// PENDING, IN_PROGRESS, COMPLETED, GRANT_FAILED, REVOKE_FAILED, …
    pub status: String,
    pub subscription_id: Option<String>,
    pub subscription_target_id: String,
    pub environment_id: Option<String>,
    pub listing_id: Option<String>,
    pub listing_revision: Option<String>,
    pub assets: Vec<GrantAsset>,
}

fn grant_asset(a: &SubscribedAsset) -> GrantAsset {
    GrantAsset {
        asset_id: a.asset_id.clone(),
        status: a.status.as_str().to_string(),
        target_name: a.target_name.clone(),
        permissions: s3_permissions(a.permissions.as_ref()),
        failure: a.failure_cause.as_ref().and_then(|f| f.message.clone()),
    }
}

fn listing_of(g: Option<&GrantedEntity>) -> (Option<String>, Option<String>) {
    match g {
        Some(GrantedEntity::Listing(l)) => (Some(l.id.clone()), Some(l.revision.clone())),
        _ => (None, None),
    }
}

/// A subscription with who it is for (GetSubscription).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SubscriptionDetail {
    pub id: String,
    pub status: String,
    pub subscription_request_id: Option<String>,
    pub subscriber: Subscriber,
    pub listing: Option<Listing>,
}

fn project(p: Option<&SubscribedPrincipal>) -> (Option<String>, Option<String>) {
    match p {
        Some(SubscribedPrincipal::Project(p)) => (p.id.clone(), p.name.clone()),
        _ => (None, None),
    }
}

impl Aws {
    /// Where DataZone requests go, and what set it: AWS_ENDPOINT_URL_DATAZONE, else the
    /// configured endpoint (--endpoint-url, AWS_ENDPOINT_URL, the profile), else AWS's own.
    pub fn datazone_endpoint(&self) -> (String, &'static str) {
        if let Some(e) = super::env_endpoint("AWS_ENDPOINT_URL_DATAZONE") {
            return (e, "AWS_ENDPOINT_URL_DATAZONE");
        }
        match super::configured_endpoint(&self.sdk, "DataZone") {
            Some(e) => (e, "--endpoint-url, AWS_ENDPOINT_URL or the profile"),
            None => (
                format!("https://datazone.{}.api.aws", self.region),
                "AWS's endpoint for the region",
            ),
        }
    }

    /// A DataZone call's failure, with where the request went when the answer was not one
    /// DataZone gives (a bare HTTP status from an endpoint that is something else, or none).
    fn dz<T>(&self, r: Result<T>) -> Result<T> {
        r.map_err(|mut e| {
            if let Some(note) = self.not_datazone(&e) {
                e.notes.push(note);
            }
            e
        })
    }

    fn not_datazone(&self, e: &super::error::Error) -> Option<String> {
        use super::error::ErrorKind;
        // DataZone answers errors with a code (AccessDeniedException, ResourceNotFoundException…).
        let bare_status = e.status.is_some()
            && e.code
                .as_deref()
                .is_none_or(|c| c.starts_with("HTTP ") || c == "NotFound" || c == "AccessDenied");
        let unanswered = matches!(
            e.kind,
            ErrorKind::Unreachable | ErrorKind::Unresolved | ErrorKind::Timeout
        );
        if !bare_status && !unanswered {
            return None;
        }
        let (endpoint, from) = self.datazone_endpoint();
        let answer = match e.status {
            Some(s) => format!("answered HTTP {s}, not as DataZone does"),
            None => "did not answer".to_string(),
        };
        Some(format!(
            "DataZone requests went to {endpoint} (from {from}), which {answer}: set AWS_ENDPOINT_URL_DATAZONE to a DataZone endpoint (an S3 emulator has no DataZone), or unset the endpoint settings to use AWS's; `lakegate doctor` checks the endpoint of every service"
        ))
    }

    pub async fn subscription_request(
        &self,
        domain: &str,
        id: &str,
    ) -> Result<SubscriptionRequest> {
        self.dz(get_subscription_request(self.datazone(), domain, id).await)
    }

    pub async fn environments(&self, domain: &str, project: &str) -> Result<Vec<Environment>> {
        self.dz(list_environments(self.datazone(), domain, project).await)
    }

    pub async fn subscription_targets(
        &self,
        domain: &str,
        environment: &str,
    ) -> Result<Vec<SubscriptionTarget>> {
        self.dz(list_subscription_targets(self.datazone(), domain, environment).await)
    }

    pub async fn subscriptions(
        &self,
        domain: &str,
        project: Option<&str>,
    ) -> Result<Vec<Subscription>> {
        self.dz(list_subscriptions(self.datazone(), domain, project).await)
    }

    pub async fn create_subscription_target(
        &self,
        t: &NewSubscriptionTarget,
    ) -> Result<SubscriptionTarget> {
        self.dz(create_subscription_target(self.datazone(), t).await)
    }

    pub async fn subscription_target(
        &self,
        domain: &str,
        environment: &str,
        id: &str,
    ) -> Result<Option<SubscriptionTarget>> {
        self.dz(get_subscription_target(self.datazone(), domain, environment, id).await)
    }

    pub async fn subscription_grant(&self, domain: &str, id: &str) -> Result<SubscriptionGrant> {
        self.dz(get_subscription_grant(self.datazone(), domain, id).await)
    }

    pub async fn subscription(&self, domain: &str, id: &str) -> Result<SubscriptionDetail> {
        self.dz(get_subscription(self.datazone(), domain, id).await)
    }

    pub async fn subscription_grants(
        &self,
        domain: &str,
        project: Option<&str>,
    ) -> Result<Vec<SubscriptionGrant>> {
        self.dz(list_subscription_grants(self.datazone(), domain, project).await)
    }

    /// Report the fulfilment status of one asset of a grant (UpdateSubscriptionGrantStatus).
    pub async fn update_grant_status(
        &self,
        domain: &str,
        grant: &str,
        asset: &str,
        status: &str,
        failure: Option<&str>,
    ) -> Result<()> {
        self.dz(update_subscription_grant_status(
            self.datazone(),
            domain,
            grant,
            asset,
            status,
            failure,
        )
        .await)
    }
}

pub async fn get_subscription_grant(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    id: &str,
) -> Result<SubscriptionGrant> {
    let out = dz
        .get_subscription_grant()
        .domain_identifier(domain)
        .identifier(id)
        .send()
        .await
        .map_err(|e| classify("datazone:GetSubscriptionGrant", e))?;
    let (listing_id, listing_revision) = listing_of(out.granted_entity.as_ref());
    #[allow(deprecated)]
    let subscription_id = out.subscription_id.clone();
    Ok(SubscriptionGrant {
        id: out.id.clone(),
        domain_id: out.domain_id.clone(),
        status: out.status.as_str().to_string(),
        subscription_id,
        subscription_target_id: out.subscription_target_id.clone(),
        environment_id: out.environment_id.clone(),
        listing_id,
        listing_revision,
        assets: out.assets().iter().map(grant_asset).collect(),
    })
}

pub async fn get_subscription(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    id: &str,
) -> Result<SubscriptionDetail> {
    let out = dz
        .get_subscription()
        .domain_identifier(domain)
        .identifier(id)
        .send()
        .await
        .map_err(|e| classify("datazone:GetSubscription", e))?;
    let mut l = out.subscribed_listing.as_ref().map(listing);
    if let Some(l) = &mut l {
        complete_listing(dz, domain, l).await?;
    }
    Ok(SubscriptionDetail {
        id: out.id.clone(),
        status: out.status.as_str().to_string(),
        subscription_request_id: out.subscription_request_id.clone(),
        subscriber: subscriber(out.subscribed_principal.as_ref()),
        listing: l,
    })
}

pub async fn list_subscription_grants(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    project: Option<&str>,
) -> Result<Vec<SubscriptionGrant>> {
    let mut out = Vec::new();
    let mut pages = dz
        .list_subscription_grants()
        .domain_identifier(domain)
        .set_owning_project_id(project.map(str::to_owned))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| classify("datazone:ListSubscriptionGrants", e))?;
        for g in page.items() {
            let (listing_id, listing_revision) = listing_of(g.granted_entity.as_ref());
            #[allow(deprecated)]
            let subscription_id = g.subscription_id.clone();
            out.push(SubscriptionGrant {
                id: g.id.clone(),
                domain_id: g.domain_id.clone(),
                status: g.status.as_str().to_string(),
                subscription_id,
                subscription_target_id: g.subscription_target_id.clone(),
                environment_id: g.environment_id.clone(),
                listing_id,
                listing_revision,
                assets: g.assets().iter().map(grant_asset).collect(),
            });
        }
    }
    Ok(out)
}

pub async fn update_subscription_grant_status(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    grant: &str,
    asset: &str,
    status: &str,
    failure: Option<&str>,
) -> Result<()> {
    dz.update_subscription_grant_status()
        .domain_identifier(domain)
        .identifier(grant)
        .asset_identifier(asset)
        .status(SubscriptionGrantStatus::from(status))
        .set_failure_cause(failure.map(|m| FailureCause::builder().message(m).build()))
        .send()
        .await
        .map_err(|e| classify("datazone:UpdateSubscriptionGrantStatus", e))?;
    Ok(())
}

pub async fn get_subscription_target(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    environment: &str,
    id: &str,
) -> Result<Option<SubscriptionTarget>> {
    let out = match dz
        .get_subscription_target()
        .domain_identifier(domain)
        .environment_identifier(environment)
        .identifier(id)
        .send()
        .await
    {
        Ok(o) => o,
        Err(e) => {
            let e = classify("datazone:GetSubscriptionTarget", e);
            let gone = matches!(
                e.code.as_deref(),
                Some("ResourceNotFoundException" | "NotFound")
            );
            return if gone { Ok(None) } else { Err(e) };
        }
    };
    Ok(Some(SubscriptionTarget {
        id: out.id.clone(),
        name: out.name.clone(),
        domain_id: out.domain_id.clone(),
        project_id: out.project_id.clone(),
        environment_id: out.environment_id.clone(),
        r#type: out.r#type.clone(),
        provider: out.provider.clone(),
        manage_access_role: out.manage_access_role.clone(),
        applicable_asset_types: out.applicable_asset_types.clone(),
        authorized_principals: out.authorized_principals.clone(),
    }))
}

/// DataZone's answer that an identifier names nothing: `ResourceNotFoundException` (HTTP 404).
fn names_nothing(e: &Error) -> bool {
    e.status == Some(404) || e.code.as_deref() == Some("ResourceNotFoundException")
}

pub async fn get_subscription_request(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    id: &str,
) -> Result<SubscriptionRequest> {
    let out = dz
        .get_subscription_request_details()
        .domain_identifier(domain)
        .identifier(id)
        .send()
        .await
        .map_err(|e| {
            let e = classify("datazone:GetSubscriptionRequestDetails", e);
            if names_nothing(&e) {
                // Name what was looked for: the request id and the domain it was looked in.
                not_found(format!(
                    "subscription request '{id}' was not found in DataZone domain '{domain}'"
                ))
                .op("datazone:GetSubscriptionRequestDetails")
                .code(
                    e.code
                        .clone()
                        .unwrap_or_else(|| "ResourceNotFoundException".into()),
                )
                .resource(id.to_string())
            } else {
                e
            }
        })?;
    let (project_id, project_name) = project(out.subscribed_principals.first());
    let mut l = out.subscribed_listings.first().map(listing);
    if let Some(l) = &mut l {
        complete_listing(dz, domain, l).await?;
    }
    Ok(SubscriptionRequest {
        id: out.id.clone(),
        domain_id: out.domain_id.clone(),
        status: out.status.as_str().to_string(),
        project_id,
        project_name,
        listing: l,
    })
}

/// Fill in the asset type and forms from GetListing when the subscription did not carry them.
pub async fn complete_listing(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    l: &mut Listing,
) -> Result<()> {
    if l.entity_type.is_some() && l.forms.is_some() {
        return Ok(());
    }
    let out = dz
        .get_listing()
        .domain_identifier(domain)
        .identifier(&l.listing_id)
        .set_listing_revision(l.listing_revision.clone())
        .send()
        .await
        .map_err(|e| classify("datazone:GetListing", e))?;
    if let Some(ListingItem::AssetListing(a)) = &out.item {
        if l.entity_type.is_none() {
            l.entity_type = a.asset_type.clone();
        }
        if l.forms.is_none() {
            l.forms = a.forms.clone();
        }
        if l.entity_id.is_none() {
            l.entity_id = a.asset_id.clone();
        }
    }
    Ok(())
}

pub async fn list_environments(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    project: &str,
) -> Result<Vec<Environment>> {
    let mut out = Vec::new();
    let mut pages = dz
        .list_environments()
        .domain_identifier(domain)
        .project_identifier(project)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| classify("datazone:ListEnvironments", e))?;
        for e in page.items() {
            out.push(Environment {
                id: e.id.clone().unwrap_or_default(),
                name: e.name.clone(),
                project_id: e.project_id.clone(),
                aws_account_id: e.aws_account_id.clone(),
                aws_account_region: e.aws_account_region.clone(),
            });
        }
    }
    Ok(out)
}

pub async fn list_subscription_targets(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    environment: &str,
) -> Result<Vec<SubscriptionTarget>> {
    let mut out = Vec::new();
    let mut pages = dz
        .list_subscription_targets()
        .domain_identifier(domain)
        .environment_identifier(environment)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| classify("datazone:ListSubscriptionTargets", e))?;
        for t in page.items() {
            out.push(SubscriptionTarget {
                id: t.id.clone(),
                name: t.name.clone(),
                domain_id: t.domain_id.clone(),
                project_id: t.project_id.clone(),
                environment_id: t.environment_id.clone(),
                r#type: t.r#type.clone(),
                provider: t.provider.clone(),
                manage_access_role: t.manage_access_role.clone(),
                applicable_asset_types: t.applicable_asset_types.clone(),
                authorized_principals: t.authorized_principals.clone(),
            });
        }
    }
    Ok(out)
}

pub async fn list_subscriptions(
    dz: &aws_sdk_datazone::Client,
    domain: &str,
    project: Option<&str>,
) -> Result<Vec<Subscription>> {
    let mut out = Vec::new();
    let mut pages = dz
        .list_subscriptions()
        .domain_identifier(domain)
        .set_owning_project_id(project.map(str::to_owned))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| classify("datazone:ListSubscriptions", e))?;
        for s in page.items() {
            let (project_id, _) = project_of(s.subscribed_principal.as_ref());
            let mut l = s.subscribed_listing.as_ref().map(listing);
            if let Some(l) = &mut l {
                complete_listing(dz, domain, l).await?;
            }
            out.push(Subscription {
                id: s.id.clone(),
                status: status(&s.status),
                subscription_request_id: s.subscription_request_id.clone(),
                project_id,
                listing: l,
            });
        }
    }
    Ok(out)
}

fn project_of(p: Option<&SubscribedPrincipal>) -> (Option<String>, Option<String>) {
    project(p)
}

fn status(s: &SubscriptionStatus) -> String {
    s.as_str().to_string()
}

pub async fn create_subscription_target(
    dz: &aws_sdk_datazone::Client,
    t: &NewSubscriptionTarget,
) -> Result<SubscriptionTarget> {
    let mut forms = Vec::new();
    for (name, content) in &t.config {
        forms.push(
            SubscriptionTargetForm::builder()
                .form_name(name)
                .content(content)
                .build()
                .map_err(|e| failed(format!("subscription target config: {e}")))?,
        );
    }
    let out = dz
        .create_subscription_target()
        .domain_identifier(&t.domain)
        .environment_identifier(&t.environment)
        .name(&t.name)
        .r#type(&t.r#type)
        .provider(&t.provider)
        .manage_access_role(&t.manage_access_role)
        .set_applicable_asset_types(Some(t.applicable_asset_types.clone()))
        .set_authorized_principals(Some(t.authorized_principals.clone()))
        .set_subscription_target_config(Some(forms))
        .send()
        .await
        .map_err(|e| classify("datazone:CreateSubscriptionTarget", e))?;
    Ok(SubscriptionTarget {
        id: out.id.clone(),
        name: out.name.clone(),
        domain_id: out.domain_id.clone(),
        project_id: out.project_id.clone(),
        environment_id: out.environment_id.clone(),
        r#type: out.r#type.clone(),
        provider: out.provider.clone(),
        manage_access_role: out.manage_access_role.clone(),
        applicable_asset_types: out.applicable_asset_types.clone(),
        authorized_principals: out.authorized_principals.clone(),
    })
}

#[cfg(test)]
mod tests {
    //! Over HTTP against a `wiremock` fake (`super::super::test_fake`): the SDK's own
    //! deserialisers read the fixtures of `tests/fixtures/datazone/`, shaped as the DataZone API
    //! reference shows its responses, at the REST paths it documents (`/v2/domains/{domain}/…`).
    use super::*;
    use crate::aws::test_fake::{calls, config, json_body, query};
    use aws_sdk_datazone::Client;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, Request, ResponseTemplate};

    const DOMAIN: &str = "/v2/domains/dzd_abc123";

    fn fixture(name: &str) -> String {
        let path = format!(
            "{}/tests/fixtures/datazone/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (k, v) in [
            ("{{PROJECT}}", "consumerproj1"),
            ("{{REQUEST}}", "req1"),
            ("{{ENV}}", "env1"),
            ("{{ENV2_ACCOUNT}}", "123456789012"),
            ("{{ASSET_TYPE}}", S3_ASSET_TYPE),
            ("{{BUCKET_ARN}}", "arn:aws:s3:::genomes-bucket/genomes/"),
            (
                "{{PRINCIPAL_A}}",
                "arn:aws:iam::123456789012:role/instance-role",
            ),
            (
                "{{PRINCIPAL_B}}",
                "arn:aws:iam::123456789012:role/batch-role",
            ),
        ] {
            text = text.replace(k, v);
        }
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        // The page the shape comes from is in "_source"; the response is "body".
        v["body"].to_string()
    }

    fn ok(body: String) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_raw(body, "application/json")
    }

    /// A fake DataZone and a client of it.
    async fn fake() -> (MockServer, Client) {
        let server = MockServer::start().await;
        let client = Client::new(&config(&server));
        (server, client)
    }

    /// Answers `verb` requests at exactly `at` (below the domain) that `matches` accepts.
    async fn answer(
        server: &MockServer,
        verb: &str,
        at: &str,
        matches: impl Fn(&Request) -> bool + Send + Sync + 'static,
        with: ResponseTemplate,
    ) {
        Mock::given(method(verb))
            .and(path(format!("{DOMAIN}{at}")))
            .and(matches)
            .respond_with(with)
            .mount(server)
            .await;
    }

    fn any(_: &Request) -> bool {
        true
    }

    fn first_page(r: &Request) -> bool {
        query(r, "nextToken").is_none()
    }

    fn page(token: &'static str) -> impl Fn(&Request) -> bool + Send + Sync + 'static {
        move |r| query(r, "nextToken").as_deref() == Some(token)
    }

    #[tokio::test]
    async fn subscription_request_details_are_read() {
        let (server, dz) = fake().await;
        let details = ok(fixture("get-subscription-request-details.json"));
        answer(&server, "GET", "/subscription-requests/req1", any, details).await;
        let r = get_subscription_request(&dz, "dzd_abc123", "req1")
            .await
            .unwrap();
        assert_eq!(r.project_id.as_deref(), Some("consumerproj1"));
        let l = r.listing.unwrap();
        assert_eq!(l.entity_type.as_deref(), Some(S3_ASSET_TYPE));
        assert!(l.forms.unwrap().contains("S3ObjectCollectionForm"));
    }

    #[tokio::test]
    async fn a_listing_without_forms_is_completed_with_get_listing() {
        let details = fixture("get-subscription-request-details.json");
        let mut v: serde_json::Value = serde_json::from_str(&details).unwrap();
        let asset = &mut v["subscribedListings"][0]["item"]["assetListing"];
        asset.as_object_mut().unwrap().remove("forms");
        let (server, dz) = fake().await;
        answer(
            &server,
            "GET",
            "/subscription-requests/req1",
            any,
            ok(v.to_string()),
        )
        .await;
        let revision_1 = |r: &Request| query(r, "listingRevision").as_deref() == Some("1");
        let listing = ok(fixture("get-listing.json"));
        answer(&server, "GET", "/listings/lstreq1", revision_1, listing).await;
        let r = get_subscription_request(&dz, "dzd_abc123", "req1")
            .await
            .unwrap();
        let l = r.listing.unwrap();
        assert_eq!(calls(&server, &format!("{DOMAIN}/listings/")).await, 1);
        assert!(l
            .forms
            .unwrap()
            .contains("arn:aws:s3:::genomes-bucket/genomes/"));
    }

    #[tokio::test]
    async fn every_page_of_environments_and_targets_is_read() {
        let (server, dz) = fake().await;
        let project =
            |r: &Request| query(r, "projectIdentifier").as_deref() == Some("consumerproj1");
        let env1 = ok(fixture("list-environments-page1.json"));
        let env2 = ok(fixture("list-environments-page2.json"));
        answer(
            &server,
            "GET",
            "/environments",
            move |r| project(r) && first_page(r),
            env1,
        )
        .await;
        let second = page("envpage2");
        answer(
            &server,
            "GET",
            "/environments",
            move |r| project(r) && second(r),
            env2,
        )
        .await;
        let targets_at = "/environments/env1/subscription-targets";
        let t1 = ok(fixture("list-subscription-targets-page1.json"));
        let t2 = ok(fixture("list-subscription-targets-page2.json"));
        answer(&server, "GET", targets_at, first_page, t1).await;
        answer(&server, "GET", targets_at, page("tgtpage2"), t2).await;
        let envs = list_environments(&dz, "dzd_abc123", "consumerproj1")
            .await
            .unwrap();
        assert_eq!(
            envs.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["env1", "env2"]
        );
        let targets = list_subscription_targets(&dz, "dzd_abc123", "env1")
            .await
            .unwrap();
        assert_eq!(targets.len(), 3);
        let requests = server.received_requests().await.unwrap();
        let at = |p: &str| requests.iter().filter(|r| r.url.path() == p).count();
        assert_eq!(at(&format!("{DOMAIN}/environments")), 2);
        assert_eq!(at(&format!("{DOMAIN}{targets_at}")), 2);
    }

    #[tokio::test]
    async fn every_page_of_subscriptions_is_read() {
        let (server, dz) = fake().await;
        let p1 = ok(fixture("list-subscriptions-page1.json"));
        let p2 = ok(fixture("list-subscriptions-page2.json"));
        answer(&server, "GET", "/subscriptions", first_page, p1).await;
        answer(&server, "GET", "/subscriptions", page("subpage2"), p2).await;
        let subs = list_subscriptions(&dz, "dzd_abc123", None).await.unwrap();
        assert_eq!(subs.len(), 3);
        assert!(subs.iter().any(|s| s.status == "REVOKED"));
        assert_eq!(subs[0].subscription_request_id.as_deref(), Some("req1"));
    }

    #[tokio::test]
    async fn a_subscription_target_is_created() {
        let (server, dz) = fake().await;
        let body_is_s3_for_env1 = |r: &Request| {
            json_body(r)["applicableAssetTypes"] == serde_json::json!([S3_ASSET_TYPE])
        };
        let created = ok(fixture("create-subscription-target.json"));
        let at = "/environments/env1/subscription-targets";
        answer(&server, "POST", at, body_is_s3_for_env1, created).await;
        let t = create_subscription_target(
            &dz,
            &NewSubscriptionTarget {
                domain: "dzd_abc123".into(),
                environment: "env1".into(),
                name: "custom-s3-target-consumerenv".into(),
                r#type: "GlueSubscriptionTargetType".into(),
                provider: "Custom Provider".into(),
                manage_access_role: "arn:aws:iam::123456789012:role/environment-role".into(),
                applicable_asset_types: vec![S3_ASSET_TYPE.into()],
                authorized_principals: vec!["arn:aws:iam::123456789012:role/instance-role".into()],
                config: vec![(
                    "GlueSubscriptionTargetConfigForm".into(),
                    r#"{"databaseName":"customdb1"}"#.into(),
                )],
            },
        )
        .await
        .unwrap();
        assert_eq!(t.id, "tgt1");
        assert_eq!(t.authorized_principals.len(), 1);
    }

    #[tokio::test]
    async fn an_access_denied_answer_is_classified() {
        let (server, dz) = fake().await;
        let denied = ResponseTemplate::new(403).set_body_raw(
            r#"{"message":"User is not authorized"}"#,
            "application/json",
        );
        answer(&server, "GET", "/subscription-requests/req1", any, denied).await;
        let e = get_subscription_request(&dz, "dzd_abc123", "req1")
            .await
            .unwrap_err();
        assert!(
            e.message.contains("datazone:GetSubscriptionRequestDetails"),
            "{e}"
        );
    }
}
