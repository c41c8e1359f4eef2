//! The only place the AWS SDK appears. [`Aws::load`] builds the configuration from a plain
//! [`Settings`] value (made by the command layer from its flags); every client is built the same
//! way on first use (`clients!` below: the shared configuration, the request log, the service's
//! own adjustment) and borrowed as `aws.s3()`; one thin module per service reads answers into
//! lakegate's own types. Failures are a neutral [`Error`] (kind, operation, service code, HTTP
//! status, [`Delivery`], cause chain) that names no CLI flag and carries no hint: the CLI adds its
//! hints in one place when it converts them (`src/hints.rs`). The lease ([`lease`]) runs the
//! caller's writes and so speaks the caller's error type.

pub mod access_grants;
pub mod accessanalyzer;
pub mod athena;
pub mod datazone;
pub mod dns;
pub mod doctor;
pub mod ec2;
pub mod error;
pub mod events;
pub mod iam;
pub mod iam_role;
pub mod iam_user;
pub mod lambda;
pub mod lease;
mod log;
pub mod member;
pub mod organizations;
pub mod profile;
pub mod s3;
pub mod s3control;
pub mod sqs;
#[cfg(test)]
mod test_fake;

use aws_config::{retry::RetryConfig, timeout::TimeoutConfig, BehaviorVersion, Region, SdkConfig};
use error::Result;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::sync::OnceCell;

pub use error::{classify, Delivery, Error, ErrorKind};
pub use lease::RunState;

/// Resolved AWS configuration plus the clients built from it.
pub struct Aws {
    pub sdk: SdkConfig,
    pub region: String,
    pub partition: &'static str,
    path_style: bool,
    account: OnceCell<String>,
    /// STS GetCallerIdentity, asked at most once: (account, ARN).
    caller: OnceCell<(String, String)>,
    /// The policies attached at each organization target (root, OU, account), read once per run.
    org_levels: organizations::LevelCache,
    clients: Clients,
    /// The run this handle works for: its leases, writes in flight and query, for signals.
    run: RunState,
}

/// What lakegate was asked to use, built by the command layer from its flags.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// A named profile chosen explicitly: its credentials win over the environment's.
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// A role to assume, on top of whatever credentials were chosen.
    pub assume_role: Option<String>,
}

/// A configuration lakegate refuses before making any call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// No region from the settings, the environment or the profile.
    NoRegion,
    /// A region that is not a region name.
    BadRegion(String),
    BadEndpoint(String),
    BadRole(String),
    /// The named profile is in neither file; `from_env` when it came from AWS_PROFILE.
    MissingProfile {
        name: String,
        from_env: bool,
        config: PathBuf,
        credentials: PathBuf,
    },
    /// A retry setting the SDK cannot use: where it was set, its value, what is expected.
    BadRetry {
        source: String,
        value: String,
        expected: &'static str,
    },
}

/// True when the environment points S3 at a custom endpoint (emulators need path-style URLs).
fn endpoint_overridden_in_env() -> bool {
    ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"]
        .iter()
        .any(|k| std::env::var_os(k).is_some_and(|v| !v.is_empty()))
}

impl Aws {
    /// Build the configuration the way the AWS CLI does (environment, profiles including SSO,
    /// credential process, web identity...), with the settings taking precedence: an explicit
    /// profile's credentials win over credentials in the environment, as with the AWS CLI.
    pub async fn load(g: &Settings) -> Result<Self, SettingsError> {
        let retry = check_retry_settings(g.profile.as_deref())?;
        if let Some(p) = &g.profile {
            check_profile(p, false)?;
        } else if let Some(p) = std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()) {
            check_profile(&p, true)?;
        }
        if let Some(r) = &g.region {
            if !valid_region(r) {
                return Err(SettingsError::BadRegion(r.clone()));
            }
        }
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .http_client(dns::http_client())
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(10))
                    .operation_attempt_timeout(Duration::from_secs(60))
                    .build(),
            );
        // Standard retries with backoff; 5 attempts unless the environment or profile says
        // otherwise (AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, max_attempts / retry_mode).
        if !retry {
            loader = loader.retry_config(RetryConfig::standard().with_max_attempts(5));
        }
        if let Some(p) = &g.profile {
            loader = loader.profile_name(p);
        }
        if let Some(r) = &g.region {
            loader = loader.region(Region::new(r.clone()));
        }
        if let Some(e) = &g.endpoint_url {
            validate_endpoint(e)?;
            loader = loader.endpoint_url(e);
        }
        if let Some(p) = &g.profile {
            // The default chain asks the environment first whatever the profile; a profile
            // named explicitly must win, so its provider is the only one.
            let region = match &g.region {
                Some(r) => Some(Region::new(r.clone())),
                None => {
                    use aws_config::meta::region::ProvideRegion;
                    aws_config::profile::ProfileFileRegionProvider::builder()
                        .profile_name(p)
                        .build()
                        .region()
                        .await
                }
            };
            let conf = aws_config::provider_config::ProviderConfig::default()
                .with_http_client(dns::http_client())
                .with_region(region);
            loader = loader.credentials_provider(
                aws_config::profile::ProfileFileCredentialsProvider::builder()
                    .configure(&conf)
                    .profile_name(p)
                    .build(),
            );
        }
        let mut sdk = loader.load().await;
        let region = sdk
            .region()
            .map(|r| r.to_string())
            .ok_or(SettingsError::NoRegion)?;
        if region.trim().is_empty() || !valid_region(&region) {
            return Err(SettingsError::BadRegion(region));
        }
        if let Some(role) = &g.assume_role {
            sdk = assume_role(sdk, role).await?;
        }
        // Path-style for S3 whenever its endpoint is not AWS's: the flag, the environment, or the
        // profile (`endpoint_url`, or `s3 = endpoint_url = ...` in its `[services]` section).
        let path_style = g.endpoint_url.is_some()
            || endpoint_overridden_in_env()
            || configured_endpoint(&sdk, "S3").is_some();
        tracing::debug!(region, path_style, "AWS configuration loaded");
        Ok(Aws::from_sdk(sdk, region, path_style))
    }

    /// A handle on an SDK configuration the caller built (a program embedding lakegate, or a
    /// test with its own credentials); S3 uses path-style addressing when it names an endpoint.
    pub fn from_config(sdk: SdkConfig) -> Aws {
        let region = sdk.region().map(|r| r.to_string()).unwrap_or_default();
        let path_style = sdk.endpoint_url().is_some();
        Aws::from_sdk(sdk, region, path_style)
    }

    fn from_sdk(sdk: SdkConfig, region: String, path_style: bool) -> Aws {
        Aws {
            partition: crate::policy::arn::partition(&region),
            region,
            sdk,
            path_style,
            account: OnceCell::new(),
            caller: OnceCell::new(),
            org_levels: Default::default(),
            clients: Clients::default(),
            run: RunState::default(),
        }
    }

    /// The same handle, working for `run` (whose signal handler settles its leases, writes and
    /// query).
    #[must_use]
    pub fn in_run(mut self, run: RunState) -> Self {
        self.run = run;
        self
    }

    /// The run this handle works for.
    pub fn run(&self) -> &RunState {
        &self.run
    }

    /// STS AssumeRole with these credentials, now (not lazily, so a role that cannot be assumed
    /// is known before any other call): the role session's credentials.
    pub async fn assume_role_now(
        &self,
        role_arn: &str,
        session_name: &str,
        external_id: Option<&str>,
    ) -> Result<aws_credential_types::Credentials> {
        member::assume_role(self.sts(), role_arn, session_name, external_id).await
    }

    /// The same configuration acting as `account` with `creds` in `region` (a member account of
    /// an organization, through its role: [`Aws::assume_role_for_run`]).
    pub fn in_account(
        &self,
        account: &str,
        creds: aws_credential_types::provider::SharedCredentialsProvider,
        region: &str,
    ) -> Aws {
        let sdk = self
            .sdk
            .clone()
            .into_builder()
            .credentials_provider(creds)
            .region(Region::new(region.to_string()))
            .build();
        let aws = Aws::from_sdk(sdk, region.to_string(), self.path_style).in_run(self.run.clone());
        aws.set_account(account.to_string());
        aws
    }

    /// Use this account id instead of asking STS.
    pub fn set_account(&self, id: String) {
        let _ = self.account.set(id);
    }

    /// The account that owns the buckets and access points: the one set with
    /// [`Aws::set_account`], else STS GetCallerIdentity's.
    pub async fn account_id(&self) -> Result<String> {
        self.account
            .get_or_try_init(|| async { Ok(self.caller().await?.0.clone()) })
            .await
            .cloned()
    }

    /// The ARN lakegate runs as (STS GetCallerIdentity).
    pub async fn caller_arn(&self) -> Result<String> {
        Ok(self.caller().await?.1.clone())
    }

    /// The caller's own (account, ARN) from STS GetCallerIdentity, whatever account is set.
    pub async fn caller_identity(&self) -> Result<(String, String)> {
        self.caller().await.cloned()
    }

    /// The endpoint every request goes to, when one is configured (flag, environment, profile).
    pub fn endpoint_url(&self) -> Option<&str> {
        self.sdk.endpoint_url()
    }

    /// STS GetCallerIdentity, called at most once per run.
    async fn caller(&self) -> Result<&(String, String)> {
        self.caller
            .get_or_try_init(|| async {
                let out = self
                    .sts()
                    .get_caller_identity()
                    .send()
                    .await
                    .map_err(|e| classify("sts:GetCallerIdentity", e))?;
                match (out.account, out.arn) {
                    (Some(account), Some(arn)) => Ok((account, arn)),
                    _ => Err(error::failed(
                        "STS GetCallerIdentity returned no account or ARN",
                    )),
                }
            })
            .await
    }
}

/// Declares the clients: each is built on first use the same way, from its service's
/// configuration (`NAME_config`: the shared configuration after the service's own adjustment,
/// `|b, aws| expr` given the builder and the `Aws`) with the request log interceptor, and kept
/// for the run. `doctor`'s probes build theirs from the same `NAME_config`.
macro_rules! clients {
    ($($(#[$doc:meta])* $name:ident, $config:ident: $sdk:ident $(=> |$b:ident, $aws:ident| $tweak:expr)?;)*) => {
        /// The SDK clients, each built at most once.
        #[derive(Default)]
        struct Clients {
            $($name: OnceLock<$sdk::Client>,)*
        }

        impl Aws {
            $(
                $(#[$doc])*
                pub fn $name(&self) -> &$sdk::Client {
                    self.clients.$name.get_or_init(|| {
                        $sdk::Client::from_conf(self.$config().interceptor(log::RequestLog).build())
                    })
                }

                /// The configuration this service's clients are built from.
                pub(crate) fn $config(&self) -> $sdk::config::Builder {
                    let b = $sdk::config::Builder::from(&self.sdk);
                    $(let b = { let $b = b; let $aws = self; $tweak };)?
                    b
                }
            )*
        }
    };
}

clients! {
    /// Access Analyzer; AWS_ENDPOINT_URL_ACCESSANALYZER points it elsewhere (tests' fakes).
    accessanalyzer, accessanalyzer_config: aws_sdk_accessanalyzer => |b, _aws| match env_endpoint("AWS_ENDPOINT_URL_ACCESSANALYZER") {
        Some(e) => b.endpoint_url(e),
        None => b,
    };
    athena, athena_config: aws_sdk_athena;
    /// DataZone; AWS_ENDPOINT_URL_DATAZONE points it elsewhere (tests' fakes).
    datazone, datazone_config: aws_sdk_datazone => |b, _aws| match env_endpoint("AWS_ENDPOINT_URL_DATAZONE") {
        Some(e) => b.endpoint_url(e),
        None => b,
    };
    ec2, ec2_config: aws_sdk_ec2;
    events, events_config: aws_sdk_eventbridge;
    iam, iam_config: aws_sdk_iam;
    lambda, lambda_config: aws_sdk_lambda;
    organizations, organizations_config: aws_sdk_organizations;
    /// S3, path-style whenever its endpoint is not AWS's.
    s3, s3_config: aws_sdk_s3 => |b, aws| b.force_path_style(aws.path_style);
    /// S3 Control, with the endpoint documented for it (see [`Aws::s3control_endpoint`]).
    s3control, s3control_config: aws_sdk_s3control => |b, aws| aws.s3control_endpoint(b);
    sqs, sqs_config: aws_sdk_sqs;
    sts, sts_config: aws_sdk_sts;
}

/// A non-empty environment variable naming an endpoint.
fn env_endpoint(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.is_empty())
}

/// The endpoint an SDK client built from `sdk` uses for the service `id`, when one is configured
/// (the same lookup the generated `Builder::from(&SdkConfig)` makes).
pub(crate) fn configured_endpoint(sdk: &aws_config::SdkConfig, id: &str) -> Option<String> {
    if sdk.get_origin("endpoint_url").is_client_config() {
        return sdk.endpoint_url().map(str::to_owned);
    }
    sdk.service_config()
        .and_then(|conf| {
            conf.load_config(
                aws_types::service_config::ServiceConfigKey::builder()
                    .service_id(id)
                    .env("AWS_ENDPOINT_URL")
                    .profile("endpoint_url")
                    .build()
                    .ok()?,
            )
        })
        .or_else(|| sdk.endpoint_url().map(str::to_owned))
}

impl Aws {
    /// `b` (an S3 Control configuration) with the endpoint the shared config file's
    /// `[services]` section gives it. The SDK looks that section up under `s3-control` (its service
    /// id with the space turned into a dash), while AWS documents `s3_control`
    /// (<https://docs.aws.amazon.com/sdkref/latest/guide/ss-endpoints-table.html>), so the SDK
    /// alone sends access point calls to AWS for users of a documented `s3_control` entry. The
    /// lookup is the SDK's own (same files, same precedence: AWS_ENDPOINT_URL_S3_CONTROL,
    /// AWS_ENDPOINT_URL, the profile's `[services]` entry, its `endpoint_url`), under the
    /// documented key; [`Settings::endpoint_url`] still wins over all of them.
    fn s3control_endpoint(
        &self,
        b: aws_sdk_s3control::config::Builder,
    ) -> aws_sdk_s3control::config::Builder {
        match configured_endpoint(&self.sdk, S3_CONTROL_ID) {
            Some(url) => b.endpoint_url(url),
            None => b,
        }
    }
}

/// S3 Control's id as the `[services]` section and AWS_ENDPOINT_URL_<ID> spell it.
pub(crate) const S3_CONTROL_ID: &str = "s3_control";

/// Now, as AWS writes timestamps (RFC 3339, UTC, e.g. `2026-01-31T09:30:00Z`).
pub fn now_rfc3339() -> String {
    aws_smithy_types::DateTime::from(std::time::SystemTime::now())
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_default()
}

/// Standard base64 of `bytes`, as AWS writes digests (Lambda's CodeSha256...).
pub fn base64(bytes: &[u8]) -> String {
    aws_smithy_types::base64::encode(bytes)
}

/// A region name as AWS spells them (`us-east-1`, `us-gov-west-1`, `cn-north-1`...): lower-case
/// letters, digits and dashes, starting with a letter.
fn valid_region(r: &str) -> bool {
    crate::values::is_region_shaped(r)
}

fn check_profile(name: &str, from_env: bool) -> Result<(), SettingsError> {
    if profile::exists(name) {
        return Ok(());
    }
    let (config, credentials) = profile::files();
    Err(SettingsError::MissingProfile {
        name: name.to_string(),
        from_env,
        config,
        credentials,
    })
}

/// AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, else the profile's max_attempts / retry_mode, checked as
/// the SDK would read them (it panics on bad ones). True when any is set.
fn check_retry_settings(explicit_profile: Option<&str>) -> Result<bool, SettingsError> {
    let profile = explicit_profile
        .map(str::to_owned)
        .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()))
        .unwrap_or_else(|| "default".into());
    let mut any = false;
    let lookups = [
        (
            "AWS_MAX_ATTEMPTS",
            "max_attempts",
            "a whole number of attempts from 1 to 100",
        ),
        ("AWS_RETRY_MODE", "retry_mode", "standard or adaptive"),
    ];
    for (var, key, expected) in lookups {
        let (source, value) = match std::env::var_os(var) {
            Some(v) => (var.to_string(), v.to_string_lossy().into_owned()),
            None => match profile::value(&profile, key) {
                Some(v) => (format!("{key} in profile {profile}"), v),
                None => continue,
            },
        };
        any = true;
        let ok = match key {
            "max_attempts" => value
                .trim()
                .parse::<u32>()
                .is_ok_and(|n| (1..=100).contains(&n)),
            _ => value.trim().parse::<aws_config::retry::RetryMode>().is_ok(),
        };
        if !ok {
            return Err(SettingsError::BadRetry {
                source,
                value,
                expected,
            });
        }
    }
    Ok(any)
}

/// A policy document AWS returned that lakegate refuses to read: duplicate keys are a bad
/// document (exit 2, nothing is changed), anything else a failure.
pub(crate) fn unreadable_policy(what: &str, e: &crate::policy::PolicyError) -> Error {
    if e.duplicate_key {
        error::input_error(format!(
            "{what} cannot be read or edited: {e}; fix the document by hand first"
        ))
    } else {
        error::failed(format!("{what} cannot be read: {e}"))
    }
}

fn validate_endpoint(e: &str) -> Result<(), SettingsError> {
    let ok = (e.starts_with("http://") || e.starts_with("https://"))
        && e.split("://").nth(1).is_some_and(|h| !h.is_empty());
    if ok {
        Ok(())
    } else {
        Err(SettingsError::BadEndpoint(e.to_string()))
    }
}

async fn assume_role(sdk: SdkConfig, role: &str) -> Result<SdkConfig, SettingsError> {
    crate::policy::arn::normalize_principal(role, "aws")
        .ok()
        .filter(|r| r.contains(":role/"))
        .ok_or_else(|| SettingsError::BadRole(role.to_string()))?;
    let provider = aws_config::sts::AssumeRoleProvider::builder(role)
        .session_name("lakegate")
        .configure(&sdk)
        .build()
        .await;
    Ok(sdk
        .into_builder()
        .credentials_provider(
            aws_credential_types::provider::SharedCredentialsProvider::new(provider),
        )
        .build())
}
