//! Values of the Athena and audit-report flags: dates of the report's partitions, table names,
//! result locations, EventBridge schedule expressions.

use super::kept;
use std::fmt;
use std::str::FromStr;

string_value!(
    /// A `YYYY-MM-DD` date (the report's `dt` partition), validated as a calendar date: it must
    /// read back unchanged from the day it parses to (so 2023-02-29 is refused).
    Date,
    |s| {
        let day = crate::policy::eval::condition::parse_date(s)
            .filter(|_| s.len() == 10)
            .map(|ms| civil_from_days(ms.div_euclid(86_400_000)));
        kept(s, day.as_deref() == Some(s), || {
            format!("invalid date '{s}': expected YYYY-MM-DD")
        })
    }
);

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

string_value!(
    /// Where Athena writes results: `s3://BUCKET/PREFIX/` (the bucket is Athena's to check).
    OutputLocation,
    |s| {
        let ok = s
            .strip_prefix("s3://")
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
        kept(s, ok, || format!("invalid '{s}': expected s3://BUCKET/PREFIX/"))
    }
);

string_value!(
    /// An EventBridge schedule expression: `rate(…)` or `cron(…)`.
    ScheduleExpression,
    |s| {
        let ok = (s.starts_with("rate(") || s.starts_with("cron("))
            && s.ends_with(')')
            && s.len() > 6
            && s.len() <= 256;
        kept(s, ok, || {
            format!(
                "invalid schedule '{s}': expected rate(VALUE UNIT) or cron(MIN HOUR DAY MONTH WEEKDAY YEAR)"
            )
        })
    }
);

/// A Glue/Athena table as `DATABASE.TABLE`: lower-case letters, digits and underscores.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TableName {
    pub database: String,
    pub table: String,
}

impl FromStr for TableName {
    type Err = String;
    fn from_str(name: &str) -> Result<Self, String> {
        let name_shown = crate::error::escape_controls(name);
        let bad = |why: &str| {
            format!(
                "invalid table '{name_shown}': {why} (expected DATABASE.TABLE, e.g. lakegate_audit.prefix_access)"
            )
        };
        let (db, table) = name.split_once('.').ok_or_else(|| bad("no database"))?;
        for part in [db, table] {
            if part.is_empty() || part.len() > 255 {
                return Err(bad("a name is empty or longer than 255 characters"));
            }
            if !part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(bad(
                    "names hold only lower-case letters, digits and underscores",
                ));
            }
        }
        Ok(TableName {
            database: db.to_string(),
            table: table.to_string(),
        })
    }
}

impl fmt::Display for TableName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.database, self.table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), "1970-01-01");
        assert_eq!(civil_from_days(20_415), "2025-11-23");
        assert_eq!(civil_from_days(11_016), "2000-02-29");
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "yesterday",
            "2024-00-10",
        ] {
            let e = bad.parse::<Date>().unwrap_err();
            assert_eq!(e, format!("invalid date '{bad}': expected YYYY-MM-DD"));
        }
    }

    #[test]
    fn locations_schedules_tables() {
        assert!("s3://bucket/prefix/".parse::<OutputLocation>().is_ok());
        assert!("bucket/prefix".parse::<OutputLocation>().is_err());
        assert!("s3://".parse::<OutputLocation>().is_err());
        assert!("rate(1 hour)".parse::<ScheduleExpression>().is_ok());
        assert!("cron(0 6 ? * MON *)".parse::<ScheduleExpression>().is_ok());
        assert!("hourly".parse::<ScheduleExpression>().is_err());
        let t: TableName = "lakegate_audit.prefix_access".parse().unwrap();
        assert_eq!(
            (t.database.as_str(), t.table.as_str()),
            ("lakegate_audit", "prefix_access")
        );
        assert_eq!(t.to_string(), "lakegate_audit.prefix_access");
        for bad in ["analyzerdb", "db.analyzer-report", ".t", "Db.t"] {
            assert!(bad.parse::<TableName>().is_err(), "{bad}");
        }
    }
}
