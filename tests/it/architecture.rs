//! The layering of `src/`, checked: no import cycle between the crate's top-level modules,
//! nor between the files of one module. A cycle means a lower layer reaches up (the
//! keymap naming the app's actions, a parser calling the command line), which is what
//! ARCHITECTURE.md's layers forbid.
//!
//! References are read from the source text: `crate::m`, `crate::{m, …}` and, inside a
//! module, `super::f` and `crate::m::f`. Comments are skipped; `#[cfg(test)]` code counts
//! like any other, since a test module that reaches up is an edge too.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read src").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn without_comments(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Names that follow `prefix` in `text`: `prefix name` or each name of `prefix{a, b::c}`.
fn names_after(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        // `super::` must not be the tail of `super::super::` or `foo::super::`.
        if before.is_some_and(|c| c == ':' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(list) = rest.strip_prefix('{') {
            let end = list.find('}').unwrap_or(list.len());
            for part in list[..end].split(',') {
                let head = part.trim().split("::").next().unwrap_or("").trim();
                if !head.is_empty() && head != "self" {
                    out.insert(head.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The first path component of `file` under `base`, without `.rs` (`mod.rs` → None).
fn unit(base: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(base).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "mod" && name != "lib" && name != "main").then(|| name.to_string())
}

/// Edges between the units directly under `base` (files or folders). Inside a module,
/// `super::x` counts only in the module's own files (one level below `base`).
fn graph(base: &Path, crate_path: &str) -> Graph {
    let units: BTreeSet<String> = rust_files(base)
        .iter()
        .filter_map(|f| unit(base, f))
        .collect();
    let mut g = Graph::new();
    for file in rust_files(base) {
        let Some(from) = unit(base, &file) else {
            continue;
        };
        let text = without_comments(&std::fs::read_to_string(&file).expect("read"));
        let mut refs = names_after(&text, &format!("{crate_path}::"));
        let direct_child = file.parent() == Some(base);
        if crate_path != "crate" && direct_child {
            refs.extend(names_after(&text, "super::"));
        }
        for to in refs {
            if to != from && units.contains(&to) {
                g.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    g
}

/// Every strongly connected component of more than one node (Tarjan), sorted.
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    struct Walk<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        let i = w.index.len();
        w.index.insert(v, i);
        w.low.insert(v, i);
        w.stack.push(v);
        w.on.insert(v);
        let g = w.g;
        for to in g.get(v).into_iter().flatten() {
            let to = to.as_str();
            if !w.index.contains_key(to) {
                visit(w, to);
                let l = w.low[v].min(w.low[to]);
                w.low.insert(v, l);
            } else if w.on.contains(to) {
                let l = w.low[v].min(w.index[to]);
                w.low.insert(v, l);
            }
        }
        if w.low[v] == w.index[v] {
            let mut comp = Vec::new();
            while let Some(x) = w.stack.pop() {
                w.on.remove(x);
                comp.push(x.to_string());
                if x == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                w.out.push(comp);
            }
        }
    }
    let mut w = Walk {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.keys() {
        if !w.index.contains_key(v.as_str()) {
            visit(&mut w, v);
        }
    }
    w.out.sort();
    w.out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Cycles still being taken apart, each named with the module it lives in. The list may
/// only shrink: a new cycle fails the test, and so does a listed one that is gone.
const KNOWN: &[&str] = &[
    "crate: cli open summary",
    "config: binding keys layout source style terminal",
    "ui: background external watching",
];

#[test]
fn no_import_cycles_between_modules() {
    let root = src();
    let mut found: Vec<String> = cycles(&graph(&root, "crate"))
        .into_iter()
        .map(|c| format!("crate: {}", c.join(" ")))
        .collect();
    for dir in rust_files(&root)
        .iter()
        .filter_map(|f| f.strip_prefix(&root).ok()?.components().next())
        .map(|c| root.join(c.as_os_str()))
        .filter(|p| p.is_dir())
        .collect::<BTreeSet<_>>()
    {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let path = format!("crate::{name}");
        for c in cycles(&graph(&dir, &path)) {
            found.push(format!("{name}: {}", c.join(" ")));
        }
    }
    found.sort();
    let mut known: Vec<String> = KNOWN.iter().map(|s| s.to_string()).collect();
    known.sort();
    assert_eq!(found, known, "import cycles in src/ (see ARCHITECTURE.md)");
}

#[test]
fn the_checker_sees_a_cycle_and_a_clean_graph() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |p: &str, s: &str| {
        let f = dir.path().join(p);
        std::fs::create_dir_all(f.parent().expect("parent")).expect("mkdir");
        std::fs::write(f, s).expect("write");
    };
    write(
        "low.rs",
        "// crate::high is only named in a comment\npub fn f() {}",
    );
    write("high/mod.rs", "use crate::{low, mid::X};");
    write("mid.rs", "pub struct X; fn g() { crate::low::f() }");
    assert!(cycles(&graph(dir.path(), "crate")).is_empty());
    write("low.rs", "use crate::high::Y;");
    assert_eq!(
        cycles(&graph(dir.path(), "crate")),
        vec![vec![
            "high".to_string(),
            "low".to_string(),
            "mid".to_string()
        ]]
    );
    // Inside a module: super:: between sibling files.
    write("high/a.rs", "use super::b::B; pub struct A;");
    write("high/b.rs", "pub struct B; use super::a::A;");
    assert_eq!(
        cycles(&graph(&dir.path().join("high"), "crate::high")),
        vec![vec!["a".to_string(), "b".to_string()]]
    );
}
