//! Exact answers over every principal and every key of a bucket: who can reach what (audit rows,
//! who-can), and guardrails proved or refuted with a counterexample.
//!
//! Principals are taken by class, so that "everyone outside the organization" is one answer, not
//! a sample: each principal the policies name, each named account's root, "any other principal"
//! of each named account, "any principal of an account no policy names", and anyone (anonymous
//! included). Within a class the policies cannot tell principals apart, except through conditions
//! on who they are (`aws:PrincipalArn`, tags, …), which stay on the answer as "only if".
//! Each class is answered by [`super::symbolic`] for every route (the bucket, each access point)
//! and access kind.

use super::keyset::{Described, KeySet};
use super::matrix::OwnedRef;
use super::symbolic::{self, Access, ModelError, Query};
use super::{AccessPointTarget, Audit, Chain, CompiledPolicy, PolicySet, Principal};
use crate::validate::PolicyType;
use serde::Serialize;

/// A class of principals.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "value")]
pub enum PrincipalClass {
    /// A principal a policy names (IAM ARN or service).
    Named(String),
    /// The root user of an account a policy names (`arn:…:iam::ACCOUNT:root`).
    Root(String),
    /// Any other principal of an account a policy names.
    AnyIn(String),
    /// Any principal of an account no policy names.
    AnyOtherAccount,
    /// Anyone, anonymous requests included.
    Anyone,
}

/// Everything an exact question needs besides the question.
pub struct Model<'a> {
    pub set: &'a PolicySet,
    pub chain: &'a Chain,
    pub bucket: &'a str,
    /// `aws`, `aws-cn`, `aws-us-gov`.
    pub partition: &'a str,
    /// Request context added to every request (e.g. `aws:SourceVpce`).
    pub context: &'a [(String, String)],
    /// Accounts that count as internal besides the bucket owner.
    pub trusted: &'a [String],
}

/// One class's access through one route: a row of who-can, the matrix and the audit.
#[derive(Debug, Clone, Serialize)]
pub struct Reach {
    /// The principal's ARN; for a class, `arn:…:iam::ACCOUNT:*` (any principal of the account),
    /// `arn:…:iam::*:*` (any principal of an account no policy names) or `*` (anyone).
    pub principal: String,
    pub class: PrincipalClass,
    /// Empty for anyone, a service, or an account no policy names.
    pub principal_account: String,
    /// Anyone, or a principal of an account that is neither the bucket owner nor trusted.
    pub external: bool,
    /// The access point; None for the bucket directly.
    pub access_point: Option<String>,
    pub access: Access,
    /// The key patterns reached (for `list`: the prefixes a listing may ask for) …
    pub keys: Vec<String>,
    /// … and the patterns cut out of them.
    pub except: Vec<String>,
    /// Not every key under the prefix asked about is reached.
    pub partial: bool,
    /// What a request must satisfy for the keys reached only under conditions an audit cannot
    /// know (empty: reached whatever they are).
    pub only_if: Vec<String>,
    /// Why the access is not effective today (None: it is): what one change would switch on.
    pub latent: Option<String>,
    /// The Allow statements that grant it.
    pub statements: Vec<OwnedRef>,
    /// The exact set of keys.
    #[serde(skip)]
    pub set: KeySet,
}

/// A guardrail: a statement about every principal and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guardrail {
    /// No principal of this kind can do this (under `prefix`, or anywhere).
    Never { what: Never, prefix: Option<String> },
    /// Only these principals can do `access` under `prefix`.
    Only {
        principals: Vec<String>,
        prefix: String,
        access: Access,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Never {
    ExternalRead,
    ExternalWrite,
    PublicRead,
    PublicWrite,
}

impl Never {
    pub fn as_str(self) -> &'static str {
        match self {
            Never::ExternalRead => "external-read",
            Never::ExternalWrite => "external-write",
            Never::PublicRead => "public-read",
            Never::PublicWrite => "public-write",
        }
    }

    fn access(self) -> Access {
        match self {
            Never::ExternalRead | Never::PublicRead => Access::Read,
            Never::ExternalWrite | Never::PublicWrite => Access::Write,
        }
    }
}

/// A principal, key, action and route that break a guardrail, with the statements that allow it.
#[derive(Debug, Clone, Serialize)]
pub struct Counterexample {
    /// A concrete principal ARN (for a class: one member of it; empty for an anonymous request).
    pub principal: String,
    pub class: PrincipalClass,
    pub key: String,
    pub action: String,
    pub access_point: Option<String>,
    /// The statements that allow the request.
    pub statements: Vec<OwnedRef>,
    /// Conditions the access depends on that an audit cannot know.
    pub only_if: Vec<String>,
}

const ANY_PRINCIPAL_NAME: &str = "role/any-principal";

impl Model<'_> {
    fn policies(&self) -> impl Iterator<Item = &CompiledPolicy> {
        self.set.bucket.iter().chain(
            self.set
                .access_points
                .iter()
                .filter_map(|a| a.policy.as_ref()),
        )
    }

    /// Every class of principal the policies can tell apart, in a stable order: named
    /// principals in order of appearance, account roots, any other principal of each account,
    /// any principal of an account no policy names, anyone.
    pub fn classes(&self) -> Vec<PrincipalClass> {
        let mut named = Vec::new();
        let mut accounts = vec![self.set.bucket_account.clone()];
        let push = |v: &mut Vec<String>, x: String| {
            if !x.is_empty() && !v.contains(&x) {
                v.push(x)
            }
        };
        for pol in self.policies() {
            for p in pol.audit_principals(self.partition) {
                if p == "*" {
                    continue;
                }
                let account = super::audit::principal_account(&p);
                push(&mut accounts, account);
                push(&mut named, p);
            }
        }
        for t in self.set.access_points.iter() {
            push(&mut accounts, t.target.account.clone());
        }
        // A trusted account no policy names is not a class of its own: nothing tells it apart
        // from any other unnamed account (its rows would repeat "any principal of an account no
        // policy names", one per member of an organization, for every bucket). Trust decides
        // only whether a class is external.
        let mut out: Vec<PrincipalClass> = Vec::new();
        for p in &named {
            out.push(if p.ends_with(":root") {
                PrincipalClass::Root(super::audit::principal_account(p))
            } else {
                PrincipalClass::Named(p.clone())
            });
        }
        for a in &accounts {
            out.push(PrincipalClass::AnyIn(a.clone()));
        }
        out.push(PrincipalClass::AnyOtherAccount);
        out.push(PrincipalClass::Anyone);
        out
    }

    /// An account no policy names (for "any principal of another account").
    pub(super) fn fresh_account(&self) -> String {
        let named: Vec<PrincipalClass> = self.classes();
        let used = |a: &str| {
            named.iter().any(|c| match c {
                PrincipalClass::AnyIn(x) => x == a,
                _ => false,
            }) || self.context.iter().any(|(_, v)| v == a)
        };
        (0u64..)
            .map(|i| format!("{:012}", 999_900_000_000u64 + i))
            .find(|a| !used(a))
            .unwrap_or_default()
    }

    /// A member of the class, as the evaluator sees it.
    pub fn representative(&self, class: &PrincipalClass) -> Principal {
        self.representative_among(
            class,
            &self.fresh_account(),
            self.principal_account_wildcards(),
        )
    }

    /// [`Model::representative`], with `fresh` as the account no policy names and `wild`
    /// whether a condition matches `aws:PrincipalAccount` with wildcards (a delta takes both
    /// over the policies before and after a change, so each class has one representative).
    pub(super) fn representative_among(
        &self,
        class: &PrincipalClass,
        fresh: &str,
        wild: bool,
    ) -> Principal {
        let p = self.partition;
        match class {
            PrincipalClass::Named(arn) => Principal::new(arn),
            PrincipalClass::Root(a) => Principal::new(&format!("arn:{p}:iam::{a}:root")),
            PrincipalClass::AnyIn(a) => {
                Principal::new(&format!("arn:{p}:iam::{a}:{ANY_PRINCIPAL_NAME}")).class_of(true)
            }
            PrincipalClass::AnyOtherAccount => {
                Principal::new(&format!("arn:{p}:iam::{fresh}:{ANY_PRINCIPAL_NAME}"))
                    .class_of(!wild)
            }
            PrincipalClass::Anyone => Principal::anonymous(),
        }
    }

    /// Whether the account of "any principal of an account no policy names" matters beyond
    /// "not a named one": a condition matches `aws:PrincipalAccount` with wildcards (such an
    /// account may match it), or a policy variable reads it (`home/${aws:PrincipalAccount}/*`:
    /// each such account reaches its own keys). Its account is then left unknown (a narrowing,
    /// "only if", not a decision made for one made-up account).
    pub(super) fn principal_account_wildcards(&self) -> bool {
        let reads_account = |v: &str| v.to_ascii_lowercase().contains("${aws:principalaccount");
        self.policies().any(|pol| {
            pol.statements.iter().any(|st| {
                st.conditions.iter().any(|c| {
                    (c.key_lower() == "aws:principalaccount"
                        && c.raw_values().iter().any(|v| v.contains(['*', '?'])))
                        || c.raw_values().iter().any(|v| reads_account(v))
                }) || st.resource.as_ref().is_some_and(|m| {
                    m.patterns.iter().any(|p| match p {
                        super::variables::Val::Var(t) => {
                            t.keys().any(|k| k == "aws:principalaccount")
                        }
                        _ => false,
                    })
                })
            })
        })
    }

    pub(super) fn display(&self, class: &PrincipalClass) -> (String, String) {
        let p = self.partition;
        match class {
            PrincipalClass::Named(arn) => (arn.clone(), super::audit::principal_account(arn)),
            PrincipalClass::Root(a) => (format!("arn:{p}:iam::{a}:root"), a.clone()),
            PrincipalClass::AnyIn(a) => (format!("arn:{p}:iam::{a}:*"), a.clone()),
            PrincipalClass::AnyOtherAccount => (format!("arn:{p}:iam::*:*"), String::new()),
            PrincipalClass::Anyone => ("*".to_string(), String::new()),
        }
    }

    pub(super) fn external(&self, class: &PrincipalClass, account: &str) -> bool {
        match class {
            PrincipalClass::Anyone | PrincipalClass::AnyOtherAccount => true,
            _ => {
                !account.is_empty()
                    && account != self.set.bucket_account
                    && !self.trusted.iter().any(|t| t == account)
            }
        }
    }

    /// The routes: the bucket directly, then each access point.
    fn routes(&self) -> Vec<Option<&AccessPointTarget>> {
        std::iter::once(None)
            .chain(self.set.access_points.iter().map(|a| Some(&a.target)))
            .collect()
    }

    pub(super) fn query<'q>(
        &'q self,
        who: &'q Principal,
        access: Access,
        route: Option<&'q AccessPointTarget>,
    ) -> Query<'q> {
        Query {
            principal: who,
            access,
            bucket: self.bucket,
            route,
            context: self.context,
            audit: Some(Audit::Optimistic),
        }
    }

    /// Every class's access to the keys under `prefix` (empty: the whole bucket), by route and
    /// access kind, including `latent` rows: access an access point policy grants on a bucket
    /// that does not delegate to access points, and access Block Public Access cuts off.
    pub fn reach(&self, prefix: &str, accesses: &[Access]) -> Result<Vec<Reach>, ModelError> {
        let under = if prefix.is_empty() {
            KeySet::all()
        } else {
            KeySet::prefix(prefix)
        };
        let mut rows = Vec::new();
        let delegated = self.delegating_set();
        let unblocked = Chain {
            public_access: Default::default(),
            ..self.chain.clone()
        };
        let pab_on = self.chain.public_access != Default::default();
        // What anyone reaches, per route and access: another class reaching no more than that
        // (under the same conditions) is said once, on the `*` row.
        let anyone = self.representative(&PrincipalClass::Anyone);
        let mut public = Vec::new();
        for route in self.routes() {
            for &access in accesses {
                let e = symbolic::exact(self.set, self.chain, &self.query(&anyone, access, route))?;
                public.push((
                    e.possible.keys.intersect(&under),
                    e.definite.intersect(&under),
                ));
            }
        }
        for class in self.classes() {
            let who = self.representative(&class);
            let (principal, account) = self.display(&class);
            let external = self.external(&class, &account);
            for (ri, route) in self.routes().into_iter().enumerate() {
                if !self.may_pass(&class, route) {
                    continue;
                }
                for (ai, &access) in accesses.iter().enumerate() {
                    let q = self.query(&who, access, route);
                    let e = symbolic::exact(self.set, self.chain, &q)?;
                    let set = e.possible.keys.intersect(&under);
                    let (all, all_definite) = &public[ri * accesses.len() + ai];
                    if class != PrincipalClass::Anyone
                        && !set.is_empty()?
                        && set.is_subset(all)?
                        && e.definite.intersect(&under).is_subset(all_definite)?
                    {
                        continue;
                    }
                    let mut latent = None;
                    let mut reached = set.clone();
                    let mut statements = &e.possible.grants;
                    let latent_answer;
                    let mut latent_whole = None;
                    if set.is_empty()? {
                        // What one change would switch on.
                        let mut found = None;
                        if let (Some(_), Some(d)) = (route, &delegated) {
                            let a = symbolic::keys(d, self.chain, &q)?;
                            let s = a.keys.intersect(&under);
                            if !s.is_empty()? {
                                found = Some((a, s, "the bucket does not delegate access to access points (one `bucket delegate` switches it on)"));
                            }
                        }
                        if found.is_none() && pab_on {
                            let a = symbolic::keys(self.set, &unblocked, &q)?;
                            let s = a.keys.intersect(&under);
                            if !s.is_empty()? {
                                found = Some((
                                    a,
                                    s,
                                    "Block Public Access (RestrictPublicBuckets) cuts it off",
                                ));
                            }
                        }
                        let Some((a, s, why)) = found else { continue };
                        latent_whole = Some(a.keys.clone());
                        latent_answer = a;
                        statements = &latent_answer.grants;
                        reached = s;
                        latent = Some(why.to_string());
                    }
                    // Described from the whole answer, so the patterns are the policies' own.
                    let whole = latent_whole.as_ref().unwrap_or(&e.possible.keys);
                    // Beyond what anyone reaches (said on the `*` row), when that leaves some.
                    let beyond = whole.minus(all);
                    let whole = if class != PrincipalClass::Anyone
                        && !all.is_empty()?
                        && !beyond.intersect(&under).is_empty()?
                    {
                        &beyond
                    } else {
                        whole
                    };
                    let Described { keys, except } = whole.describe_within(&under)?;
                    let shown = whole.intersect(&under);
                    let partial = !under.minus(&reached).is_empty()?;
                    let only_if =
                        if latent.is_none() && !e.only_if().intersect(&under).is_empty()? {
                            let mut v: Vec<String> = Vec::new();
                            for n in &e.possible.narrowing {
                                let t = format!("{} ({})", n.requires, sid_of(&n.statement));
                                if !v.contains(&t) {
                                    v.push(t);
                                }
                            }
                            v
                        } else {
                            Vec::new()
                        };
                    // The grants of the route's own policies (bucket, access point), before
                    // the chain's (an SCP's or RCP's FullAWSAccess grants nothing by itself).
                    let resource =
                        |t: PolicyType| matches!(t, PolicyType::Bucket | PolicyType::AccessPoint);
                    let mut ordered: Vec<&(super::StatementRef<'_>, KeySet)> = statements
                        .iter()
                        .filter(|(r, _)| resource(r.policy_type))
                        .collect();
                    ordered.extend(statements.iter().filter(|(r, _)| !resource(r.policy_type)));
                    let statements = ordered
                        .into_iter()
                        .filter(|(_, k)| !k.intersect(&shown).is_empty().unwrap_or(true))
                        .map(|(r, _)| OwnedRef::from(r))
                        .fold(Vec::new(), |mut v: Vec<OwnedRef>, r| {
                            if !v.contains(&r) {
                                v.push(r);
                            }
                            v
                        });
                    rows.push(Reach {
                        principal: principal.clone(),
                        class: class.clone(),
                        principal_account: account.clone(),
                        external,
                        access_point: route.map(|t| t.name.clone()),
                        access,
                        keys,
                        except,
                        partial,
                        only_if,
                        latent,
                        statements,
                        set: reached,
                    });
                }
            }
        }
        Ok(rows)
    }

    /// Whether a class can pass a route at all, judged on the principals alone: through an
    /// access point, its policy must name the class (or name principals by `*`, account or
    /// NotPrincipal), unless an identity policy or the account root's own permissions could
    /// satisfy it. A shortcut that never changes an answer: a class it skips gets the empty set.
    pub(super) fn may_pass(
        &self,
        class: &PrincipalClass,
        route: Option<&AccessPointTarget>,
    ) -> bool {
        let Some(t) = route else { return true };
        let key = match class {
            PrincipalClass::Named(arn) => Some(super::principal_key(arn)),
            _ => None,
        };
        self.may_pass_policy(key.as_deref(), self.access_point_policy(&t.arn))
    }

    /// The compiled policy of the access point with this ARN (None: no such access point, or
    /// it has no policy).
    pub(super) fn access_point_policy(&self, arn: &str) -> Option<&CompiledPolicy> {
        self.set
            .access_points
            .iter()
            .find(|a| a.target.arn == arn)
            .and_then(|a| a.policy.as_ref())
    }

    /// [`Self::may_pass`] through an access point whose policy was found beforehand, for a
    /// class whose principal key (`principal_key` of a named principal; None for the other
    /// classes) was made beforehand: the delta asks it for every class and route, and finding
    /// the access point among a hundred by ARN each time was most of its cost.
    pub(super) fn may_pass_policy(
        &self,
        key: Option<&str>,
        policy: Option<&CompiledPolicy>,
    ) -> bool {
        let Some(key) = key else {
            return true;
        };
        if !self.set.identity.is_empty() {
            return true;
        }
        let Some(policy) = policy else {
            return false;
        };
        !policy.unindexed.is_empty() || policy.index.contains_key(key)
    }

    /// The policy set with the bucket delegating to the owner's access points (None: it already
    /// does for every key, or there are no access points).
    fn delegating_set(&self) -> Option<PolicySet> {
        if self.set.access_points.is_empty() {
            return None;
        }
        let mut doc = crate::PolicyDocument::new();
        doc.upsert(crate::access::delegate_statement(
            self.partition,
            self.bucket,
            &self.set.bucket_account,
        ));
        let delegate = CompiledPolicy::compile(&doc, "bucket (delegating)").ok()?;
        let mut set = self.set.clone();
        // The bucket's own statements stay (its Denies still apply); the delegation is added.
        let mut statements = set
            .bucket
            .as_ref()
            .map(|b| b.statements.clone())
            .unwrap_or_default();
        let base = statements.len();
        for (i, mut st) in delegate.statements.into_iter().enumerate() {
            st.index = base + i;
            statements.push(st);
        }
        let label = set
            .bucket
            .as_ref()
            .map(|b| b.label.clone())
            .unwrap_or_else(|| "bucket".into());
        let public = statements.iter().any(super::Statement::is_public);
        set.bucket = Some(CompiledPolicy {
            label,
            index: Default::default(),
            unindexed: (0..statements.len() as u32).collect(),
            statements,
            public,
        });
        Some(set)
    }

    /// Check a guardrail: None when it holds, else a counterexample.
    pub fn prove(&self, g: &Guardrail) -> Result<Option<Counterexample>, ModelError> {
        let (access, prefix) = match g {
            Guardrail::Never { what, prefix } => {
                (what.access(), prefix.clone().unwrap_or_default())
            }
            Guardrail::Only { access, prefix, .. } => (*access, prefix.clone()),
        };
        let under = if prefix.is_empty() {
            KeySet::all()
        } else {
            KeySet::prefix(&prefix)
        };
        for class in self.classes() {
            let (_, account) = self.display(&class);
            let concerned = match g {
                Guardrail::Never { what, .. } => match what {
                    Never::PublicRead | Never::PublicWrite => class == PrincipalClass::Anyone,
                    Never::ExternalRead | Never::ExternalWrite => self.external(&class, &account),
                },
                Guardrail::Only { principals, .. } => match &class {
                    PrincipalClass::Named(arn) => !principals.iter().any(|p| p == arn),
                    PrincipalClass::Root(a) => !principals
                        .iter()
                        .any(|p| *p == format!("arn:{}:iam::{a}:root", self.partition)),
                    _ => true,
                },
            };
            if !concerned {
                continue;
            }
            let who = self.representative(&class);
            for route in self.routes() {
                if !self.may_pass(&class, route) {
                    continue;
                }
                let q = self.query(&who, access, route);
                let a = symbolic::keys(self.set, self.chain, &q)?;
                let Some(key) = a.keys.intersect(&under).witness()? else {
                    continue;
                };
                let req = q.request(&key);
                let d = self.set.evaluate_with(self.chain, &req, false);
                let only_if = d
                    .narrowing
                    .iter()
                    .map(|n| format!("{} ({})", n.requires, sid_of(&n.statement)))
                    .collect();
                return Ok(Some(Counterexample {
                    principal: who.arn.clone(),
                    class,
                    key,
                    action: access.action().to_string(),
                    access_point: route.map(|t| t.name.clone()),
                    statements: d.deciding.iter().map(OwnedRef::from).collect(),
                    only_if,
                }));
            }
        }
        Ok(None)
    }
}

pub(super) fn sid_of(r: &super::StatementRef<'_>) -> String {
    match r.sid {
        Some(s) => format!("{} {s}", r.policy),
        None => format!("{} #{}", r.policy, r.index),
    }
}
