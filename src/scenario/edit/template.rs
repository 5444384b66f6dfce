//! New files: a scenario from a template (a start node and three
//! endings, ready to check), and the twin of a scenario in the other
//! language, with the same structure and its texts marked for translation.

use super::render::quote;
use super::splice::{self, Splice};
use crate::lang::{Lang, msg};
use crate::scenario::syntax::{self, Bump, Kind, Value};
use std::path::{Path, PathBuf};

/// What the trainer fills in before the first node exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateForm {
    /// The scenario's language.
    pub lang: Lang,
    /// The title.
    pub title: String,
    /// The customer's name.
    pub customer: String,
    /// One line about the customer.
    pub persona: String,
}

/// A file name and id from a title: lowercase ASCII words joined by `-`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "scenario".to_string()
    } else {
        out
    }
}

fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'ä' | 'â' | 'Á' => 'a',
        'é' | 'è' | 'ë' | 'ê' | 'É' => 'e',
        'í' | 'ì' | 'ï' | 'î' | 'Í' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' | 'Ó' => 'o',
        'ú' | 'ù' | 'ü' | 'û' | 'Ú' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        c => c,
    })
}

/// The text of a new scenario: a start node whose three replies lead to a
/// kept, a neutral and a lost ending. It passes `check` as it is.
pub fn new_scenario(form: &TemplateForm) -> String {
    let lang = form.lang;
    let t = |en: &str, es: &str| quote(if lang == Lang::Es { es } else { en });
    let title = if form.title.trim().is_empty() {
        msg!("New scenario", "Escenario nuevo")
            .get(lang)
            .to_string()
    } else {
        form.title.trim().to_string()
    };
    let customer = if form.customer.trim().is_empty() {
        "Alex".to_string()
    } else {
        form.customer.trim().to_string()
    };
    let persona = if form.persona.trim().is_empty() {
        msg!("A customer with a problem.", "Un cliente con un problema.")
            .get(lang)
            .to_string()
    } else {
        form.persona.trim().to_string()
    };
    format!(
        r#"Scenario(
    format: 1,
    id: {id},
    version: 1,
    language: {language},
    title: {title},
    summary: {summary},
    customer: (
        names: [{customer}],
        persona: {persona},
        mood: 40,
    ),
    start: "start",
    nodes: {{
        "start": Node(
            speaker: Customer,
            text: {start_text},
            choices: [
                Choice(
                    id: "listen",
                    text: {listen},
                    effects: (empathy: 2, care: 2),
                    mood: 20,
                    feedback: {listen_feedback},
                    next: "kept",
                ),
                Choice(
                    id: "process",
                    text: {process},
                    effects: (empathy: 0, care: 0),
                    feedback: {process_feedback},
                    next: "neutral",
                ),
                Choice(
                    id: "policy",
                    text: {policy},
                    effects: (empathy: -2, care: -2),
                    mood: -20,
                    flags: ["shielded"],
                    feedback: {policy_feedback},
                    next: "lost",
                ),
            ],
        ),
        "kept": Ending(
            outcome: Kept,
            claims: [NotFlag("shielded")],
            text: {kept_text},
            debrief: {kept_debrief},
        ),
        "neutral": Ending(
            outcome: Neutral,
            claims: [NotFlag("shielded")],
            text: {neutral_text},
            debrief: {neutral_debrief},
        ),
        "lost": Ending(
            outcome: Lost,
            claims: [Flag("shielded")],
            text: {lost_text},
            debrief: {lost_debrief},
        ),
    }},
)
"#,
        id = quote(&slug(&title)),
        language = quote(lang.code()),
        title = quote(&title),
        summary = t(
            "(One or two sentences for the library card.)",
            "(Una o dos frases para la ficha de la biblioteca.)"
        ),
        customer = quote(&customer),
        persona = quote(&persona),
        start_text = t(
            "(What the customer says first.)",
            "(Lo primero que dice el cliente.)"
        ),
        listen = t(
            "(The reply that listens and solves.)",
            "(La respuesta que escucha y resuelve.)"
        ),
        listen_feedback = t(
            "(Why this reply keeps the customer.)",
            "(Por qué esta respuesta conserva al cliente.)"
        ),
        process = t(
            "(A correct but cold reply.)",
            "(Una respuesta correcta pero fría.)"
        ),
        process_feedback = t(
            "(What this reply misses.)",
            "(Lo que le falta a esta respuesta.)"
        ),
        policy = t(
            "(The reply that hides behind policy.)",
            "(La respuesta que se escuda en la norma.)"
        ),
        policy_feedback = t(
            "(Why policy as a shield loses the customer.)",
            "(Por qué la norma como escudo pierde al cliente.)"
        ),
        kept_text = t(
            "(How it ends when the customer is kept.)",
            "(Cómo termina cuando se conserva al cliente.)"
        ),
        kept_debrief = t(
            "(The lesson of this ending.)",
            "(La lección de este final.)"
        ),
        neutral_text = t(
            "(How it ends when the problem is handled, nothing more.)",
            "(Cómo termina cuando el problema se resuelve, sin más.)"
        ),
        neutral_debrief = t(
            "(The lesson of this ending.)",
            "(La lección de este final.)"
        ),
        lost_text = t(
            "(How it ends when the customer leaves.)",
            "(Cómo termina cuando el cliente se va.)"
        ),
        lost_debrief = t(
            "(The lesson of this ending.)",
            "(La lección de este final.)"
        ),
    )
}

/// Where a new scenario goes: `<folder>/<lang>/<slug>.ron`, numbered if
/// the name is taken.
pub fn new_scenario_path(folder: &Path, lang: Lang, title: &str) -> PathBuf {
    let dir = folder.join(lang.code());
    let base = slug(title);
    let mut path = dir.join(format!("{base}.ron"));
    let mut n = 2;
    while path.exists() && n < 10_000 {
        path = dir.join(format!("{base}-{n}.ron"));
        n += 1;
    }
    path
}

/// The fields whose texts a translator rewrites (ids, flags, promise ids
/// and node names stay as they are, so the structure is identical).
const TEXT_FIELDS: &[&str] = &[
    "title",
    "summary",
    "setting",
    "tags",
    "learning_goals",
    "seed_idea",
    "trainer_notes",
    "discussion_questions",
    "reflection_prompts",
    "persona",
    "business_goals",
    "personal_goals",
    "speaker_name",
    "text",
    "mood_cue",
    "feedback",
    "debrief",
];

/// The prefix that marks a text still to be translated into `to`.
pub fn marker(to: Lang) -> &'static str {
    match to {
        Lang::En => "[TO TRANSLATE] ",
        Lang::Es => "[POR TRADUCIR] ",
    }
}

/// True when a text still carries a translation marker.
pub fn needs_translation(text: &str) -> bool {
    Lang::ALL.iter().any(|l| text.starts_with(marker(*l)))
}

/// The twin of `text` in language `to`: the same file with `language`
/// changed and every text marked for translation. `None` when the text
/// cannot be parsed.
pub fn twin(text: &str, to: Lang) -> Option<String> {
    let arena = Bump::new();
    let root = syntax::parse(text, &arena, 64).ok()?;
    let mut splices = Vec::new();
    let mut stack: Vec<(Option<&str>, Value<'_>)> = vec![(None, root)];
    while let Some((field, value)) = stack.pop() {
        match value.kind {
            Kind::Str(_) if field == Some("language") => {
                splices.push(Splice::new(
                    value.span.start as usize,
                    value.span.end as usize,
                    quote(to.code()),
                ));
            }
            Kind::Str(s)
                if field.is_some_and(|f| TEXT_FIELDS.contains(&f))
                    && !s.text.trim().is_empty()
                    && !needs_translation(s.text) =>
            {
                splices.push(Splice::new(
                    value.span.start as usize,
                    value.span.end as usize,
                    quote(&format!("{}{}", marker(to), s.text)),
                ));
            }
            Kind::Struct { fields, .. } => {
                stack.extend(fields.iter().map(|f| (Some(f.name.name), f.value)));
            }
            Kind::List(items) | Kind::Tuple { items, .. } => {
                stack.extend(items.iter().map(|v| (field, *v)));
            }
            Kind::Map(entries) => stack.extend(entries.iter().map(|(_, v)| (None, *v))),
            _ => {}
        }
    }
    splice::apply(text, splices)
}

/// Where the twin of the file at `path` goes: the same name under the
/// sibling `es/` or `en/` folder (or next to it, suffixed, outside them).
pub fn twin_path(path: &Path, to: Lang) -> PathBuf {
    let parent = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let in_lang_folder = parent
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "es" || n == "en");
    if in_lang_folder {
        parent
            .parent()
            .unwrap_or(Path::new("."))
            .join(to.code())
            .join(name)
    } else {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("scenario");
        parent.join(format!("{stem}.{}.ron", to.code()))
    }
}
