//! IAM Access Analyzer: the external-access findings (external access analyzers) and the
//! internal-access findings (internal access analyzers, `ORGANIZATION_INTERNAL_ACCESS` /
//! `ACCOUNT_INTERNAL_ACCESS`) of S3 buckets (general purpose and directory buckets), read into
//! lakegate's own types. Every list reads all pages.
//!
//! The types serialise with the API's own field names (camelCase, `externalAccessDetails`
//! wrapper, absent fields left out), because they are written to S3 as the raw findings archive.
//!
//! Endpoint: `AWS_ENDPOINT_URL_ACCESSANALYZER` wins over the configured endpoint
//! (`Settings::endpoint_url`, `AWS_ENDPOINT_URL`) for Access Analyzer only, so S3 can go to an emulator and Access Analyzer to a fake.
//!
//! IAM: ListFindingsV2 is authorised by `access-analyzer:ListFindings` and GetFindingV2 by
//! `access-analyzer:GetFinding` (there are no `...V2` actions).

use super::error::{failed, input_error, Error, Result};
use super::{classify, Aws};
use aws_sdk_accessanalyzer::types::Criterion;
use aws_sdk_accessanalyzer::Client;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::date_time::Format;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use futures::{StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The resource types lakegate asks Access Analyzer about.
pub const S3_RESOURCE_TYPES: [&str; 2] = ["AWS::S3::Bucket", "AWS::S3Express::DirectoryBucket"];

/// Findings per ListFindingsV2 page.
const PAGE_SIZE: i32 = 100;

/// A finding: the FindingSummaryV2 fields plus, once read with GetFindingV2, every page of its
/// details. Timestamps are RFC 3339.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub resource_type: String,
    pub resource_owner_account: String,
    /// ACTIVE, ARCHIVED or RESOLVED (ListFindingsV2 returns all three unless filtered).
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analyzed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Why the resource could not be analyzed (e.g. ACCESS_DENIED); such a finding has no details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default)]
    pub finding_details: Vec<FindingDetails>,
}

/// One element of `findingDetails` (a union in the API). External and internal access are kept;
/// unused-access details are about IAM roles and users, never S3 findings.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FindingDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_access_details: Option<ExternalAccessDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_access_details: Option<InternalAccessDetails>,
}

/// The details of an internal-access finding (findingType `InternalAccess`): a principal of the
/// account or organization (the zone of trust) that can reach the resource.
/// <https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_InternalAccessDetails.html>
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct InternalAccessDetails {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub principal: BTreeMap<String, String>,
    /// The account that owns the principal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_owner_account: Option<String>,
    /// IAM_ROLE or IAM_USER.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
    /// INTRA_ACCOUNT or INTRA_ORG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub condition: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<FindingSource>,
    /// APPLICABLE, FAILED_TO_EVALUATE_RCP, NOT_APPLICABLE or APPLIED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_control_policy_restriction: Option<String>,
    /// APPLICABLE, FAILED_TO_EVALUATE_SCP, NOT_APPLICABLE or APPLIED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_control_policy_restriction: Option<String>,
}

/// What the audit reads of one detail, external or internal alike.
struct Grant<'a> {
    principal: &'a BTreeMap<String, String>,
    action: &'a [String],
    condition: &'a BTreeMap<String, String>,
    sources: &'a [FindingSource],
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExternalAccessDetails {
    /// Keyed by principal kind: `AWS`, `CanonicalUser`, `Federated`, `Service`...
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub principal: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub action: Vec<String>,
    /// Required by the API, so always written (`{}` when the statement has no condition).
    #[serde(default)]
    pub condition: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_public: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<FindingSource>,
    /// APPLICABLE, FAILED_TO_EVALUATE_RCP, NOT_APPLICABLE or APPLIED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_control_policy_restriction: Option<String>,
}

/// How the access is granted: POLICY, BUCKET_ACL, S3_ACCESS_POINT, S3_ACCESS_POINT_ACCOUNT.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FindingSource {
    pub r#type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<FindingSourceDetail>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FindingSourceDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_point_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_point_account: Option<String>,
}

impl Finding {
    /// Every external- and internal-access detail, in order.
    fn grants(&self) -> impl Iterator<Item = Grant<'_>> {
        self.finding_details.iter().flat_map(|d| {
            let e = d.external_access_details.as_ref().map(|e| Grant {
                principal: &e.principal,
                action: &e.action,
                condition: &e.condition,
                sources: &e.sources,
            });
            let i = d.internal_access_details.as_ref().map(|i| Grant {
                principal: &i.principal,
                action: &i.action,
                condition: &i.condition,
                sources: &i.sources,
            });
            e.into_iter().chain(i)
        })
    }

    /// The distinct principal values (of every kind: `AWS`, `CanonicalUser`, `Federated`,
    /// `Service`...) of every access detail, in order of appearance.
    pub fn principals(&self) -> Vec<String> {
        distinct(self.grants().flat_map(|d| d.principal.values()))
    }

    /// The distinct access point ARNs the access goes through, in order of appearance.
    pub fn access_point_arns(&self) -> Vec<String> {
        distinct(
            self.grants()
                .flat_map(|d| d.sources)
                .filter_map(|s| s.detail.as_ref()?.access_point_arn.as_ref()),
        )
    }

    /// The distinct actions of every access detail, in order of appearance.
    pub fn actions(&self) -> Vec<String> {
        distinct(self.grants().flat_map(|d| d.action))
    }

    /// The distinct `key=value` conditions of every access detail.
    pub fn conditions(&self) -> Vec<String> {
        let pairs: Vec<String> = self
            .grants()
            .flat_map(|d| d.condition.iter().map(|(k, v)| format!("{k}={v}")))
            .collect();
        distinct(pairs.iter())
    }

    /// The distinct source types (`POLICY`, `BUCKET_ACL`, `S3_ACCESS_POINT`, …).
    pub fn source_types(&self) -> Vec<String> {
        distinct(self.grants().flat_map(|d| d.sources).map(|s| &s.r#type))
    }

    /// The distinct internal access types (`INTRA_ACCOUNT`, `INTRA_ORG`) of an internal-access
    /// finding; empty for an external-access one.
    pub fn access_types(&self) -> Vec<String> {
        distinct(
            self.finding_details
                .iter()
                .filter_map(|d| d.internal_access_details.as_ref()?.access_type.as_ref()),
        )
    }

    /// The bucket of the finding's resource: NAME from `arn:PARTITION:s3:::NAME` or, for a
    /// directory bucket, from `arn:PARTITION:s3express:REGION:ACCOUNT:bucket/NAME`.
    pub fn bucket(&self) -> Option<String> {
        bucket_of_arn(self.resource.as_deref()?)
    }
}

fn distinct<'a>(values: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

fn bucket_of_arn(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [prefix, partition, service, region, account, resource] = parts[..] else {
        return None;
    };
    if prefix != "arn" || partition.is_empty() {
        return None;
    }
    let name = match service {
        "s3" if region.is_empty() && account.is_empty() => {
            resource.split('/').next().unwrap_or_default()
        }
        "s3express" => resource.strip_prefix("bucket/")?,
        _ => return None,
    };
    (!name.is_empty()).then(|| name.to_string())
}

/// `arn:PARTITION:access-analyzer:REGION:ACCOUNT:analyzer/NAME`, else a one-line input error
/// (the command line refuses a bad one first: `values::AnalyzerArn`).
pub fn check_analyzer_arn(arn: &str) -> Result<()> {
    if crate::policy::arn::is_analyzer_arn(arn) {
        Ok(())
    } else {
        Err(input_error(format!(
            "invalid analyzer ARN '{}': expected arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME",
            arn.escape_debug()
        ))
        .param("analyzerArn"))
    }
}

fn timestamp(t: &aws_smithy_types::DateTime) -> Option<String> {
    t.fmt(Format::DateTime).ok()
}

fn sources(s: &[aws_sdk_accessanalyzer::types::FindingSource]) -> Vec<FindingSource> {
    s.iter()
        .map(|s| FindingSource {
            r#type: s.r#type.as_str().to_string(),
            detail: s.detail.as_ref().map(|d| FindingSourceDetail {
                access_point_arn: d.access_point_arn.clone(),
                access_point_account: d.access_point_account.clone(),
            }),
        })
        .collect()
}

fn map(m: Option<&std::collections::HashMap<String, String>>) -> BTreeMap<String, String> {
    m.into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn details(d: &aws_sdk_accessanalyzer::types::FindingDetails) -> Option<FindingDetails> {
    if let Ok(i) = d.as_internal_access_details() {
        return Some(FindingDetails {
            internal_access_details: Some(InternalAccessDetails {
                principal: map(i.principal.as_ref()),
                principal_owner_account: i.principal_owner_account.clone(),
                principal_type: i.principal_type.as_ref().map(|t| t.as_str().to_string()),
                access_type: i.access_type.as_ref().map(|t| t.as_str().to_string()),
                action: i.action().to_vec(),
                condition: map(i.condition.as_ref()),
                sources: sources(i.sources()),
                resource_control_policy_restriction: i
                    .resource_control_policy_restriction
                    .as_ref()
                    .map(|r| r.as_str().to_string()),
                service_control_policy_restriction: i
                    .service_control_policy_restriction
                    .as_ref()
                    .map(|r| r.as_str().to_string()),
            }),
            ..FindingDetails::default()
        });
    }
    let e = d.as_external_access_details().ok()?;
    Some(FindingDetails {
        internal_access_details: None,
        external_access_details: Some(ExternalAccessDetails {
            principal: e
                .principal
                .iter()
                .flatten()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            action: e.action().to_vec(),
            condition: e
                .condition
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            is_public: e.is_public,
            sources: sources(e.sources()),
            resource_control_policy_restriction: e
                .resource_control_policy_restriction
                .as_ref()
                .map(|r| r.as_str().to_string()),
        }),
    })
}

/// The region the client calls, for messages.
fn region(client: &Client) -> String {
    client
        .config()
        .region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "the configured region".to_string())
}

/// Classify an Access Analyzer error: the IAM action that authorises the call (not the V2
/// operation name), and a not-found analyzer or finding named in one line.
fn call_error<E>(
    op: &str,
    iam_action: &str,
    not_found: impl FnOnce() -> Error,
    e: SdkError<E, HttpResponse>,
) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let code = super::error::code(&e).map(str::to_owned);
    let mut err = classify(op, e);
    err.action = Some(iam_action.to_string());
    match code.as_deref() {
        Some("ResourceNotFoundException") => {
            let mut nf = not_found().op(op).code("ResourceNotFoundException");
            nf.status = err.status;
            let err = err.into_info();
            nf.causes.push(err.message);
            nf.causes.extend(err.causes);
            nf
        }
        _ => err,
    }
}

fn analyzer_not_found(client: &Client, arn: &str) -> Error {
    let region = region(client);
    failed(format!("analyzer {arn} not found in {region}"))
        .resource(arn)
        .region(region)
}

impl Aws {
    /// Every S3 finding of the analyzer, with its details; see [`s3_findings`].
    pub async fn s3_findings(
        &self,
        analyzer_arn: &str,
        concurrency: usize,
    ) -> Result<Vec<Finding>> {
        s3_findings(self.accessanalyzer(), analyzer_arn, concurrency).await
    }
}

/// A [`Finding`] without details from a FindingSummaryV2 or a GetFindingV2 output (two SDK
/// types with the same fields).
macro_rules! finding {
    ($x:expr) => {
        Finding {
            id: $x.id.clone(),
            resource: $x.resource.clone(),
            resource_type: $x.resource_type.as_str().to_string(),
            resource_owner_account: $x.resource_owner_account.clone(),
            status: $x.status.as_str().to_string(),
            finding_type: $x.finding_type.as_ref().map(|t| t.as_str().to_string()),
            created_at: timestamp(&$x.created_at),
            analyzed_at: timestamp(&$x.analyzed_at),
            updated_at: timestamp(&$x.updated_at),
            error: $x.error.clone(),
            finding_details: Vec::new(),
        }
    };
}

/// ListFindingsV2 for S3 buckets and directory buckets, every page, in the order AWS returns
/// them. The findings carry the summary fields only (`finding_details` is empty).
pub async fn list_s3_findings(client: &Client, analyzer_arn: &str) -> Result<Vec<Finding>> {
    check_analyzer_arn(analyzer_arn)?;
    let op = "access-analyzer:ListFindingsV2";
    let mut criterion = Criterion::builder();
    for t in S3_RESOURCE_TYPES {
        criterion = criterion.eq(t);
    }
    let mut pages = client
        .list_findings_v2()
        .analyzer_arn(analyzer_arn)
        .filter("resourceType", criterion.build())
        .max_results(PAGE_SIZE)
        .into_paginator()
        .send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| {
            call_error(
                op,
                "access-analyzer:ListFindings",
                || analyzer_not_found(client, analyzer_arn),
                e,
            )
        })?;
        for s in page.findings() {
            out.push(finding!(s));
        }
    }
    Ok(out)
}

/// GetFindingV2: the finding and every page of its details.
pub async fn get_finding(client: &Client, analyzer_arn: &str, id: &str) -> Result<Finding> {
    check_analyzer_arn(analyzer_arn)?;
    let op = "access-analyzer:GetFindingV2";
    let mut pages = client
        .get_finding_v2()
        .analyzer_arn(analyzer_arn)
        .id(id)
        .into_paginator()
        .send();
    let mut finding: Option<Finding> = None;
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| {
            call_error(
                op,
                "access-analyzer:GetFinding",
                || {
                    failed(format!(
                        "finding {id} not found in analyzer {analyzer_arn} ({})",
                        region(client)
                    ))
                },
                e,
            )
        })?;
        let f = finding.get_or_insert_with(|| finding!(page));
        f.finding_details
            .extend(page.finding_details().iter().filter_map(details));
    }
    finding.ok_or_else(|| failed(format!("{op} returned no finding for {id}")))
}

/// Every S3 finding of the analyzer with its details: ListFindingsV2, then GetFindingV2 for
/// each finding with at most `concurrency` calls in flight, in the list's order. A finding
/// whose summary carries an `error` (e.g. ACCESS_DENIED) is kept as listed, without a call.
pub async fn s3_findings(
    client: &Client,
    analyzer_arn: &str,
    concurrency: usize,
) -> Result<Vec<Finding>> {
    let summaries = list_s3_findings(client, analyzer_arn).await?;
    futures::stream::iter(summaries)
        .map(|s| async move {
            if s.error.is_some() {
                return Ok(s);
            }
            let mut f = get_finding(client, analyzer_arn, &s.id).await?;
            // GetFindingV2 is the newer answer; keep what only the summary had.
            f.resource = f.resource.or(s.resource);
            f.finding_type = f.finding_type.or(s.finding_type);
            Ok::<_, Error>(f)
        })
        .buffered(concurrency.max(1))
        .try_collect()
        .await
}

#[cfg(test)]
mod tests {
    //! Over HTTP against a `wiremock` fake (`super::super::test_fake`): the SDK's own serialisers
    //! and deserialisers read responses shaped as the IAM Access Analyzer API reference shows them
    //! (ListFindingsV2 `POST /findingv2`, GetFindingV2 `GET /findingv2/{id}`, FindingSummaryV2,
    //! FindingDetails, ExternalAccessDetails, FindingSource).
    use super::*;
    use crate::aws::test_fake::{calls, config, json_body, query};
    use crate::error::CliError;
    use serde_json::json;
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, Request, ResponseTemplate};

    const ANALYZER: &str = "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/lake-analyzer";
    const VENDOR: &str = "arn:aws:iam::444455556666:role/vendor";
    const AP: &str = "arn:aws:s3:us-east-1:111122223333:accesspoint/vendor-ap";
    const MEMBER: &str = "arn:aws:iam::222233334444:role/reader";
    const CANONICAL: &str = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    fn ok(body: serde_json::Value) -> ResponseTemplate {
        ResponseTemplate::new(200).set_body_raw(body.to_string(), "application/json")
    }

    fn error(status: u16, code: &'static str, body: serde_json::Value) -> ResponseTemplate {
        ResponseTemplate::new(status)
            .insert_header("x-amzn-errortype", code)
            .set_body_raw(body.to_string(), "application/json")
    }

    /// A fake Access Analyzer and a client of it.
    async fn fake() -> (MockServer, Client) {
        let server = MockServer::start().await;
        let client = Client::new(&config(&server));
        (server, client)
    }

    /// Answers ListFindingsV2 (`POST /findingv2`) requests that `matches` accepts.
    async fn list(
        server: &MockServer,
        matches: impl Fn(&serde_json::Value) -> bool + Send + Sync + 'static,
        answer: ResponseTemplate,
    ) {
        Mock::given(method("POST"))
            .and(path("/findingv2"))
            .and(move |r: &Request| matches(&json_body(r)))
            .respond_with(answer)
            .mount(server)
            .await;
    }

    /// Answers GetFindingV2 (`GET /findingv2/{id}`) requests for `id` that `matches` accepts.
    async fn get(
        server: &MockServer,
        id: &str,
        matches: impl Fn(&Request) -> bool + Send + Sync + 'static,
        answer: ResponseTemplate,
    ) {
        Mock::given(method("GET"))
            .and(path(format!("/findingv2/{id}")))
            .and(matches)
            .respond_with(answer)
            .mount(server)
            .await;
    }

    fn any_list(_: &serde_json::Value) -> bool {
        true
    }

    fn any_get(_: &Request) -> bool {
        true
    }

    /// A FindingSummaryV2 / the top-level fields of a GetFindingV2 response.
    fn summary(id: &str, resource: &str, status: &str) -> serde_json::Value {
        json!({
            "analyzedAt": "2025-03-01T10:00:00Z",
            "createdAt": "2025-02-27T09:30:00Z",
            "findingType": "ExternalAccess",
            "id": id,
            "resource": resource,
            "resourceOwnerAccount": "111122223333",
            "resourceType": "AWS::S3::Bucket",
            "status": status,
            "updatedAt": "2025-03-01T10:00:05Z"
        })
    }

    fn list_page1() -> serde_json::Value {
        let mut denied = summary("f-denied", "arn:aws:s3:::locked-bucket", "ACTIVE");
        denied["error"] = json!("ACCESS_DENIED");
        json!({
            "findings": [
                summary("f-vendor", "arn:aws:s3:::sales-lake", "ACTIVE"),
                denied
            ],
            "nextToken": "page2"
        })
    }

    fn list_page2() -> serde_json::Value {
        json!({ "findings": [summary("f-public", "arn:aws:s3:::open-data", "ARCHIVED")] })
    }

    fn vendor_page1() -> serde_json::Value {
        let mut v = summary("f-vendor", "arn:aws:s3:::sales-lake", "ACTIVE");
        v["findingDetails"] = json!([
            { "externalAccessDetails": {
                "action": ["s3:GetObject", "s3:ListBucket"],
                "condition": {},
                "isPublic": false,
                "principal": { "AWS": VENDOR },
                "resourceControlPolicyRestriction": "NOT_APPLICABLE",
                "sources": [ {
                    "detail": { "accessPointAccount": "111122223333", "accessPointArn": AP },
                    "type": "S3_ACCESS_POINT"
                } ]
            } },
            { "externalAccessDetails": {
                "action": ["s3:PutObject"],
                "condition": { "aws:SourceVpce": "vpce-1a2b3c4d" },
                "isPublic": false,
                "principal": { "AWS": VENDOR },
                "sources": [ { "type": "POLICY" } ]
            } }
        ]);
        v["nextToken"] = json!("details2");
        v
    }

    fn vendor_page2() -> serde_json::Value {
        let mut v = summary("f-vendor", "arn:aws:s3:::sales-lake", "ACTIVE");
        v["findingDetails"] = json!([
            { "externalAccessDetails": {
                "action": ["s3:GetBucketAcl"],
                "condition": {},
                "isPublic": false,
                "principal": { "CanonicalUser": CANONICAL },
                "sources": [ { "type": "BUCKET_ACL" } ]
            } }
        ]);
        v
    }

    fn public_page() -> serde_json::Value {
        let mut v = summary("f-public", "arn:aws:s3:::open-data", "ARCHIVED");
        v["findingDetails"] = json!([
            { "externalAccessDetails": {
                "action": ["s3:GetObject"],
                "condition": {},
                "isPublic": true,
                "principal": { "AWS": "*" },
                "sources": [ { "type": "POLICY" } ]
            } }
        ]);
        v
    }

    /// The ListFindingsV2 body lakegate sends: its analyzer, pages of 100, and exactly the S3
    /// resource-type filter.
    fn is_s3_filter(body: &serde_json::Value) -> bool {
        body["analyzerArn"] == ANALYZER
            && body["maxResults"] == 100
            && body["filter"]
                == json!({ "resourceType": { "eq": ["AWS::S3::Bucket", "AWS::S3Express::DirectoryBucket"] } })
    }

    fn next_token(body: &serde_json::Value) -> Option<&str> {
        body["nextToken"].as_str()
    }

    #[tokio::test]
    async fn every_page_of_s3_findings_is_read_in_order_with_details() {
        let (server, client) = fake().await;
        list(
            &server,
            |b| is_s3_filter(b) && next_token(b).is_none(),
            ok(list_page1()),
        )
        .await;
        list(
            &server,
            |b| is_s3_filter(b) && next_token(b) == Some("page2"),
            ok(list_page2()),
        )
        .await;
        get(
            &server,
            "f-vendor",
            |r| {
                query(r, "analyzerArn").as_deref() == Some(ANALYZER)
                    && query(r, "nextToken").is_none()
            },
            ok(vendor_page1()),
        )
        .await;
        get(
            &server,
            "f-vendor",
            |r| query(r, "nextToken").as_deref() == Some("details2"),
            ok(vendor_page2()),
        )
        .await;
        get(&server, "f-public", any_get, ok(public_page())).await;
        get(&server, "f-denied", any_get, ok(json!({}))).await;
        for concurrency in [1, 4] {
            let findings = s3_findings(&client, ANALYZER, concurrency).await.unwrap();
            assert_eq!(
                findings.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
                ["f-vendor", "f-denied", "f-public"]
            );
            let [vendor, locked, public] = &findings[..] else {
                unreachable!()
            };
            assert_eq!(vendor.finding_details.len(), 3);
            assert_eq!(vendor.principals(), [VENDOR, CANONICAL]);
            assert_eq!(vendor.access_point_arns(), [AP]);
            assert_eq!(vendor.bucket().as_deref(), Some("sales-lake"));
            assert_eq!(locked.error.as_deref(), Some("ACCESS_DENIED"));
            assert!(locked.finding_details.is_empty());
            assert_eq!(locked.bucket().as_deref(), Some("locked-bucket"));
            assert_eq!(public.status, "ARCHIVED");
            assert_eq!(public.principals(), ["*"]);
            assert!(public.access_point_arns().is_empty());
            let d = public.finding_details[0]
                .external_access_details
                .as_ref()
                .unwrap();
            assert_eq!(d.is_public, Some(true));
        }
        assert_eq!(calls(&server, "/findingv2").await, 4 + 4 + 2);
        assert_eq!(calls(&server, "/findingv2/f-vendor").await, 4);
        assert_eq!(calls(&server, "/findingv2/f-public").await, 2);
        assert_eq!(calls(&server, "/findingv2/f-denied").await, 0);
    }

    #[tokio::test]
    async fn a_finding_serialises_with_the_api_field_names() {
        let (server, client) = fake().await;
        let first = |r: &Request| query(r, "nextToken").is_none();
        get(&server, "f-vendor", first, ok(vendor_page1())).await;
        let second = |r: &Request| query(r, "nextToken").as_deref() == Some("details2");
        get(&server, "f-vendor", second, ok(vendor_page2())).await;
        let f = get_finding(&client, ANALYZER, "f-vendor").await.unwrap();
        let expected = concat!(
            r#"{"id":"f-vendor","resource":"arn:aws:s3:::sales-lake","resourceType":"AWS::S3::Bucket","#,
            r#""resourceOwnerAccount":"111122223333","status":"ACTIVE","findingType":"ExternalAccess","#,
            r#""createdAt":"2025-02-27T09:30:00Z","analyzedAt":"2025-03-01T10:00:00Z","#,
            r#""updatedAt":"2025-03-01T10:00:05Z","findingDetails":["#,
            r#"{"externalAccessDetails":{"principal":{"AWS":"arn:aws:iam::444455556666:role/vendor"},"#,
            r#""action":["s3:GetObject","s3:ListBucket"],"condition":{},"isPublic":false,"#,
            r#""sources":[{"type":"S3_ACCESS_POINT","detail":{"accessPointArn":"arn:aws:s3:us-east-1:111122223333:accesspoint/vendor-ap","accessPointAccount":"111122223333"}}],"#,
            r#""resourceControlPolicyRestriction":"NOT_APPLICABLE"}},"#,
            r#"{"externalAccessDetails":{"principal":{"AWS":"arn:aws:iam::444455556666:role/vendor"},"#,
            r#""action":["s3:PutObject"],"condition":{"aws:SourceVpce":"vpce-1a2b3c4d"},"isPublic":false,"#,
            r#""sources":[{"type":"POLICY"}]}},"#,
            r#"{"externalAccessDetails":{"principal":{"CanonicalUser":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"#,
            r#""action":["s3:GetBucketAcl"],"condition":{},"isPublic":false,"#,
            r#""sources":[{"type":"BUCKET_ACL"}]}}]}"#
        );
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(text, expected);
        // The archive reads back as it was written.
        let back: Finding = serde_json::from_str(&text).unwrap();
        assert_eq!(back, f);
    }

    /// An internal-access finding (ListFindingsV2 `findingType` InternalAccess; GetFindingV2
    /// `findingDetails[].internalAccessDetails`), shaped as
    /// <https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListFindingsV2.html>,
    /// <https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_FindingDetails.html> and
    /// <https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_InternalAccessDetails.html>
    /// show it.
    fn internal_summary() -> serde_json::Value {
        let mut s = summary("f-internal", "arn:aws:s3:::sales-lake", "ACTIVE");
        s["findingType"] = json!("InternalAccess");
        s
    }

    fn internal_page() -> serde_json::Value {
        let mut v = internal_summary();
        v["findingDetails"] = json!([
            { "internalAccessDetails": {
                "accessType": "INTRA_ORG",
                "action": ["s3:GetObject"],
                "condition": {},
                "principal": { "AWS": MEMBER },
                "principalOwnerAccount": "222233334444",
                "principalType": "IAM_ROLE",
                "resourceControlPolicyRestriction": "NOT_APPLICABLE",
                "serviceControlPolicyRestriction": "APPLIED",
                "sources": [ {
                    "detail": { "accessPointAccount": "111122223333", "accessPointArn": AP },
                    "type": "S3_ACCESS_POINT"
                } ]
            } },
            { "internalAccessDetails": {
                "accessType": "INTRA_ACCOUNT",
                "action": ["s3:PutObject"],
                "condition": { "aws:SourceVpce": "vpce-1a2b3c4d" },
                "principal": { "AWS": "arn:aws:iam::111122223333:role/loader" },
                "principalOwnerAccount": "111122223333",
                "principalType": "IAM_ROLE",
                "sources": [ { "type": "POLICY" } ]
            } }
        ]);
        v
    }

    #[tokio::test]
    async fn internal_access_findings_are_read_with_their_details() {
        let (server, client) = fake().await;
        list(
            &server,
            is_s3_filter,
            ok(json!({ "findings": [internal_summary()] })),
        )
        .await;
        get(&server, "f-internal", any_get, ok(internal_page())).await;
        let findings = s3_findings(&client, ANALYZER, 4).await.unwrap();
        let [f] = &findings[..] else {
            panic!("{findings:?}")
        };
        assert_eq!(f.finding_type.as_deref(), Some("InternalAccess"));
        assert_eq!(f.bucket().as_deref(), Some("sales-lake"));
        assert_eq!(
            f.principals(),
            [MEMBER, "arn:aws:iam::111122223333:role/loader"]
        );
        assert_eq!(f.access_point_arns(), [AP]);
        assert_eq!(f.actions(), ["s3:GetObject", "s3:PutObject"]);
        assert_eq!(f.conditions(), ["aws:SourceVpce=vpce-1a2b3c4d"]);
        assert_eq!(f.source_types(), ["S3_ACCESS_POINT", "POLICY"]);
        assert_eq!(f.access_types(), ["INTRA_ORG", "INTRA_ACCOUNT"]);
        let d = f.finding_details[0]
            .internal_access_details
            .as_ref()
            .unwrap();
        assert_eq!(d.principal_owner_account.as_deref(), Some("222233334444"));
        assert_eq!(d.principal_type.as_deref(), Some("IAM_ROLE"));
        assert_eq!(
            d.service_control_policy_restriction.as_deref(),
            Some("APPLIED")
        );
        assert!(f.finding_details[0].external_access_details.is_none());
        // Archived with the API's field names, and read back as written.
        let text = serde_json::to_string(&f.finding_details[0]).unwrap();
        assert_eq!(
            text,
            concat!(
                r#"{"internalAccessDetails":{"principal":{"AWS":"arn:aws:iam::222233334444:role/reader"},"#,
                r#""principalOwnerAccount":"222233334444","principalType":"IAM_ROLE","accessType":"INTRA_ORG","#,
                r#""action":["s3:GetObject"],"sources":[{"type":"S3_ACCESS_POINT","detail":{"#,
                r#""accessPointArn":"arn:aws:s3:us-east-1:111122223333:accesspoint/vendor-ap","accessPointAccount":"111122223333"}}],"#,
                r#""resourceControlPolicyRestriction":"NOT_APPLICABLE","serviceControlPolicyRestriction":"APPLIED"}}"#
            )
        );
        let back: FindingDetails = serde_json::from_str(&text).unwrap();
        assert_eq!(back, f.finding_details[0]);
        // An external-access finding has no access type.
        let e = Finding {
            finding_details: vec![FindingDetails {
                external_access_details: Some(ExternalAccessDetails::default()),
                ..FindingDetails::default()
            }],
            ..Finding::default()
        };
        assert!(e.access_types().is_empty());
    }

    #[test]
    fn a_finding_with_an_error_serialises_without_nulls() {
        let f = Finding {
            id: "f-denied".into(),
            resource_type: "AWS::S3::Bucket".into(),
            resource_owner_account: "111122223333".into(),
            status: "ACTIVE".into(),
            error: Some("ACCESS_DENIED".into()),
            ..Finding::default()
        };
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"id":"f-denied","resourceType":"AWS::S3::Bucket","resourceOwnerAccount":"111122223333","status":"ACTIVE","error":"ACCESS_DENIED","findingDetails":[]}"#
        );
    }

    #[test]
    fn the_bucket_is_read_from_the_resource_arn() {
        let with = |r: &str| Finding {
            resource: Some(r.into()),
            ..Finding::default()
        };
        assert_eq!(
            with("arn:aws:s3:::sales-lake").bucket().as_deref(),
            Some("sales-lake")
        );
        assert_eq!(
            with("arn:aws-cn:s3:::cn-lake").bucket().as_deref(),
            Some("cn-lake")
        );
        assert_eq!(
            with("arn:aws:s3express:us-east-1:111122223333:bucket/fast--use1-az4--x-s3")
                .bucket()
                .as_deref(),
            Some("fast--use1-az4--x-s3")
        );
        assert_eq!(with(AP).bucket(), None);
        assert_eq!(with("arn:aws:s3:::").bucket(), None);
        assert_eq!(with("sales-lake").bucket(), None);
        assert_eq!(Finding::default().bucket(), None);
    }

    #[test]
    fn analyzer_arns_are_checked() {
        for good in [
            ANALYZER,
            "arn:aws-us-gov:access-analyzer:us-gov-west-1:111122223333:analyzer/org-analyzer",
            "arn:aws-cn:access-analyzer:cn-north-1:111122223333:analyzer/a.b_c-d",
        ] {
            check_analyzer_arn(good).unwrap();
        }
        for bad in [
            "",
            "lake-analyzer",
            "arn:aws:access-analyzer:us-east-1:1111222233:analyzer/short-account",
            "arn:aws:access-analyzer:us-east-1:11112222333a:analyzer/x",
            "arn:aws:access-analyzer::111122223333:analyzer/no-region",
            "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/",
            "arn:aws:access-analyzer:us-east-1:111122223333:archive-rule/x",
            "arn:aws:iam::111122223333:role/analyzer",
            "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/two\nlines",
        ] {
            let e = CliError::from(check_analyzer_arn(bad).unwrap_err());
            assert_eq!(e.kind, crate::error::Kind::Input, "{bad}");
            assert!(!e.message.contains('\n'), "{e}");
            assert!(e.message.contains("invalid analyzer ARN '"), "{e}");
            assert!(
                e.message
                    .ends_with("': expected arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME"),
                "{e}"
            );
        }
    }

    #[tokio::test]
    async fn a_bad_analyzer_arn_makes_no_call() {
        let (server, client) = fake().await;
        list(&server, any_list, ok(list_page2())).await;
        let e = CliError::from(
            s3_findings(&client, "arn:aws:s3:::sales-lake", 4)
                .await
                .unwrap_err(),
        );
        assert_eq!(e.kind, crate::error::Kind::Input);
        assert_eq!(calls(&server, "/").await, 0);
    }

    #[tokio::test]
    async fn a_missing_analyzer_is_one_clear_line() {
        let (server, client) = fake().await;
        let answer = error(
            404,
            "ResourceNotFoundException",
            json!({
                "message": "Analyzer not found",
                "resourceId": ANALYZER,
                "resourceType": "AWS::AccessAnalyzer::Analyzer"
            }),
        );
        list(&server, any_list, answer).await;
        let e = CliError::from(s3_findings(&client, ANALYZER, 4).await.unwrap_err());
        assert_eq!(e.kind, crate::error::Kind::Failed);
        assert_eq!(
            e.message,
            format!("analyzer {ANALYZER} not found in us-east-1")
        );
        assert!(
            e.hints[0].to_string().contains("list-analyzers"),
            "{:?}",
            e.hints
        );
        assert!(
            e.causes[0].contains("ResourceNotFoundException"),
            "{:?}",
            e.causes
        );

        // An analyzer of another region: the hint names it.
        let other = "arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/lake-analyzer";
        let e = CliError::from(s3_findings(&client, other, 4).await.unwrap_err());
        assert_eq!(
            e.message,
            format!("analyzer {other} not found in us-east-1")
        );
        assert_eq!(
            e.hints,
            ["the analyzer ARN names region eu-west-1: pass --region eu-west-1"]
        );
    }

    #[tokio::test]
    async fn access_denied_names_the_iam_action() {
        let (server, client) = fake().await;
        let answer = error(
            403,
            "AccessDeniedException",
            json!({ "message": "User: arn:aws:iam::111122223333:user/auditor is not authorized to perform: access-analyzer:ListFindings" }),
        );
        list(&server, any_list, answer).await;
        let e = CliError::from(s3_findings(&client, ANALYZER, 4).await.unwrap_err());
        assert_eq!(e.kind, crate::error::Kind::Failed);
        assert!(!e.message.contains('\n'), "{e}");
        assert!(
            e.message
                .starts_with("access-analyzer:ListFindingsV2 failed: AccessDeniedException: User:"),
            "{e}"
        );
        assert_eq!(
            e.hints,
            ["the caller's IAM policy (or an SCP) must allow access-analyzer:ListFindings, which authorises access-analyzer:ListFindingsV2"]
        );
    }

    #[tokio::test]
    async fn a_failing_get_finding_fails_the_whole_read() {
        let (server, client) = fake().await;
        list(&server, any_list, ok(list_page2())).await;
        let throttled = error(
            429,
            "ThrottlingException",
            json!({ "message": "Rate exceeded" }),
        );
        get(&server, "f-public", any_get, throttled).await;
        let e = s3_findings(&client, ANALYZER, 2).await.unwrap_err();
        assert!(
            e.message
                .starts_with("access-analyzer:GetFindingV2 failed: ThrottlingException"),
            "{e}"
        );
    }
}
