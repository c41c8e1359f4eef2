//! Rendering a plan: a diff per change for people, the plan document for scripts; and the
//! confirmation prompt that shows it.

use super::table::render_cells;
use super::{render_diff, Printer};
use crate::error::Result;
use crate::plan::{ChangeAction, Changes, DryRun};
use crate::policy::eval::delta::Change;
use serde_json::Value;
use std::io::{BufRead, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

impl Printer {
    /// The plan as people read it: one line and a diff per change.
    pub fn render_plan(&self, plan: &Changes) -> String {
        let mut out = String::new();
        if plan.changes.is_empty() {
            out.push_str("No changes: the current state already matches.\n");
        }
        for c in &plan.changes {
            let verb = match c.action {
                ChangeAction::Create => self.paint("32", "create"),
                ChangeAction::Update => self.paint("33", "update"),
                ChangeAction::Delete => self.paint("31", "delete"),
            };
            out.push_str(&format!("{verb} {} {}\n", c.target.label(), c.resource));
            let pretty = |v: &Option<Value>| {
                v.as_ref()
                    .map(|v| serde_json::to_string_pretty(v).unwrap_or_default() + "\n")
                    .unwrap_or_default()
            };
            let (b, a) = match &c.display {
                Some((b, a)) => (b.clone(), a.clone()),
                None => (pretty(&c.before), pretty(&c.after)),
            };
            if !(b.is_empty() && a.is_empty()) {
                out.push_str(&render_diff(&b, &a, c.target.label(), self.color));
            }
        }
        if !plan.changes.is_empty() {
            out.push_str(&self.render_delta(plan));
        }
        out.push_str(&plan.explanation_text);
        out
    }

    /// The access delta of a plan: a table of gained and lost access, what it does beyond what
    /// the command names, and what it could not take into account.
    pub fn render_delta(&self, plan: &Changes) -> String {
        let Some(rows) = &plan.delta else {
            return String::new();
        };
        let mut out = String::new();
        if rows.is_empty() {
            out.push_str("Access delta: no change in access.\n");
        } else {
            out.push_str("Access delta:\n");
            let headers: Vec<String> = [
                "CHANGE",
                "PRINCIPAL",
                "ACCOUNT",
                "EXTERNAL",
                "ROUTE",
                "ACCESS",
                "KEYS",
            ]
            .iter()
            .map(|h| h.to_string())
            .collect();
            let cells = rows
                .iter()
                .map(|r| {
                    let change = match r.change {
                        Change::Gained => self.paint("32", "gained"),
                        Change::Lost => self.paint("31", "lost"),
                    };
                    let mut keys = r.keys.join(", ");
                    if !r.except.is_empty() {
                        keys.push_str(&format!(" except {}", r.except.join(", ")));
                    }
                    if !r.only_if.is_empty() {
                        keys.push_str(&format!(" only if {}", r.only_if.join("; ")));
                    }
                    if !r.restriction.is_empty() {
                        let word = match r.change {
                            Change::Gained => "no longer only if",
                            Change::Lost => "now only if",
                        };
                        keys.push_str(&format!(" ({word} {})", r.restriction.join("; ")));
                    }
                    vec![
                        change,
                        r.principal.clone(),
                        if r.account.is_empty() {
                            "-".to_string()
                        } else {
                            r.account.clone()
                        },
                        if r.external { "yes" } else { "no" }.to_string(),
                        r.route.clone(),
                        r.access.as_str().to_string(),
                        keys,
                    ]
                })
                .collect();
            out.push_str(&render_cells(&headers, cells, false, self.table_width()));
        }
        for a in &plan.also_changes {
            out.push_str(&format!(
                "{} {a}\n",
                self.paint("33", "Also changes access for")
            ));
        }
        for n in &plan.delta_notes {
            out.push_str(&format!("Access delta incomplete: {n}\n"));
        }
        out
    }

    /// Print a plan: the document for scripts, the diffs for people.
    pub fn plan(&self, plan: &Changes, dry_run: bool) -> Result<()> {
        if self.is_structured() {
            return self.value(&DryRun { dry_run, plan });
        }
        let mut out = self.render_plan(plan);
        if dry_run {
            out.push_str("Dry run: nothing was changed.\n");
        }
        self.text(&out)
    }

    /// Whether a person can be asked (stdin and stderr are terminals).
    pub fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// Show the plan on stderr and ask `question` (y/N). The answer is read on a thread of its
    /// own, so that the signal handler keeps running while a person is asked: Ctrl-C at the
    /// prompt ends lakegate at once (exit 130, nothing changed), as it does anywhere else.
    pub async fn ask(&self, plan: &Changes, question: &str) -> Result<bool> {
        let mut chars = question.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        {
            let mut err = std::io::stderr().lock();
            write!(err, "{}{capitalised}? [y/N] ", self.render_plan(plan))?;
            err.flush()?;
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        PROMPT_OPEN.store(true, Ordering::SeqCst);
        std::thread::spawn(move || {
            let mut line = String::new();
            let read = std::io::stdin().lock().read_line(&mut line).map(|_| line);
            let _ = tx.send(read);
        });
        let answer = rx.await;
        PROMPT_OPEN.store(false, Ordering::SeqCst);
        let line = match answer {
            Ok(read) => read?,
            Err(_) => String::new(),
        };
        Ok(matches!(
            line.trim().to_ascii_lowercase().as_str(),
            "y" | "yes"
        ))
    }

    /// After a signal: end the line of a prompt left open, so what follows starts on its own.
    pub fn close_prompt(&self) {
        if PROMPT_OPEN.swap(false, Ordering::SeqCst) {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err);
            let _ = err.flush();
        }
    }
}

/// Whether a y/N prompt is waiting for its answer.
static PROMPT_OPEN: AtomicBool = AtomicBool::new(false);
