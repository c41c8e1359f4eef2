//! The report's Athena table: names, DDL, and the queries `audit query` runs.

use crate::error::{input_error, Result};
use crate::policy::eval::audit::COLUMNS;

/// `DB.TABLE` → (db, table). Athena database and table names: lower-case letters, digits and
/// underscores (Glue also allows hyphens, which then need quoting everywhere; refused here).
pub fn parse_table_name(opt: &str, name: &str) -> Result<(String, String)> {
    let bad = |why: &str| {
        input_error(format!(
            "{opt}: invalid table '{name}': {why} (expected DATABASE.TABLE, e.g. lakegate_audit.prefix_access)"
        ))
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
    Ok((db.to_string(), table.to_string()))
}

/// The Athena type of each report column.
fn column_type(c: &str) -> &'static str {
    match c {
        "external" | "read" | "write" | "list" => "boolean",
        _ => "string",
    }
}

/// A SQL string literal ('…', quotes doubled).
pub fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

pub fn create_database_sql(db: &str) -> String {
    format!("CREATE DATABASE IF NOT EXISTS `{db}`")
}

/// The external table over `s3://BUCKET/PREFIXreport/`: the report's columns, typed, the CSV
/// header skipped, and partitioned by `dt` through partition projection (a new day's report is
/// queryable as soon as it is uploaded: no crawler, no MSCK REPAIR).
pub fn create_table_sql(
    db: &str,
    table: &str,
    bucket: &str,
    prefix: &str,
    first_day: &str,
) -> String {
    let location = format!("s3://{bucket}/{prefix}report/");
    let columns: Vec<String> = COLUMNS
        .iter()
        .map(|c| format!("  `{c}` {}", column_type(c)))
        .collect();
    format!(
        "CREATE EXTERNAL TABLE IF NOT EXISTS `{db}`.`{table}` (\n{}\n)\n\
         PARTITIONED BY (`dt` string)\n\
         ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'\n\
         WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\"', 'escapeChar' = '\\\\')\n\
         STORED AS TEXTFILE\n\
         LOCATION {}\n\
         TBLPROPERTIES (\n\
         \x20 'skip.header.line.count' = '1',\n\
         \x20 'projection.enabled' = 'true',\n\
         \x20 'projection.dt.type' = 'date',\n\
         \x20 'projection.dt.format' = 'yyyy-MM-dd',\n\
         \x20 'projection.dt.range' = '{first_day},NOW',\n\
         \x20 'projection.dt.interval' = '1',\n\
         \x20 'projection.dt.interval.unit' = 'DAYS',\n\
         \x20 'storage.location.template' = {}\n\
         )",
        columns.join(",\n"),
        literal(&location),
        literal(&format!("{location}dt=${{dt}}/")),
    )
}

/// What `audit query` filters on.
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub external_account: Option<String>,
    pub external: bool,
    pub bucket: Option<String>,
    pub principal: Option<String>,
    pub access_point: Option<String>,
    /// A date, or None for the latest report.
    pub dt: Option<String>,
}

/// The SELECT `audit query` runs. Values are validated by the caller and quoted here.
pub fn query_sql(db: &str, table: &str, f: &Filters) -> String {
    let from = format!("\"{db}\".\"{table}\"");
    let mut conditions = vec![match &f.dt {
        Some(d) => format!("dt = {}", literal(d)),
        None => format!("dt = (SELECT max(dt) FROM {from})"),
    }];
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
    let columns: Vec<String> = std::iter::once("dt")
        .chain(COLUMNS.iter().copied())
        .map(|c| format!("\"{c}\""))
        .collect();
    format!(
        "SELECT {}\nFROM {from}\nWHERE {}\nORDER BY \"bucket\", \"access_point\", \"prefix\", \"principal\"",
        columns.join(", "),
        conditions.join("\n  AND ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names() {
        assert_eq!(
            parse_table_name("DB.TABLE", "lakegate_audit.prefix_access").unwrap(),
            ("lakegate_audit".into(), "prefix_access".into())
        );
        for bad in [
            "noseparator",
            "db.",
            ".t",
            "db.analyzer-report",
            "DB.t",
            "db.t;drop",
        ] {
            let e = parse_table_name("DB.TABLE", bad).unwrap_err().to_string();
            assert!(e.starts_with("DB.TABLE: invalid table"), "{e}");
        }
    }

    #[test]
    fn ddl_types_columns_and_projects_partitions() {
        let sql = create_table_sql("audit", "access", "reports", "lakegate/", "2026-11-23");
        assert!(sql.starts_with(
            "CREATE EXTERNAL TABLE IF NOT EXISTS `audit`.`access` (\n  `principal` string,"
        ));
        assert!(sql.contains("  `external` boolean,\n"));
        assert!(sql.contains("  `read` boolean,\n  `write` boolean,\n  `list` boolean,\n"));
        assert!(sql.contains("  `finding_status` string\n)"));
        assert!(sql.contains("PARTITIONED BY (`dt` string)"));
        assert!(sql.contains("LOCATION 's3://reports/lakegate/report/'"));
        assert!(sql.contains("'skip.header.line.count' = '1'"));
        assert!(sql.contains("'projection.dt.range' = '2026-11-23,NOW'"));
        assert!(
            sql.contains("'storage.location.template' = 's3://reports/lakegate/report/dt=${dt}/'")
        );
        assert!(sql.contains("'escapeChar' = '\\\\'"));
        assert_eq!(
            create_database_sql("audit"),
            "CREATE DATABASE IF NOT EXISTS `audit`"
        );
    }

    #[test]
    fn queries_filter_and_quote() {
        let q = query_sql("audit", "access", &Filters::default());
        assert!(
            q.contains("WHERE dt = (SELECT max(dt) FROM \"audit\".\"access\")"),
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
        );
        assert!(q.contains("WHERE dt = '2026-11-23'\n  AND principal_account = '444455556666'\n  AND external\n  AND bucket = 'lake'\n  AND principal = 'arn:aws:iam::444455556666:role/o''neil'"), "{q}");
        assert!(q.starts_with("SELECT \"dt\", \"principal\", \"principal_account\""));
    }
}
