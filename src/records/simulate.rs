//! Attempts played by the engine, not written by hand: a group of trainees
//! playing scenarios over days, each getting better with practice. For
//! demonstrating reports and for the tests that kill a writing process.
//! Everything comes from one seed, so the same options give the same files
//! (apart from their names, when a folder already holds some).

use super::ids::seeded_attempt_id;
use super::{Recording, Store, StoreError};
use crate::engine::{Mode, Rng, Session};
use crate::lang::Lang;
use crate::scenario::Scenario;
use crate::scoring;
use jiff::{SignedDuration, Timestamp};
use std::path::Path;
use std::sync::Arc;

/// How to simulate.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulateOptions {
    /// The trainees, in turn.
    pub trainees: Vec<String>,
    /// Number of attempts.
    pub attempts: usize,
    /// Seed of everything random.
    pub seed: u64,
    /// When the first attempt starts.
    pub start: Timestamp,
    /// Save after every reply as the app does (several revisions per
    /// attempt), not only at the end.
    pub every_reply: bool,
}

impl Default for SimulateOptions {
    fn default() -> SimulateOptions {
        SimulateOptions {
            trainees: vec![
                "Ana García".to_string(),
                "Íñigo Peña".to_string(),
                "Chloé Martin".to_string(),
            ],
            attempts: 36,
            seed: 1,
            start: Timestamp::from_second(1_770_022_800).unwrap_or(Timestamp::UNIX_EPOCH),
            every_reply: false,
        }
    }
}

/// One attempt written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved<'a> {
    /// The attempt id.
    pub attempt_id: &'a str,
    /// The revision written.
    pub revision: u32,
    /// The file.
    pub path: &'a Path,
}

/// Plays `options.attempts` attempts of `scenarios` and saves each in
/// `store`, calling `on_saved` after every durable write. Returns the
/// number of attempts.
pub fn simulate(
    scenarios: &[Arc<Scenario>],
    store: &Store,
    options: &SimulateOptions,
    mut on_saved: impl FnMut(Saved<'_>),
) -> Result<usize, StoreError> {
    if scenarios.is_empty() || options.trainees.is_empty() {
        return Ok(0);
    }
    let mut rng = Rng::new(options.seed);
    for i in 0..options.attempts {
        let trainee_index = i % options.trainees.len();
        let round = i / options.trainees.len();
        let trainee = &options.trainees[trainee_index];
        let scenario = &scenarios[rng.below(scenarios.len() as u32) as usize];
        let mode = if rng.below(3) == 0 {
            Mode::Assessment
        } else {
            Mode::Practice
        };
        let seed = rng.next_u64() >> 16;
        let Ok(session) = Session::new(Arc::clone(scenario), seed, mode) else {
            continue;
        };
        let mut session = session.with_trainee(trainee.clone());
        // Each trainee starts somewhere different and improves with practice.
        let skill = (0.05 + 0.2 * trainee_index as f64 + 0.05 * round as f64).min(0.9);
        let abandon_after = (rng.below(12) == 0).then(|| 1 + rng.below(2) as usize);
        let hours = 20 * i as i64 + i64::from(rng.below(8));
        let started_at = options
            .start
            .checked_add(SignedDuration::from_hours(hours))
            .unwrap_or(options.start);
        let mut now = started_at;
        let mut recording = Recording::with_id(
            seeded_attempt_id(options.seed ^ ((i as u64) << 20)),
            started_at,
        );
        let lang = Lang::from_code(&scenario.language.value).unwrap_or_default();
        let mut save = |recording: &mut Recording, session: &Session, now, answers: &[String]| {
            let stored = recording.save(store, session, lang, answers, now)?;
            on_saved(Saved {
                attempt_id: &recording.attempt_id,
                revision: recording.revision(),
                path: &stored.path,
            });
            Ok::<(), StoreError>(())
        };
        while !session.is_finished() {
            if abandon_after.is_some_and(|n| session.steps().len() >= n) {
                break;
            }
            let elapsed_ms = 3_000 + rng.below(20_000);
            now = now
                .checked_add(SignedDuration::from_millis(i64::from(elapsed_ms)))
                .unwrap_or(now);
            let timed_out = session
                .time_limit()
                .is_some_and(|seconds| rng.below(8) == 0 && seconds > 0);
            let result = if timed_out {
                let limit_ms = session.time_limit().unwrap_or(0).saturating_mul(1000);
                session.time_out_after(Some(limit_ms))
            } else {
                let position = pick(&session, &mut rng, skill);
                session.choose_timed(position, Some(elapsed_ms))
            };
            if result.is_err() {
                break;
            }
            if options.every_reply && !session.is_finished() {
                save(&mut recording, &session, now, &[])?;
            }
        }
        let answers = if session.is_finished() && rng.below(2) == 0 {
            vec![reflection_answer(lang).to_string()]
        } else {
            Vec::new()
        };
        save(&mut recording, &session, now, &answers)?;
    }
    Ok(options.attempts)
}

/// The best reply on offer with probability `skill`, else any reply.
fn pick(session: &Session, rng: &mut Rng, skill: f64) -> usize {
    let choices = session.choices();
    if choices.is_empty() {
        return 0;
    }
    if f64::from(rng.below(1000)) / 1000.0 >= skill {
        return rng.below(choices.len() as u32) as usize;
    }
    let node_choices = session.node().choices();
    let offered: Vec<_> = choices
        .iter()
        .filter_map(|c| node_choices.get(c.choice as usize))
        .map(|c| &c.effects)
        .collect();
    choices
        .iter()
        .enumerate()
        .filter_map(|(position, c)| {
            let effects = &node_choices.get(c.choice as usize)?.effects;
            let points = scoring::reply_points(offered.iter().copied(), effects);
            Some((position, scoring::reply_quality(&points).unwrap_or(1.0)))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(0, |(position, _)| position)
}

fn reflection_answer(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => {
            "Necesitaba sentirse escuchada antes de oír la política; la próxima vez preguntaré primero."
        }
        Lang::En => {
            "They needed to feel heard before hearing the policy; next time I will ask first."
        }
    }
}
