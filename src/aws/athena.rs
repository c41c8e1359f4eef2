//! Athena: start a query, poll its execution, read its results one page at a time, stop it.
//!
//! The endpoint is the configuration's (`Settings::endpoint_url`, `AWS_ENDPOINT_URL_ATHENA`, or
//! the regional one), so queries can go through a VPC endpoint's DNS name.

use super::error::{failed, Result};
use super::{classify, Aws};

/// A query to start.
#[derive(Debug, Clone, Default)]
pub struct QuerySpec {
    pub sql: String,
    pub database: Option<String>,
    pub catalog: Option<String>,
    pub workgroup: Option<String>,
    pub output_location: Option<String>,
    pub params: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryState {
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

impl QueryState {
    pub fn as_str(self) -> &'static str {
        match self {
            QueryState::Queued => "QUEUED",
            QueryState::Running => "RUNNING",
            QueryState::Succeeded => "SUCCEEDED",
            QueryState::Failed => "FAILED",
            QueryState::Cancelled => "CANCELLED",
        }
    }

    pub fn is_done(self) -> bool {
        matches!(
            self,
            QueryState::Succeeded | QueryState::Failed | QueryState::Cancelled
        )
    }
}

/// What GetQueryExecution says about a query.
#[derive(Debug, Clone)]
pub struct Execution {
    pub id: String,
    pub state: QueryState,
    pub reason: Option<String>,
    /// DML, DDL or UTILITY.
    pub statement_type: Option<String>,
    pub data_scanned_bytes: Option<i64>,
    pub engine_ms: Option<i64>,
    pub total_ms: Option<i64>,
    pub output_location: Option<String>,
}

/// One column of a result set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    /// Athena's type name: varchar, integer, bigint, double, boolean, date, timestamp...
    pub kind: String,
}

/// One page of GetQueryResults.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The column metadata (every page carries it).
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Option<String>>>,
    pub next_token: Option<String>,
}

/// A table as the Athena catalog describes it (GetTableMetadata).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableMeta {
    pub columns: Vec<String>,
    pub partition_keys: Vec<String>,
    /// Table properties (`projection.*`, `storage.location.template`, …) and `location`.
    pub parameters: std::collections::BTreeMap<String, String>,
}

impl Aws {
    /// Run one statement (DDL) to the end: start it, poll until it is done; an error unless it
    /// succeeded.
    pub async fn run_statement(&self, q: &QuerySpec) -> Result<()> {
        let id = self.start_query(q).await?;
        let mut delay = std::time::Duration::from_millis(100);
        loop {
            let exec = self.query_execution(&id).await?;
            match exec.state {
                QueryState::Succeeded => return Ok(()),
                QueryState::Failed | QueryState::Cancelled => {
                    return Err(failed(format!(
                        "Athena query {id} ({}) {}: {}",
                        q.sql.lines().next().unwrap_or_default(),
                        exec.state.as_str().to_ascii_lowercase(),
                        exec.reason.as_deref().unwrap_or("Athena gave no reason")
                    )))
                }
                _ => {}
            }
            tokio::time::sleep(delay).await;
            delay = delay.mul_f64(1.5).min(std::time::Duration::from_secs(5));
        }
    }

    /// Athena GetTableMetadata in the AwsDataCatalog; None when the database or table does
    /// not exist (MetadataException).
    pub async fn table_metadata(&self, db: &str, table: &str) -> Result<Option<TableMeta>> {
        let out = match self
            .athena()
            .get_table_metadata()
            .catalog_name("AwsDataCatalog")
            .database_name(db)
            .table_name(table)
            .send()
            .await
        {
            Ok(o) => o,
            Err(e)
                if matches!(
                    super::error::code(&e),
                    Some("MetadataException" | "EntityNotFoundException")
                ) =>
            {
                return Ok(None)
            }
            Err(e) => return Err(classify("athena:GetTableMetadata", e)),
        };
        let Some(t) = out.table_metadata else {
            return Ok(None);
        };
        let names = |cols: Option<Vec<aws_sdk_athena::types::Column>>| {
            cols.unwrap_or_default()
                .into_iter()
                .map(|c| format!("{} {}", c.name, c.r#type.unwrap_or_default()))
                .collect()
        };
        Ok(Some(TableMeta {
            columns: names(t.columns),
            partition_keys: names(t.partition_keys),
            parameters: t.parameters.unwrap_or_default().into_iter().collect(),
        }))
    }

    /// StartQueryExecution; returns the execution id.
    pub async fn start_query(&self, q: &QuerySpec) -> Result<String> {
        use aws_sdk_athena::types::{QueryExecutionContext, ResultConfiguration};
        let mut req = self.athena().start_query_execution().query_string(&q.sql);
        if q.database.is_some() || q.catalog.is_some() {
            req = req.query_execution_context(
                QueryExecutionContext::builder()
                    .set_database(q.database.clone())
                    .set_catalog(q.catalog.clone())
                    .build(),
            );
        }
        if let Some(w) = &q.workgroup {
            req = req.work_group(w);
        }
        if let Some(o) = &q.output_location {
            req =
                req.result_configuration(ResultConfiguration::builder().output_location(o).build());
        }
        if !q.params.is_empty() {
            req = req.set_execution_parameters(Some(q.params.clone()));
        }
        let out = req
            .send()
            .await
            .map_err(|e| classify("athena:StartQueryExecution", e))?;
        out.query_execution_id
            .ok_or_else(|| failed("athena:StartQueryExecution returned no execution id"))
    }

    pub async fn query_execution(&self, id: &str) -> Result<Execution> {
        use aws_sdk_athena::types::QueryExecutionState as S;
        let out = self
            .athena()
            .get_query_execution()
            .query_execution_id(id)
            .send()
            .await
            .map_err(|e| classify("athena:GetQueryExecution", e))?;
        let qe = out.query_execution.ok_or_else(|| {
            failed(format!(
                "athena:GetQueryExecution returned nothing for {id}"
            ))
        })?;
        let status = qe.status.as_ref();
        let state = match status.and_then(|s| s.state.as_ref()) {
            Some(S::Queued) => QueryState::Queued,
            Some(S::Running) => QueryState::Running,
            Some(S::Succeeded) => QueryState::Succeeded,
            Some(S::Failed) => QueryState::Failed,
            Some(S::Cancelled) => QueryState::Cancelled,
            _ => QueryState::Running,
        };
        let stats = qe.statistics.as_ref();
        Ok(Execution {
            id: id.to_string(),
            state,
            reason: status.and_then(|s| s.state_change_reason.clone()),
            statement_type: qe.statement_type.as_ref().map(|t| t.as_str().to_string()),
            data_scanned_bytes: stats.and_then(|s| s.data_scanned_in_bytes),
            engine_ms: stats.and_then(|s| s.engine_execution_time_in_millis),
            total_ms: stats.and_then(|s| s.total_execution_time_in_millis),
            output_location: qe
                .result_configuration
                .as_ref()
                .and_then(|r| r.output_location.clone()),
        })
    }

    /// One page of results (at most `max` rows; Athena allows 1,000).
    pub async fn query_results_page(
        &self,
        client: &aws_sdk_athena::Client,
        id: &str,
        next_token: Option<String>,
        max: i32,
    ) -> Result<Page> {
        let out = client
            .get_query_results()
            .query_execution_id(id)
            .set_next_token(next_token)
            .max_results(max)
            .send()
            .await
            .map_err(|e| classify("athena:GetQueryResults", e))?;
        let mut page = Page {
            next_token: out.next_token,
            ..Page::default()
        };
        if let Some(rs) = out.result_set {
            if let Some(meta) = rs.result_set_metadata {
                page.columns = meta
                    .column_info
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| Column {
                        name: if c.label.as_deref().is_some_and(|l| !l.is_empty()) {
                            c.label.unwrap_or_default()
                        } else {
                            c.name
                        },
                        kind: c.r#type.to_ascii_lowercase(),
                    })
                    .collect();
            }
            page.rows = rs
                .rows
                .unwrap_or_default()
                .into_iter()
                .map(|r| {
                    r.data
                        .unwrap_or_default()
                        .into_iter()
                        .map(|d| d.var_char_value)
                        .collect()
                })
                .collect();
        }
        Ok(page)
    }

    pub async fn stop_query(&self, id: &str) -> Result<()> {
        self.athena()
            .stop_query_execution()
            .query_execution_id(id)
            .send()
            .await
            .map_err(|e| classify("athena:StopQueryExecution", e))?;
        Ok(())
    }

    /// Remember the query being waited on (None: it is finished), for Ctrl-C (see
    /// [`RunState::stop_running_query`](super::RunState::stop_running_query)).
    pub fn set_running_query(&self, id: Option<&str>) {
        self.run
            .set_running(id.map(|i| (self.athena().clone(), i.to_string())));
    }
}
