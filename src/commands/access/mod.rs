//! `lakegate access ...`: decide requests against bucket, access point and identity policies.

pub mod check;
pub mod matrix;
pub mod prove;
pub mod who_can;

use super::Ctx;
use crate::error::Result;
pub use crate::evaluate::sources::partition_of;
use crate::evaluate::sources::PolicySources;
use crate::policy::eval::{AccessPointTarget, PolicySet};
use crate::values::AccessPointName;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum AccessCommand {
    /// Is this principal allowed this action on this key (through this access point)? Exit 0 if
    /// allowed, 3 if denied
    Check(Box<check::Args>),
    /// Principal × prefix × read/write/list, through each access point and the bucket directly
    Matrix(matrix::Args),
    /// Which principals (of which accounts, through which access point or the bucket) may read,
    /// write or list under a prefix
    WhoCan(who_can::Args),
    /// Prove a guardrail over every principal and key (no external or public read/write; only
    /// these principals under a prefix), or refute it with a counterexample. Exit 0 if it holds,
    /// 3 if not
    Prove(prove::Args),
}

pub async fn run(ctx: &Ctx, cmd: &AccessCommand) -> Result<()> {
    match cmd {
        AccessCommand::Check(a) => check::run(ctx, a).await,
        AccessCommand::Matrix(a) => matrix::run(ctx, a).await,
        AccessCommand::WhoCan(a) => who_can::run(ctx, a).await,
        AccessCommand::Prove(a) => prove::run(ctx, a).await,
    }
}

/// Where the policies come from, for the verbs that ask about many principals: fetched from AWS,
/// or offline from files (`--bucket-policy`, `--access-point-policy`, `--identity-policy`), with
/// the rest of the chain from files.
#[derive(Debug, clap::Args)]
pub struct PolicyArgs {
    /// Only through these access points (repeatable; default: all of the bucket's)
    #[arg(long, value_name = "NAME")]
    pub access_point: Vec<AccessPointName>,

    /// A request context value, KEY=VALUE (repeatable), as for `access check`
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub context: Vec<String>,

    /// Offline: the bucket policy from FILE (`-` reads stdin)
    #[arg(long, value_name = "FILE", help_heading = "Offline")]
    pub bucket_policy: Option<String>,

    /// Offline: an access point policy, [NAME=]FILE (repeatable; the name defaults to the access
    /// point its resources name)
    #[arg(long, value_name = "[NAME=]FILE", help_heading = "Offline")]
    pub access_point_policy: Vec<String>,

    /// Offline: an identity policy, [PRINCIPAL=]FILE (repeatable; without PRINCIPAL it applies
    /// to every principal)
    #[arg(long, value_name = "[ARN=]FILE", help_heading = "Offline")]
    pub identity_policy: Vec<String>,

    /// Offline: the account that owns the bucket (default: --account-id, else the access
    /// points' account)
    #[arg(long, value_name = "ID", help_heading = "Offline")]
    pub bucket_owner: Option<String>,

    /// The rest of the policy chain, from files (as for `access check`; the SCPs and the
    /// boundary apply to every principal asked about)
    #[command(flatten)]
    pub chain: Box<crate::commands::shared_args::ChainArgs>,
}

impl PolicyArgs {
    /// The sources, as the evaluation engine takes them.
    pub fn sources(&self) -> PolicySources {
        PolicySources {
            access_point: self.access_point.clone(),
            bucket_policy: self.bucket_policy.clone(),
            access_point_policy: self.access_point_policy.clone(),
            identity_policy: self.identity_policy.clone(),
            bucket_owner: self.bucket_owner.clone(),
            chain: self.chain.files(),
        }
    }

    /// Whether the policies come from files.
    pub fn offline(&self) -> bool {
        self.sources().offline()
    }

    /// The policy set, the bucket and the access points asked about (`PolicySources::gather`).
    pub async fn gather(
        &self,
        ctx: &Ctx,
        bucket: Option<String>,
        principals: &[String],
    ) -> Result<(PolicySet, String, Vec<AccessPointTarget>)> {
        self.sources().gather(ctx, bucket, principals).await
    }
}
