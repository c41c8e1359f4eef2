//! Kind: an S3 object lakegate writes whole (an audit report, its findings archive, the
//! manifest of what a report covers). Its state in a plan is its size and SHA-256 (kept in the
//! object's user metadata, so the read-back proves the bytes written are the ones in place).
//! Not restorable: the previous day's partition is the history.

use super::{Fut, LeaseKey, Resource};
use crate::aws::s3::ObjectBody;
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde_json::{json, Value};
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
    pub fn desired(&self) -> Result<Value> {
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
        let mut meta = serde_json::Map::new();
        for (k, v) in &self.metadata {
            meta.insert(k.clone(), Value::String(v.clone()));
        }
        Ok(json!({"size": size, "sha256": digest, "metadata": meta}))
    }
}

impl Resource for S3Object {
    type State = Value;
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
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Value>> {
        Box::pin(async move {
            let Some((size, mut meta)) = aws.object_head(&self.bucket, &self.key).await? else {
                return Ok(None);
            };
            let digest = meta.remove(DIGEST_KEY).unwrap_or_default();
            let mut m = serde_json::Map::new();
            let mut keys: Vec<_> = meta.into_iter().collect();
            keys.sort();
            for (k, v) in keys {
                m.insert(k, Value::String(v));
            }
            Ok(Some(json!({"size": size, "sha256": digest, "metadata": m})))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, state: &'a Value) -> Fut<'a, ()> {
        Box::pin(async move {
            let digest = state["sha256"].as_str().unwrap_or_default();
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
    fn same(&self, a: Option<&Value>, b: Option<&Value>) -> bool {
        // Metadata keys read back in lower case; compare the size, the digest and the values.
        let norm = |v: Option<&Value>| {
            v.map(|v| {
                let mut m: Vec<(String, String)> = v["metadata"]
                    .as_object()
                    .map(|o| {
                        o.iter()
                            .map(|(k, v)| (k.to_ascii_lowercase(), v.as_str().unwrap_or("").into()))
                            .collect()
                    })
                    .unwrap_or_default();
                m.sort();
                (v["size"].as_u64(), v["sha256"].clone(), m)
            })
        };
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
