//! kubectl-style tables: upper-case headers, columns separated by three spaces, no borders.

use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Table};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// A table of any columns (the rows of a `--query` result, say). With a width, the table is fitted
/// to it (see [`fit`]); without one (`-o wide`, or stdout not a terminal and no COLUMNS), every
/// cell is shown in full.
pub fn render_cells(
    headers: &[String],
    rows: Vec<Vec<String>>,
    no_headers: bool,
    width: Option<u16>,
) -> String {
    let (headers, rows, gap) = match width {
        Some(w) => fit(headers, rows, no_headers, usize::from(w)),
        None => (headers.to_vec(), rows, GAP),
    };
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    // Cells are already fitted: comfy-table only pads them (its own arrangement wraps inside
    // words: `PRINCIPA`/`L`).
    t.set_content_arrangement(ContentArrangement::Disabled);
    if !no_headers {
        t.set_header(headers.iter().cloned());
    }
    for r in rows {
        t.add_row(r);
    }
    let n = headers.len();
    for (i, col) in t.column_iter_mut().enumerate() {
        col.set_padding((0, if i + 1 == n { 0 } else { gap as u16 }));
        col.set_cell_alignment(CellAlignment::Left);
        col.set_constraint(ColumnConstraint::ContentWidth);
    }
    let mut s = String::new();
    for line in t.lines() {
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// Spaces between columns (kubectl's three); two when three leave no room.
const GAP: usize = 3;

/// Columns keep at least this many characters (or their header, or their content if shorter)
/// before headers are elided too.
const MIN_COLUMN: usize = 6;

fn text_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Fit a table into `width` columns without ever wrapping (so no word is split across lines):
/// 1. if it does not fit, IAM and STS principal ARNs are shortened to their names, as
///    `accesspoint list` shows them (`arn:aws:iam::123456789012:role/app/Reader` → `Reader`,
///    `…:root` → the account id);
/// 2. the widest columns give up width one character at a time, down to their header (at least
///    six characters), with the gap between columns narrowed from three spaces to two if needed;
/// 3. a cell longer than its column loses the middle of its text to `…`, keeping the start and
///    the end (`arn:aws:s3:us-e…ales_event/*`).
///
/// Headers are elided only when even that does not fit. Returns the headers, the rows and the gap.
pub fn fit(
    headers: &[String],
    mut rows: Vec<Vec<String>>,
    no_headers: bool,
    width: usize,
) -> (Vec<String>, Vec<Vec<String>>, usize) {
    let n = headers.len();
    if n == 0 {
        return (headers.to_vec(), rows, GAP);
    }
    let natural = |rows: &[Vec<String>]| -> Vec<usize> {
        (0..n)
            .map(|i| {
                let h = if no_headers {
                    0
                } else {
                    text_width(&headers[i])
                };
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| text_width(c))
                    .fold(h, usize::max)
            })
            .collect()
    };
    let total = |ws: &[usize], gap: usize| ws.iter().sum::<usize>() + gap * (n - 1);
    let mut widths = natural(&rows);
    if total(&widths, GAP) <= width {
        return (headers.to_vec(), rows, GAP);
    }
    for r in rows.iter_mut() {
        for c in r.iter_mut() {
            if c.contains("arn:") {
                *c = shorten_principal_arns(c);
            }
        }
    }
    widths = natural(&rows);
    let mut mins: Vec<usize> = (0..n)
        .map(|i| {
            let h = if no_headers {
                0
            } else {
                text_width(&headers[i])
            };
            widths[i].min(h.max(MIN_COLUMN))
        })
        .collect();
    let gap = if total(&mins, GAP) <= width { GAP } else { 2 };
    if total(&mins, gap) > width {
        for (m, w) in mins.iter_mut().zip(&widths) {
            *m = (*w).min(3);
        }
    }
    while total(&widths, gap) > width {
        let widest = (0..n)
            .filter(|&i| widths[i] > mins[i])
            .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
        match widest {
            Some(i) => widths[i] -= 1,
            None => break,
        }
    }
    let headers = headers
        .iter()
        .zip(&widths)
        .map(|(h, &w)| elide_lines(h, w))
        .collect();
    for r in rows.iter_mut() {
        for (c, &w) in r.iter_mut().zip(&widths) {
            if text_width(c) > w {
                *c = elide_lines(c, w);
            }
        }
    }
    (headers, rows, gap)
}

fn elide_lines(s: &str, width: usize) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    s.lines()
        .map(|l| elide(l, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `s` in at most `width` columns: the start and the end of it around `…`.
pub fn elide(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let keep = width - 1;
    let (head_w, tail_w) = (keep - keep / 2, keep / 2);
    let mut head = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > head_w {
            break;
        }
        used += w;
        head.push(ch);
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for ch in s.chars().rev() {
        let w = ch.width().unwrap_or(0);
        if used + w > tail_w {
            break;
        }
        used += w;
        tail.push(ch);
    }
    head.push('…');
    head.extend(tail.into_iter().rev());
    head
}

/// Every IAM or STS principal ARN in `s` (separated by commas or spaces) as its name:
/// `arn:aws:iam::123456789012:role/path/Name` → `Name`, `arn:aws:iam::123456789012:root` →
/// `123456789012`, `arn:aws:sts::123456789012:assumed-role/Role/session` → `Role/session`.
/// Other ARNs (buckets, access points, objects) are kept: their end is what matters, and
/// eliding the middle keeps it.
pub fn shorten_principal_arns(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        out.push_str(&short_principal_arn(token));
        token.clear();
    };
    for ch in s.chars() {
        if ch == ',' || ch.is_whitespace() {
            flush(&mut token, &mut out);
            out.push(ch);
        } else {
            token.push(ch);
        }
    }
    flush(&mut token, &mut out);
    out
}

fn short_principal_arn(t: &str) -> String {
    let parts: Vec<&str> = t.splitn(6, ':').collect();
    let [arn, _partition, service, "", account, resource] = parts[..] else {
        return t.to_string();
    };
    if arn != "arn" || !matches!(service, "iam" | "sts") || resource.is_empty() {
        return t.to_string();
    }
    if resource == "root" {
        return account.to_string();
    }
    match resource.split_once('/') {
        Some(("assumed-role", rest)) => rest.to_string(),
        Some((_, rest)) => rest.rsplit('/').next().unwrap_or(rest).to_string(),
        None => t.to_string(),
    }
}

/// `arn:aws:iam::123456789012:role/path/Name` → `Name` (tables only; JSON keeps ARNs in full).
pub fn short_principal(p: &str) -> &str {
    if p.ends_with(":root") {
        return p.split(':').nth(4).unwrap_or(p);
    }
    p.rsplit('/').next().unwrap_or(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn elide_keeps_start_and_end_within_the_width() {
        assert_eq!(elide("abcdefghij", 10), "abcdefghij");
        assert_eq!(elide("abcdefghij", 5), "ab…ij");
        assert_eq!(elide("abcdefghij", 6), "abc…ij");
        assert_eq!(elide("abcdefghij", 1), "…");
        assert_eq!(elide("abcdefghij", 0), "");
        assert!(elide("日本語のテキスト", 7).width() <= 7);
    }

    #[test]
    fn principal_arns_shorten_to_names_other_arns_stay() {
        assert_eq!(
            shorten_principal_arns(
                "arn:aws:iam::123456789012:role/app/Reader,arn:aws:iam::111122223333:root"
            ),
            "Reader,111122223333"
        );
        assert_eq!(
            shorten_principal_arns("NOT arn:aws:sts::123456789012:assumed-role/R/s"),
            "NOT R/s"
        );
        let s3 = "arn:aws:s3:::bucket/sales_event/*";
        assert_eq!(shorten_principal_arns(s3), s3);
        assert_eq!(shorten_principal_arns("*"), "*");
    }

    #[test]
    fn a_wide_table_fits_the_width_and_never_wraps() {
        let headers = strings(&["PRINCIPAL", "PREFIX", "ACCESS", "CONDITIONS"]);
        let rows = vec![strings(&[
            "arn:aws:iam::123456789012:role/service-role/AVeryLongRoleNameForTheConsumer",
            "sales_event/2024/01/01/some/deep/prefix/that/goes/on/and/on/",
            "read-write",
            "aws:SecureTransport=true aws:SourceVpce=vpce-0123456789abcdef0",
        ])];
        for width in [40, 60, 80] {
            let out = render_cells(&headers, rows.clone(), false, Some(width));
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), 2, "one line per row, no wrapping:\n{out}");
            for l in &lines {
                assert!(l.width() <= usize::from(width), "{width}: {l}");
            }
            assert!(lines[0].contains("PRINCIPAL"), "{out}");
        }
        let full = render_cells(&headers, rows.clone(), false, None);
        assert!(full.contains("AVeryLongRoleNameForTheConsumer"));
        assert!(full.contains("arn:aws:iam::"));
    }

    #[test]
    fn a_table_that_fits_is_left_alone() {
        let headers = strings(&["NAME", "ARN"]);
        let rows = vec![strings(&["a", "arn:aws:iam::123456789012:role/R"])];
        assert_eq!(
            render_cells(&headers, rows.clone(), false, Some(80)),
            render_cells(&headers, rows, false, None)
        );
    }
}
