//! S3: bucket existence, bucket policies and Block Public Access, bucket listings, and the
//! objects lakegate writes and reads (reports, history, the deployment package).

use super::error::{failed, not_found, Result};
use super::{classify, error::code, Aws};
use crate::policy::PolicyDocument;
use aws_sdk_s3::primitives::ByteStream;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

impl Aws {
    /// Fail with "bucket X does not exist" (exit 1) unless the bucket exists and is reachable.
    pub async fn ensure_bucket(&self, bucket: &str) -> Result<()> {
        let s3 = self.s3();
        match s3.head_bucket().bucket(bucket).send().await {
            Ok(_) => Ok(()),
            Err(e) => {
                let status = e.raw_response().map(|r| r.status().as_u16());
                match status {
                    Some(404) => Err(not_found(format!("bucket '{bucket}' does not exist"))
                        .op("s3:HeadBucket")
                        .resource(bucket)),
                    Some(403) => Err(failed(format!(
                        "access to bucket '{bucket}' is denied (s3:ListBucket on HeadBucket)"
                    ))),
                    _ => Err(classify("s3:HeadBucket", e)),
                }
            }
        }
    }

    /// The bucket policy, or None when the bucket has none.
    pub async fn bucket_policy(&self, bucket: &str) -> Result<Option<PolicyDocument>> {
        let s3 = self.s3();
        match s3.get_bucket_policy().bucket(bucket).send().await {
            Ok(out) => match out.policy() {
                Some(text) if !text.trim().is_empty() => {
                    PolicyDocument::parse(text).map(Some).map_err(|e| {
                        super::unreadable_policy(&format!("the bucket policy of '{bucket}'"), &e)
                    })
                }
                _ => Ok(None),
            },
            Err(e) if code(&e) == Some("NoSuchBucketPolicy") => Ok(None),
            Err(e) if code(&e) == Some("NoSuchBucket") => {
                Err(not_found(format!("bucket '{bucket}' does not exist")).code("NoSuchBucket"))
            }
            Err(e) => Err(classify("s3:GetBucketPolicy", e)),
        }
    }

    /// `RestrictPublicBuckets` of the bucket's Block Public Access (false when none is set).
    pub async fn bucket_restrict_public_buckets(&self, bucket: &str) -> Result<bool> {
        let answer = self
            .s3()
            .get_public_access_block()
            .bucket(bucket)
            .send()
            .await
            .map(|o| {
                o.public_access_block_configuration()
                    .and_then(|c| c.restrict_public_buckets())
            });
        restrict_public_buckets("s3:GetBucketPublicAccessBlock", answer)
    }

    pub async fn put_bucket_policy(&self, bucket: &str, doc: &PolicyDocument) -> Result<()> {
        self.s3()
            .put_bucket_policy()
            .bucket(bucket)
            .policy(doc.to_json())
            .send()
            .await
            .map_err(|e| classify("s3:PutBucketPolicy", e))?;
        Ok(())
    }

    pub async fn delete_bucket_policy(&self, bucket: &str) -> Result<()> {
        self.s3()
            .delete_bucket_policy()
            .bucket(bucket)
            .send()
            .await
            .map_err(|e| classify("s3:DeleteBucketPolicy", e))?;
        Ok(())
    }

    /// Every bucket of the account in this client's region (ListBuckets, all pages), sorted.
    pub async fn buckets_in_region(&self) -> Result<Vec<String>> {
        let pages: Vec<_> = self
            .s3()
            .list_buckets()
            .bucket_region(&self.region)
            .max_buckets(1000)
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| classify("s3:ListBuckets", e))?;
        let mut out: Vec<String> = pages
            .iter()
            .flat_map(|page| page.buckets())
            // Emulators may ignore the region filter; buckets report their own region.
            .filter(|b| b.bucket_region().is_none_or(|r| r == self.region))
            .filter_map(|b| b.name().map(str::to_string))
            .collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// Write an object (replacing it) from memory.
    pub async fn put_object_bytes(
        &self,
        bucket: &str,
        key: &str,
        body: Vec<u8>,
        content_type: &str,
    ) -> Result<()> {
        self.put_object(bucket, key, ByteStream::from(body), content_type)
            .await
    }

    /// Write an object (replacing it) streamed from a file.
    pub async fn put_object_file(
        &self,
        bucket: &str,
        key: &str,
        path: &std::path::Path,
        content_type: &str,
    ) -> Result<()> {
        let body = ByteStream::from_path(path)
            .await
            .map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
        self.put_object(bucket, key, body, content_type).await
    }

    async fn put_object(
        &self,
        bucket: &str,
        key: &str,
        body: ByteStream,
        content_type: &str,
    ) -> Result<()> {
        self.s3()
            .put_object()
            .bucket(bucket)
            .key(key)
            .content_type(content_type)
            .body(body)
            .send()
            .await
            .map_err(|e| match code(&e) {
                Some("NoSuchBucket") => {
                    not_found(format!("bucket '{bucket}' does not exist")).code("NoSuchBucket")
                }
                _ => classify("s3:PutObject", e),
            })?;
        Ok(())
    }

    /// The "folders" right under `prefix` (ListObjectsV2 with delimiter `/`, every page), as
    /// the text after `prefix` without the trailing `/`.
    pub async fn common_prefixes(&self, bucket: &str, prefix: &str) -> Result<Vec<String>> {
        let pages: Vec<_> = self
            .s3()
            .list_objects_v2()
            .bucket(bucket)
            .prefix(prefix)
            .delimiter("/")
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| classify("s3:ListObjectsV2", e))?;
        let out = pages
            .iter()
            .flat_map(|page| page.common_prefixes())
            .filter_map(|p| {
                p.prefix()
                    .and_then(|p| p.strip_prefix(prefix))
                    .map(|d| d.trim_end_matches('/').to_string())
            })
            .collect();
        Ok(out)
    }

    /// Bucket names (for shell completion).
    pub async fn bucket_names(&self) -> Result<Vec<String>> {
        let out = self
            .s3()
            .list_buckets()
            .send()
            .await
            .map_err(|e| classify("s3:ListBuckets", e))?;
        Ok(out
            .buckets()
            .iter()
            .filter_map(|b| b.name().map(str::to_owned))
            .collect())
    }

    /// An object's size and user metadata (HeadObject); None when it does not exist.
    pub async fn object_head(
        &self,
        bucket: &str,
        key: &str,
    ) -> Result<Option<(i64, std::collections::HashMap<String, String>)>> {
        match self.s3().head_object().bucket(bucket).key(key).send().await {
            Ok(o) => Ok(Some((
                o.content_length.unwrap_or(0),
                o.metadata.unwrap_or_default(),
            ))),
            Err(e)
                if e.as_service_error().is_some_and(|s| s.is_not_found())
                    || e.raw_response().is_some_and(|r| r.status().as_u16() == 404) =>
            {
                Ok(None)
            }
            Err(e) => Err(classify("s3:HeadObject", e)),
        }
    }

    /// Write an object (replacing it) from a file or memory, with user metadata.
    pub async fn put_object_with(
        &self,
        bucket: &str,
        key: &str,
        body: ObjectBody<'_>,
        content_type: &str,
        metadata: &[(&str, &str)],
    ) -> Result<()> {
        let stream = match body {
            ObjectBody::File(path) => ByteStream::from_path(path)
                .await
                .map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?,
            ObjectBody::Bytes(b) => ByteStream::from(b.to_vec()),
        };
        let mut req = self
            .s3()
            .put_object()
            .bucket(bucket)
            .key(key)
            .content_type(content_type)
            .body(stream);
        for (k, v) in metadata {
            req = req.metadata(*k, *v);
        }
        req.send().await.map_err(|e| match code(&e) {
            Some("NoSuchBucket") => {
                not_found(format!("bucket '{bucket}' does not exist")).code("NoSuchBucket")
            }
            _ => classify("s3:PutObject", e),
        })?;
        Ok(())
    }

    /// Delete an object (absent is fine).
    pub async fn delete_object(&self, bucket: &str, key: &str) -> Result<()> {
        self.s3()
            .delete_object()
            .bucket(bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| classify("s3:DeleteObject", e))?;
        Ok(())
    }
}

/// The body of an object to write.
#[derive(Debug, Clone, Copy)]
pub enum ObjectBody<'a> {
    File(&'a std::path::Path),
    Bytes(&'a [u8]),
}

/// `RestrictPublicBuckets` from a GetPublicAccessBlock answer (S3's, of a bucket, or S3
/// Control's, of an account): false when none is set.
pub(super) fn restrict_public_buckets<E>(
    op: &str,
    answer: std::result::Result<Option<bool>, SdkError<E, HttpResponse>>,
) -> Result<bool>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    match answer {
        Ok(flag) => Ok(flag.unwrap_or(false)),
        Err(e) if code(&e) == Some("NoSuchPublicAccessBlockConfiguration") => Ok(false),
        Err(e) => Err(classify(op, e)),
    }
}

impl Aws {
    /// An object's bytes (GetObject); None when it does not exist.
    pub async fn object_bytes(&self, bucket: &str, key: &str) -> Result<Option<Vec<u8>>> {
        match self.s3().get_object().bucket(bucket).key(key).send().await {
            Ok(o) => {
                let data = o
                    .body
                    .collect()
                    .await
                    .map_err(|e| failed(format!("cannot read s3://{bucket}/{key}: {e}")))?;
                Ok(Some(data.into_bytes().to_vec()))
            }
            Err(e)
                if code(&e) == Some("NoSuchKey")
                    || e.raw_response().is_some_and(|r| r.status().as_u16() == 404) =>
            {
                Ok(None)
            }
            Err(e) => Err(classify("s3:GetObject", e)),
        }
    }

    /// The keys under `prefix` (ListObjectsV2, every page), as the text after `prefix`.
    pub async fn keys_under(&self, bucket: &str, prefix: &str) -> Result<Vec<String>> {
        let pages: Vec<_> = self
            .s3()
            .list_objects_v2()
            .bucket(bucket)
            .prefix(prefix)
            .into_paginator()
            .send()
            .try_collect()
            .await
            .map_err(|e| classify("s3:ListObjectsV2", e))?;
        Ok(pages
            .iter()
            .flat_map(|page| page.contents())
            .filter_map(|o| o.key().and_then(|k| k.strip_prefix(prefix)))
            .map(str::to_owned)
            .collect())
    }
}
