//! Argument groups several verbs share (flattened into their `Args`), so that one concept is
//! spelled one way everywhere. The convention: the object a noun is named after is positional
//! (`bucket delegate BUCKET`, `accesspoint get NAME`); every other object is a flag
//! (`accesspoint list --bucket B`). The other spelling is kept as a hidden alias, so scripts
//! written either way keep working.

use crate::values::BucketName;

/// The bucket a `bucket …` verb acts on: `BUCKET`, or the hidden alias `--bucket BUCKET`.
#[derive(Debug, Clone, clap::Args)]
pub struct BucketArg {
    /// The bucket
    #[arg(
        value_name = "BUCKET",
        required_unless_present = "bucket_flag",
        add = crate::completion::bucket_completer()
    )]
    bucket: Option<BucketName>,

    /// The bucket (the same as BUCKET)
    #[arg(
        long = "bucket",
        value_name = "BUCKET",
        hide = true,
        conflicts_with = "bucket",
        add = crate::completion::bucket_completer()
    )]
    bucket_flag: Option<BucketName>,
}

impl BucketArg {
    pub fn get(&self) -> &BucketName {
        self.bucket
            .as_ref()
            .or(self.bucket_flag.as_ref())
            // clap requires one of the two (required_unless_present).
            .expect("clap requires BUCKET or --bucket")
    }
}

impl std::ops::Deref for BucketArg {
    type Target = BucketName;
    fn deref(&self) -> &BucketName {
        self.get()
    }
}

impl std::fmt::Display for BucketArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
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
