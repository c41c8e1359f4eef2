//! The HTTP client with a resolver that sends `*.localhost` to loopback (RFC 6761), so S3 Control's
//! account-id host prefix (`123456789012.localhost`) works against a local endpoint.

use aws_smithy_http_client::{
    tls::{self, rustls_provider::CryptoMode},
    Builder,
};
use aws_smithy_runtime_api::client::dns::{DnsFuture, ResolveDns, ResolveDnsError};
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use std::net::{IpAddr, Ipv4Addr};

#[derive(Debug, Clone, Default)]
pub struct LoopbackAwareResolver;

/// Names answered without asking DNS: `localhost`, `*.localhost`, and an IP literal behind a host
/// prefix (`123456789012.127.0.0.1`).
pub fn resolve_locally(name: &str) -> Option<Vec<IpAddr>> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return Some(vec![IpAddr::V4(Ipv4Addr::LOCALHOST)]);
    }
    if let Ok(ip) = lower.parse::<IpAddr>() {
        return Some(vec![ip]);
    }
    let (_, rest) = lower.split_once('.')?;
    rest.parse::<Ipv4Addr>().ok().map(|ip| vec![IpAddr::V4(ip)])
}

/// How a failed host lookup's message starts, for people (the error classifier goes by the
/// `ResolveDnsError` in the source chain, not by this text).
pub const UNRESOLVED: &str = "cannot resolve host";

impl ResolveDns for LoopbackAwareResolver {
    fn resolve_dns<'a>(&'a self, name: &'a str) -> DnsFuture<'a> {
        if let Some(ips) = resolve_locally(name) {
            return DnsFuture::ready(Ok(ips));
        }
        let name = name.to_string();
        DnsFuture::new(async move {
            let addrs = tokio::net::lookup_host((name.as_str(), 0))
                .await
                // Name the host: the resolver's own text ("failed to lookup address
                // information") does not, and the error classifier reports the innermost error.
                .map_err(|e| {
                    ResolveDnsError::new(std::io::Error::new(
                        e.kind(),
                        format!("{UNRESOLVED} {name}: {e}"),
                    ))
                })?;
            Ok(addrs.map(|a| a.ip()).collect())
        })
    }
}

/// How long an unused connection stays open for reuse. hyper's default is 90 s, which an
/// organization audit turns into hundreds of idle sockets: S3 Control's host names the account
/// (`ACCOUNT.s3-control.REGION.amazonaws.com`), so the connections of an account × region
/// already audited are never used again, and each keeps its read buffer and a file descriptor.
const POOL_IDLE: std::time::Duration = std::time::Duration::from_secs(5);

pub fn http_client() -> SharedHttpClient {
    Builder::new()
        .pool_idle_timeout(POOL_IDLE)
        .tls_provider(tls::Provider::Rustls(CryptoMode::AwsLc))
        .build_with_resolver(LoopbackAwareResolver)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localhost_names_resolve_to_loopback() {
        let lo = Some(vec![IpAddr::V4(Ipv4Addr::LOCALHOST)]);
        assert_eq!(resolve_locally("localhost"), lo);
        assert_eq!(resolve_locally("123456789012.localhost"), lo);
        assert_eq!(resolve_locally("A.B.LOCALHOST."), lo);
        assert_eq!(resolve_locally("123456789012.127.0.0.1"), lo);
        assert_eq!(resolve_locally("s3.amazonaws.com"), None);
        assert_eq!(resolve_locally("notlocalhost"), None);
    }
}
