//! Argument values as types. Each parses and validates once, as the clap value parser of the
//! flags that take it, so a verb holds a value it can trust and a bad one is refused (exit 2)
//! before anything is read or written. The messages name what is wrong; clap names the flag.

use crate::policy::arn;
use std::fmt;
use std::str::FromStr;

/// A string newtype: `Deref<Target = str>`, `Display`, `AsRef<str>` and `FromStr` through
/// `$check` (a `fn(&str) -> Result<String, String>` that returns the value to keep).
macro_rules! string_value {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let check: fn(&str) -> Result<String, String> = $check;
                // Show control characters escaped: clap prints the message as it is.
                check(s)
                    .map($name)
                    .map_err(|m| m.replace(s, &crate::error::escape_controls(s)))
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                self == &other.0
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }
    };
}

string_value!(
    /// An S3 bucket name, by the bucket naming rules.
    BucketName,
    |s| arn::validate_bucket_name(s)
        .map(|()| s.to_string())
        .map_err(|e| e.to_string())
);

string_value!(
    /// An S3 access point name, by the access point naming rules.
    AccessPointName,
    |s| arn::validate_access_point_name(s)
        .map(|()| s.to_string())
        .map_err(|e| e.to_string())
);

string_value!(
    /// A twelve-digit AWS account id.
    AccountId,
    |s| arn::validate_account_id(s)
        .map(|()| s.to_string())
        .map_err(|e| e.to_string())
);

string_value!(
    /// A principal to grant to (or revoke from), as typed: an IAM ARN (role, user, assumed-role
    /// session, root) or an account id; [`PrincipalArn::resolve`] gives the ARN policies name.
    ///
    /// A service name (`s3.amazonaws.com`) is refused: lakegate writes its grants as
    /// `{"AWS": ARN}`, which AWS rejects for a service name, and a grant to a service acting for
    /// the account would need `aws:SourceArn`/`aws:SourceAccount` conditions (the confused deputy
    /// problem) that a prefix grant cannot know. Such a statement is written by hand
    /// (`bucket policy`), where those conditions are stated.
    PrincipalArn,
    |s| {
        if is_service_name(s) {
            return Err(format!(
                "invalid principal '{s}': a service principal cannot be granted access to a prefix; name an IAM role, user or account (a service acting for the account needs a statement with {{\"Service\": \"{s}\"}} and aws:SourceArn/aws:SourceAccount conditions, written by hand)"
            ));
        }
        // The partition only matters for a bare account id; `resolve` applies the real one.
        arn::normalize_principal(s, partition_of(s))
            .map(|_| s.to_string())
            .map_err(|e| e.to_string())
    }
);

string_value!(
    /// A principal whose access is evaluated: an IAM ARN, an account id, or a service name
    /// (`athena.amazonaws.com`, a caller through `aws:CalledVia`).
    CallerPrincipal,
    |s| {
        if is_service_name(s) {
            return Ok(s.to_string());
        }
        arn::normalize_principal(s, partition_of(s))
            .map(|_| s.to_string())
            .map_err(|e| e.to_string())
    }
);

/// A service principal's name (`s3.amazonaws.com`, `athena.amazonaws.com.cn`).
fn is_service_name(s: &str) -> bool {
    s.ends_with(".amazonaws.com") || s.ends_with(".amazonaws.com.cn")
}

impl CallerPrincipal {
    /// The principal's ARN in `partition` (an account id becomes its root; a service name stays).
    pub fn resolve(&self, partition: &str) -> String {
        if is_service_name(&self.0) {
            return self.0.clone();
        }
        arn::normalize_principal(&self.0, partition).unwrap_or_else(|_| self.0.clone())
    }

    /// The ARN in the partition its own ARN names (`aws` for a bare account id).
    pub fn canonical(&self) -> String {
        self.resolve(partition_of(&self.0))
    }
}

impl PrincipalArn {
    /// The principal's ARN in `partition` (an account id becomes its root).
    pub fn resolve(&self, partition: &str) -> String {
        arn::normalize_principal(&self.0, partition).unwrap_or_else(|_| self.0.clone())
    }

    /// The ARN in the partition its own ARN names (`aws` for a bare account id).
    pub fn canonical(&self) -> String {
        self.resolve(partition_of(&self.0))
    }
}

fn partition_of(p: &str) -> &str {
    match p.split(':').nth(1) {
        Some(part) if p.starts_with("arn:") && !part.is_empty() => part,
        _ => "aws",
    }
}

string_value!(
    /// A key prefix (`sales/2024/`): no leading `/`, no wildcards. Whether `.`/`..` segments are
    /// allowed depends on `--literal-prefix`, so [`Prefix::normalized`] finishes the check.
    Prefix,
    |s| arn::normalize_prefix_with(s, true)
        .map(|_| s.to_string())
        .map_err(|e| e.to_string())
);

impl Prefix {
    /// The canonical prefix (ending in `/`), refusing dot segments unless `literal`.
    pub fn normalized(&self, literal: bool) -> Result<String, String> {
        arn::normalize_prefix_with(&self.0, literal).map_err(|e| e.to_string())
    }
}

/// `s` when `ok`, else the message `why` gives.
fn kept(s: &str, ok: bool, why: impl FnOnce() -> String) -> Result<String, String> {
    if ok {
        Ok(s.to_string())
    } else {
        Err(why())
    }
}

/// `PREFIX-` followed by hex digits: the shape of EC2 resource ids.
fn ec2_id(prefix: &'static str, what: &'static str, s: &str) -> Result<String, String> {
    let ok = s
        .strip_prefix(prefix)
        .and_then(|r| r.strip_prefix('-'))
        .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()));
    kept(s, ok, || {
        format!("invalid {what} id '{s}': expected {prefix}- followed by hex digits")
    })
}

string_value!(
    /// A VPC id (`vpc-0abc…`).
    VpcId,
    |s| ec2_id("vpc", "VPC", s)
);
string_value!(
    /// A VPC endpoint id (`vpce-0abc…`).
    VpcEndpointId,
    |s| ec2_id("vpce", "VPC endpoint", s)
);
string_value!(
    /// A subnet id (`subnet-0abc…`).
    SubnetId,
    |s| ec2_id("subnet", "subnet", s)
);
string_value!(
    /// A security group id (`sg-0abc…`).
    SecurityGroupId,
    |s| ec2_id("sg", "security group", s)
);
string_value!(
    /// A route table id (`rtb-0abc…`).
    RouteTableId,
    |s| ec2_id("rtb", "route table", s)
);

string_value!(
    /// An IAM user name: 1–64 letters, digits and `+=,.@_-`.
    IamUserName,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b));
        kept(s, ok, || {
            format!(
                "invalid IAM user name '{s}': 1-64 letters, digits and +=,.@_-"
            )
        })
    }
);

string_value!(
    /// An Amazon DataZone domain id (`dzd_…`).
    DomainId,
    |s| {
        let ok = (s.starts_with("dzd_") || s.starts_with("dzd-"))
            && s.len() > 4
            && s.len() <= 40
            && s[4..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        kept(s, ok, || {
            format!(
                "invalid domain id '{s}': expected dzd_ followed by letters, digits, '_' or '-'"
            )
        })
    }
);

string_value!(
    /// Any other Amazon DataZone id (project, environment, subscription, request, target):
    /// 1–36 letters, digits, `_` or `-`.
    DataZoneId,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 36
            && s
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        kept(s, ok, || {
            format!(
                "invalid id '{s}': expected 1–36 letters, digits, '_' or '-'"
            )
        })
    }
);

string_value!(
    /// An Athena query execution id (a UUID, or what could be one).
    QueryExecutionId,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 128
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        kept(s, ok, || {
            format!(
                "invalid execution id '{s}': expected letters, digits and hyphens (a UUID)"
            )
        })
    }
);

/// Plain strings of a list of values, for the layers below the command line.
pub fn strings<T: AsRef<str>>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.as_ref().to_string()).collect()
}

/// An IPv4 or IPv6 CIDR block (`10.0.0.0/16`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cidr(pub ipnet::IpNet);

impl FromStr for Cidr {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.parse::<ipnet::IpNet>().map(Cidr).map_err(|_| {
            format!("invalid CIDR block '{s}': expected ADDRESS/LENGTH, e.g. 10.0.0.0/16")
        })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An `s3://BUCKET[/KEY-OR-PREFIX]` URL.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct S3Url {
    pub bucket: BucketName,
    /// What follows `BUCKET/` (may be empty).
    pub key: String,
}

impl FromStr for S3Url {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let rest = s
            .strip_prefix("s3://")
            .ok_or_else(|| format!("invalid S3 URL '{s}': expected s3://BUCKET/PREFIX/"))?;
        let (bucket, key) = rest.split_once('/').unwrap_or((rest, ""));
        let bucket = bucket
            .parse::<BucketName>()
            .map_err(|e| format!("invalid S3 URL '{s}': {e}"))?;
        if key.starts_with('/') || key.contains("//") {
            return Err(format!(
                "invalid S3 URL '{s}': the prefix must not contain empty path segments"
            ));
        }
        Ok(S3Url {
            bucket,
            key: key.to_string(),
        })
    }
}

impl S3Url {
    /// The key part as a prefix: empty, or ending in `/`.
    pub fn prefix(&self) -> String {
        if self.key.is_empty() || self.key.ends_with('/') {
            self.key.clone()
        } else {
            format!("{}/", self.key)
        }
    }
}

impl fmt::Display for S3Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s3://{}/{}", self.bucket, self.key)
    }
}

mod access_grants;
mod access_point;
mod athena;
mod block_public_access;
pub mod input;
mod names;
mod query;
mod region;
pub use access_grants::{
    DirectoryId, GrantAccess, GranteeArn, IamRoleArn, IdentityCenterArn, LocationScope,
};
pub use access_point::{is_access_point_alias, AccessPointArn, AccessPointRef, BucketRef};
pub use athena::{civil_from_days, Date, OutputLocation, ScheduleExpression, TableName};
pub use block_public_access::BlockPublicAccess;
pub use names::{
    Action, AnalyzerArn, Attempt, FunctionName, IamRoleName, NonEmpty, PrincipalFilter, QueueName,
    RegionName, RunId, S3ActionName,
};
pub use query::Query;
pub use region::{check_region, closest_region, is_region_shaped, REGIONS};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_once() {
        assert!("my-bucket".parse::<BucketName>().is_ok());
        let e = "Bad_Bucket".parse::<BucketName>().unwrap_err();
        assert!(e.contains("Bad_Bucket"), "{e}");
        assert!("ap-1".parse::<AccessPointName>().is_ok());
        assert!("123456789012".parse::<AccountId>().is_ok());
        assert!("12345".parse::<AccountId>().is_err());
    }

    #[test]
    fn principals_resolve_in_the_partition() {
        let p: PrincipalArn = "123456789012".parse().unwrap();
        assert_eq!(p.resolve("aws-cn"), "arn:aws-cn:iam::123456789012:root");
        assert_eq!(p.canonical(), "arn:aws:iam::123456789012:root");
        let r: PrincipalArn = "arn:aws:iam::123456789012:role/R".parse().unwrap();
        assert_eq!(r.canonical(), "arn:aws:iam::123456789012:role/R");
        assert!("*".parse::<PrincipalArn>().is_err());
        assert!("not-an-arn".parse::<PrincipalArn>().is_err());
        let s: CallerPrincipal = "athena.amazonaws.com".parse().unwrap();
        assert_eq!(s.canonical(), "athena.amazonaws.com");
        // Granted, a service name would be written as {"AWS": "s3.amazonaws.com"}: refused.
        let e = "s3.amazonaws.com".parse::<PrincipalArn>().unwrap_err();
        assert!(e.contains("service principal cannot be granted"), "{e}");
    }

    #[test]
    fn ids_have_their_prefix() {
        assert!("vpc-0abc".parse::<VpcId>().is_ok());
        assert!("vpce-0abc".parse::<VpcId>().is_err());
        assert!("vpce-0abc".parse::<VpcEndpointId>().is_ok());
        assert!("rtb-12".parse::<RouteTableId>().is_ok());
        assert!("sg-zz".parse::<SecurityGroupId>().is_err());
        assert!("dzd_abc".parse::<DomainId>().is_ok());
        assert!("abc".parse::<DomainId>().is_err());
        assert!("prj_1".parse::<DataZoneId>().is_ok());
        assert!("a b".parse::<DataZoneId>().is_err());
        assert!("analyst@corp".parse::<IamUserName>().is_ok());
        assert!("a b".parse::<IamUserName>().is_err());
        assert!("a1b2c3d4-5678-90ab-cdef-1234567890ab"
            .parse::<QueryExecutionId>()
            .is_ok());
        assert!("x/y".parse::<QueryExecutionId>().is_err());
    }

    #[test]
    fn prefixes_cidrs_and_urls() {
        let p: Prefix = "a/./b/".parse().unwrap();
        assert!(p.normalized(false).is_err());
        assert!(p.normalized(true).is_ok());
        assert!("/abs".parse::<Prefix>().is_err());
        assert!("10.0.0.0/16".parse::<Cidr>().is_ok());
        assert!("10.0.0.0".parse::<Cidr>().is_err());
        let u: S3Url = "s3://reports/audit/".parse().unwrap();
        assert_eq!((u.bucket.as_str(), u.key.as_str()), ("reports", "audit/"));
        assert!("https://x".parse::<S3Url>().is_err());
        assert!("s3://Bad_Bucket/x".parse::<S3Url>().is_err());
        assert!("s3://b-1//x".parse::<S3Url>().is_err());
        let u: S3Url = "s3://reports/audit".parse().unwrap();
        assert_eq!(u.prefix(), "audit/");
    }
}
