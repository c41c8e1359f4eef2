//! Argument groups several verbs share (flattened into their `Args`), so that one concept is
//! spelled one way everywhere. The convention: the object a noun is named after is positional
//! (`bucket delegate BUCKET`, `accesspoint get NAME`); every other object is a flag
//! (`accesspoint list --bucket B`). The other spelling is kept as a hidden alias, so scripts
//! written either way keep working.

use crate::aws::s3control::AccessPointInfo;
use crate::commands::Ctx;
use crate::error::{failed, input_error, Result};
use crate::values::{AccessPointRef, BucketName, BucketRef};

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
        bucket(ctx, self.get()).await
    }
}

/// The bucket `r` names: itself, or the bucket of the access point it names.
pub async fn bucket(ctx: &Ctx, r: &BucketRef) -> Result<BucketName> {
    match r {
        BucketRef::Bucket(b) => Ok(b.clone()),
        BucketRef::AccessPoint(a) => {
            let (_, info) = access_point(ctx, a).await?;
            info.bucket.parse().map_err(|e| {
                failed(format!(
                    "access point {a} serves bucket '{}': {e}",
                    info.bucket
                ))
            })
        }
    }
}

/// The access point `r` names and the account that owns it (the ARN's, else --account-id or
/// the caller's): by name or ARN with S3 Control GetAccessPoint, by alias among the account's
/// access points. One that does not exist is an error (exit 1) saying where it was looked for.
pub async fn access_point(ctx: &Ctx, r: &AccessPointRef) -> Result<(String, AccessPointInfo)> {
    let aws = ctx.aws().await?;
    let account = match r.account() {
        Some(a) => a.to_string(),
        None => ctx.account().await?,
    };
    if let AccessPointRef::Arn(arn) = r {
        if arn.region != aws.region {
            return Err(input_error(format!(
                "access point {arn} is in region {}, lakegate uses {}",
                arn.region, aws.region
            ))
            .hinted(format!("pass --region {}", arn.region)));
        }
    }
    let found = match r {
        AccessPointRef::Alias(alias) => aws
            .list_access_points(&account, None, |_| {})
            .await?
            .into_iter()
            .find(|ap| ap.alias.as_deref() == Some(alias.as_str())),
        _ => {
            let name = r.name().map(|n| n.as_str()).unwrap_or_default();
            aws.access_point(&account, name).await?
        }
    };
    let what = match r {
        AccessPointRef::Alias(a) => {
            format!("no access point of account {account} has the alias '{a}'")
        }
        _ => format!("access point '{r}' does not exist in account {account}"),
    };
    found.map(|info| (account, info)).ok_or_else(|| {
        failed(what).hinted("run `lakegate accesspoint list` to see the account's access points")
    })
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

/// `--trusted-account` (repeatable): accounts whose principals are not external. Derefs to the
/// ids, each checked as an [`crate::values::AccountId`].
#[derive(Debug, Clone, clap::Args)]
pub struct TrustedAccounts {
    /// An account whose principals are not external (repeatable; the bucket owner never is)
    #[arg(long = "trusted-account", value_name = "ACCOUNT",
          value_parser = crate::values::checked::<crate::values::AccountId>)]
    trusted_account: Vec<String>,
}

impl std::ops::Deref for TrustedAccounts {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.trusted_account
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
