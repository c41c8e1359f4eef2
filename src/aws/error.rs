//! AWS failures as a neutral value: what was called, what AWS (or the network) said, and what
//! that means ([`ErrorKind`], [`Delivery`]). Nothing here is about the CLI: the hints a user
//! sees are added in one place, by the conversion into the CLI's error (`src/hints.rs`).

use aws_credential_types::provider::error::CredentialsError;
use aws_smithy_runtime_api::client::dns::ResolveDnsError;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::fmt;

/// What a failure means, for callers that branch on it and for the hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A resource the call names does not exist, as the wrapper established it (the service
    /// codes `NoSuchBucket`... of other calls stay [`ErrorKind::Other`], with their code).
    NotFound,
    /// The caller is not allowed (IAM, an SCP, a resource policy).
    AccessDenied,
    /// The service throttled the request.
    Throttled,
    /// The request or a document is invalid: nothing was changed.
    Input,
    /// The endpoint could not be reached (a refused or reset connection, TLS).
    Unreachable,
    /// The endpoint's host name did not resolve (DNS): an unknown region, no network or DNS,
    /// or a proxy that must be set. Nothing was sent.
    Unresolved,
    /// The call timed out.
    Timeout,
    /// No usable credentials, or credentials the service refused.
    Credentials,
    /// Another holder has the lease of the resource (and kept it while lakegate waited).
    Held,
    /// A lease lakegate held was taken over, deleted or expired: it stopped without writing.
    Lost,
    /// The service refused a policy document (`MalformedPolicy`, `MalformedPolicyDocument`):
    /// often a principal that no longer exists.
    MalformedPolicy,
    /// Stopped by an interrupt before writing.
    Interrupted,
    /// Anything else.
    Other,
}

/// How a failed AWS request ended, for callers that retry or must tell "not written" from
/// "maybe written" (a plain value, kept below this layer so the CLI's error carries it too).
pub use crate::error::Delivery;

/// A failure of the AWS layer (boxed: results stay small; fields read through it).
#[derive(Debug, Clone)]
pub struct Error(Box<ErrorInfo>);

/// What an [`Error`] says.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    /// The one-line message (`s3:PutBucketPolicy failed: AccessDenied: ...`).
    pub message: String,
    /// The operation called (`s3:PutBucketPolicy`), when one was.
    pub op: Option<String>,
    /// The service's error code (`AccessDenied`, `NoSuchBucket`...), when it answered one.
    pub code: Option<String>,
    /// The HTTP status of the answer, when there was one.
    pub status: Option<u16>,
    pub delivery: Delivery,
    /// The IAM action that authorises `op`, when its name differs from the operation's.
    pub action: Option<String>,
    /// The resource the failure is about (an ARN, `s3://bucket/key`, a query id), when it helps.
    pub resource: Option<String>,
    /// The region called, when it helps.
    pub region: Option<String>,
    /// The request parameter a bad value was given for, as the API names it (`analyzerArn`).
    pub param: Option<&'static str>,
    /// Extra facts a reader needs (e.g. that an earlier attempt may have been applied).
    pub notes: Vec<String>,
    /// The cause chain (SDK error chains), most general first.
    pub causes: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl std::ops::Deref for Error {
    type Target = ErrorInfo;
    fn deref(&self) -> &ErrorInfo {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorInfo {
        &mut self.0
    }
}

impl Error {
    /// What it says, by value.
    pub fn into_info(self) -> ErrorInfo {
        *self.0
    }

    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(ErrorInfo {
            kind,
            message: message.into(),
            op: None,
            code: None,
            status: None,
            delivery: Delivery::Final,
            action: None,
            resource: None,
            region: None,
            param: None,
            notes: Vec::new(),
            causes: Vec::new(),
        }))
    }

    #[must_use]
    pub fn op(mut self, op: impl Into<String>) -> Self {
        self.op = Some(op.into());
        self
    }

    #[must_use]
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    #[must_use]
    pub fn resource(mut self, r: impl Into<String>) -> Self {
        self.resource = Some(r.into());
        self
    }

    #[must_use]
    pub fn region(mut self, r: impl Into<String>) -> Self {
        self.region = Some(r.into());
        self
    }

    #[must_use]
    pub fn param(mut self, p: &'static str) -> Self {
        self.param = Some(p);
        self
    }

    #[must_use]
    pub fn noted(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    #[must_use]
    pub fn delivered(mut self, d: Delivery) -> Self {
        self.delivery = d;
        self
    }

    #[must_use]
    pub fn caused_by(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }

    /// True when retrying the failed request may succeed.
    pub fn is_transient(&self) -> bool {
        self.delivery != Delivery::Final
    }

    /// True when the operation `op` was called and failed.
    pub fn is_op(&self, op: &str) -> bool {
        self.op.as_deref() == Some(op)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A failure (AWS answered with an error, or an answer lakegate cannot use).
pub fn failed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Other, message)
}

/// A bad request or document: nothing was changed.
pub fn input_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Input, message)
}

/// The resource does not exist.
pub fn not_found(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::NotFound, message)
}

/// Classify an SDK error for operation `op` (e.g. `s3:PutBucketPolicy`).
pub fn classify<E>(op: &str, err: SdkError<E, HttpResponse>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let chain = DisplayErrorContext(&err).to_string();
    let delivery = delivery_of(&err);
    let status = err.raw_response().map(|r| r.status().as_u16());
    let mut e = classify_inner(op, &err, chain).delivered(delivery);
    e.op = Some(op.to_string());
    e.status = status;
    e
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

fn classify_inner<E>(op: &str, err: &SdkError<E, HttpResponse>, chain: String) -> Error
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
        SdkError::TimeoutError(_) => {
            Error::new(ErrorKind::Timeout, format!("{op} timed out")).caused_by(chain)
        }
        SdkError::DispatchFailure(_) | SdkError::ConstructionFailure(_) => {
            // The credential provider's failure is in the source chain: the kind, not the text,
            // says credentials.
            if find_source::<CredentialsError>(err).is_some() {
                Error::new(
                    ErrorKind::Credentials,
                    format!("{op}: no usable AWS credentials"),
                )
                .caused_by(chain)
            } else {
                // The resolver's failure is in the source chain (the HTTP client keeps it, as
                // the SDK's own classifier finds it): the kind, not the text, says DNS.
                let kind = if find_source::<ResolveDnsError>(err).is_some() {
                    ErrorKind::Unresolved
                } else {
                    ErrorKind::Unreachable
                };
                let cause = root_cause(err);
                Error::new(
                    kind,
                    format!("{op}: could not reach the AWS endpoint: {cause}"),
                )
                .caused_by(chain)
            }
        }
        _ => failed(format!("{op} failed: {}", root_cause(err))).caused_by(chain),
    }
}

/// The first error of type `T` in `err`'s source chain (`err` included).
fn find_source<'a, T: std::error::Error + 'static>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a T> {
    let mut next = Some(err);
    while let Some(e) = next {
        if let Some(found) = e.downcast_ref::<T>() {
            return Some(found);
        }
        next = e.source();
    }
    None
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

/// The error of a service's answer: its message, and the kind its code means.
pub fn service_error(op: &str, code: &str, msg: &str) -> Error {
    let detail = if msg.is_empty() {
        code.to_string()
    } else {
        format!("{code}: {msg}")
    };
    let kind = match code {
        "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" => {
            ErrorKind::AccessDenied
        }
        "InvalidAccessKeyId"
        | "SignatureDoesNotMatch"
        | "ExpiredToken"
        | "InvalidClientTokenId" => ErrorKind::Credentials,
        "Throttling" | "ThrottlingException" | "SlowDown" | "RequestLimitExceeded" => {
            ErrorKind::Throttled
        }
        "InvalidRequest" | "InvalidArgument" | "InvalidURI" => ErrorKind::Input,
        "MalformedPolicy" | "MalformedPolicyDocument" => ErrorKind::MalformedPolicy,
        _ => ErrorKind::Other,
    };
    Error::new(kind, format!("{op} failed: {detail}"))
        .op(op)
        .code(code)
}

/// The service error code of an SDK error, if it is a service error.
pub fn code<E: ProvideErrorMetadata, R>(err: &SdkError<E, R>) -> Option<&str> {
    match err {
        SdkError::ServiceError(se) => se.err().code(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_sts::operation::get_caller_identity::GetCallerIdentityError;
    use aws_smithy_runtime_api::client::result::ConnectorError;

    fn dispatch_failure(source: Box<dyn std::error::Error + Send + Sync>) -> Error {
        let err: SdkError<GetCallerIdentityError, HttpResponse> =
            SdkError::dispatch_failure(ConnectorError::io(source));
        classify("sts:GetCallerIdentity", err)
    }

    #[test]
    fn a_host_that_does_not_resolve_is_known_by_the_resolvers_error_not_by_text() {
        let dns = ResolveDnsError::new(std::io::Error::other("lookup failed"));
        let e = dispatch_failure(Box::new(dns));
        assert_eq!(e.kind, ErrorKind::Unresolved);
        assert_eq!(
            e.message,
            "sts:GetCallerIdentity: could not reach the AWS endpoint: lookup failed"
        );
        let refused = std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            format!(
                "{} x (only the text says so)",
                super::super::dns::UNRESOLVED
            ),
        );
        assert_eq!(
            dispatch_failure(Box::new(refused)).kind,
            ErrorKind::Unreachable
        );
    }

    #[test]
    fn missing_credentials_are_known_by_the_providers_error_not_by_text() {
        let e = dispatch_failure(Box::new(CredentialsError::not_loaded(
            "no provider had any",
        )));
        assert_eq!(e.kind, ErrorKind::Credentials);
        assert_eq!(
            e.message,
            "sts:GetCallerIdentity: no usable AWS credentials"
        );
        let other = std::io::Error::other("Credentials mentioned, but a connection failed");
        assert_eq!(
            dispatch_failure(Box::new(other)).kind,
            ErrorKind::Unreachable
        );
    }
}
