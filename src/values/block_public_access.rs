//! S3 Block Public Access settings as a value, and their text form: `all`, `none`, or the
//! settings that are on, comma-separated (`block-public-policy,restrict-public-buckets`), as
//! `accesspoint create --block-public-access` and lake files write them.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct BlockPublicAccess {
    pub block_public_acls: bool,
    pub ignore_public_acls: bool,
    pub block_public_policy: bool,
    pub restrict_public_buckets: bool,
}

impl BlockPublicAccess {
    pub fn all(on: bool) -> Self {
        BlockPublicAccess {
            block_public_acls: on,
            ignore_public_acls: on,
            block_public_policy: on,
            restrict_public_buckets: on,
        }
    }

    /// The text form (the inverse of parsing).
    pub fn text(self) -> String {
        if self == BlockPublicAccess::all(true) {
            return "all".into();
        }
        if self == BlockPublicAccess::all(false) {
            return "none".into();
        }
        let mut parts = Vec::new();
        if self.block_public_acls {
            parts.push("block-public-acls");
        }
        if self.ignore_public_acls {
            parts.push("ignore-public-acls");
        }
        if self.block_public_policy {
            parts.push("block-public-policy");
        }
        if self.restrict_public_buckets {
            parts.push("restrict-public-buckets");
        }
        parts.join(",")
    }
}

impl FromStr for BlockPublicAccess {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "all" => return Ok(BlockPublicAccess::all(true)),
            "none" => return Ok(BlockPublicAccess::all(false)),
            _ => {}
        }
        let mut b = BlockPublicAccess::all(false);
        for part in s.split(',').map(str::trim) {
            match part {
                "block-public-acls" => b.block_public_acls = true,
                "ignore-public-acls" => b.ignore_public_acls = true,
                "block-public-policy" => b.block_public_policy = true,
                "restrict-public-buckets" => b.restrict_public_buckets = true,
                other => {
                    return Err(format!(
                        "unknown setting '{other}': expected all, none, or block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets"
                    ))
                }
            }
        }
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_parse() {
        let p = |s: &str| s.parse::<BlockPublicAccess>();
        assert_eq!(p("all").unwrap(), BlockPublicAccess::all(true));
        assert_eq!(p("none").unwrap(), BlockPublicAccess::all(false));
        let b = p("block-public-policy,restrict-public-buckets").unwrap();
        assert!(b.block_public_policy && b.restrict_public_buckets && !b.block_public_acls);
        assert!(p("everything").is_err());
    }
}
