//! The objects of a report partition (`report/account=ID/dt=DAY/`). Every run that writes one —
//! a local `audit report --upload`, or a unit of a fanned-out run — names its object after its
//! run id (`RUN.csv`, `RUN.REGION.csv`), so two runs of the same day never overwrite each other
//! (a run's manifest keeps naming its own objects); `audit query` reads, for each account, the
//! latest run of its latest day ([`crate::audit::table::query_sql`]).

use crate::aws::Aws;
use crate::error::Result;

/// The shape of a run id lakegate makes (`20261206T195500Z-3fa2`), as an Athena (Java) regular
/// expression: run ids of one day sort in the order the runs started.
pub const RUN_PATTERN: &str = "[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}";

/// A new run's id: its UTC time to the second and four hex digits (`20261206T195500Z-3fa2`).
pub fn new_run_id() -> String {
    let now = crate::aws::now_rfc3339();
    // `2026-12-06T19:55:00.123Z` → `20261206T195500Z`.
    let now = format!(
        "{}Z",
        now.split(['.', 'Z'])
            .next()
            .unwrap_or_default()
            .replace(['-', ':'], "")
    );
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let salt =
        (u64::from(nanos) ^ u64::from(std::process::id()).wrapping_mul(0x9E37_79B9)) & 0xffff;
    format!("{now}-{salt:04x}")
}

/// The run id an object name starts with, if it has the shape of one.
pub fn run_of(name: &str) -> Option<&str> {
    let id = name.get(..21)?;
    let b = id.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = digits(0..8)
        && b[8] == b'T'
        && digits(9..15)
        && b[15] == b'Z'
        && b[16] == b'-'
        && b[17..21]
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c));
    ok.then_some(id)
}

/// The partition of an account's report of a day.
pub fn partition(prefix: &str, account: &str, date: &str) -> String {
    format!("{prefix}report/account={account}/dt={date}/")
}

/// A unit's object in its partition: `RUN.REGION.csv` (`RUN.all.csv` for every region).
pub fn unit_object(run: &str, region: &str) -> String {
    format!("{run}.{region}.csv")
}

/// Where a local run's report of `account` goes: the newest object of the partition when it is
/// a local run's report (`RUN.csv`, or `report.csv` of the versions before run ids) with these
/// very bytes (`sha256`, kept in its metadata), so that running the report again the same day
/// changes nothing; else `RUN.csv` of this run, beside whatever the partition holds.
pub async fn local_report_key(
    aws: &Aws,
    bucket: &str,
    prefix: &str,
    account: &str,
    date: &str,
    run: &str,
    sha256: &str,
) -> Result<String> {
    let dir = partition(prefix, account, date);
    let names = aws.keys_under(bucket, &dir).await?;
    let newest = names
        .iter()
        .filter(|n| !n.contains('/'))
        .max_by(|a, b| (run_of(a).unwrap_or(""), *a).cmp(&(run_of(b).unwrap_or(""), *b)));
    if let Some(n) = newest {
        let local = n == "report.csv" || run_of(n).is_some_and(|r| n.len() == r.len() + 4);
        if local && n.ends_with(".csv") {
            let key = format!("{dir}{n}");
            if let Some((_, meta)) = aws.object_head(bucket, &key).await? {
                if meta.get("lakegate-sha256").map(String::as_str) == Some(sha256) {
                    return Ok(key);
                }
            }
        }
    }
    Ok(format!("{dir}{run}.csv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids_are_found_at_the_start_of_object_names() {
        let id = new_run_id();
        assert_eq!(run_of(&format!("{id}.csv")), Some(id.as_str()));
        assert!(id.parse::<crate::values::RunId>().is_ok(), "{id}");
        assert_eq!(
            run_of("20261206T195500Z-3fa2.eu-west-1.csv"),
            Some("20261206T195500Z-3fa2")
        );
        for name in [
            "report.csv",
            "eu-west-1.csv",
            "20261206T195500Z-3fA2.csv",
            "2026",
        ] {
            assert_eq!(run_of(name), None, "{name}");
        }
        assert_eq!(
            unit_object("20261206T195500Z-3fa2", "all"),
            "20261206T195500Z-3fa2.all.csv"
        );
        assert_eq!(
            partition("audit/", "111122223333", "2026-12-06"),
            "audit/report/account=111122223333/dt=2026-12-06/"
        );
    }
}
