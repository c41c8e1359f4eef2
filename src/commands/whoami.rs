//! `lakegate whoami`: who and where lakegate runs as — the account and caller ARN (STS
//! GetCallerIdentity), the region, the profile and the endpoint in use.

use super::Ctx;
use crate::error::Result;
use crate::output::{Cell, Row};
use serde::Serialize;

/// Show the account, the caller's ARN (STS GetCallerIdentity), the region, the profile and the
/// endpoint lakegate uses, as resolved from the flags, the environment and the profile.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Debug, Serialize)]
pub struct Identity {
    pub account: String,
    pub arn: String,
    pub region: String,
    /// The named profile in use (from --profile, else AWS_PROFILE); null when none is.
    pub profile: Option<String>,
    /// The endpoint every request goes to (--endpoint-url, AWS_ENDPOINT_URL or the profile's
    /// `endpoint_url`); null when each service's AWS endpoint is used.
    pub endpoint_url: Option<String>,
}

impl Row for Identity {
    fn headers(_wide: bool) -> Vec<&'static str> {
        vec!["ACCOUNT", "ARN", "REGION", "PROFILE", "ENDPOINT"]
    }
    fn cells(&self, _wide: bool) -> Vec<Cell> {
        vec![
            self.account.clone().into(),
            self.arn.clone().into(),
            self.region.clone().into(),
            Cell::or_dash(self.profile.clone().unwrap_or_default()),
            Cell::or_dash(self.endpoint_url.clone().unwrap_or_default()),
        ]
    }
}

/// The profile in use: --profile, else a non-empty AWS_PROFILE.
fn profile_in_use(flag: Option<&str>) -> Option<String> {
    flag.map(str::to_owned)
        .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()))
}

pub async fn run(ctx: &Ctx, _args: &Args) -> Result<()> {
    let aws = ctx.aws().await?;
    // The caller's own account, not --account-id: whoami reports who the credentials are.
    let (account, arn) = aws.caller_identity().await?;
    let id = Identity {
        account,
        arn,
        region: aws.region.clone(),
        profile: profile_in_use(ctx.settings.profile.as_deref()),
        endpoint_url: aws.endpoint_url().map(str::to_owned),
    };
    ctx.printer.record(&id)
}
