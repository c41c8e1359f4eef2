//! Kind: the Athena (Glue catalog) table over the audit reports. Created with Athena DDL
//! (`CREATE DATABASE IF NOT EXISTS`, `CREATE EXTERNAL TABLE`), brought up to date with
//! `ALTER TABLE … SET TBLPROPERTIES` (new accounts in the `account` projection), and read back
//! with Athena GetTableMetadata. Its state: location, columns, partition keys and the table
//! properties lakegate manages. Not restorable (the DDL is the history).

use super::{Fut, LeaseKey, Resource};
use crate::aws::athena::QuerySpec;
use crate::aws::Aws;
use crate::error::failed;
use crate::plan::ResourceKind;
use crate::policy::eval::audit::COLUMNS;
use serde_json::{json, Map, Value};

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
pub fn state(
    location: &str,
    columns: &[String],
    partition_keys: &[String],
    props: &[(String, String)],
) -> Value {
    let mut p = Map::new();
    for (k, v) in props {
        if MANAGED.contains(&k.as_str()) {
            p.insert(k.clone(), Value::String(v.clone()));
        }
    }
    json!({
        "location": location,
        "columns": columns,
        "partition_keys": partition_keys,
        "properties": p,
    })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The managed properties of a state, in order.
pub fn properties(v: &Value) -> Vec<(String, String)> {
    MANAGED
        .iter()
        .filter_map(|k| {
            v["properties"][*k]
                .as_str()
                .map(|s| (k.to_string(), s.to_string()))
        })
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
    type State = Value;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
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
    fn write<'a>(&'a self, aws: &'a Aws, st: &'a Value) -> Fut<'a, ()> {
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
                let location = st["location"].as_str().unwrap_or_default();
                if location.is_empty() || strings(&st["columns"]).is_empty() {
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
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        let norm = |v: Option<&Value>| {
            v.map(|v| {
                (
                    v["location"]
                        .as_str()
                        .unwrap_or_default()
                        .trim_end_matches('/')
                        .to_string(),
                    strings(&v["columns"]),
                    strings(&v["partition_keys"]),
                    properties(v),
                )
            })
        };
        norm(a) == norm(b)
    }
    fn show_command(&self) -> Option<String> {
        Some(format!(
            "aws athena get-table-metadata --catalog-name AwsDataCatalog --database-name {} --table-name {}",
            self.database, self.table
        ))
    }
}
