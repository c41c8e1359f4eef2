//! Local state: the policy kept before every overwrite, so `policy rollback` can restore it.
//!
//! Layout: `$XDG_STATE_HOME/lakegate/history/<resource>/<NNNNNN>.json` (override the root with
//! `LAKEGATE_STATE_DIR`). Each file is one document as it was before lakegate changed it.

use crate::error::{failed, Result};
use crate::plan::Target;
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
        let key: String = resource
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.root.join("history").join(key)
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
        target: Target,
        reason: &str,
        policy: Option<&Value>,
    ) -> Result<u32> {
        let dir = self.dir(resource);
        std::fs::create_dir_all(&dir)
            .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
        let mut version = self.history(resource)?.last().map_or(0, |e| e.version) + 1;
        loop {
            let entry = HistoryEntry {
                version,
                resource: resource.to_string(),
                target: serde_json::to_value(target)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                saved_at: now_rfc3339(),
                reason: reason.to_string(),
                policy: policy.cloned(),
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

/// What `endpoint lockdown` changed, kept so `endpoint unlock` can put it back.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LockdownRecord {
    pub vpce: String,
    pub user: String,
    pub policy_name: String,
    pub saved_at: String,
    /// The user's inline policy before the first lockdown; null when there was none.
    pub policy: Option<Value>,
    /// The routes removed (all lockdowns of this endpoint and user, oldest first).
    pub routes: Vec<crate::routes::TableRoutes>,
}

impl StateStore {
    fn lockdown_path(&self, vpce: &str, user: &str) -> PathBuf {
        let safe = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect()
        };
        self.root
            .join("lockdown")
            .join(format!("{}__{}.json", safe(vpce), safe(user)))
    }

    pub fn lockdown(&self, vpce: &str, user: &str) -> Result<Option<LockdownRecord>> {
        let path = self.lockdown_path(vpce, user);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| failed(format!("cannot read {}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(failed(format!("cannot read {}: {e}", path.display()))),
        }
    }

    pub fn save_lockdown(&self, rec: &LockdownRecord) -> Result<PathBuf> {
        let path = self.lockdown_path(&rec.vpce, &rec.user);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| failed(format!("cannot create {}: {e}", dir.display())))?;
        }
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_string_pretty(rec)
            .map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
        std::fs::write(&tmp, text)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
        Ok(path)
    }

    pub fn remove_lockdown(&self, vpce: &str, user: &str) -> Result<()> {
        let path = self.lockdown_path(vpce, user);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(failed(format!("cannot remove {}: {e}", path.display()))),
        }
    }
}

fn read_entry(path: &Path) -> std::result::Result<HistoryEntry, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

pub fn now_rfc3339() -> String {
    aws_smithy_types::DateTime::from(std::time::SystemTime::now())
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions_increase_and_are_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let s = StateStore::at(dir.path());
        let r = "arn:aws:s3:::b";
        assert_eq!(s.save(r, Target::BucketPolicy, "x", None).unwrap(), 1);
        assert_eq!(
            s.save(r, Target::BucketPolicy, "y", Some(&json!({"a":1})))
                .unwrap(),
            2
        );
        let h = s.history(r).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[1].policy, Some(json!({"a":1})));
        assert!(s.history("arn:aws:s3:::other").unwrap().is_empty());
    }
}
