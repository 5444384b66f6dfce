//! The module graph of `src/` has no cycles, so the crate reads top to
//! bottom: `lang` → `source` → `diagnostic` → `scenario` → `library` →
//! `engine`/`scoring` → `analysis`/`debrief`/`records`/`graph` → `cli`/`ui`.
//!
//! Every `crate::…`, `$crate::…` and `super::…` path in a file's code
//! (comments, strings and inline `#[cfg(test)]` modules left out) is an
//! edge from that file to the module it names. Edges are looked at one
//! folder at a time: inside a folder, each file and each sub-folder is one
//! node (a sub-folder counts as a whole), and the folder's own `mod.rs` is
//! the node `mod`. `pub use` re-exports and `mod` lines in a `mod.rs` are a
//! facade, not a dependency, and are left out. Any cycle at any level fails
//! the test, naming the file and line of every edge in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One `use` or path reference: from a file's module to a module.
#[derive(Debug, Clone)]
struct Reference {
    from: Vec<String>,
    to: Vec<String>,
    file: PathBuf,
    line: usize,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/a/b.rs` and `src/a/b/mod.rs` are `[a, b]`;
/// `lib.rs` and `main.rs` are the crate root `[]`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src_dir()).expect("file under src/");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    match last.as_str() {
        "mod.rs" | "lib.rs" | "main.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_string()),
    }
    parts
}

fn is_module(path: &[String]) -> bool {
    if path.is_empty() {
        return true;
    }
    let joined: PathBuf = path.iter().collect();
    let dir = src_dir().join(&joined);
    dir.join("mod.rs").is_file() || dir.with_extension("rs").is_file()
}

/// The longest prefix of `path` that is a module file of the crate.
fn resolve(path: &[String]) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| is_module(prefix))
        .unwrap_or_default()
}

/// The code of a file with comments and string and char literals blanked
/// (newlines kept, so line numbers stay right), cut before an inline
/// `#[cfg(test)]` module.
fn code_only(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(cut) => &text[..cut],
        None => text,
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(text.len(), |n| i + n);
            i = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(text.len(), |n| i + n + 2);
            out.extend(text[i..end].chars().filter(|&c| c == '\n'));
            i = end;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].chars().take_while(|&c| c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = 2 + hashes;
            let end = rest[body..]
                .find(&close)
                .map_or(text.len(), |n| i + body + n + close.len());
            out.extend(text[i..end].chars().filter(|&c| c == '\n'));
            out.push_str("\"\"");
            i = end;
        } else if rest.starts_with('"') {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                if bytes[j] == b'\n' {
                    out.push('\n');
                }
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i = (j + 1).min(bytes.len());
        } else if rest.starts_with('\'') && is_char_literal(rest) {
            let len = rest[1..].find('\'').map_or(1, |n| n + 2);
            out.push_str("' '");
            i += len;
        } else {
            let c = rest.chars().next().expect("not at the end");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `'a'`, `'\n'`, `'\u{e9}'`: a char literal rather than a lifetime.
fn is_char_literal(rest: &str) -> bool {
    let mut chars = rest[1..].chars();
    match chars.next() {
        Some('\\') => true,
        Some(_) => chars.next() == Some('\''),
        None => false,
    }
}

fn ident(text: &str) -> Option<(&str, &str)> {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    (end > 0).then(|| (&text[..end], &text[end..]))
}

/// Parses a path tail after `crate::`/`super::`: `a::b`, `a::{b, c::d}`,
/// `{self, x}`. Returns every full path and the rest of the text.
fn parse_tree(text: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    parse_tree(&group[start..i], prefix, out);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parse_tree(&group[start..i], prefix, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let Some((name, rest)) = ident(text) else {
        out.push(prefix.to_vec());
        return;
    };
    let mut path = prefix.to_vec();
    if name != "self" {
        path.push(name.to_string());
    }
    match rest.trim_start().strip_prefix("::") {
        Some(tail) => parse_tree(tail, &path, out),
        None => out.push(path),
    }
}

fn references(file: &Path) -> Vec<Reference> {
    let text = std::fs::read_to_string(file).expect("readable source");
    let code = code_only(&text);
    let from = module_of(file);
    let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
    let mut found = Vec::new();
    for (line_index, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if is_mod_rs
            && (trimmed.starts_with("pub use ")
                || trimmed.starts_with("pub(crate) use ")
                || trimmed.starts_with("pub mod ")
                || trimmed.starts_with("mod "))
        {
            continue;
        }
        let mut at = 0;
        while let Some(offset) = line[at..].find("::") {
            let colons = at + offset;
            at = colons + 2;
            let head_start = line[..colons]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .map_or(0, |n| n + 1);
            let head = &line[head_start..colons];
            if head_start > 0 && line[..head_start].ends_with("::") {
                // A path inside a longer one (`a::crate::`) or the second
                // `super` of `super::super::`.
                continue;
            }
            let (base, tail) = match head {
                "crate" | "$crate" => (Vec::new(), &line[colons + 2..]),
                "super" => {
                    // `super` of `a/b.rs` and of `a/b/mod.rs` (both module
                    // `a::b`) is `a`; each further `super::` goes up one.
                    let mut parent = from[..from.len().saturating_sub(1)].to_vec();
                    let mut tail = &line[colons + 2..];
                    while let Some(more) = tail.strip_prefix("super::") {
                        parent.pop();
                        tail = more;
                    }
                    (parent, tail)
                }
                _ => continue,
            };
            let mut paths = Vec::new();
            parse_tree(tail, &base, &mut paths);
            for path in paths {
                found.push(Reference {
                    from: from.clone(),
                    to: resolve(&path),
                    file: file.to_path_buf(),
                    line: line_index + 1,
                });
            }
        }
    }
    found
}

/// One edge of a folder's graph.
type Edge = (String, String);

/// For each folder (as a module path), its edges with where they come from.
fn level_edges(refs: &[Reference]) -> BTreeMap<Vec<String>, BTreeMap<Edge, Vec<String>>> {
    let mut levels: BTreeMap<Vec<String>, BTreeMap<Edge, Vec<String>>> = BTreeMap::new();
    for r in refs {
        let common = r.from.iter().zip(&r.to).take_while(|(a, b)| a == b).count();
        let level = r.from[..common].to_vec();
        let node = |path: &[String]| {
            path.get(common)
                .cloned()
                .unwrap_or_else(|| "mod".to_string())
        };
        let (a, b) = (node(&r.from), node(&r.to));
        if a == b {
            continue;
        }
        let place = format!(
            "{}:{}",
            r.file.strip_prefix(src_dir()).unwrap_or(&r.file).display(),
            r.line
        );
        levels
            .entry(level)
            .or_default()
            .entry((a, b))
            .or_default()
            .push(place);
    }
    // One line may name a module more than once.
    for places in levels.values_mut().flat_map(|edges| edges.values_mut()) {
        places.dedup();
    }
    levels
}

/// The strongly connected components with more than one node (Tarjan).
fn cycles(edges: &BTreeMap<Edge, Vec<String>>) -> Vec<Vec<String>> {
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        nodes.insert(a);
        nodes.insert(b);
        next.entry(a).or_default().push(b);
    }
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(v: &'a str, next: &BTreeMap<&'a str, Vec<&'a str>>, s: &mut State<'a>) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for &w in next.get(v).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(w, next, s);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in nodes {
        if !state.index.contains_key(v) {
            visit(v, &next, &mut state);
        }
    }
    state.out
}

fn all_references() -> Vec<Reference> {
    let mut files = Vec::new();
    rust_files(&src_dir(), &mut files);
    files.iter().flat_map(|f| references(f)).collect()
}

#[test]
fn src_has_no_import_cycles() {
    let refs = all_references();
    assert!(
        refs.len() > 100,
        "too few references found: the parser broke"
    );
    let mut report = String::new();
    for (level, edges) in level_edges(&refs) {
        for component in cycles(&edges) {
            let folder = if level.is_empty() {
                "src/".to_string()
            } else {
                format!("src/{}/", level.join("/"))
            };
            report.push_str(&format!("cycle in {folder}: {}\n", component.join(", ")));
            for ((a, b), places) in &edges {
                if component.contains(a) && component.contains(b) {
                    report.push_str(&format!("  {a} -> {b}  ({})\n", places.join(", ")));
                }
            }
        }
    }
    assert!(report.is_empty(), "import cycles:\n{report}");
}

#[test]
fn the_parser_sees_grouped_and_relative_paths() {
    let mut paths = Vec::new();
    parse_tree("{a::{self, B}, c::D, e}", &["root".to_string()], &mut paths);
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(joined, ["root::a", "root::a::B", "root::c::D", "root::e"]);
    let code = code_only("let x = \"crate::a::b\"; // crate::c\nuse crate::d;");
    assert!(!code.contains("crate::a"), "{code}");
    assert!(!code.contains("crate::c"), "{code}");
    assert!(code.contains("use crate::d;"), "{code}");
}

#[test]
fn a_cycle_is_found_and_a_chain_is_not() {
    let edge = |a: &str, b: &str| ((a.to_string(), b.to_string()), vec![String::new()]);
    let chain: BTreeMap<Edge, Vec<String>> = [edge("a", "b"), edge("b", "c")].into();
    assert!(cycles(&chain).is_empty());
    let ring: BTreeMap<Edge, Vec<String>> = [
        edge("a", "b"),
        edge("b", "c"),
        edge("c", "a"),
        edge("c", "d"),
    ]
    .into();
    assert_eq!(cycles(&ring), vec![vec!["a", "b", "c"]]);
}
