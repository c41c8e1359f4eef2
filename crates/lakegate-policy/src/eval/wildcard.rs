//! IAM wildcards: `*` matches any run of characters (including `/` and `:`), `?` exactly one
//! character. Patterns are compiled once; literal, prefix and suffix patterns take a fast path.

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Lit(String),
    /// `*`
    Star,
    /// `?`
    One,
}

/// A compiled wildcard pattern. Case-insensitive patterns are stored lower-cased and must be
/// matched against lower-cased text (callers lower-case the request once, not per statement).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// `*`
    Any,
    Exact(String),
    /// `lit*`
    Prefix(String),
    /// `*lit`
    Suffix(String),
    General(Vec<Token>),
}

impl Pattern {
    /// Compile a pattern in which `*` and `?` are wildcards.
    pub fn new(pattern: &str) -> Self {
        Self::from_tokens(tokenize(pattern))
    }

    /// Compile a pattern whose text is lower-cased (for case-insensitive matching).
    pub fn new_lower(pattern: &str) -> Self {
        Self::new(&pattern.to_lowercase())
    }

    /// A pattern with no wildcards at all.
    pub fn literal(text: &str) -> Self {
        Pattern::Exact(text.to_string())
    }

    pub fn from_tokens(tokens: Vec<Token>) -> Self {
        let tokens = normalize(tokens);
        match tokens.as_slice() {
            [] => Pattern::Exact(String::new()),
            [Token::Star] => Pattern::Any,
            [Token::Lit(s)] => Pattern::Exact(s.clone()),
            [Token::Lit(s), Token::Star] => Pattern::Prefix(s.clone()),
            [Token::Star, Token::Lit(s)] => Pattern::Suffix(s.clone()),
            _ => Pattern::General(tokens),
        }
    }

    pub fn matches(&self, text: &str) -> bool {
        match self {
            Pattern::Any => true,
            Pattern::Exact(s) => s == text,
            Pattern::Prefix(p) => text.starts_with(p.as_str()),
            Pattern::Suffix(p) => text.ends_with(p.as_str()),
            Pattern::General(tokens) => match_tokens(tokens, text.as_bytes()),
        }
    }

    /// The literal text before the first wildcard (used to name the prefixes a policy mentions).
    pub fn literal_prefix(&self) -> Option<&str> {
        match self {
            Pattern::Prefix(p) => Some(p),
            Pattern::Exact(p) => Some(p),
            Pattern::General(t) => match t.first() {
                Some(Token::Lit(s)) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }
}

pub fn tokenize(pattern: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut lit = String::new();
    for c in pattern.chars() {
        match c {
            '*' | '?' => {
                if !lit.is_empty() {
                    out.push(Token::Lit(std::mem::take(&mut lit)));
                }
                out.push(if c == '*' { Token::Star } else { Token::One });
            }
            _ => lit.push(c),
        }
    }
    if !lit.is_empty() {
        out.push(Token::Lit(lit));
    }
    out
}

/// Merge adjacent literals and collapse runs of `*`.
fn normalize(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for t in tokens {
        match (out.last_mut(), t) {
            (Some(Token::Lit(a)), Token::Lit(b)) => a.push_str(&b),
            (Some(Token::Star), Token::Star) => {}
            (_, Token::Lit(b)) if b.is_empty() => {}
            (_, t) => out.push(t),
        }
    }
    out
}

/// Length in bytes of the UTF-8 character starting at `text[0]`.
fn char_len(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xff => 4,
        _ => 1,
    }
}

/// Greedy matching with backtracking to the last `*` (linear in practice, no allocation).
fn match_tokens(tokens: &[Token], text: &[u8]) -> bool {
    let (mut ti, mut pos) = (0usize, 0usize);
    // Where to resume after the last star: (token index after the star, text position).
    let mut resume: Option<(usize, usize)> = None;
    loop {
        if ti < tokens.len() {
            match &tokens[ti] {
                Token::Star => {
                    resume = Some((ti + 1, pos));
                    ti += 1;
                    continue;
                }
                Token::One if pos < text.len() => {
                    pos += char_len(text[pos]).min(text.len() - pos);
                    ti += 1;
                    continue;
                }
                Token::Lit(l) if text[pos..].starts_with(l.as_bytes()) => {
                    pos += l.len();
                    ti += 1;
                    continue;
                }
                _ => {}
            }
        } else if pos == text.len() {
            return true;
        }
        // Mismatch: let the last star swallow one more character.
        match resume {
            Some((rt, rp)) if rp < text.len() => {
                let np = rp + char_len(text[rp]).min(text.len() - rp);
                resume = Some((rt, np));
                ti = rt;
                pos = np;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Pattern::new(p).matches(t)
    }

    #[test]
    fn star_crosses_slashes_and_colons() {
        assert!(m("arn:aws:s3:::b/*", "arn:aws:s3:::b/a/b/c"));
        assert!(m("arn:aws:s3:::*", "arn:aws:s3:::b/x:y"));
        assert!(m("*", ""));
        assert!(m("a*b*c", "aXbYbZc"));
        assert!(!m("a*b*c", "aXbYbZ"));
        assert!(m("*/kon.json", "sales_event/kon.json"));
    }

    #[test]
    fn question_mark_is_exactly_one_character() {
        assert!(m("a?c", "abc"));
        assert!(!m("a?c", "ac"));
        assert!(!m("a?c", "abbc"));
        assert!(m("a?c", "aéc"));
        assert!(m("??", "日本"));
        assert!(!m("???", "日本"));
    }

    #[test]
    fn case_sensitive_unless_lowered() {
        assert!(!m("s3:get*", "s3:GetObject"));
        assert!(Pattern::new_lower("s3:Get*").matches("s3:getobject"));
    }

    #[test]
    fn fast_paths_agree_with_the_general_matcher() {
        for (p, t) in [
            ("abc", "abc"),
            ("abc*", "abcdef"),
            ("*def", "abcdef"),
            ("*", "x"),
            ("ab", "abc"),
        ] {
            let general = match_tokens(&tokenize(p), t.as_bytes());
            assert_eq!(Pattern::new(p).matches(t), general, "{p} {t}");
        }
    }

    #[test]
    fn backtracking_finds_the_right_split() {
        assert!(m("*a*a*a", "aaaa"));
        assert!(m("*ab", "aab"));
        assert!(m("a*?", "ab"));
        assert!(!m("a*?", "a"));
    }
}
