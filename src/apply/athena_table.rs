//! Kind: the Athena (Glue catalog) table over the audit reports. Created with Athena DDL
//! (`CREATE DATABASE IF NOT EXISTS`, `CREATE EXTERNAL TABLE`), brought up to date with
//! `ALTER TABLE … SET TBLPROPERTIES` (new accounts in the `account` projection), and read back
//! with Athena GetTableMetadata. Its state: location, columns, partition keys and the table
//! properties lakegate manages. Not restorable (the DDL is the history).

use super::ordered::OrderedMap;
use super::{Fut, LeaseKey, Resource};
use crate::aws::athena::QuerySpec;
use crate::aws::Aws;
use crate::error::failed;
use crate::plan::ResourceKind;
use crate::policy::eval::audit::COLUMNS;
use serde::{Deserialize, Serialize};

/// An Athena table, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("athena-table", "Athena table");

/// The table properties lakegate writes (and compares on read-back; Athena adds others).
const MANAGED: &[&str] = &[
    "skip.header.line.count",
    "projection.enabled",
    "projection.account.type",
    "projection.account.values",
    "projection.dt.type",
    "projection.dt.format",
    "projection.dt.range",
    "projection.dt.interval",
    "projection.dt.interval.unit",
    "storage.location.template",
];

#[derive(Debug, Clone)]
pub struct AthenaTable {
    pub database: String,
    pub table: String,
    id: String,
    /// Where the DDL runs.
    pub workgroup: Option<String>,
    pub output_location: Option<String>,
}

/// The Athena type of each report column.
pub fn column_type(c: &str) -> &'static str {
    match c {
        "external" | "read" | "write" | "list" | "same_org" | "partial" => "boolean",
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

fn properties_sql(props: &[(String, String)]) -> String {
    props
        .iter()
        .map(|(k, v)| format!("  {} = {}", literal(k), literal(v)))
        .collect::<Vec<_>>()
        .join(",\n")
}

/// The external table over the reports at `location`: the report's columns, typed, partitioned
/// by `account` and `dt`, with `props` (see [`table_properties`]).
pub fn create_table_sql(
    db: &str,
    table: &str,
    location: &str,
    props: &[(String, String)],
) -> String {
    let columns: Vec<String> = COLUMNS
        .iter()
        .map(|c| format!("  `{c}` {}", column_type(c)))
        .collect();
    format!(
        "CREATE EXTERNAL TABLE IF NOT EXISTS `{db}`.`{table}` (\n{}\n)\n\
         PARTITIONED BY (`account` string, `dt` string)\n\
         ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'\n\
         WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\"', 'escapeChar' = '\\\\')\n\
         STORED AS TEXTFILE\n\
         LOCATION {}\n\
         TBLPROPERTIES (\n{}\n)",
        columns.join(",\n"),
        literal(location),
        properties_sql(props),
    )
}

/// Bring an existing table's properties to `props` (new accounts, an earlier first day).
pub fn alter_table_sql(db: &str, table: &str, props: &[(String, String)]) -> String {
    format!(
        "ALTER TABLE `{db}`.`{table}` SET TBLPROPERTIES (\n{}\n)",
        properties_sql(props)
    )
}

/// A table's state as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableState {
    pub location: String,
    pub columns: Vec<String>,
    pub partition_keys: Vec<String>,
    /// The table properties lakegate manages.
    pub properties: OrderedMap<String>,
}

/// A table's state: `props` keeps the properties lakegate manages.
pub fn state(
    location: &str,
    columns: &[String],
    partition_keys: &[String],
    props: &[(String, String)],
) -> TableState {
    TableState {
        location: location.to_string(),
        columns: columns.to_vec(),
        partition_keys: partition_keys.to_vec(),
        properties: props
            .iter()
            .filter(|(k, _)| MANAGED.contains(&k.as_str()))
            .cloned()
            .collect(),
    }
}

/// The managed properties of a state, in order.
pub fn properties(v: &TableState) -> Vec<(String, String)> {
    MANAGED
        .iter()
        .filter_map(|k| v.properties.get(k).map(|s| (k.to_string(), s.to_string())))
        .collect()
}

impl AthenaTable {
    pub fn new(
        database: &str,
        table: &str,
        workgroup: Option<String>,
        output_location: Option<String>,
    ) -> Self {
        AthenaTable {
            database: database.to_string(),
            table: table.to_string(),
            id: format!("{database}.{table}"),
            workgroup,
            output_location,
        }
    }

    fn spec(&self, sql: String) -> QuerySpec {
        QuerySpec {
            sql,
            workgroup: self.workgroup.clone(),
            output_location: self.output_location.clone(),
            ..Default::default()
        }
    }
}

impl Resource for AthenaTable {
    type State = TableState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<TableState>> {
        Box::pin(async move {
            let Some(t) = aws.table_metadata(&self.database, &self.table).await? else {
                return Ok(None);
            };
            let props: Vec<(String, String)> = t.parameters.clone().into_iter().collect();
            let location = t.parameters.get("location").cloned().unwrap_or_default();
            Ok(Some(state(
                &location,
                &t.columns,
                &t.partition_keys,
                &props,
            )))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, st: &'a TableState) -> Fut<'a, ()> {
        Box::pin(async move {
            let props = properties(st);
            let exists = aws
                .table_metadata(&self.database, &self.table)
                .await?
                .is_some();
            if exists {
                aws.run_statement(&self.spec(alter_table_sql(&self.database, &self.table, &props)))
                    .await?;
                Ok(())
            } else {
                let location = st.location.as_str();
                if location.is_empty() || st.columns.is_empty() {
                    return Err(failed(format!(
                        "the table {} has no location or columns",
                        self.id
                    )));
                }
                aws.run_statement(&self.spec(create_database_sql(&self.database)))
                    .await?;
                aws.run_statement(&self.spec(create_table_sql(
                    &self.database,
                    &self.table,
                    location,
                    &props,
                )))
                .await?;
                Ok(())
            }
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.run_statement(&self.spec(format!(
                "DROP TABLE IF EXISTS `{}`.`{}`",
                self.database, self.table
            )))
            .await
            .map_err(crate::error::CliError::from)
        })
    }
    fn same(&self, a: Option<&TableState>, b: Option<&TableState>) -> bool {
        type Norm<'a> = (&'a str, &'a [String], &'a [String], Vec<(String, String)>);
        fn norm(v: Option<&TableState>) -> Option<Norm<'_>> {
            v.map(|v| {
                (
                    v.location.trim_end_matches('/'),
                    v.columns.as_slice(),
                    v.partition_keys.as_slice(),
                    properties(v),
                )
            })
        }
        norm(a) == norm(b)
    }
    fn show_command(&self) -> Option<String> {
        Some(format!(
            "aws athena get-table-metadata --catalog-name AwsDataCatalog --database-name {} --table-name {}",
            self.database, self.table
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The plan shows the same JSON as when the state was a `serde_json::Value`: the managed
    /// properties only, in the order given.
    #[test]
    fn states_print_as_before() {
        let props = vec![
            ("projection.enabled".to_string(), "true".to_string()),
            ("has_encrypted_data".to_string(), "false".to_string()),
            ("projection.account.values".to_string(), "1,2".to_string()),
        ];
        let s = state("s3://b/report/", &["a".into()], &["account".into()], &props);
        let before = json!({
            "location": "s3://b/report/", "columns": ["a"], "partition_keys": ["account"],
            "properties": {"projection.enabled": "true", "projection.account.values": "1,2"},
        });
        assert_eq!(serde_json::to_string(&s).unwrap(), before.to_string());
        let t = AthenaTable::new("db", "t", None, None);
        let mut other = s.clone();
        other.location = "s3://b/report".into();
        assert!(t.same(Some(&s), Some(&other)));
    }
}
