//! Group attempts of classroom mode: a trainer plays a scenario with a
//! group on a projector and records how many people chose each reply at
//! each decision. The attempt is an ordinary [`AttemptRecord`] (trainee =
//! the group's name, mode = classroom) whose steps carry the vote counts, so
//! it is stored, loaded and quarantined like any other.
//!
//! [`vote_table`] is the plain data a group debrief is drawn from, on
//! screen or on paper.

use super::record::AttemptRecord;
pub use super::record::ReplyVotes;
use super::{Recording, Store, StoreError, StoredRecord};
use crate::debrief;
use crate::engine::Session;
use crate::lang::Lang;
use crate::scenario::model::{Gender, Scenario};
use crate::scenario::placeholder::{self, Fill};
use jiff::Timestamp;
use serde::Serialize;

/// The most hands counted for one reply: a room, not a stadium. It keeps a
/// slip of the key from recording nonsense and every sum far from overflow.
pub const MAX_VOTES: u32 = 999;

/// The hands raised at one decision.
pub fn total(votes: &[ReplyVotes]) -> u32 {
    votes.iter().map(|v| v.votes.min(MAX_VOTES)).sum()
}

/// The reply most people chose: the one with strictly more votes than
/// every other, else the one the trainer marked (a tie or an empty room
/// has no majority).
pub fn majority(votes: &[ReplyVotes]) -> Option<&str> {
    counted(votes).or_else(|| {
        votes
            .iter()
            .find(|v| v.majority)
            .map(|v| v.reply_id.as_str())
    })
}

fn counted(votes: &[ReplyVotes]) -> Option<&str> {
    let top = votes.iter().map(|v| v.votes).max().filter(|&n| n > 0)?;
    let mut leaders = votes.iter().filter(|v| v.votes == top);
    let leader = leaders.next()?;
    leaders.next().is_none().then_some(leader.reply_id.as_str())
}

/// The share (0–1) of the room behind `votes`, 0 in an empty room.
pub fn share(votes: u32, total: u32) -> f64 {
    if total == 0 {
        0.0
    } else {
        f64::from(votes) / f64::from(total)
    }
}

/// One reply at one decision of a group attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VoteCell {
    /// Choice id.
    pub reply_id: String,
    /// The reply, placeholders filled.
    pub text: String,
    /// The trainer's feedback on it, when the scenario still has the reply.
    pub feedback: String,
    /// Hands raised for it.
    pub votes: u32,
    /// `votes` ÷ hands raised at the decision (0–1).
    pub share: f64,
    /// True for the best reply on offer, by the scenario's scoring.
    pub best: bool,
    /// True for the reply the conversation followed.
    pub followed: bool,
    /// True when the trainer marked it as the majority without counting.
    pub marked_majority: bool,
}

/// One decision of a group attempt: what was said, and how the room voted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VoteRow {
    /// 1-based decision number.
    pub number: usize,
    /// Node id.
    pub node_id: String,
    /// The customer's (or narrator's) line before the vote.
    pub prompt: String,
    /// The node's discussion question, placeholders filled.
    pub discussion: Option<String>,
    /// Each reply on offer, in scenario order.
    pub replies: Vec<VoteCell>,
    /// Hands raised at this decision.
    pub voters: u32,
    /// True when the trainer let the time run out on purpose.
    pub timed_out: bool,
}

/// Per decision of a group attempt: the customer's line, each reply's text,
/// votes, share and whether it is the best reply on offer. Best replies,
/// feedback and discussion questions come from `scenario`; when it no
/// longer has a node or reply of the record, those are left empty rather
/// than guessed.
pub fn vote_table(record: &AttemptRecord, scenario: &Scenario) -> Vec<VoteRow> {
    let same_scenario = scenario.id.value == record.scenario.id;
    let fill = |text: &str| {
        placeholder::fill(
            text,
            Fill {
                customer: &record.customer,
                gender: if same_scenario {
                    scenario.customer.gender
                } else {
                    Gender::default()
                },
                spanish: record.scenario.language == "es",
                trainee: "",
            },
        )
    };
    record
        .steps
        .iter()
        .map(|step| {
            let node = same_scenario
                .then(|| scenario.node_by_id(&step.node_id))
                .flatten()
                .and_then(|n| scenario.node(n));
            let choices = node.map(|n| n.choices()).unwrap_or_default();
            let index_of = |id: &str| choices.iter().position(|c| c.id.value == id);
            let offered_mask = step
                .offered
                .iter()
                .filter_map(|o| index_of(&o.reply_id))
                .fold(0u16, |mask, i| {
                    mask | 1u16.checked_shl(i as u32).unwrap_or(0)
                });
            let best = node
                .and_then(|n| debrief::best_offered(n, offered_mask))
                .and_then(|(c, _, _)| choices.get(c as usize))
                .map(|c| c.id.value.clone());
            let voters = total(&step.votes);
            let replies = step
                .offered
                .iter()
                .map(|offered| {
                    let entry = step.votes.iter().find(|v| v.reply_id == offered.reply_id);
                    let votes = entry.map_or(0, |v| v.votes.min(MAX_VOTES));
                    VoteCell {
                        reply_id: offered.reply_id.clone(),
                        text: offered.text.clone(),
                        feedback: index_of(&offered.reply_id)
                            .and_then(|i| choices.get(i))
                            .map(|c| fill(&c.feedback))
                            .unwrap_or_default(),
                        votes,
                        share: share(votes, voters),
                        best: best.as_deref() == Some(offered.reply_id.as_str()),
                        followed: step.reply_id == offered.reply_id,
                        marked_majority: entry.is_some_and(|v| v.majority),
                    }
                })
                .collect();
            VoteRow {
                number: step.number,
                node_id: step.node_id.clone(),
                prompt: step.prompt.clone(),
                discussion: node.and_then(|n| n.discussion.as_ref()).map(|d| fill(d)),
                replies,
                voters,
                timed_out: step.timed_out,
            }
        })
        .collect()
}

/// The discussion questions of a scenario, in node order, placeholders
/// filled for `session`.
pub fn discussion_questions(session: &Session) -> Vec<String> {
    session
        .scenario()
        .nodes
        .iter()
        .filter_map(|n| n.discussion.as_ref())
        .map(|d| session.resolve_text(d))
        .collect()
}

impl Recording {
    /// Writes the next revision of a group attempt: the session's record
    /// under the group's name, with the room's votes at each decision
    /// (`votes[i]` for decision `i + 1`). Atomic like every attempt.
    pub fn save_group(
        &mut self,
        store: &Store,
        session: &Session,
        group: &str,
        votes: &[Vec<ReplyVotes>],
        lang: Lang,
        now: Timestamp,
    ) -> Result<StoredRecord, StoreError> {
        let record = self.group_record(session, group, votes, lang, now);
        let path = store.write(&record, self.path.as_deref())?;
        self.revision = record.revision;
        self.path = Some(path.clone());
        Ok(StoredRecord { path, record })
    }

    /// The record [`Recording::save_group`] writes.
    pub fn group_record(
        &mut self,
        session: &Session,
        group: &str,
        votes: &[Vec<ReplyVotes>],
        lang: Lang,
        now: Timestamp,
    ) -> AttemptRecord {
        let mut record = self.record(session, lang, &[], now);
        record.trainee = group.trim().to_string();
        for (step, room) in record.steps.iter_mut().zip(votes) {
            step.votes = room
                .iter()
                .map(|v| ReplyVotes {
                    reply_id: v.reply_id.clone(),
                    votes: v.votes.min(MAX_VOTES),
                    majority: v.majority,
                })
                .collect();
        }
        record
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(pairs: &[(&str, u32)]) -> Vec<ReplyVotes> {
        pairs
            .iter()
            .map(|(id, n)| ReplyVotes {
                reply_id: id.to_string(),
                votes: *n,
                majority: false,
            })
            .collect()
    }

    #[test]
    fn majority_needs_a_clear_leader() {
        assert_eq!(majority(&votes(&[("a", 3), ("b", 5)])), Some("b"));
        assert_eq!(majority(&votes(&[("a", 4), ("b", 4)])), None);
        assert_eq!(majority(&votes(&[("a", 0), ("b", 0)])), None);
        assert_eq!(majority(&[]), None);
        let mut marked = votes(&[("a", 0), ("b", 0)]);
        marked[1].majority = true;
        assert_eq!(majority(&marked), Some("b"));
    }

    #[test]
    fn totals_are_bounded_and_shares_safe() {
        assert_eq!(total(&votes(&[("a", u32::MAX), ("b", 1)])), MAX_VOTES + 1);
        assert_eq!(share(0, 0), 0.0);
        assert!((share(1, 4) - 0.25).abs() < 1e-12);
    }
}
