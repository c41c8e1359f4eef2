//! The access delta of a change: for one bucket, the policies before and after (the bucket
//! policy and each access point's policy), who gains and who loses which keys, through which
//! route, for which kind of access — exactly, over every key.
//!
//! The principals considered are every class either side can tell apart ([`Model::classes`] of
//! both: each principal named, each named account's root and "any other principal" of it, "any
//! principal of an account no policy names", anyone), so nothing is sampled. For each class,
//! route (the bucket directly, each access point of either side) and access (read, write,
//! delete, list), [`super::symbolic::exact`] answers both sides; what is gained is after − before
//! and what is lost is before − after, as key sets.
//!
//! Conditions an offline answer cannot decide (`aws:SourceVpce`, `aws:SourceIp`, …) are kept
//! as the model keeps them: the optimistic answer (access if the conditions allow it) and the
//! pessimistic one (access whatever they are). A change that only removes such a condition
//! (a Deny "unless the request comes through vpce-1" deleted) gains no key optimistically but
//! gains the keys that were reachable only under it: those are gained rows with the lifted
//! conditions in `restriction`. Adding one gives lost rows with the added conditions.
//!
//! A class whose answer cannot change is not asked: the answer of a class through a route
//! depends only on the statements of the bucket policy (and of that access point's policy) that
//! apply to its principal, so when no statement that changed names it — by its ARN, its
//! account, `*` or NotPrincipal — both sides answer the same.

use super::exact::{sid_of, Model, PrincipalClass};
use super::keyset::KeySet;
use super::symbolic::{self, Access, Exact, ModelError};
use super::{
    principal_key, AccessPointPolicy, AccessPointTarget, Chain, CompiledPolicy, PolicySet,
    PrincipalPattern, PrincipalSpec,
};
use crate::{PolicyDocument, PolicyError};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashSet;

/// One side of a change to one bucket: its policy and the access points that exist on this
/// side, each with its policy (None: an access point without a policy).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BucketPolicies {
    pub bucket: Option<PolicyDocument>,
    pub access_points: Vec<(AccessPointTarget, Option<PolicyDocument>)>,
}

impl BucketPolicies {
    /// The policy set the evaluator and the model read (labels as `access who-can` gives them).
    pub fn compile(&self, bucket_account: &str) -> Result<PolicySet, PolicyError> {
        let bucket = self
            .bucket
            .as_ref()
            .filter(|d| !d.is_empty())
            .map(|d| CompiledPolicy::compile(d, "bucket"))
            .transpose()?;
        let access_points = self
            .access_points
            .iter()
            .map(|(t, d)| {
                Ok(AccessPointPolicy {
                    target: t.clone(),
                    policy: d
                        .as_ref()
                        .filter(|d| !d.is_empty())
                        .map(|d| CompiledPolicy::compile(d, format!("access-point:{}", t.name)))
                        .transpose()?,
                })
            })
            .collect::<Result<Vec<_>, PolicyError>>()?;
        Ok(PolicySet {
            identity: Vec::new(),
            bucket,
            bucket_account: bucket_account.to_string(),
            access_points,
        })
    }

    fn access_point(&self, arn: &str) -> Option<Option<&PolicyDocument>> {
        self.access_points
            .iter()
            .find(|(t, _)| t.arn == arn)
            .map(|(_, d)| d.as_ref())
    }
}

/// Gained or lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Gained,
    Lost,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Gained => "gained",
            Change::Lost => "lost",
        }
    }
}

/// One row of a delta: a class of principals gains or loses an access to some keys through one
/// route.
#[derive(Debug, Clone, Serialize)]
pub struct DeltaRow {
    pub change: Change,
    /// The principal's ARN; for a class, `arn:…:iam::ACCOUNT:*` (any principal of the account),
    /// `arn:…:iam::*:*` (any principal of an account no policy names) or `*` (anyone).
    pub principal: String,
    pub class: PrincipalClass,
    /// The principal's account (empty for anyone, a service, an account no policy names).
    pub account: String,
    /// Anyone, or a principal of an account that is neither the bucket owner nor trusted.
    pub external: bool,
    pub bucket: String,
    /// The bucket's name for requests to the bucket directly, else the access point's name.
    pub route: String,
    /// The access point; None for the bucket directly.
    pub access_point: Option<String>,
    pub access: Access,
    /// The key patterns gained or lost (for `list`: the prefixes a listing may ask for) …
    pub keys: Vec<String>,
    /// … and the patterns cut out of them.
    pub except: Vec<String>,
    /// Conditions the access depends on that a plan cannot know (after the change for a gain,
    /// before it for a loss).
    pub only_if: Vec<String>,
    /// Set when the change is to the conditions, not the keys: for a gain, the conditions the
    /// access was reachable only under before (a restriction lifted, e.g. an `aws:SourceVpce`
    /// Deny removed); for a loss, the conditions it is reachable only under now.
    pub restriction: Vec<String>,
    /// The exact set of keys.
    #[serde(skip)]
    pub set: KeySet,
}

/// Condition keys that restrict where a request comes from.
pub const NETWORK_KEYS: [&str; 4] = [
    "aws:sourcevpce",
    "aws:sourcevpc",
    "aws:sourceip",
    "aws:vpcsourceip",
];

impl DeltaRow {
    /// A gain that lifts a condition on where requests come from (a VPC endpoint, a VPC, an
    /// IP range).
    pub fn lifts_network_restriction(&self) -> bool {
        self.change == Change::Gained
            && self.restriction.iter().any(|r| {
                let r = r.to_ascii_lowercase();
                NETWORK_KEYS.iter().any(|k| r.contains(k))
            })
    }
}

/// What a delta is asked about besides the two sides.
#[derive(Debug, Clone, Copy)]
pub struct Question<'a> {
    pub bucket: &'a str,
    /// `aws`, `aws-cn`, `aws-us-gov`.
    pub partition: &'a str,
    /// Accounts that count as internal besides the bucket owner (the bucket owner is the
    /// policy sets' `bucket_account`).
    pub trusted: &'a [String],
}

/// One side: the documents (to see which statements changed) and their compiled set.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub docs: &'a BucketPolicies,
    pub set: &'a PolicySet,
}

/// Who a set of statements can apply to.
#[derive(Debug, Default)]
struct Touched {
    all: bool,
    accounts: HashSet<String>,
    principals: HashSet<String>,
}

impl Touched {
    fn everyone() -> Touched {
        Touched {
            all: true,
            ..Touched::default()
        }
    }

    /// The statements of `before` and `after` that are not in both (as JSON values).
    fn between(before: Option<&PolicyDocument>, after: Option<&PolicyDocument>) -> Touched {
        let b: Vec<&Value> = before.map(PolicyDocument::statements).unwrap_or_default();
        let mut a: Vec<&Value> = after.map(PolicyDocument::statements).unwrap_or_default();
        let mut changed: Vec<Value> = Vec::new();
        for s in b {
            match a.iter().position(|x| *x == s) {
                Some(i) => {
                    a.remove(i);
                }
                None => changed.push(s.clone()),
            }
        }
        changed.extend(a.into_iter().cloned());
        if changed.is_empty() {
            return Touched::default();
        }
        let doc =
            PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": changed}));
        let Ok(policy) = doc.and_then(|d| CompiledPolicy::compile(&d, "changed")) else {
            return Touched::everyone();
        };
        let mut t = Touched::default();
        for st in &policy.statements {
            match &st.principal {
                PrincipalSpec::In(ps) => {
                    for p in ps {
                        match p {
                            PrincipalPattern::All => t.all = true,
                            PrincipalPattern::Account(a) => {
                                t.accounts.insert(a.clone());
                            }
                            PrincipalPattern::Exact(x) => {
                                t.principals.insert(principal_key(x));
                            }
                        }
                    }
                }
                PrincipalSpec::NotIn(_) | PrincipalSpec::Absent => t.all = true,
            }
        }
        t
    }

    fn add(&mut self, other: &Touched) {
        self.all |= other.all;
        self.accounts.extend(other.accounts.iter().cloned());
        self.principals.extend(other.principals.iter().cloned());
    }

    fn is_empty(&self) -> bool {
        !self.all && self.accounts.is_empty() && self.principals.is_empty()
    }

    fn affects(&self, class: &Who) -> bool {
        if self.all {
            return true;
        }
        (!class.key.is_empty() && self.principals.contains(&class.key))
            || (!class.account.is_empty() && self.accounts.contains(&class.account))
    }
}

/// What a statement can name a class by: its principal's index key (a named principal, an
/// account's root ARN) and its account (empty for the classes only `*` reaches).
struct Who {
    key: String,
    account: String,
}

impl Who {
    fn of(class: &PrincipalClass, partition: &str) -> Who {
        match class {
            PrincipalClass::Named(arn) => Who {
                key: principal_key(arn),
                account: super::audit::principal_account(arn),
            },
            PrincipalClass::Root(a) => Who {
                key: format!("arn:{partition}:iam::{a}:root"),
                account: a.clone(),
            },
            PrincipalClass::AnyIn(a) => Who {
                key: String::new(),
                account: a.clone(),
            },
            PrincipalClass::AnyOtherAccount | PrincipalClass::Anyone => Who {
                key: String::new(),
                account: String::new(),
            },
        }
    }
}

fn rank(c: &PrincipalClass) -> u8 {
    match c {
        PrincipalClass::Named(_) | PrincipalClass::Root(_) => 0,
        PrincipalClass::AnyIn(_) => 1,
        PrincipalClass::AnyOtherAccount => 2,
        PrincipalClass::Anyone => 3,
    }
}

fn conditions(e: &Exact<'_>) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for n in &e.possible.narrowing {
        let t = format!("{} ({})", n.requires, sid_of(&n.statement));
        if !v.contains(&t) {
            v.push(t);
        }
    }
    v
}

/// A row before its description.
struct Found {
    change: Change,
    class: usize,
    route: usize,
    access: Access,
    set: KeySet,
    only_if: Vec<String>,
    restriction: Vec<String>,
}

/// A route as one side of a change has it: whether the route exists there (the bucket always
/// does), and its access point's compiled policy.
struct RouteOn<'a> {
    present: bool,
    policy: Option<&'a CompiledPolicy>,
}

fn route_on<'m>(
    routes: &[Option<AccessPointTarget>],
    m: &'m Model<'_>,
    side: &Side<'_>,
) -> Vec<RouteOn<'m>> {
    routes
        .iter()
        .map(|r| match r {
            None => RouteOn {
                present: true,
                policy: None,
            },
            Some(t) => RouteOn {
                present: side.docs.access_point(&t.arn).is_some(),
                policy: m.access_point_policy(&t.arn),
            },
        })
        .collect()
}

/// The access delta of a change to one bucket's policies: every gained and lost access, in a
/// stable order (class, route, access, gained before lost).
pub fn delta(
    q: &Question<'_>,
    before: Side<'_>,
    after: Side<'_>,
) -> Result<Vec<DeltaRow>, ModelError> {
    let chain = Chain::default();
    let mb = Model {
        set: before.set,
        chain: &chain,
        bucket: q.bucket,
        partition: q.partition,
        context: &[],
        trusted: q.trusted,
    };
    let ma = Model {
        set: after.set,
        ..mb
    };

    // Which routes a change can reach, and whom.
    let bucket_touched = Touched::between(before.docs.bucket.as_ref(), after.docs.bucket.as_ref());
    let mut routes: Vec<Option<AccessPointTarget>> = vec![None];
    for (t, _) in before
        .docs
        .access_points
        .iter()
        .chain(&after.docs.access_points)
    {
        if !routes.iter().flatten().any(|r| r.arn == t.arn) {
            routes.push(Some(t.clone()));
        }
    }
    let touched: Vec<Touched> = routes
        .iter()
        .map(|r| {
            let Some(t) = r else {
                let mut x = Touched::default();
                x.add(&bucket_touched);
                return x;
            };
            let mut x = match (
                before.docs.access_point(&t.arn),
                after.docs.access_point(&t.arn),
            ) {
                (Some(b), Some(a)) => Touched::between(b, a),
                // The access point is created or deleted: its route opens or closes.
                _ => Touched::everyone(),
            };
            x.add(&bucket_touched);
            x
        })
        .collect();
    let mut any = Touched::default();
    for t in &touched {
        any.add(t);
    }
    if any.is_empty() {
        return Ok(Vec::new());
    }

    // Every class either side can tell apart, one representative each.
    let mut classes = mb.classes();
    for c in ma.classes() {
        if !classes.contains(&c) {
            classes.push(c);
        }
    }
    classes.sort_by_key(rank);
    let fresh = (0u64..)
        .map(|i| format!("{:012}", 999_900_000_000u64 + i))
        .find(|a| !classes.contains(&PrincipalClass::AnyIn(a.clone())))
        .unwrap_or_default();
    let wild = mb.principal_account_wildcards() || ma.principal_account_wildcards();

    // Each route on each side, found once: asked again for every class, finding an access
    // point among a hundred by its ARN was most of the delta's cost.
    let (on_b, on_a) = (
        route_on(&routes, &mb, &before),
        route_on(&routes, &ma, &after),
    );

    let mut found: Vec<Found> = Vec::new();
    for (ci, class) in classes.iter().enumerate() {
        let whom = Who::of(class, q.partition);
        if !any.affects(&whom) {
            continue;
        }
        let who = mb.representative_among(class, &fresh, wild);
        let key = match class {
            PrincipalClass::Named(arn) => Some(super::principal_key(arn)),
            _ => None,
        };
        for (ri, route) in routes.iter().enumerate() {
            if !touched[ri].affects(&whom) {
                continue;
            }
            let on = |m: &Model<'_>, at: &RouteOn<'_>| {
                at.present && (route.is_none() || m.may_pass_policy(key.as_deref(), at.policy))
            };
            let (pass_b, pass_a) = (on(&mb, &on_b[ri]), on(&ma, &on_a[ri]));
            if !pass_b && !pass_a {
                continue;
            }
            for access in Access::ALL {
                let eb = if pass_b {
                    Some(symbolic::exact(
                        mb.set,
                        &chain,
                        &mb.query(&who, access, route.as_ref()),
                    )?)
                } else {
                    None
                };
                let ea = if pass_a {
                    Some(symbolic::exact(
                        ma.set,
                        &chain,
                        &ma.query(&who, access, route.as_ref()),
                    )?)
                } else {
                    None
                };
                let sets = |e: &Option<Exact<'_>>| match e {
                    Some(e) => (e.possible.keys.clone(), e.definite.clone()),
                    None => (KeySet::empty(), KeySet::empty()),
                };
                let ((pb, db), (pa, da)) = (sets(&eb), sets(&ea));
                let conds = |e: &Option<Exact<'_>>| e.as_ref().map(conditions).unwrap_or_default();
                let mut push =
                    |change, set: KeySet, only_if, restriction| -> Result<(), ModelError> {
                        if !set.is_empty()? {
                            found.push(Found {
                                change,
                                class: ci,
                                route: ri,
                                access,
                                set,
                                only_if,
                                restriction,
                            });
                        }
                        Ok(())
                    };
                // Without conditions a plan cannot know, the definite answer is the possible one.
                let narrowed = |e: &Option<Exact<'_>>| {
                    e.as_ref().is_some_and(|e| !e.possible.narrowing.is_empty())
                };
                let (nb, na) = (narrowed(&eb), narrowed(&ea));
                let gained = pa.minus(&pb);
                let lost = pb.minus(&pa);
                let only_if_a = if na && !gained.intersect(&pa.minus(&da)).is_empty()? {
                    conds(&ea)
                } else {
                    Vec::new()
                };
                let only_if_b = if nb && !lost.intersect(&pb.minus(&db)).is_empty()? {
                    conds(&eb)
                } else {
                    Vec::new()
                };
                push(Change::Gained, gained, only_if_a, Vec::new())?;
                push(Change::Lost, lost, only_if_b, Vec::new())?;
                if nb || na {
                    // Reachable before only under conditions, now whatever they are.
                    let lifted = da.minus(&db).intersect(&pb);
                    push(Change::Gained, lifted, Vec::new(), conds(&eb))?;
                    // Reachable before whatever the conditions, now only under some.
                    let added = db.minus(&da).intersect(&pa);
                    push(Change::Lost, added, Vec::new(), conds(&ea))?;
                }
            }
        }
    }

    // What anyone gains or loses is said once, on the `*` row: another class's row that holds
    // nothing more is left out.
    let anyone = classes.iter().position(|c| *c == PrincipalClass::Anyone);
    let mut keep = vec![true; found.len()];
    for (i, f) in found.iter().enumerate() {
        if Some(f.class) == anyone {
            continue;
        }
        let covered = found.iter().any(|g| {
            Some(g.class) == anyone
                && g.route == f.route
                && g.access == f.access
                && g.change == f.change
                && g.restriction.is_empty() == f.restriction.is_empty()
                && f.set.is_subset(&g.set).unwrap_or(false)
        });
        keep[i] = !covered;
    }

    let mut rows = Vec::new();
    for (f, keep) in found.into_iter().zip(keep) {
        if !keep {
            continue;
        }
        let class = &classes[f.class];
        let (principal, account) = ma.display(class);
        let described = f.set.describe_change()?;
        let route = &routes[f.route];
        rows.push(DeltaRow {
            change: f.change,
            principal,
            class: class.clone(),
            external: ma.external(class, &account),
            account,
            bucket: q.bucket.to_string(),
            route: route
                .as_ref()
                .map_or_else(|| q.bucket.to_string(), |t| t.name.clone()),
            access_point: route.as_ref().map(|t| t.name.clone()),
            access: f.access,
            keys: described.keys,
            except: described.except,
            only_if: f.only_if,
            restriction: f.restriction,
            set: f.set,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    //! The semantics relied on, each from its AWS page:
    //! - an explicit Deny wins, a cross-account request needs the resource policy's Allow
    //!   (identity policies of another account are assumed to allow, as IAM Access Analyzer
    //!   does): "Policy evaluation logic" and "Cross-account policy evaluation logic",
    //!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>,
    //!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html>;
    //! - `*` in a Resource spans `/`: "IAM JSON policy elements: Resource",
    //!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html>;
    //! - a request through an access point needs both the access point policy and the bucket
    //!   policy (which may delegate with `s3:DataAccessPointAccount`): "Configuring IAM policies
    //!   for using access points",
    //!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html>;
    //! - `aws:SourceVpce` restricts a bucket to a VPC endpoint: "Controlling access from VPC
    //!   endpoints with bucket policies",
    //!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html>.
    use super::*;

    const OWNER: &str = "123456789012";
    const PARTNER: &str = "arn:aws:iam::999988887777:role/partner";
    const ANALYST: &str = "arn:aws:iam::123456789012:role/analyst";

    fn doc(statements: Value) -> PolicyDocument {
        PolicyDocument::from_value(json!({"Version": "2012-10-17", "Statement": statements}))
            .unwrap()
    }

    fn bucket(statements: Value) -> BucketPolicies {
        BucketPolicies {
            bucket: Some(doc(statements)),
            access_points: Vec::new(),
        }
    }

    fn allow(sid: &str, who: Value, actions: Value, resource: &str) -> Value {
        json!({"Sid": sid, "Effect": "Allow", "Principal": {"AWS": who}, "Action": actions,
               "Resource": resource})
    }

    fn run(before: &BucketPolicies, after: &BucketPolicies) -> Vec<DeltaRow> {
        let (b, a) = (
            before.compile(OWNER).unwrap(),
            after.compile(OWNER).unwrap(),
        );
        delta(
            &Question {
                bucket: "lake",
                partition: "aws",
                trusted: &[],
            },
            Side {
                docs: before,
                set: &b,
            },
            Side {
                docs: after,
                set: &a,
            },
        )
        .unwrap()
    }

    fn brief(rows: &[DeltaRow]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                format!(
                    "{} {} {} {} {}{}{}",
                    r.change.as_str(),
                    r.principal,
                    r.route,
                    r.access.as_str(),
                    r.keys.join(","),
                    if r.except.is_empty() {
                        String::new()
                    } else {
                        format!(" except {}", r.except.join(","))
                    },
                    if r.external { " external" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn adding_a_partner_to_a_write_grant_is_an_external_write_gain() {
        let before = bucket(json!([allow(
            "Write",
            json!([ANALYST]),
            json!(["s3:PutObject"]),
            "arn:aws:s3:::lake/sales_event/*"
        )]));
        let after = bucket(json!([allow(
            "Write",
            json!([ANALYST, PARTNER]),
            json!(["s3:PutObject"]),
            "arn:aws:s3:::lake/sales_event/*"
        )]));
        let rows = run(&before, &after);
        assert_eq!(
            brief(&rows),
            vec![format!(
                "gained {PARTNER} lake write sales_event/* external"
            )]
        );
        assert_eq!(rows[0].account, "999988887777");
        // And back: the same row, lost.
        let back = run(&after, &before);
        assert_eq!(
            brief(&back),
            vec![format!("lost {PARTNER} lake write sales_event/* external")]
        );
    }

    #[test]
    fn a_sid_rename_and_a_reformat_change_no_access() {
        let st = allow(
            "Read",
            json!(ANALYST),
            json!("s3:GetObject"),
            "arn:aws:s3:::lake/sales_event/*",
        );
        let mut renamed = st.clone();
        renamed["Sid"] = json!("ReadSales");
        renamed["Action"] = json!(["s3:GetObject"]);
        assert!(run(&bucket(json!([st])), &bucket(json!([renamed]))).is_empty());
    }

    #[test]
    fn removing_a_deny_gains_exactly_the_keys_it_cut_out() {
        let grant = allow(
            "AnalystAll",
            json!(ANALYST),
            json!("s3:GetObject"),
            "arn:aws:s3:::lake/sales_event/*",
        );
        let deny = json!({"Sid": "NoPii", "Effect": "Deny", "Principal": {"AWS": ANALYST},
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/sales_event/*/pii/*"});
        let rows = run(&bucket(json!([grant, deny])), &bucket(json!([grant])));
        assert_eq!(
            brief(&rows),
            vec![format!("gained {ANALYST} lake read sales_event/*/pii/*")]
        );
        assert!(rows[0].set.contains("sales_event/2024/pii/x.csv"));
        assert!(!rows[0].set.contains("sales_event/2024/x.csv"));
    }

    #[test]
    fn a_grant_to_an_account_reaches_every_principal_of_it() {
        // app B, of the partner account, reads its own prefix.
        let app_b = "arn:aws:iam::999988887777:role/app-b";
        let b = allow(
            "B",
            json!(app_b),
            json!("s3:GetObject"),
            "arn:aws:s3:::lake/inventory_event/*",
        );
        // A grant to the partner account (its administrators delegate it with IAM policies,
        // assumed to allow) reaches app B too.
        let to_account = allow(
            "A",
            json!("999988887777"),
            json!("s3:PutObject"),
            "arn:aws:s3:::lake/sales_event/*",
        );
        let rows = run(&bucket(json!([b])), &bucket(json!([b, to_account])));
        let brief = brief(&rows);
        assert!(
            brief.contains(&format!("gained {app_b} lake write sales_event/* external")),
            "{brief:?}"
        );
        assert!(brief.contains(
            &"gained arn:aws:iam::999988887777:* lake write sales_event/* external".to_string()
        ));
        assert!(rows
            .iter()
            .all(|r| r.external && r.change == Change::Gained));
        // Naming the bucket owner's own account grants nothing by itself: its principals need
        // an identity policy too, and the plan has none.
        let own = allow(
            "Own",
            json!(OWNER),
            json!("s3:PutObject"),
            "arn:aws:s3:::lake/sales_event/*",
        );
        assert!(run(&bucket(json!([b])), &bucket(json!([b, own]))).is_empty());
    }

    #[test]
    fn a_public_grant_is_said_once_for_anyone() {
        let before = bucket(json!([allow(
            "A",
            json!(ANALYST),
            json!("s3:GetObject"),
            "arn:aws:s3:::lake/sales_event/*"
        )]));
        let public = json!({"Sid": "Public", "Effect": "Allow", "Principal": "*",
            "Action": "s3:GetObject", "Resource": "arn:aws:s3:::lake/public/*"});
        let after = bucket(json!([
            allow(
                "A",
                json!(ANALYST),
                json!("s3:GetObject"),
                "arn:aws:s3:::lake/sales_event/*"
            ),
            public
        ]));
        let rows = run(&before, &after);
        assert_eq!(
            brief(&rows),
            vec!["gained * lake read public/* external".to_string()]
        );
    }

    #[test]
    fn removing_a_vpc_endpoint_restriction_lifts_a_network_restriction() {
        let grant = allow(
            "A",
            json!(ANALYST),
            json!("s3:GetObject"),
            "arn:aws:s3:::lake/*",
        );
        let vpce = json!({"Sid": "OnlyVpce", "Effect": "Deny", "Principal": "*",
            "Action": "s3:*", "Resource": ["arn:aws:s3:::lake", "arn:aws:s3:::lake/*"],
            "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}});
        let rows = run(&bucket(json!([grant, vpce])), &bucket(json!([grant])));
        assert_eq!(rows.len(), 1, "{:?}", brief(&rows));
        let r = &rows[0];
        assert_eq!(r.change, Change::Gained);
        assert_eq!(r.principal, ANALYST);
        assert_eq!(r.keys, vec!["*".to_string()]);
        assert!(
            r.restriction.iter().any(|c| c.contains("aws:SourceVpce")),
            "{:?}",
            r.restriction
        );
        assert!(r.lifts_network_restriction());
        // Putting it back: lost, now only under the condition.
        let back = run(&bucket(json!([grant])), &bucket(json!([grant, vpce])));
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].change, Change::Lost);
        assert!(!back[0].restriction.is_empty());
    }

    fn target(name: &str) -> AccessPointTarget {
        AccessPointTarget::from_arn(&format!("arn:aws:s3:us-east-1:{OWNER}:accesspoint/{name}"))
            .unwrap()
    }

    fn delegating() -> Value {
        let mut d = PolicyDocument::new();
        d.upsert(crate::access::delegate_statement("aws", "lake", OWNER));
        d.to_value()["Statement"].clone()
    }

    #[test]
    fn an_access_point_grant_counts_only_where_the_bucket_delegates() {
        let t = target("sales");
        let ap = |who: &[&str]| {
            let mut d = PolicyDocument::new();
            let who: Vec<String> = who.iter().map(|s| s.to_string()).collect();
            crate::access::grant(
                &mut d,
                &crate::access::AccessPointRef { arn: t.arn.clone() },
                "sales_event/",
                &who,
                crate::AccessLevel::Read,
            );
            d
        };
        let side = |bucket: Value, who: &[&str]| BucketPolicies {
            bucket: Some(doc(bucket)),
            access_points: vec![(t.clone(), Some(ap(who)))],
        };
        let unrelated = json!([allow(
            "X",
            json!(ANALYST),
            json!("s3:GetObject"),
            "arn:aws:s3:::lake/x/*"
        )]);
        // The bucket does not delegate: the access point's grant reaches nothing.
        assert!(run(
            &side(unrelated.clone(), &[ANALYST]),
            &side(unrelated, &[ANALYST, PARTNER])
        )
        .is_empty());
        // It delegates: the partner gains read through the access point, and list.
        let rows = run(
            &side(delegating(), &[ANALYST]),
            &side(delegating(), &[ANALYST, PARTNER]),
        );
        let brief = brief(&rows);
        assert!(
            brief.contains(&format!(
                "gained {PARTNER} sales read sales_event/* external"
            )),
            "{brief:?}"
        );
        assert!(rows
            .iter()
            .all(|r| r.principal == PARTNER && r.route == "sales"));
    }

    #[test]
    fn deleting_an_access_point_loses_what_went_through_it() {
        let t = target("sales");
        let mut d = PolicyDocument::new();
        crate::access::grant(
            &mut d,
            &crate::access::AccessPointRef { arn: t.arn.clone() },
            "sales_event/",
            &[ANALYST.to_string()],
            crate::AccessLevel::Write,
        );
        let before = BucketPolicies {
            bucket: Some(doc(delegating())),
            access_points: vec![(t.clone(), Some(d))],
        };
        let after = BucketPolicies {
            bucket: Some(doc(delegating())),
            access_points: Vec::new(),
        };
        let rows = run(&before, &after);
        assert!(!rows.is_empty());
        assert!(rows
            .iter()
            .all(|r| r.change == Change::Lost && r.route == "sales"));
        assert!(rows.iter().any(|r| r.principal == ANALYST
            && r.access == Access::Write
            && r.keys == vec!["sales_event/*".to_string()]));
    }
}
