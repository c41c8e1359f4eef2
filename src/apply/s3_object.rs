//! Kind: an S3 object lakegate writes whole (an audit report, its findings archive, the
//! manifest of what a report covers). Its state in a plan is its size and SHA-256 (kept in the
//! object's user metadata, so the read-back proves the bytes written are the ones in place).
//! Not restorable: the previous day's partition is the history.

use super::ordered::OrderedMap;
use super::{Fut, LeaseKey, Resource};
use crate::aws::s3::ObjectBody;
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Read;

/// An S3 object, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("s3-object", "S3 object");

/// Where the object's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    File(std::path::PathBuf),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone)]
pub struct S3Object {
    pub bucket: String,
    pub key: String,
    id: String,
    content_type: String,
    source: Source,
    /// User metadata written with it (besides the digest), e.g. the accounts a report covers.
    metadata: Vec<(String, String)>,
}

/// The state of an object as plans show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectState {
    pub size: u64,
    /// The SHA-256 of its bytes, hex.
    pub sha256: String,
    /// User metadata besides the digest.
    pub metadata: OrderedMap<String>,
}

const DIGEST_KEY: &str = "lakegate-sha256";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl S3Object {
    pub fn new(bucket: &str, key: &str, content_type: &str, source: Source) -> Self {
        S3Object {
            bucket: bucket.to_string(),
            key: key.to_string(),
            id: format!("s3://{bucket}/{key}"),
            content_type: content_type.to_string(),
            source,
            metadata: Vec::new(),
        }
    }

    #[must_use]
    pub fn with_metadata(mut self, key: &str, value: impl Into<String>) -> Self {
        self.metadata.push((key.to_string(), value.into()));
        self
    }

    /// The state this object will have once written: size, digest and metadata.
    pub fn desired(&self) -> Result<ObjectState> {
        let (size, digest) = match &self.source {
            Source::Bytes(b) => (b.len() as u64, hex(&Sha256::digest(b))),
            Source::File(p) => {
                let mut f = std::fs::File::open(p)
                    .map_err(|e| failed(format!("cannot read {}: {e}", p.display())))?;
                let mut h = Sha256::new();
                let mut buf = vec![0u8; 64 * 1024];
                let mut size = 0u64;
                loop {
                    let n = f.read(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    size += n as u64;
                    h.update(&buf[..n]);
                }
                (size, hex(&h.finalize()))
            }
        };
        Ok(ObjectState {
            size,
            sha256: digest,
            metadata: self.metadata.iter().cloned().collect(),
        })
    }
}

impl Resource for S3Object {
    type State = ObjectState;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn history_key(&self) -> Option<&str> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<ObjectState>> {
        Box::pin(async move {
            let Some((size, mut meta)) = aws.object_head(&self.bucket, &self.key).await? else {
                return Ok(None);
            };
            let digest = meta.remove(DIGEST_KEY).unwrap_or_default();
            let mut keys: Vec<_> = meta.into_iter().collect();
            keys.sort();
            Ok(Some(ObjectState {
                // A size S3 reports is never negative.
                size: u64::try_from(size).unwrap_or_default(),
                sha256: digest,
                metadata: keys.into_iter().collect(),
            }))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a ObjectState) -> Fut<'a, ()> {
        Box::pin(async move {
            let digest = state.sha256.as_str();
            let mut meta: Vec<(&str, &str)> = vec![(DIGEST_KEY, digest)];
            meta.extend(self.metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let body = match &self.source {
                Source::File(p) => ObjectBody::File(p),
                Source::Bytes(b) => ObjectBody::Bytes(b),
            };
            aws.put_object_with(&self.bucket, &self.key, body, &self.content_type, &meta)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn delete<'a>(&'a self, aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            aws.delete_object(&self.bucket, &self.key)
                .await
                .map_err(crate::error::CliError::from)
        })
    }
    fn same(&self, a: Option<&ObjectState>, b: Option<&ObjectState>) -> bool {
        // Metadata keys read back in lower case; compare the size, the digest and the values.
        type Norm<'a> = (u64, &'a str, Vec<(String, &'a str)>);
        fn norm(v: Option<&ObjectState>) -> Option<Norm<'_>> {
            v.map(|v| {
                let mut m: Vec<(String, &str)> = v
                    .metadata
                    .iter()
                    .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str()))
                    .collect();
                m.sort();
                (v.size, v.sha256.as_str(), m)
            })
        }
        norm(a) == norm(b)
    }
    fn destructive_delete(&self) -> bool {
        false
    }
    fn show_command(&self) -> Option<String> {
        Some(format!(
            "aws s3api head-object --bucket {} --key {}",
            self.bucket, self.key
        ))
    }
}
