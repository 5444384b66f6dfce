use super::*;

fn parse_ok<'a>(text: &'a str, arena: &'a Bump) -> Value<'a> {
    match parse(text, arena, 64) {
        Ok(value) => value,
        Err(error) => panic!("{text:?}: {error:?}"),
    }
}

#[test]
fn reads_named_struct_with_spans() {
    let text = "Choice(id: \"a\", mood: -5)";
    let arena = Bump::new();
    let value = parse_ok(text, &arena);
    let Kind::Struct { name, fields } = value.kind else {
        panic!("not a struct")
    };
    assert_eq!(name.map(|n| n.name), Some("Choice"));
    assert_eq!(fields[0].name.name, "id");
    assert_eq!(&text[fields[0].value.span.range()], "\"a\"");
    assert_eq!(fields[1].value.kind, Kind::Int(-5));
}

#[test]
fn reads_every_shape() {
    let text = r##"#![enable(implicit_some)]
    // a comment
    (
        a: [1, 2.5, true, 'x', r#"raw "q""#, "e\u{e9}\n"],
        b: {"k": None, "j": Some(3)},
        c: Route(branches: [], otherwise: "x"),
        d: Keep("p"),
        e: Customer, /* nested /* comment */ */
        f: (),
    )"##;
    let arena = Bump::new();
    let value = parse_ok(text, &arena);
    let Kind::Struct { fields, .. } = value.kind else {
        panic!()
    };
    assert_eq!(fields.len(), 6);
    let Kind::List(items) = &fields[0].value.kind else {
        panic!()
    };
    assert_eq!(
        items[4].kind,
        Kind::Str(StrLit {
            text: "raw \"q\"",
            verbatim_from: items[4].span.start.checked_add(3)
        })
    );
    let Kind::Str(s) = &items[5].kind else {
        panic!()
    };
    assert_eq!(s.text, "eé\n");
    assert_eq!(s.verbatim_from, None);
}

#[test]
fn syntax_errors_point_at_the_problem() {
    let text = "(\n  a: 1\n  b: 2,\n)";
    let error = parse(text, &Bump::new(), 64).unwrap_err();
    // A missing comma is reported where it belongs: right after `1`.
    assert_eq!(error.offset as usize, text.find('1').unwrap() + 1);
    assert!(error.message.en.contains("add a comma here"));
    assert!(error.message.es.contains("añade una coma aquí"));
}

#[test]
fn unclosed_string_points_at_its_opening_quote() {
    let text = "(a: \"open)";
    let error = parse(text, &Bump::new(), 64).unwrap_err();
    assert_eq!(error.offset, 4);
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let text = "[".repeat(100_000);
    let error = parse(&text, &Bump::new(), 64).unwrap_err();
    assert!(error.too_deep);
}

#[test]
fn never_panics_on_truncations() {
    let text = r##"Scenario(id: "x", nodes: {"a": Node(text: "h\u{e9}", choices: [(id: 'c', n: -1.5e3)])}, r: r#"x"#)"##;
    for end in 0..=text.len() {
        if text.is_char_boundary(end) {
            let _ = parse(&text[..end], &Bump::new(), 64);
        }
    }
}
