//! Names and ARNs: validation with errors that name the bad argument, and builders.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameError(pub String);

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NameError {}

fn err(msg: String) -> NameError {
    NameError(msg)
}

/// The ARN partition of a region (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`).
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else if region.starts_with("us-isob-") {
        "aws-iso-b"
    } else if region.starts_with("us-iso-") {
        "aws-iso"
    } else {
        "aws"
    }
}

pub fn bucket_arn(partition: &str, bucket: &str) -> String {
    format!("arn:{partition}:s3:::{bucket}")
}

pub fn access_point_arn(partition: &str, region: &str, account: &str, name: &str) -> String {
    format!("arn:{partition}:s3:{region}:{account}:accesspoint/{name}")
}

/// A 12-digit AWS account id.
/// A resource id (an ARN or an AWS id) as one safe path segment or object-key part: every
/// character other than ASCII letters, digits, `.`, `-` and `_` becomes `_` (the history
/// folder of a resource, its lease object).
pub fn path_safe(resource: &str) -> String {
    resource
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub fn validate_account_id(id: &str) -> Result<(), NameError> {
    if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(err(format!(
            "invalid account id '{id}': expected 12 digits"
        )))
    }
}

/// `arn:PARTITION:access-analyzer:REGION:ACCOUNT:analyzer/NAME`: an IAM Access Analyzer.
pub fn is_analyzer_arn(arn: &str) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    match parts[..] {
        [prefix, partition, service, region, account, resource] => {
            let name = resource.strip_prefix("analyzer/").unwrap_or_default();
            prefix == "arn"
                && !partition.is_empty()
                && partition
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
                && service == "access-analyzer"
                && !region.is_empty()
                && region
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && account.len() == 12
                && account.chars().all(|c| c.is_ascii_digit())
                && !name.is_empty()
                && name.chars().count() <= 255
                && !name.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        _ => false,
    }
}

/// S3 bucket naming rules (general purpose buckets).
pub fn validate_bucket_name(name: &str) -> Result<(), NameError> {
    let bad = |why: &str| err(format!("invalid bucket name '{name}': {why}"));
    if !(3..=63).contains(&name.len()) {
        return Err(bad("must be 3 to 63 characters long"));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(bad(
            "only lowercase letters, digits, dots and hyphens are allowed",
        ));
    }
    let first = name.as_bytes()[0];
    let last = name.as_bytes()[name.len() - 1];
    if !(first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric()) {
        return Err(bad("must begin and end with a letter or digit"));
    }
    if name.contains("..") {
        return Err(bad("must not contain two adjacent dots"));
    }
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return Err(bad("must not be formatted as an IP address"));
    }
    if name.starts_with("xn--") || name.starts_with("sthree-") {
        return Err(bad("must not begin with 'xn--' or 'sthree-'"));
    }
    if name.ends_with("-s3alias") || name.ends_with("--ol-s3") {
        return Err(bad("must not end with '-s3alias' or '--ol-s3'"));
    }
    Ok(())
}

/// S3 access point naming rules: 3–50 characters, lowercase letters, digits and hyphens,
/// beginning and ending with a letter or digit.
pub fn validate_access_point_name(name: &str) -> Result<(), NameError> {
    let bad = |why: &str| err(format!("invalid access point name '{name}': {why}"));
    if !(3..=50).contains(&name.len()) {
        return Err(bad("must be 3 to 50 characters long"));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(bad(
            "only lowercase letters, digits and hyphens are allowed",
        ));
    }
    let first = name.as_bytes()[0];
    let last = name.as_bytes()[name.len() - 1];
    if first == b'-' || last == b'-' {
        return Err(bad("must begin and end with a letter or digit"));
    }
    if name.starts_with("xn--") {
        return Err(bad("must not begin with 'xn--'"));
    }
    if name.ends_with("-s3alias") {
        return Err(bad("must not end with '-s3alias'"));
    }
    Ok(())
}

/// A key prefix as lakegate grants it: not empty, no leading '/', no wildcards, no `.` or `..`
/// segments, and ending in '/' (a trailing '/' is added so `sales_event` cannot also match
/// `sales_event_archive/`).
pub fn normalize_prefix(prefix: &str) -> Result<String, NameError> {
    normalize_prefix_with(prefix, false)
}

/// [`normalize_prefix`], taking `.` and `..` segments literally when `literal` (S3 keys are
/// literal, but a reviewer, a shell or an SDK that normalises paths reads `a/../b/` as `b/`: a
/// grant that does not mean what it looks like is refused unless asked for).
pub fn normalize_prefix_with(prefix: &str, literal: bool) -> Result<String, NameError> {
    let bad = |why: &str| err(format!("invalid prefix '{prefix}': {why}"));
    if prefix.is_empty() {
        return Err(bad("must not be empty"));
    }
    if prefix.starts_with('/') {
        return Err(bad(
            "must not begin with '/' (S3 keys have no leading slash)",
        ));
    }
    if prefix.contains('*') || prefix.contains('?') {
        return Err(bad(
            "must not contain '*' or '?' (they are wildcards in policies)",
        ));
    }
    if prefix.contains("${") {
        return Err(bad("must not contain '${' (policy variables)"));
    }
    if prefix.chars().any(char::is_control) {
        return Err(bad("must not contain control characters"));
    }
    if prefix.contains("//") {
        return Err(bad("must not contain '//'"));
    }
    if !literal && prefix.split('/').any(|seg| seg == "." || seg == "..") {
        return Err(bad(
            "has a '.' or '..' segment, which path-normalising tools read as another prefix (pass --literal-prefix to grant it as written)",
        ));
    }
    if prefix.len() > 1000 {
        return Err(bad("is longer than 1000 bytes"));
    }
    if prefix.ends_with('/') {
        Ok(prefix.to_string())
    } else {
        Ok(format!("{prefix}/"))
    }
}

/// An IAM principal for a grant: a role, user or account-root ARN, or a 12-digit account id
/// (normalised to its root ARN as AWS does). Returns the canonical form.
pub fn normalize_principal(p: &str, partition: &str) -> Result<String, NameError> {
    let bad = |why: &str| err(format!("invalid principal '{p}': {why}"));
    if p == "*" {
        return Err(bad(
            "public ('*') grants are refused; name a role, user or account",
        ));
    }
    if validate_account_id(p).is_ok() {
        return Ok(format!("arn:{partition}:iam::{p}:root"));
    }
    let parts: Vec<&str> = p.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" {
        return Err(bad(
            "expected an IAM ARN such as arn:aws:iam::123456789012:role/NAME, or an account id",
        ));
    }
    let (part, service, region, account, resource) =
        (parts[1], parts[2], parts[3], parts[4], parts[5]);
    if !matches!(
        part,
        "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b"
    ) {
        return Err(bad(&format!("unknown partition '{part}'")));
    }
    if !region.is_empty() {
        return Err(bad("IAM ARNs have an empty region field"));
    }
    validate_account_id(account).map_err(|_| bad("the account field must be 12 digits"))?;
    match service {
        "iam" => {
            let ok = resource == "root"
                || ["role/", "user/"]
                    .iter()
                    .any(|k| resource.strip_prefix(k).is_some_and(valid_iam_path_name));
            if !ok {
                return Err(bad("the resource must be root, role/NAME or user/NAME"));
            }
        }
        "sts" => {
            let ok = resource
                .strip_prefix("assumed-role/")
                .is_some_and(|rest| rest.split('/').count() == 2 && !rest.contains("//"));
            if !ok {
                return Err(bad("an STS principal must be assumed-role/ROLE/SESSION"));
            }
        }
        _ => return Err(bad("the service must be iam or sts")),
    }
    Ok(p.to_string())
}

fn valid_iam_path_name(rest: &str) -> bool {
    // [path/]name, name of 1–64 characters from IAM's allowed set.
    let name = rest.rsplit('/').next().unwrap_or("");
    !name.is_empty()
        && name.len() <= 64
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-/".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_point_names() {
        for ok in ["ec2-consumer", "abc", "a1b", &"a".repeat(50)] {
            validate_access_point_name(ok).unwrap();
        }
        for bad in [
            "ab",
            "Ec2",
            "-abc",
            "abc-",
            "a_b",
            "a.b",
            &"a".repeat(51),
            "xn--ab",
        ] {
            assert!(validate_access_point_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bucket_names() {
        validate_bucket_name("store-events").unwrap();
        validate_bucket_name("my.bucket.1").unwrap();
        for bad in ["ab", "Store", "a..b", "-ab", "192.168.1.1", "a_b"] {
            assert!(validate_bucket_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(normalize_prefix("sales_event").unwrap(), "sales_event/");
        assert_eq!(normalize_prefix("a/b/").unwrap(), "a/b/");
        for bad in [
            "",
            "/x",
            "a*",
            "a?",
            "a//b",
            "${aws:username}/",
            "a/../b",
            "../x",
            "a/./b/",
            "..",
        ] {
            assert!(normalize_prefix(bad).is_err(), "{bad}");
        }
        // Literal on request; dots inside a segment were always fine.
        assert_eq!(normalize_prefix_with("a/../b", true).unwrap(), "a/../b/");
        assert_eq!(
            normalize_prefix("v1..2/.hidden/").unwrap(),
            "v1..2/.hidden/"
        );
    }

    #[test]
    fn principals() {
        assert_eq!(
            normalize_principal("123456789012", "aws").unwrap(),
            "arn:aws:iam::123456789012:root"
        );
        normalize_principal("arn:aws:iam::123456789012:role/Ec2ConsumerRole", "aws").unwrap();
        normalize_principal("arn:aws:iam::123456789012:role/path/to/R", "aws").unwrap();
        normalize_principal("arn:aws:iam::123456789012:user/alice", "aws").unwrap();
        normalize_principal("arn:aws:sts::123456789012:assumed-role/R/s", "aws").unwrap();
        for bad in [
            "*",
            "role/x",
            "arn:aws:iam::12345:role/x",
            "arn:aws:s3:::bucket",
            "arn:aws:iam::123456789012:group/g",
            "arn:aws:iam::123456789012:role/",
            "arn:foo:iam::123456789012:role/x",
        ] {
            assert!(normalize_principal(bad, "aws").is_err(), "{bad}");
        }
    }

    #[test]
    fn partitions() {
        assert_eq!(partition("us-east-1"), "aws");
        assert_eq!(partition("cn-north-1"), "aws-cn");
        assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
    }
}
