//! The promise ledger during play: making, keeping, breaking and
//! confirming promises, and closing the ledger when the conversation ends.
//! What each of these is worth is the scoring model's rule
//! ([`ScoreLine::kept`] and the others), not the engine's.

use super::event::{ActionAt, Event};
use super::session::Session;
use super::view::PromiseStatus;
use crate::scenario::model::*;
use crate::scoring::ScoreLine;

impl Session {
    /// Applies one promise action written at `at`. Keep, break and confirm
    /// act only on a promise made on the way here; a promise is made, kept
    /// or broken once, and confirmed at most once.
    pub(super) fn promise_action(&mut self, action: &PromiseAction, at: ActionAt) {
        let promise = action.promise().promise;
        let Some(entry) = self.ledger.get_mut(promise as usize) else {
            return;
        };
        match action {
            PromiseAction::Make { limit, .. } => {
                if entry.status != PromiseStatus::NotMade {
                    return;
                }
                entry.status = PromiseStatus::Open;
                entry.limit = *limit;
                entry.made_at = Some(at);
                self.events.push(Event::PromiseMade {
                    promise,
                    limit: *limit,
                    at,
                });
                if let Some(limit) = *limit {
                    self.events
                        .push(Event::Scored(ScoreLine::unrealistic(promise, limit)));
                }
            }
            PromiseAction::Keep(_) => {
                if entry.status != PromiseStatus::Open {
                    return;
                }
                entry.status = PromiseStatus::Kept;
                let line = if entry.limit.is_some() {
                    ScoreLine::kept_by_luck(promise)
                } else {
                    ScoreLine::kept(promise)
                };
                self.events.push(Event::PromiseKept { promise });
                self.events.push(Event::Scored(line));
            }
            PromiseAction::Break(_) => {
                if entry.status != PromiseStatus::Open {
                    return;
                }
                entry.status = PromiseStatus::Broken;
                self.push_broken(promise, false);
            }
            PromiseAction::Confirm(_) => {
                // Only a promise that still stands can be confirmed: one
                // broken or taken back has nothing left to confirm.
                let stands = matches!(entry.status, PromiseStatus::Open | PromiseStatus::Kept);
                if !stands || entry.confirmed {
                    return;
                }
                entry.confirmed = true;
                let realistic = entry.limit.is_none();
                self.events.push(Event::PromiseConfirmed { promise });
                if realistic {
                    self.events
                        .push(Event::Scored(ScoreLine::confirmed(promise)));
                }
            }
            PromiseAction::Retract(_) => {
                if entry.status != PromiseStatus::Open {
                    return;
                }
                entry.status = PromiseStatus::Retracted;
                self.events.push(Event::PromiseRetracted { promise });
                self.events
                    .push(Event::Scored(ScoreLine::retracted(promise)));
            }
        }
    }

    /// At the end: a promise still open counts as broken, and a realistic
    /// one that could have been confirmed but was not loses the
    /// confirmation (one taken back has nothing to confirm).
    pub(super) fn close_ledger(&mut self) {
        for promise in 0..self.ledger.len() {
            if self.ledger[promise].status == PromiseStatus::Open {
                self.ledger[promise].status = PromiseStatus::Broken;
                self.push_broken(promise as PromiseIdx, true);
            }
        }
        for (promise, entry) in self.ledger.iter().enumerate() {
            let confirmable = self
                .scenario
                .promises
                .get(promise)
                .is_some_and(|p| p.confirmable);
            let owed = entry.made_at.is_some()
                && entry.limit.is_none()
                && entry.status != PromiseStatus::Retracted;
            if owed && confirmable && !entry.confirmed {
                self.events.push(Event::Scored(ScoreLine::not_confirmed(
                    promise as PromiseIdx,
                )));
            }
        }
    }

    /// Breaking a promise, during play or at the end: the event and its
    /// zero on promise-keeping.
    fn push_broken(&mut self, promise: PromiseIdx, at_end: bool) {
        self.events.push(Event::PromiseBroken { promise, at_end });
        self.events
            .push(Event::Scored(ScoreLine::broken(promise, at_end)));
    }
}
