//! Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, `${s3:prefix}`, the escapes
//! `${*}` `${?}` `${$}`, and the default-value form `${aws:username, 'anonymous'}`.

use super::wildcard::{tokenize, Pattern, Token};
use super::RequestCtx;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// Text in which `*` and `?` keep their wildcard meaning (when matched as a pattern).
    Text(String),
    /// A character that is always literal: `${*}`, `${?}`, `${$}`.
    Char(char),
    /// A context key (lower-cased) and its default value.
    Var {
        key: String,
        default: Option<String>,
    },
}

/// A value that contains at least one `${...}`, resolved against each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Parse `text`; None when it holds no policy variable (the common case).
    pub fn parse(text: &str) -> Option<Template> {
        if !text.contains("${") {
            return None;
        }
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else { break };
            lit.push_str(&rest[..start]);
            let inner = after[..end].trim();
            let part = match inner {
                "*" => Part::Char('*'),
                "?" => Part::Char('?'),
                "$" => Part::Char('$'),
                _ => {
                    let (key, default) = match inner.split_once(',') {
                        Some((k, d)) => {
                            let d = d.trim();
                            let d = d
                                .strip_prefix('\'')
                                .and_then(|d| d.strip_suffix('\''))
                                .unwrap_or(d);
                            (k.trim(), Some(d.to_string()))
                        }
                        None => (inner, None),
                    };
                    Part::Var {
                        key: key.to_ascii_lowercase(),
                        default,
                    }
                }
            };
            if !lit.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut lit)));
            }
            parts.push(part);
            rest = &after[end + 1..];
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            parts.push(Part::Text(lit));
        }
        Some(Template { parts })
    }

    fn var<'a>(key: &str, default: &'a Option<String>, ctx: &'a RequestCtx<'a>) -> Option<&'a str> {
        // A variable takes a single value; a missing or multi-valued key uses the default.
        match ctx.get(key) {
            Some(v) if v.len() == 1 => v.iter().next(),
            _ => default.as_deref(),
        }
    }

    /// The value as plain text (wildcards not interpreted). None when a variable has no value.
    pub fn resolve(&self, ctx: &RequestCtx<'_>, lower: bool) -> Option<String> {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Char(c) => out.push(*c),
                Part::Var { key, default } => out.push_str(Self::var(key, default, ctx)?),
            }
        }
        Some(if lower { out.to_lowercase() } else { out })
    }

    /// The value as a wildcard pattern: `*`/`?` in the policy text are wildcards, substituted
    /// values and the `${*}` escapes are literal. None when a variable has no value.
    pub fn pattern(&self, ctx: &RequestCtx<'_>, lower: bool) -> Option<Pattern> {
        let mut tokens = Vec::new();
        let fold = |s: &str| {
            if lower {
                s.to_lowercase()
            } else {
                s.to_string()
            }
        };
        for p in &self.parts {
            match p {
                Part::Text(t) => tokens.extend(tokenize(&fold(t))),
                Part::Char(c) => tokens.push(Token::Lit(c.to_string())),
                Part::Var { key, default } => {
                    tokens.push(Token::Lit(fold(Self::var(key, default, ctx)?)))
                }
            }
        }
        Some(Pattern::from_tokens(tokens))
    }
}

impl Template {
    /// The (lower-cased) context keys the template reads.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Var { key, .. } => Some(key.as_str()),
            _ => None,
        })
    }

    /// [`Template::pattern`], with the variables whose key `open` names standing for any value
    /// (a `*`): the union of what the template means for every value of those keys.
    pub fn pattern_open(
        &self,
        ctx: &RequestCtx<'_>,
        lower: bool,
        open: &dyn Fn(&str) -> bool,
    ) -> Option<Pattern> {
        let mut tokens = Vec::new();
        for p in &self.parts {
            match p {
                Part::Text(t) if lower => tokens.extend(tokenize(&t.to_lowercase())),
                Part::Text(t) => tokens.extend(tokenize(t)),
                Part::Char(c) => tokens.push(Token::Lit(c.to_string())),
                Part::Var { key, .. } if open(key) => tokens.push(Token::Star),
                Part::Var { key, default } => {
                    let v = Self::var(key, default, ctx)?;
                    tokens.push(Token::Lit(if lower {
                        v.to_lowercase()
                    } else {
                        v.to_string()
                    }))
                }
            }
        }
        Some(Pattern::from_tokens(tokens))
    }
}

/// A value that is either fixed or holds policy variables.
#[derive(Debug, Clone)]
pub enum Val<T> {
    Fixed(T),
    Var(Template),
}
