//! The debrief of a session as data: what the GUI and the terminal show
//! after an ending. Built here, not in the UI, so both explain a score the
//! same way and the UI only lays it out.

use crate::engine::{Cause, Event, MoodLevel, PromiseStatus, ReplyRef, Session, Step, reply_of};
use crate::graph;
use crate::i18n;
use crate::labels;
use crate::lang::Lang;
use crate::scenario::model::*;
use crate::scoring::{self, Points, ScoreLine, Scorecard};

/// One decision, reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionReview {
    /// 1-based number.
    pub number: usize,
    /// Node id.
    pub node: String,
    /// What the customer (or narrator) said before the reply.
    pub prompt: String,
    /// The reply given.
    pub reply: String,
    /// True when the time ran out.
    pub timed_out: bool,
    /// The trainer's feedback on that reply.
    pub feedback: String,
    /// Points per dimension.
    pub points: [Points; 3],
    /// Mood before and after.
    pub mood: (i32, i32),
    /// Milliseconds taken, if measured.
    pub elapsed_ms: Option<u32>,
    /// The best reply that was on offer, when it was better than this one.
    pub better: Option<BetterReply>,
}

/// A better reply that was on offer.
#[derive(Debug, Clone, PartialEq)]
pub struct BetterReply {
    /// Choice id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its feedback.
    pub feedback: String,
    /// The points it would have earned.
    pub points: [Points; 3],
}

/// One promise, reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct PromiseReview {
    /// Promise id.
    pub id: String,
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

/// Everything the debrief shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    /// The customer's name in this session.
    pub customer: String,
    /// The customer's grammatical gender, for labels that agree with it.
    pub gender: Gender,
    /// The outcome, if the session ended.
    pub outcome: Option<Outcome>,
    /// The ending's closing text.
    pub closing: String,
    /// The ending's lesson.
    pub lesson: String,
    /// Scores with every line.
    pub scorecard: Scorecard,
    /// Each decision.
    pub decisions: Vec<DecisionReview>,
    /// Each promise made.
    pub promises: Vec<PromiseReview>,
    /// Mood at the start and after each decision.
    pub mood: Vec<i32>,
    /// Reflection prompts (the scenario's, or defaults).
    pub reflection_prompts: Vec<String>,
    /// Why the conversation ended as it did: the mood it reached and the
    /// conduct behind it. Empty while it has not ended.
    pub why: String,
    /// Said when the ending and the scores disagree.
    pub disagreement: Option<String>,
    /// For an unfinished attempt: decisions made, and the fewest a
    /// complete conversation from the start of this one would take.
    pub progress: Option<(usize, usize)>,
}

/// Balance below which keeping the customer is called out as luck.
const KEPT_BUT_LOW_BALANCE: f64 = 60.0;
/// Balance from which losing the customer is called out as not the
/// trainee's conduct alone.
const LOST_BUT_HIGH_BALANCE: f64 = 80.0;

/// The fewest decisions from `node` to an ending, over every way the
/// conversation can go (conditions ignored, so it is a lower bound).
/// Every node that is not an ending is one decision.
fn decisions_to_end(scenario: &Scenario, node: NodeIdx) -> Option<usize> {
    let mut best: Vec<Option<usize>> = vec![None; scenario.nodes.len()];
    let mut queue = std::collections::VecDeque::new();
    best[node as usize] = Some(0);
    queue.push_back(node);
    while let Some(current) = queue.pop_front() {
        let here = best[current as usize]?;
        let node_ref = scenario.node(current)?;
        if node_ref.is_ending() {
            return Some(here);
        }
        let cost = here + 1;
        let replies = node_ref
            .choices()
            .iter()
            .chain(node_ref.time_limit().map(|t| &t.reply));
        for reply in replies {
            for target in reply.next.targets() {
                let Some(slot) = best.get_mut(target.node as usize) else {
                    continue;
                };
                if slot.is_none() {
                    *slot = Some(cost);
                    queue.push_back(target.node);
                }
            }
        }
    }
    None
}

/// "Why this ending" and, when they disagree, what the scores say.
fn verdict(session: &Session, scorecard: &Scorecard, lang: Lang) -> (String, Option<String>) {
    let t = lang.texts();
    let Some(outcome) = session.outcome() else {
        return (String::new(), None);
    };
    let scenario = session.scenario();
    let ledger = session.ledger();
    let made = ledger
        .iter()
        .filter(|e| e.status != PromiseStatus::NotMade)
        .count();
    let promises = if made == 0 {
        t.why_no_promises.to_string()
    } else {
        let kept = ledger
            .iter()
            .filter(|e| e.status == PromiseStatus::Kept)
            .count();
        let confirmed = ledger.iter().filter(|e| e.confirmed).count();
        let unrealistic = ledger
            .iter()
            .filter(|e| e.status != PromiseStatus::NotMade && e.limit.is_some())
            .count();
        let unrealistic = if unrealistic > 0 {
            i18n::fill(t.why_unrealistic, &[("count", &unrealistic.to_string())])
        } else {
            String::new()
        };
        i18n::fill(
            t.why_promises,
            &[
                (
                    "made",
                    &i18n::count(made, t.why_promise_one, t.why_promise_many),
                ),
                ("unrealistic", &unrealistic),
                ("kept", &kept.to_string()),
                ("confirmed", &confirmed.to_string()),
            ],
        )
    };
    let total = session.steps().len();
    // "Hid behind policy" is the workbench's orange: the same rule.
    let shields = session
        .steps()
        .iter()
        .filter(|step| {
            let Some(node) = scenario.node(step.node) else {
                return false;
            };
            let offered: Vec<Effects> = node
                .choices()
                .iter()
                .enumerate()
                .filter(|(i, _)| step.offered & (1u16 << i) != 0)
                .map(|(_, c)| c.effects)
                .collect();
            reply_of(node, step.reply).is_some_and(|reply| {
                graph::classify(&reply.effects, &offered) == graph::Effect::Educating
            })
        })
        .count();
    let shields = if shields == 0 {
        i18n::fill(t.why_no_shields, &[("total", &total.to_string())])
    } else if shields == 1 {
        i18n::fill(t.why_one_shield, &[("total", &total.to_string())])
    } else {
        i18n::fill(
            t.why_shields,
            &[
                ("count", &shields.to_string()),
                ("total", &total.to_string()),
            ],
        )
    };
    let mood = session.mood();
    let why = i18n::fill(
        t.why_template,
        &[
            ("customer", session.customer_name()),
            ("mood", &mood.to_string()),
            (
                "level",
                &labels::mood(lang, MoodLevel::of(mood), scenario.customer.gender).to_lowercase(),
            ),
            ("promises", &promises),
            ("shields", &shields),
        ],
    );
    let disagreement = scorecard.balance.and_then(|balance| {
        let template = match outcome {
            Outcome::Kept if balance < KEPT_BUT_LOW_BALANCE => t.disagree_kept,
            Outcome::Lost if balance >= LOST_BUT_HIGH_BALANCE => t.disagree_lost,
            _ => return None,
        };
        Some(i18n::fill(
            template,
            &[
                ("customer", session.customer_name()),
                ("balance", &format!("{:.0}", balance.round())),
            ],
        ))
    });
    (why, disagreement)
}

impl Debrief {
    /// Reviews a session (finished or not).
    pub fn of(session: &Session, lang: Lang) -> Debrief {
        let scenario = session.scenario();
        let decisions = session
            .steps()
            .iter()
            .enumerate()
            .filter_map(|(i, step)| review_step(session, i, step))
            .collect();
        let promises = session
            .ledger()
            .iter()
            .enumerate()
            .filter(|(_, entry)| entry.status != PromiseStatus::NotMade)
            .map(|(i, entry)| {
                let info = &scenario.promises[i];
                let text = made_text(session, entry.made_at)
                    .or_else(|| {
                        scenario
                            .promise_text(i as PromiseIdx)
                            .map(|(t, _)| t.value.clone())
                    })
                    .unwrap_or_else(|| info.id.clone());
                PromiseReview {
                    id: info.id.clone(),
                    text: session.resolve_text(&text),
                    limit: entry.limit,
                    status: entry.status,
                    confirmed: entry.confirmed,
                    confirmable: info.confirmable,
                }
            })
            .collect();
        let (closing, lesson) = match (session.is_finished(), &session.node().body) {
            (true, NodeBody::Ending { debrief, notes, .. }) => {
                let mut lesson = session.resolve_text(debrief);
                for note in notes.iter().filter(|n| session.holds(&n.when)) {
                    lesson.push(' ');
                    lesson.push_str(&session.resolve_text(&note.text));
                }
                (session.resolve_text(&session.node().text), lesson)
            }
            _ => (String::new(), String::new()),
        };
        let reflection_prompts = if scenario.reflection_prompts.is_empty() {
            let t = lang.texts();
            vec![
                t.default_reflection_1.to_string(),
                t.default_reflection_2.to_string(),
                t.default_reflection_3.to_string(),
            ]
        } else {
            scenario
                .reflection_prompts
                .iter()
                .map(|p| session.resolve_text(p))
                .collect()
        };
        let scorecard = session.scorecard();
        let (why, disagreement) = verdict(session, &scorecard, lang);
        let progress = (!session.is_finished()).then(|| {
            let made = session.steps().len();
            let left = decisions_to_end(scenario, session.node_index()).unwrap_or(0);
            (made, made + left)
        });
        Debrief {
            why,
            disagreement,
            progress,
            customer: session.customer_name().to_string(),
            gender: scenario.customer.gender,
            outcome: session.outcome(),
            closing,
            lesson,
            scorecard,
            decisions,
            promises,
            mood: session.mood_history(),
            reflection_prompts,
        }
    }
}

/// The review of the trainee's latest decision: what practice mode shows
/// right after a reply.
pub fn last_decision(session: &Session) -> Option<DecisionReview> {
    let steps = session.steps();
    let index = steps.len().checked_sub(1)?;
    review_step(session, index, &steps[index])
}

/// The review of decision `index` (0-based), taken at `step`.
fn review_step(session: &Session, index: usize, step: &Step) -> Option<DecisionReview> {
    let scenario = session.scenario();
    let node = scenario.node(step.node)?;
    let reply = reply_of(node, step.reply)?;
    let chosen_quality = scoring::reply_quality(&step.points).unwrap_or(1.0);
    let better = best_offered(node, step.offered)
        .filter(|(_, _, quality)| *quality > chosen_quality + 1e-9)
        .filter(|(c, _, _)| ReplyRef::Choice(*c) != step.reply)
        .and_then(|(c, points, _)| {
            let choice = node.choices().get(c as usize)?;
            Some(BetterReply {
                id: choice.id.value.clone(),
                text: session.resolve_text(&choice.text),
                feedback: session.resolve_text(&choice.feedback),
                points,
            })
        });
    Some(DecisionReview {
        number: index + 1,
        node: node.id.value.clone(),
        prompt: session.resolve_text(&node.text),
        reply: session.resolve_text(&reply.text),
        timed_out: step.reply == ReplyRef::Timeout,
        feedback: session.resolve_text(&reply.feedback),
        points: step.points,
        mood: (step.mood_before, step.mood_after),
        elapsed_ms: step.elapsed_ms,
        better,
    })
}

fn made_text(session: &Session, at: Option<crate::engine::ActionAt>) -> Option<String> {
    let at = at?;
    let node = session.scenario().node(at.node)?;
    let actions = match at.reply {
        Some(reply) => &reply_of(node, reply)?.promises,
        None => &node.promises,
    };
    match actions.get(at.index as usize)? {
        PromiseAction::Make { text, .. } => Some(text.value.clone()),
        _ => None,
    }
}

/// The best choice among those offered (bit mask), with its points and
/// quality.
pub fn best_offered(node: &Node, offered: u16) -> Option<(ChoiceIdx, [Points; 3], f64)> {
    let choices = node.choices();
    let on_offer: Vec<(ChoiceIdx, &Choice)> = choices
        .iter()
        .enumerate()
        .filter(|(i, _)| offered & (1u16.checked_shl(*i as u32).unwrap_or(0)) != 0)
        .map(|(i, c)| (i as ChoiceIdx, c))
        .collect();
    on_offer
        .iter()
        .filter_map(|&(i, choice)| {
            let points =
                scoring::reply_points(on_offer.iter().map(|(_, c)| &c.effects), &choice.effects);
            scoring::reply_quality(&points).map(|q| (i, points, q))
        })
        .max_by(|a, b| a.2.total_cmp(&b.2))
}

/// A sentence explaining one score line, e.g. "Promise kept "call back"".
pub fn explain(session: &Session, line: &ScoreLine, lang: Lang) -> String {
    let t = lang.texts();
    let scenario = session.scenario();
    // People read what was promised, not the trainer's id for it.
    let promise_id = |p: PromiseIdx| {
        scenario
            .promise_text(p)
            .map(|(text, _)| session.resolve_text(text))
            .or_else(|| scenario.promises.get(p as usize).map(|p| p.id.clone()))
            .unwrap_or_default()
    };
    let reply_text = |node: NodeIdx, reply: ReplyRef| {
        scenario
            .node(node)
            .and_then(|n| reply_of(n, reply))
            .map(|c| shorten(&session.resolve_text(&c.text), 70))
            .unwrap_or_default()
    };
    match line.cause {
        Cause::Reply { node, reply } => {
            let Some(node) = scenario.node(node) else {
                return String::new();
            };
            match (reply, reply_of(node, reply)) {
                (ReplyRef::Choice(_), Some(choice)) => i18n::fill(
                    t.cause_reply,
                    &[("reply", &shorten(&session.resolve_text(&choice.text), 70))],
                ),
                _ => i18n::fill(t.cause_timeout, &[("node", &node.id.value)]),
            }
        }
        Cause::Unrealistic { promise, limit } => i18n::fill(
            t.cause_unrealistic,
            &[
                ("promise", &promise_id(promise)),
                ("limit", labels::limit(lang, limit)),
            ],
        ),
        Cause::Kept { promise } => i18n::fill(t.cause_kept, &[("promise", &promise_id(promise))]),
        Cause::Broken { promise, at_end } => i18n::fill(
            if at_end {
                t.cause_broken_at_end
            } else {
                t.cause_broken
            },
            &[("promise", &promise_id(promise))],
        ),
        Cause::Confirmed { promise } => {
            i18n::fill(t.cause_confirmed, &[("promise", &promise_id(promise))])
        }
        Cause::NotConfirmed { promise } => {
            i18n::fill(t.cause_not_confirmed, &[("promise", &promise_id(promise))])
        }
        Cause::Retracted { promise } => {
            i18n::fill(t.cause_retracted, &[("promise", &promise_id(promise))])
        }
        Cause::KeptByLuck { promise } => {
            i18n::fill(t.cause_kept_by_luck, &[("promise", &promise_id(promise))])
        }
        Cause::BeyondFurious {
            node,
            reply,
            excess,
        } => i18n::fill(
            t.cause_beyond_furious,
            &[
                ("excess", &excess.to_string()),
                ("reply", &reply_text(node, reply)),
            ],
        ),
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The feedback text behind a score line, when it comes from a reply.
pub fn feedback_of(session: &Session, line: &ScoreLine) -> Option<String> {
    match line.cause {
        Cause::Reply { node, reply } => session
            .scenario()
            .node(node)
            .and_then(|n| reply_of(n, reply))
            .map(|c| session.resolve_text(&c.feedback)),
        _ => None,
    }
}

/// Mood changes in a slice of events, as (from, to).
pub fn mood_changes(events: &[Event]) -> Option<(i32, i32)> {
    let mut first = None;
    let mut last = None;
    for event in events {
        if let Event::MoodChanged { from, to } = *event {
            first.get_or_insert(from);
            last = Some(to);
        }
    }
    first.zip(last)
}

/// Formats points for display: "+2 of 4" style numbers without trailing ".0".
pub fn format_points(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else {
        format!("{value:.1}")
    }
}
