//! The handouts' own words, in Spanish and English, declared side by side
//! like the app's `Texts` table (a key missing a language does not
//! compile). Kept here rather than in `i18n.rs` because only the handouts,
//! their command and their two buttons use them; the words the app already
//! has (dimensions, outcomes, moods, promise states) come from there.

use crate::lang::Lang;

macro_rules! handout_texts {
    ($($key:ident: $es:expr, $en:expr;)*) => {
        /// The handouts' words in one language.
        #[allow(missing_docs)]
        #[derive(Debug)]
        pub struct HandoutTexts {
            $(pub $key: &'static str,)*
        }

        static ES: HandoutTexts = HandoutTexts { $($key: $es,)* };
        static EN: HandoutTexts = HandoutTexts { $($key: $en,)* };

        /// Every key with both translations, for tests.
        pub fn all_pairs() -> Vec<(&'static str, &'static str, &'static str)> {
            vec![$((stringify!($key), $es, $en),)*]
        }
    };
}

/// The handouts' words in `lang`.
pub fn texts(lang: Lang) -> &'static HandoutTexts {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
    }
}

handout_texts! {
    page: "Página {page} de {total}", "Page {page} of {total}";
    cut: "El documento se cortó aquí: era demasiado largo para imprimirlo entero.", "The document was cut here: it was too long to print in full.";
    footer: "Momento · {title}", "Momento · {title}";
    quoted: "«{text}»", "“{text}”";
    // ---- facilitator sheet ---------------------------------------------------
    facilitator_title: "Hoja del formador", "Facilitator sheet";
    facilitator_meta: "{setting} · {difficulty} · {minutes} min · versión {version}", "{setting} · {difficulty} · {minutes} min · version {version}";
    seed_idea: "La idea de partida", "The seed idea";
    learning_goals: "Objetivos de aprendizaje", "Learning goals";
    customer: "El cliente", "The customer";
    customer_names: "Nombres posibles", "Possible names";
    business_goals: "Lo que necesita su negocio", "What their business needs";
    personal_goals: "Lo que necesita como persona", "What they need as a person";
    trainer_notes: "Notas para el formador", "Trainer notes";
    decision_map: "Mapa de decisiones", "Map of decisions";
    decision_map_help: "Cada momento de decisión en el orden de la conversación. Puntos por respuesta: empatía / promesas / cuidar, no «educar». ✓ marca la mejor respuesta; «educar» marca la tentación clásica de escudarse en la norma.", "Every decision in the order of the conversation. Points per reply: empathy / promise-keeping / care, not \"educate\". ✓ marks the best reply; \"educating\" marks the classic temptation of hiding behind policy.";
    decision_heading: "{number}. {node}", "{number}. {node}";
    col_reply: "Respuesta", "Reply";
    col_points: "E / P / C", "E / P / C";
    col_note: "Nota", "Note";
    best: "✓ mejor", "✓ best";
    educating: "«educar»", "\"educating\"";
    timeout_reply: "Sin respuesta en {seconds} s: {reply}", "No reply within {seconds} s: {reply}";
    timeout_note: "tiempo agotado", "time out";
    temptations: "Las tentaciones clásicas", "The classic temptations";
    temptations_none: "Ninguna respuesta de este escenario se escuda en la norma.", "No reply in this scenario hides behind policy.";
    endings: "Finales", "Endings";
    discussion_questions: "Preguntas para el debate", "Discussion questions";
    reflection_prompts: "Preguntas para la reflexión", "Reflection prompts";
    none_written: "(el escenario no las incluye)", "(the scenario has none)";
    trainee_placeholder: "[participante]", "[trainee]";
    // ---- trainee debrief ------------------------------------------------------
    debrief_title: "Repaso del intento", "Attempt debrief";
    debrief_meta: "{trainee} · {date} · {mode} · {customer}", "{trainee} · {date} · {mode} · {customer}";
    no_name: "(sin nombre)", "(no name)";
    abandoned: "Intento sin terminar: {made} decisiones tomadas. Sin final no hay puntuación definitiva.", "Unfinished attempt: {made} decisions made. Without an ending the scores are not final.";
    lesson: "La lección", "The lesson";
    not_assessed: "no evaluada: no había nada en juego", "not assessed: nothing was at stake";
    mood_chart: "El ánimo del cliente", "The customer's mood";
    chart_x: "Decisión (0 = al empezar)", "Decision (0 = at the start)";
    your_reply: "Respuesta", "Reply";
    timed_out: "Se acabó el tiempo", "Time ran out";
    points_line: "Puntos: {points} · ánimo {from} → {to}", "Points: {points} · mood {from} → {to}";
    better: "Una respuesta mejor", "A better reply";
    promise_col: "Promesa", "Promise";
    status_col: "Estado", "Status";
    confirmed_col: "Confirmada", "Confirmed";
    yes: "sí", "yes";
    no: "no", "no";
    not_confirmable: "no aplica", "n/a";
    no_answer: "(sin respuesta)", "(no answer)";
    replay_note: "El escenario cambió desde este intento o no está disponible: este repaso muestra lo que se guardó, sin «una respuesta mejor» ni la lección.", "The scenario changed since this attempt or is not available: this debrief shows what was saved, without \"a better reply\" or the lesson.";
    // ---- group debrief --------------------------------------------------------
    group_title: "Repaso del grupo", "Group debrief";
    group_meta: "{group} · {date} · {customer}", "{group} · {date} · {customer}";
    votes_heading: "Lo que votó la sala", "How the room voted";
    votes_help: "Por decisión: los votos de cada respuesta y su parte del total. ✓ marca la mejor respuesta; → la que siguió el grupo.", "Per decision: the votes for each reply and its share of the total. ✓ marks the best reply; → the one the group followed.";
    col_votes: "Votos", "Votes";
    col_share: "Parte", "Share";
    followed: "→ seguida", "→ followed";
    votes_total: "{count} votos en total", "{count} votes in all";
    no_votes: "No se registraron votos en esta decisión.", "No votes were recorded at this decision.";
    group_path: "El camino del grupo", "The group's path";
    // ---- command line and buttons -----------------------------------------------
    cli_wrote: "se escribió {file} ({pages})", "wrote {file} ({pages})";
    cli_page_one: "1 página", "1 page";
    cli_page_many: "{count} páginas", "{count} pages";
    cli_not_pdf: "{file} ya existe y no es un PDF: no se sobrescribe; elige otro nombre con --out", "{file} already exists and is not a PDF: it is not overwritten; choose another name with --out";
    cli_same_file: "--out no puede ser el propio archivo de intento", "--out cannot be the attempt file itself";
    cli_cannot_read: "no se puede leer el intento {file}: {error}", "cannot read the attempt {file}: {error}";
    cli_cannot_write: "no se pudo escribir {file}: {error}", "could not write {file}: {error}";
    cli_cannot_make: "no se pudo crear el PDF: {error}", "could not make the PDF: {error}";
    gui_save_pdf: "Guardar como PDF", "Save as PDF";
    gui_facilitator_pdf: "Hoja del formador (PDF)", "Facilitator sheet (PDF)";
    gui_saved: "PDF guardado: {path}", "PDF saved: {path}";
    gui_open_folder: "Abrir carpeta", "Open folder";
    gui_save_failed: "No se pudo guardar el PDF: {error}", "Could not save the PDF: {error}";
    gui_no_folder: "no se encontró la carpeta de documentos ni la personal", "no documents or home folder was found";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_markers() {
        for (key, es, en) in all_pairs() {
            assert!(!es.trim().is_empty() && !en.trim().is_empty(), "{key}");
            let markers = |text: &str| {
                let mut found: Vec<String> = text
                    .split('{')
                    .skip(1)
                    .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
                    .collect();
                found.sort();
                found
            };
            assert_eq!(markers(es), markers(en), "{key}");
        }
    }
}
