//! A lake file's `guardrails:` proved against the policies a plan leaves (`diff -f`,
//! `apply -f`), or against the policies the file declares, offline (`access prove -f`).
//!
//! Each bucket is judged on its bucket policy and its access points' policies as planned, by
//! the exact model (`lakegate_policy::eval::exact`): every principal class, every key. The rest
//! of the chain (identity policies, SCPs, RCPs, Block Public Access) is not read: it can only
//! narrow what a resource policy grants to another account or to anyone, so a guardrail of kind
//! `never external-…`/`never public-…` that holds on the resource policies holds whatever the
//! rest is; one that fails may in fact be cut off by Block Public Access or an RCP (the
//! counterexample names the statement to look at).

use super::file::{Lake, NeverKind, OnlyAccess, Rule};
use crate::apply::access::PlannedAccess;
use crate::apply::Plan;
use crate::error::{failed, input_error, Result};
use crate::evaluate::prove::{self, Proof};
use crate::policy::access::{delegate_statement, delegates_to};
use crate::policy::declared::{self, Scope};
use crate::policy::eval::exact::{Guardrail, Model, Never};
use crate::policy::eval::symbolic::Access;
use crate::policy::eval::{AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet};
use crate::policy::{arn, PolicyDocument};
use crate::session::Session;
use crate::values::input::read_input;

/// One bucket's policies: the bucket policy and `(access point ARN, its policy)`.
#[derive(Debug, Clone, Default)]
pub struct Policies {
    pub bucket: String,
    pub bucket_policy: PolicyDocument,
    pub access_points: Vec<(String, PolicyDocument)>,
}

/// The guardrails of a file, each with the buckets it is about (empty: all).
pub fn resolve(lake: &Lake, partition: &str) -> Vec<(Vec<String>, Guardrail)> {
    lake.guardrails
        .iter()
        .map(|g| {
            let prefix = g.prefix.as_ref().map(|p| p.0.clone());
            let rule = match &g.rule {
                Rule::Never(n) => Guardrail::Never {
                    what: match n {
                        NeverKind::ExternalRead => Never::ExternalRead,
                        NeverKind::ExternalWrite => Never::ExternalWrite,
                        NeverKind::PublicRead => Never::PublicRead,
                        NeverKind::PublicWrite => Never::PublicWrite,
                    },
                    prefix,
                },
                Rule::Only { principals, access } => Guardrail::Only {
                    principals: lake.principals(principals, partition),
                    prefix: prefix.unwrap_or_default(),
                    access: match access {
                        OnlyAccess::Read => Access::Read,
                        OnlyAccess::Write => Access::Write,
                        OnlyAccess::Delete => Access::Delete,
                        OnlyAccess::List => Access::List,
                    },
                },
            };
            (g.buckets.clone(), rule)
        })
        .collect()
}

/// The proofs a plan's guard leaves for the verb to print.
pub type Proofs = std::rc::Rc<std::cell::RefCell<Vec<Proof>>>;

/// The plan, guarded by the file's guardrails (none: unchanged): they are proved on the
/// policies the plan leaves (`apply::access::PlannedAccess::after`: every policy of each bucket
/// as planned, those the plan does not change read in), the proofs kept in `into`; with
/// `refuse`, a plan that breaks one is refused before anything is leased or written (exit 5).
pub fn guard<'a>(plan: Plan<'a>, lake: &Lake, into: &Proofs, refuse: bool) -> Plan<'a> {
    if lake.guardrails.is_empty() {
        return plan;
    }
    let lake = lake.clone();
    let into = into.clone();
    plan.guarded(move |planned: &[PlannedAccess]| {
        let sets: Vec<(&str, &PolicySet, &str)> = planned
            .iter()
            .map(|p| (p.bucket.as_str(), &p.after, p.partition))
            .collect();
        let proofs = check_sets(&lake, &sets)?;
        let broken: Vec<&Proof> = proofs.iter().filter(|p| !p.holds).collect();
        let refusal = (refuse && !broken.is_empty()).then(|| prove::refusal(&broken, true));
        *into.borrow_mut() = proofs;
        match refusal {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })
}

/// The policies the file declares, as they would be written on a lake where none of them
/// exists yet (`access prove -f`: offline, without reading AWS).
pub fn declared_offline(
    lake: &Lake,
    account: &str,
    partition: &str,
    region: &str,
) -> Vec<Policies> {
    lake.buckets
        .iter()
        .map(|b| {
            let bucket = b.name.0.clone();
            let mut doc = PolicyDocument::new();
            if b.delegate && !delegates_to(&doc, account) {
                doc.upsert(delegate_statement(partition, &bucket, account));
            }
            let scope = Scope::Bucket {
                arn: arn::bucket_arn(partition, &bucket),
            };
            declared::declare(
                &mut doc,
                &scope,
                &super::grants_of(lake, &b.grants, partition),
                false,
            );
            let access_points = b
                .access_points
                .iter()
                .map(|d| {
                    let ap_arn = arn::access_point_arn(partition, region, account, &d.name.0);
                    let mut doc = PolicyDocument::new();
                    let scope = Scope::AccessPoint(crate::policy::access::AccessPointRef {
                        arn: ap_arn.clone(),
                    });
                    declared::declare(
                        &mut doc,
                        &scope,
                        &super::grants_of(lake, &d.grants, partition),
                        false,
                    );
                    (ap_arn, doc)
                })
                .collect();
            Policies {
                bucket,
                bucket_policy: doc,
                access_points,
            }
        })
        .collect()
}

fn compile(doc: &PolicyDocument, label: String) -> Result<Option<CompiledPolicy>> {
    if doc.is_empty() {
        return Ok(None);
    }
    CompiledPolicy::compile(doc, label.clone())
        .map(Some)
        .map_err(|e| {
            failed(format!(
                "the planned {label} policy cannot be evaluated: {e}"
            ))
        })
}

impl Policies {
    /// The policy set the evaluator reads.
    pub fn set(&self, account: &str) -> Result<PolicySet> {
        let mut access_points = Vec::new();
        for (ap_arn, doc) in &self.access_points {
            let Some(target) = AccessPointTarget::from_arn(ap_arn) else {
                continue;
            };
            let policy = compile(doc, format!("access-point:{}", target.name))?;
            access_points.push(AccessPointPolicy { target, policy });
        }
        Ok(PolicySet {
            identity: Vec::new(),
            bucket: compile(&self.bucket_policy, "bucket".into())?,
            bucket_account: account.to_string(),
            access_points,
        })
    }
}

/// Prove every guardrail of the file on every bucket it is about (the policies of each, as the
/// file declares them), offline.
pub fn check(
    lake: &Lake,
    buckets: &[Policies],
    account: &str,
    partition: &str,
) -> Result<Vec<Proof>> {
    let sets: Vec<(String, PolicySet)> = buckets
        .iter()
        .map(|p| Ok((p.bucket.clone(), p.set(account)?)))
        .collect::<Result<_>>()?;
    let sets: Vec<(&str, &PolicySet, &str)> = sets
        .iter()
        .map(|(b, s)| (b.as_str(), s, partition))
        .collect();
    check_sets(lake, &sets)
}

/// Prove every guardrail of the file on each `(bucket, policy set, partition)` it is about.
fn check_sets(lake: &Lake, sets: &[(&str, &PolicySet, &str)]) -> Result<Vec<Proof>> {
    let chain = Chain::default();
    let context: Vec<(String, String)> = crate::evaluate::DEFAULT_CONTEXT
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut proofs = Vec::new();
    for (bucket, set, partition) in sets {
        let rules = resolve(lake, partition);
        let model = Model {
            set,
            chain: &chain,
            bucket,
            partition,
            context: &context,
            trusted: &[],
        };
        for (only, g) in &rules {
            if !only.is_empty() && !only.iter().any(|b| b == bucket) {
                continue;
            }
            proofs.push(prove::prove(&model, g)?);
        }
    }
    Ok(proofs)
}

/// `access prove -f FILE`: read the lake file and prove its guardrails against the policies
/// it declares (bucket owner `account`; access point ARNs in the session's region), offline.
pub fn prove_file(ctx: &Session, file: &str, account: &str) -> Result<Vec<Proof>> {
    arn::validate_account_id(account).map_err(|e| input_error(format!("--bucket-owner: {e}")))?;
    let text = read_input("-f", file)?;
    let name = if file == "-" { "stdin" } else { file };
    let lake = super::file::parse(name, &text)?;
    if lake.guardrails.is_empty() {
        return Err(input_error(format!(
            "-f {name}: the file declares no guardrails (a `guardrails:` list)"
        )));
    }
    let region = ctx.offline_region();
    let partition = arn::partition(&region);
    let buckets = declared_offline(&lake, account, partition, &region);
    check(&lake, &buckets, account, partition)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAKE: &str = "\
apiVersion: lakegate/v1
kind: Lake
guardrails:
  - never: external-write
  - never: public-read
  - only: [readers]
    prefix: sales_event/
    access: read
    buckets: [store-events]
groups:
  readers: [arn:aws:iam::123456789012:role/Reader]
buckets:
  - name: store-events
    delegate: true
    grants:
      - principals: [readers]
        prefix: sales_event/
        access: read
    accessPoints:
      - name: partner
        grants:
          - principals: [PARTNER]
            prefix: sales_event/
            access: ACCESS
";

    fn proofs(partner: &str, access: &str) -> Vec<Proof> {
        let text = LAKE.replace("PARTNER", partner).replace("ACCESS", access);
        let lake = super::super::file::parse("lake.yaml", &text).unwrap();
        let sets = declared_offline(&lake, "123456789012", "aws", "us-east-1");
        check(&lake, &sets, "123456789012", "aws").unwrap()
    }

    // An access point policy grants through the access point only when the bucket delegates
    // to the owner's access points ("Delegating access control to access points",
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html);
    // the lake's `delegate: true` writes that statement.
    #[test]
    fn an_external_writer_through_an_access_point_breaks_never_external_write() {
        let p = proofs("arn:aws:iam::999988887777:role/partner", "write");
        assert_eq!(p.len(), 3);
        let broken: Vec<&Proof> = p.iter().filter(|p| !p.holds).collect();
        assert_eq!(broken.len(), 1, "{p:?}");
        let c = broken[0].counterexample.as_ref().unwrap();
        assert_eq!(broken[0].guardrail, "never external-write anywhere");
        assert_eq!(c.principal, "arn:aws:iam::999988887777:role/partner");
        assert_eq!(c.action, "s3:PutObject");
        assert_eq!(c.access_point.as_deref(), Some("partner"));
        assert!(c.key.starts_with("sales_event/"), "{}", c.key);
    }

    #[test]
    fn an_internal_writer_holds_and_an_extra_reader_breaks_only() {
        let p = proofs("arn:aws:iam::123456789012:role/Writer", "write");
        assert!(p.iter().all(|p| p.holds), "{p:?}");
        let p = proofs("arn:aws:iam::123456789012:role/Other", "read");
        let broken: Vec<&Proof> = p.iter().filter(|p| !p.holds).collect();
        assert_eq!(broken.len(), 1, "{p:?}");
        assert!(broken[0]
            .guardrail
            .starts_with("only arn:aws:iam::123456789012:role/Reader may read under sales_event/"));
        let c = broken[0].counterexample.as_ref().unwrap();
        assert_eq!(c.principal, "arn:aws:iam::123456789012:role/Other");
    }

    #[test]
    fn bad_guardrails_are_refused_naming_the_field() {
        let err = |g: &str| {
            let text = LAKE
                .replace("  - never: public-read\n", g)
                .replace("PARTNER", "readers")
                .replace("ACCESS", "read");
            super::super::file::parse("lake.yaml", &text)
                .unwrap_err()
                .message
        };
        let e = err("  - never: everyone\n");
        assert!(
            e.contains("guardrails[1].never: unknown variant `everyone`"),
            "{e}"
        );
        let e = err("  - only: [readers]\n");
        assert!(
            e.contains("guardrails[1]") && e.contains("`only` needs `prefix`"),
            "{e}"
        );
        let e = err("  - never: public-read\n    only: [readers]\n    prefix: a/\n");
        assert!(e.contains("either `never` or `only`"), "{e}");
        let e = err("  - never: public-read\n    buckets: [other-bucket]\n");
        assert!(
            e.contains("guardrails[1].buckets: 'other-bucket' is not a bucket of the file"),
            "{e}"
        );
    }
}
