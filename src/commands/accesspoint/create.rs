//! `lakegate accesspoint create NAME --bucket B --prefix P --principal ARN --access LEVEL`

use super::check_prefix;
use crate::accesspoint::{self, CreateOptions};
use crate::aws::s3control::BlockPublicAccess;
use crate::commands::Ctx;
use crate::error::Result;
use crate::policy::AccessLevel;
use crate::values::{AccessPointName, Prefix, PrincipalArn, VpcId};

/// Create an access point for one consuming application and put a least-privilege policy on it:
/// object actions only on `…:accesspoint/NAME/object/PREFIX*`, ListBucket only with an
/// `s3:prefix` condition. Re-running with the same arguments changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Access point name (3–50 characters: lowercase letters, digits, hyphens)
    #[arg(value_name = "NAME")]
    pub name: AccessPointName,

    /// The bucket the access point serves (or another access point's ARN or alias, for its
    /// bucket)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: crate::values::BucketRef,

    /// The key prefix to grant (a trailing '/' is added when missing)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Prefix,

    /// Grant the prefix exactly as written even if it has `.` or `..` segments (refused by default:
    /// path-normalising tools would read another prefix)
    #[arg(long)]
    pub literal_prefix: bool,

    /// IAM role, user or account (ARN or 12-digit id) to grant; repeatable
    #[arg(long = "principal", value_name = "ARN", required = true)]
    pub principals: Vec<PrincipalArn>,

    /// What the principals may do under the prefix
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub access: AccessLevel,

    /// Accept requests only from this VPC (network origin VPC)
    #[arg(long, value_name = "VPC")]
    pub vpc_id: Option<VpcId>,

    /// Block public access settings: all (default), none, or a comma-separated list of
    /// block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets
    #[arg(long, value_name = "SETTINGS", default_value = "all", value_parser = clap::value_parser!(BlockPublicAccess))]
    pub block_public_access: BlockPublicAccess,
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    let opts = CreateOptions {
        name: args.name.clone(),
        bucket: args.bucket.clone(),
        prefix: check_prefix(&args.prefix, args.literal_prefix)?,
        principals: args.principals.clone(),
        access: args.access,
        vpc_id: args.vpc_id.clone(),
        block_public_access: args.block_public_access,
    };
    accesspoint::create(ctx, &opts).await
}
