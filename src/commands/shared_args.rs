//! Argument groups several verbs share (flattened into their `Args`), so that one concept is
//! spelled one way everywhere. The convention: the object a noun is named after is positional
//! (`bucket delegate BUCKET`, `accesspoint get NAME`); every other object is a flag
//! (`accesspoint list --bucket B`). The other spelling is kept as a hidden alias, so scripts
//! written either way keep working.

use crate::commands::Ctx;
use crate::error::Result;
use crate::values::{BucketName, BucketRef};

/// The bucket a `bucket …` verb acts on: `BUCKET`, or the hidden alias `--bucket BUCKET`; either
/// may name one of its access points (ARN or alias) instead.
#[derive(Debug, Clone, clap::Args)]
pub struct BucketArg {
    /// The bucket (or an access point's ARN or alias, for the bucket it serves)
    // Required (help and man show `<BUCKET>`); the hidden `--bucket` conflicts with it, which
    // clap takes as standing in for it.
    #[arg(
        value_name = "BUCKET",
        required = true,
        add = crate::completers::bucket_completer()
    )]
    bucket: Option<BucketRef>,

    /// The bucket (the same as BUCKET)
    #[arg(
        long = "bucket",
        value_name = "BUCKET",
        hide = true,
        conflicts_with = "bucket",
        add = crate::completers::bucket_completer()
    )]
    bucket_flag: Option<BucketRef>,
}

impl BucketArg {
    pub fn get(&self) -> &BucketRef {
        self.bucket
            .as_ref()
            .or(self.bucket_flag.as_ref())
            // clap requires one of the two.
            .expect("clap requires BUCKET or --bucket")
    }

    /// The bucket, an access point's looked up through S3 Control.
    pub async fn resolve(&self, ctx: &Ctx) -> Result<BucketName> {
        ctx.resolve_bucket(self.get()).await
    }
}

/// `--workgroup` and `--output-location` of the verbs that run an Athena query.
#[derive(Debug, Clone, clap::Args)]
pub struct AthenaPlacement {
    /// Athena workgroup (default: primary)
    #[arg(long, value_name = "WORKGROUP")]
    pub workgroup: Option<crate::values::NonEmpty>,

    /// Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it
    #[arg(long, value_name = "S3_URL")]
    pub output_location: Option<crate::values::OutputLocation>,
}

impl AthenaPlacement {
    pub fn workgroup(&self) -> Option<String> {
        self.workgroup.as_ref().map(|w| w.to_string())
    }
    pub fn output_location(&self) -> Option<String> {
        self.output_location.as_ref().map(|o| o.to_string())
    }
}

/// `--trusted-account` (repeatable): accounts whose principals are not external.
#[derive(Debug, Clone, clap::Args)]
pub struct TrustedAccounts {
    /// An account whose principals are not external (repeatable; the bucket owner never is)
    #[arg(long = "trusted-account", value_name = "ACCOUNT")]
    trusted_account: Vec<crate::values::AccountId>,
}

impl TrustedAccounts {
    /// The account ids, as the evaluation takes them.
    pub fn ids(&self) -> Vec<String> {
        crate::values::strings(&self.trusted_account)
    }
}

/// The policy chain, from files (`access check`, `access matrix`). Online, a part not given is
/// read from AWS where the caller may read it (a warning says when it cannot); offline, a part
/// not given is absent.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ChainArgs {
    /// A service control policy level from FILE (repeatable, one per level from the
    /// organization root to the principal's account; every level must allow). Online: read from
    /// AWS Organizations
    #[arg(long = "scp", value_name = "FILE", help_heading = "Policy chain")]
    pub scp: Vec<String>,

    /// A resource control policy level from FILE (repeatable, root to the bucket owner's
    /// account; RCPs only deny). Online: read from AWS Organizations
    #[arg(long = "rcp", value_name = "FILE", help_heading = "Policy chain")]
    pub rcp: Vec<String>,

    /// The organization's management account: SCPs do not apply to its principals, RCPs not to
    /// its resources (online: from Organizations)
    #[arg(long, value_name = "ID", help_heading = "Policy chain")]
    pub management_account: Option<String>,

    /// The principal's permissions boundary from FILE (for a role session: its role's).
    /// Online: from IAM GetRole/GetUser
    #[arg(long, value_name = "FILE", help_heading = "Policy chain")]
    pub permission_boundary: Option<String>,

    /// The session policy of a role session or federated user from FILE
    #[arg(long, value_name = "FILE", help_heading = "Policy chain")]
    pub session_policy: Option<String>,

    /// The request goes through a VPC endpoint with the policy in FILE. Online: read from EC2
    /// for the endpoint --context aws:SourceVpce=vpce-… names
    #[arg(long, value_name = "FILE", help_heading = "Policy chain")]
    pub vpc_endpoint_policy: Option<String>,

    /// S3 Block Public Access settings, SCOPE=FILE with SCOPE account, bucket or access-point
    /// and FILE the JSON `get-public-access-block` prints (or its PublicAccessBlockConfiguration)
    /// (repeatable). Online: read from S3 and S3 Control
    #[arg(long, value_name = "SCOPE=FILE", help_heading = "Policy chain")]
    pub public_access_block: Vec<String>,
}

impl ChainArgs {
    /// The files, as the evaluation engine takes them.
    pub fn files(&self) -> crate::evaluate::chain::ChainFiles {
        crate::evaluate::chain::ChainFiles {
            scp: self.scp.clone(),
            rcp: self.rcp.clone(),
            management_account: self.management_account.clone(),
            permission_boundary: self.permission_boundary.clone(),
            session_policy: self.session_policy.clone(),
            vpc_endpoint_policy: self.vpc_endpoint_policy.clone(),
            public_access_block: self.public_access_block.clone(),
        }
    }
}
