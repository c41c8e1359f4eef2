//! Condition operators ("IAM JSON policy elements: Condition operators"): String*, Numeric*,
//! Date*, Bool, BinaryEquals, IpAddress/NotIpAddress, Arn*, Null, the `…IfExists` suffix and the
//! `ForAnyValue:`/`ForAllValues:` set qualifiers.
//!
//! Semantics ("Condition with multiple context keys or values"): the keys of one operator and the
//! operators of one block are ANDed; the values of one key are ORed. A key absent from the request
//! makes a positive operator false, a negated one (`StringNotEquals`, `NotIpAddress`, …) true,
//! `…IfExists` true, `ForAllValues:` true and `ForAnyValue:` false.

use super::keyset::KeySet;
use super::variables::{Template, Val};
use super::wildcard::Pattern;
use super::{RequestCtx, Vals};
use crate::PolicyError;
use ipnet::IpNet;
use serde_json::Value;
use std::net::IpAddr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Single,
    ForAnyValue,
    ForAllValues,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    StringEquals,
    StringEqualsIgnoreCase,
    StringLike,
    Numeric(Cmp),
    Date(Cmp),
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmp {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn test<T: PartialOrd>(self, request: T, policy: T) -> bool {
        match self {
            Cmp::Eq => request == policy,
            Cmp::Lt => request < policy,
            Cmp::Le => request <= policy,
            Cmp::Gt => request > policy,
            Cmp::Ge => request >= policy,
        }
    }
}

/// Operators by name: (name, family, negated).
const OPERATORS: &[(&str, Family, bool)] = &[
    ("StringEquals", Family::StringEquals, false),
    ("StringNotEquals", Family::StringEquals, true),
    (
        "StringEqualsIgnoreCase",
        Family::StringEqualsIgnoreCase,
        false,
    ),
    (
        "StringNotEqualsIgnoreCase",
        Family::StringEqualsIgnoreCase,
        true,
    ),
    ("StringLike", Family::StringLike, false),
    ("StringNotLike", Family::StringLike, true),
    ("NumericEquals", Family::Numeric(Cmp::Eq), false),
    ("NumericNotEquals", Family::Numeric(Cmp::Eq), true),
    ("NumericLessThan", Family::Numeric(Cmp::Lt), false),
    ("NumericLessThanEquals", Family::Numeric(Cmp::Le), false),
    ("NumericGreaterThan", Family::Numeric(Cmp::Gt), false),
    ("NumericGreaterThanEquals", Family::Numeric(Cmp::Ge), false),
    ("DateEquals", Family::Date(Cmp::Eq), false),
    ("DateNotEquals", Family::Date(Cmp::Eq), true),
    ("DateLessThan", Family::Date(Cmp::Lt), false),
    ("DateLessThanEquals", Family::Date(Cmp::Le), false),
    ("DateGreaterThan", Family::Date(Cmp::Gt), false),
    ("DateGreaterThanEquals", Family::Date(Cmp::Ge), false),
    ("Bool", Family::Bool, false),
    ("BinaryEquals", Family::Binary, false),
    ("IpAddress", Family::Ip, false),
    ("NotIpAddress", Family::Ip, true),
    ("ArnEquals", Family::Arn, false),
    ("ArnLike", Family::Arn, false),
    ("ArnNotEquals", Family::Arn, true),
    ("ArnNotLike", Family::Arn, true),
    ("Null", Family::Null, false),
];

/// A parsed operator name such as `ForAllValues:StringNotLikeIfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    pub qualifier: Qualifier,
    family: Family,
    pub negated: bool,
    pub if_exists: bool,
}

impl Operator {
    /// Parse an operator name (case-sensitive, as AWS requires). None when unknown.
    pub fn parse(name: &str) -> Option<Operator> {
        let (qualifier, rest) = if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (Qualifier::ForAnyValue, r)
        } else if let Some(r) = name.strip_prefix("ForAllValues:") {
            (Qualifier::ForAllValues, r)
        } else {
            (Qualifier::Single, name)
        };
        let (base, if_exists) = match rest.strip_suffix("IfExists") {
            Some(b) => (b, true),
            None => (rest, false),
        };
        let &(_, family, negated) = OPERATORS.iter().find(|(n, _, _)| *n == base)?;
        if family == Family::Null && (if_exists || qualifier != Qualifier::Single) {
            return None;
        }
        Some(Operator {
            qualifier,
            family,
            negated,
            if_exists,
        })
    }
}

/// Every operator name lakegate knows (for messages).
pub fn operator_names() -> impl Iterator<Item = &'static str> {
    OPERATORS.iter().map(|(n, _, _)| *n)
}

#[derive(Debug, Clone)]
enum Values {
    Str(Vec<Val<String>>),
    StrLower(Vec<Val<String>>),
    Like(Vec<Val<Pattern>>),
    Num(Vec<Option<f64>>),
    Date(Vec<Option<i64>>),
    Bool(Vec<Option<bool>>),
    Ip(Vec<Option<IpNet>>),
    Arn(Vec<Val<ArnPattern>>),
}

/// An ARN pattern matched component by component (the six colon-separated fields).
#[derive(Debug, Clone)]
pub struct ArnPattern {
    parts: Vec<Pattern>,
    whole: Pattern,
}

impl ArnPattern {
    pub fn new(text: &str) -> Self {
        ArnPattern {
            parts: text.splitn(6, ':').map(Pattern::new).collect(),
            whole: Pattern::new(text),
        }
    }

    pub fn matches(&self, arn: &str) -> bool {
        if self.parts.len() < 6 {
            return self.whole.matches(arn);
        }
        let mut n = 0;
        for (p, a) in self.parts.iter().zip(arn.splitn(6, ':')) {
            if !p.matches(a) {
                return false;
            }
            n += 1;
        }
        n == 6
    }
}

/// One key of one operator: `"StringEquals": {"aws:SourceVpce": ["vpce-1", "vpce-2"]}`.
#[derive(Debug, Clone)]
pub struct Condition {
    pub operator_name: String,
    pub key: String,
    key_lower: String,
    op: Operator,
    values: Values,
    raw: Vec<String>,
}

fn value_strings(v: &Value) -> Vec<String> {
    let one = |x: &Value| match x {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match v {
        Value::Array(a) => a.iter().map(one).collect(),
        other => vec![one(other)],
    }
}

/// A value, with policy variables when `vars` (policy language version 2012-10-17: in older
/// versions `${…}` is literal text, "IAM policy elements: Variables and tags").
fn val<T>(s: &str, vars: bool, fixed: impl Fn(&str) -> T) -> Val<T> {
    match Template::parse(s).filter(|_| vars) {
        Some(t) => Val::Var(t),
        None => Val::Fixed(fixed(s)),
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn parse_ip_net(s: &str) -> Option<IpNet> {
    let s = s.trim();
    s.parse::<IpNet>()
        .ok()
        .or_else(|| s.parse::<IpAddr>().ok().map(IpNet::from))
}

/// Validate the values of one condition key for its operator, as IAM does before storing a
/// policy: numbers, dates, booleans and CIDRs must parse (a value holding a policy variable is
/// checked when the request supplies it).
pub fn check_values(op: Operator, values: &Value, path: &str) -> Result<(), PolicyError> {
    let bad = |what: &str, s: &str| PolicyError::new(path, format!("'{s}' is not {what}"));
    for s in value_strings(values) {
        if s.contains("${") {
            continue;
        }
        match op.family {
            Family::Numeric(_) if s.trim().parse::<f64>().is_err() => {
                return Err(bad("a number", &s))
            }
            Family::Date(_) if parse_date(&s).is_none() => {
                return Err(bad(
                    "a date (ISO 8601 such as 2026-01-31T12:00:00Z, or epoch seconds)",
                    &s,
                ))
            }
            Family::Bool | Family::Null if parse_bool(&s).is_none() => {
                return Err(bad("true or false", &s))
            }
            Family::Ip if parse_ip_net(&s).is_none() => {
                return Err(bad("an IP address or CIDR such as 10.0.0.0/16", &s))
            }
            _ => {}
        }
    }
    Ok(())
}

impl Condition {
    /// Compile one key of an operator block; `path` names it in errors.
    pub fn compile(
        operator_name: &str,
        key: &str,
        values: &Value,
        path: &str,
    ) -> Result<Condition, PolicyError> {
        Self::compile_with(operator_name, key, values, path, true)
    }

    /// [`Condition::compile`]; `vars`: whether `${…}` are policy variables (version 2012-10-17).
    pub fn compile_with(
        operator_name: &str,
        key: &str,
        values: &Value,
        path: &str,
        vars: bool,
    ) -> Result<Condition, PolicyError> {
        let op = Operator::parse(operator_name).ok_or_else(|| {
            PolicyError::new(
                path,
                format!("unknown condition operator '{operator_name}'"),
            )
        })?;
        let raw = value_strings(values);
        let compiled = match op.family {
            Family::StringEquals | Family::Binary => {
                Values::Str(raw.iter().map(|s| val(s, vars, str::to_string)).collect())
            }
            Family::StringEqualsIgnoreCase => Values::StrLower(
                raw.iter()
                    .map(|s| val(s, vars, str::to_lowercase))
                    .collect(),
            ),
            Family::StringLike => {
                Values::Like(raw.iter().map(|s| val(s, vars, Pattern::new)).collect())
            }
            Family::Numeric(_) => Values::Num(raw.iter().map(|s| s.trim().parse().ok()).collect()),
            Family::Date(_) => Values::Date(raw.iter().map(|s| parse_date(s)).collect()),
            Family::Bool | Family::Null => {
                Values::Bool(raw.iter().map(|s| parse_bool(s)).collect())
            }
            Family::Ip => Values::Ip(raw.iter().map(|s| parse_ip_net(s)).collect()),
            Family::Arn => Values::Arn(raw.iter().map(|s| val(s, vars, ArnPattern::new)).collect()),
        };
        Ok(Condition {
            operator_name: operator_name.to_string(),
            key: key.to_string(),
            key_lower: key.to_ascii_lowercase(),
            op,
            values: compiled,
            raw,
        })
    }

    /// The values as written in the policy.
    pub fn raw_values(&self) -> &[String] {
        &self.raw
    }

    /// Does one request value match any of the policy values (the positive form of the operator)?
    fn positive(&self, v: &str, ctx: &RequestCtx<'_>) -> bool {
        match &self.values {
            Values::Str(ps) => ps.iter().any(|p| match p {
                Val::Fixed(s) => s == v,
                Val::Var(t) => t.resolve(ctx, false).is_some_and(|s| s == v),
            }),
            Values::StrLower(ps) => {
                let lv = v.to_lowercase();
                ps.iter().any(|p| match p {
                    Val::Fixed(s) => *s == lv,
                    Val::Var(t) => t.resolve(ctx, true).is_some_and(|s| s == lv),
                })
            }
            Values::Like(ps) => ps.iter().any(|p| match p {
                Val::Fixed(pat) => pat.matches(v),
                Val::Var(t) => t.pattern(ctx, false).is_some_and(|pat| pat.matches(v)),
            }),
            Values::Num(ps) => {
                let Family::Numeric(cmp) = self.op.family else {
                    return false;
                };
                let Ok(x) = v.trim().parse::<f64>() else {
                    return false;
                };
                ps.iter().flatten().any(|&p| cmp.test(x, p))
            }
            Values::Date(ps) => {
                let Family::Date(cmp) = self.op.family else {
                    return false;
                };
                let Some(x) = parse_date(v) else {
                    return false;
                };
                ps.iter().flatten().any(|&p| cmp.test(x, p))
            }
            Values::Bool(ps) => parse_bool(v).is_some_and(|x| ps.iter().flatten().any(|&p| p == x)),
            Values::Ip(ps) => v
                .trim()
                .parse::<IpAddr>()
                .is_ok_and(|ip| ps.iter().flatten().any(|n| n.contains(&ip))),
            Values::Arn(ps) => ps.iter().any(|p| match p {
                Val::Fixed(a) => a.matches(v),
                Val::Var(t) => t
                    .resolve(ctx, false)
                    .is_some_and(|s| ArnPattern::new(&s).matches(v)),
            }),
        }
    }

    /// Evaluate against the request context.
    pub fn eval(&self, ctx: &RequestCtx<'_>) -> bool {
        let found: Option<Vals<'_>> = ctx.get(&self.key_lower).filter(|v| !v.is_empty());
        if self.op.family == Family::Null {
            let Values::Bool(ps) = &self.values else {
                return false;
            };
            let absent = found.is_none();
            return ps
                .iter()
                .flatten()
                .any(|&want_absent| want_absent == absent);
        }
        let Some(values) = found else {
            return match self.op.qualifier {
                Qualifier::ForAllValues => true,
                Qualifier::ForAnyValue => self.op.if_exists,
                Qualifier::Single => self.op.if_exists || self.op.negated,
            };
        };
        let one = |v: &str| self.positive(v, ctx) != self.op.negated;
        match self.op.qualifier {
            Qualifier::ForAnyValue => values.iter().any(one),
            Qualifier::ForAllValues => values.iter().all(one),
            Qualifier::Single => {
                let any_positive = values.iter().any(|v| self.positive(v, ctx));
                any_positive != self.op.negated
            }
        }
    }

    /// The values of a single-valued key, present in the request, for which the condition holds
    /// (for `s3:prefix`, the prefixes a listing may ask for). None when the operator's values do
    /// not form a set of strings the model can represent (numbers, dates, case-insensitive
    /// strings, variables that read the key itself).
    pub(crate) fn present_set(&self, ctx: &RequestCtx<'_>) -> Option<KeySet> {
        if self.op.family == Family::Null {
            let Values::Bool(ps) = &self.values else {
                return None;
            };
            // Present: `Null: false` holds, `Null: true` does not.
            return Some(KeySet::from_bool(
                ps.iter().flatten().any(|&absent| !absent),
            ));
        }
        if !matches!(self.op.family, Family::StringEquals | Family::StringLike) {
            return None;
        }
        let reads_itself = |t: &Template| t.keys().any(|k| k == self.key_lower);
        let mut positive = KeySet::empty();
        match &self.values {
            Values::Str(ps) => {
                for p in ps {
                    match p {
                        Val::Fixed(s) => positive = positive.union(&KeySet::literal(s)),
                        Val::Var(t) if reads_itself(t) => return None,
                        Val::Var(t) => {
                            if let Some(s) = t.resolve(ctx, false) {
                                positive = positive.union(&KeySet::literal(&s));
                            }
                        }
                    }
                }
            }
            Values::Like(ps) => {
                for p in ps {
                    match p {
                        Val::Fixed(pat) => {
                            positive = positive.union(&KeySet::after_prefix(pat, ""))
                        }
                        Val::Var(t) if reads_itself(t) => return None,
                        Val::Var(t) => {
                            if let Some(pat) = t.pattern(ctx, false) {
                                positive = positive.union(&KeySet::after_prefix(&pat, ""));
                            }
                        }
                    }
                }
            }
            _ => return None,
        }
        Some(if self.op.negated {
            positive.complement()
        } else {
            positive
        })
    }

    /// The lower-cased context key.
    /// Whether the condition narrows an Allow to fixed values of a key S3 accepts as making a
    /// policy non-public ("The meaning of public" in "Blocking public access to your Amazon S3
    /// storage"): a positive operator (no IfExists, not ForAllValues) on aws:SourceIp (not
    /// 0.0.0.0/0), aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner,
    /// aws:SourceAccount, aws:userid, aws:PrincipalArn, aws:PrincipalAccount,
    /// aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalServiceName, aws:SourceOrgID,
    /// aws:SourceOrgPaths, s3:DataAccessPointArn, s3:DataAccessPointAccount or
    /// s3:x-amz-server-side-encryption-aws-kms-key-id, with values free of wildcards and
    /// variables.
    pub fn restricts_publicly(&self) -> bool {
        const KEYS: &[&str] = &[
            "aws:sourceip",
            "aws:sourcearn",
            "aws:sourcevpc",
            "aws:sourcevpce",
            "aws:sourceowner",
            "aws:sourceaccount",
            "aws:userid",
            "aws:principalarn",
            "aws:principalaccount",
            "aws:principalorgid",
            "aws:principalorgpaths",
            "aws:principalservicename",
            "aws:sourceorgid",
            "aws:sourceorgpaths",
            "s3:dataaccesspointarn",
            "s3:dataaccesspointaccount",
            "s3:x-amz-server-side-encryption-aws-kms-key-id",
        ];
        if !KEYS.contains(&self.key_lower.as_str())
            || self.op.negated
            || self.op.if_exists
            || self.op.qualifier == Qualifier::ForAllValues
            || matches!(
                self.op.family,
                Family::Null | Family::Bool | Family::Numeric(_) | Family::Date(_)
            )
            || self.raw.is_empty()
        {
            return false;
        }
        self.raw.iter().all(|v| {
            !v.contains(['*', '?']) && !v.contains("${") && {
                let t = v.trim();
                !(self.key_lower == "aws:sourceip" && (t.ends_with("/0")))
            }
        })
    }

    pub fn key_lower(&self) -> &str {
        &self.key_lower
    }

    /// What the condition requires, for people: `aws:SourceVpce=vpce-1`,
    /// `aws:SourceIp in 10.0.0.0/8`, `s3:prefix like home/*`. With `negate`, what a request must
    /// satisfy for the condition to be false (the requirement a conditional Deny imposes):
    /// `StringNotEquals aws:SourceVpce vpce-1` becomes `aws:SourceVpce=vpce-1`.
    pub fn describe(&self, negate: bool) -> String {
        let negated = self.op.negated != negate;
        let values = self.raw.join("|");
        let key = &self.key;
        let mut text = match self.op.family {
            Family::Null => {
                // Null true: the key must be absent.
                let want_absent = self.raw.first().and_then(|v| parse_bool(v)).unwrap_or(true);
                if want_absent != negate {
                    format!("{key} absent")
                } else {
                    format!("{key} present")
                }
            }
            Family::Bool if negate && self.raw.len() == 1 => match parse_bool(&self.raw[0]) {
                Some(b) => format!("{key}={}", !b),
                None => format!("{key}!={values}"),
            },
            Family::StringEquals
            | Family::StringEqualsIgnoreCase
            | Family::Binary
            | Family::Bool
            | Family::Numeric(Cmp::Eq)
            | Family::Date(Cmp::Eq) => {
                format!("{key}{}{values}", if negated { "!=" } else { "=" })
            }
            Family::Arn => {
                let like = self.operator_name.contains("Like");
                let op = match (like, negated) {
                    (false, false) => "=",
                    (false, true) => "!=",
                    (true, false) => " like ",
                    (true, true) => " not like ",
                };
                format!("{key}{op}{values}")
            }
            Family::StringLike => {
                format!(
                    "{key}{}{values}",
                    if negated { " not like " } else { " like " }
                )
            }
            Family::Ip => format!("{key}{}{values}", if negated { " not in " } else { " in " }),
            Family::Numeric(c) | Family::Date(c) => {
                let op = match (c, negate) {
                    (Cmp::Lt, false) | (Cmp::Ge, true) => "<",
                    (Cmp::Le, false) | (Cmp::Gt, true) => "<=",
                    (Cmp::Gt, false) | (Cmp::Le, true) => ">",
                    (Cmp::Ge, false) | (Cmp::Lt, true) => ">=",
                    (Cmp::Eq, _) => unreachable!("handled with the equality operators"),
                };
                format!("{key}{op}{values}")
            }
        };
        match self.op.qualifier {
            Qualifier::Single => {}
            Qualifier::ForAnyValue => text = format!("any of {text}"),
            Qualifier::ForAllValues => text = format!("all of {text}"),
        }
        if self.op.if_exists {
            text.push_str(if negate {
                " (and present)"
            } else {
                " (if present)"
            });
        }
        if negate && self.op.qualifier != Qualifier::Single {
            text = format!("not({})", self.describe(false));
        }
        text
    }

    /// Why this condition is false, for `-v`.
    pub fn explain(&self, ctx: &RequestCtx<'_>) -> String {
        let shown = match ctx.get(&self.key_lower).filter(|v| !v.is_empty()) {
            None => "absent from the request".to_string(),
            Some(v) => format!("is {:?}", v.iter().collect::<Vec<_>>()),
        };
        format!(
            "condition {} {} not met ({} {shown})",
            self.operator_name, self.key, self.key
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A date as milliseconds since the epoch: ISO 8601 (`2020-01-01`, `2020-01-01T12:00:00Z`,
/// fractions, `+hh:mm` offsets) or epoch seconds.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().ok()?.checked_mul(1000);
    }
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        if t.bytes().all(|c| c.is_ascii_digit()) && !t.is_empty() {
            t.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut ms = days_from_civil(y, mo, d) * 86_400_000;
    if b.len() == 10 {
        return Some(ms);
    }
    if b[10] != b'T' && b[10] != b't' && b[10] != b' ' {
        return None;
    }
    let (h, mi) = (num(11..13)?, num(14..16)?);
    if b.get(13) != Some(&b':') {
        return None;
    }
    let mut i = 16;
    let mut sec = 0;
    if b.get(16) == Some(&b':') {
        sec = num(17..19)?;
        i = 19;
        if b.get(19) == Some(&b'.') {
            i = 20;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let frac = &s[start..i];
            let frac3: String = frac.chars().chain("000".chars()).take(3).collect();
            ms += frac3.parse::<i64>().ok()?;
        }
    }
    if h > 24 || mi > 59 || sec > 60 {
        return None;
    }
    ms += (h * 3600 + mi * 60 + sec) * 1000;
    match &s[i..] {
        "" | "Z" | "z" => Some(ms),
        tz => {
            let sign = match tz.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let t = &tz[1..];
            let (oh, om) = match t.split_once(':') {
                Some((a, b)) => (a.parse::<i64>().ok()?, b.parse::<i64>().ok()?),
                None if t.len() == 4 => (t[..2].parse().ok()?, t[2..].parse().ok()?),
                None => (t.parse().ok()?, 0),
            };
            Some(ms - sign * (oh * 3600 + om * 60) * 1000)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_names_parse() {
        for n in operator_names() {
            assert!(Operator::parse(n).is_some(), "{n}");
            if n != "Null" {
                assert!(Operator::parse(&format!("{n}IfExists")).unwrap().if_exists);
                assert_eq!(
                    Operator::parse(&format!("ForAllValues:{n}"))
                        .unwrap()
                        .qualifier,
                    Qualifier::ForAllValues
                );
            }
        }
        assert!(Operator::parse("StringEqual").is_none());
        assert!(Operator::parse("stringequals").is_none());
        assert!(Operator::parse("NullIfExists").is_none());
        assert!(Operator::parse("ForAnyValue:Null").is_none());
    }

    #[test]
    fn descriptions_and_their_negations() {
        let d = |op: &str, key: &str, v: serde_json::Value, negate: bool| {
            Condition::compile(op, key, &v, "t")
                .unwrap()
                .describe(negate)
        };
        use serde_json::json;
        assert_eq!(
            d("StringEquals", "aws:SourceVpce", json!("vpce-1"), false),
            "aws:SourceVpce=vpce-1"
        );
        assert_eq!(
            d("StringNotEquals", "aws:SourceVpce", json!(["a", "b"]), true),
            "aws:SourceVpce=a|b"
        );
        assert_eq!(
            d("Bool", "aws:SecureTransport", json!("false"), true),
            "aws:SecureTransport=true"
        );
        assert_eq!(
            d("IpAddress", "aws:SourceIp", json!("10.0.0.0/8"), false),
            "aws:SourceIp in 10.0.0.0/8"
        );
        assert_eq!(
            d("NotIpAddress", "aws:SourceIp", json!("10.0.0.0/8"), true),
            "aws:SourceIp in 10.0.0.0/8"
        );
        assert_eq!(
            d("StringLike", "s3:prefix", json!("home/*"), false),
            "s3:prefix like home/*"
        );
        assert_eq!(
            d("ArnNotLike", "aws:SourceArn", json!("arn:*"), false),
            "aws:SourceArn not like arn:*"
        );
        assert_eq!(
            d("NumericLessThan", "s3:max-keys", json!("10"), true),
            "s3:max-keys>=10"
        );
        assert_eq!(
            d(
                "DateGreaterThan",
                "aws:CurrentTime",
                json!("2020-01-01"),
                false
            ),
            "aws:CurrentTime>2020-01-01"
        );
        assert_eq!(
            d("Null", "aws:TokenIssueTime", json!("true"), false),
            "aws:TokenIssueTime absent"
        );
        assert_eq!(
            d("Null", "aws:TokenIssueTime", json!("true"), true),
            "aws:TokenIssueTime present"
        );
        assert_eq!(
            d(
                "StringEqualsIfExists",
                "aws:SourceVpc",
                json!("vpc-1"),
                false
            ),
            "aws:SourceVpc=vpc-1 (if present)"
        );
        assert_eq!(
            d("ForAnyValue:StringEquals", "aws:TagKeys", json!("a"), true),
            "not(any of aws:TagKeys=a)"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("1970-01-02T00:00:00Z"), Some(86_400_000));
        assert_eq!(parse_date("86400"), Some(86_400_000));
        assert_eq!(
            parse_date("2020-01-01T01:00:00+01:00"),
            parse_date("2020-01-01")
        );
        assert_eq!(
            parse_date("2020-01-01T00:00:00.5Z"),
            Some(parse_date("2020-01-01").unwrap() + 500)
        );
        assert_eq!(
            parse_date("2019-12-31T23:59:59Z").unwrap() + 1000,
            parse_date("2020-01-01").unwrap()
        );
        assert!(parse_date("2020-13-01").is_none());
        assert!(parse_date("yesterday").is_none());
        assert!(parse_date("").is_none());
    }

    #[test]
    fn arn_patterns_match_per_component() {
        let p = ArnPattern::new("arn:aws:iam::*:role/Admin*");
        assert!(p.matches("arn:aws:iam::123456789012:role/AdminX"));
        assert!(!p.matches("arn:aws:iam::123456789012:user/AdminX"));
        // `*` in the account field does not run into the resource field.
        let p = ArnPattern::new("arn:aws:s3:::*");
        assert!(!p.matches("arn:aws:s3:us-east-1:1:accesspoint/x"));
        assert!(p.matches("arn:aws:s3:::b/k:with:colons"));
        assert!(!p.matches("not-an-arn"));
    }
}
