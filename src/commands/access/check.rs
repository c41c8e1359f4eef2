//! `lakegate access check --principal ARN --action A --bucket B [--key K | --prefix P]
//! [--access-point NAME] [--context k=v …]`

use crate::commands::Ctx;
use crate::error::Result;
use crate::evaluate::check::{check, CheckOptions};
use crate::values::{AccessPointRef, AccountId, BucketRef, CallerPrincipal};

/// Decide whether a principal may perform an action on a bucket or key, directly or through an
/// access point, and show the statements that decide it (-v: why every other statement did not
/// apply). Exit code 0 when allowed, 3 when denied.
///
/// Online, the bucket policy, the access point policy and (for a role or user of this account,
/// when the caller may read them) the principal's identity policies are fetched, and so is the
/// rest of the chain the caller may read (SCPs and RCPs from Organizations, the permissions
/// boundary, the VPC endpoint policy of aws:SourceVpce, Block Public Access). Give any of
/// --bucket-policy, --access-point-policy or --identity-policy to decide offline from files
/// instead: a policy not given is taken as absent. Every file is validated as its policy type
/// first (exit 2 naming the element). Online, the identity policies of a principal of another
/// account cannot be read: they are assumed to allow (as IAM Access Analyzer assumes for
/// external access), which is said on stderr and named `identity-assumed:ACCOUNT` in the answer.
///
/// Online, the S3 Access Grant that gives the access is named beside the decision (source
/// access-grant:ID, location, grantee, prefix, level): the grant s3:GetDataAccess would match.
/// The exit code stays the policies': a grant gives access through the credentials
/// GetDataAccess vends (the location role's), not through the principal's own.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("object").args(["key", "prefix"])))]
pub struct Args {
    /// The principal: an IAM role, user or STS session ARN, or an account id
    #[arg(
        long,
        value_name = "ARN",
        required_unless_present = "anonymous",
        conflicts_with = "anonymous"
    )]
    pub principal: Option<CallerPrincipal>,

    /// An unauthenticated request instead of --principal: allowed only by a resource policy
    /// that names "*", never through an access point
    #[arg(long)]
    pub anonymous: bool,

    /// The action, e.g. s3:GetObject, s3:PutObject, s3:ListBucket
    #[arg(long, value_name = "ACTION")]
    pub action: crate::values::Action,

    /// The bucket and key (or, for a bucket action such as s3:ListBucket, prefix) as one URL,
    /// s3://BUCKET/KEY, as `access who-can` takes it; or --bucket with --key or --prefix
    #[arg(value_name = "S3_URL", conflicts_with_all = ["bucket", "key", "prefix"])]
    pub url: Option<crate::values::S3Url>,

    /// The bucket; an access point's ARN or alias here means the request goes through that
    /// access point (as `aws s3api … --bucket ACCESS_POINT_ARN` does)
    #[arg(long, value_name = "BUCKET", add = crate::completers::bucket_completer())]
    pub bucket: Option<BucketRef>,

    /// The object key (object actions such as s3:GetObject)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,

    /// The listing prefix (bucket actions such as s3:ListBucket; sets s3:prefix)
    #[arg(long, value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Make the request through this access point (name, ARN or alias; its bucket is the
    /// bucket, so --bucket may be left out)
    #[arg(long, value_name = "NAME", add = crate::completers::access_point_completer())]
    pub access_point: Option<AccessPointRef>,

    /// A request context value, KEY=VALUE (repeatable; a repeated key is multivalued), e.g.
    /// aws:SourceVpce=vpce-1a2b, aws:SourceIp=10.0.0.1, aws:CalledVia=athena.amazonaws.com.
    /// aws:SecureTransport is true unless given
    #[arg(long = "context", value_name = "KEY=VALUE")]
    pub context: Vec<String>,

    /// Principal tag, KEY=VALUE (repeatable; for aws:PrincipalTag/KEY)
    #[arg(long = "principal-tag", value_name = "KEY=VALUE")]
    pub principal_tags: Vec<String>,

    /// Offline: the bucket policy from FILE (`-` reads stdin)
    #[arg(long, value_name = "FILE", help_heading = "Offline")]
    pub bucket_policy: Option<String>,

    /// Offline: the access point policy from FILE (`-` reads stdin)
    #[arg(long, value_name = "FILE", help_heading = "Offline")]
    pub access_point_policy: Option<String>,

    /// Offline: an identity policy of the principal from FILE (repeatable; `-` reads stdin)
    #[arg(long, value_name = "FILE", help_heading = "Offline")]
    pub identity_policy: Vec<String>,

    /// Offline: the account that owns the bucket (default: --account-id, else the access
    /// point's account, else the principal's)
    #[arg(long, value_name = "ID", help_heading = "Offline")]
    pub bucket_owner: Option<AccountId>,

    #[command(flatten)]
    pub chain: Box<crate::commands::shared_args::ChainArgs>,
}

impl Args {
    /// The request and the policy sources, as the evaluation engine takes them.
    fn options(&self) -> CheckOptions {
        CheckOptions {
            principal: self.principal.clone(),
            anonymous: self.anonymous,
            action: self.action.clone(),
            url: self.url.clone(),
            bucket: self.bucket.clone(),
            key: self.key.clone(),
            prefix: self.prefix.clone(),
            access_point: self.access_point.clone(),
            context: self.context.clone(),
            principal_tags: self.principal_tags.clone(),
            bucket_policy: self.bucket_policy.clone(),
            access_point_policy: self.access_point_policy.clone(),
            identity_policy: self.identity_policy.clone(),
            bucket_owner: self.bucket_owner.clone(),
            chain: self.chain.files(),
        }
    }
}

pub async fn run(ctx: &Ctx, args: &Args) -> Result<()> {
    check(ctx, &args.options()).await
}
