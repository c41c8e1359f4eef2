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
