use super::*;
use crate::lang::{Phrase, msg};

fn nowhere() -> Diagnostic {
    let text = "(\n  next: \"nowhere\",\n)";
    let mut reporter = Reporter::new(Path::new("s.ron"), text);
    let start = text.find("\"nowhere\"").unwrap();
    let id = "nowhere";
    reporter.report(
        Code::E011,
        Span::new(start, start + 9),
        msg!("no node is called `{id}`", "ningún nodo se llama `{id}`"),
        msg!(
            "add the node or fix the name",
            "añade el nodo o corrige el nombre"
        ),
    );
    reporter.diagnostics.remove(0)
}

#[test]
fn render_shows_location_caret_and_hint() {
    let rendered = nowhere().render(Lang::En);
    assert!(rendered.starts_with("s.ron:2:9: error[E011]: no node is called `nowhere`"));
    assert!(rendered.contains("2 |   next: \"nowhere\","));
    assert!(rendered.contains("|         ^^^^^^^^^"));
    assert!(rendered.contains("= help: add the node"));
}

#[test]
fn render_in_spanish_translates_message_hint_and_level_words() {
    let mut diagnostic = nowhere();
    diagnostic.severity = Severity::Warning;
    diagnostic.related = Some(Related {
        file: PathBuf::from("en.ron"),
        start: LineCol { line: 3, col: 4 },
        message: msg!("the other file", "el otro archivo"),
    });
    let rendered = diagnostic.render(Lang::Es);
    assert!(
        rendered.starts_with("s.ron:2:9: aviso[E011]: ningún nodo se llama `nowhere`\n"),
        "{rendered}"
    );
    // Same source line and caret as in English.
    assert!(rendered.contains("2 |   next: \"nowhere\","));
    assert!(rendered.contains("|         ^^^^^^^^^"));
    assert!(
        rendered.contains("  = nota: en.ron:3:4: el otro archivo\n"),
        "{rendered}"
    );
    assert!(
        rendered.contains("  = ayuda: añade el nodo o corrige el nombre\n"),
        "{rendered}"
    );
    assert!(!rendered.contains("help") && !rendered.contains("warning"));
}

#[test]
fn msg_binds_shared_and_per_language_values() {
    let what = Phrase::new("the title", "el campo `title`");
    let n = 3;
    let built = msg!(
        "{what} is {n} long",
        "{what} mide {n}",
        n = n + 1,
        what => what,
    );
    assert_eq!(built.en, "the title is 4 long");
    assert_eq!(built.es, "el campo `title` mide 4");
    assert_eq!(built.get(Lang::Es), built.es);
}

#[test]
fn json_carries_both_languages() {
    let json = serde_json::to_value(nowhere()).unwrap();
    assert_eq!(json["message"]["en"], "no node is called `nowhere`");
    assert_eq!(json["message"]["es"], "ningún nodo se llama `nowhere`");
    assert_eq!(json["hint"]["es"], "añade el nodo o corrige el nombre");
    let back: Diagnostic = serde_json::from_value(json).unwrap();
    assert_eq!(back, nowhere());
}

#[test]
fn closest_suggests_near_names_only() {
    assert_eq!(
        closest("emphaty", ["empathy", "promise", "care"]),
        Some("empathy")
    );
    assert_eq!(closest("zzz", ["empathy", "promise"]), None);
    // The nearest wins, the first of equals is kept, case is ignored.
    assert_eq!(closest("abcd", ["abxy", "abcx", "abcy"]), Some("abcx"));
    assert_eq!(closest("Greeting", ["greet", "GREETING"]), Some("GREETING"));
}

#[test]
fn closest_skips_long_names_and_stops_when_the_budget_is_spent() {
    let long = "a".repeat(MAX_SUGGEST_CHARS + 1);
    let near = format!("{long}b");
    assert_eq!(closest(&long, [near.as_str()]), None);
    assert_eq!(
        closest("greetin", [long.as_str(), "greeting"]),
        Some("greeting")
    );
    let mut budget = 0;
    assert_eq!(closest_within("greetin", ["greeting"], &mut budget), None);
    let mut budget = 1_000;
    assert_eq!(
        closest_within("greetin", ["greeting"], &mut budget),
        Some("greeting")
    );
    assert!(budget < 1_000);
}

#[test]
fn long_quoted_names_in_messages_are_shortened() {
    let id = "x".repeat(100_000);
    let text = "(\n  next: \"nowhere\",\n)";
    let reporter = Reporter::new(Path::new("s.ron"), text);
    let d = reporter.make(
        Code::E011,
        Span::new(4, 8),
        msg!("no node is called `{id}`", "ningún nodo se llama `{id}`"),
        Bilingual::default(),
    );
    assert!(d.message.en.starts_with("no node is called `xxx"));
    assert!(d.message.en.ends_with("x`"));
    assert!(d.message.en.contains('…'));
    assert!(d.message.en.chars().count() < 100);
}

#[test]
fn snippet_is_a_window_and_the_caret_stays_under_the_value() {
    // A value far into a very long line: about 60 characters each side.
    let text = format!("({}bad{})", "a ".repeat(50_000), " b".repeat(50_000));
    let start = text.find("bad").unwrap();
    let reporter = Reporter::new(Path::new("s.ron"), &text);
    let d = reporter.make(
        Code::E001,
        Span::new(start, start + 3),
        msg!("x", "x"),
        msg!("", ""),
    );
    assert!(d.snippet.text.chars().count() <= 2 * SNIPPET_CHARS + 1);
    let rendered = d.render(Lang::En);
    assert!(rendered.len() < 600, "{rendered}");
    let lines: Vec<&str> = rendered.lines().collect();
    let code_line = lines[2];
    let caret_line = lines[3];
    let caret = caret_line.find('^').unwrap();
    let before = &code_line[..code_line.find("bad").unwrap()];
    assert!(before.contains('…') && code_line.ends_with('…'));
    assert_eq!(
        unicode_width::UnicodeWidthStr::width(before),
        caret,
        "{rendered}"
    );
    assert_eq!(caret_line.matches('^').count(), 3);
}

fn caret_under(line_text: &str, value: &str) -> (String, String) {
    let start = line_text.find(value).unwrap();
    let reporter = Reporter::new(Path::new("s.ron"), line_text);
    let d = reporter.make(
        Code::E001,
        Span::new(start, start + value.len()),
        msg!("x", "x"),
        msg!("", ""),
    );
    let rendered = d.render(Lang::En);
    let lines: Vec<String> = rendered.lines().map(str::to_string).collect();
    (lines[2].clone(), lines[3].clone())
}

#[test]
fn tabs_wide_characters_combining_marks_and_controls_do_not_shift_the_caret() {
    use unicode_width::UnicodeWidthStr;
    for line in [
        "\t\t(id: bad)",
        "(名前: \"顧客\", id: bad)",
        "(e\u{301}e\u{301}: 1, id: bad)",
        "(\u{1b}[31m: 1, \u{202e}id: bad)",
    ] {
        let (code, caret) = caret_under(line, "bad");
        // Columns on screen: the width of everything before the value.
        let before = &code[..code.find("bad").unwrap()];
        let caret_col = caret.find('^').unwrap();
        assert_eq!(before.width(), caret_col, "{code:?}\n{caret:?}");
        assert!(!code.contains('\u{1b}') && !code.contains('\t'), "{code:?}");
    }
}

#[test]
fn warning_codes_are_warnings() {
    assert_eq!(Code::W001.severity(), Severity::Warning);
    assert_eq!(Code::E001.severity(), Severity::Error);
}
