//! The report's Athena table: names, DDL, and the queries `audit query` runs.

pub use crate::apply::athena_table::{
    alter_table_sql, create_database_sql, create_table_sql, literal,
};
use crate::aws::Aws;
use crate::policy::eval::audit::COLUMNS;

/// `s3://BUCKET/PREFIXreport/`: where the reports' partitions live.
pub fn report_location(bucket: &str, prefix: &str) -> String {
    format!("s3://{bucket}/{prefix}report/")
}

/// The report's columns with their Athena types, in CSV order (`name type`).
pub fn typed_columns() -> Vec<String> {
    COLUMNS
        .iter()
        .map(|c| format!("{c} {}", crate::apply::athena_table::column_type(c)))
        .collect()
}

/// The partition columns: the audited account, then the day.
pub const PARTITION_KEYS: [&str; 2] = ["account string", "dt string"];

/// The table properties: the CSV header skipped, and both partitions projected (a new day's
/// report is queryable as soon as it is uploaded: no crawler, no MSCK REPAIR). `account` is an
/// enum projection of the accounts reported on (an `injected` one would make every query name
/// its account, and the point is SQL over the whole organization); `dt` a date range from the
/// first report.
pub fn table_properties(
    location: &str,
    first_day: &str,
    accounts: &[String],
) -> Vec<(String, String)> {
    let p = |k: &str, v: &str| (k.to_string(), v.to_string());
    vec![
        p("skip.header.line.count", "1"),
        p("projection.enabled", "true"),
        p("projection.account.type", "enum"),
        p("projection.account.values", &accounts.join(",")),
        p("projection.dt.type", "date"),
        p("projection.dt.format", "yyyy-MM-dd"),
        p("projection.dt.range", &format!("{first_day},NOW")),
        p("projection.dt.interval", "1"),
        p("projection.dt.interval.unit", "DAYS"),
        p(
            "storage.location.template",
            &format!("{location}account=${{account}}/dt=${{dt}}/"),
        ),
    ]
}

/// What `audit query` filters on.
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub external_account: Option<String>,
    pub external: bool,
    pub bucket: Option<String>,
    pub principal: Option<String>,
    pub access_point: Option<String>,
    /// Only the report of this audited account (the `account` partition).
    pub account: Option<String>,
    /// A date, or None for the latest report.
    pub dt: Option<String>,
}

/// The report's columns a table has, in [`COLUMNS`] order: all of them for a table created by
/// this version, fewer for a table created before columns were added (`keys`, `except`,
/// `partial`, `latent`: the exact audit). Read with Athena GetTableMetadata; when the catalog
/// cannot be read (the table is missing, or the caller may not describe it), every column, and
/// Athena's own answer says what is wrong.
pub async fn query_columns(aws: &Aws, db: &str, table: &str) -> Vec<&'static str> {
    match aws.table_metadata(db, table).await {
        Ok(Some(t)) => columns_present(&t.columns),
        Ok(None) => COLUMNS.to_vec(),
        Err(e) => {
            tracing::debug!(error = %e.message, "cannot describe {db}.{table}; selecting every column");
            COLUMNS.to_vec()
        }
    }
}

/// The report columns among a table's (`name type`, as GetTableMetadata lists them).
pub fn columns_present(table_columns: &[String]) -> Vec<&'static str> {
    let names: Vec<String> = table_columns
        .iter()
        .map(|c| {
            c.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        })
        .collect();
    let have: Vec<&'static str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| names.iter().any(|n| n == c))
        .collect();
    if have.is_empty() {
        COLUMNS.to_vec()
    } else {
        have
    }
}

/// The run that wrote a row: the run id its object's name starts with (`"$path"`, Athena's
/// pseudo-column of the row's S3 object), or '' for an object named before names carried one
/// (then it counts as the day's earliest run). See [`crate::audit::partition`].
pub fn run_sql() -> String {
    format!(
        "coalesce(regexp_extract(\"$path\", '/({})[^/]*$', 1), '')",
        crate::audit::partition::RUN_PATTERN
    )
}

/// The SELECT `audit query` runs over a table with `columns` (see [`query_columns`]). Values
/// are validated by the caller and quoted here.
///
/// Each account's latest report is its latest day (accounts are audited on their own
/// schedules) and, of that day, the latest run: a day may hold the objects of several runs (a
/// local upload and a fanned-out run), each named after its run, and they must not add up. The
/// latest day and run are chosen over every row of the account (the innermost SELECT is
/// narrowed only by the partitions asked for), then the filters apply.
pub fn query_sql(db: &str, table: &str, f: &Filters, columns: &[&str]) -> String {
    let from = format!("\"{db}\".\"{table}\"");
    let mut partitions = Vec::new();
    if let Some(d) = &f.dt {
        partitions.push(format!("\"dt\" = {}", literal(d)));
    }
    if let Some(a) = &f.account {
        partitions.push(format!("\"account\" = {}", literal(a)));
    }
    let narrowed = if partitions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", partitions.join(" AND "))
    };
    let mut conditions = vec![
        "\"dt\" = \"lakegate_latest_dt\"".to_string(),
        "\"lakegate_run\" = \"lakegate_latest_run\"".to_string(),
    ];
    if let Some(a) = &f.external_account {
        conditions.push(format!("principal_account = {}", literal(a)));
        conditions.push("external".to_string());
    } else if f.external {
        conditions.push("external".to_string());
    }
    if let Some(b) = &f.bucket {
        conditions.push(format!("bucket = {}", literal(b)));
    }
    if let Some(p) = &f.principal {
        conditions.push(format!("principal = {}", literal(p)));
    }
    if let Some(a) = &f.access_point {
        conditions.push(format!("access_point = {}", literal(a)));
    }
    let columns: Vec<String> = ["dt", "account"]
        .into_iter()
        .chain(columns.iter().copied())
        .map(|c| format!("\"{c}\""))
        .collect();
    format!(
        "SELECT {}\nFROM (\n  SELECT *,\n    max(\"dt\") OVER (PARTITION BY \"account\") AS \"lakegate_latest_dt\",\n    max(\"lakegate_run\") OVER (PARTITION BY \"account\", \"dt\") AS \"lakegate_latest_run\"\n  FROM (SELECT *, {} AS \"lakegate_run\" FROM {from}{narrowed})\n)\nWHERE {}\nORDER BY \"bucket\", \"access_point\", \"prefix\", \"principal\"",
        columns.join(", "),
        run_sql(),
        conditions.join("\n  AND ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddl_types_columns_and_projects_partitions() {
        let loc = report_location("reports", "lakegate/");
        let accounts = vec!["111122223333".to_string(), "444455556666".to_string()];
        let props = table_properties(&loc, "2026-11-23", &accounts);
        let sql = create_table_sql("audit", "access", &loc, &props);
        assert!(sql.starts_with(
            "CREATE EXTERNAL TABLE IF NOT EXISTS `audit`.`access` (\n  `principal` string,"
        ));
        assert!(sql.contains("  `external` boolean,\n"));
        assert!(sql.contains("  `read` boolean,\n  `write` boolean,\n  `list` boolean,\n"));
        assert!(sql.contains("  `region` string,\n  `same_org` boolean,\n"));
        // Columns added later come last, so the table reads the reports written before them.
        assert!(sql.contains(
            "  `keys` string,\n  `except` string,\n  `partial` boolean,\n  `latent` string,\n  `also_sources` string\n)"
        ));
        assert!(sql.contains("PARTITIONED BY (`account` string, `dt` string)"));
        assert!(sql.contains("LOCATION 's3://reports/lakegate/report/'"));
        assert!(sql.contains("'skip.header.line.count' = '1'"));
        assert!(sql.contains("'projection.enabled' = 'true'"));
        assert!(sql.contains("'projection.account.type' = 'enum'"));
        assert!(sql.contains("'projection.account.values' = '111122223333,444455556666'"));
        assert!(sql.contains("'projection.dt.range' = '2026-11-23,NOW'"));
        assert!(sql.contains(
            "'storage.location.template' = 's3://reports/lakegate/report/account=${account}/dt=${dt}/'"
        ));
        assert!(sql.contains("'escapeChar' = '\\\\'"));
        let alter = alter_table_sql("audit", "access", &props);
        assert!(alter.starts_with("ALTER TABLE `audit`.`access` SET TBLPROPERTIES (\n"));
        assert_eq!(
            create_database_sql("audit"),
            "CREATE DATABASE IF NOT EXISTS `audit`"
        );
    }

    #[test]
    fn queries_filter_and_quote() {
        let q = query_sql("audit", "access", &Filters::default(), &COLUMNS);
        // Each account's latest day, and of that day its latest run, over all its rows.
        assert!(
            q.contains("max(\"dt\") OVER (PARTITION BY \"account\") AS \"lakegate_latest_dt\""),
            "{q}"
        );
        assert!(
            q.contains("max(\"lakegate_run\") OVER (PARTITION BY \"account\", \"dt\")"),
            "{q}"
        );
        assert!(
            q.contains("FROM (SELECT *, coalesce(regexp_extract(\"$path\", '/([0-9]{8}T[0-9]{6}Z-[0-9a-f]{4})[^/]*$', 1), '') AS \"lakegate_run\" FROM \"audit\".\"access\")\n)"),
            "{q}"
        );
        assert!(
            q.contains("WHERE \"dt\" = \"lakegate_latest_dt\"\n  AND \"lakegate_run\" = \"lakegate_latest_run\"\nORDER BY"),
            "{q}"
        );
        let q = query_sql(
            "audit",
            "access",
            &Filters {
                account: Some("111122223333".into()),
                ..Filters::default()
            },
            &COLUMNS,
        );
        // The account narrows the scan (a partition), before the latest run is chosen.
        assert!(
            q.contains("FROM \"audit\".\"access\" WHERE \"account\" = '111122223333')"),
            "{q}"
        );
        let q = query_sql(
            "audit",
            "access",
            &Filters {
                external_account: Some("444455556666".into()),
                bucket: Some("lake".into()),
                principal: Some("arn:aws:iam::444455556666:role/o'neil".into()),
                dt: Some("2026-11-23".into()),
                ..Filters::default()
            },
            &COLUMNS,
        );
        assert!(
            q.contains("FROM \"audit\".\"access\" WHERE \"dt\" = '2026-11-23')"),
            "{q}"
        );
        // Filters on rows apply after the latest run is chosen (else an older run's rows would
        // show where the latest run has none).
        assert!(q.contains("AND \"lakegate_run\" = \"lakegate_latest_run\"\n  AND principal_account = '444455556666'\n  AND external\n  AND bucket = 'lake'\n  AND principal = 'arn:aws:iam::444455556666:role/o''neil'"), "{q}");
        assert!(q.starts_with("SELECT \"dt\", \"account\", \"principal\", \"principal_account\""));
        assert!(
            q.contains("\"keys\", \"except\", \"partial\", \"latent\", \"also_sources\"\nFROM"),
            "{q}"
        );
    }

    #[test]
    fn a_table_created_before_the_exact_columns_is_queried_for_the_columns_it_has() {
        // As GetTableMetadata lists a table created with the 18 columns of the first reports.
        let old: Vec<String> = COLUMNS[..18]
            .iter()
            .map(|c| format!("{c} {}", crate::apply::athena_table::column_type(c)))
            .collect();
        let cols = columns_present(&old);
        assert_eq!(cols, COLUMNS[..18].to_vec());
        let q = query_sql("audit", "access", &Filters::default(), &cols);
        assert!(q.contains("\"region\", \"same_org\"\nFROM"), "{q}");
        assert!(!q.contains("\"keys\""), "{q}");
        let new: Vec<String> = typed_columns()
            .into_iter()
            .chain(["account string".to_string()])
            .collect();
        assert_eq!(columns_present(&new), COLUMNS.to_vec());
        assert_eq!(columns_present(&[]), COLUMNS.to_vec());
    }
}
