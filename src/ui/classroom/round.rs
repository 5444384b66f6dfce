//! One scenario played with a group: the room's votes at the current
//! decision, the discussion timer, and where the round is (voting, the
//! result of a vote, the group debrief). The engine plays as it does for a
//! trainee: the reply the room follows goes in, events come out.

use crate::engine::{ReplyRef, Session, TranscriptLine};
use crate::lang::Lang;
use crate::plan;
use crate::records::classroom::{self, MAX_VOTES, ReplyVotes, VoteRow};
use crate::records::{self, Recording};

/// Where a round is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundPhase {
    /// The room discusses and votes on the replies on offer.
    Voting,
    /// The result of the last vote: every reply's feedback and share.
    Result,
    /// The scenario ended: the group debrief.
    Debrief,
}

/// The discussion timer of one decision: it runs while the room discusses
/// and waits while votes are entered.
#[derive(Debug, Clone, PartialEq)]
pub struct Timer {
    /// Seconds of discussion for this decision.
    pub total: f64,
    /// Seconds already run before `running_since`.
    used: f64,
    /// When it started running, if it runs now.
    running_since: Option<f64>,
}

impl Timer {
    fn start(total: f64, now: f64) -> Timer {
        Timer {
            total,
            used: 0.0,
            running_since: Some(now),
        }
    }

    /// Seconds left (never below 0).
    pub fn left(&self, now: f64) -> f64 {
        let running = self
            .running_since
            .map_or(0.0, |since| (now - since).max(0.0));
        (self.total - self.used - running).max(0.0)
    }

    /// True while it counts down.
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Stops counting (the vote began, or the trainer paused).
    pub fn pause(&mut self, now: f64) {
        if let Some(since) = self.running_since.take() {
            self.used += (now - since).max(0.0);
        }
    }

    /// Counts down again.
    pub fn resume(&mut self, now: f64) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }
}

/// One scenario played with the group.
pub struct Round {
    /// The session (mode classroom).
    pub session: Session,
    /// Its place in the plan.
    pub plan_index: usize,
    /// Hands raised for each reply on offer, in display order.
    pub votes: Vec<u32>,
    /// The reply (display position) the trainer marked as the majority
    /// without counting.
    pub marked: Option<usize>,
    /// The reply (display position) the trainer picked to follow instead
    /// of the majority.
    pub picked: Option<usize>,
    /// Where the round is.
    pub phase: RoundPhase,
    /// The discussion timer, when the timer is on.
    pub timer: Option<Timer>,
    /// The room's votes at each decision taken, in order.
    pub room: Vec<Vec<ReplyVotes>>,
    /// The result of the last vote, while it is shown.
    pub result: Option<VoteRow>,
    factor: u32,
    transcript: Vec<TranscriptLine>,
}

impl Round {
    /// A round at the scenario's start; the timer runs from `now` when
    /// `factor` is not 0.
    pub fn new(session: Session, plan_index: usize, factor: u32, now: f64) -> Round {
        let mut round = Round {
            session,
            plan_index,
            votes: Vec::new(),
            marked: None,
            picked: None,
            phase: RoundPhase::Voting,
            timer: None,
            room: Vec::new(),
            result: None,
            factor,
            transcript: Vec::new(),
        };
        round.new_moment(now);
        round
    }

    fn new_moment(&mut self, now: f64) {
        self.transcript = self.session.transcript();
        self.votes = vec![0; self.session.offered().len()];
        self.marked = None;
        self.picked = None;
        self.result = None;
        let node = self.session.node();
        self.timer = (self.factor > 0 && !self.session.is_finished()).then(|| {
            let seconds =
                plan::discussion_seconds(node.time_limit().map(|t| t.seconds), self.factor);
            Timer::start(f64::from(seconds), now)
        });
        self.phase = if self.session.is_finished() {
            RoundPhase::Debrief
        } else {
            RoundPhase::Voting
        };
    }

    /// The conversation so far.
    pub fn transcript(&self) -> &[TranscriptLine] {
        &self.transcript
    }

    /// One more hand for the reply at display `position`; the timer waits
    /// while votes are entered.
    pub fn add_vote(&mut self, position: usize, now: f64) {
        if self.phase != RoundPhase::Voting {
            return;
        }
        if let Some(count) = self.votes.get_mut(position) {
            *count = (*count + 1).min(MAX_VOTES);
            if let Some(timer) = &mut self.timer {
                timer.pause(now);
            }
        }
    }

    /// One hand fewer for the reply at `position`.
    pub fn remove_vote(&mut self, position: usize) {
        if let Some(count) = self.votes.get_mut(position) {
            *count = count.saturating_sub(1);
        }
    }

    /// Marks (or unmarks) the reply at `position` as the room's majority.
    pub fn toggle_marked(&mut self, position: usize, now: f64) {
        if position < self.votes.len() {
            self.marked = (self.marked != Some(position)).then_some(position);
            if let Some(timer) = &mut self.timer {
                timer.pause(now);
            }
        }
    }

    /// Follows the reply at `position` whatever the vote (or back to the
    /// majority when it is picked again).
    pub fn toggle_picked(&mut self, position: usize) {
        if position < self.votes.len() {
            self.picked = (self.picked != Some(position)).then_some(position);
        }
    }

    /// The votes at this decision, by choice id in display order.
    pub fn current_votes(&self) -> Vec<ReplyVotes> {
        self.session
            .choices()
            .iter()
            .zip(&self.votes)
            .enumerate()
            .map(|(position, (choice, &votes))| ReplyVotes {
                reply_id: choice.id.clone(),
                votes,
                majority: self.marked == Some(position),
            })
            .collect()
    }

    /// The display position of the majority's reply, if one leads.
    pub fn majority(&self) -> Option<usize> {
        let votes = self.current_votes();
        let id = classroom::majority(&votes)?;
        votes.iter().position(|v| v.reply_id == id)
    }

    /// The reply the conversation will follow: the trainer's pick, else
    /// the majority.
    pub fn followed(&self) -> Option<usize> {
        self.picked.or_else(|| self.majority())
    }

    /// Closes the vote and plays the followed reply. False when there is
    /// nothing to follow yet.
    pub fn reveal(&mut self, now: f64) -> bool {
        if self.phase != RoundPhase::Voting {
            return false;
        }
        let Some(position) = self.followed() else {
            return false;
        };
        let votes = self.current_votes();
        if self.session.choose(position).is_err() {
            return false;
        }
        self.after_vote(votes, now);
        true
    }

    /// Plays the time-out on purpose (timed moments only).
    pub fn time_out(&mut self, now: f64) -> bool {
        if self.phase != RoundPhase::Voting || self.session.time_limit().is_none() {
            return false;
        }
        let votes = self.current_votes();
        if self.session.time_out().is_err() {
            return false;
        }
        self.after_vote(votes, now);
        true
    }

    fn after_vote(&mut self, votes: Vec<ReplyVotes>, now: f64) {
        self.room.push(votes);
        if let Some(timer) = &mut self.timer {
            timer.pause(now);
        }
        // The result is drawn from the same table as the group debrief.
        self.result = self.vote_table(Lang::En).pop();
        self.transcript = self.session.transcript();
        self.phase = RoundPhase::Result;
    }

    /// After the result: the next moment, or the debrief at an ending.
    pub fn next_moment(&mut self, now: f64) {
        if self.phase == RoundPhase::Result {
            self.new_moment(now);
        }
    }

    /// Every decision so far with the room's votes (texts are the
    /// scenario's; `lang` only affects explanations, not shown here).
    pub fn vote_table(&self, lang: Lang) -> Vec<VoteRow> {
        let record = Recording::start(records::now()).group_record(
            &self.session,
            "",
            &self.room,
            lang,
            records::now(),
        );
        classroom::vote_table(&record, self.session.scenario())
    }

    /// True when the followed reply at the last decision was a time-out.
    pub fn last_timed_out(&self) -> bool {
        self.session
            .steps()
            .last()
            .is_some_and(|s| s.reply == ReplyRef::Timeout)
    }
}
