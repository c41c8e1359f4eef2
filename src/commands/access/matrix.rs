//! `lakegate access matrix [--bucket B] [--principal ARN …] [--prefix P …]`

use crate::commands::Ctx;
use crate::error::Result;
use crate::evaluate::matrix::{self, MatrixOptions};
use crate::values::{checked, AccessPointName, BucketName, Prefix, PrincipalArn};

/// Rows of principal × access point × prefix with read, write and list decided as `access check`
/// decides them (read: s3:GetObject and write: s3:PutObject on a key under the prefix; list:
/// s3:ListBucket with s3:prefix set to the prefix), through each access point and to the bucket
/// directly, with the statements that decided each.
///
/// Principals and prefixes default to those the policies name. Online, the bucket policy, the
/// bucket's access points and their policies, and the identity policies of this account's roles
/// and users are fetched; with --bucket-policy, --access-point-policy or --identity-policy the
/// matrix is computed offline from files.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The bucket (offline: default from the bucket policy's resources)
    #[arg(long, value_name = "BUCKET", value_parser = checked::<BucketName>,
          add = crate::completers::bucket_completer())]
    pub bucket: Option<String>,

    /// A principal ARN (repeatable; default: those the policies name)
    #[arg(long, value_name = "ARN")]
    pub principal: Vec<PrincipalArn>,

    /// A prefix (repeatable; default: those the policies name)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Vec<Prefix>,

    /// Only through these access points (repeatable; default: all of the bucket's)
    #[arg(long, value_name = "NAME", value_parser = checked::<AccessPointName>)]
    pub access_point: Vec<String>,

    /// Leave out the rows for requests to the bucket directly
    #[arg(long)]
    pub no_direct: bool,

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
    /// boundary apply to every principal of the matrix)
    #[command(flatten)]
    pub chain: Box<crate::commands::shared_args::ChainArgs>,
}

impl Args {
    /// The options of the engine.
    pub fn options(&self) -> MatrixOptions {
        MatrixOptions {
            bucket: self.bucket.clone(),
            principal: self.principal.clone(),
            prefix: self.prefix.clone(),
            access_point: self.access_point.clone(),
            no_direct: self.no_direct,
            context: self.context.clone(),
            bucket_policy: self.bucket_policy.clone(),
            access_point_policy: self.access_point_policy.clone(),
            identity_policy: self.identity_policy.clone(),
            bucket_owner: self.bucket_owner.clone(),
            chain: self.chain.files(),
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    matrix::matrix(ctx, &args.options()).await
}
