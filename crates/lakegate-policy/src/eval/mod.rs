//! The evaluator: is this principal allowed this action on this bucket or object, possibly
//! through an access point, and which statements decide it?
//!
//! It follows the documented AWS logic ("Policy evaluation logic", "Cross-account policy
//! evaluation logic", "How Amazon S3 authorizes a request", "Configuring IAM policies for using
//! access points"):
//!
//! - an explicit Deny in any applicable policy wins;
//! - a resource policy is satisfied for a principal of the same account by an Allow in the
//!   identity policies OR in the resource policy; for a principal of another account, by an Allow
//!   in both;
//! - a request through an access point needs both the access point policy (resource
//!   `arn:…:accesspoint/NAME[/object/KEY]`) and the bucket policy (resource `arn:…:s3:::BUCKET[/KEY]`)
//!   to be satisfied; `s3:DataAccessPointArn` and `s3:DataAccessPointAccount` are set, so the
//!   usual delegation statement matches;
//! - otherwise the request is implicitly denied.
//!
//! Policies are compiled once ([`CompiledPolicy`]) into matchers so that a decision needs no
//! parsing and almost no allocation.

pub mod audit;
pub mod condition;
pub mod delta;
pub mod exact;
pub mod keyset;
pub mod matrix;
pub mod symbolic;
pub mod variables;
pub mod wildcard;

use super::document::PolicyDocument;
use super::validate::PolicyType;
use super::PolicyError;
use condition::Condition;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use variables::{Template, Val};
use wildcard::Pattern;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Effect {
    Allow,
    Deny,
}

/// A principal element value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PrincipalPattern {
    /// `"*"` or `{"AWS": "*"}`: everyone.
    All,
    /// `{"AWS": "123456789012"}` or `arn:aws:iam::123456789012:root`: the account (which then
    /// delegates to its own identity policies).
    Account(String),
    /// A role, user or session ARN, or a Service/Federated/CanonicalUser identifier.
    Exact(String),
}

#[derive(Debug, Clone)]
enum PrincipalSpec {
    /// No Principal element (identity policies).
    Absent,
    In(Vec<PrincipalPattern>),
    NotIn(Vec<PrincipalPattern>),
}

#[derive(Debug, Clone)]
struct Matcher {
    negated: bool,
    patterns: Vec<Val<Pattern>>,
}

impl Matcher {
    fn compile(v: &Value, lower: bool, vars: bool) -> Matcher {
        let items = super::document::string_list(Some(v));
        Matcher {
            negated: false,
            patterns: items
                .iter()
                .map(|s| match (lower, Template::parse(s).filter(|_| vars)) {
                    (_, Some(t)) => Val::Var(t),
                    (true, None) => Val::Fixed(Pattern::new_lower(s)),
                    (false, None) => Val::Fixed(Pattern::new(s)),
                })
                .collect(),
        }
    }

    fn matches(&self, text: &str, ctx: &RequestCtx<'_>, lower: bool) -> bool {
        let any = self.patterns.iter().any(|p| match p {
            Val::Fixed(p) => p.matches(text),
            Val::Var(t) => t.pattern(ctx, lower).is_some_and(|p| p.matches(text)),
        });
        any != self.negated
    }

    fn fixed(&self) -> impl Iterator<Item = &Pattern> {
        self.patterns.iter().filter_map(|p| match p {
            Val::Fixed(p) => Some(p),
            Val::Var(_) => None,
        })
    }
}

#[derive(Debug, Clone)]
struct Statement {
    index: usize,
    sid: Option<String>,
    effect: Effect,
    principal: PrincipalSpec,
    action: Matcher,
    resource: Option<Matcher>,
    conditions: Vec<Condition>,
}

/// A policy compiled for evaluation. The [`PolicyDocument`] stays the storage model.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    pub label: String,
    statements: Vec<Statement>,
    /// Statements whose Principal names only exact principals, by [`principal_key`]: a decision
    /// visits only these for its principal, plus `unindexed`.
    index: HashMap<String, Vec<u32>>,
    /// Every other statement (no Principal, `*`, accounts, NotPrincipal), in order.
    unindexed: Vec<u32>,
    /// The policy is public in S3's sense ("The meaning of public"): an Allow names `*` (or uses
    /// NotPrincipal) without a condition on fixed values of the keys S3 accepts as restricting.
    public: bool,
}

/// The index key of a principal ARN: a role ARN without its path (so that a role's sessions,
/// which do not carry the path, find it), anything else as it is.
fn principal_key(arn: &str) -> String {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() == 6 && parts[0] == "arn" && parts[2] == "iam" {
        if let Some(rest) = parts[5].strip_prefix("role/") {
            let name = rest.rsplit('/').next().unwrap_or(rest);
            return format!("arn:{}:iam::{}:role/{name}", parts[1], parts[4]);
        }
    }
    arn.to_string()
}

/// The sorted union of sorted statement-index lists (no allocation).
struct Merge<'a> {
    lists: [&'a [u32]; 3],
    last: Option<u32>,
}

impl Iterator for Merge<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        loop {
            let (i, v) = self
                .lists
                .iter()
                .enumerate()
                .filter_map(|(i, l)| l.first().map(|v| (i, *v)))
                .min_by_key(|(_, v)| *v)?;
            self.lists[i] = &self.lists[i][1..];
            if self.last != Some(v) {
                self.last = Some(v);
                return Some(v as usize);
            }
        }
    }
}

fn principal_patterns(v: &Value) -> Vec<PrincipalPattern> {
    let classify = |s: &str, aws: bool| -> PrincipalPattern {
        if s == "*" {
            return PrincipalPattern::All;
        }
        if aws {
            if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
                return PrincipalPattern::Account(s.to_string());
            }
            let parts: Vec<&str> = s.splitn(6, ':').collect();
            if parts.len() == 6 && parts[2] == "iam" && parts[5] == "root" {
                return PrincipalPattern::Account(parts[4].to_string());
            }
        }
        PrincipalPattern::Exact(s.to_string())
    };
    match v {
        Value::String(s) => vec![classify(s, true)],
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, v)| {
                let aws = k == "AWS";
                super::document::string_list(Some(v))
                    .into_iter()
                    .map(move |s| classify(&s, aws))
            })
            .collect(),
        _ => Vec::new(),
    }
}

impl CompiledPolicy {
    /// Compile a validated document. Errors (an unknown condition operator) name the path.
    pub fn compile(doc: &PolicyDocument, label: impl Into<String>) -> Result<Self, PolicyError> {
        // Policy variables exist from version 2012-10-17; without it (or with 2008-10-17) `${…}`
        // is literal text.
        let vars = doc.version() == Some("2012-10-17");
        let mut statements = Vec::new();
        for (index, st) in doc.statements().into_iter().enumerate() {
            let path = format!("Statement[{index}]");
            let effect = match st.get("Effect").and_then(Value::as_str) {
                Some("Deny") => Effect::Deny,
                _ => Effect::Allow,
            };
            let principal = match (st.get("Principal"), st.get("NotPrincipal")) {
                (Some(p), _) => PrincipalSpec::In(principal_patterns(p)),
                (None, Some(p)) => PrincipalSpec::NotIn(principal_patterns(p)),
                (None, None) => PrincipalSpec::Absent,
            };
            let action = match (st.get("Action"), st.get("NotAction")) {
                (Some(a), _) => Matcher::compile(a, true, vars),
                (None, Some(a)) => Matcher {
                    negated: true,
                    ..Matcher::compile(a, true, vars)
                },
                (None, None) => Matcher {
                    negated: false,
                    patterns: Vec::new(),
                },
            };
            let resource = match (st.get("Resource"), st.get("NotResource")) {
                (Some(r), _) => Some(Matcher::compile(r, false, vars)),
                (None, Some(r)) => Some(Matcher {
                    negated: true,
                    ..Matcher::compile(r, false, vars)
                }),
                (None, None) => None,
            };
            let mut conditions = Vec::new();
            if let Some(Value::Object(ops)) = st.get("Condition") {
                for (op, body) in ops {
                    if let Value::Object(keys) = body {
                        for (k, v) in keys {
                            conditions.push(Condition::compile_with(
                                op,
                                k,
                                v,
                                &format!("{path}.Condition.{op}"),
                                vars,
                            )?);
                        }
                    }
                }
            }
            statements.push(Statement {
                index,
                sid: st.get("Sid").and_then(Value::as_str).map(str::to_owned),
                effect,
                principal,
                action,
                resource,
                conditions,
            });
        }
        let mut index: HashMap<String, Vec<u32>> = HashMap::new();
        let mut unindexed = Vec::new();
        for (i, st) in statements.iter().enumerate() {
            let i = i as u32;
            match &st.principal {
                PrincipalSpec::In(ps)
                    if !ps.is_empty()
                        && ps.iter().all(|p| matches!(p, PrincipalPattern::Exact(_))) =>
                {
                    for p in ps {
                        if let PrincipalPattern::Exact(x) = p {
                            let list = index.entry(principal_key(x)).or_default();
                            if list.last() != Some(&i) {
                                list.push(i);
                            }
                        }
                    }
                }
                _ => unindexed.push(i),
            }
        }
        let public = statements.iter().any(Statement::is_public);
        Ok(CompiledPolicy {
            label: label.into(),
            statements,
            index,
            unindexed,
            public,
        })
    }

    /// Parse, validate and compile JSON text.
    pub fn parse(text: &str, label: impl Into<String>) -> Result<Self, PolicyError> {
        Self::compile(&PolicyDocument::parse(text)?, label)
    }

    pub fn len(&self) -> usize {
        self.statements.len()
    }

    /// Public in the sense of S3 Block Public Access ("The meaning of public").
    pub fn is_public(&self) -> bool {
        self.public
    }

    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// The AWS principals the policy names (not `*`, not accounts), in order of appearance.
    pub fn principals(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for st in &self.statements {
            if let PrincipalSpec::In(ps) = &st.principal {
                for p in ps {
                    if let PrincipalPattern::Exact(a) = p {
                        if a.starts_with("arn:") && !out.contains(a) {
                            out.push(a.clone());
                        }
                    }
                }
            }
        }
        out
    }

    /// Every principal an Allow statement could grant, as the audit reports them: ARNs and
    /// service names as written, accounts as `arn:PARTITION:iam::ACCOUNT:root`, and `*` for
    /// everyone (a `"*"` principal or an Allow with NotPrincipal); plus the fixed values of
    /// `aws:PrincipalArn` and `aws:PrincipalAccount` conditions, which name principals that a
    /// `"*"` statement narrows to.
    pub fn audit_principals(&self, partition: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |x: String| {
            if !out.contains(&x) {
                out.push(x);
            }
        };
        let root = |a: &str| format!("arn:{partition}:iam::{a}:root");
        for st in self.statements.iter().filter(|s| s.effect == Effect::Allow) {
            match &st.principal {
                PrincipalSpec::In(ps) => {
                    for p in ps {
                        match p {
                            PrincipalPattern::All => add("*".to_string()),
                            PrincipalPattern::Account(a) => add(root(a)),
                            PrincipalPattern::Exact(x) => add(x.clone()),
                        }
                    }
                }
                PrincipalSpec::NotIn(_) => add("*".to_string()),
                PrincipalSpec::Absent => {}
            }
            for c in &st.conditions {
                let key = c.key_lower();
                if key != "aws:principalarn" && key != "aws:principalaccount" {
                    continue;
                }
                let name = c.operator_name.as_str();
                if name.contains("Not") || name.starts_with("ForAllValues:") {
                    continue;
                }
                for v in c.raw_values() {
                    if v.contains(['*', '?', '$']) {
                        continue;
                    }
                    if key == "aws:principalaccount" {
                        if super::arn::validate_account_id(v).is_ok() {
                            add(root(v));
                        }
                    } else if v.starts_with("arn:") {
                        add(v.clone());
                    }
                }
            }
        }
        out
    }

    /// Key prefixes the policy names: the literal part of object resources (after
    /// `:::BUCKET/` or `/object/`) and of `s3:prefix` condition values, up to the last `/`.
    pub fn prefixes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut add = |p: &str| {
            let p = match p.rfind('/') {
                Some(i) => &p[..=i],
                None => "",
            };
            if !p.is_empty() && !out.iter().any(|x: &String| x == p) {
                out.push(p.to_string());
            }
        };
        for st in &self.statements {
            if let Some(r) = &st.resource {
                for p in r.fixed() {
                    if let Some(lit) = p.literal_prefix() {
                        if let Some((_, key)) = lit.split_once("/object/") {
                            add(key);
                        } else if let Some(rest) = lit.strip_prefix("arn:") {
                            if let Some((_, key)) =
                                rest.split_once(":::").and_then(|(_, r)| r.split_once('/'))
                            {
                                add(key);
                            }
                        }
                    }
                }
            }
            for c in &st.conditions {
                if c.key.eq_ignore_ascii_case("s3:prefix") {
                    for v in c.raw_values() {
                        add(v);
                    }
                }
            }
        }
        out
    }
}

/// The principal making the request.
#[derive(Debug, Clone)]
pub struct Principal {
    /// An IAM ARN (role, user, root, STS session), or a service name such as `ec2.amazonaws.com`.
    pub arn: String,
    /// The principal's account (12 digits; empty for a service or anonymous).
    pub account: String,
    /// Principal tags (`aws:PrincipalTag/KEY`).
    pub tags: Vec<(String, String)>,
    /// For an STS session: the ARN prefix of its role (`arn:aws:iam::ACCOUNT:role/`) and name.
    session_role: Option<(String, String)>,
    username: Option<String>,
    kind: &'static str,
    /// Index keys: the principal's own, and its role's for a session.
    keys: (String, Option<String>),
    /// A representative of a class of principals ([`Principal::class_of`]): its name, type and
    /// tags stand for any, so an audit does not know them (nor its account, when `Some(false)`).
    class: Option<bool>,
}

impl Principal {
    pub fn new(arn: &str) -> Principal {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        let (mut account, mut session_role, mut username, mut kind) =
            (String::new(), None, None, "Service");
        if parts.len() == 6 && parts[0] == "arn" {
            account = parts[4].to_string();
            let res = parts[5];
            if res == "root" {
                kind = "Account";
            } else if let Some(u) = res.strip_prefix("user/") {
                kind = "User";
                username = u.rsplit('/').next().map(str::to_owned);
            } else if res.starts_with("role/") {
                kind = "AssumedRole";
            } else if res.starts_with("federated-user/") {
                kind = "FederatedUser";
            } else if let Some(rest) = res.strip_prefix("assumed-role/") {
                kind = "AssumedRole";
                if let Some((role, _session)) = rest.split_once('/') {
                    session_role = Some((
                        format!("arn:{}:iam::{}:role/", parts[1], parts[4]),
                        role.to_string(),
                    ));
                }
            }
        } else if arn == "*" || arn.is_empty() {
            kind = "Anonymous";
        }
        let keys = (
            principal_key(arn),
            session_role
                .as_ref()
                .map(|(prefix, role)| format!("{prefix}{role}")),
        );
        Principal {
            arn: arn.to_string(),
            account,
            tags: Vec::new(),
            session_role,
            username,
            kind,
            keys,
            class: None,
        }
    }

    /// A representative of "any principal" of a class: which one it is (its ARN, name, type,
    /// tags) is unknown to an audit, and with `account_known` false its account too. Conditions
    /// on those keys narrow its access ("only if …") instead of deciding it.
    #[must_use]
    pub fn class_of(mut self, account_known: bool) -> Self {
        self.class = Some(account_known);
        self
    }

    /// Whether this is a class representative ([`Principal::class_of`]).
    pub fn is_class(&self) -> bool {
        self.class.is_some()
    }

    #[must_use]
    pub fn with_tag(mut self, key: &str, value: &str) -> Self {
        self.tags
            .push((key.to_ascii_lowercase(), value.to_string()));
        self
    }

    /// An anonymous (unauthenticated) request: `Principal::new("")`.
    pub fn anonymous() -> Principal {
        Principal::new("")
    }

    fn is_root_of(&self, account: &str) -> bool {
        self.kind == "Account" && self.account == account
    }

    /// The account root user (`arn:aws:iam::ACCOUNT:root`).
    pub fn is_root(&self) -> bool {
        self.kind == "Account"
    }

    /// No principal at all (an unauthenticated request) — or, in an audit, anyone.
    pub fn is_anonymous(&self) -> bool {
        self.kind == "Anonymous"
    }

    /// An AWS service principal such as `lambda.amazonaws.com`.
    pub fn is_service(&self) -> bool {
        self.kind == "Service"
    }

    /// A role session (`assumed-role/ROLE/SESSION`) or a federated user session: the
    /// principals session policies apply to.
    pub fn is_session(&self) -> bool {
        self.session_role.is_some() || self.kind == "FederatedUser"
    }

    /// An IAM user or role, or a session of a role: the principals a permissions boundary can
    /// be attached to.
    pub fn can_have_boundary(&self) -> bool {
        matches!(self.kind, "User" | "AssumedRole")
    }

    /// A service-linked role (path `/aws-service-role/`) or a session of one (their names start
    /// with `AWSServiceRoleFor`): SCPs and RCPs do not apply to them.
    pub fn is_service_linked_role(&self) -> bool {
        self.arn.contains(":role/aws-service-role/")
            || self
                .session_role
                .as_ref()
                .is_some_and(|(_, r)| r.starts_with("AWSServiceRoleFor"))
    }

    /// Whether a NotPrincipal list exempts this principal. AWS checks the whole identity of
    /// the request ("AWS JSON policy elements: NotPrincipal"): the account, then the role, then
    /// the session; so the list must name every one of them (an IAM user: the user and its
    /// account; a role session: the session, the role and the account). `*` names everyone.
    fn exempt_by(&self, ps: &[PrincipalPattern]) -> bool {
        if ps.contains(&PrincipalPattern::All) {
            return true;
        }
        let account = !self.account.is_empty()
            && ps
                .iter()
                .any(|x| matches!(x, PrincipalPattern::Account(a) if *a == self.account));
        let itself = ps
            .iter()
            .any(|x| matches!(x, PrincipalPattern::Exact(e) if *e == self.arn));
        match self.kind {
            "Anonymous" => false,
            "Account" => account,
            "Service" => itself,
            _ if self.session_role.is_some() => {
                let role = ps.iter().any(|x| self.matched_by(x) == Some(Level::Role));
                account && role && itself
            }
            _ => account && itself,
        }
    }

    /// What a NotPrincipal list leaves unnamed of this principal's identity (for reasons).
    fn unnamed_by(&self, ps: &[PrincipalPattern]) -> String {
        let mut out = Vec::new();
        if !self.account.is_empty()
            && !ps
                .iter()
                .any(|x| matches!(x, PrincipalPattern::Account(a) if *a == self.account))
        {
            out.push(format!("the account {}", self.account));
        }
        if let Some((prefix, role)) = &self.session_role {
            if !ps.iter().any(|x| self.matched_by(x) == Some(Level::Role)) {
                out.push(format!("the role {prefix}{role}"));
            }
        }
        if self.kind != "Account"
            && !ps
                .iter()
                .any(|x| matches!(x, PrincipalPattern::Exact(e) if *e == self.arn))
        {
            if self.arn.is_empty() {
                out.push("an anonymous requester".to_string());
            } else {
                out.push(self.arn.clone());
            }
        }
        out.join(", ")
    }

    /// How a principal pattern matches: None, only through the account, or directly.
    fn matched_by(&self, p: &PrincipalPattern) -> Option<Level> {
        match p {
            PrincipalPattern::All => Some(Level::Direct),
            PrincipalPattern::Account(a) if self.is_root_of(a) => Some(Level::Direct),
            PrincipalPattern::Account(a) if self.account == *a => Some(Level::Account),
            PrincipalPattern::Account(_) => None,
            PrincipalPattern::Exact(x) => {
                if *x == self.arn {
                    // A role acts through its sessions: a grant to the role ARN is limited by the
                    // role's boundary and session policies, as for a session.
                    if self.kind == "AssumedRole" && self.session_role.is_none() {
                        return Some(Level::Role);
                    }
                    return Some(Level::Direct);
                }
                // A role ARN also names the role's sessions.
                let (prefix, role) = self.session_role.as_ref()?;
                let rest = x.strip_prefix(prefix.as_str())?;
                (rest.rsplit('/').next() == Some(role.as_str())).then_some(Level::Role)
            }
        }
    }
}

/// How a statement's Principal element matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// The principal itself (or everyone): the resource policy grants it directly.
    Direct,
    /// The role of a role session: the grant is to the role, so the role's permissions
    /// boundary and the session policy limit it ("Session policies", "Permissions boundaries").
    Role,
    /// Only the principal's account: the account's identity policies must also allow.
    Account,
}

/// An access point the request goes through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessPointTarget {
    pub name: String,
    pub arn: String,
    pub account: String,
}

impl AccessPointTarget {
    /// From an access point ARN (`arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME`).
    pub fn from_arn(arn: &str) -> Option<Self> {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        if parts.len() != 6 || parts[0] != "arn" || parts[2] != "s3" {
            return None;
        }
        let rest = parts[5].strip_prefix("accesspoint/")?;
        let name = rest.split('/').next()?;
        if name.is_empty() {
            return None;
        }
        Some(AccessPointTarget {
            name: name.to_string(),
            arn: format!(
                "arn:{}:s3:{}:{}:accesspoint/{name}",
                parts[1], parts[3], parts[4]
            ),
            account: parts[4].to_string(),
        })
    }
}

/// One request to decide.
#[derive(Debug, Clone)]
pub struct Request {
    pub principal: Principal,
    pub action: String,
    action_lower: String,
    pub partition: String,
    pub bucket: String,
    /// The object key; None for a bucket-level action such as `s3:ListBucket`.
    pub key: Option<String>,
    pub access_point: Option<AccessPointTarget>,
    /// Request context, keys lower-cased: key → values.
    context: Vec<(String, Vec<String>)>,
    /// Audit evaluation (see [`Audit`]); None decides the request exactly as given.
    pub audit: Option<Audit>,
}

/// How an audit treats conditions on keys it cannot know offline (`aws:SourceVpce`,
/// `aws:SourceIp`, `aws:SecureTransport`, `aws:PrincipalOrgID`, tags …: anything the request
/// context does not hold and the evaluator does not derive from the principal, the access point or
/// the resource).
///
/// In both modes a Deny statement whose unknown conditions decide it does not remove access; it is
/// reported as narrowing it ([`Decision::narrowing`]). A principal of another account is assumed
/// to be allowed by its own account's identity policies (which lakegate cannot read), as IAM Access
/// Analyzer assumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audit {
    /// Allow statements whose only failing conditions are unknown apply, narrowed by them.
    Optimistic,
    /// Allow statements with unknown conditions do not apply.
    Strict,
    /// The worst case: Allow statements with unknown conditions do not apply, and Deny
    /// statements with unknown conditions do (access that holds whatever the unknown values are).
    Pessimistic,
}

impl Request {
    pub fn new(principal: Principal, action: &str, bucket: &str, key: Option<&str>) -> Request {
        let partition = principal
            .arn
            .split(':')
            .nth(1)
            .filter(|p| principal.arn.starts_with("arn:") && !p.is_empty())
            .unwrap_or("aws")
            .to_string();
        Request {
            principal,
            action: action.to_string(),
            action_lower: action.to_lowercase(),
            partition,
            bucket: bucket.to_string(),
            key: key.map(str::to_owned),
            access_point: None,
            context: Vec::new(),
            audit: None,
        }
    }

    #[must_use]
    pub fn audited(mut self, mode: Audit) -> Self {
        self.audit = Some(mode);
        self
    }

    #[must_use]
    pub fn through(mut self, ap: AccessPointTarget) -> Self {
        self.access_point = Some(ap);
        self
    }

    /// Add a value to a context key (keys are case-insensitive; repeated keys are multivalued).
    #[must_use]
    pub fn context(mut self, key: &str, value: &str) -> Self {
        self.add_context(key, value);
        self
    }

    pub fn add_context(&mut self, key: &str, value: &str) {
        let k = key.to_ascii_lowercase();
        match self.context.iter_mut().find(|(x, _)| *x == k) {
            Some((_, v)) => v.push(value.to_string()),
            None => self.context.push((k, vec![value.to_string()])),
        }
    }

    /// The values of a context key, if the request holds it.
    pub fn context_values(&self, key: &str) -> Option<&[String]> {
        let k = key.to_ascii_lowercase();
        self.context
            .iter()
            .find(|(x, _)| *x == k)
            .map(|(_, v)| v.as_slice())
    }

    /// Every (lower-cased key, value) pair of the request context.
    pub fn context_pairs(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.context
            .iter()
            .flat_map(|(k, vs)| vs.iter().map(move |v| (k.clone(), v.clone())))
    }

    pub fn has_context(&self, key: &str) -> bool {
        let k = key.to_ascii_lowercase();
        self.context.iter().any(|(x, _)| *x == k)
    }

    /// The resource as the bucket policy and identity policies see it.
    pub fn bucket_resource(&self) -> String {
        match &self.key {
            Some(k) => format!("arn:{}:s3:::{}/{k}", self.partition, self.bucket),
            None => format!("arn:{}:s3:::{}", self.partition, self.bucket),
        }
    }

    /// The resource as the access point policy sees it.
    pub fn access_point_resource(&self) -> Option<String> {
        let ap = self.access_point.as_ref()?;
        Some(match &self.key {
            Some(k) => format!("{}/object/{k}", ap.arn),
            None => ap.arn.clone(),
        })
    }
}

/// Values of one context key.
#[derive(Debug, Clone, Copy)]
pub struct Vals<'a> {
    one: Option<&'a str>,
    many: &'a [String],
}

impl<'a> Vals<'a> {
    fn one(s: &'a str) -> Self {
        Vals {
            one: Some(s),
            many: &[],
        }
    }

    pub fn len(&self) -> usize {
        usize::from(self.one.is_some()) + self.many.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.one
            .into_iter()
            .chain(self.many.iter().map(String::as_str))
    }
}

/// What conditions and policy variables read: the request context plus the keys AWS sets.
pub struct RequestCtx<'a> {
    req: &'a Request,
    resource_account: &'a str,
    /// The principal has a permissions boundary: a Deny with NotPrincipal then always applies
    /// to it ("Permissions boundaries for IAM entities", Important).
    boundary: bool,
}

impl<'a> RequestCtx<'a> {
    /// Look up a lower-cased key.
    pub fn get(&self, key: &str) -> Option<Vals<'a>> {
        let req = self.req;
        if let Some((_, v)) = req.context.iter().find(|(k, _)| k == key) {
            return Some(Vals { one: None, many: v });
        }
        let p = &req.principal;
        let ap = req.access_point.as_ref();
        let nonempty = |s: &'a str| (!s.is_empty()).then(|| Vals::one(s));
        match key {
            // For a role session, the role's ARN, not the session's ("AWS global condition
            // context keys": aws:PrincipalArn).
            "aws:principalarn" => match (&p.session_role, &p.keys.1) {
                (Some(_), Some(role)) => Some(Vals::one(role)),
                _ => nonempty(&p.arn),
            },
            "aws:principalisawsservice" if !p.is_anonymous() => {
                Some(Vals::one(if p.is_service() { "true" } else { "false" }))
            }
            "aws:principalservicename" if p.is_service() => nonempty(&p.arn),
            "aws:principalaccount" => nonempty(&p.account),
            "aws:principaltype" => Some(Vals::one(p.kind)),
            "aws:username" => p.username.as_deref().map(Vals::one),
            "aws:resourceaccount" => nonempty(self.resource_account),
            "s3:dataaccesspointarn" => ap.map(|a| Vals::one(&a.arn)),
            "s3:dataaccesspointaccount" => ap.map(|a| Vals::one(&a.account)),
            _ => {
                let tag = key.strip_prefix("aws:principaltag/")?;
                p.tags
                    .iter()
                    .find(|(k, _)| k == tag)
                    .map(|(_, v)| Vals::one(v))
            }
        }
    }
}

impl RequestCtx<'_> {
    /// Whether an audit can decide a condition on this (lower-cased) key: the request context
    /// holds it, or the evaluator derives it (present or absent) from the principal, the access
    /// point and the resource. `s3:prefix` is known: set for listing, absent for object requests.
    /// For the principal `*` (anyone), the principal's own keys are not known.
    pub fn knows(&self, key: &str) -> bool {
        if self.req.context.iter().any(|(k, _)| k == key) {
            return true;
        }
        // `*` stands for any principal: conditions on who it is narrow, they do not decide.
        let p = &self.req.principal;
        if key == "aws:principalaccount" && p.class == Some(false) {
            return false;
        }
        if p.class.is_some()
            && (matches!(
                key,
                "aws:principalarn" | "aws:principaltype" | "aws:username" | "aws:userid"
            ) || key.starts_with("aws:principaltag/"))
        {
            return false;
        }
        if self.req.principal.kind == "Anonymous"
            && matches!(
                key,
                "aws:principalarn"
                    | "aws:principalaccount"
                    | "aws:principaltype"
                    | "aws:username"
                    | "aws:principalisawsservice"
            )
        {
            return false;
        }
        matches!(
            key,
            "aws:principalarn"
                | "aws:principalaccount"
                | "aws:principaltype"
                | "aws:username"
                | "aws:principalisawsservice"
                | "aws:resourceaccount"
                | "s3:dataaccesspointarn"
                | "s3:dataaccesspointaccount"
                | "s3:prefix"
        ) || key
            .strip_prefix("aws:principaltag/")
            .is_some_and(|t| self.req.principal.tags.iter().any(|(k, _)| k == t))
    }
}

/// A statement that would have applied but for conditions an audit cannot know: an Allow that
/// grants only when they hold, or a Deny that removes access unless they are met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Narrowing<'a> {
    #[serde(flatten)]
    pub statement: StatementRef<'a>,
    /// What a request must satisfy to be allowed (for a Deny, the negation of its conditions).
    pub requires: String,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Allowed,
    ExplicitlyDenied,
    ImplicitlyDenied,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::ExplicitlyDenied => "explicitly-denied",
            Verdict::ImplicitlyDenied => "implicitly-denied",
        }
    }
}

/// A statement that decided (or, with `explain`, was considered for) the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementRef<'a> {
    pub policy: &'a str,
    /// The type of the policy: bucket, access-point, identity, scp, rcp, boundary, session,
    /// vpc-endpoint.
    pub policy_type: PolicyType,
    pub index: usize,
    pub sid: Option<&'a str>,
    pub effect: Effect,
}

/// Why a statement applied or did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace<'a> {
    #[serde(flatten)]
    pub statement: StatementRef<'a>,
    pub applies: bool,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision<'a> {
    pub verdict: Verdict,
    pub deciding: Vec<StatementRef<'a>>,
    /// For an implicit deny: which policy did not allow.
    pub missing: Option<&'static str>,
    /// For an implicit deny by a policy of the chain (an SCP level, a boundary, a session or
    /// VPC endpoint policy): its label.
    pub missing_in: Option<&'a str>,
    /// Every statement considered, with the reason (only when asked to explain).
    pub statements: Vec<Trace<'a>>,
    /// Audit mode only: statements that apply only under conditions it cannot know.
    pub narrowing: Vec<Narrowing<'a>>,
}

impl Decision<'_> {
    pub fn allowed(&self) -> bool {
        self.verdict == Verdict::Allowed
    }
}

/// An access point's policy (None when it has none).
#[derive(Debug, Clone)]
pub struct AccessPointPolicy {
    pub target: AccessPointTarget,
    pub policy: Option<CompiledPolicy>,
}

/// Every policy that may apply.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    /// Identity policies and the principal they belong to (None: whichever principal asks).
    pub identity: Vec<(Option<String>, CompiledPolicy)>,
    pub bucket: Option<CompiledPolicy>,
    /// The account that owns the bucket.
    pub bucket_account: String,
    pub access_points: Vec<AccessPointPolicy>,
}

/// What one policy said about the request.
#[derive(Debug, Default, Clone, Copy)]
struct Said {
    deny: bool,
    allow_direct: bool,
    allow_role: bool,
    allow_account: bool,
}

impl Said {
    fn any_allow(self) -> bool {
        self.allow_direct || self.allow_role || self.allow_account
    }
}

enum Miss {
    Principal,
    /// NotPrincipal names the principal's whole identity.
    Exempt,
    /// A resource-policy statement without Principal or NotPrincipal.
    NoPrincipal,
    Action,
    Resource,
    NoResource,
    Condition(usize),
}

impl Statement {
    fn check(
        &self,
        principal: Option<&Principal>,
        action: &str,
        resource: &str,
        ctx: &RequestCtx<'_>,
    ) -> Result<(Level, u64), Miss> {
        let level = self.principal_level(principal, ctx)?;
        self.check_rest(level, action, resource, ctx)
    }

    /// How the Principal element matches (None: a policy without principals, all match).
    fn principal_level(
        &self,
        principal: Option<&Principal>,
        ctx: &RequestCtx<'_>,
    ) -> Result<Level, Miss> {
        Ok(match (&self.principal, principal) {
            (_, None) => Level::Direct,
            // S3 refuses such a statement; validation refuses it before evaluation, and if one
            // reaches here it applies to no one (never to everyone).
            (PrincipalSpec::Absent, Some(_)) => return Err(Miss::NoPrincipal),
            (PrincipalSpec::In(ps), Some(p)) => {
                let mut best = None;
                for pat in ps {
                    match p.matched_by(pat) {
                        Some(Level::Direct) => {
                            best = Some(Level::Direct);
                            break;
                        }
                        Some(Level::Role) => best = Some(Level::Role),
                        Some(Level::Account) if best.is_none() => best = Some(Level::Account),
                        _ => {}
                    }
                }
                best.ok_or(Miss::Principal)?
            }
            (PrincipalSpec::NotIn(ps), Some(p)) => {
                if !ctx.boundary && p.exempt_by(ps) {
                    return Err(Miss::Exempt);
                }
                Level::Direct
            }
        })
    }

    fn check_rest(
        &self,
        level: Level,
        action: &str,
        resource: &str,
        ctx: &RequestCtx<'_>,
    ) -> Result<(Level, u64), Miss> {
        if !self.action.matches(action, ctx, true) {
            return Err(Miss::Action);
        }
        match &self.resource {
            None => return Err(Miss::NoResource),
            Some(r) if !r.matches(resource, ctx, false) => return Err(Miss::Resource),
            Some(_) => {}
        }
        let mut unknown = 0u64;
        for (i, c) in self.conditions.iter().enumerate() {
            if let Some(mode) = ctx.req.audit {
                if !ctx.knows(c.key_lower()) {
                    // Allow: assumed met (optimistic) or not (strict). Deny: reported, never
                    // applied.
                    match (self.effect, mode) {
                        (Effect::Allow, Audit::Strict | Audit::Pessimistic) => {
                            return Err(Miss::Condition(i))
                        }
                        (Effect::Deny, Audit::Pessimistic) => continue,
                        _ => {
                            unknown |= 1u64 << i.min(63);
                            continue;
                        }
                    }
                }
            }
            if !c.eval(ctx) {
                return Err(Miss::Condition(i));
            }
        }
        Ok((level, unknown))
    }

    /// What a request must satisfy for the statement's unknown conditions (`mask`).
    fn requirement(&self, mask: u64) -> String {
        let deny = self.effect == Effect::Deny;
        let parts: Vec<String> = self
            .conditions
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1u64 << (*i).min(63)) != 0)
            .map(|(_, c)| c.describe(deny))
            .collect();
        // A Deny applies when all its conditions hold: access needs any one of them to fail.
        parts.join(if deny { " or " } else { " and " })
    }

    /// Public in S3's sense: an Allow to everyone not narrowed by a fixed-value condition.
    fn is_public(&self) -> bool {
        if self.effect != Effect::Allow {
            return false;
        }
        let everyone = match &self.principal {
            PrincipalSpec::In(ps) => ps.contains(&PrincipalPattern::All),
            PrincipalSpec::NotIn(_) => true,
            PrincipalSpec::Absent => false,
        };
        everyone && !self.conditions.iter().any(Condition::restricts_publicly)
    }

    fn reference<'a>(&'a self, policy: &'a str, policy_type: PolicyType) -> StatementRef<'a> {
        StatementRef {
            policy,
            policy_type,
            index: self.index,
            sid: self.sid.as_deref(),
            effect: self.effect,
        }
    }
}

struct Run<'a> {
    explain: bool,
    /// The action as the request spelt it (for reasons).
    shown_action: String,
    denies: Vec<StatementRef<'a>>,
    allows: Vec<StatementRef<'a>>,
    traces: Vec<Trace<'a>>,
    narrowing: Vec<Narrowing<'a>>,
}

impl<'a> Run<'a> {
    /// Evaluate one policy, recording matching statements.
    #[allow(clippy::too_many_arguments)]
    fn policy(
        &mut self,
        policy: &'a CompiledPolicy,
        ty: PolicyType,
        principal: Option<&Principal>,
        action: &str,
        resource: &str,
        ctx: &RequestCtx<'_>,
    ) -> Said {
        let mut said = Said::default();
        let all = 0..policy.statements.len();
        let (mut every, mut some) = (None, None);
        match principal {
            // Small policies are faster to scan than to look up.
            Some(p) if !self.explain && policy.statements.len() > 16 => {
                let get = |k: &str| policy.index.get(k).map(Vec::as_slice).unwrap_or(&[]);
                some = Some(Merge {
                    lists: [
                        get(&p.keys.0),
                        p.keys.1.as_deref().map(get).unwrap_or(&[]),
                        &policy.unindexed,
                    ],
                    last: None,
                });
            }
            _ => every = Some(all),
        }
        let visit = every
            .into_iter()
            .flatten()
            .chain(some.into_iter().flatten());
        for i in visit {
            let st = &policy.statements[i];
            let r = st.check(principal, action, resource, ctx);
            if self.explain {
                let reason = match &r {
                    Ok((_, mask)) if *mask != 0 => {
                        format!("matches if {}", st.requirement(*mask))
                    }
                    Ok((Level::Direct, _)) => match (&st.principal, principal) {
                        (PrincipalSpec::NotIn(ps), Some(p)) if ctx.boundary && p.exempt_by(ps) => {
                            "matches: a Deny with NotPrincipal always applies to a principal with a permissions boundary".to_string()
                        }
                        (PrincipalSpec::NotIn(ps), Some(p)) => format!(
                            "matches: NotPrincipal does not name {}",
                            p.unnamed_by(ps)
                        ),
                        _ => "matches".to_string(),
                    },
                    Ok((Level::Role, _)) => {
                        "matches the session's role (its permissions boundary and session policy also limit this grant)"
                            .to_string()
                    }
                    Ok((Level::Account, _)) => {
                        "matches the principal's account (its identity policies must also allow)"
                            .to_string()
                    }
                    Err(Miss::Principal) => "the principal is not named".to_string(),
                    Err(Miss::Exempt) => {
                        "NotPrincipal names the principal's whole identity (account, role, session): exempt".to_string()
                    }
                    Err(Miss::NoPrincipal) => {
                        "the statement has no Principal: S3 refuses such a resource policy, and it applies to no one".to_string()
                    }
                    Err(Miss::Action) => {
                        format!("the action does not match {}", self.shown_action)
                    }
                    Err(Miss::Resource) => format!("the resource does not match {resource}"),
                    Err(Miss::NoResource) => "the statement has no Resource".to_string(),
                    Err(Miss::Condition(i)) => st.conditions[*i].explain(ctx),
                };
                self.traces.push(Trace {
                    statement: st.reference(&policy.label, ty),
                    applies: r.is_ok(),
                    reason,
                });
            }
            let Ok((level, mask)) = r else { continue };
            if mask != 0 {
                self.narrowing.push(Narrowing {
                    statement: st.reference(&policy.label, ty),
                    requires: st.requirement(mask),
                });
                if st.effect == Effect::Deny {
                    continue;
                }
            }
            match st.effect {
                Effect::Deny => {
                    said.deny = true;
                    self.denies.push(st.reference(&policy.label, ty));
                }
                Effect::Allow => {
                    match level {
                        Level::Direct => said.allow_direct = true,
                        Level::Role => said.allow_role = true,
                        Level::Account => said.allow_account = true,
                    }
                    self.allows.push(st.reference(&policy.label, ty));
                }
            }
        }
        said
    }
}

/// The S3 Block Public Access setting that decides access (`RestrictPublicBuckets`) at each
/// scope. The most restrictive combination applies ("Blocking public access to your Amazon S3
/// storage"): a request through an access point is held to all three, a direct one to the
/// account's and the bucket's. `BlockPublicPolicy` and `BlockPublicAcls` only refuse writes of
/// policies and ACLs, and `IgnorePublicAcls` concerns ACLs, which lakegate does not evaluate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PublicAccessBlock {
    /// RestrictPublicBuckets of the bucket owner's account.
    pub account: bool,
    /// RestrictPublicBuckets of the bucket.
    pub bucket: bool,
    /// RestrictPublicBuckets of the access point the request goes through.
    pub access_point: bool,
}

/// The policies beyond identity and resource policies that AWS evaluates for a request ("Policy
/// evaluation logic"). Empty (the default): none of them applies.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    /// Service control policies of the principal's account, one level per entry from the
    /// organization root to the account; each level holds the policies attached there. Every
    /// level must have a policy that allows. Not applied to the management account, to
    /// service-linked roles, to AWS service principals or to anonymous requests.
    pub scps: Vec<Vec<CompiledPolicy>>,
    /// The account the SCPs are those of (an audit reads its own account's): principals of
    /// other accounts are not held to them. None: the principal's account, whichever it is.
    pub scp_account: Option<String>,
    /// Resource control policies of the bucket owner's account, by level like `scps`. The AWS
    /// managed RCPFullAWSAccess is attached to every level and cannot be detached, so RCPs only
    /// deny. Not applied to resources of the management account, to service-linked roles or to
    /// AWS service principals.
    pub rcps: Vec<Vec<CompiledPolicy>>,
    /// The organization's management account (SCPs and RCPs do not apply to it).
    pub management_account: Option<String>,
    /// The permissions boundary of the IAM user or role (for a session: of its role).
    pub boundary: Option<CompiledPolicy>,
    /// The session policy of a role session or federated user session.
    pub session: Option<CompiledPolicy>,
    /// The policy of the VPC endpoint the request goes through.
    pub vpc_endpoint: Option<CompiledPolicy>,
    pub public_access: PublicAccessBlock,
}

pub(crate) static NO_CHAIN: Chain = Chain {
    scps: Vec::new(),
    scp_account: None,
    rcps: Vec::new(),
    management_account: None,
    boundary: None,
    session: None,
    vpc_endpoint: None,
    public_access: PublicAccessBlock {
        account: false,
        bucket: false,
        access_point: false,
    },
};

impl Chain {
    pub fn is_empty(&self) -> bool {
        self.scps.is_empty()
            && self.rcps.is_empty()
            && self.boundary.is_none()
            && self.session.is_none()
            && self.vpc_endpoint.is_none()
            && self.public_access == PublicAccessBlock::default()
    }
}

impl PolicySet {
    pub fn access_point(&self, name: &str) -> Option<&AccessPointPolicy> {
        self.access_points.iter().find(|a| a.target.name == name)
    }

    /// Decide a request from the identity and resource policies alone. With `explain`, every
    /// statement considered is traced with its reason.
    pub fn evaluate<'a>(&'a self, req: &Request, explain: bool) -> Decision<'a> {
        self.evaluate_with(&NO_CHAIN, req, explain)
    }

    /// Decide a request with the whole chain: explicit deny in any policy; then every SCP
    /// level, the VPC endpoint policy, Block Public Access, and the resource and identity side
    /// (identity policies, limited by the permissions boundary and the session policy) as
    /// "Determining whether a request is allowed or denied within an account" and
    /// "Cross-account policy evaluation logic" describe.
    pub fn evaluate_with<'a>(
        &'a self,
        chain: &'a Chain,
        req: &Request,
        explain: bool,
    ) -> Decision<'a> {
        let mut run = Run {
            explain,
            shown_action: if explain {
                req.action.clone()
            } else {
                String::new()
            },
            denies: Vec::new(),
            allows: Vec::new(),
            traces: Vec::new(),
            narrowing: Vec::new(),
        };
        let p = &req.principal;
        let action = req.action_lower.as_str();
        let bucket_res = req.bucket_resource();
        let ap_res = req.access_point_resource();
        let ap = req.access_point.as_ref();
        let ap_policy = ap.and_then(|t| {
            self.access_points
                .iter()
                .find(|a| a.target.arn == t.arn)
                .and_then(|a| a.policy.as_ref())
        });
        let ap_account = ap.map(|a| a.account.as_str()).unwrap_or("");
        let anonymous = p.is_anonymous();
        let boundary = chain.boundary.as_ref().filter(|_| p.can_have_boundary());
        let session = chain.session.as_ref().filter(|_| p.is_session());
        let management = |a: &str| chain.management_account.as_deref() == Some(a);
        let org_exempt = || p.is_service() || p.is_service_linked_role();
        let scps_apply = !chain.scps.is_empty()
            && !anonymous
            && !org_exempt()
            && !management(&p.account)
            && chain.scp_account.as_ref().is_none_or(|a| *a == p.account);
        let rcps_apply =
            !chain.rcps.is_empty() && !org_exempt() && !management(&self.bucket_account);

        // Identity policies see the access point resource when the request goes through one.
        let id_res = ap_res.as_deref().unwrap_or(&bucket_res);
        let id_ctx = RequestCtx {
            req,
            resource_account: if ap.is_some() {
                ap_account
            } else {
                &self.bucket_account
            },
            boundary: boundary.is_some(),
        };
        // The account root user has every permission in its own account: no identity policy
        // is needed (nor can one be attached).
        let mut identity_allow = p.is_root();
        // Anonymous requests and AWS service principals have no identity policies.
        let identities = if anonymous || p.is_service() {
            &[][..]
        } else {
            &self.identity[..]
        };
        for (owner, pol) in identities {
            // A role's identity policies also apply to its sessions.
            if owner.as_deref().is_some_and(|o| {
                p.matched_by(&PrincipalPattern::Exact(o.to_string()))
                    .is_none_or(|l| l == Level::Account)
            }) {
                continue;
            }
            let s = run.policy(pol, PolicyType::Identity, None, action, id_res, &id_ctx);
            identity_allow |= s.allow_direct;
        }
        let mut missing_in: Option<&'a str> = None;
        let mut limits_ok = true;
        let mut limit_reason = None;
        if let Some(b) = boundary {
            let s = run.policy(b, PolicyType::Boundary, None, action, id_res, &id_ctx);
            if !s.allow_direct {
                limits_ok = false;
                limit_reason = Some("the permissions boundary does not allow");
                missing_in = Some(&b.label);
            }
        }
        if let Some(sp) = session {
            let s = run.policy(sp, PolicyType::Session, None, action, id_res, &id_ctx);
            if !s.allow_direct && limits_ok {
                limits_ok = false;
                limit_reason = Some("the session policy does not allow");
                missing_in = Some(&sp.label);
            }
        }
        let mut scp_ok = true;
        if scps_apply {
            for level in &chain.scps {
                let mut allows = false;
                for pol in level {
                    allows |= run
                        .policy(pol, PolicyType::Scp, None, action, id_res, &id_ctx)
                        .allow_direct;
                }
                if !allows && scp_ok {
                    scp_ok = false;
                    missing_in = level.first().map(|x| x.label.as_str()).or(Some("scp"));
                }
            }
        }
        if rcps_apply {
            let ctx = RequestCtx {
                req,
                resource_account: &self.bucket_account,
                boundary: boundary.is_some(),
            };
            for pol in chain.rcps.iter().flatten() {
                run.policy(pol, PolicyType::Rcp, Some(p), action, &bucket_res, &ctx);
            }
        }
        let mut vpce_ok = true;
        if let Some(v) = &chain.vpc_endpoint {
            let ctx = RequestCtx {
                req,
                resource_account: &self.bucket_account,
                boundary: boundary.is_some(),
            };
            vpce_ok = run
                .policy(
                    v,
                    PolicyType::VpcEndpoint,
                    Some(p),
                    action,
                    &bucket_res,
                    &ctx,
                )
                .any_allow();
            if let Some(res) = ap_res.as_deref() {
                vpce_ok &= run
                    .policy(v, PolicyType::VpcEndpoint, Some(p), action, res, &ctx)
                    .any_allow();
            }
            if !vpce_ok && missing_in.is_none() {
                missing_in = Some(&v.label);
            }
        }

        // The identity side: identity policies, limited by the boundary and the session policy.
        // An audit cannot read other accounts' identity policies: it assumes they allow.
        let identity_side = identity_allow && limits_ok;
        let foreign_identity_side = (identity_allow || req.audit.is_some()) && limits_ok;
        let satisfied = |said: Said, owner: &str| -> bool {
            if p.account.is_empty() {
                // Anonymous and service principals have no identity policies.
                said.allow_direct
            } else if p.account == owner {
                // Same account: a grant to the user or the session itself is not limited by
                // identity policies, the boundary or the session policy; a grant to a
                // session's role is limited by the boundary and the session policy; a grant to
                // the account delegates to the identity policies.
                identity_side || said.allow_direct || (said.allow_role && limits_ok)
            } else {
                foreign_identity_side && said.any_allow()
            }
        };
        // RestrictPublicBuckets: with a public policy, only service principals and principals
        // of the bucket owner's (and access point owner's) account get in.
        let outsider = !p.is_service()
            && p.account != self.bucket_account
            && (ap.is_none() || p.account != ap_account);
        let pab = chain.public_access;
        let restrict_bucket = pab.account || pab.bucket || (ap.is_some() && pab.access_point);
        let mut blocked = false;

        let mut ap_ok = true;
        if let (Some(t), Some(res)) = (ap, ap_res.as_deref()) {
            let said = match ap_policy {
                Some(pol) => {
                    let ctx = RequestCtx {
                        req,
                        resource_account: &t.account,
                        boundary: boundary.is_some(),
                    };
                    run.policy(pol, PolicyType::AccessPoint, Some(p), action, res, &ctx)
                }
                None => Said::default(),
            };
            // Access points do not support anonymous requests (an audit's `*` stands for anyone,
            // authenticated principals of any account included).
            ap_ok = satisfied(said, &t.account) && !(anonymous && req.audit.is_none());
            if outsider && restrict_bucket && ap_policy.is_some_and(CompiledPolicy::is_public) {
                ap_ok = false;
                blocked = true;
            }
        }
        let bucket_said = match &self.bucket {
            Some(pol) => {
                let ctx = RequestCtx {
                    req,
                    resource_account: &self.bucket_account,
                    boundary: boundary.is_some(),
                };
                run.policy(pol, PolicyType::Bucket, Some(p), action, &bucket_res, &ctx)
            }
            None => Said::default(),
        };
        let mut bucket_ok = satisfied(bucket_said, &self.bucket_account);
        if outsider
            && restrict_bucket
            && self.bucket.as_ref().is_some_and(CompiledPolicy::is_public)
        {
            bucket_ok = false;
            blocked = true;
        }

        let (verdict, deciding, missing) = if !run.denies.is_empty() {
            missing_in = None;
            (Verdict::ExplicitlyDenied, run.denies, None)
        } else if scp_ok && vpce_ok && ap_ok && bucket_ok {
            missing_in = None;
            let deciding = run.allows;
            (Verdict::Allowed, deciding, None)
        } else {
            let missing = if !scp_ok {
                "a service control policy level does not allow (every level from the organization root to the account must)"
            } else if !vpce_ok {
                "the VPC endpoint policy does not allow"
            } else if blocked {
                "Block Public Access: RestrictPublicBuckets limits a bucket or access point with a public policy to service principals and principals of its own account"
            } else if anonymous && ap.is_some() && req.audit.is_none() {
                "access points do not support anonymous requests"
            } else if anonymous {
                "an anonymous request needs a resource policy that allows \"*\""
            } else if !ap_ok {
                if let (Some(r), false) = (limit_reason, p.account != ap_account) {
                    r
                } else if ap_policy.is_none() && !identity_allow {
                    "the access point has no policy and no identity policy allows"
                } else if p.account != ap_account && identity_allow && limits_ok {
                    "the access point policy does not allow this cross-account principal"
                } else if p.account != ap_account {
                    limit_reason.unwrap_or(
                        "cross-account: both an identity policy and the access point policy must allow",
                    )
                } else {
                    "neither the access point policy nor an identity policy allows"
                }
            } else if let Some(r) = limit_reason {
                r
            } else if self.bucket.is_none() && !identity_allow {
                "the bucket has no policy and no identity policy allows"
            } else if p.account != self.bucket_account && identity_allow {
                "the bucket policy does not allow this cross-account principal"
            } else if p.account != self.bucket_account {
                "cross-account: both an identity policy and the bucket policy must allow"
            } else {
                "neither the bucket policy nor an identity policy allows"
            };
            if scp_ok && vpce_ok && limit_reason.is_none() {
                missing_in = None;
            }
            (Verdict::ImplicitlyDenied, Vec::new(), Some(missing))
        };
        Decision {
            verdict,
            deciding,
            missing,
            missing_in,
            statements: run.traces,
            narrowing: run.narrowing,
        }
    }
}

#[cfg(test)]
mod tests;
