//! Athena queries run to their end: wait for a query (Ctrl-C stops it), then stream its results
//! page by page to the printer. For `athena query|results` and `audit query`.

use crate::aws::athena::{Execution, QueryState};
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::output::results::ResultSink;
use crate::session::Session;
use std::time::{Duration, Instant};

/// Rows per GetQueryResults page (Athena's maximum).
pub const PAGE_SIZE: i32 = 1000;

fn human_bytes(b: i64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = b as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{b} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// Poll GetQueryExecution with backoff (0.2 s growing to 5 s) until the query is done, showing
/// state, elapsed time and data scanned. While it waits, Ctrl-C stops the query.
pub async fn wait(session: &Session, aws: &Aws, id: &str) -> Result<Execution> {
    let started = Instant::now();
    let spinner = session.printer.spinner(format!("query {id}: QUEUED"));
    aws.set_running_query(Some(id));
    let mut delay = Duration::from_millis(200);
    let result = loop {
        let exec = match aws.query_execution(id).await {
            Ok(e) => e,
            Err(e) => break Err(e),
        };
        let scanned = exec
            .data_scanned_bytes
            .map(|b| format!(", {} scanned", human_bytes(b)))
            .unwrap_or_default();
        spinner.set_message(format!(
            "query {id}: {} {:.1}s{scanned}",
            exec.state.as_str(),
            started.elapsed().as_secs_f64()
        ));
        if exec.state.is_done() {
            break Ok(exec);
        }
        tokio::time::sleep(delay).await;
        delay = (delay.mul_f64(1.5)).min(Duration::from_secs(5));
    };
    aws.set_running_query(None);
    spinner.finish_and_clear();
    let exec = result?;
    match exec.state {
        QueryState::Succeeded => Ok(exec),
        QueryState::Cancelled => Err(failed(format!(
            "query {id} was cancelled{}",
            exec.reason
                .as_deref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        ))),
        _ => Err(failed(format!(
            "query {id} failed: {}",
            exec.reason.as_deref().unwrap_or("Athena gave no reason")
        ))),
    }
}

/// Stream every page of a finished query's results to stdout, then print statistics to stderr.
pub async fn stream_results(session: &Session, aws: &Aws, exec: &Execution) -> Result<()> {
    let client = aws.athena();
    let mut sink: Option<ResultSink> = None;
    let mut token: Option<String> = None;
    let mut rows: u64 = 0;
    let mut first = true;
    let spinner = session
        .printer
        .spinner(format!("query {}: fetching results", exec.id));
    loop {
        let page = aws
            .query_results_page(client, &exec.id, token.take(), PAGE_SIZE)
            .await?;
        let sink =
            sink.get_or_insert_with(|| ResultSink::new(&session.printer, page.columns.clone()));
        let mut page_rows = page.rows.as_slice();
        // SELECT results start with a row of column names; DDL results do not.
        if first && exec.statement_type.as_deref() != Some("DDL") {
            if let Some(head) = page_rows.first() {
                let names: Vec<Option<&str>> =
                    page.columns.iter().map(|c| Some(c.name.as_str())).collect();
                let row: Vec<Option<&str>> = head.iter().map(|v| v.as_deref()).collect();
                if !names.is_empty() && names == row {
                    page_rows = &page_rows[1..];
                }
            }
        }
        first = false;
        for r in page_rows {
            sink.row(r)?;
        }
        rows += page_rows.len() as u64;
        spinner.set_position(rows);
        match page.next_token {
            Some(t) if !t.is_empty() => token = Some(t),
            _ => break,
        }
    }
    spinner.finish_and_clear();
    match sink {
        Some(s) => s.finish()?,
        None => ResultSink::new(&session.printer, Vec::new()).finish()?,
    }
    let mut stats = format!(
        "query {}: {rows} row{}",
        exec.id,
        if rows == 1 { "" } else { "s" }
    );
    if let Some(b) = exec.data_scanned_bytes {
        stats.push_str(&format!(", {} scanned", human_bytes(b)));
    }
    if let Some(ms) = exec.engine_ms {
        stats.push_str(&format!(", engine {:.2}s", ms as f64 / 1000.0));
    }
    if let Some(ms) = exec.total_ms {
        stats.push_str(&format!(", total {:.2}s", ms as f64 / 1000.0));
    }
    if let Some(o) = &exec.output_location {
        stats.push_str(&format!(", results in {o}"));
    }
    session.printer.status(stats);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_human() {
        assert_eq!(human_bytes(10), "10 B");
        assert_eq!(human_bytes(2048), "2.0 KB");
    }
}
