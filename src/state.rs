//! Local state: the policy kept before every overwrite, so `policy rollback` can restore it.
//!
//! Layout: `$XDG_STATE_HOME/lakegate/history/<resource>/<NNNNNN>.json` (override the root with
//! `LAKEGATE_STATE_DIR`). Each file is one document as it was before lakegate changed it.

use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: u32,
    pub resource: String,
    pub target: String,
    pub saved_at: String,
    /// The command that was about to overwrite the document.
    pub reason: String,
    /// The document as it was; null when there was no policy.
    pub policy: Option<Value>,
    /// When that document was read: the re-read right before the write. An edit made with
    /// another tool after this and before the write was overwritten (docs/pipeline.md, "The
    /// window no lease can close"); it is not in `policy` either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<String>,
}

#[derive(Debug, Clone)]
pub struct StateStore {
    root: PathBuf,
}

impl StateStore {
    pub fn open() -> Result<Self> {
        let root = match std::env::var_os("LAKEGATE_STATE_DIR") {
            Some(d) if !d.is_empty() => PathBuf::from(d),
            _ => dirs::state_dir()
                .or_else(|| dirs::home_dir().map(|h| h.join(".local/state")))
                .ok_or_else(|| {
                    failed(
                        "cannot find a state directory: set XDG_STATE_HOME or LAKEGATE_STATE_DIR",
                    )
                })?
                .join("lakegate"),
        };
        Ok(StateStore { root })
    }

    pub fn at(root: impl Into<PathBuf>) -> Self {
        StateStore { root: root.into() }
    }

    fn dir(&self, resource: &str) -> PathBuf {
        self.root
            .join("history")
            .join(crate::policy::arn::path_safe(resource))
    }

    pub fn history(&self, resource: &str) -> Result<Vec<HistoryEntry>> {
        let dir = self.dir(resource);
        let rd = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(failed(format!("cannot read {}: {e}", dir.display()))),
        };
        let mut out = Vec::new();
        for entry in rd.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            match read_entry(&path) {
                Ok(e) if e.resource == resource => out.push(e),
                Ok(_) => {}
                Err(e) => tracing::warn!("skipping {}: {e}", path.display()),
            }
        }
        out.sort_by_key(|e| e.version);
        Ok(out)
    }

    /// Keep `policy` (the document about to be overwritten) and return its version number.
    pub fn save(
        &self,
        resource: &str,
        target: ResourceKind,
        reason: &str,
        policy: Option<&Value>,
        read_at: Option<&str>,
    ) -> Result<u32> {
        let dir = self.dir(resource);
        std::fs::create_dir_all(&dir)
            .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
        // The next version from the file names alone: this runs between the re-read and the
        // write, so it reads no entry.
        let mut version = last_version(&dir) + 1;
        loop {
            let entry = HistoryEntry {
                version,
                resource: resource.to_string(),
                target: target.name.to_string(),
                saved_at: now_rfc3339(),
                reason: reason.to_string(),
                policy: policy.cloned(),
                read_at: read_at.map(str::to_owned),
            };
            let path = dir.join(format!("{version:06}.json"));
            // create_new: two lakegate processes never overwrite each other's entry.
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(f) => {
                    serde_json::to_writer_pretty(f, &entry)
                        .map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
                    return Ok(version);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => version += 1,
                Err(e) => return Err(failed(format!("cannot write {}: {e}", path.display()))),
            }
        }
    }
}

impl StateStore {
    /// Every kept entry whose reason is `reason`, across all resources (oldest first per
    /// resource): how `endpoint unlock` finds what `endpoint lockdown` changed.
    pub fn with_reason(&self, reason: &str) -> Result<Vec<HistoryEntry>> {
        let dir = self.root.join("history");
        let rd = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(failed(format!("cannot read {}: {e}", dir.display()))),
        };
        let mut resources = std::collections::BTreeSet::new();
        for d in rd.flatten() {
            let Ok(files) = std::fs::read_dir(d.path()) else {
                continue;
            };
            for f in files.flatten() {
                if let Ok(e) = read_entry(&f.path()) {
                    if e.reason == reason {
                        resources.insert(e.resource);
                    }
                }
            }
        }
        let mut out = Vec::new();
        for r in resources {
            out.extend(self.history(&r)?);
        }
        Ok(out)
    }
}

/// The highest version among the entry files (`NNNNNN.json`) of `dir`; 0 when there is none.
fn last_version(dir: &Path) -> u32 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let name = e.file_name();
                    let name = name.to_str()?;
                    name.strip_suffix(".json")?.parse::<u32>().ok()
                })
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0)
}

fn read_entry(path: &Path) -> std::result::Result<HistoryEntry, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

pub fn now_rfc3339() -> String {
    crate::aws::now_rfc3339()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const KIND: ResourceKind = ResourceKind::new("bucket-policy", "bucket policy");

    #[test]
    fn versions_increase_and_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let s = StateStore::at(dir.path());
        let r = "arn:aws:s3:::b";
        assert_eq!(s.save(r, KIND, "x", None, None).unwrap(), 1);
        assert_eq!(
            s.save(r, KIND, "y", Some(&json!({"a":1})), Some("t"))
                .unwrap(),
            2
        );
        let h = s.history(r).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[1].policy, Some(json!({"a":1})));
        assert!(s.history("arn:aws:s3:::other").unwrap().is_empty());
    }
}
