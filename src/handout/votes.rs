//! The room's votes at one decision of a classroom session, as plain data
//! the group debrief prints: each reply's votes and share, the best reply
//! and the one the group followed.

use super::layout::{Column, Composer, GOOD_BG, Row, Style};
use super::texts::texts;
use crate::i18n::fill;
use crate::lang::Lang;
use crate::records::record::StepRecord;

/// One reply's votes at a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyVotes {
    /// The choice id (matched with the reply the group followed).
    pub reply_id: String,
    /// The reply's text.
    pub text: String,
    /// How many people chose it.
    pub votes: u32,
    /// It is the best reply on offer (see [`super::best_replies`]).
    pub is_best: bool,
}

/// The votes at one decision, in the order of the attempt's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionVotes {
    /// The node the decision was taken at.
    pub node_id: String,
    /// Every reply on offer with its votes.
    pub replies: Vec<ReplyVotes>,
}

impl DecisionVotes {
    /// All votes cast at this decision.
    pub fn total(&self) -> u64 {
        self.replies.iter().map(|r| u64::from(r.votes)).sum()
    }
}

/// The table of votes of one decision; `step` names the reply followed.
pub(super) fn votes_table(
    composer: &mut Composer,
    votes: &DecisionVotes,
    step: &StepRecord,
    lang: Lang,
) {
    let h = texts(lang);
    let total = votes.total();
    if total == 0 {
        composer.paragraph(h.no_votes, Style::NOTE.indented(12.0));
        return;
    }
    let columns = [
        Column {
            header: h.col_reply,
            share: 0.55,
            numeric: false,
        },
        Column {
            header: h.col_votes,
            share: 0.1,
            numeric: true,
        },
        Column {
            header: h.col_share,
            share: 0.17,
            numeric: false,
        },
        Column {
            header: h.col_note,
            share: 0.18,
            numeric: false,
        },
    ];
    let rows: Vec<Row> = votes
        .replies
        .iter()
        .map(|reply| {
            let share = reply.votes as f64 / total as f64;
            let followed = !step.timed_out && reply.reply_id == step.reply_id;
            let note = match (reply.is_best, followed) {
                (true, true) => format!("{} · {}", h.best, h.followed),
                (true, false) => h.best.to_string(),
                (false, true) => h.followed.to_string(),
                (false, false) => String::new(),
            };
            Row {
                cells: vec![
                    reply.text.clone(),
                    reply.votes.to_string(),
                    format!("{:.0} %", (share * 100.0).round()),
                    note,
                ],
                background: reply.is_best.then_some(GOOD_BG),
                bold: followed,
                bar: Some((2, share as f32)),
            }
        })
        .collect();
    composer.space(2.0);
    composer.table(&columns, &rows);
    composer.paragraph(
        &fill(h.votes_total, &[("count", &total.to_string())]),
        Style::NOTE.indented(12.0),
    );
}
