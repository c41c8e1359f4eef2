//! Query results streamed to stdout in the format asked for, a row at a time (`athena query`,
//! `athena results`, `audit query`): the verbs feed rows, this decides how they look.

use super::Printer;
use crate::aws::athena::Column;
use crate::error::{failed, Result};
use crate::settings::OutputFormat;
use serde_json::{Map, Value};
use std::io::{BufWriter, StdoutLock, Write};

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
pub enum ResultSink {
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
        /// Too narrow for the columns: each row as `Key: value` lines (`table::stacked`), and
        /// how many rows are out.
        stacked: Option<usize>,
    },
}

const TABLE_SAMPLE: usize = 200;

impl ResultSink {
    pub fn new(printer: &Printer, columns: Vec<Column>) -> ResultSink {
        if printer.has_query() || printer.format == OutputFormat::Name {
            return ResultSink::Gather {
                printer: Box::new(printer.clone()),
                columns,
                rows: Vec::new(),
            };
        }
        let out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        match printer.format {
            OutputFormat::Csv => {
                let mut w = csv::WriterBuilder::new().from_writer(out);
                if !printer.no_headers && !columns.is_empty() {
                    let _ = w.write_record(columns.iter().map(|c| c.name.as_str()));
                }
                ResultSink::Csv(Box::new(w))
            }
            OutputFormat::Json => ResultSink::Json {
                out,
                columns,
                count: 0,
            },
            OutputFormat::Yaml => ResultSink::Yaml {
                out,
                columns,
                count: 0,
            },
            OutputFormat::Table | OutputFormat::Wide | OutputFormat::Name => ResultSink::Table {
                out,
                columns,
                no_headers: printer.no_headers,
                widths: None,
                pending: Vec::new(),
                fit_to: printer.table_width().map(usize::from),
                fitted: false,
                gap: 3,
                stacked: None,
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

    pub fn row(&mut self, row: &[Option<String>]) -> Result<()> {
        match self {
            ResultSink::Gather { columns, rows, .. } => {
                rows.push(Value::Object(ResultSink::object(columns, row)));
                Ok(())
            }
            ResultSink::Csv(w) => w
                .write_record(row.iter().map(|v| v.as_deref().unwrap_or("")))
                .map_err(csv_error),
            ResultSink::Json {
                out,
                columns,
                count,
            } => {
                out.write_all(if *count == 0 { b"[\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut *out, &ResultSink::object(columns, row))
                    .map_err(|e| failed(format!("cannot write JSON: {e}")))?;
                *count += 1;
                Ok(())
            }
            ResultSink::Yaml {
                out,
                columns,
                count,
            } => {
                let text = crate::output::yaml::to_yaml(&Value::Array(vec![Value::Object(
                    ResultSink::object(columns, row),
                )]));
                out.write_all(text.as_bytes())?;
                *count += 1;
                Ok(())
            }
            ResultSink::Table {
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
        let ResultSink::Table {
            out,
            columns,
            no_headers,
            widths,
            pending,
            fit_to,
            fitted,
            gap,
            stacked,
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
                            .flat_map(|c| c.split('\n').map(|l| l.chars().count()))
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
                    let original = rows.clone();
                    let (h, r, g, fits) =
                        table::fit_columns(&head, rows, *no_headers, limit, false);
                    if !fits && !*no_headers {
                        // The columns cannot be shown whole: a record per row, every value.
                        *stacked = Some(0);
                        *widths = Some(Vec::new());
                        pending.extend(
                            original
                                .into_iter()
                                .map(|r| r.into_iter().map(Some).collect::<Vec<_>>()),
                        );
                        return flush_stacked(out, &head, pending, limit, stacked);
                    }
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
        } else if stacked.is_some() {
            let head: Vec<String> = columns.iter().map(|c| c.name.to_uppercase()).collect();
            pending.extend(
                rows.into_iter()
                    .map(|r| r.into_iter().map(Some).collect::<Vec<_>>()),
            );
            return flush_stacked(out, &head, pending, fit_to.unwrap_or(80), stacked);
        } else if *fitted {
            let w = widths.as_deref().unwrap_or_default();
            for r in rows.iter_mut() {
                for (i, c) in r.iter_mut().enumerate() {
                    if let Some(&max) = w.get(i) {
                        if c.chars().count() > max {
                            *c = table::wrap(c, max, false);
                        }
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

    pub fn finish(mut self) -> Result<()> {
        if matches!(self, ResultSink::Table { .. }) {
            self.flush_table()?;
        }
        match self {
            ResultSink::Csv(mut w) => w.flush()?,
            ResultSink::Json { mut out, count, .. } => {
                out.write_all(if count == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
            }
            ResultSink::Yaml { mut out, count, .. } => {
                if count == 0 {
                    out.write_all(b"[]\n")?;
                }
                out.flush()?;
            }
            ResultSink::Table { mut out, .. } => out.flush()?,
            ResultSink::Gather { printer, rows, .. } => printer.value(&rows)?,
        }
        Ok(())
    }
}

/// Pending rows as `Key: value` records, a blank line between two.
fn flush_stacked(
    out: &mut impl Write,
    head: &[String],
    pending: &mut Vec<Vec<Option<String>>>,
    width: usize,
    written: &mut Option<usize>,
) -> Result<()> {
    for r in pending.drain(..) {
        let n = written.get_or_insert(0);
        if *n > 0 {
            out.write_all(b"\n")?;
        }
        let cells: Vec<String> = r
            .into_iter()
            .map(|v| v.unwrap_or_else(|| "NULL".into()))
            .collect();
        let text = crate::output::table::stacked(head, &[cells], width);
        out.write_all(text.as_bytes())?;
        *n += 1;
    }
    Ok(())
}

pub(crate) fn csv_error(e: csv::Error) -> crate::error::CliError {
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
    let cells: Vec<String> = cells.map(str::to_owned).collect();
    // Cells may be wrapped onto several lines (a fitted table cuts nothing).
    let text = crate::output::table::layout_row(&cells, widths, gap);
    out.write_all(text.as_bytes())?;
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
}
