//! The words of classroom mode (group votes, session plan, group debrief)
//! in Spanish and English, kept beside the main [`Texts`](super::Texts)
//! table so that table stays one screen per topic.

use crate::lang::Lang;

macro_rules! classroom_texts {
    ($($key:ident: $es:expr, $en:expr;)*) => {
        /// Classroom mode's user-facing strings in one language.
        #[allow(missing_docs)]
        #[derive(Debug)]
        pub struct ClassroomTexts {
            $(pub $key: &'static str,)*
        }

        /// Spanish.
        pub static ES: ClassroomTexts = ClassroomTexts { $($key: $es,)* };
        /// English.
        pub static EN: ClassroomTexts = ClassroomTexts { $($key: $en,)* };

        /// Every key with both translations, for tests.
        pub fn all_pairs() -> Vec<(&'static str, &'static str, &'static str)> {
            vec![$((stringify!($key), $es, $en),)*]
        }
    };
}

/// The classroom texts in `lang`.
pub fn texts(lang: Lang) -> &'static ClassroomTexts {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
    }
}

classroom_texts! {
    mode: "Aula", "Classroom";
    library_button: "Aula", "Classroom";
    library_help: "Jugarlo con un grupo en el proyector: la sala vota en cada decisión", "Play it with a group on the projector: the room votes at each decision";
    setup_title: "Sesión de aula", "Classroom session";
    setup_intro: "Juega los escenarios con el grupo en el proyector. En cada decisión la sala vota a mano alzada; tú cuentas los votos y la conversación sigue la respuesta de la mayoría, o la que elijas para debatirla. Nadie ve puntuaciones hasta el final.", "Play the scenarios with the group on the projector. At each decision the room votes by show of hands; you count the votes and the conversation follows the majority's reply, or the one you pick to discuss it. Nobody sees scores until the end.";
    group_name: "Nombre del grupo", "Group name";
    group_default: "Grupo", "Group";
    timer_label: "Temporizador", "Timer";
    timer_off: "Apagado", "Off";
    timer_factor: "Tiempo de debate: límite del escenario × {factor}", "Discussion time: the scenario's limit × {factor}";
    plan_title: "Plan de la sesión", "Session plan";
    plan_add_label: "Añadir escenario", "Add a scenario";
    plan_add: "Añadir", "Add";
    plan_remove: "Quitar {title}", "Remove {title}";
    plan_up: "Subir {title}", "Move {title} up";
    plan_down: "Bajar {title}", "Move {title} down";
    plan_minutes: "{minutes} min + {discussion} min de debate", "{minutes} min + {discussion} min discussion";
    plan_total: "Tiempo total: {total} min ({play} de juego + {discussion} de debate)", "Total time: {total} min ({play} playing + {discussion} discussion)";
    plan_save: "Guardar plan", "Save plan";
    plan_open: "Abrir plan guardado", "Open saved plan";
    plan_saved: "Plan guardado en {path}", "Plan saved in {path}";
    plan_opened: "Plan abierto: {path}", "Plan opened: {path}";
    plan_error: "No se pudo usar el plan: {error}", "Could not use the plan: {error}";
    plan_missing: "No está en la biblioteca: {id} ({lang})", "Not in the library: {id} ({lang})";
    plan_empty: "El plan está vacío: añade al menos un escenario.", "The plan is empty: add at least one scenario.";
    start: "Empezar la sesión", "Start the session";
    scenario_of: "Escenario {number} de {total}", "Scenario {number} of {total}";
    decision_number: "Decisión {number}", "Decision {number}";
    vote_title: "¿Qué le respondéis?", "What do you answer?";
    vote_hint: "Pulsa el número de una respuesta una vez por cada mano levantada, o usa - y +; o marca la mayoría sin contar.", "Press a reply's number once per raised hand, or use - and +; or just mark the majority without counting.";
    votes_of: "Votos para la respuesta {number}", "Votes for reply {number}";
    minus: "Quitar un voto a la respuesta {number}", "Remove a vote from reply {number}";
    plus: "Añadir un voto a la respuesta {number}", "Add a vote to reply {number}";
    mark_majority: "Mayoría", "Majority";
    mark_majority_label: "Marcar la respuesta {number} como la de la mayoría", "Mark reply {number} as the majority's";
    follow: "Seguir", "Follow";
    follow_label: "Seguir la respuesta {number}", "Follow reply {number}";
    following_majority: "La conversación seguirá a la mayoría: respuesta {number}.", "The conversation will follow the majority: reply {number}.";
    following_chosen: "La conversación seguirá la respuesta {number}, elegida por ti para debatirla.", "The conversation will follow reply {number}, which you picked to discuss it.";
    following_none: "Cuenta los votos o marca la mayoría para seguir.", "Count the votes or mark the majority to go on.";
    hands: "{count} manos", "{count} hands";
    reveal: "Ver el resultado", "Show the result";
    play_timeout: "Jugar el silencio: se acaba el tiempo", "Play the silence: time runs out";
    timer_running: "Tiempo de debate: {time}", "Discussion time: {time}";
    timer_paused: "Tiempo en pausa durante la votación ({time})", "Timer paused for the vote ({time})";
    timer_up: "Se acabó el tiempo de debate", "Discussion time is up";
    timer_resume: "Reanudar el tiempo", "Resume the timer";
    timer_pause: "Pausar el tiempo", "Pause the timer";
    reveal_title: "Lo que eligió la sala", "What the room chose";
    share: "{percent}% de la sala ({votes})", "{percent}% of the room ({votes})";
    share_marked: "la mayoría (sin contar)", "the majority (not counted)";
    best_reply: "La mejor respuesta", "The best reply";
    followed: "La conversación siguió esta", "The conversation followed this one";
    timed_out_followed: "Se dejó pasar el tiempo a propósito: {text}", "Time was let run out on purpose: {text}";
    discussion: "Para debatir", "To discuss";
    continue_label: "Continuar", "Continue";
    press_enter: "o pulsa Intro", "or press Enter";
    conversation_over: "Fin de la conversación.", "End of the conversation.";
    see_debrief: "Ver el balance del grupo", "See the group debrief";
    debrief_title: "Balance del grupo «{group}»", "Group debrief: {group}";
    path_title: "El camino del grupo", "The group's path";
    path_row: "{number}. La sala votó {votes}; la conversación siguió «{followed}».", "{number}. The room voted {votes}; the conversation followed “{followed}”.";
    path_best: "Mejor respuesta: «{best}» ({percent}% de la sala).", "Best reply: “{best}” ({percent}% of the room).";
    path_best_taken: "El grupo siguió la mejor respuesta.", "The group followed the best reply.";
    scores_title: "Puntuaciones del camino que siguió el grupo", "Scores of the path the group took";
    promises_title: "Registro de promesas", "Promise ledger";
    no_promises: "En este camino no se hizo ninguna promesa.", "No promise was made on this path.";
    questions_title: "Preguntas para el debate", "Discussion questions";
    no_questions: "Este escenario no trae preguntas de debate.", "This scenario has no discussion questions.";
    next_scenario: "Siguiente: {title}", "Next: {title}";
    finish: "Terminar la sesión", "End the session";
    leave: "Salir", "Leave";
    saved_as: "Guardado como intento del grupo «{group}».", "Saved as the group attempt of “{group}”.";
    not_saved: "No hay carpeta de intentos: esta sesión no se guarda.", "There is no attempts folder: this session is not saved.";
    save_failed: "No se pudo guardar la sesión: {error}", "Could not save the session: {error}";
    report_groups: "Sesiones de aula (grupos)", "Classroom sessions (groups)";
    report_groups_help: "Intentos de grupo: se cuentan aparte de los intentos individuales.", "Group attempts: counted apart from individual attempts.";
    report_group_summary: "{count} sesiones de aula", "{count} classroom sessions";
    report_voters: "{count} votos como máximo en una decisión", "at most {count} votes at one decision";
    report_no_votes: "sin votos contados", "no votes counted";
    cli_groups: "Sesiones de aula, aparte ({count}):", "Classroom sessions, counted apart ({count}):";
    cli_followed: "seguida", "followed";
    cli_majority: "mayoría", "majority";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_the_same_markers() {
        let markers = |s: &str| {
            let mut found: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            found.sort();
            found
        };
        for (key, es, en) in all_pairs() {
            assert!(!es.trim().is_empty(), "`{key}` has no Spanish text");
            assert!(!en.trim().is_empty(), "`{key}` has no English text");
            assert_eq!(markers(es), markers(en), "`{key}` has different markers");
        }
    }
}
