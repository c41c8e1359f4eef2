//! One error type for the whole program, and the one place that turns it into an exit code.

use std::fmt;

/// Exit codes are part of lakegate's interface: scripts branch on them.
pub mod exit {
    pub const OK: i32 = 0;
    /// The operation failed: AWS said no, a resource is missing, a verification did not hold.
    pub const FAILED: i32 = 1;
    /// Bad usage or bad input; nothing was changed.
    pub const USAGE: i32 = 2;
    /// A check answered "denied" (used by `access check` and `endpoint status`).
    pub const DENIED: i32 = 3;
    /// The lake differs from the lake file (`diff -f`, `apply -f --dry-run`): not a failure.
    pub const DIFFERS: i32 = 4;
    /// A plan breaks a guardrail of the lake file (`diff -f`, `apply -f`): nothing was changed.
    pub const GUARDRAIL: i32 = 5;
    /// Interrupted by SIGINT (Ctrl-C); SIGTERM gives 143 and SIGHUP 129 (128 + the signal).
    pub const INTERRUPTED: i32 = 130;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad usage or bad input (a named argument, file or field). Exit 2.
    Input,
    /// The operation failed (AWS answered with an error). Exit 1.
    Failed,
    /// The resource the operation needs does not exist (a bucket, an access point). Exit 1;
    /// callers that list first can tell "deleted since listed" from a failure.
    NotFound,
    /// Interrupted by the user. Exit 130.
    Interrupted,
    /// A check answered "denied" (the answer was printed). Exit 3; an empty message prints nothing.
    Denied,
    /// Standard output was closed by its reader (`lakegate accesspoint list | head`): normal
    /// use, reported as a success and printing nothing.
    BrokenPipe,
}

/// What a failure was, beyond its exit code: what callers branch on, so that no caller reads
/// the message to find out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// AWS refused a policy document (`MalformedPolicy`): often a principal that no longer
    /// exists.
    MalformedPolicy,
    /// Another holder kept the lease of the resource while lakegate waited.
    LeaseHeld,
    /// A lease lakegate held was taken over, deleted or expired: it stopped without writing.
    LeaseLost,
}

/// What the user may do about an error. Most hints are text; the ones about a setting the CLI
/// takes from a flag are kinds, so the CLI can name its flag and the value in use (the AWS layer
/// below it knows neither).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    Text(String),
    /// The endpoint's host does not resolve: the region, the network, DNS or a proxy.
    Unresolved,
    /// The endpoint could not be reached.
    CheckEndpoint,
    /// The bucket does not exist where it was looked for; `listing` adds how to list buckets.
    CheckBucket {
        listing: bool,
    },
}

/// How a setting hint names the settings: as the AWS layer does ("in use"), or with the CLI's
/// flags and the region in use.
#[derive(Debug, Clone, Copy)]
pub enum SettingNames<'a> {
    InUse,
    /// `region` is the region in use, `known` whether AWS has a region of that name.
    Flags {
        region: Option<&'a str>,
        known: bool,
    },
}

impl Hint {
    /// The hint as printed, its settings named by `names`.
    pub fn render(&self, names: SettingNames) -> String {
        use SettingNames::*;
        match (self, names) {
            (Hint::Text(t), _) => t.clone(),
            (Hint::Unresolved, InUse) => "the host does not resolve: an unknown region (check the region in use), no network or DNS, or a proxy that must be set (HTTPS_PROXY)".into(),
            (Hint::Unresolved, Flags { region, known }) => match region {
                // A region AWS has is not what fails to resolve.
                Some(_) if known => "the host does not resolve: no network or DNS, or a proxy that must be set (HTTPS_PROXY)".into(),
                Some(r) => format!("the host does not resolve: an unknown region ({r}? check --region / AWS_REGION), no network or DNS, or a proxy that must be set (HTTPS_PROXY)"),
                None => "the host does not resolve: an unknown region (check --region / AWS_REGION), no network or DNS, or a proxy that must be set (HTTPS_PROXY)".into(),
            },
            (Hint::CheckEndpoint, InUse) => "check the endpoint URL in use and the network".into(),
            (Hint::CheckEndpoint, Flags { .. }) => "check --endpoint-url / AWS_ENDPOINT_URL and the network".into(),
            (Hint::CheckBucket { listing }, names) => {
                let region = match names {
                    InUse => "the region in use",
                    Flags { .. } => "--region",
                };
                let list = if *listing { "; `aws s3 ls` lists your buckets" } else { "" };
                format!("check the bucket name and {region}{list}")
            }
        }
    }
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(SettingNames::InUse))
    }
}

impl From<String> for Hint {
    fn from(t: String) -> Self {
        Hint::Text(t)
    }
}

impl From<&str> for Hint {
    fn from(t: &str) -> Self {
        Hint::Text(t.to_string())
    }
}

impl PartialEq<&str> for Hint {
    fn eq(&self, other: &&str) -> bool {
        self.render(SettingNames::InUse) == *other
    }
}

#[derive(Debug)]
pub struct CliError {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<Hint>,
    pub causes: Vec<String>,
    /// What an AWS failure says about the request that failed (set by `aws::classify`).
    pub delivery: Delivery,
    /// What the failure was, for callers that branch on it (never on the message).
    pub cause: Option<Cause>,
    /// An exit code other than the kind's (128 + N after signal N).
    pub code: Option<i32>,
}

/// What a failure says about the request that failed: whether it reached AWS and was refused, or
/// may have been applied. Set from the AWS layer's errors; the pipeline reads it to decide
/// whether a write needs to be read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delivery {
    /// The service answered with an error that a retry would get again (or not an AWS error).
    #[default]
    Final,
    /// The service answered with a transient error (5xx, throttling): not applied, retry may help.
    Refused,
    /// No answer came (timeout, connection lost after sending): the request may have been applied.
    Unanswered,
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;

impl CliError {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        CliError {
            kind,
            message: message.into(),
            hints: Vec::new(),
            causes: Vec::new(),
            delivery: Delivery::Final,
            cause: None,
            code: None,
        }
    }

    #[must_use]
    pub fn hinted(mut self, hint: impl Into<Hint>) -> Self {
        self.hints.push(hint.into());
        self
    }

    #[must_use]
    pub fn delivered(mut self, d: Delivery) -> Self {
        self.delivery = d;
        self
    }

    /// True when retrying the failed request may succeed.
    pub fn is_transient(&self) -> bool {
        self.delivery != Delivery::Final
    }

    #[must_use]
    pub fn caused_by(mut self, cause: impl fmt::Display) -> Self {
        self.causes.push(cause.to_string());
        self
    }

    #[must_use]
    pub fn with_exit_code(mut self, code: i32) -> Self {
        self.code = Some(code);
        self
    }

    pub fn exit_code(&self) -> i32 {
        if let Some(c) = self.code {
            return c;
        }
        match self.kind {
            Kind::Input => exit::USAGE,
            Kind::Failed | Kind::NotFound => exit::FAILED,
            Kind::Interrupted => exit::INTERRUPTED,
            Kind::Denied => exit::DENIED,
            Kind::BrokenPipe => exit::OK,
        }
    }
}

/// Bad input: exit 2, nothing changed.
pub fn input_error(message: impl Into<String>) -> CliError {
    CliError::new(Kind::Input, message)
}

/// A check answered "denied" and has printed its answer: exit 3, no error message.
pub fn denied() -> CliError {
    CliError::new(Kind::Denied, "")
}

/// A diff found differences and has printed them: exit 4, no error message (1 stays "the
/// operation failed", so a script tells a lake that differs from a diff that could not run).
pub fn differs() -> CliError {
    CliError::new(Kind::Denied, "").with_exit_code(exit::DIFFERS)
}

/// A plan breaks a guardrail (the counterexample is in the message and the printed plan):
/// exit 5, nothing changed.
pub fn guardrail_broken(message: impl Into<String>) -> CliError {
    CliError::new(Kind::Denied, message).with_exit_code(exit::GUARDRAIL)
}

/// The resource does not exist: exit 1.
pub fn not_found(message: impl Into<String>) -> CliError {
    CliError::new(Kind::NotFound, message)
}

/// The operation failed: exit 1.
pub fn failed(message: impl Into<String>) -> CliError {
    CliError::new(Kind::Failed, message)
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError::new(Kind::BrokenPipe, "broken pipe");
        }
        failed(format!("I/O error: {e}"))
    }
}

impl From<crate::policy::PolicyError> for CliError {
    fn from(e: crate::policy::PolicyError) -> Self {
        input_error(e.to_string())
    }
}

/// Control characters (escape sequences, newlines, NUL...) from user input written as `\u{1b}`,
/// so an argument or event field can neither restyle the terminal nor forge extra lines.
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("a\x1b[31mb\nc"), "a\\u{1b}[31mb\\nc");
        assert_eq!(escape_controls("plain – text"), "plain – text");
    }
}
