//! The policies the verbs that ask about many principals evaluate (`access matrix`, `access
//! who-can`, `access prove`): offline from files, or read from AWS (the bucket policy, the
//! bucket's access points and their policies, the identity policies of the principals asked
//! about), with the rest of the chain from files.

use super::chain::ChainFiles;
use super::{access_points_named, fetch_identity, load_policy, offline_target};
use crate::error::{input_error, Result};
use crate::policy::eval::{AccessPointPolicy, AccessPointTarget, CompiledPolicy, PolicySet};
use crate::policy::PolicyType;
use crate::session::Session;
use crate::values::AccessPointName;

/// Where the policies come from (the flags and their help are `commands::access::PolicyArgs`).
#[derive(Debug, Clone, Default)]
pub struct PolicySources {
    /// Only through these access points (default: all of the bucket's).
    pub access_point: Vec<AccessPointName>,
    /// Offline: the bucket policy file (`-` is stdin).
    pub bucket_policy: Option<String>,
    /// Offline: access point policies, `[NAME=]FILE`.
    pub access_point_policy: Vec<String>,
    /// Offline: identity policies, `[PRINCIPAL=]FILE`.
    pub identity_policy: Vec<String>,
    /// Offline: the account that owns the bucket.
    pub bucket_owner: Option<String>,
    /// The rest of the policy chain, from files.
    pub chain: ChainFiles,
}

impl PolicySources {
    /// Whether the policies come from files.
    pub fn offline(&self) -> bool {
        self.bucket_policy.is_some()
            || !self.access_point_policy.is_empty()
            || !self.identity_policy.is_empty()
    }

    /// The policy set, the bucket and the access points asked about: from the files, or read
    /// from AWS (the bucket policy, the bucket's access points and their policies, and the
    /// identity policies of `principals` — default: those the policies name).
    pub async fn gather(
        &self,
        session: &Session,
        bucket: Option<String>,
        principals: &[String],
    ) -> Result<(PolicySet, String, Vec<AccessPointTarget>)> {
        gather(session, self, bucket, principals).await
    }
}

/// The partition of the policy set (`aws` unless its access points are elsewhere).
pub fn partition_of(set: &PolicySet) -> String {
    set.access_points
        .first()
        .and_then(|a| a.target.arn.split(':').nth(1))
        .unwrap_or("aws")
        .to_string()
}

/// The principals and prefixes the policies name, in order of appearance.
pub fn named(set: &PolicySet) -> (Vec<String>, Vec<String>) {
    let mut principals: Vec<String> = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    let policies = set
        .bucket
        .iter()
        .chain(set.access_points.iter().filter_map(|a| a.policy.as_ref()))
        .chain(set.identity.iter().map(|(_, p)| p));
    for p in policies {
        for x in p.principals() {
            if !principals.contains(&x) {
                principals.push(x);
            }
        }
        for x in p.prefixes() {
            if !prefixes.contains(&x) {
                prefixes.push(x);
            }
        }
    }
    for (owner, _) in &set.identity {
        if let Some(o) = owner {
            if !principals.contains(o) {
                principals.push(o.clone());
            }
        }
    }
    (principals, prefixes)
}

fn split_named(item: &str) -> (Option<&str>, &str) {
    // NAME=FILE, unless the text before '=' looks like a path.
    match item.split_once('=') {
        Some((n, f)) if !n.is_empty() && !n.contains(['/', '.']) => (Some(n), f),
        _ => (None, item),
    }
}

fn bucket_from_policy(doc: &crate::policy::PolicyDocument) -> Option<String> {
    for st in doc.statements() {
        for r in crate::policy::document::string_list(st.get("Resource")) {
            if let Some(rest) = r.split_once(":s3:::").map(|(_, r)| r) {
                let b = rest.split('/').next().unwrap_or("");
                if !b.is_empty() && !b.contains(['*', '?', '$']) {
                    return Some(b.to_string());
                }
            }
        }
    }
    None
}

async fn gather(
    ctx: &Session,
    args: &PolicySources,
    bucket_arg: Option<String>,
    asked: &[String],
) -> Result<(PolicySet, String, Vec<AccessPointTarget>)> {
    let mut set = PolicySet::default();
    if args.offline() {
        let mut bucket = bucket_arg.clone();
        if let Some(f) = &args.bucket_policy {
            let (doc, c) = load_policy("--bucket-policy", f, "bucket", PolicyType::Bucket)?;
            if bucket.is_none() {
                bucket = bucket_from_policy(&doc);
            }
            set.bucket = Some(c);
        }
        let bucket = bucket
            .ok_or_else(|| input_error("--bucket: required (the bucket policy names no bucket)"))?;
        let mut loaded = Vec::new();
        for item in &args.access_point_policy {
            let (name, file) = split_named(item);
            let (doc, c) = load_policy(
                "--access-point-policy",
                file,
                "access-point",
                PolicyType::AccessPoint,
            )?;
            let from_doc = access_points_named(&doc);
            let t = match name {
                Some(n) => from_doc.into_iter().find(|t| t.name == n).map(Ok),
                None => match from_doc.as_slice() {
                    [one] => Some(Ok(one.clone())),
                    _ => Some(Err(input_error(format!(
                        "--access-point-policy {file}: name the access point (NAME=FILE): its policy names none, or several"
                    )))),
                },
            };
            loaded.push((name.map(str::to_owned), t.transpose()?, c));
        }
        let owner = args
            .bucket_owner
            .clone()
            .or_else(|| ctx.settings.account_id.clone())
            .or_else(|| {
                loaded
                    .iter()
                    .find_map(|(_, t, _)| t.as_ref().map(|t| t.account.clone()))
            })
            .ok_or_else(|| {
                input_error("--bucket-owner: required (no access point policy names an account)")
            })?;
        crate::policy::arn::validate_account_id(&owner)
            .map_err(|e| input_error(format!("--bucket-owner: {e}")))?;
        set.bucket_account = owner.clone();
        for (name, t, mut c) in loaded {
            let t = match t {
                Some(t) => t,
                None => offline_target(ctx, name.as_deref().unwrap_or_default(), &owner),
            };
            c.label = format!("access-point:{}", t.name);
            set.access_points.push(AccessPointPolicy {
                target: t,
                policy: Some(c),
            });
        }
        for item in &args.identity_policy {
            let (owner, file) = match item.split_once('=') {
                Some((a, f)) if a.starts_with("arn:") => (Some(a.to_string()), f),
                _ => (None, item.as_str()),
            };
            let label = format!("identity:{file}");
            set.identity.push((
                owner,
                load_policy("--identity-policy", file, &label, PolicyType::Identity)?.1,
            ));
        }
        for n in &args.access_point {
            if set.access_point(n).is_none() {
                set.access_points.push(AccessPointPolicy {
                    target: offline_target(ctx, n, &owner),
                    policy: None,
                });
            }
        }
        let routes = set
            .access_points
            .iter()
            .filter(|a| {
                args.access_point.is_empty()
                    || args.access_point.iter().any(|n| *n == a.target.name)
            })
            .map(|a| a.target.clone())
            .collect();
        return Ok((set, bucket, routes));
    }

    let bucket = bucket_arg
        .ok_or_else(|| input_error("--bucket: required when the policies are fetched from AWS"))?;
    crate::policy::arn::validate_bucket_name(&bucket)
        .map_err(|e| input_error(format!("--bucket: {e}")))?;
    let aws = ctx.aws().await?;
    let account = ctx.account().await?;
    set.bucket_account = account.clone();
    set.bucket = aws
        .bucket_policy(&bucket)
        .await?
        .map(|d| CompiledPolicy::compile(&d, "bucket"))
        .transpose()?;
    let aps = aws
        .list_access_points(&account, Some(&bucket), |_| {})
        .await?;
    for info in aps {
        if !args.access_point.is_empty() && !args.access_point.iter().any(|n| *n == info.name) {
            continue;
        }
        let t = AccessPointTarget::from_arn(&info.arn).unwrap_or_else(|| AccessPointTarget {
            name: info.name.clone(),
            arn: info.arn.clone(),
            account: account.clone(),
        });
        let policy = aws
            .access_point_policy(&account, &info.name)
            .await?
            .map(|d| CompiledPolicy::compile(&d, format!("access-point:{}", info.name)))
            .transpose()?;
        set.access_points
            .push(AccessPointPolicy { target: t, policy });
    }
    for n in &args.access_point {
        if set.access_point(n).is_none() {
            return Err(crate::error::failed(format!(
                "access point '{n}' is not an access point of bucket '{bucket}'"
            ))
            .hinted("run `lakegate accesspoint list --bucket BUCKET`"));
        }
    }
    let principals = if asked.is_empty() {
        named(&set).0
    } else {
        asked.to_vec()
    };
    for p in principals {
        for c in fetch_identity(ctx, &p, &account).await? {
            set.identity.push((Some(p.clone()), c));
        }
    }
    let routes = set.access_points.iter().map(|a| a.target.clone()).collect();
    Ok((set, bucket, routes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_policy_arguments() {
        assert_eq!(
            split_named("ec2-consumer=ap.json"),
            (Some("ec2-consumer"), "ap.json")
        );
        assert_eq!(split_named("ap.json"), (None, "ap.json"));
        assert_eq!(split_named("./a=b.json"), (None, "./a=b.json"));
        assert_eq!(split_named("-"), (None, "-"));
    }
}
