//! `lakegate doctor [--timeout SECS]`: is lakegate set up to work here? Credentials, region, the
//! reachability of each service endpoint lakegate uses, and the permissions it needs.

use crate::commands::Ctx;
use crate::doctor::{self, DoctorOptions};
use crate::error::Result;

/// Check the credentials (who lakegate runs as), the region, each service endpoint lakegate uses
/// (one cheap read each: S3, S3 Control, STS, IAM, EC2, Athena, Glue, DataZone, Access Analyzer,
/// Organizations) and the permissions it needs (IAM SimulatePrincipalPolicy for the caller where
/// allowed, else what the reads showed; "unknown" when it cannot tell). One line per check:
/// pass, fail, warn or unknown. Exits 1 when any check fails. Changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seconds to wait for each endpoint
    #[arg(long, value_name = "SECS", default_value_t = 5, allow_negative_numbers = true, value_parser = clap::builder::RangedI64ValueParser::<u64>::new().range(1..=120))]
    pub timeout: u64,
}

impl Args {
    /// The options of the engine.
    pub fn options(&self) -> DoctorOptions {
        DoctorOptions {
            timeout: self.timeout,
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    doctor::doctor(ctx, &args.options()).await
}
