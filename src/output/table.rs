//! kubectl-style tables: upper-case headers, columns separated by three spaces, no borders.

use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Table};

/// One cell of a table or CSV row.
#[derive(Debug, Clone)]
pub struct Cell(pub String);

impl Cell {
    pub fn plain(&self) -> &str {
        &self.0
    }

    /// The text, or `-` when it is empty (kubectl's way of showing "none" in a table).
    pub fn or_dash(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell("-".into())
        } else {
            Cell(s)
        }
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(s: T) -> Self {
        Cell(s.into())
    }
}

/// A type that can be printed as a table row.
pub trait Row {
    /// Column headers; `wide` adds the columns of `-o wide` (and CSV).
    fn headers(wide: bool) -> Vec<&'static str>;
    fn cells(&self, wide: bool) -> Vec<Cell>;

    /// `-o name` (kubectl's): the resource kind of a list's rows, printed as `KIND/NAME`.
    fn kind() -> Option<&'static str> {
        None
    }

    /// `-o name`: this row's name.
    fn name(&self) -> Option<String> {
        None
    }
}

pub fn render<T: Row>(rows: &[T], wide: bool, no_headers: bool, width: Option<u16>) -> String {
    let headers: Vec<String> = T::headers(wide).iter().map(|h| h.to_string()).collect();
    let cells = rows
        .iter()
        .map(|r| r.cells(wide).into_iter().map(|c| c.0).collect())
        .collect();
    render_cells(&headers, cells, no_headers, width)
}

/// A table of any columns (the rows of a `--query` result, say).
pub fn render_cells(
    headers: &[String],
    rows: Vec<Vec<String>>,
    no_headers: bool,
    width: Option<u16>,
) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    match width {
        Some(w) => {
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(w);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if !no_headers {
        t.set_header(headers.iter().cloned());
    }
    for r in rows {
        t.add_row(r);
    }
    for (i, col) in t.column_iter_mut().enumerate() {
        col.set_padding((0, if i + 1 == headers.len() { 0 } else { 3 }));
        col.set_cell_alignment(CellAlignment::Left);
        if width.is_none() {
            col.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let mut s = String::new();
    for line in t.lines() {
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}
