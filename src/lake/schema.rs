//! The JSON Schema of a lake file document (`lakegate schema`; committed as
//! `schema/lake.schema.json`, kept fresh by `cargo xtask gen`). It states what [`super::file`]
//! reads; a test checks that every example of the schema reads.

use serde_json::{json, Value};

/// Where the committed copy lives, relative to the repository root.
pub const PATH: &str = "schema/lake.schema.json";

pub fn schema() -> Value {
    let principal = json!({
        "type": "string",
        "description": "An IAM role, user or account-root ARN, a 12-digit account id, or the name of a group of the file",
        "minLength": 1
    });
    let grant = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["principals", "prefix", "access"],
        "properties": {
            "principals": {
                "type": "array",
                "minItems": 1,
                "items": { "$ref": "#/$defs/principal" }
            },
            "prefix": {
                "type": "string",
                "minLength": 1,
                "description": "Key prefix (a trailing '/' is added when missing); no '.' or '..' segments"
            },
            "access": {
                "enum": ["read", "write", "read-write", "read-write-delete"],
                "description": "read: GetObject/GetObjectVersion and ListBucket limited to the prefix; write: PutObject/AbortMultipartUpload; read-write: both (no delete); read-write-delete: read-write and DeleteObject"
            }
        }
    });
    let access_point = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
            "name": {
                "type": "string",
                "pattern": "^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$",
                "description": "Access point name (3-50 characters: lowercase letters, digits, hyphens)"
            },
            "vpcId": {
                "type": "string",
                "pattern": "^vpc-[0-9a-fA-F]+$",
                "description": "Accept requests only from this VPC (network origin VPC); absent: Internet"
            },
            "blockPublicAccess": {
                "type": "string",
                "pattern": "^(all|none|(block-public-acls|ignore-public-acls|block-public-policy|restrict-public-buckets)(,(block-public-acls|ignore-public-acls|block-public-policy|restrict-public-buckets))*)$",
                "description": "all (default), none, or a comma-separated list of settings; applied when the access point is created"
            },
            "grants": { "type": "array", "items": { "$ref": "#/$defs/grant" } }
        }
    });
    let bucket = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
            "name": {
                "type": "string",
                "pattern": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
                "description": "Bucket name"
            },
            "delegate": {
                "type": "boolean",
                "default": false,
                "description": "Delegate the bucket's access control to the account's access points"
            },
            "grants": {
                "type": "array",
                "description": "Grants made directly in the bucket policy",
                "items": { "$ref": "#/$defs/grant" }
            },
            "accessPoints": { "type": "array", "items": { "$ref": "#/$defs/accessPoint" } }
        }
    });
    let guardrail = json!({
        "type": "object",
        "additionalProperties": false,
        "description": "A statement about every principal and key, proved by `diff -f` and `apply -f` against the planned policies (a plan that breaks one is refused, exit 5) and by `lakegate access prove -f`: either `never` (with an optional `prefix`) or `only` with `prefix` and `access`",
        "oneOf": [
            { "required": ["never"], "not": { "anyOf": [{ "required": ["only"] }, { "required": ["access"] }] } },
            { "required": ["only", "prefix"], "not": { "required": ["never"] } }
        ],
        "properties": {
            "never": {
                "enum": ["external-read", "external-write", "public-read", "public-write"],
                "description": "No principal of this kind may read or write: external (outside the bucket owner's account; anyone included) or public (anyone)"
            },
            "only": {
                "type": "array",
                "minItems": 1,
                "items": { "$ref": "#/$defs/principal" },
                "description": "Only these principals (ARNs, account ids or groups of the file) may `access` under `prefix`"
            },
            "prefix": {
                "type": "string",
                "minLength": 1,
                "description": "The keys the guardrail is about (a trailing '/' is added when missing); absent with `never`: the whole bucket"
            },
            "access": {
                "enum": ["read", "write", "delete", "list"],
                "default": "read",
                "description": "The access `only` is about: read (GetObject), write (PutObject), delete (DeleteObject), list (ListBucket with s3:prefix)"
            },
            "buckets": {
                "type": "array",
                "items": { "type": "string" },
                "description": "The buckets of the file it is about (absent: every bucket of the file)"
            }
        }
    });
    let mut doc = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/lakegate/lakegate/schema/lake.schema.json",
        "title": "lakegate lake file",
        "description": "One document of a lake file (a file may hold several, separated by ---): the buckets, access points and grants lakegate declares. `lakegate diff -f` shows what differs, `lakegate apply -f` applies it.",
        "type": "object",
        "additionalProperties": false,
        "required": ["apiVersion", "kind"],
        "properties": {
            "apiVersion": { "const": super::file::API_VERSION },
            "kind": { "const": super::file::KIND },
            "groups": {
                "type": "object",
                "description": "Named lists of principal ARNs, usable in any grant of the file",
                "propertyNames": { "pattern": "^[A-Za-z0-9_-]{1,64}$" },
                "additionalProperties": {
                    "type": "array",
                    "items": { "type": "string", "pattern": "^(arn:|[0-9]{12}$)" }
                }
            },
            "buckets": { "type": "array", "items": { "$ref": "#/$defs/bucket" } },
            "guardrails": {
                "type": "array",
                "description": "Statements `diff -f` and `apply -f` prove against the planned policies before anything is written",
                "items": { "$ref": "#/$defs/guardrail" }
            }
        },
        "$defs": {
            "principal": principal,
            "grant": grant,
            "accessPoint": access_point,
            "bucket": bucket,
            "guardrail": guardrail
        }
    });
    // The `accessGrants` section (`super::access_grants`).
    let (section, defs) = super::access_grants::schema();
    doc["properties"]["accessGrants"] = section;
    for (name, def) in defs {
        doc["$defs"][name] = def;
    }
    doc
}

/// The committed text: pretty JSON and a final newline.
pub fn text() -> String {
    serde_json::to_string_pretty(&schema()).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_schema_is_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/lake.schema.json");
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == super::text(),
            "{} is stale; run `cargo xtask gen`",
            super::PATH
        );
    }
}
