//! The audit engine: who can read, write or list which prefix of which bucket (`report`), and
//! the Athena table the reports are queried through (`table`). `audit report`, `audit query` and
//! the deployed function (a scheduled report) run it; it takes a [`crate::session::Session`] and
//! plain options, never CLI types.

pub mod access_grants;
pub mod args;
pub mod fleet;
pub mod partition;
pub mod report;
pub mod table;

/// Today's date in UTC, `YYYY-MM-DD` (the report's partition).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

pub use crate::values::civil_from_days;

#[cfg(test)]
mod tests {
    use super::*;

    // civil_from_days itself is tested with the Date type (src/values/athena.rs).
    #[test]
    fn today_is_a_date() {
        assert_eq!(today_utc().len(), 10);
        assert!(today_utc().parse::<crate::values::Date>().is_ok());
    }
}
