//! Every user-facing string of the app, in Spanish and English.
//!
//! The `texts!` table declares each key with both translations side by
//! side, so a key missing a language does not compile; a test also checks
//! that no translation is empty. Templates use `{name}` markers filled by
//! [`fill`].

pub use crate::lang::Lang;

impl Lang {
    /// The texts in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Es => &ES,
            Lang::En => &EN,
        }
    }
}

/// "1 error" or "N errors": `one` as it is for one, else `many` with its
/// `{count}` filled.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        fill(many, &[("count", &n.to_string())])
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
    balance_help: "Media geométrica de las dimensiones evaluadas: una dimensión floja pesa más que en una media normal.", "Geometric mean of the assessed dimensions: one weak dimension costs more than in a plain average.";
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
    mood_furious_f: "Furiosa", "Furious";
    mood_upset_f: "Molesta", "Upset";
    mood_pleased_f: "Satisfecha", "Pleased";
    mood_delighted_f: "Encantada", "Delighted";
    limit_cannot_physically: "no se puede físicamente", "physically impossible";
    limit_dont_know_how: "no se sabe cómo", "don't know how";
    limit_not_allowed: "no está permitido", "not allowed";
    limit_no_tools: "faltan herramientas o sistemas", "no tools or systems";
    promise_open: "abierta", "open";
    promise_kept: "cumplida", "kept";
    promise_broken: "incumplida", "broken";
    promise_retracted: "retirada con honestidad", "honestly taken back";
    promise_not_made: "no hecha", "not made";
    promise_confirmed: "confirmada con el cliente", "confirmed with the customer";
    promise_not_confirmed: "sin confirmar con el cliente", "not confirmed with the customer";
    why_template: "Por qué este final: el ánimo de {customer} terminó en {mood} ({level}); {promises}; {shields}.", "Why this ending: {customer}'s mood ended at {mood} ({level}); {promises}; {shields}.";
    why_no_promises: "no hiciste promesas", "you made no promises";
    why_promises: "hiciste {made}{unrealistic}, cumpliste {kept} y confirmaste {confirmed}", "you made {made}{unrealistic}, kept {kept} and confirmed {confirmed}";
    why_promise_one: "1 promesa", "1 promise";
    why_promise_many: "{count} promesas", "{count} promises";
    why_unrealistic: " ({count} fuera de tus posibilidades)", " ({count} beyond your possibilities)";
    why_shields: "{count} de tus {total} respuestas antepusieron la norma o la comodidad al cliente", "{count} of your {total} replies put policy or comfort before the customer";
    why_one_shield: "1 de tus {total} respuestas antepuso la norma o la comodidad al cliente", "1 of your {total} replies put policy or comfort before the customer";
    why_no_shields: "ninguna de tus {total} respuestas se escudó en la norma", "none of your {total} replies hid behind policy";
    disagree_kept: "El final y tus puntuaciones no coinciden: {customer} se queda, pero tu equilibrio es {balance}. Un cliente conservado así lo fue por suerte o por complacer, no por cuidar.", "The ending and your scores disagree: {customer} stays, but your balance is {balance}. A customer kept this way was kept by luck or by pleasing, not by care.";
    disagree_lost: "El final y tus puntuaciones no coinciden: tu conducta puntúa {balance} y aun así {customer} se fue. A veces hacer lo correcto no basta; la lección explica qué más pesó.", "The ending and your scores disagree: your conduct scores {balance}, and still {customer} left. Sometimes doing the right thing is not enough; the lesson explains what else weighed.";
    debrief_unfinished: "Intento sin terminar: {made} de al menos {total} decisiones. Sin final no hay puntuación.", "Unfinished attempt: {made} of at least {total} decisions. Without an ending there is no score.";
    cause_reply: "Tu respuesta: {reply}", "Your reply: {reply}";
    cause_timeout: "Se acabó el tiempo en «{node}»", "Time ran out at \"{node}\"";
    cause_unrealistic: "Promesa poco realista «{promise}» ({limit})", "Unrealistic promise \"{promise}\" ({limit})";
    cause_kept: "Promesa cumplida «{promise}»", "Promise kept \"{promise}\"";
    cause_broken: "Promesa incumplida «{promise}»", "Promise broken \"{promise}\"";
    cause_broken_at_end: "Promesa abierta al final, cuenta como incumplida «{promise}»", "Promise still open at the end, counts as broken \"{promise}\"";
    cause_confirmed: "Confirmaste con el cliente «{promise}»", "Confirmed with the customer \"{promise}\"";
    cause_not_confirmed: "No confirmaste con el cliente «{promise}»", "Did not confirm with the customer \"{promise}\"";
    cause_retracted: "Retiraste la promesa con honestidad antes de fallar: «{promise}» (media puntuación)", "You honestly took the promise back before failing it: \"{promise}\" (half credit)";
    cause_kept_by_luck: "La promesa poco realista salió bien por suerte: «{promise}» (la suerte no puntúa)", "The unrealistic promise came true by luck: \"{promise}\" (luck earns nothing)";
    cause_beyond_furious: "El cliente ya estaba furioso y esta respuesta lo empeoró aún más ({excess} puntos por debajo de 0): {reply}", "The customer was already furious and this reply made it worse still ({excess} points below 0): {reply}";
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

    // ---- desktop app: library, player, debrief, settings --------
    gui_hello: "Hola, {name}", "Hello, {name}";
    gui_library_subtitle: "Elige un momento de la verdad para practicar.", "Choose a moment of truth to practise.";
    gui_filter_language: "Idioma:", "Language:";
    gui_filter_all_languages: "Todos los idiomas", "All languages";
    gui_filter_tag: "Tema:", "Topic:";
    gui_filter_all_tags: "Todos los temas", "All topics";
    gui_filter_clear: "Quitar el filtro", "Clear the filter";
    gui_library_empty: "Ningún escenario coincide con los filtros.", "No scenario matches the filters.";
    gui_library_errors: "Escenarios con errores", "Scenarios with errors";
    gui_library_errors_help: "No se pueden jugar hasta corregirlos: abre el archivo en la línea y columna indicadas, corrige y vuelve a cargar (Ajustes › Carpeta de escenarios › Cargar).", "They cannot be played until fixed: open the file at the line and column shown, fix it, and load it again (Settings › Scenarios folder › Load).";
    gui_library_drop_hint: "Consejo: arrastra un archivo .ron a esta ventana para probar un escenario.", "Tip: drop a .ron file on this window to try a scenario.";
    gui_cannot_play: "No se puede jugar: corrige estos errores.", "Cannot be played: fix these errors.";
    gui_difficulty_beginner: "Inicial", "Beginner";
    gui_difficulty_intermediate: "Intermedio", "Intermediate";
    gui_difficulty_advanced: "Avanzado", "Advanced";
    gui_minutes: "{minutes} min", "{minutes} min";
    gui_best_result: "Tu mejor resultado:", "Your best:";
    gui_best_scores: "empatía {empathy} · promesas {promise} · cuidado {care} · equilibrio {balance}", "empathy {empathy} · promises {promise} · care {care} · balance {balance}";
    gui_not_played: "Aún no lo has jugado.", "Not played yet.";
    gui_start_label: "{mode}: {title}", "{mode}: {title}";
    gui_practice_help: "Con el comentario del formador después de cada respuesta, y puedes deshacer.", "With the trainer's feedback after each reply, and you can undo.";
    gui_assessment_help: "Sin ayuda ni deshacer: los comentarios llegan en el repaso final.", "No help and no undo: the feedback comes in the final debrief.";
    gui_opened_file: "Archivo abierto: {file}", "Opened file: {file}";
    gui_play_it_now: "¿Jugarlo ahora?", "Play it now?";
    gui_dropped: "archivo abierto", "opened file";
    gui_opened_invalid: "Este archivo tiene errores y no se puede jugar:", "This file has errors and cannot be played:";
    gui_not_a_scenario: "Solo se pueden abrir escenarios .ron; no {file}", "Only .ron scenario files can be opened, not {file}";
    gui_dismiss: "Cerrar", "Dismiss";
    gui_mode_practice: "Práctica", "Practice";
    gui_mode_assessment: "Evaluación", "Assessment";
    gui_decision_number: "Decisión {number}", "Decision {number}";
    gui_portrait: "Retrato de {customer}: {mood}", "Portrait of {customer}: {mood}";
    gui_mood: "Ánimo", "Mood";
    gui_mood_bar: "Ánimo: {mood}, {value} de 100", "Mood: {mood}, {value} of 100";
    gui_player_keys: "Teclado: 1–9 responder · Intro continuar · Esc salir", "Keys: 1–9 reply · Enter continue · Esc quit";
    gui_quit: "Salir", "Quit";
    gui_quit_title: "¿Salir de esta conversación?", "Leave this conversation?";
    gui_quit_body: "Este intento quedará sin terminar y no tendrá repaso.", "This attempt stays unfinished and gets no debrief.";
    gui_quit_confirm: "Sí, salir", "Yes, leave";
    gui_quit_cancel: "Seguir jugando", "Keep playing";
    gui_quit_keys: "Intro: salir · Esc: seguir jugando", "Enter: leave · Esc: keep playing";
    gui_conversation_over: "La conversación ha terminado.", "The conversation is over.";
    gui_press_enter: "o pulsa Intro", "or press Enter";
    gui_time_left: "Te quedan {seconds} s para responder", "{seconds} s left to reply";
    gui_choose_hint: "Elige tu respuesta: haz clic o pulsa 1–{max}.", "Choose your reply: click it or press 1–{max}.";
    gui_feedback_title: "Comentario del formador", "Trainer's feedback";
    gui_what_moved: "Qué cambió:", "What moved:";
    gui_points_chip: "{dimension}: {earned} de {available}", "{dimension}: {earned} of {available}";
    gui_points_lost: "(−{lost})", "(−{lost})";
    gui_nothing_at_stake: "nada en juego aquí", "nothing at stake here";
    gui_mood_chip: "Ánimo {change} (de {before} a {after})", "Mood {change} (from {before} to {after})";
    gui_promise_made: "promesa hecha: «{promise}»", "promise made: \"{promise}\"";
    gui_promise_unrealistic: "promesa poco realista: «{promise}» ({limit})", "unrealistic promise: \"{promise}\" ({limit})";
    gui_promise_kept: "promesa cumplida: «{promise}»", "promise kept: \"{promise}\"";
    gui_promise_broken: "promesa incumplida: «{promise}»", "promise broken: \"{promise}\"";
    gui_promise_confirmed: "confirmada con el cliente: «{promise}»", "confirmed with the customer: \"{promise}\"";
    gui_undo: "Deshacer — probar otra respuesta", "Undo — try another reply";
    gui_continue: "Continuar", "Continue";
    gui_not_finished: "La conversación no terminó.", "The conversation did not finish.";
    gui_lesson: "La lección", "The lesson";
    gui_scores: "Tus puntuaciones", "Your scores";
    gui_score_label: "{label}: {score} de 100", "{label}: {score} of 100";
    gui_score_not_assessed: "{label}: no evaluada (no había nada en juego)", "{label}: not assessed (nothing was at stake)";
    gui_mood_chart: "El ánimo de {customer}, decisión a decisión", "{customer}'s mood, decision by decision";
    gui_mood_chart_label: "Gráfico del ánimo del cliente: {values}", "Chart of the customer's mood: {values}";
    gui_decision_axis: "Decisión", "Decision";
    gui_chart_start: "Inicio", "Start";
    gui_no_decisions: "No llegaste a tomar ninguna decisión.", "You made no decisions.";
    gui_you_replied: "Respondiste:", "You replied:";
    gui_seconds_taken: "{seconds} s", "{seconds} s";
    gui_promise_column: "Promesa", "Promise";
    gui_status_column: "Estado", "Status";
    gui_confirmed_column: "Confirmación", "Confirmation";
    gui_limit_column: "¿Realista?", "Realistic?";
    gui_realistic: "sí", "yes";
    gui_limit_ignored: "no: {limit}", "no: {limit}";
    gui_reflect_help: "Escribe unas líneas para ti (o para comentarlas con tu formador).", "Write a few lines for yourself (or to discuss with your trainer).";
    gui_reflect_hint: "Tu respuesta…", "Your answer…";
    gui_again_same: "Jugar otra vez (misma conversación)", "Play again (same conversation)";
    gui_again_same_help: "La misma semilla: el mismo cliente, el mismo orden de respuestas y los mismos imprevistos.", "The same seed: the same customer, order of replies and chance events.";
    gui_again_new: "Jugar otra vez (nueva variante)", "Play again (new variation)";
    gui_again_new_help: "Una semilla nueva: otro nombre, otro orden y otros imprevistos.", "A new seed: another name, order and chance events.";
    gui_back_to_library: "Volver a los escenarios", "Back to the scenarios";
    gui_settings_saved: "Los ajustes se guardan solos.", "Settings are saved automatically.";
    gui_text_size_help: "Agranda toda la interfaz, por ejemplo para un proyector.", "Scales the whole interface, e.g. for a projector.";
    gui_trainee_hint: "Tu nombre", "Your name";
    gui_trainee_help: "Aparece en la conversación y en tus intentos.", "Shown in the conversation and in your attempts.";
    gui_folder: "Carpeta de escenarios", "Scenarios folder";
    gui_folder_hint: "/ruta/a/mis-escenarios", "/path/to/my-scenarios";
    gui_folder_load: "Cargar", "Load";
    gui_folder_remove: "Quitar", "Remove";
    gui_folder_missing: "Esta carpeta no existe.", "This folder does not exist.";
    gui_folder_loaded: "Archivos de esta carpeta en la biblioteca: {count}", "Files from this folder in the library: {count}";
    gui_folder_help: "Tus propios escenarios (.ron) se añaden a los incluidos. Pulsa Cargar de nuevo tras editar un archivo.", "Your own scenarios (.ron) are added to the built-in ones. Press Load again after editing a file.";
    gui_folder_command_line: "También cargada desde la línea de órdenes: {path}", "Also loaded from the command line: {path}";

    // ---- trainer's workbench --------------------------------------
    nav_workbench: "Banco de trabajo", "Workbench";
    library_workbench: "Banco de trabajo", "Workbench";
    gui_workbench_help: "Ver el escenario como un grafo con sus problemas, y jugarlo desde cualquier punto", "See the scenario as a graph with its problems, and play it from any point";
    wb_title: "Banco de trabajo: {title}", "Workbench: {title}";
    wb_fit: "Encajar en la ventana", "Fit to window";
    wb_auto_layout: "Disposición automática", "Automatic layout";
    wb_overlay: "Análisis sobre el grafo", "Analyzer overlay";
    wb_play_start: "Jugar desde el inicio", "Play from the start";
    wb_close: "Cerrar", "Close";
    wb_live: "En vivo: se recarga al guardar", "Live: reloads on save";
    wb_not_watched_builtin: "Escenario incorporado: ábrelo con «momento workbench ARCHIVO» para editarlo en vivo", "Built-in scenario: open it with \"momento workbench FILE\" to edit it live";
    wb_watch_failed: "Sin recarga en vivo: {error}", "No live reload: {error}";
    wb_reloaded: "Recargado {count} veces", "Reloaded {count} times";
    wb_stale: "El último guardado no se puede leer: se muestra la última versión buena, desactualizada", "The last save cannot be read: showing the last good version, stale";
    wb_stale_badge: "DESACTUALIZADO", "STALE";
    wb_no_graph: "El archivo aún no se puede leer. Corrige los errores de la izquierda y guarda.", "The file cannot be read yet. Fix the errors on the left and save.";
    wb_sidecar_warning: "Posiciones guardadas ignoradas: {error}", "Saved positions ignored: {error}";
    wb_sidecar_save_failed: "No se pudieron guardar las posiciones: {error}", "Could not save the positions: {error}";
    wb_positions_session_only: "Las posiciones de un escenario incorporado no se guardan al cerrar.", "Positions in a built-in scenario are not saved when you close it.";
    wb_problems: "Problemas", "Problems";
    wb_no_problems: "Sin errores ni advertencias.", "No errors or warnings.";
    wb_counts: "{errors}, {warnings}", "{errors}, {warnings}";
    wb_legend: "Leyenda", "Legend";
    wb_legend_caring: "Respuesta que cuida", "Caring reply";
    wb_legend_neutral: "Respuesta neutra", "Neutral reply";
    wb_legend_educating: "Cede a «educar al cliente»", "Yields to \"educating the customer\"";
    wb_legend_conditional: "Trazo discontinuo: ruta condicional (si / si no)", "Dashed: conditional route (if / otherwise)";
    wb_legend_random: "Puntos: ruta al azar, con su peso", "Dotted: random route, with its weight";
    wb_legend_timeout: "T: se acabó el tiempo", "T: the time ran out";
    wb_legend_gated: "Número hueco: respuesta que solo se ofrece con una condición", "Hollow number: a reply offered only on a condition";
    wb_legend_loop: "Curva por debajo: bucle que vuelve atrás", "Curve underneath: a loop going back";
    wb_legend_educating_rule: "Naranja cuando su `care` es negativo, o cuando es la que menos cuida de las respuestas del nodo (otra tiene más `care`) y empatía + promesa + cuidado suman 0 o menos. Verde: el resto con suma positiva; gris: suma 0 o menos.", "Orange when its `care` is negative, or when it is the least caring reply of the node (another has more `care`) and empathy + promise + care add up to 0 or less. Green: the rest with a positive sum; grey: a sum of 0 or less.";
    wb_legend_wheel: "Rueda del ratón: acercar o alejar donde está el puntero · arrastrar el fondo: desplazar", "Mouse wheel: zoom in or out at the pointer · drag the background: pan";
    wb_route_if: "si", "if";
    wb_route_otherwise: "si no", "otherwise";
    wb_node_a11y: "Nodo {id}", "Node {id}";
    wb_tab_node: "Nodo", "Node";
    wb_tab_play: "Jugar", "Play";
    wb_decision: "Decisión", "Decision";
    wb_ending: "Final", "Ending";
    wb_start_node: "Inicio", "Start";
    wb_select_hint: "Haz clic en un nodo para ver su texto, sus respuestas y sus problemas.", "Click a node to see its text, its replies and its problems.";
    wb_on_entry: "Al llegar", "On arrival";
    wb_mood_change: "ánimo {delta}", "mood {delta}";
    wb_replies: "Respuestas", "Replies";
    wb_timeout: "Si se acaba el tiempo ({seconds} s)", "If time runs out ({seconds} s)";
    wb_when: "Solo si", "Only when";
    wb_flags_set: "Marcas", "Flags set";
    wb_effect_caring: "cuida", "caring";
    wb_effect_neutral: "neutra", "neutral";
    wb_effect_educating: "cede a «educar»", "yields to \"educating\"";
    wb_lesson: "Lección de este final", "Lesson of this ending";
    wb_node_problems: "Problemas de este nodo", "Problems in this node";
    wb_play_here: "Jugar desde aquí", "Play from here";
    wb_play_needs_valid: "Corrige los errores para poder jugar.", "Fix the errors to play.";
    wb_hits: "Visitas en {runs} partidas al azar: {hits}", "Visits in {runs} random playthroughs: {hits}";
    wb_promise_make: "Promete «{text}» ({id})", "Promises \"{text}\" ({id})";
    wb_unrealistic: "poco realista: {limit}", "unrealistic: {limit}";
    wb_promise_keep: "Cumple «{text}» ({id})", "Keeps \"{text}\" ({id})";
    wb_promise_break: "Incumple «{text}» ({id})", "Breaks \"{text}\" ({id})";
    wb_promise_confirm: "Confirma «{text}» con el cliente ({id})", "Confirms \"{text}\" with the customer ({id})";
    wb_promise_retract: "Retira «{text}» con honestidad ({id})", "Honestly takes back \"{text}\" ({id})";
    wb_play_hint: "Elige un nodo y pulsa «Jugar desde aquí», o «Jugar desde el inicio».", "Pick a node and press \"Play from here\", or \"Play from the start\".";
    wb_start_state_of: "Empezar en «{node}» con este estado", "Start at \"{node}\" in this state";
    wb_start_mood: "Ánimo inicial", "Starting mood";
    wb_start_flags: "Marcas ya puestas", "Flags already set";
    wb_start_promises: "Promesas hechas y abiertas", "Promises made and still open";
    wb_start: "Empezar aquí", "Start here";
    wb_cancel: "Cancelar", "Cancel";
    wb_none: "ninguna", "none";
    wb_playing_from: "Jugando desde «{node}»", "Playing from \"{node}\"";
    wb_playing_start: "Jugando desde el inicio", "Playing from the start";
    wb_restart: "Reiniciar", "Restart";
    wb_undo: "Deshacer", "Undo";
    wb_stop: "Dejar de jugar", "Stop playing";
    wb_changed_while_playing: "El archivo cambió: reinicia para jugar la versión nueva.", "The file changed: restart to play the new version.";
    wb_state_watch: "Estado del motor", "State watch";
    wb_watch_mood: "Ánimo", "Mood";
    wb_watch_flags: "Marcas", "Flags";
    wb_watch_ledger: "Promesas", "Promises";
    wb_let_time_run_out: "Dejar que se acabe el tiempo", "Let the time run out";
    wb_finished: "Final: {outcome}", "Ending: {outcome}";
    wb_analysis: "Análisis", "Analysis";
    wb_analysing: "Analizando…", "Analysing…";
    wb_analysis_failed: "No se pudo analizar: {error}", "The analysis failed: {error}";
    wb_runs: "{runs} partidas al azar y todos los caminos", "{runs} random playthroughs and every path";
    wb_not_exhaustive: "Escenario grande: no se recorrieron todos los caminos; las cifras son estimaciones.", "Large scenario: not every path was walked; the figures are estimates.";
    wb_ranges: "Rango alcanzable", "Achievable range";
    wb_best_path: "Mejor camino: equilibrio {balance}", "Best path: balance {balance}";
    wb_worst_path: "Peor camino: equilibrio {balance}", "Worst path: balance {balance}";
    wb_never_taken: "Respuestas que ningún camino elige: {count}", "Replies no path takes: {count}";
    wb_endings_missed: "Finales que el azar no alcanza: {count}", "Endings random play never reaches: {count}";
    wb_heat_legend: "Naranja: visitas en partidas al azar. Verde: mejor camino. Rojo: peor. Morado: respuesta nunca elegida.", "Orange: visits in random play. Green: best path. Red: worst. Purple: a reply never taken.";
    wb_empty: "No hay ningún escenario abierto en el banco de trabajo. Ábrelo desde una tarjeta de la biblioteca.", "No scenario is open in the workbench. Open one from a library card.";

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
    diag_fix: "arreglo", "fix";
    diag_more: "… y {count} más en {file} (usa --json para verlos todos)", "… and {count} more in {file} (use --json for all)";
    cli_error: "error", "error";
    cli_cannot_open: "error: no se puede abrir {file}: {error}", "error: cannot open {file}: {error}";
    cli_no_window: "error: no se pudo abrir la ventana: {error}", "error: could not open the window: {error}";
    cli_not_a_scenario: "`{name}` no es un archivo ni el id de un escenario incluido", "`{name}` is neither a file nor the id of a built-in scenario";
    cli_not_a_scenario_help: "ejecuta `momento check` para ver la lista de escenarios incluidos", "run `momento check` to list the built-in scenarios";
    cli_has_errors: "`{path}` tiene errores y no se puede jugar; corrígelos y vuelve a intentarlo", "`{path}` has errors and cannot be played; fix them and try again";
    cli_not_playable: "el escenario tiene errores; ejecuta `momento check` para verlos", "the scenario has errors; run `momento check` to see them";
    check_ok: "ok", "ok";
    check_failed: "FALLÓ", "FAILED";
    check_no_twin: "nota: {path}: no se encontró la versión en {other} del escenario `{id}` entre los archivos comprobados. Momento empareja los dos idiomas de un escenario por su `id` común, con un archivo en una carpeta llamada `es/` y el otro en una llamada `en/` (por ejemplo mis-escenarios/es/x.ron y mis-escenarios/en/x.ron); así `check` compara las dos versiones. Este archivo no está en `es/` ni en `en/`: muévelo a `{folder}/` y pon su traducción en `{other_folder}/`.", "note: {path}: no {other} version of scenario `{id}` was found among the files checked. Momento pairs the two languages of a scenario by their shared `id`, with one file in a folder named `es/` and the other in one named `en/` (for example my-scenarios/es/x.ron and my-scenarios/en/x.ron); then `check` compares the two versions. This file is in neither `es/` nor `en/`: move it to `{folder}/` and put its translation in `{other_folder}/`.";
    check_lang_es: "español", "Spanish";
    check_lang_en: "inglés", "English";
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
    analyze_cut_short: "(recorrido interrumpido: estimación)", "(walk cut short: estimate)";
    analyze_range: "rango alcanzable (todos los caminos)", "achievable range (every path)";
    analyze_range_sampled: "rango alcanzado (caminos explorados y partidas al azar)", "range reached (explored paths and random play)";
    analyze_random_mean: "media jugando al azar {mean}", "random play averages {mean}";
    analyze_best_path: "mejor camino por equilibrio ({balance})", "best path by balance ({balance})";
    analyze_worst_path: "peor camino por equilibrio ({balance})", "worst path by balance ({balance})";
    analyze_path_ending: "final `{ending}` ({outcome})", "ending `{ending}` ({outcome})";
    analyze_endings: "finales ({runs} partidas al azar desde la semilla {seed})", "endings ({runs} random playthroughs from seed {seed})";
    analyze_never_reached: "NUNCA SE ALCANZA", "NEVER REACHED";
    analyze_not_reached_randomly: "no se alcanzó jugando al azar", "not reached by random play";
    analyze_unfinished: "{count} partidas se cortaron tras {steps} decisiones (un bucle, o un camino más largo que eso)", "{count} playthroughs were stopped after {steps} decisions (a loop, or a path longer than that)";
    analyze_estimate_banner: "Se exploraron {states} estados y hay más: las cifras de abajo salen de ese recorrido parcial y de {runs} partidas al azar, y son estimaciones.", "Explored {states} states of more: the figures below come from that partial walk and {runs} random playthroughs, and are estimates.";
    analyze_paths_loops: "sin contar: el escenario puede repetir nodos (bucles)", "not counted: the scenario can loop";
    analyze_paths_unknown: "desconocidos: la exploración se cortó", "unknown: the exploration was cut short";
    analyze_estimate_mark: "(estimación)", "(estimate)";
    analyze_not_proven_unreachable: "no alcanzado por lo explorado ni al azar (no está demostrado que sea inalcanzable)", "not reached by the explored states or random play (not proven unreachable)";
    analyze_never_taken_sampled: "respuestas que no tomó ningún camino explorado ni ninguna partida al azar (no está demostrado que sobren)", "replies no explored path or random playthrough took (not proven dead)";
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
    analyze_tell_longest: "dónde la mejor respuesta es la más larga ({count} de {total} decisiones):", "where the best reply is the longest ({count} of {total} decisions):";
    analyze_tell_shortest: "dónde la mejor respuesta es la más corta ({count} de {total} decisiones):", "where the best reply is the shortest ({count} of {total} decisions):";
    analyze_tell_at_position: "dónde la mejor respuesta es la n.º {position} ({count} de {total} decisiones):", "where the best reply is #{position} ({count} of {total} decisions):";
    analyze_tell_best: "mejor «{reply}» ({chars} caracteres)", "best \"{reply}\" ({chars} characters)";
    analyze_tell_others: "otras: {replies}", "others: {replies}";
    analyze_strategies: "Auditoría de estrategias (cuota de finales y rango del equilibrio):", "Strategy audit (share of endings and balance range):";
    analyze_strategy_columns: "conservado  neutro  perdido  equilibrio", "kept  neutral  lost  balance";
    analyze_estimate: "estimación con partidas al azar", "estimate from random runs";
    analyze_claims: "Afirmaciones de los finales:", "Claims of the endings:";
    analyze_claims_value: "{checked} comprobadas, {violated} incumplidas", "{checked} checked, {violated} violated";
    analyze_claims_proven: "demostradas en todos los caminos", "proven on every path";
    analyze_claims_unproven: "sin demostrar: la exploración se cortó", "not proven: the exploration was cut short";
    analyze_claim_violated: "«{claim}» en `{ending}` no se cumple en: {path} (ánimo inicial {mood})", "\"{claim}\" at `{ending}` does not hold on: {path} (starting mood {mood})";
    analyze_warnings: "Avisos de equidad:", "Fairness warnings:";
    analyze_no_warnings: "ninguno", "none";

    // ---- trainer CLI: momento report ----
    report_cli_not_a_folder: "`{folder}` no es una carpeta; indica la carpeta donde están los archivos de intentos", "`{folder}` is not a folder; give the folder where the attempt files are";
    report_cli_bad_date: "`{value}` no es una fecha: usa AAAA-MM-DD, por ejemplo 2026-03-01, o una hora RFC 3339 como 2026-03-01T09:00:00Z", "`{value}` is not a date: use YYYY-MM-DD, for example 2026-03-01, or an RFC 3339 time such as 2026-03-01T09:00:00Z";
    report_cli_bad_mode: "`{value}` no es un modo: usa {practice} o {assessment}", "`{value}` is not a mode: use {practice} or {assessment}";
    report_cli_cannot_write: "no se pudo escribir {file}: {error}", "could not write {file}: {error}";
    report_cli_wrote: "se escribió {format} ({attempts}) en {file}", "wrote {format} ({attempts}) to {file}";
    report_cli_format_table: "una tabla", "a table";
    report_cli_format_csv_attempts: "CSV, una fila por intento", "CSV, a row per attempt";
    report_cli_format_csv_decisions: "CSV, una fila por decisión", "CSV, a row per decision";
    report_cli_format_json: "JSON", "JSON";
    report_cli_format_xapi: "declaraciones xAPI", "xAPI statements";
    report_cli_attempts_one: "1 intento", "1 attempt";
    report_cli_attempts_many: "{count} intentos", "{count} attempts";
    report_cli_trainees_one: "1 participante", "1 trainee";
    report_cli_trainees_many: "{count} participantes", "{count} trainees";
    report_cli_decisions_one: "1 decisión", "1 decision";
    report_cli_decisions_many: "{count} decisiones", "{count} decisions";
    report_cli_summary: "{attempts} de {trainees} en {folder}", "{attempts} by {trainees} in {folder}";
    report_cli_results: "resultados por participante (puntuaciones: {scores} · fecha)", "results by trainee (scores: {scores} · date)";
    report_cli_decisions: "qué respuesta eligió el grupo en cada decisión ({care_short} = {care}: parte de los puntos en juego que ganó la respuesta)", "which reply the group chose at each decision ({care_short} = {care}: share of the points at stake the reply earned)";
    report_cli_scenario: "{scenario} — {title} ({attempts})", "{scenario} — {title} ({attempts})";
    report_cli_node: "«{prompt}» ({decisions} en {attempts})  [{node}]", "\"{prompt}\" ({decisions} in {attempts})  [{node}]";
    report_cli_abandoned: "{count} sin terminar", "{count} abandoned";
    report_cli_care_short: "cuidado", "care";
    report_cli_never_chosen: "sin elegir", "never chosen";
    // ---- attempt records, history and trainer report --------------
    records_problem: "No se pudo leer {file}: {reason}", "Could not read {file}: {reason}";
    records_problem_moved: "No se pudo leer {file} ({reason}); se ha apartado en {moved}, sin borrarlo.", "Could not read {file} ({reason}); it was moved to {moved}, not deleted.";
    records_newer_format: "lo escribió una versión más nueva de Momento (formato {format}); actualiza Momento para leerlo", "it was written by a newer Momento (format {format}); update Momento to read it";
    records_too_large: "ocupa {mb} MB, demasiado para ser un intento", "it is {mb} MB, too large to be an attempt";
    records_save_failed: "No se pudo guardar el intento: {error}", "Could not save the attempt: {error}";
    outcome_abandoned: "Abandonado", "Abandoned";
    mode_practice: "Práctica", "Practice";
    mode_assessment: "Evaluación", "Assessment";
    nav_history: "Historial", "History";
    nav_trainer_report: "Informe del formador", "Trainer report";
    history_title: "Tu historial", "Your history";
    history_of: "Intentos de {trainee}", "Attempts by {trainee}";
    history_no_name: "Escribe tu nombre en Ajustes para que tu formador sepa que estos intentos son tuyos.", "Write your name in Settings so your trainer knows these attempts are yours.";
    history_empty: "Aún no hay intentos. Juega un escenario y aparecerá aquí.", "No attempts yet. Play a scenario and it will appear here.";
    history_chart: "Tu progreso", "Your progress";
    history_chart_x: "Intento", "Attempt";
    history_open: "Ver repaso", "Open debrief";
    history_replay: "Repetir igual", "Replay";
    history_folder: "Carpeta de intentos: {folder}", "Attempts folder: {folder}";
    history_no_store: "Los intentos no se están guardando: {error}", "Attempts are not being saved: {error}";
    history_back: "Volver al historial", "Back to history";
    history_scenario_changed: "El escenario cambió desde este intento (versión {then} entonces, {now} ahora): la repetición puede no ser idéntica.", "The scenario changed since this attempt (version {then} then, {now} now): the replay may differ.";
    history_scenario_missing: "El escenario «{scenario}» ya no está en la biblioteca: se muestra lo guardado.", "Scenario \"{scenario}\" is no longer in the library: showing what was saved.";
    history_replay_failed: "No se puede repetir este intento: {error}", "This attempt cannot be replayed: {error}";
    col_date: "Fecha", "Date";
    col_scenario: "Escenario", "Scenario";
    col_mode: "Modo", "Mode";
    col_outcome: "Resultado", "Outcome";
    col_trainee: "Participante", "Trainee";
    col_attempts: "Intentos", "Attempts";
    col_latest: "Último", "Latest";
    col_best: "Mejor", "Best";
    report_title: "Informe del formador", "Trainer report";
    report_folder_label: "Carpeta de intentos", "Attempts folder";
    report_load: "Cargar", "Load";
    report_use_mine: "Usar mis intentos", "Use my attempts";
    report_no_folder: "Elige la carpeta donde reuniste los intentos del grupo.", "Choose the folder where you gathered the group's attempts.";
    report_empty: "No hay intentos que cumplan los filtros.", "No attempts match the filters.";
    report_summary: "{attempts} intentos de {trainees} participantes", "{attempts} attempts by {trainees} trainees";
    report_since: "Desde (AAAA-MM-DD)", "Since (YYYY-MM-DD)";
    report_until: "Hasta (AAAA-MM-DD)", "Until (YYYY-MM-DD)";
    report_bad_date: "Fecha no válida: usa AAAA-MM-DD, por ejemplo 2026-03-01.", "Not a date: use YYYY-MM-DD, for example 2026-03-01.";
    report_all_modes: "Todos los modos", "All modes";
    report_results: "Resultados por participante", "Results by trainee";
    report_decisions: "Qué respuesta eligió el grupo en cada decisión", "Which reply the group chose at each decision";
    report_decisions_help: "Busca las decisiones donde muchos eligen respuestas que pierden puntos en «cuidar, no educar».", "Look for the decisions where many choose replies that lose points on \"care, not educate\".";
    report_node: "«{prompt}» — {decisions}", "\"{prompt}\" — {decisions}";
    report_unnamed: "(sin nombre)", "(no name)";
    report_abandoned_count: "{count} abandonados", "{count} abandoned";

    // ---- library errors shown to users (engine, records, workbench) ------
    err_finished: "la conversación ya ha terminado", "the conversation has already ended";
    err_no_such_choice: "no hay respuesta número {number}", "there is no reply number {number}";
    err_no_time_limit: "este momento no tiene límite de tiempo", "this moment has no time limit";
    err_undo_in_assessment: "deshacer solo está disponible en modo práctica", "undo is only available in practice mode";
    err_nothing_to_undo: "no hay nada que deshacer", "there is nothing to undo";
    err_unknown_node: "ningún nodo se llama `{node}`", "no node is called `{node}`";
    err_start_at_ending: "no se puede empezar en `{node}`: es un final", "cannot start at `{node}`: it is an ending";
    err_wrong_scenario: "este intento es del escenario `{saved}`, no de `{loaded}`", "this attempt is of scenario `{saved}`, not `{loaded}`";
    err_diverged: "paso {step}: {reason}", "step {step}: {reason}";
    err_diverged_ended: "la conversación ya había terminado", "the conversation had already ended";
    err_diverged_node: "se esperaba el nodo `{expected}` y el escenario está en `{found}`", "expected node `{expected}`, the scenario is at `{found}`";
    err_diverged_reply: "la respuesta `{reply}` no se ofrece en `{node}`", "reply `{reply}` is not on offer at `{node}`";
    err_no_data_dir: "este sistema no tiene carpeta de datos para el usuario actual; inicia Momento con --records CARPETA", "this system has no data folder for the current user; start Momento with --records FOLDER";
    err_create_records_dir: "no se pudo crear la carpeta de intentos {path}: {reason}", "could not create the attempts folder {path}: {reason}";
    err_write_record: "no se pudo guardar el intento en {path}: {reason}", "could not save the attempt in {path}: {reason}";
    err_encode_record: "no se pudo codificar el intento: {reason}", "could not encode the attempt: {reason}";
    err_sidecar_read: "no se puede leer el archivo de posiciones {path}: {reason}", "cannot read the layout file {path}: {reason}";
    err_sidecar_too_large: "el archivo de posiciones {path} ocupa {bytes} bytes, demasiado para serlo", "the layout file {path} is {bytes} bytes, too large to be a layout file";
    err_sidecar_invalid: "el archivo de posiciones {path} no es válido ({reason}); bórralo para volver a la colocación automática", "the layout file {path} is not valid ({reason}); delete it to start from the automatic layout";
    err_sidecar_format: "el archivo de posiciones {path} tiene el formato {found}; esta versión lee el formato {supported}", "the layout file {path} has format {found}; this version reads format {supported}";
    err_sidecar_write: "no se puede guardar el archivo de posiciones {path}: {reason}", "cannot save the layout file {path}: {reason}";
    err_sidecar_encode: "no se pueden escribir las posiciones: {reason}", "cannot write the layout: {reason}";
    err_not_a_file: "{path} no es un archivo", "{path} is not a file";
    err_watch: "no se puede vigilar {path}: {reason}", "cannot watch {path}: {reason}";
    // ---- scenario editor (issue 13) ----------------------------------------
    ed_tab: "Editar", "Edit";
    ed_undo: "Deshacer", "Undo";
    ed_redo: "Rehacer", "Redo";
    ed_save: "Guardar", "Save";
    ed_saved: "Todo guardado", "All saved";
    ed_unsaved: "Cambios sin guardar", "Unsaved changes";
    ed_shortcuts: "Ctrl+Z deshace, Ctrl+Shift+Z rehace, Ctrl+S guarda", "Ctrl+Z undoes, Ctrl+Shift+Z redoes, Ctrl+S saves";
    ed_save_failed: "No se pudo guardar: {error}", "Could not save: {error}";
    ed_saved_to: "Guardado en {path}", "Saved to {path}";
    ed_builtin_copy: "Los escenarios incluidos no se modifican: Guardar crea una copia en tu carpeta de escenarios.", "Built-in scenarios are not changed: Save makes a copy in your scenarios folder.";
    ed_no_folder: "Elige primero una carpeta de escenarios en Ajustes.", "Choose a scenarios folder in Settings first.";
    ed_broken: "El archivo no se puede leer: arregla el error de sintaxis (mira Problemas) en tu editor de texto.", "The file cannot be read: fix the syntax error (see Problems) in your text editor.";
    ed_conflict: "El archivo ha cambiado en el disco y tienes cambios sin guardar. ¿Qué hacemos?", "The file changed on disk and you have unsaved changes. What should happen?";
    ed_conflict_reload: "Cargar la versión del disco (Deshacer recupera la tuya)", "Load the disk version (Undo brings yours back)";
    ed_conflict_keep: "Quedarme con la mía (se guardará encima)", "Keep mine (saving will overwrite)";
    ed_conflict_save_as: "Guardar la mía aparte", "Save mine separately";
    ed_add_decision: "+ Decisión", "+ Decision";
    ed_add_narration: "+ Narración", "+ Narration";
    ed_add_ending: "+ Final", "+ Ending";
    ed_add_node_help: "Añade un nodo nuevo; después arrastra el asa -> de una respuesta hasta él para enlazarla.", "Adds a new node; then drag a reply's -> handle onto it to connect it.";
    ed_duplicate: "Duplicar", "Duplicate";
    ed_delete_node: "Borrar nodo", "Delete node";
    ed_delete_confirm: "¿Borrar «{node}»?", "Delete \"{node}\"?";
    ed_delete_pointing: "Estas respuestas llevan a este nodo y quedarán sin destino (Problemas te ofrecerá arreglarlas):", "These replies lead to this node and will point nowhere (Problems will offer a fix):";
    ed_delete_nothing: "Ninguna respuesta lleva a este nodo.", "No reply leads to this node.";
    ed_delete_yes: "Borrar", "Delete";
    ed_cancel: "Cancelar", "Cancel";
    ed_rename: "Renombrar", "Rename";
    ed_node_id: "Id del nodo", "Node id";
    ed_add_reply: "+ Respuesta", "+ Reply";
    ed_delete_reply: "Borrar respuesta", "Delete reply";
    ed_move_up: "Subir", "Move up";
    ed_move_down: "Bajar", "Move down";
    ed_reply_n: "Respuesta {n}: {id}", "Reply {n}: {id}";
    ed_select_node: "Selecciona un nodo en el grafo para editarlo, o edita los datos del escenario abajo.", "Select a node in the graph to edit it, or edit the scenario's details below.";
    ed_header: "Datos del escenario", "Scenario details";
    ed_customer: "Cliente", "Customer";
    ed_f_title: "Título", "Title";
    ed_h_title: "Aparece en la ficha de la biblioteca.", "Shown on the library card.";
    ed_f_summary: "Resumen", "Summary";
    ed_h_summary: "Una o dos frases para la ficha.", "One or two sentences for the card.";
    ed_f_setting: "Lugar", "Setting";
    ed_h_setting: "Dónde ocurre.", "Where it happens.";
    ed_f_tags: "Etiquetas", "Tags";
    ed_h_list: "Una por línea.", "One per line.";
    ed_f_difficulty: "Dificultad", "Difficulty";
    ed_f_minutes: "Minutos", "Minutes";
    ed_h_minutes: "Minutos estimados para jugarlo.", "Estimated minutes to play.";
    ed_f_goals: "Objetivos de aprendizaje", "Learning goals";
    ed_f_trainer_notes: "Notas para formadores", "Trainer notes";
    ed_f_questions: "Preguntas para el grupo", "Discussion questions";
    ed_f_reflection: "Preguntas de reflexión", "Reflection prompts";
    ed_h_reflection: "Se muestran en el resumen final con un cuadro para responder; una por línea.", "Shown in the debrief with a box for an answer; one per line.";
    ed_f_names: "Nombres", "Names";
    ed_h_names: "Cada intento elige uno; uno por línea.", "Each attempt picks one; one per line.";
    ed_f_persona: "Persona", "Persona";
    ed_h_persona: "Una línea bajo el retrato.", "One line under the portrait.";
    ed_f_business: "Objetivos de negocio", "Business goals";
    ed_f_personal: "Objetivos personales", "Personal goals";
    ed_h_personal: "Lo que necesita como persona; las buenas respuestas lo descubren.", "What they need as a person; good replies uncover these.";
    ed_f_start_mood: "Ánimo inicial", "Starting mood";
    ed_h_start_mood: "De 0 (furioso) a 100 (encantado).", "From 0 (furious) to 100 (delighted).";
    ed_f_speaker: "Quién habla", "Speaker";
    ed_f_speaker_name: "Nombre de quien habla", "Speaker's name";
    ed_h_speaker_name: "Para un compañero o un responsable.", "For a colleague or manager.";
    ed_f_text: "Texto", "Text";
    ed_h_text: "Lo que se dice o se narra.", "What is said or narrated.";
    ed_f_mood_cue: "Gesto del cliente", "Mood cue";
    ed_h_mood_cue: "Lo que quien se forma ve en la cara o los gestos del cliente.", "What the trainee sees in the customer's face or gestures.";
    ed_f_arrival_mood: "Cambio de ánimo al llegar", "Mood change on arrival";
    ed_f_timer: "Tiempo límite", "Time limit";
    ed_h_timer: "Segundos para responder (3 a 600) y lo que pasa si se agotan: funciona como una respuesta más que no se eligió.", "Seconds to answer (3 to 600) and what happens when they run out: it works like one more reply not chosen.";
    ed_add_timer: "Añadir tiempo límite", "Add a time limit";
    ed_remove_timer: "Quitar tiempo límite", "Remove the time limit";
    ed_f_seconds: "Segundos", "Seconds";
    ed_timeout: "Si se agota el tiempo", "On timeout";
    ed_f_reply_text: "Lo que dice quien se forma", "What the trainee says";
    ed_f_effects: "Puntos", "Points";
    ed_h_effects: "De -10 a 10 en cada dimensión; cuenta la comparación con las otras respuestas ofrecidas. Usa números pequeños (-3 a 3).", "From -10 to 10 on each dimension; what counts is the comparison with the other replies on offer. Use small numbers (-3 to 3).";
    ed_f_mood: "Ánimo", "Mood";
    ed_h_mood: "Cambio del ánimo del cliente, de -100 a 100.", "Change of the customer's mood, -100 to 100.";
    ed_f_feedback: "Explicación", "Feedback";
    ed_h_feedback: "Una o dos frases, con voz de buen formador, que explican el principio.", "One or two sentences, in the voice of a good trainer, explaining the principle.";
    ed_f_flags: "Marcas", "Flags";
    ed_h_flags: "Marcas que se recuerdan el resto de la conversación; una por línea.", "Flags remembered for the rest of the conversation; one per line.";
    ed_f_promises: "Promesas", "Promises";
    ed_h_promises: "Hacer, cumplir, romper, confirmar o retirar una promesa.", "Make, keep, break, confirm or retract a promise.";
    ed_limits_help: "Una promesa es poco realista si ignora uno de los cuatro límites: no se puede físicamente, no sé cómo, no está permitido o no tengo medios. Nunca da puntos, ni aunque salga bien por suerte.", "A promise is unrealistic when it ignores one of the four limits: can't physically, don't know how, not allowed, no tools. It never earns points, not even when luck makes it come true.";
    ed_limit_none: "Realista", "Realistic";
    ed_promise_id: "Id de la promesa", "Promise id";
    ed_promise_text: "Qué se promete", "What is promised";
    ed_add_action: "Añadir", "Add";
    ed_remove: "Quitar", "Remove";
    ed_f_when: "Solo si", "Only when";
    ed_h_when: "La respuesta solo se ofrece cuando se cumple la condición.", "The reply is offered only when the condition holds.";
    ed_cond_always: "Siempre", "Always";
    ed_f_next: "Lleva a", "Leads to";
    ed_h_next: "Un nodo, una ruta según el ánimo (con alternativa) o una ruta al azar.", "A node, a route on mood (with a fallback) or a random route.";
    ed_next_node: "Nodo", "Node";
    ed_next_route: "Ruta por ánimo", "Mood route";
    ed_next_random: "Ruta al azar", "Random route";
    ed_route_threshold: "Si el ánimo es al menos", "If mood is at least";
    ed_route_otherwise: "si no", "otherwise";
    ed_route_other: "Ruta escrita a mano: edítala en el archivo o cámbiala aquí.", "A hand-written route: edit it in the file or replace it here.";
    ed_drag_handle: "-> arrastra hasta un nodo", "-> drag onto a node";
    ed_drag_help: "Arrastra este asa hasta un nodo del grafo para que la respuesta lleve allí.", "Drag this handle onto a node in the graph to send the reply there.";
    ed_connected: "«{reply}» ahora lleva a «{node}»", "\"{reply}\" now leads to \"{node}\"";
    ed_f_outcome: "Resultado", "Outcome";
    ed_f_debrief: "Lección", "Lesson";
    ed_h_debrief: "La lección de este final, arriba del resumen.", "The lesson of this ending, at the top of the debrief.";
    ed_f_claims: "Afirmaciones", "Claims";
    ed_h_claims: "Lo que el texto y la lección afirman; check lo demuestra en cada camino.", "What the text and lesson state; check proves it on every path.";
    ed_placeholders: "{…}", "{…}";
    ed_placeholders_help: "Insertar un marcador: el nombre del cliente o de quien se forma.", "Insert a placeholder: the customer's or the trainee's name.";
    ed_fix_pick: "Corregir: llevar a…", "Fix: lead to…";
    ed_field_problem: "{message}", "{message}";
    ed_translate: "Traducción", "Translation";
    ed_make_twin: "Crear la versión en {lang}", "Create the {lang} version";
    ed_twin_created: "Creada {path}: sus textos llevan la marca de «por traducir».", "Created {path}: its texts are marked for translation.";
    ed_twin_exists: "Ya existe {path}", "{path} already exists";
    ed_twin_missing: "No hay versión en el otro idioma todavía.", "There is no version in the other language yet.";
    ed_to_translate: "por traducir", "to translate";
    ed_translate_left: "{count} textos por traducir", "{count} texts to translate";
    ed_new: "Escenario nuevo", "New scenario";
    ed_new_title: "Título", "Title";
    ed_new_customer: "Nombre del cliente", "Customer's name";
    ed_new_persona: "Quién es", "Who they are";
    ed_new_lang: "Idioma", "Language";
    ed_create: "Crear", "Create";
    ed_created: "Creado {path}", "Created {path}";
    ed_parity_ok: "Paridad es/en correcta: misma estructura, mismos puntos.", "es/en parity holds: same structure, same points.";
    ed_parity_bad: "{count} diferencias de estructura con la otra versión (mira Problemas tras guardar).", "{count} structural differences from the other version (see Problems after saving).";
    ed_save_twin: "Guardar la traducción", "Save the translation";
    ed_back_to_form: "Volver al formulario", "Back to the form";
    ed_goto: "Ir al nodo", "Go to node";
    ed_promise_action: "Acción", "Action";
    ed_next_target: "Destino", "Destination";
    // ---- responsive layout and keyboard (issue 14) ------------------------
    gui_menu: "Menú", "Menu";
    gui_menu_help: "Las secciones de Momento (la ventana es estrecha para mostrarlas todas)", "Momento's sections (the window is too narrow to show them all)";
    gui_wb_panels: "Paneles", "Panels";
    gui_mood_summary: "Ánimo: {mood} ({value}/100)", "Mood: {mood} ({value}/100)";

    // ---- first run, trainee id, unfinished attempts and resume (issue 14) --
    welcome_title: "Te damos la bienvenida a Momento", "Welcome to Momento";
    welcome_intro: "Aquí practicas los momentos de la verdad del servicio: eliges qué responder, el cliente reacciona y al final repasas cada decisión.", "Here you practise the moments of truth of service: you choose what to say, the customer reacts, and at the end you review every decision.";
    welcome_language: "Idioma", "Language";
    welcome_name: "¿Cómo te llamas?", "What is your name?";
    welcome_name_help: "Aparece en la conversación y en tus intentos, para que tu formador sepa que son tuyos. Puedes cambiarlo cuando quieras en Ajustes: tus intentos seguirán siendo tuyos.", "It appears in the conversation and on your attempts, so your trainer knows they are yours. You can change it at any time in Settings: your attempts stay yours.";
    welcome_start: "Empezar", "Start";
    welcome_skip: "Omitir por ahora", "Skip for now";
    welcome_skip_help: "Sin nombre, tus intentos se guardan igualmente en este equipo.", "Without a name your attempts are still saved on this computer.";
    unfinished_progress: "{made} de al menos {total} decisiones", "{made} of at least {total} decisions";
    unfinished_made_one: "1 decisión, sin terminar", "1 decision, unfinished";
    unfinished_made_many: "{count} decisiones, sin terminar", "{count} decisions, unfinished";
    resume_offer: "Dejaste «{scenario}» a medias ({progress}).", "You left \"{scenario}\" unfinished ({progress}).";
    resume_button: "Retomar", "Resume";
    resume_dismiss: "Ahora no", "Not now";
    resume_failed: "No se puede retomar este intento: {error}", "This attempt cannot be resumed: {error}";
    quit_body_practice: "Lo que llevas queda guardado: podrás retomarlo desde la biblioteca o el historial. No tendrá repaso hasta que lo termines.", "What you have done is saved: you can resume it from the library or from History. It gets no debrief until you finish it.";
    close_title: "¿Cerrar Momento a mitad de una conversación?", "Close Momento in the middle of a conversation?";
    close_confirm: "Cerrar", "Close";
    close_keys: "Intro: cerrar · Esc: seguir jugando", "Enter: close · Esc: keep playing";
    history_chart_of: "Progreso en", "Progress in";
    history_chart_dates: "Fecha", "Date";
    folder_browse: "Elegir…", "Browse…";
    folder_browse_title: "Elige una carpeta", "Choose a folder";

    // ---- --version, `momento about`, "where your data lives" -------------
    version_scenarios: "archivos de escenario: formato {format}", "scenario files: format {format}";
    version_records: "registros de intentos: formatos {oldest} a {newest} (escribe el {newest})", "attempt records: formats {oldest} to {newest} (writes {newest})";
    version_layouts: "posiciones del banco de trabajo (.layout.ron): formato {format}", "workbench layouts (.layout.ron): format {format}";
    paths_title: "Dónde están tus datos", "Where your data lives";
    paths_records: "Intentos guardados", "Attempt records";
    paths_records_from_flag: "elegida con --records", "chosen with --records";
    paths_records_from_env: "elegida con la variable MOMENTO_RECORDS_DIR", "chosen with the MOMENTO_RECORDS_DIR variable";
    paths_records_from_default: "tu carpeta de datos", "your data folder";
    paths_not_saved: "no se guardan en esta sesión", "not saved in this session";
    paths_settings: "Ajustes", "Settings";
    paths_not_yet: "aún no existe", "not created yet";
    paths_built_in: "Escenarios incluidos", "Built-in scenarios";
    paths_built_in_count: "{count} archivos dentro del programa", "{count} files inside the program";
    paths_installed: "Copias para formadores", "Copies for trainers";
    paths_installed_none: "ninguna junto a este programa", "none next to this program";
    paths_trainer: "Tus escenarios", "Your scenarios";
    paths_trainer_none: "ninguna carpeta elegida", "no folder chosen";
    paths_trainer_from_settings: "elegida en Ajustes", "chosen in Settings";
    paths_trainer_from_flag: "elegida con --scenarios", "chosen with --scenarios";
    paths_copy: "Copiar", "Copy";
    paths_copied: "Ruta copiada", "Path copied";
    paths_help: "Para llevarte tus intentos a otro equipo, copia la carpeta de intentos entera.", "To take your attempts to another computer, copy the whole attempts folder.";
    cli_generated: "{count} archivos escritos en {dir}", "{count} files written to {dir}";
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

/// Classroom mode's words, in a table of their own.
pub mod classroom;
