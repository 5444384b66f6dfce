//! The attempt record: one finished or abandoned attempt as a plain,
//! versioned value, readable by people (ids and texts, never indices) and
//! replayable by the engine (the [`SavedSession`] it carries).

use crate::debrief::{self, Debrief};
use crate::engine::{Event, Mode, PromiseStatus, ReplyRef, SavedSession, Session, reply_of};
use crate::lang::Lang;
use crate::scenario::model::{Dimension, Limit, NodeIdx, Outcome, PromiseIdx, Scenario};
use crate::scoring::{self, Points, ScoreLine};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The format number written in every record. Bump it when a change would
/// stop an older Momento from reading a newer file.
pub const FORMAT: u32 = 2;

/// How an attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AttemptOutcome {
    /// Reached an ending where the customer stays.
    Kept,
    /// Reached an ending where the relationship is neither better nor worse.
    Neutral,
    /// Reached an ending where the customer leaves.
    Lost,
    /// Left before an ending (quit, window closed, crash).
    Abandoned,
}

impl AttemptOutcome {
    /// The attempt outcome for a session outcome (`None`: not finished).
    pub fn of(outcome: Option<Outcome>) -> AttemptOutcome {
        match outcome {
            Some(Outcome::Kept) => AttemptOutcome::Kept,
            Some(Outcome::Neutral) => AttemptOutcome::Neutral,
            Some(Outcome::Lost) => AttemptOutcome::Lost,
            None => AttemptOutcome::Abandoned,
        }
    }

    /// The scenario's outcome, or `None` for an abandoned attempt.
    pub fn outcome(self) -> Option<Outcome> {
        match self {
            AttemptOutcome::Kept => Some(Outcome::Kept),
            AttemptOutcome::Neutral => Some(Outcome::Neutral),
            AttemptOutcome::Lost => Some(Outcome::Lost),
            AttemptOutcome::Abandoned => None,
        }
    }

    /// True when an ending was reached.
    pub fn is_finished(self) -> bool {
        self != AttemptOutcome::Abandoned
    }

    /// A lowercase code for exports: `kept`, `neutral`, `lost`, `abandoned`.
    pub fn code(self) -> &'static str {
        match self {
            AttemptOutcome::Kept => "kept",
            AttemptOutcome::Neutral => "neutral",
            AttemptOutcome::Lost => "lost",
            AttemptOutcome::Abandoned => "abandoned",
        }
    }
}

/// A lowercase code for a mode: `practice`, `assessment` or `classroom`.
pub fn mode_code(mode: Mode) -> &'static str {
    match mode {
        Mode::Practice => "practice",
        Mode::Assessment => "assessment",
        Mode::Classroom => "classroom",
    }
}

/// Which scenario was played, exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioInfo {
    /// Scenario id (shared by its language versions).
    pub id: String,
    /// The trainer's version number.
    pub version: u32,
    /// Hash of the scenario file: an attempt replays exactly when it matches.
    pub content_hash: String,
    /// Language of the scenario's texts.
    pub language: String,
    /// Title, for reports.
    pub title: String,
}

/// One dimension's result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DimensionResult {
    /// 0–100; `null` when nothing was at stake (not assessed).
    pub score: Option<f64>,
    /// Points earned.
    pub earned: f64,
    /// Points at stake.
    pub available: f64,
}

/// The three scores and the balance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Empathy.
    pub empathy: DimensionResult,
    /// Promise-keeping.
    pub promise_keeping: DimensionResult,
    /// Care, not "educate".
    pub care: DimensionResult,
    /// The balance of the assessed scores (`scoring::balance`); `null`
    /// when nothing was assessed.
    pub balance: Option<f64>,
}

impl Scores {
    /// The three scores in [`Dimension::ALL`] order.
    pub fn array(&self) -> [Option<f64>; 3] {
        [
            self.empathy.score,
            self.promise_keeping.score,
            self.care.score,
        ]
    }

    /// One dimension's result.
    pub fn get(&self, dimension: Dimension) -> DimensionResult {
        match dimension {
            Dimension::Empathy => self.empathy,
            Dimension::Promise => self.promise_keeping,
            Dimension::Care => self.care,
        }
    }
}

/// Points of one reply, per dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReplyPoints {
    /// Empathy.
    pub empathy: Points,
    /// Promise-keeping.
    pub promise_keeping: Points,
    /// Care, not "educate".
    pub care: Points,
}

impl ReplyPoints {
    fn of(points: &[Points; 3]) -> ReplyPoints {
        ReplyPoints {
            empathy: points[Dimension::Empathy.index()],
            promise_keeping: points[Dimension::Promise.index()],
            care: points[Dimension::Care.index()],
        }
    }

    /// The points in [`Dimension::ALL`] order.
    pub fn array(&self) -> [Points; 3] {
        [self.empathy, self.promise_keeping, self.care]
    }
}

/// A reply that was on offer at a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferedReply {
    /// Choice id.
    pub reply_id: String,
    /// Its text, placeholders filled.
    pub text: String,
}

/// Something that happened, by ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event")]
pub enum EventRecord {
    /// The conversation reached a node.
    Entered {
        /// Node id.
        node_id: String,
    },
    /// The trainee replied (or the time ran out: reply `timeout`).
    Replied {
        /// Node id.
        node_id: String,
        /// Choice id or `timeout`.
        reply_id: String,
    },
    /// The customer's mood changed.
    MoodChanged {
        /// Before.
        from: i32,
        /// After.
        to: i32,
    },
    /// Points on one dimension.
    Scored {
        /// The dimension.
        dimension: Dimension,
        /// Earned.
        earned: f64,
        /// At stake.
        available: f64,
        /// Why, in the record's language.
        explanation: String,
    },
    /// A promise was made.
    PromiseMade {
        /// Promise id.
        promise_id: String,
        /// The limit it ignores, if unrealistic.
        limit: Option<Limit>,
    },
    /// A promise was kept.
    PromiseKept {
        /// Promise id.
        promise_id: String,
    },
    /// A promise was broken.
    PromiseBroken {
        /// Promise id.
        promise_id: String,
        /// True when it was still open at the end.
        at_end: bool,
    },
    /// The trainee confirmed with the customer.
    PromiseConfirmed {
        /// Promise id.
        promise_id: String,
    },
    /// A promise was honestly taken back.
    PromiseRetracted {
        /// Promise id.
        promise_id: String,
    },
    /// A flag was set.
    FlagSet {
        /// Flag name.
        flag: String,
    },
    /// An ending was reached.
    Ended {
        /// Node id.
        node_id: String,
        /// Its outcome.
        outcome: Outcome,
    },
}

/// One decision of the trainee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    /// 1-based number.
    pub number: usize,
    /// Node id.
    pub node_id: String,
    /// What was said before the reply, placeholders filled.
    pub prompt: String,
    /// Choice id, or `timeout`.
    pub reply_id: String,
    /// The reply, placeholders filled.
    pub reply_text: String,
    /// True when the time ran out.
    pub timed_out: bool,
    /// 1-based position of the reply on screen (0 for a timeout).
    pub position: u8,
    /// The replies on offer, in scenario order.
    pub offered: Vec<OfferedReply>,
    /// Milliseconds taken, when measured.
    pub elapsed_ms: Option<u32>,
    /// Mood before the reply.
    pub mood_before: i32,
    /// Mood after the reply.
    pub mood_after: i32,
    /// Points of this reply.
    pub points: ReplyPoints,
    /// The trainer's feedback on the reply.
    pub feedback: String,
    /// What the reply caused.
    pub events: Vec<EventRecord>,
    /// Classroom mode: how many people in the room chose each reply on
    /// offer (empty for a trainee's own attempt).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<ReplyVotes>,
}

/// How many people in the room chose one reply at one decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyVotes {
    /// The choice id.
    pub reply_id: String,
    /// Raised hands.
    pub votes: u32,
    /// The trainer marked this reply as the room's majority without
    /// counting hands.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub majority: bool,
}

/// One line of the score's explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreLineRecord {
    /// The dimension.
    pub dimension: Dimension,
    /// Earned.
    pub earned: f64,
    /// At stake.
    pub available: f64,
    /// Why, in the record's language.
    pub explanation: String,
    /// The trainer's feedback, when the line comes from a reply.
    pub feedback: Option<String>,
}

/// One promise of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseRecord {
    /// Promise id.
    pub promise_id: String,
    /// What was promised.
    pub text: String,
    /// The limit it ignored, if unrealistic.
    pub limit: Option<Limit>,
    /// Where it ended up.
    pub status: PromiseStatus,
    /// Confirmed with the customer.
    pub confirmed: bool,
    /// The scenario allowed confirming it.
    pub confirmable: bool,
}

/// A reflection prompt and the trainee's answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionAnswer {
    /// The prompt shown.
    pub prompt: String,
    /// What the trainee wrote (may be empty).
    pub answer: String,
}

/// Everything about one attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    /// [`FORMAT`] when written.
    pub format: u32,
    /// Unique id of the attempt (a UUID), the same in every revision.
    pub attempt_id: String,
    /// Grows each time the attempt is written again (after each reply, at
    /// the end, when a reflection is written): the highest one wins.
    pub revision: u32,
    /// The Momento version that wrote it.
    pub app_version: String,
    /// The trainee's name, as it was when the attempt was written.
    pub trainee: String,
    /// The trainee's stable id (generated once per trainee and kept in the
    /// app's settings): the attempt stays theirs when they change their
    /// name. Empty in records written before ids existed, and in generated
    /// attempts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trainee_id: String,
    /// The scenario played.
    pub scenario: ScenarioInfo,
    /// Language of the explanations in this record.
    pub ui_language: Lang,
    /// Practice or assessment.
    pub mode: Mode,
    /// The seed.
    pub seed: u64,
    /// When the attempt started.
    pub started_at: Timestamp,
    /// When it ended (or was last written, for an attempt in progress).
    pub ended_at: Timestamp,
    /// The outcome, or abandoned.
    pub outcome: AttemptOutcome,
    /// The customer's name in this attempt.
    pub customer: String,
    /// Scores so far (final once finished).
    pub scores: Scores,
    /// Every decision.
    pub steps: Vec<StepRecord>,
    /// For an unfinished attempt: the fewest decisions a complete path
    /// through it would have had (the decisions made plus the shortest way
    /// to an ending from where it stopped). `None` when finished, and in
    /// records written before this field existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions_at_least: Option<usize>,
    /// What happened before the first decision.
    pub opening_events: Vec<EventRecord>,
    /// Every scoring line, explained.
    pub score_lines: Vec<ScoreLineRecord>,
    /// The promise ledger (promises made).
    pub promises: Vec<PromiseRecord>,
    /// Mood at the start and after each decision.
    pub mood: Vec<i32>,
    /// The ending's closing text (empty when abandoned).
    pub closing: String,
    /// Reflection prompts and answers.
    pub reflection: Vec<ReflectionAnswer>,
    /// The session as the engine saves it: enough to replay it exactly.
    pub replay: SavedSession,
}

/// What the caller knows about an attempt that the session does not.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptMeta {
    /// Unique id (see [`new_attempt_id`](super::new_attempt_id)).
    pub attempt_id: String,
    /// Revision number of this write.
    pub revision: u32,
    /// When it started.
    pub started_at: Timestamp,
    /// When it ended (or now, while in progress).
    pub ended_at: Timestamp,
    /// Language for the explanations.
    pub lang: Lang,
    /// Reflection answers, in prompt order.
    pub reflection_answers: Vec<String>,
}

impl AttemptRecord {
    /// A record as this version scores it: format 1 wrote 100 for a
    /// dimension with nothing at stake and balanced all three, where it is
    /// now not assessed and left out of the balance.
    pub fn upgraded(mut self) -> AttemptRecord {
        if self.format < 2 {
            let scores = &mut self.scores;
            let mut points = [Points::default(); 3];
            for (d, result) in [
                &mut scores.empathy,
                &mut scores.promise_keeping,
                &mut scores.care,
            ]
            .into_iter()
            .enumerate()
            {
                points[d] = Points {
                    earned: result.earned,
                    available: result.available,
                };
                result.score = points[d].percent();
            }
            scores.balance = scoring::balance(points);
        }
        self
    }

    /// The record of a session, finished or not.
    pub fn of(session: &Session, meta: &AttemptMeta) -> AttemptRecord {
        let scenario = session.scenario();
        let review = Debrief::of(session, meta.lang);
        let scorecard = &review.scorecard;
        let result = |d: Dimension| {
            let s = scorecard.dimensions[d.index()];
            DimensionResult {
                score: s.score,
                earned: s.points.earned,
                available: s.points.available,
            }
        };
        let events = session.events();
        let steps = session
            .steps()
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let node = &scenario.nodes[step.node as usize];
                let reply = reply_of(node, step.reply);
                let range = step.events.0 as usize..step.events.1 as usize;
                StepRecord {
                    number: i + 1,
                    node_id: node.id.value.clone(),
                    prompt: session.resolve_text(&node.text),
                    reply_id: reply_id(scenario, step.node, step.reply),
                    reply_text: reply
                        .map(|c| session.resolve_text(&c.text))
                        .unwrap_or_default(),
                    timed_out: step.reply == ReplyRef::Timeout,
                    position: step.position,
                    offered: node
                        .choices()
                        .iter()
                        .enumerate()
                        .filter(|(c, _)| {
                            step.offered & 1u16.checked_shl(*c as u32).unwrap_or(0) != 0
                        })
                        .map(|(_, c)| OfferedReply {
                            reply_id: c.id.value.clone(),
                            text: session.resolve_text(&c.text),
                        })
                        .collect(),
                    elapsed_ms: step.elapsed_ms,
                    mood_before: step.mood_before,
                    mood_after: step.mood_after,
                    points: ReplyPoints::of(&step.points),
                    feedback: reply
                        .map(|c| session.resolve_text(&c.feedback))
                        .unwrap_or_default(),
                    events: events
                        .get(range)
                        .unwrap_or_default()
                        .iter()
                        .map(|e| event_record(session, e, meta.lang))
                        .collect(),
                    votes: Vec::new(),
                }
            })
            .collect();
        let first_step_events = session
            .steps()
            .first()
            .map_or(events.len(), |s| s.events.0 as usize);
        let opening_events = events
            .get(..first_step_events)
            .unwrap_or_default()
            .iter()
            .map(|e| event_record(session, e, meta.lang))
            .collect();
        let score_lines = scorecard
            .lines
            .iter()
            .map(|line| score_line(session, line, meta.lang))
            .collect();
        let promises = review
            .promises
            .iter()
            .map(|p| PromiseRecord {
                promise_id: p.id.clone(),
                text: p.text.clone(),
                limit: p.limit,
                status: p.status,
                confirmed: p.confirmed,
                confirmable: p.confirmable,
            })
            .collect();
        let reflection = review
            .reflection_prompts
            .iter()
            .enumerate()
            .map(|(i, prompt)| ReflectionAnswer {
                prompt: prompt.clone(),
                answer: meta.reflection_answers.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        AttemptRecord {
            format: FORMAT,
            attempt_id: meta.attempt_id.clone(),
            revision: meta.revision,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            trainee: session.trainee().to_string(),
            trainee_id: String::new(),
            scenario: ScenarioInfo {
                id: scenario.id.value.clone(),
                version: scenario.version,
                content_hash: scenario.source.content_hash.clone(),
                language: scenario.language.value.clone(),
                title: scenario.title.value.clone(),
            },
            ui_language: meta.lang,
            mode: session.mode(),
            seed: session.seed(),
            started_at: meta.started_at,
            ended_at: meta.ended_at,
            outcome: AttemptOutcome::of(session.outcome()),
            customer: review.customer.clone(),
            scores: Scores {
                empathy: result(Dimension::Empathy),
                promise_keeping: result(Dimension::Promise),
                care: result(Dimension::Care),
                balance: scorecard.balance,
            },
            steps,
            decisions_at_least: review.progress.map(|(_, total)| total),
            opening_events,
            score_lines,
            promises,
            mood: review.mood.clone(),
            closing: review.closing.clone(),
            reflection,
            replay: session.save(),
        }
    }

    /// How long the attempt took, in milliseconds (0 if the clock went back).
    pub fn duration_ms(&self) -> u64 {
        let span = self.ended_at.as_millisecond() - self.started_at.as_millisecond();
        u64::try_from(span).unwrap_or(0)
    }

    /// True when the reflection has at least one answer.
    pub fn has_reflection(&self) -> bool {
        self.reflection.iter().any(|r| !r.answer.trim().is_empty())
    }
}

fn reply_id(scenario: &Scenario, node: NodeIdx, reply: ReplyRef) -> String {
    match reply {
        ReplyRef::Timeout => "timeout".to_string(),
        ReplyRef::Choice(c) => scenario
            .node(node)
            .and_then(|n| n.choices().get(c as usize))
            .map(|c| c.id.value.clone())
            .unwrap_or_default(),
    }
}

fn node_id(scenario: &Scenario, node: NodeIdx) -> String {
    scenario
        .node(node)
        .map(|n| n.id.value.clone())
        .unwrap_or_default()
}

fn promise_id(scenario: &Scenario, promise: PromiseIdx) -> String {
    scenario
        .promises
        .get(promise as usize)
        .map(|p| p.id.clone())
        .unwrap_or_default()
}

fn score_line(session: &Session, line: &ScoreLine, lang: Lang) -> ScoreLineRecord {
    ScoreLineRecord {
        dimension: line.dimension,
        earned: line.points.earned,
        available: line.points.available,
        explanation: debrief::explain(session, line, lang),
        feedback: debrief::feedback_of(session, line),
    }
}

fn event_record(session: &Session, event: &Event, lang: Lang) -> EventRecord {
    let scenario = session.scenario();
    match *event {
        Event::Entered { node } => EventRecord::Entered {
            node_id: node_id(scenario, node),
        },
        Event::Replied { node, reply } => EventRecord::Replied {
            node_id: node_id(scenario, node),
            reply_id: reply_id(scenario, node, reply),
        },
        Event::MoodChanged { from, to } => EventRecord::MoodChanged { from, to },
        Event::Scored(line) => EventRecord::Scored {
            dimension: line.dimension,
            earned: line.points.earned,
            available: line.points.available,
            explanation: debrief::explain(session, &line, lang),
        },
        Event::PromiseMade { promise, limit, .. } => EventRecord::PromiseMade {
            promise_id: promise_id(scenario, promise),
            limit,
        },
        Event::PromiseKept { promise } => EventRecord::PromiseKept {
            promise_id: promise_id(scenario, promise),
        },
        Event::PromiseBroken { promise, at_end } => EventRecord::PromiseBroken {
            promise_id: promise_id(scenario, promise),
            at_end,
        },
        Event::PromiseConfirmed { promise } => EventRecord::PromiseConfirmed {
            promise_id: promise_id(scenario, promise),
        },
        Event::PromiseRetracted { promise } => EventRecord::PromiseRetracted {
            promise_id: promise_id(scenario, promise),
        },
        Event::FlagSet { flag } => EventRecord::FlagSet {
            flag: scenario
                .flags
                .get(flag as usize)
                .cloned()
                .unwrap_or_default(),
        },
        Event::Ended { node, outcome } => EventRecord::Ended {
            node_id: node_id(scenario, node),
            outcome,
        },
    }
}
