//! The architecture test: lakegate's modules form layers, and a module may import only from its
//! own layer or a layer below it. This test reads every `crate::…` path in `src/` (comments and
//! string literals left out) and fails on an import from a higher layer, on a verb importing
//! another noun's verb, on a module missing from the table, and on any import cycle between
//! files. docs/architecture.md explains the layers; `LAYERS` below is their one definition.
//!
//! Run it alone, with its summary (file count, imports, the largest import cycle):
//!
//! ```text
//! cargo nextest run --test architecture --no-capture
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, from the bottom: each lists the top-level modules of `src/` in it (`lib` is the
/// crate root, `src/lib.rs`). A module imports from its own layer and the layers before it.
///
/// To place a new module: find the highest layer it imports from; it belongs there or above,
/// and below every module that imports it.
const LAYERS: &[(&str, &[&str])] = &[
    // The pure policy model, evaluator and symbolic access model: crate `lakegate-policy`,
    // re-exported as `crate::policy`. No I/O.
    ("policy", &["policy"]),
    // Values: argument values as types, the run's resolved settings, the one error type and its
    // exit codes, a change as people and scripts see it (`plan`), route tables as values. No
    // AWS, no printing.
    ("values", &["values", "settings", "error", "plan", "routes"]),
    // The only user of the AWS SDK, with its neutral `aws::Error`; `hints` turns those into the
    // CLI's errors and hints.
    ("aws", &["aws", "hints"]),
    // The one printer of stdout and stderr (tables, JSON, YAML, CSV, `--query`, errors,
    // progress). The engines print through it, so it sits below them and renders only values of
    // the layers below; an engine's own rows implement `output::Row`.
    ("output", &["output"]),
    // Engines: what the verbs do, callable from tests, the Lambda handler and one another. They
    // take a `session::Session` (settings, printer, AWS) and plain options, never CLI types.
    (
        "engines",
        &[
            "session",             // the session every engine works in
            "apply",               // the change pipeline, one file per kind of resource
            "accesspoint",         // access points listed with what their policies grant
            "accessgrant_migrate", // policy grants moved to S3 Access Grants
            "state",               // policy history (kept before every overwrite)
            "verify",              // read-back checks after a write
            "lake",                // the declared lake: lake files, diff, apply, export
            "audit",               // the audit report: crawler, uploads, Athena table
            "subscription",        // DataZone grants and revokes
            "evaluate",            // the policy chain and policy sets of a decision
            "athena",              // queries run to their end, results streamed
            "fulfiller",           // the deployed function's resources
            "package",             // the Lambda deployment package
            "lambda",     // the Lambda runtime: serves invocations with the CLI's code path
            "plugin",     // `lakegate-NAME` executables on PATH
            "completers", // dynamic completion of argument values
            "endpoint",   // private Athena: the endpoint, lockdown, status
            "doctor",     // the checks of `doctor`
        ],
    ),
    // One folder per noun, one file per verb: `Args` and a `run` wiring the layers below.
    ("commands", &["commands"]),
    // The command line and the run: the clap tree, help and examples, signals, the dispatcher,
    // the crate root.
    (
        "command line",
        &["cli", "help", "signals", "dispatch", "lib"],
    ),
];

/// Modules of `commands` that every noun may use: helpers shared by several verbs. Every other
/// child of `commands` is a noun, and a noun's verbs never import another noun's.
const SHARED_COMMAND_MODULES: &[&str] = &["shared_args", "history"];

fn layer_of(module: &str) -> Option<(usize, &'static str)> {
    LAYERS
        .iter()
        .enumerate()
        .find(|(_, (_, mods))| mods.contains(&module))
        .map(|(i, (name, _))| (i, *name))
}

/// One `.rs` file of `src/` and the module path it defines (`src/apply/mod.rs` → `apply`).
struct File {
    path: PathBuf,
    module: Vec<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn files(src: &Path) -> Vec<File> {
    let mut paths = Vec::new();
    rust_files(src, &mut paths);
    paths
        .into_iter()
        // `main.rs` is the binary crate: its `crate::` is not the library's.
        .filter(|p| p.strip_prefix(src).ok() != Some(Path::new("main.rs")))
        .map(|p| {
            let rel = p.strip_prefix(src).expect("under src/").with_extension("");
            let mut module: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            if module == ["lib"] {
                module.clear();
            }
            File { path: p, module }
        })
        .collect()
}

/// The code of a file without comments, string and character literals (so a path quoted in a
/// doc comment or a message is not an import).
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            'r' if (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#'))
                && (i == 0 || !is_ident(c[i - 1])) =>
            {
                // A raw string r"…" or r#"…"#.
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    out.push(c[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= c.len() {
                        break;
                    }
                    if c[j] == '"' && (0..hashes).all(|k| c.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            '"' => {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' => {
                // A character literal ('x', '\n', '\''), or a lifetime ('a), kept.
                if c.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                    out.push_str("' '");
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 3;
                    out.push_str("' '");
                } else {
                    out.push('\'');
                    i += 1;
                }
            }
            ch => {
                out.push(ch);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// The paths a use-tree names, from position `i` of `c` (after `crate::`): `a::b`,
/// `a::{b, c::d}` and `{a, b::*}` each give one path per leaf.
fn use_tree(c: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let skip_ws = |i: &mut usize| {
        while *i < c.len() && c[*i].is_whitespace() {
            *i += 1;
        }
    };
    let mut path = prefix;
    loop {
        skip_ws(i);
        if c.get(*i) == Some(&'{') {
            *i += 1;
            loop {
                skip_ws(i);
                match c.get(*i) {
                    Some('}') => {
                        *i += 1;
                        return;
                    }
                    Some(',') => *i += 1,
                    None => return,
                    _ => use_tree(c, i, path.clone(), out),
                }
            }
        }
        let start = *i;
        while *i < c.len() && is_ident(c[*i]) {
            *i += 1;
        }
        if *i > start {
            path.push(c[start..*i].iter().collect());
        }
        skip_ws(i);
        if c.get(*i) == Some(&':') && c.get(*i + 1) == Some(&':') {
            *i += 2;
            continue;
        }
        // `as name`, `*`, `,`, `}`, `;` or any other end of the path.
        while *i < c.len() && !matches!(c[*i], ',' | '}' | ';' | '(' | ')' | '<' | '>' | '\n') {
            if c[*i] == '{' {
                break;
            }
            *i += 1;
        }
        // `use a::{self, b}` names `a` itself.
        if path.last().is_some_and(|p| p == "self") {
            path.pop();
        }
        if !path.is_empty() {
            out.push(path);
        }
        return;
    }
}

/// Every path of a file's code that names a module from the crate root: `crate::…`, and
/// `super::…` resolved against `module` (the file's module path), so `super::cli` in a top-level
/// module is `crate::cli`.
fn crate_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let c: Vec<char> = code.chars().collect();
    let starts_at = |i: usize, word: &str| {
        let w: Vec<char> = word.chars().collect();
        c.len() >= i + w.len()
            && c[i..i + w.len()] == w[..]
            && (i == 0 || !(is_ident(c[i - 1]) || c[i - 1] == '$' || c[i - 1] == ':'))
    };
    let mut out = Vec::new();
    // Inline modules (`mod tests { … }`) open at a brace depth: `super::` inside one is relative
    // to it.
    let mut depth = 0usize;
    let mut inline: Vec<(usize, String)> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if starts_at(i, "crate::") {
            let mut j = i + "crate::".len();
            use_tree(&c, &mut j, Vec::new(), &mut out);
            i = j.max(i + 1);
        } else if starts_at(i, "super::") {
            let mut here: Vec<String> = module.to_vec();
            here.extend(inline.iter().map(|(_, m)| m.clone()));
            let mut j = i;
            let mut up = 0;
            while c.len() >= j + 7 && c[j..j + 7].iter().collect::<String>() == "super::" {
                up += 1;
                j += 7;
            }
            let prefix = here[..here.len().saturating_sub(up)].to_vec();
            use_tree(&c, &mut j, prefix, &mut out);
            i = j.max(i + 1);
        } else if starts_at(i, "mod ") {
            let mut j = i + 4;
            while j < c.len() && c[j].is_whitespace() {
                j += 1;
            }
            let start = j;
            while j < c.len() && is_ident(c[j]) {
                j += 1;
            }
            let name: String = c[start..j].iter().collect();
            while j < c.len() && c[j].is_whitespace() {
                j += 1;
            }
            if c.get(j) == Some(&'{') {
                inline.push((depth, name));
                depth += 1;
                j += 1;
            }
            i = j.max(i + 1);
        } else {
            match c[i] {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if inline.last().is_some_and(|(d, _)| *d == depth) {
                        inline.pop();
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// The module an imported path lands in: its longest prefix that is a module of `src/`.
fn target_module(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_else(|| {
            // `crate::policy::…` (the policy crate) or an item of the crate root itself.
            if path.first().is_some_and(|p| p == "policy") {
                vec!["policy".to_string()]
            } else {
                Vec::new()
            }
        })
}

fn top(module: &[String]) -> &str {
    module.first().map_or("lib", String::as_str)
}

fn shown(module: &[String]) -> String {
    if module.is_empty() {
        "crate root (lib.rs)".to_string()
    } else {
        module.join("::")
    }
}

/// Strongly connected components of more than one module (Tarjan), each sorted.
fn cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct T<'a> {
        g: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        next: usize,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a Vec<String>) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let Some((w, _)) = t.g.get_key_value(w) else {
                continue;
            };
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn layers_only_point_down() {
    // LAKEGATE_ARCH_ROOT checks another checkout (one with a `src/`), e.g. an older commit's, to
    // compare: `git worktree add /tmp/old 0b0d815` then LAKEGATE_ARCH_ROOT=/tmp/old.
    let root = std::env::var_os("LAKEGATE_ARCH_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let root = root.as_path();
    let src = root.join("src");
    let files = files(&src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut problems: Vec<String> = Vec::new();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut imports = 0usize;

    for f in &files {
        let rel = f
            .path
            .strip_prefix(root)
            .expect("under the crate")
            .display()
            .to_string();
        let from_top = top(&f.module);
        let layer = layer_of(from_top);
        if layer.is_none() {
            problems.push(format!(
                "{rel}: module `{from_top}` is in no layer: add it to LAYERS in tests/architecture.rs (and to docs/architecture.md)"
            ));
        }
        let text = fs::read_to_string(&f.path).expect("readable source");
        let edges = graph.entry(f.module.clone()).or_default();
        for path in crate_paths(&code_only(&text), &f.module) {
            imports += 1;
            let import = format!("crate::{}", path.join("::"));
            let to = target_module(&path, &modules);
            if to != f.module {
                edges.insert(to.clone());
            }
            let Some((from_layer, from_name)) = layer else {
                continue;
            };
            let to_top = top(&to);
            match layer_of(to_top) {
                Some((to_layer, to_name)) if to_layer > from_layer => problems.push(format!(
                    "{rel}: `{import}` imports from a higher layer: {from} is in layer {} ({from_name}), {} is in layer {} ({to_name})",
                    from_layer + 1,
                    shown(&to),
                    to_layer + 1,
                    from = shown(&f.module),
                )),
                Some(_) => {}
                None => problems.push(format!(
                    "{rel}: `{import}`: module `{to_top}` is in no layer of tests/architecture.rs"
                )),
            }
            // A verb never imports another noun's verb: what two nouns share lives in
            // `commands/mod.rs`, a shared module of `commands`, or a layer below.
            let noun = |m: &[String]| {
                (m.first().is_some_and(|x| x == "commands") && m.len() >= 2)
                    .then(|| m[1].clone())
                    .filter(|n| !SHARED_COMMAND_MODULES.contains(&n.as_str()))
            };
            if let (Some(mine), Some(theirs)) = (noun(&f.module), noun(&to)) {
                if mine != theirs {
                    problems.push(format!(
                        "{rel}: `{import}`: a verb of `{mine}` imports a verb of `{theirs}`; move what they share below both (commands/mod.rs, commands/shared_args.rs or an engine)"
                    ));
                }
            }
        }
    }

    let found = cycles(&graph);
    for c in &found {
        let names: Vec<String> = c.iter().map(|m| shown(m)).collect();
        problems.push(format!(
            "import cycle of {} modules: {}",
            c.len(),
            names.join(", ")
        ));
    }
    let largest = found.iter().map(Vec::len).max().unwrap_or(0);
    eprintln!(
        "architecture: {} files, {imports} imports (crate:: and super:: paths), {} upward or cross-noun imports, {} import cycles (largest: {largest} files)",
        files.len(),
        problems.len() - found.len(),
        found.len(),
    );
    assert!(
        problems.is_empty(),
        "{} architecture problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn the_parser_reads_use_trees_and_skips_comments_and_strings() {
    let code = code_only(
        r#"
        use crate::a::{b, c::{d, e}};
        use crate::f;
        // use crate::g;
        /* crate::h */
        let s = "crate::i";
        let t = crate::j::k(x);
        let c = '"'; let l: &'static str = crate::m::N;
        use super::o;
        use super::super::p::q;
        mod tests { use super::r; }
        "#,
    );
    let m = ["x".to_string(), "y".to_string()];
    let paths: Vec<String> = crate_paths(&code, &m)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        paths,
        ["a::b", "a::c::d", "a::c::e", "f", "j::k", "m::N", "x::o", "p::q", "x::y::r"]
    );
}
