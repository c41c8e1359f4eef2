//! Values of S3 Access Grants: location scopes, grantees, the access a grant gives, the IAM
//! Identity Center instance and the location's role. Shapes from the S3 Control API Reference
//! (`CreateAccessGrantsLocation.LocationScope`, `Grantee`, `Permission`,
//! `CreateAccessGrantsInstance.IdentityCenterArn`).

use super::{kept, BucketName};

string_value!(
    /// Where a location applies: `s3://` (every bucket), `s3://BUCKET` or `s3://BUCKET/PREFIX/`.
    LocationScope,
    |s| {
        if s == "s3://" {
            return Ok(s.to_string());
        }
        let err = || format!("invalid location scope '{s}': expected s3://, s3://BUCKET or s3://BUCKET/PREFIX/");
        let rest = s.strip_prefix("s3://").ok_or_else(err)?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        bucket.parse::<BucketName>().map_err(|e| format!("{}: {e}", err()))?;
        if prefix.starts_with('/') || prefix.contains("//") || prefix.split('/').any(|p| p == "..") {
            return Err(format!("invalid location scope '{s}': empty or `..` path segment"));
        }
        Ok(s.to_string())
    }
);

string_value!(
    /// An IAM role's ARN (`arn:aws:iam::111122223333:role/ag-location`).
    IamRoleArn,
    |s| {
        let ok = s.starts_with("arn:")
            && s.split(':').nth(2) == Some("iam")
            && s.split(':').nth(4).is_some_and(|a| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()))
            && s.split(':').nth(5).is_some_and(|r| r.starts_with("role/") && r.len() > 5);
        kept(s, ok, || format!("invalid role ARN '{s}': expected arn:aws:iam::ACCOUNT:role/NAME"))
    }
);

string_value!(
    /// An IAM user's or role's ARN, as an access grant's IAM grantee names it.
    GranteeArn,
    |s| {
        let parts: Vec<&str> = s.splitn(6, ':').collect();
        let ok = parts.len() == 6
            && parts[0] == "arn"
            && parts[2] == "iam"
            && parts[4].len() == 12
            && parts[4].bytes().all(|b| b.is_ascii_digit())
            && (parts[5].starts_with("role/") || parts[5].starts_with("user/"))
            && !parts[5].ends_with('/');
        kept(s, ok, || {
            format!("invalid grantee '{s}': expected an IAM role or user ARN (arn:aws:iam::ACCOUNT:role/NAME); directory users and groups go with --directory-user / --directory-group")
        })
    }
);

string_value!(
    /// An IAM Identity Center instance ARN (`arn:aws:sso:::instance/ssoins-1234567890abcdef`).
    IdentityCenterArn,
    |s| {
        let id = s
            .strip_prefix("arn:")
            .and_then(|r| r.split_once(":sso:::instance/"))
            .map(|(_, id)| id);
        let ok = id.is_some_and(|id| {
            let id = id.strip_prefix("ssoins-").or_else(|| id.strip_prefix("ins-")).unwrap_or("");
            (10..=16).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        });
        kept(s, ok, || {
            format!("invalid IAM Identity Center instance ARN '{s}': expected arn:aws:sso:::instance/ssoins-ID")
        })
    }
);

string_value!(
    /// An IAM Identity Center user or group id, as the identity store names it
    /// (`90677d4aa8-0e1f3c7b-…` or a plain UUID).
    DirectoryId,
    |s| {
        let uuid = |u: &str| {
            let parts: Vec<&str> = u.split('-').collect();
            parts.len() == 5
                && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let ok = uuid(s)
            || s.split_once('-').is_some_and(|(store, rest)| {
                store.len() == 10 && store.bytes().all(|b| b.is_ascii_hexdigit()) && uuid(rest)
            });
        kept(s, ok, || {
            format!("invalid directory user or group id '{s}': expected the identity store's id (a UUID, optionally after a 10-digit store prefix)")
        })
    }
);

/// The access a grant gives: `read`, `write` or `read-write` (READ, WRITE, READWRITE). Access
/// Grants has no delete of its own: WRITE includes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GrantAccess {
    Read,
    Write,
    ReadWrite,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_roles_and_ids_are_checked() {
        for ok in [
            "s3://",
            "s3://vendor-lake",
            "s3://vendor-lake/",
            "s3://vendor-lake/vendorA/",
        ] {
            ok.parse::<LocationScope>().unwrap();
        }
        for bad in [
            "vendor-lake",
            "s3://Bad_Bucket/",
            "s3://lake//x",
            "s3://lake/../x",
            "s3:/lake",
        ] {
            let e = bad.parse::<LocationScope>().unwrap_err();
            assert!(e.starts_with("invalid location scope"), "{e}");
        }
        "arn:aws:iam::111122223333:role/ag-location"
            .parse::<IamRoleArn>()
            .unwrap();
        "arn:aws:iam::111122223333:role/path/ag"
            .parse::<IamRoleArn>()
            .unwrap();
        for bad in [
            "ag-location",
            "arn:aws:iam::111122223333:user/u",
            "arn:aws:iam::1111:role/r",
        ] {
            assert!(bad.parse::<IamRoleArn>().is_err(), "{bad}");
        }
        "arn:aws:sso:::instance/ssoins-1234567890abcdef"
            .parse::<IdentityCenterArn>()
            .unwrap();
        assert!("arn:aws:sso:::instance/x"
            .parse::<IdentityCenterArn>()
            .is_err());
        "83a4f8e2-0001-7000-a000-000000000001"
            .parse::<DirectoryId>()
            .unwrap();
        "90677d4aa8-83a4f8e2-0001-7000-a000-000000000001"
            .parse::<DirectoryId>()
            .unwrap();
        for bad in ["alice", "arn:aws:iam::111122223333:role/r", "83a4f8e2-0001"] {
            assert!(bad.parse::<DirectoryId>().is_err(), "{bad}");
        }
    }
}
