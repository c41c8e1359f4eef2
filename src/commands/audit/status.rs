//! `lakegate audit status RUN --upload s3://BUCKET/PREFIX/ [--finish]`

use crate::audit::fleet;
use crate::commands::Ctx;
use crate::error::Result;
use crate::values::{RunId, S3Url};

/// Show the progress of a fanned-out audit run (`audit report --fan-out`, or a schedule with
/// --fan-out): its units done, failed for good (in the dead-letter queue, with their cause),
/// retrying and pending, from the markers under runs/RUN/, and the audit queue's messages
/// queued and in flight and its dead-letter queue's depth (those count every run's messages).
///
/// The run is done when its manifest (runs/RUN/manifest.json) is written, by the last unit to
/// finish; it is partial when some unit failed for good. With --finish a run whose last unit
/// never reported (a function that timed out) is finished now: every unit without a result is
/// named in the manifest as failed. A unit whose every delivery died without recording its
/// failure (a timeout) is found in the dead-letter queue, read without consuming it, and named
/// with the last error a delivery recorded.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The run's id (printed by `audit report --fan-out`)
    #[arg(value_name = "RUN")]
    pub run: RunId,

    /// Where the run writes: the --upload location of its report
    #[arg(long, value_name = "S3_URL")]
    pub upload: S3Url,

    /// Write the manifest now if it is not written, naming every unit without a result as
    /// failed (through the change pipeline: --dry-run shows it)
    #[arg(long)]
    pub finish: bool,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let s = fleet::status(ctx, &args.upload, &args.run, args.finish).await?;
    let p = &ctx.printer;
    p.show_document(&s, || {
        p.record(&s)?;
        if !s.failures.is_empty() {
            p.status(format!("failed units ({}):", s.failures.len()));
            p.rows(&s.failures)?;
        }
        if let Some(m) = &s.manifest {
            p.status(format!("manifest: {m}"));
        }
        Ok(())
    })
}
