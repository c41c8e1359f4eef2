//! AWS errors → one clear message with the service's error code and a hint.

use crate::error::{failed, input_error, CliError, Delivery};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

/// Classify an SDK error for operation `op` (e.g. `s3:PutBucketPolicy`).
pub fn classify<E>(op: &str, err: SdkError<E, HttpResponse>) -> CliError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let chain = DisplayErrorContext(&err).to_string();
    let delivery = delivery_of(&err);
    let e = classify_inner(op, &err, chain);
    e.delivered(delivery)
}

/// Whether the request was answered, and whether a retry may help.
pub fn delivery_of<E: ProvideErrorMetadata, R>(err: &SdkError<E, R>) -> Delivery
where
    R: HttpStatus,
{
    match err {
        SdkError::ServiceError(se) => {
            let status = se.raw().status_code();
            let throttled = matches!(
                se.err().code(),
                Some("Throttling" | "ThrottlingException" | "SlowDown" | "RequestLimitExceeded")
            );
            if status >= 500 || status == 429 || throttled {
                Delivery::Refused
            } else {
                Delivery::Final
            }
        }
        SdkError::ConstructionFailure(_) => Delivery::Final,
        // A connection that failed before the request was sent is harmless to retry; one lost
        // after sending may have been applied. The SDK does not say which, so assume the worst.
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            Delivery::Unanswered
        }
        _ => Delivery::Final,
    }
}

/// The HTTP status of a raw response (the SDK's response type is generic in `SdkError`).
pub trait HttpStatus {
    fn status_code(&self) -> u16;
}

impl HttpStatus for HttpResponse {
    fn status_code(&self) -> u16 {
        self.status().as_u16()
    }
}

fn classify_inner<E>(op: &str, err: &SdkError<E, HttpResponse>, chain: String) -> CliError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    match err {
        SdkError::ServiceError(se) => {
            let e = se.err();
            // Some answers (a 403 from a bucket policy on a HEAD, emulators) carry no error code:
            // name the HTTP status instead of "Unknown".
            let status = se.raw().status().as_u16();
            let code = match e.code() {
                Some(c) if !c.is_empty() && c.parse::<u16>().is_err() => c.to_string(),
                _ => match status {
                    403 => "AccessDenied".to_string(),
                    404 => "NotFound".to_string(),
                    409 => "Conflict".to_string(),
                    412 => "PreconditionFailed".to_string(),
                    s => format!("HTTP {s}"),
                },
            };
            let msg = e.message().unwrap_or("").to_string();
            service_error(op, &code, &msg).caused_by(chain)
        }
        SdkError::TimeoutError(_) => failed(format!("{op} timed out"))
            .hinted("check the network path to the AWS endpoint, or retry")
            .caused_by(chain),
        SdkError::DispatchFailure(_) | SdkError::ConstructionFailure(_) => {
            if chain.contains("credentials") || chain.contains("Credentials") {
                failed(format!("{op}: no usable AWS credentials"))
                    .hinted("set AWS_PROFILE (run `aws sso login` for SSO profiles), or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
                    .caused_by(chain)
            } else {
                let cause = root_cause(err);
                let e = failed(format!("{op}: could not reach the AWS endpoint: {cause}"));
                let e = if cause.starts_with(super::dns::UNRESOLVED) {
                    // The host names the region for AWS's own endpoints.
                    e.hinted("the host does not resolve: an unknown region (check the region in use), no network or DNS, or a proxy that must be set (HTTPS_PROXY)")
                } else {
                    e
                };
                e.hinted("check the endpoint URL in use and the network")
                    .caused_by(chain)
            }
        }
        _ => failed(format!("{op} failed: {}", root_cause(err))).caused_by(chain),
    }
}

/// The innermost error of the source chain, e.g. "Connection refused (os error 111)". (The text
/// of `DisplayErrorContext` cannot be split for it: it ends with the error's Debug form.)
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut e = err;
    while let Some(source) = e.source() {
        e = source;
    }
    let text = e.to_string();
    if text.trim().is_empty() {
        err.to_string()
    } else {
        text
    }
}

/// Map a service error code to a message and a hint.
pub fn service_error(op: &str, code: &str, msg: &str) -> CliError {
    let detail = if msg.is_empty() {
        code.to_string()
    } else {
        format!("{code}: {msg}")
    };
    let base = format!("{op} failed: {detail}");
    match code {
        "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" => failed(base).hinted(
            format!("the caller's IAM policy (or an SCP or the resource policy) must allow {op}"),
        ),
        "NoSuchBucket" => failed(base).hinted("check the bucket name and the region in use"),
        "NoSuchAccessPoint" => failed(base)
            .hinted("run `lakegate accesspoint list` to see the account's access points"),
        "MalformedPolicy" => failed(base).hinted(
            "AWS rejected the document; a principal that does not exist is the usual cause",
        ),
        "InvalidAccessKeyId"
        | "SignatureDoesNotMatch"
        | "ExpiredToken"
        | "InvalidClientTokenId" => {
            failed(base).hinted("refresh the credentials (e.g. `aws sso login --profile NAME`)")
        }
        "Throttling" | "ThrottlingException" | "SlowDown" | "RequestLimitExceeded" => {
            failed(base).hinted("AWS is throttling requests; retry later")
        }
        "InvalidRequest" | "InvalidArgument" | "InvalidURI" => input_error(base),
        _ => failed(base),
    }
}

/// The service error code of an SDK error, if it is a service error.
pub fn code<E: ProvideErrorMetadata, R>(err: &SdkError<E, R>) -> Option<&str> {
    match err {
        SdkError::ServiceError(se) => se.err().code(),
        _ => None,
    }
}
