//! SIGINT, SIGTERM and SIGHUP: stop, but settle the policy write in flight before releasing the
//! lease, and say what state was left. The exit code is 128 + the signal number (130 for
//! SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells report a process killed by it.

use crate::aws::lease::{self, WriteOutcome};
use crate::aws::RunState;
use crate::error::{CliError, Kind, Result};
use crate::output::Printer;
use std::future::Future;
use std::time::Duration;

/// A signal that stops lakegate.
#[derive(Debug, Clone, Copy)]
pub struct Stop {
    pub name: &'static str,
    pub number: i32,
}

/// The first SIGINT, SIGTERM or SIGHUP (never resolves if the handlers cannot be installed).
pub async fn received() -> Stop {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut int), Ok(mut term), Ok(mut hup)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
        signal(SignalKind::hangup()),
    ) else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = int.recv() => Stop { name: "SIGINT", number: libc::SIGINT },
        _ = term.recv() => Stop { name: "SIGTERM", number: libc::SIGTERM },
        _ = hup.recv() => Stop { name: "SIGHUP", number: libc::SIGHUP },
    }
}

/// How long an in-flight write may take to settle after a signal: one write attempt under the
/// default lease (its own bound), plus a margin.
fn settle_limit() -> Duration {
    let opts = lease::LeaseOptions::from_env().unwrap_or_default();
    opts.write_attempt() + Duration::from_secs(5)
}

/// After a signal: refuse new writes of the `run`; if a write is in flight, let the command run
/// on (bounded) until it ends — it stops at its next lease check; release every lease left;
/// stop the query waited on; report what was left.
pub async fn settle<F>(
    run: &RunState,
    printer: &Printer,
    sig: Stop,
    work: std::pin::Pin<&mut F>,
) -> Result<()>
where
    F: Future<Output = Result<()>>,
{
    printer.close_prompt();
    run.interrupt();
    let mut unsettled = false;
    if run.write_in_flight() {
        // Let the command run on: it gets the write's answer, reads back, releases its lease,
        // and stops at its next lease check (every new write is refused from now on).
        tracing::info!("{}: waiting for the write in flight to settle", sig.name);
        let _ = tokio::time::timeout(settle_limit(), work).await;
        unsettled = run.write_in_flight();
    }
    run.release_all().await;
    match run.stop_running_query().await {
        Some(Ok(id)) => printer.status(format!("stopped query {id}")),
        Some(Err(e)) => printer.warn(format!("could not stop the query: {e}")),
        None => {}
    }
    Err(CliError::new(
        Kind::Interrupted,
        format!(
            "interrupted by {}: {}",
            sig.name,
            state_left(run.outcomes(), unsettled)
        ),
    )
    .with_exit_code(128 + sig.number))
}

/// One sentence: what the writes of this run left behind.
fn state_left(outcomes: Vec<(String, WriteOutcome)>, unsettled: bool) -> String {
    if unsettled {
        return "a policy write did not settle in time; the policy is at its old or its new state: check it before running again".into();
    }
    if outcomes.is_empty() {
        return "no policy write had started".into();
    }
    let parts: Vec<String> = outcomes
        .iter()
        .map(|(res, o)| match o {
            WriteOutcome::Written => format!("{res} was written"),
            WriteOutcome::NotWritten => format!("{res} is unchanged"),
            WriteOutcome::Unknown => format!("{res} is at its old or its new state (no answer)"),
        })
        .collect();
    parts.join("; ")
}
