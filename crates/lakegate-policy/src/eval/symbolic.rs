//! The symbolic access model: for one principal (or the representative of a class of
//! principals), one kind of access and one route, the exact set of keys the whole policy chain
//! allows, as a [`KeySet`].
//!
//! It follows [`PolicySet::evaluate_with`] step for step, with every Boolean that depends on the
//! key replaced by the set of keys for which it holds: a statement's Resource (seen from the key:
//! the derivative of its pattern by `arn:…:s3:::BUCKET/` or `…:accesspoint/NAME/object/`) and,
//! for `s3:ListBucket`, its `s3:prefix` conditions (the set of prefixes a listing may ask for);
//! "and" is intersection, "or" union, "not" complement. Everything else (principal, action, the
//! other conditions) does not depend on the key and is decided as the evaluator decides it. So
//! for every key `k`, `k ∈ keys(q)` exactly when the evaluator allows `q` on `k`; the property
//! tests check this on generated policies.
//!
//! Conditions on keys unknown offline follow the request's [`Audit`] mode as in the evaluator:
//! [`exact`] answers with the optimistic set (access if the unknown conditions allow it), the
//! pessimistic set (access whatever they are) and the statements between the two ("only if").

use super::keyset::{KeySet, TooComplex};
use super::matrix::{LIST_ACTION, READ_ACTION, WRITE_ACTION};
use super::variables::Val;
use super::{
    AccessPointTarget, Audit, Chain, CompiledPolicy, Effect, Level, Matcher, Narrowing, PolicySet,
    Principal, PrincipalPattern, Request, RequestCtx, StatementRef,
};
use crate::validate::PolicyType;
use serde::Serialize;
use std::fmt;

/// The kinds of access the model answers for, each with the request that stands for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Access {
    /// `s3:GetObject` on a key.
    Read,
    /// `s3:PutObject` on a key.
    Write,
    /// `s3:DeleteObject` on a key.
    Delete,
    /// `s3:ListBucket` with `s3:prefix` set: the set is of prefixes, not keys.
    List,
}

impl Access {
    pub const ALL: [Access; 4] = [Access::Read, Access::Write, Access::Delete, Access::List];

    pub fn action(self) -> &'static str {
        match self {
            Access::Read => READ_ACTION,
            Access::Write => WRITE_ACTION,
            Access::Delete => "s3:DeleteObject",
            Access::List => LIST_ACTION,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
            Access::Delete => "delete",
            Access::List => "list",
        }
    }

    /// Whether the set is of object keys (not of listing prefixes).
    pub fn on_keys(self) -> bool {
        self != Access::List
    }
}

/// One question: who, what, which way.
#[derive(Debug, Clone)]
pub struct Query<'a> {
    pub principal: &'a Principal,
    pub access: Access,
    pub bucket: &'a str,
    /// The access point the requests go through; None for the bucket directly.
    pub route: Option<&'a AccessPointTarget>,
    /// Request context added to every request (e.g. `aws:SourceVpce`); `s3:prefix` is the set's
    /// own dimension for a listing and is ignored here.
    pub context: &'a [(String, String)],
    /// How conditions on keys unknown offline are treated; None: as the request states them
    /// (absent unless in `context`).
    pub audit: Option<Audit>,
}

impl Query<'_> {
    /// The concrete request this query makes for one key (or listing prefix).
    pub fn request(&self, key: &str) -> Request {
        let (k, list) = match self.access {
            Access::List => (None, true),
            _ => (Some(key), false),
        };
        let mut r = Request::new(self.principal.clone(), self.access.action(), self.bucket, k);
        if let Some(t) = self.route {
            r = r.through(t.clone());
        }
        for (ck, v) in self.context {
            if !(list && ck.eq_ignore_ascii_case("s3:prefix")) {
                r.add_context(ck, v);
            }
        }
        if list {
            r.add_context("s3:prefix", key);
        }
        r.audit = self.audit;
        r
    }
}

/// Something the model cannot represent exactly: refused in one line, never guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// A condition on the set's own dimension (`s3:prefix` of a listing) with an operator whose
    /// values are not a set of strings (`policy label`, statement index, operator).
    Unsupported(String),
    TooComplex(TooComplex),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Unsupported(s) => f.write_str(s),
            ModelError::TooComplex(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ModelError {}

impl From<TooComplex> for ModelError {
    fn from(e: TooComplex) -> Self {
        ModelError::TooComplex(e)
    }
}

/// The keys one query is allowed, with the statements that matter to it.
#[derive(Debug, Clone)]
pub struct KeyAnswer<'a> {
    pub keys: KeySet,
    /// Allow statements that grant some key, each with the keys it grants (before Denies and the
    /// other policies of the chain cut them).
    pub grants: Vec<(StatementRef<'a>, KeySet)>,
    /// Deny statements that remove some key, with the keys they remove.
    pub denies: Vec<(StatementRef<'a>, KeySet)>,
    /// Statements that apply only under conditions the audit cannot know.
    pub narrowing: Vec<Narrowing<'a>>,
}

/// The optimistic and pessimistic answers of an audit query.
#[derive(Debug, Clone)]
pub struct Exact<'a> {
    /// Keys allowed if the unknown conditions allow (the evaluator's optimistic audit).
    pub possible: KeyAnswer<'a>,
    /// Keys allowed whatever the unknown conditions are.
    pub definite: KeySet,
}

impl Exact<'_> {
    /// Keys allowed only if the unknown conditions hold.
    pub fn only_if(&self) -> KeySet {
        self.possible.keys.minus(&self.definite)
    }
}

/// The exact set of keys the query is allowed (in its own audit mode).
pub fn keys<'a>(
    set: &'a PolicySet,
    chain: &'a Chain,
    q: &Query<'_>,
) -> Result<KeyAnswer<'a>, ModelError> {
    Sym::run(set, chain, q)
}

/// The optimistic and the pessimistic answers of `q` (its audit mode is replaced).
pub fn exact<'a>(
    set: &'a PolicySet,
    chain: &'a Chain,
    q: &Query<'_>,
) -> Result<Exact<'a>, ModelError> {
    let possible = keys(
        set,
        chain,
        &Query {
            audit: Some(Audit::Optimistic),
            ..q.clone()
        },
    )?;
    let definite = if possible.narrowing.is_empty() {
        possible.keys.clone()
    } else {
        keys(
            set,
            chain,
            &Query {
                audit: Some(Audit::Pessimistic),
                ..q.clone()
            },
        )?
        .keys
    };
    Ok(Exact { possible, definite })
}

/// What one policy says, per key.
#[derive(Debug, Clone)]
struct Said {
    deny: KeySet,
    direct: KeySet,
    role: KeySet,
    account: KeySet,
}

impl Default for Said {
    fn default() -> Self {
        Said {
            deny: KeySet::empty(),
            direct: KeySet::empty(),
            role: KeySet::empty(),
            account: KeySet::empty(),
        }
    }
}

impl Said {
    fn any(&self) -> KeySet {
        self.direct.union(&self.role).union(&self.account)
    }
}

/// The resource a policy sees: fixed (a bucket-level action), or a prefix followed by the key.
#[derive(Clone, Copy)]
enum Res<'s> {
    Fixed(&'s str),
    Keyed(&'s str),
}

struct Sym<'a> {
    list: bool,
    deny: KeySet,
    grants: Vec<(StatementRef<'a>, KeySet)>,
    denies: Vec<(StatementRef<'a>, KeySet)>,
    narrowing: Vec<Narrowing<'a>>,
}

impl<'a> Sym<'a> {
    fn run(
        set: &'a PolicySet,
        chain: &'a Chain,
        q: &Query<'_>,
    ) -> Result<KeyAnswer<'a>, ModelError> {
        let list = q.access == Access::List;
        // The request without its key: everything but the key is decided on it.
        let req = {
            let mut r = q.request("");
            if list {
                r.context.retain(|(k, _)| k != "s3:prefix");
            }
            r
        };
        let mut run = Sym {
            list,
            deny: KeySet::empty(),
            grants: Vec::new(),
            denies: Vec::new(),
            narrowing: Vec::new(),
        };
        let p = &req.principal;
        let action = req.action_lower.as_str();
        let partition = req.partition.as_str();
        let (bucket_fixed, bucket_keyed) = (
            format!("arn:{partition}:s3:::{}", req.bucket),
            format!("arn:{partition}:s3:::{}/", req.bucket),
        );
        let bucket_res = if list {
            Res::Fixed(&bucket_fixed)
        } else {
            Res::Keyed(&bucket_keyed)
        };
        let ap = req.access_point.as_ref();
        let ap_keyed = ap.map(|t| format!("{}/object/", t.arn));
        let ap_res = ap.map(|t| {
            if list {
                Res::Fixed(t.arn.as_str())
            } else {
                Res::Keyed(ap_keyed.as_deref().unwrap_or_default())
            }
        });
        let ap_policy = ap.and_then(|t| {
            set.access_points
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
            !chain.rcps.is_empty() && !org_exempt() && !management(&set.bucket_account);

        let id_res = ap_res.unwrap_or(bucket_res);
        let id_ctx = RequestCtx {
            req: &req,
            resource_account: if ap.is_some() {
                ap_account
            } else {
                &set.bucket_account
            },
            boundary: boundary.is_some(),
        };
        let has_boundary = boundary.is_some();
        fn ctx_for<'r>(
            req: &'r Request,
            resource_account: &'r str,
            boundary: bool,
        ) -> RequestCtx<'r> {
            RequestCtx {
                req,
                resource_account,
                boundary,
            }
        }
        let mut identity_allow = KeySet::from_bool(p.is_root());
        let identities = if anonymous || p.is_service() {
            &[][..]
        } else {
            &set.identity[..]
        };
        for (owner, pol) in identities {
            if owner.as_deref().is_some_and(|o| {
                p.matched_by(&PrincipalPattern::Exact(o.to_string()))
                    .is_none_or(|l| l == Level::Account)
            }) {
                continue;
            }
            let s = run.policy(pol, PolicyType::Identity, None, action, id_res, &id_ctx)?;
            identity_allow = identity_allow.union(&s.direct);
        }
        let mut limits_ok = KeySet::all();
        if let Some(b) = boundary {
            let s = run.policy(b, PolicyType::Boundary, None, action, id_res, &id_ctx)?;
            limits_ok = limits_ok.intersect(&s.direct);
        }
        if let Some(sp) = session {
            let s = run.policy(sp, PolicyType::Session, None, action, id_res, &id_ctx)?;
            limits_ok = limits_ok.intersect(&s.direct);
        }
        let mut scp_ok = KeySet::all();
        if scps_apply {
            for level in &chain.scps {
                let mut allows = KeySet::empty();
                for pol in level {
                    let s = run.policy(pol, PolicyType::Scp, None, action, id_res, &id_ctx)?;
                    allows = allows.union(&s.direct);
                }
                scp_ok = scp_ok.intersect(&allows);
            }
        }
        let bucket_ctx = ctx_for(&req, &set.bucket_account, has_boundary);
        if rcps_apply {
            for pol in chain.rcps.iter().flatten() {
                run.policy(
                    pol,
                    PolicyType::Rcp,
                    Some(p),
                    action,
                    bucket_res,
                    &bucket_ctx,
                )?;
            }
        }
        let mut vpce_ok = KeySet::all();
        if let Some(v) = &chain.vpc_endpoint {
            let s = run.policy(
                v,
                PolicyType::VpcEndpoint,
                Some(p),
                action,
                bucket_res,
                &bucket_ctx,
            )?;
            vpce_ok = s.any();
            if let Some(res) = ap_res {
                let s = run.policy(
                    v,
                    PolicyType::VpcEndpoint,
                    Some(p),
                    action,
                    res,
                    &bucket_ctx,
                )?;
                vpce_ok = vpce_ok.intersect(&s.any());
            }
        }

        let identity_side = identity_allow.intersect(&limits_ok);
        let foreign_identity_side = if req.audit.is_some() {
            limits_ok.clone()
        } else {
            identity_side.clone()
        };
        let satisfied = |said: &Said, owner: &str| -> KeySet {
            if p.account.is_empty() {
                said.direct.clone()
            } else if p.account == owner {
                identity_side
                    .union(&said.direct)
                    .union(&said.role.intersect(&limits_ok))
            } else {
                foreign_identity_side.intersect(&said.any())
            }
        };
        let outsider = !p.is_service()
            && p.account != set.bucket_account
            && (ap.is_none() || p.account != ap_account);
        let pab = chain.public_access;
        let restrict_bucket = pab.account || pab.bucket || (ap.is_some() && pab.access_point);

        let mut ap_ok = KeySet::all();
        if let (Some(t), Some(res)) = (ap, ap_res) {
            let said = match ap_policy {
                Some(pol) => {
                    let ctx = ctx_for(&req, &t.account, has_boundary);
                    run.policy(pol, PolicyType::AccessPoint, Some(p), action, res, &ctx)?
                }
                None => Said::default(),
            };
            ap_ok = satisfied(&said, &t.account);
            if (anonymous && req.audit.is_none())
                || (outsider && restrict_bucket && ap_policy.is_some_and(CompiledPolicy::is_public))
            {
                ap_ok = KeySet::empty();
            }
        }
        let bucket_said = match &set.bucket {
            Some(pol) => run.policy(
                pol,
                PolicyType::Bucket,
                Some(p),
                action,
                bucket_res,
                &bucket_ctx,
            )?,
            None => Said::default(),
        };
        let mut bucket_ok = satisfied(&bucket_said, &set.bucket_account);
        if outsider && restrict_bucket && set.bucket.as_ref().is_some_and(CompiledPolicy::is_public)
        {
            bucket_ok = KeySet::empty();
        }
        let keys = scp_ok
            .intersect(&vpce_ok)
            .intersect(&ap_ok)
            .intersect(&bucket_ok)
            .minus(&run.deny);
        Ok(KeyAnswer {
            keys,
            grants: run.grants,
            denies: run.denies,
            narrowing: run.narrowing,
        })
    }

    /// The keys for which a resource matcher matches, and whether a policy variable of it reads
    /// a key a class representative does not know (it then stands for any value, so the set
    /// holds the keys of every member of the class: access "only if" the variable is theirs).
    fn resource_keys(&mut self, m: &Matcher, res: Res<'_>, ctx: &RequestCtx<'_>) -> (KeySet, bool) {
        let prefix = match res {
            Res::Fixed(r) => return (KeySet::from_bool(m.matches(r, ctx, false)), false),
            Res::Keyed(prefix) => prefix,
        };
        let class = ctx.req.principal.is_class();
        let unknown = |k: &str| !ctx.knows(k);
        let mut opened = false;
        let mut set = KeySet::empty();
        for p in &m.patterns {
            let add = match p {
                Val::Fixed(pat) => KeySet::after_prefix(pat, prefix),
                Val::Var(t) if class && t.keys().any(unknown) => {
                    opened = true;
                    match ctx.req.audit {
                        Some(Audit::Optimistic) => t
                            .pattern_open(ctx, false, &unknown)
                            .map(|pat| KeySet::after_prefix(&pat, prefix))
                            .unwrap_or_else(KeySet::empty),
                        _ => KeySet::empty(),
                    }
                }
                Val::Var(t) => match t.pattern(ctx, false) {
                    Some(pat) => KeySet::after_prefix(&pat, prefix),
                    None => KeySet::empty(),
                },
            };
            set = set.union(&add);
        }
        (if m.negated { set.complement() } else { set }, opened)
    }

    /// One policy, per key: [`super::Run::policy`] with sets.
    fn policy(
        &mut self,
        policy: &'a CompiledPolicy,
        ty: PolicyType,
        principal: Option<&Principal>,
        action: &str,
        res: Res<'_>,
        ctx: &RequestCtx<'_>,
    ) -> Result<Said, ModelError> {
        let mut said = Said::default();
        'statements: for st in &policy.statements {
            let Ok(level) = st.principal_level(principal, ctx) else {
                continue;
            };
            if !st.action.matches(action, ctx, true) {
                continue;
            }
            let Some(r) = &st.resource else { continue };
            let (mut keys, opened) = self.resource_keys(r, res, ctx);
            if keys.is_empty_node() {
                continue;
            }
            if opened {
                self.narrowing.push(Narrowing {
                    statement: st.reference(&policy.label, ty),
                    requires: "its policy variables take the principal's own values".to_string(),
                });
            }
            let mut unknown = 0u64;
            for (i, c) in st.conditions.iter().enumerate() {
                if self.list && c.key_lower() == "s3:prefix" {
                    let values = c.present_set(ctx).ok_or_else(|| {
                        ModelError::Unsupported(format!(
                            "{} Statement[{}]: {} on s3:prefix cannot be modelled (use StringEquals, StringLike, their Not forms or Null)",
                            policy.label, st.index, c.operator_name
                        ))
                    })?;
                    keys = keys.intersect(&values);
                    continue;
                }
                if let Some(mode) = ctx.req.audit {
                    if !ctx.knows(c.key_lower()) {
                        match (st.effect, mode) {
                            (Effect::Allow, Audit::Strict | Audit::Pessimistic) => {
                                continue 'statements
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
                    continue 'statements;
                }
            }
            if keys.is_empty_node() {
                continue;
            }
            let reference = st.reference(&policy.label, ty);
            if unknown != 0 {
                self.narrowing.push(Narrowing {
                    statement: reference.clone(),
                    requires: st.requirement(unknown),
                });
                if st.effect == Effect::Deny {
                    continue;
                }
            }
            match st.effect {
                Effect::Deny => {
                    said.deny = said.deny.union(&keys);
                    self.deny = self.deny.union(&keys);
                    self.denies.push((reference, keys));
                }
                Effect::Allow => {
                    let slot = match level {
                        Level::Direct => &mut said.direct,
                        Level::Role => &mut said.role,
                        Level::Account => &mut said.account,
                    };
                    *slot = slot.union(&keys);
                    self.grants.push((reference, keys));
                }
            }
        }
        Ok(said)
    }
}
