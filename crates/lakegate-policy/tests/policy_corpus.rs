//! A table-driven corpus of decisions, written from the examples of the AWS documentation.
//!
//! Each file under `tests/corpus/` is one scenario: the page it comes from (`source`, which every
//! case cites; a case may cite another page with its own `source`), the policies (bucket, access
//! points, identity; and the rest of the chain: SCP and RCP levels, the permissions boundary, the
//! session policy, the VPC endpoint policy, Block Public Access) and the cases, each a request and
//! the decision AWS documents for it. `invalid` lists documents AWS refuses, each with the policy
//! type it is refused as and the element the error must name.
//!
//! Every policy is validated as its type before it is evaluated, as `access check` does.

use lakegate_policy::eval::symbolic::{self, Access, Query};
use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet, Principal,
    PublicAccessBlock, Request, Verdict,
};
use lakegate_policy::validate::{parse_as, PolicyType};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    source: String,
    title: String,
    #[serde(default = "default_bucket")]
    bucket: String,
    #[serde(default = "default_owner")]
    owner: String,
    #[serde(default = "default_region")]
    region: String,
    #[serde(default)]
    bucket_policy: Option<Value>,
    /// Access point name → policy (null: an access point without a policy).
    #[serde(default)]
    access_points: BTreeMap<String, Value>,
    /// Identity policies; each applies to `principal` (all principals when absent).
    #[serde(default)]
    identity: Vec<Identity>,
    #[serde(default)]
    defaults: Defaults,
    /// SCP levels from the organization root to the account: a policy, or a list of the
    /// policies attached at that level.
    #[serde(default)]
    scp: Vec<Value>,
    /// RCP levels, likewise.
    #[serde(default)]
    rcp: Vec<Value>,
    /// The account the SCPs belong to (None: whichever the principal's is).
    #[serde(default)]
    scp_account: Option<String>,
    #[serde(default)]
    management_account: Option<String>,
    #[serde(default)]
    permission_boundary: Option<Value>,
    #[serde(default)]
    session_policy: Option<Value>,
    #[serde(default)]
    vpc_endpoint_policy: Option<Value>,
    /// RestrictPublicBuckets at each scope.
    #[serde(default)]
    public_access_block: Option<Pab>,
    #[serde(default)]
    cases: Vec<Case>,
    #[serde(default)]
    invalid: Vec<Invalid>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pab {
    #[serde(default)]
    account: bool,
    #[serde(default)]
    bucket: bool,
    #[serde(default)]
    access_point: bool,
}

/// A document refused as `policy_type`, the error naming `path`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Invalid {
    name: String,
    #[serde(default)]
    source: Option<String>,
    policy_type: String,
    /// The document: JSON, or text when it is not JSON (duplicate keys).
    policy: Value,
    path: String,
    /// Text the message must contain.
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Identity {
    #[serde(default)]
    principal: Option<String>,
    policy: Value,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct Defaults {
    principal: Option<String>,
    action: Option<String>,
    access_point: Option<String>,
    #[serde(default)]
    context: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    principal: Option<String>,
    /// An unauthenticated request (no principal).
    #[serde(default)]
    anonymous: bool,
    #[serde(default)]
    tags: BTreeMap<String, String>,
    #[serde(default)]
    action: Option<String>,
    /// The object key; absent for bucket-level actions.
    #[serde(default)]
    key: Option<String>,
    /// The access point the request goes through; "" for none (overrides the default).
    #[serde(default)]
    access_point: Option<String>,
    #[serde(default)]
    context: BTreeMap<String, Value>,
    /// Context keys of the defaults to leave out.
    #[serde(default)]
    without: Vec<String>,
    expect: Verdict,
    /// The Sid that must be among the deciding statements.
    #[serde(default)]
    decided_by: Option<String>,
}

fn default_bucket() -> String {
    "amzn-s3-demo-bucket".into()
}
fn default_owner() -> String {
    "111122223333".into()
}
fn default_region() -> String {
    "us-west-2".into()
}

fn policy_type(name: &str) -> PolicyType {
    match name {
        "bucket" => PolicyType::Bucket,
        "access-point" => PolicyType::AccessPoint,
        "identity" => PolicyType::Identity,
        "scp" => PolicyType::Scp,
        "rcp" => PolicyType::Rcp,
        "boundary" => PolicyType::Boundary,
        "session" => PolicyType::Session,
        "vpc-endpoint" => PolicyType::VpcEndpoint,
        other => panic!("unknown policy type {other}"),
    }
}

fn compile_as(v: &Value, label: &str, ty: PolicyType) -> CompiledPolicy {
    let doc = parse_as(&v.to_string(), ty)
        .unwrap_or_else(|e| panic!("policy {label} is not a valid {ty} policy: {e}"));
    CompiledPolicy::compile(&doc, label).unwrap_or_else(|e| panic!("policy {label}: {e}"))
}

fn levels(v: &[Value], kind: &str, ty: PolicyType) -> Vec<Vec<CompiledPolicy>> {
    v.iter()
        .enumerate()
        .map(|(i, level)| match level {
            Value::Array(list) => list
                .iter()
                .enumerate()
                .map(|(j, p)| compile_as(p, &format!("{kind}:level{i}.{j}"), ty))
                .collect(),
            p => vec![compile_as(p, &format!("{kind}:level{i}"), ty)],
        })
        .collect()
}

fn check_invalid(path: &std::path::Path, sc: &Scenario, failures: &mut Vec<String>) {
    for inv in &sc.invalid {
        let text = match &inv.policy {
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let cite = inv.source.as_deref().unwrap_or(&sc.source);
        let file = path.file_name().unwrap().to_string_lossy();
        match parse_as(&text, policy_type(&inv.policy_type)) {
            Ok(_) => failures.push(format!("{file} / {} ({cite}): accepted", inv.name)),
            Err(e) if e.path != inv.path => failures.push(format!(
                "{file} / {} ({cite}): error names '{}', expected '{}': {e}",
                inv.name, e.path, inv.path
            )),
            Err(e) => {
                if let Some(m) = &inv.message {
                    if !e.message.contains(m.as_str()) {
                        failures.push(format!(
                            "{file} / {} ({cite}): message lacks '{m}': {e}",
                            inv.name
                        ));
                    }
                }
            }
        }
    }
}

fn add_context(req: &mut Request, ctx: &BTreeMap<String, Value>) {
    for (k, v) in ctx {
        match v {
            Value::Array(a) => {
                for x in a {
                    req.add_context(k, x.as_str().unwrap_or(&x.to_string()));
                }
            }
            Value::String(s) => req.add_context(k, s),
            other => req.add_context(k, &other.to_string()),
        }
    }
}

/// The access kind of a request the symbolic model answers for, with its key (for a listing, the
/// `s3:prefix` it asks for).
fn symbolic_access(action: &str, key: Option<&str>, req: &Request) -> Option<(Access, String)> {
    let access = Access::ALL
        .into_iter()
        .find(|a| a.action().eq_ignore_ascii_case(action))?;
    match (access, key) {
        (Access::List, None) => {
            // One s3:prefix value; a listing without one is not a question about prefixes.
            let ctx = req.context_values("s3:prefix")?;
            (ctx.len() == 1).then(|| (access, ctx[0].clone()))
        }
        (Access::List, Some(_)) | (_, None) => None,
        (a, Some(k)) => Some((a, k.to_string())),
    }
}

/// Counts of the corpus run: cases, and cases also decided by the symbolic model.
#[derive(Default)]
struct Counts {
    cases: usize,
    symbolic: usize,
}

fn run_file(path: &std::path::Path, failures: &mut Vec<String>, counts: &mut Counts) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let sc: Scenario =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        sc.source.starts_with("https://docs.aws.amazon.com/"),
        "{}: cite the AWS documentation page",
        path.display()
    );
    assert!(!sc.title.is_empty());
    let target = |name: &str| {
        AccessPointTarget::from_arn(&format!(
            "arn:aws:s3:{}:{}:accesspoint/{name}",
            sc.region, sc.owner
        ))
        .unwrap()
    };
    check_invalid(path, &sc, failures);
    let set = PolicySet {
        identity: sc
            .identity
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    id.principal.clone(),
                    compile_as(&id.policy, &format!("identity{i}"), PolicyType::Identity),
                )
            })
            .collect(),
        bucket: sc
            .bucket_policy
            .as_ref()
            .map(|b| compile_as(b, "bucket", PolicyType::Bucket)),
        bucket_account: sc.owner.clone(),
        access_points: sc
            .access_points
            .iter()
            .map(|(name, p)| AccessPointPolicy {
                target: target(name),
                policy: (!p.is_null()).then(|| {
                    compile_as(p, &format!("access-point:{name}"), PolicyType::AccessPoint)
                }),
            })
            .collect(),
    };
    let chain = Chain {
        scps: levels(&sc.scp, "scp", PolicyType::Scp),
        scp_account: sc.scp_account.clone(),
        rcps: levels(&sc.rcp, "rcp", PolicyType::Rcp),
        management_account: sc.management_account.clone(),
        boundary: sc
            .permission_boundary
            .as_ref()
            .map(|p| compile_as(p, "boundary", PolicyType::Boundary)),
        session: sc
            .session_policy
            .as_ref()
            .map(|p| compile_as(p, "session", PolicyType::Session)),
        vpc_endpoint: sc
            .vpc_endpoint_policy
            .as_ref()
            .map(|p| compile_as(p, "vpc-endpoint", PolicyType::VpcEndpoint)),
        public_access: sc
            .public_access_block
            .as_ref()
            .map(|p| PublicAccessBlock {
                account: p.account,
                bucket: p.bucket,
                access_point: p.access_point,
            })
            .unwrap_or_default(),
    };
    for case in &sc.cases {
        let principal = case
            .principal
            .clone()
            .or(sc.defaults.principal.clone())
            .unwrap_or_else(|| format!("arn:aws:iam::{}:user/Jane", sc.owner));
        let mut p = if case.anonymous {
            Principal::anonymous()
        } else {
            Principal::new(&principal)
        };
        for (k, v) in &case.tags {
            p = p.with_tag(k, v);
        }
        let action = case
            .action
            .clone()
            .or(sc.defaults.action.clone())
            .unwrap_or_else(|| "s3:GetObject".into());
        let mut req = Request::new(p, &action, &sc.bucket, case.key.as_deref());
        let ap = case
            .access_point
            .clone()
            .or(sc.defaults.access_point.clone())
            .filter(|a| !a.is_empty());
        if let Some(a) = &ap {
            req = req.through(target(a));
        }
        let mut ctx = sc.defaults.context.clone();
        ctx.retain(|k, _| !case.without.contains(k) && !case.context.contains_key(k));
        add_context(&mut req, &ctx);
        add_context(&mut req, &case.context);
        if let Some((access, key)) = symbolic_access(&action, case.key.as_deref(), &req) {
            let context: Vec<(String, String)> = req
                .context_pairs()
                .filter(|(k, _)| !(access == Access::List && k == "s3:prefix"))
                .collect();
            let q = Query {
                principal: &req.principal,
                access,
                bucket: &sc.bucket,
                route: req.access_point.as_ref(),
                context: &context,
                audit: None,
            };
            let cite = case.source.as_deref().unwrap_or(&sc.source);
            let file = path.file_name().unwrap().to_string_lossy();
            match symbolic::keys(&set, &chain, &q) {
                Ok(answer) => {
                    counts.symbolic += 1;
                    let allowed = answer.keys.contains(&key);
                    if allowed != (case.expect == Verdict::Allowed) {
                        failures.push(format!(
                            "{file} / {} ({cite}): symbolic model says {} for {key:?}: {}",
                            case.name,
                            if allowed { "allowed" } else { "denied" },
                            answer.keys
                        ));
                    }
                }
                Err(e) => failures.push(format!(
                    "{file} / {} ({cite}): symbolic model: {e}",
                    case.name
                )),
            }
        }
        let d = set.evaluate_with(&chain, &req, true);
        let quick = set.evaluate_with(&chain, &req, false);
        assert_eq!(
            quick.verdict, d.verdict,
            "{}: explain changes the verdict",
            case.name
        );
        let cite = case.source.as_deref().unwrap_or(&sc.source);
        let mut problem = None;
        if d.verdict != case.expect {
            problem = Some(format!("expected {:?}, got {:?}", case.expect, d.verdict));
        } else if let Some(sid) = &case.decided_by {
            if !d.deciding.iter().any(|s| s.sid == Some(sid.as_str())) {
                problem = Some(format!("expected {sid} among the deciding statements"));
            }
        }
        if let Some(p) = problem {
            let trace: Vec<String> = d
                .statements
                .iter()
                .map(|t| {
                    format!(
                        "    {}#{} {:?}: {}",
                        t.statement.policy, t.statement.index, t.statement.sid, t.reason
                    )
                })
                .collect();
            failures.push(format!(
                "{} / {} ({cite}): {p}\n{}",
                path.file_name().unwrap().to_string_lossy(),
                case.name,
                trace.join("\n")
            ));
        }
    }
    counts.cases += sc.cases.len();
    sc.cases.len() + sc.invalid.len()
}

#[test]
fn aws_documentation_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut counts = Counts::default();
    for f in &files {
        total += run_file(f, &mut failures, &mut counts);
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        total >= 150,
        "the corpus has {total} cases; at least 150 expected"
    );
    assert!(
        counts.symbolic >= 200,
        "only {} of {} cases were also decided by the symbolic model",
        counts.symbolic,
        counts.cases
    );
    println!(
        "{total} corpus cases in {} files; {} of {} requests also decided by the symbolic model",
        files.len(),
        counts.symbolic,
        counts.cases
    );
}
