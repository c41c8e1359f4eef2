//! A table-driven corpus of decisions, written from the examples of the AWS documentation.
//!
//! Each file under `tests/corpus/` is one scenario: the page it comes from (`source`, which every
//! case cites; a case may cite another page with its own `source`), the policies (bucket, access
//! points, identity) and the cases, each a request and the decision AWS documents for it.

use lakegate_policy::eval::{
    AccessPointPolicy, AccessPointTarget, CompiledPolicy, PolicySet, Principal, Request, Verdict,
};
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
    cases: Vec<Case>,
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

fn compile(v: &Value, label: &str) -> CompiledPolicy {
    CompiledPolicy::parse(&v.to_string(), label)
        .unwrap_or_else(|e| panic!("policy {label} does not parse: {e}"))
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

fn run_file(path: &std::path::Path, failures: &mut Vec<String>) -> usize {
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
    let set = PolicySet {
        identity: sc
            .identity
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    id.principal.clone(),
                    compile(&id.policy, &format!("identity{i}")),
                )
            })
            .collect(),
        bucket: sc.bucket_policy.as_ref().map(|b| compile(b, "bucket")),
        bucket_account: sc.owner.clone(),
        access_points: sc
            .access_points
            .iter()
            .map(|(name, p)| AccessPointPolicy {
                target: target(name),
                policy: (!p.is_null()).then(|| compile(p, &format!("access-point:{name}"))),
            })
            .collect(),
    };
    for case in &sc.cases {
        let principal = case
            .principal
            .clone()
            .or(sc.defaults.principal.clone())
            .unwrap_or_else(|| format!("arn:aws:iam::{}:user/Jane", sc.owner));
        let mut p = Principal::new(&principal);
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
        let d = set.evaluate(&req, true);
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
    sc.cases.len()
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
    for f in &files {
        total += run_file(f, &mut failures);
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
    println!("{total} corpus cases in {} files", files.len());
}
