//! Test-only: SDK clients pointed at a `wiremock` server on loopback.
//!
//! Unit tests of this layer drive the SDK's own serialisers and deserialisers over real HTTP,
//! against responses shaped as each service's API reference shows them. They do not use the SDK's
//! `test-util` feature or `aws-smithy-mocks`: a dev-only feature of an SDK crate changes the feature
//! set of the SDK runtime, and then `cargo build` and `cargo test` each compile every SDK crate.

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::Credentials;
use aws_smithy_types::retry::RetryConfig;
use aws_types::region::Region;
use aws_types::SdkConfig;
use wiremock::{MockServer, Request};

/// A configuration for any SDK client: region us-east-1, static test credentials, the fake's
/// address as the endpoint, and no retries (a test names each answer it wants).
pub(crate) fn config(server: &MockServer) -> SdkConfig {
    SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(server.uri())
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "AKIDTEST", "secret", None, None, "test",
        )))
        .retry_config(RetryConfig::disabled())
        .build()
}

/// The JSON body of a request (REST-JSON services), or `null`.
pub(crate) fn json_body(r: &Request) -> serde_json::Value {
    serde_json::from_slice(&r.body).unwrap_or(serde_json::Value::Null)
}

/// The value of one query parameter of a request.
pub(crate) fn query(r: &Request, name: &str) -> Option<String> {
    r.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// How many requests the fake received whose path starts with `prefix`.
pub(crate) async fn calls(server: &MockServer, prefix: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path().starts_with(prefix))
        .count()
}
