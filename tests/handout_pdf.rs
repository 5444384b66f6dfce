//! The printable handouts: each PDF parses (poppler's `pdfinfo`), has the
//! page count Momento reports, and its text — read back by `pdftotext` —
//! holds the scenario's and the attempt's words in Spanish and English,
//! accents included. Without poppler-utils the checks that need it are
//! skipped with a printed reason (`.ci/run` installs it).

use jiff::{SignedDuration, Timestamp};
use momento::engine::{Mode, Session};
use momento::handout::{
    DecisionVotes, ReplyVotes, best_replies, exact_review, facilitator_sheet, group_debrief,
    trainee_debrief,
};
use momento::lang::Lang;
use momento::library::Library;
use momento::records::{AttemptMeta, AttemptRecord};
use momento::scenario::Scenario;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

fn built_in(id: &str, language: &str) -> Arc<Scenario> {
    let library = Library::built_in();
    library
        .entries
        .iter()
        .find(|e| e.id() == id && e.language() == language)
        .and_then(|e| e.playable().cloned())
        .unwrap_or_else(|| panic!("no built-in {id} in {language}"))
}

/// `pdftotext` and `pdfinfo` on `bytes`: the text and the page count, or
/// `None` (with the reason printed) when poppler-utils is not installed.
fn poppler(bytes: &[u8]) -> Option<(String, usize)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("handout.pdf");
    std::fs::write(&path, bytes).unwrap();
    read_pdf(&path)
}

/// Keeps a copy of a handout in `$MOMENTO_HANDOUT_SAMPLES`, when set, to
/// look at as a person would (`pdftoppm -png`).
fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("MOMENTO_HANDOUT_SAMPLES") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn read_pdf(path: &Path) -> Option<(String, usize)> {
    let text = match Command::new("pdftotext").arg(path).arg("-").output() {
        Ok(output) => output,
        Err(error) => {
            eprintln!("skipped: pdftotext is not installed ({error}); install poppler-utils");
            return None;
        }
    };
    assert!(text.status.success(), "pdftotext failed: {text:?}");
    let info = Command::new("pdfinfo").arg(path).output().ok()?;
    assert!(info.status.success(), "pdfinfo failed: {info:?}");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"));
    // Words wrap across lines; the checks look for phrases, so lines are
    // joined with spaces.
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((text, pages))
}

fn assert_contains(text: &str, expected: &[&str]) {
    for phrase in expected {
        assert!(text.contains(phrase), "{phrase:?} is missing from:\n{text}");
    }
}

/// Plays the scenario taking the reply shown first at every decision.
fn played(scenario: &Arc<Scenario>, seed: u64, trainee: &str) -> Session {
    let mut session = Session::new(Arc::clone(scenario), seed, Mode::Practice)
        .unwrap()
        .with_trainee(trainee);
    for _ in 0..50 {
        if session.is_finished() {
            break;
        }
        session.choose(0).unwrap();
    }
    assert!(session.is_finished());
    session
}

fn record_of(session: &Session, lang: Lang, answer: &str) -> AttemptRecord {
    let at = Timestamp::from_second(1_772_000_000).unwrap();
    AttemptRecord::of(
        session,
        &AttemptMeta {
            attempt_id: "00000000-0000-4000-8000-000000000001".to_string(),
            revision: 1,
            started_at: at,
            ended_at: at + SignedDuration::from_secs(300),
            lang,
            reflection_answers: vec![answer.to_string()],
        },
    )
}

#[test]
fn the_facilitator_sheet_in_spanish_has_the_map_and_the_accents() {
    let scenario = built_in("warranty-no-receipt", "es");
    let handout = facilitator_sheet(&scenario, Lang::Es).unwrap();
    keep("facilitator-es.pdf", &handout.bytes);
    assert!(handout.bytes.starts_with(b"%PDF-"));
    assert!((1..=10).contains(&handout.pages), "{} pages", handout.pages);
    let Some((text, pages)) = poppler(&handout.bytes) else {
        return;
    };
    assert_eq!(pages, handout.pages);
    let first_goal = scenario.learning_goals.first().unwrap();
    let first_words: String = first_goal
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert_contains(
        &text,
        &[
            "Hoja del formador",
            "Garantía sin ticket",
            "La idea de partida",
            "Objetivos de aprendizaje",
            &first_words,
            "Notas para el formador",
            "Mapa de decisiones",
            "✓ mejor",
            "«educar»",
            "Preguntas para el debate",
            "Preguntas para la reflexión",
            "Página 1 de",
        ],
    );
    // Every decision of the scenario is on the map.
    for node in scenario.nodes.iter().filter(|n| !n.is_ending()) {
        assert!(
            text.contains(&node.id.value),
            "decision {} missing",
            node.id.value
        );
    }
    // Spanish punctuation survives the font subset and the text layer.
    for c in ['á', 'é', 'í', 'ó', 'ñ', '¿', '«', '»'] {
        assert!(text.contains(c), "{c} is missing");
    }
}

#[test]
fn the_facilitator_sheet_in_english_uses_english_labels() {
    let scenario = built_in("warranty-no-receipt", "en");
    let handout = facilitator_sheet(&scenario, Lang::En).unwrap();
    keep("facilitator-en.pdf", &handout.bytes);
    let Some((text, pages)) = poppler(&handout.bytes) else {
        return;
    };
    assert_eq!(pages, handout.pages);
    assert_contains(
        &text,
        &[
            "Facilitator sheet",
            "Warranty claim, no receipt",
            "The seed idea",
            "Learning goals",
            "Map of decisions",
            "✓ best",
            "\"educating\"",
            "Discussion questions",
            "Page 1 of",
        ],
    );
    assert!(!text.contains("Mapa de decisiones"));
}

#[test]
fn the_best_reply_is_the_one_with_the_largest_share_of_the_points() {
    let scenario = built_in("warranty-no-receipt", "en");
    let start = scenario.node(scenario.start.node).unwrap();
    let best = best_replies(start);
    assert!(!best.is_empty());
    let total = |i: usize| {
        let e = start.choices()[i].effects;
        e.empathy + e.promise + e.care
    };
    for &b in &best {
        for i in 0..start.choices().len() {
            assert!(total(b) >= total(i) || best.contains(&i));
        }
    }
}

#[test]
fn the_trainee_debrief_has_scores_mood_decisions_promises_and_reflection() {
    let scenario = built_in("warranty-no-receipt", "es");
    let session = played(&scenario, 7, "Íñigo Peña");
    let answer = "Escucharía más y prometería menos: ¡mañana lo intento!";
    let record = record_of(&session, Lang::Es, answer);
    let review = exact_review(&record, Arc::clone(&scenario), Lang::Es);
    let review = review.expect("the built-in scenario replays exactly");
    let handout = trainee_debrief(&record, Some(&review), Lang::Es).unwrap();
    keep("debrief-es.pdf", &handout.bytes);
    let Some((text, pages)) = poppler(&handout.bytes) else {
        return;
    };
    assert_eq!(pages, handout.pages);
    let first = &record.steps[0];
    let feedback_start: String = first
        .feedback
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    assert_contains(
        &text,
        &[
            "Repaso del intento",
            "Garantía sin ticket",
            "Íñigo Peña",
            "Puntuaciones",
            "Empatía",
            "Equilibrio",
            "El ánimo del cliente",
            "Tus decisiones",
            &feedback_start,
            "Registro de promesas",
            "Para reflexionar",
            answer,
        ],
    );
    // The better reply is printed exactly when the debrief has one.
    let has_better = review.decisions.iter().any(|d| d.better.is_some());
    assert_eq!(text.contains("Una respuesta mejor"), has_better);
    if !review.lesson.is_empty() {
        assert!(text.contains("La lección"));
    }
    // A score with nothing at stake says so instead of a number.
    if record.scores.array().iter().any(Option::is_none) {
        assert!(text.contains("no evaluada"));
    }
}

#[test]
fn without_an_exact_replay_the_debrief_states_only_what_was_saved() {
    let scenario = built_in("warranty-no-receipt", "en");
    let session = played(&scenario, 3, "Ann Lee");
    let record = record_of(&session, Lang::En, "");
    let handout = trainee_debrief(&record, None, Lang::En).unwrap();
    keep("debrief-en-saved-only.pdf", &handout.bytes);
    let Some((text, _)) = poppler(&handout.bytes) else {
        return;
    };
    assert_contains(
        &text,
        &[
            "Attempt debrief",
            "Warranty claim, no receipt",
            "Ann Lee",
            "Your decisions",
            "(no answer)",
        ],
    );
    assert!(!text.contains("A better reply"));
    assert!(!text.contains("The lesson"));
}

#[test]
fn the_group_debrief_shows_each_replys_votes_and_share() {
    let scenario = built_in("warranty-no-receipt", "en");
    let session = played(&scenario, 11, "Tuesday group");
    let record = record_of(&session, Lang::En, "");
    // 7, 3 and 2 votes (and so on) at every decision: 7 of 12 is 58 %.
    let votes: Vec<DecisionVotes> = record
        .steps
        .iter()
        .map(|step| {
            let node = scenario
                .node(scenario.node_by_id(&step.node_id).unwrap())
                .unwrap();
            let best = best_replies(node);
            DecisionVotes {
                node_id: step.node_id.clone(),
                replies: step
                    .offered
                    .iter()
                    .enumerate()
                    .map(|(i, offered)| ReplyVotes {
                        reply_id: offered.reply_id.clone(),
                        text: offered.text.clone(),
                        votes: [7, 3, 2, 1][i.min(3)],
                        is_best: node
                            .choices()
                            .iter()
                            .position(|c| c.id.value == offered.reply_id)
                            .is_some_and(|p| best.contains(&p)),
                    })
                    .collect(),
            }
        })
        .collect();
    let questions = scenario.discussion_questions.clone();
    let handout = group_debrief(&record, &votes, &questions, None, Lang::En).unwrap();
    keep("group-en.pdf", &handout.bytes);
    let Some((text, pages)) = poppler(&handout.bytes) else {
        return;
    };
    assert_eq!(pages, handout.pages);
    let three = votes.iter().find(|v| v.replies.len() == 3);
    assert_contains(
        &text,
        &[
            "Group debrief",
            "Tuesday group",
            "The group's path",
            "Votes",
            "Share",
            "→ followed",
            "Discussion questions",
        ],
    );
    if let Some(three) = three {
        assert_eq!(three.total(), 12);
        assert!(text.contains("58 %") && text.contains("25 %") && text.contains("17 %"));
        assert!(text.contains("12 votes in all"));
    }
    if votes.iter().flat_map(|v| &v.replies).any(|r| r.is_best) {
        assert!(text.contains("✓ best"));
    }
    if let Some(question) = questions.first() {
        let start: String = question
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&start), "{start}");
    }
}

#[test]
fn the_group_debrief_in_spanish() {
    let scenario = built_in("warranty-no-receipt", "es");
    let session = played(&scenario, 5, "Grupo del martes");
    let record = record_of(&session, Lang::Es, "");
    let votes: Vec<DecisionVotes> = record
        .steps
        .iter()
        .map(|step| DecisionVotes {
            node_id: step.node_id.clone(),
            replies: step
                .offered
                .iter()
                .map(|o| ReplyVotes {
                    reply_id: o.reply_id.clone(),
                    text: o.text.clone(),
                    votes: 4,
                    is_best: false,
                })
                .collect(),
        })
        .collect();
    let handout = group_debrief(&record, &votes, &[], None, Lang::Es).unwrap();
    keep("group-es.pdf", &handout.bytes);
    let Some((text, _)) = poppler(&handout.bytes) else {
        return;
    };
    assert_contains(
        &text,
        &[
            "Repaso del grupo",
            "Grupo del martes",
            "El camino del grupo",
            "Votos",
            "→ seguida",
            "votos en total",
        ],
    );
}

fn momento() -> Command {
    Command::new(env!("CARGO_BIN_EXE_momento"))
}

#[test]
fn the_handout_command_writes_a_pdf_and_refuses_to_overwrite_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.pdf");
    let output = momento()
        .args(["handout", "warranty-no-receipt", "--lang", "en", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("wrote") && stdout.contains("sheet.pdf"),
        "{stdout}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // Run again: an existing PDF is replaced.
    let again = momento()
        .args(["handout", "warranty-no-receipt", "--lang", "es", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(again.status.success());
    if let Some((text, _)) = read_pdf(&out) {
        assert!(text.contains("Hoja del formador"), "{text}");
    }
    // Any other file is left alone.
    let precious = dir.path().join("notes.txt");
    std::fs::write(&precious, "mis notas").unwrap();
    let refused = momento()
        .args(["handout", "warranty-no-receipt", "--lang", "en", "--out"])
        .arg(&precious)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stdout).contains("not a PDF"));
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "mis notas");
}

#[test]
fn the_debrief_pdf_command_reads_an_attempt_file() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = built_in("warranty-no-receipt", "es");
    let session = played(&scenario, 9, "Marta");
    let record = record_of(
        &session,
        Lang::Es,
        "Preguntaría antes de explicar la norma.",
    );
    let attempt = dir.path().join("attempt.json");
    std::fs::write(&attempt, serde_json::to_vec_pretty(&record).unwrap()).unwrap();
    let out = dir.path().join("repaso.pdf");
    let output = momento()
        .arg("debrief-pdf")
        .arg(&attempt)
        .arg("--out")
        .arg(&out)
        .args(["--lang", "es"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    // The built-in scenario is the one played: no "changed" note.
    assert!(!stdout.contains("cambió"), "{stdout}");
    if let Some((text, _)) = read_pdf(&out) {
        assert_contains(
            &text,
            &[
                "Repaso del intento",
                "Marta",
                "Preguntaría antes de explicar la norma.",
            ],
        );
    }
    // The attempt file itself is never a valid --out.
    let same = momento()
        .arg("debrief-pdf")
        .arg(&attempt)
        .arg("--out")
        .arg(&attempt)
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(2));
    assert!(std::fs::read(&attempt).unwrap().starts_with(b"{"));
    // A file that is not an attempt is a clear error, not a panic.
    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "not json").unwrap();
    let bad = momento()
        .arg("debrief-pdf")
        .arg(&junk)
        .arg("--out")
        .arg(dir.path().join("x.pdf"))
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("error"));
    assert!(!dir.path().join("x.pdf").exists());
}

#[test]
fn every_shipped_scenario_makes_a_facilitator_sheet() {
    let library = Library::built_in();
    let mut made = 0;
    for entry in &library.entries {
        let Some(scenario) = entry.playable() else {
            continue;
        };
        let lang = Lang::from_code(entry.language()).unwrap();
        let handout = facilitator_sheet(scenario, lang).unwrap();
        assert!(handout.bytes.starts_with(b"%PDF-"));
        assert!(
            (1..=12).contains(&handout.pages),
            "{}: {} pages",
            entry.id(),
            handout.pages
        );
        made += 1;
    }
    assert_eq!(made, 20);
}
