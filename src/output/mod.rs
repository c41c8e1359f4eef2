//! The one printer: output formats, colour, quiet/verbose, and where progress bars draw. The
//! only module that writes to stdout and stderr (the crate denies `print!` everywhere else).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod diff;
mod error;
mod plan;
pub mod query;
pub mod results;
pub mod rows;
mod statements;
pub mod table;
pub mod yaml;

pub use diff::render_diff;
pub use error::report_error;
pub use statements::{statement_rows, StatementRow};
pub use table::{short_principal, Cell, Row};

use crate::error::{input_error, Result};
use crate::settings::{ColorChoice, OutputFormat, Settings};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::time::Duration;

/// Bytes that are the whole of stdout, as they are (a shell's completion script).
pub fn raw_to_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Text for stderr, for what runs before or without a printer (usage errors, the Lambda runtime).
pub fn to_stderr(text: &str) {
    eprint!("{text}");
}

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    pub no_headers: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
    progress: bool,
    stdout_tty: bool,
    query: Option<crate::values::Query>,
}

impl Printer {
    pub fn new(g: &Settings) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let color = match g.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && stdout_tty
            }
        };
        let progress = !g.no_progress
            && !g.quiet
            && stderr_tty
            && std::env::var_os("LAKEGATE_NO_PROGRESS").is_none();
        Printer {
            format: g.output,
            no_headers: g.no_headers,
            quiet: g.quiet,
            verbose: g.verbose,
            color,
            progress,
            stdout_tty,
            query: g.query.clone(),
        }
    }

    /// Whether `--query` was given.
    pub fn has_query(&self) -> bool {
        self.query.is_some()
    }

    /// True for the machine-readable formats, where stdout carries only data; also under
    /// `--query`, whose result the printer renders in whatever format was asked for.
    pub fn is_structured(&self) -> bool {
        self.query.is_some()
            || matches!(
                self.format,
                OutputFormat::Json | OutputFormat::Yaml | OutputFormat::Csv | OutputFormat::Name
            )
    }

    /// A spinner on stderr, hidden when progress is unwanted (not a terminal, --no-progress, -q, tests).
    pub fn spinner(&self, message: impl Into<String>) -> ProgressBar {
        let target = if self.progress {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let pb = ProgressBar::with_draw_target(None, target);
        pb.set_style(
            ProgressStyle::with_template("{spinner} {msg} {pos:>}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        pb.set_message(message.into());
        if self.progress {
            pb.enable_steady_tick(Duration::from_millis(100));
        }
        pb
    }

    /// Turn a spinner into a bar of `len` steps ("{bar} 120/1020 policies"), for work whose size
    /// became known; drawn only where the spinner is.
    pub fn to_bar(&self, pb: &ProgressBar, len: u64, message: impl Into<String>) {
        pb.set_message(message.into());
        pb.set_length(len);
        pb.set_position(0);
        pb.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
    }

    /// Text for stdout as it is (a rendered table, a plan's diffs).
    pub fn text(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// One line of a verb's result for people on stdout ("access point x created").
    pub fn line(&self, msg: impl AsRef<str>) -> Result<()> {
        self.text(&format!("{}\n", msg.as_ref()))
    }

    /// The human result line of a verb that changed something ("access point x created") on
    /// stdout; silent under -q, where only data asked for (-o json|yaml, --query) is printed.
    pub fn done(&self, msg: impl AsRef<str>) -> Result<()> {
        if self.quiet {
            return Ok(());
        }
        self.line(msg)
    }

    /// A status line for people on stderr ("created access point ..."), silent under -q.
    pub fn status(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", msg.as_ref());
        }
    }

    /// A warning on stderr, printed even under -q.
    pub fn warn(&self, msg: impl AsRef<str>) {
        let (y, r) = if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("", "")
        };
        eprintln!("{y}warning:{r} {}", msg.as_ref());
    }

    /// Print a serialisable value as JSON or YAML (with `--query`, the query's result, in any
    /// format).
    pub fn value<T: Serialize>(&self, value: &T) -> Result<()> {
        if let Some(q) = &self.query {
            let v = serde_json::to_value(value)
                .map_err(|e| input_error(format!("cannot render JSON: {e}")))?;
            let result = q.apply(&v).map_err(input_error)?;
            return self.json_any(&result);
        }
        if self.format == OutputFormat::Name {
            return Err(name_unsupported());
        }
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Yaml => {
                let v = serde_json::to_value(value)
                    .map_err(|e| input_error(format!("cannot render YAML: {e}")))?;
                let s = yaml::to_yaml(&v);
                out.write_all(s.as_bytes())?;
            }
            _ => {
                serde_json::to_writer_pretty(&mut out, value)
                    .map_err(|e| input_error(format!("cannot render JSON: {e}")))?;
                out.write_all(b"\n")?;
            }
        }
        out.flush()?;
        Ok(())
    }

    /// Print rows in the chosen format: a table for people, JSON/YAML arrays or CSV for scripts.
    pub fn rows<T: Row + Serialize>(&self, rows: &[T]) -> Result<()> {
        if self.query.is_some() {
            return self.value(&rows);
        }
        match self.format {
            OutputFormat::Json | OutputFormat::Yaml => self.value(&rows),
            OutputFormat::Csv => self.csv(rows),
            OutputFormat::Name => {
                let kind = T::kind().ok_or_else(name_unsupported)?;
                let mut out = std::io::stdout().lock();
                for r in rows {
                    if let Some(n) = r.name() {
                        writeln!(out, "{kind}/{n}")?;
                    }
                }
                out.flush()?;
                Ok(())
            }
            OutputFormat::Table | OutputFormat::Wide => {
                let wide = self.format == OutputFormat::Wide;
                let text = table::render(rows, wide, self.no_headers, self.table_width());
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())?;
                out.flush()?;
                Ok(())
            }
        }
    }

    /// A verb's result in the format asked for, so that no verb branches on `-o`: `document` for
    /// JSON, YAML and `-o name` (and what `--query` reads), `csv` for CSV, `human` for the table
    /// formats (what people read: fields, tables, verdict lines).
    pub fn show<D: Serialize>(
        &self,
        document: &D,
        csv: impl FnOnce() -> Result<()>,
        human: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        if self.query.is_some() {
            return self.value(document);
        }
        match self.format {
            OutputFormat::Json | OutputFormat::Yaml | OutputFormat::Name => self.value(document),
            OutputFormat::Csv => csv(),
            OutputFormat::Table | OutputFormat::Wide => human(),
        }
    }

    /// `document` for `-o json|yaml` (a `--query` there reads it), `rows` for every other format
    /// (CSV, tables, `-o name`; a `--query` there reads the rows).
    pub fn show_document<D: Serialize>(
        &self,
        document: &D,
        rows: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        match self.format {
            OutputFormat::Json | OutputFormat::Yaml => self.value(document),
            _ => rows(),
        }
    }

    /// This printer, or one printing JSON when the format asked for is for people: for the
    /// callers that are programs (functions, queues), which always get one document.
    pub fn structured_or_json(&self) -> Printer {
        let mut p = self.clone();
        if !self.is_structured() {
            p.format = OutputFormat::Json;
        }
        p
    }

    /// Rows as [`Printer::rows`] prints them; none, for people, is the status line `empty` gives
    /// instead of a bare header (scripts still get their empty array or CSV header).
    pub fn rows_or<T: Row + Serialize>(
        &self,
        rows: &[T],
        empty: impl FnOnce() -> String,
    ) -> Result<()> {
        if rows.is_empty() && !self.is_structured() {
            self.status(empty());
            return Ok(());
        }
        self.rows(rows)
    }

    /// `document` for the formats scripts read (JSON, YAML, CSV, `-o name`, and `--query`);
    /// `human` (result lines, tables) for people.
    pub fn result<D: Serialize>(
        &self,
        document: &D,
        human: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        if self.is_structured() {
            self.value(document)
        } else {
            human()
        }
    }

    /// One record: JSON/YAML as an object, CSV (and a table without headers) as one row, and for
    /// people `Key: value` lines, which keep every value whole at any width (`whoami`).
    pub fn record<T: Row + Serialize>(&self, row: &T) -> Result<()> {
        match self.format {
            OutputFormat::Json | OutputFormat::Yaml => self.value(row),
            OutputFormat::Table | OutputFormat::Wide if !self.no_headers && !self.has_query() => {
                let wide = self.format == OutputFormat::Wide;
                let keys: Vec<String> = T::headers(wide)
                    .iter()
                    .map(|h| table::field_name(h))
                    .collect();
                let pairs: Vec<(&str, String)> = keys
                    .iter()
                    .map(String::as_str)
                    .zip(row.cells(wide).into_iter().map(|c| c.0))
                    .collect();
                self.fields(&pairs)
            }
            _ => self.rows(std::slice::from_ref(row)),
        }
    }

    /// A JSON value (a `--query` result) in the chosen format; tables and CSV from `tabulate`.
    fn json_any(&self, v: &serde_json::Value) -> Result<()> {
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Yaml => out.write_all(yaml::to_yaml(v).as_bytes())?,
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut out, v)
                    .map_err(|e| input_error(format!("cannot render JSON: {e}")))?;
                out.write_all(b"\n")?;
            }
            OutputFormat::Name => return Err(name_unsupported()),
            OutputFormat::Csv => {
                let (headers, rows) = query::tabulate(v);
                let mut w = csv::Writer::from_writer(out);
                let csv_err = |e: csv::Error| input_error(format!("cannot write CSV: {e}"));
                if !self.no_headers {
                    w.write_record(headers.iter().map(|h| h.to_lowercase()))
                        .map_err(csv_err)?;
                }
                for r in rows {
                    w.write_record(r).map_err(csv_err)?;
                }
                w.flush()?;
                return Ok(());
            }
            OutputFormat::Table | OutputFormat::Wide => {
                let (headers, rows) = query::tabulate(v);
                let text = table::render_cells(&headers, rows, self.no_headers, self.table_width());
                out.write_all(text.as_bytes())?;
            }
        }
        out.flush()?;
        Ok(())
    }

    fn csv<T: Row>(&self, rows: &[T]) -> Result<()> {
        let stdout = std::io::stdout();
        let mut w = csv::Writer::from_writer(stdout.lock());
        let csv_err = |e: csv::Error| input_error(format!("cannot write CSV: {e}"));
        if !self.no_headers {
            w.write_record(T::headers(true).iter().map(|h| h.to_lowercase()))
                .map_err(csv_err)?;
        }
        for r in rows {
            w.write_record(r.cells(true).iter().map(|c| c.plain()))
                .map_err(csv_err)?;
        }
        w.flush()?;
        Ok(())
    }

    /// The width tables are fitted to (as gh does): COLUMNS when set, else the terminal's
    /// width when stdout is a terminal (80 if it cannot be read); no limit when stdout is not a
    /// terminal (pipes and files get every cell in full) and under `-o wide`.
    pub fn table_width(&self) -> Option<u16> {
        if self.format == OutputFormat::Wide {
            return None;
        }
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<u16>().ok())
            .filter(|&c| c > 0);
        if columns.is_some() {
            return columns;
        }
        if !self.stdout_tty {
            return None;
        }
        Some(
            terminal_size::terminal_size_of(std::io::stdout())
                .map(|(w, _)| w.0)
                .filter(|&w| w > 0)
                .unwrap_or(80),
        )
    }

    /// `Key:   value` lines (a record shown to people). A value wider than the table width is
    /// wrapped under itself, never cut (it is often an identifier: an ARN, an alias).
    pub fn fields(&self, pairs: &[(&str, String)]) -> Result<()> {
        let key_width = pairs.iter().map(|(k, _)| k.len() + 2).max().unwrap_or(0);
        let mut out = String::new();
        for (k, v) in pairs {
            let v = match self.table_width() {
                Some(w) => {
                    let room = usize::from(w).saturating_sub(key_width).max(16);
                    table::wrap(v, room, false).replace('\n', &format!("\n{:key_width$}", ""))
                }
                None => v.clone(),
            };
            out.push_str(&format!("{:<key_width$}{v}\n", format!("{k}:")));
        }
        self.text(&out)
    }

    /// Colour helpers (no-ops when colour is off).
    pub fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn name_unsupported() -> crate::error::CliError {
    input_error("-o name: this command's output has no names; use it with list commands (bucket list, accesspoint list, subscription list, subscription target list, plugin list)")
}

impl Printer {
    /// Whether to colour what goes to stderr (errors, warnings).
    pub fn stderr_color(&self, choice: ColorChoice) -> bool {
        stderr_color(choice)
    }
}

/// Whether stderr gets colour under `--color choice`.
pub fn stderr_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// The `--color` of a command line clap refused (so there are no parsed flags): the last
/// `--color WHEN` or `--color=WHEN` given, else auto.
pub fn color_choice_of(args: &[std::ffi::OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--color") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            _ => None,
        };
        match value.as_deref() {
            Some("always") => choice = ColorChoice::Always,
            Some("never") => choice = ColorChoice::Never,
            Some("auto") => choice = ColorChoice::Auto,
            _ => {}
        }
    }
    choice
}
