//! `{placeholders}` in scenario texts: checking them at load time and
//! filling them in at play time.

use crate::lang::{Bilingual, msg};

/// The placeholders a text may use, with what they become.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("customer", "the customer's full name, e.g. Marta Ruiz"),
    ("customer_first", "the customer's first name, e.g. Marta"),
    ("trainee", "the trainee's name from Settings"),
];

/// A problem with a placeholder, with its byte range inside the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// First byte of the problem inside the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What is wrong.
    pub message: Bilingual,
    /// How to fix it.
    pub hint: Bilingual,
}

/// Values to fill placeholders with.
#[derive(Debug, Clone, Copy)]
pub struct Fill<'a> {
    /// The customer's full name.
    pub customer: &'a str,
    /// The trainee's name.
    pub trainee: &'a str,
}

fn known_list() -> String {
    PLACEHOLDERS
        .iter()
        .map(|(name, _)| format!("{{{name}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every unknown or unclosed placeholder in `text`.
pub fn problems(text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if bytes.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => match text[i + 1..].find(['}', '{']) {
                Some(len) if bytes[i + 1 + len] == b'}' => {
                    let name = &text[i + 1..i + 1 + len];
                    if !PLACEHOLDERS.iter().any(|(known, _)| *known == name) {
                        let suggestion = match crate::diagnostic::closest(
                            name,
                            PLACEHOLDERS.iter().map(|(n, _)| *n),
                        ) {
                            Some(near) => msg!(
                                "did you mean {{{near}}}? ",
                                "quizá querías decir {{{near}}}; "
                            ),
                            None => Bilingual::default(),
                        };
                        problems.push(Problem {
                            start: i,
                            end: i + len + 2,
                            message: msg!(
                                "unknown placeholder `{{{name}}}`",
                                "marcador desconocido `{{{name}}}`"
                            ),
                            hint: msg!(
                                "{suggestion}the placeholders are {known}; write {{{{ for a literal brace",
                                "{suggestion}los marcadores posibles son {known}; para una llave tal cual, escribe {{{{",
                                known = known_list(),
                                suggestion => suggestion,
                            ),
                        });
                    }
                    i += len + 2;
                }
                _ => {
                    problems.push(Problem {
                        start: i,
                        end: i + 1,
                        message: msg!(
                            "a `{{` opens a placeholder that is never closed",
                            "una `{{` abre un marcador que no se cierra nunca"
                        ),
                        hint: msg!(
                            "close it with `}}` (the placeholders are {known}), or write {{{{ for a literal brace",
                            "ciérralo con `}}` (los marcadores posibles son {known}), o escribe {{{{ para una llave tal cual",
                            known = known_list(),
                        ),
                    });
                    i += 1;
                }
            },
            _ => i += 1,
        }
    }
    problems
}

/// Fills the placeholders of `text`. Unknown ones are left as written
/// (validation has already reported them).
pub fn fill(text: &str, values: Fill) -> String {
    if !text.contains(['{', '}']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(pos) = rest.find(['{', '}']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('{')
            && let Some(close) = tail.find('}')
        {
            let name = &tail[1..close];
            match name {
                "customer" => out.push_str(values.customer),
                "customer_first" => {
                    out.push_str(values.customer.split_whitespace().next().unwrap_or(""))
                }
                "trainee" => out.push_str(values.trainee),
                _ => out.push_str(&tail[..=close]),
            }
            rest = &tail[close + 1..];
            continue;
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_known_placeholders_and_braces() {
        let values = Fill {
            customer: "Marta Ruiz",
            trainee: "Ana",
        };
        assert_eq!(
            fill(
                "Hola {customer_first}, soy {trainee}. {{x}} {customer}",
                values
            ),
            "Hola Marta, soy Ana. {x} Marta Ruiz"
        );
    }

    #[test]
    fn reports_unknown_and_unclosed_with_positions() {
        let found = problems("Hola {custmer}, y {abierto");
        assert_eq!(found.len(), 2);
        assert_eq!((found[0].start, found[0].end), (5, 14));
        assert!(found[0].hint.en.contains("did you mean {customer}"));
        assert!(found[0].hint.es.contains("quizá querías decir {customer};"));
        assert_eq!(found[1].start, 18);
    }

    #[test]
    fn escaped_braces_are_fine() {
        assert!(problems("{{literal}} and {customer}").is_empty());
    }
}
