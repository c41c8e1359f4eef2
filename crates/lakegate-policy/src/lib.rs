//! Pure policy layer: no I/O. The document model, Sid-keyed edits, size accounting,
//! names and ARNs, and the statements lakegate writes for access points and delegation.

pub mod access;
pub mod arn;
pub mod declared;
pub mod document;
pub mod eval;
pub mod event;
pub mod json;
pub mod lockdown;
pub mod migrate;
pub mod subscription;
pub mod text;
pub mod validate;

pub use access::AccessLevel;
pub use document::{PolicyDocument, PolicyError, PolicyKind};
pub use validate::PolicyType;
