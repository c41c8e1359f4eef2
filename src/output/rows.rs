//! Rows rendered as they are computed (`audit report`): CSV and JSON stream to stdout a row at a
//! time, so a pipe sees the first rows long before the last; tables, YAML and `--query` need
//! every row first and are gathered for [`Printer::rows`].

use super::results::csv_error;
use super::{Printer, Row};
use crate::error::{failed, Result};
use crate::settings::OutputFormat;
use serde::Serialize;
use std::io::Write;

/// A row that has a CSV record of its own: every column, as the streamed CSV has them.
pub trait CsvRecord {
    fn csv_header() -> &'static [&'static str];
    fn csv_record(&self) -> Vec<&str>;
}

enum Mode {
    Csv(Box<csv::Writer<std::io::Stdout>>),
    /// How many rows are out.
    Json(usize),
    Gather,
    /// Nothing on stdout (a dry run prints its plan alone).
    Nothing,
}

/// Where rows go as they come.
pub struct RowStream<T> {
    mode: Mode,
    gathered: Vec<T>,
}

impl Printer {
    /// A stream of rows in the output format; `silent` for none on stdout.
    pub fn row_stream<T: Row + Serialize + CsvRecord>(&self, silent: bool) -> Result<RowStream<T>> {
        // A query applies to the whole result, so it needs every row first.
        let mode = match self.format {
            _ if silent => Mode::Nothing,
            _ if self.has_query() => Mode::Gather,
            OutputFormat::Csv => {
                let mut w = csv::Writer::from_writer(std::io::stdout());
                if !self.no_headers {
                    w.write_record(T::csv_header()).map_err(csv_error)?;
                }
                Mode::Csv(Box::new(w))
            }
            OutputFormat::Json => Mode::Json(0),
            _ => Mode::Gather,
        };
        Ok(RowStream {
            mode,
            gathered: Vec::new(),
        })
    }
}

impl<T: Row + Serialize + CsvRecord> RowStream<T> {
    pub fn push(&mut self, r: T) -> Result<()> {
        match &mut self.mode {
            Mode::Csv(w) => w.write_record(r.csv_record()).map_err(csv_error)?,
            Mode::Json(n) => {
                let text = serde_json::to_string(&r)
                    .map_err(|e| failed(format!("cannot render JSON: {e}")))?;
                let mut out = std::io::stdout().lock();
                out.write_all(if *n == 0 { b"[\n  " } else { b",\n  " })?;
                out.write_all(text.as_bytes())?;
                *n += 1;
            }
            Mode::Gather => self.gathered.push(r),
            Mode::Nothing => {}
        }
        Ok(())
    }

    /// What was streamed goes out now (after each bucket), so a pipe sees rows as they come.
    pub fn flush(&mut self) -> Result<()> {
        if let Mode::Csv(w) = &mut self.mode {
            w.flush()?;
        }
        std::io::stdout().flush()?;
        Ok(())
    }

    /// Close the document; gathered rows go to the printer. An empty table prints nothing (the
    /// caller's summary says so); every other rendering, an empty document or query result
    /// included, is the printer's.
    pub fn finish(mut self, printer: &Printer) -> Result<()> {
        match self.mode {
            Mode::Csv(_) => self.flush(),
            Mode::Json(n) => {
                let mut out = std::io::stdout().lock();
                out.write_all(if n == 0 { b"[]\n" } else { b"\n]\n" })?;
                out.flush()?;
                Ok(())
            }
            Mode::Nothing => Ok(()),
            Mode::Gather
                if self.gathered.is_empty()
                    && !printer.has_query()
                    && matches!(printer.format, OutputFormat::Table | OutputFormat::Wide) =>
            {
                Ok(())
            }
            Mode::Gather => printer.rows(&self.gathered),
        }
    }
}
