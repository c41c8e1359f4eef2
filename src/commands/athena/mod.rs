//! `lakegate athena ...`: run queries and stream their results, page by page.

pub mod query;
pub mod results;

use super::Ctx;
use crate::aws::athena::{Column, Execution, QueryState};
use crate::aws::Aws;
use crate::cli::OutputFormat;
use crate::error::{failed, Result};
use clap::Subcommand;
use serde_json::{Map, Value};
use std::io::{BufWriter, StdoutLock, Write};
use std::time::{Duration, Instant};

#[derive(Debug, Subcommand)]
pub enum AthenaCommand {
    /// Run a query and stream its results (table, CSV, JSON or YAML)
    Query(query::Args),
    /// Fetch the results of a query started earlier (e.g. with --no-wait)
    Results(results::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AthenaCommand) -> Result<()> {
    match cmd {
        AthenaCommand::Query(a) => query::run(ctx, a).await,
        AthenaCommand::Results(a) => results::run(ctx, a).await,
    }
}

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
pub async fn wait(ctx: &Ctx, aws: &Aws, id: &str) -> Result<Execution> {
    let started = Instant::now();
    let spinner = ctx.printer.spinner(format!("query {id}: QUEUED"));
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
pub async fn stream_results(ctx: &Ctx, aws: &Aws, exec: &Execution) -> Result<()> {
    let client = aws.athena();
    let mut sink: Option<Sink> = None;
    let mut token: Option<String> = None;
    let mut rows: u64 = 0;
    let mut first = true;
    let spinner = ctx
        .printer
        .spinner(format!("query {}: fetching results", exec.id));
    loop {
        let page = aws
            .query_results_page(client, &exec.id, token.take(), PAGE_SIZE)
            .await?;
        let sink = sink.get_or_insert_with(|| Sink::new(ctx, page.columns.clone()));
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
        None => Sink::new(ctx, Vec::new()).finish()?,
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
    ctx.printer.status(stats);
    Ok(())
}

/// A value typed by its column: numbers and booleans as such in JSON/YAML, NULL as null.
/// Decimals stay strings (exact), as do dates, timestamps and everything else.
pub fn typed(kind: &str, v: Option<&str>) -> Value {
    let Some(v) = v else { return Value::Null };
    match kind {
        "tinyint" | "smallint" | "integer" | "int" | "bigint" => v
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(v.to_string())),
        "double" | "float" | "real" => v
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(v.to_string())),
        "boolean" => match v {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(v.to_string()),
        },
        _ => Value::String(v.to_string()),
    }
}

/// Where rows go, one at a time: nothing is collected but the first page's column widths.
enum Sink {
    Csv(Box<csv::Writer<BufWriter<StdoutLock<'static>>>>),
    Json {
        out: BufWriter<StdoutLock<'static>>,
        columns: Vec<Column>,
        count: u64,
    },
    Yaml {
        out: BufWriter<StdoutLock<'static>>,
        columns: Vec<Column>,
        count: u64,
    },
    /// Under --query (or -o name): every row, for the printer to query and render at the end.
    Gather {
        printer: Box<crate::output::Printer>,
        columns: Vec<Column>,
        rows: Vec<Value>,
    },
    Table {
        out: BufWriter<StdoutLock<'static>>,
        columns: Vec<Column>,
        no_headers: bool,
        /// Widths fixed by the first rows (a table streams: later wider values overflow, or
        /// are elided when the table is fitted to the terminal).
        widths: Option<Vec<usize>>,
        pending: Vec<Vec<Option<String>>>,
        /// The width to fit (`Printer::table_width`), and whether the first rows needed fitting.
        fit_to: Option<usize>,
        fitted: bool,
        gap: usize,
    },
}

const TABLE_SAMPLE: usize = 200;

impl Sink {
    fn new(ctx: &Ctx, columns: Vec<Column>) -> Sink {
        if ctx.printer.has_query() || ctx.printer.format == OutputFormat::Name {
            return Sink::Gather {
                printer: Box::new(ctx.printer.clone()),
                columns,
                rows: Vec::new(),
            };
        }
        let out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        match ctx.printer.format {
            OutputFormat::Csv => {
                let mut w = csv::WriterBuilder::new().from_writer(out);
                if !ctx.printer.no_headers && !columns.is_empty() {
                    let _ = w.write_record(columns.iter().map(|c| c.name.as_str()));
                }
                Sink::Csv(Box::new(w))
            }
            OutputFormat::Json => Sink::Json {
                out,
                columns,
                count: 0,
            },
            OutputFormat::Yaml => Sink::Yaml {
                out,
                columns,
                count: 0,
            },
            OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name => Sink::Table {
                out,
                columns,
                no_headers: ctx.printer.no_headers,
                widths: None,
                pending: Vec::new(),
                fit_to: ctx.printer.table_width().map(usize::from),
                fitted: false,
                gap: 3,
            },
        }
    }

    fn object(columns: &[Column], row: &[Option<String>]) -> Map<String, Value> {
        let mut m = Map::with_capacity(columns.len());
        for (i, c) in columns.iter().enumerate() {
            let v = row.get(i).and_then(|v| v.as_deref());
            m.insert(c.name.clone(), typed(&c.kind, v));
        }
        m
    }

    fn row(&mut self, row: &[Option<String>]) -> Result<()> {
        match self {
            Sink::Gather { columns, rows, .. } => {
                rows.push(Value::Object(Sink::object(columns, row)));
                Ok(())
            }
            Sink::Csv(w) => w
                .write_record(row.iter().map(|v| v.as_deref().unwrap_or("")))
                .map_err(csv_error),
            Sink::Json {
                out,
                columns,
                count,
            } => {
                out.write_all(if *count == 0 { b"[\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *out, &Sink::object(columns, row))
                    .map_err(|e| failed(format!("cannot write JSON: {e}")))?;
                *count += 1;
                Ok(())
            }
            Sink::Yaml {
                out,
                columns,
                count,
            } => {
                let text = crate::output::yaml::to_yaml(&Value::Array(vec![Value::Object(
                    Sink::object(columns, row),
                )]));
                out.write_all(text.as_bytes())?;
                *count += 1;
                Ok(())
            }
            Sink::Table {
                widths, pending, ..
            } => {
                pending.push(row.to_vec());
                if widths.is_none() && pending.len() < TABLE_SAMPLE {
                    return Ok(());
                }
                self.flush_table()
            }
        }
    }

    fn flush_table(&mut self) -> Result<()> {
        use crate::output::table;
        let Sink::Table {
            out,
            columns,
            no_headers,
            widths,
            pending,
            fit_to,
            fitted,
            gap,
        } = self
        else {
            return Ok(());
        };
        let cell = |v: &Option<String>| v.clone().unwrap_or_else(|| "NULL".into());
        let mut rows: Vec<Vec<String>> = pending
            .drain(..)
            .map(|r| r.iter().map(cell).collect())
            .collect();
        if widths.is_none() {
            let head: Vec<String> = columns.iter().map(|c| c.name.to_uppercase()).collect();
            let natural = |head: &[String], rows: &[Vec<String>]| -> Vec<usize> {
                (0..head.len())
                    .map(|i| {
                        rows.iter()
                            .filter_map(|r| r.get(i))
                            .map(|c| c.chars().count())
                            .fold(head[i].chars().count(), usize::max)
                    })
                    .collect()
            };
            let mut head = head;
            let mut w = natural(&head, &rows);
            // Fitted to the terminal from the first rows, as every other table is.
            if let Some(limit) = *fit_to {
                let total = w.iter().sum::<usize>() + *gap * w.len().saturating_sub(1);
                if total > limit && !w.is_empty() {
                    let (h, r, g) = table::fit(&head, rows, *no_headers, limit);
                    head = h;
                    rows = r;
                    *gap = g;
                    *fitted = true;
                    w = natural(&head, &rows);
                }
            }
            if !*no_headers {
                write_line(out, &w, *gap, head.iter().map(String::as_str))?;
            }
            *widths = Some(w);
        } else if *fitted {
            let w = widths.as_deref().unwrap_or_default();
            for r in rows.iter_mut() {
                for (i, c) in r.iter_mut().enumerate() {
                    if c.contains("arn:") {
                        *c = table::shorten_principal_arns(c);
                    }
                    if let Some(&max) = w.get(i) {
                        *c = table::elide(c, max);
                    }
                }
            }
        }
        let w = widths.as_deref().unwrap_or_default();
        for cells in rows {
            write_line(out, w, *gap, cells.iter().map(String::as_str))?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if matches!(self, Sink::Table { .. }) {
            self.flush_table()?;
        }
        match self {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Json { mut out, count, .. } => {
                out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            Sink::Yaml { mut out, count, .. } => {
                if count == 0 {
                    out.write_all(b"[]\n")?;
                }
                out.flush()?;
            }
            Sink::Table { mut out, .. } => out.flush()?,
            Sink::Gather { printer, rows, .. } => printer.value(&rows)?,
        }
        Ok(())
    }
}

fn csv_error(e: csv::Error) -> crate::error::CliError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => failed(format!("cannot write CSV: {other:?}")),
    }
}

fn write_line<'a>(
    out: &mut impl Write,
    widths: &[usize],
    gap: usize,
    cells: impl Iterator<Item = &'a str>,
) -> Result<()> {
    let mut line = String::new();
    for (i, c) in cells.enumerate() {
        if i > 0 {
            line.extend(std::iter::repeat_n(' ', gap));
        }
        line.push_str(c);
        let w = widths.get(i).copied().unwrap_or(0);
        let n = c.chars().count();
        if n < w {
            line.extend(std::iter::repeat_n(' ', w - n));
        }
    }
    let trimmed = line.trim_end();
    out.write_all(trimmed.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_typed_by_column() {
        assert_eq!(typed("integer", Some("42")), json!(42));
        assert_eq!(typed("bigint", Some("-7")), json!(-7));
        assert_eq!(typed("double", Some("1.5")), json!(1.5));
        assert_eq!(typed("boolean", Some("true")), json!(true));
        assert_eq!(typed("decimal(10,2)", Some("1.10")), json!("1.10"));
        assert_eq!(typed("varchar", Some("x")), json!("x"));
        assert_eq!(typed("varchar", None), Value::Null);
        assert_eq!(typed("integer", Some("n/a")), json!("n/a"));
        assert_eq!(typed("double", Some("NaN")), json!("NaN"));
    }

    #[test]
    fn bytes_are_human() {
        assert_eq!(human_bytes(10), "10 B");
        assert_eq!(human_bytes(2048), "2.0 KB");
    }
}
