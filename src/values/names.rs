//! Names and identifiers of AWS things other than buckets and access points: IAM role names,
//! region names, Lambda/EventBridge names lakegate derives others from, IAM actions, analyzers.

use super::kept;

string_value!(
    /// An IAM role name (not an ARN): 1–64 letters, digits and `+=,.@_-`.
    IamRoleName,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c));
        kept(s, ok, || {
            format!(
                "invalid role name '{s}': 1-64 letters, digits and +=,.@_- (a name, not an ARN)"
            )
        })
    }
);

string_value!(
    /// An AWS region name (`eu-west-1`), shaped as regions are (see [`super::region`]).
    RegionName,
    super::region::check_region
);

string_value!(
    /// A function or schedule name: what Lambda and EventBridge both accept, short enough for
    /// the names derived from it (role names are at most 64 characters).
    FunctionName,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        kept(s, ok, || {
            format!("invalid name '{s}': expected 1–40 letters, digits, '-' or '_'")
        })
    }
);

string_value!(
    /// One IAM action (`s3:GetObject`), no wildcards.
    Action,
    |s| {
        let ok = s
            .split_once(':')
            .is_some_and(|(svc, name)| !svc.is_empty() && !name.is_empty())
            && !s.contains(['*', '?', ' ']);
        kept(s, ok, || {
            format!("'{s}' is not an action such as s3:GetObject (no wildcards)")
        })
    }
);

string_value!(
    /// One S3 action of a grant's `--actions` (`s3:GetObject`): `s3:` and a name, no wildcards,
    /// so a grant stays what it says.
    S3ActionName,
    |s| {
        let ok = s
            .strip_prefix("s3:")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()));
        kept(s, ok, || {
            format!("invalid action '{s}': expected s3:Name (e.g. s3:GetObject), no wildcards")
        })
    }
);

string_value!(
    /// An IAM Access Analyzer: `arn:PARTITION:access-analyzer:REGION:ACCOUNT:analyzer/NAME`.
    AnalyzerArn,
    |s| {
        let ok = crate::policy::arn::is_analyzer_arn(s);
        kept(s, ok, || {
            format!(
                "invalid '{s}': expected arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME"
            )
        })
    }
);

string_value!(
    /// A principal to filter on: an ARN, or `*` (everyone).
    PrincipalFilter,
    |s| {
        let ok = s == "*" || s.starts_with("arn:");
        kept(s, ok, || {
            format!("invalid '{s}': expected an ARN (arn:aws:iam::ACCOUNT:role/NAME) or *")
        })
    }
);

string_value!(
    /// A name that must not be empty or blank (an Athena workgroup, database or catalog).
    NonEmpty,
    |s| kept(s, !s.trim().is_empty(), || "must not be empty".to_string())
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_actions() {
        assert!("Auditor".parse::<IamRoleName>().is_ok());
        let e = "arn:aws:iam::1:role/x".parse::<IamRoleName>().unwrap_err();
        assert!(e.contains("a name, not an ARN"), "{e}");
        assert!("eu-west-1".parse::<RegionName>().is_ok());
        assert!("EU".parse::<RegionName>().is_err());
        assert!("".parse::<RegionName>().is_err());
        assert!("lakegate-fulfiller".parse::<FunctionName>().is_ok());
        assert!("a b".parse::<FunctionName>().is_err());
        assert!("x".repeat(41).parse::<FunctionName>().is_err());
        assert!("s3:GetObject".parse::<Action>().is_ok());
        for bad in ["s3:*", "GetObject", "s3:", ":x", "s3:Get Object"] {
            assert!(bad.parse::<Action>().is_err(), "{bad}");
        }
        assert!("s3:ListBucket".parse::<S3ActionName>().is_ok());
        assert!("s3:Get*".parse::<S3ActionName>().is_err());
        assert!("iam:PassRole".parse::<S3ActionName>().is_err());
        assert!("*".parse::<PrincipalFilter>().is_ok());
        assert!("bob".parse::<PrincipalFilter>().is_err());
        assert!("primary".parse::<NonEmpty>().is_ok());
        assert_eq!(" ".parse::<NonEmpty>().unwrap_err(), "must not be empty");
    }

    #[test]
    fn analyzer_arns_are_checked() {
        for good in [
            "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/lake-analyzer",
            "arn:aws-us-gov:access-analyzer:us-gov-west-1:111122223333:analyzer/org-analyzer",
            "arn:aws-cn:access-analyzer:cn-north-1:111122223333:analyzer/a.b_c-d",
        ] {
            assert!(good.parse::<AnalyzerArn>().is_ok(), "{good}");
        }
        for bad in [
            "",
            "lake-analyzer",
            "arn:aws:access-analyzer:us-east-1:1111222233:analyzer/short-account",
            "arn:aws:access-analyzer::111122223333:analyzer/no-region",
            "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/",
            "arn:aws:iam::111122223333:role/analyzer",
            "arn:aws:access-analyzer:us-east-1:111122223333:analyzer/two\nlines",
        ] {
            let e = bad.parse::<AnalyzerArn>().unwrap_err();
            assert!(!e.contains('\n'), "{e}");
            assert!(
                e.ends_with("': expected arn:aws:access-analyzer:REGION:ACCOUNT:analyzer/NAME"),
                "{e}"
            );
        }
    }
}

string_value!(
    /// The id of a fanned-out audit run (`20261206T195500Z-3fa2`): 1–64 letters, digits and
    /// `-`, so it can be an S3 key segment as it is.
    RunId,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        kept(s, ok, || {
            format!("invalid run id '{s}': expected 1-64 letters, digits or '-'")
        })
    }
);

string_value!(
    /// Which delivery of a queued unit this is, of how many SQS allows: `N/M` (1 ≤ N, 1 ≤ M).
    Attempt,
    |s| {
        let ok = s.split_once('/').is_some_and(|(n, m)| {
            n.parse::<u32>().is_ok_and(|n| n >= 1) && m.parse::<u32>().is_ok_and(|m| m >= 1)
        });
        kept(s, ok, || format!("invalid attempt '{s}': expected N/M, e.g. 2/3"))
    }
);

impl Attempt {
    /// (this delivery, deliveries allowed).
    pub fn numbers(&self) -> (u32, u32) {
        let (n, m) = self.0.split_once('/').unwrap_or(("1", "1"));
        (n.parse().unwrap_or(1), m.parse().unwrap_or(1))
    }
}

string_value!(
    /// An SQS queue name (standard queue): 1–80 letters, digits, `-` and `_`.
    QueueName,
    |s| {
        let ok = !s.is_empty()
            && s.len() <= 80
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        kept(s, ok, || {
            format!("invalid queue name '{s}': expected 1-80 letters, digits, '-' or '_'")
        })
    }
);
