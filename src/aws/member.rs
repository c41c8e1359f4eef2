//! Credentials of a role in a member account that last a whole run: STS AssumeRole once, eagerly
//! (a role that cannot be assumed is known before any other call), then again, with the same
//! session name and external id, shortly before the session's credentials expire (a role session
//! lasts 1 hour by default; an organization audit can run longer).

use super::error::Result;
use super::{classify, Aws};
use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::provider::{error::CredentialsError, future, ProvideCredentials};
use aws_credential_types::Credentials;
use std::time::{Duration, SystemTime};

/// Credentials with less than this left are replaced by a new AssumeRole.
pub const REFRESH_BEFORE: Duration = Duration::from_secs(5 * 60);

/// The role is assumed again at most this often. A new session lasts at least 15 minutes, so
/// only a local clock running ahead (or a session cut short) makes fresh credentials look
/// about to expire; without this bound every request would assume the role again first.
pub const REFRESH_AT_MOST_EVERY: Duration = Duration::from_secs(60);

/// STS AssumeRole: the role session's credentials.
pub(super) async fn assume_role(
    sts: &aws_sdk_sts::Client,
    role_arn: &str,
    session_name: &str,
    external_id: Option<&str>,
) -> Result<Credentials> {
    let out = sts
        .assume_role()
        .role_arn(role_arn)
        .role_session_name(session_name)
        .set_external_id(external_id.map(str::to_string))
        .send()
        .await
        .map_err(|e| classify("sts:AssumeRole", e))?;
    let c = out
        .credentials
        .ok_or_else(|| super::error::failed("STS AssumeRole returned no credentials"))?;
    Ok(Credentials::new(
        c.access_key_id,
        c.secret_access_key,
        Some(c.session_token),
        SystemTime::try_from(c.expiration).ok(),
        "lakegate-assume-role",
    ))
}

/// Hands out the credentials of the first AssumeRole until less than [`REFRESH_BEFORE`] is left,
/// then assumes the role again (the SDK's identity cache asks shortly before expiry).
#[derive(Debug)]
pub struct RoleCredentials {
    sts: aws_sdk_sts::Client,
    role_arn: String,
    session_name: String,
    external_id: Option<String>,
    /// The credentials handed out, and when this provider last assumed the role (None: the
    /// first credentials, assumed before it was made).
    current: tokio::sync::Mutex<(Credentials, Option<std::time::Instant>)>,
}

impl RoleCredentials {
    pub fn new(
        sts: aws_sdk_sts::Client,
        role_arn: &str,
        session_name: &str,
        external_id: Option<&str>,
        first: Credentials,
    ) -> Self {
        RoleCredentials {
            sts,
            role_arn: role_arn.to_string(),
            session_name: session_name.to_string(),
            external_id: external_id.map(str::to_string),
            current: tokio::sync::Mutex::new((first, None)),
        }
    }

    async fn get(&self) -> aws_credential_types::provider::Result {
        let mut current = self.current.lock().await;
        let fresh = current.0.expiry().is_none_or(|t| {
            t.duration_since(SystemTime::now())
                .is_ok_and(|left| left > REFRESH_BEFORE)
        });
        let just_assumed = current
            .1
            .is_some_and(|at| at.elapsed() < REFRESH_AT_MOST_EVERY);
        if fresh || just_assumed {
            return Ok(current.0.clone());
        }
        tracing::debug!(role = %self.role_arn, "role session about to expire: assuming it again");
        let new = assume_role(
            &self.sts,
            &self.role_arn,
            &self.session_name,
            self.external_id.as_deref(),
        )
        .await
        .map_err(CredentialsError::provider_error)?;
        *current = (new.clone(), Some(std::time::Instant::now()));
        Ok(new)
    }
}

impl ProvideCredentials for RoleCredentials {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::new(self.get())
    }
}

impl Aws {
    /// STS AssumeRole with these credentials, now, and a provider that hands out that session's
    /// credentials and assumes the role again (same session name and external id) shortly before
    /// they expire: for [`Aws::in_account`].
    pub async fn assume_role_for_run(
        &self,
        role_arn: &str,
        session_name: &str,
        external_id: Option<&str>,
    ) -> Result<SharedCredentialsProvider> {
        let sts = self.sts().clone();
        let first = assume_role(&sts, role_arn, session_name, external_id).await?;
        Ok(SharedCredentialsProvider::new(RoleCredentials::new(
            sts,
            role_arn,
            session_name,
            external_id,
            first,
        )))
    }
}

#[cfg(test)]
mod tests {
    //! STS on a `wiremock` fake answering AssumeRole as the STS API reference shows it
    //! (<https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html>): the requests
    //! it receives are counted.
    use super::*;
    use wiremock::matchers::{body_string_contains, method};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    const ROLE: &str = "arn:aws:iam::222233334444:role/LakegateAudit";

    async fn sts_fake() -> (MockServer, aws_sdk_sts::Client) {
        sts_fake_expiring("2099-01-01T00:00:00Z").await
    }

    /// The fake, its sessions expiring at `expiration` (ISO 8601).
    async fn sts_fake_expiring(expiration: &str) -> (MockServer, aws_sdk_sts::Client) {
        let server = MockServer::start().await;
        let body = r#"<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>ASIAREFRESHED</AccessKeyId>
      <SecretAccessKey>refreshed-secret</SecretAccessKey>
      <SessionToken>refreshed-token</SessionToken>
      <Expiration>EXPIRATION</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEXAMPLE:lakegate-audit</AssumedRoleId>
      <Arn>arn:aws:sts::222233334444:assumed-role/LakegateAudit/lakegate-audit</Arn>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>"#
            .replace("EXPIRATION", expiration);
        Mock::given(method("POST"))
            .and(body_string_contains("Action=AssumeRole"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("content-type", "text/xml")
                    .set_body_string(body),
            )
            .mount(&server)
            .await;
        let conf = aws_sdk_sts::Config::builder()
            .behavior_version(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .endpoint_url(server.uri())
            .http_client(super::super::dns::http_client())
            .credentials_provider(Credentials::new("AKIDCALLER", "secret", None, None, "test"))
            .build();
        (server, aws_sdk_sts::Client::from_conf(conf))
    }

    fn first(expires_in: Duration) -> Credentials {
        Credentials::new(
            "ASIAFIRST",
            "first-secret",
            Some("first-token".into()),
            Some(SystemTime::now() + expires_in),
            "test",
        )
    }

    #[tokio::test]
    async fn credentials_about_to_expire_are_replaced_by_a_new_assume_role() {
        let (server, sts) = sts_fake().await;
        let p = RoleCredentials::new(
            sts,
            ROLE,
            "lakegate-audit",
            Some("ext-1"),
            first(Duration::from_secs(60)),
        );
        let c = p.provide_credentials().await.unwrap();
        assert_eq!(c.access_key_id(), "ASIAREFRESHED");
        let got = server.received_requests().await.unwrap();
        assert_eq!(got.len(), 1);
        let body = String::from_utf8_lossy(&got[0].body).to_string();
        for part in [
            "RoleArn=arn%3Aaws%3Aiam%3A%3A222233334444%3Arole%2FLakegateAudit",
            "RoleSessionName=lakegate-audit",
            "ExternalId=ext-1",
        ] {
            assert!(body.contains(part), "{body}");
        }
        // The new session is good for long: no further call.
        let c = p.provide_credentials().await.unwrap();
        assert_eq!(c.access_key_id(), "ASIAREFRESHED");
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn credentials_not_about_to_expire_are_handed_out_without_a_call() {
        let (server, sts) = sts_fake().await;
        let p = RoleCredentials::new(
            sts,
            ROLE,
            "lakegate-audit",
            None,
            first(Duration::from_secs(3600)),
        );
        for _ in 0..3 {
            let c = p.provide_credentials().await.unwrap();
            assert_eq!(c.access_key_id(), "ASIAFIRST");
            assert_eq!(c.session_token(), Some("first-token"));
        }
        assert!(server.received_requests().await.unwrap().is_empty());
    }

    /// A clock running ahead makes even a new session look about to expire: the role is assumed
    /// again at most once a minute, not before every request.
    #[tokio::test]
    async fn credentials_that_look_expired_on_arrival_are_not_assumed_again_at_once() {
        let (server, sts) = sts_fake_expiring("2000-01-01T00:00:00Z").await;
        let p = RoleCredentials::new(sts, ROLE, "lakegate-audit", None, first(Duration::ZERO));
        for _ in 0..5 {
            let c = p.provide_credentials().await.unwrap();
            assert_eq!(c.access_key_id(), "ASIAREFRESHED");
        }
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn a_failed_new_assume_role_is_a_credentials_error() {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(403)
                    .insert_header("content-type", "text/xml")
                    .set_body_string(
                        r#"<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error><RequestId>r</RequestId></ErrorResponse>"#,
                    ),
            )
            .mount(&server)
            .await;
        let conf = aws_sdk_sts::Config::builder()
            .behavior_version(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .endpoint_url(server.uri())
            .http_client(super::super::dns::http_client())
            .credentials_provider(Credentials::new("AKIDCALLER", "secret", None, None, "test"))
            .build();
        let p = RoleCredentials::new(
            aws_sdk_sts::Client::from_conf(conf),
            ROLE,
            "lakegate-audit",
            None,
            // Already expired.
            first(Duration::ZERO),
        );
        let e = p.provide_credentials().await.unwrap_err();
        assert!(format!("{:?}", e).contains("AccessDenied"), "{e:?}");
    }
}
