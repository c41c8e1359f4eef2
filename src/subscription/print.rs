//! The one line people read of a subscription outcome, and the JSON object scripts read.

use super::Outcome;
use crate::error::Result;
use crate::session::Session;

/// Print an outcome: the JSON object for scripts (and handle-event), one line for people.
///
/// Under --dry-run the plan is the one document, printed by the pipeline; a skipped or ignored
/// request has no plan, so its outcome is printed instead.
pub fn print_outcome(session: &Session, o: &Outcome) -> Result<()> {
    let planned = matches!(o.action.as_str(), "grant" | "revoke");
    if o.dry_run && planned && session.printer.is_structured() {
        return Ok(());
    }
    session.printer.result(o, || {
        if o.dry_run {
            session.printer.status(&o.message);
            return Ok(());
        }
        let mut line = format!("subscription request {}: {}", o.request_id, o.message);
        if !o.access_grants.is_empty() && !o.dry_run {
            line.push_str(&format!("; access grants: {}", o.access_grants.join(", ")));
        }
        if let Some(a) = &o.access_point_arn {
            line.push_str(&format!(
                "; consumers use access point {a}{}",
                o.access_point_alias
                    .as_ref()
                    .map(|x| format!(" (alias {x})"))
                    .unwrap_or_default()
            ));
        }
        session.printer.done(line)?;
        // What it did to access.
        let delta = crate::plan::Changes {
            delta: o.delta.clone().filter(|d| !d.is_empty()),
            ..Default::default()
        };
        let text = session.printer.render_delta(&delta);
        if text.is_empty() || session.printer.quiet {
            Ok(())
        } else {
            session.printer.text(&text)
        }
    })
}
