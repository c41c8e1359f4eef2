//! `doctor`'s probes: one cheap read per service lakegate uses, each with its own timeout and no
//! retries, and a simulation of the permissions lakegate needs (IAM SimulatePrincipalPolicy).
//! Nothing here changes anything.
//!
//! - <https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html>

use super::{classify, configured_endpoint, log, Aws};
use aws_config::{retry::RetryConfig, timeout::TimeoutConfig};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The services lakegate calls, in the order doctor reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Sts,
    S3,
    S3Control,
    Iam,
    Ec2,
    Athena,
    Glue,
    DataZone,
    AccessAnalyzer,
    Organizations,
}

impl Service {
    pub const ALL: [Service; 10] = [
        Service::Sts,
        Service::S3,
        Service::S3Control,
        Service::Iam,
        Service::Ec2,
        Service::Athena,
        Service::Glue,
        Service::DataZone,
        Service::AccessAnalyzer,
        Service::Organizations,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Service::Sts => "STS",
            Service::S3 => "S3",
            Service::S3Control => "S3 Control",
            Service::Iam => "IAM",
            Service::Ec2 => "EC2",
            Service::Athena => "Athena",
            Service::Glue => "Glue",
            Service::DataZone => "DataZone",
            Service::AccessAnalyzer => "Access Analyzer",
            Service::Organizations => "Organizations",
        }
    }

    /// The SDK's service id (AWS_ENDPOINT_URL_<ID>, `[services]` key `<id>`).
    fn sdk_id(self) -> &'static str {
        match self {
            Service::Sts => "STS",
            Service::S3 => "S3",
            Service::S3Control => super::S3_CONTROL_ID,
            Service::Iam => "IAM",
            Service::Ec2 => "EC2",
            Service::Athena => "Athena",
            Service::Glue => "Glue",
            Service::DataZone => "DataZone",
            Service::AccessAnalyzer => "AccessAnalyzer",
            Service::Organizations => "Organizations",
        }
    }

    /// The read doctor makes, and the IAM action it needs when it is one lakegate needs.
    pub fn probe(self) -> (&'static str, Option<&'static str>) {
        match self {
            Service::Sts => ("GetCallerIdentity", None),
            Service::S3 => ("ListBuckets", Some("s3:ListAllMyBuckets")),
            Service::S3Control => ("ListAccessPoints", Some("s3:ListAccessPoints")),
            Service::Iam => ("ListAccountAliases", None),
            Service::Ec2 => ("DescribeVpcEndpoints", Some("ec2:DescribeVpcEndpoints")),
            Service::Athena => ("ListWorkGroups", None),
            Service::Glue => ("TCP connect", None),
            Service::DataZone => ("ListDomains", None),
            Service::AccessAnalyzer => ("ListAnalyzers", None),
            Service::Organizations => (
                "DescribeOrganization",
                Some("organizations:DescribeOrganization"),
            ),
        }
    }

    /// The IAM actions lakegate's commands call on this service.
    pub fn actions(self) -> &'static [&'static str] {
        match self {
            Service::Sts => &[],
            Service::S3 => &[
                "s3:ListAllMyBuckets",
                "s3:GetBucketPolicy",
                "s3:PutBucketPolicy",
                "s3:DeleteBucketPolicy",
                "s3:GetBucketPublicAccessBlock",
                "s3:GetObject",
                "s3:PutObject",
                "s3:DeleteObject",
            ],
            Service::S3Control => &[
                "s3:ListAccessPoints",
                "s3:GetAccessPoint",
                "s3:CreateAccessPoint",
                "s3:DeleteAccessPoint",
                "s3:GetAccessPointPolicy",
                "s3:PutAccessPointPolicy",
                "s3:DeleteAccessPointPolicy",
                "s3:GetAccountPublicAccessBlock",
            ],
            Service::Iam => &[
                "iam:GetRole",
                "iam:GetUser",
                "iam:GetPolicy",
                "iam:GetPolicyVersion",
                "iam:GetRolePolicy",
                "iam:ListRolePolicies",
                "iam:ListAttachedRolePolicies",
                "iam:GetUserPolicy",
                "iam:ListUserPolicies",
                "iam:ListAttachedUserPolicies",
                "iam:PutUserPolicy",
                "iam:DeleteUserPolicy",
            ],
            Service::Ec2 => &[
                "ec2:DescribeVpcEndpoints",
                "ec2:CreateVpcEndpoint",
                "ec2:DescribeRouteTables",
                "ec2:CreateRoute",
                "ec2:DeleteRoute",
                "ec2:DescribeSecurityGroups",
                "ec2:CreateSecurityGroup",
                "ec2:AuthorizeSecurityGroupIngress",
                "ec2:DescribeSubnets",
            ],
            Service::Athena => &[
                "athena:StartQueryExecution",
                "athena:GetQueryExecution",
                "athena:GetQueryResults",
                "athena:StopQueryExecution",
            ],
            Service::Glue => &[
                "glue:GetDatabase",
                "glue:CreateDatabase",
                "glue:GetTable",
                "glue:CreateTable",
            ],
            Service::DataZone => &[
                "datazone:ListSubscriptions",
                "datazone:ListSubscriptionTargets",
                "datazone:CreateSubscriptionTarget",
                "datazone:GetSubscriptionRequestDetails",
                "datazone:GetListing",
                "datazone:ListEnvironments",
            ],
            Service::AccessAnalyzer => {
                &["access-analyzer:ListFindings", "access-analyzer:GetFinding"]
            }
            Service::Organizations => &[
                "organizations:DescribeOrganization",
                "organizations:ListParents",
                "organizations:ListPoliciesForTarget",
                "organizations:DescribePolicy",
            ],
        }
    }
}

/// How a probe ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The read succeeded.
    Answered,
    /// The service answered that the caller may not (AccessDenied and the like).
    Denied(String),
    /// The service answered with another AWS error (its code): reachable, the read failed.
    Error(String),
    /// An HTTP answer without an AWS error code (an emulator or a proxy, not the service?).
    NotAws(u16),
    /// No answer: the cause (host, refused connection, timeout).
    Unreachable(String),
    /// Not tried (what it needed is missing).
    Skipped(String),
}

#[derive(Debug, Clone)]
pub struct Probe {
    pub service: Service,
    /// Where the request went (scheme and host), when one was sent.
    pub endpoint: Option<String>,
    pub outcome: Outcome,
    pub millis: u128,
}

/// Records where each request went.
#[derive(Debug, Clone, Default)]
struct Target(Arc<Mutex<Option<String>>>);

impl Target {
    fn get(&self) -> Option<String> {
        self.0.lock().ok().and_then(|g| g.clone())
    }
}

impl Intercept for Target {
    fn name(&self) -> &'static str {
        "lakegate::doctor::Target"
    }

    fn read_before_transmit(
        &self,
        ctx: &BeforeTransmitInterceptorContextRef<'_>,
        _rc: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let uri = ctx.request().uri();
        // Scheme and authority only: the path and query say nothing about reachability.
        let base = match uri.split_once("://") {
            Some((scheme, rest)) => {
                format!(
                    "{scheme}://{}",
                    rest.split(['/', '?']).next().unwrap_or(rest)
                )
            }
            None => uri.to_string(),
        };
        if let Ok(mut g) = self.0.lock() {
            *g = Some(base);
        }
        Ok(())
    }
}

const DENIED_CODES: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "AuthorizationError",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "SignatureDoesNotMatch",
    "ExpiredToken",
];

fn outcome<T, E>(op: &str, r: Result<T, SdkError<E, HttpResponse>>) -> Outcome
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let err = match r {
        Ok(_) => return Outcome::Answered,
        Err(e) => e,
    };
    if let SdkError::ServiceError(se) = &err {
        let status = se.raw().status().as_u16();
        let code = se.err().code().unwrap_or("").to_string();
        if DENIED_CODES.contains(&code.as_str()) || (code.is_empty() && status == 403) {
            let msg = se.err().message().unwrap_or("").to_string();
            return Outcome::Denied(if msg.is_empty() {
                code_or_status(&code, status)
            } else {
                format!("{}: {msg}", code_or_status(&code, status))
            });
        }
        if code.is_empty() || code.parse::<u16>().is_ok() {
            return Outcome::NotAws(status);
        }
        return Outcome::Error(code);
    }
    match &err {
        SdkError::TimeoutError(_) => Outcome::Unreachable("timed out".into()),
        _ => Outcome::Unreachable(classify(op, err).to_string()),
    }
}

fn code_or_status(code: &str, status: u16) -> String {
    if code.is_empty() {
        format!("HTTP {status}")
    } else {
        code.to_string()
    }
}

macro_rules! client {
    ($sdk:ident, $config:expr, $target:expr, $timeout:expr) => {{
        $sdk::Client::from_conf(
            $config
                .retry_config(RetryConfig::disabled())
                .timeout_config(
                    TimeoutConfig::builder()
                        .connect_timeout($timeout)
                        .operation_timeout($timeout)
                        .build(),
                )
                .interceptor(log::RequestLog)
                .interceptor($target.clone())
                .build(),
        )
    }};
}

impl Aws {
    /// The endpoint configured for one service, as its SDK client reads it: AWS_ENDPOINT_URL_<ID>,
    /// the profile's `[services]` section, then AWS_ENDPOINT_URL and `endpoint_url` (or the
    /// endpoint of the settings, which wins over all of them).
    pub fn service_endpoint(&self, service: Service) -> Option<String> {
        configured_endpoint(&self.sdk, service.sdk_id())
    }

    /// STS GetCallerIdentity with doctor's timeout: the caller's (account, ARN), or the outcome.
    pub async fn doctor_caller(&self, timeout: Duration) -> (Probe, Option<(String, String)>) {
        let target = Target::default();
        let start = Instant::now();
        let sts = client!(aws_sdk_sts, self.sts_config(), target, timeout);
        let r = sts.get_caller_identity().send().await;
        let who = r
            .as_ref()
            .ok()
            .and_then(|o| Some((o.account.clone()?, o.arn.clone()?)));
        if let Some(w) = &who {
            let _ = self.caller.set(w.clone());
        }
        let probe = Probe {
            service: Service::Sts,
            endpoint: target.get(),
            outcome: outcome("sts:GetCallerIdentity", r),
            millis: start.elapsed().as_millis(),
        };
        (probe, who)
    }

    /// One cheap read of `service` (STS: see [`Aws::doctor_caller`]). `account` is needed by S3
    /// Control.
    pub async fn doctor_probe(
        &self,
        service: Service,
        account: Option<&str>,
        timeout: Duration,
    ) -> Probe {
        let target = Target::default();
        let start = Instant::now();
        let op = format!(
            "{}:{}",
            service.name().to_lowercase().replace(' ', ""),
            service.probe().0
        );
        let run = async {
            match service {
                Service::Sts => outcome(
                    &op,
                    client!(aws_sdk_sts, self.sts_config(), target, timeout)
                        .get_caller_identity()
                        .send()
                        .await,
                ),
                Service::S3 => outcome(
                    &op,
                    client!(aws_sdk_s3, self.s3_config(), target, timeout)
                        .list_buckets()
                        .max_buckets(1)
                        .send()
                        .await,
                ),
                Service::S3Control => match account {
                    Some(a) => outcome(
                        &op,
                        client!(aws_sdk_s3control, self.s3control_config(), target, timeout)
                            .list_access_points()
                            .account_id(a)
                            .max_results(1)
                            .send()
                            .await,
                    ),
                    None => Outcome::Skipped("needs the account id (STS failed)".into()),
                },
                Service::Iam => outcome(
                    &op,
                    client!(aws_sdk_iam, self.iam_config(), target, timeout)
                        .list_account_aliases()
                        .max_items(1)
                        .send()
                        .await,
                ),
                Service::Ec2 => outcome(
                    &op,
                    client!(aws_sdk_ec2, self.ec2_config(), target, timeout)
                        .describe_vpc_endpoints()
                        .max_results(5)
                        .send()
                        .await,
                ),
                Service::Athena => outcome(
                    &op,
                    client!(aws_sdk_athena, self.athena_config(), target, timeout)
                        .list_work_groups()
                        .max_results(1)
                        .send()
                        .await,
                ),
                Service::Glue => self.glue_connect(&target, timeout).await,
                Service::DataZone => outcome(
                    &op,
                    client!(aws_sdk_datazone, self.datazone_config(), target, timeout)
                        .list_domains()
                        .max_results(1)
                        .send()
                        .await,
                ),
                Service::AccessAnalyzer => outcome(
                    &op,
                    client!(
                        aws_sdk_accessanalyzer,
                        self.accessanalyzer_config(),
                        target,
                        timeout
                    )
                    .list_analyzers()
                    .max_results(1)
                    .send()
                    .await,
                ),
                Service::Organizations => outcome(
                    &op,
                    client!(
                        aws_sdk_organizations,
                        self.organizations_config(),
                        target,
                        timeout
                    )
                    .describe_organization()
                    .send()
                    .await,
                ),
            }
        };
        // The SDK's own timeouts bound each attempt; this bounds credential resolution too.
        let outcome = match tokio::time::timeout(timeout + Duration::from_secs(1), run).await {
            Ok(o) => o,
            Err(_) => Outcome::Unreachable(format!("no answer within {} s", timeout.as_secs())),
        };
        Probe {
            service,
            endpoint: target.get(),
            outcome,
            millis: start.elapsed().as_millis(),
        }
    }

    /// lakegate reaches Glue only through Athena (no Glue client): a TCP connection to Glue's
    /// endpoint says whether it is reachable.
    async fn glue_connect(&self, target: &Target, timeout: Duration) -> Outcome {
        let url = self.service_endpoint(Service::Glue).unwrap_or_else(|| {
            format!("https://glue.{}.{}", self.region, dns_suffix(&self.region))
        });
        let (scheme, rest) = url.split_once("://").unwrap_or(("https", url.as_str()));
        let authority = rest.split(['/', '?']).next().unwrap_or(rest);
        if let Ok(mut g) = target.0.lock() {
            *g = Some(format!("{scheme}://{authority}"));
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if p.parse::<u16>().is_ok() => (h.to_string(), p.parse().unwrap_or(443)),
            _ => (
                authority.to_string(),
                if scheme == "http" { 80 } else { 443 },
            ),
        };
        let addrs: Vec<std::net::SocketAddr> = match super::dns::resolve_locally(&host) {
            Some(ips) => ips
                .into_iter()
                .map(|ip| std::net::SocketAddr::new(ip, port))
                .collect(),
            None => match tokio::net::lookup_host((host.as_str(), port)).await {
                Ok(a) => a.collect(),
                Err(e) => {
                    return Outcome::Unreachable(format!("{} {host}: {e}", super::dns::UNRESOLVED))
                }
            },
        };
        match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(&addrs[..])).await {
            Ok(Ok(_)) => Outcome::Answered,
            Ok(Err(e)) => Outcome::Unreachable(format!("{host}:{port}: {e}")),
            Err(_) => Outcome::Unreachable(format!("{host}:{port}: timed out")),
        }
    }

    /// The IAM ARN SimulatePrincipalPolicy takes for the caller: a user's ARN as it is, an
    /// assumed role's role ARN (IAM GetRole, for its path). None for the root user.
    pub async fn doctor_principal(
        &self,
        caller_arn: &str,
        timeout: Duration,
    ) -> Result<Option<String>, String> {
        let resource = caller_arn.splitn(6, ':').nth(5).unwrap_or("");
        if resource == "root" {
            return Ok(None);
        }
        if resource.starts_with("user/") {
            // IAM's ARN of the user (emulators answer GetCallerIdentity with an `sts` one).
            return Ok(Some(caller_arn.replacen(":sts::", ":iam::", 1)));
        }
        let Some(rest) = resource.strip_prefix("assumed-role/") else {
            return Err(format!("cannot simulate the policies of {caller_arn}"));
        };
        let role = rest.split('/').next().unwrap_or(rest);
        let target = Target::default();
        let r = client!(aws_sdk_iam, self.iam_config(), target, timeout)
            .get_role()
            .role_name(role)
            .send()
            .await;
        match r {
            Ok(o) => Ok(o.role.map(|r| r.arn)),
            Err(e) => Err(format!(
                "cannot read role {role} (iam:GetRole): {}",
                short_error(e)
            )),
        }
    }

    /// IAM SimulatePrincipalPolicy of `actions` on every resource (`*`) for `principal`:
    /// `(action, decision)` with decision `allowed`, `explicitDeny` or `implicitDeny`.
    pub async fn doctor_simulate(
        &self,
        principal: &str,
        actions: &[&str],
        timeout: Duration,
    ) -> Result<Vec<(String, String)>, String> {
        let target = Target::default();
        let iam = client!(aws_sdk_iam, self.iam_config(), target, timeout);
        let pages: Vec<_> = iam
            .simulate_principal_policy()
            .policy_source_arn(principal)
            .set_action_names(Some(actions.iter().map(|a| a.to_string()).collect()))
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| format!("iam:SimulatePrincipalPolicy: {}", short_error(e)))?;
        let out = pages
            .iter()
            .flat_map(|r| r.evaluation_results())
            .map(|e| {
                (
                    e.eval_action_name().to_string(),
                    e.eval_decision().as_str().to_string(),
                )
            })
            .collect();
        Ok(out)
    }
}

/// An SDK error in a few words: its code, else HTTP status, else why no answer came.
fn short_error<E>(e: SdkError<E, HttpResponse>) -> String
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    match outcome::<(), E>("", Err(e)) {
        Outcome::Denied(c) | Outcome::Error(c) | Outcome::Unreachable(c) | Outcome::Skipped(c) => c,
        Outcome::NotAws(s) => format!("HTTP {s}"),
        Outcome::Answered => String::new(),
    }
}

fn dns_suffix(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    }
}
