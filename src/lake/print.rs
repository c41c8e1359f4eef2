//! Rendering a declared lake's plan: the pipeline's diffs, then each policy's size against its
//! limit and what the lake does not manage.

use super::LakeOutcome;
use crate::error::Result;
use crate::output::Printer;

impl LakeOutcome<'_> {
    /// A lake plan (diff -f, apply -f): the document for scripts, the diffs for people.
    pub fn print(&self, printer: &Printer) -> Result<()> {
        let outcome = self;
        if printer.is_structured() {
            return printer.value(outcome);
        }
        // No change is said once, by the last line, not also by the plan's own "No changes".
        let mut out = if outcome.plan.changes.is_empty() {
            String::new()
        } else {
            printer.render_plan(outcome.plan)
        };
        for d in outcome.drift {
            out.push_str(&format!("{} {d}\n", printer.paint("31", "drift")));
        }
        for name in outcome.undeclared_access_points {
            out.push_str(&format!(
                "{} access point {name} is not in the file (kept; --prune removes the lake's grants in it, and the access point when they are all it holds)\n",
                printer.paint("33", "undeclared")
            ));
        }
        for what in outcome.undeclared_access_grants {
            out.push_str(&format!(
                "{} {what} is not in the file's accessGrants (kept; --prune deletes it)\n",
                printer.paint("33", "undeclared")
            ));
        }
        if !outcome.policies.is_empty() {
            out.push_str("\nPolicies after the change:\n");
        }
        for p in &outcome.policies {
            let pct = (p.size * 100).div_ceil(p.limit.max(1));
            out.push_str(&format!(
                "  {} {}: {} of {} bytes ({pct}%)\n",
                p.target.label(),
                p.resource,
                p.size,
                p.limit
            ));
            if !p.unmanaged.is_empty() {
                out.push_str(&format!(
                    "    unmanaged (kept exactly): {}\n",
                    p.unmanaged.join(", ")
                ));
            }
            if !p.undeclared.is_empty() {
                out.push_str(&format!(
                    "    not declared (kept; --prune removes): {}\n",
                    p.undeclared.join(", ")
                ));
            }
        }
        if !outcome.guardrails.is_empty() {
            out.push_str("\nGuardrails after the change:\n");
        }
        for proof in &outcome.guardrails {
            for (i, line) in proof.lines().into_iter().enumerate() {
                let line = match (i, proof.holds) {
                    (0, true) => printer.paint("32", &line),
                    (0, false) => printer.paint("31", &line),
                    _ => line,
                };
                out.push_str(&format!("  {line}\n"));
            }
        }
        match &outcome.applied {
            None => out.push_str(if outcome.differs {
                "Differences found: `lakegate apply -f` would make these changes.\n"
            } else {
                "No differences: the lake matches the file.\n"
            }),
            Some(a) => out.push_str(&format!(
                "Applied {} change(s); every resource verified.\n",
                a.len()
            )),
        }
        if printer.quiet && outcome.applied.is_some() {
            return Ok(());
        }
        printer.text(&out)
    }
}
