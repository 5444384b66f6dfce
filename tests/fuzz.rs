//! Fuzzing on stable Rust (issue 12): seeded mutants of the shipped
//! scenarios through the loader, and crafted hostile files.
//!
//! * `mutants_of_the_shipped_scenarios_never_panic_and_are_located`: about
//!   2,000 mutants on every `cargo test`. No mutant may panic, and every
//!   mutant that is refused must carry an error with a `line:col` inside
//!   the file.
//! * `long_mutation_run` (ignored): the same for longer; run it with
//!   `cargo test --release --test fuzz -- --ignored` (the number of
//!   mutants in `MOMENTO_FUZZ_MUTANTS`, 200,000 by default, and the first
//!   seed in `MOMENTO_FUZZ_SEED`).
//! * crafted cases: long lines, long ids, many diagnostics, deep nesting;
//!   each loads with bounded diagnostics.

use momento::diagnostic::{Diagnostic, MAX_SHOWN_PER_FILE, Severity, write_text};
use momento::lang::Lang;
use momento::scenario::{Limits, load_str};
use std::path::{Path, PathBuf};

/// SplitMix64: a small seeded generator, the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces a mutation may insert: RON punctuation, half-tokens, odd
/// characters, numbers at the limits, line endings, escapes.
const TOKENS: &[&str] = &[
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\\",
    "'",
    "r#\"",
    "\"#",
    "/*",
    "*/",
    "//",
    "-",
    "0x",
    "_",
    ".",
    "e",
    "9223372036854775808",
    "-1",
    "1u8",
    "inf",
    "NaN",
    "None",
    "Some(",
    "\u{1b}[31m",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "é",
    "名",
    "\u{301}",
    "\u{202e}",
    "\0",
    "\\u{",
    "\\x",
    "b\"",
    "r#",
    "#![enable(",
    "Node(",
    "Ending(",
    "Choice(",
    "next: ",
    "id: \"",
    "\"a\"",
    "{customer}",
    "{",
    "}}",
    "mood: ",
    "Route(",
    "Random([",
];

fn shipped() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files = Vec::new();
    for language in ["es", "en"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(language))
            .expect("scenarios folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("read");
            files.push((path, text));
        }
    }
    assert!(files.len() >= 16);
    files
}

/// A char boundary of `text` near `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One to three random edits of `text`.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut out = text.to_string();
    for _ in 0..1 + rng.below(3) {
        let len = out.len();
        let a = boundary(&out, rng.below(len + 1));
        let b = boundary(&out, a + rng.below(64));
        match rng.below(7) {
            // Delete a range.
            0 => out.replace_range(a..b, ""),
            // Insert a token.
            1 | 2 => out.insert_str(a, TOKENS[rng.below(TOKENS.len())]),
            // Duplicate a range.
            3 => {
                let piece = out[a..b].to_string();
                out.insert_str(b, &piece);
            }
            // Replace a range with a token.
            4 => out.replace_range(a..b, TOKENS[rng.below(TOKENS.len())]),
            // Move a range elsewhere.
            5 => {
                let piece = out[a..b].to_string();
                out.replace_range(a..b, "");
                let at = boundary(&out, rng.below(out.len() + 1));
                out.insert_str(at, &piece);
            }
            // Cut the file.
            _ => out.truncate(a),
        }
    }
    out
}

/// Checks one mutant: no panic, and a refused one has a located error.
fn check_mutant(path: &Path, text: &str, seed: u64) -> Result<(), String> {
    let loaded =
        std::panic::catch_unwind(|| load_str(path, text, &Limits::default())).map_err(|_| {
            format!(
                "seed {seed}: the loader panicked on a mutant of {}",
                path.display()
            )
        })?;
    let lines = text.split('\n').count() + text.matches('\r').count() + 1;
    let located = |d: &Diagnostic| {
        d.start.line >= 1
            && (d.start.line as usize) <= lines
            && d.start.col >= 1
            && (d.span.start as usize) <= text.len()
    };
    if let Some(bad) = loaded.diagnostics.iter().find(|d| !located(d)) {
        return Err(format!(
            "seed {seed}: a diagnostic outside the file: {bad:?}"
        ));
    }
    if !loaded.is_playable()
        && !loaded
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    {
        return Err(format!("seed {seed}: refused without an error"));
    }
    // Rendering never panics either, and stays bounded.
    let mut out = Vec::new();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        write_text(&loaded.diagnostics, Lang::Es, &mut out)
    }))
    .map_err(|_| format!("seed {seed}: rendering panicked"))?
    .map_err(|e| e.to_string())?;
    if out.len() > MAX_SHOWN_PER_FILE * 3_000 + 1_000 {
        return Err(format!("seed {seed}: {} bytes of output", out.len()));
    }
    Ok(())
}

fn run_mutants(count: usize, first_seed: u64) -> (usize, usize) {
    let files = shipped();
    let (mut refused, mut playable) = (0, 0);
    let mut failures = Vec::new();
    for i in 0..count {
        let seed = first_seed + i as u64;
        let mut rng = Rng(seed);
        let (path, text) = &files[rng.below(files.len())];
        let mutant = mutate(text, &mut rng);
        match check_mutant(path, &mutant, seed) {
            Ok(()) => {}
            Err(failure) => failures.push(failure),
        }
        if load_str(path, &mutant, &Limits::default()).is_playable() {
            playable += 1;
        } else {
            refused += 1;
        }
        if failures.len() >= 10 {
            break;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    (refused, playable)
}

#[test]
fn mutants_of_the_shipped_scenarios_never_panic_and_are_located() {
    let (refused, playable) = run_mutants(2_000, 1);
    // The mutations reach past the parser: most mutants are refused, and
    // some still load (a changed text, a duplicated choice list...).
    assert!(refused > 1_000, "{refused} refused");
    assert!(playable > 20, "{playable} still playable");
}

#[test]
#[ignore = "long: cargo test --release --test fuzz -- --ignored"]
fn long_mutation_run() {
    let count = std::env::var("MOMENTO_FUZZ_MUTANTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200_000);
    let seed = std::env::var("MOMENTO_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let (refused, playable) = run_mutants(count, seed);
    eprintln!("{count} mutants from seed {seed}: {refused} refused, {playable} playable");
}

/// The bytes a file's diagnostics hold (messages, hints, snippets).
fn diagnostic_bytes(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .map(|d| {
            d.message.en.len()
                + d.message.es.len()
                + d.hint.en.len()
                + d.hint.es.len()
                + d.snippet.text.len()
        })
        .sum()
}

/// Loads a crafted file and checks that its diagnostics are bounded: the
/// text output by [`MAX_SHOWN_PER_FILE`], their memory linear in the file.
fn crafted(name: &str, text: &str) -> Vec<Diagnostic> {
    let loaded = load_str(Path::new(name), text, &Limits::default());
    assert!(!loaded.is_playable(), "{name} should be refused");
    let bytes = diagnostic_bytes(&loaded.diagnostics);
    assert!(
        bytes <= 40 * text.len() + 10_000,
        "{name}: {bytes} bytes of diagnostics for a {} byte file",
        text.len()
    );
    let mut out = Vec::new();
    write_text(&loaded.diagnostics, Lang::En, &mut out).expect("render");
    assert!(out.len() < 500_000, "{name}: {} bytes of text", out.len());
    loaded.diagnostics
}

fn base(choices: &str) -> String {
    format!(
        r#"Scenario(format: 1, id: "c", version: 1, language: "en", title: "T", summary: "S",
 customer: (names: ["A"], persona: "P", mood: Between(40, 50)), start: "a",
 nodes: {{ "a": Node(text: "Hi.", choices: [{choices}]), "z": Ending(outcome: Kept, text: "E.", debrief: "D.") }})"#
    )
}

#[test]
fn crafted_long_lines_long_ids_many_diagnostics_deep_nesting() {
    // Many diagnostics on one long line.
    let dups = r#"Choice(id: "d", text: "T.", feedback: "F.", next: "z"),"#.repeat(8_000);
    let d = crafted("dups.ron", &base(&dups));
    assert!(d.len() >= 8_000);
    // A long line, with the error at its far end.
    let long = format!(
        r#"Choice(id: "c", text: "{}", feedback: "F.", next: "nowhere"),"#,
        "x".repeat(1_500_000)
    );
    let d = crafted("long-line.ron", &base(&long));
    let e011 = d.iter().find(|d| d.code.as_str() == "E011").expect("E011");
    assert!(e011.snippet.text.contains("nowhere"));
    assert!(e011.snippet.text.chars().count() <= 121);
    // Long ids: unknown `next`s near ids of the same length.
    let ids: String = (0..20)
        .map(|i| {
            format!(
                r#"Choice(id: "{i}", text: "T.", feedback: "F.", next: "{}{i}"),"#,
                "q".repeat(50_000)
            )
        })
        .collect();
    let d = crafted("long-ids.ron", &base(&ids));
    assert!(d.iter().any(|d| d.code.as_str() == "E011"));
    assert!(d.iter().all(|d| d.message.en.chars().count() <= 1_001));
    // Many unknown names among many nodes: the suggestions stay bounded.
    let nodes: String = (0..4_000)
        .map(|i| format!(r#""node{i:05}": Ending(outcome: Kept, text: "E.", debrief: "D."),"#))
        .collect();
    let nexts: String = (0..9)
        .map(|i| format!(r#"Choice(id: "{i}", text: "T.", feedback: "F.", next: "nodx{i:04}"),"#))
        .collect();
    let text = base(&nexts).replace(r#""z": Ending"#, &format!(r#"{nodes} "z": Ending"#));
    crafted("many-nodes.ron", &text);
    // Deep nesting of every kind of bracket.
    for (open, close) in [
        ("[", "]"),
        ("(", ")"),
        ("{\"k\":", "}"),
        ("Some(", ")"),
        ("/*", "*/"),
    ] {
        let text = format!("{}{}", open.repeat(200_000), close.repeat(200_000));
        let loaded = load_str(Path::new("deep.ron"), &text, &Limits::default());
        assert!(!loaded.is_playable());
        assert!(
            loaded.diagnostics.len() <= 2,
            "{open}: {:?}",
            loaded.diagnostics
        );
    }
}
