//! `{placeholders}` in scenario texts: checking them at load time and
//! filling them in at play time.

use super::model::Gender;
use crate::lang::{Bilingual, msg};

/// The placeholders a text may use, with what they become.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    ("customer", "the customer's full name, e.g. Marta Ruiz"),
    ("customer_first", "the customer's first name, e.g. Marta"),
    (
        "customer_formal",
        "the surname with a courtesy title by the customer's gender, e.g. la señora Ruiz / Ms Ruiz",
    ),
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
    /// The customer's grammatical gender.
    pub gender: Gender,
    /// The scenario is in Spanish (courtesy titles follow its language).
    pub spanish: bool,
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

/// "la señora Ruiz", "el señor Ruiz", "Ms Ruiz", "Mr Ruiz": the courtesy
/// title of the customer's gender and language before the surname (every
/// word after the first name); the full name when the gender is not given
/// or there is no surname.
pub fn formal_name(values: Fill) -> String {
    let mut words = values.customer.split_whitespace();
    words.next();
    let surname = words.collect::<Vec<_>>().join(" ");
    let title = match (values.spanish, values.gender) {
        (_, Gender::Unspecified) => None,
        (true, Gender::Feminine) => Some("la señora"),
        (true, Gender::Masculine) => Some("el señor"),
        (false, Gender::Feminine) => Some("Ms"),
        (false, Gender::Masculine) => Some("Mr"),
    };
    match title {
        Some(title) if !surname.is_empty() => format!("{title} {surname}"),
        _ => values.customer.to_string(),
    }
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
                "customer_formal" => out.push_str(&formal_name(values)),
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
            gender: Gender::Unspecified,
            spanish: true,
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
    fn the_formal_name_follows_gender_and_language() {
        let fill_formal = |customer: &'static str, gender, spanish| {
            let values = Fill {
                customer,
                gender,
                spanish,
                trainee: "",
            };
            fill("Buenos días, {customer_formal}.", values)
        };
        assert_eq!(
            fill_formal("Carmen Márquez Gil", Gender::Feminine, true),
            "Buenos días, la señora Márquez Gil."
        );
        assert_eq!(
            fill_formal("Ramón Ortiz", Gender::Masculine, true),
            "Buenos días, el señor Ortiz."
        );
        assert_eq!(
            fill_formal("Helen Ward", Gender::Feminine, false),
            "Buenos días, Ms Ward."
        );
        assert_eq!(
            fill_formal("Tom Reed", Gender::Masculine, false),
            "Buenos días, Mr Reed."
        );
        // Without a gender or a surname, the name as it is.
        assert_eq!(
            fill_formal("Alex Kim", Gender::Unspecified, false),
            "Buenos días, Alex Kim."
        );
        assert_eq!(
            fill_formal("Lucía", Gender::Feminine, true),
            "Buenos días, Lucía."
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
