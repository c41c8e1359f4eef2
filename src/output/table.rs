//! kubectl-style tables: upper-case headers, columns separated by three spaces, no borders.

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
/// to it (see [`layout`]); without one (`-o wide`, or stdout not a terminal and no COLUMNS), every
/// cell is shown in full on one line.
pub fn render_cells(
    headers: &[String],
    rows: Vec<Vec<String>>,
    no_headers: bool,
    width: Option<u16>,
) -> String {
    let (headers, rows, gap) = match width {
        None => (headers.to_vec(), rows, GAP),
        Some(w) => match layout(headers, rows, no_headers, usize::from(w)) {
            Layout::Table { headers, rows, gap } => (headers, rows, gap),
            Layout::Stacked { headers, rows } => {
                return stacked(&headers, &rows, usize::from(w));
            }
        },
    };
    let mut widths = natural_widths(&headers, &rows, no_headers);
    if let Some(last) = widths.last_mut() {
        *last = 0; // the last column is not padded
    }
    // Rows whose first cell wraps are set off from each other by a blank line, so that every
    // line is seen to belong to its row (a wrapped cell further right continues under a blank
    // first column, which reads as the same row).
    let spaced = rows
        .iter()
        .any(|r| r.first().is_some_and(|c| c.contains('\n')));
    let mut s = String::new();
    if !no_headers {
        s.push_str(&layout_row(&headers, &widths, gap));
    }
    for (i, r) in rows.iter().enumerate() {
        if spaced && i > 0 {
            s.push('\n');
        }
        s.push_str(&layout_row(r, &widths, gap));
    }
    s
}

/// Each row as `Key: value` lines, rows apart by a blank line (as `kubectl describe` shows a
/// resource): for a table whose identifiers cannot all be shown in columns. Values wrap under
/// themselves; nothing is shortened.
pub fn stacked(headers: &[String], rows: &[Vec<String>], width: usize) -> String {
    let keys: Vec<String> = headers
        .iter()
        .map(|h| format!("{}:", field_name(h)))
        .collect();
    let key_width = keys.iter().map(|k| k.width()).max().unwrap_or(0) + 1;
    let room = width.saturating_sub(key_width).max(16);
    let mut s = String::new();
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        for (k, v) in keys.iter().zip(r) {
            let prose = is_prose(k.trim_end_matches(':'));
            let v = wrap(v, room, prose).replace('\n', &format!("\n{:key_width$}", ""));
            s.push_str(format!("{k:<key_width$}{v}").trim_end());
            s.push('\n');
        }
    }
    s
}

/// A column header as the key of a `Key: value` line: `ACCESS POINT` → `Access point`,
/// `ARN` stays `ARN`.
pub fn field_name(header: &str) -> String {
    const ACRONYMS: [&str; 9] = ["ARN", "ID", "VPC", "URL", "SID", "KMS", "IAM", "S3", "OK"];
    header
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if ACRONYMS.contains(&w) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(c) if i == 0 => c.to_uppercase().chain(chars).collect(),
                _ => lower,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One row of cells (each possibly on several lines) in columns of `widths`, `gap` spaces
/// apart, trailing blanks trimmed: as many lines as its tallest cell.
pub fn layout_row(cells: &[String], widths: &[usize], gap: usize) -> String {
    let lines: Vec<Vec<&str>> = cells.iter().map(|c| c.split('\n').collect()).collect();
    let height = lines.iter().map(Vec::len).max().unwrap_or(1);
    let mut s = String::new();
    for l in 0..height {
        let mut line = String::new();
        for (i, cell) in lines.iter().enumerate() {
            if i > 0 {
                line.extend(std::iter::repeat_n(' ', gap));
            }
            let text = cell.get(l).copied().unwrap_or("");
            line.push_str(text);
            let w = widths.get(i).copied().unwrap_or(0);
            line.extend(std::iter::repeat_n(' ', w.saturating_sub(text.width())));
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// Spaces between columns (kubectl's three); two when three leave no room.
const GAP: usize = 3;

/// An identifier column may be narrowed to this many characters (or its header, or its
/// longest unbreakable part), its values wrapping at their separators.
const MIN_COLUMN: usize = 8;

/// Prose columns (reasons, details) give up width first, down to this many characters.
const MIN_PROSE: usize = 24;

fn text_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// Columns of sentences for people, wrapped at spaces before any other column gives up width.
fn is_prose(header: &str) -> bool {
    matches!(
        header.trim().to_ascii_uppercase().as_str(),
        "REASON" | "DETAIL" | "DETAILS" | "MESSAGE" | "DESCRIPTION" | "NOTE" | "HINT" | "WHY"
    )
}

/// A cell that says nothing: empty, or kubectl's `-`.
fn is_blank(c: &str) -> bool {
    matches!(c.trim(), "" | "-")
}

/// The widest part of `s` that wrapping never splits: the longest run between two places a
/// line may break (see [`BREAKS`]).
fn longest_part(s: &str) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in s.chars() {
        run += ch.width().unwrap_or(0);
        if ch == '\n' || BREAKS.iter().any(|set| set.contains(&ch)) {
            let w = if ch == ' ' || ch == '\n' {
                run - 1
            } else {
                run
            };
            longest = longest.max(w);
            run = 0;
        }
    }
    longest.max(run)
}

/// How a table is shown in a given width.
pub enum Layout {
    /// Columns, cells wrapped where they must be (`\n` in them), `gap` spaces apart.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
        gap: usize,
    },
    /// Each row as `Key: value` lines ([`stacked`]): its identifiers do not fit as columns.
    Stacked {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// How to show a table in `width` columns without cutting anything a person needs to tell rows
/// apart: no cell is elided, so two identifiers never shrink into the same look-alike.
/// 1. if it does not fit, columns empty in every row are dropped;
/// 2. IAM and STS principal ARNs are shortened to their names, as `accesspoint list` shows them
///    (`arn:aws:iam::123456789012:role/app/Reader` → `Reader`, `…:root` → the account id), but
///    only where no two different ARNs of the table would then read the same;
/// 3. prose columns (reason, detail) give up width first (down to 24 characters), then the
///    widest columns, down to eight characters (or their header, or the longest part of a value
///    that has no place to break), with the gap between columns narrowed to two spaces; a cell wider than its column wraps: prose at spaces, lists at commas (one item a
///    line), identifiers at `/`, `:`, `-` and the like;
/// 4. when even that does not fit, each row is shown as `Key: value` lines ([`Layout::Stacked`],
///    with the principals' full ARNs), so every value is whole on a line of its own.
pub fn layout(
    headers: &[String],
    rows: Vec<Vec<String>>,
    no_headers: bool,
    width: usize,
) -> Layout {
    let original = rows.clone();
    let (headers, rows, gap, fits) = fit_columns(headers, rows, no_headers, width, true);
    if fits || no_headers {
        return Layout::Table { headers, rows, gap };
    }
    // The rows as they were, without the dropped columns.
    let kept: Vec<usize> = columns_kept(&headers, &original);
    let rows = original
        .into_iter()
        .map(|r| kept.iter().filter_map(|&i| r.get(i).cloned()).collect())
        .collect();
    Layout::Stacked { headers, rows }
}

/// Which columns of `rows` the fitted `headers` kept (empty columns are dropped in order).
fn columns_kept(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let n = rows.first().map_or(headers.len(), Vec::len);
    if n == headers.len() {
        return (0..n).collect();
    }
    (0..n)
        .filter(|&i| !rows.iter().all(|r| r.get(i).is_none_or(|c| is_blank(c))))
        .collect()
}

/// [`layout`] as a table (never stacked): the headers and rows kept (cells with `\n` where
/// they wrap) and the gap.
pub fn fit(
    headers: &[String],
    rows: Vec<Vec<String>>,
    no_headers: bool,
    width: usize,
) -> (Vec<String>, Vec<Vec<String>>, usize) {
    let (h, r, g, _) = fit_columns(headers, rows, no_headers, width, true);
    (h, r, g)
}

/// Each column's natural width: its widest cell, or its header when headers are shown.
fn natural_widths(headers: &[String], rows: &[Vec<String>], no_headers: bool) -> Vec<usize> {
    (0..headers.len())
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
}

/// Fit the columns (see [`layout`], steps 1 to 3), keeping empty columns when `drop_empty` is
/// false (a streamed table, whose later rows are not known yet). The last value says whether
/// every column kept its floor; if not, the table overflows the width.
pub fn fit_columns(
    headers: &[String],
    mut rows: Vec<Vec<String>>,
    no_headers: bool,
    width: usize,
    drop_empty: bool,
) -> (Vec<String>, Vec<Vec<String>>, usize, bool) {
    let mut headers = headers.to_vec();
    if headers.is_empty() {
        return (headers, rows, GAP, true);
    }
    let natural =
        |headers: &[String], rows: &[Vec<String>]| natural_widths(headers, rows, no_headers);
    let total = |ws: &[usize], gap: usize| ws.iter().sum::<usize>() + gap * (ws.len() - 1);
    if total(&natural(&headers, &rows), GAP) <= width {
        return (headers, rows, GAP, true);
    }
    // 1. Columns that say nothing in any row.
    if drop_empty && !rows.is_empty() && headers.len() > 1 {
        let keep: Vec<bool> = (0..headers.len())
            .map(|i| !rows.iter().all(|r| r.get(i).is_none_or(|c| is_blank(c))))
            .collect();
        if keep.iter().any(|k| *k) && keep.iter().any(|k| !*k) {
            headers = kept(headers, &keep);
            rows = rows.into_iter().map(|r| kept(r, &keep)).collect();
        }
    }
    // 2. Principal ARNs by name, where the names stay distinct.
    if total(&natural(&headers, &rows), GAP) > width {
        let short = PrincipalNames::of(rows.iter().flatten().map(String::as_str));
        for c in rows.iter_mut().flatten() {
            if c.contains("arn:") {
                *c = short.shorten(c);
            }
        }
    }
    let n = headers.len();
    let mut widths = natural(&headers, &rows);
    if total(&widths, GAP) <= width {
        return (headers, rows, GAP, true);
    }
    // 3. Who gives up width, and how far.
    let prose: Vec<bool> = headers.iter().map(|h| is_prose(h)).collect();
    let head_w = |i: usize| {
        if no_headers {
            0
        } else {
            text_width(&headers[i])
        }
    };
    let floors: Vec<usize> = (0..n)
        .map(|i| {
            let unbreakable = if prose[i] {
                0
            } else {
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| longest_part(c))
                    .max()
                    .unwrap_or(0)
            };
            let least = if prose[i] { MIN_PROSE } else { MIN_COLUMN };
            widths[i].min(head_w(i).max(least).max(unbreakable))
        })
        .collect();
    // A table that must wrap gives its columns the room of a narrower gap.
    let gap = 2;
    let shrink = |widths: &mut Vec<usize>, only_prose: bool| {
        while total(widths, gap) > width {
            let widest = (0..n)
                .filter(|&i| widths[i] > floors[i] && (!only_prose || prose[i]))
                .max_by_key(|&i| (widths[i], std::cmp::Reverse(i)));
            match widest {
                Some(i) => widths[i] -= 1,
                None => break,
            }
        }
    };
    let full = widths.clone();
    shrink(&mut widths, true);
    shrink(&mut widths, false);
    let fits = total(&widths, gap) <= width;
    if fits {
        // A column whose wrapped values are narrower than it (`store-events-demo` in 10 is
        // `store-`, `events-`, `demo`) gives the rest back; what is free goes whole to the
        // column it lets show its values on one line, the nearest to that first.
        let used = |i: usize, w: usize| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| text_width(&wrap(c, w, prose[i])))
                .fold(head_w(i), usize::max)
                .min(w)
        };
        for _ in 0..n {
            for (i, w) in widths.iter_mut().enumerate() {
                if *w < full[i] {
                    *w = used(i, *w);
                }
            }
            let free = width.saturating_sub(total(&widths, gap));
            let nearest = (0..n)
                .filter(|&i| full[i] > widths[i] && full[i] - widths[i] <= free)
                .min_by_key(|&i| full[i] - widths[i]);
            match nearest {
                Some(i) => widths[i] = full[i],
                None => break,
            }
        }
    }
    // Wrap what is wider than its column.
    for r in rows.iter_mut() {
        for (i, c) in r.iter_mut().enumerate() {
            let w = widths.get(i).copied().unwrap_or(usize::MAX);
            if text_width(c) > w {
                *c = wrap(c, w, prose.get(i).copied().unwrap_or(false));
            }
        }
    }
    (headers, rows, gap, fits)
}

/// The cells of `v` whose column is kept.
fn kept(v: Vec<String>, keep: &[bool]) -> Vec<String> {
    v.into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c)
        .collect()
}

/// Where a line may break, best first: after a space or a comma (between words and between the
/// items of a list), then after the separators inside identifiers, then after `-`, `_` or `.`.
const BREAKS: [&[char]; 3] = [
    &[' ', ','],
    &['/', ':', '=', ';', '&', '|', '+'],
    &['-', '_', '.'],
];

/// `s` on as many lines as it takes to keep each within `width` columns, nothing left out:
/// each line broken at the best place it has (see [`BREAKS`]), between two characters only when
/// it has none. A list (`a,b,c`) that does not fit is one item a line; `prose` breaks at spaces
/// alone, before falling back to the rest.
pub fn wrap(s: &str, width: usize, prose: bool) -> String {
    let width = width.max(1);
    let mut out: Vec<String> = Vec::new();
    for line in s.split('\n') {
        if !prose && line.width() > width && line.contains(',') && !line.contains(' ') {
            // One item a line, each wrapped on its own if it must be.
            let items: Vec<&str> = line.split(',').collect();
            for (k, item) in items.iter().enumerate() {
                let item = if k + 1 < items.len() {
                    format!("{item},")
                } else {
                    item.to_string()
                };
                out.extend(wrap_line(&item, width));
            }
        } else {
            out.extend(wrap_line(line, width));
        }
    }
    out.join("\n")
}

fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest: &str = line;
    while rest.width() > width {
        // The longest start of `rest` within the width (at least one character).
        let mut fit_end = 0;
        let mut used = 0;
        for (i, ch) in rest.char_indices() {
            let w = ch.width().unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            fit_end = i + ch.len_utf8();
        }
        if fit_end == 0 {
            fit_end = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        // A space right after the fitting part is as good a break as one inside it.
        let window_end = match rest[fit_end..].chars().next() {
            Some(' ') => fit_end + 1,
            _ => fit_end,
        };
        let window = &rest[..window_end];
        let cut = BREAKS
            .iter()
            .find_map(|set| {
                window
                    .char_indices()
                    .filter(|(i, c)| set.contains(c) && *i > 0)
                    .map(|(i, c)| i + c.len_utf8())
                    .rfind(|&end| end <= window_end && end < rest.len())
                    // A break in the first quarter leaves a line of almost nothing: look further.
                    .filter(|&end| rest[..end].width() * 4 > width)
            })
            .unwrap_or(fit_end);
        let (head, tail) = rest.split_at(cut);
        // A break after a space just past the width: the space goes with it.
        out.push(head.trim_end().to_string());
        rest = tail.trim_start_matches(' ');
    }
    out.push(rest.to_string());
    out
}

/// `s` in at most `width` columns: the start and the end of it around `…` (for text that is
/// not an identifier, such as a sample of a value).
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

/// The names principal ARNs are shortened to in one table, where they stay distinct: an ARN
/// keeps its full text when another ARN of the same table has the same short name
/// (`arn:aws:iam::111122223333:role/Reader` and `arn:aws:iam::444455556666:role/Reader`).
pub struct PrincipalNames {
    ambiguous: std::collections::HashSet<String>,
}

impl PrincipalNames {
    /// The principal ARNs of `cells`, and which short names two of them share.
    pub fn of<'a>(cells: impl Iterator<Item = &'a str>) -> Self {
        let mut seen: std::collections::HashMap<String, String> = Default::default();
        let mut ambiguous = std::collections::HashSet::new();
        for c in cells.filter(|c| c.contains("arn:")) {
            for token in c.split(|ch: char| ch == ',' || ch.is_whitespace()) {
                let short = short_principal_arn(token);
                if short == token {
                    continue;
                }
                match seen.get(&short) {
                    Some(full) if full != token => {
                        ambiguous.insert(short);
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(short, token.to_string());
                    }
                }
            }
        }
        PrincipalNames { ambiguous }
    }

    /// `s` with each principal ARN by its name, unless that name is ambiguous here.
    pub fn shorten(&self, s: &str) -> String {
        map_tokens(s, |t| {
            let short = short_principal_arn(t);
            if self.ambiguous.contains(&short) {
                t.to_string()
            } else {
                short
            }
        })
    }
}

fn map_tokens(s: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut token = String::new();
    for ch in s.chars() {
        if ch == ',' || ch.is_whitespace() {
            out.push_str(&f(&token));
            token.clear();
            out.push(ch);
        } else {
            token.push(ch);
        }
    }
    out.push_str(&f(&token));
    out
}

/// Every IAM or STS principal ARN in `s` (separated by commas or spaces) as its name:
/// `arn:aws:iam::123456789012:role/path/Name` → `Name`, `arn:aws:iam::123456789012:root` →
/// `123456789012`, `arn:aws:sts::123456789012:assumed-role/Role/session` → `Role/session`.
/// Other ARNs (buckets, access points, objects) are kept: their end is what matters, and
/// eliding the middle keeps it.
pub fn shorten_principal_arns(s: &str) -> String {
    map_tokens(s, short_principal_arn)
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

    /// Whether `c` (blanks aside) is spelled by consecutive-or-not tokens of `out` in order:
    /// a value wrapped over lines of its column is read back, whatever columns sit between.
    fn spelled(out: &str, c: &str) -> bool {
        let c: String = c.split_whitespace().collect();
        let mut pos = 0;
        for t in out.split_whitespace() {
            if pos < c.len() && c[pos..].starts_with(t) {
                pos += t.len();
            }
        }
        pos == c.len()
    }

    /// Every line within `width`, and every cell's text all there (read back in order).
    fn assert_whole(out: &str, width: usize, cells: &[&str]) {
        for l in out.lines() {
            assert!(l.width() <= width, "{width}: {l}\n{out}");
        }
        for c in cells {
            assert!(spelled(out, c), "{c} cut:\n{out}");
        }
        assert!(!out.contains('…'), "{out}");
    }

    #[test]
    fn a_wide_table_fits_the_width_and_cuts_nothing() {
        let headers = strings(&["PRINCIPAL", "PREFIX", "ACCESS", "CONDITIONS"]);
        let rows = vec![strings(&[
            "arn:aws:iam::123456789012:role/service-role/AVeryLongRoleNameForTheConsumer",
            "sales_event/2024/01/01/some/deep/prefix/that/goes/on/and/on/",
            "read-write",
            "aws:SecureTransport=true aws:SourceVpce=vpce-0123456789abcdef0",
        ])];
        for width in [40, 60, 80] {
            let out = render_cells(&headers, rows.clone(), false, Some(width));
            let first = out.lines().next().unwrap();
            if width == 80 {
                for h in &headers {
                    assert!(first.contains(h.as_str()), "{width}: header {h}:\n{out}");
                }
            } else {
                // Too narrow for these identifiers as columns: one `Key: value` line each.
                assert!(first.starts_with("Principal:"), "{width}:\n{out}");
            }
            assert_whole(
                &out,
                usize::from(width),
                &[
                    "AVeryLongRoleNameForTheConsumer",
                    "sales_event/2024/01/01/some/deep/prefix/that/goes/on/and/on/",
                    "aws:SourceVpce=vpce-0123456789abcdef0",
                ],
            );
        }
        let full = render_cells(&headers, rows.clone(), false, None);
        assert!(full.contains("AVeryLongRoleNameForTheConsumer"));
        assert!(full.contains("arn:aws:iam::"));
        assert_eq!(full.lines().count(), 2);
    }

    #[test]
    fn two_principals_are_two_lines_not_one_look_alike() {
        let headers = strings(&["NAME", "BUCKET", "ORIGIN", "PREFIXES", "PRINCIPALS"]);
        let rows = vec![strings(&[
            "consumer-with-a-long-access-point-name",
            "a-rather-long-bucket-name-for-width",
            "Internet",
            "sales_event/",
            "arn:aws:iam::123456789012:role/AnalystRole,arn:aws:iam::123456789012:role/LambdaConsumerRole",
        ])];
        let out = render_cells(&headers, rows, false, Some(80));
        assert_whole(&out, 80, &["AnalystRole,", "LambdaConsumerRole"]);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].trim_end().ends_with("AnalystRole,"), "{out}");
        assert!(lines[2].trim_end().ends_with("LambdaConsumerRole"), "{out}");
    }

    #[test]
    fn empty_columns_go_first_and_prose_wraps_at_spaces() {
        let headers = strings(&["PRINCIPAL", "BUCKET", "CONDITIONS", "FINDING", "REASON"]);
        let rows = vec![
            strings(&[
                "arn:aws:iam::123456789012:role/Ec2ConsumerRole",
                "a-rather-long-bucket-name-for-width",
                "-",
                "",
                "the access point policy allows s3:GetObject on this prefix for the role",
            ]),
            strings(&[
                "arn:aws:iam::123456789012:role/LambdaProducerRole",
                "a-rather-long-bucket-name-for-width",
                "-",
                "",
                "no statement allows it",
            ]),
        ];
        let out = render_cells(&headers, rows, false, Some(80));
        assert!(
            !out.contains("CONDITIONS") && !out.contains("FINDING"),
            "{out}"
        );
        assert_whole(
            &out,
            80,
            &["a-rather-long-bucket-name-for-width", "Ec2ConsumerRole"],
        );
        // Words are never split.
        for w in [
            "the",
            "access",
            "point",
            "policy",
            "allows",
            "s3:GetObject",
            "prefix",
        ] {
            assert!(out.split_whitespace().any(|x| x == w), "{w}:\n{out}");
        }
        // The first column does not wrap: each row's lines read as one, no blank line needed.
        assert!(!out.contains("\n\n"), "{out}");
    }

    #[test]
    fn same_named_principals_of_two_accounts_keep_their_arns() {
        let headers = strings(&["PRINCIPAL", "PREFIX", "ACCESS", "NOTE"]);
        let rows = vec![
            strings(&[
                "arn:aws:iam::111122223333:role/Reader",
                "a/",
                "read",
                &"x".repeat(30),
            ]),
            strings(&["arn:aws:iam::444455556666:role/Reader", "b/", "read", "y"]),
            strings(&["arn:aws:iam::444455556666:role/Writer", "c/", "write", "z"]),
        ];
        let out = render_cells(&headers, rows, false, Some(60));
        assert!(
            spelled(&out, "arn:aws:iam::111122223333:role/Reader"),
            "{out}"
        );
        assert!(
            spelled(&out, "arn:aws:iam::444455556666:role/Reader"),
            "{out}"
        );
        assert!(
            out.contains("Writer") && !spelled(&out, ":role/Writer"),
            "{out}"
        );
    }

    #[test]
    fn wrapping_breaks_at_the_best_place() {
        assert_eq!(wrap("abc def ghi", 7, true), "abc def\nghi");
        assert_eq!(
            wrap(
                "arn:aws:s3:us-east-1:123456789012:accesspoint/consumer",
                30,
                false
            ),
            "arn:aws:s3:us-east-1:\n123456789012:accesspoint/\nconsumer"
        );
        assert_eq!(wrap("a,b,c", 3, false), "a,\nb,\nc");
        assert_eq!(
            wrap("LakegateGrant0123456789", 10, false),
            "LakegateGr\nant0123456\n789"
        );
        for (s, w) in [("x y", 1), ("日本語のテキスト", 5), ("a/b/c/d/e", 2)] {
            let out = wrap(s, w, false);
            assert!(out.lines().all(|l| l.width() <= w.max(2)), "{out}");
            let joined: String = out.lines().collect::<Vec<_>>().join("");
            assert_eq!(joined.replace(' ', ""), s.replace(' ', ""));
        }
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
