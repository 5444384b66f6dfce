//! `momento play`: the scenario in a terminal, then the debrief.

use crate::debrief::{self, Debrief};
use crate::engine::{LineSpeaker, Mode, Session, fresh_seed};
use crate::i18n;
use crate::labels;
use crate::lang::Lang;
use crate::scenario::Dimension;
use std::io::{BufRead, Write};

pub(super) struct PlayOptions {
    pub seed: Option<u64>,
    pub assessment: bool,
    pub trainee: String,
    pub lang: Option<String>,
}

/// `message_lang` is for the messages written before the scenario (and so
/// its language) is known.
pub(super) fn run(
    name: &str,
    options: PlayOptions,
    message_lang: crate::lang::Lang,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(scenario) = super::load_named(name, options.lang.as_deref(), message_lang, out)?
    else {
        return Ok(1);
    };
    let lang = options
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .or_else(|| Lang::from_code(&scenario.language.value))
        .unwrap_or_else(Lang::from_environment);
    let t = lang.texts();
    let seed = options.seed.unwrap_or_else(fresh_seed);
    let mode = if options.assessment {
        Mode::Assessment
    } else {
        Mode::Practice
    };
    let mut session = match Session::new(scenario.clone(), seed, mode) {
        Ok(session) => session.with_trainee(options.trainee),
        Err(error) => {
            writeln!(out, "{}: {}", t.cli_error, error.message(lang))?;
            return Ok(1);
        }
    };
    writeln!(out, "{}", scenario.title.value)?;
    writeln!(out, "{}", scenario.setting.value)?;
    writeln!(out, "{}: {seed}\n", t.cli_seed)?;
    let mut shown_lines = 0;
    let mut line = String::new();
    while !session.is_finished() {
        let transcript = session.transcript();
        for entry in &transcript[shown_lines..] {
            if entry.speaker != LineSpeaker::Trainee {
                write_line(out, entry, lang)?;
            }
        }
        shown_lines = transcript.len();
        writeln!(
            out,
            "[{}: {} {}]",
            t.cli_mood,
            labels::mood(
                lang,
                session.mood_level(),
                session.scenario().customer.gender
            ),
            session.mood()
        )?;
        let choices = session.choices();
        for choice in &choices {
            writeln!(out, "  {}. {}", choice.number, choice.text)?;
        }
        let prompt = match session.time_limit() {
            Some(seconds) => i18n::fill(
                t.cli_choose_timed,
                &[
                    ("max", &choices.len().to_string()),
                    ("seconds", &seconds.to_string()),
                ],
            ),
            None => i18n::fill(t.cli_choose, &[("max", &choices.len().to_string())]),
        };
        write!(out, "{prompt}: ")?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            writeln!(out, "\n{}", t.cli_input_ended)?;
            return Ok(1);
        }
        let answer = line.trim();
        let result = if answer.eq_ignore_ascii_case("t") && session.time_limit().is_some() {
            session.time_out()
        } else {
            match answer.parse::<usize>() {
                Ok(n) if (1..=choices.len()).contains(&n) => session.choose(n - 1),
                _ => {
                    writeln!(
                        out,
                        "{}",
                        i18n::fill(t.cli_invalid, &[("max", &choices.len().to_string())])
                    )?;
                    continue;
                }
            }
        };
        if let Err(error) = result {
            writeln!(out, "{}: {}", t.cli_error, error.message(lang))?;
            continue;
        }
        let transcript = session.transcript();
        if let Some(reply) = transcript[shown_lines..]
            .iter()
            .find(|l| l.speaker == LineSpeaker::Trainee)
        {
            writeln!(out, "\n{}: {}", t.speaker_you, reply.text)?;
        }
        shown_lines += 1;
        if mode == Mode::Practice
            && let Some(decision) = Debrief::of(&session, lang).decisions.last()
        {
            writeln!(out, "  {}: {}", t.cli_feedback, decision.feedback)?;
            writeln!(out, "  {}", points_summary(&decision.points, lang))?;
            writeln!(
                out,
                "  {}: {} → {}\n",
                t.cli_mood, decision.mood.0, decision.mood.1
            )?;
        }
    }
    for entry in &session.transcript()[shown_lines..] {
        if entry.speaker != LineSpeaker::Trainee {
            write_line(out, entry, lang)?;
        }
    }
    write_debrief(&session, lang, out)?;
    Ok(0)
}

fn write_line(
    out: &mut dyn Write,
    entry: &crate::engine::TranscriptLine,
    lang: Lang,
) -> std::io::Result<()> {
    let t = lang.texts();
    let who = match (&entry.name, entry.speaker) {
        (Some(name), _) => name.clone(),
        (None, LineSpeaker::Narrator) => t.speaker_narrator.to_string(),
        (None, LineSpeaker::Colleague) => t.speaker_colleague.to_string(),
        (None, LineSpeaker::Manager) => t.speaker_manager.to_string(),
        (None, LineSpeaker::Customer) => t.speaker_customer.to_string(),
        (None, LineSpeaker::Trainee) => t.speaker_you.to_string(),
    };
    if entry.speaker == LineSpeaker::Narrator && entry.name.is_none() {
        writeln!(out, "— {}", entry.text)?;
    } else {
        writeln!(out, "{who}: {}", entry.text)?;
    }
    if let Some(cue) = &entry.mood_cue {
        writeln!(out, "  ({cue})")?;
    }
    Ok(())
}

fn points_summary(points: &[crate::scoring::Points; 3], lang: Lang) -> String {
    Dimension::ALL
        .iter()
        .filter(|d| points[d.index()].available > 0.0)
        .map(|d| {
            let p = points[d.index()];
            format!(
                "{} {}/{}",
                labels::dimension(lang, *d),
                debrief::format_points(p.earned),
                debrief::format_points(p.available)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn write_debrief(session: &Session, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let t = lang.texts();
    let review = Debrief::of(session, lang);
    writeln!(out, "\n══ {} ══", t.cli_debrief)?;
    if let Some(outcome) = review.outcome {
        writeln!(
            out,
            "{}: {}",
            labels::outcome(lang, outcome),
            labels::outcome_sentence(lang, outcome, &review.customer)
        )?;
    }
    if !review.lesson.is_empty() {
        writeln!(out, "{}", review.lesson)?;
    }
    if !review.why.is_empty() {
        writeln!(out, "{}", review.why)?;
    }
    if let Some(disagreement) = &review.disagreement {
        writeln!(out, "{disagreement}")?;
    }
    writeln!(out, "\n{}", t.cli_scores)?;
    if let Some((made, total)) = review.progress {
        writeln!(
            out,
            "  {}",
            i18n::fill(
                t.debrief_unfinished,
                &[("made", &made.to_string()), ("total", &total.to_string())],
            )
        )?;
    }
    for d in Dimension::ALL
        .into_iter()
        .filter(|_| review.progress.is_none())
    {
        let score = review.scorecard.dimensions[d.index()];
        writeln!(
            out,
            "  {:<22} {:>3}   ({})",
            labels::dimension(lang, d),
            labels::score(score.score),
            i18n::fill(
                t.cli_points,
                &[
                    ("earned", &debrief::format_points(score.points.earned)),
                    ("available", &debrief::format_points(score.points.available)),
                ]
            )
        )?;
    }
    if review.progress.is_none() {
        writeln!(
            out,
            "  {:<22} {:>3}",
            t.balance,
            labels::score(review.scorecard.balance)
        )?;
    }

    writeln!(out, "\n{}", t.cli_decisions)?;
    for decision in &review.decisions {
        writeln!(out, "  {}. {}", decision.number, decision.reply)?;
        writeln!(out, "     {}", decision.feedback)?;
        writeln!(out, "     {}", points_summary(&decision.points, lang))?;
        if let Some(better) = &decision.better {
            writeln!(out, "     {}: {}", t.cli_better, better.text)?;
        }
    }

    writeln!(out, "\n{}", t.cli_promises)?;
    if review.promises.is_empty() {
        writeln!(out, "  {}", t.cli_no_promises)?;
    }
    for promise in &review.promises {
        let mut status = labels::promise_status(lang, promise.status).to_string();
        if promise.confirmed {
            status.push_str(&format!(", {}", t.promise_confirmed));
        } else if promise.confirmable {
            status.push_str(&format!(", {}", t.promise_not_confirmed));
        }
        if let Some(limit) = promise.limit {
            status.push_str(&format!(" — {}", labels::limit(lang, limit)));
        }
        writeln!(out, "  «{}»: {status}", promise.text)?;
    }

    writeln!(out, "\n{}", t.cli_explained)?;
    for line in &review.scorecard.lines {
        writeln!(
            out,
            "  {:<22} {:>4}/{:<4} {}",
            labels::dimension(lang, line.dimension),
            debrief::format_points(line.points.earned),
            debrief::format_points(line.points.available),
            debrief::explain(session, line, lang)
        )?;
    }

    writeln!(out, "\n{}", t.cli_reflect)?;
    for prompt in &review.reflection_prompts {
        writeln!(out, "  - {prompt}")?;
    }
    writeln!(out, "\n{}: {}", t.cli_seed, session.seed())?;
    Ok(())
}
