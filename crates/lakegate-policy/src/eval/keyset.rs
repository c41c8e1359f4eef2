//! Sets of S3 object keys (or `s3:prefix` values) as Boolean combinations of IAM wildcard
//! patterns, decided with automata.
//!
//! A [`KeySet`] is a formula over [`Glob`]s (`*` spans any run of characters, `/` included; `?`
//! exactly one character; everything else literal and case-sensitive, "IAM JSON policy elements:
//! Resource"). Union, intersection and complement build formulas; membership matches the globs
//! directly; emptiness and a shortest witness explore the product of the globs' automata lazily
//! (breadth first), over an alphabet of the characters the globs name plus one class for "any
//! other character". Nothing is sampled: a set is empty exactly when no string is in it.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::Arc;

use super::wildcard::{tokenize, Pattern, Token};

/// One character position of a glob.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum G {
    Lit(char),
    One,
    Star,
}

/// A wildcard pattern over whole keys.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Glob(Arc<[G]>);

impl Glob {
    /// A glob from IAM wildcard text (`*`, `?`).
    pub fn new(text: &str) -> Glob {
        Glob::from_tokens(&tokenize(text))
    }

    /// A glob matching exactly this text (no wildcards).
    pub fn literal(text: &str) -> Glob {
        Glob(text.chars().map(G::Lit).collect())
    }

    fn from_tokens(tokens: &[Token]) -> Glob {
        let mut out = Vec::new();
        for t in tokens {
            match t {
                Token::Lit(s) => out.extend(s.chars().map(G::Lit)),
                Token::One => out.push(G::One),
                Token::Star => {
                    if out.last() != Some(&G::Star) {
                        out.push(G::Star)
                    }
                }
            }
        }
        Glob(out.into())
    }

    pub fn matches(&self, text: &str) -> bool {
        // Position sets in words: linear in text × pattern, no backtracking.
        let n = (self.0.len() + 1).div_ceil(64);
        let (mut cur, mut next) = (vec![0u64; n], vec![0u64; n]);
        cur[0] = 1;
        close_words(self, &mut cur);
        for c in text.chars() {
            next.iter_mut().for_each(|w| *w = 0);
            step_words(self, &cur, &mut next, Some(c));
            std::mem::swap(&mut cur, &mut next);
            if cur.iter().all(|w| *w == 0) {
                return false;
            }
        }
        let end = self.0.len();
        cur[end / 64] & (1u64 << (end % 64)) != 0
    }

    /// The keys `k` such that `prefix + k` matches this glob: the glob's derivative by the
    /// prefix, a union of its suffixes.
    fn after(&self, prefix: &str) -> KeySet {
        // The literal run before the first wildcard decides most patterns at once.
        let lit = self.0.iter().take_while(|g| matches!(g, G::Lit(_))).count();
        let mut chars = prefix.chars();
        for (i, g) in self.0[..lit].iter().enumerate() {
            match (g, chars.next()) {
                (G::Lit(x), Some(c)) if *x == c => {}
                (_, Some(_)) => return KeySet::empty(),
                // The prefix ends inside the literal run: the rest of the glob.
                (_, None) => return KeySet::glob(Glob(self.0[i..].into())),
            }
        }
        let n = (self.0.len() + 1).div_ceil(64);
        let (mut cur, mut next) = (vec![0u64; n], vec![0u64; n]);
        cur[lit / 64] |= 1u64 << (lit % 64);
        close_words(self, &mut cur);
        for c in chars {
            next.iter_mut().for_each(|w| *w = 0);
            step_words(self, &cur, &mut next, Some(c));
            std::mem::swap(&mut cur, &mut next);
            if cur.iter().all(|w| *w == 0) {
                return KeySet::empty();
            }
        }
        let has = |p: usize| cur[p / 64] & (1u64 << (p % 64)) != 0;
        let mut out = KeySet::empty();
        for p in 0..=self.0.len() {
            // A suffix starting with `*` covers the one right after it.
            if !has(p) || (p > 0 && self.0[p - 1] == G::Star && has(p - 1)) {
                continue;
            }
            out = out.union(&KeySet::glob(Glob(self.0[p..].into())));
        }
        out
    }

    /// The literal characters before the first wildcard.
    fn head(&self) -> &[G] {
        let n = self.0.iter().take_while(|g| matches!(g, G::Lit(_))).count();
        &self.0[..n]
    }

    /// A few short keys the glob matches: each `*` as nothing or as one character, `?` as one.
    fn instances(&self) -> impl Iterator<Item = String> + '_ {
        ["", "x"].into_iter().map(move |fill| {
            self.0
                .iter()
                .map(|g| match g {
                    G::Lit(c) => c.to_string(),
                    G::One => "x".to_string(),
                    G::Star => fill.to_string(),
                })
                .collect()
        })
    }

    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.0.iter().filter_map(|g| match g {
            G::Lit(c) => Some(*c),
            _ => None,
        })
    }
}

impl fmt::Display for Glob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for g in self.0.iter() {
            match g {
                G::Lit(c) => write!(f, "{c}")?,
                G::One => f.write_str("?")?,
                G::Star => f.write_str("*")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Glob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Glob({self})")
    }
}

/// The epsilon closure of a position set in words: `*` may match nothing.
fn close_words(g: &Glob, w: &mut [u64]) {
    for p in 0..g.0.len() {
        if g.0[p] == G::Star && w[p / 64] & (1u64 << (p % 64)) != 0 {
            w[(p + 1) / 64] |= 1u64 << ((p + 1) % 64);
        }
    }
}

/// One character (None: one no glob names here) from `from` into `to` (cleared by the caller).
fn step_words(g: &Glob, from: &[u64], to: &mut [u64], c: Option<char>) {
    for (wi, &word) in from.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            let b = w.trailing_zeros() as usize;
            w &= w - 1;
            let p = wi * 64 + b;
            let target = match g.0.get(p) {
                Some(G::Star) => p,
                Some(G::One) => p + 1,
                Some(G::Lit(x)) if Some(*x) == c => p + 1,
                _ => continue,
            };
            to[target / 64] |= 1u64 << (target % 64);
        }
    }
    close_words(g, to);
}

/// FNV-1a: the search hashes many short word slices.
#[derive(Default, Clone, Copy)]
struct Fnv;

struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
        self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        self.0 ^= self.0 >> 29;
    }
}

#[derive(Debug, PartialEq, Eq, Hash)]
enum Node {
    Empty,
    All,
    Glob(Glob),
    Not(KeySet),
    And(Vec<KeySet>),
    Or(Vec<KeySet>),
}

/// A set of keys: a Boolean formula over globs.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct KeySet(Arc<Node>);

/// A set too large to decide within the state budget (never expected of real policies; reported,
/// never guessed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooComplex {
    pub states: usize,
}

impl fmt::Display for TooComplex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the key patterns combine into more than {} automaton states; split the policy",
            self.states
        )
    }
}

impl std::error::Error for TooComplex {}

/// The most product states explored for one emptiness question.
const STATE_BUDGET: usize = 2_000_000;

impl KeySet {
    pub fn empty() -> KeySet {
        KeySet(Arc::new(Node::Empty))
    }

    pub fn all() -> KeySet {
        KeySet(Arc::new(Node::All))
    }

    pub fn from_bool(b: bool) -> KeySet {
        if b {
            KeySet::all()
        } else {
            KeySet::empty()
        }
    }

    pub fn glob(g: Glob) -> KeySet {
        if g.0.len() == 1 && g.0[0] == G::Star {
            return KeySet::all();
        }
        KeySet(Arc::new(Node::Glob(g)))
    }

    /// Keys matching IAM wildcard text.
    pub fn pattern(text: &str) -> KeySet {
        KeySet::glob(Glob::new(text))
    }

    /// Exactly this key.
    pub fn literal(text: &str) -> KeySet {
        KeySet::glob(Glob::literal(text))
    }

    /// Every key starting with `prefix`.
    pub fn prefix(prefix: &str) -> KeySet {
        KeySet::glob(Glob::new(&format!("{}*", escape_free(prefix))))
    }

    /// The keys `k` for which `resource_prefix + k` matches a compiled wildcard pattern (an ARN
    /// pattern seen from the key: `arn:aws:s3:::lake/*.csv` after `arn:aws:s3:::lake/` is
    /// `*.csv`; `arn:aws:s3:::*` after it is every key).
    pub fn after_prefix(pattern: &Pattern, resource_prefix: &str) -> KeySet {
        let glob = match pattern {
            Pattern::Any => return KeySet::all(),
            Pattern::Exact(s) => Glob::literal(s),
            Pattern::Prefix(s) => {
                let mut g: Vec<G> = s.chars().map(G::Lit).collect();
                g.push(G::Star);
                Glob(g.into())
            }
            Pattern::Suffix(s) => {
                let mut g = vec![G::Star];
                g.extend(s.chars().map(G::Lit));
                Glob(g.into())
            }
            Pattern::General(t) => Glob::from_tokens(t),
        };
        glob.after(resource_prefix)
    }

    pub fn is_all_node(&self) -> bool {
        matches!(*self.0, Node::All)
    }

    pub fn is_empty_node(&self) -> bool {
        matches!(*self.0, Node::Empty)
    }

    pub fn union(&self, other: &KeySet) -> KeySet {
        match (&*self.0, &*other.0) {
            (Node::Empty, _) | (_, Node::All) => other.clone(),
            (_, Node::Empty) | (Node::All, _) => self.clone(),
            _ if self == other => self.clone(),
            _ => {
                let mut parts = Vec::new();
                for s in [self, other] {
                    match &*s.0 {
                        Node::Or(v) => parts.extend(v.iter().cloned()),
                        _ => parts.push(s.clone()),
                    }
                }
                dedup(&mut parts);
                KeySet(Arc::new(Node::Or(parts)))
            }
        }
    }

    pub fn intersect(&self, other: &KeySet) -> KeySet {
        match (&*self.0, &*other.0) {
            (Node::All, _) | (_, Node::Empty) => other.clone(),
            (_, Node::All) | (Node::Empty, _) => self.clone(),
            _ if self == other => self.clone(),
            _ => {
                let mut parts = Vec::new();
                for s in [self, other] {
                    match &*s.0 {
                        Node::And(v) => parts.extend(v.iter().cloned()),
                        _ => parts.push(s.clone()),
                    }
                }
                dedup(&mut parts);
                // Two patterns whose literal heads disagree (`a/*`, `b/*`) share no key: said at
                // once, without a search.
                let heads: Vec<&[G]> = parts
                    .iter()
                    .filter_map(|p| match &*p.0 {
                        Node::Glob(g) => Some(g.head()),
                        _ => None,
                    })
                    .collect();
                for (i, a) in heads.iter().enumerate() {
                    for b in &heads[i + 1..] {
                        let n = a.len().min(b.len());
                        if a[..n] != b[..n] {
                            return KeySet::empty();
                        }
                    }
                }
                KeySet(Arc::new(Node::And(parts)))
            }
        }
    }

    pub fn complement(&self) -> KeySet {
        match &*self.0 {
            Node::Empty => KeySet::all(),
            Node::All => KeySet::empty(),
            Node::Not(x) => x.clone(),
            _ => KeySet(Arc::new(Node::Not(self.clone()))),
        }
    }

    pub fn minus(&self, other: &KeySet) -> KeySet {
        if other.is_empty_node() || self.is_empty_node() {
            return self.clone();
        }
        self.intersect(&other.complement())
    }

    /// Whether the key is in the set.
    pub fn contains(&self, key: &str) -> bool {
        match &*self.0 {
            Node::Empty => false,
            Node::All => true,
            Node::Glob(g) => g.matches(key),
            Node::Not(x) => !x.contains(key),
            Node::And(v) => v.iter().all(|x| x.contains(key)),
            Node::Or(v) => v.iter().any(|x| x.contains(key)),
        }
    }

    /// Whether no key at all is in the set.
    pub fn is_empty(&self) -> Result<bool, TooComplex> {
        match &*self.0 {
            Node::Empty => return Ok(true),
            Node::All | Node::Glob(_) => return Ok(false),
            _ => {}
        }
        // Most sets hold one of the shortest instances of their own patterns: try those first.
        let mut globs = Vec::new();
        self.collect_globs(&mut globs);
        for g in &globs {
            for c in g.instances() {
                if self.contains(&c) {
                    return Ok(false);
                }
            }
        }
        if self.contains("") {
            return Ok(false);
        }
        Ok(self.search()?.is_none())
    }

    fn collect_globs(&self, out: &mut Vec<Glob>) {
        match &*self.0 {
            Node::Glob(g) => {
                if !out.contains(g) {
                    out.push(g.clone())
                }
            }
            Node::Not(x) => x.collect_globs(out),
            Node::And(v) | Node::Or(v) => v.iter().for_each(|x| x.collect_globs(out)),
            Node::Empty | Node::All => {}
        }
    }

    /// A shortest key in the set (None: the set is empty). Among keys of that length, the one
    /// found first in the order of the characters the patterns name.
    pub fn witness(&self) -> Result<Option<String>, TooComplex> {
        match &*self.0 {
            Node::Empty => Ok(None),
            Node::All => Ok(Some(String::new())),
            _ => self.search(),
        }
    }

    /// Breadth-first search of the product of the globs' automata for an accepting state.
    /// A state is every glob's set of positions, in one flat bitset; from a state, only the
    /// characters some glob names at one of its positions lead somewhere different from "any
    /// other character", so only those and one stand-in for the rest are tried.
    fn search(&self) -> Result<Option<String>, TooComplex> {
        let mut atoms: Vec<Glob> = Vec::new();
        let formula = Formula::build(self, &mut atoms);
        let mut alphabet: Vec<char> = atoms.iter().flat_map(|g| g.chars()).collect();
        alphabet.sort_unstable();
        alphabet.dedup();
        let other = "xqz0123456789abcdefghijklmnopqrstuvwyABCDEFGHIJKLMNOPQRSTUVWXYZ_-.~!"
            .chars()
            .find(|c| alphabet.binary_search(c).is_err())
            .unwrap_or('\u{e000}');
        // Word offsets of each atom in the flat state.
        let mut offsets = Vec::with_capacity(atoms.len() + 1);
        let mut words = 0;
        for g in &atoms {
            offsets.push(words);
            words += (g.0.len() + 1).div_ceil(64);
        }
        offsets.push(words);
        let bit =
            |st: &[u64], i: usize, p: usize| st[offsets[i] + p / 64] & (1u64 << (p % 64)) != 0;
        let mut start = vec![0u64; words];
        for (i, g) in atoms.iter().enumerate() {
            let w = &mut start[offsets[i]..offsets[i + 1]];
            w[0] |= 1;
            close_words(g, w);
        }
        let accepts = |st: &[u64]| formula.eval(&|i: usize| bit(st, i, atoms[i].0.len()));
        if accepts(&start) {
            return Ok(Some(String::new()));
        }
        let mut seen: HashMap<Box<[u64]>, usize, Fnv> = HashMap::default();
        let mut states: Vec<(Box<[u64]>, usize, char)> = Vec::new();
        let start: Box<[u64]> = start.into();
        seen.insert(start.clone(), 0);
        states.push((start, usize::MAX, ' '));
        let mut queue = VecDeque::from([0usize]);
        let mut next = vec![0u64; words];
        let mut letters: Vec<Option<char>> = Vec::new();
        while let Some(i) = queue.pop_front() {
            letters.clear();
            {
                let st = &states[i].0;
                for (a, g) in atoms.iter().enumerate() {
                    for p in 0..g.0.len() {
                        if let G::Lit(c) = g.0[p] {
                            if bit(st, a, p) && !letters.contains(&Some(c)) {
                                letters.push(Some(c));
                            }
                        }
                    }
                }
                letters.sort_unstable();
                letters.push(None);
            }
            for &class in &letters {
                next.iter_mut().for_each(|w| *w = 0);
                let st = &states[i].0;
                for (a, g) in atoms.iter().enumerate() {
                    let (from, to) = (offsets[a], offsets[a + 1]);
                    step_words(g, &st[from..to], &mut next[from..to], class);
                }
                if seen.contains_key(next.as_slice()) {
                    continue;
                }
                let done = accepts(&next);
                let key: Box<[u64]> = next.clone().into();
                let j = states.len();
                seen.insert(key.clone(), j);
                states.push((key, i, class.unwrap_or(other)));
                if done {
                    let mut out = Vec::new();
                    let mut at = j;
                    while states[at].1 != usize::MAX {
                        out.push(states[at].2);
                        at = states[at].1;
                    }
                    return Ok(Some(out.into_iter().rev().collect()));
                }
                if states.len() > STATE_BUDGET {
                    return Err(TooComplex {
                        states: STATE_BUDGET,
                    });
                }
                queue.push_back(j);
            }
        }
        Ok(None)
    }

    /// Whether every key of `self` is in `other`.
    pub fn is_subset(&self, other: &KeySet) -> Result<bool, TooComplex> {
        self.minus(other).is_empty()
    }

    /// Whether both sets hold the same keys.
    pub fn equivalent(&self, other: &KeySet) -> Result<bool, TooComplex> {
        Ok(self.is_subset(other)? && other.is_subset(self)?)
    }

    /// The set for people: the patterns it grants (`keys`) and the patterns cut out of them
    /// (`except`). `keys` are the positively occurring globs that hold a key of the set (`*` for
    /// every key); `except` the negatively occurring ones that remove keys from them.
    pub fn describe(&self) -> Result<Described, TooComplex> {
        self.describe_within(&KeySet::all())
    }

    /// [`KeySet::describe`] of the keys within `scope` (a prefix asked about): the patterns of
    /// `self` that reach into it, not the scope's own.
    pub fn describe_within(&self, scope: &KeySet) -> Result<Described, TooComplex> {
        if self.is_all_node() {
            return Ok(Described {
                keys: vec!["*".into()],
                except: Vec::new(),
            });
        }
        let (mut pos, mut neg) = (Vec::new(), Vec::new());
        self.polar(true, &mut pos, &mut neg);
        if self.has_negated_all() {
            pos.insert(0, Glob::new("*"));
        }
        let mut keys = Vec::new();
        let mut covered = KeySet::empty();
        for g in pos {
            let s = if g.0.len() == 1 && g.0[0] == G::Star {
                KeySet::all()
            } else {
                KeySet::glob(g.clone())
            };
            if !s.intersect(self).intersect(scope).is_empty()? && !keys.contains(&g.to_string()) {
                keys.push(g.to_string());
                covered = covered.union(&s);
            }
        }
        let missing = covered.minus(self).intersect(scope);
        let mut except = Vec::new();
        for g in neg {
            if !KeySet::glob(g.clone()).intersect(&missing).is_empty()?
                && !except.contains(&g.to_string())
            {
                except.push(g.to_string());
            }
        }
        Ok(Described { keys, except })
    }

    /// [`KeySet::describe`] for a set made by a difference (what a change gains or loses): the
    /// patterns of either side that lie wholly within the set, when together they are the whole
    /// set (`sales_event/*/pii/*` for a Deny removed, not `sales_event/*` except
    /// `sales_event/*`); otherwise as [`KeySet::describe`] says it.
    pub fn describe_change(&self) -> Result<Described, TooComplex> {
        if self.is_all_node() {
            return self.describe();
        }
        let (mut pos, mut neg) = (Vec::new(), Vec::new());
        self.polar(true, &mut pos, &mut neg);
        pos.extend(neg);
        let mut keys: Vec<String> = Vec::new();
        let mut covered = KeySet::empty();
        for g in pos {
            let text = g.to_string();
            if keys.contains(&text) {
                continue;
            }
            let s = if g.0.len() == 1 && g.0[0] == G::Star {
                KeySet::all()
            } else {
                KeySet::glob(g)
            };
            if !s.is_empty()? && s.is_subset(self)? && !s.is_subset(&covered)? {
                keys.push(text);
                covered = covered.union(&s);
            }
        }
        if !keys.is_empty() && self.is_subset(&covered)? {
            return Ok(Described {
                keys,
                except: Vec::new(),
            });
        }
        self.describe()
    }

    /// Whether a complement reaches the top of the formula without a positive glob beside it
    /// (the set is "everything except …").
    fn has_negated_all(&self) -> bool {
        match &*self.0 {
            Node::Not(_) => true,
            Node::And(v) => v.iter().all(|x| matches!(&*x.0, Node::Not(_))),
            Node::Or(v) => v.iter().any(KeySet::has_negated_all),
            _ => false,
        }
    }

    fn polar(&self, positive: bool, pos: &mut Vec<Glob>, neg: &mut Vec<Glob>) {
        match &*self.0 {
            Node::Glob(g) => {
                if positive {
                    pos.push(g.clone())
                } else {
                    neg.push(g.clone())
                }
            }
            Node::Not(x) => x.polar(!positive, pos, neg),
            Node::And(v) | Node::Or(v) => v.iter().for_each(|x| x.polar(positive, pos, neg)),
            Node::Empty | Node::All => {}
        }
    }
}

/// A key set as people read it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Described {
    pub keys: Vec<String>,
    pub except: Vec<String>,
}

impl fmt::Display for KeySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            Node::Empty => f.write_str("∅"),
            Node::All => f.write_str("*"),
            Node::Glob(g) => write!(f, "{g}"),
            Node::Not(x) => write!(f, "¬({x})"),
            Node::And(v) | Node::Or(v) => {
                let sep = if matches!(&*self.0, Node::And(_)) {
                    " ∩ "
                } else {
                    " ∪ "
                };
                f.write_str("(")?;
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        f.write_str(sep)?;
                    }
                    write!(f, "{x}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl fmt::Debug for KeySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeySet({self})")
    }
}

fn dedup(v: &mut Vec<KeySet>) {
    let mut out: Vec<KeySet> = Vec::with_capacity(v.len());
    for x in v.drain(..) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    *v = out;
}

/// A prefix is literal text; a `*` or `?` in it cannot be written as a glob, so it is refused
/// by the callers that build prefixes from user input. Here it is kept as it is.
fn escape_free(prefix: &str) -> &str {
    prefix
}

/// The formula with its globs numbered, for the product exploration.
enum Formula {
    Const(bool),
    Atom(usize),
    Not(Box<Formula>),
    And(Vec<Formula>),
    Or(Vec<Formula>),
}

impl Formula {
    fn build(s: &KeySet, atoms: &mut Vec<Glob>) -> Formula {
        match &*s.0 {
            Node::Empty => Formula::Const(false),
            Node::All => Formula::Const(true),
            Node::Glob(g) => {
                let i = atoms.iter().position(|a| a == g).unwrap_or_else(|| {
                    atoms.push(g.clone());
                    atoms.len() - 1
                });
                Formula::Atom(i)
            }
            Node::Not(x) => Formula::Not(Box::new(Formula::build(x, atoms))),
            Node::And(v) => Formula::And(v.iter().map(|x| Formula::build(x, atoms)).collect()),
            Node::Or(v) => Formula::Or(v.iter().map(|x| Formula::build(x, atoms)).collect()),
        }
    }

    fn eval(&self, atom: &dyn Fn(usize) -> bool) -> bool {
        match self {
            Formula::Const(b) => *b,
            Formula::Atom(i) => atom(*i),
            Formula::Not(x) => !x.eval(atom),
            Formula::And(v) => v.iter().all(|x| x.eval(atom)),
            Formula::Or(v) => v.iter().any(|x| x.eval(atom)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &KeySet) -> Option<String> {
        s.witness().unwrap()
    }

    #[test]
    fn globs_match_like_the_evaluator() {
        for (p, t, want) in [
            ("a*b", "a/x/b", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("??", "日本", true),
            ("*a*a*a", "aaaa", true),
            ("A*", "a", false),
        ] {
            assert_eq!(Glob::new(p).matches(t), want, "{p} {t}");
            assert_eq!(Pattern::new(p).matches(t), want, "{p} {t}");
        }
    }

    #[test]
    fn derivative_by_a_resource_prefix() {
        let pre = "arn:aws:s3:::lake/";
        let s = KeySet::after_prefix(&Pattern::new("arn:aws:s3:::lake/sales_event/*.csv"), pre);
        assert!(s.contains("sales_event/a/b.csv"));
        assert!(!s.contains("sales_event/a.json"));
        let s = KeySet::after_prefix(&Pattern::new("arn:aws:s3:::*/x"), pre);
        assert!(s.contains("x") && s.contains("a/x") && !s.contains("y"));
        let s = KeySet::after_prefix(&Pattern::new("arn:aws:s3:::other/*"), pre);
        assert!(s.is_empty().unwrap());
        let s = KeySet::after_prefix(&Pattern::new("arn:aws:s3:::la?e/*"), pre);
        assert!(s.is_all_node() || s.contains("anything"));
    }

    #[test]
    fn the_issue_example_as_sets() {
        let csv = KeySet::pattern("sales_event/*.csv");
        let all = KeySet::pattern("sales_event/*");
        let pii = KeySet::pattern("sales_event/*/pii/*");
        let analyst = all.minus(&pii);
        assert!(analyst.contains("sales_event/x"));
        assert!(!analyst.contains("sales_event/2024/pii/a"));
        assert_eq!(w(&analyst.intersect(&pii)), None);
        let only_pii = csv.intersect(&pii);
        let k = w(&only_pii).unwrap();
        assert!(csv.contains(&k) && pii.contains(&k), "{k}");
        assert_eq!(k.len(), "sales_event//pii/.csv".len());
        let d = analyst.describe().unwrap();
        assert_eq!(d.keys, vec!["sales_event/*"]);
        assert_eq!(d.except, vec!["sales_event/*/pii/*"]);
    }

    #[test]
    fn question_mark_and_other_characters() {
        let s = KeySet::pattern("a?").minus(&KeySet::pattern("ab"));
        let k = w(&s).unwrap();
        assert_eq!(k.chars().count(), 2);
        assert!(s.contains(&k) && k != "ab");
        assert_eq!(
            w(&KeySet::pattern("a?").minus(&KeySet::pattern("a*"))),
            None
        );
        assert_eq!(w(&KeySet::all().minus(&KeySet::pattern("*"))), None);
        assert_eq!(w(&KeySet::all()), Some(String::new()));
        assert_eq!(
            w(&KeySet::all().minus(&KeySet::literal(""))),
            Some("x".into())
        );
    }

    #[test]
    fn subset_and_equivalence() {
        let a = KeySet::pattern("p/*");
        let b = KeySet::pattern("p/*.csv");
        assert!(b.is_subset(&a).unwrap());
        assert!(!a.is_subset(&b).unwrap());
        assert!(KeySet::pattern("p/**").equivalent(&a).unwrap());
        assert!(KeySet::pattern("*a*")
            .union(&KeySet::pattern("*b*"))
            .equivalent(&KeySet::pattern("*b*").union(&KeySet::pattern("*a*")))
            .unwrap());
    }
}
