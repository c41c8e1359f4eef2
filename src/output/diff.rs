//! Unified diffs of policy documents for --dry-run.

use similar::{ChangeTag, TextDiff};

/// Render a unified diff between two texts, with `---`/`+++` labels; coloured when asked.
pub fn render_diff(before: &str, after: &str, label: &str, color: bool) -> String {
    let diff = TextDiff::from_lines(before, after);
    let (red, green, cyan, bold, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let mut out = String::new();
    out.push_str(&format!("{bold}--- {label} (current){reset}\n"));
    out.push_str(&format!("{bold}+++ {label} (planned){reset}\n"));
    for group in diff.grouped_ops(3) {
        let first = &group[0];
        let last = &group[group.len() - 1];
        let old_start = first.old_range().start;
        let old_len = last.old_range().end - old_start;
        let new_start = first.new_range().start;
        let new_len = last.new_range().end - new_start;
        out.push_str(&format!(
            "{cyan}@@ -{},{} +{},{} @@{reset}\n",
            old_start + usize::from(old_len > 0),
            old_len,
            new_start + usize::from(new_len > 0),
            new_len
        ));
        for op in group {
            for change in diff.iter_changes(&op) {
                let (sign, c) = match change.tag() {
                    ChangeTag::Delete => ("-", red),
                    ChangeTag::Insert => ("+", green),
                    ChangeTag::Equal => (" ", ""),
                };
                let text = change.value();
                let text = text.strip_suffix('\n').unwrap_or(text);
                if c.is_empty() {
                    out.push_str(&format!("{sign}{text}\n"));
                } else {
                    out.push_str(&format!("{c}{sign}{text}{reset}\n"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_added_and_removed_lines() {
        let d = render_diff("a\nb\nc\n", "a\nc\nd\n", "policy", false);
        assert!(d.contains("-b\n"), "{d}");
        assert!(d.contains("+d\n"), "{d}");
        assert!(d.starts_with("--- policy (current)\n+++ policy (planned)\n"));
    }

    #[test]
    fn identical_texts_have_no_hunks() {
        let d = render_diff("a\n", "a\n", "p", false);
        assert!(!d.contains("@@"));
    }
}
