//! The scenario reader against the `ron` crate (issue 12), over a corpus
//! of small RON snippets generated here: every atom of the grammar (and
//! near-misses of it), alone, in a list, in a struct field and in a map.
//!
//! The agreement is pinned: for every snippet the two readers accept or
//! refuse alike (and read the same scalar when both accept), except for
//! the forms the scenario reader refuses on purpose, with an error saying
//! "valid RON, but not used in scenario files: write … instead" (and that
//! list is pinned too). Nothing `ron` refuses is accepted. A new
//! disagreement fails, naming the snippet.

use momento::scenario::syntax::{Bump, Kind, Value, parse};

/// Atoms of RON, valid and not.
const ATOMS: &[&str] = &[
    // Integers, every base, signs, separators, limits.
    "0",
    "1",
    "-1",
    "+1",
    "1_000",
    "1__0",
    "1_",
    "01",
    "00",
    "0x1F",
    "0xff",
    "0XFF",
    "0x_FF",
    "0x",
    "0b101",
    "0b_1",
    "0b102",
    "0o17",
    "0o8",
    "-0x10",
    "+0b1",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    // Floats.
    "1.5",
    "-1.5",
    "+1.5",
    ".5",
    "-.5",
    "1.",
    "1.e3",
    "1e3",
    "1E-3",
    "1.5e+2",
    "1e",
    "1.5.5",
    "1_0.5",
    "inf",
    "-inf",
    "+inf",
    "NaN",
    "-NaN",
    "+NaN",
    "infinity",
    "- 1",
    "--1",
    "1a",
    "1km",
    "3s",
    // Type suffixes.
    "1u8",
    "300u8",
    "-1i8",
    "1i128",
    "1u128",
    "1.5f32",
    "2f64",
    "1isize",
    "inff32",
    "-inff64",
    "NaNf32",
    "0xFFu8",
    "0b1u8",
    "0x1i64",
    // Strings and escapes.
    r#""a""#,
    r#""""#,
    r#""\n\t\r\0\\\"\'""#,
    r#""\x41""#,
    r#""\x7f""#,
    r#""\x80""#,
    r#""\xC3\xA9""#,
    r#""\x4""#,
    r#""\xZZ""#,
    r#""\u{e9}""#,
    r#""\u{1F600}""#,
    r#""\u{110000}""#,
    r#""\u{}""#,
    r#""\u{1234567}""#,
    r#""\u00e9""#,
    r#""\q""#,
    r#""unterminated"#,
    r#""é ñ 名""#,
    "r\"raw\"",
    "r#\"a\"b\"#",
    "r##\"x\"##",
    "r#\"open",
    "b\"x\"",
    "br\"x\"",
    "b'a'",
    "b\"\\xff\"",
    "\"joined \\\n    line\"",
    // Chars.
    "'a'",
    "'é'",
    "'\\n'",
    "'\\r'",
    "'\\0'",
    "'\\t'",
    "'\\\\'",
    "'\\''",
    "'\\\"'",
    "'\\u{e9}'",
    "'\\x41'",
    "'\\x80'",
    "'ab'",
    "''",
    "'\\q'",
    "'a",
    // Names.
    "true",
    "false",
    "None",
    "Some(1)",
    "Some()",
    "Some(1, 2)",
    "Some(a: 1)",
    "Some (1)",
    "Foo",
    "r#type",
    "r#Foo",
    "r#a.b",
    "é",
    "Ñandú",
    "名前",
    "_x",
    "x1",
    "_",
    "r#",
    "Foo(a: 1)",
    "Foo(1, 2)",
    "Foo ()",
    "Ñandú(a: 1)",
    // Containers.
    "[]",
    "[1,]",
    "[1, 2]",
    "[,]",
    "[1 2]",
    "()",
    "(1,)",
    "(1, 2)",
    "(a: 1)",
    "(a: 1,)",
    "(a: 1, b: 2)",
    "(a 1)",
    "(a: )",
    "(r#type: 1)",
    "(é: 1)",
    "(名前: 1)",
    "{}",
    "{1: 2}",
    "{\"k\": 1,}",
    "{\"k\" 1}",
    "{\"k\": }",
    "[[[]]]",
    "((()))",
    // Comments and spaces.
    "/* c */ 1",
    "1 // c",
    "/* /* nested */ */ 1",
    "/* open 1",
    "1 /* */",
    "\t\r\n1\r\n",
];

fn ours(text: &str) -> Result<String, String> {
    let arena = Bump::new();
    match parse(text, &arena, 64) {
        Ok(value) => Ok(scalar(&value)),
        Err(error) => Err(format!("{} / {}", error.message.en, error.hint.en)),
    }
}

/// A scalar's value as text, to compare with `ron`'s reading; containers
/// compare by shape only.
fn scalar(value: &Value) -> String {
    match value.kind {
        Kind::Int(n) => format!("num {}", n as f64),
        Kind::Float(f) if f.is_nan() => "NaN".to_string(),
        Kind::Float(f) => format!("num {f}"),
        Kind::Str(s) => format!("str {:?}", s.text),
        Kind::Char(c) => format!("char {c:?}"),
        Kind::Bool(b) => format!("bool {b}"),
        _ => "other".to_string(),
    }
}

fn theirs(text: &str) -> Result<String, String> {
    match ron::from_str::<ron::Value>(text) {
        Ok(value) => Ok(match value {
            ron::Value::Number(n) => {
                let f = n.into_f64();
                if f.is_nan() {
                    "NaN".to_string()
                } else {
                    format!("num {f}")
                }
            }
            ron::Value::String(s) => format!("str {s:?}"),
            ron::Value::Char(c) => format!("char {c:?}"),
            ron::Value::Bool(b) => format!("bool {b}"),
            _ => "other".to_string(),
        }),
        Err(error) => Err(error.to_string()),
    }
}

/// Every snippet of the corpus: each atom alone and in three positions.
fn corpus() -> Vec<String> {
    let mut out = Vec::new();
    for atom in ATOMS {
        out.push((*atom).to_string());
        out.push(format!("[{atom}]"));
        out.push(format!("(f: {atom})"));
        out.push(format!("{{\"k\": {atom}}}"));
    }
    out
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    BothAccept,
    BothRefuse,
    RefusedWithInstead,
}

fn verdict(snippet: &str) -> Result<Verdict, String> {
    let (a, b) = (ours(snippet), theirs(snippet));
    match (&a, &b) {
        (Ok(x), Ok(y)) if x == y => Ok(Verdict::BothAccept),
        (Ok(x), Ok(y)) => Err(format!("{snippet:?}: read as {x} here, {y} by ron")),
        (Err(_), Err(_)) => Ok(Verdict::BothRefuse),
        (Err(e), Ok(_)) if e.contains("valid RON, but not used in scenario files: write") => {
            Ok(Verdict::RefusedWithInstead)
        }
        (Err(e), Ok(y)) => Err(format!("{snippet:?}: refused here ({e}), ron reads {y}")),
        (Ok(x), Err(e)) => Err(format!("{snippet:?}: read as {x} here, ron refuses: {e}")),
    }
}

#[test]
fn the_reader_agrees_with_ron_on_every_generated_snippet() {
    let corpus = corpus();
    let mut disagreements = Vec::new();
    let mut counts = std::collections::BTreeMap::new();
    for snippet in &corpus {
        match verdict(snippet) {
            Ok(v) => *counts.entry(v).or_insert(0) += 1,
            Err(d) => disagreements.push(d),
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements with ron:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    eprintln!("{} snippets: {counts:?}", corpus.len());
    // Both readers accept and refuse plenty: the corpus is not one-sided.
    assert!(counts[&Verdict::BothAccept] > 200, "{counts:?}");
    assert!(counts[&Verdict::BothRefuse] > 100, "{counts:?}");
    assert!(counts[&Verdict::RefusedWithInstead] >= 20, "{counts:?}");
}

#[test]
fn the_forms_refused_on_purpose_are_the_documented_ones() {
    // Pinned: exactly these atoms are valid RON refused with "write … instead".
    let mut refused: Vec<&str> = ATOMS
        .iter()
        .copied()
        .filter(|atom| verdict(atom) == Ok(Verdict::RefusedWithInstead))
        .collect();
    refused.sort_unstable();
    let mut expected = vec![
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "340282366920938463463374607431768211455",
        "340282366920938463463374607431768211456",
        "1u8",
        "inff32",
        "-inff64",
        "NaNf32",
        "0b1u8",
        "0x1i64",
        "-1i8",
        "1i128",
        "1u128",
        "1.5f32",
        "2f64",
        "0xFFu8",
        r#""\xC3\xA9""#,
        "b\"x\"",
        "br\"x\"",
        "b'a'",
        "b\"\\xff\"",
    ];
    expected.sort_unstable();
    assert_eq!(refused, expected);
}

#[test]
fn the_missing_forms_of_issue_12_are_read() {
    for (snippet, read) in [
        (r#""\x41""#, "str \"A\""),
        ("'\\r'", "char '\\r'"),
        ("'\\0'", "char '\\0'"),
        ("'\\u{e9}'", "char 'é'"),
        ("-inf", "num -inf"),
        ("r#type", "other"),
        ("Ñandú", "other"),
    ] {
        assert_eq!(ours(snippet).as_deref(), Ok(read), "{snippet}");
    }
    assert!(ours("0x_FF").is_err());
    assert!(ours("(r#type: 1)").is_ok());
}
