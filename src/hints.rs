//! The one place AWS failures become the CLI's errors: the kind decides the exit code, and the
//! hints a user sees are chosen here from what the failure says (kind, service code, operation).

use crate::aws::error::{Error, ErrorKind};
use crate::error::{Cause, CliError, Hint, Kind};

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        let cause = match e.kind {
            ErrorKind::MalformedPolicy => Some(Cause::MalformedPolicy),
            ErrorKind::Held => Some(Cause::LeaseHeld),
            ErrorKind::Lost => Some(Cause::LeaseLost),
            _ => None,
        };
        let kind = match e.kind {
            ErrorKind::Input => Kind::Input,
            ErrorKind::NotFound => Kind::NotFound,
            ErrorKind::Interrupted => Kind::Interrupted,
            _ => Kind::Failed,
        };
        let hints = hints(&e);
        let e = e.into_info();
        // A bad value is named by the flag it came from.
        let message = match e.param.and_then(flag_of) {
            Some(flag) => format!("{flag}: {}", e.message),
            None => e.message,
        };
        let mut c = CliError::new(kind, message).delivered(e.delivery);
        c.cause = cause;
        c.hints = hints;
        c.causes = e.causes;
        c
    }
}

/// The flag that gives the API parameter `param`.
fn flag_of(param: &str) -> Option<&'static str> {
    match param {
        "analyzerArn" => Some("--analyzer-arn"),
        _ => None,
    }
}

/// The hints for `e`, in the order they are printed.
fn hints(e: &Error) -> Vec<Hint> {
    let op = e.op.as_deref().unwrap_or("");
    let mut out = Vec::new();
    match e.kind {
        ErrorKind::Timeout => out.push("check the network path to the AWS endpoint, or retry".into()),
        ErrorKind::Credentials if e.code.is_none() => out.push(
            "set AWS_PROFILE (run `aws sso login` for SSO profiles), or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY".into(),
        ),
        ErrorKind::Unresolved => {
            // The host names the region for AWS's own endpoints.
            out.push(Hint::Unresolved);
            out.push(Hint::CheckEndpoint);
        }
        ErrorKind::Unreachable => out.push(Hint::CheckEndpoint),
        _ => {}
    }
    match e.code.as_deref() {
        Some("AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation") => {
            out.push(Hint::Text(match &e.action {
                Some(action) => format!(
                    "the caller's IAM policy (or an SCP) must allow {action}, which authorises {op}"
                ),
                None => format!(
                    "the caller's IAM policy (or an SCP or the resource policy) must allow {op}"
                ),
            }))
        }
        Some("NoSuchBucket") => out.push(Hint::CheckBucket { listing: false }),
        Some("NoSuchAccessPoint") => {
            out.push("run `lakegate accesspoint list` to see the account's access points".into())
        }
        Some("MalformedPolicy") => out.push(
            "AWS rejected the document; a principal that does not exist is the usual cause".into(),
        ),
        Some(
            "InvalidAccessKeyId"
            | "SignatureDoesNotMatch"
            | "ExpiredToken"
            | "InvalidClientTokenId",
        ) => out.push("refresh the credentials (e.g. `aws sso login --profile NAME`)".into()),
        Some("Throttling" | "ThrottlingException" | "SlowDown" | "RequestLimitExceeded") => {
            out.push("AWS is throttling requests; retry later".into())
        }
        _ => {}
    }
    let resource = e.resource.as_deref().unwrap_or("");
    let code = e.code.as_deref().unwrap_or("");
    match (e.kind, op, code) {
        (ErrorKind::NotFound, "s3:HeadBucket", _) => {
            out.push(Hint::CheckBucket { listing: true })
        }
        (_, "access-analyzer:ListFindingsV2", "ResourceNotFoundException") => {
            let region = e.region.as_deref().unwrap_or("the configured region");
            out.push(Hint::Text(match resource.split(':').nth(3) {
                Some(r) if !r.is_empty() && r != region => {
                    format!("the analyzer ARN names region {r}: pass --region {r}")
                }
                _ => format!(
                    "check the ARN: `aws accessanalyzer list-analyzers --region {region}` lists the analyzers"
                ),
            }))
        }
        (_, "access-analyzer:GetFindingV2", "ResourceNotFoundException") => {
            out.push("the finding list changed while it was read; run the command again".into())
        }
        (_, "s3:PutObject (lease)", _) => out.push(Hint::Text(format!(
            "lakegate serialises policy writes with a lease object at {resource}; the caller needs s3:PutObject, s3:GetObject and s3:DeleteObject there"
        ))),
        (ErrorKind::Held, _, _) => out.push(Hint::Text(format!(
            "retry later; a lease left by a crashed run expires by itself, or delete {resource}"
        ))),
        (ErrorKind::Lost, _, _) => out.push(Hint::Text(format!(
            "another lakegate may have changed it meanwhile; check the policy and run the command again (lease object {resource})"
        ))),
        (_, "athena:StopQueryExecution", _) if !resource.is_empty() => {
            out.push(Hint::Text(format!("the query was {resource}")))
        }
        _ => {}
    }
    out.extend(e.notes.iter().cloned().map(Hint::Text));
    out
}

impl crate::aws::lease::Attempted for CliError {
    fn delivery(&self) -> crate::aws::Delivery {
        self.delivery
    }
    fn with_delivery(self, d: crate::aws::Delivery) -> Self {
        self.delivered(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::error::{failed, input_error, not_found, service_error};

    fn cli(e: Error) -> CliError {
        e.into()
    }

    #[test]
    fn service_codes_keep_their_kinds_and_hints() {
        let e = cli(service_error("s3:PutBucketPolicy", "AccessDenied", "no"));
        assert_eq!(e.kind, Kind::Failed);
        assert_eq!(e.message, "s3:PutBucketPolicy failed: AccessDenied: no");
        assert_eq!(
            e.hints,
            ["the caller's IAM policy (or an SCP or the resource policy) must allow s3:PutBucketPolicy"]
        );
        let e = cli(service_error("s3:GetBucketPolicy", "NoSuchBucket", ""));
        assert_eq!(
            e.kind,
            Kind::Failed,
            "a service's NoSuchBucket stays a failure"
        );
        assert_eq!(e.hints, ["check the bucket name and the region in use"]);
        let e = cli(service_error("s3:PutObject", "InvalidArgument", "bad"));
        assert_eq!(e.kind, Kind::Input);
        assert!(e.hints.is_empty());
        let e = cli(service_error("sts:GetCallerIdentity", "ExpiredToken", ""));
        assert_eq!(
            e.hints,
            ["refresh the credentials (e.g. `aws sso login --profile NAME`)"]
        );
        let e = cli(service_error("s3:PutBucketPolicy", "SlowDown", ""));
        assert_eq!(e.hints, ["AWS is throttling requests; retry later"]);
        assert!(cli(service_error("s3:X", "Whatever", "")).hints.is_empty());
    }

    #[test]
    fn transport_failures_keep_their_hints() {
        let e = cli(Error::new(ErrorKind::Timeout, "s3:HeadBucket timed out"));
        assert_eq!(
            e.hints,
            ["check the network path to the AWS endpoint, or retry"]
        );
        let e = cli(Error::new(
            ErrorKind::Unresolved,
            "sts:GetCallerIdentity: could not reach the AWS endpoint: x",
        ));
        assert_eq!(e.hints.len(), 2);
        assert!(e.hints[0]
            .to_string()
            .starts_with("the host does not resolve"));
        assert_eq!(e.hints[1], "check the endpoint URL in use and the network");
        // The kind decides, not the text: an unreachable endpoint whose message happens to
        // mention DNS gets no DNS hint.
        let e = cli(Error::new(
            ErrorKind::Unreachable,
            "sts:GetCallerIdentity: could not reach the AWS endpoint: cannot resolve host x",
        ));
        assert_eq!(e.hints, ["check the endpoint URL in use and the network"]);
        let e = cli(Error::new(
            ErrorKind::Credentials,
            "s3:X: no usable AWS credentials",
        ));
        assert!(
            e.hints[0].to_string().starts_with("set AWS_PROFILE"),
            "{:?}",
            e.hints
        );
    }

    #[test]
    fn wrapper_errors_keep_their_kinds_and_hints() {
        let e = cli(not_found("bucket 'b' does not exist").op("s3:HeadBucket"));
        assert_eq!(e.kind, Kind::NotFound);
        assert_eq!(
            e.hints,
            ["check the bucket name and the region in use; `aws s3 ls` lists your buckets"]
        );
        let e = cli(not_found("access point 'a' does not exist").code("NoSuchAccessPoint"));
        assert_eq!(
            e.hints,
            ["run `lakegate accesspoint list` to see the account's access points"]
        );
        let e = cli(input_error("invalid 'x': expected an ARN").param("analyzerArn"));
        assert_eq!(e.kind, Kind::Input);
        assert_eq!(e.message, "--analyzer-arn: invalid 'x': expected an ARN");
        let e = cli(Error::new(ErrorKind::Interrupted, "interrupted"));
        assert_eq!(e.kind, Kind::Interrupted);
        let e = cli(failed("athena:StopQueryExecution failed: x")
            .op("athena:StopQueryExecution")
            .resource("q-1"));
        assert_eq!(e.hints, ["the query was q-1"]);
    }

    #[test]
    fn lease_failures_name_the_lease_object() {
        let e = cli(Error::new(ErrorKind::Held, "r is being changed by x")
            .resource("s3://b/.lakegate/locks/k"));
        assert_eq!(e.kind, Kind::Failed);
        assert_eq!(
            e.hints,
            ["retry later; a lease left by a crashed run expires by itself, or delete s3://b/.lakegate/locks/k"]
        );
        let e = cli(service_error("s3:PutObject (lease)", "AccessDenied", "")
            .resource("s3://b/.lakegate/locks/k"));
        assert_eq!(e.hints.len(), 2);
        assert!(e.hints[1].to_string().starts_with(
            "lakegate serialises policy writes with a lease object at s3://b/.lakegate/locks/k;"
        ));
        let e = cli(Error::new(ErrorKind::Lost, "lost the lease")
            .resource("s3://b/k")
            .noted("an earlier attempt of this write got no answer and may have been applied"));
        assert_eq!(e.hints.len(), 2);
        assert!(e.hints[0].to_string().contains("(lease object s3://b/k)"));
        assert!(e.hints[1].to_string().starts_with("an earlier attempt"));
    }
}
