//! Every user-facing string of the app, in Spanish and English.
//!
//! The `texts!` table declares each key with both translations side by
//! side, so a key missing a language does not compile; a test also checks
//! that no translation is empty. Templates use `{name}` markers filled by
//! [`fill`].

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Español.
    Es,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The language code used by scenario files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
        }
    }

    /// The language for a code such as `es`, `es-MX` or `en_GB.UTF-8`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("es") {
            Some(Lang::Es)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The system language from the usual environment variables: Spanish
    /// or English, else English.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty() && value != "C" && value != "POSIX")
            .and_then(|value| Lang::from_code(&value))
            .unwrap_or(Lang::En)
    }

    /// The texts in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Es => &ES,
            Lang::En => &EN,
        }
    }
}

/// Fills `{name}` markers in a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

macro_rules! texts {
    ($($key:ident: $es:expr, $en:expr;)*) => {
        /// All user-facing strings of one language.
        #[allow(missing_docs)]
        #[derive(Debug)]
        pub struct Texts {
            $(pub $key: &'static str,)*
        }

        /// Spanish.
        pub static ES: Texts = Texts { $($key: $es,)* };
        /// English.
        pub static EN: Texts = Texts { $($key: $en,)* };

        /// Every key with both translations, for tests and tools.
        pub fn all_pairs() -> Vec<(&'static str, &'static str, &'static str)> {
            vec![$((stringify!($key), $es, $en),)*]
        }
    };
}

texts! {
    // ---- scoring vocabulary ------------------------------------------------
    dim_empathy: "Empatía", "Empathy";
    dim_promise: "Promesas", "Promise-keeping";
    dim_care: "Cuidar, no «educar»", "Care, not \"educate\"";
    dim_empathy_help: "¿Reconociste a la persona: sus sentimientos, sus objetivos, lo que no dijo?", "Did you acknowledge the person: their feelings, their goals, what they left unsaid?";
    dim_promise_help: "¿Tus promesas fueron realistas, las cumpliste y confirmaste con el cliente?", "Were your promises realistic, kept, and confirmed with the customer?";
    dim_care_help: "¿Resististe la tentación de escudarte en la norma o en «aquí se hace así»?", "Did you resist hiding behind policy or \"that's how we do it\"?";
    balance: "Equilibrio", "Balance";
    balance_help: "Media geométrica de las tres: una dimensión floja pesa más que en una media normal.", "Geometric mean of the three: one weak dimension costs more than in a plain average.";
    outcome_kept: "Cliente conservado", "Customer kept";
    outcome_neutral: "Resultado neutro", "Neutral outcome";
    outcome_lost: "Cliente perdido", "Customer lost";
    outcome_sentence_kept: "{customer} se va con un buen recuerdo de este momento de la verdad.", "{customer} leaves with a good memory of this moment of truth.";
    outcome_sentence_neutral: "El problema quedó atendido, pero la relación con {customer} no salió reforzada.", "The problem was handled, but the relationship with {customer} did not grow stronger.";
    outcome_sentence_lost: "{customer} se fue: este momento de la verdad se perdió.", "{customer} left: this moment of truth was lost.";
    mood_furious: "Furioso", "Furious";
    mood_upset: "Molesto", "Upset";
    mood_neutral: "Neutral", "Neutral";
    mood_pleased: "Satisfecho", "Pleased";
    mood_delighted: "Encantado", "Delighted";
    limit_cannot_physically: "no se puede físicamente", "physically impossible";
    limit_dont_know_how: "no se sabe cómo", "don't know how";
    limit_not_allowed: "no está permitido", "not allowed";
    limit_no_tools: "faltan herramientas o sistemas", "no tools or systems";
    promise_open: "abierta", "open";
    promise_kept: "cumplida", "kept";
    promise_broken: "incumplida", "broken";
    promise_not_made: "no hecha", "not made";
    promise_confirmed: "confirmada con el cliente", "confirmed with the customer";
    promise_not_confirmed: "sin confirmar con el cliente", "not confirmed with the customer";
    cause_reply: "Tu respuesta: {reply}", "Your reply: {reply}";
    cause_timeout: "Se acabó el tiempo en «{node}»", "Time ran out at \"{node}\"";
    cause_unrealistic: "Promesa poco realista «{promise}» ({limit})", "Unrealistic promise \"{promise}\" ({limit})";
    cause_kept: "Promesa cumplida «{promise}»", "Promise kept \"{promise}\"";
    cause_broken: "Promesa incumplida «{promise}»", "Promise broken \"{promise}\"";
    cause_broken_at_end: "Promesa abierta al final, cuenta como incumplida «{promise}»", "Promise still open at the end, counts as broken \"{promise}\"";
    cause_confirmed: "Confirmaste con el cliente «{promise}»", "Confirmed with the customer \"{promise}\"";
    cause_not_confirmed: "No confirmaste con el cliente «{promise}»", "Did not confirm with the customer \"{promise}\"";
    timeout_reply: "(Se acabó el tiempo)", "(Time ran out)";
    speaker_you: "Tú", "You";
    speaker_narrator: "Narración", "Narrator";
    speaker_colleague: "Compañero", "Colleague";
    speaker_manager: "Responsable", "Manager";
    speaker_customer: "Cliente", "Customer";
    default_reflection_1: "¿Qué necesitaba el cliente que no llegó a decir?", "What did the customer need that they did not say?";
    default_reflection_2: "¿Qué promesa hiciste y cómo sabes que era lo que necesitaba?", "What did you promise, and how do you know it was what they needed?";
    default_reflection_3: "¿En qué momento sentiste la tentación de escudarte en la norma?", "When did you feel the pull to hide behind policy?";

    // ---- app shell ----------------------------------------------------------
    nav_library: "Escenarios", "Scenarios";
    nav_settings: "Ajustes", "Settings";
    library_practice: "Practicar", "Practice";
    library_assessment: "Evaluación", "Assessment";
    player_see_debrief: "Ver el repaso", "See the debrief";
    settings_title: "Ajustes", "Settings";
    settings_language: "Idioma", "Language";
    settings_theme: "Tema", "Theme";
    settings_theme_light: "Claro", "Light";
    settings_theme_dark: "Oscuro", "Dark";
    settings_text_size: "Tamaño del texto", "Text size";
    settings_trainee_name: "Tu nombre", "Your name";

    // ---- terminal play ----------------------------------------------------
    cli_choose: "Elige una respuesta (1-{max})", "Choose a reply (1-{max})";
    cli_choose_timed: "Elige una respuesta (1-{max}), o «t» si se te acabó el tiempo ({seconds} s)", "Choose a reply (1-{max}), or \"t\" if your time ran out ({seconds} s)";
    cli_invalid: "Escribe un número del 1 al {max}.", "Type a number from 1 to {max}.";
    cli_mood: "Estado de ánimo", "Mood";
    cli_feedback: "Comentario del formador", "Trainer's feedback";
    cli_debrief: "Repaso", "Debrief";
    cli_scores: "Puntuaciones", "Scores";
    cli_decisions: "Tus decisiones", "Your decisions";
    cli_better: "Una respuesta mejor", "A better reply";
    cli_promises: "Registro de promesas", "Promise ledger";
    cli_no_promises: "No hiciste ninguna promesa.", "You made no promises.";
    cli_explained: "De dónde sale cada punto", "Where every point comes from";
    cli_points: "{earned} de {available}", "{earned} of {available}";
    cli_reflect: "Para reflexionar", "To reflect on";
    cli_seed: "Semilla", "Seed";
    cli_input_ended: "La entrada terminó antes de acabar la conversación.", "Input ended before the conversation did.";

    // ---- trainer CLI: diagnostics, `momento check`, `momento analyze` -----
    diag_error: "error", "error";
    diag_warning: "aviso", "warning";
    diag_help: "ayuda", "help";
    diag_note: "nota", "note";
    cli_error: "error", "error";
    cli_not_a_scenario: "`{name}` no es un archivo ni el id de un escenario incluido", "`{name}` is neither a file nor the id of a built-in scenario";
    cli_not_a_scenario_help: "ejecuta `momento check` para ver la lista de escenarios incluidos", "run `momento check` to list the built-in scenarios";
    cli_has_errors: "`{path}` tiene errores y no se puede jugar; corrígelos y vuelve a intentarlo", "`{path}` has errors and cannot be played; fix them and try again";
    cli_not_playable: "el escenario tiene errores; ejecuta `momento check` para verlos", "the scenario has errors; run `momento check` to see them";
    check_ok: "ok", "ok";
    check_failed: "FALLÓ", "FAILED";
    check_no_files: "no se encontró ningún archivo de escenario (se buscaron archivos *.ron)", "no scenario files found (looked for *.ron)";
    check_summary: "{files}: {errors}, {warnings}", "{files}: {errors}, {warnings}";
    check_files_one: "1 archivo revisado", "checked 1 file";
    check_files_many: "{count} archivos revisados", "checked {count} files";
    check_errors_one: "1 error", "1 error";
    check_errors_many: "{count} errores", "{count} errors";
    check_warnings_one: "1 aviso", "1 warning";
    check_warnings_many: "{count} avisos", "{count} warnings";
    analyze_decision_nodes: "nodos de decisión", "decision nodes";
    analyze_endings_count: "finales", "endings";
    analyze_paths: "caminos", "paths";
    analyze_paths_value: "{paths} caminos completos de {shortest} a {longest} decisiones", "{paths} complete paths of {shortest} to {longest} decisions";
    analyze_exhaustive: "(se recorrieron todos los caminos)", "(every path walked)";
    analyze_cut_short: "(recorrido interrumpido: las cifras de abajo son un mínimo)", "(walk cut short: figures below are a lower bound)";
    analyze_range: "rango alcanzable (todos los caminos)", "achievable range (every path)";
    analyze_random_mean: "media jugando al azar {mean}", "random play averages {mean}";
    analyze_best_path: "mejor camino por equilibrio ({balance})", "best path by balance ({balance})";
    analyze_worst_path: "peor camino por equilibrio ({balance})", "worst path by balance ({balance})";
    analyze_path_ending: "final `{ending}` ({outcome})", "ending `{ending}` ({outcome})";
    analyze_endings: "finales ({runs} partidas al azar desde la semilla {seed})", "endings ({runs} random playthroughs from seed {seed})";
    analyze_never_reached: "NUNCA SE ALCANZA", "NEVER REACHED";
    analyze_not_reached_randomly: "no se alcanzó jugando al azar", "not reached by random play";
    analyze_unfinished: "{count} partidas no terminaron dentro del límite de pasos (¿un bucle?)", "{count} playthroughs did not end within the step limit (a loop?)";
    analyze_never_taken: "respuestas que ningún camino elige", "replies never taken by any path";
    analyze_none_never_taken: "ninguna: todas las respuestas están en algún camino", "none: every reply is on some path";
    analyze_node_hits: "visitas a cada nodo (juego al azar)", "node hits (random play)";
    analyze_tell_check: "comprobación de pistas", "tell check";
    analyze_length_correlation: "correlación longitud/puntuación", "length/score correlation";
    analyze_length_tell: "PISTA: la mejor respuesta suele ser la más larga (o la más corta); mantén |r| por debajo de 0.30", "TELL: the best reply tends to be the longest (or shortest); keep |r| below 0.30";
    analyze_length_ok: "ok (|r| por debajo de 0.30)", "ok (|r| below 0.30)";
    analyze_best_position: "posición de la mejor respuesta", "best reply position";
    analyze_position_tell: "PISTA: la mejor respuesta cae demasiadas veces en el mismo sitio; varía su posición", "TELL: the best reply sits in the same place too often; vary its position";
    analyze_position_ok: "ok", "ok";
}

/// Label of a dimension.
pub fn dimension(lang: Lang, dimension: crate::scenario::Dimension) -> &'static str {
    let t = lang.texts();
    match dimension {
        crate::scenario::Dimension::Empathy => t.dim_empathy,
        crate::scenario::Dimension::Promise => t.dim_promise,
        crate::scenario::Dimension::Care => t.dim_care,
    }
}

/// Plain-language help for a dimension.
pub fn dimension_help(lang: Lang, dimension: crate::scenario::Dimension) -> &'static str {
    let t = lang.texts();
    match dimension {
        crate::scenario::Dimension::Empathy => t.dim_empathy_help,
        crate::scenario::Dimension::Promise => t.dim_promise_help,
        crate::scenario::Dimension::Care => t.dim_care_help,
    }
}

/// Label of an outcome.
pub fn outcome(lang: Lang, outcome: crate::scenario::Outcome) -> &'static str {
    let t = lang.texts();
    match outcome {
        crate::scenario::Outcome::Kept => t.outcome_kept,
        crate::scenario::Outcome::Neutral => t.outcome_neutral,
        crate::scenario::Outcome::Lost => t.outcome_lost,
    }
}

/// One-sentence summary of an outcome.
pub fn outcome_sentence(lang: Lang, outcome: crate::scenario::Outcome, customer: &str) -> String {
    let t = lang.texts();
    let template = match outcome {
        crate::scenario::Outcome::Kept => t.outcome_sentence_kept,
        crate::scenario::Outcome::Neutral => t.outcome_sentence_neutral,
        crate::scenario::Outcome::Lost => t.outcome_sentence_lost,
    };
    fill(template, &[("customer", customer)])
}

/// Label of a mood level.
pub fn mood(lang: Lang, level: crate::engine::MoodLevel) -> &'static str {
    let t = lang.texts();
    match level {
        crate::engine::MoodLevel::Furious => t.mood_furious,
        crate::engine::MoodLevel::Upset => t.mood_upset,
        crate::engine::MoodLevel::Neutral => t.mood_neutral,
        crate::engine::MoodLevel::Pleased => t.mood_pleased,
        crate::engine::MoodLevel::Delighted => t.mood_delighted,
    }
}

/// Label of one of the four limits.
pub fn limit(lang: Lang, limit: crate::scenario::Limit) -> &'static str {
    let t = lang.texts();
    match limit {
        crate::scenario::Limit::CannotPhysically => t.limit_cannot_physically,
        crate::scenario::Limit::DontKnowHow => t.limit_dont_know_how,
        crate::scenario::Limit::NotAllowed => t.limit_not_allowed,
        crate::scenario::Limit::NoTools => t.limit_no_tools,
    }
}

/// Label of a promise status.
pub fn promise_status(lang: Lang, status: crate::engine::PromiseStatus) -> &'static str {
    let t = lang.texts();
    match status {
        crate::engine::PromiseStatus::NotMade => t.promise_not_made,
        crate::engine::PromiseStatus::Open => t.promise_open,
        crate::engine::PromiseStatus::Kept => t.promise_kept,
        crate::engine::PromiseStatus::Broken => t.promise_broken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        let pairs = all_pairs();
        assert!(pairs.len() > 50);
        for (key, es, en) in pairs {
            assert!(!es.trim().is_empty(), "`{key}` has no Spanish text");
            assert!(!en.trim().is_empty(), "`{key}` has no English text");
        }
    }

    #[test]
    fn templates_use_the_same_markers_in_both_languages() {
        for (key, es, en) in all_pairs() {
            let markers = |s: &str| {
                let mut found: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                    .collect();
                found.sort();
                found
            };
            assert_eq!(
                markers(es),
                markers(en),
                "`{key}` has different {{markers}}"
            );
        }
    }

    #[test]
    fn locale_codes_map_to_languages() {
        assert_eq!(Lang::from_code("es_MX.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr_FR"), None);
    }

    #[test]
    fn fill_replaces_markers() {
        assert_eq!(fill("{a} de {b}", &[("a", "1"), ("b", "2")]), "1 de 2");
    }
}
