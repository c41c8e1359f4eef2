//! Access points as people name them: by name, by ARN
//! (`arn:aws:s3:us-east-1:111122223333:accesspoint/ec2-consumer`, as the seed passes it where a
//! bucket is expected) or by alias (`ec2-consumer-abcd…-s3alias`, which S3 accepts wherever a
//! bucket name goes); and a bucket named by itself or by one of its access points.

use super::{AccessPointName, BucketName};
use std::fmt;
use std::str::FromStr;

/// An access point's ARN, taken apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AccessPointArn {
    pub partition: String,
    pub region: String,
    pub account: String,
    pub name: AccessPointName,
}

impl FromStr for AccessPointArn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "invalid access point ARN '{}': expected arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME",
                crate::error::escape_controls(s)
            )
        };
        let parts: Vec<&str> = s.splitn(6, ':').collect();
        let ["arn", partition, "s3", region, account, resource] = parts[..] else {
            return Err(bad());
        };
        let name = resource.strip_prefix("accesspoint/").ok_or_else(bad)?;
        if partition.is_empty() || region.is_empty() {
            return Err(bad());
        }
        let account = account
            .parse::<super::AccountId>()
            .map_err(|e| format!("{}: {e}", bad()))?;
        let name = name
            .parse::<AccessPointName>()
            .map_err(|e| format!("{}: {e}", bad()))?;
        Ok(AccessPointArn {
            partition: partition.to_string(),
            region: region.to_string(),
            account: account.into_string(),
            name,
        })
    }
}

impl fmt::Display for AccessPointArn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{}:s3:{}:{}:accesspoint/{}",
            self.partition, self.region, self.account, self.name
        )
    }
}

/// Whether `s` is shaped like an access point alias: a bucket-name-like string ending in
/// `-s3alias` (a suffix S3 reserves: no bucket's name ends in it).
pub fn is_access_point_alias(s: &str) -> bool {
    s.len() > "-s3alias".len()
        && s.len() <= 63
        && s.ends_with("-s3alias")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An access point as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AccessPointRef {
    Name(AccessPointName),
    Arn(AccessPointArn),
    Alias(String),
}

impl FromStr for AccessPointRef {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.starts_with("arn:") {
            return s.parse().map(AccessPointRef::Arn);
        }
        if is_access_point_alias(s) {
            return Ok(AccessPointRef::Alias(s.to_string()));
        }
        s.parse().map(AccessPointRef::Name)
    }
}

impl fmt::Display for AccessPointRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccessPointRef::Name(n) => n.fmt(f),
            AccessPointRef::Arn(a) => a.fmt(f),
            AccessPointRef::Alias(a) => f.write_str(a),
        }
    }
}

impl AccessPointRef {
    /// The name, when the value says it (a name or an ARN; an alias must be looked up).
    pub fn name(&self) -> Option<&AccessPointName> {
        match self {
            AccessPointRef::Name(n) => Some(n),
            AccessPointRef::Arn(a) => Some(&a.name),
            AccessPointRef::Alias(_) => None,
        }
    }

    /// The account, when the value says it (an ARN).
    pub fn account(&self) -> Option<&str> {
        match self {
            AccessPointRef::Arn(a) => Some(&a.account),
            _ => None,
        }
    }
}

/// A bucket named by itself, or by an access point of it (ARN or alias), which stands for the
/// bucket it serves (resolved through S3 Control).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BucketRef {
    Bucket(BucketName),
    AccessPoint(AccessPointRef),
}

impl FromStr for BucketRef {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.starts_with("arn:") {
            if let Some(bucket) = bucket_of_arn(s) {
                return bucket.parse().map(BucketRef::Bucket);
            }
            return s
                .parse::<AccessPointArn>()
                .map(|a| BucketRef::AccessPoint(AccessPointRef::Arn(a)))
                .map_err(|e| format!("{e} (or a bucket name, or arn:aws:s3:::BUCKET)"));
        }
        if is_access_point_alias(s) {
            return Ok(BucketRef::AccessPoint(AccessPointRef::Alias(s.to_string())));
        }
        s.parse().map(BucketRef::Bucket)
    }
}

/// The bucket of a bucket ARN (`arn:aws:s3:::BUCKET`), if `s` is one.
fn bucket_of_arn(s: &str) -> Option<&str> {
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    match parts[..] {
        ["arn", _, "s3", "", "", bucket] if !bucket.contains('/') => Some(bucket),
        _ => None,
    }
}

impl fmt::Display for BucketRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BucketRef::Bucket(b) => b.fmt(f),
            BucketRef::AccessPoint(a) => a.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_points_by_name_arn_or_alias() {
        let a: AccessPointRef = "arn:aws:s3:us-east-1:111122223333:accesspoint/ec2-consumer"
            .parse()
            .unwrap();
        assert_eq!(a.name().map(|n| n.as_str()), Some("ec2-consumer"));
        assert_eq!(a.account(), Some("111122223333"));
        assert_eq!(
            a.to_string(),
            "arn:aws:s3:us-east-1:111122223333:accesspoint/ec2-consumer"
        );
        let alias = "ec2-consumer-abcdefghijklmnopqrstuvwxyz0123-s3alias";
        assert_eq!(
            alias.parse::<AccessPointRef>().unwrap(),
            AccessPointRef::Alias(alias.into())
        );
        assert!(matches!(
            "ec2-consumer".parse::<AccessPointRef>().unwrap(),
            AccessPointRef::Name(_)
        ));
        for bad in [
            "arn:aws:s3:us-east-1:111122223333:bucket/x",
            "arn:aws:s3:us-east-1:1111:accesspoint/x",
            "arn:aws:s3:us-east-1:111122223333:accesspoint/Bad_Name",
            "Bad_Name",
        ] {
            assert!(bad.parse::<AccessPointRef>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_bucket_by_name_bucket_arn_or_access_point() {
        assert_eq!(
            "store-events".parse::<BucketRef>().unwrap(),
            BucketRef::Bucket("store-events".parse().unwrap())
        );
        assert_eq!(
            "arn:aws:s3:::store-events".parse::<BucketRef>().unwrap(),
            BucketRef::Bucket("store-events".parse().unwrap())
        );
        assert!(matches!(
            "arn:aws:s3:us-east-1:111122223333:accesspoint/ec2-consumer"
                .parse::<BucketRef>()
                .unwrap(),
            BucketRef::AccessPoint(AccessPointRef::Arn(_))
        ));
        assert!(matches!(
            "ec2-consumer-abcdefghijklmnopqrstuvwxyz0123-s3alias"
                .parse::<BucketRef>()
                .unwrap(),
            BucketRef::AccessPoint(AccessPointRef::Alias(_))
        ));
        let e = "arn:aws:iam::111122223333:role/x"
            .parse::<BucketRef>()
            .unwrap_err();
        assert!(
            e.contains("expected arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME"),
            "{e}"
        );
        assert!("Bad_Bucket".parse::<BucketRef>().is_err());
    }
}
