//! `lakegate bucket policy history BUCKET`

use crate::commands::bucket::check_bucket;
use crate::commands::Ctx;
use crate::error::Result;
use crate::output::{Cell, Row};
use crate::state::{HistoryEntry, StateStore};

/// List the bucket policies lakegate kept before each overwrite (newest last).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket
    #[arg(value_name = "BUCKET", add = crate::completion::bucket_completer())]
    pub bucket: String,
}

impl Row for HistoryEntry {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut h = vec!["VERSION", "SAVED AT", "STATEMENTS", "BYTES", "BEFORE"];
        if wide {
            h.push("RESOURCE");
        }
        h
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let (count, bytes) = match &self.policy {
            Some(p) => {
                let n = match p.get("Statement") {
                    Some(serde_json::Value::Array(a)) => a.len(),
                    Some(_) => 1,
                    None => 0,
                };
                (
                    n.to_string(),
                    serde_json::to_string(p)
                        .unwrap_or_default()
                        .len()
                        .to_string(),
                )
            }
            None => ("-".into(), "(no policy)".into()),
        };
        let mut c: Vec<Cell> = vec![
            self.version.to_string().into(),
            self.saved_at.clone().into(),
            count.into(),
            bytes.into(),
            self.reason.clone().into(),
        ];
        if wide {
            c.push(self.resource.clone().into());
        }
        c
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check_bucket(&args.bucket)?;
    let aws = ctx.aws().await?;
    let arn = crate::policy::arn::bucket_arn(aws.partition, &args.bucket);
    let entries = StateStore::open()?.history(&arn)?;
    if entries.is_empty() && !ctx.printer.is_structured() {
        ctx.printer.status(format!(
            "no history for bucket {}: lakegate has not changed its policy from this machine",
            args.bucket
        ));
        return Ok(());
    }
    ctx.printer.rows(&entries)
}
