//! `lakegate audit report|query`: who can read, write or list which prefix of which bucket, from
//! bucket and access point policies (evaluated) and IAM Access Analyzer findings; the report goes
//! to S3 and is queried with Athena.

pub mod query;
pub mod report;
pub mod schedule;
pub mod table;
pub mod unschedule;

use super::Ctx;
use crate::error::{input_error, Result};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Report who can read, write or list each prefix: per principal, bucket, prefix and access
    /// point; optionally upload it (and the raw findings) to S3 and create its Athena table
    Report(report::Args),
    /// Query the uploaded reports with Athena (e.g. everything an external account can reach)
    Query(query::Args),
    /// Run `audit report` on a schedule in the deployed fulfiller function (EventBridge rule)
    Schedule(schedule::Args),
    /// Remove an audit schedule
    Unschedule(unschedule::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AuditCommand) -> Result<()> {
    match cmd {
        AuditCommand::Report(a) => report::run(ctx, a).await,
        AuditCommand::Query(a) => query::run(ctx, a).await,
        AuditCommand::Schedule(a) => schedule::run(ctx, a).await,
        AuditCommand::Unschedule(a) => unschedule::run(ctx, a).await,
    }
}

pub use super::parse_s3_url;

/// A `YYYY-MM-DD` date (the report's `dt` partition), validated as a calendar date: it must
/// read back unchanged from the day it parses to (so 2023-02-29 is refused).
pub fn check_date(opt: &str, d: &str) -> Result<()> {
    let day = crate::policy::eval::condition::parse_date(d)
        .filter(|_| d.len() == 10)
        .map(|ms| civil_from_days(ms.div_euclid(86_400_000)));
    if day.as_deref() == Some(d) {
        Ok(())
    } else {
        Err(input_error(format!(
            "{opt}: invalid date '{d}': expected YYYY-MM-DD"
        )))
    }
}

/// Today's date in UTC, `YYYY-MM-DD` (the report's partition).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// `YYYY-MM-DD` of a day count since 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_urls() {
        assert_eq!(
            parse_s3_url("--upload", "s3://audit-bucket/lakegate").unwrap(),
            ("audit-bucket".into(), "lakegate/".into())
        );
        assert_eq!(
            parse_s3_url("--upload", "s3://audit-bucket").unwrap(),
            ("audit-bucket".into(), String::new())
        );
        assert_eq!(
            parse_s3_url("--upload", "s3://audit-bucket/").unwrap(),
            ("audit-bucket".into(), String::new())
        );
        for bad in ["audit-bucket/x", "s3://", "s3://Bad_Bucket/", "s3://b-1//x"] {
            let e = parse_s3_url("--upload", bad).unwrap_err().to_string();
            assert!(e.starts_with("--upload: invalid S3 URL"), "{e}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), "1970-01-01");
        assert_eq!(civil_from_days(20_415), "2025-11-23");
        assert_eq!(civil_from_days(11_016), "2000-02-29");
        check_date("--dt", "2024-02-29").unwrap();
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "yesterday",
            "2024-00-10",
        ] {
            assert!(check_date("--dt", bad).is_err(), "{bad}");
        }
        assert_eq!(today_utc().len(), 10);
    }
}
